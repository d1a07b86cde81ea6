// The library when IndexedDB fails (issue: private windows, quota, a version change from
// another tab): a plain message, and the reader, annotating and the stored annotations keep
// working; nothing of the annotations is lost.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serveDist, launch, newPage, openFiles, offsetsOf, selectRange } from "./harness.mjs";

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const file = {
  name: "faults.md",
  mimeType: "text/markdown",
  buffer: Buffer.from("<!--1715609823000-->\n[存储故障](https://www.dw.com/zh/faults/a-1)\n------\n\n<p>部长表示，政府将推出新的住房政策。</p>\n"),
};

for (const [name, script] of [
  // Some private windows: no IndexedDB at all.
  ["IndexedDB missing", () => { Object.defineProperty(window, "indexedDB", { value: undefined }); }],
  // Opening throws (a blocked or broken database).
  ["IndexedDB throwing", () => {
    IDBFactory.prototype.open = function () { throw new DOMException("refused", "UnknownError"); };
  }],
]) {
  test(`${name}: articles open and annotations are kept; the library says why it is empty`, async () => {
    const page = await newPage(browser, server.url);
    await page.addInitScript(script);
    await page.goto(server.url);
    await page.waitForSelector("article.reader h1");
    await openFiles(page, [file]);
    await page.waitForFunction(() => document.querySelector("article h1")?.textContent === "存储故障");
    const span = await offsetsOf(page, "政府将推出新的住房政策");
    await selectRange(page, span[0], span[1]);
    await page.keyboard.press("1");
    await page.waitForSelector("mark[data-label=policy]");
    // The library: a message in plain words instead of the list.
    await page.click("a[href='#/library']");
    const status = page.locator(".library .library-status").first();
    await page.waitForFunction(() => !/Loading/.test(document.querySelector(".library .library-status")?.textContent ?? "Loading"));
    const said = await status.textContent();
    console.log(`# ${name}: the library says "${said}"`);
    assert.match(said, /keeps no library here \(IndexedDB is off/, said);
    assert.doesNotMatch(said, /undefined|panic|unreachable/i, said);
    // Back to the article: it and its highlight are there, also after a reload.
    await page.goBack();
    await page.waitForSelector("mark[data-label=policy]");
    await page.reload();
    await page.waitForSelector("mark[data-label=policy]");
    assert.deepEqual(page.problems, []);
    await page.close();
  });
}

test("IndexedDB full: the article opens, a plain message says it was not kept, annotating works", async () => {
  const page = await newPage(browser, server.url);
  await page.addInitScript(() => {
    const full = () => { throw new DOMException("quota", "QuotaExceededError"); };
    IDBObjectStore.prototype.put = full;
    IDBObjectStore.prototype.add = full;
  });
  await page.goto(server.url);
  await page.waitForSelector("article.reader h1");
  await openFiles(page, [file]);
  await page.waitForFunction(() => document.querySelector("article h1")?.textContent === "存储故障");
  await page.waitForFunction(() => /storage is full/.test(document.body.textContent));
  const span = await offsetsOf(page, "政府将推出新的住房政策");
  await selectRange(page, span[0], span[1]);
  await page.keyboard.press("1");
  await page.waitForSelector("mark[data-label=policy]");
  await page.reload();
  await page.waitForSelector("mark[data-label=policy]");
  assert.deepEqual(page.problems, []);
  await page.close();
});
