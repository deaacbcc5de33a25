// inspectPdf for Node ≥ 20: the PDF module is read from disk and instantiated in-process the
// first time it is needed (the core entry does not load it).
import { readFile } from "node:fs/promises";
import { bytesOf, callCheck, flatRules, flatTextOptions, sizedBytes, trapped, trappedCheck, trappedText } from "./pdf-common.js";

let pdf = null;

async function load() {
  const m = await import("./prevalida_pdf.js");
  m.initSync({ module: await readFile(new URL("./prevalida_pdf_bg.wasm", import.meta.url)) });
  return m;
}

/** Inspects a PDF (`Uint8Array`, `ArrayBuffer`, `Blob`); resolves with a `PdfInfo`. */
export async function inspectPdf(data) {
  const bytes = await bytesOf(data);
  pdf ??= await load();
  try {
    return JSON.parse(pdf.inspectPdfJson(bytes));
  } catch (e) {
    if (!(e instanceof WebAssembly.RuntimeError)) throw e;
    pdf.__wbg_reset_state();
    return trapped(bytes.length);
  }
}

/** The text of a PDF's pages (`options.pages`, `options.maxChars`); resolves with `{ pages, truncated }`. */
export async function extractPdfText(data, options) {
  const o = flatTextOptions(options);
  const bytes = await bytesOf(data);
  pdf ??= await load();
  try {
    return JSON.parse(pdf.extractPdfTextJson(bytes, o.pages, o.maxChars));
  } catch (e) {
    if (!(e instanceof WebAssembly.RuntimeError)) throw e;
    pdf.__wbg_reset_state();
    return trappedText();
  }
}

/** Checks an upload against a portal's rules; resolves with `{ ok, info, findings }`. */
export async function checkPdf(data, rules) {
  const r = flatRules(rules);
  const { size, bytes } = await sizedBytes(data, r.maxBytes);
  pdf ??= await load();
  try {
    return JSON.parse(callCheck(pdf, bytes, size, r));
  } catch (e) {
    if (!(e instanceof WebAssembly.RuntimeError)) throw e;
    pdf.__wbg_reset_state();
    return trappedCheck(size, r.en);
  }
}
