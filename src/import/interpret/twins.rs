//! Levels a document describes twice: a summary table of the roles (a row each:
//! responsibilities, requirements, "defined by") and then a section per role, or an overview
//! list and then a page per level. Each title is one level: the fuller description is the level,
//! and the other's text joins its description, so nothing is lost and nothing is counted twice.

use super::*;
use std::collections::HashSet;

/// A level described twice: the (track, level) kept (the section) and the one merged into it
/// (the summary's row).
type TwinPair = ((usize, usize), (usize, usize));

impl Interpreter {
    /// Merges each level read from a summary table into the section of the same title in its
    /// track, where two levels or more are described twice so: the section is the level; the
    /// row's cells and description become paragraphs of its description. (Tracks may share
    /// titles: a Backend and a Frontend track each have their "Engineer I".)
    pub(super) fn merge_repeated_levels(&mut self) {
        let mut places: Vec<(usize, usize)> = Vec::new();
        // (A track of more levels than any ladder has is a long table's rows: no pair is
        // looked for in it, which would take the square of its length.)
        for (t, track) in self.tracks.iter().enumerate() {
            if track.levels.len() > MAX_TWIN_LEVELS {
                continue;
            }
            for l in 0..track.levels.len() {
                places.push((t, l));
            }
        }
        // Each level's title words, once (a table of thousands of rows makes thousands of
        // levels: the pairs below are compared by them).
        let words: Vec<Vec<String>> = places
            .iter()
            .map(|&(t, l)| title_words(&self.tracks[t].levels[l].title))
            .collect();
        // (kept, merged) pairs, each level merged at most once and never both kept and merged.
        let mut merged: HashSet<(usize, usize)> = HashSet::new();
        let mut paired: HashSet<(usize, usize)> = HashSet::new();
        let mut pairs: Vec<TwinPair> = Vec::new();
        for (i, &a) in places.iter().enumerate() {
            for (j, &b) in places.iter().enumerate().skip(i + 1) {
                if a.0 != b.0 || merged.contains(&a) || merged.contains(&b) {
                    continue;
                }
                if !same_title_words(&words[i], &words[j]) {
                    continue;
                }
                // The section is the level; the table's row summarizes it.
                let a_from_table = self.tracks[a.0].levels[a.1].from_table;
                let (kept, other) = if a_from_table { (b, a) } else { (a, b) };
                let (full, summary) = (
                    &self.tracks[kept.0].levels[kept.1],
                    &self.tracks[other.0].levels[other.1],
                );
                if !is_summary_of(summary, full) {
                    continue;
                }
                // Each level is in one pair at most (a section summarized by two rows keeps
                // the first; the second stays a level of its own).
                if paired.contains(&kept) || paired.contains(&other) {
                    continue;
                }
                merged.insert(other);
                paired.insert(kept);
                paired.insert(other);
                pairs.push((kept, other));
            }
        }
        let renamed = self.renamed_twins(&pairs, &paired);
        pairs.extend(renamed);
        // A summary describes several levels: one title seen twice is two levels that share it.
        let mut titles: Vec<Vec<String>> = pairs
            .iter()
            .map(|(kept, _)| title_words(&self.tracks[kept.0].levels[kept.1].title))
            .collect();
        titles.sort();
        titles.dedup();
        if titles.len() < 2 {
            return;
        }
        for &(kept, other) in &pairs {
            let other_level = self.tracks[other.0].levels[other.1].clone();
            absorb_summary(&mut self.tracks[kept.0].levels[kept.1], other_level);
            // It takes the row's place: the table orders the roles, also one without a
            // section of its own.
            self.tracks[kept.0].levels.swap(kept.1, other.1);
        }
        let mut removed: Vec<(usize, usize)> = pairs.iter().map(|(kept, _)| *kept).collect();
        removed.sort_by(|a, b| b.cmp(a));
        for (t, l) in removed {
            let level = self.tracks[t].levels.remove(l);
            self.warn(
                level.line,
                format!(
                    "`{}` is described twice; its summary row joins the level's description",
                    level.title
                ),
            );
        }
        // A role with a section but no row (the summary leaves out "Community Participant",
        // the first rung) keeps its place among the sections: before the first summarized
        // role whose section comes after its own.
        for track in &mut self.tracks {
            let mut index = 0;
            while index < track.levels.len() {
                let level = &track.levels[index];
                let unsummarized = !level.from_table && !level.summarized;
                let before = unsummarized
                    .then(|| {
                        track.levels[..index]
                            .iter()
                            .position(|other| other.summarized && other.line > level.line)
                    })
                    .flatten();
                if let Some(at) = before {
                    let moved = track.levels.remove(index);
                    track.levels.insert(at, moved);
                }
                index += 1;
            }
        }
    }
}

/// Words of a section's title that say it revisits the roles for one aspect of them ("Role
/// Criteria", "Eligibility"), besides the names of a role's lists (`LIST_NAMES`).
const ASPECT_WORDS: &[&str] = &[
    "criteria",
    "eligibility",
    "benefits",
    "selection",
    "kriterien",
    "critères",
    // Criteria, eligibility, benefits and selection in the other languages.
    "criterios",
    "critérios",
    "criteri",
    "criteris",
    "criterii",
    "kryteria",
    "kriteria",
    "kriterier",
    "kriteerit",
    "kritériumok",
    "kritéria",
    "критерии",
    "критерії",
    "κριτήρια",
    "kriterler",
    "معايير",
    "المعايير",
    "معیارها",
    "קריטריונים",
    "मानदंड",
    "elegibilidad",
    "elegibilidade",
    "éligibilité",
    "eleggibilità",
    "selección",
    "seleção",
    "sélection",
    "selezione",
    "auswahl",
    "selectie",
    "beneficios",
    "benefícios",
    "avantages",
    "vantaggi",
    "vorteile",
    "voordelen",
    "fordele",
    "fördelar",
    "edut",
    "előnyök",
    "korzyści",
    "výhody",
    "преимущества",
    "переваги",
    "οφέλη",
    "avantajlar",
    "manfaat",
    "المزايا",
    "مزايا",
    "مزایا",
    "יתרונות",
    "資格",
    "资格",
    "자격",
    "기준",
    "基準",
    "条件",
    "條件",
    "조건",
];

/// Whether a track's title names an aspect of roles rather than a kind of work ("Role
/// Criteria", "Requirements", "How to become one", "Nomination"; not "Backend").
fn names_an_aspect(title: &str) -> bool {
    let lower = plain(title).to_lowercase();
    lower
        .split(|c: char| !c.is_alphanumeric())
        .any(|word| LIST_NAMES.contains(&word) || ASPECT_WORDS.contains(&word))
        || is_becoming_heading(title)
        || is_procedure_heading(title)
}

