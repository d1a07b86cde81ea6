// Replace PIZHU_INLINE_SCRIPT_HASHES in the staged index.html with the sha256 hash of every
// inline <script> Trunk wrote, so the CSP allows exactly those and nothing else. Fails if the
// placeholder is missing or no inline script is found.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Fill in the CSP hashes of `dir`/index.html; returns how many inline scripts were hashed. */
export function hashInlineScripts(dir) {
  const file = join(dir, "index.html");
  const html = readFileSync(file, "utf8");
  if (!html.includes("PIZHU_INLINE_SCRIPT_HASHES")) {
    throw new Error("placeholder PIZHU_INLINE_SCRIPT_HASHES not found in index.html");
  }
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  if (inline.length === 0) throw new Error("no inline script found in index.html");
  const hashes = inline.map((body) => `'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`);
  writeFileSync(file, html.replace("PIZHU_INLINE_SCRIPT_HASHES", hashes.join(" ")));
  return hashes.length;
}
