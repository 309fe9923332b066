//! The PDFs, read back as a reader would: text extracted (pdf-extract), pages, bookmarks and
//! fonts inspected (lopdf).

use crate::common::*;

use std::sync::OnceLock;

use ladder::export::pdf::{Candidate, Context, PdfOptions};
use ladder::markup;

pub(crate) fn context() -> &'static Context {
    static CONTEXT: OnceLock<Context> = OnceLock::new();
    CONTEXT.get_or_init(|| {
        let options = PdfOptions {
            layouts_dir: Some(repo("layouts")),
            ..PdfOptions::default()
        };
        Context::new(&options, true).unwrap()
    })
}

/// Text for comparison: line breaks, hyphenation, spacing, curled quotes (typst's smart
/// quotes) and ligatures are the layout's, not the text's.
pub(crate) fn normalize(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '\u{2010}' | '\u{ad}' | '\u{200b}'))
        .flat_map(|c| {
            let expanded = match c {
                '\u{2018}' | '\u{2019}' => "'",
                '\u{201C}' | '\u{201D}' => "\"",
                // Ligatures a PDF's text may keep as one character.
                '\u{FB00}' => "ff",
                '\u{FB01}' => "fi",
                '\u{FB02}' => "fl",
                '\u{FB03}' => "ffi",
                '\u{FB04}' => "ffl",
                _ => return vec![c],
            };
            expanded.chars().collect()
        })
        .collect()
}

pub(crate) fn text_of(pdf: &[u8]) -> String {
    pdf_extract::extract_text_from_mem(pdf).expect("the PDF's text can be extracted")
}

pub(crate) fn pages_of(pdf: &[u8]) -> usize {
    lopdf::Document::load_mem(pdf).unwrap().get_pages().len()
}

#[test]
fn the_booklet_holds_every_expectation_of_every_seed() {
    for ladder in all_shipped() {
        let pdf = context().booklet(&view(&ladder), &stamp()).unwrap();
        let text = normalize(&text_of(&pdf));
        let mut checked = 0;
        for (track, level) in ladder.levels() {
            assert!(
                text.contains(&normalize(&track.name)),
                "{}: track {}",
                ladder.id,
                track.name
            );
            assert!(
                text.contains(&normalize(&level.title)),
                "{}: level {}",
                ladder.id,
                level.title
            );
            for text_field in level.headline.iter().chain(&level.description) {
                let plain = markup::plain_blocks(&markup::blocks(text_field));
                assert!(text.contains(&normalize(&plain)), "{}: {plain}", ladder.id);
            }
            if level.shares_expectations_with.is_some() {
                continue;
            }
            for items in level.expectations.values() {
                for item in items {
                    let plain = markup::plain_text(&item.text);
                    assert!(
                        text.contains(&normalize(&plain)),
                        "{} / {}: `{plain}` missing",
                        ladder.id,
                        level.id
                    );
                    checked += 1;
                }
            }
        }
        for section in &ladder.sections {
            assert!(
                text.contains(&normalize(&section.title)),
                "{}: section {}",
                ladder.id,
                section.title
            );
        }
        let in_model: usize = ladder
            .levels()
            .filter(|(_, level)| level.shares_expectations_with.is_none())
            .map(|(_, level)| level.expectations.values().map(Vec::len).sum::<usize>())
            .sum();
        assert_eq!(checked, in_model);
        assert!(
            pages_of(&pdf) >= 4,
            "{}: cover, contents, overview and tracks",
            ladder.id
        );
    }
}

#[test]
fn every_one_pager_has_one_page_with_its_level_s_expectations() {
    for ladder in all_shipped() {
        for (track, level) in ladder.levels() {
            let pdf = context()
                .offer(&view(&ladder), &level.id, None, &stamp())
                .unwrap();
            assert_eq!(
                pages_of(&pdf),
                1,
                "{} / {} has more than one page",
                ladder.id,
                level.id
            );
            let text = normalize(&text_of(&pdf));
            assert!(text.contains(&normalize(&level.title)));
            assert!(text.contains(&normalize(&track.name)));
            if let Some(organization) = &ladder.organization {
                assert!(text.contains(&normalize(organization)));
            }
            for item in ladder.expectations_of(level).values().flatten() {
                let plain = markup::plain_text(&item.text);
                assert!(
                    text.contains(&normalize(&plain)),
                    "{} / {}: `{plain}`",
                    ladder.id,
                    level.id
                );
            }
        }
    }
}