/// Whether two titles name one role: the same words (singular or plural), or one is the
/// other's name in brackets ("Moderator" of "Oathkeeper (Moderator)").
fn names_one_role(a: &str, b: &str) -> bool {
    let bracketed = |title: &str| -> Option<String> {
        let (_, inner) = title.split_once(['(', '（'])?;
        let (inner, _) = inner.split_once([')', '）'])?;
        Some(title_key(inner))
    };
    same_title_words(&title_words(a), &title_words(b))
        || title_key(a) == title_key(b)
        || bracketed(a).is_some_and(|inner| inner == title_key(b))
        || bracketed(b).is_some_and(|inner| inner == title_key(a))
}

impl Interpreter {
    /// A section that revisits roles already described for one aspect of them ("## Role
    /// Criteria" over `### Contributor`, `### Moderator` after "## Roles" described them): its
    /// levels are those roles, each title one of an earlier track's (or the name in its
    /// brackets), so each joins its role, what it says under an area named by the section. The
    /// section's title must name an aspect (see [`names_an_aspect`]): two tracks of the same
    /// titles are otherwise two kinds of work (a Backend's and a Frontend's "Senior").
    pub(super) fn revisited_roles_join_theirs(&mut self) {
        let split_off = self.revisiting_runs_split_off();
        let mut index = 1;
        while index < self.tracks.len() {
            let revisiting = &self.tracks[index];
            // (A track longer than any ladder is a long table's rows: not compared with every
            // earlier level, which would take the square of its length.)
            let targets = ((2..=MAX_TWIN_LEVELS).contains(&revisiting.levels.len())
                && (names_an_aspect(&revisiting.name) || split_off.contains(&revisiting.name)))
            .then(|| {
                (0..index).find_map(|earlier| {
                    let roles = &self.tracks[earlier].levels;
                    let mut taken: Vec<usize> = Vec::new();
                    for level in &revisiting.levels {
                        let found = (0..roles.len()).find(|&role| {
                            !taken.contains(&role)
                                && names_one_role(&roles[role].title, &level.title)
                        })?;
                        taken.push(found);
                    }
                    Some((earlier, taken))
                })
            })
            .flatten();
            let Some((earlier, targets)) = targets else {
                index += 1;
                continue;
            };
            let revisiting = self.tracks.remove(index);
            let line = revisiting.levels.first().map_or(0, |level| level.line);
            for (level, role) in revisiting.levels.into_iter().zip(targets) {
                let mut items: Vec<Expectation> = Vec::new();
                let mut description: Vec<String> = level.headline.into_iter().collect();
                for paragraph in level.description {
                    if level.body_paragraphs.contains(&paragraph) {
                        items.push(Expectation::new(paragraph));
                    } else {
                        description.push(paragraph);
                    }
                }
                let mut expectations = level.expectations;
                if let Some(general) = expectations.shift_remove(GENERAL_AREA) {
                    items.extend(general);
                }
                // (The section's area is named only where it holds something.)
                let area = (!items.is_empty()).then(|| self.area_name(&revisiting.name));
                self.revisiting_areas.extend(area.clone());
                let target = &mut self.tracks[earlier].levels[role];
                for (name, texts) in expectations {
                    target.expectations.entry(name).or_default().extend(texts);
                }
                target.description.extend(description);
                if let Some(area) = area {
                    target.expectations.entry(area).or_default().extend(items);
                }
            }
            if !revisiting.summary.is_empty() {
                self.sections.push(Section {
                    internal: false,
                    title: revisiting.name.clone(),
                    body: revisiting.summary.join("\n\n"),
                    depth: 2,
                });
            }
            self.warn(
                line,
                format!(
                    "`{}` revisits roles described before; each joins its role",
                    revisiting.name
                ),
            );
        }
    }
}

/// How level-like a title may be and still be a section's ("Entry", "Promotion", "Notes").
const SECTION_LIKENESS: f32 = 0.3;

impl Interpreter {
    /// A track whose levels are titled unlike rungs, all but one in three ("Operational Rules"
    /// over "Entry", "Promotion", "Continuation", "Notes"), beside a track of two levels or more titled like
    /// levels, and sharing no area with it: the document's sections on its rules, prose. (A
    /// level known to be one, a table's or a summarized one, keeps its track.)
    pub(super) fn tracks_of_sections_as_prose(&mut self) {
        // (Once the reading is chosen: while choosing, a wrong reading's stray tracks must
        // still count against it.)
        if !self.final_reading {
            return;
        }
        let like = |level: &LevelDraft| level_likeness(&level.title) >= 0.5;
        let leveled: Vec<usize> = (0..self.tracks.len())
            .filter(|&t| {
                let levels = &self.tracks[t].levels;
                levels.len() >= 2
                    && levels.iter().filter(|level| like(level)).count() * 2 > levels.len()
            })
            .collect();
        if leveled.is_empty() {
            return;
        }
        let leveled_areas: HashSet<&String> = leveled
            .iter()
            .flat_map(|&t| &self.tracks[t].levels)
            .flat_map(|level| level.expectations.keys())
            .filter(|area| *area != GENERAL_AREA)
            .collect();
        let sections: Vec<usize> = (0..self.tracks.len())
            .filter(|t| !leveled.contains(t))
            .filter(|&t| {
                let levels = &self.tracks[t].levels;
                // (One title in three or fewer may happen to read like a rung: "Entry".)
                // (A team or a manager is a role however its words read: "Release Engineering
                // Team", "Release Manager".)
                let unlike = levels
                    .iter()
                    .filter(|level| {
                        level_likeness(&level.title) < SECTION_LIKENESS
                            && !super::likeness::names_a_body(&level.title)
                            && !super::likeness::is_manager_title(&level.title)
                    })
                    .count();
                !levels.is_empty()
                    && unlike * 3 > levels.len() * 2
                    && levels.iter().all(|level| {
                        !level.definite
                            && !level.from_table
                            && !level.summarized
                            && level
                                .expectations
                                .keys()
                                .all(|area| !leveled_areas.contains(area))
                    })
            })
            .collect();
        for t in sections.into_iter().rev() {
            let track = self.tracks.remove(t);
            let mut prose = vec![Section {
                internal: false,
                title: track.name,
                body: track.summary.join("\n\n"),
                depth: 1,
            }];
            prose.extend(track.levels.into_iter().map(level_as_prose));
            self.sections.extend(prose);
        }
    }

