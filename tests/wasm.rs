//! The JS boundary, run by wasm-bindgen-test in Node (default) and in headless Chromium
//! (`WASM_BINDGEN_USE_BROWSER=1`); see `scripts/test.sh`. The decoding of tapes into result
//! objects (pkg-config/api.js) is tested through the package in tests/js and tests/e2e.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Reflect, JSON};
use prevalida::js::core::{
    check_email, check_id, check_password, check_phone, nit_check_digit, rut_check_digit, tables,
};
use tsify::Ts;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).expect("property")
}

fn options(json: &str) -> JsValue {
    JSON::parse(json).expect("json")
}

fn parse(tape: &str) -> Array {
    Array::from(&JSON::parse(tape).expect("a tape is JSON"))
}

/// The code names of a tape's findings, looked up in `tables()` as the glue does.
fn codes(findings: &JsValue) -> Vec<String> {
    let table = Array::from(&get(&JSON::parse(&tables()).unwrap(), "codes"));
    Array::from(findings)
        .iter()
        .map(|f| {
            let idx = Array::from(&f).get(0).as_f64().unwrap() as u32;
            Array::from(&table.get(idx)).get(0).as_string().unwrap()
        })
        .collect()
}

#[wasm_bindgen_test]
fn valid_address_is_the_short_tape() {
    let t = check_email("Ana@Dian.Gov.Co", None).expect("ok");
    assert_eq!(t, "\u{1}Ana@dian.gov.co");
}

#[wasm_bindgen_test]
fn email_tape_has_codes_params_and_suggestion() {
    let t = parse(&check_email("ventas@empresa,com,co", None).expect("ok"));
    assert_eq!(t.get(0), JsValue::from_f64(0.0));
    assert_eq!(
        t.get(2).as_string().as_deref(),
        Some("ventas@empresa.com.co")
    );
    assert_eq!(codes(&t.get(3)), ["email.comma_in_domain"]);
    let f = Array::from(&Array::from(&t.get(3)).get(0));
    assert_eq!(f.get(2).as_string().as_deref(), Some("suggestion"));
    assert_eq!(
        f.get(3).as_string().as_deref(),
        Some("ventas@empresa.com.co")
    );
}

