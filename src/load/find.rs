//! Finding what a command names: a ladder by file or by id, a level by id or title, a version
//! of a ladder at a git revision (`ladders/x.yaml@HEAD~3`).

use std::path::{Path, PathBuf};

use anyhow::Context as _;

use super::{load_source, LoadedLadder, SourceFile};
use crate::model::{Ladder, Level};
use crate::Workspace;

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
            format!(
                "no ladder `{name}`: give a file, or one of: {}",
                known.join(", ")
            )
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
        _ => super::read_source(Path::new(spec)).map_err(|d| anyhow::anyhow!(d.render(None)))?,
    };
    let label = source.path.display().to_string();
    let mut loaded = load_source(source).map_err(|diagnostics| {
        let rendered: Vec<String> = diagnostics.iter().map(|d| d.render(None)).collect();
        anyhow::anyhow!("{}\n{label} cannot be read", rendered.join("\n"))
    })?;
    let problems = crate::check::check(&loaded);
    if problems.iter().any(crate::Diagnostic::is_error) {
        let rendered: Vec<String> = problems
            .iter()
            .map(|d| d.render(Some(&loaded.source.text)))
            .collect();
        anyhow::bail!("{}\n{label} has errors", rendered.join("\n"));
    }
    crate::check::normalize(&mut loaded.ladder);
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
