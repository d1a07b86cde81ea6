//! Keyboard selection moves over random text of CJK, emoji (ZWJ sequences, flags), astral
//! ideographs, combining marks, spaces and line breaks: every move gives a selection that
//! cleaning leaves unchanged (so the next key press moves on from it), and moving the end
//! (or start) forward then back returns to where it was.
#![cfg(not(target_arch = "wasm32"))]

#[path = "anchor_common/mod.rs"]
mod common;

use pizhu::core::annotation::clean_selection;
use pizhu::core::text::{move_selection, sentence_spans, SelectionMove};
use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

const MOVES: [SelectionMove; 8] = [
    SelectionMove::NextSentence,
    SelectionMove::PreviousSentence,
    SelectionMove::EndForward,
    SelectionMove::EndBackward,
    SelectionMove::StartBackward,
    SelectionMove::StartForward,
    SelectionMove::EndToNextSentence,
    SelectionMove::EndToPreviousSentence,
];

proptest! {
    #[test]
    fn every_move_gives_a_clean_selection(
        text in common::text(160),
        picks in proptest::collection::vec(0..MOVES.len(), 1..40),
        reading_at in 0usize..160,
    ) {
        let len = text.chars().count();
        let mut current: Option<(usize, usize)> = None;
        for pick in picks {
            if let Some((start, end)) = move_selection(&text, current, reading_at.min(len), MOVES[pick]) {
                prop_assert!(start < end && end <= len, "{:?} gave {}..{}", MOVES[pick], start, end);
                prop_assert_eq!(clean_selection(&text, start, end), Some((start, end)), "{:?}", MOVES[pick]);
                current = Some((start, end));
            }
        }
    }

    #[test]
    fn stepping_an_edge_forward_then_back_returns(text in common::text(160), at in 0usize..160) {
        let spans = sentence_spans(&text);
        prop_assume!(!spans.is_empty());
        let (start, end) = spans[at % spans.len()];
        let sentence = clean_selection(&text, start, end);
        prop_assume!(sentence.is_some());
        let sentence = sentence.unwrap_or_default();
        if let Some(longer) = move_selection(&text, Some(sentence), 0, SelectionMove::EndForward) {
            prop_assert_eq!(move_selection(&text, Some(longer), 0, SelectionMove::EndBackward), Some(sentence));
        }
        if let Some(earlier) = move_selection(&text, Some(sentence), 0, SelectionMove::StartBackward) {
            prop_assert_eq!(move_selection(&text, Some(earlier), 0, SelectionMove::StartForward), Some(sentence));
        }
    }

    #[test]
    fn sentences_are_clean_ordered_and_cover_every_visible_character(text in common::text(160)) {
        let spans = sentence_spans(&text);
        let mut covered = vec![false; text.chars().count()];
        let mut previous_end = 0;
        for &(start, end) in &spans {
            prop_assert!(previous_end <= start && start < end);
            let chars: Vec<char> = text.chars().collect();
            prop_assert!(!pizhu::core::text::is_trimmable(chars[start]) && !pizhu::core::text::is_trimmable(chars[end - 1]));
            covered[start..end].iter_mut().for_each(|c| *c = true);
            previous_end = end;
        }
        // Every character of a cluster that does not start with whitespace is in a sentence
        // (a combining mark on a space is as blank as the space).
        let mut at = 0;
        for cluster in text.graphemes(true) {
            let first = cluster.chars().next().unwrap_or(' ');
            for (i, c) in cluster.chars().enumerate() {
                prop_assert!(covered[at + i] || pizhu::core::text::is_trimmable(first), "{:?} at {} is in no sentence", c, at + i);
            }
            at += cluster.chars().count();
        }
    }
}
