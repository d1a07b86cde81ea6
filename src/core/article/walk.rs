//! Walks the parsed DOM (`pizhu_dom`, crates/dom) and feeds the builder: this is where markup meets the allowlist.
//!
//! Elements fall in four groups: dropped with their content (script, style, forms controls,
//! object, svg, ...), media (img, picture, figure, iframe, video), blocks (boundaries) and
//! inlines (emphasis, strong, links; every unknown or custom element is an inline whose text
//! is kept). Recursion is bounded: below `MAX_DEPTH` the remaining subtree contributes its
//! text only, gathered without recursion, so 10,000 nested elements cannot overflow the stack.

use pizhu_dom::{Dom, NodeData, NodeId};

use super::builder::{Builder, Sink};
use super::media;
use super::model::Block;
use super::url::{check_url, UrlUse};

const MAX_DEPTH: usize = 200;

pub struct Walker {
    pub builder: Builder,
    /// The URL relative links and images resolve against.
    pub base: Option<String>,
    /// `<time>` text seen before the first paragraph: the article's date line.
    pub early_time: Option<String>,
    in_noscript: bool,
}

fn is_dropped(tag: &str) -> bool {
    matches!(
        tag,
        "script"
            | "style"
            | "template"
            | "head"
            | "title"
            | "meta"
            | "link"
            | "base"
            | "object"
            | "embed"
            | "applet"
            | "svg"
            | "math"
            | "select"
            | "textarea"
            | "input"
            | "button"
            | "option"
            | "noembed"
            | "noframes"
            | "frame"
            | "frameset"
            | "canvas"
            | "audio"
            | "map"
            | "area"
            | "dialog"
            | "source"
            | "track"
            | "param"
            | "nav"
            | "xmp"
            | "plaintext"
    )
}

fn is_block(tag: &str) -> bool {
    matches!(
        tag,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "header"
            | "footer"
            | "aside"
            | "pre"
            | "center"
            | "details"
            | "summary"
            | "hr"
            | "fieldset"
            | "legend"
            | "table"
            | "thead"
            | "tbody"
            | "tfoot"
            | "tr"
            | "caption"
            | "dl"
            | "dt"
            | "dd"
            | "body"
            | "html"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "blockquote"
    )
}

fn heading_level(tag: &str) -> Option<u8> {
    match tag {
        "h1" | "h2" => Some(2),
        "h3" => Some(3),
        "h4" | "h5" | "h6" => Some(4),
        _ => None,
    }
}

impl Walker {
    pub fn new(base: Option<&str>) -> Self {
        Self {
            builder: Builder::default(),
            base: base.map(str::to_string),
            early_time: None,
            in_noscript: false,
        }
    }

    pub fn children(&mut self, dom: &Dom, id: NodeId, depth: usize) {
        for child in dom.children(id) {
            self.node(dom, child, depth + 1);
        }
    }

    pub fn node(&mut self, dom: &Dom, id: NodeId, depth: usize) {
        match dom.data(id) {
            NodeData::Text(contents) if !self.in_noscript => self.builder.text(contents),
            NodeData::Document => self.children(dom, id, depth),
            NodeData::Element { name, .. } => {
                if depth > MAX_DEPTH {
                    self.flat_text(dom, id);
                } else {
                    self.element(dom, id, name, depth);
                }
            }
            _ => {}
        }
    }

    /// The text of a too-deep subtree, without recursion.
    fn flat_text(&mut self, dom: &Dom, root: NodeId) {
        let mut stack = vec![root];
        while let Some(node) = stack.pop() {
            match dom.data(node) {
                NodeData::Text(contents) => self.builder.text(contents),
                NodeData::Element { name, .. } => {
                    if is_dropped(name) {
                        continue;
                    }
                    if is_block(name) {
                        self.builder.soft_space();
                    }
                    let first = stack.len();
                    stack.extend(dom.children(node));
                    stack[first..].reverse();
                }
                _ => {}
            }
        }
    }

