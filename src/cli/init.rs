//! `ladder init`: a new project folder, ready to edit and to check in CI.

use std::path::{Path, PathBuf};

use anyhow::Context as _;
use clap::Args;

use super::Status;
use crate::export::pdf::world::EMBEDDED_LAYOUTS;

/// Arguments of `ladder init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// The folder to set up (created if needed; default: the current folder).
    #[arg(default_value = ".")]
    pub dir: PathBuf,
}

/// The files of a new project: a commented example ladder using every field, the schema its
/// first line points editors at, the layouts to restyle, a `.gitignore` for `out/`, and a
/// GitHub Actions workflow that checks pull requests and builds on main.
fn files() -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = vec![
        (
            PathBuf::from("ladders/example.yaml"),
            include_bytes!("init/example.yaml").to_vec(),
        ),
        (
            PathBuf::from("schema/ladder.schema.json"),
            crate::json_schema().into_bytes(),
        ),
        (
            PathBuf::from(".gitignore"),
            include_bytes!("init/gitignore").to_vec(),
        ),
        (
            PathBuf::from(".github/workflows/ladder.yml"),
            include_bytes!("init/workflow.yml").to_vec(),
        ),
    ];
    for (name, text) in EMBEDDED_LAYOUTS {
        files.push((Path::new("layouts").join(name), text.as_bytes().to_vec()));
    }
    for (language, text) in crate::labels::built_in_sources() {
        files.push((
            Path::new("layouts/labels").join(format!("{language}.yaml")),
            text.as_bytes().to_vec(),
        ));
    }
    files
}

pub(super) fn run(args: InitArgs) -> anyhow::Result<Status> {
    let mut written = 0;
    for (relative, bytes) in files() {
        let path = args.dir.join(&relative);
        // Never overwrite: a project that already has the file keeps its own.
        if path.exists() {
            eprintln!("kept {} (it exists)", path.display());
            continue;
        }
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create the folder {}", parent.display()))?;
        }
        crate::output::write_atomically(&path, |out| out.write_all(&bytes))?;
        eprintln!("wrote {}", path.display());
        written += 1;
    }
    eprintln!(
        "{written} files written. Next: edit {}, then `ladder check` and `ladder build`.",
        args.dir.join("ladders/example.yaml").display()
    );
    Ok(Status::Success)
}
