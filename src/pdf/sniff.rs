//! What a file really is, from its first bytes: applicants upload a photo or a Word file
//! renamed `.pdf` more often than a broken PDF.

use serde::Serialize;

/// The real type of an upload.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum FileKind {
    /// A PDF (`%PDF-` within the first 1024 bytes, as readers accept it).
    Pdf,
    /// A JPEG photo or scan.
    Jpeg,
    /// A PNG image.
    Png,
    /// A GIF image.
    Gif,
    /// A TIFF image.
    Tiff,
    /// A WebP image.
    Webp,
    /// A HEIC/HEIF photo (iPhone).
    Heic,
    /// A ZIP container: a Word, Excel or OpenDocument file, or a plain .zip.
    Zip,
    /// An old Word/Excel file (OLE compound document).
    Ole,
    /// An HTML page (a portal page saved instead of its PDF).
    Html,
    /// Empty.
    Empty,
    /// Anything else.
    Unknown,
}

/// What `identifyFile` returns: what an upload really is, and its size.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct FileIdentity {
    /// The real type, from the first bytes (a photo renamed `.pdf` is `"jpeg"`).
    pub kind: FileKind,
    /// The upload's size in bytes.
    pub bytes: u64,
}

/// What an upload of `size` bytes whose first bytes are `head` really is. Only the first
/// 1,024 bytes are ever needed.
pub fn identify(head: &[u8], size: u64) -> FileIdentity {
    FileIdentity {
        kind: sniff(&head[..head.len().min(1024)]),
        bytes: size,
    }
}

/// Where `%PDF-` starts, if within the first 1024 bytes.
pub fn pdf_header(bytes: &[u8]) -> Option<usize> {
    let head = &bytes[..bytes.len().min(1024)];
    head.windows(5).position(|w| w == b"%PDF-")
}

/// The real type of `bytes`.
pub fn sniff(bytes: &[u8]) -> FileKind {
    let starts = |m: &[u8]| bytes.starts_with(m);
    if bytes.is_empty() {
        FileKind::Empty
    } else if pdf_header(bytes).is_some() {
        FileKind::Pdf
    } else if starts(&[0xFF, 0xD8, 0xFF]) {
        FileKind::Jpeg
    } else if starts(b"\x89PNG\r\n\x1a\n") {
        FileKind::Png
    } else if starts(b"GIF87a") || starts(b"GIF89a") {
        FileKind::Gif
    } else if starts(b"II*\0") || starts(b"MM\0*") {
        FileKind::Tiff
    } else if starts(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
        FileKind::Webp
    } else if bytes.get(4..8) == Some(b"ftyp")
        && matches!(
            bytes.get(8..12),
            Some(b"heic" | b"heix" | b"mif1" | b"msf1" | b"heif")
        )
    {
        FileKind::Heic
    } else if starts(b"PK\x03\x04") || starts(b"PK\x05\x06") {
        FileKind::Zip
    } else if starts(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        FileKind::Ole
    } else if looks_like_html(bytes) {
        FileKind::Html
    } else {
        FileKind::Unknown
    }
}

fn looks_like_html(bytes: &[u8]) -> bool {
    let head: Vec<u8> = bytes
        .iter()
        .take(512)
        .skip_while(|b| b.is_ascii_whitespace() || **b == 0xEF || **b == 0xBB || **b == 0xBF)
        .take(15)
        .map(u8::to_ascii_lowercase)
        .collect();
    head.starts_with(b"<!doctype html") || head.starts_with(b"<html") || head.starts_with(b"<?xml")
}

#[cfg(test)]
mod tests {

    #[test]
    fn identify_reads_only_the_head() {
        let mut photo = vec![0xFF, 0xD8, 0xFF, 0xE0];
        photo.resize(4096, 0);
        assert_eq!(
            identify(&photo, 2_000_000_000),
            FileIdentity {
                kind: FileKind::Jpeg,
                bytes: 2_000_000_000
            }
        );
        assert_eq!(identify(b"", 0).kind, FileKind::Empty);
        let mut late = vec![b' '; 1030];
        late.extend_from_slice(b"%PDF-1.7");
        assert_eq!(
            identify(&late, 1038).kind,
            FileKind::Unknown,
            "past 1,024 bytes"
        );
    }

    use super::*;

    #[test]
    fn magic_bytes() {
        assert_eq!(sniff(b"%PDF-1.7\n"), FileKind::Pdf);
        assert_eq!(sniff(b"junk junk\n%PDF-1.4"), FileKind::Pdf);
        assert_eq!(sniff(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]), FileKind::Jpeg);
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n\0\0"), FileKind::Png);
        assert_eq!(sniff(b"PK\x03\x04\x14\0\x06\0"), FileKind::Zip);
        assert_eq!(sniff(b"  <!DOCTYPE html><html>"), FileKind::Html);
        assert_eq!(sniff(b"\0\0\0\x18ftypheic"), FileKind::Heic);
        assert_eq!(sniff(b""), FileKind::Empty);
        assert_eq!(sniff(b"hello"), FileKind::Unknown);
        let mut late = vec![b' '; 1020];
        late.extend_from_slice(b"%PDF-1.4");
        assert_eq!(sniff(&late), FileKind::Unknown);
    }
}
