//! The calibration sheet and the hidden lists its dropdowns and formulas read.
//!
//! The calibration sheet is an Excel table. Its dropdowns and formulas read a hidden, protected
//! lists sheet through defined names:
//!
//! - `Tracks`: the track names (the Track dropdown);
//! - `TrackTable`: per track, the defined name of its level list and how many areas it rates;
//! - `TrackAreas`: per track, a 1 or 0 for each rated area (does the track use it?);
//! - `List_1`, `List_2`, …: each track's level labels, lowest first (a level's rank is its
//!   position here);
//! - `AllLevels`: every level label, the dropdown of a row whose track is not chosen yet.

use rust_xlsxwriter::{
    ConditionalFormatCell, ConditionalFormatCellRule, ConditionalFormatFormula, DataValidation,
    DataValidationErrorStyle, Formula, ProtectionOptions, Table, TableColumn, TableStyle,
    Worksheet, XlsxError,
};

use super::{
    column_letters, print_setup, row_height, sheet_ref, Book, EMPTY_CALIBRATION_ROWS, LINE_HEIGHT,
    SPARE_CALIBRATION_ROWS,
};
use crate::calibration::contract::{
    level_labels, rated_by, rating_areas, Column, Contract, NOT_RATED_MARK,
};
use crate::model::Ladder;
use crate::roster::Roster;

/// The rating columns of the calibration sheet: the ladder's areas, or one overall rating when
/// the ladder names none. Each with the tracks that rate it.
pub(super) struct Rating {
    /// The area's id (empty for the overall rating), its key in the contract.
    id: String,
    name: String,
    /// Per track (in ladder order): does the track use this area?
    used_by: Vec<bool>,
}

pub(super) fn rating_columns(book: &Book) -> Vec<Rating> {
    let ladder = book.ladder;
    let rated: Vec<Vec<bool>> = ladder
        .tracks
        .iter()
        .map(|track| rated_by(ladder, track))
        .collect();
    rating_areas(ladder)
        .into_iter()
        .enumerate()
        .map(|(index, id)| Rating {
            name: ladder.area(&id).map_or_else(
                || book.text("overall_level").to_owned(),
                |area| area.name.clone(),
            ),
            used_by: rated.iter().map(|rated| rated[index]).collect(),
            id,
        })
        .collect()
}

/// Where the dropdown lists live: the defined names and the ranges they name.
pub(super) struct Lists {
    names: Vec<(String, String)>,
}

impl Lists {
    pub(super) fn names(&self) -> impl Iterator<Item = (String, String)> + '_ {
        self.names.iter().cloned()
    }
}

