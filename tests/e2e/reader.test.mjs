// Reader end to end: the release build, served on 127.0.0.1, in headless Chromium.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { serveDist, launch, newPage, openApp, openFiles, corpusFiles, FIXTURES, SHOTS } from "./harness.mjs";

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });


function headerTitle(path) {
  const line = readFileSync(path, "utf8").split("\n")[1].trim();
  return line.slice(1, line.lastIndexOf("](")).trim();
}

test("first start shows the sample article with its picture, quote, list and YouTube placeholder", async () => {
  const page = await newPage(browser, server.url);
  await openApp(page, server.url);
  assert.match(await page.textContent("article h1"), /旧书回流/);
  assert.equal(await page.locator("article figure img").first().getAttribute("alt"), "一排装满旧书的木制书架，前方是社区图书角的招牌");
  assert.match(await page.textContent("article figure figcaption"), /社区图书角/);
  assert.equal(await page.locator("article blockquote").count(), 1);
  assert.equal(await page.locator("article ol li").count(), 3);
  assert.equal(await page.locator("article [data-youtube-id]").count(), 1);
  assert.equal(await page.locator("article time[datetime]").count(), 1);
  assert.equal(await page.locator("article iframe").count(), 0, "no iframe before the reader asks");
  assert.ok(!page.outside.some((u) => u.includes("youtube")), "no request to YouTube before the click");
  assert.doesNotMatch(await page.textContent("article"), /获取更多RSS/);
  await page.screenshot({ path: join(SHOTS, "sample.png"), fullPage: false });
  // Click to load: only then a youtube-nocookie iframe with referrer policy and sandbox.
  await page.click("article .youtube-load");
  const frame = page.locator("article [data-youtube-id] iframe");
  assert.match(await frame.getAttribute("src"), /^https:\/\/www\.youtube-nocookie\.com\/embed\/aqz-KE-bpKQ/);
  assert.equal(await frame.getAttribute("referrerpolicy"), "strict-origin-when-cross-origin");
  assert.ok((await frame.getAttribute("sandbox")).includes("allow-scripts"));
  assert.deepEqual(page.problems, []);
});

test("an image that cannot load (offline) becomes a card with its description and a link; a loaded one shows no card", async () => {
  const page = await newPage(browser, server.url);
  await page.route(/^https:\/\/example\.org\/.*\.jpg$/, (route) => route.abort("internetdisconnected"));
  await openApp(page, server.url);
  // The sample's own picture loads: no card.
  await page.waitForFunction(() => document.querySelector("article figure img")?.complete);
  assert.equal(await page.locator("article .image-missing").first().isVisible(), false);
  const body = "<!--1764374400000-->\n[Offline images](https://example.org/offline)\n------\n\n" +
    "<p>Before.</p><img src=\"https://example.org/photo.jpg\" alt=\"A crowd outside the court\" width=\"100%\">" +
    "<div><small>The crowd on Monday (Photo: Agency)</small></div><p>Between.</p><img src=\"https://example.org/bare.jpg\"><p>After.</p>";
  await openFiles(page, [{ name: "offline.md", mimeType: "text/markdown", buffer: Buffer.from(body) }]);
  await page.waitForFunction(() => document.querySelector("article h1")?.textContent === "Offline images");
  const cards = page.locator("article figure .image-missing");
  await cards.nth(1).waitFor({ state: "visible" });
  assert.equal(await cards.count(), 2);
  // What the card shows is generated content (outside the article's text): read it as drawn.
  const shown = (card) => card.evaluate((el) => [...el.querySelectorAll("[data-text]")]
    .map((part) => getComputedStyle(part, "::before").content).join(" "));
  assert.match(await shown(cards.nth(0)), /Image not loaded[\s\S]*A crowd outside the court[\s\S]*example\.org/);
  assert.match(await shown(cards.nth(1)), /Image not loaded[\s\S]*example\.org/, "an image without alt text is not a blank gap");
  // The article's text content is its own text only: no card words between paragraphs.
  assert.equal(await page.textContent("article .reader-body"), "Before.The crowd on Monday (Photo: Agency)Between.After.");
  assert.equal(await cards.nth(0).getAttribute("href"), "https://example.org/photo.jpg");
  assert.equal(await cards.nth(0).getAttribute("rel"), "noopener noreferrer");
  assert.equal(await page.locator("article figure img").first().isVisible(), false, "no broken-image icon");
  assert.match(await page.textContent("article figure figcaption"), /The crowd on Monday/, "the caption stays");
  await page.screenshot({ path: join(SHOTS, "offline-images.png") });
  // The next article's picture in the same place loads and shows: the failed mark stays behind.
  const pixel = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==", "base64");
  await page.route("https://example.org/ok.png", (route) => route.fulfill({ contentType: "image/png", body: pixel }));
  const next = body.replace("Offline images", "Online images").replace("https://example.org/photo.jpg", "https://example.org/ok.png");
  await openFiles(page, [{ name: "online.md", mimeType: "text/markdown", buffer: Buffer.from(next) }]);
  await page.waitForFunction(() => document.querySelector("article h1")?.textContent === "Online images");
  await page.waitForFunction(() => document.querySelector("article figure img")?.complete);
  assert.equal(await page.locator("article figure img").first().isVisible(), true, "the loaded picture shows");
  assert.equal(await page.locator("article figure .image-missing").first().isVisible(), false);
  // The browser itself logs each failed image request; nothing else may go wrong.
  assert.deepEqual(page.problems.filter((p) => !p.includes("Failed to load resource")), []);
});

