//! Trimming whitespace (including U+3000 ideographic space and newlines) from
//! the edges of a code point range, as a user selection often drags some in.

use super::CharIndex;

/// Whether `c` is trimmed from selection edges: Unicode `White_Space`
/// (spaces, U+3000, tabs, all newlines, NBSP) plus the invisible U+200B zero
/// width space and U+FEFF byte order mark common in scraped Chinese news.
pub fn is_trimmable(c: char) -> bool {
    c.is_whitespace() || c == '\u{200B}' || c == '\u{FEFF}'
}

/// Shrinks the code point range `start..end` past trimmable characters on
/// both edges. Returns `None` if nothing remains, or if the range is reversed
/// or out of bounds.
pub fn trim_whitespace(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    trim_whitespace_in(&CharIndex::new(text), start, end)
}

/// [`trim_whitespace`] over a prebuilt [`CharIndex`].
pub fn trim_whitespace_in(
    index: &CharIndex<'_>,
    start: usize,
    end: usize,
) -> Option<(usize, usize)> {
    let slice = index.slice(start, end)?;
    let lead = slice.chars().take_while(|&c| is_trimmable(c)).count();
    let total = end - start;
    if lead == total {
        return None;
    }
    let trail = slice.chars().rev().take_while(|&c| is_trimmable(c)).count();
    Some((start + lead, end - trail))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_ideographic_space_and_newlines() {
        let text = "\u{3000}\n新闻 \r\n";
        assert_eq!(trim_whitespace(text, 0, 7), Some((2, 4)));
        assert_eq!(trim_whitespace(text, 0, 2), None);
        assert_eq!(trim_whitespace(text, 2, 2), None);
        assert_eq!(trim_whitespace(text, 3, 2), None);
        assert_eq!(trim_whitespace(text, 0, 8), None);
    }
}
