//! The command line: argument parsing and the mapping of results to exit codes.
//! The work itself is done by the library, so every command is also usable from Rust.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use crate::build::{self, BuildOptions, Outcome};
use crate::date::Date;
use crate::export::pdf::{Candidate, Paper, PdfOptions};
use crate::export::Stamp;
use crate::roster::Roster;
use crate::Workspace;
use progress::{BuildProgress, Verbosity};

mod changes;
mod progress;

/// Write your engineering job ladder once; get PDF booklets, Markdown handbooks and Excel
/// matrices from it.
///
/// With no command, `ladder` builds every ladder in `ladders/`.
#[derive(Debug, Parser)]
#[command(name = "ladder", version, about, long_about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Load, check and build the ladders into PDF, Markdown and Excel (the default command).
    Build(BuildArgs),
    /// Load and check the ladders, printing every problem with its place in the file.
    Check(CheckArgs),
    /// Make the one-page PDF of a level for an offer letter, optionally for a named candidate.
    Offer(OfferArgs),
    /// Show what differs between two levels, area by area (default: the next level up).
    Compare(changes::CompareArgs),
    /// Write a changelog between two versions of a ladder (files, or `file@git-revision`).
    Diff(changes::DiffArgs),
    /// Read ladders written as documents (Markdown, HTML) and write their YAML sources.
    Import(ImportArgs),
    /// Print the JSON Schema of the YAML ladder format (for editors' completion and checking).
    Schema,
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Ladder files, or folders of them. Defaults to `ladders/`.
    pub paths: Vec<PathBuf>,
    /// Formats to build, comma-separated.
    #[arg(long, value_delimiter = ',', default_value = "pdf,md,xlsx",
          value_parser = clap::builder::PossibleValuesParser::new(crate::export::STANDARD_FORMATS))]
    pub format: Vec<String>,
    /// Output folder.
    #[arg(long, default_value = "out")]
    pub out: PathBuf,
    /// Worker threads (default: one per core).
    #[arg(long, short = 'j')]
    pub jobs: Option<usize>,
    /// Rebuild everything, even what is up to date.
    #[arg(long)]
    pub force: bool,
    /// A CSV of people (name,track,level) to fill the workbooks' calibration sheets.
    #[arg(long)]
    pub roster: Option<PathBuf>,
    #[command(flatten)]
    pub pdf: PdfArgs,
    /// Also write the typst sources and JSON data each PDF is compiled from into DIR.
    #[arg(long, value_name = "DIR")]
    pub emit_typst: Option<PathBuf>,
    /// Print nothing but errors.
    #[arg(long, short = 'q', conflicts_with = "verbose")]
    pub quiet: bool,
    /// Print every artifact with the time it took.
    #[arg(long, short = 'v')]
    pub verbose: bool,
}

/// Options of the PDF documents.
#[derive(Debug, Args, Default, Clone)]
pub struct PdfArgs {
    /// A folder of typst templates to use instead of `layouts/`.
    #[arg(long, value_name = "DIR")]
    pub layouts: Option<PathBuf>,
    /// Paper size of the PDFs.
    #[arg(long, value_enum, default_value = "a4")]
    pub paper: Paper,
    /// A folder of extra fonts (repeatable).
    #[arg(long = "font-path", value_name = "DIR")]
    pub font_paths: Vec<PathBuf>,
}

impl PdfArgs {
    fn options(&self, emit_typst: Option<PathBuf>) -> PdfOptions {
        PdfOptions {
            layouts_dir: self.layouts.clone(),
            paper: self.paper,
            font_paths: self.font_paths.clone(),
            emit_typst,
        }
    }
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Ladder files, or folders of them. Defaults to `ladders/`.
    pub paths: Vec<PathBuf>,
    /// Fail (exit 1) on warnings too.
    #[arg(long)]
    pub deny_warnings: bool,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Documents to import: Markdown (.md, .txt) or HTML (.html).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Folder to write the YAML files into.
    #[arg(long, short = 'o', default_value = "ladders")]
    pub out: PathBuf,
}

#[derive(Debug, Args)]
pub struct OfferArgs {
    /// The ladder: its file, or its id in `ladders/`.
    pub ladder: String,
    /// The level: its id or title.
    pub level: String,
    /// The candidate's name, printed as "Prepared for ...".
    #[arg(long)]
    pub candidate: Option<String>,
    /// The date printed on the page (YYYY-MM-DD).
    #[arg(long)]
    pub date: Option<Date>,
    /// Where to write the PDF (default: `out/<ladder>/offers/<level>[-<candidate>].pdf`).
    #[arg(long, short = 'o')]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub pdf: PdfArgs,
}

