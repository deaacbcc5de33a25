//! The core module's boundary (src/js/core.rs), run by wasm-bindgen-test in Node (default)
//! and in headless Chromium (`WASM_BINDGEN_USE_BROWSER=1`); see `scripts/test.sh`. The
//! rendering of messages (pkg-config/messages.js) is tested through the package in tests/js
//! and tests/e2e.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Reflect, JSON};
use prevalida::js::core::{email_is_clean, nit_check_digit, run_check, rut_check_digit, tables};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).expect("property")
}

fn options(json: &str) -> JsValue {
    JSON::parse(json).expect("json")
}

/// Runs a check of the registry as the package does (by its number, options as JSON text);
/// its result as a JS object.
fn check(name: &str, value: JsValue, opts: &str) -> Result<JsValue, JsValue> {
    let index = prevalida::registry::NAMES
        .iter()
        .position(|n| *n == name)
        .map_or(u32::MAX, |i| i as u32);
    let (text, parts) = match value.as_string() {
        Some(s) => (s, String::new()),
        None if value.is_object() => (
            String::new(),
            String::from(JSON::stringify(&value).unwrap()),
        ),
        None => (String::new(), "3".into()), // not a string nor an object: as the glue refuses it
    };
    run_check(index, text, parts, opts.to_owned())
        .map(|json| JSON::parse(&json).expect("a result is JSON"))
}

fn text(s: &str) -> JsValue {
    JsValue::from_str(s)
}

/// The codes of a result's findings.
fn codes(result: &JsValue) -> Vec<String> {
    Array::from(&get(result, "findings"))
        .iter()
        .map(|f| get(&f, "code").as_string().unwrap())
        .collect()
}

fn first(result: &JsValue, key: &str) -> JsValue {
    get(&Array::from(&get(result, "findings")).get(0), key)
}

fn misuse_code(e: &JsValue) -> Option<String> {
    assert!(e.is_instance_of::<js_sys::Error>());
    get(e, "code").as_string()
}

#[wasm_bindgen_test]
fn email_result_has_codes_params_and_suggestion() {
    let r = check("checkEmail", text("ventas@empresa,com,co"), "").expect("ok");
    assert_eq!(get(&r, "ok"), JsValue::FALSE);
    assert_eq!(
        get(&r, "suggestion").as_string().as_deref(),
        Some("ventas@empresa.com.co")
    );
    assert_eq!(codes(&r), ["email.comma_in_domain"]);
    assert_eq!(
        get(&first(&r, "params"), "suggestion")
            .as_string()
            .as_deref(),
        Some("ventas@empresa.com.co")
    );
    // Severity and message are the package's to fill, from the one table.
    assert!(first(&r, "message").is_undefined() && first(&r, "severity").is_undefined());
    let r = check("checkEmail", text("Ana@Dian.Gov.Co"), "").expect("ok");
    assert_eq!(
        get(&r, "normalized").as_string().as_deref(),
        Some("Ana@dian.gov.co")
    );
}

#[wasm_bindgen_test]
fn email_options_are_read_and_checked() {
    let r = check(
        "checkEmail",
        text("ana@gmail"),
        r#"{"lang":"en","field":"rep.email"}"#,
    )
    .expect("ok");
    assert_eq!(first(&r, "field").as_string().as_deref(), Some("rep.email"));
    for bad in [
        r#"{"lang":"fr"}"#,
        r#"{"field":3}"#,
        r#"{"officialDomains":"x"}"#,
        "[1]",
        "{not json",
    ] {
        let e = check("checkEmail", text("a@b.co"), bad).expect_err(bad);
        assert_eq!(
            misuse_code(&e).as_deref(),
            Some("api.invalid_argument"),
            "{bad}"
        );
    }
    let e = check("checkEmail", JsValue::from_f64(3.0), "").expect_err("a number");
    assert_eq!(misuse_code(&e).as_deref(), Some("api.invalid_argument"));
    let e = check("checkNothing", text("x"), "").expect_err("no such check");
    assert_eq!(misuse_code(&e).as_deref(), Some("api.invalid_argument"));
    let e = prevalida::js::core::fallback_result(99).expect_err("no such check");
    assert_eq!(misuse_code(&e).as_deref(), Some("api.invalid_argument"));
}

