//! Helpers shared by the integration tests: where the repository is, and loading ladders that
//! must load without errors.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use ladder::export::Stamp;
use ladder::labels::Dictionaries;
use ladder::view::LadderView;
use ladder::{Ladder, Workspace};

pub(crate) fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// Every ladder at `path` (a file or a folder), which must load without errors.
pub(crate) fn load_all(path: impl AsRef<Path>) -> Vec<Ladder> {
    let workspace = Workspace::load(&[path.as_ref().to_path_buf()]);
    assert_eq!(
        workspace.error_count(),
        0,
        "{}",
        workspace.render_diagnostics()
    );
    workspace
        .ladders
        .into_iter()
        .map(|loaded| loaded.ladder)
        .collect()
}

/// The ladder at `path`, which must load without errors.
pub(crate) fn load(path: impl AsRef<Path>) -> Ladder {
    load_all(path).into_iter().next().expect("a ladder")
}

/// A ladder shipped in `ladders/`.
pub(crate) fn shipped(name: &str) -> Ladder {
    load(repo("ladders").join(name))
}

/// The five shipped ladders.
pub(crate) fn all_shipped() -> Vec<Ladder> {
    let ladders = load_all(repo("ladders"));
    assert_eq!(ladders.len(), 5);
    ladders
}

pub(crate) fn stamp() -> Stamp {
    Stamp::new("00112233445566778899aabbccddeeff")
}

/// What readers see of a ladder, with the built-in labels of its language.
pub(crate) fn view(ladder: &Ladder) -> LadderView {
    let (labels, _) = Dictionaries::built_in().labels(ladder.language());
    LadderView::new(ladder, labels)
}

/// The workbook `ladder build` writes for a ladder with no roster (the tests' stamp).
pub(crate) fn workbook_of(ladder: &Ladder, view: &LadderView) -> anyhow::Result<Vec<u8>> {
    ladder::export::xlsx::workbook(
        ladder::export::Input { ladder, view },
        &ladder::export::xlsx::WorkbookOptions {
            roster: None,
            filled: None,
            stamp: &stamp(),
        },
    )
}

/// The text a Markdown reader shows of an expectation: its words, without the links' targets
/// (which a rendered handbook keeps in the links).
pub(crate) fn shown(text: &str) -> String {
    fn walk(inlines: &[ladder::markup::Inline], out: &mut String) {
        use ladder::markup::Inline;
        for inline in inlines {
            match inline {
                Inline::Text { text } | Inline::Code { text } => out.push_str(text),
                Inline::Emph { children }
                | Inline::Strong { children }
                | Inline::Strike { children }
                | Inline::Link { children, .. } => walk(children, out),
                Inline::Image { alt, .. } => out.push_str(alt),
                Inline::Break => {}
            }
        }
    }
    let mut out = String::new();
    walk(&ladder::markup::inline(text), &mut out);
    out.chars().filter(|c| !c.is_whitespace()).collect()
}

/// A generated ladder as a user would have it: written as a YAML source in `folder` and
/// loaded from there, which must succeed without errors.
pub(crate) fn load_generated(ladder: &Ladder, folder: &Path) -> Ladder {
    let path = folder.join("generated.yaml");
    std::fs::write(&path, serde_yaml::to_string(ladder).unwrap()).unwrap();
    load(path)
}
