#!/usr/bin/env bash
# Builds pkg/, the npm package `prevalida`: Rust → wasm32 → wasm-bindgen (web target) →
# wasm-opt (binaryen 132 from npm; never Debian's 108, whose output crashes at load) →
# merged with the hand-kept files of pkg-config/.
set -euo pipefail
cd "$(dirname "$0")/.."

version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
cargo build --release --target wasm32-unknown-unknown --lib
rm -rf pkg && mkdir -p pkg
wasm-bindgen --target web --out-dir pkg --out-name prevalida \
  target/wasm32-unknown-unknown/release/prevalida.wasm
# Exactly the features wasm-bindgen 0.2.130 output uses; --all-features emits imports
# Node 20 cannot load.
node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
  pkg/prevalida_bg.wasm -o pkg/prevalida_bg.wasm
rm -f pkg/prevalida_bg.wasm.d.ts pkg/.gitignore
cp pkg-config/index.js pkg-config/node.js pkg-config/api.js pkg-config/index.d.ts pkg-config/README.md pkg/
sed "s/\"version\": \"0.0.0\"/\"version\": \"$version\"/" pkg-config/package.json > pkg/package.json
echo "pkg/ built: prevalida $version"
