//! Files a colleague can mail or attach to a pull request, built to take the tool down: each
//! must end in a located error within seconds, never an abort, a hang or gigabytes.

use crate::common::*;

use std::io::{Cursor, Read, Write};
use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

/// How long any hostile file may take, whole process included (debug build, loaded machine).
const BOUND: Duration = Duration::from_secs(30);

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
    let view = view(&ladder);
    ladder::export::xlsx::workbook(
        ladder::export::Input {
            ladder: &ladder,
            view: &view,
        },
        &ladder::export::xlsx::WorkbookOptions {
            roster: None,
            stamp: &stamp(),
        },
    )
    .unwrap()
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
