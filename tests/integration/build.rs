//! The build pipeline: every artifact written, nothing rebuilt when nothing changed, only the
//! touched ladder rebuilt, failures contained, files never half written.

use crate::common::*;

use std::path::{Path, PathBuf};
use std::process::Command;

use ladder::build::{self, BuildOptions, Manifest, Outcome, Silent};
use ladder::output::write_atomically;
use ladder::Workspace;

/// A private copy of some shipped ladders, so a test can edit them.
fn ladders_copy(names: &[&str]) -> tempfile::TempDir {
    let folder = tempfile::tempdir().unwrap();
    for name in names {
        std::fs::copy(repo("ladders").join(name), folder.path().join(name)).unwrap();
    }
    folder
}

fn options(out: &Path, formats: &[&str]) -> BuildOptions {
    let mut options = BuildOptions {
        out_dir: out.to_path_buf(),
        formats: formats.iter().map(|format| format.to_string()).collect(),
        ..BuildOptions::default()
    };
    options.export.pdf.layouts_dir = Some(repo("layouts"));
    options
}

fn built_keys(report: &build::BuildReport) -> Vec<String> {
    report
        .artifacts
        .iter()
        .filter(|artifact| matches!(artifact.outcome, Outcome::Built { .. }))
        .map(|artifact| artifact.key.clone())
        .collect()
}

#[test]
fn a_build_writes_every_artifact_and_a_manifest() {
    let source = ladders_copy(&["titles-and-roles.yaml"]);
    let out = tempfile::tempdir().unwrap();
    let workspace = Workspace::load(&[source.path().to_path_buf()]);
    let options = options(out.path(), &["pdf", "md", "xlsx"]);
    let report = build::build(&workspace.ladders, &options, &Silent).unwrap();
    assert_eq!(report.failed(), 0, "{:#?}", report.artifacts);
    let ladder = &workspace.ladders[0].ladder;
    let root = out.path().join("titles-and-roles");
    assert!(root.join("titles-and-roles.pdf").is_file());
    assert!(root.join("titles-and-roles.xlsx").is_file());
    assert!(root.join("handbook/README.md").is_file());
    assert!(root.join("handbook/SUMMARY.md").is_file());
    for (_, level) in ladder.levels() {
        assert!(
            root.join("offers")
                .join(format!("{}.pdf", level.id))
                .is_file(),
            "{}",
            level.id
        );
    }
    // booklet + handbook + workbook + one offer per level
    assert_eq!(report.built(), 3 + ladder.levels().count());
    let manifest = Manifest::read(out.path());
    assert_eq!(manifest.artifacts.len(), report.built());
    let handbook = &manifest.artifacts["titles-and-roles/handbook"];
    assert!(handbook
        .files
        .contains(&PathBuf::from("titles-and-roles/handbook/README.md")));
    // The input hash is stamped in the documents themselves.
    let readme = std::fs::read_to_string(root.join("handbook/README.md")).unwrap();
    assert!(readme.contains(&handbook.input_hash));
    let booklet_hash = &manifest.artifacts["titles-and-roles/booklet"].input_hash;
    let booklet = std::fs::read(root.join("titles-and-roles.pdf")).unwrap();
    assert!(
        pdf_extract::extract_text_from_mem(&booklet)
            .unwrap()
            .contains(booklet_hash.as_str()),
        "the booklet names its input hash"
    );
    assert!(
        String::from_utf8_lossy(&booklet).contains(booklet_hash.as_str()),
        "the booklet's metadata names its input hash"
    );
    // No temporary files are left behind.
    for entry in walk(out.path()) {
        assert!(
            !entry
                .file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with(".ladder-"),
            "{}",
            entry.display()
        );
    }
}