    fn element(&mut self, dom: &Dom, handle: NodeId, name: &str, depth: usize) {
        if is_dropped(name) || is_hidden(dom, handle) {
            return;
        }
        match name {
            "br" => self.builder.line_break(),
            "img" => {
                if let Some(image) = media::image(dom, handle, self.base.as_deref()) {
                    self.builder.figure(image);
                }
            }
            "picture" => {
                if let Some(image) = media::picture(dom, handle, self.base.as_deref()) {
                    self.builder.figure(image);
                }
            }
            "iframe" => {
                if let Some(block) = media::iframe(dom, handle, self.base.as_deref()) {
                    self.builder.embed(block);
                }
            }
            "video" => {
                if let Some(block) = media::video(dom, handle, self.base.as_deref()) {
                    self.builder.embed(block);
                }
            }
            "noscript" => {
                // Feeds repeat lazy-loaded images inside <noscript>; keep only images not
                // already shown, and none of the "enable JavaScript" text.
                let outer = std::mem::replace(&mut self.in_noscript, true);
                self.children(dom, handle, depth);
                self.in_noscript = outer;
            }
            "figure" => self.figure(dom, handle, depth),
            "figcaption" => match self.builder.caption_target() {
                Some(index) => self.in_sink(Sink::Caption(index), dom, handle, depth),
                None => self.block(dom, handle, name, depth),
            },
            "small" => match self.builder.caption_target() {
                Some(index) => self.in_sink(Sink::Caption(index), dom, handle, depth),
                None => self.children(dom, handle, depth),
            },
            "address" => {
                if self.builder.blocks.is_empty() {
                    self.in_sink(Sink::Byline, dom, handle, depth);
                } else {
                    self.block(dom, handle, name, depth);
                }
            }
            "time" => {
                let no_text_yet = !self
                    .builder
                    .blocks
                    .iter()
                    .any(|b| matches!(b, Block::Text { .. }));
                if no_text_yet && self.early_time.is_none() && self.builder.unit_is_empty() {
                    // The machine-readable datetime beats display text such as "15 分钟前".
                    let text = dom
                        .attr(handle, "datetime")
                        .map_or_else(|| text_content(dom, handle), str::to_string);
                    if !text.trim().is_empty() {
                        self.early_time = Some(text.trim().to_string());
                        return;
                    }
                }
                self.children(dom, handle, depth);
            }
            "ul" | "ol" => {
                let start = dom
                    .attr(handle, "start")
                    .and_then(|s| s.trim().parse::<u32>().ok());
                self.builder.open_list(name == "ol", start);
                self.children(dom, handle, depth);
                self.builder.close_list();
            }
            "li" => {
                if self.builder.in_list() {
                    if self.builder.sink == Sink::ListItem {
                        // An item of a nested list: file the outer item's text first.
                        self.builder.end_sink(Sink::ListItem);
                    }
                    self.in_sink(Sink::ListItem, dom, handle, depth);
                } else {
                    self.block(dom, handle, name, depth);
                }
            }
            "td" | "th" => {
                self.builder.soft_space();
                self.children(dom, handle, depth);
                self.builder.soft_space();
            }
            "a" => {
                let href = dom
                    .attr(handle, "href")
                    .and_then(|h| check_url(h, self.base.as_deref(), UrlUse::Link));
                self.styled(dom, handle, depth, |style| {
                    if href.is_some() {
                        style.link = href;
                    }
                });
            }
            "em" | "i" | "cite" | "dfn" | "var" => {
                self.styled(dom, handle, depth, |style| style.emphasis = true)
            }
            "strong" | "b" => self.styled(dom, handle, depth, |style| style.strong = true),
            "span" if has_class(dom, handle, "placeholder") => {}
            _ if is_block(name) => self.block(dom, handle, name, depth),
            _ => self.children(dom, handle, depth),
        }
    }

    fn in_sink(&mut self, sink: Sink, dom: &Dom, handle: NodeId, depth: usize) {
        let outer = self.builder.begin_sink(sink);
        self.children(dom, handle, depth);
        self.builder.end_sink(outer);
    }

    fn block(&mut self, dom: &Dom, handle: NodeId, name: &str, depth: usize) {
        let level = heading_level(name);
        let quote = name == "blockquote";
        self.builder.boundary();
        let outer_heading = self.builder.heading;
        if level.is_some() {
            self.builder.heading = level;
        }
        if quote {
            self.builder.quote_depth += 1;
        }
        self.children(dom, handle, depth);
        self.builder.boundary();
        if quote {
            self.builder.quote_depth -= 1;
        }
        self.builder.heading = outer_heading;
    }

    fn figure(&mut self, dom: &Dom, handle: NodeId, depth: usize) {
        self.builder.boundary();
        self.children(dom, handle, depth);
        self.builder.boundary();
    }

    fn styled(
        &mut self,
        dom: &Dom,
        handle: NodeId,
        depth: usize,
        change: impl FnOnce(&mut super::model::Style),
    ) {
        let outer = self.builder.style.clone();
        change(&mut self.builder.style);
        self.children(dom, handle, depth);
        self.builder.style = outer;
    }
}

fn has_class(dom: &Dom, handle: NodeId, class: &str) -> bool {
    dom.attr(handle, "class")
        .is_some_and(|c| c.split_whitespace().any(|c| c == class))
}

/// Elements the page itself hides (`hidden`, `aria-hidden="true"`, `display:none`).
fn is_hidden(dom: &Dom, handle: NodeId) -> bool {
    dom.attr(handle, "hidden").is_some()
        || dom
            .attr(handle, "aria-hidden")
            .is_some_and(|v| v.trim() == "true")
        || dom.attr(handle, "style").is_some_and(|s| {
            let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
            s.to_ascii_lowercase().contains("display:none")
        })
}

/// All text under a node, without recursion.
pub fn text_content(dom: &Dom, root: NodeId) -> String {
    let mut out = String::new();
    let mut stack = vec![root];
    while let Some(node) = stack.pop() {
        match dom.data(node) {
            NodeData::Text(contents) => out.push_str(contents),
            NodeData::Element { name, .. } if !is_dropped(name) => {
                let first = stack.len();
                stack.extend(dom.children(node));
                stack[first..].reverse();
            }
            _ => {}
        }
    }
    out
}
