//! The rendered text: an article's text as a W3C anchorer that reads the page sees it.
//!
//! Offsets inside pizhu count over the canonical text, which separates text units (and
//! `<br>`s) with "\n". The rendered article has no text there: its `<p>`, `<li>` and `<br>`
//! elements carry none, so a peer reading the DOM (`textContent`, a Range's text) sees the
//! canonical text without those separators. Text runs never hold a "\n" (whitespace is
//! collapsed when the article is parsed), so every "\n" of the canonical text is one.
//! Exports count over this text; imports may come in either, and anchoring accepts both.

/// The canonical text without its separators, with the map between the two.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RenderedText {
    text: String,
    /// Canonical code-point offset of every separator, ascending.
    canonical: Vec<usize>,
    /// Rendered code-point offset of every separator (how many rendered code points precede
    /// it), non-decreasing.
    rendered: Vec<usize>,
}

impl RenderedText {
    /// Drops the separators of `canonical` in one pass.
    pub fn new(canonical: &str) -> Self {
        let mut text = String::with_capacity(canonical.len());
        let mut separators = Vec::new();
        let mut rendered = Vec::new();
        let mut kept = 0;
        for (i, c) in canonical.chars().enumerate() {
            if c == '\n' {
                separators.push(i);
                rendered.push(kept);
            } else {
                text.push(c);
                kept += 1;
            }
        }
        Self {
            text,
            canonical: separators,
            rendered,
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// The rendered offset of a canonical offset (separators before it drop out; an offset on
    /// a separator gives the rendered offset right after the text before it).
    pub fn from_canonical(&self, offset: usize) -> usize {
        offset - self.canonical.partition_point(|&s| s < offset)
    }

    /// The canonical offset of the rendered code point at `offset`, for the start of a range:
    /// after every separator that precedes that code point.
    pub fn start_to_canonical(&self, offset: usize) -> usize {
        offset + self.rendered.partition_point(|&r| r <= offset)
    }

    /// The canonical offset just after the rendered code point before `offset`, for the end
    /// of a range: a range never grows to take in the separator after it.
    pub fn end_to_canonical(&self, offset: usize) -> usize {
        match offset.checked_sub(1) {
            Some(last) => self.start_to_canonical(last) + 1,
            None => 0,
        }
    }

    /// Rendered offsets in `from..=to` where a separator was (where one text unit or line
    /// ends and the next begins), ascending.
    pub fn boundaries(&self, from: usize, to: usize) -> &[usize] {
        let first = self.rendered.partition_point(|&r| r < from);
        let last = self.rendered.partition_point(|&r| r <= to);
        self.rendered.get(first..last).unwrap_or_default()
    }

    /// `start..end` of the canonical text as a rendered range.
    pub fn range_from_canonical(&self, start: usize, end: usize) -> (usize, usize) {
        (self.from_canonical(start), self.from_canonical(end))
    }

    /// `start..end` of the rendered text as a canonical range.
    pub fn range_to_canonical(&self, start: usize, end: usize) -> (usize, usize) {
        let from = self.start_to_canonical(start);
        (from, self.end_to_canonical(end).max(from))
    }
}

/// `text` without separators: a quote, prefix or suffix written over the canonical text, as
/// it reads in the rendered text.
pub fn without_separators(text: &str) -> String {
    text.replace('\n', "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_offsets_both_ways() {
        // Canonical "ab\ncd\n\nef": separators at 2, 5 and 6.
        let r = RenderedText::new("ab\ncd\n\nef");
        assert_eq!(r.text(), "abcdef");
        assert_eq!(r.from_canonical(0), 0);
        assert_eq!(r.from_canonical(2), 2);
        assert_eq!(r.from_canonical(3), 2);
        assert_eq!(r.from_canonical(7), 4);
        assert_eq!(r.from_canonical(9), 6);
        // "cd" is rendered 2..4 and canonical 3..5.
        assert_eq!(r.range_to_canonical(2, 4), (3, 5));
        // "bcde" spans the first separator: canonical 1..8 keeps it and not the next ones.
        assert_eq!(r.range_to_canonical(1, 5), (1, 8));
        assert_eq!(r.range_to_canonical(4, 6), (7, 9));
        assert_eq!(r.range_to_canonical(0, 0), (0, 0));
        assert_eq!(r.boundaries(0, 6), &[2, 4, 4]);
        assert_eq!(r.boundaries(3, 4), &[4, 4]);
        assert!(r.boundaries(5, 6).is_empty());
        for (start, end) in [(0, 2), (3, 5), (1, 8), (7, 9)] {
            let (a, b) = r.range_from_canonical(start, end);
            assert_eq!(r.range_to_canonical(a, b), (start, end));
        }
    }

    #[test]
    fn text_without_separators_is_itself() {
        let r = RenderedText::new("一二三");
        assert_eq!(r.text(), "一二三");
        assert_eq!(r.range_to_canonical(1, 3), (1, 3));
        assert_eq!(r.from_canonical(2), 2);
    }
}
