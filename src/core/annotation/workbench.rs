//! The annotations of one open article and everything a reader does to them: create, edit,
//! delete with undo, re-attach orphans, merge changes from other tabs, and the derived views
//! (document order, per-label counts, highlight spans, orphans).
//!
//! Pure and synchronous, so the UI reducer is a thin wrapper and every rule here is tested
//! natively. Anchors are kept per id and recomputed only for annotations whose target
//! changed, so adding one highlight to an article that has 500 costs one `describe`.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use super::{
    anchor_all, describe, merge, AnchorError, Anchored, Annotation, ArticleState, Target, Tombstone,
};

/// How many steps Ctrl+Z can go back.
const UNDO_DEPTH: usize = 50;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Workbench {
    /// The article key annotations are stored under (its URL, or a content hash).
    pub key: String,
    pub doc: ArticleState,
    anchors: HashMap<String, Anchored>,
    /// Snapshots behind `Rc`: the UI clones the workbench on every action, and the undo
    /// history must not make that cost grow with its depth.
    undo: Vec<Rc<ArticleState>>,
}

/// A highlight ready for layout: annotation id, label and span in code points.
#[derive(Clone, Debug, PartialEq)]
pub struct Span<'a> {
    pub annotation: &'a Annotation,
    pub start: usize,
    pub end: usize,
    pub anchored: Anchored,
}

/// Prepare a raw selection: trim whitespace at both edges and widen it so no grapheme
/// cluster is cut. None when nothing but whitespace was selected.
pub use crate::core::text::clean_range as clean_selection;

impl Workbench {
    /// Open `doc` (as loaded from storage) over the article's canonical `text`.
    pub fn open(key: String, doc: ArticleState, text: &str) -> Self {
        let mut bench = Self {
            key,
            doc,
            anchors: HashMap::new(),
            undo: Vec::new(),
        };
        bench.reanchor_all(text);
        bench
    }

    fn reanchor_all(&mut self, text: &str) {
        let targets: Vec<Target> = self
            .doc
            .annotations
            .iter()
            .map(|a| a.target.clone())
            .collect();
        let anchored = anchor_all(text, &targets);
        // A target placed by position alone (another tool's bare TextPositionSelector) gets
        // its quote and context from the text, so it can be shown, exported, and found again
        // if the article changes. Saved with the next change like any other edit.
        for (annotation, place) in self.doc.annotations.iter_mut().zip(&anchored) {
            if let (true, Some((start, end))) =
                (annotation.target.quote.exact.is_empty(), place.span())
            {
                if let Ok(target) = describe(text, start, end) {
                    annotation.target = target;
                }
            }
        }
        self.anchors = self
            .doc
            .annotations
            .iter()
            .zip(anchored)
            .map(|(a, anchored)| (a.id.clone(), anchored))
            .collect();
    }

    fn remember(&mut self) {
        self.undo.push(Rc::new(self.doc.clone()));
        if self.undo.len() > UNDO_DEPTH {
            self.undo.remove(0);
        }
    }

    /// Create an annotation over `start..end` of `text` (already cleaned).
    pub fn create(
        &mut self,
        text: &str,
        id: String,
        label: &str,
        start: usize,
        end: usize,
        now: i64,
    ) -> Result<&Annotation, AnchorError> {
        let target = describe(text, start, end)?;
        self.remember();
        self.anchors
            .insert(id.clone(), Anchored::Exact { start, end });
        self.doc.upsert(Annotation {
            id: id.clone(),
            article: self.key.clone(),
            label: label.to_string(),
            note: String::new(),
            created: now,
            modified: now,
            target,
        });
        self.get(&id).ok_or(AnchorError::EmptyRange { start, end })
    }

    pub fn get(&self, id: &str) -> Option<&Annotation> {
        self.doc.annotations.iter().find(|a| a.id == id)
    }

    /// Change label and/or note. Returns false when nothing changed (no undo step is kept).
    pub fn update(&mut self, id: &str, label: Option<&str>, note: Option<&str>, now: i64) -> bool {
        let Some(current) = self.get(id) else {
            return false;
        };
        let new_label = label.unwrap_or(&current.label).to_string();
        let new_note = note.map_or_else(|| current.note.clone(), clean_note);
        if new_label == current.label && new_note == current.note {
            return false;
        }
        let mut changed = current.clone();
        changed.label = new_label;
        changed.note = new_note;
        changed.modified = now.max(changed.modified + 1);
        self.remember();
        self.doc.upsert(changed);
        true
    }

