//! W3C annotations written by other tools: the selector shapes pizhu reads (a quote alone, a
//! position alone, selectors refined by others, a list of alternatives) and the ones it
//! leaves out with a reason while keeping the rest of the file (a RangeSelector of XPath or
//! CSS selectors, a target that is only a link). Literal JSON in, expected result out.
#![cfg(not(target_arch = "wasm32"))]

mod interchange_common;

use interchange_common::{article, info, labels, NOW, URL};
use pizhu::core::annotation::{ArticleState, Target, TextPositionSelector, TextQuoteSelector};
use pizhu::core::interchange::{
    apply_review, import, review, ConflictChoice, ImportError, ImportSet, Skipped,
};
use pizhu::core::store::{AnnotationRepo, MemoryStore};

const RANGE_REASON: &str =
    "RangeSelector (XPath/CSS) is not supported: pizhu needs a TextQuoteSelector or TextPositionSelector";
const PAGE_NOTE: &str = "a page note or reply: it highlights no text";

fn read(json: &str) -> ImportSet {
    import(json.as_bytes()).unwrap_or_else(|e| panic!("imports: {e}"))
}

fn targets(set: &ImportSet) -> Vec<Target> {
    set.groups
        .iter()
        .flat_map(|g| g.annotations.iter().map(|a| a.target.clone()))
        .collect()
}

fn quote(exact: &str, prefix: &str, suffix: &str) -> TextQuoteSelector {
    TextQuoteSelector {
        exact: exact.into(),
        prefix: prefix.into(),
        suffix: suffix.into(),
    }
}

fn position(start: usize, end: usize) -> TextPositionSelector {
    TextPositionSelector { start, end }
}

fn skipped(path: &str, reason: &str) -> Skipped {
    Skipped {
        path: path.into(),
        reason: reason.into(),
    }
}

/// One file with every foreign shape, as a list of bare Annotations (Apache Annotator and
/// most tools write them so).
const MIXED: &str = r##"[
  {"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation", "id": "urn:x:position",
   "body": {"type": "TextualBody", "purpose": "tagging", "value": "Quote"},
   "target": {"source": "https://www.dw.com/zh/sample/a-1",
              "selector": {"type": "TextPositionSelector", "start": 12, "end": 20}}},
  {"type": "Annotation", "id": "urn:x:quote",
   "body": [{"type": "TextualBody", "purpose": "tagging", "value": "Policy statement"},
            {"type": "TextualBody", "value": "a comment"}],
   "target": {"source": "https://www.dw.com/zh/sample/a-1",
              "selector": {"type": "TextQuoteSelector", "exact": "人工智能"}}},
  {"type": "Annotation", "id": "urn:x:range",
   "target": {"source": "https://www.dw.com/zh/sample/a-1",
              "selector": {"type": "RangeSelector",
                           "startSelector": {"type": "XPathSelector", "value": "/html/body/article/p[2]"},
                           "endSelector": {"type": "XPathSelector", "value": "/html/body/article/p[3]"}}}},
  {"type": "Annotation", "id": "urn:x:page", "bodyValue": "about the whole page",
   "target": "https://www.dw.com/zh/sample/a-1"}
]"##;

#[test]
fn a_position_alone_is_kept_with_an_empty_quote() {
    let set = read(MIXED);
    let a = &set.groups[0].annotations[0];
    assert_eq!(a.id, "urn:x:position");
    assert_eq!(a.label, "quote");
    assert_eq!(
        a.target,
        Target {
            quote: quote("", "", ""),
            position: position(12, 20)
        },
        "anchoring places it by its position and fills in the quote"
    );
}

#[test]
fn a_quote_alone_has_the_position_zero() {
    let set = read(MIXED);
    let a = &set.groups[0].annotations[1];
    assert_eq!((a.id.as_str(), a.label.as_str()), ("urn:x:quote", "policy"));
    assert_eq!(a.note, "a comment");
    assert_eq!(
        a.target,
        Target {
            quote: quote("人工智能", "", ""),
            position: position(0, 0)
        }
    );
}

