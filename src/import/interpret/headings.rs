//! Headings: which name tracks, levels, areas or sections under the reading being tried, and
//! the handbook README's own headings.

use super::own;
use super::*;

impl Interpreter {
    pub(super) fn walk_readme(&mut self, blocks: &[Block]) {
        let mut first_heading_seen = false;
        let mut after_title = true;
        for block in blocks {
            match block {
                Block::Heading { level: 1, .. } if !first_heading_seen => first_heading_seen = true,
                Block::Heading { level, text, line } => {
                    after_title = false;
                    let skipped =
                        own::label("overview", text).or_else(|| own::label("tracks", text));
                    let credits = own::label("credits", text);
                    match (skipped, credits) {
                        (Some(language), _) => {
                            self.heard(language);
                            self.place = Place::Skip;
                        }
                        (None, Some(language)) => {
                            self.heard(language);
                            self.place = Place::Credits;
                        }
                        (None, None) => {
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
    pub(super) fn facts_line(&mut self, text: &str) {
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

    pub(super) fn start_level(&mut self, title: &str, line: usize) {
        // On a page about one level, the other headings of its depth are parts of it: each
        // names the area of what it lists ("Core Responsibilities").
        if self
            .one_level_page
            .as_ref()
            .is_some_and(|level| level != title)
            && self.current_level().is_some()
        {
            self.place = Place::Area(self.area_name(title));
            if let Some(level) = self.current_level() {
                level.heading_areas = true;
            }
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
        let above = self
            .heading_trail
            .iter()
            .rev()
            .nth(1)
            .map(|(_, above)| above.clone());
        self.push_level(LevelDraft {
            title: title.to_owned(),
            line,
            // This tool's handbook has no group headings: each of its level headings is one;
            // nor does a list of roles.
            definite: self.handbook || self.is_listed_role(title),
            above,
            ..LevelDraft::default()
        });
        self.place = Place::Level;
    }

    pub(super) fn heading(&mut self, depth: u8, text: &str, line: usize) {
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
        // Inside a level, a heading that summarizes it (`Overview`, `tl;dr: ...`) opens its
        // description, not an area.
        let inside_level = self.current_level().is_some()
            && matches!(self.place, Place::Level | Place::Area(_) | Place::Skip)
            && (self.page_level || self.level_depth.is_some_and(|levels| depth > levels));
        if let Some(summary) = level_summary_heading(text).filter(|_| inside_level) {
            if let (Some(summary), Some(level)) = (summary, self.current_level()) {
                if level.headline.is_none() {
                    level.headline = Some(summary);
                } else {
                    level.description.push(summary);
                }
            }
            self.place = Place::Level;
            return;
        }
        if self.page_level {
            self.page_heading(depth, text);
            return;
        }
        // Areas are the headings of their depth; a stray heading between the levels' and the
        // areas' depths inside a level is an area too.
        // (This tool's handbook folds what changed from the level before under "Changes from
        // {level}", a `<details>` summary that reads as a heading at any depth: it is derived
        // from the levels, never read back.)
        if matches!(self.place, Place::Level | Place::Area(_) | Place::Skip)
            && self.current_level().is_some()
        {
            if let Some((_, language)) = own::unfilled("changes_heading", text) {
                self.heard(language);
                self.place = Place::Skip;
                return;
            }
        }
        let area_heading = Some(depth) == self.area_depth
            || self
                .area_depth
                .zip(self.level_depth)
                .is_some_and(|(areas, levels)| depth > levels && depth < areas);
        if area_heading
            && matches!(self.place, Place::Level | Place::Area(_) | Place::Skip)
            && self.current_level().is_some()
        {
            // ("Senior Site Reliability Engineer Responsibilities" under that level: its
            // responsibilities, the area every level has.)
            let title = self.current_level().map(|level| level.title.clone());
            let stripped = title
                .as_deref()
                .and_then(|title| without_level_title(text, title));
            let text = stripped.as_deref().unwrap_or(text);
            if let Some((_, language)) = own::unfilled("changes_heading", text) {
                self.heard(language);
                self.place = Place::Skip;
            } else if likeness::names_a_level_fact(text) {
                // (What the level is paid or graded says what it is, not what it expects.)
                self.place = Place::Level;
            } else {
                self.place = Place::Area(text.to_owned());
                self.area_name(text);
                if let Some(level) = self.current_level() {
                    level.heading_areas = true;
                }
            }
            return;
        }
        // A list of positions gives the whole ladder's shape: headings after it are prose.
        let positions_listed = self.tracks.iter().any(|track| track.from_positions);
        let prose = self
            .prose_headings
            .iter()
            .any(|(title, at)| title == text && *at == line);
        // (A heading over the people who hold the roles, "成员名单", is no level of its own.)
        let roster = text::is_roster_heading(text);
        if Some(depth) == self.level_depth && !positions_listed && !prose && !roster {
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
        // The way to reach a level, written elsewhere and moved into it ("## Cómo convertirse
        // en mantenedor" into "### Mantenedor/a"), is one of its areas, though the levels have
        // no area headings.
        let moved_here = self.joined_headings.contains(&line)
            && self.level_depth.is_some_and(|levels| depth > levels)
            && matches!(self.place, Place::Level | Place::Area(_))
            && self.current_level().is_some();
        if moved_here {
            self.place = Place::Area(text.to_owned());
            self.area_name(text);
            return;
        }
        // The way to reach the level just read, written right after it at its depth
        // ("### Core Member" then "### Promotion: Becoming a Core Member"), is one of its
        // areas, as it would be one heading deeper.
        // (Not the way out of it: "Inactive committers" after "Committer" is process.)
        let reaches_this_level = prose
            && Some(depth) == self.level_depth
            && likeness::is_becoming_heading(text)
            && !likeness::is_leaving_heading(text)
            && matches!(self.place, Place::Level | Place::Area(_))
            && self
                .current_level()
                .is_some_and(|level| names_the_role(text, &level.title));
        if reaches_this_level {
            self.place = Place::Area(text.to_owned());
            self.area_name(text);
            return;
        }
        // Any other heading opens a prose section; it may yet turn out to name a table's track.
        if self.level_depth.is_some_and(|levels| depth > levels) {
            if let Some(level) = self.current_level() {
                level.sub_headings.push(text.to_owned());
            }
        }
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
    pub(super) fn page_heading(&mut self, depth: u8, text: &str) {
        // The heading that titles the level is not an area.
        let is_title = self
            .current_level()
            .is_some_and(|level| level.title == text && level.expectations.is_empty());
        if is_title {
            self.place = Place::Level;
            return;
        }
        // The level's step on the axis above (`#### 팀` under `### 영향 범위`): said about the
        // level; what follows is still the axis's.
        if let (Some(steps), Place::Area(axis)) = (self.steps_depth, self.place.clone()) {
            if steps == depth {
                self.describe_level(&format!("{axis}: {text}"));
                return;
            }
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
        if let Some(level) = self.current_level() {
            level.heading_areas = true;
        }
        self.place = Place::Area(area);
        self.area_heading_depth = Some(depth);
    }
}

/// An area heading without the level's title it opens with ("Senior Site Reliability
/// Engineer Requirements" under "Senior Site Reliability Engineer"): `None` when it does not
/// open so, or is nothing else.
fn without_level_title(heading: &str, title: &str) -> Option<String> {
    /// The possessive that may join a title to what it has ("Reviewer 的权利", "レビュアーの責任").
    const POSSESSIVES: [char; 4] = ['的', 'の', '의', '之'];
    let head = heading.get(..title.len())?;
    let after = &heading[title.len()..];
    let separated = after.starts_with([' ', ':']) || after.starts_with(POSSESSIVES);
    let rest = after
        .trim_start_matches([' ', ':', '–', '-', '—'])
        .trim_start_matches(POSSESSIVES)
        .trim();
    if !head.eq_ignore_ascii_case(title) || !separated || rest.is_empty() {
        return None;
    }
    // (What the heading said after the title, as an area's name: "Responsibilities".)
    let mut chars = rest.chars();
    let first = chars.next()?;
    Some(first.to_uppercase().chain(chars).collect())
}

/// Whether `heading` names the role titled `title` ("Becoming a Core Member" names "Core
/// Member", "How to become maintainers" names "Maintainer"), as a whole word or words.
fn names_the_role(heading: &str, title: &str) -> bool {
    // Scripts written without spaces ("成为维护者" names "维护者"): inside it.
    let unspaced = |text: &str| text.chars().any(|c| c.is_alphabetic() && !c.is_ascii());
    if unspaced(title) && !title.contains(' ') {
        return plain(heading).contains(plain(title).trim());
    }
    let (heading, title) = (
        super::twins::title_words(heading),
        super::twins::title_words(title),
    );
    let singular = |word: &str| word.strip_suffix('s').unwrap_or(word).to_owned();
    !title.is_empty()
        && heading.windows(title.len()).any(|window| {
            window
                .iter()
                .zip(&title)
                .all(|(said, word)| said == word || singular(said) == singular(word))
        })
}

/// Whether a paragraph opens with "tl;dr" ("**tldr;** An Expert solves …", "TL;DR: …"): a
/// summary of what follows it.
pub(super) fn sums_up(text: &str) -> bool {
    let lower = plain(text).trim_start().to_lowercase();
    ["tl;dr", "tldr"].iter().any(|start| {
        lower
            .strip_prefix(start)
            .and_then(|rest| rest.chars().next())
            .is_some_and(|next| !next.is_alphanumeric())
    })
}

/// A heading that summarizes the level it is in: `Overview`, `Summary` (the text below it
/// describes the level), or `tl;dr: focuses on learning` (the heading is the summary).
fn level_summary_heading(text: &str) -> Option<Option<String>> {
    let text = text.trim();
    let tldr = text
        .get(..5)
        .filter(|start| start.eq_ignore_ascii_case("tl;dr"));
    if tldr.is_some() {
        let summary = text[5..].trim_start_matches([':', '-', '–', ' ']).trim();
        return Some((!summary.is_empty()).then(|| summary.to_owned()));
    }
    names_level_summary(text).then_some(None)
}
