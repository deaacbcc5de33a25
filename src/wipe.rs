//! Overwrites copies of a password before their memory is freed, so that a later reader of
//! the WebAssembly memory (or a heap dump) does not find them. Best effort without `unsafe`:
//! the writes are followed by `black_box` so the optimiser keeps them.

/// Zeroes and empties a string.
pub(crate) fn string(s: &mut String) {
    let mut bytes = std::mem::take(s).into_bytes();
    bytes.fill(0);
    std::hint::black_box(&bytes);
}

/// Zeroes and empties a vector of characters.
#[cfg_attr(all(target_arch = "wasm32", feature = "files"), allow(dead_code))]
pub(crate) fn chars(v: &mut Vec<char>) {
    v.fill('\0');
    std::hint::black_box(&v);
    v.clear();
}

/// Zeroes a byte buffer (a password's encodings, the KDF's input blocks).
#[cfg_attr(not(feature = "files"), allow(dead_code))]
pub(crate) fn bytes(v: &mut [u8]) {
    v.fill(0);
    std::hint::black_box(&v);
}
