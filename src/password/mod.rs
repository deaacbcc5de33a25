//! `checkPassword`: the portal's composition rules as a live checklist, the user's data and
//! confirmation, and an offline strength estimate.
//!
//! The password is used exactly as typed: never trimmed, case-folded or normalized (NIST SP
//! 800-63B and OWASP ASVS 6.2.8; the PKCS#12 code downstream needs the same bytes).
//! Upper/lower/digit mean ASCII `A–Z`, `a–z`, `0–9`, as the portals' own checks do.

pub mod strength;

use crate::codes::{Code, Lang, RuleId};
use crate::finding::{no_errors, render, sort_by_severity, Finding, Param, Params};
use serde::{Deserialize, Serialize};
pub use strength::{Pattern, Strength};

/// GSE's special characters, exactly as the portal lists them.
pub const GSE_SPECIALS: &str = "!#$%&()[]<=>?@^*~.-";

/// A named policy from the source documents, or NIST SP 800-63B.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum PolicyName {
    /// GSE account: ≥ 8, upper, lower, digit, one of `!#$%&()[]<=>?@^*~.-`.
    Gse,
    /// DIAN keystore: ≥ 8, upper, digit, a special character (set unspecified).
    Dian,
    /// NIST SP 800-63B rev. 4 single-factor: ≥ 15, no composition rules, blocklist.
    Nist,
}

/// A character class a custom policy can require.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum CharClass {
    /// `A–Z`.
    Upper,
    /// `a–z`.
    Lower,
    /// `0–9`.
    Digit,
    /// A special character (from `specials` when given, else any ASCII punctuation).
    Special,
}

/// A policy of your own.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct CustomPolicy {
    /// Minimum length in characters (code points). Default 8.
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub min_length: Option<u32>,
    /// Maximum length in characters. Default none.
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub max_length: Option<u32>,
    /// Classes that must each appear at least once.
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub require: Vec<CharClass>,
    /// The allowed special characters. When given, characters outside letters, digits and
    /// this set draw a `password.char_may_be_rejected` warning.
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub specials: Option<String>,
    /// Refuse spaces, tabs and line breaks.
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub forbid_whitespace: bool,
    /// Longest allowed run of one character.
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub max_repeat: Option<u32>,
    /// Refuse passwords that are, whole, a common password or a word of the lists (with the password data loaded: 30,000 common passwords and the Spanish words; before, a few dozen).
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub blocklist: bool,
}

/// `"gse"`, `"dian"`, `"nist"` or a [`CustomPolicy`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(untagged)]
pub enum Policy {
    /// A built-in policy.
    Named(PolicyName),
    /// Your own rules.
    Custom(CustomPolicy),
}

/// Options of [`check_password`].
#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct PasswordOptions {
    /// Which rules apply.
    pub policy: Policy,
    /// The confirmation field; when present it must equal the password.
    #[serde(default)]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub confirmation: Option<String>,
    /// The user's name, email, NIT…: none may appear in the password.
    #[serde(default)]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub personal: Vec<String>,
    /// Language of the messages (default `"es"`).
    #[serde(default)]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub lang: Lang,
    /// Field path copied into every finding.
    #[serde(default)]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub field: Option<String>,
    /// Leave every `message` (findings and rules) empty: for callers that render messages
    /// from the templates themselves (the npm package does). Not part of the JS options.
    #[serde(skip)]
    pub skip_messages: bool,
}

/// One line of the checklist.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Rule {
    /// Which rule.
    pub id: RuleId,
    /// Whether the password meets it.
    pub ok: bool,
    /// The requirement, in the requested language ("Al menos 8 caracteres").
    pub message: String,
    /// The number in the requirement (a length, a run), when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub n: Option<usize>,
}

