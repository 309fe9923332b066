//! The calibration sheet as a meeting uses it: people's ratings typed into the input cells, the
//! workbook recalculated by a real spreadsheet engine (LibreOffice headless), and every roll-up
//! compared with the same answer worked out here from the model. Reading a formula's text would
//! prove nothing; this reads what the engine computes.

use crate::common::*;

use std::collections::BTreeMap;
use std::io::{Cursor, Read, Write};
use std::path::Path;
use std::process::Command;

use calamine::Reader;
use ladder::export::xlsx::{level_labels, workbook, WorkbookOptions};
use ladder::model::Ladder;
use ladder::roster::Roster;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

/// A LibreOffice profile that recalculates every formula when a file is loaded (by default it
/// trusts the cached results, which a generated workbook leaves empty).
fn profile() -> &'static Path {
    static PROFILE: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    PROFILE
        .get_or_init(|| {
            let profile = tempfile::tempdir().unwrap();
            let user = profile.path().join("user");
            std::fs::create_dir_all(&user).unwrap();
            std::fs::write(
                user.join("registrymodifications.xcu"),
                r#"<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"#,
            )
            .unwrap();
            profile
        })
        .path()
}

/// Serializes LibreOffice runs: one profile cannot be used by two processes at once.
static OFFICE: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// The workbook as LibreOffice saves it after loading (and so recalculating) it.
fn recalculated(bytes: &[u8]) -> Vec<u8> {
    converted(bytes, "xlsx", "xlsx")
}

/// The two spreadsheet engines the workbooks are proven in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Engine {
    LibreOffice,
    Gnumeric,
}

pub(crate) const ENGINES: [Engine; 2] = [Engine::LibreOffice, Engine::Gnumeric];

/// The workbook as `engine` saves it after recalculating every formula.
pub(crate) fn recalculated_by(engine: Engine, bytes: &[u8]) -> Vec<u8> {
    match engine {
        Engine::LibreOffice => recalculated(bytes),
        Engine::Gnumeric => {
            let folder = tempfile::tempdir().unwrap();
            let input = folder.path().join("in.xlsx");
            let output = folder.path().join("out.xlsx");
            std::fs::write(&input, bytes).unwrap();
            let run = Command::new("ssconvert")
                .arg("--recalc")
                .arg(&input)
                .arg(&output)
                .output()
                .expect("Gnumeric's ssconvert is installed: .ci/run installs gnumeric");
            assert!(
                run.status.success() && output.is_file(),
                "{}",
                String::from_utf8_lossy(&run.stderr)
            );
            std::fs::read(output).unwrap()
        }
    }
}

/// A workbook (of the kind `from` names) as LibreOffice saves it in the format `to` (`xlsx`,
/// `ods`, `csv`: the first sheet), after loading and recalculating it.
pub(crate) fn converted(bytes: &[u8], from: &str, to: &str) -> Vec<u8> {
    converted_with(bytes, from, to, None)
}

/// [`converted`], with LibreOffice's import filter and its options (`CSV:44,34,…`).
fn converted_with(bytes: &[u8], from: &str, to: &str, filter: Option<&str>) -> Vec<u8> {
    let _one_at_a_time = OFFICE
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let folder = tempfile::tempdir().unwrap();
    let input = folder.path().join(format!("in.{from}"));
    std::fs::write(&input, bytes).unwrap();
    let out = folder.path().join("out");
    let status = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile().display()
        ))
        .args(["--headless", "--norestore"])
        .args(filter.map(|filter| format!("--infilter={filter}")))
        .args(["--convert-to", to, "--outdir"])
        .arg(&out)
        .arg(&input)
        .output()
        .expect("LibreOffice (soffice) is installed: .ci/run installs libreoffice-calc-nogui");
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    std::fs::read(out.join(format!("in.{to}"))).unwrap()
}

/// The workbook with the XML of one sheet part (`xl/worksheets/sheetN.xml`) edited.
fn with_sheet_edited(bytes: &[u8], sheet: &str, edit: impl Fn(&mut String)) -> Vec<u8> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for index in 0..archive.len() {
        let mut file = archive.by_index(index).unwrap();
        let name = file.name().unwrap().to_string();
        let mut content = Vec::new();
        file.read_to_end(&mut content).unwrap();
        if name.as_str() == sheet {
            let mut xml = String::from_utf8(content).unwrap();
            edit(&mut xml);
            content = xml.into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&content).unwrap();
    }
    out.finish().unwrap().into_inner()
}

/// Replaces a cell of the sheet XML, whatever it holds, with an inline string, keeping its
/// style (the cell's look, and whether it is locked).
fn put(xml: &mut String, cell: &str, text: &str) {
    let start = xml
        .find(&format!("<c r=\"{cell}\""))
        .unwrap_or_else(|| panic!("no cell {cell}"));
    let rest = &xml[start..];
    // `<c .../>` ends at its tag; `<c ...>…</c>` at its closing tag.
    let tag_end = rest.find('>').unwrap();
    let tag = &rest[..tag_end];
    let end = start
        + if tag.ends_with('/') {
            tag_end + 1
        } else {
            rest.find("</c>").unwrap() + 4
        };
    let style = tag
        .split("s=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .map(|style| format!(" s=\"{style}\""))
        .unwrap_or_default();
    let escaped = text.replace('&', "&amp;").replace('<', "&lt;");
    let filled = format!("<c r=\"{cell}\"{style} t=\"inlineStr\"><is><t>{escaped}</t></is></c>");
    xml.replace_range(start..end, &filled);
}

/// The workbook with `values` typed into cells of the sheet part `sheet`, as a person would.
fn typed_into(bytes: &[u8], sheet: &str, values: &[(String, String)]) -> Vec<u8> {
    with_sheet_edited(bytes, sheet, |xml| {
        for (cell, text) in values {
            put(xml, cell, text);
        }
    })
}

