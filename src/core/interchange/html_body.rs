//! The article body of the HTML export: blocks as their HTML elements, runs split into
//! pieces, each highlighted piece inside `<mark>`s, a footnote marker after each
//! highlight's last piece. Every text and attribute value is escaped; links and images
//! keep only URLs that pass the URL check.

use crate::core::annotation::{Annotation, Piece};
use crate::core::article::url::{check_url, UrlUse};
use crate::core::article::{Article, Block, Run, RunKind, TextKind, TextUnit};
use crate::core::label::Label;

use super::escape::push_escaped;
use super::html_marks::Marks;

/// What the body needs to know about the annotations.
pub(crate) struct Ctx<'a> {
    pub annotations: &'a [Annotation],
    pub labels: &'a [Label],
    pub marks: &'a Marks,
}

impl Ctx<'_> {
    /// The CSS class of a label id (`lb<k>` by position in the label list, `lbx` if unknown).
    pub fn label_class(&self, id: &str) -> String {
        match self.labels.iter().position(|l| l.id == id) {
            Some(k) => format!("lb{k}"),
            None => "lbx".to_owned(),
        }
    }

    /// `"中文 / English"`, or the id of an unknown label.
    pub fn label_name(&self, id: &str) -> String {
        match self.labels.iter().find(|l| l.id == id) {
            Some(l) => format!("{} / {}", l.name_zh, l.name_en),
            None => id.to_owned(),
        }
    }
}

pub(crate) fn push_blocks(out: &mut String, article: &Article, ctx: &Ctx<'_>) {
    let mut run = 0usize;
    for block in &article.blocks {
        match block {
            Block::Text { kind, unit } => {
                let (open, close) = match kind {
                    TextKind::Paragraph => ("<p>", "</p>"),
                    TextKind::Heading(2) => ("<h2>", "</h2>"),
                    TextKind::Heading(3) => ("<h3>", "</h3>"),
                    TextKind::Heading(_) => ("<h4>", "</h4>"),
                    TextKind::Quote => ("<blockquote><p>", "</p></blockquote>"),
                };
                out.push_str(open);
                push_unit(out, unit, ctx, &mut run);
                out.push_str(close);
                out.push('\n');
            }
            Block::List {
                ordered,
                start,
                items,
            } => {
                match (ordered, start) {
                    (true, Some(n)) => out.push_str(&format!("<ol start=\"{n}\">\n")),
                    (true, None) => out.push_str("<ol>\n"),
                    (false, _) => out.push_str("<ul>\n"),
                }
                for item in items {
                    out.push_str("<li>");
                    push_unit(out, item, ctx, &mut run);
                    out.push_str("</li>\n");
                }
                out.push_str(if *ordered { "</ol>\n" } else { "</ul>\n" });
            }
            Block::Figure { image, caption } => {
                out.push_str("<figure>");
                if let Some(src) = check_url(&image.src, None, UrlUse::Media) {
                    push_img(out, &src, &image.alt);
                }
                push_caption(out, caption, ctx, &mut run);
                out.push_str("</figure>\n");
            }
            Block::YouTube { id, caption } => {
                out.push_str("<figure class=\"video\">");
                let valid = !id.is_empty()
                    && id
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
                let url = format!("https://www.youtube.com/watch?v={id}");
                match check_url(&url, None, UrlUse::Link).filter(|_| valid) {
                    Some(url) => push_link(out, &url, "YouTube video / 视频"),
                    None => out.push_str("<p>YouTube video / 视频</p>"),
                }
                push_caption(out, caption, ctx, &mut run);
                out.push_str("</figure>\n");
            }
            Block::VideoLink {
                url,
                poster,
                caption,
            } => {
                out.push_str("<figure class=\"video\">");
                if let Some(src) = poster
                    .as_deref()
                    .and_then(|p| check_url(p, None, UrlUse::Media))
                {
                    push_img(out, &src, "");
                }
                if let Some(url) = check_url(url, None, UrlUse::Link) {
                    push_link(out, &url, "Video / 视频");
                }
                push_caption(out, caption, ctx, &mut run);
                out.push_str("</figure>\n");
            }
        }
    }
}

