//! The core module's boundary (see [`crate::js`] for the convention): the typed-field
//! checks of the registry (`checks!` in `lib.rs`) through one export, [`run_check`], and the
//! few helpers the package exports besides them. Options cross as JSON text
//! (`crate::options_json`): one crossing, where reading a JS object costs one per key.

use crate::checks::{Misuse, ReadOptions, Value};
use crate::codes::Code;
use crate::email::{self, EmailOptions};
use crate::id;
use crate::js::misuse;
use crate::options_json::JsonOptions;
use crate::Severity;
use serde::Serialize;
use tsify::Tsify;
use wasm_bindgen::prelude::*;

/// A code with its severity and message template, as `listCodes()` returns it (built by
/// the JS glue from `tables()`; declared here so its type is generated with the others).
#[derive(Serialize, Tsify)]
#[allow(dead_code)]
pub struct CodeInfo {
    /// The code.
    pub code: Code,
    /// Its fixed severity.
    pub severity: Severity,
    /// The message template, `{name}` marking parameters.
    pub message: String,
}

/// The value of a check: `text`, or, when `parts` is not empty, the plain object of strings
/// it holds as JSON (`{ nit, dv }`: a value typed in several inputs).
fn value_of(text: String, parts: &str) -> Result<Value, Misuse> {
    if parts.is_empty() {
        return Ok(Value::Text(text));
    }
    let bad = || Misuse("value must be a string (or { nit, dv } for co.nit)".into());
    let parts = JsonOptions::new(parts, "value").map_err(|_| bad())?;
    Ok(Value::Parts(parts.string_members().ok_or_else(bad)?))
}

/// [`run_check`] for inputs that crossed as UTF-8 bytes: the glue sends a string that is
/// not all ASCII this way, because wasm-bindgen's string passing reallocates such a string's
/// buffer, which could leave a copy of a password's start in freed memory. Bytes cross in
/// one allocation, and are wiped like the strings.
#[wasm_bindgen(js_name = runCheckBytes)]
pub fn run_check_bytes(
    index: u32,
    text: Vec<u8>,
    parts: Vec<u8>,
    options: Vec<u8>,
) -> Result<String, JsValue> {
    let utf8 = |bytes: Vec<u8>| {
        String::from_utf8(bytes).map_err(|e| {
            let mut bytes = e.into_bytes();
            bytes.fill(0);
            std::hint::black_box(&bytes);
        })
    };
    match (utf8(text), utf8(parts), utf8(options)) {
        (Ok(text), Ok(parts), Ok(options)) => run_check(index, text, parts, options),
        (text, parts, options) => {
            for mut s in [text, parts, options].into_iter().flatten() {
                crate::wipe::string(&mut s);
            }
            Err(misuse(Misuse("inputs must be UTF-8".into())))
        }
    }
}

/// The registry's check number `index` (`registry::NAMES` order, as the generated
/// `checks.js` numbers them).
fn name_of(index: u32) -> Result<&'static str, Misuse> {
    crate::registry::NAMES
        .get(index as usize)
        .copied()
        .ok_or_else(|| Misuse("no such check".into()))
}

/// Runs the registry's check number `index` on the value (`text`, or the `parts` of a value
/// typed in several inputs as JSON, see [`value_of`]) with `options` (JSON text, empty for
/// none); returns its result as JSON, findings without messages (the package renders them).
/// Misuse throws the coded error. Strings cross as parameters: one crossing each.
///
/// `text` and `options` are this call's own copies: the check wipes the value (a password)
/// and `options` is overwritten here before it is freed (a confirmation travels there).
#[wasm_bindgen(js_name = runCheck)]
pub fn run_check(
    index: u32,
    mut text: String,
    mut parts: String,
    mut options: String,
) -> Result<String, JsValue> {
    #[cfg(feature = "test-trap")]
    if text == "\0trap\0" {
        std::process::abort();
    }
    // Every input is this call's own copy, and every path overwrites it before it is freed:
    // the check wipes the value it is given (a password), and anything not handed to it is
    // wiped here.
    let result = match (name_of(index), JsonOptions::new(&options, "options")) {
        (Ok(name), Ok(src)) => match value_of(std::mem::take(&mut text), &parts) {
            Ok(value) => crate::registry::run(name, value, &src)
                .unwrap_or_else(|| Err(Misuse("no such check".into()))),
            Err(e) => Err(e),
        },
        (Err(e), _) | (_, Err(e)) => Err(e),
    };
    crate::wipe::string(&mut text);
    crate::wipe::string(&mut parts);
    crate::wipe::string(&mut options);
    result.map_err(misuse)
}

