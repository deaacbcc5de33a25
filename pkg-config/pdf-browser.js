// The PDF functions for browsers and bundlers: the PDF module runs in a Web Worker that the package
// creates itself (no setting for the user), loaded the first time a page checks a PDF.
import { pdfApi } from "./pdf-common.js";

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

// inspectPdf, extractPdfText and checkPdf (pdf-common.js), answered by the worker. They
// resolve for any content and reject only on misuse.
export const { inspectPdf, extractPdfText, checkPdf } = pdfApi(ask);

function ask(message, fallback) {
  if (worker === null) start();
  const id = ++seq;
  return new Promise((resolve) => {
    resolve.fallback = fallback;
    waiting.set(id, resolve);
    worker.postMessage({ id, ...message }, [message.bytes.buffer]);
  });
}