fn push_img(out: &mut String, src: &str, alt: &str) {
    out.push_str("<img src=\"");
    push_escaped(out, src);
    out.push_str("\" alt=\"");
    push_escaped(out, alt);
    out.push_str("\" loading=\"lazy\" referrerpolicy=\"no-referrer\">");
}

fn push_link(out: &mut String, url: &str, text: &str) {
    out.push_str("<p><a href=\"");
    push_escaped(out, url);
    out.push_str("\" rel=\"noopener noreferrer\">");
    push_escaped(out, text);
    out.push_str("</a></p>");
}

fn push_caption(out: &mut String, caption: &TextUnit, ctx: &Ctx<'_>, run: &mut usize) {
    if caption.is_empty() {
        return;
    }
    out.push_str("<figcaption>");
    push_unit(out, caption, ctx, run);
    out.push_str("</figcaption>");
}

fn push_unit(out: &mut String, unit: &TextUnit, ctx: &Ctx<'_>, next: &mut usize) {
    for run in &unit.runs {
        let index = *next;
        *next += 1;
        let pieces = ctx.marks.pieces.get(index).map_or(&[][..], Vec::as_slice);
        push_run(out, run, index, pieces, ctx);
    }
}

fn push_run(out: &mut String, run: &Run, index: usize, pieces: &[Piece], ctx: &Ctx<'_>) {
    let RunKind::Text(text) = &run.kind else {
        out.push_str("<br>");
        return;
    };
    if pieces.is_empty() {
        push_styled(out, run, text, &[], ctx);
        return;
    }
    let mut rest = text.as_str();
    for (p, piece) in pieces.iter().enumerate() {
        let len = piece.end.saturating_sub(piece.start);
        let split = rest.char_indices().nth(len).map_or(rest.len(), |(b, _)| b);
        let (part, after) = rest.split_at(split);
        rest = after;
        push_styled(out, run, part, &piece.highlights, ctx);
        for i in ctx.marks.markers_after(index, p) {
            if let Some(n) = ctx.marks.number(i) {
                out.push_str(&format!(
                    "<sup class=\"fn\"><a href=\"#note-{n}\" id=\"ref-{n}\">{n}</a></sup>"
                ));
            }
        }
    }
}

/// `text` inside the run's link/strong/emphasis and the covering highlights' marks
/// (longest outside).
fn push_styled(out: &mut String, run: &Run, text: &str, highlights: &[usize], ctx: &Ctx<'_>) {
    let link = run
        .style
        .link
        .as_deref()
        .and_then(|l| check_url(l, None, UrlUse::Link));
    if let Some(url) = &link {
        out.push_str("<a href=\"");
        push_escaped(out, url);
        out.push_str("\" rel=\"noopener noreferrer\">");
    }
    if run.style.strong {
        out.push_str("<strong>");
    }
    if run.style.emphasis {
        out.push_str("<em>");
    }
    let marks: Vec<&Annotation> = highlights
        .iter()
        .rev()
        .filter_map(|&i| ctx.annotations.get(i))
        .collect();
    for a in &marks {
        out.push_str("<mark class=\"hl ");
        out.push_str(&ctx.label_class(&a.label));
        out.push_str("\" data-annotation-id=\"");
        push_escaped(out, &a.id);
        out.push_str("\" data-label=\"");
        push_escaped(out, &a.label);
        out.push_str("\" title=\"");
        push_escaped(out, &ctx.label_name(&a.label));
        out.push_str("\">");
    }
    push_escaped(out, text);
    for _ in &marks {
        out.push_str("</mark>");
    }
    if run.style.emphasis {
        out.push_str("</em>");
    }
    if run.style.strong {
        out.push_str("</strong>");
    }
    if link.is_some() {
        out.push_str("</a>");
    }
}
