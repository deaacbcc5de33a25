// Messages: the one code table (src/codes.rs), sent once by the core module (`tables()`,
// src/tables.rs), and the one renderer of findings for both modules. A finding crosses as a
// `Finding` object with an empty message; the message is rendered here, in the language
// asked, from the code's template.
import * as wasm from "./prevalida.js";

let tables = null;
/** The decoded tables (codes and rule lines with compiled templates, DIAN types). */
export function t() {
  if (tables === null) {
    const raw = JSON.parse(wasm.tables());
    const codes = raw.codes.map(([code, severity, es, en]) => ({ code, severity, es, en, tes: compile(es), ten: compile(en) }));
    tables = {
      codes,
      byName: new Map(codes.map((c) => [c.code, c])),
      rules: new Map(raw.rules.map(([id, es, en]) => [id, { es, en, tes: compile(es), ten: compile(en) }])),
      dian: raw.dian.map(([code, name, kind]) => Object.freeze({ code, name, kind })),
      profiles: raw.profiles,
    };
  }
  return tables;
}

// A template "a {x} b" is compiled once into ["a ", "x", " b"]: text at even positions,
// parameter names at odd ones. Rendering is then plain concatenation.
function compile(template) {
  return template.split(/\{(\w+)\}/);
}
/** Renders compiled template `parts` with `params`. */
export function render(parts, params) {
  let s = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const v = params[parts[i]];
    s += (v === undefined ? `{${parts[i]}}` : v) + parts[i + 1];
  }
  return s;
}

/**
 * Findings as the modules send them (`{ code, field?, params }`): each becomes the documented
 * `{ code, field?, severity, message, params }`, its severity and message from the table.
 */
export function renderFindings(list, en) {
  const { byName } = t();
  for (let i = 0; i < list.length; i++) {
    const f = list[i];
    const info = byName.get(f.code);
    const finding = { code: f.code, severity: info.severity, message: render(en ? info.ten : info.tes, f.params), params: f.params };
    if (f.field !== undefined) finding.field = f.field;
    list[i] = finding;
  }
  return list;
}

/** The `internal.error` finding, in `options.lang`, with `options.field`. */
export function internalError(options) {
  const info = t().byName.get("internal.error");
  const finding = { code: info.code, severity: info.severity, message: options?.lang === "en" ? info.en : info.es, params: {} };
  if (typeof options?.field === "string") finding.field = options.field;
  return finding;
}

/** The coded `Error` thrown on misuse, as the modules throw it (src/js/props.rs `misuse`). */
export function misuse(detail) {
  const info = t().byName.get("api.invalid_argument");
  const e = new Error(`prevalida: ${render(info.ten, { detail })}`);
  e.code = info.code;
  return e;
}

/**
 * A portal's own wording: `templates` by code (`{name}` marks a parameter, as in
 * `listCodes()`), in `lang`, used from now on for every finding of those codes; `null`
 * restores the package's.
 */
export function setMessages(lang, templates) {
  if (lang !== "es" && lang !== "en") throw misuse('lang must be "es" or "en"');
  if (typeof templates !== "object" || templates === null) throw misuse("templates must be an object of code: template");
  const { byName } = t();
  for (const [code, template] of Object.entries(templates)) {
    const info = byName.get(code);
    if (info === undefined) throw misuse(`no code "${code}" (listCodes() has them all)`);
    if (template !== null && typeof template !== "string") throw misuse(`templates["${code}"] must be a string or null`);
    const own = (info.own ??= { es: info.es, en: info.en });
    info[lang] = template ?? own[lang];
    info[lang === "en" ? "ten" : "tes"] = compile(info[lang]);
  }
}

/** Every finding code of both modules with its severity and message template (`{name}` marks a parameter). */
export function listCodes(lang) {
  if (lang !== undefined && lang !== null && lang !== "es" && lang !== "en") throw misuse('lang must be "es" or "en"');
  return t().codes.map((c) => ({ code: c.code, severity: c.severity, message: lang === "en" ? c.en : c.es }));
}
