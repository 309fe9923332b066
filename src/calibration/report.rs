//! The meeting's figures, counted once for every report of it (Markdown, PDF).

use serde::Serialize;

use super::read::{Assessment, Calibration, Verdict};
use crate::labels::Labels;
use crate::model::Ladder;

/// The figures of a calibration meeting, for its report.
#[derive(Debug, Serialize)]
pub struct ReportData {
    /// How many people were calibrated.
    pub people: usize,
    /// Per track and level with people: track name, level title, people, meeting their level,
    /// proposed for promotion.
    pub rows: Vec<(String, String, usize, usize, usize)>,
    /// Per person: name, track, current level, verdict (in the ladder's language), proposed
    /// level, decision.
    pub persons: Vec<Vec<String>>,
    /// Areas rated below the current level, most often first: name and how many people.
    pub below: Vec<(String, usize)>,
    /// The notes and evidence typed in the meeting, per person who has any: name, notes.
    pub notes: Vec<(String, String)>,
}

/// The meeting's figures, counted once for the Markdown and the PDF report: the distribution
/// per track and level, each person, and the areas most often below level.
pub fn figures(calibration: &Calibration, ladder: &Ladder, labels: &Labels) -> ReportData {
    let level_title = |id: &str| {
        ladder
            .level(id)
            .map_or_else(|| id.to_owned(), |level| level.title.clone())
    };
    let track_name = |id: &str| {
        ladder
            .tracks
            .iter()
            .find(|track| track.id == id)
            .map_or_else(|| id.to_owned(), |track| track.name.clone())
    };
    let promote = labels.text("decision_promote");
    let mut rows = Vec::new();
    for track in &ladder.tracks {
        for level in &track.levels {
            let here: Vec<&Assessment> = calibration
                .people
                .iter()
                .filter(|person| person.track == track.id && person.level == level.id)
                .collect();
            if here.is_empty() {
                continue;
            }
            rows.push((
                track.name.clone(),
                level.title.clone(),
                here.len(),
                here.iter()
                    .filter(|person| person.meets == Some(Verdict::Yes))
                    .count(),
                here.iter()
                    .filter(|person| person.decision.as_deref() == Some(promote))
                    .count(),
            ));
        }
    }
    let verdict = |verdict: Option<Verdict>| {
        verdict
            .map(|verdict| {
                labels
                    .text(match verdict {
                        Verdict::Yes => "yes",
                        Verdict::No => "no",
                        Verdict::Incomplete => "incomplete",
                    })
                    .to_owned()
            })
            .unwrap_or_default()
    };
    let persons = calibration
        .people
        .iter()
        .map(|person| {
            vec![
                person.name.clone(),
                track_name(&person.track),
                level_title(&person.level),
                verdict(person.meets),
                person
                    .proposed
                    .as_deref()
                    .map(level_title)
                    .unwrap_or_default(),
                person.decision.clone().unwrap_or_default(),
            ]
        })
        .collect();
    let rank = |id: &str| ladder.position(id).map(|(_, rank)| rank);
    let mut below: Vec<(String, usize)> = calibration
        .areas
        .iter()
        .enumerate()
        .map(|(index, area)| {
            let count = calibration
                .people
                .iter()
                .filter(|person| {
                    let rated = person.ratings[index].as_deref().and_then(rank);
                    matches!((rated, rank(&person.level)), (Some(rated), Some(current)) if rated < current)
                })
                .count();
            (area.clone(), count)
        })
        .filter(|(_, count)| *count > 0)
        .collect();
    below.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let notes = calibration
        .people
        .iter()
        .filter_map(|person| Some((person.name.clone(), person.notes.clone()?)))
        .collect();
    ReportData {
        people: calibration.people.len(),
        rows,
        persons,
        below,
        notes,
    }
}
