//! `ladder compare` (two levels side by side) and `ladder diff` (two versions of a ladder).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;
use clap::{Args, ValueEnum};

use crate::compare::{self, Comparison};
use crate::diff;
use crate::load::{self, LoadedLadder, SourceFile};
use crate::markup;
use crate::model::Ladder;
use crate::Workspace;

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// The ladder: its file, or its id in `ladders/`.
    pub ladder: String,
    /// The level to start from (id or title).
    pub from: String,
    /// The level to compare with (default: the next level up in the same track).
    pub to: Option<String>,
    /// Width of the side-by-side view (default: the terminal's, else 100).
    #[arg(long)]
    pub width: Option<usize>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum DiffFormat {
    Md,
    Json,
}

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

fn fail(error: anyhow::Error) -> ExitCode {
    eprintln!("error: {error:#}");
    ExitCode::FAILURE
}

/// A ladder named by file or by id in `ladders/`, checked and normalized.
pub fn find_ladder(name: &str) -> anyhow::Result<LoadedLadder> {
    let as_path = PathBuf::from(name);
    let by_file = as_path.is_file();
    let workspace = Workspace::load(&[if by_file {
        as_path
    } else {
        PathBuf::from("ladders")
    }]);
    let known: Vec<String> = workspace
        .ladders
        .iter()
        .map(|l| l.ladder.id.clone())
        .collect();
    if workspace.error_count() > 0 && by_file {
        anyhow::bail!("{}\n{name} has errors", workspace.render_diagnostics());
    }
    workspace
        .ladders
        .into_iter()
        .find(|loaded| by_file || loaded.ladder.id == name)
        .with_context(|| {
            format!(
                "no ladder `{name}`: give a file, or one of: {}",
                known.join(", ")
            )
        })
}

/// A level of `ladder` named by id or title, or an error listing the levels.
pub fn find_level<'a>(ladder: &'a Ladder, name: &str) -> anyhow::Result<&'a crate::model::Level> {
    ladder.resolve_level(name).with_context(|| {
        let known: Vec<&str> = ladder
            .levels()
            .map(|(_, level)| level.id.as_str())
            .collect();
        format!(
            "ladder `{}` has no level `{name}`; its levels: {}",
            ladder.id,
            known.join(", ")
        )
    })
}

pub fn compare(args: CompareArgs) -> ExitCode {
    match compare_text(&args) {
        Ok(text) => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Err(error) => fail(error),
    }
}

fn compare_text(args: &CompareArgs) -> anyhow::Result<String> {
    let loaded = find_ladder(&args.ladder)?;
    let ladder = &loaded.ladder;
    let from = find_level(ladder, &args.from)?;
    let to = match &args.to {
        Some(name) => find_level(ladder, name)?,
        None => compare::next_level(ladder, from).with_context(|| {
            format!(
                "`{}` is the top of its track: name a level to compare it with",
                from.title
            )
        })?,
    };
    let width = args
        .width
        .or_else(|| std::env::var("COLUMNS").ok()?.parse().ok())
        .unwrap_or(100)
        .max(40);
    Ok(side_by_side(&compare::compare(ladder, from, to), width))
}

/// The comparison as two columns per area, each expectation marked: `=` in both, `~` reworded,
/// `+` only on the right, `-` only on the left.
pub fn side_by_side(comparison: &Comparison, width: usize) -> String {
    let column = (width - 3) / 2;
    let mut out = String::new();
    let (unchanged, reworded, added, removed) = comparison.counts();
    out.push_str(&format!(
        "{} → {}{}\n",
        comparison.from.title,
        comparison.to.title,
        if comparison.cumulative {
            " (cumulative: everything below still applies)"
        } else {
            ""
        }
    ));
    out.push_str(&format!(
        "{added} new, {reworded} reworded, {unchanged} the same, {removed} no longer listed\n"
    ));
    for area in &comparison.areas {
        out.push_str(&format!("\n== {} ==\n", area.area_name));
        out.push_str(&row(&comparison.from.title, &comparison.to.title, column));
        out.push_str(&format!(
            "{}-+-{}\n",
            "-".repeat(column),
            "-".repeat(column)
        ));
        for text in &area.unchanged {
            out.push_str(&row(
                &format!("= {}", plain(text)),
                &format!("= {}", plain(text)),
                column,
            ));
        }
        for (old, new) in &area.reworded {
            out.push_str(&row(
                &format!("~ {}", plain(old)),
                &format!("~ {}", plain(new)),
                column,
            ));
        }
        for text in &area.removed {
            out.push_str(&row(&format!("- {}", plain(text)), "", column));
        }
        for text in &area.added {
            out.push_str(&row("", &format!("+ {}", plain(text)), column));
        }
    }
    out
}

