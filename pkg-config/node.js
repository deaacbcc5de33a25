// Node.js (≥ 20) entry: reads the .wasm next to this file and instantiates it
// synchronously, so `import { checkEmail } from "prevalida"` works in scripts and CLIs.
import { readFileSync } from "node:fs";
import { initSync } from "./prevalida.js";
import { bind } from "./api.js";

bind(initSync({ module: readFileSync(new URL("./prevalida_bg.wasm", import.meta.url)) }));

export { checkEmail, checkId, checkPassword, checkPhone, dianDocumentTypes, listCodes, nitCheckDigit, rutCheckDigit } from "./api.js";
export { checkPdf, extractPdfText, inspectPdf } from "./pdf-node.js";
