//! Re-anchoring targets in a (possibly edited) text: position, then exact
//! quote with context (each over the canonical text and over the rendered text
//! that exports and peers count over), then bounded approximate match, else
//! orphan.

use crate::core::text::{CharIndex, RenderedText};

use super::context::agreement;
use super::fuzzy::{FuzzyMatch, FuzzyQuote};
use super::myers::MaskPool;
use super::occurrences::find_all;
use super::quote::choose;
use super::symbols::Symbols;
use super::{AnchorConfig, AnchorMethod, Anchored, Target};

/// Anchors one target; see [`anchor_all_in`].
pub fn anchor(text: &str, target: &Target) -> Anchored {
    anchor_all(text, std::slice::from_ref(target))
        .pop()
        .unwrap_or(Anchored::Orphan)
}

/// Anchors many targets over one text with the default configuration,
/// sharing one [`CharIndex`] and one text scan; see [`anchor_all_in`].
pub fn anchor_all(text: &str, targets: &[Target]) -> Vec<Anchored> {
    anchor_all_in(&CharIndex::new(text), targets, &AnchorConfig::default())
}

/// Anchors each target, in order:
///
/// 1. **Position**: if the stored range holds `exact` and its surroundings
///    still hold the whole stored prefix and suffix, [`Anchored::Exact`].
///    Tried over the canonical text (where pizhu stores positions), then over
///    the [`RenderedText`] (where exports and DOM-reading peers count them).
///    A target with a position and no quote (a peer's bare
///    TextPositionSelector) is placed by its rendered position alone.
/// 2. **Quote**: among all exact occurrences of `exact` (one shared scan for
///    all targets), the one whose surroundings agree longest with the stored
///    prefix/suffix. Equally good candidates are decided by closeness to the
///    stored position (then the earlier one) and reported `ambiguous`: an
///    annotation is never moved silently between equally plausible places.
///    If the winner is the stored range itself the result is `Exact`. Done
///    over the rendered text with separators dropped from the quote too, so a
///    quote or context written with or without them is found either way.
/// 3. **Fuzzy**: the substring with the fewest edits, at most
///    `floor(len * max_error_ratio)`, searched first within `near_window` of
///    the stored position, then in the whole text, within `fuzzy_budget`.
/// 4. Otherwise [`Anchored::Orphan`]; an empty `exact` without a position, or
///    one of nothing but separators, is always an orphan.
///
/// Known limit: stage 1 accepts the stored position without looking for
/// other occurrences, so a passage repeated with identical 32-char context
/// keeps its stored place.
pub fn anchor_all_in(
    index: &CharIndex<'_>,
    targets: &[Target],
    config: &AnchorConfig,
) -> Vec<Anchored> {
    let mut results = vec![Anchored::Orphan; targets.len()];
    let mut pending = Vec::new();
    for (i, (target, slot)) in targets.iter().zip(results.iter_mut()).enumerate() {
        let p = target.position;
        if target.quote.exact.is_empty() {
            if p.start < p.end {
                pending.push(i);
            }
        } else if at_position(index, target) {
            *slot = Anchored::Exact {
                start: p.start,
                end: p.end,
            };
        } else {
            pending.push(i);
        }
    }
    let pending = in_rendered_text(index, targets, &pending, &mut results);
    by_fuzzy(index, targets, &pending, config, &mut results);
    results
}

/// Stages 1 and 2 over the rendered text for the targets stage 1 left; returns those still
/// unplaced. Results are canonical ranges.
fn in_rendered_text(
    index: &CharIndex<'_>,
    targets: &[Target],
    pending: &[usize],
    results: &mut [Anchored],
) -> Vec<usize> {
    if pending.is_empty() {
        return Vec::new();
    }
    let rendered = RenderedText::new(index.text());
    let rendered_index = CharIndex::new(rendered.text());
    let projected: Vec<Target> = pending
        .iter()
        .map(|&i| targets.get(i).map(project).unwrap_or_default())
        .collect();
    let mut found = vec![Anchored::Orphan; projected.len()];
    let mut by_text = Vec::new();
    for (k, ((target, slot), &i)) in projected
        .iter()
        .zip(found.iter_mut())
        .zip(pending)
        .enumerate()
    {
        let p = target.position;
        let position_only = targets.get(i).is_some_and(|t| t.quote.exact.is_empty());
        if position_only {
            if p.end <= rendered_index.char_len() {
                *slot = Anchored::Exact {
                    start: p.start,
                    end: p.end,
                };
            }
        } else if target.quote.exact.is_empty() {
            // A quote of nothing but separators marks nothing a reader sees: an orphan.
        } else if at_position(&rendered_index, target) {
            *slot = Anchored::Exact {
                start: p.start,
                end: p.end,
            };
        } else {
            by_text.push(k);
        }
    }
    by_quote(&rendered_index, &projected, &by_text, &mut found);
    let mut left = Vec::new();
    for (&i, place) in pending.iter().zip(found) {
        let (Some(target), Some(slot)) = (targets.get(i), results.get_mut(i)) else {
            continue;
        };
        let to_canonical = |start, end| {
            let range = rendered.range_to_canonical(start, end);
            take_in_separators(index, range, &target.quote.exact)
        };
        *slot = match place {
            Anchored::Orphan => {
                left.push(i);
                continue;
            }
            Anchored::Exact { start, end } => {
                let (start, end) = to_canonical(start, end);
                Anchored::Exact { start, end }
            }
            Anchored::Moved {
                start,
                end,
                method,
                score,
                ambiguous,
            } => {
                let (start, end) = to_canonical(start, end);
                let p = target.position;
                if (start, end) == (p.start, p.end) {
                    Anchored::Exact { start, end }
                } else {
                    Anchored::Moved {
                        start,
                        end,
                        method,
                        score,
                        ambiguous,
                    }
                }
            }
        };
    }
    left
}

