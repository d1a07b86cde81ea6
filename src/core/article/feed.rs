//! Recognising the input: a feed-archive file (header + one line of HTML), a whole HTML page,
//! a bare HTML fragment, or plain text; and splitting the feed header from the body.

use super::model::SourceKind;

/// The header fields of a feed file and the body that follows them.
#[derive(Debug, PartialEq)]
pub struct Envelope<'a> {
    pub kind: SourceKind,
    pub title: Option<String>,
    pub url: Option<String>,
    pub published_ms: Option<i64>,
    pub body: &'a str,
}

/// Split `input` into header and body. Never fails: anything that is not a feed file is a
/// page, a fragment or plain text, with no header.
pub fn split(input: &str) -> Envelope<'_> {
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    if let Some(envelope) = split_feed(input) {
        return envelope;
    }
    let trimmed = input.trim_start();
    let head: String = trimmed
        .chars()
        .take(64)
        .collect::<String>()
        .to_ascii_lowercase();
    let kind = if head.starts_with("<!doctype html") || head.starts_with("<html") {
        SourceKind::HtmlPage
    } else if looks_like_html(trimmed) {
        SourceKind::HtmlFragment
    } else {
        SourceKind::PlainText
    };
    Envelope {
        kind,
        title: None,
        url: None,
        published_ms: None,
        body: input,
    }
}

/// Line 1 `<!--epoch-->`, line 2 `[title](url)`, line 3 dashes, then the body.
fn split_feed(input: &str) -> Option<Envelope<'_>> {
    let mut lines = input.splitn(4, '\n');
    let epoch_line = lines.next()?.trim();
    let title_line = lines.next()?.trim();
    let rule_line = lines.next().unwrap_or("").trim();
    let body = lines.next().unwrap_or("").trim_start_matches(['\r', '\n']);

    let epoch = epoch_line.strip_prefix("<!--")?.strip_suffix("-->")?.trim();
    if !title_line.starts_with('[') || !title_line.ends_with(')') {
        return None;
    }
    if !rule_line.is_empty() && !rule_line.chars().all(|c| c == '-' || c == '=') {
        return None;
    }
    // The title is not escaped and may itself contain "](": the URL follows the last one.
    // The last "](" by bytes: `rfind` with a string pattern was the wasm's only other user
    // of the standard library's backward substring search (1 KB of code).
    let split_at = title_line.as_bytes().windows(2).rposition(|w| w == b"](")?;
    let title = title_line[1..split_at].trim().to_string();
    let url = title_line[split_at + 2..title_line.len() - 1].trim();
    let published_ms = epoch.parse::<i64>().ok();
    Some(Envelope {
        kind: SourceKind::FeedFile,
        title: (!title.is_empty()).then_some(title),
        url: (!url.is_empty()).then(|| url.to_string()),
        published_ms,
        body,
    })
}

/// How many characters from the start of the input `looks_binary` examines.
pub const BINARY_SAMPLE_CHARS: usize = 4096;

/// A control character that no text file has in any number: C0 controls other than tab, LF,
/// FF and CR, DEL, and the C1 controls (U+0080 to U+009F).
pub fn is_binary_control(c: char) -> bool {
    matches!(c, '\0'..='\u{8}' | '\u{b}' | '\u{e}'..='\u{1f}' | '\u{7f}'..='\u{9f}')
}

/// True when more than a tenth of the first `BINARY_SAMPLE_CHARS` characters are
/// `is_binary_control`: a binary file that happens to be valid UTF-8, or UTF-16 read as
/// UTF-8 (every other byte of ASCII text is NUL). A stray NUL or `\x01` in an article is
/// far below that and is left to the HTML parser.
pub fn looks_binary(input: &str) -> bool {
    let (mut sampled, mut controls) = (0usize, 0usize);
    for c in input.chars().take(BINARY_SAMPLE_CHARS) {
        sampled += 1;
        controls += usize::from(is_binary_control(c));
    }
    controls * 10 > sampled
}

/// True when the text contains something shaped like an HTML tag (`<p>`, `</div`, `<br/>`).
fn looks_like_html(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.windows(2).any(|pair| {
        pair[0] == b'<' && (pair[1].is_ascii_alphabetic() || pair[1] == b'/' || pair[1] == b'!')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_a_feed_file() {
        let file =
            "<!--1715609823000-->\n[中美\"对话\"](https://www.dw.com/a-1)\n------\n\n<p>x</p>\n";
        let env = split(file);
        assert_eq!(env.kind, SourceKind::FeedFile);
        assert_eq!(env.title.as_deref(), Some("中美\"对话\""));
        assert_eq!(env.url.as_deref(), Some("https://www.dw.com/a-1"));
        assert_eq!(env.published_ms, Some(1_715_609_823_000));
        assert_eq!(env.body, "<p>x</p>\n");
    }

    #[test]
    fn title_with_brackets_splits_at_last_link_marker() {
        let file = "<!--NaN-->\n[a [b](c) d](https://x.example/y)\n------\n\nbody";
        let env = split(file);
        assert_eq!(env.title.as_deref(), Some("a [b](c) d"));
        assert_eq!(env.url.as_deref(), Some("https://x.example/y"));
        assert_eq!(env.published_ms, None);
    }

    #[test]
    fn header_without_body() {
        let env = split("<!--1-->\n[T](https://x.example)\n------\n");
        assert_eq!(env.kind, SourceKind::FeedFile);
        assert_eq!(env.body, "");
    }

    #[test]
    fn binary_is_mostly_control_characters() {
        assert!(!looks_binary(
            "<p>A stray \0 and a \u{1} in a sentence.</p>"
        ));
        assert!(!looks_binary("tab\tform feed\u{c}\r\nline"));
        assert!(looks_binary("\0"));
        assert!(looks_binary("h\0e\0l\0l\0o\0"));
        // One in ten is not more than a tenth.
        assert!(!looks_binary("\u{1}123456789"));
        assert!(looks_binary("\u{1}12345678"));
        assert!(looks_binary("\u{85}\u{9f}\u{7f}"));
        // Only the sample counts: control bytes far into a long article do not make it binary.
        let late = format!("{}{}", "字".repeat(BINARY_SAMPLE_CHARS), "\0".repeat(5000));
        assert!(!looks_binary(&late));
    }

    #[test]
    fn classifies_other_inputs() {
        assert_eq!(split("<!DOCTYPE html><html>").kind, SourceKind::HtmlPage);
        assert_eq!(split("  <html><body>").kind, SourceKind::HtmlPage);
        assert_eq!(split("<p>hello</p>").kind, SourceKind::HtmlFragment);
        assert_eq!(split("just text, 1 < 2").kind, SourceKind::PlainText);
    }
}
