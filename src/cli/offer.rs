//! `ladder offer`: the one-page PDF of a level, for a named candidate.

use std::path::PathBuf;

use anyhow::Context as _;
use clap::Args;

use super::{report, PdfArgs, Status};
use crate::date::Date;
use crate::export::pdf::{layouts_folder, Candidate, PdfExporter};
use crate::export::Stamp;
use crate::labels::Dictionaries;
use crate::load::{find_ladder, find_level};
use crate::output::{write_atomically, ContentHasher};
use crate::view::LadderView;

/// Arguments of `ladder offer`.
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
    /// Templates, paper and fonts of the one-pager.
    #[command(flatten)]
    pub pdf: PdfArgs,
}

pub(super) fn run(args: OfferArgs) -> anyhow::Result<Status> {
    let loaded = find_ladder(&args.ladder)?;
    let ladder = &loaded.ladder;
    let level = find_level(ladder, &args.level)?;
    let options = args.pdf.options(None);
    let exporter = PdfExporter::new(&options)?;
    let dictionaries = Dictionaries::load(layouts_folder(&options).as_deref())?;
    let (labels, warnings) = dictionaries.labels(ladder.language());
    report::diagnostics(&warnings, None);
    let view = LadderView::new(ladder, labels);
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
