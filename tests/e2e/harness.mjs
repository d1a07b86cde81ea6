// Shared end-to-end harness: serve dist/ on 127.0.0.1 with a tiny static server, and start
// Debian's Chromium through playwright-core (never a downloaded browser).
import { createServer } from "node:http";
import { readFile, mkdir } from "node:fs/promises";
import { readdirSync, statSync, writeFileSync } from "node:fs";
import { extname, join, normalize, resolve } from "node:path";
import { chromium } from "playwright-core";

export const ROOT = resolve(import.meta.dirname, "../..");
export const DIST = join(ROOT, "dist");
export const FIXTURES = join(ROOT, "tests/fixtures");
export const SHOTS = join(ROOT, "tests/e2e/screenshots");

const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".wasm": "application/wasm",
  ".css": "text/css", ".svg": "image/svg+xml", ".md": "text/markdown; charset=utf-8", ".json": "application/json",
};

/** Serve dist/ on an ephemeral 127.0.0.1 port. Returns { url, close }. */
export async function serveDist() {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    const file = normalize(join(DIST, path === "/" ? "index.html" : path));
    if (!file.startsWith(DIST)) { res.writeHead(403).end(); return; }
    try {
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((ok) => server.close(ok)) };
}

export async function launch() {
  await mkdir(SHOTS, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
      "--disable-sync", "--no-first-run", "--disable-quic"],
  });
}

/** A new page that records console errors, page errors, CSP violations and outside requests. */
export async function newPage(browser, base, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, ...options });
  const page = await context.newPage();
  page.problems = [];
  page.outside = [];
  page.on("pageerror", (e) => page.problems.push(`pageerror: ${e.message}`));
  page.on("console", (m) => { if (m.type() === "error") page.problems.push(`console: ${m.text()}`); });
  page.on("request", (r) => { if (!r.url().startsWith(base)) page.outside.push(r.url()); });
  // Nothing outside 127.0.0.1 is reachable here: answer outside requests locally so tests are fast.
  await context.route((url) => !url.href.startsWith(base), (route) => route.fulfill({ status: 204, body: "" }));
  return page;
}

export async function openApp(page, base) {
  await page.goto(base);
  await page.waitForSelector("article.reader h1");
}

/** Open the app with empty storage: load it, clear localStorage, and load it again. */
export async function openFreshApp(page, base) {
  await openApp(page, base);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.waitForSelector("article.reader h1");
}

/** Open files through the real <input type="file">. */
export async function openFiles(page, files) {
  await page.setInputFiles("#pizhu-file", files);
}

/** Every corpus article file under tests/fixtures/corpus, sorted. */
export function corpusFiles(dir = join(FIXTURES, "corpus")) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return corpusFiles(path);
    return /\.(md|txt)$/.test(name) && name !== "SOURCE-README.md" ? [path] : [];
  }).sort();
}

/** A feed file of about 1 MB: some 4,800 paragraphs "第N段：" + two sentences, at `url`. */
export function megabyteArticle(url = "https://example.org/1mb") {
  const sentences = [
    "外交部发言人在例行记者会上表示，有关政策不会改变，双方将继续保持沟通。",
    "根据官方公布的数据，今年前十个月的出口同比增长了百分之七点三。",
    "分析人士认为，这一表态意味着谈判短期内难以取得突破，市场仍需观望。",
  ];
  let body = "";
  for (let i = 0; Buffer.byteLength(body) < 1024 * 1024; i++) body += `<p>第${i}段：${sentences[i % 3]}${sentences[(i + 1) % 3]}</p>`;
  return `<!--1700000000000-->\n[一兆字节文章](${url})\n------\n\n${body}\n`;
}

/**
 * Start a Chromium trace of the tasks on the page's main thread (call `stopTaskTrace` to get
 * them). Each task has its wall time and its main-thread CPU time: on a machine shared with
 * other work the wall time includes whatever ran instead of the page, the CPU time does not.
 */
export async function startTaskTrace(browser, page) {
  await browser.startTracing(page, { categories: ["toplevel", "blink.user_timing"] });
}

/**
 * Stop the trace; return the main-thread tasks from the User Timing mark `from` on, as
 * { start, wall, cpu } in ms, `start` counted from the mark. With TRACE_FILE=path the raw
 * trace is saved too (it opens in the DevTools Performance panel).
 */
export async function stopTaskTrace(browser, from) {
  const raw = await browser.stopTracing();
  if (process.env.TRACE_FILE) writeFileSync(process.env.TRACE_FILE, raw);
  const trace = JSON.parse(raw.toString());
  const events = trace.traceEvents ?? trace;
  const mark = events.find((e) => e.name === from && e.cat?.includes("blink.user_timing"));
  if (!mark) throw new Error(`mark ${from} is not in the trace`);
  // Top-level tasks of the renderer main thread that recorded the mark.
  return events
    .filter((e) => e.ph === "X" && e.name === "ThreadControllerImpl::RunTask" && e.pid === mark.pid
      && e.tid === mark.tid && e.ts >= mark.ts)
    .map((e) => ({ start: (e.ts - mark.ts) / 1000, wall: e.dur / 1000, cpu: (e.tdur ?? e.dur) / 1000 }));
}

/** Select code points [start, end) of the canonical text by walking the data-o leaves. */
export async function selectRange(page, start, end) {
  await page.evaluate(([start, end]) => {
    const leaves = [...document.querySelectorAll("article.reader [data-o]")];
    const point = (offset) => {
      for (const leaf of leaves) {
        const o = Number(leaf.dataset.o);
        if (leaf.tagName === "BR") continue;
        const text = leaf.firstChild?.textContent ?? "";
        const chars = [...text];
        if (offset >= o && offset <= o + chars.length) {
          const utf16 = chars.slice(0, offset - o).join("").length;
          return [leaf.firstChild, utf16];
        }
      }
      throw new Error("offset not found " + offset);
    };
    const [sn, so] = point(start); const [en, eo] = point(end);
    const range = document.createRange(); range.setStart(sn, so); range.setEnd(en, eo);
    const selection = getSelection(); selection.removeAllRanges(); selection.addRange(range);
  }, [start, end]);
  await page.waitForSelector(".selection-toolbar");
}

/** Canonical offsets of a substring inside the rendered article (first occurrence). */
export async function offsetsOf(page, needle) {
  return page.evaluate((needle) => {
    const leaves = [...document.querySelectorAll("article.reader span[data-o]")];
    for (const leaf of leaves) {
      const text = leaf.textContent; const at = text.indexOf(needle);
      if (at >= 0) { const o = Number(leaf.dataset.o) + [...text.slice(0, at)].length; return [o, o + [...needle].length]; }
    }
    return null;
  }, needle);
}
