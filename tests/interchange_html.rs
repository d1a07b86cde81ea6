//! The self-contained HTML export: structure, overlapping highlights, footnotes,
//! escaping, and only the article's own URLs in `href`/`src`.
#![cfg(not(target_arch = "wasm32"))]

mod interchange_common;

use interchange_common::html_allowlist::assert_export_allowed;
use interchange_common::*;
use pizhu::core::annotation::Annotation;
use pizhu::core::article::Article;
use pizhu::core::interchange::{annotated_html, escape_html, HTML_EXPORT_CSP};

fn spans(annotations: &[Annotation]) -> Vec<(usize, usize, usize)> {
    annotations
        .iter()
        .enumerate()
        .map(|(i, a)| (i, a.target.position.start, a.target.position.end))
        .collect()
}

fn render(article: &Article, annotations: &[Annotation]) -> String {
    annotated_html(article, annotations, &spans(annotations), &labels())
}

/// Every value of `attr="…"` in the document.
fn attr_values(html: &str, attr: &str) -> Vec<String> {
    let needle = format!(" {attr}=\"");
    html.match_indices(&needle)
        .filter_map(|(at, _)| {
            let rest = &html[at + needle.len()..];
            rest.find('"').map(|end| rest[..end].to_owned())
        })
        .collect()
}

/// The text of the document without footnote markers, tags removed and the five escapes
/// decoded.
fn visible_text(html: &str) -> String {
    let mut without_markers = String::new();
    let mut rest = html;
    while let Some(at) = rest.find("<sup class=\"fn\">") {
        without_markers.push_str(&rest[..at]);
        rest = rest[at..]
            .split_once("</sup>")
            .map_or("", |(_, after)| after);
    }
    without_markers.push_str(rest);
    let mut out = String::new();
    let mut in_tag = false;
    for c in without_markers.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

#[test]
fn document_is_self_contained_and_script_free() {
    let article = article();
    let html = render(&article, &sample(&article));
    if std::env::var_os("PIZHU_DUMP_HTML").is_some() {
        let _ = std::fs::write("target/interchange-sample.html", &html);
    }
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"zh\">"));
    assert!(html.contains("<meta charset=\"utf-8\">"));
    assert!(html.contains(&format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">",
        escape_html(HTML_EXPORT_CSP)
    )));
    assert!(html.contains("<style>"));
    // Every element, attribute and URL is one the exporter writes, and the CSS loads nothing.
    assert_export_allowed(&html);
    assert!(html.contains("<h1>河港市宣布旧书回流计划</h1>"));
    assert!(html.contains("<time datetime=\"2024-05-01T08:00:00.000Z\">"));
}

#[test]
fn only_the_articles_own_urls_are_linked() {
    let article = article();
    let html = render(&article, &sample(&article));
    let own = [URL, "https://example.org/data"];
    for value in attr_values(&html, "href")
        .into_iter()
        .chain(attr_values(&html, "src"))
    {
        let internal = value.starts_with("#note-") || value.starts_with("#ref-");
        assert!(internal || own.contains(&value.as_str()), "{value}");
    }
    assert!(attr_values(&html, "href").contains(&URL.to_owned()));
}

#[test]
fn overlapping_highlights_all_show_with_footnotes() {
    let article = article();
    let annotations = sample(&article);
    let html = render(&article, &annotations);
    assert_export_allowed(&html);
    // Annotation 3 ("三年内") sits inside annotation 1: nested marks.
    let outer = format!("data-annotation-id=\"{}\"", uuid(1));
    let inner = format!("data-annotation-id=\"{}\"", uuid(3));
    assert_eq!(
        html.matches(&outer).count(),
        3,
        "split around the inner one"
    );
    assert_eq!(html.matches(&inner).count(), 1);
    assert!(html.contains(&format!(
        "<mark class=\"hl lb0\" {outer} data-label=\"policy\" title=\"政策表态 / Policy statement\"><mark class=\"hl lb3\" {inner}"
    )));
    // Footnotes in reading order: 1 = policy (starts first), 2 = nested commitment, 3 = statistic.
    let refs: Vec<String> = attr_values(&html, "id")
        .into_iter()
        .filter(|id| id.starts_with("ref-"))
        .collect();
    assert_eq!(refs, ["ref-2", "ref-1", "ref-3"], "2 ends before 1 ends");
    assert!(html
        .contains("<li id=\"note-1\"><span class=\"tag lb0\">政策表态 / Policy statement</span>"));
    assert!(html.contains("承诺有期限：三年。<br>需要跟进。"));
    assert!(html.contains("Says &quot;three years&quot; &lt;b&gt;bold&lt;/b&gt;"));
    // Highlighting keeps the text: every character of the article is still there in order.
    let text = visible_text(&html);
    for line in article.text.lines() {
        assert!(text.contains(line), "{line}");
    }
}

