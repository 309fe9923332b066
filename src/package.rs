//! Zip packages (`.xlsx`, `.ods`, `.docx`) checked before any reader holds them.
//!
//! A package is small on disk and may stand for gigabytes: a member that inflates 1,000 times,
//! or a sheet whose one cell at `XFD1048576` makes a reader build a dense range of 17 billion
//! cells. The readers we use (calamine, docx-rs) trust the package, so every package goes
//! through [`check`] first: each member is inflated as a stream, counted, its checksum
//! verified, and nothing of it kept; a worksheet's cell references are read on the way. What
//! passes is bounded by the limits below, which no real ladder comes near.

use std::io::{Cursor, Read};

/// The most one member may inflate to.
pub const MAX_MEMBER_BYTES: u64 = 64 * 1024 * 1024;
/// The most all members together may inflate to.
pub const MAX_PACKAGE_BYTES: u64 = 256 * 1024 * 1024;
/// The most members a package may have.
pub const MAX_MEMBERS: usize = 10_000;
/// The most cells the rectangle spanned by a sheet's cells may hold (a reader builds it whole).
pub const MAX_SHEET_CELLS: u64 = 4_000_000;
/// The deepest an XML member's elements may nest (a real sheet or document nests a dozen).
pub const MAX_XML_DEPTH: usize = 256;
/// Excel's own limits: rows and columns of a sheet.
const MAX_ROW: u64 = 1_048_576;
const MAX_COLUMN: u64 = 16_384;

/// Why a package is refused, in words for the user (the caller names the file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    /// What is wrong, naming the member when one is at fault.
    pub message: String,
    /// What to do about it.
    pub hint: String,
}

fn refused(message: String, hint: &str) -> Refused {
    Refused {
        message,
        hint: hint.to_owned(),
    }
}

/// Checks a package's bytes: every member inflates within the limits and to its checksum, and
/// every worksheet's cells span at most [`MAX_SHEET_CELLS`] within Excel's grid.
pub fn check(bytes: &[u8]) -> Result<(), Refused> {
    let damaged = "open it in the program that made it and save it again, then read that";
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|error| refused(format!("this is not a readable package: {error}"), damaged))?;
    if archive.len() > MAX_MEMBERS {
        return Err(refused(
            format!(
                "the package has {} members; the most read is {MAX_MEMBERS}",
                archive.len()
            ),
            damaged,
        ));
    }
    let mut total: u64 = 0;
    let mut buffer = vec![0u8; 64 * 1024];
    for index in 0..archive.len() {
        let mut member = archive
            .by_index(index)
            .map_err(|error| refused(format!("member {index} cannot be read: {error}"), damaged))?;
        let name = member
            .name()
            .map_or_else(|_| format!("member {index}"), |name| name.into_owned());
        let too_large = |limit: u64, what: &str| {
            refused(
                format!(
                    "`{name}` inflates past {} MiB{what}: a decompression bomb, or not a ladder",
                    limit / (1024 * 1024)
                ),
                "a real ladder's package inflates to a few megabytes; save the ladder again from \
                 its program, or export the sheet as .csv",
            )
        };
        if member.size() > MAX_MEMBER_BYTES {
            return Err(too_large(MAX_MEMBER_BYTES, ""));
        }
        let mut xml = is_xml(&name).then(|| XmlScan {
            cells: is_worksheet(&name).then(CellSpan::default),
            ..XmlScan::default()
        });
        let mut inflated: u64 = 0;
        loop {
            let read = member
                .read(&mut buffer)
                .map_err(|error| refused(format!("`{name}` is damaged: {error}"), damaged))?;
            if read == 0 {
                break;
            }
            inflated += read as u64;
            total += read as u64;
            if inflated > MAX_MEMBER_BYTES {
                return Err(too_large(MAX_MEMBER_BYTES, ""));
            }
            if total > MAX_PACKAGE_BYTES {
                return Err(too_large(MAX_PACKAGE_BYTES, " with the members before it"));
            }
            if let Some(xml) = &mut xml {
                xml.scan(&buffer[..read]).map_err(|problem| match problem {
                    XmlProblem::Cells(message) => refused(
                        format!("sheet `{name}`: {message}"),
                        "a ladder's matrix spans a few thousand cells; delete what lies far \
                         outside it (or save the sheet as .csv) and read that",
                    ),
                    XmlProblem::Shape(message) => refused(
                        format!("`{name}`: {message}"),
                        "save the file again from the program that made it and read that",
                    ),
                })?;
            }
        }
    }
    Ok(())
}

