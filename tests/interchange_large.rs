//! Large annotation files: an "Export all" over the whole-file limit is read entry by entry
//! (`ImportStream`), gives exactly what a small file of the same entries gives, in chunks of
//! any size, and says plainly where a large file is broken.
#![cfg(not(target_arch = "wasm32"))]

#[path = "interchange_common/mod.rs"]
mod interchange_common;

use interchange_common::*;
use pizhu::core::annotation::Annotation;
use pizhu::core::interchange::{
    export_all, import_with_labels, ArticleExport, ArticleInfo, Generator, ImportError,
    ImportStream, MAX_IMPORT_BYTES,
};

/// `articles` articles with `per` annotations each, as `Export all` writes them.
fn library_export(articles: usize, per: usize) -> String {
    let article = article();
    let base = sample(&article);
    let infos: Vec<ArticleInfo> = (0..articles)
        .map(|i| {
            let key = format!("https://www.dw.com/zh/library/a-{i}");
            ArticleInfo {
                key: key.clone(),
                url: Some(key),
                title: format!("第{i}篇文章"),
                published_ms: None,
                content_hash: String::new(),
            }
        })
        .collect();
    let docs: Vec<Vec<Annotation>> = infos
        .iter()
        .enumerate()
        .map(|(i, info)| {
            (0..per)
                .map(|j| {
                    let mut a = base[j % base.len()].clone();
                    a.id = format!("00000000-0000-4000-8000-{:06}{:06}", i, j);
                    a.article = info.key.clone();
                    a.note = format!("第{i}篇的第{j}条批注");
                    a
                })
                .collect()
        })
        .collect();
    let exports: Vec<ArticleExport<'_>> = infos
        .iter()
        .zip(&docs)
        .map(|(info, doc)| ArticleExport::stored(info, doc))
        .collect();
    export_all(&exports, &labels(), &Generator::pizhu(), NOW)
}

fn streamed(
    bytes: &[u8],
    chunk: usize,
) -> Result<pizhu::core::interchange::ImportSet, ImportError> {
    let mut stream = ImportStream::new(&labels());
    for piece in bytes.chunks(chunk) {
        stream.push(piece)?;
    }
    stream.finish()
}

#[test]
fn an_export_all_over_the_limit_imports_whole() {
    let json = library_export(900, 12);
    assert!(json.len() > MAX_IMPORT_BYTES, "{} bytes", json.len());
    let set = import_with_labels(json.as_bytes(), &labels()).expect("imports");
    assert_eq!(set.groups.len(), 900);
    assert_eq!(set.len(), 900 * 12);
    assert_eq!(set.groups[899].title.as_deref(), Some("第899篇文章"));
    assert_eq!(set.groups[899].annotations[11].note, "第899篇的第11条批注");
    // Fed in pieces of any size, the same result.
    assert_eq!(streamed(json.as_bytes(), 1 << 20), Ok(set));
}

#[test]
fn streaming_gives_what_a_small_file_gives_in_chunks_of_any_size() {
    let json = library_export(7, 5);
    let whole = import_with_labels(json.as_bytes(), &labels()).expect("imports");
    for chunk in [1, 2, 3, 7, 64, 4096, json.len()] {
        assert_eq!(
            streamed(json.as_bytes(), chunk).as_ref(),
            Ok(&whole),
            "chunks of {chunk}"
        );
    }
    let with_bom = [b"\xEF\xBB\xBF".as_slice(), json.as_bytes()].concat();
    assert_eq!(streamed(&with_bom, 100), Ok(whole));
}

#[test]
fn a_broken_large_file_says_where_and_why() {
    let json = library_export(3, 2);
    // Cut off in the middle.
    let cut = &json.as_bytes()[..json.len() / 2];
    match streamed(cut, 1000) {
        Err(ImportError::NotJson { reason, .. }) => {
            assert!(reason.contains("ends too early"), "{reason}")
        }
        other => panic!("{other:?}"),
    }
    // Not a list at all.
    match streamed(b"{\"type\": \"AnnotationCollection\"}", 10) {
        Err(ImportError::NotJson {
            reason,
            line: 1,
            column: 1,
        }) => {
            assert!(
                reason.contains("list of annotation collections"),
                "{reason}"
            )
        }
        other => panic!("{other:?}"),
    }
    // A broken entry: the line is the file's, not the entry's.
    let broken = json.replacen(
        "\"motivation\": \"commenting\"",
        "\"motivation\" \"commenting\"",
        1,
    );
    let line = broken[..broken
        .match_indices("\"motivation\" \"commenting\"")
        .next()
        .unwrap()
        .0]
        .lines()
        .count();
    match streamed(broken.as_bytes(), 333) {
        Err(ImportError::NotJson { line: l, .. }) => assert_eq!(l, line),
        other => panic!("{other:?}"),
    }
    // An entry of another kind than the first.
    let mixed = format!(
        "[{}, 3]",
        json.trim().trim_start_matches('[').trim_end_matches(']')
    );
    assert!(matches!(
        streamed(mixed.as_bytes(), 50),
        Err(ImportError::NotJson { .. })
    ));
    // An entry over the limit stops the read, with its number.
    let huge_note = "注".repeat(MAX_IMPORT_BYTES / 3 + 10);
    let big = json.replacen("第0篇的第0条批注", &huge_note, 1);
    assert_eq!(
        streamed(big.as_bytes(), 1 << 16),
        Err(ImportError::EntryTooLarge {
            index: 0,
            limit: MAX_IMPORT_BYTES
        })
    );
}
