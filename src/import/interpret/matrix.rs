//! A table read as a matrix of levels × areas, whichever way round it is written, wherever it
//! comes from: a Markdown or HTML table, a Word table, a spreadsheet's sheet.
//!
//! Which axis holds the levels is decided by comparing the two readings: the axis whose labels
//! look more like level titles (`Senior Engineer`, `L3`, `IC2`, `Level 4`, `II`) holds the
//! levels, the other the areas; the corner cell (`Level`, `Competency`) breaks a tie, and the
//! user's `--levels rows|columns` decides outright. Rows whose label cell is the only one filled
//! name a group of areas (`**Technical**`, a merged cell across the sheet); several tables in a
//! row whose levels are the same fill the same levels rather than starting new ones.

use super::cells::*;
use super::likeness::{
    corner_says_rows_are_levels, is_description_heading, is_pitfalls_heading, is_rung_code,
};
use super::*;

/// Which way round a table holds its levels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LevelAxis {
    /// A level per column, an area per row.
    Columns,
    /// A level per row, an area per column.
    Rows,
}

/// How much a table's column labels (its header after the corner) and its row labels (the
/// first cells of its body) read as levels' titles, each the mean [`level_likeness`].
pub(super) struct LabelScores {
    pub columns: f32,
    pub rows: f32,
}

/// The fewest words of a first column's cells, on average, that make them sentences rather
/// than labels naming their rows.
const SENTENCE_WORDS: f32 = 5.0;

/// Whether a table's first column holds sentences ("Consider non-functional requirements of a
/// system …") rather than labels naming its rows ("Delivery", "Scope"): its filled cells
/// are not one cell spanning the rows and average `SENTENCE_WORDS` words or more.
fn first_column_holds_sentences(body: &[&Vec<Cell>]) -> bool {
    column_holds_sentences(body, 0)
}

/// The mean likeness to levels' titles of a row's filled cells after its first.
fn row_level_likeness(row: &[Cell]) -> f32 {
    let likeness: Vec<f32> = row
        .iter()
        .skip(1)
        .filter(|cell| !is_blank(cell))
        .map(|cell| level_likeness(&cell.text))
        .collect();
    if likeness.is_empty() {
        0.0
    } else {
        likeness.iter().sum::<f32>() / likeness.len() as f32
    }
}

/// A table's first row when it names groups of the level columns of the row below it
/// ("Individual Contributor" over three levels, "Management" over two), as a sheet writes
/// them: merged across the columns each group spans, or written once and blank after. The
/// row is returned with each group's name filled across its columns, so that each level
/// column finds its group (a track). `None` when the table's header is one row already
/// split so, or its first row is not such a row.
fn groups_over_levels(rows: &[&Vec<Cell>], header_rows: usize) -> Option<Vec<Cell>> {
    if header_rows != 1 || rows.len() < 3 {
        return None;
    }
    let (upper, levels) = (rows[0], rows[1]);
    let mut filled: Vec<Cell> = Vec::with_capacity(levels.len());
    let mut spans: Vec<(String, usize)> = Vec::new();
    for column in 0..levels.len() {
        let cell = upper.get(column).cloned().unwrap_or_default();
        let text = plain(&cell.text).trim().to_owned();
        if column == 0 {
            filled.push(cell);
            continue;
        }
        match spans.last_mut() {
            Some((_, width)) if text.is_empty() || cell.spanned => {
                *width += 1;
                let last = filled.last().cloned().unwrap_or_default();
                filled.push(Cell {
                    spanned: true,
                    ..last
                });
            }
            _ if text.is_empty() => return None,
            _ => {
                spans.push((text, 1));
                filled.push(cell);
            }
        }
    }
    let named_levels = levels.iter().skip(1).filter(|cell| !is_blank(cell)).count();
    let distinct: HashSet<&String> = spans.iter().map(|(name, _)| name).collect();
    let grouped = spans.len() >= 2
        && distinct.len() == spans.len()
        && spans.iter().any(|(_, width)| *width >= 2)
        && named_levels == levels.len() - 1;
    let likeness = row_level_likeness(levels);
    (grouped && likeness >= MOSTLY_LEVELS_IN_LABELS && likeness > row_level_likeness(upper))
        .then_some(filled)
}

/// The most words of a cell under an experience label read as the level's experience ("6+
/// years, 1+ leading"): longer, it is a sentence about experience, expected.
const MAX_YEARS_CELL_WORDS: usize = 5;

/// Whether a table's second row continues its header (see [`Matrix::grid`]): some of its
/// cells are copies of the first row's merged down, and every other cell it names sits under a
/// cell of the first row merged across, two of them at least.
fn merged_down_into(upper: &[Cell], lower: &[Cell]) -> bool {
    if upper.len() != lower.len() {
        return false;
    }
    let same = |a: &Cell, b: &Cell| plain(&a.text).trim() == plain(&b.text).trim();
    let merged_down = (0..lower.len()).any(|column| {
        lower[column].spanned && !is_blank(&lower[column]) && same(&lower[column], &upper[column])
    });
    // (A cell merged across: a copy, or the first of its copies.)
    let merged_across = |column: usize| {
        let cell = &upper[column];
        !is_blank(cell)
            && (column > 0 && cell.spanned && same(cell, &upper[column - 1])
                || upper
                    .get(column + 1)
                    .is_some_and(|next| next.spanned && same(next, cell)))
    };
    let named: Vec<usize> = (0..lower.len())
        .filter(|&column| !lower[column].spanned && !is_blank(&lower[column]))
        .collect();
    merged_down && named.len() >= 2 && named.iter().all(|&column| merged_across(column))
}

/// Whether row labels are each a level of `known` (title keys) after the same qualifier words
/// (`New Member`, `New Committer`), two rows or more.
fn qualified_known_levels(labels: &[String], known: &[String]) -> bool {
    let Some((first, _)) = labels.first().and_then(|label| label.split_once(' ')) else {
        return false;
    };
    let qualifier = format!("{first} ");
    labels.len() >= 2
        && labels.iter().all(|label| {
            label.strip_prefix(&qualifier).is_some_and(|rest| {
                known.contains(&super::twins::title_key(rest))
                    && !known.contains(&super::twins::title_key(label))
            })
        })
}

/// Whether most of a column's filled cells name their row in bold over what it covers
/// ([`named_label`]).
fn column_names_its_rows(body: &[&Vec<Cell>], column: usize) -> bool {
    let filled: Vec<&Cell> = body
        .iter()
        .filter_map(|row| row.get(column))
        .filter(|cell| !is_blank(cell) && !cell.spanned)
        .collect();
    let named = filled
        .iter()
        .filter(|cell| named_label(cell).is_some())
        .count();
    named >= 2 && named * 2 > filled.len()
}

/// Whether a table's column holds sentences rather than labels (see
/// [`first_column_holds_sentences`]).
fn column_holds_sentences(body: &[&Vec<Cell>], column: usize) -> bool {
    let cells: Vec<String> = body
        .iter()
        .filter_map(|row| row.get(column))
        .filter(|cell| !is_blank(cell))
        .map(|cell| plain(&cell.text))
        .collect();
    let words: usize = cells
        .iter()
        .map(|text| text.split_whitespace().count())
        .sum();
    // (One label spanning the rows, "Split of responsibilities in the role", is a label.)
    let distinct: std::collections::HashSet<&String> = cells.iter().collect();
    distinct.len() >= 2 && words as f32 / cells.len() as f32 >= SENTENCE_WORDS
}

/// The fewest outline letters (`A1`, `B1`, `C1`) that make a column of codes items' numbers.
const OUTLINE_LETTERS: usize = 3;

/// Whether a column numbers its rows as an outline does (`A1`, `A2`, `B1`, `B2`, `C1`): codes
/// whose letters run through [`OUTLINE_LETTERS`] or more sections, each numbered from the
/// start again. A ladder's codes (`L1` … `L6`, `IC1` … `IC5` and `M1` … `M3`) name rungs; these
/// name the items of a skills list, whatever rungs its other columns are.
fn numbers_an_outline(body: &[&Vec<Cell>], column: usize) -> bool {
    let codes: Vec<String> = body
        .iter()
        .filter_map(|row| row.get(column))
        .filter(|cell| !is_blank(cell))
        .map(|cell| plain(&cell.text).trim().to_owned())
        .collect();
    if codes.is_empty() || !codes.iter().all(|code| is_rung_code(code)) {
        return false;
    }
    let mut sections: HashMap<&str, Vec<&str>> = HashMap::new();
    for code in &codes {
        let at = code
            .find(|c: char| c.is_ascii_digit())
            .unwrap_or(code.len());
        sections.entry(&code[..at]).or_default().push(&code[at..]);
    }
    let restarted = sections
        .values()
        .filter(|numbers| {
            numbers
                .first()
                .is_some_and(|first| *first == "1" || *first == "0")
        })
        .count();
    sections.len() >= OUTLINE_LETTERS && restarted >= OUTLINE_LETTERS
}

