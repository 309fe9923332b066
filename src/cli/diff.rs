//! `ladder diff`: a changelog between two versions of a ladder.

use clap::{Args, ValueEnum};

use super::Status;
use crate::diff;
use crate::workspace::read_version;

/// The changelog's format.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum DiffFormat {
    /// Markdown, for a pull request or a release note.
    Md,
    /// JSON, for tools.
    Json,
}

/// Arguments of `ladder diff`.
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The old version: a file, or `file@revision` to read it from git (`ladders/x.yaml@HEAD~3`).
    pub old: String,
    /// The new version, in the same forms.
    pub new: String,
    /// Output format.
    #[arg(long, value_enum, default_value = "md")]
    pub format: DiffFormat,
}

pub(super) fn run(args: DiffArgs) -> anyhow::Result<Status> {
    let text = diff_text(&args)?;
    super::print_out(&text);
    Ok(Status::Success)
}

fn diff_text(args: &DiffArgs) -> anyhow::Result<String> {
    let old = read_version(&args.old)?;
    let new = read_version(&args.new)?;
    let changelog = diff::diff(&old, &new, &args.old, &args.new);
    match args.format {
        DiffFormat::Md => diff::to_markdown(&changelog),
        DiffFormat::Json => Ok(serde_json::to_string_pretty(&changelog)? + "\n"),
    }
}
