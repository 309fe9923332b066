//! AsciiDoc as the Markdown the importer reads.
//!
//! Antora and Asciidoctor sites (Spring, Red Hat, many Java projects) write their handbooks and
//! role pages in AsciiDoc. As reStructuredText is, it is rewritten line for line into Markdown,
//! so that one reader serves both and a diagnostic's line is the source's line: `== Title`
//! becomes `## Title`, `*` / `**` items nested `-` items, `term:: text` a bold label, a
//! `|===` table a pipe table padded with blank lines, and what only steers the renderer
//! (attributes, block attributes, comments, includes) a blank line.

use super::rst::{break_cell, continue_cell};

/// Delimiters of blocks whose lines are kept as written: listings and literals (a fence),
/// comments and passthroughs (dropped).
const VERBATIM_DELIMITERS: &[&str] = &["----", "....", "////", "++++"];

/// Delimiters of blocks whose content is read as any other text (an example, a sidebar, a
/// quotation, an open block): only the delimiter goes.
const OPEN_DELIMITERS: &[&str] = &["====", "****", "____", "--"];

/// The language the document's header declares (`:lang: pt-BR`, as Antora and Asciidoctor
/// read it), if any: the attribute's value before the first section.
pub fn language_attribute(text: &str) -> Option<String> {
    text.lines()
        .take_while(|line| !line.starts_with("=="))
        .find_map(|line| line.trim().strip_prefix(":lang:"))
        .map(str::trim)
        .filter(|tag| !tag.is_empty() && tag.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        .map(str::to_owned)
}

/// The Markdown of an AsciiDoc document, one line for each of its lines.
pub fn to_markdown(text: &str) -> String {
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    let mut index = 0;
    while index < lines.len() {
        let line = lines[index];
        if VERBATIM_DELIMITERS.contains(&line) {
            let end = lines[index + 1..]
                .iter()
                .position(|other| *other == line)
                .map_or(lines.len(), |at| index + 1 + at);
            let fenced = matches!(line, "----" | "....");
            let fence = || if fenced { "```" } else { "" }.to_owned();
            out.push(fence());
            for inside in &lines[index + 1..end] {
                out.push(if fenced {
                    (*inside).to_owned()
                } else {
                    String::new()
                });
            }
            if end < lines.len() {
                out.push(fence());
            }
            index = end + 1;
            continue;
        }
        if line == "|===" || line == ",===" {
            let end = lines[index + 1..]
                .iter()
                .position(|other| *other == line)
                .map_or(lines.len(), |at| index + 1 + at);
            let columns = index
                .checked_sub(1)
                .and_then(|before| columns_attribute(lines[before]));
            let separator = if line == ",===" { ',' } else { '|' };
            let table = pipe_table(&lines[index + 1..end], columns, separator);
            let span = end.min(lines.len() - 1) + 1 - index;
            // The table's rows take the place of its lines, after a blank line (the opening
            // delimiter's, unless the line before it is blank already) and before one. A
            // header row on the first line has one line more in Markdown (its rule): the
            // lines after the table then come one later than in the source, never a row lost.
            if out.last().is_some_and(|before| !before.trim().is_empty()) {
                out.push(String::new());
            }
            out.extend(table);
            out.push(String::new());
            while out.len() < index + span {
                out.push(String::new());
            }
            index += span;
            continue;
        }
        // A term over the list below it (`Samenwerking::`) right after a list's last item
        // would continue that item in Markdown: it gets the blank line AsciiDoc does not
        // need (the lines after it come one later than in the source).
        let term_only = description_entry(line.trim()).is_some_and(|(_, said)| said.is_empty());
        if term_only && out.last().is_some_and(|before| !before.trim().is_empty()) {
            out.push(String::new());
        }
        out.push(line_to_markdown(line));
        index += 1;
    }
    let mut text = out.join("\n");
    text.push('\n');
    text
}

/// One line outside delimited blocks and tables.
fn line_to_markdown(line: &str) -> String {
    let trimmed = line.trim_start();
    // What steers the renderer: comments, attributes, block attributes and anchors
    // (`[cols="1,2"]`, `[[roles]]`, `[NOTE]`), includes and images, continuation marks.
    let steers = trimmed.starts_with("//")
        || is_attribute_entry(trimmed)
        || trimmed.starts_with('[') && trimmed.ends_with(']')
        || is_block_macro(trimmed)
        || OPEN_DELIMITERS.contains(&trimmed)
        || matches!(trimmed, "+" | "<<<");
    if steers {
        return String::new();
    }
    if trimmed == "'''" {
        return String::from("---");
    }
    // `== Section`: one `#` a `=` (the document's title is `=`).
    let equals = trimmed.chars().take_while(|c| *c == '=').count();
    if (1..=6).contains(&equals) && trimmed[equals..].starts_with(' ') {
        return format!(
            "{} {}",
            "#".repeat(equals),
            inline(trimmed[equals..].trim())
        );
    }
    // `* item`, `** nested`, `- item`; `. step`, `.. nested step`.
    let stars = trimmed.chars().take_while(|c| *c == '*').count();
    if stars > 0 && trimmed[stars..].starts_with(' ') {
        let indent = "  ".repeat(stars - 1);
        return format!("{indent}- {}", inline(trimmed[stars..].trim()));
    }
    if let Some(rest) = trimmed.strip_prefix("- ") {
        return format!("- {}", inline(rest.trim()));
    }
    let dots = trimmed.chars().take_while(|c| *c == '.').count();
    if dots > 0 && trimmed[dots..].starts_with(' ') {
        let indent = "   ".repeat(dots - 1);
        return format!("{indent}1. {}", inline(trimmed[dots..].trim()));
    }
    // `.Title` over a block: its title.
    if dots == 1 && trimmed.len() > 1 && !trimmed[1..].starts_with(' ') {
        return format!("**{}**", inline(&trimmed[1..]));
    }
    // `Term:: definition`: a labelled entry.
    if let Some((term, definition)) = description_entry(trimmed) {
        let term = inline(term);
        return if definition.is_empty() {
            format!("**{term}**")
        } else {
            format!("- **{term}:** {}", inline(definition))
        };
    }
    // `text +`: a hard line break.
    if let Some(before) = line.strip_suffix(" +") {
        return format!("{}\\", inline(before));
    }
    inline(line)
}

/// `:toc:`, `:icons: font`, `:!sectnums:`, `:toc-placement!:`: a document attribute's
/// entry.
fn is_attribute_entry(line: &str) -> bool {
    let Some(rest) = line.strip_prefix(':') else {
        return false;
    };
    rest.split_once(':').is_some_and(|(name, _)| {
        !name.is_empty()
            && name
                .trim_matches('!')
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_'))
    })
}

/// `image::team.png[]`, `include::roles.adoc[]`, `toc::[]`: a block macro.
fn is_block_macro(line: &str) -> bool {
    line.ends_with(']')
        && line.split_once("::").is_some_and(|(name, _)| {
            !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase())
        })
}

