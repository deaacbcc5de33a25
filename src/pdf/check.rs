//! `checkPdf`: a portal's rules for an upload, on top of [`inspect_pdf`]: size, real PDF,
//! no password, pages, text or scan, color, and what the text says (identifiers it must
//! contain, how recently it was issued). Findings carry their message already rendered
//! (sizes and dates are written the way each language writes them), so the core module
//! never carries these texts.

use super::dates::{dates_in, issue_date, Date, Folded, MONTHS};
use super::inspect::{census, open, Encryption, Limits, Opened, PageKind, PdfInfo};
use super::sniff::FileKind;
use super::text::Extractor;
use crate::codes::{codes, Lang};
use crate::finding::{render, Param, Params, Severity};
use serde::Serialize;

codes! {
    /// A stable, dotted code of a finding about a PDF upload.
    PdfCode;
    /// The file is another type (a photo, a Word file) named or sent as a PDF.
    NotPdf = "pdf.not_pdf", Error,
        "El archivo no es un PDF sino {kind}. Guárdalo o expórtalo como PDF y súbelo de nuevo.",
        "The file is not a PDF but {kind}. Save or export it as PDF and upload it again.";
    /// Zero bytes.
    Empty = "pdf.empty", Error,
        "El archivo está vacío. Vuelve a descargarlo o a generarlo.",
        "The file is empty. Download or generate it again.";
    /// It starts like a PDF but cannot be read.
    Damaged = "pdf.damaged", Error,
        "El PDF está dañado y no se puede abrir. Vuelve a descargarlo o a generarlo.",
        "The PDF is damaged and cannot be opened. Download or generate it again.";
    /// Read only after repairing its cross-reference data: the portal's tools may refuse it.
    Repaired = "pdf.repaired", Warning,
        "El PDF tiene errores internos; pudimos leerlo, pero el portal podría rechazarlo. Si puedes, vuelve a generarlo.",
        "The PDF has internal errors; we could read it, but the portal may refuse it. If you can, generate it again.";
    /// Larger than the portal accepts.
    TooLarge = "pdf.too_large", Error,
        "El PDF pesa {size}; el máximo es {max}. Redúcelo (por ejemplo, escanea a 150 ppp) y súbelo de nuevo.",
        "The PDF is {size}; the maximum is {max}. Make it smaller (for example, scan at 150 dpi) and upload it again.";
    /// A password is needed to open it.
    EncryptedUser = "pdf.encrypted_user", Error,
        "El PDF tiene clave para abrirlo y el portal lo pide sin claves. Ábrelo y guárdalo (o imprímelo) como PDF sin contraseña.",
        "The PDF needs a password to open and the portal asks for one without. Open it and save (or print) it as a PDF without a password.";
    /// Opens, but carries an owner password (restrictions).
    EncryptedOwner = "pdf.encrypted_owner", Warning,
        "El PDF tiene restricciones (clave de propietario) aunque abre sin clave; el portal podría rechazarlo. Guárdalo de nuevo sin restricciones.",
        "The PDF carries restrictions (an owner password) although it opens without one; the portal may refuse it. Save it again without restrictions.";
    /// Fewer pages than asked (a cédula needs both sides).
    TooFewPages = "pdf.too_few_pages", Error,
        "El PDF tiene {pages} página(s) y se necesitan al menos {min}.",
        "The PDF has {pages} page(s) and at least {min} are needed.";
    /// More pages than allowed.
    TooManyPages = "pdf.too_many_pages", Error,
        "El PDF tiene {pages} páginas; el máximo es {max}.",
        "The PDF has {pages} pages; the maximum is {max}.";
    /// Pages that are only images where the portal wants a PDF with text.
    NeedsText = "pdf.needs_text", Error,
        "El PDF es una imagen escaneada (páginas sin texto: {pages}) y el portal pide el documento descargado del sistema, con texto. Descárgalo de nuevo en lugar de escanearlo.",
        "The PDF is a scanned image (pages without text: {pages}) and the portal wants the document downloaded from the system, with text. Download it again instead of scanning it.";
    /// Text pages where the portal wants a scan (a signed letter).
    NeedsScan = "pdf.needs_scan", Error,
        "Este documento debe subirse escaneado (firmado a mano), y el PDF parece generado en el computador.",
        "This document must be uploaded as a scan (signed by hand), and the PDF looks generated on a computer.";
    /// A black-and-white or gray scan where the portal wants color.
    NeedsColor = "pdf.needs_color", Error,
        "El escaneo está en blanco y negro o en escala de grises, y el portal lo pide a color. Escanéalo de nuevo a color.",
        "The scan is black and white or grayscale, and the portal wants it in color. Scan it again in color.";
    /// JavaScript inside the file.
    Javascript = "pdf.javascript", Warning,
        "El PDF contiene JavaScript; muchos portales rechazan estos archivos. Imprímelo como PDF para quitarlo.",
        "The PDF contains JavaScript; many portals refuse such files. Print it to PDF to remove it.";
    /// A text the portal expects (the applicant's NIT, RUT or name) is not in the PDF.
    MissingText = "pdf.missing_text", Error,
        "No encontramos «{text}» en el PDF. Revisa que hayas subido el documento de la persona o empresa correcta.",
        "We did not find “{text}” in the PDF. Check that you uploaded the document of the right person or company.";
    /// The document was issued longer ago than the portal accepts.
    TooOld = "pdf.too_old", Error,
        "El documento se expidió el {date}, hace {age} días, y debe tener menos de {max} días. Solicita uno nuevo y súbelo.",
        "The document was issued on {date}, {age} days ago, and must be less than {max} days old. Request a new one and upload it.";
    /// The issue date found is after today.
    IssuedInFuture = "pdf.issued_in_future", Warning,
        "La fecha de expedición del PDF ({date}) es posterior a hoy. Revisa la fecha de tu equipo o el documento.",
        "The PDF's issue date ({date}) is after today. Check your device's date or the document.";
    /// No issue date could be found in the text.
    IssueDateNotFound = "pdf.issue_date_not_found", Warning,
        "No encontramos la fecha de expedición en el PDF. Verifica tú que tenga menos de {max} días.",
        "We did not find the issue date in the PDF. Check yourself that it is less than {max} days old.";
    /// The rules ask about the text, and the PDF has none to read (a scan).
    TextUnreadable = "pdf.text_unreadable", Warning,
        "El PDF no tiene texto que podamos leer (parece escaneado), así que no pudimos revisar su contenido.",
        "The PDF has no text we can read (it looks scanned), so we could not check what it says.";
    /// A limit stopped the inspection early.
    TooComplex = "pdf.too_complex", Warning,
        "El PDF es demasiado complejo para revisarlo completo aquí; revisamos solo una parte.",
        "The PDF is too complex to check completely here; we checked only part of it.";
}

