//! The build: every artifact of every ladder as its own job, run in parallel, written atomically,
//! skipped when its inputs have not changed.
//!
//! An artifact is one document people use (a booklet, one offer one-pager, a handbook, a
//! workbook). Jobs are that fine so that one ladder's many one-pagers spread over the cores,
//! and so that a failure costs only the artifact it happens in.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};
use std::time::{Duration, Instant};

use anyhow::Context;
use serde::{Deserialize, Serialize};

use crate::audience::{for_audience, Audience};
use crate::diagnostic::Diagnostic;
use crate::export::pdf::CacheTrimmer;
use crate::export::{self, ArtifactSpec, Input, Registry, Stamp};
use crate::labels::{Dictionaries, Labels};
use crate::load::LoadedLadder;
use crate::model::Ladder;
use crate::output::{
    remove_stale_temporaries, write_atomically, write_folder_atomically, BuildLock, ContentHasher,
};
use crate::view::LadderView;

/// Everything a build needs besides the ladders.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// Where the outputs go.
    pub out_dir: PathBuf,
    /// The formats to build, by exporter name; empty means every format of the registry.
    pub formats: Vec<String>,
    /// Worker threads; `None` uses every core.
    pub jobs: Option<usize>,
    /// Rebuild even what is up to date.
    pub force: bool,
    /// What the exporters are set up from (templates, roster, audience).
    pub export: export::Settings,
}

impl Default for BuildOptions {
    fn default() -> Self {
        BuildOptions {
            out_dir: PathBuf::from("out"),
            formats: Vec::new(),
            jobs: None,
            force: false,
            export: export::Settings::default(),
        }
    }
}

/// A job: one artifact of one ladder, made by one exporter.
pub struct Artifact<'a> {
    /// The ladder's position among the build's ladders.
    pub ladder_index: usize,
    /// The ladder as loaded.
    pub loaded: &'a LoadedLadder,
    /// The labels of the ladder's language.
    pub labels: &'a Arc<Labels>,
    /// The exporter that makes it.
    pub exporter: &'a dyn export::Exporter,
    /// Which of the exporter's artifacts it is.
    pub spec: ArtifactSpec,
}

impl Artifact<'_> {
    /// The manifest key, e.g. `persado-2019/offer/se-2`.
    pub fn key(&self) -> String {
        format!("{}/{}", self.loaded.ladder.id, self.spec.name)
    }

    /// Where the artifact's files go, relative to the output folder.
    fn folder(&self) -> PathBuf {
        Path::new(&self.loaded.ladder.id).join(&self.spec.folder)
    }
}

/// The artifacts of the given ladders, exporter by exporter, in a stable order.
pub fn plan<'a>(
    ladders: &'a [LoadedLadder],
    labels: &'a [Arc<Labels>],
    registry: &'a Registry,
) -> Vec<Artifact<'a>> {
    let mut artifacts = Vec::new();
    for (ladder_index, (loaded, labels)) in ladders.iter().zip(labels).enumerate() {
        for exporter in registry.exporters() {
            // Planned from what the exporter's audience may read: no page for an internal level
            // in a public output.
            let readable = for_audience(&loaded.ladder, exporter.audience());
            for spec in exporter.artifacts(&readable) {
                artifacts.push(Artifact {
                    ladder_index,
                    loaded,
                    labels,
                    exporter,
                    spec,
                });
            }
        }
    }
    artifacts
}

/// What happened to one artifact.
#[derive(Debug)]
pub enum Outcome {
    /// Made and written.
    Built {
        /// The files written, relative to the output folder.
        files: Vec<PathBuf>,
    },
    /// Skipped: its inputs and files are as the manifest records them.
    UpToDate,
    /// Not made; the error says why (a panic while making it included). It is dropped from the
    /// manifest, so the next build tries it again.
    Failed(anyhow::Error),
}

