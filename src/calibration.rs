//! After the meeting: a filled calibration workbook read back into what was decided.
//!
//! The workbook may have been filled in Excel, LibreOffice or Google Sheets. Only what people
//! typed is read (names, tracks, levels, ratings, proposals, decisions, notes, the roster's
//! further columns); the roll-ups are worked out again here from the ratings, exactly as the
//! sheet's formulas do, so that a file saved without recalculation reads the same. A value
//! that is not one of the ladder's is reported at its cell (`Calibration!D7`).

use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};

use calamine::{Data, Reader, Xlsx};
use serde::Serialize;

use crate::audience::{for_audience, Audience};
use crate::diagnostic::Diagnostic;
use crate::export::xlsx::level_labels;
use crate::labels::Labels;
use crate::model::{Ladder, Track};

/// Everyone of one filled workbook.
#[derive(Debug, Clone, Serialize)]
pub struct Calibration {
    /// The workbook read.
    pub source: PathBuf,
    /// The ladder it belongs to.
    pub ladder: String,
    /// The rating columns, in order (area names, or the overall rating).
    pub areas: Vec<String>,
    /// One entry per person, in the sheet's order.
    pub people: Vec<Assessment>,
    /// What deserves a look but did not stop the reading (the ladder changed since).
    #[serde(skip)]
    pub warnings: Vec<Diagnostic>,
}

/// One person as the meeting left them.
#[derive(Debug, Clone, Serialize)]
pub struct Assessment {
    /// The sheet row (1-based, as the spreadsheet shows it).
    pub row: usize,
    /// Their name.
    pub name: String,
    /// Their track's id.
    pub track: String,
    /// Their current level's id.
    pub level: String,
    /// Per rating column: the level chosen (its id), when one was.
    pub ratings: Vec<Option<String>>,
    /// The lowest level reached across the rated areas (id).
    pub lowest: Option<String>,
    /// The median level reached (id), rounded down.
    pub median: Option<String>,
    /// Whether they meet their current level in every area their track rates.
    pub meets: Option<Verdict>,
    /// The level proposed for them (id), when one was.
    pub proposed: Option<String>,
    /// The decision typed in, as written.
    pub decision: Option<String>,
    /// The notes typed in.
    pub notes: Option<String>,
    /// The roster's further columns, by heading.
    pub extra: Vec<(String, String)>,
}

/// "Meets current level everywhere".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// Every rated area at or above the current level, and every area rated.
    Yes,
    /// An area below the current level.
    No,
    /// Nothing below, but not every area rated yet.
    Incomplete,
}

/// A hash of a ladder as a workbook was made from it, which the workbook records, so that
/// reading it back can tell whether the ladder changed since.
pub fn ladder_fingerprint(ladder: &Ladder) -> String {
    let mut hasher = crate::output::ContentHasher::new();
    hasher.add(&serde_json::to_vec(ladder).unwrap_or_default());
    hasher.finish()
}

/// The id of the ladder a workbook was made from, as its properties record it.
pub fn stamped_ladder(path: &Path) -> Result<Option<String>, Diagnostic> {
    let bytes = std::fs::read(path).map_err(|error| {
        Diagnostic::error("unreadable", format!("cannot read the workbook: {error}")).in_file(path)
    })?;
    stamped(&bytes, path, "Ladder id")
}

/// A custom property the workbook's writer recorded, from the workbook's bytes (`path` names
/// it in messages).
fn stamped(bytes: &[u8], path: &Path, wanted: &str) -> Result<Option<String>, Diagnostic> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| not_a_workbook(path))?;
    let Ok(mut custom) = archive.by_name("docProps/custom.xml") else {
        return Ok(None);
    };
    let mut xml = String::new();
    custom
        .read_to_string(&mut xml)
        .map_err(|_| not_a_workbook(path))?;
    Ok(xml.split("<property ").find_map(|property| {
        property.contains(&format!("name=\"{wanted}\"")).then(|| {
            property
                .split_once("<vt:lpwstr>")
                .and_then(|(_, rest)| rest.split_once("</vt:lpwstr>"))
                .map(|(value, _)| value.to_owned())
        })?
    }))
}

fn not_a_workbook(path: &Path) -> Diagnostic {
    Diagnostic::error("not-a-workbook", "this is not an Excel workbook (.xlsx)")
        .in_file(path)
        .with_hint("save the filled calibration sheet as .xlsx (Excel Workbook) and read that")
}