/// Text or scan.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
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

/// A portal's rules for one upload.
#[derive(Clone, Debug, Default)]
pub struct PdfRules {
    /// Largest size accepted, in bytes.
    pub max_bytes: Option<u64>,
    /// Fewest pages.
    pub min_pages: Option<u32>,
    /// Most pages.
    pub max_pages: Option<u32>,
    /// Refuse encrypted files (a user password is an error, an owner password a warning).
    pub forbid_encryption: bool,
    /// Text or scan.
    pub content: Content,
    /// The scan must be in color.
    pub color: bool,
    /// Texts the PDF must contain, compared loosely ([`Folded::contains`]).
    pub must_contain: Vec<String>,
    /// The document must have been issued less than this many days before `today`.
    pub issued_within_days: Option<u32>,
    /// Today's date, for `issued_within_days` (the package passes the device's date).
    pub today: Option<Date>,
    /// Language of the messages.
    pub lang: Lang,
}

/// One finding about an upload.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct PdfFinding {
    /// Stable dotted code.
    pub code: PdfCode,
    /// Fixed per code.
    pub severity: Severity,
    /// The message for the applicant.
    pub message: String,
    /// The values in the message.
    #[cfg_attr(
        target_arch = "wasm32",
        tsify(type = "Record<string, string | number>")
    )]
    pub params: Params,
}

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
    pub findings: Vec<PdfFinding>,
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

