//! Property tests (issue 14 item 2) for identifiers, phones and email, with proptest.
//!
//! Every test runs from a fixed seed ([`config`]): the same cases on every run and machine,
//! so a property can never fail by chance; a failure is shrunk to a minimal case and
//! reproduces as is. Sizes are kept small (the checks bound huge inputs themselves:
//! `docs/budgets.md`).
//!
//! The check digits are recomputed here by straightforward implementations of the published
//! algorithms (`../shared/RULES.md` §1.1, §2.1, §3.1–3.2, written in the form of their
//! sources, not the crate's), and the error-detection properties assert exactly the
//! documented exceptions (README.md, "What a check digit catches"):
//!
//! * NIT: a changed digit or a swap of two adjacent body digits always changes the weighted
//!   sum modulo 11 (every weight and every difference of adjacent weights is non-zero modulo
//!   11), but remainders 1 and 10 both give DV 1: such a change passes exactly when the
//!   remainders before and after are {1, 10}.
//! * RUT: the same argument with weights 2…7, and `11 − r` is one-to-one: every changed digit
//!   and every swap of adjacent body digits is caught.
//! * Ecuadorian cédula (and a natural person's RUC): the Luhn-like weights 2,1 catch every
//!   changed digit and every adjacent swap except `0`↔`9`.
//! * A swap of the check digit with the digit before it: no weighted check digit catches all
//!   of them (the check digit's own weight is not part of the body's sum); such a swap passes
//!   exactly when the recomputed check digit of the new body is the old body's last digit.
//! * Ecuadorian RUC: the establishment digits carry no check digit (any value but `000` /
//!   `0000` passes); a company or public-entity RUC whose checksum fails is a warning
//!   (`id.ruc_checksum`), not an error (the SRI issues such numbers); a third-digit-9 RUC that
//!   passes the public layout's checksum, and a third-digit-6 RUC whose first ten digits are a
//!   valid cédula, are accepted in that layout (python-stdnum does the same).

#![cfg(not(target_arch = "wasm32"))]

use prevalida::email::{check_email, check_email_full, EmailOptions};
use prevalida::id::{check_id, check_nit_parts, nit_check_digit, rut_check_digit, IdOptions, Kind};
use prevalida::phone::{check_phone, Country, PhoneOptions, PhoneType};
use prevalida::Code;
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::{Config, RngAlgorithm, RngSeed};

/// A fixed seed and algorithm, no failure files: the same cases on every run. For a longer
/// hunt by hand (never in CI): `PROPERTIES_SEED=<u64> PROPERTIES_SCALE=<n> cargo test --test
/// properties` runs n times the cases from another fixed seed.
fn config(cases: u32) -> Config {
    let env = |k: &str| std::env::var(k).ok().and_then(|v| v.parse::<u64>().ok());
    Config {
        cases: cases * env("PROPERTIES_SCALE").unwrap_or(1) as u32,
        rng_algorithm: RngAlgorithm::ChaCha,
        rng_seed: RngSeed::Fixed(env("PROPERTIES_SEED").unwrap_or(0x7072_6576_616c_6964)), // "prevalid"
        failure_persistence: None,
        ..Config::default()
    }
}

// ---------------------------------------------------------------------------------------
// The published algorithms, written as their sources write them.

/// RULES.md §1.1, the left-to-right form: left-pad to 15 digits, weights 71…3, then
/// python-stdnum's table `'01987654321'[r]`. Returns (remainder, DV).
fn nit_ref(body: &str) -> (u32, u8) {
    const W: [u32; 15] = [71, 67, 59, 53, 47, 43, 41, 37, 29, 23, 19, 17, 13, 7, 3];
    let padded = format!("{body:0>15}");
    let s: u32 = padded
        .bytes()
        .zip(W)
        .map(|(b, w)| u32::from(b - b'0') * w)
        .sum();
    let r = s % 11;
    (r, b"01987654321"[r as usize] - b'0')
}

