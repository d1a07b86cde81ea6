//! Persistence of annotations, labels and the last opened article in a
//! string key/value store (the browser's `localStorage` in production).
//!
//! Layout:
//! - [`backend`]: the [`KeyValue`] trait the browser wrapper implements, plus
//!   [`MemoryStore`], an in-memory implementation with fault injection.
//! - [`schema`]: storage keys, the versioned JSON shapes, migrations, labels.
//! - [`merge`]: the deterministic merge of two article states (tabs).
//! - [`repo`]: [`AnnotationRepo`], the read-merge-write API used by the UI.
//!
//! This file owns the module layout and the single error type, [`StorageError`].
//! The full schema is documented in `docs/storage.md`.

pub mod backend;
pub mod merge;
pub mod repo;
pub mod schema;

pub use backend::{KeyValue, MemoryStore};
pub use merge::{merge, ArticleState, Tombstone};
pub use repo::AnnotationRepo;
pub use schema::{default_labels, Label, StorageKey, Underline};

/// Every failure of the storage layer.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum StorageError {
    /// Storage is missing or blocked (private mode, disabled cookies,
    /// sandboxed iframe, `SecurityError`).
    #[error("storage is unavailable")]
    Unavailable,
    /// A write would exceed the storage quota; nothing was written.
    #[error("storage quota exceeded")]
    QuotaExceeded,
    /// The value at `key` cannot be read. The raw value has been copied to a
    /// backup key (see [`AnnotationRepo::backups_of`]) and is never overwritten
    /// until [`AnnotationRepo::discard_corrupt`] is called.
    #[error("stored value at {key} is corrupt: {reason}")]
    Corrupt { key: String, reason: String },
    /// The value at `key` was written by a newer build (schema version
    /// `found`); it is left untouched.
    #[error("stored value at {key} has schema version {found}, newer than this build supports")]
    UnsupportedVersion { key: String, found: u64 },
    /// The caller tried to store data that violates the schema.
    #[error("invalid data: {0}")]
    Invalid(String),
    /// Any other backend failure.
    #[error("storage backend error: {0}")]
    Backend(String),
}
