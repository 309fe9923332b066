//! `ladder calibration`: filled calibration workbooks read back into a report, a CSV and JSON.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::{report, Status};
use crate::calibration::{self, stamped_ladder};
use crate::labels::Dictionaries;
use crate::output::write_atomically;
use crate::workspace::find_ladder;

/// What `ladder calibration` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CalibrationFormat {
    /// The report, as Markdown.
    Md,
    /// One row per person, every column kept.
    Csv,
    /// Everything read, for tools.
    Json,
    /// A one-page PDF per person, for their 1:1.
    Pdf,
}

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
    /// Output folder: writes `<out>/<ladder>/calibration/<workbook>.md|csv|json`.
    #[arg(long, default_value = "out")]
    pub out: PathBuf,
    /// What to write, comma-separated.
    #[arg(long, value_enum, value_delimiter = ',', default_value = "md,csv,json")]
    pub format: Vec<CalibrationFormat>,
}

pub(super) fn run(args: CalibrationArgs) -> anyhow::Result<Status> {
    let dictionaries = Dictionaries::built_in();
    // Fonts and templates are loaded once for every workbook, and only for PDFs.
    let pdf = if args.format.contains(&CalibrationFormat::Pdf) {
        Some(crate::export::pdf::PdfExporter::new(&Default::default())?)
    } else {
        None
    };
    let mut failed = false;
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
                        .with_hint("name the ladder: ladder calibration FILE --ladder ladders/<ladder>.yaml")],
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
        let loaded = find_ladder(&name)?;
        let ladder = &loaded.ladder;
        let (labels, _) = dictionaries.labels(ladder.language());
        let read = match calibration::read(file, ladder, &labels) {
            Ok(read) => read,
            Err(problems) => {
                report::diagnostics(&problems, None);
                failed = true;
                continue;
            }
        };
        report::diagnostics(&read.warnings, None);
        let stem = file.file_stem().map_or_else(
            || String::from("calibration"),
            |stem| stem.to_string_lossy().into_owned(),
        );
        let folder = args.out.join(&ladder.id).join("calibration");
        std::fs::create_dir_all(&folder)?;
        for format in &args.format {
            if let (CalibrationFormat::Pdf, Some(exporter)) = (format, &pdf) {
                let view = crate::view::LadderView::new(ladder, labels.clone());
                let people_folder = folder.join(&stem);
                std::fs::create_dir_all(&people_folder)?;
                let stamp = crate::export::Stamp::new(crate::output::ContentHasher::new().finish());
                for person in &read.people {
                    let pdf = calibration::person_pdf(
                        exporter.context(),
                        &view,
                        ladder,
                        &read,
                        person,
                        &stamp,
                    )?;
                    let path =
                        people_folder.join(format!("{}.pdf", crate::model::slug(&person.name)));
                    write_atomically(&path, |out| out.write_all(&pdf))?;
                }
                let report = exporter.context().report(
                    &view,
                    calibration::figures(&read, ladder, &labels),
                    &stamp,
                )?;
                let path = folder.join(format!("{stem}.pdf"));
                write_atomically(&path, |out| out.write_all(&report))?;
                eprintln!(
                    "wrote {} and {} one-pagers into {}",
                    path.display(),
                    read.people.len(),
                    people_folder.display()
                );
                continue;
            }
            let (extension, text) = match format {
                CalibrationFormat::Md => ("md", calibration::to_markdown(&read, ladder, &labels)?),
                CalibrationFormat::Csv => ("csv", calibration::to_csv(&read)),
                CalibrationFormat::Json => ("json", serde_json::to_string_pretty(&read)? + "\n"),
                CalibrationFormat::Pdf => continue,
            };
            let path = folder.join(format!("{stem}.{extension}"));
            write_atomically(&path, |out| out.write_all(text.as_bytes()))?;
            eprintln!("wrote {}", path.display());
        }
        eprintln!("{}: {} people read", file.display(), read.people.len());
    }
    Ok(Status::problems_if(failed))
}