fn column_letters(mut index: usize) -> String {
    let mut letters = String::new();
    loop {
        letters.insert(0, (b'A' + (index % 26) as u8) as char);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    letters
}

/// One person of a generated meeting: their track, current level and a rating per area.
#[derive(Debug, Clone)]
struct Rated {
    track: usize,
    current: usize,
    /// Their team (one of three) and the decision typed for them (promote, hold, below).
    team: usize,
    decision: Option<usize>,
    /// Per rating column of the sheet: the rank chosen (0-based), or none.
    ratings: Vec<Option<usize>>,
}

/// The rating columns of a ladder's sheet: its areas (or one overall rating), and per track
/// whether it rates each.
fn rating_columns(ladder: &Ladder) -> Vec<(String, Vec<bool>)> {
    let view = view(ladder);
    if ladder.areas.is_empty() {
        return vec![(
            String::from("Overall level"),
            vec![true; ladder.tracks.len()],
        )];
    }
    ladder
        .areas
        .iter()
        .map(|area| {
            (
                area.name.clone(),
                view.tracks
                    .iter()
                    .map(|track| {
                        track.areas.is_empty() || track.areas.iter().any(|used| used.id == area.id)
                    })
                    .collect(),
            )
        })
        .collect()
}

/// What the roll-ups must say for a person, worked out from the model: (lowest, median, meets).
fn expected(
    ladder: &Ladder,
    person: &Rated,
    columns: &[(String, Vec<bool>)],
) -> (String, String, String) {
    let labels = level_labels(&ladder.tracks[person.track]);
    let ranks: Vec<usize> = person
        .ratings
        .iter()
        .zip(columns)
        .filter(|(_, (_, used))| used[person.track])
        .filter_map(|(rating, _)| rating.map(|rank| rank + 1))
        .collect();
    if ranks.is_empty() {
        return (String::new(), String::new(), String::new());
    }
    let mut sorted = ranks.clone();
    sorted.sort();
    let median = if sorted.len() % 2 == 1 {
        sorted[sorted.len() / 2] as f64
    } else {
        (sorted[sorted.len() / 2 - 1] + sorted[sorted.len() / 2]) as f64 / 2.0
    };
    let lowest = labels[sorted[0] - 1].clone();
    let median = labels[median.floor() as usize - 1].clone();
    let rated_areas = columns
        .iter()
        .filter(|(_, used)| used[person.track])
        .count();
    let current = person.current + 1;
    let meets = if sorted[0] < current {
        "No"
    } else if ranks.len() < rated_areas {
        "Incomplete"
    } else {
        "Yes"
    };
    (lowest, median, meets.to_owned())
}

/// Builds the ladder's workbook with these people, types their ratings in, recalculates, and
/// compares every roll-up with `expected`.
/// The workbook of `ladder` with these people in its roster and their ratings and decisions
/// typed into the calibration sheet, as a person would, before any recalculation.
fn filled(ladder: &Ladder, people: &[Rated]) -> Vec<u8> {
    let mut csv = String::from("name,track,level,Team\n");
    for (index, person) in people.iter().enumerate() {
        let track = &ladder.tracks[person.track];
        csv.push_str(&format!(
            "Person {index},{},{},Team {}\n",
            track.id, track.levels[person.current].id, person.team
        ));
    }
    let roster = Roster::parse(Path::new("people.csv"), &csv).unwrap();
    let stamp = stamp();
    let view = view(ladder);
    let bytes = workbook(
        ladder::export::Input {
            ladder,
            view: &view,
        },
        &WorkbookOptions {
            roster: Some(&roster),
            filled: None,
            stamp: &stamp,
        },
    )
    .unwrap();
    let columns = rating_columns(ladder);
    let decisions = ["Promote", "Hold", "Below level"];
    let decision_column = column_letters(3 + columns.len() + 4);
    let mut typed = Vec::new();
    let notes_column = column_letters(3 + columns.len() + 5);
    for (row, person) in people.iter().enumerate() {
        // Evidence typed in the meeting, for every other person, over two lines.
        if row % 2 == 0 {
            typed.push((format!("{notes_column}{}", row + 2), evidence_of(row)));
        }
        if let Some(decision) = person.decision {
            typed.push((
                format!("{decision_column}{}", row + 2),
                decisions[decision].to_owned(),
            ));
        }
        let labels = level_labels(&ladder.tracks[person.track]);
        // A promotion proposes the next level up, where there is one.
        if let (Some(0), Some(next)) = (person.decision, labels.get(person.current + 1)) {
            let proposed_column = column_letters(3 + columns.len() + 3);
            typed.push((format!("{proposed_column}{}", row + 2), next.clone()));
        }
        for (index, rating) in person.ratings.iter().enumerate() {
            if let (Some(rank), true) = (rating, columns[index].1[person.track]) {
                typed.push((
                    format!("{}{}", column_letters(3 + index), row + 2),
                    labels[*rank].clone(),
                ));
            }
        }
    }
    let sheet = calibration_part(&bytes);
    typed_into(&bytes, &sheet, &typed)
}

/// Fills the sheet, recalculates it in both engines and compares every roll-up and Summary
/// cell with what the model computes; returns how many people have a verdict.
/// The notes typed for the person in `row` of a filled sheet (every other person).
fn evidence_of(row: usize) -> String {
    format!("Evidence {row}: shipped the *import* tool.\nMentored two people; see the RFC")
}

fn check_meeting(ladder: &Ladder, people: &[Rated]) -> usize {
    let filled = filled(ladder, people);
    let mut answered = 0;
    for engine in ENGINES {
        answered = check_recalculated(ladder, people, engine, recalculated_by(engine, &filled));
    }
    answered
}

fn check_recalculated(ladder: &Ladder, people: &[Rated], engine: Engine, result: Vec<u8>) -> usize {
    let columns = rating_columns(ladder);
    let mut book: calamine::Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(result)).unwrap();
    let range = book.worksheet_range("Calibration").unwrap();
    let header: Vec<String> = range
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|cell| cell.to_string())
        .collect();
    let at = |name: &str| {
        header
            .iter()
            .position(|heading| heading == name)
            .unwrap_or_else(|| panic!("no column {name}: {header:?}"))
    };
    let (lowest, median, meets) = (
        at("Lowest level reached"),
        at("Median level"),
        at("Meets current level everywhere"),
    );
    let mut answers = BTreeMap::new();
    let mut verdicts = Vec::new();
    for (index, person) in people.iter().enumerate() {
        let row = range.rows().nth(index + 1).unwrap();
        let actual = (
            row[lowest].to_string(),
            row[median].to_string(),
            row[meets].to_string(),
        );
        let wanted = expected(ladder, person, &columns);
        assert_eq!(
            actual, wanted,
            "{engine:?}, {}: person {index} {person:?}",
            ladder.id
        );
        verdicts.push(wanted.2.clone());
        *answers.entry(wanted.2).or_insert(0) += 1;
    }
    check_summary(ladder, people, &verdicts, &mut book, engine);
    // A meeting where nothing is rated yet shows blanks, never 0.
    let spare = range.rows().nth(people.len() + 1).unwrap();
    for column in [lowest, median, meets] {
        assert_eq!(
            spare[column].to_string(),
            "",
            "{engine:?}, {}: a spare row computes",
            ladder.id
        );
    }
    answers
        .iter()
        .filter(|(answer, _)| !answer.is_empty())
        .map(|(_, count)| count)
        .sum()
}

/// The part of the calibration sheet in the zip.
fn calibration_part(bytes: &[u8]) -> String {
    sheet_part(bytes, "Calibration")
}

