//! A compact DOM for finding a page's article: html5ever's tree builder (the HTML standard's
//! parsing rules, so unclosed `<p>`, `<li>`, `<td>` and stray end tags come out as a browser
//! builds them) filling an arena of nodes addressed by index.
//!
//! Why not a general DOM crate: the article finder walks every node of every page several
//! times and keeps a figure per node. With nodes numbered 0..n those figures live in a `Vec`
//! indexed by node, each element's tag role (skipped, block, cell, link, …) is read from the
//! lexicon once when the element is created, and only what the finder reads is kept.

use std::borrow::Cow;
use std::cell::{Cell, Ref, RefCell};
use std::sync::LazyLock;

use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{local_name, Attribute, QualName};
use rustc_hash::FxHashMap as HashMap;

use crate::lexicon::html::{BLOCK_TAGS, NOT_ARTICLE_TAGS, SKIP_TAGS};
use crate::limits::{MAX_HTML_ATTRIBUTES, MAX_HTML_DEPTH};

/// A node's place in [`Dom::nodes`].
pub type NodeIx = u32;
/// No node (no parent, no child, no sibling).
const NONE: NodeIx = NodeIx::MAX;
/// The document node, parent of `<html>`.
pub const DOCUMENT: NodeIx = 0;

/// What an element's tag means to the article finder, from the lexicon's tag lists.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TagRole(u16);

impl TagRole {
    /// Content never shown as text (`SKIP_TAGS`).
    pub const SKIP: TagRole = TagRole(1);
    /// Starts and ends a line (`BLOCK_TAGS`).
    pub const BLOCK: TagRole = TagRole(1 << 1);
    /// Never the article itself, only part of one (`NOT_ARTICLE_TAGS`).
    pub const NOT_ARTICLE: TagRole = TagRole(1 << 2);
    /// `<br>`: a line break.
    pub const LINE_BREAK: TagRole = TagRole(1 << 3);
    /// `<td>`, `<th>`: a table cell.
    pub const CELL: TagRole = TagRole(1 << 4);
    /// `<tr>`: a table row, one line.
    pub const ROW: TagRole = TagRole(1 << 5);
    /// `<a>`: its text is link text.
    pub const LINK: TagRole = TagRole(1 << 6);
    /// `<meta>`, `<link>`: page metadata.
    pub const META: TagRole = TagRole(1 << 7);
    /// `<title>`.
    pub const TITLE: TagRole = TagRole(1 << 8);
    /// `<h1>`, `<h2>`: where a report's title is printed.
    pub const TITLE_HEADING: TagRole = TagRole(1 << 9);

    pub fn has(self, role: TagRole) -> bool {
        self.0 & role.0 != 0
    }

    /// The roles of a tag (its local name, any namespace).
    fn of(tag: &str) -> TagRole {
        static ROLES: LazyLock<HashMap<&'static str, TagRole>> = LazyLock::new(|| {
            let mut roles: HashMap<&'static str, TagRole> = HashMap::default();
            let mut add = |tags: &[&'static str], role: TagRole| {
                for tag in tags {
                    roles.entry(tag).or_default().0 |= role.0;
                }
            };
            add(SKIP_TAGS, TagRole::SKIP);
            add(BLOCK_TAGS, TagRole::BLOCK);
            add(NOT_ARTICLE_TAGS, TagRole::NOT_ARTICLE);
            add(&["br"], TagRole::LINE_BREAK);
            add(&["td", "th"], TagRole::CELL);
            add(&["tr"], TagRole::ROW);
            add(&["a"], TagRole::LINK);
            add(&["meta", "link"], TagRole::META);
            add(&["title"], TagRole::TITLE);
            add(&["h1", "h2"], TagRole::TITLE_HEADING);
            roles
        });
        ROLES.get(tag).copied().unwrap_or_default()
    }
}

