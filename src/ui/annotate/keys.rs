//! Which keys move the selection (selecting by keyboard, without caret browsing): S and
//! Shift+S select the next and previous sentence, Shift+→/← move the selection's end by one
//! character and Shift+↓/↑ by one sentence, ] and [ move its start.

use web_sys::KeyboardEvent;

use crate::core::text::SelectionMove;

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
