//! The ladder as the templates see it: a JSON document (`/data.json`) shaped for layout.
//!
//! Ladder text arrives as structure ([`Inline`]/[`Block`] values), never as typst markup, so
//! that a bullet reading `#read("/etc/passwd")` is shown, not run. Names are resolved here
//! (area names, grade names, equivalent titles) so the templates only lay things out.

use serde::Serialize;

use crate::compare;
use crate::markup::{self, Block, Inline};
use crate::model::{Ladder, Level, Track, TrackKind};
use crate::overview::Overview;

#[derive(Debug, Serialize)]
pub struct DocumentData {
    pub paper: &'static str,
    /// The date shown on the document, `YYYY-MM-DD`, when there is one to show.
    pub date: Option<String>,
    pub tool: String,
    pub input_hash: String,
    pub ladder: LadderView,
    pub offer: Option<OfferView>,
}

#[derive(Debug, Serialize)]
pub struct LadderView {
    pub id: String,
    pub title: String,
    pub organization: Option<String>,
    pub version: Option<String>,
    pub effective_date: Option<String>,
    pub authors: Vec<String>,
    pub summary: Vec<Block>,
    pub cumulative: bool,
    pub tracks: Vec<TrackView>,
    pub overview: OverviewView,
    pub sections: Vec<SectionView>,
    pub credits: Vec<Block>,
    /// Keywords for the PDF metadata: organization, track names.
    pub keywords: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct TrackView {
    pub id: String,
    pub name: String,
    pub kind: &'static str,
    pub summary: Vec<Block>,
    pub levels: Vec<LevelView>,
}

#[derive(Debug, Serialize)]
pub struct LevelView {
    pub id: String,
    pub rank: Option<u32>,
    pub title: String,
    pub aliases: Vec<String>,
    pub code: Option<String>,
    pub grade: Option<String>,
    pub experience: Option<String>,
    pub headline: Vec<Inline>,
    pub description: Vec<Block>,
    pub areas: Vec<AreaView>,
    pub equivalents: Vec<Reference>,
    pub requires: Option<Reference>,
    pub shares_with: Option<Reference>,
    pub previous: Option<Reference>,
    pub next: Option<Reference>,
    pub changes: Option<ChangesView>,
}

#[derive(Debug, Serialize)]
pub struct AreaView {
    pub name: String,
    pub items: Vec<Vec<Inline>>,
    /// Per item, what it is compared with the level below: `new`, `reworded` or `null`.
    pub changes: Vec<Option<&'static str>>,
}

/// What changes from the level below, for the reader who asks "what is different here?".
#[derive(Debug, Serialize)]
pub struct ChangesView {
    pub from: Reference,
    pub cumulative: bool,
    pub unchanged: usize,
    pub reworded: usize,
    pub added: usize,
    pub removed: usize,
    /// Expectations of the level below that this level no longer lists, by area.
    pub no_longer_listed: Vec<AreaView>,
}

/// A mention of a level: a link when `id` names a level of the ladder, text otherwise.
#[derive(Debug, Serialize)]
pub struct Reference {
    pub title: String,
    pub id: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct SectionView {
    pub title: String,
    pub depth: u8,
    pub body: Vec<Block>,
}

#[derive(Debug, Serialize)]
pub struct OverviewView {
    /// Column headings (grade names) or all `null` when aligned by equivalence.
    pub columns: Vec<Option<String>>,
    pub tracks: Vec<OverviewTrack>,
}

#[derive(Debug, Serialize)]
pub struct OverviewTrack {
    pub name: String,
    pub cells: Vec<Vec<Reference>>,
}

#[derive(Debug, Serialize)]
pub struct OfferView {
    pub track: String,
    pub track_kind: &'static str,
    pub candidate: Option<String>,
    pub level: LevelView,
}

fn kind_name(kind: TrackKind) -> &'static str {
    match kind {
        TrackKind::Ic => "ic",
        TrackKind::Manager => "manager",
        TrackKind::Role => "role",
    }
}

fn area_name(ladder: &Ladder, area_id: &str) -> String {
    ladder
        .area(area_id)
        .map_or_else(|| area_id.to_owned(), |area| area.name.clone())
}

fn reference(level: &Level) -> Reference {
    Reference {
        title: level.title.clone(),
        id: Some(level.id.clone()),
    }
}

/// A level for the page. `inline_shared` copies the expectations of the level this one shares
/// them with (the one-pager must stand alone); otherwise the booklet refers to that level.
pub fn level_view(ladder: &Ladder, track: &Track, index: usize, inline_shared: bool) -> LevelView {
    let level = &track.levels[index];
    let shares_with = level
        .shares_expectations_with
        .as_deref()
        .and_then(|id| ladder.level(id));
    let expectations = if shares_with.is_some() && !inline_shared {
        None
    } else {
        Some(ladder.expectations_of(level))
    };
    let comparison = index
        .checked_sub(1)
        .filter(|_| compare::is_progression(track))
        .map(|below| compare::compare(ladder, &track.levels[below], level));
    let change_of = |area_id: &str, item: &String| -> Option<&'static str> {
        let area = comparison
            .as_ref()?
            .areas
            .iter()
            .find(|a| a.area_id == area_id)?;
        if area.added.contains(item) {
            Some("new")
        } else if area.reworded.iter().any(|(_, new)| new == item) {
            Some("reworded")
        } else {
            None
        }
    };
    let areas = expectations
        .into_iter()
        .flatten()
        .map(|(area_id, items)| AreaView {
            name: area_name(ladder, area_id),
            items: items.iter().map(|item| markup::inline(item)).collect(),
            changes: items.iter().map(|item| change_of(area_id, item)).collect(),
        })
        .collect();
    let changes = comparison.as_ref().map(|comparison| {
        let (unchanged, reworded, added, removed) = comparison.counts();
        ChangesView {
            from: reference(comparison.from),
            cumulative: comparison.cumulative,
            unchanged,
            reworded,
            added,
            removed,
            no_longer_listed: comparison
                .areas
                .iter()
                .filter(|area| !area.removed.is_empty())
                .map(|area| AreaView {
                    name: area.area_name.clone(),
                    items: area
                        .removed
                        .iter()
                        .map(|item| markup::inline(item))
                        .collect(),
                    changes: vec![None; area.removed.len()],
                })
                .collect(),
        }
    });
    LevelView {
        id: level.id.clone(),
        rank: level.rank,
        title: level.title.clone(),
        aliases: level.aliases.clone(),
        code: level.code.clone(),
        grade: ladder.grade_name(level),
        experience: level
            .experience
            .as_ref()
            .map(|experience| experience.text.clone()),
        headline: level
            .headline
            .as_deref()
            .map(markup::inline)
            .unwrap_or_default(),
        description: level
            .description
            .as_deref()
            .map(markup::blocks)
            .unwrap_or_default(),
        areas,
        equivalents: level
            .equivalents
            .iter()
            .map(|equivalent| match ladder.resolve_level(equivalent) {
                Some(other) => reference(other),
                None => Reference {
                    title: equivalent.clone(),
                    id: None,
                },
            })
            .collect(),
        requires: level
            .requires
            .as_deref()
            .and_then(|id| ladder.level(id))
            .map(reference),
        shares_with: shares_with.map(reference),
        previous: index.checked_sub(1).map(|i| reference(&track.levels[i])),
        next: track.levels.get(index + 1).map(reference),
        changes,
    }
}

