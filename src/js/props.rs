//! Reading an options object, and the coded misuse error: shared by both modules'
//! boundaries.

use crate::codes::{Code, Lang};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// The `Error` thrown on misuse: `code` is `"api.invalid_argument"`, the message comes from
/// that code's English template.
pub(crate) fn misuse(detail: &str) -> JsValue {
    let template = Code::ApiInvalidArgument.template(Lang::En);
    let msg = crate::text::cat(&[
        template.strip_suffix("{detail}").unwrap_or(template),
        detail,
    ]);
    let err = js_sys::Error::new(&crate::text::cat(&["prevalida: ", &msg]));
    let _ = js_sys::Reflect::set(
        &err,
        &JsValue::from_str("code"),
        &JsValue::from_str(Code::ApiInvalidArgument.as_str()),
    );
    err.into()
}

/// A unit enum read from its serde name (`"text"`, `"forbid"`): the names are the ones
/// serde writes, so they are spelled once, on the enum.
pub(crate) trait Choice: Serialize + Copy + 'static {
    /// Every variant.
    const ALL: &'static [Self];
}

/// The serde name of a unit variant.
fn name_of<T: Serialize>(v: &T) -> String {
    let json = crate::json::to_json(v);
    json.trim_matches('"').to_owned()
}

/// Reads options objects; every error names the offending property.
pub(crate) struct Props<'a> {
    /// `None`: no options were given (every property is absent).
    obj: Option<&'a JsValue>,
    path: &'static str,
}

impl Props<'_> {
    /// `obj` as an options object (`path` names it in errors); misuse when it is not one.
    pub(crate) fn new<'a>(obj: &'a JsValue, path: &'static str) -> Result<Props<'a>, JsValue> {
        if !obj.is_object() || js_sys::Array::is_array(obj) {
            return Err(misuse(&crate::text::cat(&[path, " must be an object"])));
        }
        Ok(Props {
            obj: Some(obj),
            path,
        })
    }
    /// `obj`, or no options at all when it is `undefined` or `null`.
    pub(crate) fn or_empty<'a>(obj: &'a JsValue, path: &'static str) -> Result<Props<'a>, JsValue> {
        if obj.is_undefined() || obj.is_null() {
            return Ok(Props { obj: None, path });
        }
        Props::new(obj, path)
    }
    pub(crate) fn get(&self, key: &str) -> Option<JsValue> {
        let v = js_sys::Reflect::get(self.obj?, &JsValue::from_str(key)).ok()?;
        (!v.is_undefined() && !v.is_null()).then_some(v)
    }
    pub(crate) fn bad(&self, key: &str, what: &str) -> JsValue {
        misuse(&crate::text::cat(&[self.path, ".", key, " must be ", what]))
    }
    pub(crate) fn string(&self, key: &str) -> Result<Option<String>, JsValue> {
        self.get(key)
            .map(|v| v.as_string().ok_or_else(|| self.bad(key, "a string")))
            .transpose()
    }
    pub(crate) fn boolean(&self, key: &str) -> Result<bool, JsValue> {
        match self.get(key) {
            None => Ok(false),
            Some(v) => v.as_bool().ok_or_else(|| self.bad(key, "a boolean")),
        }
    }
    fn number(&self, key: &str, min: f64, max: f64, what: &str) -> Result<Option<f64>, JsValue> {
        self.get(key)
            .map(|v| match v.as_f64() {
                Some(n) if n >= min && n <= max && n.fract() == 0.0 => Ok(n),
                _ => Err(self.bad(key, what)),
            })
            .transpose()
    }
    /// A whole number ≥ 0.
    #[cfg_attr(feature = "files", allow(dead_code))]
    pub(crate) fn count(&self, key: &str) -> Result<Option<u32>, JsValue> {
        Ok(self
            .number(key, 0.0, u32::MAX as f64, "a whole number ≥ 0")?
            .map(|n| n as u32))
    }
    /// A whole number ≥ 1 (pages).
    #[cfg_attr(not(feature = "files"), allow(dead_code))]
    pub(crate) fn positive(&self, key: &str) -> Result<Option<u32>, JsValue> {
        Ok(self
            .number(key, 1.0, u32::MAX as f64, "a whole number ≥ 1")?
            .map(|n| n as u32))
    }
    /// A number of days, 1 to 36,500.
    #[cfg_attr(not(feature = "files"), allow(dead_code))]
    pub(crate) fn days(&self, key: &str) -> Result<Option<u32>, JsValue> {
        Ok(self
            .number(key, 1.0, 36_500.0, "a whole number of days ≥ 1")?
            .map(|n| n as u32))
    }
    /// A number of bytes ≥ 0.
    #[cfg_attr(not(feature = "files"), allow(dead_code))]
    pub(crate) fn bytes(&self, key: &str) -> Result<Option<u64>, JsValue> {
        self.get(key)
            .map(|v| match v.as_f64() {
                Some(n) if n >= 0.0 && n.is_finite() => Ok(n as u64),
                _ => Err(self.bad(key, "a number of bytes ≥ 0")),
            })
            .transpose()
    }
    pub(crate) fn strings(&self, key: &str) -> Result<Vec<String>, JsValue> {
        let Some(v) = self.get(key) else {
            return Ok(Vec::new());
        };
        if !js_sys::Array::is_array(&v) {
            return Err(self.bad(key, "an array of strings"));
        }
        js_sys::Array::from(&v)
            .iter()
            .map(|s| {
                s.as_string()
                    .ok_or_else(|| self.bad(key, "an array of strings"))
            })
            .collect()
    }
    /// One of `T`'s serde names; `T::default()` when absent.
    pub(crate) fn choice<T: Choice + Default>(&self, key: &str) -> Result<T, JsValue> {
        let Some(v) = self.get(key) else {
            return Ok(T::default());
        };
        let s = v.as_string();
        T::ALL
            .iter()
            .find(|c| s.as_deref() == Some(name_of(*c).as_str()))
            .copied()
            .ok_or_else(|| {
                let names: Vec<String> = T::ALL
                    .iter()
                    .map(|c| format!("\"{}\"", name_of(c)))
                    .collect();
                self.bad(key, &names.join(" or "))
            })
    }
    pub(crate) fn lang(&self, key: &str) -> Result<Lang, JsValue> {
        self.choice(key)
    }
}

impl Choice for Lang {
    const ALL: &'static [Lang] = &[Lang::Es, Lang::En];
}
