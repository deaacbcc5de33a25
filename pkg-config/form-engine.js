// The form engine, loaded the first time a page uses a form (forms.js): a profile (the
// built-in ones of src/form/profiles/, a portal's own, or one `extends` with changes) and a
// form's values in, every field checked out. Each typed field goes to the core check of its
// kind (checkEmail, checkPassword, checkId, checkPhone, checkName, checkAddress); what is
// between fields (the confirmation, the document type that decides the identifier's kind,
// the municipio of the departamento, the NIT and razón social typed that an upload must
// contain) is decided here; uploads go to the files module with the profile's rules. Places
// (DIVIPOLA, CUT) are matched here, against the tables of places.js, loaded with a form that
// has them: kept out of the core, where the same matching cost 6.6 KB gzip of wasm
// (docs/forms.md). Findings made here use the codes of the one table (form.*, place.*).
import PROFILES from "./profiles.js";
import { checkAddress, checkEmail, checkId, checkName, checkPassword, checkPhone } from "./checks.js";
import { checkCertificate, checkPdf } from "./files.js";
import { misuse, renderFindings, t } from "./messages.js";
import { preparePassword } from "./instance.js";

/** Every field kind (docs/forms.md); the TypeScript `FieldKind` lists the same. */
export const KINDS = [
  "email", "password", "password_confirmation", "nit", "nit_dv", "id_type", "id_number", "rut", "phone", "name",
  "address", "country", "department", "municipality", "choice", "text", "pdf", "pkcs12",
];
const FILE = new Set(["pdf", "pkcs12"]);
const PLACE = new Set(["department", "municipality"]);

// ---- profiles ----

const isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);

/** The profile `profile` names or defines, `extends` applied: `{ name, title, fields }`. */
function resolve(profile, depth = 0) {
  if (typeof profile === "string") {
    const p = Object.hasOwn(PROFILES, profile) ? PROFILES[profile] : undefined;
    if (p === undefined) throw misuse(`no profile "${profile}" (built-in: ${Object.keys(PROFILES).join(", ")})`);
    return p;
  }
  if (!isObject(profile) || depth > 8) throw misuse("profile must be a profile name or a profile object");
  const base = profile.extends === undefined ? { name: "", title: "", fields: [] } : resolve(profile.extends, depth + 1);
  const remove = profile.remove ?? [];
  if (!Array.isArray(remove)) throw misuse("profile.remove must be an array of field names");
  const fields = base.fields.filter((f) => !remove.includes(f.name));
  const changes = profile.fields ?? [];
  if (!Array.isArray(changes)) throw misuse("profile.fields must be an array");
  for (const [i, f] of changes.entries()) {
    if (!isObject(f) || typeof f.name !== "string" || f.name === "") throw misuse(`profile.fields[${i}].name must be a field name`);
    const at = fields.findIndex((x) => x.name === f.name);
    const field = at < 0 ? { ...f } : { ...fields[at], ...f };
    if (!KINDS.includes(field.kind)) throw misuse(`profile.fields[${i}].kind must be one of ${KINDS.join(", ")}`);
    for (const key of ["personalFields", "mustContainFields"]) {
      if (field[key] !== undefined && !(Array.isArray(field[key]) && field[key].every((x) => typeof x === "string"))) {
        throw misuse(`profile.fields[${i}].${key} must be an array of field names`);
      }
    }
    const choiceOk = (c) => typeof c === "string" || (isObject(c) && typeof c.value === "string");
    if (field.choices !== undefined && !(Array.isArray(field.choices) && field.choices.every(choiceOk))) {
      throw misuse(`profile.fields[${i}].choices must be an array of strings or { value, label }`);
    }
    for (const key of ["of", "dvField", "idTypeField", "departmentField", "passwordField", "holderField", "example"]) {
      if (field[key] !== undefined && typeof field[key] !== "string") throw misuse(`profile.fields[${i}].${key} must be a string`);
    }
    if (at < 0) fields.push(field);
    else fields[at] = field;
  }
  if (fields.length === 0) throw misuse("profile.fields must not be empty");
  return { name: profile.name ?? base.name, title: profile.title ?? base.title, fields };
}

/** A password, or a certificate's password whatever its kind: typed unseen, never repeated back. */
const isSecret = (p, f) => f.kind === "password" || f.kind === "password_confirmation" || p.fields.some((x) => x.passwordField === f.name);

/** A text of a profile (`"…"` or `{ es, en }`) in `lang`. */
const text = (t, lang) => (typeof t === "string" ? t : isObject(t) ? (lang === "en" && t.en) || t.es || "" : "");

