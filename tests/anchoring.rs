//! Properties of describe + anchor over mixed CJK / emoji / astral /
//! combining-mark texts.
#![cfg(not(target_arch = "wasm32"))]

#[path = "anchor_common/mod.rs"]
mod common;

use pizhu::core::annotation::{anchor, describe, AnchorConfig, AnchorMethod, Anchored, Target};
use pizhu::core::text::{snap_to_graphemes, without_separators, RenderedText};
use proptest::prelude::*;

type Edit = (prop::sample::Index, usize, String);

fn edit() -> impl Strategy<Value = Edit> {
    (any::<prop::sample::Index>(), 0usize..8, common::text(5))
}

fn range(n: usize, a: prop::sample::Index, b: prop::sample::Index) -> Option<(usize, usize)> {
    let (a, b) = (a.index(n + 1), b.index(n + 1));
    (a != b).then(|| (a.min(b), a.max(b)))
}

/// Deletes up to `del` chars at `at` (not past `limit`) and inserts `ins`.
fn apply(chars: &[char], at: usize, del: usize, limit: usize, ins: &str) -> (Vec<char>, isize) {
    let cut = (at + del).min(limit).max(at);
    let mut out = chars[..at].to_vec();
    out.extend(ins.chars());
    out.extend_from_slice(&chars[cut..]);
    let delta = ins.chars().count() as isize - (cut - at) as isize;
    (out, delta)
}

/// The span's visible surroundings (separators dropped) hold the stored context.
fn full_context(chars: &[char], (s, e): (usize, usize), target: &Target) -> bool {
    let before: String = chars[..s].iter().collect();
    let after: String = chars[e..].iter().collect();
    without_separators(&before).ends_with(&without_separators(&target.quote.prefix))
        && without_separators(&after).starts_with(&without_separators(&target.quote.suffix))
}

