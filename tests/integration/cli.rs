//! The `ladder` command as a user runs it: exit codes, diagnostics on stderr, the schema.

use std::path::Path;
use std::process::{Command, Output};

fn ladder(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ladder"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn check_passes_on_the_shipped_ladders_and_warns_about_what_the_seeds_leave_open() {
    let output = ladder(&["check"]);
    let text = stderr(&output);
    assert!(output.status.success(), "{text}");
    assert!(
        text.contains("5 ladders loaded, 0 failed: 0 errors"),
        "{text}"
    );
    // Equivalents that name no level, kept as written and reported.
    for reference in ["`Distinguished Engineer`", "`Fellow`", "`Manager`"] {
        assert!(
            text.contains(&format!("warning: equivalent {reference}")),
            "no warning for {reference}:\n{text}"
        );
    }
    assert!(
        text.contains("did you mean `Engineering Manager` or `Senior Engineering Manager`?"),
        "{text}"
    );
    assert!(
        text.contains("--> ladders/rent-the-runway-style.yaml:"),
        "{text}"
    );
}

#[test]
fn deny_warnings_turns_warnings_into_failure() {
    let output = ladder(&["check", "--deny-warnings"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
}

#[test]
fn check_fails_with_a_located_error_for_a_broken_ladder() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("broken.yaml");
    std::fs::write(
        &file,
        "title: Broken\ntracks:\n  - id: ic\n    name: IC\n    kind: ic\n    levles: []\n",
    )
    .unwrap();
    let output = ladder(&["check", file.to_str().unwrap()]);
    let text = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(text.contains("error: unknown field `levles`"), "{text}");
    assert!(
        text.contains(&format!("--> {}:6:5", file.display())),
        "{text}"
    );
    assert!(text.contains("hint: did you mean `levels`?"), "{text}");
}

#[test]
fn the_shipped_schema_is_current_and_every_ladder_points_at_it() {
    let output = ladder(&["schema"]);
    assert!(output.status.success());
    let printed = String::from_utf8(output.stdout).unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let shipped = std::fs::read_to_string(root.join("schema/ladder.schema.json")).unwrap();
    assert_eq!(
        printed, shipped,
        "run `cargo run -- schema > schema/ladder.schema.json`"
    );
    let schema: serde_json::Value = serde_json::from_str(&printed).unwrap();
    assert_eq!(
        schema["additionalProperties"], false,
        "unknown keys must be flagged in editors"
    );
    for entry in std::fs::read_dir(root.join("ladders")).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            text.lines().next(),
            Some("# yaml-language-server: $schema=../schema/ladder.schema.json"),
            "{}",
            path.display()
        );
    }
}

#[test]
fn ladder_with_no_command_builds_ladders_into_out() {
    let folder = tempfile::tempdir().unwrap();
    std::fs::create_dir(folder.path().join("ladders")).unwrap();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("ladders/titles-and-roles.yaml"),
        folder.path().join("ladders/titles-and-roles.yaml"),
    )
    .unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_ladder"))
        .current_dir(folder.path())
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let out = folder.path().join("out/titles-and-roles");
    for file in [
        "titles-and-roles.pdf",
        "titles-and-roles.xlsx",
        "handbook/README.md",
        "offers/architect.pdf",
    ] {
        assert!(
            out.join(file).is_file(),
            "{file} was not built:\n{}",
            stderr(&output)
        );
    }
    assert!(folder.path().join("out/manifest.json").is_file());
}
