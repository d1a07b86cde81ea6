//! Library records: what is kept per article, the outlet named from the URL, and the stored
//! JSON shape with its version.
#![cfg(not(target_arch = "wasm32"))]

use pizhu::core::article;
use pizhu::core::library::{
    decode_record, encode_record, outlet_of, ArticleRecord, LibraryError, RECORD_VERSION,
};

const FEED: &str = "<!--1715609823000-->\n[德国“外国代理人法”争议](https://www.dw.com/zh/a-1)\n------\n\n<p>第一段。</p><p>Second paragraph.</p>\n";

fn record(raw: &str, now: i64) -> ArticleRecord {
    ArticleRecord::of(&article::parse(raw).expect("parses"), raw, now)
}

#[test]
fn a_feed_file_gives_its_key_title_outlet_times_hash_size_and_text() {
    assert_eq!(
        record(FEED, 1_800_000_000_000),
        ArticleRecord {
            version: 1,
            key: "https://www.dw.com/zh/a-1".into(),
            title: "德国“外国代理人法”争议".into(),
            outlet: "DW".into(),
            url: Some("https://www.dw.com/zh/a-1".into()),
            published_ms: Some(1_715_609_823_000),
            added_ms: 1_800_000_000_000,
            updated_ms: 1_800_000_000_000,
            hash: "sha256:b3a1f3cddc0951e7a8163e6deaeb81794901c57b406a22a2b07d8241882db464".into(),
            size: 139,
            text: "第一段。\nSecond paragraph.".into(),
        }
    );
}

#[test]
fn a_file_without_url_is_keyed_by_its_text_and_has_no_outlet() {
    let r = record("Just a note.\n", 5);
    assert!(r.key.starts_with("text:"), "{}", r.key);
    assert_eq!((r.outlet.as_str(), r.url), ("", None));
}

#[test]
fn corpus_outlets_get_their_short_names_subdomains_included() {
    let cases = [
        ("https://www.dw.com/zh/x", "DW"),
        ("https://www.voanews.com/a/x", "VOA"),
        ("https://www.voachinese.com/a/x", "VOA"),
        ("https://www.bbc.com/zhongwen/simp/x", "BBC"),
        ("https://www.bbc.co.uk/zhongwen/x", "BBC"),
        ("https://www.nytimes.com/x", "NYT"),
        ("https://cn.nytimes.com/china/x/", "NYT"),
        ("https://www.rfi.fr/cn/x", "RFI"),
        ("https://www.rfa.org/mandarin/x", "RFA"),
        ("https://chinadigitaltimes.net/chinese/1.html", "CDT"),
        ("https://www.ft.com/x", "FT"),
        ("https://cn.ft.com/story/1?full=y", "FT"),
        ("https://www.ftchinese.com/story/1", "FT"),
        ("https://cn.reuters.com/article/x", "Reuters"),
    ];
    for (url, outlet) in cases {
        assert_eq!(outlet_of(Some(url)), outlet, "{url}");
    }
}

#[test]
fn other_sites_are_named_by_host_without_www() {
    assert_eq!(outlet_of(Some("https://www.example.org/a")), "example.org");
    assert_eq!(
        outlet_of(Some("https://news.example.org/a")),
        "news.example.org"
    );
}

#[test]
fn a_host_that_only_ends_like_an_outlet_is_not_that_outlet() {
    assert_eq!(outlet_of(Some("https://notdw.com/a")), "notdw.com");
    assert_eq!(
        outlet_of(Some("https://dw.com.evil.example/a")),
        "dw.com.evil.example"
    );
}

#[test]
fn port_user_info_case_and_a_trailing_dot_are_not_part_of_the_host() {
    assert_eq!(outlet_of(Some("https://u:p@WWW.DW.COM.:8443/zh?a#b")), "DW");
    assert_eq!(outlet_of(Some("http://[::1]:8080/a")), "[::1]");
}

