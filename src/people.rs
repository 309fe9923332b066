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

/// File names for the people of one folder, each unique in it: a second person of the same name
/// gets `-2`, a third `-3`.
#[derive(Debug, Default)]
pub struct FileNames {
    used: std::collections::HashSet<String>,
}

impl FileNames {
    /// The file name (without extension) for the next person, from their name ([`file_name`]),
    /// or from `fallback` when the name gives none.
    pub fn take(&mut self, name: &str, fallback: impl FnOnce() -> String) -> String {
        let base = match file_name(name) {
            empty if empty.is_empty() => fallback(),
            base => base,
        };
        let mut unique = base.clone();
        let mut counter = 2;
        while self.used.contains(&unique) {
            unique = format!("{base}-{counter}");
            counter += 1;
        }
        self.used.insert(unique.clone());
        unique
    }
}

/// Windows' reserved file names, refused whatever their extension and case.
const RESERVED_FILE_NAMES: &[&str] = &[
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
    "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// A file name (without extension) for a person's page, from their name: Latin letters
/// without their accents and in lower case (`İstanbul` → `istanbul`, `Straße` → `strasse`,
/// `ǅemal` → `dzemal`), letters of other scripts kept as written (`山田花子`), anything else
/// one `-`; never a name Windows reserves (`CON` → `con-`), at most 80 characters. Empty when
/// the name has no letter or digit (the caller numbers such a page).
pub fn file_name(name: &str) -> String {
    use unicode_normalization::char::is_combining_mark;
    use unicode_normalization::UnicodeNormalization;
    let mut out = String::new();
    let mut after_latin = false;
    for c in name.nfkd() {
        if is_combining_mark(c) {
            // An accent on a Latin letter goes; a mark of another script is part of the letter.
            if !after_latin {
                out.push(c);
            }
            continue;
        }
        let spelled = match c {
            'ß' => Some("ss"),
            'æ' | 'Æ' => Some("ae"),
            'œ' | 'Œ' => Some("oe"),
            'ø' | 'Ø' => Some("o"),
            'đ' | 'Đ' | 'ð' | 'Ð' => Some("d"),
            'ł' | 'Ł' => Some("l"),
            'þ' | 'Þ' => Some("th"),
            'ı' => Some("i"),
            _ => None,
        };
        after_latin = c.is_ascii_alphabetic() || spelled.is_some();
        match spelled {
            Some(text) => out.push_str(text),
            None if c.is_ascii_alphanumeric() => out.push(c.to_ascii_lowercase()),
            None if c.is_alphanumeric() => out.extend(c.to_lowercase()),
            None => {
                if !out.is_empty() && !out.ends_with('-') {
                    out.push('-');
                }
            }
        }
    }
    let mut out: String = out
        .nfc()
        .collect::<String>()
        .trim_end_matches('-')
        .to_owned();
    if let Some((cut, _)) = out.char_indices().nth(80) {
        out.truncate(cut);
        out = out.trim_end_matches('-').to_owned();
    }
    let stem = out.split('.').next().unwrap_or_default();
    if RESERVED_FILE_NAMES.contains(&stem) {
        out.push('-');
    }
    out
}

#[cfg(test)]
mod file_name_tests {
    use super::file_name;

    #[test]
    fn people_s_names_make_readable_file_names() {
        assert_eq!(file_name("Candidate 007, Jr."), "candidate-007-jr");
        assert_eq!(file_name("İstanbul"), "istanbul");
        assert_eq!(file_name("Straße"), "strasse");
        assert_eq!(file_name("ǅemal Bijedić"), "dzemal-bijedic");
        assert_eq!(file_name("Zoë Ørsted"), "zoe-orsted");
        assert_eq!(file_name("山田 花子"), "山田-花子");
        assert_eq!(file_name("がくと"), "がくと");
        assert_eq!(file_name("Анна Каренина"), "анна-каренина");
        assert_eq!(file_name("🎉🎉"), "");
        assert_eq!(file_name("CON"), "con-");
        assert_eq!(file_name("nul"), "nul-");
        assert_eq!(file_name("Com1"), "com1-");
        assert_eq!(file_name(&"a".repeat(200)).len(), 80);
    }
}
