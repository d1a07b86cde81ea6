//! A Hypothesis client export imports with its quotes, notes, tags and pages; its
//! highlights then anchor in the parsed articles.
#![cfg(not(target_arch = "wasm32"))]

use pizhu::core::annotation::anchor;
use pizhu::core::article;
use pizhu::core::interchange::{import, parse_iso, ImportError, NEW_LABEL_COLORS, UNTAGGED};
use pizhu::core::label::Underline;

const FIXTURE: &str = "tests/fixtures/interchange/hypothesis_export.json";

fn fixture() -> Vec<u8> {
    std::fs::read(FIXTURE).expect("fixture exists")
}

#[test]
fn imports_quotes_notes_and_labels() {
    let set = import(&fixture()).expect("Hypothesis export imports");
    assert!(set.skipped.is_empty());
    assert_eq!(set.groups.len(), 2, "two pages");

    let dw = &set.groups[0];
    assert!(dw
        .url
        .as_deref()
        .is_some_and(|u| u.starts_with("https://www.dw.com/zh/")));
    assert_eq!(dw.key_hint, None);
    assert_eq!(
        dw.title.as_deref(),
        Some("媒体：苹果与阿里巴巴共同为中国用户研发人工智能 – DW – 2025年2月12日")
    );
    assert_eq!(dw.annotations.len(), 2);
    let first = &dw.annotations[0];
    assert_eq!(first.id, "Xk3vLq9mEe-2Rv8b1Ay7Kw");
    assert_eq!(first.article, dw.url.clone().unwrap_or_default());
    assert_eq!(
        first.target.quote.exact,
        "苹果和阿里巴巴就其软件向中国有关部门提交审批申请"
    );
    assert_eq!(
        first.target.quote.prefix,
        "Information周二（2月11日）报道称，"
    );
    assert_eq!(
        (first.target.position.start, first.target.position.end),
        (1412, 1436)
    );
    assert_eq!(
        first.label, "fact",
        "\"Factual claim\" is the English name of a built-in label"
    );
    assert_eq!(
        first.note,
        "Source is The Information; check whether Reuters confirms the filing."
    );
    assert_eq!(Some(first.created), parse_iso("2025-02-12T11:02:31.845Z"));
    assert_eq!(Some(first.modified), parse_iso("2025-02-12T11:05:09.112Z"));

    let second = &dw.annotations[1];
    assert_eq!(
        second.label, "no-comment",
        "no known tag: the first one becomes a label"
    );
    assert_eq!(
        second.note, "两家公司都没有回应。<em>待跟进</em>\n<script>alert('x')</script>",
        "HTML in notes stays literal text"
    );
    assert_eq!(dw.new_labels.len(), 1);
    let label = &dw.new_labels[0];
    assert_eq!(
        (
            label.id.as_str(),
            label.name_zh.as_str(),
            label.name_en.as_str()
        ),
        ("no-comment", "no comment", "no comment")
    );
    assert_eq!(
        (label.color.as_str(), label.underline),
        (NEW_LABEL_COLORS[0], Underline::Solid)
    );

    let voa = &set.groups[1];
    assert!(voa
        .url
        .as_deref()
        .is_some_and(|u| u.starts_with("https://www.voachinese.com/")));
    assert_eq!(voa.annotations.len(), 1);
    assert_eq!(
        voa.annotations[0].label, "opinion",
        "观点 is a built-in label's name"
    );
    assert_eq!(
        voa.annotations[0].target.quote.exact,
        "疫情很可能是全球多地多点爆发"
    );
    assert!(voa.new_labels.is_empty());
}

#[test]
fn imported_highlights_anchor_in_the_articles() {
    let set = import(&fixture()).expect("imports");
    for (group, file) in set.groups.iter().zip(["dw/1022800.md", "voa/1044000.md"]) {
        let raw = std::fs::read_to_string(format!("tests/fixtures/corpus/{file}")).expect("corpus");
        let article = article::parse(&raw).expect("parses");
        assert_eq!(article.meta.url, group.url, "{file}");
        for a in &group.annotations {
            let (start, end) = anchor(&article.text, &a.target).span().expect("anchors");
            let found: String = article.text.chars().skip(start).take(end - start).collect();
            assert_eq!(found, a.target.quote.exact);
        }
    }
}

#[test]
fn page_notes_and_replies_are_skipped_not_errors() {
    let json = r#"{
      "export_date": "2025-02-14T09:12:03.518Z",
      "annotations": [
        {"id": "pagenote1", "uri": "https://example.org/a", "text": "Whole-page note",
         "tags": [], "target": [{"source": "https://example.org/a"}]},
        {"id": "reply1", "uri": "https://example.org/a", "text": "Agreed",
         "references": ["abc"], "target": [{"source": "https://example.org/a"}]},
        {"id": "h1", "uri": "https://example.org/a", "text": "", "tags": [],
         "created": "2025-01-01T00:00:00+00:00", "updated": "2025-01-02T00:00:00+00:00",
         "target": [{"source": "https://example.org/a", "selector": [
           {"type": "TextQuoteSelector", "exact": "quoted words"}]}]}
      ]}"#;
    let set = import(json.as_bytes()).expect("imports");
    assert_eq!(set.len(), 1);
    let paths: Vec<&str> = set.skipped.iter().map(|s| s.path.as_str()).collect();
    assert_eq!(paths, ["annotations[0]", "annotations[1]"]);
    let a = &set.groups[0].annotations[0];
    assert_eq!(a.label, UNTAGGED);
    assert_eq!(
        (a.target.position.start, a.target.position.end),
        (0, 0),
        "no position: anchoring finds the quote"
    );
    assert_eq!(set.groups[0].new_labels[0].id, UNTAGGED);
}

#[test]
fn broken_hypothesis_entries_are_named() {
    let json = r#"{"annotations": [{"id": "h1", "tags": "policy",
        "target": [{"selector": [{"type": "TextQuoteSelector", "exact": "x"}]}]}]}"#;
    assert_eq!(
        import(json.as_bytes()).map_err(|e| e.to_string()),
        Err("annotations[0].tags: expected a list, found a string".to_owned())
    );
    let json = r#"{"annotations": []}"#;
    assert_eq!(import(json.as_bytes()), Err(ImportError::Empty));
}
