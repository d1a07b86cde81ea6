//! Load/save timing for an article with 10,000 annotations. Run in release
//! for meaningful numbers:
//! `cargo test --release --test perf -- --nocapture`
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::time::Instant;

use common::*;

#[test]
fn load_10k_annotations() {
    let store = shared();
    let mut repo = tab(&store);
    let annotations: Vec<_> = (0..10_000)
        .map(|i| {
            let mut a = ann_in("art", &format!("ann-{i:05}"), i, "一条笔记 a note");
            a.target.position.start = i as usize * 7;
            a.target.position.end = i as usize * 7 + 5;
            a
        })
        .collect();
    let state = state(annotations);

    let t = Instant::now();
    repo.save_article("art", &state).unwrap();
    let first_save = t.elapsed();
    let bytes = raw(&store, "pizhu:v1:article:art").unwrap().len();

    let mut best = None;
    for _ in 0..5 {
        let t = Instant::now();
        let loaded = repo.load_article("art").unwrap();
        let took = t.elapsed();
        assert_eq!(loaded.annotations.len(), 10_000);
        best = Some(best.map_or(took, |b: std::time::Duration| b.min(took)));
    }
    let best = best.unwrap();

    let t = Instant::now();
    repo.save_article("art", &state).unwrap();
    let resave = t.elapsed();

    println!(
        "10k annotations, {bytes} bytes JSON: load best-of-5 {best:?}, first save {first_save:?}, re-save (read+merge+compare) {resave:?}"
    );
    assert!(best.as_millis() < 2_000, "load took {best:?}");
}
