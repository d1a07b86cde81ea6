//! Folding text for search, so that what a reader types finds what the article wrote: Latin
//! (and Greek and Cyrillic) letters without case, full-width ASCII forms (`ＡＢＣ１２３，`) as
//! ASCII, the ideographic space as a space. [`Folded`] keeps the way back from a folded
//! offset to the original code point, so a match found in the folded text can be marked.

use crate::core::text::push_lowercase;

/// A folded text and where its code points came from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Folded {
    pub text: String,
    /// `(folded offset, length)` of every original code point that folded to more than one
    /// (`İ` lowercases to `i` and a combining dot); in order, and almost always none.
    expansions: Vec<(u32, u32)>,
}

/// `text` folded (see the module doc).
pub fn fold(text: &str) -> String {
    Folded::new(text).text
}

impl Folded {
    pub fn new(text: &str) -> Self {
        let mut out = String::with_capacity(text.len());
        let mut expansions = Vec::new();
        let mut folded_len = 0u32;
        for c in text.chars() {
            let before = out.len();
            push_folded(&mut out, c);
            let added = out[before..].chars().count() as u32;
            if added > 1 {
                expansions.push((folded_len, added));
            }
            folded_len += added;
        }
        Self {
            text: out,
            expansions,
        }
    }

    /// The original code-point offset of folded code-point offset `at`. An offset inside
    /// the expansion of one code point goes to that code point's start, or its end when
    /// `end` (so a range covering part of it covers all of it).
    pub fn original(&self, at: usize, end: bool) -> usize {
        let mut extra = 0;
        for &(start, len) in &self.expansions {
            let (start, len) = (start as usize, len as usize);
            if at >= start + len {
                extra += len - 1;
            } else {
                if at > start {
                    return start - extra + usize::from(end);
                }
                break;
            }
        }
        at - extra
    }
}

/// Appends the folded form of `c`, always at least one code point.
fn push_folded(out: &mut String, c: char) {
    let c = match c {
        '\u{3000}' => ' ',
        // Full-width forms of ASCII `!` to `~` sit 0xFEE0 above them.
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    };
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else if has_case(c) {
        // Rare in Chinese text, and on wasm a call to the browser (see text/case.rs).
        let before = out.len();
        push_lowercase(out, c);
        if out.len() == before {
            out.push(c);
        }
    } else {
        out.push(c);
    }
}

/// Whether `c` is in a block of cased letters that news text uses: Latin-1 and the Latin
/// extensions, IPA, Greek, Cyrillic, and the extended Latin and Greek blocks. Everything
/// else (CJK above all) is kept as it is without asking for its lowercase.
fn has_case(c: char) -> bool {
    matches!(c, '\u{C0}'..='\u{52F}' | '\u{1E00}'..='\u{1FFF}')
}
