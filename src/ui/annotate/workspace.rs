//! The annotating reader: the article with its highlights, the selection toolbar, the panel
//! and the dialogs, put together. What it does lives in hooks of their own: storage
//! (`use_persistence`), import (`use_import`), going to a highlight (`scroll`) and the
//! keyboard (`shortcuts`).

use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::core::article::Article;
use crate::ui::article_view::{ArticleRef, ArticleView};
use crate::ui::chunks::Chunks;
use crate::ui::notice::{notice_box, Notice};
use crate::web::{dom, ids, selection, timing};

use super::import_review::ImportReview;
use super::labels_dialog::LabelsDialog;
use super::panel::Panel;
use super::render::block_pieces;
use super::scroll::use_open_annotation;
use super::share_controls::{share_controls, ShareProps};
use super::shortcuts::{use_shortcuts, ShortcutTargets};
use super::state::{AnnotAction, AnnotState};
use super::toolbar::SelectionToolbar;
use super::use_import::{use_import, Incoming};
use super::use_persistence::{use_persistence, RepoSlot};

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
    let reader = use_node_ref();
    let labels_open = use_state(|| false);
    let notice = use_state(|| None::<Notice>);
    let notify = {
        let notice = notice.clone();
        Callback::from(move |told: Notice| notice.set(Some(told)))
    };

    // The store, opened with the first article by `use_persistence`.
    let repo: RepoSlot = use_mut_ref(|| None);
    let import = use_import(&state, &repo, props.incoming.clone(), &notify);
    use_persistence(&state, &repo, &props.article, import.from_link.clone());

    // Which of a long article's blocks are in the page yet (see `ui::chunks`).
    let chunks = use_memo(ArticleRef(state.article.clone()), |article| {
        Rc::new(Chunks::new(article.0.blocks.len()))
    });
    let (open, flash) = use_open_annotation(&state, &chunks);

    // The highlight just made: S goes on after it, as from a caret at its end. (Kept as an
    // id, not as a caret in the page: setting a selection right after the paragraph is drawn
    // again forces the browser to lay out the whole page, 15-20 ms on a 1 MB article.)
    let caret_after = use_mut_ref(|| None::<String>);
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
    use_shortcuts(ShortcutTargets {
        state: state.clone(),
        reader: reader.clone(),
        create: create.clone(),
        open: open.clone(),
        caret_after,
    });

    // The panel follows the state one paint later: a new highlight is drawn in the frame it
    // was made, and the list of hundreds of annotations catches up right after. That frame
    // also ends the annotate -> painted measure of the speed budget (after a create).
    let panel_revision = use_state(|| state.state_revision);
    {
        let panel_revision = panel_revision.clone();
        use_effect_with(state.state_revision, move |&revision| {
            let pending = Rc::new(std::cell::Cell::new(None::<Timeout>));
            let slot = pending.clone();
            let frame = gloo::render::request_animation_frame(move |_| {
                timing::measure_once("pizhu:annotate", "pizhu:annotate-start");
                slot.set(Some(Timeout::new(0, move || panel_revision.set(revision))));
            });
            move || drop((frame, pending.take()))
        });
    }

    // A click on a highlight opens the innermost (shortest) annotation under the pointer.
    let onclick = {
        let open = open.clone();
        Callback::from(move |event: MouseEvent| {
            if selection::has_selection() {
                return;
            }
            if let Some(id) = selection::annotation_at(event.target()) {
                open.emit(id);
            }
        })
    };

    let pieces = {
        // Keyed by the revision counter, not the annotations themselves: cloning and
        // comparing hundreds of annotations on every render would cost most of a frame.
        let state = state.clone();
        use_memo(
            (
                state.annotations_revision,
                state.selected.clone(),
                flash,
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
    let set_labels_open = |open: bool| {
        let labels_open = labels_open.clone();
        Callback::from(move |_| labels_open.set(open))
    };
    let dismiss = {
        let notice = notice.clone();
        Callback::from(move |_| notice.set(None))
    };

    html! {
        <div class="workspace">
            <div class="reader-column" ref={reader} {onclick}>
                <ArticleView article={state.article.clone()} pieces={(*pieces).clone()}
                    chunks={(*chunks).clone()} />
            </div>
            if let Some(problem) = &state.storage_error {
                { notice_box(&Notice::Error(problem.clone()), "storage-alert", None) }
            }
            if let Some(lasting) = &state.storage_notice {
                { notice_box(&Notice::Info(lasting.clone()), "storage-alert", None) }
            }
            if let Some(pending) = &state.pending {
                <SelectionToolbar pending={pending.clone()} labels={state.labels.clone()}
                    on_label={create} {reattach} />
            }
            <Panel state={state.clone()} state_revision={*panel_revision} act={act.clone()} {open}
                on_labels={set_labels_open(true)}
                extra={share_controls(&ShareProps { state: state.clone(), repo: repo.clone(), notify })} />
            if let Some(told) = &*notice {
                { notice_box(told, "exchange-message", Some(&dismiss)) }
            }
            if let Some(found) = &import.review {
                <ImportReview review={found.clone()} on_apply={import.apply.clone()}
                    on_cancel={import.cancel.clone()} />
            }
            if *labels_open {
                <LabelsDialog state={state.clone()} {act} close={set_labels_open(false)} />
            }
        </div>
    }
}