/// `Term:: definition` (also `;;` and deeper `:::`): the term and what follows, when the
/// line is such an entry.
fn description_entry(line: &str) -> Option<(&str, &str)> {
    for marker in [":::: ", "::: ", ":: ", ";; "] {
        if let Some((term, definition)) = line.split_once(marker) {
            if !term.is_empty() && !term.ends_with(':') && !term.contains("://") {
                return Some((term.trim(), definition.trim()));
            }
        }
    }
    for marker in ["::::", ":::", "::", ";;"] {
        if let Some(term) = line.strip_suffix(marker) {
            if !term.is_empty() && !term.ends_with(':') && !term.contains("://") {
                return Some((term.trim(), ""));
            }
        }
    }
    None
}

/// The number of columns a `[cols="1,2,3"]` or `[cols="3*"]` attribute line gives.
fn columns_attribute(line: &str) -> Option<usize> {
    let inside = line.trim().strip_prefix('[')?.strip_suffix(']')?;
    let value = inside
        .split("cols=")
        .nth(1)?
        .trim_start_matches(['"', '\'']);
    let value = value.split(['"', '\'']).next()?;
    let columns = value
        .split([',', ';'])
        .map(|spec| match spec.split_once('*') {
            Some((count, _)) => count.trim().parse::<usize>().unwrap_or(1),
            None => 1,
        })
        .sum();
    (columns > 0).then_some(columns)
}

