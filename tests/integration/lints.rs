//! Each lint fires on the fixture made for it, stays quiet on the others, and can be switched
//! off per ladder.

use std::path::{Path, PathBuf};

use ladder::lint::LINTS;
use ladder::{Diagnostic, Workspace};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/lints")
        .join(format!("{name}.yaml"))
}

fn lints_of(path: &Path) -> Vec<Diagnostic> {
    let workspace = Workspace::load(&[path.to_path_buf()]);
    assert_eq!(
        workspace.error_count(),
        0,
        "{}",
        workspace.render_diagnostics()
    );
    let names: Vec<&str> = LINTS.iter().map(|(name, _)| *name).collect();
    workspace
        .diagnostics
        .into_iter()
        .filter(|d| names.contains(&d.code))
        .collect()
}

#[test]
fn each_lint_fires_on_its_fixture_and_only_there() {
    for (name, _) in LINTS {
        for (other, _) in LINTS {
            let found = lints_of(&fixture(other));
            let fired = found.iter().filter(|d| d.code == *name).count();
            if name == other {
                assert!(fired > 0, "`{name}` did not fire on its fixture");
            } else {
                assert_eq!(
                    fired, 0,
                    "`{name}` fired on the `{other}` fixture: {found:#?}"
                );
            }
        }
    }
}

#[test]
fn lints_name_the_place_and_the_way_out() {
    let found = lints_of(&fixture("repeated-expectation"));
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].position, Some((17, 40)));
    assert!(found[0].message.contains("`ic-2` repeats one of `ic-1`"));
    assert!(found[0].hint.as_deref().unwrap().contains("allow_lints"));

    let found = lints_of(&fixture("missing-area"));
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0]
        .message
        .contains("`ic-2` expects nothing in `Communication`, which ic-1 and ic-3 both cover"));

    let found = lints_of(&fixture("gendered-wording"));
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(
        found[0].message.contains("`he`")
            && found[0].message.contains("`guys`")
            && found[0].message.contains("`his`")
    );
    assert!(found[1].message.contains("`manpower`"));
}

#[test]
fn allow_lints_switches_a_lint_off_and_unknown_names_are_reported() {
    let folder = tempfile::tempdir().unwrap();
    for (name, _) in LINTS {
        let text = std::fs::read_to_string(fixture(name)).unwrap();
        let allowed = text.replacen("\ntitle:", &format!("\nallow_lints: [{name}]\ntitle:"), 1);
        let path = folder.path().join(format!("{name}.yaml"));
        std::fs::write(&path, allowed).unwrap();
        assert!(
            lints_of(&path).is_empty(),
            "`{name}` still fires when allowed"
        );
    }
    let path = folder.path().join("typo.yaml");
    let text = std::fs::read_to_string(fixture("uneven-jump")).unwrap();
    std::fs::write(
        &path,
        text.replacen("\ntitle:", "\nallow_lints: [uneven-jumps]\ntitle:", 1),
    )
    .unwrap();
    let workspace = Workspace::load(&[path]);
    let unknown = workspace
        .diagnostics
        .iter()
        .find(|d| d.code == "unknown-lint")
        .unwrap();
    assert_eq!(unknown.hint.as_deref(), Some("did you mean `uneven-jump`?"));
}

#[test]
fn the_shipped_ladders_get_the_lints_they_deserve() {
    let workspace = Workspace::load(&[Path::new(env!("CARGO_MANIFEST_DIR")).join("ladders")]);
    let codes: Vec<(&str, String)> = workspace
        .diagnostics
        .iter()
        .map(|d| (d.code, d.message.clone()))
        .collect();
    // The later Persado SRE level 5 has only two groups of bullets.
    assert!(codes
        .iter()
        .any(|(code, message)| *code == "missing-area" && message.contains("`sre-5`")));
    // Roles stand side by side: no gaps reported between them.
    assert!(!codes
        .iter()
        .any(|(_, message)| message.contains("`lead`") || message.contains("`architect`")));
    assert!(!codes.iter().any(|(code, _)| *code == "gendered-wording"));
}

#[test]
fn a_local_image_or_link_that_is_not_beside_the_ladder_is_reported_at_its_line() {
    let found = lints_of(&fixture("missing-file"));
    let mut messages: Vec<(String, Option<(usize, usize)>)> = found
        .iter()
        .map(|d| (d.message.clone(), d.position))
        .collect();
    messages.sort();
    assert_eq!(messages.len(), 2, "{found:#?}");
    assert!(messages[0]
        .0
        .starts_with("`career-pathways.drawio.png` is linked here"));
    // In a section's prose: at the line of its `body:` (the image is two lines into it).
    assert_eq!(messages[0].1.map(|(line, _)| line), Some(24));
    assert!(messages[1]
        .0
        .starts_with("`guides/review.md` is linked here"));
    assert_eq!(messages[1].1.map(|(line, _)| line), Some(15));
    assert!(found
        .iter()
        .all(|d| d.hint.as_deref().unwrap().contains("allow_lints")));
}
