//! The JavaScript boundary, and nothing else: each export converts its arguments, calls
//! the core, and converts the result. Misuse (a number where a string goes, options of
//! the wrong shape) throws a JS `Error` whose `code` is `"api.invalid_argument"`; every
//! outcome of a check is a result, never an exception.

use crate::codes::{Code, Lang};
use crate::email::{self, EmailOptions, EmailResult};
use crate::password::{self, PasswordOptions, PasswordResult};
use crate::Severity;
use serde::Serialize;
use tsify::{Ts, Tsify};
use wasm_bindgen::prelude::*;

/// A code with its severity and message templates, for documentation and tooling.
#[derive(Serialize, Tsify)]
pub struct CodeInfo {
    /// The code.
    pub code: Code,
    /// Its fixed severity.
    pub severity: Severity,
    /// The message template, `{name}` marking parameters.
    pub message: String,
}

fn misuse(detail: &str) -> JsValue {
    let msg = Code::ApiInvalidArgument.template(Lang::En).replace("{detail}", detail);
    let err = js_sys::Error::new(&format!("prevalida: {msg}"));
    let _ = js_sys::Reflect::set(&err, &JsValue::from_str("code"), &JsValue::from_str("api.invalid_argument"));
    err.into()
}

/// Serializes with plain objects for maps (the default would make `Map`s).
fn to_js<T: Serialize + Tsify>(value: &T) -> Result<Ts<T>, JsValue> {
    let ser = serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true);
    value.serialize(&ser).map(Ts::new_unchecked).map_err(|e| misuse(&e.to_string()))
}

fn string_arg(value: &JsValue, name: &str) -> Result<String, JsValue> {
    value.as_string().ok_or_else(|| misuse(&format!("{name} must be a string")))
}

/// Checks an email address: syntax, RFC limits, typos of common providers, look-alike and
/// mixed-script domains. Returns `{ ok, normalized, suggestion?, findings }`.
#[wasm_bindgen(js_name = checkEmail)]
pub fn check_email(
    #[wasm_bindgen(unchecked_param_type = "string")] value: JsValue,
    options: Option<Ts<EmailOptions>>,
) -> Result<Ts<EmailResult>, JsValue> {
    let value = string_arg(&value, "value")?;
    let opts = match options {
        Some(o) => o.to_rust().map_err(|e| misuse(&format!("options: {e}")))?,
        None => EmailOptions::default(),
    };
    to_js(&email::check_email(&value, &opts))
}

/// Checks a password against a portal policy (`"gse"`, `"dian"`, `"nist"` or your own),
/// its confirmation and the user's data, and estimates its strength offline.
#[wasm_bindgen(js_name = checkPassword)]
pub fn check_password(
    #[wasm_bindgen(unchecked_param_type = "string")] value: JsValue,
    options: Ts<PasswordOptions>,
) -> Result<Ts<PasswordResult>, JsValue> {
    let value = string_arg(&value, "value")?;
    let opts = options.to_rust().map_err(|e| misuse(&format!("options: {e}")))?;
    let result = password::check_password(&value, &opts).map_err(|e| misuse(&format!("policy: {}", e.0)))?;
    to_js(&result)
}

/// Every finding code with its severity and message template in `lang` (default Spanish).
#[wasm_bindgen(js_name = listCodes, unchecked_return_type = "CodeInfo[]")]
pub fn list_codes(lang: Option<Ts<Lang>>) -> Result<JsValue, JsValue> {
    let lang = match lang {
        Some(l) => l.to_rust().map_err(|e| misuse(&format!("lang: {e}")))?,
        None => Lang::Es,
    };
    let list: Vec<CodeInfo> = Code::ALL
        .iter()
        .map(|&code| CodeInfo { code, severity: code.severity(), message: code.template(lang).to_owned() })
        .collect();
    let ser = serde_wasm_bindgen::Serializer::new();
    list.serialize(&ser).map_err(|e| misuse(&e.to_string()))
}