/// A level too long for the page at the largest size: the build sets a page at that size
/// first and, when it spills onto a second page, measures its way down the sizes (and to two
/// columns). The reader gets one page holding every expectation, set smaller than a short
/// level's.
#[test]
fn a_long_level_s_one_pager_is_set_smaller_on_one_page_with_every_expectation() {
    let mut ladder = shipped("persado-2019.yaml");
    let sentence = |area: &str, copy: usize| {
        format!(
            "{area}, part {copy}: writes down what the team decided and why, so that whoever \
             joins later can follow the reasoning without a meeting"
        )
    };
    // The same sentence once on the track's first level, three times per area on its last.
    let levels = &mut ladder.tracks[0].levels;
    let short = levels[0].id.clone();
    let (area, items) = levels[0].expectations.iter_mut().next().unwrap();
    items.push(sentence(area, 0).into());
    let long = levels.last().unwrap().id.clone();
    let mut texts = Vec::new();
    for (area, items) in levels.last_mut().unwrap().expectations.iter_mut() {
        for copy in 1..=3 {
            items.push(sentence(area, copy).into());
            texts.push(sentence(area, copy));
        }
    }
    let folder = tempfile::tempdir().unwrap();
    let body_height = |level_id: &str| -> (usize, Vec<f64>, String) {
        let pdf = context()
            .offer(&view(&ladder), level_id, None, &stamp())
            .unwrap();
        let path = folder.path().join(format!("{level_id}.pdf"));
        std::fs::write(&path, &pdf).unwrap();
        let heights = word_boxes(&path)
            .0
            .iter()
            .filter(|word| word.text == "whoever")
            .map(|word| word.y_max - word.y_min)
            .collect();
        (pages_of(&pdf), heights, normalize(&text_of(&pdf)))
    };
    let (pages, long_heights, text) = body_height(&long);
    assert_eq!(pages, 1, "the long level's one-pager has {pages} pages");
    for expected in ladder
        .expectations_of(ladder.level(&long).unwrap())
        .values()
        .flatten()
    {
        let plain = normalize(&markup::plain_text(&expected.text));
        assert!(text.contains(&plain), "`{plain}` is missing");
    }
    assert!(texts.iter().all(|added| text.contains(&normalize(added))));
    let (_, short_heights, _) = body_height(&short);
    assert_eq!(short_heights.len(), 1);
    assert_eq!(long_heights.len(), texts.len());
    assert!(
        long_heights.iter().all(|height| *height < short_heights[0]),
        "the long level's text ({long_heights:?}) is not set smaller than a short one's \
         ({short_heights:?})"
    );
}

/// A short level's page (a headline and a paragraph: Packback's Engineer II) is set larger
/// than a long level's and lists its track's levels with their headlines, instead of leaving
/// most of the page empty.
#[test]
fn a_short_level_s_one_pager_is_set_larger_and_lists_its_track() {
    let folder = tempfile::tempdir().unwrap();
    let page = |ladder: &str, level: &str| {
        let ladder = shipped(ladder);
        let pdf = context()
            .offer(&view(&ladder), level, None, &stamp())
            .unwrap();
        assert_eq!(pages_of(&pdf), 1, "{level}");
        let path = folder.path().join(format!("{level}.pdf"));
        std::fs::write(&path, &pdf).unwrap();
        (ladder, normalize(&text_of(&pdf)), word_boxes(&path).0)
    };
    let (ladder, text, words) = page("packback.yaml", "engineer-ii");
    let (track, _) = ladder
        .levels()
        .find(|(_, level)| level.id == "engineer-ii")
        .unwrap();
    for level in &track.levels {
        assert!(text.contains(&normalize(&level.title)), "{}", level.title);
        if let Some(headline) = &level.headline {
            let plain = markup::plain_text(headline);
            assert!(text.contains(&normalize(&plain)), "{plain}");
        }
    }
    let height = |words: &[WordBox], word: &str| {
        words
            .iter()
            .find(|box_| box_.text == word)
            .map(|box_| box_.y_max - box_.y_min)
            .unwrap_or_else(|| panic!("no {word}"))
    };
    // "Breaks" opens Engineer II's description; "medium" is in an expectation of Persado's
    // Software Engineer II, a long level.
    let short = height(&words, "Breaks");
    let (_, _, long_words) = page("persado-2019.yaml", "se-2");
    let long = height(&long_words, "medium");
    assert!(short > long * 1.05, "short {short} pt, long {long} pt");
}

