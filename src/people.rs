//! Lists of people as spreadsheets export them: CSV with a header row naming the columns
//! (`name,track,level,team,...`), one person per row. The calibration roster and the candidates
//! of a hiring batch are both such lists; this module reads them, with every problem located at
//! its line and column.

use std::path::{Path, PathBuf};

use crate::diagnostic::{line_column, Diagnostic};

/// A CSV file of people: its columns and rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeopleFile {
    /// The file, as given on the command line.
    pub path: PathBuf,
    /// The text, for input hashes.
    pub text: String,
    /// The columns, as the header names them (trimmed), in order.
    pub columns: Vec<String>,
    /// The rows, in order, blank rows skipped.
    pub rows: Vec<Row>,
}

/// One row of a people file: a CSV record.
pub type Row = Record;

impl PeopleFile {
    /// The column of `name` (ignoring case, spaces and `_`), if the file has it.
    pub fn column(&self, name: &str) -> Option<usize> {
        let key = column_key(name);
        self.columns
            .iter()
            .position(|column| column_key(column) == key)
    }

    /// A row's field in a column, when both exist and the field is not empty.
    pub fn field<'a>(&self, row: &'a Row, column: Option<usize>) -> Option<&'a Field> {
        column
            .and_then(|column| row.fields.get(column))
            .filter(|field| !field.text.is_empty())
    }
}

/// `Start date`, `start_date` and `START-DATE` name the same column: `start_date`.
pub fn column_key(name: &str) -> String {
    let mut key = String::new();
    for c in name.trim().chars() {
        if c.is_alphanumeric() {
            key.extend(c.to_lowercase());
        } else if !key.ends_with('_') && !key.is_empty() {
            key.push('_');
        }
    }
    key.trim_end_matches('_').to_owned()
}

impl PeopleFile {
    /// Reads a CSV file of people whose header names at least the `required` columns. `what`
    /// names the file in messages ("the candidates file"). Problems (unreadable, not UTF-8, no
    /// header, an unclosed quote) come back as located diagnostics.
    pub fn read(path: &Path, what: &str, required: &[&str]) -> Result<PeopleFile, Vec<Diagnostic>> {
        let text = read_utf8(path, what)?;
        Self::parse(path, &text, required)
    }

    /// Parses CSV text whose first row names the columns.
    pub fn parse(
        path: &Path,
        text: &str,
        required: &[&str],
    ) -> Result<PeopleFile, Vec<Diagnostic>> {
        let (records, unclosed) = csv_records(text);
        let mut records = records
            .into_iter()
            .filter(|record| record.fields.iter().any(|field| !field.text.is_empty()));
        let header = records.next();
        let columns: Vec<String> = header
            .as_ref()
            .map(|header| {
                header
                    .fields
                    .iter()
                    .map(|field| field.text.clone())
                    .collect()
            })
            .unwrap_or_default();
        let mut problems = Vec::new();
        let missing: Vec<&str> = required
            .iter()
            .copied()
            .filter(|wanted| {
                !columns
                    .iter()
                    .any(|column| column_key(column) == column_key(wanted))
            })
            .collect();
        if !missing.is_empty() {
            problems.push(
                Diagnostic::error(
                    "people-header",
                    format!("the first row names no `{}` column", missing.join("`, `")),
                )
                .in_file(path)
                .at(Some(
                    header.as_ref().map_or((1, 1), |header| (header.line, 1)),
                ))
                .with_hint(format!(
                    "start the file with a header row naming its columns, e.g. `{}`",
                    required.join(",")
                )),
            );
        }
        if let Some(position) = unclosed {
            problems.push(
                Diagnostic::error("people-quote", "a quoted field is not closed")
                    .in_file(path)
                    .at(Some(position))
                    .with_hint(
                        "close the quote; a quote inside a quoted field is written twice: \"\"",
                    ),
            );
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(PeopleFile {
            path: path.to_owned(),
            text: text.to_owned(),
            columns,
            rows: records.collect(),
        })
    }
}

/// A file's text, refusing what is not UTF-8 with the place where it breaks.
pub fn read_utf8(path: &Path, what: &str) -> Result<String, Vec<Diagnostic>> {
    let bytes = std::fs::read(path).map_err(|error| {
        vec![
            Diagnostic::error("unreadable", format!("cannot read {what}: {error}"))
                .in_file(path)
                .with_hint("check the path given on the command line"),
        ]
    })?;
    String::from_utf8(bytes).map_err(|error| {
        let bytes = error.as_bytes();
        let valid = error.utf8_error().valid_up_to();
        let before = std::str::from_utf8(&bytes[..valid]).unwrap_or_default();
        vec![Diagnostic::error(
            "not-utf8",
            format!("{what} is not UTF-8 text (byte {} is not)", valid + 1),
        )
        .in_file(path)
        .at(Some(line_column(before, before.len())))
        .with_hint("save or export the file as \"CSV UTF-8\" from your spreadsheet")]
    })
}

/// One CSV field: its text (unquoted; trimmed unless quoted) and where it starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    /// The text.
    pub text: String,
    /// 1-based line and column (in characters) where the field starts.
    pub position: (usize, usize),
}

