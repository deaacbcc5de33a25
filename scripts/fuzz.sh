#!/usr/bin/env bash
# Coverage-guided fuzzing of every entry point (issue 14; targets and invariants in fuzz/).
#
#   bash scripts/fuzz.sh smoke             each target for a fixed number of inputs from a
#                                          fixed seed, after its regressions (make test)
#   bash scripts/fuzz.sh run [SECONDS] [TARGET...]
#                                          each target SECONDS (default 1800) in turn, growing
#                                          fuzz/corpus/<target> (kept between runs); prints
#                                          executions, edges and corpus size (make fuzz)
#
# cargo-fuzz (libFuzzer) on the stable toolchain: RUSTC_BOOTSTRAP lets cargo-fuzz pass its
# instrumentation flags. No sanitizer: the crate forbids unsafe code, so AddressSanitizer
# would find nothing safe Rust does not already check, at half the speed; debug assertions
# are on, so an overflow is a crash. Budgets (docs/budgets.md) are enforced by libFuzzer: an
# input slower than TIMEOUT seconds or a process above RSS_MB fails the run. The timeout is
# wall-clock time: a run suspended (SIGSTOP, a laptop asleep) reports a false timeout; replay
# the input (`fuzz/target/*/release/<target> <file>`) to tell.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-smoke}
# Only cargo fuzz gets RUSTC_BOOTSTRAP: set for the whole script it would change proc-macro2's
# build (it probes for nightly features) and rebuild the main crate's dependencies twice.
fuzz() { RUSTC_BOOTSTRAP=1 cargo fuzz "$@"; }
TIMEOUT=20
RSS_MB=2048
want=0.13.2
if [ "$(cargo fuzz --version 2>/dev/null | awk '{print $2}')" != "$want" ]; then
  echo "installing cargo-fuzz $want (about a minute, once)"
  cargo install cargo-fuzz --version "=$want" --locked || cargo install cargo-fuzz --version "=$want"
fi

targets=(email password id phone name address pdf pdf_text cert)
dict() {
  case $1 in
    pdf | pdf_text) echo fuzz/dict/pdf.dict ;;
    cert) echo fuzz/dict/der.dict ;;
    *) echo fuzz/dict/text.dict ;;
  esac
}
# Smoke runs per target: a few seconds each on a slow machine (a PDF costs far more than a field).
runs() {
  case $1 in
    pdf | pdf_text) echo 3000 ;;
    cert) echo 10000 ;;
    *) echo 30000 ;;
  esac
}

# The seeds, written by the replay test (one definition: fuzz/src/lib.rs `seeds`), which
# also checks them and every regression input natively.
rm -rf fuzz/seeds
FUZZ_SEEDS_OUT="$PWD/fuzz/seeds" cargo test --release --features files --test fuzz_replay -- --nocapture
build() { fuzz build -O -a --sanitizer none "$@"; }

case $mode in
  smoke)
    build
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    for t in "${targets[@]}"; do
      mkdir -p "$tmp/$t"
      echo "== fuzz smoke: $t"
      # The regressions first (here with debug assertions and overflow checks, which the
      # replay test's release build lacks), then a fixed seed and number of runs. Nearly the
      # same inputs on every machine, not exactly: HashMap seeds in the PDF code and
      # libFuzzer's order of equal-size seeds can steer the mutations. A failure is a real
      # defect either way; its input is printed and kept under fuzz/artifacts/.
      # The log is kept whole and shown whole on failure; libFuzzer's status decides.
      regress=()
      [ -d "fuzz/regressions/$t" ] && regress=("fuzz/regressions/$t")
      if ! fuzz run -O -a --sanitizer none "$t" "$tmp/$t" "fuzz/seeds/$t" "${regress[@]}" -- \
        -seed=1 -runs="$(runs "$t")" -timeout=$TIMEOUT -rss_limit_mb=$RSS_MB -dict="$(dict "$t")" \
        -print_final_stats=1 >"$tmp/$t.log" 2>&1; then
        grep -v '^WARNING: Failed to find function' "$tmp/$t.log" | tail -60
        echo "fuzz smoke: $t failed" >&2
        exit 1
      fi
      grep -E '^(Done|stat::(number_of_executed_units|new_units_added|peak_rss_mb|slowest_unit_time_sec))' "$tmp/$t.log"
    done
    ;;
  run)
    shift
    secs=1800
    if [[ ${1:-} =~ ^[0-9]+$ ]]; then
      secs=$1
      shift
    fi
    [ $# -gt 0 ] && targets=("$@")
    build
    for t in "${targets[@]}"; do
      mkdir -p "fuzz/corpus/$t"
      log="fuzz/artifacts/$t.log"
      mkdir -p fuzz/artifacts
      echo "== fuzz: $t for $secs s (log: $log)"
      fuzz run -O -a --sanitizer none "$t" "fuzz/corpus/$t" "fuzz/seeds/$t" -- \
        -max_total_time="$secs" -timeout=$TIMEOUT -rss_limit_mb=$RSS_MB -dict="$(dict "$t")" \
        -print_final_stats=1 -close_fd_mask=1 >"$log" 2>&1 || { tail -40 "$log"; exit 1; }
      grep -E '^#[0-9]+.*(DONE|pulse)' "$log" | tail -1
      grep -E 'stat::(number_of_executed_units|peak_rss_mb|slowest_unit_time_sec)' "$log"
      echo "corpus: $(ls "fuzz/corpus/$t" | wc -l) files"
    done
    ;;
  *) echo "usage: $0 smoke | run [SECONDS] [TARGET...]" >&2; exit 2 ;;
esac
