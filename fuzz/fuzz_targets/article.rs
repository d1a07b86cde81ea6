//! The article parser: any bytes give an `Article` or a `ParseError`, never a panic; and
//! valid UTF-8 within the size limit that is not mostly control characters always opens
//! (`Empty` only for blank input), with a canonical text free of NUL whose every run sits at
//! its offset.
#![no_main]

use libfuzzer_sys::fuzz_target;
// Everything this target uses from pizhu, in one place.
use pizhu::core::article::{parse_bytes, ParseError, MAX_INPUT_BYTES};

/// The binary rule, written again from its statement rather than calling the parser's own
/// (`feed::looks_binary`): more than a tenth of the first 4096 characters are C0 controls
/// other than tab, LF, FF and CR, DEL, or C1 controls.
fn mostly_controls(text: &str) -> bool {
    let sample: Vec<char> = text.chars().take(4096).collect();
    let controls = sample
        .iter()
        .filter(|&&c| c.is_control() && !matches!(c, '\t' | '\n' | '\u{c}' | '\r'))
        .count();
    controls * 10 > sample.len()
}

fuzz_target!(|data: &[u8]| {
    let result = parse_bytes(data);
    let expected_error = if data.len() > MAX_INPUT_BYTES {
        Some(ParseError::TooLarge {
            size: data.len(),
            limit: MAX_INPUT_BYTES,
        })
    } else {
        match std::str::from_utf8(data) {
            Err(_) => Some(ParseError::NotText),
            Ok(text) if text.trim().is_empty() => Some(ParseError::Empty),
            Ok(text) if mostly_controls(text) => Some(ParseError::NotText),
            Ok(_) => None,
        }
    };
    let article = match (result, expected_error) {
        (Err(got), Some(want)) => {
            assert_eq!(got, want);
            return;
        }
        (Ok(article), None) => article,
        (got, want) => panic!("got {got:?}, expected error {want:?}"),
    };
    assert!(!article.text.contains('\0'), "NUL in the canonical text");
    assert!(!article.meta.title.contains('\0'), "NUL in the title");
    let chars: Vec<char> = article.text.chars().collect();
    assert_eq!(article.char_len, chars.len());
    for block in &article.blocks {
        for unit in block.units() {
            for run in &unit.runs {
                let end = run.start + run.char_len();
                assert!(end <= chars.len(), "run past the end of the text");
                let at: String = chars[run.start..end].iter().collect();
                assert_eq!(at, run.text(), "run not at its offset");
            }
        }
    }
});
