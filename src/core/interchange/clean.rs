//! Cleaning of imported text and URLs: whatever a file says, only plain text without
//! control characters and only checked http(s) URLs are kept.

use crate::core::article::url::{check_url, UrlUse};

/// Drops NUL and every other control character (C0, DEL, C1) except `\n` and `\t`.
/// Notes and quotes go through this; the UI renders them as text, never as HTML.
pub fn strip_controls(text: &str) -> String {
    text.chars()
        .filter(|&c| c == '\n' || c == '\t' || !c.is_control())
        .collect()
}

/// A one-line value (title, label name, id, key): every control character dropped,
/// surrounding whitespace trimmed.
pub(crate) fn one_line(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_control())
        .collect::<String>()
        .trim()
        .to_owned()
}

/// The URL if it passes [`check_url`] as a link and is http or https; otherwise `None`
/// (the value is dropped, never stored).
pub(crate) fn web_url(raw: &str) -> Option<String> {
    check_url(raw, None, UrlUse::Link)
        .filter(|u| u.starts_with("http://") || u.starts_with("https://"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_newlines_and_tabs_only() {
        assert_eq!(
            strip_controls("a\0b\u{7}c\n\td\u{7f}e\u{85}f\r\n"),
            "abc\n\tdef\n"
        );
        assert_eq!(one_line(" 标题\n\u{1b}[31m "), "标题[31m");
    }

    #[test]
    fn only_web_urls_pass() {
        assert_eq!(
            web_url("https://www.dw.com/zh/a-1"),
            Some("https://www.dw.com/zh/a-1".to_owned())
        );
        for bad in [
            "javascript:alert(1)",
            "java\tscript:alert(1)",
            " JAVASCRIPT:alert(1)",
            "data:text/html,<script>",
            "mailto:a@b.c",
            "vbscript:x",
            "/relative",
            "urn:pizhu:article:k",
        ] {
            assert_eq!(web_url(bad), None, "{bad}");
        }
    }
}
