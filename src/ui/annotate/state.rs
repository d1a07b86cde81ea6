//! Annotation state of the open article for the UI: the pure `Workbench` plus what only the
//! screen needs (labels, the pending selection, the open annotation, filter, messages).

use std::rc::Rc;

use yew::Reducible;

use crate::core::annotation::{clean_selection, ArticleState, Workbench};
use crate::core::article::Article;
use crate::core::label::Label;
use crate::web::selection::Rect;

/// A selection waiting for a label: canonical range and its screen rectangle.
#[derive(Clone, Debug, PartialEq)]
pub struct Pending {
    pub start: usize,
    pub end: usize,
    pub rect: Rect,
    /// The range as the page gave it, before cleaning: the same range again needs no
    /// cleaning (which indexes the whole text).
    raw: (usize, usize),
}

impl Pending {
    fn place(&self) -> (usize, usize, Rect) {
        (self.start, self.end, self.rect)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct AnnotState {
    pub article: Rc<Article>,
    pub bench: Workbench,
    pub labels: Vec<Label>,
    pub pending: Option<Pending>,
    pub selected: Option<String>,
    pub filter: Option<String>,
    /// Local changes made since the article was opened (each must be saved; loads and
    /// merges from storage do not count).
    pub edit_count: u64,
    /// Changes of the annotations for any reason (local, merged, loaded), so views can tell
    /// "changed" without comparing hundreds of annotations.
    pub annotations_revision: u64,
    /// Changes of anything in this state: a cheap identity for effects and memoized
    /// children (comparing states by value would walk every annotation).
    pub state_revision: u64,
    /// Set after a delete so the panel can offer "Undo".
    pub just_deleted: bool,
    /// A storage problem to show (plain words), or None; cleared by the next good save.
    pub storage_error: Option<String>,
    /// A lasting condition, such as storage being blocked (in-memory mode).
    pub storage_notice: Option<String>,
}

pub enum AnnotAction {
    /// A (re)opened article with its stored annotations and labels.
    Load {
        article: Rc<Article>,
        doc: ArticleState,
        labels: Vec<Label>,
        error: Option<String>,
        notice: Option<String>,
    },
    SetPending(Option<(usize, usize, Rect)>),
    Create {
        id: String,
        label: String,
        now: i64,
    },
    Update {
        id: String,
        label: Option<String>,
        note: Option<String>,
        now: i64,
    },
    Delete {
        id: String,
        now: i64,
    },
    Undo {
        now: i64,
    },
    Reattach {
        id: String,
        now: i64,
    },
    Select(Option<String>),
    Filter(Option<String>),
    /// State read back from storage (another tab, or our own read-merge-write).
    Merge(ArticleState),
    Labels {
        labels: Vec<Label>,
        /// A removed label's annotations: move to another label, or delete (None).
        removed: Option<(String, Option<String>)>,
        now: i64,
    },
    StorageProblem(Option<String>),
    /// A confirmed import for the open article, plus labels it brought.
    Import {
        doc: ArticleState,
        new_labels: Vec<Label>,
    },
}

impl AnnotState {
    pub fn new(article: Rc<Article>) -> Self {
        Self::open(article, ArticleState::new())
    }

    /// The article with `doc`, its stored annotations, anchored over its text (once: that
    /// builds an index over the whole text, a few milliseconds for a 1 MB article).
    pub fn open(article: Rc<Article>, doc: ArticleState) -> Self {
        let bench = Workbench::open(article.storage_key(), doc, &article.text);
        Self {
            article,
            bench,
            labels: crate::core::label::default_labels(),
            pending: None,
            selected: None,
            filter: None,
            edit_count: 0,
            annotations_revision: 0,
            state_revision: 0,
            just_deleted: false,
            storage_error: None,
            storage_notice: None,
        }
    }

    pub fn label(&self, id: &str) -> Option<&Label> {
        self.labels.iter().find(|l| l.id == id)
    }

    /// The pending selection for a range the page reports (cleaned; `None` for no selection
    /// or only whitespace).
    fn pending_for(&self, range: Option<(usize, usize, Rect)>) -> Option<Pending> {
        let (start, end, rect) = range?;
        if let Some(same) = self.pending.as_ref().filter(|p| p.raw == (start, end)) {
            return Some(Pending {
                rect,
                ..same.clone()
            });
        }
        let (clean_start, clean_end) = clean_selection(&self.article.text, start, end)?;
        Some(Pending {
            start: clean_start,
            end: clean_end,
            rect,
            raw: (start, end),
        })
    }
}

impl Reducible for AnnotState {
    type Action = AnnotAction;

    fn reduce(self: Rc<Self>, action: AnnotAction) -> Rc<Self> {
        // selectionchange fires constantly while a selection is dragged: the new selection is
        // worked out before the state is copied (a copy holds every annotation), and an
        // unchanged one keeps the state as it is, so nothing re-renders.
        if let AnnotAction::SetPending(range) = action {
            let pending = self.pending_for(range);
            if pending.as_ref().map(Pending::place) == self.pending.as_ref().map(Pending::place) {
                return self;
            }
            let mut next = (*self).clone();
            next.pending = pending;
            next.state_revision += 1;
            return Rc::new(next);
        }
        let mut next = (*self).clone();
        let article = next.article.clone();
        let text = article.text.as_str();
        let changed = match action {
            AnnotAction::Load {
                article,
                doc,
                labels,
                error,
                notice,
            } => {
                let mut fresh = AnnotState::open(article, doc);
                fresh.labels = labels;
                fresh.storage_error = error;
                fresh.storage_notice = notice.or(next.storage_notice);
                fresh.annotations_revision = next.annotations_revision + 1;
                fresh.state_revision = next.state_revision + 1;
                return Rc::new(fresh);
            }
            AnnotAction::SetPending(_) => return self, // handled before the copy, above
            AnnotAction::Create { id, label, now } => {
                let Some(pending) = next.pending.take() else {
                    return self;
                };
                let created = next
                    .bench
                    .create(text, id.clone(), &label, pending.start, pending.end, now)
                    .is_ok();
                if created {
                    next.selected = Some(id);
                }
                created
            }
            AnnotAction::Update {
                id,
                label,
                note,
                now,
            } => next
                .bench
                .update(&id, label.as_deref(), note.as_deref(), now),
            AnnotAction::Delete { id, now } => {
                let deleted = next.bench.delete(&id, now);
                if deleted && next.selected.as_deref() == Some(id.as_str()) {
                    next.selected = None;
                }
                next.just_deleted = deleted;
                deleted
            }
            AnnotAction::Undo { now } => {
                next.just_deleted = false;
                next.bench.undo(text, now)
            }
            AnnotAction::Reattach { id, now } => {
                let Some(pending) = next.pending.take() else {
                    return self;
                };
                let done = next
                    .bench
                    .reattach(text, &id, pending.start, pending.end, now)
                    .unwrap_or(false);
                if done {
                    next.selected = Some(id);
                }
                done
            }
            AnnotAction::Select(id) => {
                if id == next.selected {
                    return self;
                }
                next.selected = id;
                false
            }
            AnnotAction::Filter(label) => {
                if label == next.filter {
                    return self;
                }
                next.filter = label;
                false
            }
            AnnotAction::Merge(doc) => {
                if next.bench.merge_external(doc, text) {
                    next.annotations_revision += 1;
                }
                if let Some(id) = &next.selected {
                    if next.bench.get(id).is_none() {
                        next.selected = None;
                    }
                }
                false
            }
            AnnotAction::Labels {
                labels,
                removed,
                now,
            } => {
                next.labels = labels;
                match removed {
                    Some((from, Some(to))) => next.bench.relabel_all(&from, &to, now) > 0,
                    Some((from, None)) => next.bench.delete_label(&from, now) > 0,
                    None => false,
                }
            }
            AnnotAction::Import { doc, new_labels } => {
                for label in new_labels {
                    if !next.labels.iter().any(|l| l.id == label.id) {
                        next.labels.push(label);
                    }
                }
                next.bench.apply_import(doc, text)
            }
            AnnotAction::StorageProblem(problem) => {
                if problem == next.storage_error {
                    return self;
                }
                next.storage_error = problem;
                false
            }
        };
        if changed {
            next.edit_count += 1;
            next.annotations_revision += 1;
        }
        next.state_revision += 1;
        Rc::new(next)
    }
}
