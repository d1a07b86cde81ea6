//! Search across the library: folding (case, full-width forms, the ideographic space) with
//! its way back to the original offsets, substring matches in titles, texts, quotes and
//! notes, the order and the limit of the results, and their snippets.
#![cfg(not(target_arch = "wasm32"))]

use pizhu::core::annotation::{Annotation, Target, TextPositionSelector, TextQuoteSelector};
use pizhu::core::library::{fold, ArticleRecord, Folded, Hit, Place, SearchIndex};

fn record(key: &str, title: &str, published_ms: i64, text: &str) -> ArticleRecord {
    ArticleRecord {
        version: 1,
        key: key.into(),
        title: title.into(),
        outlet: "DW".into(),
        url: None,
        published_ms: Some(published_ms),
        added_ms: 0,
        updated_ms: 0,
        hash: String::new(),
        size: 0,
        text: text.into(),
    }
}

fn annotation(id: &str, label: &str, start: usize, exact: &str, note: &str) -> Annotation {
    Annotation {
        id: id.into(),
        article: "a".into(),
        label: label.into(),
        note: note.into(),
        created: 0,
        modified: 0,
        target: Target {
            quote: TextQuoteSelector {
                exact: exact.into(),
                ..TextQuoteSelector::default()
            },
            position: TextPositionSelector {
                start,
                end: start + exact.chars().count(),
            },
        },
    }
}

fn index(records: &[ArticleRecord]) -> SearchIndex {
    let mut index = SearchIndex::new();
    for r in records {
        index.insert(r, &[]);
    }
    index
}

/// (key, place, range) of every hit.
fn found(index: &SearchIndex, query: &str) -> Vec<(String, Place, (usize, usize))> {
    index
        .search(query, 100)
        .hits
        .into_iter()
        .map(|h| (h.key, h.place, h.range))
        .collect()
}

#[test]
fn latin_letters_fold_to_lowercase() {
    assert_eq!(fold("Hello WORLD"), "hello world");
    assert_eq!(fold("ÉLYSÉE Ωμέγα ЖУК"), "élysée ωμέγα жук");
}

#[test]
fn full_width_ascii_forms_fold_to_ascii() {
    assert_eq!(fold("ＡＢＣ１２３"), "abc123");
    assert_eq!(fold("中国，美国！（２０２４）"), "中国,美国!(2024)");
}

#[test]
fn the_ideographic_space_folds_to_a_space() {
    assert_eq!(fold("路透\u{3000}北京"), "路透 北京");
}

#[test]
fn chinese_and_other_uncased_text_is_kept_as_it_is() {
    assert_eq!(fold("政府发言人说。😀ㄒ"), "政府发言人说。😀ㄒ");
}

#[test]
fn a_folded_offset_maps_back_across_a_code_point_that_folds_to_two() {
    // "İ" lowercases to "i" + U+0307: folded "ai̇b" is one code point longer.
    let folded = Folded::new("aİb");
    assert_eq!(folded.text, "ai\u{307}b");
    assert_eq!(folded.original(3, false), 2);
    assert_eq!(folded.original(2, false), 1);
    assert_eq!(folded.original(2, true), 2);
    assert_eq!(folded.original(4, true), 3);
}

#[test]
fn chinese_is_found_by_substring_with_its_code_point_range() {
    let index = index(&[record("a", "标题", 1, "德国政府周五表示，政府将……")]);
    assert_eq!(
        found(&index, "政府"),
        [
            ("a".into(), Place::Text, (2, 4)),
            ("a".into(), Place::Text, (9, 11))
        ]
    );
}

#[test]
fn latin_words_are_found_without_case_and_in_full_width() {
    let index = index(&[record("a", "t", 1, "拜登说 TikTok 禁令")]);
    assert_eq!(
        found(&index, "tiktok"),
        [("a".into(), Place::Text, (4, 10))]
    );
    assert_eq!(
        found(&index, "ＴＩＫＴＯＫ"),
        [("a".into(), Place::Text, (4, 10))]
    );
}

#[test]
fn a_range_after_a_code_point_that_folds_to_two_is_in_original_offsets() {
    let index = index(&[record("a", "t", 1, "İstanbul 和 Ankara")]);
    assert_eq!(
        found(&index, "ankara"),
        [("a".into(), Place::Text, (11, 17))]
    );
}

#[test]
fn title_hits_come_first_then_articles_most_recent_first() {
    let index = index(&[
        record("old", "选举", 100, "选举结果"),
        record("new", "新闻", 300, "地方选举"),
        record("mid", "报道", 200, "选举"),
    ]);
    assert_eq!(
        found(&index, "选举"),
        [
            ("old".into(), Place::Title, (0, 2)),
            ("new".into(), Place::Text, (2, 4)),
            ("mid".into(), Place::Text, (0, 2)),
            ("old".into(), Place::Text, (0, 2)),
        ]
    );
}

