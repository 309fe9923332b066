//! The normalized ladder model.
//!
//! Every input shape (the YAML source in `ladders/`, and later imported Markdown or HTML) becomes
//! one [`Ladder`], and every exporter reads only this model. The serde shape *is* the YAML source
//! format, so that a model written back out (by the importer) reads like a hand-written file.
//!
//! Text fields hold Markdown (inline emphasis, links, code); exporters render it for their medium
//! and treat everything else in it as literal text.

use std::fmt;

use indexmap::IndexMap;
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::date::Date;

/// One engineering job ladder: metadata, competency areas, tracks of levels, and prose.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Engineering job ladder")]
pub struct Ladder {
    /// Identifier used for output folders and file names. Defaults to the source file's stem.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub id: String,
    /// The ladder's title, e.g. "Engineering Job Ladder".
    pub title: String,
    /// The organization the ladder belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization: Option<String>,
    /// The version of this ladder, as the organization names it ("2", "2024.1").
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient::optional_text"
    )]
    pub version: Option<String>,
    /// The date this version takes effect, `YYYY-MM-DD`. Also dates the generated documents.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective_date: Option<Date>,
    /// The language the ladder is written in, as a BCP 47 tag (`en`, `de`, `pt-BR`, `ja`).
    /// Every label of every output (headings, facts, sheet names, dates) follows it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// People who wrote the ladder.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<String>,
    /// An introduction to the whole ladder (Markdown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// Whether each level assumes every requirement of the levels below it.
    #[serde(default, skip_serializing_if = "is_false")]
    pub cumulative: bool,
    /// The competency areas (axes) expectations are grouped by.
    #[serde(default)]
    pub areas: Vec<Area>,
    /// An optional organization-wide scale that aligns the tracks (pay bands, internal levels).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub grades: Vec<Grade>,
    /// The career tracks, e.g. individual contributor and manager.
    pub tracks: Vec<Track>,
    /// Prose sections, in reading order (Markdown bodies).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<Section>,
    /// Acknowledgements and sources (Markdown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credits: Option<String>,
    /// Lints of `ladder check` to switch off for this ladder, by name (`repeated-expectation`,
    /// `missing-area`, `uneven-jump`, `gendered-wording`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub allow_lints: Vec<String>,
}

/// A competency axis such as "Communication".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Area {
    /// Identifier used as the key of `expectations`, e.g. `communication`.
    pub id: String,
    /// The name shown to readers.
    pub name: String,
    /// What the area covers (Markdown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Other spellings of the area; usable as `expectations` keys too.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
}

/// One step of an organization-wide scale that aligns levels across tracks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Grade {
    /// Identifier referenced by a level's `grade`, e.g. "5".
    #[serde(deserialize_with = "lenient::text")]
    pub id: String,
    /// The name shown to readers, e.g. "General Ladder 5".
    pub name: String,
}

/// A career track: an ordered series of levels.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Track {
    /// Identifier, unique in the ladder.
    pub id: String,
    /// The name shown to readers.
    pub name: String,
    /// What kind of track this is.
    pub kind: TrackKind,
    /// Other names the ladder gives this track.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// An introduction to the track (Markdown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// A link the source gives for the track.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    /// The areas this track uses, in order. Empty means: the areas its levels use, in ladder order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub areas: Vec<String>,
    /// The levels, lowest first.
    pub levels: Vec<Level>,
    /// Only for internal outputs: the whole track stays out of public ones.
    #[serde(default, skip_serializing_if = "is_false")]
    pub internal: bool,
}

/// Individual contributor, manager, or a role held on top of a title (Lead, Architect).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum TrackKind {
    /// Individual contributor.
    Ic,
    /// People manager.
    Manager,
    /// A role held in addition to a title; its levels name a required level.
    Role,
}

