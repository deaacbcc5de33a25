use super::*;

fn codes(v: &str) -> Vec<&'static str> {
    check_email(v, &EmailOptions::default())
        .findings
        .iter()
        .map(|f| f.code.as_str())
        .collect()
}

#[test]
fn accepts_ordinary_portal_addresses() {
    for v in [
        "dguerrero@dian.gov.co",
        "facturacion@empresa.com.co",
        "ana.maria+dian@gmail.com",
        "contacto@siigo.com",
        "rep.legal@empresa.cl",
        "juan_perez@sri.gob.ec",
        "x@a-b.co",
    ] {
        let r = check_email(v, &EmailOptions::default());
        assert!(r.ok && r.findings.is_empty(), "{v}: {:?}", r.findings);
        assert_eq!(r.normalized, v);
    }
}

#[test]
fn comma_where_a_dot_belongs_is_named_and_fixed() {
    let r = check_email("ventas@empresa,com,co", &EmailOptions::default());
    assert!(!r.ok);
    assert_eq!(r.findings[0].code, Code::EmailCommaInDomain);
    assert_eq!(r.suggestion.as_deref(), Some("ventas@empresa.com.co"));
    assert!(
        r.findings[0].message.contains("ventas@empresa.com.co"),
        "{}",
        r.findings[0].message
    );
}

#[test]
fn each_way_to_fail_has_its_own_code() {
    assert_eq!(codes(""), ["email.empty"]);
    assert_eq!(codes("   "), ["email.empty"]);
    assert_eq!(codes("juan.gmail.com"), ["email.missing_at"]);
    assert_eq!(codes("a@b@c.com"), ["email.multiple_at"]);
    assert_eq!(codes("@gmail.com"), ["email.local_empty"]);
    assert_eq!(codes("ana@"), ["email.domain_empty"]);
    assert_eq!(codes(".ana@gmail.com"), ["email.local_leading_dot"]);
    assert_eq!(codes("ana.@gmail.com"), ["email.local_trailing_dot"]);
    assert_eq!(codes("ana..b@gmail.com"), ["email.double_dot"]);
    assert_eq!(codes("ana@gmail..com"), ["email.double_dot"]);
    assert_eq!(codes("ana@.gmail.com"), ["email.domain_leading_dot"]);
    assert_eq!(codes("ana@gmail.com."), ["email.domain_trailing_dot"]);
    assert_eq!(codes("ana@gmail"), ["email.missing_tld"]);
    assert_eq!(codes("ana@empresa.123"), ["email.tld_invalid"]);
    assert_eq!(codes("ana(x)@gmail.com"), ["email.local_invalid_char"]);
    assert_eq!(codes("peña@gmail.com"), ["email.local_non_ascii"]);
    assert_eq!(codes("ana@em_presa.com"), ["email.domain_invalid_char"]);
    assert_eq!(codes("ana@-empresa.com"), ["email.label_hyphen"]);
    let long_label = format!("ana@{}.com", "a".repeat(64));
    assert_eq!(codes(&long_label), ["email.label_too_long"]);
    let long_local = format!("{}@gmail.com", "a".repeat(65));
    assert_eq!(codes(&long_local), ["email.local_too_long"]);
    let long_addr = format!("ana@{}.com", vec!["a".repeat(60); 5].join("."));
    assert_eq!(codes(&long_addr), ["email.domain_too_long"]);
}

#[test]
fn spaces_inside_and_around() {
    let r = check_email("  ana@gmail.com \n", &EmailOptions::default());
    assert!(r.ok);
    assert_eq!(r.normalized, "ana@gmail.com");
    assert_eq!(r.findings[0].code, Code::EmailSurroundingSpaces);
    assert_eq!(r.findings[0].severity, crate::finding::Severity::Info);

    let r = check_email("ana maria@gmail.com", &EmailOptions::default());
    assert!(!r.ok);
    assert_eq!(r.findings[0].code, Code::EmailSpaceInside);
    assert_eq!(r.suggestion.as_deref(), Some("anamaria@gmail.com"));
}

