#!/usr/bin/env bash
# Install what pizhu's build (and, with "test", its tests) need. Idempotent: every tool that is
# already present at the right version is skipped. Nothing here or later downloads at run time.
#   tools/install.sh build   wasm32 target (stable and nightly), nightly's rust-src and the crates
#                            its std needs (tools/build-release.sh), Trunk 0.21.14,
#                            wasm-bindgen-cli (= Cargo.lock), wasm-opt, terser
#   tools/install.sh test    the above, plus Chromium, chromedriver, CJK fonts, and tests/e2e's npm
#                            packages (playwright-core, @apache-annotator/dom, esbuild)
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-build}"
say() { printf '\033[1m[tools]\033[0m %s\n' "$*"; }

TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132.0.0
TERSER_VERSION=5.51.4
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The release build rebuilds std with nightly (tools/build-release.sh): nightly, its wasm32
# target and std's sources, and the crates std depends on fetched, since Trunk builds offline.
if ! rustup toolchain list | grep -q '^nightly'; then
  say "installing the nightly toolchain (the release build rebuilds std for size)"
  rustup toolchain install nightly --profile minimal
fi
if ! rustup component list --toolchain nightly --installed | grep -qx rust-src; then
  say "adding nightly's rust-src (std's sources, for -Zbuild-std)"
  rustup component add rust-src --toolchain nightly
fi
if ! rustup target list --toolchain nightly --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target to nightly"
  rustup target add wasm32-unknown-unknown --toolchain nightly
fi
cargo +nightly fetch --quiet --manifest-path "$(rustc +nightly --print sysroot)/lib/rustlib/src/rust/library/Cargo.toml"

if ! trunk --version 2>/dev/null | grep -q " ${TRUNK_VERSION}\$"; then
  say "installing Trunk ${TRUNK_VERSION} (several minutes on a cold machine)"
  cargo install --locked "trunk@${TRUNK_VERSION}"
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q " ${WASM_BINDGEN_VERSION}\$"; then
  say "installing wasm-bindgen-cli ${WASM_BINDGEN_VERSION} (matches Cargo.lock)"
  # Not --locked: its own lock file pins a crate version the registry no longer serves.
  cargo install --force "wasm-bindgen-cli@${WASM_BINDGEN_VERSION}"
fi

if ! .tools/node_modules/.bin/wasm-opt --version 2>/dev/null | grep -q "version ${BINARYEN_VERSION%%.*}"; then
  say "installing wasm-opt (binaryen ${BINARYEN_VERSION} from npm)"
  npm install --silent --no-audit --no-fund --save-exact --prefix .tools "binaryen@${BINARYEN_VERSION}"
fi

if ! grep -qs "\"version\": \"${TERSER_VERSION}\"" .tools/node_modules/terser/package.json; then
  say "installing terser ${TERSER_VERSION} from npm (minifies the wasm-bindgen glue after each build)"
  npm install --silent --no-audit --no-fund --save-exact --prefix .tools "terser@${TERSER_VERSION}"
fi

cargo fetch --locked >/dev/null

if [ "$mode" = "test" ]; then
  missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || missing+=(fonts-noto-cjk)
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]} from Debian"
    sudo_cmd=""
    [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
  # playwright-core drives Debian's Chromium; Apache Annotator (dom and selector: dom 0.2.0
  # only lists selector as a dev dependency, so it is named here too) is the independent W3C
  # selector implementation of the interop tests, bundled for the page by esbuild.
  for package in playwright-core @apache-annotator/dom @apache-annotator/selector esbuild; do
    if [ ! -f "tests/e2e/node_modules/${package}/package.json" ]; then
      say "installing the end-to-end test packages (tests/e2e/package.json; ${package} was missing)"
      (cd tests/e2e && npm install --silent --no-audit --no-fund)
      break
    fi
  done
fi
say "tools ready"
