//! The PDF module against the shared corpus (`tests/corpus/pdf/`, a copy of the shared
//! corpus with its MANIFEST.json ground
//! truth from qpdf, poppler and pypdf), and against hostile input. Run with
//! `cargo test --features files` (scripts/test.sh does).
#![cfg(feature = "files")]

#[path = "common/hostile.rs"]
mod hostile;
#[path = "common/mutate.rs"]
mod mutate;

use hostile::{every_rule, flate_bomb, image_bomb, many_images, pdf_with, pdf_with_resources};

use prevalida::pdf::{inspect_pdf, inspect_pdf_with, Encryption, FileKind, Limits};
use std::time::{Duration, Instant};

fn corpus() -> Option<(std::path::PathBuf, serde_json::Value)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/pdf");
    let m = std::fs::read_to_string(dir.join("MANIFEST.json")).ok()?;
    Some((dir, serde_json::from_str(&m).expect("MANIFEST.json")))
}

/// Files where the reference tools disagree on something we check, and what we answer
/// there (README.md "PDF"). Anything else must match the majority exactly.
const TOOLS_DISAGREE: &[&str] = &[
    "qpdf__empty.pdf",
    "qpdf__bad-xref.pdf",
    "qpdf__recover-xref-stream.pdf",
    "qpdf__pages-loop.pdf",
    "qpdf__deep-pages.pdf",
    "pdfium__document_aactions.pdf",
    "pdfium__trailer_unterminated.pdf",
    "pdfium__parser_rebuildxref_correct.pdf",
    "pdfium__circular_viewer_ref.pdf",
    "pdfium__page_tree_empty_node.pdf",
    "pdfium__no_page_count.pdf",
];

/// Files where prevalida deliberately answers differently from all three tools, with why.
const DELIBERATE: &[(&str, &str)] = &[(
    "pdfium__parser_rebuildxref_error_notrailer.pdf",
    "no trailer at all: qpdf, poppler and pypdf refuse it; lopdf rebuilds it from its objects \
     (1 page, text). prevalida answers isPdf true with repaired: true, so a check can warn \
     that the portal's own tools may refuse it",
)];

#[test]
fn shared_corpus_verdicts() {
    let Some((dir, m)) = corpus() else {
        panic!("tests/corpus/pdf/MANIFEST.json is missing");
    };
    let mut rows = Vec::new();
    let (mut checked, mut agree) = (0, [0usize; 4]);
    let mut failures = Vec::new();
    for f in m["files"].as_array().unwrap() {
        let name = f["file"].as_str().unwrap();
        let gt = &f["ground_truth"];
        let bytes = std::fs::read(dir.join(name)).unwrap();
        let t = Instant::now();
        let info = inspect_pdf(&bytes);
        let took = t.elapsed();
        assert!(took < DEADLINE, "{name}: {took:?}");
        let deliberate = DELIBERATE.iter().any(|(n, _)| *n == name);
        if deliberate {
            assert!(info.is_pdf && info.repaired, "{name}: {info:?}");
        }
        let lenient = TOOLS_DISAGREE.contains(&name) || deliberate;
        checked += 1;
        // 1. is it a PDF that opens
        let want_pdf =
            gt["is_pdf"].as_bool() == Some(true) && gt["parse_ok"].as_bool() == Some(true);
        let ok_pdf = info.is_pdf == want_pdf;
        // 2. a user password is needed
        let want_user = gt["user_password_required"].as_bool() == Some(true);
        let ok_user = (info.encryption == Encryption::User) == want_user;
        // 3. pages (only when it opens without a password: otherwise the tree is encrypted)
        let want_pages = gt["pages"].as_u64();
        let ok_pages =
            want_user || want_pages.is_none() || want_pages == Some(u64::from(info.pages));
        // 4. text (pdftotext of the first 50 pages is not just whitespace)
        let want_text = gt["has_text"].as_bool();
        let ok_text = want_user || want_text.is_none() || want_text == Some(info.has_text);
        for (i, ok) in [ok_pdf, ok_user, ok_pages, ok_text].into_iter().enumerate() {
            agree[i] += usize::from(ok);
        }
        let all = ok_pdf && ok_user && ok_pages && ok_text;
        if !all && !lenient {
            failures.push(format!(
                "{name}: pdf {} (want {want_pdf}), user {:?} (want {want_user}), pages {} (want {want_pages:?}), text {} (want {want_text:?})",
                info.is_pdf, info.encryption, info.pages, info.has_text
            ));
        }
        rows.push(format!(
            "{name:50} {:5} {:6} {:>5} {:5} {:>9.1?}{}",
            info.is_pdf,
            format!("{:?}", info.encryption).to_lowercase(),
            info.pages,
            info.has_text,
            took,
            if all {
                ""
            } else if deliberate {
                "  (deliberate, see DELIBERATE)"
            } else if lenient {
                "  (tools disagree)"
            } else {
                "  MISMATCH"
            }
        ));
    }
    println!("{}", rows.join("\n"));
    println!(
        "{checked} files: opens {}/{checked}, user password {}/{checked}, pages {}/{checked}, text {}/{checked}",
        agree[0], agree[1], agree[2], agree[3]
    );
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn not_a_pdf_is_named() {
    let jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, b'J', b'F', b'I', b'F', 0];
    let i = inspect_pdf(&jpeg);
    assert!(!i.is_pdf);
    assert_eq!(i.kind, FileKind::Jpeg);
    assert_eq!(
        inspect_pdf(b"PK\x03\x04word/document.xml").kind,
        FileKind::Zip
    );
    assert_eq!(inspect_pdf(b"").kind, FileKind::Empty);
}

