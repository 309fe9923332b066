//! PDF booklets and offer one-pagers, compiled in this process by typst.
//!
//! The look lives in `layouts/` (typst templates an organization can restyle); this module
//! hands each template the ladder as JSON data and turns typst's answer into PDF bytes or a
//! located error. Fonts and layouts are loaded once per run ([`Context`]) and shared by every
//! document's [`world::DocumentWorld`].

pub mod data;
pub mod fonts;
pub mod world;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Context as _;
use typst::diag::{Severity, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime};
use typst::WorldExt;
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions as TypstPdfOptions, PdfStandard, PdfStandards, Timestamp};

use crate::audience::Audience;
use crate::budget::{Budget, Limits, Overrun};
pub use crate::calibration::ReportData;
use crate::date::Date;
use crate::export::{ArtifactSpec, Exporter, Input, OutputFile, Stamp};
use crate::view::{LadderView, LevelView, TrackView};
use data::{
    DocumentData, Fit, LadderData, LadderHeader, Lang, OfferData, PersonData, TrackStep, VolumeData,
};
pub use data::{PersonSheet, RatingView};
use world::{file_id, DocumentWorld, Resources};

/// Paper sizes people print ladders on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Paper {
    /// ISO A4, 210 × 297 mm.
    #[default]
    A4,
    /// US Letter, 8.5 × 11 in.
    UsLetter,
}

impl Paper {
    /// typst's name of the paper.
    pub fn typst_name(self) -> &'static str {
        match self {
            Paper::A4 => "a4",
            Paper::UsLetter => "us-letter",
        }
    }
}

/// How PDFs are made: templates, paper, fonts, and whether to keep typst's sources.
#[derive(Debug, Clone, Default)]
pub struct PdfOptions {
    /// A folder of templates to use instead of `layouts/` (or the built-in ones).
    pub layouts_dir: Option<PathBuf>,
    /// The paper every PDF is laid out on.
    pub paper: Paper,
    /// Folders of extra fonts (an organization's own typeface).
    pub font_paths: Vec<PathBuf>,
    /// When set, every document's `.typ` and JSON sources are also written here.
    pub emit_typst: Option<PathBuf>,
    /// The time and memory one document's template may take.
    pub limits: Limits,
    /// Above how many expectations a ladder's booklet comes in volumes (default
    /// [`VOLUME_EXPECTATIONS`]).
    pub volume_expectations: Option<usize>,
}

impl PdfOptions {
    /// Whether a ladder's booklet comes in volumes, a track each: it has more expectations
    /// than a booklet holds, and more than one track to split.
    pub fn in_volumes(&self, ladder: &crate::model::Ladder) -> bool {
        let limit = self.volume_expectations.unwrap_or(VOLUME_EXPECTATIONS);
        let expectations: usize = ladder
            .levels()
            .map(|(_, level)| {
                ladder
                    .expectations_of(level)
                    .values()
                    .map(Vec::len)
                    .sum::<usize>()
            })
            .sum();
        ladder.tracks.len() > 1 && expectations > limit
    }
}

/// The folder of templates a run uses: the one given, else `layouts/` when it exists, else the
/// templates built into the binary.
pub fn layouts_folder(options: &PdfOptions) -> Option<PathBuf> {
    options.layouts_dir.clone().or_else(|| {
        let default = PathBuf::from("layouts");
        default.join("booklet.typ").is_file().then_some(default)
    })
}

/// The person a one-pager is prepared for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// Their name, printed as "Prepared for …".
    pub name: String,
    /// The date printed on the page instead of the ladder's.
    pub date: Option<Date>,
    /// Anything else known about them (a candidates file's further columns: `start_date`,
    /// `manager`), which reaches the template as `offer.person.<key>`.
    pub fields: std::collections::BTreeMap<String, String>,
}

/// What every PDF of a run shares: fonts, layouts, options.
pub struct Context {
    resources: Option<Arc<Resources>>,
    options: PdfOptions,
    fingerprint: String,
    budget: Budget,
}

