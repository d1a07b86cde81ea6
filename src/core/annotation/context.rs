//! How well the text around a candidate agrees with a quote's stored
//! prefix and suffix.

use super::TextQuoteSelector;

/// Context agreement of one candidate: code points of the stored prefix
/// (counted from its end) and suffix (from its start) found next to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Default)]
pub(crate) struct Agreement {
    pub matched: usize,
    pub total: usize,
}

impl Agreement {
    /// Whether all stored context was found.
    pub fn is_full(self) -> bool {
        self.matched == self.total
    }

    /// Share of the stored context found, 1.0 when none was stored.
    pub fn ratio(self) -> f64 {
        if self.total == 0 {
            1.0
        } else {
            self.matched as f64 / self.total as f64
        }
    }
}

/// Measures the context around the byte range `from..to` of `text`.
pub(crate) fn agreement(
    text: &str,
    from: usize,
    to: usize,
    quote: &TextQuoteSelector,
) -> Agreement {
    let before = text.get(..from).unwrap_or("");
    let after = text.get(to..).unwrap_or("");
    let prefix = common_len(quote.prefix.chars().rev(), before.chars().rev());
    let suffix = common_len(quote.suffix.chars(), after.chars());
    Agreement {
        matched: prefix + suffix,
        total: quote.prefix.chars().count() + quote.suffix.chars().count(),
    }
}

fn common_len(a: impl Iterator<Item = char>, b: impl Iterator<Item = char>) -> usize {
    a.zip(b).take_while(|(x, y)| x == y).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_adjacent_agreement() {
        let quote = TextQuoteSelector {
            exact: "X".into(),
            prefix: "abc".into(),
            suffix: "de".into(),
        };
        let text = "zbcXdq";
        let a = agreement(text, 3, 4, &quote);
        assert_eq!(
            a,
            Agreement {
                matched: 3,
                total: 5
            }
        );
        assert!(!a.is_full());
        assert!(agreement("abcXde", 3, 4, &quote).is_full());
    }
}
