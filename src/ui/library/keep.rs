//! Writing articles into the library, as opening a file and importing a folder both do:
//! added the first time, updated when its file changed (keeping when it was first added),
//! left as it is when the file is the same. A record of a newer pizhu is never overwritten.

use crate::core::article::Article;
use crate::core::library::{
    decode_record, encode_record, merge_decision, ArticleRecord, LibraryError, MergeDecision,
};
use crate::web::idb::{IdbError, Library};

/// Articles read but not yet written: (record, its JSON, the raw text, its decision).
pub type Pending = Vec<(ArticleRecord, String, String, MergeDecision)>;

/// Keeps one article at once.
pub async fn keep(
    library: &Library,
    article: &Article,
    raw: &str,
    now_ms: i64,
) -> Result<(), IdbError> {
    let mut pending = Pending::new();
    stage(
        library,
        ArticleRecord::of(article, raw, now_ms),
        raw,
        &mut pending,
    )
    .await?;
    write(library, &pending).await
}

/// Writes the queued articles in one transaction.
pub async fn write(library: &Library, pending: &Pending) -> Result<(), IdbError> {
    if pending.is_empty() {
        return Ok(());
    }
    let entries: Vec<[&str; 4]> = pending
        .iter()
        .map(|(r, json, raw, _)| [r.key.as_str(), json, raw, r.text.as_str()])
        .collect();
    library.put_all(&entries).await
}

/// Decides what `record` does (against a queued one with its key first, then the stored
/// one) and queues its write. Returns the decision to count at once when nothing new is
/// queued (unchanged, or a newer file for an article already queued, which replaces it:
/// updated); `None` when the queued write counts with its batch ([`write`]).
pub async fn stage(
    library: &Library,
    record: ArticleRecord,
    raw: &str,
    pending: &mut Pending,
) -> Result<Option<MergeDecision>, IdbError> {
    // The older record, and for one still queued the decision its write will count.
    let (old, queued) = match pending.iter().position(|(r, ..)| r.key == record.key) {
        Some(at) if pending[at].0.hash == record.hash => return Ok(Some(MergeDecision::Unchanged)),
        Some(at) => {
            let (old, _, _, decision) = pending.remove(at);
            (Some(old), Some(decision))
        }
        None => match library
            .record(&record.key)
            .await?
            .map(|text| decode_record(&text))
        {
            Some(Ok(old)) => (Some(old), None),
            // A record of a newer pizhu is never overwritten.
            Some(Err(LibraryError::UnsupportedVersion(_))) => {
                return Ok(Some(MergeDecision::Unchanged))
            }
            _ => (None, None),
        },
    };
    let decision = merge_decision(old.as_ref(), &record);
    if decision == MergeDecision::Unchanged {
        return Ok(Some(decision));
    }
    let record = match &old {
        Some(old) => record.replacing(old),
        None => record,
    };
    let json = encode_record(&record);
    pending.push((record, json, raw.to_string(), queued.unwrap_or(decision)));
    Ok(queued.map(|_| decision))
}
