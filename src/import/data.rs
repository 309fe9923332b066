//! Ladders kept as data by other tools (a JSON or YAML file, or a Markdown file's front
//! matter), mapped onto the model by their shape rather than by one tool's key names:
//!
//! - **nested**: areas (topics, competencies, disciplines) that each list their levels, each
//!   level with its criteria (`topics → content → level, criteria, exampleCriteria`), or levels
//!   that each list their areas;
//! - **flat**: a list of entries that each name a level and an area by id and give a text,
//!   with the levels and areas (their titles) listed elsewhere in the file.
//!
//! A file in this tool's own format (it has `tracks` with levels) loads as it always has.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use indexmap::IndexMap;
use serde_json::Value;

use super::outline::Block;
use super::{interpret::Reading, Imported};
use crate::diagnostic::Diagnostic;
use crate::model::{slug, Expectation, Ladder, Section};

/// Keys that name a thing, in the order they are preferred.
const NAME_KEYS: &[&str] = &[
    "title",
    "name",
    // A project's list of roles (`{role: "Release manager", responsibilities: […]}`).
    "role",
    "label",
    "topic",
    "competency",
    "area",
    "skill",
    // A page's section (`sections: [{heading, items}]`).
    "heading",
    "displayName",
    "display_name",
    // A level's group of statements (`competencies: [{category, statements}]`), when nothing
    // else names it (a skill's `category: "EXECUTION"` beside its `displayName` groups it).
    "category",
];
/// Keys by which an entry of a list or a map of levels names the level it is (`title:
/// Senior`, `name: Entry Level`).
const TITLE_KEYS: &[&str] = &["title", "name", "label", "role"];
/// Keys that say which level an entry is about.
const LEVEL_KEYS: &[&str] = &[
    "level", "levelId", "level_id", "levelID", "grade", "rank", "stage", "band", "tier",
];
/// Keys that say which area an entry is about.
const AREA_KEYS: &[&str] = &[
    "competency",
    "competencyId",
    "competency_id",
    "area",
    "areaId",
    "area_id",
    "topic",
    "topicId",
    "topic_id",
    "skill",
    "skillId",
    "skill_id",
    "dimension",
    "theme",
    "themeId",
    "theme_id",
];
/// Keys that hold an entry's expectations.
const CRITERIA_KEYS: &[&str] = &[
    "criteria",
    "expectations",
    "behaviours",
    "behaviors",
    "items",
    "descriptions",
    "description",
    "text",
    "criterion",
    "content",
    "bullets",
    "points",
    "statements",
    "summary",
    "skills",
    // A role's duties (`responsibilities: [{description, details}]`).
    "responsibilities",
    "duties",
];
/// Keys of the points a criterion's text leads into (`{description: "Coordination,
/// including:", details: […]}`): each point is an expectation, the text their lead-in.
const DETAIL_KEYS: &[&str] = &["details", "subitems", "sub_items", "points"];
/// Keys of a map of an area's levels, keyed by level (`levels: {L1: […]}`, `leveling:
/// {Developing: {summary, behaviors}}`).
const LEVEL_MAP_KEYS: &[&str] = &[
    "levels",
    "content",
    "leveling",
    "levelling",
    "proficiencies",
];

/// The fewest words of a summary that states a behaviour rather than naming the level.
const BEHAVIOUR_WORDS: usize = 5;

/// Whether a level's summary beside its behaviours is a sentence stating one (five words or
/// more, ending as a sentence ends), not a name for the level.
fn states_a_behaviour(text: &str) -> bool {
    super::interpret::is_statement(text, BEHAVIOUR_WORDS)
}

/// Keys of a text that says more of an entry's one text (`{summary, detail}`): an expectation
/// after it.
const ELABORATION_KEYS: &[&str] = &["detail", "elaboration", "more"];

/// Keys of a text that introduces an entry's criteria (`summary: {blurb, bullets}`): the
/// level's description.
const LEAD_IN_KEYS: &[&str] = &["blurb", "intro", "introduction", "lead", "lede"];
/// Keys of examples given under a criterion (Monzo's `exampleCriteria[].examples`), or beside
/// an entry's one criterion (Snowflake's milestone `summary` with its `signals`, which its site
/// shows as "Example behaviors", and `examples`, "Example tasks"): kept as that expectation's
/// examples.
const EXAMPLE_KEYS: &[&str] = &[
    "examples",
    "example",
    "signals",
    "exampleTasks",
    "example_tasks",
    "exampleBehaviors",
    "example_behaviors",
];

/// Whether a YAML text is a ladder source of this tool's own format (it has `tracks` at its
/// top), which loads as it is rather than being imported.
pub fn is_own_format(text: &str) -> bool {
    crate::load::yaml_value(Path::new(""), text).is_ok_and(|yaml| yaml.get("tracks").is_some())
}

/// Imports a standalone data file (`.json`, `.yaml`, `.yml`, a site's data module, or a PHP
/// file returning an array).
pub fn import(path: &Path, text: &str, extension: &str) -> Result<Imported, Vec<Diagnostic>> {
    let title = super::document_name(path);
    let value: Value = if super::MODULE_EXTENSIONS.contains(&extension) {
        let not_data = |message: String| {
            vec![Diagnostic::error("bad-module", message)
                .in_file(path)
                .with_hint("the importer reads a module whose ladder is a literal object (keys and values, no code); export it as JSON and import that")]
        };
        // The first literal that reads as a ladder; else the first one, for its error.
        let literals = super::module::object_literals(text);
        let values: Vec<Result<Value, String>> = literals
            .into_iter()
            .map(|literal| {
                json5::from_str(&literal?)
                    .map_err(|error| format!("its object is not plain data: {error}"))
            })
            .collect();
        if let Some(imported) = values
            .iter()
            .flatten()
            .find_map(|value| read(value, &title, text))
        {
            return Ok(imported);
        }
        match values.into_iter().next() {
            Some(first) => first.map_err(not_data)?,
            None => return Err(not_data(super::module::object_literal(text).unwrap_err())),
        }
    } else if extension == "php" {
        super::php::array_value(text).map_err(|message| {
            vec![Diagnostic::error("bad-php", format!("its array is not plain data: {message}"))
                .in_file(path)
                .with_hint("the importer reads a PHP file that returns its ladder as an array literal (keys and values, no code); export it as JSON and import that")]
        })?
    } else if extension == "toml" {
        toml::from_str::<Value>(text).map_err(|error| {
            // (Its span is in bytes: the line and column are counted to it.)
            let at = error.span().map(|span| {
                let before = &text[..span.start.min(text.len())];
                let line = before.matches('\n').count() + 1;
                let column = before
                    .rsplit('\n')
                    .next()
                    .map_or(0, |line| line.chars().count())
                    + 1;
                (line, column)
            });
            vec![
                Diagnostic::error("bad-toml", format!("this is not TOML: {}", error.message()))
                    .in_file(path)
                    .at(at),
            ]
        })?
    } else if extension == "json" {
        serde_json::from_str(text).map_err(|error| {
            vec![
                Diagnostic::error("bad-json", format!("this is not JSON: {error}"))
                    .in_file(path)
                    .at(Some((error.line(), error.column()))),
            ]
        })?
    } else {
        let yaml = crate::load::yaml_value(path, text).map_err(|refused| vec![refused])?;
        // (This tool's own format is loaded before, by `crate::inputs`; a file with `tracks` that
        // reaches here did not load, and is read as any other data.)
        serde_json::to_value(yaml).map_err(|error| {
            vec![Diagnostic::error(
                "bad-yaml",
                format!("this YAML cannot be read as data: {error}"),
            )
            .in_file(path)]
        })?
    };
    read(&value, &title, text).ok_or_else(|| {
        vec![Diagnostic::error(
            "import-no-levels",
            "no levels found in this data: no list of entries that name a level and give criteria",
        )
        .in_file(path)
        .with_hint(
            "the importer reads areas that list levels with criteria, levels that list areas, \
             or entries that name a level and an area; see `ladder import --help`",
        )]
    })
}

/// A Markdown file whose front matter holds a ladder as another tool's data: imported from the
/// data; the page's text below it is kept whole, as prose (a section per heading, the text
/// before the first heading as the summary).
pub fn from_front_matter(path: &Path, front: serde_yaml::Value, body: &str) -> Option<Imported> {
    let value = serde_json::to_value(front).ok()?;
    let title = super::document_name(path);
    let mut imported = read(&value, &title, "")?;
    let (summary, sections) = prose_sections(body);
    if !summary.is_empty() && imported.ladder.summary.is_none() {
        imported.ladder.summary = Some(summary);
    }
    imported.ladder.sections.extend(sections);
    Some(imported)
}

/// Markdown split at its headings: the text before the first, and a section per heading with
/// the Markdown under it as written.
fn prose_sections(body: &str) -> (String, Vec<Section>) {
    let mut summary = String::new();
    let mut sections: Vec<Section> = Vec::new();
    let mut fenced = false;
    for line in body.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
        }
        let hashes = line.chars().take_while(|c| *c == '#').count();
        let heading = !fenced && (1..=6).contains(&hashes) && line[hashes..].starts_with(' ');
        if heading {
            sections.push(Section {
                internal: false,
                title: line[hashes..].trim().to_owned(),
                body: String::new(),
                depth: (hashes as u8).clamp(1, 3),
            });
            continue;
        }
        let target = match sections.last_mut() {
            Some(section) => &mut section.body,
            None => &mut summary,
        };
        target.push_str(line);
        target.push('\n');
    }
    for section in &mut sections {
        section.body = section.body.trim().to_owned();
    }
    (summary.trim().to_owned(), sections)
}

/// One expectation found: its track (if the data names tracks), level key, area and text.
#[derive(Clone)]
struct Found {
    track: Option<String>,
    level: String,
    area: String,
    expectation: Expectation,
    /// Text about the level rather than an expectation (a grading band beside the expected
    /// one, the level's description): it joins the level's description.
    describes: bool,
}

/// The ladder in `value`, if the data holds levels with criteria.
///
/// `source` is the file's text, when there is one: the data's maps come sorted by key, and
/// where the file writes each level and area tells their order.
pub fn read(value: &Value, fallback_title: &str, source: &str) -> Option<Imported> {
    let mut listed = value.clone();
    keyed_entries_as_lists(&mut listed, source);
    let mut imported = read_placing(&listed, fallback_title, source)?;
    if imported.ladder.language.is_none() {
        imported.ladder.language = declared_language(value);
    }
    // Its sentences no reading placed, kept (with their inline HTML as Markdown, as placed
    // texts are).
    let mut shown = value.clone();
    html_as_markdown(&mut shown);
    super::kept::keep_unplaced(&shown, &mut imported.ladder);
    Some(imported)
}

