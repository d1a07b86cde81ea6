//! One-off offset conversions between code points, UTF-16 units and bytes.
//!
//! Each call scans the text from the start (O(n)); use
//! [`CharIndex`](super::CharIndex) for repeated conversions over long texts.

/// Converts a UTF-16 code-unit offset (as the DOM reports it) into a code
/// point offset.
///
/// Returns `None` when `utf16` lies past the end of the text or points between
/// the two halves of a surrogate pair.
pub fn utf16_to_char_offset(text: &str, utf16: usize) -> Option<usize> {
    let mut units = 0;
    for (chars, c) in text.chars().enumerate() {
        if units == utf16 {
            return Some(chars);
        }
        units += c.len_utf16();
        if units > utf16 {
            return None;
        }
    }
    (units == utf16).then(|| text.chars().count())
}

/// Converts a code point offset into a UTF-16 code-unit offset.
///
/// Returns `None` when `chars` is past the end of the text.
pub fn char_to_utf16_offset(text: &str, chars: usize) -> Option<usize> {
    let mut units = 0;
    let mut seen = 0;
    for c in text.chars() {
        if seen == chars {
            return Some(units);
        }
        units += c.len_utf16();
        seen += 1;
    }
    (seen == chars).then_some(units)
}

/// Converts a code point offset into a byte offset usable for slicing.
///
/// `chars == text.chars().count()` maps to `text.len()`; larger values give
/// `None`.
pub fn char_to_byte(text: &str, chars: usize) -> Option<usize> {
    let mut seen = 0;
    for (byte, _) in text.char_indices() {
        if seen == chars {
            return Some(byte);
        }
        seen += 1;
    }
    (seen == chars).then_some(text.len())
}

/// Converts a byte offset into a code point offset.
///
/// Returns `None` when `byte` is past the end or not on a char boundary.
pub fn byte_to_char(text: &str, byte: usize) -> Option<usize> {
    text.get(..byte).map(|head| head.chars().count())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn astral_chars_take_two_units() {
        let text = "a𠀀b";
        assert_eq!(char_to_utf16_offset(text, 2), Some(3));
        assert_eq!(utf16_to_char_offset(text, 3), Some(2));
        assert_eq!(utf16_to_char_offset(text, 2), None);
        assert_eq!(utf16_to_char_offset(text, 4), Some(3));
        assert_eq!(utf16_to_char_offset(text, 5), None);
        assert_eq!(char_to_byte(text, 2), Some(5));
        assert_eq!(char_to_byte(text, 3), Some(6));
        assert_eq!(char_to_byte(text, 4), None);
        assert_eq!(byte_to_char(text, 2), None);
        assert_eq!(byte_to_char(text, 5), Some(2));
    }

    #[test]
    fn empty_text() {
        assert_eq!(utf16_to_char_offset("", 0), Some(0));
        assert_eq!(char_to_utf16_offset("", 0), Some(0));
        assert_eq!(char_to_byte("", 0), Some(0));
        assert_eq!(char_to_byte("", 1), None);
    }
}
