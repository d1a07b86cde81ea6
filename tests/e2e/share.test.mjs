// Sharing end to end: export (download), clear storage, import through the file control, the
// highlights are back; importing twice changes nothing; broken files get precise messages;
// share links carry the annotations in the fragment; the HTML export has no scripts.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { serveDist, launch, newPage, openApp, FIXTURES, openFreshApp } from "./harness.mjs";

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function annotate(page, needle, key) {
  await page.evaluate((needle) => {
    for (const leaf of document.querySelectorAll("article.reader span[data-o]")) {
      const at = leaf.textContent.indexOf(needle);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(leaf.firstChild, at); range.setEnd(leaf.firstChild, at + needle.length);
      const s = getSelection(); s.removeAllRanges(); s.addRange(range); return;
    }
    throw new Error("not found: " + needle);
  }, needle);
  await page.waitForSelector(".selection-toolbar");
  await page.keyboard.press(key);
}

async function marks(page) {
  return page.evaluate(() => [...new Set([...document.querySelectorAll("mark[data-annotation-id]")].map((m) => m.dataset.annotationId + ":" + m.dataset.label))].sort());
}

test("export, clear storage, import: identical highlights; importing twice changes nothing", async () => {
  const page = await newPage(browser, server.url);
  await openFreshApp(page, server.url);
  await annotate(page, "我们承诺，三年内让每一个社区都有一个开放的图书角", "1");
  await annotate(page, "8.3 万册", "5");
  await page.click("mark[data-label=statistic]");
  await page.fill(".editor textarea", "数据来源？<script>alert(1)</script>");
  await page.locator(".editor textarea").blur();
  const before = await marks(page);
  assert.equal(before.length, 2);
  await page.waitForTimeout(600); // let the pending save land before "clearing storage"
  const [download] = await Promise.all([page.waitForEvent("download"), page.click(".share-controls .primary")]);
  assert.match(download.suggestedFilename(), /\.annotations\.json$/);
  const exported = readFileSync(await download.path(), "utf8");
  const json = JSON.parse(exported);
  assert.equal(json.type, "AnnotationCollection");
  assert.equal(json.first.items.length, 2);

  await page.evaluate(() => { for (const k of Object.keys(localStorage)) if (k.startsWith("pizhu:v1:article:")) localStorage.removeItem(k); });
  await page.reload(); await page.waitForSelector("article h1");
  assert.equal(await page.locator("mark").count(), 0);

  const file = { name: "shared.annotations.json", mimeType: "application/json", buffer: Buffer.from(exported) };
  await page.setInputFiles("#pizhu-file", [file]);
  await page.waitForSelector(".import-review");
  assert.match(await page.textContent(".import-review tbody"), /2/);
  await page.click(".import-review .primary");
  await page.waitForSelector("mark[data-label=statistic]");
  assert.deepEqual(await marks(page), before);
  await page.click("mark[data-label=statistic]");
  assert.equal(await page.inputValue(".editor textarea"), "数据来源？<script>alert(1)</script>");

  // The same file again: nothing to import.
  await page.setInputFiles("#pizhu-file", [file]);
  await page.waitForSelector(".import-review");
  assert.match(await page.textContent(".import-review"), /Nothing to import/);
  await page.click(".import-review .button:last-child");
  assert.deepEqual(await marks(page), before);
  await page.reload(); await page.waitForSelector("mark[data-label=statistic]");
  assert.deepEqual(await marks(page), before);
  assert.deepEqual(page.problems, []);
});

test("broken and hostile files: precise messages in role=alert, the article and highlights untouched", async () => {
  const page = await newPage(browser, server.url);
  await openFreshApp(page, server.url);
  await annotate(page, "虚构城市河港市", "2");
  const title = await page.textContent("article h1");
  const send = async (text) => {
    await page.setInputFiles("#pizhu-file", [{ name: "x.json", mimeType: "application/json", buffer: Buffer.from(text) }]);
    const alert = page.locator(".exchange-message[role=alert]");
    await alert.waitFor();
    const message = await alert.textContent();
    await page.click(".exchange-message .alert-close");
    return message;
  };
  assert.match(await send('{"type": "AnnotationCollection",\n  "first": '), /line 2, column/i);
  const bad = { "@context": "http://www.w3.org/ns/anno.jsonld", type: "AnnotationCollection", "pizhu:version": 1,
    first: { type: "AnnotationPage", items: [{ type: "Annotation", target: { source: "https://x.example", selector: [{ type: "TextQuoteSelector" }] } }] } };
  assert.match(await send(JSON.stringify(bad)), /first\.items\[0\]\.target\.selector\[0\]\.exact: missing/);
  assert.equal(await page.textContent("article h1"), title);
  assert.equal(await page.locator("mark[data-label=fact]").count(), 1);
  assert.deepEqual(page.problems, []);
});