impl Context {
    /// Loads fonts and layouts when PDFs are wanted; otherwise an empty context that costs
    /// nothing.
    pub fn new(options: &PdfOptions, wanted: bool) -> anyhow::Result<Self> {
        if !wanted {
            return Ok(Context {
                resources: None,
                options: options.clone(),
                fingerprint: String::new(),
                budget: Budget::new(options.limits),
            });
        }
        let layouts = layouts_folder(options);
        let resources = Resources::load(layouts.as_deref(), &options.font_paths)?;
        let mut hasher = crate::output::ContentHasher::new();
        hasher.add(options.paper.typst_name().as_bytes());
        for (path, bytes) in &resources.layout_files {
            hasher.add(path.as_bytes());
            hasher.add(bytes);
        }
        for font in &resources.fonts.base().fonts {
            hasher.add(font.info().family.as_bytes());
        }
        hasher.add(
            Date::source_date_epoch()
                .map(|date| date.to_string())
                .unwrap_or_default()
                .as_bytes(),
        );
        Ok(Context {
            resources: Some(Arc::new(resources)),
            options: options.clone(),
            fingerprint: hasher.finish(),
            budget: Budget::new(options.limits),
        })
    }

    /// A hash of the layouts, fonts and options, part of every PDF's input hash.
    pub fn fingerprint(&self) -> &str {
        &self.fingerprint
    }

    fn resources(&self) -> anyhow::Result<&Arc<Resources>> {
        self.resources
            .as_ref()
            .context("the PDF context was created without PDFs")
    }

