//! Overwrites copies of a password before their memory is freed, so that a later reader of
//! the WebAssembly memory (or a heap dump) does not find them. Best effort without `unsafe`:
//! the writes are followed by `black_box` so the optimiser keeps them.

// Strings and character vectors: the strength crate's (crates/strength), which wipes its own
// copies of the password with them.
#[cfg_attr(all(target_arch = "wasm32", feature = "files"), allow(unused_imports))]
pub(crate) use strength::wipe::{chars, string};

/// Zeroes a byte buffer (a password's encodings, the KDF's input blocks).
#[cfg_attr(not(feature = "files"), allow(dead_code))]
pub(crate) fn bytes(v: &mut [u8]) {
    v.fill(0);
    std::hint::black_box(&v);
}