#[test]
fn no_url_or_no_host_is_no_outlet() {
    assert_eq!(outlet_of(None), "");
    assert_eq!(outlet_of(Some("mailto:someone@example.org")), "");
    assert_eq!(outlet_of(Some("https:///path")), "");
}

#[test]
fn replacing_a_record_keeps_the_time_it_was_added() {
    let old = record(FEED, 100);
    let new = record(&FEED.replace("第一段", "第一章"), 200).replacing(&old);
    assert_eq!((new.added_ms, new.updated_ms), (100, 200));
}

#[test]
fn the_date_is_the_publish_time_else_the_time_added() {
    assert_eq!(record(FEED, 7).date_ms(), 1_715_609_823_000);
    let undated = record(&FEED.replace("1715609823000", "NaN"), 7);
    assert_eq!((undated.published_ms, undated.date_ms()), (None, 7));
}

#[test]
fn the_stored_shape_is_a_versioned_object_of_every_field_but_the_text() {
    // The text is kept in a store of its own (src/web/idb.rs): the list reads records alone.
    let r = record(FEED, 9);
    assert!(!r.text.is_empty());
    assert_eq!(
        encode_record(&r),
        r#"{"version":1,"key":"https://www.dw.com/zh/a-1","title":"德国“外国代理人法”争议","outlet":"DW","url":"https://www.dw.com/zh/a-1","published_ms":1715609823000,"added_ms":9,"updated_ms":9,"hash":"sha256:b3a1f3cddc0951e7a8163e6deaeb81794901c57b406a22a2b07d8241882db464","size":139}"#
    );
    assert_eq!(RECORD_VERSION, 1);
}

#[test]
fn a_stored_record_reads_back_equal_without_its_text() {
    let r = record(FEED, 9);
    let back = decode_record(&encode_record(&r)).expect("reads");
    assert_eq!(back.text, "");
    assert_eq!(
        back,
        ArticleRecord {
            text: String::new(),
            ..r
        }
    );
}

#[test]
fn a_record_of_the_first_library_build_reads_with_its_text() {
    let raw = r#"{"version":1,"key":"https://www.dw.com/zh/a-1","title":"t","outlet":"DW","url":null,"published_ms":null,"added_ms":9,"updated_ms":9,"hash":"sha256:00","size":139,"text":"第一段。"}"#;
    assert_eq!(decode_record(raw).expect("reads").text, "第一段。");
}

#[test]
fn optional_fields_may_be_missing_or_null() {
    let raw = r#"{"version":1,"key":"text:1","title":"t","url":null,"added_ms":1,"updated_ms":2,"hash":"sha256:00","size":3,"extra":[1]}"#;
    let r = decode_record(raw).expect("reads");
    assert_eq!(
        (r.outlet.as_str(), r.url, r.published_ms, r.text.as_str()),
        ("", None, None, "")
    );
}

#[test]
fn a_newer_version_is_unsupported_even_in_another_shape() {
    assert_eq!(
        decode_record(r#"{"version":2,"id":"x"}"#),
        Err(LibraryError::UnsupportedVersion(2))
    );
}

#[test]
fn an_unknown_older_version_is_corrupt() {
    let mut r = record(FEED, 9);
    r.version = 0;
    assert_eq!(
        decode_record(&encode_record(&r)),
        Err(LibraryError::Corrupt("unknown record version 0".into()))
    );
}

#[test]
fn broken_json_or_a_missing_field_is_corrupt_with_the_reason() {
    assert_eq!(
        decode_record(r#"{"version":1,"key":"k"}"#),
        Err(LibraryError::Corrupt(
            "missing field `title` at line 1 column 23".into()
        ))
    );
    assert!(matches!(
        decode_record("[1,2]"),
        Err(LibraryError::Corrupt(_))
    ));
    assert!(matches!(decode_record("{"), Err(LibraryError::Corrupt(_))));
}
