// The library: every opened article is kept in IndexedDB (src/web/idb.rs), once per file;
// the same file opened again changes nothing, a changed file updates its record and keeps
// when it was first added. The sample is not kept.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serveDist, launch, newPage, openFreshApp, openFiles } from "./harness.mjs";

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const kept = (page) => page.evaluate(() => new Promise((resolve, reject) => {
  const open = indexedDB.open("pizhu");
  // Looking must not create the database (the app creates it with its stores).
  let created = false;
  open.onupgradeneeded = () => { created = true; open.transaction.abort(); };
  open.onerror = () => (created ? resolve([]) : reject(open.error));
  open.onsuccess = () => {
    const db = open.result;
    if (!db.objectStoreNames.contains("records")) { db.close(); resolve([]); return; }
    const all = db.transaction("records").objectStore("records").getAll();
    all.onsuccess = () => { db.close(); resolve(all.result.map((r) => JSON.parse(r))); };
    all.onerror = () => reject(all.error);
  };
}));

test("every opened article is kept in the library, once; a changed file updates it", async () => {
  const page = await newPage(browser, server.url);
  await openFreshApp(page, server.url);
  await page.waitForTimeout(300);
  assert.deepEqual(await kept(page), [], "the sample is not kept");
  const file = "<!--1715609823000-->\n[Kept article](https://www.dw.com/zh/kept/a-1)\n------\n\n<p>第一段。</p>\n";
  await openFiles(page, [{ name: "kept.md", mimeType: "text/markdown", buffer: Buffer.from(file) }]);
  await page.waitForFunction(() => document.querySelector("article h1")?.textContent === "Kept article");
  let records = [];
  for (let i = 0; i < 50 && records.length === 0; i++) { await page.waitForTimeout(100); records = await kept(page); }
  assert.equal(records.length, 1);
  const [first] = records;
  assert.equal(first.key, "https://www.dw.com/zh/kept/a-1");
  assert.equal(first.title, "Kept article");
  assert.equal(first.outlet, "DW");
  assert.equal(first.published_ms, 1715609823000);
  // The same file again: unchanged. A changed file: updated, added time kept.
  await openFiles(page, [{ name: "kept.md", mimeType: "text/markdown", buffer: Buffer.from(file) }]);
  await page.waitForTimeout(500);
  assert.deepEqual(await kept(page), [first]);
  const changed = file.replace("第一段。", "第一段，已更新。");
  await openFiles(page, [{ name: "kept.md", mimeType: "text/markdown", buffer: Buffer.from(changed) }]);
  let after = [];
  for (let i = 0; i < 50; i++) { await page.waitForTimeout(100); after = await kept(page); if (after[0]?.hash !== first.hash) break; }
  assert.equal(after.length, 1);
  assert.notEqual(after[0].hash, first.hash);
  assert.equal(after[0].added_ms, first.added_ms);
  assert.match(after[0].text, /已更新/);
  assert.deepEqual(page.problems, []);
});
