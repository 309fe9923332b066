//! LaTeX documents (`.tex`) as the Markdown they show: sections as headings, `itemize`,
//! `enumerate` and `description` as lists, `tabular`s as pipe tables, emphasis and links as
//! Markdown's, the preamble and commands that only lay out the page dropped. The Markdown has
//! at least as many lines as the document, each source line's text on the same line or just
//! after it, so that lines reported still point into the document.

use std::collections::HashMap;

/// Sectioning commands, outermost first: each a heading one deeper than the one before.
const SECTIONS: &[&str] = &[
    "part",
    "chapter",
    "section",
    "subsection",
    "subsubsection",
    "paragraph",
    "subparagraph",
];

/// Commands whose arguments are not text of the document (labels, references to other files,
/// spacing, styling, definitions): dropped with their arguments.
const DROPPED_WITH_ARGUMENTS: &[&str] = &[
    "label",
    "ref",
    "eqref",
    "pageref",
    "cref",
    "Cref",
    "autoref",
    "cite",
    "citep",
    "citet",
    "nocite",
    "includegraphics",
    "vspace",
    "hspace",
    "setlength",
    "addtolength",
    "setcounter",
    "addtocounter",
    "newcommand",
    "renewcommand",
    "providecommand",
    "newenvironment",
    "renewenvironment",
    "usepackage",
    "documentclass",
    "pagestyle",
    "thispagestyle",
    "bibliography",
    "bibliographystyle",
    "input",
    "include",
    "color",
    "definecolor",
    "hypersetup",
    "geometry",
    "author",
    "date",
    "title",
    "caption",
    "fontsize",
    "linespread",
    "rule",
    "addcontentsline",
    "markboth",
    "markright",
];

/// Commands with two arguments whose first is not text (`\textcolor{red}{Warning}`).
const FIRST_ARGUMENT_DROPPED: &[&str] = &["textcolor", "colorbox", "foreignlanguage"];

/// Environments whose content is not text (floats' placement aside, code and pictures).
const DROPPED_ENVIRONMENTS: &[&str] = &["tikzpicture", "picture", "comment", "thebibliography"];

/// List environments and how their items are marked.
const LISTS: &[(&str, &str)] = &[
    ("itemize", "- "),
    ("enumerate", "1. "),
    ("description", "- "),
    ("compactitem", "- "),
    ("compactenum", "1. "),
];

/// Table environments, read as pipe tables.
const TABLES: &[&str] = &[
    "tabular",
    "tabularx",
    "tabulary",
    "longtable",
    "tabu",
    "array",
];

/// How deep braces nest before their content is taken as plain text rather than read as
/// commands (bounded work and stack on hostile input).
const MAX_NESTING: usize = 32;

/// How deep lists are indented in the Markdown: deeper ones are written at this depth (a
/// document of 50,000 nested `itemize`s would otherwise write gigabytes of indentation).
const MAX_LIST_DEPTH: usize = 8;

/// The most columns a table is written with: a row's further cells join its last one (a row
/// of a million `&` would otherwise pad every row to a million cells).
const MAX_COLUMNS: usize = 64;

/// A LaTeX document as Markdown (see the module's documentation).
pub fn to_markdown(text: &str) -> String {
    let text = without_comments(text);
    let start = text.as_ptr() as usize;
    BRACES.with(|braces| *braces.borrow_mut() = (start, start + text.len(), brace_pairs(&text)));
    let markdown = converted(&text);
    BRACES.with(|braces| *braces.borrow_mut() = (0, 0, HashMap::new()));
    markdown
}

