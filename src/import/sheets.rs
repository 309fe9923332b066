//! Spreadsheet matrices (`.xlsx`, `.xls`, `.ods` through calamine; `.csv`) as an outline: each
//! sheet's tables under a heading with the sheet's name, so a workbook with a sheet per track
//! reads as tracks, and a sheet's matrix is read by the same table reader as a document's.
//!
//! A sheet may hold title rows above its matrix and several matrices separated by empty rows;
//! merged cells are filled in from their first cell (a group name merged across a row, a level
//! title merged over two columns). Lines of blocks are spreadsheet rows, so that a warning
//! names its place as `Sheet!A7`.

use crate::calibration::contract::LANGUAGE_PROPERTY;
use std::collections::HashMap;
use std::io::Cursor;
use std::path::Path;
use std::time::Duration;

use crate::budget::{Budget, Limits};

use calamine::{Data, Range, Reader};

use super::outline::{Block, Cell};
use crate::diagnostic::Diagnostic;

/// A merged region: first row, first column, last row, last column, 0-based.
type Region = (usize, usize, usize, usize);

/// One sheet as text: its name, its cells (row by row, from `A1`), and its merged regions.
struct Sheet {
    name: String,
    cells: Vec<Vec<String>>,
    merged: Vec<Region>,
}

/// A workbook's outline, and whether this tool wrote it (its matrices then have a level per
/// column, and its cells hold Markdown).
pub struct Workbook {
    /// The outline: a heading per sheet when there are several, then its blocks.
    pub blocks: Vec<Block>,
    /// Whether this tool wrote the workbook.
    pub own: bool,
    /// The language this tool's workbook records, when it is one of ours.
    pub language: Option<String>,
    /// The names of the sheets read, in order.
    pub sheets: Vec<String>,
    /// The title a sheet writes on its first line over its table (a workbook of one sheet).
    pub title: Option<String>,
}

