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

/// Install the panic hook and mount the app on `<body>`.
pub fn start() {
    crate::web::panic::install();
    yew::Renderer::<App>::new().render();
}