/// One level of a track, e.g. "Senior Software Engineer".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Level {
    /// Identifier, unique in the whole ladder (used for file names and links).
    pub id: String,
    /// Position within the track; must increase from level to level. Defaults to the position.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rank: Option<u32>,
    /// The job title.
    pub title: String,
    /// Other titles the ladder uses for this level.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// An internal level code, as written ("IC 3a", "Manager 5").
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient::optional_text"
    )]
    pub code: Option<String>,
    /// The id of this level's grade on the organization-wide scale.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient::optional_text"
    )]
    pub grade: Option<String>,
    /// Typical experience, as written ("0-3 years", "8+").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub experience: Option<Experience>,
    /// A one-line summary of the level (Markdown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headline: Option<String>,
    /// A description of the level (Markdown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Expectations grouped by area: area id (or alias) to an ordered list of expectations,
    /// each a Markdown string or `{text, examples}`.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub expectations: IndexMap<String, Vec<Expectation>>,
    /// Equivalent levels in other tracks, by id or title. A name that matches no level is kept.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub equivalents: Vec<String>,
    /// For a role: the id of the level a person must hold to take it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requires: Option<String>,
    /// The id of a level whose expectations this level shares (two titles, one set of expectations).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shares_expectations_with: Option<String>,
    /// A link the source gives for the level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    /// `true` to keep the level out of public outputs, or the level's internal notes and
    /// expectations.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub internal: Option<Internal>,
}

/// A prose section such as "Performance Reviews and Promotions".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// The heading.
    pub title: String,
    /// The text (Markdown).
    pub body: String,
    /// Nesting: 1 for a top-level section, 2 for a subsection of the previous one, and so on.
    #[serde(default = "default_depth", skip_serializing_if = "is_default_depth")]
    #[schemars(range(min = 1, max = 3))]
    pub depth: u8,
    /// Only for internal outputs (the booklet and workbook by default), never the public
    /// handbook: calibration guidance, pay policy.
    #[serde(default, skip_serializing_if = "is_false")]
    pub internal: bool,
}

/// What only internal readers see of a level: `internal: true` keeps the whole level out of
/// public outputs; a block holds notes (pay band, calibration guidance) and expectations that
/// only internal outputs show.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Internal {
    /// `internal: true`: the whole level is internal (`false` changes nothing).
    Whole(bool),
    /// `internal: {notes: ..., expectations: ...}`: parts of a public level that are internal.
    Parts(InternalParts),
}

/// The internal parts of a public level.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InternalParts {
    /// Notes by label, shown with the level's facts in internal outputs ("Pay band": "B4").
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub notes: IndexMap<String, String>,
    /// Expectations by area that internal outputs add to the level's own.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub expectations: IndexMap<String, Vec<Expectation>>,
}

/// One expectation of a level: what is expected (Markdown), and optionally examples of it.
///
/// Written as a plain string when it has no examples (`- Writes tests`), else as
/// `{text: ..., examples: [...]}`; a model written back out keeps the short form where it can,
/// so imported ladders read like hand-written ones. Examples illustrate the expectation (Monzo's
/// "examples" under a criterion, Snowflake's per milestone); they are not expectations of their
/// own, so comparisons between levels and counts look at `text` only.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Expectation {
    /// The expectation (Markdown).
    pub text: String,
    /// Examples of it (Markdown), in order.
    pub examples: Vec<String>,
}

impl Expectation {
    /// An expectation without examples.
    pub fn new(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            examples: Vec::new(),
        }
    }

    /// The same expectation with these examples.
    pub fn with_examples(mut self, examples: Vec<String>) -> Self {
        self.examples = examples;
        self
    }

    /// The expectation's text (Markdown).
    pub fn as_str(&self) -> &str {
        &self.text
    }
}

impl From<&str> for Expectation {
    fn from(text: &str) -> Self {
        Self::new(text)
    }
}

impl From<String> for Expectation {
    fn from(text: String) -> Self {
        Self::new(text)
    }
}

impl AsRef<str> for Expectation {
    fn as_ref(&self) -> &str {
        &self.text
    }
}

/// An expectation equals a text when it says that text and gives no examples.
impl PartialEq<&str> for Expectation {
    fn eq(&self, other: &&str) -> bool {
        self.examples.is_empty() && self.text == *other
    }
}

impl fmt::Display for Expectation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

/// An expectation with examples of it: `{text: ..., examples: [...]}`.
#[derive(Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "ExpectationWithExamples")]
struct ExpectationSource {
    /// The expectation (Markdown).
    #[serde(deserialize_with = "lenient::text")]
    text: String,
    /// Examples of it (Markdown), in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    examples: Vec<String>,
}

