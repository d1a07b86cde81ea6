//! The library view's order and filters: which articles it lists, in which order, from the
//! records and each article's annotation counts by label.

use std::cmp::Ordering;
use std::collections::HashMap;

use super::fold::fold;
use super::ArticleRecord;
use crate::core::annotation::Annotation;
use crate::core::sort::sort_by;

/// How the library view orders its articles. Ties go to the most recent, then by key.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortBy {
    /// Most recent first (published, else added: [`ArticleRecord::date_ms`]).
    #[default]
    Date,
    /// By outlet name (letters without case).
    Outlet,
    /// By title (letters without case; Chinese by code point).
    Title,
    /// Most annotations first.
    MostAnnotated,
}

/// The order and filters of the library view; the default lists every article by date.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LibraryView {
    pub sort: SortBy,
    /// Only this outlet (as [`ArticleRecord::outlet`] names it).
    pub outlet: Option<String>,
    /// Only articles with at least one annotation of this label id.
    pub label: Option<String>,
    /// Only articles dated at or after this time (ms since the Unix epoch).
    pub from_ms: Option<i64>,
    /// Only articles dated before this time.
    pub until_ms: Option<i64>,
}

/// Annotation counts by label id of one article, each label once.
pub type LabelCounts = Vec<(String, usize)>;

/// How many of `annotations` have each label, by label id.
pub fn label_counts(annotations: &[Annotation]) -> LabelCounts {
    let mut counts: LabelCounts = Vec::new();
    for a in annotations {
        match counts.iter_mut().find(|(label, _)| *label == a.label) {
            Some((_, n)) => *n += 1,
            None => counts.push((a.label.clone(), 1)),
        }
    }
    sort_by(&mut counts, |a, b| a.0.cmp(&b.0));
    counts
}

/// The keys of the articles `view` lists, in its order. `counts` holds (article key, its
/// label counts) in any order; an article not in it has no annotations.
pub fn arrange(
    records: &[ArticleRecord],
    counts: &[(String, LabelCounts)],
    view: &LibraryView,
) -> Vec<String> {
    let by_key: HashMap<&str, usize> = counts
        .iter()
        .enumerate()
        .map(|(i, (key, _))| (key.as_str(), i))
        .collect();
    let labels_of = |r: &ArticleRecord| -> &[(String, usize)] {
        by_key.get(r.key.as_str()).map_or(&[], |&i| &counts[i].1)
    };
    let listed = |r: &ArticleRecord| {
        let date = r.date_ms();
        view.outlet.as_ref().is_none_or(|o| *o == r.outlet)
            && view.from_ms.is_none_or(|from| date >= from)
            && view.until_ms.is_none_or(|until| date < until)
            && view
                .label
                .as_ref()
                .is_none_or(|label| labels_of(r).iter().any(|(l, n)| l == label && *n > 0))
    };
    let mut shown: Vec<usize> = (0..records.len())
        .filter(|&i| listed(&records[i]))
        .collect();
    // Each article's sort key, computed once rather than in every comparison.
    let keys: Vec<SortKey> = (0..records.len())
        .map(|i| match view.sort {
            SortBy::Date => SortKey::None,
            SortBy::Outlet => SortKey::Text(fold(&records[i].outlet)),
            SortBy::Title => SortKey::Text(fold(&records[i].title)),
            SortBy::MostAnnotated => {
                SortKey::Count(labels_of(&records[i]).iter().map(|(_, n)| n).sum())
            }
        })
        .collect();
    sort_by(&mut shown, |&a, &b| {
        let (ra, rb) = (&records[a], &records[b]);
        let first = match (&keys[a], &keys[b]) {
            (SortKey::Text(x), SortKey::Text(y)) => x.cmp(y),
            (SortKey::Count(x), SortKey::Count(y)) => y.cmp(x),
            _ => Ordering::Equal,
        };
        first
            .then_with(|| rb.date_ms().cmp(&ra.date_ms()))
            .then_with(|| ra.key.cmp(&rb.key))
    });
    shown.into_iter().map(|i| records[i].key.clone()).collect()
}

enum SortKey {
    None,
    Text(String),
    Count(usize),
}
