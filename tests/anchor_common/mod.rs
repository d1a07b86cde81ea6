//! Shared test helpers: mixed-script text strategies and brute-force oracles.
#![allow(dead_code)]

use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

/// Small vocabulary so quotes repeat, plus hard cases: ZWJ family, flags,
/// skin tone modifier, combining marks, ideographic space, newlines.
pub const TOKENS: &[&str] = &[
    "中",
    "国",
    "新",
    "闻",
    "的",
    "了",
    "，",
    "。",
    "a",
    "b",
    "Z",
    " ",
    "\n",
    "\r\n",
    "\u{3000}",
    "👍",
    "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}",
    "\u{1F1E8}\u{1F1F3}",
    "\u{1F1FA}\u{1F1F8}",
    "\u{1F44B}\u{1F3FD}",
    "e\u{0301}",
    "\u{0308}",
    "\u{0323}\u{0301}",
];

pub fn token() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(TOKENS).prop_map(String::from),
        2 => proptest::char::range('\u{4E00}', '\u{9FFF}').prop_map(String::from),
        1 => proptest::char::range('\u{20000}', '\u{2A6DF}').prop_map(String::from),
    ]
}

pub fn text(max_tokens: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(token(), 0..max_tokens).prop_map(|t| t.concat())
}

pub fn chars(text: &str) -> Vec<char> {
    text.chars().collect()
}

pub fn slice(text: &str, start: usize, end: usize) -> String {
    text.chars()
        .skip(start)
        .take(end.saturating_sub(start))
        .collect()
}

/// Char offsets of all extended grapheme boundaries, 0 and len included.
pub fn grapheme_boundaries(text: &str) -> Vec<usize> {
    let mut out: Vec<usize> = text
        .grapheme_indices(true)
        .map(|(b, _)| text[..b].chars().count())
        .collect();
    out.push(text.chars().count());
    out
}

/// Levenshtein distance over code points.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let next = (prev + usize::from(ca != cb))
                .min(row[j] + 1)
                .min(row[j + 1] + 1);
            prev = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}
