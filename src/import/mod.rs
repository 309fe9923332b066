//! Importing ladders kept elsewhere into the model, so adopting `ladder` does not mean
//! retyping a ladder: documents (Markdown, HTML, Word), spreadsheet matrices (`.xlsx`, `.ods`,
//! `.csv`) and other tools' data files (JSON or YAML, standalone or as front matter).
//!
//! Every kind is first read into one [`outline::Block`] list (a Word document's headings,
//! lists and tables; a sheet's table under its name), except data files, which [`data`] maps
//! onto the model directly. [`interpret`] then reads the outline every plausible way (which
//! heading depth holds the levels, which the areas; which axis of a table holds the levels)
//! and keeps the reading that places the most text in the most regular shape. Text it cannot
//! place is kept as prose and reported with its line (or `sheet!cell`). [`explain`] prints
//! what was found, for `ladder import --explain`.

pub mod asciidoc;
pub mod data;
pub mod docx;
pub mod explain;
pub mod front_matter;
pub mod interpret;
pub mod kept;
pub mod language;
pub mod latex;
pub mod module;
pub mod nesting;
pub mod outline;
pub mod php;
pub mod plain;
pub mod rst;
pub mod sheets;

use std::path::Path;

use crate::diagnostic::Diagnostic;
use crate::model::Ladder;

/// Extensions of text documents, which `ladder build` also reads directly.
/// (R Markdown and Quarto documents, `.Rmd` and `.qmd`, are Markdown with code chunks.)
pub const DOCUMENT_EXTENSIONS: &[&str] = &[
    "md", "markdown", "mkd", "mdown", "rmd", "qmd", "mdx", "rst", "adoc", "asciidoc", "txt",
    "html", "htm",
];

/// Every extension `ladder import` reads.
pub const IMPORT_EXTENSIONS: &[&str] = &[
    "md", "markdown", "mkd", "mdown", "rmd", "qmd", "mdx", "rst", "adoc", "asciidoc", "txt", "tex",
    "latex", "html", "htm", "docx", "xlsx", "xlsm", "xls", "ods", "csv", "tsv", "json", "yaml",
    "yml", "toml", "js", "mjs", "cjs", "ts", "php",
];

/// Extensions of a site's data modules, whose ladder is an object literal.
pub const MODULE_EXTENSIONS: &[&str] = &["js", "mjs", "cjs", "ts"];

/// How the user corrects the importer's reading of a document (`--levels h2 --areas h3`,
/// `--levels columns`, `--track Manager`, or the same keys in a mapping file).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportOptions {
    /// The heading depth that names levels (`h2` is 2).
    pub levels_depth: Option<u8>,
    /// The heading depth that names areas.
    pub areas_depth: Option<u8>,
    /// The heading depth that names tracks: `Some(None)` when no heading does.
    pub tracks_depth: Option<Option<u8>>,
    /// Which axis of a table (or sheet) holds the levels.
    pub levels_axis: Option<interpret::LevelAxis>,
    /// The name of the track when the document holds one (or of its first track).
    pub track: Option<String>,
    /// The whole document is one level, titled by the page's title.
    pub page: bool,
}

impl ImportOptions {
    /// Reads a mapping file: the same settings as the options, in YAML
    /// (`levels: h2`, `areas: h3`, `tracks: none`, `levels: columns`, `track: Manager`).
    pub fn from_mapping(path: &Path) -> Result<Self, Diagnostic> {
        let source = crate::source::read_source(path)?;
        let value = crate::load::yaml_value(path, &source.text)?;
        let mut options = ImportOptions::default();
        let Some(mapping) = value.as_mapping() else {
            return Ok(options);
        };
        for (key, value) in mapping {
            let key = key.as_str().unwrap_or_default();
            let value = match value {
                serde_yaml::Value::String(text) => text.clone(),
                serde_yaml::Value::Number(number) => number.to_string(),
                _ => String::new(),
            };
            let applied = match key {
                "levels" => options.set_levels(&value),
                "areas" => options.set_areas(&value),
                "tracks" => options.set_tracks(&value),
                "track" => {
                    options.track = Some(value.clone());
                    Ok(())
                }
                other => Err(format!(
                    "unknown setting `{other}`: the settings are levels, areas, tracks and track"
                )),
            };
            applied.map_err(|message| {
                Diagnostic::error("bad-mapping", message)
                    .in_file(path)
                    .with_hint("e.g. `levels: h2`, `areas: h3`, `tracks: none`, `track: Manager`")
            })?;
        }
        Ok(options)
    }

