// Browser and bundler entry. Instantiates the WebAssembly module once, when the module is
// first imported: `new URL(…, import.meta.url)` is understood by browsers, Vite and
// webpack 5, so no configuration is needed. No network request is made other than
// fetching the package's own .wasm file from where the page serves it.
import init from "./prevalida.js";
import { bind } from "./api.js";

bind(await init({ module_or_path: new URL("./prevalida_bg.wasm", import.meta.url) }));

export { checkEmail, checkId, checkPassword, checkPhone, dianDocumentTypes, listCodes, nitCheckDigit, rutCheckDigit } from "./api.js";
export { checkPdf, extractPdfText, inspectPdf } from "./pdf-browser.js";