fn walk(folder: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

#[test]
fn a_second_build_rebuilds_nothing_and_a_touched_ladder_only_itself() {
    let source = ladders_copy(&["persado-2018.yaml", "packback.yaml"]);
    let out = tempfile::tempdir().unwrap();
    let options = options(out.path(), &["md", "xlsx"]);
    let load = || Workspace::load(&[source.path().to_path_buf()]);

    let first = build::build(&load().ladders, &options, &Silent).unwrap();
    assert_eq!(first.built(), 4, "{:#?}", first.artifacts);

    let second = build::build(&load().ladders, &options, &Silent).unwrap();
    assert_eq!(second.built(), 0);
    assert_eq!(second.up_to_date(), 4);

    let file = source.path().join("packback.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &file,
        text.replace("organization: Packback", "organization: Packback Inc."),
    )
    .unwrap();
    let third = build::build(&load().ladders, &options, &Silent).unwrap();
    let mut rebuilt = built_keys(&third);
    rebuilt.sort();
    assert_eq!(rebuilt, ["packback/handbook", "packback/workbook"]);

    // --force rebuilds everything; a deleted output is rebuilt even without it.
    std::fs::remove_file(out.path().join("persado-2018/persado-2018.xlsx")).unwrap();
    let fourth = build::build(&load().ladders, &options, &Silent).unwrap();
    assert_eq!(built_keys(&fourth), ["persado-2018/workbook"]);
    let forced = BuildOptions {
        force: true,
        ..options.clone()
    };
    assert_eq!(
        build::build(&load().ladders, &forced, &Silent)
            .unwrap()
            .built(),
        4
    );
}

#[test]
fn a_broken_ladder_fails_alone_and_the_build_exits_non_zero() {
    let source = ladders_copy(&["rent-the-runway-style.yaml"]);
    std::fs::write(
        source.path().join("broken.yaml"),
        "title: Broken\ntracks: [\n",
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_ladder"))
        .args(["build", "--format", "md,xlsx", "--out"])
        .arg(out.path())
        .arg(source.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("broken.yaml"), "{stderr}");
    assert!(out
        .path()
        .join("rent-the-runway-style/rent-the-runway-style.xlsx")
        .is_file());
    assert!(out
        .path()
        .join("rent-the-runway-style/handbook/README.md")
        .is_file());
    assert!(!out.path().join("broken").exists());
}

#[test]
fn a_broken_template_fails_only_the_pdfs_that_use_it() {
    let source = ladders_copy(&["titles-and-roles.yaml"]);
    let layouts = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(repo("layouts")).unwrap() {
        let entry = entry.unwrap();
        if !entry.path().is_file() {
            continue;
        }
        std::fs::copy(entry.path(), layouts.path().join(entry.file_name())).unwrap();
    }
    std::fs::write(
        layouts.path().join("booklet.typ"),
        "#panic(\"broken on purpose\")\n",
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    let mut options = options(out.path(), &["pdf", "md"]);
    options.export.pdf.layouts_dir = Some(layouts.path().to_path_buf());
    let workspace = Workspace::load(&[source.path().to_path_buf()]);
    let report = build::build(&workspace.ladders, &options, &Silent).unwrap();
    let failed: Vec<_> = report
        .artifacts
        .iter()
        .filter_map(|artifact| match &artifact.outcome {
            Outcome::Failed(error) => Some((artifact.key.clone(), format!("{error:#}"))),
            _ => None,
        })
        .collect();
    assert_eq!(failed.len(), 1, "{failed:#?}");
    assert_eq!(failed[0].0, "titles-and-roles/booklet");
    assert!(failed[0].1.contains("broken on purpose"), "{}", failed[0].1);
    assert!(failed[0].1.contains("booklet.typ:1:"), "{}", failed[0].1);
    assert!(out
        .path()
        .join("titles-and-roles/offers/lead.pdf")
        .is_file());
    // The failed artifact is not in the manifest, so the next build tries it again.
    assert!(!Manifest::read(out.path())
        .artifacts
        .contains_key("titles-and-roles/booklet"));
}

#[test]
fn an_interrupted_write_leaves_the_old_file_and_no_partial_one() {
    let folder = tempfile::tempdir().unwrap();
    let target = folder.path().join("ladder.pdf");
    std::fs::write(&target, b"the good old file").unwrap();
    let result = write_atomically(&target, |out| {
        out.write_all(b"half of a new fi")?;
        Err(std::io::Error::other("disk full"))
    });
    let error = format!("{:#}", result.unwrap_err());
    assert!(
        error.contains("ladder.pdf") && error.contains("disk full"),
        "{error}"
    );
    assert_eq!(std::fs::read(&target).unwrap(), b"the good old file");
    assert_eq!(
        std::fs::read_dir(folder.path()).unwrap().count(),
        1,
        "a temporary file was left"
    );

    write_atomically(&target, |out| out.write_all(b"the complete new file")).unwrap();
    assert_eq!(std::fs::read(&target).unwrap(), b"the complete new file");
}

#[test]
fn the_command_line_builds_and_then_says_nothing_changed() {
    let source = ladders_copy(&["persado-2018.yaml"]);
    let out = tempfile::tempdir().unwrap();
    let run = || {
        Command::new(env!("CARGO_BIN_EXE_ladder"))
            .args(["build", "--format", "md", "--jobs", "2", "--out"])
            .arg(out.path())
            .arg(source.path())
            .output()
            .unwrap()
    };
    let first = run();
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let second = run();
    let stderr = String::from_utf8_lossy(&second.stderr);
    assert!(second.status.success(), "{stderr}");
    assert!(
        stderr.contains("0 built, 1 up to date, 0 failed"),
        "{stderr}"
    );
    assert!(stderr.contains("nothing changed"), "{stderr}");
}
