//! Tables with a row per expectation (a database's export, "long" data): one column holds the
//! expectation's text, one the level or levels it applies to (`3`, `1|2`, `Senior`), and the
//! others short labels that repeat, its area (`DEX`, `Feature Ownership`). Written with a
//! header (`Expectation | Level | Area`) or without one.

use super::cells::is_blank;
use super::likeness::{is_rung_code, is_rung_word};
use super::text::is_example_label;
use super::*;

/// The fewest rows a table of records needs: fewer is no ladder's list of expectations.
const LEAST_RECORDS: usize = 4;

/// The fewest words, on average, of the texts of the expectations' column.
const TEXT_WORDS: f32 = 5.0;

/// The fewest characters, on average, of the texts of the expectations' column of a table
/// with a header naming its columns.
const HEADED_TEXT_CHARS: f32 = 6.0;

/// How many times longer, in words on average, a column of sentences is than a column of the
/// records' names beside it.
const NAMES_TO_SENTENCES: f32 = 2.0;

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
    /// A column headed as the records' examples ("Examples", "Ejemplo"): each record's
    /// illustrations, not expectations of their own.
    examples: Option<usize>,
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

/// The levels a cell of the levels' column names: none where it is blank or a placeholder
/// (`--`, `n/a`: a record of no level, kept out of the ladder), else as [`levels_named`].
fn levels_of_record(text: &str) -> Option<Vec<String>> {
    if text.trim().is_empty() || is_placeholder(text) {
        return Some(Vec::new());
    }
    levels_named(text)
}

/// Headers of a column that numbers the records ("No", "#", "Nr."), in the languages the
/// importer reads.
const NUMBER_HEADERS: &[&str] = &[
    "no",
    "no.",
    "#",
    "nr",
    "nr.",
    "n°",
    "nº",
    "№",
    "番号",
    "序号",
    "번호",
    "lp",
    "lp.",
    "č",
    "č.",
    "п/п",
    "№ п/п",
    "nro",
    "nro.",
    "núm",
    "núm.",
    "n.º",
    "sıra",
    "sıra no",
    "stt",
    "tt",
    "ลำดับ",
    "ลำดับที่",
    "ردیف",
    "الرقم",
    "رقم",
    "מס'",
    "מס׳",
    "क्रमांक",
    "क्र.सं.",
    "ক্রমিক নং",
    "α/α",
    "sorszám",
    "ssz.",
    "nr. crt.",
    "nr.crt.",
    "s.no.",
    "s. no.",
    "sl. no.",
    "sr. no.",
    "序號",
    "編號",
    "编号",
    "연번",
    "순번",
];

/// Whether a column numbers the records: headed so, or every value a distinct whole number.
fn numbers_the_records(header: &str, values: &[String]) -> bool {
    let header = plain(header).trim().to_lowercase();
    if NUMBER_HEADERS.contains(&header.as_str()) {
        return true;
    }
    let mut seen = HashSet::new();
    values
        .iter()
        .all(|value| value.parse::<u64>().is_ok() && seen.insert(value.as_str()))
}

/// Whether a column's values are labels: each of at most [`LABEL_WORDS`] words, but for a
/// few (one in [`LONGER_LABELS_ONE_IN`]) longer by a line added under the name ("Total
/// Quality Management<br>[Total Work System]"), up to twice that.
fn short_labels(values: &[String]) -> bool {
    let words: Vec<usize> = values
        .iter()
        .map(|value| value.split_whitespace().count())
        .collect();
    let longer = words.iter().filter(|&&count| count > LABEL_WORDS).count();
    longer * LONGER_LABELS_ONE_IN <= words.len()
        && words.iter().all(|&count| count <= 2 * LABEL_WORDS)
}

