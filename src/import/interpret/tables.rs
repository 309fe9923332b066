//! Tables: levels as rows (with groups of bullets per cell), grids of levels × areas either
//! way round, a handbook's overview of grades, and a summary table that aligns tracks.

use super::text::names_a_person;
use super::*;

impl Interpreter {
    /// A handbook's overview table: a `Grade` column names each row's grade.
    pub(super) fn overview_grades(&mut self, rows: &[Vec<Cell>]) {
        let Some(header) = rows.first() else { return };
        let first = header.first().map(|cell| plain(&cell.text));
        let is_grade = |text: &String| {
            crate::labels::built_in_labels()
                .iter()
                .any(|labels| labels.text("grade") == text)
        };
        if !first.as_ref().is_some_and(is_grade) {
            return;
        }
        for row in rows.iter().skip(1) {
            let Some((first, rest)) = row.split_first() else {
                continue;
            };
            let grade = plain(&first.text);
            if grade.is_empty() {
                continue;
            }
            let titles: Vec<String> = rest
                .iter()
                .flat_map(|cell| cell_links(&cell.text))
                .collect();
            self.grade_rows.push((grade, titles));
        }
    }

    pub(super) fn table(&mut self, rows: &[Vec<Cell>], line: usize) {
        // A header row repeated inside the table (as Word repeats it at each page's top, or a
        // writer before each group) is the header, not a row of its own.
        let header_repeated = rows.len() > 2 && {
            let header = row_key(&rows[0]);
            !header.iter().all(String::is_empty)
                && rows[1..].iter().any(|row| row_key(row) == header)
        };
        if header_repeated {
            let header = row_key(&rows[0]);
            let rows: Vec<Vec<Cell>> = rows
                .iter()
                .enumerate()
                .filter(|(index, row)| *index == 0 || row_key(row) != header)
                .map(|(_, row)| row.clone())
                .collect();
            return self.table(&rows, line);
        }
        let nested = rows.iter().flatten().any(|cell| {
            cell.blocks
                .iter()
                .any(|b| matches!(b, Block::Heading { .. }))
                && cell
                    .blocks
                    .iter()
                    .any(|b| matches!(b, Block::List { .. } | Block::Paragraph { .. }))
        });
        if is_index_table(rows) {
            // A table of contents (its cells link to the document's own headings): the levels
            // are read where it points, the table is kept as prose.
            let text = table_text(rows);
            self.prose(&text, line);
        } else if is_roster_table(rows) {
            // The people who hold a role (a column of profile links or e-mail addresses): said
            // of the level it is under, as a roster list is, else prose.
            let text = table_text(rows);
            match self.current_level() {
                Some(level) => {
                    level.roster = true;
                    level.description.push(text);
                }
                None => self.prose(&text, line),
            }
        } else if nested {
            self.level_rows(rows, line);
        } else if let Some(alignment) = alignment_table(rows) {
            self.alignment = Some(alignment);
        } else {
            self.grid(rows, line);
        }
    }

    /// The heading just before a table of levels names the table's track, not a section.
    pub(super) fn pending_heading_becomes_track(&mut self) {
        if let Some((name, _, _)) = self.pending_heading.take() {
            let empty_section = self
                .sections
                .last()
                .is_some_and(|section| section.title == name && section.body.is_empty());
            if empty_section {
                self.sections.pop();
            }
            self.tracks.push(TrackDraft {
                name,
                ..TrackDraft::default()
            });
        }
    }

    /// A table with a level per row: `Level`/`Title`/`Experience` labels with values, and area
    /// headings with bullets (the Persado tables).
    pub(super) fn level_rows(&mut self, rows: &[Vec<Cell>], line: usize) {
        self.pending_heading_becomes_track();
        self.ensure_track();
        for row in rows {
            if row.iter().all(|cell| cell.header) {
                continue;
            }
            let mut level = LevelDraft {
                line,
                from_table: true,
                ..LevelDraft::default()
            };
            for (column, cell) in row.iter().enumerate() {
                let mut label: Option<String> = None;
                // (A first cell headed by a level's title, `<td><h3>Product Manager</h3>
                // <p><em>PM</em></p>`, titles the row; what it says under it describes it.)
                let titled_here = column == 0
                    && level.title.is_empty()
                    && matches!(cell.blocks.first(), Some(Block::Heading { text, .. })
                        if level_likeness(text) >= super::reading::LEVEL_LIKE);
                for block in &cell.blocks {
                    match block {
                        Block::Heading { text, .. } if titled_here && level.title.is_empty() => {
                            level.title = plain(text);
                            label = Some(String::new());
                        }
                        Block::Paragraph { text, .. }
                            if titled_here && label.as_deref() == Some("") =>
                        {
                            level.description.push(plain(text));
                        }
                        Block::Heading { text, .. } => label = Some(text.clone()),
                        Block::Paragraph { text, .. } => {
                            match label.as_deref().map(str::to_lowercase).as_deref() {
                                Some("level") => level.rank_text = Some(plain(text)),
                                Some("title") => level.title = plain(text),
                                Some("experience") => level.experience = Some(plain(text)),
                                Some("code") => level.code = Some(plain(text)),
                                Some(other) => {
                                    let area = label.clone().unwrap_or_else(|| other.to_owned());
                                    let area = self.area_name(&area);
                                    level
                                        .expectations
                                        .entry(area)
                                        .or_default()
                                        .push(Expectation::new(text.as_str()));
                                }
                                None => level.description.push(text.clone()),
                            }
                        }
                        Block::List { items, .. } => {
                            let area = label.clone().unwrap_or_else(|| String::from(GENERAL_AREA));
                            let area = self.area_name(&area);
                            let entry = level.expectations.entry(area).or_default();
                            entry.extend(items.iter().map(|item| {
                                let mut examples = Vec::new();
                                for child in &item.children {
                                    super::text::collect_examples(child, &mut examples);
                                }
                                Expectation::new(item.text.trim()).with_examples(examples)
                            }));
                        }
                        _ => {}
                    }
                }
            }
            if level.title.is_empty() && level.expectations.is_empty() {
                continue;
            }
            self.push_level(level);
        }
        self.place = Place::Section;
    }
}

