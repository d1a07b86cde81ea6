//! Layout of possibly overlapping highlights over rendered text runs: each
//! run is split at every highlight boundary inside it, and each piece lists
//! the highlights covering it, shortest first.
//!
//! One sort of boundary events and one sweep across all runs:
//! O((runs + highlights) log(highlights) + output) (shifting the sorted active set at a
//! boundary costs no more than the piece there, which lists that whole set).

/// Caller's identifier of a highlight (e.g. an index into its annotations).
pub type HighlightId = usize;

/// A piece of a run with a constant set of covering highlights.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    /// Code point offsets over the canonical text, end exclusive.
    pub start: usize,
    pub end: usize,
    /// Covering highlights, shortest first (ties by id), so a click can pick
    /// the innermost one.
    pub highlights: Vec<HighlightId>,
}

/// Splits each run `(start, end)` (code points; expected sorted and
/// disjoint) into pieces at the boundaries of `highlights`
/// `(id, start, end)`. Returns one list per run, in input order; pieces of a
/// run are contiguous and cover it exactly. Empty runs get no pieces and
/// empty highlights are ignored. Unsorted or overlapping runs are still
/// handled correctly, at the cost of re-sweeping.
pub fn layout(
    runs: &[(usize, usize)],
    highlights: &[(HighlightId, usize, usize)],
) -> Vec<Vec<Piece>> {
    // (position, highlight index, is start)
    let mut events: Vec<(usize, usize, bool)> = Vec::with_capacity(highlights.len() * 2);
    for (i, &(_, start, end)) in highlights.iter().enumerate() {
        if start < end {
            events.push((start, i, true));
            events.push((end, i, false));
        }
    }
    crate::core::sort::sort(&mut events);
    let mut order: Vec<usize> = (0..runs.len()).collect();
    crate::core::sort::sort_by_key(&mut order, |&r| runs.get(r).copied());

    let mut out = vec![Vec::new(); runs.len()];
    let mut sweep = Sweep::new(highlights, &events);
    for r in order {
        let (Some(&(start, end)), Some(pieces)) = (runs.get(r), out.get_mut(r)) else {
            continue;
        };
        if start < end {
            *pieces = sweep.run(start, end);
        }
    }
    out
}

/// Sweep state: the highlights active at `applied`.
struct Sweep<'a> {
    highlights: &'a [(HighlightId, usize, usize)],
    events: &'a [(usize, usize, bool)],
    next: usize,
    applied: usize,
    /// (length, id, index) of active highlights, ordered shortest first: a sorted `Vec`
    /// rather than a `BTreeSet`, for size (the only B-tree set in the wasm, so its insert and
    /// remove code is there for this alone). Not slower: each piece copies the whole active
    /// set anyway (`covering`), so shifting it on an insert or removal costs no more.
    active: Vec<(usize, HighlightId, usize)>,
}

impl<'a> Sweep<'a> {
    fn new(
        highlights: &'a [(HighlightId, usize, usize)],
        events: &'a [(usize, usize, bool)],
    ) -> Self {
        Self {
            highlights,
            events,
            next: 0,
            applied: 0,
            active: Vec::new(),
        }
    }

    /// Applies every event at or before `pos`, restarting if `pos` is behind.
    fn advance_to(&mut self, pos: usize) {
        if pos < self.applied {
            self.next = 0;
            self.active.clear();
        }
        while let Some(&(at, i, is_start)) = self.events.get(self.next) {
            if at > pos {
                break;
            }
            if let Some(&(id, start, end)) = self.highlights.get(i) {
                let key = (end - start, id, i);
                match (self.active.binary_search(&key), is_start) {
                    (Err(at), true) => self.active.insert(at, key),
                    (Ok(at), false) => {
                        self.active.remove(at);
                    }
                    _ => {}
                }
            }
            self.next += 1;
        }
        self.applied = pos;
    }

    fn next_boundary(&self) -> Option<usize> {
        self.events.get(self.next).map(|&(at, _, _)| at)
    }

    fn covering(&self) -> Vec<HighlightId> {
        self.active.iter().map(|&(_, id, _)| id).collect()
    }

    fn run(&mut self, start: usize, end: usize) -> Vec<Piece> {
        self.advance_to(start);
        let mut pieces = Vec::new();
        let mut from = start;
        while let Some(at) = self.next_boundary().filter(|&at| at < end) {
            pieces.push(Piece {
                start: from,
                end: at,
                highlights: self.covering(),
            });
            self.advance_to(at);
            from = at;
        }
        pieces.push(Piece {
            start: from,
            end,
            highlights: self.covering(),
        });
        pieces
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn piece(start: usize, end: usize, highlights: &[usize]) -> Piece {
        Piece {
            start,
            end,
            highlights: highlights.to_vec(),
        }
    }

    #[test]
    fn nested_highlights_shortest_first() {
        let out = layout(&[(0, 10)], &[(7, 0, 10), (8, 2, 4)]);
        assert_eq!(
            out,
            vec![vec![
                piece(0, 2, &[7]),
                piece(2, 4, &[8, 7]),
                piece(4, 10, &[7]),
            ]]
        );
    }
}