/// One label in how many may be longer than [`LABEL_WORDS`] (see [`short_labels`]).
const LONGER_LABELS_ONE_IN: usize = 10;

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
        // (Of several, the column of sentences beside columns of short names: "Action
        // Oriented (1)" names what the sentence in "Skill" says.)
        let mean_words = |index: usize| {
            let filled: Vec<&String> = columns[index].iter().filter(|t| !t.is_empty()).collect();
            filled.iter().map(|text| words(text)).sum::<usize>() as f32 / filled.len().max(1) as f32
        };
        let sentences: Vec<usize> = texts
            .iter()
            .copied()
            .filter(|&index| {
                texts.iter().all(|&other| {
                    other == index
                        || short_labels(&columns[other])
                            && mean_words(index) >= NAMES_TO_SENTENCES * mean_words(other)
                })
            })
            .collect();
        let [text] = sentences.as_slice() else {
            continue;
        };
        let header = |index: usize| rows[0].get(index).map_or(String::new(), |c| c.text.clone());
        // (Each level named by itself: `1|2` and `2` both name level 2.)
        let Some(levels) = (0..width).find(|&index| {
            let named: Option<Vec<Vec<String>>> = columns[index]
                .iter()
                .map(|value| levels_of_record(value))
                .collect();
            index != *text
                && (!headed || names_levels(&header(index)))
                && named.is_some_and(|named| {
                    let named = named.concat();
                    named.len() * 2 > body.len() && recurs(&named)
                })
        }) else {
            continue;
        };
        // (A column numbering the records says nothing of them.)
        let numbers = (0..width).find(|&index| {
            index != *text
                && index != levels
                && numbers_the_records(
                    &if headed { header(index) } else { String::new() },
                    &columns[index],
                )
        });
        let examples = (0..width).find(|&index| {
            headed && index != *text && index != levels && is_example_label(&header(index))
        });
        // Labels recur, or name a few rows only (a sub-area filled where it applies), or name
        // each record (its competency, "Action Oriented", under a recurring category): short.
        let areas: Vec<usize> = (0..width)
            .filter(|&index| {
                index != *text
                    && index != levels
                    && Some(index) != numbers
                    && Some(index) != examples
            })
            .filter(|&index| {
                let filled = columns[index]
                    .iter()
                    .filter(|value| !value.is_empty())
                    .count();
                short_labels(&columns[index])
                    && (recurs(&columns[index]) || filled * 2 < body.len() || headed)
                    && filled > 0
            })
            .collect();
        // Every other column is a label of the record: a column that is neither is some other
        // table's.
        let others = (0..width)
            .filter(|&index| {
                index != *text
                    && index != levels
                    && Some(index) != numbers
                    && Some(index) != examples
                    && !areas.contains(&index)
            })
            .all(|index| columns[index].iter().all(String::is_empty));
        if others {
            return Some(RecordColumns {
                text: *text,
                levels,
                areas,
                examples,
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
            for title in levels_of_record(&value(row, columns.levels)).unwrap_or_default() {
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
            // (A label's lines, as a cell's HTML breaks them, joined: "Total Quality
            // Management<br>[Total Work System]".)
            let label = |index: usize| {
                row.get(index).map_or(String::new(), |cell| {
                    let lines: Vec<String> = super::cells::cell_items(cell)
                        .iter()
                        .map(|item| plain(&item.text).trim().to_owned())
                        .collect();
                    lines.join(" ")
                })
            };
            let area = columns
                .areas
                .iter()
                .rev()
                .map(|&index| label(index))
                .find(|label| !label.is_empty())
                .unwrap_or_default();
            let examples: Vec<String> = columns
                .examples
                .and_then(|index| row.get(index))
                .map(|cell| {
                    super::cells::cell_items(cell)
                        .iter()
                        .map(|item| plain(&item.text).trim().to_owned())
                        .filter(|text| !text.is_empty())
                        .collect()
                })
                .unwrap_or_default();
            for title in levels_of_record(&value(row, columns.levels)).unwrap_or_default() {
                if let Some(&index) = indices.get(&title) {
                    let mut items = super::cells::cell_items(cell);
                    if let Some(last) = items.last_mut() {
                        last.examples.extend(examples.iter().cloned());
                    }
                    self.add_to_level(index, &area, items);
                }
            }
        }
    }
}
