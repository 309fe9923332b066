//! reStructuredText and MDX as the Markdown the importer reads.
//!
//! Sphinx handbooks (Read the Docs) write ladders in reStructuredText; Docusaurus sites in
//! MDX. Both are rewritten line for line into Markdown, so that one reader serves all three
//! and a diagnostic's line is the source's line: a title and its underline become `# Title`
//! and a blank line, a `list-table` directive a pipe table padded with blank lines.

use std::collections::HashMap;

/// Characters RST underlines (and overlines) titles with.
const ADORNMENT: &str = "=-~`:'\"^_*+#<>.";

/// Directives whose body is a note to the reader: kept as a quotation.
const ADMONITIONS: &[&str] = &[
    "note",
    "warning",
    "tip",
    "hint",
    "important",
    "caution",
    "attention",
    "danger",
    "error",
    "admonition",
    "seealso",
];

/// Directives whose body is prose to keep as it is (a container, a topic, a sidebar).
const CONTAINERS: &[&str] = &[
    "container",
    "topic",
    "sidebar",
    "rubric",
    "compound",
    "epigraph",
];

/// Directives that fold a titled part of the page away (sphinx-design's dropdowns, tabs and
/// cards): on the built page each is a section a reader opens, so its argument is a title one
/// deeper than the section it is in, and its body the section's text.
const PANELS: &[&str] = &[
    "dropdown",
    "tab-item",
    "tab",
    "card",
    "grid-item-card",
    "details",
];

/// Directives that only group or condition what they hold (`only:: html`, a tab set, a grid):
/// their body is the page's text, converted as the rest of it is.
const GROUPS: &[&str] = &["only", "tab-set", "tabs", "grid", "grid-item", "ifconfig"];

/// How deeply panels and groups inside one another are converted as the page is; deeper
/// bodies are kept line by line (a hostile file cannot recurse without end).
const MAX_PANEL_NESTING: usize = 8;

/// The adornment character of a line that is nothing else (`=====`), three or more long.
fn adornment(line: &str) -> Option<char> {
    let trimmed = line.trim_end();
    let first = trimmed.chars().next()?;
    (trimmed.chars().count() >= 3
        && ADORNMENT.contains(first)
        && trimmed.chars().all(|c| c == first))
    .then_some(first)
}

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start().len()
}

/// A directive line (`.. list-table::`, `.. note:: text`): its name and what follows `::`.
fn directive(line: &str) -> Option<(String, String)> {
    let rest = line.trim_start().strip_prefix(".. ")?;
    let (name, after) = rest.split_once("::")?;
    let name = name.trim();
    (!name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == ':'))
    .then(|| (name.to_ascii_lowercase(), after.trim().to_owned()))
}

/// A list item's marker at the start of a trimmed line (`- `, `* `, `+ `, `1. `, `#. `, `a) `).
fn starts_list_item(trimmed: &str) -> bool {
    if ["- ", "* ", "+ ", "#. "]
        .iter()
        .any(|marker| trimmed.starts_with(marker))
        || ["-", "*", "+"].contains(&trimmed)
    {
        return true;
    }
    let label = trimmed
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(trimmed.len());
    (1..=3).contains(&label)
        && (trimmed[label..].starts_with(". ") || trimmed[label..].starts_with(") "))
        && (trimmed[..label].chars().all(|c| c.is_ascii_digit()) || label == 1)
}

/// Blocks set under a list item less deep than its text (`1. **Editors** are …` then
/// `  * Advocate EDAM`, two spaces in where the item's text starts at three): docutils draws
/// them indented under the item, and its reader sees them as the item's; Markdown would end
/// the item there. Such blocks are set at the item's text column, their own nesting kept.
/// Returns the lines, as many.
fn blocks_under_items(lines: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = lines.iter().map(|line| (*line).to_owned()).collect();
    // The open item: its marker's indentation and its text's column.
    let mut item: Option<(usize, usize)> = None;
    // How far the block being moved goes in, once its first line is seen.
    let mut shift: Option<usize> = None;
    for (index, line) in lines.iter().enumerate() {
        let trimmed = line.trim_start();
        if trimmed.is_empty() {
            continue;
        }
        let indent = indent_of(line);
        if let Some((marker_at, text_at)) = item {
            if indent <= marker_at {
                // Out of the item (its next sibling is opened below).
                item = None;
                shift = None;
            } else if indent < text_at {
                let by = *shift.get_or_insert(text_at - indent);
                out[index] = format!("{}{line}", " ".repeat(by));
                continue;
            } else if shift.is_some() {
                // Deeper lines of a moved block move with it.
                let by = shift.unwrap_or(0);
                out[index] = format!("{}{line}", " ".repeat(by));
                continue;
            }
        }
        if item.is_none() && starts_list_item(trimmed) {
            let marker = trimmed
                .split_once(' ')
                .map_or(trimmed.len(), |(m, _)| m.len());
            let text_at =
                indent + marker + trimmed[marker..].chars().take_while(|c| *c == ' ').count();
            item = Some((indent, text_at));
            shift = None;
        }
    }
    out
}

/// Top-level definition lists (`Term` over its indented definition, no blank line between):
/// a document lists its roles so ("Contributor" / "  A contributor is …"). Each term is a
/// titled section of its own to a reader, so it becomes a heading one deeper than the section
/// it is in, and its definition loses the indentation that would make it code in Markdown.
/// Returns the lines (same count) and which of them are terms.
fn definition_terms(lines: &[&str]) -> (Vec<String>, Vec<bool>) {
    let mut out: Vec<String> = lines.iter().map(|line| (*line).to_owned()).collect();
    let mut is_term = vec![false; lines.len()];
    let mut index = 0;
    while index + 1 < lines.len() {
        let line = lines[index];
        let trimmed = line.trim();
        let next = lines[index + 1];
        let term = indent_of(line) == 0
            && !trimmed.is_empty()
            && (index == 0 || lines[index - 1].trim().is_empty())
            && adornment(line).is_none()
            && !trimmed.starts_with("..")
            && !trimmed.starts_with(['|', '+'])
            && !trimmed.ends_with("::")
            && !starts_list_item(trimmed)
            && !next.trim().is_empty()
            && indent_of(next) > 0;
        if !term {
            index += 1;
            continue;
        }
        let mut end = index + 1;
        while end < lines.len() && (lines[end].trim().is_empty() || indent_of(lines[end]) > 0) {
            end += 1;
        }
        let body = &lines[index + 1..end];
        let dedent = body
            .iter()
            .filter(|line| !line.trim().is_empty())
            .map(|line| indent_of(line))
            .min()
            .unwrap_or(0);
        is_term[index] = true;
        for (offset, line) in body.iter().enumerate() {
            out[index + 1 + offset] = line.get(dedent..).unwrap_or("").to_owned();
        }
        index = end;
    }
    (out, is_term)
}

/// A line of a line block (`| text`, its indentation after the bar as spaces): not a grid
/// table's row, which ends with a bar too.
fn line_block(trimmed: &str) -> Option<(usize, &str)> {
    let rest = trimmed.strip_prefix('|')?;
    if trimmed.len() > 1 && trimmed.ends_with('|') {
        return None;
    }
    if rest.is_empty() {
        return Some((0, ""));
    }
    let text = rest.strip_prefix(' ')?;
    Some((indent_of(text), text.trim()))
}

