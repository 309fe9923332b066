//! Importing ladders written as documents (Markdown, HTML, or Markdown with raw HTML tables)
//! into the model, so adopting `ladder` does not mean retyping a ladder.
//!
//! A document is first read into an [`outline::Block`] list; [`interpret`] then recognizes the
//! shapes published ladders use: headings for tracks, levels and areas; `**Area:** text`
//! paragraphs and `* **Area**: text` bullets; key lines (`**Management Equivalent**: ...`);
//! nested bullet lists of positions; tables with levels as rows (with groups of bullets) or as
//! columns; a summary table that aligns tracks by column; YAML front matter. Text it cannot
//! place is kept as prose and reported with its line.

pub mod front_matter;
pub mod interpret;
pub mod outline;

use std::path::Path;

use crate::diagnostic::Diagnostic;
use crate::model::Ladder;

/// Extensions read as documents to import.
pub const DOCUMENT_EXTENSIONS: &[&str] = &["md", "markdown", "txt", "html", "htm"];

/// A ladder read from a document, with warnings about what could not be placed.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The ladder, without an id unless the document's front matter gives one.
    pub ladder: Ladder,
    /// One warning per piece of text kept as prose because it could not be placed, with its
    /// line.
    pub warnings: Vec<Diagnostic>,
}

/// Whether `path` names a document to import rather than a YAML source, by its extension
/// (see [`DOCUMENT_EXTENSIONS`]).
pub fn is_document(path: &Path) -> bool {
    path.extension()
        .map(|extension| extension.to_string_lossy().to_ascii_lowercase())
        .is_some_and(|extension| DOCUMENT_EXTENSIONS.contains(&extension.as_str()))
}

fn looks_like_html(path: &Path, text: &str) -> bool {
    let extension = path
        .extension()
        .map(|extension| extension.to_string_lossy().to_ascii_lowercase());
    if matches!(extension.as_deref(), Some("html" | "htm")) {
        return true;
    }
    let start = text
        .trim_start()
        .get(..20)
        .unwrap_or("")
        .to_ascii_lowercase();
    start.starts_with("<!doctype html") || start.starts_with("<html")
}

/// Imports the document at `path` (already read as `text`). Linked files of a handbook
/// (`README.md` linking `track.md` files) are read from the same folder.
pub fn import_text(path: &Path, text: &str) -> Result<Imported, Vec<Diagnostic>> {
    if looks_like_html(path, text) {
        let (title, blocks) = outline::html_page(text);
        let mut interpreter = interpret::Interpreter::new(path);
        if let Some(title) = title {
            interpreter.set_default_title(&title);
        }
        interpreter.run(&blocks);
        return interpreter.finish();
    }
    let (front_matter, mut blocks) = outline::markdown(text);
    let mut interpreter = interpret::Interpreter::new(path);
    if let Some(front) = &front_matter {
        match front_matter::read(front) {
            front_matter::FrontMatter::WholeLadder(ladder) => {
                return Ok(Imported {
                    ladder: *ladder,
                    warnings: Vec::new(),
                })
            }
            front_matter::FrontMatter::Metadata(metadata) => interpreter.set_metadata(metadata),
            front_matter::FrontMatter::Invalid(message) => {
                return Err(vec![Diagnostic::error("bad-front-matter", message)
                    .in_file(path)
                    .at(Some((2, 1)))
                    .with_hint("front matter is YAML between two `---` lines")])
            }
        }
    }
    // A handbook's README links its track files: read them in, in order.
    let linked = interpret::linked_track_files(&blocks);
    let folder = path.parent().unwrap_or(Path::new("."));
    let readable: Vec<(String, String)> = linked
        .iter()
        .filter_map(|file| {
            Some((
                file.clone(),
                std::fs::read_to_string(folder.join(file)).ok()?,
            ))
        })
        .collect();
    if !readable.is_empty() && readable.len() == linked.len() {
        for (file, linked_text) in readable {
            let (_, linked_blocks) = outline::markdown(&linked_text);
            interpreter.add_file_blocks(&file, linked_blocks);
        }
        blocks.retain(|block| !interpret::is_track_file_list(block));
    }
    interpreter.run(&blocks);
    interpreter.finish()
}

/// Reads and imports a document file.
pub fn import_file(path: &Path) -> Result<Imported, Vec<Diagnostic>> {
    let source = crate::source::read_source(path).map_err(|diagnostic| vec![diagnostic])?;
    import_text(path, &source.text)
}

/// The YAML source of an imported ladder, ready for `ladders/`.
pub fn to_yaml(ladder: &Ladder) -> anyhow::Result<String> {
    let mut ladder = ladder.clone();
    ladder.id.clear();
    let body = serde_yaml::to_string(&ladder)?;
    Ok(format!(
        "# yaml-language-server: $schema=../schema/ladder.schema.json\n{body}"
    ))
}
