//! Hostile files: HTML and control characters in notes stay inert text, dangerous URLs are
//! dropped, and the HTML export of hostile annotations runs nothing.
#![cfg(not(target_arch = "wasm32"))]

mod interchange_common;

use interchange_common::html_allowlist::assert_export_allowed;
use interchange_common::*;
use pizhu::core::article;
use pizhu::core::interchange::{annotated_html, escape_html, import, HTML_EXPORT_CSP};
use serde_json::json;

fn bare(source: &str, note: &str) -> serde_json::Value {
    json!({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": "urn:uuid:11111111-2222-4333-8444-555555555555",
        "type": "Annotation",
        "body": [
            {"type": "TextualBody", "purpose": "tagging", "value": "policy"},
            {"type": "TextualBody", "purpose": "commenting", "value": note}
        ],
        "target": {
            "source": source,
            "selector": {"type": "TextQuoteSelector", "exact": "我们承诺"}
        }
    })
}

#[test]
fn html_in_notes_comes_back_as_literal_text() {
    let note = "<img src=x onerror=alert(1)><script>alert(2)</script>&lt;";
    let set = import(bare(URL, note).to_string().as_bytes()).expect("imports");
    assert_eq!(set.groups[0].annotations[0].note, note);
    assert_eq!(
        set.groups[0].annotations[0].id,
        "11111111-2222-4333-8444-555555555555"
    );
    assert_eq!(set.groups[0].annotations[0].label, "policy");
}

#[test]
fn control_characters_are_stripped() {
    let set = import(
        bare(URL, "a\u{0}b\u{1b}[2Jc\r\n\td\u{85}")
            .to_string()
            .as_bytes(),
    )
    .expect("imports");
    assert_eq!(set.groups[0].annotations[0].note, "ab[2Jc\n\td");
}

#[test]
fn dangerous_urls_are_dropped_never_stored() {
    for source in [
        "javascript:alert(document.cookie)",
        " JaVaScRiPt:alert(1)",
        "java\nscript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "vbscript:msgbox(1)",
        "mailto:someone@example.org",
        "file:///etc/passwd",
    ] {
        let set = import(bare(source, "n").to_string().as_bytes()).expect(source);
        let group = &set.groups[0];
        assert_eq!(group.url, None, "{source}");
        assert_eq!(group.annotations[0].article, "", "{source}");
        let debug = format!("{set:?}").to_lowercase();
        assert!(
            !debug.contains("script:") && !debug.contains("data:"),
            "{source}: {debug}"
        );
    }
    let set = import(
        bare("https://www.dw.com/zh/a b", "n")
            .to_string()
            .as_bytes(),
    )
    .expect("ok");
    assert_eq!(
        set.groups[0].url.as_deref(),
        Some("https://www.dw.com/zh/a%20b")
    );
}

#[test]
fn hypothesis_uri_is_checked_too() {
    let doc = json!({"annotations": [{
        "id": "h1", "uri": "javascript:alert(1)", "text": "x", "tags": [],
        "target": [{"source": "javascript:alert(1)", "selector": [{"type": "TextQuoteSelector", "exact": "q"}]}]
    }]});
    let set = import(doc.to_string().as_bytes()).expect("imports");
    assert_eq!(set.groups[0].url, None);
    assert!(!format!("{set:?}").contains("javascript"));
}

#[test]
fn html_export_of_hostile_annotations_runs_nothing() {
    let raw = format!(
        "<!--1714550400000-->\n[标题 <script>alert(0)</script>]({URL})\n------\n\n\
         <p>正文<a href=\"javascript:alert(1)\">链接</a>，\
         <img src=\"javascript:alert(2)\" onerror=\"alert(3)\">我们承诺<script>alert(4)</script>。</p>"
    );
    let article = article::parse(&raw).expect("parses");
    let (start, end) = find(&article, "我们承诺");
    let mut a = on(
        &article,
        "\"><script>alert(5)</script>",
        "policy",
        "",
        start,
        end,
    );
    a.note = "<script>alert(6)</script> <a href=\"javascript:alert(7)\">x</a>".to_owned();
    a.label = "\" onmouseover=\"alert(8)".to_owned();
    let html = annotated_html(&article, &[a], &[(0, start, end)], &labels());
    assert_export_allowed(&html);
    let lower = html.to_lowercase();
    assert!(!lower.contains("<script"), "{html}");
    assert!(!lower.contains("javascript:\""), "{html}");
    assert!(!lower.contains("href=\"javascript"), "{html}");
    assert!(!lower.contains(" onmouseover=\""), "{html}");
    assert!(!lower.contains(" onerror="), "{html}");
    assert!(html.contains("&lt;script&gt;alert(6)&lt;/script&gt;"));
    assert!(html.contains(&escape_html(HTML_EXPORT_CSP)));
}

#[test]
fn html_export_with_script_note_has_no_script_or_javascript() {
    let article = article();
    let mut annotations = sample(&article);
    annotations[0].note = "<script>alert(document.domain)</script>".to_owned();
    let spans: Vec<_> = annotations
        .iter()
        .enumerate()
        .map(|(i, a)| (i, a.target.position.start, a.target.position.end))
        .collect();
    let html = annotated_html(&article, &annotations, &spans, &labels());
    assert_export_allowed(&html);
    assert!(!html.to_lowercase().contains("<script"));
    assert!(!html.to_lowercase().contains("javascript:"));
}

#[test]
fn html_export_of_every_block_kind_from_hostile_markup_is_allowed() {
    let raw = format!(
        "<!--1714550400000-->\n[标题]({URL})\n------\n\n\
         <base href=\"javascript:alert(0)//\"><link rel=\"stylesheet\" href=\"https://evil.example/a.css\">\
         <style>@import url(https://evil.example/b.css);</style>\
         <img src=\"https://img.example/a.jpg\" alt=\"图\" onerror=\"alert(1)\"><div><small>图片说明</small></div>\
         <p onclick=\"alert(2)\">第一段<a href=\"javascript:alert(3)\">坏链接</a><a href=\"/zh/b\" onmouseover=\"alert(4)\">链接</a>\
         <em>强调</em><strong>加粗</strong><br>第二行<svg onload=\"alert(5)\"><a href=\"javascript:alert(6)\">矢量</a></svg></p>\
         <blockquote>引语</blockquote><ol start=\"3\"><li>三</li><li>四</li></ol><ul><li>项</li></ul><h3>小标题</h3>\
         <iframe src=\"https://www.youtube.com/embed/UQ6wM3MZepk\" onload=\"alert(7)\"></iframe>\
         <iframe src=\"javascript:alert(8)\"></iframe><object data=\"https://evil.example/x.swf\"></object>\
         <video src=\"https://video.example/v.mp4\" poster=\"javascript:alert(9)\"></video>"
    );
    let article = article::parse(&raw).expect("parses");
    let (start, end) = find(&article, "第一段");
    let a = on(&article, &uuid(9), "policy", "", start, end);
    let html = annotated_html(&article, &[a], &[(0, start, end)], &labels());
    assert_export_allowed(&html);
    // The export has the block kinds the allowlist is about.
    for expected in [
        "<figure><img src=\"https://img.example/a.jpg\"",
        "<figcaption>",
        "<blockquote><p>",
        "<ol start=\"3\">",
        "<ul>",
        "<h3>",
        "<br>",
        "<mark class=\"hl lb0\"",
        "<figure class=\"video\">",
    ] {
        assert!(html.contains(expected), "{expected} in {html}");
    }
}