#[wasm_bindgen_test]
fn password_misuse_throws_with_a_code() {
    for bad in [
        r#"{"policy":"abc"}"#,
        r#"{}"#,
        r#"{"policy":{"minLength":-1}}"#,
        r#"{"policy":{"require":["upper","nope"]}}"#,
    ] {
        let e = check("checkPassword", text("x"), bad).expect_err(bad);
        assert_eq!(
            misuse_code(&e).as_deref(),
            Some("api.invalid_argument"),
            "{bad}"
        );
    }
    let e = check(
        "checkPassword",
        text("x"),
        r#"{"policy":{"minLength":10,"maxLength":4}}"#,
    )
    .expect_err("bad policy throws");
    assert!(get(&e, "message")
        .as_string()
        .unwrap()
        .contains("maxLength"));
}

#[wasm_bindgen_test]
fn password_result_has_rules_strength_and_findings() {
    let r = check(
        "checkPassword",
        text("Colombia2024"),
        r#"{"policy":"gse","confirmation":"Otra"}"#,
    )
    .expect("ok");
    assert_eq!(get(&r, "ok"), JsValue::FALSE);
    assert!(get(&r, "allowed").as_string().unwrap().contains("! # $"));
    // 5 GSE rules + confirmation, as the glue reads them: [id, ok, n] each.
    let rules = Array::from(&get(&r, "rules"));
    assert_eq!(rules.length(), 18);
    assert_eq!(rules.get(0).as_string().as_deref(), Some("min_length"));
    assert_eq!(rules.get(2).as_f64(), Some(8.0));
    assert_eq!(rules.get(15).as_string().as_deref(), Some("confirmation"));
    assert_eq!(rules.get(16), JsValue::FALSE);
    assert!(rules.get(17).is_null());
    assert!(get(&get(&r, "strength"), "score").as_f64().unwrap() <= 1.0);
    assert_eq!(codes(&r), ["password.missing_special", "password.mismatch"]);
}