pub(super) fn label_scores(header: &[Cell], body: &[&Vec<Cell>]) -> LabelScores {
    let mean = |scores: Vec<f32>| {
        let count = scores.len().max(1) as f32;
        scores.iter().sum::<f32>() / count
    };
    LabelScores {
        columns: mean(
            header
                .iter()
                .skip(1)
                .filter(|cell| !is_blank(cell))
                .map(|cell| level_likeness(&cell.text))
                .collect(),
        ),
        rows: if numbers_an_outline(body, 0) {
            0.0
        } else {
            mean(
                body.iter()
                    .filter(|row| !is_group_row(row))
                    .filter_map(|row| row.first())
                    .filter(|cell| !is_blank(cell))
                    .map(|cell| level_likeness(&cell.text))
                    .collect(),
            )
        },
    }
}

/// Whether one of the document's tables surely names levels: most of its labels either way,
/// or a corner that says its rows are levels ("Role", "角色") over rows that read as some.
/// Whether every cell of a table's body after its first column is a mark (✓, ×) or blank,
/// and one at least is a mark: the first column names what the marks grant.
fn marks_only(body: &[&Vec<Cell>]) -> bool {
    // (One pass: `None` at a cell that says more than a mark, else whether one was seen.)
    body.iter()
        .flat_map(|row| row.iter().skip(1))
        .try_fold(false, |marked, cell| {
            if super::cells::mark(cell).is_some() {
                Some(true)
            } else {
                is_blank(cell).then_some(marked)
            }
        })
        == Some(true)
}

/// (A scale of bare numbers where `headings_name_levels` is no table of levels.)
pub(super) fn some_table_names_levels(blocks: &[Block], headings_name_levels: bool) -> bool {
    blocks
        .iter()
        .any(|block| table_level_titles(block, headings_name_levels).is_some())
}

/// The titles a table names its levels by, when it names levels ([`some_table_names_levels`]):
/// its first column's labels when its rows are the levels, else its header's.
pub(super) fn table_level_titles(block: &Block, headings_name_levels: bool) -> Option<Vec<String>> {
    let Block::Table { rows, .. } = block else {
        return None;
    };
    let rows: Vec<&Vec<Cell>> = rows
        .iter()
        .filter(|row| row.iter().any(|cell| !is_blank(cell)))
        .collect();
    let [header, body @ ..] = rows.as_slice() else {
        return None;
    };
    if body.is_empty() {
        return None;
    }
    let scores = label_scores(header, body);
    let scale = is_numbered_scale(header, body);
    if headings_name_levels && scale {
        return None;
    }
    let corner = header
        .first()
        .and_then(|cell| corner_says_rows_are_levels(&plain(&cell.text)));
    let names_levels = scores.columns.max(scores.rows) >= MOSTLY_LEVELS_IN_LABELS
        || corner == Some(true) && scores.rows >= NO_LEVELS_IN_LABELS;
    if !names_levels {
        return None;
    }
    let titles: Vec<String> = if scores.rows >= scores.columns || corner == Some(true) {
        body.iter()
            .filter_map(|row| row.first())
            .map(|cell| plain(&cell.text))
            .collect()
    } else {
        header
            .iter()
            .skip(1)
            .map(|cell| plain(&cell.text))
            .collect()
    };
    Some(titles)
}

/// Whether a table is a numbered scale: its levels bare numbers (`1` … `5`) down the rows
/// with one column of what each means (`Level | Description`), or across the columns over
/// one row. A table that titles its numbered rows besides (`Level | Role | …`) is none.
fn is_numbered_scale(header: &[Cell], body: &[&Vec<Cell>]) -> bool {
    let bare = |cell: &Cell| super::reading::is_bare_number(&cell.text);
    let down = header.len() == 2
        && body.len() >= 2
        && body.iter().all(|row| row.first().is_some_and(bare));
    let across = body.len() == 1 && header.len() >= 3 && header.iter().skip(1).all(bare);
    down || across
}

/// Headers of a glossary's column of terms (lowercased), in the languages the importer reads.
const GLOSSARY_HEADERS: &[&str] = &[
    "term",
    "terms",
    "legend",
    "key",
    "termo",
    "termos",
    "término",
    "términos",
    "terme",
    "termes",
    "begriff",
    "begriffe",
    "termine",
    "用語",
    "术语",
    "術語",
    "용어",
    // The other languages' terms and concepts.
    "termini",
    "termen",
    "termeni",
    "begrip",
    "begrippen",
    "termer",
    "begreb",
    "begreber",
    "begrep",
    "begreper",
    "käsite",
    "termi",
    "termit",
    "fogalom",
    "kifejezés",
    "pojęcie",
    "termin",
    "pojem",
    "termín",
    "термин",
    "понятие",
    "термін",
    "поняття",
    "όρος",
    "όροι",
    "terim",
    "kavram",
    "istilah",
    "thuật ngữ",
    "คำศัพท์",
    "المصطلح",
    "مصطلح",
    "اصطلاح",
    "מונח",
    "מונחים",
    "शब्द",
    "পরিভাষা",
    "名詞",
    "名词",
];

/// The most rows of a table of a level's facts (see [`is_fact_table`]).
const MOST_FACT_ROWS: usize = 6;

/// The most words of a fact's value in such a table: a phrase, not a statement.
const FACT_VALUE_WORDS: usize = 8;

/// Whether a table is a level's facts: two columns, a few rows each a short label and a short
/// value that is no sentence, one of them the level's years of experience.
fn is_fact_table(rows: &[&Vec<Cell>]) -> bool {
    let words = |cell: &Cell| plain(&cell.text).split_whitespace().count();
    let shaped = rows.len() <= MOST_FACT_ROWS
        && rows.iter().all(|row| {
            row.len() == 2
                && words(&row[0]) <= super::assemble::RECURRING_LABEL_WORDS
                && words(&row[1]) <= FACT_VALUE_WORDS
                && !plain(&row[1].text).trim_end().ends_with(['.', '。'])
        });
    shaped
        && rows.iter().any(|row| {
            super::text::states_years_of_experience(&plain(&row[0].text), &plain(&row[1].text))
        })
}

/// Whether a table with no header cell at all opens with a row like those under it: its
/// first cell titled like a level ("Associate Product Manager", not "Level") and a later cell
/// holding a list or a sentence, as no header's label does.
fn first_row_is_a_body_row(rows: &[&Vec<Cell>]) -> bool {
    let Some(first) = rows.first() else {
        return false;
    };
    let no_header = rows.iter().all(|row| row.iter().all(|cell| !cell.header));
    let titled = first
        .first()
        .is_some_and(|cell| level_likeness(&cell.text) >= super::reading::LEVEL_LIKE);
    let said = first.iter().skip(1).any(|cell| {
        cell.blocks
            .iter()
            .any(|block| matches!(block, Block::List { .. }))
            || plain(&cell.text).split_whitespace().count() > super::records::LABEL_WORDS
    });
    let others_titled = rows
        .iter()
        .skip(1)
        .filter(|row| {
            row.first()
                .is_some_and(|cell| level_likeness(&cell.text) >= super::reading::LEVEL_LIKE)
        })
        .count();
    no_header && rows.len() >= 2 && titled && said && others_titled * 2 >= rows.len() - 1
}

/// A table's mean label likeness below which its rows and columns name no levels.
const NO_LEVELS_IN_LABELS: f32 = 0.3;

/// A table's mean label likeness from which most of its labels name levels.
const MOSTLY_LEVELS_IN_LABELS: f32 = 0.5;

