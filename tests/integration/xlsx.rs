//! The workbooks, reopened as a spreadsheet would: cells read back with calamine, validations,
//! formulas, tables and defined names read from the XML inside the zip.

use crate::common::*;

use std::collections::BTreeMap;
use std::io::{Cursor, Read};
use std::path::Path;

use calamine::{Data, Reader, Xlsx};
use ladder::export::xlsx::{
    workbook, WorkbookOptions, EMPTY_CALIBRATION_ROWS, SPARE_CALIBRATION_ROWS,
};
use ladder::roster::Roster;
use ladder::{markup, Ladder};

fn bytes_of(ladder: &Ladder, roster: Option<&Roster>) -> Vec<u8> {
    let stamp = stamp();
    let view = view(ladder);
    workbook(
        ladder::export::Input {
            ladder,
            view: &view,
        },
        &WorkbookOptions {
            roster,
            filled: None,
            stamp: &stamp,
        },
    )
    .unwrap()
}

pub(crate) fn open(bytes: &[u8]) -> Xlsx<Cursor<Vec<u8>>> {
    Xlsx::new(Cursor::new(bytes.to_vec())).expect("the workbook opens")
}

pub(crate) fn text(cell: Option<&Data>) -> String {
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

fn unescape(xml: &str) -> String {
    xml.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The zip part of a sheet, by its name, through workbook.xml (rust_xlsxwriter numbers the
/// parts in sheet order).
fn sheet_part(bytes: &[u8], sheet: &str) -> String {
    let workbook = part(bytes, "xl/workbook.xml");
    let position = workbook
        .split("<sheet ")
        .skip(1)
        .position(|entry| entry.contains(&format!("name=\"{}\"", escape(sheet))))
        .unwrap_or_else(|| panic!("no sheet {sheet}"));
    part(bytes, &format!("xl/worksheets/sheet{}.xml", position + 1))
}

/// The inner texts of every `<tag …>…</tag>` in `xml`, unescaped.
fn elements(xml: &str, tag: &str) -> Vec<String> {
    xml.split(&format!("<{tag}"))
        .skip(1)
        .filter_map(|rest| {
            let body = rest.strip_prefix('>').or_else(|| {
                rest.starts_with(' ')
                    .then(|| rest.split_once('>').map(|(_, body)| body))
                    .flatten()
            })?;
            body.split_once(&format!("</{tag}>"))
                .map(|(inner, _)| unescape(inner))
        })
        .collect()
}

/// The value of `attribute` in the first tag of `xml` that has it.
fn attribute(xml: &str, attribute: &str) -> Option<String> {
    let (_, rest) = xml.split_once(&format!(" {attribute}=\""))?;
    rest.split_once('"').map(|(value, _)| unescape(value))
}

/// The workbook's defined names (not Excel's own `_xlnm.` ones): name → reference.
fn defined_names(bytes: &[u8]) -> BTreeMap<String, String> {
    let workbook = part(bytes, "xl/workbook.xml");
    workbook
        .split("<definedName ")
        .skip(1)
        .filter_map(|entry| {
            let name = attribute(&format!(" {entry}"), "name")?;
            let (_, rest) = entry.split_once('>')?;
            let (reference, _) = rest.split_once("</definedName>")?;
            (!name.starts_with("_xlnm")).then(|| (name, unescape(reference)))
        })
        .collect()
}

/// 0-based (row, column) of an `$A$1`-style cell.
fn cell_position(cell: &str) -> (usize, usize) {
    let cell = cell.replace('$', "");
    let letters: String = cell.chars().take_while(char::is_ascii_alphabetic).collect();
    let digits = &cell[letters.len()..];
    let column = letters
        .bytes()
        .fold(0, |acc, b| acc * 26 + usize::from(b - b'A' + 1))
        - 1;
    (digits.parse::<usize>().unwrap() - 1, column)
}

/// The texts a `'Sheet'!$A$1:$B$2` reference names, row by row, after checking that the sheet
/// exists.
fn cells_of(book: &mut Xlsx<Cursor<Vec<u8>>>, reference: &str) -> Vec<Vec<String>> {
    let (sheet, range) = reference
        .rsplit_once('!')
        .unwrap_or_else(|| panic!("`{reference}` names no sheet"));
    let sheet = sheet.trim_matches('\'').replace("''", "'");
    assert!(
        book.sheet_names().contains(&sheet),
        "`{reference}` names a sheet that does not exist"
    );
    let (first, last) = range.split_once(':').unwrap_or((range, range));
    let (first, last) = (cell_position(first), cell_position(last));
    let data = book.worksheet_range(&sheet).unwrap();
    (first.0..=last.0)
        .map(|row| {
            (first.1..=last.1)
                .map(|column| text(data.get((row, column))))
                .collect()
        })
        .collect()
}

/// Excel's rules for sheet names: 31 characters, none of `[]:*?/\`.
pub(crate) fn sheet_name(track: &str) -> String {
    track
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '-' } else { c })
        .take(31)
        .collect()
}

/// The row of a matrix sheet whose first cell is `label`.
fn row_labelled(range: &calamine::Range<Data>, label: &str) -> Option<usize> {
    (0..range.height()).find(|&row| text(range.get((row, 0))) == label)
}

#[test]
fn every_seed_has_its_sheets_and_every_expectation_is_in_its_matrix_cell() {
    let ladders = all_shipped();
    for ladder in &ladders {
        let bytes = bytes_of(ladder, None);
        let mut book = open(&bytes);
        let mut expected: Vec<String> = vec![String::from("Overview")];
        expected.extend(ladder.tracks.iter().map(|track| sheet_name(&track.name)));
        expected.extend(
            [
                "Comparison",
                "Lists",
                "Calibration",
                "Summary",
                "Print",
                "ladder-contract",
            ]
            .map(String::from),
        );
        assert_eq!(book.sheet_names(), expected, "{}", ladder.id);

        for track in &ladder.tracks {
            let sheet = sheet_name(&track.name);
            let range = book.worksheet_range(&sheet).unwrap();
            for (index, level) in track.levels.iter().enumerate() {
                let column = index + 1;
                let header = text(range.get((0, column)));
                assert_eq!(
                    header.lines().next(),
                    Some(level.title.as_str()),
                    "{}: column {column}",
                    ladder.id
                );
                if let Some(code) = &level.code {
                    assert!(header.contains(code.as_str()), "{header}");
                }
                if let Some(experience) = &level.experience {
                    assert!(header.contains(&experience.text), "{header}");
                }
                if level.shares_expectations_with.is_some() {
                    assert!(header.contains("the same as"), "{header}");
                }
                let mut found = 0;
                for (area_id, items) in ladder.expectations_of(level) {
                    let area = ladder.area(area_id).unwrap();
                    let row = row_labelled(&range, &area.name)
                        .unwrap_or_else(|| panic!("{}: no row for {}", ladder.id, area.name));
                    let cell = text(range.get((row, column)));
                    for item in items {
                        let bullet = format!("• {}", markup::plain_text(&item.text));
                        assert!(
                            cell.lines().any(|line| line == bullet),
                            "{}: `{bullet}` not in {sheet} {} / {}: {cell}",
                            ladder.id,
                            area.name,
                            level.title
                        );
                        found += 1;
                    }
                }
                assert_eq!(
                    found,
                    ladder
                        .expectations_of(level)
                        .values()
                        .map(Vec::len)
                        .sum::<usize>()
                );
                if let Some(headline) = &level.headline {
                    let row = row_labelled(&range, "Headline").unwrap();
                    assert_eq!(text(range.get((row, column))), markup::plain_text(headline));
                }
                if level.description.is_some() {
                    let row = row_labelled(&range, "Description").unwrap();
                    assert!(
                        !text(range.get((row, column))).is_empty(),
                        "{}: {} lost its description",
                        ladder.id,
                        level.title
                    );
                }
            }
            // A declared area order is the row order.
            if !track.areas.is_empty() {
                let rows: Vec<usize> = track
                    .areas
                    .iter()
                    .map(|id| row_labelled(&range, &ladder.area(id).unwrap().name).unwrap())
                    .collect();
                assert!(rows.windows(2).all(|pair| pair[0] < pair[1]), "{rows:?}");
            }
        }
        let overview = book.worksheet_range("Overview").unwrap();
        let everything: Vec<String> = overview
            .cells()
            .map(|(_, _, cell)| text(Some(cell)))
            .collect();
        for (track, level) in ladder.levels() {
            assert!(
                everything.iter().any(|cell| cell.contains(&track.name)),
                "{}: overview lacks track {}",
                ladder.id,
                track.name
            );
            // Title, code and experience together in one cell.
            assert!(
                everything.iter().any(|cell| {
                    cell.lines().any(|line| line == level.title)
                        && level
                            .code
                            .as_ref()
                            .is_none_or(|code| cell.contains(code.as_str()))
                        && level
                            .experience
                            .as_ref()
                            .is_none_or(|experience| cell.contains(&experience.text))
                }),
                "{}: overview lacks {}",
                ladder.id,
                level.title
            );
        }
    }
    // Packback has no areas: its matrices are headline and description rows.
    let packback = ladders.iter().find(|l| l.id == "packback").unwrap();
    assert!(packback.areas.is_empty());
    let mut book = open(&bytes_of(packback, None));
    let range = book
        .worksheet_range(&sheet_name(&packback.tracks[0].name))
        .unwrap();
    assert_eq!(row_labelled(&range, "Headline"), Some(1));
    assert_eq!(row_labelled(&range, "Description"), Some(2));
}

#[test]
fn definition_sheets_are_protected_and_print_one_page_wide() {
    let ladder = shipped("persado-2019.yaml");
    let bytes = bytes_of(&ladder, None);
    let workbook_xml = part(&bytes, "xl/workbook.xml");
    for sheet in ["Overview", "Software Engineer", "Comparison", "Lists"] {
        let xml = sheet_part(&bytes, sheet);
        assert!(xml.contains("<sheetProtection"), "{sheet} is not protected");
        assert!(!xml.contains("password"), "{sheet} has a password");
    }
    // The calibration sheet is protected too (its formulas and hidden ranks), with the cells
    // people type into unlocked.
    let calibration = sheet_part(&bytes, "Calibration");
    assert!(calibration.contains("<sheetProtection"));
    assert!(!calibration.contains("password"));
    let styles = part(&bytes, "xl/styles.xml");
    assert!(styles.contains("locked=\"0\""), "no unlocked input style");
    assert!(workbook_xml.contains("name=\"Lists\" sheetId=\"6\" state=\"hidden\""));

    let matrix = sheet_part(&bytes, "Software Engineer");
    assert!(matrix.contains("orientation=\"landscape\""), "{matrix}");
    assert!(
        matrix.contains("<pageSetUpPr fitToPage=\"1\"/>"),
        "{matrix}"
    );
    assert!(
        matrix.contains("fitToHeight=\"0\""),
        "one page wide, any number tall"
    );
    assert!(!matrix.contains("fitToWidth="), "fitToWidth defaults to 1");
    assert!(
        matrix.contains("<pane xSplit=\"1\" ySplit=\"1\""),
        "frozen header and area"
    );
    assert!(matrix.contains("&amp;P of &amp;N"), "page numbers");
    assert!(
        matrix.contains("Engineering Job Ladder"),
        "title in the header"
    );
    assert!(workbook_xml.contains(
        "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"1\">'Software Engineer'!$A:$A,'Software Engineer'!$1:$1</definedName>"
    ));
    // Rows are sized for their text (Excel does not size wrapped rows when it opens a file)
    // and none is taller than Excel allows.
    let heights: Vec<f64> = matrix
        .split("<row ")
        .skip(1)
        .map(|row| {
            attribute(&format!(" {row}"), "ht")
                .unwrap()
                .parse()
                .unwrap()
        })
        .collect();
    assert!(heights
        .iter()
        .all(|&height| height > 12.0 && height <= 409.0));
    assert!(heights.iter().any(|&height| height > 100.0), "{heights:?}");
}

#[test]
fn the_calibration_sheet_has_dropdowns_and_formulas_over_real_ranges() {
    for ladder in all_shipped() {
        let bytes = bytes_of(&ladder, None);
        let mut book = open(&bytes);
        let names = defined_names(&bytes);
        let last_row = 1 + EMPTY_CALIBRATION_ROWS;

        // Every defined name points at cells of an existing sheet, holding what it should.
        let column = |reference: &str| -> Vec<String> {
            cells_of(&mut open(&bytes), reference)
                .into_iter()
                .map(|row| row.join("|"))
                .collect()
        };
        let track_names: Vec<String> = ladder.tracks.iter().map(|t| t.name.clone()).collect();
        assert_eq!(column(&names["Tracks"]), track_names, "{}", ladder.id);
        let table = cells_of(&mut book, &names["TrackTable"]);
        let areas = cells_of(&mut book, &names["TrackAreas"]);
        for (index, track) in ladder.tracks.iter().enumerate() {
            let list = &table[index][1];
            // The level titles, lowest first, made unique where two levels share a title.
            let labels = column(&names[list]);
            assert_eq!(labels.len(), track.levels.len(), "{}: {list}", ladder.id);
            for (label, level) in labels.iter().zip(&track.levels) {
                assert!(
                    *label == level.title || label.starts_with(&format!("{} (", level.title)),
                    "{label} for {}",
                    level.title
                );
                assert_eq!(labels.iter().filter(|other| *other == label).count(), 1);
            }
            let rated = table[index][2].parse::<usize>().unwrap();
            let applies: Vec<&String> = areas[index].iter().filter(|v| *v == "1").collect();
            assert_eq!(rated, applies.len(), "{}", ladder.id);
            assert!(rated > 0);
        }
        let all = column(&names["AllLevels"]);
        for (_, level) in ladder.levels() {
            assert!(
                all.iter().any(|label| label.starts_with(&level.title)),
                "AllLevels lacks {}",
                level.title
            );
        }

        // The table: headers, one column per area (or one overall rating), rollups, notes.
        let range = book.worksheet_range("Calibration").unwrap();
        let headers: Vec<String> = (0..range.width())
            .map(|column| text(range.get((0, column))))
            .collect();
        assert_eq!(headers[..3], ["Name", "Track", "Current level"]);
        let ratings: Vec<String> = if ladder.areas.is_empty() {
            vec![String::from("Overall level")]
        } else {
            ladder.areas.iter().map(|area| area.name.clone()).collect()
        };
        assert_eq!(headers[3..3 + ratings.len()], ratings[..], "{}", ladder.id);
        for header in [
            "Lowest level reached",
            "Median level",
            "Meets current level everywhere",
            "Notes / evidence",
        ] {
            assert!(headers.iter().any(|h| h == header), "no {header}");
        }
        let last_column = headers.len() - 1;
        let table_xml = part(&bytes, "xl/tables/table1.xml");
        assert_eq!(
            attribute(&table_xml, "ref").unwrap(),
            format!(
                "A1:{}{last_row}",
                ladder::export::xlsx::column_letters(last_column as u16)
            ),
            "{} empty rows ready to type into",
            EMPTY_CALIBRATION_ROWS
        );
        for header in &headers {
            assert!(table_xml.contains(&format!("name=\"{}\"", escape(header))));
        }

        // Validations: the Track column lists the tracks, the level and rating columns the
        // levels of the row's track.
        let xml = sheet_part(&bytes, "Calibration");
        let validations: Vec<(String, String)> = xml
            .split("<dataValidation ")
            .skip(1)
            .map(|entry| {
                (
                    attribute(&format!(" {entry}"), "sqref").unwrap(),
                    elements(entry, "formula1").remove(0),
                )
            })
            .collect();
        let last_rating = ladder::export::xlsx::column_letters(2 + ratings.len() as u16);
        assert!(
            validations.contains(&(format!("B2:B{last_row}"), String::from("Tracks"))),
            "{validations:?}"
        );
        let level = validations
            .iter()
            .find(|(range, _)| *range == format!("C2:C{last_row}"))
            .unwrap_or_else(|| panic!("{validations:?}"));
        assert!(
            level.1.contains("List_") && level.1.contains("AllLevels"),
            "{level:?}"
        );
        // A rating offers the track's levels where the track rates the area, and only a dash
        // (so nothing typed is accepted) where it does not.
        let rating = validations
            .iter()
            .find(|(range, _)| *range == format!("D2:{last_rating}{last_row}"))
            .unwrap_or_else(|| panic!("{validations:?}"));
        assert!(
            rating.1.contains("TrackAreas") && rating.1.contains("NotRated"),
            "{rating:?}"
        );
        let not_rated = cells_of(&mut open(&bytes), &names["NotRated"]);
        assert_eq!(not_rated, [[String::from("—")]]);

        // Formulas in every row: ranks, rollups, and names that exist.
        let formulas = elements(&xml, "f");
        assert!(formulas.len() >= EMPTY_CALIBRATION_ROWS * (4 + ratings.len()));
        for formula in formulas.iter().chain(validations.iter().map(|(_, f)| f)) {
            for name in [
                "TrackTable",
                "TrackAreas",
                "Tracks",
                "AllLevels",
                "NotRated",
                "TrackNumbers",
            ] {
                if formula.contains(name) {
                    assert!(names.contains_key(name), "{formula} uses undefined {name}");
                }
            }
        }
        assert!(formulas.iter().any(|f| f.contains("MIN(")), "no MIN rollup");
        assert!(formulas.iter().any(|f| f.contains("MEDIAN(")), "no MEDIAN");
        assert!(
            formulas
                .iter()
                .any(|f| f.contains("\"Yes\"") && f.contains("\"No\"") && f.contains("MIN(")),
            "no meets column"
        );
        // No function that reads `*`, `?` or `~` in a name as a pattern (the engines' values
        // are compared in the recalculation tests; this keeps new formulas from bringing one).
        let rules = elements(&xml, "conditionalFormatting").join("\n");
        for formula in formulas
            .iter()
            .chain(validations.iter().map(|(_, f)| f))
            .chain([&rules])
        {
            for pattern_function in [
                "MATCH(", "VLOOKUP(", "HLOOKUP(", "COUNTIF", "SUMIF", "SEARCH(",
            ] {
                assert!(
                    !formula.contains(pattern_function),
                    "{pattern_function} in {formula}"
                );
            }
        }

        assert!(xml.contains("<tablePart"), "no Excel table");
        assert!(rules.contains("TrackAreas"), "areas not rated: {rules}");
        assert!(rules.contains("<formula>\"Yes\"</formula>"), "{rules}");
        assert!(rules.contains("<formula>\"No\"</formula>"), "{rules}");
        assert!(
            xml.contains("<pane xSplit=\"3\" ySplit=\"1\""),
            "frozen names"
        );
    }
}

#[test]
fn a_roster_fills_the_calibration_rows() {
    let ladder = shipped("persado-2019.yaml");
    let roster = Roster::read(&repo("tests/fixtures/rosters/team.csv")).unwrap();
    assert!(roster.check_against(&ladder).is_empty());
    let bytes = bytes_of(&ladder, Some(&roster));
    let range = open(&bytes).worksheet_range("Calibration").unwrap();
    let rows: Vec<[String; 3]> = (1..=3 + SPARE_CALIBRATION_ROWS)
        .map(|row| [0, 1, 2].map(|column| text(range.get((row, column)))))
        .collect();
    assert_eq!(
        rows[..3],
        [
            [
                "Ada Lovelace",
                "Software Engineer",
                "Senior Software Engineer"
            ],
            [
                "Hopper, Grace",
                "Reliability Engineer",
                "Senior Reliability Engineer II"
            ],
            ["Alan Turing", "Manager Track", "VP Engineering"],
        ]
        .map(|row| row.map(String::from))
    );
    assert!(rows[3..].iter().all(|row| row.iter().all(String::is_empty)));
    let table_xml = part(&bytes, "xl/tables/table1.xml");
    assert!(attribute(&table_xml, "ref")
        .unwrap()
        .ends_with(&(2 + 3 + SPARE_CALIBRATION_ROWS - 1).to_string()));

    // A roster for another ladder leaves this one's sheet ready to type into.
    let other = shipped("packback.yaml");
    let bytes = bytes_of(&other, Some(&roster));
    let table_xml = part(&bytes, "xl/tables/table1.xml");
    assert!(attribute(&table_xml, "ref")
        .unwrap()
        .ends_with(&(1 + EMPTY_CALIBRATION_ROWS).to_string()));
}

#[test]
fn a_bad_roster_line_is_reported_with_its_line() {
    let path = repo("tests/fixtures/rosters/bad.csv");
    let problems = match Roster::read(&path) {
        Err(problems) => problems,
        Ok(_) => panic!("line 3 has two fields"),
    };
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert_eq!(problems[0].position, Some((3, 1)));
    assert_eq!(problems[0].file.as_deref(), Some(path.as_path()));
    assert!(problems[0].message.contains("expected 3 fields"));
    assert!(problems[0].hint.is_some());

    // With the shape fixed, the misspelled level on line 4 is caught against the ladder, at
    // the level's column.
    let text = std::fs::read_to_string(&path).unwrap().replace(
        "Grace Hopper,Software Engineer\n",
        "Grace Hopper,Software Engineer,Software Engineer I\n",
    );
    let roster = Roster::parse(&path, &text).unwrap();
    let problems = roster.check_against(&shipped("persado-2019.yaml"));
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert_eq!(problems[0].position, Some((4, 31)));
    assert_eq!(problems[0].file.as_deref(), Some(path.as_path()));
    assert_eq!(
        problems[0].hint.as_deref(),
        Some("did you mean `Senior Software Engineer`?")
    );
    let rendered = problems[0].render(Some(&text));
    assert!(
        rendered.contains("bad.csv:4:31"),
        "the rendering names file and line: {rendered}"
    );

    // An unknown track, and a level of another track, each get a hint naming what there is.
    let roster = Roster::parse(
        Path::new("people.csv"),
        "Ada,Sofware Engineer,Senior Software Engineer\nBob,Software Engineer,VP Engineering\n",
    )
    .unwrap();
    let problems = roster.check_against(&shipped("persado-2019.yaml"));
    assert_eq!(problems.len(), 2, "{problems:#?}");
    assert_eq!(problems[0].position, Some((1, 5)));
    assert_eq!(
        problems[0].hint.as_deref(),
        Some("did you mean `Software Engineer`?")
    );
    assert_eq!(problems[1].position, Some((2, 23)));
    assert!(problems[1]
        .hint
        .as_deref()
        .unwrap()
        .contains("is a level of track `Manager Track`"));
}

#[test]
fn a_roster_that_is_not_utf8_is_reported_where_it_breaks() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("people.csv");
    std::fs::write(&path, b"name,track,level\nJos\xe9,ic,senior\n").unwrap();
    let problems = Roster::read(&path).unwrap_err();
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].code, "not-utf8");
    assert_eq!(problems[0].position, Some((2, 4)));
    assert!(problems[0].hint.as_deref().unwrap().contains("UTF-8"));

    let missing = Roster::read(&dir.path().join("nobody.csv")).unwrap_err();
    assert_eq!(missing[0].code, "unreadable");
}

