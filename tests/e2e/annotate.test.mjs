// Annotating end to end: select, label with the number keys, overlap, reload, tabs, storage faults.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { serveDist, launch, newPage, openApp, openFiles, megabyteArticle, SHOTS, openFreshApp, selectRange, offsetsOf } from "./harness.mjs";

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function highlights(page) {
  return page.evaluate(() => {
    const byId = {};
    for (const m of document.querySelectorAll("mark[data-annotation-id]")) {
      const id = m.dataset.annotationId;
      byId[id] ??= { label: m.dataset.label, text: "" };
      // Text of this mark's own leaves only once: innermost leaves under it.
      for (const leaf of m.querySelectorAll("span[data-o]")) {
        if (!leaf.dataset.counted?.includes(id)) { byId[id].text += leaf.textContent; leaf.dataset.counted = (leaf.dataset.counted ?? "") + id; }
      }
    }
    document.querySelectorAll("[data-counted]").forEach((l) => delete l.dataset.counted);
    return Object.values(byId).sort((a, b) => a.label.localeCompare(b.label));
  });
}

test("select, press 1, select an overlapping span, press 2, reload: both highlights come back exactly", async () => {
  const page = await newPage(browser, server.url);
  await openFreshApp(page, server.url);
  const a = await offsetsOf(page, "我们承诺，三年内让每一个社区都有一个开放的图书角");
  const b = await offsetsOf(page, "每一个社区都有一个开放的图书角，任何人都可以免费借书");
  assert.ok(a && b);
  await selectRange(page, a[0], a[1]);
  await page.keyboard.press("1");
  await page.waitForSelector("mark[data-label=policy]");
  await selectRange(page, b[0], b[1]);
  await page.keyboard.press("2");
  await page.waitForSelector("mark[data-label=fact]");
  const before = await highlights(page);
  assert.deepEqual(before, [
    { label: "fact", text: "每一个社区都有一个开放的图书角，任何人都可以免费借书" },
    { label: "policy", text: "我们承诺，三年内让每一个社区都有一个开放的图书角" },
  ]);
  // The overlap is nested marks: both ids on the shared text.
  assert.ok(await page.locator("mark[data-label=policy] mark[data-label=fact], mark[data-label=fact] mark[data-label=policy]").count() > 0);
  await page.screenshot({ path: join(SHOTS, "annotated.png") });
  await page.reload();
  await page.waitForSelector("mark[data-label=fact]");
  assert.deepEqual(await highlights(page), before);
  assert.equal(await page.locator(".annotation-item").count(), 2);
  assert.deepEqual(page.problems, []);
});

test("selecting by keyboard: S for sentences, Shift+arrows and [ ] for the edges, then 1 labels it", async () => {
  const page = await newPage(browser, server.url);
  await openFreshApp(page, server.url);
  const body = "<!--1764374400000-->\n[键盘选择](https://example.org/keys)\n------\n\n" +
    "<p>第一句。第二句说：“引语。”第三句！</p><p>Second paragraph, 3.14 kept. Last one</p>";
  await openFiles(page, [{ name: "keys.md", mimeType: "text/markdown", buffer: Buffer.from(body) }]);
  await page.waitForFunction(() => document.querySelector("article h1")?.textContent === "键盘选择");
  // Line breaks between paragraphs read as one space.
  const selected = () => page.evaluate(() => getSelection().toString().replace(/\s+/g, " "));
  const press = async (key, expected) => {
    await page.keyboard.press(key);
    await page.waitForFunction((want) => getSelection().toString().replace(/\s+/g, " ") === want, expected, { timeout: 3000 })
      .catch(async () => assert.fail(`after ${key}: "${await selected()}", expected "${expected}"`));
    // The app takes the selection as its own (the toolbar follows it) before the next key.
    await page.waitForSelector(".selection-toolbar");
  };
  await press("s", "第一句。"); // the first sentence on screen
  await press("s", "第二句说：“引语。”");
  await press("Shift+S", "第一句。");
  await press("s", "第二句说：“引语。”");
  await press("]", "二句说：“引语。”");
  await press("[", "第二句说：“引语。”");
  await press("Shift+ArrowLeft", "第二句说：“引语。");
  await press("Shift+ArrowRight", "第二句说：“引语。”");
  await press("Shift+ArrowDown", "第二句说：“引语。”第三句！");
  await press("Shift+ArrowRight", "第二句说：“引语。”第三句！ S");
  await press("Shift+ArrowLeft", "第二句说：“引语。”第三句！");
  // Keys faster than the page reports selection changes: each acts on what the one before
  // left, and the label goes to the selection on screen.
  await page.keyboard.press("Shift+ArrowRight");
  await page.keyboard.press("Shift+ArrowLeft");
  await page.keyboard.press("1");
  await page.waitForSelector("mark[data-annotation-id]");
  assert.deepEqual((await highlights(page)).map((h) => h.text), ["第二句说：“引语。”第三句！"]);
  // Sentences of the next paragraph: a full stop inside a number does not end one.
  await press("s", "Second paragraph, 3.14 kept.");
  await press("s", "Last one");
  await page.keyboard.press("Escape");
  assert.equal(await selected(), "");
  await page.close();
});

