//! Helpers shared by the interchange tests: a small article, annotations described on it,
//! export info, the JSON Schema validator and the HTML export's allowlist (html_allowlist).
#![allow(dead_code)]

pub mod html_allowlist;

use pizhu::core::annotation::{describe, Annotation};
use pizhu::core::article::{self, Article};
use pizhu::core::interchange::{content_hash, ArticleExport, ArticleInfo, Generator, PlacedText};
use pizhu::core::label::{default_labels, Label, Underline};

pub const URL: &str = "https://www.dw.com/zh/sample/a-1";
pub const NOW: i64 = 1_714_550_400_000;

/// A feed file with a title, a link, emphasis and a list.
pub fn article() -> Article {
    let raw = format!(
        "<!--1714550400000-->\n[河港市宣布旧书回流计划]({URL})\n------\n\n\
         <p>文化局局长林若溪表示：“我们承诺，三年内让每一个社区都有图书角。”</p>\
         <p>根据<a href=\"https://example.org/data\">文化局</a>公布的数据，全市共有 <em>126</em> 个社区。</p>\
         <ol><li>第一年：提供书架；</li><li>第二年：建立线上目录。</li></ol>"
    );
    article::parse(&raw).expect("sample article parses")
}

pub fn info(article: &Article) -> ArticleInfo {
    ArticleInfo {
        key: URL.to_owned(),
        url: article.meta.url.clone(),
        title: article.meta.title.clone(),
        published_ms: article.meta.published_ms,
        content_hash: content_hash(&article.text),
    }
}

/// An annotation on `start..end` of the article text.
pub fn on(
    article: &Article,
    id: &str,
    label: &str,
    note: &str,
    start: usize,
    end: usize,
) -> Annotation {
    Annotation {
        id: id.to_owned(),
        article: URL.to_owned(),
        label: label.to_owned(),
        note: note.to_owned(),
        created: NOW - 60_000,
        modified: NOW,
        target: describe(&article.text, start, end).expect("range inside the text"),
    }
}

/// Code point offset of `needle` in the article text.
pub fn find(article: &Article, needle: &str) -> (usize, usize) {
    let byte = article.text.find(needle).expect("needle in the text");
    let start = article.text[..byte].chars().count();
    (start, start + needle.chars().count())
}

pub fn uuid(n: u32) -> String {
    format!("{n:08x}-0000-4000-8000-{n:012x}")
}

/// Three annotations: a policy statement with a note, an overlapping statistic, a fact.
pub fn sample(article: &Article) -> Vec<Annotation> {
    let (a, b) = find(article, "我们承诺，三年内让每一个社区都有图书角");
    let (c, d) = find(article, "全市共有 126 个社区");
    let (e, f) = find(article, "三年内");
    vec![
        on(
            article,
            &uuid(1),
            "policy",
            "承诺有期限：三年。\n需要跟进。",
            a,
            b,
        ),
        on(article, &uuid(2), "statistic", "", c, d),
        on(
            article,
            &uuid(3),
            "commitment",
            "Says \"three years\" <b>bold</b>",
            e,
            f,
        ),
    ]
}

pub fn custom_label() -> Label {
    Label {
        id: "needs-check".to_owned(),
        name_zh: "待核实".to_owned(),
        name_en: "Needs checking".to_owned(),
        color: "#7c3aed".to_owned(),
        underline: Underline::Wavy,
    }
}

pub fn labels() -> Vec<Label> {
    let mut labels = default_labels();
    labels.push(custom_label());
    labels
}

/// The export of the open `article`: selectors counted over its rendered text.
pub fn export(article: &Article, annotations: &[Annotation]) -> String {
    let info = info(article);
    let spans = spans(article, annotations);
    pizhu::core::interchange::export_collection(
        &ArticleExport {
            info: &info,
            annotations,
            text: Some(PlacedText {
                canonical: &article.text,
                spans: &spans,
            }),
        },
        &labels(),
        &Generator::pizhu(),
        NOW,
    )
}

/// The export of `article` as storage holds it, without its text (as `Export all` writes
/// articles that are not open): stored quotes, no positions.
pub fn export_stored(article: &Article, annotations: &[Annotation]) -> String {
    let info = info(article);
    pizhu::core::interchange::export_collection(
        &ArticleExport::stored(&info, annotations),
        &labels(),
        &Generator::pizhu(),
        NOW,
    )
}

/// Where each annotation anchors over the article's canonical text.
pub fn spans(article: &Article, annotations: &[Annotation]) -> Vec<Option<(usize, usize)>> {
    let targets: Vec<_> = annotations.iter().map(|a| a.target.clone()).collect();
    pizhu::core::annotation::anchor_all(&article.text, &targets)
        .iter()
        .map(|a| a.span())
        .collect()
}

/// The export schema, compiled once per call.
pub fn schema() -> jsonschema::Validator {
    let text = std::fs::read_to_string("docs/annotation-export.schema.json").expect("schema file");
    let schema: serde_json::Value = serde_json::from_str(&text).expect("schema is JSON");
    jsonschema::draft202012::new(&schema).expect("schema compiles")
}

/// Every validation error of `json` against the schema, as text.
pub fn schema_errors(validator: &jsonschema::Validator, json: &str) -> Vec<String> {
    let value: serde_json::Value = serde_json::from_str(json).expect("export is JSON");
    validator
        .iter_errors(&value)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

/// Two lists hold the same annotations in the same order: every field equal, and targets at
/// the same place (an export counts over the rendered text, storage over the canonical one).
pub fn assert_same(got: &[Annotation], want: &[Annotation]) {
    assert_eq!(got.len(), want.len(), "{got:#?}\nvs\n{want:#?}");
    for (g, w) in got.iter().zip(want) {
        let (mut g_fields, mut w_fields) = (g.clone(), w.clone());
        g_fields.target = Default::default();
        w_fields.target = Default::default();
        assert_eq!(g_fields, w_fields);
        assert!(
            g.target.same_place(&w.target),
            "{:?}\nvs\n{:?}",
            g.target,
            w.target
        );
    }
}
