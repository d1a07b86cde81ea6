//! Import planning: new, updated, unchanged, conflicting and deleted-here annotations, and
//! applying the plan with either choice without losing anything that was not chosen.
#![cfg(not(target_arch = "wasm32"))]

mod interchange_common;

use interchange_common::*;
use pizhu::core::annotation::{merge, Annotation, ArticleState, Tombstone};
use pizhu::core::interchange::{apply, plan, ConflictChoice, ImportPlan};

fn ids(list: &[Annotation]) -> Vec<&str> {
    list.iter().map(|a| a.id.as_str()).collect()
}

/// Local state: a (unchanged), b (file newer), c (local newer), d (edited at the same
/// time), e deleted here. The file also brings f (new).
fn setup() -> (ArticleState, Vec<Annotation>) {
    let article = article();
    let base = |id: &str| on(&article, id, "fact", "", 0, 4);
    let mut local = vec![base("a"), base("b"), base("c"), base("d"), base("e")];
    local[2].note = "mine, later".to_owned();
    local[2].modified += 10;
    local[3].note = "mine".to_owned();
    let mut state = ArticleState {
        annotations: local,
        tombstones: vec![],
    }
    .normalized();
    state.delete("e", NOW + 5);

    let mut incoming = vec![
        base("a"),
        base("b"),
        base("c"),
        base("d"),
        base("e"),
        base("f"),
    ];
    incoming[1].note = "theirs, later".to_owned();
    incoming[1].modified += 20;
    incoming[2].note = "theirs, earlier".to_owned();
    incoming[3].label = "opinion".to_owned();
    incoming[4].note = "still here".to_owned();
    (state, incoming)
}

#[test]
fn sorts_every_case() {
    let (state, incoming) = setup();
    let p = plan(&state, &incoming);
    assert_eq!(ids(&p.new), ["f"]);
    assert_eq!(ids(&p.updated), ["b"]);
    assert_eq!(ids(&p.unchanged), ["a"]);
    assert_eq!(ids(&p.deleted_here), ["e"]);
    let conflicts: Vec<(&str, &str, &str)> = p
        .conflicting
        .iter()
        .map(|c| {
            (
                c.mine.id.as_str(),
                c.mine.note.as_str(),
                c.theirs.note.as_str(),
            )
        })
        .collect();
    assert_eq!(
        conflicts,
        [("c", "mine, later", "theirs, earlier"), ("d", "mine", "")]
    );
}

#[test]
fn deleted_here_whatever_the_times() {
    let (state, mut incoming) = setup();
    incoming[4].modified += 1_000_000;
    let p = plan(&state, &incoming);
    assert_eq!(ids(&p.deleted_here), ["e"]);
    let kept = apply(&state, &p, ConflictChoice::KeepMine);
    assert_eq!(kept.get("e"), None);
    assert_eq!(kept.tombstones.len(), 1);
}

#[test]
fn keep_mine_takes_only_new_and_updated() {
    let (state, incoming) = setup();
    let after = apply(&state, &plan(&state, &incoming), ConflictChoice::KeepMine);
    let get = |id: &str| after.get(id).cloned();
    assert_eq!(get("f").map(|a| a.id), Some("f".to_owned()));
    assert_eq!(get("b").map(|a| a.note), Some("theirs, later".to_owned()));
    assert_eq!(get("c").map(|a| a.note), Some("mine, later".to_owned()));
    assert_eq!(
        get("d").map(|a| (a.note, a.label)),
        Some(("mine".to_owned(), "fact".to_owned()))
    );
    assert_eq!(get("e"), None, "deletion kept");
    assert_eq!(after.tombstones, state.tombstones);
    assert_eq!(after.annotations.len(), 5);
}

#[test]
fn take_theirs_replaces_conflicts_and_restores_deleted() {
    let (state, incoming) = setup();
    let after = apply(&state, &plan(&state, &incoming), ConflictChoice::TakeTheirs);
    let get = |id: &str| after.get(id).cloned();
    assert_eq!(get("c").map(|a| a.note), Some("theirs, earlier".to_owned()));
    assert_eq!(get("d").map(|a| a.label), Some("opinion".to_owned()));
    assert_eq!(get("e").map(|a| a.note), Some("still here".to_owned()));
    assert!(after.tombstones.is_empty());
    assert_eq!(after.annotations.len(), 6);

    // The choice survives a merge with another tab that still has the old state.
    let merged = merge(after.clone(), state.clone());
    assert_eq!(merged, after);

    // And importing the file again now changes nothing.
    let again = plan(&after, &incoming);
    assert!(again.changes_nothing(), "{again:?}");
    assert_eq!(ids(&again.unchanged).len(), 6);
    assert_eq!(apply(&after, &again, ConflictChoice::TakeTheirs), after);
}

#[test]
fn duplicate_ids_in_the_file_count_once_as_the_newest() {
    let article = article();
    let mut older = on(&article, "x", "fact", "old", 0, 4);
    older.modified -= 100;
    let newer = on(&article, "x", "fact", "new", 0, 4);
    let p = plan(&ArticleState::new(), &[newer.clone(), older.clone()]);
    assert_eq!(p.new, vec![newer.clone()]);
    let p = plan(&ArticleState::new(), &[older, newer.clone()]);
    assert_eq!(p.new, vec![newer]);
}

#[test]
fn timestamps_alone_are_not_a_change() {
    let article = article();
    let mine = on(&article, "t", "fact", "same", 0, 4);
    let mut theirs = mine.clone();
    theirs.modified += 1_000;
    theirs.created -= 1_000;
    theirs.article = "elsewhere".to_owned();
    let state = ArticleState {
        annotations: vec![mine],
        tombstones: vec![],
    };
    let p = plan(&state, &[theirs]);
    assert_eq!(p.unchanged.len(), 1);
    assert_eq!(apply(&state, &p, ConflictChoice::TakeTheirs), state);
}

#[test]
fn an_empty_plan_changes_nothing() {
    let state = ArticleState {
        annotations: vec![],
        tombstones: vec![Tombstone {
            id: "gone".to_owned(),
            deleted: 5,
        }],
    };
    let p = ImportPlan::default();
    assert!(p.changes_nothing());
    for choice in [ConflictChoice::KeepMine, ConflictChoice::TakeTheirs] {
        assert_eq!(apply(&state, &p, choice), state);
    }
}
