//! Export, import and sharing for the open article: W3C JSON download, copy to clipboard,
//! share link (deflate + base64url in the URL fragment, never sent to a server), Web Share,
//! and the self-contained annotated HTML. Imports are reviewed before anything is applied
//! (by `core::interchange::review`; here its errors become messages and its counts a summary).

use std::rc::Rc;

use crate::core::annotation::ArticleState;
use crate::core::article::{megabytes, Article};
use crate::core::interchange::{
    self, annotated_html, export_collection, slug, Applied, ArticleExport, ArticleInfo,
    ConflictChoice, Generator, ImportError, ImportSet, ImportStream, PlacedText, Review,
    ReviewError,
};
use crate::core::label::Label;
use crate::core::store::StorageError;
use crate::web::transfer::TransferError;
use crate::web::{dom, transfer};

use crate::ui::notice::Notice;
use yew::Callback;

use super::persist::Repo;
use super::state::AnnotState;

pub fn export_json(state: &AnnotState) -> String {
    let info = ArticleInfo::of(&state.article);
    let spans = state.bench.placed();
    export_collection(
        &open_article(&info, state, &spans),
        &state.labels,
        &Generator::pizhu(),
        dom::now_ms(),
    )
}

/// The open article, with its text, so selectors are counted over the rendered text.
fn open_article<'a>(
    info: &'a ArticleInfo,
    state: &'a AnnotState,
    spans: &'a [Option<(usize, usize)>],
) -> ArticleExport<'a> {
    ArticleExport {
        info,
        annotations: &state.bench.doc.annotations,
        text: Some(PlacedText {
            canonical: &state.article.text,
            spans,
        }),
    }
}

/// `<article-slug>.annotations.json`
pub fn export_name(article: &Article, extension: &str) -> String {
    let mut name: String = slug(&article.meta.title).chars().take(60).collect();
    if name.is_empty() {
        name = "article".into();
    }
    format!("{name}.{extension}")
}

pub fn export_html(state: &AnnotState) -> String {
    let spans: Vec<(usize, usize, usize)> = state
        .bench
        .doc
        .annotations
        .iter()
        .enumerate()
        .filter_map(|(i, a)| {
            let (start, end) = state.bench.anchored(&a.id).span()?;
            Some((i, start, end))
        })
        .collect();
    annotated_html(
        &state.article,
        &state.bench.doc.annotations,
        &spans,
        &state.labels,
    )
}

/// Read an import file and work out, per article, what it would change. Nothing is applied.
/// `open_doc` is the stored state of the open `article`. See [`interchange::review`].
pub fn review(
    bytes: &[u8],
    labels: &[Label],
    article: &Article,
    open_doc: &ArticleState,
    repo: &mut Repo,
) -> Result<Review, ExchangeError> {
    // Through `review_set`, as a large file is: one copy of the review in the wasm.
    let set = interchange::import_with_labels(bytes, labels)?;
    review_set(set, article, open_doc, repo)
}

/// [`review`] for a large file already read by [`read_large`].
pub fn review_set(
    set: ImportSet,
    article: &Article,
    open_doc: &ArticleState,
    repo: &mut Repo,
) -> Result<Review, ExchangeError> {
    Ok(interchange::review_set(
        set,
        &ArticleInfo::of(article),
        open_doc,
        repo,
    )?)
}

/// Bytes read from a large file at a time: each piece is scanned and its finished entries
/// read before the next is asked for, so no task holds the page for long.
const PIECE_BYTES: f64 = (1 << 20) as f64;

/// Reads a large annotation file (an "Export all" list) piece by piece, saying how far it
/// is; only one piece and one entry are in memory at a time besides what was read.
pub async fn read_large(
    file: &web_sys::File,
    labels: &[Label],
    notify: &Callback<Notice>,
) -> Result<ImportSet, ExchangeError> {
    let total = file.size();
    let mut stream = ImportStream::new(labels);
    let mut at = 0.0;
    while at < total {
        let end = (at + PIECE_BYTES).min(total);
        let piece = file
            .slice_with_f64_and_f64(at, end)
            .map_err(|_| ExchangeError::Unreadable)?;
        let bytes = crate::web::transfer::read_blob(&piece)
            .await
            .ok_or(ExchangeError::Unreadable)?;
        stream.push(&bytes)?;
        at = end;
        notify.emit(Notice::Info(format!(
            "Reading the annotation file: {} of {} MB. 正在读取批注文件……",
            megabytes(at as usize),
            megabytes(total as usize)
        )));
    }
    Ok(stream.finish()?)
}