/// The outline of a workbook or CSV file: a heading per sheet (when there are several), then
/// each of its tables, and its lone lines as paragraphs.
pub fn outline(path: &Path, extension: &str, bytes: &[u8]) -> Result<Workbook, Vec<Diagnostic>> {
    // (A `.tsv` file is a CSV file whose separator is a tab: the separator is found from its
    // first line either way.)
    let sheets = if matches!(extension, "csv" | "tsv") {
        vec![csv_sheet(path, bytes)]
    } else {
        read_within_budget(bytes).map_err(|message| {
            vec![Diagnostic::error("bad-spreadsheet", message)
                .in_file(path)
                .with_hint("save it as .xlsx, .ods or .csv and import that")]
        })?
    };
    let own = is_own_workbook(&sheets);
    let language = if own {
        crate::calibration::contract::recorded_property(bytes, LANGUAGE_PROPERTY)
            .filter(|language| !language.trim().is_empty())
    } else {
        None
    };
    // A spreadsheet holds plain text: characters Markdown would read as markup are escaped.
    // (This tool's own workbooks hold their expectations' Markdown.)
    let mut sheets = sheets;
    for sheet in &mut sheets {
        for (row, cells) in sheet.cells.iter_mut().enumerate() {
            for (column, cell) in cells.iter_mut().enumerate() {
                // In this tool's workbooks only the expectations are Markdown; titles and
                // area names (the first row and column) are literal.
                if !own || row == 0 || column == 0 {
                    *cell = super::docx::escape(cell);
                }
            }
        }
    }
    let filled: Vec<&Sheet> = sheets
        .iter()
        .filter(|sheet| {
            sheet
                .cells
                .iter()
                .flatten()
                .any(|cell| !cell.trim().is_empty())
        })
        .filter(|sheet| !own || is_own_track_sheet(sheet))
        .collect();
    let names: Vec<String> = filled.iter().map(|sheet| sheet.name.clone()).collect();
    let mut read: Vec<(String, Vec<Block>)> = filled
        .iter()
        .map(|sheet| (sheet.name.clone(), sheet_blocks(sheet, own)))
        .collect();
    for (name, blocks) in &mut read {
        name_unlabelled_rows(name, blocks);
    }
    // Sheets whose matrices have the same levels are one track, a sheet per area (a workbook
    // with a sheet per competency); a sheet of something else beside them is kept as prose.
    let levels_of = |blocks: &[Block]| -> Option<Vec<String>> {
        blocks.iter().find_map(|block| match block {
            Block::Table { rows, .. } => rows.first().map(|header| {
                header
                    .iter()
                    .map(|cell| cell.text.trim().to_owned())
                    .filter(|text| !text.is_empty())
                    .collect()
            }),
            _ => None,
        })
    };
    // (Not in this tool's own workbooks: their sheets are its tracks, never a sheet per level
    // or per area, and two tracks' levels may share their titles.)
    let shared = read
        .iter()
        .filter(|_| !own)
        .filter_map(|(_, blocks)| levels_of(blocks))
        .find(|levels| {
            read.iter()
                .filter(|(_, blocks)| levels_of(blocks).as_ref() == Some(levels))
                .count()
                >= 2
        });
    let mut blocks = Vec::new();
    // A sheet per level ("Junior Engineer", "Engineer", each `Competency | Expectation`): one
    // matrix of the levels side by side, each sheet's column under its name.
    // A sheet of something else beside them is kept as prose, its name before its text.
    // (Its name opens its first text only: "Informacje: " before every line said it again.)
    let as_prose = |name: &str, sheet_blocks: &[Block], blocks: &mut Vec<Block>| {
        for (index, block) in sheet_blocks.iter().enumerate() {
            let text = super::interpret::block_plain(block);
            blocks.push(Block::Paragraph {
                text: if index == 0 {
                    format!("{name}: {text}")
                } else {
                    text
                },
                line: block.line(),
            });
        }
    };
    if let Some((matrix, used)) = shared
        .as_ref()
        .and_then(|header| sheets_as_level_columns(header, &read))
    {
        blocks.push(matrix);
        // The first sheet of prose before them, opening with a title line, titles the ladder
        // ("Ścieżka kariery — Inżynieria danych" on an "Informacje" sheet).
        let mut title = None;
        for (index, (name, sheet_blocks)) in read.iter().enumerate() {
            if used.contains(name) {
                continue;
            }
            let mut sheet_blocks = sheet_blocks.as_slice();
            let before_levels = read[index..].iter().any(|(name, _)| used.contains(name));
            if let (None, true, Some(Block::Paragraph { text, .. })) =
                (&title, before_levels, sheet_blocks.first())
            {
                if is_title_line(text) {
                    title = Some(text.clone());
                    sheet_blocks = &sheet_blocks[1..];
                }
            }
            as_prose(name, sheet_blocks, &mut blocks);
        }
        return Ok(Workbook {
            blocks,
            own,
            language,
            sheets: names,
            title,
        });
    }
    if let Some(levels) = shared {
        for (name, sheet_blocks) in &mut read {
            if levels_of(sheet_blocks).as_ref() != Some(&levels) {
                as_prose(name, sheet_blocks, &mut blocks);
                continue;
            }
            blocks.extend(
                sheet_blocks
                    .iter()
                    .filter(|block| matches!(block, Block::Table { .. }))
                    .cloned(),
            );
        }
        return Ok(Workbook {
            blocks,
            own,
            language,
            sheets: names,
            title: None,
        });
    }
    let several = read.len() > 1;
    for (name, sheet_blocks) in read {
        if several {
            blocks.push(Block::Heading {
                level: 1,
                text: name,
                line: 1,
            });
        }
        blocks.extend(sheet_blocks);
    }
    // One sheet's first line, one short text over its table ("Engineering Competency
    // Matrix"), titles the ladder; lines between it and the table are notes on it.
    let notes = blocks
        .iter()
        .skip(1)
        .take_while(|block| matches!(block, Block::Paragraph { .. }))
        .count();
    let title = match (blocks.first(), blocks.get(1 + notes)) {
        (Some(Block::Paragraph { text, line: 1 }), Some(Block::Table { .. }))
            if !several && !own && is_title_line(text) =>
        {
            Some(text.clone())
        }
        _ => None,
    };
    if title.is_some() {
        blocks.remove(0);
    }
    Ok(Workbook {
        blocks,
        own,
        language,
        sheets: names,
        title,
    })
}

/// The most words of a sheet's title line above its table.
const SHEET_TITLE_WORDS: usize = 8;

/// Whether a sheet's line reads as a title: one cell's text (no ` | ` between cells), a few
/// words, no sentence's or label's end.
fn is_title_line(text: &str) -> bool {
    let text = text.trim();
    !text.is_empty()
        && !text.contains(" | ")
        && text.split_whitespace().count() <= SHEET_TITLE_WORDS
        && !text.ends_with(['.', '。', ':', '：'])
}

/// The sheets that share a two-column header naming no level (`Competency | Expectation`),
/// titled like levels ("Junior Engineer", "Senior Engineer"): a sheet per level. They make
/// one matrix, the levels across in the sheets' order, the rows' labels down in the order
/// they first appear, each cell the text that sheet gives that label (several rows of one
/// label, one line each), and the names of the sheets it took. `None` when the sheets are not
/// so written.
/// A sheet's name, its blocks and its table's rows.
type SheetTable<'a> = (&'a String, &'a [Block], Vec<Vec<Cell>>);

