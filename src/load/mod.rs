//! Reading ladder sources from disk into the model.
//!
//! Reading is defensive because the files are written by hand: a file that is too large, not
//! UTF-8, empty or malformed gets one located [`Diagnostic`] instead of a panic or a hang, and the
//! other files of the run still load.

pub mod source_map;
mod yaml;

use std::path::Path;

use crate::diagnostic::Diagnostic;
use crate::model::Ladder;
pub use crate::source::{read_source, SourceFile, MAX_SOURCE_BYTES};
pub use source_map::SourceMap;

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

/// Any YAML a user gives that is not a ladder (another tool's data, a front matter, a
/// mapping), as a value: refused with a located error when it nests or expands by its aliases
/// past what any ladder does, before serde_yaml builds it.
pub fn yaml_value(path: &Path, text: &str) -> Result<serde_yaml::Value, Diagnostic> {
    if let Some(refused) = yaml::beyond_bounds(path, &SourceMap::build(text)) {
        return Err(refused);
    }
    serde_yaml::from_str(text).map_err(|error| {
        Diagnostic::error("bad-yaml", format!("this is not YAML: {error}"))
            .in_file(path)
            .at(error.location().map(|at| (at.line(), at.column())))
    })
}

/// A ladder's id when it names none: its file stem.
pub fn default_id(path: &Path) -> String {
    path.file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_else(|| String::from("ladder"))
}
