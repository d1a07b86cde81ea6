//! From the workbench's anchored spans to the per-block highlight pieces the article view
//! renders. One layout pass over all runs (see `core::annotation::layout`).

use std::rc::Rc;

use crate::core::annotation::{layout, Workbench};
use crate::core::article::Article;
use crate::ui::article_view::{BlockPieces, MarkRef, PieceView};

/// Most highlights nested on one piece of text. Past this the DOM would nest without bound (an
/// imported file can stack thousands on one phrase); the shortest ones are drawn, and the
/// editor's "Also here" list reaches every one.
const MAX_NESTED_MARKS: usize = 6;

pub fn block_pieces(
    article: &Article,
    bench: &Workbench,
    selected: Option<&str>,
    flash: Option<&str>,
) -> Rc<Vec<Rc<BlockPieces>>> {
    let spans = bench.spans();
    let marks: Vec<MarkRef> = spans
        .iter()
        .map(|s| MarkRef {
            id: Rc::from(s.annotation.id.as_str()),
            label: Rc::from(s.annotation.label.as_str()),
            active: selected == Some(s.annotation.id.as_str()),
            flash: flash == Some(s.annotation.id.as_str()),
        })
        .collect();
    let highlights: Vec<(usize, usize, usize)> = spans
        .iter()
        .enumerate()
        .map(|(i, s)| (i, s.start, s.end))
        .collect();
    let runs = article.run_ranges();
    let mut laid_out = layout(&runs, &highlights).into_iter();
    let blocks = article
        .blocks
        .iter()
        .map(|block| {
            let run_count: usize = block.units().iter().map(|u| u.runs.len()).sum();
            let pieces: BlockPieces = laid_out
                .by_ref()
                .take(run_count)
                .map(|pieces| {
                    pieces
                        .into_iter()
                        .map(|p| PieceView {
                            start: p.start,
                            end: p.end,
                            marks: p
                                .highlights
                                .iter()
                                .take(MAX_NESTED_MARKS)
                                .filter_map(|&i| marks.get(i).cloned())
                                .collect(),
                        })
                        .collect()
                })
                .collect();
            Rc::new(pieces)
        })
        .collect();
    Rc::new(blocks)
}