/// People of every track of a ladder, with random ratings (some left blank).
fn meeting(ladder: &Ladder) -> impl Strategy<Value = Vec<Rated>> {
    let columns = rating_columns(ladder).len();
    let tracks: Vec<usize> = ladder
        .tracks
        .iter()
        .map(|track| track.levels.len())
        .collect();
    prop::collection::vec(
        (0..tracks.len()).prop_flat_map(move |track| {
            let levels = tracks[track];
            (
                Just(track),
                0..levels,
                prop::collection::vec(prop::option::weighted(0.85, 0..levels), columns),
                0usize..3,
                prop::option::of(0usize..3),
            )
        }),
        1..14,
    )
    .prop_map(|people| {
        people
            .into_iter()
            .map(|(track, current, ratings, team, decision)| Rated {
                track,
                current,
                ratings,
                team,
                decision,
            })
            .collect()
    })
}

/// The Summary sheet, figure by figure, against counts from the model.
fn check_summary(
    ladder: &Ladder,
    people: &[Rated],
    verdicts: &[String],
    book: &mut calamine::Xlsx<Cursor<Vec<u8>>>,
    engine: Engine,
) {
    let summary = book.worksheet_range("Summary").unwrap();
    let number = |cell: &calamine::Data| cell.to_string().parse::<f64>().unwrap_or(-1.0) as i64;
    let count = |keep: &dyn Fn(usize, &Rated) -> bool| {
        people
            .iter()
            .enumerate()
            .filter(|(index, person)| keep(*index, person))
            .count() as i64
    };
    let mut row = 3;
    for (track_index, track) in ladder.tracks.iter().enumerate() {
        for (level_index, label) in level_labels(track).iter().enumerate() {
            let cells = summary.rows().nth(row).unwrap();
            assert_eq!(cells[1].to_string(), *label);
            let here = |_: usize, person: &Rated| {
                person.track == track_index && person.current == level_index
            };
            assert_eq!(
                number(&cells[2]),
                count(&here),
                "{engine:?}, {}: people at {label}",
                ladder.id
            );
            assert_eq!(
                number(&cells[3]),
                count(&|index, person| here(index, person) && verdicts[index] == "Yes"),
                "{engine:?}, {}: meeting {label}",
                ladder.id
            );
            assert_eq!(
                number(&cells[4]),
                count(&|index, person| here(index, person) && person.decision == Some(0)),
                "{engine:?}, {}: promotions at {label}",
                ladder.id
            );
            row += 1;
        }
    }
    let total = summary.rows().nth(row).unwrap();
    assert_eq!(number(&total[2]), people.len() as i64);
    assert_eq!(
        number(&total[3]),
        count(&|index, _| verdicts[index] == "Yes")
    );
    assert_eq!(
        number(&total[4]),
        count(&|_, person| person.decision == Some(0))
    );
    // Per team, in the order the roster first names them.
    let mut teams: Vec<usize> = Vec::new();
    for person in people {
        if !teams.contains(&person.team) {
            teams.push(person.team);
        }
    }
    for (offset, team) in teams.iter().enumerate() {
        let cells = summary.rows().nth(row + 3 + offset).unwrap();
        assert_eq!(cells[0].to_string(), format!("Team {team}"));
        assert_eq!(number(&cells[2]), count(&|_, person| person.team == *team));
        assert_eq!(
            number(&cells[3]),
            count(&|index, person| person.team == *team && verdicts[index] == "Yes")
        );
        assert_eq!(
            number(&cells[4]),
            count(&|_, person| person.team == *team && person.decision == Some(0))
        );
    }
    // Spare rows for teams named in the meeting count nobody until named; the last row
    // counts whoever is in no team row: nobody here.
    let after_teams = row + 3 + teams.len();
    for offset in 0..=SPARE_TEAM_ROWS {
        let cells = summary.rows().nth(after_teams + offset).unwrap();
        for cell in &cells[2..=4] {
            assert_eq!(
                number(cell),
                0,
                "{engine:?}, {}: row {} of the team rows",
                ladder.id,
                after_teams + offset + 1
            );
        }
    }
}

/// Rows under the roster's teams for teams named only in the meeting.
const SPARE_TEAM_ROWS: usize = 3;

#[test]
fn every_roll_up_of_every_seed_is_what_the_model_says() {
    let mut answered = 0;
    for ladder in all_shipped() {
        let mut runner = TestRunner::new(Config {
            cases: 2,
            ..Config::default()
        });
        let counted = std::cell::Cell::new(0);
        runner
            .run(&meeting(&ladder), |people| {
                counted.set(counted.get() + check_meeting(&ladder, &people));
                Ok(())
            })
            .unwrap();
        answered += counted.get();
    }
    // The engine computed: most people have a verdict.
    assert!(answered > 10, "only {answered} roll-ups computed");
}

/// A ladder of an awkward shape, through YAML.
fn shaped(yaml: &str) -> Ladder {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("shape.yaml");
    std::fs::write(&path, yaml).unwrap();
    load(&path)
}

#[test]
fn roll_ups_are_right_for_awkward_shapes() {
    // Tracks with different areas, a one-level track, a role track, a cumulative ladder.
    let mut yaml = String::from(
        "title: Shapes\ncumulative: true\nareas:\n  - {id: a, name: Alpha}\n  - {id: b, name: Beta}\n  - {id: c, name: Gamma}\ntracks:\n",
    );
    yaml.push_str("  - id: ic\n    name: IC\n    kind: ic\n    areas: [a, b, c]\n    levels:\n");
    for level in 0..32 {
        yaml.push_str(&format!(
            "      - {{id: ic-{level}, title: Engineer, code: E{level}, expectations: {{a: [A{level}], b: [B{level}], c: [C{level}]}}}}\n"
        ));
    }
    yaml.push_str("  - id: mgr\n    name: Manager\n    kind: manager\n    areas: [b]\n    levels:\n      - {id: m-1, title: Manager, expectations: {b: [Leads.]}}\n      - {id: m-2, title: Director, expectations: {b: [Leads leads.]}}\n");
    yaml.push_str("  - id: one\n    name: Solo\n    kind: ic\n    levels:\n      - {id: solo, title: Only, expectations: {c: [Alone.]}}\n");
    yaml.push_str("  - id: roles\n    name: Roles\n    kind: role\n    levels:\n      - {id: lead, title: Lead, requires: ic-3, expectations: {a: [Leads.]}}\n      - {id: arch, title: Architect, requires: ic-5, expectations: {c: [Designs.]}}\n");
    let ladder = shaped(&yaml);
    check_meetings(&ladder, 3);
}

/// `cases` generated meetings of `ladder`, each checked in both engines.
fn check_meetings(ladder: &Ladder, cases: u32) {
    let mut runner = TestRunner::new(Config {
        cases,
        ..Config::default()
    });
    runner
        .run(&meeting(ladder), |people| {
            check_meeting(ladder, &people);
            Ok(())
        })
        .unwrap();
}