#[test]
fn formula_like_text_stays_text() {
    let ladder = load(repo("tests/fixtures/hostile.yaml"));
    let bytes = bytes_of(&ladder, None);
    let mut book = open(&bytes);
    let formula_like = [
        "=HYPERLINK(\"http://evil.example\",\"click\")",
        "+1+2",
        "-3",
        "@SUM(A1:A2)",
    ];
    // In the matrix: the Formulas row of the first level, one bullet each.
    let matrix = book
        .worksheet_range(&sheet_name(&ladder.tracks[0].name))
        .unwrap();
    let row = row_labelled(&matrix, "Formulas").unwrap();
    assert_eq!(
        text(matrix.get((row, 1))),
        formula_like.map(|item| format!("• {item}")).join("\n")
    );
    // In the comparison, each one alone in its cell, where a spreadsheet would take it for a
    // formula if it were not written as text.
    let comparison = book.worksheet_range("Comparison").unwrap();
    let values: Vec<String> = comparison
        .cells()
        .map(|(_, _, cell)| text(Some(cell)))
        .collect();
    for item in formula_like {
        assert!(
            values.iter().any(|value| value == item),
            "`{item}` is not a text cell"
        );
    }
    for sheet in book.sheet_names() {
        let xml = sheet_part(&bytes, &sheet);
        for formula in elements(&xml, "f") {
            assert!(
                !formula.contains("HYPERLINK") && !formula.contains("SUM(A1"),
                "{sheet} has a formula from ladder text: {formula}"
            );
        }
        if !["Calibration", "Summary", "Print"].contains(&sheet.as_str()) {
            assert!(!xml.contains("<f>"), "{sheet} has formulas");
        }
    }
}

