//! The fixtures of tests/fixtures/p12/ (made by its make.sh with OpenSSL 3.0.19).

use super::*;

const PW: &str = "Prueba#2024";
/// "Ñandú#2024" in NFC, as the fixtures were made.
const UPW: &str = "\u{d1}and\u{fa}#2024";
/// The same password in NFD: it looks identical and must not open the files.
const UPW_NFD: &str = "N\u{303}andu\u{301}#2024";

macro_rules! fixture {
    ($name:literal) => {
        include_bytes!(concat!("../../tests/fixtures/p12/", $name))
    };
}

/// (name, bytes, password) of every file that opens.
fn good() -> Vec<(&'static str, &'static [u8], &'static str)> {
    vec![
        ("modern", fixture!("modern.p12"), PW),
        ("legacy", fixture!("legacy.p12"), PW),
        ("des3_sha1", fixture!("des3_sha1.p12"), PW),
        ("aes128_sha1mac", fixture!("aes128_sha1mac.p12"), PW),
        ("modern_unicode", fixture!("modern_unicode.p12"), UPW),
        ("legacy_unicode", fixture!("legacy_unicode.p12"), UPW),
        ("certonly_nomac", fixture!("certonly_nomac.p12"), PW),
        ("keyonly", fixture!("keyonly.p12"), PW),
        ("mismatch", fixture!("mismatch.p12"), PW),
        ("expired", fixture!("expired.p12"), PW),
        ("notyet", fixture!("notyet.p12"), PW),
    ]
}

fn attr<'a>(name: &'a [Attribute], oid: &str) -> Option<&'a str> {
    name.iter().find(|(o, _)| o == oid).map(|(_, v)| v.as_str())
}

fn dt(year: u16, month: u8, day: u8, hour: u8, minute: u8, second: u8) -> DateTime {
    DateTime {
        year,
        month,
        day,
        hour,
        minute,
        second,
    }
}

#[test]
fn every_fixture_opens_with_its_password() {
    for (name, bytes, pw) in good() {
        let o = open(bytes, Some(pw)).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        let (certs, keys) = match name {
            "modern" => (2, 1),
            "certonly_nomac" => (1, 0),
            "keyonly" => (0, 1),
            _ => (1, 1),
        };
        assert_eq!(o.certificates.len(), certs, "{name}");
        assert_eq!(o.keys.len(), keys, "{name}");
        assert!(
            o.max_iterations == 2048 || name == "certonly_nomac",
            "{name}"
        );
        assert_eq!(password_verifiable(&o), name != "certonly_nomac", "{name}");
    }
}

#[test]
fn encryption_and_mac_are_reported() {
    let cases: [(&[u8], Encryption, Option<&str>); 5] = [
        (fixture!("modern.p12"), Encryption::Modern, Some("SHA-256")),
        (fixture!("legacy.p12"), Encryption::Legacy, Some("SHA-1")),
        (fixture!("des3_sha1.p12"), Encryption::Legacy, Some("SHA-1")),
        (
            fixture!("aes128_sha1mac.p12"),
            Encryption::Modern,
            Some("SHA-1"),
        ),
        (fixture!("certonly_nomac.p12"), Encryption::None, None),
    ];
    for (bytes, encryption, digest) in cases {
        let o = open(bytes, Some(PW)).unwrap();
        assert_eq!(o.encryption, encryption);
        assert_eq!(o.mac.as_ref().map(|m| m.digest), digest);
        if let Some(m) = &o.mac {
            assert_eq!(m.iterations, 2048);
        }
    }
}

#[test]
fn wrong_or_missing_password_is_refused() {
    for (name, bytes, pw) in good() {
        if name == "certonly_nomac" {
            continue;
        }
        for wrong in ["prueba#2024", "Prueba#2024 ", "", "x"] {
            if wrong != pw {
                assert_eq!(
                    open(bytes, Some(wrong)),
                    Err(OpenError::WrongPassword),
                    "{name} {wrong:?}"
                );
            }
        }
        assert_eq!(
            open(bytes, None),
            Err(OpenError::PasswordRequired),
            "{name}"
        );
    }
}

#[test]
fn a_file_without_mac_or_encryption_opens_with_any_password() {
    let bytes = fixture!("certonly_nomac.p12");
    for pw in [None, Some(""), Some("anything")] {
        let o = open(bytes, pw).unwrap();
        assert_eq!(o.certificates.len(), 1);
        assert!(o.mac.is_none());
        assert!(!password_verifiable(&o));
    }
}