    /// What every document of a ladder carries (paper, date, tool, language, labels), with
    /// the ladder as the document needs it and nothing document-specific yet.
    fn document<'a>(
        &self,
        view: &'a LadderView,
        stamp: &'a Stamp,
        ladder: LadderData<'a>,
    ) -> DocumentData<'a> {
        DocumentData {
            paper: self.options.paper.typst_name(),
            date: view.date.clone(),
            tool: &stamp.tool,
            input_hash: &stamp.input_hash,
            lang: Lang::of(&view.language),
            labels: &view.labels.entries,
            ladder,
            offer: None,
            person: None,
            report: None,
            volume: None,
            volumes: None,
            fit: None,
        }
    }

    /// The booklet of a whole ladder.
    pub fn booklet(&self, view: &LadderView, stamp: &Stamp) -> anyhow::Result<Vec<u8>> {
        let data = self.document(view, stamp, LadderData::Whole(view));
        let date = metadata_date(view.effective_date);
        self.compile("booklet.typ", data, date, &format!("{}/booklet", view.id))
    }

    /// The main booklet of a ladder split into volumes: everything but the expectations, which
    /// its volumes hold, with a pointer to each track's volume.
    pub fn booklet_of_volumes(&self, view: &LadderView, stamp: &Stamp) -> anyhow::Result<Vec<u8>> {
        let tracks = view
            .tracks
            .iter()
            .map(|track| TrackView {
                levels: track
                    .levels
                    .iter()
                    .map(LevelView::without_expectations)
                    .collect(),
                ..track.without_levels()
            })
            .collect();
        let main = view.with_tracks(tracks);
        let data = DocumentData {
            volumes: Some(
                (0..view.tracks.len())
                    .map(|index| volume_data(view, index))
                    .collect(),
            ),
            ..self.document(&main, stamp, LadderData::Whole(&main))
        };
        let date = metadata_date(view.effective_date);
        self.compile("booklet.typ", data, date, &format!("{}/booklet", view.id))
    }

    /// The volume of a booklet split by track that holds the track at `index`.
    pub fn volume(
        &self,
        view: &LadderView,
        index: usize,
        stamp: &Stamp,
    ) -> anyhow::Result<Vec<u8>> {
        let track = view
            .tracks
            .get(index)
            .with_context(|| format!("ladder `{}` has no track {index}", view.id))?;
        let part = view.with_tracks(vec![track.clone()]);
        let data = DocumentData {
            volume: Some(volume_data(view, index)),
            ..self.document(&part, stamp, LadderData::Whole(&part))
        };
        let date = metadata_date(view.effective_date);
        self.compile(
            "booklet.typ",
            data,
            date,
            &format!("{}/{VOLUMES_FOLDER}/{}", view.id, track.id),
        )
    }

    /// The one-page summary of a person after a calibration meeting.
    pub fn person(
        &self,
        view: &LadderView,
        sheet: PersonSheet,
        stamp: &Stamp,
    ) -> anyhow::Result<Vec<u8>> {
        let data = DocumentData {
            person: Some(sheet),
            fit: Some(Fit::First),
            ..self.document(view, stamp, LadderData::Header(LadderHeader::of(view)))
        };
        let date = metadata_date(view.effective_date);
        self.compile("person.typ", data, date, &format!("{}/person", view.id))
    }

    /// The report of a calibration meeting.
    pub fn report(
        &self,
        view: &LadderView,
        figures: ReportData,
        stamp: &Stamp,
    ) -> anyhow::Result<Vec<u8>> {
        let data = DocumentData {
            report: Some(figures),
            ..self.document(view, stamp, LadderData::Header(LadderHeader::of(view)))
        };
        let date = metadata_date(view.effective_date);
        self.compile(
            "calibration.typ",
            data,
            date,
            &format!("{}/calibration", view.id),
        )
    }

    /// The one-pager of a level; personalized when a candidate is named.
    pub fn offer(
        &self,
        view: &LadderView,
        level_id: &str,
        candidate: Option<&Candidate>,
        stamp: &Stamp,
    ) -> anyhow::Result<Vec<u8>> {
        let (track, level) = view
            .level(level_id)
            .with_context(|| format!("ladder `{}` has no level `{level_id}`", view.id))?;
        // A personalized page is always dated: the candidate's date, else today.
        let asked_date = candidate.map(|candidate| candidate.date.unwrap_or_else(Date::today));
        let position = track
            .levels
            .iter()
            .position(|known| known.id == level.id)
            .unwrap_or(0);
        let data = DocumentData {
            date: asked_date
                .map(|date| view.labels.date(date))
                .or_else(|| view.date.clone()),
            offer: Some(OfferData {
                track: &track.name,
                track_kind: track.kind,
                candidate: candidate.map(|candidate| {
                    view.labels
                        .fill("prepared_for", &[("name", &candidate.name)])
                }),
                person: candidate.map(|candidate| PersonData {
                    name: &candidate.name,
                    date: candidate.date.map(|date| view.labels.date(date)),
                    fields: &candidate.fields,
                }),
                level,
                position,
                track_levels: track
                    .levels
                    .iter()
                    .map(|level| TrackStep {
                        title: &level.title,
                        headline: &level.headline,
                    })
                    .collect(),
            }),
            fit: Some(Fit::First),
            ..self.document(view, stamp, LadderData::Header(LadderHeader::of(view)))
        };
        let date = metadata_date(asked_date.or(view.effective_date));
        self.compile(
            "offer.typ",
            data,
            date,
            &format!("{}/offers/{level_id}", view.id),
        )
    }

    /// Compiles `main` with `data`. A one-page document set at its first size that spilled
    /// onto a second page is compiled again, measured (see [`Fit`]).
    fn compile(
        &self,
        main: &str,
        mut data: DocumentData,
        date: Datetime,
        emit_name: &str,
    ) -> anyhow::Result<Vec<u8>> {
        match self.compile_once(main, &data, date, emit_name)? {
            Compiled::Pdf(pdf) => Ok(pdf),
            Compiled::Spilled => {
                data.fit = Some(Fit::Measure);
                match self.compile_once(main, &data, date, emit_name)? {
                    Compiled::Pdf(pdf) => Ok(pdf),
                    Compiled::Spilled => unreachable!("only a page set at its first size spills"),
                }
            }
        }
    }

    fn compile_once(
        &self,
        main: &str,
        data: &DocumentData,
        date: Datetime,
        emit_name: &str,
    ) -> anyhow::Result<Compiled> {
        let resources = self.resources()?;
        let json = serde_json::to_vec_pretty(data)?;
        if let Some(folder) = &self.options.emit_typst {
            emit_sources(&folder.join(emit_name), main, resources, &json)?;
        }
        let main_path = format!("/{main}");
        let main_id = file_id(&main_path);
        anyhow::ensure!(
            resources.sources.contains_key(&main_id),
            "{} has no {main}",
            resources.layouts_origin
        );
        let (fonts, missing) = resources
            .fonts
            .covering(&characters(&json), &data.lang.lang);
        if !missing.is_empty() {
            anyhow::bail!(missing_glyphs(data, &missing));
        }
        let world = DocumentWorld {
            resources: Arc::clone(resources),
            fonts,
            main: main_id,
            data: Bytes::new(json),
            today: date,
        };
        let ident = format!("ladder/{emit_name}");
        let large = world.data.len() > LARGE_DOCUMENT_BYTES;
        let one_page = data.fit == Some(Fit::First);
        // A template is a program: it runs within the run's budget of time and memory, on a
        // stack as large as the build's workers have.
        let compiled = self
            .budget
            .run(crate::budget::WORKER_STACK_BYTES, move || {
                compile_world(&world, ident, date, one_page)
            })
            .map_err(|overrun| {
                let cause = match overrun {
                    Overrun::Time(_) => ": the template may loop without end",
                    Overrun::Memory(_) => ": the template may grow a value without end",
                    Overrun::Refused => "",
                };
                anyhow::anyhow!("{main}: {overrun}{cause}")
            })?;
        if large {
            evict_caches();
        }
        compiled
    }
}

