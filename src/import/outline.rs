//! Documents as an outline: headings, paragraphs, `**Key**: value` lines, lists and tables, each
//! with its line. Markdown is read with comrak, HTML (whole pages, or raw HTML inside Markdown)
//! with html5ever through `scraper`; both give the same outline, which [`super::interpret`]
//! turns into a ladder. No regular expressions over markup.

use comrak::nodes::{AstNode, NodeValue};
use comrak::{parse_document, Arena, Options};
use std::collections::HashSet;

use scraper::{ElementRef, Html, Node};

/// One block of a document's outline, with the line it starts at so that what cannot be
/// imported is reported where it is.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A heading (`#` … `######`, `<h1>` … `<h6>`).
    Heading {
        /// Its level, 1 to 6.
        level: u8,
        /// Its text, without the `#` marks or tags.
        text: String,
        /// The 1-based source line it starts at (for HTML, the line of the HTML's start).
        line: usize,
    },
    /// A paragraph, as Markdown (verbatim from a Markdown source).
    Paragraph {
        /// The paragraph, as Markdown.
        text: String,
        /// The 1-based source line it starts at.
        line: usize,
    },
    /// `**Key**: value` or `**Key:** value`.
    KeyValue {
        /// The bold label, without its colon (`Management Equivalent`).
        key: String,
        /// What follows the label, as Markdown.
        value: String,
        /// The 1-based source line of the labelled line.
        line: usize,
    },
    /// A bulleted or numbered list, nested lists kept as children of their items.
    List {
        /// The top-level items, in order.
        items: Vec<Item>,
        /// The 1-based source line the list starts at.
        line: usize,
    },
    /// A table, header rows included, with HTML `rowspan` and `colspan` expanded.
    Table {
        /// The rows, top first, each its cells left to right.
        rows: Vec<Vec<Cell>>,
        /// The 1-based source line the table starts at.
        line: usize,
    },
}

impl Block {
    /// The 1-based source line the block starts at, whatever its kind.
    pub fn line(&self) -> usize {
        match self {
            Block::Heading { line, .. }
            | Block::Paragraph { line, .. }
            | Block::KeyValue { line, .. }
            | Block::List { line, .. }
            | Block::Table { line, .. } => *line,
        }
    }

    /// Moves the block down by `lines`: a block read from a piece of a document (an indented
    /// list re-read as Markdown) keeps its place in the whole.
    fn shift_line(&mut self, lines: usize) {
        match self {
            Block::Heading { line, .. }
            | Block::Paragraph { line, .. }
            | Block::KeyValue { line, .. }
            | Block::List { line, .. }
            | Block::Table { line, .. } => *line += lines,
        }
    }
}

/// A list item.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// The item's own text, as Markdown.
    pub text: String,
    /// The items of a list nested in this one, in order.
    pub children: Vec<Item>,
}

/// A table cell.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Cell {
    /// The cell's text, as Markdown, on one line, or a line per line the cell breaks with
    /// `<br>` in HTML (an empty cell is an empty string).
    pub text: String,
    /// Block content of an HTML cell (headings and lists inside a `<td>`).
    pub blocks: Vec<Block>,
    /// Whether it is a header cell (`<th>`, or a Markdown table's first row).
    pub header: bool,
    /// Whether it is a copy of a cell spanning several columns or rows (`colspan`,
    /// `rowspan`, merged cells), not a cell of its own.
    pub spanned: bool,
}