/// A table's body (between its `|===` lines) as a pipe table: cells start at `|` (several on
/// a line, or one a line, a row ending when it has its columns), a cell's further lines join
/// it, the first row is the header (a Markdown table needs one).
fn pipe_table(body: &[&str], columns: Option<usize>, separator: char) -> Vec<String> {
    let mut cells: Vec<String> = Vec::new();
    // How many columns each cell fills, by its spec.
    let mut filled: Vec<usize> = Vec::new();
    // Without a `cols` attribute the first line with cells gives the count.
    let mut width = columns;
    for line in body {
        let line = line.trim();
        if line.is_empty() {
            break_cell(cells.last_mut());
            continue;
        }
        let starts_cell = separator == ',' || starts_with_cell(line);
        if !starts_cell {
            continue_cell(&mut cells, line);
            continue;
        }
        let pieces = split_cells(line, separator);
        if width.is_none() {
            width = Some(pieces.iter().map(|(_, columns)| columns).sum());
        }
        // (Kept beside the cells, whose last one the lines after it go on filling.)
        for (text, columns) in pieces {
            cells.push(text);
            filled.resize(cells.len() - 1, 1);
            filled.push(columns);
        }
    }
    // A cell spanning columns (`2+a|`) says what it says in each of them, as a merged cell
    // of a sheet or a page's `colspan` reads.
    // (No further than its row goes: a cell spans the columns left in it.)
    filled.resize(cells.len(), 1);
    let table_width = width.unwrap_or(1).max(1);
    let mut spread: Vec<String> = Vec::with_capacity(cells.len());
    for (text, columns) in cells.into_iter().zip(filled) {
        let left = table_width - spread.len() % table_width;
        spread.extend(std::iter::repeat_n(text, columns.min(left)));
    }
    let cells = spread;
    let width = width.unwrap_or(1).max(1);
    let cell = |text: &str| {
        inline(text.trim_end_matches("<br>").trim())
            .replace('|', "\\|")
            .replace("<br><br>", "<br>")
    };
    let mut out = Vec::new();
    for (row, chunk) in cells.chunks(width).enumerate() {
        let mut texts: Vec<String> = chunk.iter().map(|text| cell(text)).collect();
        texts.resize(width, String::new());
        out.push(format!("| {} |", texts.join(" | ")));
        if row == 0 {
            out.push(format!("|{}", " --- |".repeat(width)));
        }
    }
    out
}

/// Whether a table line starts a cell: `|text`, or a cell's spec before its bar (`2+|`,
/// `a|`, `.^|`).
fn starts_with_cell(line: &str) -> bool {
    match line.find('|') {
        Some(0) => true,
        Some(at) => line[..at].chars().all(|c| {
            c.is_ascii_digit()
                || matches!(
                    c,
                    '+' | '*'
                        | '.'
                        | '<'
                        | '>'
                        | '^'
                        | 'a'
                        | 'd'
                        | 'e'
                        | 'h'
                        | 'l'
                        | 'm'
                        | 's'
                        | 'v'
                )
        }),
        None => false,
    }
}

