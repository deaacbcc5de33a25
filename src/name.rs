//! Names typed in a form: a person's names and surnames ("Nombres", "Primer apellido") and a
//! company's razón social. What the portals reject or store wrongly: an empty field, digits
//! or symbols in a person's name (a document number pasted in the wrong box), invisible
//! control characters, a name longer than the field takes; and what they store untidily:
//! spaces around or doubled inside, which `normalized` removes.

use crate::checks::{Check, Misuse, Value};
use crate::codes::{Code, Lang};
use crate::finding::{sort_by_severity, Finding, P};
use serde::{Deserialize, Serialize};

/// Whose name.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum NameKind {
    /// A person's names or surnames: letters, spaces, hyphens, apostrophes and dots.
    #[default]
    Person,
    /// A company's razón social: also digits and the signs companies use (`&`, `,`, `(`…).
    Company,
}

impl crate::checks::Choice for NameKind {
    const ALL: &'static [NameKind] = &[NameKind::Person, NameKind::Company];
    const NAMES: &'static [&'static str] = &["person", "company"];
}

/// Options of [`check_name`].
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", default)]
pub struct NameOptions {
    /// `"person"` (default) or `"company"`.
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub kind: NameKind,
    /// The most characters the field takes, when the portal says.
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub max_length: Option<u32>,
    /// Language of the messages (default `"es"`).
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub lang: Lang,
    /// Field path copied into every finding (`"representante.nombres"`).
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub field: Option<String>,
    /// Leave messages empty (the npm package renders them in JavaScript).
    #[serde(skip)]
    pub skip_messages: bool,
}

// The package renders messages itself (pkg-config/messages.js).
crate::read_options!(NameOptions {
    kind: choice,
    max_length: count,
    lang: choice,
    field: string,
}; skip_messages: true);

/// What [`check_name`] returns.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct NameResult {
    /// True when no finding is an error.
    pub ok: bool,
    /// The name as the portal should store it: trimmed, one space between words.
    pub normalized: String,
    /// Everything found, errors first.
    pub findings: Vec<Finding>,
}

/// Longer than this is not a name but a paste gone wrong; checked before anything else, so
/// the work is bounded on any input.
const MAX_CHARS: usize = 1_000;

