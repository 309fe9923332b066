//! The words a reader sees around a ladder's own text ("Experience", "Page 3 of 12", sheet
//! names), in the ladder's language, from one dictionary per language.
//!
//! The dictionaries are `layouts/labels/<language>.yaml`, built into the binary for `en`, `de`,
//! `fr`, `es`, `pt` and `ja`. A file of the same name in the layouts folder of a run (or a new
//! language's file there) overrides the built-in one, so an organization rewords a label
//! without touching Rust. English is the base every dictionary falls back to: a key a file
//! lacks is taken from English and reported, so an output never shows a key's name.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::Arc;

use anyhow::Context as _;
use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::diagnostic::Diagnostic;

/// The dictionaries shipped in the binary.
const BUILT_IN: &[(&str, &str)] = &[
    ("en", include_str!("../layouts/labels/en.yaml")),
    ("de", include_str!("../layouts/labels/de.yaml")),
    ("fr", include_str!("../layouts/labels/fr.yaml")),
    ("es", include_str!("../layouts/labels/es.yaml")),
    ("pt", include_str!("../layouts/labels/pt.yaml")),
    ("ja", include_str!("../layouts/labels/ja.yaml")),
    ("zh", include_str!("../layouts/labels/zh.yaml")),
    ("ko", include_str!("../layouts/labels/ko.yaml")),
    ("ar", include_str!("../layouts/labels/ar.yaml")),
    ("he", include_str!("../layouts/labels/he.yaml")),
];

/// The language every dictionary falls back to.
pub const BASE_LANGUAGE: &str = "en";

/// The built-in dictionaries' files: (language, YAML text), for `ladder init` to copy.
pub fn built_in_sources() -> impl Iterator<Item = (&'static str, &'static str)> {
    BUILT_IN.iter().copied()
}

/// The languages with a built-in dictionary.
pub fn built_in_languages() -> impl Iterator<Item = &'static str> {
    BUILT_IN.iter().map(|(language, _)| *language)
}

/// One entry of a dictionary.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Label {
    /// A text, possibly with `{placeholders}`.
    Text(String),
    /// A text chosen by a count.
    Plural {
        /// For one item (and for zero in French and Portuguese).
        one: String,
        /// For any other count.
        other: String,
    },
    /// A list, such as the month names.
    List(Vec<String>),
}

/// A piece of a filled-in sentence: text, or the place of a value the caller renders itself
/// (a link to a level, say).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "value", rename_all = "lowercase")]
pub enum Piece<T> {
    /// Plain text.
    Text(String),
    /// A value in its place.
    Value(T),
}

/// The labels of one language, complete (missing keys were filled from English).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Labels {
    /// The language's BCP 47 tag as the ladder gave it (`de`, `pt-BR`), for typst and metadata.
    pub language: String,
    /// Every label by key.
    pub entries: BTreeMap<String, Label>,
}

impl Labels {
    /// The text of a label. Every key the code uses is in the English dictionary (a test
    /// checks), which every language falls back to; an unknown key shows as a visible marker.
    pub fn text(&self, key: &str) -> &str {
        match self.entries.get(key) {
            Some(Label::Text(text)) => text,
            Some(Label::Plural { other, .. }) => other,
            _ => "[missing label]",
        }
    }

    /// A label with its `{placeholders}` filled in.
    pub fn fill(&self, key: &str, values: &[(&str, &str)]) -> String {
        fill_text(self.text(key), values)
    }

    /// A label chosen by `count` (`{count}` filled in), with other placeholders filled in.
    pub fn count(&self, key: &str, count: usize, values: &[(&str, &str)]) -> String {
        let text = match self.entries.get(key) {
            Some(Label::Plural { one, other }) => {
                if self.is_singular(count) {
                    one.as_str()
                } else {
                    other.as_str()
                }
            }
            _ => self.text(key),
        };
        let count = count.to_string();
        let mut all = vec![("count", count.as_str())];
        all.extend_from_slice(values);
        fill_text(text, &all)
    }

    fn is_singular(&self, count: usize) -> bool {
        match primary_subtag(&self.language).as_str() {
            "fr" | "pt" => count <= 1,
            _ => count == 1,
        }
    }

    /// A label split at its placeholders: text pieces, and the values in their places.
    pub fn pieces<T: Clone>(&self, text: &str, values: &[(&str, T)]) -> Vec<Piece<T>> {
        let mut pieces = Vec::new();
        let mut rest = text;
        while let Some(start) = rest.find('{') {
            let Some(length) = rest[start..].find('}') else {
                break;
            };
            let name = &rest[start + 1..start + length];
            match values.iter().find(|(wanted, _)| *wanted == name) {
                Some((_, value)) => {
                    if start > 0 {
                        pieces.push(Piece::Text(rest[..start].to_owned()));
                    }
                    pieces.push(Piece::Value(value.clone()));
                }
                None => pieces.push(Piece::Text(rest[..start + length + 1].to_owned())),
            }
            rest = &rest[start + length + 1..];
        }
        if !rest.is_empty() {
            pieces.push(Piece::Text(rest.to_owned()));
        }
        pieces
    }

