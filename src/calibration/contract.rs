//! What the calibration workbook's writer (`export::xlsx`) and its reader ([`super::read`])
//! agree on, so that labels can change without breaking read-back.
//!
//! The writer records, in a hidden sheet named [`CONTRACT_SHEET`], the name of the calibration
//! sheet and, for each column of it, a key ([`Column`]) beside the heading it wrote. The reader
//! finds the sheet by that name and each column by its recorded heading (or, when a heading was
//! retyped, by its place), never by a label's text: a workbook made with overridden labels, or
//! in any language, reads back. A workbook made before the contract existed is read by the
//! labels of its ladder's language, as before.

use crate::labels::Labels;
use crate::model::{Ladder, Track};

/// The hidden sheet that holds the contract; no other sheet of the workbook takes its name.
pub const CONTRACT_SHEET: &str = "ladder-contract";
/// The workbook property that records the ladder's id.
pub const LADDER_ID_PROPERTY: &str = "Ladder id";
/// The workbook property that records the ladder's fingerprint.
pub const FINGERPRINT_PROPERTY: &str = "Ladder fingerprint";
/// The workbook property that records the ladder's language.
pub const LANGUAGE_PROPERTY: &str = "Language";
/// The contract's first row: this key, then the calibration sheet's name.
const SHEET_KEY: &str = "sheet";

/// A column of the calibration sheet, by what it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Column {
    /// The person's name.
    Name,
    /// Their track.
    Track,
    /// Their current level.
    CurrentLevel,
    /// The level reached in an area, by the area's id (empty: the one overall rating of a
    /// ladder without areas).
    Rating(String),
    /// The lowest level reached (a formula).
    Lowest,
    /// The median level reached (a formula).
    Median,
    /// Whether they meet their level everywhere (a formula).
    Meets,
    /// The level proposed.
    Proposed,
    /// The decision.
    Decision,
    /// Notes and evidence.
    Notes,
    /// A further column of the roster, by its heading.
    Extra(String),
    /// The number of the person's track in the lists (hidden machinery): every lookup goes
    /// through it, so that no name is ever matched as a pattern.
    TrackNumber,
    /// The rank of the current level (hidden machinery).
    CurrentRank,
    /// The rank of a rating, by the area's id (hidden machinery).
    RankOf(String),
}

/// The dictionary keys of the sheets a workbook of this tool has besides its track sheets
/// (and the contract sheet): whoever reads the ladder back from a workbook skips them.
pub const TOOL_SHEET_KEYS: &[&str] = &[
    "sheet_overview",
    "sheet_comparison",
    "sheet_lists",
    "sheet_calibration",
    "sheet_summary",
    "sheet_print",
];

/// What the dropdown of an area a track does not rate offers, and the reader takes for no
/// rating: a dash, so that the list is never empty (Excel accepts anything typed into a cell
/// whose list is empty).
pub const NOT_RATED_MARK: &str = "—";

/// The columns with a fixed key, and the dictionary key of their heading.
const FIXED: &[(&str, Column, &str)] = &[
    ("name", Column::Name, "name"),
    ("track", Column::Track, "track"),
    ("current-level", Column::CurrentLevel, "current_level"),
    ("lowest", Column::Lowest, "lowest_level"),
    ("median", Column::Median, "median_level"),
    ("meets", Column::Meets, "meets_level"),
    ("proposed", Column::Proposed, "proposed_level"),
    ("decision", Column::Decision, "decision"),
    ("notes", Column::Notes, "notes"),
    ("track-number", Column::TrackNumber, "track_number"),
    ("current-rank", Column::CurrentRank, "current_rank"),
];

impl Column {
    /// Its key in the contract: `name`, `rating:impact`, `extra:Team`.
    pub fn key(&self) -> String {
        match self {
            Column::Rating(area) => format!("rating:{area}"),
            Column::RankOf(area) => format!("rank:{area}"),
            Column::Extra(heading) => format!("extra:{heading}"),
            fixed => FIXED
                .iter()
                .find(|(_, column, _)| column == fixed)
                .map(|(key, _, _)| (*key).to_owned())
                .unwrap_or_default(),
        }
    }

