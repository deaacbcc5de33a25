// The PDF functions (inspectPdf, extractPdfText, checkPdf) and their helpers, shared by the
// browser and Node entries and the worker; kept out of api.js so that a page that never
// checks a PDF does not download them.
import { internalError, misuse } from "./api.js";

/**
 * Above this an upload is never read whole (a 2 GB "PDF" must not take the page's memory):
 * only its first bytes, to say what it is. Portals accept 1–4 MB.
 */
const READ_LIMIT = 64e6;
/** Bytes read of an upload over READ_LIMIT: enough for the magic-byte sniff (PDF: 1,024). */
const HEAD = 1024;

/**
 * An upload as `{ size, bytes, unread }`: `bytes` a `Uint8Array` the caller no
 * longer shares (it may be transferred to a worker): the whole file, or only its first
 * bytes when it is over READ_LIMIT (`unread`). Throws the coded misuse error for anything
 * that is not a `File`, `Blob`, `ArrayBuffer` or `Uint8Array`.
 */
async function upload(data) {
  const blob = typeof Blob !== "undefined" && data instanceof Blob;
  if (!blob && !(data instanceof Uint8Array) && !(data instanceof ArrayBuffer)) {
    throw misuse("data must be a File, Blob, ArrayBuffer or Uint8Array");
  }
  const size = blob ? data.size : data.byteLength;
  const unread = size > READ_LIMIT;
  const end = unread ? HEAD : size;
  let bytes;
  if (blob) bytes = new Uint8Array(await data.slice(0, end).arrayBuffer());
  else if (data instanceof Uint8Array) bytes = data.slice(0, end);
  else bytes = new Uint8Array(data.slice(0, end));
  return { size, bytes, unread };
}

/** What inspectPdf answers for an upload over READ_LIMIT, from its first bytes' `info`. */
function unreadInfo(info, size) {
  return { ...trapped(size), kind: info.kind, ...(info.version && { version: info.version }), error: "pdf.too_large" };
}

/** What extractPdfText answers for an upload over READ_LIMIT. */
function unreadText() {
  return { pages: [], truncated: true, error: "pdf.too_large" };
}

/** The answer for a file the PDF module could not inspect (it trapped). */
function trapped(bytes) {
  return {
    isPdf: false, kind: "unknown", bytes, encryption: "none", pages: 0, hasText: false, textChars: 0,
    images: { count: 0, color: 0, gray: 0, bilevel: 0, sampled: 0 }, javascript: false, embeddedFiles: 0,
    pageCensus: [], repaired: false, truncated: false, error: "internal.error",
  };
}

/** The answer of extractPdfText when the PDF module failed on the file (it trapped). */
function trappedText() {
  return { pages: [], truncated: false, error: "internal.error" };
}

const CONTENT = { any: 0, text: 1, scan: 2 };

/** The rules object checked and flattened for the module (misuse throws). */
function flatRules(rules) {
  if (typeof rules !== "object" || rules === null) throw misuse("rules must be an object");
  const count = (k) => {
    const v = rules[k];
    if (v === undefined || v === null) return 0;
    if (!Number.isInteger(v) || v < 1) throw misuse(`rules.${k} must be a whole number ≥ 1`);
    return v;
  };
  const maxBytes = rules.maxBytes ?? -1;
  if (maxBytes !== -1 && (!Number.isFinite(maxBytes) || maxBytes < 0)) throw misuse("rules.maxBytes must be a number of bytes ≥ 0");
  const encryption = rules.encryption ?? "forbid";
  if (encryption !== "forbid" && encryption !== "allow") throw misuse('rules.encryption must be "forbid" or "allow"');
  const content = CONTENT[rules.content ?? "any"];
  if (content === undefined) throw misuse('rules.content must be "text", "scan" or "any"');
  if (rules.color !== undefined && typeof rules.color !== "boolean") throw misuse("rules.color must be a boolean");
  if (rules.lang !== undefined && rules.lang !== "es" && rules.lang !== "en") throw misuse('rules.lang must be "es" or "en"');
  const mustContain = rules.mustContain ?? [];
  if (!Array.isArray(mustContain) || mustContain.length > 100
    || !mustContain.every((t) => typeof t === "string" && t.trim() !== "" && t.length <= 500)) {
    throw misuse("rules.mustContain must be an array of at most 100 non-empty strings");
  }
  const within = rules.issuedWithinDays;
  if (within !== undefined && (!Number.isInteger(within) || within < 1 || within > 36500)) {
    throw misuse("rules.issuedWithinDays must be a whole number of days ≥ 1");
  }
  return {
    maxBytes, minPages: count("minPages"), maxPages: count("maxPages"), forbid: encryption === "forbid",
    content, color: rules.color === true, mustContain: mustContain.slice(), within: within ?? -1, today: dayOf(rules.today),
    en: rules.lang === "en",
  };
}