/// The cells a table line starts (`|a |b |c`), each without its bar and spec, with how many
/// columns each fills ([`columns_filled`]).
fn split_cells(line: &str, separator: char) -> Vec<(String, usize)> {
    let mut cells = Vec::new();
    let mut current = String::new();
    // The spec written before the bar that opens the cell being read (`2+a`).
    let mut spec = String::new();
    let mut started = separator == ',';
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' && chars.peek() == Some(&separator) {
            current.push(separator);
            chars.next();
        } else if c == separator {
            // (Before a bar, a cell's text ends in the next cell's spec: `|a 2+|b`.)
            let (text, next_spec) = if started {
                split_spec(&current)
            } else {
                (String::new(), current.trim().to_owned())
            };
            if started {
                cells.push((text, columns_filled(&spec)));
            }
            spec = next_spec;
            current.clear();
            started = true;
        } else {
            current.push(c);
        }
    }
    if started {
        cells.push((current.trim().to_owned(), columns_filled(&spec)));
    }
    cells
}

/// A cell's text and the spec of the cell after it, written at its end before the bar
/// (`Mentors 2+` → `Mentors`, `2+`); no spec where the last word is text.
fn split_spec(text: &str) -> (String, String) {
    let trimmed = text.trim_end();
    let start = trimmed.rfind(char::is_whitespace).map_or(0, |at| at + 1);
    let last = &trimmed[start..];
    let is_spec = !last.is_empty()
        && last.chars().any(|c| matches!(c, '+' | '*'))
        && last
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit() || c == '.')
        && starts_with_cell(&format!("{last}|"));
    if is_spec {
        (trimmed[..start].trim().to_owned(), last.to_owned())
    } else {
        (text.trim().to_owned(), String::new())
    }
}

/// The most columns one cell's spec may fill: far more than any ladder's table has.
const MAX_CELL_COLUMNS: usize = 64;

/// How many columns a cell fills by its spec: `2+` spans two, `3*` repeats the cell three
/// times; `.2+` spans rows, not columns, and fills one.
fn columns_filled(spec: &str) -> usize {
    let digits: String = spec.chars().take_while(char::is_ascii_digit).collect();
    let after = spec[digits.len()..].chars().next();
    match (digits.parse::<usize>(), after) {
        (Ok(n), Some('+' | '*')) => n.clamp(1, MAX_CELL_COLUMNS),
        _ => 1,
    }
}

/// AsciiDoc inline markup as Markdown: `*strong*`, `_emphasis_`, `link:url[text]` and
/// `https://url[text]` links, `<<anchor,text>>` and `xref:page.adoc[text]` references (their
/// text), `+passthrough+`.
fn inline(line: &str) -> String {
    let line = references(line);
    let line = links(&line);
    constrained(&constrained(&line, '*', "**"), '_', "*")
}

/// `<<id,Text>>` → `Text`, `<<id>>` → `id`.
fn references(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(start) = rest.find("<<") {
        let Some(length) = rest[start..].find(">>") else {
            break;
        };
        let inside = &rest[start + 2..start + length];
        out.push_str(&rest[..start]);
        out.push_str(
            inside
                .split_once(',')
                .map_or(inside, |(_, text)| text)
                .trim(),
        );
        rest = &rest[start + length + 2..];
    }
    out.push_str(rest);
    out
}

