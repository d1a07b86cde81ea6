//! Fault-injection tests for `AnnotationRepo` over `MemoryStore`: quota,
//! corrupt values, blocked storage, migrations, future versions, labels and
//! the last article.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::*;
use pizhu::core::annotation::ArticleState;
use pizhu::core::label::{default_labels, Underline};
use pizhu::core::store::keys::{article_key, LABELS_KEY, LAST_ARTICLE_KEY};
use pizhu::core::store::StorageError;

const KEY: &str = "pizhu:v1:article:art";

#[test]
fn quota_exceeded_on_save_keeps_state_and_stored_value() {
    let store = shared();
    let mut repo = tab(&store);
    let first = state(vec![ann("a", 5)]);
    repo.save_article("art", &first).unwrap();
    let before = raw(&store, KEY).unwrap();
    let used = store.borrow().used_bytes();
    store.borrow_mut().set_quota(Some(used + 10));

    let mut big = first.clone();
    big.upsert(ann_in("art", "b", 6, &"x".repeat(1000)));
    let snapshot = big.clone();
    assert_eq!(
        repo.save_article("art", &big),
        Err(StorageError::QuotaExceeded)
    );
    assert_eq!(big, snapshot, "in-memory state untouched");
    assert_eq!(raw(&store, KEY).unwrap(), before, "stored value untouched");
    assert_eq!(repo.load_article("art").unwrap(), first);

    store.borrow_mut().set_quota(None);
    repo.save_article("art", &big).unwrap();
    assert_eq!(repo.load_article("art").unwrap(), big);
}

#[test]
fn quota_exceeded_on_last_article_keeps_previous() {
    let store = shared();
    let mut repo = tab(&store);
    repo.save_last_article("old text").unwrap();
    store.borrow_mut().set_quota(Some(100));
    assert_eq!(
        repo.save_last_article(&"新闻".repeat(100)),
        Err(StorageError::QuotaExceeded)
    );
    assert_eq!(
        repo.load_last_article().unwrap().as_deref(),
        Some("old text")
    );
}

#[test]
fn corrupt_value_is_backed_up_reported_and_never_overwritten() {
    let store = shared();
    let mut repo = tab(&store);
    let garbage = "{\"version\":1,\"article\":\"art\",\"annotations\":[{";
    put(&store, KEY, garbage);

    let err = repo.load_article("art").unwrap_err();
    assert!(
        matches!(&err, StorageError::Corrupt { key, .. } if key == KEY),
        "{err:?}"
    );
    let backups = repo.backups_of(KEY).unwrap();
    assert_eq!(backups, vec![format!("pizhu:backup:{KEY}:1700000000000")]);
    assert_eq!(raw(&store, &backups[0]).as_deref(), Some(garbage));
    assert_eq!(raw(&store, KEY).as_deref(), Some(garbage));

    // A later save is refused; neither the original nor the backup changes.
    let mine = state(vec![ann("a", 5)]);
    assert!(matches!(
        repo.save_article("art", &mine),
        Err(StorageError::Corrupt { .. })
    ));
    assert_eq!(raw(&store, KEY).as_deref(), Some(garbage));
    assert_eq!(
        repo.backups_of(KEY).unwrap(),
        backups,
        "no duplicate backup"
    );
    assert_eq!(raw(&store, &backups[0]).as_deref(), Some(garbage));

    // The user chooses to discard: the backup stays, saving works again.
    assert_eq!(
        repo.discard_corrupt("art").unwrap(),
        Some(backups[0].clone())
    );
    assert_eq!(raw(&store, KEY), None);
    repo.save_article("art", &mine).unwrap();
    assert_eq!(repo.load_article("art").unwrap(), mine);
    assert_eq!(raw(&store, &backups[0]).as_deref(), Some(garbage));
    assert_eq!(repo.discard_corrupt("art").unwrap(), None, "readable: kept");
}

#[test]
fn corrupt_shapes_are_all_detected() {
    let store = shared();
    let mut repo = tab(&store);
    for bad in [
        "not json",
        "42",
        "{}",
        "{\"version\":\"1\"}",
        "{\"version\":1,\"article\":\"other\",\"annotations\":[]}",
        "{\"version\":1,\"article\":\"art\",\"annotations\":[{\"id\":1}]}",
        "[{\"id\":\"a\"}]",
    ] {
        put(&store, KEY, bad);
        assert!(
            matches!(repo.load_article("art"), Err(StorageError::Corrupt { .. })),
            "{bad}"
        );
        assert_eq!(raw(&store, KEY).as_deref(), Some(bad));
    }
    assert_eq!(repo.backups_of(KEY).unwrap().len(), 7, "one backup each");
}