const GRAY_IMAGE: &str = "5 0 obj << /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 1 >> stream\nA\nendstream endobj\n";
/// One RGB pixel with color in it: R 65, G 126, B 48.
const RGB_IMAGE: &str = "5 0 obj << /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Length 3 >> stream\nA~0\nendstream endobj\n";
/// One RGB pixel that is gray (65, 65, 65): a gray scan saved as RGB.
const RGB_GRAY_IMAGE: &str = "5 0 obj << /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Length 3 >> stream\nAAA\nendstream endobj\n";

#[test]
fn census_tells_text_scan_ocr_and_color() {
    let text = inspect_pdf(&pdf_with(
        b"BT /F1 12 Tf 72 700 Td (NIT 900.373.115-3) Tj ET",
        "",
    ));
    assert!(text.is_pdf && text.has_text, "{text:?}");
    assert_eq!(text.page_census[0].kind, prevalida::pdf::PageKind::Text);
    // The ' and " operators show text too (pdf-extract 0.12 ignores them).
    let quote = inspect_pdf(&pdf_with(b"BT /F1 12 Tf 14 TL (a) ' 1 2 (b) \" ET", ""));
    assert_eq!(quote.page_census[0].text_ops, 2);
    let scan = inspect_pdf(&pdf_with(b"q 612 0 0 792 0 0 cm /Im1 Do Q", GRAY_IMAGE));
    assert_eq!(scan.page_census[0].kind, prevalida::pdf::PageKind::Image);
    assert_eq!(
        (scan.images.count, scan.images.gray, scan.images.color),
        (1, 1, 0)
    );
    assert!(!scan.has_text);
    // Pixels are sampled when asked (checkPdf with `color: true`); otherwise the color
    // space decides.
    let sampling = |b: &[u8]| {
        inspect_pdf_with(
            b,
            Limits {
                sample_pixels: true,
                ..Limits::default()
            },
        )
    };
    let color = sampling(&pdf_with(b"/Im1 Do", RGB_IMAGE));
    assert_eq!((color.images.color, color.images.sampled), (1, 1));
    // Its color space says RGB, its pixels say gray.
    let gray_rgb = pdf_with(b"/Im1 Do", RGB_GRAY_IMAGE);
    let i = sampling(&gray_rgb);
    assert_eq!((i.images.color, i.images.gray, i.images.sampled), (0, 1, 1));
    let i = inspect_pdf(&gray_rgb);
    assert_eq!((i.images.color, i.images.gray, i.images.sampled), (1, 0, 0));
    let ocr = inspect_pdf(&pdf_with(
        b"/Im1 Do BT 3 Tr /F1 12 Tf (texto reconocido) Tj ET",
        GRAY_IMAGE,
    ));
    assert_eq!(ocr.page_census[0].kind, prevalida::pdf::PageKind::Ocr);
    assert!(ocr.has_text);
    let mixed = inspect_pdf(&pdf_with(b"/Im1 Do BT (visible) Tj ET", RGB_IMAGE));
    assert_eq!(mixed.page_census[0].kind, prevalida::pdf::PageKind::Mixed);
}

