//! Ladder text as structure: the one place where Markdown in a ladder is interpreted.
//!
//! Ladder text fields are Markdown, but only a safe subset of it means anything: emphasis,
//! strong, strike-through, inline code, links to web pages, mail addresses or relative files,
//! and, in prose, paragraphs, lists, headings, quotes and code blocks. Everything else (raw
//! HTML, `javascript:` links, a bullet that happens to start with `#`) is kept as literal text.
//! comrak parses; this module turns its tree into [`Inline`] and [`Block`] values that every
//! exporter renders for its own medium, so no exporter ever pastes ladder text into markup.

use comrak::nodes::{ListType, NodeValue};
use comrak::{parse_document, Arena, Options};
use serde::Serialize;

/// A run of inline text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Inline {
    /// Literal text, shown as is (also raw HTML and unsafe links, as their characters).
    Text {
        /// The characters, never interpreted as markup by any exporter.
        text: String,
    },
    /// Emphasis (`*own*`), usually italic.
    Emph {
        /// The emphasized runs.
        children: Vec<Inline>,
    },
    /// Strong emphasis (`**own**`), usually bold.
    Strong {
        /// The strong runs.
        children: Vec<Inline>,
    },
    /// Struck-through text (`~~old~~`).
    Strike {
        /// The struck runs.
        children: Vec<Inline>,
    },
    /// Inline code (`` `main` ``), in a monospace font.
    Code {
        /// The code, verbatim.
        text: String,
    },
    /// A link to a web page, a mail address or a relative file (see [`is_safe_url`]).
    Link {
        /// The address, as written (`https://…`, `mailto:…`, `../handbook.md`).
        url: String,
        /// The link's text.
        children: Vec<Inline>,
    },
    /// An image, with an address that passed [`is_safe_url`].
    Image {
        /// The image's address, as written.
        url: String,
        /// The alternative text, for outputs that show no images.
        alt: String,
    },
    /// A hard line break within a paragraph.
    Break,
}

/// A block of prose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Block {
    /// A paragraph; also the literal source lines of anything the safe subset does not cover
    /// (HTML blocks, tables).
    Paragraph {
        /// The paragraph's text.
        children: Vec<Inline>,
    },
    /// A heading within prose.
    Heading {
        /// Its Markdown level, 1 (`#`) to 6 (`######`).
        level: u8,
        /// The heading's text.
        children: Vec<Inline>,
    },
    /// A bulleted or numbered list.
    List {
        /// Whether the items are numbered.
        ordered: bool,
        /// The first item's number, for a numbered list (1 unless the source starts elsewhere).
        start: usize,
        /// The items, each its own blocks.
        items: Vec<Vec<Block>>,
    },
    /// A block quote (`> …`).
    Quote {
        /// The quoted blocks.
        children: Vec<Block>,
    },
    /// A code block, fenced or indented.
    Code {
        /// The code, verbatim, with its trailing newline.
        text: String,
    },
    /// A thematic break (`---`): a horizontal line.
    Rule,
}

fn options() -> Options<'static> {
    let mut options = Options::default();
    options.extension.strikethrough = true;
    options
}

/// Parses a one-line field (an expectation, a headline). Text that is not a single paragraph
/// of Markdown (it starts with `#`, `- `, `>`, `<div>` ...) is taken literally, whole.
pub fn inline(text: &str) -> Vec<Inline> {
    let text = text.trim();
    if text.is_empty() {
        return Vec::new();
    }
    let arena = Arena::new();
    let root = parse_document(&arena, text, &options());
    let mut children = root.children();
    match (children.next(), children.next()) {
        (Some(only), None) if matches!(only.data().value, NodeValue::Paragraph) => inlines_of(only),
        _ => vec![Inline::Text {
            text: text.to_owned(),
        }],
    }
}

/// Parses a prose field (a summary, a description, a section body) into blocks.
pub fn blocks(text: &str) -> Vec<Block> {
    let arena = Arena::new();
    let root = parse_document(&arena, text, &options());
    let lines: Vec<&str> = text.lines().collect();
    root.children()
        .filter_map(|node| block_of(node, &lines))
        .collect()
}

/// The text a reader sees, without formatting; links keep their address in parentheses
/// when it differs from their text. For spreadsheets and plain-text search.
pub fn plain(inlines: &[Inline]) -> String {
    let mut out = String::new();
    push_plain(inlines, &mut out);
    out
}

