// The public API. Each function calls the wasm module, which returns a compact "tape"
// (JSON arrays of indices and the few strings that vary; see src/tape.rs), and turns it into
// the documented result objects. Messages are rendered here from the templates the module
// sends once (`tables()`), so a result costs one small JSON.parse instead of one per message.
import * as wasm from "./prevalida.js";

// The instance's memory, given by the entry point once the module is instantiated.
let memory = null;
let inputPtr = 0;
let inputView = null;
/** @internal Called by index.js / node.js after instantiation. */
export function bind(exports) {
  memory = exports.memory;
  inputPtr = wasm.inputBuffer();
}

// Writes a short ASCII string into the module's input buffer; -1 when it is not one.
function writeInput(value) {
  const n = value.length;
  if (memory === null || n > 256) return -1;
  if (inputView === null || inputView.buffer !== memory.buffer) inputView = new Uint8Array(memory.buffer);
  for (let i = 0; i < n; i++) {
    const c = value.charCodeAt(i);
    if (c > 127) return -1;
    inputView[inputPtr + i] = c;
  }
  return n;
}

let tables;
function t() {
  if (!tables) {
    const raw = JSON.parse(wasm.tables());
    tables = {
      codes: raw.codes.map(([code, severity, es, en]) => ({ code, severity, es, en, tes: compile(es), ten: compile(en) })),
      rules: raw.rules.map(([id, es, en]) => ({ id, es, en, tes: compile(es), ten: compile(en) })),
      patterns: raw.patterns,
      kinds: raw.kinds,
      dian: raw.dian.map(([code, name, kind]) => Object.freeze({ code, name, kind })),
    };
  }
  return tables;
}

// A template "a {x} b" is compiled once into ["a ", "x", " b"]: text at even positions,
// parameter names at odd ones. Rendering is then plain concatenation.
function compile(template) {
  return template.split(/\{(\w+)\}/);
}
function render(parts, params) {
  let s = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const v = params[parts[i]];
    s += (v === undefined ? `{${parts[i]}}` : v) + parts[i + 1];
  }
  return s;
}

function findings(list, en) {
  const { codes } = t();
  const out = new Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const f = list[i];
    const info = codes[f[0]];
    const params = {};
    for (let j = 2; j < f.length; j += 2) params[f[j]] = f[j + 1];
    const finding = { code: info.code, severity: info.severity, message: render(en ? info.ten : info.tes, params), params };
    if (f[1] !== null) finding.field = f[1];
    out[i] = finding;
  }
  return out;
}

// The last line of defence. The core is written and tested not to panic, but if the module
// ever traps (a panic aborts in wasm), its instance is unusable: start a fresh one, and answer
// this call with an `internal.error` finding instead of breaking the page. The input buffer
// belonged to the old instance, so later calls take the ordinary path.
function recover(e) {
  if (!(e instanceof WebAssembly.RuntimeError)) throw e;
  wasm.__wbg_reset_state();
  memory = null;
  inputView = null;
}

/** @internal The `internal.error` finding, in `options.lang`. */
export function internalError(options) {
  const info = t().codes.find((c) => c.code === "internal.error");
  const finding = { code: info.code, severity: info.severity, message: options?.lang === "en" ? info.en : info.es, params: {} };
  if (typeof options?.field === "string") finding.field = options.field;
  return finding;
}

// The same error the module throws on misuse (src/wasm.rs), from the same template.
/** @internal */
export function misuse(detail) {
  const info = t().codes.find((c) => c.code === "api.invalid_argument");
  const e = new Error(`prevalida: ${render(info.ten, { detail })}`);
  e.code = info.code;
  return e;
}

/**
 * Checks an email address. Never throws for any string; throws an `Error` with
 * `code: "api.invalid_argument"` when `value` is not a string or `options` is malformed.
 */
export function checkEmail(value, options) {
  if (typeof value !== "string") throw misuse("value must be a string");
  if (!tables) t(); // the tables must exist before anything can trap
  try {
    return emailResult(value, options);
  } catch (e) {
    recover(e);
    return { ok: false, normalized: value.trim(), findings: [internalError(options)] };
  }
}

