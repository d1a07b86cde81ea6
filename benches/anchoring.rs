//! Anchoring 1,000 targets over a ~1 MB CJK text, and laying out 500
//! highlights over 2,000 runs. Inputs are generated deterministically.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use pizhu::core::annotation::{anchor_all, describe, layout, AnchorMethod, Anchored, Target};

#[path = "../tests/support/mod.rs"]
mod support;
use support::Lcg;

/// ~1 MB of CJK prose-like text: 3,000 ideographs, punctuation, paragraphs.
fn article(rng: &mut Lcg) -> String {
    let mut text = String::new();
    while text.len() < 1_000_000 {
        let c = match rng.next(100) {
            0..=5 => '，',
            6..=8 => '。',
            9 => '\n',
            _ => char::from_u32(0x4E00 + rng.next(3_000) as u32).unwrap_or('中'),
        };
        text.push(c);
    }
    text
}

fn targets(text: &str, rng: &mut Lcg, count: usize) -> Vec<Target> {
    let n = text.chars().count();
    (0..count)
        .map(|_| {
            let len = 4 + rng.next(37);
            let start = rng.next(n - len);
            describe(text, start, start + len).unwrap()
        })
        .collect()
}

/// Replaces `count` random chars with an unused ideograph.
fn scatter_edits(text: &str, rng: &mut Lcg, count: usize) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for _ in 0..count {
        let at = rng.next(chars.len());
        chars[at] = '龘';
    }
    chars.into_iter().collect()
}

fn summary(results: &[Anchored]) -> String {
    let mut exact = 0;
    let mut quote = 0;
    let mut fuzzy = 0;
    let mut orphan = 0;
    for r in results {
        match r {
            Anchored::Exact { .. } => exact += 1,
            Anchored::Moved {
                method: AnchorMethod::Quote,
                ..
            } => quote += 1,
            Anchored::Moved { .. } => fuzzy += 1,
            Anchored::Orphan => orphan += 1,
        }
    }
    format!("exact {exact}, quote {quote}, fuzzy {fuzzy}, orphan {orphan}")
}

fn bench_anchoring(c: &mut Criterion) {
    let mut rng = Lcg(0x5EED);
    let text = article(&mut rng);
    let targets = targets(&text, &mut rng, 1_000);
    let shifted = format!("{}\n{text}", "新华社北京电".repeat(40));
    let edited = scatter_edits(&text, &mut rng, 300);
    // Worst case: a different article, so every target ends in the fuzzy
    // stage and the work budget decides when to stop.
    let rewritten = article(&mut Lcg(0xD1FF));
    eprintln!("text: {} bytes, {} chars", text.len(), text.chars().count());
    for (name, t) in [
        ("unchanged", &text),
        ("shifted", &shifted),
        ("edited", &edited),
        ("rewritten", &rewritten),
    ] {
        eprintln!("{name}: {}", summary(&anchor_all(t, &targets)));
        c.bench_function(&format!("anchor_all_1000_1MB/{name}"), |b| {
            b.iter(|| anchor_all(black_box(t), black_box(&targets)))
        });
    }
}

fn bench_layout(c: &mut Criterion) {
    let mut rng = Lcg(42);
    let runs: Vec<(usize, usize)> = (0..2_000).map(|i| (i * 50, i * 50 + 40)).collect();
    let highlights: Vec<(usize, usize, usize)> = (0..500)
        .map(|id| {
            let start = rng.next(100_000);
            (id, start, start + 1 + rng.next(400))
        })
        .collect();
    c.bench_function("layout_500_highlights_2000_runs", |b| {
        b.iter(|| layout(black_box(&runs), black_box(&highlights)))
    });
}

criterion_group!(benches, bench_anchoring, bench_layout);
criterion_main!(benches);
