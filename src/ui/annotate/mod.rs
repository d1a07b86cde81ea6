//! Annotating: the workspace (article, toolbar, panel, dialogs) and the hooks it is made of:
//! storage, import, going to a highlight and the keyboard.

pub mod exchange;
mod import_review;
mod keys;
mod labels_dialog;
mod panel;
mod panel_editor;
pub mod persist;
pub mod render;
mod scroll;
mod share_controls;
mod shortcuts;
pub mod state;
mod toolbar;
mod use_import;
mod use_persistence;
mod workspace;

pub use use_import::{Incoming, IncomingFile};
pub use workspace::Workspace;