/// A ladder loaded from YAML text (kept in a temporary folder while the result lives).
fn temporary_ladder(yaml: &str) -> (tempfile::TempDir, Ladder) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ladder.yaml");
    std::fs::write(&path, yaml).unwrap();
    let ladder = load(&path);
    (dir, ladder)
}

#[test]
fn sheet_names_are_valid_and_unique_and_every_level_shows() {
    let long = "Platform: Infra/SRE [Core] * the long-named track";
    let (_dir, ladder) = temporary_ladder(&format!(
        r#"title: Odd names
areas:
  - id: craft
    name: Craft
  - id: impact
    name: Impact
tracks:
  - id: a
    name: "{long}"
    kind: ic
    areas: [impact, craft]
    levels:
      - id: a-1
        title: First
        expectations:
          craft: ["Writes code"]
          impact: ["Ships"]
      - id: a-2
        title: Second
        shares_expectations_with: a-1
      - id: a-3
        title: Chief
        description: Leads everything; no expectations listed.
  - id: b
    name: "{long} too"
    kind: manager
    levels:
      - id: b-1
        title: Manager
        expectations:
          impact: ["Leads"]
  - id: c
    name: Print
    kind: ic
    levels:
      - id: c-1
        title: Calibrator
        expectations:
          craft: ["Calibrates"]
"#
    ));
    let bytes = bytes_of(&ladder, None);
    let mut book = open(&bytes);
    let names = book.sheet_names();
    let matrices = &names[1..4];
    for name in matrices {
        assert!(name.chars().count() <= 31, "{name}");
        assert!(
            !name.contains(['[', ']', ':', '*', '?', '/', '\\']),
            "{name}"
        );
    }
    let lower: Vec<String> = names.iter().map(|name| name.to_lowercase()).collect();
    for (index, name) in lower.iter().enumerate() {
        assert!(!lower[..index].contains(name), "{names:?}");
    }

    let range = book.worksheet_range(&matrices[0]).unwrap();
    // The declared order (impact before craft), the shared expectations, and the level that
    // has only a description.
    assert_eq!(row_labelled(&range, "Description"), Some(1));
    assert_eq!(row_labelled(&range, "Impact"), Some(2));
    assert_eq!(row_labelled(&range, "Craft"), Some(3));
    assert_eq!(text(range.get((3, 2))), "• Writes code");
    assert!(text(range.get((0, 2))).contains("Expectations: the same as First."));
    assert_eq!(text(range.get((0, 3))), "Chief");
    assert_eq!(
        text(range.get((1, 3))),
        "Leads everything; no expectations listed."
    );

    // The manager track rates only Impact: Craft is not counted for it.
    let names = defined_names(&bytes);
    let areas = cells_of(&mut book, &names["TrackAreas"]);
    assert_eq!(areas[1], ["0", "1"]);
}

