//! The files module's boundary (see [`crate::js`] for the convention): built with
//! `--features files` into its own .wasm (scripts/build.sh), which the package loads the
//! first time a page checks a file, inside a Web Worker in browsers
//! (pkg-config/files-worker.js) and in-process in Node.
//!
//! One request/response protocol: [`run`] takes the request (`{ op, size, readLimit }`: the
//! operation's name, the file's real size, the most the package reads of a file), the bytes
//! read and the caller's options, and answers the operation's result as JSON. Adding
//! an operation is adding a variant to [`Op`] (and its arm in `run`).

use crate::checks::{camel, read, Choice, Misuse, OptionSource, ReadOptions};
use crate::js::{misuse, Props};
use crate::pdf::{self, PdfRules, TextOptions};
use wasm_bindgen::prelude::*;

/// An operation of the files module, named as the package function that asks for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Op {
    /// `inspectPdf(data)`: `PdfInfo`.
    InspectPdf,
    /// `extractPdfText(data, options)`: `PdfText`.
    ExtractPdfText,
    /// `checkPdf(data, rules)`: `PdfResult`.
    CheckPdf,
    /// `identifyFile(data)`: `FileIdentity`.
    IdentifyFile,
    /// `checkCertificate(data, password, options)`: `CertResult`. The request may carry
    /// `keys`: the keys of `pbkdf2Params`, in its order (`null` where none was derived).
    CheckCertificate,
    /// Not a package function: the PBKDF2 derivations a certificate file's PBES2 schemes run
    /// (`[{ hash, salt, iterations, keyLength }]`, salt as bytes), which the package runs
    /// with WebCrypto before `checkCertificate` (pkg-config/files-keys.js).
    Pbkdf2Params,
}

/// The package functions of the operations, with their documentation and result types; in
/// the files module's `.d.ts`, from which `scripts/gen-checks.mjs` re-exports them. Adding an
/// operation adds its declaration here.
#[wasm_bindgen(typescript_custom_section)]
const OPS_TS: &'static str = r#"
// The files module's operations (src/js/files.rs `Op`): the package functions that ask for them.
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

/**
 * What {@link checkPdf} returns: `findings` errors first, messages in `rules.lang` (a single
 * `internal.error` finding if the files module failed on this file); `info` as
 * {@link inspectPdf} gives it (for an upload too large to read, only `bytes` is known).
 */
export type PdfCheckResult = Omit<PdfResult, "info"> & { info: PdfInfoResult };

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

/**
 * What an upload really is, from its first bytes: a PDF, or a photo (JPEG, PNG, HEIC…), a
 * Word or Excel file, a saved web page… renamed `.pdf` or `.jpg`; and its size. Reads only
 * the first 1,024 bytes, whatever the size. Resolves for any content; rejects only on misuse.
 */
export declare function identifyFile(data: Blob | ArrayBuffer | Uint8Array): Promise<FileIdentity>;
/**
 * Opens a certificate file (.p12/.pfx) with its password, off the main thread: the password
 * exactly as typed (`undefined`: none given; `""`: an empty one), modern (AES) and legacy
 * (RC2/3DES) files; the dates judged at `options.at` (a `Date`, default now: to the second; a `"YYYY-MM-DD"`: by the day), `p12.expires_soon`
 * under `options.expiresSoonDays` (30); the holder compared with `options.expect`. Resolves for
 * any content; rejects only on misuse.
 */
export declare function checkCertificate(data: Blob | ArrayBuffer | Uint8Array, password?: string, options?: CertOptions): Promise<CertResult>;
"#;

impl Choice for Op {
    const ALL: &'static [Op] = &[
        Op::InspectPdf,
        Op::ExtractPdfText,
        Op::CheckPdf,
        Op::IdentifyFile,
        Op::CheckCertificate,
        Op::Pbkdf2Params,
    ];
    const NAMES: &'static [&'static str] = &[
        "inspectPdf",
        "extractPdfText",
        "checkPdf",
        "identifyFile",
        "checkCertificate",
        "pbkdf2Params",
    ];
}

/// Runs the operation `request.op` on `bytes` (the whole file, or only its first bytes
/// when `size` says it was too large to read) with `options`; returns its result as JSON.
/// Misuse (an unknown operation, options of the wrong shape) throws the coded error.
#[wasm_bindgen]
pub fn run(request: JsValue, bytes: &[u8], options: JsValue) -> Result<String, JsValue> {
    trap_on_magic(bytes);
    answer(&request, bytes, &options).map_err(misuse)
}