/// A canonical range found through the rendered text, widened over the separators right
/// next to it that the quote itself starts or ends with (at most as many as it has), so a
/// quote written with them gets them back.
fn take_in_separators(
    index: &CharIndex<'_>,
    (mut start, mut end): (usize, usize),
    exact: &str,
) -> (usize, usize) {
    let is_separator = |at: usize| {
        index
            .char_to_byte(at)
            .is_some_and(|b| index.text().as_bytes().get(b) == Some(&b'\n'))
    };
    let leading = exact.len() - exact.trim_start_matches('\n').len();
    let trailing = exact.len() - exact.trim_end_matches('\n').len();
    for _ in 0..leading {
        if start == 0 || !is_separator(start - 1) {
            break;
        }
        start -= 1;
    }
    for _ in 0..trailing {
        if !is_separator(end) {
            break;
        }
        end += 1;
    }
    (start, end)
}

/// A target as it reads over the rendered text: its quote and context without separators,
/// its position as stored (it may have been counted over either text; stage 1 checks it).
fn project(target: &Target) -> Target {
    Target {
        quote: target.quote.rendered(),
        position: target.position,
    }
}

/// Stage 1: the stored range holds the quote with its full context.
fn at_position(index: &CharIndex<'_>, target: &Target) -> bool {
    let p = target.position;
    let (Some(from), Some(to)) = (index.char_to_byte(p.start), index.char_to_byte(p.end)) else {
        return false;
    };
    let text = index.text();
    from < to
        && text.get(from..to) == Some(target.quote.exact.as_str())
        && agreement(text, from, to, &target.quote).is_full()
}

/// Stage 2 for all `pending` targets; returns those still unplaced.
fn by_quote(
    index: &CharIndex<'_>,
    targets: &[Target],
    pending: &[usize],
    results: &mut [Anchored],
) -> Vec<usize> {
    if pending.is_empty() {
        return Vec::new();
    }
    let needles: Vec<&str> = pending
        .iter()
        .map(|&i| targets.get(i).map_or("", |t| t.quote.exact.as_str()))
        .collect();
    let found = find_all(index.text(), &needles);
    let mut left = Vec::new();
    for (&i, occurrences) in pending.iter().zip(&found) {
        let (Some(target), Some(slot)) = (targets.get(i), results.get_mut(i)) else {
            continue;
        };
        let p = target.position;
        match choose(index.text(), &target.quote, occurrences, p.start) {
            Some(m) if (m.start, m.end) == (p.start, p.end) => {
                *slot = Anchored::Exact {
                    start: m.start,
                    end: m.end,
                };
            }
            Some(m) => {
                *slot = Anchored::Moved {
                    start: m.start,
                    end: m.end,
                    method: AnchorMethod::Quote,
                    score: m.agreement.ratio(),
                    ambiguous: m.ambiguous,
                };
            }
            None => left.push(i),
        }
    }
    left
}

/// Stage 3: near the stored position for every target first, then the
/// whole text while the budget lasts.
fn by_fuzzy(
    index: &CharIndex<'_>,
    targets: &[Target],
    pending: &[usize],
    config: &AnchorConfig,
    results: &mut [Anchored],
) {
    if pending.is_empty() {
        return;
    }
    let symbols = Symbols::new(index.text());
    let text = (index, &symbols);
    let len = symbols.len();
    let mut budget = config.fuzzy_budget;
    let mut pool = MaskPool::default();
    let mut left = Vec::new();
    for &i in pending {
        let Some(target) = targets.get(i) else {
            continue;
        };
        let exact = &target.quote.exact;
        let Some(quote) = FuzzyQuote::new(exact, config.max_error_ratio, &symbols, &mut pool)
        else {
            continue;
        };
        let p = target.position;
        let reach = config.near_window.max(2 * quote.len());
        let from = p.start.min(len).saturating_sub(reach);
        let to = p.end.max(p.start).saturating_add(reach).min(len);
        let near = quote.find(text, (from, to), p.end, &mut budget);
        if near.is_some() || (from, to) == (0, len) {
            place(results, i, near, &quote);
        } else {
            left.push(i);
        }
        quote.release(&mut pool);
    }
    for i in left {
        if budget < len {
            break;
        }
        let Some(target) = targets.get(i) else {
            continue;
        };
        let exact = &target.quote.exact;
        let Some(quote) = FuzzyQuote::new(exact, config.max_error_ratio, &symbols, &mut pool)
        else {
            continue;
        };
        let found = quote.find(text, (0, len), target.position.end, &mut budget);
        place(results, i, found, &quote);
        quote.release(&mut pool);
    }
}

fn place(results: &mut [Anchored], i: usize, found: Option<FuzzyMatch>, quote: &FuzzyQuote) {
    let (Some(m), Some(slot)) = (found, results.get_mut(i)) else {
        return;
    };
    *slot = Anchored::Moved {
        start: m.start,
        end: m.end,
        method: AnchorMethod::Fuzzy,
        score: 1.0 - m.distance as f64 / quote.len() as f64,
        ambiguous: m.ambiguous,
    };
}