/// What happened to one artifact.
#[derive(Debug)]
pub struct ArtifactReport {
    /// The manifest key.
    pub key: String,
    /// The ladder's id.
    pub ladder: String,
    /// The artifact's name among the ladder's (`booklet`, `offer/se-2`).
    pub kind: String,
    /// Built, up to date, or failed and why.
    pub outcome: Outcome,
    /// How long it took.
    pub elapsed: Duration,
}

/// The result of a build, artifact by artifact, in plan order.
#[derive(Debug, Default)]
pub struct BuildReport {
    /// Every artifact's outcome.
    pub artifacts: Vec<ArtifactReport>,
    /// Problems of the build itself: labels a dictionary lacks, a manifest that cannot be written.
    pub diagnostics: Vec<Diagnostic>,
    /// How long the build took.
    pub elapsed: Duration,
}

impl BuildReport {
    /// How many artifacts were made and written.
    pub fn built(&self) -> usize {
        self.count(|outcome| matches!(outcome, Outcome::Built { .. }))
    }

    /// How many artifacts were skipped as up to date.
    pub fn up_to_date(&self) -> usize {
        self.count(|outcome| matches!(outcome, Outcome::UpToDate))
    }

    /// How many artifacts failed.
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
    /// The build is about to go through this many artifacts (up-to-date ones included).
    fn started(&self, _total: usize) {}
    /// One artifact is done, whatever its outcome.
    fn finished(&self, _report: &ArtifactReport) {}
}

/// Progress that says nothing.
pub struct Silent;
impl Progress for Silent {}

/// The record of what was built from what, so that an unchanged artifact is not rebuilt.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Manifest {
    /// The tool that wrote it, e.g. `ladder 0.1.0`.
    pub tool: String,
    /// What each artifact was last built from, by key (`persado-2019/offer/se-2`).
    pub artifacts: BTreeMap<String, ManifestEntry>,
}

/// What one artifact was last built from and which files it wrote.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct ManifestEntry {
    /// Hex hash of everything the artifact was made from; a different hash means rebuild.
    pub input_hash: String,
    /// Files relative to the output folder.
    pub files: Vec<PathBuf>,
    /// Hex hash of each file's bytes as written, in the order of `files`: a file edited or
    /// replaced since (by hand, or by another command) is not up to date.
    #[serde(default)]
    pub file_hashes: Vec<String>,
}

/// The hash the manifest records of a file's bytes.
pub fn file_hash(bytes: &[u8]) -> String {
    let mut hasher = ContentHasher::new();
    hasher.add(bytes);
    hasher.finish()
}

/// The manifest's file name in the output folder.
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

    /// Writes the manifest into the output folder, atomically, so that an interrupted build
    /// leaves the previous one whole.
    pub fn write(&self, out_dir: &Path) -> anyhow::Result<()> {
        let mut json = serde_json::to_vec_pretty(self)?;
        json.push(b'\n');
        write_atomically(&out_dir.join(MANIFEST_FILE), |file| file.write_all(&json))
    }
}

/// Artifacts made between two writes of the manifest while a build goes (a build killed in
/// its middle resumes from the last write).
const MANIFEST_EVERY: usize = 32;

/// Builds every artifact of `ladders` with the standard exporters of `options.formats`.
pub fn build(
    ladders: &[LoadedLadder],
    options: &BuildOptions,
    progress: &dyn Progress,
) -> anyhow::Result<BuildReport> {
    let registry = Registry::standard(&options.formats, &options.export)?;
    build_with(ladders, &registry, options, progress)
}

