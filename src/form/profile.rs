//! Profiles: a portal's form as data (`profiles/*.json`, format in `docs/forms.md`): its
//! fields, each with a kind from one vocabulary, the rules of that kind, a label, an example
//! and help. The built-in ones are compiled in; a portal passes its own, or extends a
//! built-in one (`{ "extends": "siigo.representante", "fields": [{ "name": "carta",
//! "maxBytes": 2097152 }] }`: a field of the same name is changed property by property, a new
//! one is added, `"remove"` drops some).

use crate::checks::{Misuse, OptionSource, Prop};
use crate::options_json::JsonOptions;

/// The built-in profiles, by name: the JSON files of `src/form/profiles/`.
pub const BUILT_IN: &[(&str, &str)] = &[
    (
        "dian.certificado",
        include_str!("profiles/dian.certificado.json"),
    ),
    ("gse.cuenta", include_str!("profiles/gse.cuenta.json")),
    ("gse.natural", include_str!("profiles/gse.natural.json")),
    ("gse.juridica", include_str!("profiles/gse.juridica.json")),
    (
        "siigo.representante",
        include_str!("profiles/siigo.representante.json"),
    ),
    (
        "icert.solicitud",
        include_str!("profiles/icert.solicitud.json"),
    ),
    (
        "sii.certificado",
        include_str!("profiles/sii.certificado.json"),
    ),
];

/// A field's kind: what it holds and so how it is checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum FieldKind {
    /// An email address (`checkEmail`).
    Email,
    /// A password under a policy (`checkPassword`).
    Password,
    /// The password typed again: must equal the field named by `of`.
    PasswordConfirmation,
    /// A Colombian NIT, with its DV in the same input or in the `dvField` input.
    Nit,
    /// The DV of the NIT in `of`, in an input of its own.
    NitDv,
    /// A document type: one of `choices` (DIAN codes such as `"13"`, or kinds such as `"ec.ci"`).
    IdType,
    /// A document number, of the kind the `idTypeField` input says.
    IdNumber,
    /// A Chilean RUT.
    Rut,
    /// A phone number of `country`.
    Phone,
    /// A person's name, or a razón social with `nameKind: "company"` (`checkName`).
    Name,
    /// A Colombian address (`checkAddress`).
    Address,
    /// A country, by ISO code or name.
    Country,
    /// A Colombian departamento or a Chilean región, by code or name.
    Department,
    /// A municipio (or comuna) of the `departmentField` input's departamento.
    Municipality,
    /// One of `choices`.
    Choice,
    /// Free text, within `minLength` and `maxLength`.
    Text,
    /// A PDF upload, checked by `checkPdf` with the field's rules.
    Pdf,
    /// A certificate file (PKCS#12) and the field holding its password.
    Pkcs12,
}

impl crate::checks::Choice for FieldKind {
    const ALL: &'static [FieldKind] = &[
        FieldKind::Email,
        FieldKind::Password,
        FieldKind::PasswordConfirmation,
        FieldKind::Nit,
        FieldKind::NitDv,
        FieldKind::IdType,
        FieldKind::IdNumber,
        FieldKind::Rut,
        FieldKind::Phone,
        FieldKind::Name,
        FieldKind::Address,
        FieldKind::Country,
        FieldKind::Department,
        FieldKind::Municipality,
        FieldKind::Choice,
        FieldKind::Text,
        FieldKind::Pdf,
        FieldKind::Pkcs12,
    ];
    const NAMES: &'static [&'static str] = &[
        "email",
        "password",
        "password_confirmation",
        "nit",
        "nit_dv",
        "id_type",
        "id_number",
        "rut",
        "phone",
        "name",
        "address",
        "country",
        "department",
        "municipality",
        "choice",
        "text",
        "pdf",
        "pkcs12",
    ];
}

impl FieldKind {
    /// Whether the field is a file (checked by the files module, not the core).
    pub fn is_file(self) -> bool {
        matches!(self, FieldKind::Pdf | FieldKind::Pkcs12)
    }
}

/// A text in Spanish and English.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Text2 {
    /// Spanish.
    pub es: String,
    /// English (Spanish when not given).
    pub en: String,
}

impl Text2 {
    /// In `lang`.
    pub fn get(&self, lang: crate::Lang) -> &str {
        match lang {
            crate::Lang::En if !self.en.is_empty() => &self.en,
            _ => &self.es,
        }
    }
}

/// One option of a `choice` or `id_type` field.
#[derive(Clone, Debug, PartialEq)]
pub struct Choice {
    /// The value the input sends.
    pub value: String,
    /// What the applicant reads.
    pub label: Text2,
}

