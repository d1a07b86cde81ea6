// Trunk post-build hook (see Trunk.toml): shorten the wasm's import names, minify the staged
// JavaScript, then fill in the CSP hashes of the inline loader. One hook, so the steps run in
// this order (the JavaScript's integrity hash is taken after both changes to it).
import { minifyImports } from "./minify-imports.mjs";
import { minifyStaged } from "./minify-js.mjs";
import { hashInlineScripts } from "./csp-hash.mjs";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("post-build: TRUNK_STAGING_DIR is not set (run as a Trunk hook)");
  process.exit(1);
}
try {
  const shortened = minifyImports(dir);
  console.log(`post-build: wasm import names shortened (${(shortened / 1024).toFixed(1)} KB smaller)`);
  const saved = await minifyStaged(dir);
  console.log(`post-build: JavaScript minified (${(saved / 1024).toFixed(1)} KB smaller)`);
  console.log(`post-build: ${hashInlineScripts(dir)} inline script(s) hashed for the CSP`);
} catch (error) {
  console.error(`post-build: ${error.message}`);
  process.exit(1);
}
