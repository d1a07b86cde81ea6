//! One block of the reader view, built from the typed model: paragraphs, headings,
//! quotes, lists, figures (a picture that cannot load becomes a card with its description
//! and a link), click-to-load YouTube and video link cards, and the text runs inside them
//! with emphasis, links and highlight pieces. Each text leaf carries its canonical offset in
//! `data-o` (see `article_view`).
//!
//! The article's own text is the only text in the flow: interface words inside it (the
//! cards' labels, host names, the YouTube button) are `data-text` shown by the stylesheet
//! as generated content, so a W3C anchorer reading the page's text sees exactly the
//! rendered text that exports count over (`core::text::RenderedText`).

use std::rc::Rc;

use yew::prelude::*;

use crate::core::article::{Block, Run, RunKind, TextKind, TextUnit};

use super::article_view::{ArticleRef, BlockPieces, PieceView};

#[derive(Properties, PartialEq)]
pub struct BlockProps {
    pub article: ArticleRef,
    pub index: usize,
    pub pieces: Rc<BlockPieces>,
}

/// One block, re-rendered only when its own highlight pieces change.
#[function_component(BlockView)]
pub fn block_view(props: &BlockProps) -> Html {
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
                    <span class="video-card-label" data-text="Image not loaded (offline or blocked) / 图片未能加载"></span>
                    if !image.alt.is_empty() {
                        <span class="image-missing-alt" data-text={image.alt.clone()}></span>
                    }
                    <span class="video-card-host" data-text={host_of(&image.src)}></span>
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
                    <span class="video-card-label" data-text="▶ Watch the video / 观看视频"></span>
                    <span class="video-card-host" data-text={host_of(url)}></span>
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
        let class = crate::ui::class_list(&[
            "hl",
            if mark.active { "active" } else { "" },
            if mark.flash { "flash" } else { "" },
        ]);
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
            <span class="youtube-play" aria-hidden="true" data-text="▶"></span>
            <span data-text="Load the YouTube video (connects to youtube-nocookie.com) / 加载 YouTube 视频"></span>
        </button>
    }
}
