#!/usr/bin/env bash
# Every test, in the order that fails fastest. Called by `make test` and by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."

# Each step's time, and the whole run's, are printed (CI keeps them).
started=$SECONDS
last=$SECONDS
step() {
  [ "$last" != "$SECONDS" ] && printf '\033[2m(%ss)\033[0m\n' "$((SECONDS - last))"
  last=$SECONDS
  printf '\n\033[1m== %s\033[0m\n' "$*"
}

step "setup: what this machine lacks"
bash scripts/setup.sh

step "format"
cargo fmt --all -- --check

step "supply chain: cargo deny (licenses, bans, sources; advisories: docs/supply-chain.md)"
cargo deny --all-features check licenses bans sources

step "native tests (core, email corpus, doc examples)"
cargo test

step "patches: the aes stand-in against the FIPS-197 vectors"
CARGO_TARGET_DIR=target/patch-aes cargo test --manifest-path patches/aes/Cargo.toml

step "crates/hash-chain: four SHA-1 chains in lanes are four chains"
CARGO_TARGET_DIR=target/hash-chain cargo test --manifest-path crates/hash-chain/Cargo.toml

step "files module: PDF and certificate unit tests, the shared PDF corpus vs qpdf/poppler/pypdf, hostile files (release build: the 2 s bound is for what ships)"
cargo test --release --features files --lib -- pdf:: p12::
cargo test --release --features files --test pdf -- --nocapture

step "fuzz targets: seeds and regressions replayed, then a fixed-seed libFuzzer run of each (scripts/fuzz.sh)"
bash scripts/fuzz.sh smoke

step "identifiers and phones vs python-stdnum and libphonenumber (differential)"
cargo build --release --example id_cli
target/py/bin/python tests/differential/compare.py 3000 target/release/examples/id_cli

step "wasm-bindgen-test in Node"
cargo test --target wasm32-unknown-unknown --test wasm

step "wasm-bindgen-test in headless Chromium"
WASM_BINDGEN_USE_BROWSER=1 CHROMEDRIVER="$(command -v chromedriver)" \
  cargo test --target wasm32-unknown-unknown --test wasm

step "wasm-bindgen-test in headless Firefox (geckodriver, Debian's firefox-esr)"
WASM_BINDGEN_USE_BROWSER=1 GECKODRIVER="$(command -v geckodriver)" \
  cargo test --target wasm32-unknown-unknown --test wasm

step "files module in wasm32, optimized (no trap on corpus, mutated and hostile files, certificates): Node, headless Chromium, headless Firefox"
source scripts/files-flags.sh
RUSTFLAGS="$FILES_RUSTFLAGS" cargo test --profile wasm-test --target wasm32-unknown-unknown --features files --test wasm_files -- --nocapture
WASM_BINDGEN_USE_BROWSER=1 CHROMEDRIVER="$(command -v chromedriver)" RUSTFLAGS="$FILES_RUSTFLAGS" \
  cargo test --profile wasm-test --target wasm32-unknown-unknown --features files --test wasm_files -- --nocapture
WASM_BINDGEN_USE_BROWSER=1 GECKODRIVER="$(command -v geckodriver)" RUSTFLAGS="$FILES_RUSTFLAGS" \
  cargo test --profile wasm-test --target wasm32-unknown-unknown --features files --test wasm_files -- --nocapture

step "build pkg/ (and the test-trap build for the recovery test)"
bash scripts/build.sh
bash scripts/build.sh --test-trap

step "package: npm pack, install into an empty folder, Node import, TypeScript types"
node --test tests/js/

step "end-to-end: www/ and bundler builds in headless Chromium, the demo in headless Firefox"
bash scripts/install-demo.sh
node --test tests/e2e/

step "done"
echo "all tests passed in $((SECONDS - started)) s"