/// The bound promised for a release build (what the package ships). Unoptimized test
/// builds run lopdf's parser ≈ 15× slower, so they get more room.
const DEADLINE: Duration = if cfg!(debug_assertions) {
    Duration::from_secs(40)
} else {
    Duration::from_secs(2)
};

#[test]
fn hostile_input_gets_a_verdict_in_time() {
    let deadline = DEADLINE;
    let mut cases: Vec<(&str, Vec<u8>)> = Vec::new();
    // A form XObject that paints itself: a cycle.
    let cyclic_form = "6 0 obj << /Type /XObject /Subtype /Form /BBox [0 0 1 1] /Resources << /XObject << /Fm1 6 0 R >> >> /Length 7 >> stream\n/Fm1 Do\nendstream endobj\n";
    cases.push(("cyclic form", pdf_with(b"/Fm1 Do", cyclic_form)));
    // A page tree whose kid is its own parent.
    cases.push(("cyclic page tree", b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >> endobj\n3 0 obj << /Type /Pages /Kids [2 0 R] /Parent 2 0 R /Count 1 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF".to_vec()));
    // 100,000 nested arrays.
    let mut deep = b"%PDF-1.4\n1 0 obj ".to_vec();
    deep.extend(std::iter::repeat_n(b'[', 100_000));
    deep.extend_from_slice(b" endobj\ntrailer << /Root 1 0 R >>\n%%EOF");
    cases.push(("deep nesting", deep));
    // 100,000 nested q operators and a long content stream of operators.
    let mut ops = "q ".repeat(100_000).into_bytes();
    ops.extend("0 0 m 1 1 l S ".repeat(200_000).as_bytes());
    cases.push(("long content", pdf_with(&ops, "")));
    // Truncated files.
    let whole = pdf_with(b"BT (hola) Tj ET", "");
    for cut in [9, 40, whole.len() / 2, whole.len() - 10] {
        cases.push(("truncated", whole[..cut].to_vec()));
    }
    // A ToUnicode CMap mapping all 2^32 codes, and 50,000 bfchar lines.
    let mut cmap = String::from("1 begincodespacerange <00000000> <FFFFFFFF> endcodespacerange\n1 beginbfrange <00000000> <FFFFFFFF> <0041> endbfrange\n50000 beginbfchar\n");
    for i in 0..50_000u32 {
        cmap.push_str(&format!("<{i:04X}> <0041>\n"));
    }
    cmap.push_str("endbfchar");
    let font = format!("8 0 obj << /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /ToUnicode 9 0 R >> endobj\n9 0 obj << /Length {} >> stream\n{cmap}\nendstream endobj\n", cmap.len());
    let text = "BT /F9 12 Tf <00410042> Tj ET ".repeat(20_000);
    let with_font = pdf_with_resources(text.as_bytes(), &font, "/Font << /F9 8 0 R >>");
    cases.push(("CMap bomb", with_font));
    // An RGB image inflating to 256 MB, checked for color (pixels sampled).
    cases.push(("image bomb", image_bomb()));
    // Twenty different RGB images of 30 MB each on one page: the sampling budget of the
    // file (96 MB) stops the inflating, not the number of images.
    let many = many_images(20);
    let r = prevalida::pdf::check_bytes(&many, many.len() as u64, &every_rule());
    assert_eq!(r.info.images.count, 20);
    assert!(r.info.images.sampled < 20, "{:?}", r.info.images);
    cases.push(("twenty 30 MB images", many));
    let mut peak_seen = 0;
    let mut slowest = (Duration::ZERO, "", "");
    for (what, bytes) in &cases {
        for (step, f) in [
            ("inspect", &(|| drop(inspect_pdf(bytes))) as &dyn Fn()),
            ("text", &|| {
                drop(prevalida::pdf::extract_text(bytes, &Default::default()))
            }),
            ("check", &|| {
                drop(prevalida::pdf::check_bytes(
                    bytes,
                    bytes.len() as u64,
                    &every_rule(),
                ))
            }),
        ] {
            let t = Instant::now();
            f();
            assert!(t.elapsed() < deadline, "{what}, {step}: {:?}", t.elapsed());
            slowest = slowest.max((t.elapsed(), what, step));
        }
        peak_seen = peak_seen.max(peak_rss());
    }
    // The whole test process (other tests run beside it), so an upper bound per case.
    println!(
        "hostile files: slowest {:?} ({}, {}); peak memory of the test process {} MB",
        slowest.0,
        slowest.1,
        slowest.2,
        peak_seen >> 20
    );
    assert!(peak_seen < 256 << 20, "{} MB", peak_seen >> 20);
}

/// The process's peak resident memory (Linux; 0 elsewhere).
fn peak_rss() -> usize {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<usize>().ok())
        })
        .map_or(0, |kb| kb << 10)
}

