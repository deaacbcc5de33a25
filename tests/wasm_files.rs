//! The PDF module compiled to wasm32, run by wasm-bindgen-test in Node and in headless
//! Chromium (`cargo test --target wasm32-unknown-unknown --features files --test wasm_files`;
//! scripts/test.sh). On wasm32 a panic aborts the instance (`catch_unwind` cannot help), so
//! here a panic on any input fails the whole run: corpus files and mutated copies of them go
//! through every entry point of the module's boundary, as the package calls it.
#![cfg(all(target_arch = "wasm32", feature = "files"))]

#[path = "common/hostile.rs"]
mod hostile;
#[path = "common/mutate.rs"]
mod mutate;

use prevalida::js::files::run;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

/// Corpus files of each kind the module meets: text, forms, object streams, AES and RC4
/// encryption, a damaged xref, images, CMaps, a missing trailer.
const FILES: &[&[u8]] = &[
    include_bytes!("corpus/pdf/qpdf__minimal.pdf"),
    include_bytes!("corpus/pdf/samples__pdflatex-4-pages.pdf"),
    include_bytes!("corpus/pdf/samples__google-doc-document.pdf"),
    include_bytes!("corpus/pdf/samples__grayscale-image.pdf"),
    include_bytes!("corpus/pdf/samples__inline-image.pdf"),
    include_bytes!("corpus/pdf/qpdf__object-stream.pdf"),
    include_bytes!("corpus/pdf/qpdf__enc-R3_V2_O_master.pdf"),
    include_bytes!("corpus/pdf/qpdf__V4-aes.pdf"),
    include_bytes!("corpus/pdf/qpdf__bad-xref.pdf"),
    include_bytes!("corpus/pdf/pypdf__multilang.pdf"),
    include_bytes!("corpus/pdf/pdfium__parser_rebuildxref_error_notrailer.pdf"),
    include_bytes!("corpus/pdf/qpdf__pages-loop.pdf"),
];

/// A JS value from JSON text.
fn js(json: &str) -> JsValue {
    js_sys::JSON::parse(json).unwrap()
}

/// Every operation of the files module on `bytes`, as the package asks for them.
fn all_entry_points(bytes: &[u8]) -> (String, String, String) {
    let size = bytes.len();
    let op = |name: &str| js(&format!("{{\"op\":\"{name}\",\"size\":{size}}}"));
    let info = run(op("inspectPdf"), bytes, JsValue::UNDEFINED).unwrap();
    let text = run(op("extractPdfText"), bytes, JsValue::UNDEFINED).unwrap();
    let rules = js(
        r#"{"maxBytes":1000000,"minPages":2,"maxPages":10,"encryption":"forbid",
        "content":"text","color":true,"mustContain":["900.123.456-7","Potato"],
        "issuedWithinDays":30,"today":"2026-12-01","lang":"es"}"#,
    );
    let check = run(op("checkPdf"), bytes, rules).unwrap();
    (info, text, check)
}

#[wasm_bindgen_test]
fn corpus_files_in_wasm() {
    let (info, text, check) = all_entry_points(FILES[0]);
    assert!(
        info.contains("\"isPdf\":true") && info.contains("\"pages\":1"),
        "{info}"
    );
    assert!(text.contains("Potato"), "{text}");
    // Potato is found; the NIT is not, the date neither; one page where two are needed.
    assert!(
        check.contains("pdf.missing_text") && check.contains("pdf.too_few_pages"),
        "{check}"
    );
    assert!(!check.contains("«Potato»"), "{check}");
    for f in FILES {
        let (info, text, check) = all_entry_points(f);
        assert!(info.starts_with('{') && text.starts_with('{') && check.starts_with('{'));
    }
}

/// 150 mutated files in three tests of 50 (each its own seed), so that no test holds the
/// page's main thread long: the browser driver gives up on a page busy for 20 s.
fn mutants(seed: u64) {
    let t = Timer::start();
    let mut mutator = mutate::Mutator::new(seed);
    for _ in 0..50 {
        let b = mutator.mutant(&FILES);
        all_entry_points(&b);
    }
    t.log("50 mutated files");
}

#[wasm_bindgen_test]
fn mutated_files_never_trap_in_wasm_1() {
    mutants(0x0dd_ba11);
}

