//! Reading one W3C Web Annotation (an item of a pizhu export, or a bare one) into an
//! [`Annotation`], with a precise path for every problem.
//!
//! Read: `id`, `created`/`modified`, `body` (one or a list: tagging/classifying bodies give
//! the label, other textual bodies the note; `bodyValue` is a note too) and the first
//! `target` with its `source` and `selector` list (the first `TextQuoteSelector` is
//! required, a `TextPositionSelector` is optional). Everything else is ignored, as JSON-LD
//! readers must.

use crate::core::annotation::{
    Annotation, Target, TextPositionSelector, TextQuoteSelector, MAX_NOTE_CHARS,
};

use super::clean::strip_controls;
use super::groups::Place;
use super::groups::Skipped;
use super::ids::{derived_id, import_id};
use super::labels::LabelBook;
use super::node::{quoted, Node};
use super::time::parse_iso;
use super::ImportError;
use crate::core::text::{last_chars, truncate_chars, without_invisible};

/// The longest prefix or suffix kept (pizhu writes 32 characters): the characters nearest
/// the quote are kept.
pub const MAX_CONTEXT_CHARS: usize = 256;
/// The longest annotation id kept; a longer one is replaced by one derived from it.
pub const MAX_ID_CHARS: usize = 256;

/// An annotation read from a file, with the place its target names and what was changed
/// to fit the limits above.
pub(crate) struct ReadItem {
    pub annotation: Annotation,
    pub place: Place,
    pub adjusted: Vec<Skipped>,
}

/// Reads the annotation at `node`. `pizhu` says label values are pizhu label ids (kept
/// verbatim) rather than free-form tags; a body with `pizhu:labelName` says so too.
pub(crate) fn read_item(
    node: &Node<'_>,
    book: &mut LabelBook,
    pizhu: bool,
) -> Result<ReadItem, ImportError> {
    node.object()?;
    if node.get("type").is_some() && !node.has_type("Annotation") {
        return Err(node.problem_at("type", "expected \"Annotation\""));
    }
    let mut adjusted = Vec::new();
    let mut adjust = |what: String| {
        adjusted.push(Skipped {
            path: node.path.clone(),
            reason: what,
        })
    };
    let id = match node.opt_str("id")?.and_then(import_id) {
        Some(id) if id.chars().count() > MAX_ID_CHARS => {
            adjust(format!("id longer than {MAX_ID_CHARS} characters replaced"));
            derived_id(&serde_json::Value::String(id))
        }
        Some(id) => id,
        None => derived_id(node.value),
    };
    let (created, modified) = times(node, "created", "modified")?;
    let (label, note) = bodies(node, book, pizhu)?;
    let (note, cut) = truncate_chars(&note, MAX_NOTE_CHARS);
    if cut {
        adjust(format!("note cut to {MAX_NOTE_CHARS} characters"));
    }
    let (mut target, place) = target(node)?;
    let quote = &mut target.quote;
    if quote.prefix.chars().count() > MAX_CONTEXT_CHARS
        || quote.suffix.chars().count() > MAX_CONTEXT_CHARS
    {
        quote.prefix = last_chars(&quote.prefix, MAX_CONTEXT_CHARS).to_owned();
        quote.suffix = truncate_chars(&quote.suffix, MAX_CONTEXT_CHARS).0;
        adjust(format!(
            "context around the quote cut to {MAX_CONTEXT_CHARS} characters each side"
        ));
    }
    Ok(ReadItem {
        annotation: Annotation {
            id,
            article: String::new(),
            label,
            note,
            created,
            modified,
            target,
        },
        place,
        adjusted,
    })
}

/// Creation and modification times; either stands in for the other, both missing is 0.
pub(crate) fn times(
    node: &Node<'_>,
    created: &str,
    modified: &str,
) -> Result<(i64, i64), ImportError> {
    let c = date(node, created)?;
    let m = date(node, modified)?;
    Ok((c.or(m).unwrap_or(0), m.or(c).unwrap_or(0)))
}

