//! From the drafts of a finished walk to the model: alignment across tracks, links, ids.

use super::*;
use std::collections::HashSet;

/// A paragraph wholly in emphasis (`*…*`, `_…_`, `**…**`, `__…__`): its inner text, and
/// whether it is bold.
fn emphasized(text: &str) -> Option<(&str, bool)> {
    for (mark, bold) in [("**", true), ("__", true), ("*", false), ("_", false)] {
        if let Some(inner) = text
            .strip_prefix(mark)
            .and_then(|rest| rest.strip_suffix(mark))
        {
            if !inner.contains(mark) && !inner.trim().is_empty() {
                return Some((inner, bold));
            }
        }
    }
    None
}

/// Whether a paragraph of a rung written in prose says what the rung expects: not wholly in
/// emphasis, not an aside (`**Defined by:** …`), not a pointer to another page, not a
/// signpost to a rung above (`later`, their titles). A paragraph naming a rung below ("its PMC
/// may invite a contributor to become a committer", under Committer) says how this one is
/// reached: kept. So is a rung's first paragraph, which says what the rung is ("… may be
/// invited to become a member of the Foundation. This entitles them to vote for the Board").
fn says_what_the_rung_expects(paragraph: &str, later: &[&str], first: bool) -> bool {
    emphasized(paragraph.trim()).is_none()
        && !text::opens_with_aside(paragraph)
        && !likeness::is_pointer(paragraph)
        && (first || !likeness::is_signpost(paragraph, later))
}

/// The titles of the rungs after the one at `index`.
fn later_titles(titles: &[String], index: usize) -> Vec<&str> {
    titles.iter().skip(index + 1).map(String::as_str).collect()
}

/// Makes the paragraphs a rung's own body wrote (see [`says_what_the_rung_expects`]) its
/// expectations, keeping the rest as its description; a bold `Experience: …` paragraph is its
/// experience. Whether it gave the rung any expectation.
fn rung_paragraphs_as_expectations(level: &mut LevelDraft, later: &[&str]) -> bool {
    let mut description = Vec::new();
    let mut items = Vec::new();
    for paragraph in std::mem::take(&mut level.description) {
        match emphasized(paragraph.trim()) {
            Some((inner, true)) if level.experience.is_none() => match inner.split_once(':') {
                Some((key, value)) if key.trim().eq_ignore_ascii_case("experience") => {
                    level.experience = Some(value.trim().to_owned())
                }
                _ => description.push(paragraph),
            },
            Some(_) => description.push(paragraph),
            // Only what the level's own body says: a summary row, a roster, a lead-in stay
            // its description.
            None if level.body_paragraphs.contains(&paragraph)
                && says_what_the_rung_expects(&paragraph, later, items.is_empty()) =>
            {
                items.push(Expectation::new(paragraph))
            }
            None => description.push(paragraph),
        }
    }
    level.description = description;
    if items.is_empty() {
        return false;
    }
    // Before the labelled paragraphs' areas: the rung's prose opens its section.
    level
        .expectations
        .shift_insert(0, String::from(GENERAL_AREA), items);
    true
}

/// The fewest levels on each side of a split between individual contributors' and managers'
/// titles (see [`Interpreter::split_management_runs`]).
const MIN_SPLIT_RUN: usize = 2;

/// The most words a plain label opening paragraphs of several levels has ("How to become
/// one: …"); a longer run before a colon is a sentence's.
pub(super) const RECURRING_LABEL_WORDS: usize = 4;

