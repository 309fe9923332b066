//! Plain text (`GOVERNANCE`, `ROLES.txt`): a document written for a terminal, hard-wrapped,
//! its structure in its layout. Rewritten as the Markdown it means, line for line, so that
//! CommonMark does not read its indented paragraphs and lists as code: numbered section
//! titles (`2.1 Users`, `1. Overview` over a `---` rule) are headings, `*`, `-`, `a)` and
//! `(1)` items are list items nested by their indentation, and every other line is set at the
//! margin.

/// Whether a `.txt` file is already Markdown (an ATX heading, a fence, a pipe table or a
/// link): then it is read as Markdown.
fn is_markdown(text: &str) -> bool {
    text.lines().any(|line| {
        let trimmed = line.trim_start();
        let atx = trimmed.starts_with('#')
            && trimmed.trim_start_matches('#').starts_with(' ')
            && trimmed.chars().take_while(|&c| c == '#').count() <= 6
            && line.len() - trimmed.len() < 4;
        atx || trimmed.starts_with("```")
            || trimmed.starts_with('|') && trimmed.trim_end().ends_with('|')
            || line.contains("](")
    })
}

/// The marker of a list item and the text after it (`* sign off…`, `a) a record…`, `(2) …`,
/// `3. …`), if the line is one.
fn item(line: &str) -> Option<&str> {
    let trimmed = line.trim_start();
    for bullet in ["* ", "- ", "+ ", "• ", "o "] {
        if let Some(rest) = trimmed.strip_prefix(bullet) {
            // (`o` only as a bullet of its own, before a capital or a lower-case word.)
            if bullet == "o " && rest.starts_with(char::is_whitespace) {
                return None;
            }
            return Some(rest.trim_start());
        }
    }
    // `a)`, `b.`, `(c)`, `1)`, `2.`, `(3)`: up to two letters or three digits.
    let inner = trimmed.strip_prefix('(').unwrap_or(trimmed);
    let label: String = inner
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect();
    let short = match label.chars().next() {
        Some(c) if c.is_ascii_digit() => {
            label.len() <= 3 && label.chars().all(|c| c.is_ascii_digit())
        }
        Some(c) if c.is_ascii_lowercase() => label.len() == 1,
        _ => false,
    };
    if !short {
        return None;
    }
    let after = &inner[label.len()..];
    let rest = after
        .strip_prefix(") ")
        .or_else(|| after.strip_prefix(". "))?;
    (!rest.trim().is_empty()).then(|| rest.trim_start())
}

/// The depth of a numbered section title (`2.1 Users` is 3 under a `=` title, `3 Decision
/// making` is 2), if the line is one: numbers joined by dots, then a capitalized title of a
/// few words, at the margin.
fn numbered_title(line: &str) -> Option<usize> {
    if line.starts_with(char::is_whitespace) {
        return None;
    }
    let (number, title) = line.split_once(' ')?;
    let parts: Vec<&str> = number.trim_end_matches('.').split('.').collect();
    let numbered = parts.iter().all(|part| {
        !part.is_empty() && part.len() <= 3 && part.chars().all(|c| c.is_ascii_digit())
    });
    let title = title.trim();
    let titled = title.chars().next().is_some_and(char::is_uppercase)
        && title.split_whitespace().count() <= MAX_TITLE_WORDS
        && !title.ends_with(['.', ',', ';', ':']);
    (numbered && titled).then_some(parts.len() + 1)
}

/// The most words of a numbered section title.
const MAX_TITLE_WORDS: usize = 10;

/// The deepest a list item is nested.
const MAX_LIST_DEPTH: usize = 8;

/// Whether a line is a rule under a title (`-----`, `=====`), as long as most of it.
fn is_underline(line: &str, title: &str) -> Option<usize> {
    let rule = line.trim();
    let length = rule.chars().count();
    let first = rule.chars().next()?;
    let depth = match first {
        '=' => 1,
        '-' => 2,
        '~' | '^' => 3,
        _ => return None,
    };
    let long = length >= 3 && length * 2 >= title.trim().chars().count();
    (rule.chars().all(|c| c == first) && long).then_some(depth)
}

/// The Markdown a plain-text document means, line for line; `None` when the text is
/// Markdown already.
pub fn to_markdown(text: &str) -> Option<String> {
    if is_markdown(text) {
        return None;
    }
    let lines: Vec<&str> = text.lines().collect();
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    // The indentation of each open list item's marker, outermost first.
    let mut items: Vec<usize> = Vec::new();
    let mut index = 0;
    while index < lines.len() {
        let line = lines[index].trim_end();
        let indent = line.len() - line.trim_start().len();
        let blank_before = index == 0 || lines[index - 1].trim().is_empty();
        let underline = lines
            .get(index + 1)
            .and_then(|next| is_underline(next, line))
            .filter(|_| !line.trim().is_empty() && blank_before);
        if let Some(depth) = underline {
            items.clear();
            out.push(format!("{} {}", "#".repeat(depth), line.trim()));
            out.push(String::new());
            index += 2;
            continue;
        }
        let blank_after = lines
            .get(index + 1)
            .is_none_or(|next| next.trim().is_empty());
        if let Some(depth) = numbered_title(line).filter(|_| blank_before && blank_after) {
            items.clear();
            out.push(format!("{} {}", "#".repeat(depth.min(6)), line.trim()));
            index += 1;
            continue;
        }
        if line.trim().is_empty() {
            out.push(String::new());
            index += 1;
            continue;
        }
        if let Some(rest) = item(line) {
            while items.last().is_some_and(|&open| open >= indent) {
                items.pop();
            }
            // (No deeper than a ladder's lists go: a file of ever deeper lines stays linear.)
            if items.len() >= MAX_LIST_DEPTH {
                items.pop();
            }
            out.push(format!("{}- {rest}", "  ".repeat(items.len())));
            items.push(indent);
            index += 1;
            continue;
        }
        // A line inside an item (wrapped deeper than its marker) goes on with it; any other
        // ends the lists.
        match items.last() {
            Some(&open) if indent > open => {
                out.push(format!("{}{}", "  ".repeat(items.len()), line.trim_start()));
            }
            _ => {
                items.clear();
                out.push(line.trim_start().to_owned());
            }
        }
        index += 1;
    }
    let mut markdown = out.join("\n");
    markdown.push('\n');
    Some(markdown)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_terminal_document_is_headings_and_nested_lists_line_for_line() {
        let text = "      Project Governance\n      ==================\n\n1. Roles\n--------\n\n\
                    2.3 Committers\n\n   Committers merge patches.\n\n   Requirements:\n\n\
                    \x20    a) ten accepted patches over six\n        months;\n     b) two reviews.\n\n\
                    \x20  Responsibilities:\n\n     - review patches;\n         * within a week\n     - keep the build green.\n";
        let markdown = to_markdown(text).unwrap();
        let lines: Vec<&str> = markdown.lines().collect();
        assert_eq!(lines.len(), text.lines().count(), "{markdown}");
        assert_eq!(lines[0], "# Project Governance");
        assert_eq!(lines[3], "## 1. Roles");
        assert_eq!(lines[6], "### 2.3 Committers");
        assert_eq!(lines[8], "Committers merge patches.");
        assert_eq!(lines[12], "- ten accepted patches over six", "{markdown}");
        assert_eq!(lines[13], "  months;", "{markdown}");
        assert_eq!(lines[19], "  - within a week", "{markdown}");
        assert!(to_markdown("# Title\n\n- item\n").is_none());
    }
}
