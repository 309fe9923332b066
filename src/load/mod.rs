//! Reading ladder sources from disk into the model.
//!
//! Reading is defensive because the files are written by hand: a file that is too large, not
//! UTF-8, empty or malformed gets one located [`Diagnostic`] instead of a panic or a hang, and the
//! other files of the run still load.

mod find;
pub mod source_map;
mod yaml;

use std::fs;
use std::path::{Path, PathBuf};

use crate::diagnostic::Diagnostic;
use crate::model::Ladder;
pub use crate::source::{read_source, SourceFile, MAX_SOURCE_BYTES};
pub use find::{find_ladder, find_level, read_version, DEFAULT_FOLDER};
pub use source_map::SourceMap;

/// Extensions of the files `ladder` reads as YAML sources.
const YAML_EXTENSIONS: &[&str] = &["yaml", "yml"];

/// A ladder as read from its file, with what is needed to point back into that file.
#[derive(Debug, Clone)]
pub struct LoadedLadder {
    /// The ladder, its id defaulted from the file name when the source gives none.
    pub ladder: Ladder,
    /// The file it was read from, and its text, for quoting in diagnostics.
    pub source: SourceFile,
    /// Where each key and value stands in the file; empty for an imported document.
    pub source_map: SourceMap,
    /// Warnings from reading the source (an imported document's text that could not be placed).
    pub notes: Vec<Diagnostic>,
}

impl LoadedLadder {
    /// A diagnostic located at the value at `path` in this ladder's file.
    pub fn locate(&self, diagnostic: Diagnostic, path: &[source_map::Segment]) -> Diagnostic {
        diagnostic
            .in_file(&self.source.path)
            .at(self.source_map.value(path))
    }

    /// A diagnostic located at the key that names `path` (`grade:`), for problems of the entry.
    pub fn locate_key(&self, diagnostic: Diagnostic, path: &[source_map::Segment]) -> Diagnostic {
        diagnostic
            .in_file(&self.source.path)
            .at(self.source_map.key(path))
    }
}

/// The ladder files named by `paths`: files as given, folders by their `*.yaml` / `*.yml` files
/// (not recursing, skipping hidden files), in name order.
pub fn find_ladder_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, Diagnostic> {
    let mut files = Vec::new();
    for path in paths {
        let metadata = fs::metadata(path).map_err(|error| {
            Diagnostic::error(
                "unreadable",
                format!("cannot read `{}`: {error}", path.display()),
            )
            .with_hint("give a ladder file or a folder of ladder files")
        })?;
        if !metadata.is_dir() {
            files.push(path.clone());
            continue;
        }
        let entries = fs::read_dir(path).map_err(|error| {
            Diagnostic::error(
                "unreadable",
                format!("cannot list folder `{}`: {error}", path.display()),
            )
        })?;
        let mut found: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .filter(|file| is_ladder_source(file) && file.is_file())
            .collect();
        if found.is_empty() {
            return Err(Diagnostic::error(
                "no-ladders",
                format!("folder `{}` holds no ladder files", path.display()),
            )
            .with_hint("ladder sources are YAML files ending in .yaml or .yml"));
        }
        found.sort();
        files.extend(found);
    }
    Ok(files)
}

fn is_ladder_source(path: &Path) -> bool {
    let hidden = path
        .file_name()
        .and_then(|name| name.to_str())
        .is_none_or(|name| name.starts_with('.'));
    let extension = path
        .extension()
        .and_then(|extension| extension.to_str())
        .map(str::to_ascii_lowercase);
    !hidden && extension.is_some_and(|extension| YAML_EXTENSIONS.contains(&extension.as_str()))
}

/// Reads and parses one ladder file. Errors are per file: the caller goes on with the others.
pub fn load_file(path: &Path) -> Result<LoadedLadder, Vec<Diagnostic>> {
    if crate::import::is_document(path) {
        return load_document(path);
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
    load_source(source)
}

/// Imports a Markdown or HTML document as a ladder; what could not be placed is reported in
/// [`LoadedLadder::notes`].
fn load_document(path: &Path) -> Result<LoadedLadder, Vec<Diagnostic>> {
    let source = read_source(path).map_err(|diagnostic| vec![diagnostic])?;
    let imported = crate::import::import_text(path, &source.text)?;
    let mut ladder = imported.ladder;
    if ladder.id.is_empty() {
        ladder.id = default_id(path);
    }
    Ok(LoadedLadder {
        ladder,
        source,
        source_map: SourceMap::default(),
        notes: imported.warnings,
    })
}

/// Parses a ladder from text already read (a file at a git revision, say); `source.path` names
/// it in diagnostics and gives its default id.
pub fn load_source(source: SourceFile) -> Result<LoadedLadder, Vec<Diagnostic>> {
    let (mut ladder, source_map) = yaml::parse(&source)?;
    if ladder.id.is_empty() {
        ladder.id = default_id(&source.path);
    }
    Ok(LoadedLadder {
        ladder,
        source,
        source_map,
        notes: Vec::new(),
    })
}

/// A ladder's id when it names none: its file stem.
fn default_id(path: &Path) -> String {
    path.file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_else(|| String::from("ladder"))
}
