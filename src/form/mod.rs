//! Whole forms: a portal's profile ([`profile`]) and the values an applicant typed, checked
//! field by field with the checks of this crate and the rules between fields (the
//! confirmation equals the password, the document type decides the identifier's kind, the
//! municipio is in the departamento). Uploads are not read here: the result says, for each
//! file field, the rules its file must meet (`uploads`, with the NIT and razón social typed
//! as the texts the PDF must contain), and the package runs them in the files module.

pub mod describe;
pub mod geo;
pub mod profile;

use crate::checks::{Check, Misuse, OptionSource, ReadOptions, Value};
use crate::codes::{Code, Lang};
use crate::finding::{no_errors, Finding, P};
use profile::{Field, FieldKind, Profile};
use serde::ser::{Serialize, SerializeMap, Serializer};

/// Options of the typed-field check of a form (`checkFields`).
pub struct FieldsOptions {
    /// The profile: a built-in one's name, or a profile object.
    pub profile: Profile,
    /// Check only this field (per keystroke: `checkField`).
    pub only: Option<String>,
    /// Language (`describeProfile`; findings are rendered by the package).
    pub lang: Lang,
}

impl ReadOptions for FieldsOptions {
    fn read(src: &dyn OptionSource) -> Result<Self, Misuse> {
        Ok(FieldsOptions {
            profile: profile::from_option(src)?,
            only: src.string("only")?,
            lang: crate::checks::read::choice(src, "lang")?,
        })
    }
}

/// A file field's rules, for the files module (`checkPdf`'s options, `field` set).
#[derive(serde::Serialize, Debug, Clone, PartialEq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Upload {
    /// The field.
    pub field: String,
    /// `"pdf"` or `"pkcs12"`.
    pub kind: FieldKind,
    /// Whether a file must be attached.
    pub required: bool,
    /// `checkPdf`'s rules for it.
    #[cfg_attr(target_arch = "wasm32", tsify(type = "Record<string, unknown>"))]
    pub rules: UploadRules,
}

/// See [`Upload::rules`].
#[derive(serde::Serialize, Debug, Clone, PartialEq, Default)]
#[serde(rename_all = "camelCase")]
pub struct UploadRules {
    #[serde(skip_serializing_if = "Option::is_none")]
    max_bytes: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    min_pages: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    content: Option<String>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    color: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    must_contain: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    issued_within_days: Option<u32>,
    field: String,
}

/// Named strings, serialized as a JSON object in order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Named(pub Vec<(String, String)>);

impl Serialize for Named {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

/// What the typed-field check of a form returns.
#[derive(serde::Serialize, Debug, Clone, PartialEq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct FieldsResult {
    /// True when no finding is an error (uploads not counted: they are checked apart).
    pub ok: bool,
    /// Every typed field's value as it should be sent (trimmed, normalized, a code for a
    /// place); the value as typed when it is wrong. Passwords are not repeated here.
    #[cfg_attr(target_arch = "wasm32", tsify(type = "Record<string, string>"))]
    pub normalized: Named,
    /// Everything found, each naming its `field`, in the form's order.
    pub findings: Vec<Finding>,
    /// The file fields and the rules their files must meet.
    pub uploads: Vec<Upload>,
    /// Countries whose place tables a field needs and that are not loaded yet (the
    /// package loads them and checks again).
    pub needs: Vec<String>,
}

/// `checkFields(values, { profile, only? })` in the package (the registry in `lib.rs`).
pub struct Fields;

impl Check for Fields {
    type Options = FieldsOptions;
    type Output = FieldsResult;
    fn run(value: Value, options: FieldsOptions) -> Result<FieldsResult, Misuse> {
        let mut value = value;
        let result = match &value {
            Value::Parts(values) => Ok(check_fields(
                &options.profile,
                values,
                options.only.as_deref(),
            )),
            Value::Text(_) => Err(Misuse("values must be an object of strings".into())),
        };
        value.wipe();
        result
    }
    fn fallback() -> FieldsResult {
        FieldsResult {
            ok: false,
            normalized: Named::default(),
            findings: Vec::new(),
            uploads: Vec::new(),
            needs: Vec::new(),
        }
    }
}