test("every JSONTestSuite file gets a clear message or a valid result, never a panic or a frozen page", async () => {
  const page = await newPage(browser, server.url);
  await openApp(page, server.url);
  const dir = join(FIXTURES, "jsontestsuite");
  const files = readdirSync(dir).filter((f) => f.endsWith(".json"));
  assert.ok(files.length >= 188);
  let answered = 0;
  for (const name of files) {
    // Content-sniffing sends files that do not start like JSON to the article reader instead;
    // either way the reader must get an answer: a message, an import review, or an article.
    const parses = await page.evaluate(() => performance.getEntriesByName("pizhu:parse").length);
    await page.setInputFiles("#pizhu-file", [{ name, mimeType: "application/json", buffer: readFileSync(join(dir, name)) }]);
    const outcome = await Promise.race([
      page.waitForSelector(".exchange-message, .import-review, [role=alert]", { timeout: 5000 }).then(() => "answered"),
      page.waitForFunction((n) => performance.getEntriesByName("pizhu:parse").length > n, parses, { timeout: 5000 }).then(() => "opened"),
    ]).catch(() => "silent");
    if (outcome !== "silent") answered++; else console.log("# silent:", name);
    await page.evaluate(() => document.querySelectorAll(".exchange-message .alert-close, .alert.error .alert-close, .import-review .button:last-child").forEach((b) => b.click()));
  }
  assert.equal(answered, files.length, "every file got a visible answer");
  assert.ok(await page.locator("article h1").count() === 1, "the page still works");
  assert.deepEqual(page.problems.filter((p) => /panic|unreachable|RuntimeError/i.test(p)), []);
});

test("share link: annotations travel in the URL fragment and are offered for import", async () => {
  const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
  const page = await context.newPage();
  await openFreshApp(page, server.url);
  await annotate(page, "线上目录一旦上线", "4");
  await page.click("text=Share link / 分享链接");
  await page.waitForSelector(".exchange-message");
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(link, /#pizhu=[A-Za-z0-9_-]+$/);
  const requests = [];
  const other = await browser.newContext();
  const reader = await other.newPage();
  reader.on("request", (r) => requests.push(r.url()));
  await reader.goto(link); await reader.waitForSelector(".import-review");
  assert.ok(requests.every((u) => !u.includes("pizhu=")), "the fragment is never sent");
  await reader.click(".import-review .primary");
  await reader.waitForSelector("mark[data-label=commitment]");
  assert.doesNotMatch(reader.url(), /#pizhu=/);
  await context.close(); await other.close();
});

test("annotated HTML export is self-contained, has the footnotes, and no scripts", async () => {
  const page = await newPage(browser, server.url);
  await openFreshApp(page, server.url);
  await annotate(page, "虚构城市河港市", "2");
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("text=HTML")]);
  const html = readFileSync(await download.path(), "utf8");
  assert.doesNotMatch(html, /<script/i);
  assert.match(html, /<mark/);
  assert.match(html, /事实陈述/);
});

// A share link that is a decompression bomb: deflate-raw of 64 MiB of spaces is a 64 KB link.
// Inflating stops just past the 5 MiB import limit, before anything reaches the wasm (whose
// memory never shrinks); the reader gets a plain message and the article stays.
test("a share link that inflates far past the import limit is refused at the limit, quickly, with a message", async () => {
  const { deflateRawSync } = await import("node:zlib");
  const packed = deflateRawSync(Buffer.alloc(64 << 20, 0x20), { level: 9 });
  const link = `${server.url}#pizhu=${packed.toString("base64url")}`;
  const page = await newPage(browser, server.url);
  await page.addInitScript(() => addEventListener("TrunkApplicationStarted", (e) => { window.__wasm = e.detail.wasm; }));
  const started = Date.now();
  await page.goto(link);
  const alert = page.locator(".exchange-message[role=alert]");
  await alert.waitFor({ timeout: 10000 });
  const seconds = (Date.now() - started) / 1000;
  assert.match(await alert.textContent(), /more than 5 MB/);
  assert.equal(await page.locator(".import-review").count(), 0);
  assert.equal(await page.locator("article h1").count(), 1, "the article stays");
  const memory = await page.evaluate(() => window.__wasm.memory.buffer.byteLength);
  console.log(`# bomb link (${link.length} characters, inflates to 64 MiB): refused in ${seconds.toFixed(2)} s; wasm memory ${(memory / 1048576).toFixed(1)} MB`);
  assert.ok(memory < 32 << 20, "the bomb never reached the wasm's memory");
  assert.deepEqual(page.problems.filter((p) => /panic|unreachable|RuntimeError/i.test(p)), []);
});

test("a share link longer than pizhu writes or reads is refused before it is decoded", async () => {
  const page = await newPage(browser, server.url);
  await page.goto(`${server.url}#pizhu=${"A".repeat(1536 * 1024 + 4)}`);
  const alert = page.locator(".exchange-message[role=alert]");
  await alert.waitFor({ timeout: 10000 });
  assert.match(await alert.textContent(), /more than pizhu writes or reads/);
  assert.equal(await page.locator("article h1").count(), 1);
});