/// Keys at the top of a site's data by which it declares its language (`lang: zh-TW`); those
/// of other languages (`idioma`) are in [`KEY_TRANSLATIONS`].
const LANGUAGE_KEYS: &[&str] = &["language", "lang", "locale"];

/// The language tag the data declares at its top (`lang: zh-TW`, `locale: pt_BR`), when it
/// is one: a primary subtag of two or three letters, then subtags of letters and digits.
fn declared_language(value: &Value) -> Option<String> {
    let foreign = KEY_TRANSLATIONS
        .iter()
        .filter(|(_, english)| *english == "language")
        .map(|(foreign, _)| *foreign);
    let tag = LANGUAGE_KEYS
        .iter()
        .copied()
        .chain(foreign)
        .find_map(|key| value.get(key).and_then(scalar))?
        .trim()
        .replace('_', "-");
    let mut subtags = tag.split('-');
    let primary = subtags.next()?;
    let is_tag = (2..=3).contains(&primary.len())
        && primary.chars().all(|c| c.is_ascii_alphabetic())
        && subtags.all(|subtag| {
            (1..=8).contains(&subtag.len()) && subtag.chars().all(|c| c.is_ascii_alphanumeric())
        });
    is_tag.then_some(tag)
}

/// [`read`] without the net for the sentences it did not place. A bare list of levels (`[{title,
/// summary, areas: {…}}, …]`, a module's `const levels = [...]`) is also read as the `levels`
/// of a ladder, and that reading kept where it places more.
fn read_placing(value: &Value, fallback_title: &str, source: &str) -> Option<Imported> {
    let bare = read_placing_as_is(value, fallback_title, source);
    let objects = value
        .as_array()
        .is_some_and(|items| items.len() >= 2 && items.iter().all(Value::is_object));
    if !objects {
        return bare;
    }
    let wrapped = serde_json::json!({ "levels": value });
    let as_levels = read_placing_as_is(&wrapped, fallback_title, source);
    let placed = |imported: &Imported| {
        imported
            .ladder
            .tracks
            .iter()
            .flat_map(|track| &track.levels)
            .map(|level| level.expectations.values().map(Vec::len).sum::<usize>())
            .sum::<usize>()
    };
    match (bare, as_levels) {
        (Some(bare), Some(as_levels)) if placed(&as_levels) > placed(&bare) => Some(as_levels),
        (Some(bare), _) => Some(bare),
        (None, as_levels) => as_levels,
    }
}

/// Lists written as maps keyed by ids, as a site's message files keep every text under a
/// key (`items: {account: "…", trial: "…"}`, `roles: {translator: {name, …}, …}`), made the
/// lists they stand for, in the order the file writes them; and a titled entry's groups kept
/// under keys of their own (`requirements: {title, items}`, `duties: {title, items}`), two or
/// more, made its `sections`.
/// (A stack rather than recursion: data nested however deep costs no native stack.)
fn keyed_entries_as_lists(value: &mut Value, source: &str) {
    let written = |text: &str| written_at(source, text);
    let mut pending = vec![value];
    while let Some(value) = pending.pop() {
        match value {
            Value::Object(map) => {
                for (key, child) in map.iter_mut() {
                    let key = key.to_lowercase();
                    let Value::Object(entries) = child else {
                        continue;
                    };
                    let texts = entries.len() >= 2
                        && entries.values().all(Value::is_string)
                        && !entries.keys().any(|key| is_structural_key(key));
                    let titled = entries.len() >= 2
                        && entries.values().all(|entry| {
                            entry.is_object() && string_at(entry, TITLE_KEYS).is_some()
                        });
                    let mut listed: Vec<Value> = if texts && CRITERIA_KEYS.contains(&key.as_str())
                        || titled && LADDER_LIST_KEYS.contains(&key.as_str())
                    {
                        std::mem::take(entries)
                            .into_iter()
                            .map(|(_, entry)| entry)
                            .collect()
                    } else {
                        continue;
                    };
                    // (Found in the file's text within a bound: a map of many thousands of
                    // texts keeps its keys' order.)
                    if listed.len().saturating_mul(source.len()) > ORDER_SEARCH_BUDGET {
                        *child = Value::Array(listed);
                        continue;
                    }
                    listed.sort_by_cached_key(|entry| match entry {
                        Value::String(text) => written(text),
                        entry => string_at(entry, TITLE_KEYS)
                            .map_or(source.len(), |title| written(&title)),
                    });
                    *child = Value::Array(listed);
                }
                // (A role's groups, each a titled object holding texts.)
                let groups: Vec<String> = map
                    .iter()
                    .filter(|(_, child)| {
                        child.is_object()
                            && string_at(child, NAME_KEYS).is_some()
                            && CRITERIA_KEYS.iter().any(|key| match child.get(*key) {
                                Some(Value::Array(_)) => true,
                                Some(Value::Object(texts)) => texts.values().all(Value::is_string),
                                _ => false,
                            })
                    })
                    .map(|(key, _)| key.clone())
                    .collect();
                let titled = TITLE_KEYS
                    .iter()
                    .any(|key| map.get(*key).and_then(scalar).is_some());
                if groups.len() >= 2 && titled && !map.contains_key("sections") {
                    let sections: Vec<Value> =
                        groups.iter().filter_map(|key| map.remove(key)).collect();
                    map.insert("sections".to_owned(), Value::Array(sections));
                }
                pending.extend(map.values_mut());
            }
            Value::Array(items) => pending.extend(items.iter_mut()),
            _ => {}
        }
    }
}

/// How many characters of the file's text [`keyed_entries_as_lists`] may search to put one map's
/// entries back in the file's order.
const ORDER_SEARCH_BUDGET: usize = 200_000_000;

/// Whether a data key is one this reader gives a meaning (a name, a list of criteria, of
/// levels or tracks): a map holding one is a record, not texts keyed by their ids.
fn is_structural_key(key: &str) -> bool {
    let key = key.to_lowercase();
    [
        NAME_KEYS,
        CRITERIA_KEYS,
        LADDER_LIST_KEYS,
        LEVEL_KEYS,
        AREA_KEYS,
    ]
    .iter()
    .any(|keys| keys.contains(&key.as_str()))
}

/// [`read_placing`] of the value as it is.
fn read_placing_as_is(value: &Value, fallback_title: &str, source: &str) -> Option<Imported> {
    read_keyed(value, fallback_title, source).or_else(|| {
        // Data keyed in another language (`niveles`, `competencias`, `título`): read as the
        // same keys in English; levels kept as a map keyed by their codes (`levels: {P5:
        // {title, …}}`): read as the list of them.
        let mut translated = value.clone();
        let renamed = translate_keys(&mut translated, 0);
        let listed = levels_keyed_by_code_as_list(&mut translated);
        (renamed || listed).then_some(())?;
        read_keyed(&translated, fallback_title, source)
    })
}

/// A document's levels kept as a map keyed by their codes (`levels: {P5: {title: "Junior",
/// …}, P6: {…}}`), at its top or in each of its `tracks`, made the list of them in order (the
/// code titling a level that has no title); whether any was.
fn levels_keyed_by_code_as_list(value: &mut Value) -> bool {
    let as_list = |holder: &mut Value| -> bool {
        for key in ["levels", "grades", "stages"] {
            let Some(Value::Object(levels)) = holder.get(key) else {
                continue;
            };
            if levels.is_empty() || !levels.values().all(Value::is_object) {
                continue;
            }
            let listed: Vec<Value> = levels
                .iter()
                .map(|(code, level)| {
                    let mut level = level.clone();
                    if let Value::Object(fields) = &mut level {
                        if !TITLE_KEYS.iter().any(|key| fields.contains_key(*key)) {
                            fields.insert("title".to_owned(), Value::String(code.clone()));
                        }
                    }
                    level
                })
                .collect();
            holder[key] = Value::Array(listed);
            return true;
        }
        false
    };
    let mut changed = as_list(value);
    if let Some(Value::Array(tracks)) = value.get_mut("tracks") {
        for track in tracks {
            changed |= as_list(track);
        }
    }
    changed
}