    /// A run of levels ending a track after a heading inside the level before it, each titled
    /// as one of an earlier track's roles (source{d}'s Management track, then "##### Appendix -
    /// Machine Learning Team" and `#### Junior Engineer`, `#### Engineer I` … again): split off
    /// as a track named by that heading, to join those roles. The names of the tracks split
    /// off.
    fn revisiting_runs_split_off(&mut self) -> HashSet<String> {
        let mut split_off = HashSet::new();
        let mut index = 1;
        while index < self.tracks.len() {
            let levels = &self.tracks[index].levels;
            if levels.len() > MAX_TWIN_LEVELS {
                index += 1;
                continue;
            }
            let earlier_titles: Vec<&str> = self.tracks[..index]
                .iter()
                .flat_map(|track| &track.levels)
                .map(|level| level.title.as_str())
                .collect();
            let revisits = |level: &LevelDraft| {
                earlier_titles
                    .iter()
                    .any(|title| names_one_role(title, &level.title))
            };
            // The first level of the run: its own level before it, with the heading inside.
            let start = (1..levels.len().saturating_sub(1)).find(|&start| {
                !levels[start - 1].sub_headings.is_empty()
                    && !revisits(&levels[start - 1])
                    && levels[start..].iter().all(revisits)
            });
            let Some(start) = start else {
                index += 1;
                continue;
            };
            let track = &mut self.tracks[index];
            let run = track.levels.split_off(start);
            let name = track.levels[start - 1]
                .sub_headings
                .pop()
                .unwrap_or_default();
            split_off.insert(name.clone());
            self.tracks.insert(
                index + 1,
                TrackDraft {
                    name,
                    levels: run,
                    ..TrackDraft::default()
                },
            );
            index += 2;
        }
        split_off
    }

    /// A role the summary table names one way and its section another ("Project Steering
    /// Committee Member", "Project Management Committee (PMC) Member"; "TOF Member",
    /// "Technical Oversight Forum Member"): where the rows and the sections list the roles in
    /// the same order, the one row and the one section left between the same two pairs of
    /// `pairs` are one level too, and so are the rows and sections left before the first pair or
    /// after the last, as many of each, where each row's title shortens its section's. The
    /// section is kept. `paired` holds every level of `pairs`. The (section, row) pairs found
    /// so.
    fn renamed_twins(&self, pairs: &[TwinPair], paired: &HashSet<(usize, usize)>) -> Vec<TwinPair> {
        let mut found = Vec::new();
        for (t, track) in self.tracks.iter().enumerate() {
            // Each row's section, in the rows' order.
            let mut matched: Vec<(usize, usize)> = pairs
                .iter()
                .filter(|((kept_track, _), _)| *kept_track == t)
                .map(|((_, section), (_, row))| (*row, *section))
                .collect();
            matched.sort();
            let (Some(&first), Some(&last)) = (matched.first(), matched.last()) else {
                continue;
            };
            let unpaired = |range: std::ops::Range<usize>, from_table: bool| -> Vec<usize> {
                range
                    .filter(|&l| {
                        track.levels[l].from_table == from_table && !paired.contains(&(t, l))
                    })
                    .collect()
            };
            // The gaps between pairs, and before the first and after the last: (rows, sections,
            // whether pairs bound it on both sides).
            let end = track.levels.len();
            let mut gaps = vec![(
                unpaired(0..first.0, true),
                unpaired(0..first.1, false),
                false,
            )];
            for window in matched.windows(2) {
                let ((row_before, section_before), (row_after, section_after)) =
                    (window[0], window[1]);
                if section_before < section_after {
                    gaps.push((
                        unpaired(row_before + 1..row_after, true),
                        unpaired(section_before + 1..section_after, false),
                        true,
                    ));
                }
            }
            gaps.push((
                unpaired(last.0 + 1..end, true),
                unpaired(last.1 + 1..end, false),
                false,
            ));
            for (rows, sections, bounded) in gaps {
                if rows.is_empty() || rows.len() != sections.len() {
                    continue;
                }
                // One row and one section between two pairs are one role whatever their
                // titles; elsewhere, each row must shorten its section's title ("TOF Member",
                // "Technical Oversight Forum Member").
                let one_between = bounded && rows.len() == 1;
                let all_pair = rows.iter().zip(&sections).all(|(&row, &section)| {
                    let (row_level, section_level) = (&track.levels[row], &track.levels[section]);
                    level_likeness(&section_level.title) >= 0.5
                        && is_summary_of(row_level, section_level)
                        && (one_between || shortens(&row_level.title, &section_level.title))
                });
                if all_pair {
                    found.extend(
                        rows.iter()
                            .zip(&sections)
                            .map(|(&row, &section)| ((t, section), (t, row))),
                    );
                }
            }
        }
        found
    }
}

impl Interpreter {
    /// Levels a document names twice, by code or title, once as an overview table's rows and
    /// once in full: an overview keyed by codes (`Lv.1`, `M1`: "Level | Scope | Typical
    /// span") before sections titled with the code and a name ("M1 – Engineering Manager"), a
    /// table of titles per code ("L1 | Mobile Engineer I") before a matrix whose columns are
    /// the codes, or a table of the roles under a heading of its own ("Кратко") before their
    /// sections under another ("Роли"). Where two levels or more of the document share a code
    /// (or, in two tracks, a title) with exactly one other level, one of them a table's row of
    /// one text per column and the other a section or fuller, not both titled only by the
    /// code, the row joins the fuller level (as [`Interpreter::merge_repeated_levels`] joins a
    /// row to its section in one track); a fuller level titled only by its code takes the
    /// row's title. A track of rows joins only whole, and its heading's paragraphs stay as
    /// prose.
    pub(super) fn merge_overview_rows(&mut self) {
        let mut by_key: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
        for (t, track) in self.tracks.iter().enumerate() {
            if track.levels.len() > MAX_TWIN_LEVELS {
                continue;
            }
            for (l, level) in track.levels.iter().enumerate() {
                if let Some(code) = code_key(level) {
                    by_key
                        .entry(format!("code {code}"))
                        .or_default()
                        .push((t, l));
                }
                let words = title_words(&level.title);
                if !words.is_empty() {
                    by_key
                        .entry(format!("title {}", words.join(" ")))
                        .or_default()
                        .push((t, l));
                }
            }
        }
        let mut keyed: Vec<(&String, &Vec<(usize, usize)>)> = by_key.iter().collect();
        keyed.sort();
        // (row, fuller level) pairs, each level in one pair at most.
        let mut pairs: Vec<((usize, usize), (usize, usize))> = Vec::new();
        let mut taken: HashSet<(usize, usize)> = HashSet::new();
        // The row is a table's row of one text per column; the other a section, or fuller
        // than the row.
        let row_of = |row: &LevelDraft, full: &LevelDraft| {
            is_overview_row(row) && (!full.from_table || count(full) > count(row))
        };
        for (key, places) in keyed {
            let [a, b] = places.as_slice() else {
                continue;
            };
            // (Titles shared in one track are the twins `merge_repeated_levels` joined.)
            if key.starts_with("title ") && a.0 == b.0 {
                continue;
            }
            let (level_a, level_b) = (&self.tracks[a.0].levels[a.1], &self.tracks[b.0].levels[b.1]);
            let (row, full) = match (row_of(level_a, level_b), row_of(level_b, level_a)) {
                (true, false) => (*a, *b),
                (false, true) => (*b, *a),
                _ => continue,
            };
            // (Not both titled only by the code: two tables titled by the codes are two
            // tracks' matrices.)
            let only_code = |(t, l): (usize, usize)| {
                super::reading::names_only_a_rung(&self.tracks[t].levels[l].title)
            };
            if !(taken.contains(&row) || taken.contains(&full) || only_code(row) && only_code(full))
            {
                taken.extend([row, full]);
                pairs.push((row, full));
            }
        }
        // A track of rows joins whole: a row whose track holds a level left over stays.
        let rows: HashSet<(usize, usize)> = pairs.iter().map(|(row, _)| *row).collect();
        pairs.retain(|(row, full)| {
            row.0 == full.0
                || (0..self.tracks[row.0].levels.len()).all(|l| rows.contains(&(row.0, l)))
        });
        pairs.sort();
        if pairs.len() < 2 {
            return;
        }
        for &(row, full) in &pairs {
            let row_level = self.tracks[row.0].levels[row.1].clone();
            let level = &mut self.tracks[full.0].levels[full.1];
            if super::reading::names_only_a_rung(&level.title) {
                let code = std::mem::replace(&mut level.title, row_level.title.clone());
                level.code.get_or_insert(code);
            }
            let line = row_level.line;
            let title = level.title.clone();
            absorb_summary(level, row_level);
            self.warn(
                line,
                format!("`{title}` is described twice; its overview row joins the level"),
            );
        }
        let mut rows: Vec<(usize, usize)> = pairs.iter().map(|(row, _)| *row).collect();
        rows.sort_by(|a, b| b.cmp(a));
        let mut emptied: Vec<usize> = Vec::new();
        for (t, l) in rows {
            self.tracks[t].levels.remove(l);
            if self.tracks[t].levels.is_empty() && !emptied.contains(&t) {
                emptied.push(t);
            }
        }
        // A track of rows now empty: its heading's paragraphs are prose. (`emptied` is in
        // descending order: removing one leaves the others' places.)
        for t in emptied {
            if self.tracks.len() > 1 {
                let track = self.tracks.remove(t);
                if !track.summary.is_empty() {
                    self.sections.push(Section {
                        internal: false,
                        title: track.name,
                        body: track.summary.join("\n\n"),
                        depth: 1,
                    });
                }
            }
        }
    }
}

