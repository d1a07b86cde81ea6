//! Export then import restores the annotations exactly; importing the same file twice
//! changes nothing the second time; every export validates against the schema.
#![cfg(not(target_arch = "wasm32"))]

mod interchange_common;

use interchange_common::*;
use pizhu::core::annotation::{
    Annotation, ArticleState, Target, TextPositionSelector, TextQuoteSelector,
};
use pizhu::core::interchange::{
    apply, export_all, import, import_with_labels, plan, strip_controls, ArticleExport,
    ArticleInfo, ConflictChoice, Generator,
};
use proptest::prelude::*;

fn import_into_empty(json: &str) -> (ArticleState, Vec<Annotation>) {
    let set = import_with_labels(json.as_bytes(), &labels()).expect("export imports");
    assert_eq!(set.groups.len(), 1);
    let incoming = set.groups[0].annotations.clone();
    let empty = ArticleState::new();
    let state = apply(&empty, &plan(&empty, &incoming), ConflictChoice::KeepMine);
    (state, incoming)
}

#[test]
fn export_then_import_restores_everything() {
    let article = article();
    let mut annotations = sample(&article);
    annotations.push(on(&article, &uuid(4), "needs-check", "", 0, 2));
    let json = export(&article, &annotations);
    let (state, incoming) = import_into_empty(&json);
    assert_same(&incoming, &annotations);
    // Counted over the rendered text, they land exactly where the originals are.
    assert_eq!(spans(&article, &incoming), spans(&article, &annotations));
    assert!(spans(&article, &incoming).iter().all(Option::is_some));
    assert!(state.tombstones.is_empty());
    let mut stored = state.annotations.clone();
    pizhu::core::sort::sort_by(&mut stored, |a, b| a.id.cmp(&b.id));
    assert_same(&stored, &annotations);
}

#[test]
fn group_carries_the_article() {
    let article = article();
    let json = export(&article, &sample(&article));
    let set = import(json.as_bytes()).expect("imports");
    let group = &set.groups[0];
    assert_eq!(group.url.as_deref(), Some(URL));
    assert_eq!(group.key_hint.as_deref(), Some(URL));
    assert_eq!(group.title.as_deref(), Some(article.meta.title.as_str()));
    assert_eq!(group.content_hash, Some(info(&article).content_hash));
    assert!(group.new_labels.is_empty(), "all built-in labels");
}

#[test]
fn custom_labels_travel_with_the_file() {
    let article = article();
    let json = export(&article, &[on(&article, &uuid(9), "needs-check", "", 0, 2)]);
    // The reader knows only the built-in labels: the file's definition comes back as new.
    let set = import(json.as_bytes()).expect("imports");
    assert_eq!(set.groups[0].annotations[0].label, "needs-check");
    assert_eq!(set.groups[0].new_labels, vec![custom_label()]);
}

#[test]
fn importing_the_same_file_twice_changes_nothing() {
    let article = article();
    let json = export(&article, &sample(&article));
    let (state, _) = import_into_empty(&json);
    let again = import(json.as_bytes()).expect("imports");
    let second = plan(&state, &again.groups[0].annotations);
    assert_eq!(second.unchanged.len(), 3);
    assert!(second.changes_nothing(), "{second:?}");
    for choice in [ConflictChoice::KeepMine, ConflictChoice::TakeTheirs] {
        assert_eq!(apply(&state, &second, choice), state);
    }
}

#[test]
fn article_without_url_uses_its_key() {
    let article = article();
    let info = ArticleInfo {
        key: "sha256:abc".to_owned(),
        url: None,
        ..info(&article)
    };
    let mut annotations = sample(&article);
    for a in &mut annotations {
        a.article = info.key.clone();
    }
    let json = pizhu::core::interchange::export_collection(
        &ArticleExport::stored(&info, &annotations),
        &labels(),
        &Generator::pizhu(),
        NOW,
    );
    assert!(json.contains("\"source\": \"urn:pizhu:article:sha256:abc\""));
    assert!(schema_errors(&schema(), &json).is_empty());
    let set = import(json.as_bytes()).expect("imports");
    assert_eq!(set.groups[0].url, None);
    assert_same(&set.groups[0].annotations, &annotations);
}

