//! Word documents (`.docx`, as Word, Google Docs, LibreOffice and pandoc write them) as an
//! outline: headings from paragraph styles (their outline level, or a `Heading N` name, through
//! `basedOn`), lists with their nesting from the numbering of each paragraph or its style,
//! tables with merged cells filled in, bold and italic runs as Markdown.
//!
//! The package is read by `docx-rs`; its model is walked through the crate's own JSON form
//! (`serde`), because several of the fields needed here (bold, spans) are private in its Rust
//! API. A "line" of a Word document is its paragraph number, counted from 1.

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use super::outline::{Block, Cell};

/// The outline of a `.docx` file, or why it cannot be read.
pub fn outline(bytes: &[u8]) -> Result<Vec<Block>, String> {
    // A panic of docx-rs on a damaged file is caught by the importer's entry point
    // (`import_file_with`), which reports it as the file's error.
    crate::package::check(bytes)
        .map_err(|refused| format!("{} ({})", refused.message, refused.hint))?;
    parts_parse(bytes)?;
    let without_comments = without_comments(bytes)?;
    let docx = docx_rs::read_docx(&without_comments)
        .map_err(|error| format!("this is not a Word document docx-rs can read: {error}"))?;
    let value = serde_json::to_value(&docx)
        .map_err(|error| format!("the Word document could not be read: {error}"))?;
    let children = value
        .pointer("/document/children")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    // Headings sit one level deeper when the document uses the Title style above them (its
    // id is "Title", or another named "Title": Chinese-locale Word writes "a3").
    let title_ids: HashSet<&str> = value
        .pointer("/styles/styles")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|style| {
            let id = style.get("styleId")?.as_str()?;
            let name = style.get("name").and_then(Value::as_str).unwrap_or("");
            (id == "Title" || name.eq_ignore_ascii_case("title")).then_some(id)
        })
        .chain(["Title"])
        .collect();
    let title_used = children.iter().any(|child| {
        child
            .pointer("/data/property/style")
            .and_then(Value::as_str)
            .is_some_and(|style| title_ids.contains(style))
    });
    let styles = Styles::new(&value, title_used);
    // docx-rs lists the package's hyperlink relationships as `[id, target, mode]`.
    let links = value
        .get("hyperlinks")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|link| {
            let link = link.as_array()?;
            Some((
                link.first()?.as_str()?.to_owned(),
                link.get(1)?.as_str()?.to_owned(),
            ))
        })
        .collect();
    let mut reader = Reader {
        styles,
        links,
        unmarked: unmarked_list_levels(&value),
        paragraph: 0,
    };
    let mut blocks = reader.blocks(&children);
    // A note's text is the document's as much as the sentence it hangs from: kept after the
    // body, a paragraph each, as a printed page shows them.
    let line = blocks.last().map_or(1, |block| block.line() + 1);
    for (index, note) in notes(bytes).into_iter().enumerate() {
        blocks.push(paragraph_block(note, line + index));
    }
    Ok(blocks)
}

/// The package's parts holding footnotes and endnotes, which docx-rs does not read.
const NOTE_PARTS: &[&str] = &["word/footnotes.xml", "word/endnotes.xml"];

