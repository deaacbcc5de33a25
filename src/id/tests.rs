use super::*;
use crate::finding::Param;

fn check(kind: &str, v: &str) -> IdResult {
    let (k, code) = Kind::parse(kind).expect(kind);
    check_id_as(k, code, v, &IdOptions::default())
}
fn codes(r: &IdResult) -> Vec<&'static str> {
    r.findings.iter().map(|f| f.code.as_str()).collect()
}

#[test]
fn nit_vectors_from_rules() {
    for (v, f) in [
        ("800.197.268-4", "800.197.268-4"),
        ("900204272-8", "900.204.272-8"),
        ("830048145-8", "830.048.145-8"),
        ("900 559 088 2", "900.559.088-2"),
        ("8903211510", "890.321.151-0"),
        ("901223648-8", "901.223.648-8"),
        ("900–373–115–3", "900.373.115-3"), // en dashes pasted from a PDF
    ] {
        let r = check("co.nit", v);
        assert!(r.ok, "{v}: {:?}", r.findings);
        assert_eq!(r.formatted, f);
        assert_eq!(r.details.holder, Some(Holder::Company));
        assert_eq!(r.details.dian_code, Some("31"));
    }
    let r = check("co.nit", "800.197.268-5");
    assert!(!r.ok);
    assert_eq!(codes(&r), ["id.check_digit"]);
    assert_eq!(
        r.findings[0].params.get("expected"),
        Some(&Param::Text("4".into()))
    );
    let r = Finding::build(
        Code::IdCheckDigit,
        Some(Lang::Es),
        r.findings[0].params.0.clone(),
    );
    assert!(r
        .message
        .starts_with("El dígito de verificación debería ser 4, no 5"));
}

#[test]
fn nit_lengths_and_holder() {
    // A person's NIT is the cédula: 6–10 digits, no warning; 5 digits warns.
    let r = check("co.nit", "79123456-1");
    assert_eq!(r.ok, nit_check_digit("79123456") == Some(1));
    let body = "12345";
    let dv = nit_check_digit(body).unwrap();
    let r = check("co.nit", &format!("{body}-{dv}"));
    assert!(r.ok);
    assert_eq!(codes(&r), ["id.unusual_length"]);
    assert_eq!(check("co.nit", "1234-5").findings[0].code, Code::IdTooShort);
    assert_eq!(
        check("co.nit", "1234567890123456-1").findings[0].code,
        Code::IdTooLong
    );
    let r = check("co.nit", "1020304050-7");
    if r.ok {
        assert_eq!(r.details.holder, Some(Holder::Person));
    }
    assert_eq!(
        check("co.nit", "900.204.272-X").findings[0].code,
        Code::IdInvalidChar
    );
    assert_eq!(check("co.nit", "  ").findings[0].code, Code::IdEmpty);
}

#[test]
fn nit_in_two_fields_names_the_wrong_one() {
    let o = IdOptions {
        field: Some("empresa".into()),
        ..Default::default()
    };
    let r = check_nit_parts("900204272", "8", &o);
    assert!(r.ok);
    assert_eq!(
        (r.compact.as_str(), r.formatted.as_str()),
        ("9002042728", "900.204.272-8")
    );
    let r = check_nit_parts("900204272", "3", &o);
    assert_eq!(codes(&r), ["id.check_digit"]);
    assert_eq!(r.findings[0].field.as_deref(), Some("empresa.dv"));
    let r = check_nit_parts("900204272", "", &o);
    assert_eq!(codes(&r), ["id.dv_missing"]);
    assert_eq!(r.findings[0].field.as_deref(), Some("empresa.dv"));
    // The whole NIT-DV typed in the NIT field, the DV repeated or left empty.
    for dv in ["8", ""] {
        let r = check_nit_parts("900.204.272-8", dv, &o);
        assert_eq!(codes(&r), ["id.nit_includes_dv"], "{dv:?}");
        assert_eq!(r.findings[0].field.as_deref(), Some("empresa.nit"));
        assert_eq!(
            r.findings[0].params.get("body"),
            Some(&Param::Text("900204272".into()))
        );
    }
    let r = check_nit_parts("9002O4272", "8", &IdOptions::default());
    assert_eq!(codes(&r), ["id.invalid_char"]);
    assert_eq!(r.findings[0].field.as_deref(), Some("nit"));
    assert_eq!(
        check_nit_parts("900204272", "88", &o).findings[0].code,
        Code::IdTooLong
    );
    assert_eq!(
        check_nit_parts("900204272", "x", &o).findings[0].code,
        Code::IdInvalidChar
    );
}

