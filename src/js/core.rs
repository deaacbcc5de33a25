//! The core module's boundary (see [`crate::js`] for the convention): the typed-field
//! checks. Results cross as compact tapes that the package's JS glue decodes
//! (`pkg-config/api.js`; see `crate::tape` for why).

use crate::codes::Code;
use crate::email::{self, EmailOptions};
use crate::id::{self, IdOptions, Kind};
use crate::js::{misuse, Props};
use crate::password::{self, CharClass, CustomPolicy, PasswordOptions, Policy, PolicyName};
use crate::phone::{self, Country, PhoneOptions, PhoneType};
use crate::{tape, Severity};
use serde::Serialize;
use tsify::{Ts, Tsify};
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

fn email_options(v: &JsValue) -> Result<EmailOptions, JsValue> {
    let p = Props::or_empty(v, "options")?;
    Ok(read_options!(p, EmailOptions {
        lang: lang,
        field: string,
        official_domains: strings,
    }; skip_messages: true))
}

fn password_options(v: &JsValue) -> Result<PasswordOptions, JsValue> {
    let p = Props::new(v, "options")?;
    let policy = match p.get("policy") {
        None => {
            return Err(misuse(
                "options.policy is required (\"gse\", \"dian\", \"nist\" or an object)",
            ))
        }
        Some(v) if v.is_string() => Policy::Named(match v.as_string().as_deref() {
            Some("gse") => PolicyName::Gse,
            Some("dian") => PolicyName::Dian,
            Some("nist") => PolicyName::Nist,
            _ => return Err(p.bad("policy", "\"gse\", \"dian\", \"nist\" or an object")),
        }),
        Some(v) => {
            let c = Props::new(&v, "options.policy")?;
            let require = c
                .strings("require")?
                .iter()
                .map(|s| match s.as_str() {
                    "upper" => Ok(CharClass::Upper),
                    "lower" => Ok(CharClass::Lower),
                    "digit" => Ok(CharClass::Digit),
                    "special" => Ok(CharClass::Special),
                    _ => Err(c.bad(
                        "require",
                        "a list of \"upper\", \"lower\", \"digit\", \"special\"",
                    )),
                })
                .collect::<Result<_, _>>()?;
            Policy::Custom(read_options!(c, CustomPolicy {
                min_length: count,
                max_length: count,
                specials: string,
                forbid_whitespace: boolean,
                max_repeat: count,
                blocklist: boolean,
            }; require: require))
        }
    };
    Ok(read_options!(p, PasswordOptions {
        confirmation: string,
        personal: strings,
        lang: lang,
        field: string,
    }; policy: policy, skip_messages: true))
}

/// Checks an email address; returns the result as a tape (see `crate::tape`). The package
/// exports `checkEmail`, which decodes it (`pkg-config/api.js`).
///
/// `value` is a `&str`: wasm-bindgen copies it in the same call. The glue checks that it is
/// a string first and throws the coded error otherwise.
#[wasm_bindgen(js_name = checkEmail)]
pub fn check_email(value: &str, options: Option<Ts<EmailOptions>>) -> Result<String, JsValue> {
    #[cfg(feature = "test-trap")]
    if value == "\0trap\0" {
        std::process::abort();
    }
    let opts = match options.map(|o| o.js_value()) {
        Some(o) if !o.is_undefined() && !o.is_null() => email_options(&o)?,
        _ => EmailOptions {
            skip_messages: true,
            ..EmailOptions::default()
        },
    };
    Ok(tape::email(&email::check_email_full(value, &opts)))
}

