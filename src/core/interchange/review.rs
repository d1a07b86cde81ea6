//! Reviewing an import before anything changes, and applying it: [`review`] reads a file and
//! decides, per imported group, which article it belongs to (the open one, or the one the
//! file names), the key it is stored under, its title and its [`ImportPlan`];
//! [`apply_review`] carries out a [`Review`] with the reader's [`ConflictChoice`], storing
//! the groups for other articles under their keys and handing back the open article's new
//! state. Pure apart from the repository it is given, so it is tested natively over
//! `MemoryStore`.

use crate::core::annotation::{Annotation, ArticleState};
use crate::core::label::Label;
use crate::core::store::{AnnotationRepo, KeyValue, StorageError};

use super::error::ImportError;
use super::export::ArticleInfo;
use super::groups::Skipped;
use super::import::{import_with_labels, ImportSet};
use super::matching::is_for;
use super::plan::{apply, plan, ConflictChoice, ImportPlan};

/// What an import would do to one article, shown to the reader before it happens.
#[derive(Clone, Debug, PartialEq)]
pub struct ReviewGroup {
    /// The article key the group's annotations are stored under.
    pub key: String,
    pub title: String,
    /// True for the article open on screen.
    pub open: bool,
    pub plan: ImportPlan,
    pub new_labels: Vec<Label>,
    /// About how much the group's annotations take in storage ([`stored_size`]), so the
    /// reader sees it before anything is written.
    pub stored_bytes: usize,
}

/// What a whole import file would do, one group per article.
#[derive(Clone, Debug, PartialEq)]
pub struct Review {
    pub groups: Vec<ReviewGroup>,
    /// Entries of the file left out, each with where and why (page notes, replies,
    /// selectors pizhu cannot use).
    pub skipped: Vec<Skipped>,
    /// Values changed to fit pizhu's limits, each with where and why.
    pub adjusted: Vec<Skipped>,
}

/// The outcome of applying a review: the open article's new state (if the file had a group
/// for it), labels to add, and how many annotations were imported into the open article
/// (`here`) and stored for other articles (`elsewhere`), counting conflicting and
/// deleted-here ones only when the file's copies were taken.
#[derive(Clone, Debug, PartialEq)]
pub struct Applied {
    pub open_doc: Option<ArticleState>,
    pub new_labels: Vec<Label>,
    pub here: usize,
    pub elsewhere: usize,
}

/// Why an import could not be reviewed or applied.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ReviewError {
    /// The file could not be read.
    #[error(transparent)]
    Import(#[from] ImportError),
    /// Another article's stored annotations could not be read or written.
    #[error(transparent)]
    Storage(#[from] StorageError),
}

/// Read an import file and work out, per article, what it would change. Nothing is applied
/// and nothing is written. `open` describes the article open on screen and `open_doc` is its
/// state; the groups for other articles are planned against what `repo` stores for them.
pub fn review(
    bytes: &[u8],
    labels: &[Label],
    open: &ArticleInfo,
    open_doc: &ArticleState,
    repo: &mut AnnotationRepo<impl KeyValue>,
) -> Result<Review, ReviewError> {
    review_set(import_with_labels(bytes, labels)?, open, open_doc, repo)
}

/// As [`review`], for what a file gave when it was read already (a large file, read in
/// pieces by [`ImportStream`](super::ImportStream)).
pub fn review_set(
    set: ImportSet,
    open: &ArticleInfo,
    open_doc: &ArticleState,
    repo: &mut AnnotationRepo<impl KeyValue>,
) -> Result<Review, ReviewError> {
    let mut groups = Vec::new();
    for group in &set.groups {
        let is_open = is_for(group, open);
        let key = if is_open {
            open.key.clone()
        } else {
            group.key().to_string()
        };
        let existing = if is_open {
            open_doc.clone()
        } else {
            repo.load_article(&key)?
        };
        let mut incoming = group.annotations.clone();
        for annotation in &mut incoming {
            annotation.article = key.clone();
        }
        let plan = plan(&existing, &incoming);
        let stored_bytes = stored_size(&key, &incoming);
        groups.push(ReviewGroup {
            title: group
                .title
                .clone()
                .or_else(|| is_open.then(|| open.title.clone()))
                .unwrap_or_else(|| key.clone()),
            key,
            open: is_open,
            plan,
            new_labels: group.new_labels.clone(),
            stored_bytes,
        });
    }
    Ok(Review {
        groups,
        skipped: set.skipped,
        adjusted: set.adjusted,
    })
}

/// Apply a reviewed import with the reader's choice for conflicts. The open article's group
/// is applied to `open_doc` and returned (not stored: the caller saves it as usual);
/// annotations for other articles are stored under those articles and anchor when they are
/// opened. Groups are applied in order: on a storage error the groups before it stay stored.
pub fn apply_review(
    review: &Review,
    choice: ConflictChoice,
    open_doc: &ArticleState,
    repo: &mut AnnotationRepo<impl KeyValue>,
) -> Result<Applied, ReviewError> {
    let mut applied = Applied {
        open_doc: None,
        new_labels: Vec::new(),
        here: 0,
        elsewhere: 0,
    };
    for group in &review.groups {
        let count = group.plan.new.len()
            + group.plan.updated.len()
            + match choice {
                ConflictChoice::TakeTheirs => {
                    group.plan.conflicting.len() + group.plan.deleted_here.len()
                }
                ConflictChoice::KeepMine => 0,
            };
        for label in &group.new_labels {
            if !applied.new_labels.iter().any(|l: &Label| l.id == label.id) {
                applied.new_labels.push(label.clone());
            }
        }
        if group.open {
            applied.open_doc = Some(apply(open_doc, &group.plan, choice));
            applied.here += count;
        } else {
            let existing = repo.load_article(&group.key)?;
            let next = apply(&existing, &group.plan, choice);
            repo.save_article(&group.key, &next)?;
            applied.elsewhere += count;
        }
    }
    Ok(applied)
}

/// About how many bytes `annotations` take stored under `key`: the text of their fields plus the
/// JSON around them (keys, numbers, quotes), without encoding them (checked against the real
/// encoding in tests/interchange_limits.rs: within 10%). JSON escapes are not counted, so
/// text with many quotes or control characters takes a little more.
pub fn stored_size(key: &str, annotations: &[Annotation]) -> usize {
    /// Keys, punctuation and the four numbers of one stored annotation.
    const PER_ANNOTATION: usize = 185;
    /// The envelope around them, besides the article key.
    const ENVELOPE: usize = 60;
    ENVELOPE
        + key.len()
        + annotations
            .iter()
            .map(|a| {
                let quote = &a.target.quote;
                PER_ANNOTATION
                    + a.id.len()
                    + a.article.len()
                    + a.label.len()
                    + a.note.len()
                    + quote.exact.len()
                    + quote.prefix.len()
                    + quote.suffix.len()
            })
            .sum::<usize>()
}
