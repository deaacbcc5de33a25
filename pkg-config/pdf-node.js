// The PDF functions for Node ≥ 20: the PDF module is read from disk and instantiated in-process the
// first time it is needed (the core entry does not load it).
import { readFile } from "node:fs/promises";
import { dispatch, pdfApi } from "./pdf-common.js";

let pdf = null;

async function load() {
  const m = await import("./prevalida_pdf.js");
  m.initSync({ module: await readFile(new URL("./prevalida_pdf_bg.wasm", import.meta.url)) });
  return m;
}

/**
 * Answers one request on the module, loaded on first use. A trap (a bug: the module is
 * written not to panic) leaves the instance unusable: start a fresh one and answer
 * `fallback()`.
 */
async function run(msg, fallback) {
  pdf ??= await load();
  try {
    return JSON.parse(dispatch(pdf, msg));
  } catch (e) {
    if (!(e instanceof WebAssembly.RuntimeError)) throw e;
    pdf.__wbg_reset_state();
    return fallback();
  }
}

// inspectPdf, extractPdfText and checkPdf (pdf-common.js), in-process.
export const { inspectPdf, extractPdfText, checkPdf } = pdfApi(run);