/// Structural keys of ladder data in other languages, lowercased, and the English key each
/// stands for (the keys this reader knows).
const KEY_TRANSLATIONS: &[(&str, &str)] = &[
    // Spanish
    ("niveles", "levels"),
    ("nivel", "level"),
    ("competencias", "competencies"),
    ("competencia", "competency"),
    ("áreas", "areas"),
    ("área", "area"),
    ("título", "title"),
    ("titulo", "title"),
    ("nombre", "name"),
    ("descripción", "description"),
    ("resumen", "summary"),
    ("resumo", "summary"),
    ("résumé", "summary"),
    ("zusammenfassung", "summary"),
    ("descripcion", "description"),
    ("expectativas", "expectations"),
    ("responsabilidades", "responsibilities"),
    ("requisitos", "requirements"),
    ("habilidades", "skills"),
    ("criterios", "criteria"),
    ("ejemplos", "examples"),
    ("trayectorias", "tracks"),
    ("texto", "text"),
    ("texte", "text"),
    ("testo", "text"),
    ("tekst", "text"),
    // Portuguese
    ("níveis", "levels"),
    ("nível", "level"),
    ("competências", "competencies"),
    ("competência", "competency"),
    ("nome", "name"),
    ("descrição", "description"),
    ("descricao", "description"),
    ("critérios", "criteria"),
    ("exemplos", "examples"),
    ("trilhas", "tracks"),
    // French
    ("niveaux", "levels"),
    ("niveau", "level"),
    ("compétences", "competencies"),
    ("compétence", "competency"),
    ("domaines", "areas"),
    ("domaine", "area"),
    ("titre", "title"),
    ("nom", "name"),
    ("attentes", "expectations"),
    ("responsabilités", "responsibilities"),
    ("exigences", "requirements"),
    ("critères", "criteria"),
    ("exemples", "examples"),
    // German
    ("stufen", "levels"),
    ("stufe", "level"),
    ("ebenen", "levels"),
    ("kompetenzen", "competencies"),
    ("kompetenz", "competency"),
    ("bereiche", "areas"),
    ("bereich", "area"),
    ("titel", "title"),
    ("beschreibung", "description"),
    ("erwartungen", "expectations"),
    ("verantwortlichkeiten", "responsibilities"),
    ("anforderungen", "requirements"),
    ("kriterien", "criteria"),
    ("beispiele", "examples"),
    // Italian and Dutch
    ("livelli", "levels"),
    ("livello", "level"),
    ("competenze", "competencies"),
    ("titolo", "title"),
    ("descrizione", "description"),
    ("niveaus", "levels"),
    ("competenties", "competencies"),
    ("beschrijving", "description"),
    ("naam", "name"),
    ("aspettative", "expectations"),
    ("aree", "areas"),
    ("esempi", "examples"),
    ("verwachtingen", "expectations"),
    ("gebieden", "areas"),
    // Catalan
    ("nivells", "levels"),
    ("nivell", "level"),
    ("títol", "title"),
    ("titol", "title"),
    ("descripció", "description"),
    ("descripcio", "description"),
    ("resum", "summary"),
    ("competències", "competencies"),
    ("àrees", "areas"),
    ("requisits", "requirements"),
    ("responsabilitats", "responsibilities"),
    ("rols", "roles"),
    ("blocs", "sections"),
    ("bloc", "section"),
    ("seccions", "sections"),
    ("punts", "items"),
    // Turkish
    ("seviyeler", "levels"),
    ("seviye", "level"),
    ("başlık", "title"),
    ("baslik", "title"),
    ("ad", "name"),
    ("isim", "name"),
    ("açıklama", "description"),
    ("aciklama", "description"),
    ("beklentiler", "expectations"),
    ("yetkinlikler", "competencies"),
    ("alanlar", "areas"),
    ("alan", "area"),
    ("maddeler", "items"),
    ("özet", "summary"),
    ("ozet", "summary"),
    ("roller", "roles"),
    ("bolumler", "sections"),
    ("bölümler", "sections"),
    ("örnekler", "examples"),
    ("ornekler", "examples"),
    // Polish
    ("poziomy", "levels"),
    ("poziom", "level"),
    ("tytuł", "title"),
    ("nazwa", "name"),
    ("opis", "description"),
    ("oczekiwania", "expectations"),
    ("kompetencje", "competencies"),
    ("obszary", "areas"),
    // Russian
    ("уровни", "levels"),
    ("уровень", "level"),
    ("грейды", "levels"),
    ("название", "title"),
    ("имя", "name"),
    ("описание", "description"),
    ("ожидания", "expectations"),
    ("компетенции", "competencies"),
    ("области", "areas"),
    // Indonesian
    ("judul", "title"),
    ("nama", "name"),
    ("deskripsi", "description"),
    ("harapan", "expectations"),
    ("kompetensi", "competencies"),
    ("tingkatan", "levels"),
    // Observable behaviours, a competency's criteria ("conductas": ["Revisa dependencias…"]),
    // and one example beside a criterion's text (`{texto, ejemplo}`).
    ("conductas", "behaviours"),
    ("comportamientos", "behaviours"),
    ("condutas", "behaviours"),
    ("comportamentos", "behaviours"),
    ("comportements", "behaviours"),
    ("comportamenti", "behaviours"),
    ("verhaltensweisen", "behaviours"),
    ("gedragingen", "behaviours"),
    ("zachowania", "behaviours"),
    ("davranışlar", "behaviours"),
    ("ejemplo", "example"),
    ("exemplo", "example"),
    ("exemple", "example"),
    ("beispiel", "example"),
    ("esempio", "example"),
    ("voorbeeld", "example"),
    ("voorbeelden", "examples"),
    ("przykład", "example"),
    ("przykłady", "examples"),
    // The document's language, in these languages.
    ("dil", "language"),
    ("idioma", "language"),
    ("langue", "language"),
    ("sprache", "language"),
    ("lingua", "language"),
    ("taal", "language"),
    ("język", "language"),
    ("язык", "language"),
    ("bahasa", "language"),
];

/// Renames the objects' keys found in [`KEY_TRANSLATIONS`] to their English keys, at every
/// depth (up to the depth any ladder has); whether any was renamed.
fn translate_keys(value: &mut Value, depth: usize) -> bool {
    if depth > MAX_KEY_DEPTH {
        return false;
    }
    match value {
        Value::Object(map) => {
            let mut renamed = false;
            let entries: Vec<(String, Value)> = std::mem::take(map).into_iter().collect();
            for (key, mut child) in entries {
                renamed |= translate_keys(&mut child, depth + 1);
                let lower = key.to_lowercase();
                let english = KEY_TRANSLATIONS
                    .iter()
                    .find(|(foreign, _)| *foreign == lower)
                    .map(|(_, english)| *english);
                // (A list named in the singular, as TOML's `[[nivell]]` tables are: the list.)
                let listed = child
                    .as_array()
                    .is_some_and(|items| !items.is_empty() && items.iter().all(Value::is_object));
                let english = match SINGULAR_LISTS
                    .iter()
                    .find(|(singular, _)| Some(*singular) == english.or(Some(lower.as_str())))
                {
                    Some((_, plural)) if listed => Some(*plural),
                    _ => english,
                };
                match english {
                    Some(english) if !map.contains_key(english) => {
                        renamed = true;
                        map.insert(english.to_owned(), child);
                    }
                    _ => {
                        map.insert(key, child);
                    }
                }
            }
            renamed
        }
        Value::Array(items) => items.iter_mut().fold(false, |renamed, item| {
            translate_keys(item, depth + 1) | renamed
        }),
        _ => false,
    }
}

/// Keys of a list in the singular and the list's key (`[[level]]` in TOML is a list of levels).
const SINGULAR_LISTS: &[(&str, &str)] = &[
    ("level", "levels"),
    ("track", "tracks"),
    ("role", "roles"),
    ("section", "sections"),
    ("area", "areas"),
    ("competency", "competencies"),
];

/// How deep [`translate_keys`] looks: far deeper than any ladder's data nests.
const MAX_KEY_DEPTH: usize = 32;

/// [`read`] of data keyed as this reader knows (in English).
fn read_keyed(value: &Value, fallback_title: &str, source: &str) -> Option<Imported> {
    let mut value = value.clone();
    html_as_markdown(&mut value);
    lists_spliced_into_lists(&mut value);
    name_levels_keyed_by_category(&mut value, 0);
    let common = take_common_records(&mut value);
    let value = &value;
    let level_titles = titles_of(value, LEVEL_LIST_KEYS);
    let area_titles = titles_of(value, AREA_MAP_KEYS);
    let mut found = records_under_level_keys(value);
    if found.is_empty() {
        walk(value, None, None, 0, &mut found);
    }
    if found.is_empty() {
        found = named_levels(value);
    }
    if found.is_empty() {
        return None;
    }
    let warnings = Vec::new();
    let title = string_at(value, NAME_KEYS)
        .or_else(|| string_at(value, &["sidebarTitle", "pageTitle"]))
        .unwrap_or_else(|| fallback_title.to_owned());
    // The model is built through its serde form, which fills in every default.
    let mut tracks: IndexMap<String, BTreeMap<LevelKey, LevelData>> = IndexMap::new();
    let mut areas: IndexMap<String, String> = IndexMap::new();
    // The order in which the file first names each level: theirs, when nothing else tells.
    let mut first_named: IndexMap<String, ()> = IndexMap::new();
    for entry in &found {
        first_named.entry(entry.level.clone()).or_default();
    }
    if orders_by_source(source, first_named.len()) {
        first_named.sort_by_cached_key(|level, _| written_at(source, level));
    }
    // Numbers order the levels only when every level has one ("Pr0" beside "n00b" and
    // "Play3r" is a name).
    let numbered = first_named.keys().all(|level| rank_number(level).is_some());
    for entry in found {
        let track = entry.track.clone().unwrap_or_else(|| title.clone());
        let area_name = area_titles
            .get(&entry.area)
            .cloned()
            .unwrap_or(entry.area.clone());
        let area_name = if area_name.is_empty() {
            String::from(super::interpret::GENERAL_AREA)
        } else {
            area_name
        };
        let area_id = slug(&area_name);
        if !entry.describes {
            areas.entry(area_id.clone()).or_insert(area_name);
        }
        let level_title = level_titles.get(&entry.level).cloned().unwrap_or_else(|| {
            if entry.level.chars().all(|c| c.is_ascii_digit()) {
                format!("Level {}", entry.level)
            } else {
                entry.level.clone()
            }
        });
        let level = tracks
            .entry(track)
            .or_default()
            .entry(LevelKey::new(
                &entry.level,
                level_titles.get_index_of(&entry.level),
                first_named.get_index_of(&entry.level).unwrap_or_default(),
                numbered,
            ))
            .or_insert_with(|| (level_title, IndexMap::new(), Vec::new()));
        if entry.describes {
            level.2.push(entry.expectation.text);
        } else {
            level.1.entry(area_id).or_default().push(entry.expectation);
        }
    }
    let mut level_ids: Vec<String> = Vec::new();
    let tracks: Vec<Value> = tracks
        .into_iter()
        .map(|(name, levels)| {
            let levels: Vec<Value> = levels
                .into_values()
                .enumerate()
                .map(|(index, (title, expectations, description))| {
                    let mut id = slug(&title);
                    while level_ids.contains(&id) {
                        id.push_str("-2");
                    }
                    level_ids.push(id.clone());
                    let mut level = serde_json::json!({
                        "id": id, "title": title, "rank": index + 1,
                        "expectations": expectations,
                    });
                    if !description.is_empty() {
                        level["description"] = Value::String(description.join("\n\n"));
                    }
                    level
                })
                .collect();
            let titles = levels.iter().filter_map(|level| level["title"].as_str());
            let kind = if super::interpret::is_management_track(&name, titles) {
                "manager"
            } else {
                "ic"
            };
            serde_json::json!({"id": slug(&name), "name": name, "kind": kind, "levels": levels})
        })
        .collect();
    if orders_by_source(source, areas.len()) {
        areas.sort_by_cached_key(|_, name| written_at(source, name));
    }
    let areas: Vec<Value> = areas
        .into_iter()
        .map(|(id, name)| serde_json::json!({"id": id, "name": name}))
        .collect();
    let mut ladder: Ladder = serde_json::from_value(serde_json::json!({
        "id": slug(&title), "title": title, "areas": areas, "tracks": tracks,
        "sections": common,
    }))
    .ok()?;
    // (JSON's maps come sorted by key: each level's areas go back to the ladder's order.)
    let order: Vec<String> = ladder.areas.iter().map(|area| area.id.clone()).collect();
    for track in &mut ladder.tracks {
        for level in &mut track.levels {
            level.expectations.sort_by_cached_key(|id, _| {
                order
                    .iter()
                    .position(|area| area == id)
                    .unwrap_or(order.len())
            });
        }
    }
    Some(Imported {
        reading: Reading::default(),
        choice: None,
        ladder,
        warnings,
        lost_headings: Vec::new(),
    })
}

