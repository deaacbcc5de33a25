use super::*;
use crate::finding::Param;

fn check(c: &str, v: &str) -> PhoneResult {
    check_phone(Country::parse(c).unwrap(), v, &PhoneOptions::default())
}
fn codes(r: &PhoneResult) -> Vec<&'static str> {
    r.findings.iter().map(|f| f.code.as_str()).collect()
}

#[test]
fn colombia() {
    for (v, e164, national, t) in [
        (
            "321 123 4567",
            "+573211234567",
            "321 1234567",
            PhoneType::Mobile,
        ),
        (
            "+57 (321) 123-4567",
            "+573211234567",
            "321 1234567",
            PhoneType::Mobile,
        ),
        (
            "0057 3211234567",
            "+573211234567",
            "321 1234567",
            PhoneType::Mobile,
        ),
        (
            "573001234567",
            "+573001234567",
            "300 1234567",
            PhoneType::Mobile,
        ),
        (
            "601 2281260",
            "+576012281260",
            "601 2281260",
            PhoneType::Fixed,
        ),
        (
            "(604) 444.5555",
            "+576044445555",
            "604 4445555",
            PhoneType::Fixed,
        ),
        (
            "6016012345",
            "+576016012345",
            "601 6012345",
            PhoneType::Fixed,
        ),
        (
            "3333301234",
            "+573333301234",
            "333 3301234",
            PhoneType::Mobile,
        ),
    ] {
        let r = check("CO", v);
        assert!(r.ok, "{v}: {:?}", r.findings);
        assert_eq!(r.e164.as_deref(), Some(e164), "{v}");
        assert_eq!(r.national.as_deref(), Some(national), "{v}");
        assert_eq!(r.kind, Some(t), "{v}");
    }
    // Look right, but not in the plan: after 602–607 the local number starts with 2–9;
    // 36x and 39x mobiles are not assigned.
    for v in [
        "6041234567",
        "3601234567",
        "3901234567",
        "6091234567",
        "5123456789",
    ] {
        assert_eq!(codes(&check("CO", v)), ["phone.unassigned"], "{v}");
    }
    assert_eq!(codes(&check("CO", "2281260")), ["phone.old_fixed_format"]);
    let r = check("CO", "(1) 228 1260");
    assert_eq!(codes(&r), ["phone.old_area_code"]);
    assert_eq!(
        r.findings[0].params.get("suggestion"),
        Some(&Param::Text("601 2281260".into()))
    );
    assert_eq!(
        codes(&check("CO", "01 8000 123456")),
        ["phone.service_number"]
    );
    assert_eq!(
        codes(&check("CO", "1 800 0123456")),
        ["phone.service_number"]
    );
    assert_eq!(codes(&check("CO", "321 123 456")), ["phone.too_short"]);
    assert_eq!(codes(&check("CO", "321 123 45678")), ["phone.too_long"]);
    let r = check("CO", "+56 9 6123 4567");
    assert_eq!(codes(&r), ["phone.wrong_country"]);
    assert_eq!(
        r.findings[0].params.get("code"),
        Some(&Param::Text("56".into()))
    );
    assert_eq!(codes(&check("CO", "321-ABC-4567")), ["phone.invalid_char"]);
    assert_eq!(codes(&check("CO", " ( ) ")), ["phone.empty"]);
}

#[test]
fn demanded_type() {
    let mobile = PhoneOptions {
        r#type: Some(PhoneType::Mobile),
        ..Default::default()
    };
    let r = check_phone(Country::Co, "601 2281260", &mobile);
    assert!(!r.ok);
    assert_eq!(codes(&r), ["phone.not_mobile"]);
    assert_eq!(r.kind, Some(PhoneType::Fixed));
    assert!(check_phone(Country::Co, "3211234567", &mobile).ok);
    let fixed = PhoneOptions {
        r#type: Some(PhoneType::Fixed),
        ..Default::default()
    };
    assert_eq!(
        codes(&check_phone(Country::Ec, "0991234567", &fixed)),
        ["phone.not_fixed"]
    );
}

