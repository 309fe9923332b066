//! `ladder check`: load and check, printing every problem.

use std::path::PathBuf;

use clap::Args;

use super::report::MessageFormat;
use super::{default_paths, report, Status};
use crate::Workspace;

/// Arguments of `ladder check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Ladder files, or folders of them. Defaults to `ladders/`.
    pub paths: Vec<PathBuf>,
    /// Fail (exit 1) on warnings too.
    #[arg(long)]
    pub deny_warnings: bool,
    /// How to print problems: for people, as JSON lines, or as GitHub Actions annotations.
    #[arg(long, value_enum, default_value = "human")]
    pub message_format: MessageFormat,
}

pub(super) fn run(args: CheckArgs) -> anyhow::Result<Status> {
    let workspace = Workspace::load(&default_paths(args.paths));
    report::workspace_as(&workspace, false, args.message_format);
    report::summary(&workspace);
    let failed =
        workspace.error_count() > 0 || (args.deny_warnings && workspace.warning_count() > 0);
    Ok(Status::problems_if(failed))
}