/// A level's rung code as the document writes it, lowercased and without dots (`lv1`, `m1`):
/// its code, its title when that is only a code, or the code its title opens with ("M1 –
/// Engineering Manager", "Lv.1 어소시에이트 PM").
fn code_key(level: &LevelDraft) -> Option<String> {
    let key = |code: &str| code.to_lowercase().replace('.', "");
    if let Some(code) = &level.code {
        if super::likeness::is_rung_code(code.trim()) {
            return Some(key(code.trim()));
        }
    }
    let title = plain(&level.title);
    let first = title.split_whitespace().next()?;
    let first = first.trim_end_matches([':', ',', '–', '—', '-']);
    super::likeness::is_rung_code(first).then(|| key(first))
}

/// Whether a level is an overview table's row: a table's, holding at most one text per column.
fn is_overview_row(level: &LevelDraft) -> bool {
    level.from_table && level.expectations.values().all(|items| items.len() <= 1)
}

/// Joins a level's summary (a table's row) to the level: the row's headline, description and
/// cells become paragraphs of its description (a lone unlabelled one its headline), and the
/// row's code, experience and link fill the level's where it has none.
fn absorb_summary(level: &mut LevelDraft, other_level: LevelDraft) {
    level.summarized = true;
    let mut text: Vec<String> = other_level.headline.into_iter().collect();
    text.extend(other_level.description);
    for (area, items) in &other_level.expectations {
        let items: Vec<&str> = items.iter().map(|item| item.text.as_str()).collect();
        if area == GENERAL_AREA {
            text.extend(items.iter().map(|item| (*item).to_owned()));
        } else {
            text.push(format!("**{area}:** {}", items.join("; ")));
        }
    }
    // (A labelled cell, "**Typical scope:** …", stays in the description.)
    if level.headline.is_none()
        && count(level) > 0
        && matches!(text.as_slice(), [line] if !line.starts_with("**"))
    {
        level.headline = text.pop();
    }
    level.description.extend(text);
    if level.code.is_none() {
        level.code = other_level.code;
    }
    if level.experience.is_none() {
        level.experience = other_level.experience;
    }
    if level.link.is_none() {
        level.link = other_level.link;
    }
    // Described twice, it is a level even if its section holds only prose.
    level.definite = true;
}

/// Whether a summary's title is a shorter name of a section's: its words among the section's
/// ("Security Response" of "Security Response Team Member"), an initialism standing for some
/// of them ("TOF Member" of "Technical Oversight Forum Member").
fn shortens(short: &str, long: &str) -> bool {
    let long_words = title_words(long);
    let initials: String = long_words
        .iter()
        .filter_map(|word| word.chars().next())
        .collect();
    let short_words = title_words(short);
    short_words.len() < long_words.len()
        && short_words.iter().all(|word| {
            long_words.contains(word)
                || word.chars().count() >= 2 && initials.contains(word.as_str())
        })
}

/// Whether `summary` reads as a summary of `full` rather than a level of its own that happens
/// to share its title (Persado's two "Software Engineer" levels): it is a table's row and `full`
/// a section of its own (a document that is all tables or all sections, as this tool's workbook
/// and handbook are, describes each level once), it holds at most one text per area (a cell per
/// column) or only names of columns (a permissions matrix's marks), and their codes and
/// experience do not differ.
fn is_summary_of(summary: &LevelDraft, full: &LevelDraft) -> bool {
    // (A permissions matrix's marks each grant their column's name: `✅` under "Triage"
    // is "Triage", a cell's worth.)
    let differ =
        |a: &Option<String>, b: &Option<String>| matches!((a, b), (Some(a), Some(b)) if a != b);
    summary.from_table
        && !full.from_table
        && summary.expectations.iter().all(|(area, items)| {
            items.len() <= 1 || area == GENERAL_AREA && items.iter().all(is_column_name)
        })
        && !differ(&summary.code, &full.code)
        && !differ(&summary.experience, &full.experience)
}

/// Whether an expectation is as short as a column's name ("Read/Clone", "Propose Pull
/// Request"): what a marked cell of a permissions matrix grants.
fn is_column_name(item: &Expectation) -> bool {
    item.examples.is_empty() && item.text.split_whitespace().count() <= 5
}

/// How many of a track's levels must share an area, and end their titles with the same word,
/// for a level after them that does neither to be about something else.
const LEAST_REGULAR_LEVELS: usize = 3;

