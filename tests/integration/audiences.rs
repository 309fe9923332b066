//! Internal and public outputs: a marker planted in every kind of internal field never reaches
//! a public output, and does reach the internal ones.

use crate::common::*;

use std::io::Cursor;
use std::path::Path;

use calamine::Reader;
use ladder::build::{self, BuildOptions, Silent};

const MARKER: &str = "ZQXSECRET";

/// A ladder with internal text of every kind, each marked `ZQXSECRET-<kind>`.
const LADDER: &str = r#"
title: Audiences
areas:
  - { id: craft, name: Craft }
tracks:
  - id: ic
    name: Engineers
    kind: ic
    levels:
      - id: ic-1
        title: Engineer
        expectations: { craft: [Writes code.] }
        internal:
          notes:
            Pay band: B3 ZQXSECRET-note-value
            ZQXSECRET-note-label: guidance
          expectations:
            craft: [Is calibrated against ZQXSECRET-internal-expectation.]
      - id: ic-2
        title: ZQXSECRET-level-title
        internal: true
        expectations: { craft: [Writes ZQXSECRET-level-expectation.] }
        description: ZQXSECRET-level-description
      - id: ic-3
        title: Staff Engineer
        equivalents: [ZQXSECRET-level-title, ic-2]
        expectations: { craft: [Sets direction.] }
  - id: secret-track
    name: ZQXSECRET-track-name
    kind: manager
    internal: true
    levels:
      - id: m-1
        title: ZQXSECRET-manager-title
        expectations: { craft: [Leads ZQXSECRET-track-expectation.] }
sections:
  - title: Promotions
    body: Twice a year.
  - title: ZQXSECRET-section-title
    internal: true
    body: ZQXSECRET-section-body
  - title: ZQXSECRET-subsection-title
    depth: 2
    body: ZQXSECRET-subsection-body
"#;

/// Every text a reader can see in the outputs under `folder`: PDF text, Markdown, every cell
/// and sheet name of the workbooks, and the file names.
fn readable_text(folder: &Path) -> String {
    let mut text = String::new();
    let mut pending = vec![folder.to_path_buf()];
    while let Some(folder) = pending.pop() {
        for entry in std::fs::read_dir(&folder).unwrap().flatten() {
            let path = entry.path();
            text.push_str(&path.display().to_string());
            text.push('\n');
            if path.is_dir() {
                pending.push(path);
                continue;
            }
            let bytes = std::fs::read(&path).unwrap();
            match path.extension().and_then(|e| e.to_str()) {
                Some("pdf") => text.push_str(&crate::pdf::text_of(&bytes)),
                Some("xlsx") => {
                    let mut book: calamine::Xlsx<_> =
                        calamine::open_workbook_from_rs(Cursor::new(bytes)).unwrap();
                    for name in book.sheet_names() {
                        text.push_str(&name);
                        for row in book.worksheet_range(&name).unwrap().rows() {
                            for cell in row {
                                text.push_str(&cell.to_string());
                                text.push('\n');
                            }
                        }
                    }
                }
                _ => text.push_str(&String::from_utf8_lossy(&bytes)),
            }
        }
    }
    text
}

fn build_with(audience: Option<ladder::audience::Audience>) -> tempfile::TempDir {
    let folder = tempfile::tempdir().unwrap();
    std::fs::write(folder.path().join("audiences.yaml"), LADDER).unwrap();
    let workspace = ladder::Workspace::load(&[folder.path().join("audiences.yaml")]);
    assert_eq!(
        workspace.error_count(),
        0,
        "{}",
        workspace.render_diagnostics()
    );
    let out = tempfile::tempdir().unwrap();
    let mut options = BuildOptions {
        out_dir: out.path().to_path_buf(),
        ..BuildOptions::default()
    };
    options.export.audience = audience;
    options.export.pdf.layouts_dir = Some(repo("layouts"));
    let report = build::build(&workspace.ladders, &options, &Silent).unwrap();
    assert_eq!(report.failed(), 0, "{:?}", report.artifacts);
    out
}

#[test]
fn nothing_internal_reaches_a_public_output() {
    let out = build_with(Some(ladder::audience::Audience::Public));
    let text = readable_text(out.path());
    assert!(
        !text.contains(MARKER),
        "{}",
        &text[text.find(MARKER).unwrap().saturating_sub(200)..][..300]
    );
    // The public parts are all there.
    assert!(text.contains("Writes code."));
    assert!(text.contains("Staff Engineer"));
    assert!(text.contains("Twice a year."));
}

#[test]
fn by_default_the_handbook_is_public_and_the_booklet_and_workbook_internal() {
    let out = build_with(None);
    let handbook = readable_text(&out.path().join("audiences/handbook"));
    assert!(!handbook.contains(MARKER));
    let booklet = crate::pdf::normalize(&crate::pdf::text_of(
        &std::fs::read(out.path().join("audiences/audiences.pdf")).unwrap(),
    ));
    let workbook = readable_text(&out.path().join("audiences")).replace(&handbook, "");
    for kind in [
        "note-value",
        "note-label",
        "internal-expectation",
        "level-title",
        "level-expectation",
        "level-description",
        "track-name",
        "track-expectation",
        "section-title",
        "section-body",
        "subsection-body",
    ] {
        let marker = format!("{MARKER}-{kind}");
        assert!(
            booklet.contains(&crate::pdf::normalize(&marker)),
            "booklet lacks {marker}"
        );
        if !kind.starts_with("section") && !kind.starts_with("subsection") {
            assert!(workbook.contains(&marker), "workbook lacks {marker}");
        }
    }
}