#[derive(Debug)]
pub struct Element {
    pub name: QualName,
    pub attrs: Vec<Attribute>,
    pub role: TagRole,
}

impl Element {
    /// The value of the attribute with this local name, any namespace.
    pub fn attr(&self, local: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|a| &*a.name.local == local)
            .map(|a| &*a.value)
    }
}

#[derive(Debug)]
pub enum NodeData {
    Document,
    Element(Element),
    Text(StrTendril),
    /// Comments, the doctype, processing instructions, a template's contents: never text.
    Other,
}

#[derive(Debug)]
pub struct Node {
    parent: NodeIx,
    first_child: NodeIx,
    last_child: NodeIx,
    prev_sibling: NodeIx,
    next_sibling: NodeIx,
    pub data: NodeData,
}

impl Node {
    fn new(data: NodeData) -> Node {
        Node {
            parent: NONE,
            first_child: NONE,
            last_child: NONE,
            prev_sibling: NONE,
            next_sibling: NONE,
            data,
        }
    }

    pub fn element(&self) -> Option<&Element> {
        match &self.data {
            NodeData::Element(e) => Some(e),
            _ => None,
        }
    }

    /// The tag role of an element; nothing for other nodes.
    pub fn role(&self) -> TagRole {
        self.element().map_or(TagRole::default(), |e| e.role)
    }

    pub fn parent(&self) -> Option<NodeIx> {
        (self.parent != NONE).then_some(self.parent)
    }
}

/// One step of a depth-first walk: entering a node, or leaving it after its children.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edge {
    Open(NodeIx),
    Close(NodeIx),
}

/// A parsed page. Nodes are numbered in the order the parser created them; nodes it removed
/// from the tree stay in the arena, detached.
#[derive(Debug)]
pub struct Dom {
    pub nodes: Vec<Node>,
}

impl Dom {
    /// Parses a whole page (any input gives a document with `<html>`). The page is fed to
    /// the tree builder in slices of `PARSE_SLICE_BYTES`; between them the document's time
    /// budget is checked (`budget::check`), and a page whose elements nest deeper than
    /// `MAX_HTML_DEPTH` is refused (`budget::refuse`): the tree builder's work grows with
    /// the square of the depth, so deeper pages are where one file could stall a run.
    pub fn parse(html: &str) -> Dom {
        let capacity = html.len() / 32 + 16;
        let sink = DomSink {
            // Pages run to one node per 30–60 bytes.
            nodes: RefCell::new(Vec::with_capacity(capacity)),
            template_contents: RefCell::new(HashMap::default()),
            depths: RefCell::new(Vec::with_capacity(capacity)),
            too_deep: Cell::new(false),
        };
        sink.push(NodeData::Document);
        let mut parser = html5ever::parse_document(sink, Default::default());
        let mut rest = html;
        while !rest.is_empty() {
            let mut cut = rest.len().min(PARSE_SLICE_BYTES);
            while !rest.is_char_boundary(cut) {
                cut += 1;
            }
            let (slice, tail) = rest.split_at(cut);
            parser.process(StrTendril::from_slice(slice));
            rest = tail;
            if parser.tokenizer.sink.sink.too_deep.get() {
                crate::budget::refuse(
                    "clean",
                    format!(
                        "the HTML page nests elements deeper than {MAX_HTML_DEPTH} levels \
                         (not a report page); not read"
                    ),
                );
            }
            crate::budget::check();
        }
        parser.finish()
    }

    pub fn node(&self, ix: NodeIx) -> &Node {
        &self.nodes[ix as usize]
    }

    /// The `<html>` element (the document node if the parser made none).
    pub fn root_element(&self) -> NodeIx {
        self.children(DOCUMENT)
            .find(|&c| self.node(c).element().is_some())
            .unwrap_or(DOCUMENT)
    }

