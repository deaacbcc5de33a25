#!/usr/bin/env bash
# Builds pkg/, the npm package `prevalida`: Rust → wasm32 → wasm-bindgen (web target) →
# wasm-opt (binaryen 132 from npm; never Debian's 108, whose output crashes at load) →
# merged with the hand-kept files of pkg-config/.
#
#   bash scripts/build.sh              the package, into pkg/
#   bash scripts/build.sh --test-trap  a test build with the `test-trap` feature, into
#                                      target/pkg-trap/ (own target dir; never published)
set -euo pipefail
cd "$(dirname "$0")/.."

out=pkg
features=()
target_dir=target
if [ "${1:-}" = "--test-trap" ]; then
  out=target/pkg-trap
  features=(--features test-trap)
  target_dir=target/trap
fi

version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
CARGO_TARGET_DIR=$target_dir cargo build --release --target wasm32-unknown-unknown --lib "${features[@]}"
rm -rf "$out" && mkdir -p "$out"
# --experimental-reset-state-function: the glue gets __wbg_reset_state(), which api.js calls
# to start a fresh instance if the module ever traps.
wasm-bindgen --target web --experimental-reset-state-function --out-dir "$out" --out-name prevalida \
  "$target_dir/wasm32-unknown-unknown/release/prevalida.wasm"
# Exactly the features wasm-bindgen 0.2.130 output uses; --all-features emits imports
# Node 20 cannot load.
node_modules/.bin/wasm-opt -Oz --converge --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$out/prevalida_bg.wasm" -o "$out/prevalida_bg.wasm"
# The PDF module: the same crate with the `pdf` feature, its own target dir and .wasm,
# loaded by the package only when a page first checks a PDF (pkg-config/pdf-*.js). The
# test-trap build gets one that aborts on the magic file "%PDF-trap".
pdf_features=pdf
pdf_target=target/pdf
if [ "${1:-}" = "--test-trap" ]; then
  pdf_features=pdf,test-trap
  # Same target dir: only this crate is rebuilt for the extra feature.
fi
CARGO_TARGET_DIR=$pdf_target cargo build --release --target wasm32-unknown-unknown --lib --features "$pdf_features"
wasm-bindgen --target web --experimental-reset-state-function --out-dir "$out" --out-name prevalida_pdf \
  "$pdf_target/wasm32-unknown-unknown/release/prevalida.wasm"
node_modules/.bin/wasm-opt -Oz --converge --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$out/prevalida_pdf_bg.wasm" -o "$out/prevalida_pdf_bg.wasm"
rm -f "$out/prevalida_pdf_bg.wasm.d.ts"
# The PDF entry points (the test-trap build has them too: node.js and index.js import them;
# they fetch the PDF module only when inspectPdf is called).
cp pkg-config/pdf-browser.js pkg-config/pdf-node.js pkg-config/pdf-worker.js pkg-config/pdf-common.js "$out/"
rm -f "$out/prevalida_bg.wasm.d.ts" "$out/.gitignore"
cp pkg-config/index.js pkg-config/node.js pkg-config/api.js pkg-config/cli.js pkg-config/index.d.ts pkg-config/README.md "$out/"
# The JS a page downloads is minified (terser; exports and behaviour unchanged): it halves
# the glue's gzip size, which counts against the 80 KB core budget. The readable sources
# are pkg-config/*.js and wasm-bindgen's output; types stay in the .d.ts files.
for f in prevalida.js api.js index.js node.js prevalida_pdf.js pdf-browser.js pdf-node.js pdf-worker.js pdf-common.js; do
  [ -f "$out/$f" ] || continue
  node_modules/.bin/terser "$out/$f" --module --ecma 2020 --compress --mangle -o "$out/$f"
done
sed "s/\"version\": \"0.0.0\"/\"version\": \"$version\"/" pkg-config/package.json > "$out/package.json"
echo "$out/ built: prevalida $version"
