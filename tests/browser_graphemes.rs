//! In a browser, grapheme snapping runs on `Intl.Segmenter` (src/core/text/graphemes.rs):
//! emoji ZWJ sequences, skin tones, flags, combining marks and Hangul stay whole, long flag
//! runs pair from their first indicator and clusters longer than the first window are found
//! whole; and on random mixed text every snapped range agrees with unicode-segmentation,
//! the implementation the native tests use.
#![cfg(target_arch = "wasm32")]

use pizhu::core::text::snap_to_graphemes;
use unicode_segmentation::UnicodeSegmentation;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The code-point offsets of every grapheme boundary, by unicode-segmentation.
fn boundaries(text: &str) -> Vec<usize> {
    let mut out = vec![0];
    let mut chars = 0;
    for cluster in text.graphemes(true) {
        chars += cluster.chars().count();
        out.push(chars);
    }
    out
}

/// What snapping `start..end` should give: the nearest boundaries outside it.
fn expected(bounds: &[usize], start: usize, end: usize) -> (usize, usize) {
    let floor = bounds
        .iter()
        .rev()
        .find(|&&b| b <= start)
        .copied()
        .unwrap_or(0);
    let ceil = bounds.iter().find(|&&b| b >= end).copied().unwrap_or(end);
    (floor, ceil)
}

#[wasm_bindgen_test]
fn zwj_families_flags_and_combining_marks_stay_whole() {
    let family = "a\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}b";
    assert_eq!(snap_to_graphemes(family, 2, 4), (1, 6));
    assert_eq!(snap_to_graphemes(family, 0, 1), (0, 1));
    let flags = "\u{1F1E8}\u{1F1F3}\u{1F1FA}\u{1F1F8}";
    assert_eq!(snap_to_graphemes(flags, 1, 3), (0, 4));
    assert_eq!(snap_to_graphemes(flags, 2, 3), (2, 4));
    let marks = "xe\u{0301}\u{0323}y";
    assert_eq!(snap_to_graphemes(marks, 2, 3), (1, 4));
    assert_eq!(snap_to_graphemes(marks, 9, 2), (1, 5));
    let thumbs = "好👍🏽的";
    assert_eq!(snap_to_graphemes(thumbs, 2, 2), (1, 3));
    let hangul = "\u{1100}\u{1161}\u{11A8}가";
    assert_eq!(snap_to_graphemes(hangul, 1, 2), (0, 3));
}

#[wasm_bindgen_test]
fn long_flag_runs_pair_from_their_first_indicator() {
    // 41 flags (82 indicators, 328 bytes) after some text: windows start inside the run.
    let run: String = (0..82)
        .map(|i| char::from_u32(0x1F1E6 + (i % 26)).unwrap_or('?'))
        .collect();
    let text = format!("国旗：{run}。");
    for k in 3..(3 + 82) {
        let pair_start = 3 + (k - 3) / 2 * 2;
        assert_eq!(
            snap_to_graphemes(&text, k, k + 1),
            (pair_start, pair_start + 2),
            "at {k}"
        );
    }
}

#[wasm_bindgen_test]
fn clusters_longer_than_the_window_are_found_whole() {
    let cluster: String = std::iter::once('a')
        .chain(std::iter::repeat_n('\u{0301}', 150))
        .collect();
    let text = format!("前{cluster}后");
    assert_eq!(snap_to_graphemes(&text, 80, 81), (1, 152));
    assert_eq!(snap_to_graphemes(&text, 0, 2), (0, 152));
}

#[wasm_bindgen_test]
fn random_mixed_text_snaps_as_unicode_segmentation_does() {
    let pool = [
        "中",
        "文",
        "a",
        "Z",
        " ",
        "，",
        "𠀀",
        "😀",
        "👍",
        "\u{1F3FD}",
        "\u{200D}",
        "\u{1F469}",
        "\u{1F1E8}",
        "\u{1F1F3}",
        "e",
        "\u{0301}",
        "\u{0323}",
        "\u{1100}",
        "\u{1161}",
        "\u{11A8}",
        "\u{FE0F}",
        "❤",
        "\n",
    ];
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut next = |bound: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % bound as u64) as usize
    };
    for _ in 0..200 {
        let len = 1 + next(120);
        let text: String = (0..len).map(|_| pool[next(pool.len())]).collect();
        let bounds = boundaries(&text);
        let chars = text.chars().count();
        for _ in 0..10 {
            let start = next(chars + 1);
            let end = start + next(chars + 1 - start);
            assert_eq!(
                snap_to_graphemes(&text, start, end),
                expected(&bounds, start, end),
                "{text:?} {start}..{end}"
            );
        }
    }
}
