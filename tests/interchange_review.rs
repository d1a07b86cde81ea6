//! The import review over a `MemoryStore`: which article each imported group goes to, what
//! it would change, applying it with either conflict choice, labels, and typed errors.
#![cfg(not(target_arch = "wasm32"))]

mod interchange_common;

use interchange_common::*;
use pizhu::core::annotation::{Annotation, ArticleState, Tombstone};
use pizhu::core::article::Article;
use pizhu::core::interchange::{
    apply_review, content_hash, export_all, review, ArticleExport, ArticleInfo, ConflictChoice,
    Generator, ImportError, ReviewError,
};
use pizhu::core::label::default_labels;
use pizhu::core::store::keys::article_key;
use pizhu::core::store::{AnnotationRepo, KeyValue, MemoryStore, StorageError};

const OTHER: &str = "https://example.org/news/other";

fn repo() -> AnnotationRepo<MemoryStore> {
    AnnotationRepo::new(MemoryStore::new(), || NOW)
}

fn other_info() -> ArticleInfo {
    ArticleInfo {
        key: OTHER.to_owned(),
        url: Some(OTHER.to_owned()),
        title: "另一篇文章".to_owned(),
        published_ms: None,
        content_hash: content_hash("another article's text"),
    }
}

/// An annotation as stored for the article `key`.
fn stored(mut annotation: Annotation, key: &str, modified: i64, note: &str) -> Annotation {
    annotation.article = key.to_owned();
    annotation.modified = modified;
    annotation.note = note.to_owned();
    annotation
}

/// One file with a collection for the open article and one for `OTHER`.
fn two_articles(article: &Article, here: &[Annotation], there: &[Annotation]) -> String {
    let (open, other) = (info(article), other_info());
    export_all(
        &[
            ArticleExport::stored(&open, here),
            ArticleExport::stored(&other, there),
        ],
        &labels(),
        &Generator::pizhu(),
        NOW,
    )
}

fn note_of<'a>(state: &'a ArticleState, id: &str) -> Option<&'a str> {
    state.get(id).map(|a| a.note.as_str())
}

#[test]
fn article_info_of_an_article_is_what_exports_say() {
    let article = article();
    assert_eq!(ArticleInfo::of(&article), info(&article));
}

/// The open article holds copies of the file's first three annotations: one the same, one
/// older (the file's copy updates it), one newer (a conflict); the file adds a fourth, and a
/// fifth that was deleted here.
fn open_article_case() -> (Article, Vec<u8>, ArticleState) {
    let article = article();
    let mut file = sample(&article);
    file.push(on(&article, &uuid(4), "fact", "", 0, 2));
    file.push(on(&article, &uuid(5), "quote", "deleted here", 3, 5));
    let json = export(&article, &file);
    let open_doc = ArticleState {
        annotations: vec![
            file[0].clone(),
            stored(file[1].clone(), URL, NOW - 1_000, "older note"),
            stored(file[2].clone(), URL, NOW + 1_000, "my newer note"),
        ],
        tombstones: vec![Tombstone {
            id: uuid(5),
            deleted: NOW + 5_000,
        }],
    }
    .normalized();
    (article, json.into_bytes(), open_doc)
}

#[test]
fn import_for_the_open_article_is_planned_against_its_state() {
    let (article, bytes, open_doc) = open_article_case();
    let mut repo = repo();
    let found =
        review(&bytes, &labels(), &info(&article), &open_doc, &mut repo).expect("the file reviews");
    assert!(found.skipped.is_empty());
    assert_eq!(found.groups.len(), 1);
    let group = &found.groups[0];
    assert!(group.open);
    assert_eq!(group.key, URL);
    assert_eq!(group.title, article.meta.title);
    assert!(group.new_labels.is_empty());
    let plan = &group.plan;
    let ids = |list: &[Annotation]| list.iter().map(|a| a.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&plan.new), vec![uuid(4)]);
    assert_eq!(ids(&plan.updated), vec![uuid(2)]);
    assert_eq!(ids(&plan.unchanged), vec![uuid(1)]);
    assert_eq!(plan.conflicting.len(), 1);
    assert_eq!(plan.conflicting[0].mine.note, "my newer note");
    assert_eq!(ids(&plan.deleted_here), vec![uuid(5)]);
    assert!(
        repo.backend().is_empty(),
        "reviewing writes nothing and reads no other article"
    );
}

#[test]
fn keep_mine_takes_new_and_updated_only() {
    let (article, bytes, open_doc) = open_article_case();
    let mut repo = repo();
    let found = review(&bytes, &labels(), &info(&article), &open_doc, &mut repo).expect("reviews");
    let applied =
        apply_review(&found, ConflictChoice::KeepMine, &open_doc, &mut repo).expect("applies");
    assert_eq!((applied.here, applied.elsewhere), (2, 0));
    assert!(applied.new_labels.is_empty());
    let doc = applied.open_doc.expect("the open article changed");
    assert_eq!(note_of(&doc, &uuid(2)), Some(""), "the file's newer copy");
    assert_eq!(note_of(&doc, &uuid(3)), Some("my newer note"), "mine kept");
    assert!(doc.get(&uuid(4)).is_some());
    assert!(doc.get(&uuid(5)).is_none(), "the deletion is kept");
    assert!(doc.tombstones.iter().any(|t| t.id == uuid(5)));
    assert!(
        repo.backend().is_empty(),
        "the open article is handed back, not stored"
    );
}