/// The text of each footnote and endnote, in the order the parts hold them (Word's separator
/// notes, which hold no text, left out). (The package's size was checked before.)
fn notes(bytes: &[u8]) -> Vec<String> {
    use quick_xml::events::Event;
    use std::io::Read;
    let Ok(mut archive) = zip::ZipArchive::new(std::io::Cursor::new(bytes)) else {
        return Vec::new();
    };
    let mut notes = Vec::new();
    for part in NOTE_PARTS {
        let mut xml = Vec::new();
        let read = archive
            .by_name(part)
            .map(|mut member| member.read_to_end(&mut xml));
        if !matches!(read, Ok(Ok(_))) {
            continue;
        }
        let mut reader = quick_xml::Reader::from_reader(xml.as_slice());
        let mut buffer = Vec::new();
        // The note being read (`<w:footnote>`), and whether inside its text (`<w:t>`).
        let mut note: Option<String> = None;
        let mut in_text = false;
        loop {
            match reader.read_event_into(&mut buffer) {
                Ok(Event::Eof) | Err(_) => break,
                Ok(Event::Start(element)) => match element.local_name().as_ref() {
                    "footnote" | "endnote" => note = Some(String::new()),
                    "t" => in_text = true,
                    "p" => {
                        if let Some(note) = note.as_mut().filter(|note| !note.is_empty()) {
                            note.push(' ');
                        }
                    }
                    _ => {}
                },
                Ok(Event::Empty(element)) if element.local_name().as_ref() == "tab" => {
                    if let Some(note) = note.as_mut() {
                        note.push(' ');
                    }
                }
                Ok(Event::Text(text)) if in_text => {
                    if let Some(note) = note.as_mut() {
                        note.push_str(&text.xml10_content());
                    }
                }
                // (`&amp;` and `&#169;` come as references of their own.)
                Ok(Event::GeneralRef(reference)) if in_text => {
                    let name = reference.xml10_content();
                    let character =
                        reference
                            .resolve_char_ref()
                            .ok()
                            .flatten()
                            .or(match name.as_ref() {
                                "amp" => Some('&'),
                                "lt" => Some('<'),
                                "gt" => Some('>'),
                                "quot" => Some('"'),
                                "apos" => Some('\''),
                                _ => None,
                            });
                    if let (Some(note), Some(character)) = (note.as_mut(), character) {
                        note.push(character);
                    }
                }
                Ok(Event::End(element)) => match element.local_name().as_ref() {
                    "t" => in_text = false,
                    "footnote" | "endnote" => {
                        let text = note.take().unwrap_or_default();
                        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
                        if !text.is_empty() {
                            notes.push(escape(&text));
                        }
                    }
                    _ => {}
                },
                _ => {}
            }
            buffer.clear();
        }
    }
    notes
}

/// Reviewers' comments are no part of a ladder, and docx-rs panics on a comment whose id is
/// damaged ("should comment id exists"): the package is read with its comment parts emptied.
fn without_comments(bytes: &[u8]) -> Result<Vec<u8>, String> {
    use std::io::{Read, Write};
    const EMPTY: &[u8] = br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>"#;
    let damaged = |error: String| format!("the Word document is damaged: {error}");
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|error| damaged(error.to_string()))?;
    let is_comments = |name: &str| name.starts_with("word/comments") && name.ends_with(".xml");
    if !archive
        .file_names()
        .any(|name| name.is_ok_and(|name| is_comments(&name)))
    {
        return Ok(bytes.to_vec());
    }
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1));
    for index in 0..archive.len() {
        let mut member = archive
            .by_index(index)
            .map_err(|error| damaged(error.to_string()))?;
        let name = member
            .name()
            .map_err(|error| damaged(error.to_string()))?
            .into_owned();
        let mut data = Vec::new();
        member
            .read_to_end(&mut data)
            .map_err(|error| damaged(error.to_string()))?;
        if is_comments(&name) {
            data = EMPTY.to_vec();
        }
        out.start_file(name, options)
            .and_then(|()| out.write_all(&data).map_err(Into::into))
            .map_err(|error| damaged(error.to_string()))?;
    }
    out.finish()
        .map(std::io::Cursor::into_inner)
        .map_err(|error| damaged(error.to_string()))
}

/// Every XML part of the package read through once with docx-rs's own XML reader, stopping at
/// the first error: docx-rs's part readers retry forever on an error (a `numbering.xml` with
/// one damaged byte spun at 100% CPU), so a part it cannot parse is refused here, by name.
fn parts_parse(bytes: &[u8]) -> Result<(), String> {
    let damaged = |what: String| {
        format!("the Word document is damaged: {what} (open it in Word and save it again)")
    };
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|error| damaged(error.to_string()))?;
    for index in 0..archive.len() {
        let member = archive
            .by_index(index)
            .map_err(|error| damaged(error.to_string()))?;
        let name = member
            .name()
            .map_or_else(|_| format!("part {index}"), |name| name.into_owned());
        if !(name.ends_with(".xml") || name.ends_with(".rels")) {
            continue;
        }
        // docx-rs takes each entry of `[Content_Types].xml` to have two attributes (its
        // extension or part name, and its type) and panics on one that has fewer.
        let content_types = name == "[Content_Types].xml";
        let mut depth = 0usize;
        let mut reader = docx_rs::EventReader::new(member);
        loop {
            match reader.next_event() {
                Ok(docx_rs::XmlEvent::EndDocument) => break,
                Ok(docx_rs::XmlEvent::StartElement { attributes, .. }) => {
                    if content_types && depth == 1 && attributes.len() < 2 {
                        return Err(damaged(format!(
                            "`{name}` has an entry without its part and type"
                        )));
                    }
                    depth += 1;
                }
                Ok(docx_rs::XmlEvent::EndElement { .. }) => depth = depth.saturating_sub(1),
                Ok(_) => {}
                Err(error) => return Err(damaged(format!("`{name}` cannot be read: {error}"))),
            }
        }
    }
    Ok(())
}