#[test]
fn unicode_passwords_open_only_with_the_exact_bytes() {
    assert_ne!(UPW, UPW_NFD);
    for bytes in [
        fixture!("modern_unicode.p12").as_slice(),
        fixture!("legacy_unicode.p12"),
    ] {
        assert!(open(bytes, Some(UPW)).is_ok());
        assert_eq!(open(bytes, Some(UPW_NFD)), Err(OpenError::WrongPassword));
        assert_eq!(
            open(bytes, Some(" \u{d1}and\u{fa}#2024")),
            Err(OpenError::WrongPassword)
        );
        assert_eq!(
            open(bytes, Some("\u{f1}and\u{fa}#2024")),
            Err(OpenError::WrongPassword)
        );
    }
}

#[test]
fn the_holder_certificate_fields() {
    let o = open(fixture!("modern.p12"), Some(PW)).unwrap();
    let leaf = o.certificates.iter().find(|c| !c.is_ca).unwrap();
    let ca = o.certificates.iter().find(|c| c.is_ca).unwrap();
    assert_eq!(attr(&leaf.subject, "2.5.4.3"), Some("JUAN PÉREZ GÓMEZ"));
    assert_eq!(attr(&leaf.subject, "2.5.4.6"), Some("CO"));
    assert_eq!(
        attr(&leaf.subject, "2.5.4.10"),
        Some("EMPRESA DE PRUEBA S.A.S.")
    );
    assert_eq!(attr(&leaf.subject, "2.5.4.5"), Some("900123456"));
    assert_eq!(attr(&leaf.subject, "2.5.4.97"), Some("NITCO-900123456-7"));
    let order: Vec<&str> = leaf.subject.iter().map(|(o, _)| o.as_str()).collect();
    assert_eq!(
        order,
        ["2.5.4.6", "2.5.4.10", "2.5.4.3", "2.5.4.5", "2.5.4.97"]
    );
    assert_eq!(attr(&leaf.issuer, "2.5.4.3"), Some("CA DE PRUEBA RAIZ"));
    assert_eq!(leaf.issuer, ca.subject);
    assert_eq!(leaf.serial_hex, "1A2B3C4D5E6F");
    assert_eq!(ca.serial_hex, "01");
    assert_eq!(leaf.not_before, dt(2026, 1, 1, 0, 0, 0));
    assert_eq!(leaf.not_after, dt(2027, 12, 31, 23, 59, 59));
    assert_eq!(
        leaf.san_other_names,
        [("1.3.6.1.4.1.8321.1".to_string(), "12345678-5".to_string())]
    );
    assert_eq!(leaf.san_emails, ["juan.perez@empresa.com.co"]);
    assert_eq!(leaf.key_algorithm_oid, "1.2.840.113549.1.1.1");
    assert!(!leaf.is_ca);
    // Every other kind of file holds the same certificate.
    for (name, bytes, pw) in good() {
        if matches!(
            name,
            "keyonly" | "mismatch" | "expired" | "notyet" | "modern"
        ) {
            continue;
        }
        let other = open(bytes, Some(pw)).unwrap();
        let c = other.certificates.first().unwrap();
        assert_eq!(c.subject, leaf.subject, "{name}");
        assert_eq!(c.serial_hex, leaf.serial_hex, "{name}");
        assert_eq!(c.san_other_names, leaf.san_other_names, "{name}");
    }
}

#[test]
fn validity_of_expired_and_future_certificates() {
    let e = open(fixture!("expired.p12"), Some(PW)).unwrap();
    let c = e.certificates.first().unwrap();
    assert_eq!(c.not_before, dt(2020, 1, 1, 0, 0, 0));
    assert_eq!(c.not_after, dt(2021, 1, 1, 0, 0, 0));
    assert_eq!(c.serial_hex, "1A2B3C4D5E70");
    let n = open(fixture!("notyet.p12"), Some(PW)).unwrap();
    let c = n.certificates.first().unwrap();
    assert_eq!(c.not_before, dt(2030, 1, 1, 0, 0, 0));
    assert_eq!(c.not_after, dt(2031, 1, 1, 0, 0, 0));
    assert!(c.not_before > dt(2027, 12, 31, 23, 59, 59));
}

#[test]
fn keys_match_their_certificates() {
    for (name, bytes, pw) in good() {
        let o = open(bytes, Some(pw)).unwrap();
        let (Some(key), Some(cert)) = (o.keys.first(), o.certificates.first()) else {
            continue;
        };
        assert_eq!(key.algorithm_oid, "1.2.840.113549.1.1.1", "{name}");
        assert!(key.public_key.is_some(), "{name}");
        assert_eq!(matches(cert, key), name != "mismatch", "{name}");
    }
    // The CA in modern.p12 is not the key's.
    let o = open(fixture!("modern.p12"), Some(PW)).unwrap();
    let ca = o.certificates.iter().find(|c| c.is_ca).unwrap();
    assert!(!matches(ca, &o.keys[0]));
}