#[test]
fn a_range_of_xpath_or_css_and_a_page_note_are_left_out_and_the_rest_kept() {
    let set = read(MIXED);
    assert_eq!(set.len(), 2);
    assert_eq!(set.groups.len(), 1);
    assert_eq!(set.groups[0].key(), URL);
    assert_eq!(
        set.skipped,
        [skipped("[2]", RANGE_REASON), skipped("[3]", PAGE_NOTE)]
    );
    // CSS ends say the same; a range alone in the file says why nothing was imported.
    let css = r#"{"type": "Annotation", "target": {"source": "https://a.example/x",
      "selector": {"type": "RangeSelector",
        "startSelector": {"type": "CssSelector", "value": "article > p:nth-child(2)"},
        "endSelector": {"type": "CssSelector", "value": "article > p:nth-child(4)"}}}}"#;
    let error = import(css.as_bytes()).expect_err("nothing to import");
    assert_eq!(
        error,
        ImportError::NothingUsable {
            path: String::new(),
            reason: RANGE_REASON.into()
        }
    );
    assert_eq!(
        error.to_string(),
        format!("Nothing in this file can be imported (the file as a whole): {RANGE_REASON}.")
    );
}

#[test]
fn a_target_that_is_only_a_link_is_a_page_note() {
    let json = r#"{"type": "AnnotationCollection", "first": {"type": "AnnotationPage", "items": [
      {"type": "Annotation", "target": "https://a.example/x"},
      {"type": "Annotation", "target": {"source": "https://a.example/x"}},
      {"type": "Annotation", "target": [{"id": "https://a.example/x", "type": "SpecificResource", "source": "https://a.example/x"}]},
      {"type": "Annotation", "target": {"source": "https://a.example/x",
        "selector": {"type": "TextQuoteSelector", "exact": "x"}}}
    ]}}"#;
    let set = read(json);
    assert_eq!(set.len(), 1);
    assert_eq!(
        set.skipped,
        [
            skipped("first.items[0]", PAGE_NOTE),
            skipped("first.items[1]", PAGE_NOTE),
            skipped("first.items[2]", PAGE_NOTE)
        ]
    );
}

#[test]
fn selectors_inside_refined_by_and_lists_of_alternatives() {
    let json = r#"[
      {"type": "Annotation", "id": "fragment", "target": {"source": "https://a.example/x",
        "selector": {"type": "FragmentSelector", "value": "para5",
          "refinedBy": {"type": "TextQuoteSelector", "exact": "词语", "prefix": "前", "suffix": "后"}}}},
      {"type": "Annotation", "id": "hypothesis-like", "target": {"source": "https://a.example/x",
        "selector": [
          {"type": "RangeSelector", "startSelector": {"type": "XPathSelector", "value": "/p[1]"},
           "endSelector": {"type": "XPathSelector", "value": "/p[1]"}},
          {"type": "TextPositionSelector", "start": 3, "end": 5},
          {"type": "TextQuoteSelector", "exact": "ab", "suffix": "c"},
          {"type": "TextQuoteSelector", "exact": "second"}]}},
      {"type": "Annotation", "id": "deep", "target": {"source": "https://a.example/x",
        "selector": {"type": "CssSelector", "value": "p",
          "refinedBy": {"type": "XPathSelector", "value": "/b",
            "refinedBy": {"type": "TextQuoteSelector", "exact": "deep"}}}}},
      {"type": "Annotation", "id": "refined-position", "target": {"source": "https://a.example/x",
        "selector": {"type": "XPathSelector", "value": "/p[2]",
          "refinedBy": {"type": "TextPositionSelector", "start": 1, "end": 4}}}},
      {"type": "Annotation", "id": "quote-then-position", "target": {"source": "https://a.example/x",
        "selector": [{"type": "TextQuoteSelector", "exact": "", "prefix": "p"},
                     {"type": "TextPositionSelector", "start": 7, "end": 9}]}}
    ]"#;
    let set = read(json);
    assert_eq!(
        targets(&set),
        [
            Target {
                quote: quote("词语", "前", "后"),
                position: position(0, 0)
            },
            Target {
                quote: quote("ab", "", "c"),
                position: position(3, 5)
            },
            Target {
                quote: quote("deep", "", ""),
                position: position(0, 0)
            },
            // An empty quote counts as none: the position alone names the text.
            Target {
                quote: quote("", "", ""),
                position: position(7, 9)
            },
        ]
    );
    // A position inside refinedBy counts from the start of its outer selector's text, not
    // the article's: not taken, and that leaves nothing to place the annotation by.
    assert_eq!(
        set.skipped,
        [skipped(
            "[3]",
            "\"XPathSelector\" is not supported: pizhu needs a TextQuoteSelector or TextPositionSelector"
        )]
    );
}