    pub fn children(&self, ix: NodeIx) -> impl Iterator<Item = NodeIx> + '_ {
        let first = self.node(ix).first_child;
        std::iter::successors((first != NONE).then_some(first), move |&c| {
            let next = self.node(c).next_sibling;
            (next != NONE).then_some(next)
        })
    }

    /// A depth-first walk of the subtree at `root`, without recursion (pages nest deeply).
    pub fn edges(&self, root: NodeIx) -> Edges<'_> {
        Edges {
            dom: self,
            root,
            next: Some(Edge::Open(root)),
        }
    }

    /// The text of every text node under `ix`, in document order.
    pub fn text_of(&self, ix: NodeIx) -> String {
        let mut text = String::new();
        for edge in self.edges(ix) {
            if let Edge::Open(n) = edge {
                if let NodeData::Text(t) = &self.node(n).data {
                    text.push_str(t);
                }
            }
        }
        text
    }
}

pub struct Edges<'a> {
    dom: &'a Dom,
    root: NodeIx,
    next: Option<Edge>,
}

impl Iterator for Edges<'_> {
    type Item = Edge;

    fn next(&mut self) -> Option<Edge> {
        let edge = self.next?;
        self.next = match edge {
            Edge::Open(ix) => {
                let first = self.dom.node(ix).first_child;
                Some(if first != NONE {
                    Edge::Open(first)
                } else {
                    Edge::Close(ix)
                })
            }
            Edge::Close(ix) if ix == self.root => None,
            Edge::Close(ix) => {
                let node = self.dom.node(ix);
                if node.next_sibling != NONE {
                    Some(Edge::Open(node.next_sibling))
                } else if node.parent != NONE {
                    Some(Edge::Close(node.parent))
                } else {
                    None
                }
            }
        };
        Some(edge)
    }
}

/// Bytes of the page given to the tree builder at a time: small enough that the work one
/// slice can add past `MAX_HTML_DEPTH` is bounded, large enough to cost nothing.
const PARSE_SLICE_BYTES: usize = 16 * 1024;

/// The tree builder's view of the arena. html5ever calls it through `&self`, hence the cells.
struct DomSink {
    nodes: RefCell<Vec<Node>>,
    /// A `<template>`'s contents: a detached node of their own, as browsers keep them.
    template_contents: RefCell<HashMap<NodeIx, NodeIx>>,
    /// Each node's depth when it was last placed (moves by the adoption agency leave a
    /// subtree's depths as they were: a bound, not a measure).
    depths: RefCell<Vec<u32>>,
    /// A node was placed deeper than `MAX_HTML_DEPTH`.
    too_deep: Cell<bool>,
}

impl DomSink {
    fn push(&self, data: NodeData) -> NodeIx {
        let mut nodes = self.nodes.borrow_mut();
        let ix = NodeIx::try_from(nodes.len()).expect("fewer than 2^32 nodes");
        nodes.push(Node::new(data));
        self.depths.borrow_mut().push(0);
        ix
    }

    /// Records `child`'s depth under `parent`.
    fn placed(&self, parent: NodeIx, child: NodeIx) {
        if parent == NONE {
            return;
        }
        let mut depths = self.depths.borrow_mut();
        let depth = depths[parent as usize].saturating_add(1);
        depths[child as usize] = depth;
        if depth as usize > MAX_HTML_DEPTH {
            self.too_deep.set(true);
        }
    }

    /// Puts a node (taken out of wherever it was) or a text at `place`. Text next to a text
    /// node joins it.
    fn put(&self, place: Place, child: NodeOrText<NodeIx>) {
        let ix = match child {
            NodeOrText::AppendNode(ix) => {
                detach(&mut self.nodes.borrow_mut(), ix);
                ix
            }
            NodeOrText::AppendText(text) => {
                let neighbour = {
                    let nodes = self.nodes.borrow();
                    match place {
                        Place::LastChildOf(parent) => nodes[parent as usize].last_child,
                        Place::Before(sibling) => nodes[sibling as usize].prev_sibling,
                    }
                };
                if self.merge_text(neighbour, &text) {
                    return;
                }
                self.push(NodeData::Text(text))
            }
        };
        let mut nodes = self.nodes.borrow_mut();
        let parent = match place {
            Place::LastChildOf(parent) => {
                append_child(&mut nodes, parent, ix);
                parent
            }
            Place::Before(sibling) => {
                insert_before(&mut nodes, sibling, ix);
                nodes[sibling as usize].parent
            }
        };
        drop(nodes);
        self.placed(parent, ix);
    }

