//! Highlight layout over text runs.
#![cfg(not(target_arch = "wasm32"))]

use pizhu::core::annotation::{layout, Piece};
use proptest::prelude::*;

fn p(start: usize, end: usize, highlights: &[usize]) -> Piece {
    Piece {
        start,
        end,
        highlights: highlights.to_vec(),
    }
}

#[test]
fn zero_highlights() {
    assert_eq!(
        layout(&[(0, 3), (3, 3), (5, 9)], &[]),
        vec![vec![p(0, 3, &[])], vec![], vec![p(5, 9, &[])]]
    );
    assert!(layout(&[], &[(0, 1, 2)]).is_empty());
}

#[test]
fn nested_shortest_first() {
    let out = layout(&[(0, 10)], &[(1, 0, 10), (2, 3, 5), (3, 2, 8)]);
    assert_eq!(
        out,
        vec![vec![
            p(0, 2, &[1]),
            p(2, 3, &[3, 1]),
            p(3, 5, &[2, 3, 1]),
            p(5, 8, &[3, 1]),
            p(8, 10, &[1]),
        ]]
    );
}

#[test]
fn overlapping() {
    let out = layout(&[(0, 6)], &[(0, 1, 4), (1, 2, 6)]);
    assert_eq!(
        out,
        vec![vec![
            p(0, 1, &[]),
            p(1, 2, &[0]),
            p(2, 4, &[0, 1]),
            p(4, 6, &[1])
        ]]
    );
}

#[test]
fn identical_ranges_tie_by_id() {
    let out = layout(&[(0, 4)], &[(9, 1, 3), (4, 1, 3)]);
    assert_eq!(
        out,
        vec![vec![p(0, 1, &[]), p(1, 3, &[4, 9]), p(3, 4, &[])]]
    );
}

#[test]
fn adjacent_do_not_overlap() {
    let out = layout(&[(0, 4)], &[(0, 0, 2), (1, 2, 4)]);
    assert_eq!(out, vec![vec![p(0, 2, &[0]), p(2, 4, &[1])]]);
}

#[test]
fn highlight_spanning_runs_and_gaps() {
    let out = layout(&[(0, 3), (5, 8), (8, 10)], &[(7, 2, 9), (8, 6, 6)]);
    assert_eq!(
        out,
        vec![
            vec![p(0, 2, &[]), p(2, 3, &[7])],
            vec![p(5, 8, &[7])],
            vec![p(8, 9, &[7]), p(9, 10, &[])],
        ]
    );
}

#[test]
fn unsorted_runs_still_correct() {
    let out = layout(&[(5, 8), (0, 3), (2, 6)], &[(1, 1, 6)]);
    assert_eq!(
        out,
        vec![
            vec![p(5, 6, &[1]), p(6, 8, &[])],
            vec![p(0, 1, &[]), p(1, 3, &[1])],
            vec![p(2, 6, &[1])],
        ]
    );
}

type Runs = Vec<(usize, usize)>;
type Highlights = Vec<(usize, usize, usize)>;

fn runs_and_highlights() -> impl Strategy<Value = (Runs, Highlights)> {
    let cuts = prop::collection::btree_set(0usize..120, 0..30);
    let highlights = prop::collection::vec((0usize..130, 0usize..130), 0..25);
    (cuts, highlights, any::<bool>()).prop_map(|(cuts, spans, gaps)| {
        let cuts: Vec<usize> = cuts.into_iter().collect();
        // Consecutive cut pairs form runs; with gaps, every other pair.
        let runs = cuts
            .windows(2)
            .enumerate()
            .filter(|(i, _)| !gaps || i % 2 == 0)
            .map(|(_, w)| (w[0], w[1]))
            .collect();
        let highlights = spans
            .into_iter()
            .enumerate()
            .map(|(id, (a, b))| (id, a.min(b), a.max(b)))
            .collect();
        (runs, highlights)
    })
}

proptest! {
    #[test]
    fn pieces_tile_runs_and_match_brute_force((runs, highlights) in runs_and_highlights()) {
        let out = layout(&runs, &highlights);
        prop_assert_eq!(out.len(), runs.len());
        for (&(rs, re), pieces) in runs.iter().zip(&out) {
            // Concatenation reproduces the run exactly.
            let mut at = rs;
            for piece in pieces {
                prop_assert_eq!(piece.start, at);
                prop_assert!(piece.start < piece.end);
                at = piece.end;
            }
            prop_assert_eq!(at, re);
            // Splits are exactly the highlight boundaries inside the run.
            let mut cuts: Vec<usize> = highlights
                .iter()
                .filter(|h| h.1 < h.2)
                .flat_map(|h| [h.1, h.2])
                .filter(|&x| rs < x && x < re)
                .collect();
            pizhu::core::sort::sort(&mut cuts);
            cuts.dedup();
            let got: Vec<usize> = pieces.iter().skip(1).map(|piece| piece.start).collect();
            prop_assert_eq!(got, cuts);
            // Each piece's set equals the brute-force cover at every point.
            for piece in pieces {
                for x in piece.start..piece.end {
                    let mut expected: Vec<(usize, usize)> = highlights
                        .iter()
                        .filter(|h| h.1 <= x && x < h.2)
                        .map(|h| (h.2 - h.1, h.0))
                        .collect();
                    pizhu::core::sort::sort(&mut expected);
                    let expected: Vec<usize> = expected.into_iter().map(|(_, id)| id).collect();
                    prop_assert_eq!(&piece.highlights, &expected);
                }
            }
        }
    }
}
