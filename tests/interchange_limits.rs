//! What an import may store: label ids and names, notes, contexts and annotation ids have
//! limits (a tiny share link must not fill the browser's storage by repeating a 1 MB label
//! id with every annotation), disguising characters (bidi overrides, zero-width spaces) are
//! removed where they have no business, and a label that looks like another is told apart.
//! Each change is reported with where it was.
#![cfg(not(target_arch = "wasm32"))]

mod interchange_common;

use interchange_common::*;
use pizhu::core::annotation::{ArticleState, MAX_NOTE_CHARS};
use pizhu::core::interchange::{import_with_labels, review, MAX_CONTEXT_CHARS};
use pizhu::core::label::{default_labels, MAX_LABEL_ID_CHARS, MAX_LABEL_NAME_CHARS};
use pizhu::core::store::{AnnotationRepo, MemoryStore};
use serde_json::{json, Value};

/// A pizhu-style collection with `items`, defining `labels`.
fn collection(labels: Value, items: Vec<Value>) -> Vec<u8> {
    json!({
        "@context": ["http://www.w3.org/ns/anno.jsonld", {"pizhu": "https://pizhu.invalid/ns#"}],
        "type": "AnnotationCollection",
        "pizhu:version": 1,
        "pizhu:labels": labels,
        "first": {"type": "AnnotationPage", "items": items}
    })
    .to_string()
    .into_bytes()
}

fn item(n: u32, label: &str, note: &str, prefix: &str) -> Value {
    json!({
        "type": "Annotation",
        "id": format!("urn:uuid:{}", uuid(n)),
        "body": [
            {"type": "TextualBody", "purpose": "classifying", "value": label},
            {"type": "TextualBody", "purpose": "commenting", "value": note}
        ],
        "target": {
            "source": URL,
            "selector": [{"type": "TextQuoteSelector", "exact": "我们承诺", "prefix": prefix}]
        }
    })
}

fn label(id: &str, zh: &str, en: &str) -> Value {
    json!({"id": id, "nameZh": zh, "nameEn": en, "color": "#2563eb", "underline": "solid"})
}

#[test]
fn a_huge_label_id_and_name_are_cut_and_the_stored_size_stays_small() {
    // Within the 5 MiB import limit: 2 x 0.9 MB of name, 21 x 100 KB of id.
    let huge = "政".repeat(300_000);
    let id = "a".repeat(100_000);
    let items: Vec<Value> = (0..20).map(|n| item(n, &id, "", "")).collect();
    let bytes = collection(json!([label(&id, &huge, &huge)]), items);
    let set = import_with_labels(&bytes, &default_labels()).expect("imports");
    let group = &set.groups[0];
    let new = &group.new_labels[0];
    assert_eq!(new.id.chars().count(), MAX_LABEL_ID_CHARS);
    assert!(new.name_zh.chars().count() <= MAX_LABEL_NAME_CHARS);
    assert!(new.name_en.chars().count() <= MAX_LABEL_NAME_CHARS);
    assert!(group.annotations.iter().all(|a| a.label == new.id));
    assert!(set.adjusted.iter().any(|a| a.reason.contains("name cut")));

    // The review says how much would be stored: 20 short annotations, not 20 MB.
    let article = article();
    let mut repo = AnnotationRepo::new(MemoryStore::new(), || 0);
    let found = review(
        &bytes,
        &default_labels(),
        &info(&article),
        &ArticleState::new(),
        &mut repo,
    )
    .expect("reviews");
    let stored: usize = found.groups.iter().map(|g| g.stored_bytes).sum();
    assert!(stored > 0 && stored < 20_000, "stored {stored} bytes");
    assert!(!found.adjusted.is_empty());
}

#[test]
fn a_zero_width_look_alike_of_a_known_label_is_that_label() {
    let bytes = collection(
        json!([label("policy\u{200b}", "政策表态", "Policy statement")]),
        vec![item(1, "policy\u{200b}", "", "")],
    );
    let set = import_with_labels(&bytes, &default_labels()).expect("imports");
    let group = &set.groups[0];
    assert_eq!(group.annotations[0].label, "policy");
    assert!(group.new_labels.is_empty(), "{:?}", group.new_labels);
}

