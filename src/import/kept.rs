//! The net under the data reader: a sentence of another tool's data that no reading placed
//! (`leadership_scope: "Capable of leading a project…"` beside a level's criteria) is kept in
//! the level it was written in, or as prose, so that an import loses no text.

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use crate::model::{Ladder, Section};

/// The fewest words of a data string that is text for a reader (a phrase, a sentence) rather
/// than an identifier, a label, a colour or a number.
const LEAST_WORDS: usize = 4;

/// How many words a text holds as a reader counts them: those between spaces, and in scripts
/// written without spaces (Chinese, Japanese, Thai, Lao, Khmer, Burmese) one per two
/// characters, so "反対がなければ、役割が付与されます。" is a sentence, not a label.
fn reader_words(text: &str) -> usize {
    let unspaced = text
        .chars()
        .filter(|&c| {
            matches!(c as u32,
                0x3040..=0x30FF // Hiragana, Katakana
                | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF // Han
                | 0x0E00..=0x0EFF // Thai, Lao
                | 0x1780..=0x17FF // Khmer
                | 0x1000..=0x109F // Burmese
            )
        })
        .count();
    text.split_whitespace().count() + unspaced / 2
}

/// The most bytes of the ladder's texts searched for the data's strings (each search goes
/// through all of them): bounded time on huge data; past it, a string not found word for word
/// is kept.
const MOST_SEARCHED_BYTES: usize = 200_000_000;

/// Keys whose strings are addresses, identifiers or styling, never text for a reader.
const NOT_TEXT_KEYS: &[&str] = &[
    "id",
    "url",
    "href",
    "link",
    "links",
    "src",
    "image",
    "img",
    "icon",
    "color",
    "colour",
    "slug",
    "path",
    "file",
    "email",
    "key",
    "ref",
    "uuid",
    "style",
    "class",
    "classname",
];

/// Keys whose text describes what holds it: kept without a label.
const DESCRIBING_KEYS: &[&str] = &["description", "summary", "desc", "about", "overview"];

/// Keys that title the object holding them: one that titles a level says which level the
/// object's strings belong to.
const TITLE_KEYS: &[&str] = &["title", "name", "label", "role", "position", "level", "id"];

/// Adds to `ladder` the sentences of `data` that none of its texts holds: each to the
/// description of the level whose object holds it (the only level, when there is one), as
/// `**Key:** text`, or else as a prose section titled by its key.
pub fn keep_unplaced(data: &Value, ladder: &mut Ladder) {
    let held = Held::of(ladder);
    // Each level's title and id, [`comparable`], to the level's index (the first level of a
    // title, when several share it).
    let mut level_titles: HashMap<String, usize> = HashMap::new();
    for (index, level) in ladder
        .tracks
        .iter()
        .flat_map(|track| &track.levels)
        .enumerate()
    {
        for title in [comparable(&level.title), comparable(&level.id)] {
            if !title.is_empty() {
                level_titles.entry(title).or_insert(index);
            }
        }
    }
    let level_count: usize = ladder.tracks.iter().map(|track| track.levels.len()).sum();
    let only_level = (level_count == 1).then_some(0);
    let mut searched = 0;
    let mut unplaced: Vec<(Option<usize>, String, String)> = Vec::new();
    // (the value, its key, the level it is in); a stack, so that deep data costs no native
    // stack.
    let mut pending: Vec<(&Value, &str, Option<usize>)> = vec![(data, "", only_level)];
    while let Some((value, key, level)) = pending.pop() {
        match value {
            Value::Object(members) => {
                let titled = TITLE_KEYS
                    .iter()
                    .filter_map(|title| members.get(*title).and_then(Value::as_str))
                    .chain(std::iter::once(key))
                    .find_map(|title| level_titles.get(&comparable(title)).copied());
                let level = titled.or(level);
                // In reverse, so that the stack gives them back in the file's order.
                for (child_key, child) in members.iter().rev() {
                    if !NOT_TEXT_KEYS.contains(&child_key.to_lowercase().as_str()) {
                        pending.push((child, child_key, level));
                    }
                }
            }
            Value::Array(items) => {
                pending.extend(items.iter().rev().map(|item| (item, key, level)));
            }
            Value::String(text) => {
                let text = text.trim();
                // What describes its holder is kept however short.
                let least = if DESCRIBING_KEYS.contains(&key.to_lowercase().as_str()) {
                    1
                } else {
                    LEAST_WORDS
                };
                if reader_words(text) < least
                    || text.contains("://")
                    || crate::import::interpret::is_placeholder(text)
                {
                    continue;
                }
                if !held.holds(text, &mut searched) {
                    unplaced.push((level, key.to_owned(), text.to_owned()));
                }
            }
            _ => {}
        }
    }
    place(unplaced, ladder);
}

/// Puts each unplaced text where [`keep_unplaced`] says.
fn place(unplaced: Vec<(Option<usize>, String, String)>, ladder: &mut Ladder) {
    let mut levels: Vec<&mut crate::model::Level> = ladder
        .tracks
        .iter_mut()
        .flat_map(|track| track.levels.iter_mut())
        .collect();
    for (level, key, text) in unplaced {
        let label = if DESCRIBING_KEYS.contains(&key.to_lowercase().as_str()) {
            String::new()
        } else {
            humanized(&key)
        };
        match level.and_then(|index| levels.get_mut(index)) {
            Some(level) => {
                let said = if label.is_empty() {
                    text
                } else {
                    format!("**{label}:** {text}")
                };
                level.description = Some(match level.description.take() {
                    Some(description) if !description.is_empty() => {
                        format!("{description}\n\n{said}")
                    }
                    _ => said,
                });
            }
            None => {
                let title = if label.is_empty() {
                    String::from("Notes")
                } else {
                    label
                };
                match ladder
                    .sections
                    .iter_mut()
                    .find(|section| section.title == title)
                {
                    Some(section) => {
                        section.body.push_str("\n\n");
                        section.body.push_str(&text);
                    }
                    None => ladder.sections.push(Section {
                        title,
                        body: text,
                        depth: 2,
                        internal: false,
                    }),
                }
            }
        }
    }
}

