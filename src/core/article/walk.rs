//! Walks the html5ever DOM and feeds the builder: this is where markup meets the allowlist.
//!
//! Elements fall in four groups: dropped with their content (script, style, forms controls,
//! object, svg, ...), media (img, picture, figure, iframe, video), blocks (boundaries) and
//! inlines (emphasis, strong, links; every unknown or custom element is an inline whose text
//! is kept). Recursion is bounded: below `MAX_DEPTH` the remaining subtree contributes its
//! text only, gathered without recursion, so 10,000 nested elements cannot overflow the stack.

use markup5ever_rcdom::{Handle, NodeData};

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

pub fn attr(handle: &Handle, name: &str) -> Option<String> {
    match &handle.data {
        NodeData::Element { attrs, .. } => attrs
            .borrow()
            .iter()
            .find(|a| (*a.name.local).eq_ignore_ascii_case(name))
            .map(|a| a.value.to_string()),
        _ => None,
    }
}

pub fn tag(handle: &Handle) -> Option<String> {
    match &handle.data {
        NodeData::Element { name, .. } => Some((*name.local).to_ascii_lowercase()),
        _ => None,
    }
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

    pub fn children(&mut self, handle: &Handle, depth: usize) {
        let children: Vec<Handle> = handle.children.borrow().iter().cloned().collect();
        for child in &children {
            self.node(child, depth + 1);
        }
    }

    pub fn node(&mut self, handle: &Handle, depth: usize) {
        match &handle.data {
            NodeData::Text { contents } if !self.in_noscript => {
                self.builder.text(&contents.borrow());
            }
            NodeData::Document => self.children(handle, depth),
            NodeData::Element { .. } => {
                if depth > MAX_DEPTH {
                    self.flat_text(handle);
                } else {
                    self.element(handle, depth);
                }
            }
            _ => {}
        }
    }

    /// The text of a too-deep subtree, without recursion.
    fn flat_text(&mut self, root: &Handle) {
        let mut stack = vec![root.clone()];
        while let Some(node) = stack.pop() {
            match &node.data {
                NodeData::Text { contents } => self.builder.text(&contents.borrow()),
                NodeData::Element { .. } => {
                    let name = tag(&node).unwrap_or_default();
                    if is_dropped(&name) {
                        continue;
                    }
                    if is_block(&name) {
                        self.builder.soft_space();
                    }
                    stack.extend(node.children.borrow().iter().rev().cloned());
                }
                _ => {}
            }
        }
    }

    fn element(&mut self, handle: &Handle, depth: usize) {
        let name = tag(handle).unwrap_or_default();
        if is_dropped(&name) || is_hidden(handle) {
            return;
        }
        match name.as_str() {
            "br" => self.builder.line_break(),
            "img" => {
                if let Some(image) = media::image(handle, self.base.as_deref()) {
                    self.builder.figure(image);
                }
            }
            "picture" => {
                if let Some(image) = media::picture(handle, self.base.as_deref()) {
                    self.builder.figure(image);
                }
            }
            "iframe" => {
                if let Some(block) = media::iframe(handle, self.base.as_deref()) {
                    self.builder.embed(block);
                }
            }
            "video" => {
                if let Some(block) = media::video(handle, self.base.as_deref()) {
                    self.builder.embed(block);
                }
            }
            "noscript" => {
                // Feeds repeat lazy-loaded images inside <noscript>; keep only images not
                // already shown, and none of the "enable JavaScript" text.
                let outer = std::mem::replace(&mut self.in_noscript, true);
                self.children(handle, depth);
                self.in_noscript = outer;
            }
            "figure" => self.figure(handle, depth),
            "figcaption" => match self.builder.caption_target() {
                Some(index) => self.in_sink(Sink::Caption(index), handle, depth),
                None => self.block(handle, depth),
            },
            "small" => match self.builder.caption_target() {
                Some(index) => self.in_sink(Sink::Caption(index), handle, depth),
                None => self.children(handle, depth),
            },
            "address" => {
                if self.builder.blocks.is_empty() {
                    self.in_sink(Sink::Byline, handle, depth);
                } else {
                    self.block(handle, depth);
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
                    let text = attr(handle, "datetime").unwrap_or_else(|| text_content(handle));
                    if !text.trim().is_empty() {
                        self.early_time = Some(text.trim().to_string());
                        return;
                    }
                }
                self.children(handle, depth);
            }
            "ul" | "ol" => {
                let start = attr(handle, "start").and_then(|s| s.trim().parse::<u32>().ok());
                self.builder.open_list(name == "ol", start);
                self.children(handle, depth);
                self.builder.close_list();
            }
            "li" => {
                if self.builder.in_list() {
                    if self.builder.sink == Sink::ListItem {
                        // An item of a nested list: file the outer item's text first.
                        self.builder.end_sink(Sink::ListItem);
                    }
                    self.in_sink(Sink::ListItem, handle, depth);
                } else {
                    self.block(handle, depth);
                }
            }
            "td" | "th" => {
                self.builder.soft_space();
                self.children(handle, depth);
                self.builder.soft_space();
            }
            "a" => {
                let href = attr(handle, "href")
                    .and_then(|h| check_url(&h, self.base.as_deref(), UrlUse::Link));
                self.styled(handle, depth, |style| {
                    if href.is_some() {
                        style.link = href;
                    }
                });
            }
            "em" | "i" | "cite" | "dfn" | "var" => {
                self.styled(handle, depth, |style| style.emphasis = true)
            }
            "strong" | "b" => self.styled(handle, depth, |style| style.strong = true),
            "span" if has_class(handle, "placeholder") => {}
            _ if is_block(&name) => self.block(handle, depth),
            _ => self.children(handle, depth),
        }
    }

    fn in_sink(&mut self, sink: Sink, handle: &Handle, depth: usize) {
        let outer = self.builder.begin_sink(sink);
        self.children(handle, depth);
        self.builder.end_sink(outer);
    }

    fn block(&mut self, handle: &Handle, depth: usize) {
        let name = tag(handle).unwrap_or_default();
        let level = heading_level(&name);
        let quote = name == "blockquote";
        self.builder.boundary();
        let outer_heading = self.builder.heading;
        if level.is_some() {
            self.builder.heading = level;
        }
        if quote {
            self.builder.quote_depth += 1;
        }
        self.children(handle, depth);
        self.builder.boundary();
        if quote {
            self.builder.quote_depth -= 1;
        }
        self.builder.heading = outer_heading;
    }

    fn figure(&mut self, handle: &Handle, depth: usize) {
        self.builder.boundary();
        self.children(handle, depth);
        self.builder.boundary();
    }

    fn styled(
        &mut self,
        handle: &Handle,
        depth: usize,
        change: impl FnOnce(&mut super::model::Style),
    ) {
        let outer = self.builder.style.clone();
        change(&mut self.builder.style);
        self.children(handle, depth);
        self.builder.style = outer;
    }
}

fn has_class(handle: &Handle, class: &str) -> bool {
    attr(handle, "class").is_some_and(|c| c.split_whitespace().any(|c| c == class))
}

/// Elements the page itself hides (`hidden`, `aria-hidden="true"`, `display:none`).
fn is_hidden(handle: &Handle) -> bool {
    attr(handle, "hidden").is_some()
        || attr(handle, "aria-hidden").is_some_and(|v| v.trim() == "true")
        || attr(handle, "style").is_some_and(|s| {
            let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
            s.to_ascii_lowercase().contains("display:none")
        })
}

/// All text under a node, without recursion.
pub fn text_content(root: &Handle) -> String {
    let mut out = String::new();
    let mut stack = vec![root.clone()];
    while let Some(node) = stack.pop() {
        match &node.data {
            NodeData::Text { contents } => out.push_str(&contents.borrow()),
            NodeData::Element { .. } => {
                let name = tag(&node).unwrap_or_default();
                if !is_dropped(&name) {
                    stack.extend(node.children.borrow().iter().rev().cloned());
                }
            }
            _ => {}
        }
    }
    out
}
