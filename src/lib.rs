//! `ladder` turns one engineering job ladder, written once in YAML, into the documents people
//! use: PDF booklets and offer-letter one-pagers, Markdown handbooks, and Excel matrices.
//!
//! The pipeline is a library so that tests and other tools drive it directly:
//!
//! ```text
//! ladders/*.yaml ──load──▶ model::Ladder ──check──▶ exporters
//! ```
//!
//! [`Workspace::load`] reads and checks a set of ladder files, collecting every problem as a
//! located [`Diagnostic`]; ladders without errors come out normalized and ready to export.

pub mod audience;
pub mod build;
pub mod calibration;
pub mod check;
pub mod cli;
pub mod commonmark;
pub mod compare;
pub mod date;
pub mod diagnostic;
pub mod diff;
pub mod export;
pub mod import;
pub mod labels;
pub mod lint;
pub mod load;
pub mod markup;
pub mod model;
pub mod output;
pub mod overview;
pub mod people;
pub mod roster;
pub mod source;
pub mod view;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

pub use diagnostic::{Diagnostic, Severity};
pub use load::LoadedLadder;
pub use model::Ladder;

/// The ladders of one run, loaded and checked, with every problem found on the way.
#[derive(Debug, Default)]
pub struct Workspace {
    /// Ladders without errors, normalized, in the order their files were given.
    pub ladders: Vec<LoadedLadder>,
    /// Files that could not be used because of errors.
    pub failed: Vec<PathBuf>,
    /// Every error and warning, grouped by file in the order the files were read.
    pub diagnostics: Vec<Diagnostic>,
    sources: HashMap<PathBuf, String>,
}

impl Workspace {
    /// Loads and checks the ladder files named by `paths` (files, or folders of `*.yaml`).
    /// One broken file does not stop the others from loading.
    pub fn load(paths: &[PathBuf]) -> Self {
        let mut workspace = Self::default();
        let files = match load::find_ladder_files(paths) {
            Ok(files) => files,
            Err(diagnostic) => {
                workspace.diagnostics.push(diagnostic);
                return workspace;
            }
        };
        let mut checked = Vec::new();
        for file in files {
            match load::load_file(&file) {
                Ok(loaded) => {
                    workspace.diagnostics.extend(loaded.notes.iter().cloned());
                    let found = check::check(&loaded);
                    workspace
                        .sources
                        .insert(file.clone(), loaded.source.text.clone());
                    let has_errors = found.iter().any(Diagnostic::is_error);
                    workspace.diagnostics.extend(found);
                    checked.push((loaded, has_errors));
                }
                Err(found) => {
                    if let Ok(source) = load::read_source(&file) {
                        workspace.sources.insert(file.clone(), source.text);
                    }
                    workspace.diagnostics.extend(found);
                    workspace.failed.push(file);
                }
            }
        }
        let across =
            check::check_across(&checked.iter().map(|(loaded, _)| loaded).collect::<Vec<_>>());
        for (mut loaded, has_errors) in checked {
            let clashes = across
                .iter()
                .any(|diagnostic| diagnostic.file.as_deref() == Some(&loaded.source.path));
            if has_errors || clashes {
                workspace.failed.push(loaded.source.path);
            } else {
                check::normalize(&mut loaded.ladder);
                workspace.ladders.push(loaded);
            }
        }
        workspace.diagnostics.extend(across);
        workspace
    }

    /// How many errors the run found, over every file.
    pub fn error_count(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    /// How many warnings the run found, over every file.
    pub fn warning_count(&self) -> usize {
        self.diagnostics.len() - self.error_count()
    }

    /// The text of a source file read in this run, for quoting it in diagnostics.
    pub fn source_text(&self, path: &Path) -> Option<&str> {
        self.sources.get(path).map(String::as_str)
    }

    /// Every diagnostic rendered with its source line, separated by blank lines.
    pub fn render_diagnostics(&self) -> String {
        self.render_where(|_| true)
    }

    /// Only the errors, rendered (for `--quiet`).
    pub fn render_errors(&self) -> String {
        self.render_where(Diagnostic::is_error)
    }

    fn render_where(&self, keep: impl Fn(&Diagnostic) -> bool) -> String {
        self.diagnostics
            .iter()
            .filter(|diagnostic| keep(diagnostic))
            .map(|diagnostic| {
                let source = diagnostic
                    .file
                    .as_deref()
                    .and_then(|file| self.source_text(file));
                diagnostic.render(source)
            })
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// The JSON Schema of the YAML source format, for editors and `ladder schema`.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(model::Ladder);
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema always serializes");
    text.push('\n');
    text
}
