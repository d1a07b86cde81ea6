//! The text as dense symbol ids (one per code point), so approximate search
//! looks up pattern masks with one array index instead of decoding UTF-8 and
//! hashing every char, for every quote.

/// Marks a Basic Multilingual Plane char not seen in the text.
const NONE: u32 = u32::MAX;

/// A text decoded into symbol ids `0..alphabet_len()`.
pub(crate) struct Symbols {
    /// Id of each BMP char, or `NONE`.
    bmp: Vec<u32>,
    /// Ids of astral chars (emoji, CJK extension ideographs), sorted by char: a sorted `Vec`
    /// rather than a `HashMap<char, u32>`, for size (a hash map type of its own is a copy of
    /// the hash table's code in the wasm). A text has few distinct astral chars, so a
    /// binary search over them costs about what hashing the char did.
    astral: Vec<(char, u32)>,
    next: u32,
    ids: Vec<u32>,
}

impl Symbols {
    /// Decodes `text` once: O(n).
    pub fn new(text: &str) -> Self {
        let mut symbols = Self {
            bmp: vec![NONE; 1 << 16],
            astral: Vec::new(),
            next: 0,
            ids: Vec::with_capacity(text.len() / 2),
        };
        for c in text.chars() {
            let id = symbols.intern(c);
            symbols.ids.push(id);
        }
        symbols
    }

    fn intern(&mut self, c: char) -> u32 {
        let fresh = self.next;
        let id = match self.bmp.get_mut(u32::from(c) as usize) {
            Some(slot) => {
                if *slot == NONE {
                    *slot = fresh;
                }
                *slot
            }
            None => match self.astral.binary_search_by_key(&c, |&(k, _)| k) {
                Ok(at) => self.astral[at].1,
                Err(at) => {
                    self.astral.insert(at, (c, fresh));
                    fresh
                }
            },
        };
        if id == fresh {
            self.next += 1;
        }
        id
    }

    /// Id of `c`, `None` if the text never contains it.
    pub fn id(&self, c: char) -> Option<u32> {
        match self.bmp.get(u32::from(c) as usize) {
            Some(&NONE) => None,
            Some(&id) => Some(id),
            None => self
                .astral
                .binary_search_by_key(&c, |&(k, _)| k)
                .ok()
                .map(|at| self.astral[at].1),
        }
    }

    /// Number of distinct chars in the text.
    pub fn alphabet_len(&self) -> usize {
        self.next as usize
    }

    /// Length of the text in code points.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Ids of code points `from..to`.
    pub fn ids(&self, from: usize, to: usize) -> Option<&[u32]> {
        self.ids.get(from..to)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interns_bmp_and_astral_chars() {
        let s = Symbols::new("中a中😀𠀀😀");
        assert_eq!(s.alphabet_len(), 4);
        assert_eq!(s.ids(0, 6), Some(&[0, 1, 0, 2, 3, 2][..]));
        assert_eq!(s.id('😀'), Some(2));
        assert_eq!(s.id('b'), None);
        assert_eq!(s.id('🙂'), None);
        assert_eq!(s.len(), 6);
    }
}