impl Interpreter {
    /// A plain grid: levels as columns and areas as rows, or the other way round.
    pub(super) fn grid(&mut self, rows: &[Vec<Cell>], line: usize) {
        let rows: Vec<&Vec<Cell>> = rows
            .iter()
            .filter(|row| row.iter().any(|cell| !is_blank(cell)))
            .collect();
        let width = rows.iter().map(|row| row.len()).max().unwrap_or(0);
        // Told the levels are the columns, a header alone still names them (a track whose
        // levels have nothing written yet).
        if rows.len() == 1 && width >= 2 && self.options.levels_axis == Some(LevelAxis::Columns) {
            self.levels_across(&rows, &[], line);
            self.place = Place::Section;
            return;
        }
        if rows.len() < 2 || width < 2 {
            let text = table_text(&rows);
            if !text.trim().is_empty() {
                self.warn(line, "a table that holds no levels, kept as prose");
                self.prose(&text, line);
            }
            return;
        }
        // A form to fill in or a sheet of scores (`Skill | | 0 | |`): past its labels, only
        // numbers and blanks. No text of a level's is in it.
        let scores_only = rows.iter().all(|row| {
            row.iter()
                .skip(1)
                .all(|cell| is_blank(cell) || plain(&cell.text).trim().parse::<f64>().is_ok())
        });
        if scores_only && self.options.levels_axis.is_none() {
            let text = table_text(&rows);
            self.warn(
                line,
                "a table of numbers only (a form or scores), kept as prose",
            );
            self.prose(&text, line);
            return;
        }
        // A table of facts, each row a label and its value (`DEVELOPED BY: | The Skills Group`,
        // `DATE: | 12 Nov 2025`): no levels in it.
        let facts = width == 2
            && rows.iter().all(|row| {
                row.first()
                    .is_some_and(|cell| plain(&cell.text).trim().ends_with([':', '：']))
            });
        if facts && self.options.levels_axis.is_none() {
            self.prose(&table_text(&rows), line);
            return;
        }
        // A log (`Datum | Ändring | Av` over a row per date): the ladder's history, no
        // levels.
        let dated: Vec<&Cell> = rows
            .iter()
            .skip(1)
            .filter_map(|row| row.first())
            .filter(|cell| !is_blank(cell))
            .collect();
        let log = dated.len() >= 2
            && dated
                .iter()
                .all(|cell| super::likeness::is_date(&plain(&cell.text)));
        if log && self.options.levels_axis.is_none() {
            self.prose(&table_text(&rows), line);
            return;
        }
        // A glossary (`Term | Meaning`): the words of the ladder explained, no levels.
        // (So is a legend of two columns whose first row explains a placeholder: `N/A | Not
        // expected at this level`, `— | …`; and a table of the document's versions, `Version |
        // Date | Changes`.)
        let filled_width = rows
            .first()
            .and_then(|header| header.iter().rposition(|cell| !is_blank(cell)))
            .map_or(0, |last| last + 1);
        let glossary = rows.first().is_some_and(|header| {
            header.first().is_some_and(|cell| {
                let first = plain(&cell.text).trim().to_lowercase();
                GLOSSARY_HEADERS.contains(&first.as_str())
                    || filled_width == 2 && !first.is_empty() && is_placeholder(&first)
            })
        });
        let glossary = glossary || rows.first().is_some_and(|header| is_change_log(header));
        if glossary && self.options.levels_axis.is_none() {
            self.prose(&table_text(&rows), line);
            return;
        }
        // Inside a level, a small table of its facts (`Typical experience | 0–2 years`,
        // `Scope | A team`, its first row no header): the level's experience and description.
        let in_a_level =
            matches!(self.place, Place::Level | Place::Area(_)) && self.current_level().is_some();
        if in_a_level && self.options.levels_axis.is_none() && is_fact_table(&rows) {
            for row in &rows {
                let key = plain(&row[0].text)
                    .trim()
                    .trim_end_matches([':', '：'])
                    .to_owned();
                let value = plain(&row[1].text).trim().to_owned();
                if value.is_empty() {
                    continue;
                }
                if super::text::states_years_of_experience(&key, &value) {
                    if let Some(level) = self.current_level() {
                        level.experience.get_or_insert(value);
                        continue;
                    }
                }
                self.describe_level(&format!("**{key}:** {value}"));
            }
            return;
        }
        // A row per expectation, naming its levels and area (a database's export). (A level
        // or area written on its first row only, as a sheet's merged cells are exported,
        // names the rows under it too.)
        if self.options.levels_axis.is_none() {
            let filled = filled_down(&rows);
            let filled: Vec<&Vec<Cell>> = match &filled {
                Some(filled) => filled.iter().collect(),
                None => rows.clone(),
            };
            if let Some(columns) = super::records::record_columns(&filled) {
                self.records(&filled, &columns, line);
                self.place = Place::Section;
                return;
            }
        }
        // A table without a header (a page's layout table, `<td>` only) whose first row is a
        // level and what it expects, as the rows under it are: read under a blank header.
        let blank_header: Vec<Cell> = vec![Cell::default(); width];
        let mut rows = rows;
        if first_row_is_a_body_row(&rows) {
            rows.insert(0, &blank_header);
        }
        // Header rows: those whose every cell is a header cell, at least the first.
        // (A row of one header cell is a level's row header, as in `<th rowspan=3>M3</th>`.)
        let header_rows = rows
            .iter()
            .take_while(|row| {
                row.iter().all(|cell| cell.header)
                    && row.iter().filter(|cell| !is_blank(cell)).count() >= 2
            })
            .count()
            .clamp(1, rows.len() - 1);
        // A header of two rows as Word writes one: label columns merged down (`rowspan=2`:
        // "等級", "呼称") beside a group merged across (`colspan=4`: "期待される行動") over
        // the columns it groups, named on the second row. The second row, its merged copies
        // holding the labels, is the header.
        let header_rows =
            if header_rows == 1 && rows.len() > 2 && merged_down_into(rows[0], rows[1]) {
                2
            } else {
                header_rows
            };
        // A first row naming groups of the level columns over the row of levels: both rows
        // are the header (the groups' cells filled across what each spans).
        let upper_groups;
        let (rows, header_rows) = match groups_over_levels(&rows, header_rows) {
            Some(upper) => {
                upper_groups = upper;
                let mut grouped = rows.clone();
                grouped[0] = &upper_groups;
                (grouped, 2)
            }
            None => (rows, header_rows),
        };
        let header = rows[header_rows - 1];
        let body = &rows[header_rows..];
        let label = |cell: Option<&Cell>| cell.map(|cell| plain(&cell.text)).unwrap_or_default();
        let LabelScores {
            columns: columns_score,
            rows: rows_score,
        } = label_scores(header, body);
        // Where another table of the document names the levels ("角色 | 如何获得 | 典型权限"),
        // a table whose labels name none ("目标 | 做法", "类型 | 流程") is about something else.
        // (Not inside a level titled as one: there, a table of areas lists what the level
        // expects, and its labels name areas, not levels: "Competency | What good looks like".)
        let inside_level = matches!(self.place, Place::Level | Place::Area(_))
            && self
                .current_level()
                .is_some_and(|level| level_likeness(&level.title) >= 0.5);
        if self.tables_name_levels
            && !inside_level
            && self.options.levels_axis.is_none()
            && columns_score < NO_LEVELS_IN_LABELS
            && rows_score < NO_LEVELS_IN_LABELS
        {
            let text = table_text(&rows);
            self.prose(&text, line);
            return;
        }
        // On a page about one level, a table whose labels name no levels either way is not a
        // matrix of levels (a split of time, a glossary): it is kept as prose. So is such a
        // table after the document's headings have given its levels, outside them (an
        // appendix's application form: "PR title | PR summary | Reviewer").
        let levels_from_headings = self.tracks.iter().any(|track| {
            track
                .levels
                .iter()
                .filter(|level| !level.from_table && !level.is_empty())
                .count()
                >= 2
        });
        // (Told where the levels' headings are, a table before them is outside them too:
        // "Status | Meaning" in the introduction of a page whose roles are its sections.)
        let outside_levels = (levels_from_headings || self.options.levels_depth.is_some())
            && !matches!(self.place, Place::Level | Place::Area(_));
        // A table that maps levels already described to short values (their GitHub role,
        // their code): it aligns them; it is kept as prose.
        let known: Vec<String> = self
            .tracks
            .iter()
            .flat_map(|track| &track.levels)
            .filter(|level| !level.from_table && !level.is_empty())
            .map(|level| super::twins::title_key(&level.title))
            .collect();
        let rows_known = body
            .iter()
            .filter_map(|row| row.first())
            .filter(|cell| !is_blank(cell))
            .filter(|cell| known.contains(&super::twins::title_key(&cell.text)))
            .count();
        let short_cells = body
            .iter()
            .flat_map(|row| row.iter().skip(1))
            .all(|cell| plain(&cell.text).split_whitespace().count() <= 2);
        if outside_levels && rows_known >= 2 && rows_known * 2 >= body.len() && short_cells {
            let text = table_text(&rows);
            self.prose(&text, line);
            return;
        }
        // A table of marks under the levels the headings already read (`權限一覽`: what each
        // role may do, ✓ or blank): a summary of them, kept as prose.
        if self.options.levels_axis.is_none() && self.marks_the_levels_read(header, body) {
            // (Its heading, at the levels' depth, opened a level: a section instead.)
            if let Some((title, said)) = self.bare_heading_level() {
                self.level_heading_as_section(title, said);
            }
            let text = table_text(&rows);
            self.prose(&text, line);
            return;
        }
        // So does a table whose every row is a level already described under one qualifier
        // ("New Member", "New Committer", "New Maintainer": how each is nominated): it is
        // about moving into those levels, not more levels.
        let row_labels: Vec<String> = body
            .iter()
            .filter_map(|row| row.first())
            .map(|cell| plain(&cell.text).trim().to_owned())
            .collect();
        if outside_levels && qualified_known_levels(&row_labels, &known) {
            let text = table_text(&rows);
            self.prose(&text, line);
            return;
        }
        // On a page about one level, or inside a level, a table whose header names no levels
        // and whose first column holds sentences, not labels ("For all | DevOps-specific |
        // Frontend-specific" over the skills asked): each column is an area, each of its
        // cells an expectation.
        let in_a_level = (self.page_level || matches!(self.place, Place::Level | Place::Area(_)))
            && self.options.levels_axis.is_none();
        let level_index = self
            .tracks
            .last()
            .and_then(|track| track.levels.len().checked_sub(1));
        if let Some(index) = level_index.filter(|_| {
            in_a_level
                && columns_score < NO_LEVELS_IN_LABELS
                && rows_score < NO_LEVELS_IN_LABELS
                && header.iter().all(|cell| cell.header && !is_blank(cell))
                && first_column_holds_sentences(body)
        }) {
            for (column, head) in header.iter().enumerate() {
                let items: Vec<Expectation> = body
                    .iter()
                    .filter_map(|row| row.get(column))
                    .flat_map(cell_items)
                    .collect();
                if !items.is_empty() {
                    self.add_to_level(index, label(Some(head)).trim(), items);
                }
            }
            return;
        }
        // (Outside levels already found, a table must name levels more surely: most of its
        // labels.)
        let threshold = if outside_levels {
            MOSTLY_LEVELS_IN_LABELS
        } else {
            NO_LEVELS_IN_LABELS
        };
        if (self.page_level || outside_levels)
            && columns_score < threshold
            && rows_score < threshold
        {
            let text = table_text(&rows);
            self.prose(&text, line);
            return;
        }
        // Under a heading at the levels' depth that reads as no level's title, beside levels
        // the headings gave, a table naming no levels is about something else ("担当領域" over
        // `領域 | ディレクトリ | 内容`): the heading opens a section, the table is its prose.
        if levels_from_headings
            && self.options.levels_axis.is_none()
            && columns_score < MOSTLY_LEVELS_IN_LABELS
            && rows_score < MOSTLY_LEVELS_IN_LABELS
        {
            if let Some((title, said)) = self.unlike_heading_level() {
                self.level_heading_as_section(title, said);
                let text = table_text(&rows);
                self.prose(&text, line);
                return;
            }
        }
        // Inside a level, a table whose labels name no levels lists the level's areas, a row
        // each, its other cells their expectations ("Responsibility | Growth Behaviors" under
        // "L3 IC - Product Owner").
        // (The level's title must read as one: a page's title over a table of levels is not.)
        let current = self.tracks.last().and_then(|track| {
            track
                .levels
                .len()
                .checked_sub(1)
                .filter(|&index| level_likeness(&track.levels[index].title) >= 0.5)
        });
        let in_level = matches!(self.place, Place::Level | Place::Area(_)) && !self.page_level;
        if let Some(index) = current.filter(|_| {
            in_level
                && self.options.levels_axis.is_none()
                && columns_score < NO_LEVELS_IN_LABELS
                && rows_score < NO_LEVELS_IN_LABELS
        }) {
            // (A row whose area cell is blank goes on with the area above it, as a merged
            // cell reads: "Discovery | …" then "| | …".)
            let mut area = String::new();
            for row in body.iter().filter(|row| !is_group_row(row)) {
                let named = label(row.first());
                if !named.trim().is_empty() {
                    area = named.trim().to_owned();
                }
                let items: Vec<Expectation> = row.iter().skip(1).flat_map(cell_items).collect();
                if !area.is_empty() && !items.is_empty() {
                    self.add_to_level(index, &area, items);
                }
            }
            return;
        }
        // A table of titles only (each track's title at each grade, codes beside them): it
        // aligns levels described elsewhere; it is kept as prose.
        if is_titles_table(body) {
            let text = table_text(&rows);
            self.prose(&text, line);
            return;
        }
        let axis = match self.options.levels_axis {
            Some(axis) => axis,
            // (A first column naming each row's track, "Laufbahn" over "Fachlaufbahn", has
            // the levels down its rows.)
            None if track_runs(header, body).is_some() => LevelAxis::Rows,
            None => {
                let corner = corner_says_rows_are_levels(&label(header.first()));
                if rows_score > columns_score + 0.15 {
                    LevelAxis::Rows
                } else if columns_score > rows_score + 0.15 {
                    LevelAxis::Columns
                } else if corner == Some(true) {
                    LevelAxis::Rows
                } else {
                    LevelAxis::Columns
                }
            }
        };
        // Levels that are bare numbers (`Level | Description` over rows `1` … `5`) where
        // headings title the levels by words: a scale the levels point into, kept as prose.
        if self.headings_name_levels
            && self.options.levels_axis.is_none()
            && is_numbered_scale(header, body)
        {
            self.warn(
                line,
                "a numbered scale beside levels titled by headings (a rubric), kept as prose",
            );
            self.prose(&table_text(&rows), line);
            return;
        }
        match axis {
            LevelAxis::Columns => self.levels_across(&rows[..header_rows], body, line),
            LevelAxis::Rows => self.levels_down(header, body, line),
        }
        self.place = Place::Section;
    }

