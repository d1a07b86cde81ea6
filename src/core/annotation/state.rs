//! The annotation model of one article: its live annotations and deletion
//! markers ([`ArticleState`], [`Tombstone`]), and the deterministic [`merge`]
//! (with its tie-break order, [`compare_annotations`]) used to combine the
//! states of several tabs, of memory and storage, or of an import. Storage
//! (`core::store`) persists this state; it does not define it.
//!
//! # Merge rule
//!
//! For every annotation id that appears in either input:
//!
//! 1. Of all annotations with that id, the one with the greatest `modified`
//!    wins. Ties are broken by a total order over all remaining fields (see
//!    [`compare_annotations`]), so the choice never depends on argument order.
//! 2. Of all tombstones with that id, the greatest `deleted` wins.
//! 3. If the winning tombstone's `deleted >= modified` of the winning
//!    annotation, the id is deleted: only the tombstone is kept.
//!    Otherwise the annotation was edited after the deletion (for example in
//!    another tab that had not seen the deletion yet) and is *resurrected*: the
//!    annotation is kept and the now-superseded tombstone is dropped. We
//!    prefer resurrection because an edit is an explicit user action that
//!    happened later; losing it silently would be worse than showing an
//!    annotation the user can delete again.
//!
//! The output is canonical: every id appears at most once, in exactly one of
//! the two lists; annotations are sorted by `(start, end, id)`, tombstones by
//! id. The merge is commutative, associative and idempotent (property-tested
//! in `tests/store_merge_laws.rs`).

use std::cmp::Ordering;

use serde::Serialize;

use super::Annotation;
use crate::core::de::deserialize_struct;

/// Marks the annotation `id` as deleted at `deleted` (ms since the epoch).
#[derive(Serialize, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Tombstone {
    pub id: String,
    pub deleted: i64,
}

deserialize_struct!(Tombstone, "struct Tombstone", { id, deleted });

/// Everything stored for one article.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ArticleState {
    pub annotations: Vec<Annotation>,
    pub tombstones: Vec<Tombstone>,
}

impl ArticleState {
    /// An empty state.
    pub fn new() -> Self {
        Self::default()
    }

    /// The canonical form of this state (deduplicated, sorted); equal to
    /// `merge(self, ArticleState::new())`.
    pub fn normalized(self) -> Self {
        merge(self, ArticleState::new())
    }

    /// Insert or replace the annotation with the same id. The caller sets
    /// `modified`; a tombstone for the id is dropped only if `modified` is
    /// newer than it, as in [`merge`].
    pub fn upsert(&mut self, annotation: Annotation) {
        let current = std::mem::take(self);
        *self = merge(
            current,
            ArticleState {
                annotations: vec![annotation],
                tombstones: Vec::new(),
            },
        );
    }

    /// Delete the annotation `id` at time `now` (ms) by adding a tombstone.
    /// The tombstone time is raised to the annotation's `modified` if the
    /// clock is behind it, so that the deletion always takes effect.
    pub fn delete(&mut self, id: &str, now: i64) {
        let modified = self
            .annotations
            .iter()
            .filter(|a| a.id == id)
            .map(|a| a.modified)
            .max();
        let deleted = modified.map_or(now, |m| m.max(now));
        self.bury(vec![Tombstone {
            id: id.to_owned(),
            deleted,
        }]);
    }

    /// Deletes every live annotation at `now` (a tombstone each, as [`Self::delete`] adds,
    /// in one merge): an article deleted from the library takes its annotations along.
    pub fn delete_all(&mut self, now: i64) {
        let tombstones = self
            .annotations
            .iter()
            .map(|a| Tombstone {
                id: a.id.clone(),
                deleted: a.modified.max(now),
            })
            .collect();
        self.bury(tombstones);
    }

    /// Merges `tombstones` in, as a deletion from elsewhere would be.
    fn bury(&mut self, tombstones: Vec<Tombstone>) {
        let current = std::mem::take(self);
        *self = merge(
            current,
            ArticleState {
                annotations: Vec::new(),
                tombstones,
            },
        );
    }