#[test]
fn an_empty_position_alone_is_left_out_and_broken_selectors_are_errors() {
    let empty = r#"[{"type": "Annotation", "target": {"source": "https://a.example/x",
        "selector": {"type": "TextPositionSelector", "start": 4, "end": 4}}},
      {"type": "Annotation", "target": {"source": "https://a.example/x",
        "selector": {"type": "TextQuoteSelector", "exact": "x"}}}]"#;
    assert_eq!(
        read(empty).skipped,
        [skipped("[0]", "its TextPositionSelector selects no text")]
    );
    let cases = [
        (
            r#"{"type": "Annotation", "target": {"selector": {"type": "TextPositionSelector", "start": 4, "end": 2}}}"#,
            "target.selector.end: the end comes before the start",
        ),
        (
            r#"{"type": "Annotation", "target": {"selector": {"type": "TextPositionSelector", "start": 4}}}"#,
            "target.selector.end: missing",
        ),
        (
            r#"{"type": "Annotation", "target": {"selector": [{"exact": "untyped"}]}}"#,
            "target.selector: no TextQuoteSelector or TextPositionSelector (the highlighted text) in it",
        ),
        (
            r#"{"type": "Annotation", "target": {"selector": {"type": "FragmentSelector", "refinedBy": 3}}}"#,
            "target.selector.refinedBy: expected an object ({ … }), found a number",
        ),
    ];
    for (json, expected) in cases {
        let found = import(json.as_bytes())
            .map(|s| s.len())
            .map_err(|e| e.to_string());
        assert_eq!(found, Err(expected.to_owned()), "{json}");
    }
}

#[test]
fn hypothesis_entries_with_only_structural_selectors_are_left_out_with_the_reason() {
    let json = r#"{"annotations": [
      {"id": "h1", "uri": "https://a.example/x", "target": [{"source": "https://a.example/x",
        "selector": [{"type": "RangeSelector", "startSelector": {"type": "XPathSelector", "value": "/p"},
                      "endSelector": {"type": "XPathSelector", "value": "/p"}}]}]},
      {"id": "h2", "uri": "https://a.example/x", "target": [{"source": "https://a.example/x",
        "selector": [{"type": "TextPositionSelector", "start": 0, "end": 3}]}]}
    ]}"#;
    let set = read(json);
    assert_eq!(set.skipped, [skipped("annotations[0]", RANGE_REASON)]);
    assert_eq!(
        targets(&set),
        [Target {
            quote: quote("", "", ""),
            position: position(0, 3)
        }]
    );
}

/// Nothing between the file and the store refuses or drops a position-only target: the
/// review plans it as new, applying keeps it, and it is stored and read back as it was
/// (for the open article and for another one).
#[test]
fn a_position_alone_goes_through_review_apply_and_storage() {
    let article = article();
    let mut repo = AnnotationRepo::new(MemoryStore::new(), || NOW);
    let other = MIXED.replace("\"id\": \"urn:x:position\"", "\"id\": \"urn:x:elsewhere\"");
    let other = other.replacen(URL, "https://example.org/another", 1);
    for (bytes, open) in [(MIXED.to_owned(), true), (other, false)] {
        let open_doc = ArticleState::new();
        let found = review(
            bytes.as_bytes(),
            &labels(),
            &info(&article),
            &open_doc,
            &mut repo,
        )
        .expect("reviews");
        assert_eq!(found.skipped.len(), 2, "the range and the page note");
        let group = found.groups.iter().find(|g| g.open == open).expect("group");
        let planned = &group.plan.new;
        assert!(planned
            .iter()
            .any(|a| a.target.quote.exact.is_empty() && a.target.position == position(12, 20)));
        let applied =
            apply_review(&found, ConflictChoice::KeepMine, &open_doc, &mut repo).expect("applies");
        let state = match applied.open_doc {
            Some(state) if open => state,
            _ => repo.load_article(&group.key).expect("stored"),
        };
        let kept = state
            .annotations
            .iter()
            .find(|a| a.target.position == position(12, 20))
            .expect("the position-only annotation is kept");
        assert_eq!(kept.target.quote, quote("", "", ""));
    }
}
