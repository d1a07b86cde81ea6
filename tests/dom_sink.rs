//! pizhu-dom's arena DOM against html5ever's reference `RcDom`: the same tree (names, kept
//! attributes, text, template contents) for every corpus body, every XSS payload, misnested
//! markup and random tag soup, parsed in one go and fed in pieces.
#![cfg(not(target_arch = "wasm32"))]

use html5ever::tendril::TendrilSink;
use html5ever::tree_builder::TreeBuilderOpts;
use html5ever::{parse_document, ParseOpts};
use markup5ever_rcdom::{Handle as RcHandle, NodeData as RcData, RcDom};
use pizhu_dom::{is_kept, Dom, NodeData, NodeId, DOCUMENT};
use proptest::prelude::*;

fn outline(dom: &Dom, id: NodeId, out: &mut String) {
    match dom.data(id) {
        NodeData::Document => out.push_str("#doc("),
        NodeData::Element { name, attrs, .. } => {
            out.push_str(&format!("<{name}"));
            for (n, v) in attrs {
                out.push_str(&format!(" {n}={:?}", &**v));
            }
            out.push('>');
            if let Some(contents) = dom.template_contents(id) {
                out.push_str("#template");
                outline(dom, contents, out);
            }
        }
        NodeData::Text(t) => return out.push_str(&format!("{:?}", &**t)),
        NodeData::Other => return out.push_str("#other"),
    }
    for child in dom.children(id) {
        outline(dom, child, out);
    }
    out.push(')');
}

fn rc_outline(node: &RcHandle, out: &mut String) {
    match &node.data {
        RcData::Document => out.push_str("#doc("),
        RcData::Element {
            name,
            attrs,
            template_contents,
            ..
        } => {
            out.push_str(&format!("<{}", name.local.to_ascii_lowercase()));
            for a in attrs.borrow().iter().filter(|a| is_kept(&a.name.local)) {
                out.push_str(&format!(" {}={:?}", a.name.local, &*a.value));
            }
            out.push('>');
            if let Some(contents) = &*template_contents.borrow() {
                out.push_str("#template");
                rc_outline(contents, out);
            }
        }
        RcData::Text { contents } => return out.push_str(&format!("{:?}", &**contents.borrow())),
        RcData::Comment { .. } | RcData::ProcessingInstruction { .. } => {
            return out.push_str("#other")
        }
        RcData::Doctype { .. } => return,
    }
    for child in node.children.borrow().iter() {
        rc_outline(child, out);
    }
    out.push(')');
}

fn same_tree(html: &str) {
    // The options pizhu parses with: <noscript> content parsed as markup.
    let opts = ParseOpts {
        tree_builder: TreeBuilderOpts {
            scripting_enabled: false,
            ..TreeBuilderOpts::default()
        },
        ..ParseOpts::default()
    };
    let rc = parse_document(RcDom::default(), opts).one(html);
    let mut reference = String::new();
    rc_outline(&rc.document, &mut reference);
    let mut ours = String::new();
    outline(&pizhu_dom::parse(html), DOCUMENT, &mut ours);
    assert_eq!(ours, reference, "input: {html:?}");
    // Fed in pieces of 7 bytes (cut at character boundaries), as IncrementalParse does.
    let mut parser = pizhu_dom::Parser::default();
    let mut start = 0;
    while start < html.len() {
        let mut end = (start + 7).min(html.len());
        while !html.is_char_boundary(end) {
            end += 1;
        }
        parser.feed(&html[start..end]);
        start = end;
    }
    let mut pieces = String::new();
    outline(&parser.finish(), DOCUMENT, &mut pieces);
    assert_eq!(pieces, reference, "input in pieces: {html:?}");
}

fn fixture(path: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

#[test]
fn corpus_bodies_build_the_reference_tree() {
    let mut dirs = vec![fixture("tests/fixtures/corpus")];
    let mut files = 0;
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(dir).expect("corpus folder") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "md") {
                same_tree(&std::fs::read_to_string(&path).expect("utf-8"));
                files += 1;
            }
        }
    }
    assert!(files >= 27, "found {files} corpus files");
}

#[test]
fn xss_payloads_build_the_reference_tree() {
    let raw = std::fs::read_to_string(fixture("tests/fixtures/xss/dompurify_payloads.json"))
        .expect("payloads");
    let payloads: Vec<String> = serde_json::from_str(&raw).expect("a JSON array of strings");
    assert!(payloads.len() > 200);
    for payload in &payloads {
        same_tree(payload);
    }
}

#[test]
fn misnested_markup_builds_the_reference_tree() {
    for html in [
        "<b>1<p>2</b>3</p>",
        "<a href=x>1<div>2<a href=y>3</div>4",
        "<table><tr><td>a</td>b<b>c</b></tr></table>d",
        "<table>x<tr>y</tr>z</table>",
        "<p><b><i><u>x</p>y",
        "<template><p>in</p></template><p>out",
        "<svg><foreignObject><p>x</p></foreignObject><title>t</title></svg>",
        "<math><mi><img src=a></mi><annotation-xml encoding=text/html><p>x</p></annotation-xml></math>",
        "<select><option selected>a<selectedcontent></selectedcontent></select>",
        "<html lang=a><body class=x><html lang=b class=y><body class=z hidden>t",
        "<frameset><frame></frameset>",
        "<nobr>a<nobr>b</nobr>",
        "<!--c--><!DOCTYPE html><?pi x?>text<!--d-->more",
    ] {
        same_tree(html);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]
    #[test]
    fn tag_soup_builds_the_reference_tree(parts in proptest::collection::vec(0usize..40, 0..60)) {
        const PIECES: [&str; 40] = [
            "<p>", "</p>", "<b>", "</b>", "<i>", "</i>", "<a href=u>", "</a>", "<div>", "</div>",
            "<table>", "</table>", "<tr>", "</tr>", "<td>", "</td>", "<li>", "<ul>", "</ul>",
            "<template>", "</template>", "<svg>", "</svg>", "<math>", "<select>", "<option>",
            "<form>", "</form>", "<img src=i alt=A>", "<br>", "text", " ", "字", "<!--c-->",
            "<nobr>", "<h1>", "</h2>", "<noscript>", "<caption>", "<col>",
        ];
        let html: String = parts.iter().map(|&i| PIECES[i]).collect();
        same_tree(&html);
    }
}
