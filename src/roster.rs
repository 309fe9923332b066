//! The people of a calibration: a CSV of name, track and level that fills the workbooks'
//! calibration sheets (`ladder build --roster people.csv`).
//!
//! The file is what a spreadsheet exports as CSV: an optional `name,track,level` header, then one
//! person per row, fields separated by commas and quoted with `"` when they hold a comma, a quote
//! (doubled) or a line break. Tracks and levels are named by id, name/title or alias, ignoring case.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::diagnostic::{did_you_mean, line_column, Diagnostic};
use crate::model::{Ladder, Level, Track};

/// The people of a roster file, for every ladder of the run (each ladder takes its own, see
/// [`Roster::people_of`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Roster {
    /// The roster file, as given to `--roster`, named in diagnostics about it.
    pub path: PathBuf,
    /// Everyone in the file, in row order.
    pub people: Vec<Person>,
    /// The file's text, for the input hash of the workbooks it fills.
    text: String,
    /// Where each row's track and level fields start, by the row's line: for diagnostics.
    columns: HashMap<usize, FieldColumns>,
}

/// One row of a roster: a person and where they stand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// Their name, as written ("Lovelace, Ada").
    pub name: String,
    /// As written: a track's id, name or alias.
    pub track: String,
    /// As written: a level's id, title or alias.
    pub level: String,
    /// 1-based line in the roster file where the person's row starts.
    pub line: usize,
}

/// Line and column (1-based, in characters) where the track and the level fields of a row start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct FieldColumns {
    track: (usize, usize),
    level: (usize, usize),
}

const HINT_SHAPE: &str =
    "each line is `name,track,level`; quote a field that holds a comma: \"Lovelace, Ada\"";

