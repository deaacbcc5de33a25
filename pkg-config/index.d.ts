// Types of the public API: the functions api.js exports (tests/js/package.test.mjs checks
// the two lists are the same). The types themselves are generated from the Rust types
// (tsify) into prevalida.d.ts (the core module: Finding, Code and every option and result)
// and prevalida_files.d.ts (the files module); this file declares the few hand-written
// helpers and re-exports the rest.
import type { Code, CodeInfo, DianDocumentType, Finding, Lang } from "./prevalida.js";

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

/** A built-in profile (src/form/profiles/: one per portal form; docs/forms.md). */
export type ProfileName = "dian.adicionar_certificado" | "dian.certificado" | "gse.cuenta" | "gse.juridica" | "gse.natural" | "icert.solicitud" | "sii.certificado" | "siigo.representante";

/** What a field holds, and so how it is checked (docs/forms.md). */
export type FieldKind = "email" | "password" | "password_confirmation" | "nit" | "nit_dv" | "id_type" | "id_number" | "rut" | "phone" | "name" | "address" | "country" | "department" | "municipality" | "choice" | "text" | "pdf" | "pkcs12";

/** A text in Spanish and English, or one string for both. */
export type ProfileText = string | { es: string; en?: string };

/** A field of a profile (docs/forms.md says which properties each kind reads). */
export interface FieldDefinition {
  /** The input's `name`. */
  name: string;
  kind?: FieldKind;
  label?: ProfileText;
  help?: ProfileText;
  required?: boolean;
  /** A realistic value that passes. */
  example?: string;
  /** `choice`, `id_type`, `country`: the accepted values. */
  choices?: (string | { value: string; label?: ProfileText })[];
  /** `password_confirmation`, `nit_dv`: the field it belongs to. */
  of?: string;
  /** `nit`: the DV's own input. */
  dvField?: string;
  /** `id_number`: the input holding the document type. */
  idTypeField?: string;
  /** `municipality`: the input holding the departamento. */
  departmentField?: string;
  policy?: "gse" | "dian" | "nist";
  /** `password`: inputs whose values may not appear in the password. */
  personalFields?: string[];
  country?: "CO" | "CL" | "EC";
  phoneType?: "mobile" | "fixed";
  nameKind?: "person" | "company";
  minLength?: number;
  maxLength?: number;
  /** `pdf`, `pkcs12`: the largest file, in bytes. */
  maxBytes?: number;
  content?: "text" | "scan" | "any";
  minPages?: number;
  color?: boolean;
  /** `pdf`: inputs whose values the PDF's text must contain. */
  mustContainFields?: string[];
  issuedWithinDays?: number;
  passwordField?: string;
  holderField?: string;
}

/** A profile of your own, or a built-in one changed (`extends`): a field of the same name is changed property by property, a new one added, `remove` drops some. */
export interface ProfileDefinition {
  name?: string;
  extends?: ProfileName;
  title?: ProfileText;
  fields?: FieldDefinition[];
  remove?: string[];
}

/** A built-in profile's name or your own definition. */
export type Profile = ProfileName | ProfileDefinition;

/** A field as `describeProfile` answers it, texts in one language. */
export interface FieldDescription {
  name: string;
  label: string;
  kind: FieldKind;
  required: boolean;
  /** A realistic value that passes: a placeholder. Empty for files. */
  example: string;
  help: string;
  choices?: { value: string; label: string }[];
  maxLength?: number;
  maxBytes?: number;
  /** For an `<input type="file" accept>`. */
  accept?: string;
  /** Typed unseen (`<input type="password">`): a password, or a certificate's password. */
  secret?: true;
}

/** What `describeProfile` answers. */
export interface ProfileDescription {
  name: string;
  title: string;
  fields: FieldDescription[];
}

/** A form's values: by input name; files as `File`, `Blob`, `ArrayBuffer` or `Uint8Array`. */
export type FormValues = Record<string, string | number | boolean | Blob | ArrayBuffer | Uint8Array | null | undefined> | FormData | HTMLFormElement;

