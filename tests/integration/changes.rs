//! Level comparison and `ladder diff`, on the seeds and on edited copies of them.

use crate::common::*;

use std::collections::BTreeSet;
use std::process::Command;

use ladder::compare::compare;
use ladder::diff::{diff, Change};

fn set<'a, T: AsRef<str> + 'a>(items: impl IntoIterator<Item = &'a T>) -> BTreeSet<&'a str> {
    items.into_iter().map(AsRef::as_ref).collect()
}

#[test]
fn comparing_two_persado_levels_lists_exactly_what_differs() {
    let ladder = load(repo("ladders/persado-2019.yaml"));
    for (from, to) in [("se-1", "se-2"), ("sre-3", "sre-4"), ("m-2", "m-3")] {
        let (a, b) = (ladder.level(from).unwrap(), ladder.level(to).unwrap());
        let comparison = compare(&ladder, a, b);
        for area in &comparison.areas {
            let before = set(a.expectations.get(&area.area_id).into_iter().flatten());
            let after = set(b.expectations.get(&area.area_id).into_iter().flatten());
            let only_after: BTreeSet<&str> = after.difference(&before).copied().collect();
            let only_before: BTreeSet<&str> = before.difference(&after).copied().collect();
            let both: BTreeSet<&str> = before.intersection(&after).copied().collect();
            assert_eq!(set(&area.unchanged), both, "{from}/{to} {}", area.area_id);
            let new_side = set(area
                .added
                .iter()
                .chain(area.reworded.iter().map(|(_, new)| new)));
            let old_side = set(area
                .removed
                .iter()
                .chain(area.reworded.iter().map(|(old, _)| old)));
            assert_eq!(new_side, only_after, "{from}/{to} {}", area.area_id);
            assert_eq!(old_side, only_before, "{from}/{to} {}", area.area_id);
        }
    }
    // sre-4 repeats three bullets of sre-3 word for word.
    let comparison = compare(
        &ladder,
        ladder.level("sre-3").unwrap(),
        ladder.level("sre-4").unwrap(),
    );
    assert_eq!(comparison.counts().0, 3);
}

#[test]
fn in_a_cumulative_ladder_nothing_below_is_dropped() {
    let ladder = load(repo("ladders/titles-and-roles.yaml"));
    let from = ladder.level("software-engineer").unwrap();
    let to = ladder.level("senior-software-engineer").unwrap();
    let comparison = compare(&ladder, from, to);
    let (unchanged, _, added, removed) = comparison.counts();
    assert_eq!((unchanged, added, removed), (4, 4, 0));
}

#[test]
fn the_compare_command_shows_both_sides() {
    let output = Command::new(env!("CARGO_BIN_EXE_ladder"))
        .args(["compare", "persado-2019", "sre-3", "--width", "120"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        text.starts_with("Senior Reliability Engineer I → Senior Reliability Engineer II"),
        "{text}"
    );
    assert!(text.contains("== Role Highlights =="));
    assert_eq!(
        text.lines().filter(|line| line.starts_with("= ")).count(),
        3,
        "{text}"
    );
}

/// A copy of a ladder with one bullet reworded, one moved to another level and one level renamed.
fn edited(text: &str) -> String {
    let text = text.replacen(
        "- You write clean and readable code.",
        "- You write clean, readable and tested code.",
        1,
    );
    // Move "You give higher-level status updates." from se-2 to se-3's role highlights.
    let moved = "      - You give higher-level status updates.\n";
    assert!(text.contains(moved));
    let text = text.replacen(moved, "", 1);
    let anchor = "      role-highlights:\n      - Your work extends to many parts";
    assert!(text.contains(anchor));
    let text = text.replacen(
        anchor,
        &format!("      role-highlights:\n{moved}      - Your work extends to many parts"),
        1,
    );
    text.replacen(
        "title: Staff Software Engineer",
        "title: Principal Software Engineer",
        1,
    )
}

#[test]
fn diff_reports_exactly_a_rewording_a_move_and_a_rename() {
    let original = std::fs::read_to_string(repo("ladders/persado-2018.yaml")).unwrap();
    let folder = tempfile::tempdir().unwrap();
    let new_path = folder.path().join("persado-2018.yaml");
    std::fs::write(&new_path, edited(&original)).unwrap();
    let old = load(repo("ladders/persado-2018.yaml"));
    let new = load(&new_path);
    let changelog = diff(&old, &new, "old", "new");
    assert_eq!(changelog.changes.len(), 3, "{:#?}", changelog.changes);
    assert!(changelog.changes.iter().any(|change| matches!(change,
        Change::ExpectationReworded { old, new, .. }
            if old == "You write clean and readable code." && new == "You write clean, readable and tested code.")));
    assert!(changelog.changes.iter().any(|change| matches!(change,
        Change::ExpectationMoved { from, to, text }
            if from.level == "se-2" && to.level == "se-3" && text == "You give higher-level status updates.")));
    assert!(changelog.changes.iter().any(|change| matches!(change,
        Change::LevelRenamed { level, new, .. } if level == "se-4" && new == "Principal Software Engineer")));

    let markdown = ladder::diff::to_markdown(&changelog).unwrap();
    assert!(
        markdown
            .contains("**Level renamed:** Staff Software Engineer → Principal Software Engineer"),
        "{markdown}"
    );
    assert!(markdown.contains("~~and~~"), "{markdown}");
    assert!(markdown.contains("**tested**"), "{markdown}");
}

#[test]
fn diff_reads_a_file_at_a_git_revision() {
    let folder = tempfile::tempdir().unwrap();
    let git = |args: &[&str]| {
        let status = Command::new("git")
            .args(["-c", "user.name=t", "-c", "user.email=t@example.com"])
            .args(args)
            .current_dir(folder.path())
            .status()
            .unwrap();
        assert!(status.success(), "git {args:?}");
    };
    let original = std::fs::read_to_string(repo("ladders/persado-2018.yaml")).unwrap();
    let file = folder.path().join("ladder.yaml");
    git(&["init", "-q"]);
    std::fs::write(&file, &original).unwrap();
    git(&["add", "ladder.yaml"]);
    git(&["commit", "-q", "-m", "first"]);
    std::fs::write(&file, edited(&original)).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_ladder"))
        .args(["diff", "--format", "json"])
        .arg(format!("{}@HEAD", file.display()))
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let kinds: BTreeSet<&str> = json["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|change| change["change"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        BTreeSet::from(["expectation-moved", "expectation-reworded", "level-renamed"])
    );
}