    /// Whether a table's other cells than its first column's are only marks (✓, ×) or blank
    /// ([`marks_only`]) under columns that name two or more levels read before it, not from a
    /// table ("PMC" names "Membro do PMC").
    fn marks_the_levels_read(&self, header: &[Cell], body: &[&Vec<Cell>]) -> bool {
        if !marks_only(body) {
            return false;
        }
        let read: Vec<String> = self
            .tracks
            .iter()
            .flat_map(|track| &track.levels)
            .filter(|level| !level.from_table && !level.is_empty())
            .map(|level| plain(&level.title).to_lowercase())
            .collect();
        let columns: Vec<String> = header
            .iter()
            .skip(1)
            .map(|cell| plain(&cell.text).trim().to_lowercase())
            .filter(|title| !title.is_empty())
            .collect();
        let named = columns
            .iter()
            .filter(|column| read.iter().any(|title| title.contains(column.as_str())))
            .count();
        named >= 2 && named * 2 > columns.len()
    }

    /// The track a table of these level titles fills: the current one when it already has
    /// every one of them (a matrix split into one table per group of areas), else a new one
    /// named by the heading before the table.
    pub(super) fn track_for_titles(&mut self, titles: &[String], corner: &str) {
        let known = self.tracks.last().is_some_and(|track| {
            !track.levels.is_empty()
                && titles.iter().all(|title| {
                    track
                        .levels
                        .iter()
                        .any(|level| level.title.eq_ignore_ascii_case(title))
                })
        });
        // Read as headings' levels, the heading over this table was opened as a level of the
        // track that holds the table's levels: it names a group of their areas (a table per
        // area, the same level columns each time), not a level.
        let opened_over_known = known
            && self.pending_heading.is_none()
            && self.tracks.last().is_some_and(|track| {
                track.levels.last().is_some_and(|opened| {
                    !titles
                        .iter()
                        .any(|title| opened.title.eq_ignore_ascii_case(title))
                })
            });
        if opened_over_known {
            if let Some((name, said)) = self.bare_heading_level() {
                let said = said.join("\n\n");
                if !said.trim().is_empty() {
                    let area = self.area_name(&name);
                    self.add_area_note(area, said);
                }
                self.group = Some(name);
                return;
            }
        }
        if known {
            // The heading before the table names a group of areas, not a track.
            if let Some((name, _, _)) = self.pending_heading.take() {
                if self
                    .sections
                    .last()
                    .is_some_and(|section| section.title == name && section.body.is_empty())
                {
                    self.sections.pop();
                }
                self.group = Some(name);
            }
        } else {
            let had_levels = self
                .tracks
                .last()
                .is_some_and(|track| !track.levels.is_empty());
            // A heading that the table's corner repeats names the table's group of areas; the
            // track is the heading above it (`## Individual Contributors` over
            // `### Knowledge Leadership` and a table headed `Knowledge leadership`).
            let names_group = self.pending_heading.as_ref().is_some_and(|(name, _, _)| {
                !corner.is_empty() && name.eq_ignore_ascii_case(corner)
            });
            if names_group {
                if let Some((name, depth, line)) = self.pending_heading.take() {
                    let parent = self
                        .heading_trail
                        .iter()
                        .rev()
                        .find(|(above, _)| *above < depth)
                        .map(|(_, text)| text.clone());
                    self.group = Some(name.clone());
                    self.pending_heading = Some((parent.unwrap_or(name), depth, line));
                }
            }
            if self.pending_heading.is_some() {
                self.pending_heading_becomes_track();
            } else if let Some((name, summary)) = self.bare_heading_level() {
                // A heading read as a level over nothing but this table ("#### Engineer
                // Titles" over a table of titles), or over a paragraph that leads into it
                // ("The project has four roles:"), names the table's track.
                let bare_track = self
                    .tracks
                    .last()
                    .is_some_and(|track| track.levels.is_empty());
                if bare_track {
                    self.tracks.pop();
                }
                self.tracks.push(TrackDraft {
                    name,
                    summary,
                    ..TrackDraft::default()
                });
            } else if had_levels {
                self.tracks.push(TrackDraft {
                    name: format!("Track {}", self.tracks.len() + 1),
                    ..TrackDraft::default()
                });
            }
            self.ensure_track();
        }
    }