test("S in a long paragraph scrolled half out of view selects a sentence on screen, below the toolbar", async () => {
  const page = await newPage(browser, server.url);
  await openFreshApp(page, server.url);
  const sentences = Array.from({ length: 80 }, (_, i) => `这是第${i + 1}句话，用来测试键盘选择在长段落中的位置。`).join("");
  const body = "<!--1764374400000-->\n[长段落](https://example.org/long)\n------\n\n<p>" + sentences + "</p><p>结尾。</p>";
  await openFiles(page, [{ name: "long.md", mimeType: "text/markdown", buffer: Buffer.from(body) }]);
  await page.waitForFunction(() => document.querySelector("article h1")?.textContent === "长段落");
  await page.evaluate(() => {
    const p = document.querySelector("article p:not(.meta-line)");
    window.scrollTo(0, window.scrollY + p.getBoundingClientRect().top + p.getBoundingClientRect().height / 2);
  });
  await page.keyboard.press("s");
  await page.waitForSelector(".selection-toolbar");
  const { text, top, toolbar } = await page.evaluate(() => {
    const range = getSelection().getRangeAt(0);
    return { text: getSelection().toString(), top: range.getBoundingClientRect().top, toolbar: document.querySelector("header.toolbar").getBoundingClientRect().bottom };
  });
  const n = Number(text.match(/第(\d+)句/)?.[1]);
  assert.ok(n > 20 && n < 60, `a sentence from the middle of the paragraph: ${text}`);
  assert.ok(top >= toolbar - 1, `the sentence starts below the toolbar (${top} vs ${toolbar})`);
  await page.close();
});

test("an internal error shows a plain message, and the saved annotations come back after a reload", async () => {
  const page = await newPage(browser, server.url);
  await openFreshApp(page, server.url);
  const [start, end] = await offsetsOf(page, "虚构城市");
  await selectRange(page, start, end);
  await page.keyboard.press("1");
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith("pizhu:v1:article:") && localStorage.getItem(k).includes("虚构城市")));
  // Scrolled down, as a reader usually is: the message must still be in view.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  const thrown = await page.evaluate(() => { try { window.wasmBindings.pizhuPanicForTest(); return "returned"; } catch (error) { return String(error); } });
  assert.match(thrown, /RuntimeError: unreachable/, "the panic aborts the call with a wasm trap");
  const alert = page.locator("#pizhu-fatal[role=alert]");
  assert.equal(await alert.count(), 0, "a trap the caller caught shows nothing");
  // A crash in a future's microtask (a rejected promise nobody handles), then in an event
  // listener or timer (an uncaught error): both show the message.
  await page.evaluate(() => { Promise.resolve().then(() => window.wasmBindings.pizhuPanicForTest()); });
  await alert.waitFor({ state: "visible" });
  await page.evaluate(() => document.getElementById("pizhu-fatal").remove());
  await page.evaluate(() => { setTimeout(() => window.wasmBindings.pizhuPanicForTest(), 0); });
  await alert.waitFor({ state: "visible" });
  const message = await alert.textContent();
  assert.match(message, /internal error/);
  assert.match(message, /reload the page/);
  assert.match(message, /RuntimeError: unreachable/, "the error is named for a bug report");
  const box = await alert.boundingBox();
  assert.ok(box.y >= 0 && box.y < 50, `the message is at the top of the window (y = ${box.y})`);
  await page.screenshot({ path: join(SHOTS, "internal-error.png") });
  await page.reload();
  await page.waitForSelector("article.reader h1");
  assert.deepEqual((await highlights(page)).map((h) => h.text), ["虚构城市"]);
  assert.equal(await page.locator("#pizhu-fatal").count(), 0);
  await page.close();
});

