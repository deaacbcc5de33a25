//! Every built-in profile: its examples pass together, and each mistake people make gives
//! exactly its code on exactly its field.

use super::profile::{built_in, FieldKind, BUILT_IN};
use super::*;

fn load_places() {
    geo::load("CO", include_str!("data/co_divipola_municipios.csv"));
    geo::load("CL", include_str!("data/cl_cut_2018.csv"));
}

/// The profile's examples, as a form would send them.
fn examples(name: &str) -> Vec<(String, String)> {
    let p = built_in(name).unwrap();
    p.fields
        .iter()
        .filter(|f| !f.kind.is_file())
        .map(|f| (f.name.clone(), f.example.clone()))
        .collect()
}

fn with(mut values: Vec<(String, String)>, field: &str, value: &str) -> Vec<(String, String)> {
    values.retain(|(k, _)| k != field);
    values.push((field.into(), value.into()));
    values
}

/// (code, field) of every finding that is not informational.
fn found(name: &str, values: &[(String, String)]) -> Vec<(String, String)> {
    let p = built_in(name).unwrap();
    check_fields(&p, values, None)
        .findings
        .iter()
        .filter(|f| f.severity != crate::Severity::Info)
        .map(|f| {
            (
                f.code.as_str().to_owned(),
                f.field.clone().unwrap_or_default(),
            )
        })
        .collect()
}

#[test]
fn built_in_profiles_read_and_their_examples_pass() {
    load_places();
    for (name, _) in BUILT_IN {
        let p = built_in(name).unwrap_or_else(|| panic!("{name} does not read"));
        assert_eq!(&p.name, name);
        assert!(
            !p.title.es.is_empty() && !p.title.en.is_empty(),
            "{name}: title"
        );
        for f in &p.fields {
            assert!(
                !f.label.es.is_empty() && !f.label.en.is_empty(),
                "{name}.{}: label",
                f.name
            );
            assert!(
                f.kind.is_file() || !f.example.is_empty() || !f.required,
                "{name}.{}: example",
                f.name
            );
            for other in [
                &f.of,
                &f.dv_field,
                &f.id_type_field,
                &f.department_field,
                &f.password_field,
                &f.holder_field,
            ]
            .into_iter()
            .chain(&f.personal_fields)
            .chain(&f.must_contain_fields)
            {
                assert!(
                    other.is_empty() || p.field(other).is_some(),
                    "{name}.{}: no field {other}",
                    f.name
                );
            }
        }
        let r = check_fields(&p, &examples(name), None);
        assert!(r.ok && r.needs.is_empty(), "{name}: {:?}", r.findings);
        let warnings: Vec<_> = r
            .findings
            .iter()
            .filter(|f| f.severity == crate::Severity::Warning)
            .collect();
        assert!(warnings.is_empty(), "{name}: {warnings:?}");
    }
}

#[test]
fn the_mistakes_people_make_each_on_its_field() {
    load_places();
    let d = "dian.certificado";
    let ex = examples(d);
    let cases: &[(&str, &str, &str)] = &[
        (
            "email",
            "facturacion@andinacafe,com,co",
            "email.comma_in_domain",
        ),
        ("nit", "901458732-3", "id.check_digit"),
        (
            "confirmacionClave",
            "Otra$Clave99",
            "form.confirmation_mismatch",
        ),
        ("ciudad", "05001", "form.municipality_elsewhere"),
        ("nombresRepresentante", "Laura 2", "name.digit"),
        ("telefonoMovil", "6017432158", "phone.not_mobile"),
        ("claveAlmacen", "clave123", "password.missing_upper"),
        ("tipoPersona", "empresa", "form.invalid_choice"),
        ("departamento", "Gotham", "form.unknown_department"),
        ("direccion", "ventas@andina.co", "address.invalid_char"),
        ("razonSocial", "", "form.required"),
    ];
    for (field, value, code) in cases {
        let got = found(d, &with(ex.clone(), field, value));
        assert!(
            got.iter().any(|(c, f)| c == code && f == field),
            "{field}={value:?}: want {code}, got {got:?}"
        );
        assert!(
            got.iter()
                .all(|(_, f)| f == field || (*field == "claveAlmacen" && f == "confirmacionClave")),
            "{field}: {got:?}"
        );
    }
    // The document type decides the kind: a valid cédula is not a valid passport and vice versa.
    let got = found(
        d,
        &with(
            with(ex.clone(), "tipoDocumentoRepresentante", "13"),
            "numeroDocumentoRepresentante",
            "AB12",
        ),
    );
    assert!(
        got.iter().any(|(_, f)| f == "numeroDocumentoRepresentante"),
        "{got:?}"
    );
}