fn sheets_as_level_columns(
    header: &[String],
    read: &[(String, Vec<Block>)],
) -> Option<(Block, Vec<String>)> {
    let [corner, column] = header else {
        return None;
    };
    if super::interpret::level_likeness(column) >= 0.5 {
        return None;
    }
    let table_of = |blocks: &[Block]| -> Option<Vec<Vec<Cell>>> {
        blocks.iter().find_map(|block| match block {
            Block::Table { rows, .. } => Some(rows.clone()),
            _ => None,
        })
    };
    // Each sheet whose table opens with the header: its name, its blocks and its table's rows.
    let sheets: Vec<SheetTable> = read
        .iter()
        .filter_map(|(name, blocks)| {
            let rows = table_of(blocks)?;
            let first: Vec<String> = rows
                .first()?
                .iter()
                .map(|cell| cell.text.trim().to_owned())
                .filter(|text| !text.is_empty())
                .collect();
            (first == header).then_some((name, blocks.as_slice(), rows))
        })
        .collect();
    let like_levels = sheets
        .iter()
        .filter(|(name, _, _)| super::interpret::level_likeness(name) >= 0.5)
        .count();
    if sheets.len() < 2 || like_levels * 2 <= sheets.len() {
        return None;
    }
    // Each label's texts per sheet, labels in the order they first appear: first the lines
    // a sheet writes outside its table (its level's title line, "Opis: …"), each under its
    // own label or as the level's summary, so that none is lost; then the table's rows.
    let mut labels: Vec<String> = Vec::new();
    let mut texts: Vec<HashMap<String, Vec<String>>> = Vec::new();
    let mut add = |own: &mut HashMap<String, Vec<String>>, label: String, text: String| {
        if !labels.contains(&label) {
            labels.push(label.clone());
        }
        if !text.is_empty() {
            own.entry(label).or_default().push(text);
        }
    };
    for (_, blocks, rows) in &sheets {
        let mut own: HashMap<String, Vec<String>> = HashMap::new();
        for block in blocks.iter() {
            if matches!(block, Block::Table { .. }) {
                continue;
            }
            let text = super::interpret::block_plain(block);
            let (label, text) = match text.split_once([':', '：']) {
                Some((label, rest))
                    if super::interpret::names_level_summary(label) && !rest.trim().is_empty() =>
                {
                    (label.trim().to_owned(), rest.trim().to_owned())
                }
                _ => (String::from(SHEET_NOTE_LABEL), text.trim().to_owned()),
            };
            if !text.is_empty() {
                add(&mut own, label, text);
            }
        }
        for row in rows.iter().skip(1) {
            let text_at = |column: usize| {
                row.get(column)
                    .map(|cell| cell.text.trim().to_owned())
                    .unwrap_or_default()
            };
            let (label, text) = (text_at(0), text_at(1));
            if !(label.is_empty() && text.is_empty()) {
                add(&mut own, label, text);
            }
        }
        texts.push(own);
    }
    let cell = |text: String, header: bool| Cell {
        text,
        header,
        ..Cell::default()
    };
    let mut rows = vec![std::iter::once(cell(corner.clone(), true))
        .chain(
            sheets
                .iter()
                .map(|(name, _, _)| cell((*name).clone(), true)),
        )
        .collect::<Vec<Cell>>()];
    for label in labels {
        let mut row = vec![cell(label.clone(), false)];
        row.extend(texts.iter().map(|own| {
            cell(
                own.get(&label)
                    .map(|lines| lines.join("\n"))
                    .unwrap_or_default(),
                false,
            )
        }));
        rows.push(row);
    }
    let used = sheets.iter().map(|(name, _, _)| (*name).clone()).collect();
    Some((Block::Table { rows, line: 1 }, used))
}

/// The label under which a sheet's line outside its table that names no label of its own (a
/// level's title line over a sheet per level) joins the level: read as its summary.
const SHEET_NOTE_LABEL: &str = "Summary";

/// What reading one workbook may take. calamine holds a sheet as a dense range from its first
/// to its last cell, so a 6 KB `.xls` with a cell at `IV65536` costs a gigabyte; `.xlsx` and
/// `.ods` are checked before they are read ([`crate::package`]), but `.xls` (a compound file
/// of binary records) is not, so every workbook is read within these limits, far above what
/// an 8 MiB workbook of real text needs.
const WORKBOOK_READ_LIMITS: Limits = Limits {
    time: Duration::from_secs(60),
    memory: 512 << 20,
};

/// [`workbook_sheets`] on a thread of its own, stopped at [`WORKBOOK_READ_LIMITS`].
fn read_within_budget(bytes: &[u8]) -> Result<Vec<Sheet>, String> {
    let owned = bytes.to_vec();
    Budget::new(WORKBOOK_READ_LIMITS)
        .run(READER_STACK_BYTES, move || workbook_sheets(&owned))
        .map_err(|overrun| {
            format!(
                "reading it was {overrun}; a sheet whose cells lie far apart (a cell at its \
                 far corner) needs that much"
            )
        })?
}

/// calamine's readers recurse little; a worker thread's usual stack is plenty.
const READER_STACK_BYTES: usize = 8 << 20;

