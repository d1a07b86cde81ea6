//! UTF-16 / code point / byte conversions, grapheme snapping and trimming.
#![cfg(not(target_arch = "wasm32"))]

#[path = "anchor_common/mod.rs"]
mod common;

use pizhu::core::text::{
    byte_to_char, char_to_byte, char_to_utf16_offset, is_trimmable, snap_to_graphemes,
    trim_whitespace, utf16_to_char_offset, CharIndex,
};
use proptest::prelude::*;

#[test]
fn surrogate_pair_interior_is_none() {
    let text = "中😀𠀀";
    // 中 = 1 unit, 😀 = 2, 𠀀 = 2
    assert_eq!(utf16_to_char_offset(text, 1), Some(1));
    assert_eq!(utf16_to_char_offset(text, 2), None);
    assert_eq!(utf16_to_char_offset(text, 3), Some(2));
    assert_eq!(utf16_to_char_offset(text, 4), None);
    assert_eq!(utf16_to_char_offset(text, 5), Some(3));
    assert_eq!(utf16_to_char_offset(text, 6), None);
    let index = CharIndex::new(text);
    assert_eq!(index.utf16_to_char(2), None);
    assert_eq!(index.utf16_to_char(4), None);
    assert_eq!(index.utf16_len(), 5);
}

proptest! {
    #[test]
    fn utf16_char_round_trip(text in common::text(120)) {
        let index = CharIndex::new(&text);
        let n = text.chars().count();
        prop_assert_eq!(index.char_len(), n);
        for c in 0..=n {
            let u = char_to_utf16_offset(&text, c);
            prop_assert!(u.is_some());
            prop_assert_eq!(index.char_to_utf16(c), u);
            let u = u.unwrap_or_default();
            prop_assert_eq!(utf16_to_char_offset(&text, u), Some(c));
            prop_assert_eq!(index.utf16_to_char(u), Some(c));
            let b = char_to_byte(&text, c);
            prop_assert_eq!(index.char_to_byte(c), b);
            prop_assert_eq!(b.and_then(|b| byte_to_char(&text, b)), Some(c));
        }
        prop_assert_eq!(char_to_utf16_offset(&text, n + 1), None);
        prop_assert_eq!(char_to_byte(&text, n + 1), None);
        prop_assert_eq!(index.char_to_byte(n + 1), None);

        // Every UTF-16 offset: Some exactly at code point starts.
        let units: Vec<u16> = text.encode_utf16().collect();
        for u in 0..=units.len() + 1 {
            let inside_pair = units.get(u).is_some_and(|&w| (0xDC00..0xE000).contains(&w));
            let expected = if u > units.len() || inside_pair {
                None
            } else {
                Some(String::from_utf16_lossy(&units[..u]).chars().count())
            };
            prop_assert_eq!(utf16_to_char_offset(&text, u), expected);
            prop_assert_eq!(index.utf16_to_char(u), expected);
        }
    }

    #[test]
    fn snapping_widens_to_nearest_boundaries(
        text in common::text(60),
        a in any::<prop::sample::Index>(),
        b in any::<prop::sample::Index>(),
    ) {
        let n = text.chars().count();
        let (a, b) = (a.index(n + 1), b.index(n + 1));
        let (start, end) = (a.min(b), a.max(b));
        let bounds = common::grapheme_boundaries(&text);
        let (s, e) = snap_to_graphemes(&text, start, end);
        let floor = bounds.iter().copied().filter(|&x| x <= start).max();
        let ceil = bounds.iter().copied().filter(|&x| x >= end).min();
        prop_assert_eq!(Some(s), floor);
        prop_assert_eq!(Some(e), ceil);
        prop_assert_eq!(snap_to_graphemes(&text, end, start), (s, e));
    }

    #[test]
    fn trimming_removes_only_edge_whitespace(
        text in common::text(60),
        a in any::<prop::sample::Index>(),
        b in any::<prop::sample::Index>(),
    ) {
        let chars = common::chars(&text);
        let (a, b) = (a.index(chars.len() + 1), b.index(chars.len() + 1));
        let (start, end) = (a.min(b), a.max(b));
        let all_blank = chars[start..end].iter().all(|&c| is_trimmable(c));
        match trim_whitespace(&text, start, end) {
            None => prop_assert!(all_blank),
            Some((s, e)) => {
                prop_assert!(start <= s && s < e && e <= end);
                prop_assert!(chars[start..s].iter().all(|&c| is_trimmable(c)));
                prop_assert!(chars[e..end].iter().all(|&c| is_trimmable(c)));
                prop_assert!(!is_trimmable(chars[s]) && !is_trimmable(chars[e - 1]));
            }
        }
    }
}

#[test]
fn snapping_examples() {
    let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}";
    let text = format!("新{family}闻");
    assert_eq!(snap_to_graphemes(&text, 3, 3), (1, 6));
    assert_eq!(snap_to_graphemes(&text, 0, 2), (0, 6));
    assert_eq!(snap_to_graphemes(&text, 6, 7), (6, 7));
    assert_eq!(snap_to_graphemes(&text, 50, 60), (7, 7));
}

#[test]
fn trimming_examples() {
    assert_eq!(trim_whitespace("\u{3000}两会\n", 0, 4), Some((1, 3)));
    assert_eq!(trim_whitespace("\u{200B} \n", 0, 3), None);
}
