//! Lints: things a ladder may do on purpose but usually does by mistake. Each is a warning with
//! a name, and a ladder switches one off with `allow_lints: [name]`.

use std::collections::HashMap;

use crate::diagnostic::Diagnostic;
use crate::load::source_map::Segment;
use crate::load::LoadedLadder;
use crate::model::{Expectation, Ladder, Level, Track};
use crate::path;

/// Every lint, with what it finds.
pub const LINTS: &[(&str, &str)] = &[
    (
        "repeated-expectation",
        "the same expectation word for word at several levels of a track",
    ),
    (
        "missing-area",
        "a level with nothing in an area that the levels around it cover",
    ),
    (
        "uneven-jump",
        "a jump in the number of expectations between neighbouring levels",
    ),
    (
        "gendered-wording",
        "gendered words (he, his, guys, manpower...) in titles or text",
    ),
    (
        "missing-file",
        "a local image or link in the ladder's text to a file that is not beside the ladder",
    ),
];

/// A jump is uneven when one level has this many times the expectations of its neighbour...
const UNEVEN_RATIO: f64 = 2.5;
/// ...and at least this many more.
const UNEVEN_DIFFERENCE: usize = 6;

/// Gendered words and a neutral word to use instead.
const GENDERED: &[(&str, &str)] = &[
    ("he", "they"),
    ("she", "they"),
    ("him", "them"),
    ("his", "their"),
    ("her", "their / them"),
    ("hers", "theirs"),
    ("himself", "themselves"),
    ("herself", "themselves"),
    ("guys", "everyone, folks, team"),
    ("manpower", "staffing, people"),
    ("man-hours", "person-hours"),
    ("chairman", "chair"),
    ("salesman", "salesperson"),
    ("craftsman", "craftsperson"),
    ("craftsmanship", "craft, quality"),
    ("middleman", "intermediary"),
    ("mankind", "people"),
];

/// Runs every lint of [`LINTS`] the ladder does not switch off, and warns about names in
/// `allow_lints` that are no lint.
pub fn lint(loaded: &LoadedLadder) -> Vec<Diagnostic> {
    let ladder = &loaded.ladder;
    let mut linter = Linter {
        loaded,
        found: Vec::new(),
    };
    linter.allow_list();
    let allowed = |name: &str| ladder.allow_lints.iter().any(|allowed| allowed == name);
    if !allowed("repeated-expectation") {
        linter.repeated_expectations();
    }
    if !allowed("missing-area") {
        linter.missing_areas();
    }
    if !allowed("uneven-jump") {
        linter.uneven_jumps();
    }
    if !allowed("gendered-wording") {
        linter.gendered_wording();
    }
    if !allowed("missing-file") {
        linter.missing_files();
    }
    linter.found
}

struct Linter<'a> {
    loaded: &'a LoadedLadder,
    found: Vec<Diagnostic>,
}

fn allow_hint(name: &str) -> String {
    format!("if this is intended, add `{name}` to `allow_lints` at the top of the file")
}

fn level_path(track: usize, level: usize) -> Vec<Segment> {
    path!["tracks", track, "levels", level]
}

/// The level's expectations by area id (keys may be aliases before normalization).
fn areas_of<'a>(
    ladder: &'a Ladder,
    level: &'a Level,
) -> Vec<(&'a str, &'a str, &'a Vec<Expectation>)> {
    level
        .expectations
        .iter()
        .map(|(key, items)| {
            let id = ladder
                .area(key)
                .map_or(key.as_str(), |area| area.id.as_str());
            (id, key.as_str(), items)
        })
        .collect()
}

/// Tracks whose levels form a progression; roles stand side by side, so gaps between them and
/// differences in size are their nature.
fn progressions(ladder: &Ladder) -> impl Iterator<Item = (usize, &Track)> {
    ladder
        .tracks
        .iter()
        .enumerate()
        .filter(|(_, track)| crate::compare::is_progression(track))
}