#[test]
fn too_many_iterations_are_refused_before_running() {
    let bytes = fixture!("iter2m.p12");
    for pw in [Some(PW), Some("wrong"), None] {
        assert_eq!(
            open(bytes, pw),
            Err(OpenError::TooManyIterations(2_000_000))
        );
    }
}

#[test]
fn what_is_not_a_pkcs12_file() {
    let t = open(fixture!("truncated.p12"), Some(PW));
    assert!(
        matches!(t, Err(OpenError::Damaged(_) | OpenError::NotPkcs12)),
        "{t:?}"
    );
    assert_eq!(
        open(fixture!("cert.pem"), Some(PW)),
        Err(OpenError::NotPkcs12)
    );
    assert_eq!(open(b"", None), Err(OpenError::NotPkcs12));
    assert_eq!(open(b"%PDF-1.7\n", None), Err(OpenError::NotPkcs12));
    let big = vec![0u8; MAX_FILE_BYTES + 1];
    assert_eq!(open(&big, None), Err(OpenError::TooLarge));
}

#[test]
fn a_der_certificate_is_not_pkcs12() {
    // The leaf of cert.pem, base64-decoded by hand here to keep tests free of a decoder.
    let pem = std::str::from_utf8(fixture!("cert.pem")).unwrap();
    let b64: String = pem.lines().filter(|l| !l.starts_with("-----")).collect();
    let der = base64(&b64);
    assert_eq!(der.first(), Some(&0x30));
    assert_eq!(open(&der, Some(PW)), Err(OpenError::NotPkcs12));
}

fn base64(s: &str) -> Vec<u8> {
    let val = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        _ => 63,
    };
    let digits: Vec<u8> = s.bytes().filter(|&c| c != b'=').map(val).collect();
    let mut out = Vec::new();
    for chunk in digits.chunks(4) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &d)| n | u32::from(d) << (18 - 6 * i));
        let bytes = n.to_be_bytes();
        out.extend_from_slice(&bytes[1..chunk.len()]);
    }
    out
}

#[test]
fn the_kdf_matches_rfc_7292_test_vectors() {
    // From the PKCS#12 test vectors widely used (e.g. BouncyCastle's PKCS12Test / OpenSSL's
    // test/pkcs12_format_test): password "smeg", salt 0A58CF64530D823F, 1 iteration.
    let salt = [0x0a, 0x58, 0xcf, 0x64, 0x53, 0x0d, 0x82, 0x3f];
    let pw = kdf::bmp(Some("smeg"));
    let key = kdf::derive::<sha1::Sha1>(&pw, &salt, kdf::Purpose::Key, 1, 24);
    assert_eq!(
        cert::hex(&key),
        "8AAAE6297B6CB04642AB5B077851284EB7128F1A2A7FBCA3"
    );
    let iv = kdf::derive::<sha1::Sha1>(&pw, &salt, kdf::Purpose::Iv, 1, 8);
    assert_eq!(cert::hex(&iv), "79993DFE048D3B76");
}

/// xorshift64*: a fixed-seed PRNG, so that a failure reproduces.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

#[test]
fn no_panic_on_mutated_files() {
    const MUTATIONS: usize = 2000;
    let mut all: Vec<(&str, &[u8], &str)> = good();
    all.push(("iter2m", fixture!("iter2m.p12"), PW));
    all.push(("truncated", fixture!("truncated.p12"), PW));
    let mut rng = Rng(0x5eed_1234_abcd_0001);
    let mut outcomes = std::collections::BTreeMap::<String, usize>::new();
    for (name, bytes, pw) in all {
        for i in 0..MUTATIONS {
            let mut m = bytes.to_vec();
            if i % 10 == 9 {
                m.truncate(rng.below(bytes.len()));
            } else {
                for _ in 0..1 + rng.below(4) {
                    let at = rng.below(m.len());
                    if let Some(b) = m.get_mut(at) {
                        *b ^= 1 << rng.below(8);
                    }
                }
            }
            let r = open(&m, Some(pw));
            let key = match r {
                Ok(_) => "ok".to_string(),
                Err(OpenError::Damaged(_)) => "damaged".to_string(),
                Err(e) => format!("{e:?}").chars().take(20).collect(),
            };
            *outcomes.entry(format!("{name}: {key}")).or_default() += 1;
        }
    }
    for (k, n) in &outcomes {
        println!("{k}: {n}");
    }
}

