//! What every typed-field check is, and the registry of them.
//!
//! A check takes a value and options and returns a result with [`Finding`](crate::Finding)s
//! ([`Check`]). Its options are read from any [`OptionSource`] (a JS object in the package,
//! `src/js/props.rs`) under keys derived from the Rust field names, the way serde's
//! `rename_all = "camelCase"` and the generated TypeScript types spell them
//! ([`read_options!`](crate::read_options)). The registry (`checks!` in `lib.rs`) lists each
//! check once, with its package function's name, documentation and TypeScript signature;
//! from it come the package's dispatch ([`run`]), the JavaScript function
//! (`scripts/gen-checks.mjs` writes `checks.js`) and its declaration (a TypeScript section
//! of the core module's `.d.ts`). No JS type appears here.

use crate::codes::Lang;
use serde::Serialize;

/// Misuse of the API: an argument of the wrong type or an impossible value. The package
/// throws it as an `Error` whose `code` is `"api.invalid_argument"`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Misuse(pub String);

impl Misuse {
    /// `"<path>.<key> must be <what>"`; `key` a field's name, written as the option's key.
    pub fn bad(path: &str, key: &str, what: &str) -> Misuse {
        Misuse(crate::text::cat(&[
            path,
            ".",
            &camel(key),
            " must be ",
            what,
        ]))
    }
}

/// The value a check is given: typed text, or the parts of a value typed in several inputs
/// (a NIT and its DV: `{ nit, dv }`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    /// One input's text.
    Text(String),
    /// Several inputs' texts, by name.
    Parts(Vec<(String, String)>),
}

impl Value {
    /// Overwrites the text before it is freed (`crate::wipe`).
    pub fn wipe(&mut self) {
        match self {
            Value::Text(s) => crate::wipe::string(s),
            Value::Parts(parts) => {
                for (_, s) in parts {
                    crate::wipe::string(s);
                }
            }
        }
    }

    /// The text, or misuse for a check that takes only text (the parts are wiped).
    pub fn text(self) -> Result<String, Misuse> {
        match self {
            Value::Text(s) => Ok(s),
            mut parts @ Value::Parts(_) => {
                parts.wipe();
                Err(Misuse("value must be a string".into()))
            }
        }
    }
}

/// What a property of an options object holds.
pub enum Prop<'a> {
    /// Absent, `undefined` or `null`.
    Absent,
    /// A string.
    Text(String),
    /// A nested options object.
    Object(Box<dyn OptionSource + 'a>),
    /// Anything else (a number, an array, a boolean).
    Other,
}

/// An options object: the core module reads JSON text (`crate::options_json`), the files
/// module a JS object (`src/js/props.rs`), tests JSON. Every `key` is a Rust field's name
/// (`official_domains`), which each source looks up as serde and the generated types spell
/// it ([`camel`]: `officialDomains`). Every error names the offending property.
pub trait OptionSource {
    /// The path of this object in error messages (`"options"`, `"options.policy"`).
    fn path(&self) -> &str;
    /// A string property.
    fn string(&self, key: &str) -> Result<Option<String>, Misuse>;
    /// An array of strings (absent: empty).
    fn strings(&self, key: &str) -> Result<Vec<String>, Misuse>;
    /// A boolean (absent: false).
    fn boolean(&self, key: &str) -> Result<bool, Misuse>;
    /// A number.
    fn number(&self, key: &str) -> Result<Option<f64>, Misuse>;
    /// Whatever the property holds.
    fn prop(&self, key: &str) -> Result<Prop<'_>, Misuse>;
}

/// A unit enum read from its serde name (`"es"`, `"mobile"`).
pub trait Choice: Serialize + Copy + 'static {
    /// Every variant.
    const ALL: &'static [Self];
    /// Their serde names, in the same order: compared without allocating. A test keeps them
    /// equal to serde's (`choice_names_are_serde_names`).
    const NAMES: &'static [&'static str];
}