fn workbook_sheets(bytes: &[u8]) -> Result<Vec<Sheet>, String> {
    // `.xls` is no zip package; `.xlsx` and `.ods` are checked before calamine holds them.
    if bytes.starts_with(b"PK") {
        crate::package::check(bytes)
            .map_err(|refused| format!("{} ({})", refused.message, refused.hint))?;
    }
    let mut workbook = calamine::open_workbook_auto_from_rs(Cursor::new(bytes))
        .map_err(|error| format!("this is not a workbook calamine can read: {error}"))?;
    let names = workbook.sheet_names().to_vec();
    let regions_of = |dimensions: Vec<calamine::Dimensions>| -> Vec<Region> {
        dimensions
            .into_iter()
            .map(|dimensions| {
                (
                    dimensions.start.0 as usize,
                    dimensions.start.1 as usize,
                    dimensions.end.0 as usize,
                    dimensions.end.1 as usize,
                )
            })
            .collect()
    };
    let mut merges: Vec<(String, Vec<Region>)> = Vec::new();
    match &mut workbook {
        calamine::Sheets::Xlsx(xlsx) => {
            for name in &names {
                if let Ok(regions) = xlsx.merge_cells_by_sheet_name(name) {
                    merges.push((name.clone(), regions_of(regions)));
                }
            }
        }
        calamine::Sheets::Xls(xls) => {
            for name in &names {
                if let Ok(regions) = xls.merge_cells_by_sheet_name(name) {
                    merges.push((name.clone(), regions_of(regions)));
                }
            }
        }
        calamine::Sheets::Ods(_) => merges = ods_merged_regions(bytes),
        _ => {}
    }
    let mut sheets = Vec::new();
    for name in names {
        let Ok(range) = workbook.worksheet_range(&name) else {
            continue;
        };
        let merged = merges
            .iter()
            .find(|(sheet, _)| *sheet == name)
            .map(|(_, regions)| regions.clone())
            .unwrap_or_default();
        sheets.push(Sheet {
            cells: range_cells(&range),
            name,
            merged,
        });
    }
    Ok(sheets)
}

/// The most rows and columns a sheet has (LibreOffice's and Excel's limits): a span written
/// past them is cut there.
const MAX_SHEET_ROWS: usize = 1 << 20;
const MAX_SHEET_COLUMNS: usize = 1 << 14;

/// The merged regions of each sheet of an OpenDocument workbook (`content.xml`): a cell's
/// `table:number-columns-spanned` and `table:number-rows-spanned`, placed by counting cells and
/// rows with their `…-repeated` counts (which calamine does not report). One pass over the
/// XML; a damaged part gives no regions, and the sheet reads as if nothing were merged.
fn ods_merged_regions(bytes: &[u8]) -> Vec<(String, Vec<Region>)> {
    use quick_xml::events::{BytesStart, Event};
    use std::io::Read;
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Vec::new();
    };
    let mut xml = Vec::new();
    // (The package's size was checked before calamine opened it.)
    let read = archive
        .by_name("content.xml")
        .map(|mut member| member.read_to_end(&mut xml));
    if !matches!(read, Ok(Ok(_))) {
        return Vec::new();
    }
    let attribute = |element: &BytesStart, name: &str| -> Option<usize> {
        element
            .attributes()
            .flatten()
            .find(|attribute| attribute.key.local_name().as_ref() == name)
            .and_then(|attribute| attribute.value.trim().parse().ok())
    };
    let mut reader = quick_xml::Reader::from_reader(xml.as_slice());
    let mut buffer = Vec::new();
    let mut sheets: Vec<(String, Vec<Region>)> = Vec::new();
    // Tables inside cells (depth > 1) are not the sheet's.
    let mut depth = 0usize;
    let (mut row, mut column, mut rows_repeated) = (0usize, 0usize, 1usize);
    loop {
        let event = match reader.read_event_into(&mut buffer) {
            Ok(Event::Eof) | Err(_) => break,
            Ok(event) => event,
        };
        let (element, closed) = match &event {
            Event::Start(element) => (Some(element), false),
            Event::Empty(element) => (Some(element), true),
            Event::End(end) => {
                match end.local_name().as_ref() {
                    "table" => depth = depth.saturating_sub(1),
                    "table-row" if depth == 1 => row = row.saturating_add(rows_repeated),
                    _ => {}
                }
                buffer.clear();
                continue;
            }
            _ => (None, false),
        };
        if let Some(element) = element {
            match element.local_name().as_ref() {
                "table" if !closed => {
                    depth += 1;
                    if depth == 1 {
                        let name = element
                            .attributes()
                            .flatten()
                            .find(|attribute| attribute.key.local_name().as_ref() == "name")
                            .map(|attribute| attribute.value.into_owned())
                            .unwrap_or_default();
                        sheets.push((name, Vec::new()));
                        row = 0;
                    }
                }
                "table-row" if depth == 1 => {
                    column = 0;
                    rows_repeated = attribute(element, "number-rows-repeated")
                        .unwrap_or(1)
                        .max(1);
                    if closed {
                        row = row.saturating_add(rows_repeated);
                    }
                }
                name @ ("table-cell" | "covered-table-cell") if depth == 1 => {
                    let across = attribute(element, "number-columns-spanned")
                        .unwrap_or(1)
                        .max(1);
                    let down = attribute(element, "number-rows-spanned")
                        .unwrap_or(1)
                        .max(1);
                    if name == "table-cell" && (across > 1 || down > 1) {
                        if let Some((_, regions)) = sheets.last_mut() {
                            regions.push((
                                row,
                                column,
                                row.saturating_add(down - 1).min(MAX_SHEET_ROWS),
                                column.saturating_add(across - 1).min(MAX_SHEET_COLUMNS),
                            ));
                        }
                    }
                    let repeated = attribute(element, "number-columns-repeated")
                        .unwrap_or(1)
                        .max(1);
                    column = column.saturating_add(repeated);
                }
                _ => {}
            }
        }
        buffer.clear();
    }
    sheets
}

