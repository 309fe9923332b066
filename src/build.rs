//! The build: every artifact of every ladder as its own job, run in parallel, written atomically,
//! skipped when its inputs have not changed.
//!
//! An artifact is one document people use (a booklet, one offer one-pager, a handbook, a
//! workbook). Jobs are that fine so that one ladder's many one-pagers spread over the cores,
//! and so that a failure costs only the artifact it happens in.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::Context;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::export::{self, OutputFile, Stamp};
use crate::load::LoadedLadder;
use crate::model::Ladder;
use crate::output::{write_atomically, ContentHasher};
use crate::roster::Roster;

/// The kinds of output `--format` selects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, clap::ValueEnum)]
pub enum Format {
    /// PDF booklet and one-page PDFs per level.
    Pdf,
    /// Markdown handbook.
    Md,
    /// Excel workbook.
    Xlsx,
}

/// Everything a build needs besides the ladders.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub out_dir: PathBuf,
    pub formats: Vec<Format>,
    /// Worker threads; `None` uses every core.
    pub jobs: Option<usize>,
    /// Rebuild even what is up to date.
    pub force: bool,
    /// People to fill the calibration sheets with.
    pub roster: Option<Roster>,
    pub pdf: export::pdf::PdfOptions,
}

impl Default for BuildOptions {
    fn default() -> Self {
        BuildOptions {
            out_dir: PathBuf::from("out"),
            formats: vec![Format::Pdf, Format::Md, Format::Xlsx],
            jobs: None,
            force: false,
            roster: None,
            pdf: export::pdf::PdfOptions::default(),
        }
    }
}

/// One document to make.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum ArtifactKind {
    Booklet,
    /// The one-pager of the level with this id.
    Offer(String),
    Handbook,
    Workbook,
}

impl fmt::Display for ArtifactKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ArtifactKind::Booklet => write!(f, "booklet"),
            ArtifactKind::Offer(level) => write!(f, "offer {level}"),
            ArtifactKind::Handbook => write!(f, "handbook"),
            ArtifactKind::Workbook => write!(f, "workbook"),
        }
    }
}

/// A job: one artifact of one ladder.
#[derive(Debug, Clone)]
pub struct Artifact<'a> {
    pub loaded: &'a LoadedLadder,
    pub kind: ArtifactKind,
}

impl Artifact<'_> {
    pub fn ladder(&self) -> &Ladder {
        &self.loaded.ladder
    }

    /// The manifest key, e.g. `persado-2019/offer/se-2`.
    pub fn key(&self) -> String {
        let id = &self.ladder().id;
        match &self.kind {
            ArtifactKind::Booklet => format!("{id}/booklet"),
            ArtifactKind::Offer(level) => format!("{id}/offer/{level}"),
            ArtifactKind::Handbook => format!("{id}/handbook"),
            ArtifactKind::Workbook => format!("{id}/workbook"),
        }
    }

    /// Where the artifact's files go, relative to the output folder.
    fn folder(&self) -> PathBuf {
        let id = &self.ladder().id;
        match &self.kind {
            ArtifactKind::Handbook => Path::new(id).join("handbook"),
            ArtifactKind::Offer(_) => Path::new(id).join("offers"),
            ArtifactKind::Booklet | ArtifactKind::Workbook => PathBuf::from(id),
        }
    }
}

/// The artifacts of the given ladders in the given formats, in a stable order.
pub fn plan<'a>(ladders: &'a [LoadedLadder], formats: &[Format]) -> Vec<Artifact<'a>> {
    let mut artifacts = Vec::new();
    for loaded in ladders {
        let mut push = |kind| artifacts.push(Artifact { loaded, kind });
        if formats.contains(&Format::Pdf) {
            push(ArtifactKind::Booklet);
        }
        if formats.contains(&Format::Md) {
            push(ArtifactKind::Handbook);
        }
        if formats.contains(&Format::Xlsx) {
            push(ArtifactKind::Workbook);
        }
        if formats.contains(&Format::Pdf) {
            for (_, level) in loaded.ladder.levels() {
                push(ArtifactKind::Offer(level.id.clone()));
            }
        }
    }
    artifacts
}

/// What happened to one artifact.
#[derive(Debug)]
pub enum Outcome {
    Built { files: Vec<PathBuf> },
    UpToDate,
    Failed(anyhow::Error),
}

#[derive(Debug)]
pub struct ArtifactReport {
    pub key: String,
    pub ladder: String,
    pub kind: ArtifactKind,
    pub outcome: Outcome,
    pub elapsed: Duration,
}