/// A table's text as written, a line per row, cells separated by ` | ` (a table kept as
/// prose).
pub fn table_text<R: AsRef<[Cell]>>(rows: &[R]) -> String {
    rows.iter()
        .map(|row| {
            row.as_ref()
                .iter()
                .map(|cell| cell.text.clone())
                .collect::<Vec<_>>()
                .join(" | ")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The outline of a Markdown document, and its YAML front matter if it has one.
pub fn markdown(text: &str) -> (Option<String>, Vec<Block>) {
    let arena = Arena::new();
    let mut options = Options::default();
    options.extension.table = true;
    options.extension.strikethrough = true;
    options.extension.front_matter_delimiter = Some(String::from("---"));
    let yaml_front = toml_front_matter_as_yaml(text);
    let text = yaml_front.as_deref().unwrap_or(text);
    let plain_markdown = site_syntax_as_markdown(text);
    let text = plain_markdown.as_deref().unwrap_or(text);
    let without_html = with_markdown_for_inline_html(text, &options);
    let text = without_html.as_deref().unwrap_or(text);
    let inlined = with_inline_links(text, &options);
    let text = inlined.as_deref().unwrap_or(text);
    let root = parse_document(&arena, text, &options);
    let lines: Vec<&str> = text.lines().collect();
    let mut front_matter = None;
    let mut blocks = Vec::new();
    // Raw HTML split by blank lines (a table with an empty line between its rows) is several
    // HTML blocks to Markdown but one piece of HTML to its author: they are read together.
    let mut html: Option<(String, usize)> = None;
    for node in root.children() {
        if let NodeValue::FrontMatter(raw) = &node.data().value {
            let inner = raw.trim().trim_start_matches("---").trim_end_matches("---");
            front_matter = Some(inner.trim_matches('\n').to_owned());
            continue;
        }
        if let NodeValue::HtmlBlock(block) = &node.data().value {
            let line = node.data().sourcepos.start.line;
            let (text, _) = html.get_or_insert_with(|| (String::new(), line));
            text.push_str(&block.literal);
            text.push('\n');
            continue;
        }
        if let Some((text, line)) = html.take() {
            blocks.append(&mut html_fragment(&text, line));
        }
        markdown_block(node, &lines, &mut blocks);
    }
    if let Some((text, line)) = html.take() {
        blocks.append(&mut html_fragment(&text, line));
    }
    summaries_as_headings(&mut blocks);
    (front_matter, blocks)
}

/// Whether a paragraph is only a site generator's directives (`{{% include "…" %}}`,
/// `{{< figure … >}}`, `{% include … %}`), one per line: what the site puts there is in
/// another file, and the directive is no text of the ladder.
fn is_template_directive(text: &str) -> bool {
    let directive = |line: &str| {
        let line = line.trim();
        [("{{", "}}"), ("{%", "%}")]
            .iter()
            .any(|(open, close)| line.starts_with(open) && line.ends_with(close))
    };
    !text.trim().is_empty()
        && text
            .lines()
            .all(|line| line.trim().is_empty() || directive(line))
}

/// Whether a line of a paragraph is markup of a site generator alone: a directive
/// (`{{< hint info >}}`, `{{% /details %}}`, `{% endraw %}`) or kramdown's attribute list
/// (`{: #id }`, `{: .no_toc }`).
fn is_markup_line(line: &str) -> bool {
    let line = line.trim();
    let kramdown = line.starts_with("{:") && line.ends_with('}');
    kramdown || is_template_directive(line)
}

/// Whether a quote's line is a GitHub alert's marker (`> [!NOTE]`, `> [!TIP]`,
/// `> [!WARNING]`).
fn is_alert_marker(line: &str) -> bool {
    let marker = line.trim().trim_start_matches('>').trim();
    marker
        .strip_prefix("[!")
        .and_then(|rest| rest.strip_suffix(']'))
        .is_some_and(|word| {
            matches!(
                word.to_ascii_uppercase().as_str(),
                "NOTE" | "TIP" | "IMPORTANT" | "WARNING" | "CAUTION"
            )
        })
}

/// The syntax documentation sites add to Markdown, as the plain Markdown a reader of the site
/// sees, line for line; `None` when the text has none:
///
/// - MkDocs' admonitions (`!!! info "Gültigkeit"`, `??? question "…"`) and content tabs
///   (`=== "Fachlich"`), whose content is indented four spaces: the title a bold line (a tab's
///   a heading one deeper than the heading it is under: a tab names an area of the section),
///   the content unindented; `[TOC]` left out;
/// - Docusaurus' admonitions (`:::tip Using this page` … `:::`): the title a bold line, the
///   fences left out;
/// - footnotes (`text.[^1]`, `[^1]: the note`): the marks left out, each note a paragraph of
///   its own where it is written (Markdown without footnotes would read the note as a link's
///   definition, and lose it).
fn site_syntax_as_markdown(text: &str) -> Option<String> {
    let mut out: Vec<String> = Vec::new();
    let mut changed = false;
    let mut fenced = false;
    let mut heading_depth = 0usize;
    // The indentation of an admonition's or a tab's content while inside one.
    let mut unindent: Option<usize> = None;
    // Whether the lines above are a definition list's definitions, inside an Obsidian callout,
    // or inside an Obsidian comment.
    let mut in_definitions = false;
    let mut callout: Option<(String, Vec<String>)> = None;
    let mut in_comment = false;
    // The last line holding `%%`: a comment opened after it is never closed, and is text (an
    // unclosed `%%` hiding the rest of the page would lose it).
    let last_marks = text
        .lines()
        .enumerate()
        .filter(|(_, line)| line.contains("%%"))
        .map(|(index, _)| index)
        .last();
    for (index, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fenced = !fenced;
        }
        if fenced {
            out.push(line.to_owned());
            continue;
        }
        let indent = line.len() - trimmed.len();
        if let Some(inner) = unindent {
            if trimmed.is_empty() {
                out.push(String::new());
                continue;
            }
            if indent >= inner {
                out.push(inline_site_syntax_as_markdown(&line[inner..]).0);
                changed = true;
                continue;
            }
            unindent = None;
        }
        if indent == 0 && line.starts_with('#') {
            heading_depth = line.chars().take_while(|c| *c == '#').count();
        }
        if let Some((kind, title)) = mkdocs_block(trimmed) {
            changed = true;
            unindent = Some(indent + 4);
            let title = title.unwrap_or_default();
            out.push(match kind {
                '=' if !title.is_empty() => {
                    format!("{} {title}", "#".repeat((heading_depth + 1).clamp(1, 6)))
                }
                _ if !title.is_empty() => format!("**{title}**"),
                _ => String::new(),
            });
            continue;
        }
        if indent == 0 && trimmed.trim_end() == "[TOC]" {
            changed = true;
            out.push(String::new());
            continue;
        }
        if let Some(fence) = trimmed.strip_prefix(":::") {
            // (`:::note`, `:::tip Title`, `:::`: a kind word, if any, first, then the title.)
            let fence = fence.trim_start_matches(':');
            let (kind, title) = fence.split_once(' ').unwrap_or((fence, ""));
            let title = title.trim();
            if indent < 4 && kind.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
                changed = true;
                out.push(if title.is_empty() {
                    String::new()
                } else {
                    format!("**{title}**")
                });
                continue;
            }
        }
        // Obsidian's comments (`%% … %%`, over lines too) are the editor's, not the page's.
        let opens_comment = trimmed.starts_with("%%")
            && (trimmed[2..].contains("%%") || last_marks.is_some_and(|last| last > index));
        if in_comment || opens_comment {
            let closes = if in_comment {
                trimmed.contains("%%")
            } else {
                trimmed[2..].contains("%%")
            };
            in_comment = !closes;
            changed = true;
            continue;
        }
        // An Obsidian callout with a title (`> [!abstract] Craft` over `> - …` lines): its
        // title a bold label over what it holds, unquoted, as a bold label over a list reads.
        // (One that holds no list, a note, stays a quote: a level's note, not its list.)
        if let Some(title) = callout_title(line).filter(|_| indent < 4) {
            out.extend(callout.take().map(callout_as_markdown).unwrap_or_default());
            callout = Some((title.to_owned(), Vec::new()));
            changed = true;
            continue;
        }
        if let Some((_, lines)) = &mut callout {
            if let Some(inner) = trimmed.strip_prefix('>') {
                let inner = inner.strip_prefix(' ').unwrap_or(inner);
                lines.push(inline_site_syntax_as_markdown(inner).0);
                continue;
            }
            out.extend(callout.take().map(callout_as_markdown).unwrap_or_default());
        }
        // A definition list (`Term` over `:   definition` lines, as PHP Markdown Extra, MkDocs
        // and Pandoc write one): the term a bold label over a list of its definitions, as a
        // page's `<dl>` reads.
        if let Some(definition) = definition_of(trimmed).filter(|_| indent < 4) {
            let term_at = out.iter().rposition(|line| !line.trim().is_empty());
            let opens = term_at.filter(|&at| {
                !in_definitions
                    && is_term_line(&out[at])
                    && (at == 0 || out[at - 1].trim().is_empty())
            });
            if let Some(at) = opens {
                out[at] = format!("**{}**", out[at].trim());
                out.truncate(at + 1);
                out.push(String::new());
            }
            if opens.is_some() || in_definitions {
                in_definitions = true;
                changed = true;
                out.push(format!(
                    "- {}",
                    inline_site_syntax_as_markdown(definition).0
                ));
                continue;
            }
        }
        if !(trimmed.is_empty() || in_definitions && indent > 0) {
            in_definitions = false;
        }
        let (plain, rewritten) = inline_site_syntax_as_markdown(line);
        changed |= rewritten;
        out.push(plain);
    }
    out.extend(callout.take().map(callout_as_markdown).unwrap_or_default());
    changed.then(|| {
        let mut joined = out.join("\n");
        if text.ends_with('\n') {
            joined.push('\n');
        }
        joined
    })
}

/// A definition list's definition line (`:   text`), as its text.
fn definition_of(line: &str) -> Option<&str> {
    let rest = line.strip_prefix(':')?;
    rest.starts_with([' ', '\t'])
        .then(|| rest.trim())
        .filter(|text| !text.is_empty())
}

/// Whether a line can be a definition list's term: a line of text, not a heading, a list's
/// item, a table's row, a quote or markup.
fn is_term_line(line: &str) -> bool {
    let line = line.trim();
    !line.is_empty()
        && line.chars().count() <= MAX_TERM_CHARS
        && !line.starts_with(['#', '-', '*', '+', '|', '>', '<', '`', ':', '!', '['])
        && !line.starts_with(|c: char| c.is_ascii_digit())
}

/// The longest a definition list's term may be: longer, it is a sentence.
const MAX_TERM_CHARS: usize = 120;

/// An MkDocs admonition's or content tab's opening line (`!!! note "Title"`, `???+ tip`,
/// `=== "Tab"`): its mark's first character and its title (quoted; an admonition without one
/// is titled by nothing).
fn mkdocs_block(line: &str) -> Option<(char, Option<String>)> {
    let (mark, rest) = ["???+ ", "??? ", "!!! ", "=== "]
        .iter()
        .find_map(|mark| line.strip_prefix(mark).map(|rest| (*mark, rest.trim())))?;
    let quoted = |text: &str| -> Option<String> {
        let start = text.find('"')?;
        let end = text.rfind('"').filter(|end| *end > start)?;
        Some(text[start + 1..end].trim().to_owned())
    };
    if mark == "=== " {
        // A tab's title is quoted and is all the line holds.
        return (rest.starts_with('"') && rest.ends_with('"') && rest.len() > 2)
            .then(|| ('=', quoted(rest)));
    }
    // `!!! note`, `!!! note "Title"`, `!!! note inline end "Title"`: a kind word first.
    let kind = rest.split_whitespace().next()?;
    kind.chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        .then(|| (mark.chars().next().unwrap_or('!'), quoted(rest)))
}

/// A line's footnote marks and Hugo references as the Markdown a reader sees (see
/// [`without_footnote_marks`], [`hugo_references_as_paths`]); whether it had any.
fn inline_site_syntax_as_markdown(line: &str) -> (String, bool) {
    let (footnoted, noted) = without_footnote_marks(line);
    let (referred, referring) = hugo_references_as_paths(&footnoted);
    let (linked, wiki) = wiki_links_as_text(&referred);
    // (Obsidian's block ids end a line: `… to D4. ^changelog-d4`.)
    let block_id = linked.rsplit_once(" ^").filter(|(_, id)| {
        !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    });
    match block_id {
        Some((text, _)) => (text.to_owned(), true),
        None => (linked, noted || referring || wiki),
    }
}

/// A line with Obsidian's and wikis' links (`[[Design Critique]]`, `[[Promotion process|the
/// promotion process]]`) as the words they show, and embeds (`![[diagram.png|600]]`) left
/// out; whether it had any.
fn wiki_links_as_text(line: &str) -> (String, bool) {
    if !line.contains("[[") {
        return (line.to_owned(), false);
    }
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    let mut found = false;
    while let Some(at) = rest.find("[[") {
        let after = &rest[at + 2..];
        let Some(end) = after
            .find("]]")
            .filter(|&end| end > 0 && !after[..end].contains('['))
        else {
            out.push_str(&rest[..at + 2]);
            rest = after;
            continue;
        };
        let inner = &after[..end];
        let embed = rest[..at].ends_with('!');
        out.push_str(if embed { &rest[..at - 1] } else { &rest[..at] });
        if !embed {
            let shown = inner.rsplit_once('|').map_or(inner, |(_, alias)| alias);
            // (`[[Page#Heading]]` shows the page and the heading.)
            out.push_str(&shown.replace('#', " > "));
        }
        rest = &after[end + 2..];
        found = true;
    }
    out.push_str(rest);
    (out, found)
}

/// An Obsidian callout (its title and its lines, unquoted) as Markdown: a bold title over what
/// it holds where it holds a list, else a quote that opens with its bold title.
fn callout_as_markdown((title, lines): (String, Vec<String>)) -> Vec<String> {
    let listed = lines.iter().any(|line| {
        let line = line.trim_start();
        line.starts_with(['-', '*', '+']) && line[1..].starts_with(' ')
            || line.split_once(['.', ')']).is_some_and(|(number, rest)| {
                !number.is_empty()
                    && number.bytes().all(|b| b.is_ascii_digit())
                    && rest.starts_with(' ')
            })
    });
    let mut out = Vec::with_capacity(lines.len() + 3);
    if listed {
        out.push(format!("**{title}**"));
        out.push(String::new());
        out.extend(lines);
    } else {
        out.push(format!("> **{title}**"));
        out.push(">".to_owned());
        out.extend(lines.into_iter().map(|line| format!("> {line}")));
    }
    out.push(String::new());
    out
}

/// An Obsidian callout's opening line (`> [!abstract] Craft`, `> [!tip]- Folded`) with a
/// title: the title. (A GitHub alert, `> [!NOTE]`, has none and stays a quote.)
fn callout_title(line: &str) -> Option<&str> {
    let rest = line
        .trim_start()
        .strip_prefix('>')?
        .trim_start()
        .strip_prefix("[!")?;
    let (kind, title) = rest.split_once(']')?;
    let title = title.trim_start_matches(['+', '-']).trim();
    (!kind.is_empty()
        && kind
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
        && !title.is_empty())
    .then_some(title)
}

/// A line with Hugo's references (`{{< ref "/careers/em" >}}`, `{{< relref "x.md" >}}`, in a
/// link's target) as the paths they name; whether it had any.
fn hugo_references_as_paths(line: &str) -> (String, bool) {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    let mut found = false;
    while let Some(at) = rest.find("{{") {
        let after = &rest[at + 2..];
        let inner = after
            .find("}}")
            .map(|end| (&after[..end], &after[end + 2..]))
            .filter(|(inner, _)| {
                let inner = inner.trim_matches(['<', '>', '%', ' ']);
                inner.starts_with("ref ") || inner.starts_with("relref ")
            });
        match inner {
            Some((inner, next)) => {
                let inner = inner.trim_matches(['<', '>', '%', ' ']);
                let path = inner
                    .split_once(' ')
                    .map_or("", |(_, path)| path.trim().trim_matches('"'));
                out.push_str(&rest[..at]);
                out.push_str(path);
                rest = next;
                found = true;
            }
            None => {
                out.push_str(&rest[..at + 2]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    (out, found)
}

/// A line without its footnote marks (`…in 2024.[^1]`), and a footnote's definition
/// (`[^1]: The note.`) as its text; whether there were any.
fn without_footnote_marks(line: &str) -> (String, bool) {
    let trimmed = line.trim_start();
    if let Some(rest) = trimmed.strip_prefix("[^") {
        if let Some((label, note)) = rest.split_once("]:") {
            if !label.is_empty() && !label.contains([' ', ']']) {
                return (note.trim().to_owned(), true);
            }
        }
    }
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    let mut found = false;
    while let Some(at) = rest.find("[^") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 2..];
        match after.find(']') {
            Some(end) if end > 0 && !after[..end].contains([' ', '[']) => {
                found = true;
                rest = &after[end + 1..];
            }
            _ => {
                out.push_str("[^");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    (out, found)
}

/// TOML front matter (`+++` … `+++`, as Hugo writes it) as the YAML front matter it means,
/// line for line: its top-level `key = value` pairs become `key: value` (TOML's strings,
/// numbers and arrays of them are YAML too); its tables (`[params]`) and what follows are left
/// out. `None` when the text does not open with it.
fn toml_front_matter_as_yaml(text: &str) -> Option<String> {
    let mut lines = text.lines();
    if lines.next()?.trim_end() != "+++" {
        return None;
    }
    let end = text
        .lines()
        .skip(1)
        .position(|line| line.trim_end() == "+++")?
        + 1;
    let mut out = vec![String::from("---")];
    let mut in_table = false;
    for line in text.lines().skip(1).take(end - 1) {
        let trimmed = line.trim();
        in_table |= trimmed.starts_with('[') && !trimmed.contains('=');
        let pair = trimmed
            .split_once('=')
            .filter(|(key, _)| !in_table && !key.trim().is_empty() && !key.contains('"'));
        out.push(match pair {
            Some((key, value)) => format!("{}: {}", key.trim(), value.trim()),
            None => String::new(),
        });
    }
    out.push(String::from("---"));
    out.extend(text.lines().skip(end + 1).map(str::to_owned));
    Some(out.join("\n"))
}

/// One change to a line of a document: the byte range replaced, and by what.
type LineEdit = (usize, std::ops::Range<usize>, String);

/// `text` with `edits` (in document order, none overlapping) made.
fn edited(text: &str, edits: Vec<LineEdit>) -> String {
    let mut out: Vec<String> = text.lines().map(str::to_owned).collect();
    // From the last edit back, so that earlier ranges on a line stay where they were.
    for (index, range, replacement) in edits.into_iter().rev() {
        if let Some(line) = out.get_mut(index) {
            if line.get(range.clone()).is_some() {
                line.replace_range(range, &replacement);
            }
        }
    }
    let mut joined = out.join("\n");
    if text.ends_with('\n') {
        joined.push('\n');
    }
    joined
}

/// Where an inline node is written: its line's index and its byte range there, when it is on
/// one line.
fn written_at(node: &AstNode, lines: &[&str]) -> Option<(usize, std::ops::Range<usize>)> {
    let position = node.data().sourcepos;
    if position.start.line != position.end.line || position.start.line == 0 {
        return None;
    }
    let index = position.start.line - 1;
    let range = position.start.column.saturating_sub(1)..position.end.column;
    lines.get(index)?.get(range.clone())?;
    Some((index, range))
}

/// The document with the HTML tags written inside its Markdown text (`<a href="…">`, `<b>`,
/// `<br>`) as the Markdown they stand for (`[…](…)`, `**`, a space); tags that only style
/// (`<span>`, `<sup>`) dropped, their text kept. `None` when it has none. Raw HTML blocks are
/// read as HTML elsewhere; this is the HTML inside a paragraph or a list item.
fn with_markdown_for_inline_html(text: &str, options: &Options) -> Option<String> {
    const STYLING: &[&str] = &[
        "span", "font", "sup", "sub", "u", "mark", "small", "big", "abbr", "ins", "kbd", "s",
    ];
    let arena = Arena::new();
    let root = parse_document(&arena, text, options);
    let lines: Vec<&str> = text.lines().collect();
    let mut edits: Vec<LineEdit> = Vec::new();
    // The targets of the `<a>` tags open at this point.
    let mut anchors: Vec<Option<String>> = Vec::new();
    for node in root.descendants() {
        let NodeValue::HtmlInline(tag) = &node.data().value else {
            continue;
        };
        let Some((index, range)) = written_at(node, &lines) else {
            continue;
        };
        let closing = tag.starts_with("</");
        let name: String = tag
            .trim_start_matches(['<', '/'])
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        let replacement = match (name.as_str(), closing) {
            ("a", false) => {
                let fragment = Html::parse_fragment(tag);
                let href = fragment
                    .root_element()
                    .descendants()
                    .filter_map(ElementRef::wrap)
                    .find_map(|element| element.value().attr("href").map(str::to_owned));
                let opening = if href.is_some() { "[" } else { "" };
                anchors.push(href);
                opening.to_owned()
            }
            ("a", true) => match anchors.pop().flatten() {
                Some(href) if href.contains([' ', '(', ')']) => format!("](<{href}>)"),
                Some(href) => format!("]({href})"),
                None => String::new(),
            },
            ("b" | "strong", _) => String::from("**"),
            ("i" | "em", _) => String::from("*"),
            ("code", _) => String::from("`"),
            // In a table's cell a break separates the cell's expectations: kept for the
            // cell's reader.
            ("br", _)
                if node
                    .ancestors()
                    .any(|up| matches!(up.data().value, NodeValue::TableCell)) =>
            {
                continue
            }
            ("br", _) => String::from(" "),
            (name, _) if STYLING.contains(&name) => String::new(),
            _ => continue,
        };
        edits.push((index, range, replacement));
    }
    (!edits.is_empty()).then(|| edited(text, edits))
}

/// The document with its reference links (`[guide][ref]`, `[guide][]`, `[guide]`, their
/// `[ref]: url` written elsewhere) written inline (`[guide](url)`), or `None` when it has
/// none. The importer keeps each text as its Markdown source; a reference link without its
/// definition, far away at the end of the page, would be a bracketed phrase in the ladder.
fn with_inline_links(text: &str, options: &Options) -> Option<String> {
    let arena = Arena::new();
    let root = parse_document(&arena, text, options);
    let lines: Vec<&str> = text.lines().collect();
    let mut edits: Vec<LineEdit> = Vec::new();
    for node in root.descendants() {
        let NodeValue::Link(link) = &node.data().value else {
            continue;
        };
        let target = if link.url.contains([' ', '(', ')']) {
            format!("<{}>", link.url)
        } else {
            link.url.clone()
        };
        let Some((index, range)) = written_at(node, &lines) else {
            edits.extend(reference_across_lines(node, &lines, &target));
            continue;
        };
        let written = &lines[index][range.clone()];
        // Inline links end with their target's `)`; autolinks start with `<`.
        if !written.starts_with('[') || written.ends_with(')') {
            continue;
        }
        let Some(close) = closing_bracket(written) else {
            continue;
        };
        let words = &written[1..close];
        edits.push((index, range, format!("[{words}]({target})")));
    }
    (!edits.is_empty()).then(|| edited(text, edits))
}

/// The edit that writes inline a reference link whose words go over a line's end
/// (`[Linkerd Code of` / `Conduct][coc]`): its last line's `][coc]` (or the `]` of a
/// shortcut) becomes `](target)`.
fn reference_across_lines(node: &AstNode, lines: &[&str], target: &str) -> Option<LineEdit> {
    let position = node.data().sourcepos;
    let (first, last) = (position.start.line, position.end.line);
    if first == 0 || last <= first {
        return None;
    }
    let opening = lines
        .get(first - 1)?
        .get(position.start.column.saturating_sub(1)..)?;
    let index = last - 1;
    let written = lines.get(index)?.get(..position.end.column)?;
    if !opening.starts_with('[') || !written.ends_with(']') {
        return None;
    }
    // `…][label]` or `…][]`: from the `][`; a shortcut `…]`: its bracket.
    let label_start = written
        .rfind("][")
        .filter(|&at| !written[at + 2..written.len() - 1].contains([']', '[']));
    let start = label_start.unwrap_or(written.len() - 1);
    Some((index, start..written.len(), format!("]({target})")))
}

/// The byte index of the `]` that closes the `[` `text` starts with (nested brackets and
/// backslash escapes skipped).
fn closing_bracket(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut escaped = false;
    for (index, c) in text.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '[' => depth += 1,
            ']' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(index);
                }
            }
            _ => {}
        }
    }
    None
}

fn source_of(node: &AstNode, lines: &[&str]) -> String {
    let position = node.data().sourcepos;
    let start = position.start.line.saturating_sub(1);
    let end = position.end.line.min(lines.len());
    let mut text: Vec<&str> = lines.get(start..end).unwrap_or_default().to_vec();
    if text.len() == 1 && position.end.column >= position.start.column {
        // A single line (a table cell): exactly its columns.
        let line = text[0];
        let from = position.start.column.saturating_sub(1).min(line.len());
        let to = position.end.column.min(line.len());
        return decoded_references(line.get(from..to).unwrap_or(line).trim()).into_owned();
    }
    if let Some(first) = text.first_mut() {
        *first = first
            .get(position.start.column.saturating_sub(1)..)
            .unwrap_or(first);
    }
    let text = text
        .iter()
        .map(|line| line.trim())
        .collect::<Vec<_>>()
        .join("\n");
    decoded_references(text.trim()).into_owned()
}

/// Characters Markdown reads as markup somewhere: a character reference that stands for one
/// (`&ast;`, `&lt;`, `&#95;`) stays a reference, since written out it would be markup.
const MARKDOWN_PUNCTUATION: &str = "\\`*_[]<>#!|~{}$";

/// Markdown's character references (`&amp;`, `&eacute;`, `&#169;`, `&nbsp;`) as the characters
/// a reader of the rendered page sees, so the ladder says "P&L", not "P&amp;L". A reference
/// stays where its character would be markup ([`MARKDOWN_PUNCTUATION`]), inside a code span,
/// and where an `&amp;` would make the text after it another reference ("&amp;copy;"). A
/// non-breaking space is a space.
pub(crate) fn decoded_references(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('&') {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(['&', '`']) {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        if rest.starts_with('`') {
            // A code span: as many backticks open and close it; its text is verbatim.
            let ticks = rest.len() - rest.trim_start_matches('`').len();
            let fence = &rest[..ticks];
            let after = &rest[ticks..];
            let end = after
                .match_indices(fence)
                .find(|(index, _)| !after[index + ticks..].starts_with('`'))
                .map_or(ticks, |(index, _)| ticks + index + ticks);
            out.push_str(&rest[..end]);
            rest = &rest[end..];
            continue;
        }
        let Some((reference, length)) = character_reference(rest) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let after = &rest[length..];
        // (Only a name's reach of what follows is looked at: linear in the text.)
        let makes_another = reference == "&"
            && character_reference(&format!("&{}", within_reach(after, REFERENCE_REACH - 1)))
                .is_some();
        let markup = reference.chars().all(|c| MARKDOWN_PUNCTUATION.contains(c));
        if makes_another || markup {
            out.push_str(&rest[..length]);
        } else {
            out.push_str(&reference.replace('\u{a0}', " "));
        }
        rest = after;
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// The most bytes a character reference takes, `&` and `;` included: a name is 32 at most.
const REFERENCE_REACH: usize = 34;

/// The start of `text`, at most `bytes` long, cut between characters.
fn within_reach(text: &str, bytes: usize) -> &str {
    let mut end = text.len().min(bytes);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// The character reference a text opens with (`&amp;`, `&#169;`, `&#x2014;`), as the
/// characters it stands for and its length in bytes.
fn character_reference(text: &str) -> Option<(String, usize)> {
    // (Within a name's reach: a text of `&` without `;` is read in linear time.)
    let end = within_reach(text, REFERENCE_REACH)
        .get(1..)?
        .find(';')
        .map(|index| index + 1)?;
    let name = &text[1..end];
    if name.is_empty() || name.len() > 32 {
        return None;
    }
    let length = end + 1;
    if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) if !hex.is_empty() && hex.len() <= 6 => u32::from_str_radix(hex, 16).ok()?,
            None if !number.is_empty()
                && number.len() <= 7
                && number.bytes().all(|b| b.is_ascii_digit()) =>
            {
                number.parse().ok()?
            }
            _ => return None,
        };
        let character = char::from_u32(code).filter(|&c| c != '\0')?;
        return Some((character.to_string(), length));
    }
    if !name.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return None;
    }
    reference_names()
        .get(&text[..length])
        .map(|characters| ((*characters).to_owned(), length))
}

/// HTML's named character references, by name with its `&` and `;` (`&amp;`).
fn reference_names() -> &'static std::collections::HashMap<&'static str, &'static str> {
    static NAMES: std::sync::OnceLock<std::collections::HashMap<&'static str, &'static str>> =
        std::sync::OnceLock::new();
    NAMES.get_or_init(|| {
        entities::ENTITIES
            .iter()
            .filter(|entity| entity.entity.ends_with(';'))
            .map(|entity| (entity.entity, entity.characters))
            .collect()
    })
}

fn plain_of<'a>(node: &'a AstNode<'a>) -> String {
    let mut out = String::new();
    for descendant in node.descendants() {
        match &descendant.data().value {
            NodeValue::Text(text) => out.push_str(text),
            NodeValue::Code(code) => out.push_str(&code.literal),
            NodeValue::SoftBreak | NodeValue::LineBreak => out.push(' '),
            _ => {}
        }
    }
    out.trim().to_owned()
}

