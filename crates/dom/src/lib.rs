//! html5ever parsing into a compact DOM for pizhu's article walker: every node in one `Vec`,
//! linked by `u32` indices, keeping only what the walker reads.
//!
//! It replaces `markup5ever_rcdom`, whose nodes are each an `Rc` with a `RefCell`ed `Vec` of
//! children, a `Weak` parent and every attribute, so a page of a few hundred elements meant
//! thousands of small allocations to make and free again. Here a node is one slot in the
//! arena, children are a linked list (append, insert before a sibling and removal are O(1),
//! where the `Rc` DOM searched the parent's children), text stays in html5ever's tendrils,
//! and an element keeps only the attributes in `KEPT`.
//!
//! Element names are lower-cased for the walker (html5ever already lower-cases HTML names;
//! only SVG and MathML names such as `foreignObject` change, and the walker drops `svg` and
//! `math` with their content). The tree builder sees the names as parsed: a `Handle` carries
//! the element's namespace and local name, so `elem_name` needs no borrow of the arena.
//! The tree builder's callbacks never panic: a request it never makes (a template's contents
//! of a non-template, inserting next to a node without a parent) does nothing harmful. The
//! walker's accessors take ids this arena handed out.
//!
//! A crate of its own: html5ever's tokenizer and tree builder are generic over the sink, so
//! their code is generated here, where `parse` and `Parser` name the sink, and a release
//! profile could build this crate at another opt-level than the app. Measured and not taken
//! for now (the root `Cargo.toml` says why).

use std::borrow::Cow;
use std::cell::RefCell;

use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeBuilderOpts, TreeSink};
use html5ever::{local_name, ns, Attribute, ExpandedName, LocalName, Namespace, QualName};
use html5ever::{parse_document, ParseOpts};

/// How pizhu parses: as a document, with `<noscript>` content parsed as markup (scripting
/// disabled) so that its image copies can be recognised.
fn parse_opts() -> ParseOpts {
    ParseOpts {
        tree_builder: TreeBuilderOpts {
            scripting_enabled: false,
            ..TreeBuilderOpts::default()
        },
        ..ParseOpts::default()
    }
}

/// Parse a whole HTML document (or fragment, which html5ever places in a document) in one go.
pub fn parse(html: &str) -> Dom {
    parse_document(DomSink::default(), parse_opts()).one(html)
}

/// A parse fed in pieces (the result is the same as `parse` of the pieces joined).
pub struct Parser(html5ever::driver::Parser<DomSink>);

impl Default for Parser {
    fn default() -> Self {
        Self(parse_document(DomSink::default(), parse_opts()))
    }
}

impl Parser {
    pub fn feed(&mut self, html: &str) {
        self.0.process(StrTendril::from(html));
    }

    pub fn finish(self) -> Dom {
        self.0.finish()
    }
}

/// A node of a `Dom`: its index in the arena (the document is `DOCUMENT`). Only the `Dom`
/// that handed an id out makes ids, so a number cannot be passed where a node is meant.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct NodeId(u32);

impl NodeId {
    fn index(self) -> usize {
        self.0 as usize
    }
}

/// No node (a missing parent, child or sibling).
const NONE: NodeId = NodeId(u32::MAX);

/// The attributes the walker and media code read; all others are dropped at parse time.
/// Matched ignoring ASCII case, as the walker looked them up before.
const KEPT: [&str; 18] = [
    "alt",
    "aria-hidden",
    "class",
    "data-lazy-src",
    "data-original",
    "data-src",
    "data-srcset",
    "data-url",
    "datetime",
    "height",
    "hidden",
    "href",
    "poster",
    "src",
    "srcset",
    "start",
    "style",
    "width",
];

/// True for the attribute names (of any case) the DOM keeps.
pub fn is_kept(name: &str) -> bool {
    KEPT.iter().any(|k| k.eq_ignore_ascii_case(name))
}

pub enum NodeData {
    /// The document, or the contents of a `<template>` (never attached to the tree).
    Document,
    Element {
        /// The local name, lower-cased.
        name: LocalName,
        /// The kept attributes, in source order.
        attrs: Vec<(LocalName, StrTendril)>,
        /// The contents node of a `<template>`, else `NONE`.
        template: NodeId,
        mathml_annotation_xml_integration_point: bool,
    },
    Text(StrTendril),
    /// Comments and processing instructions: kept as nodes (they separate text nodes, as in
    /// any DOM) but never read.
    Other,
}

struct Node {
    parent: NodeId,
    first_child: NodeId,
    last_child: NodeId,
    prev: NodeId,
    next: NodeId,
    data: NodeData,
}

