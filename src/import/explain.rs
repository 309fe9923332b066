//! `ladder import --explain`: the outline the importer found, for the user to check before
//! trusting it: tracks, levels with their titles, areas, the count of expectations in each
//! level's area, what reading of the headings was chosen, and what was not placed.

use std::fmt::Write as _;

use super::interpret::{Reading, Score};
use super::Imported;

/// A reading in words: which heading depths hold the tracks, levels and areas.
fn reading_text(reading: &Reading) -> String {
    if reading.page {
        return String::from("a page about one level, its headings areas (or groups of areas)");
    }
    let depth = |depth: Option<u8>| depth.map_or_else(|| String::from("-"), |d| format!("h{d}"));
    format!(
        "tracks {}, levels {}, areas {}",
        depth(reading.tracks),
        depth(reading.levels),
        depth(reading.areas)
    )
}

/// A score's parts, as the reader of `--explain` weighs readings: how much text the levels
/// hold, how regular and level-like they are, how much is left as prose.
fn why(score: &Score) -> String {
    format!(
        "score {:.0}: {:.0} characters placed in levels, areas shared {:.0}%, titles like levels' \
         {:.0}%, areas like levels' {:.0}%, {} characters of prose",
        score.total,
        score.placed,
        score.regularity * 100.0,
        score.likeness * 100.0,
        score.areas_like_levels * 100.0,
        score.prose
    ) + if score.guessed {
        " (the rules' own guess, raised 2% to win a near tie)"
    } else {
        ""
    }
}

/// The outline of an import as text, one line per track, level and area.
pub fn outline(imported: &Imported) -> String {
    let ladder = &imported.ladder;
    let mut out = String::new();
    let _ = writeln!(out, "Ladder: {}", ladder.title);
    let reading = imported.reading;
    let _ = writeln!(
        out,
        "Reading: {}{}",
        reading_text(&reading),
        if reading.page {
            ""
        } else {
            " (headings; tables and sheets are read by their axes)"
        }
    );
    if let Some(choice) = &imported.choice {
        let _ = writeln!(out, "Why: {}", why(&choice.chosen));
        if let Some((reading, score)) = &choice.runner_up {
            let _ = writeln!(out, "Runner-up: {}; {}", reading_text(reading), why(score));
        }
    }
    let area_name = |id: &str| {
        ladder
            .area(id)
            .map_or_else(|| id.to_owned(), |area| area.name.clone())
    };
    for track in &ladder.tracks {
        let _ = writeln!(
            out,
            "\nTrack: {} ({} levels)",
            track.name,
            track.levels.len()
        );
        for level in &track.levels {
            let count: usize = level.expectations.values().map(Vec::len).sum();
            let _ = writeln!(out, "  Level: {} ({count} expectations)", level.title);
            for (area, items) in &level.expectations {
                let _ = writeln!(out, "    {}: {}", area_name(area), items.len());
            }
        }
    }
    let _ = writeln!(
        out,
        "\nAreas ({}): {}",
        ladder.areas.len(),
        ladder
            .areas
            .iter()
            .map(|area| area.name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    );
    if !ladder.sections.is_empty() {
        let _ = writeln!(out, "\nKept as prose:");
        for section in &ladder.sections {
            let _ = writeln!(
                out,
                "  {} ({} characters)",
                section.title,
                section.body.chars().count()
            );
        }
    }
    if !imported.warnings.is_empty() {
        let _ = writeln!(out, "\nNot placed ({}):", imported.warnings.len());
        for warning in &imported.warnings {
            let line = warning
                .position
                .map_or_else(String::new, |(line, _)| format!("line {line}: "));
            let _ = writeln!(out, "  {line}{}", warning.message);
        }
    }
    out
}
