//! `checkId`: national identifiers of Colombia, Chile and Ecuador, exact to the check digit.
//!
//! Input is read the way people type it: separators (`.` `,` `-` and spaces, also their
//! Unicode look-alikes pasted from PDFs: en dash, no-break space, full-width digits) are
//! dropped wherever they are, as python-stdnum does, and letters are upper-cased. What is
//! checked per kind, and every place where prevalida deliberately differs from
//! python-stdnum, is in README.md ("Identifiers"). Rules and sources: RULES.md §1–3.
//!
//! Quirks of the issuers are warnings, never errors: a portal must not refuse a number the
//! authority itself issued (the SRI issues company RUCs that fail their own checksum).

mod cl;
mod co;
mod ec;
#[cfg(test)]
mod tests;

use crate::codes::{Code, Lang};
use crate::finding::{no_errors, sort_by_severity, Finding, P};
use serde::{Deserialize, Serialize};

pub use cl::rut_check_digit;
pub use co::nit_check_digit;

macro_rules! kinds {
    ($( $(#[$doc:meta])* $variant:ident = $name:literal; )*) => {
        /// What kind of identifier a value is.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
        pub enum Kind {
            $( $(#[$doc])* #[serde(rename = $name)] $variant, )*
        }
        impl Kind {
            /// Every kind, in declaration order.
            pub const ALL: &'static [Kind] = &[$(Kind::$variant),*];
            /// The dotted name (`"co.nit"`).
            pub fn as_str(self) -> &'static str {
                match self { $(Kind::$variant => $name),* }
            }
        }
    };
}

kinds! {
    /// Colombia: NIT with its DIAN check digit (DV).
    CoNit = "co.nit";
    /// Colombia: cédula de ciudadanía.
    CoCc = "co.cc";
    /// Colombia: cédula de extranjería.
    CoCe = "co.ce";
    /// Colombia: tarjeta de identidad.
    CoTi = "co.ti";
    /// Colombia: Permiso Especial de Permanencia.
    CoPep = "co.pep";
    /// Colombia: Permiso por Protección Temporal.
    CoPpt = "co.ppt";
    /// Colombia: NUIP / registro civil.
    CoNuip = "co.nuip";
    /// A passport of any country.
    Passport = "passport";
    /// A foreign identifier (free alphanumeric), such as a foreign tax number.
    Foreign = "foreign";
    /// Chile: RUT / RUN.
    ClRut = "cl.rut";
    /// Ecuador: cédula de identidad.
    EcCi = "ec.ci";
    /// Ecuador: RUC.
    EcRuc = "ec.ruc";
}

/// A row of the DIAN "tipo de documento" table (UBL 2.1 annex; RULES.md §1.3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct DianDocumentType {
    /// The two-digit code forms send (`"13"`).
    #[cfg_attr(
        target_arch = "wasm32",
        tsify(
            type = "\"11\" | \"12\" | \"13\" | \"21\" | \"22\" | \"31\" | \"41\" | \"42\" | \"47\" | \"48\" | \"50\" | \"91\""
        )
    )]
    pub code: &'static str,
    /// Its name in the DIAN table.
    pub name: &'static str,
    /// The kind prevalida checks it as.
    pub kind: Kind,
}

/// The DIAN document types, in code order.
pub const DIAN_DOCUMENT_TYPES: &[DianDocumentType] = &[
    dt("11", "Registro civil", Kind::CoNuip),
    dt("12", "Tarjeta de identidad", Kind::CoTi),
    dt("13", "Cédula de ciudadanía", Kind::CoCc),
    dt("21", "Tarjeta de extranjería", Kind::CoCe),
    dt("22", "Cédula de extranjería", Kind::CoCe),
    dt("31", "NIT", Kind::CoNit),
    dt("41", "Pasaporte", Kind::Passport),
    dt(
        "42",
        "Documento de identificación extranjero",
        Kind::Foreign,
    ),
    dt("47", "PEP (Permiso Especial de Permanencia)", Kind::CoPep),
    dt("48", "PPT (Permiso Protección Temporal)", Kind::CoPpt),
    dt("50", "NIT de otro país", Kind::Foreign),
    dt("91", "NUIP", Kind::CoNuip),
];

const fn dt(code: &'static str, name: &'static str, kind: Kind) -> DianDocumentType {
    DianDocumentType { code, name, kind }
}

