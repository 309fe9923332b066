//! What the templates receive as `/data.json`: the [view](crate::view) of the ladder, the
//! labels of its language, and the document's own details.
//!
//! Ladder text arrives as structure ([`markup`](crate::markup) values), never as typst markup,
//! so that a bullet reading `#read("/etc/passwd")` is shown, not run.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::calibration::ReportData;

use crate::labels::{primary_subtag, Label};
use crate::view::{LadderView, LevelView};

/// The whole of `/data.json`.
#[derive(Debug, Serialize)]
pub struct DocumentData<'a> {
    /// typst's paper name.
    pub paper: &'static str,
    /// The date shown on the document, written in the ladder's language.
    pub date: Option<String>,
    /// The tool and its version.
    pub tool: &'a str,
    /// The hash of the document's inputs.
    pub input_hash: &'a str,
    /// The language as typst takes it: an ISO 639 code, a region, and the text direction.
    pub lang: Lang,
    /// Every label of the ladder's language, by key.
    pub labels: &'a BTreeMap<String, Label>,
    /// The ladder; a one-pager gets it without its tracks.
    pub ladder: LadderData<'a>,
    /// For a one-pager: the level and who it is for.
    pub offer: Option<OfferData<'a>>,
    /// For a calibration one-pager: a person, their ratings and what is next for them.
    pub person: Option<PersonSheet<'a>>,
    /// For a calibration report: the meeting's figures.
    pub report: Option<ReportData>,
    /// For a volume of a booklet split by track: which volume it is.
    pub volume: Option<VolumeData>,
    /// For the main booklet of a ladder split by track: its volumes, a track each, in order.
    pub volumes: Option<Vec<VolumeData>>,
    /// For a one-page document (a one-pager, a 1:1 page): how it chooses its text size.
    pub fit: Option<Fit>,
}

/// How a one-page document chooses its text size. Measuring lays the page out twice (once to
/// measure, once to place), and most pages fit at the first, largest size: the build sets a
/// page at that size first and measures only a page that spilled onto a second.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Fit {
    /// The largest size, unmeasured.
    First,
    /// Each size in turn, largest first, until the page holds it all.
    Measure,
}

/// One volume of a booklet split by track.
#[derive(Debug, Serialize)]
pub struct VolumeData {
    /// Its file, relative to the main booklet (`volumes/engineering.pdf`).
    pub file: String,
    /// "Volume 2 of 5: Engineering", in the ladder's language.
    pub title: String,
    /// "The expectations of this track are in volume 2 (volumes/engineering.pdf).", for the
    /// main booklet.
    pub pointer: String,
}

/// A person's page after a calibration meeting, for their 1:1.
#[derive(Debug, Serialize)]
pub struct PersonSheet<'a> {
    /// Their name.
    pub name: &'a str,
    /// Their track's name.
    pub track: &'a str,
    /// Their current level.
    pub level: &'a LevelView,
    /// Per rated area: the level reached and how it stands to the current level.
    pub ratings: Vec<RatingView>,
    /// How many levels their track has: the scale of the ratings chart.
    pub scale: usize,
    /// Their current level's place in the track (1 the lowest).
    pub current_rank: usize,
    /// The proposed level's place in the track, when one is proposed.
    pub proposed_rank: Option<usize>,
    /// The notes and evidence typed in the meeting, line breaks kept.
    pub notes: Option<&'a str>,
    /// The current level's expectations in the areas rated below it.
    pub below: Vec<&'a crate::view::AreaView>,
    /// The level proposed for them, with what it adds to the level below it.
    pub proposed: Option<&'a LevelView>,
    /// The decision, as typed.
    pub decision: Option<&'a str>,
}

/// One area of a person's ratings.
#[derive(Debug, Serialize)]
pub struct RatingView {
    /// The area's name.
    pub area: String,
    /// The title of the level reached, when rated.
    pub reached: Option<String>,
    /// The level reached's place in the track (1 the lowest), when rated.
    pub rank: Option<usize>,
    /// How it stands to the current level: `below`, `at`, `above` or `none` (not rated).
    pub standing: &'static str,
}

