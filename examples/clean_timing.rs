//! `cargo run --release --example clean_timing [inputs…]`: per-call time of the email check,
//! natively (the clean fast path and the full check).
use prevalida::email::{check_email, is_clean, EmailOptions};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let inputs: Vec<&str> = if args.is_empty() {
        vec![
            "dguerrero@dian.gov.co",
            "ana.maria+dian@gmail.com",
            "juan.gmail.com",
            "ventas@empresa,com,co",
        ]
    } else {
        args.iter().map(String::as_str).collect()
    };
    let opts = EmailOptions {
        skip_messages: true,
        ..Default::default()
    };
    for v in inputs {
        let n: u32 = std::env::var("N")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(500_000);
        let t = std::time::Instant::now();
        for _ in 0..n {
            std::hint::black_box(is_clean(std::hint::black_box(v)));
        }
        let clean = t.elapsed().as_nanos() as f64 / f64::from(n);
        let t = std::time::Instant::now();
        for _ in 0..n {
            std::hint::black_box(check_email(std::hint::black_box(v), &opts));
        }
        let full = t.elapsed().as_nanos() as f64 / f64::from(n);
        println!("{v:30} is_clean {clean:7.1} ns   check_email {full:7.1} ns");
    }
}
