//! [`StorageError`], every failure of the storage layer (backends, decoding, the repository).

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
    /// backup key (see [`AnnotationRepo::backups_of`](super::AnnotationRepo::backups_of)) and is never overwritten
    /// until [`AnnotationRepo::discard_corrupt`](super::AnnotationRepo::discard_corrupt)
    /// is called.
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
