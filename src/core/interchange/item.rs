//! Reading one W3C Web Annotation (an item of a pizhu export, or a bare one) into an
//! [`Annotation`], with a precise path for every problem.
//!
//! Read: `id`, `created`/`modified`, `body` (one or a list: tagging/classifying bodies give
//! the label, other textual bodies the note; `bodyValue` is a note too) and the first
//! `target` with its `source` and selectors (a quote, a position or both: `selectors`).
//! Everything else is ignored, as JSON-LD readers must. An annotation pizhu cannot place
//! (a note on the whole page, or selectors by document structure only) is left out with
//! its reason in [`Reader::skipped`], and the rest of the file is still read.

use crate::core::annotation::{Annotation, Target, MAX_NOTE_CHARS};

use super::groups::{Place, Reader, Skipped};
use super::ids::{derived_id, import_id};
use super::labels::LabelBook;
use super::node::{quoted, Node};
use super::selectors::{read_selectors, Selected};
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
struct ReadItem {
    annotation: Annotation,
    place: Place,
    adjusted: Vec<Skipped>,
}

/// Why a target that is only a link is left out (the words Hypothesis page notes get too).
pub(crate) const PAGE_NOTE: &str = "a page note or reply: it highlights no text";

/// Reads the annotation at `node` into `reader`: into the group of `place` if given, else
/// of its own target's source; or into `reader.skipped` if pizhu cannot place it.
pub(crate) fn read_into(
    node: &Node<'_>,
    reader: &mut Reader,
    pizhu: bool,
    place: Option<&Place>,
) -> Result<(), ImportError> {
    match read_item(node, &mut reader.book, pizhu)? {
        Ok(read) => {
            reader.adjusted.extend(read.adjusted);
            reader
                .groups
                .add(place.unwrap_or(&read.place), read.annotation);
        }
        Err(reason) => reader.skipped.push(Skipped {
            path: node.path.clone(),
            reason,
        }),
    }
    Ok(())
}

/// Reads the annotation at `node`, or says why it is left out. `pizhu` says label values
/// are pizhu label ids (kept verbatim) rather than free-form tags; a body with
/// `pizhu:labelName` says so too.
fn read_item(
    node: &Node<'_>,
    book: &mut LabelBook,
    pizhu: bool,
) -> Result<Result<ReadItem, String>, ImportError> {
    node.object()?;
    if node.get("type").is_some() && !node.has_type("Annotation") {
        return Err(node.problem_at("type", "expected \"Annotation\""));
    }
    // The target first: a left-out annotation adds no label and no adjustment.
    let (mut target, place) = match target(node)? {
        Ok(found) => found,
        Err(reason) => return Ok(Err(reason)),
    };
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
    Ok(Ok(ReadItem {
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
    }))
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

/// The first target: its text and place, or why it is left out. A target that is only a
/// link (an IRI string, or an object with a `source` and no selector) is a note on the
/// whole page, like a Hypothesis page note.
fn target(node: &Node<'_>) -> Result<Result<(Target, Place), String>, ImportError> {
    let targets = node.need("target")?;
    let first = targets
        .one_or_many()
        .into_iter()
        .next()
        .ok_or_else(|| targets.problem("the list is empty"))?;
    if first.value.is_string() {
        return Ok(Err(PAGE_NOTE.to_owned()));
    }
    first.object()?;
    let place = match first.get("source") {
        Some(source) => Place::from_source(source_text(&source)?),
        None => Place::default(),
    };
    let Some(selectors) = first.get("selector") else {
        return Ok(Err(PAGE_NOTE.to_owned()));
    };
    match read_selectors(&selectors)? {
        Selected::Text(target) => Ok(Ok((target, place))),
        Selected::Unsupported(reason) => Ok(Err(reason)),
        Selected::Nothing => Err(selectors
            .problem("no TextQuoteSelector or TextPositionSelector (the highlighted text) in it")),
    }
}

/// A `source` is a string, or an object whose `id` is one.
pub(crate) fn source_text<'a>(source: &Node<'a>) -> Result<&'a str, ImportError> {
    if source.value.is_object() {
        source.need_str("id")
    } else {
        source.str()
    }
}