pub(super) fn lists_sheet(
    sheet: &mut Worksheet,
    book: &Book,
    ratings: &[Rating],
) -> Result<Lists, XlsxError> {
    let ladder = book.ladder;
    sheet.set_name(&book.sheets.lists)?;
    let prefix = sheet_ref(&book.sheets.lists);
    let absolute = |first: u16, first_row: u32, last: u16, last_row: u32| {
        format!(
            "={prefix}${}${}:${}${}",
            column_letters(first),
            first_row + 1,
            column_letters(last),
            last_row + 1
        )
    };
    let track_count = ladder.tracks.len().max(1) as u32;
    let rating_count = ratings.len() as u16;
    let first_applies: u16 = 3;
    let last_applies = first_applies + rating_count - 1;
    let first_levels = last_applies + 2;
    let all_levels = first_levels + ladder.tracks.len() as u16;

    sheet.write_string(0, 0, book.text("track"))?;
    sheet.write_string(0, 1, book.text("level_list"))?;
    sheet.write_string(0, 2, book.text("areas_rated"))?;
    for (index, rating) in ratings.iter().enumerate() {
        sheet.write_string(0, first_applies + index as u16, &rating.name)?;
    }
    let mut names = Vec::new();
    for (index, track) in ladder.tracks.iter().enumerate() {
        let row = 1 + index as u32;
        let list_name = format!("List_{}", index + 1);
        sheet.write_string(row, 0, &track.name)?;
        sheet.write_string(row, 1, &list_name)?;
        let used: Vec<bool> = ratings.iter().map(|rating| rating.used_by[index]).collect();
        sheet.write_number(row, 2, used.iter().filter(|&&used| used).count() as f64)?;
        for (offset, used) in used.iter().enumerate() {
            sheet.write_number(
                row,
                first_applies + offset as u16,
                f64::from(u8::from(*used)),
            )?;
        }
        let column = first_levels + index as u16;
        sheet.write_string(0, column, &track.name)?;
        for (rank, label) in level_labels(track).iter().enumerate() {
            sheet.write_string(1 + rank as u32, column, label)?;
        }
        names.push((
            list_name,
            absolute(column, 1, column, track.levels.len().max(1) as u32),
        ));
    }
    sheet.write_string(0, all_levels, book.text("all_levels"))?;
    let mut titles: Vec<String> = Vec::new();
    for label in ladder.tracks.iter().flat_map(level_labels) {
        if !titles
            .iter()
            .any(|known| known.eq_ignore_ascii_case(&label))
        {
            titles.push(label);
        }
    }
    for (index, title) in titles.iter().enumerate() {
        sheet.write_string(1 + index as u32, all_levels, title)?;
    }
    names.push((
        String::from("AllLevels"),
        absolute(all_levels, 1, all_levels, titles.len().max(1) as u32),
    ));
    // The dropdown of an area the person's track does not rate: one dash, so that nothing
    // else typed there is accepted (an empty list would accept anything where Excel ignores
    // blanks). The reader takes the dash for no rating.
    let not_rated = all_levels + 1;
    sheet.write_string(0, not_rated, book.text("not_rated"))?;
    sheet.write_string(1, not_rated, NOT_RATED_MARK)?;
    names.push((
        String::from("NotRated"),
        absolute(not_rated, 1, not_rated, 1),
    ));
    // Each track's number, beside the names that `EXACT` compares with a row's track.
    let numbers = not_rated + 1;
    sheet.write_string(0, numbers, book.text("track_number"))?;
    for index in 0..ladder.tracks.len() {
        sheet.write_number(1 + index as u32, numbers, (index + 1) as f64)?;
    }
    names.push((
        String::from("TrackNumbers"),
        absolute(numbers, 1, numbers, track_count),
    ));
    names.push((String::from("Tracks"), absolute(0, 1, 0, track_count)));
    names.push((String::from("TrackTable"), absolute(0, 1, 2, track_count)));
    names.push((
        String::from("TrackAreas"),
        absolute(first_applies, 1, last_applies, track_count),
    ));
    sheet.set_column_width(0, 24)?;
    sheet.set_hidden(true);
    sheet.protect();
    Ok(Lists { names })
}

/// The formula of a row's track number (`$B2` moves with the row): the position of the track
/// in `Tracks`. Names are compared with `=` as text (`&""`), never with MATCH or VLOOKUP,
/// which read `*`, `?` and `~` in a name as a pattern in Excel, LibreOffice and Gnumeric
/// alike; `=` ignores case, as the reader does. (`EXACT` over a range is no array inside
/// SUMPRODUCT for Gnumeric: it gives `#VALUE!`.) 0 for no track of the ladder.
fn track_number_formula(n: u32) -> String {
    format!("=IF($B{n}=\"\",\"\",SUMPRODUCT((Tracks&\"\"=$B{n}&\"\")*TrackNumbers))")
}

/// The rank of the level `cell` names in the list of the track numbered in `track`: its
/// position, compared as [`track_number_formula`] compares, or `""` when it is none of them
/// (`1/(1/0)` is an error).
fn rank_formula(cell: &str, track: &str) -> String {
    let levels = levels_of(track);
    format!("IFERROR(1/(1/SUMPRODUCT(({levels}&\"\"={cell}&\"\")*(ROW({levels})-1))),\"\")")
}