impl Interpreter {
    /// Sections after a track's levels that are about something else than a rung ("Tech Lead
    /// Role", "Architecture Role" after "… Engineer" levels that all write "Skills and scope",
    /// "Customer Success"): where three levels or more share areas and the last word of their
    /// titles, a section at the track's end that holds expectations in none of the shared
    /// areas and whose title ends otherwise is prose. A top rung written in prose stays.
    pub(super) fn sections_of_another_kind_at_track_ends(&mut self) {
        for track in &mut self.tracks {
            let holding: Vec<&LevelDraft> = track
                .levels
                .iter()
                .filter(|level| !level.expectations.is_empty())
                .collect();
            if holding.len() < LEAST_REGULAR_LEVELS {
                continue;
            }
            let mut uses: HashMap<&String, usize> = HashMap::new();
            for level in &holding {
                for area in level
                    .expectations
                    .keys()
                    .filter(|area| *area != GENERAL_AREA)
                {
                    *uses.entry(area).or_default() += 1;
                }
            }
            let shared: Vec<String> = uses
                .into_iter()
                .filter(|&(_, n)| n >= LEAST_REGULAR_LEVELS && n * 2 >= holding.len())
                .map(|(area, _)| area.clone())
                .collect();
            // (Counted over the levels that write a shared area: the sections after them may
            // end alike among themselves.)
            let mut kinds: HashMap<String, usize> = HashMap::new();
            let regular = track
                .levels
                .iter()
                .filter(|level| level.expectations.keys().any(|area| shared.contains(area)));
            for level in regular {
                if let Some(last) = title_words(&level.title).pop() {
                    *kinds.entry(last).or_default() += 1;
                }
            }
            let of_the_kind = |title: &str| {
                title_words(title).pop().is_some_and(|last| {
                    kinds.get(&last).is_some_and(|&n| n >= LEAST_REGULAR_LEVELS)
                })
            };
            if shared.is_empty() || !kinds.values().any(|&n| n >= LEAST_REGULAR_LEVELS) {
                continue;
            }
            // (A manager's rung after another is the management run of the track, split off
            // later: "Teamleiter:in", then "Bereichsleiter:in Engineering".)
            let managers = track
                .levels
                .iter()
                .filter(|level| super::likeness::is_manager_title(&level.title))
                .count();
            let mut moved = Vec::new();
            while let Some(last) = track.levels.last() {
                let other_kind = !last.expectations.is_empty()
                    && !last.definite
                    && (managers < 2 || !super::likeness::is_manager_title(&last.title))
                    && last.expectations.keys().all(|area| !shared.contains(area))
                    && !of_the_kind(&last.title);
                if !other_kind || track.levels.len() <= LEAST_REGULAR_LEVELS {
                    break;
                }
                moved.extend(track.levels.pop());
            }
            self.sections
                .extend(moved.into_iter().rev().map(level_as_prose));
        }
    }

    /// Sections at the levels' depth before a track's first level with expectations or after
    /// its last, titled with a word for a person's standing rather than a rung ("New
    /// contributors", "Inactive members", "新的贡献者": prose about joining or leaving the
    /// ladder) or, where the levels with expectations are all titled like levels, titled unlike
    /// one ("Community", "Scope of Roles"), are prose, not levels, where two levels or more of
    /// the track hold expectations.
    /// A top rung described only in prose ("Senior Vice President / CTO / CIO") stays, as does a
    /// level known to be one (a table's, one described twice, one with a code or experience).
    pub(super) fn prose_at_track_ends(&mut self) {
        // Where a table's rows or columns are the levels, a heading titled unlike a level
        // ("合并与 main 分支", "Related documents") is a section of the page, not another rung.
        let from_tables = self.sections_beside_tables
            && self
                .tracks
                .iter()
                .any(|track| track.levels.iter().filter(|level| level.from_table).count() >= 2);
        if from_tables {
            for track in &mut self.tracks {
                let (sections, levels): (Vec<LevelDraft>, Vec<LevelDraft>) =
                    std::mem::take(&mut track.levels)
                        .into_iter()
                        .partition(|level| {
                            !level.from_table
                                && !level.definite
                                && level_likeness(&level.title) < 0.5
                        });
                track.levels = levels;
                self.sections
                    .extend(sections.into_iter().map(level_as_prose));
            }
        }
        // A question ("How do I get promoted?", "Como diferenciar Senior de Staff?") or a
        // process ("Nomination of a maintainer") titles prose wherever it is: a level is never
        // asked, nor done.
        let own_output = self.own_workbook || self.handbook;
        for track in &mut self.tracks {
            // ("Who are maintainers?" where "Maintainers" is a level already asks who holds
            // it: the role is described there.)
            let keys: Vec<String> = track.levels.iter().map(|l| title_key(&l.title)).collect();
            let asks_of_another = |level: &LevelDraft| {
                super::likeness::defined_role(&plain(&level.title)).is_some_and(|role| {
                    let (key, own) = (title_key(&role), title_key(&level.title));
                    key != own && keys.contains(&key)
                })
            };
            // (A section that holds no list and asks two questions or more in its paragraphs,
            // in any language, each answered, is questions and answers: "Usein kysyttyä" over
            // its `<details>`.)
            let asks_only = |level: &LevelDraft| {
                let asked = level
                    .description
                    .iter()
                    .filter(|paragraph| asks(paragraph))
                    .count();
                level.expectations.is_empty() && asked >= 2 && asked * 2 >= level.description.len()
            };
            // (This tool's own handbook and workbook title their levels as the ladder does:
            // a level titled "New" or "Nye" there is one.)
            let (questions, levels): (Vec<LevelDraft>, Vec<LevelDraft>) =
                std::mem::take(&mut track.levels)
                    .into_iter()
                    .partition(|level| {
                        (is_question(&level.title) || asks_of_another(level) || asks_only(level))
                            && !level.definite
                            || only_a_standing(&level.title) && !own_output
                    });
            track.levels = levels;
            self.sections
                .extend(questions.into_iter().map(level_as_prose));
        }
        // A role's section that only lists the people who hold it, or that repeats the title
        // of a level described elsewhere with nothing of its own (a team page's "Committer"
        // above the roles' definitions): prose, not a level.
        for track in &mut self.tracks {
            let described: Vec<String> = track
                .levels
                .iter()
                .filter(|level| !level.expectations.is_empty())
                .map(|level| title_key(&level.title))
                .collect();
            let (rosters, levels): (Vec<LevelDraft>, Vec<LevelDraft>) =
                std::mem::take(&mut track.levels)
                    .into_iter()
                    .partition(|level| {
                        level.expectations.is_empty()
                            && !level.definite
                            // (A role that says something of its own besides who holds it
                            // is a prose rung.)
                            && (level.roster && level.body_paragraphs.is_empty()
                                || described.contains(&title_key(&level.title)))
                    });
            track.levels = levels;
            self.sections
                .extend(rosters.into_iter().map(level_as_prose));
        }
        let holds = |level: &LevelDraft| !level.expectations.is_empty();
        for track in &mut self.tracks {
            let mut kept = Vec::new();
            let count = track.levels.len();
            for (index, level) in std::mem::take(&mut track.levels).into_iter().enumerate() {
                // A section on newcomers or inactive members is prose wherever it is (the
                // roles a summary table ordered may come before it).
                // So is one that ends the track and names only people's standing ("Inactive
                // members", with its rules as a list).
                let outermost = index == 0 || index + 1 == count;
                // (Unless a summary table counts it among the roles: Kyverno's "New
                // Contributors" row.)
                let about_standing = names_standing(&level.title)
                    && !own_output
                    && !level.summarized
                    && (!holds(&level)
                        || outermost && names_only_standing(&level.title)
                        || names_left(&level.title) && !level.definite);
                // A section whose every sub-heading is how something is handled ("Subprojects"
                // over "Adding core subprojects", "Changing the status of …") is a procedure,
                // whether its sub-headings are read as areas or not.
                let procedure = |title: &String| {
                    super::likeness::is_handling_heading(title)
                        || super::likeness::is_procedure_heading(title)
                };
                let only_procedures = holds(&level)
                    && if level.heading_areas {
                        level.expectations.keys().all(procedure)
                    } else {
                        !level.sub_headings.is_empty() && level.sub_headings.iter().all(procedure)
                    };
                // "None or N/A" (a scale's zero): the absence of a rung, not one.
                let no_rung = names_no_rung(&level.title);
                if about_standing || only_procedures || no_rung {
                    self.sections.push(level_as_prose(level));
                } else {
                    kept.push(level);
                }
            }
            track.levels = kept;
        }
        for track in &mut self.tracks {
            // The track's levels are titled like levels, this one is not ("Community",
            // "Scope of Roles", "Inactivity" around Member, Reviewer, Maintainer).
            let like = |level: &LevelDraft| level_likeness(&level.title) >= 0.5;
            // Titles are compared among two levels or more that hold expectations, or in a
            // track of roles written mostly in prose ("Reviewers", "Committers" in paragraphs,
            // then "Subprojects") among those titled like levels.
            let holding = track.levels.iter().filter(|level| holds(level)).count();
            let prose_track =
                holding < 2 && track.levels.iter().filter(|level| like(level)).count() >= 2;
            if holding < 2 && !prose_track {
                continue;
            }
            let anchor = |level: &LevelDraft| {
                if prose_track {
                    like(level)
                } else {
                    holds(level)
                }
            };
            let titled_like_levels = track.levels.iter().filter(|level| anchor(level)).all(like);
            let is_prose = |level: &LevelDraft| {
                !holds(level)
                    && (names_standing(&level.title) && !own_output
                        || titled_like_levels
                            && !like(level)
                            // ("Security team" after the roles: one more of them.)
                            && !super::likeness::names_a_body(&level.title))
                    && !level.definite
                    && level.code.is_none()
                    && level.experience.is_none()
                    && level.equivalents.is_empty()
                    && level.requires_title.is_none()
                    && level.shares_title.is_none()
            };
            let first = track.levels.iter().position(anchor).unwrap_or(0);
            let last = track.levels.iter().rposition(anchor).unwrap_or(0);
            let mut kept = Vec::new();
            for (index, level) in std::mem::take(&mut track.levels).into_iter().enumerate() {
                let at_end = index < first || index > last;
                if at_end && is_prose(&level) {
                    self.sections.push(level_as_prose(level));
                } else {
                    kept.push(level);
                }
            }
            track.levels = kept;
        }
    }
}