/// Heading depths and list levels that paragraph styles give.
struct Styles {
    /// Heading depth (1-based) per style id.
    headings: HashMap<String, u8>,
    /// List level per style id, for styles that number their paragraphs (`List Bullet`).
    lists: HashMap<String, usize>,
}

impl Styles {
    fn new(docx: &Value, title_used: bool) -> Self {
        let styles = docx
            .pointer("/styles/styles")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        let by_id: HashMap<String, &Value> = styles
            .iter()
            .filter_map(|style| Some((style.get("styleId")?.as_str()?.to_owned(), style)))
            .collect();
        let mut headings = HashMap::new();
        let mut lists = HashMap::new();
        for (id, style) in &by_id {
            // Follow `basedOn` a few steps: a custom heading style based on Heading 2.
            let mut current = Some(*style);
            for _ in 0..6 {
                let Some(style) = current else { break };
                let style_id = style.get("styleId").and_then(Value::as_str).unwrap_or("");
                let name = style
                    .get("name")
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .to_lowercase();
                let outline = style
                    .pointer("/paragraphProperty/outlineLvl")
                    .and_then(Value::as_u64);
                let numbered = style
                    .pointer("/paragraphProperty/numberingProperty/id")
                    .and_then(Value::as_u64)
                    .is_some_and(|id| id > 0);
                let depth = if style_id == "Title" || name == "title" {
                    Some(1)
                } else if let Some(level) = outline.filter(|&level| level < 9) {
                    Some(level as u8 + 1 + u8::from(title_used))
                } else {
                    name.strip_prefix("heading ")
                        .or_else(|| style_id.strip_prefix("Heading"))
                        .and_then(|rest| rest.trim().parse::<u8>().ok())
                        .filter(|depth| (1..=9).contains(depth))
                        .map(|depth| depth + u8::from(title_used))
                };
                if let Some(depth) = depth {
                    headings.insert(id.clone(), depth.min(6));
                    break;
                }
                if numbered || name.starts_with("list bullet") || name.starts_with("list number") {
                    let level = style
                        .pointer("/paragraphProperty/numberingProperty/level")
                        .and_then(Value::as_u64)
                        .unwrap_or(0);
                    lists.insert(id.clone(), level as usize);
                    break;
                }
                current = style
                    .get("basedOn")
                    .and_then(Value::as_str)
                    .and_then(|base| by_id.get(base).copied());
            }
        }
        Styles { headings, lists }
    }
}

/// The list levels (numbering id, level) whose marker is blank or none: a paragraph so
/// numbered continues the item above it, as pandoc writes a list item's second paragraph
/// (`Anybody is welcome.` under `Qualifications:`), and as a reader sees it, without a bullet.
fn unmarked_list_levels(docx: &Value) -> HashSet<(u64, u64)> {
    let abstract_nums = docx
        .pointer("/numberings/abstractNums")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default();
    let mut blank: HashMap<u64, Vec<u64>> = HashMap::new();
    for abstract_num in abstract_nums {
        let Some(id) = abstract_num.get("id").and_then(Value::as_u64) else {
            continue;
        };
        for level in abstract_num
            .get("levels")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let text = level.get("text").and_then(Value::as_str).unwrap_or("");
            let format = level.get("format").and_then(Value::as_str).unwrap_or("");
            if text.trim().is_empty() || format == "none" {
                if let Some(depth) = level.get("level").and_then(Value::as_u64) {
                    blank.entry(id).or_default().push(depth);
                }
            }
        }
    }
    docx.pointer("/numberings/numberings")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|numbering| {
            let id = numbering.get("id").and_then(Value::as_u64)?;
            let levels = blank.get(&numbering.get("abstractNumId").and_then(Value::as_u64)?)?;
            Some(levels.iter().map(move |&level| (id, level)))
        })
        .flatten()
        .collect()
}

/// What one paragraph is.
enum Paragraph {
    Heading(u8, String),
    ListItem(usize, String),
    /// A paragraph of the list item above it at this level, numbered without a marker.
    ItemContinued(usize, String),
    Text(String),
}

struct Reader {
    styles: Styles,
    /// Where each external hyperlink points, by its relationship id.
    links: HashMap<String, String>,
    /// The list levels that show no marker ([`unmarked_list_levels`]).
    unmarked: HashSet<(u64, u64)>,
    /// Paragraphs read so far: a paragraph's number is its "line".
    paragraph: usize,
}