/// One field of a profile. Properties a kind does not use are ignored.
#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    /// The input's `name`.
    pub name: String,
    /// Its kind.
    pub kind: FieldKind,
    /// Its label.
    pub label: Text2,
    /// Help for the applicant.
    pub help: Text2,
    /// Whether it must be filled.
    pub required: bool,
    /// A realistic value that passes.
    pub example: String,
    /// `choice`, `id_type`, `country`: the accepted values.
    pub choices: Vec<Choice>,
    /// `password_confirmation`, `nit_dv`: the field it belongs to.
    pub of: String,
    /// `nit`: the DV's own input.
    pub dv_field: String,
    /// `id_number`: the input holding the document type.
    pub id_type_field: String,
    /// `municipality`: the input holding the departamento.
    pub department_field: String,
    /// `password`: the policy (`"gse"`, `"dian"`, `"nist"`).
    pub policy: String,
    /// `password`: the inputs whose values may not appear in the password.
    pub personal_fields: Vec<String>,
    /// `phone`, `address`, `department`: the country (`"CO"`, `"CL"`, `"EC"`).
    pub country: String,
    /// `phone`: `"mobile"` or `"fixed"`.
    pub phone_type: String,
    /// `name`: `"person"` or `"company"`.
    pub name_kind: String,
    /// `text`, `name`, `address`: limits in characters.
    pub min_length: Option<u32>,
    /// See `min_length`.
    pub max_length: Option<u32>,
    /// `pdf`, `pkcs12`: the largest file.
    pub max_bytes: Option<f64>,
    /// `pdf`: `"text"`, `"scan"` or `"any"`.
    pub content: String,
    /// `pdf`: the fewest pages.
    pub min_pages: Option<f64>,
    /// `pdf`: a color scan.
    pub color: bool,
    /// `pdf`: inputs whose values the PDF's text must contain.
    pub must_contain_fields: Vec<String>,
    /// `pdf`: issued at most this many days ago.
    pub issued_within_days: Option<f64>,
    /// `pkcs12`: the input holding the certificate's password.
    pub password_field: String,
    /// `pkcs12`: the input holding the identifier the holder must have.
    pub holder_field: String,
}

/// A profile.
#[derive(Clone, Debug, PartialEq)]
pub struct Profile {
    /// Its name (`"dian.certificado"`).
    pub name: String,
    /// Its title.
    pub title: Text2,
    /// Its fields, in the form's order.
    pub fields: Vec<Field>,
}

impl Profile {
    /// The field named `name`.
    pub fn field(&self, name: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.name == name)
    }
}

/// A built-in profile by name.
pub fn built_in(name: &str) -> Option<Profile> {
    let (_, text) = BUILT_IN.iter().find(|(n, _)| *n == name)?;
    // The built-in files are tested to read (`built_in_profiles_read`).
    let src = JsonOptions::new(text, "profile").ok()?;
    read(&src).ok()
}

/// The profile `options.profile` names or holds.
pub fn from_option(src: &dyn OptionSource) -> Result<Profile, Misuse> {
    match src.prop("profile")? {
        Prop::Text(name) => built_in(&name).ok_or_else(|| unknown(&name)),
        Prop::Object(obj) => read(obj.as_ref()),
        _ => Err(Misuse::bad(
            src.path(),
            "profile",
            "a profile name or a profile object",
        )),
    }
}

fn unknown(name: &str) -> Misuse {
    let names: Vec<&str> = BUILT_IN.iter().map(|(n, _)| *n).collect();
    Misuse(crate::text::cat(&[
        "no profile \"",
        name,
        "\" (built-in: ",
        &names.join(", "),
        ")",
    ]))
}

/// Reads a profile object: a whole one, or `extends` of another with changes.
pub fn read(src: &dyn OptionSource) -> Result<Profile, Misuse> {
    let mut profile = match src.string("extends")? {
        Some(base) => built_in(&base).ok_or_else(|| unknown(&base))?,
        None => Profile {
            name: String::new(),
            title: Text2::default(),
            fields: Vec::new(),
        },
    };
    if let Some(name) = src.string("name")? {
        profile.name = name;
    }
    profile.title = text2(src, "title", &profile.title)?;
    for gone in src.strings("remove")? {
        profile.fields.retain(|f| f.name != gone);
    }
    for obj in src.objects("fields")? {
        let name = obj
            .string("name")?
            .filter(|n| !n.is_empty())
            .ok_or_else(|| Misuse::bad(obj.path(), "name", "a field name"))?;
        match profile.fields.iter_mut().find(|f| f.name == name) {
            Some(base) => *base = field(obj.as_ref(), name, Some(base))?,
            None => profile.fields.push(field(obj.as_ref(), name, None)?),
        }
    }
    if profile.fields.is_empty() {
        return Err(Misuse::bad(
            src.path(),
            "fields",
            "a non-empty array of fields",
        ));
    }
    Ok(profile)
}

