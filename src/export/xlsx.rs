//! Excel workbooks for calibration meetings: an overview, a competency matrix per track, a
//! comparison of neighbouring levels, and a calibration sheet to rate people in.
//!
//! Ladder text is always written as a string cell, so a bullet starting with `=`, `+`, `-` or
//! `@` stays text and never becomes a formula. The definition sheets are protected (without a
//! password) so that a stray keystroke in a meeting does not change the ladder.

use rust_xlsxwriter::{
    ConditionalFormatCell, ConditionalFormatCellRule, ConditionalFormatFormula, DataValidation,
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Formula, Table, TableColumn,
    TableStyle, Workbook, Worksheet, XlsxError,
};

use crate::compare;
use crate::export::Stamp;
use crate::markup;
use crate::model::{Ladder, Level, Track};
use crate::overview::Overview;
use crate::roster::{level_of, track_of, Roster};

pub struct WorkbookOptions<'a> {
    pub roster: Option<&'a Roster>,
    pub stamp: &'a Stamp,
}

/// Rows of an empty calibration sheet, ready to type into.
pub const EMPTY_CALIBRATION_ROWS: usize = 30;

const LEVEL_COLUMN_WIDTH: f64 = 46.0;
const AREA_COLUMN_WIDTH: f64 = 24.0;
/// Points per line of 10 pt text, and Excel's highest row.
const LINE_HEIGHT: f64 = 13.5;
const MAX_ROW_HEIGHT: f64 = 409.0;

/// Sheet names used by formulas.
pub const LISTS_SHEET: &str = "Lists";
pub const CALIBRATION_SHEET: &str = "Calibration";
pub const OVERVIEW_SHEET: &str = "Overview";
pub const COMPARISON_SHEET: &str = "Comparison";

struct Styles {
    title: Format,
    header: Format,
    area: Format,
    cell: Format,
    muted: Format,
    good: Format,
    bad: Format,
    below: Format,
}

impl Styles {
    fn new() -> Self {
        let base = Format::new()
            .set_font_size(10)
            .set_text_wrap()
            .set_align(FormatAlign::Top);
        Styles {
            title: Format::new()
                .set_bold()
                .set_font_size(14)
                .set_font_color("1D4E89"),
            header: base
                .clone()
                .set_bold()
                .set_background_color("E8EFF8")
                .set_border_bottom(FormatBorder::Medium)
                .set_border_bottom_color("1D4E89"),
            area: base
                .clone()
                .set_bold()
                .set_font_color("1D4E89")
                .set_border_bottom(FormatBorder::Thin)
                .set_border_bottom_color("C8C8C8"),
            cell: base
                .clone()
                .set_border_bottom(FormatBorder::Thin)
                .set_border_bottom_color("C8C8C8"),
            muted: base.clone().set_italic().set_font_color("5F5F5F"),
            good: Format::new()
                .set_background_color("D9F2D9")
                .set_font_color("1E5E1E"),
            bad: Format::new()
                .set_background_color("F8D7D7")
                .set_font_color("8A1C1C"),
            below: Format::new().set_background_color("FCE9C8"),
        }
    }
}

/// The workbook's bytes. The same ladder and options give the same bytes.
pub fn workbook(ladder: &Ladder, options: &WorkbookOptions) -> anyhow::Result<Vec<u8>> {
    let mut workbook = Workbook::new();
    let styles = Styles::new();
    properties(&mut workbook, ladder, options.stamp)?;
    let sheet_names = matrix_sheet_names(ladder);

    overview_sheet(workbook.add_worksheet(), ladder, &styles, options.stamp)?;
    for (track, name) in ladder.tracks.iter().zip(&sheet_names) {
        matrix_sheet(workbook.add_worksheet(), ladder, track, name, &styles)?;
    }
    comparison_sheet(workbook.add_worksheet(), ladder, &styles)?;
    let lists = lists_sheet(workbook.add_worksheet(), ladder)?;
    for (index, range) in lists.level_ranges.iter().enumerate() {
        workbook.define_name(format!("Levels_{}", index + 1), range)?;
    }
    workbook.define_name("Tracks", &lists.track_range)?;
    workbook.define_name("TrackLevels", &lists.track_table)?;
    calibration_sheet(
        workbook.add_worksheet(),
        ladder,
        options.roster,
        &lists,
        &styles,
    )?;
    workbook
        .worksheet_from_name(CALIBRATION_SHEET)?
        .set_active(true);
    Ok(workbook.save_to_buffer()?)
}

