//! The command line: argument parsing and the mapping of results to exit codes.
//! The work itself is done by the library, so every command is also usable from Rust.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use crate::Workspace;

mod changes;

/// Write your engineering job ladder once; get PDF booklets, Markdown handbooks and Excel
/// matrices from it.
///
/// With no command, `ladder` builds every ladder in `ladders/`.
#[derive(Debug, Parser)]
#[command(name = "ladder", version, about, long_about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Load, check and build the ladders (the default command).
    Build(BuildArgs),
    /// Load and check the ladders, printing every problem with its place in the file.
    Check(CheckArgs),
    /// Show what differs between two levels, area by area (default: the next level up).
    Compare(changes::CompareArgs),
    /// Write a changelog between two versions of a ladder (files, or `file@git-revision`).
    Diff(changes::DiffArgs),
    /// Print the JSON Schema of the YAML ladder format (for editors' completion and checking).
    Schema,
}

#[derive(Debug, Args, Default)]
pub struct BuildArgs {
    /// Ladder files, or folders of them. Defaults to `ladders/`.
    pub paths: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Ladder files, or folders of them. Defaults to `ladders/`.
    pub paths: Vec<PathBuf>,
    /// Fail (exit 1) on warnings too.
    #[arg(long)]
    pub deny_warnings: bool,
}

/// Exit codes: 0 all good, 1 a ladder has errors (or warnings with `--deny-warnings`),
/// 2 the command line was wrong (clap's own code).
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command.unwrap_or(Command::Build(BuildArgs::default())) {
        Command::Build(args) => build(args),
        Command::Check(args) => check(args),
        Command::Compare(args) => changes::compare(args),
        Command::Diff(args) => changes::diff(args),
        Command::Schema => {
            print!("{}", crate::json_schema());
            ExitCode::SUCCESS
        }
    }
}

fn default_paths(paths: Vec<PathBuf>) -> Vec<PathBuf> {
    if paths.is_empty() {
        vec![PathBuf::from("ladders")]
    } else {
        paths
    }
}

fn report(workspace: &Workspace) {
    let mut stderr = std::io::stderr().lock();
    let rendered = workspace.render_diagnostics();
    if !rendered.is_empty() {
        let _ = writeln!(stderr, "{rendered}");
    }
}

fn summary(workspace: &Workspace) -> String {
    let plural =
        |count: usize, word: &str| format!("{count} {word}{}", if count == 1 { "" } else { "s" });
    format!(
        "{} loaded, {} failed: {}, {}",
        plural(workspace.ladders.len(), "ladder"),
        workspace.failed.len(),
        plural(workspace.error_count(), "error"),
        plural(workspace.warning_count(), "warning"),
    )
}

fn check(args: CheckArgs) -> ExitCode {
    let workspace = Workspace::load(&default_paths(args.paths));
    report(&workspace);
    eprintln!("{}", summary(&workspace));
    let failed =
        workspace.error_count() > 0 || (args.deny_warnings && workspace.warning_count() > 0);
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn build(args: BuildArgs) -> ExitCode {
    let workspace = Workspace::load(&default_paths(args.paths));
    report(&workspace);
    eprintln!("{}", summary(&workspace));
    // The exporters (PDF, Markdown, Excel) are not written yet: say so rather than pretend.
    let note =
        "no exporters yet: nothing was written to out/ (the ladders were only loaded and checked)";
    eprintln!("note: {note}");
    if workspace.error_count() > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