/// reStructuredText as Markdown, with the same number of lines.
pub fn to_markdown(text: &str) -> String {
    LINK_TARGETS.with(|targets| *targets.borrow_mut() = link_targets(text));
    SECTION_LABELS.with(|labels| *labels.borrow_mut() = section_labels(text));
    let text = without_leading_fields(text);
    let markdown = convert(&text, 0, 0);
    LINK_TARGETS.with(|targets| targets.borrow_mut().clear());
    SECTION_LABELS.with(|labels| labels.borrow_mut().clear());
    markdown
}

thread_local! {
    /// The document's named link targets (`.. _Eric Holscher: https://…`) while it is
    /// converted, by normalized name: a reference to one (`` `Eric Holscher`_ ``) is a link.
    /// (Kept beside the conversion rather than passed to each of its helpers that reads
    /// inline text.)
    static LINK_TARGETS: std::cell::RefCell<HashMap<String, String>> =
        std::cell::RefCell::new(HashMap::new());
    /// The document's section labels while it is converted ([`section_labels`]).
    static SECTION_LABELS: std::cell::RefCell<HashMap<String, String>> =
        std::cell::RefCell::new(HashMap::new());
}

/// A reference name as reStructuredText compares them: lowercased, its spaces one.
fn reference_name(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The document without the fields it opens with (`:orphan:`, `:tocdepth: 2`, `:Author: …`),
/// which tell Sphinx how to file the page and are no text of it (as blank lines, so that the
/// title after them is still the first thing the page says).
fn without_leading_fields(text: &str) -> String {
    let mut opening = true;
    let lines: Vec<&str> = text
        .lines()
        .map(|line| {
            let trimmed = line.trim();
            if opening && !trimmed.is_empty() {
                let is_field = trimmed.starts_with(':')
                    && trimmed[1..].split_once(':').is_some_and(|(name, value)| {
                        !name.is_empty()
                                && !name.contains(' ')
                                // (Not a role opening a sentence: `:ref:`x` is …`.)
                                && (value.is_empty() || value.starts_with(' '))
                    });
                if is_field {
                    return "";
                }
                opening = false;
            }
            line
        })
        .collect();
    let mut joined = lines.join("\n");
    if text.ends_with('\n') {
        joined.push('\n');
    }
    joined
}

/// The named link targets of a document (`.. _Name: url`, `` .. _`A: b`: url ``) whose
/// target is an address.
fn link_targets(text: &str) -> HashMap<String, String> {
    let mut targets = HashMap::new();
    for line in text.lines() {
        let Some(rest) = line.trim_start().strip_prefix(".. _") else {
            continue;
        };
        let (name, url) = match rest.strip_prefix('`') {
            Some(quoted) => match quoted.split_once("`:") {
                Some((name, url)) => (name, url),
                None => continue,
            },
            None => match rest.split_once(": ") {
                Some((name, url)) => (name, url),
                None => continue,
            },
        };
        let url = url.trim();
        if url.contains("://") || url.starts_with("mailto:") {
            targets.insert(reference_name(name), url.to_owned());
        }
    }
    targets
}

/// The document's section labels (`.. _organization-change:` above a section's title) by
/// normalized name, each with its section's title: what `` :ref:`organization-change` ``
/// shows a reader.
fn section_labels(text: &str) -> HashMap<String, String> {
    let lines: Vec<&str> = text.lines().collect();
    let mut labels = HashMap::new();
    for (index, line) in lines.iter().enumerate() {
        let Some(name) = line
            .trim()
            .strip_prefix(".. _")
            .and_then(|rest| rest.strip_suffix(':'))
        else {
            continue;
        };
        let name = name.trim_matches('`');
        // The next line that is neither blank nor another label, nor an overline.
        let mut next = index + 1;
        while next < lines.len()
            && (lines[next].trim().is_empty()
                || lines[next].trim_start().starts_with(".. _")
                || adornment(lines[next]).is_some())
        {
            next += 1;
        }
        let title = lines.get(next).map(|title| title.trim());
        let underlined = lines
            .get(next + 1)
            .is_some_and(|under| adornment(under).is_some());
        if let Some(title) = title.filter(|title| underlined && !title.is_empty()) {
            labels.insert(reference_name(name), title.to_owned());
        }
    }
    labels
}

/// [`to_markdown`] with the link targets known.
/// `text` converted, its first title's depth taken after `outer_depth` (the section a panel's
/// body is in), `nesting` panels and groups deep.
fn convert(text: &str, outer_depth: usize, nesting: usize) -> String {
    let under_items = blocks_under_items(&text.lines().collect::<Vec<_>>());
    let under_items: Vec<&str> = under_items.iter().map(String::as_str).collect();
    let (dedented, is_term) = definition_terms(&under_items);
    let lines: Vec<&str> = dedented.iter().map(String::as_str).collect();
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    // The line before left an interpreted text open ([`inline_open`]).
    let mut interpreted_open = false;
    // Heading depth by adornment style (character, overlined), in the order styles appear.
    let mut styles: HashMap<(char, bool), usize> = HashMap::new();
    let mut depth_of = |style: (char, bool)| {
        let next = styles.len() + 1;
        (outer_depth + *styles.entry(style).or_insert(next)).min(6)
    };
    // The depth of the last title: a definition's term is a heading one deeper.
    let mut section_depth = outer_depth;
    let mut literal_next = false;
    let mut index = 0;
    while index < lines.len() {
        let line = lines[index];
        let blank_before = index == 0 || lines[index - 1].trim().is_empty();
        if is_term[index] {
            let depth = (section_depth + 1).min(6);
            out.push(format!("{} {}", "#".repeat(depth), inline(line.trim())));
            literal_next = false;
            index += 1;
            continue;
        }
        // An overlined title: `=====` / `Title` / `=====`.
        if let (Some(over), Some(title), Some(under)) = (
            adornment(line).filter(|_| blank_before),
            lines.get(index + 1),
            lines.get(index + 2).and_then(|l| adornment(l)),
        ) {
            if over == under && !title.trim().is_empty() && adornment(title).is_none() {
                let depth = depth_of((over, true));
                section_depth = depth;
                out.push(String::new());
                out.push(format!("{} {}", "#".repeat(depth), inline(title.trim())));
                out.push(String::new());
                index += 3;
                continue;
            }
        }
        // An underlined title: `Title` / `-----`, at the margin, after a blank line.
        if let Some(under) = lines.get(index + 1).and_then(|l| adornment(l)) {
            let title = line.trim();
            let is_title = blank_before
                && indent_of(line) == 0
                && !title.is_empty()
                && adornment(line).is_none()
                && lines[index + 1].trim_end().chars().count() * 2 >= title.chars().count();
            if is_title {
                let depth = depth_of((under, false));
                section_depth = depth;
                out.push(format!("{} {}", "#".repeat(depth), inline(title)));
                out.push(String::new());
                index += 2;
                continue;
            }
        }
        // A simple table (`=====  =====` borders over and under its header and under its
        // rows): a pipe table in its lines, padded with blank lines.
        if blank_before && simple_border(line).is_some() {
            if let Some(end) = simple_table_end(&lines, index) {
                put_table(
                    &mut out,
                    line,
                    simple_table(&lines[index..end]),
                    end - index,
                );
                literal_next = false;
                index = end;
                continue;
            }
        }
        // A transition between sections: nothing to a reader of the ladder.
        if adornment(line).is_some() && blank_before {
            out.push(String::new());
            index += 1;
            continue;
        }
        // A grid table: a pipe table in its lines, padded with blank lines.
        if grid_border(line.trim()) && blank_before {
            let mut end = index + 1;
            while end < lines.len() && lines[end].trim_start().starts_with(['+', '|']) {
                end += 1;
            }
            put_table(&mut out, line, grid_table(&lines[index..end]), end - index);
            literal_next = false;
            index = end;
            continue;
        }
        // A directive, a comment or a link target, with its indented body; link targets and
        // comments follow one another without blank lines (`.. _Ann: …` / `.. _Bo: …`).
        let after_markup = index > 0 && lines[index - 1].trim_start().starts_with("..");
        if line.trim_start().starts_with("..") && (blank_before || after_markup) {
            let base = indent_of(line);
            let mut end = index + 1;
            while end < lines.len()
                && (lines[end].trim().is_empty() || indent_of(lines[end]) > base)
            {
                end += 1;
            }
            // Trailing blank lines belong to what follows.
            while end > index + 1 && lines[end - 1].trim().is_empty() {
                end -= 1;
            }
            let body = &lines[index + 1..end];
            let rendered = match directive(line) {
                Some((name, argument)) => {
                    render_directive(&name, &argument, body, section_depth, nesting)
                }
                None => Vec::new(),
            };
            let count = end - index;
            out.extend(rendered.into_iter().take(count));
            while out.len() < index + count {
                out.push(String::new());
            }
            index = end;
            continue;
        }
        // A literal block after a paragraph ending in `::`: code, fenced in the lines around.
        if literal_next && indent_of(line) > 0 && blank_before {
            let mut end = index;
            while end < lines.len() && (lines[end].trim().is_empty() || indent_of(lines[end]) > 0) {
                end += 1;
            }
            while end > index && lines[end - 1].trim().is_empty() {
                end -= 1;
            }
            // The blank line before holds the opening fence; the block's lines keep their
            // place; the closing fence goes on the line after, which is blank or the end.
            if let Some(previous) = out.last_mut() {
                *previous = String::from("```");
            }
            out.extend(lines[index..end].iter().map(|l| (*l).to_owned()));
            out.push(String::from("```"));
            index = end + 1;
            literal_next = false;
            continue;
        }
        let trimmed = line.trim_end();
        if !trimmed.is_empty() {
            literal_next = trimmed.ends_with("::");
        }
        let mut converted = if let Some(stripped) = trimmed.strip_suffix("::") {
            // `Requirements::` is `Requirements:` and a literal block; a lone `::` nothing.
            if stripped.trim().is_empty() {
                String::new()
            } else if stripped.ends_with(' ') {
                stripped.trim_end().to_owned()
            } else {
                format!("{stripped}:")
            }
        } else {
            trimmed.to_owned()
        };
        // `#.` auto-numbered items.
        if let Some(rest) = converted.trim_start().strip_prefix("#. ") {
            let indent = indent_of(&converted);
            converted = format!("{}1. {rest}", " ".repeat(indent));
        }
        converted = without_line_block(&converted);
        // A field list's field (`:Requirements: Two merged contributions.`): a bold label.
        if let Some((name, value)) = field(&converted) {
            let indent = indent_of(&converted);
            converted = format!("{}**{name}:** {value}", " ".repeat(indent));
        }
        if interpreted_open {
            converted = closing_interpreted(&converted);
        }
        let (text, open) = inline_open(&converted);
        interpreted_open = open;
        out.push(text);
        index += 1;
    }
    let mut text = out.join("\n");
    text.push('\n');
    text
}

/// A line of a line block as Markdown: an indented line (`|   Helps write …`) is nested under
/// the lines before it, so it becomes an item of a list there; a line at the block's margin
/// is text, also when it opens a list item (`- | Communications leader: …`). Grid tables'
/// rows are left as they are.
fn without_line_block(converted: &str) -> String {
    let indent = indent_of(converted);
    let trimmed = converted.trim_start();
    let (marker, rest) = match ["- ", "* ", "+ "]
        .iter()
        .find(|marker| trimmed.starts_with(**marker))
    {
        Some(marker) => (*marker, trimmed[marker.len()..].trim_start()),
        None => ("", trimmed),
    };
    match line_block(rest) {
        Some((nested, text)) if nested > 0 && marker.is_empty() => {
            format!("{}- {text}", " ".repeat(indent))
        }
        Some((_, text)) => format!("{}{marker}{text}", " ".repeat(indent)),
        None => converted.to_owned(),
    }
}

/// A directive's Markdown, at most as many lines as the directive and its body took; a panel's
/// title is a heading one deeper than `section_depth`.
fn render_directive(
    name: &str,
    argument: &str,
    body: &[&str],
    section_depth: usize,
    nesting: usize,
) -> Vec<String> {
    // The directive's own line first: blank, so that what follows starts a block.
    let mut out = vec![String::new()];
    let content: Vec<&str> = body
        .iter()
        .copied()
        .skip_while(|line| line.trim().starts_with(':') || line.trim().is_empty())
        .collect();
    let skipped = body.len() - content.len();
    let options: Vec<&str> = body[..skipped]
        .iter()
        .copied()
        .filter(|line| line.trim().starts_with(':'))
        .collect();
    if name == "list-table" {
        let header_rows = options
            .iter()
            .find_map(|line| line.trim().strip_prefix(":header-rows:"))
            .and_then(|n| n.trim().parse::<usize>().ok())
            .unwrap_or(0);
        out.extend(std::iter::repeat_n(String::new(), skipped));
        out.extend(list_table(&content, header_rows, argument));
        return out;
    }
    let dedent = content
        .iter()
        .filter(|line| !line.trim().is_empty())
        .map(|line| indent_of(line))
        .min()
        .unwrap_or(0);
    let dedented = content
        .iter()
        .map(|line| line.get(dedent..).unwrap_or("").trim_end());
    out.extend(std::iter::repeat_n(String::new(), skipped));
    let dedented: Vec<&str> = dedented.collect();
    // A note that lists ("The following criteria must be met in order to become a Committer:"
    // over a list) holds items as much as a list outside it does: its body is kept as text.
    let lists = dedented.iter().any(|line| starts_list_item(line));
    let dedented = dedented.into_iter();
    if ADMONITIONS.contains(&name) && !lists {
        if !argument.is_empty() {
            out[0] = format!("> {}", inline(argument));
        }
        out.extend(dedented.map(|line| format!("> {}", inline(line)).trim_end().to_owned()));
    } else if (PANELS.contains(&name) || GROUPS.contains(&name)) && nesting < MAX_PANEL_NESTING {
        let mut depth = section_depth;
        if PANELS.contains(&name) && !argument.is_empty() {
            depth = (section_depth + 1).min(6);
            out[0] = format!("{} {}", "#".repeat(depth), inline(argument));
        }
        let body: Vec<&str> = dedented.collect();
        let converted = convert(&body.join("\n"), depth, nesting + 1);
        out.extend(converted.lines().map(str::to_owned));
    } else if CONTAINERS.contains(&name)
        || ADMONITIONS.contains(&name)
        || PANELS.contains(&name)
        || GROUPS.contains(&name)
    {
        if !argument.is_empty() && name != "container" {
            out[0] = format!("**{}**", inline(argument));
        }
        out.extend(dedented.map(inline));
    }
    out
}

/// What follows a list-table's bullet (`* ` or `- `; a bare `*` holds an empty cell).
fn marker(text: &str) -> Option<&str> {
    text.strip_prefix("* ")
        .or_else(|| text.strip_prefix("- "))
        .or_else(|| (text == "*" || text == "-").then_some(""))
}

/// A `list-table`'s rows (`* - a` / `  - b`, or `* * a` / `  * b`) as a pipe table.
fn list_table(content: &[&str], header_rows: usize, caption: &str) -> Vec<String> {
    let mut rows: Vec<Vec<String>> = Vec::new();
    let Some(row_indent) = content
        .iter()
        .find(|line| !line.trim().is_empty())
        .map(|line| indent_of(line))
    else {
        return Vec::new();
    };
    let mut cell_indent = None;
    for line in content {
        if line.trim().is_empty() {
            break_cell(rows.last_mut().and_then(|row| row.last_mut()));
            continue;
        }
        let indent = indent_of(line);
        let text = line.trim();
        if indent == row_indent {
            if let Some(rest) = marker(text) {
                rows.push(Vec::new());
                // `* - first cell` / `* * first cell`: the row and its first cell on one line.
                if let Some(cell) = marker(rest.trim_start()) {
                    rows.last_mut()
                        .expect("pushed")
                        .push(cell.trim().to_owned());
                    cell_indent = Some(indent + 2);
                }
                continue;
            }
        }
        let Some(row) = rows.last_mut() else {
            continue;
        };
        if cell_indent.is_none_or(|at| indent <= at) {
            if let Some(cell) = marker(text) {
                row.push(cell.trim().to_owned());
                cell_indent = Some(indent);
                continue;
            }
        }
        continue_cell(row, text);
    }
    pipe_table(&rows, header_rows, caption)
}

/// The columns of a simple table's border (`=====  ========`): each run of `=`'s start and
/// end, two runs or more.
fn simple_border(line: &str) -> Option<Vec<(usize, usize)>> {
    let trimmed = line.trim_end();
    if !trimmed.trim_start().starts_with('=') || !trimmed.chars().all(|c| c == '=' || c == ' ') {
        return None;
    }
    let mut columns = Vec::new();
    let mut start = None;
    for (at, c) in trimmed.char_indices() {
        match (c, start) {
            ('=', None) => start = Some(at),
            (' ', Some(from)) => {
                columns.push((from, at));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(from) = start {
        columns.push((from, trimmed.len()));
    }
    (columns.len() >= 2).then_some(columns)
}

/// Where a simple table starting at `start` (a border) ends: after its last border, a
/// border followed by a blank line or the end. `None` when no such border closes it.
fn simple_table_end(lines: &[&str], start: usize) -> Option<usize> {
    let mut borders = 0;
    for (at, line) in lines.iter().enumerate().skip(start + 1) {
        if simple_border(line).is_some() {
            borders += 1;
            let next_blank = lines.get(at + 1).is_none_or(|next| next.trim().is_empty());
            if next_blank {
                return Some(at + 1);
            }
        } else if line.trim().is_empty() && borders == 0 {
            return None;
        }
    }
    None
}

/// A simple table's lines (borders included) as the rows of a pipe table: each line's text
/// cut at the columns of its first border (the last column runs to the line's end); a line
/// whose first column is blank goes on the row above.
fn simple_table(lines: &[&str]) -> Vec<String> {
    let Some(columns) = lines.first().and_then(|line| simple_border(line)) else {
        return Vec::new();
    };
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut header_rows = 0;
    let mut borders = 0;
    for line in &lines[1..] {
        if simple_border(line).is_some() {
            borders += 1;
            if borders == 1 && lines.len() > 1 {
                header_rows = rows.len();
            }
            continue;
        }
        if line.trim().is_empty() {
            continue;
        }
        // (Columns are counted in characters: the border is ASCII, the text may not be.)
        let chars: Vec<char> = line.chars().collect();
        let cut = |from: usize, to: Option<usize>| -> String {
            let from = from.min(chars.len());
            let to = to.map_or(chars.len(), |to| to.min(chars.len())).max(from);
            chars[from..to].iter().collect::<String>().trim().to_owned()
        };
        let cells: Vec<String> = columns
            .iter()
            .enumerate()
            .map(|(index, (from, _))| cut(*from, columns.get(index + 1).map(|(next, _)| *next)))
            .collect();
        match rows.last_mut() {
            Some(row) if cells[0].is_empty() => {
                for (cell, more) in row.iter_mut().zip(cells) {
                    if !more.is_empty() {
                        append_to_cell(cell, &more);
                    }
                }
            }
            _ => rows.push(cells),
        }
    }
    // (Two borders only: no header; three: the rows before the second are the header.)
    if borders < 2 {
        header_rows = 0;
    }
    pipe_table(&rows, header_rows, "")
}

/// A table's pipe-table rows in place of its `lines` source lines, at the indent of its first
/// line (`first`), padded with blank lines to keep the document's lines where they were.
fn put_table(out: &mut Vec<String>, first: &str, rendered: Vec<String>, lines: usize) {
    let indent = " ".repeat(indent_of(first));
    let start = out.len();
    out.extend(
        rendered
            .into_iter()
            .take(lines)
            .map(|row| format!("{indent}{row}")),
    );
    while out.len() < start + lines {
        out.push(String::new());
    }
}

/// A field of a field list (`:Name: value`, the name without a role's backquote after it,
/// whitespace or the line's end after its colon): its name and value.
fn field(line: &str) -> Option<(&str, &str)> {
    let rest = line.trim_start().strip_prefix(':')?;
    let (name, value) = rest.split_once(':')?;
    let named = !name.is_empty()
        && !name.starts_with(' ')
        && !name.ends_with(' ')
        && !name.contains('`')
        && name.chars().count() <= 40;
    (named && (value.is_empty() || value.starts_with(' ')) && !value.trim().is_empty())
        .then(|| (name, value.trim()))
}

/// A border of a grid table (`+----+-----+`, `+====+=====+` under its header rows).
fn grid_border(trimmed: &str) -> bool {
    trimmed.len() >= 3
        && trimmed.starts_with('+')
        && trimmed.ends_with('+')
        && trimmed.contains(['-', '='])
        && trimmed.chars().all(|c| matches!(c, '+' | '-' | '='))
}

/// A grid table (`+---+` borders, `| a | b |` rows, a row's cells over several lines, a
/// blank line inside a cell starting a paragraph) as the rows of a pipe table.
fn grid_table(lines: &[&str]) -> Vec<String> {
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut header_rows = 0;
    let mut row: Vec<String> = Vec::new();
    for line in lines {
        let trimmed = line.trim();
        if grid_border(trimmed) {
            let finished = std::mem::take(&mut row);
            if finished.iter().any(|cell| !cell.is_empty()) {
                rows.push(finished);
            }
            if trimmed.contains('=') {
                header_rows = rows.len();
            }
            continue;
        }
        let inner = trimmed.trim_start_matches('|').trim_end_matches('|');
        for (column, piece) in inner.split('|').enumerate() {
            if row.len() <= column {
                row.resize(column + 1, String::new());
            }
            let piece = piece.trim();
            let cell = &mut row[column];
            if piece.is_empty() {
                break_cell(Some(cell));
            } else {
                // (A bulleted line is an item of a list inside the cell: a line of its own.)
                if is_bulleted(piece) {
                    break_cell(Some(cell));
                }
                append_to_cell(cell, piece);
            }
        }
    }
    pipe_table(&rows, header_rows, "")
}

/// Rows as a Markdown pipe table, its first `header_rows` rows over the delimiter row.
fn pipe_table(rows: &[Vec<String>], header_rows: usize, caption: &str) -> Vec<String> {
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    if width == 0 {
        return Vec::new();
    }
    let cell = |text: &str| {
        inline(text.trim_end_matches("<br>").trim())
            .replace('|', "\\|")
            .replace("<br><br>", "<br>")
    };
    let line_of = |row: &[String]| {
        let mut cells: Vec<String> = row.iter().map(|text| cell(text)).collect();
        cells.resize(width, String::new());
        format!("| {} |", cells.join(" | "))
    };
    let mut out = Vec::new();
    if !caption.is_empty() {
        out.push(format!("**{}**", inline(caption)));
        out.push(String::new());
    }
    // Markdown tables need a header: the first row serves when the table names none.
    let header_rows = header_rows.clamp(1, rows.len());
    for row in &rows[..header_rows] {
        out.push(line_of(row));
    }
    out.push(format!("|{}", " --- |".repeat(width)));
    for row in &rows[header_rows..] {
        out.push(line_of(row));
    }
    out
}

/// A blank line inside a table's cell being read (reStructuredText's or AsciiDoc's): the
/// cell's next line starts a paragraph.
pub(super) fn break_cell(cell: Option<&mut String>) {
    if let Some(cell) = cell {
        if !cell.is_empty() && !cell.ends_with("<br>") {
            cell.push_str("<br>");
        }
    }
}

/// A line that goes on the last cell read (a new cell when there is none yet). A bulleted
/// line (`* Writes tests.`) is an item of a list inside the cell: it starts a line of its own.
pub(super) fn continue_cell(cells: &mut Vec<String>, text: &str) {
    match cells.last_mut() {
        Some(cell) => {
            if is_bulleted(text) {
                break_cell(Some(cell));
            }
            append_to_cell(cell, text)
        }
        None => cells.push(text.to_owned()),
    }
}

/// Whether a line of a cell starts with a list's bullet (`* `, `- `, `+ `, `• `).
fn is_bulleted(text: &str) -> bool {
    ["* ", "- ", "+ ", "• ", "** "]
        .iter()
        .any(|bullet| text.trim_start().starts_with(bullet))
}

/// A cell's next text: on its line, after a space, or starting the paragraph a `<br>` opened.
fn append_to_cell(cell: &mut String, text: &str) {
    if !cell.is_empty() && !cell.ends_with("<br>") {
        cell.push(' ');
    }
    cell.push_str(text);
}

/// RST inline markup as Markdown: `` `text <url>`_ `` links, ``` ``code`` ```, roles
/// (`:ref:`text``), references (`` `text`_ ``).
fn inline(line: &str) -> String {
    inline_open(line).0
}

/// [`inline`], and whether the line leaves an interpreted text open (`` `Django Git `` whose
/// `` repository`_ `` is on the next line): its backquote is dropped and the next line's first
/// one closes it ([`closing_interpreted`]).
fn inline_open(line: &str) -> (String, bool) {
    let mut open = false;
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(start) = rest.find('`') {
        let (before, from) = rest.split_at(start);
        // A role before the backquote (`:doc:`), dropped with its colons.
        let (before, role) = match before.rfind(':') {
            Some(end) if before.ends_with(':') => {
                let head = &before[..end];
                match head.rfind(':') {
                    Some(open)
                        if head[open + 1..]
                            .chars()
                            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == ':')
                            && !head[open + 1..].is_empty() =>
                    {
                        (&before[..open], Some(&head[open + 1..]))
                    }
                    _ => (before, None),
                }
            }
            _ => (before, None),
        };
        out.push_str(&without_bare_references(before));
        if let Some(code) = from.strip_prefix("``") {
            match code.find("``") {
                Some(end) => {
                    out.push('`');
                    out.push_str(&code[..end]);
                    out.push('`');
                    rest = &code[end + 2..];
                }
                None => {
                    out.push_str(from);
                    rest = "";
                }
            }
            continue;
        }
        let inner = &from[1..];
        let Some(end) = inner.find('`') else {
            out.push_str(inner);
            open = true;
            rest = "";
            break;
        };
        let content = &inner[..end];
        let mut after = &inner[end + 1..];
        let reference = after.starts_with('_');
        after = after.trim_start_matches('_');
        // `text <target>`: a link when the target is a URL, else its text.
        let (text, target) = match content.rfind('<') {
            Some(open) if content.ends_with('>') => (
                content[..open].trim_end(),
                Some(&content[open + 1..content.len() - 1]),
            ),
            _ => (content, None),
        };
        // `Name`_ with a target defined elsewhere in the document: a link to it.
        let named = (reference && target.is_none())
            .then(|| {
                LINK_TARGETS.with(|targets| targets.borrow().get(&reference_name(text)).cloned())
            })
            .flatten();
        match (target, named) {
            (Some(url), _) if reference && url.contains("://") => {
                let text = if text.is_empty() { url } else { text };
                out.push_str(&format!("[{text}]({url})"));
            }
            (None, Some(url)) => out.push_str(&format!("[{text}]({url})")),
            // `:ref:`label``: the title of the section the label marks, as Sphinx shows it.
            (None, None) if role == Some("ref") => {
                let title = SECTION_LABELS
                    .with(|labels| labels.borrow().get(&reference_name(text)).cloned());
                out.push_str(title.as_deref().unwrap_or(text));
            }
            _ => out.push_str(text),
        }
        rest = after;
    }
    out.push_str(&without_bare_references(rest));
    (out, open)
}

/// A line that goes on with an interpreted text the line before left open: without the
/// backquote (and reference marks) that close it.
fn closing_interpreted(line: &str) -> String {
    match line.find('`') {
        Some(end) => {
            let after = line[end + 1..].trim_start_matches('_');
            format!("{}{after}", &line[..end])
        }
        None => line.to_owned(),
    }
}

/// Text without the marks of bare references (`Mergers_ are …`, `see Trac__`): the word is
/// what a reader sees. A footnote's mark (`[#2020]_`, `[1]_`, `[*]_`) goes too (the footnote
/// is text of its own), and so does an escaped space (`**in person**\ [#2020]_`), which
/// reStructuredText shows as nothing.
fn without_bare_references(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let chars: Vec<char> = text.chars().collect();
    let mut index = 0;
    while index < chars.len() {
        let c = chars[index];
        if c == '\\' && chars.get(index + 1) == Some(&' ') {
            index += 2;
            continue;
        }
        if c == '[' {
            let close = chars[index + 1..]
                .iter()
                .position(|c| *c == ']')
                .map(|at| index + 1 + at);
            if let Some(close) = close.filter(|close| chars.get(close + 1) == Some(&'_')) {
                let label: String = chars[index + 1..close].iter().collect();
                let footnote = label == "*"
                    || label.starts_with('#')
                    || (!label.is_empty() && label.chars().all(|c| c.is_ascii_digit()));
                if footnote && !label.contains(char::is_whitespace) {
                    // `text [1]_.`: the space before the mark goes with it.
                    if out.ends_with(' ') {
                        out.pop();
                    }
                    index = close + 2;
                    continue;
                }
            }
        }
        if c == '_' && index > 0 && chars[index - 1].is_alphanumeric() {
            let marks = if chars.get(index + 1) == Some(&'_') {
                2
            } else {
                1
            };
            let next = chars.get(index + marks);
            if next.is_none_or(|next| !(next.is_alphanumeric() || *next == '_')) {
                index += marks;
                continue;
            }
        }
        out.push(c);
        index += 1;
    }
    out
}

/// Whether a Markdown page imports a module as MDX does, at the start of a line
/// (`import Tabs from '@theme/Tabs';`): a site generator's MDX in a `.md` file.
pub fn imports_a_module(text: &str) -> bool {
    let mut fenced = false;
    text.lines().any(|line| {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
        }
        let statement = line.trim_end().trim_end_matches(';');
        !fenced
            && line.starts_with("import ")
            && statement.contains(" from ")
            && statement.ends_with(['\'', '"'])
    })
}

/// MDX as Markdown, with the same number of lines: its `import` and `export` statements and
/// `{/* comments */}` are code of the page, not its text; a tab (`<TabItem label="…">`, as
/// Docusaurus sets a page's tracks side by side) is a heading over what it holds.
pub fn mdx_to_markdown(text: &str) -> String {
    let text = &tabs_as_headings(text);
    let mut fenced = false;
    // How many `<table>` elements the line is inside: MDX reads a table with blank lines in its
    // cells as one element, where CommonMark would end the HTML block at the first.
    let mut in_tables = 0usize;
    let mut out: Vec<String> = Vec::new();
    for line in text.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fenced = !fenced;
        }
        let statement = !fenced
            && indent_of(line) == 0
            && (line.starts_with("import ") || line.starts_with("export "));
        let comment = trimmed.starts_with("{/*") && trimmed.trim_end().ends_with("*/}");
        let lower = line.to_ascii_lowercase();
        let opened = lower.matches("<table").count();
        let closed = lower.matches("</table").count();
        out.push(if statement || comment {
            String::new()
        } else if !fenced && in_tables > 0 && line.trim().is_empty() {
            // A paragraph break inside a cell, kept as a line break.
            String::from("<br>")
        } else {
            line.to_owned()
        });
        if !fenced {
            in_tables = (in_tables + opened).saturating_sub(closed);
        }
    }
    let mut text = out.join("\n");
    text.push('\n');
    text
}

