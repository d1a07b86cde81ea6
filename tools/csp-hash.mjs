// Trunk post-build hook: replace PIZHU_INLINE_SCRIPT_HASHES in the staged index.html with the
// sha256 hash of every inline <script> Trunk wrote, so the CSP allows exactly those and nothing
// else. Fails the build if the placeholder is missing or no inline script is found.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("csp-hash: TRUNK_STAGING_DIR is not set (run as a Trunk hook)");
  process.exit(1);
}
const file = join(dir, "index.html");
const html = readFileSync(file, "utf8");
const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
if (!html.includes("PIZHU_INLINE_SCRIPT_HASHES")) {
  console.error("csp-hash: placeholder PIZHU_INLINE_SCRIPT_HASHES not found in index.html");
  process.exit(1);
}
const hashes = inline.map((body) => `'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`);
writeFileSync(file, html.replace("PIZHU_INLINE_SCRIPT_HASHES", hashes.join(" ")));
console.log(`csp-hash: ${hashes.length} inline script(s) hashed`);
