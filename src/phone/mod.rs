//! `checkPhone`: phone numbers of Colombia, Chile and Ecuador, against their numbering
//! plans (RULES.md §1.4, §2.2, §3.3), with the mistakes people make: the pre-2021
//! Colombian 7-digit landline, an Ecuadorian landline without its province code, a number
//! of another country, a landline where the form asks for a mobile.

mod plan;
#[cfg(test)]
mod tests;

use crate::codes::{Code, Lang};
use crate::finding::{no_errors, sort_by_severity, Finding, P};
use serde::{Deserialize, Serialize};

pub use plan::matches as plan_matches;

/// The countries `checkPhone` knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub enum Country {
    /// Colombia, +57.
    #[serde(rename = "CO")]
    Co,
    /// Chile, +56.
    #[serde(rename = "CL")]
    Cl,
    /// Ecuador, +593.
    #[serde(rename = "EC")]
    Ec,
}

impl Country {
    /// `"CO"`, `"CL"` or `"EC"` (upper case, as ISO 3166).
    pub fn parse(s: &str) -> Option<Country> {
        match s {
            "CO" => Some(Country::Co),
            "CL" => Some(Country::Cl),
            "EC" => Some(Country::Ec),
            _ => None,
        }
    }
    fn code(self) -> &'static str {
        match self {
            Country::Co => "57",
            Country::Cl => "56",
            Country::Ec => "593",
        }
    }
    fn name(self) -> &'static str {
        match self {
            Country::Co => "Colombia",
            Country::Cl => "Chile",
            Country::Ec => "Ecuador",
        }
    }
    /// How many digits a national number has, as people write it.
    fn expected(self) -> &'static str {
        match self {
            Country::Co => "10",
            Country::Cl => "9",
            Country::Ec => "9–10",
        }
    }
}

/// Mobile or landline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum PhoneType {
    /// A mobile number.
    Mobile,
    /// A landline (or a VoIP line with a landline-like number).
    Fixed,
}

/// Options of [`check_phone`].
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", default)]
pub struct PhoneOptions {
    /// Language of the messages (default `"es"`).
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub lang: Lang,
    /// Field path copied into every finding.
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub field: Option<String>,
    /// Demand this type ("Teléfono móvil" → `"mobile"`).
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub r#type: Option<PhoneType>,
    /// The country whose numbering plan applies (the Rust functions take it as an argument;
    /// the package's `checkPhone(value, { country })` reads it here).
    #[cfg_attr(target_arch = "wasm32", tsify(type = "Country"))]
    pub country: Option<Country>,
    /// Leave messages empty (the npm package renders them in JavaScript).
    #[serde(skip)]
    pub skip_messages: bool,
}

/// What [`check_phone`] returns.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct PhoneResult {
    /// True when no finding is an error.
    pub ok: bool,
    /// `+573211234567`, when the number is in the plan.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub e164: Option<String>,
    /// The national display form (`321 1234567`, `601 2345678`, `9 6123 4567`,
    /// `099 123 4567`), when the number is in the plan.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub national: Option<String>,
    /// Mobile or landline, when the number is in the plan.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub kind: Option<PhoneType>,
    /// Everything found, errors first.
    pub findings: Vec<Finding>,
}

/// Country codes people type by mistake in these forms, longest first where one is a
/// prefix of another. Anything else after `+` is reported by its first digits.
const OTHER_CODES: &[&str] = &[
    "593", "591", "595", "598", "506", "507", "502", "503", "504", "505", "509", "1", "7", "51",
    "52", "53", "54", "55", "56", "57", "58", "34", "33", "39", "44", "49", "86",
];

struct Ctx<'a> {
    opts: &'a PhoneOptions,
    findings: Vec<Finding>,
}