/// The label of a line opening a tab, if it is one: MDX's `<TabItem value="ic"
/// label="Individual contributor" default>`, or Hugo's `{{% tab header="Moderator" %}}`
/// (`name=` or `title=` in other themes, or the label alone: `{{< tab "Moderator" >}}`).
fn tab_label(line: &str) -> Option<String> {
    let trimmed = line.trim();
    let (rest, keys): (&str, &[&str]) = if let Some(rest) = trimmed.strip_prefix("<TabItem") {
        (rest, &["label="])
    } else {
        let inner = trimmed
            .strip_prefix("{{<")
            .or_else(|| trimmed.strip_prefix("{{%"))?
            .trim_start();
        let rest = inner.strip_prefix("tab ")?;
        (rest, &["header=", "name=", "title=", ""])
    };
    keys.iter().find_map(|key| {
        let at = if key.is_empty() {
            rest.len() - rest.trim_start().len()
        } else {
            rest.find(key)? + key.len()
        };
        let quote = rest[at..]
            .chars()
            .next()
            .filter(|c| matches!(c, '"' | '\''))?;
        let value = &rest[at + 1..];
        let label = value[..value.find(quote)?].trim();
        (!label.is_empty()).then(|| label.to_owned())
    })
}

/// The name of a Hugo shortcode a line is (`tabpane` of `{{< tabpane text=true >}}`, `/tab`
/// of `{{% /tab %}}`), if it is one.
fn shortcode_name(line: &str) -> Option<&str> {
    let trimmed = line.trim();
    let inner = trimmed
        .strip_prefix("{{<")
        .or_else(|| trimmed.strip_prefix("{{%"))?
        .trim_start();
    inner
        .split(|c: char| c.is_whitespace() || matches!(c, '>' | '%' | '}'))
        .next()
}