/// The variant of `T` whose serde name is `name`.
pub fn choice_named<T: Choice>(name: &str) -> Option<T> {
    T::NAMES
        .iter()
        .position(|n| *n == name)
        .and_then(|i| T::ALL.get(i).copied())
}

/// The serde name of a unit variant.
pub fn name_of<T: Serialize>(v: &T) -> String {
    crate::json::to_json(v).trim_matches('"').to_owned()
}

/// Readers of one property, by kind, for [`read_options!`](crate::read_options).
pub mod read {
    use super::{choice_named, Choice, Misuse, OptionSource};

    /// A string; absent: empty.
    pub fn text(src: &dyn OptionSource, key: &str) -> Result<String, Misuse> {
        Ok(src.string(key)?.unwrap_or_default())
    }
    /// A string.
    pub fn string(src: &dyn OptionSource, key: &str) -> Result<Option<String>, Misuse> {
        src.string(key)
    }
    /// An array of strings.
    pub fn strings(src: &dyn OptionSource, key: &str) -> Result<Vec<String>, Misuse> {
        src.strings(key)
    }
    /// A boolean.
    pub fn boolean(src: &dyn OptionSource, key: &str) -> Result<bool, Misuse> {
        src.boolean(key)
    }
    fn whole(
        src: &dyn OptionSource,
        key: &str,
        min: f64,
        max: f64,
        what: &str,
    ) -> Result<Option<f64>, Misuse> {
        match src.number(key) {
            Ok(None) => Ok(None),
            Ok(Some(n)) if n >= min && n <= max && n.fract() == 0.0 => Ok(Some(n)),
            _ => Err(Misuse::bad(src.path(), key, what)),
        }
    }
    /// A whole number ≥ 0.
    pub fn count(src: &dyn OptionSource, key: &str) -> Result<Option<u32>, Misuse> {
        Ok(whole(src, key, 0.0, u32::MAX as f64, "a whole number ≥ 0")?.map(|n| n as u32))
    }
    /// A whole number ≥ 1 (pages).
    pub fn positive(src: &dyn OptionSource, key: &str) -> Result<Option<u32>, Misuse> {
        Ok(whole(src, key, 1.0, u32::MAX as f64, "a whole number ≥ 1")?.map(|n| n as u32))
    }
    /// A number of days, 1 to 36,500.
    pub fn days(src: &dyn OptionSource, key: &str) -> Result<Option<u32>, Misuse> {
        Ok(whole(src, key, 1.0, 36_500.0, "a whole number of days ≥ 1")?.map(|n| n as u32))
    }
    /// A number of bytes ≥ 0.
    pub fn bytes(src: &dyn OptionSource, key: &str) -> Result<Option<u64>, Misuse> {
        match src.number(key) {
            Ok(None) => Ok(None),
            Ok(Some(n)) if n >= 0.0 && n.is_finite() => Ok(Some(n as u64)),
            _ => Err(Misuse::bad(src.path(), key, "a number of bytes ≥ 0")),
        }
    }
    /// One of `T`'s names, if given.
    pub fn maybe<T: Choice>(src: &dyn OptionSource, key: &str) -> Result<Option<T>, Misuse> {
        let Some(s) = src.string(key).map_err(|_| expected::<T>(src, key))? else {
            return Ok(None);
        };
        match choice_named(&s) {
            Some(c) => Ok(Some(c)),
            None => Err(expected::<T>(src, key)),
        }
    }
    /// One of `T`'s names; `T::default()` when absent.
    pub fn choice<T: Choice + Default>(src: &dyn OptionSource, key: &str) -> Result<T, Misuse> {
        Ok(maybe(src, key)?.unwrap_or_default())
    }
    /// A list of `T`'s names.
    pub fn choices<T: Choice>(src: &dyn OptionSource, key: &str) -> Result<Vec<T>, Misuse> {
        let bad = || {
            let names: Vec<String> = T::NAMES
                .iter()
                .map(|n| crate::text::cat(&["\"", n, "\""]))
                .collect();
            Misuse::bad(
                src.path(),
                key,
                &crate::text::cat(&["a list of ", &crate::text::join(&names, ", ")]),
            )
        };
        src.strings(key)
            .map_err(|_| bad())?
            .iter()
            .map(|s| choice_named(s).ok_or_else(bad))
            .collect()
    }
    /// One of `T`'s names, required.
    pub fn required<T: Choice>(src: &dyn OptionSource, key: &str) -> Result<T, Misuse> {
        maybe(src, key)?.ok_or_else(|| expected::<T>(src, key))
    }
    fn expected<T: Choice>(src: &dyn OptionSource, key: &str) -> Misuse {
        let names: Vec<String> = T::NAMES
            .iter()
            .map(|n| crate::text::cat(&["\"", n, "\""]))
            .collect();
        Misuse::bad(src.path(), key, &crate::text::join(&names, " or "))
    }
}