impl Node {
    fn new(data: NodeData) -> Self {
        Self {
            parent: NONE,
            first_child: NONE,
            last_child: NONE,
            prev: NONE,
            next: NONE,
            data,
        }
    }
}

/// The parsed document.
pub struct Dom {
    nodes: Vec<Node>,
}

/// The document node.
pub const DOCUMENT: NodeId = NodeId(0);

impl Default for Dom {
    fn default() -> Self {
        Self {
            nodes: vec![Node::new(NodeData::Document)],
        }
    }
}

impl Dom {
    pub fn data(&self, id: NodeId) -> &NodeData {
        &self.nodes[id.index()].data
    }

    /// The lower-cased local name of an element; None for other nodes.
    pub fn tag(&self, id: NodeId) -> Option<&str> {
        match self.data(id) {
            NodeData::Element { name, .. } => Some(name),
            _ => None,
        }
    }

    /// The value of attribute `name` (lower-case, one of `KEPT`) of an element.
    pub fn attr(&self, id: NodeId, name: &str) -> Option<&str> {
        match self.data(id) {
            NodeData::Element { attrs, .. } => attrs
                .iter()
                .find(|(n, _)| name.eq_ignore_ascii_case(n))
                .map(|(_, v)| &**v),
            _ => None,
        }
    }

    /// The contents of a `<template>` element (a document node outside the tree).
    pub fn template_contents(&self, id: NodeId) -> Option<NodeId> {
        match self.data(id) {
            NodeData::Element { template, .. } if *template != NONE => Some(*template),
            _ => None,
        }
    }

    /// The children of a node, in order.
    pub fn children(&self, id: NodeId) -> Children<'_> {
        Children {
            dom: self,
            next: self.nodes[id.index()].first_child,
        }
    }

    fn node(&mut self, id: NodeId) -> &mut Node {
        &mut self.nodes[id.index()]
    }

    fn push(&mut self, data: NodeData) -> NodeId {
        // Inputs are at most 4 MB, so far fewer than u32::MAX nodes.
        let id = NodeId(self.nodes.len() as u32);
        self.nodes.push(Node::new(data));
        id
    }

    fn detach(&mut self, id: NodeId) {
        let Node {
            parent, prev, next, ..
        } = self.nodes[id.index()];
        if parent == NONE {
            return;
        }
        if prev == NONE {
            self.node(parent).first_child = next;
        } else {
            self.node(prev).next = next;
        }
        if next == NONE {
            self.node(parent).last_child = prev;
        } else {
            self.node(next).prev = prev;
        }
        let node = self.node(id);
        node.parent = NONE;
        node.prev = NONE;
        node.next = NONE;
    }

    fn append_child(&mut self, parent: NodeId, child: NodeId) {
        self.detach(child);
        let last = self.nodes[parent.index()].last_child;
        {
            let node = self.node(child);
            node.parent = parent;
            node.prev = last;
        }
        if last == NONE {
            self.node(parent).first_child = child;
        } else {
            self.node(last).next = child;
        }
        self.node(parent).last_child = child;
    }

    fn insert_before(&mut self, sibling: NodeId, child: NodeId) {
        self.detach(child);
        let Node { parent, prev, .. } = self.nodes[sibling.index()];
        {
            let node = self.node(child);
            node.parent = parent;
            node.prev = prev;
            node.next = sibling;
        }
        self.node(sibling).prev = child;
        if prev == NONE {
            self.node(parent).first_child = child;
        } else {
            self.node(prev).next = child;
        }
    }

    /// Append `text` to `id` if it is a text node.
    fn extend_text(&mut self, id: NodeId, text: &StrTendril) -> bool {
        match &mut self.node(id).data {
            NodeData::Text(contents) => {
                contents.push_tendril(text);
                true
            }
            _ => false,
        }
    }
}

pub struct Children<'a> {
    dom: &'a Dom,
    next: NodeId,
}

impl Iterator for Children<'_> {
    type Item = NodeId;

    fn next(&mut self) -> Option<NodeId> {
        if self.next == NONE {
            return None;
        }
        let id = self.next;
        self.next = self.dom.nodes[id.index()].next;
        Some(id)
    }
}

/// What the tree builder holds on to: the node's index, and for elements their name as parsed.
#[derive(Clone, Debug)]
pub struct Handle {
    id: NodeId,
    ns: Namespace,
    local: LocalName,
}

impl Handle {
    fn plain(id: NodeId) -> Self {
        Self {
            id,
            ns: ns!(),
            local: local_name!(""),
        }
    }
}

/// The `TreeSink` html5ever builds the `Dom` through (public for tests that compare it with
/// other sinks; `parse` and `Parser` are the way to use it).
pub struct DomSink {
    dom: RefCell<Dom>,
}

