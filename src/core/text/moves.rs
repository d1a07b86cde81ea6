//! Selecting by keyboard: sentence spans of the canonical text, and moves of a selection
//! (next or previous sentence, either edge by one character or the end by one sentence).
//!
//! Offsets are code points, as everywhere in the canonical text. Every result is a range
//! that [`clean_range`] leaves as it is (no whitespace at the edges, no cut grapheme
//! cluster), so pressing the same key again always moves on from where the last press left
//! the selection.

use super::{
    ceil_boundary, floor_boundary, is_trimmable, snap_to_graphemes_in, trim_whitespace_in,
    CharIndex,
};

/// A selection as the app keeps it: trimmed of whitespace at both edges, then widened so
/// that neither edge cuts a grapheme cluster; `None` if nothing is left.
pub fn clean_range(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    clean_in(&CharIndex::new(text), start, end)
}

fn clean_in(index: &CharIndex<'_>, start: usize, end: usize) -> Option<(usize, usize)> {
    let (start, end) = trim_whitespace_in(index, start.min(end), start.max(end))?;
    let (start, end) = snap_to_graphemes_in(index, start, end);
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

/// Characters that end a sentence. A full stop counts only before whitespace or the end of
/// a line, so "3.14" and "U.S." stay whole.
fn ends_sentence(c: char, next: Option<char>) -> bool {
    match c {
        '。' | '！' | '？' | '!' | '?' | '｡' => true,
        '.' => next.is_none_or(char::is_whitespace),
        _ => false,
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

/// Every sentence of `text` as a code point range without whitespace at its edges. A line
/// break (the canonical text puts one between paragraphs, headings and captions) always
/// ends a sentence. Edges are not widened to whole grapheme clusters (a combining mark right
/// after a full stop would be cut off): [`move_selection`] cleans the span it picks, so this
/// scan stays one cheap pass over long articles.
pub fn sentence_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start: Option<usize> = None;
    let mut last_visible = 0;
    let mut chars = text.chars().enumerate().peekable();
    while let Some((i, c)) = chars.next() {
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
        if ends_sentence(c, chars.peek().map(|&(_, n)| n)) {
            // Runs of terminators and the closing marks after them stay with the sentence.
            while let Some(&(j, n)) = chars.peek() {
                if ends_sentence(n, None) || closes(n) {
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
/// (the first offset visible on screen), used when nothing is selected. Returns the new
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
        (PreviousSentence, None) => {
            let spans = sentences();
            let at = spans.iter().position(|&(_, e)| e > reading_at);
            at.or(spans.len().checked_sub(1)).map(|i| spans[i])
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
        (EndForward, Some((start, end))) => {
            let index = CharIndex::new(text);
            let end = step_over(&index, end, true, |c| !is_trimmable(c))?;
            Some((start, end))
        }
        (EndBackward, Some((start, end))) => {
            let index = CharIndex::new(text);
            let end = step_over(&index, end, false, |_| true)?;
            let end = skip(&index, end, false, is_trimmable);
            (end > start).then_some((start, end))
        }
        (StartBackward, Some((start, end))) => {
            let index = CharIndex::new(text);
            let start = skip(&index, start, false, is_trimmable);
            let start = step_over(&index, start, false, |_| true)?;
            Some((start, end))
        }
        (StartForward, Some((start, end))) => {
            let index = CharIndex::new(text);
            let start = step_over(&index, start, true, |_| true)?;
            let start = skip(&index, start, true, is_trimmable);
            (start < end).then_some((start, end))
        }
        (_, None) => None,
    }?;
    clean_range(text, moved.0, moved.1).filter(|&cleaned| Some(cleaned) != current)
}

/// The grapheme boundary one cluster after (or before) code point `at`, moving on over
/// characters until the cluster it stepped over satisfies `accept` (so a step of the end
/// never lands just after a space or a line break, which cleaning would trim away again).
fn step_over(
    index: &CharIndex<'_>,
    at: usize,
    forward: bool,
    accept: impl Fn(char) -> bool,
) -> Option<usize> {
    let text = index.text();
    let mut byte = index.char_to_byte(at)?;
    loop {
        let (next, c) = if forward {
            let c = text[byte..].chars().next()?;
            (ceil_boundary(text, byte + c.len_utf8()), c)
        } else {
            let c = text[..byte].chars().next_back()?;
            (floor_boundary(text, byte - c.len_utf8()), c)
        };
        byte = next;
        if accept(c) {
            return index.byte_to_char(byte);
        }
    }
}

/// Moves `at` over characters matching `skip_if` in one direction (forward: the characters
/// at and after `at`; backward: those before it).
fn skip(index: &CharIndex<'_>, at: usize, forward: bool, skip_if: fn(char) -> bool) -> usize {
    let text = index.text();
    let Some(byte) = index.char_to_byte(at) else {
        return at;
    };
    let skipped = if forward {
        text[byte..].chars().take_while(|&c| skip_if(c)).count()
    } else {
        text[..byte]
            .chars()
            .rev()
            .take_while(|&c| skip_if(c))
            .count()
    };
    if forward {
        at + skipped
    } else {
        at - skipped
    }
}

#[cfg(test)]
mod tests {
    use super::SelectionMove::*;
    use super::*;

    fn quote(text: &str, (s, e): (usize, usize)) -> String {
        text.chars().skip(s).take(e - s).collect()
    }

    #[test]
    fn chinese_sentences_keep_their_closing_quotes() {
        let text = "局长表示：“我们承诺，三年内完成。”她同时强调，经费来自预算！真的吗？\n下一段 3.14 不断句. End";
        let spans: Vec<String> = sentence_spans(text)
            .into_iter()
            .map(|s| quote(text, s))
            .collect();
        assert_eq!(
            spans,
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
