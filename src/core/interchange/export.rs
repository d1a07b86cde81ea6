//! Export: one article's annotations as a W3C `AnnotationCollection` (JSON-LD), or several
//! articles' as a JSON array of such collections. The format is described in
//! `docs/interchange.md` and `docs/annotation-export.schema.json`.

use serde::Serialize;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

use crate::core::annotation::Annotation;
use crate::core::article::Article;
use crate::core::label::Label;

use super::hash::{content_hash, hex};
use super::ids::export_id;
use super::time::format_iso;

/// The W3C Web Annotation JSON-LD context.
pub const W3C_CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";
/// The IRI behind the `pizhu:` prefix of pizhu's own fields.
pub const PIZHU_NAMESPACE: &str = "https://pizhu.example/ns#";
/// The export format version written in `pizhu:version` (and the only one read).
pub const EXPORT_VERSION: u64 = 1;
/// Target source of annotations on an article that has no URL: this prefix and its key.
pub const ARTICLE_URN_PREFIX: &str = "urn:pizhu:article:";

/// What an export says about the article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArticleInfo {
    /// The store's article key (URL or content hash).
    pub key: String,
    /// The article's checked URL, if it has one.
    pub url: Option<String>,
    pub title: String,
    /// Publish time, milliseconds since the Unix epoch.
    pub published_ms: Option<i64>,
    /// [`content_hash`](super::content_hash) of the canonical text.
    pub content_hash: String,
}

impl ArticleInfo {
    /// What an export (or an import review) says about a parsed article: its store key,
    /// URL, title, publish time and the hash of its canonical text.
    pub fn of(article: &Article) -> ArticleInfo {
        ArticleInfo {
            key: article.storage_key(),
            url: article.meta.url.clone(),
            title: article.meta.title.clone(),
            published_ms: article.meta.published_ms,
            content_hash: content_hash(&article.text),
        }
    }
}

/// The software that wrote an export (W3C `generator`, type `Software`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Generator {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub homepage: Option<String>,
}

impl Generator {
    /// This build of pizhu.
    pub fn pizhu() -> Self {
        let version = env!("CARGO_PKG_VERSION");
        Generator {
            id: format!("https://pizhu.example/#{version}"),
            kind: "Software".to_owned(),
            name: format!("pizhu {version}"),
            homepage: Some("https://pizhu.example/".to_owned()),
        }
    }
}

/// One article's annotations as a pretty-printed `AnnotationCollection`.
pub fn export_collection(
    info: &ArticleInfo,
    annotations: &[Annotation],
    labels: &[Label],
    generator: &Generator,
    now_ms: i64,
) -> String {
    to_pretty(&collection(info, annotations, labels, generator, now_ms))
}

/// Several articles in one file: a JSON array whose entries are exactly what
/// [`export_collection`] writes for each article, in the order given.
pub fn export_all(
    articles: &[(&ArticleInfo, &[Annotation])],
    labels: &[Label],
    generator: &Generator,
    now_ms: i64,
) -> String {
    let all: Vec<Collection<'_>> = articles
        .iter()
        .map(|(info, annotations)| collection(info, annotations, labels, generator, now_ms))
        .collect();
    to_pretty(&all)
}

fn to_pretty<T: Serialize>(value: &T) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default()
}

fn collection<'a>(
    info: &'a ArticleInfo,
    annotations: &'a [Annotation],
    labels: &'a [Label],
    generator: &'a Generator,
    now_ms: i64,
) -> Collection<'a> {
    let source = match &info.url {
        Some(url) => url.clone(),
        None => format!("{ARTICLE_URN_PREFIX}{}", info.key),
    };
    let items = annotations
        .iter()
        .map(|a| item(a, &source, labels, generator))
        .collect();
    Collection {
        context: json!([W3C_CONTEXT, { "pizhu": PIZHU_NAMESPACE }]),
        id: format!(
            "urn:pizhu:collection:{}",
            hex(&Sha256::digest(info.key.as_bytes()))
        ),
        kind: "AnnotationCollection",
        label: &info.title,
        version: EXPORT_VERSION,
        article: ArticleOut {
            key: &info.key,
            url: info.url.as_deref(),
            title: &info.title,
            published: info.published_ms.map(format_iso),
            content_hash: &info.content_hash,
        },
        labels: labels.iter().map(LabelOut::from).collect(),
        generator,
        generated: format_iso(now_ms),
        total: annotations.len(),
        first: Page {
            kind: "AnnotationPage",
            start_index: 0,
            items,
        },
    }
}

