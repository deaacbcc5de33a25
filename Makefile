# Two commands on a fresh machine: `make demo` and `make test`.
.PHONY: demo test pkg bench setup fuzz

## Build the package and serve the demo portal page on 127.0.0.1 (prints the URL).
demo:
	bash scripts/setup.sh --no-browser
	bash scripts/build.sh
	bash scripts/install-demo.sh
	node scripts/serve.mjs www

## Install whatever is missing (wasm target, wasm-bindgen-cli, Chromium, Firefox ESR, geckodriver, npm dev deps), run every test.
test:
	bash scripts/test.sh

## Build pkg/ only.
pkg:
	bash scripts/build.sh

## Compare with validator.js, zxcvbn and libphonenumber-js in one Node process, whole forms with
## zod + validator.js + libphonenumber-js, and the PDF
## checks with pdf.js (Node) and in headless Chromium (needs the browser: full setup); print sizes.
bench:
	bash scripts/setup.sh
	bash scripts/build.sh
	node bench/bench.mjs
	node bench/email.mjs
	node bench/password.mjs
	node bench/forms.mjs
	node --expose-gc bench/pdf.mjs
	node bench/pdf-browser.mjs

setup:
	bash scripts/setup.sh

## Coverage-guided fuzzing of every entry point: each target SECONDS (default 1800) in turn,
## keeping its corpus in fuzz/corpus/ (`make fuzz SECONDS=60 TARGETS="email pdf"`).
fuzz:
	bash scripts/setup.sh --no-browser
	bash scripts/fuzz.sh run $(or $(SECONDS),1800) $(TARGETS)
