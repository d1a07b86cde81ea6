//! Every JSONTestSuite parsing case: `n_*` files are refused with a message, `i_*` and
//! `y_*` files get an answer (a result or a message), and nothing panics or overflows the
//! stack (the deep-nesting cases included).
#![cfg(not(target_arch = "wasm32"))]

use pizhu::core::interchange::{import, ImportError};

#[test]
fn every_case_gets_an_answer() {
    let mut files: Vec<_> = std::fs::read_dir("tests/fixtures/jsontestsuite")
        .expect("suite folder")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    pizhu::core::sort::sort(&mut files);
    let mut rejected = 0;
    for path in &files {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let bytes = std::fs::read(path).expect("readable");
        let answer = std::panic::catch_unwind(|| import(&bytes));
        let Ok(answer) = answer else {
            panic!("{name}: import panicked");
        };
        if name.starts_with("n_") {
            let error = answer.expect_err(name);
            assert!(!error.to_string().is_empty(), "{name}");
            rejected += 1;
        } else if let Err(error) = answer {
            assert!(!error.to_string().is_empty(), "{name}");
        }
    }
    assert!(files.len() >= 188 + 35, "{} files", files.len());
    assert!(rejected >= 188, "{rejected} n_ files");
}

#[test]
fn deep_nesting_is_a_plain_error() {
    for name in [
        "n_structure_100000_opening_arrays",
        "i_structure_500_nested_arrays",
    ] {
        let bytes =
            std::fs::read(format!("tests/fixtures/jsontestsuite/{name}.json")).expect("file");
        match import(&bytes) {
            Err(ImportError::NotJson { reason, .. }) => {
                assert!(reason.contains("nested too deeply"), "{name}: {reason}")
            }
            other => panic!("{name}: {other:?}"),
        }
    }
    // Deeper than the suite, inside an annotation's body.
    let deep = format!(
        "{{\"type\":\"Annotation\",\"body\":{}{}}}",
        "[".repeat(1_000_000),
        "]".repeat(1_000_000)
    );
    assert!(matches!(
        import(deep.as_bytes()),
        Err(ImportError::NotJson { .. })
    ));
}

#[test]
fn syntax_errors_say_where() {
    let answer = import(b"{\n  \"type\": \"Annotation\",\n  \"id\": 'x'\n}");
    assert_eq!(
        answer,
        Err(ImportError::NotJson {
            line: 3,
            column: 9,
            reason: "a value was expected here".to_owned()
        })
    );
    let message = import(b"[{\"a\": 1}").map_err(|e| e.to_string());
    assert_eq!(
        message,
        Err("This file is not valid JSON: the file ends too early, as if it were cut off (line 1, column 9).".to_owned())
    );
}
