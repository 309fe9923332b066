//! From an outline to a ladder: which headings are tracks, levels and areas, which paragraphs
//! are expectations, which tables hold levels.
//!
//! The [`Interpreter`] walks the outline once, keeping the track and level being filled. Its
//! concerns are split by what they read: this module walks headings and holds the state,
//! [`text`] reads paragraphs and lists, [`tables`] reads tables, and [`assemble`] turns the
//! drafts into the model once the walk is done.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use indexmap::IndexMap;

use super::outline::{bold_key, Block, Cell, Item};
use super::Imported;

mod assemble;
mod matrix;
mod tables;
mod text;
use crate::date::Date;
use crate::diagnostic::Diagnostic;
use crate::markup;
use crate::model::{slug, Area, Experience, Grade, Ladder, Level, Section, Track, TrackKind};
pub(crate) use matrix::level_likeness;
pub use matrix::LevelAxis;

/// The track files a handbook README lists (`- [Track](track.md) (4 levels)`).
pub fn linked_track_files(blocks: &[Block]) -> Vec<String> {
    blocks
        .iter()
        .filter(|block| is_track_file_list(block))
        .flat_map(|block| match block {
            Block::List { items, .. } => items
                .iter()
                .filter_map(|item| link_target(&item.text))
                .collect(),
            _ => Vec::new(),
        })
        .collect()
}

/// A list whose every item starts with a link to a local `.md` file.
pub fn is_track_file_list(block: &Block) -> bool {
    match block {
        Block::List { items, .. } => {
            !items.is_empty()
                && items.iter().all(|item| {
                    link_target(&item.text).is_some_and(|target| {
                        target.ends_with(".md")
                            && !target.contains("://")
                            && !target.contains('#')
                            && target != "README.md"
                    }) && item.text.starts_with('[')
                })
        }
        _ => false,
    }
}

/// The target of the first link in a Markdown text.
fn link_target(text: &str) -> Option<String> {
    first_link(text).map(|(_, url)| url)
}

fn first_link(text: &str) -> Option<(String, String)> {
    fn find(inlines: &[markup::Inline]) -> Option<(String, String)> {
        for inline in inlines {
            match inline {
                markup::Inline::Link { url, children } => {
                    return Some((markup::plain(children), url.clone()))
                }
                markup::Inline::Emph { children }
                | markup::Inline::Strong { children }
                | markup::Inline::Strike { children } => {
                    if let Some(found) = find(children) {
                        return Some(found);
                    }
                }
                _ => {}
            }
        }
        None
    }
    find(&markup::inline(text))
}