impl Roster {
    /// Reads a roster file. Problems (unreadable file, text that is not UTF-8, malformed rows)
    /// come back as diagnostics naming the file, line and column.
    pub fn read(path: &Path) -> Result<Roster, Vec<Diagnostic>> {
        let bytes = std::fs::read(path).map_err(|error| {
            vec![
                Diagnostic::error("unreadable", format!("cannot read the roster: {error}"))
                    .in_file(path)
                    .with_hint("check the path given to --roster"),
            ]
        })?;
        let text = match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(error) => {
                let bytes = error.as_bytes();
                let valid = error.utf8_error().valid_up_to();
                let before = std::str::from_utf8(&bytes[..valid]).unwrap_or_default();
                let position = line_column(before, before.len());
                return Err(vec![Diagnostic::error(
                    "not-utf8",
                    format!("the roster is not UTF-8 text (byte {} is not)", valid + 1),
                )
                .in_file(path)
                .at(Some(position))
                .with_hint(
                    "save or export the file as \"CSV UTF-8\" from your spreadsheet",
                )]);
            }
        };
        Self::parse(path, &text)
    }

    /// Parses CSV text: an optional `name,track,level` header (any case), then one person per
    /// row. Blank rows are skipped. Every bad row is reported, not only the first.
    pub fn parse(path: &Path, text: &str) -> Result<Roster, Vec<Diagnostic>> {
        let (records, unclosed) = csv_records(text);
        let mut people = Vec::new();
        let mut columns = HashMap::new();
        let mut problems = Vec::new();
        let problem = |message: String, position: (usize, usize)| {
            Diagnostic::error("roster-line", message)
                .in_file(path)
                .at(Some(position))
                .with_hint(HINT_SHAPE)
        };
        let mut first = true;
        for mut record in records {
            // Spreadsheets export empty rows as `,,` and pad short rows with empty fields.
            if record.fields.iter().all(|field| field.text.is_empty()) {
                continue;
            }
            let is_header = first
                && record.fields.len() >= 3
                && record.fields[..3]
                    .iter()
                    .zip(["name", "track", "level"])
                    .all(|(field, heading)| field.text.eq_ignore_ascii_case(heading));
            first = false;
            while record.fields.len() > 3
                && record
                    .fields
                    .last()
                    .is_some_and(|field| field.text.is_empty())
            {
                record.fields.pop();
            }
            if is_header {
                continue;
            }
            if record.fields.len() != 3 {
                let at = if record.fields.len() > 3 {
                    record.fields[3].position
                } else {
                    record.fields[0].position
                };
                problems.push(problem(
                    format!(
                        "expected 3 fields (name, track, level), found {}",
                        record.fields.len()
                    ),
                    at,
                ));
                continue;
            }
            let mut missing = false;
            for (field, what) in record.fields.iter().zip(["name", "track", "level"]) {
                if field.text.is_empty() {
                    problems.push(problem(format!("the {what} is empty"), field.position));
                    missing = true;
                }
            }
            if missing {
                continue;
            }
            let [name, track, level]: [Field; 3] = record
                .fields
                .try_into()
                .expect("three fields, counted above");
            columns.insert(
                record.line,
                FieldColumns {
                    track: track.position,
                    level: level.position,
                },
            );
            people.push(Person {
                name: name.text,
                track: track.text,
                level: level.text,
                line: record.line,
            });
        }
        if let Some(position) = unclosed {
            problems.push(problem(
                String::from("a quoted field is not closed"),
                position,
            ));
        }
        if problems.is_empty() {
            Ok(Roster {
                path: path.to_owned(),
                people,
                text: text.to_owned(),
                columns,
            })
        } else {
            Err(problems)
        }
    }

    /// The people of this ladder: those whose track and level name a track of it and a level of
    /// that track (a roster may span several ladders, which may share track names).
    pub fn people_of<'a>(&'a self, ladder: &'a Ladder) -> impl Iterator<Item = &'a Person> + 'a {
        self.people.iter().filter(move |person| {
            track_of(ladder, &person.track)
                .is_some_and(|track| level_of(track, &person.level).is_some())
        })
    }

    /// Rows whose level is not a level of their track, and rows whose track is in no ladder of
    /// the run, as diagnostics naming the roster's line. `ladders` is every ladder being built.
    pub fn check_against_all(&self, ladders: &[&Ladder]) -> Vec<Diagnostic> {
        let mut problems = Vec::new();
        for person in &self.people {
            let columns = self.columns.get(&person.line);
            let owners: Vec<(&Ladder, &Track)> = ladders
                .iter()
                .filter_map(|ladder| track_of(ladder, &person.track).map(|track| (*ladder, track)))
                .collect();
            // The ladder whose track has this level, else the first with the track.
            let owner = owners
                .iter()
                .find(|(_, track)| level_of(track, &person.level).is_some())
                .or_else(|| owners.first())
                .copied();
            let Some((ladder, track)) = owner else {
                let names: Vec<&str> = ladders
                    .iter()
                    .flat_map(|ladder| ladder.tracks.iter().map(|track| track.name.as_str()))
                    .collect();
                problems.push(self.problem(
                    columns.map_or((person.line, 1), |columns| columns.track),
                    format!("track `{}` is in no ladder being built", person.track),
                    suggestion(&person.track, &names),
                ));
                continue;
            };
            let same_title: Vec<&Level> = track
                .levels
                .iter()
                .filter(|level| names_by_title(level, &person.level))
                .collect();
            let by_id = track
                .levels
                .iter()
                .any(|level| level.id.eq_ignore_ascii_case(person.level.trim()));
            if same_title.len() > 1 && !by_id {
                let ids: Vec<String> = same_title
                    .iter()
                    .map(|level| match &level.experience {
                        Some(experience) => format!("{} ({experience})", level.id),
                        None => level.id.clone(),
                    })
                    .collect();
                problems.push(self.problem(
                    columns.map_or((person.line, 1), |columns| columns.level),
                    format!(
                        "`{}` names {} levels of track `{}`",
                        person.level,
                        same_title.len(),
                        track.name
                    ),
                    format!("write the level's id instead: {}", ids.join(", ")),
                ));
                continue;
            }
            if level_of(track, &person.level).is_none() {
                let titles: Vec<&str> = track
                    .levels
                    .iter()
                    .map(|level| level.title.as_str())
                    .collect();
                let elsewhere = ladder
                    .tracks
                    .iter()
                    .find_map(|other| level_of(other, &person.level).map(|level| (other, level)));
                let hint = match elsewhere {
                    Some((other, level)) => format!(
                        "`{}` is a level of track `{}`; the levels of `{}` are: {}",
                        level.title,
                        other.name,
                        track.name,
                        titles.join(", ")
                    ),
                    None => suggestion(&person.level, &titles),
                };
                problems.push(self.problem(
                    columns.map_or((person.line, 1), |columns| columns.level),
                    format!(
                        "`{}` is not a level of track `{}` in ladder `{}`",
                        person.level, track.name, ladder.id
                    ),
                    hint,
                ));
            }
        }
        problems
    }

    /// Rows whose track or level names no track or level of this ladder, as diagnostics naming
    /// the roster file and line, with a hint listing what the ladder has.
    pub fn check_against(&self, ladder: &Ladder) -> Vec<Diagnostic> {
        self.check_against_all(&[ladder])
    }

    fn problem(&self, position: (usize, usize), message: String, hint: String) -> Diagnostic {
        Diagnostic::error("roster-line", message)
            .in_file(&self.path)
            .at(Some(position))
            .with_hint(hint)
    }

    /// What the workbooks depend on: the roster's text.
    pub fn fingerprint(&self) -> &str {
        &self.text
    }
}

