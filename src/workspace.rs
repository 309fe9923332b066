//! The ladders of one run: which files a command names (a folder of ladders, a file, a ladder
//! by id, a level by id or title, a version at a git revision), read through
//! [`crate::inputs`], checked, and normalized.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::Context as _;

use crate::check;
use crate::diagnostic::Diagnostic;
use crate::inputs::{self, is_ladder_source};
use crate::load::{load_source, LoadedLadder, SourceFile};
use crate::model::{Ladder, Level};

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
        let files = match find_ladder_files(paths) {
            Ok(files) => files,
            Err(diagnostic) => {
                workspace.diagnostics.push(diagnostic);
                return workspace;
            }
        };
        let mut checked = Vec::new();
        for file in files {
            match inputs::load_file(&file) {
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
                    if let Ok(source) = crate::source::read_source(&file) {
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

/// The folder ladders are read from when none is named.
pub const DEFAULT_FOLDER: &str = "ladders";

/// A ladder named by its file, or by its id in `ladders/`, checked and normalized. A file with
/// errors is an error that carries every diagnostic, rendered.
pub fn find_ladder(name: &str) -> anyhow::Result<LoadedLadder> {
    let as_path = PathBuf::from(name);
    let by_file = as_path.is_file();
    let workspace = Workspace::load(&[if by_file {
        as_path
    } else {
        PathBuf::from(DEFAULT_FOLDER)
    }]);
    let known: Vec<String> = workspace
        .ladders
        .iter()
        .map(|loaded| loaded.ladder.id.clone())
        .collect();
    if workspace.error_count() > 0 && by_file {
        anyhow::bail!("{}\n{name} has errors", workspace.render_diagnostics());
    }
    workspace
        .ladders
        .into_iter()
        .find(|loaded| by_file || loaded.ladder.id == name)
        .with_context(|| {
            if known.is_empty() {
                format!(
                    "no ladder `{name}`: there is no `{DEFAULT_FOLDER}/` folder of ladders here; \
                     give the ladder's file (e.g. path/to/{name}.yaml)"
                )
            } else {
                format!(
                    "no ladder `{name}`: give a file, or one of: {}",
                    known.join(", ")
                )
            }
        })
}

/// A level of `ladder` named by id, title or alias, or an error listing the levels.
pub fn find_level<'a>(ladder: &'a Ladder, name: &str) -> anyhow::Result<&'a Level> {
    ladder.resolve_level(name).with_context(|| {
        let known: Vec<&str> = ladder
            .levels()
            .map(|(_, level)| level.id.as_str())
            .collect();
        format!(
            "ladder `{}` has no level `{name}`; its levels: {}",
            ladder.id,
            known.join(", ")
        )
    })
}

/// A checked, normalized ladder from a file, or from git when written `file@revision`.
pub fn read_version(spec: &str) -> anyhow::Result<Ladder> {
    let source = match spec.rsplit_once('@') {
        Some((file, revision)) if !Path::new(spec).exists() => SourceFile {
            path: PathBuf::from(spec),
            text: git_show(Path::new(file), revision)?,
        },
        _ => crate::source::read_source(Path::new(spec))
            .map_err(|d| anyhow::anyhow!(d.render(None)))?,
    };
    let label = source.path.display().to_string();
    let mut loaded = load_source(source).map_err(|diagnostics| {
        let rendered: Vec<String> = diagnostics.iter().map(|d| d.render(None)).collect();
        anyhow::anyhow!("{}\n{label} cannot be read", rendered.join("\n"))
    })?;
    let problems = check::check(&loaded);
    if problems.iter().any(Diagnostic::is_error) {
        let rendered: Vec<String> = problems
            .iter()
            .map(|d| d.render(Some(&loaded.source.text)))
            .collect();
        anyhow::bail!("{}\n{label} has errors", rendered.join("\n"));
    }
    check::normalize(&mut loaded.ladder);
    Ok(loaded.ladder)
}

/// The text of `file` at a git revision, read with `git show` in the file's folder.
fn git_show(file: &Path, revision: &str) -> anyhow::Result<String> {
    let folder = match file.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let name = file
        .file_name()
        .with_context(|| format!("`{}` is not a file name", file.display()))?;
    let output = std::process::Command::new("git")
        .arg("-C")
        .arg(folder)
        .arg("show")
        .arg(format!("{revision}:./{}", name.to_string_lossy()))
        .output()
        .context("cannot run git (needed for `file@revision`)")?;
    if !output.status.success() {
        anyhow::bail!(
            "git cannot show {} at {revision}: {}",
            file.display(),
            String::from_utf8_lossy(&output.stderr).trim()
        );
    }
    String::from_utf8(output.stdout)
        .with_context(|| format!("{}@{revision} is not UTF-8", file.display()))
}
