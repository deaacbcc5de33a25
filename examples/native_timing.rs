//! Per-call time of the core without the JS boundary (native, release):
//! `cargo run --release --example native_timing`. The JS comparison is `make bench`.
use prevalida::email::{check_email, EmailOptions};
use prevalida::password::{check_password, PasswordOptions, Policy, PolicyName};
use std::time::Instant;

fn main() {
    let emails = [
        "dguerrero@dian.gov.co",
        "ventas@empresa,com,co",
        "ana@gmail.con",
        "ana..b@gmail.com",
        "info@español.com",
        "dguerrero@diان.gov.co",
    ];
    let pws = [
        "Colombia2024*",
        "Contraseña1",
        "Vaca-Azul-Monte-42",
        "T9#kq!Lm2@xZ",
        "tres tristes tigres comen trigo",
    ];
    let eo = EmailOptions {
        skip_messages: true,
        ..Default::default()
    };
    let po = PasswordOptions {
        policy: Policy::Named(PolicyName::Gse),
        confirmation: None,
        personal: vec![],
        lang: Default::default(),
        field: None,
        skip_messages: true,
    };
    let n = if std::env::args().any(|a| a == "email") {
        200000
    } else {
        20000
    };
    let t = Instant::now();
    for _ in 0..n {
        for e in emails {
            std::hint::black_box(check_email(e, &eo));
        }
    }
    println!(
        "check_email    {:.2} µs/call",
        t.elapsed().as_secs_f64() * 1e6 / (n * emails.len()) as f64
    );
    if std::env::args().any(|a| a == "email") {
        return;
    }
    let t = Instant::now();
    for _ in 0..n / 10 {
        for p in pws {
            std::hint::black_box(check_password(p, &po).ok());
        }
    }
    println!(
        "check_password {:.2} µs/call",
        t.elapsed().as_secs_f64() * 1e6 / (n / 10 * pws.len()) as f64
    );
}
