//! Errors of the annotation area.

use thiserror::Error;

/// Why a range could not be described as a [`Target`](super::Target).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum AnchorError {
    /// The range selects no text.
    #[error("empty range {start}..{end}")]
    EmptyRange { start: usize, end: usize },
    /// The range ends before it starts.
    #[error("reversed range {start}..{end}")]
    ReversedRange { start: usize, end: usize },
    /// The range reaches past the end of the text.
    #[error("range {start}..{end} is out of bounds for a text of {len} code points")]
    OutOfBounds {
        start: usize,
        end: usize,
        len: usize,
    },
}
