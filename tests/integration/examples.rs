//! Examples under an expectation, as each reader gets them: the booklet sets them smaller under
//! their expectation, a one-pager shows them when they fit, the handbook nests them, the
//! workbook puts them in the cell under their expectation, and the handbook and workbook import
//! back to the same expectations with the same examples. `diff` and `check` see them.

use crate::common::*;
use crate::pdf::{assert_accessible, context, normalize, pages_of, text_of, word_boxes};

use std::collections::BTreeMap;

use ladder::diff::{diff, to_markdown, Change};
use ladder::export::markdown::handbook;
use ladder::inputs::import_file;
use ladder::markup::plain_text;
use ladder::model::Expectation;
use ladder::{Ladder, Workspace};

fn examples_ladder() -> Ladder {
    load(repo("tests/fixtures/examples.yaml"))
}

/// Per level title, per area name: each expectation's words and its examples' words, as a
/// reader reads them (Markdown as text).
type Read = BTreeMap<String, BTreeMap<String, Vec<(String, Vec<String>)>>>;

fn read(ladder: &Ladder) -> Read {
    ladder
        .levels()
        .map(|(_, level)| {
            let areas = ladder
                .expectations_of(level)
                .iter()
                .map(|(area, items)| {
                    let name = ladder.area(area).map_or(area.clone(), |a| a.name.clone());
                    let items = items
                        .iter()
                        .map(|item| {
                            let examples = item.examples.iter().map(|e| plain_text(e)).collect();
                            (plain_text(&item.text), examples)
                        })
                        .collect();
                    (name, items)
                })
                .collect();
            (level.title.clone(), areas)
        })
        .collect()
}

#[test]
fn a_ladder_of_examples_imports_back_from_its_handbook_and_its_workbook() {
    let ladder = examples_ladder();
    let expected = read(&ladder);
    assert_eq!(
        expected.values().flatten().flat_map(|(_, i)| i).count(),
        8,
        "the fixture's expectations"
    );
    let folder = tempfile::tempdir().unwrap();
    for file in handbook(&view(&ladder), &stamp()).unwrap() {
        std::fs::write(folder.path().join(&file.path), &file.bytes).unwrap();
    }
    let from_handbook = import_file(&folder.path().join("README.md"))
        .unwrap_or_else(|errors| panic!("handbook: {errors:?}"))
        .ladder;
    assert_eq!(read(&from_handbook), expected, "handbook");

    let workbook = folder.path().join("examples.xlsx");
    std::fs::write(&workbook, workbook_of(&ladder, &view(&ladder)).unwrap()).unwrap();
    let from_workbook = import_file(&workbook)
        .unwrap_or_else(|errors| panic!("workbook: {errors:?}"))
        .ladder;
    assert_eq!(read(&from_workbook), expected, "workbook");

    // Written back out and loaded as a source, the import is the same ladder.
    let reloaded = load_generated(&from_handbook, folder.path());
    assert_eq!(read(&reloaded), expected, "YAML written by import");
}

/// The handbook nests an expectation's examples in its item: GitHub shows them as a list under
/// the expectation, not as expectations of their own.
#[test]
fn the_handbook_nests_examples_under_their_expectation() {
    let ladder = examples_ladder();
    let files = handbook(&view(&ladder), &stamp()).unwrap();
    let track = files
        .iter()
        .find(|file| file.path.to_string_lossy() == "engineer.md")
        .expect("the track's page");
    let markdown = String::from_utf8(track.bytes.clone()).unwrap();
    let arena = comrak::Arena::new();
    let root = comrak::parse_document(&arena, &markdown, &ladder::export::markdown::options());
    // (depth of the list, text of the item's paragraph) for every list item.
    let mut items: Vec<(usize, String)> = Vec::new();
    for node in root.descendants() {
        if let comrak::nodes::NodeValue::Item(_) = node.data().value {
            let depth = node
                .ancestors()
                .filter(|a| matches!(a.data().value, comrak::nodes::NodeValue::List(_)))
                .count();
            let paragraph = node.first_child().unwrap();
            let text: String = paragraph
                .descendants()
                .filter_map(|n| match &n.data().value {
                    comrak::nodes::NodeValue::Text(text) => Some(text.to_string()),
                    _ => None,
                })
                .collect();
            items.push((depth, text));
        }
    }
    let position = |text: &str| {
        items
            .iter()
            .position(|(_, item)| item == text)
            .unwrap_or_else(|| panic!("no item `{text}` in {items:#?}"))
    };
    let parent = position("Mentors newer engineers through reviews and pairing.");
    assert_eq!(items[parent].0, 1);
    for (offset, example) in [
        "Pairs weekly with the newest engineer on the team.",
        "Leaves review comments that say why, with a link to the guideline.",
        "Runs the onboarding of two new hires.",
    ]
    .iter()
    .enumerate()
    {
        assert_eq!(items[parent + 1 + offset], (2, (*example).to_owned()));
    }
}

