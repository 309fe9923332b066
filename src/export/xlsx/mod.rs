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
//! - `List_1`, `List_2`, …: each track's level titles, lowest first (a level's rank is its
//!   position here);
//! - `AllLevels`: every level title, the dropdown of a row whose track is not chosen yet.

use std::path::PathBuf;

use anyhow::Context as _;
use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

use crate::audience::Audience;
use crate::calibration::contract::CONTRACT_SHEET;
use crate::export::{ArtifactSpec, Exporter, Input, OutputFile, Stamp};
use crate::labels::Labels;
use crate::markup;
use crate::model::Ladder;
use crate::roster::Roster;
use crate::view::{plain_sentence, Item, LadderView, LevelView};
use unicode_width::UnicodeWidthStr;

mod calibration;
mod print;
mod sheets;
mod summary;

pub use crate::calibration::contract::level_labels;

/// The workbook exporter: one workbook per ladder, its calibration sheet filled from a roster
/// when the build has one.
pub struct WorkbookExporter {
    roster: Option<Roster>,
    /// The roster's parts by a column's value (`--split-by manager`).
    parts: Option<Parts>,
    audience: Audience,
}

/// The parts of a split roster: the folder they go to (`by-manager`), and per part its file
/// name, the column's value and its people.
type Parts = (String, Vec<(String, String, Roster)>);

/// The artifact of a part's workbook: `<folder>/<file>.xlsx`.
const PART_PREFIX: &str = "part/";

impl WorkbookExporter {
    /// The exporter, with the people to fill calibration sheets with, for internal readers.
    pub fn new(roster: Option<Roster>) -> Self {
        WorkbookExporter {
            roster,
            parts: None,
            audience: Audience::Internal,
        }
    }

    /// Besides the whole workbook, one per value of the roster's `column`, with only the
    /// people of that value (a workbook per manager). An error when there is no roster or
    /// it has no such column.
    pub fn split_by(mut self, column: Option<&str>) -> anyhow::Result<Self> {
        let Some(column) = column else {
            return Ok(self);
        };
        let roster = self
            .roster
            .as_ref()
            .context("--split-by splits a roster: give one with --roster people.csv")?;
        let groups = roster.split_by(column).map_err(|problem| {
            anyhow::anyhow!(
                "{}: {}; {}",
                roster.path.display(),
                problem.message,
                problem.hint.unwrap_or_default()
            )
        })?;
        let mut names = crate::people::FileNames::default();
        let parts = groups
            .into_iter()
            .map(|(value, part)| {
                let file = names.take(&value, || String::from("unassigned"));
                (file, value, part)
            })
            .collect();
        self.parts = Some((format!("by-{}", crate::people::column_key(column)), parts));
        Ok(self)
    }

    /// The same exporter, for another audience.
    pub fn for_audience(mut self, audience: Audience) -> Self {
        self.audience = audience;
        self
    }
}

impl Exporter for WorkbookExporter {
    fn name(&self) -> &'static str {
        "xlsx"
    }

    fn audience(&self) -> Audience {
        self.audience
    }

    fn artifacts(&self, ladder: &Ladder) -> Vec<ArtifactSpec> {
        let mut artifacts = vec![ArtifactSpec::new("workbook")];
        if let Some((folder, parts)) = &self.parts {
            for (file, _, part) in parts {
                // Only the parts with people of this ladder.
                if part.people_of(ladder).next().is_some() {
                    artifacts.push(
                        ArtifactSpec::new(format!("{PART_PREFIX}{folder}/{file}"))
                            .in_folder(folder),
                    );
                }
            }
        }
        artifacts
    }

    fn fingerprint(&self, artifact: &ArtifactSpec) -> String {
        self.roster_of(artifact)
            .map(|(roster, _)| roster.fingerprint().to_string())
            .unwrap_or_default()
    }

    fn make(
        &self,
        input: Input,
        artifact: &ArtifactSpec,
        stamp: &Stamp,
    ) -> anyhow::Result<Vec<OutputFile>> {
        let (roster, file) = match self.roster_of(artifact) {
            Some((roster, Some(file))) => (Some(roster), format!("{file}.xlsx")),
            Some((roster, None)) => (Some(roster), format!("{}.xlsx", input.ladder.id)),
            None => (None, format!("{}.xlsx", input.ladder.id)),
        };
        let options = WorkbookOptions {
            roster,
            filled: None,
            stamp,
        };
        Ok(vec![OutputFile {
            path: PathBuf::from(file),
            bytes: workbook(input, &options)?,
        }])
    }
}