fn answer(request: &JsValue, bytes: &[u8], options: &JsValue) -> Result<String, Misuse> {
    let req = Props::new(request, "request")?;
    let op: Op = read::required(&req, "op")?;
    let size = read::bytes(&req, "size")?.unwrap_or(bytes.len() as u64);
    // The most the package reads of an upload (pkg-config/files.js `READ_LIMIT`).
    let read_limit = read::bytes(&req, "readLimit")?.unwrap_or(u64::MAX);
    Ok(match op {
        Op::InspectPdf => crate::json::to_json(&pdf::inspect_pdf(bytes)),
        Op::ExtractPdfText => {
            crate::json::to_json(&pdf::extract_text(bytes, &text_options(options)?))
        }
        Op::IdentifyFile => crate::json::to_json(&pdf::sniff::identify(bytes, size)),
        Op::CheckCertificate => {
            let p = Props::or_empty(options, "options")?;
            let mut opts = crate::p12::check::CertOptions::read(&p)?;
            // One "now" for the day and the instant.
            let now = js_sys::Date::new_0();
            opts.at = day_of(&p, "at", &now)?;
            opts.instant = instant_of(&p, "at", &now);
            // The keys derived from the password, then the password: this call's own copies,
            // overwritten before they are freed (read in this order so that misuse in `keys`
            // leaves no password behind).
            let mut derived = derived_keys(&req, bytes)?;
            let mut password = match p.string("password") {
                Ok(pw) => pw,
                Err(e) => {
                    for d in &mut derived {
                        crate::wipe::bytes(&mut d.key);
                    }
                    return Err(e);
                }
            };
            let r = crate::p12::check::check_certificate_derived(
                bytes,
                size,
                password.as_deref(),
                &opts,
                &derived,
            );
            if let Some(pw) = &mut password {
                crate::wipe::string(pw);
            }
            for d in &mut derived {
                crate::wipe::bytes(&mut d.key);
            }
            crate::json::to_json(&r)
        }
        Op::Pbkdf2Params => {
            let list = crate::p12::pbkdf2_params(bytes);
            let mut out = String::from("[");
            for (i, p) in list.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&crate::json::to_json(&Pbkdf2Json {
                    hash: p.hash,
                    salt: &p.salt,
                    iterations: p.iterations,
                    key_length: p.key_len,
                }));
            }
            out.push(']');
            out
        }
        Op::CheckPdf => {
            let mut rules = pdf_rules(options)?;
            if (bytes.len() as u64) < size {
                // Too large to read (the glue sent only its first bytes): judged by its size
                // against the portal's limit, or against what the package reads at most.
                rules.max_bytes = Some(rules.max_bytes.unwrap_or(read_limit).min(read_limit));
            }
            crate::json::to_json(&pdf::check_bytes(bytes, size, &rules))
        }
    })
}

/// A PBKDF2 derivation as the package's WebCrypto call takes it.
#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct Pbkdf2Json<'a> {
    hash: &'static str,
    salt: &'a [u8],
    iterations: u32,
    key_length: usize,
}

/// The keys of `request.keys` paired with the file's [`crate::p12::pbkdf2_params`] in order
/// (`null` or a key of another length: none given, derived here). At most as many as the
/// file lists; anything but an array of `Uint8Array`/`null` is misuse.
fn derived_keys(req: &Props, bytes: &[u8]) -> Result<Vec<crate::p12::Derived>, Misuse> {
    let Some(v) = req.get("keys") else {
        return Ok(Vec::new());
    };
    let bad = || req.bad("keys", "an array of Uint8Array or null");
    let list: js_sys::Array = v.dyn_into().map_err(|_| bad())?;
    let mut out: Vec<crate::p12::Derived> = Vec::new();
    // Only as many entries as the file lists are read, whatever the array's length.
    for (i, p) in crate::p12::pbkdf2_params(bytes).into_iter().enumerate() {
        let k = list.get(i as u32);
        if k.is_null() || k.is_undefined() {
            continue;
        }
        let Some(k) = k.dyn_ref::<js_sys::Uint8Array>() else {
            for d in &mut out {
                crate::wipe::bytes(&mut d.key);
            }
            return Err(bad());
        };
        if k.length() as usize == p.key_len {
            out.push(crate::p12::Derived {
                params: p,
                key: k.to_vec(),
            });
        }
    }
    Ok(out)
}

