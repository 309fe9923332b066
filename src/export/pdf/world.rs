//! The typst [`World`] of one document: the layouts and fonts shared by every document of a run
//! (loaded once, in [`Resources`]), plus this document's data as the virtual file `/data.json`.
//!
//! Nothing here reads the disk after start-up: a template can only see the layout files and
//! the data, so text in a ladder can never make typst read another file.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::fonts::{FontSet, Fonts};

use anyhow::Context as _;
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

/// The virtual path of each document's data.
pub const DATA_PATH: &str = "/data.json";

/// The layout files and fonts of a run, shared by all of its documents.
pub struct Resources {
    /// typst's standard library, built once.
    pub library: LazyHash<Library>,
    /// The fonts, extended on demand for other scripts.
    pub fonts: Fonts,
    /// Typst sources of the layouts folder, parsed once.
    pub sources: HashMap<FileId, Source>,
    /// Every other file of the layouts folder (images, data), by id.
    pub files: HashMap<FileId, Bytes>,
    /// Every layout file's virtual path and bytes, for `--emit-typst` and the input hash.
    pub layout_files: Vec<(String, Vec<u8>)>,
    /// The id of [`DATA_PATH`], the file each document's data is read from.
    pub data_id: FileId,
    /// Where the layouts came from, for messages.
    pub layouts_origin: String,
}

/// The layouts shipped in the binary, used when there is no `layouts/` folder: an installed
/// `ladder` works anywhere.
pub const EMBEDDED_LAYOUTS: &[(&str, &str)] = &[
    ("booklet.typ", include_str!("../../../layouts/booklet.typ")),
    (
        "calibration.typ",
        include_str!("../../../layouts/calibration.typ"),
    ),
    ("offer.typ", include_str!("../../../layouts/offer.typ")),
    ("person.typ", include_str!("../../../layouts/person.typ")),
    ("render.typ", include_str!("../../../layouts/render.typ")),
    ("style.typ", include_str!("../../../layouts/style.typ")),
];