impl Default for DomSink {
    fn default() -> Self {
        Self {
            dom: RefCell::new(Dom::default()),
        }
    }
}

impl TreeSink for DomSink {
    type Handle = Handle;
    type Output = Dom;
    type ElemName<'a> = ExpandedName<'a>;

    fn finish(self) -> Dom {
        self.dom.into_inner()
    }

    // Parse errors are not reported anywhere: html5ever repairs the markup as browsers do.
    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> Handle {
        Handle::plain(DOCUMENT)
    }

    fn elem_name<'a>(&'a self, target: &'a Handle) -> ExpandedName<'a> {
        ExpandedName {
            ns: &target.ns,
            local: &target.local,
        }
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> Handle {
        let mut dom = self.dom.borrow_mut();
        let template = if flags.template {
            dom.push(NodeData::Document)
        } else {
            NONE
        };
        let lower = if name.local.bytes().any(|b| b.is_ascii_uppercase()) {
            LocalName::from(name.local.to_ascii_lowercase())
        } else {
            name.local.clone()
        };
        let attrs = attrs
            .into_iter()
            .filter(|a| is_kept(&a.name.local))
            .map(|a| (a.name.local, a.value))
            .collect();
        let id = dom.push(NodeData::Element {
            name: lower,
            attrs,
            template,
            mathml_annotation_xml_integration_point: flags.mathml_annotation_xml_integration_point,
        });
        Handle {
            id,
            ns: name.ns,
            local: name.local,
        }
    }

    fn create_comment(&self, _text: StrTendril) -> Handle {
        Handle::plain(self.dom.borrow_mut().push(NodeData::Other))
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> Handle {
        Handle::plain(self.dom.borrow_mut().push(NodeData::Other))
    }

    fn append(&self, parent: &Handle, child: NodeOrText<Handle>) {
        let mut dom = self.dom.borrow_mut();
        match child {
            NodeOrText::AppendNode(node) => dom.append_child(parent.id, node.id),
            NodeOrText::AppendText(text) => {
                let last = dom.nodes[parent.id.index()].last_child;
                if last == NONE || !dom.extend_text(last, &text) {
                    let id = dom.push(NodeData::Text(text));
                    dom.append_child(parent.id, id);
                }
            }
        }
    }

    fn append_before_sibling(&self, sibling: &Handle, child: NodeOrText<Handle>) {
        let mut dom = self.dom.borrow_mut();
        if dom.nodes[sibling.id.index()].parent == NONE {
            return;
        }
        let id = match child {
            NodeOrText::AppendNode(node) => node.id,
            NodeOrText::AppendText(text) => {
                let prev = dom.nodes[sibling.id.index()].prev;
                if prev != NONE && dom.extend_text(prev, &text) {
                    return;
                }
                dom.push(NodeData::Text(text))
            }
        };
        dom.insert_before(sibling.id, id);
    }

    fn append_based_on_parent_node(
        &self,
        element: &Handle,
        prev_element: &Handle,
        child: NodeOrText<Handle>,
    ) {
        let has_parent = self.dom.borrow().nodes[element.id.index()].parent != NONE;
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    // The walker never reads the doctype.
    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {}

    fn get_template_contents(&self, target: &Handle) -> Handle {
        match self.dom.borrow().data(target.id) {
            NodeData::Element { template, .. } if *template != NONE => Handle::plain(*template),
            // Only asked of templates; any other element stands for itself.
            _ => target.clone(),
        }
    }

    fn same_node(&self, x: &Handle, y: &Handle) -> bool {
        x.id == y.id
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn add_attrs_if_missing(&self, target: &Handle, attrs: Vec<Attribute>) {
        let mut dom = self.dom.borrow_mut();
        if let NodeData::Element {
            attrs: existing, ..
        } = &mut dom.node(target.id).data
        {
            for attr in attrs {
                if is_kept(&attr.name.local) && !existing.iter().any(|(n, _)| *n == attr.name.local)
                {
                    existing.push((attr.name.local, attr.value));
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &Handle) {
        self.dom.borrow_mut().detach(target.id);
    }

    fn reparent_children(&self, node: &Handle, new_parent: &Handle) {
        let mut dom = self.dom.borrow_mut();
        let mut child = dom.nodes[node.id.index()].first_child;
        while child != NONE {
            let next = dom.nodes[child.index()].next;
            dom.append_child(new_parent.id, child);
            child = next;
        }
    }

    fn is_mathml_annotation_xml_integration_point(&self, handle: &Handle) -> bool {
        matches!(
            self.dom.borrow().data(handle.id),
            NodeData::Element {
                mathml_annotation_xml_integration_point: true,
                ..
            }
        )
    }
}