#[test]
fn personal_documents() {
    let r = check("13", "1.020.304.050");
    assert!(r.ok);
    assert_eq!(
        (r.compact.as_str(), r.formatted.as_str()),
        ("1020304050", "1.020.304.050")
    );
    assert_eq!(r.details.kind, Kind::CoCc);
    assert_eq!(r.details.holder, Some(Holder::Person));
    assert_eq!(codes(&check("co.cc", "01234567")), ["id.leading_zero"]);
    let r = check("co.cc", "45123");
    assert!(r.ok);
    assert_eq!(codes(&r), ["id.cc_short"]);
    assert_eq!(codes(&check("co.cc", "1234")), ["id.too_short"]);
    assert_eq!(codes(&check("co.cc", "12345678901")), ["id.too_long"]);
    assert_eq!(codes(&check("co.cc", "52.4O1.223")), ["id.invalid_char"]);
    let r = check("co.ce", "1234567890");
    assert!(r.ok);
    assert_eq!(codes(&r), ["id.unusual_length"]);
    let r = check("passport", "ab 123456");
    assert!(r.ok);
    assert_eq!(r.compact, "AB123456");
    assert_eq!(codes(&check("passport", "AB12")), ["id.too_short"]);
    assert_eq!(codes(&check("passport", "AB12#3456")), ["id.invalid_char"]);
    let r = check("50", "DE-123456789");
    assert!(r.ok);
    assert_eq!(
        (r.details.kind, r.details.dian_code),
        (Kind::Foreign, Some("50"))
    );
    assert_eq!(r.details.holder, None);
}

#[test]
fn dian_table_maps_codes_and_kinds() {
    let codes: Vec<_> = DIAN_DOCUMENT_TYPES.iter().map(|t| t.code).collect();
    assert_eq!(
        codes,
        ["11", "12", "13", "21", "22", "31", "41", "42", "47", "48", "50", "91"]
    );
    assert_eq!(Kind::parse("co.cc"), Some((Kind::CoCc, Some("13"))));
    assert_eq!(Kind::parse("co.ce"), Some((Kind::CoCe, Some("22"))));
    assert_eq!(Kind::parse("co.nuip"), Some((Kind::CoNuip, Some("91"))));
    assert_eq!(Kind::parse("foreign"), Some((Kind::Foreign, Some("42"))));
    assert_eq!(Kind::parse("cl.rut"), Some((Kind::ClRut, None)));
    assert_eq!(Kind::parse("14"), None);
    assert_eq!(Kind::parse("CO.CC"), None);
    for k in Kind::ALL {
        assert_eq!(Kind::parse(k.as_str()).map(|p| p.0), Some(*k));
    }
}

#[test]
fn rut_vectors_from_rules() {
    for (v, compact, f, holder) in [
        (
            "60.803.000-K",
            "60803000-K",
            "60.803.000-K",
            Holder::Company,
        ),
        ("60803000k", "60803000-K", "60.803.000-K", Holder::Company),
        (
            "CL76086428-5",
            "76086428-5",
            "76.086.428-5",
            Holder::Company,
        ),
        ("96874030-K", "96874030-K", "96.874.030-K", Holder::Company),
        ("12.531.909-2", "12531909-2", "12.531.909-2", Holder::Person),
        ("07880442-4", "7880442-4", "7.880.442-4", Holder::Person),
    ] {
        let r = check("cl.rut", v);
        assert!(r.ok, "{v}: {:?}", r.findings);
        assert_eq!((r.compact.as_str(), r.formatted.as_str()), (compact, f));
        assert_eq!(r.details.holder, Some(holder));
    }
    let r = check("cl.rut", "60.803.000-1");
    assert_eq!(codes(&r), ["id.check_digit"]);
    assert_eq!(
        r.findings[0].params.get("expected"),
        Some(&Param::Text("K".into()))
    );
    assert_eq!(codes(&check("cl.rut", "6080K000-1")), ["id.invalid_char"]);
    let small = format!("123456-{}", rut_check_digit("123456").unwrap());
    let r = check("cl.rut", &small);
    assert!(r.ok);
    assert_eq!(codes(&r), ["id.rut_small"]);
    assert_eq!(codes(&check("cl.rut", "123456789-0")), ["id.too_long"]);
    assert_eq!(codes(&check("cl.rut", "0-0")), ["id.too_short"]);
}