/// What any anchoring result must satisfy: never a wrong span silently. Separators ("\n")
/// are not text a reader sees: a quote may be found in the rendered text (the canonical text
/// without them), so spans are compared with them dropped.
fn check_sound(text: &str, target: &Target, got: Anchored) -> Result<(), TestCaseError> {
    let exact = &target.quote.exact;
    let visible = without_separators(exact);
    let rendered = RenderedText::new(text);
    let n = text.chars().count();
    match got {
        Anchored::Orphan => {
            prop_assert!(visible.is_empty() || !rendered.text().contains(visible.as_str()))
        }
        Anchored::Exact { start, end } => {
            let p = target.position;
            prop_assert!(
                (start, end) == (p.start, p.end)
                    || (start, end) == rendered.range_to_canonical(p.start, p.end)
            );
            prop_assert_eq!(
                without_separators(&common::slice(text, start, end)),
                visible
            );
        }
        Anchored::Moved {
            start,
            end,
            method,
            score,
            ..
        } => {
            prop_assert!(start < end && end <= n);
            let found = common::slice(text, start, end);
            match method {
                AnchorMethod::Quote => prop_assert_eq!(without_separators(&found), visible),
                AnchorMethod::Fuzzy => {
                    prop_assert!(!text.contains(exact.as_str()), "fuzzy while exact exists");
                    let len = exact.chars().count();
                    let d = common::edit_distance(&found, exact);
                    prop_assert!(d * 5 <= len, "distance {} for len {}", d, len);
                    prop_assert!((score - (1.0 - d as f64 / len as f64)).abs() < 1e-9);
                    prop_assert!(score >= AnchorConfig::default().score_floor());
                }
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn described_range_anchors_exactly(
        text in common::text(150),
        a in any::<prop::sample::Index>(),
        b in any::<prop::sample::Index>(),
        snap in any::<bool>(),
    ) {
        let n = text.chars().count();
        let Some((mut start, mut end)) = range(n, a, b) else { return Ok(()) };
        if snap {
            (start, end) = snap_to_graphemes(&text, start, end);
        }
        let target = describe(&text, start, end).unwrap();
        prop_assert_eq!(anchor(&text, &target), Anchored::Exact { start, end });
        // Context never cuts a grapheme at its outer edges.
        let bounds = common::grapheme_boundaries(&text);
        let outer_start = start - target.quote.prefix.chars().count();
        let outer_end = end + target.quote.suffix.chars().count();
        prop_assert!(target.quote.prefix.is_empty() || bounds.contains(&outer_start));
        prop_assert!(target.quote.suffix.is_empty() || bounds.contains(&outer_end));
        prop_assert!(target.quote.prefix.chars().count() <= 32);
        prop_assert!(target.quote.suffix.chars().count() <= 32);
    }

    #[test]
    fn edits_outside_context_keep_the_span(
        text in common::text(150),
        a in any::<prop::sample::Index>(),
        b in any::<prop::sample::Index>(),
        (at, del, ins) in edit(),
    ) {
        let chars = common::chars(&text);
        let n = chars.len();
        let Some((start, end)) = range(n, a, b) else { return Ok(()) };
        let target = describe(&text, start, end).unwrap();
        // A quote of nothing but separators marks nothing visible: always an orphan.
        prop_assume!(!without_separators(&target.quote.exact).is_empty());
        let ctx_start = start - target.quote.prefix.chars().count();
        let ctx_end = end + target.quote.suffix.chars().count();
        let slots = ctx_start + 1 + (n - ctx_end + 1);
        let p = at.index(slots);
        let (edited, shift) = if p <= ctx_start {
            let (t, d) = apply(&chars, p, del, ctx_start, &ins);
            (t, d)
        } else {
            let (t, _) = apply(&chars, ctx_end + (p - ctx_start - 1), del, n, &ins);
            (t, 0)
        };
        let new_text: String = edited.iter().collect();
        let truth = ((start as isize + shift) as usize, (end as isize + shift) as usize);
        let got = anchor(&new_text, &target);
        check_sound(&new_text, &target, got)?;
        let span = got.span();
        prop_assert!(span.is_some());
        let span = span.unwrap_or_default();
        prop_assert!(full_context(&edited, span, &target));
        match got {
            Anchored::Exact { .. } => {}
            Anchored::Moved { method, ambiguous, score, .. } => {
                prop_assert_eq!(method, AnchorMethod::Quote);
                prop_assert_eq!(score, 1.0);
                prop_assert!(span == truth || ambiguous, "{:?} vs truth {:?}", got, truth);
            }
            Anchored::Orphan => prop_assert!(false),
        }
        if span != truth {
            // Only an indistinguishable twin of the true span may win.
            prop_assert!(full_context(&edited, truth, &target));
        }
    }

    #[test]
    fn edits_anywhere_never_give_a_wrong_span(
        text in common::text(150),
        a in any::<prop::sample::Index>(),
        b in any::<prop::sample::Index>(),
        edits in prop::collection::vec(edit(), 1..4),
    ) {
        let mut chars = common::chars(&text);
        let Some((start, end)) = range(chars.len(), a, b) else { return Ok(()) };
        let target = describe(&text, start, end).unwrap();
        for (at, del, ins) in &edits {
            let p = at.index(chars.len() + 1);
            let limit = chars.len();
            chars = apply(&chars, p, *del, limit, ins).0;
        }
        let new_text: String = chars.iter().collect();
        check_sound(&new_text, &target, anchor(&new_text, &target))?;
    }

    #[test]
    fn small_edit_inside_long_quote_is_found_fuzzily(
        words in prop::collection::vec(proptest::char::range('\u{4E00}', '\u{9FFF}'), 60..120),
        a in 10usize..20,
        len in 20usize..40,
        at in any::<prop::sample::Index>(),
        replacement in proptest::char::range('\u{20000}', '\u{2A6DF}'),
    ) {
        let text: String = words.iter().collect();
        let target = describe(&text, a, a + len).unwrap();
        let mut chars = words.clone();
        let p = a + at.index(len);
        chars[p] = replacement;
        let new_text: String = chars.iter().collect();
        let got = anchor(&new_text, &target);
        check_sound(&new_text, &target, got)?;
        match got {
            Anchored::Moved { method: AnchorMethod::Fuzzy, start, end, .. } => {
                prop_assert!(start.abs_diff(a) <= 1 && end.abs_diff(a + len) <= 1);
            }
            other => prop_assert!(false, "expected fuzzy, got {:?}", other),
        }
    }
}