impl Serialize for Expectation {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.examples.is_empty() {
            serializer.serialize_str(&self.text)
        } else {
            ExpectationSource {
                text: self.text.clone(),
                examples: self.examples.clone(),
            }
            .serialize(serializer)
        }
    }
}

impl<'de> Deserialize<'de> for Expectation {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::{self, MapAccess, Visitor};

        struct ExpectationVisitor;

        impl<'de> Visitor<'de> for ExpectationVisitor {
            type Value = Expectation;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an expectation: text, or `{text: ..., examples: [...]}`")
            }

            fn visit_str<E: de::Error>(self, value: &str) -> Result<Expectation, E> {
                Ok(Expectation::new(value))
            }

            fn visit_string<E: de::Error>(self, value: String) -> Result<Expectation, E> {
                Ok(Expectation::new(value))
            }

            fn visit_u64<E: de::Error>(self, value: u64) -> Result<Expectation, E> {
                Ok(Expectation::new(value.to_string()))
            }

            fn visit_i64<E: de::Error>(self, value: i64) -> Result<Expectation, E> {
                Ok(Expectation::new(value.to_string()))
            }

            fn visit_f64<E: de::Error>(self, value: f64) -> Result<Expectation, E> {
                Ok(Expectation::new(value.to_string()))
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Expectation, A::Error> {
                let source =
                    ExpectationSource::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(Expectation {
                    text: source.text,
                    examples: source.examples,
                })
            }
        }

        deserializer.deserialize_any(ExpectationVisitor)
    }
}

impl JsonSchema for Expectation {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Expectation".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let long = generator.subschema_for::<ExpectationSource>();
        schemars::json_schema!({
            "description": "An expectation (Markdown), or an expectation with examples of it.",
            "anyOf": [{"type": "string"}, long]
        })
    }
}

/// Experience as written, plus the years it states when it states them plainly.
///
/// Written as a plain string in the source; the years are derived so that exporters and checks
/// can sort and compare without parsing text themselves.
#[derive(Debug, Clone, PartialEq, Eq, JsonSchema)]
#[schemars(with = "String")]
pub struct Experience {
    /// The text as written, e.g. "5-10 years".
    pub text: String,
    /// The least number of years stated ("5" in "5-10 years", "4" in "4+").
    pub min_years: Option<u32>,
    /// The most number of years stated; `None` for open ranges like "8+".
    pub max_years: Option<u32>,
}

impl Experience {
    /// Parses "0-3 years", "2–6 yrs", "4+", "10+ years", "3 years", "5 to 8 years".
    /// Anything else keeps its text and states no years.
    pub fn parse(text: &str) -> Self {
        let (min_years, max_years) = parse_years(text).unwrap_or((None, None));
        Self {
            text: text.trim().to_owned(),
            min_years,
            max_years,
        }
    }
}

type YearRange = (Option<u32>, Option<u32>);

fn parse_years(text: &str) -> Option<YearRange> {
    let text = text.trim();
    let (first, rest) = leading_number(text)?;
    let rest = rest.trim_start();
    if let Some(after_plus) = rest.strip_prefix('+') {
        return only_unit(after_plus).then_some((Some(first), None));
    }
    for separator in ["-", "–", "—", "to "] {
        if let Some(after) = rest.strip_prefix(separator) {
            let (second, tail) = leading_number(after.trim_start())?;
            return (only_unit(tail) && second >= first).then_some((Some(first), Some(second)));
        }
    }
    only_unit(rest).then_some((Some(first), Some(first)))
}

fn leading_number(text: &str) -> Option<(u32, &str)> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let number = text[..digits].parse().ok()?;
    Some((number, &text[digits..]))
}

/// True when what follows a number is only a unit of years ("years", "yrs", "y") or nothing.
fn only_unit(text: &str) -> bool {
    let unit = text.trim().trim_end_matches('.').to_ascii_lowercase();
    matches!(
        unit.as_str(),
        "" | "y" | "yr" | "yrs" | "year" | "years" | "years of experience"
    )
}

impl fmt::Display for Experience {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl Serialize for Experience {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text)
    }
}

impl<'de> Deserialize<'de> for Experience {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        lenient::text(deserializer).map(|text| Experience::parse(&text))
    }
}

fn default_depth() -> u8 {
    1
}

