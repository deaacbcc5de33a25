//! Hostile and random input: no panic, and the invariants every result must keep.
//! Deterministic (a fixed-seed xorshift), so a failure reproduces.

use prevalida::email::{check_email, EmailOptions};
use prevalida::password::{check_password, CustomPolicy, PasswordOptions, Policy, PolicyName};
use prevalida::Severity;

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Characters people and attackers put in these fields.
const ALPHABET: &[char] = &[
    'a', 'b', 'm', 'r', 'n', 'Z', '0', '1', '9', '@', '@', '.', '.', ',', '-', '_', '+', ' ', '\t',
    '\n', '"', '\\', '(', ')', '[', ']', '<', '>', ';', ':', '!', '#', '%', '*', '~', 'ñ', 'Ñ',
    'á', 'é', 'ü', '\u{301}', 'а', 'і', 'ѕ', 'ا', 'ن', '中', 'ひ', '한', '＠', 'ａ', '．',
    '\u{3000}', '\u{200B}', '\u{FEFF}', '\u{202E}', '𝐝', 'ⓐ', 'ﬁ', '😀', '\u{0}', '\u{7F}',
    '\u{FFFD}', 'ß', 'İ', 'ς',
];

fn random_string(rng: &mut Rng, max: usize) -> String {
    let len = rng.below(max + 1);
    (0..len)
        .map(|_| ALPHABET[rng.below(ALPHABET.len())])
        .collect()
}

fn email_like(rng: &mut Rng) -> String {
    match rng.below(4) {
        0 => random_string(rng, 40),
        1 => format!(
            "{}@{}.{}",
            random_string(rng, 12),
            random_string(rng, 12),
            random_string(rng, 4)
        ),
        2 => format!("{}@{}", random_string(rng, 70), random_string(rng, 300)),
        _ => {
            let base = [
                "ana@gmail.com",
                "x@dian.gov.co",
                "ventas@empresa.com.co",
                "a@b.cl",
            ][rng.below(4)];
            let mut s: Vec<char> = base.chars().collect();
            let i = rng.below(s.len() + 1);
            s.insert(i, ALPHABET[rng.below(ALPHABET.len())]);
            s.into_iter().collect()
        }
    }
}

#[test]
fn email_never_panics_and_results_are_consistent() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let (mut suggested, mut accepted) = (0, 0);
    for lang in [prevalida::Lang::Es, prevalida::Lang::En] {
        let opts = EmailOptions {
            lang,
            field: Some("email".into()),
            ..Default::default()
        };
        for _ in 0..20_000 {
            let input = email_like(&mut rng);
            let r = check_email(&input, &opts);
            let errors = r.findings.iter().any(|f| f.severity == Severity::Error);
            assert_eq!(r.ok, !errors, "{input:?}");
            for f in &r.findings {
                assert!(
                    !f.message.is_empty() && !f.message.contains('{'),
                    "{input:?}: {}",
                    f.message
                );
                assert_eq!(f.field.as_deref(), Some("email"));
                assert_eq!(f.severity, f.code.severity());
            }
            // Errors first, then warnings, then infos.
            let ranks: Vec<u8> = r.findings.iter().map(|f| f.severity as u8).collect();
            assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "{input:?}");
            if r.ok {
                // What we say to send must itself be accepted, unchanged.
                let again = check_email(&r.normalized, &opts);
                assert!(
                    again.ok,
                    "{input:?} → {:?}: {:?}",
                    r.normalized, again.findings
                );
                assert_eq!(again.normalized, r.normalized);
                assert!(r.normalized.is_ascii(), "{input:?}");
            }
            accepted += usize::from(r.ok);
            if let Some(s) = &r.suggestion {
                suggested += 1;
                assert_ne!(s, &input);
                // What we suggest must itself be accepted.
                let again = check_email(s, &opts);
                assert!(
                    again.ok,
                    "{input:?} → suggested {s:?}: {:?}",
                    again.findings
                );
            }
        }
    }
    // The generator must exercise both properties, not pass them vacuously.
    assert!(
        suggested > 200 && accepted > 2000,
        "suggested {suggested}, accepted {accepted}"
    );
}