/// [`to_markdown`] of a text without comments, its braces paired.
fn converted(text: &str) -> String {
    let title = first_argument_of(text, "title");
    // The preamble and anything after `\end{document}`: blank lines.
    let (start, end) = match text.find("\\begin{document}") {
        Some(begin) => {
            let body = begin + "\\begin{document}".len();
            let end = text[body..]
                .find("\\end{document}")
                .map_or(text.len(), |at| body + at);
            (body, end)
        }
        None => (0, text.len()),
    };
    let mut reader = Reader {
        depth_offset: section_offset(&text[start..end]),
        title,
        lists: Vec::new(),
        footnotes: Vec::new(),
        out: String::with_capacity(text.len()),
    };
    reader
        .out
        .push_str(&"\n".repeat(text[..start].matches('\n').count()));
    // The title heads the document, wherever `\maketitle` puts it (an abstract may come
    // first), on the line of `\begin{document}`.
    if let Some(title) = reader.title.take() {
        reader.out.push_str(&format!("# {title}\n"));
    }
    reader.body(&text[start..end]);
    reader.flush_footnotes();
    reader
        .out
        .push_str(&"\n".repeat(text[end..].matches('\n').count()));
    reader.out
}

/// The text without `%` comments (a `\%` is a percent sign).
fn without_comments(text: &str) -> String {
    text.lines()
        .map(|line| {
            let mut escaped = false;
            for (index, c) in line.char_indices() {
                match c {
                    '\\' => escaped = !escaped,
                    '%' if !escaped => return &line[..index],
                    _ => escaped = false,
                }
            }
            line
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The first argument of the first `\name{…}` in `text`, read as text.
fn first_argument_of(text: &str, name: &str) -> Option<String> {
    let command = format!("\\{name}");
    let mut from = 0;
    while let Some(at) = text[from..].find(&command) {
        let after = from + at + command.len();
        if !text[after..].starts_with(|c: char| c.is_alphabetic()) {
            let (argument, _) = argument(&text[after..])?;
            let shown = inline(argument, 0);
            return Some(shown.split_whitespace().collect::<Vec<_>>().join(" "));
        }
        from = after;
    }
    None
}

/// What a sectioning command's index in [`SECTIONS`] adds up to in `#`s: the document's
/// title is the level-1 heading, the outermost sections the body uses level 2.
fn section_offset(body: &str) -> isize {
    let outermost = SECTIONS
        .iter()
        .position(|name| {
            body.contains(&format!("\\{name}{{")) || body.contains(&format!("\\{name}*{{"))
        })
        .unwrap_or(2);
    2 - outermost as isize
}

/// The `{…}` argument at the start of `text` (after spaces), its content and the rest;
/// `None` when there is none or it does not close.
fn argument(text: &str) -> Option<(&str, &str)> {
    let trimmed = text.trim_start_matches([' ', '\t']);
    let rest = trimmed.strip_prefix('{')?;
    let close = closing_brace(rest)?;
    Some((&rest[..close], &rest[close + 1..]))
}

/// An optional `[…]` argument at the start of `text`: its content and the rest.
fn optional(text: &str) -> Option<(&str, &str)> {
    let rest = text.strip_prefix('[')?;
    let close = rest.find(']')?;
    Some((&rest[..close], &rest[close + 1..]))
}

thread_local! {
    /// The document being converted: where its text starts and ends in memory, and for each
    /// of its `{` (by the byte after it) the byte of its `}`, `None` when it never closes;
    /// found in one pass, so that looking for an argument's end costs nothing however many
    /// unclosed braces a document has.
    static BRACES: std::cell::RefCell<(usize, usize, HashMap<usize, Option<usize>>)> =
        std::cell::RefCell::new((0, 0, HashMap::new()));
}

/// Each `{` of `text` (by the byte after it) with the byte of its `}` (see [`BRACES`]).
fn brace_pairs(text: &str) -> HashMap<usize, Option<usize>> {
    let mut pairs = HashMap::new();
    let mut open: Vec<usize> = Vec::new();
    let mut escaped = false;
    for (index, c) in text.char_indices() {
        match c {
            '\\' => {
                escaped = !escaped;
                continue;
            }
            '{' if !escaped => open.push(index + 1),
            '}' if !escaped => {
                if let Some(start) = open.pop() {
                    pairs.insert(start, Some(index));
                }
            }
            _ => {}
        }
        escaped = false;
    }
    pairs.extend(open.into_iter().map(|start| (start, None)));
    pairs
}

/// The byte index of the `}` closing a brace opened just before `text`.
fn closing_brace(text: &str) -> Option<usize> {
    let address = text.as_ptr() as usize;
    let known = BRACES.with(|braces| {
        let (start, end, pairs) = &*braces.borrow();
        let offset = address.checked_sub(*start).filter(|_| address <= *end)?;
        let close = pairs.get(&offset)?;
        Some(close.map(|close| close - offset))
    });
    if let Some(close) = known {
        return close;
    }
    let mut depth = 0usize;
    let mut escaped = false;
    for (index, c) in text.char_indices() {
        match c {
            '\\' => escaped = !escaped,
            '{' if !escaped => depth += 1,
            '}' if !escaped => {
                if depth == 0 {
                    return Some(index);
                }
                depth -= 1;
            }
            _ => escaped = false,
        }
        if c != '\\' {
            escaped = false;
        }
    }
    None
}

/// A command's name at the start of `text` (after its backslash): letters, or one other
/// character (`\&`, `\\`).
fn command_name(text: &str) -> &str {
    let letters = text
        .char_indices()
        .find(|(_, c)| !c.is_ascii_alphabetic())
        .map_or(text.len(), |(index, _)| index);
    if letters > 0 {
        &text[..letters]
    } else {
        text.char_indices()
            .nth(1)
            .map_or(text, |(index, _)| &text[..index])
    }
}

/// Inline LaTeX (an argument, a cell, a line's words) as Markdown on one line.
fn inline(text: &str, nesting: usize) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        let Some(at) = rest.find(['\\', '{', '}', '~', '$', '`', '\'', '-', '\n']) else {
            out.push_str(rest);
            break;
        };
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let c = rest.chars().next().unwrap_or(' ');
        match c {
            '\\' => {
                let name = command_name(&rest[1..]);
                let after = &rest[1 + name.len()..];
                let (shown, next) = inline_command(name, after, nesting);
                out.push_str(&shown);
                rest = next;
            }
            '{' => match (nesting < MAX_NESTING)
                .then(|| closing_brace(&rest[1..]))
                .flatten()
            {
                Some(close) => {
                    out.push_str(&inline(&rest[1..1 + close], nesting + 1));
                    rest = &rest[close + 2..];
                }
                None => rest = &rest[1..],
            },
            '}' => rest = &rest[1..],
            '~' => {
                out.push(' ');
                rest = &rest[1..];
            }
            '$' => rest = &rest[1..],
            '\n' => {
                out.push(' ');
                rest = &rest[1..];
            }
            '`' if rest.starts_with("``") => {
                out.push('“');
                rest = &rest[2..];
            }
            '`' => {
                out.push('‘');
                rest = &rest[1..];
            }
            '\'' if rest.starts_with("''") => {
                out.push('”');
                rest = &rest[2..];
            }
            '-' if rest.starts_with("---") => {
                out.push('—');
                rest = &rest[3..];
            }
            '-' if rest.starts_with("--") => {
                out.push('–');
                rest = &rest[2..];
            }
            _ => {
                out.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    out
}

/// One inline command, `name` and the text after it: what it shows, and the text after its
/// arguments.
fn inline_command<'a>(name: &str, after: &'a str, nesting: usize) -> (String, &'a str) {
    // (Past the deepest nesting read, arguments are not looked for: their text stays.)
    if nesting >= MAX_NESTING {
        return (String::new(), after);
    }
    let wrapped = |open: &str, close: &str| -> (String, &'a str) {
        match argument(after) {
            Some((inner, rest)) => {
                let inner = inline(inner, nesting + 1);
                let inner = inner.trim();
                if inner.is_empty() {
                    (String::new(), rest)
                } else {
                    (format!("{open}{inner}{close}"), rest)
                }
            }
            _ => (String::new(), after),
        }
    };
    match name {
        "textbf" | "bfseries" | "strong" => wrapped("**", "**"),
        "emph" | "textit" | "textsl" | "itshape" => wrapped("*", "*"),
        "texttt" | "verb" | "code" => wrapped("`", "`"),
        "href" => match argument(after) {
            Some((url, rest)) => match argument(rest) {
                Some((words, rest)) => {
                    let words = inline(words, nesting + 1);
                    (format!("[{}]({})", words.trim(), url.trim()), rest)
                }
                None => (url.to_owned(), rest),
            },
            None => (String::new(), after),
        },
        "url" => match argument(after) {
            Some((url, rest)) => (url.trim().to_owned(), rest),
            None => (String::new(), after),
        },
        "\\" | "newline" | "linebreak" => (String::from(" "), after),
        "&" | "%" | "$" | "#" | "_" | "{" | "}" => (name.to_owned(), after),
        "ldots" | "dots" | "textellipsis" => (String::from("…"), skip_braces(after)),
        "textendash" => (String::from("–"), skip_braces(after)),
        "textemdash" => (String::from("—"), skip_braces(after)),
        "LaTeX" => (String::from("LaTeX"), skip_braces(after)),
        "TeX" => (String::from("TeX"), skip_braces(after)),
        " " | "," | ";" | ":" | "!" | "quad" | "qquad" => (String::from(" "), after),
        _ if DROPPED_WITH_ARGUMENTS.contains(&name) => (String::new(), without_arguments(after)),
        _ if FIRST_ARGUMENT_DROPPED.contains(&name) => {
            let rest = argument(after).map_or(after, |(_, rest)| rest);
            match argument(rest) {
                Some((inner, rest)) => (inline(inner, nesting + 1), rest),
                None => (String::new(), rest),
            }
        }
        // Any other command: its arguments' text (`\textsc{CEO}`, `\mbox{…}`), or nothing.
        _ => {
            let mut shown = String::new();
            let mut rest = optional(after).map_or(after, |(_, rest)| rest);
            while let Some((inner, next)) = argument(rest) {
                shown.push_str(&inline(inner, nesting + 1));
                rest = next;
            }
            (shown, rest)
        }
    }
}

/// The text after a command's empty `{}` (`\ldots{}`), if any.
fn skip_braces(text: &str) -> &str {
    text.strip_prefix("{}").unwrap_or(text)
}

/// The text after a command's optional and braced arguments.
fn without_arguments(text: &str) -> &str {
    let mut rest = text.strip_prefix('*').unwrap_or(text);
    loop {
        if let Some((_, next)) = optional(rest) {
            rest = next;
        } else if let Some((_, next)) = argument(rest) {
            rest = next;
        } else {
            return rest;
        }
    }
}

/// Walks the body, writing Markdown.
struct Reader {
    /// What a sectioning command's index in [`SECTIONS`] adds up to in `#`s.
    depth_offset: isize,
    /// The document's `\title`, until it is written.
    title: Option<String>,
    /// The lists open, innermost last: each its item mark.
    lists: Vec<&'static str>,
    /// Footnotes of the paragraph being read, written after it.
    footnotes: Vec<String>,
    out: String,
}

impl Reader {
    fn body(&mut self, body: &str) {
        let mut rest = body;
        let mut line = String::new();
        while !rest.is_empty() {
            let Some(at) = rest.find(['\\', '\n']) else {
                line.push_str(&inline(rest, 0));
                break;
            };
            line.push_str(&inline(&rest[..at], 0));
            rest = &rest[at..];
            if let Some(next) = rest.strip_prefix('\n') {
                self.end_line(&line);
                line.clear();
                rest = next;
                continue;
            }
            let name = command_name(&rest[1..]);
            let after = &rest[1 + name.len()..];
            rest = match name {
                "begin" => self.begin(after, &mut line),
                "end" => self.end(after, &mut line),
                "item" => {
                    self.end_text(&mut line);
                    self.item(after, &mut line)
                }
                "maketitle" => after,
                "footnote" => match argument(after) {
                    Some((note, next)) => {
                        self.footnotes.push(inline(note, 1).trim().to_owned());
                        next
                    }
                    None => after,
                },
                _ if SECTIONS.contains(&name) => {
                    let after = after.strip_prefix('*').unwrap_or(after);
                    let after = optional(after).map_or(after, |(_, rest)| rest);
                    match argument(after) {
                        Some((heading, next)) => {
                            self.end_text(&mut line);
                            let index = SECTIONS.iter().position(|s| *s == name).unwrap_or(2);
                            let depth = (index as isize + self.depth_offset).clamp(1, 6) as usize;
                            let heading = inline(heading, 1);
                            line.push_str(&format!("{} {}", "#".repeat(depth), heading.trim()));
                            // Its own line: what follows starts the next.
                            let lines_inside = heading_lines(after, next);
                            self.end_line(&line);
                            line.clear();
                            self.out.push_str(&"\n".repeat(lines_inside));
                            next
                        }
                        None => after,
                    }
                }
                _ => {
                    // Inline: up to the end of the command's arguments.
                    let (shown, next) = inline_command(name, after, 0);
                    // (Arguments over several lines: their line ends after the text.)
                    let consumed = &rest[..rest.len() - next.len()];
                    line.push_str(&shown);
                    for _ in 0..consumed.matches('\n').count() {
                        self.end_line(&line);
                        line.clear();
                    }
                    next
                }
            };
        }
        self.end_line(&line);
    }

    /// Ends an output line (its text already Markdown), a list item's continuation indented.
    fn end_line(&mut self, line: &str) {
        let shown = line;
        if shown.trim().is_empty() {
            self.flush_footnotes();
        }
        let indent = if shown.trim_start().starts_with(['-', '1']) || self.lists.is_empty() {
            String::new()
        } else {
            // A list item's continuation lines.
            "  ".repeat(self.lists.len().min(MAX_LIST_DEPTH))
        };
        let trimmed = shown.trim();
        if !trimmed.is_empty() {
            self.out.push_str(&indent);
            self.out.push_str(shown.trim_end());
        }
        self.out.push('\n');
    }

    /// Ends the line when it holds text (before an item, a list or a heading starts on the
    /// same line); a line of nothing but spaces so far is dropped.
    fn end_text(&mut self, line: &mut String) {
        if !line.trim().is_empty() {
            self.end_line(line);
        }
        line.clear();
    }

    /// Writes the paragraph's footnotes after it, one paragraph each.
    fn flush_footnotes(&mut self) {
        for note in std::mem::take(&mut self.footnotes) {
            if !note.is_empty() {
                self.out.push('\n');
                self.out.push_str(&note);
                self.out.push('\n');
            }
        }
    }

    fn item<'a>(&mut self, after: &'a str, line: &mut String) -> &'a str {
        let depth = self.lists.len().clamp(1, MAX_LIST_DEPTH);
        let mark = self.lists.last().copied().unwrap_or("- ");
        line.push_str(&"   ".repeat(depth - 1));
        line.push_str(mark);
        // `\item[Label]`: the label in bold.
        let text = match optional(after.trim_start()) {
            Some((label, rest)) => {
                let label = inline(label, 1);
                if !label.trim().is_empty() {
                    line.push_str(&format!("**{}** ", label.trim()));
                }
                rest
            }
            None => after,
        };
        text.trim_start_matches([' ', '\t'])
    }

    fn begin<'a>(&mut self, after: &'a str, line: &mut String) -> &'a str {
        let Some((name, rest)) = argument(after) else {
            return after;
        };
        let name = name.trim();
        let base = name.trim_end_matches('*');
        if let Some((_, mark)) = LISTS.iter().find(|(list, _)| *list == base) {
            self.end_text(line);
            self.lists.push(mark);
            return rest;
        }
        if TABLES.contains(&base) || DROPPED_ENVIRONMENTS.contains(&base) {
            let closing = format!("\\end{{{name}}}");
            let (inside, next) = match rest.find(&closing) {
                Some(at) => (&rest[..at], &rest[at + closing.len()..]),
                None => (rest, ""),
            };
            let lines_inside = inside.matches('\n').count();
            self.end_text(line);
            let mut written = 0;
            if TABLES.contains(&base) {
                for row in table_rows(inside) {
                    self.out.push_str(&row);
                    self.out.push('\n');
                    written += 1;
                }
            }
            self.out
                .push_str(&"\n".repeat(lines_inside.saturating_sub(written)));
            return next;
        }
        // Any other environment (`center`, `quote`, `minipage`, `abstract`): its content.
        let rest = optional(rest).map_or(rest, |(_, next)| next);
        // (`minipage`, `tabularx`-like arguments: a width.)
        if matches!(base, "minipage" | "multicols" | "wrapfigure") {
            return argument(rest).map_or(rest, |(_, next)| next);
        }
        rest
    }

    fn end<'a>(&mut self, after: &'a str, line: &mut String) -> &'a str {
        let Some((name, rest)) = argument(after) else {
            return after;
        };
        let base = name.trim().trim_end_matches('*');
        if LISTS.iter().any(|(list, _)| *list == base) {
            self.end_text(line);
            self.lists.pop();
        }
        rest
    }
}

