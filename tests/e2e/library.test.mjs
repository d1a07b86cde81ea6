// The library: every opened article is kept in IndexedDB (src/web/idb.rs), once per file;
// the same file opened again changes nothing, a changed file updates its record and keeps
// when it was first added. The sample is not kept.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { serveDist, launch, newPage, openFreshApp, openFiles, corpusFiles, SHOTS, startTaskTrace, stopTaskTrace } from "./harness.mjs";

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
  // The text search reads is kept beside the record.
  assert.equal(after[0].text, undefined);
  assert.match(await page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open("pizhu");
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const got = open.result.transaction("search").objectStore("search").get("https://www.dw.com/zh/kept/a-1");
      got.onsuccess = () => { open.result.close(); resolve(got.result); };
      got.onerror = () => reject(got.error);
    };
  })), /已更新/);
  assert.deepEqual(page.problems, []);
});

// A folder of corpus articles with files that are not articles among them, as an archive
// folder often has: the library view imports it, lists it, searches it, and opens from it.
function archiveFolder() {
  const dir = mkdtempSync(join(tmpdir(), "pizhu-folder-"));
  const articles = corpusFiles();
  for (const [i, path] of articles.entries()) {
    const sub = join(dir, i % 2 ? "b" : "a");
    mkdirSync(sub, { recursive: true });
    copyFileSync(path, join(sub, `${i}-${basename(path)}`));
  }
  writeFileSync(join(dir, "picture.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
  writeFileSync(join(dir, "empty.md"), "");
  writeFileSync(join(dir, "annotations.json"), "[]");
  writeFileSync(join(dir, "binary.md"), Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x80]));
  return { dir, articles };
}

const libraryCount = (page) => page.locator("[data-library-count]").getAttribute("data-library-count").then(Number);

test("the library view: import a folder, list, sort, search, open, Back, reload", async () => {
  const { dir, articles } = archiveFolder();
  const page = await newPage(browser, server.url);
  await openFreshApp(page, server.url);
  await page.click("a[href='#/library']");
  await page.waitForSelector("[data-library-count]");
  assert.equal(await libraryCount(page), 0);
  const folder = page.locator("input[type=file][webkitdirectory]");
  await folder.setInputFiles(dir);
  const status = page.locator(".library-import[data-import-finished=true]");
  await status.waitFor({ timeout: 60_000 });
  const text = await status.textContent();
  const skipped = 4;
  assert.match(text, new RegExp(`Done\\..*? ${articles.length + skipped} of ${articles.length + skipped} files read`), text);
  assert.match(text, new RegExp(`${skipped} skipped`), text);
  assert.match(text, new RegExp(`${articles.length} added 新增, 0 updated 更新, 0 unchanged 未变, ${skipped} skipped 跳过`), text);
  // Every corpus file is its own article (each was added), so the library holds them all.
  const distinct = await libraryCount(page);
  assert.equal(distinct, articles.length);
  assert.equal(await page.locator("[data-article-key]").count(), distinct);
  const reasons = await page.locator(".library-skipped li").allTextContents();
  assert.equal(reasons.length, skipped);
  assert.ok(reasons.some((r) => r.includes("picture.png") && /picture/.test(r)), reasons.join("\n"));
  assert.ok(reasons.some((r) => r.includes("empty.md") && /empty/.test(r)), reasons.join("\n"));
  assert.ok(reasons.some((r) => r.includes("annotations.json") && /annotation file/.test(r)), reasons.join("\n"));
  assert.ok(reasons.some((r) => r.includes("binary.md") && /not text/.test(r)), reasons.join("\n"));
  // How much storage is used and may be used, and whether the browser keeps it.
  assert.match(await page.locator(".library-storage").textContent(), /^Storage: \d+\.\d MB used of \d+\.\d MB this site may use(, kept by the browser\.|; the browser may clear it)/);
  await page.screenshot({ path: join(SHOTS, "library.png") });

  // Newest first by default; by outlet on request.
  const dates = await page.locator("[data-article-key] time").evaluateAll((ts) => ts.map((t) => Date.parse(t.getAttribute("datetime"))));
  assert.deepEqual(dates, [...dates].sort((a, b) => b - a), "newest first");
  await page.selectOption("select[aria-label=Sort]", "outlet");
  const outlets = await page.locator("[data-article-key] .library-outlet").allTextContents();
  assert.deepEqual(outlets, [...outlets].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase(), "en")), outlets.join(","));
  await page.selectOption("select[aria-label=Outlet]", "DW");
  const dw = await page.locator("[data-article-key]").count();
  assert.ok(dw > 0 && dw < distinct);
  assert.deepEqual([...new Set(await page.locator("[data-article-key] .library-outlet").allTextContents())], ["DW"]);
  await page.selectOption("select[aria-label=Outlet]", "");

  // Search as you type: a word of one article's text; full-width letters fold to half-width.
  const records = await kept(page);
  const target = records.find((r) => /[A-Za-z]{4,}/.test(r.title)) ?? records[0];
  const word = target.title.match(/[A-Za-z]{4,}/)?.[0] ?? target.title.slice(0, 4);
  const fullWidth = [...word].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join("");
  await page.fill("input[type=search]", /^[A-Za-z]+$/.test(word) ? fullWidth : word);
  await page.waitForSelector("[data-search-result]");
  await page.screenshot({ path: join(SHOTS, "library-search.png") });
  const firstKey = await page.locator("[data-search-result]").first().getAttribute("data-search-result");
  const keysFound = await page.locator("[data-search-result]").evaluateAll((els) => els.map((e) => e.dataset.searchResult));
  assert.ok(keysFound.includes(target.key), `${word}: ${keysFound.join(" ")}`);
  const marked = await page.locator(`[data-search-result="${target.key}"] mark`).first().textContent();
  assert.equal(marked.toLowerCase(), word.toLowerCase(), "the match is marked in the snippet");

  // Open the first result: the reader on that article, named in the URL; Back returns.
  const opened = records.find((r) => r.key === firstKey);
  await page.locator("[data-search-result] .library-title").first().click();
  await page.waitForFunction((title) => document.querySelector("article h1")?.textContent === title, opened.title);
  assert.equal(decodeURIComponent(new URL(page.url()).hash.slice("#/article/".length)), firstKey);
  await page.goBack();
  await page.waitForSelector("[data-library-count]");
  assert.equal(await libraryCount(page), distinct);
  await page.goForward();
  await page.waitForFunction((title) => document.querySelector("article h1")?.textContent === title, opened.title);
  // A reload (or a bookmark) of the article's address opens it from the library.
  await page.reload();
  await page.waitForFunction((title) => document.querySelector("article h1")?.textContent === title, opened.title);

  // The same folder again: nothing added, every article unchanged.
  await page.click("a[href='#/library']");
  await page.locator("input[type=file][webkitdirectory]").setInputFiles(dir);
  await page.locator(".library-import[data-import-finished=true]").waitFor({ timeout: 60_000 });
  const again = await page.locator(".library-import").textContent();
  assert.match(again, / 0 added 新增, 0 updated 更新, /, again);
  assert.equal(await libraryCount(page), distinct);
  assert.deepEqual(page.problems, []);
  rmSync(dir, { recursive: true, force: true });
  await page.close();
});