/// Whether a member is XML (parts and relationships), whose shape is checked as it streams.
fn is_xml(name: &str) -> bool {
    name.ends_with(".xml") || name.ends_with(".rels")
}

/// What an XML member may not hold.
#[derive(Debug)]
enum XmlProblem {
    /// Cells far outside any ladder's matrix.
    Cells(String),
    /// A document type (entity declarations), or nesting deeper than [`MAX_XML_DEPTH`].
    Shape(String),
}

/// An XML member's tags as they stream past: how deep they nest, no document type, and for a
/// worksheet the span of its cells.
#[derive(Debug, Default)]
struct XmlScan {
    /// The tag being read, when inside one.
    tag: Option<Vec<u8>>,
    depth: usize,
    cells: Option<CellSpan>,
}

impl XmlScan {
    fn scan(&mut self, bytes: &[u8]) -> Result<(), XmlProblem> {
        for &byte in bytes {
            match &mut self.tag {
                None if byte == b'<' => self.tag = Some(Vec::with_capacity(64)),
                None => {}
                Some(tag) if byte == b'>' => {
                    let tag = std::mem::take(tag);
                    self.tag = None;
                    self.tag_ended(&tag)?;
                }
                Some(tag) if tag.len() < MAX_TAG_BYTES => tag.push(byte),
                Some(_) => {}
            }
        }
        Ok(())
    }

    fn tag_ended(&mut self, tag: &[u8]) -> Result<(), XmlProblem> {
        match tag.first() {
            Some(b'/') => self.depth = self.depth.saturating_sub(1),
            Some(b'?') => {}
            Some(b'!') => {
                let declaration = tag.get(1..8).unwrap_or_default();
                if declaration.eq_ignore_ascii_case(b"DOCTYPE") || tag.starts_with(b"!ENTITY") {
                    return Err(XmlProblem::Shape(String::from(
                        "it declares a document type; entity declarations are refused (a \
                         spreadsheet or Word document never has one)",
                    )));
                }
            }
            _ => {
                if !tag.ends_with(b"/") {
                    self.depth += 1;
                    if self.depth > MAX_XML_DEPTH {
                        return Err(XmlProblem::Shape(format!(
                            "its elements nest deeper than {MAX_XML_DEPTH}"
                        )));
                    }
                }
                if let Some(cells) = &mut self.cells {
                    cells.tag_ended(tag).map_err(XmlProblem::Cells)?;
                }
            }
        }
        Ok(())
    }
}

/// Whether a member is an Excel worksheet, whose cells a reader lays out as a dense range.
fn is_worksheet(name: &str) -> bool {
    name.starts_with("xl/worksheets/") && name.ends_with(".xml")
}

/// The rectangle a worksheet's cells span, read from the `r` of its `<row>` and `<c>` tags.
#[derive(Debug, Default)]
struct CellSpan {
    /// The row and column of the last cell or row seen (1-based), for cells that omit `r`.
    row: u64,
    column: u64,
    /// The top-left and bottom-right corners of the cells seen so far.
    first: Option<(u64, u64)>,
    last: (u64, u64),
}

/// The longest tag kept while looking for its attributes; the rest of a longer one is passed
/// over.
const MAX_TAG_BYTES: usize = 4096;

impl CellSpan {
    fn tag_ended(&mut self, tag: &[u8]) -> Result<(), String> {
        let name_end = tag
            .iter()
            .position(|byte| byte.is_ascii_whitespace() || *byte == b'/')
            .unwrap_or(tag.len());
        let name = &tag[..name_end];
        // Strip a namespace prefix (`x:c`).
        let local = name.rsplit(|byte| *byte == b':').next().unwrap_or(name);
        let reference = attribute(tag, b"r");
        match local {
            b"row" => {
                self.row = match reference.and_then(|r| parse_number(&r)) {
                    Some(row) => row,
                    None => self.row + 1,
                };
                self.column = 0;
                if self.row > MAX_ROW {
                    return Err(format!(
                        "a row numbered {} (Excel stops at {MAX_ROW})",
                        self.row
                    ));
                }
            }
            b"c" => {
                let (row, column) = match reference.as_deref().and_then(cell_reference) {
                    Some((row, column)) => (row, column),
                    None if reference.is_some() => {
                        return Err(format!(
                            "a cell named `{}`, which is no cell of a sheet",
                            String::from_utf8_lossy(reference.as_deref().unwrap_or_default())
                        ))
                    }
                    None => (self.row.max(1), self.column + 1),
                };
                if row > MAX_ROW || column > MAX_COLUMN {
                    return Err(format!(
                        "a cell at row {row}, column {column}, outside Excel's grid"
                    ));
                }
                self.row = row;
                self.column = column;
                let first = self.first.get_or_insert((row, column));
                first.0 = first.0.min(row);
                first.1 = first.1.min(column);
                self.last = (self.last.0.max(row), self.last.1.max(column));
                let (first_row, first_column) = *first;
                let spanned = (self.last.0 - first_row + 1) * (self.last.1 - first_column + 1);
                if spanned > MAX_SHEET_CELLS {
                    return Err(format!(
                        "its cells span {spanned} cells (up to row {}, column {}); the most read \
                         is {MAX_SHEET_CELLS}",
                        self.last.0, self.last.1
                    ));
                }
            }
            _ => {}
        }
        Ok(())
    }
}

