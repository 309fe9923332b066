//! The people of a calibration: a CSV of name, track and level that fills the workbooks'
//! calibration sheets (`ladder build --roster people.csv`).
//!
//! The file is what a spreadsheet exports as CSV: an optional `name,track,level` header, then one
//! person per row, fields separated by commas and quoted with `"` when they hold a comma, a quote
//! (doubled) or a line break. Tracks and levels are named by id, name/title or alias, ignoring case.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::diagnostic::{did_you_mean, Diagnostic};
use crate::model::{Ladder, Level, Track};
use crate::people::{column_key, csv_records, read_utf8, Field};

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
    /// The row's further columns, by their heading as the roster writes it (`Team`,
    /// `Manager`, `E-mail`): kept for the calibration sheet and what is made from it.
    pub extra: Vec<(String, String)>,
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
        let text = read_utf8(path, "the roster")?;
        Self::parse(path, &text)
    }

    /// Parses CSV text: an optional header naming the columns (`name`, `track` and `level` in
    /// any order, and any further columns, which are kept: `team`, `manager`, an id), else
    /// `name,track,level` rows. Blank rows are skipped. Every bad row is reported, not only the
    /// first.
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
        // Spreadsheets export empty rows as `,,` and pad short rows with empty fields.
        let mut records = records
            .into_iter()
            .filter(|record| record.fields.iter().any(|field| !field.text.is_empty()))
            .peekable();
        // The header's texts as written (shown in the sheet), and their keys (for matching).
        let written: Vec<String> = records
            .peek()
            .map(|first| {
                first
                    .fields
                    .iter()
                    .map(|field| field.text.trim().to_owned())
                    .collect()
            })
            .unwrap_or_default();
        let header: Option<Vec<String>> = records
            .peek()
            .map(|first| {
                first
                    .fields
                    .iter()
                    .map(|field| column_key(&field.text))
                    .collect::<Vec<_>>()
            })
            .filter(|names| {
                ["name", "track", "level"]
                    .iter()
                    .all(|wanted| names.iter().any(|name| name == wanted))
            });
        if header.is_some() {
            records.next();
        }
        let names: Vec<String> = header
            .clone()
            .unwrap_or_else(|| vec!["name".into(), "track".into(), "level".into()]);
        let position_of = |wanted: &str| names.iter().position(|name| name == wanted);
        let (name_at, track_at, level_at) = (
            position_of("name").unwrap_or(0),
            position_of("track").unwrap_or(1),
            position_of("level").unwrap_or(2),
        );
        for mut record in records {
            while record.fields.len() > names.len()
                && record
                    .fields
                    .last()
                    .is_some_and(|field| field.text.is_empty())
            {
                record.fields.pop();
            }
            let expected = names.len();
            // The further columns may be left off at the end of a row; name, track and level not.
            let needed = name_at.max(track_at).max(level_at) + 1;
            if record.fields.len() > expected || record.fields.len() < needed {
                // Too many fields: point at the first extra one; too few: at the row.
                let at = record
                    .fields
                    .get(expected)
                    .or_else(|| record.fields.first())
                    .map_or((record.line, 1), |field| field.position);
                problems.push(problem(
                    format!(
                        "expected {expected} fields ({}), found {}",
                        names.join(", "),
                        record.fields.len()
                    ),
                    at,
                ));
                continue;
            }
            let field = |index: usize| -> Field {
                record.fields.get(index).cloned().unwrap_or(Field {
                    text: String::new(),
                    position: (record.line, 1),
                })
            };
            let (name, track, level) = (field(name_at), field(track_at), field(level_at));
            let mut missing = false;
            for (field, what) in [(&name, "name"), (&track, "track"), (&level, "level")] {
                if field.text.is_empty() {
                    problems.push(problem(format!("the {what} is empty"), field.position));
                    missing = true;
                }
            }
            if missing {
                continue;
            }
            let extra = names
                .iter()
                .enumerate()
                .filter(|(index, _)| ![name_at, track_at, level_at].contains(index))
                .map(|(index, column)| {
                    let heading = written
                        .get(index)
                        .cloned()
                        .unwrap_or_else(|| column.clone());
                    (heading, field(index).text)
                })
                .collect();
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
                extra,
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
            ladder
                .track_named(&person.track)
                .is_some_and(|track| track.level_named(&person.level).is_some())
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
                .filter_map(|ladder| {
                    ladder
                        .track_named(&person.track)
                        .map(|track| (*ladder, track))
                })
                .collect();
            // The ladder whose track has this level, else the first with the track.
            let owner = owners
                .iter()
                .find(|(_, track)| track.level_named(&person.level).is_some())
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
                .filter(|level| level.is_named(&person.level))
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
            if track.level_named(&person.level).is_none() {
                let titles: Vec<&str> = track
                    .levels
                    .iter()
                    .map(|level| level.title.as_str())
                    .collect();
                let elsewhere = ladder
                    .tracks
                    .iter()
                    .find_map(|other| other.level_named(&person.level).map(|level| (other, level)));
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

    /// The headings of the further columns, in the roster's order.
    pub fn extra_columns(&self) -> Vec<&str> {
        let mut headings: Vec<&str> = Vec::new();
        for (heading, _) in self.people.iter().flat_map(|person| &person.extra) {
            if !headings.contains(&heading.as_str()) {
                headings.push(heading);
            }
        }
        headings
    }

    /// The roster split by the value of one further column (`manager`, named as the header
    /// names it, case and punctuation aside): a roster per value, in the order the values first
    /// appear; people with no value form a group named "". An error names the columns there
    /// are when the roster has no such column.
    pub fn split_by(&self, column: &str) -> Result<Vec<(String, Roster)>, Diagnostic> {
        let key = crate::people::column_key(column);
        let heading = self
            .extra_columns()
            .into_iter()
            .find(|heading| crate::people::column_key(heading) == key)
            .map(str::to_owned)
            .ok_or_else(|| {
                Diagnostic::error(
                    "roster-split",
                    format!("the roster has no column `{column}` to split it by"),
                )
                .in_file(&self.path)
                .at(Some((1, 1)))
                .with_hint(format!(
                    "its further columns are: {}; add a `{column}` column to its header",
                    self.extra_columns().join(", ")
                ))
            })?;
        let mut groups: Vec<(String, Roster)> = Vec::new();
        for person in &self.people {
            let value = person
                .extra
                .iter()
                .find(|(known, _)| *known == heading)
                .map(|(_, value)| value.trim().to_owned())
                .unwrap_or_default();
            match groups.iter_mut().find(|(known, _)| *known == value) {
                Some((_, roster)) => roster.people.push(person.clone()),
                None => groups.push((
                    value.clone(),
                    Roster {
                        path: self.path.clone(),
                        people: vec![person.clone()],
                        // Each part changes with the whole roster and knows its own value.
                        text: format!("{}\n{heading}={value}", self.text),
                        columns: self.columns.clone(),
                    },
                )),
            }
        }
        Ok(groups)
    }

    /// A roster of these people (the people of merged calibration workbooks), as if read from
    /// `path`.
    pub fn from_people(path: PathBuf, people: Vec<Person>) -> Roster {
        let text = people
            .iter()
            .map(|person| format!("{person:?}"))
            .collect::<Vec<_>>()
            .join("\n");
        Roster {
            path,
            people,
            text,
            columns: HashMap::new(),
        }
    }
}

fn suggestion(wanted: &str, known: &[&str]) -> String {
    match did_you_mean(wanted, known.iter().copied()) {
        Some(close) => format!("did you mean `{close}`?"),
        None => format!("use one of: {}", known.join(", ")),
    }
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
    fn a_header_puts_the_columns_in_any_order_and_further_columns_are_kept() {
        let roster = Roster::parse(
            Path::new("people.csv"),
            "Team,Name,Level,Track,E-mail\nCore,Ada,senior,ic,ada@example.com\nWeb,Grace,staff,ic\n",
        )
        .unwrap();
        assert_eq!(roster.people.len(), 2);
        let ada = &roster.people[0];
        assert_eq!(
            (ada.name.as_str(), ada.track.as_str(), ada.level.as_str()),
            ("Ada", "ic", "senior")
        );
        assert_eq!(
            ada.extra,
            vec![
                ("Team".to_owned(), "Core".to_owned()),
                ("E-mail".to_owned(), "ada@example.com".to_owned())
            ]
        );
        assert_eq!(
            roster.people[1].extra[1],
            ("E-mail".to_owned(), String::new())
        );
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
