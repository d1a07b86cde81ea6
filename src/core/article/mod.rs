//! Feed file -> `Article`: header, typed blocks and canonical text.
//!
//! `parse` never panics and never fails on odd HTML: html5ever repairs the markup, the walker
//! keeps only what the typed model can express, and cleanup removes the feed's own additions.
//! The only errors are inputs that are not an article at all (empty, binary, too large).

mod builder;
mod canonical;
mod cleanup;
mod error;
mod feed;
mod incremental;
mod media;
pub mod model;
mod nesting;
mod split;
pub mod url;
mod walk;

pub use error::{megabytes, ParseError};
pub use incremental::IncrementalParse;
pub use model::{Article, Block, Image, Meta, Run, RunKind, SourceKind, Style, TextKind, TextUnit};

use model::Style as RunStyle;
use pizhu_dom::{Dom, NodeData, NodeId, DOCUMENT};
use walk::{text_content, Walker};

/// The largest input pizhu accepts, in bytes. Far above any real article (the corpus's
/// largest is under 50 KB) and small enough to keep the page responsive.
pub const MAX_INPUT_BYTES: usize = 4 * 1024 * 1024;

/// Parse raw file bytes: checks size and encoding, then `parse`.
pub fn parse_bytes(bytes: &[u8]) -> Result<Article, ParseError> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(ParseError::TooLarge {
            size: bytes.len(),
            limit: MAX_INPUT_BYTES,
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|_| ParseError::NotText)?;
    parse(text)
}

/// Parse text (a feed file, an HTML page or fragment, or plain text) into an article.
pub fn parse(input: &str) -> Result<Article, ParseError> {
    parse_with_base(input, None)
}

/// As `parse`, resolving relative URLs against `fallback_base` when the input names no
/// absolute URL of its own (the app's sample article uses this for its bundled picture).
pub fn parse_with_base(input: &str, fallback_base: Option<&str>) -> Result<Article, ParseError> {
    Ok(parse_prepared(prepare(input, fallback_base)?))
}

/// Read a checked input in one go.
pub(crate) fn parse_prepared(prepared: Prepared<'_>) -> Article {
    let parts = match prepared.route {
        Route::Text => text_parts(prepared.body),
        Route::DeepText => text_parts(&nesting::strip_tags(prepared.body)),
        Route::Html => html_parts(prepared.body, prepared.base.as_deref()),
    };
    finish(prepared.meta, prepared.route, parts)
}

/// How a body is read: as HTML, as plain text, or as text because it nests too deeply.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Route {
    Html,
    Text,
    DeepText,
}

/// The checked input, split into header metadata and body, with the route it takes.
pub(crate) struct Prepared<'a> {
    pub meta: Meta,
    pub base: Option<String>,
    pub body: &'a str,
    pub route: Route,
}

/// What reading the body produced, before cleanup and offsets.
pub(crate) struct Parts {
    pub blocks: Vec<Block>,
    pub byline: String,
    pub early_time: Option<String>,
    pub page_title: Option<String>,
}

pub(crate) fn prepare<'a>(
    input: &'a str,
    fallback_base: Option<&str>,
) -> Result<Prepared<'a>, ParseError> {
    if input.len() > MAX_INPUT_BYTES {
        return Err(ParseError::TooLarge {
            size: input.len(),
            limit: MAX_INPUT_BYTES,
        });
    }
    if input.trim().is_empty() {
        return Err(ParseError::Empty);
    }
    // A stray NUL or control character is text with a flaw, which the HTML parser handles
    // (html5ever drops or replaces NUL as the standard says); only a file that is mostly
    // control characters is binary (see `feed::looks_binary`). Invalid UTF-8 was refused
    // in `parse_bytes`.
    if feed::looks_binary(input) {
        return Err(ParseError::NotText);
    }
    let envelope = feed::split(input);
    let meta = Meta {
        // The header line is not HTML, so nothing removed a NUL from it.
        title: envelope.title.as_deref().map(strip_nul).unwrap_or_default(),
        url: envelope
            .url
            .as_deref()
            .and_then(|u| url::check_url(u, fallback_base, url::UrlUse::Link)),
        published_ms: envelope.published_ms,
        source_kind: envelope.kind,
        ..Meta::default()
    };
    let base = meta
        .url
        .clone()
        .or_else(|| fallback_base.map(str::to_string));
    // html5ever's cost grows with the square of the nesting depth; a hostile file with
    // hundreds of thousands of unclosed tags would freeze the page, so it is read as text.
    let route = match envelope.kind {
        SourceKind::PlainText => Route::Text,
        _ if nesting::max_depth(envelope.body) > nesting::MAX_NESTING => Route::DeepText,
        _ => Route::Html,
    };
    Ok(Prepared {
        meta,
        base,
        body: envelope.body,
        route,
    })
}