/// Whether a title says there is no rung ("None", "N/A", "None or N/A", "Not applicable"):
/// every part of it, split at "or" and slashes, a placeholder ("none", "n/a") or "nothing".
fn names_no_rung(title: &str) -> bool {
    let lower = plain(title).to_lowercase();
    // (Its number before it, "0 - Not Applicable", is the scale's, not a rung's.)
    let lower = lower
        .trim_start_matches(|c: char| c.is_ascii_digit())
        .trim_start_matches([' ', '-', '–', '.', ':', ')'])
        .to_owned();
    let parts: Vec<&str> = lower
        .split(" or ")
        .flat_map(|part| part.split(" / "))
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .collect();
    !parts.is_empty()
        && parts.iter().all(|part| {
            matches!(*part, "nothing" | "keine" | "aucun")
                || is_placeholder(part) && !super::says_no_experience(part)
        })
}

/// The most levels a track described twice has (a summary table's rows and as many sections).
const MAX_TWIN_LEVELS: usize = 200;

/// Words that qualify a role by a person's standing in the community, not by a rung, besides
/// having left it ([`LEFT_WORDS`]): a section so titled tells how one joins, stays or leaves.
const STANDING_WORDS: &[&str] = &[
    "new",
    "inactive",
    "established",
    "existing",
    "prospective",
    "aspiring",
    "新的",
    "既有",
    "现有",
    "不活跃",
    "非活跃",
    "新規",
    "非アクティブ",
    "neue",
    "inaktive",
    "nuevos",
    "inactivos",
    "novos",
    "inativos",
    // Korean, French, Italian, Russian, Polish, Turkish and Indonesian.
    "신규",
    "기존",
    "비활성",
    "nouveaux",
    "nouvelles",
    "nuovi",
    "новые",
    "неактивные",
    "nowi",
    "yeni",
    "baru",
    // New, inactive and existing members in the other languages.
    "nuove",
    "inattivi",
    "esistenti",
    "nuevas",
    "inactivas",
    "existentes",
    "novas",
    "inativas",
    "inactifs",
    "inactives",
    "existants",
    "bestehende",
    "nieuwe",
    "inactieve",
    "bestaande",
    "nye",
    "eksisterende",
    "nya",
    "inaktiva",
    "befintliga",
    "uudet",
    "passiiviset",
    "epäaktiiviset",
    "nowe",
    "nieaktywni",
    "nieaktywne",
    "noví",
    "nové",
    "neaktivní",
    "stávající",
    "neaktívni",
    "neaktívne",
    "existujúci",
    "inaktív",
    "meglévő",
    "inactivi",
    "existenți",
    "existenţi",
    "noii",
    "действующие",
    "существующие",
    "нові",
    "неактивні",
    "наявні",
    "існуючі",
    "νέοι",
    "νέα",
    "νέες",
    "ανενεργά",
    "ανενεργοί",
    "υπάρχοντα",
    "pasif",
    "mevcut",
    "nonaktif",
    "mới",
    "الجدد",
    "جدد",
    "جدید",
    "غیرفعال",
    "חדשים",
    "חדשות",
    "नए",
    "निष्क्रिय",
    "मौजूदा",
    "নতুন",
    "নিষ্ক্রিয়",
    "বিদ্যমান",
    "既存",
    "現有",
    "不活躍",
    "非活躍",
];

/// Whether a title qualifies a role by standing ("New contributors", "Inactive Member",
/// "新的贡献者"): a standing word as a word of its own, or at the start of a title in a script
/// written without spaces.
fn names_standing(title: &str) -> bool {
    names_one_of(title, STANDING_WORDS) || names_left(title)
}

