//! `tests/fixtures/email-mistakes.json`: realistic mistakes of applicants in Colombia, Chile
//! and Ecuador (and valid addresses of real regional domains), each with the code it must
//! get and the suggestion it must get, or none. `code` is the first finding's (errors
//! first; the info `email.idn` is not counted), `null` for an address with no finding.
//! The package runs the same file (tests/js/email-mistakes.test.mjs).

use prevalida::email::{check_email, EmailOptions};
use prevalida::Severity;

#[test]
fn every_mistake_gets_its_code_and_its_suggestion() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/email-mistakes.json"
    );
    let cases: Vec<serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert!(cases.len() >= 150, "{}", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let input = case["input"].as_str().unwrap();
        let r = check_email(input, &EmailOptions::default());
        let first = r
            .findings
            .iter()
            .find(|f| f.code.as_str() != "email.idn")
            .map(|f| f.code.as_str());
        let want_code = case["code"].as_str();
        let want_suggestion = case["suggestion"].as_str();
        let severity_ok = match r.findings.first() {
            Some(f) if f.severity == Severity::Error => !r.ok,
            _ => r.ok,
        };
        if first != want_code || r.suggestion.as_deref() != want_suggestion || !severity_ok {
            failures.push(format!(
                "{input:?} [{}]: got {first:?} / {:?}, want {want_code:?} / {want_suggestion:?}",
                case["category"], r.suggestion
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases fail:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

/// No input panics, and a suggestion always passes the check itself: every corpus input
/// cut at each character, doubled, and with each of the characters the repairs handle
/// inserted at each position.
#[test]
fn suggestions_pass_and_nothing_panics() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/email-mistakes.json"
    );
    let cases: Vec<serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let opts = EmailOptions::default();
    let inserts = [
        "@", ".", ",", "<", ">", "\"", "\u{200B}", "\u{FF20}", "\u{FE6B}", "\u{3002}", " ", "xn--",
        "mailto:", "\u{430}",
    ];
    let mut n = 0;
    for case in &cases {
        let input = case["input"].as_str().unwrap();
        let mut variants = vec![format!("{input}{input}")];
        for (i, _) in input.char_indices() {
            variants.push(input[..i].to_owned());
            for ins in inserts {
                variants.push(format!("{}{ins}{}", &input[..i], &input[i..]));
            }
        }
        for v in variants {
            let r = check_email(&v, &opts);
            n += 1;
            if let Some(s) = &r.suggestion {
                let again = check_email(s, &opts);
                assert!(again.ok, "{v:?} → {s:?}: {:?}", again.findings);
                assert_ne!(s, v.trim(), "{v:?}: the suggestion is the input");
            }
        }
    }
    assert!(n > 10_000, "{n}");
}