/// Apply a reviewed import with the reader's choice for conflicts. Annotations for other
/// articles are stored under those articles and anchor when they are opened.
pub fn apply_review(
    review: &Review,
    choice: ConflictChoice,
    state: &AnnotState,
    repo: &mut Repo,
) -> Result<Applied, ExchangeError> {
    Ok(interchange::apply_review(
        review,
        choice,
        &state.bench.doc,
        repo,
    )?)
}

/// The summary of an applied import, in plain words.
pub fn import_summary(here: usize, elsewhere: usize) -> String {
    format!(
        "Imported {here} annotation(s) into this article and {elsewhere} for other articles \
         (they appear when those articles are opened). 已导入。"
    )
}

/// The share link: this page's URL with the export deflated and base64url-encoded in the
/// fragment, which browsers never send to a server.
pub async fn share_link(json: Rc<String>) -> Result<String, ExchangeError> {
    let packed = transfer::deflate(json.as_bytes()).await?;
    let encoded = interchange::encode_base64url(&packed);
    if encoded.len() > MAX_SHARE_LINK_CHARS {
        return Err(ExchangeError::LinkTooLong(encoded.len()));
    }
    Ok(format!(
        "{}{}{}",
        transfer::page_url(),
        interchange::share_fragment_prefix(),
        encoded
    ))
}

/// The longest share-link fragment pizhu writes or reads (characters after `#pizhu=`): below
/// Chromium's 2 MB limit on a whole URL, so every link pizhu writes opens; a longer one is
/// refused before it is decoded.
pub const MAX_SHARE_LINK_CHARS: usize = 3 * 512 * 1024;

/// The export carried by a share-link fragment, if the page was opened with one.
pub async fn from_fragment(fragment: &str) -> Option<Result<Vec<u8>, ExchangeError>> {
    let data = fragment.strip_prefix(interchange::share_fragment_prefix())?;
    if data.len() > MAX_SHARE_LINK_CHARS {
        return Some(Err(ExchangeError::LinkTooLong(data.len())));
    }
    let packed = match interchange::decode_base64url(data) {
        Ok(packed) => packed,
        Err(error) => return Some(Err(ExchangeError::Import(error))),
    };
    Some(
        transfer::inflate(&packed, interchange::MAX_IMPORT_BYTES)
            .await
            .map_err(ExchangeError::from),
    )
}

/// Every stored article's annotations in one file (an array of collections). Articles other
/// than the open one are described by what storage knows: their key (usually their URL).
pub fn export_everything(state: &AnnotState, repo: &mut Repo) -> Result<String, ExchangeError> {
    let open = ArticleInfo::of(&state.article);
    let keys = repo.list_articles()?;
    let mut infos = vec![open.clone()];
    let mut docs = vec![state.bench.doc.annotations.clone()];
    for key in keys.into_iter().filter(|k| *k != open.key) {
        let doc = repo.load_article(&key)?;
        if doc.annotations.is_empty() {
            continue;
        }
        let is_url = key.starts_with("http://") || key.starts_with("https://");
        infos.push(ArticleInfo {
            url: is_url.then(|| key.clone()),
            title: key.clone(),
            published_ms: None,
            content_hash: String::new(),
            key,
        });
        docs.push(doc.annotations);
    }
    let spans = state.bench.placed();
    let articles: Vec<ArticleExport<'_>> = infos
        .iter()
        .zip(docs.iter())
        .enumerate()
        .map(|(i, (info, doc))| match i {
            0 => open_article(info, state, &spans),
            _ => ArticleExport::stored(info, doc),
        })
        .collect();
    Ok(interchange::export_all(
        &articles,
        &state.labels,
        &Generator::pizhu(),
        dom::now_ms(),
    ))
}

/// Why an export, import or share did not happen, in words for the reader (both languages).
#[derive(Debug, thiserror::Error)]
pub enum ExchangeError {
    /// The store is opened with the first article; a click can come before that.
    #[error("Storage is not ready yet; try again. 存储尚未就绪，请重试。")]
    NotReady,
    #[error(
        "This share link is {0} characters long, more than pizhu writes or reads \
         ({max} at most): share an exported file instead. 分享链接过长，请改用导出文件。",
        max = MAX_SHARE_LINK_CHARS
    )]
    LinkTooLong(usize),
    #[error("{}", super::persist::message(.0))]
    Storage(#[from] StorageError),
    #[error("{0} 无法导入此文件。")]
    Import(#[from] ImportError),
    #[error(transparent)]
    Transfer(#[from] TransferError),
    #[error("The browser could not read this file. 浏览器无法读取此文件。")]
    Unreadable,
}

impl From<ReviewError> for ExchangeError {
    fn from(error: ReviewError) -> Self {
        match error {
            ReviewError::Import(e) => ExchangeError::Import(e),
            ReviewError::Storage(e) => ExchangeError::Storage(e),
        }
    }
}
