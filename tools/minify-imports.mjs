// Shorten the wasm module's import names, and the JavaScript keys that provide them, after
// Trunk staged the build; and the long export names of wasm-bindgen's closure entry points
// (`wasm_bindgen_<hash>___convert__closures_____invoke___<types and hashes>`, up to 250
// characters each, written in the export section and again where the glue calls them). wasm-bindgen names each glue function `__wbg_<method>_<16 hex digits>`
// and the module "./pizhu_bg.js"; the hex digits cannot be compressed, and every name is
// written twice (in the wasm's import section and as a key in the glue's import object).
// Renaming them to one or two letters saves about 4 KB brotli (measured with `make size`).
//
// Only what the glue itself defines is renamed: the glue module's import names, and the module
// keys of the import object. Imports from snippet files keep their names, because those are
// the snippets' real export names. Nothing is guessed: each renamed name must appear exactly
// once in the glue, and the rewritten module is compiled and its import list checked against
// the new names, or the build stops.
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const GLUE_MODULE = "./pizhu_bg.js";

/** Reads an unsigned LEB128 number at `at`; returns [value, next offset]. */
function readLeb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}

function writeLeb(value) {
  const out = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return out;
}

function readName(bytes, at) {
  const [length, start] = readLeb(bytes, at);
  return [new TextDecoder().decode(bytes.subarray(start, start + length)), start + length];
}

function writeName(name) {
  const utf8 = new TextEncoder().encode(name);
  return [...writeLeb(utf8.length), ...utf8];
}

/** Length in bytes of an import's description (what kind of thing it imports), from `at`. */
function descriptionEnd(bytes, at) {
  const kind = bytes[at++];
  const limits = (from) => {
    const flags = bytes[from++];
    let [, next] = readLeb(bytes, from);
    if (flags & 1) [, next] = readLeb(bytes, next);
    return next;
  };
  switch (kind) {
    case 0x00: return readLeb(bytes, at)[1]; // function: type index
    case 0x01: return limits(at + 1); // table: reference type, limits
    case 0x02: return limits(at); // memory: limits
    case 0x03: return at + 2; // global: value type, mutability
    case 0x04: return readLeb(bytes, at + 1)[1]; // tag: attribute, type index
    default: throw new Error(`unknown import kind ${kind} in the wasm import section`);
  }
}

/** Short names that are plain JavaScript identifiers: a..Z, then aa, ab, ... */
function* shortNames() {
  const first = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  const rest = first + "0123456789";
  for (const c of first) yield c;
  for (const c of first) for (const d of rest) yield c + d;
  for (const c of first) for (const d of rest) for (const e of rest) yield c + d + e;
}

/**
 * Rewrites the import section of `wasm`: `rename(module, name)` returns the new
 * [module, name]. Returns the new module bytes.
 */
export function renameImports(wasm, rename) {
  const parts = [wasm.subarray(0, 8)];
  let at = 8;
  let found = false;
  while (at < wasm.length) {
    const id = wasm[at];
    const [size, body] = readLeb(wasm, at + 1);
    const end = body + size;
    if (id !== 2) {
      parts.push(wasm.subarray(at, end));
      at = end;
      continue;
    }
    found = true;
    let [count, cursor] = readLeb(wasm, body);
    const section = [...writeLeb(count)];
    for (let i = 0; i < count; i++) {
      let module, name;
      [module, cursor] = readName(wasm, cursor);
      [name, cursor] = readName(wasm, cursor);
      const descEnd = descriptionEnd(wasm, cursor);
      const [newModule, newName] = rename(module, name);
      section.push(...writeName(newModule), ...writeName(newName), ...wasm.subarray(cursor, descEnd));
      cursor = descEnd;
    }
    if (cursor !== end) throw new Error("the wasm import section did not end where its size said");
    parts.push(Uint8Array.from([2, ...writeLeb(section.length), ...section]));
    at = end;
  }
  if (!found) throw new Error("the wasm has no import section");
  return Buffer.concat(parts);
}

/**
 * Rewrites the export section of `wasm`: `rename(name)` returns the new name. Returns the new
 * module bytes.
 */
export function renameExports(wasm, rename) {
  const parts = [wasm.subarray(0, 8)];
  let at = 8;
  while (at < wasm.length) {
    const id = wasm[at];
    const [size, body] = readLeb(wasm, at + 1);
    const end = body + size;
    if (id !== 7) {
      parts.push(wasm.subarray(at, end));
      at = end;
      continue;
    }
    let [count, cursor] = readLeb(wasm, body);
    const section = [...writeLeb(count)];
    for (let i = 0; i < count; i++) {
      let name;
      [name, cursor] = readName(wasm, cursor);
      const indexEnd = readLeb(wasm, cursor + 1)[1]; // kind byte, then the index
      section.push(...writeName(rename(name)), ...wasm.subarray(cursor, indexEnd));
      cursor = indexEnd;
    }
    if (cursor !== end) throw new Error("the wasm export section did not end where its size said");
    parts.push(Uint8Array.from([7, ...writeLeb(section.length), ...section]));
    at = end;
  }
  return Buffer.concat(parts);
}

