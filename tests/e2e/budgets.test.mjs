// Performance budgets measured in the real page, against the browser's own parser where that
// is the fair floor. Budgets the app meets are asserted; every figure is printed (as "# ...")
// so the README's numbers come from this command: node --test budgets.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, statSync } from "node:fs";
import { serveDist, launch, newPage, corpusFiles, megabyteArticle, startTaskTrace, stopTaskTrace } from "./harness.mjs";

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });


const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

test("cold start: navigation to the sample article visible, under 500 ms on localhost", async () => {
  // "Visible" is the end of the first pizhu:render (the frame after the sample article is in
  // the DOM), on the page's own clock, whose origin is the navigation: no test-harness
  // polling is counted. The phases show where the time goes.
  const runs = [];
  for (let i = 0; i < 5; i++) {
    const page = await newPage(browser, server.url);
    await page.goto(server.url);
    await page.waitForFunction(() => performance.getEntriesByName("pizhu:render").length > 0);
    runs.push(await page.evaluate(() => {
      const nav = performance.getEntriesByType("navigation")[0];
      const wasm = performance.getEntriesByType("resource").find((e) => e.name.endsWith(".wasm"));
      const render = performance.getEntriesByName("pizhu:render")[0];
      return { html: nav.responseEnd, wasm: wasm?.responseEnd ?? 0, parseStart: performance.getEntriesByName("pizhu:parse-start")[0]?.startTime ?? 0, visible: render.startTime + render.duration };
    }));
    await page.context().close();
  }
  const at = (key) => median(runs.map((r) => r[key]));
  console.log(`# cold start (navigation -> sample painted): median ${at("visible").toFixed(0)} ms (${runs.map((r) => r.visible.toFixed(0)).join(", ")}); medians: index.html received ${at("html").toFixed(0)} ms, wasm received ${at("wasm").toFixed(0)} ms, app running (parse starts) ${at("parseStart").toFixed(0)} ms`);
  // The budget is 500 ms; a loaded CI machine can be slower, so the test fails only past twice
  // that (a regression), and the printed figure is the one reported.
  assert.ok(at("visible") <= 1000);
});

test("open the largest corpus article: pizhu parse vs DOMParser, and open -> painted", async () => {
  const largest = corpusFiles().map((f) => [f, statSync(f).size]).sort((a, b) => b[1] - a[1])[0][0];
  const raw = readFileSync(largest, "utf8");
  const page = await newPage(browser, server.url);
  await page.goto(server.url); await page.waitForSelector("article h1");
  // Open it through the real file input: pizhu:parse per open (the first open runs in V8's
  // baseline wasm tier; later opens run increasingly in the optimised one) and open -> painted.
  const parse = [], render = [];
  for (let i = 0; i < 7; i++) {
    await page.setInputFiles("#pizhu-file", [{ name: `large-${i}.md`, mimeType: "text/markdown", buffer: Buffer.from(raw) }]);
    await page.waitForFunction((n) => performance.getEntriesByName("pizhu:render").length > n, i + 1);
    parse.push(await page.evaluate(() => performance.getEntriesByName("pizhu:parse").at(-1).duration));
    render.push(await page.evaluate(() => performance.getEntriesByName("pizhu:render").at(-1).duration));
  }
  // The comparison: this page is not cross-origin isolated, so performance.now() moves in steps
  // of 0.1 ms, a third of one DOMParser run. So each reading times K parses of the same input,
  // pizhu's (from the file's bytes, through the same code as an open) and DOMParser's (of the
  // body) in alternating rounds, and the per-parse medians are compared.
  const body = raw.split("\n").slice(4).join("\n");
  const K = 20, ROUNDS = 9;
  const { pizhu, dom, chars } = await page.evaluate(({ raw, body, K, ROUNDS }) => {
    const bytes = new TextEncoder().encode(raw);
    const pizhu = [], dom = [];
    let chars = 0;
    for (let r = 0; r < ROUNDS; r++) {
      let t = performance.now();
      chars = window.wasmBindings.pizhuParseRepeatedly(bytes, K);
      pizhu.push((performance.now() - t) / K);
      t = performance.now();
      for (let k = 0; k < K; k++) new DOMParser().parseFromString(body, "text/html");
      dom.push((performance.now() - t) / K);
    }
    return { pizhu, dom, chars };
  }, { raw, body, K, ROUNDS });
  assert.ok(chars > 1000, "the repeated parse read the article");
  const ratio = median(pizhu) / median(dom);
  const best = Math.min(...pizhu) / Math.min(...dom);
  console.log(`# largest corpus article (${(Buffer.byteLength(raw) / 1024).toFixed(1)} KB): pizhu parse median ${median(pizhu).toFixed(3)} ms, DOMParser ${median(dom).toFixed(3)} ms, ratio ${ratio.toFixed(2)}x (best rounds ${best.toFixed(2)}x; ${ROUNDS} rounds of ${K} parses each); pizhu:parse per open ${parse.map((p) => p.toFixed(1)).join(", ")} ms (median ${median(parse).toFixed(2)}); pizhu:render (open -> painted) median ${median(render).toFixed(1)} ms`);
  assert.ok(median(render) <= 100, "a large article paints quickly");
  // Budget: 3x DOMParser (met: about 2.0-2.5x here). A busy CI machine disturbs single rounds,
  // so the test fails only past 1.5 times the budget; the printed figure is the one reported.
  assert.ok(ratio <= 4.5, `pizhu's parse took ${ratio.toFixed(2)}x DOMParser's time (budget 3x)`);
});

