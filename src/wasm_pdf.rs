//! The JS boundary of the PDF module (built with `--features pdf` into its own .wasm; see
//! scripts/build.sh). The package loads it the first time a page checks a PDF, inside a
//! Web Worker in browsers (pkg-config/pdf-worker.js) and in-process in Node.

use crate::pdf;
use wasm_bindgen::prelude::*;

/// Inspects a PDF (or whatever the bytes really are); returns `PdfInfo` as JSON. The
/// package exports `inspectPdf`, which accepts a `File`, `Blob`, `ArrayBuffer` or
/// `Uint8Array` and runs this off the main thread.
#[wasm_bindgen(js_name = inspectPdfJson)]
pub fn inspect_pdf_json(bytes: &[u8]) -> String {
    trap_on_magic(bytes);
    crate::json::to_json(&pdf::inspect_pdf(bytes))
}

/// The text of the pages named in `pages` (1-based; empty = every page), at most
/// `max_chars` characters; returns `PdfText` as JSON (`extractPdfText`).
#[wasm_bindgen(js_name = extractPdfTextJson)]
pub fn extract_pdf_text_json(bytes: &[u8], pages: Vec<u32>, max_chars: f64) -> String {
    trap_on_magic(bytes);
    let options = pdf::TextOptions {
        pages: (!pages.is_empty()).then_some(pages),
        max_chars: if max_chars >= 0.0 {
            max_chars.min(1e12) as usize
        } else {
            pdf::TextOptions::default().max_chars
        },
    };
    crate::json::to_json(&pdf::extract_text(bytes, &options))
}

/// Applies a portal's rules to an upload; returns `PdfResult` as JSON. `size` is the
/// upload's real size (`bytes` is empty when it was too large to read); limits below 0 and
/// pages of 0 mean "no rule"; `content` is 0 any, 1 text, 2 scan; `must_contain` holds the
/// texts to find; `issued_within_days` below 0 means no date rule, `today` is `YYYY-MM-DD`.
/// The glue validates the rules object and calls this (`checkPdf`).
#[wasm_bindgen(js_name = checkPdfJson)]
#[allow(clippy::too_many_arguments)]
pub fn check_pdf_json(
    bytes: &[u8],
    size: f64,
    max_bytes: f64,
    min_pages: u32,
    max_pages: u32,
    forbid_encryption: bool,
    content: u8,
    color: bool,
    must_contain: Vec<String>,
    issued_within_days: i32,
    today: &str,
    english: bool,
) -> String {
    trap_on_magic(bytes);
    let rules = pdf::PdfRules {
        max_bytes: (max_bytes >= 0.0).then_some(max_bytes as u64),
        min_pages: (min_pages > 0).then_some(min_pages),
        max_pages: (max_pages > 0).then_some(max_pages),
        forbid_encryption,
        content: match content {
            1 => pdf::Content::Text,
            2 => pdf::Content::Scan,
            _ => pdf::Content::Any,
        },
        color,
        must_contain,
        issued_within_days: u32::try_from(issued_within_days).ok(),
        today: pdf::dates::Date::parse_iso(today),
        lang: if english {
            crate::Lang::En
        } else {
            crate::Lang::Es
        },
    };
    crate::json::to_json(&pdf::check_bytes(bytes, size.max(0.0) as u64, &rules))
}

/// Test builds only (`--features test-trap`, tests/js/trap.test.mjs): aborts on one magic
/// file so that the package's recovery from a trapped PDF module can be tested.
fn trap_on_magic(_bytes: &[u8]) {
    #[cfg(feature = "test-trap")]
    if _bytes == b"%PDF-trap" {
        std::process::abort();
    }
}
