// Whole forms: a profile (src/form/profiles/, or a portal's own) and the values of a form.
// The typed fields are checked by the core in one call (`checkFields`, the registry);
// uploads by the files module with the rules the core answers for each file field; the
// place tables (DIVIPOLA, CUT) load on first use from places.js, a separate module the
// page downloads only when a form has a departamento or municipio.
import * as wasm from "./prevalida.js";
import { checkFields } from "./checks.js";
import { checkPdf, identifyFile } from "./files.js";
import { misuse, renderFindings, t } from "./messages.js";

/** The built-in profiles' names. */
export function profiles() {
  return t().profiles.slice();
}

/** A profile's title and fields (label, kind, required, example, help, choices…) in `options.lang`. */
export function describeProfile(profile, options) {
  return JSON.parse(wasm.describeProfile(JSON.stringify({ profile, lang: options?.lang })));
}

let places = null;
const loaded = new Set();
/** Loads the place tables of `countries` into the core (once). */
async function loadPlaces(countries) {
  if (countries.every((c) => loaded.has(c))) return;
  places ??= import("./places.js");
  const data = await places;
  for (const c of countries) {
    if (!loaded.has(c) && typeof data[c] === "string") {
      wasm.loadPlaces(c, data[c]);
      loaded.add(c);
    }
  }
}

/**
 * Gets a form ready before the applicant needs it: the place tables it uses, and, when it has
 * uploads, the files module (fetched and compiled in its worker), so that the first upload
 * is answered as fast as the next ones. Call it when the form appears; `checkForm` works
 * without it.
 */
export async function prepareForm(profile) {
  const d = describeProfile(profile);
  const countries = d.fields.some((f) => f.kind === "department" || f.kind === "municipality") ? ["CO", "CL"] : [];
  const files = d.fields.some((f) => f.kind === "pdf" || f.kind === "pkcs12");
  await Promise.all([loadPlaces(countries), files ? identifyFile(new Uint8Array(0)) : null]);
}

/**
 * A form's values as `{ text, files }`: from a plain object, a `FormData` or a form element
 * (its `FormData`). Strings go to `text`; `File`, `Blob`, `ArrayBuffer` and `Uint8Array` to
 * `files`; an empty file input (a `File` of no name and no bytes) counts as not attached.
 */
function split(values) {
  if (typeof HTMLFormElement !== "undefined" && values instanceof HTMLFormElement) values = new FormData(values);
  const entries = typeof FormData !== "undefined" && values instanceof FormData
    ? [...values.entries()]
    : typeof values === "object" && values !== null && !Array.isArray(values)
      ? Object.entries(values)
      : null;
  if (entries === null) throw misuse("values must be an object, a FormData or a form element");
  const text = {};
  const files = {};
  for (const [k, v] of entries) {
    if (typeof v === "string") text[k] = v;
    else if (typeof v === "number" || typeof v === "boolean") text[k] = String(v);
    else if (isFile(v)) {
      if (!(typeof File !== "undefined" && v instanceof File && v.size === 0 && v.name === "")) files[k] = v;
    } else if (v !== undefined && v !== null) throw misuse(`values.${k} must be a string or a file`);
  }
  return { text, files };
}

function isFile(v) {
  return (typeof Blob !== "undefined" && v instanceof Blob) || v instanceof ArrayBuffer || v instanceof Uint8Array;
}

/**
 * Checks one field as the applicant types (synchronous): `values` are the form's other
 * values, for the rules between fields (the confirmation, the document type, the
 * departamento). Resolves places once `prepareForm` or `checkForm` has loaded them; before,
 * a place field answers `form.not_ready`.
 */
export function checkField(profile, name, value, values, options) {
  if (typeof name !== "string") throw misuse("name must be a string");
  const { text } = split(values ?? {});
  text[name] = typeof value === "string" ? value : "";
  const r = checkFields(text, { profile, only: name, lang: options?.lang });
  const result = { ok: r.ok, findings: r.findings };
  if (r.normalized[name] !== undefined) result.normalized = r.normalized[name];
  return result;
}

/**
 * Checks a whole form: every typed field in the core, every upload in the files module with
 * the profile's rules (sizes, scans, the NIT and razón social typed found in the PDF, the
 * certificado's age), the rules between fields. `fields` has every field of the profile,
 * each with its findings (empty when right); `findings` all of them in the form's order.
 */
export async function checkForm(profile, values, options) {
  const lang = options?.lang;
  const { text, files } = split(values);
  let r = checkFields(text, { profile, lang });
  if (r.needs.length > 0) {
    await loadPlaces(r.needs);
    r = checkFields(text, { profile, lang });
  }
  const findings = r.findings;
  const fields = {};
  for (const f of describeProfile(profile).fields) fields[f.name] = [];
  const uploads = [];
  if (!options?.skipFiles) {
    for (const u of r.uploads) {
      const file = files[u.field];
      if (file === undefined) {
        if (u.required) findings.push(coded("form.required", u.field, lang));
        continue;
      }
      if (u.kind === "pdf") {
        uploads.push(checkPdf(file, { ...u.rules, lang, ...(options?.today && { today: options.today }) }).then((p) => p.findings));
      } else {
        // Certificates (PKCS#12): size and presence until checkCertificate lands (issue 13).
        const size = file.size ?? file.byteLength;
        const max = u.rules.maxBytes;
        if (max !== undefined && size > max) uploads.push([coded("form.file_too_large", u.field, lang, { size, max })]);
      }
    }
  }
  for (const list of await Promise.all(uploads)) findings.push(...list);
  for (const f of findings) (fields[f.field] ??= []).push(f);
  return { ok: !findings.some((f) => f.severity === "error"), fields, findings, normalized: r.normalized };
}

function coded(code, field, lang, params = {}) {
  return renderFindings([{ code, field, params }], lang === "en")[0];
}