/// A fixed meeting of persado-2019: ratings, some blanks, decisions.
fn persado_meeting() -> Vec<Rated> {
    let rated = |track, current, ratings: Vec<Option<usize>>, team, decision| Rated {
        track,
        current,
        ratings,
        team,
        decision,
    };
    vec![
        rated(
            0,
            1,
            vec![Some(1), Some(2), Some(1), Some(1), None],
            0,
            Some(0),
        ),
        rated(
            0,
            2,
            vec![Some(1), Some(2), Some(3), Some(2), None],
            1,
            Some(1),
        ),
        rated(
            1,
            0,
            vec![Some(0), None, Some(1), Some(0), Some(2)],
            0,
            None,
        ),
        rated(
            2,
            1,
            vec![None, Some(1), None, Some(2), Some(1)],
            2,
            Some(2),
        ),
    ]
}

#[test]
fn a_filled_workbook_reads_back_what_was_typed_and_decided() {
    let ladder = shipped("persado-2019.yaml");
    let people = persado_meeting();
    let (labels, _) = ladder::labels::Dictionaries::built_in().labels("en");
    let columns = rating_columns(&ladder);
    let typed = filled(&ladder, &people);
    // As typed (never recalculated), and as LibreOffice saves it: the same reading.
    for bytes in [typed.clone(), recalculated(&typed)] {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("meeting.xlsx");
        std::fs::write(&path, &bytes).unwrap();
        assert_eq!(
            ladder::calibration::stamped_ladder(&path)
                .unwrap()
                .as_deref(),
            Some("persado-2019")
        );
        let read = ladder::calibration::read(&path, &ladder, &labels).unwrap();
        assert_eq!(read.people.len(), people.len());
        for (person, back) in people.iter().zip(&read.people) {
            let track = &ladder.tracks[person.track];
            let id = |rank: usize| track.levels[rank].id.clone();
            assert_eq!(back.track, track.id);
            assert_eq!(back.level, id(person.current));
            let typed_ratings: Vec<Option<String>> = person
                .ratings
                .iter()
                .zip(&columns)
                .map(|(rating, (_, used))| rating.filter(|_| used[person.track]).map(id))
                .collect();
            assert_eq!(back.ratings, typed_ratings, "{}", back.name);
            let (lowest, median, meets) = expected(&ladder, person, &columns);
            let labels_of = level_labels(track);
            let as_id = |label: &str| {
                (!label.is_empty())
                    .then(|| id(labels_of.iter().position(|known| known == label).unwrap()))
            };
            assert_eq!(back.lowest, as_id(&lowest));
            assert_eq!(back.median, as_id(&median));
            let verdict = back.meets.map(|verdict| format!("{verdict:?}"));
            assert_eq!(verdict.as_deref().unwrap_or(""), meets);
            let decision = person
                .decision
                .map(|index| ["Promote", "Hold", "Below level"][index].to_owned());
            assert_eq!(back.decision, decision);
            let proposed = (person.decision == Some(0))
                .then(|| {
                    track
                        .levels
                        .get(person.current + 1)
                        .map(|level| level.id.clone())
                })
                .flatten();
            assert_eq!(back.proposed, proposed, "{}", back.name);
            assert_eq!(
                back.extra,
                [("Team".to_owned(), format!("Team {}", person.team))]
            );
        }
        // A page per person for their 1:1: one page, with the current level's expectations in
        // every area rated below it, and the proposed level.
        let view = view(&ladder);
        for back in &read.people {
            let pdf = ladder::export::calibration::person_pdf(
                crate::pdf::context(),
                &view,
                &ladder,
                &read,
                back,
                &stamp(),
            )
            .unwrap();
            assert_eq!(crate::pdf::pages_of(&pdf), 1, "{}", back.name);
            crate::pdf::assert_accessible(&pdf, &back.name);
            let text = crate::pdf::normalize(&crate::pdf::text_of(&pdf));
            assert!(text.contains(&crate::pdf::normalize(&back.name)));
            // The evidence from the meeting, every line of it, as typed.
            if let Some(notes) = &back.notes {
                for line in notes.lines() {
                    assert!(
                        text.contains(&crate::pdf::normalize(line)),
                        "{}: {line}",
                        back.name
                    );
                }
            }
            let current = ladder.position(&back.level).unwrap().1;
            let level = ladder.level(&back.level).unwrap();
            for (index, rating) in back.ratings.iter().enumerate() {
                let below = rating
                    .as_deref()
                    .is_some_and(|id| ladder.position(id).unwrap().1 < current);
                if !below {
                    continue;
                }
                let area = &ladder.areas[index];
                for item in ladder
                    .expectations_of(level)
                    .get(&area.id)
                    .into_iter()
                    .flatten()
                {
                    let plain = crate::pdf::normalize(&ladder::markup::plain_text(&item.text));
                    assert!(text.contains(&plain), "{}: {item}", back.name);
                }
            }
            if let Some(proposed) = &back.proposed {
                let title = &ladder.level(proposed).unwrap().title;
                assert!(
                    text.contains(&crate::pdf::normalize(title)),
                    "{}",
                    back.name
                );
            }
        }
        // The report as PDF: every person, and every level that has people, with its count.
        let figures = ladder::calibration::figures(&read, &ladder, &labels);
        let pdf = crate::pdf::context()
            .report(&view, figures, &stamp())
            .unwrap();
        crate::pdf::assert_accessible(&pdf, &ladder.title);
        let text = crate::pdf::normalize(&crate::pdf::text_of(&pdf));
        for back in &read.people {
            assert!(
                text.contains(&crate::pdf::normalize(&back.name)),
                "{}",
                back.name
            );
            let title = &ladder.level(&back.level).unwrap().title;
            assert!(text.contains(&crate::pdf::normalize(title)), "{title}");
        }
        // The outputs for HR systems and the report carry every person.
        let csv = ladder::export::calibration::to_csv(&read);
        // Records, not lines: the notes' line breaks stay inside their quoted field.
        let mut quoted = false;
        let records = csv
            .chars()
            .filter(|c| {
                if *c == '"' {
                    quoted = !quoted;
                }
                *c == '\n' && !quoted
            })
            .count();
        assert_eq!(records, people.len() + 1);
        let report = ladder::export::calibration::to_markdown(&read, &ladder, &labels).unwrap();
        for back in &read.people {
            assert!(report.contains(&back.name));
        }
        // The evidence reaches every report, as its reader reads it: the Markdown parsed back
        // by comrak (literal, each line kept), and the PDF's text.
        let rendered = plain_text_of_markdown(&report);
        for (row, back) in read.people.iter().enumerate() {
            assert_eq!(back.notes, (row % 2 == 0).then(|| evidence_of(row)));
            for line in back.notes.iter().flat_map(|notes| notes.lines()) {
                assert!(rendered.contains(line), "{line} in {rendered}");
                assert!(text.contains(&crate::pdf::normalize(line)), "{line}");
            }
        }
    }
}

