// Tests of tools/minify-imports.mjs (the post-build step that shortens wasm import names and
// the closure entry points' export names) on a small module written byte by byte, with one
// import of each kind the section can hold and exports named as wasm-bindgen names them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { listExports, listImports, minifyImports } from "../../tools/minify-imports.mjs";

const GLUE = "./pizhu_bg.js";
const SNIPPET = "./snippets/pizhu-0123/inline0.js";
const INVOKE = "wasm_bindgen_c3ac14a43b4dc066___convert__closures_____invoke___wasm_bindgen_c3ac14a43b4dc066___JsValue______true_";
const leb = (n) => (n < 0x80 ? [n] : [(n & 0x7f) | 0x80, ...leb(n >> 7)]);
const name = (text) => [...leb(text.length), ...Buffer.from(text)];

/** A module importing two glue functions, a snippet function, a table, a memory and a global. */
function module() {
  const imports = [
    [GLUE, "__wbg_lastChild_d03af7c29f69e2ad", [0x00, 0x00]],
    [GLUE, "__wbindgen_init_externref_table", [0x00, 0x00]],
    [SNIPPET, "pizhu_copy", [0x00, 0x00]],
    [GLUE, "__wbindgen_table_0123456789abcdef", [0x01, 0x6f, 0x00, 0x01]],
    [GLUE, "__wbindgen_memory_0123456789abcdef", [0x02, 0x01, 0x01, 0x02]],
    [GLUE, "__wbindgen_global_0123456789abcdef", [0x03, 0x7f, 0x00]],
  ];
  const section = [imports.length, ...imports.flatMap(([m, n, desc]) => [...name(m), ...name(n), ...desc])];
  const types = [0x01, 0x60, 0x00, 0x00]; // one type: () -> ()
  // The imported function and memory exported again: two closure entry points (one name a
  // prefix of the other) and names that stay.
  const exports = [[INVOKE, 0x00], [`${INVOKE}_1_`, 0x00], ["main", 0x00], ["memory", 0x02]];
  const exported = [exports.length, ...exports.flatMap(([n, kind]) => [...name(n), kind, 0x00])];
  return Buffer.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    0x01, ...leb(types.length), ...types,
    0x02, ...leb(section.length), ...section,
    0x07, ...leb(exported.length), ...exported,
  ]);
}

const glueText = (extra = "") => `import*as s from"${SNIPPET}";function g(){const e={__proto__:null,` +
  `__wbg_lastChild_d03af7c29f69e2ad:function(n){return n.lastChild},` +
  `__wbindgen_init_externref_table:function(){},__wbindgen_table_0123456789abcdef:new WebAssembly.Table({element:"externref",initial:1}),` +
  `__wbindgen_memory_0123456789abcdef:new WebAssembly.Memory({initial:1,maximum:2}),` +
  `__wbindgen_global_0123456789abcdef:new WebAssembly.Global({value:"i32"},0)};${extra}` +
  `const call=(w)=>[w.${INVOKE}(),w.${INVOKE}_1_(),w.${INVOKE}_1_(),w.main()];` +
  `return{__proto__:null,"${GLUE}":e,"${SNIPPET}":s}}`;

function stage(glue) {
  const dir = mkdtempSync(join(tmpdir(), "pizhu-minify-imports-"));
  writeFileSync(join(dir, "app-1_bg.wasm"), module());
  writeFileSync(join(dir, "app-1.js"), glue);
  writeFileSync(join(dir, "index.html"), `<link href="/app-1_bg.wasm" integrity="sha384-old" rel="preload">`);
  return dir;
}

test("glue names and module keys become short, snippet exports keep their names", () => {
  const dir = stage(glueText());
  const saved = minifyImports(dir);
  assert.ok(saved > 100, `saved ${saved} bytes`);
  const wasm = readFileSync(join(dir, "app-1_bg.wasm"));
  const glue = readFileSync(join(dir, "app-1.js"), "utf8");
  const imports = listImports(wasm);
  assert.deepEqual(imports.map(([, n]) => n), ["b", "c", "pizhu_copy", "e", "f", "g"]);
  assert.deepEqual([...new Set(imports.map(([m]) => m))], ["a", "d"]);
  assert.doesNotMatch(glue, /__wbg|__wbindgen|"\.\/pizhu_bg\.js"/);
  // The renamed module still compiles and the glue object provides every name it imports.
  const provided = new Function(`${glue.replace(/^import[^;]*;/, "const s={pizhu_copy(){}};")}return g()`)();
  const instance = new WebAssembly.Instance(new WebAssembly.Module(wasm), provided);
  assert.ok(instance instanceof WebAssembly.Instance);
  // The closure entry points are short names, each mention in the glue renamed with it.
  const exports = listExports(wasm);
  assert.equal(exports.length, 4);
  assert.deepEqual(exports.slice(2), ["main", "memory"]);
  assert.ok(exports.slice(0, 2).every((n) => /^_\w{1,3}$/.test(n)), exports.join(" "));
  assert.notEqual(exports[0], exports[1]);
  assert.ok(glue.includes(`w.${exports[0]}(),w.${exports[1]}(),w.${exports[1]}(),w.main()`), glue);
  const integrity = createHash("sha384").update(wasm).digest("base64");
  assert.match(readFileSync(join(dir, "index.html"), "utf8"), new RegExp(`integrity="sha384-${integrity.replace(/[+/]/g, "\\$&")}"`));
});

test("a name the glue mentions twice stops the build instead of being guessed at", () => {
  const dir = stage(glueText("e.__wbg_lastChild_d03af7c29f69e2ad;"));
  assert.throws(() => minifyImports(dir), /__wbg_lastChild_d03af7c29f69e2ad does not appear once/);
  assert.deepEqual(readFileSync(join(dir, "app-1_bg.wasm")), module(), "nothing was written");
});