/** A profile's title and fields with their texts in `options.lang`. */
export function describeProfile(profile, options) {
  const lang = options?.lang;
  const p = resolve(profile);
  return {
    name: p.name,
    title: text(p.title, lang),
    fields: p.fields.map((f) => {
      const d = { name: f.name, label: text(f.label, lang), kind: f.kind, required: f.required === true, example: f.example ?? "", help: text(f.help, lang) };
      // A document type given by its DIAN code reads as DIAN names it.
      const dian = (code) => (f.kind === "id_type" && t().dian.find((x) => x.code === code)?.name) || code;
      if (f.choices) d.choices = f.choices.map((c) => (typeof c === "string" ? { value: c, label: dian(c) } : { value: c.value, label: text(c.label, lang) || c.value }));
      // Typed unseen: passwords, and a certificate's password whatever its kind.
      if (isSecret(p, f)) d.secret = true;
      if (f.maxLength !== undefined) d.maxLength = f.maxLength;
      if (f.maxBytes !== undefined) d.maxBytes = f.maxBytes;
      if (f.kind === "pdf") d.accept = "application/pdf,.pdf";
      if (f.kind === "pkcs12") d.accept = ".p12,.pfx,application/x-pkcs12";
      return d;
    }),
  };
}

// ---- places ----

let places = null;
/** Loads the place tables (once). */
async function loadPlaces() {
  if (places !== null) return;
  const data = await import("./places.js");
  places = { CO: table(data.CO, 1, 2, 0, 3), CL: table(data.CL, 0, 1, 4, 5) };
}

/** A country's table from its CSV: the columns of the departamento's code and name, the municipio's. */
function table(csv, dc, dn, mc, mn) {
  const departments = new Map();
  const municipalities = [];
  const byDepartment = new Map();
  for (const line of csv.split(/\r?\n/).slice(1)) {
    const cells = [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)].map((m) => m[1].replace(/^"|"$/g, "").replaceAll('""', '"'));
    if (cells.length < 4 || cells[mc] === "") continue;
    if (!departments.has(cells[dc])) departments.set(cells[dc], place(cells[dc], cells[dn]));
    const m = place(cells[mc], cells[mn]);
    municipalities.push(m);
    if (!byDepartment.has(cells[dc])) byDepartment.set(cells[dc], []);
    byDepartment.get(cells[dc]).push(m);
  }
  return { departments: [...departments.values()], municipalities, byDepartment };
}

const place = (code, name) => ({ code, name, key: key(name) });
/** What `find` answers for a name that several places share. */
const AMBIGUOUS = Object.freeze({ ambiguous: true });

/**
 * A departamento or región as people write it, the words that are not its name dropped:
 * "Departamento de Antioquia", "Región de Valparaíso", "V Región", "Región V", "RM", "Bío Bío".
 * Chile's regions are numbered by their code (I = 01 … XVI = 16): only in Chile's table.
 */
function departmentKey(v, chile) {
  let k = key(v)
    .replace(/^(departamento|depto|dpto|region|reg)( (de|del))?( la| los| las)? /, "")
    .replace(/ region$/, "");
  const roman = chile && /^(?:region )?([ivx]+)(?: region)?$/.exec(k);
  if (roman) {
    const n = romanValue(roman[1]);
    if (n > 0) return { code: String(n).padStart(2, "0") };
  }
  if (k === "rm" || k === "metropolitana" || k === "region metropolitana") k = "metropolitana de santiago";
  if (k === "bio bio") k = "biobio";
  return { key: k };
}

/** I … XVI as a number, written the usual way; 0 for anything else. */
const ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv", "xvi"];
const romanValue = (s) => ROMAN.indexOf(s) + 1;

/** The departamento (región) typed as `value`: by code, by name, by the ways people write it. */
function findDepartment(t, value) {
  const { departments } = t;
  const hit = find(departments, value);
  if (hit !== null && hit !== AMBIGUOUS) return hit;
  const d = departmentKey(value, t === places.CL);
  if (d.code !== undefined) return departments.find((p) => p.code === d.code) ?? null;
  if (d.key === "" || d.key === key(value)) return null;
  const again = find(departments, d.key);
  return again === AMBIGUOUS ? null : again;
}

/** A name folded for matching: no accents or case, words of letters and digits; single letters glued ("D.C." → "dc"). */
function key(s) {
  const words = s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  let out = "";
  for (const [i, w] of words.entries()) out += i > 0 && !(w.length === 1 && words[i - 1].length === 1) ? ` ${w}` : w;
  return out;
}

