//! What a build shows while it runs: a progress bar on a terminal, a line per artifact
//! otherwise (CI logs), nothing with `--quiet`.

use std::io::{IsTerminal, Write};
use std::sync::Mutex;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::build::{ArtifactReport, Outcome, Progress};

/// How much a build says while it runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Verbosity {
    /// Nothing (`--quiet`).
    Quiet,
    /// A progress bar on a terminal, else a line per artifact built or failed.
    Normal,
    /// A line per artifact, up-to-date ones included, with how long each took.
    Verbose,
}

/// The build's [`Progress`] for the command line.
pub(crate) struct BuildProgress {
    verbosity: Verbosity,
    bar: Option<ProgressBar>,
    /// Serializes plain lines from the worker threads.
    lines: Mutex<()>,
}

impl BuildProgress {
    /// Progress at the given verbosity; a bar only when stderr is a terminal.
    pub(crate) fn new(verbosity: Verbosity) -> Self {
        let bar = (verbosity != Verbosity::Quiet && std::io::stderr().is_terminal()).then(|| {
            let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
            bar.set_style(
                ProgressStyle::with_template("{spinner} [{bar:30}] {pos}/{len} {wide_msg}")
                    .expect("a valid template")
                    .progress_chars("=> "),
            );
            bar
        });
        BuildProgress {
            verbosity,
            bar,
            lines: Mutex::new(()),
        }
    }

    /// Clears the bar, so that the summary that follows starts on a clean line.
    pub(crate) fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }

    fn line(&self, text: &str) {
        match &self.bar {
            Some(bar) => bar.println(text),
            None => {
                let _guard = self.lines.lock();
                let _ = writeln!(std::io::stderr().lock(), "{text}");
            }
        }
    }
}

impl Progress for BuildProgress {
    fn started(&self, total: usize) {
        if let Some(bar) = &self.bar {
            bar.set_length(total as u64);
        }
    }

    fn finished(&self, report: &ArtifactReport) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
            bar.set_message(format!("{} {}", report.ladder, report.kind));
        }
        let status = match &report.outcome {
            Outcome::Built { .. } => "built",
            Outcome::UpToDate => "up to date",
            Outcome::Failed(_) => "FAILED",
        };
        let show = match self.verbosity {
            Verbosity::Quiet => false,
            Verbosity::Verbose => true,
            // A bar already shows progress; without one, a line per artifact built or failed.
            Verbosity::Normal => self.bar.is_none() && !matches!(report.outcome, Outcome::UpToDate),
        };
        if show {
            let time = if self.verbosity == Verbosity::Verbose {
                format!(" ({} ms)", report.elapsed.as_millis())
            } else {
                String::new()
            };
            self.line(&format!(
                "{status:>10} {} {}{time}",
                report.ladder, report.kind
            ));
        }
    }
}
