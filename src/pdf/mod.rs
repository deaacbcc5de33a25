//! PDF uploads: what a file really is, whether it opens without a password, its pages and
//! what they paint. Built only with the `pdf` feature, into its own WebAssembly module
//! that the package loads the first time a page checks a PDF: the core module never
//! carries it.

pub mod check;
pub mod dates;
mod encodings;
mod font;
pub mod inspect;
mod jpeg;
mod pixels;
mod scan;
pub mod sniff;
pub mod text;

pub use check::{
    check_bytes, check_pdf, format_size, Content, EncryptionRule, PdfResult, PdfRules,
};
pub use inspect::{
    inspect_pdf, inspect_pdf_with, Encryption, ImageCensus, Limits, PageCensus, PageKind, PdfInfo,
};
pub use sniff::{sniff, FileKind};
pub use text::{extract_text, extract_text_with, PdfText, TextOptions};