#[test]
fn the_workbook_is_reproducible_and_carries_its_properties() {
    let ladder = shipped("persado-2019.yaml");
    let bytes = bytes_of(&ladder, None);
    assert!(bytes == bytes_of(&ladder, None));
    let core = part(&bytes, "docProps/core.xml");
    assert!(
        core.contains(&format!("<dc:title>{}</dc:title>", ladder.title)),
        "{core}"
    );
    let app = part(&bytes, "docProps/app.xml");
    assert!(
        app.contains(&format!(
            "<Company>{}</Company>",
            ladder.organization.as_deref().unwrap()
        )),
        "{app}"
    );
    let custom = part(&bytes, "docProps/custom.xml");
    assert!(
        custom.contains("00112233445566778899aabbccddeeff"),
        "{custom}"
    );
    assert!(custom.contains(&stamp().tool), "{custom}");
    assert!(core.contains("<dcterms:created"), "{core}");

    let (_dir, versioned) = temporary_ladder(
        "title: Versioned\nversion: 2024.1\neffective_date: 2024-03-01\ntracks:\n  - id: a\n    name: A\n    kind: ic\n    levels:\n      - id: a-1\n        title: One\n",
    );
    let bytes = bytes_of(&versioned, None);
    let custom = part(&bytes, "docProps/custom.xml");
    assert!(
        custom.contains("name=\"Ladder version\"><vt:lpwstr>2024.1<"),
        "{custom}"
    );
    let core = part(&bytes, "docProps/core.xml");
    assert!(core.contains("2024-03-01T00:00:00Z"), "{core}");
    assert!(core.contains("Version 2024.1."), "{core}");

    let roster = Roster::read(&repo("tests/fixtures/rosters/team.csv")).unwrap();
    assert!(bytes_of(&ladder, Some(&roster)) == bytes_of(&ladder, Some(&roster)));
}

