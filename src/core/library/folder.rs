//! A folder import, file by file: what to do with each file ([`precheck`] from its name and
//! size before it is read, [`classify`] once it is), whether its record adds, updates or
//! leaves the library as it is ([`merge_decision`]), and the counts the progress bar shows.
//! One bad file is one skipped file: nothing here stops an import.

use super::{ArticleRecord, LibraryError};
use crate::core::article::{self, Article, ParseError, MAX_INPUT_BYTES};

/// Extensions of files that are never articles (pictures, documents, media, archives,
/// fonts, programs), compared without ASCII case. Content decides for every other name.
const NOT_ARTICLES: [&str; 37] = [
    "png", "jpg", "jpeg", "gif", "webp", "avif", "heic", "bmp", "ico", "tif", "tiff", "svg", "pdf",
    "doc", "docx", "xls", "xlsx", "ppt", "pptx", "epub", "mp3", "m4a", "wav", "ogg", "mp4", "mov",
    "webm", "mkv", "zip", "gz", "7z", "rar", "tar", "woff", "woff2", "exe", "db",
];

/// Extensions of annotation files (pizhu's export, W3C annotations, Hypothesis).
const ANNOTATION_FILES: [&str; 3] = ["json", "jsonld", "jsonl"];

/// What a folder import does with one file.
#[derive(Debug, Clone, PartialEq)]
pub enum FileVerdict<'a> {
    /// An article, parsed, with the file's text (for its record and its stored copy).
    Article {
        article: Box<Article>,
        text: &'a str,
    },
    /// Not added, and why.
    Skipped(LibraryError),
}

/// What a new record does to the library.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MergeDecision {
    /// No article with its key yet.
    Added,
    /// The same key with another file text: the record is replaced (see
    /// [`ArticleRecord::replacing`]) and its annotations re-anchor when it is opened.
    Updated,
    /// The same key and the same file text: nothing to write.
    Unchanged,
}

/// The counts a folder import shows while it runs. `read` is every file looked at, counted
/// as soon as it is read; the others count each file once its fate is known, which for an
/// added or updated article is when its batch is written (so `read` runs ahead of them).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportCounts {
    pub read: usize,
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub skipped: usize,
}

impl ImportCounts {
    /// One file that became a record.
    pub fn count(&mut self, decision: MergeDecision) {
        match decision {
            MergeDecision::Added => self.added += 1,
            MergeDecision::Updated => self.updated += 1,
            MergeDecision::Unchanged => self.unchanged += 1,
        }
    }

    /// One file skipped.
    pub fn count_skipped(&mut self) {
        self.skipped += 1;
    }
}

/// The reason to skip a file known from its name and size alone, so the browser side need
/// not read a video or a disk image to refuse it; `None` when its content must decide.
pub fn precheck(name: &str, size: u64) -> Option<LibraryError> {
    let extension = name.rsplit_once('.').map_or("", |(_, e)| e);
    let is = |list: &[&str]| list.iter().any(|e| e.eq_ignore_ascii_case(extension));
    if is(&ANNOTATION_FILES) {
        Some(LibraryError::AnnotationFile)
    } else if is(&NOT_ARTICLES) {
        Some(LibraryError::Binary)
    } else if size == 0 {
        Some(LibraryError::Empty)
    } else if size > MAX_INPUT_BYTES as u64 {
        Some(LibraryError::TooLarge {
            size: usize::try_from(size).unwrap_or(usize::MAX),
            limit: MAX_INPUT_BYTES,
        })
    } else {
        None
    }
}

/// What to do with the file `name` of `size` bytes whose content is `bytes`.
pub fn classify<'a>(name: &str, size: u64, bytes: &'a [u8]) -> FileVerdict<'a> {
    if let Some(reason) = precheck(name, size) {
        return FileVerdict::Skipped(reason);
    }
    if looks_like_json(bytes) {
        return FileVerdict::Skipped(LibraryError::AnnotationFile);
    }
    // A PDF can begin with pages of plain ASCII; its signature says what it is.
    if bytes.starts_with(b"%PDF-") {
        return FileVerdict::Skipped(LibraryError::Binary);
    }
    let parsed = article::parse_bytes(bytes).map(Box::new);
    match (parsed, std::str::from_utf8(bytes)) {
        (Ok(article), Ok(text)) => FileVerdict::Article { article, text },
        (Err(ParseError::Empty), _) => FileVerdict::Skipped(LibraryError::Empty),
        (Err(ParseError::TooLarge { size, limit }), _) => {
            FileVerdict::Skipped(LibraryError::TooLarge { size, limit })
        }
        _ => FileVerdict::Skipped(LibraryError::NotText),
    }
}

/// An annotation file, recognised by its content as the app does when one is opened: the
/// first character after whitespace and a byte order mark is `{`, or `[` followed by `{`,
/// `[`, `"` or `]` (an array of annotations). A feed file begins with `<!--`, and a
/// plain-text article beginning with a Markdown link (`[Title](url)`) stays an article.
fn looks_like_json(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut rest = bytes.iter().filter(|b| !b.is_ascii_whitespace());
    match rest.next() {
        Some(b'{') => true,
        Some(b'[') => matches!(rest.next(), None | Some(b'{' | b'[' | b'"' | b']')),
        _ => false,
    }
}

/// Whether `new` adds to the library, updates the record with its key, or changes nothing.
/// `existing` is the library's record under `new.key`, if any (one under another key is
/// treated as none).
pub fn merge_decision(existing: Option<&ArticleRecord>, new: &ArticleRecord) -> MergeDecision {
    match existing {
        Some(old) if old.key == new.key && old.hash == new.hash => MergeDecision::Unchanged,
        Some(old) if old.key == new.key => MergeDecision::Updated,
        _ => MergeDecision::Added,
    }
}
