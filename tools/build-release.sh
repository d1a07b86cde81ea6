#!/usr/bin/env bash
# The release build (make build, make serve): Trunk with the nightly toolchain rebuilding the
# standard library for the app (`-Zbuild-std`), so that std is optimised for size with the app
# (the prebuilt one is built for speed) with its own size-optimised code paths
# (`optimize_for_size`), panics abort at once without formatting a message
# (`-Cpanic=immediate-abort`), panic locations carry no file names (`-Zlocation-detail=none`),
# and `{:?}` formats to nothing (`-Zfmt-debug=none`: the app's own messages quote with Display;
# what a reader gives up is the quoted value inside serde's "invalid type: string …" messages).
# Together about 24 KB brotli (README, Size). A crash still shows its message: src/web/panic.rs
# catches the wasm trap in JavaScript. Everything else (tests, clippy, fuzz aside) uses stable.
#   tools/build-release.sh build   |   tools/build-release.sh serve [trunk serve flags]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/.tools/node_modules/.bin:$HOME/.cargo/bin:$PATH" TRUNK_SKIP_VERSION_CHECK=true
export RUSTUP_TOOLCHAIN=nightly CARGO_UNSTABLE_BUILD_STD=std,panic_abort
# std's `optimize_for_size`: its smaller variants of the same algorithms (stable sort as a
# merge sort and unstable sort as a heapsort instead of driftsort and ipnsort, both still
# O(n log n); plainer integer formatting and character counting): 1.8 KB brotli.
export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
# Only the wasm target's code gets these flags: cargo passes RUSTFLAGS to build scripts and
# proc macros only when no --target is given, and Trunk always gives one.
export RUSTFLAGS="-Zlocation-detail=none -Zfmt-debug=none -Zunstable-options -Cpanic=immediate-abort"
command="${1:?usage: tools/build-release.sh build|serve [flags]}"
shift
exec trunk "$command" --release "$@"
