//! Deleting articles from the library: a selection's records and texts taken out of
//! IndexedDB in one transaction and its annotations deleted (tombstones, so that other tabs
//! agree), everything held in memory so that Undo puts each piece back as it was.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::annotation::{Annotation, ArticleState};
use crate::ui::annotate::persist;
use crate::web::dom;
use crate::web::idb::{Library, Taken};

/// The library's selection and what deleting it has come to: one reducer, so that the
/// checkboxes and buttons share one piece of state (and one copy of its hook code).
#[derive(Default)]
pub struct Selection {
    /// The selected articles' keys, sorted.
    pub keys: Vec<String>,
    /// The last deletion, for Undo.
    pub deleted: Option<Rc<Deleted>>,
}

pub enum Select {
    Toggle(String),
    /// Every listed article.
    All(Vec<String>),
    Clear,
    /// A deletion ended with what it took, or an Undo with nothing left to undo: the
    /// selection is cleared.
    Done(Option<Rc<Deleted>>),
}

impl Reducible for Selection {
    type Action = Select;

    fn reduce(self: Rc<Self>, action: Select) -> Rc<Self> {
        let mut next = Selection {
            keys: self.keys.clone(),
            deleted: self.deleted.clone(),
        };
        match action {
            Select::Toggle(key) => match next.keys.binary_search(&key) {
                Ok(at) => drop(next.keys.remove(at)),
                Err(at) => next.keys.insert(at, key),
            },
            Select::All(mut keys) => {
                crate::core::sort::sort(&mut keys);
                next.keys = keys;
            }
            Select::Clear => next.keys.clear(),
            Select::Done(deleted) => {
                next.deleted = deleted;
                next.keys.clear();
            }
        }
        Rc::new(next)
    }
}

/// What a deletion took, for Undo.
pub struct Deleted {
    /// What IndexedDB held of the articles.
    taken: Taken,
    /// The annotations of each article that had any, as they were.
    marks: Vec<(String, Vec<Annotation>)>,
    at: i64,
}

impl Deleted {
    pub fn articles(&self) -> usize {
        self.taken.len()
    }

    pub fn annotations(&self) -> usize {
        self.marks.iter().map(|(_, marks)| marks.len()).sum()
    }
}

/// A deletion, or the Undo of one.
pub enum Step {
    Delete(Vec<String>),
    Undo(Rc<Deleted>),
}

/// Runs `step`: what a deletion took, or `None` after an Undo. One future for both (each
/// future type is a copy of its machinery in the wasm).
pub async fn apply(step: Step) -> Result<Option<Rc<Deleted>>, String> {
    let library = Library::open().await.map_err(|e| e.to_string())?;
    match step {
        Step::Delete(keys) => Ok(Some(Rc::new(delete(&library, &keys).await?))),
        Step::Undo(done) => undo(&library, &done).await.map(|()| None),
    }
}

/// Deletes the articles `keys` and their annotations. Annotations that cannot be written
/// as deleted (storage full or blocked) stay stored and are not counted.
async fn delete(library: &Library, keys: &[String]) -> Result<Deleted, String> {
    let taken = library.take(keys).await.map_err(|e| e.to_string())?;
    let at = dom::now_ms();
    let (mut repo, _) = persist::open_repo();
    let mut marks = Vec::new();
    for key in keys {
        let Ok(mut state) = repo.load_article(key) else {
            continue;
        };
        if state.annotations.is_empty() {
            continue;
        }
        let kept = state.annotations.clone();
        state.delete_all(at);
        if repo.save_article(key, &state).is_ok() {
            marks.push((key.clone(), kept));
        }
    }
    Ok(Deleted { taken, marks, at })
}

/// Puts back what [`delete`] took: the articles as they were, and their annotations as
/// changed now (so that they win over their deletion in every tab).
async fn undo(library: &Library, deleted: &Deleted) -> Result<(), String> {
    library
        .put_back(&deleted.taken)
        .await
        .map_err(|e| e.to_string())?;
    let (mut repo, _) = persist::open_repo();
    let now = dom::now_ms();
    for (key, marks) in &deleted.marks {
        repo.save_article(key, &ArticleState::revived(marks, deleted.at, now))
            .map_err(|e| persist::message(&e))?;
    }
    Ok(())
}
