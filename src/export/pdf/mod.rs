//! PDF booklets and offer one-pagers, compiled in this process by typst.
//!
//! The look lives in `layouts/` (typst templates an organization can restyle); this module
//! hands each template the ladder as JSON data and turns typst's answer into PDF bytes or a
//! located error. Fonts and layouts are loaded once per run ([`Context`]) and shared by every
//! document's [`world::DocumentWorld`].

pub mod data;
pub mod world;

use std::path::{Path, PathBuf};

use anyhow::Context as _;
use typst::diag::{Severity, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime};
use typst::WorldExt;
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions as TypstPdfOptions, PdfStandard, PdfStandards, Timestamp};

use crate::export::Stamp;
use crate::model::Ladder;
use data::DocumentData;
use world::{file_id, DocumentWorld, Resources};

/// Paper sizes people print ladders on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Paper {
    #[default]
    A4,
    UsLetter,
}

impl Paper {
    /// typst's name of the paper.
    pub fn typst_name(self) -> &'static str {
        match self {
            Paper::A4 => "a4",
            Paper::UsLetter => "us-letter",
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct PdfOptions {
    /// A folder of templates to use instead of `layouts/` (or the built-in ones).
    pub layouts_dir: Option<PathBuf>,
    pub paper: Paper,
    /// Folders of extra fonts (an organization's own typeface).
    pub font_paths: Vec<PathBuf>,
    /// When set, every document's `.typ` and JSON sources are also written here.
    pub emit_typst: Option<PathBuf>,
}

/// The folder of templates a run uses: the one given, else `layouts/` when it exists, else the
/// templates built into the binary.
pub fn layouts_folder(options: &PdfOptions) -> Option<PathBuf> {
    options.layouts_dir.clone().or_else(|| {
        let default = PathBuf::from("layouts");
        default.join("booklet.typ").is_file().then_some(default)
    })
}

/// What every PDF of a run shares: fonts, layouts, options.
pub struct Context {
    resources: Option<Resources>,
    options: PdfOptions,
    fingerprint: String,
}

impl Context {
    /// Loads fonts and layouts when PDFs are wanted; otherwise an empty context that costs
    /// nothing.
    pub fn new(options: &PdfOptions, wanted: bool) -> anyhow::Result<Self> {
        if !wanted {
            return Ok(Context {
                resources: None,
                options: options.clone(),
                fingerprint: String::new(),
            });
        }
        let layouts = layouts_folder(options);
        let resources = Resources::load(layouts.as_deref(), &options.font_paths)?;
        let mut hasher = crate::output::ContentHasher::new();
        hasher.add(options.paper.typst_name().as_bytes());
        for (path, bytes) in &resources.layout_files {
            hasher.add(path.as_bytes());
            hasher.add(bytes);
        }
        for font in &resources.fonts {
            hasher.add(font.info().family.as_bytes());
        }
        hasher.add(document_date().as_deref().unwrap_or("").as_bytes());
        Ok(Context {
            resources: Some(resources),
            options: options.clone(),
            fingerprint: hasher.finish(),
        })
    }

    /// A hash of the layouts, fonts and options, part of every PDF's input hash.
    pub fn fingerprint(&self) -> &str {
        &self.fingerprint
    }

    fn resources(&self) -> anyhow::Result<&Resources> {
        self.resources
            .as_ref()
            .context("the PDF context was created without PDFs")
    }

    /// The booklet of a whole ladder.
    pub fn booklet(&self, ladder: &Ladder, stamp: &Stamp) -> anyhow::Result<Vec<u8>> {
        let data = DocumentData {
            paper: self.options.paper.typst_name(),
            date: shown_date(ladder, None),
            tool: stamp.tool.clone(),
            input_hash: stamp.input_hash.clone(),
            ladder: data::ladder_view(ladder, true),
            offer: None,
        };
        self.compile(
            "booklet.typ",
            &data,
            ladder,
            &format!("{}/booklet", ladder.id),
        )
    }

    /// The one-pager of a level; personalized when a candidate is named.
    pub fn offer(
        &self,
        ladder: &Ladder,
        level_id: &str,
        candidate: Option<(&str, Option<&str>)>,
        stamp: &Stamp,
    ) -> anyhow::Result<Vec<u8>> {
        let (name, date) = match candidate {
            Some((name, date)) => (Some(name), date),
            None => (None, None),
        };
        let offer = data::offer_view(ladder, level_id, name)
            .with_context(|| format!("ladder `{}` has no level `{level_id}`", ladder.id))?;
        let data = DocumentData {
            paper: self.options.paper.typst_name(),
            date: shown_date(ladder, date),
            tool: stamp.tool.clone(),
            input_hash: stamp.input_hash.clone(),
            ladder: data::ladder_view(ladder, false),
            offer: Some(offer),
        };
        self.compile(
            "offer.typ",
            &data,
            ladder,
            &format!("{}/offers/{level_id}", ladder.id),
        )
    }

    fn compile(
        &self,
        main: &str,
        data: &DocumentData,
        ladder: &Ladder,
        emit_name: &str,
    ) -> anyhow::Result<Vec<u8>> {
        let resources = self.resources()?;
        let json = serde_json::to_vec_pretty(data)?;
        if let Some(folder) = &self.options.emit_typst {
            emit_sources(&folder.join(emit_name), main, resources, &json)?;
        }
        let main_path = format!("/{main}");
        let main_id = file_id(&main_path);
        anyhow::ensure!(
            resources.sources.contains_key(&main_id),
            "{} has no {main}",
            resources.layouts_origin
        );
        let date = metadata_date(ladder);
        let world = DocumentWorld {
            resources,
            main: main_id,
            data: Bytes::new(json),
            today: date,
        };
        let warned = typst::compile::<PagedDocument>(&world);
        let document = warned
            .output
            .map_err(|errors| anyhow::anyhow!(render_diagnostics(&world, &errors)))?;
        let pdf_options = TypstPdfOptions {
            ident: typst::foundations::Smart::Custom(format!("ladder/{emit_name}")),
            creator: typst::foundations::Smart::Custom(Some(String::from("ladder (typst)"))),
            timestamp: Some(Timestamp::new_utc(date)),
            page_ranges: None,
            standards: PdfStandards::new(&[PdfStandard::A_2b])
                .map_err(|error| anyhow::anyhow!("PDF/A settings: {}", error.message()))?,
            tagged: true,
            pretty: false,
        };
        typst_pdf::pdf(&document, &pdf_options)
            .map_err(|errors| anyhow::anyhow!(render_diagnostics(&world, &errors)))
    }
}

/// Drops typst's memoized results of documents that are no longer being compiled, so a long
/// run's memory stays flat.
pub fn evict_caches() {
    typst::comemo::evict(1);
}

/// The date a run stamps into PDFs: `SOURCE_DATE_EPOCH` when set (reproducible builds).
fn document_date() -> Option<String> {
    let seconds: i64 = std::env::var("SOURCE_DATE_EPOCH")
        .ok()?
        .trim()
        .parse()
        .ok()?;
    let days = seconds.div_euclid(86_400);
    let (year, month, day) = civil_from_days(days);
    Some(format!("{year:04}-{month:02}-{day:02}"))
}

/// The date shown on a document: the one asked for, else the ladder's effective date, else
/// `SOURCE_DATE_EPOCH`. Never the clock: the same input gives the same document.
fn shown_date(ladder: &Ladder, asked: Option<&str>) -> Option<String> {
    asked
        .map(str::to_owned)
        .or_else(|| ladder.effective_date.clone())
        .or_else(document_date)
}

/// The date in the PDF's metadata (PDF/A requires one): as [`shown_date`], else a fixed date.
fn metadata_date(ladder: &Ladder) -> Datetime {
    let parse = |text: &str| -> Option<Datetime> {
        let mut parts = text.trim().splitn(3, '-');
        let year = parts.next()?.parse().ok()?;
        let month = parts.next()?.parse().ok()?;
        let day = parts.next()?.get(..2)?.parse().ok()?;
        Datetime::from_ymd_hms(year, month, day, 0, 0, 0)
    };
    shown_date(ladder, None)
        .as_deref()
        .and_then(parse)
        .or_else(|| Datetime::from_ymd_hms(2000, 1, 1, 0, 0, 0))
        .expect("2000-01-01 is a date")
}

/// Days since 1970-01-01 to (year, month, day), after Howard Hinnant's `civil_from_days`.
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// Writes the exact sources of one document: the layout files, `data.json`, so that
/// `typst compile --root <folder> <folder>/<main>` makes the same document.
fn emit_sources(
    folder: &Path,
    main: &str,
    resources: &Resources,
    json: &[u8],
) -> anyhow::Result<()> {
    std::fs::create_dir_all(folder)
        .with_context(|| format!("cannot create {}", folder.display()))?;
    for (path, bytes) in &resources.layout_files {
        let target = folder.join(path.trim_start_matches('/'));
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create {}", parent.display()))?;
        }
        crate::output::write_atomically(&target, |out| out.write_all(bytes))?;
    }
    crate::output::write_atomically(&folder.join("data.json"), |out| out.write_all(json))?;
    let note = format!("typst compile --root . {main}\n");
    crate::output::write_atomically(&folder.join("COMPILE"), |out| {
        out.write_all(note.as_bytes())
    })
}

/// typst's errors as `error: message --> file:line:column` with hints, like typst's own CLI.
fn render_diagnostics(world: &DocumentWorld, diagnostics: &[SourceDiagnostic]) -> String {
    let mut out = Vec::new();
    for diagnostic in diagnostics {
        let severity = match diagnostic.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut text = format!("{severity}: {}", diagnostic.message);
        if let Some(id) = diagnostic.span.id() {
            let place = world.range(diagnostic.span).and_then(|range| {
                let source = world.resources.sources.get(&id)?;
                source.lines().byte_to_line_column(range.start)
            });
            let file = format!(
                "{}{}",
                world.resources.layouts_origin_prefix(),
                id.vpath().get_without_slash()
            );
            match place {
                Some((line, column)) => {
                    text.push_str(&format!("\n  --> {file}:{}:{}", line + 1, column + 1))
                }
                None => text.push_str(&format!("\n  --> {file}")),
            }
        }
        for hint in &diagnostic.hints {
            text.push_str(&format!("\n  = hint: {}", hint.v));
        }
        out.push(text);
    }
    out.join("\n")
}

impl Resources {
    /// The folder shown before a layout file's name in messages (`layouts/`).
    fn layouts_origin_prefix(&self) -> String {
        if self.layouts_origin.starts_with("the built-in") {
            String::from("(built-in) ")
        } else {
            format!("{}/", self.layouts_origin.trim_end_matches('/'))
        }
    }
}