#[wasm_bindgen_test]
fn email_options_are_read_and_checked() {
    let o = Ts::new_unchecked(options(r#"{"lang":"en","field":"rep.email"}"#));
    let t = parse(&check_email("ana@gmail", Some(o)).expect("ok"));
    let f = Array::from(&Array::from(&t.get(3)).get(0));
    assert_eq!(f.get(1).as_string().as_deref(), Some("rep.email"));
    for bad in [
        r#"{"lang":"fr"}"#,
        r#"{"field":3}"#,
        r#"{"officialDomains":"x"}"#,
        "[1]",
    ] {
        let e = check_email("a@b.co", Some(Ts::new_unchecked(options(bad)))).expect_err(bad);
        assert!(e.is_instance_of::<js_sys::Error>());
        assert_eq!(
            get(&e, "code").as_string().as_deref(),
            Some("api.invalid_argument"),
            "{bad}"
        );
    }
}

#[wasm_bindgen_test]
fn password_misuse_throws_with_a_code() {
    for bad in [
        r#"{"policy":"abc"}"#,
        r#"{}"#,
        r#"{"policy":{"minLength":-1}}"#,
        r#"{"policy":{"require":["upper","nope"]}}"#,
    ] {
        let e = check_password("x".into(), Ts::new_unchecked(options(bad))).expect_err(bad);
        assert_eq!(
            get(&e, "code").as_string().as_deref(),
            Some("api.invalid_argument"),
            "{bad}"
        );
    }
    let o = options(r#"{"policy":{"minLength":10,"maxLength":4}}"#);
    let e = check_password("x".into(), Ts::new_unchecked(o)).expect_err("bad policy throws");
    assert!(get(&e, "message")
        .as_string()
        .unwrap()
        .contains("maxLength"));
}

#[wasm_bindgen_test]
fn password_tape_has_rules_strength_and_findings() {
    let o = Ts::new_unchecked(options(r#"{"policy":"gse","confirmation":"Otra"}"#));
    let t = parse(&check_password("Colombia2024".into(), o).expect("ok"));
    assert_eq!(t.get(0), JsValue::from_f64(0.0));
    assert!(t.get(1).as_string().unwrap().contains("! # $"));
    assert_eq!(Array::from(&t.get(2)).length(), 6); // 5 GSE rules + confirmation
    assert!(t.get(3).as_f64().unwrap() <= 1.0); // score
    assert_eq!(
        codes(&t.get(6)),
        ["password.missing_special", "password.mismatch"]
    );
}

#[wasm_bindgen_test]
fn a_megabyte_of_input_returns_a_finding_and_the_instance_keeps_working() {
    let big = "a".repeat(1 << 20);
    let t = parse(&check_email(&format!("{big}@x.co"), None).expect("ok"));
    assert_eq!(codes(&t.get(3)), ["email.too_long"]);
    let o = Ts::new_unchecked(options(r#"{"policy":"gse"}"#));
    let t = parse(&check_password(big.clone(), o).expect("ok"));
    assert!(codes(&t.get(6)).contains(&"password.missing_upper".to_string()));
    assert_eq!(
        check_email("ana@gmail.com", None).unwrap(),
        "\u{1}ana@gmail.com"
    );
}

#[wasm_bindgen_test]
fn tables_list_every_code_rule_and_pattern() {
    let t = JSON::parse(&tables()).unwrap();
    assert_eq!(
        Array::from(&get(&t, "codes")).length() as usize,
        prevalida::Code::ALL.len()
    );
    assert_eq!(Array::from(&get(&t, "rules")).length(), 11);
    assert_eq!(Array::from(&get(&t, "patterns")).length(), 8);
}

#[wasm_bindgen_test]
fn clean_addresses_take_the_short_path() {
    use prevalida::js::core::email_is_clean;
    assert_eq!(email_is_clean("Ana@Dian.Gov.Co", None).unwrap(), 2);
    assert_eq!(email_is_clean("Ana@dian.gov.co", None).unwrap(), 1);
    for v in [
        "ana@gmail.con",
        "ana@hotmial.com",
        "x@siigo.corn",
        "ana@gmail",
        " a@b.co",
    ] {
        assert_eq!(email_is_clean(v, None).unwrap(), 0, "{v}");
    }
    let extra = Ts::new_unchecked(options(r#"{"officialDomains":["miempresa.co"]}"#));
    assert_eq!(email_is_clean("ana@gmail.com", Some(extra)).unwrap(), 0);
    let bad = Ts::new_unchecked(options(r#"{"lang":"fr"}"#));
    assert!(email_is_clean("ana@gmail.com", Some(bad)).is_err());
}

/// "Passwords are not kept after a call": after checkPassword, no copy of the password is
/// left in the module's memory, neither as UTF-8 nor as the UTF-32 working copies.
#[wasm_bindgen_test]
fn password_copies_are_wiped_from_wasm_memory() {
    // Built at run time so the test's own binary does not contain it as a literal; long, so
    // that the allocator's bookkeeping in the first bytes of a freed block cannot hide a copy
    // (the needles below are taken from its end).
    let secret: String = "!wP-oci6nU-t3rc3S-oL-aZoR-alEuba-al-ed-aveuN-atset"
        .chars()
        .rev()
        .collect();
    let lower: String = secret.to_lowercase();
    let tail = |s: &str| -> Vec<u8> { s.as_bytes()[s.len() - 14..].to_vec() };
    let utf32_tail = |s: &str| -> Vec<u8> {
        let cs: Vec<char> = s.chars().collect();
        cs[cs.len() - 8..]
            .iter()
            .flat_map(|&c| (c as u32).to_le_bytes())
            .collect()
    };
    let o = Ts::new_unchecked(options(
        r#"{"policy":{"minLength":8,"blocklist":true},"personal":["Ana"],"confirmation":"x"}"#,
    ));
    check_password(secret.clone(), o).expect("ok");
    let o = Ts::new_unchecked(options(r#"{"policy":"gse"}"#));
    check_password(secret.clone(), o).expect("ok");

    // Snapshot the memory: allocate the copy first (a large block comes from fresh memory,
    // not from the small freed blocks under test), then view the buffer as it now is.
    let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
    let before = js_sys::Uint8Array::new(&memory.buffer()).length();
    let mut bytes = vec![0u8; before as usize + (1 << 20)];
    let view = js_sys::Uint8Array::new(&memory.buffer()).subarray(0, before);
    view.copy_to(&mut bytes[..before as usize]);
    bytes.truncate(before as usize);
    let count = |needle: &[u8]| bytes.windows(needle.len()).filter(|w| *w == needle).count();
    // The test's own `secret` and `lower` are the only copies allowed to remain.
    assert_eq!(
        count(&tail(&secret)),
        1,
        "UTF-8 copies of the password remain"
    );
    assert_eq!(count(&tail(&lower)), 1, "lower-cased copies remain");
    assert_eq!(count(&utf32_tail(&secret)), 0, "UTF-32 copies remain");
    assert_eq!(count(&utf32_tail(&lower)), 0, "folded UTF-32 copies remain");
}

#[wasm_bindgen_test]
fn id_tape_has_compact_formatted_findings_and_details() {
    let t = parse(&check_id("co.nit".into(), "800.197.268-4".into(), None).expect("ok"));
    assert_eq!(t.get(0), JsValue::from_f64(1.0));
    assert_eq!(t.get(1).as_string().as_deref(), Some("8001972684"));
    assert_eq!(t.get(2).as_string().as_deref(), Some("800.197.268-4"));
    assert_eq!(t.get(5).as_string().as_deref(), Some("31"));
    assert_eq!(t.get(7).as_string().as_deref(), Some("company"));
    // A NIT in two fields, by DIAN code, with a field path: the DV field is named.
    let split = options(r#"{"nit": "900204272", "dv": "3"}"#);
    let o = options(r#"{"field": "empresa", "lang": "en"}"#);
    let t = parse(&check_id("31".into(), split, Some(Ts::new_unchecked(o))).expect("ok"));
    assert_eq!(codes(&t.get(3)), ["id.check_digit"]);
    let f = Array::from(&Array::from(&t.get(3)).get(0));
    assert_eq!(f.get(1).as_string().as_deref(), Some("empresa.dv"));
    let t = parse(&check_id("ec.ruc".into(), "1793213150001".into(), None).expect("ok"));
    assert_eq!(codes(&t.get(3)), ["id.ruc_checksum"]);
    assert_eq!(t.get(6).as_string().as_deref(), Some("private"));
    assert_eq!(t.get(8).as_string().as_deref(), Some("Pichincha"));
}

#[wasm_bindgen_test]
fn phone_tape_has_e164_national_type() {
    let t = parse(&check_phone("CO".into(), "+57 321 123 4567", None).expect("ok"));
    assert_eq!(t.get(1).as_string().as_deref(), Some("+573211234567"));
    assert_eq!(t.get(2).as_string().as_deref(), Some("321 1234567"));
    assert_eq!(t.get(3).as_string().as_deref(), Some("mobile"));
    let o = options(r#"{"type": "mobile"}"#);
    let t =
        parse(&check_phone("CO".into(), "601 2281260", Some(Ts::new_unchecked(o))).expect("ok"));
    assert_eq!(codes(&t.get(4)), ["phone.not_mobile"]);
    let t = parse(&check_phone("EC".into(), "212 3456", None).expect("ok"));
    assert_eq!(codes(&t.get(4)), ["phone.missing_area_code"]);
}

#[wasm_bindgen_test]
fn id_and_phone_misuse_throws_with_a_code() {
    let code = |e: JsValue| get(&e, "code").as_string();
    let bad = [
        check_id("co.dni".into(), "1".into(), None).unwrap_err(),
        check_id(JsValue::from_f64(13.0), "1".into(), None).unwrap_err(),
        check_id("cl.rut".into(), options(r#"{"nit": "1"}"#), None).unwrap_err(),
        check_id("co.cc".into(), JsValue::from_f64(1.0), None).unwrap_err(),
        check_phone("PE".into(), "1", None).unwrap_err(),
        check_phone(
            "CO".into(),
            "1",
            Some(Ts::new_unchecked(options(r#"{"type": "cell"}"#))),
        )
        .unwrap_err(),
    ];
    for e in bad {
        assert!(e.is_instance_of::<js_sys::Error>());
        assert_eq!(code(e).as_deref(), Some("api.invalid_argument"));
    }
    assert_eq!(nit_check_digit("900.373.115"), 3);
    assert_eq!(nit_check_digit("12a"), -1);
    assert_eq!(rut_check_digit("60.803.000"), "K");
    assert_eq!(rut_check_digit(""), "");
}