#[test]
fn a_personalized_one_pager_names_the_candidate_and_date() {
    let ladder = &load_all(repo("ladders/persado-2019.yaml"))[0];
    let pdf = context()
        .offer(
            &view(ladder),
            "se-3",
            Some(&Candidate {
                name: String::from("Ada Lovelace"),
                date: ladder::date::Date::new(2026, 12, 1),
                fields: Default::default(),
            }),
            &stamp(),
        )
        .unwrap();
    let text = normalize(&text_of(&pdf));
    assert!(text.contains(&normalize("Prepared for Ada Lovelace")));
    assert!(text.contains(&normalize("1 December 2026")));
    assert_eq!(pages_of(&pdf), 1);
}

#[test]
fn bookmarks_exist_for_every_track_and_level() {
    for ladder in all_shipped() {
        let pdf = context().booklet(&view(&ladder), &stamp()).unwrap();
        let document = lopdf::Document::load_mem(&pdf).unwrap();
        let toc = document.get_toc().expect("the booklet has bookmarks");
        let titles: Vec<String> = toc.toc.iter().map(|entry| entry.title.clone()).collect();
        for (track, level) in ladder.levels() {
            assert!(
                titles.contains(&track.name),
                "{}: no bookmark for {}",
                ladder.id,
                track.name
            );
            assert!(
                titles.contains(&level.title),
                "{}: no bookmark for {}",
                ladder.id,
                level.title
            );
        }
    }
}

/// A PDF says it conforms to PDF/UA-1 and PDF/A-2a (typst checks both rules while it writes
/// the file and refuses a document that breaks one), carries its language and structure, and
/// shows `title` as its window's title, not its file name.
pub(crate) fn assert_accessible(pdf: &[u8], title: &str) {
    let raw = String::from_utf8_lossy(pdf);
    assert!(
        raw.contains("pdfuaid:part>1<") || raw.contains("pdfuaid:part=\"1\""),
        "{title}: no PDF/UA-1 identification"
    );
    assert!(
        raw.contains("pdfaid:part>2<") || raw.contains("pdfaid:part=\"2\""),
        "{title}: no PDF/A-2 identification"
    );
    assert!(
        raw.contains("pdfaid:conformance>A<") || raw.contains("pdfaid:conformance=\"A\""),
        "{title}: not PDF/A-2a"
    );
    let document = lopdf::Document::load_mem(pdf).unwrap();
    let catalog = document.catalog().unwrap();
    let resolve = |object: &lopdf::Object| match object {
        lopdf::Object::Reference(id) => document.get_object(*id).unwrap().clone(),
        other => other.clone(),
    };
    let preferences = resolve(catalog.get(b"ViewerPreferences").unwrap());
    assert_eq!(
        preferences
            .as_dict()
            .unwrap()
            .get(b"DisplayDocTitle")
            .and_then(lopdf::Object::as_bool)
            .ok(),
        Some(true),
        "{title}: the window shows the file name"
    );
    let marked = resolve(catalog.get(b"MarkInfo").unwrap());
    assert_eq!(
        marked
            .as_dict()
            .unwrap()
            .get(b"Marked")
            .and_then(lopdf::Object::as_bool)
            .ok(),
        Some(true),
        "{title}: not tagged"
    );
    assert!(catalog.has(b"StructTreeRoot"), "{title}: no structure");
    assert!(catalog.has(b"Lang"), "{title}: no language");
    // The title in the XMP metadata (uncompressed, as PDF/A wants it), XML-escaped.
    let escaped = title
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    assert!(raw.contains(&escaped), "{title}: not the document's title");
}

/// Every kind of PDF a build writes is accessible (see [`assert_accessible`]); the calibration
/// report and the 1:1 pages are checked where a meeting's workbook is read back
/// (`recalculate`).
#[test]
fn every_pdf_is_pdf_ua_1_and_pdf_a_2a_with_its_title_as_the_window_s_title() {
    for ladder in all_shipped() {
        let view = view(&ladder);
        let booklet = context().booklet(&view, &stamp()).unwrap();
        assert_accessible(&booklet, &ladder.title);
        let (_, level) = ladder.levels().next().unwrap();
        let one_pager = context().offer(&view, &level.id, None, &stamp()).unwrap();
        assert_accessible(&one_pager, &level.title);
        let candidate = Candidate {
            name: String::from("Ada Lovelace"),
            date: ladder::date::Date::new(2027, 1, 4),
            fields: Default::default(),
        };
        let offer = context()
            .offer(&view, &level.id, Some(&candidate), &stamp())
            .unwrap();
        assert_accessible(&offer, &level.title);
    }
}

