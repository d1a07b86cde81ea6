//! Helpers shared by the tests and benchmarks that read the whole corpus or need
//! deterministic pseudo-random input. Each test binary uses a subset, hence `dead_code`.
#![allow(dead_code)]

pub mod generated;

use std::fs;
use std::path::PathBuf;

/// Every article file under tests/fixtures/corpus (not its README), in path order.
pub fn corpus_files() -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut dirs = vec![PathBuf::from("tests/fixtures/corpus")];
    while let Some(dir) = dirs.pop() {
        for entry in fs::read_dir(&dir).expect("corpus dir").flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if matches!(
                path.extension().and_then(|e| e.to_str()),
                Some("md" | "txt")
            ) && !path.ends_with("SOURCE-README.md")
            {
                files.push(path);
            }
        }
    }
    pizhu::core::sort::sort(&mut files);
    files
}

/// Every corpus file (path, contents), in path order.
pub fn corpus() -> Vec<(PathBuf, String)> {
    corpus_files()
        .into_iter()
        .map(|path| {
            let text = fs::read_to_string(&path).expect("corpus file");
            (path, text)
        })
        .collect()
}

/// The HTML body of a feed file (line 5 on).
pub fn body(file: &str) -> &str {
    file.splitn(5, '\n').nth(4).unwrap_or("").trim()
}

/// A body without the feed's trailing advert: left in, the advert of one body would end a
/// concatenated article there (the parser drops everything from the last advert on).
pub fn without_advert(body: &str) -> &str {
    let cut = ["获取更多RSS", "獲取更多RSS"]
        .iter()
        .filter_map(|m| body.find(m))
        .min()
        .and_then(|at| body[..at].rfind("<hr"))
        .unwrap_or(body.len());
    &body[..cut]
}

/// Small deterministic PRNG (64-bit LCG, high bits).
pub struct Lcg(pub u64);

impl Lcg {
    pub fn next(&mut self, bound: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % bound.max(1)
    }
}