/// A compiled document, or a page set at its first size that did not fit on one page.
enum Compiled {
    Pdf(Vec<u8>),
    Spilled,
}

/// A document whose data is larger than this (a booklet of thousands of expectations, a
/// volume) trims typst's cache as soon as it is done, instead of at the end of its batch: each
/// leaves some 80 MB of laid-out pages in the cache, and the 50 volumes of a 160,000-expectation
/// ladder, built in two batches, held 4.6 GB. What other documents still compiling have cached
/// is kept (it is younger than the last trim).
const LARGE_DOCUMENT_BYTES: usize = 256 * 1024;

/// What every PDF conforms to, as typst checks it while writing the file (a document that
/// breaks a rule is an error, not a quiet PDF that claims it): PDF/UA-1, so that a screen
/// reader reads the booklet and the one-pagers in order, with headings, alternative texts and
/// the title as the window's title; and PDF/A-2a, archival with the same logical structure and
/// Unicode text (A-2b asks for the look only; typst allows A-2a together with UA-1, both on
/// PDF 1.7).
const STANDARDS: &[PdfStandard] = &[PdfStandard::A_2a, PdfStandard::Ua_1];

/// Compiles a document's world and exports its PDF; with `one_page`, a document of more than
/// one page is not exported.
fn compile_world(
    world: &DocumentWorld,
    ident: String,
    date: Datetime,
    one_page: bool,
) -> anyhow::Result<Compiled> {
    let warned = typst::compile::<PagedDocument>(world);
    let document = warned
        .output
        .map_err(|errors| anyhow::anyhow!(render_diagnostics(world, &errors)))?;
    if one_page && document.pages().len() > 1 {
        return Ok(Compiled::Spilled);
    }
    let pdf_options = TypstPdfOptions {
        ident: typst::foundations::Smart::Custom(ident),
        creator: typst::foundations::Smart::Custom(Some(String::from("ladder (typst)"))),
        timestamp: Some(Timestamp::new_utc(date)),
        page_ranges: None,
        standards: PdfStandards::new(STANDARDS)
            .map_err(|error| anyhow::anyhow!("PDF standards: {}", error.message()))?,
        tagged: true,
        pretty: false,
    };
    typst_pdf::pdf(&document, &pdf_options)
        .map(Compiled::Pdf)
        .map_err(|errors| anyhow::anyhow!(render_diagnostics(world, &errors)))
}