fn suggestion(wanted: &str, known: &[&str]) -> String {
    match did_you_mean(wanted, known.iter().copied()) {
        Some(close) => format!("did you mean `{close}`?"),
        None => format!("use one of: {}", known.join(", ")),
    }
}

/// The track a roster names: by id, name or alias, ignoring case.
pub fn track_of<'a>(ladder: &'a Ladder, name: &str) -> Option<&'a Track> {
    let name = name.trim();
    ladder.tracks.iter().find(|track| {
        track.id.eq_ignore_ascii_case(name)
            || track.name.eq_ignore_ascii_case(name)
            || track
                .aliases
                .iter()
                .any(|alias| alias.eq_ignore_ascii_case(name))
    })
}

/// The level of a track a roster names: by id, then title or alias, ignoring case.
pub fn level_of<'a>(track: &'a Track, name: &str) -> Option<&'a Level> {
    let name = name.trim();
    track
        .levels
        .iter()
        .find(|level| level.id.eq_ignore_ascii_case(name))
        .or_else(|| {
            track
                .levels
                .iter()
                .find(|level| names_by_title(level, name))
        })
}

/// Whether `name` is the level's title or one of its aliases, ignoring case.
fn names_by_title(level: &Level, name: &str) -> bool {
    let name = name.trim();
    level.title.eq_ignore_ascii_case(name)
        || level
            .aliases
            .iter()
            .any(|alias| alias.eq_ignore_ascii_case(name))
}

/// One CSV field: its text (unquoted, trimmed) and where it starts.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Field {
    text: String,
    position: (usize, usize),
}

/// One CSV row and the line it starts on.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Record {
    line: usize,
    fields: Vec<Field>,
}

/// Splits CSV text into records (RFC 4180: `"` quotes a field, `""` is a quote inside one, and a
/// quoted field may hold commas and line breaks). Unquoted fields are trimmed; a byte order mark
/// is skipped; lines starting with `#` are comments. Also returns where an unclosed quote opens.
fn csv_records(text: &str) -> (Vec<Record>, Option<(usize, usize)>) {
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
            ',' => {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<Vec<String>> {
        csv_records(text)
            .0
            .into_iter()
            .map(|record| record.fields.into_iter().map(|field| field.text).collect())
            .collect()
    }

    #[test]
    fn csv_fields_with_quotes_commas_and_line_breaks() {
        assert_eq!(
            texts("\"Lovelace, Ada\", ic, \"Senior \"\"Lead\"\" Engineer\"\r\nB,c,d"),
            [
                vec!["Lovelace, Ada", "ic", "Senior \"Lead\" Engineer"],
                vec!["B", "c", "d"]
            ]
        );
        let (records, unclosed) = csv_records("a,b,c\n\"Two\nlines\",ic,x\n# note\n\n,,\n");
        assert_eq!(unclosed, None);
        assert_eq!(records[1].line, 2);
        assert_eq!(records[1].fields[0].text, "Two\nlines");
        assert_eq!(records[1].fields[1].position, (3, 8));
        assert_eq!(records.len(), 4, "{records:?}");
        assert_eq!(csv_records("Ada,\"ic,level").1, Some((1, 5)));
    }

    #[test]
    fn rows_are_checked_and_located() {
        let path = Path::new("people.csv");
        let roster = Roster::parse(
            path,
            "Name,Track,Level\nAda, ic ,senior,,\n\n\"Hopper, Grace\",ic,staff\n,,\n",
        )
        .unwrap();
        assert_eq!(roster.people.len(), 2);
        assert_eq!(roster.people[0].track, "ic");
        assert_eq!(roster.people[1].name, "Hopper, Grace");
        assert_eq!(roster.people[1].line, 4);
        assert_eq!(roster.columns[&4].level, (4, 20));

        let problems = Roster::parse(path, "Ada,ic\n,ic,senior\nB,ic,x,y\n").unwrap_err();
        let positions: Vec<_> = problems.iter().map(|p| p.position.unwrap()).collect();
        assert_eq!(positions, [(1, 1), (2, 1), (3, 8)]);
        assert!(problems[1].message.contains("name is empty"));
    }
}