/// RULES.md §2.1 in python-stdnum's form: weights `4 + (5 − i) mod 6` from the right,
/// `'0123456789K'[s mod 11]`.
fn rut_ref(body: &str) -> char {
    let s: i64 = body
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| i64::from(b - b'0') * (4 + (5 - i as i64).rem_euclid(6)))
        .sum();
    b"0123456789K"[(s % 11) as usize] as char
}

/// RULES.md §3.1 in python-stdnum's form: all ten digits folded with 2,1,2,1…, products over
/// 9 minus 9, valid when the sum is a multiple of 10.
fn ec_ci_sum_ok(d: &[u8]) -> bool {
    let s: u32 = d[..10]
        .iter()
        .enumerate()
        .map(|(i, &b)| {
            let p = u32::from(b - b'0') * if i % 2 == 0 { 2 } else { 1 };
            p / 10 + p % 10
        })
        .sum();
    s % 10 == 0
}

fn ec_province_ok(d: &[u8]) -> bool {
    let p = (d[0] - b'0') * 10 + (d[1] - b'0');
    (1..=24).contains(&p) || p == 30 || p == 50
}

/// A cédula as RULES.md §3.1 defines it: province, third digit 0–6, checksum.
fn ec_ci_ref(d: &[u8]) -> bool {
    d.len() == 10 && ec_province_ok(d) && d[2] <= b'6' && ec_ci_sum_ok(d)
}

fn weighted_mod11(d: &[u8], w: &[u32]) -> u32 {
    d.iter()
        .zip(w)
        .map(|(&b, w)| u32::from(b - b'0') * w)
        .sum::<u32>()
        % 11
}

/// RULES.md §3.2: the public layout (check 9th digit, weights 3,2,7,6,5,4,3,2 and 1).
fn ruc_public_ok(d: &[u8]) -> bool {
    &d[9..] != b"0000" && weighted_mod11(d, &[3, 2, 7, 6, 5, 4, 3, 2, 1]) == 0
}

/// RULES.md §3.2: the private layout (check 10th digit, weights 4,3,2,7,6,5,4,3,2 and 1).
fn ruc_private_ok(d: &[u8]) -> bool {
    weighted_mod11(d, &[4, 3, 2, 7, 6, 5, 4, 3, 2, 1]) == 0
}

/// What a RUC should get per RULES.md §3.2 and its quirks: `None` for an error, else whether
/// the checksum warning (`id.ruc_checksum`) is due.
fn ruc_ref(d: &[u8]) -> Option<bool> {
    if d.len() != 13 || !ec_province_ok(d) {
        return None;
    }
    let est3 = &d[10..];
    let natural = d[2] <= b'6' && ec_ci_sum_ok(d) && est3 != b"000";
    match d[2] {
        b'0'..=b'5' => natural.then_some(false),
        b'6' if ruc_public_ok(d) || natural => Some(false),
        b'6' => (&d[9..] != b"0000").then_some(true),
        b'9' if ruc_public_ok(d) => Some(false),
        b'9' => (est3 != b"000").then_some(!ruc_private_ok(d)),
        _ => None,
    }
}

// ---------------------------------------------------------------------------------------
// Strategies and helpers.

fn opts() -> IdOptions {
    IdOptions::default()
}

fn check(kind: Kind, v: &str) -> prevalida::id::IdResult {
    check_id(kind, v, &opts())
}

fn has(r: &prevalida::id::IdResult, code: Code) -> bool {
    r.findings.iter().any(|f| f.code == code)
}

/// `s` with the digit at `i` replaced by a different one (`delta` 1–9).
fn changed(s: &str, i: usize, delta: u8) -> String {
    let mut b = s.as_bytes().to_vec();
    b[i] = b'0' + (b[i] - b'0' + delta) % 10;
    String::from_utf8(b).unwrap()
}

/// `s` with the characters at `i` and `i + 1` swapped.
fn swapped(s: &str, i: usize) -> String {
    let mut b = s.as_bytes().to_vec();
    b.swap(i, i + 1);
    String::from_utf8(b).unwrap()
}

