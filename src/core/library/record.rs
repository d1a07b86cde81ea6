//! [`ArticleRecord`]: what the library keeps about each article (beside its raw text, which
//! the browser side stores on its own), and its stored JSON shape, versioned
//! ([`encode_record`], [`decode_record`]; docs/storage.md, "Library records").

use serde::Serialize;

use super::outlet::outlet_of;
use super::LibraryError;
use crate::core::article::Article;
use crate::core::de::deserialize_struct;
use crate::core::interchange::content_hash;

/// The record version this build reads and writes.
pub const RECORD_VERSION: u64 = 1;

/// One article of the library.
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
pub struct ArticleRecord {
    /// Always [`RECORD_VERSION`] in a record made or read by this build.
    pub version: u64,
    /// [`Article::storage_key`]: the key its annotations are stored under.
    pub key: String,
    pub title: String,
    /// Short name of the outlet (`DW`, `NYT`), or the host of another site; may be empty.
    pub outlet: String,
    pub url: Option<String>,
    /// The feed's publish time, milliseconds since the Unix epoch.
    pub published_ms: Option<i64>,
    /// When the article first entered the library.
    pub added_ms: i64,
    /// When its file last changed the record (equal to `added_ms` until then).
    pub updated_ms: i64,
    /// `"sha256:<hex>"` of the raw file text: the same file opened again is unchanged.
    pub hash: String,
    /// Size of the raw file in bytes.
    pub size: usize,
    /// The article's canonical text, which search reads; its offsets are the reader's. Not
    /// written into the record: the library keeps it in a store of its own, so the list
    /// reads records without it (src/web/idb.rs). Records of the first library build hold
    /// it, and it is read from them.
    #[serde(skip_serializing)]
    pub text: String,
}

deserialize_struct!(ArticleRecord, "struct ArticleRecord", {
    version, key, title, outlet(default), url(default), published_ms(default),
    added_ms, updated_ms, hash, size, text(default),
});

/// Only the version of a stored record, to tell a newer shape from a broken one.
struct VersionProbe {
    version: Option<u64>,
}

deserialize_struct!(VersionProbe, "struct VersionProbe", { version(default) });

impl ArticleRecord {
    /// The record of `article`, parsed from `raw_text`, added at `now_ms`.
    pub fn of(article: &Article, raw_text: &str, now_ms: i64) -> Self {
        let meta = &article.meta;
        Self {
            version: RECORD_VERSION,
            key: article.storage_key(),
            title: meta.title.clone(),
            outlet: outlet_of(meta.url.as_deref()),
            url: meta.url.clone(),
            published_ms: meta.published_ms,
            added_ms: now_ms,
            updated_ms: now_ms,
            hash: content_hash(raw_text),
            size: raw_text.len(),
            text: article.text.clone(),
        }
    }

    /// This (newer) record in place of `old`: it keeps the time `old` entered the library.
    pub fn replacing(mut self, old: &ArticleRecord) -> Self {
        self.added_ms = old.added_ms;
        self
    }

    /// The time the library sorts and filters by: published, else added.
    pub fn date_ms(&self) -> i64 {
        self.published_ms.unwrap_or(self.added_ms)
    }
}

/// The stored JSON of `record`.
pub fn encode_record(record: &ArticleRecord) -> String {
    // Serialising a struct of strings and numbers to a String cannot fail.
    serde_json::to_string(record).unwrap_or_default()
}

/// Reads a stored record. A newer version is [`LibraryError::UnsupportedVersion`] (to be
/// left as it is); anything else unreadable is [`LibraryError::Corrupt`].
pub fn decode_record(raw: &str) -> Result<ArticleRecord, LibraryError> {
    // Through `from_slice`, as the rest of the app reads JSON: each reader type is another
    // copy of serde_json's parser in the wasm.
    let error = match serde_json::from_slice::<ArticleRecord>(raw.as_bytes()) {
        Ok(record) if record.version == RECORD_VERSION => return Ok(record),
        Ok(record) => return Err(version_error(record.version)),
        Err(error) => error,
    };
    match serde_json::from_slice::<VersionProbe>(raw.as_bytes()) {
        Ok(VersionProbe {
            version: Some(found),
        }) if found != RECORD_VERSION => Err(version_error(found)),
        _ => Err(LibraryError::Corrupt(error.to_string())),
    }
}

fn version_error(found: u64) -> LibraryError {
    if found > RECORD_VERSION {
        LibraryError::UnsupportedVersion(found)
    } else {
        LibraryError::Corrupt(format!("unknown record version {found}"))
    }
}