/// Cleanup, metadata from the body, title fallback and canonical offsets.
pub(crate) fn finish(mut meta: Meta, route: Route, parts: Parts) -> Article {
    let Parts {
        mut blocks,
        byline,
        early_time,
        page_title,
    } = parts;
    if route == Route::DeepText {
        meta.notice = Some(
            "This file nests its markup too deeply to lay out, so it is shown as plain text. 此文件的标记嵌套过深，以纯文本显示。".into(),
        );
    }
    cleanup::drop_feed_advert(&mut blocks);
    cleanup::drop_leaked_text(&mut blocks);
    cleanup::attach_credit_captions(&mut blocks);
    let dateline = cleanup::extract_dateline(&mut blocks);
    meta.date_line = dateline.date.or(early_time);
    meta.byline = dateline
        .byline
        .or_else(|| (!byline.is_empty()).then_some(byline));
    if meta.title.is_empty() {
        meta.title = page_title
            .or_else(|| first_heading(&mut blocks, meta.source_kind))
            .unwrap_or_else(|| "Untitled article / 无标题文章".to_string());
    }
    if split::split_long_paragraphs(&mut blocks) && meta.notice.is_none() {
        meta.notice = Some(
            "Very long paragraphs are shown in pieces, cut at sentence ends, so the page stays fast. 过长的段落在句末分段显示，以保持页面流畅。".into(),
        );
    }
    let (text, char_len) = canonical::assign_offsets(&mut blocks);
    Article {
        meta,
        blocks,
        text,
        char_len,
    }
}

fn text_parts(body: &str) -> Parts {
    Parts {
        blocks: plain_text_blocks(body),
        byline: String::new(),
        early_time: None,
        page_title: None,
    }
}

/// The element whose content is the article, and the page's `<title>` if it has one.
pub(crate) fn content_root(dom: &Dom) -> (NodeId, Option<String>) {
    let [title, article, main, body] = find_first(dom, ["title", "article", "main", "body"]);
    let page_title = title
        .map(|t| {
            text_content(dom, t)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|t| !t.is_empty());
    let root = article
        .or(main)
        .filter(|_| page_title.is_some())
        .or(body)
        .unwrap_or(DOCUMENT);
    (root, page_title)
}

fn html_parts(body: &str, base: Option<&str>) -> Parts {
    let dom = pizhu_dom::parse(body);
    let (root, page_title) = content_root(&dom);
    let mut walker = Walker::new(base);
    walker.node(&dom, root, 0);
    let early_time = walker.early_time.take();
    let (blocks, byline) = walker.builder.finish();
    Parts {
        blocks,
        byline,
        early_time,
        page_title,
    }
}

/// The first element (in document order) of each of `names`, found in one pass without
/// recursion.
fn find_first<const N: usize>(dom: &Dom, names: [&str; N]) -> [Option<NodeId>; N] {
    let mut found = [None; N];
    let mut stack = vec![DOCUMENT];
    while let Some(node) = stack.pop() {
        if let NodeData::Element { name, .. } = dom.data(node) {
            if let Some(i) = names.iter().position(|n| *n == &**name) {
                found[i].get_or_insert(node);
                if found.iter().all(Option::is_some) {
                    break;
                }
            }
        }
        let first = stack.len();
        stack.extend(dom.children(node));
        stack[first..].reverse();
    }
    found
}

/// `text` without U+0000. Text that reaches the builder through html5ever has none (the
/// standard drops NUL from body text and replaces it with U+FFFD elsewhere), but plain text,
/// the too-deep fallback and the feed header are not parsed as HTML: a NUL there would reach
/// `Article.text` and from there the page, a selector or an export, so it goes here.
fn strip_nul(text: &str) -> String {
    text.replace('\0', "")
}

/// Plain text: blank lines separate paragraphs, single newlines are line breaks.
fn plain_text_blocks(body: &str) -> Vec<Block> {
    let normalized = strip_nul(body).replace("\r\n", "\n");
    normalized
        .split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .map(|paragraph| {
            let mut runs = Vec::new();
            for (i, line) in paragraph.trim().lines().enumerate() {
                if i > 0 {
                    runs.push(Run {
                        kind: RunKind::Break,
                        style: RunStyle::default(),
                        start: 0,
                    });
                }
                let collapsed = line.split_whitespace().collect::<Vec<_>>().join(" ");
                if !collapsed.is_empty() {
                    runs.push(Run {
                        kind: RunKind::Text(collapsed),
                        style: RunStyle::default(),
                        start: 0,
                    });
                }
            }
            Block::Text {
                kind: TextKind::Paragraph,
                unit: TextUnit { runs },
            }
        })
        .collect()
}

/// For inputs without a header: the first heading, or a short first paragraph, is the title.
fn first_heading(blocks: &mut Vec<Block>, kind: SourceKind) -> Option<String> {
    let index = blocks.iter().take(3).position(|b| match b {
        Block::Text {
            kind: TextKind::Heading(_),
            ..
        } => true,
        Block::Text {
            kind: TextKind::Paragraph,
            unit,
        } => kind == SourceKind::PlainText && unit.plain_text().chars().count() <= 80,
        _ => false,
    })?;
    if index != 0 && kind == SourceKind::PlainText {
        return None;
    }
    let title = match blocks.remove(index) {
        Block::Text { unit, .. } => unit.plain_text().replace('\n', " "),
        _ => return None,
    };
    Some(title)
}