/// What [`check_password`] returns.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct PasswordResult {
    /// True when no finding is an error.
    pub ok: bool,
    /// The policy as a checklist, in a stable order.
    #[cfg_attr(target_arch = "wasm32", serde(serialize_with = "rules_flat"))]
    pub rules: Vec<Rule>,
    /// The offline guess estimate.
    pub strength: Strength,
    /// Everything found, errors first.
    pub findings: Vec<Finding>,
    /// The policy's special characters as shown in messages (`"! # $ % …"`).
    pub allowed: String,
}

/// The checklist as the package's glue reads it (pkg-config/instance.js `finish`):
/// `[id, ok, n, id, ok, n, …]`, `n` null when the rule has none, from which the glue builds
/// the documented `{ id, ok, message, n? }` lines with their messages. `JSON.parse` builds
/// each object of a result at ≈ 0.3 µs; the flat list made a `checkPassword` 0.91–0.95× the
/// time. wasm32 only, as `Finding`'s short form: natively the lines serialize as they are.
#[cfg(target_arch = "wasm32")]
fn rules_flat<S: serde::Serializer>(rules: &[Rule], s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeSeq;
    let mut seq = s.serialize_seq(Some(3 * rules.len()))?;
    for r in rules {
        seq.serialize_element(&r.id)?;
        seq.serialize_element(&r.ok)?;
        seq.serialize_element(&r.n)?;
    }
    seq.end()
}

/// Which special characters count.
enum Specials {
    /// Exactly these; anything else outside letters and digits is warned about.
    Listed(String),
    /// Any printable ASCII character that is not a letter or digit.
    AnyAscii,
}

struct Resolved {
    min: usize,
    max: Option<usize>,
    classes: Vec<CharClass>,
    specials: Specials,
    forbid_whitespace: bool,
    max_repeat: Option<usize>,
    blocklist: bool,
}

/// Why a policy cannot be used (a minimum above the maximum, an empty special set).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PolicyError(pub String);

fn resolve(policy: &Policy) -> Result<Resolved, PolicyError> {
    use CharClass::*;
    Ok(match policy {
        Policy::Named(PolicyName::Gse) => Resolved {
            min: 8,
            max: None,
            classes: vec![Upper, Lower, Digit, Special],
            specials: Specials::Listed(GSE_SPECIALS.into()),
            forbid_whitespace: false,
            max_repeat: None,
            blocklist: false,
        },
        Policy::Named(PolicyName::Dian) => Resolved {
            min: 8,
            max: None,
            classes: vec![Upper, Digit, Special],
            specials: Specials::AnyAscii,
            forbid_whitespace: false,
            max_repeat: None,
            blocklist: false,
        },
        Policy::Named(PolicyName::Nist) => Resolved {
            min: 15,
            max: None,
            classes: vec![],
            specials: Specials::AnyAscii,
            forbid_whitespace: false,
            max_repeat: None,
            blocklist: true,
        },
        Policy::Custom(c) => {
            let min = c.min_length.unwrap_or(8) as usize;
            let max = c.max_length.map(|m| m as usize);
            if max.is_some_and(|m| m < min) {
                return Err(PolicyError(format!(
                    "maxLength {} < minLength {min}",
                    max.unwrap_or(0)
                )));
            }
            if c.max_repeat == Some(0) {
                return Err(PolicyError("maxRepeat must be at least 1".into()));
            }
            let specials = match &c.specials {
                Some(s) if s.is_empty() => return Err(PolicyError("specials is empty".into())),
                Some(s) => Specials::Listed(s.clone()),
                None => Specials::AnyAscii,
            };
            // Each class once, in the order given (`["upper", "digit", "upper"]`: two rules).
            let mut classes: Vec<CharClass> = Vec::with_capacity(c.require.len());
            for class in &c.require {
                if !classes.contains(class) {
                    classes.push(*class);
                }
            }
            Resolved {
                min,
                max,
                classes,
                specials,
                forbid_whitespace: c.forbid_whitespace,
                max_repeat: c.max_repeat.map(|m| m as usize),
                blocklist: c.blocklist,
            }
        }
    })
}