/** The built-in profiles' names (one per portal form: docs/forms.md). */
export declare function profiles(): ProfileName[];

/** A profile's title and fields (label, kind, required, example, help, choices, limits) in `options.lang`. Needs `prepareForm` first. */
export declare function describeProfile(profile: Profile, options?: { lang?: Lang }): ProfileDescription;

/** Loads what a form needs before the applicant does: the form engine and profiles, the place tables it uses and, when it has uploads, the files module. */
export declare function prepareForm(profile: Profile): Promise<void>;

/** Loads the password data (the big ranked lists of common passwords and words, ≈ 97 KB gzip, not in the core) once. `checkPassword` starts it on its first call; until it has loaded, `strength.provisional` is true. Never rejects: if the data cannot be loaded, the estimate stays provisional and a later call tries again. */
export declare function preparePassword(): Promise<void>;

/** What `checkField` answers. */
export interface FieldResult {
  ok: boolean;
  /** The value as it should be sent, when the field has one. */
  normalized?: string;
  findings: Finding[];
}

/** Checks one field as the applicant types, with the form's other `values` for the rules between fields. Synchronous; answers `form.not_ready` until `prepareForm` has resolved. */
export declare function checkField(profile: Profile, name: string, value: string, values?: FormValues, options?: { lang?: Lang }): FieldResult;

/** What `checkForm` answers. */
export interface FormResult {
  /** True when no finding is an error. */
  ok: boolean;
  /** Every field of the profile with its findings (empty when right). */
  fields: Record<string, Finding[]>;
  /** Every finding, each with its `field`. */
  findings: Finding[];
  /** The typed values as they should be sent (trimmed, normalized; a code for a place). */
  normalized: Record<string, string>;
}

/** Options of `checkForm`. */
export interface FormOptions {
  lang?: Lang;
  /** Check only the typed fields. */
  skipFiles?: boolean;
  /** Today, for the age of documents (`"YYYY-MM-DD"` or a `Date`; default the device's date). */
  today?: string | Date;
  /** The requests already made (DIAN: one email per razón social under the same NIT). */
  earlierRequests?: { nit: string; companyName: string; email: string }[];
}

/** Checks a whole form: typed fields, uploads and the rules between them. */
export declare function checkForm(profile: Profile, values: FormValues, options?: FormOptions): Promise<FormResult>;

/** Options of `attach`. */
export interface AttachOptions {
  lang?: Lang;
  /** Today, for the age of documents. */
  today?: string | Date;
  /** The requests already made (DIAN: one email per razón social under the same NIT). */
  earlierRequests?: { nit: string; companyName: string; email: string }[];
  /** Called with each whole-form result (on submit and on `check()`). */
  onResult?: (result: FormResult) => void;
}

/** What `attach` returns. */
export interface AttachedForm {
  /** Resolves when the form engine, and what the form needs, has loaded and the form is bound. */
  ready: Promise<void>;
  /** Checks the whole form now and shows every message. */
  check(): Promise<FormResult>;
  /** Removes every listener, message element and attribute `attach` added. */
  detach(): void;
}

/** Binds a form element to a profile by its inputs' `name`s: checks on input, blur, change and submit; `setCustomValidity`, `aria-invalid`, `aria-describedby` messages, the email suggestion as a button; submit held until the form passes. */
export declare function attach(form: HTMLFormElement, profile: Profile, options?: AttachOptions): AttachedForm;

// Every type generated from the Rust types (both modules) is exported by checks.d.ts.

/** A portal's own wording for some codes, in `lang` (`{name}` marks a parameter, as `listCodes()` shows); `null` restores the package's message. */
export declare function setMessages(lang: Lang, templates: Partial<Record<Code, string | null>>): void;

/** The `Error` thrown on misuse (an argument of the wrong type or shape). */
export interface PrevalidaError extends Error {
  code: "api.invalid_argument";
}