#[test]
fn chile() {
    let r = check("CL", "+56 9 6123 4567");
    assert!(r.ok);
    assert_eq!(
        (r.e164.as_deref(), r.national.as_deref()),
        (Some("+56961234567"), Some("9 6123 4567"))
    );
    assert_eq!(r.kind, Some(PhoneType::Mobile));
    let r = check("CL", "22 123 4567");
    assert!(r.ok);
    assert_eq!(
        (r.national.as_deref(), r.kind),
        (Some("2 2123 4567"), Some(PhoneType::Fixed))
    );
    let r = check("CL", "(32) 212 3456");
    assert_eq!(
        (r.national.as_deref(), r.kind),
        (Some("32 212 3456"), Some(PhoneType::Fixed))
    );
    // RULES.md §2.2: +56 9 1234 5678 is unassigned.
    assert_eq!(codes(&check("CL", "+56 9 1234 5678")), ["phone.unassigned"]);
    assert_eq!(codes(&check("CL", "800 123 456")), ["phone.service_number"]);
    assert_eq!(codes(&check("CL", "9 6123 456")), ["phone.too_short"]);
    assert_eq!(
        codes(&check("CL", "+57 321 1234567")),
        ["phone.wrong_country"]
    );
}

#[test]
fn ecuador() {
    for (v, e164, national, t) in [
        (
            "099 123 4567",
            "+593991234567",
            "099 123 4567",
            PhoneType::Mobile,
        ),
        (
            "+593 99 123 4567",
            "+593991234567",
            "099 123 4567",
            PhoneType::Mobile,
        ),
        (
            "593991234567",
            "+593991234567",
            "099 123 4567",
            PhoneType::Mobile,
        ),
        (
            "(02) 212-3456",
            "+59322123456",
            "02 212 3456",
            PhoneType::Fixed,
        ),
        (
            "+593 4 212 3456",
            "+59342123456",
            "04 212 3456",
            PhoneType::Fixed,
        ),
    ] {
        let r = check("EC", v);
        assert!(r.ok, "{v}: {:?}", r.findings);
        assert_eq!(r.e164.as_deref(), Some(e164), "{v}");
        assert_eq!(r.national.as_deref(), Some(national), "{v}");
        assert_eq!(r.kind, Some(t), "{v}");
    }
    assert_eq!(codes(&check("EC", "212 3456")), ["phone.missing_area_code"]);
    // 094x and 091x mobiles are not assigned; 08 is not a province code.
    for v in ["0941234567", "0911234567", "08 212 3456"] {
        assert_eq!(codes(&check("EC", v)), ["phone.unassigned"], "{v}");
    }
    assert_eq!(
        codes(&check("EC", "1800 123 4567")),
        ["phone.service_number"]
    );
    assert_eq!(
        codes(&check("EC", "+1 305 555 0100")),
        ["phone.wrong_country"]
    );
}

#[test]
fn matcher() {
    assert!(plan::matches("3[0-24-9]x", b"345"));
    assert!(!plan::matches("3[0-24-9]x", b"335"));
    assert!(plan::matches("9[05-9]", b"90"));
    assert!(plan::matches("9[05-9]", b"97"));
    assert!(!plan::matches("9[05-9]", b"93"));
    assert!(!plan::matches("9xx", b"99"));
    assert!(!plan::matches("9xx", b"9999"));
}

#[test]
fn hostile_input_is_answered() {
    for c in ["CO", "CL", "EC"] {
        for v in [
            "",
            "+",
            "++57",
            "+٣٢١",
            "\u{0}",
            &"9".repeat(1 << 20),
            "+000000",
            "(((",
            "5",
            "0",
            "00",
            "+593",
        ] {
            let r = check(c, v);
            assert!(!r.ok && !r.findings.is_empty(), "{c} {v:?}");
        }
    }
}