/// A valid NIT: a body of 6–10 digits (the usual lengths) and its DV.
fn nit() -> impl Strategy<Value = String> {
    "[1-9][0-9]{5,9}".prop_map(|b| {
        let dv = nit_ref(&b).1;
        format!("{b}{dv}")
    })
}

/// A valid RUT, compact without hyphen: a body of 7–8 digits and its check digit.
fn rut() -> impl Strategy<Value = String> {
    "[1-9][0-9]{6,7}".prop_map(|b| {
        let dv = rut_ref(&b);
        format!("{b}{dv}")
    })
}

/// A valid cédula: a province 01–24, a third digit 0–5, six digits, the check digit.
fn ec_ci() -> impl Strategy<Value = String> {
    (1u8..=24, "[0-5][0-9]{6}").prop_map(|(p, rest)| {
        let head = format!("{p:02}{rest}");
        let c = (0..10u8)
            .find(|c| ec_ci_sum_ok(format!("{head}{c}").as_bytes()))
            .unwrap();
        format!("{head}{c}")
    })
}

/// A valid RUC of the given third digit: 0–5 natural (cédula + establishment), 6 public
/// (check 9th + four digits), 9 private (check 10th + three digits).
fn ruc(third: u8) -> BoxedStrategy<String> {
    match third {
        6 => (1u8..=24, "[0-9]{5}", "000[1-9]")
            .prop_filter_map("public check digit 10", |(p, mid, est)| {
                let head = format!("{p:02}6{mid}");
                let s = weighted_mod11(head.as_bytes(), &[3, 2, 7, 6, 5, 4, 3, 2]);
                let c = (11 - s) % 11;
                (c < 10).then(|| format!("{head}{c}{est}"))
            })
            .boxed(),
        9 => (1u8..=24, "[0-9]{6}", "00[1-9]")
            .prop_filter_map("private check digit 10", |(p, mid, est)| {
                let head = format!("{p:02}9{mid}");
                let s = weighted_mod11(head.as_bytes(), &[4, 3, 2, 7, 6, 5, 4, 3, 2]);
                let c = (11 - s) % 11;
                (c < 10).then(|| format!("{head}{c}{est}"))
            })
            .boxed(),
        _ => (ec_ci(), "00[1-9]")
            .prop_map(|(ci, est)| format!("{ci}{est}"))
            .boxed(),
    }
}

// ---------------------------------------------------------------------------------------
// Identifiers.

