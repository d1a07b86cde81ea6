//! The annotating reader: the article with its highlights, the selection toolbar, the panel,
//! keyboard shortcuts, saving to storage and merging changes made in other tabs.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::core::annotation::ArticleState;
use crate::core::article::Article;
use crate::core::interchange::{ConflictChoice, Review};
use crate::core::store::envelope::decode_article;
use crate::core::store::keys::{parse_key, StorageKey};
use crate::web::{dom, ids, label_styles, selection, timing, transfer};

use super::exchange;
use super::import_review::ImportReview;
use super::keys;
use super::labels_dialog::LabelsDialog;
use super::panel::Panel;
use super::persist::{self, Repo};
use super::render::block_pieces;
use super::state::{AnnotAction, AnnotState};
use super::toolbar::SelectionToolbar;
use crate::ui::article_view::{ArticleRef, ArticleView};
use crate::ui::chunks::Chunks;

/// Pause after the last change before annotations are written to storage.
const SAVE_DELAY_MS: u32 = 250;

/// An annotation file handed over for import (from the file picker, drop or paste).
#[derive(Clone, Debug, PartialEq)]
pub struct Incoming {
    pub seq: u64,
    pub bytes: Rc<Vec<u8>>,
}

#[derive(Properties)]
pub struct WorkspaceProps {
    pub article: Rc<Article>,
    #[prop_or_default]
    pub incoming: Option<Incoming>,
}

/// By identity: a re-opened file is a new article even when its text is the same.
impl PartialEq for WorkspaceProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.article, &other.article) && self.incoming == other.incoming
    }
}

