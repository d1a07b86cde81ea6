//! The stored annotation record.

use serde::Serialize;

use crate::core::de::deserialize_struct;

use super::Target;

/// The longest note, typed or imported (an import cuts a longer one and says so).
pub const MAX_NOTE_CHARS: usize = 10_000;

/// One labelled highlight on one article.
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct Annotation {
    /// UUID v4 text.
    pub id: String,
    /// Article key (URL or content hash), opaque here.
    pub article: String,
    /// Label id, e.g. `"policy"`.
    pub label: String,
    pub note: String,
    /// Milliseconds since the Unix epoch.
    pub created: i64,
    pub modified: i64,
    pub target: Target,
}

deserialize_struct!(Annotation, "struct Annotation", {
    id, article, label, note(default), created, modified, target,
});
