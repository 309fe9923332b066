//! Writing Markdown: every document `ladder` writes in Markdown (handbooks, changelogs) is
//! built from these comrak nodes and written by comrak's formatter, so that text is escaped by
//! construction. It sits below the stages that write Markdown (the handbook exporter, `diff`).

use comrak::nodes::{
    AstNode, ListDelimType, ListType, NodeCode, NodeCodeBlock, NodeHeading, NodeLink, NodeList,
    NodeValue,
};
use comrak::{Anchorizer, Arena, Options};

use crate::markup::{self, Block, Inline};

/// A comrak node, living as long as the arena that holds it.
pub type Node<'a> = &'a AstNode<'a>;

/// Makes nodes in one arena.
pub struct Tree<'a> {
    /// The arena every node made by this tree is allocated in; it outlives the document.
    pub arena: &'a Arena<'a>,
}

impl<'a> Tree<'a> {
    /// A tree that makes its nodes in `arena`.
    pub fn new(arena: &'a Arena<'a>) -> Self {
        Tree { arena }
    }

    /// A new, empty document: the root to append a file's blocks to.
    pub fn document(&self) -> Node<'a> {
        self.node(NodeValue::Document)
    }

    /// A new node of any kind, not yet attached.
    pub fn node(&self, value: NodeValue) -> Node<'a> {
        self.arena.alloc(AstNode::from(value))
    }

    /// The document as Markdown text. comrak's formatter escapes what CommonMark reads as
    /// markup; what GitHub and mdBook read besides (`$` opens math on GitHub, `{{` an include in
    /// mdBook) is written as a character reference first, which every reader shows as the
    /// character and none interprets.
    pub fn format(&self, root: Node<'a>) -> anyhow::Result<String> {
        self.protect_beyond_commonmark(root);
        let mut out = String::new();
        comrak::format_commonmark(root, &options(), &mut out)
            .map_err(|_| anyhow::anyhow!("could not format the Markdown document"))?;
        Ok(out)
    }

    fn protect_beyond_commonmark(&self, root: Node<'a>) {
        let texts: Vec<Node<'a>> = root
            .descendants()
            .filter(|node| {
                matches!(&node.data().value, NodeValue::Text(text) if text.contains('$') || text.contains("{{"))
            })
            .collect();
        for node in texts {
            let text = match &node.data().value {
                NodeValue::Text(text) => text.to_string(),
                _ => continue,
            };
            let mut rest = text.as_str();
            while !rest.is_empty() {
                let dollar = rest.find('$');
                let braces = rest.find("{{");
                let (at, reference, skip) = match (dollar, braces) {
                    (Some(d), Some(b)) if b < d => (b, "&#123;", 1),
                    (Some(d), _) => (d, "&#36;", 1),
                    (None, Some(b)) => (b, "&#123;", 1),
                    (None, None) => (rest.len(), "", 0),
                };
                if at > 0 {
                    node.insert_before(self.text(&rest[..at]));
                }
                if skip > 0 {
                    node.insert_before(self.node(NodeValue::HtmlInline(reference.to_owned())));
                }
                rest = &rest[at + skip..];
            }
            node.detach();
        }
    }

    /// Literal text; [`Tree::format`] escapes whatever Markdown readers would take as markup.
    pub fn text(&self, text: impl Into<String>) -> Node<'a> {
        self.node(NodeValue::Text(text.into().into()))
    }

    /// Bold literal text (`**text**`).
    pub fn strong(&self, text: &str) -> Node<'a> {
        let strong = self.node(NodeValue::Strong);
        strong.append(self.text(text));
        strong
    }

    /// Emphasis (`*…*`) around the given nodes.
    pub fn emph(&self, children: Vec<Node<'a>>) -> Node<'a> {
        let emph = self.node(NodeValue::Emph);
        for child in children {
            emph.append(child);
        }
        emph
    }

    /// A link to `url` with the given nodes as its text.
    pub fn link(&self, url: &str, children: Vec<Node<'a>>) -> Node<'a> {
        let link = self.node(NodeValue::Link(Box::new(NodeLink {
            url: url.to_owned(),
            title: String::new(),
        })));
        for child in children {
            link.append(child);
        }
        link
    }

    /// Appends a paragraph of the given nodes to `parent` and returns it.
    pub fn paragraph(&self, parent: Node<'a>, children: Vec<Node<'a>>) -> Node<'a> {
        let paragraph = self.node(NodeValue::Paragraph);
        for child in children {
            paragraph.append(child);
        }
        parent.append(paragraph);
        paragraph
    }

    /// Appends a heading and returns its GitHub anchor, given the anchorizer of its file.
    pub fn heading(
        &self,
        parent: Node<'a>,
        level: u8,
        text: &str,
        anchorizer: &mut Anchorizer,
    ) -> String {
        let heading = self.node(NodeValue::Heading(NodeHeading {
            level,
            setext: false,
            closed: false,
        }));
        heading.append(self.text(text));
        parent.append(heading);
        anchorizer.anchorize(text)
    }

    /// Appends a raw HTML block (`<details>`), its text as given: callers escape what they
    /// put in it.
    pub fn html_block(&self, parent: Node<'a>, html: &str) {
        let block = self.node(NodeValue::HtmlBlock(comrak::nodes::NodeHtmlBlock {
            block_type: 6,
            literal: format!("{html}\n"),
        }));
        parent.append(block);
    }

    /// Appends a tight `-` list to `parent`, one item (a paragraph) per entry of `items`.
    pub fn bullet_list(&self, parent: Node<'a>, items: Vec<Vec<Node<'a>>>) {
        let items = items.into_iter().map(|item| (item, Vec::new())).collect();
        self.nested_bullet_list(parent, items);
    }

    /// Appends a tight `-` list to `parent`: per entry, an item (a paragraph) and, when the
    /// entry has any, a tight list of sub-items nested in it (an expectation's examples).
    pub fn nested_bullet_list(
        &self,
        parent: Node<'a>,
        items: Vec<(Vec<Node<'a>>, Vec<Vec<Node<'a>>>)>,
    ) {
        let list_value = NodeList {
            list_type: ListType::Bullet,
            marker_offset: 0,
            padding: 2,
            start: 1,
            delimiter: ListDelimType::Period,
            bullet_char: b'-',
            tight: true,
            is_task_list: false,
        };
        let list = self.node(NodeValue::List(list_value));
        for (children, nested) in items {
            let item = self.node(NodeValue::Item(list_value));
            self.paragraph(item, children);
            if !nested.is_empty() {
                self.bullet_list(item, nested);
            }
            list.append(item);
        }
        parent.append(list);
    }

    /// Ladder inline Markdown as comrak nodes.
    pub fn inlines(&self, inlines: &[Inline]) -> Vec<Node<'a>> {
        inlines.iter().map(|inline| self.inline(inline)).collect()
    }

    /// One run of ladder inline Markdown as a comrak node.
    pub fn inline(&self, inline: &Inline) -> Node<'a> {
        let with_children = |value: NodeValue, children: &[Inline]| {
            let node = self.node(value);
            for child in self.inlines(children) {
                node.append(child);
            }
            node
        };
        match inline {
            Inline::Text { text } => self.text(text.as_str()),
            Inline::Emph { children } => with_children(NodeValue::Emph, children),
            Inline::Strong { children } => with_children(NodeValue::Strong, children),
            Inline::Strike { children } => with_children(NodeValue::Strikethrough, children),
            Inline::Code { text } => self.node(NodeValue::Code(NodeCode {
                num_backticks: 1,
                literal: text.clone(),
            })),
            Inline::Link { url, children } => {
                let link = NodeLink {
                    url: url.clone(),
                    title: String::new(),
                };
                with_children(NodeValue::Link(Box::new(link)), children)
            }
            Inline::Image { url, alt } => {
                let image = self.node(NodeValue::Image(Box::new(NodeLink {
                    url: url.clone(),
                    title: String::new(),
                })));
                image.append(self.text(alt.as_str()));
                image
            }
            Inline::Break => self.node(NodeValue::LineBreak),
        }
    }

    /// Ladder prose as comrak blocks; its headings are shifted below `base_level`.
    pub fn blocks(&self, parent: Node<'a>, blocks: &[Block], base_level: u8) {
        for block in blocks {
            match block {
                Block::Paragraph { children } => {
                    self.paragraph(parent, self.inlines(children));
                }
                Block::Heading { level, children } => {
                    let heading = self.node(NodeValue::Heading(NodeHeading {
                        level: (base_level + level).min(6),
                        setext: false,
                        closed: false,
                    }));
                    for child in self.inlines(children) {
                        heading.append(child);
                    }
                    parent.append(heading);
                }
                Block::List {
                    ordered,
                    start,
                    items,
                } => {
                    let list_value = NodeList {
                        list_type: if *ordered {
                            ListType::Ordered
                        } else {
                            ListType::Bullet
                        },
                        marker_offset: 0,
                        padding: if *ordered { 3 } else { 2 },
                        start: *start,
                        delimiter: ListDelimType::Period,
                        bullet_char: b'-',
                        tight: items.iter().all(|item| item.len() <= 1),
                        is_task_list: false,
                    };
                    let list = self.node(NodeValue::List(list_value));
                    for item_blocks in items {
                        let item = self.node(NodeValue::Item(list_value));
                        self.blocks(item, item_blocks, base_level);
                        list.append(item);
                    }
                    parent.append(list);
                }
                Block::Quote { children } => {
                    let quote = self.node(NodeValue::BlockQuote);
                    self.blocks(quote, children, base_level);
                    parent.append(quote);
                }
                Block::Code { text } => {
                    parent.append(self.node(NodeValue::CodeBlock(Box::new(NodeCodeBlock {
                        fenced: true,
                        fence_char: b'`',
                        fence_length: 3,
                        fence_offset: 0,
                        info: String::new(),
                        literal: text.clone(),
                        closed: true,
                    }))));
                }
                Block::Rule => parent.append(self.node(NodeValue::ThematicBreak)),
            }
        }
    }

    /// Appends prose written in Markdown (a description, a summary) to `parent`, parsed through
    /// [`markup::blocks`] so that only the safe subset is kept; headings shift below
    /// `base_level`.
    pub fn prose(&self, parent: Node<'a>, text: &str, base_level: u8) {
        self.blocks(parent, &markup::blocks(text), base_level);
    }

    /// A table cell holding the given nodes, to append to a table row.
    pub fn cell(&self, children: Vec<Node<'a>>) -> Node<'a> {
        let cell = self.node(NodeValue::TableCell);
        for child in children {
            cell.append(child);
        }
        cell
    }
}

/// The comrak options every Markdown file is written (and read back) with: GFM tables and
/// strike-through, nothing else.
pub fn options() -> Options<'static> {
    let mut options = Options::default();
    options.extension.table = true;
    options.extension.strikethrough = true;
    options.render.width = 0;
    options
}
