//! The library: every article the reader has opened, kept as an [`ArticleRecord`]
//! (record.rs, with its stored shape), a folder import's decisions file by file and its
//! counts (folder.rs), search across titles, texts, quotes and notes (fold.rs, search.rs,
//! snippet.rs), the library view's order and filters (query.rs), and its annotations written out
//! for a selection of articles (export.rs). Pure: the browser side
//! stores the records and raw texts (IndexedDB) and calls these.
//!
//! Depends on `article` (parsing a file, the article key), `annotation` (quotes and notes to
//! search, labels to count), `text` (case, grapheme boundaries) and `interchange` (the
//! content hash); nothing depends on it but the UI.

mod error;
mod export;
mod fold;
mod folder;
mod outlet;
mod query;
mod record;
mod search;
mod snippet;

pub use error::LibraryError;
pub use export::export_annotations;
pub use fold::{fold, Folded};
pub use folder::{classify, merge_decision, precheck, FileVerdict, ImportCounts, MergeDecision};
pub use outlet::outlet_of;
pub use query::{arrange, label_counts, LabelCounts, LibraryView, SortBy};
pub use record::{decode_record, encode_record, ArticleRecord, RECORD_VERSION};
pub use search::{Hit, Place, SearchIndex, SearchResults};
pub use snippet::CONTEXT_CHARS;
