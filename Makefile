# pizhu: `make serve` to run the app, `make test` to run every test layer.
SHELL := /bin/bash
export PATH := $(CURDIR)/.tools/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export TRUNK_SKIP_VERSION_CHECK := true
BROWSER_TESTS := $(patsubst tests/%.rs,--test %,$(wildcard tests/browser_*.rs))
WASM_TEST := CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner CHROMEDRIVER=/usr/bin/chromedriver

.PHONY: tools test-tools build serve test test-native test-browser test-e2e lint size bench fuzz fuzz-smoke

tools:
	@tools/install.sh build

test-tools:
	@tools/install.sh test

## Release build into dist/ (nightly std rebuilt for size, wasm-opt -Oz, CSP hashes filled in).
build: tools
	tools/build-release.sh build

## Build and serve on http://127.0.0.1:8080 (the sample article opens at first start).
serve: tools
	tools/build-release.sh serve --no-autoreload --no-error-reporting --address 127.0.0.1 --port 8080

## Formatting, clippy (native and wasm32), and the vendored crates reproducible from crates.io.
lint:
	tools/revendor.sh --check
	cargo fmt --all -- --check
	cargo fmt --manifest-path fuzz/Cargo.toml -- --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy -p pizhu-dom --target wasm32-unknown-unknown -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib --bins $(BROWSER_TESTS) -- -D warnings

## Browser tests of components (wasm-bindgen-test in headless Chromium).
test-browser: test-tools
	$(WASM_TEST) cargo test --target wasm32-unknown-unknown $(BROWSER_TESTS)

## End-to-end: release build served on 127.0.0.1, driven in headless Chromium.
test-e2e: test-tools build
	node --test tests/tools/
	node tools/size-budget.mjs
	cd tests/e2e && node --test --test-concurrency=1 ./

## Native tests of the pure core (parser, anchoring, storage, interchange).
test-native:
	cargo test --tests

## Fuzz the core (fuzz/: article parser, importer, share-link decoder, storage decoders) for
## FUZZ_SECONDS per target, one target at a time at nice 19; needs nightly (installed if missing).
FUZZ_SECONDS ?= 600
fuzz:
	fuzz/run.sh $(FUZZ_SECONDS)

## Each fuzz target for 30 s: a quick check that `make test` runs before the native suite.
fuzz-smoke:
	fuzz/run.sh 30

size: build
	node tools/size-budget.mjs

bench:
	cargo bench

## Every layer; ends on the native suite so the last runner line reports real tests.
test: test-tools lint test-browser test-e2e fuzz-smoke test-native
