// The file checks (inspectPdf, extractPdfText, checkPdf, identifyFile): read the upload, ask the files
// module (src/js/files.rs) for one named operation, render the findings. The module runs in a
// Web Worker in browsers (files-browser.js) and in-process in Node (files-node.js); the entry
// point gives the runner (files-run.js). Options are checked by the module itself, under the
// names of the Rust types (misuse rejects with the coded error). Every export of this module
// is a public function (api.js re-exports them all); each is declared in src/js/files.rs.
//
// The protocol, one shape for every operation:
//   request  { op, size, readLimit, bytes, options }   op: an `Op` of src/js/files.rs
//            ("inspectPdf", "extractPdfText", "checkPdf", "identifyFile")
//   response { result } | { misuse: message } | { trap: true }
import { internalError, misuse, renderFindings } from "./messages.js";
import { runFile } from "./files-run.js";

/**
 * Above this an upload is never read whole (a 2 GB "PDF" must not take the page's memory):
 * only its first bytes, to say what it is. Portals accept 1–4 MB. The files module judges
 * such an upload by its size, against this limit (sent with each request).
 */
const READ_LIMIT = 64e6;
/** Bytes read of an upload over READ_LIMIT: enough for the magic-byte sniff (PDF: 1,024). */
const HEAD = 1024;


/**
 * An upload as `{ size, bytes, unread }`: `bytes` a `Uint8Array` the caller no
 * longer shares (it may be transferred to a worker): the whole file, or only its first
 * bytes when it is over READ_LIMIT or `whole` is false (`unread`). Throws the coded misuse error for anything
 * that is not a `File`, `Blob`, `ArrayBuffer` or `Uint8Array`.
 */
async function upload(data, whole = true) {
  const blob = typeof Blob !== "undefined" && data instanceof Blob;
  if (!blob && !(data instanceof Uint8Array) && !(data instanceof ArrayBuffer)) {
    throw misuse("data must be a File, Blob, ArrayBuffer or Uint8Array");
  }
  const size = blob ? data.size : data.byteLength;
  const unread = !whole || size > READ_LIMIT;
  const end = unread ? HEAD : size;
  let bytes;
  if (blob) bytes = new Uint8Array(await data.slice(0, end).arrayBuffer());
  else if (data instanceof Uint8Array) bytes = data.slice(0, end);
  else bytes = new Uint8Array(data.slice(0, end));
  return { size, bytes, unread };
}

/**
 * Runs `op` on the upload: resolves with the module's result, or with `fallback()` when the
 * module failed on the file (it trapped, or could not load); rejects on misuse.
 */
async function ask(op, u, options, fallback) {
  const answer = await runFile({ op, size: u.size, readLimit: READ_LIMIT, bytes: u.bytes, options });
  if (answer.misuse !== undefined) {
    const e = new Error(answer.misuse);
    e.code = "api.invalid_argument";
    throw e;
  }
  return answer.trap ? fallback() : answer.result;
}

/**
 * What inspectPdf answers for a file the module could not inspect. Its shape is the
 * module's `PdfInfo` (tests/js/package.test.mjs compares the two, key by key).
 */
function trapped(bytes) {
  return {
    isPdf: false, kind: "unknown", bytes, encryption: "none", pages: 0, hasText: false, textChars: 0,
    images: { count: 0, color: 0, gray: 0, bilevel: 0, sampled: 0 }, javascript: false, embeddedFiles: 0,
    pageCensus: [], repaired: false, incomplete: false, truncated: false, error: "internal.error",
  };
}

/** Inspects a PDF upload: what it is, encryption, pages, text or scan, images by color. */
export async function inspectPdf(data) {
  const u = await upload(data);
  const info = await ask("inspectPdf", u, undefined, () => trapped(u.size));
  if (!u.unread) return info;
  // Over READ_LIMIT: only the first bytes were read, to name what it is.
  return { ...trapped(u.size), kind: info.kind, ...(info.version && { version: info.version }), error: "pdf.too_large" };
}

/** The text of a PDF's pages (`options.pages`, 1-based; `options.maxChars`). */
export async function extractPdfText(data, options) {
  const u = await upload(data);
  const text = await ask("extractPdfText", u, options, () => ({ pages: [], truncated: false, error: "internal.error" }));
  return u.unread ? { pages: [], truncated: true, error: "pdf.too_large" } : text;
}

/** Checks an upload against a portal's rules; resolves with `{ ok, info, findings, issueDate? }`. */
export async function checkPdf(data, rules) {
  if (typeof rules !== "object" || rules === null) throw misuse("rules must be an object");
  const u = await upload(data);
  // An upload over READ_LIMIT is judged by its size alone: nothing of it is sent.
  if (u.unread) u.bytes = new Uint8Array(0);
  const r = await ask("checkPdf", u, rules, () => ({ ok: false, info: trapped(u.size), findings: [internalError(rules)] }));
  renderFindings(r.findings, rules.lang === "en");
  return r;
}

/** What an upload really is, from its first bytes, and its size: `{ kind, bytes }`. */
export async function identifyFile(data) {
  const u = await upload(data, false);
  return ask("identifyFile", u, undefined, () => ({ kind: "unknown", bytes: u.size }));
}

/**
 * Opens a certificate file (.p12/.pfx) with its password, off the main thread: the password
 * exactly as typed (never trimmed or normalized; `undefined` is "no password", `""` an empty
 * one), the dates judged at `options.at` (default now), the holder compared with
 * `options.expect = { kind, value }`. Resolves with `{ ok, subject, issuer, serial,
 * notBefore, notAfter, daysLeft, holderIds, hasKey, keyMatchesCertificate, encryption,
 * findings }`; rejects only on misuse.
 */
export async function checkCertificate(data, password, options) {
  if (password !== undefined && typeof password !== "string") throw misuse("password must be a string");
  if (options !== undefined && (typeof options !== "object" || options === null)) throw misuse("options must be an object");
  const u = await upload(data);
  if (u.unread) u.bytes = new Uint8Array(0);
  const r = await ask("checkCertificate", u, { ...options, ...(password !== undefined && { password }) }, () => ({
    ok: false, holderIds: [], hasKey: false, keyMatchesCertificate: false, encryption: "none", findings: [internalError(options)],
  }));
  renderFindings(r.findings, options?.lang === "en");
  return r;
}
