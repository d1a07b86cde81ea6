//! Reading an `AnnotationCollection` (pizhu's export or another tool's) or a bare
//! `AnnotationPage`.
//!
//! A collection with `pizhu:article` or `pizhu:version` is pizhu's: its version must be 1 to
//! [`EXPORT_VERSION`], its `pizhu:labels` define labels, label values are label ids, and
//! every item belongs to the article it names. Any other collection's items are grouped
//! by their target `source`. Only the embedded `first` page is read (pizhu writes one page;
//! a collection that only links to its pages cannot be read offline).

use crate::core::label::{is_hex_color, Label, Underline, MAX_LABEL_ID_CHARS};
use crate::core::text::clean_identifier;

use super::clean::{one_line, web_url};
use super::export::EXPORT_VERSION;
use super::groups::{Place, Reader};
use super::item::read_into;
use super::node::{quoted, Node};
use super::ImportError;

pub(crate) fn read_collection(node: &Node<'_>, reader: &mut Reader) -> Result<(), ImportError> {
    node.object()?;
    let article = node.get("pizhu:article");
    let version = node.get("pizhu:version");
    let pizhu = article.is_some() || version.is_some();
    if let Some(version) = version {
        let found = version
            .value
            .as_u64()
            .ok_or_else(|| version.problem("expected a whole number such as 1"))?;
        // Version 1 counted selectors over the canonical text, version 2 over the rendered
        // text; anchoring takes either, so both read the same way.
        if !(1..=EXPORT_VERSION).contains(&found) {
            return Err(ImportError::UnsupportedVersion {
                found,
                supported: EXPORT_VERSION,
            });
        }
    }
    if let Some(labels) = node.get("pizhu:labels") {
        for label in labels.list()? {
            let label = read_label(&label)?;
            reader.book.define(label);
        }
    }
    let place = match article {
        Some(article) => Some(read_article(&article, node)?),
        None => None,
    };
    let first = node.need("first")?;
    if first.value.is_string() {
        return Err(
            first.problem("the annotations are not in this file: it only links to them elsewhere")
        );
    }
    read_page(&first, reader, pizhu, place.as_ref())
}

/// The items of a page; with `place`, all belong there, else each to its own source.
pub(crate) fn read_page(
    page: &Node<'_>,
    reader: &mut Reader,
    pizhu: bool,
    place: Option<&Place>,
) -> Result<(), ImportError> {
    page.object()?;
    for item in page.need("items")?.list()? {
        read_into(&item, reader, pizhu, place)?;
    }
    Ok(())
}

fn read_article(article: &Node<'_>, collection: &Node<'_>) -> Result<Place, ImportError> {
    article.object()?;
    let text = |node: &Node<'_>, name: &str| -> Result<Option<String>, ImportError> {
        Ok(node.opt_str(name)?.map(one_line).filter(|s| !s.is_empty()))
    };
    Ok(Place {
        url: article.opt_str("url")?.and_then(web_url),
        key_hint: text(article, "key")?,
        title: text(article, "title")?.or(text(collection, "label")?),
        content_hash: text(article, "contentHash")?,
    })
}

fn read_label(node: &Node<'_>) -> Result<Label, ImportError> {
    node.object()?;
    let id = clean_identifier(node.need_str("id")?, MAX_LABEL_ID_CHARS);
    if id.is_empty() {
        return Err(node.problem_at("id", "the label id is empty"));
    }
    let name = |key: &str| -> Result<String, ImportError> {
        Ok(node
            .opt_str(key)?
            .map(one_line)
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| id.clone()))
    };
    let color = node.need_str("color")?;
    if !is_hex_color(color) {
        return Err(node.problem_at(
            "color",
            format!("expected a colour like #2563eb, found {}", quoted(color)),
        ));
    }
    let underline = match node.opt_str("underline")? {
        None | Some("solid") => Underline::Solid,
        Some("dashed") => Underline::Dashed,
        Some("dotted") => Underline::Dotted,
        Some("double") => Underline::Double,
        Some("wavy") => Underline::Wavy,
        Some(other) => {
            return Err(node.problem_at(
                "underline",
                format!(
                    "expected solid, dashed, dotted, double or wavy, found {}",
                    quoted(other)
                ),
            ))
        }
    };
    Ok(Label {
        name_zh: name("nameZh")?,
        name_en: name("nameEn")?,
        id,
        color: color.to_owned(),
        underline,
    })
}