// Speed (issue: a folder of 1,000 feed files, about 5 MB, done within 10 s, progress at
// least every 250 ms, no task over 50 ms): corpus articles copied under 1,000 distinct URLs.
test("a folder of 1,000 feed files: done in under 10 s, progress every 250 ms, no long task", async () => {
  const dir = mkdtempSync(join(tmpdir(), "pizhu-1000-"));
  const sources = corpusFiles().map((path) => readFileSync(path, "utf8")).filter((t) => t.length < 12_000);
  let bytes = 0;
  for (let i = 0; i < 1000; i++) {
    const text = sources[i % sources.length].replace(/\]\((https?:\/\/[^)\s]+)\)/, (_, url) => `](${url}${url.includes("?") ? "&" : "?"}copy=${i})`);
    bytes += Buffer.byteLength(text);
    writeFileSync(join(dir, `${String(i).padStart(4, "0")}.md`), text);
  }
  const page = await newPage(browser, server.url);
  await openFreshApp(page, server.url);
  await page.click("a[href='#/library']");
  await page.waitForSelector("[data-library-count]");
  // Every change of the progress text, timed in the page.
  await page.evaluate(() => {
    window.progressTimes = [];
    // Until the import says it is done (the list is then read again, which is not progress).
    let done = false;
    new MutationObserver(() => {
      if (done) return;
      window.progressTimes.push(performance.now());
      done = document.querySelector(".library-import[data-import-finished=true]") !== null;
    })
      .observe(document.querySelector(".library"), { subtree: true, childList: true, characterData: true });
  });
  await startTaskTrace(browser, page);
  const started = Date.now();
  await page.locator("input[type=file][webkitdirectory]").setInputFiles(dir);
  await page.locator(".library-import[data-import-finished=true]").waitFor({ timeout: 60_000 });
  const wall = Date.now() - started;
  await page.waitForFunction(() => Number(document.querySelector("[data-library-count]").dataset.libraryCount) === 1000);
  const tasks = await stopTaskTrace(browser, "pizhu:folder-import-start");
  const measured = await page.evaluate(() => performance.getEntriesByName("pizhu:folder-import")[0]?.duration);
  const times = await page.evaluate(() => window.progressTimes);
  const gaps = times.slice(1).map((t, i) => t - times[i]);
  const longest = Math.max(...gaps);
  const overCpu = tasks.filter((t) => t.cpu > 50);
  const worst = Math.max(...tasks.map((t) => t.cpu));
  console.log(`# folder import: 1,000 files, ${(bytes / 1e6).toFixed(1)} MB: pizhu:folder-import ${measured.toFixed(0)} ms, done in ${wall} ms from the pick; longest gap between progress updates ${longest.toFixed(0)} ms; longest task ${worst.toFixed(1)} ms CPU, ${overCpu.length} over 50 ms`);
  assert.match(await page.locator(".library-import").textContent(), / 1000 added 新增, /);
  assert.ok(measured < 10_000, `done in ${measured} ms`);
  assert.ok(times.length >= 2, `the progress changed ${times.length} times`);
  assert.ok(longest < 250, `progress gap ${longest} ms`);
  assert.deepEqual(overCpu.map((t) => t.cpu.toFixed(1)), [], "no task over 50 ms of CPU");
  rmSync(dir, { recursive: true, force: true });
  await page.close();
});