impl Interpreter {
    /// Rungs written in prose: their own paragraphs are what they expect, one expectation
    /// each (see [`rung_paragraphs_as_expectations`]). So in a track whose levels are all
    /// written that way (the ASF's ladder), and for a rung written only in prose among rungs
    /// with lists (ESLint's "Users" and "Contributors" before "Committers:" and its list). Not
    /// where the rungs write their expectations under area headings: there a rung's prose
    /// outside any area is its description (a top rung's "Titles bestowed only by decision of
    /// the board"), as it is on the rungs that have areas; nor in this tool's handbook, which
    /// writes a level's description so.
    fn prose_rungs_as_expectations(&mut self) {
        if self.handbook {
            return;
        }
        let mut used_area = false;
        let final_reading = self.final_reading;
        let revisiting = &self.revisiting_areas;
        for track in &mut self.tracks {
            let with_lists = track
                .levels
                .iter()
                .filter(|l| !l.expectations.is_empty())
                .count();
            // (How one becomes the role, a section of its own moved into it, is not what
            // the role says of itself: "Devenir un contributeur" after its paragraph.)
            // (Nor is what a later section revisiting the roles adds to it.)
            let own_lists = |level: &LevelDraft| {
                level.expectations.keys().any(|area| {
                    !super::likeness::is_becoming_heading(area) && !revisiting.contains(area)
                })
            };
            let under_headings = track
                .levels
                .iter()
                .filter(|l| l.heading_areas && own_lists(l))
                .count();
            if track.levels.len() < 2 {
                continue;
            }
            // Where the rungs write their expectations under area headings, only a rung written
            // wholly in prose, several paragraphs of it, has them as expectations.
            let areas_headed = with_lists > 0 && under_headings * 2 > with_lists;
            let titles: Vec<String> = track.levels.iter().map(|l| l.title.clone()).collect();
            for (index, level) in track.levels.iter_mut().enumerate() {
                let own = own_lists(level);
                if (own && !level.labelled_only) || level.shares_title.is_some() {
                    continue;
                }
                // (A rung whose one paragraph is all it says, among rungs with area headings:
                // that paragraph is what it expects, as the reading kept is read once more.
                // Not while choosing, where it would make a wrong reading's stray sections
                // look like rungs; nor at the top, whose paragraph says how the title is
                // bestowed: "Titles bestowed only by decision of the board".)
                let one_statement = final_reading
                    && index + 1 < titles.len()
                    && !level.heading_areas
                    && level.sub_headings.is_empty()
                    && level.body_paragraphs.len() == 1;
                if areas_headed
                    && !one_statement
                    && (level.heading_areas && own
                        || level.body_paragraphs.len() < Self::PROSE_RUNG_PARAGRAPHS)
                {
                    continue;
                }
                let later = later_titles(&titles, index);
                used_area |= rung_paragraphs_as_expectations(level, &later);
            }
        }
        if used_area {
            self.area_name(GENERAL_AREA);
        }
    }

    /// How many paragraphs a rung written wholly in prose has for them to be its expectations
    /// among rungs whose expectations are under area headings.
    const PROSE_RUNG_PARAGRAPHS: usize = 3;

    /// A track whose levels run from individual contributors' titles to managers' ("Staff
    /// Product Designer", then "Product Design Manager", "Product Design Director") with no
    /// heading between them is two tracks, the managers' named by its first title: an
    /// organization that writes both ladders in one list still has two. Only a document's one
    /// track is split.
    fn split_management_runs(&mut self) {
        // Tracks the document divides itself (headings, sheets, a table's track column) are as
        // written; a title over the whole page names no track of its own.
        if self.tracks.len() != 1 || !self.sheet_names.is_empty() || self.handbook {
            return;
        }
        let mut split = Vec::new();
        for (index, track) in self.tracks.iter().enumerate() {
            let managers: Vec<bool> = track
                .levels
                .iter()
                .map(|level| is_manager_title(&level.title))
                .collect();
            let Some(first) = managers.iter().position(|&manager| manager) else {
                continue;
            };
            let run = managers.len() - first;
            if first >= MIN_SPLIT_RUN
                && run >= MIN_SPLIT_RUN
                && managers[first..].iter().all(|&manager| manager)
            {
                split.push((index, first));
            }
        }
        for (index, first) in split.into_iter().rev() {
            let levels = self.tracks[index].levels.split_off(first);
            // (Where each run sits under a heading of its own, "Fachlaufbahn" and
            // "Führungslaufbahn" read as sections, those name the two tracks; else the
            // managers' track is named after its first level.)
            let above = |levels: &[LevelDraft]| -> Option<String> {
                let first = levels.first()?.above.clone()?;
                levels
                    .iter()
                    .all(|level| level.above.as_deref() == Some(first.as_str()))
                    .then_some(first)
            };
            let (contributors, managers) = (above(&self.tracks[index].levels), above(&levels));
            let headed = contributors.is_some() && managers.is_some() && contributors != managers;
            if let (true, Some(name)) = (headed, contributors) {
                self.tracks[index].name = name;
            }
            let name = match (headed, managers) {
                (true, Some(name)) => name,
                _ => levels[0].title.clone(),
            };
            self.tracks.insert(
                index + 1,
                TrackDraft {
                    name,
                    levels,
                    ..TrackDraft::default()
                },
            );
        }
    }

