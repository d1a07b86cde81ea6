//! Parsing in slices gives exactly the article a one-shot parse gives: for every corpus file,
//! and for a large feed built from them that actually takes the sliced path.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;

use pizhu::core::article::{parse, Article, IncrementalParse};

#[path = "support/mod.rs"]
mod support;
use support::corpus_files;

fn corpus() -> Vec<String> {
    corpus_files()
        .iter()
        .map(|path| fs::read_to_string(path).expect("read"))
        .collect()
}

/// Step until the article is ready; returns it and the number of steps taken.
fn to_end(mut parse: IncrementalParse) -> (Article, usize) {
    let mut steps = 1;
    loop {
        if let Some(article) = parse.step() {
            return (article, steps);
        }
        steps += 1;
    }
}

#[test]
fn sliced_parse_equals_one_shot_parse() {
    let files = corpus();
    for raw in &files {
        let sliced = to_end(IncrementalParse::new(raw, None).expect("parses")).0;
        assert_eq!(Ok(sliced), parse(raw));
    }
    // About 600 KB of bodies behind one header: more than one tokenizer chunk and walk batch.
    let mut body = String::new();
    while body.len() < 600 * 1024 {
        for raw in &files {
            let part = raw.splitn(5, '\n').nth(4).unwrap_or("");
            body.push_str(part.split("<hr>").next().unwrap_or(part).trim_end());
        }
    }
    let big = format!("<!--1-->\n[大文件](https://example.org/big)\n------\n\n{body}\n");
    let (sliced, steps) = to_end(IncrementalParse::new(&big, None).expect("parses"));
    assert!(steps > 10, "a large input takes many steps, took {steps}");
    assert_eq!(Ok(sliced), parse(&big));
}
