//! Keeping the open article's annotations and the labels in storage, as one hook: the
//! store is opened once; an article's annotations are loaded whenever the article changes;
//! local changes are saved after a short pause (at once when the page is hidden or closed);
//! changed labels are saved; and what another tab writes is merged in.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::core::annotation::ArticleState;
use crate::core::article::Article;
use crate::core::store::envelope::decode_article;
use crate::core::store::keys::{parse_key, StorageKey};
use crate::core::store::StorageError;
use crate::ui::use_open_files::forget_last;
use crate::web::{dom, label_styles};

use super::persist::{self, Repo};
use super::state::{AnnotAction, AnnotState};
use crate::ui::article_view::ArticleRef;

/// Pause after the last change before annotations are written to storage.
const SAVE_DELAY_MS: u32 = 250;

/// The store, once opened (with the first article). Shared with whatever else reads or
/// writes storage: import, "Export all".
pub type RepoSlot = Rc<RefCell<Option<Repo>>>;

/// Load, save and merge the annotations of `article`, whose live state is `state`, in the
/// store `repo` (opened here with the first article); `loaded` hears of each article loaded.
#[hook]
pub fn use_persistence(
    state: &UseReducerHandle<AnnotState>,
    repo: &RepoSlot,
    article: &Rc<Article>,
    loaded: Callback<Rc<Article>>,
) {
    // Open the store once, and load this article's annotations whenever the article changes.
    {
        let repo = repo.clone();
        let dispatch = state.dispatcher();
        use_effect_with(ArticleRef(article.clone()), move |ArticleRef(article)| {
            let mut slot = repo.borrow_mut();
            let mut problem = None;
            if slot.is_none() {
                let (opened, warning) = persist::open_repo();
                *slot = Some(opened);
                problem = warning;
            }
            if let Some(repo) = slot.as_mut() {
                let (doc, labels, error) = persist::load(repo, &article.storage_key());
                dispatch.dispatch(AnnotAction::Load {
                    article: article.clone(),
                    doc,
                    labels,
                    error,
                    notice: problem,
                });
                drop(slot);
                loaded.emit(article.clone());
            }
        });
    }

    // Save after local changes: read-merge-write, so another tab's work is kept too. Saving
    // waits for a short pause (and happens at once when the page is hidden or closed), so
    // serialising hundreds of annotations never delays the repaint of a new highlight.
    let pending_save: Rc<RefCell<Option<Timeout>>> = use_mut_ref(|| None);
    let latest: Rc<RefCell<Option<(String, ArticleState)>>> = use_mut_ref(|| None);
    let save_now = {
        let repo = repo.clone();
        let latest = latest.clone();
        let dispatch = state.dispatcher();
        Rc::new(move || {
            let Some((key, doc)) = latest.borrow_mut().take() else {
                return;
            };
            let mut slot = repo.borrow_mut();
            let Some(repo) = slot.as_mut() else {
                return;
            };
            let mut saved = repo.save_article_merged(&key, &doc);
            // The copy of the last article is only a cache: annotations come first.
            if saved == Err(StorageError::QuotaExceeded) && forget_last() {
                saved = repo.save_article_merged(&key, &doc);
            }
            drop(slot);
            match saved {
                Ok(merged) => {
                    dispatch.dispatch(AnnotAction::StorageProblem(None));
                    if merged != doc {
                        dispatch.dispatch(AnnotAction::Merge(merged));
                    }
                }
                Err(error) => {
                    dispatch.dispatch(AnnotAction::StorageProblem(Some(persist::message(&error))))
                }
            }
        })
    };
    {
        let (latest, pending_save, save_now) = (latest, pending_save, save_now.clone());
        let state = state.clone();
        use_effect_with(state.edit_count, move |&edits| {
            if edits > 0 {
                *latest.borrow_mut() = Some((state.bench.key.clone(), state.bench.doc.clone()));
                let save_now = save_now.clone();
                *pending_save.borrow_mut() = Some(Timeout::new(SAVE_DELAY_MS, move || save_now()));
            }
        });
    }
    // Labels: CSS rules for their colours, and saved when changed.
    {
        let repo = repo.clone();
        let dispatch = state.dispatcher();
        use_effect_with(state.labels.clone(), move |labels| {
            label_styles::apply(labels);
            if let Some(repo) = repo.borrow_mut().as_mut() {
                if repo.load_labels().ok().as_ref() != Some(labels) {
                    if let Err(error) = repo.save_labels(labels) {
                        dispatch
                            .dispatch(AnnotAction::StorageProblem(Some(persist::message(&error))));
                    }
                }
            }
        });
    }

    // For the workspace's lifetime: save at once when the page is hidden or closed, or the
    // workspace goes; and when
    // another tab changes storage, merge its annotations of the open article (the `storage`
    // event fires only in the other tabs of the origin) and pick up its labels.
    let open_key = use_mut_ref(String::new);
    open_key.borrow_mut().clone_from(&state.bench.key);
    {
        let dispatch = state.dispatcher();
        let repo = repo.clone();
        use_effect_with((), move |_| {
            // Leaving the reader (the library view, another route) drops the pending save's
            // timer with the workspace: the last edit is saved then, not lost.
            let on_leave = save_now.clone();
            let listeners = dom::window().map(|window| {
                let on_hide = save_now.clone();
                let hide = EventListener::new(&window, "pagehide", move |_| on_hide());
                let hidden = dom::document().map(|document| {
                    EventListener::new(&document, "visibilitychange", move |_| {
                        if dom::document().is_some_and(|d| d.hidden()) {
                            save_now();
                        }
                    })
                });
                let other_tab = EventListener::new(&window, "storage", move |event| {
                    if let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() {
                        on_other_tab(event, &open_key.borrow(), &repo, &dispatch);
                    }
                });
                (hide, hidden, other_tab)
            });
            move || {
                drop(listeners);
                on_leave();
            }
        });
    }
}

/// Another tab wrote `event`'s key: merge the open article's annotations (its key is
/// `open_key`), or take the labels.
fn on_other_tab(
    event: &web_sys::StorageEvent,
    open_key: &str,
    repo: &RepoSlot,
    dispatch: &UseReducerDispatcher<AnnotState>,
) {
    match parse_key(&event.key().unwrap_or_default()) {
        StorageKey::Article(article) if article == open_key => {
            if let Some(raw) = event.new_value() {
                if let Ok(doc) = decode_article(&article, &raw) {
                    dispatch.dispatch(AnnotAction::Merge(doc));
                }
            }
        }
        StorageKey::Labels => {
            let labels = repo
                .borrow_mut()
                .as_mut()
                .and_then(|r| r.load_labels().ok());
            if let Some(labels) = labels {
                dispatch.dispatch(AnnotAction::Labels {
                    labels,
                    removed: None,
                    now: dom::now_ms(),
                });
            }
        }
        _ => {}
    }
}