/// How many lines a heading's argument took beyond its first (`\section{A` / `B}`).
fn heading_lines(from: &str, after: &str) -> usize {
    from[..from.len() - after.len()].matches('\n').count()
}

/// A `tabular`'s rows as pipe-table lines (header separator after the first row); its column
/// specification, rules and `\multicolumn` spans dropped, keeping the cells' text.
fn table_rows(inside: &str) -> Vec<String> {
    // The column specification: `{l|p{5cm}|r}`.
    let inside = inside.trim_start();
    let inside = optional(inside).map_or(inside, |(_, rest)| rest);
    let inside = argument(inside).map_or(inside, |(_, rest)| rest);
    let rows: Vec<Vec<String>> = split_rows(inside)
        .into_iter()
        .map(|row| {
            split_cells(&row)
                .into_iter()
                .map(|cell| {
                    let cell = inline(&without_rules(&cell), 1);
                    cell.split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ")
                        .replace('|', "\\|")
                })
                .collect::<Vec<String>>()
        })
        .filter(|cells: &Vec<String>| cells.iter().any(|cell| !cell.is_empty()))
        .map(|mut cells: Vec<String>| {
            if cells.len() > MAX_COLUMNS {
                let rest = cells.split_off(MAX_COLUMNS - 1).join(" ");
                cells.push(rest);
            }
            cells
        })
        .collect();
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut out = Vec::new();
    for (index, row) in rows.iter().enumerate() {
        let mut cells = row.clone();
        cells.resize(width, String::new());
        out.push(format!("| {} |", cells.join(" | ")));
        if index == 0 {
            out.push(format!("|{}", " --- |".repeat(width)));
        }
    }
    out
}

