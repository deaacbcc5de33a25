//! Finding a document's issue date in its text, and matching identifiers the way people
//! write them. Certificates from Colombian chambers of commerce, the DIAN RUT and SII
//! documents write dates as "15 de noviembre de 2026", "2026/11/15", "15/11/2026" or
//! "2026-11-15", often after a label ("Fecha de expedición:"); a certificate also quotes
//! older dates (registration, renewals), so a labelled date wins, and otherwise the most
//! recent date that is not after today.

/// A calendar date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    /// Year, 1900–2199.
    pub year: i32,
    /// Month, 1–12.
    pub month: u32,
    /// Day, 1–31 (valid for the month).
    pub day: u32,
}

impl Date {
    /// A valid date, or none.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = [
            31,
            if leap { 29 } else { 28 },
            31,
            30,
            31,
            30,
            31,
            31,
            30,
            31,
            30,
            31,
        ];
        ((1900..2200).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days[month as usize - 1])
            .then_some(Date { year, month, day })
    }

    /// `YYYY-MM-DD`.
    pub fn parse_iso(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        Date::new(
            s[..4].parse().ok()?,
            s[5..7].parse().ok()?,
            s[8..].parse().ok()?,
        )
    }

    /// Days since 1970-01-01 (H. Hinnant's days_from_civil).
    pub fn days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// `YYYY-MM-DD`.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Spanish month names, January first.
pub const MONTHS: [&str; 12] = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];

/// Labels that introduce the issue date (compared without accents, in lowercase).
const LABELS: [&str; 9] = [
    "fecha de expedicion",
    "fecha expedicion",
    "fecha de emision",
    "fecha emision",
    "fecha de generacion",
    "fecha generacion",
    "expedido el",
    "expedida el",
    "fecha de impresion",
];

/// Lowercase without accents (the password checks' folding), white space as one space;
/// one character for one, so offsets in the folded text are offsets in the original.
fn fold(c: char) -> char {
    match c {
        '\u{A0}' | '\n' | '\t' | '\r' => ' ',
        c => crate::text::fold(c),
    }
}

/// Every date written in `text`, with whether a label introduced it.
pub fn dates_in(text: &str) -> Vec<(Date, bool)> {
    let t: Vec<char> = text.chars().map(fold).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.len() && out.len() < 10_000 {
        let Some((date, len)) = date_at(&t, i) else {
            i += 1;
            continue;
        };
        // A label within the 40 characters before the date.
        let from = i.saturating_sub(40);
        let labelled = (from..i).any(|k| LABELS.iter().any(|l| word_at(&t, k, l)));
        out.push((date, labelled));
        i += len;
    }
    out
}

/// The issue date among the `dates` of a document's text ([`dates_in`]), as of `today`:
/// the first labelled one, else the latest not after today.
pub fn issue_date(dates: &[(Date, bool)], today: Date) -> Option<Date> {
    dates
        .iter()
        .find(|(_, labelled)| *labelled)
        .or_else(|| dates.iter().filter(|(d, _)| *d <= today).max())
        .map(|(d, _)| *d)
}

