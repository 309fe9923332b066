//! The one place the command line prints problems: diagnostics with their source lines, a
//! load summary, and errors that stop a command.

use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;

use crate::diagnostic::Severity;
use crate::{Diagnostic, Workspace};

/// Prints diagnostics to standard error, each with its source line. Sources come from the
/// workspace that read them, else from the file named (read once per file).
pub(crate) fn diagnostics<'a>(
    diagnostics: impl IntoIterator<Item = &'a Diagnostic>,
    workspace: Option<&Workspace>,
) {
    diagnostics_as(diagnostics, workspace, MessageFormat::Human);
}

/// Prints diagnostics in a format: for people to standard error, for tools (JSON lines,
/// GitHub workflow commands) to standard output, every one of them.
pub(crate) fn diagnostics_as<'a>(
    diagnostics: impl IntoIterator<Item = &'a Diagnostic>,
    workspace: Option<&Workspace>,
    format: MessageFormat,
) {
    if format != MessageFormat::Human {
        let mut stdout = std::io::stdout().lock();
        for diagnostic in diagnostics {
            if let Some(line) = machine_line(diagnostic, format) {
                let _ = writeln!(stdout, "{line}");
            }
        }
        return;
    }
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
    workspace_as(workspace, errors_only, MessageFormat::Human);
}

/// Every problem of a workspace, in a format.
pub(crate) fn workspace_as(workspace: &Workspace, errors_only: bool, format: MessageFormat) {
    diagnostics_as(
        workspace
            .diagnostics
            .iter()
            .filter(|diagnostic| !errors_only || diagnostic.is_error()),
        Some(workspace),
        format,
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

/// How problems are printed: for people, as JSON lines for tools, or as GitHub Actions
/// workflow commands so that they appear on a pull request's diff.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum MessageFormat {
    /// Like rustc: the message, the place, the source line and a hint.
    #[default]
    Human,
    /// One JSON object per line: file, line, column, severity, code, message, hint.
    Json,
    /// `::error file=…,line=…,col=…,title=…::message` lines for GitHub Actions.
    Github,
}

/// One diagnostic in a machine-readable format (`None` for `Human`).
pub fn machine_line(diagnostic: &Diagnostic, format: MessageFormat) -> Option<String> {
    let (line, column) = diagnostic
        .position
        .map_or((None, None), |(l, c)| (Some(l), Some(c)));
    let file = diagnostic
        .file
        .as_ref()
        .map(|file| file.display().to_string());
    let severity = match diagnostic.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    match format {
        MessageFormat::Human => None,
        MessageFormat::Json => Some(
            serde_json::json!({
                "file": file,
                "line": line,
                "column": column,
                "severity": severity,
                "code": diagnostic.code,
                "message": diagnostic.message,
                "hint": diagnostic.hint,
            })
            .to_string(),
        ),
        MessageFormat::Github => {
            let mut properties = Vec::new();
            if let Some(file) = &file {
                properties.push(format!("file={}", github_property(file)));
            }
            if let Some(line) = line {
                properties.push(format!("line={line}"));
            }
            if let Some(column) = column {
                properties.push(format!("col={column}"));
            }
            properties.push(format!("title={}", github_property(diagnostic.code)));
            let mut message = diagnostic.message.clone();
            if let Some(hint) = &diagnostic.hint {
                message.push_str("\nhint: ");
                message.push_str(hint);
            }
            Some(format!(
                "::{severity} {}::{}",
                properties.join(","),
                github_data(&message)
            ))
        }
    }
}

/// A workflow command's message: `%`, CR and LF encoded.
fn github_data(text: &str) -> String {
    crate::diagnostic::escape_controls(text)
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A workflow command's property value: also `:` and `,` encoded.
fn github_property(text: &str) -> String {
    github_data(text).replace(':', "%3A").replace(',', "%2C")
}