/// Checks the typed fields of `profile` in `values` (only the field `only`, when given).
pub fn check_fields(
    profile: &Profile,
    values: &[(String, String)],
    only: Option<&str>,
) -> FieldsResult {
    let get = Values(values);
    let mut cx = Cx {
        findings: Vec::new(),
        normalized: Vec::new(),
        needs: Vec::new(),
    };
    let mut uploads = Vec::new();
    for f in &profile.fields {
        if only.is_some_and(|o| o != f.name) {
            continue;
        }
        if f.kind.is_file() {
            uploads.push(upload(profile, f, &get));
            continue;
        }
        let v = get.get(&f.name);
        if v.trim().is_empty() {
            // A NIT's DV is the NIT's to report when the DV is all that is missing.
            if f.required && !(f.kind == FieldKind::NitDv && !get.get(&f.of).trim().is_empty()) {
                cx.push(Code::FormRequired, &f.name, &[]);
            }
            continue;
        }
        field(&mut cx, profile, f, v, &get);
    }
    let ok = no_errors(&cx.findings);
    FieldsResult {
        ok,
        normalized: Named(cx.normalized),
        findings: cx.findings,
        uploads,
        needs: cx.needs,
    }
}

/// The values typed, by input name (the last one when a name repeats; absent: empty).
struct Values<'a>(&'a [(String, String)]);

impl<'a> Values<'a> {
    fn get(&self, name: &str) -> &'a str {
        self.0
            .iter()
            .rev()
            .find(|(k, _)| k == name)
            .map_or("", |(_, v)| v.as_str())
    }
}

struct Cx {
    findings: Vec<Finding>,
    normalized: Vec<(String, String)>,
    needs: Vec<String>,
}