/// The texts of a ladder, to ask whether a data string is among them.
struct Held {
    /// Each text, [`comparable`].
    texts: HashSet<String>,
    /// All of them, [`comparable`], one after another.
    joined: String,
}

impl Held {
    fn of(ladder: &Ladder) -> Self {
        let mut texts = HashSet::new();
        let mut joined = String::new();
        let value = serde_json::to_value(ladder).unwrap_or(Value::Null);
        let mut pending = vec![&value];
        while let Some(value) = pending.pop() {
            match value {
                Value::String(text) => {
                    // A description the reading joined from several of the data's texts, and
                    // a text it gave a label (`**Area:** text`): each part as well.
                    for paragraph in text.split("\n\n") {
                        texts.insert(comparable(paragraph));
                        if let Some((_, said)) = paragraph.split_once(": ") {
                            texts.insert(comparable(said));
                        }
                    }
                    let text = comparable(text);
                    joined.push_str(&text);
                    joined.push('\u{1}');
                    texts.insert(text);
                }
                Value::Array(items) => pending.extend(items),
                Value::Object(members) => pending.extend(members.values()),
                _ => {}
            }
        }
        Held { texts, joined }
    }

    /// Whether the ladder holds `text`, word for word or inside one of its texts (a lead-in
    /// joined to its area's name, a text joined to the description); `searched` counts the
    /// bytes searched, up to [`MOST_SEARCHED_BYTES`], past which a text not found whole is
    /// taken as not held: kept twice rather than lost.
    fn holds(&self, text: &str, searched: &mut usize) -> bool {
        let text = comparable(text);
        if text.is_empty() || self.texts.contains(&text) {
            return true;
        }
        *searched += self.joined.len();
        *searched <= MOST_SEARCHED_BYTES && self.joined.contains(&text)
    }
}

/// A text as compared: its letters and digits only, lowercased, so that Markdown, spacing and
/// punctuation the reading changed do not hide it.
fn comparable(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A data key as a label: `leadership_scope` → "Leadership scope".
fn humanized(key: &str) -> String {
    let mut words = String::new();
    let mut previous_lower = false;
    for c in key.chars() {
        if c == '_' || c == '-' {
            words.push(' ');
            previous_lower = false;
            continue;
        }
        // `leadershipScope`: a capital after a small letter starts a word.
        if c.is_uppercase() && previous_lower {
            words.push(' ');
        }
        previous_lower = c.is_lowercase();
        words.extend(c.to_lowercase());
    }
    let words = words.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn imported(name: &str, text: &str) -> Ladder {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join(name);
        std::fs::write(&path, text).unwrap();
        crate::import::import_file(&path)
            .unwrap_or_else(|errors| panic!("{errors:?}"))
            .ladder
    }

    #[test]
    fn a_sentence_no_reading_placed_is_kept_in_its_level() {
        // Redspace's level pages: the level's facts as front matter, one of them a sentence
        // beside its competencies.
        let ladder = imported(
            "senior.md",
            "---\nposition: Senior Developer\ntier: sd\ntheme: Leads\ndescription: Leads through mastery\n\
             leadership_scope: Capable of leading a project, but not required to.\n\
             competencies:\n  technology:\n    keyword: Master\n    summary: Knows the lifecycle.\n\
             \x20   bullets:\n      - Masters the lifecycle\n\
             \x20 people:\n    keyword: Mentor\n    summary: Grows others.\n    bullets:\n      - Mentors others\n---\n",
        );
        let level = &ladder.tracks[0].levels[0];
        assert_eq!(
            level.description.as_deref(),
            Some(
                "Leads through mastery\n\n**Leadership scope:** Capable of leading a project, \
                 but not required to."
            )
        );
        // A word or two (`theme: Leads`) is a label, not text to keep.
        assert!(!format!("{ladder:?}").contains("Theme"));
    }

    #[test]
    fn a_sentence_of_several_levels_data_goes_to_the_level_that_holds_it() {
        let ladder = imported(
            "levels.json",
            r#"{"levels": [
                {"title": "Junior", "criteria": ["Writes tests"], "mindset": "Curious about how things work"},
                {"title": "Senior", "criteria": ["Designs systems"], "mindset": "Owns the outcome of the team"}],
               "footer": "Reviewed every year by the staff engineers"}"#,
        );
        let description = |index: usize| {
            ladder.tracks[0].levels[index]
                .description
                .clone()
                .unwrap_or_default()
        };
        assert!(description(0).contains("**Mindset:** Curious about how things work"));
        assert!(description(1).contains("**Mindset:** Owns the outcome of the team"));
        assert!(ladder
            .sections
            .iter()
            .any(|section| section.title == "Footer"
                && section.body == "Reviewed every year by the staff engineers"));
    }

    #[test]
    fn keys_read_as_labels() {
        assert_eq!(humanized("leadership_scope"), "Leadership scope");
        assert_eq!(humanized("leadershipScope"), "Leadership scope");
        assert_eq!(humanized(""), "");
    }
}