/// A finding with its message rendered in `lang`.
fn finding(code: PdfCode, params: Vec<(&'static str, Param)>, lang: Lang) -> PdfFinding {
    let params = Params(params);
    PdfFinding {
        code,
        severity: code.severity(),
        message: render(code.template(lang), &params),
        params,
    }
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
    findings: Vec<PdfFinding>,
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
    let mut push = |code: PdfCode, params| out.findings.push(finding(code, params, lang));
    if !any_text {
        push(PdfCode::TextUnreadable, vec![]);
        return out;
    }
    for m in missing {
        push(PdfCode::MissingText, vec![("text", m.as_str().into())]);
    }
    let (Some(max), Some(today)) = (rules.issued_within_days, rules.today) else {
        return out;
    };
    let Some(d) = issue_date(&dates, today) else {
        push(
            PdfCode::IssueDateNotFound,
            vec![("max", (max as usize).into())],
        );
        return out;
    };
    let age = today.days() - d.days();
    let shown = format_date(d, lang);
    if age < 0 {
        push(PdfCode::IssuedInFuture, vec![("date", shown.into())]);
    } else if age >= i64::from(max) {
        push(
            PdfCode::TooOld,
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
    let mut push = |code: PdfCode, params: Vec<(&'static str, Param)>| {
        findings.push(finding(code, params, lang));
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
            PdfCode::TooLarge,
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
            FileKind::Empty => push(PdfCode::Empty, vec![]),
            FileKind::Pdf => push(PdfCode::Damaged, vec![]),
            k => {
                let name = if lang == Lang::Es {
                    kind_name(k)
                } else {
                    kind_name_en(k)
                };
                push(PdfCode::NotPdf, vec![("kind", name.into())]);
            }
        }
    }
    if read && info.is_pdf {
        if info.repaired {
            push(PdfCode::Repaired, vec![]);
        }
        match (info.encryption, rules.forbid_encryption) {
            (Encryption::User, _) => push(PdfCode::EncryptedUser, vec![]),
            (Encryption::Owner, true) => push(PdfCode::EncryptedOwner, vec![]),
            _ => {}
        }
        if info.encryption != Encryption::User {
            let pages = info.pages as usize;
            if let Some(min) = rules.min_pages.filter(|m| info.pages < *m) {
                push(
                    PdfCode::TooFewPages,
                    vec![("pages", pages.into()), ("min", (min as usize).into())],
                );
            }
            if let Some(max) = rules.max_pages.filter(|m| info.pages > *m) {
                push(
                    PdfCode::TooManyPages,
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
            match rules.content {
                Content::Text => {
                    let scans = numbers(&|k| matches!(k, PageKind::Image | PageKind::Ocr));
                    if !scans.is_empty() {
                        push(PdfCode::NeedsText, vec![("pages", scans.into())]);
                    }
                }
                Content::Scan => {
                    if info.page_census.iter().any(|p| p.kind == PageKind::Text) {
                        push(PdfCode::NeedsScan, vec![]);
                    }
                }
                Content::Any => {}
            }
            if rules.color && info.images.count > 0 && info.images.color == 0 {
                push(PdfCode::NeedsColor, vec![]);
            }
            if info.javascript {
                push(PdfCode::Javascript, vec![]);
            }
            if info.truncated || text.truncated {
                push(PdfCode::TooComplex, vec![]);
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

    #[test]
    fn every_pdf_code_has_both_messages() {
        for c in PdfCode::ALL {
            assert!(c.as_str().starts_with("pdf."));
            assert_ne!(c.template(Lang::Es), c.template(Lang::En));
        }
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
            .all(|f| f.code != PdfCode::TooLarge));
        let mut over = at.clone();
        over.resize(1_048_576, b' ');
        let r = check_pdf(over.len() as u64, info_of(&over), &rules);
        let f = r
            .findings
            .iter()
            .find(|f| f.code == PdfCode::TooLarge)
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
            [PdfCode::TooLarge]
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