impl Linter<'_> {
    fn report(&mut self, diagnostic: Diagnostic, at: Vec<Segment>) {
        self.found.push(self.loaded.locate(diagnostic, &at));
    }

    fn allow_list(&mut self) {
        let names: Vec<&str> = LINTS.iter().map(|(name, _)| *name).collect();
        for (index, name) in self.loaded.ladder.allow_lints.iter().enumerate() {
            if !names.contains(&name.as_str()) {
                let hint = match crate::diagnostic::did_you_mean(name, names.iter().copied()) {
                    Some(close) => format!("did you mean `{close}`?"),
                    None => format!("the lints are: {}", names.join(", ")),
                };
                self.report(
                    Diagnostic::warning("unknown-lint", format!("there is no lint `{name}`"))
                        .with_hint(hint),
                    path!["allow_lints", index],
                );
            }
        }
    }

    fn repeated_expectations(&mut self) {
        let ladder = &self.loaded.ladder;
        for (t, track) in ladder.tracks.iter().enumerate() {
            let mut first_seen: HashMap<String, &Level> = HashMap::new();
            for (l, level) in track.levels.iter().enumerate() {
                for (_, key, items) in areas_of(ladder, level) {
                    for (i, item) in items.iter().enumerate() {
                        let normalized = item.text.split_whitespace().collect::<Vec<_>>().join(" ");
                        if normalized.is_empty() {
                            continue;
                        }
                        match first_seen.get(&normalized) {
                            Some(first) if first.id != level.id => {
                                let message = format!(
                                    "this expectation of `{}` repeats one of `{}` word for word",
                                    level.id, first.id
                                );
                                let at = [level_path(t, l), path!["expectations", key, i]].concat();
                                self.report(
                                    Diagnostic::warning("repeated-expectation", message).with_hint(
                                        format!(
                                            "say what changes at this level, or drop it here; {}",
                                            allow_hint("repeated-expectation")
                                        ),
                                    ),
                                    at,
                                );
                            }
                            Some(_) => {}
                            None => {
                                first_seen.insert(normalized, level);
                            }
                        }
                    }
                }
            }
        }
    }

    fn missing_areas(&mut self) {
        let ladder = &self.loaded.ladder;
        for (t, track) in progressions(ladder) {
            let covered: Vec<Option<Vec<&str>>> = track
                .levels
                .iter()
                .map(|level| {
                    let own = areas_of(ladder, level);
                    // Levels without expectations of their own (a paragraph, or shared ones)
                    // are a different shape, not a gap.
                    (level.shares_expectations_with.is_none() && !own.is_empty())
                        .then(|| own.iter().map(|(id, _, _)| *id).collect())
                })
                .collect();
            for (l, level) in track.levels.iter().enumerate() {
                let Some(own) = &covered[l] else { continue };
                let before = l.checked_sub(1).and_then(|i| covered[i].as_ref());
                let after = covered.get(l + 1).and_then(Option::as_ref);
                let neighbours: Vec<&Vec<&str>> = before.into_iter().chain(after).collect();
                if neighbours.is_empty() {
                    continue;
                }
                for area in &ladder.areas {
                    let id = area.id.as_str();
                    if !own.contains(&id) && neighbours.iter().all(|areas| areas.contains(&id)) {
                        let names: Vec<&str> = [l.checked_sub(1), Some(l + 1)]
                            .into_iter()
                            .flatten()
                            .filter(|&i| covered.get(i).is_some_and(Option::is_some))
                            .map(|i| track.levels[i].id.as_str())
                            .collect();
                        let message = format!(
                            "level `{}` expects nothing in `{}`, which {} {}",
                            level.id,
                            area.name,
                            names.join(" and "),
                            if names.len() == 1 {
                                "covers"
                            } else {
                                "both cover"
                            }
                        );
                        self.report(
                            Diagnostic::warning("missing-area", message).with_hint(format!(
                                "add what this level expects in {}; {}",
                                area.name,
                                allow_hint("missing-area")
                            )),
                            [level_path(t, l), path!["id"]].concat(),
                        );
                    }
                }
            }
        }
    }

    fn uneven_jumps(&mut self) {
        for (t, track) in progressions(&self.loaded.ladder) {
            let counts: Vec<usize> = track
                .levels
                .iter()
                .map(|level| level.expectations.values().map(Vec::len).sum())
                .collect();
            for l in 1..track.levels.len() {
                let (before, after) = (counts[l - 1], counts[l]);
                if before == 0 || after == 0 {
                    continue;
                }
                let (small, large) = (before.min(after), before.max(after));
                if large as f64 / small as f64 >= UNEVEN_RATIO && large - small >= UNEVEN_DIFFERENCE
                {
                    let level = &track.levels[l];
                    let message = format!(
                        "level `{}` has {after} expectations, `{}` below it has {before}",
                        level.id,
                        track.levels[l - 1].id
                    );
                    self.report(
                        Diagnostic::warning("uneven-jump", message).with_hint(format!(
                            "levels usually grow step by step; check that nothing was lost or duplicated; {}",
                            allow_hint("uneven-jump")
                        )),
                        [level_path(t, l), path!["id"]].concat(),
                    );
                }
            }
        }
    }

    fn gendered_wording(&mut self) {
        let texts = texts_of(&self.loaded.ladder);
        for (at, text) in texts {
            let words: Vec<String> = text
                .split(|c: char| !c.is_alphanumeric() && c != '-')
                .map(|word| word.trim_matches('-').to_lowercase())
                .collect();
            let found: Vec<&(&str, &str)> = GENDERED
                .iter()
                .filter(|(word, _)| words.iter().any(|w| w == word))
                .collect();
            if found.is_empty() {
                continue;
            }
            let listed: Vec<String> = found.iter().map(|(word, _)| format!("`{word}`")).collect();
            let instead: Vec<String> = found
                .iter()
                .map(|(word, neutral)| format!("`{word}` → {neutral}"))
                .collect();
            self.report(
                Diagnostic::warning(
                    "gendered-wording",
                    format!("gendered wording: {}", listed.join(", ")),
                )
                .with_hint(format!(
                    "{}; {}",
                    instead.join("; "),
                    allow_hint("gendered-wording")
                )),
                at,
            );
        }
    }

    /// Links and images to local files (`career-pathways.png`, `../handbook/levels.md`) that
    /// are not where the ladder's file says: the handbook would show a broken image.
    fn missing_files(&mut self) {
        let folder = self
            .loaded
            .source
            .path
            .parent()
            .map(std::path::Path::to_path_buf)
            .unwrap_or_default();
        for (at, text) in texts_of(&self.loaded.ladder) {
            // One parse serves a one-line expectation (a paragraph) and a section's prose.
            let mut targets = Vec::new();
            for block in crate::markup::blocks(text) {
                block_targets(&block, &mut targets);
            }
            targets.sort();
            targets.dedup();
            for target in targets {
                if folder.join(&target).exists() {
                    continue;
                }
                self.report(
                    Diagnostic::warning(
                        "missing-file",
                        format!("`{target}` is linked here, but there is no such file beside the ladder"),
                    )
                    .with_hint(format!(
                        "put the file at {}, fix the path, or link to its web address; {}",
                        folder.join(&target).display(),
                        allow_hint("missing-file")
                    )),
                    at.clone(),
                );
            }
        }
    }
}

