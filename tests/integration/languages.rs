//! Ladders in other languages and scripts, read back from every output: labels in the
//! ladder's language, every character of every script in the PDF, and a fourth exporter
//! plugged in through the public trait.

use crate::common::*;
use crate::pdf::{context, normalize, pages_of, text_of};

use std::collections::BTreeSet;
use std::io::Cursor;

use calamine::Reader;
use ladder::build::{self, BuildOptions, Outcome, Silent};
use ladder::export::{ArtifactSpec, Exporter, Input, OutputFile, Registry, Stamp};
use ladder::labels::{built_in_languages, Dictionaries};
use ladder::Ladder;

/// Everything a reader sees in a ladder's booklet, one one-pager, handbook and workbook.
fn every_output_text(ladder: &Ladder) -> String {
    let view = view(ladder);
    let mut text = text_of(&context().booklet(&view, &stamp()).unwrap());
    let (_, level) = view.levels().nth(1).unwrap();
    text.push_str(&text_of(
        &context().offer(&view, &level.id, None, &stamp()).unwrap(),
    ));
    for file in ladder::export::markdown::handbook(&view, &stamp()).unwrap() {
        text.push_str(&String::from_utf8(file.bytes).unwrap());
    }
    let bytes = workbook_of(ladder, &view).unwrap();
    let mut book: calamine::Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    for name in book.sheet_names() {
        text.push_str(&name);
        text.push('\n');
        let range = book.worksheet_range(&name).unwrap();
        for row in range.rows() {
            for cell in row {
                text.push_str(&cell.to_string());
                text.push('\n');
            }
        }
    }
    text
}

/// The literal words of a label (the text between its placeholders), where they are long enough
/// to mean something on their own.
fn label_words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut rest = text;
    loop {
        let (before, after) = match rest.split_once('{') {
            Some((before, after)) => (before, after.split_once('}').map_or("", |(_, a)| a)),
            None => (rest, ""),
        };
        let before = before.trim_matches(|c: char| !c.is_alphanumeric());
        if before.chars().filter(|c| c.is_alphabetic()).count() >= 4 {
            words.push(before.to_owned());
        }
        if !rest.contains('{') {
            break;
        }
        rest = after;
    }
    words
}

#[test]
fn no_english_label_is_left_in_any_output_of_a_translated_ladder() {
    let dictionaries = Dictionaries::built_in();
    let english = dictionaries.labels("en").0;
    let source = std::fs::read_to_string(repo("ladders/persado-2019.yaml")).unwrap();
    for language in built_in_languages().filter(|language| *language != "en") {
        let mut ladder = shipped("persado-2019.yaml");
        ladder.language = Some(language.to_owned());
        ladder.effective_date = ladder::date::Date::new(2026, 3, 1);
        let labels = dictionaries.labels(language).0;
        let text = every_output_text(&ladder);
        for (key, english_text) in english.texts() {
            // A label the language writes the same way ("Version", "Code") says nothing.
            if labels.text(key) == english_text {
                continue;
            }
            for words in label_words(english_text) {
                // Words the ladder itself uses (it is written in English) are its text, and words
                // inside a label of the language ("Change" in "Changements") are that label.
                let in_translation = labels.texts().any(|(_, text)| text.contains(&words));
                if source.contains(&words) || in_translation {
                    continue;
                }
                assert!(
                    !text.contains(&words),
                    "{language}: the English label `{key}` (\"{words}\") is in an output"
                );
            }
        }
        // And the language's own labels are there: sheet names, a date, the facts.
        assert!(
            text.contains(labels.text("sheet_calibration")),
            "{language}"
        );
        assert!(
            text.contains(&labels.date(ladder::date::Date::new(2026, 3, 1).unwrap())),
            "{language}"
        );
    }
}