/// A range's cells as text, placed from `A1` whatever the range's first used cell.
fn range_cells(range: &Range<Data>) -> Vec<Vec<String>> {
    let Some((first_row, first_column)) = range.start() else {
        return Vec::new();
    };
    let (first_row, first_column) = (first_row as usize, first_column as usize);
    // A sheet may claim a used range far larger than what it holds: read only what it holds.
    let mut cells: Vec<Vec<String>> = Vec::new();
    for (row_index, row) in range.rows().enumerate() {
        let mut out: Vec<String> = vec![String::new(); first_column];
        out.extend(row.iter().map(cell_text));
        while out.last().is_some_and(|cell| cell.trim().is_empty()) {
            out.pop();
        }
        let at = first_row + row_index;
        if !out.is_empty() {
            if cells.len() <= at {
                cells.resize(at + 1, Vec::new());
            }
            cells[at] = out;
        }
        if at > 100_000 {
            break;
        }
    }
    cells
}

fn cell_text(data: &Data) -> String {
    match data {
        Data::Empty | Data::Error(_) => String::new(),
        Data::String(text) | Data::DateTimeIso(text) | Data::DurationIso(text) => text.clone(),
        Data::Float(number) if number.fract() == 0.0 && number.abs() < 1e15 => {
            format!("{}", *number as i64)
        }
        other => other.to_string(),
    }
}

fn csv_sheet(path: &Path, bytes: &[u8]) -> Sheet {
    let text = decode(bytes);
    let (records, _) = crate::people::csv_records_with(&text, separator(&text));
    let name = super::document_name(path);
    Sheet {
        name,
        cells: records
            .into_iter()
            .map(|record| record.fields.into_iter().map(|field| field.text).collect())
            .collect(),
        merged: Vec::new(),
    }
}

/// A CSV file's text: UTF-8 (with or without a byte order mark), UTF-16 with its mark, or
/// else in the code page its bytes show (Excel saves "CSV" in the system's: Windows-1252 in
/// Western Europe, Shift_JIS in Japan; see [`crate::source::decode_text`]).
fn decode(bytes: &[u8]) -> String {
    crate::source::decode_text(bytes, || None)
}

/// The separator of a CSV file: a comma, or the semicolon or tab its first line has more of.
fn separator(text: &str) -> char {
    let first = text.lines().next().unwrap_or("");
    let mut counts = [(',', 0usize), (';', 0), ('\t', 0)];
    let mut quoted = false;
    for c in first.chars() {
        if c == '"' {
            quoted = !quoted;
        } else if !quoted {
            for (separator, count) in &mut counts {
                if c == *separator {
                    *count += 1;
                }
            }
        }
    }
    counts
        .iter()
        .max_by_key(|(separator, count)| (*count, *separator == ','))
        .map_or(',', |(separator, _)| *separator)
}

/// A workbook this tool wrote: its sheets of lists and calibration are the tool's, not the
/// ladder's; only its track sheets are read.
fn is_own_workbook(sheets: &[Sheet]) -> bool {
    crate::labels::built_in_labels().iter().any(|labels| {
        let has = |key: &str| sheets.iter().any(|sheet| sheet.name == labels.text(key));
        has("sheet_lists") && has("sheet_calibration")
    })
}

fn is_own_track_sheet(sheet: &Sheet) -> bool {
    sheet.name != crate::calibration::contract::CONTRACT_SHEET
        && !crate::labels::built_in_labels().iter().any(|labels| {
            crate::calibration::contract::TOOL_SHEET_KEYS
                .iter()
                .any(|key| sheet.name == labels.text(key))
        })
}