/// The longest a bold key may be ("Solid technical skills and code contributions across most
/// engine areas" is one): longer, it is a bold sentence.
const MAX_KEY_CHARS: usize = 90;

/// `**Key:** value` / `**Key**: value`: a labelled line, as its key and value. A key is a
/// short label, not a bold sentence; a trailing `\` (a Markdown hard break) is not part of the
/// value. The one reading of labelled lines, for Markdown and HTML alike.
pub fn bold_key(text: &str) -> Option<(String, String)> {
    let rest = text.trim().strip_prefix("**")?;
    let (key, value) = rest.split_once("**")?;
    let value = value.trim_start();
    // ASCII or full-width colon (`**权限**：授予 …`).
    if !(key.ends_with([':', '：']) || value.starts_with([':', '：'])) {
        return None;
    }
    let key = key.trim_end_matches([':', '：']).trim();
    let value = value
        .trim_start_matches([':', '：'])
        .trim()
        .trim_end_matches('\\')
        .trim();
    (!key.is_empty() && key.chars().count() <= MAX_KEY_CHARS && !key.ends_with(['.', '!', '?']))
        .then(|| (key.to_owned(), value.to_owned()))
}

/// Marks some writers set before a heading's words, for decoration ("■ 技術力").
const HEADING_MARKS: &[char] = &[
    '■', '□', '▪', '▫', '●', '○', '◆', '◇', '▶', '►', '▸', '★', '☆', '◎', '※', '▼', '▽',
];