impl Kind {
    /// A kind name (`"co.cc"`) or a DIAN document code (`"13"`), with the DIAN code that
    /// goes with it. `None` for anything else.
    pub fn parse(s: &str) -> Option<(Kind, Option<&'static str>)> {
        // Bytes, and the DIAN table only for two-character codes: string comparisons are
        // calls in wasm at opt-level "z", and this ran ≈ 30 of them (6 % of a `checkId`).
        let b = s.as_bytes();
        if b.len() == 2 {
            let t = DIAN_DOCUMENT_TYPES
                .iter()
                .find(|t| t.code.as_bytes() == b)?;
            return Some((t.kind, Some(t.code)));
        }
        let kind = *Kind::ALL.iter().find(|k| k.as_str().as_bytes() == b)?;
        Some((kind, kind.dian_code()))
    }

    /// The DIAN document code a kind goes with when it is named rather than coded: the
    /// first row of the table for it, passed over the rows that share a kind with a more
    /// common one (21 tarjeta de extranjería and 22 cédula de extranjería are both `co.ce`;
    /// 11 registro civil and 91 NUIP both `co.nuip`; 42 and 50 both `foreign`).
    pub fn dian_code(self) -> Option<&'static str> {
        DIAN_DOCUMENT_TYPES
            .iter()
            .find(|t| t.kind == self && !matches!(t.code.as_bytes(), b"21" | b"11" | b"50"))
            .map(|t| t.code)
    }
}

/// Options of [`check_id`].
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", default)]
pub struct IdOptions {
    /// Language of the messages (default `"es"`).
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub lang: Lang,
    /// Field path copied into every finding. For a NIT in two fields, findings go to
    /// `"<field>.nit"` and `"<field>.dv"` (or `"nit"` and `"dv"`).
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub field: Option<String>,
    /// The kind of identifier, or a DIAN document code (the Rust functions take it as an
    /// argument; the package's `checkId(value, { kind })` reads it here).
    #[cfg_attr(
        target_arch = "wasm32",
        tsify(type = "Kind | DianDocumentType[\"code\"]")
    )]
    pub kind: String,
    /// Leave messages empty (the npm package renders them in JavaScript).
    #[serde(skip)]
    pub skip_messages: bool,
}

/// The three layouts of an Ecuadorian RUC.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum RucType {
    /// A person: cédula + establishment.
    Natural,
    /// A public entity (third digit 6).
    Public,
    /// A private company, or a foreigner without cédula (third digit 9).
    Private,
}

/// Who holds the number, where the number tells.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum Holder {
    /// A natural person.
    Person,
    /// A company or public entity.
    Company,
}

/// What the number says about itself.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct IdDetails {
    /// The kind checked.
    pub kind: Kind,
    /// The DIAN document code for this kind, for Colombian forms.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        target_arch = "wasm32",
        tsify(
            optional,
            type = "\"11\" | \"12\" | \"13\" | \"21\" | \"22\" | \"31\" | \"41\" | \"42\" | \"47\" | \"48\" | \"50\" | \"91\""
        )
    )]
    pub dian_code: Option<&'static str>,
    /// Ecuadorian RUC layout.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub ruc_type: Option<RucType>,
    /// Person or company, when the number tells (a hint, not a registry lookup).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub holder: Option<Holder>,
    /// Ecuadorian province of registration.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub province: Option<&'static str>,
}

/// What [`check_id`] returns.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct IdResult {
    /// True when no finding is an error.
    pub ok: bool,
    /// The number without separators, letters upper-cased (a RUT keeps its hyphen:
    /// `12345678-5`, as the SII asks). Empty when nothing usable was typed.
    pub compact: String,
    /// The display form (`900.373.115-3`, `12.345.678-5`, `1.020.304.050`).
    pub formatted: String,
    /// Everything found, errors first.
    pub findings: Vec<Finding>,
    /// What the number says about itself.
    pub details: IdDetails,
}

/// Values longer than this are answered by their length alone.
const PARSE_LIMIT: usize = 256;

/// Collects findings for one check.
pub(crate) struct Ctx<'a> {
    lang: Option<Lang>,
    field: Option<String>,
    opts: &'a IdOptions,
    pub(crate) findings: Vec<Finding>,
}