/// A sheet's blocks: runs of rows with two or more filled cells are tables; a row with one
/// filled cell outside a table is a paragraph (a title, a note).
/// `own`: the sheet is this tool's, whose first row is always the header of its matrix.
fn sheet_blocks(sheet: &Sheet, own: bool) -> Vec<Block> {
    let mut cells = sheet.cells.clone();
    let width = cells.iter().map(Vec::len).max().unwrap_or(0);
    for row in &mut cells {
        row.resize(width, String::new());
    }
    // Which cells are copies of a merged region's first cell.
    let mut copies: Vec<Vec<bool>> = vec![vec![false; width]; cells.len()];
    for &(top, left, bottom, right) in &sheet.merged {
        let Some(value) = cells.get(top).and_then(|row| row.get(left)).cloned() else {
            continue;
        };
        for (row_index, row) in cells.iter_mut().enumerate().take(bottom + 1).skip(top) {
            for (column, cell) in row.iter_mut().enumerate().take(right + 1).skip(left) {
                if cell.is_empty() {
                    cell.clone_from(&value);
                    copies[row_index][column] = true;
                }
            }
        }
    }
    let filled = |row: &Vec<String>| row.iter().filter(|cell| !cell.trim().is_empty()).count();
    let mut out = Vec::new();
    // Whether the last table already took rows from beyond an empty row.
    let mut continued = false;
    let mut index = 0;
    while index < cells.len() {
        if filled(&cells[index]) == 0 {
            index += 1;
            continue;
        }
        // A run of filled rows: its one-cell rows before the first wider row are titles or
        // notes; from that row on it is a table (one-cell rows inside it name groups).
        let start = index;
        while index < cells.len() && filled(&cells[index]) > 0 {
            index += 1;
        }
        // (A title merged across the columns is one text: its copies do not make it wide.)
        let own_filled = |row: usize| {
            cells[row]
                .iter()
                .zip(&copies[row])
                .filter(|(cell, &copy)| !copy && !cell.trim().is_empty())
                .count()
        };
        let first_wide = if own && start == 0 {
            0
        } else {
            (start..index)
                .find(|&row| own_filled(row) >= 2)
                .unwrap_or(index)
        };
        // A licence line or a link above the row that names the levels (`E1` … `E6`) is the
        // sheet's preamble, not the table's header.
        // A lone row of a few texts (a licence line beside its link) is a note, not a table.
        // (A row's own texts: a label merged down the header rows, "Theme" over three
        // rows, is written once, in its first row.)
        let names_levels_itself = |row: usize| {
            let own_texts: Vec<String> = cells[row]
                .iter()
                .zip(&copies[row])
                .map(|(text, &copy)| if copy { String::new() } else { text.clone() })
                .collect();
            names_levels(&own_texts)
        };
        // (A row that fills most columns under a table, an empty row between them, is the
        // table's next row: `E0 …`, a gap, `E1 …`.)
        let continues_table = matches!(out.last(), Some(Block::Table { .. }))
            && filled(&cells[first_wide.min(cells.len() - 1)]) * 2 > width;
        let lone_note =
            !own && first_wide + 1 == index && !names_levels_itself(first_wide) && !continues_table;
        let table_start = if own
            || first_wide < index
                && (names_fields(&cells[first_wide]) || names_a_levels_column(&cells[first_wide]))
        {
            first_wide
        } else if lone_note {
            index
        } else {
            // (A row of the levels' codes over the row of their titles is the header: the
            // titles' row, "Title", is labelled in a column of its own.)
            let codes_over = |row: usize| {
                let titled: Vec<usize> = (0..width)
                    .filter(|&column| super::interpret::level_likeness(&cells[row][column]) >= 0.5)
                    .collect();
                titled.len() >= 2
                    && titled.iter().all(|&column| {
                        super::interpret::is_rung_code(cells[first_wide][column].trim())
                    })
            };
            (first_wide..index.min(first_wide + MAX_PREAMBLE_ROWS))
                .find(|&row| names_levels_itself(row))
                .filter(|&row| {
                    row > first_wide && !names_levels_itself(first_wide) && !codes_over(row)
                })
                // (A row naming groups of the level columns, "Individual Contributor" merged
                // over three of them, is the header's upper row: a track per group.)
                .map(|row| {
                    if names_groups_of(&cells[row - 1], &copies[row - 1], &cells[row]) {
                        row - 1
                    } else {
                        row
                    }
                })
                .unwrap_or(first_wide)
        };
        for (row_index, line) in (start..table_start).zip(start + 1..) {
            // Each text of the row once (a merged region's copies are the same text).
            let mut texts: Vec<&str> = Vec::new();
            for (cell, &copy) in cells[row_index].iter().zip(&copies[row_index]) {
                let cell = cell.trim();
                if !cell.is_empty() && !copy && !texts.contains(&cell) {
                    texts.push(cell);
                }
            }
            out.push(Block::Paragraph {
                text: texts.join(" | "),
                line,
            });
        }
        if table_start == index {
            continue;
        }
        // A row of level titles: most of its filled cells look like titles (a row of
        // expectations with a score beside each does not).
        let filled_cells: Vec<&String> = cells[table_start]
            .iter()
            .filter(|cell| !cell.trim().is_empty())
            .collect();
        let titles = filled_cells
            .iter()
            .filter(|cell| super::interpret::level_likeness(cell) >= 0.5)
            .count();
        let header_looks_like_levels = titles * 2 > filled_cells.len();
        // Over the label columns, a header merged across them ("Guidelines & FAQ" over key
        // area, attribute and theme) heads the first only: the others are labels too, not
        // levels.
        if names_levels(&cells[table_start]) {
            for column in 0..width {
                let text = &cells[table_start][column];
                if copies[table_start][column] && super::interpret::level_likeness(text) < 0.5 {
                    cells[table_start][column].clear();
                }
            }
        }
        let rows: Vec<Vec<Cell>> = (table_start..index)
            .map(|row| {
                cells[row]
                    .iter()
                    .zip(&copies[row])
                    .map(|(text, &spanned)| Cell {
                        text: text.trim().to_owned(),
                        blocks: Vec::new(),
                        header: row == table_start,
                        spanned,
                    })
                    .collect()
            })
            .collect();
        // Rows after an empty row under a wide table that each fill a label and one text at
        // most ("Huom. | Taso I on …", "Notes | Roles are cumulative") are notes on it, not
        // more of its rows: where the table's rows fill three cells or more, they are prose.
        let notes_on_table = match out.last() {
            Some(Block::Table { rows: above, .. }) => {
                let wide_rows = above
                    .iter()
                    .skip(1)
                    .filter(|row| row.iter().filter(|cell| !cell.text.is_empty()).count() >= 3)
                    .count();
                width >= 4
                    && wide_rows * 2 >= above.len().saturating_sub(1)
                    && wide_rows >= 2
                    && (table_start..index).all(|row| {
                        cells[row]
                            .iter()
                            .zip(&copies[row])
                            .filter(|(cell, &copy)| !copy && !cell.trim().is_empty())
                            .count()
                            <= 2
                            && cells[row]
                                .iter()
                                .zip(&copies[row])
                                .skip(2)
                                .all(|(cell, &copy)| copy || cell.trim().is_empty())
                    })
            }
            _ => false,
        };
        if notes_on_table {
            for (row, line) in (table_start..index).zip(table_start + 1..) {
                let texts: Vec<&str> = cells[row]
                    .iter()
                    .zip(&copies[row])
                    .filter(|(_, &copy)| !copy)
                    .map(|(cell, _)| cell.trim())
                    .filter(|cell| !cell.is_empty())
                    .collect();
                let text = match texts.as_slice() {
                    [label, note] if !label.ends_with([':', '.', '：', '。']) => {
                        format!("{label}: {note}")
                    }
                    _ => texts.join(" "),
                };
                out.push(Block::Paragraph { text, line });
            }
            continue;
        }
        // Rows after an empty row that do not start with a header of their own go on with
        // the table above; the rows between its header and the gap describe its levels.
        if let (false, Some(Block::Table { rows: above, .. })) =
            (header_looks_like_levels, out.last_mut())
        {
            if !continued && above.len() > 1 && above.iter().skip(1).all(|row| first_blank(row)) {
                let described: Vec<Vec<Cell>> = above.drain(1..).collect();
                for row in described {
                    let text = row
                        .iter()
                        .map(|cell| cell.text.clone())
                        .filter(|text| !text.is_empty())
                        .collect::<Vec<_>>()
                        .join(" | ");
                    out.insert(
                        out.len() - 1,
                        Block::Paragraph {
                            text,
                            line: table_start,
                        },
                    );
                }
            }
            if let Some(Block::Table { rows: above, .. }) = out.last_mut() {
                above.extend(rows.into_iter().map(|row| {
                    row.into_iter()
                        .map(|cell| Cell {
                            header: false,
                            ..cell
                        })
                        .collect()
                }));
            }
            continued = true;
            continue;
        }
        continued = false;
        out.push(Block::Table {
            rows,
            line: table_start + 1,
        });
    }
    out
}

