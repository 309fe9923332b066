//! Bad ladder files get one clear, located error each, never a panic or a hang, and the other
//! files of the run still load.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use ladder::{Diagnostic, Severity, Workspace};

/// A small valid ladder to break in one place at a time.
const VALID: &str = "\
title: Example Ladder
areas:
  - id: delivery
    name: Delivery
  - id: communication
    name: Communication
    aliases: [Talking]
grades:
  - id: \"1\"
    name: Band 1
  - id: \"2\"
    name: Band 2
tracks:
  - id: ic
    name: Individual Contributor
    kind: ic
    levels:
      - id: ic-1
        rank: 1
        title: Engineer
        grade: \"1\"
        expectations:
          delivery:
            - Ships small features.
          Talking:
            - Asks for help.
      - id: ic-2
        rank: 2
        title: Senior Engineer
        grade: \"2\"
        expectations:
          delivery:
            - Ships large features.
          communication:
            - Explains designs to the team.
  - id: mgr
    name: Manager
    kind: manager
    levels:
      - id: mgr-1
        title: Engineering Manager
        equivalents: [Senior Engineer]
        expectations:
          communication:
            - Runs one-on-ones.
";

struct Fixture {
    dir: tempfile::TempDir,
}

impl Fixture {
    fn new() -> Self {
        Self {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::write(&path, contents).unwrap();
        path
    }

    fn load(&self) -> Workspace {
        Workspace::load(&[self.dir.path().to_owned()])
    }
}

fn load_one(contents: &str) -> (Workspace, PathBuf) {
    let fixture = Fixture::new();
    let path = fixture.write("example.yaml", contents);
    let workspace = Workspace::load(std::slice::from_ref(&path));
    // Keep the folder alive until loading is done; the workspace holds the text it needs.
    drop(fixture);
    (workspace, path)
}

fn only_error(workspace: &Workspace) -> &Diagnostic {
    let errors: Vec<&Diagnostic> = workspace
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .collect();
    assert_eq!(errors.len(), 1, "expected one error, got {errors:#?}");
    errors[0]
}

fn with_error(code: &str, workspace: &Workspace) -> Vec<Diagnostic> {
    workspace
        .diagnostics
        .iter()
        .filter(|d| d.code == code)
        .cloned()
        .collect()
}

/// 1-based line on which the first occurrence of `needle` (which may span lines) starts.
fn line_of(text: &str, needle: &str) -> usize {
    let start = text
        .find(needle)
        .unwrap_or_else(|| panic!("`{needle}` not in the text"));
    text[..start].matches('\n').count() + 1
}

#[test]
fn the_valid_example_loads_cleanly() {
    let (workspace, _) = load_one(VALID);
    assert!(
        workspace.diagnostics.is_empty(),
        "{}",
        workspace.render_diagnostics()
    );
    let ladder = &workspace.ladders[0].ladder;
    assert_eq!(ladder.id, "example");
    // The alias key was normalized to the area's id.
    let level = ladder.level("ic-1").unwrap();
    assert_eq!(
        level.expectations.keys().collect::<Vec<_>>(),
        ["delivery", "communication"]
    );
}

#[test]
fn a_misspelled_field_is_named_with_its_line_and_a_suggestion() {
    let text = VALID.replace(
        "        title: Senior Engineer",
        "        titel: Senior Engineer",
    );
    let (workspace, path) = load_one(&text);
    let error = only_error(&workspace);
    assert!(
        error.message.contains("unknown field `titel`"),
        "{}",
        error.message
    );
    assert_eq!(error.hint.as_deref(), Some("did you mean `title`?"));
    assert_eq!(error.file.as_deref(), Some(path.as_path()));
    assert_eq!(error.position, Some((line_of(&text, "titel:"), 9)));
    let rendered = workspace.render_diagnostics();
    assert!(
        rendered.contains(&format!(
            "--> {}:{}:9",
            path.display(),
            line_of(&text, "titel:")
        )),
        "{rendered}"
    );
    assert!(rendered.contains("titel: Senior Engineer"), "{rendered}");
}

#[test]
fn a_misspelled_track_kind_lists_the_kinds() {
    let text = VALID.replace("kind: manager", "kind: managr");
    let (workspace, _) = load_one(&text);
    let error = only_error(&workspace);
    assert!(
        error.message.contains("unknown variant `managr`"),
        "{}",
        error.message
    );
    assert_eq!(error.hint.as_deref(), Some("did you mean `manager`?"));
    assert_eq!(error.position.unwrap().0, line_of(&text, "managr"));
}

#[test]
fn malformed_yaml_is_located() {
    let text = VALID.replace("    name: Delivery", "    name: \"Delivery");
    let (workspace, _) = load_one(&text);
    let error = only_error(&workspace);
    assert_eq!(error.code, "yaml");
    let (line, _) = error.position.expect("a position");
    assert!(
        line >= line_of(&text, "\"Delivery"),
        "line {line}: {}",
        error.message
    );
}

#[test]
fn a_wrong_type_is_named_with_its_line() {
    let text = VALID.replace("        rank: 2", "        rank: second");
    let (workspace, _) = load_one(&text);
    let error = only_error(&workspace);
    assert!(error.message.contains("invalid type"), "{}", error.message);
    assert!(error.message.contains("rank"), "{}", error.message);
    assert_eq!(error.position.unwrap().0, line_of(&text, "rank: second"));
}

#[test]
fn a_missing_required_field_is_named() {
    let text = VALID.replace("title: Example Ladder\n", "");
    let (workspace, _) = load_one(&text);
    let error = only_error(&workspace);
    assert!(
        error.message.contains("missing field `title`"),
        "{}",
        error.message
    );
}

#[test]
fn an_empty_file_is_refused_with_a_hint() {
    for text in ["", "\n\n", "# just a comment\n---\n"] {
        let (workspace, path) = load_one(text);
        let error = only_error(&workspace);
        assert_eq!(error.code, "empty");
        assert_eq!(error.file.as_deref(), Some(path.as_path()));
        assert!(error.hint.as_deref().unwrap().contains("title"));
    }
}

#[test]
fn text_that_is_not_utf8_is_located_at_the_first_bad_byte() {
    let fixture = Fixture::new();
    let mut bytes = b"title: Example\ntracks:\n  - id: caf".to_vec();
    bytes.push(0xE9); // "é" in Latin-1
    bytes.extend_from_slice(b"\n");
    let path = fixture.write("latin1.yaml", &bytes);
    let workspace = Workspace::load(&[path]);
    let error = only_error(&workspace);
    assert_eq!(error.code, "not-utf8");
    assert_eq!(error.position, Some((3, 12)));
    assert!(error.hint.as_deref().unwrap().contains("UTF-8"));
}

#[test]
fn utf16_is_recognized() {
    let fixture = Fixture::new();
    let mut bytes = vec![0xFF, 0xFE];
    for unit in "title: x".encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    let path = fixture.write("utf16.yaml", &bytes);
    let workspace = Workspace::load(&[path]);
    assert!(only_error(&workspace).message.contains("UTF-16"));
}

#[test]
fn a_yaml_alias_bomb_is_refused_quickly() {
    let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for level in 1..=9 {
        let previous = level - 1;
        text.push_str(&format!(
            "a{level}: &a{level} [*a{previous}, *a{previous}, *a{previous}, *a{previous}, *a{previous}, *a{previous}, *a{previous}, *a{previous}, *a{previous}, *a{previous}]\n"
        ));
    }
    text.push_str("title: *a9\ntracks: []\n");
    let started = Instant::now();
    let (workspace, _) = load_one(&text);
    assert!(started.elapsed() < Duration::from_secs(10));
    let error = only_error(&workspace);
    assert_eq!(error.code, "too-large-expanded");
    assert!(error.message.contains("aliases"), "{error:?}");
    assert!(error.hint.is_some(), "{error:?}");
}

#[test]
fn a_huge_file_is_refused_unread() {
    let fixture = Fixture::new();
    let line = "# padding padding padding padding padding padding padding padding padding\n";
    let path = fixture.write("huge.yaml", line.repeat(50 * 1024 * 1024 / line.len()));
    let started = Instant::now();
    let workspace = Workspace::load(&[path]);
    assert!(started.elapsed() < Duration::from_secs(10));
    assert_eq!(only_error(&workspace).code, "too-large");
}

#[test]
fn deep_nesting_is_refused_not_overflowed() {
    let text = format!(
        "title: {}x{}\ntracks: []\n",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let started = Instant::now();
    let (workspace, _) = load_one(&text);
    assert!(started.elapsed() < Duration::from_secs(10));
    let error = only_error(&workspace);
    assert_eq!(error.code, "too-deep");
    assert_eq!(error.position.map(|p| p.0), Some(1));
}

#[test]
fn a_duplicate_key_would_lose_data_and_is_an_error() {
    let text = VALID.replace(
        "          Talking:\n            - Asks for help.\n",
        "          Talking:\n            - Asks for help.\n          delivery:\n            - Again.\n",
    );
    let (workspace, _) = load_one(&text);
    let error = only_error(&workspace);
    assert_eq!(error.code, "duplicate-key");
    assert!(error.message.contains("`delivery`"));
    let second = text.match_indices("          delivery:").nth(1).unwrap().0;
    let line = text[..second].lines().count() + 1;
    assert_eq!(error.position, Some((line, 11)));
}

#[test]
fn every_semantic_problem_is_reported_in_one_run() {
    let text = VALID
        .replace("      - id: ic-2\n        rank: 2", "      - id: ic-1\n        rank: 1")
        .replace("        grade: \"2\"", "        grade: \"9\"")
        .replace("          communication:\n", "          comunication:\n")
        .replace(
            "        equivalents: [Senior Engineer]\n",
            "        equivalents: [Senior Engineer]\n        shares_expectations_with: ic-7\n        requires: nobody\n",
        )
        .replace("tracks:\n", "tracks:\n  - id: empty\n    name: Empty\n    kind: role\n    levels: []\n");
    let (workspace, _) = load_one(&text);
    let codes: Vec<&str> = workspace
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.code)
        .collect();
    for expected in [
        "empty-track",
        "duplicate-id",
        "rank-order",
        "unknown-grade",
        "unknown-area",
        "unknown-level",
        "shared-expectations",
    ] {
        assert!(codes.contains(&expected), "missing {expected} in {codes:?}");
    }
    assert!(workspace.ladders.is_empty());

    let located = |code: &str, needle: &str| {
        let found = with_error(code, &workspace);
        assert_eq!(
            found[0].position.unwrap().0,
            line_of(&text, needle),
            "{code}"
        );
    };
    located("empty-track", "levels: []");
    located("rank-order", "rank: 1\n        title: Senior");
    located("unknown-grade", "grade: \"9\"");
    located("unknown-area", "comunication:");
    located("unknown-level", "requires: nobody");
    located("shared-expectations", "shares_expectations_with: ic-7");

    let unknown_area = &with_error("unknown-area", &workspace)[0];
    assert_eq!(
        unknown_area.hint.as_deref(),
        Some("did you mean `communication`?")
    );
    let duplicate = &with_error("duplicate-id", &workspace)[0];
    assert!(
        duplicate.message.contains("`ic-1`"),
        "{}",
        duplicate.message
    );
}

#[test]
fn a_free_text_equivalent_is_a_warning_and_kept() {
    let text = VALID.replace(
        "equivalents: [Senior Engineer]",
        "equivalents: [Distinguished Engineer]",
    );
    let (workspace, _) = load_one(&text);
    assert_eq!(
        workspace.error_count(),
        0,
        "{}",
        workspace.render_diagnostics()
    );
    let warning = &with_error("unknown-equivalent", &workspace)[0];
    assert_eq!(warning.severity, Severity::Warning);
    assert!(warning.message.contains("Distinguished Engineer"));
    assert_eq!(
        warning.position.unwrap().0,
        line_of(&text, "Distinguished Engineer")
    );
    let level = workspace.ladders[0].ladder.level("mgr-1").unwrap();
    assert_eq!(level.equivalents, ["Distinguished Engineer"]);
}

#[test]
fn one_broken_file_does_not_stop_the_others() {
    let fixture = Fixture::new();
    fixture.write("good.yaml", VALID);
    fixture.write("broken.yaml", "title: [unclosed\n");
    fixture.write("notes.txt", "not a ladder, not read");
    let workspace = fixture.load();
    assert_eq!(workspace.ladders.len(), 1);
    assert_eq!(workspace.ladders[0].ladder.id, "good");
    assert_eq!(workspace.failed.len(), 1);
    assert!(workspace.failed[0].ends_with("broken.yaml"));
}

#[test]
fn two_files_with_one_id_clash() {
    let fixture = Fixture::new();
    fixture.write(
        "a.yaml",
        VALID.replace("title: Example Ladder", "id: same\ntitle: A"),
    );
    fixture.write(
        "b.yaml",
        VALID.replace("title: Example Ladder", "id: same\ntitle: B"),
    );
    let workspace = fixture.load();
    let clash = &with_error("duplicate-ladder-id", &workspace)[0];
    assert!(clash.file.as_deref().unwrap().ends_with("b.yaml"));
    assert_eq!(clash.position.map(|p| p.0), Some(1));
}

#[test]
fn an_unsafe_id_cannot_escape_the_output_folder() {
    let text = VALID.replace("      - id: ic-2", "      - id: ../../etc");
    let (workspace, _) = load_one(&text);
    let error = only_error(&workspace);
    assert_eq!(error.code, "bad-id");
    assert_eq!(error.position.unwrap().0, line_of(&text, "../../etc"));
}

#[test]
fn a_folder_without_ladders_and_a_missing_path_are_reported() {
    let fixture = Fixture::new();
    let workspace = fixture.load();
    assert_eq!(only_error(&workspace).code, "no-ladders");
    let workspace = Workspace::load(&[Path::new("no/such/place").to_owned()]);
    assert_eq!(only_error(&workspace).code, "unreadable");
}
