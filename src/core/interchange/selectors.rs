//! Reading a target's selectors into a [`Target`], whichever tool wrote them.
//!
//! pizhu writes a flat list `[TextQuoteSelector, TextPositionSelector]`; other tools write
//! one selector, a list of alternatives (Hypothesis: `RangeSelector`, position and quote),
//! or a selector refined by another (`FragmentSelector` `refinedBy` a quote). The first
//! quote and the first position found win, searching each selector and then its
//! `refinedBy` chain, in list order. Either alone is enough:
//! - a quote alone has the position 0..0 (anchoring finds the quote by its text);
//! - a position alone has an empty `exact`, filled in when anchoring places it over the
//!   article's text.
//!
//! A position inside `refinedBy` counts from the start of what the outer selector
//! selects, not from the start of the text, so it is not taken as a position (a quote is
//! the same text wherever it was found). Selectors that describe the text by document
//! structure only (`RangeSelector` of XPath or CSS selectors, `XPathSelector`,
//! `FragmentSelector`…) name no text pizhu can find, and the annotation is left out with
//! that reason rather than failing the whole file.

use crate::core::annotation::{Target, TextPositionSelector, TextQuoteSelector};

use super::clean::strip_controls;
use super::node::{quoted, Node};
use super::ImportError;

/// What a target's selectors give.
pub(crate) enum Selected {
    /// A quote, a position, or both.
    Text(Target),
    /// Only selectors pizhu cannot use; the reason says which, in plain words.
    Unsupported(String),
    /// No selector at all (an empty list, or objects without a type).
    Nothing,
}

/// Reads `selectors` (one selector or a list of them). A `refinedBy` chain is as deep as
/// the file's nesting, which serde_json bounds at 128 levels.
pub(crate) fn read_selectors(selectors: &Node<'_>) -> Result<Selected, ImportError> {
    let mut quote = None;
    let mut position = None;
    let mut other = None;
    for top in selectors.one_or_many() {
        let mut selector = Some(top.clone());
        while let Some(node) = selector {
            node.object()?;
            if quote.is_none() && node.has_type("TextQuoteSelector") {
                quote = read_quote(&node)?;
            } else if node.has_type("TextPositionSelector") {
                // Only a position at the top of the chain counts from the start of the text.
                if position.is_none() && node.path == top.path {
                    position = Some(read_position(&node)?);
                }
            } else if other.is_none() {
                other = unsupported(&node);
            }
            selector = node
                .get("refinedBy")
                .and_then(|r| r.one_or_many().into_iter().next());
        }
    }
    Ok(match (quote, position, other) {
        (None, None, Some(what)) => Selected::Unsupported(format!(
            "{what} is not supported: pizhu needs a TextQuoteSelector or TextPositionSelector"
        )),
        (None, None, None) => Selected::Nothing,
        (None, Some(p), _) if p.start == p.end => {
            Selected::Unsupported("its TextPositionSelector selects no text".to_owned())
        }
        (quote, position, _) => Selected::Text(Target {
            quote: quote.unwrap_or_default(),
            position: position.unwrap_or_default(),
        }),
    })
}

/// The quote; an empty `exact` counts as no quote (a position may still name the text).
fn read_quote(selector: &Node<'_>) -> Result<Option<TextQuoteSelector>, ImportError> {
    let exact = strip_controls(selector.need_str("exact")?);
    if exact.is_empty() {
        return Ok(None);
    }
    let context = |name: &str| -> Result<String, ImportError> {
        Ok(strip_controls(selector.opt_str(name)?.unwrap_or("")))
    };
    Ok(Some(TextQuoteSelector {
        exact,
        prefix: context("prefix")?,
        suffix: context("suffix")?,
    }))
}

fn read_position(selector: &Node<'_>) -> Result<TextPositionSelector, ImportError> {
    let start = selector.need("start")?.count()?;
    let end = selector.need("end")?.count()?;
    if end < start {
        return Err(selector.problem_at("end", "the end comes before the start"));
    }
    Ok(TextPositionSelector { start, end })
}

/// How an unusable selector is named to the reader: a RangeSelector by what its ends are
/// ("RangeSelector (XPath/CSS)"), any other by its type in quotes; `None` without a type.
fn unsupported(selector: &Node<'_>) -> Option<String> {
    let kind = selector.value.get("type")?.as_str()?;
    if kind != "RangeSelector" {
        return Some(quoted(kind));
    }
    let structural = ["startSelector", "endSelector"].iter().all(|end| {
        selector
            .get(end)
            .is_some_and(|s| s.has_type("XPathSelector") || s.has_type("CssSelector"))
    });
    Some(
        if structural {
            "RangeSelector (XPath/CSS)"
        } else {
            "RangeSelector"
        }
        .to_owned(),
    )
}
