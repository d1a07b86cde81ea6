//! The Yew user interface: app state, components and the start-up sequence.

pub mod annotate;
mod app;
pub mod article_view;
mod blocks;
pub mod chunks;
mod loader;
pub mod notice;
pub mod open;
mod route;
mod sample;
mod state;
pub mod use_open_files;

pub use app::App;

/// Install the panic hook and mount the app on `<body>`.
pub fn start() {
    crate::web::panic::install();
    yew::Renderer::<App>::new().render();
}
