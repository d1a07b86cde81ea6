// Size budget of the release build: brotli (quality 11) of every wasm, js, css and html file in
// dist/ and its folders (wasm-bindgen's snippets/ too). Fails when over BUDGET_KB. Prints each
// file so the README figure can be checked.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

// The transfer budget of the whole app: 250 KB brotli (the aim is 200 KB; see the README's
// Size section for where the bytes are).
const BUDGET_KB = Number(process.env.PIZHU_SIZE_BUDGET_KB ?? 250);
const dist = join(import.meta.dirname, "..", "dist");
let brotli = 0, gzip = 0, raw = 0;
const files = (dir) => readdirSync(dir).sort().flatMap((name) => {
  const path = join(dir, name);
  return statSync(path).isDirectory() ? files(path) : [path];
});
for (const path of files(dist)) {
  if (!/\.(wasm|js|css|html)$/.test(path)) continue;
  const name = relative(dist, path);
  const bytes = readFileSync(path);
  const b = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  const g = gzipSync(bytes, { level: 9 }).length;
  brotli += b; gzip += g; raw += bytes.length;
  console.log(`${name.padEnd(40)} raw ${String(bytes.length).padStart(8)}  gzip ${String(g).padStart(7)}  brotli ${String(b).padStart(7)}`);
}
const kb = (n) => (n / 1024).toFixed(1);
console.log(`total: raw ${kb(raw)} KB, gzip ${kb(gzip)} KB, brotli ${kb(brotli)} KB (budget ${BUDGET_KB} KB brotli)`);
if (brotli > BUDGET_KB * 1024) {
  console.error(`size budget exceeded: ${kb(brotli)} KB > ${BUDGET_KB} KB`);
  process.exit(1);
}
