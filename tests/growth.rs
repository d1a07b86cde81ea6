//! Growth (linearity) check of the pure core: parse, anchor_all, Workbench::open plus
//! layout, and the workbench's label edits with undo, each timed on inputs ten times apart
//! (best of 3, `std::time::Instant`).
//!
//! Inputs are feed files of about 10 KB, 100 KB and 1 MB made by repeating the corpus bodies.
//! Each repetition rotates the CJK ideographs (U+4E00..U+9FFF, three UTF-8 bytes each, so
//! sizes and markup are unchanged) so that repeated passages are distinct text: otherwise
//! every quote would occur once per copy and anchoring would grow with the number of copies,
//! a property of the input, not of the code. A second parse input is a long photo gallery
//! (distinct pictures, each with a credit line and a caption line, the BBC shape, and a corpus
//! paragraph after every fourth): it guards the image de-duplication and credit-caption
//! passes, which were quadratic in the number of pictures. Anchoring and the workbench use
//! 100 / 1,000 / 10,000 annotations over the canonical texts of the files (the label edits
//! were quadratic in the number of annotations).
//!
//! Asserted: time(1 MB) / time(100 KB) < 30 (linear is about 10), and the same for 100 KB
//! over 10 KB when the 10 KB time is above 1 ms (below that, timer noise dominates). The
//! sizes are the same in debug and release builds: the debug run takes a few seconds.
//!
//! `cargo test --release --test growth -- --nocapture` for the figures in docs/performance.md.
#![cfg(not(target_arch = "wasm32"))]

use std::hint::black_box;
use std::time::{Duration, Instant};

use pizhu::core::annotation::{
    anchor_all, describe_in, layout, Anchored, Annotation, ArticleState, Target, Workbench,
};
use pizhu::core::article;
use pizhu::core::text::CharIndex;

#[path = "support/mod.rs"]
mod support;
use support::{body, corpus, without_advert, Lcg};

/// Input sizes in bytes and the name printed for them.
const SIZES: [(usize, &str); 3] = [(10_000, "10 KB"), (100_000, "100 KB"), (1_000_000, "1 MB")];
/// Targets anchored over the text of each size.
const TARGETS: [usize; 3] = [100, 1_000, 10_000];
/// Largest allowed ratio between consecutive sizes that are 10x apart (linear is ~10).
const MAX_RATIO: f64 = 30.0;
/// The small time below which its ratio is not checked.
const NOISE_FLOOR: Duration = Duration::from_millis(1);

/// The HTML body (line 5 on) of every corpus file, without the feed advert.
fn corpus_bodies() -> Vec<String> {
    corpus()
        .iter()
        .map(|(_, raw)| without_advert(body(raw)).to_string())
        .collect()
}

/// Rotate CJK ideographs by `k` steps (same UTF-8 length), making copy `k` distinct text.
fn rotate(body: &str, k: usize) -> String {
    const BASE: u32 = 0x4E00;
    const SPAN: u32 = 0x9FFF - 0x4E00 + 1;
    body.chars()
        .map(|c| {
            let code = u32::from(c);
            if (BASE..BASE + SPAN).contains(&code) {
                let shifted = BASE + (code - BASE + (k as u32) * 7_919) % SPAN;
                char::from_u32(shifted).unwrap_or(c)
            } else {
                c
            }
        })
        .collect()
}

/// A feed file of about `bytes` bytes: corpus bodies repeated (each copy rotated).
fn feed_file(bodies: &[String], bytes: usize) -> String {
    let mut file = String::from(
        "<!--1715609823000-->\n[Growth test 增长测试](https://example.com/growth)\n------\n\n",
    );
    let mut k = 0;
    while file.len() < bytes {
        let body = &bodies[k % bodies.len()];
        let copy = rotate(body, k / bodies.len());
        let room = bytes - file.len();
        if copy.len() <= room || k == 0 {
            file.push_str("<div>");
            file.push_str(&copy);
            file.push_str("</div>");
        } else {
            // Fill the rest with whole paragraphs of this body.
            for paragraph in copy.split_inclusive("</p>") {
                if file.len() + paragraph.len() > bytes {
                    break;
                }
                file.push_str(paragraph);
            }
            break;
        }
        k += 1;
    }
    file.push('\n');
    file
}

