// Copyright 2014-2017 The html5ever Project Developers. See the
// COPYRIGHT file at the top-level directory of this distribution.
//
// Licensed under the Apache License, Version 2.0 <LICENSE-APACHE or
// http://www.apache.org/licenses/LICENSE-2.0> or the MIT license
// <LICENSE-MIT or http://opensource.org/licenses/MIT>, at your
// option. This file may not be copied, modified, or distributed
// except according to those terms.

#![allow(unexpected_cfgs)]


/// The spec replaces most characters in the ISO-2022 C1 control code range
/// (U+0080 through U+009F) with these characters, based on Windows 8-bit
/// codepages.
pub static C1_REPLACEMENTS: [Option<char>; 32] = [
    Some('\u{20ac}'),
    None,
    Some('\u{201a}'),
    Some('\u{0192}'),
    Some('\u{201e}'),
    Some('\u{2026}'),
    Some('\u{2020}'),
    Some('\u{2021}'),
    Some('\u{02c6}'),
    Some('\u{2030}'),
    Some('\u{0160}'),
    Some('\u{2039}'),
    Some('\u{0152}'),
    None,
    Some('\u{017d}'),
    None,
    None,
    Some('\u{2018}'),
    Some('\u{2019}'),
    Some('\u{201c}'),
    Some('\u{201d}'),
    Some('\u{2022}'),
    Some('\u{2013}'),
    Some('\u{2014}'),
    Some('\u{02dc}'),
    Some('\u{2122}'),
    Some('\u{0161}'),
    Some('\u{203a}'),
    Some('\u{0153}'),
    None,
    Some('\u{017e}'),
    Some('\u{0178}'),
];

include!(concat!(env!("OUT_DIR"), "/named_entities.rs"));

/// The HTML named character references, without their leading '&'.
pub struct NamedEntities(());

/// Looked up by the tokenizer one character at a time, as upstream's `phf` map was.
pub static NAMED_ENTITIES: NamedEntities = NamedEntities(());

impl NamedEntities {
    /// `Some(&(cp1, cp2))` for a full name (the second code point is 0 for one-character
    /// references), `Some(&(0, 0))` for a prefix of a longer name, `None` otherwise.
    ///
    /// ```
    /// use web_atoms::NAMED_ENTITIES;
    ///
    /// assert_eq!(NAMED_ENTITIES.get("gt;"), Some(&(62, 0)));
    /// assert_eq!(NAMED_ENTITIES.get("noti"), Some(&(0, 0)));
    /// assert_eq!(NAMED_ENTITIES.get("notx"), None);
    /// ```
    pub fn get(&self, key: &str) -> Option<&'static (u32, u32)> {
        static PREFIX: (u32, u32) = (0, 0);
        let index = entity_index();
        let name = |i: usize| {
            let (start, end) = index.names[i];
            &index.text[start as usize..end as usize]
        };
        let (mut low, mut high) = (0, index.names.len());
        while low < high {
            let mid = (low + high) / 2;
            match name(mid).cmp(key) {
                core::cmp::Ordering::Less => low = mid + 1,
                core::cmp::Ordering::Greater => high = mid,
                core::cmp::Ordering::Equal => return Some(&index.codepoints[mid]),
            }
        }
        (low < index.names.len() && name(low).starts_with(key)).then_some(&PREFIX)
    }
}

/// The names written out in full, one after another; where each lies in `text`, and its code
/// points.
struct EntityIndex {
    text: String,
    names: Vec<(u16, u16)>,
    codepoints: Vec<(u32, u32)>,
}

/// Built once, on the first named reference the tokenizer sees: `ENTITY_TABLE` is read in
/// one pass (about 15 KB) and each front-coded name written out in full (about 20 KB).
fn entity_index() -> &'static EntityIndex {
    static INDEX: std::sync::OnceLock<EntityIndex> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index = EntityIndex {
            text: String::new(),
            names: Vec::with_capacity(ENTITY_COUNT),
            codepoints: Vec::with_capacity(ENTITY_COUNT),
        };
        let mut chars = ENTITY_TABLE.chars();
        let mut previous = 0..0;
        while let Some(shared) = chars.next() {
            let start = index.text.len();
            index.text.extend_from_within(previous.start..previous.start + shared as usize);
            let mut marker = '=';
            for c in chars.by_ref() {
                if c == '=' || c == '+' {
                    marker = c;
                    break;
                }
                index.text.push(c);
            }
            let first = chars.next().map_or(0, |c| c as u32);
            let second = if marker == '+' { chars.next().map_or(0, |c| c as u32) } else { 0 };
            previous = start..index.text.len();
            index.names.push((start as u16, index.text.len() as u16));
            index.codepoints.push((first, second));
        }
        index
    })
}
include!(concat!(env!("OUT_DIR"), "/generated.rs"));