fn item<'a>(
    a: &'a Annotation,
    source: &str,
    labels: &[Label],
    generator: &'a Generator,
) -> Item<'a> {
    let label_name = labels.iter().find(|l| l.id == a.label).map_or_else(
        || a.label.clone(),
        |l| format!("{} / {}", l.name_zh, l.name_en),
    );
    let mut body = vec![Body {
        kind: "TextualBody",
        purpose: "tagging",
        value: &a.label,
        label_name: Some(label_name),
        format: None,
    }];
    if !a.note.is_empty() {
        body.push(Body {
            kind: "TextualBody",
            purpose: "commenting",
            value: &a.note,
            label_name: None,
            format: Some("text/plain"),
        });
    }
    let quote = &a.target.quote;
    let position = a.target.position;
    Item {
        id: export_id(&a.id),
        kind: "Annotation",
        motivation: if a.note.is_empty() {
            "highlighting"
        } else {
            "commenting"
        },
        created: format_iso(a.created),
        modified: format_iso(a.modified),
        generator,
        body,
        target: TargetOut {
            source: source.to_owned(),
            selector: (
                Selector::Quote {
                    kind: "TextQuoteSelector",
                    exact: &quote.exact,
                    prefix: &quote.prefix,
                    suffix: &quote.suffix,
                },
                Selector::Position {
                    kind: "TextPositionSelector",
                    start: position.start,
                    end: position.end,
                },
            ),
        },
    }
}

#[derive(Serialize)]
struct Collection<'a> {
    #[serde(rename = "@context")]
    context: Value,
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    label: &'a str,
    #[serde(rename = "pizhu:version")]
    version: u64,
    #[serde(rename = "pizhu:article")]
    article: ArticleOut<'a>,
    #[serde(rename = "pizhu:labels")]
    labels: Vec<LabelOut<'a>>,
    generator: &'a Generator,
    generated: String,
    total: usize,
    first: Page<'a>,
}

#[derive(Serialize)]
struct ArticleOut<'a> {
    key: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    published: Option<String>,
    #[serde(rename = "contentHash")]
    content_hash: &'a str,
}

#[derive(Serialize)]
struct LabelOut<'a> {
    id: &'a str,
    #[serde(rename = "nameZh")]
    name_zh: &'a str,
    #[serde(rename = "nameEn")]
    name_en: &'a str,
    color: &'a str,
    underline: &'static str,
}

impl<'a> From<&'a Label> for LabelOut<'a> {
    fn from(l: &'a Label) -> Self {
        LabelOut {
            id: &l.id,
            name_zh: &l.name_zh,
            name_en: &l.name_en,
            color: &l.color,
            underline: l.underline.as_css(),
        }
    }
}

#[derive(Serialize)]
struct Page<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(rename = "startIndex")]
    start_index: usize,
    items: Vec<Item<'a>>,
}

#[derive(Serialize)]
struct Item<'a> {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    motivation: &'static str,
    created: String,
    modified: String,
    generator: &'a Generator,
    body: Vec<Body<'a>>,
    target: TargetOut<'a>,
}

#[derive(Serialize)]
struct Body<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    purpose: &'static str,
    value: &'a str,
    #[serde(rename = "pizhu:labelName", skip_serializing_if = "Option::is_none")]
    label_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    format: Option<&'static str>,
}

#[derive(Serialize)]
struct TargetOut<'a> {
    source: String,
    /// Serialised as a two-element list: quote, then position.
    selector: (Selector<'a>, Selector<'a>),
}

#[derive(Serialize)]
#[serde(untagged)]
enum Selector<'a> {
    Quote {
        #[serde(rename = "type")]
        kind: &'static str,
        exact: &'a str,
        prefix: &'a str,
        suffix: &'a str,
    },
    Position {
        #[serde(rename = "type")]
        kind: &'static str,
        start: usize,
        end: usize,
    },
}
