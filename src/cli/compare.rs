//! `ladder compare`: two levels side by side, area by area.

use anyhow::Context as _;
use clap::Args;

use super::Status;
use crate::compare::{self, Comparison};
use crate::labels::{Dictionaries, Labels};
use crate::markup;
use crate::view::{changes_summary, plain_sentence};
use crate::workspace::{find_ladder, find_level};

/// Arguments of `ladder compare`.
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

pub(super) fn run(args: CompareArgs) -> anyhow::Result<Status> {
    super::print_out(&compare_text(&args)?);
    Ok(Status::Success)
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
    // The organization's own labels (`layouts/labels/`), as `ladder build` uses them.
    let layouts = crate::export::pdf::layouts_folder(&Default::default());
    let (labels, _) = Dictionaries::load(layouts.as_deref())?.labels(ladder.language());
    Ok(side_by_side(
        &compare::compare(ladder, from, to),
        &labels,
        width,
    ))
}

/// The comparison as two columns per area, each expectation marked: `=` in both, `~` reworded,
/// `+` only on the right, `-` only on the left.
pub fn side_by_side(comparison: &Comparison, labels: &Labels, width: usize) -> String {
    let column = (width - 3) / 2;
    let mut out = String::new();
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
    // The same sentence the booklet and the handbook print under the level.
    if let Some(sentence) = changes_summary(comparison, labels) {
        out.push_str(&plain_sentence(&sentence));
        out.push('\n');
    }
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