/// One CSV row and the line it starts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// The 1-based line the row starts on.
    pub line: usize,
    /// Its fields, in order.
    pub fields: Vec<Field>,
}

/// Splits CSV text into records (RFC 4180: `"` quotes a field, `""` is a quote inside one, and a
/// quoted field may hold commas and line breaks). Unquoted fields are trimmed; a byte order mark
/// is skipped; lines starting with `#` are comments. Also returns where an unclosed quote opens.
pub fn csv_records(text: &str) -> (Vec<Record>, Option<(usize, usize)>) {
    csv_records_with(text, ',')
}

/// [`csv_records`] with another separator (`;` as spreadsheets write CSV where the comma is
/// the decimal mark, a tab).
pub fn csv_records_with(text: &str, separator: char) -> (Vec<Record>, Option<(usize, usize)>) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut records = Vec::new();
    let (mut line, mut column) = (1usize, 1usize);
    let mut chars = text.chars().peekable();

    let mut fields: Vec<Field> = Vec::new();
    let mut field = String::new();
    let mut field_start = (1, 1);
    let mut record_line = 1;
    let mut at_field_start = true;
    let mut at_record_start = true;
    let mut quoted_at: Option<(usize, usize)> = None;
    let mut was_quoted = false;

    let finish_field =
        |fields: &mut Vec<Field>, field: &mut String, start: (usize, usize), quoted: bool| {
            let text = if quoted {
                std::mem::take(field)
            } else {
                let trimmed = field.trim().to_owned();
                field.clear();
                trimmed
            };
            fields.push(Field {
                text,
                position: start,
            });
        };

    while let Some(c) = chars.next() {
        let here = (line, column);
        if c == '\n' {
            line += 1;
            column = 1;
        } else if c != '\r' {
            column += 1;
        }
        if at_record_start && quoted_at.is_none() {
            if c == '#' {
                // A comment: skip to the end of the line.
                for next in chars.by_ref() {
                    if next == '\n' {
                        line += 1;
                        column = 1;
                        break;
                    }
                }
                continue;
            }
            record_line = here.0;
            field_start = here;
            at_record_start = false;
        }
        if quoted_at.is_some() {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    column += 1;
                    field.push('"');
                } else {
                    quoted_at = None;
                }
            } else if c != '\r' || chars.peek() != Some(&'\n') {
                field.push(c);
            }
            continue;
        }
        match c {
            '"' if at_field_start => {
                field.clear();
                quoted_at = Some(here);
                was_quoted = true;
                at_field_start = false;
                field_start = here;
            }
            c if c == separator => {
                finish_field(&mut fields, &mut field, field_start, was_quoted);
                was_quoted = false;
                at_field_start = true;
                field_start = (line, column);
            }
            '\n' => {
                finish_field(&mut fields, &mut field, field_start, was_quoted);
                records.push(Record {
                    line: record_line,
                    fields: std::mem::take(&mut fields),
                });
                was_quoted = false;
                at_field_start = true;
                at_record_start = true;
            }
            '\r' => {}
            c if c.is_whitespace() && at_field_start => {
                field_start = (line, column);
            }
            c => {
                // Text after a closing quote is kept as written, as spreadsheets do.
                field.push(c);
                at_field_start = false;
            }
        }
    }
    if !at_record_start || quoted_at.is_some() {
        finish_field(&mut fields, &mut field, field_start, was_quoted);
        records.push(Record {
            line: record_line,
            fields,
        });
    }
    (records, quoted_at)
}
