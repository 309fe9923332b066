//! What a reader sees of a ladder, worked out once for every output.
//!
//! A [`LadderView`] resolves everything the exporters would otherwise each compute: a level's
//! grade name, its equivalents and required level as references, the expectations it shares
//! with another level, its neighbours, what changed from the level below, its labelled facts,
//! and every sentence around the ladder's own text in the ladder's language. Ladder text is
//! parsed once into [`markup`] values. The PDF templates receive this view as JSON; the
//! handbook and the workbook read it directly. None of them recomputes a fact.

use std::sync::Arc;

use serde::Serialize;

use crate::compare::{self, Comparison};
use crate::date::Date;
use crate::labels::{Labels, Piece};
use crate::markup::{self, Block, Inline};
use crate::model::{Internal, Ladder, Level, Track, TrackKind};
use crate::overview::Overview;

/// A sentence with level references in it ("Compared with [Engineer II]: 2 new.").
pub type Sentence = Vec<Piece<Reference>>;

/// A whole ladder as readers see it.
#[derive(Debug, Clone, Serialize)]
pub struct LadderView {
    /// The ladder's id (folder and file names).
    pub id: String,
    /// The ladder's title.
    pub title: String,
    /// The organization, when named.
    pub organization: Option<String>,
    /// The version, as the organization names it.
    pub version: Option<String>,
    /// The effective date, `YYYY-MM-DD`.
    pub effective_date: Option<Date>,
    /// The date shown on documents, written in the ladder's language.
    pub date: Option<String>,
    /// The language tag the ladder is written in (`en` unless it says otherwise).
    pub language: String,
    /// The people who wrote the ladder.
    pub authors: Vec<String>,
    /// Organization, version and date as one line's parts, labelled.
    pub facts: Vec<String>,
    /// "Version 3", when the ladder has a version.
    pub version_label: Option<String>,
    /// "By Ada, Grace", when the ladder names its authors.
    pub authors_line: Option<String>,
    /// "3 tracks · 14 levels": the ladder's size, each count in its plural form.
    pub counts: String,
    /// The introduction.
    pub summary: Vec<Block>,
    /// Whether each level assumes everything below it.
    pub cumulative: bool,
    /// The tracks, in order.
    pub tracks: Vec<TrackView>,
    /// The tracks side by side.
    pub overview: OverviewView,
    /// The ladder's prose sections.
    pub sections: Vec<SectionView>,
    /// Acknowledgements.
    pub credits: Vec<Block>,
    /// Keywords for document metadata: organization, "job ladder", track names.
    pub keywords: Vec<String>,
    /// The labels of the ladder's language.
    #[serde(skip)]
    pub labels: Arc<Labels>,
}

/// A track as readers see it.
#[derive(Debug, Clone, Serialize)]
pub struct TrackView {
    /// The track's id.
    pub id: String,
    /// The track's name.
    pub name: String,
    /// `ic`, `manager` or `role`.
    pub kind: &'static str,
    /// The introduction to the track.
    pub summary: Vec<Block>,
    /// The areas the track's matrix shows, in order: those it declares, then any others its
    /// levels use, in the ladder's order.
    pub areas: Vec<AreaName>,
    /// "3 levels", in the ladder's language.
    pub level_count: String,
    /// The levels, lowest first.
    pub levels: Vec<LevelView>,
}

/// An area's id and the name readers see.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AreaName {
    /// The area's id.
    pub id: String,
    /// The area's name.
    pub name: String,
}