test("every corpus article opens through the file input with its title, images and embeds", async () => {
  const page = await newPage(browser, server.url);
  await openApp(page, server.url);
  const files = corpusFiles();
  assert.ok(files.length >= 27);
  for (const file of files) {
    await openFiles(page, [file]);
    const title = headerTitle(file);
    await page.waitForFunction((t) => document.querySelector("article h1")?.textContent === t, title);
    const raw = readFileSync(file, "utf8");
    const youtube = (raw.match(/youtube\.com\/embed\//g) ?? []).length;
    assert.equal(await page.locator("article [data-youtube-id]").count(), youtube, `${file}: YouTube`);
    const imgs = await page.locator("article figure img").count();
    if (/<img[^>]+src="https?:/.test(raw)) assert.ok(imgs > 0, `${relative(FIXTURES, file)}: images`);
    for (const img of await page.locator("article img").all()) {
      assert.match(await img.getAttribute("src"), /^https?:\/\//);
    }
    assert.equal(await page.locator("[role=alert]").count(), 0, `${file}: no error`);
  }
  for (const name of ["dw/1025573.md", "nyt/1046500.md", "bbc/1044000.md"]) {
    await openFiles(page, [join(FIXTURES, "corpus", name)]);
    await page.waitForFunction((t) => document.querySelector("article h1")?.textContent === t, headerTitle(join(FIXTURES, "corpus", name)));
    await page.screenshot({ path: join(SHOTS, `corpus-${name.replace(/\W+/g, "-")}.png`) });
  }
  assert.deepEqual(page.problems, []);
});

test("several files at once, then reload shows the last opened article again", async () => {
  const page = await newPage(browser, server.url);
  await openApp(page, server.url);
  const a = join(FIXTURES, "corpus/reuters/1040000.md");
  const b = join(FIXTURES, "corpus/cdt/366077.md");
  await openFiles(page, [a, b]);
  await page.waitForFunction(() => document.querySelectorAll(".switcher option").length >= 3);
  const shown = await page.textContent("article h1");
  assert.ok([headerTitle(a), headerTitle(b)].includes(shown));
  await page.reload();
  await page.waitForSelector("article h1");
  assert.equal(await page.textContent("article h1"), shown);
});

test("bad input gets a plain message and the open article stays readable", async () => {
  const page = await newPage(browser, server.url);
  await openApp(page, server.url);
  const title = await page.textContent("article h1");
  const cases = [
    [{ name: "empty.md", mimeType: "text/markdown", buffer: Buffer.alloc(0) }, /empty/i],
    [{ name: "binary.md", mimeType: "text/markdown", buffer: Buffer.from([0xff, 0xfe, 0x00, 0x9f, 0x92, 0x96]) }, /not text/i],
    [{ name: "huge.md", mimeType: "text/markdown", buffer: Buffer.alloc(10 * 1024 * 1024, 0x61) }, /too large.*4\.0 MB/i],
  ];
  for (const [file, message] of cases) {
    await openFiles(page, [file]);
    const alert = page.locator("[role=alert]");
    await alert.waitFor();
    assert.match(await alert.textContent(), message);
    assert.equal(await page.textContent("article h1"), title, "previous article still shown");
    await page.click(".alert-close");
  }
  // 10,000 nested elements: no stack overflow, the text is there.
  const deep = "<!--1-->\n[Deep](https://example.org/deep)\n------\n\n" + "<div>".repeat(10000) + "深处的文字" + "</div>".repeat(10000);
  await openFiles(page, [{ name: "deep.md", mimeType: "text/markdown", buffer: Buffer.from(deep) }]);
  await page.waitForFunction(() => document.querySelector("article h1")?.textContent === "Deep");
  assert.match(await page.textContent("article"), /深处的文字/);
  // A header with no body.
  await openFiles(page, [{ name: "nobody.md", mimeType: "text/markdown", buffer: Buffer.from("<!--1-->\n[Only a title](https://example.org/x)\n------\n") }]);
  await page.waitForFunction(() => document.querySelector("article h1")?.textContent === "Only a title");
  assert.match(await page.textContent("article"), /no body text/);
  assert.deepEqual(page.problems, []);
});

test("pasting raw text opens it as an article", async () => {
  const page = await newPage(browser, server.url);
  await openApp(page, server.url);
  await page.click("text=Paste / 粘贴");
  await page.fill("#pizhu-paste", "粘贴的标题\n\n第一段文字。\n\n第二段文字。");
  await page.click(".paste-actions .primary");
  await page.waitForFunction(() => document.querySelector("article h1")?.textContent === "粘贴的标题");
  assert.equal(await page.locator("article p").count(), 3); // meta line + two paragraphs
});

test("User Timing records pizhu:parse and pizhu:render for each article", async () => {
  const page = await newPage(browser, server.url);
  await openApp(page, server.url);
  await page.waitForFunction(() => performance.getEntriesByName("pizhu:render").length > 0);
  const names = await page.evaluate(() => performance.getEntriesByType("measure").map((m) => m.name));
  assert.ok(names.includes("pizhu:parse"));
  assert.ok(names.includes("pizhu:render"));
});

test("phone width and dark mode stay readable", async () => {
  const page = await newPage(browser, server.url, { viewport: { width: 390, height: 844 }, colorScheme: "dark" });
  await openApp(page, server.url);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no horizontal scrolling at phone width (overflow ${overflow}px)`);
  await page.screenshot({ path: join(SHOTS, "sample-phone-dark.png") });
});

test("dropping a file anywhere on the page opens it", async () => {
  const page = await newPage(browser, server.url);
  await openApp(page, server.url);
  const file = join(FIXTURES, "corpus/reuters/1025000.md");
  const text = readFileSync(file, "utf8");
  const transfer = await page.evaluateHandle((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], "dropped.md", { type: "text/markdown" }));
    return data;
  }, text);
  await page.dispatchEvent(".app", "dragover", { dataTransfer: transfer });
  await page.dispatchEvent(".app", "drop", { dataTransfer: transfer });
  await page.waitForFunction((t) => document.querySelector("article h1")?.textContent === t, headerTitle(file));
});
