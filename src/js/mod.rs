//! The boundary to JavaScript. Two WebAssembly modules are built from this crate, and each
//! has its boundary here, thin code that converts arguments, calls the core and converts
//! the result:
//!
//! * `core`: the typed-field checks (email, password, identifiers, phones), loaded with
//!   the package;
//! * `files`: the files module (PDF uploads), built with the `files` feature into its own
//!   .wasm that the package loads the first time a page checks a file, in a Web Worker.
//!
//! Both follow one convention: an export takes `(input, options)`; `options` is a JS object
//! read through [`Props`], the package's `OptionSource`, by the options' `ReadOptions` (keys
//! derived from the Rust field names, as serde's `rename_all = "camelCase"` and the generated
//! TypeScript types spell them: see `crate::checks`); misuse throws a JS `Error` whose `code`
//! is `"api.invalid_argument"` ([`misuse`]); every outcome of a check is a result, never an
//! exception. Results cross as JSON of the Rust result types (`crate::json`); findings
//! without messages: the package renders them in JavaScript from the one code table.
//!
//! Options are read property by property with `Reflect` rather than with a serde
//! deserializer: one for these shapes (untagged enums buffer their content, error messages
//! format floats) costs ≈ 25 KB of wasm.

#[cfg(target_arch = "wasm32")]
mod props;
#[cfg(target_arch = "wasm32")]
pub(crate) use props::{misuse, Props};

#[cfg(all(target_arch = "wasm32", not(feature = "files")))]
pub mod core;
#[cfg(all(target_arch = "wasm32", feature = "files"))]
pub mod files;