/// A level as readers see it.
#[derive(Debug, Clone, Serialize)]
pub struct LevelView {
    /// The level's id (file names, anchors).
    pub id: String,
    /// Its rank, when the source gives one.
    pub rank: Option<u32>,
    /// The job title.
    pub title: String,
    /// Other titles for the level.
    pub aliases: Vec<String>,
    /// The internal level code, as written.
    pub code: Option<String>,
    /// The name of the level's grade.
    pub grade: Option<String>,
    /// Typical experience, as written.
    pub experience: Option<String>,
    /// Code, grade and experience with their labels, in that order, when given.
    pub facts: Vec<Fact>,
    /// The same values on one unlabelled line (`IC 2 · Band 4 · 5+ years`) for a column's
    /// heading, without a grade named like the code (`IC 2` beside `IC2` says nothing new).
    pub fact_line: Option<String>,
    /// Internal notes (pay band, calibration guidance), by their own labels; only ever present
    /// in a view made for internal readers.
    pub notes: Vec<Fact>,
    /// A one-line summary.
    pub headline: Vec<Inline>,
    /// The description.
    pub description: Vec<Block>,
    /// The expectations that apply, by area (a level that shares them holds the shared ones).
    pub areas: Vec<AreaView>,
    /// The level whose expectations this level shares, and the sentence that says so.
    pub shares_with: Option<Reference>,
    /// "Expectations: the same as [level]."
    pub shares_sentence: Option<Sentence>,
    /// Equivalent levels (a reference without an id names no level of the ladder).
    pub equivalents: Vec<Reference>,
    /// "Equivalent" or, on a manager track, "Engineer equivalent".
    pub equivalents_label: String,
    /// For a role: the level a person must hold.
    pub requires: Option<Reference>,
    /// The level below in the track.
    pub previous: Option<Reference>,
    /// The level above in the track.
    pub next: Option<Reference>,
    /// What changes from the level below (tracks that are a progression only).
    pub changes: Option<ChangesView>,
}

/// A labelled fact about a level ("Experience: 5-10 years").
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Fact {
    /// The label, in the ladder's language.
    pub label: String,
    /// The value, as written.
    pub value: String,
}

/// The expectations of a level in one area.
#[derive(Debug, Clone, Serialize)]
pub struct AreaView {
    /// The area's id.
    pub id: String,
    /// The area's name.
    pub name: String,
    /// The expectations, in order.
    pub items: Vec<Item>,
}

/// One expectation, with what it is compared with the level below.
#[derive(Debug, Clone, Serialize)]
pub struct Item {
    /// The expectation as written (Markdown), for plain-text outputs and comparisons. Not
    /// given to the templates, which have it parsed in `text`.
    #[serde(skip)]
    pub source: String,
    /// Its examples as written (Markdown), for plain-text outputs.
    #[serde(skip)]
    pub examples_source: Vec<String>,
    /// The expectation, parsed.
    pub text: Vec<Inline>,
    /// Examples of it, parsed, in order.
    pub examples: Vec<Vec<Inline>>,
    /// `new` or `reworded` compared with the level below, in the ladder's language.
    pub change: Option<String>,
}

/// What changes from the level below.
#[derive(Debug, Clone, Serialize)]
pub struct ChangesView {
    /// The level below.
    pub from: Reference,
    /// "Changes from Engineer II".
    pub heading: String,
    /// "Compared with [Engineer II]: 2 new, 3 as before." — `None` when neither level states
    /// any expectation.
    pub summary: Option<Sentence>,
    /// The new and reworded expectations, each with its lead ("New in Delivery:").
    pub items: Vec<ChangeItem>,
    /// Expectations of the level below that this level no longer lists, by area.
    pub no_longer_listed: Vec<AreaView>,
    /// Every expectation of the two levels by how it changed, area by area (the workbook's
    /// Comparison sheet lists them all, the unchanged too); not part of the templates' data.
    #[serde(skip)]
    pub areas: Vec<ComparedArea>,
}

/// One area of a comparison: each expectation of the two levels by how it changed.
#[derive(Debug, Clone)]
pub struct ComparedArea {
    /// The area's name.
    pub name: String,
    /// The same at both levels.
    pub unchanged: Vec<String>,
    /// (the wording below, the wording at this level).
    pub reworded: Vec<(String, String)>,
    /// Only at this level.
    pub added: Vec<String>,
    /// Only at the level below.
    pub removed: Vec<String>,
}

/// A new or reworded expectation.
#[derive(Debug, Clone, Serialize)]
pub struct ChangeItem {
    /// "New in Delivery:" or "Reworded in Delivery:".
    pub lead: String,
    /// The area's name, for pages that list the changes under area headings.
    pub area: String,
    /// Reworded (else new).
    pub reworded: bool,
    /// The expectation at this level.
    pub text: Vec<Inline>,
    /// For a rewording: "was: …" with the earlier wording.
    pub was: Option<Vec<Inline>>,
}

/// A mention of a level: a link when `id` names a level of the ladder, text otherwise.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reference {
    /// The title shown.
    pub title: String,
    /// The level's id, when the reference names a level of the ladder.
    pub id: Option<String>,
}

impl Reference {
    fn to(level: &Level) -> Reference {
        Reference {
            title: level.title.clone(),
            id: Some(level.id.clone()),
        }
    }
}