/// The level list of the track numbered in `track` (lists start on the sheet's second row).
fn levels_of(track: &str) -> String {
    format!("INDIRECT(\"List_\"&{track})")
}

/// A person of the calibration sheet, from the roster.
struct SheetPerson<'a> {
    name: String,
    track: String,
    /// The level's label in the dropdowns.
    level: String,
    /// The roster's further columns, by their header.
    extra: Vec<(String, String)>,
    /// What a meeting already filled in for them (merged workbooks), with their track.
    filled: Option<(&'a crate::calibration::Assessment, &'a crate::model::Track)>,
}

/// The people of the calibration sheet, from the roster, in its order; with what was filled
/// in for them when `filled` runs alongside the roster's people.
fn roster_rows<'a>(
    ladder: &'a Ladder,
    roster: &'a Roster,
    filled: Option<&'a [crate::calibration::Assessment]>,
) -> Vec<SheetPerson<'a>> {
    roster
        .people
        .iter()
        .enumerate()
        .filter_map(|(index, person)| {
            let track = ladder.track_named(&person.track)?;
            let level = track.level_named(&person.level)?;
            Some(SheetPerson {
                name: person.name.clone(),
                track: track.name.clone(),
                level: label_of(track, &level.id)?,
                extra: person.extra.clone(),
                filled: filled
                    .and_then(|filled| filled.get(index))
                    .map(|assessment| (assessment, track)),
            })
        })
        .collect()
}

/// The label of a level of `track` by its id, as the dropdowns offer it.
fn label_of(track: &crate::model::Track, id: &str) -> Option<String> {
    let position = track.levels.iter().position(|level| level.id == id)?;
    Some(level_labels(track).swap_remove(position))
}

/// Where the calibration sheet keeps what the Summary counts: 0-based columns, and its last row.
pub(super) struct CalibrationLayout {
    /// The last row of the table (0-based; row 0 is the header).
    pub last_row: u32,
    /// How many people the roster put on the sheet.
    pub people: usize,
    /// "Meets current level everywhere".
    pub meets: u16,
    /// "Decision".
    pub decision: u16,
    /// The roster's team column and the teams it names, when it has one.
    pub team: Option<(u16, Vec<String>)>,
    /// The sheet's name and columns as the reader finds them.
    pub contract: Contract,
}

/// The hidden sheet that records the contract (see [`crate::calibration::contract`]).
pub(super) fn contract_sheet(sheet: &mut Worksheet, contract: &Contract) -> Result<(), XlsxError> {
    sheet.set_name(crate::calibration::contract::CONTRACT_SHEET)?;
    for (row, [key, heading]) in contract.rows().iter().enumerate() {
        sheet.write_string(row as u32, 0, key)?;
        sheet.write_string(row as u32, 1, heading)?;
    }
    sheet.set_hidden(true);
    sheet.protect();
    Ok(())
}

