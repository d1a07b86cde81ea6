//! The Yew user interface: app state, components and the start-up sequence.

mod alert;
pub mod annotate;
mod app;
pub mod article_view;
pub mod chunks;
mod loader;
pub mod open;
mod sample;
mod state;

pub use app::App;

/// Install the panic hook and mount the app on `<body>`.
pub fn start() {
    crate::web::panic::install();
    yew::Renderer::<App>::new().render();
}
