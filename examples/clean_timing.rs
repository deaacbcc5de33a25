//! `cargo run --release --example clean_timing`: the clean-address fast path, natively.
fn main() {
    for v in [
        "dguerrero@dian.gov.co",
        "ana.maria+dian@gmail.com",
        "dguerrero.dian.gov.co",
    ] {
        let n = 2_000_000;
        let t = std::time::Instant::now();
        for _ in 0..n {
            std::hint::black_box(prevalida::email::is_clean(std::hint::black_box(v)));
        }
        println!("{v:30} {:.1} ns", t.elapsed().as_nanos() as f64 / n as f64);
    }
}