/// Every character of a ladder's own text a reader sees, but spaces (a link's address is not
/// on the page, only its text).
fn characters_of(ladder: &Ladder) -> BTreeSet<char> {
    let mut text = ladder.title.clone();
    for (track, level) in ladder.levels() {
        text.push_str(&track.name);
        text.push_str(&level.title);
        for items in level.expectations.values() {
            for item in items {
                text.push_str(&shown(&item.text));
            }
        }
    }
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn japanese_korean_arabic_and_hebrew_ladders_reach_the_pdf_whole_in_embedded_fonts() {
    for name in ["japanese", "korean", "arabic", "hebrew"] {
        let ladder = load(repo(&format!("tests/fixtures/scripts/{name}.yaml")));
        let pdf = context().booklet(&view(&ladder), &stamp()).unwrap();
        let raw = text_of(&pdf);
        // Nothing the source does not have: no break marks inserted for the layout.
        for mark in ['\u{200b}', '\u{ad}', '\u{2060}'] {
            assert!(!raw.contains(mark), "{name}: {mark:?} in the PDF's text");
        }
        let extracted: BTreeSet<char> = normalize(&raw).chars().collect();
        let missing: Vec<char> = characters_of(&ladder)
            .into_iter()
            .filter(|c| !extracted.contains(c) && !matches!(c, '-' | '\u{2010}' | '\u{ad}'))
            .collect();
        assert!(
            missing.is_empty(),
            "{name}: not in the PDF's text: {missing:?}"
        );
        let document = lopdf::Document::load_mem(&pdf).unwrap();
        let mut fonts = Vec::new();
        for object in document.objects.values() {
            let Ok(dictionary) = object.as_dict() else {
                continue;
            };
            if dictionary.get(b"Type").and_then(|t| t.as_name()).ok()
                == Some(b"FontDescriptor".as_slice())
            {
                assert!(
                    [b"FontFile".as_slice(), b"FontFile2", b"FontFile3"]
                        .iter()
                        .any(|key| dictionary.has(key)),
                    "{name}: a font is not embedded"
                );
                let font = dictionary.get(b"FontName").unwrap().as_name().unwrap();
                fonts.push(String::from_utf8_lossy(font).into_owned());
            }
        }
        // Each script in a serif face beside the serif Latin (Arabic in Naskh, not the
        // monospaced fallback nor a sans), CJK in its own region's face: the Korean booklet,
        // made after the Japanese one in this process, is not set in the Japanese face that
        // the Japanese booklet loaded.
        let (face, foreign) = match name {
            "japanese" => ("NotoSerifCJKjp", "CJKkr"),
            "korean" => ("NotoSerifCJKkr", "CJKjp"),
            "arabic" => ("NotoNaskhArabic", "NotoSansArabic"),
            _ => ("LibertinusSerif", "Hebrew"),
        };
        assert!(
            fonts.iter().any(|font| font.contains(face)),
            "{name}: no {face} in {fonts:?}"
        );
        assert!(
            !fonts.iter().any(|font| font.contains(foreign)),
            "{name}: {foreign} in {fonts:?}"
        );
        // The same bytes as the booklet made alone, by a run that made nothing else.
        let alone = ladder::export::pdf::Context::new(
            &ladder::export::pdf::PdfOptions {
                layouts_dir: Some(repo("layouts")),
                ..Default::default()
            },
            true,
        )
        .unwrap()
        .booklet(&view(&ladder), &stamp())
        .unwrap();
        assert!(
            alone == pdf,
            "{name}: the booklet depends on what else the run built"
        );
        let (_, level) = view(&ladder)
            .levels()
            .last()
            .map(|(t, l)| (t.id.clone(), l.id.clone()))
            .unwrap();
        let offer = context()
            .offer(&view(&ladder), &level, None, &stamp())
            .unwrap();
        assert_eq!(pages_of(&offer), 1, "{name}");
    }
}

#[test]
fn a_character_no_font_has_fails_its_pdf_naming_the_level() {
    // U+10FFFD is a private-use character: no font on any system covers it.
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("odd.yaml");
    std::fs::write(
        &file,
        "title: Odd\ntracks:\n  - id: t\n    name: T\n    kind: ic\n    levels:\n      - id: odd-1\n        title: One\n        description: \"A \u{10FFFD} here\"\n",
    )
    .unwrap();
    let ladder = load(&file);
    let error = context()
        .booklet(&view(&ladder), &stamp())
        .unwrap_err()
        .to_string();
    assert!(error.contains("U+10FFFD"), "{error}");
    assert!(error.contains("odd-1"), "{error}");
}

/// Emoji in an area's name and in prose reach the booklet and the one-pager, in a face that
/// has them. `✨` (Monzo's "✨ Influence") is covered among typst's own fonts only by its math
/// face, which typst never sets prose in: the document failed instead of loading an emoji face.
#[test]
fn emoji_in_an_area_name_and_an_expectation_reach_the_booklet_and_the_one_pager() {
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("emoji.yaml");
    std::fs::write(
        &file,
        "title: Emoji
areas:
  - id: influence
    name: \u{2728} Influence
tracks:
  - id: t
    name: T
    kind: ic
    levels:
      - id: one
        title: One
        expectations:
          influence:
            - Helps \u{2728} others \u{1F6E0} a lot
",
    )
    .unwrap();
    let ladder = load(&file);
    let view = view(&ladder);
    for pdf in [
        context().booklet(&view, &stamp()).unwrap(),
        context().offer(&view, "one", None, &stamp()).unwrap(),
    ] {
        let text = text_of(&pdf);
        assert!(text.contains("\u{2728}"), "{text}");
        assert!(text.contains("\u{1F6E0}"), "{text}");
    }
}

/// A fourth format, from outside the library: a plain-text list of each ladder's levels.
struct LevelList;

impl Exporter for LevelList {
    fn name(&self) -> &'static str {
        "txt"
    }

    fn artifacts(&self, _ladder: &Ladder) -> Vec<ArtifactSpec> {
        vec![ArtifactSpec::new("levels")]
    }

    fn make(
        &self,
        input: Input,
        _artifact: &ArtifactSpec,
        _stamp: &Stamp,
    ) -> anyhow::Result<Vec<OutputFile>> {
        let lines: Vec<String> = input
            .view
            .levels()
            .map(|(track, level)| format!("{}: {}", track.name, level.title))
            .collect();
        Ok(vec![OutputFile {
            path: "levels.txt".into(),
            bytes: lines.join("\n").into_bytes(),
        }])
    }
}