pub(super) fn calibration_sheet(
    sheet: &mut Worksheet,
    book: &Book,
    roster: Option<&Roster>,
    filled: Option<&[crate::calibration::Assessment]>,
    ratings: &[Rating],
) -> Result<CalibrationLayout, XlsxError> {
    let (ladder, styles) = (book.ladder, &book.styles);
    sheet.set_name(&book.sheets.calibration)?;
    // An empty cached result makes LibreOffice and other viewers calculate every formula.
    sheet.set_formula_result_default("");
    let rating_count = ratings.len() as u16;
    let people = roster
        .map(|roster| roster_rows(ladder, roster, filled))
        .unwrap_or_default();
    // The roster's further columns (team, manager, an id), in the roster's order.
    let mut extra_columns: Vec<String> = Vec::new();
    for (column, _) in people.iter().flat_map(|person| &person.extra) {
        if !extra_columns.contains(column) {
            extra_columns.push(column.clone());
        }
    }
    // Columns: Name, Track, Current level, one per rating, Lowest, Median, Meets, Proposed
    // level, Decision, Notes, the roster's further columns, then hidden helper columns with the
    // rank of the current level and of each rating. Formulas name Track and Current level as
    // `$B` and `$C`, so nothing goes before them.
    let first_rating: u16 = 3;
    let last_rating = first_rating + rating_count - 1;
    let lowest = last_rating + 1;
    let median = lowest + 1;
    let meets = median + 1;
    let proposed = meets + 1;
    let decision = proposed + 1;
    let notes = decision + 1;
    let first_extra = notes + 1;
    let track_number = first_extra + extra_columns.len() as u16;
    let current_rank = track_number + 1;
    let first_rank = current_rank + 1;
    let last_rank = first_rank + rating_count - 1;
    let row_count = if people.is_empty() {
        EMPTY_CALIBRATION_ROWS
    } else {
        people.len() + SPARE_CALIBRATION_ROWS
    };
    let last_row = row_count as u32;

    let mut keyed: Vec<Column> = vec![Column::Name, Column::Track, Column::CurrentLevel];
    keyed.extend(
        ratings
            .iter()
            .map(|rating| Column::Rating(rating.id.clone())),
    );
    keyed.extend([
        Column::Lowest,
        Column::Median,
        Column::Meets,
        Column::Proposed,
        Column::Decision,
        Column::Notes,
    ]);
    keyed.extend(extra_columns.iter().cloned().map(Column::Extra));
    keyed.push(Column::TrackNumber);
    keyed.push(Column::CurrentRank);
    keyed.extend(
        ratings
            .iter()
            .map(|rating| Column::RankOf(rating.id.clone())),
    );
    let heading = |column: &Column| match column {
        Column::Rating(id) | Column::RankOf(id) => {
            let name = &ratings
                .iter()
                .find(|rating| rating.id == *id)
                .map_or("", |rating| rating.name.as_str());
            if matches!(column, Column::RankOf(_)) {
                book.labels.fill("rank_of", &[("area", name)])
            } else {
                (*name).to_owned()
            }
        }
        Column::Extra(heading) => heading.clone(),
        fixed => fixed
            .label_key()
            .map(|key| book.text(key).to_owned())
            .unwrap_or_default(),
    };
    // Excel table headers must differ, ignoring case.
    let mut seen: Vec<String> = Vec::new();
    let headers: Vec<String> = keyed
        .iter()
        .map(|column| {
            let header = heading(column);
            let mut unique = header.clone();
            let mut counter = 2;
            while seen.contains(&unique.to_lowercase()) {
                unique = format!("{header} ({counter})");
                counter += 1;
            }
            seen.push(unique.to_lowercase());
            unique
        })
        .collect();
    let contract = Contract {
        sheet: book.sheets.calibration.clone(),
        columns: keyed.into_iter().zip(headers.iter().cloned()).collect(),
    };
    let columns: Vec<TableColumn> = headers
        .iter()
        .map(|header| {
            TableColumn::new()
                .set_header(header)
                .set_header_format(&styles.table_header)
        })
        .collect();
    let table = Table::new()
        .set_name("Calibration")
        .set_style(TableStyle::Medium2)
        .set_columns(&columns);
    sheet.add_table(0, 0, last_row, last_rank, &table)?;

    // Column widths: level columns fit the longest level title, so that a chosen level reads
    // in full; and a header row tall enough for the longest area name (bold, so wider).
    let longest_label = ladder
        .tracks
        .iter()
        .flat_map(level_labels)
        .map(|label| label.chars().count())
        .max()
        .unwrap_or(0);
    let level_width = (longest_label as f64 + 2.0).clamp(16.0, 36.0);
    let track_width = ladder
        .tracks
        .iter()
        .map(|track| track.name.chars().count() as f64 + 2.0)
        .fold(12.0, f64::max)
        .min(30.0);
    let mut widths = vec![24.0, track_width, level_width];
    widths.extend(std::iter::repeat_n(level_width, ratings.len()));
    widths.extend([level_width, level_width, 15.0, level_width, 14.0, 50.0]);
    widths.extend(std::iter::repeat_n(16.0, extra_columns.len()));
    for (column, width) in widths.iter().enumerate() {
        sheet.set_column_width(column as u16, *width)?;
    }
    for column in track_number..=last_rank {
        sheet.set_column_hidden(column)?;
    }
    let header_texts: Vec<(&str, f64)> = headers
        .iter()
        .zip(&widths)
        .map(|(header, width)| (header.as_str(), *width * 0.85))
        .collect();
    sheet.set_row_height(0, row_height(&header_texts).max(LINE_HEIGHT * 2.0))?;

    // The cells to type in: ruled, so that the grid shows in every application and on paper.
    for row in 1..=last_row {
        for column in (0..=last_rating).chain([proposed, decision]) {
            sheet.write_blank(row, column, &styles.entry)?;
        }
        sheet.write_blank(row, notes, &styles.notes)?;
        for column in first_extra..track_number {
            sheet.write_blank(row, column, &styles.entry)?;
        }
    }
    for (index, person) in people.iter().enumerate() {
        let row = 1 + index as u32;
        sheet.write_string_with_format(row, 0, &person.name, &styles.entry)?;
        sheet.write_string_with_format(row, 1, &person.track, &styles.entry)?;
        sheet.write_string_with_format(row, 2, &person.level, &styles.entry)?;
        if let Some((assessment, track)) = person.filled {
            // The ratings as labels, in the columns of the areas they were given in.
            for (index, rating) in assessment.ratings.iter().enumerate() {
                if let Some(label) = rating.as_deref().and_then(|id| label_of(track, id)) {
                    let column = first_rating + index as u16;
                    sheet.write_string_with_format(row, column, &label, &styles.entry)?;
                }
            }
            if let Some(label) = assessment
                .proposed
                .as_deref()
                .and_then(|id| label_of(track, id))
            {
                sheet.write_string_with_format(row, proposed, &label, &styles.entry)?;
            }
            if let Some(decision_text) = &assessment.decision {
                sheet.write_string_with_format(row, decision, decision_text, &styles.entry)?;
            }
            if let Some(notes_text) = &assessment.notes {
                sheet.write_string_with_format(row, notes, notes_text, &styles.notes)?;
            }
        }
        for (column, value) in &person.extra {
            if let Some(offset) = extra_columns.iter().position(|known| known == column) {
                sheet.write_string_with_format(
                    row,
                    first_extra + offset as u16,
                    value,
                    &styles.entry,
                )?;
            }
        }
    }

    // Dropdowns: the tracks, and the levels of the row's track (every level while the track
    // is blank). One validation per column range; `$B2` moves with the row.
    let track_validation = DataValidation::new()
        .allow_list_formula(Formula::new("=Tracks"))
        .set_input_title(validation_title(book.text("track")))?
        .set_input_message(book.text("choose_track"))?
        .set_error_title(validation_title(book.text("not_a_track")))?
        .set_error_message(book.text("choose_track_from_list"))?;
    sheet.add_data_validation(1, 1, last_row, 1, &track_validation)?;
    // The row's track number (hidden), relative to row 2 as the validations are.
    let track_cell = format!("${}2", column_letters(track_number));
    let levels_list =
        format!("INDIRECT(IF(N({track_cell})>0,\"List_\"&{track_cell},\"AllLevels\"))");
    let level_validation = DataValidation::new()
        .allow_list_formula(Formula::new(format!("={levels_list}")))
        .set_input_title(validation_title(book.text("level")))?
        .set_input_message(book.text("choose_level"))?
        .set_error_title(validation_title(book.text("not_a_level")))?
        .set_error_message(book.text("choose_level_from_list"))?
        .set_error_style(DataValidationErrorStyle::Stop);
    sheet.add_data_validation(1, 2, last_row, 2, &level_validation)?;
    // A rating: a level of the person's track where the track rates the area, nothing where
    // it does not (the cell is greyed too). `D2` is relative: each cell asks for its own area.
    let first = column_letters(first_rating);
    // Whether the track of the row does not rate the area of the column (relative to D2): the
    // cell is then greyed and takes no input.
    let not_rated = format!(
        "IF(N({track_cell})=0,FALSE,INDEX(TrackAreas,{track_cell},COLUMN({first}2)-COLUMN(${first}2)+1)=0)"
    );
    let rating_validation = DataValidation::new()
        .allow_list_formula(Formula::new(format!(
            "=IF({not_rated},NotRated,{levels_list})"
        )))
        .ignore_blank(false)
        .set_input_title(validation_title(book.text("level")))?
        .set_input_message(book.text("choose_level"))?
        .set_error_title(validation_title(book.text("not_a_level")))?
        .set_error_message(book.text("choose_level_from_list"))?
        .set_error_style(DataValidationErrorStyle::Stop);
    sheet.add_data_validation(1, first_rating, last_row, last_rating, &rating_validation)?;
    // The proposed level: a level of the person's track, like the others.
    sheet.add_data_validation(1, proposed, last_row, proposed, &level_validation)?;
    let decisions: Vec<&str> = ["decision_promote", "decision_hold", "decision_below"]
        .map(|key| book.text(key))
        .to_vec();
    let decision_validation = DataValidation::new()
        .allow_list_strings(&decisions)?
        .set_input_title(validation_title(book.text("decision")))?
        .set_error_title(validation_title(book.text("decision")))?
        .set_error_message(decisions.join(", "))?;
    sheet.add_data_validation(1, decision, last_row, decision, &decision_validation)?;

    // The answers of the "meets" column, as formula strings (quotes doubled).
    let answer = |key: &str| format!("\"{}\"", book.text(key).replace('"', "\"\""));
    let (yes, no, incomplete) = (answer("yes"), answer("no"), answer("incomplete"));
    // Formulas: ranks (the position of a level in its track's list), then the rollups.
    for row in 1..=last_row {
        let n = row + 1;
        let track = format!("{}{n}", column_letters(track_number));
        let levels = levels_of(&track);
        sheet.write_formula(row, track_number, Formula::new(track_number_formula(n)))?;
        sheet.write_formula(
            row,
            current_rank,
            Formula::new(format!(
                "=IF(OR(N({track})=0,$C{n}=\"\"),\"\",{})",
                rank_formula(&format!("$C{n}"), &track)
            )),
        )?;
        for index in 0..rating_count {
            let cell = format!("{}{n}", column_letters(first_rating + index));
            sheet.write_formula(
                row,
                first_rank + index,
                Formula::new(format!(
                    "=IF(OR({cell}=\"\",N({track})=0),\"\",IF(INDEX(TrackAreas,N({track}),{})=0,\"\",{}))",
                    index + 1,
                    rank_formula(&cell, &track)
                )),
            )?;
        }
        let ranks = format!(
            "{}{n}:{}{n}",
            column_letters(first_rank),
            column_letters(last_rank)
        );
        let current = format!("{}{n}", column_letters(current_rank));
        sheet.write_formula_with_format(
            row,
            lowest,
            Formula::new(format!(
                "=IF(COUNT({ranks})=0,\"\",INDEX({levels},MIN({ranks})))"
            )),
            &styles.result,
        )?;
        sheet.write_formula_with_format(
            row,
            median,
            Formula::new(format!(
                "=IF(COUNT({ranks})=0,\"\",INDEX({levels},ROUNDDOWN(MEDIAN({ranks}),0)))"
            )),
            &styles.result,
        )?;
        sheet.write_formula_with_format(
            row,
            meets,
            Formula::new(format!(
                "=IF(OR({current}=\"\",COUNT({ranks})=0),\"\",IF(MIN({ranks})<{current},{no},IF(COUNT({ranks})<INDEX(TrackTable,{track},3),{incomplete},{yes})))"
            )),
            &styles.result,
        )?;
    }

    // At a glance: areas the track does not rate greyed, ratings below the current level red,
    // above it green; the lowest level red when below; "Yes" green, "No" red, "Incomplete" amber.
    let current_cell = format!("${}2", column_letters(current_rank));
    let rank_cell = format!("{}2", column_letters(first_rank));
    sheet.add_conditional_format(
        1,
        first_rating,
        last_row,
        last_rating,
        &ConditionalFormatFormula::new()
            .set_rule(Formula::new(format!("={not_rated}")))
            .set_format(&styles.not_rated)
            .set_stop_if_true(true),
    )?;
    for (comparison, format) in [("<", &styles.below), (">", &styles.above)] {
        sheet.add_conditional_format(
            1,
            first_rating,
            last_row,
            last_rating,
            &ConditionalFormatFormula::new()
                .set_rule(Formula::new(format!(
                    "=AND(ISNUMBER({rank_cell}),ISNUMBER({current_cell}),{rank_cell}{comparison}{current_cell})"
                )))
                .set_format(format),
        )?;
    }
    let ranks = format!(
        "${}2:${}2",
        column_letters(first_rank),
        column_letters(last_rank)
    );
    sheet.add_conditional_format(
        1,
        lowest,
        last_row,
        lowest,
        &ConditionalFormatFormula::new()
            .set_rule(Formula::new(format!(
                "=AND(ISNUMBER({current_cell}),COUNT({ranks})>0,MIN({ranks})<{current_cell})"
            )))
            .set_format(&styles.below),
    )?;
    for (answer, format) in [
        (yes.as_str(), &styles.good),
        (no.as_str(), &styles.bad),
        (incomplete.as_str(), &styles.unsure),
    ] {
        sheet.add_conditional_format(
            1,
            meets,
            last_row,
            meets,
            &ConditionalFormatCell::new()
                .set_rule(ConditionalFormatCellRule::EqualTo(answer))
                .set_format(format),
        )?;
    }

    sheet.set_freeze_panes(1, 3)?;
    print_setup(sheet, book, Some(0))?;
    // Too wide to fit a page at a readable size: printed at 80% (nothing under 8 pt), across
    // as many pages as it takes, each with the header row and the names.
    sheet.set_print_fit_to_pages(0, 0);
    sheet.set_print_scale(80);
    sheet.set_repeat_columns(0, 0)?;
    // Formulas and hidden ranks are locked (no password: a stray keystroke, not a person, is
    // what this guards against); the cells to type in are unlocked, and filtering, sorting and
    // resizing still work.
    sheet.protect_with_options(&ProtectionOptions {
        use_autofilter: true,
        sort: true,
        format_columns: true,
        format_rows: true,
        ..ProtectionOptions::new()
    });
    let team = extra_columns
        .iter()
        .position(|column| crate::people::column_key(column) == "team")
        .map(|offset| {
            let mut teams: Vec<String> = Vec::new();
            for person in &people {
                for (column, value) in &person.extra {
                    if crate::people::column_key(column) == "team"
                        && !value.is_empty()
                        && !teams.contains(value)
                    {
                        teams.push(value.clone());
                    }
                }
            }
            (first_extra + offset as u16, teams)
        });
    Ok(CalibrationLayout {
        last_row,
        people: people.len(),
        meets,
        decision,
        team,
        contract,
    })
}

/// A dropdown's title as Excel takes it: at most 32 characters.
fn validation_title(text: &str) -> String {
    let mut title: String = text.chars().take(32).collect();
    if title.chars().count() < text.chars().count() {
        title = title.chars().take(31).collect::<String>() + "…";
    }
    title
}
