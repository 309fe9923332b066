//! The exporters: one [view](crate::view) of a ladder in, documents out.
//!
//! Each output format is one type behind the [`Exporter`] trait. An exporter says which
//! artifacts it makes of a ladder and makes one of them as bytes in memory; it never writes
//! files. Writing, in parallel and atomically, is the build's job ([`crate::build`]), which
//! runs whatever the [`Registry`] holds: a new format is one new type and one line in
//! [`Registry::standard`].

use std::path::PathBuf;

use crate::audience::Audience;
use crate::model::Ladder;
use crate::view::LadderView;

pub mod candidates;
pub mod markdown;
pub mod pdf;
pub mod xlsx;

/// What every generated document carries, so that a reader can tell which source and which
/// version of the tool made it (PDF metadata, workbook properties, a handbook footer).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    /// `ladder` and its version, e.g. `ladder 0.1.0`.
    pub tool: String,
    /// Hex hash of everything the document was made from (source, layouts, options, tool).
    pub input_hash: String,
}

impl Stamp {
    /// The stamp of this version of the tool with the given input hash.
    pub fn new(input_hash: impl Into<String>) -> Self {
        Stamp {
            tool: format!("ladder {}", env!("CARGO_PKG_VERSION")),
            input_hash: input_hash.into(),
        }
    }
}

/// One generated file, its path relative to the artifact's folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// The path, relative to the artifact's folder.
    pub path: PathBuf,
    /// The file's bytes.
    pub bytes: Vec<u8>,
}

/// One document an exporter makes of a ladder (a booklet, one level's one-pager, a handbook).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct ArtifactSpec {
    /// Its name among the ladder's artifacts, unique per ladder: `booklet`, `offer/se-2`.
    pub name: String,
    /// Its folder, relative to the ladder's output folder (`out/<ladder>/`).
    pub folder: PathBuf,
    /// Whether its files form one whole that must appear together or not at all (a handbook's
    /// files link to each other), so they are written to a temporary folder and moved in whole.
    pub whole_folder: bool,
}

impl ArtifactSpec {
    /// An artifact written into the ladder's own folder.
    pub fn new(name: impl Into<String>) -> Self {
        ArtifactSpec {
            name: name.into(),
            folder: PathBuf::new(),
            whole_folder: false,
        }
    }

    /// The same artifact, written into `folder` (relative to the ladder's folder).
    pub fn in_folder(mut self, folder: impl Into<PathBuf>) -> Self {
        self.folder = folder.into();
        self
    }

    /// The same artifact, its folder replaced whole on every build.
    pub fn whole(mut self) -> Self {
        self.whole_folder = true;
        self
    }
}

/// What an exporter reads: the ladder's view, and the model behind it for what only one
/// format shows (the calibration sheet's ranks).
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    /// The normalized ladder.
    pub ladder: &'a Ladder,
    /// What readers see of it, in its language.
    pub view: &'a LadderView,
}

/// One output format.
pub trait Exporter: Send + Sync {
    /// The name `--format` selects it by (`pdf`, `md`, `xlsx`).
    fn name(&self) -> &'static str;

    /// Who its outputs are for: a public output is made from the ladder with everything
    /// internal taken out.
    fn audience(&self) -> Audience {
        Audience::Internal
    }

    /// The artifacts it makes of a ladder, in a stable order. Planned from the model alone, so
    /// that a build with nothing to do makes no view.
    fn artifacts(&self, ladder: &Ladder) -> Vec<ArtifactSpec>;

    /// What an artifact's inputs include besides the ladder's source and the tool's version
    /// (templates and fonts, a roster), so that a change to them rebuilds it.
    fn fingerprint(&self, _artifact: &ArtifactSpec) -> String {
        String::new()
    }

    /// Makes one artifact's files, in memory.
    fn make(
        &self,
        input: Input,
        artifact: &ArtifactSpec,
        stamp: &Stamp,
    ) -> anyhow::Result<Vec<OutputFile>>;
}

/// The formats of the standard registry, in the order `--format` lists them.
pub const STANDARD_FORMATS: &[&str] = &["pdf", "md", "xlsx"];

/// The exporters a build runs.
pub struct Registry {
    exporters: Vec<Box<dyn Exporter>>,
}

impl Registry {
    /// No exporters.
    pub fn empty() -> Self {
        Registry {
            exporters: Vec::new(),
        }
    }

    /// The standard exporters named in `formats` (all of [`STANDARD_FORMATS`] when empty),
    /// set up from the build's options. Only the PDF exporter loads fonts and templates.
    pub fn standard(
        formats: &[String],
        options: &crate::build::BuildOptions,
    ) -> anyhow::Result<Self> {
        let wanted = |name: &str| formats.is_empty() || formats.iter().any(|format| format == name);
        let mut registry = Registry::empty();
        // The handbook is published; the booklet, one-pagers and workbook stay in the company.
        let audience = |default| options.audience.unwrap_or(default);
        if wanted("pdf") {
            registry = registry.with(
                pdf::PdfExporter::new(&options.pdf)?.for_audience(audience(Audience::Internal)),
            );
        }
        if wanted("md") {
            registry = registry.with(markdown::MarkdownExporter {
                audience: audience(Audience::Public),
            });
        }
        if wanted("xlsx") {
            registry = registry.with(
                xlsx::WorkbookExporter::new(options.roster.clone())
                    .for_audience(audience(Audience::Internal)),
            );
        }
        for format in formats {
            anyhow::ensure!(
                STANDARD_FORMATS.contains(&format.as_str()),
                "there is no format `{format}`; the formats are {}",
                STANDARD_FORMATS.join(", ")
            );
        }
        Ok(registry)
    }

    /// The registry with one more exporter.
    pub fn with(mut self, exporter: impl Exporter + 'static) -> Self {
        self.exporters.push(Box::new(exporter));
        self
    }

    /// The exporters, in order.
    pub fn exporters(&self) -> impl Iterator<Item = &dyn Exporter> {
        self.exporters.iter().map(|exporter| exporter.as_ref())
    }

    /// The exporter with this name.
    pub fn get(&self, name: &str) -> Option<&dyn Exporter> {
        self.exporters().find(|exporter| exporter.name() == name)
    }
}
