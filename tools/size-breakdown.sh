#!/usr/bin/env bash
# Where the wasm's bytes go, by crate: rebuilds the release wasm's bindgen output with names
# kept, optimises it as Trunk does (wasm-opt -Oz plus the flags in index.html's
# data-wasm-opt-params, names kept with -g),
# and groups `twiggy top` by crate. Run after `make build` (uses target/ and .tools/).
# Needs twiggy (`cargo install twiggy --locked`); the figures are raw code bytes, before
# compression, and the data section is listed apart.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/.tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
command -v twiggy >/dev/null || { echo "size-breakdown: twiggy not found (cargo install twiggy --locked)"; exit 1; }
wasm=target/wasm32-unknown-unknown/release/pizhu.wasm
[ -f "$wasm" ] || { echo "size-breakdown: $wasm missing, run make build first"; exit 1; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
wasm-bindgen "$wasm" --out-dir "$out" --target web --keep-debug >/dev/null
read -r -a flags < <(sed -n 's/.*data-wasm-opt-params="\([^"]*\)".*/\1/p' index.html)
wasm-opt -Oz -g "${flags[@]}" --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals "$out/pizhu_bg.wasm" -o "$out/named.wasm"
twiggy top -n 100000 "$out/named.wasm" | tee "${SIZE_ITEMS:-/dev/null}" | awk -F'┊' '
  NF >= 3 {
    bytes = $1; gsub(/[^0-9]/, "", bytes); item = $3; sub(/^ +/, "", item)
    if (bytes == "" || item ~ /^Σ|^\.\.\. and/) next
    if (item ~ /function names|custom section|"name"/) next
    if (item ~ /^data segment|^data\[/) part = "data section"
    else if (item ~ /pizhu::ui::/) part = "pizhu ui"
    else if (item ~ /pizhu::web::/) part = "pizhu web"
    else if (item ~ /pizhu::core::article/) part = "pizhu core::article"
    else if (item ~ /pizhu::core::annotation/) part = "pizhu core::annotation"
    else if (item ~ /pizhu::core::interchange/) part = "pizhu core::interchange"
    else if (item ~ /pizhu::core::store/) part = "pizhu core::store"
    else if (item ~ /pizhu_dom::/) part = "pizhu-dom (arena tree sink)"
    else if (item ~ /pizhu::/) part = "pizhu other"
    else if (item ~ /yew/) part = "yew"
    else if (item ~ /html5ever|markup5ever|tendril|string_cache|web_atoms/) part = "html5ever family"
    else if (item ~ /serde_json/) part = "serde_json"
    else if (item ~ /serde/) part = "serde"
    else if (item ~ /wasm_bindgen|js_sys|web_sys|gloo/) part = "wasm-bindgen, js-sys, web-sys, gloo"
    else if (item ~ /hashbrown/) part = "hashbrown"
    else if (item ~ /talc|dlmalloc/) part = "allocator"
    else if (item ~ /unicode_segmentation/) part = "unicode-segmentation"
    else if (item ~ /sha2/) part = "sha2"
    else if (item ~ /^(code|type|import|export|elem|table)\[|^<?(core|alloc|std)\b|core::|alloc::|std::/) part = "core, alloc, std (generics, formatting)"
    else part = "other"
    total[part] += bytes; all += bytes
  }
  END {
    printf "| part | bytes (raw, after wasm-opt) |\n|---|---|\n"
    n = 0
    for (k in total) order[++n] = k
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (total[order[j]] > total[order[i]]) { t = order[i]; order[i] = order[j]; order[j] = t }
    for (i = 1; i <= n; i++) printf "| %s | %d |\n", order[i], total[order[i]]
    printf "| **total** | %d |\n", all
  }'
