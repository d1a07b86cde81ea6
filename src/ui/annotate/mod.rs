//! Annotating: selection toolbar, highlights, side panel, labels, storage and tabs.

mod labels_dialog;
mod panel;
pub mod persist;
pub mod render;
pub mod state;
mod toolbar;
mod workspace;

pub use workspace::Workspace;