/// A feed file of about `bytes` bytes shaped like a long photo gallery: distinct pictures,
/// each followed by a credit line and a short caption line (the BBC shape), with a corpus
/// paragraph after every fourth picture.
fn figure_feed_file(bodies: &[String], bytes: usize) -> String {
    let paragraphs: Vec<&str> = bodies
        .iter()
        .flat_map(|b| b.split_inclusive("</p>"))
        .filter(|p| p.starts_with("<p>") && p.ends_with("</p>"))
        .collect();
    let mut file = String::from(
        "<!--1715609823000-->\n[Growth test 图片](https://example.com/figures)\n------\n\n",
    );
    let mut i = 0;
    while file.len() < bytes {
        file.push_str(&format!(
            "<img src=\"https://example.com/img/{i}.jpg\" alt=\"\"><p>图像来源，EPA</p>\
             <p>图片说明 {i}</p>"
        ));
        if i % 4 == 3 {
            let k = i / 4;
            file.push_str(&rotate(
                paragraphs[k % paragraphs.len()],
                k / paragraphs.len(),
            ));
        }
        i += 1;
    }
    file.push('\n');
    file
}

/// `count` targets of 4 to 40 code points at deterministic places in `text`.
fn targets(text: &str, count: usize) -> Vec<Target> {
    let index = CharIndex::new(text);
    let n = index.char_len();
    let mut rng = Lcg(0x5EED ^ count as u64);
    (0..count)
        .map(|_| {
            let len = 4 + rng.next(37);
            let start = rng.next(n - len);
            describe_in(&index, start, start + len).expect("in range")
        })
        .collect()
}

