//! Tables with a row per expectation (a database's export, "long" data): one column holds the
//! expectation's text, one the level or levels it applies to (`3`, `1|2`, `Senior`), and the
//! others short labels that repeat, its area (`DEX`, `Feature Ownership`). Written with a
//! header (`Expectation | Level | Area`) or without one.

use super::cells::is_blank;
use super::likeness::{is_rung_code, is_rung_word};
use super::*;

/// The fewest rows a table of records needs: fewer is no ladder's list of expectations.
const LEAST_RECORDS: usize = 4;

/// The fewest words, on average, of the texts of the expectations' column.
const TEXT_WORDS: f32 = 5.0;

/// The fewest characters, on average, of the texts of the expectations' column of a table
/// with a header naming its columns.
const HEADED_TEXT_CHARS: f32 = 6.0;

/// The share of a label column's rows whose value another row repeats: levels and areas
/// recur; texts do not.
const REPEATED_SHARE: f64 = 0.5;

/// The most words of a table's label (a level's title, an area's name, a column's name).
pub(super) const LABEL_WORDS: usize = 6;

/// Separators between the levels one record applies to (`1|2`, `3/4/5`, `6;7`).
const LEVEL_SEPARATORS: &[char] = &['|', '/', ';'];

/// The columns of a table of records, and whether its first row is a header.
pub(super) struct RecordColumns {
    /// The expectations' texts.
    text: usize,
    /// The levels each applies to.
    levels: usize,
    /// The labels naming the area, broadest first: the last filled one names it.
    areas: Vec<usize>,
    /// Whether the first row names the columns rather than being a record.
    headed: bool,
}

/// The levels a cell names: one or several, split at [`LEVEL_SEPARATORS`]; `None` when a part
/// is no level's title (a number up to twenty, a rung's code, a title like a level's).
fn levels_named(text: &str) -> Option<Vec<String>> {
    let parts: Vec<String> = text
        .split(LEVEL_SEPARATORS)
        .map(|part| part.trim().to_owned())
        .collect();
    let level = |part: &String| {
        !part.is_empty()
            && (part.parse::<u32>().is_ok_and(|number| number <= 20)
                || is_rung_code(part)
                || level_likeness(part) >= 0.5 && part.split_whitespace().count() <= LABEL_WORDS)
    };
    parts.iter().all(level).then_some(parts)
}

/// Whether a header cell names the levels' column ("Level", "Grade", "Stufe", "レベル").
fn names_levels(text: &str) -> bool {
    let lower = plain(text).trim().to_lowercase();
    let first = lower.split_whitespace().next().unwrap_or_default();
    is_rung_word(&lower) || is_rung_word(first) || is_rung_word(first.trim_end_matches('s'))
}

/// Whether most values of a column recur in another row (blanks aside).
fn recurs(values: &[String]) -> bool {
    let filled: Vec<&String> = values.iter().filter(|value| !value.is_empty()).collect();
    if filled.is_empty() {
        return true;
    }
    let mut counts: HashMap<&String, usize> = HashMap::new();
    for value in &filled {
        *counts.entry(value).or_default() += 1;
    }
    let repeated = filled.iter().filter(|value| counts[*value] >= 2).count();
    repeated as f64 >= filled.len() as f64 * REPEATED_SHARE
}

