//! Real published ladders (`tests/fixtures/import/corpus`, each folder with its source, licence
//! and a hand-counted `expected.yaml`) imported from every kind of file the importer reads;
//! this tool's own workbooks read back; and the importer never panicking on damaged files of
//! any kind.
//!
//! Every corpus ladder imports to its hand counts: the tracks, the levels of each (by title),
//! the areas and every expectation's text per level.

use crate::common::*;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use ladder::import::{import_file, interpret::GENERAL_AREA};
use ladder::Ladder;
use proptest::prelude::*;
use serde::Deserialize;

#[derive(Deserialize)]
struct Expected {
    tracks: Vec<ExpectedTrack>,
    /// Expectations the document gives every level: kept as prose, not read as a level.
    #[serde(default)]
    shared: Vec<serde_yaml::Value>,
    counts: Counts,
}

#[derive(Deserialize)]
struct ExpectedTrack {
    levels: Vec<ExpectedLevel>,
}

#[derive(Deserialize)]
struct ExpectedLevel {
    title: String,
    #[serde(default)]
    expectations: BTreeMap<String, Vec<serde_yaml::Value>>,
}

#[derive(Deserialize)]
struct Counts {
    tracks: usize,
    levels: Vec<usize>,
    areas: usize,
    expectations: usize,
}

/// Text as a reader compares it: what a Markdown reader shows (links as their words, a
/// backslash escape as the character), spacing ignored.
fn plain(text: &str) -> String {
    shown(&text.replace("\\", ""))
}

