//! From an outline to a ladder: which headings are tracks, levels and areas, which paragraphs
//! are expectations, which tables hold levels.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use indexmap::IndexMap;

use super::outline::{bold_key, Block, Cell, Item};
use super::Imported;
use crate::date::Date;
use crate::diagnostic::Diagnostic;
use crate::markup;
use crate::model::{slug, Area, Experience, Grade, Ladder, Level, Section, Track, TrackKind};

pub enum FrontMatter {
    WholeLadder(Box<Ladder>),
    Metadata(HashMap<String, String>),
    Invalid(String),
}

/// Front matter that holds a whole ladder (it has `tracks`), or metadata such as `title`.
pub fn front_matter(text: &str) -> FrontMatter {
    let value: serde_yaml::Value = match serde_yaml::from_str(text) {
        Ok(value) => value,
        Err(error) => {
            return FrontMatter::Invalid(format!("the front matter is not YAML: {error}"))
        }
    };
    let Some(mapping) = value.as_mapping() else {
        return FrontMatter::Metadata(HashMap::new());
    };
    if mapping.contains_key("tracks") {
        return match serde_yaml::from_value::<Ladder>(value.clone()) {
            Ok(ladder) => FrontMatter::WholeLadder(Box::new(ladder)),
            Err(error) => FrontMatter::Invalid(format!(
                "the front matter holds a ladder with an error: {error}"
            )),
        };
    }
    let metadata = mapping
        .iter()
        .filter_map(|(key, value)| {
            let key = key.as_str()?.to_ascii_lowercase();
            let value = match value {
                serde_yaml::Value::String(text) => text.clone(),
                serde_yaml::Value::Number(number) => number.to_string(),
                serde_yaml::Value::Sequence(items) => items
                    .iter()
                    .filter_map(|item| item.as_str().map(str::to_owned))
                    .collect::<Vec<_>>()
                    .join(", "),
                _ => return None,
            };
            Some((key, value))
        })
        .collect();
    FrontMatter::Metadata(metadata)
}

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
fn plain(text: &str) -> String {
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
}

