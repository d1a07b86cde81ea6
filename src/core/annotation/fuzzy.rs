//! Stage 3 of anchoring: bounded approximate search for a quote whose text
//! was edited, within a work budget so long texts stay fast.

use crate::core::text::{snap_to_graphemes_in, CharIndex};

use super::myers::{MaskPool, Myers, Start};
use super::symbols::Symbols;

/// An approximate match of the quote.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct FuzzyMatch {
    pub start: usize,
    pub end: usize,
    /// Edit distance (code points) between the quote and `start..end`.
    pub distance: usize,
    /// Another equally close match ends more than a quote length away.
    pub ambiguous: bool,
}

/// A quote prepared for approximate search.
pub(crate) struct FuzzyQuote {
    forward: Myers,
    backward: Myers,
    max_errors: usize,
}

impl FuzzyQuote {
    /// Prepares `exact` for the text of `symbols`, allowing
    /// `floor(len * max_error_ratio)` edits. `None` when that allows no edit
    /// at all (short quotes), since exact matches are found by the earlier
    /// stages.
    /// Release it with [`FuzzyQuote::release`] to recycle its buffers.
    pub fn new(
        exact: &str,
        max_error_ratio: f64,
        symbols: &Symbols,
        pool: &mut MaskPool,
    ) -> Option<Self> {
        let mut chars: Vec<char> = exact.chars().collect();
        let max_errors = (chars.len() as f64 * max_error_ratio.clamp(0.0, 1.0)).floor() as usize;
        if max_errors == 0 {
            return None;
        }
        let forward = Myers::new(&chars, symbols, pool)?;
        chars.reverse();
        let Some(backward) = Myers::new(&chars, symbols, pool) else {
            forward.release(pool);
            return None;
        };
        Some(Self {
            forward,
            backward,
            max_errors,
        })
    }

    /// Returns the mask buffers to `pool`.
    pub fn release(self, pool: &mut MaskPool) {
        self.forward.release(pool);
        self.backward.release(pool);
    }

    /// Quote length in code points.
    pub fn len(&self) -> usize {
        self.forward.len()
    }

    /// Best match inside the code point region `from..to`, ties going to the
    /// match ending closest to `near_end`. Spends work units from `budget`
    /// and gives up (`None`) if the region scan would exceed it.
    pub fn find(
        &self,
        text: (&CharIndex<'_>, &Symbols),
        (from, to): (usize, usize),
        near_end: usize,
        budget: &mut usize,
    ) -> Option<FuzzyMatch> {
        let (_, symbols) = text;
        let region = symbols.ids(from, to)?;
        let cost = self.forward.cost(region.len());
        *budget = budget.checked_sub(cost)?;

        // (distance, end, first end at that distance, last end at it)
        let mut best: Option<(usize, usize, usize, usize)> = None;
        self.forward
            .scan(region.iter().copied(), Start::Free, |j, d| {
                if d > self.max_errors {
                    return;
                }
                let end = from + j + 1;
                best = match best {
                    Some((bd, be, lo, _)) if d == bd => {
                        let closer = end.abs_diff(near_end) < be.abs_diff(near_end);
                        Some((bd, if closer { end } else { be }, lo, end))
                    }
                    Some(kept) if d > kept.0 => Some(kept),
                    _ => Some((d, end, end, end)),
                };
            });
        let (distance, end, lo, hi) = best?;
        let start = self.start_for(symbols, from, end, distance, budget)?;
        let (start, end, distance) = self.snapped(text, start, end, distance);
        Some(FuzzyMatch {
            start,
            end,
            distance,
            ambiguous: hi - lo > self.len(),
        })
    }

    /// Start of the best alignment ending at `end`, preferring the span
    /// length closest to the quote length.
    fn start_for(
        &self,
        symbols: &Symbols,
        floor: usize,
        end: usize,
        distance: usize,
        budget: &mut usize,
    ) -> Option<usize> {
        let from = end.saturating_sub(self.len() + distance).max(floor);
        let cost = self.backward.cost(end - from);
        *budget = budget.saturating_sub(cost);
        let tail = symbols.ids(from, end)?;
        let mut best: Option<(usize, usize)> = None;
        self.backward
            .scan(tail.iter().rev().copied(), Start::Anchored, |j, d| {
                let span = j + 1;
                let key = (d, span.abs_diff(self.len()));
                if best.is_none_or(|(bd, bs)| key < (bd, bs.abs_diff(self.len()))) {
                    best = Some((d, span));
                }
            });
        best.map(|(_, span)| end - span)
    }

    /// Widens the match to grapheme boundaries when that keeps it within the
    /// allowed edits; otherwise returns it unchanged.
    fn snapped(
        &self,
        (index, symbols): (&CharIndex<'_>, &Symbols),
        start: usize,
        end: usize,
        distance: usize,
    ) -> (usize, usize, usize) {
        let (s, e) = snap_to_graphemes_in(index, start, end);
        if (s, e) == (start, end) {
            return (start, end, distance);
        }
        let mut widened = None;
        if let Some(span) = symbols.ids(s, e) {
            self.forward
                .scan(span.iter().copied(), Start::Anchored, |_, d| {
                    widened = Some(d)
                });
        }
        match widened {
            Some(d) if d <= self.max_errors => (s, e, d),
            _ => (start, end, distance),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_edited_quote_near_old_place() {
        let text = "前文。国务院今天发布了新的经济政策，引发关注。后文";
        let index = CharIndex::new(text);
        let symbols = Symbols::new(text);
        let quote = FuzzyQuote::new(
            "国务院今日发布新的经济政策",
            0.2,
            &symbols,
            &mut MaskPool::default(),
        )
        .unwrap();
        let mut budget = 1_000;
        let m = quote
            .find((&index, &symbols), (0, index.char_len()), 16, &mut budget)
            .unwrap();
        assert_eq!(
            index.slice(m.start, m.end),
            Some("国务院今天发布了新的经济政策")
        );
        assert_eq!(m.distance, 2);
        assert!(!m.ambiguous);
    }

    #[test]
    fn respects_budget_and_error_bound() {
        let text = "abcdefghij";
        let text = (&CharIndex::new(text), &Symbols::new(text));
        let mut pool = MaskPool::default();
        let quote = FuzzyQuote::new("abcdXfghij", 0.2, text.1, &mut pool).unwrap();
        let mut budget = 5;
        assert!(quote.find(text, (0, 10), 10, &mut budget).is_none());
        let mut budget = 100;
        assert!(quote.find(text, (0, 10), 10, &mut budget).is_some());
        let far = FuzzyQuote::new("aXcXeXgXiX", 0.2, text.1, &mut pool).unwrap();
        assert!(far.find(text, (0, 10), 10, &mut budget).is_none());
        assert!(FuzzyQuote::new("abcd", 0.2, text.1, &mut pool).is_none());
    }
}