#[test]
fn annotation_quotes_and_notes_follow_the_text_in_document_order() {
    let mut index = SearchIndex::new();
    index.insert(
        &record("a", "t", 1, "部长说，将推动改革。专家说，改革很难。"),
        &[
            annotation("n2", "opinion", 10, "专家说，改革很难。", ""),
            annotation("n1", "policy", 0, "部长说，将推动改革。", "改革的承诺"),
        ],
    );
    let quote = |id: &str, label: &str| Place::Quote {
        id: id.into(),
        label: label.into(),
    };
    let note = |id: &str, label: &str| Place::Note {
        id: id.into(),
        label: label.into(),
    };
    assert_eq!(
        found(&index, "改革"),
        [
            ("a".into(), Place::Text, (7, 9)),
            ("a".into(), Place::Text, (14, 16)),
            ("a".into(), quote("n1", "policy"), (7, 9)),
            ("a".into(), note("n1", "policy"), (0, 2)),
            ("a".into(), quote("n2", "opinion"), (4, 6)),
        ]
    );
}

#[test]
fn at_most_limit_hits_and_whether_there_were_more() {
    let index = index(&[record("a", "t", 1, "一一一一一")]);
    let results = index.search("一", 3);
    assert_eq!((results.hits.len(), results.more), (3, true));
    let results = index.search("一", 5);
    assert_eq!((results.hits.len(), results.more), (5, false));
}

#[test]
fn an_empty_or_blank_query_finds_nothing() {
    let index = index(&[record("a", "t", 1, "a b")]);
    assert!(index.search("", 10).hits.is_empty());
    assert!(index.search(" \u{3000}", 10).hits.is_empty());
}

#[test]
fn the_snippet_has_thirty_code_points_each_side_and_the_match_marked() {
    let text = format!("{}关键{}", "前".repeat(40), "后".repeat(40));
    let index = index(&[record("a", "t", 1, &text)]);
    let hit: Hit = index.search("关键", 1).hits.remove(0);
    assert_eq!(hit.range, (40, 42));
    assert_eq!(
        hit.snippet,
        format!("{}关键{}", "前".repeat(30), "后".repeat(30))
    );
    assert_eq!(hit.snippet_range, (30, 32));
}

#[test]
fn the_snippet_never_cuts_an_emoji_sequence_at_its_edges() {
    // The family emoji is 5 code points; 30 before the match falls inside it.
    let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}";
    let text = format!("x{family}{}关键", "字".repeat(28));
    let index = index(&[record("a", "t", 1, &text)]);
    let hit = index.search("关键", 1).hits.remove(0);
    assert_eq!(hit.snippet, format!("{family}{}关键", "字".repeat(28)));
    assert_eq!(hit.snippet_range, (33, 35));
}

#[test]
fn paragraph_separators_show_as_spaces_in_the_snippet() {
    let index = index(&[record("a", "t", 1, "第一段。\n第二段。")]);
    let hit = index.search("二", 1).hits.remove(0);
    assert_eq!(
        (hit.snippet.as_str(), hit.snippet_range),
        ("第一段。 第二段。", (6, 7))
    );
}

#[test]
fn inserting_an_article_again_replaces_it_and_removing_drops_it() {
    let mut index = index(&[record("a", "t", 1, "旧文本")]);
    index.insert(&record("a", "t", 1, "新文本"), &[]);
    assert_eq!(
        (
            index.len(),
            found(&index, "旧").len(),
            found(&index, "新").len()
        ),
        (1, 0, 1)
    );
    assert!(index.remove("a"));
    assert!(index.is_empty());
}

#[test]
fn new_annotations_are_searched_once_set() {
    let mut index = index(&[record("a", "t", 1, "正文")]);
    assert!(index.set_annotations("a", &[annotation("x", "quote", 0, "正文", "重要")]));
    assert_eq!(
        found(&index, "重要"),
        [(
            "a".into(),
            Place::Note {
                id: "x".into(),
                label: "quote".into()
            },
            (0, 2)
        )]
    );
    assert!(!index.set_annotations("missing", &[]));
}

#[test]
fn every_hit_in_the_corpus_marks_text_that_folds_to_the_query() {
    let mut index = SearchIndex::new();
    let mut texts = std::collections::HashMap::new();
    for (i, path) in std::fs::read_dir("tests/fixtures/corpus/dw")
        .expect("corpus")
        .enumerate()
    {
        let raw = std::fs::read_to_string(path.expect("entry").path()).expect("file");
        let article = pizhu::core::article::parse(&raw).expect("parses");
        let mut r = ArticleRecord::of(&article, &raw, i as i64);
        r.key = format!("{i}");
        texts.insert(r.key.clone(), r.text.clone());
        index.insert(&r, &[]);
    }
    // "," finds the full-width comma "，" the articles write; "dw" finds "DW".
    for query in [",", "dw", "的"] {
        let hits = index.search(query, 10_000).hits;
        assert!(!hits.is_empty(), "{query}");
        for hit in hits.iter().filter(|h| h.place == Place::Text) {
            let marked: String = texts[&hit.key]
                .chars()
                .skip(hit.range.0)
                .take(hit.range.1 - hit.range.0)
                .collect();
            let in_snippet: String = hit
                .snippet
                .chars()
                .skip(hit.snippet_range.0)
                .take(hit.snippet_range.1 - hit.snippet_range.0)
                .collect();
            assert_eq!(
                (fold(&marked), fold(&in_snippet)),
                (query.into(), query.into())
            );
        }
    }
}