/** `rules.today` (a `Date` or "YYYY-MM-DD") as "YYYY-MM-DD"; by default the device's local date. */
function dayOf(today) {
  if (today === undefined) today = new Date();
  if (today instanceof Date && !Number.isNaN(today.getTime())) {
    const p = (n, w) => String(n).padStart(w, "0");
    return `${p(today.getFullYear(), 4)}-${p(today.getMonth() + 1, 2)}-${p(today.getDate(), 2)}`;
  }
  if (typeof today === "string" && /^\d{4}-\d{2}-\d{2}$/.test(today) && !Number.isNaN(Date.parse(today))) return today;
  throw misuse('rules.today must be a Date or a "YYYY-MM-DD" string');
}

/** `extractPdfText` options checked and flattened (misuse throws). */
function flatTextOptions(options = {}) {
  if (typeof options !== "object" || options === null) throw misuse("options must be an object");
  const pages = options.pages ?? [];
  if (!Array.isArray(pages) || pages.length > 100000 || !pages.every((p) => Number.isInteger(p) && p >= 1 && p < 2 ** 32)) {
    throw misuse("options.pages must be an array of page numbers ≥ 1");
  }
  const { maxChars } = options;
  if (maxChars !== undefined && (!Number.isInteger(maxChars) || maxChars < 0)) throw misuse("options.maxChars must be a whole number ≥ 0");
  return { pages: Uint32Array.from(pages), maxChars: maxChars ?? -1 };
}

/**
 * Runs one request on the PDF module `m` and returns its JSON: `{ bytes }` inspects,
 * `{ bytes, text }` extracts text, `{ bytes, size, rules }` checks. The worker and the Node
 * entry both answer through this.
 */
export function dispatch(m, msg) {
  const r = msg.rules;
  if (r !== undefined) {
    return m.checkPdfJson(msg.bytes, msg.size, r.maxBytes, r.minPages, r.maxPages, r.forbid, r.content, r.color,
      r.mustContain, r.within, r.today, r.en);
  }
  if (msg.text !== undefined) return m.extractPdfTextJson(msg.bytes, msg.text.pages, msg.text.maxChars);
  return m.inspectPdfJson(msg.bytes);
}

/**
 * The three PDF functions over `run(request, fallback)`, which answers a
 * {@link dispatch} request (in a worker, or in-process) or, if the module failed on the
 * file, `fallback()`. Arguments are checked here, the same for every entry.
 */
export function pdfApi(run) {
  return {
    /** Inspects a PDF upload: what it is, encryption, pages, text or scan, images by color. */
    async inspectPdf(data) {
      const { size, bytes, unread } = await upload(data);
      const info = await run({ bytes }, () => trapped(size));
      return unread ? unreadInfo(info, size) : info;
    },
    /** The text of a PDF's pages (`options.pages`, 1-based; `options.maxChars`). */
    async extractPdfText(data, options) {
      const text = flatTextOptions(options);
      const { bytes, unread } = await upload(data);
      return unread ? unreadText() : run({ bytes, text }, trappedText);
    },
    /** Checks an upload against a portal's rules; resolves with `{ ok, info, findings, issueDate? }`. */
    async checkPdf(data, rules) {
      const flat = flatRules(rules);
      const u = await checkedUpload(data, flat);
      return run(u, () => trappedCheck(u.size, flat.en));
    },
  };
}

/**
 * An upload for checkPdf: one over READ_LIMIT is judged by its size alone, against
 * the portal's `maxBytes` or, without one, against READ_LIMIT itself.
 */
async function checkedUpload(data, flat) {
  const u = await upload(data);
  if (!u.unread) return { size: u.size, bytes: u.bytes, rules: flat };
  const maxBytes = flat.maxBytes >= 0 ? Math.min(flat.maxBytes, READ_LIMIT) : READ_LIMIT;
  return { size: u.size, bytes: new Uint8Array(0), rules: { ...flat, maxBytes } };
}

/** The answer of checkPdf for an upload the PDF module could not check (it trapped). */
function trappedCheck(size, english) {
  return { ok: false, info: trapped(size), findings: [internalError({ lang: english ? "en" : "es" })] };
}
