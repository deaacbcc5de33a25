//! PDF uploads: what a file really is, whether it opens without a password, its pages and
//! what they paint. Built only with the `pdf` feature, into its own WebAssembly module
//! that the package loads the first time a page checks a PDF: the core module never
//! carries it.

pub mod check;
pub mod inspect;
pub mod sniff;

pub use check::{check_pdf, format_size, Content, PdfCode, PdfFinding, PdfResult, PdfRules};
pub use inspect::{
    inspect_pdf, inspect_pdf_with, Encryption, ImageCensus, Limits, PageCensus, PageKind, PdfInfo,
};
pub use sniff::{sniff, FileKind};
