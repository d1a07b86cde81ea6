//! The annotating reader: the article with its highlights, the selection toolbar, the panel,
//! keyboard shortcuts, saving to storage and merging changes made in other tabs.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::core::article::Article;
use crate::core::store::schema::{decode_article, parse_key, StorageKey};
use crate::core::store::ArticleState;
use crate::web::{dom, ids, label_styles, selection, timing};

use super::labels_dialog::LabelsDialog;
use super::panel::Panel;
use super::persist::{self, Repo};
use super::render::block_pieces;
use super::state::{AnnotAction, AnnotState};
use super::toolbar::SelectionToolbar;
use crate::ui::article_view::ArticleView;

/// Pause after the last change before annotations are written to storage.
const SAVE_DELAY_MS: u32 = 250;

#[derive(Properties, PartialEq)]
pub struct WorkspaceProps {
    pub article: Rc<Article>,
    /// Extra controls for the panel head (export and share).
    #[prop_or_default]
    pub panel_extra: Html,
}

#[function_component(Workspace)]
pub fn workspace(props: &WorkspaceProps) -> Html {
    let state = use_reducer(|| AnnotState::new(props.article.clone()));
    let repo: Rc<RefCell<Option<Repo>>> = use_mut_ref(|| None);
    let reader = use_node_ref();
    let labels_open = use_state(|| false);
    let flash = use_state(|| None::<String>);
    let flash_timer: Rc<RefCell<Option<Timeout>>> = use_mut_ref(|| None);

    // Open the store once, and load this article's annotations whenever the article changes.
    {
        let repo = repo.clone();
        let dispatch = state.dispatcher();
        use_effect_with(props.article.clone(), move |article| {
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
        });
    }
    {
        let save_now = save_now.clone();
        use_effect_with((), move |_| {
            let listeners = dom::window().map(|window| {
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
            move || drop(listeners)
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

    // Track the selection inside the article.
    {
        let dispatch = state.dispatcher();
        let reader = reader.clone();
        use_effect_with((), move |_| {
            let listener = dom::document().map(|document| {
                EventListener::new(&document, "selectionchange", move |_| {
                    let Some(root) = reader.cast::<web_sys::Element>() else {
                        return;
                    };
                    let range = selection::selected_range(&root);
                    dispatch.dispatch(AnnotAction::SetPending(range));
                })
            });
            move || drop(listener)
        });
    }

    let open = {
        let dispatch = state.dispatcher();
        let flash = flash.clone();
        let flash_timer = flash_timer.clone();
        Callback::from(move |id: String| {
            dispatch.dispatch(AnnotAction::Select(Some(id.clone())));
            scroll_to_highlight(&id);
            flash.set(Some(id));
            let flash = flash.clone();
            *flash_timer.borrow_mut() = Some(Timeout::new(1_200, move || flash.set(None)));
        })
    };

    let create = {
        let dispatch = state.dispatcher();
        Callback::from(move |label: String| {
            timing::mark("pizhu:annotate-start");
            dispatch.dispatch(AnnotAction::Create {
                id: ids::new_uuid(),
                label,
                now: dom::now_ms(),
            });
            selection::clear();
        })
    };

    // Keyboard: 1-9 label the selection, J/K move between annotations, Ctrl+Z undo, Esc close.
    {
        let state = state.clone();
        let create = create.clone();
        let open = open.clone();
        let dispatch = state.dispatcher();
        use_effect_with(state.clone(), move |state| {
            let state = state.clone();
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
                            "Escape" => dispatch.dispatch(AnnotAction::Select(None)),
                            _ => {}
                        }
                    },
                )
            });
            move || drop(listener)
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

    {
        // Measure annotate -> painted for the speed budget (a mark exists only after a create).
        use_effect_with(state.generation, |_| {
            let frame = gloo::render::request_animation_frame(|_| {
                timing::measure("pizhu:annotate", "pizhu:annotate-start");
            });
            move || drop(frame)
        });
    }

    let pieces = use_memo(
        (
            state.bench.clone(),
            state.selected.clone(),
            (*flash).clone(),
            ArticlePtr(state.article.clone()),
        ),
        |(bench, selected, flash, article)| {
            block_pieces(&article.0, bench, selected.as_deref(), flash.as_deref())
        },
    );

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
                <ArticleView article={state.article.clone()} pieces={(*pieces).clone()} />
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
            <Panel state={state.clone()} act={act.clone()} open={open}
                on_labels={let labels_open = labels_open.clone(); Callback::from(move |_| labels_open.set(true))}
                extra={props.panel_extra.clone()} />
            if *labels_open {
                <LabelsDialog state={state.clone()} act={act}
                    close={let labels_open = labels_open.clone(); Callback::from(move |_| labels_open.set(false))} />
            }
        </div>
    }
}

#[derive(Clone, Debug)]
struct ArticlePtr(Rc<Article>);

impl PartialEq for ArticlePtr {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

fn scroll_to_highlight(id: &str) {
    let selector = format!(
        "mark[data-annotation-id=\"{}\"]",
        id.replace(['"', '\\'], "")
    );
    let Some(Ok(Some(mark))) = dom::document().map(|d| d.query_selector(&selector)) else {
        return;
    };
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_behavior(web_sys::ScrollBehavior::Smooth);
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    mark.scroll_into_view_with_scroll_into_view_options(&options);
}

fn in_form_field(target: Option<web_sys::EventTarget>) -> bool {
    let Some(element) = target.and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
        return false;
    };
    matches!(
        element.tag_name().to_ascii_lowercase().as_str(),
        "input" | "textarea" | "select"
    ) || element.has_attribute("contenteditable")
}
