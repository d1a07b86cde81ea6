//! Generated benchmark and test inputs: a large feed file made of corpus bodies, highlight
//! ranges and annotations at deterministic places.

use std::path::PathBuf;

use pizhu::core::annotation::{describe_in, Annotation};
use pizhu::core::text::CharIndex;

use super::{body, without_advert, Lcg};

/// One feed file of at least `bytes` bytes: corpus bodies without their adverts, each in a
/// `<div>`, in file order.
pub fn big_feed(corpus: &[(PathBuf, String)], bytes: usize) -> String {
    let mut file = String::from(
        "<!--1715609823000-->\n[Benchmark 基准](https://example.com/bench)\n------\n\n",
    );
    for (_, text) in corpus.iter().cycle() {
        if file.len() >= bytes {
            break;
        }
        file.push_str("<div>");
        file.push_str(without_advert(body(text)));
        file.push_str("</div>");
    }
    file.push('\n');
    file
}

/// `count` highlights of 2 to 120 code points at deterministic places in a text of
/// `char_len` code points, as layout input `(id, start, end)`.
pub fn highlights(char_len: usize, count: usize, seed: u64) -> Vec<(usize, usize, usize)> {
    let mut rng = Lcg(seed);
    (0..count)
        .map(|id| {
            let len = 2 + rng.next(119);
            let start = rng.next(char_len - len);
            (id, start, start + len)
        })
        .collect()
}

/// `count` annotations on `text`, ids and times deterministic, a note on every third.
pub fn annotations(text: &str, key: &str, count: usize, seed: u64) -> Vec<Annotation> {
    let index = CharIndex::new(text);
    highlights(index.char_len(), count, seed)
        .into_iter()
        .map(|(i, start, end)| Annotation {
            id: format!("{seed:08x}-0000-4000-8000-{i:012x}"),
            article: key.to_string(),
            label: ["fact", "policy", "claim", "number"][i % 4].to_string(),
            note: if i % 3 == 0 {
                "需要核实：数字来源不明 (check the source)".to_string()
            } else {
                String::new()
            },
            created: 1_715_609_823_000 + i as i64,
            modified: 1_715_609_823_000 + i as i64,
            target: describe_in(&index, start, end).expect("in range"),
        })
        .collect()
}
