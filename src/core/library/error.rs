//! [`LibraryError`]: why a file of a folder import was skipped, and why a stored library
//! record could not be read. Every message is in English and Chinese, as the app's are.

use crate::core::article::megabytes;

/// Every failure of the library: a file that is not added (the folder import lists it with
/// this reason and goes on with the next file) or a stored record that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LibraryError {
    #[error("Not an article: this is a picture, a PDF, a video or another binary file. 不是文章：这是图片、PDF、视频或其他二进制文件。")]
    Binary,
    // The same words as `ParseError`'s (one copy of each message in the wasm).
    #[error("This file is not text (it is binary or not valid UTF-8), so it cannot be read as an article. 此文件不是文本，无法作为文章打开。")]
    NotText,
    #[error("The file is empty: there is no article to show. 文件是空的。")]
    Empty,
    #[error("The file is too large ({} MB). pizhu opens articles of up to {} MB. 文件过大。", megabytes(*.size), megabytes(*.limit))]
    TooLarge { size: usize, limit: usize },
    #[error("An annotation file (JSON), not an article: open it on its own to import its annotations. 这是批注文件（JSON），不是文章：请单独打开以导入批注。")]
    AnnotationFile,
    #[error("A library record cannot be read: {0}. 书库记录无法读取。")]
    Corrupt(String),
    #[error("A library record has version {0}, newer than this pizhu reads: use a newer pizhu. 书库记录的版本较新，请使用新版 pizhu。")]
    UnsupportedVersion(u64),
}