fn properties(workbook: &mut Workbook, ladder: &Ladder, stamp: &Stamp) -> Result<(), XlsxError> {
    // A fixed creation date (the ladder's, else 2000-01-01) keeps the bytes reproducible.
    let date = ladder
        .effective_date
        .as_deref()
        .and_then(|date| {
            let mut parts = date.split('-').map(|part| part.parse::<u16>().ok());
            let (year, month, day) = (parts.next()??, parts.next()??, parts.next()??);
            ExcelDateTime::from_ymd(year, u8::try_from(month).ok()?, u8::try_from(day).ok()?).ok()
        })
        .unwrap_or(ExcelDateTime::from_ymd(2000, 1, 1)?);
    let mut properties = DocProperties::new()
        .set_title(&ladder.title)
        .set_subject("Engineering competency matrix and calibration workbook")
        .set_keywords("job ladder, competency matrix, calibration")
        .set_comment(format!(
            "Generated by {} from input {}",
            stamp.tool, stamp.input_hash
        ))
        .set_creation_datetime(&date)
        .set_custom_property("Input hash", &stamp.input_hash)
        .set_custom_property("Generator", &stamp.tool);
    if let Some(organization) = &ladder.organization {
        properties = properties.set_company(organization);
    }
    if !ladder.authors.is_empty() {
        properties = properties.set_author(ladder.authors.join(", "));
    }
    if let Some(version) = &ladder.version {
        properties = properties.set_custom_property("Ladder version", version);
    }
    workbook.set_properties(&properties);
    Ok(())
}

/// A sheet name for each track: Excel allows 31 characters and no `[]:*?/\`, and names must
/// differ ignoring case.
fn matrix_sheet_names(ladder: &Ladder) -> Vec<String> {
    let reserved = [
        OVERVIEW_SHEET,
        COMPARISON_SHEET,
        LISTS_SHEET,
        CALIBRATION_SHEET,
        "History",
    ];
    let mut taken: Vec<String> = reserved.iter().map(|name| name.to_lowercase()).collect();
    ladder
        .tracks
        .iter()
        .map(|track| {
            let cleaned: String = track
                .name
                .chars()
                .map(|c| if "[]:*?/\\".contains(c) { '-' } else { c })
                .collect();
            let cleaned = cleaned.trim().trim_matches('\'').to_owned();
            let base: String = if cleaned.is_empty() {
                track.id.clone()
            } else {
                cleaned
            };
            let mut name: String = base.chars().take(31).collect();
            let mut counter = 2;
            while taken.contains(&name.to_lowercase()) {
                let suffix = format!(" ({counter})");
                name = base.chars().take(31 - suffix.len()).collect::<String>() + &suffix;
                counter += 1;
            }
            taken.push(name.to_lowercase());
            name
        })
        .collect()
}

/// `'Sheet name'!` for formulas.
fn sheet_ref(name: &str) -> String {
    format!("'{}'!", name.replace('\'', "''"))
}

/// Column letters of a 0-based index: 0 → A, 26 → AA.
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

fn bullets(items: &[String]) -> String {
    items
        .iter()
        .map(|item| format!("• {}", markup::plain_text(item)))
        .collect::<Vec<_>>()
        .join("\n")
}

/// How many wrapped lines `text` takes in a column `width` characters wide.
fn wrapped_lines(text: &str, width: f64) -> usize {
    let per_line = (width * 1.15).max(10.0) as usize;
    text.lines()
        .map(|line| line.chars().count().div_ceil(per_line).max(1))
        .sum()
}

fn row_height(texts: &[(String, f64)]) -> f64 {
    let lines = texts
        .iter()
        .map(|(text, width)| wrapped_lines(text, *width))
        .max()
        .unwrap_or(1);
    (lines as f64 * LINE_HEIGHT + 4.0).min(MAX_ROW_HEIGHT)
}