#[test]
fn uploads_carry_the_typed_values_and_the_portal_limits() {
    load_places();
    let p = built_in("gse.juridica").unwrap();
    let r = check_fields(&p, &examples("gse.juridica"), None);
    let cert = r
        .uploads
        .iter()
        .find(|u| u.field == "certificadoExistencia")
        .unwrap();
    assert_eq!(cert.kind, FieldKind::Pdf);
    assert_eq!(cert.rules.issued_within_days, Some(30));
    assert_eq!(cert.rules.max_bytes, Some(4_194_304));
    let nit = examples("gse.juridica")
        .into_iter()
        .find(|(k, _)| k == "nit")
        .unwrap()
        .1;
    assert!(
        cert.rules
            .must_contain
            .iter()
            .any(|m| nit.starts_with(m.as_str()) && !m.contains('-')),
        "{:?}",
        cert.rules.must_contain
    );
    let siigo = built_in("siigo.representante").unwrap();
    let r = check_fields(&siigo, &examples("siigo.representante"), None);
    assert_eq!(r.uploads[0].rules.max_bytes, Some(1_048_576));
    assert_eq!(r.uploads[0].rules.content.as_deref(), Some("scan"));
}

#[test]
fn nit_bodies() {
    assert_eq!(nit_body("900.123.456-7"), "900123456");
    assert_eq!(nit_body("8001972684"), "800197268");
    assert_eq!(nit_body("800197268"), "800197268");
}

#[test]
fn portals_extend_profiles_with_data() {
    let text = r#"{"profile": {"extends": "siigo.representante", "name": "mi.portal",
        "fields": [{"name": "cartaExoneracion", "maxBytes": 2097152}, {"name": "celular", "kind": "phone", "country": "CO", "required": true, "label": {"es": "Celular", "en": "Mobile"}}]}}"#;
    let src = crate::options_json::JsonOptions::new(text, "options").unwrap();
    let o = FieldsOptions::read(&src).unwrap();
    assert_eq!(o.profile.name, "mi.portal");
    let r = check_fields(&o.profile, &examples("siigo.representante"), None);
    assert_eq!(r.uploads[0].rules.max_bytes, Some(2_097_152));
    assert!(r
        .findings
        .iter()
        .any(|f| f.code == Code::FormRequired && f.field.as_deref() == Some("celular")));
    for bad in [
        r#"{"profile": "nope"}"#,
        r#"{"profile": {"fields": []}}"#,
        r#"{"profile": {"fields": [{"name": "x", "kind": "nope"}]}}"#,
        r#"{"profile": 3}"#,
    ] {
        let src = crate::options_json::JsonOptions::new(bad, "options").unwrap();
        assert!(FieldsOptions::read(&src).is_err(), "{bad}");
    }
}

#[test]
fn places_wait_for_their_tables() {
    // A fresh thread: no table loaded.
    std::thread::spawn(|| {
        let r = check_fields(
            &built_in("dian.certificado").unwrap(),
            &examples("dian.certificado"),
            Some("ciudad"),
        );
        assert!(!r.ok);
        assert_eq!(r.needs, ["CO"]);
        assert_eq!(r.findings[0].code, Code::FormNotReady);
    })
    .join()
    .unwrap();
}

#[test]
fn the_typescript_union_lists_every_built_in_profile() {
    let ts = include_str!("../js/core.rs");
    let line = ts
        .lines()
        .find(|l| l.starts_with("export type ProfileName ="))
        .unwrap();
    let names: Vec<&str> = line.split('"').skip(1).step_by(2).collect();
    let built: Vec<&str> = BUILT_IN.iter().map(|(n, _)| *n).collect();
    assert_eq!(names, built);
}

#[test]
fn descriptions_in_both_languages() {
    let p = built_in("siigo.representante").unwrap();
    let es = super::describe::describe(&p, Lang::Es);
    let en = super::describe::describe(&p, Lang::En);
    assert_eq!(es.fields.len(), p.fields.len());
    assert_ne!(es.title, en.title);
    let carta = es.fields.iter().find(|f| f.kind == FieldKind::Pdf).unwrap();
    assert_eq!(
        (carta.max_bytes, carta.accept.as_str()),
        (Some(1_048_576.0), "application/pdf,.pdf")
    );
}
