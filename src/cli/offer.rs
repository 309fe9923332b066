//! `ladder offer`: the one-page PDF of a level, for a named candidate.

use std::path::PathBuf;

use anyhow::Context as _;
use clap::Args;

use super::progress::{BuildProgress, Verbosity};
use super::{report, PdfArgs, Status};
use crate::audience::{for_audience, Audience};
use crate::build::{self, BuildOptions, Outcome};
use crate::date::Date;
use crate::export::candidates::{self, CandidateOffers};
use crate::export::pdf::{layouts_folder, Candidate, PdfExporter};
use crate::export::{Registry, Stamp};
use crate::labels::Dictionaries;
use crate::load::{find_ladder, find_level};
use crate::output::{write_atomically, ContentHasher};
use crate::view::LadderView;

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
    /// Where to write the PDF (default: `out/<ladder>/offers/<level>[-<candidate>].pdf`).
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
        return batch(&args, loaded, file);
    }
    let ladder = &loaded.ladder;
    let level = find_level(ladder, args.level.as_deref().unwrap_or_default())?;
    let options = args.pdf.options(None);
    let exporter = PdfExporter::new(&options)?;
    let dictionaries = Dictionaries::load(layouts_folder(&options).as_deref())?;
    let (labels, warnings) = dictionaries.labels(ladder.language());
    report::diagnostics(&warnings, None);
    let view = LadderView::new(&for_audience(ladder, args.audience), labels);
    let mut hasher = ContentHasher::new();
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
        fields: Default::default(),
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
    write_atomically(&output, |out| out.write_all(&pdf))?;
    eprintln!("wrote {}", output.display());
    Ok(Status::Success)
}

/// A hiring batch: a one-pager per row of the candidates file, through the build pipeline.
fn batch(
    args: &OfferArgs,
    loaded: crate::load::LoadedLadder,
    file: &std::path::Path,
) -> anyhow::Result<Status> {
    let rows = match candidates::read(file) {
        Ok(rows) => rows,
        Err(diagnostics) => {
            report::diagnostics(&diagnostics, None);
            anyhow::bail!("the candidates file has problems; nothing was built");
        }
    };
    let options = BuildOptions {
        out_dir: args.out.clone(),
        pdf: args.pdf.options(None),
        ..BuildOptions::default()
    };
    let registry = Registry::empty()
        .with(CandidateOffers::new(&options.pdf, file, rows)?.for_audience(args.audience));
    let verbosity = if args.quiet {
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