#[test]
fn values_that_are_not_the_ladders_are_reported_at_their_cells() {
    let ladder = shipped("persado-2019.yaml");
    let (labels, _) = ladder::labels::Dictionaries::built_in().labels("en");
    let bytes = filled(&ladder, &persado_meeting());
    let sheet = calibration_part(&bytes);
    // A level of another track in D2's rating, and a track the ladder does not have in B3.
    let wrong = typed_into(
        &bytes,
        &sheet,
        &[("D2", "Engineering Team Lead"), ("B3", "Pilots")]
            .map(|(cell, text)| (cell.to_owned(), text.to_owned())),
    );
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("meeting.xlsx");
    std::fs::write(&path, wrong).unwrap();
    let problems = ladder::calibration::read(&path, &ladder, &labels).unwrap_err();
    let messages: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
    assert!(
        messages.iter().any(|m| m.starts_with("Calibration!D2:")),
        "{messages:?}"
    );
    assert!(
        messages.iter().any(|m| m.starts_with("Calibration!B3:")),
        "{messages:?}"
    );
    assert!(problems.iter().all(|p| p.hint.is_some()));
    // A workbook this tool did not write says what to do.
    let other = folder.path().join("other.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    book.add_worksheet().write_string(0, 0, "hello").unwrap();
    book.save(&other).unwrap();
    assert_eq!(ladder::calibration::stamped_ladder(&other).unwrap(), None);
    let problems = ladder::calibration::read(&other, &ladder, &labels).unwrap_err();
    assert!(problems[0]
        .hint
        .as_deref()
        .unwrap()
        .contains("ladder build"));
}

#[test]
fn a_workbook_whose_ladder_changed_since_is_read_with_a_warning() {
    let ladder = shipped("persado-2019.yaml");
    let (labels, _) = ladder::labels::Dictionaries::built_in().labels("en");
    let bytes = filled(&ladder, &persado_meeting());
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("meeting.xlsx");
    std::fs::write(&path, &bytes).unwrap();
    let same = ladder::calibration::read(&path, &ladder, &labels).unwrap();
    assert!(same.warnings.is_empty(), "{:?}", same.warnings);
    let mut edited = ladder.clone();
    edited.tracks[2].levels[3].title = String::from("Senior Director");
    let read = ladder::calibration::read(&path, &edited, &labels).unwrap();
    assert_eq!(read.people.len(), persado_meeting().len());
    assert_eq!(read.warnings.len(), 1);
    assert!(read.warnings[0].message.contains("changed since"));
}

/// The part of a workbook's sheet of this name in the zip.
fn sheet_part(bytes: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut workbook = String::new();
    archive
        .by_name("xl/workbook.xml")
        .unwrap()
        .read_to_string(&mut workbook)
        .unwrap();
    let escaped = name.replace('&', "&amp;").replace('"', "&quot;");
    let position = workbook
        .split("<sheet ")
        .skip(1)
        .position(|entry| entry.contains(&format!("name=\"{escaped}\"")))
        .unwrap_or_else(|| panic!("no sheet {name} in {workbook}"));
    format!("xl/worksheets/sheet{}.xml", position + 1)
}

/// Renamed columns and sheet, as an organization's own labels file would.
const RENAMED_LABELS: &str = "sheet_calibration: Bewertungsrunde\nname: Mitarbeitende\ntrack: Laufbahn\ncurrent_level: Stufe heute\ndecision: Beschluss\nnotes: Belege\nproposed_level: Vorschlag\n";

#[test]
fn workbooks_made_with_renamed_labels_or_in_other_languages_read_back_through_the_cli() {
    let ladder = shipped("persado-2019.yaml");
    let columns = rating_columns(&ladder);
    let source = std::fs::read_to_string(repo("ladders/persado-2019.yaml")).unwrap();
    for (language, renamed) in [("en", true), ("de", false), ("fr", false), ("ja", false)] {
        let folder = tempfile::tempdir().unwrap();
        let root = folder.path();
        std::fs::create_dir(root.join("ladders")).unwrap();
        std::fs::write(
            root.join("ladders/persado-2019.yaml"),
            format!("language: {language}\n{source}"),
        )
        .unwrap();
        let layouts = root.join("house-style");
        std::fs::create_dir_all(layouts.join("labels")).unwrap();
        if renamed {
            std::fs::write(layouts.join("labels/en.yaml"), RENAMED_LABELS).unwrap();
        }
        // Three people of the first track, the third with a rating above their level.
        let track = &ladder.tracks[0];
        std::fs::write(
            root.join("people.csv"),
            format!(
                "name,track,level,Team\nAda,{t},{l0},Core\nGrace,{t},{l1},Core\nKatherine,{t},{l0},Edge\n",
                t = track.id,
                l0 = track.levels[0].id,
                l1 = track.levels[1].id
            ),
        )
        .unwrap();
        let run = |args: &[&str]| {
            let output = Command::new(env!("CARGO_BIN_EXE_ladder"))
                .args(args)
                .arg("--layouts")
                .arg(&layouts)
                .current_dir(root)
                .output()
                .unwrap();
            let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
            assert!(output.status.success(), "{language}: {args:?}: {stderr}");
            stderr
        };
        run(&["build", "--format", "xlsx", "--roster", "people.csv"]);
        let path = root.join("out/persado-2019/persado-2019.xlsx");
        let bytes = std::fs::read(&path).unwrap();
        let dictionaries = ladder::labels::Dictionaries::load(Some(&layouts)).unwrap();
        let (labels, _) = dictionaries.labels(language);
        let sheet = labels.text("sheet_calibration").to_owned();
        if renamed {
            assert_eq!(sheet, "Bewertungsrunde");
        }
        let labels_of = level_labels(track);
        let decision_column = column_letters(3 + columns.len() + 4);
        let notes_column = column_letters(3 + columns.len() + 5);
        let mut typed = vec![
            (format!("{decision_column}3"), String::from("Promote")),
            (
                format!("{notes_column}3"),
                String::from("Led the migration; wrote the RFC"),
            ),
        ];
        let rated = columns
            .iter()
            .position(|(_, used)| used[0])
            .expect("the first track rates an area");
        typed.push((
            format!("{}4", column_letters(3 + rated)),
            labels_of[1].clone(),
        ));
        let filled = typed_into(&bytes, &sheet_part(&bytes, &sheet), &typed);
        std::fs::write(&path, &filled).unwrap();
        run(&[
            "calibration",
            "out/persado-2019/persado-2019.xlsx",
            "--format",
            "json,md",
        ]);
        let json: serde_json::Value = serde_json::from_slice(
            &std::fs::read(root.join("out/persado-2019/calibration/persado-2019.json")).unwrap(),
        )
        .unwrap();
        let people = json["people"].as_array().unwrap();
        let names: Vec<&str> = people.iter().map(|p| p["name"].as_str().unwrap()).collect();
        assert_eq!(names, ["Ada", "Grace", "Katherine"], "{language}");
        assert_eq!(people[1]["decision"], "Promote", "{language}");
        assert_eq!(
            people[1]["notes"], "Led the migration; wrote the RFC",
            "{language}"
        );
        assert_eq!(
            people[2]["ratings"][rated].as_str(),
            Some(track.levels[1].id.as_str()),
            "{language}"
        );
        assert_eq!(people[0]["extra"][0][1], "Core", "{language}");
        assert!(root
            .join("out/persado-2019/calibration/persado-2019.md")
            .is_file());
        // Nothing changed: the second run writes nothing.
        let again = run(&[
            "calibration",
            "out/persado-2019/persado-2019.xlsx",
            "--format",
            "json,md",
        ]);
        assert!(again.contains("0 written, 2 up to date"), "{again}");
    }
}

#[test]
fn csv_fields_that_look_like_formulas_stay_text_in_a_spreadsheet() {
    use ladder::export::calibration::csv_field;
    let hostile = [
        "=cmd|' /C calc'!A0",
        "+1+1",
        "-2+3",
        "@SUM(1+1)",
        "=HYPERLINK(\"http://x\",\"click\")",
        "\t=1+2",
        "\r=3+4",
        "plain, with a comma",
    ];
    let row: Vec<String> = hostile.iter().map(|text| csv_field(text)).collect();
    // The first line, unneutralized, proves the import evaluates formulas (LibreOffice's CSV
    // filter with "evaluate formulas" on, as a user may have it).
    let csv = format!("=1+1,x\n{}\n", row.join(","));
    let filter = "CSV:44,34,76,1,,1033,false,false,false,false,false,-1,true";
    let xlsx = converted_with(csv.as_bytes(), "csv", "xlsx", Some(filter));
    let mut book: calamine::Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(xlsx)).unwrap();
    let sheet = book.sheet_names()[0].clone();
    let formulas = book.worksheet_formula(&sheet).unwrap();
    let values = book.worksheet_range(&sheet).unwrap();
    assert_eq!(
        formulas.get_value((0, 0)).map(String::as_str),
        Some("1+1"),
        "the import does not evaluate formulas: this test would prove nothing"
    );
    for (column, text) in hostile.iter().enumerate() {
        let formula = formulas
            .get_value((1, column as u32))
            .cloned()
            .unwrap_or_default();
        assert!(
            formula.is_empty(),
            "{text:?} became the formula {formula:?}"
        );
        let value = values
            .get_value((1, column as u32))
            .map(|value| value.to_string())
            .unwrap_or_default();
        assert!(
            value.trim_start_matches('\'').trim() == text.trim(),
            "{text:?} reads as {value:?}"
        );
    }
}