/// The PDF exporter: a booklet per ladder and a one-pager per level.
pub struct PdfExporter {
    context: Context,
    audience: Audience,
}

impl PdfExporter {
    /// Loads the fonts and templates every PDF of the run shares (for internal readers).
    pub fn new(options: &PdfOptions) -> anyhow::Result<Self> {
        Ok(PdfExporter {
            context: Context::new(options, true)?,
            audience: Audience::Internal,
        })
    }

    /// The same exporter, for another audience.
    pub fn for_audience(mut self, audience: Audience) -> Self {
        self.audience = audience;
        self
    }

    /// The shared fonts, templates and options.
    pub fn context(&self) -> &Context {
        &self.context
    }
}

/// The name of a level's one-pager among the ladder's artifacts.
const OFFER_PREFIX: &str = "offer/";

/// The name of a track's volume among the ladder's artifacts.
const VOLUME_PREFIX: &str = "volume/";

/// The folder of a ladder's output that holds the volumes of its booklet.
pub const VOLUMES_FOLDER: &str = "volumes";

/// A ladder with more expectations than this gets its booklet in volumes, one per track, and
/// a main booklet (cover, contents, overview, every level without its expectations, the
/// ladder's prose) that names each volume. typst holds a whole document while laying it out,
/// about 60 KB per expectation: one booklet of 160,000 needed 9.9 GB, a volume of a few
/// thousand needs a few hundred MB.
pub const VOLUME_EXPECTATIONS: usize = 10_000;

/// The volume holding the track at `index`, as its documents name it.
fn volume_data(view: &LadderView, index: usize) -> VolumeData {
    let track = &view.tracks[index];
    let file = format!("{VOLUMES_FOLDER}/{}.pdf", track.id);
    let number = (index + 1).to_string();
    let count = view.tracks.len().to_string();
    VolumeData {
        title: view.labels.fill(
            "volume_title",
            &[
                ("number", &number),
                ("count", &count),
                ("track", &track.name),
            ],
        ),
        pointer: view
            .labels
            .fill("volume_pointer", &[("number", &number), ("file", &file)]),
        file,
    }
}

impl Exporter for PdfExporter {
    fn name(&self) -> &'static str {
        "pdf"
    }

    fn audience(&self) -> Audience {
        self.audience
    }

    fn artifacts(&self, ladder: &crate::model::Ladder) -> Vec<ArtifactSpec> {
        let volumes = if self.context.options.in_volumes(ladder) {
            ladder.tracks.as_slice()
        } else {
            &[]
        };
        std::iter::once(ArtifactSpec::new("booklet"))
            .chain(volumes.iter().map(|track| {
                ArtifactSpec::new(format!("{VOLUME_PREFIX}{}", track.id)).in_folder(VOLUMES_FOLDER)
            }))
            .chain(ladder.levels().map(|(_, level)| {
                ArtifactSpec::new(format!("{OFFER_PREFIX}{}", level.id)).in_folder("offers")
            }))
            .collect()
    }

    fn fingerprint(&self, _artifact: &ArtifactSpec) -> String {
        self.context.fingerprint().to_owned()
    }

    fn make(
        &self,
        input: Input,
        artifact: &ArtifactSpec,
        stamp: &Stamp,
    ) -> anyhow::Result<Vec<OutputFile>> {
        let view = input.view;
        if let Some(level) = artifact.name.strip_prefix(OFFER_PREFIX) {
            return Ok(vec![OutputFile {
                path: PathBuf::from(format!("{level}.pdf")),
                bytes: self.context.offer(view, level, None, stamp)?,
            }]);
        }
        if let Some(track) = artifact.name.strip_prefix(VOLUME_PREFIX) {
            let index = view
                .tracks
                .iter()
                .position(|known| known.id == track)
                .with_context(|| format!("ladder `{}` has no track `{track}`", view.id))?;
            return Ok(vec![OutputFile {
                path: PathBuf::from(format!("{track}.pdf")),
                bytes: self.context.volume(view, index, stamp)?,
            }]);
        }
        let bytes = if self.context.options.in_volumes(input.ladder) {
            self.context.booklet_of_volumes(view, stamp)?
        } else {
            self.context.booklet(view, stamp)?
        };
        Ok(vec![OutputFile {
            path: PathBuf::from(format!("{}.pdf", view.id)),
            bytes,
        }])
    }
}

