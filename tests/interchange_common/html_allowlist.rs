//! The HTML export checked against an allowlist, on the tree a browser would build from it
//! (html5ever with its reference DOM; pizhu-dom would not do, it keeps only the attributes
//! the walker reads): every element and attribute is one the exporter writes, no attribute is
//! an event handler, every `href` and `src` is http(s) or a fragment, the CSS loads nothing,
//! and the one Content-Security-Policy meta is `HTML_EXPORT_CSP`, in the head.

use std::collections::HashMap;

use html5ever::tendril::TendrilSink;
use markup5ever_rcdom::{Handle, NodeData, RcDom};
use pizhu::core::interchange::HTML_EXPORT_CSP;

/// Each element the exporter writes (src/core/interchange/html.rs, html_body.rs), followed by
/// the attributes it may have. (One string rather than a table of name literals: these names
/// are compared at run time only, and tools/local-names.mjs would make every name literal in
/// the sources a static atom of the app.)
const ALLOWED: &str = "
    html lang
    head
    meta charset http-equiv name content
    title
    style
    body
    article
    header
    h1
    h2
    h3
    h4
    p class
    blockquote
    ol start
    ul
    li id
    figure class
    img src alt loading referrerpolicy
    figcaption
    a class href rel id aria-label
    time datetime
    span class
    q class
    strong
    em
    mark class data-annotation-id data-label title
    sup class
    br
    section class
";

const HTML_NS: &str = "http://www.w3.org/1999/xhtml";

/// Element name -> the attribute names it may have.
fn allowed() -> HashMap<&'static str, Vec<&'static str>> {
    ALLOWED
        .lines()
        .filter_map(|line| {
            let mut words = line.split_whitespace();
            words.next().map(|element| (element, words.collect()))
        })
        .collect()
}

/// A link or image URL the export may contain: absolute http(s), or a fragment of the page.
fn is_allowed_url(url: &str) -> bool {
    url.starts_with("https://") || url.starts_with("http://") || url.starts_with('#')
}

struct Walk {
    allowed: HashMap<&'static str, Vec<&'static str>>,
    /// The content of every `http-equiv` meta, with the name of its parent.
    csp: Vec<(String, String)>,
}

impl Walk {
    fn node(&mut self, node: &Handle, parent: &str) {
        let tag = match &node.data {
            NodeData::Document => String::new(),
            NodeData::Doctype { name, .. } => {
                assert_eq!(&**name, "html", "doctype");
                return;
            }
            NodeData::Text { contents } => {
                if parent == "style" {
                    assert_css_loads_nothing(&contents.borrow());
                }
                return;
            }
            NodeData::Comment { contents } => panic!("comment in the export: {contents:?}"),
            NodeData::ProcessingInstruction { target, .. } => {
                panic!("processing instruction in the export: {target:?}")
            }
            NodeData::Element {
                name,
                attrs,
                template_contents,
                ..
            } => {
                let tag = name.local.to_string();
                assert_eq!(&*name.ns, HTML_NS, "{tag} is not an HTML element");
                let Some(allowed_attrs) = self.allowed.get(tag.as_str()) else {
                    panic!("element {tag} (in {parent}) is not one the exporter writes");
                };
                for attr in attrs.borrow().iter() {
                    let attr_name = &*attr.name.local;
                    let value = &*attr.value;
                    assert!(
                        attr.name.ns.is_empty(),
                        "namespaced attribute {attr_name} on {tag}"
                    );
                    assert!(
                        !attr_name.to_ascii_lowercase().starts_with("on"),
                        "event handler attribute {attr_name}={value:?} on {tag}"
                    );
                    assert!(
                        allowed_attrs.contains(&attr_name),
                        "attribute {attr_name}={value:?} is not allowed on {tag}"
                    );
                    if matches!(attr_name, "href" | "src") {
                        assert!(
                            is_allowed_url(value),
                            "{tag} {attr_name}={value:?} is neither http(s) nor a fragment"
                        );
                    }
                }
                let attr = |wanted: &str| {
                    attrs
                        .borrow()
                        .iter()
                        .find(|a| &*a.name.local == wanted)
                        .map(|a| a.value.to_string())
                };
                if let Some(equiv) = attr("http-equiv") {
                    assert!(
                        equiv.eq_ignore_ascii_case("Content-Security-Policy"),
                        "meta http-equiv={equiv:?}"
                    );
                    self.csp
                        .push((attr("content").unwrap_or_default(), parent.to_owned()));
                }
                assert!(template_contents.borrow().is_none(), "template contents");
                tag
            }
        };
        for child in node.children.borrow().iter() {
            self.node(child, &tag);
        }
    }
}

/// The page's CSS requests nothing: no `url(` and no at-rule but `@media`.
fn assert_css_loads_nothing(css: &str) {
    assert!(!css.contains("url("), "url() in the CSS: {css}");
    for (at, _) in css.match_indices('@') {
        assert!(
            css[at..].starts_with("@media "),
            "at-rule other than @media in the CSS: {}",
            &css[at..css.len().min(at + 40)]
        );
    }
}

/// Parses the exported page as a browser would and checks it against the allowlist.
pub fn assert_export_allowed(html: &str) {
    let dom = html5ever::parse_document(RcDom::default(), Default::default()).one(html);
    let mut walk = Walk {
        allowed: allowed(),
        csp: Vec::new(),
    };
    walk.node(&dom.document, "");
    assert_eq!(
        walk.csp,
        [(HTML_EXPORT_CSP.to_owned(), "head".to_owned())],
        "exactly one Content-Security-Policy meta, in the head, with HTML_EXPORT_CSP"
    );
}