/// The result of a build, artifact by artifact, in plan order.
#[derive(Debug, Default)]
pub struct BuildReport {
    pub artifacts: Vec<ArtifactReport>,
    pub elapsed: Duration,
}

impl BuildReport {
    pub fn built(&self) -> usize {
        self.count(|outcome| matches!(outcome, Outcome::Built { .. }))
    }

    pub fn up_to_date(&self) -> usize {
        self.count(|outcome| matches!(outcome, Outcome::UpToDate))
    }

    pub fn failed(&self) -> usize {
        self.count(|outcome| matches!(outcome, Outcome::Failed(_)))
    }

    fn count(&self, predicate: impl Fn(&Outcome) -> bool) -> usize {
        self.artifacts
            .iter()
            .filter(|report| predicate(&report.outcome))
            .count()
    }
}

/// Hears about each artifact as it finishes (for a progress bar); called from worker threads.
pub trait Progress: Sync {
    fn started(&self, _total: usize) {}
    fn finished(&self, _report: &ArtifactReport) {}
}

/// Progress that says nothing.
pub struct Silent;
impl Progress for Silent {}

/// The record of what was built from what, so that an unchanged artifact is not rebuilt.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Manifest {
    pub tool: String,
    pub artifacts: BTreeMap<String, ManifestEntry>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct ManifestEntry {
    pub input_hash: String,
    /// Files relative to the output folder.
    pub files: Vec<PathBuf>,
}

pub const MANIFEST_FILE: &str = "manifest.json";

impl Manifest {
    /// The manifest of an output folder; a missing or unreadable one means "nothing is known
    /// to be up to date", never an error.
    pub fn read(out_dir: &Path) -> Manifest {
        std::fs::read(out_dir.join(MANIFEST_FILE))
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default()
    }

    pub fn write(&self, out_dir: &Path) -> anyhow::Result<()> {
        let mut json = serde_json::to_vec_pretty(self)?;
        json.push(b'\n');
        write_atomically(&out_dir.join(MANIFEST_FILE), |file| file.write_all(&json))
    }
}

/// Artifacts per batch; typst's cache is trimmed after each batch.
const BATCH_SIZE: usize = 128;

/// Builds every artifact of `ladders`. Artifacts fail one by one; the report says which and why.
pub fn build(
    ladders: &[LoadedLadder],
    options: &BuildOptions,
    progress: &dyn Progress,
) -> anyhow::Result<BuildReport> {
    let started = Instant::now();
    std::fs::create_dir_all(&options.out_dir).with_context(|| {
        format!(
            "cannot create the output folder {}",
            options.out_dir.display()
        )
    })?;
    let previous = Manifest::read(&options.out_dir);
    let artifacts = plan(ladders, &options.formats);
    progress.started(artifacts.len());
    let context = export::pdf::Context::new(&options.pdf, options.formats.contains(&Format::Pdf))?;

    // Batches bound memory: typst memoizes every compilation in a global cache, which is
    // trimmed between batches so that a run over hundreds of ladders stays flat.
    let run = || -> Vec<(ArtifactReport, Option<ManifestEntry>)> {
        let mut results = Vec::with_capacity(artifacts.len());
        for batch in artifacts.chunks(BATCH_SIZE) {
            let done: Vec<_> = batch
                .par_iter()
                .map(|artifact| {
                    let result = run_artifact(artifact, options, &context, &previous);
                    progress.finished(&result.0);
                    result
                })
                .collect();
            results.extend(done);
            export::pdf::evict_caches();
        }
        results
    };
    let results = match options.jobs {
        Some(jobs) => rayon::ThreadPoolBuilder::new()
            .num_threads(jobs.max(1))
            .build()
            .context("cannot start the worker threads")?
            .install(run),
        None => run(),
    };

    let mut manifest = Manifest {
        tool: Stamp::new("").tool,
        artifacts: previous.artifacts.clone(),
    };
    let mut report = BuildReport::default();
    for (artifact_report, entry) in results {
        match entry {
            Some(entry) => {
                manifest
                    .artifacts
                    .insert(artifact_report.key.clone(), entry);
            }
            None if matches!(artifact_report.outcome, Outcome::Failed(_)) => {
                manifest.artifacts.remove(&artifact_report.key);
            }
            None => {}
        }
        report.artifacts.push(artifact_report);
    }
    manifest.write(&options.out_dir)?;
    report.elapsed = started.elapsed();
    Ok(report)
}