/// A table one of whose columns links each row to a heading of the same document
/// (`[D1 - Developer 1](#d1---developer-1)`).
fn is_index_table(rows: &[Vec<Cell>]) -> bool {
    has_column_where(rows, |text| {
        link_target(text).is_some_and(|target| target.starts_with('#')) && text.starts_with('[')
    })
}

/// Whether a table lists people (Crossplane's steering committee: `[Bassam Tabbara](https://
/// github.com/bassam)`, `bassam@upbound.io`, terms): a column of profile links or e-mail
/// addresses.
fn is_roster_table(rows: &[Vec<Cell>]) -> bool {
    // (Or its header says a column holds people's contacts: "Matrix ID", "GitHub 账号".)
    let contacts_headed = rows.first().is_some_and(|header| {
        header.iter().any(|cell| {
            let text = plain(&cell.text).to_lowercase();
            CONTACT_HEADERS.iter().any(|name| text.trim() == *name)
        })
    });
    contacts_headed
        || has_column_where(rows, |text| {
            names_a_person(text) || is_address(text) || is_chat_handle(text)
        })
}

/// Headers of a column of people's contacts, lowercased: a table with one lists who holds a
/// role.
const CONTACT_HEADERS: &[&str] = &[
    "matrix id",
    "matrix",
    "irc",
    "irc nick",
    "slack",
    "slack handle",
    "github",
    "github handle",
    "github id",
    "github username",
    "github account",
    "email",
    "e-mail",
    "github 账号",
    "github账号",
    "邮箱",
    "メール",
    "이메일",
];

/// Whether a cell is a person's chat handle: a Matrix ID (`@clarkb:matrix.org`, after a
/// nickname: `Clark (@clarkb:matrix.org)`) or a lone `@handle`.
fn is_chat_handle(text: &str) -> bool {
    let text = plain(text);
    let handle = text
        .trim()
        .rsplit(['(', ' '])
        .next()
        .unwrap_or("")
        .trim_end_matches(')');
    let Some(rest) = handle.strip_prefix('@') else {
        return false;
    };
    let word = |part: &str| {
        !part.is_empty()
            && part
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'))
    };
    match rest.split_once(':') {
        Some((user, server)) => word(user) && word(server) && server.contains('.'),
        None => word(rest) && !text.trim().contains(' '),
    }
}

/// Whether a cell is one e-mail address (`fangjian0423@gmail.com`).
fn is_address(text: &str) -> bool {
    let text = plain(text);
    let text = text.trim();
    !text.contains(char::is_whitespace)
        && text
            .split_once('@')
            .is_some_and(|(name, host)| !name.is_empty() && host.contains('.'))
}

/// Whether a table of two body rows or more has a column every body cell of which is `so`
/// (its text trimmed) or empty, two of them at least `so` (a person without a handle leaves
/// the cell empty).
fn has_column_where(rows: &[Vec<Cell>], so: impl Fn(&str) -> bool) -> bool {
    let body: Vec<&Vec<Cell>> = rows.iter().skip(1).collect();
    if body.len() < 2 {
        return false;
    }
    let width = body.iter().map(|row| row.len()).max().unwrap_or(0);
    (0..width).any(|column| {
        let texts: Vec<&str> = body
            .iter()
            .map(|row| row.get(column).map_or("", |cell| cell.text.trim()))
            .collect();
        let matching = texts.iter().filter(|text| so(text)).count();
        matching >= 2 && texts.iter().all(|text| text.is_empty() || so(text))
    })
}

