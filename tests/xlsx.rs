//! The workbooks, reopened as a spreadsheet would: cells read back with calamine, validations
//! and defined names read from the XML inside the zip.

mod common;
use common::*;

use std::io::{Cursor, Read};

use calamine::{Data, Reader, Xlsx};
use ladder::export::xlsx::{workbook, WorkbookOptions, EMPTY_CALIBRATION_ROWS};
use ladder::roster::Roster;
use ladder::{markup, Ladder};

fn bytes_of(ladder: &Ladder, roster: Option<&Roster>) -> Vec<u8> {
    let stamp = stamp();
    workbook(
        ladder,
        &WorkbookOptions {
            roster,
            stamp: &stamp,
        },
    )
    .unwrap()
}

fn open(bytes: &[u8]) -> Xlsx<Cursor<Vec<u8>>> {
    Xlsx::new(Cursor::new(bytes.to_vec())).expect("the workbook opens")
}

fn text(cell: Option<&Data>) -> String {
    match cell {
        Some(Data::String(text)) => text.clone(),
        Some(Data::Empty) | None => String::new(),
        Some(other) => other.to_string(),
    }
}

/// The XML of a part of the workbook's zip.
fn part(bytes: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes.to_vec())).unwrap();
    let mut file = archive
        .by_name(name)
        .unwrap_or_else(|_| panic!("no {name} in the workbook"));
    let mut xml = String::new();
    file.read_to_string(&mut xml).unwrap();
    xml
}

/// The zip part of a sheet, by its name, through workbook.xml and its relationships.
fn sheet_part(bytes: &[u8], sheet: &str) -> String {
    let workbook = part(bytes, "xl/workbook.xml");
    let escaped = sheet
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;");
    let position = workbook
        .split("<sheet ")
        .skip(1)
        .position(|entry| entry.contains(&format!("name=\"{escaped}\"")))
        .unwrap_or_else(|| panic!("no sheet {sheet}"));
    part(bytes, &format!("xl/worksheets/sheet{}.xml", position + 1))
}

/// Excel's rules for sheet names: 31 characters, none of `[]:*?/\`.
fn sheet_name(track: &str) -> String {
    track
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '-' } else { c })
        .take(31)
        .collect()
}

#[test]
fn every_seed_has_its_sheets_and_every_expectation_is_in_its_matrix_cell() {
    for ladder in load_all(repo("ladders")) {
        let bytes = bytes_of(&ladder, None);
        let mut book = open(&bytes);
        let mut expected: Vec<String> = vec![String::from("Overview")];
        expected.extend(ladder.tracks.iter().map(|track| sheet_name(&track.name)));
        expected.extend(["Comparison", "Lists", "Calibration"].map(String::from));
        assert_eq!(book.sheet_names(), expected, "{}", ladder.id);

        for track in &ladder.tracks {
            let sheet = sheet_name(&track.name);
            let range = book.worksheet_range(&sheet).unwrap();
            let headers: Vec<String> = (0..=track.levels.len())
                .map(|column| {
                    text(range.get((0, column)))
                        .lines()
                        .next()
                        .unwrap_or("")
                        .to_owned()
                })
                .collect();
            for (index, level) in track.levels.iter().enumerate() {
                let column = index + 1;
                assert_eq!(
                    headers[column], level.title,
                    "{}: column {column}",
                    ladder.id
                );
                for (area_id, items) in ladder.expectations_of(level) {
                    let area = ladder.area(area_id).unwrap();
                    let row = (0..range.height())
                        .find(|&row| text(range.get((row, 0))) == area.name)
                        .unwrap_or_else(|| panic!("{}: no row for {}", ladder.id, area.name));
                    let cell = text(range.get((row, column)));
                    for item in items {
                        let bullet = format!("• {}", markup::plain_text(item));
                        assert!(
                            cell.lines().any(|line| line == bullet),
                            "{}: `{bullet}` not in {cell}",
                            ladder.id
                        );
                    }
                }
                if let Some(headline) = &level.headline {
                    let row = (0..range.height())
                        .find(|&row| text(range.get((row, 0))) == "Headline")
                        .unwrap();
                    assert_eq!(text(range.get((row, column))), markup::plain_text(headline));
                }
            }
        }
        let overview = book.worksheet_range("Overview").unwrap();
        let everything: String = overview
            .cells()
            .map(|(_, _, cell)| text(Some(cell)))
            .collect::<Vec<_>>()
            .join("\n");
        for (_, level) in ladder.levels() {
            assert!(
                everything.contains(&level.title),
                "{}: overview lacks {}",
                ladder.id,
                level.title
            );
        }
    }
}

