//! A cheap pre-scan of the markup's nesting depth, and the plain-text fallback for files
//! nested too deeply to hand to the HTML parser (whose cost grows with depth squared).

/// Deeper than any real article by far (the corpus stays under 30), and still parsed in well
/// under a second; the 10,000-deep test input is below it.
pub const MAX_NESTING: usize = 20_000;

const VOID: [&str; 14] = [
    "br", "img", "hr", "input", "meta", "link", "source", "wbr", "area", "base", "col", "embed",
    "param", "track",
];

/// Approximate the deepest nesting of elements: start tags add one (void and self-closing
/// ones do not), end tags remove one. Linear in the input, no allocation.
pub fn max_depth(html: &str) -> usize {
    let bytes = html.as_bytes();
    let (mut depth, mut max) = (0usize, 0usize);
    let mut i = 0;
    while i + 1 < bytes.len() {
        // Jump to the next '<' (a memchr search; `i` is always at a character boundary: the
        // start, or just past an ASCII '<' or at the ASCII '>' that ends a tag).
        match html.get(i..).and_then(|rest| rest.find('<')) {
            Some(offset) => i += offset,
            None => break,
        }
        if i + 1 >= bytes.len() {
            break;
        }
        let next = bytes[i + 1];
        if next == b'/' {
            depth = depth.saturating_sub(1);
        } else if next.is_ascii_alphabetic() {
            let name_end = bytes[i + 1..]
                .iter()
                .position(|b| !b.is_ascii_alphanumeric())
                .map_or(bytes.len(), |p| i + 1 + p);
            let name = &html[i + 1..name_end];
            let tag_end = bytes[name_end..]
                .iter()
                .position(|&b| b == b'>')
                .map_or(bytes.len(), |p| name_end + p);
            let self_closing = tag_end > 0 && bytes.get(tag_end - 1) == Some(&b'/');
            if !VOID.iter().any(|v| v.eq_ignore_ascii_case(name)) && !self_closing {
                depth += 1;
                max = max.max(depth);
            }
            i = tag_end;
            continue;
        }
        i += 1;
    }
    max
}

/// The text of `html` with every tag removed (blocks and breaks become line breaks).
pub fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut in_tag = false;
    for c in html.chars() {
        match (in_tag, c) {
            (false, '<') => in_tag = true,
            (true, '>') => {
                in_tag = false;
                if !out.ends_with('\n') {
                    out.push('\n');
                }
            }
            (false, c) => out.push(c),
            (true, _) => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measures_depth_ignoring_void_and_closed_tags() {
        assert_eq!(max_depth("<div><p>a<br>b<img src=x></p></div>"), 2);
        assert_eq!(max_depth("<div><div/><span>x</span></div>"), 2);
        assert_eq!(max_depth(&"<div>".repeat(50)), 50);
        assert_eq!(max_depth("a < b and c <3"), 0);
    }

    #[test]
    fn deep_files_are_read_as_text() {
        let body = format!("{}深处的文字{}", "<div>".repeat(MAX_NESTING + 5), "</div>");
        let file = format!("<!--1-->\n[Deep](https://example.org/d)\n------\n\n{body}");
        let started = std::time::Instant::now();
        let article = crate::core::article::parse(&file).expect("parses");
        assert!(article.text.contains("深处的文字"));
        assert!(article.meta.notice.is_some());
        assert!(started.elapsed().as_secs() < 5);
    }

    /// The scan as first written, a byte at a time: `max_depth` must agree with it.
    fn max_depth_bytewise(html: &str) -> usize {
        let bytes = html.as_bytes();
        let (mut depth, mut max) = (0usize, 0usize);
        let mut i = 0;
        while i + 1 < bytes.len() {
            if bytes[i] != b'<' {
                i += 1;
                continue;
            }
            let next = bytes[i + 1];
            if next == b'/' {
                depth = depth.saturating_sub(1);
            } else if next.is_ascii_alphabetic() {
                let name_end = bytes[i + 1..]
                    .iter()
                    .position(|b| !b.is_ascii_alphanumeric())
                    .map_or(bytes.len(), |p| i + 1 + p);
                let name = html[i + 1..name_end].to_ascii_lowercase();
                let tag_end = bytes[name_end..]
                    .iter()
                    .position(|&b| b == b'>')
                    .map_or(bytes.len(), |p| name_end + p);
                let self_closing = tag_end > 0 && bytes.get(tag_end - 1) == Some(&b'/');
                if !VOID.contains(&name.as_str()) && !self_closing {
                    depth += 1;
                    max = max.max(depth);
                }
                i = tag_end;
                continue;
            }
            i += 1;
        }
        max
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn agrees_with_the_bytewise_scan(parts in proptest::collection::vec(0usize..16, 0..80)) {
            const PIECES: [&str; 16] = [
                "<div>", "</div>", "<BR>", "<img src=x/>", "<p", ">", "<", "/", "字", "a",
                "<Span>", "</", "<!--", "-->", "<x/>", "<3",
            ];
            let html: String = parts.iter().map(|&i| PIECES[i]).collect();
            proptest::prop_assert_eq!(max_depth(&html), max_depth_bytewise(&html));
        }
    }

    #[test]
    fn strips_tags() {
        assert_eq!(strip_tags("<p>一</p><p>二</p>"), "\n一\n二\n");
    }
}