impl WorkbookExporter {
    /// The roster an artifact's workbook is filled from, and for a part its file name.
    fn roster_of(&self, artifact: &ArtifactSpec) -> Option<(&Roster, Option<&str>)> {
        let Some(name) = artifact.name.strip_prefix(PART_PREFIX) else {
            return self.roster.as_ref().map(|roster| (roster, None));
        };
        let (folder, parts) = self.parts.as_ref()?;
        let file = name.strip_prefix(folder.as_str())?.strip_prefix('/')?;
        parts
            .iter()
            .find(|(known, _, _)| known == file)
            .map(|(file, _, roster)| (roster, Some(file.as_str())))
    }
}

/// What a workbook is made with besides the ladder.
pub struct WorkbookOptions<'a> {
    /// People to fill the calibration sheet with; without one it has empty rows to type into.
    pub roster: Option<&'a Roster>,
    /// What a meeting already decided, per person of the roster in its order (merged
    /// workbooks): their ratings, proposal, decision and notes are written in.
    pub filled: Option<&'a [crate::calibration::Assessment]>,
    /// The tool and input hash the workbook's properties carry.
    pub stamp: &'a Stamp,
}

/// Rows of an empty calibration sheet, ready to type into.
pub const EMPTY_CALIBRATION_ROWS: usize = 30;
/// Empty rows after the people of a roster, for someone the roster forgot.
pub const SPARE_CALIBRATION_ROWS: usize = 20;

/// Column widths, in Excel's units (the width of a `0`).
const LEVEL_COLUMN_WIDTH: f64 = 40.0;
const WIDEST_LEVEL_COLUMN: f64 = 64.0;
const NARROW_LEVEL_COLUMN: f64 = 30.0;
const AREA_COLUMN_WIDTH: f64 = 22.0;
/// Characters of 10 pt prose that fit in one unit of column width, for the widest font the
/// workbook meets: Calibri (Excel's) fits about 1.2, but where Calibri is missing LibreOffice
/// sets the text in Noto Sans or DejaVu Sans, which fit about 1.05; rows fitted to Calibri
/// lost their last line in LibreOffice's print ("multiple teams" of Rent the Runway's
/// ladder). A wide character (CJK) counts as two.
const CHARACTERS_PER_UNIT: f64 = 1.05;
/// The column width a cell's indent (one step, its inner padding) takes from its text: a
/// character's width in Excel, about 10 pt in LibreOffice.
const INDENT_UNITS: f64 = 2.0;
/// Points per line of 10 pt text, padding of a row, and Excel's highest row.
const LINE_HEIGHT: f64 = 12.75;
const ROW_PADDING: f64 = 4.0;
const MAX_ROW_HEIGHT: f64 = 409.0;

const BLUE: &str = "1D4E89";
const RULE: &str = "C8C8C8";

/// The names of the workbook's own sheets, in the ladder's language.
struct SheetNames {
    overview: String,
    comparison: String,
    calibration: String,
    summary: String,
    print: String,
    lists: String,
}

/// What every sheet of one workbook is written with.
struct Book<'a> {
    ladder: &'a Ladder,
    view: &'a LadderView,
    labels: &'a Labels,
    styles: Styles,
    sheets: SheetNames,
}

impl<'a> Book<'a> {
    fn new(input: Input<'a>) -> Self {
        let labels = input.view.labels.as_ref();
        let mut taken: Vec<String> = vec![CONTRACT_SHEET.to_owned()];
        let mut sheet = |key: &str| {
            let name = unique_sheet_name(labels.text(key), key, &taken);
            taken.push(name.to_lowercase());
            name
        };
        let sheets = SheetNames {
            overview: sheet("sheet_overview"),
            comparison: sheet("sheet_comparison"),
            calibration: sheet("sheet_calibration"),
            summary: sheet("sheet_summary"),
            print: sheet("sheet_print"),
            lists: sheet("sheet_lists"),
        };
        Book {
            ladder: input.ladder,
            view: input.view,
            labels,
            styles: Styles::new(crate::labels::is_right_to_left(&input.view.language)),
            sheets,
        }
    }

