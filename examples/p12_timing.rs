//! Native time to open the PKCS#12 fixtures: `cargo run --release --features files --example
//! p12_timing`. Printed, never asserted.

use std::time::Instant;

fn main() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/p12/");
    for (name, pw) in [
        ("modern.p12", "Prueba#2024"),
        ("legacy.p12", "Prueba#2024"),
        ("des3_sha1.p12", "Prueba#2024"),
        ("aes128_sha1mac.p12", "Prueba#2024"),
    ] {
        let Ok(bytes) = std::fs::read(format!("{dir}{name}")) else {
            continue;
        };
        let runs = 20;
        let t = Instant::now();
        for _ in 0..runs {
            let _ = prevalida::p12::open(&bytes, Some(pw));
        }
        let ok = t.elapsed() / runs;
        let t = Instant::now();
        for _ in 0..runs {
            let _ = prevalida::p12::open(&bytes, Some("wrong"));
        }
        println!(
            "{name}: open {ok:?}, wrong password {:?}",
            t.elapsed() / runs
        );
    }
}
