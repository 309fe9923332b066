//! Excel workbooks for calibration meetings: an overview, a competency matrix per track, a
//! comparison of neighbouring levels, and a calibration sheet to rate people in.
//!
//! Ladder text is always written as a string cell, so a bullet starting with `=`, `+`, `-` or
//! `@` stays text and never becomes a formula. The definition sheets are protected (without a
//! password) so that a stray keystroke in a meeting does not change the ladder.
//!
//! The calibration sheet is an Excel table. Its dropdowns and formulas read a hidden, protected
//! `Lists` sheet through defined names:
//!
//! - `Tracks`: the track names (the Track dropdown);
//! - `TrackTable`: per track, the defined name of its level list and how many areas it rates;
//! - `TrackAreas`: per track, a 1 or 0 for each rated area (does the track use it?);
//! - `Levels_1`, `Levels_2`, …: each track's level titles, lowest first (a level's rank is its
//!   position here);
//! - `AllLevels`: every level title, the dropdown of a row whose track is not chosen yet.

use rust_xlsxwriter::{
    ConditionalFormatCell, ConditionalFormatCellRule, ConditionalFormatFormula, DataValidation,
    DataValidationErrorStyle, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder,
    Formula, ProtectionOptions, Table, TableColumn, TableStyle, Workbook, Worksheet, XlsxError,
};

use crate::compare;
use crate::export::Stamp;
use crate::markup;
use crate::model::{Area, Ladder, Level, Track};
use crate::overview::Overview;
use crate::roster::{level_of, track_of, Roster};

pub struct WorkbookOptions<'a> {
    /// People to fill the calibration sheet with; without one it has empty rows to type into.
    pub roster: Option<&'a Roster>,
    pub stamp: &'a Stamp,
}

/// Rows of an empty calibration sheet, ready to type into.
pub const EMPTY_CALIBRATION_ROWS: usize = 30;
/// Empty rows after the people of a roster, for someone the roster forgot.
pub const SPARE_CALIBRATION_ROWS: usize = 5;

/// Column widths, in Excel's units (the width of a `0`).
const LEVEL_COLUMN_WIDTH: f64 = 40.0;
const WIDEST_LEVEL_COLUMN: f64 = 64.0;
const NARROW_LEVEL_COLUMN: f64 = 30.0;
const AREA_COLUMN_WIDTH: f64 = 22.0;
/// Characters of 10 pt prose that fit in one unit of column width (Calibri, which Excel uses).
const CHARACTERS_PER_UNIT: f64 = 1.2;
/// Points per line of 10 pt text, padding of a row, and Excel's highest row.
const LINE_HEIGHT: f64 = 12.75;
const ROW_PADDING: f64 = 4.0;
const MAX_ROW_HEIGHT: f64 = 409.0;

/// Sheet names used by formulas.
pub const LISTS_SHEET: &str = "Lists";
pub const CALIBRATION_SHEET: &str = "Calibration";
pub const OVERVIEW_SHEET: &str = "Overview";
pub const COMPARISON_SHEET: &str = "Comparison";

/// The rating column of a ladder that names no areas: one overall rating per person.
pub const OVERALL_RATING: &str = "Overall level";

const BLUE: &str = "1D4E89";
const RULE: &str = "C8C8C8";

struct Styles {
    title: Format,
    header: Format,
    area: Format,
    cell: Format,
    muted: Format,
    note: Format,
    table_header: Format,
    entry: Format,
    result: Format,
    notes: Format,
    good: Format,
    bad: Format,
    unsure: Format,
    below: Format,
    above: Format,
    not_rated: Format,
}