fn plain(text: &str) -> String {
    markup::plain_text(text)
}

/// One row of two columns, each wrapped to `width` characters.
fn row(left: &str, right: &str, width: usize) -> String {
    let left = wrap(left, width);
    let right = wrap(right, width);
    let mut out = String::new();
    for index in 0..left.len().max(right.len()) {
        let l = left.get(index).map_or("", String::as_str);
        let r = right.get(index).map_or("", String::as_str);
        let pad = width.saturating_sub(l.chars().count());
        out.push_str(format!("{l}{} | {r}", " ".repeat(pad)).trim_end());
        out.push('\n');
    }
    out
}

fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    for word in text.split_whitespace() {
        let line = lines.last_mut().unwrap();
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(String::from("  "));
        }
        let line = lines.last_mut().unwrap();
        if !line.trim().is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    lines
}

pub fn diff(args: DiffArgs) -> ExitCode {
    match diff_text(&args) {
        Ok(text) => {
            let _ = std::io::stdout().lock().write_all(text.as_bytes());
            ExitCode::SUCCESS
        }
        Err(error) => fail(error),
    }
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

/// A ladder from a file, or from git when written `file@revision`.
pub fn read_version(spec: &str) -> anyhow::Result<Ladder> {
    let source = match spec.rsplit_once('@') {
        Some((file, revision)) if !Path::new(spec).exists() => SourceFile {
            path: PathBuf::from(spec),
            text: git_show(Path::new(file), revision)?,
        },
        _ => load::read_source(Path::new(spec)).map_err(|d| anyhow::anyhow!(d.render(None)))?,
    };
    let label = source.path.display().to_string();
    let mut loaded = load::load_source(source).map_err(|diagnostics| {
        let rendered: Vec<String> = diagnostics.iter().map(|d| d.render(None)).collect();
        anyhow::anyhow!("{}\n{label} cannot be read", rendered.join("\n"))
    })?;
    let problems = crate::check::check(&loaded);
    if problems.iter().any(crate::Diagnostic::is_error) {
        let rendered: Vec<String> = problems
            .iter()
            .map(|d| d.render(Some(&loaded.source.text)))
            .collect();
        anyhow::bail!("{}\n{label} has errors", rendered.join("\n"));
    }
    crate::check::normalize(&mut loaded.ladder);
    Ok(loaded.ladder)
}

/// The text of `file` at a git revision, read with `git show` in the file's folder.
fn git_show(file: &Path, revision: &str) -> anyhow::Result<String> {
    let folder = match file.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let name = file
        .file_name()
        .with_context(|| format!("`{}` is not a file name", file.display()))?;
    let output = std::process::Command::new("git")
        .arg("-C")
        .arg(folder)
        .arg("show")
        .arg(format!("{revision}:./{}", name.to_string_lossy()))
        .output()
        .context("cannot run git (needed for `file@revision`)")?;
    if !output.status.success() {
        anyhow::bail!(
            "git cannot show {} at {revision}: {}",
            file.display(),
            String::from_utf8_lossy(&output.stderr).trim()
        );
    }
    String::from_utf8(output.stdout)
        .with_context(|| format!("{}@{revision} is not UTF-8", file.display()))
}
