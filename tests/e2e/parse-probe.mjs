// Probe of the parse in the page (not a test; see docs/performance.md). Serves a build, opens
// the largest corpus article N times through the file input and prints pizhu:parse of every
// open, then the repeated-parse comparison with DOMParser that budgets.test.mjs asserts.
//
//   node parse-probe.mjs [DIST=../../dist] [OPENS=40] [PROFILE.cpuprofile]
//
// JSFLAGS="--no-wasm-dynamic-tiering --no-wasm-lazy-compilation" runs Chromium with V8's
// optimising wasm tier from the start. With a profile file name, a CPU profile of 400 repeated
// parses is written there and the functions with the most samples are printed (build with
// `-g` added to data-wasm-opt-params in index.html to keep function names).
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import { extname, join, normalize, resolve } from "node:path";
import { chromium } from "playwright-core";
import { launch, newPage, corpusFiles } from "./harness.mjs";

const dist = resolve(process.argv[2] ?? join(import.meta.dirname, "../../dist"));
const opens = Number(process.argv[3] ?? 40);
const profileFile = process.argv[4];
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".wasm": "application/wasm", ".css": "text/css", ".svg": "image/svg+xml", ".md": "text/markdown; charset=utf-8" };
const server = createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
  const file = normalize(join(dist, path === "/" ? "index.html" : path));
  if (!file.startsWith(dist)) { res.writeHead(403).end(); return; }
  try { res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(await readFile(file)); }
  catch { res.writeHead(404).end(); }
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const url = `http://127.0.0.1:${server.address().port}/`;
const browser = process.env.JSFLAGS
  ? await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", `--js-flags=${process.env.JSFLAGS}`] })
  : await launch();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
try {
  const largest = corpusFiles().map((f) => [f, statSync(f).size]).sort((a, b) => b[1] - a[1])[0][0];
  const raw = readFileSync(largest, "utf8");
  const body = raw.split("\n").slice(4).join("\n");
  const page = await newPage(browser, url);
  await page.goto(url); await page.waitForSelector("article h1");
  const parse = [];
  for (let i = 0; i < opens; i++) {
    await page.setInputFiles("#pizhu-file", [{ name: `large-${i}.md`, mimeType: "text/markdown", buffer: Buffer.from(raw) }]);
    await page.waitForFunction((n) => performance.getEntriesByName("pizhu:render").length > n, i + 1);
    parse.push(await page.evaluate(() => performance.getEntriesByName("pizhu:parse").at(-1).duration));
  }
  console.log(`pizhu:parse per open (ms): ${parse.map((p) => p.toFixed(1)).join(" ")}`);
  console.log(`median of the first 7 opens ${median(parse.slice(0, 7)).toFixed(2)} ms, of the last 10 ${median(parse.slice(-10)).toFixed(2)} ms`);
  const repeated = ({ raw, body }) => {
    const bytes = new TextEncoder().encode(raw);
    const K = 20, pizhu = [], dom = [];
    for (let r = 0; r < 9; r++) {
      let t = performance.now();
      window.wasmBindings.pizhuParseRepeatedly(bytes, K);
      pizhu.push((performance.now() - t) / K);
      t = performance.now();
      for (let k = 0; k < K; k++) new DOMParser().parseFromString(body, "text/html");
      dom.push((performance.now() - t) / K);
    }
    return { pizhu, dom };
  };
  const { pizhu, dom } = await page.evaluate(repeated, { raw, body });
  console.log(`repeated (9 rounds of 20): pizhu ${median(pizhu).toFixed(3)} ms, DOMParser ${median(dom).toFixed(3)} ms, ratio ${(median(pizhu) / median(dom)).toFixed(2)}x; pizhu rounds ${pizhu.map((p) => p.toFixed(2)).join(" ")}`);
  if (profileFile) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 50 });
    await cdp.send("Profiler.start");
    await page.evaluate((raw) => { const b = new TextEncoder().encode(raw); window.wasmBindings.pizhuParseRepeatedly(b, 400); }, raw);
    const { profile } = await cdp.send("Profiler.stop");
    writeFileSync(profileFile, JSON.stringify(profile));
    const self = new Map();
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    let total = 0;
    for (const id of profile.samples) {
      const name = byId.get(id).callFrame.functionName || "(anonymous)";
      if (/^\((idle|program|garbage collector)\)$/.test(name)) continue;
      self.set(name, (self.get(name) ?? 0) + 1); total++;
    }
    console.log(`CPU profile written to ${profileFile}; functions with the most samples (self):`);
    for (const [name, n] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${(100 * n / total).toFixed(1).padStart(5)}%  ${name.slice(0, 140)}`);
  }
} finally {
  await browser.close(); server.close();
}
