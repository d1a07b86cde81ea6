//! Selecting by keyboard: sentence spans of the canonical text, and moves of a selection
//! (next or previous sentence, either edge by one character or the end by one sentence).
//!
//! Offsets are code points, as everywhere in the canonical text. Every result is a range
//! that [`clean_range`] leaves as it is (no whitespace at the edges, no cut grapheme
//! cluster), so pressing the same key again always moves on from where the last press left
//! the selection.

use super::{
    byte_to_char, ceil_boundary, char_to_byte, floor_boundary, is_trimmable, snap_to_graphemes_in,
    trim_whitespace_in, CharIndex,
};

/// A selection as the app keeps it: trimmed of whitespace at both edges, then widened so
/// that neither edge cuts a grapheme cluster; `None` if nothing is left.
pub fn clean_range(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let index = CharIndex::new(text);
    let (start, end) = trim_whitespace_in(&index, start.min(end), start.max(end))?;
    let (start, end) = snap_to_graphemes_in(&index, start, end);
    (start < end).then_some((start, end))
}

/// One keyboard move of the selection.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SelectionMove {
    /// Select the next sentence (the one at the reading position when nothing is selected).
    NextSentence,
    /// Select the previous sentence (the start of the current one, if it began earlier).
    PreviousSentence,
    /// The end one character later.
    EndForward,
    /// The end one character earlier (the selection keeps at least one character).
    EndBackward,
    /// The start one character earlier.
    StartBackward,
    /// The start one character later (the selection keeps at least one character).
    StartForward,
    /// The end to the end of the next sentence.
    EndToNextSentence,
    /// The end back to the end of the previous sentence, if that is after the start.
    EndToPreviousSentence,
}

impl SelectionMove {
    /// Whether the move changes an existing selection (the others also start one).
    pub fn needs_selection(self) -> bool {
        !matches!(self, Self::NextSentence | Self::PreviousSentence)
    }
}

/// Characters that end a sentence (a full stop only under the condition in [`ends_sentence`]).
fn is_terminator(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?' | '｡' | '.')
}

/// Whether `c`, followed by `rest`, ends a sentence. A full stop counts only before
/// whitespace or the end of the line (after any closing quotes), so "3.14" stays whole; an
/// abbreviation before a space, as in "U.S. policy", does end one.
fn ends_sentence(c: char, rest: &str) -> bool {
    match c {
        '.' => rest
            .chars()
            .find(|&n| !closes(n))
            .is_none_or(char::is_whitespace),
        c => is_terminator(c),
    }
}

/// Closing quotes and brackets that belong to the sentence they follow: `“……还书。”` ends
/// after the quote mark.
fn closes(c: char) -> bool {
    matches!(
        c,
        '”' | '’' | '」' | '』' | '）' | ')' | '》' | '〉' | '】' | '"' | '\'' | '］' | ']'
    )
}

/// Whether the character at `byte` continues the grapheme cluster before it (a combining
/// mark, a zero width joiner and what it joins, the second half of a flag). ASCII and CJK
/// characters never do, which spares asking for the boundary on almost every character.
fn continues_cluster(text: &str, byte: usize, c: char) -> bool {
    let never = c.is_ascii()
        || ('\u{3000}'..='\u{303F}').contains(&c)
        || ('\u{3400}'..='\u{9FFF}').contains(&c)
        || ('\u{FF00}'..='\u{FFEF}').contains(&c);
    !never && byte > 0 && floor_boundary(text, byte) < byte
}

/// Every sentence of `text` as a code point range without whitespace at its edges and
/// without a cut grapheme cluster. A line break (the canonical text puts one between
/// paragraphs, headings and captions) always ends a sentence. A character that continues a
/// cluster goes where the cluster's first character went (a combining mark after a full stop
/// stays with its sentence; one on a space is part of that space).
pub fn sentence_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut start: Option<usize> = None;
    let mut last_visible = 0;
    let mut chars = text.char_indices().enumerate().peekable();
    while let Some((i, (byte, c))) = chars.next() {
        if continues_cluster(text, byte, c) {
            match spans.last_mut() {
                _ if start.is_some() && last_visible == i => last_visible = i + 1,
                Some(last) if start.is_none() && last.1 == i => last.1 = i + 1,
                _ => {}
            }
            continue;
        }
        if c == '\n' {
            if let Some(s) = start.take() {
                spans.push((s, last_visible));
            }
            continue;
        }
        if is_trimmable(c) {
            continue;
        }
        start.get_or_insert(i);
        last_visible = i + 1;
        if ends_sentence(c, &text[byte + c.len_utf8()..]) {
            // Runs of terminators and the closing marks after them stay with the sentence.
            while let Some(&(j, (_, n))) = chars.peek() {
                if is_terminator(n) || closes(n) {
                    last_visible = j + 1;
                    chars.next();
                } else {
                    break;
                }
            }
            if let Some(s) = start.take() {
                spans.push((s, last_visible));
            }
        }
    }
    if let Some(s) = start {
        spans.push((s, last_visible));
    }
    spans
}