/// Builds every artifact that the exporters of `registry` make of `ladders`. Artifacts fail one
/// by one, a panic included; the report says which and why.
pub fn build_with(
    ladders: &[LoadedLadder],
    registry: &Registry,
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
    let _lock = BuildLock::acquire(&options.out_dir)?;
    remove_stale_temporaries(&options.out_dir, 0);
    for loaded in ladders {
        remove_stale_temporaries(&options.out_dir.join(&loaded.ladder.id), 2);
    }
    let previous = Manifest::read(&options.out_dir);
    let dictionaries =
        Dictionaries::load(export::pdf::layouts_folder(&options.export.pdf).as_deref())?;
    let mut report = BuildReport::default();
    let mut labels = Vec::with_capacity(ladders.len());
    for loaded in ladders {
        let (ladder_labels, warnings) = dictionaries.labels(loaded.ladder.language());
        for warning in warnings {
            let warning = warning.in_file(&loaded.source.path);
            if !report.diagnostics.contains(&warning) {
                report.diagnostics.push(warning);
            }
        }
        labels.push(ladder_labels);
    }
    let artifacts = plan(ladders, &labels, registry);
    progress.started(artifacts.len());

    // The workers take the artifacts in plan order, a ladder's after another's, so that the
    // views alive at a time are those of the ladders being built.
    let views = Views::new(ladders, &labels, &artifacts);
    let next = AtomicUsize::new(0);
    // The results in plan order, and when to trim typst's cache, under one lock.
    let results: Mutex<(Vec<Option<ArtifactResult>>, CacheTrimmer, usize)> = Mutex::new((
        artifacts.iter().map(|_| None).collect(),
        CacheTrimmer::default(),
        0,
    ));
    let work = || loop {
        let index = next.fetch_add(1, Ordering::Relaxed);
        let Some(artifact) = artifacts.get(index) else {
            break;
        };
        let input_hash = input_hash(artifact);
        let up_to_date = !options.force && is_up_to_date(artifact, &input_hash, options, &previous);
        let key = (artifact.ladder_index, artifact.exporter.audience());
        let view = (!up_to_date).then(|| views.get(key));
        let input = view
            .as_ref()
            .and_then(|cell| cell.get())
            .map(|(ladder, view)| Input { ladder, view });
        let result = run_artifact(artifact, input, &input_hash, options, &previous);
        drop(view);
        views.done(key);
        progress.finished(&result.0);
        let mut guard = results.lock().unwrap_or_else(PoisonError::into_inner);
        let (results, trimmer, made) = &mut *guard;
        results[index] = Some(result);
        // Only an artifact made has anything new to trim or record.
        if !up_to_date {
            trimmer.document_done();
            *made += 1;
            if made.is_multiple_of(MANIFEST_EVERY) {
                // Recorded as the build goes, so that a build killed in its middle (a batch
                // of 10,000 offers) resumes where it stopped. A failure to write it is
                // reported once, at the end.
                let _ = manifest_of(&previous, results.iter().flatten()).write(&options.out_dir);
            }
        }
    };
    let run = || {
        rayon::scope(|scope| {
            for _ in 0..rayon::current_num_threads() {
                scope.spawn(|_| work());
            }
        })
    };
    let mut pool = rayon::ThreadPoolBuilder::new().stack_size(crate::budget::WORKER_STACK_BYTES);
    if let Some(jobs) = options.jobs {
        pool = pool.num_threads(jobs.max(1));
    }
    pool.build()
        .context("cannot start the worker threads")?
        .install(run);
    let (results, _, made) = results.into_inner().unwrap_or_else(PoisonError::into_inner);
    // What the build laid out is of no use to the caller's next build of other inputs.
    if made > 0 {
        export::pdf::evict_caches();
    }
    let results: Vec<ArtifactResult> = results.into_iter().flatten().collect();
    let manifest = manifest_of(&previous, &results);
    report.artifacts.extend(
        results
            .into_iter()
            .map(|(artifact_report, _)| artifact_report),
    );
    // The artifacts are written: a manifest that cannot be is reported, and only costs the
    // next build its up-to-date checks.
    if let Err(error) = manifest.write(&options.out_dir) {
        report.diagnostics.push(Diagnostic::error(
            "manifest",
            format!("{error:#}; the next build rebuilds everything"),
        ));
    }
    report.elapsed = started.elapsed();
    Ok(report)
}

