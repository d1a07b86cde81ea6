//! Safety in a real browser: every DOMPurify payload rendered as an article body executes
//! nothing, leaves nothing unsafe in the DOM, and stays inside the article box.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

use pizhu::core::article;
use pizhu::ui::article_view::{ArticleProps, ArticleView};
use pizhu::ui::chunks::Chunks;

wasm_bindgen_test_configure!(run_in_browser);

const PAYLOADS: &str = include_str!("fixtures/xss/dompurify_payloads.json");

const FORBIDDEN_TAGS: [&str; 16] = [
    "script", "style", "iframe", "object", "embed", "form", "base", "meta", "link", "svg", "math",
    "input", "button", "textarea", "frame", "template",
];

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("document")
}

/// Replace alert/prompt/confirm/print with functions that record a call.
fn install_tripwires() {
    let window = web_sys::window().expect("window");
    for name in ["alert", "prompt", "confirm", "print", "open"] {
        let hit = Closure::<dyn Fn()>::new(|| {
            let w = web_sys::window().expect("window");
            let _ = js_sys::Reflect::set(&w, &"__pizhu_xss".into(), &JsValue::TRUE);
        });
        js_sys::Reflect::set(&window, &name.into(), hit.as_ref()).expect("set tripwire");
        hit.forget();
    }
}

fn tripped() -> bool {
    let window = web_sys::window().expect("window");
    js_sys::Reflect::get(&window, &"__pizhu_xss".into())
        .map(|v| v.is_truthy())
        .unwrap_or(false)
}

fn check_safe(root: &web_sys::Element, payload: &str) {
    let all = root.query_selector_all("*").expect("query");
    for i in 0..all.length() {
        let node = all.item(i).expect("node");
        let element: web_sys::Element = node.dyn_into().expect("element");
        let tag = element.tag_name().to_ascii_lowercase();
        assert!(
            !FORBIDDEN_TAGS.contains(&tag.as_str()),
            "<{tag}> rendered from {payload:?}"
        );
        let names = element.get_attribute_names();
        for j in 0..names.length() {
            let name = names
                .get(j)
                .as_string()
                .unwrap_or_default()
                .to_ascii_lowercase();
            assert!(
                !name.starts_with("on"),
                "event handler {name} from {payload:?}"
            );
            assert!(name != "style", "style attribute from {payload:?}");
            if matches!(
                name.as_str(),
                "href" | "src" | "poster" | "action" | "formaction" | "xlink:href" | "srcset"
            ) {
                let value = element.get_attribute(&name).unwrap_or_default();
                assert!(
                    value.starts_with("https://")
                        || value.starts_with("http://")
                        || value.starts_with("mailto:"),
                    "unsafe {name}={value:?} from {payload:?}"
                );
            }
        }
    }
    // Nothing escapes the article box: the container holds exactly one child, the article.
    assert_eq!(
        root.child_element_count(),
        1,
        "extra top-level nodes from {payload:?}"
    );
    let first = root.first_element_child().expect("article");
    assert_eq!(first.tag_name().to_ascii_lowercase(), "article");
}

#[wasm_bindgen_test]
async fn every_dompurify_payload_renders_inertly_inside_the_article() {
    install_tripwires();
    let payloads: Vec<String> = serde_json::from_str(PAYLOADS).expect("payload list");
    assert!(payloads.len() >= 200);
    let body = document().body().expect("body");
    let before = body.child_element_count();
    for payload in &payloads {
        let file = format!("<!--1-->\n[XSS test](https://example.org/xss)\n------\n\n{payload}");
        let parsed = article::parse(&file).expect("payload parses as an article");
        let root = document().create_element("div").expect("div");
        body.append_child(&root).expect("append");
        let handle = yew::Renderer::<ArticleView>::with_root_and_props(
            root.clone(),
            ArticleProps {
                chunks: Rc::new(Chunks::new(parsed.blocks.len())),
                article: Rc::new(parsed),
                pieces: Rc::default(),
            },
        )
        .render();
        yew::scheduler::flush().await;
        check_safe(&root, payload);
        handle.destroy();
        root.remove();
    }
    // Give timers, image error handlers and the like a chance to fire.
    gloo_timers::future::TimeoutFuture::new(300).await;
    assert!(!tripped(), "a payload executed script");
    assert_eq!(
        body.child_element_count(),
        before,
        "nothing was left outside the test root"
    );
}

