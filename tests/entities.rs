//! Named character references decode as the HTML standard says. pizhu builds html5ever with a
//! compact entity table (vendor/web_atoms); these cases cover full names, legacy names without
//! a semicolon, the longest-prefix rule, two-code-point references and names that match
//! nothing.

use pizhu::core::article::parse;

fn body_text(html: &str) -> String {
    let input =
        format!("<!--1700000000000-->\n[entities](https://example.org/e)\n------\n\n{html}\n");
    parse(&input).expect("parses").text
}

#[test]
fn named_references_in_text_decode_as_in_a_browser() {
    let cases = [
        ("&amp;", "&"),
        ("&amp", "&"),
        ("&lt;b&gt;", "<b>"),
        ("&eacute;t&eacute;", "été"),
        ("&AElig", "Æ"),
        ("&notin;", "∉"),
        ("&notit;", "¬it;"),
        ("&copy2026", "©2026"),
        ("&acE;", "\u{223e}\u{333}"),
        ("&NotNestedGreaterGreater;", "\u{2aa2}\u{338}"),
        ("&fjlig;", "fj"),
        ("&Afr;", "\u{1d504}"),
        ("&nosuch;", "&nosuch;"),
        ("&;", "&;"),
        ("&", "&"),
    ];
    for (html, expected) in cases {
        let text = body_text(&format!("<p>x{html}y</p>"));
        assert!(
            text.contains(&format!("x{expected}y")),
            "{html:?} should read {expected:?}, got {text:?}"
        );
    }
}

#[test]
fn legacy_references_in_attributes_stay_literal_before_letters_and_equals() {
    let article = parse(
        "<!--1700000000000-->\n[t](https://example.org/e)\n------\n\n\
         <p><a href=\"https://example.org/?a=1&copy=2&amp;b=3\">link</a></p>\n",
    )
    .expect("parses");
    let debug = format!("{article:?}");
    assert!(debug.contains("a=1&copy=2&b=3"), "{debug}");
}
