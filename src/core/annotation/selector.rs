//! W3C Web Annotation selectors locating an annotation in the article text.

use serde::Serialize;

use crate::core::de::deserialize_struct;

/// The selected text with some context on each side (W3C
/// `TextQuoteSelector`).
#[derive(Serialize, Clone, Debug, PartialEq, Eq, Default)]
pub struct TextQuoteSelector {
    /// The selected text itself.
    pub exact: String,
    /// Text just before `exact` (up to 32 code points, may be empty).
    pub prefix: String,
    /// Text just after `exact` (up to 32 code points, may be empty).
    pub suffix: String,
}

/// Code point offsets of the selection, end exclusive (W3C
/// `TextPositionSelector`).
#[derive(Serialize, Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct TextPositionSelector {
    pub start: usize,
    pub end: usize,
}

/// Where an annotation points: both selectors, so it can be re-anchored when
/// the text changes.
#[derive(Serialize, Clone, Debug, PartialEq, Eq, Default)]
pub struct Target {
    pub quote: TextQuoteSelector,
    pub position: TextPositionSelector,
}

deserialize_struct!(TextQuoteSelector, "struct TextQuoteSelector", {
    exact, prefix(default), suffix(default),
});
deserialize_struct!(TextPositionSelector, "struct TextPositionSelector", { start, end });
deserialize_struct!(Target, "struct Target", { quote, position });