#[test]
fn fullwidth_is_converted_in_the_suggestion() {
    let r = check_email("ａｎａ＠ｇｍａｉｌ．ｃｏｍ", &EmailOptions::default());
    assert!(!r.ok);
    assert_eq!(r.findings[0].code, Code::EmailFullwidth);
    assert_eq!(r.suggestion.as_deref(), Some("ana@gmail.com"));
}

#[test]
fn typos_are_suggested_without_touching_country_domains() {
    let r = check_email("ana@gmail.con", &EmailOptions::default());
    assert!(!r.ok);
    assert_eq!(r.suggestion.as_deref(), Some("ana@gmail.com"));
    let r = check_email("ana@hotmial.com", &EmailOptions::default());
    assert!(r.ok, "a provider typo is a warning");
    assert_eq!(r.findings[0].code, Code::EmailDomainTypo);
    assert_eq!(r.suggestion.as_deref(), Some("ana@hotmail.com"));
    // A `.com`-only provider under a country's ending: a warning with the fix (issue 10).
    for (v, fix) in [
        ("ana@gmail.co", "ana@gmail.com"),
        ("ana@hotmail.com.co", "ana@hotmail.com"),
    ] {
        let r = check_email(v, &EmailOptions::default());
        assert!(r.ok, "{v}");
        assert_eq!(r.findings[0].code, Code::EmailDomainTypo, "{v}");
        assert_eq!(r.suggestion.as_deref(), Some(fix), "{v}");
    }
    for v in [
        "ana@empresa.com.co",
        "ana@live.cl",
        "ana@hotmail.es",
        "ana@colegio.edu.co",
    ] {
        let r = check_email(v, &EmailOptions::default());
        assert!(
            r.ok && r.suggestion.is_none() && r.findings.is_empty(),
            "{v}"
        );
    }
}

#[test]
fn the_seed_address_with_arabic_letters_is_flagged() {
    // seeds/001: "dguerrero@diان.gov.co", U+0627 U+0646 inside a Latin label.
    let r = check_email(
        "dguerrero@di\u{627}\u{646}.gov.co",
        &EmailOptions::default(),
    );
    assert!(!r.ok);
    let f = r
        .findings
        .iter()
        .find(|f| f.code == Code::EmailMixedScript)
        .expect("mixed script");
    assert!(f.message.contains("Latin + Arabic"), "{}", f.message);
}

#[test]
fn lookalike_of_an_official_domain_is_flagged() {
    let r = check_email("pagos@di\u{430}n.gov.co", &EmailOptions::default()); // Cyrillic а
    let got: Vec<_> = r.findings.iter().map(|f| f.code).collect();
    assert!(got.contains(&Code::EmailLookalikeDomain), "{got:?}");
    assert!(got.contains(&Code::EmailMixedScript), "{got:?}");
    // A whole-Cyrillic label is single-script, so only the skeleton catches it.
    let r = check_email("x@\u{455}\u{456}\u{456}.cl", &EmailOptions::default()); // ѕіі.cl
    assert_eq!(
        r.findings
            .iter()
            .filter(|f| f.code == Code::EmailLookalikeDomain)
            .count(),
        1
    );
    let opts = EmailOptions {
        official_domains: vec!["miempresa.co".into()],
        ..Default::default()
    };
    let r = check_email("x@miempres\u{430}.co", &opts);
    assert!(r
        .findings
        .iter()
        .any(|f| f.code == Code::EmailLookalikeDomain));
    // The real domain is the suggestion, for the caller's own official domains too.
    assert_eq!(r.suggestion.as_deref(), Some("x@miempresa.co"));
    let r = check_email("pagos@di\u{430}n.gov.co", &EmailOptions::default());
    assert_eq!(r.suggestion.as_deref(), Some("pagos@dian.gov.co"));
}

#[test]
fn international_domains_are_accepted_in_ascii_form() {
    let r = check_email("info@Español.com", &EmailOptions::default());
    assert!(r.ok, "{:?}", r.findings);
    assert_eq!(r.normalized, "info@xn--espaol-zwa.com");
    assert_eq!(r.findings[0].code, Code::EmailIdn);
}