/// Layout files larger than this are refused: templates and logos are small.
const MAX_LAYOUT_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// The typst id of a file in the layouts folder, by its virtual path (`/booklet.typ`).
pub fn file_id(path: &str) -> FileId {
    let vpath = VirtualPath::new(path).expect("layout paths are valid virtual paths");
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

impl Resources {
    /// Loads the layouts (`layouts_dir`, or the embedded ones when `None`) and the fonts (the
    /// embedded typst fonts, then every font file in `font_paths`).
    pub fn load(layouts_dir: Option<&Path>, font_paths: &[PathBuf]) -> anyhow::Result<Self> {
        let layout_files = match layouts_dir {
            Some(dir) => read_folder(dir)?,
            None => EMBEDDED_LAYOUTS
                .iter()
                .map(|(name, text)| (format!("/{name}"), text.as_bytes().to_vec()))
                .collect(),
        };
        let mut sources = HashMap::new();
        let mut files = HashMap::new();
        for (path, bytes) in &layout_files {
            let id = file_id(path);
            if path.ends_with(".typ") {
                let text = String::from_utf8(bytes.clone())
                    .map_err(|_| anyhow::anyhow!("layout {path} is not UTF-8 text"))?;
                sources.insert(id, Source::new(id, text));
            }
            files.insert(id, Bytes::new(bytes.clone()));
        }

        let mut fonts: Vec<Font> = typst_assets::fonts()
            .flat_map(|data| Font::iter(Bytes::new(data)))
            .collect();
        for folder in font_paths {
            for (path, bytes) in read_folder(folder)? {
                let lower = path.to_ascii_lowercase();
                if [".ttf", ".otf", ".ttc", ".otc"]
                    .iter()
                    .any(|ext| lower.ends_with(ext))
                {
                    let before = fonts.len();
                    fonts.extend(Font::iter(Bytes::new(bytes)));
                    anyhow::ensure!(
                        fonts.len() > before,
                        "{}{path} is not a font typst can read",
                        folder.display()
                    );
                }
            }
        }
        let mut folders = font_paths.to_vec();
        folders.extend(super::fonts::default_folders());
        Ok(Resources {
            library: LazyHash::new(Library::builder().build()),
            fonts: Fonts::new(fonts, folders),
            sources,
            files,
            layout_files,
            data_id: file_id(DATA_PATH),
            layouts_origin: layouts_dir.map_or_else(
                || String::from("the built-in layouts"),
                |dir| dir.display().to_string(),
            ),
        })
    }
}

/// Every file under `dir`, as (`/relative/path`, bytes), sorted so that hashes are stable.
/// A link is followed only where it leads inside `dir`: a link to a file elsewhere
/// (`passwd.txt -> /etc/passwd`) is refused, so that a template can only ever read its own
/// folder, whatever a pull request puts in it.
fn read_folder(dir: &Path) -> anyhow::Result<Vec<(String, Vec<u8>)>> {
    let root = std::fs::canonicalize(dir)
        .with_context(|| format!("cannot read the folder {}", dir.display()))?;
    let mut out = Vec::new();
    let mut seen = vec![root.clone()];
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        let entries = std::fs::read_dir(&folder)
            .with_context(|| format!("cannot read the folder {}", folder.display()))?;
        for entry in entries {
            let entry =
                entry.with_context(|| format!("cannot read the folder {}", folder.display()))?;
            let path = entry.path();
            let name = entry.file_name();
            if name.to_string_lossy().starts_with('.') {
                continue;
            }
            let link = entry
                .file_type()
                .with_context(|| format!("cannot read {}", path.display()))?
                .is_symlink();
            if link {
                let target = std::fs::canonicalize(&path)
                    .with_context(|| format!("{} is a broken link", path.display()))?;
                anyhow::ensure!(
                    target.starts_with(&root),
                    "{} links to {}, outside {}: templates and fonts may only read files in \
                     their own folder (copy the file in instead of linking it)",
                    path.display(),
                    target.display(),
                    dir.display()
                );
            }
            // Through a link (inside the folder) to what it names.
            let metadata = std::fs::metadata(&path)
                .with_context(|| format!("cannot read {}", path.display()))?;
            if metadata.is_dir() {
                let real = std::fs::canonicalize(&path)
                    .with_context(|| format!("cannot read {}", path.display()))?;
                // A link back to a folder already read would loop.
                if !seen.contains(&real) {
                    seen.push(real);
                    pending.push(path);
                }
            } else if metadata.len() <= MAX_LAYOUT_FILE_BYTES {
                let bytes = std::fs::read(&path)
                    .with_context(|| format!("cannot read {}", path.display()))?;
                let relative = path.strip_prefix(dir).unwrap_or(&path);
                let virtual_path = format!("/{}", relative.to_string_lossy().replace('\\', "/"));
                out.push((virtual_path, bytes));
            }
        }
    }
    out.sort();
    Ok(out)
}

/// One document's world.
pub struct DocumentWorld {
    /// The run's layouts and fonts.
    pub resources: Arc<Resources>,
    /// The fonts this document is set in.
    pub fonts: Arc<FontSet>,
    /// The template compiled (`/booklet.typ`, `/offer.typ`).
    pub main: FileId,
    /// The document's data as JSON, served as [`DATA_PATH`].
    pub data: Bytes,
    /// What `datetime.today()` gives the templates: the document's own date, never the clock,
    /// so that a rebuild makes the same PDF.
    pub today: Datetime,
}

impl World for DocumentWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.resources.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.fonts.book
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        match self.resources.sources.get(&id) {
            Some(source) => Ok(source.clone()),
            None if self.resources.files.contains_key(&id) || id == self.resources.data_id => {
                Err(FileError::NotSource)
            }
            None => Err(not_found(id)),
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.resources.data_id {
            return Ok(self.data.clone());
        }
        self.resources
            .files
            .get(&id)
            .cloned()
            .ok_or_else(|| not_found(id))
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}

fn not_found(id: FileId) -> FileError {
    FileError::NotFound(PathBuf::from(id.vpath().get_with_slash()))
}
