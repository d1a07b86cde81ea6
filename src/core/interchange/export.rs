//! Export: one article's annotations as a W3C `AnnotationCollection` (JSON-LD), or several
//! articles' as a JSON array of such collections. The format is described in
//! `docs/interchange.md` and `docs/annotation-export.schema.json`.

use serde::Serialize;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

use crate::core::annotation::{describe_in, Annotation, TextQuoteSelector};
use crate::core::article::Article;
use crate::core::label::Label;
use crate::core::text::{CharIndex, RenderedText};

use super::hash::{content_hash, hex};
use super::ids::export_id;
use super::time::format_iso;

/// The W3C Web Annotation JSON-LD context.
pub const W3C_CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";
/// The IRI behind the `pizhu:` prefix of pizhu's own fields.
pub const PIZHU_NAMESPACE: &str = "https://pizhu.example/ns#";
/// The export format version written in `pizhu:version`. Version 2 counts selectors over the
/// rendered text (see [`RenderedText`]); version 1 counted them over the canonical text. Both
/// are read: anchoring accepts a target written over either.
pub const EXPORT_VERSION: u64 = 2;
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

/// One article to export: what is known of it, its annotations, and its text when the
/// article is at hand.
#[derive(Clone, Copy, Debug)]
pub struct ArticleExport<'a> {
    pub info: &'a ArticleInfo,
    pub annotations: &'a [Annotation],
    pub text: Option<PlacedText<'a>>,
}

/// An article's canonical text and where each annotation sits in it (its anchored span,
/// `None` for an orphan), in the order of the annotations.
#[derive(Clone, Copy, Debug)]
pub struct PlacedText<'a> {
    pub canonical: &'a str,
    pub spans: &'a [Option<(usize, usize)>],
}

impl<'a> ArticleExport<'a> {
    /// An article whose text is not at hand: its selectors are what storage holds, without
    /// separators, and without a position (it could not be counted over the rendered text).
    pub fn stored(info: &'a ArticleInfo, annotations: &'a [Annotation]) -> Self {
        ArticleExport {
            info,
            annotations,
            text: None,
        }
    }
}

/// One article's annotations as a pretty-printed `AnnotationCollection`.
pub fn export_collection(
    article: &ArticleExport<'_>,
    labels: &[Label],
    generator: &Generator,
    now_ms: i64,
) -> String {
    to_pretty(&collection(article, labels, generator, now_ms))
}

/// Several articles in one file: a JSON array whose entries are exactly what
/// [`export_collection`] writes for each article, in the order given.
pub fn export_all(
    articles: &[ArticleExport<'_>],
    labels: &[Label],
    generator: &Generator,
    now_ms: i64,
) -> String {
    let all: Vec<Collection<'_>> = articles
        .iter()
        .map(|article| collection(article, labels, generator, now_ms))
        .collect();
    to_pretty(&all)
}

fn to_pretty<T: Serialize>(value: &T) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default()
}

fn collection<'a>(
    article: &ArticleExport<'a>,
    labels: &'a [Label],
    generator: &'a Generator,
    now_ms: i64,
) -> Collection<'a> {
    let info = article.info;
    let annotations = article.annotations;
    let source = match &info.url {
        Some(url) => url.clone(),
        None => format!("{ARTICLE_URN_PREFIX}{}", info.key),
    };
    let rendered = article.text.map(|t| RenderedText::new(t.canonical));
    let index = rendered.as_ref().map(|r| CharIndex::new(r.text()));
    let items = annotations
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let span = article.text.and_then(|t| t.spans.get(i).copied().flatten());
            let selectors = match (span, &rendered, &index) {
                (Some((start, end)), Some(rendered), Some(index)) => {
                    rendered_selectors(a, rendered, index, start, end)
                }
                _ => stored_selectors(a),
            };
            item(a, selectors, &source, labels, generator)
        })
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

/// Quote, context and position counted over the rendered text: what a peer reading the page
/// finds. The anchored span decides; the stored quote is used only if it cannot be described.
fn rendered_selectors(
    a: &Annotation,
    rendered: &RenderedText,
    index: &CharIndex<'_>,
    start: usize,
    end: usize,
) -> Selectors {
    let (from, to) = rendered.range_from_canonical(start, end);
    let Ok(target) = describe_in(index, from, to) else {
        return stored_selectors(a);
    };
    let mut quote = target.quote;
    let (prefix, suffix) = within_units(rendered, from, to, &quote.prefix, &quote.suffix);
    let unique = || {
        let whole = format!("{prefix}{}{suffix}", quote.exact);
        rendered.text().matches(whole.as_str()).nth(1).is_none()
    };
    let cut = prefix.len() < quote.prefix.len() || suffix.len() < quote.suffix.len();
    if cut && unique() {
        (quote.prefix, quote.suffix) = (prefix.to_owned(), suffix.to_owned());
    }
    Selectors {
        quote,
        position: Some((from, to)),
    }
}

/// The context cut where the annotation's first and last text units end. The original
/// article may have whitespace between two paragraphs that the rendered text has not (pizhu
/// trims it), so context that crosses a paragraph edge often fails to match there; it is
/// kept only when the quote needs it to be found once.
fn within_units<'q>(
    rendered: &RenderedText,
    from: usize,
    to: usize,
    prefix: &'q str,
    suffix: &'q str,
) -> (&'q str, &'q str) {
    let prefix_len = prefix.chars().count();
    let suffix_len = suffix.chars().count();
    let prefix = match rendered.boundaries(from - prefix_len, from).last() {
        Some(&edge) => skip_chars(prefix, edge - (from - prefix_len)),
        None => prefix,
    };
    let suffix = match rendered.boundaries(to, to + suffix_len).first() {
        Some(&edge) => take_chars(suffix, edge - to),
        None => suffix,
    };
    (prefix, suffix)
}

fn skip_chars(text: &str, n: usize) -> &str {
    text.char_indices().nth(n).map_or("", |(at, _)| &text[at..])
}

fn take_chars(text: &str, n: usize) -> &str {
    text.char_indices()
        .nth(n)
        .map_or(text, |(at, _)| &text[..at])
}

/// The stored quote and context without separators, and no position.
fn stored_selectors(a: &Annotation) -> Selectors {
    Selectors {
        quote: a.target.quote.rendered(),
        position: None,
    }
}

/// What an item's target says, before it is written.
struct Selectors {
    quote: TextQuoteSelector,
    position: Option<(usize, usize)>,
}

fn item<'a>(
    a: &'a Annotation,
    selectors: Selectors,
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
    let mut selector = vec![Selector::Quote {
        kind: "TextQuoteSelector",
        exact: selectors.quote.exact,
        prefix: selectors.quote.prefix,
        suffix: selectors.quote.suffix,
    }];
    if let Some((start, end)) = selectors.position {
        selector.push(Selector::Position {
            kind: "TextPositionSelector",
            start,
            end,
        });
    }
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
            selector,
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
    target: TargetOut,
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
struct TargetOut {
    source: String,
    /// The quote, then the position when it is known.
    selector: Vec<Selector>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum Selector {
    Quote {
        #[serde(rename = "type")]
        kind: &'static str,
        exact: String,
        prefix: String,
        suffix: String,
    },
    Position {
        #[serde(rename = "type")]
        kind: &'static str,
        start: usize,
        end: usize,
    },
}
