//! What differs between two levels, area by area: the question people ask most of a ladder.
//!
//! Expectations are matched verbatim first; what is left is paired by word similarity, so an
//! expectation reworded from one level to the next ("medium sized features" → "large scale
//! features") shows as *reworded* rather than as one removed and one added. In cumulative
//! ladders a level keeps every requirement of the levels below it, so nothing is ever
//! "no longer expected" and everything a level lists is new at that level.

use indexmap::IndexMap;

use crate::model::{Expectation, Ladder, Level, Track};

/// Two expectations whose words overlap at least this much (Jaccard index of their word sets)
/// are the same expectation reworded.
pub const REWORDED_SIMILARITY: f64 = 0.5;

/// What differs between two levels of a ladder, for "changes from the level below" and
/// `ladder compare`.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison<'a> {
    /// The level compared from (usually the lower one).
    pub from: &'a Level,
    /// The level compared to.
    pub to: &'a Level,
    /// Whether the ladder is cumulative, so that nothing `from` lists is ever removed.
    pub cumulative: bool,
    /// One comparison per area either level has expectations in, in the ladder's area order.
    pub areas: Vec<AreaComparison>,
}

/// What differs between two levels in one area.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AreaComparison {
    /// The area's id.
    pub area_id: String,
    /// The area's name, as readers see it.
    pub area_name: String,
    /// Expectations of `from`, in its order.
    pub from: Vec<String>,
    /// Expectations of `to`, in its order.
    pub to: Vec<String>,
    /// Word for word in both; in cumulative ladders, also everything `from` lists (it still
    /// applies at `to`).
    pub unchanged: Vec<String>,
    /// (expectation at `from`, its rewording at `to`).
    pub reworded: Vec<(String, String)>,
    /// Only at `to`.
    pub added: Vec<String>,
    /// Only at `from` (never in cumulative ladders, where they still apply).
    pub removed: Vec<String>,
}

impl AreaComparison {
    /// Whether the two levels expect the same in this area: nothing reworded, added or
    /// removed.
    pub fn is_same(&self) -> bool {
        self.reworded.is_empty() && self.added.is_empty() && self.removed.is_empty()
    }
}

impl Comparison<'_> {
    /// How many expectations are unchanged, reworded, added and removed, in that order,
    /// summed over every area.
    pub fn counts(&self) -> (usize, usize, usize, usize) {
        self.areas.iter().fold((0, 0, 0, 0), |(u, r, a, d), area| {
            (
                u + area.unchanged.len(),
                r + area.reworded.len(),
                a + area.added.len(),
                d + area.removed.len(),
            )
        })
    }
}

/// Whether a track's levels form a progression worth comparing step by step. Roles stand side
/// by side (Lead and Architect are not one above the other).
pub fn is_progression(track: &Track) -> bool {
    track.kind != crate::model::TrackKind::Role
}

/// The level just below `level` in its track.
pub fn previous_level<'a>(ladder: &'a Ladder, level: &Level) -> Option<&'a Level> {
    let (track, index) = ladder.position(&level.id)?;
    index.checked_sub(1).map(|index| &track.levels[index])
}

/// The level just above `level` in its track.
pub fn next_level<'a>(ladder: &'a Ladder, level: &Level) -> Option<&'a Level> {
    let (track, index) = ladder.position(&level.id)?;
    track.levels.get(index + 1)
}