#[test]
fn fonts_are_embedded_and_the_file_is_pdf_a_with_metadata() {
    let ladder = &load_all(repo("ladders/packback.yaml"))[0];
    let pdf = context().booklet(&view(ladder), &stamp()).unwrap();
    let document = lopdf::Document::load_mem(&pdf).unwrap();
    let mut descriptors = 0;
    for object in document.objects.values() {
        let Ok(dictionary) = object.as_dict() else {
            continue;
        };
        if dictionary.get(b"Type").and_then(|t| t.as_name()).ok()
            == Some(b"FontDescriptor".as_slice())
        {
            descriptors += 1;
            assert!(
                [b"FontFile".as_slice(), b"FontFile2", b"FontFile3"]
                    .iter()
                    .any(|key| dictionary.has(key)),
                "a font is not embedded: {dictionary:?}"
            );
        }
    }
    assert!(descriptors > 0);
    let raw = String::from_utf8_lossy(&pdf);
    assert!(
        raw.contains("pdfaid:part>2<") || raw.contains("pdfaid:part=\"2\""),
        "PDF/A-2 identification"
    );
    assert!(
        raw.contains("The Engineering Ladder"),
        "title in the metadata"
    );
    assert!(raw.contains("/StructTreeRoot"), "tagged");
}

#[test]
fn two_builds_give_identical_bytes() {
    let ladder = &load_all(repo("ladders/titles-and-roles.yaml"))[0];
    let first = context().booklet(&view(ladder), &stamp()).unwrap();
    let second = context().booklet(&view(ladder), &stamp()).unwrap();
    assert!(first == second, "the booklet differs between two builds");
    let first = context()
        .offer(&view(ladder), "lead", None, &stamp())
        .unwrap();
    let second = context()
        .offer(&view(ladder), "lead", None, &stamp())
        .unwrap();
    assert!(first == second, "the one-pager differs between two builds");
}

#[test]
fn hostile_text_is_shown_literally_and_reads_no_file() {
    let ladder = &load_all(repo("tests/fixtures/hostile.yaml"))[0];
    for pdf in [
        context().booklet(&view(ladder), &stamp()).unwrap(),
        context()
            .offer(&view(ladder), "e-1", None, &stamp())
            .unwrap(),
    ] {
        let text = text_of(&pdf);
        let normalized = normalize(&text);
        for literal in [
            "#read(\"/etc/passwd\")",
            "$x$ and * and _ and <tag> and @ref and \\ and ]",
            "<script>alert(1)</script>",
            "[click me](javascript:alert(1))",
            "`unclosed backtick",
            "A bullet with a | pipe | in it",
        ] {
            assert!(
                normalized.contains(&normalize(literal)),
                "`{literal}` not literal in:\n{text}"
            );
        }
        assert!(!text.contains("root:"), "a file was read");
        assert!(
            !String::from_utf8_lossy(&pdf).contains("javascript:alert"),
            "a live script link"
        );
    }
}

#[test]
fn a_broken_template_gives_a_located_error() {
    let folder = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(repo("layouts")).unwrap() {
        let entry = entry.unwrap();
        if !entry.path().is_file() {
            continue;
        }
        std::fs::copy(entry.path(), folder.path().join(entry.file_name())).unwrap();
    }
    let booklet = folder.path().join("booklet.typ");
    let mut text = std::fs::read_to_string(&booklet).unwrap();
    text.push_str("\n#let broken = (1 +\n");
    let line = text.lines().count();
    std::fs::write(&booklet, text).unwrap();
    let options = PdfOptions {
        layouts_dir: Some(folder.path().to_path_buf()),
        ..PdfOptions::default()
    };
    let context = Context::new(&options, true).unwrap();
    let ladder = &load_all(repo("ladders/packback.yaml"))[0];
    let error = context
        .booklet(&view(ladder), &stamp())
        .unwrap_err()
        .to_string();
    assert!(error.starts_with("error: "), "{error}");
    assert!(error.contains(&format!("booklet.typ:{line}:")), "{error}");
    // The one-pagers do not use the broken file and still work.
    assert!(context
        .offer(&view(ladder), "apprentice", None, &stamp())
        .is_ok());
}

