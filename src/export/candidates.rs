//! A hiring batch: one personalized one-pager per row of a candidates file
//! (`ladder offer LADDER --candidates people.csv`).
//!
//! Each row is an artifact of its own, so the batch gets everything a build has: parallel
//! work, atomic writes, up-to-date checks, and a bad row that fails alone with its line. The
//! manifest and the progress lines name a row only by its file name (a slug of the name); the
//! rest of a row's data stays in its PDF.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::Context as _;

use super::pdf::{Candidate, PdfExporter, PdfOptions};
use super::{ArtifactSpec, Exporter, Input, OutputFile, Stamp};
use crate::audience::Audience;
use crate::date::Date;
use crate::diagnostic::Diagnostic;
use crate::model::{Ladder, Level, Track};
use crate::output::ContentHasher;
use crate::people::{column_key, FileNames, PeopleFile};

/// The columns a candidates file must have.
pub const REQUIRED_COLUMNS: &[&str] = &["name", "level"];

/// The folder of a ladder's output folder that a batch writes into.
pub const FOLDER: &str = "candidates";

/// One row of a candidates file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CandidateRow {
    /// The 1-based line of the row, for messages.
    pub line: usize,
    /// The file name of the row's PDF, without `.pdf`: a slug of the name, made unique.
    pub file: String,
    /// As written.
    pub name: String,
    /// As written: a level's id, title or alias.
    pub level: String,
    /// As written, when given: a track's id or name, for a level title two tracks share.
    pub track: Option<String>,
    /// As written, when given: the date printed on the page.
    pub date: Option<String>,
    /// Every further column, by key (`Start date` → `start_date`).
    pub fields: BTreeMap<String, String>,
}

/// Reads a candidates file: a header naming at least `name` and `level`, then a row per person.
pub fn read(path: &Path) -> Result<Vec<CandidateRow>, Vec<Diagnostic>> {
    let file = PeopleFile::read(path, "the candidates file", REQUIRED_COLUMNS)?;
    let name = file.column("name");
    let level = file.column("level");
    let track = file.column("track");
    let date = file.column("date");
    let known = [name, level, track, date];
    let mut file_names = FileNames::default();
    let mut rows = Vec::new();
    for row in &file.rows {
        let text = |column: Option<usize>| file.field(row, column).map(|field| field.text.clone());
        let name_text = text(name).unwrap_or_default();
        let unique = file_names.take(&name_text, || format!("line-{}", row.line));
        let fields = file
            .columns
            .iter()
            .enumerate()
            .filter(|(index, _)| !known.contains(&Some(*index)))
            // An empty cell is no value: a template that needs it fails that row, by its line.
            .filter_map(|(index, column)| Some((column_key(column), text(Some(index))?)))
            .collect();
        rows.push(CandidateRow {
            line: row.line,
            file: unique,
            name: name_text,
            level: text(level).unwrap_or_default(),
            track: text(track),
            date: text(date),
            fields,
        });
    }
    Ok(rows)
}

/// Where a batch's rows come from.
#[derive(Debug, Clone)]
pub enum Origin {
    /// A candidates file: every row names a candidate, and is reported by its line.
    File(PathBuf),
    /// `ladder offer LADDER LEVEL [--candidate NAME]`: one row, its name optional (without
    /// one, the page is the level's own, unpersonalized).
    CommandLine,
}

/// The exporter of a hiring batch: a one-pager per candidate, for one ladder.
pub struct CandidateOffers {
    pdf: PdfExporter,
    origin: Origin,
    rows: Vec<CandidateRow>,
    /// Each row's index by its file name, which names its artifact (a batch of 10,000 rows
    /// searched for each of its artifacts was quadratic).
    by_file: std::collections::HashMap<String, usize>,
    audience: Audience,
}

impl CandidateOffers {
    /// The batch of `rows`, from `origin`, with the PDF options of the run.
    pub fn new(
        options: &PdfOptions,
        origin: Origin,
        rows: Vec<CandidateRow>,
    ) -> anyhow::Result<Self> {
        Ok(CandidateOffers {
            pdf: PdfExporter::new(options)?,
            origin,
            by_file: rows
                .iter()
                .enumerate()
                .map(|(index, row)| (row.file.clone(), index))
                .collect(),
            rows,
            audience: Audience::Public,
        })
    }