impl Reader {
    fn blocks(&mut self, children: &[Value]) -> Vec<Block> {
        let mut out = Vec::new();
        let mut list: Vec<(usize, String)> = Vec::new();
        let mut list_line = 0;
        for child in children {
            let kind = child.get("type").and_then(Value::as_str).unwrap_or("");
            let data = child.get("data").unwrap_or(&Value::Null);
            match kind {
                "paragraph" => {
                    self.paragraph += 1;
                    let line = self.paragraph;
                    match self.paragraph_kind(data) {
                        Paragraph::ItemContinued(level, text)
                            if item_above(&list, level).is_some() =>
                        {
                            if let Some(index) = item_above(&list, level) {
                                list[index].1.push_str("\n\n");
                                list[index].1.push_str(&text);
                            }
                        }
                        Paragraph::ListItem(level, text)
                        | Paragraph::ItemContinued(level, text) => {
                            if list.is_empty() {
                                list_line = line;
                            }
                            list.push((level, text));
                        }
                        other => {
                            flush_list(&mut list, list_line, &mut out);
                            match other {
                                Paragraph::Heading(level, text) if !text.is_empty() => {
                                    out.push(Block::Heading {
                                        level,
                                        text: super::interpret::plain(&text),
                                        line,
                                    })
                                }
                                Paragraph::Text(text) if !text.trim().is_empty() => {
                                    out.push(paragraph_block(text, line))
                                }
                                _ => {}
                            }
                        }
                    }
                }
                "table" => {
                    flush_list(&mut list, list_line, &mut out);
                    self.paragraph += 1;
                    let line = self.paragraph;
                    let rows = self.table(data);
                    if !rows.is_empty() {
                        out.push(Block::Table { rows, line });
                    }
                }
                // Content controls and the like wrap paragraphs of their own.
                "structuredDataTag" => {
                    flush_list(&mut list, list_line, &mut out);
                    let inner = data
                        .get("children")
                        .and_then(Value::as_array)
                        .cloned()
                        .unwrap_or_default();
                    out.extend(self.blocks(&inner));
                }
                _ => {}
            }
        }
        flush_list(&mut list, list_line, &mut out);
        out
    }

    fn paragraph_kind(&self, data: &Value) -> Paragraph {
        let text = runs_markdown(data.get("children").unwrap_or(&Value::Null), &self.links);
        let style = data
            .pointer("/property/style")
            .and_then(Value::as_str)
            .unwrap_or("");
        if let Some(&depth) = self.styles.headings.get(style) {
            return Paragraph::Heading(depth, text);
        }
        if let Some(level) = data
            .pointer("/property/outlineLvl")
            .and_then(Value::as_u64)
            .filter(|&level| level < 6)
        {
            return Paragraph::Heading(level as u8 + 1, text);
        }
        let numbering = data.pointer("/property/numberingProperty");
        let numbered = numbering
            .and_then(|numbering| numbering.get("id"))
            .and_then(Value::as_u64)
            .is_some_and(|id| id > 0);
        if numbered {
            let level = numbering
                .and_then(|numbering| numbering.get("level"))
                .and_then(Value::as_u64)
                .unwrap_or(0);
            let id = numbering
                .and_then(|numbering| numbering.get("id"))
                .and_then(Value::as_u64)
                .unwrap_or(0);
            if self.unmarked.contains(&(id, level)) {
                return Paragraph::ItemContinued(level as usize, text);
            }
            return Paragraph::ListItem(level as usize, text);
        }
        if let Some(&level) = self.styles.lists.get(style) {
            return Paragraph::ListItem(level, text);
        }
        Paragraph::Text(text)
    }