/// Every character of the text values of a document's JSON data.
fn characters(json: &[u8]) -> BTreeSet<char> {
    fn walk(value: &serde_json::Value, out: &mut BTreeSet<char>) {
        match value {
            serde_json::Value::String(text) => out.extend(text.chars()),
            serde_json::Value::Array(items) => items.iter().for_each(|item| walk(item, out)),
            serde_json::Value::Object(map) => map.values().for_each(|item| walk(item, out)),
            _ => {}
        }
    }
    let mut out = BTreeSet::new();
    if let Ok(value) = serde_json::from_slice::<serde_json::Value>(json) {
        walk(&value, &mut out);
    }
    out
}

/// Which characters have no font, and where the first of them is written.
fn missing_glyphs(data: &DocumentData, missing: &BTreeSet<char>) -> String {
    let listed: String = missing
        .iter()
        .take(12)
        .map(|c| format!("'{c}' (U+{:04X})", *c as u32))
        .collect::<Vec<_>>()
        .join(", ");
    let levels: Vec<&LevelView> = match (&data.ladder, &data.offer) {
        (_, Some(offer)) => vec![offer.level],
        (LadderData::Whole(view), None) => view.levels().map(|(_, level)| level).collect(),
        (LadderData::Header(_), None) => Vec::new(),
    };
    let place = levels
        .iter()
        .find_map(|level| {
            let text = serde_json::to_string(level).ok()?;
            let c = missing.iter().find(|c| text.contains(**c))?;
            let excerpt: String = text
                .split('"')
                .find(|part| part.contains(*c))
                .unwrap_or("")
                .chars()
                .take(60)
                .collect();
            Some(format!(" in level `{}` (\"{excerpt}\")", level.id))
        })
        .unwrap_or_default();
    format!(
        "no font has the characters {listed}{place}, so the PDF would show empty boxes; \
         install a font for this script (e.g. Noto: Debian's fonts-noto-cjk and fonts-noto-core, \
         fonts-noto-color-emoji for emoji), \
         put one in a fonts/ folder beside the ladders, or name its folder with --font-path"
    )
}

/// When a build trims typst's cache: once the process holds more than [`TRIM_FLOOR_BYTES`]
/// and has grown by [`TRIM_GROWTH_BYTES`] since the last trim. typst memoizes every
/// compilation in a global cache; a trim keeps only what was used since the last one (a
/// level's laid-out body, which every candidate's page shares). Trimming costs: what was
/// dropped is laid out again, and memory handed back is faulted in again (a trim every 32
/// documents cost the cold build of the shipped ladders a third of its CPU). So a build trims
/// by the memory it holds, not by a count: the shipped ladders (some 120 MB at the peak) never
/// trim; 10,000 offers peak at 163 MiB and 200 ladders at 234 MiB (a growth of 64 MiB let
/// them reach 200 and 341 MiB).
const TRIM_FLOOR_BYTES: u64 = 160 * 1024 * 1024;

/// See [`TRIM_FLOOR_BYTES`].
const TRIM_GROWTH_BYTES: u64 = 32 * 1024 * 1024;

/// Without a reading of the process's memory (not Linux): a trim every this many documents.
const TRIM_EVERY_DOCUMENTS: usize = 32;

/// Decides when a build trims typst's cache (see [`TRIM_FLOOR_BYTES`]).
#[derive(Debug)]
pub struct CacheTrimmer {
    baseline: Option<u64>,
    documents: usize,
}

impl Default for CacheTrimmer {
    fn default() -> Self {
        CacheTrimmer {
            baseline: resident_bytes(),
            documents: 0,
        }
    }
}