/// The columns of `rows` read as a table of records, if it is one: exactly one column of
/// texts (sentences, mostly distinct), one column whose every value names levels and recurs,
/// and short recurring labels in the others.
pub(super) fn record_columns(rows: &[&Vec<Cell>]) -> Option<RecordColumns> {
    let width = rows.iter().map(|row| row.len()).max()?;
    if rows.len() < LEAST_RECORDS || width < 2 {
        return None;
    }
    let column = |rows: &[&Vec<Cell>], index: usize| -> Vec<String> {
        rows.iter()
            .map(|row| {
                row.get(index)
                    .filter(|cell| !is_blank(cell))
                    .map(|cell| plain(&cell.text).trim().to_owned())
                    .unwrap_or_default()
            })
            .collect()
    };
    let words = |text: &String| text.split_whitespace().count();
    // Read without a header first: a first row whose text is a sentence is a record.
    for headed in [false, true] {
        let body = if headed { &rows[1..] } else { rows };
        if body.len() < LEAST_RECORDS {
            continue;
        }
        let columns: Vec<Vec<String>> = (0..width).map(|index| column(body, index)).collect();
        let texts: Vec<usize> = (0..width)
            .filter(|&index| {
                let filled: Vec<&String> = columns[index]
                    .iter()
                    .filter(|text| !text.is_empty())
                    .collect();
                let mean = filled.iter().map(|text| words(text)).sum::<usize>() as f32
                    / filled.len().max(1) as f32;
                // (Under a header, short texts are texts too: "Writes tests.", "테스트를
                // 작성한다.")
                let mean_chars = filled
                    .iter()
                    .map(|text| text.chars().count())
                    .sum::<usize>() as f32
                    / filled.len().max(1) as f32;
                let long = mean >= TEXT_WORDS || headed && mean_chars >= HEADED_TEXT_CHARS;
                filled.len() * 2 > body.len() && long && !recurs(&columns[index])
            })
            .collect();
        let [text] = texts.as_slice() else {
            continue;
        };
        let header = |index: usize| rows[0].get(index).map_or(String::new(), |c| c.text.clone());
        // (Each level named by itself: `1|2` and `2` both name level 2.)
        let Some(levels) = (0..width).find(|&index| {
            let named: Option<Vec<Vec<String>>> = columns[index]
                .iter()
                .map(|value| levels_named(value))
                .collect();
            index != *text
                && (!headed || names_levels(&header(index)))
                && named.is_some_and(|named| recurs(&named.concat()))
        }) else {
            continue;
        };
        // Labels recur, or name a few rows only (a sub-area filled where it applies).
        let areas: Vec<usize> = (0..width)
            .filter(|&index| index != *text && index != levels)
            .filter(|&index| {
                let filled = columns[index]
                    .iter()
                    .filter(|value| !value.is_empty())
                    .count();
                columns[index]
                    .iter()
                    .all(|value| words(value) <= LABEL_WORDS)
                    && (recurs(&columns[index]) || filled * 2 < body.len())
                    && filled > 0
            })
            .collect();
        // Every other column is a label of the record: a column that is neither is some other
        // table's.
        let others = (0..width)
            .filter(|&index| index != *text && index != levels && !areas.contains(&index))
            .all(|index| columns[index].iter().all(String::is_empty));
        if others {
            return Some(RecordColumns {
                text: *text,
                levels,
                areas,
                headed,
            });
        }
    }
    None
}

impl Interpreter {
    /// A table of records (see [`record_columns`]): each record's text is an expectation of each
    /// level it names, in the area its last filled label names. The levels come in order of
    /// their numbers when they are all numbers, else as the table first names them.
    pub(super) fn records(&mut self, rows: &[&Vec<Cell>], columns: &RecordColumns, line: usize) {
        let body = if columns.headed { &rows[1..] } else { rows };
        let value = |row: &Vec<Cell>, index: usize| {
            row.get(index)
                .map(|cell| plain(&cell.text).trim().to_owned())
                .unwrap_or_default()
        };
        // (Looked up by title: a table of thousands of rows is not searched row by row.)
        let mut titles: Vec<String> = Vec::new();
        let mut known: HashSet<String> = HashSet::new();
        for row in body {
            for title in levels_named(&value(row, columns.levels)).unwrap_or_default() {
                if known.insert(title.clone()) {
                    titles.push(title);
                }
            }
        }
        if titles.iter().all(|title| title.parse::<u32>().is_ok()) {
            titles.sort_by_key(|title| title.parse::<u32>().unwrap_or_default());
        }
        self.track_for_titles(&titles, "");
        let indices: HashMap<&String, usize> = titles
            .iter()
            .map(|title| (title, self.level_index(title, None, line)))
            .collect();
        for row in body {
            let Some(cell) = row.get(columns.text).filter(|cell| !is_blank(cell)) else {
                continue;
            };
            let area = columns
                .areas
                .iter()
                .rev()
                .map(|&index| value(row, index))
                .find(|label| !label.is_empty())
                .unwrap_or_default();
            for title in levels_named(&value(row, columns.levels)).unwrap_or_default() {
                if let Some(&index) = indices.get(&title) {
                    let items = super::cells::cell_items(cell);
                    self.add_to_level(index, &area, items);
                }
            }
        }
    }
}
