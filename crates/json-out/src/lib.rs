//! The primitives of prevalida's JSON writer (`src/json.rs`, whose serde serializer stays in
//! the crate): built at opt-level 3 inside the size-optimized core module (see Cargo.toml).

/// Appends `s`.
pub fn push(out: &mut String, s: &str) {
    out.push_str(s);
}

/// Appends a comma unless `*first`; then `*first` is false.
pub fn comma(out: &mut String, first: &mut bool) {
    if !*first {
        out.push(',');
    }
    *first = false;
}

/// Appends a struct field's key, `"key":`, after a comma unless `*first`. Keys are serde
/// names: identifiers, nothing to escape.
pub fn key(out: &mut String, first: &mut bool, key: &str) {
    comma(out, first);
    out.push('"');
    out.push_str(key);
    out.push_str("\":");
}

/// Appends `s` as a JSON string when it needs no escape (no `"`, `\` or control character:
/// most strings) and answers true; otherwise appends nothing and answers false.
pub fn plain_str(out: &mut String, s: &str) -> bool {
    if s.bytes().any(|b| b == b'"' || b == b'\\' || b < 0x20) {
        return false;
    }
    out.reserve(s.len() + 2);
    out.push('"');
    out.push_str(s);
    out.push('"');
    true
}
