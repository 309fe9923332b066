//! The one place the command line prints problems: diagnostics with their source lines, a
//! load summary, and errors that stop a command.

use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;

use crate::{Diagnostic, Workspace};

/// Prints diagnostics to standard error, each with its source line. Sources come from the
/// workspace that read them, else from the file named (read once per file).
pub(crate) fn diagnostics<'a>(
    diagnostics: impl IntoIterator<Item = &'a Diagnostic>,
    workspace: Option<&Workspace>,
) {
    let mut read: HashMap<PathBuf, Option<String>> = HashMap::new();
    let mut per_file: HashMap<Option<PathBuf>, usize> = HashMap::new();
    let mut stderr = std::io::stderr().lock();
    for diagnostic in diagnostics {
        // A file with thousands of problems is one mistake repeated: show the first ones.
        let shown = per_file.entry(diagnostic.file.clone()).or_default();
        *shown += 1;
        if *shown > MAX_PER_FILE {
            continue;
        }
        let source = diagnostic.file.as_ref().and_then(|file| {
            if let Some(text) = workspace.and_then(|workspace| workspace.source_text(file)) {
                return Some(text.to_owned());
            }
            read.entry(file.clone())
                .or_insert_with(|| std::fs::read_to_string(file).ok())
                .clone()
        });
        let _ = writeln!(stderr, "{}", diagnostic.render(source.as_deref()));
    }
    for (file, count) in per_file {
        if count > MAX_PER_FILE {
            let place = file.map_or_else(String::new, |file| format!(" in {}", file.display()));
            let _ = writeln!(
                stderr,
                "... and {} more problems{place}, not shown\n",
                count - MAX_PER_FILE
            );
        }
    }
}

/// Problems printed per file; the rest are counted.
const MAX_PER_FILE: usize = 50;

/// Every problem of a workspace (only its errors when `errors_only`).
pub(crate) fn workspace(workspace: &Workspace, errors_only: bool) {
    diagnostics(
        workspace
            .diagnostics
            .iter()
            .filter(|diagnostic| !errors_only || diagnostic.is_error()),
        Some(workspace),
    );
}

/// "2 ladders loaded, 0 failed: 0 errors, 3 warnings".
pub(crate) fn summary(workspace: &Workspace) {
    eprintln!(
        "{} loaded, {} failed: {}, {}",
        plural(workspace.ladders.len(), "ladder"),
        workspace.failed.len(),
        plural(workspace.error_count(), "error"),
        plural(workspace.warning_count(), "warning"),
    );
}

/// An error that stopped a command, with its causes.
pub(crate) fn error(error: &anyhow::Error) {
    eprintln!("error: {error:#}");
}

/// "1 ladder", "2 ladders".
pub(crate) fn plural(count: usize, word: &str) -> String {
    format!("{count} {word}{}", if count == 1 { "" } else { "s" })
}