#[wasm_bindgen_test]
async fn article_follows_the_page_contract() {
    let file = "<!--1715609823000-->\n[标题 \"引号\"](https://www.dw.com/zh/a-1)\n------\n\n\
        <img src=\"https://img.example/a.jpg\" alt=\"图\"><div><small>图片说明</small></div>\
        <p>第一段<a href=\"/zh/b\">链接</a><em>强调</em><strong>加粗</strong></p>\
        <blockquote>引语</blockquote><ol start=\"3\"><li>三</li><li>四</li></ol><h3>小标题</h3>\
        <iframe src=\"https://www.youtube.com/embed/UQ6wM3MZepk\"></iframe>\
        <iframe src=\"https://player.example/v/1\"></iframe>";
    let parsed = article::parse(file).expect("parses");
    let root = document().create_element("div").expect("div");
    document()
        .body()
        .expect("body")
        .append_child(&root)
        .expect("append");
    let handle = yew::Renderer::<ArticleView>::with_root_and_props(
        root.clone(),
        ArticleProps {
            chunks: Rc::new(Chunks::new(parsed.blocks.len())),
            article: Rc::new(parsed),
            pieces: Rc::default(),
        },
    )
    .render();
    yew::scheduler::flush().await;
    let q = |s: &str| {
        root.query_selector(s)
            .expect("selector")
            .unwrap_or_else(|| panic!("missing {s}"))
    };
    assert_eq!(
        q("article h1").text_content().as_deref(),
        Some("标题 \"引号\"")
    );
    assert!(q("article time")
        .get_attribute("datetime")
        .is_some_and(|d| d.starts_with("2024-05-13")));
    assert_eq!(
        q("article a.source").get_attribute("href").as_deref(),
        Some("https://www.dw.com/zh/a-1")
    );
    assert_eq!(q("figure img").get_attribute("alt").as_deref(), Some("图"));
    assert_eq!(
        q("figure figcaption").text_content().as_deref(),
        Some("图片说明")
    );
    let link = q(".reader-body > p a");
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("https://www.dw.com/zh/b")
    );
    assert_eq!(link.get_attribute("target").as_deref(), Some("_blank"));
    assert_eq!(
        link.get_attribute("rel").as_deref(),
        Some("noopener noreferrer")
    );
    assert_eq!(
        q(".reader-body > p em").text_content().as_deref(),
        Some("强调")
    );
    assert_eq!(
        q(".reader-body > p strong").text_content().as_deref(),
        Some("加粗")
    );
    assert_eq!(q("blockquote").text_content().as_deref(), Some("引语"));
    assert_eq!(q("ol").get_attribute("start").as_deref(), Some("3"));
    assert_eq!(q("h3").text_content().as_deref(), Some("小标题"));
    assert_eq!(
        q("[data-youtube-id]")
            .get_attribute("data-youtube-id")
            .as_deref(),
        Some("UQ6wM3MZepk")
    );
    assert!(
        root.query_selector("iframe").expect("q").is_none(),
        "no iframe until clicked"
    );
    assert_eq!(
        q("a.video-card").get_attribute("href").as_deref(),
        Some("https://player.example/v/1")
    );
    // Click to load the YouTube player.
    let button: web_sys::HtmlElement = q(".youtube-load").dyn_into().expect("button");
    button.click();
    yew::scheduler::flush().await;
    let frame = q("[data-youtube-id] iframe");
    assert!(frame
        .get_attribute("src")
        .is_some_and(|s| s.starts_with("https://www.youtube-nocookie.com/embed/UQ6wM3MZepk")));
    assert_eq!(
        frame.get_attribute("referrerpolicy").as_deref(),
        Some("strict-origin-when-cross-origin")
    );
    assert!(frame.get_attribute("sandbox").is_some());
    // Every text leaf carries its canonical offset, and the DOM text equals the canonical text
    // unit by unit.
    let spans = root.query_selector_all("span[data-o]").expect("spans");
    assert!(spans.length() > 5);
    handle.destroy();
    root.remove();
}