/// Apply `step` to the selection `current` in `text`. `reading_at` is where the reader is
/// (the caret, or the first offset on screen), used when nothing is selected. Returns the new
/// selection, or `None` when the move is not possible (nothing selected for an edge move, no
/// further sentence, or the selection would become empty).
pub fn move_selection(
    text: &str,
    current: Option<(usize, usize)>,
    reading_at: usize,
    step: SelectionMove,
) -> Option<(usize, usize)> {
    use SelectionMove::*;
    let sentences = || sentence_spans(text);
    let moved = match (step, current) {
        (NextSentence, None) => sentences().into_iter().find(|&(_, e)| e > reading_at),
        (NextSentence, Some((_, end))) => sentences().into_iter().find(|&(s, _)| s >= end),
        // Before the caret (or the top line): the last sentence that starts before it.
        (PreviousSentence, None) => {
            let spans = sentences();
            let before = spans.iter().rev().find(|&&(s, _)| s < reading_at);
            before.or(spans.first()).copied()
        }
        (PreviousSentence, Some((start, _))) => {
            sentences().into_iter().rev().find(|&(s, _)| s < start)
        }
        (EndToNextSentence, Some((start, end))) => sentences()
            .into_iter()
            .find(|&(_, e)| e > end)
            .map(|(_, e)| (start, e)),
        (EndToPreviousSentence, Some((start, end))) => sentences()
            .into_iter()
            .rev()
            .find(|&(_, e)| e < end && e > start)
            .map(|(_, e)| (start, e)),
        // Edges step over whole clusters, and over blank ones without stopping, so that the
        // next press moves on from where this one left the edge.
        (EndForward, Some((start, end))) => {
            let at = skip_blank(text, char_to_byte(text, end)?, true);
            Some((start, byte_to_char(text, cluster(text, at, true)?.0)?))
        }
        (EndBackward, Some((start, end))) => {
            let at = cluster(text, char_to_byte(text, end)?, false)?.0;
            let end = byte_to_char(text, skip_blank(text, at, false))?;
            (end > start).then_some((start, end))
        }
        (StartBackward, Some((start, end))) => {
            let at = skip_blank(text, char_to_byte(text, start)?, false);
            Some((byte_to_char(text, cluster(text, at, false)?.0)?, end))
        }
        (StartForward, Some((start, end))) => {
            let at = cluster(text, char_to_byte(text, start)?, true)?.0;
            let start = byte_to_char(text, skip_blank(text, at, true))?;
            (start < end).then_some((start, end))
        }
        (_, None) => None,
    }?;
    clean_range(text, moved.0, moved.1).filter(|&cleaned| Some(cleaned) != current)
}

/// The grapheme cluster that starts at byte `at` (forward) or ends there (backward): the
/// byte offset of its other end, and its first character, which decides whether the whole
/// cluster counts as blank (a space with a combining mark on it is blank, as it is when a
/// selection is cleaned).
fn cluster(text: &str, at: usize, forward: bool) -> Option<(usize, char)> {
    if forward {
        let c = text.get(at..)?.chars().next()?;
        Some((ceil_boundary(text, at + c.len_utf8()), c))
    } else {
        let c = text.get(..at)?.chars().next_back()?;
        let start = floor_boundary(text, at - c.len_utf8());
        Some((start, text[start..].chars().next()?))
    }
}

