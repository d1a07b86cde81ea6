//! Interchange: W3C Web Annotation export and import, with precise errors.
//!
//! - [`export_collection`] / [`export_all`]: annotations -> JSON-LD `AnnotationCollection`.
//! - [`import`]: pizhu exports, W3C Annotations and Hypothesis exports -> [`ImportSet`],
//!   or an [`ImportError`] that says where the file is wrong.
//! - [`plan`] / [`apply`]: what an import would change in an [`ArticleState`], and doing it.
//! - [`review`] / [`apply_review`]: an import file checked against the open article and the
//!   store (which article, key and title each group gets, and its plan), then applied, with
//!   a typed [`ReviewError`]. The only part of interchange that uses `core::store`.
//! - [`annotated_html`]: a self-contained, script-free HTML page of the annotated article.
//! - [`encode_base64url`] / [`decode_base64url`]: text of share links.
//!
//! The format is documented in `docs/interchange.md` and
//! `docs/annotation-export.schema.json`.
//!
//! [`ArticleState`]: crate::core::annotation::ArticleState

mod clean;
mod collection;
mod error;
mod escape;
mod export;
mod groups;
mod hash;
mod html;
mod html_body;
mod html_marks;
mod hypothesis;
mod ids;
mod import;
mod item;
mod labels;
mod matching;
mod node;
mod plan;
mod review;
mod selectors;
mod share;
mod stream;
mod time;

pub use clean::strip_controls;
pub use error::ImportError;
pub use escape::escape_html;
pub use export::{
    export_all, export_collection, ArticleExport, ArticleInfo, Generator, PlacedText,
    ARTICLE_URN_PREFIX, EXPORT_VERSION, PIZHU_NAMESPACE, W3C_CONTEXT,
};
pub use groups::{ImportedArticle, Skipped};
pub use hash::content_hash;
pub use html::{annotated_html, HTML_EXPORT_CSP};
pub use import::{import, import_with_labels, ImportSet, MAX_IMPORT_BYTES};
pub use item::{MAX_CONTEXT_CHARS, MAX_ID_CHARS};
pub use labels::{slug, NEW_LABEL_COLORS, UNTAGGED};
pub use matching::is_for;
pub use plan::{apply, plan, same_content, Conflict, ConflictChoice, ImportPlan};
pub use review::{
    apply_review, review, review_set, stored_size, Applied, Review, ReviewError, ReviewGroup,
};
pub use share::{decode_base64url, encode_base64url, share_fragment_prefix};
pub use stream::ImportStream;
pub use time::{format_iso, parse_iso};
