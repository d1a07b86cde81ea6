//! Export, import and sharing for the open article: W3C JSON download, copy to clipboard,
//! share link (deflate + base64url in the URL fragment, never sent to a server), Web Share,
//! and the self-contained annotated HTML. Imports are reviewed before anything is applied.

use std::rc::Rc;

use crate::core::annotation::ArticleState;
use crate::core::article::Article;
use crate::core::interchange::{
    self, annotated_html, apply, content_hash, export_collection, is_for, plan, slug, ArticleInfo,
    ConflictChoice, Generator, ImportPlan,
};
use crate::core::label::Label;
use crate::web::{dom, transfer};

use super::persist::Repo;
use super::state::AnnotState;

/// What an import would do to one article, shown to the reader before it happens.
#[derive(Clone, Debug, PartialEq)]
pub struct ReviewGroup {
    pub key: String,
    pub title: String,
    /// True for the article open on screen.
    pub open: bool,
    pub plan: ImportPlan,
    pub new_labels: Vec<Label>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Review {
    pub groups: Vec<ReviewGroup>,
    /// Entries the file had that carry nothing to import (page notes, replies).
    pub skipped: usize,
}

pub fn article_info(article: &Article) -> ArticleInfo {
    ArticleInfo {
        key: article.storage_key(),
        url: article.meta.url.clone(),
        title: article.meta.title.clone(),
        published_ms: article.meta.published_ms,
        content_hash: content_hash(&article.text),
    }
}

pub fn export_json(state: &AnnotState) -> String {
    export_collection(
        &article_info(&state.article),
        &state.bench.doc.annotations,
        &state.labels,
        &Generator::pizhu(),
        dom::now_ms(),
    )
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
/// `open_doc` is the stored state of the open `article`.
pub fn review(
    bytes: &[u8],
    labels: &[Label],
    article: &Article,
    open_doc: &ArticleState,
    repo: &mut Repo,
) -> Result<Review, String> {
    let set = interchange::import_with_labels(bytes, labels).map_err(|e| e.to_string())?;
    let info = article_info(article);
    let mut groups = Vec::new();
    for group in &set.groups {
        let open = is_for(group, &info);
        let key = if open {
            info.key.clone()
        } else {
            group.key().to_string()
        };
        let existing = if open {
            open_doc.clone()
        } else {
            repo.load_article(&key)
                .map_err(|e| super::persist::message(&e))?
        };
        let mut incoming = group.annotations.clone();
        for annotation in &mut incoming {
            annotation.article = key.clone();
        }
        groups.push(ReviewGroup {
            title: group
                .title
                .clone()
                .or_else(|| open.then(|| info.title.clone()))
                .unwrap_or_else(|| key.clone()),
            key,
            open,
            plan: plan(&existing, &incoming),
            new_labels: group.new_labels.clone(),
        });
    }
    Ok(Review {
        groups,
        skipped: set.skipped.len(),
    })
}

/// The outcome of applying a review: the open article's new state (if it changed), labels
/// to add, and a summary in plain words.
pub struct Applied {
    pub open_doc: Option<ArticleState>,
    pub new_labels: Vec<Label>,
    pub summary: String,
}

/// Apply a reviewed import with the reader's choice for conflicts. Annotations for other
/// articles are stored under those articles and anchor when they are opened.
pub fn apply_review(
    review: &Review,
    choice: ConflictChoice,
    state: &AnnotState,
    repo: &mut Repo,
) -> Result<Applied, String> {
    let mut applied = Applied {
        open_doc: None,
        new_labels: Vec::new(),
        summary: String::new(),
    };
    let mut here = 0;
    let mut elsewhere = 0;
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
            applied.open_doc = Some(apply(&state.bench.doc, &group.plan, choice));
            here += count;
        } else {
            let existing = repo
                .load_article(&group.key)
                .map_err(|e| super::persist::message(&e))?;
            let next = apply(&existing, &group.plan, choice);
            repo.save_article(&group.key, &next)
                .map_err(|e| super::persist::message(&e))?;
            elsewhere += count;
        }
    }
    applied.summary = format!(
        "Imported {here} annotation(s) into this article and {elsewhere} for other articles \
         (they appear when those articles are opened). 已导入。"
    );
    Ok(applied)
}

/// The share link: this page's URL with the export deflated and base64url-encoded in the
/// fragment, which browsers never send to a server.
pub async fn share_link(json: Rc<String>) -> Result<String, String> {
    let packed = transfer::deflate(json.as_bytes()).await?;
    Ok(format!(
        "{}{}{}",
        transfer::page_url(),
        interchange::share_fragment_prefix(),
        interchange::encode_base64url(&packed)
    ))
}

/// The export carried by a share-link fragment, if the page was opened with one.
pub async fn from_fragment(fragment: &str) -> Option<Result<Vec<u8>, String>> {
    let data = fragment.strip_prefix(interchange::share_fragment_prefix())?;
    let packed = match interchange::decode_base64url(data) {
        Ok(packed) => packed,
        Err(error) => return Some(Err(error.to_string())),
    };
    Some(
        transfer::inflate(&packed)
            .await
            .map_err(|e| format!("This share link is damaged and cannot be read ({e}).")),
    )
}

/// Every stored article's annotations in one file (an array of collections). Articles other
/// than the open one are described by what storage knows: their key (usually their URL).
pub fn export_everything(state: &AnnotState, repo: &mut Repo) -> Result<String, String> {
    let open = article_info(&state.article);
    let keys = repo
        .list_articles()
        .map_err(|e| super::persist::message(&e))?;
    let mut infos = vec![open.clone()];
    let mut docs = vec![state.bench.doc.annotations.clone()];
    for key in keys.into_iter().filter(|k| *k != open.key) {
        let doc = repo
            .load_article(&key)
            .map_err(|e| super::persist::message(&e))?;
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
    let pairs: Vec<(&ArticleInfo, &[crate::core::annotation::Annotation])> = infos
        .iter()
        .zip(docs.iter())
        .map(|(info, doc)| (info, doc.as_slice()))
        .collect();
    Ok(interchange::export_all(
        &pairs,
        &state.labels,
        &Generator::pizhu(),
        dom::now_ms(),
    ))
}
