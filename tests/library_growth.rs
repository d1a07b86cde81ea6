//! Growth (linearity) check of the library's core, as tests/growth.rs does for the reader:
//! building the search index, one keystroke's search (a query found nowhere, so every text
//! is scanned, and a two-character Chinese one with the first 100 hits as the view shows
//! them), and a folder import's per-file work (classify the file, make its record, decide
//! against the library), each timed over 500 and 5,000 corpus articles (best of 3).
//!
//! Asserted: time(5,000) / time(500) < 30 (linear is about 10) when the 500 time is above
//! 1 ms (below that, timer noise dominates). `cargo test --release --test library_growth --
//! --nocapture` prints the figures.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashSet;
use std::hint::black_box;
use std::time::{Duration, Instant};

use pizhu::core::library::{classify, merge_decision, ArticleRecord, FileVerdict, SearchIndex};

#[path = "support/mod.rs"]
mod support;
use support::corpus;

const SIZES: [usize; 2] = [500, 5_000];
const MAX_RATIO: f64 = 30.0;
const NOISE_FLOOR: Duration = Duration::from_millis(1);

/// `n` feed files: the corpus under distinct URLs, as an archive folder holds them.
fn folder(n: usize) -> Vec<(String, String)> {
    let sources: Vec<String> = corpus().into_iter().map(|(_, text)| text).collect();
    (0..n)
        .map(|i| {
            let text = sources[i % sources.len()].replacen(
                "](http",
                &format!("](http://copy{i}.example/?u=http"),
                1,
            );
            (format!("{i:05}.md"), text)
        })
        .collect()
}

fn records(files: &[(String, String)]) -> Vec<ArticleRecord> {
    files
        .iter()
        .filter_map(
            |(name, text)| match classify(name, text.len() as u64, text.as_bytes()) {
                FileVerdict::Article { article, text } => {
                    Some(ArticleRecord::of(&article, text, 1))
                }
                FileVerdict::Skipped(_) => None,
            },
        )
        .collect()
}

fn index(records: &[ArticleRecord]) -> SearchIndex {
    let mut index = SearchIndex::new();
    for record in records {
        index.push(record, &record.text, &[]);
    }
    index.sort();
    index
}

fn best_of_3<T>(mut f: impl FnMut() -> T) -> Duration {
    (0..3)
        .map(|_| {
            let start = Instant::now();
            black_box(f());
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

#[test]
fn library_work_grows_linearly_with_the_library() {
    let folders: Vec<Vec<(String, String)>> = SIZES.iter().map(|&n| folder(n)).collect();
    let libraries: Vec<Vec<ArticleRecord>> = folders.iter().map(|f| records(f)).collect();
    for (library, &n) in libraries.iter().zip(&SIZES) {
        assert_eq!(library.len(), n, "every file is an article");
        let keys: HashSet<&str> = library.iter().map(|r| r.key.as_str()).collect();
        assert_eq!(keys.len(), n, "each file is its own article");
    }
    let indexes: Vec<SearchIndex> = libraries.iter().map(|l| index(l)).collect();
    assert!(
        indexes[1].search("政府", 100).hits.len() == 100,
        "the query is found"
    );
    assert!(
        indexes[1].search("量子纠缠", 100).hits.is_empty(),
        "the query is found nowhere"
    );

    type Work<'a> = Box<dyn Fn(usize) -> usize + 'a>;
    let rows: Vec<(&str, Work)> = vec![
        ("build the index", Box::new(|i| index(&libraries[i]).len())),
        (
            "search, found nowhere",
            Box::new(|i| indexes[i].search("量子纠缠", 100).hits.len()),
        ),
        (
            "search 政府, first 100",
            Box::new(|i| indexes[i].search("政府", 100).hits.len()),
        ),
        (
            "import: classify, record, decide",
            Box::new(|i| {
                let known = &libraries[i];
                records(&folders[i])
                    .iter()
                    .zip(known)
                    .filter(|(new, old)| {
                        merge_decision(Some(old), new)
                            == pizhu::core::library::MergeDecision::Unchanged
                    })
                    .count()
            }),
        ),
    ];
    let mut failures = Vec::new();
    for (name, work) in &rows {
        let [small, large] = [0, 1].map(|i| best_of_3(|| work(i)));
        let ratio = large.as_secs_f64() / small.as_secs_f64();
        println!(
            "{name}: {small:.1?} for {} articles, {large:.1?} for {} ({ratio:.1}x)",
            SIZES[0], SIZES[1]
        );
        if small >= NOISE_FLOOR && ratio >= MAX_RATIO {
            failures.push(format!("{name}: {ratio:.1}x"));
        }
    }
    assert!(
        failures.is_empty(),
        "grows faster than linearly: {failures:?}"
    );
}