#[test]
fn a_flate_bomb_is_bounded() {
    // The census must stop at its stream limit (16 MB) instead of inflating it all.
    let pdf = flate_bomb();
    let t = Instant::now();
    let info = inspect_pdf(&pdf);
    assert!(t.elapsed() < DEADLINE, "{:?}", t.elapsed());
    assert!(info.is_pdf);
    assert_eq!(info.pages, 1);
    assert!(!info.has_text);
}

/// Corrupted corpus files (bytes flipped, runs deleted or repeated, truncations), fixed seed:
/// every one must get an answer without a panic (on wasm32 a panic aborts the instance, so it
/// is counted here, natively, where it can be caught) and within the time bound.
#[test]
fn mutated_corpus_files_never_panic() {
    let Some((dir, m)) = corpus() else {
        panic!("tests/corpus/pdf/MANIFEST.json is missing");
    };
    let files: Vec<Vec<u8>> = m["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| std::fs::read(dir.join(f["file"].as_str().unwrap())).unwrap())
        .collect();
    let mut mutator = mutate::Mutator::new(0x5eed_0f_0d_f00d);
    let cases = if cfg!(debug_assertions) { 300 } else { 3_000 };
    let (mut panics, mut slowest) = (Vec::new(), Duration::ZERO);
    for i in 0..cases {
        let b = mutator.mutant(&files);
        // Every entry point: the census, the text, and a check with every rule (pixel
        // sampling and the text rules included).
        let t = Instant::now();
        let r = std::panic::catch_unwind(|| {
            inspect_pdf(&b);
            prevalida::pdf::extract_text(&b, &Default::default());
            prevalida::pdf::check_bytes(&b, b.len() as u64, &every_rule());
        });
        slowest = slowest.max(t.elapsed());
        if r.is_err() {
            panics.push(i);
        }
    }
    println!(
        "{cases} mutated files: {} panics, slowest {slowest:?}",
        panics.len()
    );
    assert!(panics.is_empty(), "panics on cases {panics:?}");
    assert!(slowest < DEADLINE, "{slowest:?}");
}

/// Words of `s` for comparing extractions: lowercase letters and digits, in order.
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect()
}

