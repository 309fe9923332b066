//! `ladder import`: documents in, YAML sources out.

use std::path::PathBuf;

use clap::Args;

use super::{report, Status};
use crate::output::write_atomically;

/// Arguments of `ladder import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Documents to import: Markdown (.md, .txt) or HTML (.html).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Folder to write the YAML files into.
    #[arg(long, short = 'o', default_value = "ladders")]
    pub out: PathBuf,
}

pub(super) fn run(args: ImportArgs) -> anyhow::Result<Status> {
    let mut failed = false;
    for file in &args.files {
        let imported = match crate::import::import_file(file) {
            Ok(imported) => imported,
            Err(diagnostics) => {
                report::diagnostics(&diagnostics, None);
                failed = true;
                continue;
            }
        };
        report::diagnostics(&imported.warnings, None);
        let stem = file.file_stem().map_or_else(
            || String::from("ladder"),
            |stem| stem.to_string_lossy().into_owned(),
        );
        let target = args.out.join(format!("{stem}.yaml"));
        let written = crate::import::to_yaml(&imported.ladder).and_then(|yaml| {
            std::fs::create_dir_all(&args.out)?;
            write_atomically(&target, |out| out.write_all(yaml.as_bytes()))
        });
        match written {
            Ok(()) => eprintln!(
                "imported {} -> {} ({}, {})",
                file.display(),
                target.display(),
                report::plural(imported.ladder.tracks.len(), "track"),
                report::plural(imported.ladder.levels().count(), "level"),
            ),
            Err(error) => {
                report::error(&error);
                failed = true;
            }
        }
    }
    Ok(Status::problems_if(failed))
}