/// Whether a line closes a tab or opens or closes a group of tabs (`</TabItem>`, `<Tabs
/// groupId="track">`, `{{< tabpane >}}`, `{{% /tab %}}`): the page's machinery.
fn is_tab_wrapper(line: &str) -> bool {
    let trimmed = line.trim();
    let jsx = ["<Tabs", "</Tabs>", "</TabItem>"]
        .iter()
        .any(|tag| trimmed.starts_with(tag) && trimmed.ends_with('>'));
    let shortcode = shortcode_name(line)
        .is_some_and(|name| matches!(name.trim_start_matches('/'), "tab" | "tabs" | "tabpane"));
    jsx || shortcode
}

/// Whether a line opens a group of tabs (`<Tabs …>`, `{{< tabpane >}}`, `{{< tabs >}}`).
fn opens_tabs(line: &str) -> bool {
    line.trim().starts_with("<Tabs") || matches!(shortcode_name(line), Some("tabs" | "tabpane"))
}

/// Whether a line closes a tab (`</TabItem>`, `{{% /tab %}}`).
fn closes_tab(line: &str) -> bool {
    line.trim().starts_with("</TabItem>") || shortcode_name(line) == Some("/tab")
}

/// Whether a page sets tabs (MDX's `<TabItem label>`, Hugo's `{{< tab >}}`).
pub fn has_tabs(text: &str) -> bool {
    text.lines().any(|line| tab_label(line).is_some())
}

