//! Persistence of annotations, labels and the last opened article in a
//! string key/value store (the browser's `localStorage` in production).
//!
//! Layout:
//! - [`backend`]: the [`KeyValue`] trait the browser wrapper implements, plus
//!   [`MemoryStore`], an in-memory implementation with fault injection.
//! - [`keys`]: storage key names, [`StorageKey`] and [`keys::parse_key`].
//! - [`envelope`]: the versioned JSON envelopes, their decoding, encoding and migrations.
//! - [`repo`]: [`AnnotationRepo`], the read-merge-write API used by the UI.
//! - `error`: the single error type of the layer, [`StorageError`].
//!
//! What is stored is defined elsewhere: an article's annotations and tombstones and their
//! merge in [`crate::core::annotation`] ([`ArticleState`]), labels in [`crate::core::label`].
//! This layer depends on those two, never the other way round.
//!
//! This file owns only the module layout and its re-exports.
//! The full schema is documented in `docs/storage.md`.
//!
//! [`ArticleState`]: crate::core::annotation::ArticleState

pub mod backend;
pub mod envelope;
mod error;
pub mod keys;
pub mod repo;

pub use backend::{KeyValue, MemoryStore};
pub use error::StorageError;
pub use keys::StorageKey;
pub use repo::AnnotationRepo;
