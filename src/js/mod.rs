//! The boundary to JavaScript. Two WebAssembly modules are built from this crate, and each
//! has its boundary here, thin code that converts arguments, calls the core and converts
//! the result:
//!
//! * `core`: the typed-field checks of the registry (`checks!` in `lib.rs`), loaded with
//!   the package;
//! * `files`: the files module (PDF uploads, what a file is), built with the `files` feature into its own
//!   .wasm that the package loads the first time a page checks a file, in a Web Worker.
//!
//! Both follow one convention: an export takes `(input, options)`; `options` is read through
//! an `OptionSource` (JSON text in the core module, a JS object in the files module) by the
//! options' `ReadOptions` (keys
//! derived from the Rust field names, as serde's `rename_all = "camelCase"` and the generated
//! TypeScript types spell them: see `crate::checks`); misuse throws a JS `Error` whose `code`
//! is `"api.invalid_argument"` ([`misuse`]); every outcome of a check is a result, never an
//! exception. Results cross as JSON of the Rust result types (`crate::json`); findings
//! without messages: the package renders them in JavaScript from the one code table. (A
//! password result's checklist crosses as one flat list, `rules_flat` in `crate::password`,
//! from which the glue builds its lines.)
//!
//! Options are read property by property with `Reflect` rather than with a serde
//! deserializer: one for these shapes (untagged enums buffer their content, error messages
//! format floats) costs ≈ 25 KB of wasm.

#[cfg(all(target_arch = "wasm32", feature = "files"))]
mod props;
#[cfg(all(target_arch = "wasm32", feature = "files"))]
pub(crate) use props::Props;

#[cfg(target_arch = "wasm32")]
use crate::checks::Misuse;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen::JsValue;

#[cfg(target_arch = "wasm32")]
/// The `Error` thrown on misuse: `code` is `"api.invalid_argument"`, the message comes from
/// that code's English template.
pub(crate) fn misuse(m: Misuse) -> JsValue {
    use crate::codes::{Code, Lang};
    let template = Code::ApiInvalidArgument.template(Lang::En);
    let msg = crate::text::cat(&[
        "prevalida: ",
        template.strip_suffix("{detail}").unwrap_or(template),
        &m.0,
    ]);
    let err = js_sys::Error::new(&msg);
    let _ = js_sys::Reflect::set(
        &err,
        &JsValue::from_str("code"),
        &JsValue::from_str(Code::ApiInvalidArgument.as_str()),
    );
    err.into()
}

#[cfg(all(target_arch = "wasm32", not(feature = "files")))]
pub mod core;
#[cfg(all(target_arch = "wasm32", feature = "files"))]
pub mod files;