    /// The title of the level just opened by a heading when nothing has been put in it yet but
    /// a paragraph leading into what follows (ending in a colon), taken out of its track with
    /// that paragraph: a table of other levels follows its heading.
    /// The level just opened by a heading whose title reads as no level's ("担当領域"), while
    /// nothing of a level's has been read under it, taken out: its title and what it said.
    fn unlike_heading_level(&mut self) -> Option<(String, Vec<String>)> {
        if !matches!(self.place, Place::Level) {
            return None;
        }
        let track = self.tracks.last_mut()?;
        let unlike = track.levels.last().is_some_and(|level| {
            !level.from_table
                && level.expectations.is_empty()
                && level.headline.is_none()
                && level.code.is_none()
                && level_likeness(&level.title) < 0.5
        });
        unlike
            .then(|| track.levels.pop())
            .flatten()
            .map(|level| (level.title, level.description))
    }

    /// A cell's items as the level's expectations in `area` (none: the level's own). "Same as
    /// E3", "See E1", "同上": what it shares with the level it names, said about the level;
    /// "NA" holds the place of nothing. (This tool's workbook writes no expectation as an
    /// empty cell: its cells hold what was written.)
    fn add_cell_to_level(&mut self, level: usize, area: &str, cell: &Cell) {
        let (items, pointers): (Vec<Expectation>, Vec<Expectation>) = if self.own_workbook {
            (super::cells::own_cell_items(cell), Vec::new())
        } else {
            cell_items(cell)
                .into_iter()
                .filter(|item| !is_placeholder(&item.text))
                .partition(|item| !refers_to_another_level(&item.text))
        };
        for pointer in pointers {
            let said = format!("**{area}:** {}", pointer.text);
            self.set_level_field(level, "description", &said);
        }
        if !items.is_empty() {
            let area = if area.is_empty() { GENERAL_AREA } else { area };
            self.add_to_level(level, area, items);
        }
    }

    /// A heading read as a level that turned out to open a section: the section, with what
    /// was said under it.
    fn level_heading_as_section(&mut self, title: String, said: Vec<String>) {
        self.sections.push(Section {
            internal: false,
            title,
            body: said.join("\n\n"),
            // (As a heading at the levels' depth makes its section, see `headings.rs`.)
            depth: self
                .level_depth
                .map_or(1, |depth| depth.saturating_sub(1).clamp(1, 3)),
        });
        self.place = Place::Section;
    }

    fn bare_heading_level(&mut self) -> Option<(String, Vec<String>)> {
        if !matches!(self.place, Place::Level) {
            return None;
        }
        let track = self.tracks.last_mut()?;
        let bare = track.levels.last().is_some_and(|level| {
            let leads_in = level
                .description
                .last()
                .is_none_or(|last| last.trim_end().ends_with([':', '：']));
            !level.from_table
                && level.expectations.is_empty()
                && leads_in
                && level.headline.is_none()
                && level.code.is_none()
        });
        bare.then(|| track.levels.pop())
            .flatten()
            .map(|level| (level.title, level.description))
    }

    /// The index in the current track of the level titled `title`, added when missing.
    pub(super) fn level_index(
        &mut self,
        title: &str,
        detail: Option<String>,
        line: usize,
    ) -> usize {
        self.ensure_track();
        let Some(track) = self.tracks.last_mut() else {
            return 0;
        };
        if let Some(index) = track
            .levels
            .iter()
            .position(|level| level.title.eq_ignore_ascii_case(title))
        {
            return index;
        }
        self.new_level(title, detail, line)
    }

    /// Adds a level titled `title` to the current track; its index.
    fn new_level(&mut self, title: &str, detail: Option<String>, line: usize) -> usize {
        self.ensure_track();
        let Some(track) = self.tracks.last_mut() else {
            return 0;
        };
        let mut level = LevelDraft {
            title: title.to_owned(),
            line,
            definite: true,
            from_table: true,
            ..LevelDraft::default()
        };
        if let Some(detail) = detail {
            if detail.to_lowercase().contains("year") || detail.contains('+') {
                level.experience = Some(detail);
            } else {
                level.grade_name = Some(detail);
            }
        }
        track.levels.push(level);
        track.levels.len() - 1
    }

    pub(super) fn add_to_level(&mut self, index: usize, area: &str, items: Vec<Expectation>) {
        // A "Defined by" or "Note" column says something about the level, not what it expects;
        // so do the rows of a group of pitfalls ("Potential Misalignments": what goes wrong
        // at the level).
        let pitfalls = self
            .group
            .as_deref()
            .filter(|group| is_pitfalls_heading(group));
        if text::is_aside_key(area) || pitfalls.is_some() {
            let said: Vec<String> = items.iter().map(|item| item.text.clone()).collect();
            let label = match pitfalls {
                Some(group) => format!("{group}: {area}"),
                None => area.to_owned(),
            };
            self.set_level_field(
                index,
                "description",
                &format!("**{label}:** {}", said.join("; ")),
            );
            return;
        }
        // A "Years" column ("0–2", "5+"): the level's experience.
        if let [item] = items.as_slice() {
            // (Or a short cell under a label naming experience that starts with years: "6+
            // years, 1+ leading".)
            let short_years = text::states_years_of_experience(area, &item.text)
                && plain(&item.text).split_whitespace().count() <= MAX_YEARS_CELL_WORDS;
            if text::gives_years_of_experience(area, &item.text) || short_years {
                if let Some(level) = self
                    .tracks
                    .last_mut()
                    .and_then(|track| track.levels.get_mut(index))
                {
                    if level.experience.is_none() {
                        level.experience = Some(item.text.trim().to_owned());
                        return;
                    }
                }
            }
        }
        let area = self.area_name(area);
        if let Some(group) = self.group.clone() {
            self.area_groups.entry(area.clone()).or_insert(group);
        }
        if let Some(level) = self
            .tracks
            .last_mut()
            .and_then(|track| track.levels.get_mut(index))
        {
            level.expectations.entry(area).or_default().extend(items);
        }
    }