test("note, label change, delete and undo (button and Ctrl+Z); clicking a highlight opens it", async () => {
  const page = await newPage(browser, server.url);
  await openFreshApp(page, server.url);
  const span = await offsetsOf(page, "全部来自现有预算");
  await selectRange(page, span[0], span[1]);
  await page.click(".selection-toolbar button[data-label=statistic]");
  await page.waitForSelector("mark[data-label=statistic]");
  await page.fill(".editor textarea", "<b>需要核实</b> 预算来源");
  await page.locator(".editor textarea").blur();
  await page.selectOption(".editor select", "opinion");
  await page.waitForSelector("mark[data-label=opinion]");
  await page.reload(); await page.waitForSelector("mark[data-label=opinion]");
  await page.click("mark[data-label=opinion]");
  assert.equal(await page.inputValue(".editor textarea"), "<b>需要核实</b> 预算来源");
  await page.click(".editor .danger");
  await page.waitForSelector("mark", { state: "detached" });
  await page.click(".undo-bar button");
  await page.waitForSelector("mark[data-label=opinion]");
  await page.click("mark[data-label=opinion]");
  await page.click(".editor .danger");
  await page.waitForSelector("mark", { state: "detached" });
  await page.locator("article h1").click();
  await page.keyboard.press("Control+z");
  await page.waitForSelector("mark[data-label=opinion]");
  await page.reload(); await page.waitForSelector("mark[data-label=opinion]");
  assert.deepEqual(page.problems, []);
});

test("two tabs: each tab's annotation reaches the other and nothing is lost", async () => {
  const context = await browser.newContext();
  const one = await context.newPage(); const two = await context.newPage();
  await one.goto(server.url); await one.waitForSelector("article h1");
  await one.evaluate(() => localStorage.clear());
  await one.reload(); await one.waitForSelector("article h1");
  await two.goto(server.url); await two.waitForSelector("article h1");
  const first = await offsetsOf(one, "虚构城市河港市的文化局周五宣布");
  await selectRange(one, first[0], first[1]); await one.keyboard.press("2");
  await two.waitForSelector("mark[data-label=fact]");
  const second = await offsetsOf(two, "志愿者人手");
  await selectRange(two, second[0], second[1]); await two.keyboard.press("6");
  await one.waitForSelector("mark[data-label=opinion]");
  assert.equal(await one.locator("mark[data-annotation-id]").count(), 2);
  assert.equal(await two.locator("mark[data-annotation-id]").count(), 2);
  await context.close();
});

test("blocked storage: in-memory mode with a visible warning, annotating still works", async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    Object.defineProperty(window, "localStorage", { get() { throw new DOMException("blocked", "SecurityError"); } });
  });
  const page = await context.newPage();
  const errors = []; page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(server.url); await page.waitForSelector("article h1");
  await page.waitForSelector("[role=alert], [role=status]");
  assert.match(await page.textContent("body"), /blocked or unavailable/);
  const span = await offsetsOf(page, "虚构城市");
  await selectRange(page, span[0], span[1]); await page.keyboard.press("1");
  await page.waitForSelector("mark[data-label=policy]");
  assert.deepEqual(errors, []);
  await context.close();
});

test("full storage: a clear message, the change kept in this tab", async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    const original = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (key.startsWith("pizhu:v1:article:")) throw new DOMException("full", "QuotaExceededError");
      return original.call(this, key, value);
    };
  });
  const page = await context.newPage();
  await page.goto(server.url); await page.waitForSelector("article h1");
  const span = await offsetsOf(page, "虚构城市");
  await selectRange(page, span[0], span[1]); await page.keyboard.press("1");
  await page.waitForSelector("mark[data-label=policy]");
  await page.waitForSelector(".storage-alert");
  assert.match(await page.textContent(".storage-alert"), /storage for pizhu is full/);
  assert.equal(await page.locator("mark[data-label=policy]").count(), 1);
  await context.close();
});

test("full storage for the article's copy only: the message says just that, and the annotation is saved", async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    const original = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (key === "pizhu:v1:last-article") throw new DOMException("full", "QuotaExceededError");
      return original.call(this, key, value);
    };
  });
  const page = await context.newPage();
  await page.goto(server.url); await page.waitForSelector("article h1");
  await page.waitForSelector(".alert.notice");
  const told = await page.textContent(".alert.notice");
  assert.match(told, /will not reopen by itself/);
  assert.doesNotMatch(told, /kept (only )?in this tab/);
  const span = await offsetsOf(page, "虚构城市");
  await selectRange(page, span[0], span[1]); await page.keyboard.press("1");
  await page.waitForSelector("mark[data-label=policy]");
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith("pizhu:v1:article:")));
  assert.equal(await page.locator(".storage-alert").count(), 0);
  await context.close();
});