    /// A date as this language writes it ("1 March 2026", "1. März 2026", "2026年3月1日").
    pub fn date(&self, date: Date) -> String {
        let month = match self.entries.get("months") {
            Some(Label::List(months)) => months.get(usize::from(date.month) - 1).cloned(),
            _ => None,
        }
        .unwrap_or_else(|| date.month.to_string());
        self.fill(
            "date",
            &[
                ("day", &date.day.to_string()),
                ("month", &month),
                ("year", &date.year.to_string()),
            ],
        )
    }

    /// The value a label with one placeholder holds in `text` ("3" in "Version 3" for
    /// `Version {version}`), for reading outputs back.
    pub fn unfill(&self, key: &str, text: &str) -> Option<String> {
        let template = self.text(key);
        let start = template.find('{')?;
        let end = start + template[start..].find('}')?;
        let value = text
            .strip_prefix(&template[..start])?
            .strip_suffix(&template[end + 1..])?;
        (!value.trim().is_empty()).then(|| value.trim().to_owned())
    }

    /// A date written as this language writes it, read back.
    pub fn parse_date(&self, text: &str) -> Option<Date> {
        let text = text.trim();
        let year: u16 = text
            .split(|c: char| !c.is_ascii_digit())
            .find(|part| part.len() == 4)?
            .parse()
            .ok()?;
        (1..=12)
            .flat_map(|month| (1..=31).map(move |day| (month, day)))
            .filter_map(|(month, day)| Date::new(year, month, day))
            .find(|date| self.date(*date) == text)
    }

    /// Every label as plain text (plurals in their `other` form, lists joined), to search
    /// outputs for words of another language.
    pub fn texts(&self) -> impl Iterator<Item = (&str, &str)> {
        self.entries.iter().filter_map(|(key, label)| match label {
            Label::Text(text) => Some((key.as_str(), text.as_str())),
            Label::Plural { other, .. } => Some((key.as_str(), other.as_str())),
            Label::List(_) => None,
        })
    }
}

