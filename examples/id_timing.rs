//! `cargo run --release --example id_timing`: native time of checkId / checkPhone on the
//! inputs of `bench/bench.mjs`, for profiling (perf, callgrind) without the JS boundary.
use prevalida::id::{check_id, IdOptions, Kind};
use prevalida::phone::{check_phone, Country, PhoneOptions};

fn main() {
    let n: u32 = std::env::var("N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200_000);
    let id = IdOptions {
        skip_messages: true,
        ..Default::default()
    };
    let ph = PhoneOptions {
        skip_messages: true,
        ..Default::default()
    };
    let ids = [
        (Kind::CoNit, "8001972684"),
        (Kind::CoNit, "800197268-5"),
        (Kind::ClRut, "60803000-K"),
        (Kind::EcRuc, "1793213150001"),
    ];
    for (k, v) in ids {
        let t = std::time::Instant::now();
        for _ in 0..n {
            std::hint::black_box(check_id(k, std::hint::black_box(v), &id));
        }
        println!(
            "{k:?} {v:20} {:6.0} ns",
            t.elapsed().as_nanos() as f64 / f64::from(n)
        );
    }
    for (c, v) in [
        (Country::Co, "3211234567"),
        (Country::Co, "2281260"),
        (Country::Cl, "+56 9 6123 4567"),
    ] {
        let t = std::time::Instant::now();
        for _ in 0..n {
            std::hint::black_box(check_phone(c, std::hint::black_box(v), &ph));
        }
        println!(
            "{c:?} {v:20} {:6.0} ns",
            t.elapsed().as_nanos() as f64 / f64::from(n)
        );
    }
}
