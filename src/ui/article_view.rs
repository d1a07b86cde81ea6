//! Renders an `Article` per the page contract: `<article>`, `<h1>`, source link, `<time>`,
//! `<figure><img alt><figcaption>`, paragraphs, quotes, lists, click-to-load YouTube.
//!
//! Every text leaf is a `<span data-o="N">` whose text starts at code point N of the
//! canonical text; `<br>` carries `data-o` too. That is the whole DOM-to-offset contract the
//! selection code relies on. Elements are built from the typed model only: no HTML strings.
//!
//! Blocks are direct children of the `<article>`, rendered by chunk components that add no
//! element of their own; a long article's later chunks arrive after the first paint (see
//! `chunks`).

use std::rc::Rc;

use yew::prelude::*;

use crate::core::article::{Article, Block, Run, RunKind, TextKind, TextUnit};
use crate::web::{dom, timing};

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
            { for (0..chunks.len()).map(|index| html! {
                <Chunk article={ArticleRef(article.clone())} chunks={chunks.clone()} {index}
                    pieces={props.pieces.clone()} />
            }) }
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
        .unwrap_or(url)
        .trim_start_matches("www.")
        .to_string();
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

#[derive(Properties, PartialEq)]
struct BlockProps {
    article: ArticleRef,
    index: usize,
    pieces: Rc<BlockPieces>,
}

/// One block, re-rendered only when its own highlight pieces change.
#[function_component(BlockView)]
fn block_view(props: &BlockProps) -> Html {
    let Some(block) = props.article.0.blocks.get(props.index) else {
        return Html::default();
    };
    let mut pieces = props.pieces.iter();
    render_block(block, &mut pieces)
}

type Pieces<'a> = std::slice::Iter<'a, Vec<PieceView>>;

fn render_block(block: &Block, pieces: &mut Pieces<'_>) -> Html {
    match block {
        Block::Text { kind, unit } => match kind {
            TextKind::Paragraph => html! { <p>{ runs(unit, pieces) }</p> },
            TextKind::Heading(2) => html! { <h2>{ runs(unit, pieces) }</h2> },
            TextKind::Heading(3) => html! { <h3>{ runs(unit, pieces) }</h3> },
            TextKind::Heading(_) => html! { <h4>{ runs(unit, pieces) }</h4> },
            TextKind::Quote => html! { <blockquote><p>{ runs(unit, pieces) }</p></blockquote> },
        },
        Block::List {
            ordered,
            start,
            items,
        } => {
            let items: Vec<Html> = items
                .iter()
                .map(|item| html! { <li>{ runs(item, pieces) }</li> })
                .collect();
            if *ordered {
                let start = start.map(|s| s.to_string());
                html! { <ol start={start}>{ for items }</ol> }
            } else {
                html! { <ul>{ for items }</ul> }
            }
        }
        // An image that cannot load (offline, blocked, gone) is replaced by a card saying so,
        // with its description and a link to try it: a browser would show a broken icon, or
        // nothing at all for an image without alt text.
        Block::Figure { image, caption } => html! {
            <figure class="figure">
                // Keyed by its address: the next article's picture in the same place gets a
                // new element, not this one with its `data-failed` mark.
                <img key={image.src.clone()} src={image.src.clone()} alt={image.alt.clone()} loading="lazy"
                    referrerpolicy="no-referrer" decoding="async" onerror={Callback::from(mark_failed)} />
                <a class="image-missing" href={image.src.clone()} target="_blank" rel="noopener noreferrer">
                    <span class="video-card-label">{ "Image not loaded (offline or blocked) / 图片未能加载" }</span>
                    if !image.alt.is_empty() {
                        <span class="image-missing-alt">{ image.alt.clone() }</span>
                    }
                    <span class="video-card-host">{ host_of(&image.src) }</span>
                </a>
                { figcaption(caption, pieces) }
            </figure>
        },
        Block::YouTube { id, caption } => html! {
            <figure class="figure video" data-youtube-id={id.clone()}>
                <YouTube id={id.clone()} />
                { figcaption(caption, pieces) }
            </figure>
        },
        Block::VideoLink {
            url,
            poster,
            caption,
        } => html! {
            <figure class="figure video-link">
                <a class="video-card" href={url.clone()} target="_blank" rel="noopener noreferrer">
                    if let Some(poster) = poster {
                        <img key={poster.clone()} src={poster.clone()} alt="" loading="lazy" referrerpolicy="no-referrer" onerror={Callback::from(mark_failed)} />
                    }
                    <span class="video-card-label">{ "▶ Watch the video / 观看视频" }</span>
                    <span class="video-card-host">{ host_of(url) }</span>
                </a>
                { figcaption(caption, pieces) }
            </figure>
        },
    }
}