/// Compares what `from` and `to` expect, area by area, in the ladder's area order.
pub fn compare<'a>(ladder: &'a Ladder, from: &'a Level, to: &'a Level) -> Comparison<'a> {
    let from_expectations = ladder.expectations_of(from);
    let to_expectations = ladder.expectations_of(to);
    let mut areas = Vec::new();
    for area in &ladder.areas {
        // Levels are compared by what they expect; examples only illustrate it.
        let texts = |expectations: &IndexMap<String, Vec<Expectation>>| -> Vec<String> {
            expectations
                .get(&area.id)
                .map(|items| items.iter().map(|item| item.text.clone()).collect())
                .unwrap_or_default()
        };
        let before = texts(from_expectations);
        let after = texts(to_expectations);
        if before.is_empty() && after.is_empty() {
            continue;
        }
        let mut comparison = match_items(&before, &after);
        if ladder.cumulative {
            // Everything below still applies: what the level below lists is kept, and a
            // rewording adds to it.
            let reworded = std::mem::take(&mut comparison.reworded);
            for (old, new) in reworded {
                comparison.unchanged.push(old);
                comparison.added.push(new);
            }
            comparison.unchanged.append(&mut comparison.removed);
        }
        comparison.area_id = area.id.clone();
        comparison.area_name = area.name.clone();
        comparison.from = before;
        comparison.to = after;
        areas.push(comparison);
    }
    Comparison {
        from,
        to,
        cumulative: ladder.cumulative,
        areas,
    }
}

/// Verbatim matches, then the most similar remaining pairs above the threshold (greedy, best
/// pair first, so the result does not depend on list order).
fn match_items(before: &[String], after: &[String]) -> AreaComparison {
    let mut result = AreaComparison::default();
    let mut before_left: Vec<Option<&String>> = before.iter().map(Some).collect();
    let mut after_left: Vec<Option<&String>> = Vec::new();
    for item in after {
        match before_left
            .iter()
            .position(|candidate| candidate.is_some_and(|c| normalize(c) == normalize(item)))
        {
            Some(index) => {
                before_left[index] = None;
                result.unchanged.push(item.clone());
                after_left.push(None);
            }
            None => after_left.push(Some(item)),
        }
    }
    let words_before: Vec<Vec<String>> = before.iter().map(|item| words(item)).collect();
    let words_after: Vec<Vec<String>> = after.iter().map(|item| words(item)).collect();
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for (i, left) in before_left.iter().enumerate() {
        if left.is_none() {
            continue;
        }
        for (j, right) in after_left.iter().enumerate() {
            if right.is_none() {
                continue;
            }
            let similarity = jaccard(&words_before[i], &words_after[j]);
            if similarity >= REWORDED_SIMILARITY {
                pairs.push((similarity, i, j));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut reworded: Vec<(usize, String, String)> = Vec::new();
    for (_, i, j) in pairs {
        if let (Some(old), Some(new)) = (before_left[i], after_left[j]) {
            reworded.push((j, old.clone(), new.clone()));
            before_left[i] = None;
            after_left[j] = None;
        }
    }
    reworded.sort_by_key(|(j, _, _)| *j);
    result.reworded = reworded
        .into_iter()
        .map(|(_, old, new)| (old, new))
        .collect();
    result.added = after_left.into_iter().flatten().cloned().collect();
    result.removed = before_left.into_iter().flatten().cloned().collect();
    result
}

fn normalize(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Lower-case words, for similarity.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn jaccard(a: &[String], b: &[String]) -> f64 {
    use std::collections::HashSet;
    let a: HashSet<&String> = a.iter().collect();
    let b: HashSet<&String> = b.iter().collect();
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    a.intersection(&b).count() as f64 / a.union(&b).count() as f64
}

/// How similar two texts are by their words (0 to 1).
pub fn similarity(a: &str, b: &str) -> f64 {
    jaccard(&words(a), &words(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|item| item.to_string()).collect()
    }

    #[test]
    fn verbatim_reworded_added_and_removed_are_told_apart() {
        let before = strings(&[
            "You write clean and readable code.",
            "You build small to medium sized well defined features",
            "You ask questions.",
        ]);
        let after = strings(&[
            "You build medium to large sized well defined features",
            "You write clean and readable code.",
            "You mentor new hires.",
        ]);
        let result = match_items(&before, &after);
        assert_eq!(result.unchanged, ["You write clean and readable code."]);
        assert_eq!(result.reworded.len(), 1);
        assert_eq!(
            result.reworded[0].1,
            "You build medium to large sized well defined features"
        );
        assert_eq!(result.added, ["You mentor new hires."]);
        assert_eq!(result.removed, ["You ask questions."]);
    }
}