/// A prose section.
#[derive(Debug, Clone, Serialize)]
pub struct SectionView {
    /// The heading.
    pub title: String,
    /// 1 for a section, 2 for a subsection…
    pub depth: u8,
    /// The text.
    pub body: Vec<Block>,
}

/// The tracks side by side.
#[derive(Debug, Clone, Serialize)]
pub struct OverviewView {
    /// Column headings (grade names), or all `None` when aligned by equivalence or position.
    pub columns: Vec<Option<String>>,
    /// A row per track.
    pub tracks: Vec<OverviewTrack>,
}

/// One track of the overview.
#[derive(Debug, Clone, Serialize)]
pub struct OverviewTrack {
    /// The track's id.
    pub id: String,
    /// The track's name.
    pub name: String,
    /// Per column, the levels standing there.
    pub cells: Vec<Vec<OverviewLevel>>,
}

/// A level in the overview, with the facts a table cell shows.
#[derive(Debug, Clone, Serialize)]
pub struct OverviewLevel {
    /// The level.
    pub level: Reference,
    /// Its code, when it has one.
    pub code: Option<String>,
    /// Its experience, when given.
    pub experience: Option<String>,
}

impl LadderView {
    /// The view of a checked, normalized ladder, in the language of `labels`.
    pub fn new(ladder: &Ladder, labels: Arc<Labels>) -> LadderView {
        let shown_date = ladder.effective_date.or_else(Date::source_date_epoch);
        let mut facts: Vec<String> = ladder.organization.iter().cloned().collect();
        let version_label = ladder
            .version
            .as_ref()
            .map(|version| labels.fill("version", &[("version", version)]));
        facts.extend(version_label.clone());
        let authors_line = (!ladder.authors.is_empty()).then(|| {
            labels.fill(
                "by_authors",
                &[(
                    "authors",
                    &ladder.authors.join(labels.text("list_separator")),
                )],
            )
        });
        let level_count: usize = ladder.tracks.iter().map(|track| track.levels.len()).sum();
        let counts = format!(
            "{} · {}",
            labels.count("track_count", ladder.tracks.len(), &[]),
            labels.count("level_count", level_count, &[])
        );
        if let Some(date) = ladder.effective_date {
            facts.push(labels.fill("effective", &[("date", &labels.date(date))]));
        }
        let keywords = ladder
            .organization
            .iter()
            .cloned()
            .chain([labels.text("job_ladder").to_owned()])
            .chain(ladder.tracks.iter().map(|track| track.name.clone()))
            .collect();
        LadderView {
            id: ladder.id.clone(),
            title: ladder.title.clone(),
            organization: ladder.organization.clone(),
            version: ladder.version.clone(),
            effective_date: ladder.effective_date,
            date: shown_date.map(|date| labels.date(date)),
            language: labels.language.clone(),
            authors: ladder.authors.clone(),
            facts,
            version_label,
            authors_line,
            counts,
            summary: blocks(ladder.summary.as_deref()),
            cumulative: ladder.cumulative,
            tracks: ladder
                .tracks
                .iter()
                .map(|track| track_view(ladder, track, &labels))
                .collect(),
            overview: overview_view(ladder),
            sections: ladder
                .sections
                .iter()
                .map(|section| SectionView {
                    title: section.title.clone(),
                    depth: section.depth,
                    body: markup::blocks(&section.body),
                })
                .collect(),
            credits: blocks(ladder.credits.as_deref()),
            keywords,
            labels,
        }
    }

    /// A level and its track, by the level's id.
    pub fn level(&self, id: &str) -> Option<(&TrackView, &LevelView)> {
        self.tracks.iter().find_map(|track| {
            track
                .levels
                .iter()
                .find(|level| level.id == id)
                .map(|level| (track, level))
        })
    }

    /// Every level with its track, in document order.
    pub fn levels(&self) -> impl Iterator<Item = (&TrackView, &LevelView)> {
        self.tracks
            .iter()
            .flat_map(|track| track.levels.iter().map(move |level| (track, level)))
    }