/**
 * The place typed as `value` among `here`: by code; by name exactly;
 * then the one name that starts with it ("Bogotá" → "Bogotá, D.C."), then the one that holds
 * it as whole words ("San Andrés" → the archipelago). `null` when none or several.
 */
function find(here, value) {
  const v = value.trim();
  if (/^\d+$/.test(v)) return here.find((p) => p.code === v) ?? null;
  const k = key(v);
  if (k === "") return null;
  const exact = here.filter((p) => p.key === k);
  // A name several departamentos share ("La Unión"), with nothing to tell them apart.
  if (exact.length > 1) return AMBIGUOUS;
  if (exact.length === 1) return exact[0];
  for (const test of [(p) => p.key.startsWith(`${k} `), (p) => ` ${p.key} `.includes(` ${k} `)]) {
    const hits = here.filter(test);
    if (hits.length === 1) return hits[0];
  }
  return null;
}

let regions = null;
/** ISO 3166 alpha-2 codes by folded Spanish and English name (Intl.DisplayNames). */
function countries() {
  if (regions === null) {
    regions = new Map();
    const names = ["es", "en"].map((l) => new Intl.DisplayNames([l], { type: "region", fallback: "none" }));
    for (let a = 65; a <= 90; a++) {
      for (let b = 65; b <= 90; b++) {
        const code = String.fromCharCode(a, b);
        for (const n of names) {
          const name = n.of(code);
          if (name !== undefined && name !== code) {
            regions.set(code.toLowerCase(), code);
            regions.set(key(name), code);
          }
        }
      }
    }
  }
  return regions;
}

// ---- fields ----

/** A finding made here, rendered like every other. */
const coded = (code, field, lang, params = {}) => renderFindings([{ code, field, params }], lang === "en")[0];

/**
 * Checks the typed field `f` of profile `p`: `{ findings, normalized? }`. `get` reads the
 * form's other values. Uploads are not read here.
 */
function checkTyped(p, f, get, lang) {
  const v = get(f.name);
  const field = f.name;
  const shown = v.trim().slice(0, 60);
  if (v.trim() === "") {
    // The DV's absence is the NIT's to report.
    const dvOfTypedNit = f.kind === "nit_dv" && get(f.of).trim() !== "";
    return { findings: f.required === true && !dvOfTypedNit ? [coded("form.required", field, lang)] : [] };
  }
  const one = (r, normalized = r.normalized) => ({ findings: r.findings, normalized: r.ok ? normalized : undefined });
  switch (f.kind) {
    case "email":
      return one(checkEmail(v, { field, lang }));
    case "password": {
      const personal = (f.personalFields ?? []).map(get).map((x) => x.trim()).filter(Boolean);
      return { findings: checkPassword(v, { policy: f.policy ?? "gse", personal, field, lang }).findings };
    }
    case "password_confirmation":
      return { findings: v === get(f.of) ? [] : [coded("form.confirmation_mismatch", field, lang)] };
    case "nit": {
      if (f.dvField === undefined) return one(checkId(v, { kind: "co.nit", field, lang }), undefined);
      const r = checkId({ nit: v, dv: get(f.dvField) }, { kind: "co.nit", field, lang });
      // A NIT in two inputs reports as "<field>.nit" / "<field>.dv": the inputs' own names.
      for (const x of r.findings) x.field = x.field?.endsWith(".dv") ? f.dvField : field;
      return { findings: r.findings, normalized: r.ok ? r.compact : undefined };
    }
    case "nit_dv":
      return { findings: [] };
    case "id_type":
    case "choice": {
      const values = (f.choices ?? []).map((c) => (typeof c === "string" ? c : c.value));
      if (values.length > 0 && !values.includes(v.trim())) return { findings: [coded("form.invalid_choice", field, lang, { value: shown })] };
      return { findings: [], normalized: v.trim() };
    }
    case "id_number":
    case "rut": {
      const kind = f.kind === "rut" ? "cl.rut" : get(f.idTypeField).trim();
      const type = p.fields.find((x) => x.name === f.idTypeField);
      const allowed = (type?.choices ?? []).map((c) => (typeof c === "string" ? c : c.value));
      // No document type, or one its own field refuses: that field says so.
      if (f.kind === "id_number" && (kind === "" || (allowed.length > 0 && !allowed.includes(kind)))) return { findings: [] };
      const r = checkId(v, { kind, field, lang });
      return { findings: r.findings, normalized: r.ok ? r.compact : undefined };
    }
    case "phone": {
      const r = checkPhone(v, { country: f.country ?? "CO", ...(f.phoneType && { type: f.phoneType }), field, lang });
      return { findings: r.findings, normalized: r.ok ? r.e164 : undefined };
    }
    case "name":
      // Composed (NFC), as portals store names: "José" typed with a combining accent is one "é".
      return one(checkName(v.normalize("NFC"), { kind: f.nameKind ?? "person", ...(f.maxLength !== undefined && { maxLength: f.maxLength }), field, lang }));
    case "address":
      return one(checkAddress(v, { ...(f.maxLength !== undefined && { maxLength: f.maxLength }), field, lang }));
    case "country": {
      const code = countries().get(v.trim().length === 2 ? v.trim().toLowerCase() : key(v));
      const allowed = (f.choices ?? []).map((c) => (typeof c === "string" ? c : c.value));
      if (code === undefined) return { findings: [coded("place.unknown_country", field, lang, { value: shown })] };
      if (allowed.length > 0 && !allowed.includes(code)) return { findings: [coded("form.invalid_choice", field, lang, { value: shown })] };
      return { findings: [], normalized: code };
    }
    case "department":
    case "municipality":
      return checkPlace(p, f, v, get, lang);
    case "text": {
      const t = v.trim().replace(/\s+/g, " ");
      const n = [...t].length;
      if (f.maxLength !== undefined && n > f.maxLength) return { findings: [coded("form.too_long", field, lang, { length: n, max: f.maxLength })] };
      if (f.minLength !== undefined && n < f.minLength) return { findings: [coded("form.too_short", field, lang, { min: f.minLength })] };
      return { findings: [], normalized: t };
    }
    default:
      return { findings: [] };
  }
}