    /// The column a key names, when it names one.
    pub fn from_key(key: &str) -> Option<Column> {
        if let Some(area) = key.strip_prefix("rating:") {
            return Some(Column::Rating(area.to_owned()));
        }
        if let Some(area) = key.strip_prefix("rank:") {
            return Some(Column::RankOf(area.to_owned()));
        }
        if let Some(heading) = key.strip_prefix("extra:") {
            return Some(Column::Extra(heading.to_owned()));
        }
        FIXED
            .iter()
            .find(|(known, _, _)| *known == key)
            .map(|(_, column, _)| column.clone())
    }

    /// The dictionary key of the heading of a fixed column.
    pub fn label_key(&self) -> Option<&'static str> {
        FIXED
            .iter()
            .find(|(_, column, _)| column == self)
            .map(|(_, _, label)| *label)
    }
}

/// The calibration sheet's name and its columns, each with the heading written over it, in
/// the sheet's order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contract {
    /// The calibration sheet's name.
    pub sheet: String,
    /// Each column and its heading, left to right.
    pub columns: Vec<(Column, String)>,
}

impl Contract {
    /// The contract as the rows of its sheet: `sheet` and the sheet's name, then a key and a
    /// heading per column.
    pub fn rows(&self) -> Vec<[String; 2]> {
        let mut rows = vec![[SHEET_KEY.to_owned(), self.sheet.clone()]];
        rows.extend(
            self.columns
                .iter()
                .map(|(column, heading)| [column.key(), heading.clone()]),
        );
        rows
    }

    /// The contract recorded in a workbook's contract sheet, from its rows of cells; `None`
    /// when the rows are not one.
    pub fn from_rows(rows: &[Vec<String>]) -> Option<Contract> {
        let (first, rest) = rows.split_first()?;
        if first.first().map(String::as_str) != Some(SHEET_KEY) {
            return None;
        }
        let sheet = first.get(1)?.clone();
        let columns = rest
            .iter()
            .filter_map(|row| {
                let column = Column::from_key(row.first()?)?;
                Some((column, row.get(1).cloned().unwrap_or_default()))
            })
            .collect();
        Some(Contract { sheet, columns })
    }

    /// The contract of a workbook written before contracts were recorded: the sheet and
    /// columns named by the labels of the ladder's language, found in the header row.
    pub fn by_labels(ladder: &Ladder, labels: &Labels, header: &[String]) -> Contract {
        let mut columns = Vec::new();
        let mut after_notes = false;
        for heading in header {
            let fixed = FIXED
                .iter()
                .find(|(_, _, label)| labels.text(label) == heading)
                .map(|(_, column, _)| column.clone());
            let area = || {
                if ladder.areas.is_empty() {
                    (labels.text("overall_level") == heading).then(String::new)
                } else {
                    ladder
                        .areas
                        .iter()
                        .find(|area| area.name == *heading)
                        .map(|area| area.id.clone())
                }
            };
            let column = match fixed {
                Some(machinery @ (Column::TrackNumber | Column::CurrentRank)) => {
                    after_notes = false;
                    Some(machinery)
                }
                Some(column) => {
                    after_notes = column == Column::Notes;
                    Some(column)
                }
                None if after_notes => Some(Column::Extra(heading.clone())),
                None => area().map(Column::Rating),
            };
            if let Some(column) = column {
                columns.push((column, heading.clone()));
            }
        }
        Contract {
            sheet: labels.text("sheet_calibration").to_owned(),
            columns,
        }
    }

    /// Where a column stands in a header row (0-based): under its recorded heading, else at
    /// its recorded place when that heading cell was retyped.
    pub fn position(&self, column: &Column, header: &[String]) -> Option<usize> {
        let index = self.columns.iter().position(|(known, _)| known == column)?;
        let heading = &self.columns[index].1;
        header
            .iter()
            .position(|cell| cell == heading)
            .or_else(|| (index < header.len()).then_some(index))
    }
}

