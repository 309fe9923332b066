//! The exporters: one [view](crate::view) of a ladder in, documents out.
//!
//! Each output format is one type behind the [`Exporter`] trait. An exporter says which
//! artifacts it makes of a ladder and makes one of them as bytes in memory; it never writes
//! files. Writing, in parallel and atomically, is the build's job ([`crate::build`]), which
//! runs whatever the [`Registry`] holds: a new format is one new type and one entry in
//! [`FORMATS`], from which `--format`, its help and its default follow.

use std::path::PathBuf;
use std::sync::Arc;

use crate::audience::Audience;
use crate::model::Ladder;
use crate::roster::Roster;
use crate::view::LadderView;

pub mod calibration;
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

/// Everything the exporters are set up from besides the ladders: the PDFs' templates, paper
/// and fonts (whose folder also holds the label overrides), the roster of the calibration
/// sheets, the audience, and filled calibration workbooks for the calibration outputs.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// Templates, paper and fonts of the PDFs.
    pub pdf: pdf::PdfOptions,
    /// People to fill the calibration sheets with.
    pub roster: Option<Roster>,
    /// A further column of the roster (`manager`): besides the whole workbook, one per value
    /// of it, with only those people, for each manager to rate their own first.
    pub split_by: Option<String>,
    /// Who every output is for; `None` keeps each format's own default (see [`FORMATS`]).
    pub audience: Option<Audience>,
    /// Filled calibration workbooks, read, for the outputs of `ladder calibration`.
    pub filled: Vec<Arc<calibration::Filled>>,
}

/// Which command a format belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    /// `ladder build`: documents of a ladder.
    Build,
    /// `ladder calibration`: outputs of a filled calibration workbook.
    Calibration,
}

/// One output format: the one place that names it, says what it is, who it is for and
/// whether a command makes it by default, and sets its exporter up.
pub struct Format {
    /// The command whose `--format` offers it.
    pub command: Command,
    /// Its name in `--format`.
    pub name: &'static str,
    /// What it is, for `--help`.
    pub help: &'static str,
    /// Whether the command makes it when `--format` is not given.
    pub default: bool,
    /// Who its outputs are for unless `--audience` says otherwise.
    pub audience: Audience,
    make: fn(&Settings, Audience) -> anyhow::Result<Box<dyn Exporter>>,
}

/// Every format, in the order `--format` lists them.
pub const FORMATS: &[Format] = &[
    Format {
        command: Command::Build,
        name: "pdf",
        help: "the booklet and a one-pager per level",
        default: true,
        // The booklet, one-pagers and workbook stay in the company; the handbook is published.
        audience: Audience::Internal,
        make: |settings, audience| {
            Ok(Box::new(
                pdf::PdfExporter::new(&settings.pdf)?.for_audience(audience),
            ))
        },
    },
    Format {
        command: Command::Build,
        name: "md",
        help: "the Markdown handbook",
        default: true,
        audience: Audience::Public,
        make: |_, audience| Ok(Box::new(markdown::MarkdownExporter { audience })),
    },
    Format {
        command: Command::Build,
        name: "xlsx",
        help: "the workbook: matrices, comparison, calibration sheet",
        default: true,
        audience: Audience::Internal,
        make: |settings, audience| {
            Ok(Box::new(
                xlsx::WorkbookExporter::new(settings.roster.clone())
                    .split_by(settings.split_by.as_deref())?
                    .for_audience(audience),
            ))
        },
    },
    Format {
        command: Command::Calibration,
        name: "md",
        help: "the meeting's report, as Markdown",
        default: true,
        audience: Audience::Internal,
        make: |settings, _| calibration::exporter(settings, calibration::Output::Markdown),
    },
    Format {
        command: Command::Calibration,
        name: "csv",
        help: "one row per person, every column kept",
        default: true,
        audience: Audience::Internal,
        make: |settings, _| calibration::exporter(settings, calibration::Output::Csv),
    },
    Format {
        command: Command::Calibration,
        name: "json",
        help: "everything read, for tools",
        default: true,
        audience: Audience::Internal,
        make: |settings, _| calibration::exporter(settings, calibration::Output::Json),
    },
    Format {
        command: Command::Calibration,
        name: "xlsx",
        help: "a calibration workbook filled with what was read: several managers' workbooks merged for the meeting",
        default: true,
        audience: Audience::Internal,
        make: |settings, _| calibration::exporter(settings, calibration::Output::Workbook),
    },
    Format {
        command: Command::Calibration,
        name: "pdf",
        help: "the report as PDF, and a page per person for their 1:1",
        default: false,
        audience: Audience::Internal,
        make: |settings, _| calibration::exporter(settings, calibration::Output::Pdf),
    },
];

/// The formats a command offers, in order.
pub fn formats_of(command: Command) -> impl Iterator<Item = &'static Format> {
    FORMATS
        .iter()
        .filter(move |format| format.command == command)
}

/// The names a command's `--format` takes.
pub fn format_names(command: Command) -> Vec<&'static str> {
    formats_of(command).map(|format| format.name).collect()
}

/// The names of the formats a command makes when `--format` is not given.
pub fn default_formats(command: Command) -> Vec<String> {
    formats_of(command)
        .filter(|format| format.default)
        .map(|format| format.name.to_owned())
        .collect()
}

/// A command's formats as `--format` offers them, each with its help.
pub fn format_values(command: Command) -> clap::builder::PossibleValuesParser {
    clap::builder::PossibleValuesParser::new(
        formats_of(command)
            .map(|format| clap::builder::PossibleValue::new(format.name).help(format.help)),
    )
}

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

    /// The exporters of `command`'s formats named in `formats` (its default formats when
    /// empty), set up from `settings`.
    pub fn for_command(
        command: Command,
        formats: &[String],
        settings: &Settings,
    ) -> anyhow::Result<Self> {
        for wanted in formats {
            anyhow::ensure!(
                formats_of(command).any(|format| format.name == wanted),
                "there is no format `{wanted}`; the formats are {}",
                format_names(command).join(", ")
            );
        }
        let mut registry = Registry::empty();
        for format in formats_of(command) {
            let chosen = if formats.is_empty() {
                format.default
            } else {
                formats.iter().any(|wanted| wanted == format.name)
            };
            if chosen {
                let audience = settings.audience.unwrap_or(format.audience);
                registry.exporters.push((format.make)(settings, audience)?);
            }
        }
        Ok(registry)
    }

    /// The exporters of `ladder build` named in `formats` (every one when empty).
    pub fn standard(formats: &[String], settings: &Settings) -> anyhow::Result<Self> {
        Self::for_command(Command::Build, formats, settings)
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
