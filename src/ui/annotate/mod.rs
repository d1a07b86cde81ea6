//! Annotating: selection toolbar, highlights, side panel, labels, storage and tabs.

pub mod exchange;
mod import_review;
mod keys;
mod labels_dialog;
mod panel;
pub mod persist;
pub mod render;
pub mod state;
mod toolbar;
mod workspace;

pub use workspace::{Incoming, Workspace};