/// The depth of an ATX heading line (`### Senior` is 3).
fn atx_depth(line: &str) -> Option<usize> {
    let marks = line.chars().take_while(|&c| c == '#').count();
    ((1..=6).contains(&marks) && line[marks..].starts_with(' ')).then_some(marks)
}

/// The page with each tab's opening line a heading of its label, one above the first heading
/// inside the tab (or as deep as the group's first tab, or one below the heading before it,
/// when the tab holds none), and the
/// `<Tabs>` wrappers blank; line for line. A tab whose first heading inside is `#` stays.
pub fn tabs_as_headings(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    let mut fenced = false;
    let mut depth_before = 1;
    // (The depth the first tab of a group took: its other tabs are its siblings.)
    let mut group_depth: Option<usize> = None;
    for (index, line) in lines.iter().enumerate() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fenced = !fenced;
        }
        if fenced {
            out.push((*line).to_owned());
            continue;
        }
        if let Some(depth) = atx_depth(line) {
            depth_before = depth;
        }
        if opens_tabs(line) {
            group_depth = None;
        }
        let Some(label) = tab_label(line) else {
            out.push(if is_tab_wrapper(line) {
                String::new()
            } else {
                (*line).to_owned()
            });
            continue;
        };
        let inside = lines[index + 1..]
            .iter()
            .take_while(|line| !closes_tab(line))
            .find_map(|line| atx_depth(line));
        let depth = match inside {
            Some(1) => {
                out.push((*line).to_owned());
                continue;
            }
            Some(depth) => depth - 1,
            None => group_depth.unwrap_or((depth_before + 1).min(6)),
        };
        group_depth.get_or_insert(depth);
        out.push(format!("{} {label}", "#".repeat(depth)));
    }
    let mut joined = out.join("\n");
    if text.ends_with('\n') {
        joined.push('\n');
    }
    joined
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tab_is_a_heading_over_what_it_holds_line_for_line() {
        let mdx = "# Roles\n\n<Tabs groupId=\"track\">\n<TabItem value=\"code\" label=\"Code\" default>\n\n\
                   ### Committer\n\nText.\n\n</TabItem>\n<TabItem value=\"docs\" label='Docs'>\n\nNo heading.\n</TabItem>\n</Tabs>\n";
        let markdown = mdx_to_markdown(mdx);
        let lines: Vec<&str> = markdown.lines().collect();
        assert_eq!(lines.len(), mdx.lines().count(), "{markdown}");
        assert_eq!(lines[3], "## Code");
        assert_eq!(lines[10], "## Docs", "{markdown}");
        assert!(!markdown.contains("Tab"), "{markdown}");
        let hugo = "## Levels\n\n{{< tabpane text=true >}}\n{{% tab header=\"Helper\" %}}\n\n**Duties**\n\n\
                    - Welcome people\n\n{{% /tab %}}\n{{< tab \"Moderator\" >}}\n\nText.\n{{< /tab >}}\n{{< /tabpane >}}\n";
        assert!(has_tabs(hugo));
        let markdown = tabs_as_headings(hugo);
        let lines: Vec<&str> = markdown.lines().collect();
        assert_eq!(lines.len(), hugo.lines().count(), "{markdown}");
        assert_eq!(lines[3], "### Helper", "{markdown}");
        assert_eq!(lines[10], "### Moderator", "{markdown}");
        assert!(!markdown.contains("{{"), "{markdown}");
    }

    #[test]
    fn a_simple_table_is_a_pipe_table_line_for_line() {
        let rst =
            "Roles\n=====\n\n======  =================\nRole    Duty\n======  =================\n\
                   Member  Reviews changes\n        and answers questions\nLead    Sets direction\n\
                   ======  =================\n\nAfter.\n";
        let markdown = to_markdown(rst);
        let lines: Vec<&str> = markdown.lines().collect();
        assert_eq!(lines.len(), rst.lines().count(), "{markdown}");
        assert!(lines.contains(&"| Role | Duty |"), "{markdown}");
        assert!(
            lines.contains(&"| Member | Reviews changes and answers questions |"),
            "{markdown}"
        );
        assert!(lines.contains(&"| Lead | Sets direction |"), "{markdown}");
        assert_eq!(lines.last(), Some(&"After."));
    }

    #[test]
    fn a_block_set_under_an_item_less_deep_than_its_text_is_the_item_s() {
        let markdown = to_markdown(
            "1. **Editors** are expected to:\n\n  * Advocate it\n    and use it\n\n  Thanks.\n\n2. **Users** use it.\n\nAfter.\n",
        );
        let lines: Vec<&str> = markdown.lines().collect();
        assert_eq!(lines[2], "   * Advocate it");
        assert_eq!(lines[3], "     and use it");
        assert_eq!(lines[5], "   Thanks.");
        assert_eq!(lines[7], "2. **Users** use it.");
        assert_eq!(lines[9], "After.");
    }

    #[test]
    fn titles_keep_their_lines_and_take_depths_in_order_of_appearance() {
        let rst = "=====\nTitle\n=====\n\nIntro.\n\nRSE 1\n-----\n\nText.\n\nSub\n~~~\n";
        let markdown = to_markdown(rst);
        let lines: Vec<&str> = markdown.lines().collect();
        assert_eq!(lines.len(), rst.lines().count());
        assert_eq!(lines[1], "# Title");
        assert_eq!(lines[6], "## RSE 1");
        assert_eq!(lines[11], "### Sub");
    }

    #[test]
    fn a_definition_list_gives_a_heading_per_term_and_line_blocks_nest() {
        let rst = "Roles\n-----\n\nMaintainer\n  Keeps the project healthy.\n\n  Current:\n\nFocused roles\n  Chosen yearly.\n\n  - | Communications leader: `Ann`_\n    |   Runs the mailing list\n        and the blog\n\nAfter the roles,\nthe rules.\n  Indented after a paragraph.\n";
        let markdown = to_markdown(rst);
        let lines: Vec<&str> = markdown.lines().collect();
        assert_eq!(lines.len(), rst.lines().count());
        assert_eq!(lines[0], "# Roles");
        assert_eq!(lines[3], "## Maintainer");
        assert_eq!(lines[4], "Keeps the project healthy.");
        assert_eq!(lines[8], "## Focused roles");
        assert_eq!(lines[11], "- Communications leader: Ann");
        assert_eq!(lines[12], "  - Runs the mailing list");
        // A term is one line after a blank line; a longer paragraph's last line is no term.
        assert_eq!(lines[16], "the rules.");
    }

    #[test]
    fn a_grid_table_becomes_a_pipe_table_in_its_lines() {
        let rst = "Text.\n\n+------+-------+\n| Role | Duty  |\n+======+=======+\n| Lead | Plans |\n|      | the   |\n|      |       |\n|      | Runs  |\n+------+-------+\n| Dev  | Codes |\n+------+-------+\n\n.. _Ann: https://a.example\n.. _Bo: https://b.example\n";
        let markdown = to_markdown(rst);
        let lines: Vec<&str> = markdown.lines().collect();
        assert_eq!(lines.len(), rst.lines().count());
        assert_eq!(lines[2], "| Role | Duty |");
        assert_eq!(lines[3], "| --- | --- |");
        assert_eq!(lines[4], "| Lead | Plans the<br>Runs |");
        assert_eq!(lines[5], "| Dev | Codes |");
        assert!(lines[6..].iter().all(|line| line.is_empty()), "{lines:?}");
    }

    #[test]
    fn a_dropdown_is_a_section_one_deeper_and_a_tab_set_s_items_too() {
        let rst = "Roles\n=====\n\n.. dropdown:: Contributor\n   :open:\n\n   - Opens pull requests.\n\n.. only:: html\n\n   Bands are on the portal.\n\n.. tab-set::\n\n   .. tab-item:: Maintainer\n\n      - Cuts releases.\n";
        let markdown = to_markdown(rst);
        assert_eq!(markdown.lines().count(), rst.lines().count(), "{markdown}");
        for line in [
            "## Contributor",
            "- Opens pull requests.",
            "Bands are on the portal.",
            "## Maintainer",
            "- Cuts releases.",
        ] {
            assert!(markdown.lines().any(|l| l == line), "{line}: {markdown}");
        }
    }

    #[test]
    fn panels_nested_past_the_bound_keep_their_lines() {
        let mut rst = String::new();
        for depth in 0..40 {
            rst.push_str(&format!(
                "{}.. dropdown:: Panel {depth}\n\n",
                "   ".repeat(depth)
            ));
        }
        rst.push_str(&format!("{}Innermost text.\n", "   ".repeat(40)));
        let markdown = to_markdown(&rst);
        assert!(markdown.contains("Innermost text."), "{markdown}");
        assert!(markdown.lines().any(|l| l == "# Panel 0"), "{markdown}");
    }

    #[test]
    fn a_note_that_lists_keeps_its_list() {
        let rst = ".. tip::\n\n   To become a Committer:\n\n   * be known to the team;\n   * be approved.\n\nAfter.\n";
        let markdown = to_markdown(rst);
        assert_eq!(markdown.lines().count(), rst.lines().count());
        assert!(
            markdown.contains("\n* be known to the team;\n"),
            "{markdown}"
        );
        assert!(!markdown.contains('>'), "{markdown}");
    }

    #[test]
    fn a_list_table_becomes_a_pipe_table_and_a_warning_a_quotation() {
        let rst = ".. warning::\n\n   Draft.\n\n.. list-table::\n   :header-rows: 1\n\n   * - Role\n     - Duty\n   * - Mentor\n     - Teaches\n       juniors\n\nAfter.\n";
        let markdown = to_markdown(rst);
        assert_eq!(markdown.lines().count(), rst.lines().count());
        assert!(markdown.contains("> Draft."), "{markdown}");
        assert!(markdown.contains("| Role | Duty |"), "{markdown}");
        assert!(
            markdown.contains("| Mentor | Teaches juniors |"),
            "{markdown}"
        );
        assert!(markdown.contains("\nAfter.\n"), "{markdown}");
    }

    #[test]
    fn bare_references_show_their_words() {
        assert_eq!(
            inline("Mergers_ merge to the `Git repository`_; see Trac__, not snake_case."),
            "Mergers merge to the Git repository; see Trac, not snake_case."
        );
    }

    #[test]
    fn references_to_named_targets_are_links() {
        // Targets defined at the end of the page, names compared as reStructuredText does.
        let rst = "Members\n=======\n\n* `Eric  Holscher`_ (Pacific Time)\n* `Unknown`_\n\n.. _eric holscher: https://github.com/ericholscher\n.. _`A: b`: https://example.com/ab\n";
        let markdown = to_markdown(rst);
        assert!(
            markdown.contains("* [Eric  Holscher](https://github.com/ericholscher) (Pacific Time)"),
            "{markdown}"
        );
        assert!(markdown.contains("* Unknown\n"), "{markdown}");
        assert_eq!(
            link_targets(rst).get("a: b").map(String::as_str),
            Some("https://example.com/ab")
        );
        // The targets are the document's alone: the next document knows none of them.
        assert_eq!(to_markdown("* `Eric Holscher`_\n"), "* Eric Holscher\n");
    }

    #[test]
    fn inline_links_code_and_roles() {
        assert_eq!(
            inline("See `the guide <https://example.com>`_ and ``make``, :doc:`setup`."),
            "See [the guide](https://example.com) and `make`, setup."
        );
        assert_eq!(inline("`Reference`_ here"), "Reference here");
        assert_eq!(
            inline("meeting **in person**\\ [#2020]_ so, see [1]_ and [*]_, not [a b]_."),
            "meeting **in person** so, see and, not [a b]_."
        );
    }

    #[test]
    fn a_grid_table_cell_s_bullets_are_lines_of_their_own() {
        let rst = "+-------+---------------+\n| Area  | Junior        |\n+=======+===============+\n\
                   | Craft | - Writes code.|\n|       | - Tests it.   |\n+-------+---------------+\n";
        let markdown = to_markdown(rst);
        assert!(
            markdown.contains("| Craft | - Writes code.<br>- Tests it. |"),
            "{markdown}"
        );
    }

    #[test]
    fn the_fields_a_page_opens_with_are_not_its_text() {
        let rst = ":orphan:\n:tocdepth: 2\n\n#######\nBackend\n#######\n\nIntro.\n";
        let markdown = to_markdown(rst);
        assert_eq!(markdown.lines().count(), rst.lines().count());
        assert!(!markdown.contains("orphan"), "{markdown}");
        assert!(markdown.contains("# Backend"), "{markdown}");
        assert!(to_markdown(":ref:`roles` are below.\n").contains("roles are below."));
    }

    #[test]
    fn references_across_lines_and_to_sections_read_as_their_text() {
        let rst = "Mergers\n=======\n\n- Mergers merge to the `Django Git\n  repository`_ daily.\n- Changing the rules (see\n  :ref:`organization-change`).\n\n.. _organization-change:\n\nChanging the organization\n=========================\n\nBy vote.\n\n.. _Django Git repository: https://github.com/django/django\n";
        let markdown = to_markdown(rst);
        assert_eq!(markdown.lines().count(), rst.lines().count());
        assert!(
            markdown.contains("- Mergers merge to the Django Git\n  repository daily."),
            "{markdown}"
        );
        assert!(
            markdown.contains("(see\n  Changing the organization)."),
            "{markdown}"
        );
        assert!(!markdown.contains('`'), "{markdown}");
    }

    #[test]
    fn a_markdown_page_importing_a_module_is_mdx() {
        assert!(imports_a_module(
            "# Rules\n\nimport Draft from '@site/docs/_draft.md';\n\n<Draft />\n"
        ));
        assert!(!imports_a_module(
            "# Rules\n\nimport the data from the old sheet.\n"
        ));
        assert!(!imports_a_module("```js\nimport x from 'y';\n```\n"));
    }

    #[test]
    fn mdx_statements_are_not_text() {
        let mdx = "import Tabs from '@theme/Tabs';\n\n# Title\n\n```js\nimport x from 'y';\n```\n";
        let markdown = mdx_to_markdown(mdx);
        assert!(!markdown.contains("@theme/Tabs"));
        assert!(markdown.contains("import x from 'y';"));
        assert_eq!(markdown.lines().count(), mdx.lines().count());
    }

    #[test]
    fn a_list_inside_a_list_table_s_cell_keeps_an_item_per_line() {
        let text =
            ".. list-table::\n   :header-rows: 1\n\n   * - Area\n     - Junior\n   * - Craft\n\
                    \x20    - * Writes tests.\n       * Fixes bugs.\n";
        let markdown = to_markdown(text);
        assert!(
            markdown.contains("| Craft | * Writes tests.<br>* Fixes bugs. |"),
            "{markdown}"
        );
    }
}