    /// The same ladder with other tracks (a volume of a booklet split by track, or the main
    /// booklet that lists them). A reference to a level these tracks do not hold keeps its
    /// title and loses its id, so that no document links to a level it does not contain.
    pub fn with_tracks(&self, tracks: Vec<TrackView>) -> LadderView {
        let mut view = LadderView {
            id: self.id.clone(),
            title: self.title.clone(),
            organization: self.organization.clone(),
            version: self.version.clone(),
            effective_date: self.effective_date,
            date: self.date.clone(),
            language: self.language.clone(),
            authors: self.authors.clone(),
            facts: self.facts.clone(),
            version_label: self.version_label.clone(),
            authors_line: self.authors_line.clone(),
            counts: self.counts.clone(),
            summary: self.summary.clone(),
            cumulative: self.cumulative,
            tracks,
            overview: self.overview.clone(),
            sections: self.sections.clone(),
            credits: self.credits.clone(),
            keywords: self.keywords.clone(),
            labels: Arc::clone(&self.labels),
        };
        let present: std::collections::HashSet<String> =
            view.levels().map(|(_, level)| level.id.clone()).collect();
        let unlink = |reference: &mut Reference| {
            if reference
                .id
                .as_ref()
                .is_some_and(|id| !present.contains(id))
            {
                reference.id = None;
            }
        };
        for track in &mut view.tracks {
            for level in &mut track.levels {
                level.references_mut().for_each(unlink);
            }
        }
        for track in &mut view.overview.tracks {
            for cell in &mut track.cells {
                cell.iter_mut()
                    .map(|entry| &mut entry.level)
                    .for_each(unlink);
            }
        }
        view
    }
}

impl TrackView {
    /// The track without its levels (to be given others).
    pub fn without_levels(&self) -> TrackView {
        TrackView {
            id: self.id.clone(),
            name: self.name.clone(),
            kind: self.kind,
            summary: self.summary.clone(),
            areas: self.areas.clone(),
            level_count: self.level_count.clone(),
            levels: Vec::new(),
        }
    }
}

impl LevelView {
    /// The level without its expectations and what changed in them: what a booklet in
    /// volumes shows of it, the volume holding the rest.
    pub fn without_expectations(&self) -> LevelView {
        LevelView {
            id: self.id.clone(),
            rank: self.rank,
            title: self.title.clone(),
            aliases: self.aliases.clone(),
            code: self.code.clone(),
            grade: self.grade.clone(),
            experience: self.experience.clone(),
            facts: self.facts.clone(),
            fact_line: self.fact_line.clone(),
            notes: self.notes.clone(),
            headline: self.headline.clone(),
            description: self.description.clone(),
            areas: Vec::new(),
            shares_with: self.shares_with.clone(),
            shares_sentence: self.shares_sentence.clone(),
            equivalents: self.equivalents.clone(),
            equivalents_label: self.equivalents_label.clone(),
            requires: self.requires.clone(),
            previous: self.previous.clone(),
            next: self.next.clone(),
            changes: None,
        }
    }

    /// Every mention of another level: shared, equivalent, required, neighbours, and those
    /// inside its sentences.
    fn references_mut(&mut self) -> impl Iterator<Item = &mut Reference> {
        let (changes_from, changes_summary) = match &mut self.changes {
            Some(changes) => (Some(&mut changes.from), changes.summary.as_mut()),
            None => (None, None),
        };
        self.shares_with
            .iter_mut()
            .chain(
                self.shares_sentence
                    .iter_mut()
                    .flat_map(sentence_references),
            )
            .chain(self.equivalents.iter_mut())
            .chain(self.requires.iter_mut())
            .chain(self.previous.iter_mut())
            .chain(self.next.iter_mut())
            .chain(changes_from)
            .chain(changes_summary.into_iter().flat_map(sentence_references))
    }
}

/// The levels a sentence mentions.
fn sentence_references(sentence: &mut Sentence) -> impl Iterator<Item = &mut Reference> {
    sentence.iter_mut().filter_map(|piece| match piece {
        Piece::Value(reference) => Some(reference),
        Piece::Text(_) => None,
    })
}

fn blocks(text: Option<&str>) -> Vec<Block> {
    text.map(markup::blocks).unwrap_or_default()
}

fn kind_name(kind: TrackKind) -> &'static str {
    match kind {
        TrackKind::Ic => "ic",
        TrackKind::Manager => "manager",
        TrackKind::Role => "role",
    }
}

fn track_view(ladder: &Ladder, track: &Track, labels: &Labels) -> TrackView {
    TrackView {
        id: track.id.clone(),
        name: track.name.clone(),
        kind: kind_name(track.kind),
        summary: blocks(track.summary.as_deref()),
        areas: track_areas(ladder, track),
        level_count: labels.count("level_count", track.levels.len(), &[]),
        levels: (0..track.levels.len())
            .map(|index| level_view(ladder, track, index, labels))
            .collect(),
    }
}