    fn text(&self, key: &str) -> &'a str {
        self.labels.text(key)
    }
}

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
    /// The styles of a workbook whose text is written left to right, or right to left.
    fn new(right_to_left: bool) -> Self {
        // Indented one step from the side the text starts on, so that it does not touch the
        // cell's border (an indent needs that side's alignment: Excel and LibreOffice ignore
        // it under the general one).
        let base = Format::new()
            .set_font_size(10)
            .set_text_wrap()
            .set_align(if right_to_left {
                FormatAlign::Right
            } else {
                FormatAlign::Left
            })
            .set_indent(1)
            .set_align(FormatAlign::Top);
        let base = if right_to_left {
            base.set_reading_direction(2)
        } else {
            base
        };
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
/// The workbook of a ladder: Overview, a matrix per track, Comparison, the hidden Lists and
/// the Calibration sheet, every label in the ladder's language.
pub fn workbook(input: Input, options: &WorkbookOptions) -> anyhow::Result<Vec<u8>> {
    let mut workbook = Workbook::new();
    let book = Book::new(input);
    properties(&mut workbook, &book, options.stamp)?;
    let sheet_names = matrix_sheet_names(&book);

    sheets::overview_sheet(workbook.add_worksheet(), &book, options.stamp)?;
    for (track, name) in book.view.tracks.iter().zip(&sheet_names) {
        sheets::matrix_sheet(workbook.add_worksheet(), &book, track, name)?;
    }
    sheets::comparison_sheet(workbook.add_worksheet(), &book)?;
    let ratings = calibration::rating_columns(&book);
    let lists = calibration::lists_sheet(workbook.add_worksheet(), &book, &ratings)?;
    for (name, range) in lists.names() {
        workbook.define_name(name, &range)?;
    }
    let layout = calibration::calibration_sheet(
        workbook.add_worksheet(),
        &book,
        options.roster,
        options.filled,
        &ratings,
    )?;
    summary::summary_sheet(workbook.add_worksheet(), &book, &layout)?;
    print::print_sheet(workbook.add_worksheet(), &book, &layout)?;
    calibration::contract_sheet(workbook.add_worksheet(), &layout.contract)?;
    workbook
        .worksheet_from_name(&book.sheets.calibration)?
        .set_active(true);
    Ok(workbook.save_to_buffer()?)
}

fn properties(workbook: &mut Workbook, book: &Book, stamp: &Stamp) -> Result<(), XlsxError> {
    let view = book.view;
    // A fixed creation date (the ladder's, else 2000-01-01) keeps the bytes reproducible.
    let date = view
        .effective_date
        .and_then(|date| ExcelDateTime::from_ymd(date.year, date.month, date.day).ok())
        .unwrap_or(ExcelDateTime::from_ymd(2000, 1, 1)?);
    let mut comment = format!(
        "Generated by {} from input {}",
        stamp.tool, stamp.input_hash
    );
    if let Some(version) = &view.version {
        comment = format!("Version {version}. {comment}");
    }
    let mut properties = DocProperties::new()
        .set_title(&view.title)
        .set_subject(book.text("workbook_subject"))
        .set_keywords(view.keywords.join(", "))
        .set_comment(comment)
        .set_creation_datetime(&date)
        .set_custom_property("Input hash", &stamp.input_hash)
        .set_custom_property("Generator", &stamp.tool)
        .set_custom_property(crate::calibration::contract::LADDER_ID_PROPERTY, &view.id)
        .set_custom_property(
            crate::calibration::contract::FINGERPRINT_PROPERTY,
            crate::calibration::ladder_fingerprint(book.ladder).as_str(),
        )
        .set_custom_property(
            crate::calibration::contract::LANGUAGE_PROPERTY,
            &view.language,
        );
    if let Some(organization) = &view.organization {
        properties = properties.set_company(organization);
    }
    if !view.authors.is_empty() {
        properties = properties.set_author(view.authors.join(", "));
    }
    if let Some(version) = &view.version {
        properties = properties.set_custom_property("Ladder version", version);
    }
    if let Some(date) = &view.effective_date {
        properties = properties.set_custom_property("Effective date", date.to_string().as_str());
    }
    workbook.set_properties(&properties);
    Ok(())
}

/// A valid sheet name from `wanted`, unique (ignoring case) among `taken`: Excel allows 31
/// characters and no `[]:*?/\`, no leading or trailing `'`, no name twice, and reserves
/// "History".
fn unique_sheet_name(wanted: &str, fallback: &str, taken: &[String]) -> String {
    let cleaned: String = wanted
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
    let base = if cleaned.is_empty() {
        fallback.to_owned()
    } else {
        cleaned
    };
    let mut name = excel_prefix(&base, 31).trim().to_owned();
    let mut counter = 2;
    while taken.contains(&name.to_lowercase()) || name.eq_ignore_ascii_case("history") {
        let suffix = format!(" ({counter})");
        name = excel_prefix(&base, 31 - suffix.len()).trim_end().to_owned() + &suffix;
        counter += 1;
    }
    name
}

/// The longest prefix of `text` of at most `limit` characters as Excel counts them (UTF-16
/// units: an emoji counts two).
fn excel_prefix(text: &str, limit: usize) -> &str {
    let mut units = 0;
    for (index, c) in text.char_indices() {
        units += c.len_utf16();
        if units > limit {
            return &text[..index];
        }
    }
    text
}

/// A sheet name for each track, unique beside the workbook's own sheets.
fn matrix_sheet_names(book: &Book) -> Vec<String> {
    let sheets = &book.sheets;
    let mut taken: Vec<String> = [
        &sheets.overview,
        &sheets.comparison,
        &sheets.calibration,
        &sheets.summary,
        &sheets.print,
        &sheets.lists,
        CONTRACT_SHEET,
    ]
    .iter()
    .map(|name| name.to_lowercase())
    .collect();
    book.view
        .tracks
        .iter()
        .map(|track| {
            let name = unique_sheet_name(&track.name, &track.id, &taken);
            taken.push(name.to_lowercase());
            name
        })
        .collect()
}

/// `'Sheet name'!` for formulas.
fn sheet_ref(name: &str) -> String {
    format!("'{}'!", name.replace('\'', "''"))
}

pub use crate::calibration::contract::column_letters;

/// What starts an expectation's line in a matrix cell.
const EXPECTATION_BULLET: &str = "• ";
/// What starts the line of an example, under its expectation in the same cell: indented, with
/// a smaller bullet, so that it reads as part of the expectation above (and the importer reads
/// it back so).
const EXAMPLE_BULLET: &str = "    ◦ ";

/// A matrix cell: each expectation on a bulleted line, its examples on indented lines below it.
fn expectation_lines(items: &[&Item]) -> String {
    let mut lines = Vec::new();
    for item in items {
        lines.push(format!(
            "{EXPECTATION_BULLET}{}",
            markup::plain_text(&item.source)
        ));
        for example in &item.examples_source {
            lines.push(format!("{EXAMPLE_BULLET}{}", markup::plain_text(example)));
        }
    }
    lines.join("\n")
}

/// How many lines `text` takes when wrapped at word boundaries in a column `width` units wide.
fn wrapped_lines(text: &str, width: f64) -> usize {
    let capacity = (((width - INDENT_UNITS) * CHARACTERS_PER_UNIT) as usize).max(8);
    text.split('\n')
        .map(|paragraph| {
            let mut lines = 1;
            // An indented line (an example under its expectation) starts further in.
            let mut used = paragraph.len() - paragraph.trim_start().len();
            for word in paragraph.split_whitespace() {
                // A word of only zero-width characters (U+200B is no whitespace to Rust) still
                // stands between its neighbours: count it as one column, never as none.
                let length = word.width().max(1);
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

/// A matrix column's heading: the title, then its facts, its required level, and the level
/// it shares expectations with.
fn level_header(book: &Book, level: &LevelView) -> String {
    let mut lines = vec![level.title.clone()];
    lines.extend(level.fact_line.clone());
    if let Some(required) = &level.requires {
        lines.push(format!(
            "{}: {}",
            book.text("required_title"),
            required.title
        ));
    }
    if let Some(sentence) = &level.shares_sentence {
        lines.push(plain_sentence(sentence));
    }
    for note in &level.notes {
        lines.push(format!("{}: {}", note.label, note.value));
    }
    lines.join("\n")
}

/// Landscape, one page wide, the header row (and first column) repeated on every page, and the
/// ladder's title and page numbers in the header and footer.
fn print_setup(
    sheet: &mut Worksheet,
    book: &Book,
    repeat_rows: Option<u32>,
) -> Result<(), XlsxError> {
    sheet.set_landscape();
    sheet.set_paper_size(9); // A4; Excel scales to Letter where that is the default.
    sheet.set_print_fit_to_pages(1, 0);
    if let Some(last) = repeat_rows {
        sheet.set_repeat_rows(0, last)?;
    }
    let title = book.view.title.replace('&', "&&");
    sheet.set_header(format!("&L&\"-,Bold\"{title}&R&A"));
    let page_of = book
        .labels
        .fill("page_of", &[("page", "&P"), ("pages", "&N")]);
    sheet.set_footer(format!(
        "&C{}",
        page_of
            .replace('&', "&&")
            .replace("&&P", "&P")
            .replace("&&N", "&N")
    ));
    // The header and footer keep their size however much the sheet is scaled to fit the page.
    sheet.set_header_footer_scale_with_doc(false);
    sheet.set_margins(0.4, 0.4, 0.6, 0.6, 0.3, 0.3);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_counts_lines_at_word_boundaries() {
        // 13.5 units, less 2 for the indent, hold 12 characters.
        assert_eq!(wrapped_lines("", 13.5), 1);
        assert_eq!(wrapped_lines("aaaa bbbb cc", 13.5), 1);
        assert_eq!(wrapped_lines("aaaa bbbb ccc", 13.5), 2);
        assert_eq!(wrapped_lines("a\nb\n\nc", 13.5), 4);
        assert_eq!(wrapped_lines(&"x".repeat(25), 13.5), 3);
        // A CJK character takes the room of two.
        assert_eq!(wrapped_lines(&"漢".repeat(6), 13.5), 1);
        // A word with no width (a zero-width space alone) neither panics nor adds a line.
        assert_eq!(wrapped_lines("a \u{200b} b", 13.5), 1);
        assert_eq!(wrapped_lines(&"漢".repeat(7), 13.5), 2);
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
