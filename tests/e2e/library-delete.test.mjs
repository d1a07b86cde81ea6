// Deleting from the library (issue: delete articles, one or a selection, with Undo; an article
// with annotations says how many and offers to export them first): the articles leave
// IndexedDB and their annotations are deleted; Undo puts both back; a reload keeps what was
// decided.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { serveDist, launch, newPage, openFreshApp, openFiles, offsetsOf, selectRange, SHOTS } from "./harness.mjs";

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const article = (n, title, body) => ({
  name: `${n}.md`,
  mimeType: "text/markdown",
  buffer: Buffer.from(`<!--171560982${n}000-->\n[${title}](https://www.dw.com/zh/delete/a-${n})\n------\n\n<p>${body}</p>\n`),
});
const libraryCount = (page) => page.locator("[data-library-count]").getAttribute("data-library-count").then(Number);
const toLibrary = async (page) => {
  await page.click("a[href='#/library']");
  await page.waitForSelector("[data-library-count]");
};
const keys = (page) => page.locator("[data-article-key]").evaluateAll((els) => els.map((e) => e.dataset.articleKey).sort());

test("select articles, see how many annotations go with them, export them, delete, Undo, reload", async () => {
  const page = await newPage(browser, server.url, { acceptDownloads: true });
  await openFreshApp(page, server.url);
  const files = [
    article(1, "第一篇", "部长表示，政府将在明年推出新的住房政策。"),
    article(2, "第二篇", "没有批注的一篇。"),
    article(3, "第三篇", "留在文章库里的一篇。"),
  ];
  for (const file of files) {
    await openFiles(page, [file]);
    await page.waitForFunction((t) => document.querySelector("article h1")?.textContent === t, file.buffer.toString().match(/\[(.*?)\]/)[1]);
  }
  await toLibrary(page);
  await page.waitForFunction(() => document.querySelector("[data-library-count]")?.dataset.libraryCount === "3");
  await page.locator("[data-article-key='https://www.dw.com/zh/delete/a-1'] .library-title").click();
  await page.waitForFunction(() => document.querySelector("article h1")?.textContent === "第一篇");
  const span = await offsetsOf(page, "政府将在明年推出新的住房政策");
  await selectRange(page, span[0], span[1]);
  await page.keyboard.press("1");
  await page.waitForSelector("mark[data-label=policy]");

  // Straight to the library after annotating: the annotation is saved on the way.
  await toLibrary(page);
  assert.equal(await libraryCount(page), 3);
  await page.waitForSelector(".library-label[data-label=policy]", { timeout: 3000 });
  await page.locator("[data-article-key='https://www.dw.com/zh/delete/a-1'] input.library-select").check();
  await page.locator("[data-article-key='https://www.dw.com/zh/delete/a-2'] input.library-select").check();
  const bar = page.locator(".library-selection");
  // Articles with annotations: the count, and the export offered before anything is deleted.
  assert.match(await bar.textContent(), /2 selected, with 1 annotations, deleted with them/);
  await page.screenshot({ path: join(SHOTS, "library-delete.png") });
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    bar.getByRole("button", { name: /Export their annotations/ }).click(),
  ]);
  assert.equal(download.suggestedFilename(), "pizhu-selected.annotations.json");
  const exported = JSON.parse(readFileSync(await download.path(), "utf8"));
  const items = [exported].flat().flatMap((c) => c.first?.items ?? c.items ?? []);
  assert.equal(items.length, 1, JSON.stringify(exported).slice(0, 400));
  assert.equal(items[0].target.selector.find((s) => s.type === "TextQuoteSelector").exact, "政府将在明年推出新的住房政策");
  assert.equal(await libraryCount(page), 3, "exporting deletes nothing");

  await bar.getByRole("button", { name: /Delete with annotations/ }).click();
  await page.waitForFunction(() => document.querySelector("[data-library-count]")?.dataset.libraryCount === "1");
  assert.deepEqual(await keys(page), ["https://www.dw.com/zh/delete/a-3"]);
  assert.match(await page.locator(".library").textContent(), /Deleted 2 articles and 1 annotations/);

  // Undo: both articles back, with the annotation.
  await page.getByRole("button", { name: /^Undo/ }).click();
  await page.waitForFunction(() => document.querySelector("[data-library-count]")?.dataset.libraryCount === "3");
  assert.equal(await page.locator(".library-label[data-label=policy]").count(), 1);
  await page.reload();
  await page.waitForFunction(() => document.querySelector("[data-library-count]")?.dataset.libraryCount === "3");
  await page.locator("[data-article-key='https://www.dw.com/zh/delete/a-1'] .library-title").click();
  await page.waitForSelector("mark[data-label=policy]");

  // An article without annotations: the plain Delete; a reload keeps it deleted.
  await toLibrary(page);
  await page.locator("[data-article-key='https://www.dw.com/zh/delete/a-2'] input.library-select").check();
  assert.match(await page.locator(".library-selection").textContent(), /^1 selected\. /);
  await page.locator(".library-selection").getByRole("button", { name: "Delete / 删除", exact: true }).click();
  await page.waitForFunction(() => document.querySelector("[data-library-count]")?.dataset.libraryCount === "2");
  await page.reload();
  await page.waitForFunction(() => document.querySelector("[data-library-count]")?.dataset.libraryCount === "2");
  assert.deepEqual(await keys(page), ["https://www.dw.com/zh/delete/a-1", "https://www.dw.com/zh/delete/a-3"]);

  // Select all, then delete everything with its annotations: the reload shows an empty library.
  await page.getByRole("button", { name: "Select all / 全选" }).click();
  await page.locator(".library-selection").getByRole("button", { name: /Delete with annotations/ }).click();
  await page.waitForFunction(() => document.querySelector("[data-library-count]")?.dataset.libraryCount === "0");
  await page.reload();
  await page.waitForFunction(() => document.querySelector("[data-library-count]")?.dataset.libraryCount === "0");
  assert.deepEqual(page.problems, []);
  await page.close();
});
