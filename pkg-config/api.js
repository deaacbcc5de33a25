// The public API, and its only list: index.js (browsers, bundlers) and node.js (Node) export
// everything this module exports. Each check calls the core module, which answers a compact
// tape (src/tape.rs), and turns it into the documented result; the file checks run in the
// files module (files.js).
import * as wasm from "./prevalida.js";
import { findings, internalError, misuse, render, t } from "./messages.js";
import { recover, writeInput } from "./instance.js";

export { listCodes } from "./messages.js";
export { checkPdf, extractPdfText, inspectPdf } from "./files.js";

/**
 * Checks an email address. Never throws for any string; throws an `Error` with
 * `code: "api.invalid_argument"` when `value` is not a string or `options` is malformed.
 */
export function checkEmail(value, options) {
  if (typeof value !== "string") throw misuse("value must be a string");
  t(); // the tables must exist before anything can trap
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
  const raw = wasm.checkEmail(value, options);
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
  t();
  try {
    return passwordResult(value, options);
  } catch (e) {
    recover(e);
    return { ok: false, rules: [], strength: { score: 0, guessesLog10: 0, patterns: [] }, findings: [internalError(options)] };
  }
}

function passwordResult(value, options) {
  const tape = JSON.parse(wasm.checkPassword(value, options));
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

/**
 * Checks a national identifier. `kind` is `"co.nit"`, `"co.cc"`, …, `"cl.rut"`, `"ec.ci"`,
 * `"ec.ruc"`, or a DIAN document code (`"13"`, `"31"`…). For a NIT typed in two fields,
 * pass `{ nit, dv }`: findings then say which of the two is wrong.
 */
export function checkId(kind, value, options) {
  if (typeof value !== "string" && (typeof value !== "object" || value === null)) {
    throw misuse("value must be a string (or { nit, dv } for co.nit)");
  }
  const { kinds } = t();
  try {
    const tape = JSON.parse(wasm.checkId(kind, value, options));
    const details = { kind: kinds[tape[4]] };
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
  t();
  try {
    const tape = JSON.parse(wasm.checkPhone(country, value, options));
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
