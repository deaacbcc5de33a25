// inspectPdf for browsers and bundlers: the PDF module runs in a Web Worker that the package
// creates itself (no setting for the user), loaded the first time a page checks a PDF.
import {
  checkedUpload, flatRules, flatTextOptions, trapped, trappedCheck, trappedText, unreadInfo, unreadText, upload,
} from "./pdf-common.js";

let worker = null;
let seq = 0;
const waiting = new Map();

function start() {
  worker = new Worker(new URL("./pdf-worker.js", import.meta.url), { type: "module" });
  worker.onmessage = ({ data }) => {
    const w = waiting.get(data.id);
    waiting.delete(data.id);
    w?.(data.trap ? w.fallback() : data.result);
  };
  worker.onerror = () => {
    // The worker died (it could not load, or ran out of memory): answer what was asked
    // and start a new one next time.
    for (const [, w] of waiting) w(w.fallback());
    waiting.clear();
    worker.terminate();
    worker = null;
  };
}

/**
 * Inspects a PDF upload (`File`, `Blob`, `ArrayBuffer` or `Uint8Array`) off the main thread:
 * what it really is, encryption, pages, text or scan, images by color, JavaScript, embedded
 * files. Resolves with a `PdfInfo`; never rejects for any content.
 */
export async function inspectPdf(data) {
  const { size, bytes, unread } = await upload(data);
  const info = await ask({ bytes }, () => trapped(size));
  return unread ? unreadInfo(info, size) : info;
}

/**
 * The text of a PDF's pages (`options.pages`, 1-based; all by default), at most
 * `options.maxChars` characters, off the main thread. Resolves with `{ pages, truncated }`;
 * a file that is not a PDF or needs a password gives no pages. Rejects only on misuse.
 */
export async function extractPdfText(data, options) {
  const text = flatTextOptions(options);
  const { bytes, unread } = await upload(data);
  return unread ? unreadText() : ask({ bytes, text }, () => trappedText());
}

/**
 * Checks an upload against a portal's rules (`maxBytes`, `minPages`, `maxPages`,
 * `encryption: "forbid" | "allow"`, `content: "text" | "scan" | "any"`, `color`,
 * `mustContain`, `issuedWithinDays`, `today`, `lang`),
 * off the main thread. Resolves with `{ ok, info, findings }`; rejects only on misuse.
 */
export async function checkPdf(data, rules) {
  const flat = flatRules(rules);
  const u = await checkedUpload(data, flat);
  return ask(u, () => trappedCheck(u.size, flat.en));
}

function ask(message, fallback) {
  if (worker === null) start();
  const id = ++seq;
  return new Promise((resolve) => {
    resolve.fallback = fallback;
    waiting.set(id, resolve);
    worker.postMessage({ id, ...message }, [message.bytes.buffer]);
  });
}
