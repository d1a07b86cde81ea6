//! Going to a highlight: opening an annotation selects it, scrolls its highlight into view
//! (once its block is in the page, for a long article still arriving in chunks) and flashes
//! it; plus the DOM look-ups that needs (the highlight's mark, the toolbar's bottom edge).

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::ui::chunks::Chunks;
use crate::web::dom;

use super::state::{AnnotAction, AnnotState};

/// How long an opened highlight flashes.
const FLASH_MS: u32 = 1_200;

/// The callback that opens an annotation by id, and the id of the highlight flashing now.
#[hook]
pub fn use_open_annotation(
    state: &UseReducerHandle<AnnotState>,
    chunks: &Rc<Chunks>,
) -> (Callback<String>, Option<String>) {
    let flash = use_state(|| None::<String>);
    let flash_timer: Rc<RefCell<Option<Timeout>>> = use_mut_ref(|| None);
    // Counts requests to scroll to a highlight: only the newest one scrolls.
    let scroll_request = use_mut_ref(|| 0u64);
    let open = {
        let dispatch = state.dispatcher();
        let flash = flash.clone();
        let (state, chunks) = (state.clone(), chunks.clone());
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
            *flash_timer.borrow_mut() = Some(Timeout::new(FLASH_MS, move || flash.set(None)));
        })
    };
    (open, (*flash).clone())
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

/// The bottom of the app's toolbar in the window: text above it is hidden behind it.
pub fn toolbar_bottom() -> f64 {
    dom::document()
        .and_then(|d| d.query_selector("header.toolbar").ok().flatten())
        .map_or(0.0, |toolbar| toolbar.get_bounding_client_rect().bottom())
}