/// Checks a name. Never panics; linear in the input.
pub fn check_name(value: &str, opts: &NameOptions) -> NameResult {
    let lang = (!opts.skip_messages).then_some(opts.lang);
    let field = opts.field.as_deref();
    let mut findings = Vec::new();
    let mut push = |code: Code, parts: &[(&'static str, P)]| {
        findings.push(Finding::from_parts(code, lang, field, parts));
    };
    let length = crate::text::char_len(value);
    if length > MAX_CHARS {
        push(
            Code::NameTooLong,
            &[("length", length.into()), ("max", MAX_CHARS.into())],
        );
        return NameResult {
            ok: false,
            normalized: String::new(),
            findings,
        };
    }
    let normalized = crate::text::join(&value.split_whitespace().collect::<Vec<_>>(), " ");
    if normalized.is_empty() {
        push(Code::NameEmpty, &[]);
    } else {
        if normalized.len() != value.len() {
            push(Code::NameExtraSpaces, &[]);
        }
        if let Some(c) = normalized.chars().find(|&c| !allowed(c, opts.kind)) {
            let code = match opts.kind {
                NameKind::Person if c.is_ascii_digit() => Code::NameDigit,
                _ => Code::NameInvalidChar,
            };
            let shown = crate::text::shown_char(c);
            push(code, &[("char", (&shown).into())]);
        }
        let letters = normalized.chars().filter(|c| c.is_alphabetic()).count();
        if opts.kind == NameKind::Person && letters == 1 {
            push(Code::NameInitial, &[]);
        }
        let chars = crate::text::char_len(&normalized);
        if let Some(max) = opts.max_length.filter(|&m| chars > m as usize) {
            push(
                Code::NameTooLong,
                &[("length", chars.into()), ("max", (max as usize).into())],
            );
        }
    }
    let findings = sort_by_severity(findings);
    NameResult {
        ok: crate::finding::no_errors(&findings),
        normalized,
        findings,
    }
}

/// Whether `c` may appear in a name of `kind` (after spaces were normalized).
fn allowed(c: char, kind: NameKind) -> bool {
    // Combining accents too: "José" typed or pasted decomposed (e + U+0301).
    let person =
        c.is_alphabetic() || matches!(c, ' ' | '-' | '\'' | '’' | '.' | '\u{0300}'..='\u{036F}');
    match kind {
        NameKind::Person => person,
        NameKind::Company => {
            person
                || c.is_ascii_digit()
                || matches!(c, '&' | ',' | '(' | ')' | '/' | '+' | '#' | '°' | 'º')
        }
    }
}

/// `checkName(value, options?)` in the package (the registry in `lib.rs`).
pub struct Name;

impl Check for Name {
    type Options = NameOptions;
    type Output = NameResult;
    fn run(value: Value, options: NameOptions) -> Result<NameResult, Misuse> {
        Ok(check_name(&value.text()?, &options))
    }
    fn fallback() -> NameResult {
        check_name("", &NameOptions::default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(value: &str, opts: &NameOptions) -> Vec<&'static str> {
        check_name(value, opts)
            .findings
            .iter()
            .map(|f| f.code.as_str())
            .collect()
    }

    #[test]
    fn names_people_type() {
        let person = NameOptions::default();
        for ok in [
            "María José",
            "Ñañez",
            "O'Neill",
            "Gómez-Pardo",
            "Ma. del Pilar",
            "Müller",
            "D’Costa",
            "Jose\u{301} Nu\u{301}n\u{303}ez",
        ] {
            assert_eq!(codes(ok, &person), Vec::<&str>::new(), "{ok}");
        }
        let r = check_name("  juan   carlos ", &person);
        assert_eq!((r.ok, r.normalized.as_str()), (true, "juan carlos"));
        assert_eq!(codes("  juan   carlos ", &person), ["name.extra_spaces"]);
    }

    #[test]
    fn mistakes_people_make() {
        let person = NameOptions::default();
        assert_eq!(codes("", &person), ["name.empty"]);
        assert_eq!(codes("   ", &person), ["name.empty"]);
        // A document number pasted in the name box.
        let r = check_name("1020304050", &person);
        assert_eq!(r.findings[0].code, Code::NameDigit);
        assert_eq!(
            r.findings[0].params.get("char"),
            Some(&crate::Param::Text("1".into()))
        );
        assert_eq!(codes("Ana@gmail.com", &person), ["name.invalid_char"]);
        assert_eq!(codes("J", &person), ["name.initial"]);
        assert_eq!(codes("Ana\u{200B}María", &person), ["name.invalid_char"]);
        let r = check_name("Ana\u{200B}María", &person);
        assert_eq!(
            r.findings[0].params.get("char"),
            Some(&crate::Param::Text("U+200B".into()))
        );
        let short = NameOptions {
            max_length: Some(10),
            ..NameOptions::default()
        };
        assert_eq!(codes("María Fernanda", &short), ["name.too_long"]);
        assert_eq!(codes(&"a".repeat(5_000), &person), ["name.too_long"]);
    }

    #[test]
    fn company_names() {
        let company = NameOptions {
            kind: NameKind::Company,
            ..NameOptions::default()
        };
        for ok in [
            "Constructora Andina S.A.S.",
            "Pérez & Cía. Ltda.",
            "Inversiones 2024 (Colombia) S.A.",
        ] {
            assert_eq!(codes(ok, &company), Vec::<&str>::new(), "{ok}");
        }
        assert_eq!(codes("Empresa * Uno", &company), ["name.invalid_char"]);
        assert_eq!(
            codes("X", &company),
            Vec::<&str>::new(),
            "one letter is a company name"
        );
    }
}
