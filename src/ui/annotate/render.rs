//! From the workbench's anchored spans to the per-block highlight pieces the article view
//! renders. One layout pass (see `core::annotation::layout`) over the runs of the blocks that
//! some highlight touches; every other block shares one empty list, which the view draws as
//! plain text leaves and compares by pointer, so a long article with few highlights costs
//! little here and on every re-render.

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
    let empty: Rc<BlockPieces> = Rc::default();
    let spans = bench.spans();
    let mut out = vec![empty; article.blocks.len()];
    if spans.is_empty() {
        return Rc::new(out);
    }
    // Each block's runs, and the code points they cover (blocks follow the canonical order).
    let runs: Vec<Vec<(usize, usize)>> = article
        .blocks
        .iter()
        .map(|block| {
            block
                .units()
                .iter()
                .flat_map(|u| u.runs.iter().map(|r| (r.start, r.end())))
                .collect()
        })
        .collect();
    // A block without text (a picture without caption) covers nothing at the position it
    // is at, which keeps `cover` sorted for the binary search below.
    let mut at = 0;
    let cover: Vec<(usize, usize)> = runs
        .iter()
        .map(|r| {
            let range = match (r.first(), r.last()) {
                (Some(first), Some(last)) => (first.0, last.1),
                _ => (at, at),
            };
            at = range.1;
            range
        })
        .collect();
    let mut touched = vec![false; runs.len()];
    for span in &spans {
        let first = cover.partition_point(|&(_, end)| end <= span.start);
        for (index, &(start, end)) in cover.iter().enumerate().skip(first) {
            if start >= span.end {
                break;
            }
            if start < end {
                touched[index] = true;
            }
        }
    }
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
    let laid: Vec<(usize, usize)> = runs
        .iter()
        .zip(&touched)
        .filter(|(_, t)| **t)
        .flat_map(|(r, _)| r.iter().copied())
        .collect();
    let mut laid_out = layout(&laid, &highlights).into_iter();
    for ((slot, block_runs), _) in out.iter_mut().zip(&runs).zip(&touched).filter(|(_, t)| **t) {
        let pieces: BlockPieces = laid_out
            .by_ref()
            .take(block_runs.len())
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
        *slot = Rc::new(pieces);
    }
    Rc::new(out)
}