#[test]
fn a_fourth_exporter_plugs_in_through_the_public_trait() {
    let workspace = ladder::Workspace::load(&[repo("ladders/packback.yaml")]);
    let out = tempfile::tempdir().unwrap();
    let options = BuildOptions {
        out_dir: out.path().to_path_buf(),
        ..BuildOptions::default()
    };
    let registry = Registry::empty().with(LevelList);
    let report = build::build_with(&workspace.ladders, &registry, &options, &Silent).unwrap();
    assert_eq!(report.artifacts.len(), 1);
    assert!(matches!(report.artifacts[0].outcome, Outcome::Built { .. }));
    let text = std::fs::read_to_string(out.path().join("packback/levels.txt")).unwrap();
    let ladder = &workspace.ladders[0].ladder;
    assert_eq!(text.lines().count(), ladder.levels().count());
    assert!(text.contains(&ladder.tracks[0].levels[0].title));
    // A second build finds it up to date, like any other artifact.
    let again = build::build_with(&workspace.ladders, &registry, &options, &Silent).unwrap();
    assert!(matches!(again.artifacts[0].outcome, Outcome::UpToDate));
}

/// Korean breaks lines between words, as its readers expect (CSS's `keep-all`), never inside
/// one: no word of the ladder is found in the booklet's text only by joining two lines.
#[test]
fn korean_lines_break_between_words_never_inside_one() {
    let ladder = load(repo("tests/fixtures/scripts/korean.yaml"));
    let pdf = context().booklet(&view(&ladder), &stamp()).unwrap();
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("korean.pdf");
    std::fs::write(&path, &pdf).unwrap();
    // poppler keeps the lines as they were set.
    let output = std::process::Command::new("pdftotext")
        .arg(&path)
        .arg("-")
        .output()
        .expect("poppler's pdftotext is installed");
    let text = String::from_utf8_lossy(&output.stdout);
    let spaced: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let joined: String = text.split('\n').collect();
    let source = std::fs::read_to_string(repo("tests/fixtures/scripts/korean.yaml")).unwrap();
    let is_hangul = |c: char| ('\u{AC00}'..='\u{D7A3}').contains(&c);
    let words: std::collections::BTreeSet<&str> = source
        .split(|c: char| !is_hangul(c))
        .filter(|word| word.chars().count() >= 2)
        .collect();
    assert!(words.len() > 100, "{} Korean words", words.len());
    let broken: Vec<&&str> = words
        .iter()
        .filter(|word| !spaced.contains(**word) && joined.contains(**word))
        .collect();
    assert!(broken.is_empty(), "broken across lines: {broken:?}");
}

/// A right-to-left ladder in a language with no dictionary (the Arabic fixture marked as
/// Persian, `fa`) gets English labels. Each reads in order, left to right, around the level's
/// title: "Compared with مهندس مبتدئ: 6 new, …" is not reordered by the page's direction
/// (which made it ". new, 6 no longer listed 7 :مهندس مبتدئ Compared with"). Read from
/// poppler's word boxes: on each such line, the English words stand left to right in the
/// label's order.
#[test]
fn a_borrowed_label_in_a_right_to_left_ladder_reads_in_order() {
    let mut ladder = load(repo("tests/fixtures/scripts/arabic.yaml"));
    ladder.language = Some(String::from("fa"));
    let pdf = context().booklet(&view(&ladder), &stamp()).unwrap();
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("fa.pdf");
    std::fs::write(&path, &pdf).unwrap();
    let (words, _) = crate::pdf::word_boxes(&path);
    let mut lines = 0;
    for start in words.iter().filter(|word| word.text == "Compared") {
        let mut english: Vec<&crate::pdf::WordBox> = words
            .iter()
            .filter(|word| (word.y_min - start.y_min).abs() < 2.0)
            .filter(|word| word.text.chars().any(|c| c.is_ascii_alphabetic()))
            .collect();
        english.sort_by(|a, b| a.x_min.total_cmp(&b.x_min));
        let order: Vec<&str> = english.iter().map(|word| word.text.as_str()).collect();
        assert_eq!(order.first(), Some(&"Compared"), "{order:?}");
        assert_eq!(order.get(1), Some(&"with"), "{order:?}");
        assert!(
            order.last().is_some_and(|last| last.ends_with('.')),
            "the sentence's end is not at the right: {order:?}"
        );
        lines += 1;
    }
    // The second and third levels compare themselves with the level below.
    assert_eq!(lines, 2);
}
