//! Property-based tests, bounded so that `cargo test` stays quick (`PROPTEST_CASES` raises the
//! number of cases; `cargo fuzz run load` in `fuzz/` runs far longer, coverage-guided):
//!
//! - mutated seed ladders and mutated documents never panic and never take long;
//! - generated ladders of every shape (tracks with different areas, no areas, one level, forty
//!   levels, repeated titles, long texts, every script) reach the handbook and the workbook
//!   whole: every expectation can be read back from each.

use crate::common::*;

use std::io::Cursor;
use std::time::{Duration, Instant};

use calamine::Reader;
use ladder::model::{Area, Expectation, Ladder, Level, Track, TrackKind};
use proptest::prelude::*;

/// What a mutation may insert: characters and fragments that mean something to YAML, Markdown,
/// HTML, typst or a spreadsheet, and text in other scripts.
const FRAGMENTS: &[&str] = &[
    "\n",
    "  ",
    "- ",
    ": ",
    "&a ",
    "*a",
    "!!str ",
    "|",
    ">",
    "'",
    "\"",
    "%",
    "@",
    "`",
    "{",
    "}",
    "[",
    "]",
    "#",
    "\t",
    "\u{0}",
    "\u{1b}[2J",
    "é",
    "漢字",
    "مرحبا",
    "**",
    "$x$",
    "{{#include x}}",
    "<table><tr><td>",
    "</td></tr></table>",
    "<li>",
    "| a | b |",
    "=SUM(A1)",
    "#read(\"/etc\")",
    "\u{200b}",
    "\u{feff}",
    "~~~",
    "---\n",
];

#[derive(Debug, Clone)]
enum Mutation {
    Delete { at: usize, len: usize },
    Duplicate { at: usize, len: usize },
    Insert { at: usize, fragment: usize },
    SwapLines { a: usize, b: usize },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 1usize..40).prop_map(|(at, len)| Mutation::Delete { at, len }),
        (any::<usize>(), 1usize..200).prop_map(|(at, len)| Mutation::Duplicate { at, len }),
        (any::<usize>(), 0..FRAGMENTS.len())
            .prop_map(|(at, fragment)| Mutation::Insert { at, fragment }),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::SwapLines { a, b }),
    ]
}