test("open -> painted for a 15 KB article", async () => {
  const sentence = "外交部发言人在例行记者会上表示，有关政策不会改变，双方将继续保持沟通。";
  let body = "";
  for (let i = 0; Buffer.byteLength(body) < 15 * 1024; i++) body += `<p>第${i}段：${sentence}</p>`;
  const file = `<!--1700000000000-->\n[十五千字节](https://example.org/15k)\n------\n\n${body}\n`;
  const page = await newPage(browser, server.url);
  await page.goto(server.url); await page.waitForSelector("article h1");
  const total = [];
  for (let i = 0; i < 7; i++) {
    await page.setInputFiles("#pizhu-file", [{ name: `15k-${i}.md`, mimeType: "text/markdown", buffer: Buffer.from(file) }]);
    await page.waitForFunction((n) => performance.getEntriesByName("pizhu:render").length > n, i + 1);
    total.push(await page.evaluate(() => {
      const p = performance.getEntriesByName("pizhu:parse").at(-1).duration;
      const r = performance.getEntriesByName("pizhu:render").at(-1).duration;
      return p + r;
    }));
  }
  console.log(`# 15 KB article, parse + render to paint: median ${median(total).toFixed(1)} ms (${total.map((t) => t.toFixed(1)).join(", ")})`);
  // Budget 16 ms; as for the others, the test fails only past twice that on a busy machine.
  assert.ok(median(total) <= 32, `15 KB open -> painted took ${median(total)} ms`);
});