fn level_header(ladder: &Ladder, level: &Level) -> String {
    let mut lines = vec![level.title.clone()];
    let facts: Vec<String> = [
        level.code.clone(),
        ladder.grade_name(level),
        level
            .experience
            .as_ref()
            .map(|experience| experience.text.clone()),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !facts.is_empty() {
        lines.push(facts.join(" · "));
    }
    if let Some(shared) = level
        .shares_expectations_with
        .as_deref()
        .and_then(|id| ladder.level(id))
    {
        lines.push(format!("(same expectations as {})", shared.title));
    }
    lines.join("\n")
}

fn print_setup(sheet: &mut Worksheet, ladder: &Ladder, repeat_rows: u32) -> Result<(), XlsxError> {
    sheet.set_landscape();
    sheet.set_paper_size(9); // A4; Excel scales to Letter where that is the default.
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(0, repeat_rows)?;
    let title = ladder.title.replace('&', "&&");
    sheet.set_header(format!("&L&\"-,Bold\"{title}&R&A"));
    sheet.set_footer("&CPage &P of &N");
    sheet.set_margins(0.4, 0.4, 0.6, 0.6, 0.3, 0.3);
    Ok(())
}

fn overview_sheet(
    sheet: &mut Worksheet,
    ladder: &Ladder,
    styles: &Styles,
    stamp: &Stamp,
) -> Result<(), XlsxError> {
    sheet.set_name(OVERVIEW_SHEET)?;
    sheet.write_string_with_format(0, 0, &ladder.title, &styles.title)?;
    let facts = ladder.facts();
    sheet.write_string_with_format(1, 0, facts.join(" · "), &styles.muted)?;
    let overview = Overview::of(ladder);
    let graded = overview.columns.iter().any(Option::is_some);
    let first_track_column: u16 = u16::from(graded);
    let header_row = 3;
    if graded {
        sheet.write_string_with_format(header_row, 0, "Grade", &styles.header)?;
        sheet.set_column_width(0, 20)?;
    }
    for (index, row) in overview.rows.iter().enumerate() {
        let column = first_track_column + index as u16;
        sheet.write_string_with_format(header_row, column, &row.track.name, &styles.header)?;
        sheet.set_column_width(column, 30)?;
    }
    for height in 0..overview.columns.len() {
        let row = header_row + 1 + height as u32;
        let mut texts = Vec::new();
        if graded {
            let name = overview.columns[height].clone().unwrap_or_default();
            sheet.write_string_with_format(row, 0, &name, &styles.area)?;
        }
        for (index, track_row) in overview.rows.iter().enumerate() {
            let text = track_row.cells[height]
                .iter()
                .map(|level| {
                    let facts: Vec<&str> = [
                        level.code.as_deref(),
                        level.experience.as_ref().map(|e| e.text.as_str()),
                    ]
                    .into_iter()
                    .flatten()
                    .collect();
                    if facts.is_empty() {
                        level.title.clone()
                    } else {
                        format!("{}\n{}", level.title, facts.join(" · "))
                    }
                })
                .collect::<Vec<_>>()
                .join("\n\n");
            sheet.write_string_with_format(
                row,
                first_track_column + index as u16,
                &text,
                &styles.cell,
            )?;
            texts.push((text, 30.0));
        }
        sheet.set_row_height(row, row_height(&texts))?;
    }
    let note_row = header_row + 2 + overview.columns.len() as u32;
    sheet.write_string_with_format(
        note_row,
        0,
        format!(
            "Generated by {} from input {}. Edit the ladder source, not this workbook.",
            stamp.tool, stamp.input_hash
        ),
        &styles.muted,
    )?;
    sheet.set_freeze_panes(header_row + 1, 0)?;
    print_setup(sheet, ladder, header_row)?;
    sheet.protect();
    Ok(())
}

/// The areas a track's matrix has rows for: those it declares, then any its levels use, in
/// the ladder's order.
fn track_areas<'a>(ladder: &'a Ladder, track: &'a Track) -> Vec<&'a crate::model::Area> {
    ladder
        .areas
        .iter()
        .filter(|area| {
            track.areas.contains(&area.id)
                || track
                    .levels
                    .iter()
                    .any(|level| ladder.expectations_of(level).contains_key(&area.id))
        })
        .collect()
}

fn matrix_sheet(
    sheet: &mut Worksheet,
    ladder: &Ladder,
    track: &Track,
    name: &str,
    styles: &Styles,
) -> Result<(), XlsxError> {
    sheet.set_name(name)?;
    sheet.set_column_width(0, AREA_COLUMN_WIDTH)?;
    let corner = if track_areas(ladder, track).is_empty() {
        ""
    } else {
        "Area"
    };
    sheet.write_string_with_format(0, 0, corner, &styles.header)?;
    let mut header_texts = Vec::new();
    for (index, level) in track.levels.iter().enumerate() {
        let column = 1 + index as u16;
        let header = level_header(ladder, level);
        sheet.set_column_width(column, LEVEL_COLUMN_WIDTH)?;
        sheet.write_string_with_format(0, column, &header, &styles.header)?;
        header_texts.push((header, LEVEL_COLUMN_WIDTH));
    }
    sheet.set_row_height(0, row_height(&header_texts))?;

    let mut rows: Vec<(String, Vec<String>)> = Vec::new();
    if track.levels.iter().any(|level| level.headline.is_some()) {
        rows.push((
            String::from("Headline"),
            track
                .levels
                .iter()
                .map(|level| {
                    level
                        .headline
                        .as_deref()
                        .map(markup::plain_text)
                        .unwrap_or_default()
                })
                .collect(),
        ));
    }
    if track.levels.iter().any(|level| level.description.is_some()) {
        rows.push((
            String::from("Description"),
            track
                .levels
                .iter()
                .map(|level| {
                    level
                        .description
                        .as_deref()
                        .map(|text| markup::plain_blocks(&markup::blocks(text)))
                        .unwrap_or_default()
                })
                .collect(),
        ));
    }
    for area in track_areas(ladder, track) {
        rows.push((
            area.name.clone(),
            track
                .levels
                .iter()
                .map(|level| {
                    ladder
                        .expectations_of(level)
                        .get(&area.id)
                        .map(|items| bullets(items))
                        .unwrap_or_default()
                })
                .collect(),
        ));
    }
    for (index, (label, cells)) in rows.iter().enumerate() {
        let row = 1 + index as u32;
        sheet.write_string_with_format(row, 0, label, &styles.area)?;
        for (column, text) in cells.iter().enumerate() {
            sheet.write_string_with_format(row, 1 + column as u16, text, &styles.cell)?;
        }
        let texts: Vec<(String, f64)> = cells
            .iter()
            .map(|text| (text.clone(), LEVEL_COLUMN_WIDTH))
            .chain([(label.clone(), AREA_COLUMN_WIDTH)])
            .collect();
        sheet.set_row_height(row, row_height(&texts))?;
    }
    sheet.set_freeze_panes(1, 1)?;
    print_setup(sheet, ladder, 0)?;
    sheet.set_repeat_columns(0, 0)?;
    sheet.protect();
    Ok(())
}

fn comparison_sheet(
    sheet: &mut Worksheet,
    ladder: &Ladder,
    styles: &Styles,
) -> Result<(), XlsxError> {
    sheet.set_name(COMPARISON_SHEET)?;
    let headers = [
        "Track",
        "From",
        "To",
        "Area",
        "Change",
        "Expectation",
        "Was",
    ];
    let widths = [18.0, 24.0, 24.0, 22.0, 14.0, 60.0, 50.0];
    for (column, (header, width)) in headers.iter().zip(widths).enumerate() {
        sheet.write_string_with_format(0, column as u16, *header, &styles.header)?;
        sheet.set_column_width(column as u16, width)?;
    }
    let mut row = 1u32;
    for track in ladder
        .tracks
        .iter()
        .filter(|track| compare::is_progression(track))
    {
        for pair in track.levels.windows(2) {
            let comparison = compare::compare(ladder, &pair[0], &pair[1]);
            for area in &comparison.areas {
                let mut lines: Vec<(&str, &String, Option<&String>)> = Vec::new();
                lines.extend(area.added.iter().map(|item| ("new", item, None)));
                lines.extend(
                    area.reworded
                        .iter()
                        .map(|(old, new)| ("reworded", new, Some(old))),
                );
                lines.extend(
                    area.removed
                        .iter()
                        .map(|item| ("no longer listed", item, None)),
                );
                lines.extend(area.unchanged.iter().map(|item| ("as before", item, None)));
                for (change, text, was) in lines {
                    let cells = [
                        track.name.clone(),
                        pair[0].title.clone(),
                        pair[1].title.clone(),
                        area.area_name.clone(),
                        change.to_owned(),
                        markup::plain_text(text),
                        was.map(|old| markup::plain_text(old)).unwrap_or_default(),
                    ];
                    for (column, value) in cells.iter().enumerate() {
                        sheet.write_string_with_format(row, column as u16, value, &styles.cell)?;
                    }
                    sheet.set_row_height(
                        row,
                        row_height(&[(cells[5].clone(), widths[5]), (cells[6].clone(), widths[6])]),
                    )?;
                    row += 1;
                }
            }
        }
    }
    if row > 1 {
        sheet.autofilter(0, 0, row - 1, headers.len() as u16 - 1)?;
    } else {
        sheet.write_string_with_format(
            1,
            0,
            "No track has two levels to compare.",
            &styles.muted,
        )?;
    }
    sheet.set_freeze_panes(1, 0)?;
    print_setup(sheet, ladder, 0)?;
    // Protected against edits, but filtering by track, level or change still works.
    sheet.protect_with_options(&rust_xlsxwriter::ProtectionOptions {
        use_autofilter: true,
        sort: true,
        ..rust_xlsxwriter::ProtectionOptions::new()
    });
    Ok(())
}

/// Where the dropdown lists live.
struct Lists {
    /// `Lists!$A$2:$A$n`: the track names.
    track_range: String,
    /// `Lists!$A$2:$B$n`: track name → name of its level list.
    track_table: String,
    /// Per track, the absolute range of its level titles.
    level_ranges: Vec<String>,
}

fn lists_sheet(sheet: &mut Worksheet, ladder: &Ladder) -> Result<Lists, XlsxError> {
    sheet.set_name(LISTS_SHEET)?;
    let prefix = sheet_ref(LISTS_SHEET);
    sheet.write_string(0, 0, "Track")?;
    sheet.write_string(0, 1, "Level list")?;
    let mut level_ranges = Vec::new();
    for (index, track) in ladder.tracks.iter().enumerate() {
        let row = 1 + index as u32;
        sheet.write_string(row, 0, &track.name)?;
        sheet.write_string(row, 1, format!("Levels_{}", index + 1))?;
        let column = 2 + index as u16;
        sheet.write_string(0, column, &track.name)?;
        for (rank, level) in track.levels.iter().enumerate() {
            sheet.write_string(1 + rank as u32, column, &level.title)?;
        }
        let letters = column_letters(column);
        level_ranges.push(format!(
            "={prefix}${letters}$2:${letters}${}",
            1 + track.levels.len().max(1)
        ));
    }
    let last = 1 + ladder.tracks.len();
    sheet.set_hidden(true);
    sheet.protect();
    Ok(Lists {
        track_range: format!("={prefix}$A$2:$A${last}"),
        track_table: format!("={prefix}$A$2:$B${last}"),
        level_ranges,
    })
}

fn calibration_sheet(
    sheet: &mut Worksheet,
    ladder: &Ladder,
    roster: Option<&Roster>,
    lists: &Lists,
    styles: &Styles,
) -> Result<(), XlsxError> {
    sheet.set_name(CALIBRATION_SHEET)?;
    let areas: Vec<&crate::model::Area> = ladder.areas.iter().collect();
    let area_count = areas.len() as u16;
    // Columns: Name, Track, Current level, one per area, Lowest, Median, Meets, Notes, then
    // hidden helper columns with the rank of the current level and of each area's rating.
    let first_area: u16 = 3;
    let lowest = first_area + area_count;
    let median = lowest + 1;
    let meets = median + 1;
    let notes = meets + 1;
    let current_rank = notes + 1;
    let first_rank = current_rank + 1;
    let last_column = first_rank + area_count.max(1) - 1;

    let people: Vec<(String, String, String)> = match roster {
        Some(roster) => roster
            .people_of(ladder)
            .map(|person| {
                let track = track_of(ladder, &person.track).expect("people_of keeps known tracks");
                let level = level_of(track, &person.level)
                    .map_or_else(|| person.level.clone(), |level| level.title.clone());
                (person.name.clone(), track.name.clone(), level)
            })
            .collect(),
        None => Vec::new(),
    };
    let row_count = if people.is_empty() && roster.is_none() {
        EMPTY_CALIBRATION_ROWS
    } else {
        people.len().max(1)
    };
    let last_row = row_count as u32;

    let mut headers: Vec<String> = ["Name", "Track", "Current level"]
        .map(String::from)
        .to_vec();
    headers.extend(areas.iter().map(|area| area.name.clone()));
    headers.extend(
        [
            "Lowest level reached",
            "Median level",
            "Meets current level everywhere",
            "Notes / evidence",
            "Current rank",
        ]
        .map(String::from),
    );
    headers.extend(areas.iter().map(|area| format!("Rank: {}", area.name)));
    if areas.is_empty() {
        headers.push(String::from("Rank"));
    }
    // Excel table headers must differ, ignoring case.
    let mut seen: Vec<String> = Vec::new();
    let columns: Vec<TableColumn> = headers
        .into_iter()
        .map(|header| {
            let mut unique = header.clone();
            let mut counter = 2;
            while seen.contains(&unique.to_lowercase()) {
                unique = format!("{header} ({counter})");
                counter += 1;
            }
            seen.push(unique.to_lowercase());
            TableColumn::new().set_header(unique)
        })
        .collect();
    let table = Table::new()
        .set_name("Calibration")
        .set_style(TableStyle::Medium2)
        .set_columns(&columns);
    sheet.add_table(0, 0, last_row, last_column, &table)?;

    for (index, (name, track, level)) in people.iter().enumerate() {
        let row = 1 + index as u32;
        sheet.write_string(row, 0, name)?;
        sheet.write_string(row, 1, track)?;
        sheet.write_string(row, 2, level)?;
    }

    let track_letters = column_letters(1);
    let level_list = |row: u32| {
        format!(
            "INDIRECT(VLOOKUP(${track_letters}{}, TrackLevels, 2, FALSE))",
            row + 1
        )
    };
    let track_validation = DataValidation::new()
        .allow_list_formula(Formula::new(lists.track_range.clone()))
        .set_error_message("Choose a track of this ladder from the list.")?;
    sheet.add_data_validation(1, 1, last_row, 1, &track_validation)?;
    for row in 1..=last_row {
        let validation = DataValidation::new()
            .allow_list_formula(Formula::new(format!("={}", level_list(row))))
            .set_input_message("Choose a level of this person's track.")?
            .ignore_blank(true);
        sheet.add_data_validation(row, 2, row, 2, &validation)?;
        if area_count > 0 {
            sheet.add_data_validation(
                row,
                first_area,
                row,
                first_area + area_count - 1,
                &validation,
            )?;
        }
        let excel_row = row + 1;
        let rank_of = |cell: String| {
            format!(
                "IF({cell}=\"\",\"\",IFERROR(MATCH({cell},{},0),\"\"))",
                level_list(row)
            )
        };
        sheet.write_formula(
            row,
            current_rank,
            Formula::new(format!("={}", rank_of(format!("$C{excel_row}")))),
        )?;
        for index in 0..area_count {
            let cell = format!("{}{excel_row}", column_letters(first_area + index));
            sheet.write_formula(
                row,
                first_rank + index,
                Formula::new(format!("={}", rank_of(cell))),
            )?;
        }
        let ranks = format!(
            "{}{excel_row}:{}{excel_row}",
            column_letters(first_rank),
            column_letters(last_column)
        );
        let title_at = |rank: String| {
            format!(
                "IF(COUNT({ranks})=0,\"\",INDEX({},{rank}))",
                level_list(row)
            )
        };
        sheet.write_formula(
            row,
            lowest,
            Formula::new(format!("={}", title_at(format!("MIN({ranks})")))),
        )?;
        sheet.write_formula(
            row,
            median,
            Formula::new(format!(
                "={}",
                title_at(format!("ROUNDDOWN(MEDIAN({ranks}),0)"))
            )),
        )?;
        let current = format!("{}{excel_row}", column_letters(current_rank));
        sheet.write_formula(
            row,
            meets,
            Formula::new(format!(
                "=IF(OR({current}=\"\",COUNT({ranks})=0),\"\",IF(AND(COUNT({ranks})={area_count},MIN({ranks})>={current}),\"Yes\",\"No\"))"
            )),
        )?;
    }

    // At a glance: "Yes" green, "No" red, and each rating below the current level amber.
    for (answer, format) in [("\"Yes\"", &styles.good), ("\"No\"", &styles.bad)] {
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
    if area_count > 0 {
        let first_rank_cell = format!("{}2", column_letters(first_rank));
        let current_cell = format!("${}2", column_letters(current_rank));
        sheet.add_conditional_format(
            1,
            first_area,
            last_row,
            first_area + area_count - 1,
            &ConditionalFormatFormula::new()
                .set_rule(Formula::new(format!(
                    "=AND(ISNUMBER({first_rank_cell}),ISNUMBER({current_cell}),{first_rank_cell}<{current_cell})"
                )))
                .set_format(&styles.below),
        )?;
    }

    sheet.set_column_width(0, 24)?;
    sheet.set_column_width(1, 22)?;
    sheet.set_column_width(2, 26)?;
    for index in 0..area_count {
        sheet.set_column_width(first_area + index, 22)?;
    }
    sheet.set_column_width(lowest, 22)?;
    sheet.set_column_width(median, 22)?;
    sheet.set_column_width(meets, 16)?;
    sheet.set_column_width(notes, 50)?;
    for column in current_rank..=last_column {
        sheet.set_column_hidden(column)?;
    }
    sheet.set_freeze_panes(1, 1)?;
    print_setup(sheet, ladder, 0)?;
    Ok(())
}