/// Reads the calibration sheet of a filled workbook made for `ladder` (whose labels name its
/// columns). Every value that is not the ladder's is reported at its cell.
pub fn read(path: &Path, ladder: &Ladder, labels: &Labels) -> Result<Calibration, Vec<Diagnostic>> {
    let bytes = std::fs::read(path).map_err(|error| {
        vec![
            Diagnostic::error("unreadable", format!("cannot read the workbook: {error}"))
                .in_file(path),
        ]
    })?;
    crate::package::check(&bytes).map_err(|refused| {
        vec![Diagnostic::error("bad-workbook", refused.message)
            .in_file(path)
            .with_hint(refused.hint)]
    })?;
    let recorded_fingerprint = stamped(&bytes, path, "Ladder fingerprint").ok().flatten();
    let mut book: Xlsx<_> =
        Xlsx::new(Cursor::new(bytes)).map_err(|_| vec![not_a_workbook(path)])?;
    let sheet = labels.text("sheet_calibration");
    let range = book.worksheet_range(sheet).map_err(|_| {
        vec![Diagnostic::error(
            "not-a-calibration",
            format!("the workbook has no `{sheet}` sheet: `ladder` did not write it, or it was renamed"),
        )
        .in_file(path)
        .with_hint("read a workbook that `ladder build` wrote (its Calibration sheet filled in), or name its ladder with --ladder")]
    })?;
    let text = |cell: Option<&Data>| -> String {
        match cell {
            None | Some(Data::Empty) => String::new(),
            Some(Data::Float(value)) if value.fract() == 0.0 => format!("{value:.0}"),
            Some(other) => other.to_string().trim().to_owned(),
        }
    };
    let header: Vec<String> = range
        .rows()
        .next()
        .map(|row| row.iter().map(|cell| text(Some(cell))).collect())
        .unwrap_or_default();
    let column = |key: &str| {
        header
            .iter()
            .position(|heading| heading == labels.text(key))
    };
    let areas: Vec<String> = if ladder.areas.is_empty() {
        vec![labels.text("overall_level").to_owned()]
    } else {
        ladder.areas.iter().map(|area| area.name.clone()).collect()
    };
    let mut problems = Vec::new();
    let at = |row: usize, column: usize| {
        format!(
            "{sheet}!{}{}",
            crate::export::xlsx::column_letters(column as u16),
            row + 1
        )
    };
    let required = [
        "name",
        "track",
        "current_level",
        "decision",
        "notes",
        "current_rank",
    ];
    let found: Vec<Option<usize>> = required.iter().map(|key| column(key)).collect();
    if let Some(missing) = required
        .iter()
        .zip(&found)
        .find(|(_, found)| found.is_none())
    {
        return Err(vec![Diagnostic::error(
            "not-a-calibration",
            format!("{sheet}!1: no `{}` column", labels.text(missing.0)),
        )
        .in_file(path)
        .with_hint(
            "the header row of the Calibration sheet must stay as `ladder` wrote it",
        )]);
    }
    let [name_at, track_at, level_at, decision_at, notes_at, rank_at] =
        [found[0], found[1], found[2], found[3], found[4], found[5]]
            .map(|found| found.unwrap_or(0));
    let proposed_at = column("proposed_level");
    let area_at: Vec<Option<usize>> = areas
        .iter()
        .map(|area| header.iter().position(|heading| heading == area))
        .collect();
    let extra_columns: Vec<usize> = (notes_at + 1..rank_at).collect();

    let mut people = Vec::new();
    for (index, row) in range.rows().enumerate().skip(1) {
        let cell = |column: usize| text(row.get(column));
        let name = cell(name_at);
        if name.is_empty() {
            continue;
        }
        let Some(track) = ladder
            .tracks
            .iter()
            .find(|track| track.name == cell(track_at) || track.id == cell(track_at))
        else {
            problems.push(
                Diagnostic::error(
                    "calibration-value",
                    format!(
                        "{}: `{}` is not a track of ladder `{}`",
                        at(index, track_at),
                        cell(track_at),
                        ladder.id
                    ),
                )
                .in_file(path)
                .with_hint(format!(
                    "the tracks are: {}",
                    ladder
                        .tracks
                        .iter()
                        .map(|track| track.name.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                )),
            );
            continue;
        };
        let labels_of_track = level_labels(track);
        let rank_of = |column: usize, problems: &mut Vec<Diagnostic>| -> Option<usize> {
            let value = cell(column);
            if value.is_empty() {
                return None;
            }
            let rank = labels_of_track
                .iter()
                .position(|label| label.eq_ignore_ascii_case(&value));
            if rank.is_none() {
                problems.push(
                    Diagnostic::error(
                        "calibration-value",
                        format!(
                            "{}: `{value}` is not a level of track `{}`",
                            at(index, column),
                            track.name
                        ),
                    )
                    .in_file(path)
                    .with_hint(format!("the levels are: {}", labels_of_track.join(", "))),
                );
            }
            rank
        };
        let Some(current) = rank_of(level_at, &mut problems) else {
            continue;
        };
        let uses = track_uses(ladder, track, &areas);
        let ratings: Vec<Option<usize>> = area_at
            .iter()
            .zip(&uses)
            .map(|(column, used)| {
                column
                    .filter(|_| *used)
                    .and_then(|column| rank_of(column, &mut problems))
            })
            .collect();
        let proposed = proposed_at.and_then(|column| rank_of(column, &mut problems));
        let id = |rank: usize| track.levels[rank].id.clone();
        let (lowest, median, meets) =
            roll_ups(&ratings, current, uses.iter().filter(|used| **used).count());
        people.push(Assessment {
            row: index + 1,
            name,
            track: track.id.clone(),
            level: id(current),
            ratings: ratings.iter().map(|rating| rating.map(id)).collect(),
            lowest: lowest.map(id),
            median: median.map(id),
            meets,
            proposed: proposed.map(id),
            decision: Some(cell(decision_at)).filter(|text| !text.is_empty()),
            notes: Some(cell(notes_at)).filter(|text| !text.is_empty()),
            extra: extra_columns
                .iter()
                .map(|column| (header[*column].clone(), cell(*column)))
                .collect(),
        });
    }
    // A ladder edited since the workbook was made: what still matches is read (by id, title
    // or name), and the reader is told to look.
    let mut warnings = Vec::new();
    if let Some(recorded) = recorded_fingerprint {
        let current = [Audience::Internal, Audience::Public]
            .map(|audience| ladder_fingerprint(&for_audience(ladder, audience)));
        if !current.contains(&recorded) {
            warnings.push(
                Diagnostic::warning(
                    "calibration-ladder-changed",
                    format!("ladder `{}` changed since this workbook was made; what still matches was read", ladder.id),
                )
                .in_file(path)
                .with_hint("check people whose level or track was renamed or removed; build a new workbook for the next meeting"),
            );
        }
    }
    if problems.is_empty() {
        Ok(Calibration {
            source: path.to_owned(),
            ladder: ladder.id.clone(),
            areas,
            people,
            warnings,
        })
    } else {
        Err(problems)
    }
}

/// Per rating column: does the track rate it? (A track that names no areas rates them all.)
fn track_uses(ladder: &Ladder, track: &Track, areas: &[String]) -> Vec<bool> {
    if ladder.areas.is_empty() {
        return vec![true; areas.len()];
    }
    let used: Vec<&str> = track
        .levels
        .iter()
        .flat_map(|level| ladder.expectations_of(level).keys())
        .filter_map(|key| ladder.area(key))
        .map(|area| area.id.as_str())
        .chain(track.areas.iter().map(String::as_str))
        .collect();
    ladder
        .areas
        .iter()
        .map(|area| used.is_empty() || used.contains(&area.id.as_str()))
        .collect()
}

/// The sheet's roll-ups, from 0-based ranks: lowest, median (rounded down), and the verdict.
pub fn roll_ups(
    ratings: &[Option<usize>],
    current: usize,
    rated_areas: usize,
) -> (Option<usize>, Option<usize>, Option<Verdict>) {
    let mut ranks: Vec<usize> = ratings.iter().flatten().copied().collect();
    if ranks.is_empty() {
        return (None, None, None);
    }
    ranks.sort_unstable();
    let middle = ranks.len() / 2;
    // MEDIAN of 1-based ranks, then ROUNDDOWN: for an even count, the lower of the two middles
    // when they differ by one, else their mean rounded down.
    let median = if ranks.len() % 2 == 1 {
        ranks[middle]
    } else {
        (ranks[middle - 1] + ranks[middle]) / 2
    };
    let verdict = if ranks[0] < current {
        Verdict::No
    } else if ranks.len() < rated_areas {
        Verdict::Incomplete
    } else {
        Verdict::Yes
    };
    (Some(ranks[0]), Some(median), Some(verdict))
}

/// One row per person, every column kept, for HR systems: name, track, level, a column per
/// rating, the roll-ups, proposal, decision, notes, then the roster's further columns.
pub fn to_csv(calibration: &Calibration) -> String {
    let field = |text: &str| {
        if text.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", text.replace('"', "\"\""))
        } else {
            text.to_owned()
        }
    };
    let extra: Vec<String> = calibration
        .people
        .first()
        .map(|person| {
            person
                .extra
                .iter()
                .map(|(heading, _)| heading.clone())
                .collect()
        })
        .unwrap_or_default();
    let mut header: Vec<String> = ["name", "track", "level"].map(String::from).to_vec();
    header.extend(calibration.areas.iter().cloned());
    header.extend(["lowest", "median", "meets", "proposed", "decision", "notes"].map(String::from));
    header.extend(extra);
    let mut out = header
        .iter()
        .map(|h| field(h))
        .collect::<Vec<_>>()
        .join(",")
        + "\n";
    for person in &calibration.people {
        let mut row: Vec<String> = vec![
            person.name.clone(),
            person.track.clone(),
            person.level.clone(),
        ];
        row.extend(
            person
                .ratings
                .iter()
                .map(|rating| rating.clone().unwrap_or_default()),
        );
        row.push(person.lowest.clone().unwrap_or_default());
        row.push(person.median.clone().unwrap_or_default());
        row.push(
            person
                .meets
                .map(|verdict| format!("{verdict:?}").to_lowercase())
                .unwrap_or_default(),
        );
        row.push(person.proposed.clone().unwrap_or_default());
        row.push(person.decision.clone().unwrap_or_default());
        row.push(person.notes.clone().unwrap_or_default());
        row.extend(person.extra.iter().map(|(_, value)| value.clone()));
        out.push_str(
            &row.iter()
                .map(|text| field(text))
                .collect::<Vec<_>>()
                .join(","),
        );
        out.push('\n');
    }
    out
}

