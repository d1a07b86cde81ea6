//! Writing one article into the library, as opening a file and importing a folder both do:
//! added the first time, updated when its file changed (keeping when it was first added),
//! left as it is when the file is the same. A record of a newer pizhu is never overwritten.

use crate::core::article::Article;
use crate::core::library::{
    decode_record, encode_record, merge_decision, ArticleRecord, LibraryError, MergeDecision,
};
use crate::web::idb::{IdbError, Library};

pub async fn keep(
    library: &Library,
    article: &Article,
    raw: &str,
    now_ms: i64,
) -> Result<MergeDecision, IdbError> {
    let record = ArticleRecord::of(article, raw, now_ms);
    let old = match library
        .record(&record.key)
        .await?
        .map(|text| decode_record(&text))
    {
        Some(Ok(old)) => Some(old),
        Some(Err(LibraryError::UnsupportedVersion(_))) => return Ok(MergeDecision::Unchanged),
        _ => None,
    };
    let decision = merge_decision(old.as_ref(), &record);
    if decision != MergeDecision::Unchanged {
        let record = match &old {
            Some(old) => record.replacing(old),
            None => record,
        };
        library
            .put(&record.key, &encode_record(&record), raw)
            .await?;
    }
    Ok(decision)
}
