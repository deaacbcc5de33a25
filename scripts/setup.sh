#!/usr/bin/env bash
# Installs whatever a fresh machine lacks, and nothing it already has:
#   the Rust wasm32 target, wasm-bindgen-cli at the exact version of the wasm-bindgen crate,
#   cargo-deny at a pinned version,
#   the npm dev dependencies (binaryen's wasm-opt, bench peers, playwright-core, typescript),
#   python-stdnum and phonenumbers for the differential test (a venv in target/py),
#   and, unless called with --no-browser, Debian's Chromium and ChromeDriver, Debian's Firefox
#   ESR and geckodriver (built with cargo: the second browser engine of the tests).
set -euo pipefail
cd "$(dirname "$0")/.."

browser=1
[ "${1:-}" = "--no-browser" ] && browser=0

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

want=$(sed -n 's/^wasm-bindgen = "=\(.*\)"/\1/p' Cargo.toml)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  say "installing wasm-bindgen-cli $want (takes several minutes once)"
  # --locked fails on some registry mirrors (a locked dependency is missing): fall back.
  cargo install wasm-bindgen-cli --version "=$want" --locked \
    || cargo install wasm-bindgen-cli --version "=$want"
fi

# cargo-deny, pinned (deny.toml's keys are this version's): the licenses, bans and sources
# check of scripts/test.sh. Built from source once (about 5 minutes on 2 cores).
deny_want=0.20.2
deny_have=$(cargo deny --version 2>/dev/null | awk '{print $2}' || true)
if [ "$deny_have" != "$deny_want" ]; then
  say "installing cargo-deny $deny_want (takes several minutes once)"
  cargo install cargo-deny --version "=$deny_want" --locked \
    || cargo install cargo-deny --version "=$deny_want"
fi

if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] \
  || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm dev dependencies"
  npm ci --no-audit --no-fund
fi

if [ "$browser" = 1 ] && { ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; }; then
  say "installing Debian's chromium and chromium-driver"
  sudo=""
  [ "$(id -u)" != 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver
fi
if [ "$browser" = 1 ] && ! command -v firefox-esr >/dev/null; then
  say "installing Debian's firefox-esr"
  sudo=""
  [ "$(id -u)" != 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq firefox-esr
fi
gecko=0.37.1
if [ "$browser" = 1 ] && [ "$(geckodriver --version 2>/dev/null | awk 'NR==1{print $2}')" != "$gecko" ]; then
  say "installing geckodriver $gecko (wasm-bindgen-test in Firefox; takes a few minutes once)"
  cargo install geckodriver --version "=$gecko" --locked \
    || cargo install geckodriver --version "=$gecko"
fi
# The differential test's peers (python-stdnum, libphonenumber) in a venv under target/.
if ! target/py/bin/python -c 'import stdnum, phonenumbers' 2>/dev/null \
  || [ tests/differential/requirements.txt -nt target/py/.installed ]; then
  say "installing python-stdnum and phonenumbers (tests/differential/requirements.txt) into target/py"
  python3 -m venv target/py
  target/py/bin/pip install -q -r tests/differential/requirements.txt
  touch target/py/.installed
fi
say "ready"
