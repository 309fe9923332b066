//! After the meeting: a filled calibration workbook read back into what was decided.
//!
//! The workbook may have been filled in Excel, LibreOffice or Google Sheets. Only what people
//! typed is read (names, tracks, levels, ratings, proposals, decisions, notes, the roster's
//! further columns); the roll-ups are worked out again here from the ratings, exactly as the
//! sheet's formulas do, so that a file saved without recalculation reads the same. A value
//! that is not one of the ladder's is reported at its cell (`Calibration!D7`).

use std::io::Cursor;
use std::path::{Path, PathBuf};

use calamine::{Data, Reader, Xlsx};
use serde::Serialize;

use super::contract::{
    column_letters, ladder_fingerprint, level_labels, rated_by, rating_areas, recorded_property,
    Column, Contract, CONTRACT_SHEET, FINGERPRINT_PROPERTY, LADDER_ID_PROPERTY, NOT_RATED_MARK,
};
use super::rules::roll_ups;
use crate::audience::{for_audience, Audience};
use crate::diagnostic::Diagnostic;
use crate::labels::Labels;
use crate::model::Ladder;

/// Everyone of one filled workbook.
#[derive(Debug, Clone, Serialize)]
pub struct Calibration {
    /// The workbook read.
    pub source: PathBuf,
    /// The ladder it belongs to.
    pub ladder: String,
    /// The rating columns, in order (area names, or the overall rating).
    pub areas: Vec<String>,
    /// One entry per person, in the sheet's order.
    pub people: Vec<Assessment>,
    /// What deserves a look but did not stop the reading (the ladder changed since).
    #[serde(skip)]
    pub warnings: Vec<Diagnostic>,
    /// Where each person's name was read: `Calibration!A2`, in the order of `people` (a
    /// person found in two workbooks is reported at both).
    #[serde(skip)]
    pub name_cells: Vec<String>,
}

/// One person as the meeting left them.
#[derive(Debug, Clone, Serialize)]
pub struct Assessment {
    /// The sheet row (1-based, as the spreadsheet shows it).
    pub row: usize,
    /// Their name.
    pub name: String,
    /// Their track's id.
    pub track: String,
    /// Their current level's id.
    pub level: String,
    /// Per rating column: the level chosen (its id), when one was.
    pub ratings: Vec<Option<String>>,
    /// The lowest level reached across the rated areas (id).
    pub lowest: Option<String>,
    /// The median level reached (id), rounded down.
    pub median: Option<String>,
    /// Whether they meet their current level in every area their track rates.
    pub meets: Option<Verdict>,
    /// The level proposed for them (id), when one was.
    pub proposed: Option<String>,
    /// The decision typed in, as written.
    pub decision: Option<String>,
    /// The notes typed in.
    pub notes: Option<String>,
    /// The roster's further columns, by heading.
    pub extra: Vec<(String, String)>,
}

/// "Meets current level everywhere".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// Every rated area at or above the current level, and every area rated.
    Yes,
    /// An area below the current level.
    No,
    /// Nothing below, but not every area rated yet.
    Incomplete,
}

/// The id of the ladder a workbook was made from, as its properties record it.
pub fn stamped_ladder(path: &Path) -> Result<Option<String>, Diagnostic> {
    let bytes = std::fs::read(path).map_err(|error| {
        Diagnostic::error("unreadable", format!("cannot read the workbook: {error}")).in_file(path)
    })?;
    crate::package::check(&bytes).map_err(|refused| {
        Diagnostic::error("bad-workbook", refused.message)
            .in_file(path)
            .with_hint(refused.hint)
    })?;
    Ok(recorded_property(&bytes, LADDER_ID_PROPERTY))
}

fn not_a_workbook(path: &Path) -> Diagnostic {
    Diagnostic::error("not-a-workbook", "this is not an Excel workbook (.xlsx)")
        .in_file(path)
        .with_hint("save the filled calibration sheet as .xlsx (Excel Workbook) and read that")
}

