//! Semantic checks of a loaded ladder: everything serde cannot know, such as whether a level's
//! grade exists. Every problem of a ladder is reported in one run, each at its place in the file.

use std::collections::{HashMap, HashSet};

use crate::diagnostic::{did_you_mean, Diagnostic};
use crate::load::source_map::Segment;
use crate::load::LoadedLadder;
use crate::model::{Ladder, Level, Track};
use crate::path;

/// All problems of one ladder, errors and warnings, in file order.
pub fn check(loaded: &LoadedLadder) -> Vec<Diagnostic> {
    let mut checker = Checker {
        loaded,
        ladder: &loaded.ladder,
        found: Vec::new(),
    };
    checker.ladder_fields();
    checker.areas_and_grades();
    checker.tracks();
    checker.level_references();
    checker.unused_areas();
    checker.text_lengths();
    let mut found = checker.found;
    found.extend(crate::lint::lint(loaded));
    found.sort_by_key(|diagnostic| diagnostic.position.unwrap_or((usize::MAX, 0)));
    found
}

/// More characters than one page of 10-point text holds (about 4,000).
pub const MAX_TEXT_CHARACTERS: usize = 4_000;

/// Problems that span files: two files that would write to the same output folder.
pub fn check_across(ladders: &[&LoadedLadder]) -> Vec<Diagnostic> {
    let mut first_by_id: HashMap<&str, &LoadedLadder> = HashMap::new();
    let mut found = Vec::new();
    for loaded in ladders {
        let id = loaded.ladder.id.as_str();
        match first_by_id.get(id) {
            Some(first) => found.push(
                loaded.locate_key(
                    Diagnostic::error(
                        "duplicate-ladder-id",
                        format!(
                            "ladder id `{id}` is already used by {}",
                            first.source.path.display()
                        ),
                    )
                    .with_hint("give one of them another `id:` or file name"),
                    &path!["id"],
                ),
            ),
            None => {
                first_by_id.insert(id, loaded);
            }
        }
    }
    found
}

/// Rewrites what the source may spell several ways into the one spelling exporters expect:
/// expectation keys that use an area's alias become the area's id. Run only on a ladder without
/// errors.
pub fn normalize(ladder: &mut Ladder) {
    let canonical: HashMap<String, String> = ladder
        .areas
        .iter()
        .flat_map(|area| {
            area.aliases
                .iter()
                .map(move |alias| (alias.clone(), area.id.clone()))
        })
        .collect();
    for track in &mut ladder.tracks {
        for level in &mut track.levels {
            if level
                .expectations
                .keys()
                .any(|key| canonical.contains_key(key))
            {
                level.expectations = std::mem::take(&mut level.expectations)
                    .into_iter()
                    .map(|(key, items)| (canonical.get(&key).cloned().unwrap_or(key), items))
                    .collect();
            }
        }
    }
}

struct Checker<'a> {
    loaded: &'a LoadedLadder,
    ladder: &'a Ladder,
    found: Vec<Diagnostic>,
}

impl<'a> Checker<'a> {
    fn report(&mut self, diagnostic: Diagnostic, at: Vec<Segment>) {
        self.found.push(self.loaded.locate(diagnostic, &at));
    }

    fn report_key(&mut self, diagnostic: Diagnostic, at: Vec<Segment>) {
        self.found.push(self.loaded.locate_key(diagnostic, &at));
    }

    fn ladder_fields(&mut self) {
        let ladder = self.ladder;
        if ladder.title.trim().is_empty() {
            self.report(
                Diagnostic::error("empty-title", "the ladder's title is empty"),
                path!["title"],
            );
        }
        if !is_safe_id(&ladder.id) {
            self.report(
                Diagnostic::error(
                    "bad-id",
                    format!("ladder id `{}` cannot be used as a folder name", ladder.id),
                )
                .with_hint(ID_HINT),
                path!["id"],
            );
        }
        if ladder.tracks.is_empty() {
            self.report_key(
                Diagnostic::error("no-tracks", "the ladder has no tracks")
                    .with_hint("add at least one track with its levels under `tracks:`"),
                path!["tracks"],
            );
        }
        for (index, section) in ladder.sections.iter().enumerate() {
            if !(1..=3).contains(&section.depth) {
                self.report(
                    Diagnostic::error(
                        "bad-depth",
                        format!(
                            "section `{}` has depth {}; depth is 1, 2 or 3",
                            section.title, section.depth
                        ),
                    ),
                    path!["sections", index, "depth"],
                );
            }
        }
    }

