use super::*;

fn opts(policy: Policy) -> PasswordOptions {
    PasswordOptions {
        policy,
        confirmation: None,
        personal: vec![],
        lang: Lang::Es,
        field: None,
        skip_messages: false,
    }
}
fn gse() -> PasswordOptions {
    opts(Policy::Named(PolicyName::Gse))
}
fn codes(r: &PasswordResult) -> Vec<&'static str> {
    r.findings.iter().map(|f| f.code.as_str()).collect()
}

#[test]
fn gse_checklist_in_order_and_all_met() {
    let r = check_password("Vaca-Azul-Montaña-42", &gse()).unwrap();
    let ids: Vec<_> = r.rules.iter().map(|r| r.id).collect();
    assert_eq!(
        ids,
        [
            RuleId::MinLength,
            RuleId::Upper,
            RuleId::Lower,
            RuleId::Digit,
            RuleId::Special
        ]
    );
    assert!(r.rules.iter().all(|r| r.ok));
    // ñ is outside GSE's listed characters: a warning, not an error.
    assert!(r.ok);
    assert_eq!(codes(&r), ["password.char_may_be_rejected"]);
    assert!(r.rules[4]
        .message
        .contains("! # $ % & ( ) [ ] < = > ? @ ^ * ~ . -"));
}

#[test]
fn gse_each_missing_class_has_its_code() {
    let r = check_password("abc", &gse()).unwrap();
    assert_eq!(
        codes(&r),
        [
            "password.too_short",
            "password.missing_upper",
            "password.missing_digit",
            "password.missing_special"
        ]
    );
    assert!(r.findings[0].message.contains("3 caracteres"));
}

#[test]
fn n_tilde_and_accents_do_not_count_as_letters_of_the_portal() {
    let r = check_password("ÑANDÚ#2024ñ", &gse()).unwrap();
    let c = codes(&r);
    assert!(c.contains(&"password.missing_lower"), "{c:?}");
    assert!(r
        .findings
        .iter()
        .find(|f| f.code == Code::PasswordMissingLower)
        .unwrap()
        .message
        .contains("ñ"));
}

#[test]
fn underscore_is_not_a_gse_special() {
    let r = check_password("Contable_2024", &gse()).unwrap();
    assert_eq!(
        codes(&r),
        ["password.missing_special", "password.char_may_be_rejected"]
    );
    assert!(r.findings[1].message.contains("«_»"));
}

#[test]
fn dian_needs_no_lowercase_and_takes_any_ascii_special() {
    let p = opts(Policy::Named(PolicyName::Dian));
    let r = check_password("ALMACEN_LLAVES_2026", &p).unwrap();
    assert!(r.ok, "{:?}", r.findings);
    assert!(!r.rules.iter().any(|r| r.id == RuleId::Lower));
}

#[test]
fn nist_is_length_and_blocklist_only() {
    strength::load_test_data();
    let p = opts(Policy::Named(PolicyName::Nist));
    let r = check_password("tres tristes tigres comen trigo", &p).unwrap();
    assert!(r.ok, "{:?}", r.findings);
    let r = check_password("qz7k", &p).unwrap();
    assert_eq!(codes(&r), ["password.too_short"]);
    let r = check_password("123456789012345", &p).unwrap();
    assert!(r.ok || codes(&r).contains(&"password.blocklisted"));
    let r = check_password("Contraseña", &opts(Policy::Named(PolicyName::Nist))).unwrap();
    assert!(
        codes(&r).contains(&"password.blocklisted"),
        "{:?}",
        codes(&r)
    );
}

#[test]
fn custom_policy_rules() {
    let c = CustomPolicy {
        min_length: Some(10),
        max_length: Some(12),
        require: vec![CharClass::Digit],
        specials: Some("*".into()),
        forbid_whitespace: true,
        max_repeat: Some(2),
        blocklist: true,
    };
    let r = check_password("aaa 1234567890", &opts(Policy::Custom(c.clone()))).unwrap();
    assert_eq!(
        codes(&r),
        [
            "password.too_long",
            "password.whitespace",
            "password.repeated_run",
            "password.char_may_be_rejected"
        ]
    );
    let bad = CustomPolicy {
        min_length: Some(9),
        max_length: Some(3),
        ..c
    };
    assert!(check_password("x", &opts(Policy::Custom(bad))).is_err());
}

#[test]
fn confirmation_and_personal_data() {
    let mut o = gse();
    o.confirmation = Some("Otra#Cosa99".into());
    o.personal = vec![
        "Rodrigo Pardo".into(),
        "rpardo@empresa.com.co".into(),
        "900.373.115-3".into(),
    ];
    let r = check_password("Rodrigo#2024x", &o).unwrap();
    let c = codes(&r);
    assert!(c.contains(&"password.mismatch"), "{c:?}");
    assert!(c.contains(&"password.contains_personal"), "{c:?}");
    let r = check_password("Clave#9003731153", &o).unwrap();
    assert!(codes(&r).contains(&"password.contains_personal"));
    let rule = r
        .rules
        .iter()
        .find(|r| r.id == RuleId::Confirmation)
        .unwrap();
    assert!(!rule.ok);
}

#[test]
fn weak_but_compliant_is_a_warning_with_the_reason() {
    strength::load_test_data();
    let r = check_password("Colombia2024*", &gse()).unwrap();
    assert!(r.ok);
    assert_eq!(codes(&r), ["password.weak"]);
    assert!(r.strength.score < 3);
}

#[test]
fn never_trimmed_or_normalized() {
    let r = check_password(" Abcdef1# ", &gse()).unwrap();
    // The spaces count toward the length and are warned about, not removed.
    assert!(r.rules[0].ok);
    assert!(codes(&r).contains(&"password.char_may_be_rejected"));
}

#[test]
fn a_megabyte_password_returns() {
    let big = "Ab1#".repeat(1 << 18);
    let r = check_password(&big, &gse()).unwrap();
    // No portal takes it (HARD_MAX, even with no maximum in the policy); the rest is
    // judged on the first 1,025 characters, which meet every other rule.
    assert!(!r.ok);
    assert_eq!(codes(&r), ["password.too_long"]);
    assert_eq!(
        r.findings[0].params.get("length"),
        Some(&Param::from(1usize << 20))
    );
    assert_eq!(r.strength.score, 4);
    let r = check_password(&"a".repeat(1 << 20), &gse()).unwrap();
    assert_eq!(codes(&r)[0], "password.too_long");
    assert!(codes(&r).contains(&"password.missing_upper"));
    let r = check_password(&"Ab1#".repeat(256), &gse()).unwrap();
    assert!(r.ok, "1,024 characters are accepted");
}

#[test]
fn empty_is_one_finding() {
    let r = check_password("", &gse()).unwrap();
    assert_eq!(codes(&r), ["password.empty"]);
    assert!(r.rules.iter().all(|r| !r.ok));
}