#[test]
fn emitted_sources_compile_to_the_same_document() {
    let folder = tempfile::tempdir().unwrap();
    let ladder = &load_all(repo("ladders/rent-the-runway-style.yaml"))[0];
    let options = PdfOptions {
        layouts_dir: Some(repo("layouts")),
        emit_typst: Some(folder.path().to_path_buf()),
        ..PdfOptions::default()
    };
    let emitting = Context::new(&options, true).unwrap();
    let pdf = emitting.booklet(&view(ladder), &stamp()).unwrap();
    let emitted = folder.path().join(&ladder.id).join("booklet");
    for file in ["booklet.typ", "style.typ", "data.json"] {
        assert!(emitted.join(file).is_file(), "{file} was not emitted");
    }
    // The emitted folder is a complete typst project: compiling its sources gives the same PDF.
    let replay = Context::new(
        &PdfOptions {
            layouts_dir: Some(emitted.clone()),
            ..PdfOptions::default()
        },
        true,
    )
    .unwrap();
    let data: serde_json::Value =
        serde_json::from_slice(&std::fs::read(emitted.join("data.json")).unwrap()).unwrap();
    assert_eq!(data["ladder"]["title"], ladder.title.as_str());
    assert!(replay.booklet(&view(ladder), &stamp()).unwrap() == pdf);
}

#[test]
fn paper_size_and_extra_fonts_are_options() {
    let ladder = load(repo("ladders/titles-and-roles.yaml"));
    let letter = Context::new(
        &PdfOptions {
            layouts_dir: Some(repo("layouts")),
            paper: ladder::export::pdf::Paper::UsLetter,
            ..PdfOptions::default()
        },
        true,
    )
    .unwrap();
    let pdf = letter
        .offer(&view(&ladder), "lead", None, &stamp())
        .unwrap();
    let document = lopdf::Document::load_mem(&pdf).unwrap();
    let (_, page) = document.get_pages().into_iter().next().unwrap();
    let media_box = document
        .get_dictionary(page)
        .unwrap()
        .get(b"MediaBox")
        .unwrap()
        .as_array()
        .unwrap()
        .clone();
    let numbers: Vec<f32> = media_box.iter().map(|n| n.as_float().unwrap()).collect();
    assert_eq!(
        numbers,
        [0.0, 0.0, 612.0, 792.0],
        "US letter is 8.5 × 11 in"
    );

    // An organization's font folder is loaded (and changes what PDFs depend on); a file that is
    // not a font is refused with its name.
    let fonts = tempfile::tempdir().unwrap();
    let some_font = typst_assets::fonts().next().unwrap();
    std::fs::write(fonts.path().join("house-font.ttf"), some_font).unwrap();
    let with_font = Context::new(
        &PdfOptions {
            font_paths: vec![fonts.path().to_path_buf()],
            ..PdfOptions::default()
        },
        true,
    )
    .unwrap();
    let without = Context::new(&PdfOptions::default(), true).unwrap();
    assert_ne!(with_font.fingerprint(), without.fingerprint());
    std::fs::write(fonts.path().join("broken.ttf"), b"not a font").unwrap();
    let error = Context::new(
        &PdfOptions {
            font_paths: vec![fonts.path().to_path_buf()],
            ..PdfOptions::default()
        },
        true,
    )
    .err()
    .expect("a broken font is refused")
    .to_string();
    assert!(error.contains("broken.ttf"), "{error}");
}

#[test]
fn each_level_says_what_is_new_compared_with_the_level_below() {
    let ladder = load(repo("ladders/persado-2019.yaml"));
    let text = normalize(&text_of(
        &context().booklet(&view(&ladder), &stamp()).unwrap(),
    ));
    // Software Engineer II: 21 new, 1 reworded, 18 no longer listed (see tests/changes.rs).
    assert!(text.contains(&normalize(
        "Compared with Software Engineer I: 21 new, 1 reworded, 18 no longer listed."
    )));
    let cumulative = load(repo("ladders/titles-and-roles.yaml"));
    let text = normalize(&text_of(
        &context().booklet(&view(&cumulative), &stamp()).unwrap(),
    ));
    assert!(text.contains(&normalize(
        "Adds 4 expectations to everything expected at Software Engineer."
    )));
}

