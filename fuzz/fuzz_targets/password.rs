#![no_main]
//! `password`: see prevalida_fuzz's documentation for the input's layout and the invariants.
libfuzzer_sys::fuzz_target!(|data: &[u8]| prevalida_fuzz::run("password", data));
