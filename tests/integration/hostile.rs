//! Files a colleague can mail or attach to a pull request, built to take the tool down: each
//! must end in a located error within seconds, never an abort, a hang or gigabytes.

use crate::common::*;

use std::io::{Cursor, Read, Write};
use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

/// How long any hostile file may take, whole process included (debug build, loaded machine).
const BOUND: Duration = Duration::from_secs(30);

/// A runaway template's build: its time limit and the rest of a debug build.
const RUNAWAY_BOUND: Duration = Duration::from_secs(150);

fn ladder_at(folder: &Path, args: &[&str]) -> (Output, Duration) {
    let started = Instant::now();
    let output = Command::new(env!("CARGO_BIN_EXE_ladder"))
        .args(args)
        .current_dir(folder)
        .output()
        .unwrap();
    (output, started.elapsed())
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A zip package with these members, deflated.
fn package(members: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1));
    for (name, bytes) in members {
        out.start_file(*name, options).unwrap();
        out.write_all(bytes).unwrap();
    }
    out.finish().unwrap().into_inner()
}

/// A package's members with one of them replaced (or added).
fn with_member(bytes: &[u8], name: &str, content: &[u8]) -> Vec<u8> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut members: Vec<(String, Vec<u8>)> = Vec::new();
    for index in 0..archive.len() {
        let mut file = archive.by_index(index).unwrap();
        let mut data = Vec::new();
        file.read_to_end(&mut data).unwrap();
        members.push((file.name().unwrap().into_owned(), data));
    }
    match members.iter_mut().find(|(known, _)| known == name) {
        Some((_, data)) => *data = content.to_vec(),
        None => members.push((name.to_owned(), content.to_vec())),
    }
    let borrowed: Vec<(&str, &[u8])> = members
        .iter()
        .map(|(name, data)| (name.as_str(), data.as_slice()))
        .collect();
    package(&borrowed)
}

/// A workbook this tool wrote for a shipped ladder.
fn our_workbook() -> Vec<u8> {
    let ladder = shipped("titles-and-roles.yaml");
    workbook_of(&ladder, &view(&ladder)).unwrap()
}

/// Runs `import` and `calibration` on the file and asserts a located error, in time.
fn refused_by_import_and_calibration(name: &str, bytes: &[u8], wanted: &str) {
    let folder = tempfile::tempdir().unwrap();
    std::fs::create_dir(folder.path().join("ladders")).unwrap();
    std::fs::copy(
        repo("ladders/titles-and-roles.yaml"),
        folder.path().join("ladders/titles-and-roles.yaml"),
    )
    .unwrap();
    std::fs::write(folder.path().join(name), bytes).unwrap();
    let mut commands = vec![vec!["import", name, "--explain"]];
    if name.ends_with(".xlsx") {
        commands.push(vec!["calibration", name, "--ladder", "titles-and-roles"]);
    }
    for args in commands {
        let (output, took) = ladder_at(folder.path(), &args);
        let text = stderr(&output);
        assert_eq!(output.status.code(), Some(1), "{args:?}: {text}");
        assert!(text.contains(name), "{args:?}: no file named: {text}");
        assert!(text.contains(wanted), "{args:?}: {text}");
        assert!(!text.contains("panicked"), "{args:?}: {text}");
        assert!(took < BOUND, "{args:?} took {took:?}");
    }
}

#[test]
fn a_cell_at_the_far_corner_of_a_sheet_is_refused_not_allocated() {
    // 17 billion cells between A1 and XFD1048576, in a file of a few kilobytes.
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.write_string(0, 0, "Level").unwrap();
    sheet.write_string(1_048_575, 16_383, "far away").unwrap();
    let bytes = workbook.save_to_buffer().unwrap();
    assert!(bytes.len() < 40_000);
    refused_by_import_and_calibration("far.xlsx", &bytes, "span");
    // A legacy `.xls` is no package to check before reading: it is read within a budget.
    let xls = std::fs::read(repo("tests/fixtures/hostile/far-corner.xls")).unwrap();
    refused_by_import_and_calibration("far.xls", &xls, "512 MiB, its memory limit");
}

