//! Accumulates typed blocks while the DOM walker streams text, styles and block boundaries.
//!
//! Whitespace is collapsed here exactly once, the way a browser shows it (ASCII whitespace
//! runs become one space, none at a unit's edges), so the canonical text equals what the
//! reader sees and what a DOM selection reports.

use std::collections::HashSet;

use super::model::{Block, Image, Run, RunKind, Style, TextKind, TextUnit};

/// Where the text currently being collected will land.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sink {
    /// Ordinary flow: each block boundary closes a paragraph, heading or quote.
    Flow,
    /// Inside a list item: inner block boundaries become line breaks.
    ListItem,
    /// The caption of the block at this index.
    Caption(usize),
    /// The byline (an `<address>` or similar).
    Byline,
}

#[derive(Debug, Default)]
struct OpenList {
    ordered: bool,
    start: Option<u32>,
    items: Vec<TextUnit>,
}

#[derive(Debug)]
pub struct Builder {
    pub blocks: Vec<Block>,
    unit: TextUnit,
    pending_space: bool,
    pub sink: Sink,
    pub style: Style,
    pub heading: Option<u8>,
    pub quote_depth: u32,
    list: Option<OpenList>,
    list_depth: u32,
    pub byline: String,
    /// Sources of the figures added so far (a set: a page can have thousands of images).
    seen_images: HashSet<String>,
}

impl Default for Builder {
    fn default() -> Self {
        Self {
            blocks: Vec::new(),
            unit: TextUnit::default(),
            pending_space: false,
            sink: Sink::Flow,
            style: Style::default(),
            heading: None,
            quote_depth: 0,
            list: None,
            list_depth: 0,
            byline: String::new(),
            seen_images: HashSet::new(),
        }
    }
}

fn is_collapsible(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}')
}

impl Builder {
    /// Append text in the current style, collapsing whitespace.
    pub fn text(&mut self, text: &str) {
        // Word by word (a CJK paragraph is often one "word"): the same result as taking the
        // characters one at a time, with one style comparison per word instead of per character.
        let mut rest = text;
        while !rest.is_empty() {
            let word_start = rest.len() - rest.trim_start_matches(is_collapsible).len();
            if word_start > 0 {
                self.pending_space = true;
                rest = &rest[word_start..];
                continue;
            }
            let word_end = rest.find(is_collapsible).unwrap_or(rest.len());
            if self.pending_space && self.ends_with_content() {
                self.push_str(" ");
            }
            self.pending_space = false;
            self.push_str(&rest[..word_end]);
            rest = &rest[word_end..];
        }
    }

    /// A separator that shows as a space (table cells, inline boundaries).
    pub fn soft_space(&mut self) {
        self.pending_space = true;
    }

    fn ends_with_content(&self) -> bool {
        match self.unit.runs.last() {
            Some(run) => matches!(&run.kind, RunKind::Text(t) if !t.ends_with(' ')),
            None => false,
        }
    }

    /// Append non-empty `text` to the last run if it has the current style, else start a run.
    fn push_str(&mut self, text: &str) {
        if let Some(Run {
            kind: RunKind::Text(last),
            style,
            ..
        }) = self.unit.runs.last_mut()
        {
            if *style == self.style {
                last.push_str(text);
                return;
            }
        }
        self.unit.runs.push(Run {
            kind: RunKind::Text(text.to_string()),
            style: self.style.clone(),
            start: 0,
        });
    }

    /// A `<br>`. Two in a row end the paragraph in flow (feeds use `<br><br>` for paragraphs).
    pub fn line_break(&mut self) {
        self.pending_space = false;
        match self.unit.runs.last() {
            None => {}
            Some(Run {
                kind: RunKind::Break,
                ..
            }) if self.sink == Sink::Flow => {
                self.unit.runs.pop();
                self.boundary();
            }
            Some(Run {
                kind: RunKind::Break,
                ..
            }) => {}
            Some(_) => {
                self.trim_trailing_space();
                self.unit.runs.push(Run {
                    kind: RunKind::Break,
                    style: Style::default(),
                    start: 0,
                });
            }
        }
    }

    fn trim_trailing_space(&mut self) {
        if let Some(Run {
            kind: RunKind::Text(text),
            ..
        }) = self.unit.runs.last_mut()
        {
            let kept = text.trim_end_matches(' ').len();
            text.truncate(kept);
            if text.is_empty() {
                self.unit.runs.pop();
            }
        }
    }

    /// Take the collected unit, with whitespace (any kind, including U+3000 and no-break
    /// spaces) and breaks trimmed from both edges; a unit of only whitespace is empty.
    fn take_unit(&mut self) -> TextUnit {
        self.pending_space = false;
        let mut unit = std::mem::take(&mut self.unit);
        trim_unit_edges(&mut unit.runs);
        unit
    }

    /// A block-level boundary: close the current unit in a way that fits the sink.
    pub fn boundary(&mut self) {
        match self.sink {
            Sink::Flow => {
                let unit = self.take_unit();
                if unit.is_empty() {
                    return;
                }
                let kind = match (self.heading, self.quote_depth) {
                    (Some(level), _) => TextKind::Heading(level),
                    (None, 0) => TextKind::Paragraph,
                    (None, _) => TextKind::Quote,
                };
                self.blocks.push(Block::Text { kind, unit });
            }
            Sink::ListItem | Sink::Caption(_) | Sink::Byline => {
                if !self.unit.is_empty() {
                    self.line_break();
                }
            }
        }
    }