/// Names with the characters lookups read as patterns (`*`, `?`, `~`), those that start a
/// formula (`=`, `+`, `-`, `@`), separators and quotes (`,`, `"`, `'`), and other scripts:
/// every roll-up and Summary count the same in LibreOffice and Gnumeric as in the model.
#[test]
fn roll_ups_are_right_in_both_engines_for_names_that_look_like_patterns_or_formulas() {
    let quoted = |text: &str| serde_json::to_string(text).unwrap();
    let areas = [
        "=Impact",
        "Scope*",
        "Craft ~ 技術",
        "التأثير, \"reach\"",
        "+Delivery?",
    ];
    let tracks: [(&str, &[&str]); 3] = [
        (
            "IC*",
            &[
                "Engineer?",
                "Staff*",
                "Staff Engineer",
                "~Lead",
                "=Principal",
                "O'Brien \"Fellow\"",
            ],
        ),
        (
            "Managers ~ 管理職",
            &["-Manager", "@Director", "Manager*", "部長 ~ VP"],
        ),
        ("Spécialiste, «A»", &["+Expert", "Expert", "Ekspert?"]),
    ];
    let mut yaml = String::from("title: Patterns\nareas:\n");
    for (index, area) in areas.iter().enumerate() {
        yaml.push_str(&format!("  - id: a{index}\n    name: {}\n", quoted(area)));
    }
    yaml.push_str("tracks:\n");
    for (track_index, (track, levels)) in tracks.iter().enumerate() {
        yaml.push_str(&format!(
            "  - id: t{track_index}\n    name: {}\n    kind: ic\n    levels:\n",
            quoted(track)
        ));
        for (level_index, level) in levels.iter().enumerate() {
            yaml.push_str(&format!(
                "      - id: t{track_index}-l{level_index}\n        title: {}\n        expectations:\n",
                quoted(level)
            ));
            for area in 0..areas.len() {
                // The middle track rates three areas only.
                if track_index == 1 && area % 2 == 1 {
                    continue;
                }
                yaml.push_str(&format!(
                    "          a{area}: [\"Does {area} at {level_index}\"]\n"
                ));
            }
        }
    }
    let ladder = shaped(&yaml);
    check_meetings(&ladder, 4);
}

/// What a meeting adds that the workbook was not built with: a value typed (or pasted) where
/// the person's track rates nothing is reported at its cell and not counted; a team named
/// only in the meeting, written in a spare team row of the Summary, is counted there in both
/// engines, and a person in no team row still counts in the last row.
#[test]
fn a_meeting_s_additions_are_counted_or_reported() {
    let ladder = shipped("persado-2019.yaml");
    let people = persado_meeting();
    let bytes = filled(&ladder, &people);
    let sheet = calibration_part(&bytes);
    let columns = rating_columns(&ladder);
    // Person 0's track rates one area less than the ladder has.
    let unrated = columns
        .iter()
        .position(|(_, used)| !used[people[0].track])
        .expect("a track that does not rate an area");
    let unrated_cell = format!("{}2", column_letters(3 + unrated));
    let team_column = column_letters(3 + columns.len() + 6);
    let typed = typed_into(
        &bytes,
        &sheet,
        &[
            (
                unrated_cell.clone(),
                String::from("Staff Software Engineer"),
            ),
            (format!("{team_column}2"), String::from("Platform*")),
            (format!("{team_column}3"), String::from("Nowhere")),
        ],
    );
    // The Summary: the first spare row under the roster's teams, named in the meeting.
    let mut teams: Vec<usize> = Vec::new();
    for person in &people {
        if !teams.contains(&person.team) {
            teams.push(person.team);
        }
    }
    let rows_of_levels: usize = ladder.tracks.iter().map(|track| track.levels.len()).sum();
    let first_team_row = 3 + rows_of_levels + 3;
    let spare_row = first_team_row + teams.len();
    let summary = sheet_part(&typed, "Summary");
    let typed = with_sheet_edited(&typed, &summary, |xml| {
        put(xml, &format!("A{}", spare_row + 1), "Platform*")
    });

    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("meeting.xlsx");
    std::fs::write(&path, &typed).unwrap();
    let (labels, _) = ladder::labels::Dictionaries::built_in().labels("en");
    let read = ladder::calibration::read(&path, &ladder, &labels).unwrap();
    assert!(
        read.warnings.iter().any(|warning| warning
            .message
            .starts_with(&format!("Calibration!{unrated_cell}:"))),
        "{:?}",
        read.warnings
    );
    assert_eq!(read.people[0].ratings[unrated], None);

    for engine in ENGINES {
        let result = recalculated_by(engine, &typed);
        let mut book: calamine::Xlsx<_> =
            calamine::open_workbook_from_rs(Cursor::new(result)).unwrap();
        let range = book.worksheet_range("Summary").unwrap();
        let number = |row: usize, column: usize| {
            range
                .get((row, column))
                .map(|cell| cell.to_string())
                .unwrap_or_default()
        };
        assert_eq!(number(spare_row, 0), "Platform*", "{engine:?}");
        assert_eq!(number(spare_row, 2), "1", "{engine:?}: the meeting's team");
        let other_row = spare_row + SPARE_TEAM_ROWS;
        assert_eq!(number(other_row, 2), "1", "{engine:?}: in no team row");
        // The team rows add up to the total.
        let total_row = 3 + rows_of_levels;
        let sum: i64 = (first_team_row..=other_row)
            .map(|row| number(row, 2).parse::<i64>().unwrap_or(0))
            .sum();
        assert_eq!(sum.to_string(), number(total_row, 2), "{engine:?}");
    }
}

