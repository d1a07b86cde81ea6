//! The typed article model: the only shapes pizhu can render.
//!
//! The model *is* the allowlist. Nothing from the source HTML reaches the page except through
//! these types: text runs with a fixed set of styles, checked URLs, and a handful of block kinds.
//! Every run carries its offset (in Unicode code points) into the article's canonical text, so
//! highlights and DOM selections map to one coordinate system.

use serde::Serialize;

/// A parsed article: header metadata, typed blocks, and the canonical text they spell.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Article {
    pub meta: Meta,
    pub blocks: Vec<Block>,
    /// Canonical text: text units in document order joined with "\n" (see `canonical`).
    pub text: String,
    /// Length of `text` in code points.
    pub char_len: usize,
}

/// What the feed header and the body's date and byline lines say about the article.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Meta {
    pub title: String,
    /// The article's own URL, checked to be http(s).
    pub url: Option<String>,
    /// Publish time from the feed header, milliseconds since the Unix epoch.
    pub published_ms: Option<i64>,
    /// The outlet's date line from the body, as written (ISO 8601 or RFC 1123).
    pub date_line: Option<String>,
    pub byline: Option<String>,
    /// Where the input came from: a feed file, a bare HTML fragment, a page, or plain text.
    pub source_kind: SourceKind,
    /// Something the reader should know about how the file was read.
    pub notice: Option<String>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub enum SourceKind {
    #[default]
    FeedFile,
    HtmlFragment,
    HtmlPage,
    PlainText,
}

/// Inline style of a run. Links are indexes into nothing: they carry their checked URL.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Style {
    pub emphasis: bool,
    pub strong: bool,
    pub link: Option<String>,
}

/// A run of text with one style, or a line break.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Run {
    pub kind: RunKind,
    pub style: Style,
    /// Offset of the run's first code point in the canonical text (set when the article is built).
    pub start: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum RunKind {
    Text(String),
    /// A `<br>`: one "\n" in the canonical text.
    Break,
}

impl Run {
    /// The run's contribution to the canonical text.
    pub fn text(&self) -> &str {
        match &self.kind {
            RunKind::Text(text) => text,
            RunKind::Break => "\n",
        }
    }

    /// Length in code points.
    pub fn char_len(&self) -> usize {
        match &self.kind {
            RunKind::Text(text) => text.chars().count(),
            RunKind::Break => 1,
        }
    }

    pub fn end(&self) -> usize {
        self.start + self.char_len()
    }
}

/// One unit of text: a paragraph, heading line, quote paragraph, list item or caption.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct TextUnit {
    pub runs: Vec<Run>,
}

impl TextUnit {
    pub fn plain_text(&self) -> String {
        self.runs.iter().map(Run::text).collect()
    }

    pub fn is_empty(&self) -> bool {
        self.runs.is_empty()
    }

    /// Code-point range of the unit in the canonical text.
    pub fn range(&self) -> Option<(usize, usize)> {
        Some((self.runs.first()?.start, self.runs.last()?.end()))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum TextKind {
    Paragraph,
    /// Heading level 2 to 4 (the article title owns the only `<h1>`).
    Heading(u8),
    Quote,
}

/// An image whose source passed the URL check.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Image {
    pub src: String,
    pub alt: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum Block {
    Text {
        kind: TextKind,
        unit: TextUnit,
    },
    List {
        ordered: bool,
        start: Option<u32>,
        items: Vec<TextUnit>,
    },
    Figure {
        image: Image,
        caption: TextUnit,
    },
    /// A YouTube embed, rendered click-to-load; no request leaves until the reader asks.
    YouTube {
        id: String,
        caption: TextUnit,
    },
    /// Any other video or embed, shown as a link card.
    VideoLink {
        url: String,
        poster: Option<String>,
        caption: TextUnit,
    },
}

impl Block {
    /// The text units of this block, in canonical-text order.
    pub fn units(&self) -> Vec<&TextUnit> {
        match self {
            Block::Text { unit, .. } => vec![unit],
            Block::List { items, .. } => items.iter().collect(),
            Block::Figure { caption, .. }
            | Block::YouTube { caption, .. }
            | Block::VideoLink { caption, .. } => vec![caption],
        }
    }

    pub fn units_mut(&mut self) -> Vec<&mut TextUnit> {
        match self {
            Block::Text { unit, .. } => vec![unit],
            Block::List { items, .. } => items.iter_mut().collect(),
            Block::Figure { caption, .. }
            | Block::YouTube { caption, .. }
            | Block::VideoLink { caption, .. } => vec![caption],
        }
    }
}

impl Article {
    /// The key this article's annotations are stored under: its URL when it has one (so a
    /// colleague's file of the same article finds them), else a hash of its canonical text.
    pub fn storage_key(&self) -> String {
        match &self.meta.url {
            Some(url) => url.clone(),
            None => format!("text:{:016x}", fnv1a64(self.text.as_bytes())),
        }
    }

    /// Which block holds code point `offset` of the canonical text: the last block whose text
    /// starts at or before it (blocks without text, such as a picture without caption, hold
    /// none). `None` before the first text.
    pub fn block_at(&self, offset: usize) -> Option<usize> {
        let first_offset = |block: &Block| {
            block
                .units()
                .iter()
                .find_map(|unit| unit.runs.first())
                .map(|run| run.start)
        };
        self.blocks
            .iter()
            .enumerate()
            .filter_map(|(index, block)| first_offset(block).map(|start| (index, start)))
            .take_while(|&(_, start)| start <= offset)
            .last()
            .map(|(index, _)| index)
    }

    /// The (start, end) code-point range of every run, in document order.
    pub fn run_ranges(&self) -> Vec<(usize, usize)> {
        self.blocks
            .iter()
            .flat_map(|b| b.units())
            .flat_map(|u| u.runs.iter().map(|r| (r.start, r.end())))
            .collect()
    }
}

/// FNV-1a, 64 bit: a stable short key for texts without a URL (not a security hash).
fn fnv1a64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use crate::core::article::parse;

    #[test]
    fn block_at_finds_the_block_holding_an_offset_and_skips_blocks_without_text() {
        let article = parse(
            "<!--1-->\n[t](https://example.org/b)\n------\n\n\
             <p>一二三</p><figure><img src=\"https://example.org/a.png\"></figure>\
             <ul><li>四五</li><li>六</li></ul><p>七</p>",
        )
        .expect("parses");
        // Canonical text: "一二三\n四五\n六\n七"; blocks: p, figure (no text), ul, p.
        assert_eq!(article.text, "一二三\n四五\n六\n七");
        assert_eq!(article.block_at(0), Some(0));
        assert_eq!(article.block_at(3), Some(0));
        assert_eq!(article.block_at(4), Some(2));
        assert_eq!(article.block_at(7), Some(2));
        assert_eq!(article.block_at(9), Some(3));
        assert_eq!(article.block_at(100), Some(3));
    }
}