/// The most words of a column's name in a header of fields (`Track | Level | Title | Scope`).
const FIELD_NAME_WORDS: usize = 4;

/// Whether a row is a header naming its columns, one of them the levels' (`Track | Level |
/// Title | Scope | Technical skills`): three names or more, each short, one a word for the
/// rungs ("Level", "Grade", "Stufe", "レベル"). Such a row heads a table of a level per row,
/// never a preamble above the first row that reads as levels.
fn names_a_levels_column(row: &[String]) -> bool {
    let filled: Vec<String> = row
        .iter()
        .map(|cell| cell.trim().replace('\\', "").to_lowercase())
        .filter(|cell| !cell.is_empty())
        .collect();
    filled.len() >= 3
        && filled
            .iter()
            .all(|cell| cell.split_whitespace().count() <= FIELD_NAME_WORDS)
        && filled.iter().any(|cell| {
            super::interpret::is_rung_word(cell)
                || super::interpret::is_rung_word(cell.trim_end_matches('s'))
        })
}

/// Whether a row above a row of levels names groups of its columns: two texts of its own or
/// more, all different, each over a level's column (none over the labels' first column).
fn names_groups_of(row: &[String], copies: &[bool], levels: &[String]) -> bool {
    // (A label in the corner, "Area" over the blank corner of the levels' row, names the
    // label column, not a group.)
    // (Or merged down over it.)
    let corner_over_blank = levels.first().is_none_or(|text| {
        text.trim().is_empty() || Some(text.trim()) == row.first().map(|first| first.trim())
    });
    let own: Vec<(usize, &str)> = row
        .iter()
        .zip(copies)
        .enumerate()
        .filter(|(column, _)| *column > 0 || !corner_over_blank)
        .filter(|(_, (text, &copy))| !copy && !text.trim().is_empty())
        .map(|(column, (text, _))| (column, text.trim()))
        .collect();
    let distinct: std::collections::HashSet<&str> = own.iter().map(|(_, text)| *text).collect();
    own.len() >= 2
        && distinct.len() == own.len()
        && own.iter().all(|&(column, _)| {
            column > 0
                && levels
                    .get(column)
                    .is_some_and(|text| !text.trim().is_empty())
        })
}