fn state_of(key: &str, targets: &[Target]) -> ArticleState {
    let annotations = targets
        .iter()
        .enumerate()
        .map(|(i, target)| Annotation {
            id: format!("00000000-0000-4000-8000-{i:012}"),
            article: key.to_string(),
            label: ["fact", "policy", "claim"][i % 3].to_string(),
            note: String::new(),
            created: 1_700_000_000_000 + i as i64,
            modified: 1_700_000_000_000 + i as i64,
            target: target.clone(),
        })
        .collect();
    ArticleState {
        annotations,
        tombstones: Vec::new(),
    }
    .normalized()
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

/// One measured operation: its times at the three sizes.
struct Row {
    name: &'static str,
    times: [Duration; 3],
}

impl Row {
    /// (ratio, checked) for medium/small and large/medium.
    fn ratios(&self) -> [(f64, bool); 2] {
        let [s, m, l] = self.times.map(|t| t.as_secs_f64());
        [(m / s, self.times[0] >= NOISE_FLOOR), (l / m, true)]
    }
}

#[test]
fn growth_is_not_quadratic() {
    let bodies = corpus_bodies();
    assert!(bodies.len() >= 20, "corpus bodies: {}", bodies.len());
    let files: Vec<String> = SIZES.iter().map(|&(b, _)| feed_file(&bodies, b)).collect();
    let figure_files: Vec<String> = SIZES
        .iter()
        .map(|&(b, _)| figure_feed_file(&bodies, b))
        .collect();
    let articles: Vec<article::Article> = files
        .iter()
        .map(|f| article::parse(f).expect("growth feed parses"))
        .collect();
    // The figure files must take the credit-caption path, or that row measures nothing.
    let figures = article::parse(&figure_files[1]).expect("figure feed parses");
    let credited = figures
        .blocks
        .iter()
        .filter(|b| {
            matches!(b, article::Block::Figure { caption, .. }
                if caption.plain_text().contains("图像来源"))
        })
        .count();
    assert!(credited > 100, "credited figures: {credited}");
    let texts: Vec<&str> = articles.iter().map(|a| a.text.as_str()).collect();
    // The shifted text moves every target, so anchoring goes through the quote stage.
    let shifted: Vec<String> = texts
        .iter()
        .map(|t| format!("编者按：本文有更新。\n{t}"))
        .collect();
    let all_targets: Vec<Vec<Target>> = texts
        .iter()
        .zip(TARGETS)
        .map(|(t, n)| targets(t, n))
        .collect();
    let states: Vec<ArticleState> = articles
        .iter()
        .zip(&all_targets)
        .map(|(a, t)| state_of(&a.storage_key(), t))
        .collect();
    // Every target must anchor, exactly in place or by quote after the shift.
    for i in 0..3 {
        let exact = anchor_all(texts[i], &all_targets[i])
            .iter()
            .filter(|a| matches!(a, Anchored::Exact { .. }))
            .count();
        // Found at the shifted place: by quote, or (when as many separators precede it as the
        // note added rendered characters) by its position read over the rendered text.
        let shift = "编者按：本文有更新。\n".chars().count();
        let moved = anchor_all(&shifted[i], &all_targets[i])
            .iter()
            .zip(&all_targets[i])
            .filter(|(a, t)| a.span() == Some((t.position.start + shift, t.position.end + shift)))
            .count();
        assert_eq!((exact, moved), (TARGETS[i], TARGETS[i]), "size {i}");
    }
    let runs: Vec<Vec<(usize, usize)>> = articles.iter().map(|a| a.run_ranges()).collect();
    let benches: Vec<Workbench> = (0..3)
        .map(|i| Workbench::open(articles[i].storage_key(), states[i].clone(), texts[i]))
        .collect();

    let mut rows = Vec::new();
    let mut measure = |name: &'static str, mut f: Box<dyn FnMut(usize) -> usize + '_>| {
        let times = [0, 1, 2].map(|i| best_of_3(|| f(i)));
        rows.push(Row { name, times });
    };
    measure(
        "parse",
        Box::new(|i| article::parse(&files[i]).map_or(0, |a| a.char_len)),
    );
    measure(
        "parse, photo gallery",
        Box::new(|i| article::parse(&figure_files[i]).map_or(0, |a| a.blocks.len())),
    );
    measure(
        "anchor_all (unchanged text)",
        Box::new(|i| anchor_all(texts[i], &all_targets[i]).len()),
    );
    measure(
        "anchor_all (shifted text)",
        Box::new(|i| anchor_all(&shifted[i], &all_targets[i]).len()),
    );
    measure(
        "Workbench::open + layout",
        Box::new(|i| {
            let bench = Workbench::open(articles[i].storage_key(), states[i].clone(), texts[i]);
            let highlights: Vec<(usize, usize, usize)> = bench
                .spans()
                .iter()
                .enumerate()
                .map(|(id, s)| (id, s.start, s.end))
                .collect();
            layout(&runs[i], &highlights).len()
        }),
    );
    measure(
        "relabel, delete label, undo",
        Box::new(|i| {
            let mut bench = benches[i].clone();
            let relabelled = bench.relabel_all("fact", "claim", 1_800_000_000_000);
            bench.undo(texts[i], 1_800_000_000_001);
            let deleted = bench.delete_label("policy", 1_800_000_000_002);
            bench.undo(texts[i], 1_800_000_000_003);
            relabelled + deleted
        }),
    );

    let build = if cfg!(debug_assertions) {
        "debug"
    } else {
        "release"
    };
    println!("growth ({build} build, same sizes in debug and release), best of 3");
    println!(
        "inputs: feed files of {} / {} / {} bytes (figure files {} / {} / {}); canonical \
         texts of {} / {} / {} chars; annotations {} / {} / {}",
        files[0].len(),
        files[1].len(),
        files[2].len(),
        figure_files[0].len(),
        figure_files[1].len(),
        figure_files[2].len(),
        articles[0].char_len,
        articles[1].char_len,
        articles[2].char_len,
        TARGETS[0],
        TARGETS[1],
        TARGETS[2],
    );
    println!(
        "{:<30} {:>12} {:>12} {:>12} {:>10} {:>10}",
        "operation", SIZES[0].1, SIZES[1].1, SIZES[2].1, "mid/small", "large/mid"
    );
    let mut failures = Vec::new();
    for row in &rows {
        let [(r1, c1), (r2, _)] = row.ratios();
        let fmt_ratio = |r: f64, checked: bool| {
            if checked {
                format!("{r:.1}")
            } else {
                format!("({r:.1})")
            }
        };
        println!(
            "{:<30} {:>12} {:>12} {:>12} {:>10} {:>10}",
            row.name,
            format!("{:.3} ms", row.times[0].as_secs_f64() * 1e3),
            format!("{:.3} ms", row.times[1].as_secs_f64() * 1e3),
            format!("{:.3} ms", row.times[2].as_secs_f64() * 1e3),
            fmt_ratio(r1, c1),
            fmt_ratio(r2, true),
        );
        if c1 && r1 >= MAX_RATIO {
            failures.push(format!(
                "{}: {} -> {} grew {r1:.1}x",
                row.name, SIZES[0].1, SIZES[1].1
            ));
        }
        if r2 >= MAX_RATIO {
            failures.push(format!(
                "{}: {} -> {} grew {r2:.1}x",
                row.name, SIZES[1].1, SIZES[2].1
            ));
        }
    }
    println!("(a ratio in parentheses is not checked: the small time is under 1 ms)");
    assert!(failures.is_empty(), "superlinear growth: {failures:?}");
}
