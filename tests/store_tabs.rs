//! Two "tabs" (two repos over one shared store) editing the same article:
//! no annotation is lost, deletions propagate via tombstones, and edits
//! after a deletion resurrect.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::*;

const KEY: &str = "pizhu:v1:article:art";

#[test]
fn concurrent_edits_in_two_tabs_lose_nothing() {
    let store = shared();
    let (mut tab_a, mut tab_b) = (tab(&store), tab(&store));
    tab_a
        .save_article("art", &state(vec![ann("base", 1)]))
        .unwrap();

    let mut in_a = tab_a.load_article("art").unwrap();
    let mut in_b = tab_b.load_article("art").unwrap();
    in_a.upsert(ann("from-a", 10));
    in_b.upsert(ann("from-b", 11));
    in_b.upsert(ann_in("art", "base", 12, "edited in b"));

    // Both save from stale snapshots; the second save must not drop the first.
    tab_a.save_article("art", &in_a).unwrap();
    let merged_b = tab_b.save_article_merged("art", &in_b).unwrap();
    assert_eq!(ids(&merged_b), vec!["base", "from-a", "from-b"]);
    assert_eq!(merged_b.get("base").unwrap().note, "edited in b");

    // Tab A hears the storage event and converges on the same state.
    let event = raw(&store, KEY);
    let in_a = tab_a
        .on_external_change("art", event.as_deref(), &in_a)
        .unwrap();
    assert_eq!(in_a, merged_b);
    assert_eq!(tab_a.load_article("art").unwrap(), merged_b);
}

#[test]
fn unsaved_local_changes_survive_an_external_change() {
    let store = shared();
    let (mut tab_a, mut tab_b) = (tab(&store), tab(&store));
    let mut in_a = state(vec![ann("a", 1)]); // never saved
    tab_b
        .save_article("art", &state(vec![ann("b", 2)]))
        .unwrap();
    in_a = tab_a
        .on_external_change("art", raw(&store, KEY).as_deref(), &in_a)
        .unwrap();
    assert_eq!(ids(&in_a), vec!["a", "b"]);
    // Removal of the key (e.g. another tab discarded it) deletes nothing.
    let kept = tab_a.on_external_change("art", None, &in_a).unwrap();
    assert_eq!(kept, in_a);
}

#[test]
fn tombstones_propagate_and_stale_tabs_do_not_resurrect() {
    let store = shared();
    let (mut tab_a, mut tab_b) = (tab(&store), tab(&store));
    tab_a
        .save_article("art", &state(vec![ann("x", 5), ann("y", 5)]))
        .unwrap();
    let mut in_a = tab_a.load_article("art").unwrap();
    let in_b = tab_b.load_article("art").unwrap();

    in_a.delete("x", 20);
    assert_eq!(ids(&in_a), vec!["y"]);
    tab_a.save_article("art", &in_a).unwrap();

    // Tab B still holds the old x and saves: x stays deleted.
    let merged = tab_b.save_article_merged("art", &in_b).unwrap();
    assert_eq!(ids(&merged), vec!["y"]);
    assert_eq!(merged.tombstones.len(), 1);
    assert_eq!(merged.tombstones[0].id, "x");
    let in_b = tab_b
        .on_external_change("art", raw(&store, KEY).as_deref(), &in_b)
        .unwrap();
    assert_eq!(ids(&in_b), vec!["y"]);
}

#[test]
fn edit_after_deletion_resurrects() {
    let store = shared();
    let (mut tab_a, mut tab_b) = (tab(&store), tab(&store));
    tab_a
        .save_article("art", &state(vec![ann("x", 5)]))
        .unwrap();
    let mut in_a = tab_a.load_article("art").unwrap();
    let mut in_b = tab_b.load_article("art").unwrap();
    in_a.delete("x", 20);
    tab_a.save_article("art", &in_a).unwrap();

    in_b.upsert(ann_in("art", "x", 30, "edited later"));
    let merged = tab_b.save_article_merged("art", &in_b).unwrap();
    assert_eq!(merged.get("x").unwrap().note, "edited later");
    assert!(merged.tombstones.is_empty(), "superseded tombstone dropped");

    // An edit at the same ms as the deletion loses (tie goes to deletion).
    let mut again = merged.clone();
    again.delete("x", 30);
    tab_b.save_article("art", &again).unwrap();
    let mut stale = merged.clone();
    stale.upsert(ann_in("art", "x", 30, "edited later"));
    assert!(tab_a
        .save_article_merged("art", &stale)
        .unwrap()
        .annotations
        .is_empty());
}

#[test]
fn delete_with_a_lagging_clock_still_deletes() {
    let mut s = state(vec![ann("x", 100)]);
    s.delete("x", 50);
    assert!(s.annotations.is_empty());
    assert_eq!(s.tombstones[0].deleted, 100);
}
