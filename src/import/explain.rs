//! `ladder import --explain`: the outline the importer found, for the user to check before
//! trusting it: tracks, levels with their titles, areas, the count of expectations in each
//! level's area, what reading of the headings was chosen, and what was not placed.

use std::fmt::Write as _;

use super::Imported;

/// The outline of an import as text, one line per track, level and area.
pub fn outline(imported: &Imported) -> String {
    let ladder = &imported.ladder;
    let mut out = String::new();
    let _ = writeln!(out, "Ladder: {}", ladder.title);
    let reading = imported.reading;
    let depth = |depth: Option<u8>| depth.map_or_else(|| String::from("-"), |d| format!("h{d}"));
    if reading.page {
        let _ = writeln!(
            out,
            "Reading: a page about one level, its headings areas (or groups of areas)"
        );
    } else {
        let _ = writeln!(
            out,
            "Reading: tracks {}, levels {}, areas {} (headings; tables and sheets are read by \
             their axes)",
            depth(reading.tracks),
            depth(reading.levels),
            depth(reading.areas)
        );
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