impl Specials {
    fn contains(&self, c: char) -> bool {
        match self {
            Specials::Listed(s) => crate::text::has_char(s, c),
            Specials::AnyAscii => c.is_ascii_graphic() && !c.is_ascii_alphanumeric(),
        }
    }
    fn shown(&self, lang: Lang) -> String {
        match self {
            Specials::Listed(s) => {
                let mut out = String::with_capacity(s.len() * 2);
                for c in s.chars() {
                    if !out.is_empty() {
                        out.push(' ');
                    }
                    out.push(c);
                }
                out
            }
            Specials::AnyAscii if lang == Lang::Es => "! # $ % & * . - _ + y otros".into(),
            Specials::AnyAscii => "! # $ % & * . - _ + and others".into(),
        }
    }
}

/// No portal takes a longer password (in characters): over it every policy answers
/// `password.too_long`, a custom `maxLength` above it included.
pub const HARD_MAX: usize = 1024;

/// Checks a password against a policy. Linear in the length; pattern matching for the
/// strength looks at the first 100 characters only.
pub fn check_password(value: &str, opts: &PasswordOptions) -> Result<PasswordResult, PolicyError> {
    let p = resolve(&opts.policy)?;
    let lang = opts.lang;
    let mut findings = Vec::new();
    let mut rules = Vec::new();
    let render_lang = (!opts.skip_messages).then_some(lang);
    let make = |code: Code, params: Vec<(&'static str, Param)>| {
        let mut f = Finding::build(code, render_lang, params);
        f.field = opts.field.clone();
        f
    };
    macro_rules! push {
        ($code:expr, $params:expr) => {
            findings.push(make($code, $params))
        };
    }
    let shown = p.specials.shown(lang);
    let rule = |id: RuleId, ok: bool, n: Option<usize>| {
        let message = if opts.skip_messages {
            String::new()
        } else {
            let mut params = Params(vec![("allowed", Param::Text(shown.clone()))]);
            if let Some(n) = n {
                params.0.push(("n", Param::from(n)));
            }
            render(id.template(lang), &params)
        };
        Rule { id, ok, message, n }
    };

    let length = crate::text::char_len(value);
    let empty = value.is_empty();
    if empty {
        push!(Code::PasswordEmpty, vec![]);
    }

    let long_enough = length >= p.min;
    rules.push(rule(RuleId::MinLength, long_enough, Some(p.min)));
    if !long_enough && !empty {
        push!(
            Code::PasswordTooShort,
            vec![("length", length.into()), ("min", p.min.into())]
        );
    }
    // Over the maximum (the policy's, never above HARD_MAX), the rest is judged on the
    // first `max + 1` characters: bounded work on a pasted megabyte.
    let max = p.max.map_or(HARD_MAX, |m| m.min(HARD_MAX));
    if p.max.is_some() {
        rules.push(rule(RuleId::MaxLength, length <= max, Some(max)));
    }
    let whole = value;
    let value = if length > max {
        push!(
            Code::PasswordTooLong,
            vec![("length", length.into()), ("max", max.into())]
        );
        value
            .char_indices()
            .nth(max + 1)
            .map_or(value, |(i, _)| value.get(..i).unwrap_or(value))
    } else {
        value
    };

    let (mut upper, mut lower, mut digit, mut special, mut space) =
        (false, false, false, false, false);
    let mut outside: Option<char> = None;
    for c in value.chars() {
        if c.is_ascii_alphanumeric() {
            upper |= c.is_ascii_uppercase();
            lower |= c.is_ascii_lowercase();
            digit |= c.is_ascii_digit();
            continue;
        }
        space |= c.is_whitespace();
        if p.specials.contains(c) {
            special = true;
        } else if !c.is_ascii_alphanumeric() && outside.is_none() {
            let listed = matches!(p.specials, Specials::Listed(_));
            // Listed sets warn on anything else; open sets warn on non-ASCII only, which a
            // portal's ASCII check may refuse. NIST accepts all of Unicode.
            let nist = matches!(opts.policy, Policy::Named(PolicyName::Nist));
            if !nist && (listed || !c.is_ascii()) {
                outside = Some(c);
            }
        }
    }
    for class in &p.classes {
        let (id, ok, code) = match class {
            CharClass::Upper => (RuleId::Upper, upper, Code::PasswordMissingUpper),
            CharClass::Lower => (RuleId::Lower, lower, Code::PasswordMissingLower),
            CharClass::Digit => (RuleId::Digit, digit, Code::PasswordMissingDigit),
            CharClass::Special => (RuleId::Special, special, Code::PasswordMissingSpecial),
        };
        rules.push(rule(id, ok, None));
        if !ok && !empty {
            push!(code, vec![("allowed", shown.clone().into())]);
        }
    }
    if p.forbid_whitespace {
        rules.push(rule(RuleId::NoWhitespace, !space, None));
        if space {
            push!(Code::PasswordWhitespace, vec![]);
        }
    }
    if let Some(max) = p.max_repeat {
        let (run, ch) = longest_run(value);
        rules.push(rule(RuleId::MaxRepeat, run <= max, Some(max)));
        if run > max {
            push!(
                Code::PasswordRepeatedRun,
                vec![
                    ("count", run.into()),
                    ("char", ch.into()),
                    ("max", max.into())
                ]
            );
        }
    }
    if p.blocklist {
        let listed = strength::is_common(value);
        rules.push(rule(RuleId::NotBlocklisted, !listed && !empty, None));
        if listed {
            push!(Code::PasswordBlocklisted, vec![]);
        }
    }
    // The user's data split once, for this rule and for the strength estimate.
    let tokens: Vec<String> = opts
        .personal
        .iter()
        .flat_map(|p| strength::personal_tokens(p))
        .collect();
    if !opts.personal.is_empty() {
        let found = personal_in(value, &tokens);
        rules.push(rule(RuleId::NoPersonal, found.is_none() && !empty, None));
        if let Some(v) = found {
            push!(Code::PasswordContainsPersonal, vec![("value", v.into())]);
        }
    }
    if let Some(conf) = &opts.confirmation {
        let same = conf == whole;
        rules.push(rule(RuleId::Confirmation, same && !empty, None));
        if !same {
            push!(Code::PasswordMismatch, vec![]);
        }
    }
    if let (Some(c), false) = (outside, empty) {
        push!(
            Code::PasswordCharMayBeRejected,
            vec![("char", c.into()), ("allowed", shown.clone().into())]
        );
    }

    let strength = strength::estimate_with_tokens(value, &tokens);
    let compliant = findings.is_empty() || no_errors(&findings);
    if !empty && compliant && strength.score < 3 {
        let pattern = strength
            .patterns
            .first()
            .map(|p| p.describe(lang))
            .unwrap_or(match lang {
                Lang::Es => "es corta",
                Lang::En => "it is short",
            });
        push!(Code::PasswordWeak, vec![("pattern", pattern.into())]);
    }
    let findings = sort_by_severity(findings);
    Ok(PasswordResult {
        ok: no_errors(&findings),
        rules,
        strength,
        findings,
        allowed: shown,
    })
}

