//! Which keys move the selection (selecting by keyboard, without caret browsing): S and
//! Shift+S select the next and previous sentence, Shift+→/← move the selection's end by one
//! character and Shift+↓/↑ by one sentence, ] and [ move its start; and carrying out such
//! a move on the page.

use web_sys::{Element, KeyboardEvent};

use crate::core::text::{clean_range, move_selection, SelectionMove};
use crate::web::selection;

/// The move `event` asks for, if any.
pub fn selection_move(event: &KeyboardEvent) -> Option<SelectionMove> {
    if event.ctrl_key() || event.meta_key() || event.alt_key() {
        return None;
    }
    Some(match event.key().as_str() {
        // By Shift, not by the letter's case, which Caps Lock turns over.
        "s" | "S" if event.shift_key() => SelectionMove::PreviousSentence,
        "s" | "S" => SelectionMove::NextSentence,
        "ArrowRight" if event.shift_key() => SelectionMove::EndForward,
        "ArrowLeft" if event.shift_key() => SelectionMove::EndBackward,
        "ArrowDown" if event.shift_key() => SelectionMove::EndToNextSentence,
        "ArrowUp" if event.shift_key() => SelectionMove::EndToPreviousSentence,
        "[" => SelectionMove::StartBackward,
        "]" => SelectionMove::StartForward,
        _ => return None,
    })
}

/// Carry out `step` on the page's selection inside `root` (the article, whose canonical text
/// is `text`); true when the selection moved. Without a selection, a move starts at the
/// caret (where the reader clicked), else at `after_new` (the end of the highlight just
/// made), else at the line at the top of the window below `top` pixels (the toolbar).
pub fn apply(
    root: &Element,
    text: &str,
    step: SelectionMove,
    after_new: Option<usize>,
    top: f64,
) -> bool {
    // The page's selection as it is now: the app's copy of it arrives with the next
    // selectionchange, after a fast second key press.
    let current =
        selection::selected_range(root).and_then(|(start, end, _)| clean_range(text, start, end));
    if current.is_none() && step.needs_selection() {
        return false; // Shift+arrows stay the browser's (caret browsing).
    }
    let reading_at = match current {
        Some(_) => 0,
        None => selection::caret_offset(root)
            .or(after_new)
            .unwrap_or_else(|| selection::reading_offset(root, top)),
    };
    match move_selection(text, current, reading_at, step) {
        Some((start, end)) => selection::select(root, start, end, top),
        None => false,
    }
}
