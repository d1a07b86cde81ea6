//! The self-contained HTML export: one file, no script, no outside requests except the
//! article's own images; a CSP meta tag allows only inline style and http(s) images.
//! Highlights are `<mark>`s followed by a superscript footnote number; the footnotes list
//! label, quote and note. Anchoring is the caller's job: spans come in resolved.

use crate::core::annotation::Annotation;
use crate::core::article::{Article, Meta};
use crate::core::label::{is_hex_color, Label};

use super::clean::web_url;
use super::escape::{push_escaped, push_lines};
use super::html_body::{push_blocks, Ctx};
use super::html_marks::Marks;
use super::time::format_iso;

/// The Content-Security-Policy of the exported page.
pub const HTML_EXPORT_CSP: &str =
    "default-src 'none'; style-src 'unsafe-inline'; img-src https: http:";

const FALLBACK_COLOR: &str = "#6b7280";

const BASE_CSS: &str = "\
body{margin:0 auto;max-width:42rem;padding:1.5rem 1rem;font:1.05rem/1.75 system-ui,\"PingFang SC\",\"Noto Sans CJK SC\",\"Microsoft YaHei\",sans-serif;color:#1a1a1a;background:#fff}
h1{font-size:1.6rem;line-height:1.35}
.meta{color:#555;font-size:.9rem}.meta>*+*{margin-left:.75em}
figure{margin:1.25rem 0}img{max-width:100%;height:auto}figcaption{color:#555;font-size:.9rem}
blockquote{margin:1rem 0;padding-left:1rem;border-left:3px solid #ccc}
mark.hl{color:inherit;text-decoration-line:underline;text-decoration-thickness:2px;text-underline-offset:.22em}
sup.fn{font-size:.7em;margin-left:.1em}sup.fn a{text-decoration:none}
.notes{margin-top:2.5rem;border-top:1px solid #ccc;font-size:.95rem}
.notes li{margin:.6rem 0}.tag{padding:0 .3em;border-radius:.2em;font-size:.85em}
.quote{color:#333}.note{display:block;white-space:normal}
@media (prefers-color-scheme:dark){body{color:#e8e8e8;background:#1a1a1a}.meta,figcaption{color:#aaa}.quote{color:#ccc}a{color:#8ab4f8}}
";

/// The whole HTML document. `spans` are `(annotation index, start, end)` in code points
/// over `article.text`; overlapping spans all show (nested marks). Annotations without a
/// usable span are listed under "not found in this text".
pub fn annotated_html(
    article: &Article,
    annotations: &[Annotation],
    spans: &[(usize, usize, usize)],
    labels: &[Label],
) -> String {
    let marks = Marks::new(article, annotations.len(), spans);
    let ctx = Ctx {
        annotations,
        labels,
        marks: &marks,
    };
    let mut out = String::with_capacity(article.text.len() * 2 + 4096);
    push_head(&mut out, &article.meta.title, labels);
    out.push_str("<body>\n<article>\n");
    push_header(&mut out, &article.meta);
    push_blocks(&mut out, article, &ctx);
    out.push_str("</article>\n");
    push_notes(&mut out, &ctx);
    out.push_str("</body>\n</html>\n");
    out
}

fn push_head(out: &mut String, title: &str, labels: &[Label]) {
    out.push_str("<!DOCTYPE html>\n<html lang=\"zh\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"");
    push_escaped(out, HTML_EXPORT_CSP);
    out.push_str("\">\n<meta name=\"referrer\" content=\"no-referrer\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<title>");
    push_escaped(out, title);
    out.push_str("</title>\n<style>\n");
    out.push_str(BASE_CSS);
    for (k, label) in labels.iter().enumerate() {
        push_label_css(
            out,
            &format!("lb{k}"),
            &label.color,
            label.underline.as_css(),
        );
    }
    push_label_css(out, "lbx", FALLBACK_COLOR, "dotted");
    out.push_str("</style>\n</head>\n");
}

/// A label's colours: translucent background, opaque underline. Only `#rrggbb` colours
/// reach the CSS; anything else is replaced by grey.
fn push_label_css(out: &mut String, class: &str, color: &str, underline: &str) {
    let color = if is_hex_color(color) {
        color
    } else {
        FALLBACK_COLOR
    };
    let channel = |i: usize| {
        color
            .get(i..i + 2)
            .and_then(|h| u8::from_str_radix(h, 16).ok())
            .unwrap_or(0)
    };
    let (r, g, b) = (channel(1), channel(3), channel(5));
    out.push_str(&format!(
        ".{class}{{background-color:rgba({r},{g},{b},.22);text-decoration-color:{color};\
         text-decoration-style:{underline}}}\n"
    ));
}

fn push_header(out: &mut String, meta: &Meta) {
    out.push_str("<header>\n<h1>");
    push_escaped(out, &meta.title);
    out.push_str("</h1>\n<p class=\"meta\">");
    if let Some(url) = meta.url.as_deref().and_then(web_url) {
        let host = url
            .split("://")
            .nth(1)
            .and_then(|rest| rest.split(['/', '?', '#']).next())
            .unwrap_or(&url);
        let host = crate::core::text::trim_prefixes(host, "www.").to_owned();
        out.push_str("<a class=\"source\" href=\"");
        push_escaped(out, &url);
        out.push_str("\" rel=\"noopener noreferrer\">");
        push_escaped(out, &host);
        out.push_str("</a>");
    }
    if let Some(ms) = meta.published_ms {
        let iso = format_iso(ms);
        out.push_str("<time datetime=\"");
        push_escaped(out, &iso);
        out.push_str("\">");
        push_escaped(
            out,
            &format!("{} UTC", iso.get(..16).unwrap_or(&iso).replace('T', " ")),
        );
        out.push_str("</time>");
    } else if let Some(line) = &meta.date_line {
        out.push_str("<span>");
        push_escaped(out, line);
        out.push_str("</span>");
    }
    if let Some(byline) = &meta.byline {
        out.push_str("<span>");
        push_escaped(out, byline);
        out.push_str("</span>");
    }
    out.push_str("</p>\n</header>\n");
}

fn push_notes(out: &mut String, ctx: &Ctx<'_>) {
    if ctx.annotations.is_empty() {
        return;
    }
    out.push_str("<section class=\"notes\">\n<h2>批注 / Annotations</h2>\n");
    let numbered = ctx.marks.numbered();
    if !numbered.is_empty() {
        out.push_str("<ol>\n");
        for (n, index) in numbered {
            if let Some(a) = ctx.annotations.get(index) {
                out.push_str(&format!("<li id=\"note-{n}\">"));
                push_note(out, a, ctx);
                out.push_str(&format!(
                    " <a href=\"#ref-{n}\" aria-label=\"back to the text\">↩</a></li>\n"
                ));
            }
        }
        out.push_str("</ol>\n");
    }
    let unplaced: Vec<&Annotation> = ctx
        .annotations
        .iter()
        .enumerate()
        .filter(|(i, _)| ctx.marks.number(*i).is_none())
        .map(|(_, a)| a)
        .collect();
    if !unplaced.is_empty() {
        out.push_str("<h3>未能在文中定位 / Not found in this text</h3>\n<ul>\n");
        for a in unplaced {
            out.push_str("<li>");
            push_note(out, a, ctx);
            out.push_str("</li>\n");
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");
}

fn push_note(out: &mut String, a: &Annotation, ctx: &Ctx<'_>) {
    out.push_str("<span class=\"tag ");
    out.push_str(&ctx.label_class(&a.label));
    out.push_str("\">");
    push_escaped(out, &ctx.label_name(&a.label));
    out.push_str("</span> <q class=\"quote\">");
    push_escaped(out, &a.target.quote.exact);
    out.push_str("</q>");
    if !a.note.is_empty() {
        out.push_str("<span class=\"note\">");
        push_lines(out, &a.note);
        out.push_str("</span>");
    }
}