fn longest_run(s: &str) -> (usize, char) {
    let (mut best, mut best_c, mut run, mut prev) = (0, ' ', 0, None);
    for c in s.chars() {
        run = if Some(c) == prev { run + 1 } else { 1 };
        prev = Some(c);
        if run > best {
            best = run;
            best_c = c;
        }
    }
    (best, best_c)
}

/// The first personal token (≥ 3 characters; ≥ 4 digits for numbers; `tokens` from
/// `strength::personal_tokens`) found inside the password, compared case- and
/// accent-insensitively. Returns the token as folded.
fn personal_in(password: &str, tokens: &[String]) -> Option<String> {
    let mut folded: String = password.chars().map(crate::text::fold).collect();
    let mut digits: String = password.chars().filter(char::is_ascii_digit).collect();
    let found = tokens.iter().find(|t| {
        let numeric = t.chars().all(|c| c.is_ascii_digit());
        if numeric {
            t.len() >= 4 && (crate::text::has_sub(&folded, t) || crate::text::has_sub(&digits, t))
        } else {
            crate::text::char_len(t) >= 3 && crate::text::has_sub(&folded, t)
        }
    });
    crate::wipe::string(&mut folded);
    crate::wipe::string(&mut digits);
    found.cloned()
}

#[cfg(test)]
mod tests;