/// The text a reader sees of a Markdown document, line by line (comrak's plain-text output).
fn plain_text_of_markdown(markdown: &str) -> String {
    let arena = comrak::Arena::new();
    let root = comrak::parse_document(&arena, markdown, &comrak::Options::default());
    let mut text = String::new();
    for node in root.descendants() {
        match &node.data().value {
            comrak::nodes::NodeValue::Text(literal) => text.push_str(literal),
            comrak::nodes::NodeValue::LineBreak | comrak::nodes::NodeValue::SoftBreak => {
                text.push('\n')
            }
            comrak::nodes::NodeValue::Paragraph => text.push('\n'),
            _ => {}
        }
    }
    text
}

/// The pages of a workbook's PDF, as LibreOffice prints it, that belong to `sheet` (each
/// page's header ends with its sheet's name), as pdftotext reads them in layout mode: in its
/// default mode the end of one cell's line and the start of the next cell's run together
/// ("sub-" "and" → "suband").
fn printed_sheet(pdf: &[u8], sheet: &str) -> Vec<String> {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("printed.pdf");
    std::fs::write(&path, pdf).unwrap();
    (1..=crate::pdf::pages_of(pdf))
        .map(|page| {
            let output = Command::new("pdftotext")
                .args(["-layout", "-f", &page.to_string(), "-l", &page.to_string()])
                .arg(&path)
                .arg("-")
                .output()
                .expect("poppler's pdftotext is installed");
            String::from_utf8_lossy(&output.stdout).into_owned()
        })
        .filter(|text| {
            text.lines()
                .next()
                .is_some_and(|line| line.trim_end().ends_with(sheet))
        })
        .collect()
}

/// The meeting's paper pack, as LibreOffice prints the workbook: the Print sheet holds a card
/// per person of the roster (and a few spare), each on one page with its ratings and notes as
/// typed, one page wide (portrait), and ends with a key of every track's levels.
#[test]
fn the_print_sheet_prints_a_card_per_person_and_the_levels_key() {
    let ladder = shipped("persado-2019.yaml");
    let people = persado_meeting();
    let bytes = filled(&ladder, &people);
    let pdf = converted(&bytes, "xlsx", "pdf");
    let print_pages = printed_sheet(&pdf, "Print");
    assert!(!print_pages.is_empty(), "no page of the Print sheet");
    let view = view(&ladder);
    for (index, person) in people.iter().enumerate() {
        let name = format!("Person {index}");
        let page = print_pages
            .iter()
            .find(|text| text.contains(&name))
            .unwrap_or_else(|| panic!("{name} is not printed"));
        // The card is whole on its page: the person's current level and, for those with
        // notes, the notes' first words.
        let level = &level_labels(&ladder.tracks[person.track])[person.current];
        assert!(page.contains(level.as_str()), "{name}: {level}");
        if index % 2 == 0 {
            assert!(
                page.contains(&format!("Evidence {index}:")),
                "{name}'s notes"
            );
        }
        // A typed rating prints as typed (LibreOffice recalculated the card's formulas).
        if let Some((_, Some(rank))) = person.ratings.iter().enumerate().find(|(column, rating)| {
            rating.is_some() && rating_columns(&ladder)[*column].1[person.track]
        }) {
            let label = &level_labels(&ladder.tracks[person.track])[*rank];
            assert!(page.contains(label.as_str()), "{name}: rating {label}");
        }
    }
    // The key: every level of every track, on the last pages.
    let all = print_pages.join("\n");
    for track in &view.tracks {
        assert!(all.contains(&track.name));
        for level in &track.levels {
            assert!(all.contains(&level.title), "{} in the key", level.title);
        }
    }
    // One page wide: no page of the sheet holds only a column cut off another.
    assert!(print_pages
        .iter()
        .all(|text| text.contains("Notes") || text.contains(&view.tracks[0].name)));
}

