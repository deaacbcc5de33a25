// The Web Worker that runs the PDF module, off the page's main thread. Created by
// pdf-browser.js the first time a page checks a PDF; the module is fetched then, not before.
import init, * as pdf from "./prevalida_pdf.js";
import { dispatch } from "./pdf-common.js";

const { __wbg_reset_state } = pdf;
const ready = init({ module_or_path: new URL("./prevalida_pdf_bg.wasm", import.meta.url) });
ready.catch(() => {}); // a failed load is answered per call, below

self.onmessage = async ({ data }) => {
  try {
    // Inside the try: if the module cannot be fetched or compiled, every call is answered
    // (internal.error) instead of waiting forever.
    await ready;
    self.postMessage({ id: data.id, result: JSON.parse(dispatch(pdf, data)) });
  } catch (e) {
    // A trap (a bug: the module is written not to panic) leaves the instance unusable:
    // start a fresh one and answer this file with internal.error.
    if (e instanceof WebAssembly.RuntimeError) __wbg_reset_state();
    self.postMessage({ id: data.id, trap: true });
  }
};