/// [`plain`] of a one-line Markdown field.
pub fn plain_text(text: &str) -> String {
    plain(&inline(text))
}

/// The plain text of prose: paragraphs separated by blank lines, list items by `•`.
pub fn plain_blocks(blocks: &[Block]) -> String {
    let mut paragraphs = Vec::new();
    for block in blocks {
        match block {
            Block::Paragraph { children } | Block::Heading { children, .. } => {
                paragraphs.push(plain(children))
            }
            Block::List {
                ordered,
                start,
                items,
            } => {
                let lines: Vec<String> = items
                    .iter()
                    .enumerate()
                    .map(|(index, item)| {
                        let marker = if *ordered {
                            format!("{}.", start + index)
                        } else {
                            String::from("•")
                        };
                        format!("{marker} {}", plain_blocks(item).replace("\n\n", " "))
                    })
                    .collect();
                paragraphs.push(lines.join("\n"));
            }
            Block::Quote { children } => paragraphs.push(plain_blocks(children)),
            Block::Code { text } => paragraphs.push(text.trim_end().to_owned()),
            Block::Rule => {}
        }
    }
    paragraphs.join("\n\n")
}

fn push_plain(inlines: &[Inline], out: &mut String) {
    for inline in inlines {
        match inline {
            Inline::Text { text } | Inline::Code { text } => out.push_str(text),
            Inline::Emph { children }
            | Inline::Strong { children }
            | Inline::Strike { children } => push_plain(children, out),
            Inline::Link { url, children } => {
                let text = plain(children);
                out.push_str(&text);
                if &text != url && !url.starts_with('#') {
                    out.push_str(&format!(" ({url})"));
                }
            }
            Inline::Image { alt, .. } => out.push_str(alt),
            Inline::Break => out.push('\n'),
        }
    }
}

/// Web, mail and relative links are live; any other scheme (`javascript:`, `data:`, `file:`)
/// is not a link a ladder needs, and is shown as text.
pub fn is_safe_url(url: &str) -> bool {
    let url = url.trim();
    let scheme_end = url.find([':', '/', '?', '#']);
    match scheme_end {
        Some(end) if url[end..].starts_with(':') => {
            let scheme = url[..end].to_ascii_lowercase();
            matches!(scheme.as_str(), "http" | "https" | "mailto")
        }
        _ => !url.chars().any(char::is_control),
    }
}

fn inlines_of<'a>(node: &'a comrak::nodes::AstNode<'a>) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::new();
    for child in node.children() {
        let value = child.data().value.clone();
        let converted = match value {
            NodeValue::Text(text) => Some(Inline::Text {
                text: text.into_owned(),
            }),
            NodeValue::SoftBreak => Some(Inline::Text {
                text: String::from(" "),
            }),
            NodeValue::LineBreak => Some(Inline::Break),
            NodeValue::Code(code) => Some(Inline::Code { text: code.literal }),
            NodeValue::Emph => Some(Inline::Emph {
                children: inlines_of(child),
            }),
            NodeValue::Strong => Some(Inline::Strong {
                children: inlines_of(child),
            }),
            NodeValue::Strikethrough => Some(Inline::Strike {
                children: inlines_of(child),
            }),
            NodeValue::Link(link) if is_safe_url(&link.url) => Some(Inline::Link {
                url: link.url.clone(),
                children: inlines_of(child),
            }),
            NodeValue::Link(link) => Some(Inline::Text {
                text: format!("[{}]({})", plain(&inlines_of(child)), link.url),
            }),
            NodeValue::Image(link) if is_safe_url(&link.url) => Some(Inline::Image {
                url: link.url.clone(),
                alt: plain(&inlines_of(child)),
            }),
            NodeValue::Image(link) => Some(Inline::Text {
                text: format!("![{}]({})", plain(&inlines_of(child)), link.url),
            }),
            // Raw HTML is shown as the characters it is made of.
            NodeValue::HtmlInline(html) => Some(Inline::Text { text: html }),
            // Anything else the parser may produce: keep what it says.
            _ => {
                let children = inlines_of(child);
                (!children.is_empty()).then(|| Inline::Text {
                    text: plain(&children),
                })
            }
        };
        if let Some(inline) = converted {
            push_merged(&mut out, inline);
        }
    }
    out
}