/// The nearest character boundary at or before `at`.
fn boundary(text: &str, at: usize) -> usize {
    let mut at = at % (text.len() + 1);
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn mutate(text: &str, mutations: &[Mutation]) -> String {
    let mut text = text.to_owned();
    for mutation in mutations {
        match mutation {
            Mutation::Delete { at, len } => {
                let start = boundary(&text, *at);
                let end = boundary(&text, (start + len).min(text.len()));
                text.replace_range(start..end.max(start), "");
            }
            Mutation::Duplicate { at, len } => {
                let start = boundary(&text, *at);
                let end = boundary(&text, (start + len).min(text.len()));
                let copy = text[start..end.max(start)].to_owned();
                text.insert_str(start, &copy);
            }
            Mutation::Insert { at, fragment } => {
                let at = boundary(&text, *at);
                text.insert_str(at, FRAGMENTS[*fragment]);
            }
            Mutation::SwapLines { a, b } => {
                let mut lines: Vec<&str> = text.split('\n').collect();
                let count = lines.len();
                lines.swap(a % count, b % count);
                text = lines.join("\n");
            }
        }
    }
    text
}

fn sources(folder: &str, extension: &[&str]) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = std::fs::read_dir(repo(folder))
        .unwrap()
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| {
            path.extension()
                .is_some_and(|e| extension.contains(&e.to_string_lossy().as_ref()))
        })
        .map(|path| {
            (
                path.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read_to_string(&path).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

/// Loads, checks and (when it loads) makes the handbook and workbook of a ladder text; every
/// step must return, quickly, without panicking.
fn survives(name: &str, text: &str) {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join(name);
    std::fs::write(&path, text).unwrap();
    let started = Instant::now();
    let workspace = ladder::Workspace::load(&[path]);
    let _ = workspace.render_diagnostics();
    for loaded in &workspace.ladders {
        let view = view(&loaded.ladder);
        ladder::export::markdown::handbook(&view, &stamp()).unwrap();
        workbook_of(&loaded.ladder, &view).unwrap();
    }
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "{name} took {:?}",
        started.elapsed()
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn mutated_seed_ladders_never_panic_or_hang(
        seed in 0usize..5,
        mutations in prop::collection::vec(mutation(), 1..6),
    ) {
        let seeds = sources("ladders", &["yaml"]);
        let (name, text) = &seeds[seed % seeds.len()];
        survives(name, &mutate(text, &mutations));
    }

    #[test]
    fn mutated_documents_never_panic_or_hang(
        document in 0usize..16,
        mutations in prop::collection::vec(mutation(), 1..6),
    ) {
        let documents = sources("tests/fixtures/import", &["md", "html", "rst"]);
        let (name, text) = &documents[document % documents.len()];
        survives(name, &mutate(text, &mutations));
    }
}

/// Text in one of several scripts, sometimes long, sometimes with Markdown in it.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Za-z][A-Za-z ,.'-]{0,60}",
        "[a-z]{1,12}( [a-z]{1,12}){0,40}",
        "[\u{3041}-\u{3096}\u{4e00}-\u{4e80}]{1,30}",
        "[\u{0621}-\u{064a} ]{1,40}",
        "[\u{0430}-\u{044f} ]{1,40}",
        Just(String::from(
            "Uses **bold**, *emphasis*, `code` and [a link](https://example.com)"
        )),
        Just(String::from("Same title")),
    ]
    .prop_map(|text| text.trim().to_owned())
    .prop_filter("not empty", |text| !text.is_empty())
    // `TBA`, `TODO`, `N/A` hold the place of an expectation not yet written: the importer
    // reads none from them, by design.
    .prop_filter("not a placeholder", |text| {
        !matches!(
            text.trim_end_matches('.').to_lowercase().as_str(),
            "todo" | "tbd" | "tbc" | "tba" | "n/a" | "-" | "..." | "?"
        )
    })
}

/// A ladder of any shape: 1–4 tracks, each with its own subset of up to 6 areas (or none),
/// 1–40 levels, 0–4 expectations per area, titles that may repeat.
pub(crate) fn ladder() -> impl Strategy<Value = Ladder> {
    let area_count = 0usize..6;
    area_count
        .prop_flat_map(|area_count| {
            let areas: Vec<Area> = (0..area_count)
                .map(|index| Area {
                    id: format!("area-{index}"),
                    name: format!("Area {index}"),
                    description: None,
                    aliases: Vec::new(),
                })
                .collect();
            let track = (
                prop::collection::vec(any::<bool>(), area_count),
                prop::collection::vec(
                    (
                        text(),
                        prop::collection::vec(prop::collection::vec(text(), 0..4), area_count),
                    ),
                    1..40,
                ),
                prop_oneof![
                    Just(TrackKind::Ic),
                    Just(TrackKind::Manager),
                    Just(TrackKind::Role)
                ],
            );
            (Just(areas), prop::collection::vec(track, 1..4))
        })
        .prop_map(|(areas, tracks)| {
            let tracks = tracks
                .into_iter()
                .enumerate()
                .map(|(track_index, (uses, levels, kind))| Track {
                    id: format!("track-{track_index}"),
                    name: format!("Track {track_index}"),
                    kind,
                    aliases: Vec::new(),
                    summary: None,
                    link: None,
                    internal: false,
                    areas: Vec::new(),
                    levels: levels
                        .into_iter()
                        .enumerate()
                        .map(|(level_index, (title, per_area))| Level {
                            id: format!("t{track_index}-l{level_index}"),
                            rank: None,
                            title,
                            aliases: Vec::new(),
                            code: None,
                            grade: None,
                            experience: None,
                            headline: None,
                            description: None,
                            expectations: per_area
                                .into_iter()
                                .enumerate()
                                .filter(|(area, items)| uses[*area] && !items.is_empty())
                                .map(|(area, items)| {
                                    (
                                        format!("area-{area}"),
                                        items.into_iter().map(Expectation::new).collect(),
                                    )
                                })
                                .collect(),
                            equivalents: Vec::new(),
                            requires: None,
                            shares_expectations_with: None,
                            link: None,
                            internal: None,
                        })
                        .collect(),
                })
                .collect();
            Ladder {
                id: String::from("generated"),
                title: String::from("Generated ladder"),
                organization: None,
                version: None,
                effective_date: None,
                language: None,
                authors: Vec::new(),
                summary: None,
                cumulative: false,
                areas,
                grades: Vec::new(),
                tracks,
                sections: Vec::new(),
                credits: None,
                allow_lints: vec![
                    String::from("repeated-expectation"),
                    String::from("missing-area"),
                    String::from("uneven-jump"),
                ],
            }
        })
}

/// Text as a reader compares it: Markdown resolved to plain text, spacing ignored.
fn plain(text: &str) -> String {
    ladder::markup::plain_text(text)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn every_expectation_of_any_ladder_reaches_the_handbook_and_the_workbook(ladder in ladder()) {
        // Through the YAML source, as a user would write it.
        let folder = tempfile::tempdir().unwrap();
        let loaded = &load_generated(&ladder, folder.path());
        let view = view(loaded);

        // The handbook, parsed back by comrak.
        let mut handbook = String::new();
        for file in ladder::export::markdown::handbook(&view, &stamp()).unwrap() {
            let text = String::from_utf8(file.bytes).unwrap();
            let arena = comrak::Arena::new();
            let root = comrak::parse_document(&arena, &text, &ladder::export::markdown::options());
            for node in root.descendants() {
                match &node.data().value {
                    comrak::nodes::NodeValue::Text(text) => handbook.push_str(text),
                    comrak::nodes::NodeValue::Code(code) => handbook.push_str(&code.literal),
                    _ => {}
                }
            }
        }
        let handbook: String = handbook.chars().filter(|c| !c.is_whitespace()).collect();

        // The workbook, read back by calamine: every cell of every sheet.
        let bytes = workbook_of(loaded, &view).unwrap();
        let mut book: calamine::Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes)).unwrap();
        let mut cells = String::new();
        for name in book.sheet_names() {
            for row in book.worksheet_range(&name).unwrap().rows() {
                for cell in row {
                    cells.push_str(&cell.to_string());
                }
            }
        }
        let cells: String = cells.chars().filter(|c| !c.is_whitespace()).collect();

        for (_, level) in loaded.levels() {
            // Titles are literal text (a `*` in a title is shown), expectations are Markdown.
            let title: String = level.title.chars().filter(|c| !c.is_whitespace()).collect();
            prop_assert!(handbook.contains(&title), "title {}", level.title);
            for item in level.expectations.values().flatten() {
                prop_assert!(handbook.contains(&shown(&item.text)), "handbook lacks {item:?}");
                prop_assert!(cells.contains(&plain(&item.text)), "workbook lacks {item:?}");
            }
        }
    }
}

#[test]
fn the_mutator_keeps_text_valid() {
    let text = "title: é漢\n- a\n";
    for at in 0..40 {
        let mutated = mutate(
            text,
            &[
                Mutation::Delete { at, len: 3 },
                Mutation::Insert { at, fragment: 22 },
            ],
        );
        assert!(mutated.is_char_boundary(mutated.len()));
    }
}