#[test]
fn decompression_bombs_are_refused_while_inflating() {
    // 80 MiB of one byte deflates to about 80 KiB: past the 64 MiB a member may inflate to.
    let bomb = vec![b' '; 80 * 1024 * 1024];
    let workbook = with_member(&our_workbook(), "xl/sharedStrings.xml", &bomb);
    assert!(workbook.len() < 2 * 1024 * 1024);
    refused_by_import_and_calibration("bomb.xlsx", &workbook, "decompression bomb");
    let docx = std::fs::read(repo(
        "tests/fixtures/import/corpus/postman-ospo-docx-pandoc/source.docx",
    ))
    .unwrap();
    refused_by_import_and_calibration(
        "bomb.docx",
        &with_member(&docx, "word/document.xml", &bomb),
        "decompression bomb",
    );
    let ods = package(&[
        (
            "mimetype",
            b"application/vnd.oasis.opendocument.spreadsheet",
        ),
        ("content.xml", &bomb),
    ]);
    refused_by_import_and_calibration("bomb.ods", &ods, "decompression bomb");
}

#[test]
fn a_document_type_and_deep_nesting_in_a_package_are_refused() {
    let doctype = with_member(
        &our_workbook(),
        "xl/workbook.xml",
        br#"<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><workbook>&b;</workbook>"#,
    );
    refused_by_import_and_calibration("doctype.xlsx", &doctype, "document type");
    let deep = format!("<?xml version=\"1.0\"?>{}", "<a>".repeat(100_000));
    let nested = with_member(&our_workbook(), "xl/styles.xml", deep.as_bytes());
    refused_by_import_and_calibration("deep.xlsx", &nested, "nest deeper");
}

#[test]
fn a_word_document_with_one_damaged_byte_in_its_numbering_ends_in_an_error() {
    let docx = std::fs::read(repo(
        "tests/fixtures/import/corpus/postman-ospo-docx-pandoc/source.docx",
    ))
    .unwrap();
    let mut archive = zip::ZipArchive::new(Cursor::new(&docx)).unwrap();
    let mut numbering = String::new();
    archive
        .by_name("word/numbering.xml")
        .unwrap()
        .read_to_string(&mut numbering)
        .unwrap();
    assert!(numbering.contains("<w:numFmt") && numbering.contains("</w:lvl>"));
    // The byte in an element's name (the reported shape): the document reads, or is refused,
    // but the run ends.
    let damaged = numbering.replacen("<w:numFmt", "<w:num\u{FFFD}mt", 1);
    let bytes = with_member(&docx, "word/numbering.xml", damaged.as_bytes());
    let folder = tempfile::tempdir().unwrap();
    std::fs::write(folder.path().join("name.docx"), &bytes).unwrap();
    let (output, took) = ladder_at(folder.path(), &["import", "name.docx", "--explain"]);
    assert!(took < BOUND, "took {took:?}");
    assert!(
        matches!(output.status.code(), Some(0 | 1)),
        "{}",
        stderr(&output)
    );
    assert!(!stderr(&output).contains("panicked"), "{}", stderr(&output));
    // In a closing tag, where docx-rs's reader would retry its error forever: refused by name.
    let damaged = numbering.replacen("</w:lvl>", "</w:l\u{FFFD}l>", 1);
    let bytes = with_member(&docx, "word/numbering.xml", damaged.as_bytes());
    refused_by_import_and_calibration("numbering.docx", &bytes, "numbering.xml");
}

#[test]
fn a_csv_past_the_source_limit_is_refused_before_it_is_read() {
    let folder = tempfile::tempdir().unwrap();
    let row = "Impact,Ships small features,Leads projects\n";
    let csv = "Area,Junior,Senior\n".to_owned() + &row.repeat(10 * 1024 * 1024 / row.len());
    std::fs::write(folder.path().join("huge.csv"), csv).unwrap();
    let (output, took) = ladder_at(folder.path(), &["import", "huge.csv", "--explain"]);
    let text = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(text.contains("huge.csv") && text.contains("MiB"), "{text}");
    assert!(took < BOUND, "took {took:?}");
}