/// The value of attribute `name` in a tag's bytes (`r="B7"`), when it has one.
fn attribute(tag: &[u8], name: &[u8]) -> Option<Vec<u8>> {
    let mut at = 0;
    while at < tag.len() {
        let rest = &tag[at..];
        let found = rest.windows(name.len() + 2).position(|window| {
            window.starts_with(name)
                && window[name.len()] == b'='
                && matches!(window[name.len() + 1], b'"' | b'\'')
        })?;
        let start = at + found;
        let preceded = start == 0 || tag[start - 1].is_ascii_whitespace();
        let quote = tag[start + name.len() + 1];
        let value_start = start + name.len() + 2;
        if preceded {
            let length = tag[value_start..].iter().position(|byte| *byte == quote)?;
            return Some(tag[value_start..value_start + length].to_vec());
        }
        at = value_start;
    }
    None
}

fn parse_number(bytes: &[u8]) -> Option<u64> {
    if bytes.is_empty() || bytes.len() > 12 || !bytes.iter().all(u8::is_ascii_digit) {
        return None;
    }
    std::str::from_utf8(bytes).ok()?.parse().ok()
}

/// `B7` as (row 7, column 2), 1-based; `None` for anything that is not a cell reference of a
/// sane size.
fn cell_reference(text: &[u8]) -> Option<(u64, u64)> {
    let letters = text
        .iter()
        .take_while(|byte| byte.is_ascii_alphabetic())
        .count();
    if letters == 0 || letters > 4 {
        return None;
    }
    let column = text[..letters].iter().fold(0u64, |column, byte| {
        column * 26 + u64::from(byte.to_ascii_uppercase() - b'A' + 1)
    });
    let row = parse_number(&text[letters..])?;
    (row > 0).then_some((row, column))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_references_read_as_rows_and_columns() {
        assert_eq!(cell_reference(b"A1"), Some((1, 1)));
        assert_eq!(cell_reference(b"XFD1048576"), Some((1_048_576, 16_384)));
        assert_eq!(cell_reference(b"A0"), None);
        assert_eq!(cell_reference(b"A99999999999999"), None);
    }

    fn sheet() -> XmlScan {
        XmlScan {
            cells: Some(CellSpan::default()),
            ..XmlScan::default()
        }
    }

    #[test]
    fn a_far_cell_beside_a1_spans_too_much() {
        let mut span = sheet();
        let xml = br#"<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>"#;
        let (head, tail) = xml.split_at(70);
        span.scan(head).unwrap();
        assert!(
            matches!(span.scan(tail), Err(XmlProblem::Cells(message)) if message.contains("span"))
        );
        let mut near = sheet();
        near.scan(br#"<row r="3"><c r="B3"/><c/><col min="1"/><c r="Z40"/></row>"#)
            .unwrap();
        let cells = near.cells.unwrap();
        assert_eq!((cells.first, cells.last), (Some((3, 2)), (40, 26)));
    }

    #[test]
    fn document_types_and_deep_nesting_are_refused() {
        let mut doctype = XmlScan::default();
        let xml = br#"<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>"#;
        assert!(matches!(doctype.scan(xml), Err(XmlProblem::Shape(_))));
        let mut deep = XmlScan::default();
        let nested = "<a>".repeat(MAX_XML_DEPTH + 1);
        assert!(matches!(
            deep.scan(nested.as_bytes()),
            Err(XmlProblem::Shape(_))
        ));
        let mut flat = XmlScan::default();
        let siblings = "<a><b/></a>".repeat(10_000);
        assert!(flat.scan(siblings.as_bytes()).is_ok());
    }
}