/// The meeting's figures, counted once for the Markdown and the PDF report: the distribution
/// per track and level, each person, and the areas most often below level.
pub fn figures(
    calibration: &Calibration,
    ladder: &Ladder,
    labels: &Labels,
) -> crate::export::pdf::ReportData {
    let level_title = |id: &str| {
        ladder
            .level(id)
            .map_or_else(|| id.to_owned(), |level| level.title.clone())
    };
    let track_name = |id: &str| {
        ladder
            .tracks
            .iter()
            .find(|track| track.id == id)
            .map_or_else(|| id.to_owned(), |track| track.name.clone())
    };
    let promote = labels.text("decision_promote");
    let mut rows = Vec::new();
    for track in &ladder.tracks {
        for level in &track.levels {
            let here: Vec<&Assessment> = calibration
                .people
                .iter()
                .filter(|person| person.track == track.id && person.level == level.id)
                .collect();
            if here.is_empty() {
                continue;
            }
            rows.push((
                track.name.clone(),
                level.title.clone(),
                here.len(),
                here.iter()
                    .filter(|person| person.meets == Some(Verdict::Yes))
                    .count(),
                here.iter()
                    .filter(|person| person.decision.as_deref() == Some(promote))
                    .count(),
            ));
        }
    }
    let verdict = |verdict: Option<Verdict>| {
        verdict
            .map(|verdict| {
                labels
                    .text(match verdict {
                        Verdict::Yes => "yes",
                        Verdict::No => "no",
                        Verdict::Incomplete => "incomplete",
                    })
                    .to_owned()
            })
            .unwrap_or_default()
    };
    let persons = calibration
        .people
        .iter()
        .map(|person| {
            vec![
                person.name.clone(),
                track_name(&person.track),
                level_title(&person.level),
                verdict(person.meets),
                person
                    .proposed
                    .as_deref()
                    .map(level_title)
                    .unwrap_or_default(),
                person.decision.clone().unwrap_or_default(),
            ]
        })
        .collect();
    let rank = |id: &str| ladder.position(id).map(|(_, rank)| rank);
    let mut below: Vec<(String, usize)> = calibration
        .areas
        .iter()
        .enumerate()
        .map(|(index, area)| {
            let count = calibration
                .people
                .iter()
                .filter(|person| {
                    let rated = person.ratings[index].as_deref().and_then(rank);
                    matches!((rated, rank(&person.level)), (Some(rated), Some(current)) if rated < current)
                })
                .count();
            (area.clone(), count)
        })
        .filter(|(_, count)| *count > 0)
        .collect();
    below.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    crate::export::pdf::ReportData {
        people: calibration.people.len(),
        rows,
        persons,
        below,
    }
}

