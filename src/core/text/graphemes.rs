//! Grapheme-cluster boundaries: widening code point ranges so they never cut
//! an emoji ZWJ sequence, a flag, or a base letter from its combining marks.
//!
//! Natively (tests, benches) boundaries come from unicode-segmentation's
//! [`GraphemeCursor`](unicode_segmentation::GraphemeCursor). In the browser they come from
//! the browser's own `Intl.Segmenter`, the segmentation its text selection follows:
//! unicode-segmentation's tables cost 6.4 KB of the brotli-compressed wasm. Both implement
//! Unicode's extended grapheme clusters (UAX #29); either way a boundary is found locally,
//! in O(cluster length) once the byte offset is known.

use super::CharIndex;

/// Largest extended grapheme boundary at or before byte `byte` (which must be
/// a char boundary). Falls back to `byte` itself if segmentation fails.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn floor_boundary(text: &str, byte: usize) -> usize {
    let mut cursor = unicode_segmentation::GraphemeCursor::new(byte, text.len(), true);
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
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn ceil_boundary(text: &str, byte: usize) -> usize {
    let mut cursor = unicode_segmentation::GraphemeCursor::new(byte, text.len(), true);
    match cursor.is_boundary(text, 0) {
        Ok(true) | Err(_) => byte,
        Ok(false) => match cursor.next_boundary(text, 0) {
            Ok(Some(next)) => next,
            Ok(None) => text.len(),
            Err(_) => byte,
        },
    }
}

/// Largest extended grapheme boundary at or before byte `byte` (which must be
/// a char boundary). Falls back to `byte` itself if segmentation fails.
#[cfg(target_arch = "wasm32")]
pub(crate) fn floor_boundary(text: &str, byte: usize) -> usize {
    match browser::cluster_containing(text, byte) {
        Some((start, _)) => start,
        None => byte,
    }
}

/// Smallest extended grapheme boundary at or after byte `byte` (which must be
/// a char boundary). Falls back to `byte` itself if segmentation fails.
#[cfg(target_arch = "wasm32")]
pub(crate) fn ceil_boundary(text: &str, byte: usize) -> usize {
    match browser::cluster_containing(text, byte) {
        Some((start, _)) if start == byte => byte,
        Some((_, end)) => end,
        None => byte,
    }
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use js_sys::{Array, Intl};

    thread_local! {
        static SEGMENTER: Intl::Segmenter = {
            let options = Intl::SegmenterOptions::new();
            options.set_granularity(Intl::SegmenterGranularity::Grapheme);
            Intl::Segmenter::new(&Array::new(), &options)
        };
    }

    /// The byte range of the grapheme cluster that contains byte `byte` of `text` (a char
    /// boundary), or `None` at either end of the text or if the browser gives no answer.
    ///
    /// Only a window around `byte` goes to the browser. A cluster that begins at the
    /// window's start or ends at its end may be cut by the window, so the window grows
    /// until neither happens (or it covers the text). A run of regional indicators (flags)
    /// pairs from its first one, so a window never begins inside such a run.
    pub fn cluster_containing(text: &str, byte: usize) -> Option<(usize, usize)> {
        if byte == 0 || byte >= text.len() {
            return None;
        }
        let (mut back, mut ahead) = (64usize, 64usize);
        loop {
            let mut start = floor_char(text, byte.saturating_sub(back));
            while let Some(c) = text[..start]
                .chars()
                .next_back()
                .filter(|&c| is_regional(c))
            {
                start -= c.len_utf8();
            }
            let end = ceil_char(text, byte.saturating_add(ahead).min(text.len()));
            let (from, to) = cluster_in_window(&text[start..end], byte - start)?;
            let (from, to) = (start + from, start + to);
            let cut_before = from == start && start > 0;
            let cut_after = to == end && end < text.len();
            if !cut_before && !cut_after {
                return Some((from, to));
            }
            if cut_before {
                back = back.saturating_mul(4);
            }
            if cut_after {
                ahead = ahead.saturating_mul(4);
            }
        }
    }

    /// The cluster containing byte `at` of `window`, in bytes of `window`.
    fn cluster_in_window(window: &str, at: usize) -> Option<(usize, usize)> {
        let at_utf16 = window.get(..at)?.encode_utf16().count();
        let segment = SEGMENTER.with(|s| s.segment(window).containing(at_utf16 as u32))?;
        let from_utf16 = segment.index() as usize;
        let to_utf16 = from_utf16 + segment.segment().length() as usize;
        let (mut from, mut to, mut utf16) = (None, None, 0usize);
        for (offset, c) in window.char_indices() {
            if utf16 == from_utf16 {
                from = Some(offset);
            }
            if utf16 == to_utf16 {
                to = Some(offset);
            }
            utf16 += c.len_utf16();
        }
        if utf16 == to_utf16 {
            to = Some(window.len());
        }
        Some((from?, to?))
    }

    fn is_regional(c: char) -> bool {
        ('\u{1F1E6}'..='\u{1F1FF}').contains(&c)
    }

    fn floor_char(text: &str, mut byte: usize) -> usize {
        while !text.is_char_boundary(byte) {
            byte -= 1;
        }
        byte
    }

    fn ceil_char(text: &str, mut byte: usize) -> usize {
        while !text.is_char_boundary(byte) {
            byte += 1;
        }
        byte
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