#[test]
fn export_all_round_trips_several_articles() {
    let article = article();
    let first = sample(&article);
    let other_info = ArticleInfo {
        key: "https://www.voa.com/zh/b-2".to_owned(),
        url: Some("https://www.voa.com/zh/b-2".to_owned()),
        title: "另一篇".to_owned(),
        published_ms: None,
        content_hash: pizhu::core::interchange::content_hash("另一篇"),
    };
    let mut second = vec![on(&article, &uuid(7), "opinion", "另一篇文章", 0, 3)];
    second[0].article = other_info.key.clone();
    let info = info(&article);
    let json = export_all(
        &[
            ArticleExport::stored(&info, &first),
            ArticleExport::stored(&other_info, &second),
        ],
        &labels(),
        &Generator::pizhu(),
        NOW,
    );
    assert!(json.trim_start().starts_with('['));
    assert_eq!(schema_errors(&schema(), &json), Vec::<String>::new());
    let set = import(json.as_bytes()).expect("imports");
    assert_eq!(set.groups.len(), 2);
    assert_same(&set.groups[0].annotations, &first);
    assert_same(&set.groups[1].annotations, &second);
    assert_eq!(set.groups[1].title.as_deref(), Some("另一篇"));
}

#[test]
fn exports_validate_against_the_schema() {
    let validator = schema();
    let article = article();
    for annotations in [vec![], sample(&article)] {
        let json = export(&article, &annotations);
        assert_eq!(
            schema_errors(&validator, &json),
            Vec::<String>::new(),
            "{json}"
        );
    }
    // The schema is not a rubber stamp.
    let json = export(&article, &sample(&article)).replace("\"highlighting\"", "\"bookmarking\"");
    assert!(!schema_errors(&validator, &json).is_empty());
    let json =
        export(&article, &sample(&article)).replace("\"pizhu:version\": 2", "\"pizhu:version\": 3");
    assert!(!schema_errors(&validator, &json).is_empty());
}

fn note() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("中文".to_owned()),
        Just("🙂👨‍👩‍👧".to_owned()),
        Just("\"quoted\" 'single'".to_owned()),
        Just("<script>alert(1)</script>".to_owned()),
        Just("&amp; <b>x</b>".to_owned()),
        Just("\n".to_owned()),
        Just("\t".to_owned()),
        Just("\r\n".to_owned()),
        prop::sample::select(vec![
            '\0', '\u{1}', '\u{7}', '\u{1b}', '\u{7f}', '\u{85}', '\u{9f}'
        ])
        .prop_map(String::from),
        proptest::char::range('\u{4E00}', '\u{9FFF}').prop_map(String::from),
        proptest::char::range('\u{1F300}', '\u{1F6FF}').prop_map(String::from),
        "[a-zA-Z0-9 .,!?]{0,8}",
    ];
    prop::collection::vec(piece, 0..12).prop_map(|p| p.concat())
}

fn annotation(n: u32) -> impl Strategy<Value = Annotation> {
    (
        note(),
        prop::sample::select(vec!["policy", "fact", "quote", "opinion", "needs-check"]),
        (0i64..4_102_444_800_000, 0i64..100_000_000),
        (0usize..5000, 1usize..200),
        ("\\PC{1,12}", "\\PC{0,6}", "\\PC{0,6}"),
    )
        .prop_map(
            move |(note, label, (created, age), (start, len), (exact, prefix, suffix))| {
                Annotation {
                    id: uuid(n),
                    article: URL.to_owned(),
                    label: label.to_owned(),
                    note,
                    created,
                    modified: created + age,
                    target: Target {
                        quote: TextQuoteSelector {
                            exact,
                            prefix,
                            suffix,
                        },
                        position: TextPositionSelector {
                            start,
                            end: start + len,
                        },
                    },
                }
            },
        )
}

fn annotations() -> impl Strategy<Value = Vec<Annotation>> {
    (0usize..6).prop_flat_map(|n| (0..n as u32).map(annotation).collect::<Vec<_>>())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn random_annotations_round_trip(annotations in annotations()) {
        // Random targets land anywhere or nowhere in the article, and an open article's
        // export describes where each one lands now; what storage holds is what must survive.
        let article = article();
        let json = export_stored(&article, &annotations);
        let set = import_with_labels(json.as_bytes(), &labels());
        if annotations.is_empty() {
            prop_assert_eq!(set, Err(pizhu::core::interchange::ImportError::Empty));
            return Ok(());
        }
        let set = set.map_err(|e| TestCaseError::fail(e.to_string()))?;
        let expected: Vec<Annotation> = annotations
            .iter()
            .cloned()
            .map(|mut a| {
                a.note = strip_controls(&a.note);
                a
            })
            .collect();
        assert_same(&set.groups[0].annotations, &expected);
        let empty = ArticleState::new();
        let state = apply(&empty, &plan(&empty, &set.groups[0].annotations), ConflictChoice::KeepMine);
        let again = plan(&state, &set.groups[0].annotations);
        prop_assert!(again.changes_nothing());
        prop_assert_eq!(apply(&state, &again, ConflictChoice::TakeTheirs), state);
    }

    #[test]
    fn random_exports_validate(annotations in annotations()) {
        let article = article();
        let json = export(&article, &annotations);
        prop_assert_eq!(schema_errors(&schema(), &json), Vec::<String>::new());
    }
}
