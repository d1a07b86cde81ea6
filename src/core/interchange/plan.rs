//! Planning an import against what is stored, and applying the plan.
//!
//! Content means what the reader sees: label, note and target (quote and position).
//! Timestamps and the article key are not content: importing a file whose annotations
//! only differ in those changes nothing. Applying never drops a local annotation or
//! tombstone unless the plan says the file is newer or the user chose
//! [`ConflictChoice::TakeTheirs`].

use std::collections::{HashMap, HashSet};

use crate::core::annotation::{compare_annotations, Annotation, ArticleState};

/// How the incoming annotations relate to the stored ones, by id.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportPlan {
    /// Ids not stored here at all.
    pub new: Vec<Annotation>,
    /// Stored here, different, and the file's copy was modified later: it replaces ours.
    pub updated: Vec<Annotation>,
    /// Stored here with the same content.
    pub unchanged: Vec<Annotation>,
    /// Stored here, different, and ours is as new or newer: the user chooses.
    pub conflicting: Vec<Conflict>,
    /// Deleted here (a tombstone): re-added only if the user chooses to take theirs.
    pub deleted_here: Vec<Annotation>,
}

impl ImportPlan {
    /// Whether applying the plan would change nothing, whatever the choice.
    pub fn changes_nothing(&self) -> bool {
        self.new.is_empty()
            && self.updated.is_empty()
            && self.conflicting.is_empty()
            && self.deleted_here.is_empty()
    }
}

/// The stored and the incoming copy of one annotation.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    pub mine: Annotation,
    pub theirs: Annotation,
}

/// What to do with conflicting and deleted-here annotations.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConflictChoice {
    /// Keep the stored copies and the deletions.
    KeepMine,
    /// Take the file's copies, re-adding annotations deleted here.
    TakeTheirs,
}

/// Whether two copies look the same to the reader (label, note, and the text they mark:
/// a stored copy and its export count positions over different texts).
pub fn same_content(a: &Annotation, b: &Annotation) -> bool {
    a.label == b.label && a.note == b.note && a.target.same_place(&b.target)
}

/// Sorts `incoming` against `existing`. An id given twice in `incoming` counts once, as
/// its newest copy.
pub fn plan(existing: &ArticleState, incoming: &[Annotation]) -> ImportPlan {
    let mut newest: Vec<&Annotation> = Vec::new();
    let mut at: HashMap<&str, usize> = HashMap::new();
    for a in incoming {
        match at.get(a.id.as_str()).and_then(|&i| newest.get_mut(i)) {
            Some(slot) => {
                if compare_annotations(a, slot).is_gt() {
                    *slot = a;
                }
            }
            None => {
                at.insert(&a.id, newest.len());
                newest.push(a);
            }
        }
    }
    let mut out = ImportPlan::default();
    for theirs in newest {
        let theirs_owned = theirs.clone();
        if let Some(mine) = existing.get(&theirs.id) {
            if same_content(mine, theirs) {
                out.unchanged.push(theirs_owned);
            } else if theirs.modified > mine.modified {
                out.updated.push(theirs_owned);
            } else {
                out.conflicting.push(Conflict {
                    mine: mine.clone(),
                    theirs: theirs_owned,
                });
            }
        } else if existing.tombstones.iter().any(|t| t.id == theirs.id) {
            out.deleted_here.push(theirs_owned);
        } else {
            out.new.push(theirs_owned);
        }
    }
    out
}

/// The state after the plan. `new` and `updated` are always taken. With
/// [`ConflictChoice::TakeTheirs`], conflicting copies replace ours and deleted-here ones
/// come back; their `modified` is raised just past our copy or our deletion, so the choice
/// also wins later merges with other tabs. If nothing changes, `existing` is returned as is.
pub fn apply(existing: &ArticleState, plan: &ImportPlan, choice: ConflictChoice) -> ArticleState {
    let take = choice == ConflictChoice::TakeTheirs;
    let chosen = take && !(plan.conflicting.is_empty() && plan.deleted_here.is_empty());
    if plan.new.is_empty() && plan.updated.is_empty() && !chosen {
        return existing.clone();
    }
    let mut incoming: Vec<Annotation> = plan.new.iter().chain(&plan.updated).cloned().collect();
    if take {
        for c in &plan.conflicting {
            let mut theirs = c.theirs.clone();
            theirs.modified = theirs.modified.max(c.mine.modified.saturating_add(1));
            incoming.push(theirs);
        }
        for a in &plan.deleted_here {
            let deleted = existing
                .tombstones
                .iter()
                .filter(|t| t.id == a.id)
                .map(|t| t.deleted)
                .max()
                .unwrap_or(i64::MIN);
            let mut back = a.clone();
            back.modified = back.modified.max(deleted.saturating_add(1));
            incoming.push(back);
        }
    }
    let ids: HashSet<&str> = incoming.iter().map(|a| a.id.as_str()).collect();
    let mut state = existing.clone();
    state.tombstones.retain(|t| !ids.contains(t.id.as_str()));
    state.annotations.retain(|a| !ids.contains(a.id.as_str()));
    state.annotations.extend(incoming);
    state.normalized()
}