test("full storage: the article's copy makes room for annotations, never the other way round", async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    const original = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (key.startsWith("pizhu:v1:article:") && this.getItem("pizhu:v1:last-article") !== null) {
        throw new DOMException("full", "QuotaExceededError");
      }
      return original.call(this, key, value);
    };
  });
  const page = await context.newPage();
  await page.goto(server.url); await page.waitForSelector("article h1");
  await page.waitForFunction(() => localStorage.getItem("pizhu:v1:last-article") !== null);
  const span = await offsetsOf(page, "虚构城市");
  await selectRange(page, span[0], span[1]); await page.keyboard.press("1");
  await page.waitForSelector("mark[data-label=policy]");
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith("pizhu:v1:article:")));
  assert.equal(await page.evaluate(() => localStorage.getItem("pizhu:v1:last-article")), null);
  assert.equal(await page.locator(".storage-alert").count(), 0);
  await context.close();
});

test("corrupt stored value: reported, kept aside as a backup, never silently overwritten", async () => {
  const page = await newPage(browser, server.url);
  await openApp(page, server.url);
  const key = await page.evaluate(() => {
    localStorage.clear();
    const k = "pizhu:v1:article:" + new URL("sample.md", location.href).href;
    localStorage.setItem(k, "{not json");
    return k;
  });
  await page.reload(); await page.waitForSelector("article h1");
  await page.waitForSelector(".storage-alert");
  assert.match(await page.textContent(".storage-alert"), /could not be read/);
  const backups = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("pizhu:backup:")));
  assert.equal(backups.length, 1);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), key), "{not json");
});

test("labels: rename, recolour, add, and remove a label in use by moving its annotations", async () => {
  const page = await newPage(browser, server.url);
  await openFreshApp(page, server.url);
  const span = await offsetsOf(page, "虚构城市河港市");
  await selectRange(page, span[0], span[1]); await page.keyboard.press("6");
  await page.waitForSelector("mark[data-label=opinion]");
  await page.click("text=Labels / 标签");
  const rows = page.locator(".labels-table tbody tr");
  assert.equal(await rows.count(), 6);
  await rows.nth(0).locator("input[aria-label='Chinese name']").fill("官方表态");
  await rows.nth(0).locator("input[aria-label='Chinese name']").dispatchEvent("change");
  await page.click("text=Add a label / 新增标签");
  assert.equal(await rows.count(), 7);
  await page.click("text=Save / 保存");
  await page.waitForSelector(".labels-table", { state: "detached" });
  // The panel follows the state one paint later (see the workspace): wait for it.
  const panelShows = (text) => page.waitForFunction((t) => document.querySelector(".filters")?.textContent.includes(t), text, { timeout: 3000 }).catch(() => {});
  await panelShows("官方表态");
  assert.match(await page.textContent(".filters"), /官方表态/);
  // Remove "opinion", which is in use: move its annotation to the first label.
  await page.click("text=Labels / 标签");
  await rows.nth(5).locator("button.danger").click();
  await page.waitForSelector(".confirm");
  await page.click(".confirm button:first-of-type");
  await page.waitForSelector("mark[data-label=policy]");
  assert.equal(await page.locator("mark[data-label=opinion]").count(), 0);
  await page.click("text=Close / 关闭");
  await page.reload(); await page.waitForSelector("mark[data-label=policy]");
  await panelShows("官方表态");
  assert.match(await page.textContent(".filters"), /官方表态/);
  assert.doesNotMatch(await page.textContent(".filters"), /观点/);
});

/** Open the 1 MB article through the file input; resolves at its first paint (`pizhu:render`). */
async function openMegabyte(page) {
  const renders = await page.evaluate(() => performance.getEntriesByName("pizhu:render").length);
  await page.setInputFiles("#pizhu-file", [{ name: "1mb.md", mimeType: "text/markdown", buffer: Buffer.from(megabyteArticle()) }]);
  await page.waitForFunction((n) => performance.getEntriesByName("pizhu:render").length > n
    && document.querySelector("article h1")?.textContent === "一兆字节文章", renders, { timeout: 60000 });
}

const renderComplete = (page) => page.waitForFunction(() => performance.getEntriesByName("pizhu:render-complete")
  .some((e) => e.startTime >= performance.getEntriesByName("pizhu:render-start").at(-1).startTime), null, { timeout: 60000 });

