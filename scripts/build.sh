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
# --experimental-reset-state-function: the glue gets __wbg_reset_state(), which instance.js
# (and files-node.js, files-worker.js for the files module) call to start a fresh instance if
# the module ever traps.
wasm-bindgen --target web --experimental-reset-state-function --out-dir "$out" --out-name prevalida \
  "$target_dir/wasm32-unknown-unknown/release/prevalida.wasm"
source scripts/files-flags.sh
# shellcheck disable=SC2086 # a list of flags
node_modules/.bin/wasm-opt -Oz --converge $WASM_OPT_FEATURES "$out/prevalida_bg.wasm" -o "$out/prevalida_bg.wasm"
# The files module: the same crate with the `files` feature, its own target dir and .wasm,
# loaded by the package only when a page first checks a file (pkg-config/files*.js). The
# test-trap build gets one that aborts on the magic file "%PDF-trap".
files_features=files
files_target=target/files
if [ "${1:-}" = "--test-trap" ]; then
  files_features=files,test-trap
  # Same target dir: only this crate is rebuilt for the extra feature.
fi
CARGO_TARGET_DIR=$files_target RUSTFLAGS="$FILES_RUSTFLAGS" cargo build --release --target wasm32-unknown-unknown --lib --features "$files_features"
wasm-bindgen --target web --experimental-reset-state-function --out-dir "$out" --out-name prevalida_files \
  "$files_target/wasm32-unknown-unknown/release/prevalida.wasm"
# shellcheck disable=SC2086 # a list of flags
node_modules/.bin/wasm-opt -Oz --converge $WASM_OPT_FEATURES --enable-simd \
  "$out/prevalida_files_bg.wasm" -o "$out/prevalida_files_bg.wasm"
# One Finding, one Code: the files module's types use the core module's declarations.
{ echo 'import type { Code, Finding, Lang, Severity } from "./prevalida.js";'; cat "$out/prevalida_files.d.ts"; } \
  > "$out/prevalida_files.d.ts.tmp" && mv "$out/prevalida_files.d.ts.tmp" "$out/prevalida_files.d.ts"
rm -f "$out/prevalida_files_bg.wasm.d.ts" "$out/prevalida_bg.wasm.d.ts" "$out/.gitignore"
# Every hand-kept file of the package (pkg-config/ is the list), and the check functions
# generated from the registry (src/lib.rs `checks!`).
cp pkg-config/* "$out/"
# The license texts and the notice of every third-party table, list and crate built in
# (package.json's `files` below lists them, as everything in the folder).
cp LICENSE-MIT LICENSE-APACHE THIRD-PARTY-NOTICES.md "$out/"
node scripts/gen-checks.mjs "$out"
node scripts/gen-forms.mjs "$out"
node scripts/gen-email-domains.mjs "$out"
node scripts/gen-password-data.mjs "$out"
# Two fetches for the core instead of eleven: the entries and what they share (core.js),
# the form engine and the files worker bundled with their imports (scripts/bundle.mjs).
node scripts/bundle.mjs "$out"
# The JS a page downloads is minified (terser; exports and behaviour unchanged): it halves
# the glue's gzip size, which counts against the core budget. The readable sources are
# pkg-config/*.js and wasm-bindgen's output; types stay in the .d.ts files. cli.js (Node
# only, with its #! line) stays as written.
for f in "$out"/*.js; do
  [ "$(basename "$f")" = cli.js ] && continue
  node_modules/.bin/terser "$f" --module --ecma 2020 --compress --mangle -o "$f"
done
# package.json: the version from Cargo.toml; `files` is what the build put in the folder.
node -e '
  const fs = require("fs");
  const [out, version] = process.argv.slice(1);
  const pkg = JSON.parse(fs.readFileSync("pkg-config/package.json", "utf8"));
  pkg.version = version;
  pkg.files = fs.readdirSync(out).filter((f) => f !== "package.json").sort();
  fs.writeFileSync(`${out}/package.json`, JSON.stringify(pkg, null, 2) + "\n");
' "$out" "$version"
echo "$out/ built: prevalida $version"
