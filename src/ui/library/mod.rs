//! The library view (`#/library`): every article kept in IndexedDB with its outlet, date and
//! annotation counts by label, sorted and filtered (core::library::arrange), searched as the
//! reader types (core::library::SearchIndex), and filled from a whole folder
//! (folder_import.rs); a selection deleted with its annotations, and put back by Undo
//! (delete.rs). Opening an article goes through the route (`#/article/<key>`), so
//! the browser's Back returns here.

mod delete;
mod folder_import;
pub mod keep;
mod page;

pub use page::LibraryPage;