/// Where our text deliberately differs from poppler's and pypdf's, and why.
const TEXT_DIFFERS: &[(&str, &str)] = &[(
    "pypdf__multilang.pdf",
    "Arabic comes out in the order it is drawn (visual, right to left reversed); poppler and \
     pypdf reorder right-to-left scripts into logical order. Latin, Cyrillic, CJK and Thai \
     words all match",
)];

/// `extractPdfText` against poppler's `pdftotext` and pypdf (their first 200 characters,
/// in MANIFEST.json): where both tools found text and agree on its words, at least 90 % of
/// those words must be in ours. Words are compared without spaces (a word the tools split
/// and we do not, or the other way round, still counts); files that need a user password
/// are skipped (the tools were given it; we never are). The table printed is the agreement
/// per file.
#[test]
fn shared_corpus_text() {
    use prevalida::pdf::{extract_text, TextOptions};
    let (dir, m) = corpus().expect("MANIFEST.json");
    let (mut compared, mut passed, mut words_seen, mut words_found) = (0, 0, 0usize, 0usize);
    let mut failures = Vec::new();
    for f in m["files"].as_array().unwrap() {
        let name = f["file"].as_str().unwrap();
        let bytes = std::fs::read(dir.join(name)).unwrap();
        let t = Instant::now();
        let text = extract_text(&bytes, &TextOptions::default());
        assert!(t.elapsed() < DEADLINE, "{name}: {:?}", t.elapsed());
        if f["ground_truth"]["user_password_required"].as_bool() == Some(true) {
            assert!(text.pages.is_empty(), "{name}");
            continue;
        }
        let tools = &f["tools"];
        let (Some(poppler), Some(pypdf)) = (
            tools["poppler"]["text_first_200"].as_str(),
            tools["pypdf"]["text_first_200"].as_str(),
        ) else {
            continue;
        };
        let (wp, wy) = (words(poppler), words(pypdf));
        // Compare on words both tools saw (the 200-character cut ends mid-word: drop the
        // last word of each).
        let common: Vec<&String> = wp[..wp.len().saturating_sub(1)]
            .iter()
            .filter(|w| wy.contains(w))
            .collect();
        if common.len() < 3 {
            continue;
        }
        let ours: String = words(&text.pages.join("\n")).concat();
        let found = common.iter().filter(|w| ours.contains(w.as_str())).count();
        compared += 1;
        words_seen += common.len();
        words_found += found;
        let rate = found as f64 / common.len() as f64;
        println!(
            "{name:50} {found:>3}/{:<3} {:5.1} %",
            common.len(),
            rate * 100.0
        );
        if rate >= 0.9 {
            passed += 1;
        } else if !TEXT_DIFFERS.iter().any(|(n, _)| *n == name) {
            failures.push(format!(
                "{name}: {found}/{} words; ours starts {:?}; poppler {:?}",
                common.len(),
                text.pages.join("\n").chars().take(200).collect::<String>(),
                poppler
            ));
        }
    }
    println!(
        "text: {passed}/{compared} files with ≥ 90 % of the reference words; {words_found}/{words_seen} words in all"
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A one-page PDF painting the JPEG `name` of tests/fixtures/jpeg/ as a DeviceRGB image.
fn jpeg_page(name: &str) -> Vec<u8> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/jpeg");
    let jpeg = std::fs::read(dir.join(name)).unwrap();
    let mut image = format!("5 0 obj << /Type /XObject /Subtype /Image /Width 240 /Height 320 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length {} >> stream\n", jpeg.len()).into_bytes();
    image.extend_from_slice(&jpeg);
    image.extend_from_slice(b"\nendstream endobj\n");
    let mut out = pdf_with(b"q 612 0 0 792 0 0 cm /Im1 Do Q", "");
    let at = out.windows(7).position(|w| w == b"trailer").unwrap();
    out.splice(at..at, image);
    out
}

/// ICERT wants a color scan: a gray page a phone saved as a color JPEG is told apart by its
/// chroma blocks (`checkPdf` with `color: true`), baseline or progressive.
#[test]
fn color_jpeg_scans_by_their_chroma() {
    use prevalida::pdf::{check_bytes, PdfRules};
    use prevalida::Code;
    let rules = PdfRules {
        color: true,
        ..Default::default()
    };
    for (name, gray) in [
        ("gray-as-rgb-baseline.jpg", true),
        ("gray-as-rgb-progressive.jpg", true),
        ("color-baseline.jpg", false),
        ("color-progressive.jpg", false),
    ] {
        let pdf = jpeg_page(name);
        let r = check_bytes(&pdf, pdf.len() as u64, &rules);
        assert_eq!(r.info.images.sampled, 1, "{name}");
        let needs_color = r.findings.iter().any(|f| f.code == Code::PdfNeedsColor);
        assert_eq!(needs_color, gray, "{name}: {:?}", r.info.images);
        // Without the color rule nothing is decoded: the color space decides.
        let info = inspect_pdf(&pdf);
        assert_eq!((info.images.color, info.images.sampled), (1, 0), "{name}");
    }
}

/// A well-formed text PDF of `pages` pages (one short line each, a Helvetica font), with a
/// cross-reference table, `startxref` and `%%EOF`: nothing to repair.
fn text_document(pages: usize) -> Vec<u8> {
    let mut objects: Vec<Vec<u8>> = Vec::new();
    let kids: Vec<String> = (0..pages).map(|i| format!("{} 0 R", 4 + 2 * i)).collect();
    objects.push(b"<< /Type /Catalog /Pages 2 0 R >>".to_vec());
    objects.push(
        format!(
            "<< /Type /Pages /Kids [{}] /Count {pages} >>",
            kids.join(" ")
        )
        .into_bytes(),
    );
    objects.push(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec());
    for i in 0..pages {
        objects.push(format!("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents {} 0 R >>", 5 + 2 * i).into_bytes());
        let content = format!(
            "BT /F1 12 Tf 72 720 Td (Certificado de existencia, pagina {}) Tj ET",
            i + 1
        );
        objects.push(
            format!(
                "<< /Length {} >>\nstream\n{content}\nendstream",
                content.len()
            )
            .into_bytes(),
        );
    }
    let mut out = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(o);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

/// The cuts of an upload interrupted mid-way: at 1 KB, at half, without its last 10 bytes.
fn cuts(bytes: &[u8]) -> Vec<(&'static str, &[u8])> {
    let mut out = vec![
        ("half", &bytes[..bytes.len() / 2]),
        ("last 10 bytes removed", &bytes[..bytes.len() - 10]),
    ];
    if bytes.len() > 2048 {
        out.push(("1 KB", &bytes[..1024]));
    }
    out
}

/// Issue 10 item 4: a file cut short is `incomplete` and fails `checkPdf` with
/// `pdf.incomplete` (not the warning `pdf.repaired`), under every content rule; the whole
/// file is not. Corpus files of every kind (text, scans, linearized, cross-reference streams,
/// object streams, incremental updates, encrypted) and generated ones.
#[test]
fn cut_files_are_incomplete() {
    use prevalida::pdf::{check_bytes, Content, PdfRules};
    use prevalida::Code;
    let (dir, m) = corpus().unwrap();
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    for f in m["files"].as_array().unwrap() {
        let name = f["file"].as_str().unwrap();
        let gt = &f["ground_truth"];
        // Every corpus file that opens and is more than a few hundred bytes.
        if gt["parse_ok"].as_bool() == Some(true) && f["size"].as_u64().unwrap() > 600 {
            files.push((name.to_owned(), std::fs::read(dir.join(name)).unwrap()));
        }
    }
    assert!(files.len() > 50, "{}", files.len());
    files.push(("generated text, 1 page".into(), text_document(1)));
    files.push(("generated text, 40 pages".into(), text_document(40)));
    files.push(("generated scan".into(), jpeg_page("color-baseline.jpg")));
    let mut failures = Vec::new();
    let mut cut_count = 0;
    for (name, bytes) in &files {
        for (cut, b) in cuts(bytes) {
            // Cut at half, this file is a complete revision (its `%%EOF`) followed by filler
            // bytes ("wwww…"): nothing tells it from a complete file with junk after `%%EOF`.
            if name == "qpdf__recover-xref-stream.pdf" && cut == "half" {
                continue;
            }
            cut_count += 1;
            let info = inspect_pdf(b);
            if !info.incomplete {
                failures.push(format!("{name} ({cut}): not incomplete"));
                continue;
            }
            for content in [Content::Any, Content::Text, Content::Scan] {
                let rules = PdfRules {
                    content,
                    ..Default::default()
                };
                let r = check_bytes(b, b.len() as u64, &rules);
                let codes: Vec<Code> = r.findings.iter().map(|f| f.code).collect();
                // Nothing about the pages of what is left (nor pdf.repaired): only the cut,
                // and what the file says of itself (encryption, JavaScript, a work bound).
                let other = codes.iter().any(|c| {
                    !matches!(
                        c,
                        Code::PdfIncomplete
                            | Code::PdfEncryptedUser
                            | Code::PdfEncryptedOwner
                            | Code::PdfJavascript
                            | Code::PdfTooComplex
                    )
                });
                if r.ok || !codes.contains(&Code::PdfIncomplete) || other {
                    failures.push(format!(
                        "{name} ({cut}, {content:?}): ok {} {codes:?}",
                        r.ok
                    ));
                }
            }
        }
    }
    println!("{} files, {cut_count} cuts", files.len());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // The generated files whole: complete, nothing to repair.
    for pages in [1, 40] {
        let whole = inspect_pdf(&text_document(pages));
        assert!(
            !whole.incomplete && !whole.repaired && whole.has_text,
            "{whole:?}"
        );
    }
    assert!(!inspect_pdf(&jpeg_page("color-baseline.jpg")).incomplete);
}

/// The corpus files that are complete are not `incomplete`: the only one said to be is the
/// one its MANIFEST tags `truncated` (`no-eof-marker`). A complete file whose cross-reference
/// data needed rebuilding stays `repaired` (the warning).
#[test]
fn corpus_files_incomplete_only_when_truncated() {
    let (dir, m) = corpus().unwrap();
    let mut said = Vec::new();
    for f in m["files"].as_array().unwrap() {
        let name = f["file"].as_str().unwrap();
        let info = inspect_pdf(&std::fs::read(dir.join(name)).unwrap());
        let tags: Vec<&str> = f["tags"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|t| t.as_str())
            .collect();
        if info.incomplete {
            said.push(name);
            assert!(tags.contains(&"truncated"), "{name}: {tags:?}");
        }
    }
    assert_eq!(said, ["qpdf__recover-xref-stream.pdf"]);
    let rebuilt =
        inspect_pdf(&std::fs::read(dir.join("pdfium__parser_rebuildxref_correct.pdf")).unwrap());
    assert!(rebuilt.repaired && !rebuilt.incomplete, "{rebuilt:?}");
    let r = prevalida::pdf::check_bytes(
        &std::fs::read(dir.join("pdfium__parser_rebuildxref_correct.pdf")).unwrap(),
        615,
        &Default::default(),
    );
    assert!(r.ok);
    assert_eq!(
        r.findings.iter().map(|f| f.code).collect::<Vec<_>>(),
        [prevalida::Code::PdfRepaired]
    );
}

/// Issue 10 item 5: text means characters that are painted and are not white space.
#[test]
fn white_space_is_not_text_and_blank_pages_fail_content_rules() {
    use prevalida::pdf::{check_bytes, Content, PageKind, PdfRules};
    use prevalida::Code;
    let check = |pdf: &[u8], content| {
        let rules = PdfRules {
            content,
            ..Default::default()
        };
        let r = check_bytes(pdf, pdf.len() as u64, &rules);
        (r.ok, r.findings.iter().map(|f| f.code).collect::<Vec<_>>())
    };
    // Spaces, tabs, line ends, NUL and no-break spaces in a simple font: nothing.
    let blank = pdf_with(
        b"BT /F1 12 Tf 72 700 Td (   ) Tj [( ) -250 (\\t\\n\\r) <20a000>] TJ (\\040) ' ET",
        "",
    );
    let i = inspect_pdf(&blank);
    assert!(!i.has_text && i.text_chars == 0, "{i:?}");
    assert_eq!(i.page_census[0].kind, PageKind::Empty);
    assert_eq!(i.page_census[0].text_ops, 0);
    // A page of spaces in a composite font whose ToUnicode maps code 3 to a space; the
    // same font's code 0x24 is an "A".
    let cmap = "/CIDInit /ProcSet findresource begin 12 dict begin begincmap 1 begincodespacerange <0000> <FFFF> endcodespacerange 2 beginbfchar <0003> <0020> <0024> <0041> endbfchar endcmap end end";
    let font = format!("7 0 obj << /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /ToUnicode 8 0 R >> endobj\n8 0 obj << /Length {} >> stream\n{cmap}\nendstream endobj\n", cmap.len());
    let type0 = |content: &[u8]| pdf_with_resources(content, &font, "/Font << /F0 7 0 R >>");
    let spaces = inspect_pdf(&type0(
        b"BT /F0 12 Tf (\\000\\003\\000\\003) Tj [<00030003>] TJ ET",
    ));
    assert!(!spaces.has_text && spaces.text_chars == 0, "{spaces:?}");
    let a = inspect_pdf(&type0(b"BT /F0 12 Tf <0003002400240003> Tj ET"));
    assert!(a.has_text && a.text_chars == 2, "{a:?}");
    // Visible characters among spaces count alone.
    let some = inspect_pdf(&pdf_with(b"BT /F1 12 Tf (  NIT 900 ) Tj ET", ""));
    assert_eq!(
        (some.text_chars, some.page_census[0].kind),
        (6, PageKind::Text)
    );
    // An OCR layer of spaces over nothing is not an OCR page.
    let ocr = inspect_pdf(&pdf_with(b"BT 3 Tr /F1 12 Tf (    ) Tj ET", ""));
    assert!(
        !ocr.has_text && ocr.page_census[0].kind == PageKind::Empty,
        "{ocr:?}"
    );
    // Whitespace-only and content-less pages fail `content: "text"` and `"scan"` with
    // `pdf.blank`; `"any"` says nothing.
    let no_contents = {
        let mut d = pdf_with(b"", "");
        let s = String::from_utf8_lossy(&d).replace("/Contents 4 0 R ", "");
        d = s.into_bytes();
        d
    };
    let empty_stream = pdf_with(b"", "");
    for (name, pdf) in [
        ("spaces", &blank),
        ("no /Contents", &no_contents),
        ("empty stream", &empty_stream),
        ("composite spaces", &type0(b"BT /F0 12 Tf <0003> Tj ET")),
    ] {
        for content in [Content::Text, Content::Scan] {
            let (ok, codes) = check(pdf, content);
            assert!(
                !ok && codes.contains(&Code::PdfBlank),
                "{name} {content:?}: {codes:?}"
            );
        }
        let (ok, codes) = check(pdf, Content::Any);
        assert!(ok && !codes.contains(&Code::PdfBlank), "{name}: {codes:?}");
    }
    // A text page, and a scan, are not blank.
    let (ok, codes) = check(&text_document(2), Content::Text);
    assert!(ok && codes.is_empty(), "{codes:?}");
    let (ok, codes) = check(&jpeg_page("color-baseline.jpg"), Content::Scan);
    assert!(ok && !codes.contains(&Code::PdfBlank), "{codes:?}");
}
