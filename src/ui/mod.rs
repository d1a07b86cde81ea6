//! The Yew user interface: app state, components and the start-up sequence.

pub mod annotate;
mod app;
pub mod article_view;
mod blocks;
pub mod chunks;
mod library;
mod loader;
pub mod notice;
pub mod open;
pub mod route;
mod sample;
mod state;
pub mod use_open_files;

pub use app::App;

use yew::prelude::*;

/// The `class` attribute of the non-empty `names`, separated by spaces: what `classes!` writes
/// for single-word names that do not repeat, which is all pizhu passes. `classes!` builds an
/// `IndexSet` per element, and was the wasm's only user of yew's `Classes` and of indexmap's
/// insertion.
pub fn class_list(names: &[&str]) -> String {
    let mut out = String::new();
    for name in names.iter().filter(|name| !name.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(name);
    }
    out
}

/// A `type="button"` button of the class `class` saying `text`. One function for the many
/// plain buttons: each `html!` button is a few hundred bytes of wasm where it is written, a
/// call to this is a few.
pub fn button(
    class: &'static str,
    text: impl Into<AttrValue>,
    onclick: Callback<MouseEvent>,
) -> Html {
    plain_button(class, text.into(), onclick)
}

fn plain_button(class: &'static str, text: AttrValue, onclick: Callback<MouseEvent>) -> Html {
    html! { <button type="button" {class} {onclick}>{ text }</button> }
}

/// Install the panic hook and mount the app on `<body>`.
pub fn start() {
    crate::web::panic::install();
    yew::Renderer::<App>::new().render();
}
