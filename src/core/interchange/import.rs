//! Import: recognises what a file is by its content and reads it into one group of
//! annotations per article.
//!
//! Accepted: pizhu's export (one collection, or a JSON array of them), another tool's
//! `AnnotationCollection` or `AnnotationPage`, a single W3C `Annotation`, a JSON array of
//! Annotations, and the Hypothesis client's export. Input is parsed as `serde_json::Value`
//! (serde_json stops at 128 levels of nesting, so deep files give an error, not a stack
//! overflow) and then walked with paths for precise errors.
//!
//! This module only recognises the document and dispatches to the readers (`collection`,
//! `item`, `hypothesis`); the state they share ([`Reader`], [`Skipped`]) is in `groups`, so
//! no reader imports this module.

use serde_json::{Map, Value};

use crate::core::label::{default_labels, Label};

use super::collection::{read_collection, read_page};
use super::groups::{Groups, ImportedArticle, Reader, Skipped};
use super::hypothesis::read_hypothesis;
use super::item::read_into;
use super::labels::LabelBook;
use super::node::{describe, quoted, Node};
use super::stream::ImportStream;
use super::ImportError;

/// The largest file import reads whole, in bytes (5 MiB); a larger list of collections or
/// annotations is read entry by entry ([`ImportStream`]), each entry within this limit.
pub const MAX_IMPORT_BYTES: usize = 5 * 1024 * 1024;

/// Everything read from one file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportSet {
    /// One group per article, in the order the file first names them.
    pub groups: Vec<ImportedArticle>,
    /// Entries that are fine but that pizhu cannot place in the text (page notes and
    /// replies, targets that are only a link, selectors by document structure only such as
    /// a RangeSelector of XPath selectors), each with where and why, so the UI can say
    /// what was left out.
    pub skipped: Vec<Skipped>,
    /// What was changed to fit pizhu's limits (a note cut short, a look-alike label
    /// renamed, a long context shortened), each with where it was and why.
    pub adjusted: Vec<Skipped>,
}

impl ImportSet {
    /// How many annotations the file gave, across all groups.
    pub fn len(&self) -> usize {
        self.groups.iter().map(|g| g.annotations.len()).sum()
    }

    /// Whether no group holds an annotation.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Reads a file of annotations, mapping tags onto pizhu's built-in labels.
pub fn import(bytes: &[u8]) -> Result<ImportSet, ImportError> {
    import_with_labels(bytes, &default_labels())
}

/// As [`import`], with the reader's own labels (built-in and custom) as the known ones.
pub fn import_with_labels(bytes: &[u8], known: &[Label]) -> Result<ImportSet, ImportError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.len() > MAX_IMPORT_BYTES {
        // A large list (an "Export all") is read entry by entry, each within the limit.
        if bytes.trim_ascii_start().starts_with(b"[") {
            let mut stream = ImportStream::new(known);
            stream.push(bytes)?;
            return stream.finish();
        }
        return Err(ImportError::TooLarge {
            size: bytes.len(),
            limit: MAX_IMPORT_BYTES,
        });
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ImportError::Empty);
    }
    let value: Value = serde_json::from_slice(bytes).map_err(not_json)?;
    let mut reader = Reader {
        book: LabelBook::new(known),
        groups: Groups::default(),
        skipped: Vec::new(),
        adjusted: Vec::new(),
    };
    read_document(&Node::root(&value), &mut reader)?;
    finish(reader)
}

/// What a reader read, as an [`ImportSet`]; an error when it holds no annotation.
pub(crate) fn finish(reader: Reader) -> Result<ImportSet, ImportError> {
    let groups = reader.groups.finish(&reader.book);
    let mut adjusted = reader.book.adjusted;
    adjusted.extend(reader.adjusted);
    let set = ImportSet {
        groups,
        skipped: reader.skipped,
        adjusted,
    };
    if set.is_empty() {
        // Say why when everything was left out: "no annotations" would not be true.
        return Err(match set.skipped.into_iter().next() {
            Some(first) => ImportError::NothingUsable {
                path: first.path,
                reason: first.reason,
            },
            None => ImportError::Empty,
        });
    }
    Ok(set)
}

fn read_document(root: &Node<'_>, reader: &mut Reader) -> Result<(), ImportError> {
    match root.value {
        Value::Array(entries) => {
            let Some(first) = entries.first() else {
                return Err(ImportError::Empty);
            };
            let nodes = root.list()?;
            if Node::root(first).has_type("AnnotationCollection") {
                for node in &nodes {
                    if !node.has_type("AnnotationCollection") {
                        return Err(node.problem(
                            "expected an AnnotationCollection, like the first entry of the list",
                        ));
                    }
                    read_collection(node, reader)?;
                }
                Ok(())
            } else if looks_like_annotation(first) {
                for node in &nodes {
                    read_into(node, reader, false, None)?;
                }
                Ok(())
            } else {
                Err(ImportError::UnknownFormat {
                    found: format!("a list whose first entry is {}", what_is(first)),
                })
            }
        }
        Value::Object(map) => {
            if root.has_type("AnnotationCollection") {
                read_collection(root, reader)
            } else if root.has_type("AnnotationPage") {
                read_page(root, reader, false, None)
            } else if looks_like_annotation(root.value) {
                read_into(root, reader, false, None)
            } else if map.contains_key("annotations") {
                read_hypothesis(root, reader)
            } else {
                Err(ImportError::UnknownFormat {
                    found: object_summary(map),
                })
            }
        }
        other => Err(ImportError::UnknownFormat {
            found: describe(other).to_owned(),
        }),
    }
}

/// An object of type `Annotation`, or without a type but with a `target`.
pub(crate) fn looks_like_annotation(value: &Value) -> bool {
    let node = Node::root(value);
    value.is_object()
        && (node.has_type("Annotation")
            || (value.get("type").is_none() && value.get("target").is_some()))
}

fn what_is(value: &Value) -> String {
    match value {
        Value::Object(map) => object_summary(map),
        other => describe(other).to_owned(),
    }
}

fn object_summary(map: &Map<String, Value>) -> String {
    if let Some(kind) = map.get("type").and_then(Value::as_str) {
        return format!("an object of type {}", quoted(kind));
    }
    if map.is_empty() {
        return "an empty object".to_owned();
    }
    // Joined by hand: `[String]::join` is one more copy of the join code in the wasm.
    let mut names = String::new();
    for (i, key) in map.keys().take(5).enumerate() {
        if i > 0 {
            names.push_str(", ");
        }
        names.push_str(&quoted(key));
    }
    let more = if map.len() > 5 { ", …" } else { "" };
    format!("an object with the fields {names}{more}")
}

/// serde_json's error, without its own "at line … column …" and in plainer words.
pub(crate) fn not_json(error: serde_json::Error) -> ImportError {
    let (line, column) = (error.line(), error.column());
    let text = error.to_string();
    let suffix = format!(" at line {line} column {column}");
    let reason = text.strip_suffix(&suffix).unwrap_or(&text);
    let reason = if reason.starts_with("EOF while parsing") {
        "the file ends too early, as if it were cut off".to_owned()
    } else if reason == "recursion limit exceeded" {
        "it is nested too deeply (more than 128 levels)".to_owned()
    } else if reason == "trailing characters" {
        "there is more text after the end of the data".to_owned()
    } else if reason == "expected value" {
        "a value was expected here".to_owned()
    } else {
        reason.to_owned()
    };
    ImportError::NotJson {
        line,
        column,
        reason,
    }
}
