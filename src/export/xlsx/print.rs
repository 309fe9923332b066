//! The Print sheet: the calibration sheet as the meeting's paper pack. The Calibration sheet is
//! one row per person across twenty columns, which no page holds at a readable size; printed,
//! one person ran over four pages. Here each person is a card, one page wide at 10 pt: name,
//! track and level, a rating per area (two areas to a line), the roll-ups, proposal and
//! decision, and a tall ruled box for notes. Every value is a formula reading the Calibration
//! sheet, so the pack prints what has been typed so far, and blank lines to write on where
//! nothing has. Cards never break across pages; a key of each track's levels ends the pack.

use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Formula, Worksheet, XlsxError};

use super::calibration::CalibrationLayout;
use super::{column_letters, print_setup, sheet_ref, wrapped_lines, Book};
use crate::calibration::contract::{level_labels, Column};

/// Blank cards after the roster's people, for people added in the meeting.
const SPARE_CARDS: u32 = 3;
/// Cards printed for a sheet made without a roster.
const CARDS_WITHOUT_ROSTER: u32 = 10;

/// Row heights (points): a card's name line, a line of values, the notes box, the gap after
/// a card.
const NAME_HEIGHT: f64 = 22.0;
const LINE_HEIGHT: f64 = 18.0;
const NOTES_HEIGHT: f64 = 54.0;
const GAP_HEIGHT: f64 = 12.0;
/// A 9 pt label's line, and how many more characters than a column's width it holds.
const LABEL_LINE_HEIGHT: f64 = 11.5;
const LABEL_WIDTH_FACTOR: f64 = 1.15;
/// The height a portrait A4 page leaves for cards, under its margins, header and footer.
const PAGE_HEIGHT: f64 = 730.0;

/// Column widths (characters): a label, then its value, twice; together within a portrait
/// A4 page, so that nothing is scaled down.
const WIDTHS: [f64; 4] = [22.0, 24.0, 22.0, 24.0];

struct Formats {
    name: Format,
    heading: Format,
    label: Format,
    value: Format,
    notes: Format,
}

impl Formats {
    fn new() -> Self {
        let ruled = |format: Format| {
            format
                .set_border_bottom(FormatBorder::Thin)
                .set_border_bottom_color("A6A6A6")
        };
        Formats {
            name: Format::new()
                .set_bold()
                .set_font_size(12)
                .set_font_color("1D4E89")
                .set_align(FormatAlign::Bottom)
                .set_border_bottom(FormatBorder::Medium)
                .set_border_bottom_color("1D4E89"),
            heading: Format::new()
                .set_bold()
                .set_font_size(12)
                .set_font_color("1D4E89"),
            label: Format::new()
                .set_font_size(9)
                .set_font_color("595959")
                .set_text_wrap()
                .set_align(FormatAlign::VerticalCenter),
            value: ruled(
                Format::new()
                    .set_font_size(10)
                    .set_align(FormatAlign::VerticalCenter)
                    .set_shrink(),
            ),
            notes: Format::new()
                .set_font_size(10)
                .set_text_wrap()
                .set_align(FormatAlign::Top)
                .set_border(FormatBorder::Thin)
                .set_border_color("A6A6A6"),
        }
    }
}