proptest! {
    #![proptest_config(config(2000))]

    /// The crate's DVs are the published algorithms' (RULES.md §1.1, §2.1), on any body of the
    /// lengths the algorithms define.
    #[test]
    fn check_digits_agree_with_their_definitions(nit in "[0-9]{1,15}", rut in "[0-9]{1,8}") {
        prop_assert_eq!(nit_check_digit(&nit), Some(nit_ref(&nit).1));
        prop_assert_eq!(prevalida::check_digit::nit(&nit), Some(nit_ref(&nit).1));
        prop_assert_eq!(rut_check_digit(&rut), Some(rut_ref(&rut)));
        prop_assert_eq!(prevalida::check_digit::rut(&rut), Some(rut_ref(&rut)));
    }

    /// Any 10 digits are a cédula exactly when the definition says so; any 13 digits with a
    /// real province get the RUC verdict of RULES.md §3.2 (error, ok, ok with warning).
    #[test]
    fn ecuador_agrees_with_its_definition(ci in "[0-9]{10}", p in 1u8..=24, rest in "[0-9]{11}") {
        prop_assert_eq!(check(Kind::EcCi, &ci).ok, ec_ci_ref(ci.as_bytes()), "{}", ci);
        let ruc = format!("{p:02}{rest}");
        let r = check(Kind::EcRuc, &ruc);
        let got = r.ok.then(|| has(&r, Code::IdRucChecksum));
        prop_assert_eq!(got, ruc_ref(ruc.as_bytes()), "{}", ruc);
    }

    /// A valid NIT passes, in one field and in two, and its compact and formatted forms
    /// checked again give the same result.
    #[test]
    fn nit_valid_and_stable(v in nit()) {
        let r = check(Kind::CoNit, &v);
        prop_assert!(r.ok, "{}: {:?}", v, r.findings);
        let (body, dv) = v.split_at(v.len() - 1);
        let parts = check_nit_parts(body, dv, &opts());
        prop_assert!(parts.ok);
        prop_assert_eq!(&parts.formatted, &r.formatted);
        for again in [&r.compact, &r.formatted] {
            let r2 = check(Kind::CoNit, again);
            prop_assert_eq!(&r2, &r, "{}", again);
        }
    }

    /// One digit changed: caught, except a body digit whose change moves the remainder
    /// between 1 and 10 (both DV 1), which passes exactly then.
    #[test]
    fn nit_changed_digit(v in nit(), i in any::<Index>(), delta in 1u8..10) {
        let i = i.index(v.len());
        let w = changed(&v, i, delta);
        let body = &v[..v.len() - 1];
        let quirk = i < body.len() && {
            let (a, b) = (nit_ref(body).0, nit_ref(&w[..w.len() - 1]).0);
            (a, b) == (1, 10) || (a, b) == (10, 1)
        };
        prop_assert_eq!(check(Kind::CoNit, &w).ok, quirk, "{} → {}", v, w);
    }

    /// Two adjacent different digits swapped: in the body, caught except the 1/10 remainder
    /// pair; with the DV, passes exactly when the new body's DV is the old last body digit.
    #[test]
    fn nit_swapped_digits(v in nit(), i in any::<Index>()) {
        let i = i.index(v.len() - 1);
        if v.as_bytes()[i] == v.as_bytes()[i + 1] {
            return Ok(()); // not a swap (no rejection: rejections can exhaust a run)
        }
        let w = swapped(&v, i);
        let (body, new_body) = (&v[..v.len() - 1], &w[..w.len() - 1]);
        let passes = if i + 1 < body.len() {
            let (a, b) = (nit_ref(body).0, nit_ref(new_body).0);
            (a, b) == (1, 10) || (a, b) == (10, 1)
        } else {
            nit_ref(new_body).1 == w.as_bytes()[w.len() - 1] - b'0'
        };
        prop_assert_eq!(check(Kind::CoNit, &w).ok, passes, "{} → {}", v, w);
    }

    /// A valid RUT passes; compact (`12345678-5`) and formatted (`12.345.678-5`) checked again
    /// give the same result; the check digit typed in lower case too.
    #[test]
    fn rut_valid_and_stable(v in rut()) {
        let r = check(Kind::ClRut, &v);
        prop_assert!(r.ok, "{}: {:?}", v, r.findings);
        for again in [r.compact.clone(), r.formatted.clone(), v.to_lowercase()] {
            prop_assert_eq!(&check(Kind::ClRut, &again), &r, "{}", again);
        }
    }

    /// Every changed digit is caught (the check digit changed to another digit or K too).
    #[test]
    fn rut_changed_digit(v in rut(), i in any::<Index>(), delta in 1u8..10) {
        let i = i.index(v.len());
        let w = if v.as_bytes()[i] == b'K' {
            format!("{}{}", &v[..i], delta)
        } else if i == v.len() - 1 && delta == 9 {
            format!("{}K", &v[..i])
        } else {
            changed(&v, i, delta)
        };
        prop_assert!(!check(Kind::ClRut, &w).ok, "{} → {}", v, w);
    }

    /// Every swap of adjacent body digits is caught; a swap with the check digit passes
    /// exactly when the new body's check digit is the old last body digit.
    #[test]
    fn rut_swapped_digits(v in rut(), i in any::<Index>()) {
        let i = i.index(v.len() - 1);
        if v.as_bytes()[i] == v.as_bytes()[i + 1] {
            return Ok(()); // not a swap (no rejection: rejections can exhaust a run)
        }
        let w = swapped(&v, i);
        let passes = i + 2 == v.len() && {
            let (new_body, dv) = w.split_at(w.len() - 1);
            !new_body.contains('K') && rut_ref(new_body).to_string() == dv
        };
        prop_assert_eq!(check(Kind::ClRut, &w).ok, passes, "{} → {}", v, w);
    }

    /// A valid cédula passes and is stable; every changed digit is caught; an adjacent swap
    /// passes exactly when it swaps 0 and 9 and leaves the province and third digit valid.
    #[test]
    fn ec_ci_detects(v in ec_ci(), i in any::<Index>(), j in any::<Index>(), delta in 1u8..10) {
        let r = check(Kind::EcCi, &v);
        prop_assert!(r.ok, "{}: {:?}", v, r.findings);
        prop_assert_eq!(&check(Kind::EcCi, &r.formatted), &r);
        let w = changed(&v, i.index(10), delta);
        prop_assert!(!check(Kind::EcCi, &w).ok, "{} → {}", v, w);
        let j = j.index(9);
        let (a, b) = (v.as_bytes()[j], v.as_bytes()[j + 1]);
        if a != b {
            let w = swapped(&v, j);
            let d = w.as_bytes();
            let passes = matches!((a, b), (b'0', b'9') | (b'9', b'0'))
                && ec_province_ok(d) && d[2] <= b'6';
            prop_assert_eq!(check(Kind::EcCi, &w).ok, passes, "{} → {}", v, w);
        }
    }

    /// RUCs of the three layouts: valid ones pass without warning and are stable. A changed
    /// digit or an adjacent swap is caught (an error, or the checksum warning for a company
    /// or public entity), except in the documented places: the establishment digits, the
    /// cédula's 0↔9 swap, a swap with a check digit, and the other layout's checksum.
    #[test]
    fn ec_ruc_detects(
        v in prop_oneof![ruc(0), ruc(6), ruc(9)],
        i in any::<Index>(),
        delta in 1u8..10,
    ) {
        let r = check(Kind::EcRuc, &v);
        prop_assert!(r.ok && r.findings.is_empty(), "{}: {:?}", v, r.findings);
        prop_assert_eq!(&check(Kind::EcRuc, &r.formatted), &r);
        let caught = |w: &str| {
            let r = check(Kind::EcRuc, w);
            !r.ok || has(&r, Code::IdRucChecksum)
        };
        let d = v.as_bytes();
        // Where the check digit sits, and where the establishment starts.
        let (check_at, est_from) = match d[2] {
            b'6' => (8, 9),
            b'9' => (9, 10),
            _ => (9, 10),
        };
        let i = i.index(13);
        let w = changed(&v, i, delta);
        let wd = w.as_bytes();
        let expected = if !ec_province_ok(wd) {
            true
        } else if i >= est_from {
            // No check digit covers the establishment; only zero is refused (unless a
            // third-digit-9 number passes the public layout, whose establishment is 4 digits).
            let zero = &wd[est_from..] == b"000".as_slice() || &wd[est_from..] == b"0000".as_slice();
            zero && !(d[2] == b'9' && ruc_public_ok(wd))
        } else if i == 2 {
            // Another layout: its own definition decides.
            ruc_ref(wd) != Some(false)
        } else {
            match d[2] {
                b'6' => !(d[2] <= b'6' && ec_ci_sum_ok(wd) && &wd[10..] != b"000"),
                b'9' => !ruc_public_ok(wd),
                _ => true,
            }
        };
        prop_assert_eq!(caught(&w), expected, "{} → {}", v, w);
        // Adjacent swaps before the establishment.
        let j = i.min(check_at);
        let j = if j == check_at { j - 1 } else { j };
        if d[j] != d[j + 1] {
            let w = swapped(&v, j);
            let wd = w.as_bytes();
            let expected = if !ec_province_ok(wd) {
                true
            } else if j == 2 || j + 1 == 2 {
                ruc_ref(wd) != Some(false)
            } else if j + 1 == check_at {
                ruc_ref(wd) != Some(false)
            } else {
                match d[2] {
                    b'6' => !(ec_ci_sum_ok(wd) && &wd[10..] != b"000"),
                    b'9' => !ruc_public_ok(wd),
                    _ => !matches!((d[j], d[j + 1]), (b'0', b'9') | (b'9', b'0')),
                }
            };
            prop_assert_eq!(caught(&w), expected, "{} → {}", v, w);
        }
    }

    /// Any short string, every kind: no panic, and `compact` checked again gives the same
    /// verdict (the compact form is a fixed point of the reading).
    #[test]
    fn any_string_any_kind(v in "[0-9kK .,\\-\u{2013}\u{a0}\u{ff10}-\u{ff19}a-z]{0,20}", k in any::<Index>()) {
        let kind = Kind::ALL[k.index(Kind::ALL.len())];
        let r = check(kind, &v);
        if r.ok {
            let r2 = check(kind, &r.compact);
            prop_assert!(r2.ok, "{:?} {} → {}", kind, v, r.compact);
            prop_assert_eq!(&r2.compact, &r.compact);
            prop_assert_eq!(&r2.formatted, &r.formatted);
        }
    }
}