    /// `annotations` brought back after [`Self::delete_all`] at `deleted_at` (Undo): each
    /// as changed just after both its deletion and `now`, so that it wins over its
    /// tombstone here and in every tab that merges it.
    pub fn revived(annotations: &[Annotation], deleted_at: i64, now: i64) -> ArticleState {
        ArticleState {
            annotations: annotations
                .iter()
                .map(|a| Annotation {
                    modified: a.modified.max(deleted_at).max(now) + 1,
                    ..a.clone()
                })
                .collect(),
            tombstones: Vec::new(),
        }
    }

    /// The live annotation with this id, if any.
    pub fn get(&self, id: &str) -> Option<&Annotation> {
        self.annotations.iter().find(|a| a.id == id)
    }
}

/// Total order used to pick the winner among annotations sharing an id:
/// `modified`, then `created`, then every other field. Two annotations compare
/// `Equal` only if they are equal.
pub fn compare_annotations(a: &Annotation, b: &Annotation) -> Ordering {
    let (qa, qb) = (&a.target.quote, &b.target.quote);
    let (pa, pb) = (&a.target.position, &b.target.position);
    a.modified
        .cmp(&b.modified)
        .then_with(|| a.created.cmp(&b.created))
        .then_with(|| a.id.cmp(&b.id))
        .then_with(|| a.article.cmp(&b.article))
        .then_with(|| a.label.cmp(&b.label))
        .then_with(|| a.note.cmp(&b.note))
        .then_with(|| pa.start.cmp(&pb.start))
        .then_with(|| pa.end.cmp(&pb.end))
        .then_with(|| qa.exact.cmp(&qb.exact))
        .then_with(|| qa.prefix.cmp(&qb.prefix))
        .then_with(|| qa.suffix.cmp(&qb.suffix))
}

/// Merge two article states according to the rule in the module docs.
///
/// By sorting rather than hashing: both lists are sorted by id (the winner of each id
/// first) and walked side by side. The merge was the wasm's only user of two `String`-keyed
/// hash maps, each type a copy of hashbrown's code; the shared sort is already there.
pub fn merge(a: ArticleState, b: ArticleState) -> ArticleState {
    let mut live = a.annotations;
    live.extend(b.annotations);
    // Per id, the greatest by `compare_annotations` first; `dedup_by` keeps the first of a run.
    crate::core::sort::sort_by(&mut live, |x, y| {
        x.id.cmp(&y.id).then_with(|| compare_annotations(y, x))
    });
    live.dedup_by(|later, first| later.id == first.id);

    let mut deleted = a.tombstones;
    deleted.extend(b.tombstones);
    // Per id, the latest deletion first.
    crate::core::sort::sort_by(&mut deleted, |x, y| {
        x.id.cmp(&y.id).then_with(|| y.deleted.cmp(&x.deleted))
    });
    deleted.dedup_by(|later, first| later.id == first.id);

    // Both lists are sorted by id with each id once: a tombstone whose id has an
    // annotation either deletes it or is superseded by it.
    let mut annotations = Vec::with_capacity(live.len());
    let mut tombstones = Vec::with_capacity(deleted.len());
    let mut stones = deleted.into_iter().peekable();
    for ann in live {
        while let Some(t) = stones.next_if(|t| t.id < ann.id) {
            tombstones.push(t);
        }
        match stones.next_if(|t| t.id == ann.id) {
            Some(t) if t.deleted >= ann.modified => tombstones.push(t),
            _ => annotations.push(ann),
        }
    }
    tombstones.extend(stones);
    crate::core::sort::sort_by(&mut annotations, |x, y| {
        let (px, py) = (&x.target.position, &y.target.position);
        px.start
            .cmp(&py.start)
            .then_with(|| px.end.cmp(&py.end))
            .then_with(|| x.id.cmp(&y.id))
    });

    ArticleState {
        annotations,
        tombstones,
    }
}
