//! Importing annotations, as one hook: a file handed over (picker, drop, paste) or a share
//! link in the page's URL is read and reviewed against what is stored; nothing changes until
//! the reader chooses in the review, and then the choice is applied.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::article::Article;
use crate::core::interchange::{ConflictChoice, Review};
use crate::ui::notice::Notice;
use crate::web::{dom, transfer};

use super::exchange::{self, ExchangeError};
use super::state::{AnnotAction, AnnotState};
use super::use_persistence::RepoSlot;

/// An annotation file handed over for import (from the file picker, drop or paste).
#[derive(Clone, Debug, PartialEq)]
pub struct Incoming {
    pub seq: u64,
    pub file: IncomingFile,
}

/// A file read whole, or one too large for that, read in pieces while it is imported.
#[derive(Clone, Debug, PartialEq)]
pub enum IncomingFile {
    Bytes(Rc<Vec<u8>>),
    Large(web_sys::File),
}

/// The import under review, if any, and the reader's two answers to it.
pub struct ImportFlow {
    /// Tell of an article loaded from the store: a share link's annotations are offered.
    pub from_link: Callback<Rc<Article>>,
    pub review: Option<Rc<Review>>,
    pub apply: Callback<ConflictChoice>,
    pub cancel: Callback<()>,
}

/// Review `incoming` (and a share link's annotations when an article is opened from one)
/// against the store; report failures through `notify`.
#[hook]
pub fn use_import(
    state: &UseReducerHandle<AnnotState>,
    repo: &RepoSlot,
    incoming: Option<Incoming>,
    notify: &Callback<Notice>,
) -> ImportFlow {
    let review = use_state(|| None::<Rc<Review>>);
    let offer = {
        let (review, notify) = (review.clone(), notify.clone());
        move |outcome: Result<Review, ExchangeError>| match outcome {
            Ok(found) => review.set(Some(Rc::new(found))),
            Err(error) => notify.emit(Notice::error(&error)),
        }
    };

    // Opened from a share link: offer its annotations for import, once the store has loaded
    // the article (so the review compares with what is stored).
    let from_link = {
        let (repo, offer) = (repo.clone(), offer.clone());
        Callback::from(move |article: Rc<Article>| {
            let Some(fragment) = transfer::fragment() else {
                return;
            };
            let (repo, offer) = (repo.clone(), offer.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let Some(decoded) = exchange::from_fragment(&fragment).await else {
                    return;
                };
                transfer::clear_fragment();
                offer(decoded.and_then(|bytes| {
                    let mut slot = repo.borrow_mut();
                    let repo = slot.as_mut().ok_or(ExchangeError::NotReady)?;
                    let doc = repo.load_article(&article.storage_key())?;
                    let labels = repo.load_labels()?;
                    exchange::review(&bytes, &labels, &article, &doc, repo)
                }));
            });
        })
    };

    // An annotation file was opened: review it against what is stored.
    {
        let (repo, state) = (repo.clone(), state.clone());
        let notify = notify.clone();
        use_effect_with(incoming, move |incoming| {
            match incoming.as_ref().map(|i| &i.file) {
                Some(IncomingFile::Bytes(bytes)) => {
                    let mut slot = repo.borrow_mut();
                    offer(match slot.as_mut() {
                        Some(repo) => exchange::review(
                            bytes,
                            &state.labels,
                            &state.article,
                            &state.bench.doc,
                            repo,
                        ),
                        None => Err(ExchangeError::NotReady),
                    });
                }
                Some(IncomingFile::Large(file)) => {
                    let file = file.clone();
                    wasm_bindgen_futures::spawn_local(async move {
                        let set = exchange::read_large(&file, &state.labels, &notify).await;
                        let mut slot = repo.borrow_mut();
                        offer(set.and_then(|set| match slot.as_mut() {
                            Some(repo) => {
                                exchange::review_set(set, &state.article, &state.bench.doc, repo)
                            }
                            None => Err(ExchangeError::NotReady),
                        }));
                    });
                }
                None => {}
            }
        });
    }

    let apply = {
        let (state, repo, review, notify) =
            (state.clone(), repo.clone(), review.clone(), notify.clone());
        Callback::from(move |choice| {
            let Some(found) = (*review).clone() else {
                return;
            };
            let outcome = match repo.borrow_mut().as_mut() {
                Some(repo) => exchange::apply_review(&found, choice, &state, repo),
                None => Err(ExchangeError::NotReady),
            };
            match outcome {
                Ok(applied) => {
                    match applied.open_doc {
                        Some(doc) => state.dispatch(AnnotAction::Import {
                            doc,
                            new_labels: applied.new_labels,
                        }),
                        None if !applied.new_labels.is_empty() => {
                            let mut labels = state.labels.clone();
                            labels.extend(applied.new_labels);
                            state.dispatch(AnnotAction::Labels {
                                labels,
                                removed: None,
                                now: dom::now_ms(),
                            });
                        }
                        None => {}
                    }
                    notify.emit(Notice::Info(exchange::import_summary(
                        applied.here,
                        applied.elsewhere,
                    )));
                }
                Err(error) => notify.emit(Notice::error(&error)),
            }
            review.set(None);
        })
    };
    let cancel = {
        let review = review.clone();
        Callback::from(move |_| review.set(None))
    };
    ImportFlow {
        from_link,
        review: (*review).clone(),
        apply,
        cancel,
    }
}
