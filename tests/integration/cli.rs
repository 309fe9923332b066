//! The `ladder` command as a user runs it: exit codes, diagnostics on stderr, the schema.

use std::path::Path;

use crate::common::repo;
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

#[test]
fn import_explain_prints_the_outline_found_and_writes_nothing() {
    let out = tempfile::tempdir().unwrap();
    let source = repo("tests/fixtures/import/corpus/jorgef-developer/source.md");
    let output = ladder(&[
        "import",
        source.to_str().unwrap(),
        "--explain",
        "--out",
        out.path().to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let shown = String::from_utf8_lossy(&output.stdout);
    assert!(shown.contains("Track: Developer (7 levels)"), "{shown}");
    assert!(
        shown.contains("  Level: D1 - Developer 1 (5 expectations)"),
        "{shown}"
    );
    assert!(shown.contains("    Adopts: 1"), "{shown}");
    assert!(shown.contains("Reading: tracks h1, levels h2"), "{shown}");
    // Why that reading, and the best one that lost with its own figures, lower.
    let figure = |prefix: &str| -> f64 {
        let line = shown
            .lines()
            .find(|line| line.starts_with(prefix))
            .unwrap_or_else(|| panic!("no {prefix} line in {shown}"));
        let after = line.split("score ").nth(1).unwrap();
        after[..after.find(':').unwrap()].parse().unwrap()
    };
    assert!(shown.contains("characters placed in levels"), "{shown}");
    assert!(
        figure("Runner-up: tracks") < figure("Why: score"),
        "{shown}"
    );
    assert_eq!(std::fs::read_dir(out.path()).unwrap().count(), 0);
}

#[test]
fn import_options_and_a_mapping_file_correct_the_reading() {
    let folder = tempfile::tempdir().unwrap();
    let document = folder.path().join("support.md");
    std::fs::write(
        &document,
        "# Support\n\n## Associate\n\n* **Customers**: Answers tickets.\n* **Product**: Learns it.\n\n\
         ## Specialist\n\n* **Customers**: Escalations.\n",
    )
    .unwrap();
    let explain = |extra: &[&str]| {
        let mut args = vec!["import", document.to_str().unwrap(), "--explain"];
        args.extend_from_slice(extra);
        let output = ladder(&args);
        assert!(output.status.success(), "{}", stderr(&output));
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    // Its own reading: two levels with their bold-labelled areas.
    let guessed = explain(&[]);
    assert!(
        guessed.contains("Level: Associate (2 expectations)"),
        "{guessed}"
    );
    assert!(
        guessed.contains("Level: Specialist (1 expectations)"),
        "{guessed}"
    );
    // Told that the page is one level with its areas under `##`.
    let told = explain(&["--levels", "h1", "--areas", "h2", "--track", "Support desk"]);
    assert!(told.contains("Track: Support desk (1 levels)"), "{told}");
    assert!(told.contains("Level: Support (3 expectations)"), "{told}");
    assert!(told.contains("    Customers: 2"), "{told}");
    // The same from a mapping file.
    let mapping = folder.path().join("import.yaml");
    std::fs::write(&mapping, "levels: h1\nareas: h2\ntrack: Support desk\n").unwrap();
    let mapped = explain(&["--mapping", mapping.to_str().unwrap()]);
    assert_eq!(mapped, told);
    // Told the page is one level: its headings are areas.
    let page = explain(&["--levels", "page"]);
    assert!(page.contains("Reading: a page about one level"), "{page}");
    assert!(page.contains("(1 levels)"), "{page}");
    assert!(page.contains("    Customers: 2"), "{page}");
    // A kind of file it does not read is refused, saying which it reads.
    let pdf = folder.path().join("ladder.pdf");
    std::fs::write(&pdf, b"%PDF-1.7").unwrap();
    let output = ladder(&["import", pdf.to_str().unwrap()]);
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("does not read .pdf files"),
        "{}",
        stderr(&output)
    );
    assert!(
        stderr(&output).contains("Word (.docx)"),
        "{}",
        stderr(&output)
    );
    // A setting that names nothing is refused, saying what it accepts.
    let output = ladder(&["import", document.to_str().unwrap(), "--levels", "h9"]);
    assert!(!output.status.success());
    assert!(stderr(&output).contains("h1 to h6"), "{}", stderr(&output));
    std::fs::write(&mapping, "level: h2\n").unwrap();
    let output = ladder(&[
        "import",
        document.to_str().unwrap(),
        "--mapping",
        mapping.to_str().unwrap(),
    ]);
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("unknown setting `level`"),
        "{}",
        stderr(&output)
    );
}

/// A project folder holding one shipped ladder, for commands run as a user runs them.
fn project_with(ladder_file: &str) -> tempfile::TempDir {
    let folder = tempfile::tempdir().unwrap();
    std::fs::create_dir(folder.path().join("ladders")).unwrap();
    std::fs::copy(
        repo("ladders").join(ladder_file),
        folder.path().join("ladders").join(ladder_file),
    )
    .unwrap();
    folder
}

fn ladder_at(folder: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ladder"))
        .args(args)
        .current_dir(folder)
        .output()
        .unwrap()
}

#[test]
fn a_personalized_offer_never_replaces_the_builds_one_pager() {
    let folder = project_with("titles-and-roles.yaml");
    let built = ladder_at(folder.path(), &["build", "--format", "pdf"]);
    assert!(built.status.success(), "{}", stderr(&built));
    let one_pager = folder
        .path()
        .join("out/titles-and-roles/offers/architect.pdf");
    let before = std::fs::read(&one_pager).unwrap();
    let offer = ladder_at(
        folder.path(),
        &[
            "offer",
            "titles-and-roles",
            "architect",
            "--candidate",
            "Ada Lovelace",
            "--date",
            "2027-01-04",
        ],
    );
    assert!(offer.status.success(), "{}", stderr(&offer));
    let personal = folder
        .path()
        .join("out/titles-and-roles/candidates/architect-ada-lovelace.pdf");
    let text = crate::pdf::normalize(&crate::pdf::text_of(&std::fs::read(&personal).unwrap()));
    assert!(
        text.contains(&crate::pdf::normalize("Ada Lovelace")),
        "{text}"
    );
    assert_eq!(std::fs::read(&one_pager).unwrap(), before);
    // An unpersonalized page from `ladder offer` goes beside the candidates' too.
    let plain = ladder_at(folder.path(), &["offer", "titles-and-roles", "architect"]);
    assert!(plain.status.success(), "{}", stderr(&plain));
    assert!(folder
        .path()
        .join("out/titles-and-roles/candidates/architect.pdf")
        .is_file());
    let again = ladder_at(folder.path(), &["build", "--format", "pdf"]);
    assert!(again.status.success(), "{}", stderr(&again));
    let after = std::fs::read(&one_pager).unwrap();
    assert_eq!(after, before, "the build's one-pager changed");
    let text = crate::pdf::normalize(&crate::pdf::text_of(&after));
    assert!(
        !text.contains(&crate::pdf::normalize("Ada Lovelace")),
        "{text}"
    );
}

#[test]
fn an_output_edited_by_hand_is_rebuilt_by_the_next_build() {
    let folder = project_with("titles-and-roles.yaml");
    let first = ladder_at(folder.path(), &["build", "--format", "md,pdf"]);
    assert!(first.status.success(), "{}", stderr(&first));
    let readme = folder
        .path()
        .join("out/titles-and-roles/handbook/README.md");
    let one_pager = folder
        .path()
        .join("out/titles-and-roles/offers/architect.pdf");
    let (readme_bytes, pdf_bytes) = (
        std::fs::read(&readme).unwrap(),
        std::fs::read(&one_pager).unwrap(),
    );
    std::fs::write(&readme, "edited by hand\n").unwrap();
    // Replaced by another file of the same length: still not the bytes the build wrote.
    let mut replaced = pdf_bytes.clone();
    let last = replaced.len() - 2;
    replaced[last] ^= 0x20;
    std::fs::write(&one_pager, &replaced).unwrap();
    let second = ladder_at(folder.path(), &["build", "--format", "md,pdf"]);
    let text = stderr(&second);
    assert!(second.status.success(), "{text}");
    assert_eq!(std::fs::read(&readme).unwrap(), readme_bytes, "{text}");
    assert_eq!(std::fs::read(&one_pager).unwrap(), pdf_bytes, "{text}");
    // And a third build, with nothing touched, builds nothing.
    let third = ladder_at(folder.path(), &["build", "--format", "md,pdf"]);
    let text = stderr(&third);
    assert!(text.contains("0 built, "), "{text}");
}

#[test]
fn importing_two_sources_of_one_name_keeps_both() {
    // `a/source.md` and `b/source.md` in one run: the second must not overwrite the first.
    let out = tempfile::tempdir().unwrap();
    let first = repo("tests/fixtures/import/corpus/jorgef-developer/source.md");
    let second = repo("tests/fixtures/import/holdout7/eslint-governance/source.md");
    let output = ladder(&[
        "import",
        first.to_str().unwrap(),
        second.to_str().unwrap(),
        "--out",
        out.path().to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let titles: Vec<String> = ["source.yaml", "source-2.yaml"]
        .iter()
        .map(|name| {
            let text = std::fs::read_to_string(out.path().join(name)).unwrap();
            text.lines()
                .find_map(|line| line.strip_prefix("title: "))
                .unwrap_or_default()
                .to_owned()
        })
        .collect();
    assert_ne!(titles[0], titles[1], "{titles:?}");
    assert!(
        stderr(&output).contains("source-2.yaml"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn an_outline_piped_into_a_reader_that_stops_early_ends_quietly() {
    // `ladder import doc --explain | head -1`: the pipe closes before the outline is written.
    let source = repo("tests/fixtures/import/corpus/jorgef-developer/source.md");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_ladder"))
        .args(["import", source.to_str().unwrap(), "--explain"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .env_remove("RUST_BACKTRACE")
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(!stderr.contains("internal error"), "{stderr}");
}

#[test]
fn a_reader_that_closes_the_pipe_early_gets_no_panic() {
    // `ladder import --explain big.md | head -1`: the output outgrows the pipe's buffer, and
    // `head` has closed its end by then.
    let folder = tempfile::tempdir().unwrap();
    let document = folder.path().join("big.md");
    let levels: String = (1..=1500)
        .map(|n| format!("## Engineer {n}\n\n### Craft {n}\n\n- Writes code number {n}.\n\n"))
        .collect();
    std::fs::write(&document, format!("# Big\n\n{levels}")).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_ladder"))
        .args(["import", "--explain"])
        .arg(&document)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(output.status.success(), "{:?}: {stderr}", output.status);
}
