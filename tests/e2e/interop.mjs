// Helpers of the interop tests: Apache Annotator (@apache-annotator/dom, an independent
// implementation of the W3C selectors) bundled for the page, and page-side functions that
// find, select and measure text in pizhu's rendered article.
//
// The app's Content-Security-Policy allows only its own script, so the peer cannot come in
// as a <script> tag. It is bundled at test time by esbuild into one IIFE string and run
// through Playwright's evaluate (DevTools evaluation is not subject to the page's CSP), and
// the page's policy stays exactly as users get it.
import { build } from "esbuild";
import { readFileSync } from "node:fs";

let bundle;

/** The peer as a script that sets `globalThis.ApacheAnnotator` (built once per run). */
export async function peerScript() {
  if (bundle) return bundle;
  const result = await build({
    stdin: { contents: 'export * from "@apache-annotator/dom";', resolveDir: import.meta.dirname },
    bundle: true, format: "iife", globalName: "ApacheAnnotator", platform: "browser",
    target: "chrome120", minify: true, write: false, logLevel: "silent",
  });
  bundle = `(() => { ${result.outputFiles[0].text}; globalThis.ApacheAnnotator = ApacheAnnotator; })()`;
  return bundle;
}

/** Load the peer into the page (again after every navigation). */
export async function installPeer(page) {
  await page.evaluate(await peerScript());
  if (!(await page.evaluate(() => typeof globalThis.ApacheAnnotator?.createTextQuoteSelectorMatcher === "function"))) {
    throw new Error("Apache Annotator did not load in the page");
  }
  await page.evaluate(pageHelpers);
}

/** The feed body of an article file: everything after the header (`------` and a blank line). */
export function feedBody(path) {
  const text = readFileSync(path, "utf8");
  const at = text.indexOf("\n------\n");
  if (at < 0) throw new Error(`${path}: no feed header`);
  return text.slice(at + "\n------\n".length).trim();
}

/**
 * Defines `globalThis.interop` in the page. Article text is the text of pizhu's leaves
 * (`[data-o]` elements under `<article>`), so interface text (the "image not loaded" card,
 * the video button) is never found or selected by these helpers.
 */
function pageHelpers() {
  const article = () => document.querySelector("article");
  /** Text nodes of the article's own text, in document order. */
  const leaves = () => {
    const out = [];
    const walker = document.createTreeWalker(article(), NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.parentElement.closest("[data-o]") && !n.parentElement.closest("header")) out.push(n);
    }
    return out;
  };
  /** A Range from the first `from` to the end of the first `to` at or after it. */
  const rangeOf = (from, to = from) => {
    const nodes = leaves();
    let text = "";
    const starts = nodes.map((n) => { const s = text.length; text += n.data; return s; });
    const a = text.indexOf(from);
    if (a < 0) throw new Error(`not in the article: ${from}`);
    const z = text.indexOf(to, a);
    if (z < 0) throw new Error(`not in the article after ${from}: ${to}`);
    const point = (offset, atEnd) => {
      for (let i = 0; i < nodes.length; i++) {
        const end = starts[i] + nodes[i].data.length;
        if (offset < end || (atEnd && offset === end)) return [nodes[i], offset - starts[i]];
      }
      throw new Error(`offset ${offset} past the text`);
    };
    const range = document.createRange();
    range.setStart(...point(a, false));
    range.setEnd(...point(z + to.length, true));
    return range;
  };
  /** UTF-16 offset of a boundary point within `scope`'s text (what Range.toString counts). */
  const offsetIn = (scope, node, offset) => {
    const r = document.createRange();
    r.selectNodeContents(scope);
    r.setEnd(node, offset);
    return r.toString().length;
  };
  /** Where a range lies in `<article>`'s text, and its text. */
  const span = (range) => ({
    start: offsetIn(article(), range.startContainer, range.startOffset),
    end: offsetIn(article(), range.endContainer, range.endOffset),
    text: range.toString(),
  });
  /** Where the marks of annotation `id` lie, as one span (first to last text node). */
  const marksSpan = (id) => {
    const marks = [...document.querySelectorAll("mark[data-annotation-id]")].filter((m) => m.dataset.annotationId === id);
    const texts = new Set();
    for (const m of marks) {
      const walker = document.createTreeWalker(m, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.add(n);
    }
    const sorted = [...texts].sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    if (!sorted.length) return null;
    const range = document.createRange();
    range.setStart(sorted[0], 0);
    range.setEnd(sorted.at(-1), sorted.at(-1).length);
    return { ...span(range), label: marks[0].dataset.label, joined: sorted.map((n) => n.data).join("") };
  };
  /** Every match of a matcher over `scope`, as spans in `<article>`. */
  const all = async (matcher, scope) => {
    const found = [];
    for await (const range of matcher(scope)) found.push(span(range));
    return found;
  };
  /** Code points of `scope`'s text before the range's start, and in the range. */
  const codePoints = (scope, range) => {
    const before = document.createRange();
    before.selectNodeContents(scope);
    before.setEnd(range.startContainer, range.startOffset);
    const start = [...before.toString()].length;
    return { start, end: start + [...range.toString()].length };
  };
  globalThis.interop = { article, rangeOf, span, marksSpan, all, codePoints, offsetIn };
}
