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

/// The WHATWG list as web_atoms ships it: `("&name;", first code point, second or 0)`.
mod upstream {
    include!("../vendor/web_atoms/entities.rs");
}

/// html5ever's lookup table answers as upstream's map of every name and every prefix did:
/// the code points for a name, `(0, 0)` for a prefix of a longer name, nothing otherwise;
/// checked for every name, every prefix and every key followed by one more character.
#[test]
fn entity_table_answers_every_name_and_prefix_like_the_upstream_map() {
    use std::collections::BTreeMap;
    let mut expected: BTreeMap<String, (u32, u32)> = BTreeMap::new();
    for (name, first, second) in upstream::NAMED_ENTITIES.iter() {
        expected.insert(name[1..].to_string(), (*first, *second));
    }
    let names: Vec<String> = expected.keys().cloned().collect();
    for name in &names {
        for end in 0..name.len() {
            expected.entry(name[..end].to_string()).or_insert((0, 0));
        }
    }
    let table = &html5ever::data::NAMED_ENTITIES;
    for (key, value) in &expected {
        assert_eq!(table.get(key).copied(), Some(*value), "{key:?}");
        for next in ['a', 'Z', '1', ';', '&', ' ', 'é'] {
            let longer = format!("{key}{next}");
            assert_eq!(
                table.get(&longer).copied(),
                expected.get(&longer).copied(),
                "{longer:?}"
            );
        }
    }
    assert_eq!(names.len(), 2231, "the whole list is there");
}
