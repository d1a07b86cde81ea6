//! Results and tuning of anchoring: where a target landed and how hard to
//! look for it.

/// Which stage relocated a moved target.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnchorMethod {
    /// The exact quote was found elsewhere (stage 2).
    Quote,
    /// An approximate match of the quote was found (stage 3).
    Fuzzy,
}

/// Where a target landed, in code points over the current text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Anchored {
    /// The stored position still holds the quote (and the chosen place is the
    /// stored one).
    Exact { start: usize, end: usize },
    /// The quote was found at another place, or only approximately.
    Moved {
        start: usize,
        end: usize,
        method: AnchorMethod,
        /// For [`AnchorMethod::Quote`]: the share of stored prefix/suffix
        /// found around it (1.0 = all). For [`AnchorMethod::Fuzzy`]:
        /// `1 - edit_distance / quote_len`, never below
        /// [`AnchorConfig::score_floor`].
        score: f64,
        /// Another candidate was exactly as good; this one was chosen only
        /// for being closer to the stored position. The UI may want to flag
        /// the highlight for review.
        ambiguous: bool,
    },
    /// No acceptable place: the text of the quote is gone.
    Orphan,
}

impl Anchored {
    /// The anchored range, if any.
    pub fn span(&self) -> Option<(usize, usize)> {
        match *self {
            Anchored::Exact { start, end } | Anchored::Moved { start, end, .. } => {
                Some((start, end))
            }
            Anchored::Orphan => None,
        }
    }
}

/// Tuning of [`anchor_all_in`](super::anchor_all_in).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AnchorConfig {
    /// Most edits allowed by the approximate stage, as a share of the quote
    /// length in code points (`floor(len * ratio)`; quotes too short to
    /// allow one edit are never approximately matched).
    pub max_error_ratio: f64,
    /// Code points searched on each side of the stored position before the
    /// approximate stage scans the whole text.
    pub near_window: usize,
    /// Work units (text code points times 64-char pattern blocks) the
    /// approximate stage may spend per call, across all targets. Targets
    /// left when it runs out become orphans rather than risk a slow call.
    pub fuzzy_budget: usize,
}

impl Default for AnchorConfig {
    fn default() -> Self {
        Self {
            max_error_ratio: 0.2,
            near_window: 1_024,
            fuzzy_budget: 6_000_000,
        }
    }
}

impl AnchorConfig {
    /// Lowest score an approximate match can have.
    pub fn score_floor(&self) -> f64 {
        1.0 - self.max_error_ratio.clamp(0.0, 1.0)
    }
}
