#!/usr/bin/env bash
# What the core module's optimization level buys and costs (docs/figures.md, "The core's
# opt-level"): the core's Rust built at each rustc opt-level ("z" is what ships, Cargo.toml),
# then through wasm-bindgen and `wasm-opt -Oz` as scripts/build.sh does, into a copy of pkg/
# (rebuilt first from the sources); for each, the core's size against its budget and the
# speed goals the open issues set, each against its peer in one run: checkId and checkPhone
# against an older build (the 0.1 package of commit 4ff6855, for the architecture issue),
# checkPassword against zxcvbn, checkEmail against validator.js + mailcheck, checkForm
# against zod.
#   bash bench/opt-levels.sh [BASELINE_PKG_DIR] [LEVELS…]   e.g. /tmp/b4ff/pkg z s 2 3
# Without a baseline directory, checkId and checkPhone are not compared; without levels,
# z s 2 3. Only the .wasm differs between levels: the JavaScript wasm-bindgen writes for each
# is checked to be what it writes for the shipped build, which pkg/ bundles.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/files-flags.sh
baseline=
if [ $# -gt 0 ] && [ -d "$1" ]; then
  baseline=$1
  shift
fi
levels=("$@")
[ ${#levels[@]} -gt 0 ] || levels=(z s 2 3)
bash scripts/build.sh
rm -rf target/opt-ref && wasm-bindgen --target web --experimental-reset-state-function --out-dir target/opt-ref \
  --out-name prevalida target/wasm32-unknown-unknown/release/prevalida.wasm
for lvl in "${levels[@]}"; do
  dir=target/opt-$lvl
  CARGO_TARGET_DIR=$dir CARGO_PROFILE_RELEASE_OPT_LEVEL=$lvl cargo build --release --target wasm32-unknown-unknown --lib
  rm -rf "$dir/bg" "$dir/pkg"
  wasm-bindgen --target web --experimental-reset-state-function --out-dir "$dir/bg" --out-name prevalida \
    "$dir/wasm32-unknown-unknown/release/prevalida.wasm"
  cmp "$dir/bg/prevalida.js" target/opt-ref/prevalida.js
  cp -r pkg "$dir/pkg"
  # shellcheck disable=SC2086 # a list of flags
  node_modules/.bin/wasm-opt -Oz --converge $WASM_OPT_FEATURES "$dir/bg/prevalida_bg.wasm" -o "$dir/pkg/prevalida_bg.wasm"
done
for lvl in "${levels[@]}"; do
  dir=target/opt-$lvl/pkg
  echo "== the core at rustc opt-level $lvl"
  node --input-type=module -e "
    import { coreSize, CORE_BUDGET } from './bench/size.mjs';
    const s = coreSize(new URL('file://$PWD/$dir/'));
    console.log('core ' + s.total + ' B gzip (wasm ' + s.wasm + ' + JS ' + s.glue + '), budget ' + CORE_BUDGET + ': ' + (CORE_BUDGET - s.total) + ' B left');"
  if [ -n "$baseline" ]; then node bench/compare-builds.mjs "$baseline" "$dir" | grep -E "^(checkId|checkPhone) "; fi
  PREVALIDA_PKG=$dir BENCH_FAST=1 node bench/password.mjs | grep "time per call"
  PREVALIDA_PKG=$dir node bench/email.mjs | grep "µs"
  PREVALIDA_PKG=$dir node bench/forms.mjs | grep "per form"
done