test("10,000 annotations load from localStorage", async () => {
  const page = await newPage(browser, server.url);
  await page.goto(server.url); await page.waitForSelector("article h1");
  const key = await page.evaluate(() => {
    localStorage.clear();
    const article = new URL("sample.md", location.href).href;
    const now = Date.now();
    const annotations = Array.from({ length: 10000 }, (_, i) => ({
      id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`, article, label: "fact", note: "备注" + i,
      created: now, modified: now, target: { quote: { exact: "虚构城市", prefix: "", suffix: "" }, position: { start: 0, end: 4 } },
    }));
    localStorage.setItem("pizhu:v1:article:" + article, JSON.stringify({ version: 1, article, annotations, tombstones: [] }));
    return article;
  });
  const t0 = Date.now();
  await page.reload();
  await page.waitForFunction(() => document.querySelector(".panel-head .count")?.textContent === "10000", null, { timeout: 60000 });
  const load = await page.evaluate(() => performance.getEntriesByName("pizhu:storage-load").at(-1).duration);
  console.log(`# 10,000 annotations: pizhu:storage-load ${load.toFixed(1)} ms; reload -> panel lists them in ${Date.now() - t0} ms (page load, parse, anchoring and the list included)`);
  assert.ok(key);
  // Budget 100 ms; fails past twice that so a busy machine does not fail the build.
  assert.ok(load <= 200, `loading 10,000 annotations took ${load} ms`);
});

test("a 1 MB article: opens and can be annotated with no task over 50 ms; wasm memory under 64 MB", async () => {
  const file = megabyteArticle();
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  await context.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration }); })
      .observe({ type: "longtask", buffered: true });
    addEventListener("TrunkApplicationStarted", (e) => { window.__wasm = e.detail.wasm; });
    // Playwright's setInputFiles builds the File in the page with its own script (100-300 ms
    // for 1 MB: a task of the test harness, not of the app; a real file picker runs no script)
    // and dispatches the change event at its end. Tasks are counted from that event.
    addEventListener("change", (e) => {
      if (e.target.id === "pizhu-file") { window.__changeAt = performance.now(); performance.mark("test:open"); }
    }, true);
  });
  const page = await context.newPage();
  await page.goto(server.url); await page.waitForSelector("article h1");
  await page.evaluate(() => { window.__longTasks = []; });
  await startTaskTrace(browser, page);
  await page.setInputFiles("#pizhu-file", [{ name: "1mb.md", mimeType: "text/markdown", buffer: Buffer.from(file) }]);
  await page.waitForFunction(() => document.querySelector("article h1")?.textContent === "一兆字节文章", null, { timeout: 60000 });
  await page.waitForFunction(() => performance.getEntriesByName("pizhu:render-complete").some((e) => e.startTime >= window.__changeAt), null, { timeout: 60000 });
  await page.waitForTimeout(300);
  const opened = await page.evaluate(() => {
    const measure = (name) => performance.getEntriesByName(name).filter((e) => e.startTime >= window.__changeAt).at(-1)?.duration;
    window.__annotateAt = performance.now();
    performance.mark("test:annotate");
    return {
      parse: measure("pizhu:parse"), render: measure("pizhu:render"), complete: measure("pizhu:render-complete"),
      blocks: document.querySelectorAll("article.reader .reader-body > p").length,
      long: window.__longTasks.filter((t) => t.start >= window.__changeAt).map((t) => t.duration),
      harness: window.__longTasks.filter((t) => t.start < window.__changeAt).map((t) => t.duration),
    };
  });
  // Annotate near the end: select, the toolbar, press 1, the highlight, the panel, the save.
  await page.evaluate(() => {
    const leaf = [...document.querySelectorAll("article.reader .reader-body > p:not(.meta-line) span[data-o]")].at(-1);
    const range = document.createRange(); range.setStart(leaf.firstChild, 4); range.setEnd(leaf.firstChild, 16);
    const s = getSelection(); s.removeAllRanges(); s.addRange(range);
  });
  await page.waitForSelector(".selection-toolbar");
  await page.keyboard.press("1");
  await page.waitForSelector("mark[data-label=policy]");
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.includes("example.org/1mb") && localStorage.getItem(k).includes('"policy"')));
  await page.waitForTimeout(300);
  const annotated = await page.evaluate(() => ({
    annotate: performance.getEntriesByName("pizhu:annotate").at(-1)?.duration,
    long: window.__longTasks.filter((t) => t.start >= window.__annotateAt).map((t) => t.duration),
    memoryMB: window.__wasm?.memory ? window.__wasm.memory.buffer.byteLength / 1048576 : null,
  }));
  const tasks = await stopTaskTrace(browser, "test:open");
  const split = await page.evaluate(() => window.__annotateAt - window.__changeAt);
  const phase = (from, to) => tasks.filter((t) => t.start >= from && t.start < to);
  const [openTasks, annotateTasks] = [phase(0, split), phase(split, Infinity)];
  const longest = (ts, key) => ts.reduce((a, t) => (t[key] > a[key] ? t : a), { wall: 0, cpu: 0 });
  const [openCpu, annotateCpu] = [openTasks, annotateTasks].map((ts) => longest(ts, "cpu").cpu);
  const [openWall, annotateWall] = [openTasks, annotateTasks].map((ts) => longest(ts, "wall").wall);
  const list = (ts) => (ts.length ? ts.map((t) => t.toFixed(0)).join(", ") + " ms" : "none");
  console.log(`# 1 MB article (${opened.blocks} paragraphs): pizhu:parse ${opened.parse.toFixed(0)} ms, pizhu:render (first paint) ${opened.render.toFixed(0)} ms, pizhu:render-complete ${opened.complete.toFixed(0)} ms`);
  console.log(`# 1 MB article, opening (${openTasks.length} tasks): longest ${openWall.toFixed(1)} ms wall, ${openCpu.toFixed(1)} ms main-thread CPU; long tasks (over 50 ms wall): ${list(opened.long)}`);
  console.log(`# 1 MB article, annotating near the end (${annotateTasks.length} tasks): pizhu:annotate ${annotated.annotate?.toFixed(1)} ms; longest ${annotateWall.toFixed(1)} ms wall, ${annotateCpu.toFixed(1)} ms main-thread CPU; long tasks: ${list(annotated.long)}; wasm memory ${annotated.memoryMB?.toFixed(1)} MB`);
  console.log(`# (not counted: the test harness's setInputFiles task, ${list(opened.harness)})`);
  assert.ok(annotated.memoryMB === null || annotated.memoryMB < 64, "wasm memory stays under 64 MB");
  // The budget: no task over 50 ms. It is asserted on each task's main-thread CPU time from a
  // Chromium trace, because on a build machine shared with other jobs a task's wall time also
  // counts whatever ran instead of the page (measured on the 2-core build machine under a
  // load average of 8: a task of 11 ms CPU took 162 ms wall). The wall time, which is what a
  // reader feels on their own machine, is printed, and fails only past 250 ms, as a guard
  // against waits that use no CPU.
  assert.ok(openCpu <= 50, `opening: a task used ${openCpu} ms of CPU`);
  assert.ok(annotateCpu <= 50, `annotating: a task used ${annotateCpu} ms of CPU`);
  assert.ok(Math.max(openWall, annotateWall) <= 250, `a task took ${Math.max(openWall, annotateWall)} ms`);
  await context.close();
});


