//! Renders an `Article` per the page contract: `<article>`, `<h1>`, source link, `<time>`,
//! `<figure><img alt><figcaption>`, paragraphs, quotes, lists, click-to-load YouTube.
//!
//! Every text leaf is a `<span data-o="N">` whose text starts at code point N of the
//! canonical text; `<br>` carries `data-o` too. That is the whole DOM-to-offset contract the
//! selection code relies on. Elements are built from the typed model only: no HTML strings.
//!
//! Blocks are direct children of the article body (`<div class="reader-body">` inside the
//! `<article>`, after its header), rendered by chunk components that add no element of their
//! own; a long article's later chunks arrive after the first paint (see
//! `chunks`).

use std::rc::Rc;

use yew::prelude::*;

use crate::core::article::Article;
use crate::web::{dom, timing};

use super::blocks::BlockView;
use super::chunks::{Chunks, ChunksRef};

#[derive(Properties)]
pub struct ArticleProps {
    pub article: Rc<Article>,
    /// Highlight pieces per block (see `annotate::render`); empty means no highlights.
    #[prop_or_default]
    pub pieces: Rc<Vec<Rc<BlockPieces>>>,
    /// The rendering progress of this article's blocks (`Chunks::new(blocks.len())`), made
    /// by the parent, which may need a block that is not in the page yet.
    pub chunks: Rc<Chunks>,
}

/// Articles and progress compare by identity (see `ArticleRef`); pieces by value (cheap, and
/// unchanged pieces are the common case).
impl PartialEq for ArticleProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.article, &other.article)
            && self.pieces == other.pieces
            && Rc::ptr_eq(&self.chunks, &other.chunks)
    }
}

/// One highlight covering a piece of text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MarkRef {
    pub id: Rc<str>,
    pub label: Rc<str>,
    pub active: bool,
    pub flash: bool,
}

/// A piece of a run with the highlights covering it, shortest first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PieceView {
    pub start: usize,
    pub end: usize,
    pub marks: Vec<MarkRef>,
}

/// The pieces of every run of one block, in canonical order (units, then runs).
pub type BlockPieces = Vec<Vec<PieceView>>;

/// Compares articles by identity: an article never changes once parsed, and comparing two
/// large articles by value on every render would cost more than rendering them.
#[derive(Clone, Debug)]
pub struct ArticleRef(pub Rc<Article>);

impl PartialEq for ArticleRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[function_component(ArticleView)]
pub fn article_view(props: &ArticleProps) -> Html {
    let article = props.article.clone();
    let chunks = props.chunks.clone();
    // Keyed by identity (the progress belongs to one article): re-opening identical content
    // is still a new render to measure, and comparing large articles by value on every render
    // would cost more than it saves.
    use_effect_with(ChunksRef(chunks.clone()), |ChunksRef(chunks)| {
        // Measured to the next animation frame: the article has been laid out and painted.
        // The chunks not rendered yet follow from there.
        let chunks = chunks.clone();
        let frame = gloo::render::request_animation_frame(move |_| {
            timing::measure("pizhu:render", "pizhu:render-start");
            chunks.start();
        });
        move || drop(frame)
    });
    let meta = &article.meta;
    html! {
        <article class="reader" lang="zh">
            <header class="reader-header">
                <h1>{ meta.title.clone() }</h1>
                <p class="meta-line">
                    { source_link(meta.url.as_deref()) }
                    { published(meta.published_ms, meta.date_line.as_deref()) }
                    if let Some(byline) = &meta.byline {
                        <span class="byline">{ byline.clone() }</span>
                    }
                </p>
            </header>
            if let Some(notice) = &meta.notice {
                <p class="read-notice" role="note">{ notice.clone() }</p>
            }
            if article.blocks.is_empty() {
                <p class="empty-body">{ "This article has no body text. 这篇文章没有正文。" }</p>
            }
            // The article's text and nothing else: exports count selector positions over
            // this element's text content (docs/interchange.md).
            <div class="reader-body">
                { for (0..chunks.len()).map(|index| html! {
                    <Chunk article={ArticleRef(article.clone())} chunks={chunks.clone()} {index}
                        pieces={props.pieces.clone()} />
                }) }
            </div>
        </article>
    }
}

#[derive(Properties)]
struct ChunkProps {
    article: ArticleRef,
    chunks: Rc<Chunks>,
    index: usize,
    /// Pieces of every block of the article; a chunk compares only its own.
    pieces: Rc<Vec<Rc<BlockPieces>>>,
}

impl PartialEq for ChunkProps {
    fn eq(&self, other: &Self) -> bool {
        let range = self.chunks.blocks_of(self.index);
        self.article == other.article
            && Rc::ptr_eq(&self.chunks, &other.chunks)
            && self.index == other.index
            && (Rc::ptr_eq(&self.pieces, &other.pieces)
                || slice(&self.pieces, &range) == slice(&other.pieces, &range))
    }
}

/// `pieces[range]`, clamped (no highlights means an empty list).
fn slice<'a>(
    pieces: &'a [Rc<BlockPieces>],
    range: &std::ops::Range<usize>,
) -> &'a [Rc<BlockPieces>] {
    let end = range.end.min(pieces.len());
    pieces.get(range.start.min(end)..end).unwrap_or_default()
}

/// A run of blocks as a fragment (no element of its own, so blocks stay children of the
/// `<article>`): nothing until its turn comes, then its blocks, each memoized on its pieces.
#[function_component(Chunk)]
fn chunk(props: &ChunkProps) -> Html {
    let redraw = use_force_update();
    let filled = props.chunks.is_filled(props.index);
    // Register with this article's progress, and report when the blocks are in the DOM.
    use_effect_with(
        (ChunksRef(props.chunks.clone()), props.index, filled),
        move |(ChunksRef(chunks), index, filled)| {
            chunks.attach(*index, redraw);
            if *filled {
                chunks.rendered(*index);
            }
            let (chunks, index) = (chunks.clone(), *index);
            move || chunks.detach(index)
        },
    );
    if !filled {
        return Html::default();
    }
    html! {
        { for props.chunks.blocks_of(props.index).map(|index| html! {
            <BlockView article={props.article.clone()} {index}
                pieces={props.pieces.get(index).cloned().unwrap_or_default()} />
        }) }
    }
}

fn source_link(url: Option<&str>) -> Html {
    let Some(url) = url else {
        return Html::default();
    };
    let host = url
        .split("://")
        .nth(1)
        .and_then(|rest| rest.split(['/', '?', '#']).next())
        .unwrap_or(url);
    let host = crate::core::text::trim_prefixes(host, "www.").to_string();
    html! {
        <a class="source" href={url.to_string()} target="_blank" rel="noopener noreferrer">{ host }</a>
    }
}

fn published(ms: Option<i64>, date_line: Option<&str>) -> Html {
    let when = ms.or_else(|| date_line.and_then(dom::parse_date));
    match when {
        Some(ms) => {
            let (shown, iso) = dom::local_time(ms);
            html! { <time datetime={iso}>{ shown }</time> }
        }
        None => match date_line {
            Some(line) => html! { <span class="date-line">{ line.to_string() }</span> },
            None => Html::default(),
        },
    }
}
