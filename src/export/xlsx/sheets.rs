//! The definition sheets: Overview, a competency matrix per track, and Comparison. They show
//! the ladder and are protected against stray edits.

use rust_xlsxwriter::{ProtectionOptions, Worksheet, XlsxError};

use super::{
    expectation_lines, fits, level_header, print_setup, row_height, Book, AREA_COLUMN_WIDTH,
    LEVEL_COLUMN_WIDTH, NARROW_LEVEL_COLUMN, WIDEST_LEVEL_COLUMN,
};
use crate::export::Stamp;
use crate::markup;
use crate::view::{Item, TrackView};

pub(super) fn overview_sheet(
    sheet: &mut Worksheet,
    book: &Book,
    stamp: &Stamp,
) -> Result<(), XlsxError> {
    const TRACK_WIDTH: f64 = 30.0;
    const GRADE_WIDTH: f64 = 22.0;
    let (view, styles) = (book.view, &book.styles);
    sheet.set_name(&book.sheets.overview)?;
    sheet.write_string_with_format(0, 0, &view.title, &styles.title)?;
    sheet.set_row_height(0, 20)?;
    sheet.write_string_with_format(1, 0, view.facts.join(" · "), &styles.note)?;
    let overview = &view.overview;
    let graded = overview.columns.iter().any(Option::is_some);
    let first_track_column: u16 = u16::from(graded);
    let header_row = 3;
    let mut header_texts = Vec::new();
    if graded {
        sheet.write_string_with_format(header_row, 0, book.text("grade"), &styles.header)?;
        sheet.set_column_width(0, GRADE_WIDTH)?;
    }
    for (index, track) in overview.tracks.iter().enumerate() {
        let column = first_track_column + index as u16;
        sheet.write_string_with_format(header_row, column, &track.name, &styles.header)?;
        sheet.set_column_width(column, TRACK_WIDTH)?;
        header_texts.push((track.name.as_str(), TRACK_WIDTH));
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
        for (index, track) in overview.tracks.iter().enumerate() {
            let text = track.cells[height]
                .iter()
                .map(|entry| {
                    let facts: Vec<&str> = [entry.code.as_deref(), entry.experience.as_deref()]
                        .into_iter()
                        .flatten()
                        .collect();
                    if facts.is_empty() {
                        entry.level.title.clone()
                    } else {
                        format!("{}\n{}", entry.level.title, facts.join(" · "))
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
    sheet.write_string_with_format(note_row, 0, book.text("workbook_note"), &styles.note)?;
    let generated = book.labels.fill(
        "generated",
        &[
            ("tool", &stamp.tool),
            ("source", &view.id),
            ("hash", &stamp.input_hash),
        ],
    );
    sheet.write_string_with_format(note_row + 1, 0, generated, &styles.note)?;
    sheet.set_freeze_panes(header_row + 1, first_track_column)?;
    print_setup(sheet, book, Some(header_row))?;
    sheet.protect();
    Ok(())
}

pub(super) fn matrix_sheet(
    sheet: &mut Worksheet,
    book: &Book,
    track: &TrackView,
    name: &str,
) -> Result<(), XlsxError> {
    let styles = &book.styles;
    sheet.set_name(name)?;
    let mut rows: Vec<(String, Vec<String>)> = Vec::new();
    if track.levels.iter().any(|level| !level.headline.is_empty()) {
        rows.push((
            book.text("headline").to_owned(),
            track
                .levels
                .iter()
                .map(|level| markup::plain(&level.headline))
                .collect(),
        ));
    }
    if track
        .levels
        .iter()
        .any(|level| !level.description.is_empty())
    {
        rows.push((
            book.text("description").to_owned(),
            track
                .levels
                .iter()
                .map(|level| markup::plain_blocks(&level.description))
                .collect(),
        ));
    }
    for area in &track.areas {
        rows.push((
            area.name.clone(),
            track
                .levels
                .iter()
                .map(|level| {
                    let items: Vec<&Item> = level
                        .areas
                        .iter()
                        .filter(|expectations| expectations.id == area.id)
                        .flat_map(|expectations| &expectations.items)
                        .collect();
                    expectation_lines(&items)
                })
                .collect(),
        ));
    }
    let headers: Vec<String> = track
        .levels
        .iter()
        .map(|level| level_header(book, level))
        .collect();

    // Wide enough that no cell is taller than Excel's tallest row, where widening helps; a
    // matrix of headlines and descriptions only is narrower, so that it prints larger.
    let mut width = if track.areas.is_empty() {
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
    let corner = if track.areas.is_empty() {
        ""
    } else {
        book.text("area")
    };
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
        sheet.write_string_with_format(1, 0, book.text("no_expectations"), &styles.muted)?;
    }
    sheet.set_freeze_panes(1, 1)?;
    print_setup(sheet, book, Some(0))?;
    sheet.set_repeat_columns(0, 0)?;
    sheet.protect();
    Ok(())
}

/// Every pair of neighbouring levels, expectation by expectation: new, reworded, no longer
/// listed, as before (the handbook and booklet show only what changed; here managers filter).
pub(super) fn comparison_sheet(sheet: &mut Worksheet, book: &Book) -> Result<(), XlsxError> {
    let styles = &book.styles;
    sheet.set_name(&book.sheets.comparison)?;
    let headers = [
        "track",
        "from",
        "to",
        "area",
        "change",
        "expectation",
        "was_column",
    ]
    .map(|key| book.text(key));
    let widths = [18.0, 22.0, 22.0, 22.0, 14.0, 60.0, 45.0];
    for (column, (header, width)) in headers.iter().zip(widths).enumerate() {
        sheet.write_string_with_format(0, column as u16, *header, &styles.header)?;
        sheet.set_column_width(column as u16, width)?;
    }
    let mut row = 1u32;
    for track in &book.view.tracks {
        for level in &track.levels {
            let Some(changes) = &level.changes else {
                continue;
            };
            for area in &changes.areas {
                let mut lines: Vec<(&str, &String, Option<&String>)> = Vec::new();
                lines.extend(area.added.iter().map(|item| ("change_new", item, None)));
                lines.extend(
                    area.reworded
                        .iter()
                        .map(|(old, new)| ("change_reworded", new, Some(old))),
                );
                lines.extend(
                    area.removed
                        .iter()
                        .map(|item| ("change_removed", item, None)),
                );
                lines.extend(
                    area.unchanged
                        .iter()
                        .map(|item| ("change_unchanged", item, None)),
                );
                for (change, text, was) in lines {
                    let cells = [
                        track.name.clone(),
                        changes.from.title.clone(),
                        level.title.clone(),
                        area.name.clone(),
                        book.text(change).to_owned(),
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
        sheet.write_string_with_format(1, 0, book.text("nothing_to_compare"), &styles.muted)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    print_setup(sheet, book, Some(0))?;
    // Protected against edits, but filtering by track, level or change still works.
    sheet.protect_with_options(&ProtectionOptions {
        use_autofilter: true,
        sort: true,
        ..ProtectionOptions::new()
    });
    Ok(())
}
