//! The outputs of a calibration meeting, made by exporters like every other output and written
//! by the same build (parallel, atomic, up to date by hash): the report as Markdown and PDF,
//! one row per person (CSV), everything read (JSON), and a page per person for their 1:1.

use std::path::PathBuf;
use std::sync::Arc;

use anyhow::Context as _;

use super::pdf::PdfExporter;
use super::{ArtifactSpec, Exporter, Input, OutputFile, Settings, Stamp};
use crate::audience::Audience;
use crate::calibration::{figures, Assessment, Calibration};
use crate::labels::Labels;
use crate::model::Ladder;
use crate::output::ContentHasher;
use crate::people::FileNames;

/// A filled calibration workbook, read, with what names its outputs.
#[derive(Debug)]
pub struct Filled {
    /// What was read.
    pub calibration: Calibration,
    /// The file name its outputs take (the workbook's stem).
    pub stem: String,
    /// Hex hash of the workbook's bytes: outputs are rebuilt when the workbook changes.
    pub hash: String,
    /// The file name of each person's page, in the order of `calibration.people`.
    person_files: Vec<String>,
}

impl Filled {
    /// A workbook read from `bytes` (for its hash), its outputs named after its file.
    pub fn new(calibration: Calibration, bytes: &[u8]) -> Self {
        let stem = calibration.source.file_stem().map_or_else(
            || String::from("calibration"),
            |stem| stem.to_string_lossy().into_owned(),
        );
        let mut hasher = ContentHasher::new();
        hasher.add(bytes);
        let mut file_names = FileNames::default();
        let person_files = calibration
            .people
            .iter()
            .map(|person| file_names.take(&person.name, || format!("row-{}", person.row)))
            .collect();
        Filled {
            calibration,
            stem,
            hash: hasher.finish(),
            person_files,
        }
    }
}

/// What one calibration format makes of a filled workbook.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    /// The report, as Markdown.
    Markdown,
    /// One row per person.
    Csv,
    /// Everything read.
    Json,
    /// The report as PDF and a page per person.
    Pdf,
    /// A calibration workbook filled with what was read (managers' workbooks merged).
    Workbook,
}

/// The folder of a ladder's output folder that the calibration outputs go into.
pub const FOLDER: &str = "calibration";

/// The exporter of one calibration format over the filled workbooks of `settings`.
pub(super) fn exporter(settings: &Settings, output: Output) -> anyhow::Result<Box<dyn Exporter>> {
    let pdf = match output {
        Output::Pdf => Some(PdfExporter::new(&settings.pdf)?),
        _ => None,
    };
    Ok(Box::new(CalibrationOutputs {
        output,
        filled: settings.filled.clone(),
        pdf,
    }))
}

/// One calibration format: an artifact per filled workbook of a ladder (and, for PDF, one per
/// person besides the report).
struct CalibrationOutputs {
    output: Output,
    filled: Vec<Arc<Filled>>,
    pdf: Option<PdfExporter>,
}

impl CalibrationOutputs {
    fn extension(&self) -> &'static str {
        match self.output {
            Output::Markdown => "md",
            Output::Csv => "csv",
            Output::Json => "json",
            Output::Pdf => "pdf",
            Output::Workbook => "xlsx",
        }
    }

    /// The workbook and, for a person's page, the person an artifact is made of.
    fn subject(&self, artifact: &ArtifactSpec) -> Option<(&Filled, Option<&Assessment>)> {
        self.filled.iter().find_map(|filled| {
            if artifact.name == self.report_name(filled) {
                return Some((filled.as_ref(), None));
            }
            // `calibration/<stem>/<file>.pdf`, read back without formatting every person's name.
            let file = artifact
                .name
                .strip_prefix(FOLDER)?
                .strip_prefix('/')?
                .strip_prefix(filled.stem.as_str())?
                .strip_prefix('/')?
                .strip_suffix(".pdf")?;
            let index = filled.person_files.iter().position(|known| known == file)?;
            Some((filled.as_ref(), filled.calibration.people.get(index)))
        })
    }

    fn report_name(&self, filled: &Filled) -> String {
        format!("{FOLDER}/{}.{}", filled.stem, self.extension())
    }

    fn person_name(&self, filled: &Filled, file: &str) -> String {
        format!("{FOLDER}/{}/{file}.pdf", filled.stem)
    }
}