/// Whether a row names a data export's fields (`name,description,level,short_description`):
/// every filled cell one identifier of lowercase letters, digits and underscores, two or more.
/// Such a row is the table's header, never a preamble above it.
fn names_fields(row: &[String]) -> bool {
    // (Cells are escaped for Markdown by now: `short\_description`.)
    let filled: Vec<String> = row
        .iter()
        .map(|cell| cell.trim().replace('\\', ""))
        .filter(|cell| !cell.is_empty())
        .collect();
    filled.len() >= 2
        && filled.iter().all(|cell| {
            cell.len() <= 40
                && cell.starts_with(|c: char| c.is_ascii_lowercase())
                && cell
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        })
}

/// How many rows above the row that names the levels may be a sheet's preamble.
const MAX_PREAMBLE_ROWS: usize = 6;

/// Whether a row names levels: three texts or more, most of its texts, look like level titles
/// or codes.
fn names_levels(row: &[String]) -> bool {
    // (A merged region's copies are one text.)
    let mut filled: Vec<&String> = row.iter().filter(|cell| !cell.trim().is_empty()).collect();
    filled.sort();
    filled.dedup();
    let titles = filled
        .iter()
        .filter(|cell| super::interpret::level_likeness(cell) >= 0.5)
        .count();
    titles >= 3 && titles * 2 > filled.len()
}

/// A matrix whose rows have no labels (each sheet one competency, its expectations a row
/// each): the rows' area is the sheet's title (its first lone line) or its name.
fn name_unlabelled_rows(name: &str, blocks: &mut [Block]) {
    let area = blocks
        .iter()
        .find_map(|block| match block {
            Block::Paragraph { text, .. } => Some(text.clone()),
            _ => None,
        })
        .unwrap_or_else(|| name.to_owned());
    for block in blocks.iter_mut() {
        if let Block::Table { rows, .. } = block {
            // A header of level titles from its first cell on (scores between them aside):
            // the matrix has no label column; it gets one, blank, to be named below.
            let titles: Vec<&Cell> = rows
                .first()
                .map(|header| {
                    header
                        .iter()
                        .filter(|cell| !cell.text.trim().is_empty())
                        .filter(|cell| cell.text.trim().parse::<f64>().is_err())
                        .collect()
                })
                .unwrap_or_default();
            let no_label_column = titles.len() >= 2
                && rows[0]
                    .first()
                    .is_some_and(|cell| !cell.text.trim().is_empty())
                && titles
                    .iter()
                    .all(|cell| super::interpret::level_likeness(&cell.text) >= 0.5);
            if no_label_column {
                for row in rows.iter_mut() {
                    row.insert(0, Cell::default());
                }
                if let Some(header) = rows.first_mut() {
                    header[0].header = true;
                }
            }
            let unlabelled = rows.len() > 1 && rows.iter().skip(1).all(|row| first_blank(row));
            if unlabelled {
                for row in rows.iter_mut().skip(1) {
                    if let Some(first) = row.first_mut() {
                        first.text.clone_from(&area);
                    }
                }
            }
        }
    }
}

fn first_blank(row: &[Cell]) -> bool {
    row.first().is_none_or(|cell| cell.text.trim().is_empty())
}