#[test]
fn backup_without_room_still_refuses_to_overwrite() {
    let store = shared();
    let mut repo = tab(&store);
    put(&store, KEY, "garbage");
    let used = store.borrow().used_bytes();
    store.borrow_mut().set_quota(Some(used));
    let err = repo.load_article("art").unwrap_err();
    assert!(
        matches!(&err, StorageError::Corrupt { reason, .. } if reason.contains("quota")),
        "{err:?}"
    );
    assert!(repo.save_article("art", &state(vec![ann("a", 1)])).is_err());
    assert_eq!(raw(&store, KEY).as_deref(), Some("garbage"));
    assert_eq!(
        repo.discard_corrupt("art"),
        Err(StorageError::QuotaExceeded),
        "not removed without a backup"
    );
    assert_eq!(raw(&store, KEY).as_deref(), Some("garbage"));
}

#[test]
fn blocked_storage_is_unavailable_everywhere() {
    let store = shared();
    let mut repo = tab(&store);
    repo.save_article("art", &state(vec![ann("a", 1)])).unwrap();
    store.borrow_mut().set_blocked(true);
    let u = Err(StorageError::Unavailable);
    let s = state(vec![ann("b", 2)]);
    assert_eq!(repo.load_article("art"), u.clone());
    assert_eq!(repo.save_article("art", &s), Err(StorageError::Unavailable));
    assert_eq!(repo.save_article_merged("art", &s), u.clone());
    assert_eq!(repo.discard_corrupt("art"), Err(StorageError::Unavailable));
    assert_eq!(repo.list_articles(), Err(StorageError::Unavailable));
    assert_eq!(repo.backups_of(KEY), Err(StorageError::Unavailable));
    assert_eq!(repo.load_labels(), Err(StorageError::Unavailable));
    assert_eq!(
        repo.save_labels(&default_labels()),
        Err(StorageError::Unavailable)
    );
    assert_eq!(
        repo.discard_corrupt_labels(),
        Err(StorageError::Unavailable)
    );
    assert_eq!(repo.load_last_article(), Err(StorageError::Unavailable));
    assert_eq!(repo.save_last_article("t"), Err(StorageError::Unavailable));
    assert_eq!(repo.clear_last_article(), Err(StorageError::Unavailable));
    // The storage-event path only reads its argument, so it still works.
    assert!(repo.on_external_change("art", None, &s).is_ok());
    store.borrow_mut().set_blocked(false);
    assert_eq!(ids(&repo.load_article("art").unwrap()), vec!["a"]);
}

#[test]
fn version_0_bare_array_is_migrated() {
    let store = shared();
    let mut repo = tab(&store);
    let legacy = vec![ann("b", 3), ann("a", 2), ann("a", 1)];
    put(&store, KEY, &serde_json::to_string(&legacy).unwrap());

    let loaded = repo.load_article("art").unwrap();
    assert_eq!(loaded.annotations, vec![ann("a", 2), ann("b", 3)]);
    assert!(loaded.tombstones.is_empty());
    assert_eq!(
        raw(&store, KEY).unwrap(),
        serde_json::to_string(&legacy).unwrap(),
        "loading does not write"
    );

    repo.save_article("art", &loaded).unwrap();
    let upgraded: serde_json::Value = serde_json::from_str(&raw(&store, KEY).unwrap()).unwrap();
    assert_eq!(upgraded["version"], 1);
    assert_eq!(upgraded["article"], "art");
    assert_eq!(upgraded["annotations"].as_array().unwrap().len(), 2);
    assert_eq!(upgraded["tombstones"], serde_json::json!([]));
    assert_eq!(repo.load_article("art").unwrap(), loaded);
}

#[test]
fn v1_without_tombstones_and_missing_note_are_accepted() {
    let store = shared();
    let mut repo = tab(&store);
    let value = r#"{"version":1,"article":"art","annotations":[{"id":"a","article":"art",
        "label":"fact","created":1,"modified":2,"target":{"quote":{"exact":"e","prefix":"",
        "suffix":""},"position":{"start":0,"end":1}}}]}"#;
    put(&store, KEY, value);
    let loaded = repo.load_article("art").unwrap();
    assert_eq!(loaded.annotations[0].note, "");
}

