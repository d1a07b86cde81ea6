//! Golden tests of the parser over every corpus file in tests/fixtures/corpus.
//!
//! For each file: an outline of the parsed article (metadata, block kinds, text, image and
//! embed URLs) must equal the reviewed snapshot in tests/golden/ (set UPDATE_GOLDEN=1 to
//! rewrite after reviewing a change), and independent checks must hold: a title, at least
//! 98% of the body's visible text, every usable image and every YouTube embed, no feed advert.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::Path;

use html5ever::tendril::TendrilSink;
use markup5ever_rcdom::{Handle, NodeData, RcDom};
use pizhu::core::article::{self, Article, Block, RunKind, TextKind};

#[path = "support/mod.rs"]
mod support;
use support::corpus_files;

fn outline(article: &Article) -> String {
    let mut out = String::new();
    let m = &article.meta;
    out += &format!(
        "title: {}\nurl: {:?}\npublished_ms: {:?}\ndate_line: {:?}\nbyline: {:?}\n\n",
        m.title, m.url, m.published_ms, m.date_line, m.byline
    );
    for block in &article.blocks {
        match block {
            Block::Text { kind, unit } => {
                let tag = match kind {
                    TextKind::Paragraph => "p".to_string(),
                    TextKind::Heading(l) => format!("h{l}"),
                    TextKind::Quote => "quote".to_string(),
                };
                out += &format!("[{tag}] {}\n", unit_outline(unit));
            }
            Block::List {
                ordered,
                start,
                items,
            } => {
                out += &format!("[list ordered={ordered} start={start:?}]\n");
                for item in items {
                    out += &format!("  - {}\n", unit_outline(item));
                }
            }
            Block::Figure { image, caption } => {
                out += &format!(
                    "[figure] {} alt={:?}\n  caption: {}\n",
                    image.src,
                    image.alt,
                    unit_outline(caption)
                );
            }
            Block::YouTube { id, caption } => {
                out += &format!("[youtube] {id} {}\n", unit_outline(caption))
            }
            Block::VideoLink {
                url,
                poster,
                caption,
            } => {
                out += &format!(
                    "[video] {url} poster={poster:?} {}\n",
                    unit_outline(caption)
                )
            }
        }
    }
    out
}

fn unit_outline(unit: &article::TextUnit) -> String {
    unit.runs
        .iter()
        .map(|run| match &run.kind {
            RunKind::Break => "⏎".to_string(),
            RunKind::Text(t) => {
                let mut s = t.clone();
                if run.style.strong {
                    s = format!("**{s}**");
                }
                if run.style.emphasis {
                    s = format!("_{s}_");
                }
                if let Some(href) = &run.style.link {
                    s = format!("[{s}]({href})");
                }
                s
            }
        })
        .collect()
}

/// Visible text chunks of the source body, found with html5ever independently of the walker.
fn source_chunks(body: &str) -> Vec<String> {
    let dom = html5ever::parse_document(RcDom::default(), Default::default()).one(body);
    let mut chunks = Vec::new();
    let mut stack: Vec<Handle> = vec![dom.document.clone()];
    while let Some(node) = stack.pop() {
        match &node.data {
            NodeData::Text { contents } => {
                let t: String = contents
                    .borrow()
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .collect();
                if t.chars().count() >= 2 {
                    chunks.push(t);
                }
            }
            NodeData::Element { name, .. } => {
                let n = name.local.to_string();
                if !matches!(n.as_str(), "script" | "style" | "noscript" | "head") {
                    stack.extend(node.children.borrow().iter().cloned());
                }
            }
            _ => stack.extend(node.children.borrow().iter().cloned()),
        }
    }
    chunks
}

fn body_of(raw: &str) -> &str {
    raw.splitn(5, '\n').nth(4).unwrap_or("")
}

fn strip_ws(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn every_corpus_file_parses_to_its_golden_outline() {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let files = corpus_files();
    assert!(
        files.len() >= 27,
        "expected the whole corpus, found {}",
        files.len()
    );
    let mut failures = Vec::new();
    for path in &files {
        let raw = fs::read_to_string(path).expect("read corpus file");
        let article = article::parse(&raw).expect("corpus file parses");
        let got = outline(&article);
        let name = path
            .strip_prefix("tests/fixtures/corpus")
            .unwrap_or(path)
            .to_string_lossy()
            .replace('/', "__");
        let golden = Path::new("tests/golden").join(format!("{name}.outline"));
        if update || !golden.exists() {
            fs::write(&golden, &got).expect("write golden");
        } else if fs::read_to_string(&golden).unwrap_or_default() != got {
            failures.push(golden.display().to_string());
        }
    }
    assert!(
        failures.is_empty(),
        "outlines differ (review, then UPDATE_GOLDEN=1): {failures:?}"
    );
}

#[test]
fn every_corpus_file_keeps_title_and_98_percent_of_text() {
    for path in corpus_files() {
        let raw = fs::read_to_string(&path).expect("read");
        let article = article::parse(&raw).expect("parses");
        assert!(!article.meta.title.is_empty(), "{path:?} has no title");
        let mut shown = strip_ws(&article.text);
        for extra in [&article.meta.date_line, &article.meta.byline]
            .into_iter()
            .flatten()
        {
            shown.push_str(&strip_ws(extra));
        }
        let body = body_of(&raw);
        let body = body.split("<hr>").next().unwrap_or(body);
        let chunks = source_chunks(body);
        let total: usize = chunks.iter().map(|c| c.chars().count()).sum();
        let missing: Vec<&String> = chunks
            .iter()
            .filter(|c| !shown.contains(c.as_str()))
            .collect();
        let lost: usize = missing.iter().map(|c| c.chars().count()).sum();
        let kept = 1.0 - lost as f64 / total.max(1) as f64;
        assert!(
            kept >= 0.98,
            "{path:?} keeps only {:.1}% of its text; missing: {missing:?}",
            kept * 100.0
        );
        assert!(
            !article.text.contains("获取更多RSS"),
            "{path:?} still has the feed advert"
        );
    }
}

#[test]
fn every_usable_image_and_youtube_embed_survives() {
    for path in corpus_files() {
        let raw = fs::read_to_string(&path).expect("read");
        let article = article::parse(&raw).expect("parses");
        let body = body_of(&raw);
        let youtube_in_source = body.matches("youtube.com/embed/").count();
        let youtube_out = article
            .blocks
            .iter()
            .filter(|b| matches!(b, Block::YouTube { .. }))
            .count();
        assert_eq!(youtube_out, youtube_in_source, "{path:?}: YouTube embeds");
        let figures = article
            .blocks
            .iter()
            .filter(|b| matches!(b, Block::Figure { .. }))
            .count();
        let http_imgs = body.matches("<img").count();
        if http_imgs > 0 && !body.contains("data:image") {
            assert!(
                figures > 0,
                "{path:?}: images in source but no figure rendered"
            );
        }
    }
}
