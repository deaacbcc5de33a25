//! Hostile and generated PDFs shared by the native tests (tests/pdf.rs) and the wasm ones
//! (tests/wasm_files.rs): small files built by hand, decompression bombs, and a check that
//! asks everything of a file.
#![allow(dead_code)]

/// A minimal PDF around `content` (one page) and extra objects.
pub fn pdf_with(content: &[u8], extra: &str) -> Vec<u8> {
    pdf_with_resources(content, extra, "")
}

/// [`pdf_with`] with more page resources (`/Font << … >>`).
pub fn pdf_with_resources(content: &[u8], extra: &str, resources: &str) -> Vec<u8> {
    let mut out = b"%PDF-1.7\n".to_vec();
    out.extend_from_slice(b"1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n");
    out.extend_from_slice(b"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n");
    out.extend_from_slice(format!("3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /XObject << /Im1 5 0 R /Fm1 6 0 R >> {resources} >> >> endobj\n").as_bytes());
    out.extend_from_slice(format!("4 0 obj << /Length {} >> stream\n", content.len()).as_bytes());
    out.extend_from_slice(content);
    out.extend_from_slice(b"\nendstream endobj\n");
    out.extend_from_slice(extra.as_bytes());
    out.extend_from_slice(b"trailer << /Root 1 0 R /Size 7 >>\n%%EOF\n");
    out
}

/// A one-page PDF painting `n` different gray 8-bit RGB images of 3,000 × 3,334 pixels (30 MB
/// inflated each).
pub fn many_images(n: usize) -> Vec<u8> {
    use std::io::Write;
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
    z.write_all(&vec![128u8; 3_000 * 3 * 3_334]).unwrap();
    let data = z.finish().unwrap();
    let mut objects = Vec::new();
    let mut names = String::new();
    let mut paint = String::new();
    for i in 0..n {
        let id = 10 + i;
        names.push_str(&format!("/I{i} {id} 0 R "));
        paint.push_str(&format!("/I{i} Do "));
        objects.extend_from_slice(format!("{id} 0 obj << /Type /XObject /Subtype /Image /Width 3000 /Height 3334 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode /Length {} >> stream\n", data.len()).as_bytes());
        objects.extend_from_slice(&data);
        objects.extend_from_slice(b"\nendstream endobj\n");
    }
    let mut out = pdf_with_resources(paint.as_bytes(), "", "");
    let text = String::from_utf8_lossy(&out).into_owned();
    let xobjects = "/XObject << /Im1 5 0 R /Fm1 6 0 R >>";
    let at = text.find(xobjects).unwrap();
    out.splice(
        at..at + xobjects.len(),
        format!("/XObject << {names}>>").into_bytes(),
    );
    let at = out.windows(7).position(|w| w == b"trailer").unwrap();
    out.splice(at..at, objects);
    out
}

/// A one-page PDF painting an 8-bit RGB image of 9,000 × 10,000 pixels (256 MB inflated,
/// gray but for one colored pixel at the end).
pub fn image_bomb() -> Vec<u8> {
    use std::io::Write;
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
    let row = vec![200u8; 9_000 * 3];
    for _ in 0..10_000 {
        z.write_all(&row).unwrap();
    }
    z.write_all(&[255, 0, 0]).unwrap();
    let data = z.finish().unwrap();
    let image = format!("5 0 obj << /Type /XObject /Subtype /Image /Width 9000 /Height 10000 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode /Length {} >> stream\n", data.len());
    let mut out = pdf_with(b"q 612 0 0 792 0 0 cm /Im1 Do Q", "");
    // pdf_with writes the image object last when given one; splice ours in before the trailer.
    let at = out.windows(7).position(|w| w == b"trailer").unwrap();
    let mut obj = image.into_bytes();
    obj.extend_from_slice(&data);
    obj.extend_from_slice(b"\nendstream endobj\n");
    out.splice(at..at, obj);
    out
}

/// A one-page PDF whose content stream is 256 MB of spaces deflated (≈ 250 KB).
pub fn flate_bomb() -> Vec<u8> {
    use std::io::Write;
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    let block = vec![b' '; 1 << 20];
    for _ in 0..256 {
        z.write_all(&block).unwrap();
    }
    let compressed = z.finish().unwrap();
    let mut pdf = b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R /Contents 4 0 R >> endobj\n".to_vec();
    pdf.extend_from_slice(
        format!(
            "4 0 obj << /Length {} /Filter /FlateDecode >> stream\n",
            compressed.len()
        )
        .as_bytes(),
    );
    pdf.extend_from_slice(&compressed);
    pdf.extend_from_slice(b"\nendstream endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
    pdf
}

/// A check that asks everything of a file.
pub fn every_rule() -> prevalida::pdf::PdfRules {
    prevalida::pdf::PdfRules {
        max_bytes: Some(4_000_000),
        min_pages: Some(2),
        max_pages: Some(10),
        encryption: prevalida::pdf::EncryptionRule::Forbid,
        content: prevalida::pdf::Content::Text,
        color: true,
        must_contain: vec!["900.123.456-7".into(), "Potato".into()],
        issued_within_days: Some(30),
        today: prevalida::pdf::dates::Date::new(2026, 12, 1),
        lang: prevalida::Lang::Es,
        field: Some("rut".into()),
    }
}
