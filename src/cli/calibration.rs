//! `ladder calibration`: filled calibration workbooks read back, and their outputs (report,
//! CSV, JSON, PDFs) made by the build like every other output.

use std::path::PathBuf;
use std::sync::Arc;

use clap::Args;

use super::progress::{BuildProgress, Verbosity};
use super::{report, PdfArgs, Status};
use crate::build::{self, BuildOptions, Outcome};
use crate::calibration::{self, stamped_ladder};
use crate::export::calibration::Filled;
use crate::export::{pdf::layouts_folder, Command, Registry, Settings};
use crate::labels::Dictionaries;
use crate::load::LoadedLadder;
use crate::workspace::find_ladder;

/// Arguments of `ladder calibration`.
#[derive(Debug, Args)]
pub struct CalibrationArgs {
    /// Filled calibration workbooks (.xlsx), as `ladder build` wrote them.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// The ladder the workbooks belong to (its file, or its id in `ladders/`); by default the
    /// one whose id the workbook records.
    #[arg(long)]
    pub ladder: Option<String>,
    /// Output folder: writes `<out>/<ladder>/calibration/<workbook>.md|csv|json|pdf`.
    #[arg(long, default_value = "out")]
    pub out: PathBuf,
    /// What to write, comma-separated.
    #[arg(long, value_delimiter = ',',
          default_values_t = crate::export::default_formats(Command::Calibration),
          value_parser = crate::export::format_values(Command::Calibration))]
    pub format: Vec<String>,
    /// The name of the meeting when several workbooks of one ladder are merged (its outputs
    /// are `<name>.md`, `<name>.xlsx`, …).
    #[arg(long, default_value = "meeting")]
    pub name: String,
    /// Print nothing but errors.
    #[arg(long, short = 'q')]
    pub quiet: bool,
    /// Templates, paper and fonts of the PDFs; the templates' folder also holds the label
    /// overrides the workbooks were made with.
    #[command(flatten)]
    pub pdf: PdfArgs,
}

pub(super) fn run(args: CalibrationArgs) -> anyhow::Result<Status> {
    let pdf = args.pdf.options(None);
    let dictionaries = Dictionaries::load(layouts_folder(&pdf).as_deref())?;
    let mut failed = false;
    let mut ladders: Vec<LoadedLadder> = Vec::new();
    // Each workbook read, with its bytes (their hash keeps the outputs up to date).
    let mut reads: Vec<(calibration::Calibration, Vec<u8>)> = Vec::new();
    for file in &args.files {
        let name = match &args.ladder {
            Some(name) => name.clone(),
            None => match stamped_ladder(file) {
                Ok(Some(id)) => id,
                Ok(None) => {
                    report::diagnostics(
                        &[crate::Diagnostic::error(
                            "calibration-ladder",
                            "the workbook does not say which ladder it was made from",
                        )
                        .in_file(file)
                        .with_hint(format!(
                            "name the ladder: ladder calibration {} --ladder ladders/<ladder>.yaml",
                            file.display()
                        ))],
                        None,
                    );
                    failed = true;
                    continue;
                }
                Err(diagnostic) => {
                    report::diagnostics(&[diagnostic], None);
                    failed = true;
                    continue;
                }
            },
        };
        let loaded = match ladders.iter().find(|known| known.ladder.id == name) {
            Some(known) => known.clone(),
            None => find_ladder(&name).map_err(|error| {
                anyhow::anyhow!(
                    "{error:#}\n(the workbook {} was made from ladder `{name}`: run this where \
                     `ladders/` holds it, or name its file with --ladder FILE)",
                    file.display()
                )
            })?,
        };
        let (labels, _) = dictionaries.labels(loaded.ladder.language());
        let bytes = match std::fs::read(file) {
            Ok(bytes) => bytes,
            Err(error) => {
                report::diagnostics(
                    &[crate::Diagnostic::error(
                        "unreadable",
                        format!("cannot read the workbook: {error}"),
                    )
                    .in_file(file)],
                    None,
                );
                failed = true;
                continue;
            }
        };
        match calibration::read(file, &loaded.ladder, &labels) {
            Ok(read) => {
                report::diagnostics(&read.warnings, None);
                if !args.quiet {
                    eprintln!("{}: {} people read", file.display(), read.people.len());
                }
                reads.push((read, bytes));
            }
            Err(problems) => {
                report::diagnostics(&problems, None);
                failed = true;
                continue;
            }
        }
        if !ladders
            .iter()
            .any(|known| known.ladder.id == loaded.ladder.id)
        {
            ladders.push(loaded);
        }
    }
    // Several workbooks of one ladder are one meeting (each manager's people), merged.
    let mut filled = Vec::new();
    for loaded in &ladders {
        let (parts, bytes): (Vec<_>, Vec<_>) = reads
            .iter()
            .filter(|(read, _)| read.ladder == loaded.ladder.id)
            .cloned()
            .unzip();
        if parts.len() < 2 {
            filled.extend(
                parts
                    .into_iter()
                    .zip(&bytes)
                    .map(|(read, bytes)| Arc::new(Filled::new(read, bytes))),
            );
            continue;
        }
        let count = parts.len();
        match calibration::merge(parts, &args.name) {
            Ok(merged) => {
                if !args.quiet {
                    eprintln!(
                        "{count} workbooks of {} merged as `{}`: {} people",
                        loaded.ladder.id,
                        args.name,
                        merged.people.len()
                    );
                }
                filled.push(Arc::new(Filled::new(merged, &bytes.concat())));
            }
            Err(problems) => {
                report::diagnostics(&problems, None);
                failed = true;
            }
        }
    }
    if filled.is_empty() {
        return Ok(Status::problems_if(true));
    }
    let options = BuildOptions {
        out_dir: args.out.clone(),
        formats: args.format.clone(),
        export: Settings {
            pdf,
            filled,
            ..Settings::default()
        },
        ..BuildOptions::default()
    };
    let registry = Registry::for_command(Command::Calibration, &options.formats, &options.export)?;
    let verbosity = if args.quiet {
        Verbosity::Quiet
    } else {
        Verbosity::Normal
    };
    let progress = BuildProgress::new(verbosity);
    let result = build::build_with(&ladders, &registry, &options, &progress);
    progress.finish();
    let built = result?;
    report::diagnostics(&built.diagnostics, None);
    for artifact in &built.artifacts {
        if let Outcome::Failed(error) = &artifact.outcome {
            eprintln!("error: {}: {error:#}\n", artifact.key);
        }
    }
    if !args.quiet {
        eprintln!(
            "{} written, {} up to date, {} failed in {:.1}s: {}",
            built.built(),
            built.up_to_date(),
            built.failed(),
            built.elapsed.as_secs_f64(),
            args.out.display()
        );
    }
    Ok(Status::problems_if(failed || built.failed() > 0))
}