/// The meeting's report as Markdown.
pub fn to_markdown(
    calibration: &Calibration,
    ladder: &Ladder,
    labels: &Labels,
) -> anyhow::Result<String> {
    let figures = figures(calibration, ladder, labels);
    let table = |rows: Vec<Vec<String>>| {
        let lines: Vec<String> = rows
            .iter()
            .map(|row| {
                let cells: Vec<String> = row.iter().map(|cell| markdown_cell(cell)).collect();
                format!("| {} |", cells.join(" | "))
            })
            .collect();
        let mut text = lines[0].clone() + "\n|" + &"---|".repeat(rows[0].len()) + "\n";
        for line in &lines[1..] {
            text.push_str(line);
            text.push('\n');
        }
        text
    };
    let headings = |keys: &[&str]| {
        keys.iter()
            .map(|key| labels.text(key).to_owned())
            .collect::<Vec<_>>()
    };
    let title = labels.fill("calibration_report", &[("ladder", &ladder.title)]);
    let mut out = format!(
        "# {}\n\n{}: {}\n\n",
        markdown_cell(&title),
        labels.text("people"),
        figures.people
    );
    let mut rows = vec![headings(&[
        "track",
        "level",
        "people",
        "meet_count",
        "promotions",
    ])];
    rows.extend(
        figures
            .rows
            .iter()
            .map(|(track, level, people, meets, promotions)| {
                vec![
                    track.clone(),
                    level.clone(),
                    people.to_string(),
                    meets.to_string(),
                    promotions.to_string(),
                ]
            }),
    );
    out.push_str(&format!("## {}\n\n", labels.text("overview")));
    out.push_str(&table(rows));
    let mut rows = vec![headings(&[
        "name",
        "track",
        "current_level",
        "meets_level",
        "proposed_level",
        "decision",
    ])];
    rows.extend(figures.persons.iter().cloned());
    out.push_str(&format!("\n## {}\n\n", labels.text("people")));
    out.push_str(&table(rows));
    if !figures.below.is_empty() {
        let mut rows = vec![headings(&["area", "people"])];
        rows.extend(
            figures
                .below
                .iter()
                .map(|(area, count)| vec![area.clone(), count.to_string()]),
        );
        out.push_str(&format!("\n## {}\n\n", labels.text("below_level_areas")));
        out.push_str(&table(rows));
    }
    Ok(out)
}