#[test]
fn levels_that_share_a_title_stay_apart_in_the_dropdowns_and_the_roster() {
    // Persado's 2018 ladder has two levels titled "Software Engineer".
    let ladder = shipped("persado-2018.yaml");
    let path = Path::new("people.csv");
    let ambiguous = Roster::parse(path, "Ada,Individual Track,software engineer\n").unwrap();
    let problems = ambiguous.check_against(&ladder);
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert!(problems[0].message.contains("names 2 levels"));
    assert_eq!(
        problems[0].hint.as_deref(),
        Some("write the level's id instead: se-1 (0-3 years), se-2 (2-6 years)")
    );

    let roster = Roster::parse(path, "Ada,Individual Track,se-2\n").unwrap();
    assert!(roster.check_against(&ladder).is_empty());
    let bytes = bytes_of(&ladder, Some(&roster));
    let range = open(&bytes).worksheet_range("Calibration").unwrap();
    assert_eq!(text(range.get((1, 2))), "Software Engineer (2-6 years)");
    let names = defined_names(&bytes);
    let levels = cells_of(&mut open(&bytes), &names["List_1"]);
    assert_eq!(levels[0], ["Software Engineer (0-3 years)"]);
    assert_eq!(levels[1], ["Software Engineer (2-6 years)"]);
}

/// The Summary carries a native chart of people per level, drawn from the Summary's own
/// cells (so the spreadsheet redraws it as the meeting types); seen drawn by LibreOffice in
/// the session's notes.
#[test]
fn the_summary_charts_its_own_counts() {
    let ladder = shipped("persado-2019.yaml");
    let bytes = bytes_of(&ladder, None);
    let chart = part(&bytes, "xl/charts/chart1.xml");
    let levels: usize = ladder.tracks.iter().map(|track| track.levels.len()).sum();
    let last = 3 + levels;
    for column in ["C", "D", "E"] {
        assert!(
            chart.contains(&format!("Summary!${column}$4:${column}${last}")),
            "series over {column}4:{column}{last}: {chart}"
        );
    }
    assert!(
        chart.contains(&format!("Summary!$B$4:$B${last}")),
        "{chart}"
    );
    // The drawing hangs on the Summary sheet.
    let summary = sheet_part(&bytes, "Summary");
    assert!(summary.contains("<drawing "), "{summary}");
}
