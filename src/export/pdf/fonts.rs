//! The fonts of a run: typst's own (Latin, Greek, Cyrillic), an organization's
//! (`--font-path`), and — only when a document needs them — fonts for other scripts found in a
//! `fonts/` folder beside the ladders or among the system's fonts.
//!
//! Scripts such as Japanese or Arabic need fonts of tens of megabytes that the binary does not
//! ship. So the font folders are scanned once per run for metadata only (which characters each
//! face covers); a face's file is read when a document has a character no loaded font covers.
//! A character that no font anywhere covers fails its document with the level it is in, instead
//! of a PDF with empty boxes.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock, RwLock};

use typst::foundations::Bytes;
use typst::text::{Font, FontBook, FontInfo};
use typst::utils::LazyHash;

/// A set of loaded fonts and typst's book of them; documents hold the set they started with.
pub struct FontSet {
    /// The book typst selects fonts from.
    pub book: LazyHash<FontBook>,
    /// The fonts, in the book's order.
    pub fonts: Vec<Font>,
}

impl FontSet {
    fn new(fonts: Vec<Font>) -> Self {
        FontSet {
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
        }
    }

    /// The characters of `chars` that no prose font of the set covers. A monospaced font
    /// (typst's DejaVu Sans Mono has Arabic, say) is for code, not for setting a ladder's prose.
    pub fn uncovered(&self, chars: &BTreeSet<char>) -> BTreeSet<char> {
        chars
            .iter()
            .copied()
            .filter(|&c| !is_invisible(c))
            .filter(|&c| !self.fonts.iter().any(|font| sets(font.info(), c)))
            .collect()
    }
}

/// Whether a face can set `c` in prose: it covers it and is no monospaced face for code. An
/// emoji font is flagged monospaced too (every glyph has one width) and sets pictographs; it
/// has no letters, which tells it from a face for code (DejaVu Sans Mono has `✨` as a plain
/// glyph, and typst does not fall back to a code face for prose: the document then fails).
fn sets(info: &FontInfo, c: char) -> bool {
    let emoji_face = is_pictograph(c) && !covers(info, 'a');
    (is_prose(info) || emoji_face) && covers(info, c)
}

/// A face for text: not one for code (monospaced) nor for formulas (typst sets text in a math
/// face only inside an equation: New Computer Modern Math has `✨`, and prose with one failed).
fn is_prose(info: &FontInfo) -> bool {
    !info
        .flags
        .intersects(typst::text::FontFlags::MONOSPACE | typst::text::FontFlags::MATH)
}

/// Emoji and other pictographs (`🛠`, `🏆`, `✨`, `☕`).
fn is_pictograph(c: char) -> bool {
    matches!(c, '\u{1F000}'..='\u{1FAFF}' | '\u{2600}'..='\u{27BF}' | '\u{2B00}'..='\u{2BFF}')
}

fn covers(info: &FontInfo, c: char) -> bool {
    info.coverage.contains(c as u32)
}

/// Characters that are never drawn (spaces, joiners, variation selectors, controls).
fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{206F}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}')
}

/// The fonts documents can use: the base fonts, and per document the families of other
/// scripts it needs, chosen by its characters and language only. A document's fonts never
/// depend on what other documents of the run loaded: a Korean booklet built after a Japanese
/// one was set in the Japanese face that happened to be loaded (other bytes, other Hanja forms
/// than the Korean booklet built alone).
pub struct Fonts {
    /// typst's own fonts and `--font-path` fonts: every document has them.
    base: Arc<FontSet>,
    /// Font sets by the families added to the base, made once each.
    sets: RwLock<HashMap<Vec<String>, Arc<FontSet>>>,
    /// Folders searched for fonts of other scripts.
    folders: Vec<PathBuf>,
}

impl Fonts {
    /// The given fonts, extended per document from `folders`.
    pub fn new(fonts: Vec<Font>, folders: Vec<PathBuf>) -> Self {
        Fonts {
            base: Arc::new(FontSet::new(fonts)),
            sets: RwLock::new(HashMap::new()),
            folders,
        }
    }

    /// The fonts every document has.
    pub fn base(&self) -> &Arc<FontSet> {
        &self.base
    }