/// Text as a literal Markdown table cell: ASCII punctuation backslash-escaped (CommonMark reads
/// `\*` as `*`), line breaks as spaces.
fn markdown_cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' | '\r' => out.push(' '),
            c if c.is_ascii_punctuation()
                && !matches!(c, ',' | '.' | '-' | ':' | '/' | '\'' | '(' | ')' | '"') =>
            {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// A person's one-page summary for their 1:1: where each area was rated, the current level's
/// expectations in the areas below it, and what a proposed level adds.
pub fn person_pdf(
    context: &crate::export::pdf::Context,
    view: &crate::view::LadderView,
    ladder: &Ladder,
    calibration: &Calibration,
    person: &Assessment,
    stamp: &crate::export::Stamp,
) -> anyhow::Result<Vec<u8>> {
    use anyhow::Context as _;
    let (track, level) = view
        .level(&person.level)
        .with_context(|| format!("no level `{}`", person.level))?;
    let rank = |id: &str| ladder.position(id).map(|(_, rank)| rank);
    let current = rank(&person.level);
    let mut below_areas: Vec<&str> = Vec::new();
    let ratings = calibration
        .areas
        .iter()
        .zip(&person.ratings)
        .map(|(area, rating)| {
            let reached = rating
                .as_deref()
                .and_then(|id| view.level(id))
                .map(|(_, level)| level.title.clone());
            let standing = match (rating.as_deref().and_then(rank), current) {
                (Some(rated), Some(current)) if rated < current => {
                    below_areas.push(area);
                    "below"
                }
                (Some(rated), Some(current)) if rated > current => "above",
                (Some(_), _) => "at",
                (None, _) => "none",
            };
            (area.clone(), reached, standing)
        })
        .collect();
    // Without areas, the one overall rating stands for every expectation of the level.
    let below = level
        .areas
        .iter()
        .filter(|area| {
            below_areas.contains(&area.name.as_str())
                || (ladder.areas.is_empty() && !below_areas.is_empty())
        })
        .collect();
    let sheet = crate::export::pdf::PersonSheet {
        name: &person.name,
        track: &track.name,
        level,
        ratings,
        below,
        proposed: person
            .proposed
            .as_deref()
            .and_then(|id| view.level(id))
            .map(|(_, level)| level),
        decision: person.decision.as_deref(),
    };
    context.person(view, sheet, stamp)
}