fn date(node: &Node<'_>, name: &str) -> Result<Option<i64>, ImportError> {
    let Some(text) = node.opt_str(name)? else {
        return Ok(None);
    };
    parse_iso(text).map(Some).ok_or_else(|| {
        node.problem_at(
            name,
            format!(
                "expected a date and time like 2024-05-01T08:00:00Z, found {}",
                quoted(text)
            ),
        )
    })
}

fn bodies(
    node: &Node<'_>,
    book: &mut LabelBook,
    pizhu: bool,
) -> Result<(String, String), ImportError> {
    let mut tags: Vec<(&str, Option<&str>)> = Vec::new();
    let mut notes: Vec<&str> = Vec::new();
    if let Some(value) = node.get("bodyValue") {
        notes.push(value.str()?);
    }
    for body in node
        .get("body")
        .map(|b| b.one_or_many())
        .unwrap_or_default()
    {
        if body.value.is_string() {
            continue; // a link to a body somewhere else: nothing to read here
        }
        body.object()?;
        if is_tag(&body) {
            tags.push((body.need_str("value")?, body.opt_str("pizhu:labelName")?));
        } else if body.get("value").is_some() {
            notes.push(body.need_str("value")?);
        }
    }
    let label = if pizhu || tags.iter().any(|(_, hint)| hint.is_some()) {
        match tags.first() {
            Some(&(id, hint)) => book.by_id(id, hint),
            None => book.untagged(),
        }
    } else {
        let values: Vec<&str> = tags.iter().map(|&(value, _)| value).collect();
        book.pick_tag(&values)
    };
    Ok((label, without_invisible(&notes.join("\n\n"), true)))
}

fn is_tag(body: &Node<'_>) -> bool {
    let Some(purpose) = body.get("purpose") else {
        return false;
    };
    purpose
        .one_or_many()
        .iter()
        .any(|p| matches!(p.value.as_str(), Some("tagging" | "classifying")))
}

fn target(node: &Node<'_>) -> Result<(Target, Place), ImportError> {
    let targets = node.need("target")?;
    let first = targets
        .one_or_many()
        .into_iter()
        .next()
        .ok_or_else(|| targets.problem("the list is empty"))?;
    if first.value.is_string() {
        return Err(first.problem(
            "expected the highlighted text (an object with a selector), found only a link",
        ));
    }
    first.object()?;
    let place = match first.get("source") {
        Some(source) => Place::from_source(source_text(&source)?),
        None => Place::default(),
    };
    let selectors = first.need("selector")?;
    let target = read_selectors(&selectors)?
        .ok_or_else(|| selectors.problem("no TextQuoteSelector (the highlighted text) in it"))?;
    Ok((target, place))
}

/// A `source` is a string, or an object whose `id` is one.
pub(crate) fn source_text<'a>(source: &Node<'a>) -> Result<&'a str, ImportError> {
    if source.value.is_object() {
        source.need_str("id")
    } else {
        source.str()
    }
}

/// The first quote and the first position among the selectors; `None` without a quote.
/// A missing position is start = end = 0: anchoring then finds the quote by its text.
pub(crate) fn read_selectors(selectors: &Node<'_>) -> Result<Option<Target>, ImportError> {
    let mut quote = None;
    let mut position = None;
    for selector in selectors.one_or_many() {
        selector.object()?;
        if quote.is_none() && selector.has_type("TextQuoteSelector") {
            let exact = strip_controls(selector.need_str("exact")?);
            if exact.is_empty() {
                return Err(selector.problem_at("exact", "the highlighted text is empty"));
            }
            let context = |name: &str| -> Result<String, ImportError> {
                Ok(strip_controls(selector.opt_str(name)?.unwrap_or("")))
            };
            quote = Some(TextQuoteSelector {
                exact,
                prefix: context("prefix")?,
                suffix: context("suffix")?,
            });
        } else if position.is_none() && selector.has_type("TextPositionSelector") {
            let start = selector.need("start")?.count()?;
            let end = selector.need("end")?.count()?;
            if end < start {
                return Err(selector.problem_at("end", "the end comes before the start"));
            }
            position = Some(TextPositionSelector { start, end });
        }
    }
    Ok(quote.map(|quote| Target {
        quote,
        position: position.unwrap_or_default(),
    }))
}