/// What follows a section number as Chinese and Japanese text writes one (`一、`, `2、`,
/// `３．`, `（三）`), when something does.
fn east_asian_section_number(text: &str) -> Option<&str> {
    let is_number = |c: char| {
        c.is_ascii_digit() || ('０'..='９').contains(&c) || "一二三四五六七八九十".contains(c)
    };
    let (body, close) = match text.strip_prefix('（') {
        Some(body) => (body, &['）'][..]),
        None => (text, &['、', '．'][..]),
    };
    let end = body.find(|c: char| !is_number(c))?;
    let rest = body[end..].strip_prefix(close)?.trim_start();
    (end > 0 && !rest.is_empty()).then_some(rest)
}

/// A heading's text without the attributes Pandoc, kramdown and Hugo write after it
/// (`Responsibilities {#peer-reviewer-responsibilities}`, `Goals {.unnumbered}`): anchors and
/// classes, not part of the name.
fn without_attributes(text: &str) -> String {
    let trimmed = text.trim_end();
    let attributes = trimmed.ends_with('}').then(|| trimmed.rfind('{')).flatten();
    match attributes {
        Some(at)
            if trimmed[at + 1..trimmed.len() - 1]
                .split_whitespace()
                .all(|part| part.starts_with(['#', '.']) || part.contains('='))
                && at > 0 =>
        {
            trimmed[..at].trim_end().to_owned()
        }
        _ => text.to_owned(),
    }
}

/// A heading's text without the emoji shortcodes GitHub draws as pictures (`:no_entry:
/// Behavior to avoid`, `Goals :rocket:`): decoration, not part of the name. A shortcode is a
/// word of lowercase letters, digits, `_`, `+` or `-` between colons, with a letter, standing
/// alone ("10:30:00" and "Note:Senior:" are none).
fn without_emoji_codes(text: &str) -> String {
    let is_code = |word: &str| {
        word.len() > 2
            && word.starts_with(':')
            && word.ends_with(':')
            && word[1..word.len() - 1]
                .chars()
                .any(|c| c.is_ascii_lowercase())
            && word[1..word.len() - 1].chars().all(|c| {
                c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '_' | '+' | '-')
            })
    };
    if !text.split_whitespace().any(is_code) {
        return text.to_owned();
    }
    text.split_whitespace()
        .filter(|word| !is_code(word))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A heading's text without the section number a document puts before it (`3. Contributor`,
/// `3.1. Requirements`, `4.2 Responsibilities`): the number is the document's outline, not
/// part of the name. A number without a dot (`360 Feedback`, `2 Maintainer`) is kept.
fn without_section_number(text: &str) -> String {
    // (A decorative mark before it, "■ 技術力", "▶ Delivery", is no part of it either.)
    let trimmed = text.trim();
    let trimmed = trimmed
        .strip_prefix(HEADING_MARKS)
        .map_or(trimmed, str::trim_start);
    // `一、社区新人`, `2、贡献者`, `（三）核心贡献者`: numbered as Chinese text numbers.
    if let Some(rest) = east_asian_section_number(trimmed) {
        return rest.to_owned();
    }
    // `1) Contributor`.
    let digits = trimmed.chars().take_while(char::is_ascii_digit).count();
    if let Some(rest) = trimmed[digits..].strip_prefix(") ").filter(|_| digits > 0) {
        if rest
            .trim_start()
            .starts_with(|c: char| c.is_alphabetic() || !c.is_ascii())
        {
            return rest.trim_start().to_owned();
        }
    }
    let number_end = trimmed
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(trimmed.len());
    let number = &trimmed[..number_end];
    let rest = &trimmed[number_end..];
    let numbered = number.starts_with(|c: char| c.is_ascii_digit())
        && number.contains('.')
        && !number.contains("..")
        && rest.starts_with(char::is_whitespace)
        && rest
            .trim_start()
            .starts_with(|c: char| c.is_alphabetic() || !c.is_ascii());
    if numbered {
        rest.trim_start().to_owned()
    } else {
        trimmed.to_owned()
    }
}

/// A heading's text without the permalink a site generator adds after it (`Contributor
/// [¶](#contributor)`, `[#](#roles)`, `🔗`, `§`): a link whose text is only such a mark.
fn without_permalink(text: &str) -> String {
    const MARKS: &[&str] = &["¶", "#", "\\#", "§", "🔗", "⚓"];
    let trimmed = text.trim();
    for mark in MARKS {
        // `Contributor [¶](#contributor)`.
        let open = format!("[{mark}](");
        if let Some(start) = trimmed.rfind(&open) {
            let target = &trimmed[start + open.len()..];
            let before = trimmed[..start].trim_end();
            if target.ends_with(')') && !target.contains(' ') && !before.is_empty() {
                return before.to_owned();
            }
        }
        // `Contributor ¶` (a bare `#` ends "C#").
        if !mark.contains('#') {
            if let Some(before) = trimmed.strip_suffix(mark) {
                if !before.trim().is_empty() {
                    return before.trim_end().to_owned();
                }
            }
        }
    }
    trimmed.to_owned()
}

fn markdown_block<'a>(node: &'a AstNode<'a>, lines: &[&str], out: &mut Vec<Block>) {
    let line = node.data().sourcepos.start.line;
    match &node.data().value {
        NodeValue::Heading(heading) => out.push(Block::Heading {
            level: heading.level,
            text: without_section_number(&without_emoji_codes(&without_attributes(&plain_of(
                node,
            )))),
            line,
        }),
        NodeValue::Paragraph => {
            let source = source_of(node, lines);
            if is_template_directive(&source) {
                return;
            }
            // (A site generator's directive lines around text, `{{< hint >}}` … `{{< /hint >}}`,
            // and kramdown's attribute lines, `{: #qa-analyst }`, are no text of the ladder.)
            let source = if source.lines().any(is_markup_line) {
                let kept: Vec<&str> = source
                    .lines()
                    .filter(|text| !is_markup_line(text))
                    .collect();
                if kept.iter().all(|text| text.trim().is_empty()) {
                    return;
                }
                kept.join("\n")
            } else {
                source
            };
            // `**Scope:** ...` lines written one under the other are one paragraph to Markdown
            // but one key each to their author.
            let source_lines: Vec<&str> = source.lines().collect();
            if source_lines.len() > 1 && source_lines.iter().all(|line| bold_key(line).is_some()) {
                for (offset, text) in source_lines.iter().enumerate() {
                    let (key, value) = bold_key(text).expect("checked");
                    out.push(Block::KeyValue {
                        key,
                        value,
                        line: line + offset,
                    });
                }
                return;
            }
            match bold_key(&source) {
                Some((key, value)) => out.push(Block::KeyValue { key, value, line }),
                None => out.push(Block::Paragraph { text: source, line }),
            }
        }
        NodeValue::List(_) => out.push(Block::List {
            items: node
                .children()
                .map(|item| markdown_item(item, lines))
                .collect(),
            line,
        }),
        NodeValue::Table(_) => {
            let rows = node
                .children()
                .map(|row| {
                    let header = matches!(row.data().value, NodeValue::TableRow(true));
                    row.children()
                        .map(|cell| Cell {
                            // GFM escapes a `|` inside a cell as `\|`.
                            text: source_of(cell, lines)
                                .trim_matches('|')
                                .trim()
                                .replace("\\|", "|"),
                            blocks: Vec::new(),
                            header,
                            spanned: false,
                        })
                        .collect()
                })
                .collect();
            out.push(Block::Table { rows, line });
        }
        NodeValue::HtmlBlock(html) => {
            let mut blocks = html_fragment(&html.literal, line);
            out.append(&mut blocks);
        }
        // A list indented four spaces under a paragraph is code to Markdown but a list to its
        // author (and to the reader of the rendered page, who sees bullets).
        NodeValue::CodeBlock(code) if !code.fenced && is_only_bullets(&code.literal) => {
            let (_, mut blocks) = markdown(&code.literal);
            for block in &mut blocks {
                block.shift_line(line - 1);
            }
            out.append(&mut blocks);
        }
        // (A GitHub alert's marker, `> [!TIP]`, is how the page styles the quote, not its text.)
        NodeValue::BlockQuote => {
            let source = source_of(node, lines);
            let text: Vec<&str> = source
                .lines()
                .filter(|text| !is_alert_marker(text))
                .collect();
            let text = text.join("\n");
            if !text.trim().trim_matches('>').trim().is_empty() {
                out.push(Block::Paragraph { text, line });
            }
        }
        NodeValue::CodeBlock(_) => out.push(Block::Paragraph {
            text: source_of(node, lines),
            line,
        }),
        NodeValue::ThematicBreak => {}
        _ => {
            let text = source_of(node, lines);
            if !text.is_empty() {
                out.push(Block::Paragraph { text, line });
            }
        }
    }
}

fn markdown_item<'a>(item: &'a AstNode<'a>, lines: &[&str]) -> Item {
    let mut text = Vec::new();
    let mut children = Vec::new();
    for child in item.children() {
        match &child.data().value {
            NodeValue::List(_) => {
                children.extend(child.children().map(|c| markdown_item(c, lines)))
            }
            _ => text.push(source_of(child, lines)),
        }
    }
    let text = text.join("\n\n");
    // (A task list's box, `- [ ]` or `- [x]`, is how the page draws the item, not its text.)
    let text = ["[ ] ", "[x] ", "[X] "]
        .iter()
        .find_map(|box_| text.strip_prefix(box_))
        .map_or(text.clone(), str::to_owned);
    Item { text, children }
}

/// Whether every line of a text is a bulleted item (`- `, `* `, `+ `), or set under one.
fn is_only_bullets(text: &str) -> bool {
    let mut lines = text
        .lines()
        .filter(|line| !line.trim().is_empty())
        .peekable();
    let starts_with_bullet = |line: &str| ["- ", "* ", "+ "].iter().any(|b| line.starts_with(b));
    lines.peek().is_some_and(|first| starts_with_bullet(first))
        && lines.all(|line| starts_with_bullet(line) || line.starts_with(' '))
}

