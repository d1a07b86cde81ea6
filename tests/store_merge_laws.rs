//! Property tests: `merge` is commutative, associative and idempotent, keeps
//! every id (as annotation or tombstone) and picks the newest version.
#![cfg(not(target_arch = "wasm32"))]

use pizhu::core::annotation::{
    merge, Annotation, ArticleState, Target, TextPositionSelector, TextQuoteSelector, Tombstone,
};
use proptest::prelude::*;

const IDS: [&str; 5] = ["a", "b", "c", "d", "e"];

fn annotation() -> impl Strategy<Value = Annotation> {
    (
        prop::sample::select(&IDS[..]),
        0i64..6,
        0i64..3,
        prop::sample::select(&["fact", "quote"][..]),
        prop::sample::select(&["", "n1", "n2"][..]),
        0usize..3,
        prop::sample::select(&["x", "y"][..]),
    )
        .prop_map(
            |(id, modified, created, label, note, start, exact)| Annotation {
                id: id.to_owned(),
                article: "art".to_owned(),
                label: label.to_owned(),
                note: note.to_owned(),
                created,
                modified,
                target: Target {
                    quote: TextQuoteSelector {
                        exact: exact.to_owned(),
                        prefix: String::new(),
                        suffix: String::new(),
                    },
                    position: TextPositionSelector {
                        start,
                        end: start + 1,
                    },
                },
            },
        )
}

fn tombstone() -> impl Strategy<Value = Tombstone> {
    (prop::sample::select(&IDS[..]), 0i64..6).prop_map(|(id, deleted)| Tombstone {
        id: id.to_owned(),
        deleted,
    })
}

fn article_state() -> impl Strategy<Value = ArticleState> {
    (
        prop::collection::vec(annotation(), 0..8),
        prop::collection::vec(tombstone(), 0..4),
    )
        .prop_map(|(annotations, tombstones)| ArticleState {
            annotations,
            tombstones,
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn commutative(a in article_state(), b in article_state()) {
        prop_assert_eq!(merge(a.clone(), b.clone()), merge(b, a));
    }

    #[test]
    fn associative(a in article_state(), b in article_state(), c in article_state()) {
        let left = merge(merge(a.clone(), b.clone()), c.clone());
        let right = merge(a, merge(b, c));
        prop_assert_eq!(left, right);
    }

    #[test]
    fn idempotent(a in article_state(), b in article_state()) {
        let m = merge(a.clone(), b);
        prop_assert_eq!(merge(m.clone(), m.clone()), m.clone());
        prop_assert_eq!(merge(a.clone(), a.clone()), a.normalized());
    }

    #[test]
    fn nothing_is_lost(a in article_state(), b in article_state()) {
        let m = merge(a.clone(), b.clone());
        let all_anns: Vec<&Annotation> = a.annotations.iter().chain(&b.annotations).collect();
        let all_tombs: Vec<&Tombstone> = a.tombstones.iter().chain(&b.tombstones).collect();
        for id in IDS {
            let newest = all_anns.iter().filter(|x| x.id == id).map(|x| x.modified).max();
            let deleted = all_tombs.iter().filter(|t| t.id == id).map(|t| t.deleted).max();
            let live: Vec<_> = m.annotations.iter().filter(|x| x.id == id).collect();
            let dead: Vec<_> = m.tombstones.iter().filter(|t| t.id == id).collect();
            prop_assert!(live.len() + dead.len() <= 1, "id {} appears twice", id);
            match (newest, deleted) {
                (None, None) => prop_assert!(live.is_empty() && dead.is_empty()),
                (Some(n), Some(d)) if d >= n => {
                    prop_assert!(live.is_empty());
                    prop_assert_eq!(dead[0].deleted, d);
                }
                (Some(n), _) => {
                    prop_assert_eq!(live.len(), 1);
                    prop_assert_eq!(live[0].modified, n);
                }
                (None, Some(d)) => prop_assert_eq!(dead[0].deleted, d),
            }
        }
    }
}
