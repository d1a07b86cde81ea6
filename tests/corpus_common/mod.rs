//! The corpus fixture files, shared by the tests that read them all.

use std::fs;
use std::path::PathBuf;

/// Every article file under tests/fixtures/corpus (not its README), sorted.
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
    files.sort();
    files
}
