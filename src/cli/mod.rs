//! The command line: arguments in, library calls, an exit code out.
//!
//! Each command is one file over the library. Problems are printed in one place
//! ([`report`]); a command returns a [`Status`] or an error, and [`exit_code`] is the one place
//! that turns that into the process's exit code.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use crate::budget::Limits;
use crate::export::pdf::{Paper, PdfOptions};

mod build;
mod calibration;
mod check;
mod compare;
mod diff;
mod import;
mod init;
mod offer;
mod panics;
mod progress;
pub mod report;
mod watch;

pub use build::BuildArgs;
pub use calibration::CalibrationArgs;
pub use check::CheckArgs;
pub use compare::{side_by_side, CompareArgs};
pub use diff::{DiffArgs, DiffFormat};
pub use import::ImportArgs;
pub use init::InitArgs;
pub use offer::OfferArgs;
pub use report::MessageFormat;
pub use watch::WatchArgs;

/// Write your engineering job ladder once; get PDF booklets, Markdown handbooks and Excel
/// matrices from it.
///
/// With no command, `ladder` builds every ladder in `ladders/`.
#[derive(Debug, Parser)]
#[command(name = "ladder", version, about, long_about)]
pub struct Cli {
    /// What to do (default: build).
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Load, check and build the ladders into PDF, Markdown and Excel (the default command).
    Build(BuildArgs),
    /// Load and check the ladders, printing every problem with its place in the file.
    Check(CheckArgs),
    /// Build, then rebuild what a change to a ladder or a layout affects, on every save.
    Watch(WatchArgs),
    /// Make the one-page PDF of a level for an offer letter, optionally for a named candidate.
    Offer(OfferArgs),
    /// Show what differs between two levels, area by area (default: the next level up).
    Compare(CompareArgs),
    /// Write a changelog between two versions of a ladder (files, or `file@git-revision`).
    Diff(DiffArgs),
    /// Read ladders written as documents (Markdown, HTML) and write their YAML sources.
    Import(ImportArgs),
    /// Print the JSON Schema of the YAML ladder format (for editors' completion and checking).
    Schema,
    /// Read filled calibration workbooks back: a report, a CSV and JSON of what was decided.
    Calibration(CalibrationArgs),
    /// Set up a new project folder: an example ladder, the schema, the layouts, a CI workflow.
    Init(InitArgs),
    /// Print a completion script for a shell: `ladder completions bash > ~/.local/share/bash-completion/completions/ladder`.
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
}

/// Options of the PDF documents, shared by the commands that make PDFs.
#[derive(Debug, Args, Clone)]
pub struct PdfArgs {
    /// A folder of typst templates to use instead of `layouts/`.
    #[arg(long, value_name = "DIR")]
    pub layouts: Option<PathBuf>,
    /// Paper size of the PDFs.
    #[arg(long, value_enum, default_value = "a4")]
    pub paper: Paper,
    /// A folder of extra fonts (repeatable).
    #[arg(long = "font-path", value_name = "DIR")]
    pub font_paths: Vec<PathBuf>,
    /// How long one document's template may run before it is stopped and reported.
    #[arg(long, value_name = "SECONDS", default_value_t = 300)]
    pub document_time_limit: u64,
    /// How much memory one document's template may hold before it is stopped and reported.
    #[arg(long, value_name = "MIB", default_value_t = 2048)]
    pub document_memory_limit: usize,
}

impl PdfArgs {
    fn options(&self, emit_typst: Option<PathBuf>) -> PdfOptions {
        PdfOptions {
            layouts_dir: self.layouts.clone(),
            paper: self.paper,
            font_paths: self.font_paths.clone(),
            emit_typst,
            limits: Limits {
                time: std::time::Duration::from_secs(self.document_time_limit),
                memory: self.document_memory_limit << 20,
            },
            volume_expectations: None,
        }
    }
}

/// How a command ended, when it ran to its end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Everything asked for was done, without problems.
    Success,
    /// It ran, and found or hit problems (errors in a ladder, a failed artifact, warnings
    /// with `--deny-warnings`); they have been printed.
    Problems,
}

impl Status {
    fn problems_if(problems: bool) -> Status {
        if problems {
            Status::Problems
        } else {
            Status::Success
        }
    }
}

/// Exit codes: 0 all good, 1 problems (or an error that stopped the command), 2 the command
/// line was wrong (clap's own code).
pub fn exit_code(result: anyhow::Result<Status>) -> ExitCode {
    match result {
        Ok(Status::Success) => ExitCode::SUCCESS,
        Ok(Status::Problems) => ExitCode::FAILURE,
        Err(error) => {
            report::error(&error);
            ExitCode::FAILURE
        }
    }
}

/// Parses the command line, runs the command, and maps its result to an exit code. A panic
/// that nothing caught is one located error line, not a backtrace (see [`panics`]).
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let verbose = match &cli.command {
        Some(Command::Build(args)) => args.verbose,
        Some(Command::Watch(args)) => args.build.verbose,
        _ => false,
    };
    panics::install(verbose);
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| run(cli))) {
        Ok(code) => code,
        // `ladder import --explain … | head`: the reader stopped reading, nothing is wrong.
        Err(payload) if closed_stdout(payload.as_ref()) => ExitCode::SUCCESS,
        Err(_) => {
            let what = panics::last().unwrap_or_else(|| String::from("no message"));
            exit_code(Err(anyhow::anyhow!(
                "an internal error stopped `ladder` ({what}); please report it with the files \
                 that cause it (run with RUST_BACKTRACE=1 for the details)"
            )))
        }
    }
}

/// Whether a panic is `print!`'s on a standard output whose reader has gone (a closed pipe).
fn closed_stdout(payload: &(dyn std::any::Any + Send)) -> bool {
    let message = crate::diagnostic::panic_message(payload);
    message.contains("failed printing to stdout") && message.contains("Broken pipe")
}

fn run(cli: Cli) -> ExitCode {
    // No command means `build` with its defaults, exactly as if `build` had been typed.
    let command = match cli.command {
        Some(command) => command,
        None => match Cli::try_parse_from(["ladder", "build"]) {
            Ok(Cli {
                command: Some(command),
            }) => command,
            _ => return exit_code(Err(anyhow::anyhow!("`ladder build` cannot be parsed"))),
        },
    };
    exit_code(match command {
        Command::Build(args) => build::run(args),
        Command::Check(args) => check::run(args),
        Command::Watch(args) => watch::run(args),
        Command::Offer(args) => offer::run(args),
        Command::Compare(args) => compare::run(args),
        Command::Diff(args) => diff::run(args),
        Command::Import(args) => import::run(args),
        Command::Schema => {
            print_out(&crate::json_schema());
            Ok(Status::Success)
        }
        Command::Init(args) => init::run(args),
        Command::Calibration(args) => calibration::run(args),
        Command::Completions { shell } => {
            use clap::CommandFactory as _;
            clap_complete::generate(shell, &mut Cli::command(), "ladder", &mut std::io::stdout());
            Ok(Status::Success)
        }
    })
}

fn default_paths(paths: Vec<PathBuf>) -> Vec<PathBuf> {
    if paths.is_empty() {
        vec![PathBuf::from(crate::workspace::DEFAULT_FOLDER)]
    } else {
        paths
    }
}

/// Writes text to standard output. A reader that closed the pipe early (`ladder import
/// --explain … | head`) has what it wanted: no error and no panic, as `print!` would raise.
pub(super) fn print_out(text: &str) {
    use std::io::Write;
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}
