//! `checkPdf`: a portal's rules for an upload, on top of [`inspect_pdf`]: size, real PDF,
//! no password, pages, text or scan, color, and what the text says (identifiers it must
//! contain, how recently it was issued). Findings are the crate's one [`Finding`] type and
//! their codes are in the one code table ([`Code`]); parameters that people read (sizes,
//! dates, the kind of file) are written the way `lang` writes them.

use super::dates::{dates_in, issue_date, Date, Folded, MONTHS};
use super::inspect::{census, open, Encryption, Limits, Opened, PageKind, PdfInfo};
use super::sniff::FileKind;
use super::text::Extractor;
use crate::codes::{Code, Lang};
use crate::finding::{Finding, Param, Severity};
use serde::Serialize;

/// Text or scan.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum Content {
    /// Anything.
    #[default]
    Any,
    /// Every page must have text (a document downloaded from a system, such as the RUT).
    Text,
    /// Every page must be an image (a signed letter, a cédula).
    Scan,
}

/// Whether a password on the file is accepted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum EncryptionRule {
    /// A password to open is an error, an owner password (restrictions) a warning.
    #[default]
    Forbid,
    /// Any encryption is accepted.
    Allow,
}

/// A portal's rules for one upload (`checkPdf(data, rules)`). Every rule is optional.
#[derive(Clone, Debug, Default, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct PdfRules {
    /// Largest size accepted, in bytes (write the portal's limit exactly: 1_000_000 or
    /// 1_048_576).
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub max_bytes: Option<u64>,
    /// Fewest pages (a cédula "por ambas caras": 2).
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub min_pages: Option<u32>,
    /// Most pages.
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub max_pages: Option<u32>,
    /// `"forbid"` (default): a password to open is an error, an owner password a warning.
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub encryption: EncryptionRule,
    /// `"text"`: every page must have text (a RUT downloaded from DIAN); `"scan"`: the
    /// document must be scanned; `"any"` (default).
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub content: Content,
    /// The scan must be in color (by the images' color spaces, and by sampled pixels).
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub color: bool,
    /// Texts the PDF must contain: the applicant's NIT, RUT or company name, as typed in the
    /// form. Compared without case, accents, spaces, dots, commas or hyphens, and never
    /// inside a longer number (`"900123456"` is found in "900.123.456-7", not in
    /// "19001234567"). Each one missing is a `pdf.missing_text` error; a PDF without text
    /// gives `pdf.text_unreadable`. At most 100, each at most 500 characters.
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub must_contain: Vec<String>,
    /// The document must have been issued less than this many days before `today` ("con
    /// vigencia menor a 30 días": `30` accepts 0–29 days). The date is the one after a
    /// label ("Fecha de expedición:", "Fecha de generación", "expedido el"), else the latest
    /// date in the text not after today; `pdf.too_old`, `pdf.issue_date_not_found`,
    /// `pdf.issued_in_future`.
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub issued_within_days: Option<u32>,
    /// Today, for `issuedWithinDays`: a `Date` or `"YYYY-MM-DD"` (default: the device's
    /// local date).
    #[cfg_attr(target_arch = "wasm32", tsify(optional, type = "Date | string"))]
    pub today: Option<Date>,
    /// Language of the messages (default `"es"`).
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub lang: Lang,
    /// The form field the findings belong to (their `field`).
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub field: Option<String>,
}

impl crate::checks::Choice for Content {
    const ALL: &'static [Content] = &[Content::Any, Content::Text, Content::Scan];
    const NAMES: &'static [&'static str] = &["any", "text", "scan"];
}
impl crate::checks::Choice for EncryptionRule {
    const ALL: &'static [EncryptionRule] = &[EncryptionRule::Forbid, EncryptionRule::Allow];
    const NAMES: &'static [&'static str] = &["forbid", "allow"];
}

// `today` is read by the package's boundary (a JS `Date` or a string: src/js/files.rs).
crate::read_options!(PdfRules {
    max_bytes: bytes,
    min_pages: positive,
    max_pages: positive,
    encryption: choice,
    content: choice,
    color: boolean,
    must_contain: strings,
    issued_within_days: days,
    lang: choice,
    field: string,
});

/// What [`check_pdf`] returns.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct PdfResult {
    /// True when no finding is an error.
    pub ok: bool,
    /// What the file is.
    pub info: PdfInfo,
    /// Everything found, errors first.
    pub findings: Vec<Finding>,
    /// The issue date found in the text (`YYYY-MM-DD`), when `issuedWithinDays` was asked.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub issue_date: Option<String>,
}