/// Nesting costs the HTML parser the square of its depth: a page past the limit is refused at
/// its line before parsing, in a page and in raw HTML inside Markdown, and a deep Markdown
/// list (2,000 levels, its indentation making the file 4 MB) is read in linear time.
#[test]
fn deep_nesting_is_refused_or_read_in_linear_time() {
    let folder = tempfile::tempdir().unwrap();
    let head = "<html><body><h1>Engineering</h1><h2>Engineer I</h2>\n";
    let pages = [
        (
            "lists.html",
            format!(
                "{head}{}{}",
                "<ul><li>x".repeat(10_000),
                "</li></ul>".repeat(10_000)
            ),
        ),
        (
            "divs.html",
            format!(
                "{head}{}x{}",
                "<div>".repeat(100_000),
                "</div>".repeat(100_000)
            ),
        ),
        (
            "raw.md",
            format!(
                "# Engineering\n\n## Engineer I\n\n<div>\n{}",
                "<div>".repeat(100_000)
            ),
        ),
    ];
    for (name, text) in pages {
        std::fs::write(folder.path().join(name), text).unwrap();
        for command in ["import", "check"] {
            let (output, took) = ladder_at(folder.path(), &[command, name]);
            let text = stderr(&output);
            assert_eq!(output.status.code(), Some(1), "{name}: {text}");
            assert!(
                text.contains(&format!("{name}:")) && text.contains("256 elements deep"),
                "{name}: {text}"
            );
            assert!(took < BOUND, "{name} took {took:?}");
        }
    }
    // Within the limit: read, and its items kept.
    let within = format!(
        "{head}{}{}",
        "<ul><li>item".repeat(200),
        "</li></ul>".repeat(200)
    );
    std::fs::write(folder.path().join("within.html"), within).unwrap();
    let (output, took) = ladder_at(folder.path(), &["import", "within.html", "--explain"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(took < BOUND, "took {took:?}");
    let markdown: String = (0..2000)
        .map(|depth| format!("{}- item {depth}\n", "  ".repeat(depth)))
        .collect();
    std::fs::write(
        folder.path().join("list.md"),
        format!("# Engineering\n\n## Engineer I\n\n{markdown}"),
    )
    .unwrap();
    let (output, took) = ladder_at(folder.path(), &["import", "list.md", "--out", "."]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(took < BOUND, "took {took:?}");
    let imported = std::fs::read_to_string(folder.path().join("list.yaml")).unwrap();
    assert!(imported.contains("item 1999"), "the deepest item is kept");
}

/// A template is a program: one that loops or grows a string without end fails its own
/// documents at their limits, and the rest of the build, the manifest and the summary are
/// written (the reported shapes: a long finite loop; a string doubled 40 times).
#[test]
fn a_runaway_template_fails_its_documents_and_the_build_goes_on() {
    let cases = [
        (
            "booklet.typ",
            "\n#let n = 0\n#for i in range(100000) { for j in range(100000) { n = n + 1 } }\n",
            "10",
            "stopped after 10 s, its time limit",
        ),
        (
            "offer.typ",
            "\n#let s = \"ab\"\n#for i in range(40) { s = s + s }\n#s.len()\n",
            "120",
            "stopped at 256 MiB, its memory limit",
        ),
    ];
    // The time limits leave a debug build's slow compiles room: only the runaway crosses them.
    for (template, runaway, seconds, said) in cases {
        let folder = tempfile::tempdir().unwrap();
        let layouts = folder.path().join("layouts");
        std::fs::create_dir(&layouts).unwrap();
        for entry in std::fs::read_dir(repo("layouts")).unwrap() {
            let entry = entry.unwrap();
            if entry.path().is_file() {
                std::fs::copy(entry.path(), layouts.join(entry.file_name())).unwrap();
            }
        }
        let path = layouts.join(template);
        let text = std::fs::read_to_string(&path).unwrap() + runaway;
        std::fs::write(path, text).unwrap();
        std::fs::copy(
            repo("ladders/packback.yaml"),
            folder.path().join("packback.yaml"),
        )
        .unwrap();
        let (output, took) = ladder_at(
            folder.path(),
            &[
                "build",
                "packback.yaml",
                "--out",
                "out",
                "--layouts",
                "layouts",
                "--document-time-limit",
                seconds,
                "--document-memory-limit",
                "256",
            ],
        );
        let text = stderr(&output);
        assert_eq!(output.status.code(), Some(1), "{text}");
        assert!(took < RUNAWAY_BOUND, "{template} took {took:?}");
        assert!(text.contains(said), "{text}");
        assert!(text.contains("failed in"), "the summary is printed: {text}");
        let out = folder.path().join("out");
        assert!(out.join("packback/packback.xlsx").is_file());
        assert!(out.join("packback/handbook/README.md").is_file());
        let manifest = std::fs::read_to_string(out.join("manifest.json")).unwrap();
        assert!(manifest.contains("packback/workbook"), "{manifest}");
        assert!(manifest.contains("packback/handbook"), "{manifest}");
        if template == "booklet.typ" {
            assert!(!manifest.contains("packback/booklet"), "{manifest}");
            assert!(manifest.contains("packback/offer/"), "{manifest}");
        } else {
            assert!(manifest.contains("packback/booklet"), "{manifest}");
        }
    }
}

/// Another tool's data, a front matter or a mapping file in YAML is bounded as a ladder is:
/// aliases that expand a few hundred bytes into billions of nodes are refused at their line.
#[test]
fn yaml_aliases_that_expand_without_end_are_refused_in_every_yaml_read() {
    let mut laughs = String::from(
        "a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n",
    );
    let names: Vec<char> = ('b'..='j').collect();
    let mut previous = 'a';
    for name in &names {
        let aliases = vec![format!("*{previous}"); 9].join(", ");
        laughs.push_str(&format!("{name}: &{name} [{aliases}]\n"));
        previous = *name;
    }
    let data = format!("{laughs}topics:\n  - name: Impact\n    levels: *j\n");
    let front_matter =
        format!("---\n{laughs}title: x\n---\n\n# Engineering\n\n## Engineer I\n\n- Writes code\n");
    let folder = tempfile::tempdir().unwrap();
    std::fs::write(folder.path().join("laughs.yaml"), &data).unwrap();
    std::fs::write(folder.path().join("laughs.md"), &front_matter).unwrap();
    std::fs::write(folder.path().join("mapping.yaml"), &laughs).unwrap();
    std::fs::write(
        folder.path().join("plain.md"),
        "# Engineering\n\n## Engineer I\n\n- Writes code\n",
    )
    .unwrap();
    for args in [
        vec!["import", "laughs.yaml", "--explain"],
        vec!["import", "laughs.md", "--explain"],
        vec![
            "import",
            "plain.md",
            "--explain",
            "--mapping",
            "mapping.yaml",
        ],
    ] {
        let (output, took) = ladder_at(folder.path(), &args);
        let text = stderr(&output);
        assert_eq!(output.status.code(), Some(1), "{args:?}: {text}");
        assert!(text.contains("aliases"), "{args:?}: {text}");
        assert!(took < BOUND, "{args:?} took {took:?}");
    }
}

/// The members of a package, inflated.
fn members(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    (0..archive.len())
        .map(|index| {
            let mut file = archive.by_index(index).unwrap();
            let mut data = Vec::new();
            file.read_to_end(&mut data).unwrap();
            (file.name().unwrap().into_owned(), data)
        })
        .collect()
}

/// Packages to damage inside: a real Word document, a real matrix and this tool's own
/// workbook (read by `import` and by the calibration reader).
fn packages() -> &'static [(String, Vec<u8>)] {
    static PACKAGES: std::sync::OnceLock<Vec<(String, Vec<u8>)>> = std::sync::OnceLock::new();
    PACKAGES.get_or_init(|| {
        vec![
            (
                String::from("postman.docx"),
                std::fs::read(repo(
                    "tests/fixtures/import/corpus/postman-ospo-docx-pandoc/source.docx",
                ))
                .unwrap(),
            ),
            (
                String::from("carvago.xlsx"),
                std::fs::read(repo(
                    "tests/fixtures/import/corpus/carvago-frontend-xlsx/source.xlsx",
                ))
                .unwrap(),
            ),
            (String::from("ours.xlsx"), our_workbook()),
        ]
    })
}

/// A Word document whose comment has lost a byte of its id (the case the byte-flip property
/// found: docx-rs panicked on it) imports: comments are no part of a ladder and are not read.
#[test]
fn a_word_document_with_a_damaged_comment_imports() {
    let (name, bytes) = &packages()[0];
    assert_eq!(name, "postman.docx");
    let mut parts = members(bytes);
    let comments = parts
        .iter()
        .position(|(member, _)| member == "word/comments.xml")
        .expect("the sample has comments");
    let part = &mut parts[comments].1;
    let at = ((part.len() as f64) * 0.07717121112707243) as usize % part.len();
    part.remove(at);
    let borrowed: Vec<(&str, &[u8])> = parts
        .iter()
        .map(|(name, data)| (name.as_str(), data.as_slice()))
        .collect();
    let damaged = package(&borrowed);
    assert_eq!(crate::corpus::import_damaged(name, &damaged), Ok(()));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 48, ..Default::default() })]

    /// Byte flips inside the XML of a package's members (where the zip's checksum does not
    /// stop them before the readers see them): an error or a reading, within the bound, never
    /// a panic or a hang.
    #[test]
    fn packages_damaged_inside_their_xml_never_panic_or_hang(
        sample in 0usize..3,
        member in 0usize..64,
        flips in proptest::collection::vec((0.0f64..1.0, 0usize..3, proptest::prelude::any::<u8>()), 1..6),
    ) {
        let (name, bytes) = &packages()[sample];
        let mut parts = members(bytes);
        let xml: Vec<usize> = (0..parts.len())
            .filter(|&index| parts[index].0.ends_with(".xml") || parts[index].0.ends_with(".rels"))
            .collect();
        let index = xml[member % xml.len()];
        let part = &mut parts[index].1;
        for (at, kind, byte) in flips {
            if part.is_empty() {
                break;
            }
            let at = ((part.len() as f64) * at) as usize % part.len();
            match kind {
                // A byte overwritten, one taken out, or a broken UTF-8 sequence put in.
                0 => part[at] = byte,
                1 => {
                    part.remove(at);
                }
                _ => {
                    part.splice(at..at, [0xEF, 0xBF, byte]);
                }
            }
        }
        let borrowed: Vec<(&str, &[u8])> = parts
            .iter()
            .map(|(name, data)| (name.as_str(), data.as_slice()))
            .collect();
        let damaged = package(&borrowed);
        let failure = crate::corpus::import_damaged(name, &damaged).err();
        proptest::prop_assert!(failure.is_none(), "{:?} in {}", failure, parts[index].0);
        if name == "ours.xlsx" {
            let folder = tempfile::tempdir().unwrap();
            let path = folder.path().join(name);
            std::fs::write(&path, &damaged).unwrap();
            let ladder = shipped("titles-and-roles.yaml");
            let (labels, _) = ladder::labels::Dictionaries::built_in().labels(ladder.language());
            let read = std::panic::catch_unwind(|| {
                let _ = ladder::calibration::read::read(&path, &ladder, &labels);
            });
            proptest::prop_assert!(read.is_ok(), "the calibration reader panicked on {}", parts[index].0);
        }
    }
}
