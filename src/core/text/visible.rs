//! Text as a reader sees it: the invisible characters that have no business in names, ids
//! and notes (bidirectional overrides and isolates, zero-width spaces, the byte-order mark,
//! invisible operators), removing them, cutting text to a length, and the form two label
//! names are compared in ("政策表态" and "政策表态\u{200b}" look the same, so they are the
//! same name).
//!
//! Kept: ZWJ (U+200D, inside emoji sequences such as 👩‍💻) and ZWNJ (U+200C, needed by
//! Persian and Indic scripts); only ids, which are never shown as prose, lose those too.

/// An invisible formatting character that can disguise or reorder text: bidi embeddings,
/// overrides and isolates (U+202A-U+202E, U+2066-U+2069), marks (U+200E, U+200F, U+061C),
/// zero-width space (U+200B), word joiner and invisible operators (U+2060-U+2064), the
/// byte-order mark / zero-width no-break space (U+FEFF), the Mongolian vowel separator
/// (U+180E) and the soft hyphen (U+00AD).
pub fn is_disguising(c: char) -> bool {
    matches!(
        c,
        '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}'
            | '\u{200B}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{061C}'
            | '\u{2060}'..='\u{2064}'
            | '\u{FEFF}'
            | '\u{180E}'
            | '\u{00AD}'
    )
}

/// `text` without control characters (except `\n` and `\t` when `multiline`) and without
/// disguising ones.
pub fn without_invisible(text: &str, multiline: bool) -> String {
    text.chars()
        .filter(|&c| {
            (multiline && (c == '\n' || c == '\t')) || !(c.is_control() || is_disguising(c))
        })
        .collect()
}

/// An identifier as stored: no control or invisible character at all (so `policy` and
/// `policy\u{200b}` are one id), no surrounding whitespace, at most `max` characters. Inner
/// spaces stay: an id is kept verbatim otherwise, so every stored id survives a round trip.
pub fn clean_identifier(text: &str, max: usize) -> String {
    let visible: String = text.chars().filter(|&c| !is_invisible(c)).collect();
    visible.trim().chars().take(max).collect()
}

/// Nothing a reader sees: controls, disguising characters, ZWJ and ZWNJ.
fn is_invisible(c: char) -> bool {
    c.is_control() || is_disguising(c) || matches!(c, '\u{200C}' | '\u{200D}')
}

/// The first `max` characters of `text`, and whether anything was cut.
pub fn truncate_chars(text: &str, max: usize) -> (String, bool) {
    match text.char_indices().nth(max) {
        Some((cut, _)) => (text[..cut].to_owned(), true),
        None => (text.to_owned(), false),
    }
}

/// The last `max` characters of `text`.
pub fn last_chars(text: &str, max: usize) -> &str {
    let count = text.chars().count();
    match text.char_indices().nth(count.saturating_sub(max)) {
        Some((from, _)) if count > max => &text[from..],
        _ => text,
    }
}

/// The form two names are compared in: invisible characters and whitespace removed, ASCII
/// letters lowercased (so "Policy " and "policy" are the same name).
pub fn name_key(name: &str) -> String {
    name.chars()
        .filter(|&c| !(is_invisible(c) || c.is_whitespace()))
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn disguises_go_real_text_stays() {
        assert_eq!(
            without_invisible("政策\u{202E}表态\u{200B}\u{2066}x\u{2069}\u{FEFF}", false),
            "政策表态x"
        );
        // ZWJ inside an emoji, ZWNJ in Persian, newlines in a note: kept.
        assert_eq!(without_invisible("👩\u{200D}💻", false), "👩\u{200D}💻");
        assert_eq!(
            without_invisible("می\u{200C}خواهم", false),
            "می\u{200C}خواهم"
        );
        assert_eq!(without_invisible("a\n\tb\u{7}", true), "a\n\tb");
        assert_eq!(without_invisible("a\n\tb", false), "ab");
    }

    #[test]
    fn identifiers_lose_every_invisible_character() {
        assert_eq!(clean_identifier("policy\u{200B}", 64), "policy");
        assert_eq!(clean_identifier(" My Label\u{200D}\n", 64), "My Label");
        assert_eq!(clean_identifier(&"x".repeat(100), 64).len(), 64);
    }

    #[test]
    fn cutting_by_characters() {
        assert_eq!(truncate_chars("政策表态", 2), ("政策".to_owned(), true));
        assert_eq!(truncate_chars("政策", 2), ("政策".to_owned(), false));
        assert_eq!(last_chars("政策表态", 2), "表态");
        assert_eq!(last_chars("政策", 5), "政策");
    }

    #[test]
    fn look_alike_names_are_one_name() {
        assert_eq!(name_key("政策表态\u{200B}"), name_key("政策表态"));
        assert_eq!(name_key(" Policy "), name_key("policy"));
        assert_ne!(name_key("政策表态"), name_key("事实陈述"));
    }
}
