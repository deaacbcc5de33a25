//! What `describeProfile` answers: a profile's fields with their texts in one language, for a
//! portal to render labels, placeholders (the examples) and help from it.

use super::profile::{FieldKind, Profile};
use crate::codes::Lang;
use serde::Serialize;

/// A profile described.
#[derive(Serialize, Debug)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct ProfileDescription {
    /// Its name.
    pub name: String,
    /// Its title.
    pub title: String,
    /// Its fields, in the form's order.
    pub fields: Vec<FieldDescription>,
}

/// One option of a field.
#[derive(Serialize, Debug)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct ChoiceDescription {
    /// The value the input sends.
    pub value: String,
    /// What the applicant reads.
    pub label: String,
}

/// A field described (the kind's own properties as the profile gives them).
#[derive(Serialize, Debug)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct FieldDescription {
    /// The input's `name`.
    pub name: String,
    /// Its label.
    pub label: String,
    /// Its kind.
    pub kind: FieldKind,
    /// Whether it must be filled.
    pub required: bool,
    /// A realistic value that passes (a placeholder); empty for files.
    pub example: String,
    /// Help for the applicant; may be empty.
    pub help: String,
    /// The options of a choice or document type.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub choices: Vec<ChoiceDescription>,
    /// The most characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub max_length: Option<u32>,
    /// The largest file, in bytes.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub max_bytes: Option<f64>,
    /// The file types an `<input type=file accept>` should offer.
    #[serde(skip_serializing_if = "String::is_empty")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub accept: String,
}

/// Describes `profile` in `lang`.
pub fn describe(profile: &Profile, lang: Lang) -> ProfileDescription {
    ProfileDescription {
        name: profile.name.clone(),
        title: profile.title.get(lang).to_owned(),
        fields: profile
            .fields
            .iter()
            .map(|f| FieldDescription {
                name: f.name.clone(),
                label: f.label.get(lang).to_owned(),
                kind: f.kind,
                required: f.required,
                example: f.example.clone(),
                help: f.help.get(lang).to_owned(),
                choices: f
                    .choices
                    .iter()
                    .map(|c| ChoiceDescription {
                        value: c.value.clone(),
                        label: c.label.get(lang).to_owned(),
                    })
                    .collect(),
                max_length: f.max_length,
                max_bytes: f.max_bytes,
                accept: match f.kind {
                    FieldKind::Pdf => "application/pdf,.pdf".into(),
                    FieldKind::Pkcs12 => ".p12,.pfx,application/x-pkcs12".into(),
                    _ => String::new(),
                },
            })
            .collect(),
    }
}
