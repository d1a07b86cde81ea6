//! Native benchmarks of sharing: exporting 1,000 annotations as W3C Web Annotation JSON,
//! reading that file back (import), planning and applying the import over an article that
//! already holds the same 1,000 with a tenth edited, the share-link encoding, and the
//! canonical-text work an export needs (code-point index, sha256 content hash) on a 1 MB
//! article. Inputs are generated deterministically from the corpus.

use std::time::Duration;

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use pizhu::core::annotation::ArticleState;
use pizhu::core::article;
use pizhu::core::interchange::{
    apply, content_hash, encode_base64url, export_collection, import, plan, ArticleExport,
    ArticleInfo, ConflictChoice, Generator, PlacedText,
};
use pizhu::core::label::default_labels;
use pizhu::core::text::CharIndex;

#[path = "../tests/support/mod.rs"]
mod support;
use support::corpus;
use support::generated::{annotations, big_feed};

const NOW: i64 = 1_800_000_000_000;

fn bench_interchange(c: &mut Criterion) {
    let corpus = corpus();
    let article = article::parse(&big_feed(&corpus, 200_000)).expect("feed parses");
    let key = article.storage_key();
    let ours = annotations(&article.text, &key, 1_000, 5);
    let info = ArticleInfo {
        key: key.clone(),
        url: article.meta.url.clone(),
        title: article.meta.title.clone(),
        published_ms: article.meta.published_ms,
        content_hash: content_hash(&article.text),
    };
    let labels = default_labels();
    let generator = Generator::pizhu();
    // Exported as from the open article: every annotation placed, selectors counted over the
    // rendered text (the costlier path: the text is projected and described once per item).
    let spans: Vec<Option<(usize, usize)>> = ours
        .iter()
        .map(|a| Some((a.target.position.start, a.target.position.end)))
        .collect();
    let open = ArticleExport {
        info: &info,
        annotations: &ours,
        text: Some(PlacedText {
            canonical: &article.text,
            spans: &spans,
        }),
    };
    let exported = export_collection(&open, &labels, &generator, NOW);
    let imported = import(exported.as_bytes()).expect("own export imports");
    let incoming = imported.groups[0].annotations.clone();
    assert_eq!(incoming.len(), 1_000, "every annotation comes back");
    // The stored side: the same annotations, every tenth with a newer note.
    let mut mine = incoming.clone();
    for annotation in mine.iter_mut().step_by(10) {
        annotation.note = "本地修改 (edited here)".into();
        annotation.modified += 1;
    }
    let existing = ArticleState {
        annotations: mine,
        tombstones: Vec::new(),
    }
    .normalized();
    eprintln!(
        "interchange: article {} code points, export of 1,000 annotations {} bytes",
        article.char_len,
        exported.len()
    );

    let mut group = c.benchmark_group("interchange");
    group.throughput(Throughput::Bytes(exported.len() as u64));
    group.bench_function("export_1000", |b| {
        b.iter(|| export_collection(black_box(&open), &labels, &generator, NOW).len())
    });
    group.bench_function("import_1000", |b| {
        b.iter(|| import(black_box(exported.as_bytes())).map(|set| set.len()))
    });
    group.bench_function("plan_and_apply_1000_over_1000", |b| {
        b.iter(|| {
            let planned = plan(black_box(&existing), black_box(&incoming));
            apply(&existing, &planned, ConflictChoice::TakeTheirs)
                .annotations
                .len()
        })
    });
    group.bench_function("share_link_encode_1000", |b| {
        b.iter(|| encode_base64url(black_box(exported.as_bytes())).len())
    });
    group.finish();

    let large = article::parse(&big_feed(&corpus, 1_000_000)).expect("1 MB feed parses");
    eprintln!(
        "canonical text of the 1 MB feed: {} bytes, {} code points",
        large.text.len(),
        large.char_len
    );
    let mut group = c.benchmark_group("canonical_text_1MB");
    group.throughput(Throughput::Bytes(large.text.len() as u64));
    group.bench_function("code_point_index", |b| {
        b.iter(|| CharIndex::new(black_box(&large.text)).char_len())
    });
    group.bench_function("sha256_content_hash", |b| {
        b.iter(|| content_hash(black_box(&large.text)))
    });
    group.bench_function("run_ranges", |b| {
        b.iter(|| black_box(&large).run_ranges().len())
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    targets = bench_interchange
}
criterion_main!(benches);
