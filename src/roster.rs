//! The people of a calibration: a CSV of name, track and level that fills the workbooks'
//! calibration sheets (`ladder build --roster people.csv`).

use std::path::{Path, PathBuf};

use crate::diagnostic::{did_you_mean, Diagnostic};
use crate::model::Ladder;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Roster {
    pub path: PathBuf,
    pub people: Vec<Person>,
    /// The file's text, for the input hash of the workbooks it fills.
    text: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub name: String,
    /// As written: a track's id, name or alias.
    pub track: String,
    /// As written: a level's id, title or alias.
    pub level: String,
    /// 1-based line in the roster file.
    pub line: usize,
}

const HINT_SHAPE: &str =
    "each line is `name,track,level`; quote a name that holds a comma: \"Lovelace, Ada\"";

impl Roster {
    pub fn read(path: &Path) -> Result<Roster, Vec<Diagnostic>> {
        let bytes = std::fs::read(path).map_err(|error| {
            vec![
                Diagnostic::error("unreadable", format!("cannot read the roster: {error}"))
                    .in_file(path),
            ]
        })?;
        let text = String::from_utf8(bytes).map_err(|_| {
            vec![
                Diagnostic::error("not-utf8", "the roster is not UTF-8 text")
                    .in_file(path)
                    .with_hint("export the CSV as UTF-8 from your spreadsheet"),
            ]
        })?;
        Self::parse(path, &text)
    }

    /// Parses CSV text: an optional `name,track,level` header, then one person per line.
    /// Every bad line is reported, not only the first.
    pub fn parse(path: &Path, text: &str) -> Result<Roster, Vec<Diagnostic>> {
        let text_without_bom = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut people = Vec::new();
        let mut problems = Vec::new();
        let mut first_row = true;
        for (index, line) in text_without_bom.lines().enumerate() {
            let number = index + 1;
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let fields = match split_csv_line(line) {
                Ok(fields) => fields,
                Err(column) => {
                    problems.push(
                        Diagnostic::error("roster-line", "a quoted field is not closed")
                            .in_file(path)
                            .at(Some((number, column)))
                            .with_hint(HINT_SHAPE),
                    );
                    continue;
                }
            };
            let is_header = first_row
                && fields.len() == 3
                && fields[0].eq_ignore_ascii_case("name")
                && fields[1].eq_ignore_ascii_case("track")
                && fields[2].eq_ignore_ascii_case("level");
            first_row = false;
            if is_header {
                continue;
            }
            if fields.len() != 3 {
                problems.push(
                    Diagnostic::error(
                        "roster-line",
                        format!(
                            "expected 3 fields (name, track, level), found {}",
                            fields.len()
                        ),
                    )
                    .in_file(path)
                    .at(Some((number, 1)))
                    .with_hint(HINT_SHAPE),
                );
                continue;
            }
            if fields[0].is_empty() {
                problems.push(
                    Diagnostic::error("roster-line", "the name is empty")
                        .in_file(path)
                        .at(Some((number, 1)))
                        .with_hint(HINT_SHAPE),
                );
                continue;
            }
            let mut fields = fields.into_iter();
            people.push(Person {
                name: fields.next().unwrap_or_default(),
                track: fields.next().unwrap_or_default(),
                level: fields.next().unwrap_or_default(),
                line: number,
            });
        }
        if problems.is_empty() {
            Ok(Roster {
                path: path.to_owned(),
                people,
                text: text.to_owned(),
            })
        } else {
            Err(problems)
        }
    }

    /// The people whose track belongs to this ladder (a roster may span several ladders).
    pub fn people_of<'a>(&'a self, ladder: &'a Ladder) -> impl Iterator<Item = &'a Person> + 'a {
        self.people
            .iter()
            .filter(move |person| track_of(ladder, &person.track).is_some())
    }

    /// Rows whose level is not a level of their track, and rows whose track is in no ladder of
    /// the run, as diagnostics naming the roster's line. `ladders` is every ladder being built.
    pub fn check_against_all(&self, ladders: &[&Ladder]) -> Vec<Diagnostic> {
        let mut problems = Vec::new();
        for person in &self.people {
            let owner = ladders
                .iter()
                .find_map(|ladder| track_of(ladder, &person.track).map(|track| (ladder, track)));
            let Some((ladder, track)) = owner else {
                let names: Vec<&str> = ladders
                    .iter()
                    .flat_map(|ladder| ladder.tracks.iter().map(|track| track.name.as_str()))
                    .collect();
                problems.push(self.problem(
                    person,
                    format!("track `{}` is in no ladder being built", person.track),
                    suggestion(&person.track, &names),
                ));
                continue;
            };
            if level_of(track, &person.level).is_none() {
                let titles: Vec<&str> = track
                    .levels
                    .iter()
                    .map(|level| level.title.as_str())
                    .collect();
                problems.push(self.problem(
                    person,
                    format!(
                        "`{}` is not a level of track `{}` in ladder `{}`",
                        person.level, track.name, ladder.id
                    ),
                    suggestion(&person.level, &titles),
                ));
            }
        }
        problems
    }

    /// [`Self::check_against_all`] for one ladder.
    pub fn check_against(&self, ladder: &Ladder) -> Vec<Diagnostic> {
        self.check_against_all(&[ladder])
    }

    fn problem(&self, person: &Person, message: String, hint: String) -> Diagnostic {
        Diagnostic::error("roster-line", message)
            .in_file(&self.path)
            .at(Some((person.line, 1)))
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
pub fn track_of<'a>(ladder: &'a Ladder, name: &str) -> Option<&'a crate::model::Track> {
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

/// The level of a track a roster names: by id, title or alias, ignoring case.
pub fn level_of<'a>(track: &'a crate::model::Track, name: &str) -> Option<&'a crate::model::Level> {
    let name = name.trim();
    track.levels.iter().find(|level| {
        level.id.eq_ignore_ascii_case(name)
            || level.title.eq_ignore_ascii_case(name)
            || level
                .aliases
                .iter()
                .any(|alias| alias.eq_ignore_ascii_case(name))
    })
}

/// Splits one CSV line (RFC 4180 quoting, no line breaks inside fields). On an unclosed quote,
/// the 1-based column where it opens.
fn split_csv_line(line: &str) -> Result<Vec<String>, usize> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut chars = line.char_indices().peekable();
    let mut quoted_at: Option<usize> = None;
    let mut at_field_start = true;
    while let Some((index, c)) = chars.next() {
        match (quoted_at, c) {
            (None, '"') if at_field_start && field.trim().is_empty() => {
                field.clear();
                quoted_at = Some(index);
            }
            (Some(_), '"') => {
                if chars.peek().map(|(_, next)| *next) == Some('"') {
                    field.push('"');
                    chars.next();
                } else {
                    quoted_at = None;
                }
            }
            (None, ',') => {
                fields.push(field.trim().to_owned());
                field.clear();
                at_field_start = true;
                continue;
            }
            (_, c) => field.push(c),
        }
        // Spaces before an opening quote do not end the start of the field.
        at_field_start = at_field_start && quoted_at.is_none() && c.is_whitespace();
    }
    if let Some(index) = quoted_at {
        return Err(line[..index].chars().count() + 1);
    }
    fields.push(field.trim().to_owned());
    Ok(fields)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_with_quotes_and_commas() {
        assert_eq!(
            split_csv_line(r#""Lovelace, Ada", ic, "Senior ""Lead"" Engineer""#).unwrap(),
            ["Lovelace, Ada", "ic", "Senior \"Lead\" Engineer"]
        );
        assert_eq!(split_csv_line(r#"Ada,"ic,level"#), Err(5));
    }
}