/** Lists a module's export names, in order. */
export function listExports(wasm) {
  const seen = [];
  renameExports(wasm, (name) => (seen.push(name), name));
  return seen;
}

/** Lists a module's imports as [module, name] pairs, in order. */
export function listImports(wasm) {
  const seen = [];
  renameImports(wasm, (module, name) => (seen.push([module, name]), [module, name]));
  return seen;
}

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function countOf(text, pattern) {
  return (text.match(new RegExp(pattern, "g")) ?? []).length;
}

/**
 * Shortens the import names of the staged wasm and glue in `dir` and updates the wasm's
 * integrity hash in index.html. Returns the bytes saved (uncompressed, wasm and glue).
 */
export function minifyImports(dir) {
  const wasmFile = readdirSync(dir).find((name) => name.endsWith("_bg.wasm"));
  if (!wasmFile) throw new Error(`no _bg.wasm in ${dir}`);
  const glueFile = wasmFile.replace(/_bg\.wasm$/, ".js");
  const wasmPath = join(dir, wasmFile);
  const gluePath = join(dir, glueFile);
  const wasm = readFileSync(wasmPath);
  let glue = readFileSync(gluePath, "utf8");
  const before = wasm.length + Buffer.byteLength(glue);

  const imports = listImports(wasm);
  const names = shortNames();
  const moduleNames = new Map();
  const importNames = new Map();
  for (const [module, name] of imports) {
    if (!moduleNames.has(module)) {
      // The module key in the glue's import object, quoted ("./pizhu_bg.js":) by terser or not.
      const key = `"${escape(module)}"\\s*:`;
      if (countOf(glue, key) !== 1) throw new Error(`import module ${module} is not one key in ${glueFile}`);
      moduleNames.set(module, names.next().value);
    }
    if (module === GLUE_MODULE && !importNames.has(name)) {
      const key = `(?<![\\w$])${escape(name)}(?![\\w$])`;
      if (countOf(glue, key) !== 1) throw new Error(`import ${name} does not appear once in ${glueFile}`);
      importNames.set(name, names.next().value);
    }
  }
  for (const [module, short] of moduleNames) {
    glue = glue.replace(new RegExp(`"${escape(module)}"(\\s*:)`), `${short}$1`);
  }
  for (const [name, short] of importNames) {
    glue = glue.replace(new RegExp(`(?<![\\w$])${escape(name)}(?![\\w$])`), short);
  }
  const rename = (module, name) => [
    moduleNames.get(module),
    module === GLUE_MODULE ? importNames.get(name) : name,
  ];
  // The closure entry points' exports: the glue reads each as a property of the exports
  // object (`wasm.<name>`), so every mention of the whole name is renamed.
  const exportNames = new Map();
  const exports = listExports(wasm);
  for (const name of exports.filter((n) => n.startsWith("wasm_bindgen_"))) {
    let short;
    do short = `_${names.next().value}`; while (exports.includes(short));
    const mention = new RegExp(`(?<![\\w$])${escape(name)}(?![\\w$])`, "g");
    if (countOf(glue, mention.source) === 0) throw new Error(`export ${name} is not in ${glueFile}`);
    glue = glue.replace(mention, short);
    exportNames.set(name, short);
  }
  const renamed = renameExports(renameImports(wasm, rename), (name) => exportNames.get(name) ?? name);

  // Compile the result: it must be a valid module whose imports and exports are exactly the
  // new names.
  const expected = imports.map(([module, name]) => rename(module, name));
  const compiled = new WebAssembly.Module(renamed);
  const actual = WebAssembly.Module.imports(compiled).map((i) => [i.module, i.name]);
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new Error("the rewritten wasm does not import the names it was given");
  }
  const exported = WebAssembly.Module.exports(compiled).map((e) => e.name);
  if (JSON.stringify(exported) !== JSON.stringify(exports.map((n) => exportNames.get(n) ?? n))) {
    throw new Error("the rewritten wasm does not export the names it was given");
  }

  writeFileSync(wasmPath, renamed);
  writeFileSync(gluePath, glue);
  updateIntegrity(dir, wasmFile, renamed);
  return before - renamed.length - Buffer.byteLength(glue);
}

/** Trunk preloads the wasm with a sha384 integrity hash, which must match the new bytes. */
function updateIntegrity(dir, file, bytes) {
  const indexPath = join(dir, "index.html");
  const html = readFileSync(indexPath, "utf8");
  const integrity = `sha384-${createHash("sha384").update(bytes).digest("base64")}`;
  const link = new RegExp(`(href="?/${escape(file)}"?[^>]*?integrity="?)sha384-[A-Za-z0-9+/=]+`);
  if (!link.test(html)) {
    if (html.includes(file)) throw new Error(`could not update the integrity hash of ${file} in index.html`);
    return;
  }
  writeFileSync(indexPath, html.replace(link, `$1${integrity}`));
}
