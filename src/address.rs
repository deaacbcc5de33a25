//! Colombian addresses typed in a form ("Dirección"), normalized to DIAN nomenclature: the
//! abbreviations of DIAN's table (`../shared/RULES.md` §1.5), upper case, no `#`, `No.` or
//! hyphens, one space between elements: `Cra 14 # 123-45 apto 301` → `CR 14 123 45 AP 301`.
//! People type every variant (`carrera`, `cra`, `kr`, `Cll`, `Av.`), so the check
//! normalizes rather than rejects; what it refuses is what no address holds (symbols such as
//! `@`, invisible characters) and what the field cannot take. An address it cannot read as
//! street type + numbers (a rural address: "Vereda El Salitre, finca La Esperanza") is kept as
//! typed, with a warning, never an error: the nomenclature has more forms than any list.

use crate::checks::{Check, Misuse, Value};
use crate::codes::{Code, Lang};
use crate::finding::{sort_by_severity, Finding, P};
use serde::{Deserialize, Serialize};

/// Options of [`check_address`].
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", default)]
pub struct AddressOptions {
    /// The most characters the field takes, when the portal says.
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub max_length: Option<u32>,
    /// Language of the messages (default `"es"`).
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub lang: Lang,
    /// Field path copied into every finding.
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub field: Option<String>,
    /// Leave messages empty (the npm package renders them in JavaScript).
    #[serde(skip)]
    pub skip_messages: bool,
}

crate::read_options!(AddressOptions {
    max_length: count,
    lang: choice,
    field: string,
}; skip_messages: true);

/// What [`check_address`] returns.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct AddressResult {
    /// True when no finding is an error.
    pub ok: bool,
    /// The address in DIAN nomenclature (`CR 14 123 45 AP 301`); when it could not be read
    /// as street type and numbers, the input trimmed with one space between words.
    pub normalized: String,
    /// Everything found, errors first.
    pub findings: Vec<Finding>,
}

/// Longer than this is a paste gone wrong: refused before any work.
const MAX_CHARS: usize = 300;

/// Street types: DIAN's code, then the ways people write it (upper case, accents folded,
/// dots removed). Catastral `KR` and `AK`-style codes are accepted and written as DIAN's.
const STREETS: &[(&str, &[&str])] = &[
    ("CL", &["CL", "CLL", "CALLE", "CALL", "CAL", "CLLE"]),
    (
        "CR",
        &[
            "CR", "CRA", "KR", "KRA", "CARRERA", "CARRERA", "CRR", "CARR", "K",
        ],
    ),
    ("AV", &["AV", "AVENIDA", "AVDA", "AVE"]),
    ("AC", &["AC"]),
    ("AK", &["AK"]),
    ("DG", &["DG", "DIAGONAL", "DIAG"]),
    ("TV", &["TV", "TRANSVERSAL", "TRANSV", "TR", "TRANS", "TRV"]),
    ("CIR", &["CIR", "CIRCULAR", "CIRC", "CQ"]),
    ("CRV", &["CRV", "CIRCUNVALAR", "CCV", "CV"]),
    ("AUT", &["AUT", "AUTOPISTA", "AUTOP"]),
    ("KM", &["KM", "KILOMETRO"]),
];

/// Complements: DIAN's code, then the long forms people write.
const COMPLEMENTS: &[(&str, &[&str])] = &[
    ("AP", &["AP", "APTO", "APT", "APARTAMENTO", "APTOS"]),
    ("TO", &["TO", "TORRE", "TORR"]),
    ("LC", &["LC", "LOCAL", "LOC"]),
    ("OF", &["OF", "OFICINA", "OFIC", "OFI"]),
    ("P", &["P", "PISO"]),
    ("IN", &["IN", "INTERIOR", "INT"]),
    ("BL", &["BL", "BLOQUE", "BLQ"]),
    ("MZ", &["MZ", "MANZANA", "MZA"]),
    ("CA", &["CA", "CASA"]),
    ("ET", &["ET", "ETAPA"]),
    ("CONJ", &["CONJ", "CONJUNTO"]),
    ("ED", &["ED", "EDIFICIO", "EDIF"]),
    ("BG", &["BG", "BODEGA"]),
    ("LT", &["LT", "LOTE"]),
    ("BRR", &["BRR", "BARRIO"]),
    ("URB", &["URB", "URBANIZACION"]),
    ("SEC", &["SEC", "SECTOR"]),
    ("CC", &["CC", "CENTRO COMERCIAL"]),
    ("VRD", &["VRD", "VEREDA"]),
];

