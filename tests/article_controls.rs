//! Text with a NUL or a control character is text; only what is mostly control characters
//! (or not UTF-8) is binary. The canonical text never holds a NUL.
//!
//! Fixtures: tests/fixtures/html5lib (cases from html5lib-tests, see its README) and
//! tests/fixtures/controls/stray-nul.txt (a feed article with stray NULs and a `\x01`).
#![cfg(not(target_arch = "wasm32"))]

use std::fs;

use pizhu::core::article::{parse, parse_bytes, Article, Block, ParseError, RunKind};

/// Every string of an article a reader sees or an export carries: title, text, run texts,
/// link targets, image sources and descriptions.
fn all_strings(article: &Article) -> Vec<String> {
    let mut out = vec![article.meta.title.clone(), article.text.clone()];
    out.extend(article.meta.url.clone());
    out.extend(article.meta.byline.clone());
    out.extend(article.meta.date_line.clone());
    for block in &article.blocks {
        if let Block::Figure { image, .. } = block {
            out.push(image.src.clone());
            out.push(image.alt.clone());
        }
        for unit in block.units() {
            for run in &unit.runs {
                if let RunKind::Text(t) = &run.kind {
                    out.push(t.clone());
                }
                out.extend(run.style.link.clone());
            }
        }
    }
    out
}

fn assert_no_nul(article: &Article, what: &str) {
    for s in all_strings(article) {
        assert!(!s.contains('\0'), "{what}: NUL in {s:?}");
    }
    assert_eq!(article.char_len, article.text.chars().count(), "{what}");
}

/// One html5lib tree-construction case: the input and the text its expected tree shows.
struct Case {
    data: String,
    text: String,
}

/// Reads html5lib's `.dat` format. The expected text is the tree's text nodes outside the
/// elements pizhu drops with their content (and outside comments and the head), whitespace
/// collapsed as the reader view shows it.
fn html5lib_cases(dat: &str) -> Vec<Case> {
    let dropped = [
        "<svg ",
        "<math ",
        "<select>",
        "<plaintext>",
        "<frameset>",
        "<head>",
        "<!-- ",
    ];
    dat.split("#data\n")
        .skip(1)
        .map(|case| {
            let (data, rest) = case.split_once("\n#errors").expect("#errors");
            let (_, tree) = rest.split_once("#document\n").expect("#document");
            let mut text = String::new();
            // The indent of the dropped element we are inside, if any.
            let mut inside_dropped: Option<usize> = None;
            for line in tree.lines() {
                let Some(node) = line.strip_prefix("| ") else {
                    // A text node's continuation line (a quoted string with a newline).
                    if inside_dropped.is_none() {
                        text.push_str(line.trim_end_matches('"'));
                    }
                    continue;
                };
                let indent = node.len() - node.trim_start().len();
                let node = node.trim_start();
                if inside_dropped.is_some_and(|d| indent > d) {
                    continue;
                }
                inside_dropped = None;
                if dropped.iter().any(|d| node.starts_with(d)) {
                    inside_dropped = Some(indent);
                } else if let Some(quoted) = node.strip_prefix('"') {
                    text.push_str(quoted.strip_suffix('"').unwrap_or(quoted));
                    text.push(' ');
                }
            }
            Case {
                data: data.to_string(),
                text: text.split_whitespace().collect::<Vec<_>>().join(" "),
            }
        })
        .collect()
}

#[test]
fn html5lib_cases_with_nul_open_without_nul() {
    let dat = fs::read_to_string("tests/fixtures/html5lib/plain-text-unsafe.dat").unwrap();
    let cases = html5lib_cases(&dat);
    assert_eq!(cases.len(), 10);
    for case in &cases {
        // As the body of a feed file, which is always read as HTML (a bare `FOO&#x000D;ZOO`
        // has no tag and would open as plain text, its reference not decoded).
        let file = format!(
            "<!--1-->\n[html5lib](https://x.example/)\n------\n\n{}",
            case.data
        );
        let article =
            parse_bytes(file.as_bytes()).unwrap_or_else(|e| panic!("{:?}: {e}", case.data));
        assert_no_nul(&article, &case.data);
        let shown = article
            .text
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert_eq!(shown, case.text, "{:?}", case.data);
    }
    // Alone, the lone NUL is all control characters: binary by the rule.
    let lone = cases
        .iter()
        .find(|c| c.data == "\0")
        .expect("the lone NUL case");
    assert_eq!(parse_bytes(lone.data.as_bytes()), Err(ParseError::NotText));
    // The cases that show text: NUL dropped in body text, and a character reference to CR
    // is a (collapsed) space. The others' text is in elements pizhu drops.
    let texts: Vec<&str> = cases
        .iter()
        .map(|c| c.text.as_str())
        .filter(|t| !t.is_empty())
        .collect();
    assert_eq!(texts, ["FOO ZOO", "aa"]);
}

const STRAY_NUL: &str = "tests/fixtures/controls/stray-nul.txt";