/// The previous manifest with what these artifacts' builds changed: an entry for each one
/// made, none for each one that failed (so the next build tries it again).
fn manifest_of<'a>(
    previous: &Manifest,
    results: impl IntoIterator<Item = &'a ArtifactResult>,
) -> Manifest {
    let mut manifest = Manifest {
        tool: Stamp::new("").tool,
        artifacts: previous.artifacts.clone(),
    };
    for (artifact_report, entry) in results {
        match entry {
            Some(entry) => {
                manifest
                    .artifacts
                    .insert(artifact_report.key.clone(), entry.clone());
            }
            None if matches!(artifact_report.outcome, Outcome::Failed(_)) => {
                manifest.artifacts.remove(&artifact_report.key);
            }
            None => {}
        }
    }
    manifest
}

/// Whether the previous build made this artifact from the same inputs, and its files are there
/// with the bytes it wrote.
fn is_up_to_date(
    artifact: &Artifact,
    input_hash: &str,
    options: &BuildOptions,
    previous: &Manifest,
) -> bool {
    previous
        .artifacts
        .get(&artifact.key())
        .is_some_and(|entry| {
            entry.input_hash == input_hash
                && entry.files.len() == entry.file_hashes.len()
                && entry
                    .files
                    .iter()
                    .zip(&entry.file_hashes)
                    .all(|(file, hash)| {
                        std::fs::read(options.out_dir.join(file))
                            .is_ok_and(|bytes| file_hash(&bytes) == *hash)
                    })
        })
}

/// What happened to an artifact, and its manifest entry when it was made.
type ArtifactResult = (ArtifactReport, Option<ManifestEntry>);

/// The key of a ladder's view: the ladder's index and the audience it is for.
type ViewKey = (usize, Audience);

/// The views of the ladders being built, made when an artifact first needs one and dropped
/// after the last artifact of its ladder and audience: a build of 200 ladders holds a few at a
/// time, a large ladder's view (seconds to make) is made once, and a build with nothing to do
/// makes none.
struct Views<'a> {
    ladders: &'a [LoadedLadder],
    labels: &'a [Arc<Labels>],
    /// Per key: the artifacts still to run, and the view once made.
    slots: Mutex<HashMap<ViewKey, ViewSlot>>,
}

type ViewSlot = (usize, Arc<OnceLock<(Ladder, LadderView)>>);

impl<'a> Views<'a> {
    fn new(ladders: &'a [LoadedLadder], labels: &'a [Arc<Labels>], artifacts: &[Artifact]) -> Self {
        let mut slots: HashMap<ViewKey, ViewSlot> = HashMap::new();
        for artifact in artifacts {
            let key = (artifact.ladder_index, artifact.exporter.audience());
            slots.entry(key).or_default().0 += 1;
        }
        Views {
            ladders,
            labels,
            slots: Mutex::new(slots),
        }
    }

    /// The view of `key`, made by the first worker that asks (the others wait for it).
    fn get(&self, key: ViewKey) -> Arc<OnceLock<(Ladder, LadderView)>> {
        let cell = {
            let slots = self.slots.lock().unwrap_or_else(PoisonError::into_inner);
            Arc::clone(&slots.get(&key).expect("every artifact's view is counted").1)
        };
        cell.get_or_init(|| {
            let (index, audience) = key;
            let ladder = for_audience(&self.ladders[index].ladder, audience);
            let view = LadderView::new(&ladder, self.labels[index].clone());
            (ladder, view)
        });
        cell
    }

    /// One artifact of `key` has run; after the last, its view is dropped (once no worker
    /// holds it).
    fn done(&self, key: ViewKey) {
        let mut slots = self.slots.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(slot) = slots.get_mut(&key) {
            slot.0 -= 1;
            if slot.0 == 0 {
                slots.remove(&key);
            }
        }
    }
}