fn text2(src: &dyn OptionSource, key: &str, base: &Text2) -> Result<Text2, Misuse> {
    Ok(match src.prop(key)? {
        Prop::Text(s) => Text2 {
            es: s,
            en: String::new(),
        },
        Prop::Object(o) => Text2 {
            es: o.string("es")?.unwrap_or_default(),
            en: o.string("en")?.unwrap_or_default(),
        },
        Prop::Absent => base.clone(),
        Prop::Other => return Err(Misuse::bad(src.path(), key, "a string or { es, en }")),
    })
}

fn field(src: &dyn OptionSource, name: String, base: Option<&Field>) -> Result<Field, Misuse> {
    let kind = match (crate::checks::read::maybe::<FieldKind>(src, "kind")?, base) {
        (Some(k), _) => k,
        (None, Some(b)) => b.kind,
        (None, None) => return Err(Misuse::bad(src.path(), "kind", "a field kind")),
    };
    let b = base.cloned();
    let s = |key: &str, old: fn(&Field) -> &String| -> Result<String, Misuse> {
        Ok(src
            .string(key)?
            .unwrap_or_else(|| b.as_ref().map(old).cloned().unwrap_or_default()))
    };
    let list = |key: &str, old: fn(&Field) -> &Vec<String>| -> Result<Vec<String>, Misuse> {
        let v = src.strings(key)?;
        Ok(if v.is_empty() {
            b.as_ref().map(old).cloned().unwrap_or_default()
        } else {
            v
        })
    };
    let num = |key: &str, old: fn(&Field) -> Option<f64>| -> Result<Option<f64>, Misuse> {
        Ok(src.number(key)?.or_else(|| b.as_ref().and_then(old)))
    };
    let count = |key: &str, old: fn(&Field) -> Option<u32>| -> Result<Option<u32>, Misuse> {
        Ok(crate::checks::read::count(src, key)?.or_else(|| b.as_ref().and_then(old)))
    };
    let flag = |key: &str, old: fn(&Field) -> bool| -> Result<bool, Misuse> {
        Ok(match src.prop(key)? {
            Prop::Absent => b.as_ref().is_some_and(old),
            _ => src.boolean(key)?,
        })
    };
    let empty = Text2::default();
    Ok(Field {
        kind,
        label: text2(src, "label", b.as_ref().map_or(&empty, |b| &b.label))?,
        help: text2(src, "help", b.as_ref().map_or(&empty, |b| &b.help))?,
        required: flag("required", |f| f.required)?,
        example: s("example", |f| &f.example)?,
        choices: choices(src, b.as_ref().map(|b| &b.choices))?,
        of: s("of", |f| &f.of)?,
        dv_field: s("dv_field", |f| &f.dv_field)?,
        id_type_field: s("id_type_field", |f| &f.id_type_field)?,
        department_field: s("department_field", |f| &f.department_field)?,
        policy: s("policy", |f| &f.policy)?,
        personal_fields: list("personal_fields", |f| &f.personal_fields)?,
        country: s("country", |f| &f.country)?,
        phone_type: s("phone_type", |f| &f.phone_type)?,
        name_kind: s("name_kind", |f| &f.name_kind)?,
        min_length: count("min_length", |f| f.min_length)?,
        max_length: count("max_length", |f| f.max_length)?,
        max_bytes: num("max_bytes", |f| f.max_bytes)?,
        content: s("content", |f| &f.content)?,
        min_pages: num("min_pages", |f| f.min_pages)?,
        color: flag("color", |f| f.color)?,
        must_contain_fields: list("must_contain_fields", |f| &f.must_contain_fields)?,
        issued_within_days: num("issued_within_days", |f| f.issued_within_days)?,
        password_field: s("password_field", |f| &f.password_field)?,
        holder_field: s("holder_field", |f| &f.holder_field)?,
        name,
    })
}

/// `choices`: strings, or `{ value, label }` objects.
fn choices(src: &dyn OptionSource, base: Option<&Vec<Choice>>) -> Result<Vec<Choice>, Misuse> {
    if matches!(src.prop("choices")?, Prop::Absent) {
        return Ok(base.cloned().unwrap_or_default());
    }
    if let Ok(values) = src.strings("choices") {
        return Ok(values
            .into_iter()
            .map(|v| Choice {
                label: Text2 {
                    es: v.clone(),
                    en: String::new(),
                },
                value: v,
            })
            .collect());
    }
    src.objects("choices")?
        .into_iter()
        .map(|o| {
            let value = o
                .string("value")?
                .ok_or_else(|| Misuse::bad(o.path(), "value", "a string"))?;
            Ok(Choice {
                label: text2(
                    o.as_ref(),
                    "label",
                    &Text2 {
                        es: value.clone(),
                        en: String::new(),
                    },
                )?,
                value,
            })
        })
        .collect()
}
