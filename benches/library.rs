//! Native benchmarks of the library's search: one keystroke's search over 1,000 articles of
//! corpus size (each with 5 annotations, a note on every third), for a 2-character Chinese
//! query and a Latin word, with the first 50 hits as the view shows them and with every hit,
//! and for a query found nowhere (the whole library scanned); and building the index of the
//! 1,000 articles once.
//!
//! The 1,000 articles are the corpus files parsed, in turn, each copy under its own key and
//! date (the texts repeat, so hit counts are the corpus's times 1000 / 28). Short runs (10
//! samples, 2 s) as in benches/core.rs: `cargo bench --bench library`.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use pizhu::core::annotation::Annotation;
use pizhu::core::article;
use pizhu::core::library::{ArticleRecord, SearchIndex};

mod common;
#[path = "../tests/support/mod.rs"]
mod support;
use support::corpus;
use support::generated::annotations;

const ARTICLES: usize = 1_000;

/// The records and annotations of 1,000 corpus-like articles.
fn library() -> Vec<(ArticleRecord, Vec<Annotation>)> {
    let parsed: Vec<_> = corpus()
        .into_iter()
        .map(|(_, raw)| {
            let article = article::parse(&raw).expect("corpus parses");
            (ArticleRecord::of(&article, &raw, 0), article.char_len)
        })
        .collect();
    (0..ARTICLES)
        .map(|i| {
            let (mut record, char_len) = parsed[i % parsed.len()].clone();
            record.key = format!("{}#{i}", record.key);
            record.published_ms = Some(1_600_000_000_000 + i as i64 * 3_600_000);
            let marks = if char_len > 130 {
                annotations(&record.text, &record.key, 5, i as u64)
            } else {
                Vec::new()
            };
            (record, marks)
        })
        .collect()
}

fn build(library: &[(ArticleRecord, Vec<Annotation>)]) -> SearchIndex {
    let mut index = SearchIndex::new();
    for (record, marks) in library {
        index.push(record, &record.text, marks);
    }
    index.sort();
    index
}

fn bench_search(c: &mut Criterion) {
    let library = library();
    let bytes: usize = library.iter().map(|(r, _)| r.text.len()).sum();
    let index = build(&library);
    for query in ["政府", "twitter", "量子纠缠"] {
        let all = index.search(query, usize::MAX).hits.len();
        eprintln!("{query}: {all} hits in {ARTICLES} articles ({bytes} bytes of text)");
    }
    let mut group = c.benchmark_group("library_search_1000");
    for (name, query) in [("chinese_2", "政府"), ("latin_word", "twitter")] {
        group.bench_function(format!("{name}/first_50"), |b| {
            b.iter(|| index.search(black_box(query), 50).hits.len())
        });
        group.bench_function(format!("{name}/all_hits"), |b| {
            b.iter(|| index.search(black_box(query), usize::MAX).hits.len())
        });
    }
    group.bench_function("no_match/full_scan", |b| {
        b.iter(|| index.search(black_box("量子纠缠"), 50).hits.len())
    });
    group.bench_function("build_index", |b| {
        b.iter(|| build(black_box(&library)).len())
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = common::short_runs();
    targets = bench_search
}
criterion_main!(benches);
