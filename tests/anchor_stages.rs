//! One test per anchoring stage, plus batch behaviour.
#![cfg(not(target_arch = "wasm32"))]

use pizhu::core::annotation::{
    anchor, anchor_all, anchor_all_in, describe, AnchorConfig, AnchorMethod, Anchored, Target,
    TextPositionSelector, TextQuoteSelector,
};
use pizhu::core::text::CharIndex;

const ARTICLE: &str = "国务院总理今天在北京主持召开常务会议，部署进一步稳定经济的措施。\n会议指出，要加大对中小企业的支持力度。";

fn target_of(text: &str, needle: &str) -> Target {
    let byte = text.find(needle).unwrap();
    let start = text[..byte].chars().count();
    describe(text, start, start + needle.chars().count()).unwrap()
}

fn moved(got: Anchored) -> (usize, usize, AnchorMethod, f64, bool) {
    match got {
        Anchored::Moved {
            start,
            end,
            method,
            score,
            ambiguous,
        } => (start, end, method, score, ambiguous),
        other => panic!("expected Moved, got {other:?}"),
    }
}

#[test]
fn stage1_position_still_holds_quote() {
    let target = target_of(ARTICLE, "常务会议");
    let p = target.position;
    assert_eq!(
        anchor(ARTICLE, &target),
        Anchored::Exact {
            start: p.start,
            end: p.end
        }
    );
}

#[test]
fn stage1_falls_through_on_changed_context_but_keeps_place() {
    let target = target_of(ARTICLE, "常务会议");
    let edited = ARTICLE.replace("北京", "上海");
    let p = target.position;
    assert_eq!(
        anchor(&edited, &target),
        Anchored::Exact {
            start: p.start,
            end: p.end
        }
    );
}

#[test]
fn stage2_quote_moved_by_insertion() {
    let target = target_of(ARTICLE, "中小企业");
    let edited = format!("【新华社】{ARTICLE}");
    let (start, end, method, score, ambiguous) = moved(anchor(&edited, &target));
    assert_eq!(
        (start, end),
        (target.position.start + 5, target.position.end + 5)
    );
    assert_eq!(method, AnchorMethod::Quote);
    assert_eq!(score, 1.0);
    assert!(!ambiguous);
}

#[test]
fn stage2_context_beats_proximity() {
    let text = "甲说：同意。乙说：反对。丙说：同意。";
    let target = target_of(text, "丙说：同意");
    // Delete the quote's first characters at the stored place so stage 1
    // fails; the old "甲说：同意" is closer but has the wrong context.
    let mut t = target.clone();
    t.quote.exact = "同意".into();
    t.quote.prefix = "丙说：".into();
    t.quote.suffix = "。".into();
    t.position = TextPositionSelector { start: 0, end: 2 };
    let (start, _, method, score, ambiguous) = moved(anchor(text, &t));
    assert_eq!(start, 15);
    assert_eq!(method, AnchorMethod::Quote);
    assert_eq!(score, 1.0);
    assert!(!ambiguous);
}

#[test]
fn stage2_equal_candidates_prefer_closest_and_flag_ambiguity() {
    let text = "（完）甲甲甲（完）乙乙乙（完）";
    let target = Target {
        quote: TextQuoteSelector {
            exact: "（完）".into(),
            prefix: "X".into(),
            suffix: "Y".into(),
        },
        position: TextPositionSelector { start: 11, end: 14 },
    };
    let (start, end, _, score, ambiguous) = moved(anchor(text, &target));
    assert_eq!((start, end), (12, 15));
    assert_eq!(score, 0.0);
    assert!(ambiguous);
}

#[test]
fn stage3_fuzzy_after_edit_inside_quote() {
    let target = target_of(ARTICLE, "部署进一步稳定经济的措施");
    let edited = ARTICLE.replace("稳定经济", "稳定宏观经济");
    let (start, end, method, score, _) = moved(anchor(&edited, &target));
    assert_eq!(method, AnchorMethod::Fuzzy);
    let found: String = edited.chars().skip(start).take(end - start).collect();
    assert_eq!(found, "部署进一步稳定宏观经济的措施");
    assert!((score - (1.0 - 2.0 / 12.0)).abs() < 1e-9);
}

#[test]
fn stage3_searches_whole_text_beyond_the_window() {
    let quote = "会议指出要加大对中小企业的支持力度";
    let text = format!("{}{}", "一".repeat(10_000), quote.replace("中小", "小微"));
    let target = Target {
        quote: TextQuoteSelector {
            exact: quote.into(),
            ..Default::default()
        },
        position: TextPositionSelector { start: 0, end: 17 },
    };
    let (start, end, method, _, _) = moved(anchor(&text, &target));
    assert_eq!((start, end, method), (10_000, 10_017, AnchorMethod::Fuzzy));
}

#[test]
fn stage3_gives_up_when_budget_is_spent() {
    let target = target_of(ARTICLE, "部署进一步稳定经济的措施");
    let edited = ARTICLE.replace("稳定经济", "稳定宏观经济");
    let config = AnchorConfig {
        fuzzy_budget: 0,
        ..AnchorConfig::default()
    };
    let got = anchor_all_in(&CharIndex::new(&edited), &[target], &config);
    assert_eq!(got, vec![Anchored::Orphan]);
}

#[test]
fn stage4_orphan_when_text_is_gone() {
    let target = target_of(ARTICLE, "中小企业的支持力度");
    let edited = ARTICLE.replace("要加大对中小企业的支持力度", "要继续优化营商环境");
    assert_eq!(anchor(&edited, &target), Anchored::Orphan);
    let empty = Target::default();
    assert_eq!(anchor(ARTICLE, &empty), Anchored::Orphan);
}

#[test]
fn anchor_all_keeps_order_and_mixes_stages() {
    let targets = vec![
        target_of(ARTICLE, "国务院总理"),
        target_of(ARTICLE, "中小企业"),
        target_of(ARTICLE, "稳定经济的措施"),
        Target::default(),
    ];
    let edited = ARTICLE
        .replace("国务院", "国务院国务院")
        .replace("稳定经济的措施", "稳定经济的新措施");
    let got = anchor_all(&edited, &targets);
    assert_eq!(got.len(), 4);
    // The suffix context includes the edited words: partial agreement, measured over the
    // rendered text (the suffix's "\n" dropped: 24 of 31 code points agree).
    assert_eq!(
        moved(got[0]),
        (3, 8, AnchorMethod::Quote, 24.0 / 31.0, false)
    );
    assert_eq!(moved(got[1]).2, AnchorMethod::Quote);
    assert_eq!(moved(got[2]).2, AnchorMethod::Fuzzy);
    assert_eq!(got[3], Anchored::Orphan);
}
