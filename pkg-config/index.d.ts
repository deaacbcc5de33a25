// Types of the public API: the functions api.js exports (tests/js/package.test.mjs checks
// the two lists are the same). The types themselves are generated from the Rust types
// (tsify) into prevalida.d.ts (the core module: Finding, Code and every option and result)
// and prevalida_files.d.ts (the files module); this file declares the few hand-written
// helpers and re-exports the rest.
import type { CodeInfo, DianDocumentType, Lang } from "./prevalida.js";

// The typed-field checks (checkEmail, checkPassword, checkId, checkPhone, checkName…):
// declared, with their documentation, by the registry (src/lib.rs `checks!`) in
// prevalida.d.ts; the files module's functions (inspectPdf, extractPdfText, checkPdf,
// identifyFile…) next to its operations (src/js/files.rs) in prevalida_files.d.ts. checks.d.ts
// (generated) re-exports both, and every generated type.
export * from "./checks.js";

/** A DIAN "tipo de documento" code, accepted by `checkId` in place of a kind. */
export type DianCode = DianDocumentType["code"];

/** The DIAN check digit (DV) of a NIT body, or `null` when the body is not 1–15 digits. */
export declare function nitCheckDigit(body: string): number | null;

/** The check digit of a Chilean RUT body, or `null` when the body is not 1–8 digits. */
export declare function rutCheckDigit(body: string): "0" | "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8" | "9" | "K" | null;

/** The DIAN "tipo de documento" table (UBL 2.1 annex), each code with its name and kind. */
export declare function dianDocumentTypes(): DianDocumentType[];

/** Every finding code of both modules (`api.*`, `email.*`, `password.*`, `id.*`, `phone.*`, `name.*`, `pdf.*`, `internal.*`: docs/codes.md) with its severity and message template in `lang` (default Spanish). */
export declare function listCodes(lang?: Lang): CodeInfo[];

// Every type generated from the Rust types (both modules) is exported by checks.d.ts.

/** The `Error` thrown on misuse (an argument of the wrong type or shape). */
export interface PrevalidaError extends Error {
  code: "api.invalid_argument";
}
