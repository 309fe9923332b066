//! From an outline to a ladder: which headings are tracks, levels and areas, which paragraphs
//! are expectations, which tables hold levels.
//!
//! The [`Interpreter`] walks the outline once, keeping the track and level being filled. Its
//! concerns are split by what they read: this module walks headings and holds the state,
//! [`text`] reads paragraphs and lists, [`tables`] reads tables, and [`assemble`] turns the
//! drafts into the model once the walk is done.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use indexmap::IndexMap;

use super::outline::{bold_key, table_text, Block, Cell, Item};
use super::Imported;

mod assemble;
mod cells;
mod headings;
mod likeness;
mod matrix;
mod own;
mod reading;
mod records;
mod tables;
mod text;
mod twins;
use crate::date::Date;
use crate::diagnostic::Diagnostic;
use crate::markup;
use crate::model::{
    slug, Area, Expectation, Experience, Grade, Ladder, Level, Section, Track, TrackKind,
};
pub(crate) use likeness::is_description_heading;
use likeness::{
    is_becoming_heading, is_footnote, is_manager_title, is_procedure_heading, is_process_lead_in,
    is_resources_heading, only_gives_steps, reads_as_lead_in, states_a_requirement,
    AREA_LABEL_WORDS, LIST_NAMES,
};
pub(crate) use likeness::{
    is_management_track, is_rung_code, is_rung_word, level_likeness, numbered_stem,
};
pub use matrix::LevelAxis;
pub(crate) use reading::is_statement;
use reading::{one_level_page, prose_headings};
pub use reading::{score, Choice, Reading, Score};

/// The track files a handbook README lists (`- [Track](track.md) (4 levels)`).
pub fn linked_track_files(blocks: &[Block]) -> Vec<String> {
    blocks
        .iter()
        .filter(|block| is_track_file_list(block))
        .flat_map(|block| match block {
            Block::List { items, .. } => items
                .iter()
                .filter_map(|item| link_target(&item.text))
                .collect(),
            _ => Vec::new(),
        })
        .collect()
}

/// A list whose every item starts with a link to a local `.md` file.
pub fn is_track_file_list(block: &Block) -> bool {
    match block {
        Block::List { items, .. } => {
            !items.is_empty()
                && items.iter().all(|item| {
                    link_target(&item.text).is_some_and(|target| {
                        target.ends_with(".md")
                            && !target.contains("://")
                            && !target.contains('#')
                            && target != "README.md"
                    }) && item.text.starts_with('[')
                })
        }
        _ => false,
    }
}

/// The target of the first link in a Markdown text.
fn link_target(text: &str) -> Option<String> {
    first_link(text).map(|(_, url)| url)
}

/// The target of the one link a text is made of (`[Technical competencies](#technical)`,
/// perhaps emphasized), when it says nothing else.
fn only_a_link(text: &str) -> Option<String> {
    fn find(inlines: &[markup::Inline]) -> Option<String> {
        let mut target = None;
        for inline in inlines {
            match inline {
                markup::Inline::Link { url, .. } if target.is_none() => target = Some(url.clone()),
                markup::Inline::Emph { children } | markup::Inline::Strong { children } => {
                    if target.is_some() {
                        return None;
                    }
                    target = Some(find(children)?);
                }
                markup::Inline::Text { text } if text.trim().is_empty() => {}
                markup::Inline::Break => {}
                _ => return None,
            }
        }
        target
    }
    find(&markup::inline(text.trim()))
}

fn first_link(text: &str) -> Option<(String, String)> {
    fn find(inlines: &[markup::Inline]) -> Option<(String, String)> {
        for inline in inlines {
            match inline {
                markup::Inline::Link { url, children } => {
                    return Some((markup::plain(children), url.clone()))
                }
                markup::Inline::Emph { children }
                | markup::Inline::Strong { children }
                | markup::Inline::Strike { children } => {
                    if let Some(found) = find(children) {
                        return Some(found);
                    }
                }
                _ => {}
            }
        }
        None
    }
    find(&markup::inline(text))
}

