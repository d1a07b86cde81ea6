#!/usr/bin/env bash
# Run every fuzz target for SECONDS seconds each, one after the other, at the lowest CPU
# priority:  fuzz/run.sh SECONDS [TARGET...]   (make fuzz, make fuzz-smoke)
# Installs what is missing (nightly toolchain, cargo-fuzz), seeds the corpora (seeds.sh),
# and fails on the first target that finds a crash, leak, timeout or excess allocation;
# libFuzzer then names the input it saved in fuzz/artifacts/<target>/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:?usage: fuzz/run.sh SECONDS [TARGET...]}"
shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(article import share storage)
say() { printf '\033[1m[fuzz]\033[0m %s\n' "$*"; }

CARGO_FUZZ_VERSION=0.13.2
if ! rustup toolchain list | grep -q '^nightly'; then
  say "installing the nightly toolchain (cargo-fuzz needs -Zsanitizer)"
  rustup toolchain install nightly --profile minimal
fi
if ! cargo fuzz --version 2>/dev/null | grep -q " ${CARGO_FUZZ_VERSION}\$"; then
  say "installing cargo-fuzz ${CARGO_FUZZ_VERSION}"
  cargo install --locked "cargo-fuzz@${CARGO_FUZZ_VERSION}"
fi

fuzz/seeds.sh >/dev/null

# The longest input each target is given, in bytes: articles and JSON files of up to 64 KB
# (beyond any real annotation file and most articles; the corpus's largest article is 47 KB,
# and longer inputs only slow every execution), share links of up to 16 KB.
max_len() {
  case "$1" in
    share) echo 16384 ;;
    *) echo 65536 ;;
  esac
}

# -a: debug assertions (and overflow checks) on, as in the native tests.
FLAGS=(+nightly fuzz)
mkdir -p fuzz/logs
say "building the targets (log: fuzz/logs/build.log)"
if ! nice -n 19 cargo "${FLAGS[@]}" build -O -a >fuzz/logs/build.log 2>&1; then
  tail -n 40 fuzz/logs/build.log
  exit 1
fi
for t in "${targets[@]}"; do
  say "$t: ${seconds}s (log: fuzz/logs/$t.log)"
  status=0
  nice -n 19 cargo "${FLAGS[@]}" run -O -a "$t" "fuzz/corpus/$t" -- \
    -max_total_time="$seconds" -max_len="$(max_len "$t")" \
    -rss_limit_mb=2048 -malloc_limit_mb=512 -timeout=30 \
    -print_final_stats=1 >"fuzz/logs/$t.log" 2>&1 || status=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "fuzz/logs/$t.log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "fuzz/logs/$t.log" | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "fuzz/logs/$t.log" | tail -1)
  if [ "$status" -ne 0 ]; then
    tail -n 40 "fuzz/logs/$t.log"
    say "$t FAILED after ${execs:-?} executions: see fuzz/artifacts/$t/ and fuzz/logs/$t.log"
    exit 1
  fi
  say "$t: ${execs:-?} executions (${rate:-?}/s), ${cov:-cov: ?}, $(find "fuzz/corpus/$t" -type f | wc -l) corpus inputs, no crash"
done
