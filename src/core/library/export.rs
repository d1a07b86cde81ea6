//! The library's annotations written out for a selection of its articles: as pizhu's W3C
//! export (an array of collections, as *Export all* writes; an import reads it back), with
//! each article described by its record (title, URL, publish time), not only its key.

use crate::core::annotation::Annotation;
use crate::core::interchange::{export_all, ArticleExport, ArticleInfo, Generator};
use crate::core::label::Label;

use super::ArticleRecord;

/// The W3C export of `articles`' annotations (those without any left out), at `now_ms`.
pub fn export_annotations(
    articles: &[(&ArticleRecord, &[Annotation])],
    labels: &[Label],
    now_ms: i64,
) -> String {
    let marked: Vec<_> = articles
        .iter()
        .filter(|(_, marks)| !marks.is_empty())
        .collect();
    let infos: Vec<ArticleInfo> = marked
        .iter()
        .map(|(record, _)| ArticleInfo {
            key: record.key.clone(),
            url: record.url.clone(),
            title: record.title.clone(),
            published_ms: record.published_ms,
            content_hash: String::new(),
        })
        .collect();
    let exports: Vec<ArticleExport<'_>> = infos
        .iter()
        .zip(&marked)
        .map(|(info, (_, marks))| ArticleExport::stored(info, marks))
        .collect();
    export_all(&exports, labels, &Generator::pizhu(), now_ms)
}