    /// A font set covering `chars` as far as the font folders allow, preferring faces made for
    /// `language` (`ja` → "JP" faces of a CJK family), and what is still not covered.
    pub fn covering(
        &self,
        chars: &BTreeSet<char>,
        language: &str,
    ) -> (Arc<FontSet>, BTreeSet<char>) {
        let missing = self.base.uncovered(chars);

        if missing.is_empty() {
            return (Arc::clone(&self.base), missing);
        }
        let catalog = catalog(&self.folders);
        let mut families: Vec<String> = Vec::new();
        // The faces of the families chosen so far: a character they cover needs no search.
        let mut chosen: Vec<&Face> = Vec::new();
        for &c in &missing {
            if chosen.iter().any(|face| covers(&face.info, c)) {
                continue;
            }
            let best = catalog
                .iter()
                .filter(|face| sets(&face.info, c))
                .max_by_key(|face| preference(&face.info, language));
            if let Some(best) = best {
                chosen.extend(
                    catalog
                        .iter()
                        .filter(|face| face.info.family == best.info.family),
                );
                families.push(best.info.family.clone());
            }
        }
        if families.is_empty() {
            return (Arc::clone(&self.base), missing);
        }
        families.sort();
        let known = self
            .sets
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .get(&families)
            .cloned();
        let set = known.unwrap_or_else(|| {
            let mut sets = self
                .sets
                .write()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            Arc::clone(
                sets.entry(families.clone())
                    .or_insert_with(|| Arc::new(self.extended(catalog, &families))),
            )
        });
        let still = set.uncovered(&missing);
        (set, still)
    }

    /// The base fonts and every face of `families` (bold and italic too, where the system
    /// has them).
    fn extended(&self, catalog: &[Face], families: &[String]) -> FontSet {
        let mut files: HashMap<&Path, Bytes> = HashMap::new();
        let mut fonts = self.base.fonts.clone();
        for face in catalog
            .iter()
            .filter(|face| families.contains(&face.info.family))
        {
            let bytes = match files.get(face.path.as_path()) {
                Some(bytes) => bytes.clone(),
                None => match std::fs::read(&face.path) {
                    Ok(data) => {
                        let bytes = Bytes::new(data);
                        files.insert(&face.path, bytes.clone());
                        bytes
                    }
                    Err(_) => continue,
                },
            };
            fonts.extend(Font::new(bytes, face.index));
        }
        FontSet::new(fonts)
    }
}

/// How well a face suits a language: its script's regional variant, then Noto (made to cover
/// scripts evenly), then a face with serifs (the layouts' Latin is a serif: Arabic set in
/// Naskh, Hebrew and CJK in a serif face sit beside it; a sans face is the fallback), then a
/// regular weight and an upright style.
fn preference(info: &FontInfo, language: &str) -> (bool, bool, bool, bool, bool) {
    let region = match language {
        "ja" => " JP",
        "zh" => " SC",
        "ko" => " KR",
        _ => "\u{0}",
    };
    (
        info.family.contains(region),
        info.family.starts_with("Noto"),
        is_serif(info),
        info.variant.weight.to_number() == 400,
        info.variant.style == typst::text::FontStyle::Normal,
    )
}

/// Whether a face has serifs, by its flags or its family's name (Naskh: Arabic's book style).
fn is_serif(info: &FontInfo) -> bool {
    info.flags.contains(typst::text::FontFlags::SERIF)
        || ["Serif", "Naskh"]
            .iter()
            .any(|style| info.family.contains(style))
}

/// One face of a font file found in a font folder.
struct Face {
    path: PathBuf,
    index: u32,
    info: FontInfo,
}

/// Every face in the font folders, by metadata, scanned once per process.
fn catalog(folders: &[PathBuf]) -> &'static [Face] {
    static CATALOG: OnceLock<Vec<Face>> = OnceLock::new();
    CATALOG.get_or_init(|| {
        let mut faces = Vec::new();
        let mut pending: Vec<PathBuf> = folders.to_vec();
        let mut seen = 0usize;
        while let Some(folder) = pending.pop() {
            let Ok(entries) = std::fs::read_dir(&folder) else {
                continue;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                if path.is_dir() {
                    pending.push(path);
                    continue;
                }
                let extension = path
                    .extension()
                    .map(|e| e.to_string_lossy().to_ascii_lowercase())
                    .unwrap_or_default();
                if !matches!(extension.as_str(), "ttf" | "otf" | "ttc" | "otc") {
                    continue;
                }
                seen += 1;
                // Bounded: a system with tens of thousands of fonts is scanned in part.
                if seen > 5_000 {
                    break;
                }
                let Ok(data) = std::fs::read(&path) else {
                    continue;
                };
                for (index, info) in FontInfo::iter(&data).enumerate() {
                    faces.push(Face {
                        path: path.clone(),
                        index: index as u32,
                        info,
                    });
                }
            }
        }
        faces.sort_by(|a, b| a.path.cmp(&b.path).then(a.index.cmp(&b.index)));
        faces
    })
}

/// Where fonts for other scripts are looked for: `fonts/` in the working folder, then the
/// system's font folders.
pub fn default_folders() -> Vec<PathBuf> {
    let mut folders = vec![PathBuf::from("fonts")];
    if let Some(home) = std::env::var_os("HOME").map(PathBuf::from) {
        folders.push(home.join(".local/share/fonts"));
        folders.push(home.join(".fonts"));
        folders.push(home.join("Library/Fonts"));
    }
    folders.extend(
        [
            "/usr/share/fonts",
            "/usr/local/share/fonts",
            "/Library/Fonts",
            "/System/Library/Fonts",
            "C:\\Windows\\Fonts",
        ]
        .map(PathBuf::from),
    );
    folders
}
