//! The YAML source format: serde_yaml does the reading, this module turns its errors into
//! located diagnostics with a hint a person can act on.

use crate::diagnostic::{did_you_mean, line_column, Diagnostic};
use crate::load::source_map::MAX_DEPTH;
use crate::load::{SourceFile, SourceMap};
use crate::model::Ladder;

/// Parses a ladder source. All problems found at this stage are returned together.
pub(super) fn parse(source: &SourceFile) -> Result<(Ladder, SourceMap), Vec<Diagnostic>> {
    let path = &source.path;
    if is_blank(&source.text) {
        return Err(vec![Diagnostic::error("empty", "the file holds no ladder")
            .in_file(path)
            .with_hint(
                "a ladder needs at least `title:` and `tracks:`; run `ladder schema` for the format",
            )]);
    }
    let source_map = SourceMap::build(&source.text);
    if let Some(refused) = beyond_bounds(path, &source_map) {
        return Err(vec![refused]);
    }
    let ladder: Ladder = serde_yaml::from_str(&source.text)
        .map_err(|error| vec![serde_error_diagnostic(&error, &source.text).in_file(path)])?;
    let duplicates: Vec<Diagnostic> = source_map
        .duplicate_keys
        .iter()
        .map(|(key_path, position)| {
            let key = match key_path.last() {
                Some(crate::load::source_map::Segment::Key(key)) => key.as_str(),
                _ => "?",
            };
            Diagnostic::error(
                "duplicate-key",
                format!("`{key}` appears twice in the same mapping; the first one would be lost"),
            )
            .in_file(path)
            .at(Some(*position))
            .with_hint("merge the two entries into one, or rename one of them")
        })
        .collect();
    if duplicates.is_empty() {
        Ok((ladder, source_map))
    } else {
        Err(duplicates)
    }
}

/// True when the text holds nothing but blank lines and comments.
fn is_blank(text: &str) -> bool {
    text.lines().all(|line| {
        let line = line.trim();
        line.is_empty() || line.starts_with('#') || line == "---"
    })
}

fn serde_error_diagnostic(error: &serde_yaml::Error, text: &str) -> Diagnostic {
    let position = error.location().map(|location| {
        // serde_yaml counts columns in bytes; editors count characters.
        line_column(text, location.index())
    });
    let mut message = error.to_string();
    if let Some(location) = error.location() {
        let suffix = format!(" at line {} column {}", location.line(), location.column());
        if let Some(stripped) = message.strip_suffix(&suffix) {
            message = stripped.to_owned();
        }
    }
    let (path, detail) = split_path_prefix(&message);
    let hint = hint_for(detail);
    let message = match path {
        Some(path) => format!("{detail} (in `{path}`)"),
        None => detail.to_owned(),
    };
    let diagnostic = Diagnostic::error("yaml", message).at(position);
    match hint {
        Some(hint) => diagnostic.with_hint(hint),
        None => diagnostic,
    }
}

/// serde_yaml prefixes messages with the path of the value (`tracks[0].levels[1]: ...`).
fn split_path_prefix(message: &str) -> (Option<&str>, &str) {
    match message.split_once(": ") {
        Some((path, rest))
            if !path.contains(' ')
                && path
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_alphabetic() || c == '[') =>
        {
            (Some(path), rest)
        }
        _ => (None, message),
    }
}

/// A hint for the serde errors people make by hand: misspelled field names and kinds.
fn hint_for(detail: &str) -> Option<String> {
    if detail.starts_with("unknown field") || detail.starts_with("unknown variant") {
        let names = backticked(detail);
        let (wanted, expected) = names.split_first()?;
        return Some(match did_you_mean(wanted, expected.iter().copied()) {
            Some(closest) => format!("did you mean `{closest}`?"),
            None if expected.is_empty() => String::from("remove it"),
            None => format!("expected one of {}", quote_list(expected)),
        });
    }
    if let Some(field) = detail.strip_prefix("missing field ") {
        return Some(format!(
            "add {field}; run `ladder schema` to see every field"
        ));
    }
    if detail.starts_with("invalid type") {
        return Some(String::from(
            "check the indentation and the kind of value: text, a list (`- item`) or a mapping (`key: value`)",
        ));
    }
    if detail.contains("repetition limit") || detail.contains("recursion limit") {
        return Some(String::from(
            "the file expands YAML aliases or nests too deeply to be a ladder; write the values out",
        ));
    }
    None
}

fn backticked(text: &str) -> Vec<&str> {
    text.split('`').skip(1).step_by(2).collect()
}

fn quote_list(names: &[&str]) -> String {
    names
        .iter()
        .map(|name| format!("`{name}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Whether YAML nests or expands by its aliases past what any ladder does (checked on the
/// source map's events, before serde_yaml builds anything): the one bound of every YAML file
/// a user gives, a ladder, another tool's data or a front matter.
pub(crate) fn beyond_bounds(path: &std::path::Path, source_map: &SourceMap) -> Option<Diagnostic> {
    if let Some(position) = source_map.too_deep {
        return Some(
            Diagnostic::error(
                "too-deep",
                format!("the YAML nests deeper than {MAX_DEPTH} levels, far deeper than a ladder"),
            )
            .in_file(path)
            .at(Some(position))
            .with_hint("check for unbalanced `[` or `{` brackets"),
        );
    }
    if let Some(position) = source_map.too_large_expanded {
        return Some(Diagnostic::error(
            "too-large-expanded",
            format!(
                "its aliases (`*name`) repeat more than {} nodes, or expand it past {} nodes or {} MiB of text: far more than any ladder",
                crate::load::source_map::MAX_ALIAS_NODES,
                crate::load::source_map::MAX_EXPANDED_NODES,
                crate::load::source_map::MAX_EXPANDED_BYTES / (1024 * 1024)
            ),
        )
        .in_file(path)
        .at(Some(position))
        .with_hint("an alias here repeats a large anchored part many times; write the repeated part out, or share it with `shares_expectations_with`"),
        );
    }
    None
}