/// A run of ASCII digits at `i`: its value and length (at most `max` digits, and not
/// followed by another digit).
fn number(t: &[char], i: usize, max: usize) -> Option<(u32, usize)> {
    let n = t[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    if n == 0 || n > max {
        return None;
    }
    let v = t[i..i + n]
        .iter()
        .fold(0u32, |v, c| v * 10 + (*c as u32 - '0' as u32));
    Some((v, n))
}

fn skip_spaces(t: &[char], mut i: usize) -> usize {
    while t.get(i) == Some(&' ') {
        i += 1;
    }
    i
}

/// `de`/`del` between the parts of a written date (spaces around, or none).
fn skip_de(t: &[char], i: usize) -> usize {
    let j = skip_spaces(t, i);
    for w in ["del", "de"] {
        if word_at(t, j, w) && !t.get(j + w.len()).is_some_and(|c| c.is_alphabetic()) {
            return skip_spaces(t, j + w.len());
        }
    }
    j
}

/// Whether the ASCII word `w` is written at `t[i]` (no allocation: this runs at every
/// word of a document).
fn word_at(t: &[char], i: usize, w: &str) -> bool {
    t.get(i..i + w.len())
        .is_some_and(|s| s.iter().zip(w.bytes()).all(|(c, b)| *c == b as char))
}

fn month_at(t: &[char], i: usize) -> Option<(u32, usize)> {
    for (k, m) in MONTHS.iter().enumerate() {
        if word_at(t, i, m) {
            return Some((k as u32 + 1, m.len()));
        }
        // "setiembre", and three-letter abbreviations ("nov.", "nov ")
        if k == 8 && word_at(t, i, "setiembre") {
            return Some((9, 9));
        }
        if word_at(t, i, &m[..3]) && !t.get(i + 3).is_some_and(|c| c.is_alphabetic()) {
            let dot = usize::from(t.get(i + 3) == Some(&'.'));
            return Some((k as u32 + 1, 3 + dot));
        }
    }
    None
}

/// A date starting at `t[i]` and its length in characters.
fn date_at(t: &[char], i: usize) -> Option<(Date, usize)> {
    if i > 0 && t[i - 1].is_alphanumeric() {
        return None;
    }
    if let Some((a, na)) = number(t, i, 4) {
        let sep = *t.get(i + na)?;
        if matches!(sep, '/' | '-' | '.') {
            // 2026-11-15, 2026/11/15 or 15/11/2026, 15-11-2026, 15.11.2026
            let (b, nb) = number(t, i + na + 1, 2)?;
            if t.get(i + na + 1 + nb) != Some(&sep) {
                return None;
            }
            let k = i + na + 2 + nb;
            let (c, nc) = number(t, k, 4)?;
            let date = if na == 4 && nc <= 2 {
                Date::new(a as i32, b, c)
            } else if na <= 2 && nc == 4 {
                Date::new(c as i32, b, a)
            } else {
                None
            }?;
            return Some((date, k + nc - i));
        }
        // 15 de noviembre de 2026
        if na <= 2 {
            // "15 de noviembre", "15 noviembre", and "15denoviembre" (words run together).
            let j = skip_spaces(t, i + na);
            let (j, (month, nm)) = match month_at(t, j) {
                Some(m) => (j, m),
                None => {
                    let d = ["del", "de"]
                        .iter()
                        .find_map(|w| word_at(t, j, w).then_some(j + w.len()))?;
                    let d = skip_spaces(t, d);
                    (d, month_at(t, d)?)
                }
            };
            let k = skip_de(t, j + nm);
            let (year, ny) = number(t, k, 4).filter(|(_, n)| *n == 4)?;
            return Some((Date::new(year as i32, month, a)?, k + ny - i));
        }
        return None;
    }
    // noviembre 15 de 2026, noviembre 15, 2026
    let (month, nm) = month_at(t, i)?;
    let j = skip_spaces(t, i + nm);
    let (day, nd) = number(t, j, 2)?;
    let mut k = j + nd;
    if t.get(k) == Some(&',') {
        k += 1;
    }
    let k = skip_de(t, k);
    let (year, ny) = number(t, k, 4).filter(|(_, n)| *n == 4)?;
    Some((Date::new(year as i32, month, day)?, k + ny - i))
}

/// Separators an identifier or a name is written with, ignored when matching.
fn separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '.' | ',' | '-' | '‐' | '–' | '—' | '_' | '/')
}

/// A text folded for [`Folded::contains`]: without case, accents and separators, with a
/// note of where a separator was. Fold a page once, then look for every needle in it.
pub struct Folded {
    chars: Vec<char>,
    /// Whether a separator came right before each character (one more at the end).
    sep_before: Vec<bool>,
}

impl Folded {
    /// Folds `text`.
    pub fn new(text: &str) -> Folded {
        let mut chars = Vec::with_capacity(text.len());
        let mut sep_before = Vec::with_capacity(text.len() + 1);
        let mut sep = true;
        for c in text.chars() {
            if separator(c) {
                sep = true;
                continue;
            }
            chars.push(fold(c));
            sep_before.push(sep);
            sep = false;
        }
        sep_before.push(true);
        Folded { chars, sep_before }
    }

