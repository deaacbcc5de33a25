//! `N=… cargo run --release --example full_timing`: the full email check (no fast path) on
//! the mistakes of `bench/bench.mjs`, for callgrind and perf.
use prevalida::email::{check_email_full, EmailOptions};

const MISTAKES: &[&str] = &[
    "ventas@empresa,com,co",
    "ana@gmail.con",
    "ana@hotmial.com",
    "ana maria@gmail.com",
    " ana@gmail.com ",
    "ana@gmail",
    "ana..b@gmail.com",
    ".ana@gmail.com",
    "a@b@c.com",
    "juan.gmail.com",
    "peña@gmail.com",
    "info@español.com",
    "dguerrero@diان.gov.co",
    "ana@-empresa.com",
    "pagos@diаn.gov.co",
    "",
];

fn main() {
    let n: u32 = std::env::var("N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let opts = EmailOptions {
        skip_messages: true,
        ..Default::default()
    };
    let mut total = 0f64;
    for m in MISTAKES {
        let t = std::time::Instant::now();
        for _ in 0..n {
            std::hint::black_box(check_email_full(std::hint::black_box(m), &opts));
        }
        let per = t.elapsed().as_nanos() as f64 / f64::from(n);
        total += per;
        println!("{:28} {per:7.0} ns", format!("{m:?}"));
    }
    println!(
        "check_email_full on mistakes: {:.0} ns/call on average",
        total / MISTAKES.len() as f64
    );
}