test("a 1 MB article: a selection made at the first paint survives the rest of the blocks arriving, and gets labelled exactly", async () => {
  const page = await newPage(browser, server.url);
  await openApp(page, server.url);
  await page.evaluate(() => localStorage.clear());
  await openMegabyte(page);
  // Right after the first paint only the first chunks are in the page; select in paragraph 10.
  const early = await page.evaluate(() => {
    const paragraphs = [...document.querySelectorAll("article.reader .reader-body > p")];
    window.__early = paragraphs;
    const leaf = paragraphs.find((p) => p.textContent.startsWith("第10段：")).querySelector("span[data-o]");
    const range = document.createRange(); range.setStart(leaf.firstChild, 4); range.setEnd(leaf.firstChild, 20);
    const selection = getSelection(); selection.removeAllRanges(); selection.addRange(range);
    window.__selected = { node: leaf.firstChild, text: selection.toString() };
    return { paragraphs: paragraphs.length, text: selection.toString() };
  });
  await page.waitForSelector(".selection-toolbar");
  await renderComplete(page);
  const after = await page.evaluate(() => {
    const selection = getSelection();
    const paragraphs = [...document.querySelectorAll("article.reader .reader-body > p")];
    return {
      paragraphs: paragraphs.length,
      text: selection.toString(),
      ranges: selection.rangeCount,
      sameNodes: selection.anchorNode === window.__selected.node && selection.focusNode === window.__selected.node,
      offsets: [selection.anchorOffset, selection.focusOffset],
      // Every paragraph that was there at the first paint is the same node, still in place.
      earlyKept: window.__early.every((p, i) => p.isConnected && paragraphs[i] === p),
    };
  });
  assert.ok(early.paragraphs < after.paragraphs, `blocks arrived after the selection (${early.paragraphs} -> ${after.paragraphs})`);
  assert.ok(after.paragraphs > 4500, `all paragraphs rendered (${after.paragraphs})`);
  assert.equal(after.ranges, 1);
  assert.equal(after.text, early.text);
  assert.ok(after.sameNodes, "the selection is still on the same text node");
  assert.deepEqual(after.offsets, [4, 20]);
  assert.ok(after.earlyKept, "no block rendered at the first paint was replaced or moved");
  await page.keyboard.press("1");
  await page.waitForSelector("mark[data-label=policy]");
  assert.deepEqual(await highlights(page), [{ label: "policy", text: early.text }]);
  assert.deepEqual(page.problems, []);
});

test("a 1 MB article: the panel and J/K scroll to highlights whose blocks have not arrived yet", async () => {
  const page = await newPage(browser, server.url);
  await openApp(page, server.url);
  await page.evaluate(() => localStorage.clear());
  await openMegabyte(page);
  await renderComplete(page);
  // Two highlights, in the middle and near the end, saved; the reload reopens the article.
  for (const [n, key] of [[2400, "1"], [4700, "2"]]) {
    await page.evaluate((n) => {
      const leaf = [...document.querySelectorAll("article.reader .reader-body > p")]
        .find((p) => p.textContent.startsWith(`第${n}段：`)).querySelector("span[data-o]");
      const range = document.createRange(); range.setStart(leaf.firstChild, 6); range.setEnd(leaf.firstChild, 18);
      const selection = getSelection(); selection.removeAllRanges(); selection.addRange(range);
    }, n);
    await page.waitForSelector(".selection-toolbar");
    await page.keyboard.press(key);
    await page.waitForSelector(`mark[data-label=${key === "1" ? "policy" : "fact"}]`);
  }
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.includes("example.org/1mb")
    && localStorage.getItem(k).includes('"fact"')));
  await page.reload();
  await page.waitForSelector(".annotation-item >> nth=1", { timeout: 60000 });
  const inView = (label) => page.waitForFunction((label) => {
    const mark = document.querySelector(`mark[data-label=${label}]`);
    if (!mark) return false;
    const box = mark.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= innerHeight;
  }, label, { timeout: 10000 });
  const pending = await page.evaluate(() => ({
    paragraphs: document.querySelectorAll("article.reader .reader-body > p").length,
    last: document.querySelector("mark[data-label=fact]") !== null,
  }));
  assert.ok(pending.paragraphs < 4500 && !pending.last, `the last highlight's block is not in the page yet (${pending.paragraphs} paragraphs)`);
  await page.click(".annotation-item >> nth=1");
  await inView("fact");
  // K goes back to the first highlight, in the middle of the article.
  await page.keyboard.press("k");
  await inView("policy");
  await renderComplete(page);
  await page.waitForTimeout(300);
  await inView("policy");
  await page.keyboard.press("j");
  await inView("fact");
  assert.deepEqual(page.problems, []);
});