#[test]
fn a_link_in_the_layouts_folder_to_a_file_outside_it_is_refused() {
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("secret.txt");
    std::fs::write(&secret, "root:x:0:0:the-secret-line").unwrap();
    let folder = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(repo("layouts")).unwrap() {
        let entry = entry.unwrap();
        if entry.path().is_file() {
            std::fs::copy(entry.path(), folder.path().join(entry.file_name())).unwrap();
        }
    }
    let offer = folder.path().join("offer.typ");
    let text = std::fs::read_to_string(&offer).unwrap() + "\n#read(\"passwd.txt\")\n";
    std::fs::write(&offer, text).unwrap();
    let options = PdfOptions {
        layouts_dir: Some(folder.path().to_path_buf()),
        ..PdfOptions::default()
    };
    // A link that stays inside the folder is followed.
    std::fs::write(folder.path().join("inside.txt"), "inside").unwrap();
    std::os::unix::fs::symlink(
        folder.path().join("inside.txt"),
        folder.path().join("passwd.txt"),
    )
    .unwrap();
    let context = Context::new(&options, true).unwrap();
    let ladder = &load_all(repo("ladders/packback.yaml"))[0];
    let pdf = context
        .offer(&view(ladder), "apprentice", None, &stamp())
        .unwrap();
    assert!(crate::pdf::text_of(&pdf).contains("inside"));
    // One that leads out of it is refused before any template runs.
    std::fs::remove_file(folder.path().join("passwd.txt")).unwrap();
    std::os::unix::fs::symlink(&secret, folder.path().join("passwd.txt")).unwrap();
    let error = match Context::new(&options, true) {
        Ok(context) => {
            let made = context.offer(&view(ladder), "apprentice", None, &stamp());
            let leaked = made
                .as_ref()
                .map(|pdf| crate::pdf::text_of(pdf).contains("the-secret-line"))
                .unwrap_or(false);
            panic!("the layouts loaded (leaked: {leaked})");
        }
        Err(error) => format!("{error:#}"),
    };
    assert!(error.contains("passwd.txt links to"), "{error}");
    assert!(error.contains("outside"), "{error}");
}

/// A word on a page as poppler boxes it (points, from the page's top left).
pub(crate) struct WordBox {
    pub(crate) text: String,
    pub(crate) x_min: f64,
    pub(crate) x_max: f64,
    pub(crate) y_min: f64,
    pub(crate) y_max: f64,
}

/// The words of a PDF's pages as poppler boxes them, and the width of its first page.
pub(crate) fn word_boxes(pdf_path: &std::path::Path) -> (Vec<WordBox>, f64) {
    let output = std::process::Command::new("pdftotext")
        .arg("-bbox")
        .arg(pdf_path)
        .arg("-")
        .output()
        .expect("poppler's pdftotext is installed");
    let html = String::from_utf8_lossy(&output.stdout);
    let number = |tag: &str, key: &str| -> f64 {
        tag.split(&format!("{key}=\""))
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .and_then(|value| value.parse().ok())
            .unwrap_or(0.0)
    };
    let width = html
        .split("<page ")
        .nth(1)
        .map_or(0.0, |page| number(page, "width"));
    let words = html
        .split("<word ")
        .skip(1)
        .map(|word| WordBox {
            text: word
                .split('>')
                .nth(1)
                .unwrap_or("")
                .split('<')
                .next()
                .unwrap_or("")
                .to_owned(),
            x_min: number(word, "xMin"),
            x_max: number(word, "xMax"),
            y_min: number(word, "yMin"),
            y_max: number(word, "yMax"),
        })
        .collect();
    (words, width)
}

/// The title's words on a page as poppler boxes them (points, from the top): the words set
/// at the title's size, and the bottom of their boxes, descenders included.
fn title_bottom(pdf_path: &std::path::Path) -> (Vec<String>, f64) {
    let mut words = Vec::new();
    let mut bottom: f64 = 0.0;
    // The title is set at 24 pt; the body at 12 pt at most.
    for word in word_boxes(pdf_path).0 {
        if word.y_max - word.y_min > 20.0 {
            bottom = bottom.max(word.y_max);
            words.push(word.text);
        }
    }
    (words, bottom)
}

/// On a personalized one-pager the candidate's name stands at the start of its line and the
/// date at the end, in the ladder's direction: in an Arabic ladder the name on the right, the
/// date on the left (the name was pushed against the date), in English the other way round.
#[test]
fn the_candidate_s_name_and_the_date_stand_at_either_end_in_the_text_s_direction() {
    let folder = tempfile::tempdir().unwrap();
    let cases = [
        (
            load(repo("tests/fixtures/scripts/arabic.yaml")),
            "علي",
            "ديسمبر",
            true,
        ),
        (shipped("persado-2019.yaml"), "Lovelace", "December", false),
    ];
    for (ladder, name_word, month, right_to_left) in cases {
        let view = view(&ladder);
        let name = if right_to_left {
            "أحمد علي"
        } else {
            "Ada Lovelace"
        };
        let candidate = Candidate {
            name: String::from(name),
            date: Some("2026-12-02".parse().unwrap()),
            fields: Default::default(),
        };
        let (_, level) = ladder.levels().next().unwrap();
        let pdf = context()
            .offer(&view, &level.id, Some(&candidate), &stamp())
            .unwrap();
        let path = folder.path().join(format!("{}.pdf", ladder.id));
        std::fs::write(&path, &pdf).unwrap();
        let (words, width) = word_boxes(&path);
        // poppler gives right-to-left words in the order their glyphs stand (reversed).
        let find = |wanted: &str| {
            let reversed: String = wanted.chars().rev().collect();
            words
                .iter()
                .find(|word| word.text.contains(wanted) || word.text.contains(&reversed))
                .unwrap_or_else(|| panic!("{}: no `{wanted}` on the page", ladder.id))
        };
        let (name_box, date_box) = (find(name_word), find(month));
        // The name stands at the start of its line, the date at its end.
        let (left, right) = if right_to_left {
            (date_box, name_box)
        } else {
            (name_box, date_box)
        };
        let middle = width / 2.0;
        assert!(
            left.x_max < middle && right.x_min > middle,
            "{}: name at {}–{} pt, date at {}–{} pt on a page {width} pt wide",
            ladder.id,
            name_box.x_min,
            name_box.x_max,
            date_box.x_min,
            date_box.x_max
        );
    }
}