/// `link:url[text]`, `https://url[text]`, `mailto:a@b[text]` → `[text](url)`;
/// `xref:page.adoc[text]` → `text`; `image:url[alt]` → `![alt](url)`.
fn links(line: &str) -> String {
    const PREFIXES: [&str; 6] = ["image:", "link:", "xref:", "https://", "http://", "mailto:"];
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    // Where each prefix next occurs in `line` (`None`: nowhere after), found again only once
    // passed: a line of thousands of bare addresses is read in one pass, not one per address.
    let mut next: [Option<usize>; 6] = PREFIXES.map(|prefix| line.find(prefix));
    loop {
        let offset = line.len() - rest.len();
        for (slot, prefix) in next.iter_mut().zip(PREFIXES) {
            if slot.is_some_and(|at| at < offset) {
                *slot = rest.find(prefix).map(|at| offset + at);
            }
        }
        let found = next
            .iter()
            .zip(PREFIXES)
            .filter_map(|(at, prefix)| at.map(|at| (at - offset, prefix)))
            .min();
        let Some((at, prefix)) = found else { break };
        let from = &rest[at..];
        let target_end = from
            .find(|c: char| c == '[' || c.is_whitespace())
            .unwrap_or(from.len());
        let close = from[target_end..]
            .starts_with('[')
            .then(|| from[target_end..].find(']'))
            .flatten();
        let Some(close) = close else {
            // A bare address: kept as written.
            out.push_str(&rest[..at + target_end]);
            rest = &rest[at + target_end..];
            continue;
        };
        let target = from[..target_end]
            .trim_start_matches("link:")
            .trim_start_matches("image:");
        let text = &from[target_end + 1..target_end + close];
        out.push_str(&rest[..at]);
        if prefix == "image:" {
            // (An inline image, a badge: `![alt](url)`, as Markdown writes one.)
            out.push_str(&format!("![{text}]({target})"));
        } else if prefix == "xref:" {
            out.push_str(if text.is_empty() { target } else { text });
        } else if text.is_empty() {
            out.push_str(target);
        } else {
            out.push_str(&format!("[{text}]({target})"));
        }
        rest = &from[target_end + close + 1..];
    }
    out.push_str(rest);
    out
}

/// The longest text a pair of constrained marks encloses, in characters.
const MAX_SPAN: usize = 400;