impl<'a> Ctx<'a> {
    fn new(opts: &'a IdOptions) -> Self {
        Ctx {
            lang: (!opts.skip_messages).then_some(opts.lang),
            field: opts.field.clone(),
            opts,
            findings: Vec::new(),
        }
    }
    /// Findings from now on go to `<field>.<part>`.
    fn part(&mut self, part: &str) {
        self.field = Some(match &self.opts.field {
            Some(f) => crate::text::cat(&[f.as_str(), ".", part]),
            None => part.to_owned(),
        });
    }
    pub(crate) fn push(&mut self, code: Code, params: &[(&'static str, P)]) {
        let f = Finding::from_parts(code, self.lang, self.field.as_deref(), params);
        self.findings.push(f);
    }
    pub(crate) fn errors(&self) -> bool {
        !no_errors(&self.findings)
    }
}

/// Maps what people paste from PDFs and phones to ASCII (as python-stdnum's `clean` does
/// for these characters): dashes, spaces, dots and commas look-alikes, full-width digits.
fn ascii_of(c: char) -> char {
    match c {
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE63}' | '\u{FF0D}' | '\u{058A}' => '-',
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => ' ',
        '\u{00B7}' | '\u{2024}' | '\u{2027}' | '\u{FF0E}' | '\u{3002}' => '.',
        '\u{FF0C}' | '\u{060C}' | '\u{3001}' => ',',
        '\u{FF10}'..='\u{FF19}' => char::from(b'0' + (c as u32 - 0xFF10) as u8),
        _ => c,
    }
}

/// The characters a kind accepts besides separators.
#[derive(Clone, Copy, PartialEq)]
pub(crate) enum Chars {
    Digits,
    /// Digits, and `K` as the last character (Chilean RUT).
    DigitsK,
    Alnum,
}

impl Chars {
    fn shown(self) -> &'static str {
        match self {
            Chars::Digits => "0–9",
            Chars::DigitsK => "0–9 K",
            Chars::Alnum => "A–Z 0–9",
        }
    }
}

/// Drops separators and upper-cases; `Err` with the first character that does not belong.
/// `value` must be at most [`PARSE_LIMIT`] bytes.
pub(crate) fn compact(value: &str, chars: Chars) -> Result<String, char> {
    let value = value.trim();
    // The common case, all ASCII, byte by byte: a char loop is a call per character in wasm
    // at opt-level "z".
    let out = if value.is_ascii() {
        let mut out = Vec::with_capacity(value.len());
        for &b in value.as_bytes() {
            match b {
                b'.' | b',' | b'-' | b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C => {}
                b'0'..=b'9' => out.push(b),
                b'a'..=b'z' | b'A'..=b'Z' if chars != Chars::Digits => {
                    out.push(b.to_ascii_uppercase())
                }
                _ => return Err(char::from(b)),
            }
        }
        String::from_utf8(out).unwrap_or_default()
    } else {
        compact_chars(value, chars)?
    };
    if chars == Chars::DigitsK {
        // Chilean habits: a leading "CL" and a K only as the check digit.
        let body = out.strip_prefix("CL").map(str::to_owned).unwrap_or(out);
        let n = body.len();
        if let Some(c) = body
            .chars()
            .take(n.saturating_sub(1))
            .find(|c| !c.is_ascii_digit())
        {
            return Err(c);
        }
        if let Some(c) = body
            .chars()
            .last()
            .filter(|c| !c.is_ascii_digit() && *c != 'K')
        {
            return Err(c);
        }
        return Ok(body);
    }
    Ok(out)
}

/// [`compact`]'s loop for a value that is not all ASCII (full-width digits, no-break spaces).
fn compact_chars(value: &str, chars: Chars) -> Result<String, char> {
    let mut out = String::with_capacity(value.len());
    for c in value.chars().map(ascii_of) {
        match c {
            '.' | ',' | '-' | ' ' => {}
            '0'..='9' => out.push(c),
            'a'..='z' | 'A'..='Z' if chars != Chars::Digits => out.push(c.to_ascii_uppercase()),
            _ if c.is_whitespace() => {}
            _ => return Err(c),
        }
    }
    Ok(out)
}

/// A check-digit helper's body: separators dropped, digits only, at most 64 bytes.
pub fn compact_digits(body: &str) -> Option<String> {
    if body.len() > 64 {
        return None;
    }
    compact(body, Chars::Digits).ok().filter(|b| !b.is_empty())
}

/// `digits` grouped by thousands with dots (`1020304050` → `1.020.304.050`).
pub(crate) fn group(digits: &str) -> String {
    // Bytes: a digit string is ASCII (and a char loop is a call per character in wasm).
    let b = digits.as_bytes();
    let mut out = Vec::with_capacity(b.len() + b.len() / 3 + 2);
    for (i, &c) in b.iter().enumerate() {
        if i > 0 && (b.len() - i) % 3 == 0 {
            out.push(b'.');
        }
        out.push(c);
    }
    String::from_utf8(out).unwrap_or_default()
}

/// Checks an identifier of the given kind. Never panics; values over 256 bytes are
/// answered by their length.
pub fn check_id(kind: Kind, value: &str, opts: &IdOptions) -> IdResult {
    check_id_as(kind, None, value, opts)
}