/// `extractPdfText`'s options.
fn text_options(v: &JsValue) -> Result<TextOptions, Misuse> {
    // `undefined` means no options; `null` is not an options object.
    let p = if v.is_null() {
        Props::new(v, "options")?
    } else {
        Props::or_empty(v, "options")?
    };
    let key = camel("pages");
    let pages = match p.get(&key) {
        None => None,
        Some(v) => {
            let bad = || p.bad(&key, "an array of page numbers ≥ 1");
            if !js_sys::Array::is_array(&v) {
                return Err(bad());
            }
            let list = js_sys::Array::from(&v);
            if list.length() > 100_000 {
                return Err(bad());
            }
            let pages = list
                .iter()
                .map(|n| match n.as_f64() {
                    Some(n) if n >= 1.0 && n < 4_294_967_296.0 && n.fract() == 0.0 => Ok(n as u32),
                    _ => Err(bad()),
                })
                .collect::<Result<Vec<u32>, Misuse>>()?;
            (!pages.is_empty()).then_some(pages)
        }
    };
    let max_chars =
        read::count(&p, "max_chars")?.map_or(TextOptions::default().max_chars, |n| n as usize);
    Ok(TextOptions { pages, max_chars })
}

/// `checkPdf`'s rules ([`PdfRules`]' `ReadOptions`, and `today` from a JS `Date`).
fn pdf_rules(v: &JsValue) -> Result<PdfRules, Misuse> {
    let p = Props::new(v, "rules")?;
    let mut rules = PdfRules::read(&p)?;
    rules.today = day_of(&p, "today", &js_sys::Date::new_0())?;
    if rules.must_contain.len() > 100
        || rules
            .must_contain
            .iter()
            .any(|t| t.trim().is_empty() || t.chars().count() > 500)
    {
        return Err(p.bad(
            "mustContain",
            "an array of at most 100 non-empty strings of at most 500 characters",
        ));
    }
    Ok(rules)
}

/// A date option (`rules.today`, `options.at`): a `Date` (its local day) or `"YYYY-MM-DD"`;
/// by default the device's local date.
fn day_of(p: &Props, key: &str, now: &js_sys::Date) -> Result<Option<pdf::dates::Date>, Misuse> {
    let bad = || p.bad(key, "a Date or a \"YYYY-MM-DD\" string");
    let day = |d: &js_sys::Date| {
        let (y, m, dd) = (d.get_full_year(), d.get_month() + 1, d.get_date());
        pdf::dates::Date::parse_iso(&format!("{y:04}-{m:02}-{dd:02}"))
    };
    match p.get(key) {
        None => Ok(day(now)),
        Some(v) if v.is_instance_of::<js_sys::Date>() => {
            let d: js_sys::Date = v.unchecked_into();
            if d.get_time().is_nan() {
                return Err(bad());
            }
            Ok(day(&d))
        }
        Some(v) => match v.as_string().and_then(|s| {
            (s.len() == 10)
                .then(|| pdf::dates::Date::parse_iso(&s))
                .flatten()
        }) {
            Some(d) => Ok(Some(d)),
            None => Err(bad()),
        },
    }
}

/// The instant of a date option that is a `Date` or absent (now), as seconds since 1970 UTC
/// with the device's offset from UTC in minutes; `None` for a `"YYYY-MM-DD"` string (a day,
/// no instant) or an invalid date (refused by [`day_of`]).
fn instant_of(p: &Props, key: &str, now: &js_sys::Date) -> Option<(i64, i64)> {
    let d: js_sys::Date = match p.get(key) {
        None => now.clone(),
        Some(v) if v.is_instance_of::<js_sys::Date>() => v.unchecked_into(),
        Some(_) => return None,
    };
    let ms = d.get_time();
    if !ms.is_finite() || ms.abs() > 8.64e15 {
        return None;
    }
    Some((
        (ms / 1000.0).floor() as i64,
        -(d.get_timezone_offset() as i64),
    ))
}

/// Test builds only (`--features test-trap`, tests/js/trap.test.mjs): aborts on one magic
/// file so that the package's recovery from a trapped files module can be tested.
fn trap_on_magic(_bytes: &[u8]) {
    #[cfg(feature = "test-trap")]
    if _bytes == b"%PDF-trap" {
        std::process::abort();
    }
}