/// Marks the image that failed to load; the stylesheet then shows the card after it instead.
/// An attribute Yew does not manage, so a later render leaves it in place.
fn mark_failed(event: Event) {
    if let Some(image) = event.target_dyn_into::<web_sys::Element>() {
        let _ = image.set_attribute("data-failed", "");
    }
}

fn host_of(url: &str) -> String {
    url.split("://")
        .nth(1)
        .and_then(|rest| rest.split(['/', '?', '#']).next())
        .unwrap_or_default()
        .to_string()
}

fn figcaption(caption: &TextUnit, pieces: &mut Pieces<'_>) -> Html {
    if caption.is_empty() {
        return Html::default();
    }
    html! { <figcaption>{ runs(caption, pieces) }</figcaption> }
}

fn runs(unit: &TextUnit, pieces: &mut Pieces<'_>) -> Html {
    unit.runs
        .iter()
        .map(|r| run(r, pieces.next().map(Vec::as_slice)))
        .collect::<Html>()
}

/// A run as text leaves (`span[data-o]`), each wrapped in its highlights (innermost =
/// shortest), then emphasis, strong and link.
fn run(run: &Run, pieces: Option<&[PieceView]>) -> Html {
    let offset = run.start.to_string();
    let text = match &run.kind {
        RunKind::Break => return html! { <br data-o={offset} /> },
        RunKind::Text(text) => text.as_str(),
    };
    let leaves: Html = match pieces {
        Some(pieces) if !pieces.is_empty() => pieces
            .iter()
            .map(|piece| highlighted_piece(text, run.start, piece))
            .collect(),
        _ => html! { <span data-o={offset}>{ text.to_string() }</span> },
    };
    styled(run, leaves)
}

fn highlighted_piece(text: &str, run_start: usize, piece: &PieceView) -> Html {
    let slice = char_slice(text, piece.start - run_start, piece.end - run_start);
    let mut node = html! { <span data-o={piece.start.to_string()}>{ slice.to_string() }</span> };
    for mark in &piece.marks {
        let class = classes!(
            "hl",
            mark.active.then_some("active"),
            mark.flash.then_some("flash")
        );
        node = html! {
            <mark class={class} data-annotation-id={mark.id.to_string()}
                data-label={mark.label.to_string()}>{ node }</mark>
        };
    }
    node
}

/// `text[start..end]` in code points (clamped, never panics).
fn char_slice(text: &str, start: usize, end: usize) -> &str {
    let mut indices = text
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()));
    let from = indices.nth(start).unwrap_or(text.len());
    let to = if end > start {
        indices.nth(end - start - 1).unwrap_or(text.len())
    } else {
        from
    };
    text.get(from..to).unwrap_or("")
}

fn styled(run: &Run, mut node: Html) -> Html {
    if run.style.emphasis {
        node = html! { <em>{ node }</em> };
    }
    if run.style.strong {
        node = html! { <strong>{ node }</strong> };
    }
    if let Some(href) = &run.style.link {
        node = html! {
            <a href={href.clone()} target="_blank" rel="noopener noreferrer">{ node }</a>
        };
    }
    node
}

#[derive(Properties, PartialEq)]
struct YouTubeProps {
    id: String,
}

/// Click-to-load: nothing is requested from YouTube until the reader presses the button.
#[function_component(YouTube)]
fn youtube(props: &YouTubeProps) -> Html {
    let loaded = use_state(|| false);
    if *loaded {
        let src = format!(
            "https://www.youtube-nocookie.com/embed/{}?autoplay=1",
            props.id
        );
        return html! {
            <iframe class="youtube-frame" src={src} title="YouTube video"
                referrerpolicy="strict-origin-when-cross-origin"
                sandbox="allow-scripts allow-same-origin allow-presentation"
                allow="autoplay; encrypted-media; picture-in-picture; fullscreen"
                allowfullscreen=true loading="lazy"></iframe>
        };
    }
    let onclick = {
        let loaded = loaded.clone();
        Callback::from(move |_: MouseEvent| loaded.set(true))
    };
    html! {
        <button type="button" class="youtube-load" {onclick}>
            <span class="youtube-play" aria-hidden="true">{ "▶" }</span>
            <span>{ "Load the YouTube video (connects to youtube-nocookie.com) / 加载 YouTube 视频" }</span>
        </button>
    }
}