/** A departamento (región) or municipio (comuna) field. */
function checkPlace(p, f, v, get, lang) {
  const field = f.name;
  const shown = v.trim().slice(0, 60);
  if (places === null) return { findings: [coded("form.not_ready", field, lang)] };
  const deptField = f.kind === "department" ? f : p.fields.find((x) => x.name === f.departmentField);
  const t = places[deptField?.country === "CL" ? "CL" : "CO"];
  if (f.kind === "department") {
    const d = findDepartment(t, v);
    return d ? { findings: [], normalized: d.code } : { findings: [coded("place.unknown_department", field, lang, { value: shown })] };
  }
  const dept = f.departmentField ? findDepartment(t, get(f.departmentField)) : null;
  // Those of the departamento first (a name repeats across departamentos), then anywhere.
  const inDept = dept ? find(t.byDepartment.get(dept.code) ?? [], v) : null;
  const m = inDept !== null && inDept !== AMBIGUOUS ? inDept : find(t.municipalities, v);
  if (m === AMBIGUOUS) {
    // A name several departamentos share. With no departamento to choose, it exists, but
    // which one is not known, so no code is claimed for it; with one that has none of them,
    // it is of the others.
    if (!dept) return { findings: [], normalized: v.trim().replace(/\s+/g, " ") };
    const k = key(v);
    const homes = t.departments.filter((d) => (t.byDepartment.get(d.code) ?? []).some((x) => x.key === k));
    const name = t.municipalities.find((x) => x.key === k)?.name ?? v.trim();
    return { findings: [coded("place.municipality_elsewhere", field, lang, { municipality: name, actual: homes.map((d) => d.name).join(", "), department: dept.name })] };
  }
  if (m && dept && !m.code.startsWith(dept.code)) {
    const actual = t.departments.find((d) => m.code.startsWith(d.code))?.name ?? "";
    return { findings: [coded("place.municipality_elsewhere", field, lang, { municipality: m.name, actual, department: dept.name })] };
  }
  if (m) return { findings: [], normalized: m.code };
  // A code the dated table does not list but whose departamento exists: a new municipio?
  const home = /^\d{5}$/.test(v.trim()) && t.departments.find((d) => v.trim().startsWith(d.code));
  if (home) return { findings: [coded("place.unlisted_municipality", field, lang, { value: shown, department: home.name })], normalized: v.trim() };
  return { findings: [coded("place.unknown_municipality", field, lang, { value: shown })] };
}

/** The digits of a NIT without its DV, as documents print it in many ways: `900.123.456-7` → `900123456`. */
function nitBody(v) {
  const digits = v.split("-")[0].replace(/\D/g, "");
  if (v.includes("-") || digits.length < 2) return digits;
  const r = checkId(digits, { kind: "co.nit" });
  // Typed without a separator, the last digit is the DV when it is the right one.
  return r.ok && r.findings.every((x) => x.code !== "id.check_digit") && digits.length >= 10 ? digits.slice(0, -1) : digits;
}

// ---- values ----

const isFile = (v) => (typeof Blob !== "undefined" && v instanceof Blob) || v instanceof ArrayBuffer || v instanceof Uint8Array;