/// Keys by which a record says which track it is for (`specialism: "Quality Engineer"`).
const TRACK_KEYS: &[&str] = &[
    "track",
    "specialism",
    "specialisation",
    "specialization",
    "discipline",
    "family",
];

/// Values of a track key that give a record to every track (`specialism: "All"`), lowercased.
const EVERY_TRACK: &[&str] = &["all", "both", "any", "every", "alle", "todos", "tous"];

/// The share of a map's keys that must read as levels' titles for the map to be keyed by level.
const LEVEL_KEYED_SHARE: f64 = 2.0 / 3.0;

/// A map keyed by the levels' titles at the top of the data, each holding named records by
/// category (`{Associate: {Delivery: [{name: "Coding", specialism: "Software Engineer",
/// description}]}}`, Capco's site data): each record gives its level its criteria in the area
/// it names. A name that recurs under two categories of one level ("Narrative" opening each)
/// names no area of its own: the category does. A record named as a description ("Description")
/// describes the level (one that says only "Not applicable" gives nothing: see
/// [`criteria`]). A record's track key names its track, "All" every track the records name.
/// Empty for any other data.
fn records_under_level_keys(value: &Value) -> Vec<Found> {
    let Value::Object(levels) = value else {
        return Vec::new();
    };
    let like = levels
        .keys()
        .filter(|key| super::interpret::level_likeness(key) >= 0.5)
        .count();
    let keyed = levels.len() >= 2
        && like as f64 >= levels.len() as f64 * LEVEL_KEYED_SHARE
        && levels.values().all(Value::is_object);
    if !keyed {
        return Vec::new();
    }
    // (track, level, category, record), in the file's order.
    let mut records: Vec<(Option<String>, &String, &String, &Value)> = Vec::new();
    for (level, categories) in levels {
        let Value::Object(categories) = categories else {
            continue;
        };
        for (category, list) in categories {
            let Value::Array(items) = list else {
                continue;
            };
            for item in items {
                if string_at(item, NAME_KEYS).is_some() && !criteria(item).0.is_empty() {
                    records.push((string_at(item, TRACK_KEYS), level, category, item));
                }
            }
        }
    }
    if records.is_empty() {
        return Vec::new();
    }
    let every = |track: &str| EVERY_TRACK.contains(&track.trim().to_lowercase().as_str());
    let mut tracks: Vec<String> = Vec::new();
    for (track, _, _, _) in &records {
        if let Some(track) = track.as_ref().filter(|track| !every(track)) {
            if !tracks.contains(track) {
                tracks.push(track.clone());
            }
        }
    }
    let mut found = Vec::new();
    // The categories each name is under, level by level (one pass: a file of thousands of
    // records is not compared pair by pair).
    let mut categories_of: HashMap<(&String, String), HashSet<&String>> = HashMap::new();
    for &(_, level, category, record) in &records {
        let name = string_at(record, NAME_KEYS).unwrap_or_default();
        categories_of
            .entry((level, name))
            .or_default()
            .insert(category);
    }
    for &(ref track, level, category, record) in &records {
        let name = string_at(record, NAME_KEYS).unwrap_or_default();
        let recurs = categories_of
            .get(&(level, name.clone()))
            .is_some_and(|categories| categories.len() >= 2);
        let area = if recurs {
            category.as_str()
        } else {
            name.as_str()
        };
        let mut entries = entries_of(record, None, level, area);
        if super::interpret::is_description_heading(&name) {
            for entry in &mut entries {
                entry.describes = true;
            }
        }
        let for_tracks: Vec<Option<String>> = match track {
            Some(track) if every(track) && !tracks.is_empty() => {
                tracks.iter().cloned().map(Some).collect()
            }
            Some(track) if !every(track) => vec![Some(track.clone())],
            _ => vec![None],
        };
        for for_track in for_tracks {
            found.extend(entries.iter().cloned().map(|mut entry| {
                entry.track = for_track.clone();
                entry
            }));
        }
    }
    found
}

/// Names of a record beside the levels' that holds what every level shares ("Common", "All
/// levels"), lowercased: no level of its own.
const COMMON_NAMES: &[&str] = &[
    "common",
    "all levels",
    "all",
    "everyone",
    "shared",
    "general",
    "basics",
    "allgemein",
    "commun",
    "común",
    "comum",
    "todos",
    "共通",
    "通用",
    "공통",
];

