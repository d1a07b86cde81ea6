//! Why an input could not become an article, in words a reader understands.

use thiserror::Error;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ParseError {
    #[error("The file is empty: there is no article to show. 文件是空的。")]
    Empty,
    #[error("This file is not text (it is binary or not valid UTF-8), so it cannot be read as an article. 此文件不是文本，无法作为文章打开。")]
    NotText,
    #[error("The file is too large ({} MB). pizhu opens articles of up to {} MB. 文件过大。", megabytes(*.size), megabytes(*.limit))]
    TooLarge { size: usize, limit: usize },
}

/// `bytes` in megabytes (MiB) with one decimal, as the messages write sizes.
pub fn megabytes(bytes: usize) -> String {
    let tenths = (bytes as u64 * 10 + 524_288) / 1_048_576;
    format!("{}.{}", tenths / 10, tenths % 10)
}