/// The first row (points, from the top) below `from` where a horizontal rule spans most of
/// the page's width, on the page rendered by poppler at 2 pixels per point.
fn rule_below(pdf_path: &std::path::Path, from: f64) -> Option<f64> {
    let folder = tempfile::tempdir().unwrap();
    let prefix = folder.path().join("page");
    let status = std::process::Command::new("pdftoppm")
        .args(["-r", "144", "-gray", "-singlefile", "-f", "1", "-l", "1"])
        .arg(pdf_path)
        .arg(&prefix)
        .status()
        .expect("poppler's pdftoppm is installed");
    assert!(status.success());
    let pgm = std::fs::read(prefix.with_extension("pgm")).unwrap();
    // `P5\n<width> <height>\n255\n` then a byte per pixel.
    let mut fields = Vec::new();
    let mut at = 0;
    while fields.len() < 4 {
        while pgm[at].is_ascii_whitespace() {
            at += 1;
        }
        let start = at;
        while !pgm[at].is_ascii_whitespace() {
            at += 1;
        }
        fields.push(String::from_utf8_lossy(&pgm[start..at]).into_owned());
    }
    let pixels = &pgm[at + 1..];
    let width: usize = fields[1].parse().unwrap();
    let height: usize = fields[2].parse().unwrap();
    let first = (from * 2.0) as usize;
    (first..height).find_map(|row| {
        let line = &pixels[row * width..(row + 1) * width];
        let dark = line.iter().filter(|&&value| value < 160).count();
        (dark * 10 >= width * 7).then_some(row as f64 / 2.0)
    })
}

/// The rule under a one-pager's title lies below the title's descenders (poppler's word
/// boxes), for titles with descenders, on a personalized page too.
#[test]
fn the_title_rule_lies_below_the_title_s_descenders() {
    let folder = tempfile::tempdir().unwrap();
    let ladder = shipped("persado-2019.yaml");
    let view = view(&ladder);
    let candidate = Candidate {
        name: String::from("Alan Turing"),
        date: None,
        fields: Default::default(),
    };
    // "Director of Engineering", "Engineering Team Lead": a "g" in each.
    for (level, candidate) in [("m-2", None), ("m-1", Some(&candidate)), ("se-3", None)] {
        let pdf = context().offer(&view, level, candidate, &stamp()).unwrap();
        let path = folder.path().join(format!("{level}.pdf"));
        std::fs::write(&path, &pdf).unwrap();
        let (words, bottom) = title_bottom(&path);
        assert!(!words.is_empty(), "{level}: no title found");
        let title_top = bottom - 30.0;
        let rule = rule_below(&path, title_top).unwrap_or_else(|| panic!("{level}: no rule"));
        assert!(
            rule > bottom,
            "{level}: the rule at {rule} pt cuts the title {words:?}, whose descenders reach {bottom} pt"
        );
    }
}

/// What the level below listed and this level does not is said in words when it is little
/// (a bare count reads as if it no longer mattered), and a level's "new" badge leads its
/// item, so it never ends a line alone.
#[test]
fn the_booklet_names_what_is_no_longer_listed_and_badges_lead_their_items() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("small.yaml");
    std::fs::write(
        &path,
        "title: Small\nareas:\n  - {id: craft, name: Craft}\ntracks:\n  - id: ic\n    name: Engineers\n    kind: ic\n    levels:\n      - {id: l1, title: Engineer, expectations: {craft: [Writes tests, Reviews code, Fixes flaky builds]}}\n      - {id: l2, title: Senior Engineer, expectations: {craft: [Writes tests, Reviews code, Designs services end to end]}}\n",
    )
    .unwrap();
    let ladder = load(&path);
    let pdf = context().booklet(&view(&ladder), &stamp()).unwrap();
    let text = normalize(&text_of(&pdf));
    assert!(
        text.contains(&normalize("No longer listed: Fixes flaky builds")),
        "{text}"
    );
    assert!(
        text.contains(&normalize("new Designs services end to end")),
        "{text}"
    );
}

