//! What changed between two versions of a ladder, keyed by ids: a level whose title changed is
//! *renamed*, a bullet that went to another level or area is *moved*, a bullet whose words
//! changed is *reworded* (with the words that changed), and only what has no counterpart is
//! *added* or *removed*.

use std::collections::HashMap;

use serde::Serialize;

use crate::compare::{similarity, REWORDED_SIMILARITY};
use crate::model::{Expectation, Ladder, Level};

/// Every change between two versions of a ladder, in the order `ladder diff` reports them:
/// tracks, areas, levels, then expectations.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Changelog {
    /// Where the old version came from, as given on the command line (`ladders/x.yaml@HEAD~3`).
    pub old: String,
    /// Where the new version came from, in the same form.
    pub new: String,
    /// The new version's ladder title, for the changelog's heading.
    pub title: String,
    /// The changes, structure first, then expectations; empty when the versions match.
    pub changes: Vec<Change>,
}

/// Where an expectation is: level and area, by id and by name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Place {
    /// The level's id.
    pub level: String,
    /// The level's job title, for headings ("Senior Engineer").
    pub level_title: String,
    /// The area's id.
    pub area: String,
    /// The area's name, or its id when the ladder declares no such area.
    pub area_name: String,
}

/// One word of a rewording, as kept, removed or added.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "text", rename_all = "lowercase")]
pub enum Word {
    /// A word both wordings have.
    Same(String),
    /// A word only the old wording has (struck through in Markdown).
    Removed(String),
    /// A word only the new wording has (bold in Markdown).
    Added(String),
}

/// One change between two versions. Tracks, areas and levels are matched by id, so a new name
/// under the same id is a rename, not a removal and an addition.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "change", rename_all = "kebab-case")]
pub enum Change {
    /// A track only the new version has.
    TrackAdded {
        /// The track's id.
        track: String,
        /// The track's name.
        name: String,
    },
    /// A track only the old version has.
    TrackRemoved {
        /// The track's id.
        track: String,
        /// The track's name in the old version.
        name: String,
    },
    /// A track whose id stayed and whose name changed.
    TrackRenamed {
        /// The track's id.
        track: String,
        /// The name before.
        old: String,
        /// The name now.
        new: String,
    },
    /// An area only the new version declares.
    AreaAdded {
        /// The area's id.
        area: String,
        /// The area's name.
        name: String,
    },
    /// An area only the old version declares.
    AreaRemoved {
        /// The area's id.
        area: String,
        /// The area's name in the old version.
        name: String,
    },
    /// An area whose id stayed and whose name changed.
    AreaRenamed {
        /// The area's id.
        area: String,
        /// The name before.
        old: String,
        /// The name now.
        new: String,
    },
    /// A level id only the new version has.
    LevelAdded {
        /// The id of the track the level is in.
        track: String,
        /// The level's id.
        level: String,
        /// The level's job title.
        title: String,
    },
    /// A level id only the old version has.
    LevelRemoved {
        /// The id of the track the level was in.
        track: String,
        /// The level's id.
        level: String,
        /// The level's job title in the old version.
        title: String,
    },
    /// A level whose id stayed and whose job title changed.
    LevelRenamed {
        /// The level's id.
        level: String,
        /// The title before.
        old: String,
        /// The title now.
        new: String,
    },
    /// A level whose code, grade, experience, headline, description or shared expectations
    /// changed (one change per field).
    LevelChanged {
        /// The level's id.
        level: String,
        /// The level's job title now.
        title: String,
        /// The field's name in the source format: `code`, `grade`, `experience`, `headline`,
        /// `description` or `shares_expectations_with`.
        field: String,
        /// The value before; `None` when the field was not given.
        old: Option<String>,
        /// The value now; `None` when the field was dropped.
        new: Option<String>,
    },
    /// An expectation with no counterpart in the old version.
    ExpectationAdded {
        /// Where it is now.
        at: Place,
        /// Its text, as written (Markdown).
        text: String,
        /// Its examples, as written.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        examples: Vec<String>,
    },
    /// An expectation with no counterpart in the new version.
    ExpectationRemoved {
        /// Where it was.
        at: Place,
        /// Its text, as written (Markdown).
        text: String,
        /// Its examples, as written.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        examples: Vec<String>,
    },
    /// The same text, now in another level or area.
    ExpectationMoved {
        /// Where it was.
        from: Place,
        /// Where it is now.
        to: Place,
        /// Its text, as written (Markdown).
        text: String,
    },
    /// An expectation that stayed in its level and area with its words changed (similar enough
    /// to be the same expectation, see [`REWORDED_SIMILARITY`]).
    ExpectationReworded {
        /// Where it is.
        at: Place,
        /// The wording before.
        old: String,
        /// The wording now.
        new: String,
        /// Both wordings aligned word by word, for showing what changed.
        words: Vec<Word>,
    },
    /// An example given under an expectation that both versions have (the same, moved or
    /// reworded), only in the new version. An added expectation's examples come with it.
    ExampleAdded {
        /// Where the expectation is now.
        at: Place,
        /// The expectation's text now.
        expectation: String,
        /// The example, as written (Markdown).
        text: String,
    },
    /// An example of an expectation both versions have, only in the old version.
    ExampleRemoved {
        /// Where the expectation is now.
        at: Place,
        /// The expectation's text now.
        expectation: String,
        /// The example, as written (Markdown).
        text: String,
    },
}

