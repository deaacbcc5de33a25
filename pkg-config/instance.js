// The core module's instance: calling a check of the registry (`run`, which every function
// of the generated checks.js calls), the clean-email fast path, and the recovery from a trap.
// Given the instance's exports by index.js / node.js.
import * as wasm from "./prevalida.js";
import { internalError, misuse, render, renderFindings, t } from "./messages.js";

let memory = null;
let inputPtr = 0;
let inputView = null;

/** Called by the entry point once the module is instantiated. */
export function bind(exports) {
  memory = exports.memory;
  inputPtr = wasm.inputBuffer();
}

/**
 * Runs the registry's check number `index`, called `name` (src/lib.rs `checks!`; checks.js
 * numbers them): the module answers the result as JSON, findings without messages, which
 * are rendered here in `options.lang`. Options cross as JSON text, one string, where reading
 * a JS object from wasm costs one crossing per key. Misuse throws the module's coded error;
 * a trap answers `internal.error`.
 */
export function run(index, name, value, options) {
  t(); // the tables must exist before anything can trap
  if (name === "checkPassword" && passwordData === null) preparePassword();
  const json = optionsJson(options);
  try {
    if (name === "checkEmail") {
      const r = cleanEmail(value, options, json);
      if (r !== null) return r;
    }
    const huge = typeof value === "string" && value.length > CUT ? bounded(index, name, value, options, json) : null;
    if (huge !== null) return finish(name, huge, options);
    const text = typeof value === "string" ? value : "";
    const parts = typeof value === "string" ? "" : partsJson(value);
    // A password (and its confirmation, in the options) that is not all ASCII crosses as
    // bytes; other checks hold nothing secret and take the direct path.
    const raw = name === "checkPassword" && (NON_ASCII.test(text) || NON_ASCII.test(json))
      ? runBytes(index, text, parts, json)
      : wasm.runCheck(index, text, parts, json);
    return finish(name, JSON.parse(raw), options);
  } catch (e) {
    recover(e);
    const r = { ...finish(name, JSON.parse(wasm.fallbackResult(index)), options), ok: false, findings: [internalError(options)] };
    if (name === "checkEmail" && typeof value === "string") r.normalized = value.trim();
    return r;
  }
}

/**
 * Loads the password data (password-data.js: the big ranked lists, not in the core) into the
 * module once; until it has, `strength.provisional` is true. checkPassword starts it itself.
 * Never rejects: when the data cannot be loaded (offline, blocked, or the module failed on
 * it) the estimate stays provisional and a later call tries again.
 */
let passwordData = null;
export function preparePassword() {
  passwordData ??= import("./password-data.js")
    .then((m) => {
      t(); // the tables must exist before anything can trap
      wasm.loadPasswordData(m.default);
    })
    .catch((e) => {
      passwordData = null;
      if (e instanceof WebAssembly.RuntimeError) restart();
    });
  return passwordData;
}

/**
 * Huge inputs (a pasted file) are judged from a bounded part, so that the megabyte never
 * crosses into wasm: an address over 1,024 octets is answered by its length alone
 * (src/email), a password over 1,024 characters is too long for every policy and judged on
 * its start (src/password HARD_MAX). The module sees the start (and, for an address, the
 * end) of the value; the `length` it reports is completed with the characters it did not
 * see. Any other answer from the part falls back to the whole value.
 */
const CUT = 4096;
const VISIBLE = /[^\s\u0085\u00ad\u180e\u200b-\u200f\u2060-\u2064]/;
const PAIRS = /[\ud800-\udbff][\udc00-\udfff]/g;
const chars = (s) => s.length - (s.match(PAIRS)?.length ?? 0);
function bounded(index, name, value, options, json) {
  const isPassword = name === "checkPassword";
  if (!isPassword && name !== "checkEmail") return null;
  if (!isPassword) {
    // Spaces around an address: one stands for them all (the module trims these and more).
    const t = value.trim();
    if (t.length < value.length) value = " " + t;
    if (value.length <= 3 * CUT) return JSON.parse(wasm.runCheck(index, value, "", json));
  }
  // Cut between characters: never inside a surrogate pair.
  const high = (i) => (value.charCodeAt(i) & 0xfc00) === 0xd800;
  const a = high(CUT - 1) ? CUT - 1 : CUT;
  const b = isPassword ? value.length : value.length - CUT;
  if (high(b - 1)) return null;
  const head = value.slice(0, a), tail = value.slice(b), middle = value.slice(a, b);
  // The unseen middle must lie inside the trimmed address.
  if (!isPassword && !(VISIBLE.test(head) && VISIBLE.test(tail))) return null;
  const text = head + tail;
  if (isPassword) {
    // A confirmation equal to the password is cut with it; a different one, rare at this
    // size, takes the ordinary path.
    const conf = options?.confirmation;
    if (typeof conf === "string") {
      if (conf !== value) return null;
      json = optionsJson({ ...options, confirmation: text });
    }
  }
  const raw = isPassword && (NON_ASCII.test(text) || NON_ASCII.test(json)) ? runBytes(index, text, "", json) : wasm.runCheck(index, text, "", json);
  const r = JSON.parse(raw);
  const f = r.findings[0];
  if (f?.code !== (isPassword ? "password.too_long" : "email.too_long")) return null;
  f.params.length += chars(middle);
  return r;
}