    /// A paragraph that starts with the same plain label in two levels or more of a track
    /// ("Scope: Well-defined tasks within a team.", "How to become one: Download the
    /// software.", up to [`RECURRING_LABEL_WORDS`] words) is that area's expectation, not the
    /// level's description: the label recurs because it names an axis of the ladder.
    fn recurring_labels_as_areas(&mut self) {
        let label_of = |paragraph: &str| -> Option<(String, String)> {
            let (label, text) = paragraph.split_once(": ")?;
            let label = label.trim();
            let short = (1..=RECURRING_LABEL_WORDS).contains(&label.split_whitespace().count())
                && label.chars().count() <= 40
                && label.chars().next().is_some_and(char::is_uppercase)
                && label
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == ' ' || c == '-');
            // A hard-wrapped paragraph is one text; lines that each open with a label are a
            // list of facts, not one area's text.
            let one_label = text.lines().skip(1).all(|line| {
                line.split_once(": ").is_none_or(|(before, _)| {
                    before.split_whitespace().count() > RECURRING_LABEL_WORDS
                })
            });
            (short && !text.trim().is_empty() && one_label)
                .then(|| (label.to_owned(), text.trim().to_owned()))
        };
        // ("Typical experience: 0–2 years" is the level's experience, however often.)
        for level in self.tracks.iter_mut().flat_map(|track| &mut track.levels) {
            let years = level.body_paragraphs.iter().find_map(|paragraph| {
                label_of(paragraph)
                    .filter(|(label, text)| super::text::states_years_of_experience(label, text))
                    .map(|(_, text)| (paragraph.clone(), text))
            });
            if let Some((paragraph, text)) = years.filter(|_| level.experience.is_none()) {
                level.experience = Some(text);
                level.body_paragraphs.retain(|line| *line != paragraph);
                level.description.retain(|line| *line != paragraph);
            }
        }
        for index in 0..self.tracks.len() {
            let mut counts: HashMap<String, usize> = HashMap::new();
            for level in &self.tracks[index].levels {
                let mut seen = HashSet::new();
                for paragraph in &level.body_paragraphs {
                    if let Some((label, _)) = label_of(paragraph) {
                        if seen.insert(label.clone()) {
                            *counts.entry(label).or_default() += 1;
                        }
                    }
                }
            }
            let recurring: HashSet<String> = counts
                .into_iter()
                .filter(|(label, count)| {
                    *count >= 2
                        && level_likeness(label) < 0.5
                        && !super::text::is_aside_key(label)
                        // ("Description: …" is the level's description, however often.)
                        && super::cells::level_field(label).is_none()
                        && !super::text::is_level_fact_key(label)
                })
                .map(|(label, _)| label)
                .collect();
            if recurring.is_empty() {
                continue;
            }
            let mut moved: Vec<(usize, String, String)> = Vec::new();
            for (level_index, level) in self.tracks[index].levels.iter_mut().enumerate() {
                let mut kept_body = Vec::new();
                let mut taken: HashSet<String> = HashSet::new();
                for paragraph in std::mem::take(&mut level.body_paragraphs) {
                    match label_of(&paragraph).filter(|(label, _)| recurring.contains(label)) {
                        Some((label, text)) => {
                            moved.push((level_index, label, text));
                            taken.insert(paragraph);
                        }
                        None => kept_body.push(paragraph),
                    }
                }
                level.description.retain(|line| !taken.contains(line));
                level.body_paragraphs = kept_body;
            }
            // Each level's moved texts by area, then put first: they are what the level's
            // section opens with.
            let mut by_level: HashMap<usize, IndexMap<String, Vec<Expectation>>> = HashMap::new();
            for (level_index, label, text) in moved {
                let area = self.area_name(&label);
                by_level
                    .entry(level_index)
                    .or_default()
                    .entry(area)
                    .or_default()
                    .push(Expectation::new(text));
            }
            for (level_index, mut reordered) in by_level {
                let level = &mut self.tracks[index].levels[level_index];
                level.labelled_only = level.expectations.is_empty();
                for (area, items) in std::mem::take(&mut level.expectations) {
                    reordered.entry(area).or_default().extend(items);
                }
                level.expectations = reordered;
            }
        }
    }

    /// A paragraph that opens the sections of several levels of a track in the same words but
    /// their figures ("Must have one year of experience equivalent to the GS-7 grade level",
    /// then "… GS-9 …") states each level's requirement on one axis: that level's expectation,
    /// first among its general ones, not its description. (A lead-in ending with a colon and a
    /// note on moving up stay where they are; a paragraph repeated word for word, figures and
    /// all, says nothing of the level.)
    fn templated_paragraphs_as_expectations(&mut self) {
        let template = |paragraph: &str| -> String {
            plain(paragraph)
                .to_lowercase()
                .chars()
                .filter(|c| !c.is_ascii_digit())
                .collect::<String>()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        };
        let mut used_area = false;
        for track in &mut self.tracks {
            if track.levels.len() < 2 {
                continue;
            }
            // Each template's texts across the track's levels.
            let mut texts: HashMap<String, HashSet<String>> = HashMap::new();
            for level in &track.levels {
                for paragraph in &level.body_paragraphs {
                    let candidate = !paragraph.trim_end().ends_with([':', '：'])
                        && paragraph.chars().any(|c| c.is_ascii_digit())
                        && emphasized(paragraph.trim()).is_none()
                        && !text::opens_with_aside(paragraph)
                        && !likeness::speaks_of_moving(paragraph)
                        // ("Nível 2" under its level's heading is the level's badge.)
                        && !reading::names_only_a_rung(paragraph)
                        // ("Experience: Typically requires 2 years" is a fact of the level.)
                        && paragraph
                            .split_once(':')
                            .is_none_or(|(label, _)| !text::is_level_fact_key(label));
                    if candidate {
                        texts
                            .entry(template(paragraph))
                            .or_default()
                            .insert(paragraph.clone());
                    }
                }
            }
            // The paragraphs themselves, so that each is looked up as written (its template
            // is computed once).
            let templated: HashSet<String> = texts
                .into_values()
                .filter(|variants| variants.len() >= 2)
                .flatten()
                .collect();
            if templated.is_empty() {
                continue;
            }
            for level in &mut track.levels {
                let (moved, kept): (Vec<String>, Vec<String>) =
                    std::mem::take(&mut level.body_paragraphs)
                        .into_iter()
                        .partition(|paragraph| templated.contains(paragraph));
                level.body_paragraphs = kept;
                if moved.is_empty() {
                    continue;
                }
                level.description.retain(|line| !moved.contains(line));
                let mut items: Vec<Expectation> = moved.into_iter().map(Expectation::new).collect();
                if let Some(general) = level.expectations.shift_remove(GENERAL_AREA) {
                    items.extend(general);
                }
                level
                    .expectations
                    .shift_insert(0, String::from(GENERAL_AREA), items);
                used_area = true;
            }
        }
        if used_area {
            self.area_name(GENERAL_AREA);
        }
    }

    /// Moves each list a level's section gives the level it leads to ("Promotion to Level 2
    /// requires:" under Level 1) to that level of the same track, first among its
    /// expectations; a list whose level is not found stays where it was, as the level's own.
    fn promotion_lists_to_their_levels(&mut self) {
        let moves_any = self
            .tracks
            .iter()
            .flat_map(|track| &track.levels)
            .any(|level| {
                level
                    .expectations
                    .keys()
                    .any(|area| area.starts_with(PROMOTION_AREA))
            });
        if !moves_any {
            return;
        }
        let general = self.area_name(GENERAL_AREA);
        for track in &mut self.tracks {
            let keys = |level: &LevelDraft| -> Vec<String> {
                level
                    .expectations
                    .keys()
                    .filter(|area| area.starts_with(PROMOTION_AREA))
                    .cloned()
                    .collect()
            };
            if track.levels.iter().all(|level| keys(level).is_empty()) {
                continue;
            }
            let titles: Vec<String> = track
                .levels
                .iter()
                .map(|level| plain(&level.title).to_lowercase())
                .collect();
            for from in 0..track.levels.len() {
                for key in keys(&track.levels[from]) {
                    let items = track.levels[from]
                        .expectations
                        .shift_remove(&key)
                        .unwrap_or_default();
                    let target = key[PROMOTION_AREA.len()..].to_lowercase();
                    // "Level 2" names "Level 2 - Independent Owner".
                    let to = titles
                        .iter()
                        .position(|title| {
                            title == &target
                                || title.starts_with(&target)
                                    && !title[target.len()..].starts_with(char::is_alphanumeric)
                        })
                        .unwrap_or(from);
                    let level = &mut track.levels[to];
                    let mut moved = IndexMap::new();
                    moved.insert(general.clone(), items);
                    for (area, texts) in std::mem::take(&mut level.expectations) {
                        moved.entry(area).or_default().extend(texts);
                    }
                    level.expectations = moved;
                }
            }
        }
    }

    /// Ends the walk: the ladder, with a warning for each piece of text that could not be
    /// placed, or an error when the document held no tracks or levels at all.
    pub fn finish(mut self) -> Result<Imported, Vec<Diagnostic>> {
        self.promotion_lists_to_their_levels();
        self.revisited_roles_join_theirs();
        self.merge_repeated_levels();
        self.merge_overview_rows();
        self.prose_at_track_ends();
        self.tracks_of_sections_as_prose();
        if self.final_reading {
            self.sections_of_another_kind_at_track_ends();
        }
        self.split_management_runs();
        self.recurring_labels_as_areas();
        self.templated_paragraphs_as_expectations();
        self.prose_rungs_as_expectations();
        self.apply_alignment();
        self.apply_track_links();
        // Drop empty group levels left at the end of a track.
        for track in &mut self.tracks {
            while let Some(dropped) = (track.levels.len() > 1)
                .then(|| track.levels.pop_if(|level| level.is_empty()))
                .flatten()
            {
                self.warnings.push(
                    Diagnostic::warning(
                        "import",
                        format!(
                            "heading `{}` has no content; it was left out",
                            dropped.title
                        ),
                    )
                    .in_file(&self.path)
                    .at(Some((dropped.line.max(1), 1))),
                );
            }
        }
        // A first "track" with no levels was the document's title (a Word document's first
        // Heading 1 above its tracks), its text the ladder's introduction. (Not a workbook's
        // first sheet: "How to use" is the sheet's name, and its text a section.)
        let workbook = !self.sheet_names.is_empty();
        if self.title.is_none() && !self.metadata.contains_key("title") && !workbook {
            if let Some(first) = self
                .tracks
                .first_mut()
                .filter(|track| track.levels.is_empty())
            {
                self.title = Some(first.name.clone());
                self.summary.append(&mut first.summary);
            }
        }
        // The text of any other heading that held no levels ("About the framework", a
        // workbook's "Glossary" sheet) is a section of the ladder's prose, not lost with it.
        for track in self.tracks.iter().filter(|track| track.levels.is_empty()) {
            if !track.summary.is_empty() {
                self.sections.push(Section {
                    title: track.name.clone(),
                    body: track.summary.join("\n\n"),
                    depth: 1,
                    internal: false,
                });
            }
        }
        self.tracks.retain(|track| !track.levels.is_empty());
        if self.tracks.is_empty() {
            return Err(vec![Diagnostic::error("import-no-levels", "no tracks or levels found in this document")
                .in_file(&self.path)
                .with_hint("headings for tracks and levels, a table of levels, or a list of positions are needed")]);
        }
        for (heading, line) in &self.lost_groups {
            self.warnings.push(
                Diagnostic::warning(
                    "import",
                    format!(
                        "heading `{heading}` groups areas another heading already groups; its \
                         title is not kept (tell the importer where the levels are with `--levels`)"
                    ),
                )
                .in_file(&self.path)
                .at(Some(((*line).max(1), 1))),
            );
        }
        let ladder = self.build_ladder();
        Ok(Imported {
            reading: Reading::default(),
            choice: None,
            ladder,
            warnings: self.warnings,
            lost_headings: self
                .lost_groups
                .into_iter()
                .map(|(heading, _)| heading)
                .collect(),
        })
    }

    /// Links to the tracks' own pages: a track named like the link text (`X` for `X Path`)
    /// gets the link and that name as an alias. A list that names no track stays in the summary.
    pub(super) fn apply_track_links(&mut self) {
        let Some((links, text)) = self.track_links.take() else {
            return;
        };
        let mut matched = 0;
        for (label, url) in &links {
            let track = self.tracks.iter_mut().find(|track| {
                label == &track.name
                    || label.strip_suffix(" Path").or(label.strip_suffix(" Track"))
                        == Some(track.name.as_str())
            });
            if let Some(track) = track {
                track.link = Some(url.clone());
                if label != &track.name && !track.aliases.contains(label) {
                    track.aliases.push(label.clone());
                }
                matched += 1;
            }
        }
        if matched < links.len() {
            self.summary.push(text);
        }
    }

    /// Applies a summary table: titles per column, and grades or equivalents from the columns.
    pub(super) fn apply_alignment(&mut self) {
        let Some(alignment) = self.alignment.take() else {
            return;
        };
        let mut columns_of: Vec<Vec<Option<usize>>> = Vec::new();
        for (row_index, (_, cells)) in alignment.rows.iter().enumerate() {
            let Some(track) = self.tracks.get_mut(row_index) else {
                break;
            };
            // Split rows that stand for several ranks ("3/4") into one level per rank.
            let mut expanded: Vec<LevelDraft> = Vec::new();
            for level in track.levels.drain(..) {
                let ranks: Vec<String> = level
                    .rank_text
                    .as_deref()
                    .unwrap_or("")
                    .split('/')
                    .map(|r| r.trim().to_owned())
                    .collect();
                if ranks.len() > 1 {
                    let titles: Vec<String> = level.title.split(" / ").map(str::to_owned).collect();
                    let first_title = titles.first().cloned().unwrap_or_default();
                    for (index, rank) in ranks.iter().enumerate() {
                        let mut part = level.clone();
                        part.rank_text = Some(rank.clone());
                        part.aliases = vec![level.title.clone()];
                        part.title = titles
                            .get(index)
                            .cloned()
                            .unwrap_or_else(|| level.title.clone());
                        if index > 0 {
                            part.expectations.clear();
                            part.shares_title = Some(first_title.clone());
                        }
                        expanded.push(part);
                    }
                } else {
                    expanded.push(level);
                }
            }
            track.levels = expanded;
            let mut columns = vec![None; track.levels.len()];
            for (column, cell) in cells.iter().enumerate() {
                let Some((rank, title)) = cell else { continue };
                if let Some((index, level)) = track
                    .levels
                    .iter_mut()
                    .enumerate()
                    .find(|(_, level)| level.rank_text.as_deref() == Some(rank.as_str()))
                {
                    if level.title != *title {
                        if !level.aliases.contains(&level.title) && !level.title.is_empty() {
                            level.aliases.insert(0, level.title.clone());
                        }
                        level.aliases.retain(|alias| alias != title);
                        level.title = title.clone();
                    }
                    if let Some(slot) = columns.get_mut(index) {
                        *slot = Some(column);
                    }
                }
            }
            if let Some(label) = alignment
                .rows
                .get(row_index)
                .map(|(label, _)| label.clone())
            {
                if label != track.name && !track.aliases.contains(&label) && !label.is_empty() {
                    track.aliases.push(label);
                }
            }
            columns_of.push(columns);
        }
        // Shared expectations name the first title of the split row.
        if let Some((label, grades)) = &alignment.grades {
            for (track, columns) in self.tracks.iter_mut().zip(&columns_of) {
                for (level, column) in track.levels.iter_mut().zip(columns) {
                    if let Some(grade) = column.and_then(|c| grades.get(c).cloned().flatten()) {
                        level.grade_name = Some(format!("{label} {grade}"));
                    }
                }
            }
        } else if self.tracks.len() > 1 {
            // Equivalence by column: each later track's level and the first track's level in
            // the same column name each other.
            let first: Vec<(Option<usize>, String)> = self
                .tracks
                .first()
                .zip(columns_of.first())
                .map(|(track, columns)| {
                    track
                        .levels
                        .iter()
                        .zip(columns)
                        .map(|(level, column)| (*column, level.title.clone()))
                        .collect()
                })
                .unwrap_or_default();
            let mut back: Vec<(usize, String)> = Vec::new();
            for (track, columns) in self.tracks.iter_mut().zip(&columns_of).skip(1) {
                for (level, column) in track.levels.iter_mut().zip(columns) {
                    if let Some((index, (_, title))) = first
                        .iter()
                        .enumerate()
                        .find(|(_, (c, _))| c.is_some() && c == column)
                    {
                        level.equivalents.push(title.clone());
                        back.push((index, level.title.clone()));
                    }
                }
            }
            for (index, title) in back {
                if let Some(level) = self
                    .tracks
                    .first_mut()
                    .and_then(|track| track.levels.get_mut(index))
                {
                    level.equivalents.push(title);
                }
            }
        }
    }

    pub(super) fn build_ladder(&mut self) -> Ladder {
        let metadata = &self.metadata;
        let title = self
            .title
            .clone()
            .or_else(|| metadata.get("title").cloned())
            // A document whose one heading above the levels named their track ("# Karrierestufen"
            // over "## Junior"): that heading is its title too, not the file's name, nor the
            // page's `<title>` (which sites end with their own name).
            .or_else(|| match self.tracks.as_slice() {
                [track] if track.name != UNNAMED_TRACK && !track.name.trim().is_empty() => {
                    Some(track.name.clone())
                }
                _ => None,
            })
            .or_else(|| self.default_title.clone())
            .or_else(|| Some(crate::import::document_name(&self.path)).filter(|n| !n.is_empty()))
            .unwrap_or_else(|| String::from("Ladder"));
        let mut summary = self.summary.clone();
        if summary.is_empty() {
            if let Some(excerpt) = metadata
                .get("excerpt")
                .or_else(|| metadata.get("description"))
            {
                summary.push(excerpt.clone());
            }
        }
        // Areas no level uses (a heading that turned out to group areas) are left out; their
        // names are the groups (descriptions) of the areas under them.
        let used: std::collections::HashSet<&str> = self
            .tracks
            .iter()
            .flat_map(|track| &track.levels)
            .flat_map(|level| level.expectations.keys())
            .map(String::as_str)
            .collect();
        let areas: Vec<Area> = {
            let mut used_ids = UsedIds::default();
            self.areas
                .iter()
                .filter(|(name, _)| used.contains(name.as_str()))
                .map(|(name, aliases)| Area {
                    id: unique(slug(name), &mut used_ids),
                    name: name.clone(),
                    description: area_description(
                        self.area_groups.get(name),
                        self.area_notes.get(name),
                    ),
                    aliases: aliases.clone(),
                })
                .collect()
        };
        let area_id = |name: &str| -> String {
            areas
                .iter()
                .find(|area| area.name == name)
                .map_or_else(|| slug(name), |area| area.id.clone())
        };
        // Grades: from the drafts' grade names, in order of first use by rank.
        let mut grade_names: Vec<String> = Vec::new();
        for (grade, titles) in &self.grade_rows {
            for track in &mut self.tracks {
                for level in &mut track.levels {
                    if titles.contains(&level.title) && level.grade_name.is_none() {
                        level.grade_name = Some(grade.clone());
                    }
                }
            }
            if !grade_names.contains(grade) {
                grade_names.push(grade.clone());
            }
        }
        let mut ordered: Vec<String> = self
            .tracks
            .iter()
            .flat_map(|track| {
                track
                    .levels
                    .iter()
                    .filter_map(|level| level.grade_name.clone())
            })
            .collect();
        ordered.sort_by_key(|name| natural_key(name));
        for name in ordered {
            if !grade_names.contains(&name) {
                grade_names.push(name);
            }
        }
        if self.grade_rows.is_empty() {
            grade_names.sort_by_key(|name| natural_key(name));
        }
        let grades: Vec<Grade> = {
            let mut used = UsedIds::default();
            grade_names
                .iter()
                .map(|name| {
                    let number = name
                        .rsplit(' ')
                        .next()
                        .filter(|last| last.chars().all(|c| c.is_ascii_digit()));
                    let id = number.map(str::to_owned).unwrap_or_else(|| slug(name));
                    Grade {
                        id: unique(id, &mut used),
                        name: name.clone(),
                    }
                })
                .collect()
        };
        let mut used_level_ids = UsedIds::default();
        let mut used_track_ids = UsedIds::default();
        let mut title_to_id: Vec<(String, String)> = Vec::new();
        let mut tracks: Vec<Track> = self
            .tracks
            .iter()
            .map(|draft| {
                let lower = draft.name.to_lowercase();
                let titles = draft.levels.iter().map(|level| level.title.as_str());
                let kind = if is_management_track(&draft.name, titles) {
                    TrackKind::Manager
                } else if lower.contains("role") {
                    TrackKind::Role
                } else {
                    TrackKind::Ic
                };
                let levels: Vec<Level> = draft
                    .levels
                    .iter()
                    .enumerate()
                    .map(|(index, level)| {
                        let id = unique(slug(&level.title), &mut used_level_ids);
                        title_to_id.push((level.title.clone(), id.clone()));
                        Level {
                            internal: None,
                            id,
                            rank: (kind != TrackKind::Role).then_some(index as u32 + 1),
                            title: level.title.clone(),
                            aliases: level
                                .aliases
                                .iter()
                                .filter(|alias| **alias != level.title)
                                .cloned()
                                .collect(),
                            code: level.code.clone(),
                            grade: level
                                .grade_name
                                .as_ref()
                                .and_then(|name| grades.iter().find(|g| &g.name == name))
                                .map(|g| g.id.clone()),
                            experience: level.experience.as_deref().map(Experience::parse),
                            headline: level.headline.clone(),
                            description: (!level.description.is_empty())
                                .then(|| level.description.join("\n\n")),
                            expectations: level
                                .expectations
                                .iter()
                                .map(|(area, items)| (area_id(area), items.clone()))
                                .collect(),
                            equivalents: level.equivalents.clone(),
                            requires: None,
                            shares_expectations_with: None,
                            link: level.link.clone(),
                        }
                    })
                    .collect();
                Track {
                    internal: false,
                    id: unique(slug(&draft.name), &mut used_track_ids),
                    name: draft.name.clone(),
                    kind,
                    aliases: draft.aliases.clone(),
                    summary: (!draft.summary.is_empty()).then(|| draft.summary.join("\n\n")),
                    link: draft.link.clone(),
                    areas: Vec::new(),
                    levels,
                }
            })
            .collect();
        // References by title become ids.
        let id_of = |title: &str| -> Option<String> {
            title_to_id
                .iter()
                .find(|(t, _)| t.eq_ignore_ascii_case(title.trim()))
                .map(|(_, id)| id.clone())
        };
        for (track, draft) in tracks.iter_mut().zip(&self.tracks) {
            for (level, level_draft) in track.levels.iter_mut().zip(&draft.levels) {
                level.requires = level_draft
                    .requires_title
                    .as_deref()
                    .map(|title| id_of(title).unwrap_or_else(|| slug(title)));
                level.shares_expectations_with =
                    level_draft.shares_title.as_deref().and_then(id_of);
            }
            track.areas = Vec::new();
        }
        let mut sections = self.sections.clone();
        sections.retain(|section| !section.body.trim().is_empty() || section.depth < 3);
        sections.retain(|section| {
            !(section.body.trim().is_empty() && tracks.iter().any(|t| t.name == section.title))
        });
        Ladder {
            id: String::new(),
            title,
            organization: metadata
                .get("organization")
                .or_else(|| metadata.get("company"))
                .cloned(),
            version: metadata.get("version").cloned(),
            effective_date: metadata
                .get("date")
                .and_then(|date| crate::date::Date::parse(date)),
            language: metadata
                .get("lang")
                .or_else(|| metadata.get("language"))
                .cloned(),
            authors: metadata
                .get("author")
                .or_else(|| metadata.get("authors"))
                .map(|authors| authors.split(", ").map(str::to_owned).collect())
                .unwrap_or_default(),
            summary: (!summary.is_empty()).then(|| summary.join("\n\n")),
            cumulative: self.cumulative,
            areas,
            grades,
            tracks,
            sections,
            credits: (!self.credits.is_empty()).then(|| self.credits.join("\n\n")),
            allow_lints: Vec::new(),
        }
    }
}