/// Options read from an [`OptionSource`].
pub trait ReadOptions: Sized {
    /// Reads them; misuse names the property.
    fn read(src: &dyn OptionSource) -> Result<Self, Misuse>;
}

/// Implements [`ReadOptions`] for `$ty`: each listed field read by the [`read`] function
/// named after `:` under the key derived from the field's name ([`camel`]); the fields after
/// `;` are set as given; the rest take their `Default`.
#[macro_export]
macro_rules! read_options {
    ($ty:ident { $($field:ident: $how:ident),* $(,)? } $(; $($rest:ident: $val:expr),* $(,)?)?) => {
        impl $crate::checks::ReadOptions for $ty {
            fn read(
                src: &dyn $crate::checks::OptionSource,
            ) -> ::core::result::Result<Self, $crate::checks::Misuse> {
                #[allow(clippy::needless_update)]
                Ok($ty {
                    $($field: $crate::checks::read::$how(src, stringify!($field))?,)*
                    $($($rest: $val,)*)?
                    ..::core::default::Default::default()
                })
            }
        }
    };
}

/// Whether `key` is the camelCase of the Rust field `field` (serde's `rename_all =
/// "camelCase"`), without allocating: how option sources find a field.
pub fn is_key_of(key: &str, field: &str) -> bool {
    // Bytes, not chars: fields are ASCII, and a char loop is a call per character in wasm
    // at opt-level "z" (it was a tenth of a `checkId` call).
    let field = field.strip_prefix("r#").unwrap_or(field).as_bytes();
    let key = key.as_bytes();
    let (mut i, mut upper) = (0, false);
    for &f in field {
        if f == b'_' {
            upper = true;
            continue;
        }
        let want = if upper { f.to_ascii_uppercase() } else { f };
        upper = false;
        if key.get(i) != Some(&want) {
            return false;
        }
        i += 1;
    }
    i == key.len()
}