/// The outline of an HTML page: its main content (`<main>`, else `<article>`, else `<body>`),
/// without navigation, headers, footers and scripts.
pub fn html_page(text: &str) -> HtmlPage {
    let mut document = Html::parse_document(text);
    styled_spans_as_emphasis(&mut document);
    let title = document
        .root_element()
        .descendants()
        .filter_map(ElementRef::wrap)
        .find(|element| element.value().name() == "title")
        .map(|element| squash(&element.text().collect::<String>()))
        // (An empty `<title></title>`, as pandoc writes without metadata, titles nothing.)
        .filter(|title| !title.is_empty())
        .map(|title| without_space_name(&document, title))
        .map(without_site_name);
    let root = document.root_element();
    let elements = || root.descendants().filter_map(ElementRef::wrap);
    // (A page of several articles, one per level, is read whole: each is the page's.)
    let articles = elements()
        .filter(|element| element.value().name() == "article")
        .count();
    let main = elements()
        .find(|element| element.value().name() == "main")
        .or_else(|| {
            (articles == 1)
                .then(|| elements().find(|element| element.value().name() == "article"))
                .flatten()
        })
        // A wiki's export (Confluence) marks its page's text by id, between the page's
        // header (breadcrumbs, "Created by …") and its attachments.
        .or_else(|| {
            elements().find(|element| {
                element.value().attr("role") == Some("main")
                    || element.value().id() == Some("main-content")
            })
        })
        .or_else(|| elements().find(|element| element.value().name() == "body"));
    let mut blocks = Vec::new();
    walk(main.unwrap_or(root), 1, &mut blocks, 0);
    summaries_as_headings(&mut blocks);
    // Google Docs writes its Title style as `<p class="… title">`, Word as `<p
    // class=MsoTitle>`: the document's title, not a paragraph of it (its `<title>` is the
    // file's name).
    let styled_title = elements()
        .find(|element| {
            element.value().name() == "p"
                && element
                    .value()
                    .classes()
                    .any(|c| c == "title" || c.eq_ignore_ascii_case("MsoTitle"))
        })
        .map(|element| squash(&element.text().collect::<String>()))
        .filter(|title| !title.is_empty());
    if let Some(styled) = &styled_title {
        let at = blocks.iter().position(|block| {
            matches!(block, Block::Paragraph { text, .. }
                if squash(&crate::markup::plain_text(text)) == *styled)
        });
        if let Some(at) = at {
            blocks.remove(at);
        }
    }
    let styled = styled_title.is_some();
    HtmlPage {
        title: styled_title.or(title),
        styled,
        blocks,
    }
}

/// A page read into blocks, with its title.
pub struct HtmlPage {
    /// Its title: the paragraph styled as the document's title, else its `<title>`.
    pub title: Option<String>,
    /// Whether the title is the paragraph the editor styled so (Word's `MsoTitle`, Google
    /// Docs' `title`): the document's own title, which no heading below overrides.
    pub styled: bool,
    /// Its text's blocks.
    pub blocks: Vec<Block>,
}

/// A page's title without the site's name after it ("Career Ladder | Acme", "… · Acme"), as
/// sites title their pages: the part before the first separator.
fn without_site_name(title: String) -> String {
    [" | ", " · "]
        .iter()
        .find_map(|separator| title.split_once(separator))
        .map(|(page, _)| page.trim())
        .filter(|page| !page.is_empty())
        .map_or(title.clone(), str::to_owned)
}

/// A wiki page's title without its space's name: Confluence titles an exported page
/// "Engineering : Career Ladder", the space being the first of the page's breadcrumbs.
fn without_space_name(document: &Html, title: String) -> String {
    let space = document
        .root_element()
        .descendants()
        .filter_map(ElementRef::wrap)
        .find(|element| element.value().id() == Some("breadcrumbs"))
        .and_then(|crumbs| {
            crumbs
                .descendants()
                .filter_map(ElementRef::wrap)
                .find(|element| element.value().name() == "li")
        })
        .map(|first| squash(&first.text().collect::<String>()));
    match space.and_then(|space| {
        title
            .strip_prefix(&format!("{space} : "))
            .map(str::to_owned)
    }) {
        Some(page) if !page.trim().is_empty() => page.trim().to_owned(),
        _ => title,
    }
}

/// The classes a page's style sheets make bold and italic (`.c2{font-weight:700}`,
/// `.c9{font-style:italic}`), as Google Docs marks emphasis: by class, not by tag.
fn emphasis_classes(document: &Html) -> (HashSet<String>, HashSet<String>) {
    let css: String = document
        .root_element()
        .descendants()
        .filter_map(ElementRef::wrap)
        .filter(|element| element.value().name() == "style")
        .flat_map(|style| style.text())
        .collect();
    let (mut bold, mut italic) = (HashSet::new(), HashSet::new());
    for rule in css.split('}') {
        let Some((selectors, declarations)) = rule.split_once('{') else {
            continue;
        };
        let (is_bold, is_italic) = emphasis_of(declarations);
        for selector in selectors.split(',') {
            // Only a rule for one class alone (`.c2`), as Google Docs writes them.
            let Some(class) = selector.trim().strip_prefix('.') else {
                continue;
            };
            if class.is_empty()
                || !class
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            {
                continue;
            }
            if is_bold {
                bold.insert(class.to_owned());
            }
            if is_italic {
                italic.insert(class.to_owned());
            }
        }
    }
    (bold, italic)
}

/// Whether CSS declarations (`font-weight:700;font-style:italic`) set bold and italic.
fn emphasis_of(declarations: &str) -> (bool, bool) {
    let declarations: String = declarations
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    let weight = declarations
        .split(';')
        .find_map(|declaration| declaration.strip_prefix("font-weight:"));
    let bold = weight.is_some_and(|weight| {
        weight.starts_with("bold") || weight.parse::<u32>().is_ok_and(|weight| weight >= 600)
    });
    (bold, declarations.contains("font-style:italic"))
}

/// Spans a page's style sheets make bold or italic by class, or their own `style` does
/// (`<span style="font-weight:700">`, as pages pasted from Google Docs carry), renamed `<b>`
/// and `<i>`: emphasis
/// a reader sees, so a Google Docs page's bold labels ("**Delivery**") read as a Word
/// document's do.
fn styled_spans_as_emphasis(document: &mut Html) {
    let (bold, italic) = emphasis_classes(document);
    let styled: Vec<_> = document
        .root_element()
        .descendants()
        .filter_map(ElementRef::wrap)
        .filter(|element| element.value().name() == "span")
        .filter_map(|element| {
            let (own_bold, own_italic) = element
                .value()
                .attr("style")
                .map_or((false, false), emphasis_of);
            let classes = element.value().classes();
            if own_bold || classes.clone().any(|class| bold.contains(class)) {
                Some((element.id(), true))
            } else {
                (own_italic || classes.clone().any(|class| italic.contains(class)))
                    .then(|| (element.id(), false))
            }
        })
        .collect();
    for (id, is_bold) in styled {
        if let Some(mut node) = document.tree.get_mut(id) {
            if let Node::Element(element) = node.value() {
                element.name = if is_bold {
                    html5ever::QualName::new(
                        None,
                        html5ever::ns!(html),
                        html5ever::local_name!("b"),
                    )
                } else {
                    html5ever::QualName::new(
                        None,
                        html5ever::ns!(html),
                        html5ever::local_name!("i"),
                    )
                };
            }
        }
    }
}

/// The depth (from 0) of a list Google Docs writes flat, each depth a list of its own beside
/// the others (`<ul class="c3 lst-kix_ab12-1 start">`, the depth after the last dash).
fn google_docs_list_level(element: &scraper::node::Element) -> Option<usize> {
    element.classes().find_map(|class| {
        let rest = class.strip_prefix("lst-kix_")?;
        let (_, depth) = rest.rsplit_once('-')?;
        depth.parse::<usize>().ok().filter(|&depth| depth < 9)
    })
}

/// The outline of raw HTML found at `line` of a Markdown document.
pub fn html_fragment(text: &str, line: usize) -> Vec<Block> {
    // An `<aside>` the author wrote among their paragraphs is a callout of theirs (Notion
    // exports its callouts so), not a page's sidebar: it is read as a `<div>`.
    let text = asides_as_divisions(text);
    let fragment = Html::parse_fragment(&text);
    let mut blocks = Vec::new();
    walk(fragment.root_element(), line, &mut blocks, 0);
    blocks
}

/// `text` with its `<aside>` and `</aside>` tags (in any case) written as `<div>` and `</div>`.
fn asides_as_divisions(text: &str) -> String {
    let lower = text.to_ascii_lowercase();
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    while let Some(found) = lower[at..].find("aside") {
        let start = at + found;
        let tag_start = lower[..start].ends_with('<') || lower[..start].ends_with("</");
        let tag_end = lower[start + 5..].starts_with(|c: char| c == '>' || c.is_whitespace());
        out.push_str(&text[at..start]);
        out.push_str(if tag_start && tag_end {
            "div"
        } else {
            &text[start..start + 5]
        });
        at = start + 5;
    }
    out.push_str(&text[at..]);
    out
}

/// A text that may hold inline HTML (a data file's `"Monitoring the <a href='…'>inbox</a>"`)
/// as Markdown: links, emphasis and code kept, other tags dropped. Text without a tag is
/// returned as it is.
pub fn inline_html_as_markdown(text: &str) -> String {
    let has_tag = text.char_indices().any(|(at, c)| {
        c == '<'
            && text[at + 1..].starts_with(|next: char| next.is_ascii_alphabetic() || next == '/')
            && text[at..].contains('>')
    });
    if !has_tag {
        return text.to_owned();
    }
    let fragment = Html::parse_fragment(text);
    inline_markdown(fragment.root_element()).trim().to_owned()
}