    /// True when nothing has been collected since the last boundary.
    pub fn unit_is_empty(&self) -> bool {
        self.unit.is_empty()
    }

    /// Begin a caption for the last block (a figure or video) if it can take one.
    pub fn caption_target(&self) -> Option<usize> {
        if !self.unit.is_empty() || self.sink != Sink::Flow {
            return None;
        }
        let index = self.blocks.len().checked_sub(1)?;
        match &self.blocks[index] {
            Block::Figure { caption, .. }
            | Block::YouTube { caption, .. }
            | Block::VideoLink { caption, .. } => caption.is_empty().then_some(index),
            _ => None,
        }
    }

    /// Send the text that follows to `sink`; returns the sink to restore in `end_sink`.
    pub fn begin_sink(&mut self, sink: Sink) -> Sink {
        self.boundary();
        std::mem::replace(&mut self.sink, sink)
    }

    /// File what was collected since `begin_sink` and go back to the `outer` sink.
    pub fn end_sink(&mut self, outer: Sink) {
        let sink = self.sink;
        let unit = self.take_unit();
        self.sink = outer;
        match sink {
            Sink::Caption(index) => {
                if let Some(
                    Block::Figure { caption, .. }
                    | Block::YouTube { caption, .. }
                    | Block::VideoLink { caption, .. },
                ) = self.blocks.get_mut(index)
                {
                    caption.runs.extend(unit.runs);
                }
            }
            Sink::Byline => {
                if self.byline.is_empty() {
                    let text = unit.plain_text();
                    self.byline = text.split_whitespace().collect::<Vec<_>>().join(" ");
                }
            }
            Sink::ListItem => {
                if let Some(list) = self.list.as_mut() {
                    if !unit.is_empty() {
                        list.items.push(unit);
                    }
                }
            }
            Sink::Flow => self.unit = unit,
        }
    }

    /// Open a list; nested lists fold into the outermost one (items stay in order).
    pub fn open_list(&mut self, ordered: bool, start: Option<u32>) {
        if self.sink == Sink::ListItem {
            // A list inside an item: close the item's text so far as its own item.
            let unit = self.take_unit();
            if let Some(list) = self.list.as_mut() {
                if !unit.is_empty() {
                    list.items.push(unit);
                }
            }
        } else {
            self.boundary();
        }
        self.list_depth += 1;
        if self.list.is_none() {
            self.list = Some(OpenList {
                ordered,
                start,
                items: Vec::new(),
            });
        }
    }

    pub fn close_list(&mut self) {
        self.list_depth = self.list_depth.saturating_sub(1);
        if self.list_depth > 0 {
            return;
        }
        // Text directly inside <ul> (outside any <li>) becomes an item of its own.
        let loose = self.take_unit();
        if let Some(mut list) = self.list.take() {
            if !loose.is_empty() {
                list.items.push(loose);
            }
            if !list.items.is_empty() {
                self.blocks.push(Block::List {
                    ordered: list.ordered,
                    start: list.start,
                    items: list.items,
                });
            }
        }
    }

    pub fn in_list(&self) -> bool {
        self.list.is_some()
    }

    /// Add a figure unless the same image was already shown (`<noscript>` copies, srcset twins).
    pub fn figure(&mut self, image: Image) {
        if !self.seen_images.insert(image.src.clone()) {
            return;
        }
        self.embed(Block::Figure {
            image,
            caption: TextUnit::default(),
        });
    }

    /// Add a media block, closing any open text first.
    pub fn embed(&mut self, block: Block) {
        if self.sink == Sink::Flow {
            self.boundary();
        } else {
            // Media inside a list item or caption: finish that text, then place the media.
            return self.embed_outside(block);
        }
        self.blocks.push(block);
    }

    fn embed_outside(&mut self, block: Block) {
        if let Sink::ListItem = self.sink {
            self.blocks.push(block);
        }
    }

    /// Finish: close anything still open and hand over the blocks.
    pub fn finish(mut self) -> (Vec<Block>, String) {
        self.sink = Sink::Flow;
        self.boundary();
        while self.list.is_some() {
            self.list_depth = 1;
            self.close_list();
        }
        (self.blocks, self.byline)
    }
}

fn trim_unit_edges(runs: &mut Vec<Run>) {
    loop {
        match runs.last_mut() {
            Some(Run {
                kind: RunKind::Break,
                ..
            }) => {
                runs.pop();
            }
            Some(Run {
                kind: RunKind::Text(text),
                ..
            }) => {
                let kept = text.trim_end().len();
                if kept == 0 {
                    runs.pop();
                } else {
                    text.truncate(kept);
                    break;
                }
            }
            None => return,
        }
    }
    let mut leading = 0;
    for run in runs.iter_mut() {
        match &mut run.kind {
            RunKind::Break => leading += 1,
            RunKind::Text(text) => {
                let trimmed = text.trim_start();
                if trimmed.is_empty() {
                    leading += 1;
                } else {
                    *text = trimmed.to_string();
                    break;
                }
            }
        }
    }
    runs.drain(..leading);
}
