//! Finding every occurrence (overlaps included) of many quotes in a text in
//! one pass, so re-anchoring 1,000 quotes costs one scan, not 1,000.
//!
//! Each needle is keyed by its first one to three code points packed into a
//! `u64` (21 bits each, so keys are exact). The scan packs the same keys at
//! every text position, rejects most positions with a 64 Kibit filter, and
//! verifies the rest with a byte comparison.

/// Where a needle was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Occurrence {
    pub char_start: usize,
    pub byte_start: usize,
}

const FILTER_BITS: usize = 1 << 16;

/// Needles keyed by their first `len` code points.
#[derive(Default)]
struct KeyTable {
    filter: Vec<u64>,
    entries: Vec<(u64, usize)>,
}

impl KeyTable {
    fn insert(&mut self, key: u64, needle: usize) {
        if self.filter.is_empty() {
            self.filter = vec![0; FILTER_BITS / 64];
        }
        let bit = slot(key);
        if let Some(word) = self.filter.get_mut(bit / 64) {
            *word |= 1 << (bit % 64);
        }
        self.entries.push((key, needle));
    }

    fn lookup(&self, key: u64) -> &[(u64, usize)] {
        let bit = slot(key);
        let hit = self
            .filter
            .get(bit / 64)
            .is_some_and(|word| word & (1 << (bit % 64)) != 0);
        if !hit {
            return &[];
        }
        let lo = self.entries.partition_point(|&(k, _)| k < key);
        let hi = self.entries.partition_point(|&(k, _)| k <= key);
        self.entries.get(lo..hi).unwrap_or(&[])
    }
}

fn slot(key: u64) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 48) as usize
}

fn pack(chars: impl Iterator<Item = char>) -> u64 {
    chars.fold(0, |key, c| (key << 21) | u64::from(u32::from(c)))
}

/// All occurrences of each needle, in text order. Empty needles have none.
pub(crate) fn find_all(text: &str, needles: &[&str]) -> Vec<Vec<Occurrence>> {
    if let [needle] = needles {
        return vec![find_one(text, needle)];
    }
    let mut tables: [KeyTable; 3] = Default::default();
    for (i, needle) in needles.iter().enumerate() {
        let len = needle.chars().take(3).count();
        if let Some(table) = len.checked_sub(1).and_then(|t| tables.get_mut(t)) {
            table.insert(pack(needle.chars().take(3)), i);
        }
    }
    for table in &mut tables {
        crate::core::sort::sort(&mut table.entries);
    }
    let mut found = vec![Vec::new(); needles.len()];
    let bytes = text.as_bytes();
    // The last three chars seen and their byte offsets, newest last.
    let mut window = [('\0', 0usize); 3];
    for (pos, (byte, c)) in text.char_indices().enumerate() {
        window = [window[1], window[2], (c, byte)];
        for (len, table) in (1..=3).zip(&tables) {
            if table.entries.is_empty() || pos + 1 < len {
                continue;
            }
            let Some(keyed) = window.get(3 - len..) else {
                continue;
            };
            let key = pack(keyed.iter().map(|&(c, _)| c));
            let start = keyed.first().map_or(0, |&(_, b)| b);
            for &(_, n) in table.lookup(key) {
                let needle = needles.get(n).map_or(&[][..], |s| s.as_bytes());
                if bytes
                    .get(start..)
                    .is_some_and(|rest| rest.starts_with(needle))
                {
                    if let Some(list) = found.get_mut(n) {
                        list.push(Occurrence {
                            char_start: pos + 1 - len,
                            byte_start: start,
                        });
                    }
                }
            }
        }
    }
    found
}

/// All occurrences of one needle, using the standard substring search.
fn find_one(text: &str, needle: &str) -> Vec<Occurrence> {
    let mut found = Vec::new();
    let Some(first) = needle.chars().next() else {
        return found;
    };
    let (mut from, mut chars_before_from) = (0, 0);
    while let Some(off) = text.get(from..).and_then(|rest| rest.find(needle)) {
        let byte_start = from + off;
        let char_start =
            chars_before_from + text.get(from..byte_start).map_or(0, |s| s.chars().count());
        found.push(Occurrence {
            char_start,
            byte_start,
        });
        from = byte_start + first.len_utf8();
        chars_before_from = char_start + 1;
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn starts(found: &[Occurrence]) -> Vec<usize> {
        found.iter().map(|o| o.char_start).collect()
    }

    #[test]
    fn finds_overlapping_occurrences_of_all_lengths() {
        let text = "中中中a中中𠀀中";
        let needles = ["中中", "中", "中中中", "𠀀中", "", "无"];
        let found = find_all(text, &needles);
        assert_eq!(starts(&found[0]), vec![0, 1, 4]);
        assert_eq!(starts(&found[1]), vec![0, 1, 2, 4, 5, 7]);
        assert_eq!(starts(&found[2]), vec![0]);
        assert_eq!(starts(&found[3]), vec![6]);
        assert!(found[4].is_empty());
        assert!(found[5].is_empty());
        for (needle, list) in needles.iter().zip(&found) {
            assert_eq!(find_one(text, needle), *list);
        }
    }
}