impl LevelDraft {
    fn is_empty(&self) -> bool {
        self.expectations.is_empty()
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
            warnings: Vec::new(),
        }
    }

    pub fn set_default_title(&mut self, title: &str) {
        self.default_title = Some(title.to_owned());
    }

    pub fn set_metadata(&mut self, metadata: HashMap<String, String>) {
        self.metadata = metadata;
    }

    pub fn add_file_blocks(&mut self, file: &str, blocks: Vec<Block>) {
        self.extra_blocks.push((file.to_owned(), blocks));
    }

    fn warn(&mut self, line: usize, message: impl Into<String>) {
        self.warnings.push(
            Diagnostic::warning("import", message)
                .in_file(&self.path)
                .at(Some((line.max(1), 1)))
                .with_hint("the text is kept; move it where it belongs in the YAML if needed"),
        );
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

    pub fn run(&mut self, blocks: &[Block]) {
        let extra: Vec<(String, Vec<Block>)> = std::mem::take(&mut self.extra_blocks);
        if extra.is_empty() {
            self.analyse(blocks);
            self.walk(blocks);
        } else {
            // A handbook: the README holds the ladder, each linked file a track.
            for block in blocks {
                if let Block::Heading { level: 1, text, .. } = block {
                    if self.title.is_none() {
                        self.title = Some(text.clone());
                    }
                }
            }
            self.walk_readme(blocks);
            for (_, file_blocks) in &extra {
                self.area_depth = Some(3);
                self.level_depth = Some(2);
                self.track_depth = Some(1);
                self.walk(file_blocks);
            }
        }
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

    /// A handbook's overview table: a `Grade` column names each row's grade.
    fn overview_grades(&mut self, rows: &[Vec<Cell>]) {
        let Some(header) = rows.first() else { return };
        let first = header.first().map(|cell| plain(&cell.text));
        let is_grade = |text: &String| {
            crate::labels::built_in_labels()
                .iter()
                .any(|labels| labels.text("grade") == text)
        };
        if !first.as_ref().is_some_and(is_grade) {
            return;
        }
        for row in &rows[1..] {
            let grade = plain(&row[0].text);
            if grade.is_empty() {
                continue;
            }
            let titles: Vec<String> = row[1..]
                .iter()
                .flat_map(|cell| cell_links(&cell.text))
                .collect();
            self.grade_rows.push((grade, titles));
        }
    }

    fn walk(&mut self, blocks: &[Block]) {
        for block in blocks {
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

    fn start_level(&mut self, title: &str, line: usize) {
        self.ensure_track();
        // A level heading with nothing under it groups the levels that follow ("## Roles").
        let previous_empty = self.current_level().is_some_and(|level| level.is_empty());
        if previous_empty {
            let group = self
                .tracks
                .last_mut()
                .and_then(|track| track.levels.pop())
                .expect("a level");
            let track = self.tracks.last_mut().expect("a track");
            if track.levels.is_empty() {
                track.aliases.push(group.title);
            } else {
                self.tracks.push(TrackDraft {
                    name: group.title,
                    ..TrackDraft::default()
                });
            }
        }
        let track = self.tracks.last_mut().expect("a track");
        track.levels.push(LevelDraft {
            title: title.to_owned(),
            line,
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
        let area = self.area_name(area);
        if let Some(level) = self.current_level() {
            level
                .expectations
                .entry(area)
                .or_default()
                .push(text.trim().to_owned());
        }
    }

    fn prose(&mut self, text: &str, line: usize) {
        if text.contains("assume all previous requirements")
            || text.contains("assumes all previous requirements")
        {
            self.cumulative = true;
        }
        // The tool's own handbook: its cumulative note, navigation and footer are not content.
        if text == "Each level assumes all the requirements of the levels before it."
            || text == "*Each level assumes all the requirements of the levels before it.*"
        {
            self.cumulative = true;
            return;
        }
        if text.starts_with("*Previous:")
            || text.starts_with("*Next:")
            || text.starts_with("*Generated by ")
        {
            return;
        }
        // A credit line anywhere outside a level ("... is based on ... by [Dropbox](...)").
        let lower = text.to_lowercase();
        let is_credit = [
            "is based on",
            "was inspired by",
            "thanks to",
            "adapted from",
            "credit",
        ]
        .iter()
        .any(|phrase| lower.contains(phrase));
        if is_credit
            && matches!(self.place, Place::Section | Place::Summary)
            && self
                .sections
                .last()
                .is_none_or(|s| !s.body.is_empty() || self.place == Place::Summary)
            && !self.tracks.is_empty()
        {
            self.credits.push(text.to_owned());
            return;
        }
        match self.place.clone() {
            Place::Summary => self.summary.push(text.to_owned()),
            Place::TrackIntro => {
                if text.starts_with("Part of [")
                    || text == "Each level assumes all the requirements of the levels before it."
                {
                    if text.starts_with("Each level") {
                        self.cumulative = true;
                    }
                    return;
                }
                if let Some(track) = self.tracks.last_mut() {
                    track.summary.push(text.to_owned());
                }
            }
            Place::Level => self.level_paragraph(text, line),
            Place::Area(area) => self.add_expectation(&area, text),
            Place::Section => match self.sections.last_mut() {
                Some(section) => {
                    if !section.body.is_empty() {
                        section.body.push_str("\n\n");
                    }
                    section.body.push_str(text);
                }
                None => {
                    self.warn(
                        line,
                        "text after the levels with no heading of its own, kept as a section",
                    );
                    self.sections.push(Section {
                        title: String::from("Notes"),
                        body: text.to_owned(),
                        depth: 1,
                    });
                }
            },
            Place::Credits => self.credits.push(text.to_owned()),
            Place::Skip => {}
        }
    }

    fn level_paragraph(&mut self, text: &str, line: usize) {
        let is_navigation = text.starts_with("*Previous:")
            || text.starts_with("*Next:")
            || text.starts_with("*Generated by ");
        if is_navigation {
            return;
        }
        if let Some(rest) = text.strip_prefix("Also titled: ") {
            let aliases = rest.split("; ").map(str::to_owned).collect::<Vec<_>>();
            if let Some(level) = self.current_level() {
                level.aliases.extend(aliases);
            }
            return;
        }
        if let Some(rest) = text.strip_prefix("Expectations: the same as ") {
            let title = plain(rest.trim_end_matches('.'));
            if let Some(level) = self.current_level() {
                level.shares_title = Some(title);
            }
            return;
        }
        let whole_bold = text.starts_with("**")
            && text.ends_with("**")
            && text[2..text.len() - 2].find("**").is_none();
        let Some(level) = self.current_level() else {
            self.warn(line, "text before any level, kept in the summary");
            self.summary.push(text.to_owned());
            return;
        };
        if whole_bold && level.headline.is_none() && level.description.is_empty() {
            level.headline = Some(text[2..text.len() - 2].to_owned());
        } else {
            level.description.push(text.to_owned());
        }
    }

    fn key_value(&mut self, key: &str, value: &str, line: usize) {
        let lower = key.to_lowercase();
        if !matches!(self.place, Place::Level | Place::Area(_)) || self.current_level().is_none() {
            let text = format!("**{key}:** {value}");
            self.prose(&text, line);
            return;
        }
        // A handbook's facts line: `**Code:** IC 3 · **Grade:** Band 4 · **Experience:** 5+`.
        let mut pairs = vec![(lower.clone(), value.to_owned())];
        if value.contains(" · **") {
            pairs.clear();
            let joined = format!("**{key}:** {value}");
            for part in joined.split(" · ") {
                if let Some(rest) = part.strip_prefix("**") {
                    if let Some((k, v)) = rest.split_once("**") {
                        pairs.push((
                            k.trim_end_matches(':').to_lowercase(),
                            v.trim_start_matches(':').trim().to_owned(),
                        ));
                    }
                }
            }
        }
        for (key_lower, value) in pairs {
            let level = self.current_level().expect("checked above");
            match key_lower.as_str() {
                "code" => level.code = Some(value),
                "grade" => level.grade_name = Some(value),
                "experience" => level.experience = Some(value),
                "level" => level.rank_text = Some(value),
                "title" => level.title = value,
                "required title" | "requires" => level.requires_title = Some(plain(&value)),
                k if EQUIVALENT_KEYS.contains(&k) => {
                    let value = plain(&value);
                    let none = matches!(
                        value.to_lowercase().trim_matches(|c| c == '_' || c == '*'),
                        "n/a" | "none" | "-" | ""
                    );
                    if !none {
                        level
                            .equivalents
                            .extend(value.split(", ").map(|part| part.trim().to_owned()));
                    }
                }
                _ => {
                    // `**Area:** text`: an expectation under that area.
                    let area = key.trim().to_owned();
                    self.add_expectation(&area, &value);
                    self.place = Place::Level;
                }
            }
        }
    }

    fn list(&mut self, items: &[Item], line: usize) {
        // Tracks of positions: `* **Track**` with nested `[*Title (Code):*](link) **Headline** text`.
        let positions = items.len() >= 2
            && items
                .iter()
                .all(|item| is_bold_label(&item.text) && !item.children.is_empty());
        if positions {
            for item in items {
                self.positions(item, line);
            }
            return;
        }
        let all_links = items
            .iter()
            .all(|item| item.text.starts_with('[') && item.children.is_empty());
        if self.place == Place::Summary
            && self.tracks.is_empty()
            && all_links
            && self.track_links.is_none()
        {
            let links = items
                .iter()
                .filter_map(|item| first_link(&item.text))
                .collect();
            let text = items
                .iter()
                .map(|item| list_item_markdown(item, 0))
                .collect::<Vec<_>>()
                .join("\n");
            self.track_links = Some((links, text));
            return;
        }
        match self.place.clone() {
            Place::Area(area) => {
                for item in items {
                    self.add_expectation(&area, &item.text);
                    for child in &item.children {
                        self.add_expectation(&area, &child.text);
                    }
                }
            }
            Place::Level if items.iter().all(|item| bold_key(&item.text).is_some()) => {
                for item in items {
                    let (key, value) = bold_key(&item.text).expect("checked");
                    self.key_value(&key, &value, line);
                }
            }
            Place::TrackIntro
                if items.iter().all(|item| {
                    item.text.starts_with('[')
                        && link_target(&item.text).is_some_and(|t| t.starts_with('#'))
                }) =>
            {
                // A handbook's list of the track's levels: navigation, not content.
            }
            _ => {
                let text = items
                    .iter()
                    .map(|item| list_item_markdown(item, 0))
                    .collect::<Vec<_>>()
                    .join("\n");
                self.prose(&text, line);
            }
        }
    }

    fn positions(&mut self, item: &Item, line: usize) {
        let name = plain(&item.text);
        self.tracks.push(TrackDraft {
            name,
            ..TrackDraft::default()
        });
        for child in &item.children {
            let Some((label, url)) = first_link(&child.text) else {
                self.warn(
                    line,
                    format!(
                        "a position without a link, kept as its text: {}",
                        child.text
                    ),
                );
                self.tracks
                    .last_mut()
                    .expect("pushed")
                    .levels
                    .push(LevelDraft {
                        title: plain(&child.text),
                        line,
                        ..LevelDraft::default()
                    });
                continue;
            };
            let label = label.trim().trim_end_matches(':').trim().to_owned();
            let (title, code) = match label.rsplit_once(" (") {
                Some((title, code)) if code.ends_with(')') => (
                    title.to_owned(),
                    Some(code.trim_end_matches(')').to_owned()),
                ),
                _ => (label, None),
            };
            // After the link: `**Headline** description`.
            let after_link = child
                .text
                .split_once(&format!("]({url})"))
                .map_or("", |(_, rest)| rest)
                .trim();
            let (headline, description) = match after_link
                .strip_prefix("**")
                .and_then(|rest| rest.split_once("**"))
            {
                Some((headline, rest)) => (
                    Some(headline.to_owned()),
                    rest.trim_start_matches(',').trim().to_owned(),
                ),
                None => (None, after_link.to_owned()),
            };
            self.tracks
                .last_mut()
                .expect("pushed")
                .levels
                .push(LevelDraft {
                    title,
                    code,
                    headline,
                    description: if description.is_empty() {
                        Vec::new()
                    } else {
                        vec![description]
                    },
                    link: Some(url),
                    line,
                    ..LevelDraft::default()
                });
        }
        self.place = Place::Section;
    }

    fn heading(&mut self, depth: u8, text: &str, line: usize) {
        let is_credits = matches!(
            text.to_lowercase().as_str(),
            "credits" | "acknowledgements" | "acknowledgments"
        );
        if is_credits {
            self.place = Place::Credits;
            return;
        }
        if Some(depth) == self.area_depth
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
        if Some(depth) == self.level_depth {
            self.start_level(text, line);
            return;
        }
        if Some(depth) == self.track_depth {
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
            title: text.to_owned(),
            body: String::new(),
            depth: depth.saturating_sub(1).clamp(1, 3),
        });
        self.place = Place::Section;
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

    fn table(&mut self, rows: &[Vec<Cell>], line: usize) {
        let nested = rows.iter().flatten().any(|cell| {
            cell.blocks
                .iter()
                .any(|b| matches!(b, Block::Heading { .. }))
                && cell
                    .blocks
                    .iter()
                    .any(|b| matches!(b, Block::List { .. } | Block::Paragraph { .. }))
        });
        if nested {
            self.level_rows(rows, line);
        } else if let Some(alignment) = alignment_table(rows) {
            self.alignment = Some(alignment);
        } else {
            self.grid(rows, line);
        }
    }

    /// The heading just before a table of levels names the table's track, not a section.
    fn pending_heading_becomes_track(&mut self) {
        if let Some((name, _, _)) = self.pending_heading.take() {
            let empty_section = self
                .sections
                .last()
                .is_some_and(|section| section.title == name && section.body.is_empty());
            if empty_section {
                self.sections.pop();
            }
            self.tracks.push(TrackDraft {
                name,
                ..TrackDraft::default()
            });
        }
    }

    /// A table with a level per row: `Level`/`Title`/`Experience` labels with values, and area
    /// headings with bullets (the Persado tables).
    fn level_rows(&mut self, rows: &[Vec<Cell>], line: usize) {
        self.pending_heading_becomes_track();
        self.ensure_track();
        for row in rows {
            if row.iter().all(|cell| cell.header) {
                continue;
            }
            let mut level = LevelDraft {
                line,
                ..LevelDraft::default()
            };
            for cell in row {
                let mut label: Option<String> = None;
                for block in &cell.blocks {
                    match block {
                        Block::Heading { text, .. } => label = Some(text.clone()),
                        Block::Paragraph { text, .. } => {
                            match label.as_deref().map(str::to_lowercase).as_deref() {
                                Some("level") => level.rank_text = Some(plain(text)),
                                Some("title") => level.title = plain(text),
                                Some("experience") => level.experience = Some(plain(text)),
                                Some("code") => level.code = Some(plain(text)),
                                Some(other) => {
                                    let area = label.clone().unwrap_or_else(|| other.to_owned());
                                    let area = self.area_name(&area);
                                    level
                                        .expectations
                                        .entry(area)
                                        .or_default()
                                        .push(text.clone());
                                }
                                None => level.description.push(text.clone()),
                            }
                        }
                        Block::List { items, .. } => {
                            let area = label
                                .clone()
                                .unwrap_or_else(|| String::from("Expectations"));
                            let area = self.area_name(&area);
                            let entry = level.expectations.entry(area).or_default();
                            entry.extend(items.iter().map(|item| item.text.trim().to_owned()));
                        }
                        _ => {}
                    }
                }
            }
            if level.title.is_empty() && level.expectations.is_empty() {
                continue;
            }
            self.tracks.last_mut().expect("ensured").levels.push(level);
        }
        self.place = Place::Section;
    }

    /// A plain grid: levels as columns and areas as rows, or the other way round.
    fn grid(&mut self, rows: &[Vec<Cell>], line: usize) {
        if rows.len() < 2 || rows[0].len() < 2 {
            let text = rows
                .iter()
                .map(|row| {
                    row.iter()
                        .map(|cell| cell.text.clone())
                        .collect::<Vec<_>>()
                        .join(" | ")
                })
                .collect::<Vec<_>>()
                .join("\n");
            self.warn(line, "a table that holds no levels, kept as prose");
            self.prose(&text, line);
            return;
        }
        let corner = plain(&rows[0][0].text).to_lowercase();
        let rows_are_levels = ["level", "title", "role", "position", "grade"]
            .iter()
            .any(|word| corner.contains(word));
        self.pending_heading_becomes_track();
        self.ensure_track();
        let header: Vec<String> = rows[0].iter().map(|cell| plain(&cell.text)).collect();
        let cell_items = |cell: &Cell| -> Vec<String> {
            let listed: Vec<String> = cell
                .blocks
                .iter()
                .flat_map(|block| match block {
                    Block::List { items, .. } => {
                        items.iter().map(|item| item.text.clone()).collect()
                    }
                    Block::Paragraph { text, .. } => vec![text.clone()],
                    _ => Vec::new(),
                })
                .collect();
            if !listed.is_empty() {
                return listed;
            }
            cell.text
                .split("<br>")
                .flat_map(|part| part.split("<br/>"))
                .map(|part| part.trim().to_owned())
                .filter(|part| !part.is_empty())
                .collect()
        };
        if rows_are_levels {
            for row in &rows[1..] {
                let mut level = LevelDraft {
                    title: plain(&row[0].text),
                    line,
                    ..LevelDraft::default()
                };
                for (column, cell) in row.iter().enumerate().skip(1) {
                    let area = self.area_name(&header[column]);
                    let items = cell_items(cell);
                    if !items.is_empty() {
                        level.expectations.entry(area).or_default().extend(items);
                    }
                }
                self.tracks.last_mut().expect("ensured").levels.push(level);
            }
        } else {
            let first = self.tracks.last().expect("ensured").levels.len();
            for title in &header[1..] {
                self.tracks
                    .last_mut()
                    .expect("ensured")
                    .levels
                    .push(LevelDraft {
                        title: title.clone(),
                        line,
                        ..LevelDraft::default()
                    });
            }
            for row in &rows[1..] {
                let area = self.area_name(&plain(&row[0].text));
                for (column, cell) in row.iter().enumerate().skip(1) {
                    let items = cell_items(cell);
                    if items.is_empty() {
                        continue;
                    }
                    let track = self.tracks.last_mut().expect("ensured");
                    if let Some(level) = track.levels.get_mut(first + column - 1) {
                        level
                            .expectations
                            .entry(area.clone())
                            .or_default()
                            .extend(items);
                    }
                }
            }
        }
        self.place = Place::Section;
    }

    pub fn finish(mut self) -> Result<Imported, Vec<Diagnostic>> {
        self.apply_alignment();
        self.apply_track_links();
        // Drop empty group levels left at the end of a track.
        for track in &mut self.tracks {
            while track.levels.last().is_some_and(LevelDraft::is_empty) && track.levels.len() > 1 {
                let dropped = track.levels.pop().expect("checked");
                self.warnings.push(
                    Diagnostic::warning(
                        "import",
                        format!(
                            "heading `{}` has no content; it was left out",
                            dropped.title
                        ),
                    )
                    .in_file(&self.path)
                    .at(Some((dropped.line.max(1), 1))),
                );
            }
        }
        self.tracks.retain(|track| !track.levels.is_empty());
        if self.tracks.is_empty() {
            return Err(vec![Diagnostic::error("import-no-levels", "no tracks or levels found in this document")
                .in_file(&self.path)
                .with_hint("headings for tracks and levels, a table of levels, or a list of positions are needed")]);
        }
        let ladder = self.build_ladder();
        Ok(Imported {
            ladder,
            warnings: self.warnings,
        })
    }

    /// Links to the tracks' own pages: a track named like the link text (`X` for `X Path`)
    /// gets the link and that name as an alias. A list that names no track stays in the summary.
    fn apply_track_links(&mut self) {
        let Some((links, text)) = self.track_links.take() else {
            return;
        };
        let mut matched = 0;
        for (label, url) in &links {
            let track = self.tracks.iter_mut().find(|track| {
                label == &track.name
                    || label.strip_suffix(" Path").or(label.strip_suffix(" Track"))
                        == Some(track.name.as_str())
            });
            if let Some(track) = track {
                track.link = Some(url.clone());
                if label != &track.name && !track.aliases.contains(label) {
                    track.aliases.push(label.clone());
                }
                matched += 1;
            }
        }
        if matched < links.len() {
            self.summary.push(text);
        }
    }

    /// Applies a summary table: titles per column, and grades or equivalents from the columns.
    fn apply_alignment(&mut self) {
        let Some(alignment) = self.alignment.take() else {
            return;
        };
        let mut columns_of: Vec<Vec<Option<usize>>> = Vec::new();
        for (row_index, (_, cells)) in alignment.rows.iter().enumerate() {
            let Some(track) = self.tracks.get_mut(row_index) else {
                break;
            };
            // Split rows that stand for several ranks ("3/4") into one level per rank.
            let mut expanded: Vec<LevelDraft> = Vec::new();
            for level in track.levels.drain(..) {
                let ranks: Vec<String> = level
                    .rank_text
                    .as_deref()
                    .unwrap_or("")
                    .split('/')
                    .map(|r| r.trim().to_owned())
                    .collect();
                if ranks.len() > 1 {
                    let titles: Vec<String> = level.title.split(" / ").map(str::to_owned).collect();
                    let first_title = titles.first().cloned().unwrap_or_default();
                    for (index, rank) in ranks.iter().enumerate() {
                        let mut part = level.clone();
                        part.rank_text = Some(rank.clone());
                        part.aliases = vec![level.title.clone()];
                        part.title = titles
                            .get(index)
                            .cloned()
                            .unwrap_or_else(|| level.title.clone());
                        if index > 0 {
                            part.expectations.clear();
                            part.shares_title = Some(first_title.clone());
                        }
                        expanded.push(part);
                    }
                } else {
                    expanded.push(level);
                }
            }
            track.levels = expanded;
            let mut columns = vec![None; track.levels.len()];
            for (column, cell) in cells.iter().enumerate() {
                let Some((rank, title)) = cell else { continue };
                if let Some(index) = track
                    .levels
                    .iter()
                    .position(|level| level.rank_text.as_deref() == Some(rank.as_str()))
                {
                    let level = &mut track.levels[index];
                    if level.title != *title {
                        if !level.aliases.contains(&level.title) && !level.title.is_empty() {
                            level.aliases.insert(0, level.title.clone());
                        }
                        level.aliases.retain(|alias| alias != title);
                        level.title = title.clone();
                    }
                    columns[index] = Some(column);
                }
            }
            if let Some(label) = alignment
                .rows
                .get(row_index)
                .map(|(label, _)| label.clone())
            {
                if label != track.name && !track.aliases.contains(&label) && !label.is_empty() {
                    track.aliases.push(label);
                }
            }
            columns_of.push(columns);
        }
        // Shared expectations name the first title of the split row.
        if let Some((label, grades)) = &alignment.grades {
            for (track, columns) in self.tracks.iter_mut().zip(&columns_of) {
                for (level, column) in track.levels.iter_mut().zip(columns) {
                    if let Some(grade) = column.and_then(|c| grades.get(c).cloned().flatten()) {
                        level.grade_name = Some(format!("{label} {grade}"));
                    }
                }
            }
        } else if self.tracks.len() > 1 {
            // Equivalence by column: each later track's level and the first track's level in
            // the same column name each other.
            let first: Vec<(Option<usize>, String)> = self.tracks[0]
                .levels
                .iter()
                .zip(&columns_of[0])
                .map(|(level, column)| (*column, level.title.clone()))
                .collect();
            let mut back: Vec<(usize, String)> = Vec::new();
            for (track, columns) in self.tracks.iter_mut().zip(&columns_of).skip(1) {
                for (level, column) in track.levels.iter_mut().zip(columns) {
                    if let Some((index, (_, title))) = first
                        .iter()
                        .enumerate()
                        .find(|(_, (c, _))| c.is_some() && c == column)
                    {
                        level.equivalents.push(title.clone());
                        back.push((index, level.title.clone()));
                    }
                }
            }
            for (index, title) in back {
                self.tracks[0].levels[index].equivalents.push(title);
            }
        }
    }

    fn build_ladder(&mut self) -> Ladder {
        let metadata = &self.metadata;
        let title = self
            .title
            .clone()
            .or_else(|| metadata.get("title").cloned())
            .or_else(|| self.default_title.clone())
            .or_else(|| {
                self.path
                    .file_stem()
                    .map(|stem| stem.to_string_lossy().into_owned())
            })
            .unwrap_or_else(|| String::from("Ladder"));
        let mut summary = self.summary.clone();
        if summary.is_empty() {
            if let Some(excerpt) = metadata
                .get("excerpt")
                .or_else(|| metadata.get("description"))
            {
                summary.push(excerpt.clone());
            }
        }
        let areas: Vec<Area> = {
            let mut used_ids: Vec<String> = Vec::new();
            self.areas
                .iter()
                .map(|(name, aliases)| Area {
                    id: unique(slug(name), &mut used_ids),
                    name: name.clone(),
                    description: None,
                    aliases: aliases.clone(),
                })
                .collect()
        };
        let area_id = |name: &str| -> String {
            areas
                .iter()
                .find(|area| area.name == name)
                .map_or_else(|| slug(name), |area| area.id.clone())
        };
        // Grades: from the drafts' grade names, in order of first use by rank.
        let mut grade_names: Vec<String> = Vec::new();
        for (grade, titles) in &self.grade_rows {
            for track in &mut self.tracks {
                for level in &mut track.levels {
                    if titles.contains(&level.title) && level.grade_name.is_none() {
                        level.grade_name = Some(grade.clone());
                    }
                }
            }
            if !grade_names.contains(grade) {
                grade_names.push(grade.clone());
            }
        }
        let mut ordered: Vec<String> = self
            .tracks
            .iter()
            .flat_map(|track| {
                track
                    .levels
                    .iter()
                    .filter_map(|level| level.grade_name.clone())
            })
            .collect();
        ordered.sort_by_key(|name| natural_key(name));
        for name in ordered {
            if !grade_names.contains(&name) {
                grade_names.push(name);
            }
        }
        if self.grade_rows.is_empty() {
            grade_names.sort_by_key(|name| natural_key(name));
        }
        let grades: Vec<Grade> = {
            let mut used: Vec<String> = Vec::new();
            grade_names
                .iter()
                .map(|name| {
                    let number = name
                        .rsplit(' ')
                        .next()
                        .filter(|last| last.chars().all(|c| c.is_ascii_digit()));
                    let id = number.map(str::to_owned).unwrap_or_else(|| slug(name));
                    Grade {
                        id: unique(id, &mut used),
                        name: name.clone(),
                    }
                })
                .collect()
        };
        let mut used_level_ids: Vec<String> = Vec::new();
        let mut used_track_ids: Vec<String> = Vec::new();
        let mut title_to_id: Vec<(String, String)> = Vec::new();
        let mut tracks: Vec<Track> = self
            .tracks
            .iter()
            .map(|draft| {
                let lower = draft.name.to_lowercase();
                let kind = if lower.contains("manag") {
                    TrackKind::Manager
                } else if lower.contains("role") {
                    TrackKind::Role
                } else {
                    TrackKind::Ic
                };
                let levels: Vec<Level> = draft
                    .levels
                    .iter()
                    .enumerate()
                    .map(|(index, level)| {
                        let id = unique(slug(&level.title), &mut used_level_ids);
                        title_to_id.push((level.title.clone(), id.clone()));
                        Level {
                            id,
                            rank: (kind != TrackKind::Role).then_some(index as u32 + 1),
                            title: level.title.clone(),
                            aliases: level
                                .aliases
                                .iter()
                                .filter(|alias| **alias != level.title)
                                .cloned()
                                .collect(),
                            code: level.code.clone(),
                            grade: level
                                .grade_name
                                .as_ref()
                                .and_then(|name| grades.iter().find(|g| &g.name == name))
                                .map(|g| g.id.clone()),
                            experience: level.experience.as_deref().map(Experience::parse),
                            headline: level.headline.clone(),
                            description: (!level.description.is_empty())
                                .then(|| level.description.join("\n\n")),
                            expectations: level
                                .expectations
                                .iter()
                                .map(|(area, items)| (area_id(area), items.clone()))
                                .collect(),
                            equivalents: level.equivalents.clone(),
                            requires: None,
                            shares_expectations_with: None,
                            link: level.link.clone(),
                        }
                    })
                    .collect();
                Track {
                    id: unique(slug(&draft.name), &mut used_track_ids),
                    name: draft.name.clone(),
                    kind,
                    aliases: draft.aliases.clone(),
                    summary: (!draft.summary.is_empty()).then(|| draft.summary.join("\n\n")),
                    link: draft.link.clone(),
                    areas: Vec::new(),
                    levels,
                }
            })
            .collect();
        // References by title become ids.
        let id_of = |title: &str| -> Option<String> {
            title_to_id
                .iter()
                .find(|(t, _)| t.eq_ignore_ascii_case(title.trim()))
                .map(|(_, id)| id.clone())
        };
        for (track, draft) in tracks.iter_mut().zip(&self.tracks) {
            for (level, level_draft) in track.levels.iter_mut().zip(&draft.levels) {
                level.requires = level_draft
                    .requires_title
                    .as_deref()
                    .map(|title| id_of(title).unwrap_or_else(|| slug(title)));
                level.shares_expectations_with =
                    level_draft.shares_title.as_deref().and_then(id_of);
            }
            track.areas = Vec::new();
        }
        let mut sections = self.sections.clone();
        sections.retain(|section| !section.body.trim().is_empty() || section.depth < 3);
        sections.retain(|section| {
            !(section.body.trim().is_empty() && tracks.iter().any(|t| t.name == section.title))
        });
        Ladder {
            id: String::new(),
            title,
            organization: metadata
                .get("organization")
                .or_else(|| metadata.get("company"))
                .cloned(),
            version: metadata.get("version").cloned(),
            effective_date: metadata
                .get("date")
                .and_then(|date| crate::date::Date::parse(date)),
            language: metadata
                .get("lang")
                .or_else(|| metadata.get("language"))
                .cloned(),
            authors: metadata
                .get("author")
                .or_else(|| metadata.get("authors"))
                .map(|authors| authors.split(", ").map(str::to_owned).collect())
                .unwrap_or_default(),
            summary: (!summary.is_empty()).then(|| summary.join("\n\n")),
            cumulative: self.cumulative,
            areas,
            grades,
            tracks,
            sections,
            credits: (!self.credits.is_empty()).then(|| self.credits.join("\n\n")),
            allow_lints: Vec::new(),
        }
    }
}

fn unique(id: String, used: &mut Vec<String>) -> String {
    let mut candidate = id.clone();
    let mut counter = 2;
    while used.contains(&candidate) {
        candidate = format!("{id}-{counter}");
        counter += 1;
    }
    used.push(candidate.clone());
    candidate
}

/// Sorts "Band 10" after "Band 9".
fn natural_key(name: &str) -> (String, u64) {
    let digits: String = name
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let prefix = name[..name.len() - digits.len()].to_owned();
    (prefix, digits.parse().unwrap_or(0))
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

/// The level titles linked in a cell (a handbook's overview table).
fn cell_links(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    fn walk(inlines: &[markup::Inline], out: &mut Vec<String>) {
        for inline in inlines {
            match inline {
                markup::Inline::Link { children, .. } => out.push(markup::plain(children)),
                markup::Inline::Emph { children } | markup::Inline::Strong { children } => {
                    walk(children, out)
                }
                _ => {}
            }
        }
    }
    walk(&markup::inline(text), &mut out);
    out
}

/// A table whose first column labels tracks and whose cells read `N Title` (or are empty),
/// optionally ending with a row of grade numbers.
fn alignment_table(rows: &[Vec<Cell>]) -> Option<Alignment> {
    if rows.len() < 2 {
        return None;
    }
    let mut track_rows = Vec::new();
    let mut grades = None;
    for row in rows {
        let label = plain(&row.first()?.text);
        let cells: Vec<String> = row[1..].iter().map(|cell| plain(&cell.text)).collect();
        if !cells.is_empty()
            && cells
                .iter()
                .all(|cell| cell.is_empty() || cell.chars().all(|c| c.is_ascii_digit()))
            && cells.iter().any(|c| !c.is_empty())
        {
            grades = Some((
                label,
                cells
                    .into_iter()
                    .map(|c| (!c.is_empty()).then_some(c))
                    .collect(),
            ));
            continue;
        }
        let mut parsed = Vec::new();
        for cell in cells {
            if cell.is_empty() {
                parsed.push(None);
                continue;
            }
            let (rank, title) = cell.split_once(' ')?;
            if !rank.chars().all(|c| c.is_ascii_digit() || c == '/') || title.trim().is_empty() {
                return None;
            }
            parsed.push(Some((rank.to_owned(), title.trim().to_owned())));
        }
        if parsed.iter().all(Option::is_none) {
            return None;
        }
        track_rows.push((label, parsed));
    }
    (!track_rows.is_empty()).then_some(Alignment {
        rows: track_rows,
        grades,
    })
}
