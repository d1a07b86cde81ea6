//! Export format versions: version 1 files (selectors over the canonical text) still import
//! and anchor exactly; version 2 files (over the rendered text) anchor exactly too, and their
//! selectors hold over the rendered text the way a DOM-reading peer evaluates them.
#![cfg(not(target_arch = "wasm32"))]

use pizhu::core::annotation::{anchor_all, Anchored, Annotation, Target};
use pizhu::core::article::{self, Article, Block, RunKind};
use pizhu::core::interchange::{
    export_collection, import, ArticleExport, ArticleInfo, Generator, PlacedText,
};
use pizhu::core::label::default_labels;
use pizhu::core::text::RenderedText;
use serde_json::Value;

const CASES: [(&str, &str); 2] = [
    (
        "tests/fixtures/interchange/v1/seed.v1.json",
        "tests/fixtures/corpus/000_300e9268c282232a.txt",
    ),
    (
        "tests/fixtures/interchange/v1/ft-1044850.v1.json",
        "tests/fixtures/corpus/ft/1044850.md",
    ),
];

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn imported(json: &str) -> Vec<Annotation> {
    let set = import(json.as_bytes()).expect("imports");
    assert_eq!(set.groups.len(), 1);
    set.groups[0].annotations.clone()
}

fn targets(annotations: &[Annotation]) -> Vec<Target> {
    annotations.iter().map(|a| a.target.clone()).collect()
}

/// The text a peer reads from the rendered article body: every text run, in order, and
/// nothing for `<br>` or between blocks (`src/ui/blocks.rs` renders exactly these runs).
fn dom_text(article: &Article) -> String {
    article
        .blocks
        .iter()
        .flat_map(Block::units)
        .flat_map(|unit| unit.runs.iter())
        .filter_map(|run| match &run.kind {
            RunKind::Text(text) => Some(text.as_str()),
            RunKind::Break => None,
        })
        .collect()
}

/// Where each annotation anchors over the article's canonical text.
fn spans_of(article: &Article, annotations: &[Annotation]) -> Vec<Option<(usize, usize)>> {
    anchor_all(&article.text, &targets(annotations))
        .iter()
        .map(Anchored::span)
        .collect()
}

/// The export of the open `article`, as the page writes it: selectors over the rendered text.
fn export_open(
    article: &Article,
    annotations: &[Annotation],
    spans: &[Option<(usize, usize)>],
) -> String {
    let info = ArticleInfo::of(article);
    export_collection(
        &ArticleExport {
            info: &info,
            annotations,
            text: Some(PlacedText {
                canonical: &article.text,
                spans,
            }),
        },
        &default_labels(),
        &Generator::pizhu(),
        0,
    )
}

#[test]
fn version_1_exports_still_anchor_exactly() {
    for (export, article_file) in CASES {
        let article = article::parse(&read(article_file)).expect("article parses");
        let file: Value = serde_json::from_str(&read(export)).expect("JSON");
        assert_eq!(file["pizhu:version"], 1);
        let annotations = imported(&read(export));
        assert_eq!(annotations.len(), 19, "{export}");
        for (a, got) in annotations
            .iter()
            .zip(anchor_all(&article.text, &targets(&annotations)))
        {
            let p = a.target.position;
            assert_eq!(
                got,
                Anchored::Exact {
                    start: p.start,
                    end: p.end
                },
                "{export}: {}",
                a.id
            );
        }
    }
}

#[test]
fn version_2_re_export_anchors_where_version_1_did() {
    for (export, article_file) in CASES {
        let article = article::parse(&read(article_file)).expect("article parses");
        let old = imported(&read(export));
        let spans = spans_of(&article, &old);
        let json = export_open(&article, &old, &spans);
        let again = imported(&json);
        let got: Vec<Anchored> = anchor_all(&article.text, &targets(&again));
        for ((span, got), a) in spans.iter().zip(&got).zip(&again) {
            assert_eq!(got.span(), *span, "{export}: {}", a.id);
            assert!(matches!(got, Anchored::Exact { .. }), "{export}: {got:?}");
        }
    }
}

/// What `@apache-annotator/dom` does with a TextQuoteSelector and a TextPositionSelector over
/// the page's text, done over `dom_text`: every selector of a version 2 export finds exactly
/// the annotated text, once.
#[test]
fn version_2_selectors_hold_over_the_rendered_text() {
    for (export, article_file) in CASES {
        let article = article::parse(&read(article_file)).expect("article parses");
        let dom = dom_text(&article);
        assert_eq!(RenderedText::new(&article.text).text(), dom);
        let old = imported(&read(export));
        let spans = spans_of(&article, &old);
        let json = export_open(&article, &old, &spans);
        let file: Value = serde_json::from_str(&json).expect("JSON");
        let chars: Vec<char> = dom.chars().collect();
        let items = file["first"]["items"].as_array().expect("items");
        assert_eq!(items.len(), 19);
        for item in items {
            let quote = &item["target"]["selector"][0];
            let position = &item["target"]["selector"][1];
            let (exact, prefix, suffix) = (
                quote["exact"].as_str().unwrap_or_default(),
                quote["prefix"].as_str().unwrap_or_default(),
                quote["suffix"].as_str().unwrap_or_default(),
            );
            let whole = format!("{prefix}{exact}{suffix}");
            let found: Vec<usize> = dom.match_indices(&whole).map(|(at, _)| at).collect();
            assert_eq!(found.len(), 1, "{export}: {whole:?} found {found:?}");
            let start = dom[..found[0]].chars().count() + prefix.chars().count();
            let end = start + exact.chars().count();
            let as_count = |v: &Value| v.as_u64().unwrap_or(u64::MAX) as usize;
            assert_eq!(
                (as_count(&position["start"]), as_count(&position["end"])),
                (start, end)
            );
            let text: String = chars[start..end].iter().collect();
            assert_eq!(text, exact);
        }
    }
}

/// Every "\n" of the canonical text is a separator (text runs never hold one), so the
/// rendered text is the page's text for every corpus article.
#[test]
fn rendered_text_is_the_page_text_for_the_whole_corpus() {
    let mut files = Vec::new();
    let mut dirs = vec![std::path::PathBuf::from("tests/fixtures/corpus")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("corpus dir").flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "md" || e == "txt")
                && !path.to_string_lossy().contains("README")
            {
                files.push(path);
            }
        }
    }
    assert!(files.len() >= 20, "corpus files: {}", files.len());
    for path in files {
        let article =
            article::parse(&std::fs::read_to_string(&path).expect("read")).expect("article parses");
        assert_eq!(
            RenderedText::new(&article.text).text(),
            dom_text(&article),
            "{}",
            path.display()
        );
    }
}
