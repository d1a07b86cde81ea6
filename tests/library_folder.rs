//! A folder import, file by file: which files are articles, why the others are skipped (in
//! words, both languages), whether a record adds, updates or changes nothing, and the counts.
#![cfg(not(target_arch = "wasm32"))]

use pizhu::core::article::{self, MAX_INPUT_BYTES};
use pizhu::core::library::{
    classify, merge_decision, precheck, ArticleRecord, FileVerdict, ImportCounts, LibraryError,
    MergeDecision,
};

const FEED: &str =
    "<!--1715609823000-->\n[标题](https://www.dw.com/zh/a-1)\n------\n\n<p>第一段。</p>\n";

fn skipped(name: &str, bytes: &[u8]) -> Option<LibraryError> {
    match classify(name, bytes.len() as u64, bytes) {
        FileVerdict::Skipped(reason) => Some(reason),
        FileVerdict::Article { .. } => None,
    }
}

fn record(raw: &str, now: i64) -> ArticleRecord {
    ArticleRecord::of(&article::parse(raw).expect("parses"), raw, now)
}

#[test]
fn a_feed_file_is_an_article_with_its_text() {
    match classify("dw/1.md", FEED.len() as u64, FEED.as_bytes()) {
        FileVerdict::Article { article, text } => {
            assert_eq!((article.meta.title.as_str(), text), ("标题", FEED));
        }
        FileVerdict::Skipped(reason) => panic!("{reason}"),
    }
}

#[test]
fn plain_text_and_a_markdown_link_at_the_start_are_articles() {
    assert_eq!(skipped("note.txt", "一段文字。".as_bytes()), None);
    assert_eq!(
        skipped("a.md", b"[Title](https://example.org/a)\n\nText."),
        None
    );
}

#[test]
fn pictures_documents_and_media_are_skipped_by_name_whatever_the_case() {
    for name in [
        "a.png", "b.JPG", "c.Jpeg", "d.pdf", "e.mp4", "f.zip", "g.svg", "h.woff2",
    ] {
        assert_eq!(precheck(name, 10), Some(LibraryError::Binary), "{name}");
    }
}

#[test]
fn a_binary_file_with_an_article_name_is_skipped_by_content() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    assert_eq!(skipped("1.md", png), Some(LibraryError::NotText));
    assert_eq!(
        skipped("2.md", &[0u8, 1, 2, 3, 4, 5]),
        Some(LibraryError::NotText)
    );
}

#[test]
fn a_pdf_is_skipped_by_its_signature_even_when_it_begins_as_text() {
    assert_eq!(
        skipped("paper", b"%PDF-1.7\nplain text at first"),
        Some(LibraryError::Binary)
    );
}

#[test]
fn invalid_utf8_is_not_text() {
    assert_eq!(
        skipped("gbk.txt", b"\xd6\xd0\xce\xc4 text"),
        Some(LibraryError::NotText)
    );
}

#[test]
fn an_empty_or_blank_file_is_skipped_as_empty() {
    assert_eq!(precheck("a.md", 0), Some(LibraryError::Empty));
    assert_eq!(skipped("b.md", b" \n\t\n"), Some(LibraryError::Empty));
}

#[test]
fn a_file_over_the_limit_is_skipped_before_it_is_read() {
    let size = MAX_INPUT_BYTES as u64 + 1;
    assert_eq!(
        precheck("big.md", size),
        Some(LibraryError::TooLarge {
            size: MAX_INPUT_BYTES + 1,
            limit: MAX_INPUT_BYTES
        })
    );
    assert_eq!(precheck("big.md", MAX_INPUT_BYTES as u64), None);
}

#[test]
fn annotation_files_are_named_as_such_by_name_or_content() {
    assert_eq!(
        precheck("x.annotations.json", 10),
        Some(LibraryError::AnnotationFile)
    );
    assert_eq!(precheck("x.JSONL", 10), Some(LibraryError::AnnotationFile));
    assert_eq!(
        skipped("export", b"\xEF\xBB\xBF {\"version\":2}"),
        Some(LibraryError::AnnotationFile)
    );
    assert_eq!(
        skipped("array-file", b"\n[ {\"id\":\"a\"} ]"),
        Some(LibraryError::AnnotationFile)
    );
    assert_eq!(
        skipped("empty-array", b"[]"),
        Some(LibraryError::AnnotationFile)
    );
}

#[test]
fn every_reason_is_said_in_english_and_chinese() {
    let said = |e: LibraryError| e.to_string();
    assert_eq!(
        said(LibraryError::Binary),
        "Not an article: this is a picture, a PDF, a video or another binary file. 不是文章：这是图片、PDF、视频或其他二进制文件。"
    );
    assert_eq!(
        said(LibraryError::NotText),
        "This file is not text (it is binary or not valid UTF-8), so it cannot be read as an article. 此文件不是文本，无法作为文章打开。"
    );
    assert_eq!(
        said(LibraryError::Empty),
        "The file is empty: there is no article to show. 文件是空的。"
    );
    assert_eq!(
        said(LibraryError::TooLarge {
            size: 5 * 1024 * 1024,
            limit: MAX_INPUT_BYTES
        }),
        "The file is too large (5.0 MB). pizhu opens articles of up to 4.0 MB. 文件过大。"
    );
    assert_eq!(
        said(LibraryError::AnnotationFile),
        "An annotation file (JSON), not an article: open it on its own to import its annotations. 这是批注文件（JSON），不是文章：请单独打开以导入批注。"
    );
}

#[test]
fn a_new_key_is_added() {
    assert_eq!(merge_decision(None, &record(FEED, 1)), MergeDecision::Added);
}

#[test]
fn the_same_file_again_is_unchanged() {
    let old = record(FEED, 1);
    assert_eq!(
        merge_decision(Some(&old), &record(FEED, 2)),
        MergeDecision::Unchanged
    );
}

#[test]
fn a_changed_file_under_the_same_key_updates() {
    let old = record(FEED, 1);
    let new = record(&FEED.replace("第一段", "第二段"), 2);
    assert_eq!(merge_decision(Some(&old), &new), MergeDecision::Updated);
}

#[test]
fn a_record_under_another_key_is_no_existing_record() {
    let other = record(&FEED.replace("a-1", "a-2"), 1);
    assert_eq!(
        merge_decision(Some(&other), &record(FEED, 2)),
        MergeDecision::Added
    );
}

#[test]
fn each_file_counts_once_read_and_once_by_its_fate() {
    let mut counts = ImportCounts::default();
    // The import counts a file read as soon as it has read it, before its batch is written.
    counts.read += 5;
    assert_eq!(
        counts.added + counts.updated + counts.unchanged + counts.skipped,
        0
    );
    for d in [
        MergeDecision::Added,
        MergeDecision::Added,
        MergeDecision::Updated,
        MergeDecision::Unchanged,
    ] {
        counts.count(d);
    }
    counts.count_skipped();
    assert_eq!(
        counts,
        ImportCounts {
            read: 5,
            added: 2,
            updated: 1,
            unchanged: 1,
            skipped: 1
        }
    );
}

#[test]
fn a_text_file_that_is_not_a_feed_file_is_added_as_opening_it_shows_it() {
    // An archive folder's README opens as plain text, so a folder import adds it too.
    let path = "tests/fixtures/corpus/SOURCE-README.md";
    let bytes = std::fs::read(path).expect("fixture");
    assert_eq!(skipped(path, &bytes), None);
}