/// Appends, merging neighbouring text runs so that "a", "<b>", "c" become one "a<b>c".
fn push_merged(out: &mut Vec<Inline>, inline: Inline) {
    if let (Some(Inline::Text { text: previous }), Inline::Text { text }) =
        (out.last_mut(), &inline)
    {
        previous.push_str(text);
        return;
    }
    out.push(inline);
}

fn block_of<'a>(node: &'a comrak::nodes::AstNode<'a>, lines: &[&str]) -> Option<Block> {
    let value = node.data().value.clone();
    Some(match value {
        NodeValue::Paragraph => Block::Paragraph {
            children: inlines_of(node),
        },
        NodeValue::Heading(heading) => Block::Heading {
            level: heading.level,
            children: inlines_of(node),
        },
        NodeValue::List(list) => Block::List {
            ordered: list.list_type == ListType::Ordered,
            start: list.start,
            items: node
                .children()
                .map(|item| {
                    item.children()
                        .filter_map(|child| block_of(child, lines))
                        .collect()
                })
                .collect(),
        },
        NodeValue::BlockQuote => Block::Quote {
            children: node
                .children()
                .filter_map(|child| block_of(child, lines))
                .collect(),
        },
        NodeValue::CodeBlock(code) => Block::Code {
            text: code.literal.clone(),
        },
        NodeValue::ThematicBreak => Block::Rule,
        // HTML blocks, tables and anything else: the source lines, as literal text.
        _ => {
            let position = node.data().sourcepos;
            let start = position.start.line.saturating_sub(1);
            let end = position.end.line.min(lines.len());
            let text = lines.get(start..end)?.join("\n");
            if text.trim().is_empty() {
                return None;
            }
            Block::Paragraph {
                children: vec![Inline::Text { text }],
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(text: &str) -> Inline {
        Inline::Text {
            text: text.to_owned(),
        }
    }

    #[test]
    fn emphasis_code_and_links_are_structure() {
        assert_eq!(
            inline("You *own* `main` and [docs](https://example.com)."),
            vec![
                text("You "),
                Inline::Emph {
                    children: vec![text("own")]
                },
                text(" "),
                Inline::Code {
                    text: String::from("main")
                },
                text(" and "),
                Inline::Link {
                    url: String::from("https://example.com"),
                    children: vec![text("docs")]
                },
                text("."),
            ]
        );
    }

    #[test]
    fn hostile_text_stays_literal() {
        for hostile in [
            "#read(\"/etc/passwd\")",
            "<script>alert(1)</script>",
            "| a | b |",
            "- not a list",
            "> not a quote",
            "=SUM(A1)",
            "$x$ @ref \\ ] _",
        ] {
            assert_eq!(plain(&inline(hostile)), hostile, "{hostile}");
        }
        assert_eq!(
            inline("[x](javascript:alert(1))"),
            vec![text("[x](javascript:alert(1))")]
        );
        assert_eq!(inline("a <b>bold</b> c"), vec![text("a <b>bold</b> c")]);
    }

    #[test]
    fn prose_keeps_paragraphs_lists_and_headings() {
        let parsed = blocks("One.\n\n* a\n* b\n\n#### Sub\n\n<div>x</div>\n");
        assert_eq!(parsed.len(), 4);
        assert!(
            matches!(&parsed[1], Block::List { items, ordered: false, .. } if items.len() == 2)
        );
        assert!(matches!(&parsed[2], Block::Heading { level: 4, .. }));
        assert_eq!(
            parsed[3],
            Block::Paragraph {
                children: vec![text("<div>x</div>")]
            }
        );
        assert_eq!(
            plain_blocks(&parsed),
            "One.\n\n• a\n• b\n\nSub\n\n<div>x</div>"
        );
    }

    #[test]
    fn only_web_mail_and_relative_links_are_safe() {
        for safe in [
            "https://a.b",
            "http://a",
            "mailto:x@y",
            "software-engineer.md#x",
            "#top",
        ] {
            assert!(is_safe_url(safe), "{safe}");
        }
        for unsafe_url in [
            "javascript:alert(1)",
            "JavaScript:x",
            "data:text/html,x",
            "file:///etc/passwd",
            "vbscript:x",
        ] {
            assert!(!is_safe_url(unsafe_url), "{unsafe_url}");
        }
    }
}
