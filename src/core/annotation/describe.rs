//! Describing a code point range of the text as a [`Target`]: the quote with
//! grapheme-safe context plus the position.

use crate::core::text::{ceil_boundary, floor_boundary, CharIndex};

use super::{AnchorError, Target, TextPositionSelector, TextQuoteSelector};

/// Most code points of context stored on each side of the quote.
pub const CONTEXT_CHARS: usize = 32;

/// Describes `start..end` (code points, end exclusive) of `text`.
///
/// The range itself is kept as given (snap it first with
/// [`snap_to_graphemes`](crate::core::text::snap_to_graphemes) if it comes
/// from a raw selection). Prefix and suffix hold up to [`CONTEXT_CHARS`] code
/// points each; they are shortened rather than cut through a grapheme
/// cluster, and are shorter at the text edges.
pub fn describe(text: &str, start: usize, end: usize) -> Result<Target, AnchorError> {
    describe_in(&CharIndex::new(text), start, end)
}

/// [`describe`] over a prebuilt [`CharIndex`].
pub fn describe_in(index: &CharIndex<'_>, start: usize, end: usize) -> Result<Target, AnchorError> {
    let len = index.char_len();
    if start > end {
        return Err(AnchorError::ReversedRange { start, end });
    }
    if end > len {
        return Err(AnchorError::OutOfBounds { start, end, len });
    }
    if start == end {
        return Err(AnchorError::EmptyRange { start, end });
    }
    let out_of_bounds = AnchorError::OutOfBounds { start, end, len };
    let text = index.text();
    let byte = |chars: usize| index.char_to_byte(chars).ok_or(out_of_bounds.clone());
    let (from, to) = (byte(start)?, byte(end)?);
    let before = ceil_boundary(text, byte(start.saturating_sub(CONTEXT_CHARS))?).min(from);
    let after = floor_boundary(text, byte((end + CONTEXT_CHARS).min(len))?).max(to);
    let slice = |a: usize, b: usize| {
        text.get(a..b)
            .map(str::to_owned)
            .ok_or(out_of_bounds.clone())
    };
    Ok(Target {
        quote: TextQuoteSelector {
            exact: slice(from, to)?,
            prefix: slice(before, from)?,
            suffix: slice(to, after)?,
        },
        position: TextPositionSelector { start, end },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_is_bounded_and_grapheme_safe() {
        let text = format!("{}中文{}", "a".repeat(40), "b".repeat(40));
        let target = describe(&text, 40, 42).unwrap();
        assert_eq!(target.quote.exact, "中文");
        assert_eq!(target.quote.prefix, "a".repeat(32));
        assert_eq!(target.quote.suffix, "b".repeat(32));

        // A flag straddles the 32-code-point context edge on the left, an
        // accented letter on the right: both are dropped, not cut.
        let text = format!(
            "\u{1F1E8}\u{1F1F3}{}X{}e\u{0301}",
            "a".repeat(31),
            "b".repeat(31)
        );
        let target = describe(&text, 33, 34).unwrap();
        assert_eq!(target.quote.exact, "X");
        assert_eq!(target.quote.prefix, "a".repeat(31));
        assert_eq!(target.quote.suffix, "b".repeat(31));
    }

    #[test]
    fn rejects_bad_ranges() {
        assert_eq!(
            describe("abc", 1, 1),
            Err(AnchorError::EmptyRange { start: 1, end: 1 })
        );
        assert_eq!(
            describe("abc", 2, 1),
            Err(AnchorError::ReversedRange { start: 2, end: 1 })
        );
        assert_eq!(
            describe("abc", 1, 4),
            Err(AnchorError::OutOfBounds {
                start: 1,
                end: 4,
                len: 3
            })
        );
    }
}
