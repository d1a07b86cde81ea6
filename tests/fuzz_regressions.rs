//! Every input that once made a fuzz target fail, replayed natively through the very checks
//! the target runs (tests/support/fuzz_checks.rs). The inputs are kept byte for byte in
//! tests/fixtures/fuzz/<target>/, named after what they found; fuzz/README.md says how.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::Path;

#[path = "support/fuzz_checks.rs"]
mod checks;

/// Runs `check` on every file in tests/fixtures/fuzz/`target`/ and returns how many.
fn replay(target: &str, check: fn(&[u8])) -> usize {
    let dir = Path::new("tests/fixtures/fuzz").join(target);
    let Ok(entries) = fs::read_dir(&dir) else {
        return 0;
    };
    let mut count = 0;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "md") {
            continue;
        }
        let bytes = fs::read(&path).unwrap();
        let outcome = std::panic::catch_unwind(|| check(&bytes));
        assert!(outcome.is_ok(), "{} fails again", path.display());
        count += 1;
    }
    count
}

#[test]
fn article_inputs() {
    replay("article", checks::article);
}

#[test]
fn import_inputs() {
    replay("import", checks::import);
}

#[test]
fn share_inputs() {
    replay("share", checks::share);
}

#[test]
fn storage_inputs() {
    replay("storage", checks::storage);
}

/// The checks themselves hold on the inputs every target is seeded with.
#[test]
fn checks_pass_on_fixtures() {
    for path in support_files("tests/fixtures/controls") {
        checks::article(&fs::read(path).unwrap());
    }
    checks::article(b"");
    checks::article(b" \n\t");
    checks::article(b"\0\x01\x02");
    checks::article(b"\xff\xfe<\0p\0>\0");
    checks::import(&fs::read("tests/fixtures/interchange/hypothesis_export.json").unwrap());
    checks::import(b"[");
    checks::share(b"Zm9vYg");
    checks::share(b"Zm9vY");
    checks::storage(b"1{\"version\":1,\"labels\":[]}");
    checks::storage(b"0[]");
}

fn support_files(dir: &str) -> Vec<std::path::PathBuf> {
    fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect()
}
