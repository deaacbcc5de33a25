// Types of the public API: the functions api.js exports (tests/js/package.test.mjs checks
// the two lists are the same). The types themselves are generated from the Rust types
// (tsify) into prevalida.d.ts (the core module: Finding, Code and every option and result)
// and prevalida_files.d.ts (the files module); this file re-exports what a user may import.
import type {
  CodeInfo,
  Finding,
  Country,
  DianDocumentType,
  EmailOptions,
  EmailResult,
  IdOptions,
  IdResult,
  Kind,
  Lang,
  PasswordOptions,
  PasswordResult,
  PhoneOptions,
  PhoneResult,
} from "./prevalida.js";
import type { PdfInfo, PdfRules, PdfText, TextOptions } from "./prevalida_files.js";

// checkEmail, checkPassword, checkId, checkPhone: declared, with their documentation, by
// the registry (src/lib.rs `checks!`) in prevalida.d.ts.
export * from "./checks.js";

/** A DIAN "tipo de documento" code, accepted by `checkId` in place of a kind. */
export type DianCode = DianDocumentType["code"];

/** The DIAN check digit (DV) of a NIT body, or `null` when the body is not 1–15 digits. */
export declare function nitCheckDigit(body: string): number | null;

/** The check digit of a Chilean RUT body, or `null` when the body is not 1–8 digits. */
export declare function rutCheckDigit(body: string): "0" | "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8" | "9" | "K" | null;

/** The DIAN "tipo de documento" table (UBL 2.1 annex), each code with its name and kind. */
export declare function dianDocumentTypes(): DianDocumentType[];

// inspectPdf, extractPdfText, checkPdf: declared by the files module (src/js/files.rs, next
// to its operations) in prevalida_files.d.ts, re-exported by checks.d.ts.

/** Every finding code of both modules (`api.*`, `email.*`, `password.*`, `id.*`, `phone.*`, `name.*`, `pdf.*`, `internal.*`) with its severity and message template in `lang` (default Spanish). */
export declare function listCodes(lang?: Lang): CodeInfo[];

// Every type generated from the Rust types (both modules) is exported by checks.d.ts.

/** The `Error` thrown on misuse (an argument of the wrong type or shape). */
export interface PrevalidaError extends Error {
  code: "api.invalid_argument";
}