/// A constrained pair of `mark`s around words (`*strong*`, `_emphasis_`: after a non-word
/// character, before one) written as Markdown's `with`; doubled marks (`**`) and marks
/// inside words (`snake_case`) stay.
fn constrained(line: &str, mark: char, with: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len() + 8);
    let mut index = 0;
    let is_word = |c: char| c.is_alphanumeric();
    while index < chars.len() {
        let c = chars[index];
        let opens = c == mark
            && chars
                .get(index + 1)
                .is_some_and(|next| *next != mark && !next.is_whitespace())
            && (index == 0 || !is_word(chars[index - 1]) && chars[index - 1] != mark);
        if opens {
            // (A span runs at most `MAX_SPAN` characters: a line of unclosed marks is read
            // in linear time.)
            let end = chars.len().min(index + 2 + MAX_SPAN);
            let close = (index + 2..end).find(|&at| {
                chars[at] == mark
                    && !chars[at - 1].is_whitespace()
                    && chars
                        .get(at + 1)
                        .is_none_or(|next| !is_word(*next) && *next != mark)
            });
            if let Some(close) = close {
                out.push_str(with);
                out.extend(&chars[index + 1..close]);
                out.push_str(with);
                index = close + 1;
                continue;
            }
        }
        if c == mark && chars.get(index + 1) == Some(&mark) {
            // `**strong**` is Markdown already.
            out.push(c);
            out.push(c);
            index += 2;
            continue;
        }
        out.push(c);
        index += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{language_attribute, to_markdown};

    #[test]
    fn sections_lists_labels_and_tables_read_as_markdown_line_for_line() {
        let source = "= Roles\n:toc:\n// a comment\n\n== Committer\nA committer *merges* code.\n\n\
                      * Reviews PRs\n** in their area\n. First step\n\nScope:: the whole repository\n\n\
                      [cols=\"1,2\"]\n|===\n|Name |Role\n\n|Ana\n|Committer\n|===\n\nSee link:https://x.org/a[the guide].\n";
        let markdown = to_markdown(source);
        assert_eq!(markdown.lines().count(), source.lines().count());
        let lines: Vec<&str> = markdown.lines().collect();
        assert_eq!(lines[0], "# Roles");
        assert_eq!(lines[1], "");
        assert_eq!(lines[2], "");
        assert_eq!(lines[4], "## Committer");
        assert_eq!(lines[5], "A committer **merges** code.");
        assert_eq!(lines[7], "- Reviews PRs");
        assert_eq!(lines[8], "  - in their area");
        assert_eq!(lines[9], "1. First step");
        assert_eq!(lines[11], "- **Scope:** the whole repository");
        assert!(markdown.contains("| Name | Role |\n| --- | --- |\n| Ana | Committer |"));
        assert!(markdown.contains("See [the guide](https://x.org/a)."));
    }

    #[test]
    fn a_line_of_unclosed_marks_or_bare_addresses_reads_in_linear_time() {
        // 2 MB lines: read in well under a second; the quadratic scans they once took would
        // run for hours.
        let marks = "*a _b ".repeat(350_000);
        assert_eq!(to_markdown(&marks).trim_end(), marks.trim_end());
        let addresses = "https://x.org ".repeat(150_000);
        assert_eq!(to_markdown(&addresses).trim_end(), addresses.trim_end());
    }

    #[test]
    fn an_unset_attribute_and_an_inline_image_are_no_garbled_text() {
        let markdown = to_markdown(
            "= Roles\n:toc-placement!:\n\nimage:https://img.shields.io/b.svg[Governance \
             version]\n\nThis document explains the roles.\n",
        );
        assert!(!markdown.contains("toc-placement"), "{markdown}");
        assert!(
            markdown.contains("![Governance version](https://img.shields.io/b.svg)"),
            "{markdown}"
        );
    }

    #[test]
    fn words_with_marks_inside_and_listings_stay_as_written() {
        let markdown = to_markdown("Use snake_case and 2*3*4.\n\n----\n* not a list\n----\n");
        let lines: Vec<&str> = markdown.lines().collect();
        assert_eq!(lines[0], "Use snake_case and 2*3*4.");
        assert_eq!(lines[2..], ["```", "* not a list", "```"]);
    }

    #[test]
    fn a_table_of_a_row_per_line_keeps_its_last_row() {
        // The header row on the line after `|===` has its rule under it in Markdown: one
        // line more than the source gives, never the last row less.
        let text = "= Matrix\n\n[options=\"header\"]\n|===\n| Level | Craft\n| Junior | Tests.\n\
                    | Senior | Designs.\n|===\nAfter the table.\n";
        let markdown = to_markdown(text);
        assert!(markdown.contains("| Senior | Designs. |"), "{markdown}");
        assert!(markdown.contains("\n\nAfter the table."), "{markdown}");
    }

    #[test]
    fn a_cell_spanning_columns_fills_each_and_an_empty_cell_holds_its_place() {
        // `2+|` spans two columns and `3*|` repeats a cell: the cells after them shifted left
        // into other levels' columns.
        let text = "[cols=\"1,1,1,1\",options=\"header\"]\n|===\n| Area | A | B | C\n\n\
                    | Code | one | two | three\n\n| Community | four 2+| five\n\n| Release\n|\n\
                    a|\n* six\na|\n* seven\n\n| Tests 3*| eight\n\n| Wide 64+| all\n\n| Last | 1 | 2 | 3\n|===\n";
        let markdown = to_markdown(text);
        for row in [
            "| Community | four | five | five |",
            "| Release |  | * six | * seven |",
            "| Tests | eight | eight | eight |",
            // (No wider than the table.)
            "| Wide | all | all | all |\n| Last | 1 | 2 | 3 |",
        ] {
            assert!(markdown.contains(row), "{row}: {markdown}");
        }
    }

    #[test]
    fn the_header_s_lang_attribute_is_the_language() {
        let page = "= Papéis\n:navtitle: Papéis\n:lang: pt-BR\n\n== Contribuidor\n\n:lang: en\n";
        assert_eq!(language_attribute(page).as_deref(), Some("pt-BR"));
        assert_eq!(language_attribute("= T\n\n== A\n:lang: en\n"), None);
    }

    #[test]
    fn a_term_right_after_a_list_starts_its_own_list() {
        let markdown = to_markdown("Craft::\n* Writes tests.\nTeamwork::\n* Asks for help.\n");
        assert!(
            markdown.contains("- Writes tests.\n\n**Teamwork**\n- Asks"),
            "{markdown}"
        );
    }
}