    /// `h2` (levels are second-level headings), `columns` or `rows` (of tables and sheets), or
    /// `page` (the document is one level).
    pub fn set_levels(&mut self, value: &str) -> Result<(), String> {
        match value.trim().to_ascii_lowercase().as_str() {
            "page" => self.page = true,
            "columns" => self.levels_axis = Some(interpret::LevelAxis::Columns),
            "rows" => self.levels_axis = Some(interpret::LevelAxis::Rows),
            other => self.levels_depth = Some(heading_depth(other)?),
        }
        Ok(())
    }

    /// `h3` (areas are third-level headings), `rows` or `columns` (of tables and sheets: the
    /// other axis holds the levels).
    pub fn set_areas(&mut self, value: &str) -> Result<(), String> {
        match value.trim().to_ascii_lowercase().as_str() {
            "rows" => self.levels_axis = Some(interpret::LevelAxis::Columns),
            "columns" => self.levels_axis = Some(interpret::LevelAxis::Rows),
            other => self.areas_depth = Some(heading_depth(other)?),
        }
        Ok(())
    }

    /// `h1` (tracks are first-level headings) or `none` (the document holds one track).
    pub fn set_tracks(&mut self, value: &str) -> Result<(), String> {
        match value.trim().to_ascii_lowercase().as_str() {
            "none" => self.tracks_depth = Some(None),
            other => self.tracks_depth = Some(Some(heading_depth(other)?)),
        }
        Ok(())
    }
}

/// `h2` or `2` as a heading depth.
fn heading_depth(text: &str) -> Result<u8, String> {
    text.trim_start_matches(['h', 'H'])
        .parse::<u8>()
        .ok()
        .filter(|depth| (1..=6).contains(depth))
        .ok_or_else(|| {
            format!("`{text}` is not a heading (h1 to h6), nor `rows`, `columns`, `page` or `none`")
        })
}

/// A ladder read from a document, with warnings about what could not be placed.
#[derive(Debug, Clone)]
pub struct Imported {
    /// Which heading depths held the tracks, levels and areas.
    pub reading: interpret::Reading,
    /// Why that reading: its score and the runner-up's (`None` when only one was tried).
    pub choice: Option<interpret::Choice>,
    /// The ladder, without an id unless the document's front matter gives one.
    pub ladder: Ladder,
    /// One warning per piece of text kept as prose because it could not be placed, with its
    /// line.
    pub warnings: Vec<Diagnostic>,
    /// Headings whose text the reading kept nowhere: a heading over areas that another heading
    /// already groups ("Reviewer" over "Responsibilities", read as a group of areas under one
    /// level). A reading that loses headings titled like levels read levels as areas.
    pub lost_headings: Vec<String>,
}

/// Whether `path` names a document to import rather than a YAML source, by its extension
/// (see [`DOCUMENT_EXTENSIONS`]).
pub fn is_document(path: &Path) -> bool {
    path.extension()
        .map(|extension| extension.to_string_lossy().to_ascii_lowercase())
        .is_some_and(|extension| DOCUMENT_EXTENSIONS.contains(&extension.as_str()))
}

/// A path's extension, lowercased.
fn extension_of(path: &Path) -> Option<String> {
    path.extension()
        .map(|extension| extension.to_string_lossy().to_ascii_lowercase())
}

fn looks_like_html(path: &Path, text: &str) -> bool {
    if matches!(extension_of(path).as_deref(), Some("html" | "htm")) {
        return true;
    }
    let start = text
        .trim_start()
        .get(..20)
        .unwrap_or("")
        .to_ascii_lowercase();
    start.starts_with("<!doctype html") || start.starts_with("<html")
}

/// Imports the document at `path` (already read as `text`) as its rules read it. Linked files
/// of a handbook (`README.md` linking `track.md` files) are read from the same folder.
pub fn import_text(path: &Path, text: &str) -> Result<Imported, Vec<Diagnostic>> {
    import_text_with(path, text, &ImportOptions::default())
}