impl CacheTrimmer {
    /// Called after each document made; trims when due and says whether it did.
    pub fn document_done(&mut self) -> bool {
        self.documents += 1;
        let due = match (self.baseline, resident_bytes()) {
            (Some(baseline), Some(now)) => {
                now > TRIM_FLOOR_BYTES && now > baseline + TRIM_GROWTH_BYTES
            }
            _ => self.documents.is_multiple_of(TRIM_EVERY_DOCUMENTS),
        };
        if due {
            evict_caches();
            self.baseline = resident_bytes();
        }
        due
    }
}

/// The process's resident memory, where the system says (Linux's `/proc/self/status`).
fn resident_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with("VmRSS:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}

/// Drops typst's memoized results of documents that are no longer being compiled, so a long
/// run's memory stays flat.
pub fn evict_caches() {
    typst::comemo::evict(1);
    // glibc keeps freed memory in the arena of the thread that used it, and documents compile
    // on several threads: without a trim, memory freed by the volumes of a large booklet was
    // still held (and counted) while the one-pagers that followed filled other arenas.
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `malloc_trim` only hands free pages back to the system; it touches no live
    // allocation.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// The date in the PDF's metadata (PDF/A requires one): the document's date, else
/// `SOURCE_DATE_EPOCH`, else a fixed date. Never the clock: the same input gives the same bytes.
fn metadata_date(date: Option<Date>) -> Datetime {
    date.or_else(Date::source_date_epoch)
        .and_then(|date| {
            Datetime::from_ymd_hms(i32::from(date.year), date.month, date.day, 0, 0, 0)
        })
        .or_else(|| Datetime::from_ymd_hms(2000, 1, 1, 0, 0, 0))
        .expect("2000-01-01 is a date")
}

/// Writes the exact sources of one document: the layout files, `data.json`, so that
/// `typst compile --root <folder> <folder>/<main>` makes the same document.
fn emit_sources(
    folder: &Path,
    main: &str,
    resources: &Resources,
    json: &[u8],
) -> anyhow::Result<()> {
    std::fs::create_dir_all(folder)
        .with_context(|| format!("cannot create {}", folder.display()))?;
    for (path, bytes) in &resources.layout_files {
        let target = folder.join(path.trim_start_matches('/'));
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create {}", parent.display()))?;
        }
        crate::output::write_atomically(&target, |out| out.write_all(bytes))?;
    }
    crate::output::write_atomically(&folder.join("data.json"), |out| out.write_all(json))?;
    let note = format!("typst compile --root . {main}\n");
    crate::output::write_atomically(&folder.join("COMPILE"), |out| {
        out.write_all(note.as_bytes())
    })
}

/// typst's errors as `error: message --> file:line:column` with hints, like typst's own CLI.
fn render_diagnostics(world: &DocumentWorld, diagnostics: &[SourceDiagnostic]) -> String {
    let mut out = Vec::new();
    for diagnostic in diagnostics {
        let severity = match diagnostic.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut text = format!("{severity}: {}", diagnostic.message);
        if let Some(id) = diagnostic.span.id() {
            let place = world.range(diagnostic.span).and_then(|range| {
                let source = world.resources.sources.get(&id)?;
                source.lines().byte_to_line_column(range.start)
            });
            let file = format!(
                "{}{}",
                world.resources.layouts_origin_prefix(),
                id.vpath().get_without_slash()
            );
            match place {
                Some((line, column)) => {
                    text.push_str(&format!("\n  --> {file}:{}:{}", line + 1, column + 1))
                }
                None => text.push_str(&format!("\n  --> {file}")),
            }
        }
        for hint in &diagnostic.hints {
            text.push_str(&format!("\n  = hint: {}", hint.v));
        }
        out.push(text);
    }
    out.join("\n")
}

impl Resources {
    /// The folder shown before a layout file's name in messages (`layouts/`).
    fn layouts_origin_prefix(&self) -> String {
        if self.layouts_origin.starts_with("the built-in") {
            String::from("(built-in) ")
        } else {
            format!("{}/", self.layouts_origin.trim_end_matches('/'))
        }
    }
}