/// 0 unless `value` is a clean address with nothing to report (`email::is_clean`); then 1
/// when it is already normalized, 2 when its domain has capitals to lower. The glue builds
/// `{ ok: true, normalized, findings: [] }` itself: the common case costs one call that
/// returns a number. Options are still validated.
#[wasm_bindgen(js_name = emailIsClean)]
pub fn email_is_clean(value: &str, options: Option<Ts<EmailOptions>>) -> Result<u32, JsValue> {
    let extra_officials = match options.map(|o| o.js_value()) {
        Some(o) if !o.is_undefined() && !o.is_null() => {
            !email_options(&o)?.official_domains.is_empty()
        }
        _ => false,
    };
    if extra_officials {
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

/// Checks a password; returns the result as a tape. The package exports `checkPassword`.
#[wasm_bindgen(js_name = checkPassword)]
pub fn check_password(mut value: String, options: Ts<PasswordOptions>) -> Result<String, JsValue> {
    // `value` is this call's own copy of the password: it is overwritten before it is freed,
    // and so is the confirmation (the core wipes its own working copies).
    let mut opts = password_options(&options.js_value());
    let result = match &opts {
        Ok(o) => {
            password::check_password(&value, o).map_err(|e| misuse(&format!("policy: {}", e.0)))
        }
        Err(e) => Err(e.clone()),
    };
    crate::wipe::string(&mut value);
    if let Ok(o) = &mut opts {
        if let Some(c) = &mut o.confirmation {
            crate::wipe::string(c);
        }
    }
    let result = result?;
    Ok(tape::password(&result, &result.allowed))
}

fn id_options(v: Option<Ts<IdOptions>>) -> Result<IdOptions, JsValue> {
    let Some(v) = v
        .map(|o| o.js_value())
        .filter(|o| !o.is_undefined() && !o.is_null())
    else {
        return Ok(IdOptions {
            skip_messages: true,
            ..IdOptions::default()
        });
    };
    let p = Props::new(&v, "options")?;
    Ok(read_options!(p, IdOptions {
        lang: lang,
        field: string,
    }; skip_messages: true))
}

/// Checks an identifier; returns the result as a tape (see `crate::tape`). `kind` is a
/// kind name or a DIAN document code; `value` a string, or `{ nit, dv }` for a NIT typed
/// in two fields. The package exports `checkId`.
#[wasm_bindgen(js_name = checkId)]
pub fn check_id(
    kind: JsValue,
    value: JsValue,
    options: Option<Ts<IdOptions>>,
) -> Result<String, JsValue> {
    let Some((kind, code)) = kind.as_string().as_deref().and_then(Kind::parse) else {
        return Err(misuse("kind must be an identifier kind (\"co.nit\", \"cl.rut\", …) or a DIAN document code (\"13\", \"31\", …)"));
    };
    let opts = id_options(options)?;
    let result = if let Some(v) = value.as_string() {
        id::check_id_as(kind, code, &v, &opts)
    } else if kind == Kind::CoNit && value.is_object() {
        let p = Props::new(&value, "value")?;
        let part = |k: &str| p.string(k).map(Option::unwrap_or_default);
        id::check_nit_parts(&part("nit")?, &part("dv")?, &opts)
    } else {
        return Err(misuse("value must be a string (or { nit, dv } for co.nit)"));
    };
    Ok(tape::id(&result))
}

/// Checks a phone number of `country` (`"CO"`, `"CL"`, `"EC"`); returns a tape. The package
/// exports `checkPhone`.
#[wasm_bindgen(js_name = checkPhone)]
pub fn check_phone(
    country: JsValue,
    value: &str,
    options: Option<Ts<PhoneOptions>>,
) -> Result<String, JsValue> {
    let Some(country) = country.as_string().as_deref().and_then(Country::parse) else {
        return Err(misuse("country must be \"CO\", \"CL\" or \"EC\""));
    };
    let mut opts = PhoneOptions {
        skip_messages: true,
        ..PhoneOptions::default()
    };
    if let Some(v) = options
        .map(|o| o.js_value())
        .filter(|o| !o.is_undefined() && !o.is_null())
    {
        let p = Props::new(&v, "options")?;
        opts.lang = p.lang("lang")?;
        opts.field = p.string("field")?;
        opts.want = match p.string("type")?.as_deref() {
            None => None,
            Some("mobile") => Some(PhoneType::Mobile),
            Some("fixed") => Some(PhoneType::Fixed),
            Some(_) => return Err(p.bad("type", "\"mobile\" or \"fixed\"")),
        };
    }
    Ok(tape::phone(&phone::check_phone(country, value, &opts)))
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

/// Codes, severities, message templates, rule and pattern names, for the JS glue.
#[wasm_bindgen]
pub fn tables() -> String {
    tape::tables()
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
