//! Stage 2 of anchoring: choosing among exact occurrences of the quote by
//! how well their surroundings agree with the stored prefix and suffix.

use super::context::{agreement, Agreement};
use super::occurrences::Occurrence;
use super::TextQuoteSelector;

/// The chosen occurrence.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct QuoteMatch {
    pub start: usize,
    pub end: usize,
    pub agreement: Agreement,
    /// Another occurrence had equally good context; this one won only by
    /// being closer to the old position.
    pub ambiguous: bool,
}

/// Picks the occurrence with the most context agreement; ties go to the one
/// closest to `old_start`, then to the earlier one, and are flagged as
/// ambiguous.
pub(crate) fn choose(
    text: &str,
    quote: &TextQuoteSelector,
    occurrences: &[Occurrence],
    old_start: usize,
) -> Option<QuoteMatch> {
    let exact_chars = quote.exact.chars().count();
    let exact_bytes = quote.exact.len();
    let mut best: Option<(Agreement, usize, usize)> = None;
    let mut ties = 0;
    for occ in occurrences {
        let agreed = agreement(text, occ.byte_start, occ.byte_start + exact_bytes, quote);
        let distance = occ.char_start.abs_diff(old_start);
        match best {
            Some((a, _, _)) if agreed.matched < a.matched => {}
            Some((a, d, _)) if agreed.matched == a.matched => {
                ties += 1;
                if distance < d {
                    best = Some((agreed, distance, occ.char_start));
                }
            }
            _ => {
                ties = 0;
                best = Some((agreed, distance, occ.char_start));
            }
        }
    }
    best.map(|(agreement, _, start)| QuoteMatch {
        start,
        end: start + exact_chars,
        agreement,
        ambiguous: ties > 0,
    })
}

#[cfg(test)]
mod tests {
    use super::super::occurrences::find_all;
    use super::*;

    fn quote(prefix: &str, exact: &str, suffix: &str) -> TextQuoteSelector {
        TextQuoteSelector {
            exact: exact.into(),
            prefix: prefix.into(),
            suffix: suffix.into(),
        }
    }

    #[test]
    fn context_beats_distance_and_distance_breaks_ties() {
        let text = "甲乙X丙丁 戊己X庚辛 甲乙X丙丁";
        let occ = find_all(text, &["X"]).remove(0);
        let q = quote("戊己", "X", "庚辛");
        let m = choose(text, &q, &occ, 0).unwrap();
        assert_eq!((m.start, m.end, m.ambiguous), (8, 9, false));
        let q = quote("甲乙", "X", "丙丁");
        let m = choose(text, &q, &occ, 14).unwrap();
        assert_eq!((m.start, m.ambiguous), (14, true));
        let m = choose(text, &q, &occ, 3).unwrap();
        assert_eq!((m.start, m.ambiguous), (2, true));
    }
}