fn squash(text: &str) -> String {
    if text.contains(INVISIBLE) {
        return squash(&text.replace(INVISIBLE, ""));
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Characters that show nothing and join nothing: a zero-width space (a site's hidden anchor
/// link, `<a class="hash-link">&#8203;</a>`), a word joiner, a stray byte-order mark. (The
/// zero-width joiner and non-joiner shape Persian and Indic words: they stay.)
const INVISIBLE: &[char] = &['\u{200b}', '\u{2060}', '\u{feff}'];

/// A text squashed line by line, its [`LINE_BREAK`]s kept as newlines: a table cell's `<br>`
/// separates the cell's lines, each an expectation to its reader.
fn squash_keeping_breaks(text: &str) -> String {
    text.split(LINE_BREAK)
        .map(squash)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

const SKIPPED: &[&str] = &[
    "nav", "header", "footer", "script", "style", "noscript", "aside", "form", "button", "svg",
    "template",
];

/// The `<details>` of a list each of whose items is one (Notion's toggles), in order; `None`
/// for any other list.
fn folded_items(list: ElementRef) -> Option<Vec<ElementRef>> {
    let folded: Option<Vec<ElementRef>> = list
        .children()
        .filter_map(ElementRef::wrap)
        .filter(|item| item.value().name() == "li")
        .map(|item| {
            let mut children = item.children().filter_map(ElementRef::wrap);
            let details = children
                .next()
                .filter(|first| first.value().name() == "details");
            details.filter(|_| children.next().is_none())
        })
        .collect();
    folded.filter(|folded| !folded.is_empty())
}

/// The depth a `<summary>`'s heading is given while a page is read, plus how many
/// `<details>` its own is inside: settled by [`summaries_as_headings`] once the headings
/// before it are known.
const SUMMARY_DEPTH: u8 = 200;

/// The most words of a `<summary>` that titles what its `<details>` fold.
const SUMMARY_TITLE_WORDS: usize = 10;

/// A `<summary>`'s text when it reads as a title: a few words, no sentence's end.
fn summary_title(summary: ElementRef) -> Option<String> {
    let text = crate::markup::plain_text(&squash(&inline_markdown(summary)));
    let text = squash(&text);
    let fits = !text.is_empty()
        && text.split_whitespace().count() <= SUMMARY_TITLE_WORDS
        && !text.ends_with(['.', '。', ':', '：', '?', '？']);
    fits.then_some(text)
}

/// Gives each `<summary>` heading ([`SUMMARY_DEPTH`]) the depth one below the heading before
/// it (the first level when there is none), so that a page whose levels or areas fold into
/// `<details>` reads as one whose headings title them.
/// A summary after the `<details>` of another at the same nesting is its sibling, at its
/// depth, whatever headings the first folded (a Notion page of toggles, each level's areas
/// as headings inside it); a heading as shallow as a summary closes it.
pub fn summaries_as_headings(blocks: &mut [Block]) {
    let mut above = 0;
    // The depth of the last summary at each nesting, while it is open.
    let mut open: Vec<Option<u8>> = Vec::new();
    for block in blocks {
        if let Block::Heading { level, .. } = block {
            if *level >= SUMMARY_DEPTH {
                let nesting = usize::from(*level - SUMMARY_DEPTH);
                if open.len() <= nesting {
                    open.resize(nesting + 1, None);
                }
                let depth = open[nesting].unwrap_or((above + 1).min(6));
                *level = depth;
                open[nesting] = Some(depth);
                open.truncate(nesting + 1);
                above = depth;
            } else {
                for summary in &mut open {
                    if summary.is_some_and(|depth| depth >= *level) {
                        *summary = None;
                    }
                }
                above = *level;
            }
        }
    }
}

/// Whether an element is inside an `<article>`, `<main>` or `<section>`: its `<header>` is
/// the article's or the section's (its title), not the page's.
fn in_article(element: ElementRef) -> bool {
    element
        .ancestors()
        .filter_map(ElementRef::wrap)
        .any(|above| matches!(above.value().name(), "article" | "main" | "section"))
}

/// Words in a class or id that mark a page's navigation rather than its content.
const CHROME_WORDS: &[&str] = &[
    "toc",
    "nav",
    "navbar",
    "navigation",
    "sidebar",
    "leftnav",
    "menu",
    "breadcrumb",
    "breadcrumbs",
    "cookie",
    "footer",
];

/// Whole class names (or ids) of page chrome that [`CHROME_WORDS`] would not name without
/// also naming content (`comments` is also a matrix's column, `icon` a list's style):
/// WordPress's sharing buttons, comments and related posts; Notion's page icon and its table
/// of the page's properties (owner, last edited).
const CHROME_CLASSES: &[&str] = &[
    "sharedaddy",
    "sd-sharing-enabled",
    "comments-area",
    "comment-respond",
    "jp-relatedposts",
    "page-header-icon",
    "properties",
];

/// A page's navigation, table of contents or footer, marked by its role or by a word of its
/// id or classes (`id="toc"`, `class="sidebar-left"`, `role="navigation"`).
fn is_page_chrome(element: &scraper::node::Element) -> bool {
    if matches!(
        element.attr("role"),
        Some("navigation" | "complementary" | "banner" | "contentinfo")
    ) {
        return true;
    }
    let names: Vec<String> = element
        .id()
        .into_iter()
        .chain(element.classes())
        .map(str::to_ascii_lowercase)
        .collect();
    if names
        .iter()
        .any(|name| CHROME_CLASSES.contains(&name.as_str()))
    {
        return true;
    }
    // (A name that says it holds the content is none, whatever else it says: R Markdown
    // pages put everything in `class="toc-content"`, beside the table of contents.)
    names
        .iter()
        .map(|name| {
            name.split(['-', '_'])
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .any(|words| {
            !words.iter().any(|word| word == "content")
                && words
                    .iter()
                    .any(|word| CHROME_WORDS.contains(&word.as_str()))
        })
}

/// Elements nested deeper than this are read as plain text. Real pages nest a few dozen deep;
/// the bound keeps recursion, and so the stack, small whatever a page holds.
const MAX_HTML_DEPTH: usize = 48;

/// Block-level walk: headings, paragraphs, lists and tables become blocks; containers are
/// walked into; loose inline content becomes a paragraph. Every element is visited once, so
/// the walk is linear in the page (nested tables included). Returns whether it met block-level
/// elements (a cell of plain text has none).
fn walk(element: ElementRef, line: usize, out: &mut Vec<Block>, depth: usize) -> bool {
    if depth > MAX_HTML_DEPTH {
        let text = squash(&element.text().collect::<String>());
        if !text.is_empty() {
            out.push(Block::Paragraph { text, line });
        }
        return false;
    }
    let mut saw_blocks = false;
    let mut loose = String::new();
    let flush = |loose: &mut String, out: &mut Vec<Block>| {
        let text = squash(loose);
        if !text.is_empty() {
            out.push(html_paragraph(text, line));
        }
        loose.clear();
    };
    // List items written flat, with their depth: Word's list paragraphs (`<p
    // style='mso-list:l0 level2 lfo1'>`) and Google Docs' lists of one depth each (`<ul
    // class="lst-kix_ab12-1">`): a list once another element or the end comes.
    let mut word_list: Vec<(usize, String)> = Vec::new();
    // The depth of the headings titling this element's tab panels, and how many it has.
    let mut tabs_depth: Option<u8> = None;
    let mut tab_panels = 0;
    for child in element.children() {
        match child.value() {
            Node::Text(text) => {
                if !word_list.is_empty() && !text.trim().is_empty() {
                    out.push(Block::List {
                        items: nested_items(&std::mem::take(&mut word_list)),
                        line,
                    });
                }
                loose.push_str(text)
            }
            Node::Element(value) => {
                let Some(child) = ElementRef::wrap(child) else {
                    continue;
                };
                let name = value.name();
                // (An article's own `<header>`, as WordPress writes its title's, is content.)
                let skipped = SKIPPED.contains(&name) && !(name == "header" && in_article(child));
                if skipped || is_page_chrome(value) {
                    continue;
                }
                // (Read once for the match's guards and their arms.)
                let summary = (name == "summary" || is_expand_control(value))
                    .then(|| summary_title(child))
                    .flatten();
                let folded = matches!(name, "ul" | "ol")
                    .then(|| folded_items(child))
                    .flatten();
                let word_item = name == "p" && word_list_level(value).is_some()
                    || matches!(name, "ul" | "ol") && google_docs_list_level(value).is_some();
                if !word_item && !word_list.is_empty() {
                    out.push(Block::List {
                        items: nested_items(&std::mem::take(&mut word_list)),
                        line,
                    });
                }
                match name {
                    "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                        saw_blocks = true;
                        flush(&mut loose, out);
                        // A heading's text is plain, as a Markdown heading's is: a heading
                        // that links to its own anchor (`<h2><a href="#lead">Lead</a></h2>`, as
                        // pandoc writes them) is titled by its words.
                        let text = crate::markup::plain_text(&without_permalink(&squash(
                            &inline_markdown(child),
                        )));
                        out.push(Block::Heading {
                            level: name[1..].parse().unwrap_or(6),
                            text: without_section_number(&squash(&text)),
                            line,
                        });
                    }
                    // A `<details>` block's title-like summary ("Data Scientist II", "Technical
                    // skills") titles what it folds: a heading one deeper than the heading
                    // before it (its depth settled by `summaries_as_headings`).
                    _ if summary.is_some() => {
                        saw_blocks = true;
                        flush(&mut loose, out);
                        // (How many `<details>` its own is inside: a summary after a sibling
                        // `<details>` takes that one's depth.)
                        let nesting = child
                            .ancestors()
                            .filter_map(ElementRef::wrap)
                            .filter(|above| is_folding(above.value()))
                            .count()
                            .saturating_sub(1);
                        out.push(Block::Heading {
                            level: SUMMARY_DEPTH.saturating_add(nesting.min(50) as u8),
                            text: summary.unwrap_or_default(),
                            line,
                        });
                    }
                    "p" if word_list_level(value).is_some() => {
                        saw_blocks = true;
                        flush(&mut loose, out);
                        let text = squash(&inline_markdown(child));
                        if !text.is_empty() {
                            word_list.push((word_list_level(value).unwrap_or(0), text));
                        }
                        continue;
                    }
                    "p" => {
                        saw_blocks = true;
                        flush(&mut loose, out);
                        let text = squash(&inline_markdown(child));
                        if !text.is_empty() {
                            out.push(html_paragraph(text, line));
                        }
                    }
                    "ul" | "ol" if google_docs_list_level(value).is_some() => {
                        saw_blocks = true;
                        flush(&mut loose, out);
                        let depth = google_docs_list_level(value).unwrap_or(0);
                        word_list.extend(
                            html_items(child)
                                .into_iter()
                                .map(|item| (depth, item.text))
                                .filter(|(_, text)| !text.is_empty()),
                        );
                        continue;
                    }
                    // A list of toggles (Notion's `<ul class="toggle"><li><details>`): each
                    // toggle is a block of its own, its summary titling what it folds.
                    "ul" | "ol" if folded.is_some() => {
                        saw_blocks = true;
                        flush(&mut loose, out);
                        for details in folded.unwrap_or_default() {
                            walk(details, line, out, depth + 1);
                        }
                    }
                    "ul" | "ol" => {
                        saw_blocks = true;
                        flush(&mut loose, out);
                        out.push(Block::List {
                            items: html_items(child),
                            line,
                        });
                    }
                    "table" => {
                        saw_blocks = true;
                        flush(&mut loose, out);
                        out.push(Block::Table {
                            rows: html_rows(child, line, depth + 1),
                            line,
                        });
                    }
                    "br" => loose.push('\n'),
                    "dl" => {
                        saw_blocks = true;
                        flush(&mut loose, out);
                        definition_list(child, line, out, depth + 1);
                    }
                    // (A row of tab titles whose panels are titled by them: said once, by
                    // the panels.)
                    "div" if value.classes().any(|class| class == "tabbed-labels") => {}
                    // A tab's panel (levels shown one at a time): titled by its tab, one
                    // heading deeper than the heading above it.
                    "div" | "section" if is_tab_panel(value) => {
                        flush(&mut loose, out);
                        // (All at the depth the first took: the panels are one row of tabs.
                        // Titled up to a bound: each title is looked up across the page.)
                        let tab_depth = *tabs_depth.get_or_insert_with(|| {
                            out.iter()
                                .rev()
                                .find_map(|block| match block {
                                    Block::Heading { level, .. } => Some((*level + 1).min(6)),
                                    _ => None,
                                })
                                .unwrap_or(2)
                        });
                        tab_panels += 1;
                        if let Some(title) = (tab_panels <= MOST_TAB_PANELS)
                            .then(|| tab_title(child))
                            .flatten()
                        {
                            out.push(Block::Heading {
                                level: tab_depth,
                                text: title,
                                line,
                            });
                        }
                        saw_blocks = true;
                        walk(child, line, out, depth + 1);
                    }
                    "div" | "section" | "article" | "main" | "body" | "html" | "blockquote"
                    | "dd" | "dt" | "center" | "figure" | "figcaption" | "details" | "summary"
                    | "header" | "hgroup" => {
                        flush(&mut loose, out);
                        saw_blocks |= matches!(name, "div" | "section");
                        saw_blocks |= walk(child, line, out, depth + 1);
                    }
                    // (Labels side by side, a page's tab titles, are words apart: each on
                    // its own line, not "ResponsibilitiesHow to become one".)
                    "label" => {
                        loose.push_str(&element_markdown(child, depth + 1));
                        loose.push('\n');
                    }
                    _ => loose.push_str(&element_markdown(child, depth + 1)),
                }
            }
            _ => {}
        }
    }
    if !word_list.is_empty() {
        out.push(Block::List {
            items: nested_items(&word_list),
            line,
        });
    }
    flush(&mut loose, out);
    saw_blocks
}

/// The most tab panels of one element titled by their tabs: far more than any page of levels
/// shows, few enough that looking each title up across the page stays cheap.
const MOST_TAB_PANELS: usize = 64;

/// Whether an element is a tab's panel: marked by its role (`<div role="tabpanel">`), or one
/// of MkDocs Material's content tabs (`<div class="tabbed-block">`, titled by the label of
/// its rank in the set's `tabbed-labels`).
fn is_tab_panel(element: &scraper::node::Element) -> bool {
    element.attr("role") == Some("tabpanel") || element.classes().any(|c| c == "tabbed-block")
}

/// Whether an element folds what it holds away behind a title: a `<details>`, or a
/// Confluence expand macro (`<div class="expand-container">`).
fn is_folding(element: &scraper::node::Element) -> bool {
    element.name() == "details" || element.classes().any(|class| class == "expand-container")
}

/// Whether an element is the title of a Confluence expand macro (`<div
/// class="expand-control">` holding its icon and `expand-control-text`): it titles what the
/// macro folds, as a `<summary>` does.
fn is_expand_control(element: &scraper::node::Element) -> bool {
    element.classes().any(|class| class == "expand-control")
}

/// The title of one of MkDocs Material's content tabs: the label of the same rank in its
/// set's `tabbed-labels`.
fn tabbed_block_title(panel: ElementRef) -> Option<String> {
    let content = panel.parent().and_then(ElementRef::wrap)?;
    let rank = content
        .children()
        .filter_map(ElementRef::wrap)
        .filter(|sibling| sibling.value().classes().any(|c| c == "tabbed-block"))
        .position(|sibling| sibling.id() == panel.id())?;
    let set = content.parent().and_then(ElementRef::wrap)?;
    let labels = set
        .children()
        .filter_map(ElementRef::wrap)
        .find(|child| child.value().classes().any(|c| c == "tabbed-labels"))?;
    let label = labels
        .children()
        .filter_map(ElementRef::wrap)
        .filter(|label| label.value().name() == "label")
        .nth(rank)?;
    Some(squash(&label.text().collect::<String>())).filter(|title| !title.is_empty())
}

/// The title of a tab's panel (`<div role="tabpanel">`): the text of the element its
/// `aria-labelledby` names, else of the tab whose `aria-controls` names it, else its
/// `aria-label`; a content tab's ([`tabbed_block_title`]).
fn tab_title(panel: ElementRef) -> Option<String> {
    if panel.value().classes().any(|c| c == "tabbed-block") {
        return tabbed_block_title(panel);
    }
    let root = panel.tree().root();
    let text_of = |matches: &dyn Fn(&scraper::node::Element) -> bool| {
        root.descendants()
            .filter_map(ElementRef::wrap)
            .find(|element| matches(element.value()))
            .map(|element| squash(&element.text().collect::<String>()))
            .filter(|text| !text.is_empty())
    };
    let labelled_by = panel.value().attr("aria-labelledby").map(str::trim);
    let id = panel.value().attr("id").map(str::trim);
    labelled_by
        .filter(|target| !target.is_empty())
        .and_then(|target| text_of(&|element| element.attr("id") == Some(target)))
        .or_else(|| {
            id.filter(|id| !id.is_empty()).and_then(|id| {
                text_of(&|element| {
                    element.attr("role") == Some("tab") && element.attr("aria-controls") == Some(id)
                })
            })
        })
        .or_else(|| panel.value().attr("aria-label").map(squash))
        .filter(|title| !title.is_empty())
}

/// The depth (from 0) of a paragraph Word writes as a list item when it saves a page
/// (`<p class=MsoListParagraph style='mso-list:l0 level2 lfo1'>`, its bullet in a span marked
/// `mso-list:Ignore`); `None` for any other element.
fn word_list_level(element: &scraper::node::Element) -> Option<usize> {
    let style = element.attr("style")?.to_ascii_lowercase();
    let list = &style[style.find("mso-list:")? + "mso-list:".len()..];
    let level = list.split_whitespace().find_map(|word| {
        word.trim_end_matches(';')
            .strip_prefix("level")?
            .parse::<usize>()
            .ok()
    })?;
    Some(level.clamp(1, 9) - 1)
}

/// Whether an element is the marker Word writes before a list paragraph's text (a bullet or
/// number in `<span style='mso-list:Ignore'>`): what a reader sees as the list's bullet.
fn is_word_list_marker(element: &scraper::node::Element) -> bool {
    element.attr("style").is_some_and(|style| {
        style
            .to_ascii_lowercase()
            .replace(' ', "")
            .contains("mso-list:ignore")
    })
}

/// Items nested by depth: each entry `(depth, text)` under the last one shallower than it.
pub fn nested_items(entries: &[(usize, String)]) -> Vec<Item> {
    fn nest(entries: &[(usize, String)], index: &mut usize, level: usize) -> Vec<Item> {
        let mut items: Vec<Item> = Vec::new();
        while *index < entries.len() {
            let (entry_level, text) = &entries[*index];
            if *entry_level < level && !items.is_empty() {
                break;
            }
            if *entry_level > level && !items.is_empty() {
                let children = nest(entries, index, *entry_level);
                if let Some(last) = items.last_mut() {
                    last.children.extend(children);
                }
                continue;
            }
            items.push(Item {
                text: text.clone(),
                children: Vec::new(),
            });
            *index += 1;
        }
        items
    }
    let mut index = 0;
    let base = entries.iter().map(|(level, _)| *level).min().unwrap_or(0);
    let mut items = Vec::new();
    while index < entries.len() {
        items.extend(nest(entries, &mut index, base));
    }
    items
}

/// A definition list (`<dl>`): each term over its definitions, as a reader sees a label over
/// its text. A term with one definition of plain text is a labelled line ("Delivery: Ships
/// small tasks."); a term over several definitions, or over lists, is a bold label over them.
fn definition_list(list: ElementRef, line: usize, out: &mut Vec<Block>, depth: usize) {
    let mut groups: Vec<(String, Vec<ElementRef>)> = Vec::new();
    for child in list.children().filter_map(ElementRef::wrap) {
        match child.value().name() {
            "dt" => groups.push((squash(&inline_markdown(child)), Vec::new())),
            "dd" => match groups.last_mut() {
                Some((_, definitions)) => definitions.push(child),
                None => groups.push((String::new(), vec![child])),
            },
            // (`<div>` wrapping a term and its definitions, as HTML allows.)
            _ => {
                walk(child, line, out, depth + 1);
            }
        }
    }
    // (Terms over plain text are labelled lines only where every term is: in a list where some
    // terms hold lists, a term over a sentence is one more title over what it says, as a list
    // of one: "Contributor" and who that is beside "Committer" and its duties.)
    let plain_text = |definition: &ElementRef| {
        !definition
            .children()
            .filter_map(ElementRef::wrap)
            .any(|element| {
                matches!(
                    element.value().name(),
                    "ul" | "ol" | "p" | "div" | "table" | "dl"
                )
            })
    };
    let all_plain = groups
        .iter()
        .all(|(_, definitions)| definitions.iter().all(plain_text));
    for (term, definitions) in groups {
        match definitions.as_slice() {
            [definition] if !term.is_empty() && all_plain => {
                let value = squash(&inline_markdown(*definition));
                out.push(Block::KeyValue {
                    key: crate::markup::plain_text(&term),
                    value,
                    line,
                });
            }
            _ => {
                if !term.is_empty() {
                    out.push(Block::Paragraph {
                        text: format!("**{}**", crate::markup::plain_text(&term)),
                        line,
                    });
                }
                // (A definition of paragraphs, `<dd><p>…</p><p>…</p></dd>`, says one thing in
                // each, as a definition of plain text says one.)
                let paragraphs = |definition: &ElementRef| -> Option<Vec<String>> {
                    if plain_text(definition) {
                        return Some(vec![squash(&inline_markdown(*definition))]);
                    }
                    let loose_text = definition.children().any(|child| {
                        child
                            .value()
                            .as_text()
                            .is_some_and(|text| !text.trim().is_empty())
                    });
                    let elements: Vec<ElementRef> =
                        definition.children().filter_map(ElementRef::wrap).collect();
                    (!loose_text && elements.iter().all(|element| element.value().name() == "p"))
                        .then(|| {
                            elements
                                .iter()
                                .map(|paragraph| squash(&inline_markdown(*paragraph)))
                                .collect()
                        })
                };
                let said: Option<Vec<String>> = definitions
                    .iter()
                    .map(paragraphs)
                    .collect::<Option<Vec<Vec<String>>>>()
                    .map(|all| all.into_iter().flatten().collect());
                if let Some(said) = said {
                    out.push(Block::List {
                        items: said
                            .into_iter()
                            .filter(|text| !text.is_empty())
                            .map(|text| Item {
                                text,
                                children: Vec::new(),
                            })
                            .collect(),
                        line,
                    });
                } else {
                    for definition in definitions {
                        walk(definition, line, out, depth + 1);
                    }
                }
            }
        }
    }
}

fn html_paragraph(text: String, line: usize) -> Block {
    match bold_key(&text) {
        Some((key, value)) => Block::KeyValue { key, value, line },
        None => Block::Paragraph { text, line },
    }
}

/// A list's items. Text a list holds outside its `<li>`s (a bold lead-in written straight
/// inside `<ul>`, which browsers show as a line of its own) is an item of its own, so that it
/// is not lost.
fn html_items(list: ElementRef) -> Vec<Item> {
    list.children()
        .filter_map(|child| match ElementRef::wrap(child) {
            Some(element) if element.value().name() == "li" => Some(html_item(element)),
            Some(element) if !SKIPPED.contains(&element.value().name()) => {
                let text = squash(&element_markdown(element, 0));
                (!text.is_empty()).then(|| Item {
                    text,
                    children: Vec::new(),
                })
            }
            Some(_) => None,
            None => match child.value() {
                Node::Text(text) if !squash(text).is_empty() => Some(Item {
                    text: squash(text),
                    children: Vec::new(),
                }),
                _ => None,
            },
        })
        .collect()
}

fn html_item(li: ElementRef) -> Item {
    let mut text = String::new();
    let mut children = Vec::new();
    for part in li.children() {
        match ElementRef::wrap(part) {
            Some(element) if matches!(element.value().name(), "ul" | "ol") => {
                children.extend(html_items(element))
            }
            Some(element) => text.push_str(&element_markdown(element, 0)),
            None => {
                if let Node::Text(t) = part.value() {
                    text.push_str(t);
                }
            }
        }
    }
    Item {
        text: squash(&text),
        children,
    }
}

/// Rows of cells, with `rowspan` and `colspan` expanded so that every row has its columns in
/// place. Unclosed tags are closed by the parser as browsers do.
fn html_rows(table: ElementRef, line: usize, depth: usize) -> Vec<Vec<Cell>> {
    // This table's own rows (directly, or in its head, body and foot), not a nested table's.
    let rows: Vec<ElementRef> = table
        .children()
        .filter_map(ElementRef::wrap)
        .flat_map(|child| match child.value().name() {
            "thead" | "tbody" | "tfoot" => child.children().filter_map(ElementRef::wrap).collect(),
            _ => vec![child],
        })
        .filter(|element| element.value().name() == "tr")
        .collect();
    let mut grid: Vec<Vec<Option<Cell>>> = Vec::new();
    // (column, rows left, cell) carried down by rowspan.
    let mut carried: Vec<(usize, usize, Cell)> = Vec::new();
    for row in rows {
        let mut out: Vec<Option<Cell>> = Vec::new();
        let place = |out: &mut Vec<Option<Cell>>, column: usize, cell: Cell| {
            if out.len() <= column {
                out.resize(column + 1, None);
            }
            out[column] = Some(cell);
        };
        let mut next_carried = Vec::new();
        for (column, left, cell) in carried.drain(..) {
            place(&mut out, column, cell.clone());
            if left > 1 {
                next_carried.push((column, left - 1, cell));
            }
        }
        let mut column = 0;
        for cell in row.children().filter_map(ElementRef::wrap) {
            let name = cell.value().name();
            if name != "td" && name != "th" {
                continue;
            }
            while out.get(column).is_some_and(Option::is_some) {
                column += 1;
            }
            let span = |attr: &str| {
                cell.value()
                    .attr(attr)
                    .and_then(|v| v.trim().parse::<usize>().ok())
                    .unwrap_or(1)
                    .clamp(1, 100)
            };
            let mut blocks = Vec::new();
            let structured = walk(cell, line, &mut blocks, depth + 1);
            // A cell holding a table has its text from the blocks already read, so that no
            // subtree is read twice (which doubled the work with each level of nesting).
            let text = if blocks
                .iter()
                .any(|block| matches!(block, Block::Table { .. }))
            {
                squash(&blocks_text(&blocks))
            } else {
                squash_keeping_breaks(&inline_markdown(cell))
            };
            // (Word writes every cell as a paragraph, `<td><p class=MsoNormal>…</p></td>`: one
            // paragraph is the cell's text, no structure.)
            if !structured || matches!(blocks.as_slice(), [Block::Paragraph { .. }]) {
                blocks.clear();
            }
            let content = Cell {
                text,
                blocks,
                header: name == "th",
                spanned: false,
            };
            let (rowspan, colspan) = (span("rowspan"), span("colspan"));
            for offset in 0..colspan {
                let copy = Cell {
                    spanned: offset > 0,
                    ..content.clone()
                };
                place(&mut out, column + offset, copy);
                if rowspan > 1 {
                    let below = Cell {
                        spanned: true,
                        ..content.clone()
                    };
                    next_carried.push((column + offset, rowspan - 1, below));
                }
            }
            column += colspan;
        }
        carried = next_carried;
        grid.push(out);
    }
    let rows = grid
        .into_iter()
        .map(|row| row.into_iter().map(Option::unwrap_or_default).collect())
        .filter(|row: &Vec<Cell>| !row.is_empty())
        .collect();
    without_grid_headings(rows)
}

/// A spreadsheet saved as a web page by Google Sheets keeps the grid's own headings: a first
/// row of column letters (`A`, `B`, `C`…) and a first column of row numbers (`1`, `2`…). They
/// are the application's, not the author's: without them the sheet's first row is its header
/// again (it read as a level titled "1", with areas "A", "B"…).
fn without_grid_headings(rows: Vec<Vec<Cell>>) -> Vec<Vec<Cell>> {
    let Some((letters, body)) = rows.split_first() else {
        return rows;
    };
    let column_letters = letters
        .iter()
        .skip_while(|cell| cell.text.trim().is_empty())
        .map(|cell| cell.text.trim())
        .filter(|text| !text.is_empty());
    let letters_in_order = column_letters
        .clone()
        .zip(spreadsheet_column_names())
        .all(|(text, name)| text == name);
    let numbered = body.iter().enumerate().all(|(index, row)| {
        row.first()
            .is_some_and(|cell| cell.text.trim() == (index + 1).to_string())
    });
    if column_letters.count() < 2 || !letters_in_order || body.is_empty() || !numbered {
        return rows;
    }
    rows.into_iter()
        .skip(1)
        .map(|row| row.into_iter().skip(1).collect::<Vec<_>>())
        .filter(|row| row.iter().any(|cell| !cell.text.trim().is_empty()))
        .collect()
}

/// `A`, `B`, … `Z`, `AA`, `AB`, …: the names spreadsheets give their columns.
fn spreadsheet_column_names() -> impl Iterator<Item = String> {
    (1usize..).map(|mut number| {
        let mut name = Vec::new();
        while number > 0 {
            let rest = (number - 1) % 26;
            name.push(b'A' + rest as u8);
            number = (number - 1) / 26;
        }
        name.reverse();
        String::from_utf8(name).unwrap_or_default()
    })
}

/// The text of blocks, one after the other.
fn blocks_text(blocks: &[Block]) -> String {
    let mut out = String::new();
    for block in blocks {
        match block {
            Block::Heading { text, .. } | Block::Paragraph { text, .. } => out.push_str(text),
            Block::KeyValue { key, value, .. } => out.push_str(&format!("**{key}:** {value}")),
            Block::List { items, .. } => {
                for item in items {
                    out.push_str(&item.text);
                    out.push(' ');
                }
            }
            Block::Table { rows, .. } => {
                for cell in rows.iter().flatten() {
                    out.push_str(&cell.text);
                    out.push(' ');
                }
            }
        }
        out.push(' ');
    }
    out
}

/// What a `<br>` becomes in inline Markdown: a line separator, which [`squash`] collapses like
/// any white space but [`squash_keeping_breaks`] keeps, where the source's own newlines are
/// only white space.
const LINE_BREAK: char = '\u{2028}';

/// Inline HTML as Markdown: links, emphasis, strong and code are kept; `<br>` is a line break.
fn inline_markdown(element: ElementRef) -> String {
    inline_markdown_at(element, 0)
}

fn inline_markdown_at(element: ElementRef, depth: usize) -> String {
    if depth > MAX_HTML_DEPTH {
        return element.text().collect();
    }
    let mut out = String::new();
    for child in element.children() {
        match child.value() {
            Node::Text(text) => out.push_str(text),
            Node::Element(_) => {
                if let Some(child) = ElementRef::wrap(child) {
                    out.push_str(&element_markdown(child, depth + 1));
                }
            }
            _ => {}
        }
    }
    out
}

/// Whether an element is a button that titles what it opens: inside a heading or a
/// `<summary>` (an accordion's `<h3><button>Senior Engineer</button></h3>`), its text is the
/// heading's.
fn is_titling_button(element: ElementRef) -> bool {
    element.value().name() == "button"
        && element
            .ancestors()
            .filter_map(ElementRef::wrap)
            .any(|ancestor| {
                matches!(
                    ancestor.value().name(),
                    "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "summary"
                )
            })
}

/// One element as inline Markdown, its own tag included (`<a href>` a link, `<b>` bold).
fn element_markdown(element: ElementRef, depth: usize) -> String {
    let value = element.value();
    let skipped = SKIPPED.contains(&value.name()) && !is_titling_button(element);
    if skipped || is_word_list_marker(value) || is_permalink(element) {
        return String::new();
    }
    let inner = inline_markdown_at(element, depth);
    match value.name() {
        // Spaces just inside a link or emphasis (`Manages<a> L2</a>`) belong to the sentence:
        // they go outside the marks, which may not hold them.
        "a" => match value.attr("href") {
            Some(href) if !inner.trim().is_empty() => wrapped(&inner, "[", &format!("]({href})")),
            _ => inner,
        },
        "b" | "strong" if !inner.trim().is_empty() => wrapped(&inner, "**", "**"),
        "i" | "em" if !inner.trim().is_empty() => wrapped(&inner, "*", "*"),
        "code" => format!("`{inner}`"),
        "br" => String::from(LINE_BREAK),
        "p" | "div" | "li" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "ul" | "ol" | "tr" => {
            format!(" {inner} ")
        }
        _ => inner,
    }
}

/// A heading's permalink, which sites add before or after its words (`<a class="header-anchor"
/// href="#roles" aria-hidden="true">#</a>`, Sphinx's `¶`): a link to the page itself whose
/// text is only a mark.
fn is_permalink(element: ElementRef) -> bool {
    let value = element.value();
    if value.name() != "a" || !value.attr("href").is_some_and(|href| href.starts_with('#')) {
        return false;
    }
    let text: String = element.text().collect();
    let text = text.trim();
    text.is_empty() || matches!(text, "#" | "¶" | "§" | "🔗" | "⚓" | "⚓︎" | "🔗︎")
}

/// `inner` between `open` and `close`, the spaces at its ends kept outside them.
fn wrapped(inner: &str, open: &str, close: &str) -> String {
    let leading = if inner.starts_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    let trailing = if inner.ends_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    format!("{leading}{open}{}{close}{trailing}", inner.trim())
}

#[cfg(test)]
mod tests {
    use super::bold_key;

    #[test]
    fn a_bold_key_is_a_label_up_to_a_long_phrase_but_not_a_sentence() {
        let long = "**Solid technical skills and code contributions across most engine areas**: \
                    Maintainers must be able to evaluate the scope of pull requests.";
        assert_eq!(
            bold_key(long).map(|(key, _)| key).as_deref(),
            Some("Solid technical skills and code contributions across most engine areas")
        );
        assert_eq!(
            bold_key("**Ownership:** Owns a service.")
                .map(|(_, value)| value)
                .as_deref(),
            Some("Owns a service.")
        );
        assert!(bold_key("**Read the guide first.**: then ask.").is_none());
        assert!(bold_key(&format!("**{}**: text", "word ".repeat(20))).is_none());
    }
}

#[test]
fn documentation_sites_syntax_reads_as_plain_markdown() {
    let text = "# Levels\n\n!!! info \"Valid from\"\n    April 2024.\n\n[TOC]\n\n## Junior\n\n\
                    === \"Craft\"\n\n    - Writes SQL.[^1]\n\n:::tip Using this page\nRead it whole.\n:::\n\n\
                    See [EM levels]({{< ref \"/careers/em\" >}}).\n\n[^1]: Or Python.\n";
    let plain = site_syntax_as_markdown(text).unwrap();
    assert_eq!(plain.lines().count(), text.lines().count());
    assert_eq!(
            plain,
            "# Levels\n\n**Valid from**\nApril 2024.\n\n\n\n## Junior\n\n### Craft\n\n- Writes SQL.\n\n\
             **Using this page**\nRead it whole.\n\n\nSee [EM levels](/careers/em).\n\nOr Python.\n"
        );
    assert!(site_syntax_as_markdown("# Plain\n\n- A [link](x) and ::: three\n").is_none());
}

#[cfg(test)]
mod reference_tests {
    #[test]
    fn character_references_read_as_their_characters_but_markup_stays() {
        assert_eq!(
            super::decoded_references("P&amp;L &eacute;t&eacute; &#169; &#x2014; a&nbsp;b"),
            "P&L été © — a b"
        );
        // Written out, these would be markup, a code span's text, or another reference.
        for kept in [
            "&lt;b&gt;",
            "&ast;not&ast;",
            "`&amp;`",
            "&amp;copy;",
            "AT&T",
            "&bogus;",
        ] {
            assert_eq!(super::decoded_references(kept), kept);
        }
    }
}
