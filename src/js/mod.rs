//! The boundary to JavaScript. Two WebAssembly modules are built from this crate, and each
//! has its boundary here, thin code that converts arguments, calls the core and converts
//! the result:
//!
//! * [`core`]: the typed-field checks (email, password, identifiers, phones), loaded with
//!   the package;
//! * [`files`]: the files module (PDF uploads), built with the `files` feature into its own
//!   .wasm that the package loads the first time a page checks a file, in a Web Worker.
//!
//! Both follow one convention: an export takes `(input, options)`; `options` is read here,
//! by [`Props`], under the names serde and the generated TypeScript types use (each key is
//! derived from the Rust field name by [`camel`], as serde's `rename_all = "camelCase"`
//! derives it, so no key is spelled twice); misuse throws a JS `Error` whose `code` is
//! `"api.invalid_argument"` ([`misuse`]); every outcome of a check is a result, never an
//! exception. Findings cross without messages: the package renders them in JavaScript from
//! the one code table (`crate::codes`).
//!
//! Options are read property by property with `Reflect` rather than with a serde
//! deserializer: one for these shapes (untagged enums buffer their content, error messages
//! format floats) costs ≈ 25 KB of wasm.

/// The camelCase name of a snake_case Rust field, as serde's `rename_all = "camelCase"`
/// writes it: the key under which the package reads an option.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub fn camel(field: &str) -> String {
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

/// Builds `$ty` from the options object `$p`: each field read by the named [`Props`]
/// method under the key derived from the field's name ([`camel`]); the fields after `;`
/// are not options (set by the boundary itself).
#[cfg(target_arch = "wasm32")]
macro_rules! read_options {
    ($p:expr, $ty:ident { $($field:ident: $how:ident),* $(,)? } $(; $($rest:ident: $val:expr),* $(,)?)?) => {
        $ty {
            $($field: $p.$how(&$crate::js::camel(stringify!($field)))?,)*
            $($($rest: $val,)*)?
        }
    };
}

#[cfg(target_arch = "wasm32")]
mod props;
#[cfg(all(target_arch = "wasm32", not(feature = "files")))]
pub(crate) use props::misuse;
#[cfg(all(target_arch = "wasm32", feature = "files"))]
pub(crate) use props::Choice;
#[cfg(target_arch = "wasm32")]
pub(crate) use props::Props;

#[cfg(all(target_arch = "wasm32", not(feature = "files")))]
pub mod core;
#[cfg(all(target_arch = "wasm32", feature = "files"))]
pub mod files;

#[cfg(test)]
mod tests {
    use super::camel;

    /// The keys the boundary reads are the keys serde writes (and tsify declares).
    #[test]
    fn option_keys_are_serde_names() {
        let json = crate::json::to_json(&crate::email::EmailOptions::default());
        for field in ["official_domains", "lang", "field"] {
            assert!(json.contains(&format!("\"{}\"", camel(field))), "{json}");
        }
        let json = crate::json::to_json(&crate::password::CustomPolicy::default());
        for field in [
            "min_length",
            "max_length",
            "forbid_whitespace",
            "max_repeat",
        ] {
            assert!(json.contains(&format!("\"{}\"", camel(field))), "{json}");
        }
        assert_eq!(camel("issued_within_days"), "issuedWithinDays");
        assert_eq!(camel("lang"), "lang");
    }
}