/// `bytes` written for people: `850 KB`, `1,3 MB` (`1.3 MB` in English); MB = 1,000,000 bytes,
/// as portals write their limits.
pub fn format_size(bytes: u64, lang: Lang) -> String {
    format_size_with(bytes, lang, 1)
}

/// [`format_size`] with up to `decimals` decimals (trailing zeros dropped).
fn format_size_with(bytes: u64, lang: Lang, decimals: usize) -> String {
    let (value, unit) = if bytes >= 1_000_000 {
        (bytes as f64 / 1e6, "MB")
    } else {
        (bytes as f64 / 1e3, "KB")
    };
    let mut s = if value >= 100.0 {
        format!("{}", value.round() as u64)
    } else {
        let t = format!("{value:.decimals$}");
        t.trim_end_matches('0').trim_end_matches('.').to_owned()
    };
    if lang == Lang::Es {
        s = s.replace('.', ",");
    }
    format!("{s} {unit}")
}

/// What a file that is not the expected kind is, as a message says it (`pdf.not_pdf`,
/// `p12.not_pkcs12`).
pub(crate) fn kind_text(kind: FileKind, lang: Lang) -> &'static str {
    if lang == Lang::Es {
        kind_name(kind)
    } else {
        kind_name_en(kind)
    }
}

fn kind_name(kind: FileKind) -> &'static str {
    match kind {
        FileKind::Jpeg => "una foto JPEG",
        FileKind::Png => "una imagen PNG",
        FileKind::Gif => "una imagen GIF",
        FileKind::Tiff => "una imagen TIFF",
        FileKind::Webp => "una imagen WebP",
        FileKind::Heic => "una foto HEIC (iPhone)",
        FileKind::Zip => "un documento de Word o Excel (o un ZIP)",
        FileKind::Ole => "un documento de Word o Excel antiguo",
        FileKind::Html => "una página web (HTML)",
        _ => "otro tipo de archivo",
    }
}

fn kind_name_en(kind: FileKind) -> &'static str {
    match kind {
        FileKind::Jpeg => "a JPEG photo",
        FileKind::Png => "a PNG image",
        FileKind::Gif => "a GIF image",
        FileKind::Tiff => "a TIFF image",
        FileKind::Webp => "a WebP image",
        FileKind::Heic => "a HEIC photo (iPhone)",
        FileKind::Zip => "a Word or Excel document (or a ZIP)",
        FileKind::Ole => "an old Word or Excel document",
        FileKind::Html => "a web page (HTML)",
        _ => "another kind of file",
    }
}