/// Moves byte offset `at` over blank clusters, forward or backward.
fn skip_blank(text: &str, mut at: usize, forward: bool) -> usize {
    while let Some((next, first)) = cluster(text, at, forward) {
        if !is_trimmable(first) {
            break;
        }
        at = next;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::SelectionMove::*;
    use super::*;

    fn quote(text: &str, (s, e): (usize, usize)) -> String {
        text.chars().skip(s).take(e - s).collect()
    }

    fn sentences(text: &str) -> Vec<String> {
        sentence_spans(text)
            .into_iter()
            .map(|s| quote(text, s))
            .collect()
    }

    #[test]
    fn chinese_sentences_keep_their_closing_quotes() {
        let text = "局长表示：“我们承诺，三年内完成。”她同时强调，经费来自预算！真的吗？\n下一段 3.14 不断句. End";
        assert_eq!(
            sentences(text),
            [
                "局长表示：“我们承诺，三年内完成。”",
                "她同时强调，经费来自预算！",
                "真的吗？",
                "下一段 3.14 不断句.",
                "End",
            ]
        );
    }

    #[test]
    fn a_full_stop_before_a_closing_quote_ends_a_sentence() {
        let text = "He said \"Stop.\" Then he left. (See above.) Next one.";
        assert_eq!(
            sentences(text),
            [
                "He said \"Stop.\"",
                "Then he left.",
                "(See above.)",
                "Next one."
            ]
        );
    }

    #[test]
    fn a_combining_mark_stays_with_the_cluster_it_joins() {
        // On a full stop: part of that sentence, so S does not skip the next one.
        let text = "一。\u{301}二。三。";
        let first = move_selection(text, None, 0, NextSentence).unwrap();
        assert_eq!(quote(text, first), "一。\u{301}");
        let second = move_selection(text, Some(first), 0, NextSentence).unwrap();
        assert_eq!(quote(text, second), "二。");
        // On a space: blank like the space, in both directions.
        let text = "。 \u{308}一";
        let longer = move_selection(text, Some((0, 1)), 0, EndForward).unwrap();
        assert_eq!(quote(text, longer), "。 \u{308}一");
        assert_eq!(
            move_selection(text, Some(longer), 0, EndBackward),
            Some((0, 1))
        );
    }

    #[test]
    fn previous_sentence_from_the_caret_is_the_one_before_it() {
        let text = "一。二。";
        // The caret after a new highlight on the first sentence: Shift+S selects that one.
        assert_eq!(
            move_selection(text, None, 2, PreviousSentence),
            Some((0, 2))
        );
        assert_eq!(move_selection(text, None, 2, NextSentence), Some((2, 4)));
    }

    #[test]
    fn next_and_previous_sentence() {
        let text = "第一句。第二句。\n第三句";
        let first = move_selection(text, None, 0, NextSentence).unwrap();
        assert_eq!(quote(text, first), "第一句。");
        let second = move_selection(text, Some(first), 0, NextSentence).unwrap();
        assert_eq!(quote(text, second), "第二句。");
        let third = move_selection(text, Some(second), 0, NextSentence).unwrap();
        assert_eq!(quote(text, third), "第三句");
        assert_eq!(move_selection(text, Some(third), 0, NextSentence), None);
        assert_eq!(
            move_selection(text, Some(third), 0, PreviousSentence),
            Some(second)
        );
        // Nothing selected: the sentence at the reading position.
        assert_eq!(move_selection(text, None, 5, NextSentence), Some(second));
        assert_eq!(
            move_selection(text, None, 5, PreviousSentence),
            Some(second)
        );
    }

    #[test]
    fn edges_move_by_one_grapheme_and_never_onto_whitespace() {
        let text = "a👨‍👩‍👧 b\nc";
        // "a" selected; the end steps over the whole family emoji, then past the space to b.
        let family = move_selection(text, Some((0, 1)), 0, EndForward).unwrap();
        assert_eq!(quote(text, family), "a👨‍👩‍👧");
        let b = move_selection(text, Some(family), 0, EndForward).unwrap();
        assert_eq!(quote(text, b), "a👨‍👩‍👧 b");
        let c = move_selection(text, Some(b), 0, EndForward).unwrap();
        assert_eq!(quote(text, c), "a👨‍👩‍👧 b\nc");
        assert_eq!(
            move_selection(text, Some(c), 0, EndForward),
            None,
            "end of text"
        );
        assert_eq!(move_selection(text, Some(c), 0, EndBackward), Some(b));
        assert_eq!(move_selection(text, Some(b), 0, EndBackward), Some(family));
        let start = move_selection(text, Some(b), 0, StartForward).unwrap();
        assert_eq!(quote(text, start), "👨‍👩‍👧 b");
        let start = move_selection(text, Some(start), 0, StartForward).unwrap();
        assert_eq!(quote(text, start), "b");
        assert_eq!(
            move_selection(text, Some(start), 0, StartForward),
            None,
            "never empty"
        );
        let back = move_selection(text, Some(start), 0, StartBackward).unwrap();
        assert_eq!(quote(text, back), "👨‍👩‍👧 b");
        assert_eq!(move_selection(text, None, 0, EndForward), None);
    }

    #[test]
    fn the_end_moves_by_whole_sentences() {
        let text = "一。二。三。";
        let one = (0, 2);
        let two = move_selection(text, Some(one), 0, EndToNextSentence).unwrap();
        assert_eq!(quote(text, two), "一。二。");
        assert_eq!(
            move_selection(text, Some(two), 0, EndToPreviousSentence),
            Some(one)
        );
        assert_eq!(
            move_selection(text, Some(one), 0, EndToPreviousSentence),
            None
        );
    }
}