/**
 * A form's values as `{ text, files }`: from a plain object, a `FormData` or a form element.
 * An empty file input (a `File` with no name and no bytes) counts as not attached.
 */
function split(values) {
  if (typeof HTMLFormElement !== "undefined" && values instanceof HTMLFormElement) values = new FormData(values);
  const entries = typeof FormData !== "undefined" && values instanceof FormData ? [...values.entries()] : isObject(values) ? Object.entries(values) : null;
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

// ---- the API (forms.js) ----

/** A one-page text PDF (709 bytes) with a NIT and an issue date: what the warm-up checks. */
const WARM_PDF = () => Uint8Array.from(atob("JVBERi0xLjcKJeLjz9MKMSAwIG9iago8PCAvVHlwZSAvQ2F0YWxvZyAvUGFnZXMgMiAwIFIgPj4KZW5kb2JqCjIgMCBvYmoKPDwgL1R5cGUgL1BhZ2VzIC9LaWRzIFs1IDAgUl0gL0NvdW50IDEgPj4KZW5kb2JqCjMgMCBvYmoKPDwgL1R5cGUgL0ZvbnQgL1N1YnR5cGUgL1R5cGUxIC9CYXNlRm9udCAvSGVsdmV0aWNhIC9FbmNvZGluZyAvV2luQW5zaUVuY29kaW5nID4+CmVuZG9iago0IDAgb2JqCjw8IC9MZW5ndGggMTA5IC9GaWx0ZXIgL0ZsYXRlRGVjb2RlID4+CnN0cmVhbQp4nHMKUdB3M1QwNFQISVMwNFEI8VEwN1IwNzFQCEnh0nBLTc5IVEhJVUitKEhNyUzO/JxnpWBkABLJyy/LTM1NKkoFcYwMjMw0FUKyFEK0uDT8PEOsFCwNDPQMjYz1TEzNdM1hUq4hXACd0x0zCmVuZHN0cmVhbQplbmRvYmoKNSAwIG9iago8PCAvVHlwZSAvUGFnZSAvUGFyZW50IDIgMCBSIC9NZWRpYUJveCBbMCAwIDYxMiA3OTJdIC9Db250ZW50cyA0IDAgUiAvUmVzb3VyY2VzIDw8IC9Gb250IDw8IC9GMSAzIDAgUiA+PiAgPj4gPj4KZW5kb2JqCnhyZWYKMCA2CjAwMDAwMDAwMDAgNjU1MzUgZiAKMDAwMDAwMDAxNSAwMDAwMCBuIAowMDAwMDAwMDY0IDAwMDAwIG4gCjAwMDAwMDAxMjEgMDAwMDAgbiAKMDAwMDAwMDIxOCAwMDAwMCBuIAowMDAwMDAwMzk5IDAwMDAwIG4gCnRyYWlsZXIKPDwgL1NpemUgNiAvUm9vdCAxIDAgUiA+PgpzdGFydHhyZWYKNTI2CiUlRU9GCg=="), (c) => c.charCodeAt(0));
const WARM_RULES = { content: "text", mustContain: ["900123456"], issuedWithinDays: 30, today: "2026-12-01" };

/** Loads what `profile` needs: the place tables, the password lists, the files module. */
export async function prepare(profile) {
  const p = resolve(profile);
  const work = [];
  if (p.fields.some((f) => PLACE.has(f.kind))) work.push(loadPlaces());
  // The password lists, with the rest of what the form loads (a failure leaves the strength
  // estimate provisional, never the form unready: preparePassword never rejects).
  if (p.fields.some((f) => f.kind === "password")) work.push(preparePassword());
  // The files module fetched, compiled and run once on a one-page PDF, so that the first
  // real upload finds it started and its parser's code already warm.
  if (p.fields.some((f) => FILE.has(f.kind))) work.push(checkPdf(WARM_PDF(), WARM_RULES));
  await Promise.all(work);
}

/** One field, synchronously. */
export function checkField(profile, name, value, values, options) {
  if (typeof name !== "string") throw misuse("name must be a string");
  const p = resolve(profile);
  const f = p.fields.find((x) => x.name === name);
  if (f === undefined) throw misuse(`the profile has no field "${name}"`);
  if (FILE.has(f.kind)) throw misuse(`"${name}" is a file: check it with checkForm`);
  const v = typeof value === "string" ? value : "";
  // A plain object is read as it is (per keystroke, no copy); a FormData or a form element is split.
  const plain = isObject(values) && [Object.prototype, null].includes(Object.getPrototypeOf(values));
  const others = values === undefined || values === null ? {} : plain ? values : split(values).text;
  const get = (n) => (n === name ? v : typeof others[n] === "string" ? others[n] : "");
  const r = checkTyped(p, f, get, options?.lang);
  return { ok: !r.findings.some((x) => x.severity === "error"), findings: r.findings, ...(r.normalized !== undefined && !isSecret(p, f) && { normalized: r.normalized }) };
}

/** The whole form. */
export async function checkForm(profile, values, options) {
  const lang = options?.lang;
  const p = resolve(profile);
  const { text, files } = split(values);
  await prepare(p);
  const get = (n) => (Object.hasOwn(text, n) && typeof text[n] === "string" ? text[n] : "");
  const fields = Object.create(null);
  const normalized = {};
  const uploads = [];
  for (const f of p.fields) {
    fields[f.name] = [];
    if (!FILE.has(f.kind)) {
      const r = checkTyped(p, f, get, lang);
      fields[f.name].push(...r.findings);
      // Passwords (and a certificate's password, whatever its kind) are not repeated back.
      if (r.normalized !== undefined && !isSecret(p, f)) normalized[f.name] = r.normalized;
      continue;
    }
    if (options?.skipFiles) continue;
    const file = files[f.name];
    uploads.push(checkUpload(p, f, file, get, lang, options).then((list) => fields[f.name].push(...list)));
  }
  // DIAN: "si es representante legal de varias empresas con el mismo NIT, use un correo
  // distinto para cada razón social" — against the requests the portal says were made.
  const earlier = options?.earlierRequests ?? [];
  const email = p.fields.find((f) => f.kind === "email");
  const nit = p.fields.find((f) => f.kind === "nit");
  const company = p.fields.find((f) => f.kind === "name" && f.nameKind === "company");
  if (email && nit && company && Array.isArray(earlier)) {
    const same = (a, b) => String(a ?? "").trim().toLowerCase() === String(b ?? "").trim().toLowerCase();
    const clash = earlier.find((e) => nitBody(String(e?.nit ?? "")) === nitBody(get(nit.name)) && same(e?.email, get(email.name)) && !same(e?.companyName, get(company.name)));
    if (clash) fields[email.name].push(coded("form.email_reused", email.name, lang, { company: String(clash.companyName) }));
  }
  await Promise.all(uploads);
  const findings = p.fields.flatMap((f) => fields[f.name]);
  return { ok: !findings.some((f) => f.severity === "error"), fields, findings, normalized };
}

// ---- attach: a real form ----

/**
 * The longest `mustContain` text `checkPdf` takes (src/js/files.rs `pdf_rules`); held to it
 * by tests/js/forms.test.mjs, which asks checkPdf for this many characters and one more.
 */
export const MUST_CONTAIN_MAX = 500;

/** One upload field, checked against the profile's rules and the values typed. */
async function checkUpload(p, f, file, get, lang, options) {
  if (file === undefined) return f.required === true ? [coded("form.required", f.name, lang)] : [];
  if (f.kind === "pkcs12") {
    // Opened with the password typed in its field, its holder compared with the identifier
    // typed in the form (a RUT, a NIT, a document of the kind its type field says).
    const holder = p.fields.find((x) => x.name === f.holderField);
    const kind = holder?.kind === "rut" ? "cl.rut" : holder?.kind === "nit" ? "co.nit" : holder?.kind === "id_number" ? get(holder.idTypeField) : undefined;
    // A holder number that is itself wrong is its own field's to report, not compared.
    const value = holder && !checkTyped(p, holder, get, lang).findings.some((x) => x.severity === "error") ? get(holder.name) : "";
    const password = f.passwordField ? get(f.passwordField) : undefined;
    const r = await checkCertificate(file, password, {
      field: f.name,
      ...(lang && { lang }),
      ...(f.maxBytes !== undefined && { maxBytes: f.maxBytes }),
      ...(kind && value.trim() && { expect: { kind, value } }),
      ...(options?.today && { at: options.today }),
    });
    return r.findings;
  }
  // What the document must hold: the values typed, as the files module takes them (white
  // space as Rust counts it, U+0085 included; at most MUST_CONTAIN_MAX characters: a longer
  // value is looked for by its start).
  const mustContain = (f.mustContainFields ?? [])
    .map((n) => (p.fields.find((x) => x.name === n)?.kind === "nit" ? nitBody(get(n)) : get(n).replace(/[\s\u0085]+/g, " ").trim()))
    .map((t) => [...t].slice(0, MUST_CONTAIN_MAX).join("").trim())
    .filter(Boolean);
  const rules = {
    field: f.name,
    ...(lang && { lang }),
    ...(f.maxBytes !== undefined && { maxBytes: f.maxBytes }),
    ...(f.minPages !== undefined && { minPages: f.minPages }),
    ...(f.content !== undefined && { content: f.content }),
    ...(f.color && { color: true }),
    ...(mustContain.length > 0 && { mustContain }),
    ...(f.issuedWithinDays !== undefined && { issuedWithinDays: f.issuedWithinDays }),
    ...(options?.today && { today: options.today }),
  };
  return (await checkPdf(file, rules)).findings;
}

/**
 * Binds a form element: each input of the profile, by its `name`, is checked on input (once
 * the applicant has left it), blur and change; its message goes into the browser's own
 * validation (`setCustomValidity`), `aria-invalid`, and a message element after it, named
 * by `aria-describedby` (or the element with `data-prevalida-for="<name>"`); an email
 * suggestion comes with a button that applies it; submit is held until the whole form
 * (uploads included) passes. `options.lang`, `options.today`, `options.onResult(result)`.
 */
export function attach(form, profile, options = {}) {
  if (typeof HTMLFormElement === "undefined" || !(form instanceof HTMLFormElement)) throw misuse("form must be a form element");
  const p = resolve(profile);
  const lang = () => options.lang;
  const touched = new Set();
  const created = [];
  const described = [];
  const listeners = [];
  const on = (el, type, fn, capture = false) => {
    el.addEventListener(type, fn, capture);
    listeners.push(() => el.removeEventListener(type, fn, capture));
  };
  const input = (name) => {
    const el = form.elements.namedItem(name);
    return el instanceof RadioNodeList ? el[0] ?? null : el;
  };
  /** Every control named `name`: a radio group's buttons, checkboxes sharing the name. */
  const controls = (name) => {
    const el = form.elements.namedItem(name);
    return el === null ? [] : el instanceof RadioNodeList ? [...el] : [el];
  };
  /** What the form would send for `name`: a radio group's checked value, a checkbox's value only when checked. */
  const valueOf = (name) => {
    const el = form.elements.namedItem(name);
    if (el === null) return "";
    if (el instanceof RadioNodeList) return el.value || ([...el].find((x) => x.type === "checkbox" && x.checked)?.value ?? "");
    if (el.type === "checkbox" || el.type === "radio") return el.checked ? el.value : "";
    return el.value ?? "";
  };
  const box = (name) => {
    let el = form.querySelector(`[data-prevalida-for="${CSS.escape(name)}"]`);
    const target = input(name);
    if (el === null && target !== null) {
      el = document.createElement("div");
      el.className = "prevalida-message";
      el.dataset.prevalidaFor = name;
      el.id = `prevalida-${Math.random().toString(36).slice(2)}-${name}`;
      // After the control; for a group of radios or checkboxes, after the last of them (and
      // after its label when the label wraps it: inside, it would become part of the name).
      const last = controls(name).at(-1) ?? target;
      const label = last.closest("label");
      (label && form.contains(label) ? label : last).after(el);
      created.push(el);
    }
    if (el !== null && target !== null) {
      if (!el.id) el.id = `prevalida-${Math.random().toString(36).slice(2)}-${name}`;
      el.setAttribute("aria-live", "polite");
      for (const c of controls(name)) {
        const ids = (c.getAttribute("aria-describedby") ?? "").split(" ").filter(Boolean);
        if (!ids.includes(el.id)) {
          c.setAttribute("aria-describedby", [...ids, el.id].join(" "));
          described.push([c, el.id]);
        }
      }
    }
    return el;
  };
  const show = (name, findings) => {
    const target = input(name);
    if (target === null) return;
    const error = findings.find((f) => f.severity === "error");
    target.setCustomValidity?.(error ? error.message : "");
    for (const c of controls(name)) c.setAttribute("aria-invalid", error ? "true" : "false");
    const el = box(name);
    if (el === null) return;
    el.replaceChildren();
    for (const f of findings) {
      const line = document.createElement("p");
      line.className = `prevalida-${f.severity}`;
      line.dataset.code = f.code;
      line.textContent = f.message;
      el.append(line);
      const suggestion = f.params?.suggestion;
      if (typeof suggestion === "string" && suggestion !== "") {
        const use = document.createElement("button");
        use.type = "button";
        use.className = "prevalida-use";
        use.textContent = lang() === "en" ? `Use ${suggestion}` : `Usar ${suggestion}`;
        use.addEventListener("click", () => {
          target.value = suggestion;
          target.dispatchEvent(new Event("input", { bubbles: true }));
          target.dispatchEvent(new Event("change", { bubbles: true }));
        });
        line.append(" ", use);
      }
    }
  };
  const files = () => Object.fromEntries(p.fields.filter((f) => FILE.has(f.kind)).map((f) => [f.name, input(f.name)?.files?.[0]]).filter(([, v]) => v));
  const typed = () => Object.fromEntries(p.fields.filter((f) => !FILE.has(f.kind)).map((f) => [f.name, valueOf(f.name)]));
  /** The fields whose check reads `name`'s value (the confirmation of a password, the NIT of its DV…). */
  const readers = (name) =>
    p.fields.filter((f) => [f.of, f.dvField, f.idTypeField, f.departmentField, f.passwordField, f.holderField].includes(name) || (f.personalFields ?? []).includes(name));
  /** Re-checks `name` and the fields that read it, those the applicant has left. */
  const seq = new Map(); // per upload field: only the newest check's answer is shown
  const recheckUpload = async (f) => {
    const n = (seq.get(f.name) ?? 0) + 1;
    seq.set(f.name, n);
    const values = typed();
    const findings = await checkUpload(p, f, input(f.name)?.files?.[0], (x) => values[x] ?? "", lang(), options);
    if (seq.get(f.name) === n) show(f.name, findings);
  };
  const recheck = (name) => {
    const values = typed();
    for (const f of [p.fields.find((x) => x.name === name), ...readers(name)]) {
      if (!f || !touched.has(f.name)) continue;
      // An upload that reads this field (a certificate's password, the NIT a PDF must hold)
      // is checked again, once its file is attached.
      if (FILE.has(f.kind)) {
        if (f.name !== name && input(f.name)?.files?.[0]) recheckUpload(f);
      } else show(f.name, checkTyped(p, f, (n) => values[n] ?? "", lang()).findings);
    }
  };
  for (const f of p.fields) {
    const el = input(f.name);
    if (el === null) continue;
    if (FILE.has(f.kind)) {
      on(el, "change", () => {
        touched.add(f.name);
        recheckUpload(f);
      });
      continue;
    }
    for (const c of controls(f.name)) {
      on(c, "input", () => recheck(f.name));
      for (const type of ["blur", "change"]) {
        on(c, type, () => {
          touched.add(f.name);
          recheck(f.name);
        });
      }
    }
  }
  let passing = false;
  const check = async () => {
    const values = { ...typed(), ...files() };
    const result = await checkForm(p, values, { lang: lang(), today: options.today, earlierRequests: options.earlierRequests });
    for (const f of p.fields) {
      touched.add(f.name);
      show(f.name, result.fields[f.name] ?? []);
    }
    options.onResult?.(result);
    return result;
  };
  let checking = false;
  on(form, "submit", async (e) => {
    if (passing) {
      passing = false;
      return;
    }
    e.preventDefault();
    e.stopImmediatePropagation();
    // One check at a time: a second click while the uploads are checked sends nothing twice.
    if (checking) return;
    checking = true;
    let result;
    try {
      result = await check();
    } catch (err) {
      checking = false;
      throw err;
    }
    if (!result.ok) {
      checking = false;
      form.reportValidity();
      return;
    }
    // Let it through: submitted again by the same button (its name=value is sent, as a
    // click would send it); this listener steps aside, the page's own submit handlers run,
    // and unless one of them prevents it, the form is sent.
    // From a task of its own: when the check settles within the submit event's own
    // microtasks (no upload to wait for), the browser still counts the form as firing its
    // submit event there, and ignores a new submission (Chromium).
    // Until it has gone out, a second click starts nothing.
    const submitter = e.submitter && e.submitter.form === form ? e.submitter : undefined;
    setTimeout(() => {
      passing = true;
      try {
        if (typeof form.requestSubmit === "function") form.requestSubmit(submitter);
        else {
          // Browsers without requestSubmit (Safari before 16): the page's handlers, then send.
          const again = new SubmitEvent("submit", { bubbles: true, cancelable: true, submitter });
          if (form.dispatchEvent(again)) HTMLFormElement.prototype.submit.call(form);
        }
      } finally {
        passing = false;
        checking = false;
      }
    }, 0);
  }, true);
  return {
    check,
    detach() {
      for (const off of listeners.splice(0)) off();
      for (const el of created.splice(0)) el.remove();
      for (const [target, id] of described.splice(0)) {
        const ids = (target.getAttribute("aria-describedby") ?? "").split(" ").filter((x) => x && x !== id);
        if (ids.length) target.setAttribute("aria-describedby", ids.join(" "));
        else target.removeAttribute("aria-describedby");
      }
      for (const f of p.fields) {
        for (const el of controls(f.name)) {
          el.setCustomValidity?.("");
          el.removeAttribute("aria-invalid");
        }
      }
    },
  };
}