fn fill_text(text: &str, values: &[(&str, &str)]) -> String {
    let mut out = text.to_owned();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// `pt` of `pt-BR`, lower case.
pub fn primary_subtag(tag: &str) -> String {
    tag.split(['-', '_'])
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

/// Whether a language is written right to left (typst sets the direction from the language,
/// and exporters that lay out text themselves need to know).
pub fn is_right_to_left(tag: &str) -> bool {
    matches!(
        primary_subtag(tag).as_str(),
        "ar" | "he" | "fa" | "ur" | "yi" | "ps" | "sd" | "ug" | "dv" | "ckb"
    )
}

/// Every dictionary a run can use: the built-in ones, overridden or extended by the files in
/// a layouts folder's `labels/`.
#[derive(Debug, Clone)]
pub struct Dictionaries {
    base: BTreeMap<String, Label>,
    /// Language (primary subtag) → its entries as written (not yet merged with English).
    languages: HashMap<String, BTreeMap<String, Label>>,
    /// Where each language's entries came from, for messages.
    origins: HashMap<String, String>,
}

impl Dictionaries {
    /// The built-in dictionaries, with the files of `<layouts>/labels/` over them.
    pub fn load(layouts: Option<&Path>) -> anyhow::Result<Dictionaries> {
        let mut languages = HashMap::new();
        let mut origins = HashMap::new();
        for (language, text) in BUILT_IN {
            let entries = parse(text)
                .with_context(|| format!("the built-in labels/{language}.yaml is broken"))?;
            languages.insert((*language).to_owned(), entries);
            origins.insert((*language).to_owned(), format!("labels/{language}.yaml"));
        }
        if let Some(folder) = layouts.map(|layouts| layouts.join("labels")) {
            if folder.is_dir() {
                let entries = std::fs::read_dir(&folder)
                    .with_context(|| format!("cannot read the folder {}", folder.display()))?;
                for entry in entries {
                    let path = entry
                        .with_context(|| format!("cannot read the folder {}", folder.display()))?
                        .path();
                    let is_yaml = path.extension().is_some_and(|e| e == "yaml" || e == "yml");
                    let Some(stem) = path.file_stem().filter(|_| is_yaml) else {
                        continue;
                    };
                    let language = primary_subtag(&stem.to_string_lossy());
                    let text = std::fs::read_to_string(&path)
                        .with_context(|| format!("cannot read {}", path.display()))?;
                    let entries = parse(&text).with_context(|| {
                        format!("{} is not a dictionary of labels", path.display())
                    })?;
                    languages.insert(language.clone(), entries);
                    origins.insert(language, path.display().to_string());
                }
            }
        }
        let base = languages
            .get(BASE_LANGUAGE)
            .cloned()
            .context("there is no English dictionary (labels/en.yaml)")?;
        Ok(Dictionaries {
            base,
            languages,
            origins,
        })
    }

    /// The built-in dictionaries only.
    pub fn built_in() -> Dictionaries {
        Dictionaries::load(None).expect("the built-in dictionaries are tested")
    }

    /// The complete labels for a language tag, with a warning for each key its dictionary
    /// lacks (filled from English) and for a language that has no dictionary at all.
    pub fn labels(&self, tag: &str) -> (Arc<Labels>, Vec<Diagnostic>) {
        let language = primary_subtag(tag);
        let mut entries = self.base.clone();
        let mut warnings = Vec::new();
        match self.languages.get(&language) {
            Some(own) => {
                let origin = &self.origins[&language];
                for key in self.base.keys().filter(|key| !own.contains_key(*key)) {
                    warnings.push(
                        Diagnostic::warning(
                            "missing-label",
                            format!(
                                "{origin} has no label `{key}`: the English one is used"
                            ),
                        )
                        .with_hint(format!("add `{key}:` to {origin}")),
                    );
                }
                entries.extend(own.clone());
            }
            None => warnings.push(
                Diagnostic::warning(
                    "unknown-language",
                    format!("there are no labels for the language `{tag}`: English ones are used"),
                )
                .with_hint(format!(
                    "copy layouts/labels/en.yaml to layouts/labels/{language}.yaml and translate it; built in: {}",
                    built_in_languages().collect::<Vec<_>>().join(", ")
                )),
            ),
        }
        let labels = Labels {
            language: if tag.trim().is_empty() {
                BASE_LANGUAGE.to_owned()
            } else {
                tag.trim().to_owned()
            },
            entries,
        };
        (Arc::new(labels), warnings)
    }
}

/// The complete labels of every built-in language, loaded once (for reading outputs back).
pub fn built_in_labels() -> &'static [Arc<Labels>] {
    static LABELS: std::sync::OnceLock<Vec<Arc<Labels>>> = std::sync::OnceLock::new();
    LABELS.get_or_init(|| {
        let dictionaries = Dictionaries::built_in();
        built_in_languages()
            .map(|language| dictionaries.labels(language).0)
            .collect()
    })
}

fn parse(text: &str) -> anyhow::Result<BTreeMap<String, Label>> {
    Ok(serde_yaml::from_str(text)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_built_in_dictionary_has_every_key_with_the_same_placeholders() {
        let dictionaries = Dictionaries::built_in();
        let english = dictionaries.labels("en").0;
        let placeholders = |text: &str| -> Vec<String> {
            let mut names: Vec<String> = text
                .split('{')
                .skip(1)
                .filter_map(|rest| rest.split_once('}').map(|(name, _)| name.to_owned()))
                .collect();
            names.sort();
            names
        };
        for language in built_in_languages() {
            let (labels, warnings) = dictionaries.labels(language);
            assert!(warnings.is_empty(), "{language}: {warnings:?}");
            for (key, text) in english.texts() {
                assert_eq!(
                    placeholders(labels.text(key)),
                    placeholders(text),
                    "{language}: {key}"
                );
            }
            assert!(
                matches!(labels.entries.get("months"), Some(Label::List(months)) if months.len() == 12),
                "{language}: twelve months"
            );
        }
    }

    #[test]
    fn dates_plurals_and_pieces_follow_the_language() {
        let dictionaries = Dictionaries::built_in();
        let date = Date::new(2026, 3, 1).unwrap();
        assert_eq!(dictionaries.labels("en").0.date(date), "1 March 2026");
        assert_eq!(dictionaries.labels("de-DE").0.date(date), "1. März 2026");
        assert_eq!(dictionaries.labels("ja").0.date(date), "2026年3月1日");
        let english = dictionaries.labels("en").0;
        assert_eq!(english.count("level_count", 1, &[]), "1 level");
        assert_eq!(english.count("level_count", 0, &[]), "0 levels");
        let french = dictionaries.labels("fr").0;
        assert_eq!(
            french.count("level_count", 0, &[]),
            french.count("level_count", 1, &[]).replace('1', "0")
        );
        let pieces = english.pieces(english.text("changes_same"), &[("level", 7)]);
        assert_eq!(
            pieces,
            vec![
                Piece::Text("The same expectations as ".into()),
                Piece::Value(7),
                Piece::Text(".".into())
            ]
        );
    }

    #[test]
    fn an_unknown_language_or_a_missing_key_falls_back_to_english_with_a_warning() {
        let dictionaries = Dictionaries::built_in();
        let (labels, warnings) = dictionaries.labels("fa");
        assert_eq!(labels.text("grade"), "Grade");
        assert_eq!(labels.language, "fa");
        assert_eq!(warnings.len(), 1);
        let folder = tempfile::tempdir().unwrap();
        std::fs::create_dir(folder.path().join("labels")).unwrap();
        std::fs::write(folder.path().join("labels/de.yaml"), "grade: Stufe\n").unwrap();
        let dictionaries = Dictionaries::load(Some(folder.path())).unwrap();
        let (labels, warnings) = dictionaries.labels("de");
        assert_eq!(labels.text("grade"), "Stufe");
        assert_eq!(labels.text("experience"), "Experience");
        assert!(warnings
            .iter()
            .any(|warning| warning.message.contains("`experience`")));
    }
}
