//! The library view's order and filters: by date (published, else added), outlet, title or
//! most annotated; only an outlet, a label or a date range.
#![cfg(not(target_arch = "wasm32"))]

use pizhu::core::annotation::Annotation;
use pizhu::core::library::{
    arrange, label_counts, ArticleRecord, LabelCounts, LibraryView, SortBy,
};

fn record(
    key: &str,
    title: &str,
    outlet: &str,
    published_ms: Option<i64>,
    added_ms: i64,
) -> ArticleRecord {
    ArticleRecord {
        version: 1,
        key: key.into(),
        title: title.into(),
        outlet: outlet.into(),
        url: None,
        published_ms,
        added_ms,
        updated_ms: added_ms,
        hash: String::new(),
        size: 0,
        text: String::new(),
    }
}

fn library() -> Vec<ArticleRecord> {
    vec![
        record("a", "banana", "VOA", Some(300), 1),
        record("b", "Apple", "DW", Some(100), 1),
        record("c", "cherry", "DW", None, 200),
        record("d", "中国", "BBC", Some(400), 1),
    ]
}

fn counts() -> Vec<(String, LabelCounts)> {
    vec![
        ("b".into(), vec![("policy".into(), 3), ("quote".into(), 1)]),
        ("c".into(), vec![("quote".into(), 2)]),
        ("a".into(), vec![("policy".into(), 0)]),
    ]
}

fn keys(view: LibraryView) -> Vec<String> {
    arrange(&library(), &counts(), &view)
}

fn sorted(sort: SortBy) -> Vec<String> {
    keys(LibraryView {
        sort,
        ..LibraryView::default()
    })
}

#[test]
fn by_date_the_most_recent_first_published_else_added() {
    assert_eq!(sorted(SortBy::Date), ["d", "a", "c", "b"]);
}

#[test]
fn by_outlet_alphabetically_then_most_recent() {
    assert_eq!(sorted(SortBy::Outlet), ["d", "c", "b", "a"]);
}

#[test]
fn by_title_without_case_latin_before_chinese() {
    assert_eq!(sorted(SortBy::Title), ["b", "a", "c", "d"]);
}

#[test]
fn most_annotated_first_then_most_recent() {
    assert_eq!(sorted(SortBy::MostAnnotated), ["b", "c", "d", "a"]);
}

#[test]
fn only_one_outlet() {
    assert_eq!(
        keys(LibraryView {
            outlet: Some("DW".into()),
            ..LibraryView::default()
        }),
        ["c", "b"]
    );
}

#[test]
fn only_articles_with_an_annotation_of_a_label() {
    // "a" lists policy with a count of 0: it has none.
    assert_eq!(
        keys(LibraryView {
            label: Some("policy".into()),
            ..LibraryView::default()
        }),
        ["b"]
    );
}

#[test]
fn only_a_date_range_from_inclusive_until_exclusive() {
    let view = LibraryView {
        from_ms: Some(200),
        until_ms: Some(400),
        ..LibraryView::default()
    };
    assert_eq!(keys(view), ["a", "c"]);
}

#[test]
fn filters_combine_and_keep_the_sort() {
    let view = LibraryView {
        sort: SortBy::MostAnnotated,
        outlet: Some("DW".into()),
        label: Some("quote".into()),
        ..LibraryView::default()
    };
    assert_eq!(keys(view), ["b", "c"]);
}

#[test]
fn equal_dates_go_by_key() {
    let records = [
        record("y", "t", "", Some(5), 0),
        record("x", "t", "", Some(5), 0),
    ];
    assert_eq!(arrange(&records, &[], &LibraryView::default()), ["x", "y"]);
}

#[test]
fn label_counts_count_each_label_once_by_id() {
    let with = |label: &str| Annotation {
        id: String::new(),
        article: String::new(),
        label: label.into(),
        note: String::new(),
        created: 0,
        modified: 0,
        target: Default::default(),
    };
    assert_eq!(
        label_counts(&[with("quote"), with("policy"), with("quote")]),
        [("policy".to_string(), 1), ("quote".to_string(), 2)]
    );
}