    fn areas_and_grades(&mut self) {
        let ladder = self.ladder;
        let mut names: HashMap<&str, usize> = HashMap::new();
        for (index, area) in ladder.areas.iter().enumerate() {
            if let Some(first) = names.insert(&area.id, index) {
                self.duplicate("area", &area.id, path!["areas", index, "id"], first);
            }
            self.id_shape("area", &area.id, path!["areas", index, "id"]);
        }
        for (index, area) in ladder.areas.iter().enumerate() {
            for (alias_index, alias) in area.aliases.iter().enumerate() {
                if let Some(&other) = names.get(alias.as_str()) {
                    if other != index {
                        self.report(
                            Diagnostic::error(
                                "duplicate-alias",
                                format!(
                                    "alias `{alias}` of area `{}` already names area `{}`",
                                    area.id, ladder.areas[other].id
                                ),
                            )
                            .with_hint("an alias must name one area only"),
                            path!["areas", index, "aliases", alias_index],
                        );
                    }
                } else {
                    names.insert(alias, index);
                }
            }
        }
        let mut grades: HashMap<&str, usize> = HashMap::new();
        for (index, grade) in ladder.grades.iter().enumerate() {
            if let Some(first) = grades.insert(&grade.id, index) {
                self.duplicate("grade", &grade.id, path!["grades", index, "id"], first);
            }
        }
    }

    fn duplicate(&mut self, what: &str, id: &str, at: Vec<Segment>, first_index: usize) {
        self.report(
            Diagnostic::error(
                "duplicate-id",
                format!(
                    "{what} id `{id}` is used twice (first by {what} #{})",
                    first_index + 1
                ),
            )
            .with_hint(format!("every {what} needs its own id")),
            at,
        );
    }

    fn id_shape(&mut self, what: &str, id: &str, at: Vec<Segment>) {
        if !is_safe_id(id) {
            self.report(
                Diagnostic::error("bad-id", format!("{what} id `{id}` is not a usable id"))
                    .with_hint(ID_HINT),
                at,
            );
        }
    }

    fn tracks(&mut self) {
        let ladder = self.ladder;
        let mut track_ids: HashMap<&str, usize> = HashMap::new();
        let mut level_ids: HashMap<&str, (usize, usize)> = HashMap::new();
        for (track_index, track) in ladder.tracks.iter().enumerate() {
            let track_path = path!["tracks", track_index];
            if let Some(first) = track_ids.insert(&track.id, track_index) {
                self.duplicate("track", &track.id, with(&track_path, ["id"]), first);
            }
            self.id_shape("track", &track.id, with(&track_path, ["id"]));
            if track.levels.is_empty() {
                self.report_key(
                    Diagnostic::error("empty-track", format!("track `{}` has no levels", track.id))
                        .with_hint("add its levels under `levels:`, or remove the track"),
                    with(&track_path, ["levels"]),
                );
            }
            for (area_index, area) in track.areas.iter().enumerate() {
                if ladder.area(area).is_none() {
                    self.unknown_area(area, path!["tracks", track_index, "areas", area_index]);
                }
            }
            let mut previous_rank: Option<u32> = None;
            for (level_index, level) in track.levels.iter().enumerate() {
                let level_path = path!["tracks", track_index, "levels", level_index];
                if let Some((first_track, first_level)) =
                    level_ids.insert(&level.id, (track_index, level_index))
                {
                    let first = &ladder.tracks[first_track];
                    self.report(
                        Diagnostic::error(
                            "duplicate-id",
                            format!(
                                "level id `{}` is already used by level #{} of track `{}`",
                                level.id,
                                first_level + 1,
                                first.id
                            ),
                        )
                        .with_hint("level ids are unique across the whole ladder; prefix them with the track, e.g. `ic-3`"),
                        with(&level_path, ["id"]),
                    );
                }
                self.id_shape("level", &level.id, with(&level_path, ["id"]));
                if level.title.trim().is_empty() {
                    self.report(
                        Diagnostic::error(
                            "empty-title",
                            format!("level `{}` has an empty title", level.id),
                        ),
                        with(&level_path, ["title"]),
                    );
                }
                if let Some(rank) = level.rank {
                    if let Some(previous) = previous_rank.filter(|&previous| rank <= previous) {
                        self.report(
                            Diagnostic::error(
                                "rank-order",
                                format!(
                                    "level `{}` has rank {rank}, not above the rank {previous} of the level before it",
                                    level.id
                                ),
                            )
                            .with_hint("list levels lowest first, with increasing ranks"),
                            with(&level_path, ["rank"]),
                        );
                    }
                    previous_rank = Some(rank);
                }
                self.grade(level, &level_path);
                self.expectations(track, level, &level_path);
            }
        }
    }