/// Exit codes: 0 all good, 1 a ladder has errors (or warnings with `--deny-warnings`),
/// 2 the command line was wrong (clap's own code).
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    // No command means `build` with its defaults, exactly as if `build` had been typed.
    let command = cli
        .command
        .or_else(|| Cli::parse_from(["ladder", "build"]).command);
    match command.expect("`build` parses") {
        Command::Build(args) => build(args),
        Command::Check(args) => check(args),
        Command::Offer(args) => offer(args),
        Command::Compare(args) => changes::compare(args),
        Command::Import(args) => import(args),
        Command::Diff(args) => changes::diff(args),
        Command::Schema => {
            print!("{}", crate::json_schema());
            ExitCode::SUCCESS
        }
    }
}

fn default_paths(paths: Vec<PathBuf>) -> Vec<PathBuf> {
    if paths.is_empty() {
        vec![PathBuf::from("ladders")]
    } else {
        paths
    }
}

fn report(workspace: &Workspace) {
    report_with(workspace, false);
}

fn report_with(workspace: &Workspace, errors_only: bool) {
    let mut stderr = std::io::stderr().lock();
    let rendered = if errors_only {
        workspace.render_errors()
    } else {
        workspace.render_diagnostics()
    };
    if !rendered.is_empty() {
        let _ = writeln!(stderr, "{rendered}");
    }
}

fn summary(workspace: &Workspace) -> String {
    let plural =
        |count: usize, word: &str| format!("{count} {word}{}", if count == 1 { "" } else { "s" });
    format!(
        "{} loaded, {} failed: {}, {}",
        plural(workspace.ladders.len(), "ladder"),
        workspace.failed.len(),
        plural(workspace.error_count(), "error"),
        plural(workspace.warning_count(), "warning"),
    )
}