    /// Delete (kept as a tombstone so other tabs and imports learn of it).
    pub fn delete(&mut self, id: &str, now: i64) -> bool {
        if self.get(id).is_none() {
            return false;
        }
        self.remember();
        self.doc.delete(id, now);
        self.anchors.remove(id);
        true
    }

    /// Point an annotation (typically an orphan) at a new span of `text`.
    pub fn reattach(
        &mut self,
        text: &str,
        id: &str,
        start: usize,
        end: usize,
        now: i64,
    ) -> Result<bool, AnchorError> {
        let target = describe(text, start, end)?;
        let Some(current) = self.get(id) else {
            return Ok(false);
        };
        let mut changed = current.clone();
        changed.target = target;
        changed.modified = now.max(changed.modified + 1);
        self.remember();
        self.doc.upsert(changed);
        self.anchors
            .insert(id.to_string(), Anchored::Exact { start, end });
        Ok(true)
    }

    /// Go back one step. Restoring an older state must win over the tombstones and edits it
    /// undoes, so restored annotations get a fresh `modified` time.
    pub fn undo(&mut self, text: &str, now: i64) -> bool {
        let Some(previous) = self.undo.pop() else {
            return false;
        };
        let mut restored = Rc::unwrap_or_clone(previous);
        // Lookups by id through hash tables: a scan per annotation is quadratic. The table
        // holds indexes, not references: `HashMap<&str, usize>` is a type the app has anyway,
        // and each other one is a copy of the hash table's code in the wasm.
        let current: HashMap<&str, usize> = id_indexes(&self.doc.annotations);
        for annotation in &mut restored.annotations {
            let differs = current
                .get(annotation.id.as_str())
                .and_then(|&i| self.doc.annotations.get(i))
                != Some(&*annotation);
            if differs {
                annotation.modified = now.max(annotation.modified + 1);
            }
        }
        let restored_ids: HashSet<&str> =
            restored.annotations.iter().map(|a| a.id.as_str()).collect();
        // Annotations created after the snapshot are deleted by the undo.
        let created_since: Vec<String> = self
            .doc
            .annotations
            .iter()
            .filter(|a| !restored_ids.contains(a.id.as_str()))
            .map(|a| a.id.clone())
            .collect();
        restored
            .tombstones
            .retain(|t| !restored_ids.contains(t.id.as_str()));
        self.doc = restored;
        self.delete_all(&created_since, now);
        self.reanchor_all(text);
        true
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Merge a state seen in storage (another tab, or the result of read-merge-write).
    /// Returns true when anything changed here.
    pub fn merge_external(&mut self, other: ArticleState, text: &str) -> bool {
        let merged = merge(self.doc.clone(), other);
        if merged == self.doc {
            return false;
        }
        self.doc = merged;
        self.reanchor_all(text);
        true
    }

    /// Take the result of an import the reader confirmed (one undo step).
    pub fn apply_import(&mut self, doc: ArticleState, text: &str) -> bool {
        if doc == self.doc {
            return false;
        }
        self.remember();
        self.doc = doc;
        self.reanchor_all(text);
        true
    }

    /// Replace the labels of annotations labelled `from` (when a label is removed).
    /// One merge for all of them: an upsert per annotation would re-merge the whole state
    /// each time, quadratic in the number of annotations.
    pub fn relabel_all(&mut self, from: &str, to: &str, now: i64) -> usize {
        let changed: Vec<Annotation> = self
            .doc
            .annotations
            .iter()
            .filter(|a| a.label == from)
            .map(|a| {
                let mut a = a.clone();
                a.label = to.to_string();
                a.modified = now.max(a.modified + 1);
                a
            })
            .collect();
        let count = changed.len();
        if count > 0 {
            self.remember();
            let current = std::mem::take(&mut self.doc);
            self.doc = merge(
                current,
                ArticleState {
                    annotations: changed,
                    tombstones: Vec::new(),
                },
            );
        }
        count
    }

    /// Delete the annotations `ids` as `ArticleState::delete` does, with one merge for all of
    /// them (a delete per id would re-merge the whole state each time: quadratic).
    fn delete_all(&mut self, ids: &[String], now: i64) {
        if ids.is_empty() {
            return;
        }
        // Indexes rather than the times themselves, for size (see `undo`).
        let at = id_indexes(&self.doc.annotations);
        let tombstones = ids
            .iter()
            .map(|id| Tombstone {
                id: id.clone(),
                deleted: at
                    .get(id.as_str())
                    .and_then(|&i| self.doc.annotations.get(i))
                    .map_or(now, |a| a.modified.max(now)),
            })
            .collect();
        let current = std::mem::take(&mut self.doc);
        self.doc = merge(
            current,
            ArticleState {
                annotations: Vec::new(),
                tombstones,
            },
        );
        for id in ids {
            self.anchors.remove(id);
        }
    }

    /// Delete every annotation labelled `label`.
    pub fn delete_label(&mut self, label: &str, now: i64) -> usize {
        let ids = self.ids_with_label(label);
        if !ids.is_empty() {
            self.remember();
        }
        self.delete_all(&ids, now);
        ids.len()
    }

    fn ids_with_label(&self, label: &str) -> Vec<String> {
        self.doc
            .annotations
            .iter()
            .filter(|a| a.label == label)
            .map(|a| a.id.clone())
            .collect()
    }

    pub fn anchored(&self, id: &str) -> Anchored {
        self.anchors.get(id).copied().unwrap_or(Anchored::Orphan)
    }

    /// Each annotation's anchored span (`None` for an orphan), in the order of `doc`: what an
    /// export needs to count its selectors over the rendered text.
    pub fn placed(&self) -> Vec<Option<(usize, usize)>> {
        self.doc
            .annotations
            .iter()
            .map(|a| self.anchored(&a.id).span())
            .collect()
    }

    /// Anchored annotations in document order (start, then longer first, then id).
    pub fn spans(&self) -> Vec<Span<'_>> {
        let mut spans: Vec<Span<'_>> = self
            .doc
            .annotations
            .iter()
            .filter_map(|annotation| {
                let anchored = self.anchored(&annotation.id);
                let (start, end) = anchored.span()?;
                Some(Span {
                    annotation,
                    start,
                    end,
                    anchored,
                })
            })
            .collect();
        crate::core::sort::sort_by(&mut spans, |a, b| {
            a.start
                .cmp(&b.start)
                .then(b.end.cmp(&a.end))
                .then(a.annotation.id.cmp(&b.annotation.id))
        });
        spans
    }