    /// A table's rows, a cell repeated over the columns it spans and down the rows merged
    /// with it, the first row a header.
    fn table(&mut self, data: &Value) -> Vec<Vec<Cell>> {
        let mut rows: Vec<Vec<Cell>> = Vec::new();
        let table_rows = data
            .get("rows")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        for (row_index, row) in table_rows.iter().enumerate() {
            let cells = row
                .pointer("/data/cells")
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default();
            let mut out: Vec<Cell> = Vec::new();
            for cell in &cells {
                let cell = cell.get("data").unwrap_or(&Value::Null);
                let span = cell
                    .pointer("/property/gridSpan")
                    .and_then(Value::as_u64)
                    .unwrap_or(1)
                    .clamp(1, 64) as usize;
                let continued = cell
                    .pointer("/property/verticalMerge")
                    .and_then(Value::as_str)
                    .is_some_and(|merge| merge == "continue");
                let content = if continued {
                    let above = rows.last().and_then(|above| above.get(out.len())).cloned();
                    Cell {
                        spanned: true,
                        ..above.unwrap_or_default()
                    }
                } else {
                    let children = cell
                        .get("children")
                        .and_then(Value::as_array)
                        .cloned()
                        .unwrap_or_default();
                    let blocks = self.blocks(&children);
                    let text = blocks.iter().map(block_text).collect::<Vec<_>>().join("\n");
                    let structured = blocks
                        .iter()
                        .any(|block| matches!(block, Block::List { .. }))
                        || blocks.len() > 1;
                    Cell {
                        text,
                        blocks: if structured { blocks } else { Vec::new() },
                        header: row_index == 0,
                        spanned: false,
                    }
                };
                for copy_index in 0..span {
                    let mut copy = content.clone();
                    copy.header = row_index == 0;
                    copy.spanned |= copy_index > 0;
                    out.push(copy);
                }
            }
            rows.push(out);
        }
        rows
    }
}

fn block_text(block: &Block) -> String {
    match block {
        Block::Heading { text, .. } | Block::Paragraph { text, .. } => text.clone(),
        Block::KeyValue { key, value, .. } => format!("**{key}:** {value}"),
        Block::List { items, .. } => items
            .iter()
            .map(|item| item.text.clone())
            .collect::<Vec<_>>()
            .join("\n"),
        Block::Table { rows, .. } => super::outline::table_text(rows),
    }
}

/// A paragraph, or a `**Key:** value` line, as the Markdown reader would give it.
fn paragraph_block(text: String, line: usize) -> Block {
    match super::outline::bold_key(&text) {
        Some((key, value)) => Block::KeyValue { key, value, line },
        None => Block::Paragraph { text, line },
    }
}

/// Items at their list levels as a nested list.
/// The item a paragraph at `level` continues: the last one at that level, unless a shallower
/// one came after it.
fn item_above(list: &[(usize, String)], level: usize) -> Option<usize> {
    list.iter()
        .rposition(|(above, _)| *above <= level)
        .filter(|&index| list[index].0 == level)
}

fn flush_list(list: &mut Vec<(usize, String)>, line: usize, out: &mut Vec<Block>) {
    if list.is_empty() {
        return;
    }
    let items = super::outline::nested_items(list);
    out.push(Block::List { items, line });
    list.clear();
}

/// The text of a paragraph's runs as Markdown: bold runs `**…**`, italic `*…*`, links to
/// other documents as Markdown links (`links`: their targets by relationship id), links
/// inside the document as their text, breaks as line breaks.
fn runs_markdown(children: &Value, links: &HashMap<String, String>) -> String {
    let mut pieces: Vec<(String, bool, bool)> = Vec::new();
    collect_runs(children, links, &mut pieces, 0);
    let mut out = String::new();
    let mut index = 0;
    while index < pieces.len() {
        let (bold, italic) = (pieces[index].1, pieces[index].2);
        let mut text = String::new();
        while index < pieces.len() && pieces[index].1 == bold && pieces[index].2 == italic {
            text.push_str(&pieces[index].0);
            index += 1;
        }
        let trimmed = text.trim();
        if trimmed.is_empty() || (!bold && !italic) {
            out.push_str(&text);
            continue;
        }
        let mark = match (bold, italic) {
            (true, true) => "***",
            (true, false) => "**",
            _ => "*",
        };
        let leading = &text[..text.len() - text.trim_start().len()];
        let trailing = &text[text.trim_end().len()..];
        out.push_str(leading);
        out.push_str(mark);
        out.push_str(trimmed);
        out.push_str(mark);
        out.push_str(trailing);
    }
    out.split('\n')
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_owned()
}

