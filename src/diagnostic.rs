//! Problems found in a ladder, located in its source file and printed the way rustc and typst do.
//!
//! Every stage reports through [`Diagnostic`] so that a user sees one consistent format, and so
//! that all problems of a run can be collected and shown together instead of one per attempt.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// How serious a problem is: errors stop a ladder from being built, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Worth fixing; the ladder is still built.
    Warning,
    /// The ladder cannot be built until it is fixed.
    Error,
}

/// A place in a source file. Lines and columns count from 1, columns in characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The source file, as it was given.
    pub file: PathBuf,
    /// The line, from 1.
    pub line: usize,
    /// The column, from 1, in characters (not bytes).
    pub column: usize,
}

/// One problem, with where it is and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Whether it stops the ladder from being built.
    pub severity: Severity,
    /// A stable name for the kind of problem (`unknown-area`), for tests and for switching lints off.
    pub code: &'static str,
    /// What is wrong, in one lower-case sentence without a final period ("the ladder has no
    /// tracks").
    pub message: String,
    /// The file alone when there is no better place (an unreadable file), or no place at all.
    pub file: Option<PathBuf>,
    /// Line and column in `file`, both from 1, columns in characters; `None` for the whole file.
    pub position: Option<(usize, usize)>,
    /// What to do about it.
    pub hint: Option<String>,
}

impl Diagnostic {
    /// An error of kind `code`, not yet placed in a file.
    pub fn error(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, code, message)
    }

    /// A warning of kind `code`, not yet placed in a file.
    pub fn warning(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, code, message)
    }

    fn new(severity: Severity, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            severity,
            code,
            message: message.into(),
            file: None,
            position: None,
            hint: None,
        }
    }

    /// Places the problem in a file.
    pub fn in_file(mut self, file: impl Into<PathBuf>) -> Self {
        self.file = Some(file.into());
        self
    }

    /// Places the problem at a line and column (both counted from 1).
    pub fn at(mut self, position: Option<(usize, usize)>) -> Self {
        self.position = position;
        self
    }

    /// Adds what to do about the problem, shown after it as `= hint: …`.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Whether it is an error (and so stops its ladder from being built).
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// File, line and column together, when the problem has all three.
    pub fn location(&self) -> Option<Location> {
        let (line, column) = self.position?;
        Some(Location {
            file: self.file.clone()?,
            line,
            column,
        })
    }

    /// Renders the diagnostic with the offending source line when `source` is the file's text:
    ///
    /// ```text
    /// error: level `m-4` shares the expectations of `m-9`, which is no level of this ladder
    ///    --> ladders/persado.yaml:312:31
    ///     |
    /// 312 |     shares_expectations_with: m-9
    ///     |                               ^^^
    ///     = hint: levels are m-1, m-2, m-3
    /// ```
    pub fn render(&self, source: Option<&str>) -> String {
        escape_controls(&self.render_raw(source))
    }

    fn render_raw(&self, source: Option<&str>) -> String {
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut out = format!("{label}: {}\n", self.message);
        let line_text = self
            .position
            .and_then(|(line, _)| source.and_then(|text| text.lines().nth(line.saturating_sub(1))));
        let gutter = self
            .position
            .map_or(1, |(line, _)| line.to_string().len())
            .max(1);
        let pad = " ".repeat(gutter);
        match (&self.file, self.position) {
            (Some(file), Some((line, column))) => {
                let _ = writeln!(out, "{pad}--> {}:{line}:{column}", display_path(file));
            }
            (Some(file), None) => {
                let _ = writeln!(out, "{pad}--> {}", display_path(file));
            }
            _ => {}
        }
        if let (Some((line, column)), Some(text)) = (self.position, line_text) {
            let text = text.trim_end();
            let underline_start = column.saturating_sub(1).min(text.chars().count());
            // A very long line is quoted up to a little past the place, not whole.
            let shown: String;
            let text = if text.chars().count() > MAX_QUOTED_CHARACTERS {
                let keep = (underline_start + 60).max(MAX_QUOTED_CHARACTERS);
                shown = text.chars().take(keep).chain(['…']).collect();
                shown.as_str()
            } else {
                text
            };
            let token: String = text.chars().skip(underline_start).collect();
            let width = underline_width(&token);
            let indent: String = text
                .chars()
                .take(underline_start)
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            let _ = writeln!(out, "{pad} |");
            let _ = writeln!(out, "{line} | {text}");
            let _ = writeln!(out, "{pad} | {indent}{}", "^".repeat(width));
        }
        if let Some(hint) = &self.hint {
            let _ = writeln!(out, "{pad} = hint: {hint}");
        }
        out
    }
}

/// Underlines a key (up to its colon) or a scalar value (to the end of the line).
/// Characters of a source line quoted in full; a longer line is cut a little past the place.
const MAX_QUOTED_CHARACTERS: usize = 160;

/// Text with every control character but line breaks and tabs written as `\u{1b}`: a ladder
/// may hold an escape sequence, and printing it raw would clear or recolour the reader's
/// terminal.
pub fn escape_controls(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control() && c != '\n' && c != '\t' {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

fn underline_width(token: &str) -> usize {
    let key_end = token
        .find(": ")
        .or_else(|| token.strip_suffix(':').map(str::len));
    let width = match key_end {
        Some(end) => token[..end].chars().count(),
        None => token.chars().count(),
    };
    width.clamp(1, 80)
}

fn display_path(path: &Path) -> String {
    path.display().to_string()
}

/// Converts a byte offset in `text` into a 1-based line and column (in characters).
pub fn line_column(text: &str, byte_offset: usize) -> (usize, usize) {
    let offset = byte_offset.min(text.len());
    let before = &text.as_bytes()[..offset];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |newline| newline + 1);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    (line, column)
}

/// The closest of `candidates` to `wanted`, if it is close enough to be a likely typo.
pub fn did_you_mean<'a>(
    wanted: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let wanted_lower = wanted.to_lowercase();
    candidates
        .into_iter()
        .map(|candidate| {
            let distance = strsim::osa_distance(&wanted_lower, &candidate.to_lowercase());
            (distance, candidate)
        })
        .filter(|(distance, candidate)| {
            let longest = wanted.chars().count().max(candidate.chars().count());
            *distance <= (longest / 3).max(1)
        })
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

/// A panic's message, from its payload (`panic!("…")` carries a `&str` or a `String`), for the
/// error that reports a caught panic.
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|text| (*text).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| String::from("no message"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_location_source_line_and_hint() {
        let source = "title: x\ntracks:\n  - id: ic\n    kind: enginer\n";
        let rendered = Diagnostic::error("yaml", "unknown variant `enginer`")
            .in_file("ladders/x.yaml")
            .at(Some((4, 11)))
            .with_hint("did you mean `engineer`?")
            .render(Some(source));
        assert_eq!(
            rendered,
            "error: unknown variant `enginer`\n --> ladders/x.yaml:4:11\n  |\n4 |     kind: enginer\n  |           ^^^^^^^\n  = hint: did you mean `engineer`?\n"
        );
    }

    #[test]
    fn line_column_counts_characters_not_bytes() {
        let text = "a: “b”\nc: d";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, text.find('c').unwrap()), (2, 1));
        assert_eq!(line_column(text, text.find('b').unwrap()), (1, 5));
    }

    #[test]
    fn did_you_mean_picks_close_names_only() {
        let fields = ["title", "rank", "experience"];
        assert_eq!(did_you_mean("titel", fields), Some("title"));
        assert_eq!(did_you_mean("experiance", fields), Some("experience"));
        assert_eq!(did_you_mean("salary", fields), None);
    }
}
