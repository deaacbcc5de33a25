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
    crate::json::to_json(&pdf::inspect_pdf(bytes))
}
