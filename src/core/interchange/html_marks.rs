//! Highlights laid over the article's runs for the HTML export: which piece of which run
//! each highlight covers ([`layout`]), the footnote number of each highlight (in reading
//! order) and the piece after which its footnote marker goes.

use std::collections::HashMap;

use crate::core::annotation::{layout, Piece};
use crate::core::article::{Article, Run, RunKind};

/// The laid-out highlights of one article.
pub(crate) struct Marks {
    /// Pieces of every run, runs in canonical-text order.
    pub pieces: Vec<Vec<Piece>>,
    /// Annotation index -> footnote number (from 1).
    pub number: HashMap<usize, usize>,
    /// (run, piece) -> annotation indexes whose footnote marker goes after that piece.
    pub last: HashMap<(usize, usize), Vec<usize>>,
}

/// Every run of the article, in canonical-text order.
pub(crate) fn all_runs(article: &Article) -> Vec<&Run> {
    article
        .blocks
        .iter()
        .flat_map(|b| b.units())
        .flat_map(|u| u.runs.iter())
        .collect()
}

impl Marks {
    /// Lays out `spans` `(annotation index, start, end)`; spans of unknown annotations,
    /// empty or out-of-text spans and repeated indexes (after the first) are ignored.
    pub fn new(
        article: &Article,
        annotation_count: usize,
        spans: &[(usize, usize, usize)],
    ) -> Self {
        let mut highlights: Vec<(usize, usize, usize)> = Vec::new();
        for &(index, start, end) in spans {
            let fits = index < annotation_count && start < end && end <= article.char_len;
            if fits && !highlights.iter().any(|h| h.0 == index) {
                highlights.push((index, start, end));
            }
        }
        let runs = all_runs(article);
        let ranges: Vec<(usize, usize)> = runs.iter().map(|r| (r.start, r.end())).collect();
        let pieces = layout(&ranges, &highlights);
        let mut number = HashMap::new();
        let mut last_at: HashMap<usize, (usize, usize)> = HashMap::new();
        for (r, (run, run_pieces)) in runs.iter().zip(&pieces).enumerate() {
            if matches!(run.kind, RunKind::Break) {
                continue;
            }
            for (p, piece) in run_pieces.iter().enumerate() {
                for &index in piece.highlights.iter().rev() {
                    let next = number.len() + 1;
                    number.entry(index).or_insert(next);
                    last_at.insert(index, (r, p));
                }
            }
        }
        let mut last: HashMap<(usize, usize), Vec<usize>> = HashMap::new();
        for (index, at) in last_at {
            last.entry(at).or_default().push(index);
        }
        for indexes in last.values_mut() {
            crate::core::sort::sort_by_key(indexes, |i| {
                number.get(i).copied().unwrap_or(usize::MAX)
            });
        }
        Marks {
            pieces,
            number,
            last,
        }
    }

    /// (number, annotation index) of every shown highlight, by number.
    pub fn numbered(&self) -> Vec<(usize, usize)> {
        let mut list: Vec<(usize, usize)> = self.number.iter().map(|(&i, &n)| (n, i)).collect();
        crate::core::sort::sort(&mut list);
        list
    }
}
