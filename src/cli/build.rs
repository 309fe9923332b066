//! `ladder build` (and `ladder` alone): load, check and build every format.

use std::path::PathBuf;

use clap::Args;

use super::progress::{BuildProgress, Verbosity};
use super::{default_paths, report, PdfArgs, Status};
use crate::audience::Audience;
use crate::build::{self, BuildOptions, Outcome};
use crate::roster::Roster;
use crate::Workspace;

/// Arguments of `ladder build`.
#[derive(Debug, Clone, Args)]
pub struct BuildArgs {
    /// Ladder files, or folders of them. Defaults to `ladders/`.
    pub paths: Vec<PathBuf>,
    /// Formats to build, comma-separated.
    #[arg(long, value_delimiter = ',',
          default_values_t = crate::export::default_formats(crate::export::Command::Build),
          value_parser = crate::export::format_values(crate::export::Command::Build))]
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
    /// Who the outputs are for: `public` leaves out everything marked internal; `internal`
    /// shows it. Default: the handbook public, the PDFs and the workbook internal.
    #[arg(long, value_enum)]
    pub audience: Option<Audience>,
    /// A CSV of people (name,track,level) to fill the workbooks' calibration sheets.
    #[arg(long)]
    pub roster: Option<PathBuf>,
    /// Also write a calibration workbook per value of this roster column (`manager`), with
    /// only those people, into `out/<ladder>/by-<column>/`: each manager rates their own
    /// people first; `ladder calibration` merges the filled ones for the meeting.
    #[arg(long, value_name = "COLUMN", requires = "roster")]
    pub split_by: Option<String>,
    /// Templates, paper and fonts of the PDFs.
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

pub(super) fn run(args: BuildArgs) -> anyhow::Result<Status> {
    build_once(&args)
}

/// One build as `args` ask: load, check, build, print; `ladder watch` runs it on every change.
pub(super) fn build_once(args: &BuildArgs) -> anyhow::Result<Status> {
    let verbosity = if args.quiet {
        Verbosity::Quiet
    } else if args.verbose {
        Verbosity::Verbose
    } else {
        Verbosity::Normal
    };
    let workspace = Workspace::load(&default_paths(args.paths.clone()));
    report::workspace(&workspace, verbosity == Verbosity::Quiet);
    if verbosity != Verbosity::Quiet || workspace.error_count() > 0 {
        report::summary(&workspace);
    }
    let roster = match &args.roster {
        Some(path) => match Roster::read(path) {
            Ok(roster) => Some(roster),
            Err(diagnostics) => return roster_failure(&diagnostics),
        },
        None => None,
    };
    if let (Some(roster), Some(column)) = (&roster, &args.split_by) {
        if let Err(problem) = roster.split_by(column) {
            return roster_failure(&[problem]);
        }
    }
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
        out_dir: args.out.clone(),
        formats: args.format.clone(),
        jobs: args.jobs,
        force: args.force,
        export: crate::export::Settings {
            pdf: args.pdf.options(args.emit_typst.clone()),
            roster,
            split_by: args.split_by.clone(),
            audience: args.audience,
            filled: Vec::new(),
        },
    };
    let progress = BuildProgress::new(verbosity);
    let result = build::build(&workspace.ladders, &options, &progress);
    progress.finish();
    let report = result?;
    report::diagnostics(
        report
            .diagnostics
            .iter()
            .filter(|diagnostic| verbosity != Verbosity::Quiet || diagnostic.is_error()),
        Some(&workspace),
    );
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
    Ok(Status::problems_if(
        report.failed() > 0
            || workspace.error_count() > 0
            || report.diagnostics.iter().any(crate::Diagnostic::is_error),
    ))
}

fn roster_failure(diagnostics: &[crate::Diagnostic]) -> anyhow::Result<Status> {
    report::diagnostics(diagnostics, None);
    anyhow::bail!("the roster has problems; nothing was built")
}