/// The areas a track's matrix has rows for: those it declares, in its order, then any others
/// its levels use, in the ladder's order.
fn track_areas(ladder: &Ladder, track: &Track) -> Vec<AreaName> {
    ladder
        .areas_of(track)
        .into_iter()
        .map(|area| AreaName {
            id: area.id.clone(),
            name: area.name.clone(),
        })
        .collect()
}

fn level_view(ladder: &Ladder, track: &Track, index: usize, labels: &Labels) -> LevelView {
    let level = &track.levels[index];
    let shares_with = level
        .shares_expectations_with
        .as_deref()
        .and_then(|id| ladder.level(id))
        .map(Reference::to);
    let comparison = index
        .checked_sub(1)
        .filter(|_| compare::is_progression(track))
        .map(|below| compare::compare(ladder, &track.levels[below], level));
    let areas = ladder
        .expectations_of(level)
        .iter()
        .map(|(area_id, items)| AreaView {
            id: area_id.clone(),
            name: area_name(ladder, area_id),
            items: items
                .iter()
                .map(|item| Item {
                    source: item.text.clone(),
                    examples_source: item.examples.clone(),
                    text: markup::inline(&item.text),
                    examples: item
                        .examples
                        .iter()
                        .map(|example| markup::inline(example))
                        .collect(),
                    change: comparison
                        .as_ref()
                        .and_then(|comparison| change_of(comparison, area_id, &item.text))
                        .map(|key| labels.text(key).to_owned()),
                })
                .collect(),
        })
        .collect();
    let grade = ladder.grade_name(level);
    let experience = level.experience.as_ref().map(|e| e.text.clone());
    let facts = [
        ("code", level.code.clone()),
        ("grade", grade.clone()),
        ("experience", experience.clone()),
    ]
    .into_iter()
    .filter_map(|(key, value)| {
        value.map(|value| Fact {
            label: labels.text(key).to_owned(),
            value,
        })
    })
    .collect();
    let squeezed = |text: &str| -> String {
        text.chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_lowercase()
    };
    let distinct_grade = grade.clone().filter(|grade| {
        level
            .code
            .as_deref()
            .is_none_or(|code| squeezed(code) != squeezed(grade))
    });
    let line: Vec<String> = [level.code.clone(), distinct_grade, experience.clone()]
        .into_iter()
        .flatten()
        .collect();
    let fact_line = (!line.is_empty()).then(|| line.join(" · "));
    LevelView {
        id: level.id.clone(),
        rank: level.rank,
        title: level.title.clone(),
        aliases: level.aliases.clone(),
        code: level.code.clone(),
        grade,
        experience,
        facts,
        fact_line,
        notes: match &level.internal {
            Some(Internal::Parts(parts)) => parts
                .notes
                .iter()
                .map(|(label, value)| Fact {
                    label: label.clone(),
                    value: value.clone(),
                })
                .collect(),
            _ => Vec::new(),
        },
        headline: level
            .headline
            .as_deref()
            .map(markup::inline)
            .unwrap_or_default(),
        description: blocks(level.description.as_deref()),
        areas,
        shares_sentence: shares_with.as_ref().map(|shared| {
            labels.pieces(
                labels.text("same_expectations"),
                &[("level", shared.clone())],
            )
        }),
        shares_with,
        equivalents: level
            .equivalents
            .iter()
            .map(|equivalent| match ladder.resolve_level(equivalent) {
                Some(other) => Reference::to(other),
                None => Reference {
                    title: equivalent.clone(),
                    id: None,
                },
            })
            .collect(),
        equivalents_label: labels
            .text(if track.kind == TrackKind::Manager {
                "engineer_equivalent"
            } else {
                "equivalent"
            })
            .to_owned(),
        requires: level
            .requires
            .as_deref()
            .and_then(|id| ladder.level(id))
            .map(Reference::to),
        previous: index
            .checked_sub(1)
            .map(|below| Reference::to(&track.levels[below])),
        next: track.levels.get(index + 1).map(Reference::to),
        changes: comparison.map(|comparison| changes_view(&comparison, labels)),
    }
}