/// Whether a title has one of `words` as a word of its own, or starts with one written in a
/// script without spaces.
fn names_one_of(title: &str, words: &[&str]) -> bool {
    let title = plain(title).to_lowercase();
    title
        .split(|c: char| !c.is_alphanumeric())
        .any(|word| words.contains(&word))
        || words
            .iter()
            .any(|word| !word.is_ascii() && title.starts_with(word))
}

/// Standings of people who have left a role ("Emeritus maintainers", "Former members"): a
/// section so titled is about leaving, also when it says what such people may still do.
const LEFT_WORDS: &[&str] = &[
    "emeritus",
    "former",
    "retired",
    "alumni",
    "past",
    "previous",
    // "Leadership honor roll": those who served.
    "honor",
    "honour",
    "ehemalige",
    "荣誉",
    "名誉",
    // Emeritus, former and honorary members in the other languages (not "ex": "Ex officio
    // members" hold their seat).
    "ehemaligen",
    "frühere",
    "emeritierte",
    "anciens",
    "anciennes",
    "émérites",
    "honoraires",
    "antiguos",
    "antiguas",
    "eméritos",
    "honorarios",
    "antigos",
    "antigas",
    "emeriti",
    "onorari",
    "antics",
    "emèrits",
    "honorífics",
    "voormalige",
    "oud",
    "tidligere",
    "tidigare",
    "pensionerade",
    "pensjonerte",
    "entiset",
    "korábbi",
    "nyugalmazott",
    "tiszteletbeli",
    "foști",
    "foşti",
    "foștii",
    "emeriți",
    "onorifici",
    "byli",
    "emerytowani",
    "honorowi",
    "bývalí",
    "emeritní",
    "čestní",
    "бывшие",
    "почётные",
    "почетные",
    "колишні",
    "почесні",
    "πρώην",
    "ομότιμοι",
    "ομότιμα",
    "επίτιμοι",
    "επίτιμα",
    "eski",
    "onursal",
    "emekli",
    "mantan",
    "kehormatan",
    "cựu",
    "السابقون",
    "السابقين",
    "سابقون",
    "سابقين",
    "الفخريون",
    "الفخريين",
    "فخريون",
    "سابق",
    "بازنشسته",
    "افتخاری",
    "לשעבר",
    "אמריטוס",
    "בדימוס",
    "כבוד",
    "पूर्व",
    "सेवानिवृत्त",
    "मानद",
    "প্রাক্তন",
    "অবসরপ্রাপ্ত",
    "อดีต",
    "前任",
    "退休",
    "退役",
    "引退",
    "卒業",
    "榮譽",
    "名譽",
    "歴代",
    "명예",
    "은퇴",
];

/// Whether a title names people who have left a role (see [`LEFT_WORDS`]).
pub(super) fn names_left(title: &str) -> bool {
    names_one_of(title, LEFT_WORDS)
}

/// Whether a title is a standing alone ("Emeritus", "Inactive"): a summary table's row of
/// it is no rung.
fn only_a_standing(title: &str) -> bool {
    let title = plain(title).to_lowercase();
    let words: Vec<&str> = title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .collect();
    !words.is_empty() && words.iter().all(|word| is_standing_word(word))
}

/// Whether a word (lowercased) names a standing, left or not ([`STANDING_WORDS`],
/// [`LEFT_WORDS`]).
fn is_standing_word(word: &str) -> bool {
    STANDING_WORDS.contains(&word) || LEFT_WORDS.contains(&word)
}

/// Whether a title is only a standing and a role ("Inactive members", "New community
/// contributors"), with no word of a rung ("New Grad Engineer" is a rung).
fn names_only_standing(title: &str) -> bool {
    let title = plain(title).to_lowercase();
    title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .all(|word| {
            let singular = word.strip_suffix('s').unwrap_or(word);
            is_standing_word(word)
                || super::likeness::ROLE_WORDS.contains(&word)
                || super::likeness::ROLE_WORDS.contains(&singular)
                || matches!(word, "community" | "project")
        })
}

/// A section read as a level that is prose after all, with every text it held: its headline
/// and description, then each area's items as a list (an item's examples nested in it).
fn level_as_prose(level: LevelDraft) -> Section {
    let mut body: Vec<String> = level
        .headline
        .into_iter()
        .chain(level.description)
        .collect();
    for (area, items) in level.expectations {
        if area != GENERAL_AREA {
            body.push(format!("**{area}**"));
        }
        let list: Vec<String> = items
            .into_iter()
            .map(|item| {
                let examples = item
                    .examples
                    .iter()
                    .map(|example| format!("\n  - {example}"));
                format!("- {}{}", item.text, examples.collect::<String>())
            })
            .collect();
        body.push(list.join("\n"));
    }
    Section {
        internal: false,
        title: level.title,
        body: body.join("\n\n"),
        depth: 2,
    }
}

/// Whether a title asks a question (`?`, `？`) or names a process (`Nomination of a
/// maintainer`, `Becoming a reviewer`, `Stepping down`).
/// Words a heading that asks (or answers) a question starts with; no level's title does.
const INTERROGATIVES: &[&str] = &[
    "what",
    "how",
    "why",
    "when",
    "who",
    "where",
    "which",
    // The other languages' (not those that are also words of a title: Catalan "on",
    // Romanian "ce", "care", Czech "kde", Vietnamese "ai", Hungarian "mi", "ki", "mit").
    "wie",
    "was",
    "warum",
    "wann",
    "wer",
    "wo",
    "welche",
    "comment",
    "pourquoi",
    "quand",
    "qui",
    "quel",
    "quelle",
    "quels",
    "quelles",
    "que",
    "qu'est-ce",
    "qu’est-ce",
    "cómo",
    "qué",
    "por qué",
    "cuándo",
    "quién",
    "quiénes",
    "dónde",
    "cuál",
    "cuáles",
    "¿cómo",
    "¿qué",
    "¿por",
    "¿cuándo",
    "¿quién",
    "¿quiénes",
    "¿dónde",
    "¿cuál",
    "¿cuáles",
    "como",
    "o que",
    "por que",
    "por quê",
    "quando",
    "quem",
    "onde",
    "qual",
    "quais",
    "come",
    "cosa",
    "perché",
    "chi",
    "dove",
    "quale",
    "quali",
    "che",
    "què",
    "per què",
    "quan",
    "quin",
    "quins",
    "quina",
    "hoe",
    "wat",
    "waarom",
    "wanneer",
    "waar",
    "welke",
    "vad",
    "hur",
    "varför",
    "när",
    "vem",
    "vilka",
    "vilken",
    "hvad",
    "hva",
    "hvordan",
    "hvorfor",
    "hvornår",
    "når",
    "hvem",
    "hvor",
    "hvilke",
    "sådan",
    "slik",
    "mitä",
    "miten",
    "miksi",
    "milloin",
    "kuka",
    "ketkä",
    "mikä",
    "mitkä",
    "kuinka",
    "missä",
    "hogyan",
    "miért",
    "mikor",
    "kik",
    "milyen",
    "jak",
    "dlaczego",
    "kiedy",
    "kto",
    "gdzie",
    "czym",
    "jakie",
    "proč",
    "kdy",
    "kdo",
    "jaké",
    "ako",
    "prečo",
    "kedy",
    "aké",
    "что",
    "как",
    "почему",
    "когда",
    "кто",
    "где",
    "какие",
    "зачем",
    "що",
    "як",
    "чому",
    "коли",
    "хто",
    "де",
    "які",
    "навіщо",
    "cum",
    "de ce",
    "când",
    "cine",
    "unde",
    "τι",
    "πώς",
    "γιατί",
    "πότε",
    "ποιος",
    "ποιοι",
    "ποιες",
    "πού",
    "nasıl",
    "neden",
    "niçin",
    "ne zaman",
    "kim",
    "kimler",
    "hangi",
    "nerede",
    "apa",
    "bagaimana",
    "mengapa",
    "kenapa",
    "kapan",
    "siapa",
    "di mana",
    "làm thế nào",
    "tại sao",
    "khi nào",
    "ما",
    "ماذا",
    "كيف",
    "لماذا",
    "متى",
    "أين",
    "هل",
    "چه",
    "چگونه",
    "چرا",
    "چطور",
    "کجا",
    "آیا",
    "מה",
    "איך",
    "כיצד",
    "למה",
    "מדוע",
    "מתי",
    "מי",
    "איפה",
    "האם",
    "क्या",
    "कैसे",
    "क्यों",
    "कब",
    "कौन",
    "कहाँ",
    "কী",
    "কি",
    "কীভাবে",
    "কিভাবে",
    "কেন",
    "কখন",
    "কোথায়",
];

