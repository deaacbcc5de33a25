//! The one result type every check returns.

use crate::codes::{Code, Lang};
use serde::{Deserialize, Serialize};

/// How serious a finding is. A result is `ok` when it has no `Error`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    all(target_arch = "wasm32", not(feature = "files")),
    derive(tsify::Tsify)
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The portal will reject the value.
    Error,
    /// The value may be rejected or is probably a mistake.
    Warning,
    /// Something the user should know (for example, that spaces were trimmed).
    Info,
}

/// A parameter of a finding: what the message interpolates, kept apart for programs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Param {
    /// A text parameter (a character, a suggestion, a label).
    Text(String),
    /// A numeric parameter (a length, a limit).
    Number(f64),
}

impl From<&str> for Param {
    fn from(s: &str) -> Self {
        Param::Text(s.to_owned())
    }
}
impl From<String> for Param {
    fn from(s: String) -> Self {
        Param::Text(s)
    }
}
impl From<char> for Param {
    fn from(c: char) -> Self {
        Param::Text(c.to_string())
    }
}
impl From<usize> for Param {
    fn from(n: usize) -> Self {
        Param::Number(n as f64)
    }
}

/// A parameter as a check passes it, borrowed: [`Finding::from_parts`] makes it owned in
/// one place, which keeps each call site small in wasm.
#[derive(Clone, Copy, Debug)]
pub enum P<'a> {
    /// Text.
    S(&'a str),
    /// A whole number.
    N(usize),
    /// One character.
    C(char),
}

impl<'a> From<&'a str> for P<'a> {
    fn from(s: &'a str) -> Self {
        P::S(s)
    }
}
impl<'a> From<&'a String> for P<'a> {
    fn from(s: &'a String) -> Self {
        P::S(s)
    }
}
impl From<usize> for P<'_> {
    fn from(n: usize) -> Self {
        P::N(n)
    }
}
impl From<char> for P<'_> {
    fn from(c: char) -> Self {
        P::C(c)
    }
}

/// The parameters of a finding, in the order the check gave them; serialized as an object.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Params(pub Vec<(&'static str, Param)>);

impl Params {
    /// The parameter called `name`.
    pub fn get(&self, name: &str) -> Option<&Param> {
        self.0.iter().find(|(k, _)| *k == name).map(|(_, v)| v)
    }
}

impl Serialize for Params {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

/// One thing a check found: a stable code, where, how serious, and what to tell the user.
///
/// Serialized as `{ code, field?, severity, message, params }`; in the WebAssembly modules
/// as `{ code, field?, params }` only, because the package fills `severity` and `message`
/// from the one code table (`pkg-config/messages.js`): less to write, cross and parse.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(
    all(target_arch = "wasm32", not(feature = "files")),
    derive(tsify::Tsify)
)]
pub struct Finding {
    /// Stable dotted code, such as `email.comma_in_domain`.
    pub code: Code,
    /// The form field this finding belongs to, when the caller named one.
    #[cfg_attr(all(target_arch = "wasm32", not(feature = "files")), tsify(optional))]
    pub field: Option<String>,
    /// Fixed per code (see the code list).
    pub severity: Severity,
    /// The message for the applicant, in the requested language.
    pub message: String,
    /// The values interpolated into the message.
    #[cfg_attr(
        all(target_arch = "wasm32", not(feature = "files")),
        tsify(type = "Record<string, string | number>")
    )]
    pub params: Params,
}

impl Serialize for Finding {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let wasm = cfg!(target_arch = "wasm32");
        let mut f = s.serialize_struct("Finding", 5)?;
        f.serialize_field("code", &self.code)?;
        if let Some(field) = &self.field {
            f.serialize_field("field", field)?;
        }
        if !wasm {
            f.serialize_field("severity", &self.severity)?;
            f.serialize_field("message", &self.message)?;
        }
        f.serialize_field("params", &self.params)?;
        f.end()
    }
}