/// What stands for "number" between the street and the plate: dropped.
/// ("N" alone is not one of them: it is a letter of blocks and towers, and "Norte" in Cali.)
const NUMBER_SIGNS: &[&str] = &["#", "NO", "NRO", "NUM", "NUMERO", "Nº", "N°"];

/// Checks and normalizes an address. Never panics; linear in the input.
pub fn check_address(value: &str, opts: &AddressOptions) -> AddressResult {
    let lang = (!opts.skip_messages).then_some(opts.lang);
    let field = opts.field.as_deref();
    let mut findings = Vec::new();
    let mut push = |code: Code, parts: &[(&'static str, P)]| {
        findings.push(Finding::from_parts(code, lang, field, parts));
    };
    let length = crate::text::char_len(value);
    let max = opts.max_length.map_or(MAX_CHARS, |m| m as usize);
    let trimmed = crate::text::join(&value.split_whitespace().collect::<Vec<_>>(), " ");
    let mut normalized = trimmed.clone();
    if length > max {
        push(
            Code::AddressTooLong,
            &[("length", length.into()), ("max", max.into())],
        );
        if length > MAX_CHARS {
            normalized.clear();
        }
    } else if trimmed.is_empty() {
        push(Code::AddressEmpty, &[]);
    } else if let Some(c) = trimmed.chars().find(|&c| !allowed(c)) {
        let shown = crate::text::shown_char(c);
        push(Code::AddressInvalidChar, &[("char", (&shown).into())]);
    } else if !trimmed.chars().any(|c| c.is_ascii_digit()) {
        push(Code::AddressNoNumber, &[]);
    } else {
        match dian(&trimmed) {
            // The DIAN form can be longer than what was typed ("K 380" is "CR 380"): past the
            // portal's maxLength it would be refused when sent, so the address stays as typed
            // (found by fuzzing: checking the normalized form again rejected it).
            Some(d) if crate::text::char_len(&d) > max => {}
            Some(d) => {
                if d != trimmed {
                    push(Code::AddressNormalized, &[("normalized", (&d).into())]);
                }
                normalized = d;
            }
            None => push(Code::AddressUnrecognized, &[]),
        }
    }
    let findings = sort_by_severity(findings);
    AddressResult {
        ok: crate::finding::no_errors(&findings),
        normalized,
        findings,
    }
}

/// Letters, digits, spaces and the signs addresses use.
fn allowed(c: char) -> bool {
    c.is_alphanumeric()
        || matches!(
            c,
            ' ' | '#' | '-' | '.' | ',' | '/' | '°' | 'º' | '\'' | '(' | ')'
        )
}

/// The address in DIAN nomenclature, when it reads as street type + numbers.
fn dian(s: &str) -> Option<String> {
    // Upper case without accents (DIAN's forms take none), but Ñ stays a letter of its own.
    let folded: String = s
        .chars()
        .map(|c| match c {
            'ñ' | 'Ñ' => 'Ñ',
            c => crate::text::fold(c).to_ascii_uppercase(),
        })
        .collect();
    // Separators become spaces; "N°" and "Nº" (número) go whole, the N with its sign.
    let mut spaced = String::with_capacity(folded.len());
    let mut chars = folded.chars().peekable();
    while let Some(c) = chars.next() {
        if c == 'N' && matches!(chars.peek(), Some('°' | 'º')) {
            chars.next();
            spaced.push(' ');
        } else if matches!(
            c,
            '#' | '-' | ',' | '.' | '°' | 'º' | '(' | ')' | '/' | '\''
        ) {
            spaced.push(' ');
        } else {
            spaced.push(c);
        }
    }
    let mut words: Vec<String> = Vec::new();
    for w in spaced.split_whitespace() {
        split_glued(w, &mut words);
    }
    let (first, rest) = words.split_first()?;
    let street = lookup(STREETS, first)?;
    // The street's number or name must follow ("CL 26", "CR 4A", "AV BOYACA").
    rest.first()?;
    let mut out = vec![street.to_owned()];
    for (i, w) in rest.iter().enumerate() {
        if NUMBER_SIGNS.contains(&w.as_str()) && i > 0 {
            continue;
        }
        out.push(lookup(COMPLEMENTS, w).map_or_else(|| w.clone(), str::to_owned));
    }
    Some(crate::text::join(&out, " "))
}

/// Splits a word glued to its number the way people type it: `CRA14` → `CRA 14`,
/// `APTO301` → `APTO 301`; `68B` and `4A` (a number with its letter) stay whole.
fn split_glued(w: &str, out: &mut Vec<String>) {
    let letters = w.bytes().take_while(u8::is_ascii_alphabetic).count();
    if letters > 0 && letters < w.len() && w.as_bytes()[letters].is_ascii_digit() {
        let (head, tail) = w.split_at(letters);
        if lookup(STREETS, head).is_some()
            || lookup(COMPLEMENTS, head).is_some()
            || NUMBER_SIGNS.contains(&head)
        {
            out.push(head.to_owned());
            out.push(tail.to_owned());
            return;
        }
    }
    out.push(w.to_owned());
}

fn lookup(table: &[(&'static str, &[&str])], w: &str) -> Option<&'static str> {
    table
        .iter()
        .find(|(_, forms)| forms.contains(&w))
        .map(|(code, _)| *code)
}

/// `checkAddress(value, options?)` in the package (the registry in `lib.rs`).
pub struct Address;

impl Check for Address {
    type Options = AddressOptions;
    type Output = AddressResult;
    fn run(value: Value, options: AddressOptions) -> Result<AddressResult, Misuse> {
        Ok(check_address(&value.text()?, &options))
    }
    fn fallback() -> AddressResult {
        check_address("", &AddressOptions::default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(value: &str) -> (String, Vec<&'static str>) {
        let r = check_address(value, &AddressOptions::default());
        (
            r.normalized,
            r.findings.iter().map(|f| f.code.as_str()).collect(),
        )
    }

    #[test]
    fn the_ways_people_type_an_address() {
        for (typed, dian) in [
            ("Cra 14 # 123-45", "CR 14 123 45"),
            ("Carrera 14 No. 123-45", "CR 14 123 45"),
            ("KR 14 123 45", "CR 14 123 45"),
            ("cra14#123-45 apto 301", "CR 14 123 45 AP 301"),
            (
                "Calle 26 # 68B-70 Torre 2 Oficina 501",
                "CL 26 68B 70 TO 2 OF 501",
            ),
            ("CRA 4A #5-30", "CR 4A 5 30"),
            ("Av. Boyacá # 64-20 Sur", "AV BOYACA 64 20 SUR"),
            ("Cll 38A Bis Sur # 3A-18 Este", "CL 38A BIS SUR 3A 18 ESTE"),
            (
                "Diagonal 45 # 16-30, Barrio Teusaquillo",
                "DG 45 16 30 BRR TEUSAQUILLO",
            ),
            ("Transversal 5 N° 12-40 Local 3", "TV 5 12 40 LC 3"),
            ("Calle 23 N # 5-10", "CL 23 N 5 10"),
            ("Calle 5 # 2-3 Bloque N Apto 101", "CL 5 2 3 BL N AP 101"),
        ] {
            assert_eq!(norm(typed).0, dian, "{typed}");
        }
        assert_eq!(norm("Cra 14 # 123-45").1, ["address.normalized"]);
        // Already in DIAN nomenclature: nothing to say.
        assert_eq!(norm("CR 14 123 45"), ("CR 14 123 45".into(), vec![]));
    }

    #[test]
    fn what_is_refused_or_kept() {
        assert_eq!(norm("").1, ["address.empty"]);
        assert_eq!(norm("   ").1, ["address.empty"]);
        assert_eq!(norm("ana@gmail.com").1, ["address.invalid_char"]);
        assert_eq!(norm("Calle sin número").1, ["address.no_number"]);
        // A rural address: kept as typed, a warning, never an error.
        let (n, codes) = norm("Vereda El Salitre  km 3 finca La Esperanza");
        assert_eq!(n, "Vereda El Salitre km 3 finca La Esperanza");
        assert_eq!(codes, ["address.unrecognized"]);
        assert!(check_address("Vereda El Salitre km 3", &AddressOptions::default()).ok);
        let r = check_address(&"CL 1 ".repeat(500), &AddressOptions::default());
        assert_eq!((r.ok, r.normalized.as_str()), (false, ""));
        let short = AddressOptions {
            max_length: Some(10),
            ..AddressOptions::default()
        };
        assert_eq!(
            check_address("Calle 26 # 68B-70", &short).findings[0].code,
            Code::AddressTooLong
        );
        // Typed within the limit, its DIAN form past it: kept as typed, and stable.
        let five = AddressOptions {
            max_length: Some(5),
            ..AddressOptions::default()
        };
        let r = check_address("K 380", &five);
        assert_eq!((r.ok, r.normalized.as_str()), (true, "K 380"));
        assert!(r.findings.is_empty(), "{:?}", r.findings);
        assert_eq!(
            check_address("K 380", &AddressOptions::default()).normalized,
            "CR 380"
        );
    }
}