/// The ids given so far, and for each id the next counter to try after it: a table of
/// thousands of rows titled `L1` … `L5` makes hundreds of `l1`s, each found its `l1-N` at once.
#[derive(Default)]
pub(super) struct UsedIds {
    given: HashSet<String>,
    next: HashMap<String, usize>,
}

/// `id`, or `id-2`, `id-3` … when it is taken.
pub(super) fn unique(id: String, used: &mut UsedIds) -> String {
    let mut candidate = id.clone();
    let counter = used.next.entry(id.clone()).or_insert(2);
    while used.given.contains(&candidate) {
        candidate = format!("{id}-{counter}");
        *counter += 1;
    }
    used.given.insert(candidate.clone());
    candidate
}

/// Sorts "Band 10" after "Band 9".
pub(super) fn natural_key(name: &str) -> (String, u64) {
    let digits: String = name
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let prefix = name[..name.len() - digits.len()].to_owned();
    (prefix, digits.parse().unwrap_or(0))
}

/// An area's description: the group it is in (a heading or label over several areas) and what
/// a table says of it, the group first.
fn area_description(group: Option<&String>, note: Option<&String>) -> Option<String> {
    match (group, note) {
        (Some(group), Some(note)) => Some(format!("{group}\n\n{note}")),
        (group, note) => group.or(note).cloned(),
    }
}