#[wasm_bindgen_test]
fn mutated_files_never_trap_in_wasm_2() {
    mutants(0x0dd_ba12);
}

#[wasm_bindgen_test]
fn mutated_files_never_trap_in_wasm_3() {
    mutants(0x0dd_ba13);
}

/// How long a test held the thread, logged (never asserted: timings are not tests).
struct Timer(f64);

impl Timer {
    fn start() -> Timer {
        Timer(js_sys::Date::now())
    }
    fn log(&self, what: &str) {
        let ms = js_sys::Date::now() - self.0;
        wasm_bindgen_test::console_log!("{what}: {ms:.0} ms");
    }
}

#[wasm_bindgen_test]
fn hostile_inputs_in_wasm() {
    let mut deep = b"%PDF-1.4\n1 0 obj ".to_vec();
    deep.extend(std::iter::repeat_n(b'[', 100_000));
    deep.extend_from_slice(b" endobj\ntrailer << /Root 1 0 R >>\n%%EOF");
    for bytes in [
        deep,
        b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [2 0 R] /Count 1 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF".to_vec(),
        b"%PDF-".to_vec(),
        vec![],
        vec![0xFF; 4096],
    ] {
        all_entry_points(&bytes);
    }
}

/// The wasm instance's memory, in bytes (it only grows: this is the peak so far).
fn memory_bytes() -> f64 {
    use wasm_bindgen::JsCast;
    let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
    memory
        .buffer()
        .unchecked_into::<js_sys::ArrayBuffer>()
        .byte_length() as f64
}

/// Decompression bombs through the wasm build: a 256 MB content stream, a 256 MB RGB image
/// checked for color, twenty 30 MB images, one test each. Each is bounded (16 MB per stream,
/// 96 MB of pixels per file, two rows held), so the instance's memory stays far below 256 MB.
fn bomb(what: &str, bytes: Vec<u8>) {
    let t = Timer::start();
    let r = prevalida::pdf::check_bytes(&bytes, bytes.len() as u64, &hostile::every_rule());
    assert!(r.info.is_pdf, "{what}");
    let mb = memory_bytes() / 1048576.0;
    t.log(&format!("{what} (wasm memory {mb:.1} MB)"));
    assert!(mb < 256.0, "{what}: {mb} MB");
}

#[wasm_bindgen_test]
fn flate_bomb_stays_small_in_wasm() {
    bomb("flate bomb", hostile::flate_bomb());
}

#[wasm_bindgen_test]
fn image_bomb_stays_small_in_wasm() {
    bomb("image bomb", hostile::image_bomb());
}

#[wasm_bindgen_test]
fn many_images_stay_small_in_wasm() {
    bomb("twenty 30 MB images", hostile::many_images(20));
}

/// Certificate files in wasm, where the legacy KDF runs its SHA-1 chains in SIMD lanes
/// (crates/hash-chain, built with simd128 as the package's files module is): each legacy and
/// modern fixture opens with its password, shows its holder, and refuses a wrong one.
#[wasm_bindgen_test]
fn certificates_in_wasm() {
    let files: [&[u8]; 4] = [
        include_bytes!("fixtures/p12/legacy.p12"),
        include_bytes!("fixtures/p12/des3_sha1.p12"),
        include_bytes!("fixtures/p12/modern.p12"),
        include_bytes!("fixtures/p12/legacy_unicode.p12"),
    ];
    let passwords = ["Prueba#2024", "Prueba#2024", "Prueba#2024", "Ñandú#2024"];
    for (bytes, password) in files.iter().zip(passwords) {
        let op = js(&format!(
            "{{\"op\":\"checkCertificate\",\"size\":{}}}",
            bytes.len()
        ));
        let options = js(&format!(
            "{{\"password\":{password:?},\"at\":\"2026-12-01\"}}"
        ));
        let right = run(op.clone(), bytes, options).unwrap();
        assert!(
            right.contains("\"hasKey\":true")
                && right.contains("\"keyMatchesCertificate\":true")
                && right.contains("JUAN P"),
            "{right}"
        );
        let wrong = run(op, bytes, js(r#"{"password":"Prueba#2025"}"#)).unwrap();
        assert!(wrong.contains("p12.wrong_password"), "{wrong}");
    }
}