/// [`check_id`] for a kind given as a DIAN code, which the details then carry.
pub fn check_id_as(
    kind: Kind,
    dian_code: Option<&'static str>,
    value: &str,
    opts: &IdOptions,
) -> IdResult {
    let mut cx = Ctx::new(opts);
    let mut details = IdDetails {
        kind,
        dian_code: dian_code.or_else(|| kind.dian_code()),
        ruc_type: None,
        holder: None,
        province: None,
    };
    let chars = match kind {
        Kind::Passport | Kind::Foreign => Chars::Alnum,
        Kind::ClRut => Chars::DigitsK,
        _ => Chars::Digits,
    };
    let (compact, formatted) = if value.len() > PARSE_LIMIT {
        let length = value.len();
        cx.push(
            Code::IdTooLong,
            &[("length", length.into()), ("max", max_len(kind).into())],
        );
        (String::new(), String::new())
    } else {
        match compact(value, chars) {
            Err(c) => {
                cx.push(
                    Code::IdInvalidChar,
                    &[("char", c.into()), ("allowed", chars.shown().into())],
                );
                (String::new(), String::new())
            }
            Ok(c) if c.is_empty() => {
                cx.push(Code::IdEmpty, &[]);
                (c, String::new())
            }
            Ok(c) => match kind {
                Kind::CoNit => co::nit(&mut cx, &mut details, &c),
                Kind::ClRut => cl::rut(&mut cx, &mut details, &c),
                Kind::EcCi => ec::ci(&mut cx, &mut details, &c),
                Kind::EcRuc => ec::ruc(&mut cx, &mut details, &c),
                _ => co::document(&mut cx, &mut details, kind, &c),
            },
        }
    };
    finish(cx, compact, formatted, details)
}

fn finish(cx: Ctx, compact: String, formatted: String, details: IdDetails) -> IdResult {
    let ok = !cx.errors();
    IdResult {
        ok,
        compact,
        formatted,
        findings: sort_by_severity(cx.findings),
        details,
    }
}

/// The longest value a kind can have, in characters, for `id.too_long`.
fn max_len(kind: Kind) -> usize {
    match kind {
        Kind::CoNit => 16,
        Kind::ClRut => 9,
        Kind::EcCi => 10,
        Kind::EcRuc => 13,
        k => co::spec(k).max,
    }
}

/// Checks a NIT typed in two fields, NIT and DV, as DIAN forms have them; findings say
/// which of the two is wrong (`<field>.nit` or `<field>.dv`), and notice a NIT field that
/// already ends with its DV.
pub fn check_nit_parts(nit: &str, dv: &str, opts: &IdOptions) -> IdResult {
    let mut cx = Ctx::new(opts);
    let mut details = IdDetails {
        kind: Kind::CoNit,
        dian_code: Some("31"),
        ruc_type: None,
        holder: None,
        province: None,
    };
    let (compact, formatted) = co::nit_parts(&mut cx, &mut details, nit, dv);
    finish(cx, compact, formatted, details)
}

/// `checkId(value, { kind, … })` in the package (the registry in `lib.rs`): `value` a string,
/// or `{ nit, dv }` for a NIT typed in two fields.
pub struct Id;

impl crate::checks::Check for Id {
    type Options = IdOptions;
    type Output = IdResult;
    fn run(
        value: crate::checks::Value,
        options: IdOptions,
    ) -> Result<IdResult, crate::checks::Misuse> {
        use crate::checks::{Misuse, Value};
        let Some((kind, code)) = Kind::parse(&options.kind) else {
            return Err(Misuse::bad(
                "options",
                "kind",
                "an identifier kind (\"co.nit\", \"cl.rut\", …) or a DIAN document code (\"13\", \"31\", …)",
            ));
        };
        match value {
            Value::Text(v) => Ok(check_id_as(kind, code, &v, &options)),
            Value::Parts(parts) if kind == Kind::CoNit => {
                let part = |name: &str| {
                    parts
                        .iter()
                        .find(|(k, _)| k == name)
                        .map(|(_, v)| v.as_str())
                        .unwrap_or_default()
                };
                Ok(check_nit_parts(part("nit"), part("dv"), &options))
            }
            Value::Parts(_) => Err(Misuse(
                "value must be a string (or { nit, dv } for co.nit)".into(),
            )),
        }
    }
    fn fallback() -> IdResult {
        check_id(Kind::CoCc, "", &IdOptions::default())
    }
}

// The package renders messages itself (pkg-config/messages.js).
crate::read_options!(IdOptions {
    lang: choice,
    field: string,
    kind: text,
}; skip_messages: true);