/// Whether a paragraph asks a question: it ends with a question mark, or its bold lead does
/// ("**¿Puedo cambiar de trayectoria?** Sí. Habla con tu manager.").
fn asks(paragraph: &str) -> bool {
    let question = |text: &str| text.trim_end().ends_with(['?', '？']);
    let bold_lead = paragraph
        .trim_start()
        .strip_prefix("**")
        .and_then(|rest| rest.split_once("**"))
        .map(|(lead, _)| lead);
    question(&plain(paragraph)) || bold_lead.is_some_and(question)
}

fn is_question(title: &str) -> bool {
    // "What is a maintainer?" asks what a role is: the role's own section.
    if super::likeness::defined_role(&plain(title)).is_some_and(|role| level_likeness(&role) >= 0.5)
    {
        return false;
    }
    let title = plain(title).to_lowercase();
    // "What it means to be a compiler member", "How promotion decisions are made": asked
    // without a question mark.
    let asked = INTERROGATIVES.iter().any(|word| {
        title
            .trim_start()
            .strip_prefix(word)
            .is_some_and(|rest| rest.starts_with(' '))
    });
    asked
        || title.trim_end().ends_with(['?', '？'])
        || super::likeness::BECOMING
            .iter()
            .any(|start| title.trim_start().starts_with(start))
}

fn count(level: &LevelDraft) -> usize {
    level.expectations.values().map(Vec::len).sum()
}

/// The words of a title, lowercased, split at anything that is not a letter or digit, without a
/// parenthesized expansion or translation ("TSC (Technical Steering Committee) members",
/// "Reviewer（审核者）").
pub(super) fn title_words(title: &str) -> Vec<String> {
    super::likeness::without_brackets(&plain(title))
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_owned)
        .collect()
}

fn is_latin(word: &str) -> bool {
    word.chars().any(|c| c.is_ascii_alphabetic())
}

/// Two titles name the same level: the same words, or the same words with a translation in
/// another script beside them ("Contributor" and "贡献者 Contributor", "Reviewer（审核者）").
/// "Engineer" and "Senior Engineer" are different levels: the extra word is in the same script.
#[cfg(test)]
pub(super) fn same_level_title(a: &str, b: &str) -> bool {
    same_title_words(&title_words(a), &title_words(b))
}

/// [`same_level_title`] of two titles' [`title_words`].
fn same_title_words(a: &[String], b: &[String]) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    if a == b {
        return true;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let extra: Vec<&String> = long.iter().filter(|word| !short.contains(word)).collect();
    let contained = short.iter().all(|word| long.contains(word));
    let short_latin = short.iter().all(|word| is_latin(word));
    let short_other = short.iter().all(|word| !is_latin(word));
    contained
        && !extra.is_empty()
        && (short_latin && extra.iter().all(|word| !is_latin(word))
            || short_other && extra.iter().all(|word| is_latin(word)))
}

/// A role's title as its sections name it, singular or plural, in any case ("Council members"
/// is the roster of "Council Member").
pub(super) fn title_key(title: &str) -> String {
    let lower = plain(title).trim().to_lowercase();
    match lower.strip_suffix('s') {
        Some(singular) if singular.chars().count() >= 3 && !singular.ends_with('s') => {
            singular.to_owned()
        }
        _ => lower,
    }
}

#[cfg(test)]
mod tests {
    use super::same_level_title;

    #[test]
    fn a_title_and_its_translation_name_one_level_a_seniority_word_does_not() {
        assert!(same_level_title("Contributor", "贡献者 Contributor"));
        assert!(same_level_title("审核者", "审核者 Committer"));
        assert!(same_level_title("Subproject owner", "Subproject Owner"));
        assert!(same_level_title("**Reviewer**", "Reviewer（审核者）"));
        assert!(!same_level_title("Engineer", "Senior Engineer"));
        assert!(!same_level_title("Member", "Organization Member"));
        assert!(!same_level_title("Subproject Lead", "Subproject Owner"));
        assert!(!same_level_title("エンジニア", "シニアエンジニア"));
    }

    #[test]
    fn a_section_revisits_roles_when_its_title_names_an_aspect_of_them() {
        for title in [
            "Role Criteria",
            "Requirements",
            "How to become one",
            "Nomination",
        ] {
            assert!(super::names_an_aspect(title), "{title}");
        }
        // Two tracks of the same titles under these are two kinds of work.
        for title in ["Backend", "Frontend", "Management", "Roles"] {
            assert!(!super::names_an_aspect(title), "{title}");
        }
        assert!(super::names_one_role("Oathkeeper (Moderator)", "Moderator"));
        assert!(super::names_one_role("Reviewers", "Reviewer"));
        assert!(!super::names_one_role("Senior Engineer", "Engineer"));
    }

    #[test]
    fn standing_words_name_prose_sections_not_rungs() {
        use super::names_standing;
        for title in [
            "New contributors",
            "Inactive Member",
            "新的贡献者",
            "既有社区成员",
            "Established community members",
        ] {
            assert!(names_standing(title), "{title}");
        }
        for title in [
            "Senior Vice President / CTO / CIO",
            "Contributor",
            "Maintainer",
            "新人エンジニア",
            "Newcomer",
        ] {
            assert!(!names_standing(title), "{title}");
        }
    }
}