    /// Levels across the top: the last header row titles them (an upper header row that
    /// splits them into groups names tracks); each body row is an area, or a group of areas.
    fn levels_across(&mut self, header_rows: &[&Vec<Cell>], body: &[&Vec<Cell>], line: usize) {
        let header = header_rows[header_rows.len() - 1];
        // Two label columns (a group, then the area) when the second's header is no level.
        // (Rows whose first two cells are blank are labelled further right, as a "Title" or
        // "Experience" row under the level codes is in a table of three label columns.)
        // (Nor do rows of a level's facts labelled in the first column only, as a sheet
        // without merged cells writes them: "职级名称", "参考工作年限".)
        let fact_row = |row: &&&Vec<Cell>| {
            row.get(1).is_some_and(is_blank) && {
                let first = label(row.first());
                is_title_label(&first) || text::names_experience(&first)
            }
        };
        let labelled_rows: Vec<&&Vec<Cell>> = body
            .iter()
            .filter(|row| !(row.len() > 3 && row[..2].iter().all(is_blank)))
            .filter(|row| !fact_row(row))
            .collect();
        let short_labels = !labelled_rows.is_empty()
            && labelled_rows.iter().all(|row| {
                row.get(1).is_some_and(|cell| {
                    !is_blank(cell)
                        && cell.blocks.is_empty()
                        && plain(&cell.text).split_whitespace().count() <= 8
                })
            });
        // ... and the first column groups them: its names repeat or leave rows blank.
        let first_names: Vec<String> = body.iter().map(|row| label(row.first())).collect();
        let mut distinct = first_names.clone();
        distinct.sort();
        distinct.dedup();
        let grouping =
            first_names.iter().any(String::is_empty) || distinct.len() < first_names.len();
        // No label column when every header cell, the first too, titles a level (a table per
        // area under its heading: `### Delivery` over `Beginner | Intermediate | ...`).
        // (A corner that only says what the columns are, "Level" or "Levels", and row labels
        // set in bold, `**Coding**`, make the first column the labels.)
        let corner = plain(&label(header.first())).trim().to_lowercase();
        let corner_names_the_axis = matches!(
            corner.as_str(),
            "level" | "levels" | "stufe" | "niveau" | "nivel" | "级别" | "职级" | "レベル" | "레벨"
        );
        let bold_labels = !body.is_empty()
            && body.iter().all(|row| {
                row.first()
                    .is_some_and(|cell| is_bold_label(cell.text.trim()))
            });
        // (A first column of sentences or lists under a filled corner is a level's too,
        // whatever its title's words: `FOUNDATION | INTERMEDIATE | ADVANCED | EXEMPLAR` over
        // bullets; no label column names its rows so.)
        let lists_first = !body.is_empty()
            && body.iter().all(|row| {
                row.first().is_some_and(|cell| {
                    cell.blocks
                        .iter()
                        .any(|block| matches!(block, Block::List { .. }))
                })
            });
        // (Where every other cell is a mark or blank, the first column names what the marks
        // grant, however long its statements: "Builds adaptive pages from the layouts" over
        // `✓` cells.)
        // (One pass: `None` at a cell that says more than a mark, else whether one was seen.)
        let marks_only = marks_only(body);
        let first_is_a_level = !marks_only
            && header.first().is_some_and(|cell| {
                !is_blank(cell)
                    && (level_likeness(&cell.text) >= 0.5
                        || first_column_holds_sentences(body)
                        || lists_first)
            });
        let all_levels = header.len() >= 2
            && !corner_names_the_axis
            && !bold_labels
            && first_is_a_level
            && header
                .iter()
                .skip(1)
                .all(|cell| !is_blank(cell) && level_likeness(&cell.text) >= 0.5);
        // Several label columns under one header cell merged across them (a key area, an
        // attribute, then the theme each row is about), the level columns after them.
        let first_level = header
            .iter()
            .position(|cell| !is_blank(cell) && level_likeness(&cell.text) >= 0.5);
        let merged_labels = first_level.filter(|&first| {
            (2..=MAX_LABEL_COLUMNS).contains(&first)
                && header[1..first].iter().all(is_blank)
                && header[first..]
                    .iter()
                    .all(|cell| is_blank(cell) || level_likeness(&cell.text) >= 0.5)
        });
        // Several named label columns before the level columns (`Category | Parameter |
        // Description | Junior PM | …`): every header cell before the first level's is filled
        // and names no level, every one from it to the last level's titles a level; a column
        // or two after them that name no level are notes on the rows (`… | 3：指導 | 備考`).
        let last_level = header
            .iter()
            .rposition(|cell| !is_blank(cell) && level_likeness(&cell.text) >= 0.5)
            .map_or(header.len(), |last| last + 1);
        let named_labels = first_level.filter(|&first| {
            (2..=MAX_LABEL_COLUMNS).contains(&first)
                && short_labels
                && header[..first]
                    .iter()
                    .all(|cell| !is_blank(cell) && level_likeness(&cell.text) < 0.5)
                && last_level - first >= 2
                && header[first..last_level]
                    .iter()
                    .all(|cell| !is_blank(cell) && level_likeness(&cell.text) >= 0.5)
                && header.len() - last_level <= MAX_NOTE_COLUMNS
        });
        // The columns the levels end before: the notes after them are no level's.
        let levels_end = if named_labels.is_some() {
            last_level
        } else {
            header.len()
        };
        let note_columns: Vec<usize> = (levels_end..header.len()).collect();
        let label_columns = if all_levels {
            0
        } else if let Some(first) = merged_labels {
            first
        } else if header.len() > 3
            && short_labels
            && grouping
            && level_likeness(&header[1].text) < 0.5
            && !is_blank(&header[1])
            && level_likeness(&header[2].text) >= 0.5
        {
            2
        } else {
            named_labels.unwrap_or(1)
        };
        // A label column after the first that describes its row's area in sentences (a
        // `Description` column): the area's description, never the area's name.
        // (Cells that each name their row in bold over what it covers, "**Quality**" over
        // its aspects, name the rows' areas however long.)
        let describing: Vec<usize> = (1..label_columns)
            .filter(|&column| {
                is_description_heading(&label(header.get(column)))
                    || column_holds_sentences(body, column) && !column_names_its_rows(body, column)
            })
            .collect();
        // A label column that numbers the rows as an outline (`A1`, `A2`, `B1`) names
        // neither the area nor its group.
        let numbering: Vec<usize> = (0..label_columns)
            .filter(|&column| numbers_an_outline(body, column))
            .collect();
        // Then the heading above the table names the area of its rows.
        // (What its section says before the table defines the area.)
        let heading_area = if label_columns == 0 {
            self.pending_heading.take().map(|(name, _, _)| {
                if self
                    .sections
                    .last()
                    .is_some_and(|section| section.title == name)
                {
                    let said = self.sections.pop().map(|section| section.body);
                    if let Some(said) = said.filter(|said| !said.trim().is_empty()) {
                        let area = self.area_name(&name);
                        self.add_area_note(area, said);
                    }
                }
                name
            })
        } else {
            None
        };
        // Numbers between level titles are scores (a formula's result beside each title).
        let titled = header
            .iter()
            .skip(label_columns)
            .any(|cell| !is_blank(cell) && plain(&cell.text).parse::<f64>().is_err());
        let columns: Vec<(usize, String, Option<String>)> = header
            .iter()
            .enumerate()
            .take(levels_end)
            .skip(label_columns)
            .filter(|(_, cell)| !is_blank(cell))
            .filter(|(_, cell)| !titled || plain(&cell.text).parse::<f64>().is_err())
            .map(|(column, cell)| {
                let (title, detail) = title_and_detail(cell);
                (column, title, detail)
            })
            .collect();
        let corner = header
            .first()
            .map(|cell| plain(&cell.text))
            .unwrap_or_default();
        // An upper header row that splits the level columns into two or more named groups: a
        // track per group.
        let groups: Vec<(String, Vec<usize>)> = match header_rows.first() {
            Some(upper) if header_rows.len() > 1 => {
                let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
                for (index, (column, _, _)) in columns.iter().enumerate() {
                    let name = upper.get(*column).map(|cell| plain(&cell.text));
                    let name = name.unwrap_or_default();
                    match groups.last_mut() {
                        Some((last, members)) if *last == name => members.push(index),
                        _ => groups.push((name, vec![index])),
                    }
                }
                if groups.len() > 1 && groups.iter().all(|(name, _)| !name.is_empty()) {
                    groups
                } else {
                    Vec::new()
                }
            }
            _ => Vec::new(),
        };
        let groups = if groups.is_empty() {
            vec![(String::new(), (0..columns.len()).collect::<Vec<_>>())]
        } else {
            groups
        };
        for (group_name, members) in groups {
            let titles: Vec<String> = members
                .iter()
                .map(|&index| columns[index].1.clone())
                .collect();
            if group_name.is_empty() {
                self.track_for_titles(&titles, &corner);
            } else {
                self.pending_heading = None;
                self.tracks.push(TrackDraft {
                    name: group_name,
                    ..TrackDraft::default()
                });
            }
            let mut indices: Vec<usize> = Vec::new();
            for &index in &members {
                let (_, title, detail) = columns[index].clone();
                let found = self.level_index(&title, detail.clone(), line);
                // Two columns of one table with the same title are two levels.
                let spanned = header
                    .get(columns[index].0)
                    .is_some_and(|cell| cell.spanned);
                let found = if indices.contains(&found) && !spanned {
                    self.new_level(&title, detail, line)
                } else {
                    found
                };
                indices.push(found);
            }
            for row in body {
                let area = match (label_columns, &heading_area) {
                    (0, Some(area)) => area.clone(),
                    (0, None) => String::new(),
                    // The nearest label to the levels that the row fills.
                    (columns, _) => (0..columns)
                        .rev()
                        .filter(|column| {
                            !describing.contains(column) && !numbering.contains(column)
                        })
                        .map(|column| match row.get(column).and_then(named_label) {
                            Some((name, covers)) => {
                                let area = self.area_name(&name);
                                self.add_area_note(area, covers);
                                name
                            }
                            None => label(row.get(column)),
                        })
                        .find(|label| !label.is_empty())
                        // (A row labelled only in a describing column, "Title" or
                        // "Experience" under the codes, is labelled so.)
                        .or_else(|| {
                            describing
                                .iter()
                                .rev()
                                .map(|&column| label(row.get(column)))
                                .find(|label| !label.is_empty())
                        })
                        .unwrap_or_default(),
                };
                for &column in describing.iter().chain(&note_columns) {
                    let said = label(row.get(column));
                    if !area.is_empty() && !said.is_empty() && said != area {
                        let area = self.area_name(&area);
                        self.add_area_note(area, said);
                    }
                }
                if label_columns >= 2 {
                    let group = (0..label_columns)
                        .find(|column| !numbering.contains(column))
                        .map(|column| label(row.get(column)))
                        .unwrap_or_default();
                    if !group.is_empty() && group != area {
                        self.group = Some(group);
                    }
                }
                // An unlabelled first row of short names under the codes ("S-E1" over
                // "Junior/Apprentice Engineer") titles the levels, the codes staying their
                // codes; short words that name no level ("Manages E0/E1") say something of
                // each level instead.
                // A row that repeats the levels' titles (a long table shows them again over
                // each group of rows, as a wiki's export does) says nothing of the levels.
                let repeats_titles = members.len() >= 2
                    && members.iter().all(|&member| {
                        let (column, title, _) = &columns[member];
                        row.get(*column)
                            .is_some_and(|cell| title_and_detail(cell).0 == *title)
                    });
                if repeats_titles {
                    continue;
                }
                let first_row = std::ptr::eq(*row, body[0]);
                // (A label merged down from the header, "Theme" over three rows, labels no row.)
                let unlabelled = (0..label_columns).all(|column| {
                    row.get(column)
                        .is_none_or(|cell| is_blank(cell) || cell.spanned)
                });
                let unlabelled_names = first_row
                    && label_columns > 0
                    && unlabelled
                    && members.iter().all(|&member| {
                        let text = label(row.get(columns[member].0));
                        !text.is_empty()
                            && text.split_whitespace().count() <= 6
                            && !text.ends_with(['.', '。'])
                    });
                if unlabelled_names {
                    let texts: Vec<(usize, String)> = members
                        .iter()
                        .zip(&indices)
                        .map(|(&member, &level)| (level, label(row.get(columns[member].0))))
                        .collect();
                    // (A name under the codes holds no code: "Manages E0/E1" names whom the
                    // level manages.)
                    let all_titles = texts
                        .iter()
                        .all(|(_, text)| level_likeness(text) >= 0.5 && !holds_a_code(text));
                    for (level, text) in texts {
                        if all_titles {
                            self.retitle_level(level, &text);
                        } else {
                            self.set_level_field(level, "description", &text);
                        }
                    }
                    continue;
                }
                // A row labelled "Title" under level codes (`E1` … `E6`) titles the levels;
                // the codes stay their codes.
                // (This tool's workbook labels its headline row in the ladder's language:
                // "Titre" there is the headline.)
                if label_columns > 0 && is_title_label(&area) && level_field(&area).is_none() {
                    let titles: Vec<(usize, String)> = members
                        .iter()
                        .zip(&indices)
                        .filter_map(|(&member, &level)| {
                            let title = label(row.get(columns[member].0));
                            (!title.is_empty() && title.split_whitespace().count() <= 6)
                                .then_some((level, title))
                        })
                        .collect();
                    if titles.len() == members.len() {
                        for (level, title) in titles {
                            self.retitle_level(level, &title);
                        }
                        continue;
                    }
                }
                if label_columns > 0 && is_group_row(row) {
                    self.group = Some(label(row.first()));
                    continue;
                }
                // The same short words in every level's column (`Level result` over a score) label
                // a row of the sheet's machinery, not expectations.
                let texts: Vec<String> = members
                    .iter()
                    .filter_map(|&member| row.get(columns[member].0))
                    .map(|cell| plain(&cell.text))
                    .filter(|text| !text.is_empty())
                    .collect();
                // (A `✓` in every column grants every level the row's item.)
                let repeated_label = texts.len() >= 2
                    && texts.iter().all(|text| *text == texts[0])
                    && !members
                        .iter()
                        .filter_map(|&member| row.get(columns[member].0))
                        .any(|cell| mark(cell).is_some())
                    && texts[0].split_whitespace().count() <= 3;
                if repeated_label {
                    continue;
                }
                // A row of names for machines (`@org/reviewers`, a channel, a link) in every
                // column that says anything: facts about each level ("GitHub チーム"), said in
                // its description, not expected of its people.
                // (Each level with its cell that says something, once.)
                let said: Vec<(usize, &Cell)> = members
                    .iter()
                    .zip(&indices)
                    .filter_map(|(&member, &level)| {
                        row.get(columns[member].0).map(|cell| (level, cell))
                    })
                    .filter(|(_, cell)| !is_placeholder(&plain(&cell.text)))
                    .collect();
                if !self.own_workbook
                    && said.len() >= 2
                    && said.iter().all(|(_, cell)| names_an_identifier(&cell.text))
                {
                    for (level, cell) in said {
                        let text = format!("**{area}:** {}", cell.text.trim());
                        self.set_level_field(level, "description", &text);
                    }
                    continue;
                }
                // This tool's workbook gives each level's headline and description in rows
                // of their own.
                let field = level_field(&area);
                for (&member, &level) in members.iter().zip(&indices) {
                    let column = columns[member].0;
                    let Some(cell) = row.get(column) else {
                        continue;
                    };
                    if let Some(field) = field {
                        self.set_level_field(level, field, &cell.text);
                        continue;
                    }
                    // A `✓` grants the row's item (a privilege), in no area of its own.
                    if let Some(granted) = granted_by_mark(cell, &area) {
                        if !granted.is_empty() {
                            self.add_to_level(level, GENERAL_AREA, granted);
                        }
                        continue;
                    }
                    self.add_cell_to_level(level, &area, cell);
                }
            }
        }
        self.group = None;
    }