/// The keys of `params` derived here as the package derives them outside (WebCrypto):
/// PBKDF2 over the password's UTF-8 bytes.
fn derive_outside(params: &[Pbkdf2], password: &str) -> Vec<Derived> {
    params
        .iter()
        .map(|p| {
            let mut key = vec![0u8; p.key_len];
            match p.hash {
                "SHA-1" => pbkdf2::pbkdf2_hmac::<sha1::Sha1>(
                    password.as_bytes(),
                    &p.salt,
                    p.iterations,
                    &mut key,
                ),
                _ => pbkdf2::pbkdf2_hmac::<sha2::Sha256>(
                    password.as_bytes(),
                    &p.salt,
                    p.iterations,
                    &mut key,
                ),
            }
            Derived {
                params: p.clone(),
                key,
            }
        })
        .collect()
}

#[test]
fn pbkdf2_params_list_what_pbes2_files_derive() {
    // OpenSSL 3's default: the certificates' safe and the shrouded key, each PBKDF2 with
    // HMAC-SHA-256, 2,048 iterations, an AES-256 key; different salts.
    let p = pbkdf2_params(fixture!("modern.p12"));
    assert_eq!(p.len(), 2, "{p:?}");
    for x in &p {
        assert_eq!((x.hash, x.iterations, x.key_len), ("SHA-256", 2048, 32));
        assert_eq!(x.salt.len(), 8);
    }
    assert_ne!(p[0].salt, p[1].salt);
    let p = pbkdf2_params(fixture!("aes128_sha1mac.p12"));
    assert!(!p.is_empty() && p.iter().all(|x| x.key_len == 16), "{p:?}");
    // Legacy files have nothing PBKDF2 could derive; refused files list nothing.
    assert!(pbkdf2_params(fixture!("legacy.p12")).is_empty());
    assert!(pbkdf2_params(fixture!("des3_sha1.p12")).is_empty());
    assert!(pbkdf2_params(fixture!("truncated.p12")).is_empty());
    assert!(pbkdf2_params(fixture!("iter2m.p12")).is_empty());
    assert!(pbkdf2_params(b"%PDF-1.7").is_empty());
}

#[test]
fn keys_derived_outside_are_used_and_never_stand_in_for_the_password() {
    let runs = || decrypt::WASM_PBKDF2.with(|n| n.get());
    // Behind a MAC: both derivations come from outside, none runs here.
    let bytes = fixture!("modern.p12");
    let derived = derive_outside(&pbkdf2_params(bytes), PW);
    let before = runs();
    assert!(open_derived(bytes, Some(PW), &derived).is_ok());
    assert_eq!(runs() - before, 0, "the keys given were used");
    assert!(open(bytes, Some(PW)).is_ok());
    assert_eq!(runs() - before, 2, "without them, two derivations here");
    // No MAC (OpenSSL -nomac, a PBES2 key bag): nothing is listed, and keys for the right
    // password never open the file under a wrong one.
    let bytes = fixture!("nomac_aes.p12");
    assert!(pbkdf2_params(bytes).is_empty());
    let params: Vec<Pbkdf2> = visible_schemes(bytes)
        .unwrap()
        .0
        .iter()
        .filter_map(Scheme::pbkdf2)
        .collect();
    assert_eq!(params.len(), 1);
    let right = derive_outside(&params, PW);
    assert!(open(bytes, Some(PW)).is_ok());
    assert_eq!(
        open_derived(bytes, Some("Otra#2024"), &right),
        Err(OpenError::WrongPassword)
    );
    assert_eq!(
        open_derived(bytes, None, &right),
        Err(OpenError::PasswordRequired)
    );
}

#[test]
fn keys_derived_outside_open_exactly_as_inside() {
    for (name, bytes, pw) in good() {
        let params = pbkdf2_params(bytes);
        let derived = derive_outside(&params, pw);
        assert_eq!(
            open_derived(bytes, Some(pw), &derived),
            open(bytes, Some(pw)),
            "{name}"
        );
        // Keys for another password change nothing (derived again here).
        let wrong = derive_outside(&params, "Otra#2024");
        assert_eq!(
            open_derived(bytes, Some(pw), &wrong),
            open(bytes, Some(pw)),
            "{name}: a wrong key is derived again inside"
        );
        assert_eq!(
            open_derived(bytes, Some("Otra#2024"), &derived).is_ok(),
            open(bytes, Some("Otra#2024")).is_ok(),
            "{name}"
        );
    }
}