#[test]
fn ecuador_cedula() {
    for v in ["1710034065", "171430710-3", "0926687856"] {
        let r = check("ec.ci", v);
        assert!(r.ok, "{v}: {:?}", r.findings);
        assert_eq!(r.details.holder, Some(Holder::Person));
    }
    assert_eq!(
        check("ec.ci", "1710034065").details.province,
        Some("Pichincha")
    );
    assert_eq!(codes(&check("ec.ci", "1710034066")), ["id.check_digit"]);
    assert_eq!(codes(&check("ec.ci", "2510034065")), ["id.province"]);
    assert_eq!(codes(&check("ec.ci", "1770034065")), ["id.third_digit"]);
    assert_eq!(codes(&check("ec.ci", "171003406")), ["id.too_short"]);
}

#[test]
fn ecuador_ruc() {
    let r = check("ec.ruc", "1710034065001");
    assert!(r.ok);
    assert_eq!(r.details.ruc_type, Some(RucType::Natural));
    assert_eq!(
        codes(&check("ec.ruc", "1710034065000")),
        ["id.establishment"]
    );
    assert_eq!(codes(&check("ec.ruc", "1710034066001")), ["id.check_digit"]);
    // Public (third digit 6) and private (9), valid by their checksums.
    let r = check("ec.ruc", "1760001550001");
    assert!(r.ok, "{:?}", r.findings);
    assert_eq!(r.details.ruc_type, Some(RucType::Public));
    let r = check("ec.ruc", "0992397535001");
    assert!(r.ok, "{:?}", r.findings);
    assert_eq!(r.details.ruc_type, Some(RucType::Private));
    assert_eq!(r.details.holder, Some(Holder::Company));
    // The SRI's own numbers that fail the checksum (RULES.md §3.2): a warning.
    for v in [
        "1793213150001",
        "1793189906001",
        "0993366721001",
        "0993370026001",
        "0993381661001",
    ] {
        let r = check("ec.ruc", v);
        assert!(r.ok, "{v}");
        assert_eq!(codes(&r), ["id.ruc_checksum"], "{v}");
    }
    assert_eq!(
        codes(&check("ec.ruc", "1793213150000")),
        ["id.establishment"]
    );
    assert_eq!(codes(&check("ec.ruc", "1783213150001")), ["id.third_digit"]);
}

#[test]
fn check_digit_helpers() {
    assert_eq!(nit_check_digit("800197268"), Some(4));
    assert_eq!(nit_check_digit(""), None);
    assert_eq!(nit_check_digit("12a"), None);
    assert_eq!(nit_check_digit("1234567890123456"), None);
    assert_eq!(rut_check_digit("60803000"), Some('K'));
    assert_eq!(rut_check_digit("12531909"), Some('2'));
    assert_eq!(rut_check_digit("123456789"), None);
}

#[test]
fn hostile_input_is_answered() {
    let big = "9".repeat(1 << 20);
    for k in Kind::ALL {
        let r = check_id(*k, &big, &IdOptions::default());
        assert!(!r.ok);
        assert_eq!(r.findings[0].code, Code::IdTooLong);
        for v in [
            "",
            "-",
            "\u{0}",
            "ñ",
            "K",
            "CL",
            "k-k",
            "٣٤٥",
            "𝟗𝟎𝟎",
            "0000000000000",
            "--..,, ",
        ] {
            let r = check_id(*k, v, &IdOptions::default());
            assert!(!r.findings.is_empty() || r.ok, "{k:?} {v:?}");
        }
    }
    let r = check_nit_parts(&big, &big, &IdOptions::default());
    assert!(!r.ok);
}
