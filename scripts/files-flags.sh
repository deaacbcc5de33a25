# Sourced by build.sh and test.sh: how the files module is compiled, beyond its `files` feature.
# simd128: the legacy certificate KDF runs four SHA-1 chains in one wasm SIMD vector
# (crates/hash-chain). Every engine the package supports has it (Chrome 91, Firefox 89,
# Safari 16.4, Node 16.4); the core module is built without it.
export FILES_RUSTFLAGS="-C target-feature=+simd128"
