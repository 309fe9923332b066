//! Importing ladders from documents: the five seeds give the hand-checked models in `ladders/`,
//! the tool's own handbook imports back to the model it was made from, and each document shape
//! has a fixture of its own.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use ladder::export::markdown::handbook;
use ladder::export::Stamp;
use ladder::import::import_file;
use ladder::model::Level;
use ladder::{Ladder, Workspace};

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn shipped(name: &str) -> Ladder {
    let workspace = Workspace::load(&[repo("ladders").join(name)]);
    assert_eq!(
        workspace.error_count(),
        0,
        "{}",
        workspace.render_diagnostics()
    );
    workspace.ladders.into_iter().next().unwrap().ladder
}

/// Imports through the loader (checks and normalization included), as `ladder build doc.md` does.
fn imported(path: &Path) -> Ladder {
    let workspace = Workspace::load(&[path.to_path_buf()]);
    assert_eq!(
        workspace.error_count(),
        0,
        "{}",
        workspace.render_diagnostics()
    );
    workspace.ladders.into_iter().next().unwrap().ladder
}

fn expectations_by_area_name(ladder: &Ladder, level: &Level) -> BTreeMap<String, Vec<String>> {
    ladder
        .expectations_of(level)
        .iter()
        .map(|(area, items)| {
            (
                ladder.area(area).map_or(area.clone(), |a| a.name.clone()),
                items.clone(),
            )
        })
        .collect()
}

fn same_title(a: &Level, b: &Level) -> bool {
    a.title == b.title || a.aliases.contains(&b.title) || b.aliases.contains(&a.title)
}

/// Same tracks, levels (by title or alias), areas and every expectation verbatim; ids may differ.
fn assert_same_ladder(expected: &Ladder, actual: &Ladder, what: &str) {
    assert_eq!(
        actual
            .tracks
            .iter()
            .map(|t| t.levels.len())
            .collect::<Vec<_>>(),
        expected
            .tracks
            .iter()
            .map(|t| t.levels.len())
            .collect::<Vec<_>>(),
        "{what}: levels per track"
    );
    for (expected_track, actual_track) in expected.tracks.iter().zip(&actual.tracks) {
        assert_eq!(
            expected_track.kind, actual_track.kind,
            "{what}: kind of {}",
            expected_track.name
        );
        for (e, a) in expected_track.levels.iter().zip(&actual_track.levels) {
            assert!(
                same_title(e, a),
                "{what}: level `{}` imported as `{}`",
                e.title,
                a.title
            );
            assert_eq!(
                expectations_by_area_name(expected, e),
                expectations_by_area_name(actual, a),
                "{what}: expectations of {}",
                e.title
            );
            assert_eq!(e.code, a.code, "{what}: code of {}", e.title);
            assert_eq!(
                e.experience.as_ref().map(|x| &x.text),
                a.experience.as_ref().map(|x| &x.text),
                "{what}: experience of {}",
                e.title
            );
            assert_eq!(e.headline, a.headline, "{what}: headline of {}", e.title);
            assert_eq!(
                e.description, a.description,
                "{what}: description of {}",
                e.title
            );
            assert_eq!(
                e.equivalents, a.equivalents,
                "{what}: equivalents of {}",
                e.title
            );
            assert_eq!(
                e.shares_expectations_with.is_some(),
                a.shares_expectations_with.is_some(),
                "{what}: shared expectations of {}",
                e.title
            );
            let required = |ladder: &Ladder, level: &Level| {
                level
                    .requires
                    .as_deref()
                    .and_then(|id| ladder.level(id))
                    .map(|l| l.title.clone())
            };
            assert_eq!(
                required(expected, e),
                required(actual, a),
                "{what}: requires of {}",
                e.title
            );
        }
    }
    let names =
        |ladder: &Ladder| -> Vec<String> { ladder.areas.iter().map(|a| a.name.clone()).collect() };
    let mut expected_areas = names(expected);
    let mut actual_areas = names(actual);
    expected_areas.sort();
    actual_areas.sort();
    assert_eq!(expected_areas, actual_areas, "{what}: areas");
}

#[test]
fn each_seed_imports_to_its_hand_checked_ladder() {
    for (seed, yaml) in [
        ("000_87a38eba112f62a5.txt", "persado-2018.yaml"),
        ("001_6ef313bf60d0ff50.txt", "persado-2019.yaml"),
        ("002_ad7af3c5936f93c8.txt", "packback.yaml"),
        ("003_c94fc68191959a38.txt", "rent-the-runway-style.yaml"),
        ("004_d408f405d85a6bd6.txt", "titles-and-roles.yaml"),
    ] {
        let actual = imported(&repo("tests/fixtures/seeds").join(seed));
        assert_same_ladder(&shipped(yaml), &actual, seed);
    }
}

#[test]
fn the_handbook_imports_back_to_the_model_it_was_made_from() {
    let workspace = Workspace::load(&[repo("ladders")]);
    for loaded in &workspace.ladders {
        let ladder = &loaded.ladder;
        let folder = tempfile::tempdir().unwrap();
        for file in handbook(ladder, &Stamp::new("0123")).unwrap() {
            std::fs::write(folder.path().join(&file.path), &file.bytes).unwrap();
        }
        let actual = imported(&folder.path().join("README.md"));
        assert_same_ladder(ladder, &actual, &ladder.id);
        // Prose comes back as equivalent Markdown (comrak may escape `#` or drop a trailing
        // space): compare what a reader sees.
        let prose = |text: &str| ladder::markup::plain_blocks(&ladder::markup::blocks(text));
        assert_eq!(actual.title, ladder.title, "{}", ladder.id);
        assert_eq!(actual.organization, ladder.organization, "{}", ladder.id);
        assert_eq!(actual.authors, ladder.authors, "{}", ladder.id);
        assert_eq!(actual.summary.as_deref().map(prose), ladder.summary.as_deref().map(prose), "{}", ladder.id);
        assert_eq!(actual.cumulative, ladder.cumulative, "{}", ladder.id);
        assert_eq!(actual.credits.as_deref().map(prose), ladder.credits.as_deref().map(prose), "{}", ladder.id);
        let sections = |l: &Ladder| l.sections.iter().map(|s| (s.title.clone(), s.depth, prose(&s.body))).collect::<Vec<_>>();
        assert_eq!(sections(&actual), sections(ladder), "{}", ladder.id);
        let grade_of = |l: &Ladder, level: &Level| {
            level.grade.as_ref().and_then(|g| l.grades.iter().find(|x| &x.id == g)).map(|g| g.name.clone())
        };
        for ((_, e), (_, a)) in ladder.levels().zip(actual.levels()) {
            assert_eq!(grade_of(ladder, e), grade_of(&actual, a), "{}: grade of {}", ladder.id, e.title);
            assert_eq!(e.aliases, a.aliases, "{}: aliases of {}", ladder.id, e.title);
        }
        for (e, a) in ladder.tracks.iter().zip(&actual.tracks) {
            assert_eq!(e.name, a.name);
            assert_eq!(e.summary.as_deref().map(prose), a.summary.as_deref().map(prose), "{}: summary of {}", ladder.id, e.name);
        }
    }
}