#[test]
fn english_messages_and_field_path() {
    let opts = EmailOptions {
        lang: Lang::En,
        field: Some("rep.email".into()),
        ..Default::default()
    };
    let r = check_email("ana@gmail,com", &opts);
    assert_eq!(r.findings[0].field.as_deref(), Some("rep.email"));
    assert!(r.findings[0].message.starts_with("There is a comma"));
}

#[test]
fn a_megabyte_is_answered_by_its_length() {
    let big = "a".repeat(1 << 20) + "@gmail.com";
    let r = check_email(&big, &EmailOptions::default());
    assert_eq!(r.findings[0].code, Code::EmailTooLong);
    assert_eq!(r.findings.len(), 1);
}

#[test]
fn clean_agrees_with_the_full_check() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus/email");
    let mut inputs: Vec<String> = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        // Inputs only; the JSON is parsed loosely so lone surrogates do not matter here.
        for line in text
            .lines()
            .filter(|l| l.trim_start().starts_with("\"input\""))
        {
            if let Ok(v) = serde_json::from_str::<serde_json::Value>(&format!(
                "{{{}}}",
                line.trim().trim_end_matches(',')
            )) {
                inputs.push(v["input"].as_str().unwrap_or_default().to_owned());
            }
        }
    }
    assert!(inputs.len() > 1000, "{}", inputs.len());
    inputs.extend(
        [
            "ana@gmail.con",
            "ana@hotmial.com",
            "ANA@GMAIL.COM",
            "x@siigo.corn",
            "a@b.co",
            "a@1.co",
            "a@b.12",
            "a@b-.co",
        ]
        .map(String::from),
    );
    let mut fast = 0;
    for input in &inputs {
        if let Some(r) = fast_path(input, &EmailOptions::default()) {
            fast += 1;
            // Any extra official domain forces the full check.
            let cx_opts = EmailOptions {
                official_domains: vec!["never-matches.invalid".into()],
                ..Default::default()
            };
            assert_eq!(check_email(input, &cx_opts), r, "{input:?}");
        }
    }
    assert!(fast > 100, "the fast path took only {fast} inputs");
}

#[test]
fn a_repair_is_not_offered_when_the_repaired_address_still_fails() {
    let long = format!(
        "{}@{}.com,co",
        "a".repeat(64),
        vec!["b".repeat(50); 4].join(".")
    );
    let r = check_email(&long, &EmailOptions::default());
    let codes: Vec<_> = r.findings.iter().map(|f| f.code).collect();
    assert!(codes.contains(&Code::EmailCommaInDomain), "{codes:?}");
    assert!(codes.contains(&Code::EmailTooLong), "{codes:?}");
    assert_eq!(r.suggestion, None);
    let r = check_email("ana maria.gmail.com", &EmailOptions::default());
    assert_eq!(r.suggestion, None);
}

/// Found by the property tests (tests/properties.rs, "normalizing twice changes nothing"):
/// `gmaíl.comm` passed while its ASCII form `xn--gmal-xpa.comm`, the address the check
/// itself normalized it to, was refused for its TLD. Now both get `email.tld_typo` and the
/// same suggestion (in ASCII form, as `normalized` is).
#[test]
fn an_international_domain_gets_the_tld_typo_its_ascii_form_gets() {
    for (v, ascii, fix) in [
        (" A@gmaíl.comm", "A@xn--gmal-xpa.comm", "A@xn--gmal-xpa.com"),
        (
            "ana@españa.con",
            "ana@xn--espaa-rta.con",
            "ana@xn--espaa-rta.com",
        ),
        (
            "ana@correo.españa.nte",
            "ana@correo.xn--espaa-rta.nte",
            "ana@correo.xn--espaa-rta.net",
        ),
    ] {
        for v in [v, ascii] {
            let r = check_email(v, &EmailOptions::default());
            assert!(!r.ok, "{v}");
            assert!(
                r.findings.iter().any(|f| f.code == Code::EmailTldTypo),
                "{v}"
            );
            assert_eq!(r.suggestion.as_deref(), Some(fix), "{v}");
        }
        assert!(check_email(fix, &EmailOptions::default()).ok, "{fix}");
    }
    // Provider misspellings stay ASCII-only: an international name is not "fixed".
    assert_eq!(
        check_email("a@gmaíl.com", &EmailOptions::default()).suggestion,
        None
    );
}
