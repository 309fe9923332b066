//! Who an output is for. A ladder marks what only the organization may read (`internal: true`
//! on a section, a track or a level; a level's `internal:` block of notes and expectations);
//! a public output is made from the ladder with all of it taken out *before* its view is made,
//! so no exporter can show what it never receives.

use std::collections::HashSet;

use serde::Serialize;

use crate::model::{Expectation, Internal, Ladder};

/// Who reads an output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Audience {
    /// Anyone: a handbook published on GitHub, a one-pager sent to a candidate.
    Public,
    /// The organization: everything, internal notes included.
    Internal,
}

impl Audience {
    /// `public` or `internal`, for fingerprints and messages.
    pub fn name(self) -> &'static str {
        match self {
            Audience::Public => "public",
            Audience::Internal => "internal",
        }
    }
}

/// The ladder as `audience` may read it.
pub fn for_audience(ladder: &Ladder, audience: Audience) -> Ladder {
    let mut ladder = ladder.clone();
    match audience {
        Audience::Internal => add_internal_expectations(&mut ladder),
        Audience::Public => remove_internal(&mut ladder),
    }
    ladder
}

/// Internal readers see a level's internal expectations after its own, area by area.
fn add_internal_expectations(ladder: &mut Ladder) {
    let area_ids: Vec<(String, String)> = ladder
        .areas
        .iter()
        .flat_map(|area| {
            std::iter::once((area.id.clone(), area.id.clone())).chain(
                area.aliases
                    .iter()
                    .map(|alias| (alias.clone(), area.id.clone())),
            )
        })
        .collect();
    for level in ladder.tracks.iter_mut().flat_map(|track| &mut track.levels) {
        let Some(Internal::Parts(parts)) = &level.internal else {
            continue;
        };
        for (area, items) in parts.expectations.clone() {
            let id = area_ids
                .iter()
                .find(|(key, _)| *key == area)
                .map_or(area, |(_, id)| id.clone());
            level.expectations.entry(id).or_default().extend(items);
        }
    }
}

fn remove_internal(ladder: &mut Ladder) {
    // A section and the subsections under it go together.
    let mut hidden_below: Option<u8> = None;
    ladder.sections.retain(|section| {
        if hidden_below.is_some_and(|depth| section.depth > depth) {
            return false;
        }
        hidden_below = section.internal.then_some(section.depth);
        !section.internal
    });
    let whole = |internal: &Option<Internal>| matches!(internal, Some(Internal::Whole(true)));
    let removed: HashSet<String> = ladder
        .levels()
        .filter(|(track, level)| track.internal || whole(&level.internal))
        .map(|(_, level)| level.id.clone())
        .collect();
    // What a removed level stood for, to drop references to it by id, title or alias.
    let removed_names: HashSet<String> = ladder
        .levels()
        .filter(|(_, level)| removed.contains(&level.id))
        .flat_map(|(_, level)| {
            [level.id.clone(), level.title.clone()]
                .into_iter()
                .chain(level.aliases.iter().cloned())
        })
        .map(|name| name.to_lowercase())
        .collect();
    // A public level that shares a removed level's expectations keeps a copy of them.
    let shared: Vec<(String, indexmap::IndexMap<String, Vec<Expectation>>)> = ladder
        .levels()
        .filter_map(|(_, level)| {
            let target = level.shares_expectations_with.as_ref()?;
            removed
                .contains(target)
                .then(|| (level.id.clone(), ladder.expectations_of(level).clone()))
        })
        .collect();
    ladder.tracks.retain(|track| !track.internal);
    for track in &mut ladder.tracks {
        track.levels.retain(|level| !whole(&level.internal));
        for level in &mut track.levels {
            level.internal = None;
            level
                .equivalents
                .retain(|name| !removed_names.contains(&name.trim().to_lowercase()));
            if level
                .requires
                .as_ref()
                .is_some_and(|id| removed.contains(id))
            {
                level.requires = None;
            }
            if let Some((_, expectations)) = shared.iter().find(|(id, _)| *id == level.id) {
                level.expectations = expectations.clone();
                level.shares_expectations_with = None;
            }
        }
    }
    ladder.tracks.retain(|track| !track.levels.is_empty());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ladder(yaml: &str) -> Ladder {
        serde_yaml::from_str(yaml).unwrap()
    }

    #[test]
    fn a_public_level_keeps_what_it_shares_with_a_hidden_one_without_naming_it() {
        let full = ladder(
            "title: L\ntracks:\n  - id: t\n    name: T\n    kind: ic\n    levels:\n      - id: a\n        title: Hidden\n        internal: true\n        expectations: {x: [Shared text.]}\n      - id: b\n        title: Public\n        shares_expectations_with: a\n        equivalents: [Hidden]\n",
        );
        let public = for_audience(&full, Audience::Public);
        let levels: Vec<&str> = public
            .levels()
            .map(|(_, level)| level.id.as_str())
            .collect();
        assert_eq!(levels, ["b"]);
        let level = public.level("b").unwrap();
        assert_eq!(level.expectations["x"], ["Shared text."]);
        assert_eq!(level.shares_expectations_with, None);
        assert!(level.equivalents.is_empty());
        // Internal readers get everything, unchanged but for the internal expectations.
        assert_eq!(for_audience(&full, Audience::Internal).levels().count(), 2);
    }
}