/// The camelCase name of a snake_case Rust field, as serde's `rename_all = "camelCase"`
/// writes it: the key under which an option is read.
pub fn camel(field: &str) -> String {
    let field = field.strip_prefix("r#").unwrap_or(field);
    let mut out = String::with_capacity(field.len());
    let mut upper = false;
    for c in field.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.push(c.to_ascii_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

impl Choice for Lang {
    const ALL: &'static [Lang] = &[Lang::Es, Lang::En];
    const NAMES: &'static [&'static str] = &["es", "en"];
}

/// A typed-field check: a value and options in, a result with findings out.
pub trait Check {
    /// Its options.
    type Options: ReadOptions;
    /// Its result (serialized as the package returns it).
    type Output: Serialize;
    /// Runs it. Misuse only for what the types cannot rule out (a policy whose minimum
    /// exceeds its maximum, `{ nit, dv }` for a kind that is not a NIT).
    fn run(value: Value, options: Self::Options) -> Result<Self::Output, Misuse>;
    /// A result of the right shape for a call that could not be answered (the package's
    /// answer when the module trapped): the check of an empty value with default options.
    fn fallback() -> Self::Output;
}

/// Runs check `C` with options read from `src`; its result as JSON.
pub fn run_json<C: Check>(mut value: Value, src: &dyn OptionSource) -> Result<String, Misuse> {
    let options = match C::Options::read(src) {
        Ok(o) => o,
        Err(e) => {
            // The value may be a password: never dropped unwiped, even on misuse.
            value.wipe();
            return Err(e);
        }
    };
    C::run(value, options).map(|r| crate::json::to_json(&r))
}

/// Declares the registry of checks (used once, in `lib.rs`): for each, its documentation,
/// the type implementing [`Check`], the package function's name and its TypeScript
/// signature. Generates [`run`] (the dispatch by name), [`NAMES`] and, in the core module,
/// the TypeScript declarations of the package functions.
#[macro_export]
macro_rules! checks {
    ($( $(#[doc = $doc:literal])* $ty:path => $js:literal $sig:literal; )*) => {
        /// The registry of typed-field checks (see [`checks`](crate::checks)).
        pub mod registry {
            #[allow(unused_imports)]
            use super::*;
            /// The package function of every check, in registry order.
            pub const NAMES: &[&str] = &[$($js),*];

            /// The fallback result (`Check::fallback`) of the check the package calls
            /// `name`, as JSON; `None` when there is none.
            pub fn fallback(name: &str) -> Option<String> {
                match name {
                    $($js => Some($crate::json::to_json(&<$ty as $crate::checks::Check>::fallback())),)*
                    _ => None,
                }
            }

            /// Runs the check the package calls `name`; `None` when there is none.
            pub fn run(
                name: &str,
                value: $crate::checks::Value,
                src: &dyn $crate::checks::OptionSource,
            ) -> Option<Result<String, $crate::checks::Misuse>> {
                match name {
                    $($js => Some($crate::checks::run_json::<$ty>(value, src)),)*
                    _ => None,
                }
            }

            /// The declarations of the package functions, in the core module's `.d.ts`;
            /// `scripts/gen-checks.mjs` writes their JavaScript from them.
            #[cfg(all(target_arch = "wasm32", not(feature = "files")))]
            #[wasm_bindgen::prelude::wasm_bindgen(typescript_custom_section)]
            const CHECKS_TS: &'static str = concat!(
                "\n// The typed-field checks (src/lib.rs `checks!`).\n",
                $("/**\n", $(" *", $doc, "\n",)* " */\nexport declare function ", $js, $sig, ";\n",)*
            );
        }
    };
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Options as the package passes them: `JSON.stringify(options)` read by the core
    /// module's source.
    fn src(options: &str) -> crate::options_json::JsonOptions<'_> {
        crate::options_json::JsonOptions::new(options, "options").unwrap()
    }

    fn run(
        name: &str,
        value: &str,
        options: serde_json::Value,
    ) -> Result<serde_json::Value, Misuse> {
        let text = options.to_string();
        crate::registry::run(name, Value::Text(value.into()), &src(&text))
            .expect("a registered check")
            .map(|json| serde_json::from_str(&json).unwrap())
    }

    #[test]
    fn every_registered_check_runs_by_name_with_its_options() {
        use serde_json::json;
        let r = run(
            "checkEmail",
            "ventas@empresa,com,co",
            json!({"field": "email"}),
        )
        .unwrap();
        assert_eq!(r["findings"][0]["code"], "email.comma_in_domain");
        assert_eq!(r["findings"][0]["field"], "email");
        assert_eq!(
            r["findings"][0]["message"], "",
            "the package renders messages"
        );
        let r = run("checkPassword", "Colombia2024", json!({"policy": "gse"})).unwrap();
        assert_eq!(r["rules"][0]["n"], 8);
        assert!(r["allowed"].as_str().unwrap().contains('#'));
        let r = run(
            "checkPassword",
            "abc",
            json!({"policy": {"minLength": 12, "require": ["upper", "digit"]}}),
        )
        .unwrap();
        assert_eq!(r["rules"][0]["n"], 12);
        let r = run("checkId", "800.197.268-4", json!({"kind": "31"})).unwrap();
        assert_eq!(r["ok"], true);
        assert_eq!(r["details"]["kind"], "co.nit");
        let r = run(
            "checkPhone",
            "321 123 4567",
            json!({"country": "CO", "type": "fixed"}),
        )
        .unwrap();
        assert_eq!(r["findings"][0]["code"], "phone.not_fixed");
        // Every registered name dispatches to its check (some require options: misuse).
        for name in crate::registry::NAMES {
            let r = crate::registry::run(name, Value::Text(String::new()), &src("{}"));
            assert!(r.is_some(), "{name}");
        }
        assert!(
            crate::registry::run("checkNothing", Value::Text(String::new()), &src("{}")).is_none()
        );
    }

    #[test]
    fn misuse_names_the_property() {
        use serde_json::json;
        let err = |name, options| run(name, "x", options).unwrap_err().0;
        assert_eq!(
            err("checkEmail", json!({"lang": "fr"})),
            r#"options.lang must be "es" or "en""#
        );
        assert_eq!(
            err("checkPassword", json!({})),
            r#"options.policy is required ("gse", "dian", "nist" or an object)"#
        );
        assert_eq!(
            err("checkPassword", json!({"policy": {"require": ["emoji"]}})),
            r#"options.policy.require must be a list of "upper", "lower", "digit", "special""#
        );
        assert_eq!(
            err(
                "checkPassword",
                json!({"policy": {"minLength": 10, "maxLength": 5}})
            ),
            "policy: maxLength 5 < minLength 10"
        );
        assert!(err("checkId", json!({"kind": "co.dni"})).starts_with("options.kind must be"));
        assert_eq!(
            err("checkPhone", json!({})),
            r#"options.country must be "CO", "CL" or "EC""#
        );
        assert_eq!(
            err("checkPhone", json!({"country": "CO", "type": "cell"})),
            r#"options.type must be "mobile" or "fixed""#
        );
        let parts = Value::Parts(vec![("nit".into(), "1".into())]);
        let r = crate::registry::run("checkId", parts, &src(r#"{"kind":"cl.rut"}"#));
        assert!(r.unwrap().is_err());
    }

    /// `Choice::NAMES` are serde's names, in `ALL`'s order.
    fn names_are_serde<T: Choice>() {
        assert_eq!(T::ALL.len(), T::NAMES.len());
        for (v, n) in T::ALL.iter().zip(T::NAMES) {
            assert_eq!(name_of(v), *n);
        }
    }

    #[test]
    fn choice_names_are_serde_names() {
        names_are_serde::<Lang>();
        names_are_serde::<crate::password::PolicyName>();
        names_are_serde::<crate::password::CharClass>();
        names_are_serde::<crate::phone::Country>();
        names_are_serde::<crate::phone::PhoneType>();
        names_are_serde::<crate::name::NameKind>();
        #[cfg(feature = "files")]
        {
            names_are_serde::<crate::pdf::Content>();
            names_are_serde::<crate::pdf::EncryptionRule>();
        }
        assert!(is_key_of("officialDomains", "official_domains"));
        assert!(is_key_of("type", "r#type"));
        assert!(!is_key_of("officialdomains", "official_domains"));
        assert!(!is_key_of("lan", "lang") && !is_key_of("langs", "lang"));
    }

    /// The keys read are the keys serde writes (and tsify declares).
    #[test]
    fn option_keys_are_serde_names() {
        let json = crate::json::to_json(&crate::email::EmailOptions::default());
        for field in ["official_domains", "lang", "field"] {
            assert!(json.contains(&format!("\"{}\"", camel(field))), "{json}");
        }
        let json = crate::json::to_json(&crate::phone::PhoneOptions::default());
        assert!(
            json.contains("\"type\"") && json.contains("\"country\""),
            "{json}"
        );
        assert_eq!(camel("r#type"), "type");
        assert_eq!(camel("issued_within_days"), "issuedWithinDays");
    }
}
