//! The JS boundary, run by wasm-bindgen-test in Node (default) and in headless Chromium
//! (`WASM_BINDGEN_USE_BROWSER=1`); see `scripts/test.sh`.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Reflect};
use prevalida::wasm::{check_email, check_password, list_codes};
use tsify::Ts;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).expect("property")
}

fn codes(result: &JsValue) -> Vec<String> {
    let findings: Array = get(result, "findings").dyn_into().expect("array");
    findings
        .iter()
        .map(|f| get(&f, "code").as_string().expect("code"))
        .collect()
}

fn options(json: &str) -> JsValue {
    js_sys::JSON::parse(json).expect("json")
}

#[wasm_bindgen_test]
fn email_result_is_a_plain_object_with_params() {
    let r = check_email(JsValue::from_str("ventas@empresa,com,co"), None)
        .expect("ok")
        .js_value();
    assert_eq!(get(&r, "ok"), JsValue::FALSE);
    assert_eq!(codes(&r), ["email.comma_in_domain"]);
    assert_eq!(
        get(&r, "suggestion").as_string().as_deref(),
        Some("ventas@empresa.com.co")
    );
    let f = Array::from(&get(&r, "findings")).get(0);
    let params = get(&f, "params");
    assert!(
        !params.is_instance_of::<js_sys::Map>(),
        "params must be a plain object"
    );
    assert_eq!(
        get(&params, "suggestion").as_string().as_deref(),
        Some("ventas@empresa.com.co")
    );
    assert_eq!(get(&f, "severity").as_string().as_deref(), Some("error"));
}

#[wasm_bindgen_test]
fn email_options_language_and_field() {
    let o = Ts::new_unchecked(options(r#"{"lang":"en","field":"rep.email"}"#));
    let r = check_email(JsValue::from_str("ana@gmail"), Some(o))
        .expect("ok")
        .js_value();
    let f = Array::from(&get(&r, "findings")).get(0);
    assert_eq!(get(&f, "field").as_string().as_deref(), Some("rep.email"));
    assert!(get(&f, "message")
        .as_string()
        .unwrap()
        .starts_with("The domain needs"));
}

#[wasm_bindgen_test]
fn misuse_throws_an_error_with_a_code() {
    for bad in [JsValue::from_f64(3.0), JsValue::NULL, JsValue::UNDEFINED] {
        let e = check_email(bad, None).err().expect("must throw");
        assert!(e.is_instance_of::<js_sys::Error>());
        assert_eq!(
            get(&e, "code").as_string().as_deref(),
            Some("api.invalid_argument")
        );
    }
    let e = check_password(
        JsValue::from_str("x"),
        Ts::new_unchecked(options(r#"{"policy":"abc"}"#)),
    )
    .err()
    .expect("unknown policy throws");
    assert_eq!(
        get(&e, "code").as_string().as_deref(),
        Some("api.invalid_argument")
    );
    let o = options(r#"{"policy":{"minLength":10,"maxLength":4}}"#);
    let e = check_password(JsValue::from_str("x"), Ts::new_unchecked(o))
        .err()
        .expect("bad policy throws");
    assert!(get(&e, "message")
        .as_string()
        .unwrap()
        .contains("maxLength"));
}

#[wasm_bindgen_test]
fn password_checklist_and_strength() {
    let o = Ts::new_unchecked(options(r#"{"policy":"gse","confirmation":"Otra"}"#));
    let r = check_password(JsValue::from_str("Colombia2024"), o)
        .expect("ok")
        .js_value();
    assert_eq!(codes(&r), ["password.missing_special", "password.mismatch"]);
    let rules = Array::from(&get(&r, "rules"));
    assert_eq!(
        get(&rules.get(0), "id").as_string().as_deref(),
        Some("min_length")
    );
    let score = get(&get(&r, "strength"), "score").as_f64().unwrap();
    assert!(score <= 1.0);
}

#[wasm_bindgen_test]
fn a_megabyte_of_input_returns_a_finding_and_the_instance_keeps_working() {
    let big = "a".repeat(1 << 20);
    let r = check_email(JsValue::from_str(&format!("{big}@x.co")), None)
        .expect("ok")
        .js_value();
    assert_eq!(codes(&r), ["email.too_long"]);
    let o = Ts::new_unchecked(options(r#"{"policy":"gse"}"#));
    let r = check_password(JsValue::from_str(&big), o)
        .expect("ok")
        .js_value();
    assert!(codes(&r).contains(&"password.missing_upper".to_string()));
    let r = check_email(JsValue::from_str("ana@gmail.com"), None)
        .expect("ok")
        .js_value();
    assert_eq!(get(&r, "ok"), JsValue::TRUE);
}

#[wasm_bindgen_test]
fn code_list_is_complete() {
    let list: Array = list_codes(None).expect("ok").dyn_into().unwrap();
    assert_eq!(list.length() as usize, prevalida::Code::ALL.len());
    assert_eq!(
        get(&list.get(0), "code").as_string().as_deref(),
        Some("api.invalid_argument")
    );
}