/// A table whose first column labels tracks and whose cells read `N Title` (or are empty),
/// optionally ending with a row of grade numbers.
pub(super) fn alignment_table(rows: &[Vec<Cell>]) -> Option<Alignment> {
    if rows.len() < 2 {
        return None;
    }
    let mut track_rows = Vec::new();
    let mut grades = None;
    for row in rows {
        let label = plain(&row.first()?.text);
        let cells: Vec<String> = row.iter().skip(1).map(|cell| plain(&cell.text)).collect();
        if !cells.is_empty()
            && cells
                .iter()
                .all(|cell| cell.is_empty() || cell.chars().all(|c| c.is_ascii_digit()))
            && cells.iter().any(|c| !c.is_empty())
        {
            grades = Some((
                label,
                cells
                    .into_iter()
                    .map(|c| (!c.is_empty()).then_some(c))
                    .collect(),
            ));
            continue;
        }
        let mut parsed = Vec::new();
        for cell in cells {
            if cell.is_empty() {
                parsed.push(None);
                continue;
            }
            let (rank, title) = cell.split_once(' ')?;
            if !rank.chars().all(|c| c.is_ascii_digit() || c == '/') || title.trim().is_empty() {
                return None;
            }
            parsed.push(Some((rank.to_owned(), title.trim().to_owned())));
        }
        if parsed.iter().all(Option::is_none) {
            return None;
        }
        track_rows.push((label, parsed));
    }
    (!track_rows.is_empty()).then_some(Alignment {
        rows: track_rows,
        grades,
    })
}

/// The level titles linked in a cell (a handbook's overview table).
pub(super) fn cell_links(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    fn walk(inlines: &[markup::Inline], out: &mut Vec<String>) {
        for inline in inlines {
            match inline {
                markup::Inline::Link { children, .. } => out.push(markup::plain(children)),
                markup::Inline::Emph { children } | markup::Inline::Strong { children } => {
                    walk(children, out)
                }
                _ => {}
            }
        }
    }
    walk(&markup::inline(text), &mut out);
    out
}

/// Tables whose first rows each span the whole table with one text (a title set over the
/// matrix, "Engineering Competency Matrix 2024", as Word and Excel users merge it) above a
/// header of levels: those rows are paragraphs before the table, in bold as set, and the
/// table starts at its header. `None` when no table opens so.
/// The most words of a header's label under a table's title row.
const MAX_LABEL_WORDS: usize = 4;

pub(super) fn title_rows_before_tables(blocks: &[Block]) -> Option<Vec<Block>> {
    // A row that says one thing across two columns or more: its cells the same text, the
    // first filled, the others copies of it (or empty).
    let spans = |row: &Vec<Cell>| {
        let first = row.first().map(|cell| cell.text.trim()).unwrap_or("");
        row.len() >= 2
            && !first.is_empty()
            && row.iter().skip(1).all(|cell| {
                cell.text.trim() == first && cell.spanned || cell.text.trim().is_empty()
            })
            && row.iter().skip(1).any(|cell| cell.spanned)
    };
    // (At least two rows stay, a header and a row under it; and the header names levels that
    // the title row hid: a table of something else keeps its rows as they are.)
    let names_levels = |rows: &[Vec<Cell>]| {
        let table = Block::Table {
            rows: rows.to_vec(),
            line: 0,
        };
        super::matrix::table_level_titles(&table, false).is_some()
    };
    // (Or the row under the title is a header of labels, each filled, short and its own:
    // "Visão geral dos níveis" over `Trilha | Nível | Cargo | Escopo típico`.)
    let labels = |row: &Vec<Cell>| {
        let texts: Vec<String> = row
            .iter()
            .map(|cell| plain(&cell.text).trim().to_owned())
            .collect();
        let mut distinct = texts.clone();
        distinct.sort();
        distinct.dedup();
        texts.len() >= 2
            && distinct.len() == texts.len()
            && texts
                .iter()
                .all(|text| !text.is_empty() && text.split_whitespace().count() <= MAX_LABEL_WORDS)
    };
    let titled = |rows: &Vec<Vec<Cell>>| {
        let leading = rows.iter().take_while(|row| spans(row)).count();
        (leading > 0
            && rows.len() >= leading + 2
            && (names_levels(&rows[leading..]) && !names_levels(rows) || labels(&rows[leading])))
        .then_some(leading)
    };
    if !blocks
        .iter()
        .any(|block| matches!(block, Block::Table { rows, .. } if titled(rows).is_some()))
    {
        return None;
    }
    let mut out = Vec::with_capacity(blocks.len() + 1);
    for block in blocks {
        match block {
            Block::Table { rows, line } if titled(rows).is_some() => {
                let leading = titled(rows).unwrap_or(0);
                for row in &rows[..leading] {
                    let text = row[0].text.trim();
                    let text = if is_bold_label(text) {
                        text.to_owned()
                    } else {
                        format!("**{}**", plain(text))
                    };
                    out.push(Block::Paragraph { text, line: *line });
                }
                out.push(Block::Table {
                    rows: rows[leading..].to_vec(),
                    line: *line,
                });
            }
            _ => out.push(block.clone()),
        }
    }
    Some(out)
}

/// A row's cells as a reader compares them: their plain words.
fn row_key(row: &[Cell]) -> Vec<String> {
    row.iter()
        .map(|cell| {
            plain(&cell.text)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}