#[function_component(Workspace)]
pub fn workspace(props: &WorkspaceProps) -> Html {
    let state = use_reducer(|| AnnotState::new(props.article.clone()));
    let repo: Rc<RefCell<Option<Repo>>> = use_mut_ref(|| None);
    let reader = use_node_ref();
    let labels_open = use_state(|| false);
    let flash = use_state(|| None::<String>);
    let flash_timer: Rc<RefCell<Option<Timeout>>> = use_mut_ref(|| None);
    let review = use_state(|| None::<Rc<Review>>);
    let message = use_state(|| None::<(bool, String)>);

    // Open the store once, and load this article's annotations whenever the article changes.
    {
        let repo = repo.clone();
        let dispatch = state.dispatcher();
        let review = review.clone();
        let message = message.clone();
        use_effect_with(
            ArticleRef(props.article.clone()),
            move |ArticleRef(article)| {
                let mut slot = repo.borrow_mut();
                let mut problem = None;
                if slot.is_none() {
                    let (opened, warning) = persist::open_repo();
                    *slot = Some(opened);
                    problem = warning;
                }
                if let Some(repo_ref) = slot.as_mut() {
                    let (doc, labels, error) = persist::load(repo_ref, &article.storage_key());
                    dispatch.dispatch(AnnotAction::Load {
                        article: article.clone(),
                        doc: doc.clone(),
                        labels: labels.clone(),
                        error,
                        notice: problem,
                    });
                    // Opened from a share link: offer its annotations for import.
                    if let Some(fragment) = transfer::fragment() {
                        let repo = repo.clone();
                        let article = article.clone();
                        wasm_bindgen_futures::spawn_local(async move {
                            let Some(decoded) = exchange::from_fragment(&fragment).await else {
                                return;
                            };
                            transfer::clear_fragment();
                            let outcome = decoded.and_then(|bytes| {
                                let mut slot = repo.borrow_mut();
                                let repo = slot.as_mut().ok_or("storage is not ready")?;
                                exchange::review(&bytes, &labels, &article, &doc, repo)
                            });
                            match outcome {
                                Ok(found) => review.set(Some(Rc::new(found))),
                                Err(error) => message.set(Some((true, error))),
                            }
                        });
                    }
                }
            },
        );
    }

    // An annotation file was opened: review it against what is stored.
    {
        let repo = repo.clone();
        let state = state.clone();
        let review = review.clone();
        let message = message.clone();
        use_effect_with(props.incoming.clone(), move |incoming| {
            if let Some(incoming) = incoming {
                let mut slot = repo.borrow_mut();
                let outcome = match slot.as_mut() {
                    Some(repo) => exchange::review(
                        &incoming.bytes,
                        &state.labels,
                        &state.article,
                        &state.bench.doc,
                        repo,
                    ),
                    None => Err("Storage is not ready yet; try again.".into()),
                };
                match outcome {
                    Ok(found) => review.set(Some(Rc::new(found))),
                    Err(error) => message.set(Some((true, error))),
                }
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
            let Some(repo) = repo
                .borrow_mut()
                .as_mut()
                .map(|r| r.save_article_merged(&key, &doc))
            else {
                return;
            };
            match repo {
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
    // The highlight just made: S goes on after it, as from a caret at its end. (Kept as an
    // id, not as a caret in the page: setting a selection right after the paragraph is drawn
    // again forces the browser to lay out the whole page, 15-20 ms on a 1 MB article.)
    let caret_after = use_mut_ref(|| None::<String>);

    // One effect per dependency: each `use_effect_with` closure type instantiates Yew's effect
    // machinery again in the wasm, so work that shares a dependency shares an effect.
    {
        let latest = latest.clone();
        let pending_save = pending_save.clone();
        let save_now = save_now.clone();
        let state = state.clone();
        use_effect_with(state.generation, move |generation| {
            if *generation > 0 {
                *latest.borrow_mut() = Some((state.bench.key.clone(), state.bench.doc.clone()));
                let save_now = save_now.clone();
                *pending_save.borrow_mut() = Some(Timeout::new(SAVE_DELAY_MS, move || save_now()));
            }
            // Measure annotate -> painted for the speed budget (a mark exists only after a
            // create).
            let frame = gloo::render::request_animation_frame(|_| {
                timing::measure("pizhu:annotate", "pizhu:annotate-start");
            });
            move || drop(frame)
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

    // Another tab changed storage: merge its annotations (the `storage` event fires only in
    // the other tabs of the origin) and pick up its labels.
    {
        let dispatch = state.dispatcher();
        let key = state.bench.key.clone();
        let repo = repo.clone();
        use_effect_with(key, move |key| {
            let key = key.clone();
            let listener = dom::window().map(|window| {
                EventListener::new(&window, "storage", move |event| {
                    let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else {
                        return;
                    };
                    match parse_key(&event.key().unwrap_or_default()) {
                        StorageKey::Article(article) if article == key => {
                            if let Some(raw) = event.new_value() {
                                if let Ok(doc) = decode_article(&article, &raw) {
                                    dispatch.dispatch(AnnotAction::Merge(doc));
                                }
                            }
                        }
                        StorageKey::Labels => {
                            if let Some(labels) = repo
                                .borrow_mut()
                                .as_mut()
                                .and_then(|r| r.load_labels().ok())
                            {
                                dispatch.dispatch(AnnotAction::Labels {
                                    labels,
                                    removed: None,
                                    now: dom::now_ms(),
                                });
                            }
                        }
                        _ => {}
                    }
                })
            });
            move || drop(listener)
        });
    }

    // Listeners for the workspace's lifetime: save at once when the page is hidden or closed,
    // and track the selection inside the article.
    {
        let save_now = save_now.clone();
        let dispatch = state.dispatcher();
        let reader = reader.clone();
        use_effect_with((), move |_| {
            let save_listeners = dom::window().map(|window| {
                let on_hide = save_now.clone();
                let hide = EventListener::new(&window, "pagehide", move |_| on_hide());
                let on_hidden = save_now.clone();
                let hidden = dom::document().map(|document| {
                    EventListener::new(&document, "visibilitychange", move |_| {
                        let is_hidden = dom::document().is_some_and(|d| d.hidden());
                        if is_hidden {
                            on_hidden();
                        }
                    })
                });
                (hide, hidden)
            });
            let selection_listener = dom::document().map(|document| {
                EventListener::new(&document, "selectionchange", move |_| {
                    let Some(root) = reader.cast::<web_sys::Element>() else {
                        return;
                    };
                    let range = selection::selected_range(&root);
                    dispatch.dispatch(AnnotAction::SetPending(range));
                })
            });
            move || drop((save_listeners, selection_listener))
        });
    }

    // Which of a long article's blocks are in the page yet (see `ui::chunks`).
    let chunks = use_memo(ArticleRef(state.article.clone()), |article| {
        Rc::new(Chunks::new(article.0.blocks.len()))
    });

    // Counts requests to scroll to a highlight; see `open`.
    let scroll_request = use_mut_ref(|| 0u64);
    let open = {
        let dispatch = state.dispatcher();
        let flash = flash.clone();
        let flash_timer = flash_timer.clone();
        let (state, chunks) = (state.clone(), (*chunks).clone());
        let scroll_request = scroll_request.clone();
        Callback::from(move |id: String| {
            dispatch.dispatch(AnnotAction::Select(Some(id.clone())));
            // The highlight's block may still be on its way into the page: scroll once it is.
            let start = state.bench.anchored(&id).span().map(|(start, _)| start);
            let block = start.and_then(|start| state.article.block_at(start));
            let block = block.unwrap_or(0);
            // Only the newest request scrolls: an older one whose block arrives later must
            // not take the reader back to it.
            let request = scroll_request.borrow().wrapping_add(1);
            *scroll_request.borrow_mut() = request;
            let current = {
                let scroll_request = scroll_request.clone();
                move || *scroll_request.borrow() == request
            };
            // Weak: the callback waits inside the progress it reads.
            let (target, progress) = (id.clone(), Rc::downgrade(&chunks));
            let is_current = current.clone();
            chunks.when_rendered(block, move || {
                if !is_current() {
                    return;
                }
                // While blocks are still being inserted above it, a smooth scroll would end
                // where the highlight was when it began; an instant one lets the browser's
                // scroll anchoring keep the highlight in view as they arrive.
                let settled = progress.upgrade().is_some_and(|c| c.is_settled(block));
                scroll_to_highlight(&target, settled)
            });
            // Scroll anchoring is not guaranteed (the browser may suppress it), so once
            // nothing more can arrive above the highlight, bring it back into view if the
            // insertions pushed it out.
            let target = id.clone();
            chunks.when_settled(block, move || {
                if current() && !highlight_in_view(&target) {
                    scroll_to_highlight(&target, false);
                }
            });
            flash.set(Some(id));
            let flash = flash.clone();
            *flash_timer.borrow_mut() = Some(Timeout::new(1_200, move || flash.set(None)));
        })
    };

    let create = {
        let dispatch = state.dispatcher();
        let (caret_after, reader) = (caret_after.clone(), reader.clone());
        Callback::from(move |label: String| {
            timing::mark("pizhu:annotate-start");
            // Label the page's selection as it is now: the app's copy follows on the next
            // selectionchange, which a key pressed right after moving the selection can beat.
            // (No selection in the page, as after a tap on the toolbar: the copy stands.)
            let live = reader
                .cast::<web_sys::Element>()
                .and_then(|root| selection::selected_range(&root));
            if live.is_some() {
                dispatch.dispatch(AnnotAction::SetPending(live));
            }
            let id = ids::new_uuid();
            *caret_after.borrow_mut() = Some(id.clone());
            dispatch.dispatch(AnnotAction::Create {
                id,
                label,
                now: dom::now_ms(),
            });
            selection::clear();
        })
    };

    // The panel follows the state one paint later: a new highlight is drawn in the frame it
    // was made, and the list of hundreds of annotations catches up right after.
    let panel_version = use_state(|| state.version);

    // On every change of state (one effect, see above): the keyboard (1-9 label the
    // selection, S and the keys in `keys` select by keyboard, J/K move between annotations,
    // Ctrl+Z undo, Esc close), and the panel's catching up.
    {
        let state = state.clone();
        let (reader, caret_after) = (reader.clone(), caret_after.clone());
        let create = create.clone();
        let open = open.clone();
        let dispatch = state.dispatcher();
        let panel_version = panel_version.clone();
        use_effect_with(state.version, move |&version| {
            let pending: Rc<RefCell<Option<Timeout>>> = Rc::default();
            let slot = pending.clone();
            let frame = gloo::render::request_animation_frame(move |_| {
                *slot.borrow_mut() = Some(Timeout::new(0, move || panel_version.set(version)));
            });
            let listener = dom::document().map(|document| {
                EventListener::new_with_options(
                    &document,
                    "keydown",
                    EventListenerOptions::enable_prevent_default(),
                    move |event| {
                        let Some(event) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
                            return;
                        };
                        if in_form_field(event.target()) || event.alt_key() {
                            return;
                        }
                        let key = event.key();
                        let command = event.ctrl_key() || event.meta_key();
                        if command && key.eq_ignore_ascii_case("z") && !event.shift_key() {
                            event.prevent_default();
                            dispatch.dispatch(AnnotAction::Undo { now: dom::now_ms() });
                            return;
                        }
                        if command {
                            return;
                        }
                        if let Some(step) = keys::selection_move(event) {
                            if let Some(root) = reader.cast::<web_sys::Element>() {
                                let after_new = caret_after
                                    .borrow()
                                    .as_deref()
                                    .and_then(|id| state.bench.anchored(id).span())
                                    .map(|(_, end)| end);
                                let top = toolbar_bottom();
                                if keys::apply(&root, &state.article.text, step, after_new, top) {
                                    event.prevent_default();
                                    *caret_after.borrow_mut() = None;
                                }
                            }
                            return;
                        }
                        if let Some(digit) = key.chars().next().and_then(|c| c.to_digit(10)) {
                            if key.len() == 1 && digit >= 1 && state.pending.is_some() {
                                if let Some(label) = state.labels.get(digit as usize - 1) {
                                    event.prevent_default();
                                    create.emit(label.id.clone());
                                }
                            }
                            return;
                        }
                        match key.as_str() {
                            "j" | "k" => {
                                let spans = state.bench.spans();
                                let ids: Vec<&str> =
                                    spans.iter().map(|s| s.annotation.id.as_str()).collect();
                                let current = state
                                    .selected
                                    .as_deref()
                                    .and_then(|id| ids.iter().position(|v| *v == id));
                                let next = match (current, key.as_str()) {
                                    (Some(i), "j") => (i + 1).min(ids.len().saturating_sub(1)),
                                    (Some(i), _) => i.saturating_sub(1),
                                    (None, _) => 0,
                                };
                                if let Some(id) = ids.get(next) {
                                    open.emit(id.to_string());
                                }
                            }
                            "Escape" => {
                                selection::clear();
                                dispatch.dispatch(AnnotAction::Select(None));
                            }
                            _ => {}
                        }
                    },
                )
            });
            move || drop((listener, frame, pending))
        });
    }

    // A click on a highlight opens the innermost (shortest) annotation under the pointer.
    let onclick = {
        let open = open.clone();
        Callback::from(move |event: MouseEvent| {
            let has_selection = web_sys::window()
                .and_then(|w| w.get_selection().ok().flatten())
                .is_some_and(|s| !s.is_collapsed());
            if has_selection {
                return;
            }
            let mark = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|e| e.closest("mark[data-annotation-id]").ok().flatten());
            if let Some(id) = mark.and_then(|m| m.get_attribute("data-annotation-id")) {
                open.emit(id);
            }
        })
    };

    let pieces = {
        // Keyed by the revision counter, not the annotations themselves: cloning and comparing
        // hundreds of annotations on every render would cost most of a frame.
        let state = state.clone();
        use_memo(
            (
                state.revision,
                state.selected.clone(),
                (*flash).clone(),
                ArticleRef(state.article.clone()),
            ),
            move |(_, selected, flash, article)| {
                block_pieces(
                    &article.0,
                    &state.bench,
                    selected.as_deref(),
                    flash.as_deref(),
                )
            },
        )
    };

    let act = {
        let dispatch = state.dispatcher();
        Callback::from(move |action: AnnotAction| dispatch.dispatch(action))
    };
    let reattach = state
        .selected
        .clone()
        .filter(|id| state.bench.orphans().iter().any(|o| o.id == *id))
        .map(|id| {
            let dispatch = state.dispatcher();
            Callback::from(move |_| {
                dispatch.dispatch(AnnotAction::Reattach {
                    id: id.clone(),
                    now: dom::now_ms(),
                });
                selection::clear();
            })
        });

    html! {
        <div class="workspace">
            <div class="reader-column" ref={reader} {onclick}>
                <ArticleView article={state.article.clone()} pieces={(*pieces).clone()}
                    chunks={(*chunks).clone()} />
            </div>
            if let Some(problem) = &state.storage_error {
                <div class="alert error storage-alert" role="alert">{ problem.clone() }</div>
            }
            if let Some(notice) = &state.storage_notice {
                <div class="alert notice storage-alert" role="status">{ notice.clone() }</div>
            }
            if let Some(pending) = &state.pending {
                <SelectionToolbar pending={pending.clone()} labels={state.labels.clone()}
                    on_label={create} {reattach} />
            }
            <Panel state={state.clone()} version={*panel_version} act={act.clone()} open={open}
                on_labels={let labels_open = labels_open.clone(); Callback::from(move |_| labels_open.set(true))}
                extra={share_controls(&state, &repo, &message)} />
            if let Some((is_error, text)) = &*message {
                <div class={classes!("alert", "exchange-message", if *is_error { "error" } else { "notice" })}
                    role={if *is_error { "alert" } else { "status" }}>
                    <span class="alert-text">{ text.clone() }</span>
                    <button type="button" class="alert-close" aria-label="Dismiss / 关闭"
                        onclick={let message = message.clone(); Callback::from(move |_: MouseEvent| message.set(None))}>{ "×" }</button>
                </div>
            }
            if let Some(found) = &*review {
                <ImportReview review={found.clone()}
                    on_apply={apply_import(&state, &repo, &review, &message)}
                    on_cancel={let review = review.clone(); Callback::from(move |_| review.set(None))} />
            }
            if *labels_open {
                <LabelsDialog state={state.clone()} act={act}
                    close={let labels_open = labels_open.clone(); Callback::from(move |_| labels_open.set(false))} />
            }
        </div>
    }
}

type Message = UseStateHandle<Option<(bool, String)>>;

/// Apply a reviewed import with the reader's choice.
fn apply_import(
    state: &UseReducerHandle<AnnotState>,
    repo: &Rc<RefCell<Option<Repo>>>,
    review: &UseStateHandle<Option<Rc<Review>>>,
    message: &Message,
) -> Callback<ConflictChoice> {
    let (state, repo, review, message) =
        (state.clone(), repo.clone(), review.clone(), message.clone());
    Callback::from(move |choice| {
        let Some(found) = (*review).clone() else {
            return;
        };
        let outcome = match repo.borrow_mut().as_mut() {
            Some(repo) => exchange::apply_review(&found, choice, &state, repo),
            None => Err("Storage is not ready yet; try again.".into()),
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
                message.set(Some((
                    false,
                    exchange::import_summary(applied.here, applied.elsewhere),
                )));
            }
            Err(error) => message.set(Some((true, error))),
        }
        review.set(None);
    })
}

/// Export, copy, share-link, Web Share and annotated-HTML buttons for the panel head.
fn share_controls(
    state: &UseReducerHandle<AnnotState>,
    repo: &Rc<RefCell<Option<Repo>>>,
    message: &Message,
) -> Html {
    let report = |message: &Message, outcome: Result<String, String>| {
        message.set(Some(match outcome {
            Ok(done) => (false, done),
            Err(error) => (true, error),
        }))
    };
    let export = {
        let (state, message) = (state.clone(), message.clone());
        Callback::from(move |_: MouseEvent| {
            let name = exchange::export_name(&state.article, "annotations.json");
            let outcome =
                transfer::download(&name, "application/ld+json", &exchange::export_json(&state))
                    .map(|_| format!("Saved {name}. 已导出。"));
            report(&message, outcome);
        })
    };
    let export_all = {
        let (state, repo, message) = (state.clone(), repo.clone(), message.clone());
        Callback::from(move |_: MouseEvent| {
            let json = match repo.borrow_mut().as_mut() {
                Some(repo) => exchange::export_everything(&state, repo),
                None => Err("Storage is not ready yet; try again.".into()),
            };
            let outcome = json.and_then(|json| {
                transfer::download("pizhu-all.annotations.json", "application/ld+json", &json)
                    .map(|_| "Saved pizhu-all.annotations.json. 已导出全部。".to_string())
            });
            report(&message, outcome);
        })
    };
    let copy = {
        let (state, message) = (state.clone(), message.clone());
        Callback::from(move |_: MouseEvent| {
            let json = exchange::export_json(&state);
            let message = message.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let outcome = transfer::copy_text(&json)
                    .await
                    .map(|_| {
                        "The annotations (W3C JSON) are on the clipboard. 已复制。".to_string()
                    })
                    .map_err(|e| format!("The browser did not allow copying ({e})."));
                report(&message, outcome);
            });
        })
    };
    let link = {
        let (state, message) = (state.clone(), message.clone());
        Callback::from(move |_: MouseEvent| {
            let json = Rc::new(exchange::export_json(&state));
            let title = state.article.meta.title.clone();
            let message = message.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let outcome = match exchange::share_link(json).await {
                    Ok(url) => {
                        if transfer::can_share() {
                            transfer::share(&title, "pizhu annotations / 批注", &url)
                                .await
                                .map(|_| "Shared. 已分享。".to_string())
                        } else {
                            transfer::copy_text(&url).await.map(|_| {
                                format!(
                                    "Share link copied ({} characters). The annotations travel in the part after #,                                      which is never sent to any server. 分享链接已复制。",
                                    url.chars().count()
                                )
                            })
                        }
                    }
                    Err(error) => Err(error),
                };
                report(&message, outcome);
            });
        })
    };
    let html_export = {
        let (state, message) = (state.clone(), message.clone());
        Callback::from(move |_: MouseEvent| {
            let name = exchange::export_name(&state.article, "annotated.html");
            let outcome = transfer::download(&name, "text/html", &exchange::export_html(&state))
                .map(|_| format!("Saved {name}: readable anywhere, no scripts. 已导出 HTML。"));
            report(&message, outcome);
        })
    };
    html! {
        <div class="share-controls" role="group" aria-label="Export and share / 导出与分享">
            <button type="button" class="button primary" onclick={export}>{ "Export / 导出" }</button>
            <button type="button" class="button" onclick={export_all}>{ "Export all / 全部导出" }</button>
            <button type="button" class="button" onclick={copy}>{ "Copy JSON / 复制" }</button>
            <button type="button" class="button" onclick={link}>{ "Share link / 分享链接" }</button>
            <button type="button" class="button" onclick={html_export}>{ "HTML" }</button>
        </div>
    }
}

fn highlight_mark(id: &str) -> Option<web_sys::Element> {
    let selector = format!(
        "mark[data-annotation-id=\"{}\"]",
        id.replace(['"', '\\'], "")
    );
    dom::document()?.query_selector(&selector).ok().flatten()
}

/// Whether the highlight's first piece is inside the window.
fn highlight_in_view(id: &str) -> bool {
    let Some(mark) = highlight_mark(id) else {
        return false;
    };
    let height = web_sys::window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    let rect = mark.get_bounding_client_rect();
    rect.top() >= 0.0 && rect.bottom() <= height
}

fn scroll_to_highlight(id: &str, smooth: bool) {
    let Some(mark) = highlight_mark(id) else {
        return;
    };
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_behavior(if smooth {
        web_sys::ScrollBehavior::Smooth
    } else {
        web_sys::ScrollBehavior::Instant
    });
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    mark.scroll_into_view_with_scroll_into_view_options(&options);
}

/// Whether a key went to a text field or a dialog (the labels editor, the import review):
/// those keys are theirs, not the reader's.
fn in_form_field(target: Option<web_sys::EventTarget>) -> bool {
    let Some(element) = target.and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
        return false;
    };
    matches!(
        element.tag_name().to_ascii_lowercase().as_str(),
        "input" | "textarea" | "select"
    ) || element.has_attribute("contenteditable")
        || element.closest("[role=dialog]").ok().flatten().is_some()
}

/// The bottom of the app's toolbar in the window: text above it is hidden behind it.
fn toolbar_bottom() -> f64 {
    dom::document()
        .and_then(|d| d.query_selector("header.toolbar").ok().flatten())
        .map_or(0.0, |toolbar| toolbar.get_bounding_client_rect().bottom())
}