/// The booklet prints each example after its expectation and before the next one, in smaller
/// type; the PDF stays PDF/UA-1.
#[test]
fn the_booklet_sets_examples_smaller_under_their_expectation() {
    let ladder = examples_ladder();
    let pdf = context().booklet(&view(&ladder), &stamp()).unwrap();
    assert_accessible(&pdf, &ladder.title);
    // What a reader sees: a link's words, not its address.
    let text = normalize(&text_of(&pdf));
    let at = |needle: &str| {
        text.find(&normalize(&shown(needle)))
            .unwrap_or_else(|| panic!("the booklet lacks `{needle}`"))
    };
    for (_, level) in ladder.levels() {
        for items in level.expectations.values() {
            for pair in items.windows(2) {
                let (item, next) = (&pair[0], &pair[1]);
                let (start, end) = (at(&item.text), at(&next.text));
                for example in &item.examples {
                    let example = at(example);
                    assert!(
                        start < example && example < end,
                        "{example} of {}",
                        item.text
                    );
                }
            }
            for item in items {
                for example in &item.examples {
                    assert!(at(&item.text) < at(example));
                }
            }
        }
    }
    // Smaller: the height of a word only an example has against one only expectations have.
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("booklet.pdf");
    std::fs::write(&path, &pdf).unwrap();
    let (words, _) = word_boxes(&path);
    let height = |word: &str| {
        words
            .iter()
            .find(|w| w.text == word)
            .map(|w| w.y_max - w.y_min)
            .unwrap_or_else(|| panic!("no word `{word}`"))
    };
    // "regression" is only in an example, "readable" only in an expectation.
    assert!(
        height("regression") < height("readable") * 0.95,
        "examples are not set smaller"
    );
}

/// A one-pager shows a level's examples when the page holds them in one column; a level
/// whose examples would shrink its page into two columns gets its page without them, with
/// every expectation.
#[test]
fn a_one_pager_shows_examples_only_when_they_fit() {
    let mut ladder = examples_ladder();
    let pdf = context()
        .offer(&view(&ladder), "engineer-2", None, &stamp())
        .unwrap();
    assert_eq!(pages_of(&pdf), 1);
    let text = normalize(&text_of(&pdf));
    for example in &ladder.level("engineer-2").unwrap().expectations["collaboration"][0].examples {
        assert!(text.contains(&normalize(example)), "`{example}` is missing");
    }

    // Eight long examples under each of twelve expectations: too much for one column.
    let example = |n: usize| {
        format!(
            "Example {n}: walks a new colleague through the service's deploy pipeline, \
             explaining each stage and what to do when it fails at night"
        )
    };
    let level = ladder.tracks[0].levels.last_mut().unwrap();
    for area in ["delivery", "collaboration"] {
        let items = level.expectations.get_mut(area).unwrap();
        for n in 0..6 {
            items.push(
                Expectation::new(format!("{area} expectation number {n} of many"))
                    .with_examples((0..8).map(example).collect()),
            );
        }
    }
    let pdf = context()
        .offer(&view(&ladder), "engineer-3", None, &stamp())
        .unwrap();
    assert_eq!(pages_of(&pdf), 1, "the long level's one-pager");
    let text = normalize(&text_of(&pdf));
    for item in ladder
        .level("engineer-3")
        .unwrap()
        .expectations
        .values()
        .flatten()
    {
        assert!(text.contains(&normalize(&plain_text(&item.text))), "{item}");
    }
    assert!(
        !text.contains(&normalize("walks a new colleague")),
        "examples that do not fit are left off the one-pager"
    );
}

#[test]
fn diff_reports_examples_added_and_removed_under_an_expectation() {
    let old = examples_ladder();
    let mut new = old.clone();
    let level = &mut new.tracks[0].levels[0];
    let item = &mut level.expectations.get_mut("delivery").unwrap()[0];
    item.examples.remove(1);
    item.examples
        .push(String::from("Deletes dead code it finds on the way."));
    let changelog = diff(&old, &new, "old", "new");
    let examples: Vec<&Change> = changelog
        .changes
        .iter()
        .filter(|c| {
            matches!(
                c,
                Change::ExampleAdded { .. } | Change::ExampleRemoved { .. }
            )
        })
        .collect();
    assert_eq!(examples.len(), 2, "{:#?}", changelog.changes);
    assert_eq!(
        changelog.changes.len(),
        2,
        "only the examples changed: {:#?}",
        changelog.changes
    );
    let markdown = to_markdown(&changelog).unwrap();
    assert!(markdown.contains("Example added:** Deletes dead code it finds on the way."));
    assert!(markdown.contains("Example removed:** Splits a change of 900 lines"));
}

