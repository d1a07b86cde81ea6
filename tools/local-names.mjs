// The static local names of vendor/web_atoms (see vendor/web_atoms/PATCH.md, change 2).
//
// Upstream web_atoms interns about 1,100 tag and attribute names at compile time; pizhu keeps
// only those that html5ever, markup5ever, markup5ever_rcdom, xml5ever or pizhu itself can
// name in code (`local_name!` has no rule for a name that is not static, so a missing one is
// a compile error, never a change of behaviour). A name is kept when it appears, as written
// or lower-cased, as a string literal ("name") or a tag token (<name or </name) in the .rs
// files of those crates or of this repository's src/, crates/ and tests/. The output keeps
// upstream's order.
//
// Usage (run by tools/revendor.sh, from the repository root):
//   node tools/local-names.mjs UPSTREAM_LOCAL_NAMES_TXT OUTPUT CRATE_DIR...
// CRATE_DIRs are the unpacked upstream crates (html5ever whole, with its tests and examples).
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const [upstream, output, ...crateDirs] = process.argv.slice(2);
if (!upstream || !output || crateDirs.length === 0) {
  console.error("usage: node tools/local-names.mjs UPSTREAM_LOCAL_NAMES_TXT OUTPUT CRATE_DIR...");
  process.exit(2);
}

/** Every .rs file under `dir`, hidden entries and build output (`target`) skipped. */
function rustFiles(dir) {
  const files = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith(".") || entry.name === "target") continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...rustFiles(path));
    else if (entry.isFile() && entry.name.endsWith(".rs")) files.push(path);
  }
  return files;
}

const sources = [...crateDirs, "src", "crates", "tests"].flatMap(rustFiles);
const used = new Set();
for (const path of sources) {
  const text = readFileSync(path, "utf8");
  for (const m of text.matchAll(/"([A-Za-z][A-Za-z0-9:_-]*)"/g)) used.add(m[1]);
  for (const m of text.matchAll(/<\/?([A-Za-z][A-Za-z0-9-]*)/g)) used.add(m[1]);
}

const names = readFileSync(upstream, "utf8")
  .split("\n")
  .map((line) => line.trim())
  .filter((line) => line !== "");
const kept = names.filter((name) => used.has(name) || used.has(name.toLowerCase()));
writeFileSync(output, kept.join("\n") + "\n");
