//! prevalida: offline pre-checks for the forms and uploads of the portals where people in
//! Colombia, Chile and Ecuador request the digital certificate for electronic invoicing.
//!
//! The core (every module but `wasm`) is plain Rust and knows nothing of JavaScript: each
//! check takes text and options and returns a result with [`Finding`]s, never panics on
//! any input, and is bounded in time. `js` is the boundary to JavaScript, for both
//! WebAssembly modules: the core one and the files module (`files` feature: PDF uploads),
//! which the package loads only when a page first checks a file.
//!
//! ```
//! use prevalida::email::{check_email, EmailOptions};
//! let r = check_email("ventas@empresa,com,co", &EmailOptions::default());
//! assert!(!r.ok);
//! assert_eq!(r.findings[0].code.as_str(), "email.comma_in_domain");
//! assert_eq!(r.suggestion.as_deref(), Some("ventas@empresa.com.co"));
//! ```
#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod codes;
pub mod finding;
#[cfg_attr(all(target_arch = "wasm32", feature = "files"), allow(dead_code))]
mod idn;
pub mod js;
pub mod json;
#[cfg(feature = "files")]
pub mod pdf;
#[cfg_attr(all(target_arch = "wasm32", feature = "files"), allow(dead_code))]
mod text;

// The typed-field checks. The files module's .wasm leaves them out, so that its generated
// types declare only its own (it imports `Finding` and `Code` from the core module's).
#[cfg(not(all(target_arch = "wasm32", feature = "files")))]
pub mod email;
#[cfg(not(all(target_arch = "wasm32", feature = "files")))]
pub mod id;
#[cfg(not(all(target_arch = "wasm32", feature = "files")))]
pub mod password;
#[cfg(not(all(target_arch = "wasm32", feature = "files")))]
pub mod phone;
#[cfg(not(all(target_arch = "wasm32", feature = "files")))]
pub mod tape;
#[cfg(not(all(target_arch = "wasm32", feature = "files")))]
mod wipe;

pub use codes::{Code, Lang};
pub use finding::{Finding, Param, Severity};
