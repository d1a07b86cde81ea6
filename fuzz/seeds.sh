#!/usr/bin/env bash
# Seed each fuzz target's corpus in fuzz/corpus/<target>/ from the test fixtures and docs.
# Run from the repository root (make fuzz / make fuzz-smoke do). Idempotent: seeds are
# named by content, and what the fuzzer added to a corpus is left alone.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=fuzz/corpus
mkdir -p "$corpus"/{article,import,share,storage}

# Copy stdin to $corpus/$1/seed-<sha1 of content>.
seed() {
  local tmp sum
  tmp=$(mktemp)
  cat >"$tmp"
  sum=$(sha1sum "$tmp" | cut -c1-16)
  mv "$tmp" "$corpus/$1/seed-$sum"
}

base64url() { base64 -w0 | tr '+/' '-_' | tr -d '='; }

# The JSON blocks of a Markdown file, one per line of output (NUL-separated).
json_blocks() {
  awk '/^```json/{on=1; buf=""; next} /^```/{if(on){printf "%s%c", buf, 0}; on=0; next} on{buf=buf $0 "\n"}' "$1"
}

# article: every corpus file, the sample, the control-character fixtures.
while IFS= read -r -d '' f; do seed article <"$f"; done < <(
  find tests/fixtures/corpus tests/fixtures/controls -type f \( -name '*.txt' -o -name '*.md' \) \
    ! -name 'SOURCE-README.md' -print0)
seed article <assets/sample.md
# The html5lib cases (with their NUL bytes) as one input; the fuzzer splits them up.
seed article <tests/fixtures/html5lib/plain-text-unsafe.dat

# import: the Hypothesis export, the JSON examples of docs/interchange.md, and a sample of
# JSONTestSuite (every y_ file, which is valid JSON, and the n_ files about structure).
seed import <tests/fixtures/interchange/hypothesis_export.json
json_blocks docs/interchange.md | while IFS= read -r -d '' b; do printf '%s' "$b" | seed import; done
for f in tests/fixtures/jsontestsuite/y_*.json tests/fixtures/jsontestsuite/n_structure_*.json; do
  [ -f "$f" ] && seed import <"$f"
done

# share: base64url of the exports above (as the app's link would carry them, before
# compression) and a few edge cases of padding.
for f in "$corpus"/import/seed-*; do head -c 4096 "$f" | base64url | seed share; done
for s in '' 'Zg' 'Zg==' 'Zm8=' 'Zm9v' 'Zm9vY' '-_8' 'Z===' 'Zm9v!'; do printf '%s' "$s" | seed share; done

# storage: the first byte picks the decoder (even: article envelope for key
# "fuzz-article", odd: labels envelope), the rest is the stored value.
article_v1='{"version":1,"article":"fuzz-article","annotations":[{"id":"a1","article":"fuzz-article","label":"fact","note":"n","created":1700000000000,"modified":1700000005000,"target":{"quote":{"exact":"x","prefix":"p","suffix":"s"},"position":{"start":120,"end":121}}}],"tombstones":[{"id":"a0","deleted":1700000009000}]}'
article_v0='[{"id":"a1","article":"fuzz-article","label":"quote","created":1,"modified":2,"target":{"quote":{"exact":"引语","prefix":"","suffix":""},"position":{"start":0,"end":2}}}]'
labels_v1='{"version":1,"labels":[{"id":"policy","name_zh":"政策表态","name_en":"Policy statement","color":"#2563eb","underline":"solid"},{"id":"fact","name_zh":"事实陈述","name_en":"Factual claim","color":"#16a34a","underline":"dashed"},{"id":"opinion","name_zh":"观点","name_en":"Opinion","color":"#e11d48","underline":"wavy"}]}'
for v in "$article_v1" "$article_v0" '{"version":2}' '{"version":1,"article":"other"}'; do
  printf '0%s' "$v" | seed storage
done
for v in "$labels_v1" '{"version":7,"labels":[]}' '{"version":1,"labels":[]}'; do
  printf '1%s' "$v" | seed storage
done
json_blocks docs/storage.md | while IFS= read -r -d '' b; do
  printf '0%s' "$b" | seed storage
  printf '1%s' "$b" | seed storage
done

for t in article import share storage; do
  echo "fuzz/corpus/$t: $(find "$corpus/$t" -type f | wc -l) inputs"
done