/// [`import_text`], with the user's corrections to the reading.
pub fn import_text_with(
    path: &Path,
    text: &str,
    options: &ImportOptions,
) -> Result<Imported, Vec<Diagnostic>> {
    let mut interpreter = interpret::Interpreter::new(path);
    interpreter.set_options(options);
    // Raw HTML in Markdown goes through the same parser as a page.
    if let Some(line) = nesting::too_deep_at(text) {
        return Err(vec![Diagnostic::error(
            "too-deep",
            format!(
                "the HTML here nests more than {} elements deep, which no ladder page does",
                nesting::MAX_HTML_NESTING
            ),
        )
        .in_file(path)
        .at(Some((line, 1)))
        .with_hint("remove the nesting (save the page again from its editor), or import its text as Markdown")]);
    }
    // reStructuredText, AsciiDoc and MDX are read as the Markdown they are rewritten to, line
    // for line.
    let rewritten = match extension_of(path).as_deref() {
        Some("rst") => Some(rst::to_markdown(text)),
        Some("adoc" | "asciidoc") => Some(asciidoc::to_markdown(text)),
        Some("tex" | "latex") => Some(latex::to_markdown(text)),
        Some("mdx") => Some(rst::mdx_to_markdown(text)),
        // Plain text laid out for a terminal, unless it is Markdown already.
        Some("txt") => plain::to_markdown(text),
        // Docusaurus reads a `.md` page as MDX: one that imports a component is one.
        Some("md" | "markdown") if rst::imports_a_module(text) => Some(rst::mdx_to_markdown(text)),
        // A Hugo page's tabs (`{{% tab header="…" %}}`) are headings over what they hold.
        Some("md" | "markdown") if rst::has_tabs(text) => Some(rst::tabs_as_headings(text)),
        _ => None,
    };
    if matches!(extension_of(path).as_deref(), Some("adoc" | "asciidoc")) {
        if let Some(language) = asciidoc::language_attribute(text) {
            interpreter.set_metadata([("lang".to_owned(), language)].into());
        }
    }
    let text = rewritten.as_deref().unwrap_or(text);
    if looks_like_html(path, text) {
        let page = outline::html_page(text);
        match page.title {
            Some(title) if page.styled => interpreter.set_title(&title),
            Some(title) => interpreter.set_default_title(&title),
            None => {}
        }
        return finish(interpreter.read(&page.blocks), options);
    }
    let (front_matter, mut blocks) = outline::markdown(text);
    if let Some(front) = &front_matter {
        match front_matter::read(front) {
            front_matter::FrontMatter::WholeLadder(ladder) => {
                return Ok(Imported {
                    reading: interpret::Reading::default(),
                    choice: None,
                    ladder: *ladder,
                    warnings: Vec::new(),
                    lost_headings: Vec::new(),
                })
            }
            front_matter::FrontMatter::Metadata(metadata, value) => {
                // Another tool's ladder held as data in the front matter (Monzo's topics).
                if let Some(imported) = data::from_front_matter(path, value, body_of(text)) {
                    return finish(Ok(imported), options);
                }
                interpreter.set_metadata(metadata)
            }
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
    finish(interpreter.read(&blocks), options)
}

/// A Markdown document's text after its front matter.
fn body_of(text: &str) -> &str {
    let rest = text.trim_start_matches('\u{feff}');
    let Some(after) = rest.strip_prefix("---") else {
        return text;
    };
    after
        .find("\n---")
        .map(|end| {
            let tail = &after[end + 4..];
            tail.split_once('\n').map_or("", |(_, body)| body)
        })
        .unwrap_or(text)
}

/// Applies what the user said that holds whatever the reading (`--track NAME`).
fn finish(
    imported: Result<Imported, Vec<Diagnostic>>,
    options: &ImportOptions,
) -> Result<Imported, Vec<Diagnostic>> {
    let mut imported = imported?;
    if imported.ladder.language.is_none() {
        imported.ladder.language = language::detect(&imported.ladder);
    }
    if let (Some(name), Some(track)) = (&options.track, imported.ladder.tracks.first_mut()) {
        track.name = name.clone();
        track.id = crate::model::slug(name);
    }
    Ok(imported)
}

/// The code of the error that stands for a reader that panicked on a file: a bug of ours or of
/// a package's, to be mended (tests fail on it), never the file's fault alone.
pub const READER_FAILED: &str = "reader-failed";

/// Reads and imports a file of any kind `ladder import` reads (see [`IMPORT_EXTENSIONS`]).
pub fn import_file(path: &Path) -> Result<Imported, Vec<Diagnostic>> {
    import_file_with(path, &ImportOptions::default())
}

/// [`import_file`], with the user's corrections to the reading. A reader that fails on a
/// damaged file (a panic in a package or workbook reader) is that file's error, not the
/// process's end.
pub fn import_file_with(path: &Path, options: &ImportOptions) -> Result<Imported, Vec<Diagnostic>> {
    let read = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        read_any_file(path, options)
    }));
    read.unwrap_or_else(|panic| {
        let why = crate::diagnostic::panic_message(panic.as_ref());
        Err(vec![Diagnostic::error(
            READER_FAILED,
            format!("the file is damaged: its reader failed on it ({why})"),
        )
        .in_file(path)
        .with_hint(
            "open it in the program that made it and save it again, then import that",
        )])
    })
}