pub fn ladder_view(ladder: &Ladder, with_tracks: bool) -> LadderView {
    let overview = Overview::of(ladder);
    let tracks = if with_tracks {
        ladder
            .tracks
            .iter()
            .map(|track| TrackView {
                id: track.id.clone(),
                name: track.name.clone(),
                kind: kind_name(track.kind),
                summary: track
                    .summary
                    .as_deref()
                    .map(markup::blocks)
                    .unwrap_or_default(),
                levels: (0..track.levels.len())
                    .map(|index| level_view(ladder, track, index, false))
                    .collect(),
            })
            .collect()
    } else {
        Vec::new()
    };
    let keywords = ladder
        .organization
        .iter()
        .cloned()
        .chain([String::from("job ladder")])
        .chain(ladder.tracks.iter().map(|track| track.name.clone()))
        .collect();
    LadderView {
        id: ladder.id.clone(),
        title: ladder.title.clone(),
        organization: ladder.organization.clone(),
        version: ladder.version.clone(),
        effective_date: ladder.effective_date.clone(),
        authors: ladder.authors.clone(),
        summary: ladder
            .summary
            .as_deref()
            .map(markup::blocks)
            .unwrap_or_default(),
        cumulative: ladder.cumulative,
        tracks,
        overview: OverviewView {
            columns: overview.columns.clone(),
            tracks: overview
                .rows
                .iter()
                .map(|row| OverviewTrack {
                    name: row.track.name.clone(),
                    cells: row
                        .cells
                        .iter()
                        .map(|cell| cell.iter().map(|level| reference(level)).collect())
                        .collect(),
                })
                .collect(),
        },
        sections: ladder
            .sections
            .iter()
            .map(|section| SectionView {
                title: section.title.clone(),
                depth: section.depth,
                body: markup::blocks(&section.body),
            })
            .collect(),
        credits: ladder
            .credits
            .as_deref()
            .map(markup::blocks)
            .unwrap_or_default(),
        keywords,
    }
}

pub fn offer_view(ladder: &Ladder, level_id: &str, candidate: Option<&str>) -> Option<OfferView> {
    let (track, index) = ladder.tracks.iter().find_map(|track| {
        track
            .levels
            .iter()
            .position(|level| level.id == level_id)
            .map(|index| (track, index))
    })?;
    Some(OfferView {
        track: track.name.clone(),
        track_kind: kind_name(track.kind),
        candidate: candidate.map(str::to_owned),
        level: level_view(ladder, track, index, true),
    })
}