test("a 3.9 MB article in one paragraph of English text opens in pieces, and a highlight in it is quick", async () => {
  // Before the cut into pieces (src/core/article/split.rs) this took 35 s to open and 34 s for
  // each highlight: the browser lays out one justified paragraph faster than linearly.
  const sentence = "The minister said on Monday that the new policy will take effect next year, and that the government must act. ";
  const body = `<p>${sentence.repeat(Math.ceil(3.9 * 1024 * 1024 / sentence.length))}</p>`;
  const file = `<!--1700000000000-->\n[One long paragraph](https://example.org/long-latin)\n------\n\n${body}\n`;
  const page = await newPage(browser, server.url);
  await page.goto(server.url); await page.waitForSelector("article h1");
  await page.evaluate(() => { localStorage.clear(); });
  const started = Date.now();
  await page.setInputFiles("#pizhu-file", [{ name: "long-latin.md", mimeType: "text/markdown", buffer: Buffer.from(file) }]);
  await page.waitForFunction(() => document.querySelector("article h1")?.textContent === "One long paragraph", null, { timeout: 60000 });
  await page.waitForFunction(() => performance.getEntriesByName("pizhu:render-complete").length > 1, null, { timeout: 60000 });
  const opened = (Date.now() - started) / 1000;
  const parts = await page.evaluate(() => ["pizhu:parse", "pizhu:render", "pizhu:render-complete"]
    .map((name) => `${name} ${performance.getEntriesByName(name).at(-1)?.duration.toFixed(0)} ms`).join(", "));
  const pieces = await page.locator("article .reader-body > p").count();
  assert.match(await page.textContent("article .read-notice"), /shown in pieces/);
  // Highlight a sentence near the end: from the key press to the mark in the page.
  await page.evaluate(() => {
    const leaf = [...document.querySelectorAll("article .reader-body > p span[data-o]")].at(-2);
    const range = document.createRange(); range.setStart(leaf.firstChild, 4); range.setEnd(leaf.firstChild, 40);
    const s = getSelection(); s.removeAllRanges(); s.addRange(range);
  });
  await page.waitForSelector(".selection-toolbar");
  const pressed = Date.now();
  await page.keyboard.press("1");
  await page.waitForSelector("mark[data-label=policy]");
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const highlighted = Date.now() - pressed;
  console.log(`# 3.9 MB one-paragraph English article: ${pieces} pieces, open -> complete ${opened.toFixed(1)} s (${parts}), highlight -> painted ${highlighted} ms`);
  // Budgets: open within 5 s (Chinese of the same size opens in about 1.2 s), a highlight
  // within 250 ms; past twice that the test fails (a shared build machine is slower).
  assert.ok(pieces > 500, `${pieces} pieces`);
  assert.ok(opened <= 10, `opening took ${opened} s`);
  assert.ok(highlighted <= 500, `the highlight took ${highlighted} ms`);
  assert.deepEqual(page.problems, []);
});
