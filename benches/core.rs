//! Native benchmarks of the pure core: parsing the corpus (MB/s) against html5ever's
//! tree-only baselines (its reference RcDom and pizhu's own arena DOM), run ranges, segment layout of 500 highlights over a ~50 KB article,
//! storage encode/decode/merge of 10,000 annotations, and the workbench path of adding a
//! highlight to an article that already has 500.
//!
//! The ~50 KB article is one feed file made by concatenating corpus bodies in file order.
//! All other inputs are generated deterministically. Short runs (10 samples, 2 s) keep
//! `cargo bench --bench core` to a few minutes on two cores.

use criterion::{black_box, criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use html5ever::tendril::TendrilSink;
use html5ever::tree_builder::TreeBuilderOpts;
use html5ever::{parse_document, ParseOpts};
use markup5ever_rcdom::RcDom;
use pizhu::core::annotation::{
    clean_selection, layout, merge, Annotation, ArticleState, Tombstone, Workbench,
};
use pizhu::core::article;
use pizhu::core::store::envelope::{decode_article, encode_article};
use pizhu::core::store::{AnnotationRepo, MemoryStore};

mod common;
#[path = "../tests/support/mod.rs"]
mod support;
use support::generated::{annotations, big_feed, highlights};
use support::{body, corpus};

fn state(annotations: Vec<Annotation>, tombstones: Vec<Tombstone>) -> ArticleState {
    ArticleState {
        annotations,
        tombstones,
    }
    .normalized()
}

fn tree_only(body: &str) -> RcDom {
    let opts = ParseOpts {
        tree_builder: TreeBuilderOpts {
            scripting_enabled: false,
            ..TreeBuilderOpts::default()
        },
        ..ParseOpts::default()
    };
    parse_document(RcDom::default(), opts).one(body)
}

fn bench_parse(c: &mut Criterion) {
    let corpus = corpus();
    let total: usize = corpus.iter().map(|(_, t)| t.len()).sum();
    let (largest_path, largest) = corpus
        .iter()
        .max_by_key(|(_, t)| t.len())
        .expect("corpus is not empty");
    let feed = big_feed(&corpus, 50_000);
    eprintln!(
        "corpus: {} files, {total} bytes; largest {} ({} bytes); 50 KB feed: {} bytes",
        corpus.len(),
        largest_path.display(),
        largest.len(),
        feed.len()
    );

    let mut group = c.benchmark_group("parse");
    group.throughput(Throughput::Bytes(total as u64));
    group.bench_function(format!("corpus_all_{}_files", corpus.len()), |b| {
        b.iter(|| {
            for (_, text) in &corpus {
                black_box(article::parse(black_box(text)).map(|a| a.char_len).ok());
            }
        })
    });
    group.throughput(Throughput::Bytes(largest.len() as u64));
    group.bench_function("largest_file", |b| {
        b.iter(|| article::parse(black_box(largest)).map(|a| a.char_len))
    });
    // The full parse against html5ever building its tree alone: the difference is our walk,
    // block builder, cleanup and canonical text.
    group.throughput(Throughput::Bytes(feed.len() as u64));
    group.bench_function("feed_50KB/full", |b| {
        b.iter(|| article::parse(black_box(&feed)).map(|a| a.char_len))
    });
    let feed_body = body(&feed);
    group.throughput(Throughput::Bytes(feed_body.len() as u64));
    group.bench_function("feed_50KB/html5ever_tree_only", |b| {
        b.iter(|| tree_only(black_box(feed_body)))
    });
    // The same tree built by pizhu's own sink (crates/dom), as the full parse does.
    group.bench_function("feed_50KB/pizhu_dom_tree_only", |b| {
        b.iter(|| pizhu_dom::parse(black_box(feed_body)))
    });
    group.finish();
}

fn bench_runs(c: &mut Criterion) {
    let corpus = corpus();
    let feed = big_feed(&corpus, 50_000);
    let article = article::parse(&feed).expect("feed parses");
    let runs = article.run_ranges();
    eprintln!(
        "50 KB article: {} blocks, {} runs, {} chars",
        article.blocks.len(),
        runs.len(),
        article.char_len
    );
    let mut group = c.benchmark_group("runs");
    group.bench_function("run_ranges_50KB", |b| {
        b.iter(|| black_box(&article).run_ranges())
    });
    group.finish();
}

fn bench_layout(c: &mut Criterion) {
    let corpus = corpus();
    let feed = big_feed(&corpus, 50_000);
    let article = article::parse(&feed).expect("feed parses");
    let runs = article.run_ranges();
    let marks = highlights(article.char_len, 500, 0x1A70);
    let pieces: usize = layout(&runs, &marks).iter().map(Vec::len).sum();
    eprintln!(
        "layout: 500 highlights over {} runs -> {pieces} pieces",
        runs.len()
    );
    let mut group = c.benchmark_group("layout");
    group.bench_function("500_highlights_50KB_article", |b| {
        b.iter(|| layout(black_box(&runs), black_box(&marks)))
    });
    group.finish();
}

fn bench_storage(c: &mut Criterion) {
    let corpus = corpus();
    let feed = big_feed(&corpus, 50_000);
    let article = article::parse(&feed).expect("feed parses");
    let key = article.storage_key();
    let ours = state(annotations(&article.text, &key, 10_000, 1), Vec::new());
    // The other tab: half of the same annotations edited later, 5,000 of its own, and
    // 1,000 deletions of ours.
    let mut theirs_annotations: Vec<Annotation> = ours
        .annotations
        .iter()
        .step_by(2)
        .map(|a| {
            let mut a = a.clone();
            a.note = "另一个标签页的修改 (edited in another tab)".to_string();
            a.modified += 60_000;
            a
        })
        .collect();
    theirs_annotations.extend(annotations(&article.text, &key, 5_000, 2));
    let tombstones = ours
        .annotations
        .iter()
        .skip(1)
        .step_by(10)
        .map(|a| Tombstone {
            id: a.id.clone(),
            deleted: a.modified + 120_000,
        })
        .collect();
    let theirs = state(theirs_annotations, tombstones);
    let encoded = encode_article(&key, &ours).expect("encodes");
    eprintln!(
        "storage: 10,000 annotations encode to {} bytes; merge inputs {} + {} annotations",
        encoded.len(),
        ours.annotations.len(),
        theirs.annotations.len()
    );

    let mut group = c.benchmark_group("storage");
    group.throughput(Throughput::Bytes(encoded.len() as u64));
    group.bench_function("encode_10k", |b| {
        b.iter(|| encode_article(black_box(&key), black_box(&ours)))
    });
    group.bench_function("decode_10k", |b| {
        b.iter(|| decode_article(black_box(&key), black_box(&encoded)))
    });
    group.throughput(Throughput::Elements(
        (ours.annotations.len() + theirs.annotations.len()) as u64,
    ));
    group.bench_function("merge_two_10k_states", |b| {
        b.iter_batched(
            || (ours.clone(), theirs.clone()),
            |(a, b)| merge(a, b),
            BatchSize::LargeInput,
        )
    });
    group.throughput(Throughput::Bytes(encoded.len() as u64));
    let mut repo = AnnotationRepo::new(MemoryStore::new(), || 1_715_609_900_000);
    repo.save_article(&key, &ours).expect("saves");
    group.bench_function("repo_load_10k", |b| {
        b.iter(|| {
            repo.load_article(black_box(&key))
                .map(|s| s.annotations.len())
        })
    });
    group.finish();
}

fn bench_workbench(c: &mut Criterion) {
    let corpus = corpus();
    let feed = big_feed(&corpus, 50_000);
    let article = article::parse(&feed).expect("feed parses");
    let key = article.storage_key();
    let text = article.text.as_str();
    let doc = state(annotations(text, &key, 500, 3), Vec::new());
    let runs = article.run_ranges();
    let opened = Workbench::open(key.clone(), doc.clone(), text);
    assert_eq!(opened.spans().len(), 500, "all 500 anchor");
    // A selection in the middle of the text, as the browser would report it.
    let (start, end) = clean_selection(text, article.char_len / 2, article.char_len / 2 + 24)
        .expect("a selection with text");

    let mut group = c.benchmark_group("workbench");
    group.bench_function("open_50KB_500_annotations", |b| {
        b.iter(|| Workbench::open(key.clone(), black_box(doc.clone()), black_box(text)))
    });
    group.bench_function("create_one_with_500", |b| {
        b.iter_batched(
            || opened.clone(),
            |mut bench| {
                bench
                    .create(
                        text,
                        "new-highlight".into(),
                        "fact",
                        start,
                        end,
                        1_800_000_000_000,
                    )
                    .map(|a| a.target.position.start)
                    .ok();
                bench
            },
            BatchSize::SmallInput,
        )
    });
    // What the UI does for one new highlight: clean the selection, create, then lay out
    // every highlight again over the article's runs.
    group.bench_function("add_highlight_with_500_and_relayout", |b| {
        b.iter_batched(
            || opened.clone(),
            |mut bench| {
                let (s, e) = clean_selection(text, start, end).unwrap_or((start, end));
                bench
                    .create(
                        text,
                        "new-highlight".into(),
                        "fact",
                        s,
                        e,
                        1_800_000_000_000,
                    )
                    .map(|a| a.target.position.start)
                    .ok();
                let marks: Vec<(usize, usize, usize)> = bench
                    .spans()
                    .iter()
                    .enumerate()
                    .map(|(i, span)| (i, span.start, span.end))
                    .collect();
                (layout(&runs, &marks), bench)
            },
            BatchSize::SmallInput,
        )
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = common::short_runs();
    targets = bench_parse, bench_runs, bench_layout, bench_storage, bench_workbench
}
criterion_main!(benches);
