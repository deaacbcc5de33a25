# Sourced by build.sh, test.sh and bench/opt-levels.sh: how the modules are built beyond
# Cargo.toml.
#
# wasm-opt's features: exactly those wasm-bindgen 0.2.130 output uses (--all-features emits
# imports Node 20 cannot load); the files module adds simd128.
export WASM_OPT_FEATURES="--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue"

# The files module, beyond its `files` feature.
# simd128: the legacy certificate KDF runs four SHA-1 chains in one wasm SIMD vector
# (crates/hash-chain). Every engine the package supports has it (Chrome 91, Firefox 89,
# Safari 16.4, Node 16.4); the core module is built without it.
export FILES_RUSTFLAGS="-C target-feature=+simd128"