/// Compares two versions of a ladder. `old_name` and `new_name` say where each came from.
pub fn diff(old: &Ladder, new: &Ladder, old_name: &str, new_name: &str) -> Changelog {
    let mut changes = Vec::new();
    named_changes(
        old.tracks.iter().map(|t| (t.id.as_str(), t.name.as_str())),
        new.tracks.iter().map(|t| (t.id.as_str(), t.name.as_str())),
        &mut changes,
        |id, name| Change::TrackAdded {
            track: id.into(),
            name: name.into(),
        },
        |id, name| Change::TrackRemoved {
            track: id.into(),
            name: name.into(),
        },
        |id, old, new| Change::TrackRenamed {
            track: id.into(),
            old: old.into(),
            new: new.into(),
        },
    );
    named_changes(
        old.areas.iter().map(|a| (a.id.as_str(), a.name.as_str())),
        new.areas.iter().map(|a| (a.id.as_str(), a.name.as_str())),
        &mut changes,
        |id, name| Change::AreaAdded {
            area: id.into(),
            name: name.into(),
        },
        |id, name| Change::AreaRemoved {
            area: id.into(),
            name: name.into(),
        },
        |id, old, new| Change::AreaRenamed {
            area: id.into(),
            old: old.into(),
            new: new.into(),
        },
    );
    let old_levels: HashMap<&str, &Level> = old.levels().map(|(_, l)| (l.id.as_str(), l)).collect();
    let new_levels: HashMap<&str, &Level> = new.levels().map(|(_, l)| (l.id.as_str(), l)).collect();
    for (track, level) in new.levels() {
        match old_levels.get(level.id.as_str()) {
            None => changes.push(Change::LevelAdded {
                track: track.id.clone(),
                level: level.id.clone(),
                title: level.title.clone(),
            }),
            Some(before) => level_fields(before, level, &mut changes),
        }
    }
    for (track, level) in old.levels() {
        if !new_levels.contains_key(level.id.as_str()) {
            changes.push(Change::LevelRemoved {
                track: track.id.clone(),
                level: level.id.clone(),
                title: level.title.clone(),
            });
        }
    }
    expectation_changes(old, new, &mut changes);
    Changelog {
        old: old_name.to_owned(),
        new: new_name.to_owned(),
        title: new.title.clone(),
        changes,
    }
}

fn named_changes<'a>(
    old: impl Iterator<Item = (&'a str, &'a str)>,
    new: impl Iterator<Item = (&'a str, &'a str)>,
    changes: &mut Vec<Change>,
    added: impl Fn(&str, &str) -> Change,
    removed: impl Fn(&str, &str) -> Change,
    renamed: impl Fn(&str, &str, &str) -> Change,
) {
    let old: Vec<(&str, &str)> = old.collect();
    let new: Vec<(&str, &str)> = new.collect();
    for (id, name) in &new {
        match old.iter().find(|(old_id, _)| old_id == id) {
            None => changes.push(added(id, name)),
            Some((_, old_name)) if old_name != name => changes.push(renamed(id, old_name, name)),
            Some(_) => {}
        }
    }
    for (id, name) in &old {
        if !new.iter().any(|(new_id, _)| new_id == id) {
            changes.push(removed(id, name));
        }
    }
}