#[test]
fn the_calibration_sheet_has_dropdowns_and_formulas_over_real_ranges() {
    let ladder = &load_all(repo("ladders/persado-2019.yaml"))[0];
    let bytes = bytes_of(ladder, None);
    let xml = sheet_part(&bytes, "Calibration");
    assert!(xml.contains("<dataValidation"), "no validations");
    assert!(
        xml.contains("INDIRECT(VLOOKUP($B2, TrackLevels, 2, FALSE))"),
        "no per-track level list"
    );
    assert!(
        xml.contains("<formula1>'Lists'!$A$2:$A$4</formula1>"),
        "no track list"
    );

    // The names the validations use point at the level titles of each track.
    let workbook_xml = part(&bytes, "xl/workbook.xml");
    let mut book = open(&bytes);
    let lists = book.worksheet_range("Lists").unwrap();
    for (index, track) in ladder.tracks.iter().enumerate() {
        let column = 2 + index;
        let letter = (b'A' + column as u8) as char;
        let reference = format!("'Lists'!${letter}$2:${letter}${}", 1 + track.levels.len());
        assert!(
            workbook_xml.contains(&format!("name=\"Levels_{}\">{reference}<", index + 1)),
            "Levels_{} does not name {reference}",
            index + 1
        );
        for (rank, level) in track.levels.iter().enumerate() {
            assert_eq!(text(lists.get((1 + rank, column))), level.title);
        }
        assert_eq!(
            text(lists.get((1 + index, 1))),
            format!("Levels_{}", index + 1)
        );
    }
    assert!(
        workbook_xml.contains("name=\"TrackLevels\">'Lists'!$A$2:$B$4<"),
        "{workbook_xml}"
    );

    // Rollups: lowest and median level reached, and whether the current level is met.
    let formulas = book.worksheet_formula("Calibration").unwrap();
    let all: Vec<String> = formulas
        .cells()
        .map(|(_, _, formula)| formula.clone())
        .collect();
    assert!(all.iter().any(|f| f.contains("MIN(")), "no MIN rollup");
    assert!(
        all.iter().any(|f| f.contains("MEDIAN(")),
        "no MEDIAN rollup"
    );
    assert!(
        all.iter()
            .any(|f| f.contains("\"Yes\"") && f.contains("\"No\"")),
        "no meets column"
    );
    let range = book.worksheet_range("Calibration").unwrap();
    let headers: Vec<String> = (0..range.width())
        .map(|column| text(range.get((0, column))))
        .collect();
    for area in &ladder.areas {
        assert!(headers.contains(&area.name), "no column for {}", area.name);
    }
    assert!(headers.iter().any(|header| header == "Notes / evidence"));
    assert_eq!(
        range.height(),
        1 + EMPTY_CALIBRATION_ROWS,
        "empty rows ready to type into"
    );
    // An Excel table and conditional formatting make it readable.
    assert!(xml.contains("<tablePart"), "no Excel table");
    assert!(
        xml.contains("<conditionalFormatting"),
        "no conditional formatting"
    );
    // Definition sheets are protected, the calibration sheet is not.
    assert!(sheet_part(&bytes, "Overview").contains("<sheetProtection"));
    assert!(sheet_part(&bytes, "Software Engineer").contains("<sheetProtection"));
    assert!(!xml.contains("<sheetProtection"));
}

