//! Options objects read from JavaScript ([`Props`], an
//! [`OptionSource`](crate::checks::OptionSource)), for the files module: its options are read
//! once per file, and may hold a `Date`. (The core module's checks take theirs as JSON text,
//! `crate::options_json`: one crossing per call instead of one per key.)

use crate::checks::{Misuse, OptionSource, Prop};
use wasm_bindgen::prelude::*;

/// A JS options object; every error names the offending property.
pub(crate) struct Props<'a> {
    /// `None`: no options were given (every property is absent).
    obj: Option<JsValue>,
    path: std::borrow::Cow<'a, str>,
}

impl Props<'_> {
    /// `obj` as an options object (`path` names it in errors); misuse when it is not one.
    pub(crate) fn new<'a>(obj: &JsValue, path: &'a str) -> Result<Props<'a>, Misuse> {
        Props::of(obj.clone(), path)
    }
    fn of(obj: JsValue, path: &str) -> Result<Props<'_>, Misuse> {
        if !obj.is_object() || js_sys::Array::is_array(&obj) {
            return Err(Misuse(crate::text::cat(&[path, " must be an object"])));
        }
        Ok(Props {
            obj: Some(obj),
            path: path.into(),
        })
    }
    /// `obj`, or no options at all when it is `undefined` or `null`.
    #[allow(dead_code)]
    pub(crate) fn or_empty<'a>(obj: &JsValue, path: &'a str) -> Result<Props<'a>, Misuse> {
        if obj.is_undefined() || obj.is_null() {
            return Ok(Props {
                obj: None,
                path: path.into(),
            });
        }
        Props::of(obj.clone(), path)
    }
    /// The property `key`, unless absent, `undefined` or `null`.
    pub(crate) fn get(&self, key: &str) -> Option<JsValue> {
        let v = js_sys::Reflect::get(self.obj.as_ref()?, &JsValue::from_str(key)).ok()?;
        (!v.is_undefined() && !v.is_null()).then_some(v)
    }
    pub(crate) fn bad(&self, key: &str, what: &str) -> Misuse {
        Misuse::bad(&self.path, key, what)
    }
}

impl Props<'_> {
    /// The property for the Rust field `field` (its key in camelCase).
    fn field(&self, field: &str) -> Option<JsValue> {
        self.get(&crate::checks::camel(field))
    }
}

impl OptionSource for Props<'_> {
    fn path(&self) -> &str {
        &self.path
    }
    fn string(&self, key: &str) -> Result<Option<String>, Misuse> {
        self.field(key)
            .map(|v| v.as_string().ok_or_else(|| self.bad(key, "a string")))
            .transpose()
    }
    fn strings(&self, key: &str) -> Result<Vec<String>, Misuse> {
        let Some(v) = self.field(key) else {
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
    fn boolean(&self, key: &str) -> Result<bool, Misuse> {
        match self.field(key) {
            None => Ok(false),
            Some(v) => v.as_bool().ok_or_else(|| self.bad(key, "a boolean")),
        }
    }
    fn number(&self, key: &str) -> Result<Option<f64>, Misuse> {
        self.field(key)
            .map(|v| v.as_f64().ok_or_else(|| self.bad(key, "a number")))
            .transpose()
    }
    fn prop(&self, key: &str) -> Result<Prop<'_>, Misuse> {
        Ok(match self.field(key) {
            None => Prop::Absent,
            Some(v) if v.is_string() => Prop::Text(v.as_string().unwrap_or_default()),
            Some(v) if v.is_object() && !js_sys::Array::is_array(&v) => {
                Prop::Object(Box::new(Props {
                    obj: Some(v),
                    // Nested objects are named after their key (`options.policy`).
                    path: crate::text::cat(&[&self.path, ".", &crate::checks::camel(key)]).into(),
                }))
            }
            Some(_) => Prop::Other,
        })
    }
}