/// A table's body split at its `\\` row ends (not inside braces).
fn split_rows(body: &str) -> Vec<String> {
    split_outside_braces(body, "\\\\")
}

/// A row split at its `&` column separators (not `\&`, not inside braces).
fn split_cells(row: &str) -> Vec<String> {
    split_outside_braces(row, "&")
}

fn split_outside_braces(text: &str, separator: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    let mut index = 0;
    let bytes = text.as_bytes();
    while index < bytes.len() {
        match bytes[index] {
            b'\\' if text[index..].starts_with(separator) && depth == 0 => {
                parts.push(text[start..index].to_owned());
                index += separator.len();
                start = index;
                continue;
            }
            b'\\' => index += 1,
            b'{' => depth += 1,
            b'}' => depth = depth.saturating_sub(1),
            b'&' if separator == "&" && depth == 0 => {
                parts.push(text[start..index].to_owned());
                start = index + 1;
            }
            _ => {}
        }
        index += 1;
    }
    parts.push(text[start..].to_owned());
    parts
}

/// A cell without the table's rules (`\hline`, `\toprule`, `\cline{2-3}`) and spans'
/// column counts (`\multicolumn{2}{c}{text}` is its text).
fn without_rules(cell: &str) -> String {
    let mut text = cell.to_owned();
    for rule in [
        "\\hline",
        "\\toprule",
        "\\midrule",
        "\\bottomrule",
        "\\endhead",
        "\\endfirsthead",
    ] {
        text = text.replace(rule, " ");
    }
    for spanning in ["\\multicolumn", "\\multirow"] {
        while let Some(at) = text.find(spanning) {
            let after = &text[at + spanning.len()..];
            // Two arguments before the text: a count and a format (or width).
            let rest = argument(after).map_or(after, |(_, rest)| rest);
            let rest = argument(rest).map_or(rest, |(_, rest)| rest);
            let rest = rest.to_owned();
            text = format!("{}{}", &text[..at], rest);
        }
    }
    while let Some(at) = text.find("\\cline") {
        let after = &text[at + "\\cline".len()..];
        let rest = argument(after).map_or(after, |(_, rest)| rest).to_owned();
        text = format!("{}{}", &text[..at], rest);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_reads_as_its_markdown() {
        let tex = "\\documentclass{article}\n\\usepackage{hyperref}\n\\title{The Ranks}\n\
                   \\begin{document}\n\\maketitle\n\n\\section{Ranks}\n\n\
                   Members rise through ranks.% a comment\n\n\
                   \\subsection{I Dan}\n\nA \\textbf{first} rank, see \\href{https://x.org}{the site}.\n\
                   \\begin{itemize}\n  \\item Writes code\n  \\item Reviews 10\\% of PRs\n\
                   \\begin{enumerate}\n\\item nested\n\\end{enumerate}\n\\end{itemize}\n\n\
                   \\begin{tabular}{|l|p{4cm}|}\n\\hline\nRank & Duty \\\\\n\\hline\n\
                   I Dan & Writes \\\\\nII Dan & \\emph{Leads} \\\\\n\\hline\n\\end{tabular}\n\
                   \\end{document}\n";
        let markdown = to_markdown(tex);
        assert!(markdown.lines().count() >= tex.lines().count());
        assert!(markdown.contains("# The Ranks\n"), "{markdown}");
        assert!(markdown.contains("## Ranks\n"), "{markdown}");
        assert!(markdown.contains("### I Dan\n"), "{markdown}");
        assert!(
            markdown.contains("Members rise through ranks.\n"),
            "{markdown}"
        );
        assert!(
            markdown.contains("A **first** rank, see [the site](https://x.org)."),
            "{markdown}"
        );
        assert!(markdown.contains("- Writes code\n"), "{markdown}");
        assert!(markdown.contains("- Reviews 10% of PRs\n"), "{markdown}");
        assert!(markdown.contains("   1. nested\n"), "{markdown}");
        assert!(
            markdown.contains(
                "| Rank | Duty |\n| --- | --- |\n| I Dan | Writes |\n| II Dan | *Leads* |"
            ),
            "{markdown}"
        );
        assert!(!markdown.contains("usepackage"), "{markdown}");
        assert!(!markdown.contains('\\'), "{markdown}");
    }

    #[test]
    fn hostile_nesting_and_unclosed_braces_are_bounded() {
        // (Each in well under a second: braces are paired once, not searched for each
        // command; past 32 levels, arguments are plain text.)
        let tex = format!("{}x{}", "\\textbf{".repeat(100_000), "}".repeat(100_000));
        assert!(to_markdown(&tex).contains('x'));
        let tex = "\\textbf{x ".repeat(100_000);
        assert!(to_markdown(&tex).contains('x'));
        // 20,000 nested lists: indented no deeper than eight lists.
        let tex = format!(
            "{}{}{}",
            "\\begin{itemize}".repeat(20_000),
            "\\item x\n".repeat(20_000),
            "\\end{itemize}".repeat(20_000)
        );
        let markdown = to_markdown(&tex);
        assert!(markdown.len() < 20_000 * 40, "{}", markdown.len());
        // A thousand rows of 10,000 columns: 64 columns, the rest in the last.
        let row = format!("{}x \\\\\n", "a & ".repeat(10_000));
        let tex = format!(
            "\\begin{{tabular}}{{l}}\n{}\\end{{tabular}}\n",
            row.repeat(1_000)
        );
        let markdown = to_markdown(&tex);
        assert!(markdown
            .lines()
            .all(|line| line.matches(" | ").count() < 64));
        assert!(markdown.contains(" a a a "));
    }
}