#[test]
fn a_roster_fills_the_calibration_rows() {
    let ladder = &load_all(repo("ladders/persado-2019.yaml"))[0];
    let roster = Roster::read(&repo("tests/fixtures/rosters/team.csv")).unwrap();
    assert!(roster.check_against(ladder).is_empty());
    let bytes = bytes_of(ladder, Some(&roster));
    let range = open(&bytes).worksheet_range("Calibration").unwrap();
    let rows: Vec<(String, String, String)> = (1..range.height())
        .map(|row| {
            (
                text(range.get((row, 0))),
                text(range.get((row, 1))),
                text(range.get((row, 2))),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            (
                "Ada Lovelace".into(),
                "Software Engineer".into(),
                "Senior Software Engineer".into()
            ),
            (
                "Hopper, Grace".into(),
                "Reliability Engineer".into(),
                "Senior Reliability Engineer II".into()
            ),
            (
                "Alan Turing".into(),
                "Manager Track".into(),
                "VP Engineering".into()
            ),
        ]
    );
}

#[test]
fn a_bad_roster_line_is_reported_with_its_line() {
    let path = repo("tests/fixtures/rosters/bad.csv");
    let problems = match Roster::read(&path) {
        Err(problems) => problems,
        Ok(roster) => roster.check_against(&load_all(repo("ladders/persado-2019.yaml"))[0]),
    };
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert_eq!(problems[0].position, Some((3, 1)));
    assert!(problems[0].message.contains("expected 3 fields"));

    // With the shape fixed, the misspelled level on line 4 is caught against the ladder.
    let text = std::fs::read_to_string(&path).unwrap().replace(
        "Grace Hopper,Software Engineer\n",
        "Grace Hopper,Software Engineer,Software Engineer I\n",
    );
    let roster = Roster::parse(&path, &text).unwrap();
    let problems = roster.check_against(&load_all(repo("ladders/persado-2019.yaml"))[0]);
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert_eq!(problems[0].position, Some((4, 1)));
    assert_eq!(
        problems[0].hint.as_deref(),
        Some("did you mean `Senior Software Engineer`?")
    );
}

#[test]
fn formula_like_text_stays_text() {
    let ladder = &load_all(repo("tests/fixtures/hostile.yaml"))[0];
    let bytes = bytes_of(ladder, None);
    let mut book = open(&bytes);
    let comparison = book.worksheet_range("Comparison").unwrap();
    let values: Vec<String> = comparison
        .cells()
        .map(|(_, _, cell)| text(Some(cell)))
        .collect();
    for formula_like in [
        "=HYPERLINK(\"http://evil.example\",\"click\")",
        "+1+2",
        "-3",
        "@SUM(A1:A2)",
    ] {
        assert!(
            values.iter().any(|value| value == formula_like),
            "`{formula_like}` is not a text cell"
        );
    }
    for sheet in book.sheet_names() {
        let xml = sheet_part(&bytes, &sheet);
        assert!(
            !xml.contains("HYPERLINK"),
            "{sheet} has a formula from ladder text"
        );
        assert!(
            !xml.contains("SUM(A1"),
            "{sheet} has a formula from ladder text"
        );
    }
}

#[test]
fn the_workbook_is_reproducible_and_carries_its_properties() {
    let ladder = &load_all(repo("ladders/packback.yaml"))[0];
    assert!(bytes_of(ladder, None) == bytes_of(ladder, None));
    let core = part(&bytes_of(ladder, None), "docProps/core.xml");
    assert!(
        core.contains("<dc:title>The Engineering Ladder</dc:title>"),
        "{core}"
    );
    let app = part(&bytes_of(ladder, None), "docProps/app.xml");
    assert!(app.contains("<Company>Packback</Company>"), "{app}");
    let custom = part(&bytes_of(ladder, None), "docProps/custom.xml");
    assert!(
        custom.contains("00112233445566778899aabbccddeeff"),
        "{custom}"
    );
}