    fn grade(&mut self, level: &Level, level_path: &[Segment]) {
        let Some(grade) = &level.grade else { return };
        if self.ladder.grades.iter().any(|known| &known.id == grade) {
            return;
        }
        let hint = if self.ladder.grades.is_empty() {
            String::from("define the scale under `grades:` at the top of the ladder")
        } else {
            suggestion(
                grade,
                self.ladder.grades.iter().map(|known| known.id.as_str()),
                "grades",
            )
        };
        self.report(
            Diagnostic::error(
                "unknown-grade",
                format!(
                    "level `{}` has grade `{grade}`, which is not a grade of this ladder",
                    level.id
                ),
            )
            .with_hint(hint),
            with(level_path, ["grade"]),
        );
    }

    fn expectations(&mut self, track: &Track, level: &Level, level_path: &[Segment]) {
        if let Some(crate::model::Internal::Parts(parts)) = &level.internal {
            for area in parts.expectations.keys() {
                if self.ladder.area(area).is_none() {
                    let at = with(level_path, ["internal", "expectations", area.as_str()]);
                    self.unknown_area(area, at);
                }
            }
        }
        for (area, items) in &level.expectations {
            let area_path = with(level_path, ["expectations", area.as_str()]);
            match self.ladder.area(area) {
                None => self.unknown_area(area, area_path.clone()),
                Some(known) if !track.areas.is_empty() && !track.areas.contains(&known.id) => {
                    self.report_key(
                        Diagnostic::warning(
                            "area-not-in-track",
                            format!(
                                "level `{}` has expectations in area `{area}`, which track `{}` does not list",
                                level.id, track.id
                            ),
                        )
                        .with_hint(format!("add `{}` to the track's `areas:`", known.id)),
                        area_path.clone(),
                    );
                }
                Some(_) => {}
            }
            for (index, item) in items.iter().enumerate() {
                if item.text.trim().is_empty() {
                    let mut item_path = area_path.clone();
                    item_path.push(Segment::Index(index));
                    self.report(
                        Diagnostic::warning(
                            "empty-expectation",
                            format!("an expectation of level `{}` is empty", level.id),
                        )
                        .with_hint("remove the empty item"),
                        item_path,
                    );
                }
                for (example_index, example) in item.examples.iter().enumerate() {
                    if example.trim().is_empty() {
                        let mut example_path = area_path.clone();
                        example_path.extend([
                            Segment::Index(index),
                            Segment::Key(String::from("examples")),
                            Segment::Index(example_index),
                        ]);
                        self.report(
                            Diagnostic::warning(
                                "empty-expectation",
                                format!(
                                    "an example of `{}` (level `{}`) is empty",
                                    item.text, level.id
                                ),
                            )
                            .with_hint("remove the empty example"),
                            example_path,
                        );
                    }
                }
            }
        }
        let says_nothing = self.ladder.expectations_of(level).is_empty()
            && level.headline.is_none()
            && level.description.is_none();
        if says_nothing && level.shares_expectations_with.is_none() {
            self.report(
                Diagnostic::warning(
                    "empty-level",
                    format!(
                        "level `{}` has no expectations, headline or description",
                        level.id
                    ),
                )
                .with_hint("readers of the booklet and the offer letter will see only its title"),
                level_path.to_vec(),
            );
        }
    }