/// Every text of a ladder a reader sees, with where it stands in the file.
fn texts_of(ladder: &Ladder) -> Vec<(Vec<Segment>, &str)> {
    let mut texts: Vec<(Vec<Segment>, &str)> = Vec::new();
    texts.push((path!["title"], &ladder.title));
    if let Some(summary) = &ladder.summary {
        texts.push((path!["summary"], summary));
    }
    for (t, track) in ladder.tracks.iter().enumerate() {
        texts.push((path!["tracks", t, "name"], &track.name));
        if let Some(summary) = &track.summary {
            texts.push((path!["tracks", t, "summary"], summary));
        }
        for (l, level) in track.levels.iter().enumerate() {
            let base = level_path(t, l);
            texts.push(([base.clone(), path!["title"]].concat(), &level.title));
            if let Some(headline) = &level.headline {
                texts.push(([base.clone(), path!["headline"]].concat(), headline));
            }
            if let Some(description) = &level.description {
                texts.push(([base.clone(), path!["description"]].concat(), description));
            }
            for (key, items) in &level.expectations {
                for (i, item) in items.iter().enumerate() {
                    let at = [base.clone(), path!["expectations", key.as_str(), i]].concat();
                    for (j, example) in item.examples.iter().enumerate() {
                        texts.push(([at.clone(), path!["examples", j]].concat(), example));
                    }
                    texts.push((at, &item.text));
                }
            }
        }
    }
    for (index, section) in ladder.sections.iter().enumerate() {
        texts.push((path!["sections", index, "body"], &section.body));
    }
    texts
}

/// The addresses of links and images that name a file of this machine: no scheme, not an
/// anchor on the page, not the site's root; without their `#fragment` and `?query`.
fn local_targets(inlines: &[crate::markup::Inline], out: &mut Vec<String>) {
    use crate::markup::Inline;
    for inline in inlines {
        match inline {
            Inline::Link { url, children } => {
                push_local(url, out);
                local_targets(children, out);
            }
            Inline::Image { url, .. } => push_local(url, out),
            Inline::Emph { children }
            | Inline::Strong { children }
            | Inline::Strike { children } => local_targets(children, out),
            _ => {}
        }
    }
}

fn block_targets(block: &crate::markup::Block, out: &mut Vec<String>) {
    use crate::markup::Block;
    match block {
        Block::Paragraph { children } | Block::Heading { children, .. } => {
            local_targets(children, out)
        }
        Block::List { items, .. } => {
            for item in items {
                for block in item {
                    block_targets(block, out);
                }
            }
        }
        Block::Quote { children } => {
            for block in children {
                block_targets(block, out);
            }
        }
        _ => {}
    }
}

fn push_local(url: &str, out: &mut Vec<String>) {
    let url = url.trim();
    let scheme = url
        .find(':')
        .is_some_and(|colon| !url[..colon].contains(['/', '?', '#']));
    if url.is_empty() || scheme || url.starts_with(['#', '/']) {
        return;
    }
    let path = url.split(['#', '?']).next().unwrap_or(url);
    if !path.is_empty() {
        out.push(path.to_owned());
    }
}