/// The result of the registry's check number `index` when the module trapped on a call:
/// its shape, from the check of an empty value with default options (the glue sets `ok`
/// and the `internal.error` finding).
#[wasm_bindgen(js_name = fallbackResult)]
pub fn fallback_result(index: u32) -> Result<String, JsValue> {
    let name = name_of(index).map_err(misuse)?;
    crate::registry::fallback(name).ok_or_else(|| misuse(Misuse("no such check".into())))
}

/// 0 unless `value` is a clean address with nothing to report (`email::is_clean`); then 1
/// when it is already normalized, 2 when its domain has capitals to lower. The glue builds
/// `{ ok: true, normalized, findings: [] }` itself: the common case costs one call that
/// returns a number. Options are still validated.
#[wasm_bindgen(js_name = emailIsClean)]
pub fn email_is_clean(value: &str, options: &str) -> Result<u32, JsValue> {
    let src = JsonOptions::new(options, "options").map_err(misuse)?;
    let options = EmailOptions::read(&src).map_err(misuse)?;
    if !options.official_domains.is_empty() {
        return Ok(0);
    }
    Ok(clean_code(value))
}

/// The answer of [`email_is_clean`] for an address without options.
fn clean_code(value: &str) -> u32 {
    if !email::is_clean(value) {
        return 0;
    }
    let domain = value.rsplit('@').next().unwrap_or_default();
    if domain.bytes().any(|b| b.is_ascii_uppercase()) {
        2
    } else {
        1
    }
}

/// The DIAN check digit of a NIT body (separators allowed), or -1 when the body is not
/// 1–15 digits. The package exports `nitCheckDigit` (`number | null`).
#[wasm_bindgen(js_name = nitCheckDigit)]
pub fn nit_check_digit(body: &str) -> i32 {
    match id::compact_digits(body) {
        Some(b) => id::nit_check_digit(&b).map_or(-1, i32::from),
        None => -1,
    }
}

/// The check digit of a RUT body (separators allowed), or an empty string when the body is
/// not 1–8 digits. The package exports `rutCheckDigit` (`string | null`).
#[wasm_bindgen(js_name = rutCheckDigit)]
pub fn rut_check_digit(body: &str) -> String {
    id::compact_digits(body)
        .and_then(|b| id::rut_check_digit(b.trim_start_matches('0')))
        .map(String::from)
        .unwrap_or_default()
}

/// Loads the password data (the text of the package's `password-data.js`, fetched on first
/// use): from then on the strength estimate matches the big ranked lists and is no longer
/// provisional. Once; later calls do nothing.
#[wasm_bindgen(js_name = loadPasswordData)]
pub fn load_password_data(text: &str) {
    crate::password::strength::load_data(text);
}

/// Codes, severities, message templates, rule lines and DIAN types, for the JS glue (once).
#[wasm_bindgen]
pub fn tables() -> String {
    crate::tables::tables()
}

/// Capacity of [`input_buffer`]: addresses longer than this take the ordinary call.
const INPUT_CAP: usize = 256;

thread_local! {
    static INPUT: std::cell::RefCell<Vec<u8>> = std::cell::RefCell::new(vec![0; INPUT_CAP]);
}

/// Where the glue may write a short ASCII address before calling [`email_is_clean_input`]:
/// one call instead of three (allocate, check, free) for the most frequent question. The
/// buffer lives as long as the instance and never moves.
#[wasm_bindgen(js_name = inputBuffer)]
pub fn input_buffer() -> u32 {
    INPUT.with(|b| b.borrow_mut().as_mut_ptr() as usize as u32)
}

/// [`email_is_clean`] for the `len` bytes the glue wrote at [`input_buffer`], without
/// options. Bytes that are not UTF-8 answer 0 (the glue only writes ASCII).
#[wasm_bindgen(js_name = emailIsCleanInput)]
pub fn email_is_clean_input(len: u32) -> u32 {
    INPUT.with(|b| {
        let b = b.borrow();
        match b.get(..len as usize).map(std::str::from_utf8) {
            Some(Ok(s)) => clean_code(s),
            _ => 0,
        }
    })
}
