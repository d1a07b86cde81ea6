//! The snippet a search result shows: the match with about [`CONTEXT_CHARS`] code points
//! on each side, widened to grapheme boundaries so that no emoji or accented letter is cut.

use crate::core::text::{ceil_boundary, floor_boundary};

/// Code points of context on each side of a match.
pub const CONTEXT_CHARS: usize = 30;

/// The snippet around the match at bytes `start..end` of `text` (char boundaries), and the
/// match's code-point range inside the snippet. Paragraph separators show as spaces (one
/// code point for one, so the range stays right).
pub(super) fn snippet(text: &str, start: usize, end: usize) -> (String, (usize, usize)) {
    let from = text[..start]
        .char_indices()
        .rev()
        .take(CONTEXT_CHARS)
        .last()
        .map_or(start, |(at, _)| at);
    let to = text[end..]
        .char_indices()
        .nth(CONTEXT_CHARS)
        .map_or(text.len(), |(at, _)| end + at);
    let (from, to) = (floor_boundary(text, from), ceil_boundary(text, to));
    let before = text[from..start].chars().count();
    let inside = text[start..end].chars().count();
    let shown = text[from..to].replace('\n', " ");
    (shown, (before, before + inside))
}