fn check(args: CheckArgs) -> ExitCode {
    let workspace = Workspace::load(&default_paths(args.paths));
    report(&workspace);
    eprintln!("{}", summary(&workspace));
    let failed =
        workspace.error_count() > 0 || (args.deny_warnings && workspace.warning_count() > 0);
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn build(args: BuildArgs) -> ExitCode {
    let verbosity = if args.quiet {
        Verbosity::Quiet
    } else if args.verbose {
        Verbosity::Verbose
    } else {
        Verbosity::Normal
    };
    let workspace = Workspace::load(&default_paths(args.paths));
    report_with(&workspace, verbosity == Verbosity::Quiet);
    if verbosity != Verbosity::Quiet || workspace.error_count() > 0 {
        eprintln!("{}", summary(&workspace));
    }
    let roster = match &args.roster {
        Some(path) => match Roster::read(path) {
            Ok(roster) => Some(roster),
            Err(diagnostics) => return roster_failure(&diagnostics),
        },
        None => None,
    };
    if let Some(roster) = &roster {
        let ladders: Vec<&crate::Ladder> = workspace
            .ladders
            .iter()
            .map(|loaded| &loaded.ladder)
            .collect();
        let problems = roster.check_against_all(&ladders);
        if !problems.is_empty() {
            return roster_failure(&problems);
        }
    }
    let options = BuildOptions {
        out_dir: args.out,
        formats: args.format,
        jobs: args.jobs,
        force: args.force,
        roster,
        pdf: args.pdf.options(args.emit_typst),
    };
    let progress = BuildProgress::new(verbosity);
    let result = build::build(&workspace.ladders, &options, &progress);
    progress.finish();
    let report = match result {
        Ok(report) => report,
        Err(error) => {
            eprintln!("error: {error:#}");
            return ExitCode::FAILURE;
        }
    };
    if verbosity != Verbosity::Quiet {
        for warning in &report.warnings {
            eprintln!("{}", warning.render(None));
        }
    }
    for artifact in &report.artifacts {
        if let Outcome::Failed(error) = &artifact.outcome {
            eprintln!(
                "error: {} {} failed:\n{error:#}\n",
                artifact.ladder, artifact.kind
            );
        }
    }
    if verbosity != Verbosity::Quiet || report.failed() > 0 {
        let nothing_to_do = if report.built() == 0 && report.failed() == 0 {
            " (nothing changed)"
        } else {
            ""
        };
        eprintln!(
            "{} built, {} up to date, {} failed in {:.1}s{nothing_to_do}: {}",
            report.built(),
            report.up_to_date(),
            report.failed(),
            report.elapsed.as_secs_f64(),
            options.out_dir.display()
        );
    }
    if report.failed() > 0 || workspace.error_count() > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn roster_failure(diagnostics: &[crate::Diagnostic]) -> ExitCode {
    for diagnostic in diagnostics {
        let source = diagnostic
            .file
            .as_deref()
            .and_then(|file| std::fs::read_to_string(file).ok());
        eprintln!("{}", diagnostic.render(source.as_deref()));
    }
    eprintln!("error: the roster has problems; nothing was built");
    ExitCode::FAILURE
}

fn offer(args: OfferArgs) -> ExitCode {
    match make_offer(&args) {
        Ok(path) => {
            eprintln!("wrote {}", path.display());
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn make_offer(args: &OfferArgs) -> anyhow::Result<PathBuf> {
    use anyhow::Context as _;
    let loaded = changes::find_ladder(&args.ladder)?;
    let ladder = &loaded.ladder;
    let level = changes::find_level(ladder, &args.level)?;
    let options = args.pdf.options(None);
    let exporter = crate::export::pdf::PdfExporter::new(&options)?;
    let dictionaries =
        crate::labels::Dictionaries::load(crate::export::pdf::layouts_folder(&options).as_deref())?;
    let (labels, warnings) = dictionaries.labels(ladder.language());
    for warning in warnings {
        eprintln!("{}", warning.render(None));
    }
    let view = crate::view::LadderView::new(ladder, labels);
    let mut hasher = crate::output::ContentHasher::new();
    hasher.add(loaded.source.text.as_bytes());
    hasher.add(exporter.context().fingerprint().as_bytes());
    hasher.add(args.candidate.as_deref().unwrap_or("").as_bytes());
    hasher.add(
        args.date
            .map(|date| date.to_string())
            .unwrap_or_default()
            .as_bytes(),
    );
    let stamp = Stamp::new(hasher.finish());
    let candidate = args.candidate.as_ref().map(|name| Candidate {
        name: name.clone(),
        date: args.date,
    });
    let pdf = exporter
        .context()
        .offer(&view, &level.id, candidate.as_ref(), &stamp)?;
    let output = args.output.clone().unwrap_or_else(|| {
        let mut name = level.id.clone();
        if let Some(candidate) = &args.candidate {
            name.push('-');
            name.push_str(&crate::model::slug(candidate));
        }
        PathBuf::from("out")
            .join(&ladder.id)
            .join("offers")
            .join(format!("{name}.pdf"))
    });
    if let Some(parent) = output
        .parent()
        .filter(|parent| !parent.as_os_str().is_empty())
    {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("cannot create the folder {}", parent.display()))?;
    }
    crate::output::write_atomically(&output, |out| out.write_all(&pdf))?;
    Ok(output)
}

fn import(args: ImportArgs) -> ExitCode {
    let mut failed = false;
    for file in &args.files {
        match crate::import::import_file(file) {
            Ok(imported) => {
                for warning in &imported.warnings {
                    let source = std::fs::read_to_string(file).ok();
                    eprintln!("{}", warning.render(source.as_deref()));
                }
                let stem = file.file_stem().map_or_else(
                    || String::from("ladder"),
                    |stem| stem.to_string_lossy().into_owned(),
                );
                let target = args.out.join(format!("{stem}.yaml"));
                let written = crate::import::to_yaml(&imported.ladder).and_then(|yaml| {
                    std::fs::create_dir_all(&args.out)?;
                    crate::output::write_atomically(&target, |out| out.write_all(yaml.as_bytes()))
                });
                match written {
                    Ok(()) => eprintln!(
                        "imported {} -> {} ({} tracks, {} levels)",
                        file.display(),
                        target.display(),
                        imported.ladder.tracks.len(),
                        imported.ladder.levels().count()
                    ),
                    Err(error) => {
                        eprintln!("error: {error:#}");
                        failed = true;
                    }
                }
            }
            Err(diagnostics) => {
                let source = std::fs::read_to_string(file).ok();
                for diagnostic in diagnostics {
                    eprintln!("{}", diagnostic.render(source.as_deref()));
                }
                failed = true;
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