/// Plain text of Markdown, links as their text only.
pub(crate) fn plain(text: &str) -> String {
    fn walk(inlines: &[markup::Inline], out: &mut String) {
        for inline in inlines {
            match inline {
                markup::Inline::Text { text } | markup::Inline::Code { text } => out.push_str(text),
                markup::Inline::Emph { children }
                | markup::Inline::Strong { children }
                | markup::Inline::Strike { children }
                | markup::Inline::Link { children, .. } => walk(children, out),
                markup::Inline::Image { alt, .. } => out.push_str(alt),
                markup::Inline::Break => out.push(' '),
            }
        }
    }
    let mut out = String::new();
    walk(&markup::inline(text), &mut out);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A block's text, plain, on one line (what a sheet that is not a matrix keeps as prose).
pub(crate) fn block_plain(block: &Block) -> String {
    match block {
        Block::Heading { text, .. } | Block::Paragraph { text, .. } => plain(text),
        Block::KeyValue { key, value, .. } => format!("{key}: {}", plain(value)),
        Block::List { items, .. } => items
            .iter()
            .map(|item| plain(&item.text))
            .collect::<Vec<_>>()
            .join("; "),
        Block::Table { rows, .. } => rows
            .iter()
            .map(|row| {
                row.iter()
                    .map(|cell| plain(&cell.text))
                    .collect::<Vec<_>>()
                    .join(" | ")
            })
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

/// Whether the colon at byte `at` of `text` stands between two digits ("1:1s", "10:30",
/// "3:1"): a ratio or a time, no label's end.
pub(super) fn colon_between_digits(text: &str, at: usize) -> bool {
    let before = text[..at].chars().next_back();
    let after = text[at..].chars().nth(1);
    before.is_some_and(|c| c.is_ascii_digit()) && after.is_some_and(|c| c.is_ascii_digit())
}

/// A text that stands for one not yet written (`TODO`, `TBD`, `N/A`, `-`): no expectation.
pub(crate) fn is_placeholder(text: &str) -> bool {
    let text = plain(text);
    let text = text.trim().trim_end_matches('.').to_lowercase();
    // "Not applicable for this role", "Nicht zutreffend": the level has nothing here.
    const NOT_APPLICABLE: &[&str] = &[
        "not applicable",
        "nicht zutreffend",
        "entfällt",
        "no aplica",
        "não se aplica",
        "non applicable",
        "sans objet",
        "該当なし",
        "不适用",
        "해당 없음",
        // "Not required" at this level.
        "不要求",
        "无要求",
        "無要求",
        "不作要求",
        "要求なし",
        "요구 없음",
        "not required",
        "nicht erforderlich",
        "no requerido",
        "não exigido",
    ];
    // "n/a (not applicable at this level)": the mark and what it stands for.
    let explained_mark = text
        .strip_prefix("n/a")
        .is_some_and(|rest| rest.trim_start().starts_with('(') && rest.trim_end().ends_with(')'));
    explained_mark
        || matches!(
            text.as_str(),
            "todo"
                | "tbd"
                | "tbc"
                | "tba"
                | "n/a"
                | "na"
                // ("/" marks a cell not applicable in Chinese and Japanese sheets.)
                | "/"
                | "／"
                | "无"
                | "無"
                | "なし"
                | "없음"
                | "-"
                | "–"
                | "—"
                | "..."
                | "…"
                | "?"
                | "none"
                | "(none)"
        )
        // ("--", "---": a dash typed twice or more.)
        // (Full-width ones too, as Japanese sheets type them: "－", "ー", "―".)
        || !text.is_empty()
            && text
                .chars()
                .all(|c| matches!(c, '-' | '–' | '—' | '－' | '―' | 'ー' | '−'))
        || NOT_APPLICABLE.iter().chain(NO_EXPERIENCE).any(|start| {
            text.starts_with(start) && text.chars().count() <= start.chars().count() + 20
        })
}

/// How a cell starts that says the rung asks nothing ("Нет опыта" under a scale's "0 - no
/// experience"), lowercased. (The rung itself is one: its title is no placeholder.)
const NO_EXPERIENCE: &[&str] = &[
    "no experience",
    "нет опыта",
    "опыт отсутствует",
    "нет знаний",
    "keine erfahrung",
    "sin experiencia",
    "sem experiência",
    "aucune expérience",
    "経験なし",
    "没有经验",
    "无经验",
    "경험 없음",
];

/// Whether a text says there is no experience (see [`NO_EXPERIENCE`]).
pub(crate) fn says_no_experience(text: &str) -> bool {
    let lower = plain(text).trim().to_lowercase();
    NO_EXPERIENCE.iter().any(|start| lower.starts_with(start))
}

/// How a text that only points at another level starts ("Same as L3", "Igual que Senior"),
/// lowercased.
const SAME_AS: &[&str] = &[
    "same as ",
    "everything in ",
    "everything from ",
    "identisch mit ",
    "igual que ",
    "lo mismo que ",
    "o mesmo que ",
    "identique à ",
    "同上",
    "gleich wie ",
    "same level as ",
    "uguale a ",
    "hetzelfde als ",
    "samma som ",
    "sama seperti ",
    // ("Same as" only: a word for "like" needs a level's title after it, in `AS_FOR`.)
    "igual a ",
    "el mismo que ",
    "igual ao ",
    "idêntico a ",
    "même que ",
    "le même que ",
    "pareil que ",
    "lo stesso di ",
    "stesso di ",
    "identico a ",
    "el mateix que ",
    "dasselbe wie ",
    "genauso wie ",
    "gelijk aan ",
    "zelfde als ",
    "samme som ",
    "sama kuin ",
    "tak samo jak ",
    "to samo co ",
    "stejné jako ",
    "totéž co ",
    "rovnaké ako ",
    "to isté ako ",
    "ugyanaz mint ",
    "ugyanúgy mint ",
    "la fel ca ",
    "identic cu ",
    "то же что ",
    "то же что и ",
    "то же самое что ",
    "аналогично ",
    "так же как ",
    "те саме що ",
    "аналогічно ",
    "так само як ",
    "ίδιο με ",
    "ίδια με ",
    "το ίδιο με ",
    "sama dengan ",
    "giống với ",
    "نفس ",
    "مماثل لـ",
    "همان ",
    "זהה ל",
];

/// Openings that point at another level only when a level's title follows ("Wie bei Senior
/// Software Engineer", "Comme pour Confirmé"): "Wie man Feedback gibt" says something.
const AS_FOR: &[&str] = &[
    "wie bei ",
    "wie beim ",
    "wie ",
    "comme pour ",
    "comme au ",
    "comme ",
    "como en ",
    "como no ",
    "come per ",
    "zoals bij ",
    "как у ",
    "как и у ",
    "tak jak ",
    "jak u ",
    // (Not a bare "like": "Como mentor de los nuevos" says something of its own.)
    "como para ",
    "som för ",
    "som på ",
    "som for ",
    "som ved ",
    "kuten ",
    "jak dla ",
    "jako u ",
    "ako pri ",
    "как для ",
    "як у ",
    "як для ",
    "ca la ",
    "ca pentru ",
    "όπως στο ",
    "όπως στον ",
    "όπως στη ",
    "seperti pada ",
    "giống như ",
    "tương tự như ",
    "كما في ",
    "مانند ",
    "همانند ",
    "כמו ב",
    "เหมือนกับ",
];

/// A whole text that points at the level above or before ("Wie oben", "同左"), lowercased,
/// its final stop aside.
const SAME_AS_ABOVE: &[&str] = &[
    "same as above",
    "as above",
    "ditto",
    "idem",
    "wie oben",
    "siehe oben",
    "comme ci-dessus",
    "igual que arriba",
    "zoals hierboven",
    "come sopra",
    "как выше",
    "同左",
    "同上",
    "同前",
    "上に同じ",
    "위와 같음",
    "위와 동일",
    "同上一级",
    // The other languages' "as above", "ditto".
    "igual que el anterior",
    "igual al anterior",
    "ver arriba",
    "ídem",
    "igual acima",
    "o mesmo que acima",
    "ver acima",
    "igual ao anterior",
    "voir ci-dessus",
    "comme précédemment",
    "vedi sopra",
    "wie vorher",
    "wie zuvor",
    "dito",
    "zie hierboven",
    "idem dito",
    "som ovan",
    "se ovan",
    "som ovenfor",
    "se ovenfor",
    "som over",
    "se over",
    "kuten yllä",
    "sama kuin yllä",
    "kuten edellä",
    "sama kuin edellä",
    "jak wyżej",
    "jw",
    "patrz wyżej",
    "viz výše",
    "jako výše",
    "dtto",
    "totéž",
    "viď vyššie",
    "ako vyššie",
    "to isté",
    "см. выше",
    "то же",
    "то же самое",
    "як вище",
    "див. вище",
    "те саме",
    "lásd fent",
    "mint fent",
    "ugyanaz",
    "ca mai sus",
    "vezi mai sus",
    "όπως παραπάνω",
    "βλ. παραπάνω",
    "ομοίως",
    "το ίδιο",
    "yukarıdaki gibi",
    "aynı",
    "seperti di atas",
    "sama seperti di atas",
    "như trên",
    "tương tự như trên",
    "giống như trên",
    "เหมือนข้างบน",
    "ดังข้างต้น",
    "com a dalt",
    "igual que a dalt",
    "كما سبق",
    "كما أعلاه",
    "كما في الأعلى",
    "مثل السابق",
    "مانند بالا",
    "همانند بالا",
    "مثل بالا",
    "כנ\"ל",
    "כנ״ל",
    "כמו למעלה",
    "כמו לעיל",
    "उपरोक्त अनुसार",
    "ऊपर के समान",
    "উপরের মতো",
    "同上",
    "如上",
    "同前一级",
    "同上一級",
    "上記と同じ",
    "상동",
];

/// A text that stands for another level's expectations rather than saying one: "Same as L3",
/// "Same as L4 IC", "Trainee Developer +" (all of the Trainee's, and what follows). A few
/// words at most: "Same as L3, and leads the chapter" says something of its own.
pub(crate) fn refers_to_another_level(text: &str) -> bool {
    let text = plain(text);
    let text = text.trim().trim_end_matches(['.', ':', '：', '。']).trim();
    let lower = text.to_lowercase();
    let words = lower.split_whitespace().count();
    // (The `+` stands apart: "Knows C++" is an expectation.)
    if let Some(named) = lower.strip_suffix(" +") {
        let named = named.trim();
        return !named.is_empty() && named.split_whitespace().count() <= 4 && !named.contains(',');
    }
    // "All privileges of the Contributor role, plus...", "All of the responsibilities of L2,
    // including...": the lead-in to what this level adds.
    let inherits = words <= 10
        && INHERITS_OPENINGS
            .iter()
            .any(|start| lower.starts_with(start))
        && lower.contains(" of ")
        && INHERITS_ENDINGS.iter().any(|end| {
            lower
                .trim_end_matches(['.', '…', ':'])
                .trim()
                .ends_with(end)
        });
    // "See E1", "Siehe L3": a pointer to a level by its code.
    let points = words <= 3
        && SEE.iter().any(|start| lower.starts_with(start))
        && text
            .split_whitespace()
            .last()
            .is_some_and(|code| words > 1 && likeness::level_likeness(code) >= 1.0);
    // "Same as L3", "Wie bei Senior Software Engineer": the opening, then a level's title
    // (a few words, or words that read as a level's).
    let same_as = words <= 6
        && !lower.contains(',')
        && SAME_AS.iter().any(|start| {
            lower.strip_prefix(start).is_some_and(|named| {
                let named = named.trim();
                !named.is_empty()
                    && (lower.chars().count() <= 24
                        || words <= 4
                        || likeness::level_likeness(named) >= 0.5)
            })
        });
    let as_for = words <= 6
        && !lower.contains(',')
        && AS_FOR.iter().any(|start| {
            lower.strip_prefix(start).is_some_and(|named| {
                let named = named.trim();
                likeness::level_likeness(named) >= 0.5 || likeness::is_rung_code(named)
            })
        });
    // Written without spaces: "同T6", "与T6相同", "PM3に同じ", "S2와 동일".
    let unspaced_same = text
        .strip_prefix('同')
        .or_else(|| {
            SAME_AS_UNSPACED_ENDINGS
                .iter()
                .find_map(|end| text.strip_suffix(end))
        })
        .map(|named| named.trim().trim_start_matches(['与', '與', '和']).trim())
        .is_some_and(|named| {
            likeness::is_rung_code(named)
                || named.chars().count() <= 24 && likeness::level_likeness(named) >= 0.5
        });
    inherits
        || points
        || same_as
        || as_for
        || unspaced_same
        || SAME_AS_ABOVE.contains(&lower.as_str())
}

/// How a text written without spaces ends when it says the level is as another ("PM3に同じ",
/// "与T6相同", "S2와 동일").
const SAME_AS_UNSPACED_ENDINGS: &[&str] = &[
    "に同じ",
    "と同じ",
    "相同",
    "一致",
    "와 동일",
    "과 동일",
    "와 같음",
    "과 같음",
];

/// How a pointer to another level by its code opens ("See E1"), lowercased.
const SEE: &[&str] = &[
    "see ",
    "siehe ",
    "voir ",
    "ver ",
    "vide ",
    // The other languages' "see".
    "véase ",
    "veja ",
    "vedi ",
    "vegeu ",
    "zie ",
    "katso ",
    "ks. ",
    "zobacz ",
    "patrz ",
    "viz ",
    "pozri ",
    "см. ",
    "смотри ",
    "див. ",
    "lásd ",
    "vezi ",
    "βλ. ",
    "δείτε ",
    "bkz. ",
    "bakınız ",
    "lihat ",
    "xem ",
    "ดู ",
    "انظر ",
    "ببینید ",
    "ראו ",
    "ראה ",
    "देखें ",
    "দেখুন ",
    "参见",
    "參見",
    "参照",
    "참조 ",
];

/// How a lead-in to what a level adds to another's opens ("All privileges of the Contributor
/// role, plus..."), lowercased.
const INHERITS_OPENINGS: &[&str] = &["all ", "everything "];

/// How such a lead-in ends, its dots and colon aside.
const INHERITS_ENDINGS: &[&str] = &[", plus", " plus", ", including", ", and"];

/// A name that labels a description of the level rather than a part of what it expects: a
/// heading inside a level (`Overview`) or a row of a matrix (`Role summary`).
pub(crate) fn names_level_summary(name: &str) -> bool {
    LEVEL_SUMMARY_NAMES.contains(
        &plain(name)
            .trim()
            .trim_end_matches([':', '：'])
            .to_lowercase()
            .as_str(),
    )
}

/// Names of a description of the level ([`names_level_summary`]), in the languages the
/// importer reads, lowercased.
const LEVEL_SUMMARY_NAMES: &[&str] = &[
    "overview",
    "summary",
    // A level's positioning in a sentence ("定位": where it stands).
    "定位",
    "职级定位",
    "職級定位",
    "角色定位",
    "role summary",
    "level summary",
    "introduction",
    "about",
    "about this level",
    "description",
    "zusammenfassung",
    "überblick",
    "résumé",
    "aperçu",
    "resumen",
    "resumo",
    "riepilogo",
    "sommario",
    "samenvatting",
    "sammanfattning",
    "oversigt",
    "yhteenveto",
    "podsumowanie",
    "shrnutí",
    "özet",
    "краткое описание",
    "обзор",
    "резюме",
    "tóm tắt",
    // "Description" in Polish, German, Spanish, Portuguese, Italian, Dutch, Turkish,
    // Russian, Czech, Nordic languages, Japanese, Chinese, Korean and Hebrew.
    "opis",
    "beschreibung",
    "descripción",
    "descrição",
    "descrizione",
    "beschrijving",
    "açıklama",
    "описание",
    "popis",
    "kuvaus",
    "beskrivelse",
    "beskrivning",
    "説明",
    "描述",
    "설명",
    "תיאור",
    "ringkasan",
    "概要",
    "要約",
    "摘要",
    "简介",
    "概述",
    "요약",
    "개요",
    "תקציר",
    // Overviews, summaries, descriptions and introductions in the other languages.
    "übersicht",
    "einführung",
    "einleitung",
    "kurzbeschreibung",
    "présentation",
    "vue d'ensemble",
    "vue d’ensemble",
    "synthèse",
    "visión general",
    "introducción",
    "descripción general",
    "visão geral",
    "introdução",
    "panoramica",
    "introduzione",
    "sintesi",
    "resum",
    "descripció",
    "visió general",
    "introducció",
    "overzicht",
    "omschrijving",
    "inleiding",
    "resumé",
    "sammendrag",
    "introduktion",
    "oversikt",
    "innledning",
    "översikt",
    "yleiskatsaus",
    "johdanto",
    "przegląd",
    "wprowadzenie",
    "wstęp",
    "přehled",
    "úvod",
    "zhrnutie",
    "prehľad",
    "összefoglaló",
    "összefoglalás",
    "áttekintés",
    "leírás",
    "bevezetés",
    "rezumat",
    "prezentare generală",
    "descriere",
    "introducere",
    "введение",
    "огляд",
    "опис",
    "короткий опис",
    "вступ",
    "επισκόπηση",
    "σύνοψη",
    "περίληψη",
    "περιγραφή",
    "εισαγωγή",
    "genel bakış",
    "tanım",
    "giriş",
    "ikhtisar",
    "gambaran umum",
    "deskripsi",
    "pendahuluan",
    "tổng quan",
    "mô tả",
    "giới thiệu",
    "ภาพรวม",
    "สรุป",
    "คำอธิบาย",
    "บทนำ",
    "نظرة عامة",
    "الملخص",
    "ملخص",
    "الوصف",
    "وصف",
    "نبذة",
    "مقدمة",
    "خلاصه",
    "توضیحات",
    "شرح",
    "نمای کلی",
    "مرور کلی",
    "معرفی",
    "סקירה",
    "סקירה כללית",
    "מבוא",
    "सारांश",
    "विवरण",
    "अवलोकन",
    "परिचय",
    "সারসংক্ষেপ",
    "বিবরণ",
    "সংক্ষিপ্ত বিবরণ",
    "পরিচিতি",
    "概略",
    "はじめに",
    "概览",
    "概覽",
    "总览",
    "總覽",
    "簡介",
    "소개",
];

/// The area of expectations a document gives no area.
pub const GENERAL_AREA: &str = "Expectations";

/// What marks a list a level's section gives the level it leads to ("Promotion to Level 2
/// requires:"), before the target's title, while the document is read: such lists move to
/// their level when the ladder is assembled (`assemble`'s `promotion_lists_to_their_levels`).
const PROMOTION_AREA: &str = "\u{0}promotion to ";

/// Area names that differ only in `&`/`and`, case or spacing are one area.
/// Words that qualify an area's name without changing which area it is ("Additional
/// privileges" at the next role are its Privileges).
const AREA_QUALIFIERS: &[&str] = &[
    "additional",
    "other",
    "more",
    "extra",
    "further",
    "new",
    "weitere",
    "zusätzliche",
    "autres",
    "otros",
    "outros",
];

/// The key areas are told apart by: the name without case, spacing, a bracketed note
/// ("Requirements (one or several of the below)"), a qualifier ("Additional privileges"), a
/// trailing "include"/colon, or a role's name before a list's name ("Member requirements").
fn area_key(name: &str) -> String {
    // (The core is taken from the name as written: a chapter's index is told from its title by
    // the title's capital.)
    area_core(name).join(" ").to_lowercase()
}

/// An area's name as shown: its core words as written ("Requirements (one or several of the
/// below)" shows as "Requirements", "Additional privileges" as "Privileges").
fn area_display(name: &str) -> String {
    let core = area_core(name);
    let shown = core.join(" ");
    let mut chars = shown.chars();
    match chars.next() {
        Some(first) if core.len() == 1 && LIST_NAMES.contains(&shown.to_lowercase().as_str()) => {
            first.to_uppercase().chain(chars).collect()
        }
        _ => shown,
    }
}

/// The words that name an area (see [`area_key`]), in the case they are written in.
fn area_core(name: &str) -> Vec<String> {
    let mut text = name.replace('&', " and ");
    for (open, close) in [('(', ')'), ('（', '）')] {
        while let (Some(start), Some(end)) = (text.find(open), text.rfind(close)) {
            if end <= start {
                break;
            }
            text.replace_range(start..end + close.len_utf8(), " ");
        }
    }
    let mut words: Vec<&str> = text
        .split_whitespace()
        .map(|word| word.trim_end_matches([':', '：']))
        // A footnote's mark ("Visual Design*": required for promotion) is no part of the name.
        .map(|word| {
            if word.starts_with('*') {
                word
            } else {
                word.trim_end_matches(['*', '†', '‡'])
            }
        })
        // A page's decoration after a title ("Work with data_", a blinking cursor).
        .map(|word| word.trim_end_matches('_'))
        .filter(|word| !word.is_empty())
        .collect();
    // A chapter's index set against its title by the page's styles ("01Work with data",
    // "06SDLC"): two digits or more, then the title's capital and another letter.
    if let Some(first) = words.first_mut() {
        let digits = first.chars().take_while(char::is_ascii_digit).count();
        let rest = &first[digits..];
        let mut letters = rest.chars();
        if digits >= 2
            && letters.next().is_some_and(char::is_uppercase)
            && letters.next().is_some_and(char::is_alphabetic)
        {
            *first = rest;
        }
    }
    let lower = |word: &str| word.to_lowercase();
    // A section number (`2.1.1 如何晋升Committer`) is the document's outline.
    let numbered =
        |word: &str| word.contains('.') && word.chars().all(|c| c.is_ascii_digit() || c == '.');
    if words.len() > 1 && numbered(words[0]) {
        words.remove(0);
    }
    while words.len() > 1
        && matches!(
            words.last().map(|word| lower(word)).as_deref(),
            Some("include" | "includes" | "are")
        )
    {
        words.pop();
    }
    while words.len() > 1 && AREA_QUALIFIERS.contains(&lower(words[0]).as_str()) {
        words.remove(0);
    }
    if let Some(last) = words.last().copied() {
        let prefix = &words[..words.len() - 1];
        let named_by_role = !prefix.is_empty()
            && prefix.len() <= 3
            && !prefix
                .iter()
                .any(|word| AND_WORDS.contains(&lower(word).as_str()));
        if named_by_role && LIST_NAMES.contains(&lower(last).as_str()) {
            return vec![last.to_owned()];
        }
    }
    words.into_iter().map(str::to_owned).collect()
}

/// "And" in the languages the importer reads: an area's name that joins two with it
/// ("Verantwoordelijkheden en privileges") names both, not a role's list of the last.
const AND_WORDS: &[&str] = &[
    "and",
    "und",
    "y",
    "e",
    "et",
    "en",
    "ed",
    "i",
    "och",
    "og",
    "ve",
    "dan",
    "ja",
    "и",
    "і",
    "và",
    "&",
    "és",
    "și",
    "şi",
    "oraz",
    "та",
    "й",
    "και",
    "sekä",
    "و",
    "और",
    "এবং",
    "และ",
    "및",
];

#[derive(Debug, Default, Clone)]
struct LevelDraft {
    title: String,
    /// Lists the people who hold the role (`- Yu Sun (@shalousun)`): a roster, read into the
    /// description.
    roster: bool,
    rank_text: Option<String>,
    aliases: Vec<String>,
    code: Option<String>,
    grade_name: Option<String>,
    experience: Option<String>,
    headline: Option<String>,
    description: Vec<String>,
    /// The paragraphs of `description` written in the level's own body (not a summary row, a
    /// note or a lead-in): a rung written only in prose has them as its expectations.
    body_paragraphs: Vec<String>,
    /// Has areas under headings of their own (`### Team Development`): text outside them
    /// describes the level.
    heading_areas: bool,
    /// Its only expectations are paragraphs opening with a label other levels open theirs
    /// with ("How to become one: …"): the rest of its prose is still a rung's written in prose.
    labelled_only: bool,
    /// The heading just above the level's own when it was read ("Führungslaufbahn" over
    /// "Teamleiter:in"): the name of the run of levels it starts, should the track be split.
    above: Option<String>,
    /// The titles of headings inside the level deeper than its own that are no areas (a
    /// reading without area headings): what its section is about ("Adding core subprojects").
    sub_headings: Vec<String>,
    expectations: IndexMap<String, Vec<Expectation>>,
    equivalents: Vec<String>,
    requires_title: Option<String>,
    shares_title: Option<String>,
    link: Option<String>,
    line: usize,
    /// Known to be a level even with nothing in it (a table's column, a placeholder such as
    /// `TODO`), not a heading that groups levels.
    definite: bool,
    /// Read from a table's row or column (a summary table's, or a matrix's), not a heading.
    from_table: bool,
    /// A summary table's row named it too: the document counts it among its roles.
    summarized: bool,
}

impl LevelDraft {
    fn is_empty(&self) -> bool {
        !self.definite
            && self.expectations.is_empty()
            && self.description.is_empty()
            && self.headline.is_none()
            && self.equivalents.is_empty()
            && self.requires_title.is_none()
            && self.code.is_none()
            && self.experience.is_none()
            && self.shares_title.is_none()
    }
}

#[derive(Debug, Default, Clone)]
struct TrackDraft {
    name: String,
    /// Built from a list of positions: its levels are all in that list.
    from_positions: bool,
    aliases: Vec<String>,
    summary: Vec<String>,
    link: Option<String>,
    levels: Vec<LevelDraft>,
}

/// The name of a track nothing in the document names.
const UNNAMED_TRACK: &str = "Levels";

/// Where the next paragraph goes.
#[derive(Debug, Clone, PartialEq)]
enum Place {
    Summary,
    TrackIntro,
    Level,
    Area(String),
    Section,
    Credits,
    /// The tool's own generated text (a handbook's comparisons, navigation): skipped.
    Skip,
}

/// A summary cell: the level's rank as written ("3/4") and its title.
type RankAndTitle = (String, String);

/// A summary table that aligns the tracks by column (Persado's first table).
#[derive(Debug, Clone)]
struct Alignment {
    /// Per row: label, and per column the (rank text, title) of the level there.
    rows: Vec<(String, Vec<Option<RankAndTitle>>)>,
    /// A row of grade numbers, with its label.
    grades: Option<(String, Vec<Option<String>>)>,
}

/// Reads one document's outline into a ladder: [`new`](Self::new), optionally give it a title,
/// metadata and the user's options, then [`read`](Self::read) the outline.
#[derive(Clone)]
pub struct Interpreter {
    path: PathBuf,
    title: Option<String>,
    default_title: Option<String>,
    metadata: HashMap<String, String>,
    summary: Vec<String>,
    tracks: Vec<TrackDraft>,
    areas: Vec<(String, Vec<String>)>,
    /// Each area's key ([`area_key`]) to its place in `areas`: a table of thousands of rows
    /// names its areas in linear time.
    area_index: HashMap<String, usize>,
    sections: Vec<Section>,
    credits: Vec<String>,
    place: Place,
    /// Headings by depth: which depth holds areas, levels and tracks.
    area_depth: Option<u8>,
    level_depth: Option<u8>,
    track_depth: Option<u8>,
    /// A heading that may turn out to name the track of a table that follows.
    pending_heading: Option<(String, u8, usize)>,
    alignment: Option<Alignment>,
    /// Grade names by level title, from a handbook's overview table.
    grade_rows: Vec<(String, Vec<String>)>,
    cumulative: bool,
    extra_blocks: Vec<(String, Vec<Block>)>,
    /// A list of links before the levels (`* [Software Engineer Path](software-engineer.md)`):
    /// pages of the tracks, matched to tracks at the end. The list's text, to keep if not.
    track_links: Option<(Vec<(String, String)>, String)>,
    /// The group of areas the rows being read belong to (a group row, a heading between the
    /// tables of one matrix).
    group: Option<String>,
    /// Each area's group, kept as the area's description.
    area_groups: HashMap<String, String>,
    /// Headings over areas that another heading already groups, with their lines: text this
    /// reading keeps nowhere (see [`Imported::lost_headings`]).
    lost_groups: Vec<(String, usize)>,
    /// What a table's description column says of an area, by the area's name.
    area_notes: HashMap<String, String>,
    options: super::ImportOptions,
    /// The title of the one level a page is about, when it is such a page.
    one_level_page: Option<String>,
    /// The document is one level (see [`Reading::page`]): every heading names an area or a
    /// group of areas.
    page_level: bool,
    /// One of the document's tables surely names levels: a table whose labels name none is
    /// then prose ([`matrix::some_table_names_levels`]).
    tables_name_levels: bool,
    /// Two headings or more are titled like levels, by words (`Developer 1 (D1)`, `Tech Lead
    /// 2`): a table whose levels are bare numbers is then a scale the levels point into (a
    /// rubric), not the ladder ([`reading::headings_name_levels`]).
    headings_name_levels: bool,
    /// The depth of headings that each name the level's step on the axis the heading above
    /// names, one step under each axis (`### 영향 범위` over `#### 팀`): the document is a page
    /// about one level ([`reading::steps_under_axes`]).
    steps_depth: Option<u8>,
    /// The chosen reading is read once more with headings titled unlike a level beside a
    /// table of levels as sections ([`twins`]' `prose_at_track_ends`).
    sections_beside_tables: bool,
    /// The chosen reading, read once more as it is kept: sections of another kind after a
    /// track's levels are prose ([`twins`]' `sections_of_another_kind_at_track_ends`), which
    /// would make a wrong reading look right while choosing.
    final_reading: bool,
    /// The depth of the area heading being filled, to tell a group heading from an area.
    area_heading_depth: Option<u8>,
    /// The document's first heading, a candidate title for a page about one level.
    first_heading: Option<String>,
    /// The level (track and index) that texts go to instead of the last one read, while a
    /// list that names an earlier level is read (see `add_items_to`).
    filling: Option<(usize, usize)>,
    /// Every heading of the document is a sentence ("You look beyond short-term
    /// deliverables."): none titles a level, so the page may be about one level, titled by
    /// its file when nothing else titles it.
    sentence_headings: bool,
    /// Headings at the levels' depth that are prose, not levels (title and line).
    prose_headings: Vec<(String, usize)>,
    /// The roles one list of the document names, read as the levels' headings
    /// ([`reading`]'s `role_items_as_headings`): levels whatever their words.
    listed_roles: Vec<String>,
    /// The lines of headings on reaching a role moved into the role's section from another
    /// depth ([`reading`]'s `becoming_sections_join_their_roles`): areas of that level.
    joined_headings: Vec<usize>,
    /// Areas named by a section that revisits roles described before (see
    /// [`Interpreter::revisited_roles_join_theirs`]): what another part of the document adds
    /// to a level, not the level's own lists.
    revisiting_areas: HashSet<String>,
    /// The roles a list named are all the levels: another heading of their depth before the
    /// first or after the last is prose.
    only_listed_roles: bool,
    /// Table headers written over two tables or more (a table per area, each
    /// `| Level | Expected behaviours |`), as their cells' plain text joined by `|`.
    repeated_headers: Vec<String>,
    /// Areas' names that bullets in two lists or more write before a dash (`- **Technology -
    /// Adopts**` under each level): only those name areas so ([`text::dash_labelled`]).
    dash_labels: HashSet<String>,
    /// The headings the walk is under, shallowest first (depth and text).
    heading_trail: Vec<(u8, String)>,
    /// Reading the track files of this tool's handbook.
    handbook: bool,
    /// Reading this tool's own workbook: each cell holds what was written, an expectation "NA"
    /// or "Same as E3" included (it writes no expectation as an empty cell).
    own_workbook: bool,
    /// In a workbook, the sheet being read and the names of all of them.
    sheet: Option<String>,
    sheet_names: Vec<String>,
    warnings: Vec<Diagnostic>,
}

/// Keys a level line may hold that are not areas.
fn is_known_key(key: &str) -> bool {
    let (key, _) = own::fact_key(key);
    matches!(
        key.as_str(),
        "code"
            | "grade"
            | "experience"
            | "level"
            | "title"
            | "required title"
            | "requires"
            | "includes"
            | "also titled"
            | "also known as"
            | "aka"
    ) || EQUIVALENT_KEYS.contains(&key.as_str())
}

const EQUIVALENT_KEYS: &[&str] = &[
    "management equivalent",
    "engineer equivalent",
    "equivalent",
    "engineering equivalent",
    "manager equivalent",
    "ic equivalent",
];

impl Interpreter {
    /// An interpreter for the document at `path` (named in its warnings; its file name is the
    /// title of last resort).
    pub fn new(path: &Path) -> Self {
        Interpreter {
            path: path.to_owned(),
            title: None,
            default_title: None,
            metadata: HashMap::new(),
            summary: Vec::new(),
            tracks: Vec::new(),
            areas: Vec::new(),
            area_index: HashMap::new(),
            sections: Vec::new(),
            credits: Vec::new(),
            place: Place::Summary,
            area_depth: None,
            level_depth: None,
            track_depth: None,
            pending_heading: None,
            alignment: None,
            grade_rows: Vec::new(),
            cumulative: false,
            extra_blocks: Vec::new(),
            track_links: None,
            group: None,
            area_groups: HashMap::new(),
            lost_groups: Vec::new(),
            area_notes: HashMap::new(),
            options: super::ImportOptions::default(),
            one_level_page: None,
            page_level: false,
            tables_name_levels: false,
            headings_name_levels: false,
            steps_depth: None,
            sections_beside_tables: false,
            final_reading: false,
            area_heading_depth: None,
            first_heading: None,
            filling: None,
            sentence_headings: false,
            prose_headings: Vec::new(),
            listed_roles: Vec::new(),
            joined_headings: Vec::new(),
            revisiting_areas: HashSet::new(),
            only_listed_roles: false,
            repeated_headers: Vec::new(),
            dash_labels: HashSet::new(),
            heading_trail: Vec::new(),
            handbook: false,
            own_workbook: false,
            sheet: None,
            sheet_names: Vec::new(),
            warnings: Vec::new(),
        }
    }

    /// The reading the user asked for (`--levels h2`, `--levels columns`, `--track NAME`).
    pub fn set_options(&mut self, options: &super::ImportOptions) {
        self.options = options.clone();
    }

    /// The title to use when neither the document's headings nor its front matter give one
    /// (an HTML page's `<title>`).
    pub fn set_default_title(&mut self, title: &str) {
        self.default_title = Some(title.to_owned());
    }

    /// The document's own title, as its editor styled it: no heading overrides it.
    pub fn set_title(&mut self, title: &str) {
        self.metadata.insert("title".into(), title.to_owned());
    }

    /// One of this tool's own phrases was read in `language`: an output of ours in that
    /// language, which the imported ladder keeps (unless its metadata says otherwise).
    fn heard(&mut self, language: own::Language) {
        if let Some(language) = language {
            self.metadata.entry("language".into()).or_insert(language);
        }
    }

    /// Front matter keys (lower-case) and values: `title`, `organization`, `version`, `date`,
    /// `lang`, `authors` and the like.
    pub fn set_metadata(&mut self, metadata: HashMap<String, String>) {
        self.metadata = metadata;
    }

    /// The outline of a track file a handbook README links to, read as one track by
    /// [`run`](Self::run).
    pub fn add_file_blocks(&mut self, file: &str, blocks: Vec<Block>) {
        self.extra_blocks.push((file.to_owned(), blocks));
    }

    fn warn(&mut self, line: usize, message: impl Into<String>) {
        let message = message.into();
        // In a workbook a place is a sheet's row (`Levels!A7`), not a line of the file.
        let (message, position) = match &self.sheet {
            Some(sheet) => (format!("{sheet}!A{}: {message}", line.max(1)), None),
            None => (message, Some((line.max(1), 1))),
        };
        self.warnings.push(
            Diagnostic::warning("import", message)
                .in_file(&self.path)
                .at(position)
                .with_hint("the text is kept; move it where it belongs in the YAML if needed"),
        );
    }

    /// Reading a workbook this tool wrote (see `own_workbook`).
    pub fn set_own_workbook(&mut self) {
        self.own_workbook = true;
    }

    /// Reading a workbook whose first sheet is `first`: places are given as `sheet!cell`, the
    /// sheet being the one whose heading (its name) came last.
    pub fn set_sheets(&mut self, first: &str, names: Vec<String>) {
        self.sheet = Some(first.to_owned());
        self.sheet_names = names;
    }

    fn walk(&mut self, blocks: &[Block]) {
        // This tool's handbook says where its levels are: every `##` of a track file.
        let depth = self.level_depth.filter(|_| !self.handbook);
        self.one_level_page = depth.and_then(|depth| one_level_page(blocks, depth));
        self.prose_headings = depth
            .map(|depth| prose_headings(blocks, depth))
            .unwrap_or_default();
        let mut prose_headings = std::mem::take(&mut self.prose_headings);
        prose_headings.retain(|(title, _)| !self.is_listed_role(title));
        self.prose_headings = prose_headings;
        if let (true, Some(depth)) = (self.only_listed_roles, depth) {
            self.prose_headings.extend(reading::unlisted_headings(
                blocks,
                depth,
                &self.listed_roles,
            ));
        }
        self.repeated_headers = repeated_headers(blocks);
        self.dash_labels = text::recurring_dash_labels(blocks);
        // The area whose list was read last: a paragraph after it in the same area is prose
        // around the list, not an expectation.
        let mut listed_area: Option<String> = None;
        let mut skip_next = false;
        // How often each heading's title recurs: "Capabilities" under every competency names
        // an aspect of it, not a part of its own.
        let mut heading_counts: HashMap<&str, usize> = HashMap::new();
        for block in blocks {
            if let Block::Heading { text, .. } = block {
                *heading_counts.entry(text.as_str()).or_default() += 1;
            }
        }
        // For each block, the first block after it that is no paragraph (one pass, from the
        // end: a run of paragraphs is not scanned once per paragraph).
        let mut after_paragraphs = vec![blocks.len(); blocks.len()];
        for index in (0..blocks.len().saturating_sub(1)).rev() {
            after_paragraphs[index] = match &blocks[index + 1] {
                Block::Paragraph { .. } => after_paragraphs[index + 1],
                _ => index + 1,
            };
        }
        for (index, block) in blocks.iter().enumerate() {
            if std::mem::take(&mut skip_next) {
                continue;
            }
            if matches!(block, Block::Heading { .. }) {
                listed_area = None;
            }
            // Outside the levels, "A __Junior Developer__ is capable of:" over a list: the list
            // is that level's, in the area of the section it is in (a competency's).
            if let (Block::Paragraph { text, line }, Some(Block::List { items, .. })) =
                (block, blocks.get(index + 1))
            {
                if matches!(self.place, Place::Section) && reads_as_lead_in(text) {
                    if let Some(at) = self.level_in_bold(text) {
                        let area = self.section_area(&heading_counts);
                        self.prose(text, *line);
                        self.add_items_to(at, &area, items);
                        skip_next = true;
                        continue;
                    }
                }
            }
            // A paragraph between a heading and the table under it (the definition of what the
            // table's rows are about): kept in the heading's section, the heading still pending
            // for the table, which may take it as its area.
            let table_follows = matches!(
                blocks.get(after_paragraphs[index]),
                Some(Block::Table { .. })
            );
            if let (Block::Paragraph { text, line }, true, Place::Section) =
                (block, table_follows, &self.place)
            {
                if self.pending_heading.is_some() {
                    self.prose(text, *line);
                    continue;
                }
            }
            let in_level = matches!(self.place, Place::Level | Place::Area(_))
                && self.current_level().is_some();
            // `Responsibilities:` over a list, inside a level: the list's area.
            if let (Block::Paragraph { text, .. }, Some(Block::List { .. }), true) =
                (block, blocks.get(index + 1), in_level)
            {
                // "Promotion to Level 2 requires:" under Level 1: the list is the next
                // level's, moved there when the ladder is assembled.
                // (Not under a heading on the way to this level, which says where it goes.)
                let current = self.current_level().map(|level| level.title.to_lowercase());
                let under_becoming =
                    matches!(&self.place, Place::Area(area) if is_becoming_heading(area));
                if let Some(target) = reading::promotion_lead_target(text)
                    .filter(|target| current.as_deref() != Some(&target.to_lowercase()))
                    .filter(|_| !under_becoming)
                {
                    // The lead-in stays, said about the level it is written in.
                    self.describe_level(text);
                    self.place = Place::Area(format!("{PROMOTION_AREA}{target}"));
                    continue;
                }
                if let Some(name) = text::list_name(text) {
                    let area = self.area_name(&name);
                    self.place = Place::Area(area);
                    continue;
                }
                // "Organization members are contributors who … Requirements:": the paragraph
                // describes the level and its last word names the list.
                if let Some((said, last)) = text.trim_end().rsplit_once(['.', '。']) {
                    if let Some(name) = text::list_name(last) {
                        self.describe_level(&format!("{said}."));
                        let area = self.area_name(&name);
                        self.place = Place::Area(area);
                        continue;
                    }
                }
            }
            let names_an_area =
                matches!(block, Block::Paragraph { text, .. } if bold_lead(text).is_some());
            if let (Block::Paragraph { text, .. }, true, false) = (block, in_level, names_an_area) {
                let next = blocks.get(index + 1);
                // "The process for a contributor to become a member is as follows:" and its
                // numbered steps: how one reaches the level, not what it expects; "Current
                // reviewers are:" over a list of names: who holds the role.
                if let Some(Block::List { items, .. }) = next {
                    let holders = likeness::introduces_holders(text, items);
                    if holders || is_process_lead_in(text) {
                        let listed = items
                            .iter()
                            .map(|item| list_item_markdown(item, 0))
                            .collect::<Vec<_>>()
                            .join("\n");
                        self.describe_level(&format!("{text}\n\n{listed}"));
                        if let Some(level) = self.current_level().filter(|_| holders) {
                            level.roster = true;
                        }
                        skip_next = true;
                        continue;
                    }
                }
                if let Place::Area(area) = &self.place {
                    // "Description & goals of the role", "How to become a maintainer": a
                    // section that describes the level or the way to it, in prose.
                    // (What a candidate must have shown, under "Becoming a Reviewer", is
                    // expected of the level: see below.)
                    let requirement = is_becoming_heading(area)
                        && (states_a_requirement(text) || !only_gives_steps(text));
                    if is_description_heading(area)
                        || likeness::is_pitfalls_heading(area)
                        || likeness::is_next_level_heading(area)
                        || text::is_aside_key(area)
                        || is_becoming_heading(area) && !requirement
                        || is_procedure_heading(area)
                        || likeness::is_handling_heading(area)
                        || is_resources_heading(area)
                    {
                        let area = area.clone();
                        self.describe_level(&format!("**{area}:** {text}"));
                        continue;
                    }
                    // "The following apply to …" before an area's list, or a paragraph after
                    // it: what the list is about, said around it.
                    let leads_in =
                        matches!(next, Some(Block::List { .. })) && reads_as_lead_in(text);
                    let after_list = listed_area.as_ref() == Some(area);
                    if leads_in || after_list {
                        self.describe_level(text);
                        continue;
                    }
                }
                // A footnote, an image (a level's chart), or a paragraph that is only a link
                // ("[All of the level below's competencies](…)"): a pointer, not an expectation; "**tldr;** An
                // Expert solves …" sums up the section's items, it adds none.
                if is_footnote(text)
                    || only_a_link(text).is_some()
                    || headings::sums_up(text)
                    || text::only_an_image(text)
                {
                    self.describe_level(text);
                    continue;
                }
            }
            if let (Block::List { .. }, Place::Area(area)) = (block, &self.place) {
                listed_area = Some(area.clone());
            }
            // `**Area**` (perhaps with an italic note) over a list, inside a level: the list's
            // area.
            if let (Block::Paragraph { text, .. }, Some(Block::List { .. })) =
                (block, blocks.get(index + 1))
            {
                if let Some(area) = bold_lead(text) {
                    if matches!(self.place, Place::Level | Place::Area(_))
                        && self.current_level().is_some()
                    {
                        let area = self.area_name(&area);
                        // Under an area heading, the heading groups these areas. (An area
                        // with its own items is a sibling: "**Craft**" over its list, then
                        // "**Teamwork**".)
                        if let Place::Area(group) = self.place.clone() {
                            let group_empty = self
                                .current_level()
                                .is_some_and(|level| !level.expectations.contains_key(&group));
                            match self.area_groups.get(&area) {
                                None if group_empty => {
                                    self.area_groups.insert(area.clone(), group);
                                }
                                // (The heading groups areas another heading grouped: its
                                // text is kept nowhere.)
                                Some(other)
                                    if group_empty
                                        && *other != group
                                        && !self.lost_groups.iter().any(|(g, _)| *g == group) =>
                                {
                                    self.lost_groups.push((group, block.line()));
                                }
                                _ => {}
                            }
                        }
                        self.place = Place::Area(area);
                        continue;
                    }
                }
            }
            // A paragraph that introduces a table under an area heading is not an expectation:
            // the heading, the paragraph and what the table does not place are a section.
            if let (Block::Paragraph { text, .. }, Some(Block::Table { .. }), Place::Area(area)) =
                (block, blocks.get(index + 1), self.place.clone())
            {
                self.sections.push(Section {
                    internal: false,
                    title: area,
                    body: text.clone(),
                    depth: 2,
                });
                self.place = Place::Section;
                continue;
            }
            // A paragraph under an area heading whose areas follow as bold labels over lists
            // (`🦉 Craft`, a sentence, then `**Process Design**` and its bullets) describes
            // that group at this level: it joins the level's description.
            let group_follows = matches!(
                (blocks.get(index + 1), blocks.get(index + 2)),
                (Some(Block::Paragraph { text, .. }), Some(Block::List { .. }))
                    if bold_lead(text).is_some()
            );
            if let (Block::Paragraph { text, .. }, true, Place::Area(group)) =
                (block, group_follows, self.place.clone())
            {
                let described = self
                    .current_level()
                    .filter(|level| !level.expectations.contains_key(&group));
                if let Some(level) = described {
                    level.description.push(format!("{group}: {text}"));
                    continue;
                }
            }
            self.block(block);
        }
    }

    /// Whether a title is one of the roles a list of the document named (singular or plural,
    /// in any case: see [`twins::title_key`]).
    fn is_listed_role(&self, title: &str) -> bool {
        let key = twins::title_key(title);
        self.listed_roles
            .iter()
            .any(|role| twins::title_key(role) == key)
    }

    fn current_level(&mut self) -> Option<&mut LevelDraft> {
        if let Some((track, level)) = self.filling {
            return self
                .tracks
                .get_mut(track)
                .and_then(|track| track.levels.get_mut(level));
        }
        self.tracks
            .last_mut()
            .and_then(|track| track.levels.last_mut())
    }

    /// Starts a track when there is none, named by the heading waiting to name one, the
    /// document's title, or [`UNNAMED_TRACK`].
    fn ensure_track(&mut self) {
        if self.tracks.is_empty() {
            let name = self
                .pending_heading
                .take()
                .map(|(name, _, _)| name)
                .or_else(|| self.title.clone())
                .or_else(|| self.default_title.clone())
                .unwrap_or_else(|| String::from(UNNAMED_TRACK));
            self.tracks.push(TrackDraft {
                name,
                ..TrackDraft::default()
            });
        }
    }

    /// Adds a level to the track being filled, starting a track when there is none.
    fn push_level(&mut self, level: LevelDraft) {
        self.ensure_track();
        if let Some(track) = self.tracks.last_mut() {
            track.levels.push(level);
        }
    }

    /// Adds what a table says of an area (its description column, what its label covers): a
    /// further row of the same area adds its own, so that none is lost.
    fn add_area_note(&mut self, area: String, note: String) {
        let notes = self.area_notes.entry(area).or_default();
        if notes.split("\n\n").any(|said| said == note) {
            return;
        }
        if !notes.is_empty() {
            notes.push_str("\n\n");
        }
        notes.push_str(&note);
    }

    fn area_name(&mut self, name: &str) -> String {
        // (A list kept for the level it leads to is in no area until it moves there.)
        if name.starts_with(PROMOTION_AREA) {
            return name.to_owned();
        }
        let key = area_key(name);
        if let Some((canonical, aliases)) = self
            .area_index
            .get(&key)
            .and_then(|&index| self.areas.get_mut(index))
        {
            if canonical != name && !aliases.iter().any(|alias| alias == name) {
                aliases.push(name.to_owned());
            }
            return canonical.clone();
        }
        // A name with a note or a qualifier shows as its core ("Requirements (one of the
        // below)" is Requirements); the name as written is kept as an alias.
        let shown = area_display(name);
        let shown = if shown.is_empty() {
            name.to_owned()
        } else {
            shown
        };
        let aliases = if shown == name {
            Vec::new()
        } else {
            vec![name.to_owned()]
        };
        // (Keyed by the canonical name's key, as the areas were compared before.)
        self.area_index.insert(area_key(&shown), self.areas.len());
        self.areas.push((shown.clone(), aliases));
        shown
    }

    /// Adds `text` to the current level's description: prose about the level (a note, a
    /// lead-in, a process) that is not one of its expectations. Outside a level it is prose.
    fn describe_level(&mut self, text: &str) {
        // This tool's handbook links each level to the next: navigation, not content.
        if let Some(language) = own::navigation(text) {
            self.heard(language);
            return;
        }
        match self.current_level() {
            Some(level) => level.description.push(text.to_owned()),
            None => self.summary.push(text.to_owned()),
        }
    }

    /// The track and index of the level whose title a paragraph sets in bold ("A __Junior
    /// Developer__ is capable of:"), among the levels read so far.
    fn level_in_bold(&self, text: &str) -> Option<(usize, usize)> {
        let spans = bold_spans(text);
        self.tracks.iter().enumerate().find_map(|(track, draft)| {
            draft
                .levels
                .iter()
                .position(|level| {
                    spans
                        .iter()
                        .any(|span| span.eq_ignore_ascii_case(level.title.trim()))
                })
                .map(|level| (track, level))
        })
    }

    /// The area a section's texts are about: the section's heading, or the heading above it
    /// when the section's title recurs under each of its kind ("Capabilities" under
    /// "Business Analysis").
    fn section_area(&self, heading_counts: &HashMap<&str, usize>) -> String {
        let mut trail = self.heading_trail.iter().rev().map(|(_, title)| title);
        let last = trail.next().cloned().unwrap_or_default();
        let recurs = heading_counts
            .get(last.as_str())
            .is_some_and(|&count| count > 1);
        match trail.next() {
            Some(parent) if recurs => parent.clone(),
            _ => last,
        }
    }

    /// Adds a list's items to the level at `at` under `area`, read as any list's items are
    /// (their nested items examples, a stem's bullets its expectations).
    fn add_items_to(&mut self, at: (usize, usize), area: &str, items: &[Item]) {
        self.filling = Some(at);
        for item in items {
            self.add_item_tree(area, item);
        }
        self.filling = None;
    }

    fn add_expectation(&mut self, area: &str, text: &str) {
        // A label with nothing after it (`**Privileges:**` over nested bullets) says nothing
        // of its own: the bullets under it are the expectations.
        if text.trim().is_empty() {
            return;
        }
        // (This tool's handbook writes each expectation as a bullet of its own, whatever it
        // says: "NA" there is one.)
        if refers_to_another_level(text) && !self.handbook {
            // "Same as L3", "Trainee Developer +": what the level inherits, said about it.
            self.describe_level(text.trim());
            return;
        }
        if is_placeholder(text) && !self.handbook {
            // The level is there, its expectations not yet written.
            if let Some(level) = self.current_level() {
                level.definite = true;
            }
            return;
        }
        let area = self.area_name(area);
        if let Some(level) = self.current_level() {
            level
                .expectations
                .entry(area)
                .or_default()
                .push(Expectation::new(text.trim()));
        }
    }

    /// Gives `examples` to the last expectation of `area` in the current level; `false` when
    /// there is none to give them to.
    fn add_examples_to_last(&mut self, area: &str, examples: Vec<String>) -> bool {
        if examples.is_empty() {
            return true;
        }
        let area = self.area_name(area);
        let last = self
            .current_level()
            .and_then(|level| level.expectations.get_mut(&area))
            .and_then(|items| items.last_mut());
        match last {
            Some(item) => {
                item.examples.extend(examples);
                true
            }
            None => false,
        }
    }

    fn block(&mut self, block: &Block) {
        match block {
            Block::Heading { level, text, line } => self.heading(*level, text, *line),
            Block::Paragraph { text, line } => {
                self.pending_heading = None;
                self.prose(text, *line)
            }
            Block::KeyValue { key, value, line } => self.key_value(key, value, *line),
            Block::List { items, line } => {
                self.pending_heading = None;
                self.list(items, *line)
            }
            Block::Table { rows, line } => self.table(rows, *line),
        }
    }
}

/// A table's header row as one text: its cells' plain text joined by `|`.
pub(super) fn header_text(header: &[Cell]) -> String {
    header
        .iter()
        .map(|cell| plain(&cell.text))
        .collect::<Vec<_>>()
        .join("|")
}

/// The headers written over two tables or more of `blocks` (see
/// `Interpreter::repeated_headers`).
fn repeated_headers(blocks: &[Block]) -> Vec<String> {
    let mut seen: Vec<String> = Vec::new();
    let mut repeated: Vec<String> = Vec::new();
    for block in blocks {
        if let Block::Table { rows, .. } = block {
            let Some(header) = rows.first() else { continue };
            let text = header_text(header);
            if seen.contains(&text) {
                if !repeated.contains(&text) {
                    repeated.push(text);
                }
            } else {
                seen.push(text);
            }
        }
    }
    repeated
}

/// The bold label a paragraph starts with when the rest is at most an emphasized note
/// (`**Scope** *Area of ownership*`): an area's name over a list.
/// The texts a paragraph sets in bold (`**…**` or `__…__`), trimmed.
fn bold_spans(text: &str) -> Vec<String> {
    let mut spans = Vec::new();
    for mark in ["**", "__"] {
        let mut rest = text;
        while let Some((_, after)) = rest.split_once(mark) {
            let Some((inside, next)) = after.split_once(mark) else {
                break;
            };
            spans.push(inside.trim().to_owned());
            rest = next;
        }
    }
    spans
}

fn bold_lead(text: &str) -> Option<String> {
    let rest = text.trim().strip_prefix("**")?;
    let (label, after) = rest.split_once("**")?;
    let after = after.trim().trim_start_matches(':').trim();
    let note_only = after.is_empty()
        || (after.starts_with('*') && after.ends_with('*') && !after.starts_with("**"))
        || (after.starts_with('_') && after.ends_with('_'));
    let label = label.trim().trim_end_matches(':').trim();
    (note_only && !label.is_empty() && label.chars().count() <= 60).then(|| label.to_owned())
}

pub(super) fn is_bold_label(text: &str) -> bool {
    text.starts_with("**")
        && text.ends_with("**")
        && text.len() > 4
        && !text[2..text.len() - 2].contains("**")
}

/// An item and what is nested in it as a Markdown list (`* text`, nested items indented).
pub(crate) fn list_item_markdown(item: &Item, depth: usize) -> String {
    let mut out = String::new();
    write_list_item(item, depth, &mut out);
    out
}

/// Indentation stops here: a list nested deeper keeps its items, at this depth, so the text
/// written stays linear in the list (indenting each of 2,000 nested items by its depth was
/// quadratic, and no reader follows a list that deep).
const MAX_LIST_INDENT: usize = 16;

fn write_list_item(item: &Item, depth: usize, out: &mut String) {
    if !out.is_empty() {
        out.push('\n');
    }
    for _ in 0..depth.min(MAX_LIST_INDENT) {
        out.push_str("  ");
    }
    out.push_str("* ");
    out.push_str(&item.text);
    for child in &item.children {
        write_list_item(child, depth + 1, out);
    }
}

#[cfg(test)]
mod tests;