fn level_fields(old: &Level, new: &Level, changes: &mut Vec<Change>) {
    if old.title != new.title {
        changes.push(Change::LevelRenamed {
            level: new.id.clone(),
            old: old.title.clone(),
            new: new.title.clone(),
        });
    }
    let fields: [(&str, Option<String>, Option<String>); 6] = [
        ("code", old.code.clone(), new.code.clone()),
        ("grade", old.grade.clone(), new.grade.clone()),
        (
            "experience",
            old.experience.as_ref().map(|e| e.text.clone()),
            new.experience.as_ref().map(|e| e.text.clone()),
        ),
        ("headline", old.headline.clone(), new.headline.clone()),
        (
            "description",
            old.description.clone(),
            new.description.clone(),
        ),
        (
            "shares_expectations_with",
            old.shares_expectations_with.clone(),
            new.shares_expectations_with.clone(),
        ),
    ];
    for (field, before, after) in fields {
        if before != after {
            changes.push(Change::LevelChanged {
                level: new.id.clone(),
                title: new.title.clone(),
                field: field.to_owned(),
                old: before,
                new: after,
            });
        }
    }
}

/// Every expectation of a ladder with its place.
fn placed(ladder: &Ladder) -> Vec<(Place, &Expectation)> {
    let mut out = Vec::new();
    for (_, level) in ladder.levels() {
        for (area_id, items) in &level.expectations {
            let area_name = ladder
                .area(area_id)
                .map_or_else(|| area_id.clone(), |area| area.name.clone());
            for item in items {
                out.push((
                    Place {
                        level: level.id.clone(),
                        level_title: level.title.clone(),
                        area: area_id.clone(),
                        area_name: area_name.clone(),
                    },
                    item,
                ));
            }
        }
    }
    out
}

fn same_slot(a: &Place, b: &Place) -> bool {
    a.level == b.level && a.area == b.area
}

