// inspectPdf for Node ≥ 20: the PDF module is read from disk and instantiated in-process the
// first time it is needed (the core entry does not load it).
import { readFile } from "node:fs/promises";
import {
  callCheck, checkedUpload, flatRules, flatTextOptions, trapped, trappedCheck, trappedText, unreadInfo, unreadText, upload,
} from "./pdf-common.js";

let pdf = null;

async function load() {
  const m = await import("./prevalida_pdf.js");
  m.initSync({ module: await readFile(new URL("./prevalida_pdf_bg.wasm", import.meta.url)) });
  return m;
}

/**
 * Runs `work` on the module, loaded on first use. A trap (a bug: the module is written not
 * to panic) leaves the instance unusable: start a fresh one and answer `fallback()`.
 */
async function call(work, fallback) {
  pdf ??= await load();
  try {
    return JSON.parse(work(pdf));
  } catch (e) {
    if (!(e instanceof WebAssembly.RuntimeError)) throw e;
    pdf.__wbg_reset_state();
    return fallback();
  }
}

/** Inspects a PDF (`Uint8Array`, `ArrayBuffer`, `Blob`); resolves with a `PdfInfo`. */
export async function inspectPdf(data) {
  const { size, bytes, unread } = await upload(data);
  const info = await call((m) => m.inspectPdfJson(bytes), () => trapped(size));
  return unread ? unreadInfo(info, size) : info;
}

/** The text of a PDF's pages (`options.pages`, `options.maxChars`); resolves with `{ pages, truncated }`. */
export async function extractPdfText(data, options) {
  const o = flatTextOptions(options);
  const { bytes, unread } = await upload(data);
  if (unread) return unreadText();
  return call((m) => m.extractPdfTextJson(bytes, o.pages, o.maxChars), trappedText);
}

/** Checks an upload against a portal's rules; resolves with `{ ok, info, findings, issueDate? }`. */
export async function checkPdf(data, rules) {
  const flat = flatRules(rules);
  const u = await checkedUpload(data, flat);
  return call((m) => callCheck(m, u.bytes, u.size, u.rules), () => trappedCheck(u.size, flat.en));
}