/// `checkPassword(value, options)` in the package (the registry in `lib.rs`).
pub struct Password;

impl crate::checks::Check for Password {
    type Options = PasswordOptions;
    type Output = PasswordResult;
    fn run(
        value: crate::checks::Value,
        mut options: PasswordOptions,
    ) -> Result<PasswordResult, crate::checks::Misuse> {
        // `value` is this call's own copy of the password: it is overwritten before it is
        // freed, and so is the confirmation (the core wipes its own working copies).
        let mut value = match value.text() {
            Ok(v) => v,
            Err(e) => {
                if let Some(c) = &mut options.confirmation {
                    crate::wipe::string(c);
                }
                return Err(e);
            }
        };
        let result = check_password(&value, &options)
            .map_err(|e| crate::checks::Misuse(crate::text::cat(&["policy: ", &e.0])));
        crate::wipe::string(&mut value);
        if let Some(c) = &mut options.confirmation {
            crate::wipe::string(c);
        }
        result
    }
    fn fallback() -> PasswordResult {
        let options = PasswordOptions {
            policy: Policy::Named(PolicyName::Gse),
            confirmation: None,
            personal: Vec::new(),
            lang: Lang::Es,
            field: None,
            skip_messages: true,
        };
        check_password("", &options).unwrap_or_else(|_| PasswordResult {
            ok: false,
            rules: Vec::new(),
            strength: strength::estimate("", &[]),
            findings: Vec::new(),
            allowed: String::new(),
        })
    }
}

impl crate::checks::Choice for PolicyName {
    const ALL: &'static [PolicyName] = &[PolicyName::Gse, PolicyName::Dian, PolicyName::Nist];
    const NAMES: &'static [&'static str] = &["gse", "dian", "nist"];
}
impl crate::checks::Choice for CharClass {
    const ALL: &'static [CharClass] = &[
        CharClass::Upper,
        CharClass::Lower,
        CharClass::Digit,
        CharClass::Special,
    ];
    const NAMES: &'static [&'static str] = &["upper", "lower", "digit", "special"];
}

crate::read_options!(CustomPolicy {
    min_length: count,
    max_length: count,
    require: choices,
    specials: string,
    forbid_whitespace: boolean,
    max_repeat: count,
    blocklist: boolean,
});

use crate::checks::ReadOptions;

impl ReadOptions for PasswordOptions {
    fn read(src: &dyn crate::checks::OptionSource) -> Result<Self, crate::checks::Misuse> {
        use crate::checks::{read, Misuse, Prop};
        let names = "\"gse\", \"dian\", \"nist\" or an object";
        let policy = match src.prop("policy")? {
            Prop::Absent => {
                return Err(Misuse(crate::text::cat(&[
                    src.path(),
                    ".policy is required (",
                    names,
                    ")",
                ])))
            }
            Prop::Text(_) => Policy::Named(read::required(src, "policy")?),
            Prop::Object(custom) => {
                Policy::Custom(<CustomPolicy as ReadOptions>::read(custom.as_ref())?)
            }
            Prop::Other => return Err(Misuse::bad(src.path(), "policy", names)),
        };
        let personal = read::strings(src, "personal")?;
        let lang = read::choice(src, "lang")?;
        let field = read::string(src, "field")?;
        // Last: a secret, never left unwiped by a misuse found after it.
        let confirmation = read::string(src, "confirmation")?;
        Ok(PasswordOptions {
            policy,
            confirmation,
            personal,
            lang,
            field,
            // The package renders messages itself (pkg-config/messages.js).
            skip_messages: true,
        })
    }
}
