//! Deleting articles from the library: their annotations deleted in a way every tab agrees
//! on (tombstones that win over a stale copy), brought back by Undo (and winning over the
//! deletion wherever it was merged), and a selection's annotations exported first, with each
//! article's title and URL, in a file pizhu imports again.
#![cfg(not(target_arch = "wasm32"))]

use pizhu::core::annotation::{
    merge, Annotation, ArticleState, Target, TextPositionSelector, TextQuoteSelector,
};
use pizhu::core::interchange::import;
use pizhu::core::label::default_labels;
use pizhu::core::library::{export_annotations, ArticleRecord};

fn annotation(id: &str, article: &str, exact: &str, modified: i64) -> Annotation {
    Annotation {
        id: id.into(),
        article: article.into(),
        label: "policy".into(),
        note: format!("note on {exact}"),
        created: 1,
        modified,
        target: Target {
            quote: TextQuoteSelector {
                exact: exact.into(),
                ..TextQuoteSelector::default()
            },
            position: TextPositionSelector {
                start: 0,
                end: exact.chars().count(),
            },
        },
    }
}

fn state(annotations: Vec<Annotation>) -> ArticleState {
    ArticleState {
        annotations,
        tombstones: Vec::new(),
    }
}

fn record(key: &str, title: &str, url: Option<&str>) -> ArticleRecord {
    ArticleRecord {
        version: 1,
        key: key.into(),
        title: title.into(),
        outlet: "DW".into(),
        url: url.map(Into::into),
        published_ms: Some(1_715_609_823_000),
        added_ms: 1,
        updated_ms: 1,
        hash: String::new(),
        size: 0,
        text: String::new(),
    }
}

/// Two annotations (one changed after the deletion's clock), and the state after
/// `delete_all` at 1,000 ms.
fn deleted_at_1000() -> (ArticleState, ArticleState) {
    let before = state(vec![
        annotation("a", "k", "一", 10),
        annotation("b", "k", "二", 5_000),
    ]);
    let mut deleted = before.clone();
    deleted.delete_all(1_000);
    (before, deleted)
}

#[test]
fn deleting_every_annotation_wins_over_another_tabs_copy() {
    let (before, deleted) = deleted_at_1000();
    assert!(deleted.annotations.is_empty());
    assert_eq!(deleted.tombstones.len(), 2);
    // An annotation changed after the clock of the deletion is still deleted.
    assert!(deleted
        .tombstones
        .iter()
        .any(|t| t.id == "b" && t.deleted == 5_000));
    // Another tab still holding the old state merges to the deletion, either way round.
    assert!(merge(deleted.clone(), before.clone())
        .annotations
        .is_empty());
    assert!(merge(before.clone(), deleted.clone())
        .annotations
        .is_empty());
}

#[test]
fn undo_brings_the_annotations_back_everywhere_even_in_the_same_millisecond() {
    let (before, deleted) = deleted_at_1000();
    // Undone at the very millisecond of the deletion, and with a clock behind it.
    for now in [1_000, 999, 20_000] {
        let revived = ArticleState::revived(&before.annotations, 1_000, now);
        let merged = merge(deleted.clone(), revived.clone());
        let texts: Vec<&str> = merged
            .annotations
            .iter()
            .map(|a| a.target.quote.exact.as_str())
            .collect();
        assert_eq!(texts, ["一", "二"], "undone at {now}");
        assert!(merged.tombstones.is_empty());
        // Unchanged but for `modified`.
        for (back, was) in merged.annotations.iter().zip(&before.annotations) {
            assert_eq!(
                (&back.id, &back.note, back.created),
                (&was.id, &was.note, was.created)
            );
        }
        // A tab that had merged the deletion, and one that still has the old state, agree.
        assert_eq!(merge(merged.clone(), deleted.clone()), merged);
        assert_eq!(merge(before.clone(), merged.clone()), merged);
    }
}

#[test]
fn a_selections_annotations_export_with_their_articles_and_import_again() {
    let dw = record(
        "https://www.dw.com/zh/a-1",
        "德国之声的文章",
        Some("https://www.dw.com/zh/a-1"),
    );
    let local = record("sha256:abc", "没有网址的文章", None);
    let empty = record(
        "https://www.voa.com/x",
        "No annotations",
        Some("https://www.voa.com/x"),
    );
    let dw_marks = vec![
        annotation("a", &dw.key, "一", 10),
        annotation("b", &dw.key, "二", 11),
    ];
    let local_marks = vec![annotation("c", &local.key, "三", 12)];
    let json = export_annotations(
        &[(&dw, &dw_marks), (&local, &local_marks), (&empty, &[])],
        &default_labels(),
        1_000,
    );
    let set = import(json.as_bytes()).expect("pizhu reads its own export");
    assert_eq!(
        set.groups.len(),
        2,
        "the article without annotations is left out"
    );
    assert_eq!(set.groups[0].url.as_deref(), dw.url.as_deref());
    assert_eq!(set.groups[0].title.as_deref(), Some("德国之声的文章"));
    assert_eq!(set.groups[0].annotations.len(), 2);
    assert_eq!(set.groups[1].key_hint.as_deref(), Some("sha256:abc"));
    assert_eq!(set.groups[1].title.as_deref(), Some("没有网址的文章"));
    assert_eq!(set.groups[1].annotations[0].note, "note on 三");
    assert!(json.contains("2024-05-13"), "the publish date is written");
}