/// Makes and writes one artifact, or reports it up to date (`input` is `None` exactly then).
fn run_artifact(
    artifact: &Artifact,
    input: Option<Input>,
    input_hash: &str,
    options: &BuildOptions,
    previous: &Manifest,
) -> (ArtifactReport, Option<ManifestEntry>) {
    let started = Instant::now();
    let key = artifact.key();
    let (outcome, entry) = match input {
        None => (Outcome::UpToDate, None),
        Some(input) => {
            // A panic below (typst, krilla, the workbook writer, comrak) costs only this artifact.
            let made = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                make_and_write(
                    artifact,
                    input,
                    options,
                    input_hash,
                    previous.artifacts.get(&key),
                )
            }))
            .unwrap_or_else(|panic| Err(panicked(panic.as_ref())));
            match made {
                Ok(written) => {
                    let (files, file_hashes): (Vec<PathBuf>, Vec<String>) =
                        written.into_iter().unzip();
                    let entry = ManifestEntry {
                        input_hash: input_hash.to_owned(),
                        files: files.clone(),
                        file_hashes,
                    };
                    (Outcome::Built { files }, Some(entry))
                }
                Err(error) => (Outcome::Failed(error), None),
            }
        }
    };
    let report = ArtifactReport {
        key,
        ladder: artifact.loaded.ladder.id.clone(),
        kind: artifact.spec.name.clone(),
        outcome,
        elapsed: started.elapsed(),
    };
    (report, entry)
}

/// A panic's message as an error.
fn panicked(panic: &(dyn std::any::Any + Send)) -> anyhow::Error {
    let message = crate::diagnostic::panic_message(panic);
    anyhow::anyhow!(
        "an internal error stopped this document ({message}); the other documents were built. \
         Please report it with the ladder that causes it"
    )
}

/// Makes an artifact's files and writes each atomically, returning each file's path (relative
/// to the output folder) and the hash of its bytes. Files the previous build of this artifact
/// wrote and this one does not (a removed track's chapter) are deleted afterwards.
fn make_and_write(
    artifact: &Artifact,
    input: Input,
    options: &BuildOptions,
    input_hash: &str,
    previous: Option<&ManifestEntry>,
) -> anyhow::Result<Vec<(PathBuf, String)>> {
    let stamp = Stamp::new(input_hash);
    let files = artifact.exporter.make(input, &artifact.spec, &stamp)?;
    let folder = artifact.folder();
    if artifact.spec.whole_folder {
        let contents: Vec<(PathBuf, &[u8])> = files
            .iter()
            .map(|file| (file.path.clone(), file.bytes.as_slice()))
            .collect();
        write_folder_atomically(&options.out_dir.join(&folder), &contents)?;
        return Ok(files
            .iter()
            .map(|file| (folder.join(&file.path), file_hash(&file.bytes)))
            .collect());
    }
    let mut written = Vec::with_capacity(files.len());
    for file in files {
        let relative = folder.join(&file.path);
        let path = options.out_dir.join(&relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create the folder {}", parent.display()))?;
        }
        write_atomically(&path, |out| out.write_all(&file.bytes))?;
        written.push((relative, file_hash(&file.bytes)));
    }
    if let Some(previous) = previous {
        for stale in previous
            .files
            .iter()
            .filter(|file| !written.iter().any(|(path, _)| path == *file))
        {
            let _ = std::fs::remove_file(options.out_dir.join(stale));
        }
    }
    Ok(written)
}

/// A hash of everything an artifact is made from: the tool, the ladder's source, the labels of
/// its language, and what its exporter adds (templates and fonts, a roster).
fn input_hash(artifact: &Artifact) -> String {
    let mut hasher = ContentHasher::new();
    hasher.add(env!("CARGO_PKG_VERSION").as_bytes());
    hasher.add(artifact.key().as_bytes());
    hasher.add(artifact.loaded.source.text.as_bytes());
    hasher.add(&serde_json::to_vec(&artifact.labels.entries).unwrap_or_default());
    hasher.add(artifact.exporter.fingerprint(&artifact.spec).as_bytes());
    hasher.add(artifact.exporter.audience().name().as_bytes());
    hasher.finish()
}