fn is_default_depth(depth: &u8) -> bool {
    *depth == 1
}

fn is_false(value: &bool) -> bool {
    !*value
}

impl Ladder {
    /// All levels of all tracks, with their track, in document order.
    pub fn levels(&self) -> impl Iterator<Item = (&Track, &Level)> {
        self.tracks
            .iter()
            .flat_map(|track| track.levels.iter().map(move |level| (track, level)))
    }

    /// The level with this id.
    pub fn level(&self, id: &str) -> Option<&Level> {
        self.levels()
            .map(|(_, level)| level)
            .find(|level| level.id == id)
    }

    /// The area with this id, or whose alias this is.
    pub fn area(&self, id_or_alias: &str) -> Option<&Area> {
        self.areas
            .iter()
            .find(|area| area.id == id_or_alias)
            .or_else(|| {
                self.areas
                    .iter()
                    .find(|area| area.aliases.iter().any(|alias| alias == id_or_alias))
            })
    }

    /// The level a free-text reference (an equivalent, a command's argument) names: by id,
    /// then title or alias, ignoring case. `None` when it names no level, which `check`
    /// reports.
    pub fn resolve_level(&self, reference: &str) -> Option<&Level> {
        let levels = || self.levels().map(|(_, level)| level);
        levels()
            .find(|level| level.id.eq_ignore_ascii_case(reference.trim()))
            .or_else(|| levels().find(|level| level.is_named(reference)))
    }

    /// The track a name stands for (a roster's or a calibration sheet's): its id, name or an
    /// alias, ignoring case.
    pub fn track_named(&self, name: &str) -> Option<&Track> {
        let name = name.trim();
        self.tracks.iter().find(|track| {
            track.id.eq_ignore_ascii_case(name)
                || track.name.eq_ignore_ascii_case(name)
                || track
                    .aliases
                    .iter()
                    .any(|alias| alias.eq_ignore_ascii_case(name))
        })
    }

    /// The name of a level's grade (its id when the scale does not name it).
    pub fn grade_name(&self, level: &Level) -> Option<String> {
        level.grade.as_ref().map(|grade| {
            self.grades
                .iter()
                .find(|known| &known.id == grade)
                .map_or_else(|| grade.clone(), |known| known.name.clone())
        })
    }

    /// The track a level is in and its position there, by the level's id.
    pub fn position(&self, level_id: &str) -> Option<(&Track, usize)> {
        self.tracks.iter().find_map(|track| {
            track
                .levels
                .iter()
                .position(|level| level.id == level_id)
                .map(|index| (track, index))
        })
    }

    /// The language tag of the ladder: as written, `en` when it names none.
    pub fn language(&self) -> &str {
        self.language
            .as_deref()
            .map(str::trim)
            .filter(|tag| !tag.is_empty())
            .unwrap_or(crate::labels::BASE_LANGUAGE)
    }

    /// The areas a track rates, once each: those its `areas:` names, in that order, then those
    /// its levels' expectations use, in the ladder's order. The one rule for the view, the
    /// workbook's rating columns, the calibration reader and `check`'s unused-area lint.
    pub fn areas_of(&self, track: &Track) -> Vec<&Area> {
        let mut areas: Vec<&Area> = Vec::new();
        for area in track.areas.iter().filter_map(|id| self.area(id)) {
            if !areas.iter().any(|known| known.id == area.id) {
                areas.push(area);
            }
        }
        for area in &self.areas {
            let used = track.levels.iter().any(|level| {
                self.expectations_of(level)
                    .keys()
                    .any(|key| self.area(key).is_some_and(|found| found.id == area.id))
            });
            if used && !areas.iter().any(|known| known.id == area.id) {
                areas.push(area);
            }
        }
        areas
    }

    /// The expectations that apply to a level: its own, or those of the level it shares them with.
    pub fn expectations_of<'a>(
        &'a self,
        level: &'a Level,
    ) -> &'a IndexMap<String, Vec<Expectation>> {
        level
            .shares_expectations_with
            .as_deref()
            .and_then(|id| self.level(id))
            .map_or(&level.expectations, |shared| &shared.expectations)
    }
}