fn read_any_file(path: &Path, options: &ImportOptions) -> Result<Imported, Vec<Diagnostic>> {
    let extension = path
        .extension()
        .map(|extension| extension.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    // Spreadsheets and Word documents are read whole: within the limit of every source file
    // (a zip package is then checked for what it inflates to, see `crate::package`).
    let read_bytes = || {
        let size = std::fs::metadata(path)
            .map(|metadata| metadata.len())
            .unwrap_or(0);
        if size > crate::source::MAX_SOURCE_BYTES {
            return Err(vec![Diagnostic::error(
                "too-large",
                format!(
                    "the file is {} MiB; the most read is {} MiB",
                    size / (1024 * 1024),
                    crate::source::MAX_SOURCE_BYTES / (1024 * 1024)
                ),
            )
            .in_file(path)
            .with_hint("a ladder's spreadsheet or document is a few hundred kilobytes; split it, or keep only the ladder's sheets")]);
        }
        std::fs::read(path).map_err(|error| {
            vec![Diagnostic::error("io", format!("cannot read the file: {error}")).in_file(path)]
        })
    };
    match extension.as_str() {
        "docx" => {
            let bytes = read_bytes()?;
            let blocks = docx::outline(&bytes).map_err(|message| {
                vec![Diagnostic::error("bad-docx", message)
                    .in_file(path)
                    .with_hint("save it from Word or Google Docs as a .docx (Word document)")]
            })?;
            let mut interpreter = interpret::Interpreter::new(path);
            interpreter.set_options(options);
            finish(interpreter.read(&blocks), options)
        }
        "xlsx" | "xlsm" | "xls" | "ods" | "csv" | "tsv" => {
            let bytes = read_bytes()?;
            let workbook = sheets::outline(path, &extension, &bytes)?;
            let blocks = workbook.blocks;
            let mut interpreter = interpret::Interpreter::new(path);
            if let Some(language) = workbook.language {
                interpreter.set_metadata([("language".to_owned(), language)].into());
            }
            if let Some(first) = workbook.sheets.first() {
                interpreter.set_sheets(first, workbook.sheets.clone());
            }
            // A workbook's sheets are its tracks (the outline has a heading per sheet only
            // when there are several), never levels; this tool's own have a level per column.
            let mut options = options.clone();
            options.tracks_depth.get_or_insert(Some(1));
            if workbook.own {
                options
                    .levels_axis
                    .get_or_insert(interpret::LevelAxis::Columns);
                interpreter.set_own_workbook();
            }
            interpreter.set_options(&options);
            match &workbook.title {
                Some(title) => interpreter.set_default_title(title),
                None if path.file_stem().is_some() => {
                    interpreter.set_default_title(&document_name(path))
                }
                None => {}
            }
            finish(interpreter.read(&blocks), &options)
        }
        "json" | "yaml" | "yml" | "toml" | "js" | "mjs" | "cjs" | "ts" | "php" => {
            let source = crate::source::read_source(path).map_err(|diagnostic| vec![diagnostic])?;
            finish(data::import(path, &source.text, &extension), options)
        }
        known if known.is_empty() || IMPORT_EXTENSIONS.contains(&known) => {
            let source = crate::source::read_source(path).map_err(|diagnostic| vec![diagnostic])?;
            import_text_with(path, &source.text, options)
        }
        other => Err(vec![Diagnostic::error(
            "unsupported-format",
            format!("`ladder import` does not read .{other} files"),
        )
        .in_file(path)
        .with_hint(
            "it reads Markdown, reStructuredText, AsciiDoc, LaTeX, HTML, Word (.docx), spreadsheets \
             (.xlsx, .ods, .xls, .csv, .tsv) and \
             JSON, YAML, TOML, JavaScript or PHP data; save the ladder as one of those (a PDF as Word, \
             say)",
        )]),
    }
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

/// The name a file gives its document: its stem, without the page id Notion's export
/// appends to every file's name ("Engineering Ladder 3f2a9c1e8b7d4e6fa0b1c2d3e4f5a6b7.md").
pub fn document_name(path: &Path) -> String {
    let stem = path
        .file_stem()
        .map_or_else(String::new, |stem| stem.to_string_lossy().into_owned());
    match stem.rsplit_once(' ') {
        Some((name, id))
            if !name.trim().is_empty()
                && id.len() == 32
                && id
                    .chars()
                    .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()) =>
        {
            name.trim().to_owned()
        }
        _ => stem,
    }
}