/// Reads the calibration sheet of a filled workbook made for `ladder`. Its sheet and columns
/// are found by the contract the workbook records ([`Contract`]); a workbook made before
/// contracts existed is read by `labels`. Every value that is not the ladder's is reported at
/// its cell.
pub fn read(path: &Path, ladder: &Ladder, labels: &Labels) -> Result<Calibration, Vec<Diagnostic>> {
    let bytes = std::fs::read(path).map_err(|error| {
        vec![
            Diagnostic::error("unreadable", format!("cannot read the workbook: {error}"))
                .in_file(path),
        ]
    })?;
    crate::package::check(&bytes).map_err(|refused| {
        vec![Diagnostic::error("bad-workbook", refused.message)
            .in_file(path)
            .with_hint(refused.hint)]
    })?;
    let recorded_fingerprint = recorded_property(&bytes, FINGERPRINT_PROPERTY);
    let mut book: Xlsx<_> =
        Xlsx::new(Cursor::new(bytes)).map_err(|_| vec![not_a_workbook(path)])?;
    let recorded = book.worksheet_range(CONTRACT_SHEET).ok().and_then(|range| {
        let rows: Vec<Vec<String>> = range
            .rows()
            .map(|row| row.iter().map(|cell| text(Some(cell))).collect())
            .collect();
        Contract::from_rows(&rows)
    });
    let sheet = recorded.as_ref().map_or_else(
        || labels.text("sheet_calibration").to_owned(),
        |contract| contract.sheet.clone(),
    );
    let range = book.worksheet_range(&sheet).map_err(|_| {
        vec![Diagnostic::error(
            "not-a-calibration",
            format!("the workbook has no `{sheet}` sheet: `ladder` did not write it, or it was renamed"),
        )
        .in_file(path)
        .with_hint("read a workbook that `ladder build` wrote (its Calibration sheet filled in), or name its ladder with --ladder")]
    })?;
    let header: Vec<String> = range
        .rows()
        .next()
        .map(|row| row.iter().map(|cell| text(Some(cell))).collect())
        .unwrap_or_default();
    let contract = recorded.unwrap_or_else(|| Contract::by_labels(ladder, labels, &header));
    let column = |column: &Column| contract.position(column, &header);
    let rating_ids = rating_areas(ladder);
    let areas: Vec<String> = if ladder.areas.is_empty() {
        vec![labels.text("overall_level").to_owned()]
    } else {
        ladder.areas.iter().map(|area| area.name.clone()).collect()
    };
    let mut problems = Vec::new();
    let mut warnings = Vec::new();
    let at =
        |row: usize, column: usize| format!("{sheet}!{}{}", column_letters(column as u16), row + 1);
    let required = [
        Column::Name,
        Column::Track,
        Column::CurrentLevel,
        Column::Decision,
        Column::Notes,
    ];
    let found: Vec<Option<usize>> = required.iter().map(column).collect();
    if let Some((missing, _)) = required
        .iter()
        .zip(&found)
        .find(|(_, found)| found.is_none())
    {
        let heading = missing
            .label_key()
            .map_or_else(|| missing.key(), |key| labels.text(key).to_owned());
        return Err(vec![Diagnostic::error(
            "not-a-calibration",
            format!("{sheet}!1: no `{heading}` column"),
        )
        .in_file(path)
        .with_hint(
            "the header row of the Calibration sheet must stay as `ladder` wrote it",
        )]);
    }
    let [name_at, track_at, level_at, decision_at, notes_at] =
        [found[0], found[1], found[2], found[3], found[4]].map(|found| found.unwrap_or(0));
    let proposed_at = column(&Column::Proposed);
    let area_at: Vec<Option<usize>> = rating_ids
        .iter()
        .map(|id| column(&Column::Rating(id.clone())))
        .collect();
    let extra_columns: Vec<(String, usize)> = contract
        .columns
        .iter()
        .filter_map(|(known, _)| match known {
            Column::Extra(heading) => Some((heading.clone(), column(known)?)),
            _ => None,
        })
        .collect();

    let mut people = Vec::new();
    for (index, row) in range.rows().enumerate().skip(1) {
        let cell = |column: usize| text(row.get(column));
        let name = cell(name_at);
        if name.is_empty() {
            continue;
        }
        let Some(track) = ladder.track_named(&cell(track_at)) else {
            problems.push(
                Diagnostic::error(
                    "calibration-value",
                    format!(
                        "{}: `{}` is not a track of ladder `{}`",
                        at(index, track_at),
                        cell(track_at),
                        ladder.id
                    ),
                )
                .in_file(path)
                .with_hint(format!(
                    "the tracks are: {}",
                    ladder
                        .tracks
                        .iter()
                        .map(|track| track.name.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                )),
            );
            continue;
        };
        let labels_of_track = level_labels(track);
        let rank_of = |column: usize, problems: &mut Vec<Diagnostic>| -> Option<usize> {
            let value = cell(column);
            if value.is_empty() || value == NOT_RATED_MARK {
                return None;
            }
            // Case ignored as the sheet's `EXACT(UPPER(…))` ignores it, so that the sheet and
            // the report agree.
            let wanted = value.to_uppercase();
            let rank = labels_of_track
                .iter()
                .position(|label| label.to_uppercase() == wanted);
            if rank.is_none() {
                problems.push(
                    Diagnostic::error(
                        "calibration-value",
                        format!(
                            "{}: `{value}` is not a level of track `{}`",
                            at(index, column),
                            track.name
                        ),
                    )
                    .in_file(path)
                    .with_hint(format!("the levels are: {}", labels_of_track.join(", "))),
                );
            }
            rank
        };
        let Some(current) = rank_of(level_at, &mut problems) else {
            continue;
        };
        let uses = rated_by(ladder, track);
        let ratings: Vec<Option<usize>> = area_at
            .iter()
            .zip(&uses)
            .map(|(column, used)| {
                let column = (*column)?;
                if !*used {
                    // A value where the track rates nothing (the dropdown offers only a dash;
                    // a pasted value passes it): reported, not counted.
                    let value = cell(column);
                    if !value.is_empty() && value != NOT_RATED_MARK {
                        warnings.push(
                            Diagnostic::warning(
                                "calibration-not-rated",
                                format!(
                                    "{}: `{value}` is in an area track `{}` does not rate; it was not counted",
                                    at(index, column),
                                    track.name
                                ),
                            )
                            .in_file(path)
                            .with_hint("clear the cell, or rate the area the track rates"),
                        );
                    }
                    return None;
                }
                rank_of(column, &mut problems)
            })
            .collect();
        let proposed = proposed_at.and_then(|column| rank_of(column, &mut problems));
        let id = |rank: usize| track.levels[rank].id.clone();
        let (lowest, median, meets) =
            roll_ups(&ratings, current, uses.iter().filter(|used| **used).count());
        people.push(Assessment {
            row: index + 1,
            name,
            track: track.id.clone(),
            level: id(current),
            ratings: ratings.iter().map(|rating| rating.map(id)).collect(),
            lowest: lowest.map(id),
            median: median.map(id),
            meets,
            proposed: proposed.map(id),
            decision: Some(cell(decision_at)).filter(|text| !text.is_empty()),
            notes: Some(cell(notes_at)).filter(|text| !text.is_empty()),
            extra: extra_columns
                .iter()
                .map(|(heading, column)| (heading.clone(), cell(*column)))
                .collect(),
        });
    }
    // A ladder edited since the workbook was made: what still matches is read (by id, title
    // or name), and the reader is told to look.
    if let Some(recorded) = recorded_fingerprint {
        let current = [Audience::Internal, Audience::Public]
            .map(|audience| ladder_fingerprint(&for_audience(ladder, audience)));
        if !current.contains(&recorded) {
            warnings.push(
                Diagnostic::warning(
                    "calibration-ladder-changed",
                    format!("ladder `{}` changed since this workbook was made; what still matches was read", ladder.id),
                )
                .in_file(path)
                .with_hint("check people whose level or track was renamed or removed; build a new workbook for the next meeting"),
            );
        }
    }
    if problems.is_empty() {
        let name_cells = people
            .iter()
            .map(|person| at(person.row - 1, name_at))
            .collect();
        Ok(Calibration {
            source: path.to_owned(),
            ladder: ladder.id.clone(),
            areas,
            people,
            warnings,
            name_cells,
        })
    } else {
        Err(problems)
    }
}

/// A cell's text as typed: whole numbers without `.0`, trimmed.
fn text(cell: Option<&Data>) -> String {
    match cell {
        None | Some(Data::Empty) => String::new(),
        Some(Data::Float(value)) if value.fract() == 0.0 => format!("{value:.0}"),
        Some(other) => other.to_string().trim().to_owned(),
    }
}