    /// Adds `text` to the end of `neighbour` if that is a text node, and says whether it did:
    /// adjacent text is one text node, as the standard has it.
    fn merge_text(&self, neighbour: NodeIx, text: &StrTendril) -> bool {
        if neighbour == NONE {
            return false;
        }
        match &mut self.nodes.borrow_mut()[neighbour as usize].data {
            NodeData::Text(t) => {
                t.push_tendril(text);
                true
            }
            _ => false,
        }
    }
}

/// Where the tree builder puts a node: last under a parent, or right before a sibling.
#[derive(Clone, Copy)]
enum Place {
    LastChildOf(NodeIx),
    Before(NodeIx),
}

/// Takes `child` out of its parent's list of children.
fn detach(nodes: &mut [Node], child: NodeIx) {
    let (parent, prev, next) = {
        let n = &nodes[child as usize];
        (n.parent, n.prev_sibling, n.next_sibling)
    };
    if parent == NONE {
        return;
    }
    if prev != NONE {
        nodes[prev as usize].next_sibling = next;
    } else {
        nodes[parent as usize].first_child = next;
    }
    if next != NONE {
        nodes[next as usize].prev_sibling = prev;
    } else {
        nodes[parent as usize].last_child = prev;
    }
    let n = &mut nodes[child as usize];
    n.parent = NONE;
    n.prev_sibling = NONE;
    n.next_sibling = NONE;
}

/// Makes `child` (detached) the last child of `parent`.
fn append_child(nodes: &mut [Node], parent: NodeIx, child: NodeIx) {
    let last = nodes[parent as usize].last_child;
    {
        let c = &mut nodes[child as usize];
        c.parent = parent;
        c.prev_sibling = last;
        c.next_sibling = NONE;
    }
    if last != NONE {
        nodes[last as usize].next_sibling = child;
    } else {
        nodes[parent as usize].first_child = child;
    }
    nodes[parent as usize].last_child = child;
}

/// Puts `child` (detached) right before `sibling`, which has a parent.
fn insert_before(nodes: &mut [Node], sibling: NodeIx, child: NodeIx) {
    let (parent, prev) = {
        let s = &nodes[sibling as usize];
        (s.parent, s.prev_sibling)
    };
    {
        let c = &mut nodes[child as usize];
        c.parent = parent;
        c.prev_sibling = prev;
        c.next_sibling = sibling;
    }
    nodes[sibling as usize].prev_sibling = child;
    if prev != NONE {
        nodes[prev as usize].next_sibling = child;
    } else {
        nodes[parent as usize].first_child = child;
    }
}

impl TreeSink for DomSink {
    type Handle = NodeIx;
    type Output = Dom;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Dom {
        Dom {
            nodes: self.nodes.into_inner(),
        }
    }

    // Parse errors are the normal state of real pages: nothing to do with them.
    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> NodeIx {
        DOCUMENT
    }

    fn elem_name<'a>(&'a self, target: &'a NodeIx) -> Ref<'a, QualName> {
        Ref::map(self.nodes.borrow(), |nodes| {
            match &nodes[*target as usize].data {
                NodeData::Element(e) => &e.name,
                // The tree builder asks only for elements' names.
                _ => unreachable!("elem_name of a node that is not an element"),
            }
        })
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, _: ElementFlags) -> NodeIx {
        let template = name.local == local_name!("template");
        let role = TagRole::of(&name.local);
        let ix = self.push(NodeData::Element(Element { name, attrs, role }));
        if template {
            let contents = self.push(NodeData::Other);
            self.template_contents.borrow_mut().insert(ix, contents);
        }
        ix
    }