impl Exporter for CalibrationOutputs {
    fn name(&self) -> &'static str {
        self.extension()
    }

    fn audience(&self) -> Audience {
        // The reports speak of people: they stay in the company.
        Audience::Internal
    }

    fn artifacts(&self, ladder: &Ladder) -> Vec<ArtifactSpec> {
        let mut artifacts = Vec::new();
        for filled in self
            .filled
            .iter()
            .filter(|filled| filled.calibration.ladder == ladder.id)
        {
            artifacts.push(ArtifactSpec::new(self.report_name(filled)).in_folder(FOLDER));
            if self.output == Output::Pdf {
                for file in &filled.person_files {
                    artifacts.push(
                        ArtifactSpec::new(self.person_name(filled, file))
                            .in_folder(PathBuf::from(FOLDER).join(&filled.stem)),
                    );
                }
            }
        }
        artifacts
    }

    fn fingerprint(&self, artifact: &ArtifactSpec) -> String {
        let mut hasher = ContentHasher::new();
        if let Some((filled, person)) = self.subject(artifact) {
            hasher.add(filled.hash.as_bytes());
            hasher.add(format!("{person:?}").as_bytes());
        }
        if let Some(pdf) = &self.pdf {
            hasher.add(pdf.context().fingerprint().as_bytes());
        }
        hasher.finish()
    }

    fn make(
        &self,
        input: Input,
        artifact: &ArtifactSpec,
        stamp: &Stamp,
    ) -> anyhow::Result<Vec<OutputFile>> {
        let (filled, person) = self
            .subject(artifact)
            .with_context(|| format!("no workbook for {}", artifact.name))?;
        let read = &filled.calibration;
        let (ladder, labels) = (input.ladder, input.view.labels.as_ref());
        let bytes = match (self.output, person, &self.pdf) {
            (Output::Markdown, _, _) => to_markdown(read, ladder, labels)?.into_bytes(),
            (Output::Csv, _, _) => to_csv(read).into_bytes(),
            (Output::Json, _, _) => (serde_json::to_string_pretty(read)? + "\n").into_bytes(),
            (Output::Pdf, None, Some(pdf)) => {
                pdf.context()
                    .report(input.view, figures(read, ladder, labels), stamp)?
            }
            (Output::Pdf, Some(person), Some(pdf)) => {
                person_pdf(pdf.context(), input.view, ladder, read, person, stamp)?
            }
            (Output::Pdf, _, None) => anyhow::bail!("the PDF templates were not loaded"),
            (Output::Workbook, _, _) => filled_workbook(input, read, stamp)?,
        };
        let file = artifact
            .name
            .rsplit('/')
            .next()
            .unwrap_or(&artifact.name)
            .to_owned();
        Ok(vec![OutputFile {
            path: PathBuf::from(file),
            bytes,
        }])
    }
}

/// A calibration workbook of the ladder with the people read and what the meeting had filled
/// in for them (ratings, proposals, decisions, notes): several managers' workbooks, merged,
/// become the one the calibration meeting works in.
fn filled_workbook(input: Input, read: &Calibration, stamp: &Stamp) -> anyhow::Result<Vec<u8>> {
    let ladder = input.ladder;
    let people = read
        .people
        .iter()
        .map(|person| crate::roster::Person {
            name: person.name.clone(),
            track: person.track.clone(),
            level: person.level.clone(),
            line: person.row,
            extra: person.extra.clone(),
        })
        .collect();
    let roster = crate::roster::Roster::from_people(read.source.clone(), people);
    // Every person read is a person of this ladder (the reader checked their track and level).
    debug_assert_eq!(roster.people_of(ladder).count(), read.people.len());
    super::xlsx::workbook(
        input,
        &super::xlsx::WorkbookOptions {
            roster: Some(&roster),
            filled: Some(&read.people),
            stamp,
        },
    )
}

/// One row per person, every column kept, for HR systems: name, track, level, a column per
/// rating, the roll-ups, proposal, decision, notes, then the roster's further columns.
pub fn to_csv(calibration: &Calibration) -> String {
    let field = |text: &str| csv_field(text);
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

/// One CSV field, safe to open in a spreadsheet: text that a spreadsheet would read as a
/// formula (it begins with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading `'`,
/// as OWASP recommends against CSV injection, and is quoted; a field holding a comma, a quote
/// or a line break is quoted, its quotes doubled.
pub fn csv_field(text: &str) -> String {
    let formula = text.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if formula {
        format!("\"'{}\"", text.replace('"', "\"\""))
    } else if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
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
    if !figures.notes.is_empty() {
        out.push_str(&format!("\n## {}\n", labels.text("notes")));
        for (name, notes) in &figures.notes {
            // Each line of the notes a line of the quote: literal text, its line breaks kept.
            out.push_str(&format!("\n**{}**\n\n", markdown_cell(name)));
            let lines: Vec<String> = notes
                .lines()
                .map(|line| format!("> {}", markdown_cell(line)))
                .collect();
            out.push_str(&lines.join("\\\n"));
            out.push('\n');
        }
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
    context: &super::pdf::Context,
    view: &crate::view::LadderView,
    ladder: &Ladder,
    calibration: &Calibration,
    person: &Assessment,
    stamp: &Stamp,
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
            let rated = rating.as_deref().and_then(rank);
            let standing = match (rated, current) {
                (Some(rated), Some(current)) if rated < current => {
                    below_areas.push(area);
                    "below"
                }
                (Some(rated), Some(current)) if rated > current => "above",
                (Some(_), _) => "at",
                (None, _) => "none",
            };
            super::pdf::RatingView {
                area: area.clone(),
                reached,
                rank: rated.map(|rank| rank + 1),
                standing,
            }
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
    let sheet = super::pdf::PersonSheet {
        name: &person.name,
        track: &track.name,
        level,
        ratings,
        below,
        scale: ladder
            .position(&person.level)
            .map_or(1, |(track, _)| track.levels.len()),
        current_rank: current.map_or(1, |rank| rank + 1),
        proposed_rank: person
            .proposed
            .as_deref()
            .and_then(rank)
            .map(|rank| rank + 1),
        notes: person.notes.as_deref(),
        proposed: person
            .proposed
            .as_deref()
            .and_then(|id| view.level(id))
            .map(|(_, level)| level),
        decision: person.decision.as_deref(),
    };
    context.person(view, sheet, stamp)
}
