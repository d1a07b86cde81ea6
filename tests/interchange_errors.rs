//! Import errors: each says in plain words what is wrong, and shape errors name the exact
//! place in the file as `<path>: <problem>`.
#![cfg(not(target_arch = "wasm32"))]

mod interchange_common;

use interchange_common::*;
use pizhu::core::interchange::{
    decode_base64url, encode_base64url, import, share_fragment_prefix, ImportError,
    MAX_IMPORT_BYTES,
};
use serde_json::{json, Value};

fn exported() -> Value {
    let article = article();
    let mut annotations = sample(&article);
    annotations.push(on(&article, &uuid(4), "fact", "", 0, 2));
    serde_json::from_str(&export(&article, &annotations)).expect("export is JSON")
}

fn message(value: &Value) -> String {
    match import(value.to_string().as_bytes()) {
        Ok(set) => format!("imported {} annotations", set.len()),
        Err(e) => e.to_string(),
    }
}

#[test]
fn missing_exact_is_named_by_path() {
    let mut doc = exported();
    if let Some(quote) = doc.pointer_mut("/first/items/3/target/selector/0") {
        quote.as_object_mut().map(|q| q.remove("exact"));
    }
    assert_eq!(
        message(&doc),
        "first.items[3].target.selector[0].exact: missing"
    );
    assert_eq!(
        import(doc.to_string().as_bytes()),
        Err(ImportError::Shape {
            path: "first.items[3].target.selector[0].exact".to_owned(),
            problem: "missing".to_owned()
        })
    );
}

#[test]
fn wrong_kinds_are_named_by_path() {
    let cases: Vec<(&str, Value, &str)> = vec![
        (
            "/first/items/1/target/selector/1/start",
            json!("12"),
            "first.items[1].target.selector[1].start: expected a whole number from 0 up, found a string",
        ),
        (
            "/first/items/0/target/selector/0/exact",
            json!(42),
            "first.items[0].target.selector[0].exact: expected a string, found a number",
        ),
        (
            "/first/items/2/body",
            json!([{"type": "TextualBody", "purpose": "tagging"}]),
            "first.items[2].body[0].value: missing",
        ),
        (
            "/first/items/0/modified",
            json!("yesterday"),
            "first.items[0].modified: expected a date and time like 2024-05-01T08:00:00Z, found \"yesterday\"",
        ),
        // A target that is only a link, or selectors pizhu cannot use, leave that annotation
        // out instead (tests/interchange_foreign.rs); no selector at all is a broken file.
        (
            "/first/items/0/target/selector",
            json!([]),
            "first.items[0].target.selector: no TextQuoteSelector or TextPositionSelector (the highlighted text) in it",
        ),
        (
            "/first/items/0/target/selector/1/end",
            json!(0),
            "first.items[0].target.selector[1].end: the end comes before the start",
        ),
        (
            "/first/items/0/type",
            json!("Note"),
            "first.items[0].type: expected \"Annotation\"",
        ),
        (
            "/first/items",
            json!({}),
            "first.items: expected a list, found an object",
        ),
        (
            "/first",
            json!("https://example.org/page/1"),
            "first: the annotations are not in this file: it only links to them elsewhere",
        ),
        (
            "/pizhu:labels/0/color",
            json!("red; background: url(x)"),
            "pizhu:labels[0].color: expected a colour like #2563eb, found \"red; background: url(x)\"",
        ),
        (
            "/pizhu:version",
            json!("1"),
            "pizhu:version: expected a whole number such as 1",
        ),
    ];
    for (pointer, value, expected) in cases {
        let mut doc = exported();
        let slot = doc
            .pointer_mut(pointer)
            .unwrap_or_else(|| panic!("{pointer} exists"));
        *slot = value;
        assert_eq!(message(&doc), expected, "{pointer}");
    }
}

#[test]
fn missing_fields_are_named() {
    let mut doc = exported();
    doc.as_object_mut().map(|d| d.remove("first"));
    assert_eq!(message(&doc), "first: missing");
    let mut doc = exported();
    if let Some(item) = doc
        .pointer_mut("/first/items/2")
        .and_then(Value::as_object_mut)
    {
        item.remove("target");
    }
    assert_eq!(message(&doc), "first.items[2].target: missing");
}

#[test]
fn newer_export_versions_are_refused() {
    let mut doc = exported();
    doc["pizhu:version"] = json!(3);
    assert_eq!(
        import(doc.to_string().as_bytes()),
        Err(ImportError::UnsupportedVersion {
            found: 3,
            supported: 2
        })
    );
    assert!(message(&doc).contains("update pizhu"));
}

#[test]
fn unknown_documents_say_what_was_expected() {
    let cases = [
        ("{}", "found an empty object"),
        ("42", "found a number"),
        ("\"text\"", "found a string"),
        ("null", "found nothing (null)"),
        (
            r#"{"type": "Feature", "geometry": null}"#,
            "found an object of type \"Feature\"",
        ),
        (
            r#"{"rows": [], "total": 0}"#,
            "found an object with the fields \"rows\", \"total\"",
        ),
        ("[1, 2]", "found a list whose first entry is a number"),
    ];
    for (input, found) in cases {
        let error = import(input.as_bytes()).expect_err(input);
        assert!(
            matches!(error, ImportError::UnknownFormat { .. }),
            "{input}: {error:?}"
        );
        let text = error.to_string();
        assert!(
            text.contains("Expected a pizhu export, a W3C Web Annotation"),
            "{text}"
        );
        assert!(text.ends_with(&format!("{found}.")), "{input}: {text}");
    }
}

#[test]
fn empty_and_too_large() {
    for input in ["", "  \n\t", "\u{feff}", "[]"] {
        assert_eq!(
            import(input.as_bytes()),
            Err(ImportError::Empty),
            "{input:?}"
        );
    }
    let mut doc = exported();
    doc["first"]["items"] = json!([]);
    assert_eq!(import(doc.to_string().as_bytes()), Err(ImportError::Empty));
    let big = vec![b' '; MAX_IMPORT_BYTES + 1];
    assert_eq!(
        import(&big),
        Err(ImportError::TooLarge {
            size: MAX_IMPORT_BYTES + 1,
            limit: MAX_IMPORT_BYTES
        })
    );
    assert_eq!(
        import(&big).map_err(|e| e.to_string()),
        Err(
            "This file is too large to import (5242881 bytes; the limit is 5242880 bytes)."
                .to_owned()
        )
    );
}

#[test]
fn lists_must_be_of_one_kind() {
    let doc = exported();
    let mixed = json!([doc.clone(), {"type": "Annotation"}]);
    assert_eq!(
        message(&mixed),
        "[1]: expected an AnnotationCollection, like the first entry of the list"
    );
    let item = doc["first"]["items"][0].clone();
    let mixed = json!([item, 7]);
    assert_eq!(
        message(&mixed),
        "[1]: expected an object ({ … }), found a number"
    );
}

#[test]
fn share_links() {
    assert_eq!(share_fragment_prefix(), "#pizhu=");
    let bytes: Vec<u8> = (0..=255).collect();
    let text = encode_base64url(&bytes);
    assert!(text
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
    assert_eq!(decode_base64url(&text), Ok(bytes));
    assert_eq!(
        decode_base64url("abc+def"),
        Err(ImportError::BadShareLink { position: 3 })
    );
    assert_eq!(
        decode_base64url("ab c").map_err(|e| e.to_string()),
        Err("This shared link is damaged: character 2 does not belong in it.".to_owned())
    );
}