#[test]
fn password_never_panics_and_results_are_consistent() {
    let mut rng = Rng(0xD1B5_4A32_D192_ED03);
    let policies = [
        Policy::Named(PolicyName::Gse),
        Policy::Named(PolicyName::Dian),
        Policy::Named(PolicyName::Nist),
        Policy::Custom(CustomPolicy {
            max_length: Some(20),
            specials: Some("*#".into()),
            forbid_whitespace: true,
            max_repeat: Some(2),
            blocklist: true,
            ..Default::default()
        }),
    ];
    for i in 0..8_000 {
        let value = random_string(&mut rng, 40);
        let opts = PasswordOptions {
            policy: policies[i % policies.len()].clone(),
            confirmation: (i % 3 == 0).then(|| random_string(&mut rng, 10)),
            personal: vec![
                random_string(&mut rng, 12),
                "Ana María Pérez".into(),
                "900.373.115-3".into(),
            ],
            lang: prevalida::Lang::Es,
            field: None,
            skip_messages: false,
        };
        let r = check_password(&value, &opts).expect("valid policy");
        let errors = r.findings.iter().any(|f| f.severity == Severity::Error);
        assert_eq!(r.ok, !errors, "{value:?}");
        assert!(r.strength.score <= 4 && r.strength.guesses_log10 >= 0.0);
        // A failed rule always comes with an error finding.
        if r.rules.iter().any(|rule| !rule.ok) && !value.is_empty() {
            assert!(errors, "{value:?}: {:?}", r.rules);
        }
        let mut ids: Vec<_> = r.rules.iter().map(|rule| rule.id as u8).collect();
        ids.dedup();
        assert_eq!(ids.len(), r.rules.len());
    }
}

#[test]
fn pathological_lengths_are_answered() {
    let opts = EmailOptions::default();
    for input in [
        "@".repeat(1 << 20),
        ".".repeat(1 << 20),
        format!("a@{}", "b.".repeat(1 << 19)),
        format!("{}@x.co", "ñ".repeat(1 << 19)),
        "a".repeat(300) + "@" + &"б".repeat(10_000) + ".com",
    ] {
        let r = check_email(&input, &opts);
        assert!(!r.ok && !r.findings.is_empty());
    }
    let popts = PasswordOptions {
        policy: Policy::Named(PolicyName::Gse),
        confirmation: Some("x".repeat(1 << 20)),
        personal: vec!["y".repeat(1 << 16)],
        lang: prevalida::Lang::Es,
        field: None,
        skip_messages: false,
    };
    for value in [
        "Aa1#".repeat(1 << 18),
        "ñ".repeat(1 << 19),
        "1990".repeat(1 << 18),
    ] {
        let r = check_password(&value, &popts).unwrap();
        assert!(r.strength.score == 4, "{}", r.strength.guesses_log10);
    }
}

/// Digits with the separators and junk people paste into identifier and phone fields.
fn id_like(rng: &mut Rng) -> String {
    const PARTS: &[&str] = &[
        "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "9", "0", "-", ".", " ", ",", "k", "K",
        "CL", "+", "(", ")", "\u{2013}", "\u{a0}", "０", "٣", "O", "x", "ñ", "\u{0}", "57", "593",
    ];
    let n = rng.below(20);
    (0..n).map(|_| PARTS[rng.below(PARTS.len())]).collect()
}

#[test]
fn ids_and_phones_never_panic_and_results_are_consistent() {
    use prevalida::id::{check_id, check_nit_parts, IdOptions, Kind};
    use prevalida::phone::{check_phone, Country, PhoneOptions};
    let mut rng = Rng(0x1d_0b0e);
    let o = IdOptions::default();
    for i in 0..40_000 {
        let v = if i % 3 == 0 {
            random_string(&mut rng, 20)
        } else {
            id_like(&mut rng)
        };
        for k in Kind::ALL {
            let r = check_id(*k, &v, &o);
            assert_eq!(
                r.ok,
                r.findings.iter().all(|f| f.severity != Severity::Error),
                "{k:?} {v:?}"
            );
            assert!(r.ok || !r.findings.is_empty(), "{k:?} {v:?}");
            if r.ok {
                // What is returned as compact and as display form reads back the same.
                for again in [&r.compact, &r.formatted] {
                    let r2 = check_id(*k, again, &o);
                    assert!(r2.ok, "{k:?} {v:?} → {again:?}: {:?}", r2.findings);
                    assert_eq!(
                        (&r2.compact, &r2.formatted),
                        (&r.compact, &r.formatted),
                        "{k:?} {v:?}"
                    );
                }
            }
        }
        let dv = id_like(&mut rng);
        let r = check_nit_parts(&v, &dv, &o);
        if r.ok {
            assert!(check_id(Kind::CoNit, &r.compact, &o).ok, "{v:?} {dv:?}");
        }
        for c in [Country::Co, Country::Cl, Country::Ec] {
            let r = check_phone(c, &v, &PhoneOptions::default());
            assert_eq!(
                r.ok,
                r.findings.iter().all(|f| f.severity != Severity::Error)
            );
            if let (true, Some(e164), Some(national)) = (r.ok, &r.e164, &r.national) {
                // The E.164 and national forms are read back as the same number.
                for again in [e164, national] {
                    let r2 = check_phone(c, again, &PhoneOptions::default());
                    assert_eq!(
                        r2.e164.as_ref(),
                        Some(e164),
                        "{c:?} {v:?} → {again:?}: {:?}",
                        r2.findings
                    );
                }
            }
        }
    }
}