#[test]
fn future_version_is_reported_and_kept_untouched() {
    let store = shared();
    let mut repo = tab(&store);
    let future = r#"{"version":2,"article":"art","items":{"new":"shape"}}"#;
    put(&store, KEY, future);
    let expected = Err(StorageError::UnsupportedVersion {
        key: KEY.to_owned(),
        found: 2,
    });
    assert_eq!(repo.load_article("art"), expected.clone());
    let mine = state(vec![ann("a", 1)]);
    assert_eq!(
        repo.save_article("art", &mine),
        Err(StorageError::UnsupportedVersion {
            key: KEY.to_owned(),
            found: 2,
        })
    );
    assert_eq!(
        repo.on_external_change("art", Some(future), &mine),
        expected
    );
    assert_eq!(raw(&store, KEY).as_deref(), Some(future));
    assert!(
        repo.backups_of(KEY).unwrap().is_empty(),
        "not corrupt: no backup"
    );

    // A future value that happens to look like v1 is still not downgraded.
    let lookalike = r#"{"version":7,"article":"art","annotations":[]}"#;
    put(&store, KEY, lookalike);
    assert!(matches!(
        repo.save_article("art", &mine),
        Err(StorageError::UnsupportedVersion { found: 7, .. })
    ));
    assert_eq!(raw(&store, KEY).as_deref(), Some(lookalike));
}

#[test]
fn labels_default_when_missing_and_round_trip() {
    let store = shared();
    let mut repo = tab(&store);
    let labels = repo.load_labels().unwrap();
    assert_eq!(labels, default_labels());
    assert_eq!(raw(&store, LABELS_KEY), None, "defaults are not written");
    let order: Vec<_> = labels.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(
        order,
        [
            "policy",
            "fact",
            "quote",
            "commitment",
            "statistic",
            "opinion"
        ]
    );
    assert_eq!(labels[0].name_zh, "政策表态");
    assert_eq!(labels[3].name_en, "Commitment or prediction");

    let mut custom = default_labels();
    custom[5].color = "#123456".into();
    custom[5].underline = Underline::Dotted;
    repo.save_labels(&custom).unwrap();
    assert_eq!(repo.load_labels().unwrap(), custom);
    let stored: serde_json::Value =
        serde_json::from_str(&raw(&store, LABELS_KEY).unwrap()).unwrap();
    assert_eq!(stored["version"], 1);
    assert_eq!(stored["labels"][5]["underline"], "dotted");

    let mut invalid = custom.clone();
    invalid[1].id = "policy".into();
    assert!(matches!(
        repo.save_labels(&invalid),
        Err(StorageError::Invalid(_))
    ));
    assert_eq!(repo.load_labels().unwrap(), custom);
}

#[test]
fn corrupt_labels_are_backed_up_and_kept() {
    let store = shared();
    let mut repo = tab(&store);
    put(
        &store,
        LABELS_KEY,
        "{\"version\":1,\"labels\":[{\"id\":\"x\"}]}",
    );
    assert!(matches!(
        repo.load_labels(),
        Err(StorageError::Corrupt { .. })
    ));
    assert_eq!(repo.backups_of(LABELS_KEY).unwrap().len(), 1);
    assert!(repo.save_labels(&default_labels()).is_err());
    assert!(repo.discard_corrupt_labels().unwrap().is_some());
    assert_eq!(repo.load_labels().unwrap(), default_labels());
    repo.save_labels(&default_labels()).unwrap();
}

#[test]
fn last_article_round_trip() {
    let store = shared();
    let mut repo = tab(&store);
    assert_eq!(repo.load_last_article().unwrap(), None);
    repo.save_last_article("<rss>…</rss>").unwrap();
    assert_eq!(
        raw(&store, LAST_ARTICLE_KEY).as_deref(),
        Some("<rss>…</rss>")
    );
    assert_eq!(
        repo.load_last_article().unwrap().as_deref(),
        Some("<rss>…</rss>")
    );
    repo.clear_last_article().unwrap();
    assert_eq!(repo.load_last_article().unwrap(), None);
}

#[test]
fn empty_save_writes_nothing_and_articles_are_listed() {
    let store = shared();
    let mut repo = tab(&store);
    repo.save_article("empty", &ArticleState::new()).unwrap();
    assert_eq!(raw(&store, &article_key("empty")), None);
    repo.save_article("b:1", &state(vec![ann_in("b:1", "x", 1, "")]))
        .unwrap();
    repo.save_article("a", &state(vec![ann_in("a", "y", 1, "")]))
        .unwrap();
    assert_eq!(repo.list_articles().unwrap(), vec!["a", "b:1"]);
}
