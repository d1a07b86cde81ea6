//! The reader's keyboard shortcuts, as one hook beside the key map (`keys`): 1-9 label the
//! selection, S and the keys in `keys` select by keyboard, J/K move between annotations,
//! Ctrl+Z undoes, Esc closes the open annotation and clears the selection. The same hook
//! follows the page's selection inside the article (`selectionchange`), which those keys
//! act on.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::web::{dom, selection};

use super::keys;
use super::scroll::toolbar_bottom;
use super::state::{AnnotAction, AnnotState};

/// What the shortcuts act with, as of the latest render.
#[derive(Clone)]
pub struct ShortcutTargets {
    pub state: UseReducerHandle<AnnotState>,
    /// The article's element.
    pub reader: NodeRef,
    /// Label the selection with the label of this id.
    pub create: Callback<String>,
    /// Open an annotation by id.
    pub open: Callback<String>,
    /// The highlight just made: S goes on after it, as from a caret at its end.
    pub caret_after: Rc<RefCell<Option<String>>>,
}

/// Listen for the shortcuts and the selection for the workspace's lifetime.
#[hook]
pub fn use_shortcuts(targets: ShortcutTargets) {
    // The listeners are added once and read the latest render's targets from here: adding
    // them again on every change of state would cost a listener swap per keystroke.
    let live = use_mut_ref(|| targets.clone());
    *live.borrow_mut() = targets;
    use_effect_with((), move |_| {
        let keydown = {
            let live = live.clone();
            dom::document().map(|document| {
                EventListener::new_with_options(
                    &document,
                    "keydown",
                    EventListenerOptions::enable_prevent_default(),
                    move |event| {
                        if let Some(event) = event.dyn_ref::<web_sys::KeyboardEvent>() {
                            // A copy: acting may render at once, which writes `live` again.
                            let targets = live.borrow().clone();
                            on_key(event, &targets);
                        }
                    },
                )
            })
        };
        let selection_listener = dom::document().map(|document| {
            EventListener::new(&document, "selectionchange", move |_| {
                let targets = live.borrow().clone();
                let Some(root) = targets.reader.cast::<web_sys::Element>() else {
                    return;
                };
                let range = selection::selected_range(&root);
                targets.state.dispatch(AnnotAction::SetPending(range));
            })
        });
        move || drop((keydown, selection_listener))
    });
}

fn on_key(event: &web_sys::KeyboardEvent, targets: &ShortcutTargets) {
    if in_form_field(event.target()) || event.alt_key() {
        return;
    }
    let state = &targets.state;
    let key = event.key();
    let command = event.ctrl_key() || event.meta_key();
    if command && key.eq_ignore_ascii_case("z") && !event.shift_key() {
        event.prevent_default();
        state.dispatch(AnnotAction::Undo { now: dom::now_ms() });
        return;
    }
    if command {
        return;
    }
    if let Some(step) = keys::selection_move(event) {
        if let Some(root) = targets.reader.cast::<web_sys::Element>() {
            let after_new = targets
                .caret_after
                .borrow()
                .as_deref()
                .and_then(|id| state.bench.anchored(id).span())
                .map(|(_, end)| end);
            let top = toolbar_bottom();
            if keys::apply(&root, &state.article.text, step, after_new, top) {
                event.prevent_default();
                *targets.caret_after.borrow_mut() = None;
            }
        }
        return;
    }
    if let Some(digit) = key.chars().next().and_then(|c| c.to_digit(10)) {
        if key.len() == 1 && digit >= 1 && state.pending.is_some() {
            if let Some(label) = state.labels.get(digit as usize - 1) {
                event.prevent_default();
                targets.create.emit(label.id.clone());
            }
        }
        return;
    }
    match key.as_str() {
        "j" | "k" => {
            let spans = state.bench.spans();
            let ids: Vec<&str> = spans.iter().map(|s| s.annotation.id.as_str()).collect();
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
                targets.open.emit(id.to_string());
            }
        }
        "Escape" => {
            selection::clear();
            state.dispatch(AnnotAction::Select(None));
        }
        _ => {}
    }
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
