//! Real DOM ranges -> canonical code-point offsets, in a browser: astral ideographs and emoji
//! (UTF-16 surrogate pairs), combining marks, links, emphasis, paragraph boundaries and
//! element-level boundaries all map to the offsets the core uses; and back (selecting by
//! keyboard): offsets -> a DOM selection that reads as the same offsets, and the caret.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use wasm_bindgen_test::*;

use pizhu::core::annotation::{clean_selection, describe};
use pizhu::core::article::{self, Article};
use pizhu::core::text::sentence_spans;
use pizhu::ui::article_view::{ArticleProps, ArticleView};
use pizhu::ui::chunks::Chunks;
use pizhu::web::selection::{caret_offset, select as select_offsets, selected_range};

wasm_bindgen_test_configure!(run_in_browser);

const FILE: &str = "<!--1-->\n[选择测试](https://example.org/sel)\n------\n\n\
    <p>第一段𠀀😀文字<a href=\"https://example.org/x\">链接</a><em>强调e\u{301}</em>结尾。</p>\
    <p>第二段👍🏽内容</p>";

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("document")
}

async fn render(article: Rc<Article>) -> (web_sys::Element, yew::AppHandle<ArticleView>) {
    let root = document().create_element("div").expect("div");
    document()
        .body()
        .expect("body")
        .append_child(&root)
        .expect("append");
    let handle = yew::Renderer::<ArticleView>::with_root_and_props(
        root.clone(),
        ArticleProps {
            chunks: Rc::new(Chunks::new(article.blocks.len())),
            article,
            pieces: Rc::default(),
        },
    )
    .render();
    yew::scheduler::flush().await;
    (root, handle)
}

/// The text node of the leaf whose text contains `needle`, and the UTF-16 offset of it.
fn locate(root: &web_sys::Element, needle: &str) -> (web_sys::Node, u32) {
    let leaves = root.query_selector_all("span[data-o]").expect("leaves");
    for i in 0..leaves.length() {
        let leaf = leaves.item(i).expect("leaf");
        let text = leaf.text_content().unwrap_or_default();
        if let Some(byte) = text.find(needle) {
            let utf16 = text[..byte].encode_utf16().count() as u32;
            return (leaf.first_child().expect("text node"), utf16);
        }
    }
    panic!("{needle} not rendered");
}

fn select(start: (web_sys::Node, u32), end: (web_sys::Node, u32)) {
    let range = document().create_range().expect("range");
    range.set_start(&start.0, start.1).expect("start");
    range.set_end(&end.0, end.1).expect("end");
    let selection = web_sys::window()
        .expect("window")
        .get_selection()
        .expect("selection")
        .expect("selection");
    selection.remove_all_ranges().expect("clear");
    selection.add_range(&range).expect("add");
}

fn chars_before(text: &str, needle: &str) -> usize {
    text[..text.find(needle).expect("needle")].chars().count()
}

#[wasm_bindgen_test]
async fn ranges_over_surrogate_pairs_map_to_code_points() {
    let article = Rc::new(article::parse(FILE).expect("parses"));
    let text = article.text.clone();
    let (root, handle) = render(article).await;
    let article_element = root.first_element_child().expect("article");

    // From the astral ideograph to the end of the emoji: two code points, four UTF-16 units.
    let (node, at) = locate(&root, "𠀀");
    select((node.clone(), at), (node, at + 4));
    let (start, end, _) = selected_range(&article_element).expect("selection inside");
    assert_eq!(start, chars_before(&text, "𠀀"));
    assert_eq!(end - start, 2);
    assert_eq!(text.chars().skip(start).take(2).collect::<String>(), "𠀀😀");

    // Across the link and the emphasis, ending after the combining mark.
    let (from, from_at) = locate(&root, "文字");
    let (to, to_at) = locate(&root, "强调");
    select((from, from_at), (to, to_at + 4));
    let (start, end, _) = selected_range(&article_element).expect("selection");
    assert_eq!(
        text.chars()
            .skip(start)
            .take(end - start)
            .collect::<String>(),
        "文字链接强调e\u{301}"
    );

    // Across the paragraph boundary: the "\n" between units is part of the quote.
    let (from, from_at) = locate(&root, "结尾");
    let (to, to_at) = locate(&root, "第二段");
    select((from, from_at), (to, to_at + 3));
    let (start, end, _) = selected_range(&article_element).expect("selection");
    assert_eq!(
        text.chars()
            .skip(start)
            .take(end - start)
            .collect::<String>(),
        "结尾。\n第二段"
    );

    // Half of a skin-tone emoji sequence widens to the whole grapheme cluster.
    let (node, at) = locate(&root, "👍🏽");
    select((node.clone(), at), (node, at + 2));
    let (start, end, _) = selected_range(&article_element).expect("selection");
    let (start, end) = clean_selection(&text, start, end).expect("non-empty");
    assert_eq!(
        text.chars()
            .skip(start)
            .take(end - start)
            .collect::<String>(),
        "👍🏽"
    );
    assert_eq!(
        describe(&text, start, end)
            .map(|t| t.quote.exact)
            .as_deref(),
        Ok("👍🏽")
    );

    // A whole paragraph selected by element boundaries (as a triple click does).
    let paragraphs = article_element
        .query_selector_all(".reader-body > p")
        .expect("p");
    let second = paragraphs.item(1).expect("second p");
    let count = second.child_nodes().length();
    select((second.clone(), 0), (second, count));
    let (start, end, _) = selected_range(&article_element).expect("selection");
    assert_eq!(
        text.chars()
            .skip(start)
            .take(end - start)
            .collect::<String>(),
        "第二段👍🏽内容"
    );

    // Outside the article: nothing.
    let outside = document().create_element("p").expect("p");
    outside.set_text_content(Some("outside"));
    document()
        .body()
        .expect("body")
        .append_child(&outside)
        .expect("append");
    let text_node = outside.first_child().expect("text");
    select((text_node.clone(), 0), (text_node, 3));
    assert!(selected_range(&article_element).is_none());
    outside.remove();

    handle.destroy();
    root.remove();
}

#[wasm_bindgen_test]
async fn offsets_become_the_same_dom_selection_and_caret() {
    let article = Rc::new(article::parse(FILE).expect("parses"));
    let text = article.text.clone();
    let (root, handle) = render(article).await;
    let article_element = root.first_element_child().expect("article");
    let quote = |(start, end): (usize, usize)| -> String {
        text.chars().skip(start).take(end - start).collect()
    };
    let selected = || {
        let (start, end, _) = selected_range(&article_element).expect("a selection");
        (start, end)
    };

    // Every sentence, and spans over surrogate pairs, a link, emphasis with a combining mark
    // and the paragraph break, select exactly their own offsets.
    let mut spans = sentence_spans(&text);
    let ideograph = chars_before(&text, "𠀀");
    spans.push((ideograph, ideograph + 2));
    spans.push((chars_before(&text, "文字"), chars_before(&text, "结尾")));
    spans.push((chars_before(&text, "结尾"), chars_before(&text, "内容")));
    for span in spans {
        assert!(
            select_offsets(&article_element, span.0, span.1, 0.0),
            "{}",
            quote(span)
        );
        assert_eq!(selected(), span, "{}", quote(span));
    }
    assert_eq!(quote(selected()), "结尾。\n第二段👍🏽");

    // The caret (a collapsed selection, as after a click) reads as its offset.
    let (node, at) = locate(&root, "结尾");
    select((node.clone(), at), (node, at));
    assert_eq!(
        caret_offset(&article_element),
        Some(chars_before(&text, "结尾"))
    );

    handle.destroy();
    root.remove();
}