#[test]
fn check_warns_about_an_empty_example_at_its_line() {
    let folder = tempfile::tempdir().unwrap();
    let source = std::fs::read_to_string(repo("tests/fixtures/examples.yaml"))
        .unwrap()
        .replace(
            "                - Runs the onboarding of two new hires.",
            "                - \"\"",
        );
    let path = folder.path().join("examples.yaml");
    std::fs::write(&path, &source).unwrap();
    let workspace = Workspace::load(std::slice::from_ref(&path));
    let warning = workspace
        .diagnostics
        .iter()
        .find(|d| d.code == "empty-expectation")
        .unwrap_or_else(|| panic!("{}", workspace.render_diagnostics()));
    let line = source
        .lines()
        .position(|line| line.trim() == "- \"\"")
        .unwrap()
        + 1;
    assert_eq!(warning.position.map(|(l, _)| l), Some(line));
    assert!(warning.message.contains("example"), "{}", warning.message);
}

/// Documents label examples their own ways: nested bullets under an expectation, an
/// `Examples:` bullet after it, `e.g.` in another language; a short label over nested bullets
/// names an area instead. Data files give them under a criterion or beside a milestone's one.
#[test]
fn the_importer_keeps_examples_documents_and_data_give() {
    let folder = tempfile::tempdir().unwrap();
    let markdown = folder.path().join("ladder.md");
    std::fs::write(
        &markdown,
        "# Ladder\n\n## Engineer\n\n### Delivery\n\n\
         - Writes tested code.\n  - Adds a regression test with each fix.\n\
         - Reviews others' changes.\n- Examples:\n  - Reviews within a day.\n  - Asks questions before approving.\n\n\
         ## Senior Engineer\n\n### Delivery\n\n\
         - Requirements:\n  - Designs features others build on.\n    - Writes a design note first.\n\
         - Chooses tools.\n  - z. B.:\n    - Picks a queue and explains why.\n",
    )
    .unwrap();
    let ladder = import_file(&markdown).unwrap().ladder;
    let got = read(&ladder);
    let delivery = |level: &str| got[level]["Delivery"].clone();
    let owned = |text: &str, examples: &[&str]| {
        (
            text.to_owned(),
            examples.iter().map(|e| (*e).to_owned()).collect::<Vec<_>>(),
        )
    };
    assert_eq!(
        delivery("Engineer"),
        [
            owned(
                "Writes tested code.",
                &["Adds a regression test with each fix."]
            ),
            owned(
                "Reviews others' changes.",
                &["Reviews within a day.", "Asks questions before approving."]
            ),
        ]
    );
    assert_eq!(
        got["Senior Engineer"]
            .values()
            .flatten()
            .cloned()
            .collect::<Vec<_>>(),
        [
            owned(
                "Designs features others build on.",
                &["Writes a design note first."]
            ),
            owned("Chooses tools.", &["Picks a queue and explains why."]),
        ]
    );

    let json = folder.path().join("framework.json");
    std::fs::write(
        &json,
        r#"{"title": "Framework", "topics": [{"name": "Code review", "content": [
            {"level": 1, "criteria": ["Reviews changes"],
             "exampleCriteria": [{"criteria": "Explains review comments", "examples": ["Links the guideline"]}]}]}],
           "tracks2": {"MOBILE": {"displayName": "Mobile", "milestones": [
             {"summary": "Works within the architecture", "signals": ["Reuses components"], "examples": ["Added a button"]}]}}}"#,
    )
    .unwrap();
    let ladder = import_file(&json).unwrap().ladder;
    let all: Vec<(String, Vec<String>)> = read(&ladder)
        .into_values()
        .flat_map(|areas| areas.into_values().flatten())
        .collect();
    assert!(all.contains(&owned("Reviews changes", &[])), "{all:#?}");
    assert!(
        all.contains(&owned("Explains review comments", &["Links the guideline"])),
        "{all:#?}"
    );
    assert!(
        all.contains(&owned(
            "Works within the architecture",
            &["Added a button", "Reuses components"]
        )),
        "{all:#?}"
    );
}