/** A value typed in several inputs (`{ nit, dv }`) as JSON text; misuse for anything else. */
function partsJson(value) {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw misuse("value must be a string");
  return JSON.stringify(value);
}

/**
 * A password's strings that are not all ASCII cross as UTF-8 bytes, zeroed here after the
 * call: wasm-bindgen's string passing reallocates such a string's buffer, which could leave
 * the start of a password in freed memory (src/js/core.rs `run_check_bytes`).
 */
const NON_ASCII = /[^\x00-\x7f]/;
const encoder = new TextEncoder();
function runBytes(index, text, parts, json) {
  const bytes = [encoder.encode(text), encoder.encode(parts), encoder.encode(json)];
  try {
    return wasm.runCheckBytes(index, ...bytes);
  } finally {
    for (const b of bytes) b.fill(0);
  }
}

/**
 * `options` as the module reads them: JSON text, empty for none. A number that is not finite
 * is kept as text (so that it is refused as "not a whole number", not read as absent, which
 * is what JSON makes of it); anything JSON cannot hold is misuse.
 */
function optionsJson(options) {
  if (options === undefined || options === null) return "";
  let json;
  try {
    json = JSON.stringify(options);
    // JSON writes a non-finite number as null: only then is the slower replacer needed.
    if (json !== undefined && json.includes("null")) json = JSON.stringify(options, nonFinite);
  } catch {
    json = undefined; // a cycle, a BigInt
  }
  if (json === undefined) throw misuse("options must be an object of plain data");
  return json;
}

const nonFinite = (_, v) => (typeof v === "number" && !Number.isFinite(v) ? String(v) : v);

function finish(name, r, options) {
  const en = options?.lang === "en";
  renderFindings(r.findings, en);
  if (name === "checkPassword") {
    // The checklist's lines, from the rule templates (src/codes.rs RuleId). They cross as
    // one flat list, [id, ok, n, …] with n null when a rule has none (src/password
    // `rules_flat`): objects built here cost a fraction of what JSON.parse spends on them.
    const { rules } = t();
    const flat = r.rules;
    const lines = [];
    for (let i = 0; i < flat.length; i += 3) {
      const id = flat[i], ok = flat[i + 1], n = flat[i + 2];
      const tpl = rules.get(id);
      const message = render(en ? tpl.ten : tpl.tes, { n: n ?? undefined, allowed: r.allowed });
      lines.push(n === null ? { id, ok, message } : { id, ok, message, n });
    }
    r.rules = lines;
  }
  return r;
}

/**
 * The most frequent question, a clean address without options, in one wasm call that
 * returns a number (no string crosses back): `{ ok: true, normalized, findings: [] }`, or
 * `null` when the full check must run. Kept for its speed: see ARCHITECTURE.md.
 */
function cleanEmail(value, options, json) {
  // Over 254 UTF-16 units, over 254 octets: never clean.
  if (typeof value !== "string" || value.length > 254) return null;
  const n = json === "" ? writeInput(value) : -1;
  const clean = n >= 0 ? wasm.emailIsCleanInput(n) : wasm.emailIsClean(value, json);
  if (clean === 1) return { ok: true, normalized: value, findings: [] };
  if (clean === 2) {
    // A clean ASCII address whose domain has capitals: normalized lower-cases the domain.
    const at = value.indexOf("@");
    return { ok: true, normalized: value.slice(0, at + 1) + value.slice(at + 1).toLowerCase(), findings: [] };
  }
  return null;
}

/** Writes a short ASCII string into the module's input buffer; -1 when it is not one. */
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

/**
 * The last line of defence. The core is written and tested not to panic, but if the module
 * ever traps (a panic aborts in wasm), its instance is unusable: start a fresh one. The input
 * buffer belonged to the old instance, so later calls take the ordinary path.
 */
function recover(e) {
  if (!(e instanceof WebAssembly.RuntimeError)) throw e;
  restart();
  // The fresh instance has no password data: loaded again.
  if (passwordData !== null) {
    passwordData = null;
    preparePassword();
  }
}

/** A fresh instance in place of a trapped one. */
function restart() {
  // The trapped instance's memory may hold a password in the middle of a check: cleared.
  if (memory !== null) new Uint8Array(memory.buffer).fill(0);
  wasm.__wbg_reset_state();
  // The fresh instance (initSync answers its exports): the input buffer is back.
  bind(wasm.initSync());
}
