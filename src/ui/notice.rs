//! What the reader is told: a [`Notice`] (an error or a piece of information, in plain
//! words and both languages) and the one box every part of the UI shows it in. Errors use
//! `role="alert"` so assistive technology reads them at once; information uses
//! `role="status"`.
//!
//! The box is a plain function rather than a `#[function_component]`: it has no state, and
//! each component type costs its own copy of Yew's component machinery in the wasm.

use std::fmt::Display;

use yew::prelude::*;

/// A message for the reader. The text says what happened and what became of their work.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    Error(String),
    Info(String),
}

impl Notice {
    /// An error, in the words of its `Display` (every error type of the UI writes both
    /// languages there).
    pub fn error(error: &dyn Display) -> Self {
        Notice::Error(error.to_string())
    }

    pub fn text(&self) -> &str {
        match self {
            Notice::Error(text) | Notice::Info(text) => text,
        }
    }

    pub fn is_error(&self) -> bool {
        matches!(self, Notice::Error(_))
    }

    /// `Ok` as information, `Err` as an error.
    pub fn of<E: Display>(outcome: Result<String, E>) -> Self {
        match outcome {
            Ok(done) => Notice::Info(done),
            Err(error) => Notice::error(&error),
        }
    }
}

/// The box for `notice`, with `class` added (where it sits), and a close button when the
/// reader may dismiss it.
pub fn notice_box(notice: &Notice, class: &'static str, on_dismiss: Option<&Callback<()>>) -> Html {
    let (kind, role) = if notice.is_error() {
        ("error", "alert")
    } else {
        ("notice", "status")
    };
    html! {
        <div class={crate::ui::class_list(&["alert", class, kind])} {role}>
            <span class="alert-text">{ notice.text().to_owned() }</span>
            if let Some(dismiss) = on_dismiss {
                <button type="button" class="alert-close" aria-label="Dismiss / 关闭"
                    onclick={dismiss.reform(|_: MouseEvent| ())}>{ "×" }</button>
            }
        </div>
    }
}
