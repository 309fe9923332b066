//! `ladder import`: documents, spreadsheets and other tools' data in, YAML sources out.

use std::path::PathBuf;

use clap::Args;

use super::{report, Status};
use crate::import::ImportOptions;
use crate::output::write_atomically;

/// Arguments of `ladder import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Files to import: Markdown (.md, .mdx, .Rmd, .qmd, .txt), reStructuredText (.rst), AsciiDoc (.adoc), LaTeX (.tex), HTML (.html), Word
    /// (.docx), spreadsheets (.xlsx, .ods, .xls, .csv, .tsv), or another tool's ladder data (.json,
    /// .yaml, .toml, or a site's .js, .ts or .php module).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Folder to write the YAML files into.
    #[arg(long, short = 'o', default_value = "ladders")]
    pub out: PathBuf,
    /// Print the outline found (tracks, levels, areas, expectations per area, what was not
    /// placed) instead of writing YAML.
    #[arg(long)]
    pub explain: bool,
    /// Where the levels are: a heading depth (`h2`), `columns` / `rows` of tables and sheets,
    /// or `page` (the document is one level, titled by its title).
    #[arg(long, value_name = "h1..h6|columns|rows|page")]
    pub levels: Option<String>,
    /// Where the areas are: a heading depth (`h3`), or `rows` / `columns` of tables and sheets.
    #[arg(long, value_name = "h1..h6|rows|columns")]
    pub areas: Option<String>,
    /// Which headings name tracks (`h1`), or `none` when the document holds one track.
    #[arg(long, value_name = "h1..h6|none")]
    pub tracks: Option<String>,
    /// The name of the track (of the first track when there are several).
    #[arg(long, value_name = "NAME")]
    pub track: Option<String>,
    /// A YAML file with the same settings (`levels: h2`, `areas: h3`, `tracks: none`,
    /// `track: Manager`); options given on the command line win.
    #[arg(long, value_name = "FILE")]
    pub mapping: Option<PathBuf>,
}

impl ImportArgs {
    fn options(&self) -> Result<ImportOptions, String> {
        let mut options = match &self.mapping {
            Some(path) => ImportOptions::from_mapping(path).map_err(|diagnostic| {
                report::diagnostics(std::slice::from_ref(&diagnostic), None);
                diagnostic.message
            })?,
            None => ImportOptions::default(),
        };
        if let Some(levels) = &self.levels {
            options
                .set_levels(levels)
                .map_err(|error| format!("--levels: {error}"))?;
        }
        if let Some(areas) = &self.areas {
            options
                .set_areas(areas)
                .map_err(|error| format!("--areas: {error}"))?;
        }
        if let Some(tracks) = &self.tracks {
            options
                .set_tracks(tracks)
                .map_err(|error| format!("--tracks: {error}"))?;
        }
        if let Some(track) = &self.track {
            options.track = Some(track.clone());
        }
        Ok(options)
    }
}

pub(super) fn run(args: ImportArgs) -> anyhow::Result<Status> {
    let options = match args.options() {
        Ok(options) => options,
        Err(message) => {
            anyhow::bail!("{message}");
        }
    };
    let mut failed = false;
    // The files written by this run: two sources of one name (`a/source.md`, `b/source.md`)
    // must not overwrite each other.
    let mut written_now: Vec<PathBuf> = Vec::new();
    for file in &args.files {
        let imported = match crate::inputs::import_file_with(file, &options) {
            Ok(imported) => imported,
            Err(diagnostics) => {
                report::diagnostics(&diagnostics, None);
                failed = true;
                continue;
            }
        };
        if args.explain {
            super::print_out(&format!(
                "{}:\n{}\n",
                file.display(),
                crate::import::explain::outline(&imported)
            ));
            continue;
        }
        report::diagnostics(&imported.warnings, None);
        let stem = Some(crate::import::document_name(file))
            .filter(|name| !name.is_empty())
            .unwrap_or_else(|| String::from("ladder"));
        let mut target = args.out.join(format!("{stem}.yaml"));
        let mut count = 1;
        while written_now.contains(&target) {
            count += 1;
            target = args.out.join(format!("{stem}-{count}.yaml"));
        }
        written_now.push(target.clone());
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