    /// Annotations whose text could not be found: kept, listed with their old quote.
    pub fn orphans(&self) -> Vec<&Annotation> {
        self.doc
            .annotations
            .iter()
            .filter(|a| self.anchored(&a.id) == Anchored::Orphan)
            .collect()
    }

    /// Number of annotations per label id.
    pub fn counts(&self) -> HashMap<&str, usize> {
        let mut counts = HashMap::new();
        for a in &self.doc.annotations {
            *counts.entry(a.label.as_str()).or_insert(0) += 1;
        }
        counts
    }
}

/// Each annotation's index by its id (the last one, if an id repeats, as `collect` keeps).
fn id_indexes(annotations: &[Annotation]) -> HashMap<&str, usize> {
    annotations
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect()
}

/// Notes are plain text: keep newlines and tabs, drop other control characters.
pub fn clean_note(note: &str) -> String {
    note.chars()
        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "第一段：官员表示政策不容谈判。\n第二段👍🏽数据显示增长了三成。";

    fn bench() -> Workbench {
        Workbench::open("k".into(), ArticleState::new(), TEXT)
    }

    #[test]
    fn create_update_delete_undo() {
        let mut b = bench();
        b.create(TEXT, "a".into(), "policy", 4, 14, 10)
            .map(|_| ())
            .unwrap();
        assert_eq!(b.spans().len(), 1);
        assert!(b.update("a", None, Some("要核实"), 20));
        assert_eq!(b.get("a").map(|a| a.note.as_str()), Some("要核实"));
        assert!(b.delete("a", 30));
        assert!(b.spans().is_empty());
        assert_eq!(b.doc.tombstones.len(), 1);
        assert!(b.undo(TEXT, 40));
        assert_eq!(b.get("a").map(|a| a.note.as_str()), Some("要核实"));
        assert!(b.doc.tombstones.is_empty());
        assert_eq!(b.spans()[0].start, 4);
        // Undo of a creation deletes it (as a tombstone).
        assert!(b.undo(TEXT, 50));
        assert!(b.undo(TEXT, 60));
        assert!(b.get("a").is_none());
    }

    #[test]
    fn undo_survives_a_merge_with_the_stored_tombstone() {
        let mut b = bench();
        b.create(TEXT, "a".into(), "policy", 4, 14, 10)
            .map(|_| ())
            .unwrap();
        b.delete("a", 30);
        let stored = b.doc.clone();
        b.undo(TEXT, 40);
        b.merge_external(stored, TEXT);
        assert!(b.get("a").is_some(), "the undone deletion stays undone");
    }

    #[test]
    fn selection_is_trimmed_and_never_cuts_a_grapheme() {
        let skin = TEXT.chars().position(|c| c == '👍').unwrap_or(0);
        assert_eq!(
            clean_selection(TEXT, skin, skin + 1),
            Some((skin, skin + 2))
        );
        assert_eq!(clean_selection(TEXT, 13, 16), Some((13, 15)));
        assert_eq!(clean_selection(TEXT, 15, 16), None);
    }

    #[test]
    fn spans_in_document_order_and_orphans_listed() {
        let mut b = bench();
        b.create(TEXT, "late".into(), "fact", 20, 25, 1)
            .map(|_| ())
            .unwrap();
        b.create(TEXT, "early".into(), "policy", 0, 3, 2)
            .map(|_| ())
            .unwrap();
        let ids: Vec<&str> = b.spans().iter().map(|s| s.annotation.id.as_str()).collect();
        assert_eq!(ids, ["early", "late"]);
        let reopened = Workbench::open("k".into(), b.doc.clone(), "完全不同的文字");
        assert_eq!(reopened.orphans().len(), 2);
        assert_eq!(reopened.counts().get("fact"), Some(&1));
    }

    /// A workbench of `n` annotations over a text of distinct ideographs, labels rotating.
    fn labelled(n: usize) -> (String, Workbench) {
        let text: String = (0..n as u32 * 12 + 40)
            .map(|i| char::from_u32(0x4E00 + (i * 7_919) % 20_000).unwrap_or('中'))
            .collect();
        let index = crate::core::text::CharIndex::new(&text);
        let annotations = (0..n)
            .map(|i| Annotation {
                id: format!("a{i:05}"),
                article: "k".into(),
                label: ["fact", "policy", "claim"][i % 3].into(),
                note: String::new(),
                created: i as i64,
                modified: i as i64,
                target: super::super::describe_in(&index, i * 12, i * 12 + 8).unwrap(),
            })
            .collect();
        let doc = ArticleState {
            annotations,
            tombstones: Vec::new(),
        }
        .normalized();
        let b = Workbench::open("k".into(), doc, &text);
        (text, b)
    }

    #[test]
    fn batched_relabel_and_delete_equal_one_change_per_annotation() {
        let (text, b) = labelled(40);
        let mut batched = b.clone();
        assert_eq!(batched.relabel_all("fact", "claim", 1_000), 14);
        assert_eq!(batched.delete_label("policy", 2_000), 13);
        // The same changes one annotation at a time, through ArticleState.
        let mut single = b.doc.clone();
        for a in b.doc.annotations.iter().filter(|a| a.label == "fact") {
            let mut a = a.clone();
            a.label = "claim".into();
            a.modified = 1_000.max(a.modified + 1);
            single.upsert(a);
        }
        let policy: Vec<String> = single
            .annotations
            .iter()
            .filter(|a| a.label == "policy")
            .map(|a| a.id.clone())
            .collect();
        for id in &policy {
            single.delete(id, 2_000);
        }
        assert_eq!(batched.doc, single);
        assert_eq!(batched.spans().len(), 27);
        assert!(batched.undo(&text, 3_000));
        assert!(batched.undo(&text, 4_000));
        assert_eq!(batched.spans().len(), 40);
        assert_eq!(batched.counts().get("fact"), Some(&14));
    }

    #[test]
    fn label_changes_and_undo_stay_fast_with_many_annotations() {
        let (text, mut b) = labelled(3_000);
        let started = std::time::Instant::now();
        assert_eq!(b.relabel_all("fact", "claim", 10_000), 1_000);
        assert!(b.undo(&text, 20_000));
        assert_eq!(b.delete_label("policy", 30_000), 1_000);
        assert!(b.undo(&text, 40_000));
        assert_eq!(b.spans().len(), 3_000);
        // One change per annotation took seconds here; the batched path takes milliseconds.
        assert!(started.elapsed().as_secs() < 5, "{:?}", started.elapsed());
    }

    #[test]
    fn notes_drop_control_characters() {
        assert_eq!(clean_note("a\u{0}b\nc\u{1b}"), "ab\nc");
    }
}