pub(super) fn print_sheet(
    sheet: &mut Worksheet,
    book: &Book,
    layout: &CalibrationLayout,
) -> Result<(), XlsxError> {
    let people = layout.people;
    let formats = Formats::new();
    sheet.set_name(&book.sheets.print)?;
    sheet.set_formula_result_default("");
    for (column, width) in WIDTHS.iter().enumerate() {
        sheet.set_column_width(column as u16, *width)?;
    }
    let calibration = sheet_ref(&book.sheets.calibration);
    let columns = &layout.contract.columns;
    let at = |wanted: &Column| columns.iter().position(|(column, _)| column == wanted);
    let heading = |column: &Column| {
        columns
            .iter()
            .find(|(known, _)| known == column)
            .map_or("", |(_, heading)| heading.as_str())
            .to_owned()
    };
    // `=IF(x="","",x)` of a Calibration cell: blank stays blank, never 0.
    let value_of = |column: usize, row: u32| {
        let cell = format!(
            "{calibration}${}${}",
            column_letters(column as u16),
            row + 1
        );
        Formula::new(format!("=IF({cell}=\"\",\"\",{cell})"))
    };
    let cards = if people == 0 {
        CARDS_WITHOUT_ROSTER
    } else {
        people as u32 + SPARE_CARDS
    }
    .min(layout.last_row);

    // The fields of a card after its name line, as (label, column) pairs, two to a line.
    let mut fields: Vec<(String, usize)> = Vec::new();
    for (index, (column, text)) in columns.iter().enumerate() {
        if matches!(column, Column::Rating(_)) {
            fields.push((text.clone(), index));
        }
    }
    for column in [
        Column::Lowest,
        Column::Median,
        Column::Meets,
        Column::Proposed,
        Column::Decision,
    ] {
        if let Some(index) = at(&column) {
            fields.push((heading(&column), index));
        }
    }
    // A line as tall as its longer label wrapped (a long area name takes two lines).
    let line_heights: Vec<f64> = fields
        .chunks(2)
        .map(|pair| {
            pair.iter()
                .map(|(label, _)| {
                    let lines = wrapped_lines(label, WIDTHS[0] * LABEL_WIDTH_FACTOR) as f64;
                    lines * LABEL_LINE_HEIGHT + 6.0
                })
                .fold(LINE_HEIGHT, f64::max)
        })
        .collect();
    let card_height = NAME_HEIGHT + line_heights.iter().sum::<f64>() + NOTES_HEIGHT + GAP_HEIGHT;

    let (name, track, level, notes) = (
        at(&Column::Name).unwrap_or(0),
        at(&Column::Track).unwrap_or(1),
        at(&Column::CurrentLevel).unwrap_or(2),
        at(&Column::Notes),
    );
    let mut row = 0u32;
    let mut used = 0.0;
    let mut breaks = Vec::new();
    for card in 0..cards {
        let source = card + 1;
        if used + card_height > PAGE_HEIGHT && row > 0 {
            breaks.push(row);
            used = 0.0;
        }
        used += card_height;
        sheet.set_row_height(row, NAME_HEIGHT)?;
        sheet.merge_range(row, 0, row, 1, "", &formats.name)?;
        sheet.write_formula_with_format(row, 0, value_of(name, source), &formats.name)?;
        sheet.merge_range(row, 2, row, 3, "", &formats.name)?;
        let track_cell = format!(
            "{calibration}${}${}",
            column_letters(track as u16),
            source + 1
        );
        let level_cell = format!(
            "{calibration}${}${}",
            column_letters(level as u16),
            source + 1
        );
        sheet.write_formula_with_format(
            row,
            2,
            Formula::new(format!(
                "=IF({track_cell}=\"\",\"\",{track_cell}&\" · \"&{level_cell})"
            )),
            &formats.name,
        )?;
        row += 1;
        for (pair, height) in fields.chunks(2).zip(&line_heights) {
            sheet.set_row_height(row, *height)?;
            for (offset, (label, column)) in pair.iter().enumerate() {
                let at = offset as u16 * 2;
                sheet.write_string_with_format(row, at, label, &formats.label)?;
                sheet.write_formula_with_format(
                    row,
                    at + 1,
                    value_of(*column, source),
                    &formats.value,
                )?;
            }
            row += 1;
        }
        sheet.set_row_height(row, NOTES_HEIGHT)?;
        sheet.write_string_with_format(row, 0, book.text("notes"), &formats.label)?;
        sheet.merge_range(row, 1, row, 3, "", &formats.notes)?;
        if let Some(notes) = notes {
            sheet.write_formula_with_format(row, 1, value_of(notes, source), &formats.notes)?;
        }
        row += 1;
        sheet.set_row_height(row, GAP_HEIGHT)?;
        row += 1;
    }

    // The key: each track's levels, lowest first, for whoever rates on paper.
    breaks.push(row);
    sheet.write_string_with_format(row, 0, book.text("levels_key"), &formats.heading)?;
    row += 2;
    for track in &book.ladder.tracks {
        sheet.write_string_with_format(row, 0, &track.name, &formats.name)?;
        sheet.write_blank(row, 1, &formats.name)?;
        row += 1;
        for (rank, label) in level_labels(track).iter().enumerate() {
            sheet.write_number_with_format(row, 0, (rank + 1) as f64, &formats.label)?;
            sheet.write_string_with_format(row, 1, label, &formats.value)?;
            row += 1;
        }
        row += 1;
    }
    sheet.set_page_breaks(&breaks)?;
    print_setup(sheet, book, None)?;
    // Cards read down the page: portrait, one page wide.
    sheet.set_portrait();
    sheet.protect();
    Ok(())
}