    /// A level per row: the first column titles it, the header names the areas.
    fn levels_down(&mut self, header: &[Cell], body: &[&Vec<Cell>], line: usize) {
        // A first column naming each row's track ("Track" over "Individual Contributor" and
        // "Management"), before the levels' codes or titles: a track per run of rows, each
        // read as a table of its own.
        if let Some(runs) = track_runs(header, body) {
            self.pending_heading = None;
            for (name, rows) in runs {
                let rest: Vec<Vec<Cell>> = rows.iter().map(|row| row[1..].to_vec()).collect();
                let rest: Vec<&Vec<Cell>> = rest.iter().collect();
                if self
                    .tracks
                    .last()
                    .is_some_and(|track| track.levels.is_empty())
                {
                    self.tracks.pop();
                }
                self.tracks.push(TrackDraft {
                    name,
                    ..TrackDraft::default()
                });
                self.levels_down(&header[1..], &rest, line);
            }
            return;
        }
        let titles: Vec<String> = body
            .iter()
            .filter(|row| !is_group_row(row))
            .map(|row| label(row.first()))
            .filter(|title| !title.is_empty())
            .collect();
        let corner = header
            .first()
            .map(|cell| plain(&cell.text))
            .unwrap_or_default();
        self.track_for_titles(&titles, &corner);
        // A second header row under the first (its first cell blank, its others short labels:
        // `| | Technical Skill | … | Notes`) names the columns the first leaves blank.
        let sub_header = body.first().filter(|row| {
            row.first().is_some_and(is_blank)
                && row.iter().skip(1).filter(|cell| !is_blank(cell)).count() >= 2
                && row.iter().all(|cell| {
                    plain(&cell.text).split_whitespace().count() <= super::records::LABEL_WORDS
                })
        });
        let areas: Vec<String> = header
            .iter()
            .enumerate()
            .map(|(column, cell)| {
                let own = plain(&cell.text);
                match sub_header.and_then(|row| row.get(column)) {
                    Some(below) if own.trim().is_empty() => plain(&below.text),
                    _ => own,
                }
            })
            .collect();
        // A code column then a title column (`M2 | Engineering Manager 1 | ...`): the title
        // names the level, the code is its code.
        let title_column = titled_second_column(header, body);
        let first_area = if title_column { 2 } else { 1 };
        // A table per area (`## 1. Technical Know-How` over `| Level | 期待される行動・スキル |`,
        // the same header over every area's table): its one column of content is the area
        // its heading names, not its header's label.
        let heading_area = self
            .area_depth
            .filter(|_| {
                self.level_depth.is_none()
                    && header.len() == first_area + 1
                    && self.repeated_headers.contains(&super::header_text(header))
            })
            .and_then(|depth| {
                self.heading_trail
                    .iter()
                    .find(|(at, _)| *at == depth)
                    .map(|(_, title)| title.clone())
            });
        let areas: Vec<String> = match heading_area {
            Some(area) => areas
                .iter()
                .enumerate()
                .map(|(column, label)| {
                    if column == first_area {
                        area.clone()
                    } else {
                        label.clone()
                    }
                })
                .collect(),
            None => areas,
        };
        let mut used: Vec<usize> = Vec::new();
        for row in body {
            if is_group_row(row) {
                // A row naming a band of the levels ("Senior levels", "Seniorní úrovně") groups
                // the rows after it in the one track: kept as prose.
                if names_a_band_of_levels(&label(row.first())) {
                    self.prose(&label(row.first()), line);
                    continue;
                }
                // A row naming a group of levels starts a track of that name.
                self.tracks.push(TrackDraft {
                    name: label(row.first()),
                    ..TrackDraft::default()
                });
                continue;
            }
            let Some(first) = row.first() else { continue };
            let code = title_column.then(|| plain(&first.text));
            let first = if title_column {
                row.get(1).unwrap_or(first)
            } else {
                first
            };
            let (title, detail) = title_and_detail(first);
            if title.is_empty() {
                continue;
            }
            let mut level = self.level_index(&title, detail.clone(), line);
            // A title carried down by a rowspan is the same level; written again, another.
            if used.contains(&level) && !first.spanned {
                level = self.new_level(&title, detail, line);
            }
            used.push(level);
            if let Some(code) = code.filter(|code| !code.is_empty()) {
                self.set_level_code(level, &code);
            }
            // One cell across every area (`colspan`): the level's summary.
            let rest = &row[first_area.min(row.len())..];
            let across = rest.len() >= 2
                && rest
                    .iter()
                    .skip(1)
                    .all(|cell| cell.spanned && cell.text == rest[0].text);
            if across {
                self.set_level_field(level, "description", &plain(&rest[0].text));
                continue;
            }
            for (column, cell) in row.iter().enumerate().skip(first_area) {
                // A `✓` grants the column's item, in no area of its own.
                let item = areas.get(column).map_or("", String::as_str);
                if let Some(granted) = granted_by_mark(cell, item) {
                    if !granted.is_empty() {
                        self.add_to_level(level, GENERAL_AREA, granted);
                    }
                    continue;
                }
                // A "Summary" or "Overview" column describes each level. (A "description"
                // column of a data export may be its very content: it stays expectations.)
                let summary_column = areas
                    .get(column)
                    .filter(|area| !plain(area).trim().eq_ignore_ascii_case("description"))
                    .and_then(|area| level_field(area));
                if let Some(field) = summary_column {
                    if !is_blank(cell) {
                        self.set_level_field(level, field, &cell.text);
                    }
                    continue;
                }
                if cell_items(cell).is_empty() {
                    continue;
                }
                // A row may have more cells than the header names (a ragged HTML table).
                // (Under no header at all, what each level's row says is its expectations.)
                let area = areas
                    .get(column)
                    .cloned()
                    .filter(|area| !area.is_empty())
                    .unwrap_or_else(|| match areas.iter().all(String::is_empty) {
                        true => String::from(GENERAL_AREA),
                        false => format!("Column {}", column + 1),
                    });
                self.add_cell_to_level(level, &area, cell);
            }
        }
    }
}

