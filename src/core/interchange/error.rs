//! The one error type of the interchange area, [`ImportError`], worded for the
//! person who picked the file: what is wrong and where, in plain words.

use thiserror::Error;

/// Why a file (or a shared link) could not be imported.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ImportError {
    /// The file is blank, or holds no annotations at all.
    #[error("This file has no annotations in it.")]
    Empty,
    /// Every annotation of the file was left out (see `ImportSet::skipped`); the first one's
    /// place and reason are given.
    #[error(
        "Nothing in this file can be imported ({}): {reason}.",
        shown_path(path)
    )]
    NothingUsable { path: String, reason: String },
    /// The file is larger than pizhu reads.
    #[error("This file is too large to import ({size} bytes; the limit is {limit} bytes).")]
    TooLarge { size: usize, limit: usize },
    /// One entry of a large list is larger than an import reads.
    #[error(
        "Entry {index} of this file is too large to import (over {limit} bytes); the other \
         entries were not imported either, so nothing changed."
    )]
    EntryTooLarge { index: usize, limit: usize },
    /// The bytes are not JSON; `line` and `column` count from 1.
    #[error("This file is not valid JSON: {reason} (line {line}, column {column}).")]
    NotJson {
        line: usize,
        column: usize,
        reason: String,
    },
    /// The JSON is readable but a value is missing or of the wrong kind at
    /// `path` (for example `first.items[3].target.selector[0].exact`).
    #[error("{}: {problem}", shown_path(path))]
    Shape { path: String, problem: String },
    /// A pizhu export written in a format version this build does not read.
    #[error(
        "This file uses pizhu export format {found}, but this copy of pizhu reads formats 1 \
         to {supported} only. If the file comes from a newer pizhu, update pizhu and try again."
    )]
    UnsupportedVersion { found: u64, supported: u64 },
    /// Valid JSON, but none of the shapes pizhu imports.
    #[error(
        "This file is not an annotation export pizhu knows. Expected a pizhu export, a W3C Web \
         Annotation (or a list of them) or a Hypothesis export, but found {found}."
    )]
    UnknownFormat { found: String },
    /// A shared link whose text is damaged (`position` counts characters from 0).
    #[error("This shared link is damaged: character {position} does not belong in it.")]
    BadShareLink { position: usize },
}

fn shown_path(path: &str) -> &str {
    if path.is_empty() {
        "the file as a whole"
    } else {
        path
    }
}