function emailResult(value, options) {
  const n = options === undefined || options === null ? writeInput(value) : -1;
  const clean = n >= 0 ? wasm.emailIsCleanInput(n) : wasm.emailIsClean(value, options);
  if (clean === 1) return { ok: true, normalized: value, findings: [] };
  if (clean === 2) {
    // A clean ASCII address whose domain has capitals: normalized lower-cases the domain.
    const at = value.indexOf("@");
    return { ok: true, normalized: value.slice(0, at + 1) + value.slice(at + 1).toLowerCase(), findings: [] };
  }
  const raw = wasm.checkEmailTape(value, options);
  if (raw.charCodeAt(0) === 1) return { ok: true, normalized: raw.slice(1), findings: [] };
  const tape = JSON.parse(raw);
  const r = { ok: tape[0] === 1, normalized: tape[1], findings: findings(tape[3], options?.lang === "en") };
  if (tape[2] !== null) r.suggestion = tape[2];
  return r;
}

/** Checks a password against a policy, its confirmation and the user's data; estimates its strength. */
export function checkPassword(value, options) {
  if (typeof value !== "string") throw misuse("value must be a string");
  if (typeof options !== "object" || options === null) throw misuse("options must be an object with a policy");
  if (!tables) t();
  try {
    return passwordResult(value, options);
  } catch (e) {
    recover(e);
    return { ok: false, rules: [], strength: { score: 0, guessesLog10: 0, patterns: [] }, findings: [internalError(options)] };
  }
}

function passwordResult(value, options) {
  const tape = JSON.parse(wasm.checkPasswordTape(value, options));
  const en = options?.lang === "en";
  const { rules, patterns } = t();
  const allowed = tape[1];
  return {
    ok: tape[0] === 1,
    rules: tape[2].map(([id, ok, n]) => {
      const rule = rules[id];
      return { id: rule.id, ok: ok === 1, message: render(en ? rule.ten : rule.tes, n === null ? { allowed } : { allowed, n }) };
    }),
    strength: { score: tape[3], guessesLog10: tape[4], patterns: tape[5].map((p) => patterns[p]) },
    findings: findings(tape[6], en),
  };
}

/** Every finding code with its severity and message template (`{name}` marks a parameter). */
export function listCodes(lang) {
  if (lang !== undefined && lang !== null && lang !== "es" && lang !== "en") throw misuse('lang must be "es" or "en"');
  return t().codes.map((c) => ({ code: c.code, severity: c.severity, message: lang === "en" ? c.en : c.es }));
}

/**
 * Checks a national identifier. `kind` is `"co.nit"`, `"co.cc"`, …, `"cl.rut"`, `"ec.ci"`,
 * `"ec.ruc"`, or a DIAN document code (`"13"`, `"31"`…). For a NIT typed in two fields,
 * pass `{ nit, dv }`: findings then say which of the two is wrong.
 */
export function checkId(kind, value, options) {
  if (typeof value !== "string" && (typeof value !== "object" || value === null)) {
    throw misuse("value must be a string (or { nit, dv } for co.nit)");
  }
  if (!tables) t();
  try {
    const tape = JSON.parse(wasm.checkIdTape(kind, value, options));
    const details = { kind: tables.kinds[tape[4]] };
    if (tape[5] !== null) details.dianCode = tape[5];
    if (tape[6] !== null) details.type = tape[6];
    if (tape[7] !== null) details.holder = tape[7];
    if (tape[8] !== null) details.province = tape[8];
    return { ok: tape[0] === 1, compact: tape[1], formatted: tape[2], findings: findings(tape[3], options?.lang === "en"), details };
  } catch (e) {
    recover(e);
    return { ok: false, compact: "", formatted: "", findings: [internalError(options)], details: { kind: String(kind) } };
  }
}

/** Checks a phone number of Colombia (`"CO"`), Chile (`"CL"`) or Ecuador (`"EC"`). */
export function checkPhone(country, value, options) {
  if (typeof value !== "string") throw misuse("value must be a string");
  if (!tables) t();
  try {
    const tape = JSON.parse(wasm.checkPhoneTape(country, value, options));
    const r = { ok: tape[0] === 1 };
    if (tape[1] !== null) r.e164 = tape[1];
    if (tape[2] !== null) r.national = tape[2];
    if (tape[3] !== null) r.type = tape[3];
    r.findings = findings(tape[4], options?.lang === "en");
    return r;
  } catch (e) {
    recover(e);
    return { ok: false, findings: [internalError(options)] };
  }
}

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

