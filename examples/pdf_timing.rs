//! `cargo run --release --features files --example pdf_timing -- files…`: where the time of
//! `inspectPdf` and `extractPdfText` goes, natively (load, census, text), per file.
use std::time::Instant;
fn main() {
    for path in std::env::args().skip(1) {
        let bytes = std::fs::read(&path).expect("readable");
        let best = |f: &dyn Fn()| {
            (0..5)
                .map(|_| {
                    let t = Instant::now();
                    f();
                    t.elapsed().as_secs_f64() * 1e3
                })
                .fold(f64::MAX, f64::min)
        };
        let load = best(&|| {
            let _ = lopdf::Document::load_mem(&bytes);
        });
        let inspect = best(&|| {
            prevalida::pdf::inspect_pdf(&bytes);
        });
        let text = best(&|| {
            prevalida::pdf::extract_text(&bytes, &Default::default());
        });
        println!(
            "{path}: {} bytes; lopdf load {load:.2} ms, inspect {inspect:.2} ms, text {text:.2} ms",
            bytes.len()
        );
    }
}