fn collect_runs(
    children: &Value,
    links: &HashMap<String, String>,
    out: &mut Vec<(String, bool, bool)>,
    depth: usize,
) {
    let Some(children) = children.as_array() else {
        return;
    };
    if depth > 16 {
        return;
    }
    for child in children {
        let kind = child.get("type").and_then(Value::as_str).unwrap_or("");
        let data = child.get("data").unwrap_or(&Value::Null);
        match kind {
            "run" => {
                let property = data.get("runProperty").unwrap_or(&Value::Null);
                let on = |key: &str| property.get(key).and_then(Value::as_bool).unwrap_or(false);
                let (bold, italic) = (on("bold"), on("italic"));
                let mut text = String::new();
                for piece in data
                    .get("children")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                {
                    match piece.get("type").and_then(Value::as_str).unwrap_or("") {
                        "text" => {
                            let raw = piece
                                .pointer("/data/text")
                                .and_then(Value::as_str)
                                .unwrap_or("");
                            text.push_str(&escape(raw));
                        }
                        "tab" => text.push(' '),
                        "break" => text.push('\n'),
                        _ => {}
                    }
                }
                out.push((text, bold, italic));
            }
            "hyperlink" => {
                let inner = data.get("children").unwrap_or(&Value::Null);
                let target = data
                    .get("rid")
                    .and_then(Value::as_str)
                    .and_then(|id| links.get(id));
                let Some(target) = target else {
                    collect_runs(inner, links, out, depth + 1);
                    continue;
                };
                let mut words = Vec::new();
                collect_runs(inner, links, &mut words, depth + 1);
                let (bold, italic) = words.first().map_or((false, false), |w| (w.1, w.2));
                let text: String = words.into_iter().map(|(text, _, _)| text).collect();
                let destination = if target.contains([' ', '(', ')', '<', '>']) {
                    format!("<{}>", target.replace('<', "%3C").replace('>', "%3E"))
                } else {
                    target.clone()
                };
                out.push((format!("[{text}]({destination})"), bold, italic));
            }
            "insert" | "structuredDataTag" => collect_runs(
                data.get("children").unwrap_or(&Value::Null),
                links,
                out,
                depth + 1,
            ),
            _ => {}
        }
    }
}

/// Text taken literally: characters Markdown would read as markup are escaped.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '*' | '`' | '\\' | '[' | ']' | '_' | '<') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use docx_rs::{Docx, Paragraph, Run, Style, StyleType};

    use super::{outline, Block};

    /// A Word document of `(style id, text)` paragraphs, with the styles named as given.
    fn document(styles: &[(&str, &str)], paragraphs: &[(&str, &str)]) -> Vec<u8> {
        let mut docx = Docx::new();
        for (id, name) in styles {
            docx = docx.add_style(Style::new(*id, StyleType::Paragraph).name(*name));
        }
        for (style, text) in paragraphs {
            docx = docx.add_paragraph(
                Paragraph::new()
                    .add_run(Run::new().add_text(*text))
                    .style(style),
            );
        }
        let mut bytes = std::io::Cursor::new(Vec::new());
        docx.build().pack(&mut bytes).expect("packed");
        bytes.into_inner()
    }

    #[test]
    fn a_footnote_s_text_is_kept_after_the_body() {
        // The footnote's text was lost: docx-rs does not read `word/footnotes.xml`.
        let note = docx_rs::Footnote::new()
            .add_content(Paragraph::new().add_run(Run::new().add_text("Bands & notes apply.")));
        let docx = Docx::new().add_paragraph(
            Paragraph::new().add_run(
                Run::new()
                    .add_text("Promotions are yearly.")
                    .add_footnote_reference(note),
            ),
        );
        let mut bytes = std::io::Cursor::new(Vec::new());
        docx.build().pack(&mut bytes).expect("packed");
        let blocks = outline(&bytes.into_inner()).expect("read");
        let texts: Vec<String> = blocks.iter().map(super::block_text).collect();
        assert_eq!(
            texts.first().map(String::as_str),
            Some("Promotions are yearly.")
        );
        assert_eq!(
            texts.last().map(String::as_str),
            Some("Bands & notes apply."),
            "{texts:?}"
        );
    }

    #[test]
    fn a_title_style_with_another_id_puts_the_headings_under_the_title() {
        // Chinese-locale Word names its styles by number: the Title style is "a3", Heading 1
        // is "1".
        let bytes = document(
            &[("a3", "Title"), ("1", "heading 1")],
            &[
                ("a3", "研发职级体系"),
                ("Normal", "本文档定义职级。"),
                ("1", "P5 初级工程师"),
                ("Normal", "完成分配的任务"),
            ],
        );
        let headings: Vec<(u8, String)> = outline(&bytes)
            .expect("read")
            .into_iter()
            .filter_map(|block| match block {
                Block::Heading { level, text, .. } => Some((level, text)),
                _ => None,
            })
            .collect();
        assert_eq!(
            headings,
            [
                (1, "研发职级体系".to_owned()),
                (2, "P5 初级工程师".to_owned())
            ]
        );
    }
}
