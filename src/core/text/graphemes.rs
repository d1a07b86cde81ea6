//! Grapheme-cluster boundaries: widening code point ranges so they never cut
//! an emoji ZWJ sequence, a flag, or a base letter from its combining marks.
//!
//! Boundaries are found locally with a [`GraphemeCursor`], so snapping costs
//! O(cluster length) once the byte offset is known.

use unicode_segmentation::GraphemeCursor;

use super::CharIndex;

/// Largest extended grapheme boundary at or before byte `byte` (which must be
/// a char boundary). Falls back to `byte` itself if segmentation fails.
pub(crate) fn floor_boundary(text: &str, byte: usize) -> usize {
    let mut cursor = GraphemeCursor::new(byte, text.len(), true);
    match cursor.is_boundary(text, 0) {
        Ok(true) | Err(_) => byte,
        Ok(false) => match cursor.prev_boundary(text, 0) {
            Ok(Some(prev)) => prev,
            Ok(None) => 0,
            Err(_) => byte,
        },
    }
}

/// Smallest extended grapheme boundary at or after byte `byte` (which must be
/// a char boundary). Falls back to `byte` itself if segmentation fails.
pub(crate) fn ceil_boundary(text: &str, byte: usize) -> usize {
    let mut cursor = GraphemeCursor::new(byte, text.len(), true);
    match cursor.is_boundary(text, 0) {
        Ok(true) | Err(_) => byte,
        Ok(false) => match cursor.next_boundary(text, 0) {
            Ok(Some(next)) => next,
            Ok(None) => text.len(),
            Err(_) => byte,
        },
    }
}

/// Widens the code point range `start..end` so that neither edge falls inside
/// a grapheme cluster.
///
/// Offsets past the end are clamped to the text length and a reversed range
/// is put in order first. Scans the text once to locate the edges; use
/// [`snap_to_graphemes_in`] when converting many ranges over one text.
pub fn snap_to_graphemes(text: &str, start: usize, end: usize) -> (usize, usize) {
    snap_to_graphemes_in(&CharIndex::new(text), start, end)
}

/// [`snap_to_graphemes`] over a prebuilt [`CharIndex`].
pub fn snap_to_graphemes_in(index: &CharIndex<'_>, start: usize, end: usize) -> (usize, usize) {
    let len = index.char_len();
    let (start, end) = (start.min(len), end.min(len));
    let (start, end) = if start <= end {
        (start, end)
    } else {
        (end, start)
    };
    let text = index.text();
    let snap = |chars: usize, floor: bool| -> usize {
        let Some(byte) = index.char_to_byte(chars) else {
            return chars;
        };
        let snapped = if floor {
            floor_boundary(text, byte)
        } else {
            ceil_boundary(text, byte)
        };
        let (lo, hi) = (snapped.min(byte), snapped.max(byte));
        let moved = text.get(lo..hi).map_or(0, |s| s.chars().count());
        if floor {
            chars - moved.min(chars)
        } else {
            chars + moved
        }
    };
    (snap(start, true), snap(end, false))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widens_over_zwj_family_and_flags() {
        // "a" + family (man ZWJ woman ZWJ girl: 5 code points) + "b"
        let text = "a\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}b";
        assert_eq!(snap_to_graphemes(text, 2, 4), (1, 6));
        assert_eq!(snap_to_graphemes(text, 0, 1), (0, 1));
        // two flags: CN then US, 4 regional indicators
        let flags = "\u{1F1E8}\u{1F1F3}\u{1F1FA}\u{1F1F8}";
        assert_eq!(snap_to_graphemes(flags, 1, 3), (0, 4));
        assert_eq!(snap_to_graphemes(flags, 2, 3), (2, 4));
    }

    #[test]
    fn keeps_combining_marks_with_base() {
        let text = "xe\u{0301}\u{0323}y";
        assert_eq!(snap_to_graphemes(text, 2, 3), (1, 4));
        assert_eq!(snap_to_graphemes(text, 9, 2), (1, 5));
    }
}