/// Words a table's header writes over a column naming each row's track, lowercased.
const TRACK_COLUMN_NAMES: &[&str] = &[
    "track",
    "career track",
    "path",
    "career path",
    "ladder",
    "laufbahn",
    "karrierepfad",
    "pfad",
    "parcours",
    "filière",
    "trilha",
    "carrera",
    "trayectoria",
    "トラック",
    "キャリアパス",
    "职业路径",
    "序列",
    "通道",
    "트랙",
];

/// The rows of a table with the blank cells of its first columns filled from the cell above
/// (after the header row), as a sheet's merged cells mean them; a column is filled only up to
/// the first that is never blank. `None` when the first column has no blank to fill (the
/// table is read as it is, not copied).
fn filled_down(rows: &[&Vec<Cell>]) -> Option<Vec<Vec<Cell>>> {
    let first_blank_below = rows
        .iter()
        .skip(2)
        .any(|row| row.first().is_none_or(is_blank));
    if !first_blank_below {
        return None;
    }
    let mut out: Vec<Vec<Cell>> = rows.iter().map(|row| (*row).clone()).collect();
    let width = out.iter().map(Vec::len).max().unwrap_or(0);
    for column in 0..width {
        let blank_below = out
            .iter()
            .skip(2)
            .any(|row| row.get(column).is_none_or(is_blank));
        if !blank_below {
            break;
        }
        let mut above: Option<Cell> = None;
        for row in out.iter_mut().skip(1) {
            match row.get_mut(column) {
                Some(cell) if is_blank(cell) => {
                    if let Some(above) = &above {
                        *cell = Cell {
                            spanned: true,
                            ..above.clone()
                        };
                    }
                }
                Some(cell) => above = Some(cell.clone()),
                None => {}
            }
        }
    }
    Some(out)
}

/// A track's name and its rows in a table with a track column ([`track_runs`]).
type TrackRun<'a> = (String, Vec<&'a Vec<Cell>>);

/// The runs of rows of a table whose first column names each row's track
/// ([`TRACK_COLUMN_NAMES`]), each value written on one run of rows (or merged down it), with
/// the levels' codes or titles after it: (track, its rows). `None` for any other table.
fn track_runs<'a>(header: &[Cell], body: &[&'a Vec<Cell>]) -> Option<Vec<TrackRun<'a>>> {
    let named = TRACK_COLUMN_NAMES.contains(&label(header.first()).trim().to_lowercase().as_str());
    if !named || header.len() < 3 || body.len() < 2 {
        return None;
    }
    let mut runs: Vec<TrackRun> = Vec::new();
    for &row in body {
        let name = label(row.first()).trim().to_owned();
        let continues = runs
            .last()
            .is_some_and(|(last, _)| *last == name || name.is_empty());
        if continues {
            if let Some((_, rows)) = runs.last_mut() {
                rows.push(row);
            }
        } else if name.is_empty() || runs.iter().any(|(seen, _)| *seen == name) {
            return None;
        } else {
            runs.push((name, vec![row]));
        }
    }
    let levels_after = body
        .iter()
        .all(|row| row.get(1).is_some_and(|cell| !is_blank(cell)));
    levels_after.then_some(runs)
}

/// Whether a text holds a rung's code among its words (`E0` in "Manages E0/E1").
/// Whether a cell holds only a name for machines: one code span (`` `@org/reviewers` ``), a
/// handle (`@org/team`, `#channel`), an address or a link, without a word of prose.
fn names_an_identifier(text: &str) -> bool {
    let text = text.trim();
    let bare = plain(text);
    let bare = bare.trim();
    let one_token = !bare.is_empty() && !bare.contains(char::is_whitespace);
    let code = text.len() > 2
        && text.starts_with('`')
        && text.ends_with('`')
        && !text[1..text.len() - 1].contains('`');
    one_token
        && (code
            || bare.starts_with(['@', '#'])
            || bare.contains("://")
            || bare.contains('@') && bare.contains('.'))
}

fn holds_a_code(text: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric() && c != '.')
        .any(super::likeness::is_rung_code)
}

/// Whether a group row's label names a band of the ladder's levels by their plural ("Junior
/// and mid levels", "Seniorní úrovně"), not a track of levels of its own.
fn names_a_band_of_levels(label: &str) -> bool {
    let lower = label.to_lowercase();
    lower
        .split(|c: char| !c.is_alphanumeric())
        .any(|word| super::likeness::RUNG_PLURALS.contains(&word))
}

/// Headers of a change log's date and version columns, lowercased.
const DATE_HEADERS: &[&str] = &[
    "date",
    "datum",
    "fecha",
    "data",
    "date de modification",
    "日期",
    "日付",
    "更新日",
    "날짜",
    "일자",
    "ngày",
    "tarih",
    "дата",
];
const VERSION_HEADERS: &[&str] = &[
    "version",
    "versión",
    "versão",
    "versione",
    "versie",
    "版本",
    "バージョン",
    "版",
    "버전",
    "phiên bản",
    "sürüm",
    "версия",
    "rev",
    "rev.",
    "revision",
    "revisión",
    "revisão",
];

/// Whether a header names a change log's columns: a date and a version.
fn is_change_log(header: &[Cell]) -> bool {
    let names: Vec<String> = header
        .iter()
        .map(|cell| plain(&cell.text).trim().to_lowercase())
        .collect();
    let has = |words: &[&str]| names.iter().any(|name| words.contains(&name.as_str()));
    has(DATE_HEADERS) && has(VERSION_HEADERS)
}

/// The most label columns a table of levels across may have before its level columns.
const MAX_LABEL_COLUMNS: usize = 4;

/// The most columns after a matrix's levels that may hold notes on its rows (`備考`).
const MAX_NOTE_COLUMNS: usize = 2;

/// Whether a row's label says the row titles the levels ("Title", "Job title", "Titel").
fn is_title_label(label: &str) -> bool {
    let label = label.trim().trim_end_matches([':', '：']).to_lowercase();
    label != "position" && super::cells::TITLE_HEADERS.contains(&label.as_str())
}

impl Interpreter {
    /// A level titled by a code (`E1`) given its title ("Associate Engineer"): the code
    /// stays its code.
    fn retitle_level(&mut self, index: usize, title: &str) {
        if let Some(level) = self
            .tracks
            .last_mut()
            .and_then(|track| track.levels.get_mut(index))
        {
            let code = std::mem::replace(&mut level.title, title.to_owned());
            level.code.get_or_insert(code);
        }
    }

    fn set_level_code(&mut self, index: usize, code: &str) {
        if let Some(level) = self
            .tracks
            .last_mut()
            .and_then(|track| track.levels.get_mut(index))
        {
            level.code.get_or_insert_with(|| code.to_owned());
        }
    }

    fn set_level_field(&mut self, index: usize, field: &str, text: &str) {
        let text = text.trim();
        let Some(level) = self
            .tracks
            .last_mut()
            .and_then(|track| track.levels.get_mut(index))
        else {
            return;
        };
        if text.is_empty() {
            return;
        }
        if field == "headline" {
            level.headline = Some(text.to_owned());
        } else {
            level.description.push(text.to_owned());
        }
    }
}
