//! The Summary sheet: the meeting at a glance, computed by formulas from the Calibration sheet
//! so that it follows every rating, proposal and decision as they are typed: people per track
//! and level, how many meet their level, proposed promotions, and the same per team when the
//! roster names teams.

use rust_xlsxwriter::{Chart, ChartType, Formula, Worksheet, XlsxError};

use super::calibration::CalibrationLayout;
use super::{column_letters, print_setup, sheet_ref, Book};
use crate::calibration::contract::level_labels;

/// Rows under the roster's teams for teams named only in the meeting.
pub(super) const SPARE_TEAM_ROWS: u32 = 3;

pub(super) fn summary_sheet(
    sheet: &mut Worksheet,
    book: &Book,
    layout: &CalibrationLayout,
) -> Result<(), XlsxError> {
    let styles = &book.styles;
    sheet.set_name(&book.sheets.summary)?;
    sheet.set_formula_result_default("");
    let calibration = sheet_ref(&book.sheets.calibration);
    let last = layout.last_row + 1;
    // An absolute column range of the calibration table's rows: `'Calibration'!$B$2:$B$31`.
    let range = |column: u16| {
        let letters = column_letters(column);
        format!("{calibration}${letters}$2:${letters}${last}")
    };
    let (names, tracks, levels) = (range(0), range(1), range(2));
    let meets = range(layout.meets);
    let decisions = range(layout.decision);
    let quoted = |text: &str| format!("\"{}\"", text.replace('"', "\"\""));
    let yes = quoted(book.text("yes"));
    let promote = quoted(book.text("decision_promote"));
    // The three counts of a row, of the people `here` selects (an array of 0s and 1s): how
    // many, how many meet their level, how many are proposed for promotion.
    let counts = |sheet: &mut Worksheet, row: u32, here: &str| -> Result<(), XlsxError> {
        for (column, also) in [
            (2, String::new()),
            (3, format!("*({meets}={yes})")),
            (4, format!("*({decisions}={promote})")),
        ] {
            let formula = Formula::new(format!("=SUMPRODUCT({here}{also})"));
            sheet.write_formula_with_format(row, column, formula, &styles.result)?;
        }
        Ok(())
    };

    sheet.write_string_with_format(0, 0, &book.view.title, &styles.title)?;
    let headers =
        ["track", "level", "people", "meet_count", "promotions"].map(|key| book.text(key));
    for (column, header) in headers.iter().enumerate() {
        sheet.write_string_with_format(2, column as u16, *header, &styles.header)?;
    }
    let widths = [24.0, 36.0, 12.0, 16.0, 18.0];
    for (column, width) in widths.iter().enumerate() {
        sheet.set_column_width(column as u16, *width)?;
    }
    let mut row = 3u32;
    for track in &book.ladder.tracks {
        for label in level_labels(track) {
            let n = row + 1;
            sheet.write_string_with_format(row, 0, &track.name, &styles.cell)?;
            sheet.write_string_with_format(row, 1, &label, &styles.cell)?;
            let here = format!("({tracks}=$A{n})*({levels}=$B{n})");
            counts(sheet, row, &here)?;
            row += 1;
        }
    }
    add_distribution_chart(sheet, book, 3, row - 1)?;
    // Everyone named on the sheet, whatever their track.
    let total_row = row;
    sheet.write_string_with_format(row, 0, book.text("total"), &styles.area)?;
    counts(sheet, row, &format!("--({names}<>\"\")"))?;
    row += 2;

    if let Some((team_column, teams)) = &layout.team {
        let team_range = range(*team_column);
        // The counts stand in the same columns as in the table above.
        let headers = [
            (0, "team"),
            (2, "people"),
            (3, "meet_count"),
            (4, "promotions"),
        ];
        sheet.write_blank(row, 1, &styles.header)?;
        for (column, key) in headers {
            sheet.write_string_with_format(row, column, book.text(key), &styles.header)?;
        }
        row += 1;
        let first_team_row = row;
        for team in teams {
            let n = row + 1;
            sheet.write_string_with_format(row, 0, team, &styles.cell)?;
            let here = format!("({names}<>\"\")*({team_range}=$A{n})");
            sheet.write_blank(row, 1, &styles.cell)?;
            counts(sheet, row, &here)?;
            row += 1;
        }
        // Teams named only in the meeting: a spare row takes a team's name (typed here) and
        // counts it; whoever is in no team row is counted in the last row, so the team rows
        // always add up to the total.
        for _ in 0..SPARE_TEAM_ROWS {
            let n = row + 1;
            sheet.write_blank(row, 0, &styles.entry)?;
            sheet.write_blank(row, 1, &styles.cell)?;
            let here = format!("({names}<>\"\")*({team_range}=$A{n})*($A{n}<>\"\")");
            counts(sheet, row, &here)?;
            row += 1;
        }
        sheet.write_string_with_format(row, 0, book.text("other_teams"), &styles.cell)?;
        sheet.write_blank(row, 1, &styles.cell)?;
        for column in 2..=4u16 {
            let letters = column_letters(column);
            let formula = Formula::new(format!(
                "={letters}{total}-SUM({letters}{first}:{letters}{last})",
                total = total_row + 1,
                first = first_team_row + 1,
                last = row,
            ));
            sheet.write_formula_with_format(row, column, formula, &styles.result)?;
        }
    }
    sheet.set_freeze_panes(3, 0)?;
    print_setup(sheet, book, Some(2))?;
    sheet.protect();
    Ok(())
}

/// A native chart of the level rows (`first..=last`): people per level, how many meet it and
/// how many are proposed for promotion, drawn by the spreadsheet from the Summary's formulas,
/// so that it changes as the meeting fills the sheet. Bars run across, so that long level
/// names read; the first level stands on top, as in the table.
fn add_distribution_chart(
    sheet: &mut Worksheet,
    book: &Book,
    first: u32,
    last: u32,
) -> Result<(), XlsxError> {
    if last < first {
        return Ok(());
    }
    let name = book.sheets.summary.as_str();
    let mut chart = Chart::new(ChartType::Bar);
    for column in 2..=4u16 {
        chart
            .add_series()
            .set_name((name, 2, column))
            .set_categories((name, first, 1, last, 1))
            .set_values((name, first, column, last, column))
            .set_gap(60);
    }
    chart.title().set_name(book.text("distribution"));
    // In a bar chart the category axis runs up the side (rust_xlsxwriter's y axis here).
    chart.y_axis().set_reverse();
    chart.x_axis().set_min(0);
    let rows = last - first + 1;
    chart.set_width(560).set_height((120 + rows * 26).min(1600));
    sheet.insert_chart(2, 6, &chart)?;
    Ok(())
}
