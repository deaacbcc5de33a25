//! prevalida: offline pre-checks for the forms and uploads of the portals where people in
//! Colombia, Chile and Ecuador request the digital certificate for electronic invoicing.
//!
//! The core (every module but `js`) is plain Rust and knows nothing of JavaScript: each
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

pub mod check_digit;
pub mod checks;
pub mod codes;
pub mod finding;
#[cfg_attr(all(target_arch = "wasm32", feature = "files"), allow(dead_code))]
mod idn;
pub mod js;
pub mod json;
#[cfg(feature = "files")]
pub mod p12;
#[cfg(feature = "files")]
pub mod pdf;
#[cfg_attr(all(target_arch = "wasm32", feature = "files"), allow(dead_code))]
mod text;

// The typed-field checks. The files module's .wasm leaves them out, so that its generated
// types declare only its own (it imports `Finding` and `Code` from the core module's).
#[cfg(not(all(target_arch = "wasm32", feature = "files")))]
pub mod address;
#[cfg(not(all(target_arch = "wasm32", feature = "files")))]
pub mod email;
#[cfg(not(all(target_arch = "wasm32", feature = "files")))]
pub mod id;
#[cfg(not(all(target_arch = "wasm32", feature = "files")))]
pub mod name;
#[cfg(not(all(target_arch = "wasm32", feature = "files")))]
pub mod options_json;
#[cfg(not(all(target_arch = "wasm32", feature = "files")))]
pub mod password;
#[cfg(not(all(target_arch = "wasm32", feature = "files")))]
pub mod phone;

#[cfg(not(all(target_arch = "wasm32", feature = "files")))]
pub mod tables;
mod wipe;

pub use codes::{Code, Lang};

// The registry of typed-field checks: each once, with its package function's documentation
// and TypeScript signature (see `checks`). The package's functions and their declarations
// are generated from it.
#[cfg(not(all(target_arch = "wasm32", feature = "files")))]
checks! {
    /// Checks an email address: WHATWG syntax plus RFC 5321 limits, the mistakes people make
    /// (comma for dot, spaces, missing TLD, `gmail.con`), and look-alike or mixed-script
    /// domains. Never throws for a string; throws a {@link PrevalidaError} when `value` is
    /// not a string or `options` is malformed.
    email::Email => "checkEmail" "(value: string, options?: EmailOptions): EmailResult";
    /// Checks a password against a portal policy (`"gse"`, `"dian"`, `"nist"` or your own),
    /// its confirmation and the user's data, and estimates its strength offline. The password
    /// is used as typed: never trimmed or normalized, and never kept after the call.
    password::Password => "checkPassword" "(value: string, options: PasswordOptions): PasswordResult";
    /// Checks a national identifier of Colombia, Chile or Ecuador, exact to the check digit.
    /// `options.kind` is a {@link Kind} (`"co.nit"`, `"cl.rut"`, `"ec.ruc"`…) or a DIAN
    /// document code (`"13"`, `"31"`…). A NIT typed in two fields goes as `{ nit, dv }`:
    /// findings then name the wrong one (`field` ends in `.nit` or `.dv`).
    id::Id => "checkId" "(value: string, options: IdOptions & { kind: Kind | DianDocumentType[\"code\"] }): IdResult;\nexport declare function checkId(value: { nit: string; dv: string }, options: IdOptions & { kind: \"co.nit\" | \"31\" }): IdResult";
    /// Checks a phone number against the numbering plan of `options.country` (`"CO"`,
    /// `"CL"`, `"EC"`). Accepts `+57`, `57`, `0057`, spaces, dots, hyphens and parentheses;
    /// `options.type` demands a mobile or a landline.
    phone::Phone => "checkPhone" "(value: string, options: PhoneOptions & { country: Country }): PhoneResult";
    /// Checks a name typed in a form: a person's names or surnames (`kind: "person"`, the
    /// default: letters, spaces, hyphens, apostrophes, dots) or a company's razón social
    /// (`kind: "company"`: digits and `& , ( ) / + #` too). `normalized` is trimmed with one
    /// space between words; `options.maxLength` is the field's limit, when the portal says.
    name::Name => "checkName" "(value: string, options?: NameOptions): NameResult";
    /// Checks a Colombian address and writes it in DIAN nomenclature (`normalized`):
    /// `Cra 14 # 123-45 apto 301` → `CR 14 123 45 AP 301`. Every common way of writing the
    /// street type is accepted; an address it cannot read (a rural one) is kept as typed
    /// with a warning, never an error.
    address::Address => "checkAddress" "(value: string, options?: AddressOptions): AddressResult";
}
pub use finding::{Finding, Param, Severity};
