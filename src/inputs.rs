//! Which reader a file goes to, by its kind: this tool's own YAML ([`crate::load`]), or a shape
//! of somebody else's ([`crate::import`]: documents, spreadsheets, other tools' data).
//!
//! It sits above both readers so that neither knows the other: `ladder build` reads YAML and
//! documents through [`load_file`]; `ladder import` reads every kind through [`import_file`],
//! where a file that is already a ladder source loads as it is.

use std::path::Path;

use crate::diagnostic::Diagnostic;
use crate::import::{self, ImportOptions, Imported};
use crate::load::{self, LoadedLadder, SourceMap};
use crate::source::read_source;

/// Extensions of the files `ladder` reads as its own YAML sources.
pub const YAML_EXTENSIONS: &[&str] = &["yaml", "yml"];

/// Whether `path` names a ladder source of this tool (a visible `*.yaml` / `*.yml` file).
pub fn is_ladder_source(path: &Path) -> bool {
    let hidden = path
        .file_name()
        .and_then(|name| name.to_str())
        .is_none_or(|name| name.starts_with('.'));
    !hidden && has_extension(path, YAML_EXTENSIONS)
}

fn has_extension(path: &Path, extensions: &[&str]) -> bool {
    path.extension()
        .map(|extension| extension.to_string_lossy().to_ascii_lowercase())
        .is_some_and(|extension| extensions.contains(&extension.as_str()))
}

/// Reads one ladder for `build` and `check`: a YAML source, or a Markdown or HTML document
/// imported on the way (what could not be placed is in [`LoadedLadder::notes`]). Errors are per
/// file: the caller goes on with the others.
pub fn load_file(path: &Path) -> Result<LoadedLadder, Vec<Diagnostic>> {
    if import::is_document(path) {
        let source = read_source(path).map_err(|diagnostic| vec![diagnostic])?;
        let imported = import::import_text(path, &source.text)?;
        let mut ladder = imported.ladder;
        if ladder.id.is_empty() {
            ladder.id = load::default_id(path);
        }
        return Ok(LoadedLadder {
            ladder,
            source,
            source_map: SourceMap::default(),
            notes: imported.warnings,
        });
    }
    if !is_ladder_source(path) {
        return Err(vec![Diagnostic::error(
            "unsupported-format",
            "this is not a YAML ladder source",
        )
        .in_file(path)
        .with_hint(
            "ladder sources end in .yaml or .yml; documents to import in .md, .txt or .html",
        )]);
    }
    let source = read_source(path).map_err(|diagnostic| vec![diagnostic])?;
    load::load_source(source)
}

/// Reads a file of any kind `ladder import` reads (see [`import::IMPORT_EXTENSIONS`]).
pub fn import_file(path: &Path) -> Result<Imported, Vec<Diagnostic>> {
    import_file_with(path, &ImportOptions::default())
}

/// [`import_file`], with the user's corrections to the reading. A YAML file of this tool's own
/// format (it has `tracks`) loads as `ladder build` loads it. One that has `tracks` but does
/// not load (a site's data file: `lang:`, `competencies:` under its levels) is read as data
/// the importer reads, with a warning saying why; when that reading finds no ladder either,
/// the loader's errors are what is said, for a ladder source with a mistake in it.
pub fn import_file_with(path: &Path, options: &ImportOptions) -> Result<Imported, Vec<Diagnostic>> {
    if has_extension(path, YAML_EXTENSIONS) {
        let source = read_source(path).map_err(|diagnostic| vec![diagnostic])?;
        if import::data::is_own_format(&source.text) {
            let errors = match load::load_source(source) {
                Ok(loaded) => {
                    return Ok(Imported {
                        reading: Default::default(),
                        choice: None,
                        ladder: loaded.ladder,
                        warnings: loaded.notes,
                        lost_headings: Vec::new(),
                    })
                }
                Err(errors) => errors,
            };
            let Ok(mut imported) = import::import_file_with(path, options) else {
                return Err(errors);
            };
            if imported
                .ladder
                .tracks
                .iter()
                .all(|track| track.levels.is_empty())
            {
                return Err(errors);
            }
            let why = errors
                .first()
                // (Its first clause: "unknown field `lang`", not the fields it may have.)
                .map(|error| {
                    error
                        .message
                        .split(", expected")
                        .next()
                        .unwrap_or("")
                        .to_owned()
                })
                .unwrap_or_default();
            imported.warnings.insert(
                0,
                Diagnostic::warning(
                    "read-as-data",
                    format!(
                        "it has `tracks` but is not a ladder source of this tool ({why}): read \
                         as a data file"
                    ),
                )
                .in_file(path),
            );
            return Ok(imported);
        }
    }
    import::import_file_with(path, options)
}