/// typst's `lang`, `region` and `dir` for a language tag.
#[derive(Debug, Serialize)]
pub struct Lang {
    /// ISO 639 code (`de`), `en` when the tag is not one typst accepts.
    pub lang: String,
    /// ISO 3166 region (`BR` of `pt-BR`), when given.
    pub region: Option<String>,
    /// `rtl` for languages written right to left.
    pub dir: &'static str,
}

impl Lang {
    /// typst's settings for a BCP 47 tag.
    pub fn of(tag: &str) -> Lang {
        let lang = primary_subtag(tag);
        let lang = if (2..=3).contains(&lang.len()) && lang.bytes().all(|b| b.is_ascii_lowercase())
        {
            lang
        } else {
            String::from("en")
        };
        let region = tag
            .split(['-', '_'])
            .skip(1)
            .find(|part| part.len() == 2 && part.bytes().all(|b| b.is_ascii_alphabetic()))
            .map(str::to_ascii_uppercase);
        Lang {
            dir: if crate::labels::is_right_to_left(&lang) {
                "rtl"
            } else {
                "ltr"
            },
            lang,
            region,
        }
    }
}

/// The ladder as the templates see it.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum LadderData<'a> {
    /// The whole view (the booklet).
    Whole(&'a LadderView),
    /// Title, organization, facts and keywords only (a one-pager).
    Header(LadderHeader<'a>),
}

/// What a one-pager needs of the ladder.
#[derive(Debug, Serialize)]
pub struct LadderHeader<'a> {
    /// The ladder's id.
    pub id: &'a str,
    /// The ladder's title.
    pub title: &'a str,
    /// The organization.
    pub organization: Option<&'a str>,
    /// The version.
    pub version: Option<&'a str>,
    /// "Version 3", when there is a version.
    pub version_label: Option<&'a str>,
    /// The authors.
    pub authors: &'a [String],
    /// Organization, version, date as labelled parts.
    pub facts: &'a [String],
    /// Document keywords.
    pub keywords: &'a [String],
}

impl<'a> LadderHeader<'a> {
    /// The header of a ladder's view.
    pub fn of(view: &'a LadderView) -> Self {
        LadderHeader {
            id: &view.id,
            title: &view.title,
            organization: view.organization.as_deref(),
            version: view.version.as_deref(),
            version_label: view.version_label.as_deref(),
            authors: &view.authors,
            facts: &view.facts,
            keywords: &view.keywords,
        }
    }
}

/// A one-pager's level, its track, and the candidate it is for.
#[derive(Debug, Serialize)]
pub struct OfferData<'a> {
    /// The track's name.
    pub track: &'a str,
    /// The track's kind.
    pub track_kind: &'static str,
    /// "Prepared for …", when a candidate is named.
    pub candidate: Option<String>,
    /// The candidate, for templates that write a letter around the level: `offer.person.name`,
    /// `offer.person.date`, and every further column of a candidates file by its key.
    pub person: Option<PersonData<'a>>,
    /// The level.
    pub level: &'a LevelView,
    /// The level's place among its track's levels (0 the lowest): the page draws where the
    /// level sits.
    pub position: usize,
    /// The track's levels, lowest first: a short level's page shows them, this one marked.
    pub track_levels: Vec<TrackStep<'a>>,
}

/// One level of a one-pager's track, as its page lists it.
#[derive(Debug, Serialize)]
pub struct TrackStep<'a> {
    /// The level's title.
    pub title: &'a str,
    /// Its headline, when it has one.
    pub headline: &'a [crate::markup::Inline],
}

/// The person a one-pager is for, as the template sees them.
#[derive(Debug, Serialize)]
pub struct PersonData<'a> {
    /// Their name.
    pub name: &'a str,
    /// The date asked for, written in the ladder's language.
    pub date: Option<String>,
    /// Further columns, by key (`start_date`), flattened into the same dictionary.
    #[serde(flatten)]
    pub fields: &'a std::collections::BTreeMap<String, String>,
}