impl Ctx<'_> {
    fn push(&mut self, code: Code, params: &[(&'static str, P)]) {
        let lang = (!self.opts.skip_messages).then_some(self.opts.lang);
        let f = Finding::from_parts(code, lang, self.opts.field.as_deref(), params);
        self.findings.push(f);
    }
}

/// Values longer than this (bytes) are answered by their length alone (`phone.too_long`):
/// the longest ordinary way to write a number here (`+593 (0)99 123 4567`) is 19.
const PARSE_LIMIT: usize = 64;

/// Checks a phone number of `country`. Never panics; values over [`PARSE_LIMIT`] bytes are
/// answered by their length.
pub fn check_phone(country: Country, value: &str, opts: &PhoneOptions) -> PhoneResult {
    let mut cx = Ctx {
        opts,
        findings: Vec::new(),
    };
    let read = read(&mut cx, country, value);
    let mut r = PhoneResult {
        ok: false,
        e164: None,
        national: None,
        kind: None,
        findings: Vec::new(),
    };
    if let Some((nsn, kind)) = read {
        match (opts.r#type, kind) {
            (Some(PhoneType::Mobile), PhoneType::Fixed) => cx.push(
                Code::PhoneNotMobile,
                &[("national", (&national(country, kind, &nsn)).into())],
            ),
            (Some(PhoneType::Fixed), PhoneType::Mobile) => cx.push(
                Code::PhoneNotFixed,
                &[("national", (&national(country, kind, &nsn)).into())],
            ),
            _ => {}
        }
        r.e164 = Some(crate::text::cat(&["+", country.code(), &nsn]));
        r.national = Some(national(country, kind, &nsn));
        r.kind = Some(kind);
    }
    r.ok = no_errors(&cx.findings);
    r.findings = sort_by_severity(cx.findings);
    r
}

fn length_error(cx: &mut Ctx, country: Country, n: usize) {
    let min = match country {
        Country::Co => 10,
        Country::Cl => 9,
        Country::Ec => 8,
    };
    let code = if n < min {
        Code::PhoneTooShort
    } else {
        Code::PhoneTooLong
    };
    cx.push(
        code,
        &[
            ("length", n.into()),
            ("country", country.name().into()),
            ("expected", country.expected().into()),
        ],
    );
}

/// Reads `value` into the national significant number and its type, or reports why not.
fn read(cx: &mut Ctx, country: Country, value: &str) -> Option<(String, PhoneType)> {
    if value.len() > PARSE_LIMIT {
        let n = value.chars().filter(char::is_ascii_digit).count();
        length_error(cx, country, n.max(13));
        return None;
    }
    // Bytes (ASCII digits), made a string once: `String::push` is a call per character.
    let mut digits = Vec::with_capacity(16);
    let mut plus = false;
    for c in value.trim().chars() {
        match c {
            '0'..='9' => digits.push(c as u8),
            '\u{FF10}'..='\u{FF19}' => digits.push(b'0' + (c as u32 - 0xFF10) as u8),
            '+' | '\u{FF0B}' if digits.is_empty() && !plus => plus = true,
            ' ' | '.' | '-' | '(' | ')' | '/' | '\u{2010}'..='\u{2015}' => {}
            _ if c.is_whitespace() => {}
            _ => {
                cx.push(Code::PhoneInvalidChar, &[("char", c.into())]);
                return None;
            }
        }
    }
    if digits.is_empty() {
        cx.push(Code::PhoneEmpty, &[]);
        return None;
    }
    let digits = String::from_utf8(digits).unwrap_or_default();
    let cc = country.code();
    // The international forms: +57…, 0057…, and 57… when the length says so.
    let intl = if plus {
        Some(digits.as_str())
    } else {
        digits.strip_prefix("00")
    };
    let national = match intl {
        Some(rest) => match rest.strip_prefix(cc) {
            Some(n) => n,
            None => {
                let other = OTHER_CODES
                    .iter()
                    .find(|c| rest.starts_with(**c))
                    .map_or_else(|| rest.chars().take(2).collect(), |c| (*c).to_owned());
                cx.push(
                    Code::PhoneWrongCountry,
                    &[
                        ("code", (&other).into()),
                        ("country", country.name().into()),
                        ("expected", cc.into()),
                    ],
                );
                return None;
            }
        },
        None => {
            let full = match country {
                Country::Co => 12,
                Country::Cl => 11,
                Country::Ec => 12,
            };
            match digits.strip_prefix(cc) {
                Some(n)
                    if digits.len() == full || (country == Country::Ec && digits.len() == 11) =>
                {
                    n
                }
                // Colombia's old trunk prefix: "01 8000 …", "0 1 2281260".
                _ if country == Country::Co && digits.starts_with('0') => &digits[1..],
                _ => digits.as_str(),
            }
        }
    };
    let n = national.as_bytes();
    match country {
        Country::Co => co(cx, n),
        Country::Cl => cl(cx, n),
        Country::Ec => ec(cx, n),
    }
    .map(|t| (text(national_significant(country, n)).to_owned(), t))
}

/// Ecuador writes a trunk 0 before national numbers; the plan has none.
fn national_significant(country: Country, n: &[u8]) -> &[u8] {
    match (country, n.first()) {
        (Country::Ec, Some(b'0')) => &n[1..],
        _ => n,
    }
}

fn classify(
    cx: &mut Ctx,
    country: Country,
    n: &[u8],
    mobile: &[&str],
    fixed: &[&str],
    service: &[&str],
) -> Option<PhoneType> {
    if plan::any(mobile, n) {
        return Some(PhoneType::Mobile);
    }
    if plan::any(fixed, n) {
        return Some(PhoneType::Fixed);
    }
    let shown = text(n);
    let code = if plan::any(service, n) {
        Code::PhoneServiceNumber
    } else {
        Code::PhoneUnassigned
    };
    cx.push(
        code,
        &[
            ("national", shown.into()),
            ("country", country.name().into()),
        ],
    );
    None
}

fn co(cx: &mut Ctx, n: &[u8]) -> Option<PhoneType> {
    let c = Country::Co;
    match n.len() {
        10 if n[0] != b'1' => classify(cx, c, n, plan::CO_MOBILE, plan::CO_FIXED, plan::CO_SERVICE),
        11 if n[0] == b'1' => classify(cx, c, n, &[], &[], plan::CO_SERVICE),
        7 if (b'2'..=b'9').contains(&n[0]) => {
            let shown = text(n);
            cx.push(Code::PhoneOldFixedFormat, &[("number", shown.into())]);
            None
        }
        8 if (b'1'..=b'8').contains(&n[0]) && n[0] != b'3' => {
            let suggestion = spaced("60", text(n), &[1]);
            cx.push(
                Code::PhoneOldAreaCode,
                &[("suggestion", (&suggestion).into())],
            );
            None
        }
        len => {
            length_error(cx, c, len);
            None
        }
    }
}

fn cl(cx: &mut Ctx, n: &[u8]) -> Option<PhoneType> {
    match n.len() {
        9 => classify(
            cx,
            Country::Cl,
            n,
            plan::CL_MOBILE,
            plan::CL_FIXED,
            plan::CL_SERVICE,
        ),
        10 | 11 if plan::any(plan::CL_SERVICE, n) => {
            classify(cx, Country::Cl, n, &[], &[], plan::CL_SERVICE)
        }
        len => {
            length_error(cx, Country::Cl, len);
            None
        }
    }
}

fn ec(cx: &mut Ctx, n: &[u8]) -> Option<PhoneType> {
    let c = Country::Ec;
    let nsn = national_significant(c, n);
    match (n.first(), n.len()) {
        (Some(b'0'), 9 | 10) | (Some(b'2'..=b'9'), 8 | 9) => {
            classify(cx, c, nsn, plan::EC_MOBILE, plan::EC_FIXED, &[])
        }
        (Some(b'1'), 10 | 11) => classify(cx, c, n, &[], &[], plan::EC_SERVICE),
        (Some(b'2'..=b'7'), 7) => {
            let number = spaced("", text(n), &[3]);
            cx.push(Code::PhoneMissingAreaCode, &[("number", (&number).into())]);
            None
        }
        (_, len) => {
            length_error(cx, c, len);
            None
        }
    }
}

/// The national display form.
fn national(country: Country, kind: PhoneType, nsn: &str) -> String {
    let s = nsn;
    match (country, kind) {
        (Country::Co, _) => spaced("", s, &[3]),
        (Country::Cl, _) if s.starts_with('2') || s.starts_with('9') => spaced("", s, &[1, 5]),
        (Country::Cl, _) => spaced("", s, &[2, 5]),
        (Country::Ec, PhoneType::Mobile) => spaced("0", s, &[2, 5]),
        (Country::Ec, PhoneType::Fixed) => spaced("0", s, &[1, 4]),
    }
}

/// The digits as text (they are ASCII: `read` keeps only digits).
fn text(n: &[u8]) -> &str {
    std::str::from_utf8(n).unwrap_or_default()
}

/// `prefix` and `s` with a space before each byte offset in `cuts`.
fn spaced(prefix: &str, s: &str, cuts: &[usize]) -> String {
    let mut out = String::with_capacity(prefix.len() + s.len() + cuts.len());
    out.push_str(prefix);
    // Whole runs, not a char at a time (`String::push` is a call per character in wasm at
    // opt-level "z"); the cuts are ascending offsets in ASCII digits.
    let mut from = 0;
    for &cut in cuts {
        if let Some(run) = s.get(from..cut).filter(|_| cut < s.len()) {
            out.push_str(run);
            out.push_str(" ");
            from = cut;
        }
    }
    out.push_str(s.get(from..).unwrap_or_default());
    out
}

/// `checkPhone(value, { country, … })` in the package (the registry in `lib.rs`).
pub struct Phone;

impl crate::checks::Check for Phone {
    type Options = PhoneOptions;
    type Output = PhoneResult;
    fn run(
        value: crate::checks::Value,
        options: PhoneOptions,
    ) -> Result<PhoneResult, crate::checks::Misuse> {
        let value = value.text()?;
        let Some(country) = options.country else {
            return Err(crate::checks::Misuse::bad(
                "options",
                "country",
                "\"CO\", \"CL\" or \"EC\"",
            ));
        };
        Ok(check_phone(country, &value, &options))
    }
    fn fallback() -> PhoneResult {
        check_phone(Country::Co, "", &PhoneOptions::default())
    }
}

impl crate::checks::Choice for Country {
    const ALL: &'static [Country] = &[Country::Co, Country::Cl, Country::Ec];
    const NAMES: &'static [&'static str] = &["CO", "CL", "EC"];
}
impl crate::checks::Choice for PhoneType {
    const ALL: &'static [PhoneType] = &[PhoneType::Mobile, PhoneType::Fixed];
    const NAMES: &'static [&'static str] = &["mobile", "fixed"];
}

// The package renders messages itself (pkg-config/messages.js).
crate::read_options!(PhoneOptions {
    lang: choice,
    field: string,
    r#type: maybe,
    country: maybe,
}; skip_messages: true);