    /// Whether the text contains `needle` the way an identifier or a name is written in
    /// different documents: without case, accents, spaces, dots, commas or hyphens, and,
    /// when the needle starts or ends with a digit, not inside a longer number ("900123456"
    /// is not found in "19001234567", but is in "900.123.456-7").
    pub fn contains(&self, needle: &str) -> bool {
        let pin: Vec<char> = needle
            .chars()
            .filter(|c| !separator(*c))
            .map(fold)
            .collect();
        let Some((&first, &last)) = pin.first().zip(pin.last()) else {
            return true;
        };
        let hay = &self.chars;
        if pin.len() > hay.len() {
            return false;
        }
        (0..=hay.len() - pin.len()).any(|i| {
            let j = i + pin.len();
            hay[i] == first
                && hay[i..j] == pin[..]
                && (!first.is_ascii_digit() || self.sep_before[i] || !hay[i - 1].is_ascii_digit())
                && (!last.is_ascii_digit() || self.sep_before[j] || !hay[j].is_ascii_digit())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date::new(y, m, day).unwrap()
    }

    #[test]
    fn written_dates() {
        for (text, want) in [
            ("Bogotá, 15 de noviembre de 2026", d(2026, 11, 15)),
            ("Fecha: 2026-11-15", d(2026, 11, 15)),
            ("15/11/2026 10:32", d(2026, 11, 15)),
            ("el 3 de Marzo del 2025.", d(2025, 3, 3)),
            ("noviembre 15 de 2026", d(2026, 11, 15)),
            ("Noviembre 15, 2026", d(2026, 11, 15)),
            ("2026/11/05", d(2026, 11, 5)),
            ("05-11-2026", d(2026, 11, 5)),
            ("1 de setiembre de 2024", d(2024, 9, 1)),
            ("15 nov. 2026", d(2026, 11, 15)),
            ("15denoviembrede2026", d(2026, 11, 15)),
            (
                "FECHA DE EXPEDICIÓN: 20 DE NOVIEMBRE DE 2026",
                d(2026, 11, 20),
            ),
        ] {
            assert_eq!(dates_in(text).first().map(|x| x.0), Some(want), "{text}");
        }
        for text in [
            "31/02/2026",
            "NIT 900.123.456-7",
            "15/11/26",
            "2026",
            "tel 320-555-1234",
            "45 de noviembre de 2026",
            "v1.2.3",
        ] {
            assert_eq!(dates_in(text), vec![], "{text}");
        }
    }

    #[test]
    fn labelled_date_wins_else_latest_not_after_today() {
        let today = d(2026, 12, 1);
        let cert = "Matrícula 12 de marzo de 2001. Renovación 2026-03-30. \
                    Fecha de expedición: 20/11/2026. Vigente hasta 31/03/2027";
        assert_eq!(issue_date(&dates_in(cert), today), Some(d(2026, 11, 20)));
        let no_label =
            "Inscrita el 12 de marzo de 2001; certificado del 25/11/2026; vence 2027-03-31";
        assert_eq!(
            issue_date(&dates_in(no_label), today),
            Some(d(2026, 11, 25))
        );
        assert_eq!(issue_date(&dates_in("sin fechas"), today), None);
    }

    #[test]
    fn day_counts() {
        assert_eq!(d(1970, 1, 1).days(), 0);
        assert_eq!(d(2026, 12, 1).days() - d(2026, 11, 1).days(), 30);
        assert_eq!(d(2025, 3, 1).days() - d(2025, 2, 28).days(), 1);
        assert_eq!(d(2024, 3, 1).days() - d(2024, 2, 28).days(), 2);
        assert_eq!(Date::parse_iso("2026-12-01"), Some(d(2026, 12, 1)));
        assert_eq!(Date::parse_iso("2026-13-01"), None);
        assert_eq!(Date::parse_iso("2026-1-01"), None);
    }

    #[test]
    fn identifiers_match_loosely() {
        let contains = |text: &str, needle: &str| Folded::new(text).contains(needle);
        let rut = "Número de Identificación Tributaria (NIT): 900.123.456 - 7\nRazón social: ÑANDÚ S.A.S.";
        assert!(contains(rut, "900123456"));
        assert!(contains(rut, "900.123.456-7"));
        assert!(contains(rut, "9001234567"));
        assert!(contains(rut, "Nandu SAS"));
        assert!(!contains(rut, "900123457"));
        assert!(!contains("19001234567", "900123456"));
        assert!(!contains("9001234567", "900123456"));
        assert!(contains("RUT 76.086.428-5", "76086428-5"));
        assert!(contains("RUT 12.345.678-k", "12345678K"));
        assert!(!contains("", "1"));
    }
}

#[cfg(test)]
mod long_text {
    /// Two million characters of a certificate's kind of text without a date: every word
    /// start is tried (numbers, "de", month names) and none is taken for a date.
    #[test]
    fn no_dates_in_numbers_and_words() {
        let text = "Razón social CONSTRUCTORA ANDINA 12 de la matrícula 2001 número 45 de marzo "
            .repeat(26_000);
        assert!(super::dates_in(&text).is_empty());
    }
}

/// As `"YYYY-MM-DD"`.
impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.iso())
    }
}