/// The addresses a PDF's links lead to (`/URI` actions).
fn link_targets(pdf: &[u8]) -> Vec<String> {
    let document = lopdf::Document::load_mem(pdf).unwrap();
    let mut targets = Vec::new();
    for object in document.objects.values() {
        let Ok(dictionary) = object.as_dict() else {
            continue;
        };
        let action = match dictionary.get(b"A") {
            Ok(lopdf::Object::Reference(id)) => document.get_dictionary(*id).ok(),
            Ok(lopdf::Object::Dictionary(action)) => Some(action),
            _ => None,
        };
        if let Some(Ok(lopdf::Object::String(uri, _))) = action.map(|action| action.get(b"URI")) {
            targets.push(String::from_utf8_lossy(uri).into_owned());
        }
    }
    targets
}

#[test]
fn a_large_ladder_s_booklet_comes_in_volumes_that_hold_every_expectation() {
    use ladder::export::{Exporter, Input};
    let ladder = shipped("persado-2019.yaml");
    let view = view(&ladder);
    let options = PdfOptions {
        layouts_dir: Some(repo("layouts")),
        volume_expectations: Some(10),
        ..PdfOptions::default()
    };
    let exporter = ladder::export::pdf::PdfExporter::new(&options).unwrap();
    let artifacts = exporter.artifacts(&ladder);
    let input = Input {
        ladder: &ladder,
        view: &view,
    };
    let made = |name: &str| {
        let artifact = artifacts
            .iter()
            .find(|artifact| artifact.name == name)
            .unwrap_or_else(|| panic!("no artifact {name}: {artifacts:?}"));
        let mut files = exporter.make(input, artifact, &stamp()).unwrap();
        assert_eq!(files.len(), 1);
        (artifact.folder.join(&files[0].path), files.remove(0).bytes)
    };

    // The main booklet: every track and level, a pointer and a link to each volume, and no
    // expectation (those are in the volumes).
    let (main_path, main) = made("booklet");
    assert_eq!(main_path, std::path::Path::new("persado-2019.pdf"));
    let main_text = normalize(&text_of(&main));
    let links = link_targets(&main);
    let count = ladder.tracks.len();
    for (number, track) in ladder.tracks.iter().enumerate() {
        let file = format!("volumes/{}.pdf", track.id);
        assert!(links.contains(&file), "no link to {file}: {links:?}");
        let pointer = format!("are in volume {}: {file}", number + 1);
        assert!(main_text.contains(&normalize(&pointer)), "{pointer}");
        for level in &track.levels {
            assert!(
                main_text.contains(&normalize(&level.title)),
                "{}",
                level.title
            );
        }
    }
    for (_, level) in ladder.levels() {
        for item in level.expectations.values().flatten() {
            let plain = normalize(&markup::plain_text(&item.text));
            assert!(
                !main_text.contains(&plain),
                "the main booklet repeats `{plain}`"
            );
        }
    }

    // Each volume: its track's levels with every expectation, named as a volume of the ladder.
    for (number, track) in ladder.tracks.iter().enumerate() {
        let (path, volume) = made(&format!("volume/{}", track.id));
        assert_eq!(
            path,
            std::path::Path::new(&format!("volumes/{}.pdf", track.id))
        );
        let text = normalize(&text_of(&volume));
        let title = format!("Volume {} of {count}: {}", number + 1, track.name);
        assert!(text.contains(&normalize(&title)), "{title}");
        for level in &track.levels {
            assert!(text.contains(&normalize(&level.title)), "{}", level.title);
            if level.shares_expectations_with.is_some() {
                continue;
            }
            for item in level.expectations.values().flatten() {
                let plain = markup::plain_text(&item.text);
                assert!(text.contains(&normalize(&plain)), "{}: `{plain}`", track.id);
            }
        }
    }

    // A ladder under the limit keeps its one booklet.
    let whole = ladder::export::pdf::PdfExporter::new(&PdfOptions {
        layouts_dir: Some(repo("layouts")),
        ..PdfOptions::default()
    })
    .unwrap();
    assert!(!whole
        .artifacts(&ladder)
        .iter()
        .any(|artifact| artifact.name.starts_with("volume/")));
}
