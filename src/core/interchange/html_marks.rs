//! Highlights laid over the article's runs for the HTML export: which piece of which run
//! each highlight covers ([`layout`]), the footnote number of each highlight (in reading
//! order) and the piece after which its footnote marker goes.

use crate::core::annotation::{layout, Piece};
use crate::core::article::{Article, Run, RunKind};

/// The laid-out highlights of one article.
pub(crate) struct Marks {
    /// Pieces of every run, runs in canonical-text order.
    pub pieces: Vec<Vec<Piece>>,
    /// Annotation index -> footnote number (from 1), `None` for a highlight not shown. Vectors
    /// indexed by annotation rather than hash maps, here and in `last`, for size: each map
    /// type is a copy of the hash table's code in the wasm.
    number: Vec<Option<usize>>,
    /// (run, piece, annotation index) of every footnote marker, the place it goes after, sorted
    /// by place and, at one place, by number.
    last: Vec<(usize, usize, usize)>,
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
        let mut number: Vec<Option<usize>> = vec![None; annotation_count];
        let mut numbered = 0;
        let mut last_at: Vec<Option<(usize, usize)>> = vec![None; annotation_count];
        for (r, (run, run_pieces)) in runs.iter().zip(&pieces).enumerate() {
            if matches!(run.kind, RunKind::Break) {
                continue;
            }
            for (p, piece) in run_pieces.iter().enumerate() {
                for &index in piece.highlights.iter().rev() {
                    if let Some(slot @ None) = number.get_mut(index) {
                        numbered += 1;
                        *slot = Some(numbered);
                    }
                    if let Some(at) = last_at.get_mut(index) {
                        *at = Some((r, p));
                    }
                }
            }
        }
        let mut last: Vec<(usize, usize, usize)> = last_at
            .iter()
            .enumerate()
            .filter_map(|(index, at)| at.map(|(r, p)| (r, p, index)))
            .collect();
        crate::core::sort::sort_by_key(&mut last, |&(r, p, index)| {
            (
                r,
                p,
                number.get(index).copied().flatten().unwrap_or(usize::MAX),
            )
        });
        Marks {
            pieces,
            number,
            last,
        }
    }

    /// (number, annotation index) of every shown highlight, by number.
    pub fn numbered(&self) -> Vec<(usize, usize)> {
        let mut list: Vec<(usize, usize)> = self
            .number
            .iter()
            .enumerate()
            .filter_map(|(i, n)| n.map(|n| (n, i)))
            .collect();
        crate::core::sort::sort(&mut list);
        list
    }

    /// The footnote number of annotation `index`, if its highlight is shown.
    pub fn number(&self, index: usize) -> Option<usize> {
        self.number.get(index).copied().flatten()
    }

    /// The annotation indexes whose footnote marker goes after piece `piece` of run `run`,
    /// by number.
    pub fn markers_after(&self, run: usize, piece: usize) -> impl Iterator<Item = usize> + '_ {
        let from = self
            .last
            .partition_point(|&(r, p, _)| (r, p) < (run, piece));
        self.last[from..]
            .iter()
            .take_while(move |&&(r, p, _)| (r, p) == (run, piece))
            .map(|&(_, _, index)| index)
    }
}
