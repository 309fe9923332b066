//! Nothing a ladder file can hold brings the tool down: the inputs that once panicked, hung,
//! blew up or left debris, each with the exact shape that was reported.

use crate::common::*;

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use ladder::build::{self, BuildOptions, Outcome, Silent};
use ladder::export::{ArtifactSpec, Exporter, Input, OutputFile, Registry, Stamp};

fn ladder_binary() -> Command {
    Command::new(env!("CARGO_BIN_EXE_ladder"))
}

/// A folder holding the given YAML files (name, text).
fn ladders_with(files: &[(&str, String)]) -> tempfile::TempDir {
    let folder = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(folder.path().join(name), text).unwrap();
    }
    folder
}

fn one_level_ladder(title: &str, bullet: &str) -> String {
    format!(
        "title: {title}\nareas:\n  - id: craft\n    name: Craft\ntracks:\n  - id: t\n    name: T\n    kind: ic\n    levels:\n      - id: long-one\n        title: Long One\n        expectations:\n          craft:\n            - \"{bullet}\"\n"
    )
}

#[test]
fn a_40000_letter_bullet_fails_only_its_own_documents_and_names_its_level() {
    let source = ladders_with(&[("long.yaml", one_level_ladder("Long", &"é".repeat(40_000)))]);
    std::fs::copy(
        repo("ladders/titles-and-roles.yaml"),
        source.path().join("titles-and-roles.yaml"),
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    let output = ladder_binary()
        .args(["build", "--format", "pdf", "--out"])
        .arg(out.path())
        .arg(source.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("long-one"), "{stderr}");
    // The good ladder next to it is whole, and the manifest records it.
    assert!(out
        .path()
        .join("titles-and-roles/titles-and-roles.pdf")
        .is_file());
    let manifest = std::fs::read_to_string(out.path().join("manifest.json")).unwrap();
    assert!(manifest.contains("titles-and-roles/booklet"), "{manifest}");
    assert!(
        stderr.contains("built,"),
        "the summary is printed: {stderr}"
    );
}

#[test]
fn aliases_cannot_amplify_a_small_file_into_gigabytes() {
    // 100 levels of 100 bullets, anchored once and reused by 60 tracks: a 21 KB file that
    // expands to 600,000 bullets.
    let mut yaml = String::from("title: Amplified\nx-levels: &levels\n");
    for level in 0..100 {
        yaml.push_str(&format!(
            "  - id: l{level}\n    title: L{level}\n    expectations:\n      a: &b{level}\n"
        ));
        for bullet in 0..100 {
            yaml.push_str(&format!("        - bullet {bullet}\n"));
        }
    }
    yaml.push_str("tracks:\n");
    for track in 0..60 {
        yaml.push_str(&format!(
            "  - {{id: t{track}, name: T{track}, kind: ic, levels: *levels}}\n"
        ));
    }
    let folder = ladders_with(&[("amplified.yaml", yaml)]);
    let started = Instant::now();
    let output = ladder_binary()
        .arg("check")
        .arg(folder.path().join("amplified.yaml"))
        .output()
        .unwrap();
    let elapsed = started.elapsed();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(elapsed < Duration::from_secs(5), "took {elapsed:?}");
    assert!(stderr.contains("aliases"), "{stderr}");
    assert!(stderr.len() < 10_000, "a short message, not a flood");
}

#[test]
fn tables_nested_thirty_deep_import_in_linear_time() {
    let html = format!(
        "<html><body><h1>Deep</h1>{}x</body></html>",
        "<table><tr><td>".repeat(30)
    );
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("deep.html");
    std::fs::write(&file, html).unwrap();
    let started = Instant::now();
    let _ = ladder::inputs::import_file(&file);
    assert!(
        started.elapsed() < Duration::from_secs(1),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn outputs_get_the_normal_mode_for_new_files() {
    let out = tempfile::tempdir().unwrap();
    let workspace = ladder::Workspace::load(&[repo("ladders/packback.yaml")]);
    let options = BuildOptions {
        out_dir: out.path().to_path_buf(),
        formats: vec![String::from("md")],
        ..BuildOptions::default()
    };
    build::build(&workspace.ladders, &options, &Silent).unwrap();
    // A file created the ordinary way in the same folder has the mode the umask allows.
    let probe = out.path().join("probe");
    std::fs::write(&probe, "").unwrap();
    let expected = std::fs::metadata(&probe).unwrap().permissions().mode() & 0o777;
    let readme = out.path().join("packback/handbook/README.md");
    let mode = std::fs::metadata(readme).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, expected);
}

#[test]
fn a_build_removes_the_temporary_files_an_interrupted_build_left() {
    let out = tempfile::tempdir().unwrap();
    let folder = out.path().join("packback");
    std::fs::create_dir_all(&folder).unwrap();
    let stale = folder.join(".ladder-AbCdEf.tmp");
    std::fs::write(&stale, "half a workbook").unwrap();
    let stale_folder = folder.join(".ladder-GhIjKl.tmp");
    std::fs::create_dir_all(stale_folder.join("nested")).unwrap();
    let workspace = ladder::Workspace::load(&[repo("ladders/packback.yaml")]);
    let options = BuildOptions {
        out_dir: out.path().to_path_buf(),
        formats: vec![String::from("xlsx")],
        ..BuildOptions::default()
    };
    build::build(&workspace.ladders, &options, &Silent).unwrap();
    assert!(!stale.exists());
    assert!(!stale_folder.exists());
}

/// A handbook-like exporter whose third file cannot be written (a NUL in its name).
struct BreaksMidway {
    broken: bool,
}

impl Exporter for BreaksMidway {
    fn name(&self) -> &'static str {
        "broken"
    }

    fn artifacts(&self, _ladder: &ladder::Ladder) -> Vec<ArtifactSpec> {
        vec![ArtifactSpec::new("pages").in_folder("pages").whole()]
    }

    fn fingerprint(&self, _artifact: &ArtifactSpec) -> String {
        self.broken.to_string()
    }

    fn make(
        &self,
        _input: Input,
        _artifact: &ArtifactSpec,
        _stamp: &Stamp,
    ) -> anyhow::Result<Vec<OutputFile>> {
        let third = if self.broken { "c\0.md" } else { "c.md" };
        Ok(["a.md", "b.md", third]
            .iter()
            .map(|name| OutputFile {
                path: PathBuf::from(name),
                bytes: format!("{name} broken={}", self.broken).into_bytes(),
            })
            .collect())
    }
}

fn files_in(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .map(|entries| {
            entries
                .flatten()
                .map(|entry| entry.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn a_folder_artifact_appears_whole_or_not_at_all() {
    let workspace = ladder::Workspace::load(&[repo("ladders/packback.yaml")]);
    let out = tempfile::tempdir().unwrap();
    let options = BuildOptions {
        out_dir: out.path().to_path_buf(),
        ..BuildOptions::default()
    };
    let pages = out.path().join("packback/pages");
    // A failed first build leaves nothing, not two of three files.
    let broken = Registry::empty().with(BreaksMidway { broken: true });
    let report = build::build_with(&workspace.ladders, &broken, &options, &Silent).unwrap();
    assert!(matches!(report.artifacts[0].outcome, Outcome::Failed(_)));
    assert!(!pages.exists(), "{:?}", files_in(&pages));
    // A good build, then a failed one: the good files stay, all three.
    let good = Registry::empty().with(BreaksMidway { broken: false });
    build::build_with(&workspace.ladders, &good, &options, &Silent).unwrap();
    build::build_with(&workspace.ladders, &broken, &options, &Silent).unwrap();
    assert_eq!(files_in(&pages), ["a.md", "b.md", "c.md"]);
    let text = std::fs::read_to_string(pages.join("a.md")).unwrap();
    assert!(text.contains("broken=false"));
    // Nothing temporary is left beside it.
    assert_eq!(files_in(&out.path().join("packback")), ["pages"]);
}

#[test]
fn an_unwritable_output_folder_says_why_once_and_still_summarizes() {
    let out = tempfile::tempdir().unwrap();
    // A file where the ladder's folder would go: every artifact of that ladder fails.
    std::fs::write(out.path().join("packback"), "in the way").unwrap();
    let output = ladder_binary()
        .args(["build", "--format", "md,xlsx", "--out"])
        .arg(out.path())
        .arg(repo("ladders/packback.yaml"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("packback"), "{stderr}");
    assert!(stderr.contains("0 built"), "the summary: {stderr}");
}

#[test]
fn control_bytes_in_a_ladder_are_printed_escaped() {
    let folder = ladders_with(&[(
        "odd.yaml",
        String::from("title: Odd\ntracks:\n  - id: \"a\\u001b[2Jb\"\n    name: T\n    kind: ic\n    levels: []\n"),
    )]);
    let output = ladder_binary()
        .arg("check")
        .arg(folder.path().join("odd.yaml"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains('\u{1b}'), "raw escape in: {stderr:?}");
    assert!(stderr.contains("\\u{1b}"), "{stderr}");
}

#[test]
fn dollar_signs_stay_text_in_the_handbook() {
    let folder = ladders_with(&[(
        "math.yaml",
        one_level_ladder("Math", "Knows that $x^2$ costs $5 and ~~not~~ more"),
    )]);
    let ladder = load(folder.path().join("math.yaml"));
    let files = ladder::export::markdown::handbook(&view(&ladder), &stamp()).unwrap();
    let chapter = files
        .iter()
        .find(|file| file.path == Path::new("t.md"))
        .unwrap();
    let text = String::from_utf8(chapter.bytes.clone()).unwrap();
    // Read back as GitHub does (with math), the bullet is text, not math.
    let arena = comrak::Arena::new();
    let mut options = ladder::export::markdown::options();
    options.extension.math_dollars = true;
    let root = comrak::parse_document(&arena, &text, &options);
    let mut math = 0;
    let mut plain = String::new();
    for node in root.descendants() {
        match &node.data().value {
            comrak::nodes::NodeValue::Math(_) => math += 1,
            comrak::nodes::NodeValue::Text(text) => plain.push_str(text),
            _ => {}
        }
    }
    assert_eq!(math, 0, "{text}");
    assert!(plain.contains("$x^2$ costs $5"), "{plain}");
}

#[test]
fn a_5000_letter_word_wraps_inside_the_page() {
    let folder = ladders_with(&[("wide.yaml", one_level_ladder("Wide", &"w".repeat(5_000)))]);
    let ladder = load(folder.path().join("wide.yaml"));
    let pdf = crate::pdf::context()
        .booklet(&view(&ladder), &stamp())
        .unwrap();
    let document = lopdf::Document::load_mem(&pdf).unwrap();
    let file = folder.path().join("wide.pdf");
    std::fs::write(&file, &pdf).unwrap();
    // poppler's word boxes: every word ends inside the page's right margin.
    let output = Command::new("pdftotext")
        .args(["-bbox"])
        .arg(&file)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    let html = String::from_utf8_lossy(&output.stdout);
    let page_width: f64 = attribute(&html, "page", "width").unwrap();
    let mut words = 0;
    for word in html.split("<word ").skip(1) {
        let x_max: f64 = word
            .split("xMax=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .and_then(|value| value.parse().ok())
            .unwrap();
        assert!(
            x_max <= page_width - 40.0,
            "a word ends at {x_max} of {page_width}"
        );
        words += 1;
    }
    assert!(words > 0);
    assert!(document.get_pages().len() > 1);
}

fn attribute(html: &str, tag: &str, name: &str) -> Option<f64> {
    let start = html.find(&format!("<{tag} "))?;
    let rest = &html[start..];
    let value = rest
        .split(&format!("{name}=\""))
        .nth(1)?
        .split('"')
        .next()?;
    value.parse().ok()
}

/// Stops the build (as a kill would) once this many artifacts have finished.
struct StopAfter(usize, std::sync::atomic::AtomicUsize);

impl build::Progress for StopAfter {
    fn finished(&self, _report: &build::ArtifactReport) {
        let done = self.1.fetch_add(1, std::sync::atomic::Ordering::SeqCst) + 1;
        if done == self.0 {
            panic!("stopped after {done} artifacts");
        }
    }
}

#[test]
fn a_build_stopped_in_its_middle_resumes_where_it_stopped() {
    let ladders = tempfile::tempdir().unwrap();
    let source = std::fs::read_to_string(repo("ladders/titles-and-roles.yaml")).unwrap();
    for index in 0..300 {
        std::fs::write(ladders.path().join(format!("l{index:03}.yaml")), &source).unwrap();
    }
    let workspace = ladder::Workspace::load(&[ladders.path().to_path_buf()]);
    assert_eq!(workspace.ladders.len(), 300);
    let out = tempfile::tempdir().unwrap();
    let options = BuildOptions {
        out_dir: out.path().to_path_buf(),
        formats: vec![String::from("md")],
        jobs: Some(1),
        ..BuildOptions::default()
    };
    let stopped = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        build::build(
            &workspace.ladders,
            &options,
            &StopAfter(200, Default::default()),
        )
    }));
    assert!(stopped.is_err(), "the build was not stopped");
    // The first batch (128 artifacts) is recorded though the build never reached its end.
    let recorded = build::Manifest::read(out.path()).artifacts.len();
    assert!((128..300).contains(&recorded), "{recorded} recorded");
    let resumed = build::build(&workspace.ladders, &options, &Silent).unwrap();
    assert_eq!(resumed.up_to_date(), recorded);
    assert_eq!(resumed.built(), 300 - recorded);
}