impl Cx {
    fn push(&mut self, code: Code, field: &str, parts: &[(&'static str, P)]) {
        self.findings
            .push(Finding::from_parts(code, None, Some(field), parts));
    }
    fn add(&mut self, field: &str, findings: Vec<Finding>, normalized: &str) {
        self.findings.extend(findings);
        self.normalized
            .push((field.to_owned(), normalized.to_owned()));
    }
}

fn field(cx: &mut Cx, profile: &Profile, f: &Field, v: &str, get: &Values) {
    let name = Some(f.name.clone());
    match f.kind {
        FieldKind::Email => {
            let opts = crate::email::EmailOptions {
                field: name,
                skip_messages: true,
                ..Default::default()
            };
            let r = crate::email::check_email(v, &opts);
            cx.add(&f.name, r.findings, &r.normalized);
        }
        FieldKind::Password => {
            use crate::password::{PasswordOptions, Policy, PolicyName};
            let policy = match f.policy.as_str() {
                "dian" => PolicyName::Dian,
                "nist" => PolicyName::Nist,
                _ => PolicyName::Gse,
            };
            let personal = f
                .personal_fields
                .iter()
                .map(|p| get.get(p).trim().to_owned())
                .filter(|p| !p.is_empty())
                .collect();
            let opts = PasswordOptions {
                policy: Policy::Named(policy),
                confirmation: None,
                personal,
                lang: Lang::Es,
                field: name,
                skip_messages: true,
            };
            if let Ok(r) = crate::password::check_password(v, &opts) {
                cx.findings.extend(r.findings);
            }
        }
        FieldKind::PasswordConfirmation => {
            if v != get.get(&f.of) {
                cx.push(Code::FormConfirmationMismatch, &f.name, &[]);
            }
        }
        FieldKind::Nit => {
            let opts = crate::id::IdOptions {
                kind: "co.nit".into(),
                field: name,
                skip_messages: true,
                ..Default::default()
            };
            let r = if f.dv_field.is_empty() {
                crate::id::Id::run(Value::Text(v.to_owned()), opts)
            } else {
                let parts = vec![
                    ("nit".into(), v.to_owned()),
                    ("dv".into(), get.get(&f.dv_field).to_owned()),
                ];
                crate::id::Id::run(Value::Parts(parts), opts)
            };
            if let Ok(mut r) = r {
                // Parts report as "<field>.nit" / "<field>.dv": the inputs' own names.
                for x in &mut r.findings {
                    if let Some(fl) = &x.field {
                        if fl.ends_with(".dv") {
                            x.field = Some(f.dv_field.clone());
                        } else if fl.ends_with(".nit") {
                            x.field = Some(f.name.clone());
                        }
                    }
                }
                cx.add(&f.name, r.findings, if r.ok { &r.compact } else { v });
            }
        }
        // Checked with its NIT.
        FieldKind::NitDv => {}
        FieldKind::IdType | FieldKind::Choice => {
            if !f.choices.is_empty() && !f.choices.iter().any(|c| c.value == v.trim()) {
                cx.push(Code::FormInvalidChoice, &f.name, &[("value", v.into())]);
            } else {
                cx.normalized.push((f.name.clone(), v.trim().to_owned()));
            }
        }
        FieldKind::IdNumber | FieldKind::Rut => {
            let kind = match f.kind {
                FieldKind::Rut => "cl.rut",
                _ => get.get(&f.id_type_field).trim(),
            };
            // No (valid) document type: the type's own field says so.
            if crate::id::Kind::parse(kind).is_none() {
                return;
            }
            let opts = crate::id::IdOptions {
                kind: kind.into(),
                field: name,
                skip_messages: true,
                ..Default::default()
            };
            if let Ok(r) = crate::id::Id::run(Value::Text(v.to_owned()), opts) {
                cx.add(&f.name, r.findings, if r.ok { &r.compact } else { v });
            }
        }
        FieldKind::Phone => {
            let country =
                crate::checks::choice_named(&f.country).unwrap_or(crate::phone::Country::Co);
            let opts = crate::phone::PhoneOptions {
                field: name,
                r#type: crate::checks::choice_named(&f.phone_type),
                skip_messages: true,
                ..Default::default()
            };
            let r = crate::phone::check_phone(country, v, &opts);
            cx.add(&f.name, r.findings, r.e164.as_deref().unwrap_or(v));
        }
        FieldKind::Name => {
            let opts = crate::name::NameOptions {
                kind: crate::checks::choice_named(&f.name_kind).unwrap_or_default(),
                max_length: f.max_length,
                field: name,
                skip_messages: true,
                ..Default::default()
            };
            let r = crate::name::check_name(v, &opts);
            cx.add(&f.name, r.findings, &r.normalized);
        }
        FieldKind::Address => {
            let opts = crate::address::AddressOptions {
                max_length: f.max_length,
                field: name,
                skip_messages: true,
                ..Default::default()
            };
            let r = crate::address::check_address(v, &opts);
            cx.add(&f.name, r.findings, &r.normalized);
        }
        FieldKind::Country => match geo::country(v) {
            Some(c) if f.choices.is_empty() || f.choices.iter().any(|x| x.value == c) => {
                cx.normalized.push((f.name.clone(), c.to_owned()));
            }
            Some(_) => cx.push(Code::FormInvalidChoice, &f.name, &[("value", v.into())]),
            None => cx.push(Code::FormUnknownCountry, &f.name, &[("value", v.into())]),
        },
        FieldKind::Department => {
            let country = place_country(f);
            match geo::department(country, v) {
                None => not_ready(cx, f, country),
                Some(geo::Found::One(p)) => cx.normalized.push((f.name.clone(), p.code)),
                Some(_) => cx.push(Code::FormUnknownDepartment, &f.name, &[("value", v.into())]),
            }
        }
        FieldKind::Municipality => {
            let dept_field = profile.field(&f.department_field);
            let country = dept_field.map_or("CO", place_country);
            let dept = match geo::department(country, get.get(&f.department_field)) {
                None => return not_ready(cx, f, country),
                Some(geo::Found::One(p)) => Some(p),
                Some(_) => None,
            };
            match geo::municipality(country, v, dept.as_ref().map(|d| d.code.as_str())) {
                None => not_ready(cx, f, country),
                Some(geo::Found::One(m)) => match &dept {
                    Some(d) if !m.code.starts_with(&d.code) => {
                        let actual = geo::department(country, &m.code[..2]);
                        let actual = match actual {
                            Some(geo::Found::One(a)) => a.name,
                            _ => String::new(),
                        };
                        cx.push(
                            Code::FormMunicipalityElsewhere,
                            &f.name,
                            &[
                                ("municipality", (&m.name).into()),
                                ("actual", (&actual).into()),
                                ("department", (&d.name).into()),
                            ],
                        );
                    }
                    _ => cx.normalized.push((f.name.clone(), m.code)),
                },
                Some(geo::Found::Unlisted(d)) => {
                    cx.push(
                        Code::FormUnlistedMunicipality,
                        &f.name,
                        &[("value", v.trim().into()), ("department", (&d.name).into())],
                    );
                    cx.normalized.push((f.name.clone(), v.trim().to_owned()));
                }
                Some(geo::Found::None) => cx.push(
                    Code::FormUnknownMunicipality,
                    &f.name,
                    &[("value", v.into())],
                ),
            }
        }
        FieldKind::Text => {
            let t = v.split_whitespace().collect::<Vec<_>>().join(" ");
            let n = crate::text::char_len(&t);
            if let Some(max) = f.max_length.filter(|&m| n > m as usize) {
                cx.push(
                    Code::FormTooLong,
                    &f.name,
                    &[("length", n.into()), ("max", (max as usize).into())],
                );
            } else if let Some(min) = f.min_length.filter(|&m| n < m as usize) {
                cx.push(
                    Code::FormTooShort,
                    &f.name,
                    &[("min", (min as usize).into())],
                );
            } else {
                cx.normalized.push((f.name.clone(), t));
            }
        }
        FieldKind::Pdf | FieldKind::Pkcs12 => {}
    }
}

fn place_country(f: &Field) -> &str {
    if f.country == "CL" {
        "CL"
    } else {
        "CO"
    }
}

fn not_ready(cx: &mut Cx, f: &Field, country: &str) {
    cx.push(Code::FormNotReady, &f.name, &[]);
    if !cx.needs.iter().any(|c| c == country) {
        cx.needs.push(country.to_owned());
    }
}

/// A file field's rules; the texts it must contain are the values typed in the fields it
/// names (a NIT without its DV, as the documents print it in many ways).
fn upload(profile: &Profile, f: &Field, get: &Values) -> Upload {
    let must_contain = f
        .must_contain_fields
        .iter()
        .filter_map(|name| {
            let v = get.get(name).trim();
            let is_nit = profile
                .field(name)
                .is_some_and(|x| x.kind == FieldKind::Nit);
            let v = if is_nit {
                nit_body(v)
            } else {
                v.split_whitespace().collect::<Vec<_>>().join(" ")
            };
            (!v.is_empty()).then_some(v)
        })
        .collect();
    let whole = |x: Option<f64>| x.filter(|n| *n >= 0.0 && *n <= 4.0e9).map(|n| n as u64);
    Upload {
        field: f.name.clone(),
        kind: f.kind,
        required: f.required,
        rules: UploadRules {
            max_bytes: whole(f.max_bytes),
            min_pages: whole(f.min_pages).map(|n| n as u32),
            content: (!f.content.is_empty()).then(|| f.content.clone()),
            color: f.color,
            must_contain,
            issued_within_days: whole(f.issued_within_days).map(|n| n as u32),
            field: f.name.clone(),
        },
    }
}

/// The digits of a NIT without its DV: `900.123.456-7` → `900123456`. Typed without a
/// separator, the last digit is the DV only when it is the right one.
fn nit_body(v: &str) -> String {
    let body = v.split('-').next().unwrap_or_default();
    let digits: String = body.chars().filter(char::is_ascii_digit).collect();
    if v.contains('-') || digits.len() < 2 {
        return digits;
    }
    let (head, last) = digits.split_at(digits.len() - 1);
    match crate::id::nit_check_digit(head) {
        Some(dv) if last == dv.to_string() => head.to_owned(),
        _ => digits,
    }
}

#[cfg(test)]
mod tests;