#[wasm_bindgen_test]
fn a_megabyte_of_input_returns_a_finding_and_the_instance_keeps_working() {
    let big = "a".repeat(1 << 20);
    let r = check("checkEmail", text(&format!("{big}@x.co")), "").expect("ok");
    assert_eq!(codes(&r), ["email.too_long"]);
    let r = check("checkPassword", text(&big), r#"{"policy":"gse"}"#).expect("ok");
    assert!(codes(&r).contains(&"password.missing_upper".to_string()));
    let r = check("checkEmail", text("ana@gmail.com"), "").expect("ok");
    assert_eq!(get(&r, "ok"), JsValue::TRUE);
}

#[wasm_bindgen_test]
fn every_check_has_a_fallback_of_its_shape() {
    for (i, name) in prevalida::registry::NAMES.iter().enumerate() {
        let r = JSON::parse(&prevalida::js::core::fallback_result(i as u32).unwrap()).unwrap();
        assert!(Array::is_array(&get(&r, "findings")), "{name}");
    }
}

#[wasm_bindgen_test]
fn tables_list_every_code_and_rule() {
    let t = JSON::parse(&tables()).unwrap();
    assert_eq!(
        Array::from(&get(&t, "codes")).length() as usize,
        prevalida::Code::ALL.len()
    );
    assert_eq!(Array::from(&get(&t, "rules")).length(), 11);
    assert_eq!(Array::from(&get(&t, "dian")).length(), 12);
}

#[wasm_bindgen_test]
fn clean_addresses_take_the_short_path() {
    let none = || "";
    assert_eq!(email_is_clean("Ana@Dian.Gov.Co", none()).unwrap(), 2);
    assert_eq!(email_is_clean("Ana@dian.gov.co", none()).unwrap(), 1);
    for v in [
        "ana@gmail.con",
        "ana@hotmial.com",
        "x@siigo.corn",
        "ana@gmail",
        " a@b.co",
    ] {
        assert_eq!(email_is_clean(v, none()).unwrap(), 0, "{v}");
    }
    let extra = r#"{"officialDomains":["miempresa.co"]}"#;
    assert_eq!(email_is_clean("ana@gmail.com", extra).unwrap(), 0);
    assert!(email_is_clean("ana@gmail.com", r#"{"lang":"fr"}"#).is_err());
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
    check(
        "checkPassword",
        text(&secret),
        r#"{"policy":{"minLength":8,"blocklist":true},"personal":["Ana"],"confirmation":"x"}"#,
    )
    .expect("ok");
    check("checkPassword", text(&secret), r#"{"policy":"gse"}"#).expect("ok");
    // Misuse found after the password and its confirmation were read: wiped all the same.
    // (The test's own copies of the options text are zeroed here after use.)
    for bad in [
        format!(r#"{{"policy":"gse","lang":"fr","confirmation":"{secret}"}}"#),
        format!(r#"{{"policy":"gse","confirmation":"{secret}","personal":[3]}}"#),
    ] {
        let mut bad = bad.into_bytes();
        check(
            "checkPassword",
            text(&secret),
            std::str::from_utf8(&bad).unwrap(),
        )
        .expect_err("misuse");
        bad.fill(0);
    }

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
fn id_result_has_compact_formatted_findings_and_details() {
    let r = check("checkId", text("800.197.268-4"), r#"{"kind":"co.nit"}"#).expect("ok");
    assert_eq!(get(&r, "ok"), JsValue::TRUE);
    assert_eq!(
        get(&r, "compact").as_string().as_deref(),
        Some("8001972684")
    );
    assert_eq!(
        get(&r, "formatted").as_string().as_deref(),
        Some("800.197.268-4")
    );
    let d = get(&r, "details");
    assert_eq!(get(&d, "dianCode").as_string().as_deref(), Some("31"));
    assert_eq!(get(&d, "holder").as_string().as_deref(), Some("company"));
    // A NIT in two fields, by DIAN code, with a field path: the DV field is named.
    let split = options(r#"{"nit": "900204272", "dv": "3"}"#);
    let r = check(
        "checkId",
        split,
        r#"{"kind": "31", "field": "empresa", "lang": "en"}"#,
    )
    .expect("ok");
    assert_eq!(codes(&r), ["id.check_digit"]);
    assert_eq!(
        first(&r, "field").as_string().as_deref(),
        Some("empresa.dv")
    );
    let r = check("checkId", text("1793213150001"), r#"{"kind":"ec.ruc"}"#).expect("ok");
    assert_eq!(codes(&r), ["id.ruc_checksum"]);
    let d = get(&r, "details");
    assert_eq!(get(&d, "type").as_string().as_deref(), Some("private"));
    assert_eq!(
        get(&d, "province").as_string().as_deref(),
        Some("Pichincha")
    );
}

#[wasm_bindgen_test]
fn phone_result_has_e164_national_type() {
    let r = check(
        "checkPhone",
        text("+57 321 123 4567"),
        r#"{"country":"CO"}"#,
    )
    .expect("ok");
    assert_eq!(
        get(&r, "e164").as_string().as_deref(),
        Some("+573211234567")
    );
    assert_eq!(
        get(&r, "national").as_string().as_deref(),
        Some("321 1234567")
    );
    assert_eq!(get(&r, "type").as_string().as_deref(), Some("mobile"));
    let r = check(
        "checkPhone",
        text("601 2281260"),
        r#"{"country":"CO","type":"mobile"}"#,
    )
    .expect("ok");
    assert_eq!(codes(&r), ["phone.not_mobile"]);
    let r = check("checkPhone", text("212 3456"), r#"{"country":"EC"}"#).expect("ok");
    assert_eq!(codes(&r), ["phone.missing_area_code"]);
}

#[wasm_bindgen_test]
fn id_and_phone_misuse_throws_with_a_code() {
    let bad = [
        check("checkId", text("1"), r#"{"kind":"co.dni"}"#).unwrap_err(),
        check("checkId", text("1"), r#"{"kind":13}"#).unwrap_err(),
        check("checkId", text("1"), "").unwrap_err(),
        check(
            "checkId",
            options(r#"{"nit": "1"}"#),
            r#"{"kind":"cl.rut"}"#,
        )
        .unwrap_err(),
        check("checkId", JsValue::from_f64(1.0), r#"{"kind":"co.cc"}"#).unwrap_err(),
        check("checkPhone", text("1"), r#"{"country":"PE"}"#).unwrap_err(),
        check("checkPhone", text("1"), r#"{"country":"CO","type":"cell"}"#).unwrap_err(),
    ];
    for e in bad {
        assert_eq!(misuse_code(&e).as_deref(), Some("api.invalid_argument"));
    }
    assert_eq!(nit_check_digit("900.373.115"), 3);
    assert_eq!(nit_check_digit("12a"), -1);
    assert_eq!(rut_check_digit("60.803.000"), "K");
    assert_eq!(rut_check_digit(""), "");
}