    fn unknown_area(&mut self, area: &str, at: Vec<Segment>) {
        let known = self.ladder.areas.iter().flat_map(|known| {
            std::iter::once(known.id.as_str()).chain(known.aliases.iter().map(String::as_str))
        });
        let hint = if self.ladder.areas.is_empty() {
            String::from("define it under `areas:` at the top of the ladder")
        } else {
            suggestion(area, known, "areas")
        };
        self.report_key(
            Diagnostic::error(
                "unknown-area",
                format!("`{area}` is not an area of this ladder"),
            )
            .with_hint(hint),
            at,
        );
    }

    /// `requires`, `shares_expectations_with` (errors) and `equivalents` (warnings).
    fn level_references(&mut self) {
        let ladder = self.ladder;
        let level_ids: Vec<&str> = ladder
            .levels()
            .map(|(_, level)| level.id.as_str())
            .collect();
        for (track_index, track) in ladder.tracks.iter().enumerate() {
            for (level_index, level) in track.levels.iter().enumerate() {
                let level_path = path!["tracks", track_index, "levels", level_index];
                if let Some(required) = &level.requires {
                    if ladder.level(required).is_none() {
                        self.report(
                            Diagnostic::error(
                                "unknown-level",
                                format!(
                                    "level `{}` requires `{required}`, which is not a level id of this ladder",
                                    level.id
                                ),
                            )
                            .with_hint(suggestion(required, level_ids.iter().copied(), "level ids")),
                            with(&level_path, ["requires"]),
                        );
                    }
                }
                if let Some(shared) = &level.shares_expectations_with {
                    self.shared_expectations(level, shared, &level_ids, &level_path);
                }
                for (index, equivalent) in level.equivalents.iter().enumerate() {
                    if ladder.resolve_level(equivalent).is_none() {
                        let titles: Vec<&str> = ladder
                            .levels()
                            .map(|(_, other)| other.title.as_str())
                            .collect();
                        self.report(
                            Diagnostic::warning(
                                "unknown-equivalent",
                                format!(
                                    "equivalent `{equivalent}` of level `{}` names no level of this ladder; it is kept as written",
                                    level.id
                                ),
                            )
                            .with_hint(title_suggestion(equivalent, titles.iter().copied())),
                            with(&level_path, ["equivalents"]).into_iter().chain([Segment::Index(index)]).collect(),
                        );
                    }
                }
            }
        }
    }

    fn shared_expectations(
        &mut self,
        level: &Level,
        shared: &str,
        level_ids: &[&str],
        level_path: &[Segment],
    ) {
        let at = with(level_path, ["shares_expectations_with"]);
        let problem = match self.ladder.level(shared) {
            None => Some((
                format!(
                    "level `{}` shares the expectations of `{shared}`, which is not a level id of this ladder",
                    level.id
                ),
                suggestion(shared, level_ids.iter().copied(), "level ids"),
            )),
            Some(target) if target.id == level.id => Some((
                format!("level `{}` shares the expectations of itself", level.id),
                String::from("name the other level whose expectations apply"),
            )),
            Some(target) if target.shares_expectations_with.is_some() => Some((
                format!(
                    "level `{}` shares the expectations of `{shared}`, which itself shares another level's",
                    level.id
                ),
                String::from("point both levels at the level that holds the expectations"),
            )),
            Some(_) if !level.expectations.is_empty() => Some((
                format!(
                    "level `{}` has expectations of its own and also shares those of `{shared}`",
                    level.id
                ),
                String::from("keep one: its own `expectations:` or `shares_expectations_with:`"),
            )),
            Some(_) => None,
        };
        if let Some((message, hint)) = problem {
            self.report(
                Diagnostic::error("shared-expectations", message).with_hint(hint),
                at,
            );
        }
    }

