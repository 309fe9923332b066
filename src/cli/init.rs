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
    /// Where the CI workflow installs this tool from: a git address pinned to a commit or tag
    /// (`https://github.com/acme/ladder@3f2c1e0`), `job-ladder@<version>` from crates.io, or a
    /// local folder of its source. Without it the workflow's install step fails, saying how to
    /// set it.
    #[arg(long, value_name = "SOURCE")]
    pub install_from: Option<String>,
}

/// How the workflow installs the tool: the shell command, and a comment saying what it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Install {
    /// The command (`cargo install --locked --git … --rev …`).
    pub(super) command: String,
    /// What it installs, for the workflow's comment.
    pub(super) note: String,
}

/// The package this tool is published as (`ladder` on crates.io is another project).
const PACKAGE: &str = "job-ladder";

impl Install {
    /// Reads `--install-from`: a git address with `@<commit or tag>`, `job-ladder@<version>`
    /// (or `job-ladder`, pinned to this tool's version), or a local folder holding the source.
    /// Anything that would install another crate is refused.
    pub(super) fn from_source(source: &str) -> anyhow::Result<Install> {
        let source = source.trim();
        let quoted = |text: &str| format!("'{}'", text.replace('\'', "'\\''"));
        if source.contains("://") || source.starts_with("git@") {
            // `@rev` after the last `/` (a `git@host:` address has its own `@` before it).
            let last = source.rfind('/').unwrap_or(0);
            let Some(at) = source[last..].rfind('@').map(|at| last + at) else {
                anyhow::bail!(
                    "--install-from {source}: pin the tool to a commit or tag, so that every \
                     run builds the same one: {source}@<commit or tag>"
                );
            };
            let (address, rev) = (&source[..at], &source[at + 1..]);
            anyhow::ensure!(
                !rev.is_empty(),
                "--install-from {source}: the commit or tag after `@` is empty"
            );
            let kind = if rev.len() >= 7 && rev.chars().all(|c| c.is_ascii_hexdigit()) {
                "--rev"
            } else {
                "--tag"
            };
            return Ok(Install {
                command: format!(
                    "cargo install --locked --git {} {kind} {} {PACKAGE}",
                    quoted(address),
                    quoted(rev)
                ),
                note: format!("Installs this tool from {address} at {rev}."),
            });
        }
        let path = Path::new(source);
        if path.join("Cargo.toml").is_file() {
            let absolute = path
                .canonicalize()
                .with_context(|| format!("cannot resolve {}", path.display()))?;
            return Ok(Install {
                command: format!(
                    "cargo install --locked --path {}",
                    quoted(&absolute.to_string_lossy())
                ),
                note: format!(
                    "Installs this tool from its source at {} (a runner that has it).",
                    absolute.display()
                ),
            });
        }
        let (name, version) = source
            .split_once('@')
            .unwrap_or((source, env!("CARGO_PKG_VERSION")));
        anyhow::ensure!(
            name == PACKAGE,
            "--install-from {source}: this tool is the crate `{PACKAGE}` (`{name}` on crates.io \
             is another program); give `{PACKAGE}@<version>`, a git address@<commit>, or a folder \
             of its source"
        );
        Ok(Install {
            command: format!(
                "cargo install --locked {PACKAGE} --version {}",
                quoted(version)
            ),
            note: format!("Installs {PACKAGE} {version} from crates.io."),
        })
    }

    /// The step of a workflow made without `--install-from`: it fails, saying what to do.
    fn unset() -> Install {
        Install {
            command: String::from(
                "echo \"::error::ladder init did not know where to install ladder from. Run \
                 'ladder init --install-from <git address>@<commit>' (or job-ladder@<version>) \
                 again, or edit this step.\"; exit 1",
            ),
            note: String::from(
                "Set by `ladder init --install-from`; not set when this file was written.",
            ),
        }
    }
}

/// The CI workflow, installing the tool as `install` says.
pub(super) fn workflow(install: &Install) -> String {
    let mut hasher = crate::output::ContentHasher::new();
    hasher.add(install.command.as_bytes());
    let key: String = hasher.finish().chars().take(12).collect();
    include_str!("init/workflow.yml")
        .replace("{{cache_key}}", &key)
        .replace("{{install_note}}", &install.note)
        .replace("{{install_command}}", &install.command)
}

/// The files of a new project: a commented example ladder using every field, the schema its
/// first line points editors at, the layouts to restyle, a `.gitignore` for `out/`, and a
/// GitHub Actions workflow that checks pull requests and builds on main.
fn files(install: &Install) -> Vec<(PathBuf, Vec<u8>)> {
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
            workflow(install).into_bytes(),
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
    let install = match &args.install_from {
        Some(source) => Install::from_source(source)?,
        None => Install::unset(),
    };
    let mut written = 0;
    for (relative, bytes) in files(&install) {
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
    if args.install_from.is_none() {
        eprintln!(
            "The CI workflow does not know where to install this tool from: run `ladder init \
             --install-from <git address>@<commit>` (or job-ladder@<version>) to set it."
        );
    }
    Ok(Status::Success)
}