/// A custom property a workbook's writer recorded (`docProps/custom.xml`), from the bytes of
/// a package [`crate::package::check`] has passed; `None` when it records none.
pub fn recorded_property(bytes: &[u8], wanted: &str) -> Option<String> {
    use std::io::Read as _;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).ok()?;
    let mut custom = archive.by_name("docProps/custom.xml").ok()?;
    let mut xml = String::new();
    custom.read_to_string(&mut xml).ok()?;
    xml.split("<property ").find_map(|property| {
        property.contains(&format!("name=\"{wanted}\"")).then(|| {
            property
                .split_once("<vt:lpwstr>")
                .and_then(|(_, rest)| rest.split_once("</vt:lpwstr>"))
                .map(|(value, _)| value.to_owned())
        })?
    })
}

/// A hash of a ladder as a workbook was made from it, which the workbook records, so that
/// reading it back can tell whether the ladder changed since.
pub fn ladder_fingerprint(ladder: &Ladder) -> String {
    let mut hasher = crate::output::ContentHasher::new();
    hasher.add(&serde_json::to_vec(ladder).unwrap_or_default());
    hasher.finish()
}

/// The rating columns of the calibration sheet: the ladder's areas by id, or one overall
/// rating (the empty id) when it names none.
pub fn rating_areas(ladder: &Ladder) -> Vec<String> {
    if ladder.areas.is_empty() {
        return vec![String::new()];
    }
    ladder.areas.iter().map(|area| area.id.clone()).collect()
}

/// Per rating column ([`rating_areas`]): does the track rate it? A track that rates no area
/// of the ladder is rated on every one rather than on none.
pub fn rated_by(ladder: &Ladder, track: &Track) -> Vec<bool> {
    let rated = ladder.areas_of(track);
    rating_areas(ladder)
        .iter()
        .map(|id| rated.is_empty() || rated.iter().any(|area| area.id == *id))
        .collect()
}

/// What the dropdowns offer for each level of a track, lowest first: its title, made unique
/// within the track (two levels may share a title) by its code, experience or id.
pub fn level_labels(track: &Track) -> Vec<String> {
    let shared = |title: &str| {
        track
            .levels
            .iter()
            .filter(|level| level.title.eq_ignore_ascii_case(title))
            .count()
            > 1
    };
    let mut labels: Vec<String> = track
        .levels
        .iter()
        .map(|level| {
            if !shared(&level.title) {
                return level.title.clone();
            }
            let qualifier = level
                .code
                .clone()
                .or_else(|| level.experience.as_ref().map(|e| e.text.clone()))
                .unwrap_or_else(|| level.id.clone());
            format!("{} ({qualifier})", level.title)
        })
        .collect();
    for index in 0..labels.len() {
        let clash = labels
            .iter()
            .enumerate()
            .any(|(other, label)| other != index && label.eq_ignore_ascii_case(&labels[index]));
        if clash {
            labels[index] = format!("{} ({})", track.levels[index].title, track.levels[index].id);
        }
    }
    labels
}

/// Column letters of a 0-based index: 0 → A, 26 → AA (cells are named `Calibration!D7` in
/// formulas and messages alike).
pub fn column_letters(mut index: u16) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push((b'A' + (index % 26) as u8) as char);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    letters.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_column_key_reads_back_as_its_column() {
        let columns = [
            Column::Name,
            Column::Track,
            Column::CurrentLevel,
            Column::Rating(String::from("impact")),
            Column::Rating(String::new()),
            Column::Lowest,
            Column::Median,
            Column::Meets,
            Column::Proposed,
            Column::Decision,
            Column::Notes,
            Column::Extra(String::from("Team: A/B")),
            Column::TrackNumber,
            Column::CurrentRank,
            Column::RankOf(String::from("impact")),
        ];
        for column in columns {
            assert_eq!(Column::from_key(&column.key()), Some(column));
        }
    }
}