#[test]
fn take_theirs_also_takes_conflicts_and_deleted_ones() {
    let (article, bytes, open_doc) = open_article_case();
    let mut repo = repo();
    let found = review(&bytes, &labels(), &info(&article), &open_doc, &mut repo).expect("reviews");
    let applied =
        apply_review(&found, ConflictChoice::TakeTheirs, &open_doc, &mut repo).expect("applies");
    assert_eq!((applied.here, applied.elsewhere), (4, 0));
    let doc = applied.open_doc.expect("the open article changed");
    let theirs = sample(&article);
    assert_eq!(note_of(&doc, &uuid(3)), Some(theirs[2].note.as_str()));
    assert_eq!(note_of(&doc, &uuid(5)), Some("deleted here"), "re-added");
    assert!(doc.tombstones.is_empty());
    assert_eq!(doc.annotations.len(), 5);
}

#[test]
fn import_for_another_stored_article_is_saved_under_its_key() {
    let article = article();
    let there = vec![
        on(&article, &uuid(10), "fact", "from the file", 0, 2),
        on(&article, &uuid(11), "opinion", "", 3, 5),
    ];
    let mut repo = repo();
    let before = ArticleState {
        annotations: vec![stored(
            there[0].clone(),
            OTHER,
            NOW - 1_000,
            "stored before",
        )],
        tombstones: Vec::new(),
    };
    repo.save_article(OTHER, &before).expect("stores");
    let json = two_articles(&article, &[], &there);
    let open_doc = ArticleState::new();
    let found = review(
        json.as_bytes(),
        &labels(),
        &info(&article),
        &open_doc,
        &mut repo,
    )
    .expect("reviews");
    assert_eq!(found.groups.len(), 1, "an empty collection gives no group");
    let group = &found.groups[0];
    assert!(!group.open);
    assert_eq!(group.key, OTHER);
    assert_eq!(group.title, "另一篇文章");
    assert_eq!(group.plan.new.len(), 1);
    assert_eq!(group.plan.updated.len(), 1);
    assert!(group.plan.new.iter().all(|a| a.article == OTHER));
    assert_eq!(
        repo.load_article(OTHER).expect("loads"),
        before.clone().normalized(),
        "reviewing changes nothing stored"
    );

    let applied =
        apply_review(&found, ConflictChoice::KeepMine, &open_doc, &mut repo).expect("applies");
    assert_eq!((applied.here, applied.elsewhere), (0, 2));
    assert_eq!(applied.open_doc, None);
    let after = repo.load_article(OTHER).expect("loads");
    assert_eq!(note_of(&after, &uuid(10)), Some("from the file"));
    assert!(after.get(&uuid(11)).is_some());
    assert!(after.annotations.iter().all(|a| a.article == OTHER));
    assert!(repo
        .backend()
        .get(&article_key(OTHER))
        .expect("readable")
        .is_some());
    assert!(
        repo.backend()
            .get(&article_key(URL))
            .expect("readable")
            .is_none(),
        "the open article is not stored by the import"
    );
}

#[test]
fn new_labels_are_listed_once_across_groups() {
    let article = article();
    let here = vec![on(&article, &uuid(20), "needs-check", "", 0, 2)];
    let there = vec![on(&article, &uuid(21), "needs-check", "", 3, 5)];
    let json = two_articles(&article, &here, &there);
    let mut repo = repo();
    let open_doc = ArticleState::new();
    let found = review(
        json.as_bytes(),
        &default_labels(),
        &info(&article),
        &open_doc,
        &mut repo,
    )
    .expect("reviews");
    assert_eq!(found.groups.len(), 2);
    for group in &found.groups {
        assert_eq!(group.new_labels, vec![custom_label()], "{}", group.key);
    }
    let applied =
        apply_review(&found, ConflictChoice::KeepMine, &open_doc, &mut repo).expect("applies");
    assert_eq!(applied.new_labels, vec![custom_label()]);
    assert_eq!((applied.here, applied.elsewhere), (1, 1));

    // Labels the reader already has are not new.
    let found = review(
        json.as_bytes(),
        &labels(),
        &info(&article),
        &open_doc,
        &mut repo,
    )
    .expect("reviews");
    assert!(found.groups.iter().all(|g| g.new_labels.is_empty()));
}

#[test]
fn storage_faults_are_storage_errors() {
    let article = article();
    let there = vec![on(&article, &uuid(30), "fact", "", 0, 2)];
    let json = two_articles(&article, &[], &there);
    let open_doc = ArticleState::new();

    let mut blocked = repo();
    blocked.backend_mut().set_blocked(true);
    assert_eq!(
        review(
            json.as_bytes(),
            &labels(),
            &info(&article),
            &open_doc,
            &mut blocked
        ),
        Err(ReviewError::Storage(StorageError::Unavailable))
    );

    let mut full = repo();
    let found = review(
        json.as_bytes(),
        &labels(),
        &info(&article),
        &open_doc,
        &mut full,
    )
    .expect("reviews");
    full.backend_mut().set_quota(Some(0));
    assert_eq!(
        apply_review(&found, ConflictChoice::KeepMine, &open_doc, &mut full),
        Err(ReviewError::Storage(StorageError::QuotaExceeded))
    );
    assert!(full.backend().is_empty(), "nothing was written");
}

#[test]
fn broken_files_are_import_errors() {
    let article = article();
    let open_doc = ArticleState::new();
    let mut repo = repo();
    let result = review(
        b"{\"type\": \"AnnotationCollection\",",
        &labels(),
        &info(&article),
        &open_doc,
        &mut repo,
    );
    let Err(ReviewError::Import(error)) = result else {
        panic!("expected an import error, got {result:?}");
    };
    assert!(matches!(error, ImportError::NotJson { .. }), "{error:?}");
    assert_eq!(
        ReviewError::Import(error.clone()).to_string(),
        error.to_string(),
        "the reader sees the import error's own words"
    );
    assert_eq!(
        review(b"  \n", &labels(), &info(&article), &open_doc, &mut repo),
        Err(ReviewError::Import(ImportError::Empty))
    );
}