/// Plain text of Markdown, links as their text only.
pub(crate) fn plain(text: &str) -> String {
    fn walk(inlines: &[markup::Inline], out: &mut String) {
        for inline in inlines {
            match inline {
                markup::Inline::Text { text } | markup::Inline::Code { text } => out.push_str(text),
                markup::Inline::Emph { children }
                | markup::Inline::Strong { children }
                | markup::Inline::Strike { children }
                | markup::Inline::Link { children, .. } => walk(children, out),
                markup::Inline::Image { alt, .. } => out.push_str(alt),
                markup::Inline::Break => out.push(' '),
            }
        }
    }
    let mut out = String::new();
    walk(&markup::inline(text), &mut out);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A block's text, plain, on one line (what a sheet that is not a matrix keeps as prose).
pub(crate) fn block_plain(block: &Block) -> String {
    match block {
        Block::Heading { text, .. } | Block::Paragraph { text, .. } => plain(text),
        Block::KeyValue { key, value, .. } => format!("{key}: {}", plain(value)),
        Block::List { items, .. } => items
            .iter()
            .map(|item| plain(&item.text))
            .collect::<Vec<_>>()
            .join("; "),
        Block::Table { rows, .. } => rows
            .iter()
            .map(|row| {
                row.iter()
                    .map(|cell| plain(&cell.text))
                    .collect::<Vec<_>>()
                    .join(" | ")
            })
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

/// A text that stands for one not yet written (`TODO`, `TBD`, `N/A`, `-`): no expectation.
pub(crate) fn is_placeholder(text: &str) -> bool {
    let text = plain(text);
    let text = text.trim().trim_end_matches('.').to_lowercase();
    matches!(
        text.as_str(),
        "todo" | "tbd" | "tbc" | "tba" | "n/a" | "-" | "–" | "—" | "..." | "…" | "?"
    )
}

/// The area of expectations a document gives no area.
pub const GENERAL_AREA: &str = "Expectations";

/// Area names that differ only in `&`/`and`, case or spacing are one area.
fn area_key(name: &str) -> String {
    name.to_lowercase()
        .replace('&', " and ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[derive(Debug, Default, Clone)]
struct LevelDraft {
    title: String,
    rank_text: Option<String>,
    aliases: Vec<String>,
    code: Option<String>,
    grade_name: Option<String>,
    experience: Option<String>,
    headline: Option<String>,
    description: Vec<String>,
    expectations: IndexMap<String, Vec<String>>,
    equivalents: Vec<String>,
    requires_title: Option<String>,
    shares_title: Option<String>,
    link: Option<String>,
    line: usize,
    /// Known to be a level even with nothing in it (a table's column, a placeholder such as
    /// `TODO`), not a heading that groups levels.
    definite: bool,
}

impl LevelDraft {
    fn is_empty(&self) -> bool {
        !self.definite
            && self.expectations.is_empty()
            && self.description.is_empty()
            && self.headline.is_none()
            && self.equivalents.is_empty()
            && self.requires_title.is_none()
            && self.code.is_none()
            && self.experience.is_none()
            && self.shares_title.is_none()
    }
}

#[derive(Debug, Default, Clone)]
struct TrackDraft {
    name: String,
    /// Built from a list of positions: its levels are all in that list.
    from_positions: bool,
    aliases: Vec<String>,
    summary: Vec<String>,
    link: Option<String>,
    levels: Vec<LevelDraft>,
}

/// Where the next paragraph goes.
#[derive(Debug, Clone, PartialEq)]
enum Place {
    Summary,
    TrackIntro,
    Level,
    Area(String),
    Section,
    Credits,
    /// The tool's own generated text (a handbook's comparisons, navigation): skipped.
    Skip,
}

/// A summary cell: the level's rank as written ("3/4") and its title.
type RankAndTitle = (String, String);

/// A summary table that aligns the tracks by column (Persado's first table).
#[derive(Debug, Clone)]
struct Alignment {
    /// Per row: label, and per column the (rank text, title) of the level there.
    rows: Vec<(String, Vec<Option<RankAndTitle>>)>,
    /// A row of grade numbers, with its label.
    grades: Option<(String, Vec<Option<String>>)>,
}

/// Which heading depths hold the tracks, the levels and the areas (`None`: no heading does).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Reading {
    /// The depth of the headings that name tracks.
    pub tracks: Option<u8>,
    /// The depth of the headings that name levels.
    pub levels: Option<u8>,
    /// The depth of the headings that name areas.
    pub areas: Option<u8>,
    /// The whole document is one level, titled by the page's title; its headings name areas
    /// (or groups of areas).
    pub page: bool,
}

/// How well a reading explains its document: the text it places as expectations, weighed by
/// how regular the shape is (levels sharing their areas, levels with something in them) and
/// by how much the level titles look like levels. Text left as prose counts a little, so a
/// reading that places nothing still beats one that fails.
pub fn score(imported: &Imported) -> f64 {
    let ladder = &imported.ladder;
    let mut placed = 0.0;
    let mut regularity = 0.0;
    let mut likeness = 0.0;
    let mut levels = 0.0;
    // A track of one level beside tracks of several is most likely a page's introduction
    // read as a level: what it places does not count.
    let longest = ladder.tracks.iter().map(|track| track.levels.len()).max();
    // How many levels of the whole ladder use each area: a level's areas that others use
    // too make a regular shape, whichever track they are in.
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (_, level) in ladder.levels() {
        for area in level.expectations.keys() {
            *seen.entry(area.as_str()).or_default() += 1;
        }
    }
    let total_levels = ladder.levels().count();
    for track in &ladder.tracks {
        let weight = if track.levels.len() == 1 && longest.is_some_and(|n| n >= 3) {
            0.0
        } else {
            1.0
        };
        // A track's name explains its heading (the headings between levels name tracks).
        if ladder.tracks.len() > 1 {
            placed += track.name.len() as f64 * weight;
        }
        for level in &track.levels {
            levels += 1.0;
            likeness += f64::from(level_likeness(&level.title));
            // The text explained: each expectation's words and the name of its area (a
            // `**Label**: text` bullet read under an area heading explains no more text than
            // the same bullet read as an area and its expectation).
            let text: usize = level
                .expectations
                .iter()
                .map(|(area, items)| {
                    let name = ladder.area(area).map_or(area.len(), |area| area.name.len());
                    name + items
                        .iter()
                        .map(|text| crate::markup::plain_text(text).len())
                        .sum::<usize>()
                })
                .sum::<usize>()
                + level.title.len()
                + level.headline.as_ref().map_or(0, String::len)
                + level.description.as_ref().map_or(0, String::len);
            let empty = level.expectations.is_empty()
                && level.description.is_none()
                && level.headline.is_none();
            // A heading read as a level that holds nothing is a wrong reading's mark.
            placed += if empty {
                -(20.0 + level.title.len() as f64)
            } else {
                text as f64 * weight
            };
            let shared = if total_levels < 2 {
                0.7
            } else if level.expectations.is_empty() {
                0.0
            } else {
                // The general area (no area at all) shares nothing but an absence: it counts
                // half.
                let general = slug(GENERAL_AREA);
                let count: f64 = level
                    .expectations
                    .keys()
                    .filter(|area| seen.get(area.as_str()).is_some_and(|&n| n > 1))
                    .map(|area| if *area == general { 0.5 } else { 1.0 })
                    .sum();
                count / level.expectations.len() as f64
            };
            regularity += shared;
        }
    }
    if levels == 0.0 {
        return 0.0;
    }
    let prose: usize = ladder
        .sections
        .iter()
        .map(|section| section.body.len())
        .sum();
    let regularity = regularity / levels;
    let likeness = likeness / levels;
    // Areas named like levels (`Apprentice`, `Engineer I`) are most likely levels read one
    // heading too deep.
    let area_likeness = if ladder.areas.is_empty() {
        0.0
    } else {
        ladder
            .areas
            .iter()
            .map(|area| f64::from(level_likeness(&area.name)))
            .sum::<f64>()
            / ladder.areas.len() as f64
    };
    let placed = placed * (1.0 - 0.5 * area_likeness);
    placed * (0.5 + 0.5 * regularity) * (0.3 + 0.7 * likeness) + prose as f64 * 0.05
}

/// Reads one document's outline into a ladder: [`new`](Self::new), optionally give it a title,
/// metadata and the user's options, then [`read`](Self::read) the outline.
#[derive(Clone)]
pub struct Interpreter {
    path: PathBuf,
    title: Option<String>,
    default_title: Option<String>,
    metadata: HashMap<String, String>,
    summary: Vec<String>,
    tracks: Vec<TrackDraft>,
    areas: Vec<(String, Vec<String>)>,
    sections: Vec<Section>,
    credits: Vec<String>,
    place: Place,
    /// Headings by depth: which depth holds areas, levels and tracks.
    area_depth: Option<u8>,
    level_depth: Option<u8>,
    track_depth: Option<u8>,
    /// A heading that may turn out to name the track of a table that follows.
    pending_heading: Option<(String, u8, usize)>,
    alignment: Option<Alignment>,
    /// Grade names by level title, from a handbook's overview table.
    grade_rows: Vec<(String, Vec<String>)>,
    cumulative: bool,
    extra_blocks: Vec<(String, Vec<Block>)>,
    /// A list of links before the levels (`* [Software Engineer Path](software-engineer.md)`):
    /// pages of the tracks, matched to tracks at the end. The list's text, to keep if not.
    track_links: Option<(Vec<(String, String)>, String)>,
    /// The group of areas the rows being read belong to (a group row, a heading between the
    /// tables of one matrix).
    group: Option<String>,
    /// Each area's group, kept as the area's description.
    area_groups: HashMap<String, String>,
    options: super::ImportOptions,
    /// The title of the one level a page is about, when it is such a page.
    one_level_page: Option<String>,
    /// The document is one level (see [`Reading::page`]): every heading names an area or a
    /// group of areas.
    page_level: bool,
    /// The depth of the area heading being filled, to tell a group heading from an area.
    area_heading_depth: Option<u8>,
    /// The document's first heading, a candidate title for a page about one level.
    first_heading: Option<String>,
    /// Headings at the levels' depth that are prose, not levels (title and line).
    prose_headings: Vec<(String, usize)>,
    /// The headings the walk is under, shallowest first (depth and text).
    heading_trail: Vec<(u8, String)>,
    /// Reading the track files of this tool's handbook.
    handbook: bool,
    /// In a workbook, the sheet being read and the names of all of them.
    sheet: Option<String>,
    sheet_names: Vec<String>,
    warnings: Vec<Diagnostic>,
}

/// Keys a level line may hold that are not areas.
fn is_known_key(key: &str) -> bool {
    let key = key.to_lowercase();
    matches!(
        key.as_str(),
        "code" | "grade" | "experience" | "level" | "title" | "required title" | "requires"
    ) || EQUIVALENT_KEYS.contains(&key.as_str())
}

const EQUIVALENT_KEYS: &[&str] = &[
    "management equivalent",
    "engineer equivalent",
    "equivalent",
    "engineering equivalent",
    "manager equivalent",
    "ic equivalent",
];

impl Interpreter {
    /// An interpreter for the document at `path` (named in its warnings; its file name is the
    /// title of last resort).
    pub fn new(path: &Path) -> Self {
        Interpreter {
            path: path.to_owned(),
            title: None,
            default_title: None,
            metadata: HashMap::new(),
            summary: Vec::new(),
            tracks: Vec::new(),
            areas: Vec::new(),
            sections: Vec::new(),
            credits: Vec::new(),
            place: Place::Summary,
            area_depth: None,
            level_depth: None,
            track_depth: None,
            pending_heading: None,
            alignment: None,
            grade_rows: Vec::new(),
            cumulative: false,
            extra_blocks: Vec::new(),
            track_links: None,
            group: None,
            area_groups: HashMap::new(),
            options: super::ImportOptions::default(),
            one_level_page: None,
            page_level: false,
            area_heading_depth: None,
            first_heading: None,
            prose_headings: Vec::new(),
            heading_trail: Vec::new(),
            handbook: false,
            sheet: None,
            sheet_names: Vec::new(),
            warnings: Vec::new(),
        }
    }

    /// The reading the user asked for (`--levels h2`, `--levels columns`, `--track NAME`).
    pub fn set_options(&mut self, options: &super::ImportOptions) {
        self.options = options.clone();
    }

    /// The title to use when neither the document's headings nor its front matter give one
    /// (an HTML page's `<title>`).
    pub fn set_default_title(&mut self, title: &str) {
        self.default_title = Some(title.to_owned());
    }

    /// Front matter keys (lower-case) and values: `title`, `organization`, `version`, `date`,
    /// `lang`, `authors` and the like.
    pub fn set_metadata(&mut self, metadata: HashMap<String, String>) {
        self.metadata = metadata;
    }

    /// The outline of a track file a handbook README links to, read as one track by
    /// [`run`](Self::run).
    pub fn add_file_blocks(&mut self, file: &str, blocks: Vec<Block>) {
        self.extra_blocks.push((file.to_owned(), blocks));
    }

    fn warn(&mut self, line: usize, message: impl Into<String>) {
        let message = message.into();
        // In a workbook a place is a sheet's row (`Levels!A7`), not a line of the file.
        let (message, position) = match &self.sheet {
            Some(sheet) => (format!("{sheet}!A{}: {message}", line.max(1)), None),
            None => (message, Some((line.max(1), 1))),
        };
        self.warnings.push(
            Diagnostic::warning("import", message)
                .in_file(&self.path)
                .at(position)
                .with_hint("the text is kept; move it where it belongs in the YAML if needed"),
        );
    }

    /// Reading a workbook whose first sheet is `first`: places are given as `sheet!cell`, the
    /// sheet being the one whose heading (its name) came last.
    pub fn set_sheets(&mut self, first: &str, names: Vec<String>) {
        self.sheet = Some(first.to_owned());
        self.sheet_names = names;
    }

    /// Decides which heading depths hold tracks, levels and areas.
    fn analyse(&mut self, blocks: &[Block]) {
        let mut by_depth: HashMap<u8, Vec<&str>> = HashMap::new();
        for block in blocks {
            if let Block::Heading { level, text, .. } = block {
                by_depth.entry(*level).or_default().push(text);
            }
        }
        let mut depths: Vec<u8> = by_depth.keys().copied().collect();
        depths.sort_unstable();
        // What follows each heading, by depth.
        let mut followed_by: HashMap<u8, Vec<Option<&Block>>> = HashMap::new();
        for (index, block) in blocks.iter().enumerate() {
            if let Block::Heading { level, .. } = block {
                followed_by
                    .entry(*level)
                    .or_default()
                    .push(blocks.get(index + 1));
            }
        }
        let has_shallower = |depth: u8| depths.iter().any(|&d| d < depth);
        // 1. Areas are headings whose names repeat under several levels.
        let repeated = depths.iter().rev().copied().find(|&depth| {
            let mut counts: HashMap<String, usize> = HashMap::new();
            for name in &by_depth[&depth] {
                *counts.entry(area_key(name)).or_default() += 1;
            }
            counts.values().any(|&count| count >= 2)
                && has_shallower(depth)
                && !by_depth[&depth]
                    .iter()
                    .all(|name| name.starts_with("Changes from"))
        });
        // 2. Or headings each followed directly by a list (a page about one level).
        let listed = || {
            depths.iter().rev().copied().find(|&depth| {
                let next = &followed_by[&depth];
                next.len() >= 2
                    && has_shallower(depth)
                    && next.iter().all(|block| {
                        // Lists of `**Area**: text` bullets sit under levels, not areas.
                        matches!(block, Some(Block::List { items, .. }) if !items.iter().all(|item| bold_key(&item.text).is_some()))
                    })
            })
        };
        if let Some(depth) = repeated.or_else(listed) {
            self.area_depth = Some(depth);
            self.level_depth = depths.iter().copied().filter(|&d| d < depth).max();
        } else {
            // 3. Or headings followed by `**Area:** text` lines or `* **Area**: text` bullets.
            let keyed = depths.iter().rev().copied().find(|&depth| {
                followed_by[&depth]
                    .iter()
                    .filter(|block| match block {
                        Some(Block::KeyValue { key, .. }) => !is_known_key(key),
                        Some(Block::List { items, .. }) => {
                            items.iter().all(|item| bold_key(&item.text).is_some())
                        }
                        _ => false,
                    })
                    .count()
                    >= 2
            });
            self.level_depth = keyed;
        }
        if let Some(level_depth) = self.level_depth {
            self.track_depth = depths.iter().copied().filter(|&d| d < level_depth).max();
            // One heading above everything, first in the document: the title, not a track.
            if let Some(track_depth) = self.track_depth {
                let first_is_it = matches!(blocks.first(), Some(Block::Heading { level, .. }) if *level == track_depth);
                let title_known = self.title.is_some() || self.metadata.contains_key("title");
                if by_depth[&track_depth].len() == 1
                    && first_is_it
                    && !has_shallower(track_depth)
                    && !title_known
                    && self.area_depth.is_none()
                {
                    self.track_depth = None;
                }
            }
        }
    }

    /// Reads the document's outline into a ladder. Which heading depths hold tracks, levels
    /// and areas is decided by reading the document every plausible way and keeping the
    /// reading that places the most text in the most regular shape (see [`score`]); with
    /// linked track files added, `blocks` is the README and each file is read as a track.
    pub fn read(mut self, blocks: &[Block]) -> Result<Imported, Vec<Diagnostic>> {
        let extra: Vec<(String, Vec<Block>)> = std::mem::take(&mut self.extra_blocks);
        if !extra.is_empty() {
            // A handbook: the README holds the ladder, each linked file a track.
            for block in blocks {
                if let Block::Heading { level: 1, text, .. } = block {
                    if self.title.is_none() {
                        self.title = Some(text.clone());
                    }
                }
            }
            self.walk_readme(blocks);
            self.handbook = true;
            for (_, file_blocks) in &extra {
                self.area_depth = Some(3);
                self.level_depth = Some(2);
                self.track_depth = Some(1);
                self.walk(file_blocks);
            }
            return self.finish();
        }
        // The first heading may title a page about one level when no other heading looks
        // like a level's title.
        let headings: Vec<&str> = blocks
            .iter()
            .filter_map(|block| match block {
                Block::Heading { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect();
        self.first_heading = headings
            .split_first()
            .filter(|(_, rest)| rest.iter().all(|title| level_likeness(title) < 0.5))
            .map(|(first, _)| (*first).to_owned());
        let mut guessed = self.clone();
        guessed.analyse(blocks);
        let guess = guessed.reading();
        let mut best: Option<(f64, Result<Imported, Vec<Diagnostic>>)> = None;
        for reading in self.readings(blocks, guess) {
            let mut candidate = self.clone();
            candidate.track_depth = reading.tracks;
            candidate.level_depth = reading.levels;
            candidate.area_depth = reading.areas;
            if reading.page {
                candidate.start_page_level();
            }
            candidate.walk(blocks);
            let result = candidate.finish().map(|mut imported| {
                imported.reading = reading;
                imported
            });
            let mut value = result.as_ref().map_or(-1.0, score);
            // The rules' own guess wins a tie.
            if reading == guess {
                value *= 1.02;
            }
            if best.as_ref().is_none_or(|(best, _)| value > *best) {
                best = Some((value, result));
            }
        }
        match best {
            Some((_, result)) => result,
            None => {
                self.analyse(blocks);
                self.walk(blocks);
                self.finish()
            }
        }
    }

    fn reading(&self) -> Reading {
        Reading {
            tracks: self.track_depth,
            levels: self.level_depth,
            areas: self.area_depth,
            page: false,
        }
    }

    /// The title a page gives itself: its front matter's, its first heading when that names
    /// a level, or its `<title>` without the site's name (`Senior Engineer | Acme`).
    fn page_title(&self) -> Option<String> {
        let from_title = || {
            self.default_title.as_ref().map(|title| {
                [" | ", " – ", " — ", " · ", " - "]
                    .iter()
                    .find_map(|separator| title.split_once(separator).map(|(page, _)| page))
                    .unwrap_or(title)
                    .trim()
                    .to_owned()
            })
        };
        self.metadata
            .get("title")
            .cloned()
            .or_else(|| {
                self.first_heading
                    .clone()
                    .filter(|heading| level_likeness(heading) >= 0.5)
            })
            .or_else(from_title)
            .filter(|title| !title.trim().is_empty())
    }

    /// Starts the one level a page is about (see [`Reading::page`]).
    fn start_page_level(&mut self) {
        let Some(title) = self.page_title() else {
            return;
        };
        self.page_level = true;
        self.push_level(LevelDraft {
            title,
            ..LevelDraft::default()
        });
        self.place = Place::Level;
    }

    /// The readings worth trying: the rules' guess, and every assignment of the document's
    /// heading depths to tracks above levels above areas, narrowed by what the user fixed.
    fn readings(&self, blocks: &[Block], guess: Reading) -> Vec<Reading> {
        let mut depths: Vec<u8> = blocks
            .iter()
            .filter_map(|block| match block {
                Block::Heading { level, .. } => Some(*level),
                _ => None,
            })
            .collect();
        depths.sort_unstable();
        depths.dedup();
        let fixed = &self.options;
        let mut readings = vec![guess];
        let optional = |depths: &[u8]| -> Vec<Option<u8>> {
            std::iter::once(None)
                .chain(depths.iter().copied().map(Some))
                .collect()
        };
        for levels in optional(&depths) {
            // Without level headings (tables hold the levels), headings name tracks only when
            // the user (or a workbook's sheets) says so.
            let above: Vec<u8> = depths
                .iter()
                .copied()
                .filter(|&d| match levels {
                    Some(l) => d < l,
                    None => fixed.tracks_depth == Some(Some(d)),
                })
                .collect();
            let below: Vec<u8> = depths
                .iter()
                .copied()
                .filter(|&d| levels.is_none_or(|l| d > l))
                .collect();
            for areas in optional(&below) {
                for tracks in optional(&above) {
                    readings.push(Reading {
                        tracks,
                        levels,
                        areas,
                        page: false,
                    });
                }
            }
        }
        // A page about one level whose title (front matter, `<title>`) names the level.
        if self
            .page_title()
            .is_some_and(|title| level_likeness(&title) >= 0.5)
        {
            readings.push(Reading {
                page: true,
                ..Reading::default()
            });
        }
        readings.retain(|reading| {
            fixed.levels_depth.is_none_or(|d| reading.levels == Some(d))
                && fixed.areas_depth.is_none_or(|d| reading.areas == Some(d))
                && fixed.tracks_depth.is_none_or(|d| reading.tracks == d)
        });
        let mut unique: Vec<Reading> = Vec::new();
        for reading in readings {
            if !unique.contains(&reading) {
                unique.push(reading);
            }
        }
        // A document with many heading depths has few plausible readings; keep it bounded.
        unique.truncate(80);
        unique
    }

    fn walk_readme(&mut self, blocks: &[Block]) {
        let mut first_heading_seen = false;
        let mut after_title = true;
        for block in blocks {
            match block {
                Block::Heading { level: 1, .. } if !first_heading_seen => first_heading_seen = true,
                Block::Heading { level, text, line } => {
                    after_title = false;
                    match text.as_str() {
                        "Overview" | "Tracks" => self.place = Place::Skip,
                        "Credits" => self.place = Place::Credits,
                        _ => {
                            self.sections.push(Section {
                                internal: false,
                                title: text.clone(),
                                body: String::new(),
                                depth: level.saturating_sub(1).clamp(1, 3),
                            });
                            let _ = line;
                            self.place = Place::Section;
                        }
                    }
                }
                Block::Paragraph { text, .. }
                    if after_title
                        && text.starts_with('*')
                        && text.ends_with('*')
                        && !text.starts_with("**")
                        && self.summary.is_empty() =>
                {
                    self.facts_line(text.trim_matches('*'));
                }
                Block::Table { rows, .. } if self.place == Place::Skip => {
                    self.overview_grades(rows)
                }
                _ => self.block(block),
            }
        }
    }

    /// `Persado · Version 3 · Effective 1 January 2026 · By A, B` under a handbook's title, in
    /// any built-in language (which then becomes the ladder's language).
    fn facts_line(&mut self, text: &str) {
        for (index, part) in plain(text).split(" · ").enumerate() {
            let mut placed = false;
            for labels in crate::labels::built_in_labels() {
                let found = |key: &str| {
                    labels
                        .unfill(key, part)
                        .or_else(|| labels.unfill(key, &part.to_lowercase()))
                };
                if let Some(version) = found("version") {
                    self.metadata.insert("version".into(), version);
                } else if let Some(date) = labels
                    .unfill("effective", part)
                    .and_then(|date| labels.parse_date(&date).or_else(|| Date::parse(&date)))
                {
                    self.metadata.insert("date".into(), date.to_string());
                } else if let Some(authors) = found("by_authors") {
                    self.metadata.insert("author".into(), authors);
                } else {
                    continue;
                }
                if labels.language != crate::labels::BASE_LANGUAGE {
                    self.metadata
                        .insert("language".into(), labels.language.clone());
                }
                placed = true;
                break;
            }
            if !placed && index == 0 {
                self.metadata.insert("organization".into(), part.to_owned());
            }
        }
    }

    fn walk(&mut self, blocks: &[Block]) {
        // This tool's handbook says where its levels are: every `##` of a track file.
        let depth = self.level_depth.filter(|_| !self.handbook);
        self.one_level_page = depth.and_then(|depth| one_level_page(blocks, depth));
        self.prose_headings = depth
            .map(|depth| prose_headings(blocks, depth))
            .unwrap_or_default();
        for (index, block) in blocks.iter().enumerate() {
            // `**Area**` (perhaps with an italic note) over a list, inside a level: the list's
            // area.
            if let (Block::Paragraph { text, .. }, Some(Block::List { .. })) =
                (block, blocks.get(index + 1))
            {
                if let Some(area) = bold_lead(text) {
                    if matches!(self.place, Place::Level | Place::Area(_))
                        && self.current_level().is_some()
                    {
                        let area = self.area_name(&area);
                        // Under an area heading, the heading groups these areas.
                        if let Place::Area(group) = &self.place {
                            if !self.area_groups.contains_key(&area) {
                                self.area_groups.insert(area.clone(), group.clone());
                            }
                        }
                        self.place = Place::Area(area);
                        continue;
                    }
                }
            }
            // A paragraph that introduces a table under an area heading is not an expectation:
            // the heading, the paragraph and what the table does not place are a section.
            if let (Block::Paragraph { text, .. }, Some(Block::Table { .. }), Place::Area(area)) =
                (block, blocks.get(index + 1), self.place.clone())
            {
                self.sections.push(Section {
                    internal: false,
                    title: area,
                    body: text.clone(),
                    depth: 2,
                });
                self.place = Place::Section;
                continue;
            }
            self.block(block);
        }
    }

    fn current_level(&mut self) -> Option<&mut LevelDraft> {
        self.tracks
            .last_mut()
            .and_then(|track| track.levels.last_mut())
    }

    fn ensure_track(&mut self) {
        if self.tracks.is_empty() {
            let name = self
                .pending_heading
                .take()
                .map(|(name, _, _)| name)
                .or_else(|| self.title.clone())
                .or_else(|| self.default_title.clone())
                .unwrap_or_else(|| String::from("Levels"));
            self.tracks.push(TrackDraft {
                name,
                ..TrackDraft::default()
            });
        }
    }

    /// Adds a level to the track being filled, starting a track when there is none.
    fn push_level(&mut self, level: LevelDraft) {
        self.ensure_track();
        if let Some(track) = self.tracks.last_mut() {
            track.levels.push(level);
        }
    }

    fn start_level(&mut self, title: &str, line: usize) {
        // On a page about one level, the other headings of its depth are parts of it.
        if self
            .one_level_page
            .as_ref()
            .is_some_and(|level| level != title)
            && self.current_level().is_some()
        {
            self.place = Place::Level;
            return;
        }
        self.ensure_track();
        // A level heading with nothing under it groups the levels that follow ("## Roles").
        let previous_empty = self.current_level().is_some_and(|level| level.is_empty());
        let group = previous_empty
            .then(|| self.tracks.last_mut().and_then(|track| track.levels.pop()))
            .flatten();
        if let Some(group) = group {
            match self.tracks.last_mut() {
                Some(track) if track.levels.is_empty() => track.aliases.push(group.title),
                _ => self.tracks.push(TrackDraft {
                    name: group.title,
                    ..TrackDraft::default()
                }),
            }
        }
        self.push_level(LevelDraft {
            title: title.to_owned(),
            line,
            // This tool's handbook has no group headings: each of its level headings is one.
            definite: self.handbook,
            ..LevelDraft::default()
        });
        self.place = Place::Level;
    }

    fn area_name(&mut self, name: &str) -> String {
        let key = area_key(name);
        for (canonical, aliases) in &mut self.areas {
            if area_key(canonical) == key {
                if canonical != name && !aliases.iter().any(|alias| alias == name) {
                    aliases.push(name.to_owned());
                }
                return canonical.clone();
            }
        }
        self.areas.push((name.to_owned(), Vec::new()));
        name.to_owned()
    }

    fn add_expectation(&mut self, area: &str, text: &str) {
        if is_placeholder(text) {
            // The level is there, its expectations not yet written.
            if let Some(level) = self.current_level() {
                level.definite = true;
            }
            return;
        }
        let area = self.area_name(area);
        if let Some(level) = self.current_level() {
            level
                .expectations
                .entry(area)
                .or_default()
                .push(text.trim().to_owned());
        }
    }

    fn heading(&mut self, depth: u8, text: &str, line: usize) {
        if self.sheet_names.iter().any(|name| name == text) {
            self.sheet = Some(text.to_owned());
        }
        self.heading_trail.retain(|(above, _)| *above < depth);
        self.heading_trail.push((depth, text.to_owned()));
        let is_credits = matches!(
            text.to_lowercase().as_str(),
            "credits" | "acknowledgements" | "acknowledgments"
        );
        if is_credits {
            self.place = Place::Credits;
            return;
        }
        if self.page_level {
            self.page_heading(depth, text);
            return;
        }
        // Areas are the headings of their depth; a stray heading between the levels' and the
        // areas' depths inside a level is an area too.
        let area_heading = Some(depth) == self.area_depth
            || self
                .area_depth
                .zip(self.level_depth)
                .is_some_and(|(areas, levels)| depth > levels && depth < areas);
        if area_heading
            && matches!(self.place, Place::Level | Place::Area(_) | Place::Skip)
            && self.current_level().is_some()
        {
            if text.starts_with("Changes from ") {
                self.place = Place::Skip;
            } else {
                self.place = Place::Area(text.to_owned());
                self.area_name(text);
            }
            return;
        }
        // A list of positions gives the whole ladder's shape: headings after it are prose.
        let positions_listed = self.tracks.iter().any(|track| track.from_positions);
        let prose = self
            .prose_headings
            .iter()
            .any(|(title, at)| title == text && *at == line);
        if Some(depth) == self.level_depth && !positions_listed && !prose {
            self.start_level(text, line);
            return;
        }
        if Some(depth) == self.track_depth && !positions_listed {
            self.tracks.push(TrackDraft {
                name: text.to_owned(),
                ..TrackDraft::default()
            });
            self.place = Place::TrackIntro;
            return;
        }
        let title_known = self.title.is_some() || self.metadata.contains_key("title");
        if !title_known
            && self.tracks.is_empty()
            && self.sections.is_empty()
            && self.summary.is_empty()
        {
            self.title = Some(text.to_owned());
            self.place = Place::Summary;
            return;
        }
        // Any other heading opens a prose section; it may yet turn out to name a table's track.
        self.pending_heading = Some((text.to_owned(), depth, line));
        self.sections.push(Section {
            internal: false,
            title: text.to_owned(),
            body: String::new(),
            depth: depth.saturating_sub(1).clamp(1, 3),
        });
        self.place = Place::Section;
    }

    /// A heading on a page about one level: an area, or the group of the deeper areas under
    /// it when nothing of its own comes before them.
    fn page_heading(&mut self, depth: u8, text: &str) {
        // The heading that titles the level is not an area.
        let is_title = self
            .current_level()
            .is_some_and(|level| level.title == text && level.expectations.is_empty());
        if is_title {
            self.place = Place::Level;
            return;
        }
        if let Place::Area(previous) = self.place.clone() {
            let previous_empty = self
                .current_level()
                .is_some_and(|level| !level.expectations.contains_key(&previous));
            if previous_empty && self.area_heading_depth.is_some_and(|d| d < depth) {
                self.group = Some(previous);
            } else if self.area_heading_depth.is_some_and(|d| d >= depth) {
                self.group = None;
            }
        }
        let area = self.area_name(text);
        if let Some(group) = self.group.clone() {
            self.area_groups.entry(area.clone()).or_insert(group);
        }
        self.place = Place::Area(area);
        self.area_heading_depth = Some(depth);
    }

    fn block(&mut self, block: &Block) {
        match block {
            Block::Heading { level, text, line } => self.heading(*level, text, *line),
            Block::Paragraph { text, line } => {
                self.pending_heading = None;
                self.prose(text, *line)
            }
            Block::KeyValue { key, value, line } => self.key_value(key, value, *line),
            Block::List { items, line } => {
                self.pending_heading = None;
                self.list(items, *line)
            }
            Block::Table { rows, line } => self.table(rows, *line),
        }
    }
}

/// The page is about one level when, of its headings at the levels' depth, the first alone
/// looks like a level's title (`IC3 Software Engineer`, then `Core Responsibilities`).
fn one_level_page(blocks: &[Block], depth: u8) -> Option<String> {
    let titles: Vec<&str> = blocks
        .iter()
        .filter_map(|block| match block {
            Block::Heading { level, text, .. } if *level == depth => Some(text.as_str()),
            _ => None,
        })
        .collect();
    let (first, rest) = titles.split_first()?;
    // A page with many such headings is a ladder whose titles the word list does not know.
    (!rest.is_empty()
        && rest.len() <= 2
        && level_likeness(first) >= 0.5
        && rest.iter().all(|title| level_likeness(title) < 0.3))
    .then(|| (*first).to_owned())
}

/// Headings at the levels' depth that are prose among levels: where two or more headings of
/// that depth look like level titles, those that do not (`When do I get promoted?`) are
/// sections, and so is a lone level-like heading in a group of its own beside a group of three
/// or more levels (`SE Regional Team Leads` before `IC1`…`IC5`). A heading with nothing under
/// it before the next of its depth groups the levels after it and stays.
fn prose_headings(blocks: &[Block], depth: u8) -> Vec<(String, usize)> {
    let headings: Vec<(usize, &str, usize)> = blocks
        .iter()
        .enumerate()
        .filter_map(|(index, block)| match block {
            Block::Heading { level, text, line } if *level == depth => {
                Some((index, text.as_str(), *line))
            }
            _ => None,
        })
        .collect();
    let level_like = headings
        .iter()
        .filter(|(_, title, _)| level_likeness(title) >= 0.5)
        .count();
    if level_like < 2 {
        return Vec::new();
    }
    let is_group = |index: usize| matches!(blocks.get(index + 1), Some(Block::Heading { level, .. }) if *level <= depth);
    let mut prose = Vec::new();
    // Only before the first level-like heading or after the last: a heading between two
    // levels is a level the word list does not know.
    let like = |title: &str| level_likeness(title) >= 0.5;
    let first = headings.iter().position(|(_, title, _)| like(title));
    let last = headings.iter().rposition(|(_, title, _)| like(title));
    // Groups of levels, split by group headings.
    let mut groups: Vec<Vec<(&str, usize)>> = vec![Vec::new()];
    for (position, &(index, title, line)) in headings.iter().enumerate() {
        if is_group(index) {
            groups.push(Vec::new());
            continue;
        }
        let outside =
            first.is_some_and(|first| position < first) || last.is_some_and(|last| position > last);
        if outside && level_likeness(title) < 0.3 {
            prose.push((title.to_owned(), line));
        } else if let Some(group) = groups.last_mut() {
            group.push((title, line));
        }
    }
    let largest = groups.iter().map(Vec::len).max().unwrap_or(0);
    if largest >= 3 {
        for group in groups.iter().filter(|group| group.len() == 1) {
            prose.extend(
                group
                    .iter()
                    .map(|(title, line)| ((*title).to_owned(), *line)),
            );
        }
    }
    prose
}

/// The bold label a paragraph starts with when the rest is at most an emphasized note
/// (`**Scope** *Area of ownership*`): an area's name over a list.
fn bold_lead(text: &str) -> Option<String> {
    let rest = text.trim().strip_prefix("**")?;
    let (label, after) = rest.split_once("**")?;
    let after = after.trim().trim_start_matches(':').trim();
    let note_only = after.is_empty()
        || (after.starts_with('*') && after.ends_with('*') && !after.starts_with("**"))
        || (after.starts_with('_') && after.ends_with('_'));
    let label = label.trim().trim_end_matches(':').trim();
    (note_only && !label.is_empty() && label.chars().count() <= 60).then(|| label.to_owned())
}

fn is_bold_label(text: &str) -> bool {
    text.starts_with("**")
        && text.ends_with("**")
        && text.len() > 4
        && !text[2..text.len() - 2].contains("**")
}

fn list_item_markdown(item: &Item, depth: usize) -> String {
    let mut out = format!("{}* {}", "  ".repeat(depth), item.text);
    for child in &item.children {
        out.push('\n');
        out.push_str(&list_item_markdown(child, depth + 1));
    }
    out
}

#[cfg(test)]
mod tests;