    /// The same batch for another audience (public by default: the pages go to candidates).
    pub fn for_audience(mut self, audience: Audience) -> Self {
        self.audience = audience;
        self
    }

    fn row(&self, artifact: &ArtifactSpec) -> Option<&CandidateRow> {
        let file = artifact.name.strip_prefix("candidate/")?;
        self.by_file.get(file).map(|&index| &self.rows[index])
    }

    /// The level a row names, or why it names none.
    fn level_of<'a>(ladder: &'a Ladder, row: &CandidateRow) -> Result<&'a Level, String> {
        let wanted = row.level.trim();
        if wanted.is_empty() {
            return Err(String::from("the level is empty"));
        }
        let tracks: Vec<&Track> = match &row.track {
            Some(track) => vec![ladder
                .track_named(track)
                .ok_or_else(|| format!("ladder `{}` has no track `{track}`", ladder.id))?],
            None => ladder.tracks.iter().collect(),
        };
        let matches: Vec<&Level> = tracks
            .iter()
            .flat_map(|track| track.levels.iter())
            .filter(|level| level.id.eq_ignore_ascii_case(wanted) || level.is_named(wanted))
            .collect();
        match matches.as_slice() {
            [level] => Ok(level),
            [] => Err(format!(
                "ladder `{}` has no level `{wanted}`; its levels: {}",
                ladder.id,
                ladder
                    .levels()
                    .map(|(_, level)| level.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
            several => Err(format!(
                "`{wanted}` names {} levels ({}); add a `track` column or use the level's id",
                several.len(),
                several
                    .iter()
                    .map(|level| level.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        }
    }
}

impl Exporter for CandidateOffers {
    fn name(&self) -> &'static str {
        "candidates"
    }

    fn audience(&self) -> Audience {
        self.audience
    }

    fn artifacts(&self, _ladder: &Ladder) -> Vec<ArtifactSpec> {
        self.rows
            .iter()
            .map(|row| ArtifactSpec::new(format!("candidate/{}", row.file)).in_folder(FOLDER))
            .collect()
    }

    fn fingerprint(&self, artifact: &ArtifactSpec) -> String {
        let mut hasher = ContentHasher::new();
        hasher.add(self.pdf.context().fingerprint().as_bytes());
        if let Some(row) = self.row(artifact) {
            hasher.add(format!("{row:?}").as_bytes());
        }
        hasher.finish()
    }

    fn make(
        &self,
        input: Input,
        artifact: &ArtifactSpec,
        stamp: &Stamp,
    ) -> anyhow::Result<Vec<OutputFile>> {
        let row = self
            .row(artifact)
            .with_context(|| format!("no row for {}", artifact.name))?;
        let (at, named) = match &self.origin {
            Origin::File(source) => (format!("{}:{}", source.display(), row.line), true),
            Origin::CommandLine => (String::from("ladder offer"), false),
        };
        if named && row.name.trim().is_empty() {
            anyhow::bail!("{at}: the name is empty");
        }
        let level =
            Self::level_of(input.ladder, row).map_err(|why| anyhow::anyhow!("{at}: {why}"))?;
        let date = match &row.date {
            Some(text) => Some(
                text.parse::<Date>()
                    .map_err(|error| anyhow::anyhow!("{at}: {error}"))?,
            ),
            None => None,
        };
        let candidate = (!row.name.trim().is_empty()).then(|| Candidate {
            name: row.name.clone(),
            date,
            fields: row.fields.clone(),
        });
        let pdf = self
            .pdf
            .context()
            .offer(input.view, &level.id, candidate.as_ref(), stamp)
            .with_context(|| format!("{at}: the one-pager could not be made"))?;
        Ok(vec![OutputFile {
            path: PathBuf::from(format!("{}.pdf", row.file)),
            bytes: pdf,
        }])
    }
}