fn expectation_changes(old: &Ladder, new: &Ladder, changes: &mut Vec<Change>) {
    let before = placed(old);
    let after = placed(new);
    let mut old_left: Vec<bool> = vec![true; before.len()];
    let mut new_left: Vec<bool> = vec![true; after.len()];
    // Expectations both versions have (old index, new index): their examples are compared.
    let mut matched: Vec<(usize, usize)> = Vec::new();
    // 1. Unchanged: the same text in the same level and area (its order may differ).
    for (j, (place, item)) in after.iter().enumerate() {
        if let Some(i) = (0..before.len()).find(|&i| {
            old_left[i] && same_slot(&before[i].0, place) && before[i].1.text == item.text
        }) {
            old_left[i] = false;
            new_left[j] = false;
            matched.push((i, j));
        }
    }
    // 2. Moved: the same text, now somewhere else.
    for (j, (place, item)) in after.iter().enumerate() {
        if !new_left[j] {
            continue;
        }
        if let Some(i) = (0..before.len()).find(|&i| old_left[i] && before[i].1.text == item.text) {
            old_left[i] = false;
            new_left[j] = false;
            matched.push((i, j));
            changes.push(Change::ExpectationMoved {
                from: before[i].0.clone(),
                to: place.clone(),
                text: item.text.clone(),
            });
        }
    }
    // 3. Reworded: similar text in the same level and area, most similar pairs first.
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for (j, (place, item)) in after.iter().enumerate() {
        if !new_left[j] {
            continue;
        }
        for (i, (old_place, old_item)) in before.iter().enumerate() {
            if old_left[i] && same_slot(old_place, place) {
                let score = similarity(&old_item.text, &item.text);
                if score >= REWORDED_SIMILARITY {
                    pairs.push((score, i, j));
                }
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.2.cmp(&b.2)).then(a.1.cmp(&b.1)));
    let mut reworded: Vec<(usize, Change)> = Vec::new();
    for (_, i, j) in pairs {
        if old_left[i] && new_left[j] {
            old_left[i] = false;
            new_left[j] = false;
            matched.push((i, j));
            let (old_text, new_text) = (&before[i].1.text, &after[j].1.text);
            reworded.push((
                j,
                Change::ExpectationReworded {
                    at: after[j].0.clone(),
                    old: old_text.clone(),
                    new: new_text.clone(),
                    words: word_diff(old_text, new_text),
                },
            ));
        }
    }
    reworded.sort_by_key(|(j, _)| *j);
    changes.extend(reworded.into_iter().map(|(_, change)| change));
    // 4. What is left was added or removed.
    for (j, (place, item)) in after.iter().enumerate() {
        if new_left[j] {
            changes.push(Change::ExpectationAdded {
                at: place.clone(),
                text: item.text.clone(),
                examples: item.examples.clone(),
            });
        }
    }
    for (i, (place, item)) in before.iter().enumerate() {
        if old_left[i] {
            changes.push(Change::ExpectationRemoved {
                at: place.clone(),
                text: item.text.clone(),
                examples: item.examples.clone(),
            });
        }
    }
    // 5. Examples of the expectations both have, in the new version's order.
    matched.sort_by_key(|&(_, j)| j);
    for (i, j) in matched {
        let (old_item, (place, new_item)) = (before[i].1, &after[j]);
        for example in &new_item.examples {
            if !old_item.examples.contains(example) {
                changes.push(Change::ExampleAdded {
                    at: place.clone(),
                    expectation: new_item.text.clone(),
                    text: example.clone(),
                });
            }
        }
        for example in &old_item.examples {
            if !new_item.examples.contains(example) {
                changes.push(Change::ExampleRemoved {
                    at: place.clone(),
                    expectation: new_item.text.clone(),
                    text: example.clone(),
                });
            }
        }
    }
}

/// The words of `old` and `new` aligned by their longest common subsequence.
pub fn word_diff(old: &str, new: &str) -> Vec<Word> {
    let a: Vec<&str> = old.split_whitespace().collect();
    let b: Vec<&str> = new.split_whitespace().collect();
    let mut lcs = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut words = Vec::new();
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            words.push(Word::Same(a[i].to_owned()));
            i += 1;
            j += 1;
        } else if i < a.len() && (j == b.len() || lcs[i + 1][j] >= lcs[i][j + 1]) {
            words.push(Word::Removed(a[i].to_owned()));
            i += 1;
        } else {
            words.push(Word::Added(b[j].to_owned()));
            j += 1;
        }
    }
    words
}