#[test]
fn a_new_label_named_like_a_known_one_is_renamed_and_the_review_says_so() {
    let bytes = collection(
        json!([label("x", "政策表态\u{200b}", "Other")]),
        vec![item(1, "x", "", "")],
    );
    let set = import_with_labels(&bytes, &default_labels()).expect("imports");
    let new = &set.groups[0].new_labels[0];
    assert_eq!(new.id, "x");
    assert_eq!(new.name_zh, "政策表态 (x)");
    assert_eq!(new.name_en, "Other");
    assert!(set
        .adjusted
        .iter()
        .any(|a| a.path == "label x" && a.reason.contains("another label has that name")));
}

#[test]
fn notes_lose_bidi_overrides_and_zero_width_spaces_but_keep_emoji_and_lines() {
    let note = "看\u{202E}这里\u{200B}\n👩\u{200D}💻 ok\u{2066}";
    let bytes = collection(json!([]), vec![item(1, "policy", note, "")]);
    let set = import_with_labels(&bytes, &default_labels()).expect("imports");
    assert_eq!(set.groups[0].annotations[0].note, "看这里\n👩\u{200D}💻 ok");
}

#[test]
fn a_long_note_and_long_contexts_are_cut_with_a_report() {
    let note = "注".repeat(MAX_NOTE_CHARS + 500);
    let prefix = format!("{}尾", "前".repeat(2 * MAX_CONTEXT_CHARS));
    let bytes = collection(json!([]), vec![item(1, "policy", &note, &prefix)]);
    let set = import_with_labels(&bytes, &default_labels()).expect("imports");
    let annotation = &set.groups[0].annotations[0];
    assert_eq!(annotation.note.chars().count(), MAX_NOTE_CHARS);
    let kept = &annotation.target.quote.prefix;
    assert_eq!(kept.chars().count(), MAX_CONTEXT_CHARS);
    assert!(
        kept.ends_with('尾'),
        "the characters nearest the quote are kept"
    );
    let reasons: Vec<&str> = set.adjusted.iter().map(|a| a.reason.as_str()).collect();
    assert!(
        reasons.iter().any(|r| r.contains("note cut")),
        "{reasons:?}"
    );
    assert!(reasons.iter().any(|r| r.contains("context")), "{reasons:?}");
    assert!(set
        .adjusted
        .iter()
        .all(|a| a.path.starts_with("first.items[0]")));
}

#[test]
fn an_overlong_annotation_id_is_replaced_by_a_stable_one() {
    let long = format!("https://tool.example/a/{}", "z".repeat(1000));
    let mut one = item(1, "policy", "", "");
    one["id"] = json!(long);
    let bytes = collection(json!([]), vec![one]);
    let first = import_with_labels(&bytes, &default_labels()).expect("imports");
    let again = import_with_labels(&bytes, &default_labels()).expect("imports");
    let id = &first.groups[0].annotations[0].id;
    assert!(id.len() < 100, "{id}");
    assert_eq!(
        id, &again.groups[0].annotations[0].id,
        "importing twice gives the same id"
    );
}

#[test]
fn the_stored_size_shown_in_the_review_is_within_ten_percent_of_what_is_written() {
    use pizhu::core::interchange::stored_size;
    use pizhu::core::store::envelope::encode_article;
    let article = article();
    for annotations in [sample(&article), sample(&article)[..1].to_vec()] {
        let state = ArticleState {
            annotations: annotations.clone(),
            tombstones: Vec::new(),
        };
        let written = encode_article(URL, &state).unwrap().len() as f64;
        let shown = stored_size(URL, &annotations) as f64;
        assert!(
            (shown - written).abs() <= written * 0.1,
            "shown {shown}, written {written}"
        );
    }
}
