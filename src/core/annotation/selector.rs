//! W3C Web Annotation selectors locating an annotation in the article text.

use serde::Serialize;

use crate::core::de::deserialize_struct;
use crate::core::text::without_separators;

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

impl TextQuoteSelector {
    /// The quote as it reads over the rendered text: quote and context without separators
    /// (see [`RenderedText`](crate::core::text::RenderedText)).
    pub fn rendered(&self) -> TextQuoteSelector {
        TextQuoteSelector {
            exact: without_separators(&self.exact),
            prefix: without_separators(&self.prefix),
            suffix: without_separators(&self.suffix),
        }
    }
}

impl Target {
    /// Whether two targets point at the same text as a reader sees it: equal, or one counted
    /// over the canonical text and the other over the rendered text (an export, or a peer's
    /// copy). Then the quotes are equal without separators and the contexts agree as far as
    /// both go; positions are not compared, as they count over different texts.
    pub fn same_place(&self, other: &Target) -> bool {
        if self == other {
            return true;
        }
        let (a, b) = (self.quote.rendered(), other.quote.rendered());
        a.exact == b.exact
            && (a.prefix.ends_with(&b.prefix) || b.prefix.ends_with(&a.prefix))
            && (a.suffix.starts_with(&b.suffix) || b.suffix.starts_with(&a.suffix))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn target(prefix: &str, exact: &str, suffix: &str, start: usize) -> Target {
        Target {
            quote: TextQuoteSelector {
                exact: exact.into(),
                prefix: prefix.into(),
                suffix: suffix.into(),
            },
            position: TextPositionSelector {
                start,
                end: start + exact.chars().count(),
            },
        }
    }

    #[test]
    fn a_copy_over_the_rendered_text_is_the_same_place() {
        let canonical = target("一段。\n第二", "段开头", "的话\n第三", 6);
        let rendered = target("第一段。第二", "段开头", "的话第三段", 5);
        assert!(canonical.same_place(&rendered));
        assert!(rendered.same_place(&canonical));
        assert!(!canonical.same_place(&target("一段。\n第二", "段开头", "不同", 6)));
        assert!(!canonical.same_place(&target("其他", "段开头", "的话\n第三", 6)));
        assert!(!canonical.same_place(&target("一段。\n第二", "段开", "的话\n第三", 6)));
    }
}