// An annotation file between the article limit (4 MiB) and the import limit (5 MiB) imports:
// the limit of a file is decided by what it is, not by its size alone.
test("a 4.5 MiB annotation file is imported, and one over every limit says which limits there are", async () => {
  const page = await newPage(browser, server.url);
  await openFreshApp(page, server.url);
  const source = new URL("sample.md", server.url).href;
  const items = Array.from({ length: 500 }, (_, n) => ({
    "@context": "http://www.w3.org/ns/anno.jsonld", type: "Annotation",
    id: `urn:uuid:00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
    body: [{ type: "TextualBody", purpose: "tagging", value: "fact" }, { type: "TextualBody", purpose: "commenting", value: "n".repeat(9000) }],
    target: { source, selector: [{ type: "TextQuoteSelector", exact: "虚构城市河港市" }] },
  }));
  const big = Buffer.from(JSON.stringify(items));
  assert.ok(big.length > 4 * 1024 * 1024 && big.length < 5 * 1024 * 1024, `${big.length} bytes`);
  await page.setInputFiles("#pizhu-file", [{ name: "big.json", mimeType: "application/json", buffer: big }]);
  await page.waitForSelector(".import-review", { timeout: 20000 });
  assert.match(await page.textContent(".import-review"), /about 4\.\d MB/);
  await page.click(".import-review .primary");
  await page.waitForSelector("mark[data-label=fact]", { timeout: 20000 });
  const huge = Buffer.alloc(6 * 1024 * 1024, 0x20);
  await page.setInputFiles("#pizhu-file", [{ name: "huge.md", mimeType: "text/markdown", buffer: huge }]);
  const alert = page.locator(".alert.error[role=alert]").first();
  await alert.waitFor();
  assert.match(await alert.textContent(), /articles of up to 4\.0 MB, and annotation files of up to 5\.0 MB, or 256 MB for a list saved by "Export all"/);
  // A large .json file that is not such a list is read in pieces and refused in plain words.
  await page.setInputFiles("#pizhu-file", [{ name: "huge.json", mimeType: "application/json", buffer: Buffer.concat([huge, Buffer.from("{}")]) }]);
  await page.waitForFunction(() => /list of annotation collections/.test(document.body.textContent), null, { timeout: 20000 });
  assert.deepEqual(page.problems.filter((p) => /panic|unreachable|RuntimeError/i.test(p)), []);
});

test("an \"Export all\" over 5 MiB (300 articles) is read in pieces with progress, reviewed and imported", async () => {
  const page = await newPage(browser, server.url);
  await openFreshApp(page, server.url);
  const collections = Array.from({ length: 300 }, (_, a) => {
    const url = `https://www.dw.com/zh/library/a-${a}`;
    return {
      "@context": ["http://www.w3.org/ns/anno.jsonld", { pizhu: "https://pizhu.example/ns#" }],
      type: "AnnotationCollection", label: `第${a}篇`, "pizhu:version": 2,
      "pizhu:article": { key: url, url, title: `第${a}篇`, contentHash: "" },
      first: { type: "AnnotationPage", startIndex: 0, items: Array.from({ length: 20 }, (_, n) => ({
        id: `urn:uuid:00000000-0000-4000-8000-${String(a * 100 + n).padStart(12, "0")}`, type: "Annotation",
        motivation: "commenting", created: "2026-12-01T08:00:00.000Z", modified: "2026-12-01T08:00:00.000Z",
        body: [{ type: "TextualBody", purpose: "tagging", value: "fact" },
          { type: "TextualBody", purpose: "commenting", value: `第${a}篇的第${n}条批注：${"备注".repeat(100)}` }],
        target: { source: url, selector: [{ type: "TextQuoteSelector", exact: `第${n}句话`, prefix: "", suffix: "" }] },
      })) },
    };
  });
  const big = Buffer.from(JSON.stringify(collections, null, 2));
  assert.ok(big.length > 5 * 1024 * 1024, `${big.length} bytes`);
  const started = Date.now();
  await page.setInputFiles("#pizhu-file", [{ name: "pizhu-all.json", mimeType: "application/json", buffer: big }]);
  // Progress in MB while it reads, then the review of every article.
  await page.waitForFunction(() => /Reading the annotation file: [\d.]+ of [\d.]+ MB/.test(document.body.textContent), null, { timeout: 20000 });
  await page.waitForSelector(".import-review", { timeout: 60000 });
  const review = await page.textContent(".import-review");
  assert.match(review, /第0篇[\s\S]*第299篇/, "every article of the file is in the review");
  await page.click(".import-review .primary");
  await page.waitForFunction(() => Object.keys(localStorage).filter((k) => k.includes("dw.com/zh/library/")).length === 300, null, { timeout: 30000 });
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem("pizhu:v1:article:https://www.dw.com/zh/library/a-299")).annotations.length);
  assert.equal(stored, 20);
  console.log(`# Export all of 300 articles, 6,000 annotations (${(big.length / 1048576).toFixed(1)} MB): read in pieces, reviewed and stored in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  assert.deepEqual(page.problems, []);
});