// ---------------------------------------------------------------------------------------
// Phones.

/// Numbers in the plans' common ranges (some fall in gaps: the properties hold either way),
/// written nationally.
fn phone() -> impl Strategy<Value = (Country, String)> {
    prop_oneof![
        "3[0-2][0-9]{8}".prop_map(|n| (Country::Co, n)),
        "60[1-8][2-9][0-9]{6}".prop_map(|n| (Country::Co, n)),
        "9[2-9][0-9]{7}".prop_map(|n| (Country::Cl, n)),
        "2[2-3][0-9]{7}".prop_map(|n| (Country::Cl, n)),
        "09[0-9]{8}".prop_map(|n| (Country::Ec, n)),
        "0[2-7][2-9][0-9]{6}".prop_map(|n| (Country::Ec, n)),
    ]
}

fn code(c: Country) -> &'static str {
    match c {
        Country::Co => "57",
        Country::Cl => "56",
        Country::Ec => "593",
    }
}

proptest! {
    #![proptest_config(config(1000))]

    /// A number written nationally, with separators, or internationally (+cc, 00cc, its
    /// `e164` or its `national` form) gives the same verdict, E.164 and type.
    #[test]
    fn phone_forms_are_stable(
        (country, n) in phone(),
        sep in prop::sample::select(vec![" ", "-", ".", "\u{a0}"]),
        want in prop::option::of(prop_oneof![Just(PhoneType::Mobile), Just(PhoneType::Fixed)]),
    ) {
        let o = PhoneOptions { r#type: want, ..PhoneOptions::default() };
        let r = check_phone(country, &n, &o);
        let national = n.trim_start_matches('0');
        let mut spaced = String::new();
        for (i, c) in n.chars().enumerate() {
            if i > 0 && i % 3 == 0 {
                spaced.push_str(sep);
            }
            spaced.push(c);
        }
        let cc = code(country);
        let mut forms = vec![
            spaced,
            format!("+{cc} {national}"),
            format!("00{cc}{national}"),
            format!("+{cc}-{national}"),
        ];
        forms.extend(r.e164.clone());
        forms.extend(r.national.clone());
        for f in forms {
            let r2 = check_phone(country, &f, &o);
            prop_assert_eq!(r2.ok, r.ok, "{} vs {}: {:?}", n, f, r2.findings);
            prop_assert_eq!(&r2.e164, &r.e164, "{} vs {}", n, f);
            prop_assert_eq!(r2.kind, r.kind, "{} vs {}", n, f);
            prop_assert_eq!(&r2.national, &r.national, "{} vs {}", n, f);
        }
        // A number read in the plan has its E.164 form, of its country.
        if let Some(e) = &r.e164 {
            let expected_prefix = format!("+{}", code(country));
            prop_assert!(e.starts_with(&expected_prefix));
        }
    }

    /// Arbitrary short strings (digits, separators, signs, non-ASCII): no panic, and when
    /// read, the E.164 form checked again gives the same.
    #[test]
    fn phone_any_string(v in "[0-9+() .\\-/\u{ff10}-\u{ff19}\u{ff0b}\u{2013}a\u{f1}\u{3000}]{0,24}", c in 0usize..3) {
        let country = [Country::Co, Country::Cl, Country::Ec][c];
        let o = PhoneOptions::default();
        let r = check_phone(country, &v, &o);
        if let Some(e) = &r.e164 {
            let r2 = check_phone(country, e, &o);
            prop_assert_eq!(&r2.e164, &r.e164);
            prop_assert_eq!(r2.kind, r.kind);
        }
    }
}

// ---------------------------------------------------------------------------------------
// Email.

/// Addresses people type, and the mistakes they make in them: the provider and official
/// domains misspelt, commas, a full-width `＠`, spaces, case.
fn email() -> impl Strategy<Value = String> {
    let local = "[a-zA-Z0-9._+\\-ñá]{1,12}";
    let at = prop::sample::select(vec!["@", "@", "@", "＠", " @ ", "@@", ""]);
    let domain = prop::sample::select(vec![
        "gmail.com",
        "gmial.com",
        "gmail.con",
        "gmail.co",
        "gamil.com",
        "hotmail.com",
        "hotmial.com",
        "hotmail.es",
        "outlook.com",
        "outlok.com",
        "yahoo.com",
        "yahoo.con",
        "empresa.com.co",
        "empresa,com,co",
        "empresa.com,co",
        "dian.gov.co",
        "dian.gob.co",
        "sii.cl",
        "sri.gob.ec",
        "sri.gov.ec",
        "une.net.co",
        "xn--espaol-zwa.com",
        "español.com",
        "EMPRESA.COM.CO",
        "a..b.co",
        "x.co.",
        "gmaíl.com",
        "gmai1.com",
        "empresa.c0m",
    ]);
    let edit = (
        any::<Index>(),
        prop::sample::select(vec!['\0', 'a', '.', ',', 'm', ' ']),
    );
    (
        local,
        at,
        domain,
        prop::option::of(edit),
        prop::sample::select(vec!["", " ", "\t"]),
    )
        .prop_map(|(l, at, d, edit, pad)| {
            let mut s = format!("{pad}{l}{at}{d}{pad}");
            if let Some((i, c)) = edit {
                let chars: Vec<char> = s.chars().collect();
                let i = i.index(chars.len());
                s = chars
                    .iter()
                    .enumerate()
                    .filter_map(|(k, &x)| match (k == i, c) {
                        (true, '\0') => None,
                        (true, c) => Some(c),
                        _ => Some(x),
                    })
                    .collect();
            }
            s
        })
}

fn email_checks(v: &str) -> Result<(), TestCaseError> {
    let o = EmailOptions::default();
    let r = check_email(v, &o);
    // The fast path answers as the full check does.
    prop_assert_eq!(&check_email_full(v, &o), &r, "{:?}", v);
    // Normalizing twice changes nothing.
    let r2 = check_email(&r.normalized, &o);
    prop_assert_eq!(&r2.normalized, &r.normalized, "{:?}", v);
    prop_assert_eq!(r2.ok, r.ok, "{:?} → {:?}", v, r.normalized);
    // A suggestion, when offered, itself checks ok, and offers nothing more. (It is written
    // as typed: an international domain stays in Unicode, its `normalized` is Punycode.)
    if let Some(s) = &r.suggestion {
        let rs = check_email(s, &o);
        prop_assert!(rs.ok, "{:?} → suggestion {:?}: {:?}", v, s, rs.findings);
        prop_assert_eq!(&rs.suggestion, &None, "{:?} → suggestion {:?}", v, s);
    }
    Ok(())
}

proptest! {
    #![proptest_config(config(3000))]

    #[test]
    fn email_typed(v in email()) {
        email_checks(&v)?;
    }

    /// Arbitrary strings over ASCII, Latin, Cyrillic look-alikes, full-width and control
    /// characters, up to 40 of them: no panic, and the same properties.
    #[test]
    fn email_any_string(v in "[\\x00-\\x7f@.,ñáéüаоеі＠．ａ-ｚ\u{200b}\u{301}\u{3000}中😀ßİ]{0,40}") {
        email_checks(&v)?;
    }
}