impl Styles {
    fn new() -> Self {
        let base = Format::new()
            .set_font_size(10)
            .set_text_wrap()
            .set_align(FormatAlign::Top);
        let ruled = |format: Format| format.set_border(FormatBorder::Thin).set_border_color(RULE);
        Styles {
            title: Format::new()
                .set_bold()
                .set_font_size(14)
                .set_font_color(BLUE),
            header: ruled(base.clone())
                .set_bold()
                .set_background_color("E8EFF8")
                .set_border_bottom(FormatBorder::Medium)
                .set_border_bottom_color(BLUE),
            area: ruled(base.clone()).set_bold().set_font_color(BLUE),
            cell: ruled(base.clone()),
            muted: base.clone().set_italic().set_font_color("5F5F5F"),
            note: Format::new()
                .set_font_size(9)
                .set_italic()
                .set_font_color("5F5F5F"),
            table_header: base
                .clone()
                .set_bold()
                .set_font_color("FFFFFF")
                .set_background_color(BLUE)
                .set_border(FormatBorder::Thin)
                .set_border_color("FFFFFF"),
            entry: ruled(Format::new().set_font_size(10).set_align(FormatAlign::Top))
                .set_unlocked(),
            result: ruled(Format::new().set_font_size(10).set_align(FormatAlign::Top)),
            notes: ruled(base.clone()).set_unlocked(),
            good: Format::new()
                .set_background_color("D9F2D9")
                .set_font_color("1E5E1E"),
            bad: Format::new()
                .set_background_color("F8D7D7")
                .set_font_color("8A1C1C"),
            unsure: Format::new()
                .set_background_color("FFF2CC")
                .set_font_color("7F6000"),
            below: Format::new()
                .set_background_color("FCE4D6")
                .set_font_color("8A1C1C"),
            above: Format::new().set_background_color("E2F0D9"),
            not_rated: Format::new()
                .set_background_color("EDEDED")
                .set_font_color("808080"),
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
    let ratings = rating_columns(ladder);
    let lists = lists_sheet(workbook.add_worksheet(), ladder, &ratings)?;
    for (name, range) in lists.names() {
        workbook.define_name(name, &range)?;
    }
    calibration_sheet(
        workbook.add_worksheet(),
        ladder,
        options.roster,
        &ratings,
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
    let mut comment = format!(
        "Generated by {} from input {}",
        stamp.tool, stamp.input_hash
    );
    if let Some(version) = &ladder.version {
        comment = format!("Version {version}. {comment}");
    }
    let mut properties = DocProperties::new()
        .set_title(&ladder.title)
        .set_subject("Engineering competency matrix and calibration workbook")
        .set_keywords("job ladder, competency matrix, calibration")
        .set_comment(comment)
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
    if let Some(date) = &ladder.effective_date {
        properties = properties.set_custom_property("Effective date", date);
    }
    workbook.set_properties(&properties);
    Ok(())
}

/// A sheet name for each track: Excel allows 31 characters and no `[]:*?/\`, no leading or
/// trailing `'`, and names must differ ignoring case.
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
                .map(|c| {
                    if "[]:*?/\\".contains(c) || c.is_control() {
                        '-'
                    } else {
                        c
                    }
                })
                .collect();
            let cleaned = cleaned.trim().trim_matches('\'').trim().to_owned();
            let base: String = if cleaned.is_empty() {
                track.id.clone()
            } else {
                cleaned
            };
            let mut name: String = base.chars().take(31).collect::<String>().trim().to_owned();
            let mut counter = 2;
            while taken.contains(&name.to_lowercase()) {
                let suffix = format!(" ({counter})");
                name = base
                    .chars()
                    .take(31 - suffix.len())
                    .collect::<String>()
                    .trim_end()
                    .to_owned()
                    + &suffix;
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

/// How many lines `text` takes when wrapped at word boundaries in a column `width` units wide.
fn wrapped_lines(text: &str, width: f64) -> usize {
    let capacity = ((width * CHARACTERS_PER_UNIT) as usize).max(8);
    text.split('\n')
        .map(|paragraph| {
            let mut lines = 1;
            let mut used = 0;
            for word in paragraph.split_whitespace() {
                let length = word.chars().count();
                if used > 0 && used + 1 + length <= capacity {
                    used += 1 + length;
                    continue;
                }
                if used > 0 {
                    lines += 1;
                }
                // A word longer than the line breaks across lines.
                lines += length.saturating_sub(1) / capacity;
                used = (length - 1) % capacity + 1;
            }
            lines
        })
        .sum()
}

/// The height, in points, of a row holding these texts in columns of these widths: Excel does
/// not fit rows with wrapped text to their contents when it opens a file, so it is estimated.
fn row_height(texts: &[(&str, f64)]) -> f64 {
    let lines = texts
        .iter()
        .map(|(text, width)| wrapped_lines(text, *width))
        .max()
        .unwrap_or(1);
    (lines as f64 * LINE_HEIGHT + ROW_PADDING).min(MAX_ROW_HEIGHT)
}

fn fits(text: &str, width: f64) -> bool {
    wrapped_lines(text, width) as f64 * LINE_HEIGHT + ROW_PADDING <= MAX_ROW_HEIGHT
}

fn level_header(ladder: &Ladder, level: &Level) -> String {
    let mut lines = vec![level.title.clone()];
    let squeezed = |text: &str| -> String {
        text.chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_lowercase()
    };
    // A grade named like the code ("IC 2" beside "IC2") says nothing new.
    let grade = ladder.grade_name(level).filter(|grade| {
        level
            .code
            .as_deref()
            .is_none_or(|code| squeezed(code) != squeezed(grade))
    });
    let facts: Vec<String> = [
        level.code.clone(),
        grade,
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
    if let Some(required) = level.requires.as_deref().and_then(|id| ladder.level(id)) {
        lines.push(format!("requires {}", required.title));
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

/// Landscape, one page wide, the header row (and first column) repeated on every page, and the
/// ladder's title and page numbers in the header and footer.
fn print_setup(sheet: &mut Worksheet, ladder: &Ladder, repeat_rows: u32) -> Result<(), XlsxError> {
    sheet.set_landscape();
    sheet.set_paper_size(9); // A4; Excel scales to Letter where that is the default.
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(0, repeat_rows)?;
    let title = ladder.title.replace('&', "&&");
    sheet.set_header(format!("&L&\"-,Bold\"{title}&R&A"));
    sheet.set_footer("&CPage &P of &N");
    // The header and footer keep their size however much the sheet is scaled to fit the page.
    sheet.set_header_footer_scale_with_doc(false);
    sheet.set_margins(0.4, 0.4, 0.6, 0.6, 0.3, 0.3);
    Ok(())
}

fn overview_sheet(
    sheet: &mut Worksheet,
    ladder: &Ladder,
    styles: &Styles,
    stamp: &Stamp,
) -> Result<(), XlsxError> {
    const TRACK_WIDTH: f64 = 30.0;
    const GRADE_WIDTH: f64 = 22.0;
    sheet.set_name(OVERVIEW_SHEET)?;
    sheet.write_string_with_format(0, 0, &ladder.title, &styles.title)?;
    sheet.set_row_height(0, 20)?;
    let facts = ladder.facts();
    sheet.write_string_with_format(1, 0, facts.join(" · "), &styles.note)?;
    let overview = Overview::of(ladder);
    let graded = overview.columns.iter().any(Option::is_some);
    let first_track_column: u16 = u16::from(graded);
    let header_row = 3;
    let mut header_texts = Vec::new();
    if graded {
        sheet.write_string_with_format(header_row, 0, "Grade", &styles.header)?;
        sheet.set_column_width(0, GRADE_WIDTH)?;
    }
    for (index, row) in overview.rows.iter().enumerate() {
        let column = first_track_column + index as u16;
        sheet.write_string_with_format(header_row, column, &row.track.name, &styles.header)?;
        sheet.set_column_width(column, TRACK_WIDTH)?;
        header_texts.push((row.track.name.as_str(), TRACK_WIDTH));
    }
    sheet.set_row_height(header_row, row_height(&header_texts))?;
    for height in 0..overview.columns.len() {
        let row = header_row + 1 + height as u32;
        let mut texts: Vec<(String, f64)> = Vec::new();
        if graded {
            let name = overview.columns[height].clone().unwrap_or_default();
            sheet.write_string_with_format(row, 0, &name, &styles.area)?;
            texts.push((name, GRADE_WIDTH));
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
            texts.push((text, TRACK_WIDTH));
        }
        let texts: Vec<(&str, f64)> = texts.iter().map(|(t, w)| (t.as_str(), *w)).collect();
        sheet.set_row_height(row, row_height(&texts))?;
    }
    let note_row = header_row + 2 + overview.columns.len() as u32;
    sheet.write_string_with_format(
        note_row,
        0,
        "One sheet per track has the expectations of every level; Calibration is for rating people.",
        &styles.note,
    )?;
    sheet.write_string_with_format(
        note_row + 1,
        0,
        format!(
            "Generated by {} from input {}. Edit the ladder source, not this workbook.",
            stamp.tool, stamp.input_hash
        ),
        &styles.note,
    )?;
    sheet.set_freeze_panes(header_row + 1, first_track_column)?;
    print_setup(sheet, ladder, header_row)?;
    sheet.protect();
    Ok(())
}

/// The areas a track's matrix has rows for: those it declares, in its order, then any others
/// its levels use, in the ladder's order.
fn track_areas<'a>(ladder: &'a Ladder, track: &'a Track) -> Vec<&'a Area> {
    let mut areas: Vec<&Area> = Vec::new();
    for id in &track.areas {
        if let Some(area) = ladder.area(id) {
            if !areas.iter().any(|known| known.id == area.id) {
                areas.push(area);
            }
        }
    }
    for area in &ladder.areas {
        let used = track.levels.iter().any(|level| {
            ladder
                .expectations_of(level)
                .keys()
                .any(|key| ladder.area(key).is_some_and(|found| found.id == area.id))
        });
        if used && !areas.iter().any(|known| known.id == area.id) {
            areas.push(area);
        }
    }
    areas
}

/// The expectations of a level in an area, whichever of the area's spellings the level uses.
fn expectations_in<'a>(ladder: &'a Ladder, level: &'a Level, area: &Area) -> Vec<&'a String> {
    ladder
        .expectations_of(level)
        .iter()
        .filter(|(key, _)| ladder.area(key).is_some_and(|found| found.id == area.id))
        .flat_map(|(_, items)| items)
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
    let areas = track_areas(ladder, track);

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
    for area in &areas {
        rows.push((
            area.name.clone(),
            track
                .levels
                .iter()
                .map(|level| {
                    let items: Vec<String> = expectations_in(ladder, level, area)
                        .into_iter()
                        .cloned()
                        .collect();
                    bullets(&items)
                })
                .collect(),
        ));
    }
    let headers: Vec<String> = track
        .levels
        .iter()
        .map(|level| level_header(ladder, level))
        .collect();

    // Wide enough that no cell is taller than Excel's tallest row, where widening helps; a
    // matrix of headlines and descriptions only is narrower, so that it prints larger.
    let mut width = if areas.is_empty() {
        NARROW_LEVEL_COLUMN
    } else {
        LEVEL_COLUMN_WIDTH
    };
    while width < WIDEST_LEVEL_COLUMN
        && rows
            .iter()
            .flat_map(|(_, cells)| cells)
            .any(|text| !fits(text, width))
    {
        width += 4.0;
    }

    sheet.set_column_width(0, AREA_COLUMN_WIDTH)?;
    let corner = if areas.is_empty() { "" } else { "Area" };
    sheet.write_string_with_format(0, 0, corner, &styles.header)?;
    for (index, header) in headers.iter().enumerate() {
        let column = 1 + index as u16;
        sheet.set_column_width(column, width)?;
        sheet.write_string_with_format(0, column, header, &styles.header)?;
    }
    let header_texts: Vec<(&str, f64)> =
        headers.iter().map(|text| (text.as_str(), width)).collect();
    sheet.set_row_height(0, row_height(&header_texts))?;

    for (index, (label, cells)) in rows.iter().enumerate() {
        let row = 1 + index as u32;
        sheet.write_string_with_format(row, 0, label, &styles.area)?;
        for (column, text) in cells.iter().enumerate() {
            sheet.write_string_with_format(row, 1 + column as u16, text, &styles.cell)?;
        }
        let texts: Vec<(&str, f64)> = cells
            .iter()
            .map(|text| (text.as_str(), width))
            .chain([(label.as_str(), AREA_COLUMN_WIDTH)])
            .collect();
        sheet.set_row_height(row, row_height(&texts))?;
    }
    if rows.is_empty() {
        sheet.write_string_with_format(
            1,
            0,
            "This track states no expectations.",
            &styles.muted,
        )?;
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
    let widths = [18.0, 22.0, 22.0, 22.0, 14.0, 60.0, 45.0];
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
                    let texts: Vec<(&str, f64)> = cells
                        .iter()
                        .zip(widths)
                        .map(|(text, width)| (text.as_str(), width))
                        .collect();
                    sheet.set_row_height(row, row_height(&texts))?;
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
    sheet.protect_with_options(&ProtectionOptions {
        use_autofilter: true,
        sort: true,
        ..ProtectionOptions::new()
    });
    Ok(())
}

/// The rating columns of the calibration sheet: the ladder's areas, or one overall rating when
/// the ladder names none. Each with the tracks that rate it.
struct Rating {
    name: String,
    /// Per track (in ladder order): does the track use this area?
    used_by: Vec<bool>,
}

fn rating_columns(ladder: &Ladder) -> Vec<Rating> {
    if ladder.areas.is_empty() {
        return vec![Rating {
            name: String::from(OVERALL_RATING),
            used_by: vec![true; ladder.tracks.len()],
        }];
    }
    let per_track: Vec<Vec<&Area>> = ladder
        .tracks
        .iter()
        .map(|track| track_areas(ladder, track))
        .collect();
    ladder
        .areas
        .iter()
        .map(|area| Rating {
            name: area.name.clone(),
            used_by: per_track
                .iter()
                .map(|areas| {
                    // A track with no areas at all is rated on every one rather than on none.
                    areas.is_empty() || areas.iter().any(|used| used.id == area.id)
                })
                .collect(),
        })
        .collect()
}

/// Where the dropdown lists live: the defined names and the ranges they name.
struct Lists {
    names: Vec<(String, String)>,
}

impl Lists {
    fn names(&self) -> impl Iterator<Item = (String, String)> + '_ {
        self.names.iter().cloned()
    }
}

fn lists_sheet(
    sheet: &mut Worksheet,
    ladder: &Ladder,
    ratings: &[Rating],
) -> Result<Lists, XlsxError> {
    sheet.set_name(LISTS_SHEET)?;
    let prefix = sheet_ref(LISTS_SHEET);
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

    sheet.write_string(0, 0, "Track")?;
    sheet.write_string(0, 1, "Level list")?;
    sheet.write_string(0, 2, "Areas rated")?;
    for (index, rating) in ratings.iter().enumerate() {
        sheet.write_string(0, first_applies + index as u16, &rating.name)?;
    }
    let mut names = Vec::new();
    for (index, track) in ladder.tracks.iter().enumerate() {
        let row = 1 + index as u32;
        let list_name = format!("Levels_{}", index + 1);
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
    sheet.write_string(0, all_levels, "All levels")?;
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

/// The people of the calibration sheet: (name, track name, level label) from the roster.
fn roster_rows(ladder: &Ladder, roster: &Roster) -> Vec<(String, String, String)> {
    roster
        .people_of(ladder)
        .filter_map(|person| {
            let track = track_of(ladder, &person.track)?;
            let level = level_of(track, &person.level)?;
            let index = track.levels.iter().position(|known| known.id == level.id)?;
            let label = level_labels(track).swap_remove(index);
            Some((person.name.clone(), track.name.clone(), label))
        })
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

fn calibration_sheet(
    sheet: &mut Worksheet,
    ladder: &Ladder,
    roster: Option<&Roster>,
    ratings: &[Rating],
    styles: &Styles,
) -> Result<(), XlsxError> {
    sheet.set_name(CALIBRATION_SHEET)?;
    // An empty cached result makes LibreOffice and other viewers calculate every formula.
    sheet.set_formula_result_default("");
    let rating_count = ratings.len() as u16;
    // Columns: Name, Track, Current level, one per rating, Lowest, Median, Meets, Notes, then
    // hidden helper columns with the rank of the current level and of each rating.
    let first_rating: u16 = 3;
    let last_rating = first_rating + rating_count - 1;
    let lowest = last_rating + 1;
    let median = lowest + 1;
    let meets = median + 1;
    let notes = meets + 1;
    let current_rank = notes + 1;
    let first_rank = current_rank + 1;
    let last_rank = first_rank + rating_count - 1;

    let people = roster
        .map(|roster| roster_rows(ladder, roster))
        .unwrap_or_default();
    let row_count = if people.is_empty() {
        EMPTY_CALIBRATION_ROWS
    } else {
        people.len() + SPARE_CALIBRATION_ROWS
    };
    let last_row = row_count as u32;

    let mut headers: Vec<String> = ["Name", "Track", "Current level"]
        .map(String::from)
        .to_vec();
    headers.extend(ratings.iter().map(|rating| rating.name.clone()));
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
    headers.extend(
        ratings
            .iter()
            .map(|rating| format!("Rank: {}", rating.name)),
    );
    // Excel table headers must differ, ignoring case.
    let mut seen: Vec<String> = Vec::new();
    let headers: Vec<String> = headers
        .into_iter()
        .map(|header| {
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
    widths.extend([level_width, level_width, 15.0, 50.0]);
    for (column, width) in widths.iter().enumerate() {
        sheet.set_column_width(column as u16, *width)?;
    }
    for column in current_rank..=last_rank {
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
        for column in 0..=last_rating {
            sheet.write_blank(row, column, &styles.entry)?;
        }
        sheet.write_blank(row, notes, &styles.notes)?;
    }
    for (index, (name, track, level)) in people.iter().enumerate() {
        let row = 1 + index as u32;
        sheet.write_string_with_format(row, 0, name, &styles.entry)?;
        sheet.write_string_with_format(row, 1, track, &styles.entry)?;
        sheet.write_string_with_format(row, 2, level, &styles.entry)?;
    }

    // Dropdowns: the tracks, and the levels of the row's track (every level while the track
    // is blank). One validation per column range; `$B2` moves with the row.
    let track_validation = DataValidation::new()
        .allow_list_formula(Formula::new("=Tracks"))
        .set_input_title("Track")?
        .set_input_message("Choose this person's track.")?
        .set_error_title("Not a track")?
        .set_error_message("Choose a track of this ladder from the list.")?;
    sheet.add_data_validation(1, 1, last_row, 1, &track_validation)?;
    let level_validation = DataValidation::new()
        .allow_list_formula(Formula::new(
            "=INDIRECT(IFERROR(VLOOKUP($B2,TrackTable,2,FALSE),\"AllLevels\"))",
        ))
        .set_input_title("Level")?
        .set_input_message("Choose a level of this person's track (choose the track first).")?
        .set_error_title("Not a level of this track")?
        .set_error_message("Choose one of the levels in the list.")?
        .set_error_style(DataValidationErrorStyle::Stop);
    sheet.add_data_validation(1, 2, last_row, last_rating, &level_validation)?;

    // Formulas: ranks (the position of a level in its track's list), then the rollups.
    for row in 1..=last_row {
        let n = row + 1;
        let levels = format!("INDIRECT(VLOOKUP($B{n},TrackTable,2,FALSE))");
        sheet.write_formula(
            row,
            current_rank,
            Formula::new(format!(
                "=IF(OR($B{n}=\"\",$C{n}=\"\"),\"\",IFERROR(MATCH($C{n},{levels},0),\"\"))"
            )),
        )?;
        for index in 0..rating_count {
            let cell = format!("{}{n}", column_letters(first_rating + index));
            sheet.write_formula(
                row,
                first_rank + index,
                Formula::new(format!(
                    "=IF(OR({cell}=\"\",IFERROR(INDEX(TrackAreas,MATCH($B{n},Tracks,0),{}),0)=0),\"\",IFERROR(MATCH({cell},{levels},0),\"\"))",
                    index + 1
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
                "=IF(OR({current}=\"\",COUNT({ranks})=0),\"\",IF(MIN({ranks})<{current},\"No\",IF(COUNT({ranks})<IFERROR(VLOOKUP($B{n},TrackTable,3,FALSE),{rating_count}),\"Incomplete\",\"Yes\")))"
            )),
            &styles.result,
        )?;
    }

    // At a glance: areas the track does not rate greyed, ratings below the current level red,
    // above it green; the lowest level red when below; "Yes" green, "No" red, "Incomplete" amber.
    let first_rating_letters = column_letters(first_rating);
    let current_cell = format!("${}2", column_letters(current_rank));
    let rank_cell = format!("{}2", column_letters(first_rank));
    sheet.add_conditional_format(
        1,
        first_rating,
        last_row,
        last_rating,
        &ConditionalFormatFormula::new()
            .set_rule(Formula::new(format!(
                "=IFERROR(INDEX(TrackAreas,MATCH($B2,Tracks,0),COLUMN({first_rating_letters}2)-COLUMN(${first_rating_letters}2)+1),1)=0"
            )))
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
        ("\"Yes\"", &styles.good),
        ("\"No\"", &styles.bad),
        ("\"Incomplete\"", &styles.unsure),
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
    print_setup(sheet, ladder, 0)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_counts_lines_at_word_boundaries() {
        // 10 units hold 12 characters.
        assert_eq!(wrapped_lines("", 10.0), 1);
        assert_eq!(wrapped_lines("aaaa bbbb cc", 10.0), 1);
        assert_eq!(wrapped_lines("aaaa bbbb ccc", 10.0), 2);
        assert_eq!(wrapped_lines("a\nb\n\nc", 10.0), 4);
        assert_eq!(wrapped_lines(&"x".repeat(25), 10.0), 3);
        assert!(row_height(&[(&"word ".repeat(10_000), 40.0)]) <= MAX_ROW_HEIGHT);
    }

    #[test]
    fn column_letters_go_past_z() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
    }
}