impl Finding {
    /// Builds a finding and renders its message in `lang`.
    pub fn new(code: Code, lang: Lang, params: Vec<(&'static str, Param)>) -> Self {
        Self::build(code, Some(lang), params)
    }

    /// Like [`Finding::new`], but renders the message only when `lang` is given (the npm
    /// package renders messages in JavaScript from the same templates).
    pub fn build(code: Code, lang: Option<Lang>, params: Vec<(&'static str, Param)>) -> Self {
        let params = Params(params);
        // In the npm package the glue renders messages (every check there runs with
        // `skip_messages`); leaving the renderer out of the .wasm saves its bytes.
        #[cfg(not(target_arch = "wasm32"))]
        let message = lang
            .map(|l| render(code.template(l), &params))
            .unwrap_or_default();
        #[cfg(target_arch = "wasm32")]
        let message = {
            let _ = lang;
            String::new()
        };
        Finding {
            code,
            field: None,
            severity: code.severity(),
            message,
            params,
        }
    }
}

impl Finding {
    /// [`Finding::build`] from borrowed parameters, with a field.
    #[inline(never)]
    pub fn from_parts(
        code: Code,
        lang: Option<Lang>,
        field: Option<&str>,
        parts: &[(&'static str, P)],
    ) -> Self {
        let params = parts
            .iter()
            .map(|&(k, v)| {
                let v = match v {
                    P::S(s) => Param::Text(s.to_owned()),
                    P::N(n) => Param::Number(n as f64),
                    P::C(c) => Param::Text(c.to_string()),
                };
                (k, v)
            })
            .collect();
        let mut f = Finding::build(code, lang, params);
        f.field = field.map(str::to_owned);
        f
    }
}

/// Replaces each `{name}` in `template` with the parameter of that name.
#[cfg_attr(target_arch = "wasm32", allow(dead_code))]
pub(crate) fn render(template: &str, params: &Params) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match params.get(name) {
                    Some(Param::Text(s)) => out.push_str(s),
                    Some(Param::Number(n)) => out.push_str(&format_number(*n)),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// Parameters are counts and limits: whole numbers. Integer formatting keeps the float
/// formatter (≈ 20 KB of wasm) out of the module.
#[cfg_attr(target_arch = "wasm32", allow(dead_code))]
fn format_number(n: f64) -> String {
    (n.round() as i64).to_string()
}

/// Orders findings errors first, then warnings, then infos, keeping the check's order
/// within each severity.
pub fn sort_by_severity(mut findings: Vec<Finding>) -> Vec<Finding> {
    // Insertion sort in place: lists are a handful long, and this is stable, allocation-free
    // and far smaller in wasm than the standard library's sort.
    let rank = |f: &Finding| f.severity as u8;
    for i in 1..findings.len() {
        let mut j = i;
        while j > 0 && rank(&findings[j - 1]) > rank(&findings[j]) {
            findings.swap(j - 1, j);
            j -= 1;
        }
    }
    findings
}

/// True when no finding is an error.
pub fn no_errors(findings: &[Finding]) -> bool {
    findings.iter().all(|f| f.severity != Severity::Error)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_params_and_keeps_unknown_placeholders() {
        let f = Finding::new(
            Code::EmailTooLong,
            Lang::Es,
            vec![("length", 300usize.into())],
        );
        assert!(f.message.starts_with("El correo tiene 300 caracteres"));
        let p = Params(vec![("a", Param::Text("x".into()))]);
        assert_eq!(render("{a}-{b}-{", &p), "x-{b}-{");
    }

    #[test]
    fn every_code_has_both_messages_and_a_dotted_name() {
        for c in Code::ALL {
            assert!(c.as_str().contains('.'), "{c:?}");
            assert!(!c.template(Lang::Es).is_empty() && !c.template(Lang::En).is_empty());
            assert_ne!(
                c.template(Lang::Es),
                c.template(Lang::En),
                "{c:?} is not translated"
            );
        }
    }
}