impl Track {
    /// The level of this track a name stands for: by id, then title or alias, ignoring case.
    pub fn level_named(&self, name: &str) -> Option<&Level> {
        let name = name.trim();
        self.levels
            .iter()
            .find(|level| level.id.eq_ignore_ascii_case(name))
            .or_else(|| self.levels.iter().find(|level| level.is_named(name)))
    }
}

impl Level {
    /// Whether `name` is this level's title or one of its aliases, ignoring case: the one
    /// rule every lookup of a level by name follows (by id, see [`Ladder::resolve_level`]).
    pub fn is_named(&self, name: &str) -> bool {
        let name = name.trim();
        self.title.eq_ignore_ascii_case(name)
            || self
                .aliases
                .iter()
                .any(|alias| alias.eq_ignore_ascii_case(name))
    }
}

/// An id made from a name: ASCII letters and digits, lower case, anything else as one `-`
/// (`Senior Engineer II` → `senior-engineer-ii`). Safe as a file name and a link anchor. Other
/// scripts are spelled in Latin letters first (`Développeur` → `developpeur`, `技术能力` →
/// `ji-shu-neng-li`, `기술` → `gisul`), so that an id in the YAML still says what it names.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in deunicode::deunicode(text).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_matches('-').to_owned();
    if out.is_empty() {
        String::from("x")
    } else {
        out
    }
}

/// Deserializers that accept a number where text is meant: people write `version: 2` and
/// `grade: 5` and mean the text "2" and "5".
mod lenient {
    use serde::de::{self, Deserialize, Deserializer, Visitor};
    use std::fmt;

    struct TextVisitor;

    impl Visitor<'_> for TextVisitor {
        type Value = String;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("text or a number")
        }

        fn visit_str<E: de::Error>(self, value: &str) -> Result<String, E> {
            Ok(value.to_owned())
        }

        fn visit_string<E: de::Error>(self, value: String) -> Result<String, E> {
            Ok(value)
        }

        fn visit_u64<E: de::Error>(self, value: u64) -> Result<String, E> {
            Ok(value.to_string())
        }

        fn visit_i64<E: de::Error>(self, value: i64) -> Result<String, E> {
            Ok(value.to_string())
        }

        fn visit_f64<E: de::Error>(self, value: f64) -> Result<String, E> {
            Ok(value.to_string())
        }
    }

    /// Text, or a number taken as its text (`version: 2` means "2").
    pub(crate) fn text<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
        deserializer.deserialize_any(TextVisitor)
    }

    /// Like [`text`], where a missing value (`version:` or `version: ~`) means none.
    pub(crate) fn optional_text<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<String>, D::Error> {
        struct Text(String);
        impl<'de> de::Deserialize<'de> for Text {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                text(deserializer).map(Text)
            }
        }
        Ok(Option::<Text>::deserialize(deserializer)?.map(|Text(text)| text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn experience_years_parse_from_the_shapes_ladders_use() {
        let years = |text: &str| {
            let experience = Experience::parse(text);
            (experience.min_years, experience.max_years)
        };
        assert_eq!(years("0-3 years"), (Some(0), Some(3)));
        assert_eq!(years("2–6 yrs"), (Some(2), Some(6)));
        assert_eq!(years("4+"), (Some(4), None));
        assert_eq!(years("10+ years"), (Some(10), None));
        assert_eq!(years("3 years"), (Some(3), Some(3)));
        assert_eq!(years("5 to 8 years"), (Some(5), Some(8)));
        assert_eq!(years("a decade or so"), (None, None));
        assert_eq!(years("8-5 years"), (None, None));
        assert_eq!(years("4+ years in management"), (None, None));
        assert_eq!(Experience::parse(" 4+ ").text, "4+");
    }

    #[test]
    fn ids_from_names_in_any_script_say_what_they_name() {
        assert_eq!(slug("Senior Engineer II"), "senior-engineer-ii");
        assert_eq!(
            slug("Développeur·se confirmé·e"),
            "developpeur-se-confirme-e"
        );
        assert_eq!(slug("Straße"), "strasse");
        assert_eq!(slug("技术能力"), "ji-shu-neng-li");
        assert_eq!(slug("Committer 的权利"), "committer-de-quan-li");
        assert_eq!(slug("기술"), "gisul");
        assert_eq!(slug("Инженер"), "inzhener");
        assert_eq!(slug("🎉"), "tada");
        assert_eq!(slug("—"), "x");
    }
}