/// Takes out of a list of level records (at the top, or under one key) the record that holds
/// what all of them share (`{name: "Common", skills: {…}}`): a prose section each (its
/// description, then its texts by area), so that it is kept but is no level.
fn take_common_records(value: &mut Value) -> Vec<Section> {
    let lists: Vec<&mut Vec<Value>> = match value {
        Value::Array(items) => vec![items],
        Value::Object(map) => map
            .values_mut()
            .filter_map(|child| match child {
                Value::Array(items) => Some(items),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    };
    let mut sections = Vec::new();
    for items in lists {
        let is_common = |item: &Value| {
            string_at(item, NAME_KEYS)
                .is_some_and(|name| COMMON_NAMES.contains(&name.trim().to_lowercase().as_str()))
        };
        let named = items
            .iter()
            .filter(|item| string_at(item, NAME_KEYS).is_some())
            .count();
        let common = items.iter().filter(|item| is_common(item)).count();
        if common == 0 || named < common + 2 {
            continue;
        }
        let (shared, levels): (Vec<Value>, Vec<Value>) =
            std::mem::take(items).into_iter().partition(is_common);
        *items = levels;
        for record in shared {
            let name = string_at(&record, NAME_KEYS).unwrap_or_default();
            let found = listed_areas_of(&record, &name, 1);
            let found = if found.is_empty() {
                entries_of(&record, None, &name, "")
            } else {
                found
            };
            let mut body: Vec<String> = found
                .iter()
                .filter(|entry| entry.describes)
                .map(|entry| entry.expectation.text.clone())
                .collect();
            let items: Vec<String> = found
                .iter()
                .filter(|entry| !entry.describes)
                .map(|entry| match entry.area.as_str() {
                    "" => format!("- {}", entry.expectation.text),
                    area => format!("- **{area}:** {}", entry.expectation.text),
                })
                .collect();
            body.push(items.join("\n"));
            sections.push(Section {
                title: name,
                body: body.join("\n\n").trim().to_owned(),
                depth: 1,
                internal: false,
            });
        }
    }
    sections
}

/// How few records a collection needs before a key that repeats across them can be told to
/// name their level.
const LEAST_CATEGORISED_RECORDS: usize = 4;

/// How long a category's value may be (an id or a short name, not a text).
const MAX_CATEGORY_CHARS: usize = 40;

/// Records that each name their area under an area key and their level under a key of their
/// own (`{competency: "problemSolving", expectation: "beginner", description}`, Khan
/// Academy's skills): the key whose short values repeat across the records is the level's, and
/// each record gets it as `level`, so the walk reads them as any record naming its level.
fn name_levels_keyed_by_category(value: &mut Value, depth: usize) {
    if depth > 12 {
        return;
    }
    let records: Vec<&Value> = match &*value {
        Value::Array(items) => items.iter().collect(),
        Value::Object(map) => map.values().collect(),
        _ => Vec::new(),
    };
    if let Some(key) = level_category(&records) {
        let records: Vec<&mut Value> = match value {
            Value::Array(items) => items.iter_mut().collect(),
            Value::Object(map) => map.values_mut().collect(),
            _ => Vec::new(),
        };
        for record in records {
            if let Value::Object(map) = record {
                if let Some(level) = map.get(&key).cloned() {
                    map.insert(String::from("level"), level);
                }
            }
        }
        return;
    }
    match value {
        Value::Array(items) => items
            .iter_mut()
            .for_each(|item| name_levels_keyed_by_category(item, depth + 1)),
        Value::Object(map) => map
            .values_mut()
            .for_each(|child| name_levels_keyed_by_category(child, depth + 1)),
        _ => {}
    }
}

/// The key that names each record's level in a collection of records that name their area
/// (see [`name_levels_keyed_by_category`]): present in every record with a short value, each
/// value shared by several records, two values or more, and not the area's key. Where two
/// keys qualify, the one whose values include a rung's word ("beginner", "senior"); none when
/// that does not decide, or when the records already name their level.
fn level_category(records: &[&Value]) -> Option<String> {
    if records.len() < LEAST_CATEGORISED_RECORDS || !records.iter().all(|r| r.is_object()) {
        return None;
    }
    if records
        .iter()
        .any(|record| string_at(record, LEVEL_KEYS).is_some())
    {
        return None;
    }
    let area_key = AREA_KEYS.iter().find(|key| {
        records
            .iter()
            .all(|record| record.get(**key).and_then(scalar).is_some())
    })?;
    let Value::Object(first) = records[0] else {
        return None;
    };
    let candidates: Vec<(&String, Vec<String>)> = first
        .keys()
        .filter(|key| key.as_str() != *area_key && !CRITERIA_KEYS.contains(&key.as_str()))
        .filter_map(|key| {
            let values: Option<Vec<String>> = records
                .iter()
                .map(|record| {
                    record.get(key).and_then(|value| match value {
                        Value::String(text) => Some(text.trim().to_owned()),
                        _ => None,
                    })
                })
                .collect();
            let values = values?;
            let short = values.iter().all(|value| {
                !value.is_empty()
                    && value.chars().count() <= MAX_CATEGORY_CHARS
                    && value.split_whitespace().count() <= 3
            });
            let mut distinct = values.clone();
            distinct.sort();
            distinct.dedup();
            let repeated = distinct.len() >= 2 && distinct.len() * 2 <= values.len();
            (short && repeated).then_some((key, distinct))
        })
        .collect();
    let names_rungs = |values: &[String]| {
        values.iter().any(|value| {
            words_of_key(value)
                .iter()
                .any(|word| super::interpret::is_rung_word(word))
        })
    };
    match candidates.as_slice() {
        [(key, _)] => Some((*key).clone()),
        _ => {
            let rungs: Vec<&String> = candidates
                .iter()
                .filter(|(_, values)| names_rungs(values))
                .map(|(key, _)| *key)
                .collect();
            (rungs.len() == 1).then(|| rungs[0].clone())
        }
    }
}

/// The words of a key as written in code (`leadingExpert`, `senior_engineer`), lowercased.
fn words_of_key(key: &str) -> Vec<String> {
    let mut words = vec![String::new()];
    for c in key.chars() {
        if c.is_uppercase() || !c.is_alphanumeric() {
            words.push(String::new());
        }
        if c.is_alphanumeric() {
            words
                .last_mut()
                .expect("one word at least")
                .extend(c.to_lowercase());
        }
    }
    words.retain(|word| !word.is_empty());
    words
}

/// How many bytes of a data file the ordering of its levels and areas may read in all (each
/// name is looked for in the whole text): a file of thousands of levels keeps the parsed order
/// rather than taking minutes.
const MAX_ORDERING_WORK: usize = 100_000_000;

/// Whether `count` names are ordered by where `source` writes them (see [`MAX_ORDERING_WORK`]).
fn orders_by_source(source: &str, count: usize) -> bool {
    !source.is_empty() && count.saturating_mul(source.len()) <= MAX_ORDERING_WORK
}

/// Where `name` is first written in a data file's `source` as a key or a value (`"L3"`,
/// `entry:`, `name: Entry Level`); the end of the file when it is not.
fn written_at(source: &str, name: &str) -> usize {
    [
        format!("\"{name}\""),
        format!("'{name}'"),
        format!("{name}:"),
        format!(": {name}"),
    ]
    .iter()
    .filter_map(|written| source.find(written.as_str()))
    .min()
    .or_else(|| source.find(name))
    .unwrap_or(source.len())
}

/// A level's title, its expectations by area id, and its description's paragraphs.
type LevelData = (String, IndexMap<String, Vec<Expectation>>, Vec<String>);

/// A list of levels that name themselves and give criteria, in order (`[{name: "Junior
/// developer", summary: {blurb, bullets}}, …]`), at the top of the data or under one key:
/// each entry is a level of its own, with no area. Empty when the data holds none.
fn named_levels(value: &Value) -> Vec<Found> {
    let lists: Vec<&Vec<Value>> = match value {
        Value::Array(items) => vec![items],
        Value::Object(map) => map
            .values()
            .filter_map(|child| match child {
                Value::Array(items) => Some(items),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    };
    for items in lists {
        // Records that list their texts under keys naming areas: where one does so twice or
        // more, each record's lists are its areas, one list or more.
        let least = if items
            .iter()
            .any(|item| !listed_areas_of(item, "", LISTED_AREAS).is_empty())
        {
            1
        } else {
            LISTED_AREAS
        };
        let levels: Vec<Vec<Found>> = items
            .iter()
            .filter_map(|item| {
                let name = string_at(item, NAME_KEYS)?;
                let listed = listed_areas_of(item, &name, least);
                let entries = if listed.is_empty() {
                    entries_of(item, None, &name, "")
                } else {
                    listed
                };
                (!entries.is_empty()).then_some(entries)
            })
            .collect();
        if levels.len() >= 2 && levels.len() == items.len() {
            return levels.into_iter().flatten().collect();
        }
    }
    keyed_records(value)
}

/// Levels keyed by an id, each holding a record that names itself, or one such record per
/// track under the same keys (`basic: {hard: {name: "Débutant", description}, soft: {…}}`,
/// `intermediate: {hard: …, soft: …}`, as a site's language file keeps its scale): each record
/// a level of its track. Empty unless every level holds records so, two levels or more.
fn keyed_records(value: &Value) -> Vec<Found> {
    let Value::Object(levels) = value else {
        return Vec::new();
    };
    let named = |record: &Value| string_at(record, NAME_KEYS).is_some();
    // One record per level, or one per track: the same track keys under every level.
    let per_track = |record: &Value| match record {
        Value::Object(tracks) if !named(record) && !tracks.is_empty() => tracks
            .values()
            .all(named)
            .then(|| tracks.keys().cloned().collect::<Vec<_>>()),
        _ => None,
    };
    let first = levels.values().next();
    let tracks = first.and_then(per_track);
    let regular = levels.len() >= 2
        && levels.values().all(|record| match &tracks {
            Some(keys) => per_track(record).as_ref() == Some(keys),
            None => named(record),
        });
    if !regular {
        return Vec::new();
    }
    let mut found = Vec::new();
    for record in levels.values() {
        let records: Vec<(Option<&str>, &Value)> = match (&tracks, record) {
            (Some(_), Value::Object(by_track)) => by_track
                .iter()
                .map(|(track, record)| (Some(track.as_str()), record))
                .collect(),
            _ => vec![(None, record)],
        };
        for (track, record) in records {
            let name = string_at(record, NAME_KEYS).unwrap_or_default();
            found.extend(entries_of(record, track, &name, ""));
        }
    }
    found
}

/// Keys of a role's record whose lists of texts are an area each (`requirements: […]`,
/// `responsibilities: […]`), lowercased.
const LISTED_AREA_KEYS: &[&str] = &[
    "requirements",
    "responsibilities",
    "duties",
    "privileges",
    "qualifications",
    "expectations",
    "skills",
    "behaviours",
    "behaviors",
    "criteria",
];

/// How many such lists make a record's areas (one list is the record's criteria).
const LISTED_AREAS: usize = 2;

/// A role's record that lists its texts under keys naming their areas (`{name, description,
/// requirements: […], responsibilities: […]}`, the OBO Foundry's roles), `least` of them or
/// more: each list an area named by its key, the record's description said about the level.
/// Empty for any other record.
fn listed_areas_of(value: &Value, level: &str, least: usize) -> Vec<Found> {
    let Value::Object(map) = value else {
        return Vec::new();
    };
    let is_texts =
        |child: &Value| matches!(child, Value::Array(items) if items.iter().all(Value::is_string));
    let mut lists: Vec<(&String, Vec<String>)> = Vec::new();
    for (key, child) in map {
        if !LISTED_AREA_KEYS.contains(&key.to_lowercase().as_str()) {
            continue;
        }
        match child {
            Value::Array(items) if !items.is_empty() && is_texts(child) => {
                lists.push((key, texts_of(child)));
            }
            // `skills: {interpersonal: […], leadership: […]}`: the lists under one key are
            // named by their areas (an empty one has nothing for its area).
            Value::Object(areas) if areas.len() >= LISTED_AREAS && areas.values().all(is_texts) => {
                lists.extend(areas.iter().map(|(area, texts)| (area, texts_of(texts))));
            }
            _ => {}
        }
    }
    if lists.is_empty() || lists.len() < least {
        return Vec::new();
    }
    let found = |area: &str, text: &str, describes: bool| Found {
        track: None,
        level: level.to_owned(),
        area: area.to_owned(),
        expectation: Expectation::new(text.trim()),
        describes,
    };
    let mut out: Vec<Found> = lists
        .iter()
        .flat_map(|(key, texts)| texts.iter().map(|text| found(key, text, false)))
        .collect();
    out.extend(
        ["description", "summary"]
            .iter()
            .filter_map(|key| value.get(*key).and_then(scalar))
            .map(|text| found("", &text, true)),
    );
    out
}

/// What one entry (`{title, summary, criteria}`) gives its level in `area`: its criteria,
/// and the texts beside them that describe it (`Area: text`, to the level's description).
/// A level's areas written as a list of named entries, each holding its criteria
/// (`competencies: [{name: "Technical depth", expectations: […]}]`): each text in its entry's
/// area, the level's own summary or description describing it. Empty when the level has no
/// such list.
fn areas_listed(value: &Value, track: Option<&str>, level: &str) -> Vec<Found> {
    let Value::Object(map) = value else {
        return Vec::new();
    };
    let found = |area: &str, expectation: Expectation, describes: bool| Found {
        track: track.map(str::to_owned),
        level: level.to_owned(),
        area: area.to_owned(),
        expectation,
        describes,
    };
    let mut out = Vec::new();
    for child in map.values() {
        let Value::Array(items) = child else {
            continue;
        };
        let named = !items.is_empty()
            && items
                .iter()
                .all(|item| item.is_object() && string_at(item, NAME_KEYS).is_some());
        if !named {
            continue;
        }
        for item in items {
            let area = string_at(item, NAME_KEYS).unwrap_or_default();
            let (texts, lead_ins) = criteria(item);
            out.extend(texts.into_iter().map(|text| found(&area, text, false)));
            out.extend(
                lead_ins
                    .into_iter()
                    .map(|text| found(&area, Expectation::new(format!("{area}: {text}")), true)),
            );
        }
    }
    if out.iter().any(|entry| !entry.describes) {
        out.extend(level_summary(value, track, level));
    } else {
        out.clear();
    }
    out
}

/// Keys of a list of levels or of tracks (`tracks: [{levels: […]}]`, `roles: […]`).
const LADDER_LIST_KEYS: &[&str] = &[
    "tracks",
    "disciplines",
    "ladders",
    "paths",
    "roles",
    "families",
    "levels",
    "grades",
    "ranks",
    "stages",
    "bands",
];

/// An entry of a list of roles or tracks read as one level (see [`areas_listed`]), when it is
/// titled, lists its areas, and holds no list of levels or tracks of its own (then it is a
/// track): `None` otherwise.
fn role_as_level(item: &Value, track: Option<&str>) -> Option<Vec<Found>> {
    let holds_a_ladder = LADDER_LIST_KEYS
        .iter()
        .any(|key| item.get(*key).is_some_and(Value::is_array));
    if holds_a_ladder {
        return None;
    }
    let title = string_at(item, TITLE_KEYS)?;
    let listed = areas_listed(item, track, &title);
    (!listed.is_empty()).then_some(listed)
}

/// A level's `summary`, `description` or `tagline` beside its areas: what describes it.
fn level_summary(value: &Value, track: Option<&str>, level: &str) -> Vec<Found> {
    ["summary", "description", "tagline"]
        .iter()
        .filter_map(|key| value.get(*key).and_then(scalar))
        .map(|text| Found {
            track: track.map(str::to_owned),
            level: level.to_owned(),
            area: String::new(),
            expectation: Expectation::new(text),
            describes: true,
        })
        .collect()
}

fn entries_of(value: &Value, track: Option<&str>, level: &str, area: &str) -> Vec<Found> {
    let (texts, describing) = criteria(value);
    if texts.is_empty() {
        return Vec::new();
    }
    let described = describing.into_iter().map(|text| {
        let text = if area.is_empty() {
            text
        } else {
            format!("{area}: {text}")
        };
        (Expectation::new(&text), true)
    });
    texts
        .into_iter()
        .map(|text| (text, false))
        .chain(described)
        .map(|(expectation, describes)| Found {
            track: track.map(str::to_owned),
            level: level.to_owned(),
            area: area.to_owned(),
            expectation,
            describes,
        })
        .collect()
}

/// Levels sort in the order the file lists them, else by their number (`3`, `L3`, `Level 3`),
/// else in the order the file first names them.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum LevelKey {
    Listed(usize),
    Number(u64, String),
    Named(usize),
}

/// Words besides the rungs' own ([`crate::import::interpret::is_rung_word`]: `Level 3`,
/// `Stufe 2`) that a level's number follows, lowercased; short codes (`L3`, `IC4`, `E5`) need
/// none.
const NUMBER_LEADS: &[&str] = &["lvl", "milestone", "stage"];

/// Whether a level's number may follow `word` (lowercased).
fn leads_a_number(word: &str) -> bool {
    super::interpret::is_rung_word(word) || NUMBER_LEADS.contains(&word)
}

impl LevelKey {
    fn new(text: &str, listed: Option<usize>, first_named: usize, numbered: bool) -> Self {
        if let Some(index) = listed {
            return LevelKey::Listed(index);
        }
        match rank_number(text).filter(|_| numbered) {
            Some(number) => LevelKey::Number(number, text.to_owned()),
            None => LevelKey::Named(first_named),
        }
    }
}

/// The number a level's name ends with when it ranks it (`3`, `L3`, `IC4`, `Level 3`); digits
/// inside a name ("Play3r") are no rank.
fn rank_number(text: &str) -> Option<u64> {
    let trimmed = text.trim();
    let prefix = trimmed.trim_end_matches(|c: char| c.is_ascii_digit());
    let digits = &trimmed[prefix.len()..];
    let prefix = prefix.trim_end_matches([' ', '-', '_', '.']).to_lowercase();
    let ranked = prefix.is_empty()
        || prefix.chars().count() <= 3 && prefix.chars().all(char::is_alphabetic)
        || leads_a_number(&prefix);
    digits.parse().ok().filter(|_| ranked)
}

fn scalar(value: &Value) -> Option<String> {
    match value {
        Value::String(text) => Some(text.trim().to_owned()).filter(|text| !text.is_empty()),
        Value::Number(number) => Some(number.to_string()),
        _ => None,
    }
}

fn string_at(value: &Value, keys: &[&str]) -> Option<String> {
    keys.iter().find_map(|key| value.get(*key).and_then(scalar))
}

/// `id → title` of the things listed under any of `keys` (objects with an id and a name).
fn titles_of(value: &Value, keys: &[&str]) -> IndexMap<String, String> {
    let mut titles = IndexMap::new();
    fn visit(value: &Value, keys: &[&str], titles: &mut IndexMap<String, String>, depth: usize) {
        if depth > 12 {
            return;
        }
        match value {
            Value::Object(map) => {
                for (key, child) in map {
                    if keys.contains(&key.as_str()) {
                        if let Value::Array(items) = child {
                            for item in items {
                                let id = string_at(item, &["id", "key", "slug", "level", "code"]);
                                let name = string_at(item, NAME_KEYS);
                                if let (Some(id), Some(name)) = (id, name) {
                                    titles.entry(id).or_insert(name);
                                }
                            }
                        }
                        if let Value::Object(entries) = child {
                            for (id, item) in entries {
                                if let Some(name) =
                                    scalar(item).or_else(|| string_at(item, NAME_KEYS))
                                {
                                    titles.entry(id.clone()).or_insert(name);
                                }
                            }
                        }
                    }
                    visit(child, keys, titles, depth + 1);
                }
            }
            Value::Array(items) => {
                for item in items {
                    visit(item, keys, titles, depth + 1);
                }
            }
            _ => {}
        }
    }
    visit(value, keys, &mut titles, 0);
    titles
}

/// The criteria an entry gives: strings, or objects whose text is under a criteria key, each
/// with the examples given under it; examples given beside an entry's one criterion are that
/// criterion's. Also the texts that name or describe the entry beside a list of criteria
/// (UNiDAYS' level `summary` "Commercially Aware" over its `criteria`): no criteria of theirs.
fn criteria(value: &Value) -> (Vec<Expectation>, Vec<String>) {
    criteria_within(value, 0)
}

/// How deep `summary: {bullets: …}` objects are followed for criteria.
const MAX_CRITERIA_NESTING: usize = 4;

fn criteria_within(value: &Value, depth: usize) -> (Vec<Expectation>, Vec<String>) {
    let mut out = Vec::new();
    let mut describing = Vec::new();
    for key in CRITERIA_KEYS
        .iter()
        .chain(&["exampleCriteria", "example_criteria"])
    {
        let before = out.len();
        match value.get(*key) {
            // `responsibilities: {description: "…, including:", details: […]}`.
            Some(nested @ Value::Object(_)) if !texts_at(nested, DETAIL_KEYS).is_empty() => {
                describing.extend(string_at(nested, CRITERIA_KEYS));
                out.extend(texts_at(nested, DETAIL_KEYS).iter().map(Expectation::new));
            }
            // `summary: {blurb, bullets}`: an object holding the criteria and their lead-in.
            Some(nested @ Value::Object(_)) if depth < MAX_CRITERIA_NESTING => {
                let (texts, lead_ins) = criteria_within(nested, depth + 1);
                out.extend(texts);
                describing.extend(lead_ins);
                describing.extend(
                    LEAD_IN_KEYS
                        .iter()
                        .filter_map(|lead| nested.get(*lead).and_then(scalar)),
                );
            }
            // A summary that states what the level does in a sentence ("Points out where
            // the team can take control of the process.") beside the level's behaviours is
            // expected first of them; a short one names the level ("Team player").
            Some(Value::String(text))
                if *key == "summary" && !out.is_empty() && states_a_behaviour(text) =>
            {
                out.insert(0, Expectation::new(text.trim()));
            }
            Some(Value::String(text)) if !text.trim().is_empty() && !out.is_empty() => {
                describing.push(text.trim().to_owned());
            }
            Some(Value::String(text)) if !text.trim().is_empty() => out.extend(listed(text)),
            Some(Value::Array(items)) => {
                for item in items {
                    match item {
                        Value::String(text) if !text.trim().is_empty() => out.extend(listed(text)),
                        Value::Object(_) => {
                            let details = texts_at(item, DETAIL_KEYS);
                            match string_at(item, CRITERIA_KEYS) {
                                // A lead-in over its details ("Coordination of the project,
                                // including:"): the details are what is expected, the lead-in
                                // describes the level.
                                Some(text) if !details.is_empty() => {
                                    describing.push(text);
                                    out.extend(details.iter().map(Expectation::new));
                                }
                                Some(text) => out
                                    .push(Expectation::new(text).with_examples(examples_in(item))),
                                None => out.extend(details.iter().map(Expectation::new)),
                            }
                        }
                        _ => {}
                    }
                }
            }
            _ => {}
        }
        // One text key is the entry's text (`summary` or `description`, not both); lists of
        // criteria and example criteria add up.
        let was_text = matches!(value.get(*key), Some(Value::String(_)));
        if out.len() > before && was_text {
            break;
        }
    }
    if let [only] = out.as_mut_slice() {
        only.examples.extend(examples_in(value));
    }
    // `{summary: "…", detail: "…"}`: the detail beside the entry's text says more of what is
    // expected, in a text of its own.
    if !out.is_empty() {
        out.extend(
            ELABORATION_KEYS
                .iter()
                .filter_map(|key| value.get(*key).and_then(scalar))
                .map(Expectation::new),
        );
    }
    // An entry that gives only examples (`{name: Working, examples: [...]}`): they are what
    // the level expects.
    if out.is_empty() {
        out.extend(examples_in(value).iter().map(Expectation::new));
    }
    // `Not applicable for this role` holds the place of criteria.
    out.retain(|item| !super::interpret::is_placeholder(&item.text));
    (out, describing)
}

/// Grading bands of one capability at a level: the band that says what the level expects, and
/// the others (above and below it), which describe the level around it.
const EXPECTED_BANDS: &[&str] = &[
    "meets",
    "meets expectations",
    "expected",
    "at level",
    "solid",
];
const OTHER_BANDS: &[&str] = &[
    "exceeds",
    "exceeds expectations",
    "misses",
    "below",
    "above",
    "does not meet",
    "needs improvement",
    "strong",
];

/// A level's entry that groups its criteria by area under keys of their own
/// (`expectations: {technical: {exceeds, meets, misses}, ...}`, `responsibilities: [...]`):
/// each area's texts, a graded capability's expected band as its expectation and the other
/// bands as the level's description (`true`), and the entry's own description. Empty when the
/// entry groups nothing so.
fn criteria_by_area(value: &Value) -> Vec<(String, Expectation, bool)> {
    let Value::Object(map) = value else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut graded = false;
    for (key, child) in map {
        if LEVEL_KEYS.contains(&key.as_str()) || NAME_KEYS.contains(&key.as_str()) {
            continue;
        }
        match child {
            // `expectations: {technical: {...}, ownership: "..."}`: areas under a criteria key.
            Value::Object(areas) if CRITERIA_KEYS.contains(&key.as_str()) => {
                for (area, texts) in areas {
                    match texts {
                        Value::Object(bands) => {
                            let expected = bands.iter().find(|(band, _)| {
                                EXPECTED_BANDS.contains(&band.to_lowercase().as_str())
                            });
                            let Some((_, expected)) = expected else {
                                continue;
                            };
                            graded = true;
                            for text in texts_of(expected) {
                                out.push((area.clone(), Expectation::new(text), false));
                            }
                            for (band, other) in bands {
                                if OTHER_BANDS.contains(&band.to_lowercase().as_str()) {
                                    for text in texts_of(other) {
                                        let note = format!("**{area} ({band}):** {text}");
                                        out.push((area.clone(), Expectation::new(note), true));
                                    }
                                }
                            }
                        }
                        other => out.extend(
                            texts_of(other)
                                .into_iter()
                                .map(|text| (area.clone(), Expectation::new(text), false)),
                        ),
                    }
                }
            }
            // `responsibilities: [...]` beside graded areas: an area named by its key.
            Value::Array(items) if items.iter().all(Value::is_string) && !items.is_empty() => {
                for text in texts_of(child) {
                    out.push((key.clone(), Expectation::new(text), false));
                }
            }
            // The level's description.
            Value::String(text) if matches!(key.as_str(), "description" | "summary") => {
                out.push((String::new(), Expectation::new(text.trim()), true));
            }
            _ => {}
        }
    }
    // Only graded capabilities mark this shape; anything else is read as criteria.
    if graded {
        out
    } else {
        Vec::new()
    }
}

/// The texts of a string or a list of strings.
fn texts_of(value: &Value) -> Vec<String> {
    match value {
        Value::Array(list) => list.iter().filter_map(scalar).collect(),
        other => scalar(other).into_iter().collect(),
    }
}

/// The examples an object gives under its example keys (in the keys' alphabetical order:
/// `serde_json` keeps objects sorted).
/// Every text of the data with its inline HTML (`<a href>`, `<i>`) as Markdown, as a site that
/// renders the data shows it.
/// (A stack rather than recursion: data nested however deep costs no native stack.)
fn html_as_markdown(value: &mut Value) {
    let mut pending = vec![value];
    while let Some(value) = pending.pop() {
        match value {
            Value::String(text) if holds_html_blocks(text) => {
                *text = html_blocks_as_markdown(text);
            }
            Value::String(text) if text.contains('<') => {
                *text = super::outline::inline_html_as_markdown(text);
            }
            Value::Array(items) => pending.extend(items.iter_mut()),
            Value::Object(map) => pending.extend(map.values_mut()),
            _ => {}
        }
    }
}

/// Words of a title that names a whole ladder ("Platform Engineering Ladder", "Karriere-
/// pfad", "Kariyer Basamakları"), lowercased, found inside its words.
const LADDER_TITLE_WORDS: &[&str] = &[
    "ladder",
    "career",
    "framework",
    "progression",
    "levels",
    "levelling",
    "leveling",
    "matrix",
    "carrière",
    "karriere",
    "carrera",
    "carreira",
    "kariyer",
    "kariera",
    "carriera",
    "loopbaan",
    "карьер",
    "кар'єр",
];

/// Keys of the list of a ladder's levels in data (`levels: [...]`), the foreign ones
/// translated before.
const LEVEL_LIST_KEYS: &[&str] = &["levels", "grades", "ranks", "stages", "bands"];

/// Whether a title names a whole ladder (see [`LADDER_TITLE_WORDS`]).
fn names_a_ladder(title: &str) -> bool {
    let lower = title.to_lowercase();
    LADDER_TITLE_WORDS.iter().any(|word| lower.contains(word))
}

/// A list of texts given as an item of a list of texts (YAML's `- *values` beside `- Writes
/// tests`, an alias to a shared list): its texts in its place, as the author meant them.
/// (A list of lists alone, a table's rows, stays as it is.)
fn lists_spliced_into_lists(value: &mut Value) {
    let mut pending = vec![value];
    while let Some(value) = pending.pop() {
        match value {
            Value::Array(items) => {
                let texts_beside = items.iter().any(Value::is_string);
                let spliced = texts_beside
                    && items.iter().any(|item| {
                        item.as_array()
                            .is_some_and(|inner| inner.iter().all(Value::is_string))
                    });
                if spliced {
                    let flat: Vec<Value> = std::mem::take(items)
                        .into_iter()
                        .flat_map(|item| match item {
                            Value::Array(inner) if inner.iter().all(Value::is_string) => inner,
                            other => vec![other],
                        })
                        .collect();
                    *items = flat;
                }
                pending.extend(items.iter_mut());
            }
            Value::Object(map) => pending.extend(map.values_mut()),
            _ => {}
        }
    }
}

/// Tags that open a block of a text's HTML: a list or a paragraph (`"<ul><li>…</li></ul>"`).
const HTML_BLOCK_TAGS: &[&str] = &["<ul", "<ol", "<li", "<p>", "<p "];

/// Whether a data text holds HTML lists or paragraphs, not only inline markup.
fn holds_html_blocks(text: &str) -> bool {
    let lower = text.to_lowercase();
    HTML_BLOCK_TAGS.iter().any(|tag| lower.contains(tag))
}

/// A data text's HTML lists and paragraphs as Markdown (a list item per `<li>`, a paragraph per
/// `<p>`), so that its items are read one by one as a page's would be.
fn html_blocks_as_markdown(text: &str) -> String {
    let mut parts = Vec::new();
    for block in super::outline::html_fragment(text, 1) {
        match block {
            Block::List { items, .. } => {
                let lines: Vec<String> = items
                    .iter()
                    .map(|item| super::interpret::list_item_markdown(item, 0))
                    .collect();
                parts.push(lines.join("\n"));
            }
            Block::Paragraph { text, .. } | Block::Heading { text, .. } => parts.push(text),
            Block::KeyValue { key, value, .. } => parts.push(format!("**{key}:** {value}")),
            Block::Table { rows, .. } => parts.push(super::outline::table_text(&rows)),
        }
    }
    parts.join("\n\n")
}

/// The texts under the first of `keys` an object has.
fn texts_at(value: &Value, keys: &[&str]) -> Vec<String> {
    keys.iter()
        .find_map(|key| value.get(*key))
        .map(texts_of)
        .unwrap_or_default()
}

fn examples_in(value: &Value) -> Vec<String> {
    let Value::Object(map) = value else {
        return Vec::new();
    };
    map.iter()
        .filter(|(key, _)| EXAMPLE_KEYS.contains(&key.as_str()))
        .flat_map(|(_, examples)| texts_of(examples))
        .collect()
}

/// Walks the data, collecting entries that name a level and give criteria; the area is the
/// entry's own area key or the nearest named object above it, the track the nearest named
/// object under a `tracks`/`disciplines`/`ladders`/`paths`/`roles` list.
fn walk(
    value: &Value,
    track: Option<&str>,
    area: Option<&str>,
    depth: usize,
    found: &mut Vec<Found>,
) {
    if depth > 16 {
        return;
    }
    match value {
        Value::Object(map) => {
            let level = string_at(value, LEVEL_KEYS);
            if let Some(level) = level {
                // A position's page (`position: Senior Software Developer`, `tier: ssd`) is
                // titled by the position.
                let level = string_at(value, &["position"]).unwrap_or(level);
                let in_area_map = areas_in_map(value, track, &level);
                if !in_area_map.is_empty() {
                    found.extend(in_area_map);
                    return;
                }
                let by_area = criteria_by_area(value);
                if !by_area.is_empty() {
                    for (area, expectation, describes) in by_area {
                        found.push(Found {
                            track: track.map(str::to_owned),
                            level: level.clone(),
                            area,
                            expectation,
                            describes,
                        });
                    }
                    return;
                }
                let own_area = string_at(value, AREA_KEYS);
                let area = own_area
                    .or_else(|| area.map(str::to_owned))
                    .unwrap_or_default();
                let entries = entries_of(value, track, &level, &area);
                if !entries.is_empty() {
                    found.extend(entries);
                    return;
                }
            }
            // (The document's own title, "Platform Engineering Ladder", names the ladder, not
            // an area of it.)
            // (Nor is the name of an object that lists the levels.)
            let holds_levels = LEVEL_LIST_KEYS
                .iter()
                .any(|key| map.get(*key).is_some_and(Value::is_array));
            let name = string_at(value, NAME_KEYS)
                .filter(|name| depth > 0 || !(holds_levels || names_a_ladder(name)));
            // Maps keyed by the rungs' numbers under an area (`level_descriptions: {0: "…",
            // 1: "…"}`, `behavioral_indicators: {1: ["…", …]}`): each key a level, its texts
            // that level's in the area. Maps of the same rungs add up, a sentence per rung (a
            // description) before lists.
            // (Numbered steps, `steps: {1: "Register…", 2: "…"}`, are a procedure.)
            let mut rung_maps: Vec<(&Value, RungTexts)> = map
                .iter()
                .filter(|(key, _)| !PROCESS_KEYS.contains(&key.to_lowercase().as_str()))
                .filter_map(|(_, child)| rung_map(child).map(|rungs| (child, rungs)))
                .collect();
            rung_maps.sort_by_key(|(child, _)| {
                child
                    .as_object()
                    .is_some_and(|rungs| rungs.values().any(Value::is_array))
            });
            let rung_area = name.as_deref().or(area).unwrap_or_default();
            for (level, texts) in rung_maps.into_iter().flat_map(|(_, rungs)| rungs) {
                found.extend(texts.into_iter().map(|text| Found {
                    track: track.map(str::to_owned),
                    level: level.clone(),
                    area: rung_area.to_owned(),
                    expectation: Expectation::new(text),
                    describes: false,
                }));
            }
            // (Counted once for the map: a map of thousands of keys is not counted per key.)
            let rungs_keyed = map.keys().filter(|key| is_rung_key(key)).count() >= 2;
            for (key, child) in map {
                let is_track_list = matches!(
                    key.as_str(),
                    "tracks" | "disciplines" | "ladders" | "paths" | "roles" | "families"
                );
                if is_track_list {
                    if let Value::Array(items) = child {
                        for item in items {
                            // A role that lists its areas and holds no ladder of its own
                            // (`roles: [{name, sections: [{heading, items}]}]`) is a level
                            // of the track it is in.
                            if let Some(level) = role_as_level(item, track) {
                                found.extend(level);
                                continue;
                            }
                            let name = string_at(item, NAME_KEYS);
                            walk(item, name.as_deref().or(track), area, depth + 1, found);
                        }
                        continue;
                    }
                }
                // A map keyed by level (`levels: {L1: [...], L2: [...]}`) under an area.
                let next_area = name.as_deref().or(area);
                // A list of levels in order that do not say which they are (Snowflake's
                // `milestones`): the first is level 1.
                if let Some(word) = ordinal_list(key) {
                    if let Value::Array(items) = child {
                        let unnamed = items
                            .iter()
                            .all(|item| item.is_object() && string_at(item, LEVEL_KEYS).is_none());
                        if unnamed && !items.is_empty() {
                            for (index, item) in items.iter().enumerate() {
                                // A level that names itself (`title: Senior`) is that level;
                                // else its place in the list names it.
                                let level = string_at(item, TITLE_KEYS)
                                    .unwrap_or_else(|| format!("{word} {}", index + 1));
                                let area = next_area.unwrap_or_default();
                                let listed = areas_listed(item, track, &level);
                                // (Or a map of its areas, `competencies: {Technique: […]}`.)
                                let mapped = areas_in_map(item, track, &level);
                                if !listed.is_empty() {
                                    found.extend(listed);
                                } else if !mapped.is_empty() {
                                    found.extend(mapped);
                                    found.extend(level_summary(item, track, &level));
                                } else {
                                    found.extend(entries_of(item, track, &level, area));
                                }
                            }
                            continue;
                        }
                    }
                }
                // `level1: [...]`, `level2: [...]` beside each other under an area: each is
                // that rung's criteria in the area.
                if rungs_keyed && is_rung_key(key) && (child.is_array() || child.is_string()) {
                    let (texts, said) = behaviours(child);
                    let area = next_area.unwrap_or_default();
                    let entry = |expectation: Expectation, describes: bool| Found {
                        track: track.map(str::to_owned),
                        level: key.clone(),
                        area: area.to_owned(),
                        expectation,
                        describes,
                    };
                    found.extend(texts.into_iter().map(|text| entry(text, false)));
                    found.extend(
                        said.into_iter()
                            .map(|text| entry(Expectation::new(text), true)),
                    );
                    continue;
                }
                // `L1: {summary, detail}` beside `L2: {…}`: each rung's record gives its
                // criteria in the area (unless the record names its level itself: then the
                // keys are ids, `a1`, `a2`).
                let names_its_level = string_at(child, LEVEL_KEYS).is_some();
                if rungs_keyed && is_rung_key(key) && child.is_object() && !names_its_level {
                    let area = next_area.unwrap_or_default();
                    let entries = entries_of(child, track, key, area);
                    if !entries.is_empty() {
                        found.extend(entries);
                        continue;
                    }
                }
                if rung_map(child).is_some() {
                    continue;
                }
                if LEVEL_MAP_KEYS.contains(&key.as_str()) {
                    if let Value::Object(levels) = child {
                        for (level, criteria_value) in levels {
                            // `entry: {name: Entry Level, skills: [...]}`: a level that names
                            // itself and gives its criteria.
                            if criteria_value.is_object() {
                                let title = string_at(criteria_value, TITLE_KEYS)
                                    .unwrap_or_else(|| level.clone());
                                let area = next_area.unwrap_or_default();
                                found.extend(entries_of(criteria_value, track, &title, area));
                                continue;
                            }
                            // (`data_engineer: [NC, NC, 1, 2]`: a role's expected rung at
                            // each stage, numbers and codes, is no criterion.)
                            let texts = texts_of(criteria_value);
                            for text in texts.into_iter().filter(|text| !is_code_or_number(text)) {
                                found.push(Found {
                                    track: track.map(str::to_owned),
                                    level: level.clone(),
                                    area: next_area.unwrap_or_default().to_owned(),
                                    expectation: Expectation::new(text),
                                    describes: false,
                                });
                            }
                        }
                        continue;
                    }
                }
                // `{[AGILE]: {definition, leveling: {…}}}`: a skill that names itself only by
                // its key is the area of its levels.
                let keyed_area = child.is_object()
                    && string_at(child, NAME_KEYS).is_none()
                    && LEVEL_MAP_KEYS
                        .iter()
                        .any(|levels| child.get(*levels).is_some_and(Value::is_object));
                let next_area = if keyed_area {
                    Some(key.as_str())
                } else {
                    next_area
                };
                walk(child, track, next_area, depth + 1, found);
            }
        }
        Value::Array(items) => {
            let tracks_listed = track.is_none() && lists_tracks(items);
            for item in items {
                // (An entry that lists roles, in a list without a key, is a track named by
                // its name: `export const tracks = [{name, roles: […]}]`; so is each of
                // several entries listing levels of their own.)
                let lists_roles = item.get("roles").is_some_and(Value::is_array);
                let name = string_at(item, NAME_KEYS)
                    .filter(|_| (lists_roles || tracks_listed) && track.is_none());
                walk(item, name.as_deref().or(track), area, depth + 1, found);
            }
        }
        _ => {}
    }
}

/// Whether a list without a key lists tracks (`export default [{name: "Individual
/// Contributor", levels: […]}, {name: "Management", levels: […]}]`): two or more named
/// entries, each listing levels, no level's title in two of them. (Areas that each list the
/// same rungs, `[{name: "Craft", levels: [{title: "Junior"}, …]}, …]`, share their titles.)
fn lists_tracks(items: &[Value]) -> bool {
    let mut seen: HashSet<String> = HashSet::new();
    let mut listing = 0;
    for item in items {
        let levels = LEVEL_LIST_KEYS
            .iter()
            .find_map(|key| item.get(*key).and_then(Value::as_array));
        let (Some(levels), Some(_)) = (levels, string_at(item, NAME_KEYS)) else {
            continue;
        };
        listing += 1;
        for level in levels {
            let Some(title) = string_at(level, TITLE_KEYS).or_else(|| string_at(level, LEVEL_KEYS))
            else {
                continue;
            };
            if !seen.insert(title.to_lowercase()) {
                return false;
            }
        }
    }
    listing >= 2
}

/// Keys of a procedure's numbered steps, which are no rungs.
const PROCESS_KEYS: &[&str] = &[
    "steps",
    "process",
    "procedure",
    "instructions",
    "howto",
    "how_to",
];

/// A rung map's texts by rung, in its order.
type RungTexts<'a> = Vec<(&'a String, Vec<String>)>;

/// A map whose keys are the rungs' numbers (`0`, `1`, … `6`), two or more, each holding a
/// text or a list of texts: the texts by rung, in the map's order. None for any other value.
fn rung_map(value: &Value) -> Option<RungTexts<'_>> {
    let Value::Object(map) = value else {
        return None;
    };
    let numbered = map.len() >= 2
        && map
            .keys()
            .all(|key| !key.is_empty() && key.chars().all(|c| c.is_ascii_digit()));
    if !numbered {
        return None;
    }
    map.iter()
        .map(|(key, child)| {
            let texts = match child {
                Value::String(_) => texts_of(child),
                Value::Array(items) if items.iter().all(Value::is_string) => texts_of(child),
                _ => return None,
            };
            let said = texts.iter().all(|text| !is_code_or_number(text));
            said.then_some((key, texts))
        })
        .collect()
}

/// Whether a data value is a number or a short code (`3`, `NC`, `N/A`) rather than a text.
fn is_code_or_number(text: &str) -> bool {
    let text = text.trim();
    text.parse::<f64>().is_ok()
        || text.chars().count() <= 3 && !text.chars().any(|c| c.is_lowercase() || c > '\u{2e7f}')
}

/// Whether a data key names a rung by its number (`level1`, `grade_3`, `L2`): a rung's word or
/// a short code's letters, then digits.
fn is_rung_key(key: &str) -> bool {
    super::interpret::numbered_stem(key).is_some_and(|stem| {
        let stem = stem.to_lowercase();
        leads_a_number(&stem)
            || (1..=2).contains(&stem.len()) && stem.chars().all(|c| c.is_ascii_alphabetic())
    })
}

/// Keys of what falls short of a behaviour beside it (`{effective, ineffective}`): said about
/// the level, not expected of it.
const SHORTFALL_KEYS: &[&str] = &["ineffective", "negative", "negative_indicators"];

/// The criteria a rung's list gives (texts, or `{effective, ineffective}` pairs of behaviours:
/// the effective one expected, the other said about the level).
fn behaviours(value: &Value) -> (Vec<Expectation>, Vec<String>) {
    let mut texts = Vec::new();
    let mut said = Vec::new();
    let items: Vec<&Value> = match value {
        Value::Array(items) => items.iter().collect(),
        other => vec![other],
    };
    for item in items {
        match item {
            Value::Object(_) => {
                let expected = string_at(item, &["effective", "positive"])
                    .or_else(|| string_at(item, CRITERIA_KEYS));
                texts.extend(expected.map(Expectation::new));
                said.extend(
                    string_at(item, SHORTFALL_KEYS).map(|text| format!("**Ineffective:** {text}")),
                );
            }
            other => texts.extend(scalar(other).map(Expectation::new)),
        }
    }
    (texts, said)
}

/// Keys of a level's map of areas (`competencies: {technology: {summary, bullets}, …}`).
const AREA_MAP_KEYS: &[&str] = &[
    "competencies",
    "areas",
    "skills",
    "topics",
    "dimensions",
    "categories",
    // (A level's expectations kept as a map of its areas: `expectations: {Tech: […]}`.)
    "expectations",
    "criteria",
    "behaviours",
    "behaviors",
];

/// A level's criteria kept in a map keyed by area, each area's criteria read as an entry's
/// (`summary`, `bullets`, a list): empty when the level has no such map.
fn areas_in_map(value: &Value, track: Option<&str>, level: &str) -> Vec<Found> {
    let mut found = Vec::new();
    for key in AREA_MAP_KEYS {
        let Some(Value::Object(areas)) = value.get(*key) else {
            continue;
        };
        for (area, given) in areas {
            let name = string_at(given, NAME_KEYS).unwrap_or_else(|| area.clone());
            let entries: Vec<Found> = match given {
                Value::Array(_) | Value::String(_) => texts_of(given)
                    .into_iter()
                    .map(|text| Found {
                        track: track.map(str::to_owned),
                        level: level.to_owned(),
                        area: name.clone(),
                        expectation: Expectation::new(text),
                        describes: false,
                    })
                    .collect(),
                // An area's `summary` beside its `bullets` is what the level expects in that
                // area in one sentence: the first expectation, not a description.
                _ => {
                    let (texts, summaries) = criteria(given);
                    summaries
                        .into_iter()
                        .map(Expectation::new)
                        .chain(texts)
                        .map(|expectation| Found {
                            track: track.map(str::to_owned),
                            level: level.to_owned(),
                            area: name.clone(),
                            expectation,
                            describes: false,
                        })
                        .collect()
                }
            };
            found.extend(entries);
        }
    }
    found
}

/// The word for one of a list of levels kept in order under `key` (`milestones` → `Milestone`).
fn ordinal_list(key: &str) -> Option<&'static str> {
    match key {
        "milestones" => Some("Milestone"),
        "levels" => Some("Level"),
        "stages" => Some("Stage"),
        "grades" => Some("Grade"),
        _ => None,
    }
}

/// A text that is a Markdown list (`1. … 2. …`) is one expectation per item, a text of
/// paragraphs (blank lines between them) one per paragraph, as a cell's; any other text is one
/// expectation.
fn listed(text: &str) -> Vec<Expectation> {
    let (_, blocks) = super::outline::markdown(text);
    let all_lists = !blocks.is_empty()
        && blocks
            .iter()
            .all(|block| matches!(block, Block::List { .. }));
    let paragraphs = blocks.len() >= 2
        && blocks
            .iter()
            .all(|block| matches!(block, Block::Paragraph { .. }));
    if paragraphs {
        return blocks
            .iter()
            .filter_map(|block| match block {
                Block::Paragraph { text, .. } => Some(Expectation::new(text.trim())),
                _ => None,
            })
            .collect();
    }
    if !all_lists {
        return vec![Expectation::new(text.trim())];
    }
    // A list's nested items illustrate their item.
    blocks
        .iter()
        .flat_map(|block| match block {
            Block::List { items, .. } => items
                .iter()
                .map(|item| {
                    let examples = item.children.iter().map(|child| child.text.clone());
                    Expectation::new(item.text.clone()).with_examples(examples.collect())
                })
                .collect(),
            _ => Vec::new(),
        })
        .collect()
}