    /// An expectation longer than a page holds overflows every format that shows it whole: the
    /// one-pager cannot fit it, a workbook cell cuts it off.
    fn text_lengths(&mut self) {
        let ladder = self.ladder;
        for (track_index, track) in ladder.tracks.iter().enumerate() {
            for (level_index, level) in track.levels.iter().enumerate() {
                for (area, items) in &level.expectations {
                    for (index, item) in items.iter().enumerate() {
                        let length = item.text.chars().count();
                        if length > MAX_TEXT_CHARACTERS {
                            self.report(
                                Diagnostic::warning(
                                    "long-text",
                                    format!(
                                        "an expectation of `{}` in `{area}` has {length} characters, more than a page holds",
                                        level.id
                                    ),
                                )
                                .with_hint("split it into several expectations, or move the detail into the level's description"),
                                path!["tracks", track_index, "levels", level_index, "expectations", area.as_str(), index],
                            );
                        }
                    }
                }
            }
        }
    }

    fn unused_areas(&mut self) {
        let ladder = self.ladder;
        let used: HashSet<&str> = ladder
            .tracks
            .iter()
            .flat_map(|track| ladder.areas_of(track))
            .map(|area| area.id.as_str())
            .collect();
        for (index, area) in ladder.areas.iter().enumerate() {
            if !used.contains(area.id.as_str()) {
                self.report(
                    Diagnostic::warning(
                        "unused-area",
                        format!("area `{}` is used by no track or level", area.id),
                    )
                    .with_hint("remove it, or add expectations for it"),
                    path!["areas", index, "id"],
                );
            }
        }
    }
}

const ID_HINT: &str =
    "ids become file names and link anchors: use letters, digits, `-`, `_` and `.`, starting with a letter or digit";

/// Ids name output files, so they must be safe as a path component on every system.
fn is_safe_id(id: &str) -> bool {
    let mut chars = id.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphanumeric())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        && id.len() <= 100
}

fn with<const N: usize>(base: &[Segment], keys: [&str; N]) -> Vec<Segment> {
    base.iter()
        .cloned()
        .chain(keys.into_iter().map(Segment::from))
        .collect()
}

/// "did you mean `x`?" when one candidate is close, else the list of what exists.
fn suggestion<'a>(
    wanted: &str,
    candidates: impl Iterator<Item = &'a str> + Clone,
    what: &str,
) -> String {
    match did_you_mean(wanted, candidates.clone()) {
        Some(closest) => format!("did you mean `{closest}`?"),
        None => {
            let all: Vec<String> = candidates.map(|name| format!("`{name}`")).collect();
            format!("the {what} are {}", all.join(", "))
        }
    }
}

/// For a free-text level name: a close title, else titles that contain it as a word.
fn title_suggestion<'a>(wanted: &str, titles: impl Iterator<Item = &'a str> + Clone) -> String {
    if let Some(closest) = did_you_mean(wanted, titles.clone()) {
        return format!("did you mean `{closest}`?");
    }
    let wanted_lower = wanted.trim().to_lowercase();
    let mut containing: Vec<&str> = titles
        .filter(|title| {
            title
                .to_lowercase()
                .split(|c: char| !c.is_alphanumeric())
                .collect::<Vec<_>>()
                .windows(wanted_lower.split_whitespace().count().max(1))
                .any(|words| words.join(" ") == wanted_lower)
        })
        .collect();
    containing.dedup();
    match containing.as_slice() {
        [] => String::from(
            "if the level exists elsewhere this is fine; otherwise write the id or title of a level of this ladder",
        ),
        found => format!(
            "did you mean {}?",
            found
                .iter()
                .take(3)
                .map(|title| format!("`{title}`"))
                .collect::<Vec<_>>()
                .join(" or ")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_must_be_safe_file_names() {
        assert!(is_safe_id("se-1"));
        assert!(is_safe_id("team-lead-senior-engineer"));
        assert!(!is_safe_id("../etc"));
        assert!(!is_safe_id("a/b"));
        assert!(!is_safe_id(""));
        assert!(!is_safe_id("senior engineer"));
    }

    #[test]
    fn a_free_text_title_suggests_titles_that_contain_it() {
        let titles = [
            "Engineering Manager",
            "Senior Engineering Manager",
            "Director",
        ];
        assert_eq!(
            title_suggestion("Manager", titles.iter().copied()),
            "did you mean `Engineering Manager` or `Senior Engineering Manager`?"
        );
        assert_eq!(
            title_suggestion("Directr", titles.iter().copied()),
            "did you mean `Director`?"
        );
    }
}