fn area_name(ladder: &Ladder, area_id: &str) -> String {
    ladder
        .area(area_id)
        .map_or_else(|| area_id.to_owned(), |area| area.name.clone())
}

/// The label key of what an expectation is compared with the level below.
fn change_of(comparison: &Comparison, area_id: &str, item: &String) -> Option<&'static str> {
    let area = comparison.areas.iter().find(|a| a.area_id == area_id)?;
    if area.added.contains(item) {
        Some("change_new")
    } else if area.reworded.iter().any(|(_, new)| new == item) {
        Some("change_reworded")
    } else {
        None
    }
}

/// The one sentence that says what changes from one level to the next, for every output
/// (and `ladder compare`).
pub fn changes_summary(comparison: &Comparison, labels: &Labels) -> Option<Sentence> {
    let (unchanged, reworded, added, removed) = comparison.counts();
    if unchanged + reworded + added + removed == 0 {
        return None;
    }
    let from = Reference::to(comparison.from);
    let template = if comparison.cumulative {
        labels.count("changes_adds", added, &[])
    } else if added + reworded + removed == 0 {
        labels.text("changes_same").to_owned()
    } else {
        let parts: Vec<String> = [
            ("count_new", added),
            ("count_reworded", reworded),
            ("count_unchanged", unchanged),
            ("count_removed", removed),
        ]
        .into_iter()
        .filter(|(_, count)| *count > 0)
        .map(|(key, count)| labels.count(key, count, &[]))
        .collect();
        labels.fill(
            "changes_compared",
            &[("parts", &parts.join(labels.text("list_separator")))],
        )
    };
    Some(labels.pieces(&template, &[("level", from)]))
}

fn changes_view(comparison: &Comparison, labels: &Labels) -> ChangesView {
    let mut items = Vec::new();
    for area in &comparison.areas {
        let area_name = area.area_name.as_str();
        for item in &area.added {
            items.push(ChangeItem {
                lead: labels.fill("new_in", &[("area", area_name)]),
                area: area_name.to_owned(),
                reworded: false,
                text: markup::inline(item),
                was: None,
            });
        }
        for (old, new) in &area.reworded {
            items.push(ChangeItem {
                lead: labels.fill("reworded_in", &[("area", area_name)]),
                area: area_name.to_owned(),
                reworded: true,
                text: markup::inline(new),
                was: Some(markup::inline(old)),
            });
        }
    }
    ChangesView {
        from: Reference::to(comparison.from),
        heading: labels.fill("changes_heading", &[("level", &comparison.from.title)]),
        summary: changes_summary(comparison, labels),
        items,
        no_longer_listed: comparison
            .areas
            .iter()
            .filter(|area| !area.removed.is_empty())
            .map(|area| AreaView {
                id: area.area_id.clone(),
                name: area.area_name.clone(),
                items: area
                    .removed
                    .iter()
                    .map(|item| Item {
                        source: item.clone(),
                        text: markup::inline(item),
                        examples_source: Vec::new(),
                        examples: Vec::new(),
                        change: None,
                    })
                    .collect(),
            })
            .collect(),
        areas: comparison
            .areas
            .iter()
            .map(|area| ComparedArea {
                name: area.area_name.clone(),
                unchanged: area.unchanged.clone(),
                reworded: area.reworded.clone(),
                added: area.added.clone(),
                removed: area.removed.clone(),
            })
            .collect(),
    }
}

fn overview_view(ladder: &Ladder) -> OverviewView {
    let overview = Overview::of(ladder);
    OverviewView {
        columns: overview.columns.clone(),
        tracks: overview
            .rows
            .iter()
            .map(|row| OverviewTrack {
                id: row.track.id.clone(),
                name: row.track.name.clone(),
                cells: row
                    .cells
                    .iter()
                    .map(|cell| {
                        cell.iter()
                            .map(|level| OverviewLevel {
                                level: Reference::to(level),
                                code: level.code.clone(),
                                experience: level.experience.as_ref().map(|e| e.text.clone()),
                            })
                            .collect()
                    })
                    .collect(),
            })
            .collect(),
    }
}

/// Plain text of a sentence, references by title (for the terminal and spreadsheets).
pub fn plain_sentence(sentence: &Sentence) -> String {
    sentence
        .iter()
        .map(|piece| match piece {
            Piece::Text(text) => text.as_str(),
            Piece::Value(reference) => reference.title.as_str(),
        })
        .collect()
}
