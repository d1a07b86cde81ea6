//! How many exported TextQuoteSelectors a peer finds over the *original* article, as a
//! browser parses the feed body (html5ever with its reference DOM here, the same algorithm as
//! the browser's DOMParser): one annotation per sentence of every corpus article, exported as
//! from the open article, and prefix + exact + suffix looked for in the body's text content
//! (all text nodes in order, as `textContent` and a DOM anchorer read it). Contexts next to
//! what pizhu cleans away (feed adverts, date lines, trimmed whitespace) may differ: the share
//! is printed, and the test fails below 95%, the aim. `tests/e2e/interop.test.mjs`
//! checks the same in the browser with Apache Annotator on three articles.
#![cfg(not(target_arch = "wasm32"))]

use markup5ever_rcdom::{Handle, NodeData, RcDom};
use pizhu::core::article::{self, Block};
use pizhu::core::interchange::{
    export_collection, ArticleExport, ArticleInfo, Generator, PlacedText,
};
use pizhu::core::label::default_labels;
use pizhu::core::text::sentence_spans;
use serde_json::Value;

use html5ever::tendril::TendrilSink;

fn corpus_files() -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    let mut dirs = vec![std::path::PathBuf::from("tests/fixtures/corpus")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("corpus dir").flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if !path.to_string_lossy().contains("README") {
                files.push(path);
            }
        }
    }
    pizhu::core::sort::sort(&mut files);
    files
}

/// The text content of the parsed body: every text node in document order.
fn text_content(body: &str) -> String {
    let dom = html5ever::parse_document(RcDom::default(), Default::default()).one(body);
    let mut out = String::new();
    let mut stack: Vec<Handle> = vec![dom.document.clone()];
    while let Some(node) = stack.pop() {
        if let NodeData::Text { contents } = &node.data {
            out.push_str(&contents.borrow());
        }
        stack.extend(node.children.borrow().iter().rev().cloned());
    }
    out
}

#[test]
fn most_exported_quotes_are_found_in_the_original_html() {
    let (mut found, mut total) = (0usize, 0usize);
    for path in corpus_files() {
        let raw = std::fs::read_to_string(&path).expect("read");
        let article = article::parse(&raw).expect("parses");
        let body = raw.splitn(5, '\n').nth(4).unwrap_or("");
        let original = text_content(body);
        // One annotation per sentence of every paragraph-like unit.
        let mut spans = Vec::new();
        for unit in article.blocks.iter().flat_map(Block::units) {
            let Some((start, end)) = unit.range() else {
                continue;
            };
            let text: String = unit.plain_text();
            for (s, e) in sentence_spans(&text) {
                if e > s + 1 {
                    spans.push((start + s, (start + e).min(end)));
                }
            }
        }
        let annotations: Vec<_> = spans
            .iter()
            .enumerate()
            .filter_map(|(i, &(s, e))| {
                let target = pizhu::core::annotation::describe(&article.text, s, e).ok()?;
                Some(pizhu::core::annotation::Annotation {
                    id: format!("a{i}"),
                    article: String::new(),
                    label: "fact".into(),
                    note: String::new(),
                    created: 0,
                    modified: 0,
                    target,
                })
            })
            .collect();
        let placed: Vec<Option<(usize, usize)>> = annotations
            .iter()
            .map(|a| Some((a.target.position.start, a.target.position.end)))
            .collect();
        let info = ArticleInfo::of(&article);
        let json = export_collection(
            &ArticleExport {
                info: &info,
                annotations: &annotations,
                text: Some(PlacedText {
                    canonical: &article.text,
                    spans: &placed,
                }),
            },
            &default_labels(),
            &Generator::pizhu(),
            0,
        );
        let file: Value = serde_json::from_str(&json).expect("JSON");
        let mut here = 0;
        let items = file["first"]["items"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        for item in &items {
            let q = &item["target"]["selector"][0];
            let whole = format!(
                "{}{}{}",
                q["prefix"].as_str().unwrap_or_default(),
                q["exact"].as_str().unwrap_or_default(),
                q["suffix"].as_str().unwrap_or_default()
            );
            if original.contains(&whole) {
                here += 1;
            }
        }
        eprintln!(
            "original HTML of {}: {here} of {} quotes found",
            path.display(),
            items.len()
        );
        found += here;
        total += items.len();
    }
    let share = found as f64 / total as f64;
    eprintln!(
        "original HTML, whole corpus: {found} of {total} quotes with context found ({:.1}%)",
        share * 100.0
    );
    assert!(total > 500, "{total} annotations");
    assert!(share >= 0.95, "{:.1}% found", share * 100.0);
}