fn corpus() -> Vec<(String, PathBuf, Expected)> {
    let root = repo("tests/fixtures/import/corpus");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&root).unwrap() {
        let folder = entry.unwrap().path();
        if !folder.is_dir() {
            continue;
        }
        let source = std::fs::read_dir(&folder)
            .unwrap()
            .map(|file| file.unwrap().path())
            .find(|file| {
                file.file_stem()
                    .is_some_and(|stem| stem.to_string_lossy() == "source")
            })
            .unwrap_or_else(|| panic!("{} has no source file", folder.display()));
        let expected: Expected =
            serde_yaml::from_str(&std::fs::read_to_string(folder.join("expected.yaml")).unwrap())
                .unwrap_or_else(|error| panic!("{}: {error}", folder.display()));
        let name = folder.file_name().unwrap().to_string_lossy().into_owned();
        out.push((name, source, expected));
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

fn text_of(value: &serde_yaml::Value) -> String {
    match value {
        serde_yaml::Value::String(text) => text.clone(),
        other => serde_yaml::to_string(other).unwrap().trim().to_owned(),
    }
}

/// Per level (in order, across tracks): the plain texts of its expectations, sorted.
fn imported_texts(ladder: &Ladder) -> Vec<Vec<String>> {
    ladder
        .tracks
        .iter()
        .flat_map(|track| &track.levels)
        .map(|level| {
            let mut texts: Vec<String> = ladder
                .expectations_of(level)
                .values()
                .flatten()
                .map(|text| plain(text))
                .collect();
            texts.sort();
            texts
        })
        .collect()
}

fn expected_texts(expected: &Expected) -> Vec<Vec<String>> {
    expected
        .tracks
        .iter()
        .flat_map(|track| &track.levels)
        .map(|level| {
            let mut texts: Vec<String> = level
                .expectations
                .values()
                .flatten()
                .map(|text| plain(&text_of(text)))
                .collect();
            texts.sort();
            texts
        })
        .collect()
}

#[test]
fn the_corpus_has_every_kind_of_source() {
    let corpus = corpus();
    assert!(corpus.len() >= 15, "{} ladders", corpus.len());
    let count = |extensions: &[&str]| {
        corpus
            .iter()
            .filter(|(_, source, _)| {
                let extension = source.extension().unwrap().to_string_lossy().to_lowercase();
                extensions.contains(&extension.as_str())
            })
            .count()
    };
    assert!(count(&["xlsx", "ods", "csv"]) >= 2);
    assert!(count(&["json", "yaml", "yml"]) >= 2);
    assert!(count(&["docx"]) >= 1);
    for (name, _, _) in &corpus {
        let notes = repo("tests/fixtures/import/corpus")
            .join(name)
            .join("SOURCE.md");
        let notes = std::fs::read_to_string(notes).unwrap();
        assert!(
            notes.to_lowercase().contains("licen"),
            "{name}: no licence noted"
        );
    }
}

#[test]
fn real_ladders_import_to_their_hand_counts() {
    for (name, source, expected) in corpus() {
        let imported = import_file(&source)
            .unwrap_or_else(|errors| panic!("{name}: {errors:?}"))
            .ladder;
        assert_eq!(
            imported.tracks.len(),
            expected.counts.tracks,
            "{name}: tracks"
        );
        let levels: Vec<usize> = imported.tracks.iter().map(|t| t.levels.len()).collect();
        assert_eq!(levels, expected.counts.levels, "{name}: levels per track");
        let areas = imported
            .areas
            .iter()
            .filter(|area| area.name != GENERAL_AREA)
            .count();
        assert_eq!(areas, expected.counts.areas, "{name}: areas");
        let texts = imported_texts(&imported);
        let count: usize = texts.iter().map(Vec::len).sum();
        assert_eq!(count, expected.counts.expectations, "{name}: expectations");
        let titles: Vec<String> = imported
            .tracks
            .iter()
            .flat_map(|track| &track.levels)
            .map(|level| plain(&level.title))
            .collect();
        let expected_titles: Vec<String> = expected
            .tracks
            .iter()
            .flat_map(|track| &track.levels)
            .map(|level| plain(&level.title))
            .collect();
        assert_eq!(titles, expected_titles, "{name}: level titles");
        assert_eq!(
            texts,
            expected_texts(&expected),
            "{name}: expectations per level"
        );
        let prose: String = imported
            .sections
            .iter()
            .map(|section| {
                section
                    .body
                    .lines()
                    .map(|line| plain(line.trim_start_matches(['*', '-', ' '])))
                    .collect::<String>()
            })
            .collect();
        for text in &expected.shared {
            let text = plain(&text_of(text));
            assert!(
                prose.contains(&text),
                "{name}: shared `{text}` not kept as prose"
            );
        }
    }
}

#[test]
fn this_tools_workbook_imports_back_to_the_ladder_it_came_from() {
    let folder = tempfile::tempdir().unwrap();
    for ladder in all_shipped() {
        let view = view(&ladder);
        let stamp = stamp();
        let bytes = ladder::export::xlsx::workbook(
            ladder::export::Input {
                ladder: &ladder,
                view: &view,
            },
            &ladder::export::xlsx::WorkbookOptions {
                roster: None,
                stamp: &stamp,
            },
        )
        .unwrap();
        let path = folder.path().join(format!("{}.xlsx", ladder.id));
        std::fs::write(&path, bytes).unwrap();
        let imported = import_file(&path)
            .unwrap_or_else(|errors| panic!("{}: {errors:?}", ladder.id))
            .ladder;
        let shape = |ladder: &Ladder| -> Vec<(String, Vec<String>)> {
            ladder
                .tracks
                .iter()
                .map(|track| {
                    (
                        track.name.clone(),
                        track
                            .levels
                            .iter()
                            .map(|level| level.title.clone())
                            .collect(),
                    )
                })
                .collect()
        };
        assert_eq!(
            shape(&imported),
            shape(&ladder),
            "{}: tracks and levels",
            ladder.id
        );
        let by_area = |ladder: &Ladder| -> Vec<BTreeMap<String, Vec<String>>> {
            ladder
                .tracks
                .iter()
                .flat_map(|track| &track.levels)
                .map(|level| {
                    ladder
                        .expectations_of(level)
                        .iter()
                        .map(|(area, items)| {
                            let name = ladder.area(area).map_or(area.clone(), |a| a.name.clone());
                            (name, items.iter().map(|item| plain(item)).collect())
                        })
                        .collect()
                })
                .collect()
        };
        assert_eq!(
            by_area(&imported),
            by_area(&ladder),
            "{}: expectations",
            ladder.id
        );
        let headlines = |ladder: &Ladder| -> Vec<Option<String>> {
            ladder
                .levels()
                .map(|(_, level)| level.headline.clone())
                .collect()
        };
        assert_eq!(
            headlines(&imported),
            headlines(&ladder),
            "{}: headlines",
            ladder.id
        );
    }
}

/// Files of every kind the importer reads, to damage.
fn samples() -> Vec<(String, Vec<u8>)> {
    corpus()
        .into_iter()
        .map(|(name, source, _)| {
            let extension = source.extension().unwrap().to_string_lossy().into_owned();
            (
                format!("{name}.{extension}"),
                std::fs::read(&source).unwrap(),
            )
        })
        .collect()
}

fn import_damaged(name: &str, bytes: &[u8]) {
    let folder = tempfile::tempdir().unwrap();
    let path: &Path = &folder.path().join(name);
    std::fs::write(path, bytes).unwrap();
    // An error is fine; a panic or a hang is not.
    let _ = import_file(path);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn damaged_files_of_every_kind_never_panic(
        sample in 0usize..64,
        cuts in prop::collection::vec((0.0f64..1.0, 0usize..64, any::<u8>()), 1..5),
    ) {
        let samples = samples();
        let (name, bytes) = &samples[sample % samples.len()];
        let mut bytes = bytes.clone();
        for (at, length, byte) in cuts {
            if bytes.is_empty() {
                break;
            }
            let at = ((bytes.len() as f64) * at) as usize % bytes.len();
            // Overwrite a few bytes, or cut a piece out.
            if byte % 2 == 0 {
                let end = (at + length).min(bytes.len());
                bytes.drain(at..end);
            } else {
                for offset in 0..length.min(8) {
                    if let Some(slot) = bytes.get_mut(at + offset) {
                        *slot = byte.wrapping_add(offset as u8);
                    }
                }
            }
        }
        import_damaged(name, &bytes);
    }
}

/// The track files of a handbook in the order its README lists them.
fn handbook_files_in_order(folder: &Path) -> Vec<PathBuf> {
    let readme = std::fs::read_to_string(folder.join("README.md")).unwrap();
    let mut files = vec![folder.join("README.md")];
    for line in readme.lines() {
        if let Some(rest) = line.strip_prefix("- [") {
            if let Some((_, target)) = rest.split_once("](") {
                let target = target.split(')').next().unwrap();
                if target.ends_with(".md") && !files.contains(&folder.join(target)) {
                    files.push(folder.join(target));
                }
            }
        }
    }
    files
}

#[test]
fn a_word_document_made_from_each_handbook_by_pandoc_imports_back_to_the_ladder() {
    for ladder in all_shipped() {
        let folder = tempfile::tempdir().unwrap();
        for file in ladder::export::markdown::handbook(&view(&ladder), &stamp()).unwrap() {
            std::fs::write(folder.path().join(&file.path), &file.bytes).unwrap();
        }
        let docx = folder.path().join(format!("{}.docx", ladder.id));
        // The handbook is GitHub Markdown (pandoc's own Markdown would curl the quotes).
        let status = std::process::Command::new("pandoc")
            .args(["--from", "gfm"])
            .args(handbook_files_in_order(folder.path()))
            .arg("-o")
            .arg(&docx)
            .status()
            .expect("pandoc (installed by .ci/run)");
        assert!(status.success(), "pandoc failed for {}", ladder.id);
        let imported = import_file(&docx)
            .unwrap_or_else(|errors| panic!("{}: {errors:?}", ladder.id))
            .ladder;
        crate::import::assert_same_ladder(&ladder, &imported, &format!("{}.docx", ladder.id));
    }
}

/// Per track: its levels' titles, and per level its expectations by area name, as a reader
/// sees them.
type Shape = Vec<(Vec<String>, Vec<BTreeMap<String, Vec<String>>>)>;

fn shape_of(ladder: &Ladder) -> Shape {
    ladder
        .tracks
        .iter()
        .map(|track| {
            // Spacing inside a title is not something a reader sees.
            let titles = track
                .levels
                .iter()
                .map(|level| level.title.split_whitespace().collect::<Vec<_>>().join(" "))
                .collect();
            let expectations = track
                .levels
                .iter()
                .map(|level| {
                    ladder
                        .expectations_of(level)
                        .iter()
                        .map(|(area, items)| {
                            let name = ladder.area(area).map_or(area.clone(), |a| a.name.clone());
                            // As the workbook shows them: a link as its words and address.
                            let shown = |item: &String| -> String {
                                ladder::markup::plain_text(item)
                                    .chars()
                                    .filter(|c| !c.is_whitespace())
                                    .collect()
                            };
                            (name, items.iter().map(shown).collect())
                        })
                        .collect()
                })
                .collect();
            (titles, expectations)
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// Ladders of every shape (tracks with different areas, no areas, one level or forty,
    /// repeated titles, long texts, several scripts) come back from this tool's workbook and
    /// handbook with their tracks, level titles and every expectation in its area.
    #[test]
    fn any_ladder_comes_back_from_its_workbook_and_its_handbook(ladder in crate::fuzz::ladder()) {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("generated.yaml");
        std::fs::write(&path, serde_yaml::to_string(&ladder).unwrap()).unwrap();
        let workspace = ladder::Workspace::load(&[path]);
        prop_assert_eq!(workspace.error_count(), 0, "{}", workspace.render_diagnostics());
        let loaded = &workspace.ladders[0].ladder;
        let view = view(loaded);
        let expected = shape_of(loaded);

        let bytes = ladder::export::xlsx::workbook(
            ladder::export::Input { ladder: loaded, view: &view },
            &ladder::export::xlsx::WorkbookOptions { roster: None, stamp: &stamp() },
        )
        .unwrap();
        let workbook = folder.path().join("generated.xlsx");
        std::fs::write(&workbook, bytes).unwrap();
        let from_workbook = import_file(&workbook).map_err(|errors| format!("{errors:?}"));
        prop_assert!(from_workbook.is_ok(), "workbook: {:?}", from_workbook.err());
        prop_assert_eq!(shape_of(&from_workbook.unwrap().ladder), expected.clone(), "workbook");

        let handbook = folder.path().join("handbook");
        std::fs::create_dir_all(&handbook).unwrap();
        for file in ladder::export::markdown::handbook(&view, &stamp()).unwrap() {
            std::fs::write(handbook.join(&file.path), &file.bytes).unwrap();
        }
        let from_handbook = import_file(&handbook.join("README.md"))
            .map_err(|errors| format!("{errors:?}"));
        prop_assert!(from_handbook.is_ok(), "handbook: {:?}", from_handbook.err());
        prop_assert_eq!(shape_of(&from_handbook.unwrap().ladder), expected, "handbook");
    }
}