/// A finding of `rules`' field, its message rendered in `rules.lang` (natively; the package
/// renders messages in JavaScript).
fn finding(code: Code, params: Vec<(&'static str, Param)>, rules: &PdfRules) -> Finding {
    let mut f = Finding::new(code, rules.lang, params);
    f.field = rules.field.clone();
    f
}

/// A date as people write it: "20 de noviembre de 2026", "November 20, 2026".
fn format_date(d: Date, lang: Lang) -> String {
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let m = d.month as usize - 1;
    match lang {
        Lang::Es => format!("{} de {} de {}", d.day, MONTHS[m], d.year),
        Lang::En => format!("{} {}, {}", EN[m], d.day, d.year),
    }
}

/// Text read for the text rules, at most.
const TEXT_BUDGET: usize = 2_000_000;

/// Checks an upload of `size` bytes whose content is `bytes` (empty when it was too large
/// to read): opens it once for the structural rules and, only when the rules ask about the
/// text, reads the pages' text until every answer is known.
pub fn check_bytes(bytes: &[u8], size: u64, rules: &PdfRules) -> PdfResult {
    let limits = Limits {
        sample_pixels: rules.color,
        ..Limits::default()
    };
    let Opened { mut info, doc } = open(bytes, limits);
    let Some(doc) = doc else {
        return check_pdf(size, info, rules);
    };
    census(&doc, &mut info, limits);
    let asks_text = !rules.must_contain.is_empty() || rules.issued_within_days.is_some();
    if !asks_text || info.bytes != size {
        return check_pdf(size, info, rules);
    }
    let text = text_rules(&doc, limits, rules);
    judge(size, info, rules, text)
}

/// What the text rules found.
#[derive(Default)]
struct TextFindings {
    findings: Vec<Finding>,
    issue_date: Option<String>,
    /// A limit stopped the reading (`pdf.too_complex`).
    truncated: bool,
}

/// `mustContain` and `issuedWithinDays` on an open document, reading pages until every
/// answer is known.
fn text_rules(doc: &lopdf::Document, limits: Limits, rules: &PdfRules) -> TextFindings {
    let lang = rules.lang;
    let mut ex = Extractor::new(doc, limits, TEXT_BUDGET);
    let mut missing: Vec<&String> = rules.must_contain.iter().collect();
    let mut dates = Vec::new();
    let mut any_text = false;
    for page in doc.page_iter().take(limits.pages) {
        let text = ex.page(page);
        any_text |= !text.trim().is_empty();
        if !missing.is_empty() {
            let folded = Folded::new(&text);
            missing.retain(|m| !folded.contains(m));
        }
        dates.extend(dates_in(&text));
        let date_known = rules.issued_within_days.is_none() || dates.iter().any(|d| d.1);
        if missing.is_empty() && date_known {
            break;
        }
    }
    let mut out = TextFindings {
        truncated: ex.truncated(),
        ..TextFindings::default()
    };
    let mut push = |code: Code, params| out.findings.push(finding(code, params, rules));
    if !any_text {
        push(Code::PdfTextUnreadable, vec![]);
        return out;
    }
    for m in missing {
        push(Code::PdfMissingText, vec![("text", m.as_str().into())]);
    }
    let (Some(max), Some(today)) = (rules.issued_within_days, rules.today) else {
        return out;
    };
    let Some(d) = issue_date(&dates, today) else {
        push(
            Code::PdfIssueDateNotFound,
            vec![("max", (max as usize).into())],
        );
        return out;
    };
    let age = today.days() - d.days();
    let shown = format_date(d, lang);
    if age < 0 {
        push(Code::PdfIssuedInFuture, vec![("date", shown.into())]);
    } else if age >= i64::from(max) {
        push(
            Code::PdfTooOld,
            vec![
                ("date", shown.into()),
                ("age", Param::Number(age as f64)),
                ("max", (max as usize).into()),
                ("issued", d.iso().into()),
            ],
        );
    }
    out.issue_date = Some(d.iso());
    out
}

/// Applies the structural `rules` to an upload of `size` bytes whose inspection is `info`
/// (an upload too large to read gets only the size rule: `info.bytes` is then 0 and `size`
/// the real size). The text rules need the document: [`check_bytes`].
pub fn check_pdf(size: u64, info: PdfInfo, rules: &PdfRules) -> PdfResult {
    judge(size, info, rules, TextFindings::default())
}

/// The structural rules on `info`, with what the text rules found added.
fn judge(size: u64, info: PdfInfo, rules: &PdfRules, text: TextFindings) -> PdfResult {
    let lang = rules.lang;
    let mut findings = Vec::new();
    let mut push = |code: Code, params: Vec<(&'static str, Param)>| {
        findings.push(finding(code, params, rules));
    };
    if let Some(max) = rules.max_bytes.filter(|m| size > *m) {
        // Close to the limit, one decimal would print the same number twice.
        let (mut shown, mut limit) = (format_size(size, lang), format_size(max, lang));
        for decimals in [2, 3] {
            if shown == limit {
                shown = format_size_with(size, lang, decimals);
                limit = format_size_with(max, lang, decimals);
            }
        }
        push(
            Code::PdfTooLarge,
            vec![
                ("size", shown.into()),
                ("max", limit.into()),
                ("bytes", Param::Number(size as f64)),
                ("maxBytes", Param::Number(max as f64)),
            ],
        );
    }
    let read = info.bytes == size;
    if read && !info.is_pdf {
        match info.kind {
            FileKind::Empty => push(Code::PdfEmpty, vec![]),
            // A file cut short says so, whether or not what is left opens.
            FileKind::Pdf if info.incomplete => push(Code::PdfIncomplete, vec![]),
            FileKind::Pdf => push(Code::PdfDamaged, vec![]),
            k => {
                let name = if lang == Lang::Es {
                    kind_name(k)
                } else {
                    kind_name_en(k)
                };
                push(Code::PdfNotPdf, vec![("kind", name.into())]);
            }
        }
    }
    if read && info.is_pdf {
        if info.incomplete {
            push(Code::PdfIncomplete, vec![]);
        } else if info.repaired {
            push(Code::PdfRepaired, vec![]);
        }
        match (info.encryption, rules.encryption == EncryptionRule::Forbid) {
            (Encryption::User, _) => push(Code::PdfEncryptedUser, vec![]),
            (Encryption::Owner, true) => push(Code::PdfEncryptedOwner, vec![]),
            _ => {}
        }
        // What is left of a file cut short says nothing reliable about its pages (how many,
        // text or scan, color): `pdf.incomplete` says all there is to say.
        if info.encryption != Encryption::User && !info.incomplete {
            let pages = info.pages as usize;
            if let Some(min) = rules.min_pages.filter(|m| info.pages < *m) {
                push(
                    Code::PdfTooFewPages,
                    vec![("pages", pages.into()), ("min", (min as usize).into())],
                );
            }
            if let Some(max) = rules.max_pages.filter(|m| info.pages > *m) {
                push(
                    Code::PdfTooManyPages,
                    vec![("pages", pages.into()), ("max", (max as usize).into())],
                );
            }
            let numbers = |pred: &dyn Fn(PageKind) -> bool| -> String {
                let list: Vec<String> = info
                    .page_census
                    .iter()
                    .enumerate()
                    .filter(|(_, p)| pred(p.kind))
                    .map(|(i, _)| (i + 1).to_string())
                    .take(10)
                    .collect();
                list.join(", ")
            };
            // Nothing visible on any examined page (or no page at all): blank, whichever
            // content was asked.
            let blank = info.page_census.iter().all(|p| p.kind == PageKind::Empty);
            match rules.content {
                Content::Text | Content::Scan if blank => push(Code::PdfBlank, vec![]),
                Content::Text => {
                    let scans = numbers(&|k| matches!(k, PageKind::Image | PageKind::Ocr));
                    if !scans.is_empty() {
                        push(Code::PdfNeedsText, vec![("pages", scans.into())]);
                    }
                }
                Content::Scan => {
                    if info.page_census.iter().any(|p| p.kind == PageKind::Text) {
                        push(Code::PdfNeedsScan, vec![]);
                    }
                }
                Content::Any => {}
            }
            if rules.color && info.images.count > 0 && info.images.color == 0 {
                push(Code::PdfNeedsColor, vec![]);
            }
        }
        if info.encryption != Encryption::User {
            if info.javascript {
                push(Code::PdfJavascript, vec![]);
            }
            if info.truncated || text.truncated {
                push(Code::PdfTooComplex, vec![]);
            }
        }
    }
    findings.extend(text.findings);
    let ok = findings.iter().all(|f| f.severity != Severity::Error);
    // Errors first, keeping order (a handful of findings).
    findings.sort_by_key(|f| f.severity as u8);
    PdfResult {
        ok,
        info,
        findings,
        issue_date: text.issue_date,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_are_written_per_language() {
        assert_eq!(format_size(1_300_000, Lang::Es), "1,3 MB");
        assert_eq!(format_size(1_300_000, Lang::En), "1.3 MB");
        assert_eq!(format_size(1_000_000, Lang::Es), "1 MB");
        assert_eq!(format_size(1_048_576, Lang::Es), "1 MB");
        assert_eq!(format_size(1_050_000, Lang::Es), "1,1 MB");
        assert_eq!(format_size(4_200_000, Lang::En), "4.2 MB");
        assert_eq!(format_size(850_000, Lang::Es), "850 KB");
        assert_eq!(format_size(2_500, Lang::Es), "2,5 KB");
    }
}

#[cfg(test)]
mod rule_tests {
    use super::*;
    use crate::pdf::inspect_pdf;

    fn info_of(bytes: &[u8]) -> PdfInfo {
        inspect_pdf(bytes)
    }

    #[test]
    fn size_at_the_limits() {
        // Exactly 1,000,000 bytes passes a 1 MB limit; 1,048,576 (a "binary" MB) does not,
        // and the message shows the difference.
        let rules = PdfRules {
            max_bytes: Some(1_000_000),
            ..Default::default()
        };
        let mut at = b"%PDF-1.4\n".to_vec();
        at.resize(1_000_000, b' ');
        assert!(check_pdf(at.len() as u64, info_of(&at), &rules)
            .findings
            .iter()
            .all(|f| f.code != Code::PdfTooLarge));
        let mut over = at.clone();
        over.resize(1_048_576, b' ');
        let r = check_pdf(over.len() as u64, info_of(&over), &rules);
        let f = r
            .findings
            .iter()
            .find(|f| f.code == Code::PdfTooLarge)
            .expect("too large");
        assert_eq!(f.message, "El PDF pesa 1,05 MB; el máximo es 1 MB. Redúcelo (por ejemplo, escanea a 150 ppp) y súbelo de nuevo.");
        // Too large to read at all: only the size is judged.
        let r = check_pdf(
            2_000_000_000,
            PdfInfo {
                bytes: 0,
                ..info_of(b"")
            },
            &rules,
        );
        assert_eq!(
            r.findings.iter().map(|f| f.code).collect::<Vec<_>>(),
            [Code::PdfTooLarge]
        );
        assert_eq!(
            r.findings[0].params.get("size"),
            Some(&Param::Text("2000 MB".into()))
        );
    }

    #[test]
    fn not_a_pdf_and_english() {
        let jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16];
        let rules = PdfRules {
            lang: Lang::En,
            ..Default::default()
        };
        let r = check_pdf(6, info_of(&jpeg), &rules);
        assert!(!r.ok);
        assert_eq!(
            r.findings[0].message,
            "The file is not a PDF but a JPEG photo. Save or export it as PDF and upload it again."
        );
    }
}
