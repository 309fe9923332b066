//! The workflows around the outputs: CI-friendly diagnostics, a new project from `ladder init`,
//! shell completions.

use crate::common::*;

use std::process::Command;

fn ladder_in(folder: &std::path::Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_ladder"));
    command.current_dir(folder);
    command
}

/// `ladder check` of a fixture with one error and one warning, in a message format.
fn check_output(format: &str) -> String {
    let output = ladder_in(&repo(""))
        .args(["check", "--message-format", format])
        .args([
            "tests/fixtures/lints/missing-area.yaml",
            "tests/fixtures/workflows/broken.yaml",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn check_speaks_json_lines_for_tools() {
    let output = check_output("json");
    assert_eq!(
        output,
        std::fs::read_to_string(repo("tests/fixtures/workflows/check.jsonl")).unwrap()
    );
    for line in output.lines() {
        let value: serde_json::Value = serde_json::from_str(line).unwrap();
        for key in [
            "file", "line", "column", "severity", "code", "message", "hint",
        ] {
            assert!(value.get(key).is_some(), "{key} in {line}");
        }
    }
}

#[test]
fn check_speaks_github_workflow_commands_for_pull_requests() {
    assert_eq!(
        check_output("github"),
        std::fs::read_to_string(repo("tests/fixtures/workflows/check.github")).unwrap()
    );
}

#[test]
fn a_new_project_from_init_builds_and_checks_clean() {
    let folder = tempfile::tempdir().unwrap();
    let project = folder.path().join("careers");
    let init = ladder_in(folder.path())
        .args(["init", "careers"])
        .output()
        .unwrap();
    assert!(
        init.status.success(),
        "{}",
        String::from_utf8_lossy(&init.stderr)
    );
    for file in [
        "ladders/example.yaml",
        "schema/ladder.schema.json",
        "layouts/booklet.typ",
        "layouts/style.typ",
        "layouts/labels/de.yaml",
        ".gitignore",
        ".github/workflows/ladder.yml",
    ] {
        assert!(project.join(file).is_file(), "{file}");
    }
    let build = ladder_in(&project).arg("build").output().unwrap();
    assert!(
        build.status.success(),
        "{}",
        String::from_utf8_lossy(&build.stderr)
    );
    assert!(project.join("out/example/example.pdf").is_file());
    assert!(project.join("out/example/handbook/README.md").is_file());
    assert!(project.join("out/example/example.xlsx").is_file());
    let check = ladder_in(&project)
        .args(["check", "--deny-warnings"])
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    // A second init keeps what is there: nothing a user edited is lost.
    std::fs::write(project.join("ladders/example.yaml"), "title: Mine\n").unwrap();
    let again = ladder_in(folder.path())
        .args(["init", "careers"])
        .output()
        .unwrap();
    assert!(again.status.success());
    assert_eq!(
        std::fs::read_to_string(project.join("ladders/example.yaml")).unwrap(),
        "title: Mine\n"
    );
    // The example uses every field of the format.
    let example = std::fs::read_to_string(repo("src/cli/init/example.yaml")).unwrap();
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(repo("schema/ladder.schema.json")).unwrap())
            .unwrap();
    let mut fields: Vec<String> = Vec::new();
    for definition in [
        &schema,
        &schema["$defs"]["Area"],
        &schema["$defs"]["Track"],
        &schema["$defs"]["Level"],
        &schema["$defs"]["Grade"],
        &schema["$defs"]["Section"],
    ] {
        fields.extend(
            definition["properties"]
                .as_object()
                .unwrap()
                .keys()
                .cloned(),
        );
    }
    for field in fields {
        assert!(
            example.contains(&format!("{field}:")),
            "the example has no `{field}`"
        );
    }
}

#[test]
fn completions_come_for_the_usual_shells() {
    for shell in ["bash", "zsh", "fish"] {
        let output = ladder_in(&repo(""))
            .args(["completions", shell])
            .output()
            .unwrap();
        assert!(output.status.success());
        let script = String::from_utf8(output.stdout).unwrap();
        assert!(script.contains("ladder"), "{shell}");
        assert!(script.contains("message-format"), "{shell}");
    }
}

/// The layouts with an offer letter around the level: the edit the README shows.
fn letter_layouts() -> tempfile::TempDir {
    let layouts = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(repo("layouts")).unwrap().flatten() {
        if entry.path().is_file() {
            std::fs::copy(entry.path(), layouts.path().join(entry.file_name())).unwrap();
        }
    }
    let offer = layouts.path().join("offer.typ");
    let text = std::fs::read_to_string(&offer).unwrap();
    let letter = "#if offer.person != none [\n  Dear #offer.person.name, you start on #offer.person.start_date with #offer.person.manager.\n]\n\n#let intro = {";
    std::fs::write(&offer, text.replacen("#let intro = {", letter, 1)).unwrap();
    layouts
}

#[test]
fn a_hiring_batch_makes_a_one_pager_per_candidate_and_reports_bad_rows_by_line() {
    let folder = tempfile::tempdir().unwrap();
    let layouts = letter_layouts();
    let levels = ["se-1", "Senior Software Engineer", "sre-2", "m-1"];
    let mut csv = String::from("name,level,Start date,manager,email\n");
    for index in 0..200 {
        csv.push_str(&format!(
            "\"Candidate {index:03}, Jr.\",{},2027-01-{:02},Manager {index},c{index}@example.com\n",
            levels[index % levels.len()],
            index % 28 + 1
        ));
    }
    let people = folder.path().join("people.csv");
    std::fs::write(&people, &csv).unwrap();
    let out = folder.path().join("out");
    let run = |file: &std::path::Path| {
        ladder_in(&repo(""))
            .args([
                "offer",
                "ladders/persado-2019.yaml",
                "--quiet",
                "--candidates",
            ])
            .arg(file)
            .arg("--out")
            .arg(&out)
            .arg("--layouts")
            .arg(layouts.path())
            .output()
            .unwrap()
    };
    let first = run(&people);
    let stderr = String::from_utf8_lossy(&first.stderr);
    assert!(first.status.success(), "{stderr}");
    // Quiet: nothing but errors, and there were none.
    assert!(stderr.trim().is_empty(), "{stderr}");
    let written = out.join("persado-2019/candidates");
    assert_eq!(std::fs::read_dir(&written).unwrap().count(), 200);
    for index in (0..200).step_by(17) {
        let pdf = std::fs::read(written.join(format!("candidate-{index:03}-jr.pdf"))).unwrap();
        assert_eq!(crate::pdf::pages_of(&pdf), 1);
        let text = crate::pdf::normalize(&crate::pdf::text_of(&pdf));
        assert!(
            text.contains(&crate::pdf::normalize(&format!(
                "Candidate {index:03}, Jr."
            ))),
            "{index}"
        );
        assert!(
            text.contains(&crate::pdf::normalize(&format!("Manager {index}"))),
            "{index}"
        );
    }
    // Personal data stays out of the manifest, beyond the file names.
    let manifest = std::fs::read_to_string(out.join("manifest.json")).unwrap();
    assert!(!manifest.contains("example.com") && !manifest.contains("Manager 1"));
    // Nothing changed: nothing is written again (every file keeps its time), quietly.
    let times = || -> Vec<(std::path::PathBuf, std::time::SystemTime)> {
        let mut times: Vec<_> = std::fs::read_dir(&written)
            .unwrap()
            .map(|entry| {
                let entry = entry.unwrap();
                (entry.path(), entry.metadata().unwrap().modified().unwrap())
            })
            .collect();
        times.sort();
        times
    };
    let before = times();
    let second = run(&people);
    assert!(second.status.success());
    assert!(String::from_utf8_lossy(&second.stderr).trim().is_empty());
    assert_eq!(times(), before);

    // Three bad rows fail alone, each with its line; the others are built.
    let bad = folder.path().join("bad.csv");
    std::fs::write(
        &bad,
        "name,level,start_date,manager\nAda,se-1,2027-02-01,Grace\nBob,Wizard,2027-02-01,Grace\n,se-2,2027-02-01,Grace\nCy,se-2,,Grace\nDee,se-3,2027-02-01,Grace\n",
    )
    .unwrap();
    let output = run(&bad);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("2 written"), "{stderr}");
    assert!(stderr.contains("3 failed"), "{stderr}");
    for line in [3, 4, 5] {
        assert!(
            stderr.contains(&format!("bad.csv:{line}:")),
            "line {line}: {stderr}"
        );
    }
    assert!(stderr.contains("no level `Wizard`"), "{stderr}");
    assert!(stderr.contains("the name is empty"), "{stderr}");
}

/// Waits (bounded) until `ready` holds, polling.
fn wait_for(what: &str, mut ready: impl FnMut() -> bool) {
    let started = std::time::Instant::now();
    while !ready() {
        assert!(
            started.elapsed() < std::time::Duration::from_secs(120),
            "timed out waiting for {what}"
        );
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
}

#[test]
fn watch_rebuilds_on_save_and_keeps_the_last_good_outputs_on_a_broken_edit() {
    let project = tempfile::tempdir().unwrap();
    let ladders = project.path().join("ladders");
    std::fs::create_dir(&ladders).unwrap();
    let source = ladders.join("packback.yaml");
    let original = std::fs::read_to_string(repo("ladders/packback.yaml")).unwrap();
    std::fs::write(&source, &original).unwrap();
    let log = project.path().join("watch.log");
    let mut child = ladder_in(project.path())
        .args(["watch", "--format", "md"])
        .stderr(std::fs::File::create(&log).unwrap())
        .spawn()
        .unwrap();
    let readme = project.path().join("out/packback/handbook/README.md");
    let log_text = || std::fs::read_to_string(&log).unwrap_or_default();
    wait_for("the first build", || log_text().contains("watching"));
    assert!(readme.is_file());

    // An edit is rebuilt.
    let edited = original.replacen("title: ", "title: Edited ", 1);
    std::fs::write(&source, &edited).unwrap();
    wait_for("the rebuild", || {
        std::fs::read_to_string(&readme)
            .unwrap_or_default()
            .contains("Edited")
    });

    // A broken edit shows its error; the last good handbook stays.
    std::fs::write(&source, format!("{edited}\ntitel: typo\n")).unwrap();
    wait_for("the error", || log_text().contains("unknown field `titel`"));
    assert!(std::fs::read_to_string(&readme).unwrap().contains("Edited"));
    child.kill().unwrap();
    let _ = child.wait();
}

/// The CI workflow `ladder init` writes installs this tool and nothing else: from where
/// `--install-from` says (pinned), never the unrelated `ladder` crate; without it the install
/// step fails saying how to set it. Its YAML parses, every step is an action or a script, and
/// its scripts run in order in the new project (the install step finding the tool in the
/// runner's cache, as a second run does; compiling it would take minutes).
#[test]
fn the_generated_workflow_installs_this_tool_and_its_steps_run() {
    let folder = tempfile::tempdir().unwrap();
    let workflow_of = |project: &std::path::Path| {
        std::fs::read_to_string(project.join(".github/workflows/ladder.yml")).unwrap()
    };
    // Refused: another crate, an unpinned git address.
    for source in ["ladder", "ladder@0.1.2", "https://github.com/acme/ladder"] {
        let output = ladder_in(folder.path())
            .args(["init", "refused", "--install-from", source])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1), "{source}");
        let text = String::from_utf8_lossy(&output.stderr);
        assert!(text.contains("--install-from"), "{source}: {text}");
    }
    // Without a source: a step that fails, saying how to set it.
    let unset = folder.path().join("unset");
    let output = ladder_in(folder.path())
        .args(["init", "unset"])
        .output()
        .unwrap();
    assert!(output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("--install-from"));
    let workflow = workflow_of(&unset);
    assert!(
        !workflow.contains("cargo install --locked ladder"),
        "{workflow}"
    );
    assert!(workflow.contains("exit 1") && workflow.contains("--install-from"));
    // Pinned sources.
    for (source, wanted) in [
        (
            "https://github.com/acme/ladder@3f2c1e0",
            "cargo install --locked --git 'https://github.com/acme/ladder' --rev '3f2c1e0' job-ladder",
        ),
        (
            "git@github.com:acme/ladder.git@v1.2.0",
            "cargo install --locked --git 'git@github.com:acme/ladder.git' --tag 'v1.2.0' job-ladder",
        ),
        ("job-ladder@0.3.1", "cargo install --locked job-ladder --version '0.3.1'"),
    ] {
        let name = format!("p{}", wanted.len());
        let output = ladder_in(folder.path())
            .args(["init", &name, "--install-from", source])
            .output()
            .unwrap();
        assert!(output.status.success(), "{source}");
        assert!(workflow_of(&folder.path().join(&name)).contains(wanted), "{source}");
    }

    // From a local folder of the source: the workflow parsed and its steps run.
    let project = folder.path().join("careers");
    let output = ladder_in(folder.path())
        .args(["init", "careers", "--install-from"])
        .arg(repo(""))
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let workflow: serde_yaml::Value = serde_yaml::from_str(&workflow_of(&project)).unwrap();
    assert!(
        workflow["on"]["pull_request"].is_null() || workflow["on"]["pull_request"].is_mapping()
    );
    let steps = workflow["jobs"]["ladder"]["steps"].as_sequence().unwrap();
    let runs: Vec<&str> = steps
        .iter()
        .map(|step| {
            let (uses, run) = (step["uses"].as_str(), step["run"].as_str());
            assert!(
                uses.is_some() != run.is_some(),
                "a step is an action or a script: {step:?}"
            );
            if let Some(action) = uses {
                assert!(
                    action.contains("@v"),
                    "actions are pinned to a version: {action}"
                );
            }
            run.unwrap_or_default()
        })
        .filter(|run| !run.is_empty())
        .collect();
    let install = runs
        .iter()
        .find(|run| run.contains("cargo install"))
        .unwrap();
    let source = repo("").canonicalize().unwrap();
    assert!(
        install.contains(&format!("--path '{}'", source.display())),
        "{install}"
    );
    // The runner: a home whose cargo bin holds the tool, as the cache restores it.
    let home = folder.path().join("home");
    std::fs::create_dir_all(home.join(".cargo/bin")).unwrap();
    std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_ladder"), home.join(".cargo/bin/ladder"))
        .unwrap();
    let path = format!(
        "{}:{}",
        home.join(".cargo/bin").display(),
        std::env::var("PATH").unwrap_or_default()
    );
    for run in runs {
        let output = Command::new("bash")
            .args(["-e", "-c", run])
            .current_dir(&project)
            .env("HOME", &home)
            .env("PATH", &path)
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{run}: {}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
    }
    assert!(project.join("out/example/example.pdf").is_file());
}
