//! The shapes import recognises besides pizhu's own export: a bare W3C Annotation, a list
//! of them, another tool's AnnotationCollection or AnnotationPage.
#![cfg(not(target_arch = "wasm32"))]

use pizhu::core::interchange::{import, UNTAGGED};
use serde_json::json;

fn quote_target(source: &str, exact: &str) -> serde_json::Value {
    json!({"source": source, "selector": {"type": "TextQuoteSelector", "exact": exact}})
}

#[test]
fn a_bare_w3c_annotation() {
    // Shaped like the W3C model's examples: body as one object, classifying purpose,
    // a bodyValue-free note body without purpose, selector as an object, no position.
    let doc = json!({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": "http://example.org/anno23",
        "type": "Annotation",
        "created": "2015-01-28T12:00:00Z",
        "body": [
            {"type": "TextualBody", "purpose": ["classifying"], "value": "Opinion"},
            {"type": "TextualBody", "value": "<p>Comment</p>", "format": "text/html", "language": "en"}
        ],
        "target": quote_target("http://example.org/page1", "annotation")
    });
    let set = import(doc.to_string().as_bytes()).expect("imports");
    let a = &set.groups[0].annotations[0];
    assert_eq!(a.id, "http://example.org/anno23");
    assert_eq!(a.label, "opinion");
    assert_eq!(a.note, "<p>Comment</p>");
    assert_eq!(
        (a.created, a.modified),
        (1_422_446_400_000, 1_422_446_400_000)
    );
    assert_eq!((a.target.position.start, a.target.position.end), (0, 0));
    assert_eq!(a.article, "http://example.org/page1");
}

#[test]
fn body_value_and_missing_ids() {
    let doc = json!({"type": "Annotation", "bodyValue": "Just a note",
        "target": [quote_target("https://example.org/a", "words")]});
    let first = import(doc.to_string().as_bytes()).expect("imports");
    let second = import(doc.to_string().as_bytes()).expect("imports");
    let a = &first.groups[0].annotations[0];
    assert_eq!(a.note, "Just a note");
    assert_eq!(a.label, UNTAGGED);
    assert_eq!(a.id.len(), 36, "an id derived from the content");
    assert_eq!(
        a.id, second.groups[0].annotations[0].id,
        "and the same each time"
    );
}

#[test]
fn a_list_of_annotations_groups_by_source() {
    let tag = |value: &str| json!({"type": "TextualBody", "purpose": "tagging", "value": value});
    let doc = json!([
        {"type": "Annotation", "id": "urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e",
         "body": [tag("台湾"), tag("引语")], "target": quote_target("https://a.example/1", "x")},
        {"type": "Annotation", "id": "two", "body": tag("Human rights"),
         "target": quote_target("https://b.example/2", "y")},
        {"type": "Annotation", "id": "three", "body": [tag("human-rights")],
         "target": quote_target("https://a.example/1", "z")},
        {"type": "Annotation", "id": "four", "target": quote_target("urn:pizhu:article:sha256:ab", "w")}
    ]);
    let set = import(doc.to_string().as_bytes()).expect("imports");
    let keys: Vec<&str> = set.groups.iter().map(|g| g.key()).collect();
    assert_eq!(
        keys,
        ["https://a.example/1", "https://b.example/2", "sha256:ab"]
    );
    let a = &set.groups[0].annotations;
    assert_eq!(a[0].id, "0f8fad5b-d9cb-469f-a165-70867728950e");
    assert_eq!(
        a[0].label, "quote",
        "a known label wins over an earlier free tag"
    );
    assert_eq!(a[1].label, "human-rights");
    assert_eq!(set.groups[1].annotations[0].label, "human-rights");
    assert_eq!(set.groups[1].new_labels.len(), 1);
    assert_eq!(
        set.groups[0].new_labels.len(),
        1,
        "the group lists the new labels it uses"
    );
    assert_eq!(set.groups[2].key_hint.as_deref(), Some("sha256:ab"));
    assert_eq!(set.groups[2].url, None);
}

#[test]
fn another_tools_collection_and_page() {
    let item = json!({"type": "Annotation", "id": "i1",
        "body": {"type": "TextualBody", "purpose": "tagging", "value": "Policy"},
        "target": quote_target("https://a.example/1", "x")});
    let collection = json!({"@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "AnnotationCollection", "id": "https://a.example/c", "label": "Theirs",
        "total": 1, "first": {"type": "AnnotationPage", "items": [item.clone()]}});
    let set = import(collection.to_string().as_bytes()).expect("imports");
    assert_eq!(set.groups[0].annotations[0].label, "policy");
    assert_eq!(set.groups[0].url.as_deref(), Some("https://a.example/1"));

    let page = json!({"type": "AnnotationPage", "items": [item]});
    let set = import(page.to_string().as_bytes()).expect("imports");
    assert_eq!(set.len(), 1);
}
