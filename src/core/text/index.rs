//! [`CharIndex`]: precomputed offset checkpoints for fast repeated
//! conversions between code points, bytes and UTF-16 units on long texts.

/// Code points between two checkpoints. Conversions walk at most this many
/// chars after an O(1) (by code point) or O(log n) (by byte / UTF-16) lookup.
const STRIDE: usize = 64;

/// Offset index over one text.
///
/// Stores the byte and UTF-16 offset of every `STRIDE`-th code point, so a
/// 1 MB text costs a few hundred KB at most and every conversion is
/// O(1) + a walk of under 64 chars (by code point) or O(log n) + that walk
/// (by byte or UTF-16 unit). Pure ASCII texts skip the tables entirely.
#[derive(Clone, Debug)]
pub struct CharIndex<'a> {
    text: &'a str,
    char_len: usize,
    utf16_len: usize,
    /// Byte offset of code point `k * STRIDE`.
    bytes: Vec<usize>,
    /// UTF-16 offset of code point `k * STRIDE`.
    utf16: Vec<usize>,
    ascii: bool,
}

impl<'a> CharIndex<'a> {
    /// Builds the index in one pass over `text`.
    pub fn new(text: &'a str) -> Self {
        if text.is_ascii() {
            return Self {
                text,
                char_len: text.len(),
                utf16_len: text.len(),
                bytes: Vec::new(),
                utf16: Vec::new(),
                ascii: true,
            };
        }
        let mut bytes = Vec::with_capacity(text.len() / STRIDE + 1);
        let mut utf16 = Vec::with_capacity(text.len() / STRIDE + 1);
        let mut units = 0;
        let mut chars = 0;
        for (byte, c) in text.char_indices() {
            if chars % STRIDE == 0 {
                bytes.push(byte);
                utf16.push(units);
            }
            units += c.len_utf16();
            chars += 1;
        }
        Self {
            text,
            char_len: chars,
            utf16_len: units,
            bytes,
            utf16,
            ascii: false,
        }
    }

    /// The indexed text.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// Length in code points.
    pub fn char_len(&self) -> usize {
        self.char_len
    }

    /// Length in UTF-16 code units.
    pub fn utf16_len(&self) -> usize {
        self.utf16_len
    }

    /// Byte offset of code point `chars`; `char_len()` maps to `text().len()`.
    pub fn char_to_byte(&self, chars: usize) -> Option<usize> {
        if chars > self.char_len {
            return None;
        }
        if self.ascii || chars == self.char_len {
            return Some(if self.ascii { chars } else { self.text.len() });
        }
        let base = *self.bytes.get(chars / STRIDE)?;
        let (off, _) = self.text.get(base..)?.char_indices().nth(chars % STRIDE)?;
        Some(base + off)
    }

    /// Code point offset of byte `byte`; `None` off a char boundary or past
    /// the end.
    pub fn byte_to_char(&self, byte: usize) -> Option<usize> {
        if !self.text.is_char_boundary(byte) {
            return None;
        }
        if self.ascii {
            return Some(byte);
        }
        let block = self.bytes.partition_point(|&b| b <= byte).checked_sub(1)?;
        let base = *self.bytes.get(block)?;
        let walked = self.text.get(base..byte)?.chars().count();
        Some(block * STRIDE + walked)
    }

    /// UTF-16 offset of code point `chars`.
    pub fn char_to_utf16(&self, chars: usize) -> Option<usize> {
        if chars > self.char_len {
            return None;
        }
        if self.ascii || chars == self.char_len {
            return Some(if self.ascii { chars } else { self.utf16_len });
        }
        let block = chars / STRIDE;
        let base = *self.bytes.get(block)?;
        let units = *self.utf16.get(block)?;
        let walked: usize = self
            .text
            .get(base..)?
            .chars()
            .take(chars % STRIDE)
            .map(char::len_utf16)
            .sum();
        Some(units + walked)
    }

    /// Code point offset of UTF-16 unit `utf16`; `None` past the end or
    /// between the halves of a surrogate pair.
    pub fn utf16_to_char(&self, utf16: usize) -> Option<usize> {
        if utf16 > self.utf16_len {
            return None;
        }
        if self.ascii {
            return Some(utf16);
        }
        if utf16 == self.utf16_len {
            return Some(self.char_len);
        }
        let block = self.utf16.partition_point(|&u| u <= utf16).checked_sub(1)?;
        let base = *self.bytes.get(block)?;
        let mut units = *self.utf16.get(block)?;
        for (walked, c) in self.text.get(base..)?.chars().enumerate() {
            if units == utf16 {
                return Some(block * STRIDE + walked);
            }
            units += c.len_utf16();
            if units > utf16 {
                return None;
            }
        }
        None
    }

    /// The text between two code point offsets.
    pub fn slice(&self, start: usize, end: usize) -> Option<&'a str> {
        if start > end {
            return None;
        }
        let from = self.char_to_byte(start)?;
        let to = self.char_to_byte(end)?;
        self.text.get(from..to)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_linear_scan_across_checkpoints() {
        let text: String = (0..300)
            .map(|i| match i % 4 {
                0 => 'a',
                1 => '中',
                2 => '𠀀',
                _ => '😀',
            })
            .collect();
        let index = CharIndex::new(&text);
        assert_eq!(index.char_len(), 300);
        for c in 0..=301 {
            assert_eq!(index.char_to_byte(c), super::super::char_to_byte(&text, c));
            let u = index.char_to_utf16(c);
            assert_eq!(u, super::super::char_to_utf16_offset(&text, c));
            if let Some(u) = u {
                assert_eq!(index.utf16_to_char(u), Some(c));
            }
        }
        for u in 0..=index.utf16_len() + 1 {
            assert_eq!(
                index.utf16_to_char(u),
                super::super::utf16_to_char_offset(&text, u)
            );
        }
        for b in 0..=text.len() + 1 {
            assert_eq!(index.byte_to_char(b), super::super::byte_to_char(&text, b));
        }
    }

    #[test]
    fn ascii_fast_path() {
        let index = CharIndex::new("hello");
        assert_eq!(index.char_to_byte(5), Some(5));
        assert_eq!(index.char_to_byte(6), None);
        assert_eq!(index.utf16_to_char(6), None);
        assert_eq!(index.slice(1, 3), Some("el"));
        assert_eq!(index.slice(3, 1), None);
    }
}
