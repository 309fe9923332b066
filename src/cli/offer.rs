//! `ladder offer`: the one-page PDF of a level, for a named candidate.

use std::path::{Path, PathBuf};

use anyhow::Context as _;
use clap::Args;

use super::progress::{BuildProgress, Verbosity};
use super::{report, PdfArgs, Status};
use crate::audience::Audience;
use crate::build::{self, BuildOptions, Outcome};
use crate::date::Date;
use crate::export::candidates::{self, CandidateOffers, CandidateRow, Origin};
use crate::export::Registry;
use crate::output::write_atomically;
use crate::workspace::{find_ladder, find_level};

/// Arguments of `ladder offer`.
#[derive(Debug, Args)]
pub struct OfferArgs {
    /// The ladder: its file, or its id in `ladders/`.
    pub ladder: String,
    /// The level: its id or title (not with `--candidates`, whose rows name their levels).
    #[arg(required_unless_present = "candidates")]
    pub level: Option<String>,
    /// The candidate's name, printed as "Prepared for ...".
    #[arg(long)]
    pub candidate: Option<String>,
    /// The date printed on the page (YYYY-MM-DD).
    #[arg(long)]
    pub date: Option<Date>,
    /// Where to write the PDF (default: `out/<ladder>/candidates/<level>[-<candidate>].pdf`).
    #[arg(long, short = 'o', conflicts_with = "candidates")]
    pub output: Option<PathBuf>,
    /// A CSV of candidates (`name`, `level`, optional `track` and `date`, and any further
    /// columns the template uses): one personalized one-pager per row, built in parallel into
    /// `<out>/<ladder>/candidates/<name>.pdf`.
    #[arg(long, value_name = "CSV", conflicts_with_all = ["level", "candidate", "date"])]
    pub candidates: Option<PathBuf>,
    /// The output folder of a `--candidates` batch.
    #[arg(long, default_value = "out", requires = "candidates")]
    pub out: PathBuf,
    /// Who the page is for: `public` (the default: it goes to a candidate) leaves out
    /// everything marked internal; `internal` shows it.
    #[arg(long, value_enum, default_value = "public")]
    pub audience: Audience,
    /// Print nothing but errors (with `--candidates`).
    #[arg(long, short = 'q')]
    pub quiet: bool,
    /// Templates, paper and fonts of the one-pager.
    #[command(flatten)]
    pub pdf: PdfArgs,
}

pub(super) fn run(args: OfferArgs) -> anyhow::Result<Status> {
    let loaded = find_ladder(&args.ladder)?;
    if let Some(file) = &args.candidates {
        let rows = match candidates::read(file) {
            Ok(rows) => rows,
            Err(diagnostics) => {
                report::diagnostics(&diagnostics, None);
                anyhow::bail!("the candidates file has problems; nothing was built");
            }
        };
        let offers =
            CandidateOffers::new(&args.pdf.options(None), Origin::File(file.clone()), rows)?;
        return batch(&args, loaded, offers, &args.out, true);
    }
    // One page is a batch of one row, made by the same build: atomic, up to date, and written
    // where no output of `ladder build` lives (`candidates/`), so the build's own one-pager
    // is never replaced by a personalized one.
    let level = find_level(&loaded.ladder, args.level.as_deref().unwrap_or_default())?;
    let mut file = level.id.clone();
    if let Some(candidate) = &args.candidate {
        file.push('-');
        file.push_str(&crate::people::file_name(candidate));
    }
    let row = CandidateRow {
        line: 0,
        file: file.clone(),
        name: args.candidate.clone().unwrap_or_default(),
        level: level.id.clone(),
        track: None,
        date: args.date.map(|date| date.to_string()),
        fields: Default::default(),
    };
    let offers = CandidateOffers::new(&args.pdf.options(None), Origin::CommandLine, vec![row])?;
    let Some(output) = &args.output else {
        return batch(&args, loaded, offers, Path::new("out"), true);
    };
    // `-o`: built in a folder of its own, then moved into place whole.
    let staging = tempfile::tempdir().context("cannot create a temporary folder")?;
    let id = loaded.ladder.id.clone();
    let status = batch(&args, loaded, offers, staging.path(), false)?;
    if status != Status::Success {
        return Ok(status);
    }
    let built = staging
        .path()
        .join(&id)
        .join(candidates::FOLDER)
        .join(format!("{file}.pdf"));
    let pdf = std::fs::read(&built).with_context(|| format!("cannot read {}", built.display()))?;
    if let Some(parent) = output
        .parent()
        .filter(|parent| !parent.as_os_str().is_empty())
    {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("cannot create the folder {}", parent.display()))?;
    }
    write_atomically(output, |out| out.write_all(&pdf))?;
    eprintln!("wrote {}", output.display());
    Ok(Status::Success)
}

/// A hiring batch (one row or many): a one-pager per row, through the build pipeline, into
/// `<out>/<ladder>/candidates/`.
fn batch(
    args: &OfferArgs,
    loaded: crate::load::LoadedLadder,
    offers: CandidateOffers,
    out: &Path,
    summary: bool,
) -> anyhow::Result<Status> {
    let options = BuildOptions {
        out_dir: out.to_owned(),
        export: crate::export::Settings {
            pdf: args.pdf.options(None),
            ..Default::default()
        },
        ..BuildOptions::default()
    };
    let registry = Registry::empty().with(offers.for_audience(args.audience));
    let verbosity = if args.quiet || !summary {
        Verbosity::Quiet
    } else {
        Verbosity::Normal
    };
    let progress = BuildProgress::new(verbosity);
    let ladders = [loaded];
    let result = build::build_with(&ladders, &registry, &options, &progress);
    progress.finish();
    let report = result?;
    report::diagnostics(&report.diagnostics, None);
    for artifact in &report.artifacts {
        if let Outcome::Failed(error) = &artifact.outcome {
            eprintln!("error: {error:#}\n");
        }
    }
    // As `build --quiet`: the summary only when something failed.
    if !summary || (args.quiet && report.failed() == 0) {
        return Ok(Status::problems_if(report.failed() > 0));
    }
    eprintln!(
        "{} written, {} up to date, {} failed in {:.1}s: {}",
        report.built(),
        report.up_to_date(),
        report.failed(),
        report.elapsed.as_secs_f64(),
        options
            .out_dir
            .join(&ladders[0].ladder.id)
            .join(candidates::FOLDER)
            .display()
    );
    Ok(Status::problems_if(report.failed() > 0))
}
