// The public API, and its only list: index.js (browsers, bundlers) and node.js (Node) export
// everything this module exports. The typed-field checks are generated from the registry
// (src/lib.rs `checks!` → scripts/gen-checks.mjs → checks.js); the file checks run in the
// files module (files.js).
import * as wasm from "./prevalida.js";
import { misuse, t } from "./messages.js";

export * from "./checks.js";
export { listCodes, setMessages } from "./messages.js";
export * from "./files.js";
export * from "./forms.js";
export { preparePassword } from "./instance.js";

/** The DIAN check digit (DV) of a NIT body, or `null` when the body is not 1–15 digits. */
export function nitCheckDigit(body) {
  if (typeof body !== "string") throw misuse("body must be a string");
  const d = wasm.nitCheckDigit(body);
  return d < 0 ? null : d;
}

/** The check digit of a Chilean RUT body (`"0"`–`"9"` or `"K"`), or `null` when the body is not 1–8 digits. */
export function rutCheckDigit(body) {
  if (typeof body !== "string") throw misuse("body must be a string");
  return wasm.rutCheckDigit(body) || null;
}

/** The DIAN "tipo de documento" table: code, name and the kind `checkId` checks it as. */
export function dianDocumentTypes() {
  return t().dian.slice();
}