fn run_artifact(
    artifact: &Artifact,
    options: &BuildOptions,
    context: &export::pdf::Context,
    previous: &Manifest,
) -> (ArtifactReport, Option<ManifestEntry>) {
    let started = Instant::now();
    let key = artifact.key();
    let input_hash = input_hash(artifact, options, context);
    let up_to_date = !options.force
        && previous.artifacts.get(&key).is_some_and(|entry| {
            entry.input_hash == input_hash
                && entry
                    .files
                    .iter()
                    .all(|file| options.out_dir.join(file).is_file())
        });
    let (outcome, entry) = if up_to_date {
        (Outcome::UpToDate, None)
    } else {
        match make_and_write(
            artifact,
            options,
            context,
            &input_hash,
            previous.artifacts.get(&key),
        ) {
            Ok(files) => {
                let entry = ManifestEntry {
                    input_hash,
                    files: files.clone(),
                };
                (Outcome::Built { files }, Some(entry))
            }
            Err(error) => (Outcome::Failed(error), None),
        }
    };
    let report = ArtifactReport {
        key,
        ladder: artifact.ladder().id.clone(),
        kind: artifact.kind.clone(),
        outcome,
        elapsed: started.elapsed(),
    };
    (report, entry)
}

/// Makes an artifact's files and writes each atomically. Files the previous build of this
/// artifact wrote and this one does not (a removed track's chapter) are deleted afterwards.
fn make_and_write(
    artifact: &Artifact,
    options: &BuildOptions,
    context: &export::pdf::Context,
    input_hash: &str,
    previous: Option<&ManifestEntry>,
) -> anyhow::Result<Vec<PathBuf>> {
    let stamp = Stamp::new(input_hash);
    let files = make(artifact, options, context, &stamp)?;
    let folder = artifact.folder();
    let mut written = Vec::with_capacity(files.len());
    for file in files {
        let relative = folder.join(&file.path);
        let path = options.out_dir.join(&relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create the folder {}", parent.display()))?;
        }
        write_atomically(&path, |out| out.write_all(&file.bytes))?;
        written.push(relative);
    }
    if let Some(previous) = previous {
        for stale in previous.files.iter().filter(|file| !written.contains(file)) {
            let _ = std::fs::remove_file(options.out_dir.join(stale));
        }
    }
    Ok(written)
}

/// The documents of one artifact, in memory.
pub fn make(
    artifact: &Artifact,
    options: &BuildOptions,
    context: &export::pdf::Context,
    stamp: &Stamp,
) -> anyhow::Result<Vec<OutputFile>> {
    let ladder = artifact.ladder();
    let id = &ladder.id;
    Ok(match &artifact.kind {
        ArtifactKind::Handbook => export::markdown::handbook(ladder, stamp)?,
        ArtifactKind::Workbook => {
            let workbook_options = export::xlsx::WorkbookOptions {
                roster: options.roster.as_ref(),
                stamp,
            };
            vec![OutputFile {
                path: PathBuf::from(format!("{id}.xlsx")),
                bytes: export::xlsx::workbook(ladder, &workbook_options)?,
            }]
        }
        ArtifactKind::Booklet => vec![OutputFile {
            path: PathBuf::from(format!("{id}.pdf")),
            bytes: context.booklet(ladder, stamp)?,
        }],
        ArtifactKind::Offer(level) => vec![OutputFile {
            path: PathBuf::from(format!("{level}.pdf")),
            bytes: context.offer(ladder, level, None, stamp)?,
        }],
    })
}

/// A hash of everything an artifact is made from: the tool, the ladder's source, the options
/// that affect it, and for PDFs the layouts and fonts.
fn input_hash(
    artifact: &Artifact,
    options: &BuildOptions,
    context: &export::pdf::Context,
) -> String {
    let mut hasher = ContentHasher::new();
    hasher.add(env!("CARGO_PKG_VERSION").as_bytes());
    hasher.add(artifact.key().as_bytes());
    hasher.add(artifact.loaded.source.text.as_bytes());
    match artifact.kind {
        ArtifactKind::Booklet | ArtifactKind::Offer(_) => {
            hasher.add(context.fingerprint().as_bytes())
        }
        ArtifactKind::Workbook => {
            if let Some(roster) = &options.roster {
                hasher.add(roster.fingerprint().as_bytes());
            }
        }
        ArtifactKind::Handbook => {}
    }
    hasher.finish()
}