/// The changelog as Markdown, for a pull request or a release note.
pub fn to_markdown(changelog: &Changelog) -> anyhow::Result<String> {
    use crate::commonmark::Tree;
    use comrak::nodes::NodeValue;

    let arena = comrak::Arena::new();
    let tree = Tree::new(&arena);
    let root = tree.document();
    let mut anchors = comrak::Anchorizer::new();
    tree.heading(
        root,
        1,
        &format!("Changes to {}", changelog.title),
        &mut anchors,
    );
    let code = |text: &str| {
        tree.node(NodeValue::Code(comrak::nodes::NodeCode {
            num_backticks: 1,
            literal: text.to_owned(),
        }))
    };
    let count = changelog.changes.len();
    tree.paragraph(
        root,
        vec![
            tree.text("From "),
            code(&changelog.old),
            tree.text(" to "),
            code(&changelog.new),
            tree.text(format!(
                ": {count} change{}.",
                if count == 1 { "" } else { "s" }
            )),
        ],
    );
    let structure: Vec<Vec<_>> = changelog
        .changes
        .iter()
        .filter_map(|change| {
            let line = |label: &str, rest: String| {
                Some(vec![tree.strong(label), tree.text(format!(" {rest}"))])
            };
            match change {
                Change::TrackAdded { name, .. } => line("Track added:", name.clone()),
                Change::TrackRemoved { name, .. } => line("Track removed:", name.clone()),
                Change::TrackRenamed { old, new, .. } => {
                    line("Track renamed:", format!("{old} → {new}"))
                }
                Change::AreaAdded { name, .. } => line("Area added:", name.clone()),
                Change::AreaRemoved { name, .. } => line("Area removed:", name.clone()),
                Change::AreaRenamed { old, new, .. } => {
                    line("Area renamed:", format!("{old} → {new}"))
                }
                Change::LevelAdded { title, .. } => line("Level added:", title.clone()),
                Change::LevelRemoved { title, .. } => line("Level removed:", title.clone()),
                Change::LevelRenamed { old, new, .. } => {
                    line("Level renamed:", format!("{old} → {new}"))
                }
                Change::LevelChanged {
                    title,
                    field,
                    old,
                    new,
                    ..
                } => line(
                    &format!("{title}, {field}:"),
                    format!(
                        "{} → {}",
                        old.as_deref().unwrap_or("(none)"),
                        new.as_deref().unwrap_or("(none)")
                    ),
                ),
                _ => None,
            }
        })
        .collect();
    if !structure.is_empty() {
        tree.heading(root, 2, "Tracks, areas and levels", &mut anchors);
        tree.bullet_list(root, structure);
    }
    // Expectation changes, grouped by the level and area they are in now.
    let mut groups: Vec<(String, Vec<Vec<_>>)> = Vec::new();
    for change in &changelog.changes {
        let labelled = |label: &str, text: &str| {
            let mut line = vec![tree.strong(label), tree.text(" ")];
            line.extend(tree.inlines(&crate::markup::inline(text)));
            line
        };
        let with_examples = |mut line: Vec<_>, examples: &[String]| {
            for example in examples {
                line.push(tree.text(" "));
                line.extend(labelled("Example:", example));
            }
            line
        };
        let (at, line) = match change {
            Change::ExpectationAdded { at, text, examples } => {
                (at, with_examples(labelled("Added:", text), examples))
            }
            Change::ExpectationRemoved { at, text, examples } => {
                (at, with_examples(labelled("Removed:", text), examples))
            }
            Change::ExampleAdded {
                at,
                expectation,
                text,
            }
            | Change::ExampleRemoved {
                at,
                expectation,
                text,
            } => {
                let label = if matches!(change, Change::ExampleAdded { .. }) {
                    "Example added:"
                } else {
                    "Example removed:"
                };
                let mut line = labelled(label, text);
                line.push(tree.text(" (of: "));
                line.extend(tree.inlines(&crate::markup::inline(expectation)));
                line.push(tree.text(")"));
                (at, line)
            }
            Change::ExpectationMoved { from, to, text } => (
                to,
                labelled(
                    &format!("Moved from {} · {}:", from.level_title, from.area_name),
                    text,
                ),
            ),
            Change::ExpectationReworded { at, words, .. } => {
                let mut l = vec![tree.strong("Reworded:"), tree.text(" ")];
                for (index, word) in words.iter().enumerate() {
                    if index > 0 {
                        l.push(tree.text(" "));
                    }
                    match word {
                        Word::Same(text) => l.push(tree.text(text.as_str())),
                        Word::Removed(text) => {
                            let strike = tree.node(NodeValue::Strikethrough);
                            strike.append(tree.text(text.as_str()));
                            l.push(strike);
                        }
                        Word::Added(text) => l.push(tree.strong(text)),
                    }
                }
                (at, l)
            }
            _ => continue,
        };
        let heading = format!("{} · {}", at.level_title, at.area_name);
        match groups.iter_mut().find(|(name, _)| *name == heading) {
            Some((_, lines)) => lines.push(line),
            None => groups.push((heading, vec![line])),
        }
    }
    if !groups.is_empty() {
        tree.heading(root, 2, "Expectations", &mut anchors);
        for (heading, lines) in groups {
            tree.heading(root, 3, &heading, &mut anchors);
            tree.bullet_list(root, lines);
        }
    }
    if changelog.changes.is_empty() {
        tree.paragraph(root, vec![tree.text("No changes.")]);
    }
    tree.format(root)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_diff_keeps_common_words() {
        let words = word_diff("You build small features", "You build large features");
        assert_eq!(
            words,
            [
                Word::Same("You".into()),
                Word::Same("build".into()),
                Word::Removed("small".into()),
                Word::Added("large".into()),
                Word::Same("features".into()),
            ]
        );
    }
}
