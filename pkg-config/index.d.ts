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

/**
 * What {@link inspectPdf} returns. `error` is set only when the file was not inspected:
 * `"pdf.too_large"` for an upload over 64 MB (only its first bytes are read, to name its
 * `kind`), `"internal.error"` if the PDF module failed on it.
 */
export type PdfInfoResult = PdfInfo & { error?: "internal.error" | "pdf.too_large" };

/**
 * Inspects a PDF upload off the main thread (a Web Worker in browsers, created by the
 * package; in-process in Node): what the file really is, encryption (`"owner"`: opens but
 * restricted; `"user"`: needs a password), pages, text or scan per page (`pageCensus`),
 * images by color, JavaScript, embedded files. The PDF module is loaded on the first call.
 * Resolves for any content; rejects only on misuse (`data` of another type).
 */
export declare function inspectPdf(data: Blob | ArrayBuffer | Uint8Array): Promise<PdfInfoResult>;

/** What {@link checkPdf} returns. */
export interface PdfCheckResult {
  /** True when no finding is an error. */
  ok: boolean;
  /** The inspection ({@link inspectPdf}); for an upload too large to read, only `bytes` is known (0). */
  info: PdfInfoResult;
  /**
   * Everything found, errors first, with the message rendered in `rules.lang`; a single
   * `internal.error` finding if the PDF module failed on this file.
   */
  findings: Finding[];
  /** The issue date found (`"YYYY-MM-DD"`), when `issuedWithinDays` was asked and a date was found. */
  issueDate?: string;
}

/** Which text {@link extractPdfText} reads. */
export type PdfTextOptions = TextOptions;

/** What {@link extractPdfText} returns; `error` as in {@link PdfInfoResult} (then `pages` is empty). */
export type PdfTextResult = PdfText & { error?: "internal.error" | "pdf.too_large" };

/**
 * The text of a PDF's pages, one string per page asked (lines separated by `\n`, words by
 * spaces, in the order the page draws them), off the main thread. A page number past the
 * end gives `""`; a file that is not a PDF or needs a password gives `pages: []`. Resolves
 * for any content; rejects only on misuse.
 */
export declare function extractPdfText(data: Blob | ArrayBuffer | Uint8Array, options?: PdfTextOptions): Promise<PdfTextResult>;

/**
 * Checks a PDF upload against a portal's rules, off the main thread: size, real PDF, no
 * password, pages, text or scan, color, texts it must contain, how recently it was issued.
 * An upload over 64 MB is never read: it gets `pdf.too_large` against `maxBytes`, or against
 * 64 MB when there is no `maxBytes`. Resolves for any content; rejects only on misuse.
 */
export declare function checkPdf(data: Blob | ArrayBuffer | Uint8Array, rules: PdfRules): Promise<PdfCheckResult>;

/** Every finding code of both modules (`api.*`, `email.*`, `password.*`, `id.*`, `phone.*`, `pdf.*`, `internal.*`) with its severity and message template in `lang` (default Spanish). */
export declare function listCodes(lang?: Lang): CodeInfo[];

export type {
  Code,
  CodeInfo,
  CharClass,
  Country,
  CustomPolicy,
  DianDocumentType,
  EmailOptions,
  EmailResult,
  Finding,
  Holder,
  IdDetails,
  IdOptions,
  IdResult,
  Kind,
  Lang,
  PasswordOptions,
  PasswordResult,
  PhoneOptions,
  PhoneResult,
  PhoneType,
  Pattern,
  Policy,
  PolicyName,
  Rule,
  RucType,
  RuleId,
  Severity,
  Strength,
} from "./prevalida.js";

export type { Content, Encryption, EncryptionRule, FileKind, ImageCensus, PageCensus, PageKind, PdfInfo, PdfRules, PdfText } from "./prevalida_files.js";

/** The `Error` thrown on misuse (an argument of the wrong type or shape). */
export interface PrevalidaError extends Error {
  code: "api.invalid_argument";
}
