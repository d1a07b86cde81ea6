//! Renders an `Article` per the page contract: `<article>`, `<h1>`, source link, `<time>`,
//! `<figure><img alt><figcaption>`, paragraphs, quotes, lists, click-to-load YouTube.
//!
//! Every text leaf is a `<span data-o="N">` whose text starts at code point N of the
//! canonical text; `<br>` carries `data-o` too. That is the whole DOM-to-offset contract the
//! selection code relies on. Elements are built from the typed model only: no HTML strings.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::article::{Article, Block, Run, RunKind, TextKind, TextUnit};
use crate::web::{dom, timing};

#[derive(Properties, PartialEq)]
pub struct ArticleProps {
    pub article: Rc<Article>,
}

#[function_component(ArticleView)]
pub fn article_view(props: &ArticleProps) -> Html {
    let article = props.article.clone();
    use_effect_with(article.clone(), |_| {
        // Measured to the next animation frame: the article has been laid out and painted.
        let frame = gloo::render::request_animation_frame(|_| {
            timing::measure("pizhu:render", "pizhu:render-start");
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
            if article.blocks.is_empty() {
                <p class="empty-body">{ "This article has no body text. 这篇文章没有正文。" }</p>
            }
            { for article.blocks.iter().map(block) }
        </article>
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

fn block(block: &Block) -> Html {
    match block {
        Block::Text { kind, unit } => match kind {
            TextKind::Paragraph => html! { <p>{ runs(unit) }</p> },
            TextKind::Heading(2) => html! { <h2>{ runs(unit) }</h2> },
            TextKind::Heading(3) => html! { <h3>{ runs(unit) }</h3> },
            TextKind::Heading(_) => html! { <h4>{ runs(unit) }</h4> },
            TextKind::Quote => html! { <blockquote><p>{ runs(unit) }</p></blockquote> },
        },
        Block::List {
            ordered,
            start,
            items,
        } => {
            let items = items.iter().map(|item| html! { <li>{ runs(item) }</li> });
            if *ordered {
                let start = start.map(|s| s.to_string());
                html! { <ol start={start}>{ for items }</ol> }
            } else {
                html! { <ul>{ for items }</ul> }
            }
        }
        Block::Figure { image, caption } => html! {
            <figure class="figure">
                <img src={image.src.clone()} alt={image.alt.clone()} loading="lazy"
                    referrerpolicy="no-referrer" decoding="async" />
                { figcaption(caption) }
            </figure>
        },
        Block::YouTube { id, caption } => html! {
            <figure class="figure video" data-youtube-id={id.clone()}>
                <YouTube id={id.clone()} />
                { figcaption(caption) }
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
                        <img src={poster.clone()} alt="" loading="lazy" referrerpolicy="no-referrer" />
                    }
                    <span class="video-card-label">{ "▶ Watch the video / 观看视频" }</span>
                    <span class="video-card-host">{ host_of(url) }</span>
                </a>
                { figcaption(caption) }
            </figure>
        },
    }
}

fn host_of(url: &str) -> String {
    url.split("://")
        .nth(1)
        .and_then(|rest| rest.split(['/', '?', '#']).next())
        .unwrap_or_default()
        .to_string()
}

fn figcaption(caption: &TextUnit) -> Html {
    if caption.is_empty() {
        return Html::default();
    }
    html! { <figcaption>{ runs(caption) }</figcaption> }
}

fn runs(unit: &TextUnit) -> Html {
    unit.runs.iter().map(run).collect::<Html>()
}

fn run(run: &Run) -> Html {
    let offset = run.start.to_string();
    let text = match &run.kind {
        RunKind::Break => return html! { <br data-o={offset} /> },
        RunKind::Text(text) => text.clone(),
    };
    let mut node = html! { <span data-o={offset}>{ text }</span> };
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