#[test]
fn feed_article_with_stray_nul_and_control_opens() {
    let bytes = fs::read(STRAY_NUL).unwrap();
    assert!(
        bytes.contains(&0) && bytes.contains(&1),
        "the fixture has its NULs"
    );
    let article = parse_bytes(&bytes).expect("a stray NUL does not make a file binary");
    assert_no_nul(&article, STRAY_NUL);
    assert_eq!(article.meta.title, "控制字符测试：文章正文中有一个空字符");
    assert_eq!(
        article.meta.url.as_deref(),
        Some("https://www.dw.com/zh/a-00000001")
    );
    // NUL is dropped from body text (html5ever, as the standard says); U+0001 is kept, as a
    // browser keeps it in the DOM, so the page's text still equals the canonical text.
    assert_eq!(
        article.text,
        "（德国之声中文网）第一段文字，这里有一个空字符。\n\
         第二段有一个\u{1}控制字符，粗体也是。\n\
         图片说明文字\n\
         链接文字结束。"
    );
    let figure = article
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Figure { image, .. } => Some(image),
            _ => None,
        })
        .expect("the figure");
    // In an attribute NUL becomes U+FFFD (the standard again).
    assert_eq!(figure.alt, "图\u{fffd}片");
    let link = article
        .blocks
        .iter()
        .flat_map(|b| b.units())
        .flat_map(|u| u.runs.iter())
        .find_map(|r| r.style.link.clone())
        .expect("the link");
    // In an attribute NUL is U+FFFD, in a URL as anywhere else (the browser would send it
    // percent-encoded); what matters is that no NUL is left.
    assert_eq!(link, "https://www.dw.com/zh/\u{fffd}a-2");
}

#[test]
fn nul_in_plain_text_header_and_deep_markup_is_removed() {
    let plain = parse("第一行\0文字\n\n第二段\u{1}文字，没有标记。").unwrap();
    assert_no_nul(&plain, "plain text");
    assert_eq!(plain.text, "第二段\u{1}文字，没有标记。");
    assert_eq!(plain.meta.title, "第一行文字");

    let header =
        parse("<!--1-->\n[标\0题](https://x.example/a\0b)\n------\n\n<p>正文</p>").unwrap();
    assert_no_nul(&header, "feed header");
    assert_eq!(header.meta.title, "标题");
    assert_eq!(header.meta.url.as_deref(), Some("https://x.example/ab"));

    // Nested past the parser's limit: read as text by stripping tags, never by html5ever.
    let deep = format!("{}深\0层{}", "<b>".repeat(20_001), "</b>".repeat(20_001));
    let deep = parse(&deep).unwrap();
    assert!(deep.meta.notice.is_some(), "took the plain-text fallback");
    assert_no_nul(&deep, "deep markup");
    assert!(deep.text.contains("深层"), "{:?}", deep.text);
}

fn utf16le(text: &str, bom: bool) -> Vec<u8> {
    let mut out = if bom { vec![0xff, 0xfe] } else { Vec::new() };
    for unit in text.encode_utf16() {
        out.extend(unit.to_le_bytes());
    }
    out
}

#[test]
fn utf16_article_is_still_not_text() {
    let text = fs::read_to_string("tests/fixtures/corpus/000_300e9268c282232a.txt").unwrap();
    // With its byte order mark: 0xFF never occurs in UTF-8.
    assert_eq!(parse_bytes(&utf16le(&text, true)), Err(ParseError::NotText));
    assert_eq!(
        parse_bytes(&utf16le(&text, false)),
        Err(ParseError::NotText)
    );
    // Mostly ASCII markup in UTF-16 without a BOM is valid UTF-8, about half of it NUL.
    let ascii = "<p>Officials said the talks would continue next week.</p>".repeat(40);
    let bytes = utf16le(&ascii, false);
    assert!(std::str::from_utf8(&bytes).is_ok());
    assert_eq!(parse_bytes(&bytes), Err(ParseError::NotText));
}

#[test]
fn random_control_bytes_are_not_text() {
    // A fixed linear congruential sequence: the same bytes every run.
    let mut state: u32 = 0x2545_f491;
    for len in [1usize, 7, 64, 1000, 10_000] {
        let bytes: Vec<u8> = (0..len)
            .map(|_| {
                state = state.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
                // C0 controls, DEL and C1 (as UTF-8), never all whitespace.
                match (state >> 24) % 34 {
                    32 => 0x7f,
                    n => n as u8,
                }
            })
            .collect();
        let result = parse_bytes(&bytes);
        assert!(
            matches!(result, Err(ParseError::NotText | ParseError::Empty)),
            "{len} bytes: {result:?}"
        );
        if len >= 64 {
            assert_eq!(result, Err(ParseError::NotText), "{len} bytes");
        }
    }
    // C1 controls (two bytes each in UTF-8) are control characters too.
    let c1: String = (0x80u32..=0x9f)
        .filter_map(char::from_u32)
        .cycle()
        .take(500)
        .collect();
    assert_eq!(parse_bytes(c1.as_bytes()), Err(ParseError::NotText));
}