#[test]
fn highlights_keep_run_styles_and_cross_runs() {
    let article = article();
    let (start, end) = find(&article, "文化局公布的数据，全市共有 126");
    let a = on(&article, &uuid(5), "fact", "", start, end);
    let html = annotated_html(&article, &[a], &[(0, start, end)], &labels());
    assert_export_allowed(&html);
    assert!(html.contains(
        "<a href=\"https://example.org/data\" rel=\"noopener noreferrer\"><mark class=\"hl lb1\""
    ));
    assert!(html.contains("<em><mark class=\"hl lb1\""));
    assert_eq!(
        html.matches("href=\"#note-1\"").count(),
        1,
        "one marker after the last piece"
    );
}

#[test]
fn unplaced_annotations_are_listed_not_lost() {
    let article = article();
    let annotations = sample(&article);
    let spans = [(0, 10, 5), (1, 0, 999_999), (7, 0, 3)];
    let html = annotated_html(&article, &annotations, &spans, &labels());
    assert_export_allowed(&html);
    assert!(!html.contains("<mark"));
    assert!(html.contains("Not found in this text"));
    assert_eq!(html.matches("<q class=\"quote\">").count(), 3);
}

#[test]
fn unknown_labels_and_bad_colours_fall_back_to_grey() {
    let article = article();
    let mut labels = labels();
    labels[0].color = "red;}body{display:none".to_owned();
    let mut a = on(&article, &uuid(6), "mystery", "", 0, 2);
    let html = annotated_html(&article, std::slice::from_ref(&a), &[(0, 0, 2)], &labels);
    assert_export_allowed(&html);
    assert!(html.contains("class=\"hl lbx\""));
    assert!(!html.contains("display:none"));
    a.label = "policy".to_owned();
    let html = annotated_html(&article, &[a], &[(0, 0, 2)], &labels);
    assert_export_allowed(&html);
    assert!(html.contains(".lb0{background-color:rgba(107,114,128,.22)"));
}

/// The allowlist check itself: a minimal export it accepts, and what it rejects.
mod allowlist_check {
    use super::assert_export_allowed;
    use pizhu::core::interchange::{escape_html, HTML_EXPORT_CSP};

    fn page(head: &str, body: &str) -> String {
        format!(
            "<!DOCTYPE html>\n<html lang=\"zh\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n{head}</head>\n\
             <body>\n<article>\n{body}</article>\n</body>\n</html>\n",
            escape_html(HTML_EXPORT_CSP)
        )
    }

    #[test]
    fn accepts_a_minimal_export() {
        assert_export_allowed(&page(
            "<style>\n@media (prefers-color-scheme:dark){body{color:#eee}}\n</style>\n",
            "<p><a href=\"https://example.org/\" rel=\"noopener noreferrer\">x</a>\
             <sup class=\"fn\"><a href=\"#note-1\" id=\"ref-1\">1</a></sup></p>\n",
        ));
    }

    #[test]
    #[should_panic(expected = "is not one the exporter writes")]
    fn rejects_an_element_not_written() {
        assert_export_allowed(&page("", "<p>x<script>alert(1)</script></p>\n"));
    }

    #[test]
    #[should_panic(expected = "is not one the exporter writes")]
    fn rejects_foreign_elements_too() {
        assert_export_allowed(&page(
            "",
            "<p><iframe src=\"https://a.example/\"></iframe></p>\n",
        ));
    }

    #[test]
    #[should_panic(expected = "event handler attribute")]
    fn rejects_event_handlers() {
        assert_export_allowed(&page("", "<p onclick=\"alert(1)\">x</p>\n"));
    }

    #[test]
    #[should_panic(expected = "is not allowed on")]
    fn rejects_an_attribute_not_written() {
        assert_export_allowed(&page(
            "",
            "<p style=\"background:url(https://a.example/)\">x</p>\n",
        ));
    }

    #[test]
    #[should_panic(expected = "neither http(s) nor a fragment")]
    fn rejects_other_url_schemes() {
        assert_export_allowed(&page("", "<p><a href=\"javascript:alert(1)\">x</a></p>\n"));
    }

    #[test]
    #[should_panic(expected = "at-rule other than @media")]
    fn rejects_css_imports() {
        assert_export_allowed(&page(
            "<style>@import \"https://a.example/a.css\";</style>\n",
            "",
        ));
    }

    #[test]
    #[should_panic(expected = "exactly one Content-Security-Policy meta")]
    fn rejects_a_second_policy() {
        assert_export_allowed(&page(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src *\">\n",
            "",
        ));
    }

    #[test]
    #[should_panic(expected = "exactly one Content-Security-Policy meta")]
    fn rejects_a_policy_outside_the_head() {
        let html = page("", "").replace(
            "<meta http-equiv=\"Content-Security-Policy\"",
            "<meta name=\"x\"",
        );
        let html = html.replace(
            "<article>",
            &format!(
                "<article><meta http-equiv=\"Content-Security-Policy\" content=\"{}\">",
                escape_html(HTML_EXPORT_CSP)
            ),
        );
        assert_export_allowed(&html);
    }
}