/// A cycle as a company runs it: a roster of three managers' people, a workbook per manager
/// (`--split-by manager`), each filled by its manager, merged by `ladder calibration` into one
/// report and one workbook for the meeting: the same as one workbook filled with the same
/// values. A person in two managers' workbooks is an error at both cells.
#[test]
fn managers_workbooks_split_and_merge_back_as_one_meeting() {
    let ladder = shipped("persado-2019.yaml");
    let columns = rating_columns(&ladder);
    let folder = tempfile::tempdir().unwrap();
    let root = folder.path();
    std::fs::create_dir(root.join("ladders")).unwrap();
    std::fs::copy(
        repo("ladders/persado-2019.yaml"),
        root.join("ladders/persado-2019.yaml"),
    )
    .unwrap();
    // Two people per manager, of every track, grouped by manager as an HR export lists them.
    let managers = ["Mary Major", "Nils Ng*", "O'Hara, Ola"];
    let mut csv = String::from("name,track,level,Manager\n");
    let mut people = Vec::new();
    for (index, manager) in managers.iter().enumerate() {
        for offset in 0..2 {
            let track = (index + offset) % ladder.tracks.len();
            let level = offset % ladder.tracks[track].levels.len();
            let name = format!("Person {index}{offset}");
            csv.push_str(&format!(
                "{name},{},{},\"{manager}\"\n",
                ladder.tracks[track].id, ladder.tracks[track].levels[level].id
            ));
            people.push((name, track, level));
        }
    }
    std::fs::write(root.join("people.csv"), csv).unwrap();
    let run = |args: &[&str]| {
        let output = Command::new(env!("CARGO_BIN_EXE_ladder"))
            .args(args)
            .current_dir(root)
            .output()
            .unwrap();
        (
            output.status.code(),
            String::from_utf8_lossy(&output.stderr).into_owned(),
        )
    };
    let (code, stderr) = run(&[
        "build",
        "--format",
        "xlsx",
        "--roster",
        "people.csv",
        "--split-by",
        "manager",
    ]);
    assert_eq!(code, Some(0), "{stderr}");
    let out = root.join("out/persado-2019");
    let parts: Vec<std::path::PathBuf> = ["mary-major", "nils-ng", "o-hara-ola"]
        .iter()
        .map(|file| out.join(format!("by-manager/{file}.xlsx")))
        .collect();
    for part in &parts {
        assert!(part.is_file(), "{} in {stderr}", part.display());
    }
    // What each person is given: a rating per area their track rates, a decision, notes.
    let values = |row: u32, person: usize| -> Vec<(String, String)> {
        let (name, track, level) = &people[person];
        let labels = level_labels(&ladder.tracks[*track]);
        let mut typed = Vec::new();
        for (index, (_, used)) in columns.iter().enumerate() {
            if used[*track] {
                let rank = (level + index) % labels.len();
                typed.push((
                    format!("{}{row}", column_letters(3 + index)),
                    labels[rank].clone(),
                ));
            }
        }
        typed.push((
            format!("{}{row}", column_letters(3 + columns.len() + 4)),
            String::from(["Promote", "Hold"][person % 2]),
        ));
        typed.push((
            format!("{}{row}", column_letters(3 + columns.len() + 5)),
            format!("Evidence for {name}"),
        ));
        typed
    };
    // Each manager fills their own workbook (their two people, rows 2 and 3).
    for (index, part) in parts.iter().enumerate() {
        let bytes = std::fs::read(part).unwrap();
        let mut typed = values(2, index * 2);
        typed.extend(values(3, index * 2 + 1));
        std::fs::write(part, typed_into(&bytes, &calibration_part(&bytes), &typed)).unwrap();
    }
    // The same values in the one workbook of everybody.
    let whole = out.join("persado-2019.xlsx");
    let bytes = std::fs::read(&whole).unwrap();
    let typed: Vec<(String, String)> = (0..people.len())
        .flat_map(|person| values(person as u32 + 2, person))
        .collect();
    std::fs::write(
        &whole,
        typed_into(&bytes, &calibration_part(&bytes), &typed),
    )
    .unwrap();

    let mut merge_args = vec!["calibration"];
    let part_names: Vec<String> = parts
        .iter()
        .map(|part| part.display().to_string())
        .collect();
    merge_args.extend(part_names.iter().map(String::as_str));
    merge_args.extend(["--format", "json,md,xlsx", "--name", "meeting"]);
    let (code, stderr) = run(&merge_args);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stderr.contains("3 workbooks of persado-2019 merged"),
        "{stderr}"
    );
    let (code, stderr) = run(&[
        "calibration",
        &whole.display().to_string(),
        "--format",
        "json,md",
    ]);
    assert_eq!(code, Some(0), "{stderr}");
    let calibration = out.join("calibration");
    let people_of = |file: &str| {
        let json: serde_json::Value =
            serde_json::from_slice(&std::fs::read(calibration.join(file)).unwrap()).unwrap();
        json["people"]
            .as_array()
            .unwrap()
            .iter()
            .map(|person| {
                let mut person = person.clone();
                person.as_object_mut().unwrap().remove("row");
                person
            })
            .collect::<Vec<_>>()
    };
    let merged = people_of("meeting.json");
    assert_eq!(merged.len(), people.len());
    assert_eq!(merged, people_of("persado-2019.json"));
    assert_eq!(
        std::fs::read_to_string(calibration.join("meeting.md")).unwrap(),
        std::fs::read_to_string(calibration.join("persado-2019.md")).unwrap()
    );
    // The meeting's workbook holds everyone, pre-filled: read back, it says the same.
    let meeting = calibration.join("meeting.xlsx");
    let copy = root.join("meeting-copy.xlsx");
    std::fs::copy(&meeting, &copy).unwrap();
    let (code, stderr) = run(&["calibration", "meeting-copy.xlsx", "--format", "json"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(people_of("meeting-copy.json"), merged);

    // A person in two managers' workbooks: an error at both cells, nothing merged.
    let first = std::fs::read(&parts[0]).unwrap();
    let twice = typed_into(
        &first,
        &calibration_part(&first),
        &[(String::from("A2"), String::from("Person 10"))],
    );
    std::fs::write(&parts[0], twice).unwrap();
    let (code, stderr) = run(&merge_args);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.contains("Calibration!A2")
            && stderr.contains("mary-major.xlsx")
            && stderr.contains("nils-ng.xlsx"),
        "{stderr}"
    );
}

/// The matrix sheets as LibreOffice prints them, in the font it has where Calibri is missing
/// (Noto Sans or DejaVu Sans, wider): every word of every cell is on the sheet's pages, none
/// lost under a row fitted too tightly. Counted word by word: a word cut off with its line is
/// one fewer on the page than in the cells.
#[test]
fn libreoffice_prints_every_word_of_every_matrix_cell() {
    fn words(text: &str) -> BTreeMap<String, usize> {
        let mut counts = BTreeMap::new();
        for word in text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|word| !word.is_empty())
        {
            *counts.entry(word.to_owned()).or_insert(0) += 1;
        }
        counts
    }
    // The shipped ladders, and one whose cells hold examples on indented lines.
    let examples = load(repo("tests/fixtures/examples.yaml"));
    for ladder in all_shipped().into_iter().chain([examples]) {
        let view = view(&ladder);
        let bytes = workbook_of(&ladder, &view).unwrap();
        let pdf = converted(&bytes, "xlsx", "pdf");
        let mut book = crate::xlsx::open(&bytes);
        for track in &view.tracks {
            let name = crate::xlsx::sheet_name(&track.name);
            let range = book.worksheet_range(&name).unwrap();
            // The cells below the title rows: areas, level headings and expectations.
            let mut in_cells = BTreeMap::new();
            for row in range.rows().skip(1) {
                for cell in row {
                    for (word, count) in words(&crate::xlsx::text(Some(cell))) {
                        *in_cells.entry(word).or_insert(0) += count;
                    }
                }
            }
            let printed = printed_sheet(&pdf, &name);
            assert!(
                !printed.is_empty(),
                "{}: no page of sheet {name}",
                ladder.id
            );
            let on_pages = words(&printed.concat());
            let lost: Vec<(&String, usize)> = in_cells
                .iter()
                .filter(|(word, count)| on_pages.get(*word).copied().unwrap_or(0) < **count)
                .map(|(word, count)| (word, count - on_pages.get(word).copied().unwrap_or(0)))
                .collect();
            assert!(
                lost.is_empty(),
                "{} / {name}: words of the cells missing from LibreOffice's print: {lost:?}",
                ladder.id
            );
        }
    }
}
