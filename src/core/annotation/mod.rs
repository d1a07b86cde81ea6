//! Annotations over an article's canonical text: the model (one annotation,
//! and an article's [`ArticleState`] with its tombstones and [`merge`]), W3C-style
//! selectors, describing a range, re-anchoring after the text changed, and
//! laying out highlights over rendered text runs.

mod anchor;
mod anchored;
mod context;
mod describe;
mod error;
mod fuzzy;
mod model;
mod myers;
mod occurrences;
mod quote;
mod segments;
mod selector;
mod state;
mod symbols;
mod workbench;

pub use anchor::{anchor, anchor_all, anchor_all_in};
pub use anchored::{AnchorConfig, AnchorMethod, Anchored};
pub use describe::{describe, describe_in, CONTEXT_CHARS};
pub use error::AnchorError;
pub use model::{Annotation, MAX_NOTE_CHARS};
pub use segments::{layout, HighlightId, Piece};
pub use selector::{Target, TextPositionSelector, TextQuoteSelector};
pub use state::{compare_annotations, merge, ArticleState, Tombstone};
pub use workbench::{clean_note, clean_selection, Span, Workbench};