    fn create_comment(&self, _text: StrTendril) -> NodeIx {
        self.push(NodeData::Other)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> NodeIx {
        self.push(NodeData::Other)
    }

    fn append(&self, parent: &NodeIx, child: NodeOrText<NodeIx>) {
        self.put(Place::LastChildOf(*parent), child);
    }

    fn append_based_on_parent_node(
        &self,
        element: &NodeIx,
        prev_element: &NodeIx,
        child: NodeOrText<NodeIx>,
    ) {
        let has_parent = self.nodes.borrow()[*element as usize].parent != NONE;
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {
        let ix = self.push(NodeData::Other);
        append_child(&mut self.nodes.borrow_mut(), DOCUMENT, ix);
    }

    fn get_template_contents(&self, target: &NodeIx) -> NodeIx {
        // Every template was given its contents node when it was created.
        self.template_contents.borrow()[target]
    }

    fn same_node(&self, x: &NodeIx, y: &NodeIx) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &NodeIx, new_node: NodeOrText<NodeIx>) {
        if self.nodes.borrow()[*sibling as usize].parent != NONE {
            self.put(Place::Before(*sibling), new_node);
        }
    }

    fn add_attrs_if_missing(&self, target: &NodeIx, attrs: Vec<Attribute>) {
        let mut nodes = self.nodes.borrow_mut();
        if let NodeData::Element(e) = &mut nodes[*target as usize].data {
            for attr in attrs {
                // Repeated `<html>`/`<body>` tags add their attributes here: capped, as a
                // tag's own are before parsing (`ingest::prescan`).
                if e.attrs.len() >= MAX_HTML_ATTRIBUTES {
                    break;
                }
                if !e.attrs.iter().any(|a| a.name == attr.name) {
                    e.attrs.push(attr);
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &NodeIx) {
        detach(&mut self.nodes.borrow_mut(), *target);
    }

    fn reparent_children(&self, node: &NodeIx, new_parent: &NodeIx) {
        let mut nodes = self.nodes.borrow_mut();
        let mut child = nodes[*node as usize].first_child;
        while child != NONE {
            let next = nodes[child as usize].next_sibling;
            detach(&mut nodes, child);
            append_child(&mut nodes, *new_parent, child);
            self.placed(*new_parent, child);
            child = next;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tree as nested tag names and texts, for comparing shapes.
    fn shape(dom: &Dom, ix: NodeIx) -> String {
        let mut out = String::new();
        for edge in dom.edges(ix) {
            match edge {
                Edge::Open(n) => match &dom.node(n).data {
                    NodeData::Element(e) => {
                        out.push('<');
                        out.push_str(&e.name.local);
                        out.push('>');
                    }
                    NodeData::Text(t) => out.push_str(t),
                    _ => {}
                },
                Edge::Close(n) => {
                    if let Some(e) = dom.node(n).element() {
                        out.push_str("</");
                        out.push_str(&e.name.local);
                        out.push('>');
                    }
                }
            }
        }
        out
    }

    fn body_shape(html: &str) -> String {
        let dom = Dom::parse(html);
        let body = dom
            .children(dom.root_element())
            .find(|&c| {
                dom.node(c)
                    .element()
                    .is_some_and(|e| &*e.name.local == "body")
            })
            .expect("a body");
        shape(&dom, body)
    }

    #[test]
    fn unclosed_paragraphs_items_and_cells_close_as_in_a_browser() {
        assert_eq!(
            body_shape("<div><p>一是健全制度<p>二是严格执法</div><p>三"),
            "<body><div><p>一是健全制度</p><p>二是严格执法</p></div><p>三</p></body>"
        );
        assert_eq!(
            body_shape("<ul><li>立案<li>结案</ul>"),
            "<body><ul><li>立案</li><li>结案</li></ul></body>"
        );
        assert_eq!(
            body_shape("<table><tr><td>案件<td>285宗<tr><td>罚款</table>"),
            "<body><table><tbody><tr><td>案件</td><td>285宗</td></tr><tr><td>罚款</td></tr></tbody></table></body>"
        );
    }

    #[test]
    fn a_script_holding_markup_is_one_text() {
        let page = "<p>前</p><script>if (a<b) { x = '<p>不是正文</p>'; }</script><p>后</p>";
        assert_eq!(
            body_shape(page),
            "<body><p>前</p><script>if (a<b) { x = '<p>不是正文</p>'; }</script><p>后</p></body>"
        );
        let dom = Dom::parse(page);
        let script = (0..dom.nodes.len() as NodeIx)
            .find(|&n| {
                dom.node(n)
                    .element()
                    .is_some_and(|e| &*e.name.local == "script")
            })
            .unwrap();
        assert!(dom.node(script).role().has(TagRole::SKIP));
        assert_eq!(dom.children(script).count(), 1);
    }

    #[test]
    fn misnested_formatting_is_rebuilt_and_text_stays_in_order() {
        // The adoption agency moves nodes after they were created: the walk must follow the
        // final tree, not the order of creation.
        let dom = Dom::parse("<div><b>一<p>二</b>三</p></div>");
        let text = dom.text_of(dom.root_element());
        assert_eq!(text, "一二三");
        let shape = body_shape("<div><b>一<p>二</b>三</p></div>");
        assert_eq!(shape, "<body><div><b>一</b><p><b>二</b>三</p></div></body>");
    }

    #[test]
    fn table_text_outside_cells_is_moved_before_the_table() {
        assert_eq!(
            body_shape("<table>说明<tr><td>数</td></tr></table>"),
            "<body>说明<table><tbody><tr><td>数</td></tr></tbody></table></body>"
        );
    }

    #[test]
    fn template_contents_are_not_in_the_tree() {
        let dom = Dom::parse("<body><template><p>模板</p></template><p>正文</p></body>");
        assert_eq!(dom.text_of(dom.root_element()), "正文");
        assert!(dom
            .nodes
            .iter()
            .any(|n| matches!(&n.data, NodeData::Text(t) if &**t == "模板")));
    }

    #[test]
    fn roles_come_from_the_lexicon() {
        let dom = Dom::parse("<a href=x>链接</a><br><h1>标题</h1><span>字</span>");
        let role_of = |tag: &str| {
            dom.nodes
                .iter()
                .find_map(|n| {
                    n.element()
                        .filter(|e| &*e.name.local == tag)
                        .map(|e| e.role)
                })
                .unwrap_or_else(|| panic!("no {tag}"))
        };
        assert!(role_of("a").has(TagRole::LINK));
        assert!(role_of("a").has(TagRole::NOT_ARTICLE));
        assert!(role_of("br").has(TagRole::LINE_BREAK));
        assert!(role_of("h1").has(TagRole::TITLE_HEADING));
        assert!(role_of("h1").has(TagRole::BLOCK));
        assert!(role_of("head").has(TagRole::SKIP));
        assert_eq!(role_of("span"), TagRole::NOT_ARTICLE);
        assert!(role_of("body").has(TagRole::BLOCK));
    }

    #[test]
    fn attributes_are_read_by_local_name() {
        let dom = Dom::parse(r#"<div id="zoom" class="TRS_Editor" ID="dup">正文</div>"#);
        let div = dom
            .nodes
            .iter()
            .find_map(|n| n.element().filter(|e| &*e.name.local == "div"))
            .unwrap();
        assert_eq!(div.attr("id"), Some("zoom"));
        assert_eq!(div.attr("class"), Some("TRS_Editor"));
        assert_eq!(div.attr("style"), None);
    }
}
