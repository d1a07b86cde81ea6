//! Collecting imported annotations into one group per article ([`ImportedArticle`]), and
//! the state every format's reader shares while reading a file: the labels seen so far, the
//! groups and the entries left out ([`Reader`], [`Skipped`]).

use crate::core::annotation::Annotation;
use crate::core::label::Label;

use super::clean::{one_line, web_url};
use super::export::ARTICLE_URN_PREFIX;
use super::labels::LabelBook;

/// The annotations of one article found in an imported file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportedArticle {
    /// The article's URL, if the file names one that passes the URL check.
    pub url: Option<String>,
    /// pizhu's article key, if the file gives one.
    pub key_hint: Option<String>,
    pub title: Option<String>,
    /// `sha256:<hex>` of the text the annotations were made on, if the file gives it.
    pub content_hash: Option<String>,
    /// Each with `article` set to this group's key: `key_hint`, else `url`, else `""`
    /// (the file does not say which article: the caller decides, e.g. the open one).
    pub annotations: Vec<Annotation>,
    /// Labels these annotations use that the reader does not know yet.
    pub new_labels: Vec<Label>,
}

impl ImportedArticle {
    /// The store key the annotations were given.
    pub fn key(&self) -> &str {
        self.key_hint
            .as_deref()
            .or(self.url.as_deref())
            .unwrap_or("")
    }
}

/// Where the annotations of a file (or of one item) belong.
#[derive(Clone, Debug, Default)]
pub(crate) struct Place {
    pub url: Option<String>,
    pub key_hint: Option<String>,
    pub title: Option<String>,
    pub content_hash: Option<String>,
}

impl Place {
    /// The place named by a target `source` (or Hypothesis `uri`): a checked http(s) URL,
    /// or pizhu's `urn:pizhu:article:<key>`; anything else names no place.
    pub fn from_source(raw: &str) -> Place {
        let key = raw
            .trim()
            .strip_prefix(ARTICLE_URN_PREFIX)
            .map(one_line)
            .filter(|k| !k.is_empty());
        Place {
            url: web_url(raw),
            key_hint: key,
            ..Place::default()
        }
    }

    fn key(&self) -> &str {
        self.key_hint
            .as_deref()
            .or(self.url.as_deref())
            .unwrap_or("")
    }
}

/// Groups in order of first appearance.
#[derive(Default)]
pub(crate) struct Groups {
    list: Vec<ImportedArticle>,
}

impl Groups {
    /// Adds `annotation` to the group of `place`, setting its `article` to the group key.
    pub fn add(&mut self, place: &Place, mut annotation: Annotation) {
        let key = place.key();
        annotation.article = key.to_owned();
        if let Some(group) = self.list.iter_mut().find(|g| g.key() == key) {
            if group.title.is_none() {
                group.title.clone_from(&place.title);
            }
            if group.content_hash.is_none() {
                group.content_hash.clone_from(&place.content_hash);
            }
            group.annotations.push(annotation);
            return;
        }
        self.list.push(ImportedArticle {
            url: place.url.clone(),
            key_hint: place.key_hint.clone(),
            title: place.title.clone(),
            content_hash: place.content_hash.clone(),
            annotations: vec![annotation],
            new_labels: Vec::new(),
        });
    }

    /// The groups, each with the new labels its annotations use.
    pub fn finish(self, book: &LabelBook) -> Vec<ImportedArticle> {
        let mut list = self.list;
        for group in &mut list {
            group.new_labels = book.new_labels(group.annotations.iter().map(|a| a.label.as_str()));
        }
        list
    }
}

/// An entry of the file that was left out, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    pub path: String,
    pub reason: String,
}

/// State shared by the readers of the different formats.
pub(crate) struct Reader {
    pub book: LabelBook,
    pub groups: Groups,
    pub skipped: Vec<Skipped>,
    /// Values changed to fit pizhu's limits (see `ImportSet::adjusted`).
    pub adjusted: Vec<Skipped>,
}
