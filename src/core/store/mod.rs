//! Persistence of annotations, labels and the last opened article in a
//! string key/value store (the browser's `localStorage` in production).
//!
//! Layout:
//! - [`backend`]: the [`KeyValue`] trait the browser wrapper implements, plus
//!   [`MemoryStore`], an in-memory implementation with fault injection.
//! - [`keys`]: storage key names, [`StorageKey`] and [`keys::parse_key`].
//! - [`envelope`]: the versioned JSON envelopes, their decoding, encoding and migrations.
//! - [`repo`]: [`AnnotationRepo`], the read-merge-write API used by the UI.
//!
//! What is stored is defined elsewhere: an article's annotations and tombstones and their
//! merge in [`crate::core::annotation`] ([`ArticleState`]), labels in [`crate::core::label`].
//! This layer depends on those two, never the other way round.
//!
//! This file owns the module layout and the single error type, [`StorageError`].
//! The full schema is documented in `docs/storage.md`.
//!
//! [`ArticleState`]: crate::core::annotation::ArticleState

pub mod backend;
pub mod envelope;
pub mod keys;
pub mod repo;

pub use backend::{KeyValue, MemoryStore};
pub use keys::StorageKey;
pub use repo::AnnotationRepo;

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
