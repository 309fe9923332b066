//! Paragraphs and lists: expectations, `**Key:** value` facts, prose, lists of positions.

use super::own;
use super::*;

impl Interpreter {
    pub(super) fn prose(&mut self, text: &str, line: usize) {
        if text.contains("assume all previous requirements")
            || text.contains("assumes all previous requirements")
        {
            self.cumulative = true;
        }
        // The tool's own handbook: its cumulative note, navigation and footer are not content.
        if let Some(language) = own::cumulative(text) {
            self.heard(language);
            self.cumulative = true;
            return;
        }
        if let Some(language) = own::navigation(text) {
            self.heard(language);
            return;
        }
        // A credit line anywhere outside a level ("... is based on ... by [Dropbox](...)").
        let lower = text.to_lowercase();
        let is_credit = [
            "is based on",
            "was inspired by",
            "thanks to",
            "adapted from",
            "credit",
        ]
        .iter()
        .any(|phrase| lower.contains(phrase));
        if is_credit
            && matches!(self.place, Place::Section | Place::Summary)
            && self
                .sections
                .last()
                .is_none_or(|s| !s.body.is_empty() || self.place == Place::Summary)
            && !self.tracks.is_empty()
        {
            self.credits.push(text.to_owned());
            return;
        }
        // A quotation inside a level (a summary set off in a blockquote) describes the level.
        if let Some(quoted) = text.strip_prefix('>') {
            if matches!(self.place, Place::Level | Place::Area(_)) {
                let quoted: Vec<&str> = quoted
                    .lines()
                    .map(|line| line.trim_start_matches('>').trim())
                    .collect();
                if let Some(level) = self.current_level() {
                    level.description.push(quoted.join("\n"));
                    return;
                }
            }
        }
        match self.place.clone() {
            Place::Summary => self.summary.push(text.to_owned()),
            Place::TrackIntro => {
                if let Some((_, language)) = own::unfilled("part_of", text) {
                    self.heard(language);
                    return;
                }
                if let Some(language) = own::cumulative(text) {
                    self.heard(language);
                    self.cumulative = true;
                    return;
                }
                if let Some(track) = self.tracks.last_mut() {
                    track.summary.push(text.to_owned());
                }
            }
            Place::Level => self.level_paragraph(text, line),
            Place::Area(area) => self.add_expectation(&area, text),
            Place::Section => match self.sections.last_mut() {
                Some(section) => {
                    if !section.body.is_empty() {
                        section.body.push_str("\n\n");
                    }
                    section.body.push_str(text);
                }
                None => {
                    self.warn(
                        line,
                        "text after the levels with no heading of its own, kept as a section",
                    );
                    self.sections.push(Section {
                        internal: false,
                        title: String::from("Notes"),
                        body: text.to_owned(),
                        depth: 1,
                    });
                }
            },
            Place::Credits => self.credits.push(text.to_owned()),
            Place::Skip => {}
        }
    }

    pub(super) fn level_paragraph(&mut self, text: &str, line: usize) {
        if let Some(language) = own::navigation(text) {
            self.heard(language);
            return;
        }
        // The people who hold the role, one handle a line (`yuanyuancin<br />lvjing2`), or a
        // note that nobody does yet (`暂无`): a roster, not what the role expects.
        // A role's title seen before in the track (each component lists its own people):
        // handles alone make a roster.
        let repeated = self.tracks.last().is_some_and(|track| {
            track.levels.split_last().is_some_and(|(current, before)| {
                before.iter().any(|level| level.title == current.title)
            })
        });
        // "TBD" alone: the level is there, its text not yet written (as a placeholder in an
        // area says), not a note that nobody holds it.
        if is_placeholder(text) && !NOBODY_YET.contains(&plain(text).trim().to_lowercase().as_str())
        {
            if let Some(level) = self.current_level() {
                level.definite = true;
                level.description.push(text.to_owned());
                return;
            }
        }
        if is_roster_paragraph(text, repeated) {
            if let Some(level) = self.current_level() {
                level.roster = true;
                level.description.push(text.to_owned());
                return;
            }
        }
        if let Some((rest, language)) = own::after_label("also_titled", ": ", text) {
            self.heard(language);
            let aliases = rest.split("; ").map(str::to_owned).collect::<Vec<_>>();
            if let Some(level) = self.current_level() {
                level.aliases.extend(aliases);
            }
            return;
        }
        if let Some((title, language)) = own::unfilled("same_expectations", text) {
            self.heard(language);
            let title = plain(&title);
            if let Some(level) = self.current_level() {
                level.shares_title = Some(title);
            }
            return;
        }
        let bold_inner = text
            .strip_prefix("**")
            .and_then(|rest| rest.strip_suffix("**"))
            .filter(|inner| !inner.is_empty() && !inner.contains("**"));
        let Some(level) = self.current_level() else {
            self.warn(line, "text before any level, kept in the summary");
            self.summary.push(text.to_owned());
            return;
        };
        match bold_inner {
            Some(inner) if level.headline.is_none() && level.description.is_empty() => {
                level.headline = Some(inner.to_owned());
            }
            _ => {
                level.description.push(text.to_owned());
                level.body_paragraphs.push(text.to_owned());
            }
        }
    }

    pub(super) fn key_value(&mut self, key: &str, value: &str, line: usize) {
        let (lower, language) = own::fact_key(key);
        self.heard(language);
        // `**Experiencia esperada:** Entre 1 y 3 años.`: the level's experience, however the
        // label words it.
        let lower = if states_years_of_experience(key, value) {
            "experience".to_owned()
        } else {
            lower
        };
        if !matches!(self.place, Place::Level | Place::Area(_)) || self.current_level().is_none() {
            let text = format!("**{key}:** {value}");
            self.prose(&text, line);
            return;
        }
        // A handbook's facts line: `**Code:** IC 3 · **Grade:** Band 4 · **Experience:** 5+`.
        let mut pairs = vec![(lower.clone(), value.to_owned())];
        if value.contains(" · **") {
            pairs.clear();
            let joined = format!("**{key}:** {value}");
            for part in joined.split(" · ") {
                if let Some(rest) = part.strip_prefix("**") {
                    if let Some((k, v)) = rest.split_once("**") {
                        let (key, language) = own::fact_key(k.trim_end_matches(':'));
                        self.heard(language);
                        pairs.push((key, v.trim_start_matches(':').trim().to_owned()));
                    }
                }
            }
        }
        for (key_lower, value) in pairs {
            let Some(level) = self.current_level() else {
                return;
            };
            // A level's code or grade is a few characters (`IC 3`, `Band 4`); a sentence
            // under "Code" is what the level does with code.
            let short = {
                let value = plain(&value);
                value.chars().count() <= LEVEL_FACT_CHARACTERS && !value.trim_end().ends_with('.')
            };
            match key_lower.as_str() {
                "code" if short => level.code = Some(value),
                "grade" if short => level.grade_name = Some(value),
                "experience" => level.experience = Some(value),
                "level" => level.rank_text = Some(value),
                "title" => level.title = value,
                "required title" | "requires" => level.requires_title = Some(plain(&value)),
                // `**Includes:** Senior Engineer I, Senior Engineer II`: other titles of the level.
                "includes" | "also titled" | "also known as" | "aka" => level.aliases.extend(
                    plain(&value)
                        .split([',', ';'])
                        .flat_map(|part| part.split(" and "))
                        .map(|part| part.trim().trim_end_matches('.').to_owned())
                        .filter(|part| !part.is_empty()),
                ),
                k if EQUIVALENT_KEYS.contains(&k) => {
                    let value = plain(&value);
                    let none = matches!(
                        value.to_lowercase().trim_matches(|c| c == '_' || c == '*'),
                        "n/a" | "none" | "-" | ""
                    );
                    if !none {
                        level
                            .equivalents
                            .extend(value.split(", ").map(|part| part.trim().to_owned()));
                    }
                }
                // `**Summary:** …`, `**Overview:** …`: the level's headline, or its description.
                k if is_description_heading(k) => {
                    if level.headline.is_none() && level.description.is_empty() {
                        level.headline = Some(value);
                    } else {
                        level.description.push(value);
                    }
                }
                // `**Note:** …`, `**Defined by:** …`, `**How to become a Member:** …`: said
                // about the level or the way to it, not expected of it.
                // `**How to become a Member:** Members are invited … after demonstrating …`:
                // what a candidate must have shown, expected of the level (as under a
                // "Becoming …" heading).
                k if is_becoming_heading(k) && states_a_requirement(&value) => {
                    let area = key.trim().to_owned();
                    self.add_expectation(&area, &value);
                }
                // `**Current approvers:** @hkowalski, @mina-ito`: who holds the level, said
                // about it.
                k if is_aside_key(k) || is_becoming_heading(k) || is_roster_heading(k) => {
                    self.describe_level(format!("**{}:** {value}", key.trim()).trim_end());
                    // `**Defined by:**` over a list (the teams and files that make one a
                    // member): the list is said about the level too. (No area is made.)
                    if value.trim().is_empty() && (is_aside_key(k) || is_roster_heading(k)) {
                        self.place = Place::Area(key.trim().to_owned());
                    }
                }
                // `**Responsibilities:**` on its own line: the area of what follows.
                _ if value.trim().is_empty() => {
                    let area = self.area_name(key.trim());
                    self.place = Place::Area(area);
                }
                _ => {
                    // `**Area:** text`: an expectation under that area.
                    let area = key.trim().to_owned();
                    self.add_expectation(&area, &value);
                    self.place = Place::Level;
                }
            }
        }
    }

    pub(super) fn list(&mut self, items: &[Item], line: usize) {
        // `<li>Knows the difference between:</li><li>- Test levels: …</li>`: items written
        // with a bullet of their own after an item that leads into them are its sub-items.
        if let Some(nested) = written_sub_items(items) {
            return self.list(&nested, line);
        }
        // `- Requirements` with a lead-in paragraph under it, then its bullets: the label names
        // the bullets; the lead-in ("The following apply to …") describes the level.
        let mut lead_ins = Vec::new();
        let relabelled: Vec<Item> = items
            .iter()
            .map(|item| match item.text.split_once("\n\n") {
                Some((label, said))
                    if !item.children.is_empty() && is_area_label_word(&plain(label)) =>
                {
                    lead_ins.push(said.trim().to_owned());
                    Item {
                        text: label.trim().to_owned(),
                        children: item.children.clone(),
                    }
                }
                _ => item.clone(),
            })
            .collect();
        if !lead_ins.is_empty() && matches!(self.place, Place::Level | Place::Area(_)) {
            for said in &lead_ins {
                self.describe_level(said);
            }
            return self.list(&relabelled, line);
        }
        // `- 目的` with its paragraph inside the item (`    旨在减少 issue 列表 …`), every item so:
        // each label names the area of its paragraphs.
        if let Some(labelled) = labels_over_paragraphs(items) {
            if matches!(self.place, Place::Level | Place::Area(_)) && self.current_level().is_some()
            {
                for (label, paragraphs) in labelled {
                    self.labelled_paragraphs(&label, &paragraphs);
                }
                self.place = Place::Level;
                return;
            }
        }
        // The people who hold a role (`- @handle — project lead`): a roster, not expectations.
        // (A seat left open for the reader, "Your Name Here", among them.)
        let roster = items.iter().all(|item| {
            (names_a_person(&item.text) || is_open_seat(&item.text)) && item.children.is_empty()
        }) && items.iter().any(|item| names_a_person(&item.text));
        // A table of contents: links, one per bullet, to places on the page; or pointers to
        // the site's other pages ("Consulte: - [Data Engineering](../tracks/data.md#se-ii)").
        let contents = items
            .iter()
            .all(|item| only_a_link(&item.text).is_some() && item.children.is_empty())
            && (items
                .iter()
                .any(|item| only_a_link(&item.text).is_some_and(|target| target.starts_with('#')))
                || items.iter().all(|item| {
                    only_a_link(&item.text).is_some_and(|target| is_site_page(&target))
                }));
        // Under "Additional reading" or "Voting": reading material or a procedure's steps.
        let aside = matches!(&self.place, Place::Area(area)
            if is_resources_heading(area)
                || is_procedure_heading(area)
                || super::likeness::is_handling_heading(area)
                || is_aside_key(area)
                || is_roster_heading(area)
                || super::likeness::is_pitfalls_heading(area)
                || super::likeness::is_next_level_heading(area));
        if (roster || contents || aside) && matches!(self.place, Place::Level | Place::Area(_)) {
            if let Some(level) = self.current_level().filter(|_| roster) {
                level.roster = true;
            }
            let text = items
                .iter()
                .map(|item| list_item_markdown(item, 0))
                .collect::<Vec<_>>()
                .join("\n");
            self.describe_level(&text);
            return;
        }
        // Tracks of positions: `* **Track**` with nested `[*Title (Code):*](link) **Headline** text`.
        let positions = items.len() >= 2
            && items.iter().all(|item| {
                is_bold_label(&item.text)
                    && !item.children.is_empty()
                    && item
                        .children
                        .iter()
                        .all(|child| child.text.trim_start().starts_with('['))
            });
        if positions {
            for item in items {
                self.positions(item, line);
            }
            return;
        }
        let all_links = items
            .iter()
            .all(|item| item.text.starts_with('[') && item.children.is_empty());
        if self.place == Place::Summary
            && self.tracks.is_empty()
            && all_links
            && self.track_links.is_none()
        {
            let links = items
                .iter()
                .filter_map(|item| first_link(&item.text))
                .collect();
            let text = items
                .iter()
                .map(|item| list_item_markdown(item, 0))
                .collect::<Vec<_>>()
                .join("\n");
            self.track_links = Some((links, text));
            return;
        }
        match self.place.clone() {
            // Under an area heading (or a label line), `**Label**: text` bullets name areas
            // of their own; the heading groups them. Most bullets so labelled will do: an
            // unlabelled one among them ("Must be a community Member.") stays the group's.
            Place::Area(group)
                if {
                    let labelled = items
                        .iter()
                        .filter(|item| {
                            bold_key(&item.text).is_some() || bold_lead_in(item).is_some()
                        })
                        .count();
                    labelled == items.len()
                        || labelled >= 2 && labelled * 2 > items.len()
                        || items.len() >= 2 && items.iter().all(|item| plain_label(item).is_some())
                } =>
            {
                for item in items {
                    let labelled = bold_key(&item.text)
                        .or_else(|| bold_lead_in(item).map(|label| (label, String::new())))
                        .or_else(|| plain_label(item).map(|label| (label, String::new())));
                    let Some((key, value)) = labelled else {
                        self.add_item_tree(&group, item);
                        continue;
                    };
                    {
                        let area = self.area_name(&key);
                        self.area_groups
                            .entry(area.clone())
                            .or_insert(group.clone());
                        self.label_value(&area, &value, item);
                        for child in &item.children {
                            self.add_item_tree(&area, child);
                        }
                    }
                }
            }
            Place::Area(area) => {
                for item in items {
                    // Under "Experiência Esperada": "Entre 1 e 2 anos." is the level's
                    // experience.
                    if item.children.is_empty() && states_years_of_experience(&area, &item.text) {
                        self.key_value(&area, &item.text, line);
                        continue;
                    }
                    self.add_item_tree(&area, item);
                }
            }
            Place::Level if items.iter().all(|item| bold_key(&item.text).is_some()) => {
                for item in items {
                    if let Some((key, value)) = bold_key(&item.text) {
                        if leads_into_children(&value, item) {
                            self.describe_level(&format!("**{key}:** {value}"));
                        } else if !value.trim().is_empty() {
                            self.key_value(&key, &value, line);
                        }
                        let area = self.area_name(&key);
                        for child in &item.children {
                            self.add_item_tree(&area, child);
                        }
                    }
                }
            }
            Place::Level => {
                // Bullets of a level with no area heading: `- Area: text`, `- **Area**` over
                // nested bullets, or plain expectations. A plain `Label: text` names an area
                // only in a list most of whose bullets are so labelled: among sentences,
                // "Triage issues: add labels, …" is one more sentence.
                // `- **Technology - Adopts**` likewise names its area before a dash, in a
                // list most of whose bullets are so written.
                let labelled = items
                    .iter()
                    .filter(|item| {
                        labelled_item(item)
                            .or_else(|| self.dash_label(item))
                            .is_some()
                    })
                    .count();
                let labels_name_areas = labelled * 2 > items.len();
                for item in items {
                    let label = labelled_item(item)
                        .filter(|_| {
                            labels_name_areas
                                || bold_key(&item.text).is_some()
                                || is_bold_label(&item.text)
                        })
                        .or_else(|| self.dash_label(item).filter(|_| labels_name_areas));
                    match label {
                        // `- Defined by:` over its links: said about the level.
                        Some((area, _)) if is_aside_key(&area) => {
                            self.describe_level(&list_item_markdown(item, 0));
                        }
                        // `- **Experiencia esperada:** Entre 1 y 3 años.`: the level's
                        // experience, a fact of it, not an expectation.
                        Some((label, text)) if states_years_of_experience(&label, &text) => {
                            self.key_value(&label, &text, line);
                        }
                        Some((label, text)) => {
                            // `Impact ➡ Component: makes an impact on …`: the area, the
                            // level's step on it (said about the level), the expectation.
                            let area = match axis_and_step(&label) {
                                Some((axis, step)) => {
                                    self.describe_level(&format!("{axis}: {step}"));
                                    axis
                                }
                                None => label,
                            };
                            self.label_value(&area, &text, item);
                            for child in &item.children {
                                self.add_item_tree(&area, child);
                            }
                        }
                        None => self.add_item_tree(GENERAL_AREA, item),
                    }
                }
            }
            Place::TrackIntro
                if items.iter().all(|item| {
                    item.text.starts_with('[')
                        && link_target(&item.text).is_some_and(|t| t.starts_with('#'))
                }) =>
            {
                // A handbook's list of the track's levels: navigation, not content.
            }
            _ => {
                let text = items
                    .iter()
                    .map(|item| list_item_markdown(item, 0))
                    .collect::<Vec<_>>()
                    .join("\n");
                self.prose(&text, line);
            }
        }
    }

    /// What follows an area's label in a bullet (`**Qualifications:** text`): an expectation,
    /// or, when it leads into the bullets nested under it ("Some possible forms of
    /// contribution are:"), a lead-in that describes the level.
    fn label_value(&mut self, area: &str, value: &str, item: &Item) {
        if leads_into_children(value, item) {
            self.describe_level(&format!("**{area}:** {value}"));
        } else {
            self.add_expectation(area, value);
        }
    }

    /// An item and what is nested in it. A label over nested bullets (`Requirements:`,
    /// `Must have one of the following:` is a sentence, not a label) says nothing of its own:
    /// its children are the expectations. Any other item is one expectation, and the bullets
    /// nested in it are its examples (illustrations, details or options of that expectation);
    /// an `Examples:` item gives its children to the expectation before it.
    pub(super) fn add_item_tree(&mut self, area: &str, item: &Item) {
        let text = item.text.trim();
        // "See [Community Membership](…)": sends the reader elsewhere, expects nothing.
        if item.children.is_empty() && sends_elsewhere(text) {
            self.describe_level(text);
            return;
        }
        if !item.children.is_empty() && is_example_label(text) {
            let mut examples = Vec::new();
            for child in &item.children {
                collect_examples(child, &mut examples);
            }
            if !self.add_examples_to_last(area, examples.clone()) {
                for example in examples {
                    self.add_expectation(area, &example);
                }
            }
            return;
        }
        // An item of several paragraphs ("Commitment to the project. Specifically:", then a
        // paragraph on how it is shown, then examples): its first paragraph is the
        // expectation, the rest explains it.
        if let Some((first, rest)) = text.split_once("\n\n") {
            let mut examples: Vec<String> = rest
                .split("\n\n")
                .map(|paragraph| paragraph.split_whitespace().collect::<Vec<_>>().join(" "))
                .filter(|paragraph| !paragraph.is_empty())
                .collect();
            for child in &item.children {
                collect_examples(child, &mut examples);
            }
            self.add_expectation(area, first.trim());
            self.add_examples_to_last(area, examples);
            return;
        }
        // (A whole sentence before the lead-in, "Have made multiple contributions. They may
        // include:", is the expectation; the bullets after it are its examples.)
        let stem =
            is_list_label(text) || is_unfinished_sentence(text) && !opens_with_a_sentence(text);
        if text.is_empty() || !item.children.is_empty() && stem {
            // A stem ("Ensure the health of the subproject:") says something the bullets
            // complete: kept in the description, as a list's name would not need to be.
            if !text.is_empty() && !is_area_label_word(&plain(text)) && !is_example_label(text) {
                self.describe_level(text);
            }
            for child in &item.children {
                self.add_item_tree(area, child);
            }
            return;
        }
        let mut examples = Vec::new();
        for child in &item.children {
            collect_examples(child, &mut examples);
        }
        self.add_expectation(area, text);
        self.add_examples_to_last(area, examples);
    }

    pub(super) fn positions(&mut self, item: &Item, line: usize) {
        let name = plain(&item.text);
        self.tracks.push(TrackDraft {
            name,
            from_positions: true,
            ..TrackDraft::default()
        });
        for child in &item.children {
            let Some((label, url)) = first_link(&child.text) else {
                self.warn(
                    line,
                    format!(
                        "a position without a link, kept as its text: {}",
                        child.text
                    ),
                );
                self.push_level(LevelDraft {
                    title: plain(&child.text),
                    line,
                    ..LevelDraft::default()
                });
                continue;
            };
            let label = label.trim().trim_end_matches(':').trim().to_owned();
            let (title, code) = match label.rsplit_once(" (") {
                Some((title, code)) if code.ends_with(')') => (
                    title.to_owned(),
                    Some(code.trim_end_matches(')').to_owned()),
                ),
                _ => (label, None),
            };
            // After the link: `**Headline** description`.
            let after_link = child
                .text
                .split_once(&format!("]({url})"))
                .map_or("", |(_, rest)| rest)
                .trim();
            let (headline, description) = match after_link
                .strip_prefix("**")
                .and_then(|rest| rest.split_once("**"))
            {
                Some((headline, rest)) => (
                    Some(headline.to_owned()),
                    rest.trim_start_matches(',').trim().to_owned(),
                ),
                None => (None, after_link.to_owned()),
            };
            self.push_level(LevelDraft {
                title,
                code,
                headline,
                description: if description.is_empty() {
                    Vec::new()
                } else {
                    vec![description]
                },
                link: Some(url),
                line,
                ..LevelDraft::default()
            });
        }
        self.place = Place::Section;
    }
}

/// Whether a bullet names a person (`@masukai — project lead`, `[@octocat](…)`) rather than
/// saying something.
pub(super) fn names_a_person(text: &str) -> bool {
    if links_a_profile(text) || super::reading::names_by_address(text) {
        return true;
    }
    let shown = plain(text);
    let shown = shown.trim();
    let handle = |rest: &str| rest.starts_with(|c: char| c.is_alphanumeric());
    // `@octocat — lead`, or `Yu Sun (@shalousun)`: a name with a handle after it.
    shown.strip_prefix('@').is_some_and(handle)
        || shown.split_whitespace().count() <= 6
            && shown.ends_with([')', '）'])
            && shown
                .split_once(['(', '（'])
                .is_some_and(|(_, inside)| inside.trim().strip_prefix('@').is_some_and(handle))
}

/// Whether a roster's line is a seat left open ("Your Name Here", "You?", "Vacant").
fn is_open_seat(text: &str) -> bool {
    let lower = plain(text)
        .trim()
        .trim_end_matches(['.', '!'])
        .to_lowercase();
    matches!(
        lower.as_str(),
        "your name here" | "your name" | "you?" | "you" | "vacant" | "open seat" | "(vacant)"
    ) || NOBODY_YET.contains(&lower.as_str())
}

/// Words that say a role has nobody in it yet.
const NOBODY_YET: &[&str] = &[
    "暂无",
    "无",
    "なし",
    "없음",
    "none",
    "none yet",
    "nobody",
    // The other languages' "none (yet)", "nobody".
    "尚无",
    "暫無",
    "尚無",
    "無",
    "まだいません",
    "없습니다",
    "keine",
    "keiner",
    "niemand",
    "noch niemand",
    "aucun",
    "personne",
    "nadie",
    "ninguno",
    "ninguém",
    "nenhum",
    "nessuno",
    "ningú",
    "nog niemand",
    "geen",
    "ingen",
    "ingen ännu",
    "ingen endnu",
    "ingen ennå",
    "ei ketään",
    "ei vielä",
    "brak",
    "nikt",
    "nikdo",
    "zatím nikdo",
    "nikto",
    "zatiaľ nikto",
    "senki",
    "nincs",
    "nimeni",
    "нет",
    "никого",
    "пока нет",
    "пока никого",
    "немає",
    "нікого",
    "поки немає",
    "κανένας",
    "κανείς",
    "yok",
    "henüz yok",
    "kimse",
    "belum ada",
    "tidak ada",
    "chưa có",
    "không có",
    "ไม่มี",
    "لا يوجد",
    "لا أحد",
    "هیچ",
    "هیچ‌کس",
    "אין",
    "אין עדיין",
    "कोई नहीं",
    "কেউ নেই",
];

/// Whether a token is someone's handle (`lvjing2`, `TomorJM`, `caojie0911`): one word of
/// letters, digits, `-`, `_` or `.`, with a digit, a capital inside, or all in lower case.
fn is_handle(token: &str) -> bool {
    let token = token.trim().trim_start_matches('@');
    is_handle_like(token)
        && (token.chars().any(|c| c.is_ascii_digit())
            || token.chars().skip(1).any(|c| c.is_ascii_uppercase())
            || token.chars().all(|c| !c.is_ascii_uppercase()))
}

/// Whether a word could be a handle: letters, digits, `-`, `_`, `.`, 3 to 39 of them.
fn is_handle_like(word: &str) -> bool {
    let word = word.trim_start_matches('@');
    (3..=39).contains(&word.chars().count())
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        && !word.ends_with('.')
}

/// Whether a paragraph lists people by handle, one a line, or says nobody holds the role yet.
fn is_roster_paragraph(text: &str, repeated_role: bool) -> bool {
    let lines: Vec<&str> = super::cells::broken_lines(text)
        // A Markdown hard break (`\` at the line's end) is no part of the name.
        .map(|line| line.trim().trim_end_matches('\\').trim())
        .filter(|line| !line.is_empty())
        .collect();
    if let [only] = lines.as_slice() {
        if NOBODY_YET.contains(&only.to_lowercase().as_str()) || is_handle(only) {
            return true;
        }
        // Handles run together on one line (`<br>` read as a space): most words handles,
        // and enough of them plainly so (a digit, a capital inside) or many.
        // Notes in brackets beside a name (`FlyAbner （260+ 行提交）`) are no words of it.
        let mut unnoted = String::new();
        let mut depth = 0usize;
        for c in only.chars() {
            match c {
                '(' | '（' | '[' => depth += 1,
                ')' | '）' | ']' => depth = depth.saturating_sub(1),
                _ if depth == 0 => unnoted.push(c),
                _ => {}
            }
        }
        let words: Vec<&str> = unnoted.split_whitespace().collect();
        let handles = words.iter().filter(|word| is_handle_like(word)).count();
        let marked = words
            .iter()
            .filter(|word| {
                is_handle_like(word)
                    && (word.chars().any(|c| c.is_ascii_digit())
                        || word.chars().skip(1).any(|c| c.is_ascii_uppercase()))
            })
            .count();
        // (A sentence's words are no handles: "You can estimate …" has none marked.)
        return words.len() >= 2
            && !only.ends_with(['.', '。', '!', '?'])
            && handles * 5 >= words.len() * 4
            && (repeated_role || marked * 10 >= words.len() * 3);
    }
    // A handle alone on its line, or with a note in brackets (`FlyAbner （260+ 行提交）`).
    let handles = lines
        .iter()
        .filter(|line| {
            let (first, rest) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
            let rest = rest.trim();
            is_handle(first) && (rest.is_empty() || rest.starts_with(['(', '（', '[']))
        })
        .count();
    lines.len() >= 2 && handles * 5 >= lines.len() * 4
}

/// Code hosts whose `host/name` pages are people's profiles.
const PROFILE_HOSTS: &[&str] = &["github.com/", "gitlab.com/", "gitee.com/", "codeberg.org/"];

/// A flat list whose items written with a bullet of their own ("- Test levels: …") follow
/// an item that leads into them ("Knows the difference between:"): the same list with those
/// items under the lead-in, their bullets dropped. None when the list has no such run.
fn written_sub_items(items: &[Item]) -> Option<Vec<Item>> {
    let written = |item: &Item| {
        item.children.is_empty() && super::cells::strip_bullet(&item.text) != item.text.trim()
    };
    let leads_in =
        |item: &Item| item.children.is_empty() && item.text.trim_end().ends_with([':', '：']);
    let any = items
        .windows(2)
        .any(|pair| leads_in(&pair[0]) && written(&pair[1]));
    if !any {
        return None;
    }
    let mut out: Vec<Item> = Vec::new();
    // Whether the last item kept leads into the written items after it.
    let mut leading = false;
    for item in items {
        match out.last_mut() {
            Some(lead) if leading && written(item) => lead.children.push(Item {
                text: super::cells::strip_bullet(&item.text).to_owned(),
                children: Vec::new(),
            }),
            _ => {
                leading = leads_in(item);
                out.push(item.clone());
            }
        }
    }
    Some(out)
}

/// The most characters of a label written without spaces (`申请方法`) over its paragraphs.
const MAX_UNSPACED_LABEL_CHARS: usize = 12;

/// A list whose every item (two or more) is a short label over paragraphs inside the item
/// (`- 目的\n\n    旨在 …`): each label with its paragraphs. None for any other list.
fn labels_over_paragraphs(items: &[Item]) -> Option<Vec<(String, Vec<String>)>> {
    if items.len() < 2 {
        return None;
    }
    items
        .iter()
        .map(|item| {
            if !item.children.is_empty() {
                return None;
            }
            let (label, said) = item.text.split_once("\n\n")?;
            let label = plain(label).trim().to_owned();
            let words = label.split_whitespace().count();
            let short = (1..=super::assemble::RECURRING_LABEL_WORDS).contains(&words)
                && (words > 1 || label.chars().count() <= MAX_UNSPACED_LABEL_CHARS)
                && !label.ends_with(['.', '。', ':', '：', '!', '?', '？'])
                && !label.contains("](");
            let paragraphs: Vec<String> = said
                .split("\n\n")
                .map(|paragraph| paragraph.trim().to_owned())
                .filter(|paragraph| !paragraph.is_empty())
                .collect();
            (short && !paragraphs.is_empty()).then_some((label, paragraphs))
        })
        .collect()
}

/// Whether a paragraph is only an image (`![PR 模板](…)`): nothing to read as text.
pub(super) fn only_an_image(text: &str) -> bool {
    let text = text.trim();
    text.starts_with("![") && text.ends_with(')') && !text[2..].contains("![")
}

impl Interpreter {
    /// A label's paragraphs inside a list item: its area's expectations; what leaves a role,
    /// a procedure, or an aside is said about the level; an image and the lead-in before it
    /// ("参考模版如下：") are said about it too.
    fn labelled_paragraphs(&mut self, label: &str, paragraphs: &[String]) {
        let aside = is_aside_key(label)
            || is_procedure_heading(label)
            || is_resources_heading(label)
            || super::likeness::is_pitfalls_heading(label)
            || super::likeness::is_handling_heading(label);
        for paragraph in paragraphs {
            let leaving = super::likeness::is_becoming_heading(label)
                && !super::likeness::states_a_requirement(paragraph);
            if aside
                || leaving
                || only_an_image(paragraph)
                || super::likeness::reads_as_lead_in(paragraph)
            {
                self.describe_level(&format!("**{label}:** {paragraph}"));
            } else {
                self.add_expectation(label, paragraph);
            }
        }
    }
}

/// Whether a link's target is another page of the same site (`../tracks/data.md#se-ii`,
/// `Product%20Manager%205.md`, `/levels/l2`): a relative path to a document or a path from
/// the site's root, not a place on the web.
fn is_site_page(target: &str) -> bool {
    let path = target.split('#').next().unwrap_or_default().to_lowercase();
    // (`/levels/l2`, `/`: a path from the site's root.)
    let from_root = path.starts_with('/') && !path.starts_with("//");
    !target.contains("://")
        && !target.starts_with("mailto:")
        && (from_root
            || [".md", ".markdown", ".html", ".htm", ".rst", ".adoc"]
                .iter()
                .any(|extension| path.ends_with(extension)))
}

/// Whether a bullet is only a link to a person's profile on a code host
/// (`[xen0n](https://github.com/xen0n)`), maybe with a few words after it.
fn links_a_profile(text: &str) -> bool {
    let Some(target) = only_a_link(text.trim()).or_else(|| first_link(text).map(|(_, url)| url))
    else {
        return false;
    };
    let path = target
        .trim_start_matches("https://")
        .trim_start_matches("http://")
        .trim_start_matches("www.")
        .trim_end_matches('/');
    let rest = plain(text);
    PROFILE_HOSTS.iter().any(|host| {
        path.strip_prefix(host)
            .is_some_and(|name| !name.is_empty() && !name.contains('/'))
    }) && rest.split_whitespace().count() <= 6
}

/// Whether the text after a bullet's label introduces the bullets nested in it: it ends with a
/// colon, and they follow.
fn leads_into_children(value: &str, item: &Item) -> bool {
    !item.children.is_empty() && value.trim_end().ends_with([':', '：'])
}

/// A bold name leading into the bullets nested under it (`**和上游社区合作**，包括：`,
/// `**Work with upstream**, including:`): the name, an area's label.
fn bold_lead_in(item: &Item) -> Option<String> {
    if item.children.is_empty() {
        return None;
    }
    let rest = item.text.trim().strip_prefix("**")?;
    let (label, after) = rest.split_once("**")?;
    let after = after.trim();
    let short = after.chars().count() <= 16 && !after.contains("**");
    (short && after.ends_with([':', '：']) && !label.trim().is_empty())
        .then(|| plain(label).trim().to_owned())
}

/// Arrows a label puts between an axis and the level's step on it (`Impact ➡ Component`).
const STEP_ARROWS: &[&str] = &["➡", "→", "->", "⇒", "➔", "⟶"];

/// A label that names an axis and the level's step on it (`Impact ➡ Component`,
/// `Scope → Team`): the axis and the step.
fn axis_and_step(label: &str) -> Option<(String, String)> {
    let label = plain(label)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let (axis, step) = STEP_ARROWS
        .iter()
        .find_map(|arrow| label.split_once(&format!(" {arrow} ")))?;
    let (axis, step) = (axis.trim(), step.trim());
    (!axis.is_empty() && !step.is_empty()).then(|| (axis.to_owned(), step.to_owned()))
}

/// A bullet that names an area: `**Area**: text`, `Area: text`, `**Area**` or `Area:` over
/// nested bullets. The label is short (a name, not a sentence).
fn labelled_item(item: &Item) -> Option<(String, String)> {
    let text = item.text.trim();
    if let Some((key, value)) = bold_key(text) {
        return Some((key, value));
    }
    // (A sentence set in bold over its details, "**Você está iniciando sua jornada.**", is
    // one expectation, not a label.)
    if is_bold_label(text) && !item.children.is_empty() && !super::reading::is_sentence_title(text)
    {
        return Some((
            plain(text).trim_end_matches(':').trim().to_owned(),
            String::new(),
        ));
    }
    if let Some(label) = bold_lead_in(item) {
        return Some((label, String::new()));
    }
    let has_children = !item.children.is_empty();
    // `Requirements` over nested bullets, with no colon: a word that names such a list.
    if has_children && is_area_label_word(&plain(text)) {
        let label = plain(text);
        return Some((
            label.trim().trim_end_matches([':', '：']).trim().to_owned(),
            String::new(),
        ));
    }
    if let Some(label) = plain_label(item) {
        return Some((label, String::new()));
    }
    // ASCII or full-width colon (`要求：`); not one between digits ("Runs weekly 1:1s").
    let at = text.find([':', '：'])?;
    if super::colon_between_digits(text, at) {
        return None;
    }
    let (label, rest) = text.split_at(at);
    let rest = rest
        .strip_prefix(':')
        .or_else(|| rest.strip_prefix('：'))
        .unwrap_or(rest);
    let label = plain(label);
    // (`Impact ➡ Program (Multiple Streams)`: the axis is the name.)
    let words = axis_and_step(&label).map_or_else(
        || label.split_whitespace().count(),
        |(axis, _)| axis.split_whitespace().count(),
    );
    let rest = rest.trim();
    // `Area: text` keeps to a short name; a label over nested bullets may be a phrase
    // (`How users can get involved with the community:`).
    let most_words = if rest.is_empty() && has_children {
        9
    } else {
        4
    };
    let short = (1..=most_words).contains(&words) && label.chars().count() <= 80;
    let named = label
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || !c.is_alphabetic() || !c.is_ascii());
    // `Area:` over nested bullets, or `Area: text` (not a URL, not a time).
    let plausible = short
        && named
        && !label.contains("http")
        && (rest.is_empty() && has_children || !rest.is_empty() && !rest.starts_with("//"));
    plausible.then(|| (label.trim_matches('*').trim().to_owned(), rest.to_owned()))
}

/// Dashes a bullet puts between its area's name and its text (`Technology - Adopts`).
const LABEL_DASHES: &[&str] = &[" - ", " – ", " — "];

/// The most words of an area's name before a dash: a name, not a clause ("Code review").
const DASH_LABEL_WORDS: usize = 3;

/// A bullet naming its area before a spaced dash, wholly in bold or not
/// (`**[Technology](README.md#technology) - Adopts**`, `People – Mentors others`): the
/// area's name and the text after the dash. Only a short name that starts as a name does.
fn dash_labelled(item: &Item) -> Option<(String, String)> {
    let text = item.text.trim();
    let inner = if is_bold_label(text) {
        &text[2..text.len() - 2]
    } else {
        text
    };
    let (label, rest) = LABEL_DASHES
        .iter()
        .filter_map(|dash| inner.split_once(dash))
        .min_by_key(|(label, _)| label.len())?;
    let label = plain(label).trim().to_owned();
    let rest = rest.trim();
    let words = label.split_whitespace().count();
    let named = label
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || !c.is_ascii() && c.is_alphabetic());
    let fits = (1..=DASH_LABEL_WORDS).contains(&words)
        && label.chars().count() <= 40
        && named
        && !label.ends_with(['.', ',', ';', ':', '：'])
        && !rest.is_empty();
    fits.then(|| (label, rest.to_owned()))
}

/// The names bullets write before a dash ([`dash_labelled`]) in two lists or more: a ladder
/// that names each level's areas so names the same areas under every level, where a list of
/// kinds ("Porter Maintainer - This is someone who …") names each once.
pub(super) fn recurring_dash_labels(blocks: &[Block]) -> HashSet<String> {
    let mut lists: HashMap<String, usize> = HashMap::new();
    for block in blocks {
        if let Block::List { items, .. } = block {
            let own: HashSet<String> = items
                .iter()
                .filter_map(|item| dash_labelled(item).map(|(label, _)| label))
                .collect();
            for label in own {
                *lists.entry(label).or_default() += 1;
            }
        }
    }
    lists
        .into_iter()
        .filter(|&(_, n)| n >= 2)
        .map(|(label, _)| label)
        .collect()
}

impl Interpreter {
    /// A bullet's area and text when it names one of the document's recurring areas before a
    /// dash ([`recurring_dash_labels`]).
    fn dash_label(&self, item: &Item) -> Option<(String, String)> {
        dash_labelled(item).filter(|(label, _)| self.dash_labels.contains(label))
    }
}

/// `開発スキル` / `Documentation` over nested bullets: a name alone, no sentence, labels them.
fn plain_label(item: &Item) -> Option<String> {
    let text = plain(&item.text);
    (!item.children.is_empty() && is_short_name(&text)).then(|| text.trim().to_owned())
}

/// Whether a text is a short name, no sentence: three words at most (twelve characters in a
/// script written without spaces), nothing that ends or joins clauses.
fn is_short_name(text: &str) -> bool {
    let text = text.trim();
    let unspaced = !text.contains(' ') && text.chars().any(|c| !c.is_ascii() && c.is_alphabetic());
    let short = if unspaced {
        text.chars().count() <= 12
    } else {
        text.split_whitespace().count() <= 3 && text.chars().count() <= 30
    };
    short
        && !text.is_empty()
        && !text.ends_with([
            '.', '。', ':', '：', '!', '?', '！', '？', ',', '，', '、', ';',
        ])
        && !text.contains(['(', '（', '`', '['])
}

/// An item nested in an expectation and what is nested in it, as that expectation's examples
/// (an `Examples:` label itself is not one).
pub(super) fn collect_examples(item: &Item, examples: &mut Vec<String>) {
    let text = item.text.trim();
    let introduces_examples = is_example_label(text) && !item.children.is_empty();
    if !text.is_empty() && !introduces_examples {
        examples.push(text.to_owned());
    }
    for child in &item.children {
        collect_examples(child, examples);
    }
}

/// Labels that introduce examples of the expectation above them, in the languages ladders are
/// written in (compared without case and without a final colon).
const EXAMPLE_LABELS: &[&str] = &[
    "examples",
    "example",
    "e.g.",
    "eg",
    "e.g",
    "for example",
    "for instance",
    "such as",
    "example behaviors",
    "example behaviours",
    "example tasks",
    "beispiele",
    "beispiel",
    "z. b.",
    "z.b.",
    "zum beispiel",
    "exemples",
    "exemple",
    "par exemple",
    "ejemplos",
    "ejemplo",
    "por ejemplo",
    "exemplos",
    "exemplo",
    "por exemplo",
    "例",
    "例えば",
    "具体例",
    "示例",
    "例如",
    "举例",
    "예시",
    "예",
    "예를 들어",
    "أمثلة",
    "مثال",
    "דוגמאות",
    "דוגמה",
    "voorbeelden",
    "voorbeeld",
    "bijvoorbeeld",
    "esempi",
    "esempio",
    "ad esempio",
    "przykłady",
    "przykład",
    "na przykład",
    "exempel",
    "till exempel",
    "eksempler",
    "eksempel",
    "esimerkit",
    "esimerkki",
    "příklady",
    "příklad",
    "примеры",
    "пример",
    "например",
    "приклади",
    "приклад",
    "örnekler",
    "örnek",
    "ví dụ",
    "contoh",
    "misalnya",
    "ตัวอย่าง",
    "उदाहरण",
];

/// The examples a line gives after an example label (`例：ソースコントロール、エディタ`,
/// `e.g. feature flags`), without the label; `None` when it starts with none.
pub(super) fn after_example_label(text: &str) -> Option<String> {
    let text = plain(text);
    let trimmed = text.trim();
    let lower = trimmed.to_lowercase();
    EXAMPLE_LABELS.iter().find_map(|label| {
        let rest = lower.strip_prefix(label)?;
        let after = rest.strip_prefix([':', '：']).or_else(|| {
            // `e.g. …` needs no colon.
            (label.ends_with('.') && rest.starts_with(' ')).then_some(rest)
        })?;
        let start = trimmed.len() - after.len();
        let examples = trimmed.get(start..)?.trim();
        (!examples.is_empty()).then(|| examples.to_owned())
    })
}

/// Whether a bullet only introduces examples (`Examples:`, `e.g.:`, `例：`).
pub(super) fn is_example_label(text: &str) -> bool {
    let label = plain(text)
        .trim()
        .trim_end_matches([':', '：'])
        .trim()
        .to_lowercase();
    EXAMPLE_LABELS.contains(&label.as_str())
}

/// Whether a bullet over nested bullets only names them: a few words ending in a colon
/// (`Requirements:`, `要求：`), or a word that names such a list without one. A longer text
/// ending in a colon is a sentence of its own ("Must have contributed, including one of the
/// following:") whose nested bullets are its options.
fn is_list_label(text: &str) -> bool {
    let text = plain(text);
    let text = text.trim();
    if is_area_label_word(text) {
        return true;
    }
    let Some(label) = text.strip_suffix([':', '：']) else {
        return false;
    };
    let words = label.split_whitespace().count();
    let unspaced = label.chars().filter(|c| !c.is_ascii()).count() > label.len() / 6;
    if unspaced {
        label.chars().count() <= 12
    } else {
        words <= 5
    }
}

/// How long a level's code or grade is at most (`IC 5 / Manager 4`).
const LEVEL_FACT_CHARACTERS: usize = 30;

/// How a bullet that only sends the reader to another page starts, lowercased.
const SEND_WORDS: &[&str] = &[
    "see ",
    "refer to ",
    "please refer",
    "siehe ",
    "voir ",
    "consulte ",
    "véase ",
    "参见",
    "请参阅",
    "请参考",
    "参考",
    "詳細は",
    "参照",
];

/// Whether a bullet only sends the reader elsewhere: it starts so, and ends with its link (or
/// "… for details"); "See the [guide](…) and review daily" goes on to expect something.
fn sends_elsewhere(text: &str) -> bool {
    let lower = text.to_lowercase();
    let Some(link) = lower.rfind("](") else {
        return false;
    };
    let after = lower[link..]
        .find(')')
        .map_or("", |close| lower[link + close + 1..].trim());
    let ends_there = after.chars().all(|c| !c.is_alphanumeric())
        || ["for ", "für ", "pour ", "para "]
            .iter()
            .any(|word| after.starts_with(word));
    SEND_WORDS.iter().any(|word| lower.starts_with(word))
        && ends_there
        && plain(text).chars().count() <= 120
}

/// Words an unfinished sentence ends with, its nested bullets completing it ("The code you
/// contribute should" over "- be well tested"): a modal or an auxiliary, lowercased.
const UNFINISHED_ENDINGS: &[&str] = &[
    " should",
    " must",
    " will",
    " can",
    " shall",
    " is expected to",
    " are expected to",
    " sollte",
    " sollten",
    " muss",
    " müssen",
    " deve",
    " devem",
    " debe",
    " deben",
    " doit",
    " doivent",
    "应该",
    "应当",
    "必须",
    "需要",
    "能够",
    "べき",
    "必要がある",
    // A preposition before the colon: the sentence needs its bullets ("… maintain the health
    // of the project through:"). "…, including:" is a whole sentence whose bullets are
    // examples.
    " through:",
    " by:",
    " via:",
    " of:",
    " to:",
    " with:",
    " for:",
    " on:",
    " in:",
    " durch:",
    " mit:",
    " por:",
    " par:",
    " com:",
];

/// Whether an item's text is a sentence its nested bullets complete.
fn is_unfinished_sentence(text: &str) -> bool {
    let lower = plain(text).trim().to_lowercase();
    // (A modal is the sentence's end with a colon after it too: "… the Tech Lead will:".)
    let unpunctuated = lower.trim_end_matches([':', '：']);
    UNFINISHED_ENDINGS.iter().any(|ending| {
        let said = if ending.ends_with(':') {
            lower.as_str()
        } else {
            unpunctuated
        };
        said.ends_with(ending) && (!ending.starts_with(' ') || said.len() > ending.len())
    })
}

/// The fewest words of a sentence that stands before a lead-in in one bullet.
const OPENING_SENTENCE_WORDS: usize = 4;

/// Whether a text opens with a whole sentence before what follows it: a sentence of
/// [`OPENING_SENTENCE_WORDS`] or more, ended by a full stop before a capital (`… community.
/// Contributions may include:`) or by an ideographic one (`。`).
fn opens_with_a_sentence(text: &str) -> bool {
    let text = plain(text);
    let text = text.trim();
    let ends = text.char_indices().filter_map(|(at, c)| {
        let after = text[at + c.len_utf8()..].trim_start();
        let ended = match c {
            '。' | '！' | '？' => !after.is_empty(),
            '.' | '!' | '?' => {
                text[at + c.len_utf8()..].starts_with(' ')
                    && after.chars().next().is_some_and(char::is_uppercase)
            }
            _ => false,
        };
        ended.then_some(at)
    });
    ends.into_iter().any(|at| {
        let sentence = &text[..at];
        sentence.split_whitespace().count() >= OPENING_SENTENCE_WORDS
            || sentence.chars().filter(|c| !c.is_ascii()).count() >= 8
    })
}

/// Labels of a note about a level rather than one of its expectations (`**Note:**`,
/// `**Defined by:**`), lowercased, in the languages ladders are written in.
const ASIDE_KEYS: &[&str] = &[
    // Where the role sits: whom it reports to, how many it leads, its band (facts of the
    // role, the same sort of line on every level's page).
    "reports to",
    "reporting to",
    "reporting line",
    "direct reports",
    "team size",
    "salary band",
    "pay band",
    "berichtet an",
    "reporta a",
    "reporta para",
    "rapporte à",
    "汇报对象",
    "汇报给",
    "上長",
    "보고 대상",
    // The hours a role takes: a fact about the role, not what it expects.
    "commitment",
    "commitment level",
    "estimated commitment level",
    "time commitment",
    "estimated time commitment",
    "expected time commitment",
    "time required",
    "note",
    "notes",
    "nb",
    "n.b.",
    "defined by",
    "definiert durch",
    "definido por",
    "défini par",
    "定义",
    "定义在",
    "定义于",
    "定義",
    "정의",
    "hinweis",
    "anmerkung",
    "beachte",
    "nota",
    "observação",
    "observación",
    "remarque",
    "注",
    "注意",
    "备注",
    "注記",
    "注意事項",
    "참고",
    "비고",
    "ملاحظة",
    "הערה",
    // Notes, remarks and reporting lines in the other languages.
    "ملاحظات",
    "ملحوظة",
    "تنبيه",
    "يرفع تقاريره إلى",
    "نکته",
    "توجه",
    "یادداشت",
    "گزارش به",
    "הערות",
    "שימו לב",
    "מדווח ל",
    "नोट",
    "टिप्पणी",
    "ध्यान दें",
    "নোট",
    "টীকা",
    "দ্রষ্টব্য",
    "หมายเหตุ",
    "ข้อสังเกต",
    "รายงานต่อ",
    "ghi chú",
    "lưu ý",
    "chú ý",
    "báo cáo cho",
    "catatan",
    "perhatian",
    "melapor kepada",
    "melapor ke",
    "σημείωση",
    "σημειώσεις",
    "παρατήρηση",
    "αναφέρεται σε",
    "poznámka",
    "poznámky",
    "pozn.",
    "nadřízený",
    "nadriadený",
    "примітка",
    "примітки",
    "зауваження",
    "підпорядкування",
    "примечание",
    "примечания",
    "замечание",
    "подчинение",
    "подчиняется",
    "uwaga",
    "uwagi",
    "notatka",
    "raportuje do",
    "podlega",
    "megjegyzés",
    "megjegyzések",
    "megj.",
    "notă",
    "observație",
    "observaţie",
    "raportează către",
    "opmerking",
    "noot",
    "let op",
    "rapporteert aan",
    "bemærk",
    "bemærkning",
    "rapporterer til",
    "merk",
    "merknad",
    "obs",
    "anmärkning",
    "notera",
    "rapporterar till",
    "huom",
    "huom.",
    "huomio",
    "huomautus",
    "raportoi",
    "observació",
    "notlar",
    "dikkat",
    "osservazione",
    "riporta a",
    "notas",
    "observaciones",
    "definido en",
    "dedicación",
    "observações",
    "definido em",
    "dedicação",
    "à noter",
    "rattaché à",
    "défini dans",
    "anmerkungen",
    "hinweise",
    "zeitaufwand",
    "definiert in",
    "berichtslinie",
    "備考",
    "メモ",
    "補足",
    "注釈",
    "報告先",
    "註",
    "備註",
    "注释",
    "註釋",
    "匯報對象",
    "時間投入",
    "时间投入",
    "메모",
    "주의",
    "주의사항",
];

/// Whether a heading is over the people who hold a role ("Current TSC Members", "Current
/// maintainers", "Roster", "现任成员"): what it lists are names, not expectations.
pub(super) fn is_roster_heading(title: &str) -> bool {
    let lower = plain(title).trim().to_lowercase();
    let current = [
        "current ",
        "actuels ",
        "actuelles ",
        "actuales ",
        "atuais ",
        "aktuelle ",
        "derzeitige ",
    ];
    current.iter().any(|word| lower.starts_with(word))
        || lower.split_whitespace().any(|word| word == "roster")
        // ("当前 PMC 成员", "現在のメンバー", "현재 메인테이너": the current holders.)
        || ["现任", "現任", "当前", "當前", "目前的", "現在の", "현재", "名单", "名單", "メンバー一覧", "명단"]
            .iter()
            .any(|word| lower.contains(word))
}

/// Words of a label that names the experience a level asks (`Experiencia esperada`, `Years of
/// experience`), lowercased.
const EXPERIENCE_WORDS: &[&str] = &[
    "experience",
    "experiencia",
    "experiência",
    "expérience",
    "esperienza",
    "erfahrung",
    "berufserfahrung",
    "ervaring",
    "опыт",
    "経験",
    "经验",
    "經驗",
    "경력",
    // ("zkušenost" and "skúsenost" are in "zkušenosti", "skúsenosti".)
    "досвід",
    "doświadczenie",
    "zkušenost",
    "skúsenost",
    "tapasztalat",
    "experiență",
    "experienţă",
    "experienta",
    "erfaring",
    "erfarenhet",
    "kokemus",
    "experiència",
    "deneyim",
    "tecrübe",
    "pengalaman",
    "kinh nghiệm",
    "εμπειρία",
    "خبرة",
    "سابقه",
    "تجربه",
    "ניסיון",
    "अनुभव",
    "অভিজ্ঞতা",
    "ประสบการณ์",
    "年資",
    "年资",
    "경험",
    "연차",
    // Years of work ("参考工作年限", "経験年数").
    "年限",
    "年数",
    "年數",
    "근속",
];

/// Words of a value that counts years (`Entre 1 y 3 años`, `5+ years`), lowercased.
const YEAR_WORDS: &[&str] = &[
    "year",
    "years",
    "yrs",
    "años",
    "año",
    "anos",
    "ano",
    "ans",
    "an",
    "jahr",
    "jahre",
    "jahren",
    "jaar",
    "jaren",
    "anni",
    "anno",
    "лет",
    "года",
    "год",
    "années",
    "année",
    "anys",
    "ani",
    "år",
    "vuosi",
    "vuotta",
    "vuoden",
    "rok",
    "roky",
    "roků",
    "rokov",
    "lata",
    "lat",
    "év",
    "éves",
    "évnyi",
    "рік",
    "роки",
    "років",
    "έτη",
    "έτος",
    "χρόνια",
    "yıl",
    "sene",
    "tahun",
    "năm",
    "ปี",
    "سنة",
    "سنوات",
    "سنين",
    "عام",
    "أعوام",
    "سال",
    "שנים",
    "שנה",
    "שנות",
    "साल",
    "বছর",
];

/// Whether a label and its value state the years of experience a level asks ("Experiencia
/// esperada: Entre 1 y 3 años"): a label naming experience over a value counting years.
/// Whether a label names experience or years of work ("Typical experience", "参考工作年限").
pub(super) fn names_experience(label: &str) -> bool {
    let label = plain(label).to_lowercase();
    EXPERIENCE_WORDS.iter().any(|word| label.contains(word))
}

pub(super) fn states_years_of_experience(label: &str, value: &str) -> bool {
    let label = plain(label).to_lowercase();
    let value = plain(value).to_lowercase();
    let names_experience = names_experience(&label);
    let words: Vec<&str> = value
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .collect();
    let counts_years = value.chars().any(|c| c.is_ascii_digit())
        && (words.iter().any(|word| YEAR_WORDS.contains(word))
            || ["年", "년"].iter().any(|year| value.contains(year)));
    // (A bare span under a label that says it is years, "**Years of experience:** 0-2",
    // is one too.)
    names_experience && counts_years || gives_years_of_experience(&label, &value)
}

/// The most characters of a column's cell that gives a level's years ("0–2", "5+ years").
const YEARS_CELL_CHARS: usize = 16;

/// Whether a column of a table of levels gives each level's years of experience: its header
/// names years or experience ("Years", "Years of experience", "Erfahrung") and the cell is a
/// span of years and nothing else ("0–2", "2-5", "5+", "3+ years"): the level's experience,
/// not an expectation.
/// A number's year words written without a space after it ("3年以上", "1年目", "5년차").
const YEARS_UNSPACED: &[&str] = &[
    "年",
    "年以上",
    "年目",
    "年目以上",
    "年〜",
    "年目〜",
    "年以上〜",
    "년",
    "년차",
    "년이상",
];

/// Words around a span of years that bound it ("5 years or more", "5년 이상", "mind. 3
/// Jahre"), lowercased.
const YEARS_QUALIFIERS: &[&str] = &[
    "or",
    "more",
    "plus",
    "over",
    "least",
    "at",
    "min",
    "mind",
    "mindestens",
    "mehr",
    "más",
    "mais",
    "ou",
    "o",
    "und",
    "이상",
    "以上",
    "以下",
    "未満",
    "이하",
    "미만",
];

pub(super) fn gives_years_of_experience(label: &str, value: &str) -> bool {
    let label = plain(label).to_lowercase();
    let value = plain(value).trim().to_lowercase();
    let names_years = label
        .split(|c: char| !c.is_alphanumeric())
        .any(|word| YEAR_WORDS.contains(&word))
        || EXPERIENCE_WORDS.iter().any(|word| label.contains(word));
    let only_years = value
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .all(|word| {
            let unit = word.trim_start_matches(|c: char| c.is_ascii_digit());
            word.chars().all(|c| c.is_ascii_digit())
                || YEAR_WORDS.contains(&word)
                || YEARS_QUALIFIERS.contains(&word)
                || unit.len() < word.len() && YEARS_UNSPACED.contains(&unit)
        });
    names_years
        && only_years
        && value.chars().any(|c| c.is_ascii_digit())
        && value.chars().count() <= YEARS_CELL_CHARS
}

/// Labels of a level's facts, not of its expectations (`Experience: 2+ years`, `Code: IC3`),
/// lowercased: [`Interpreter::key_value`] reads them into the level's fields.
pub(super) const LEVEL_FACT_KEYS: &[&str] = &[
    "code",
    "grade",
    "experience",
    "level",
    "title",
    "required title",
    "requires",
    "includes",
    "also titled",
    "also known as",
    "aka",
    // A level's rung and experience in the other languages (kept in its description).
    "stufe",
    "erfahrung",
    "berufserfahrung",
    "niveau",
    "expérience",
    "nivel",
    "experiencia",
    "nível",
    "experiência",
    "livello",
    "esperienza",
    "nivell",
    "experiència",
    "ervaring",
    "erfaring",
    "nivå",
    "erfarenhet",
    "taso",
    "kokemus",
    "poziom",
    "doświadczenie",
    "úroveň",
    "zkušenosti",
    "skúsenosti",
    "szint",
    "tapasztalat",
    "experiență",
    "уровень",
    "грейд",
    "опыт",
    "рівень",
    "досвід",
    "επίπεδο",
    "εμπειρία",
    "seviye",
    "deneyim",
    "tingkat",
    "pengalaman",
    "cấp độ",
    "kinh nghiệm",
    "ระดับ",
    "ประสบการณ์",
    "المستوى",
    "الخبرة",
    "سنوات الخبرة",
    "سطح",
    "سابقه کار",
    "רמה",
    "דרגה",
    "ניסיון",
    "स्तर",
    "अनुभव",
    "স্তর",
    "অভিজ্ঞতা",
    "レベル",
    "等級",
    "経験",
    "级别",
    "职级",
    "職級",
    "经验",
    "經驗",
    "레벨",
    "등급",
    "직급",
    "경력",
];

/// Whether a label is one of [`LEVEL_FACT_KEYS`] (`Experience`, `Code`).
pub(super) fn is_level_fact_key(label: &str) -> bool {
    LEVEL_FACT_KEYS.contains(&plain(label).trim().to_lowercase().as_str())
}

/// Whether an area's label is one of [`ASIDE_KEYS`] (`Defined by`, `Note`).
pub(super) fn is_aside_key(label: &str) -> bool {
    let label = plain(label);
    ASIDE_KEYS.contains(
        &label
            .trim()
            .trim_end_matches([':', '：'])
            .to_lowercase()
            .as_str(),
    )
}

/// Whether a paragraph opens with an aside's bold label (`**Defined by:** …`, `**定义在**：…`).
pub(super) fn opens_with_aside(paragraph: &str) -> bool {
    let Some(rest) = paragraph.trim_start().strip_prefix("**") else {
        return false;
    };
    rest.split_once("**")
        .is_some_and(|(label, _)| is_aside_key(label))
}

/// A paragraph that only names the list after it (`Responsibilities:`), as that name.
pub(super) fn list_name(text: &str) -> Option<String> {
    let label = plain(text);
    let label = label.trim().strip_suffix([':', '：'])?.trim();
    let last = label.split_whitespace().last()?.to_lowercase();
    // One capitalized word alone ("Demonstrates:", "Verantwortung:") names the list too; a
    // note's or examples' label, or a role's name, does not.
    let one_word = !label.contains(char::is_whitespace)
        && label.chars().count() >= 3
        && label.chars().all(char::is_alphabetic)
        && label.chars().next().is_some_and(char::is_uppercase)
        && !is_example_label(label)
        && !is_aside_key(label)
        // "Committers:" over "- Are expected to …": the role is the items' subject.
        && level_likeness(label) < 0.5;
    let names_a_list = is_area_label_word(label)
        || one_word
        || label.split_whitespace().count() <= 3 && LIST_NAMES.contains(&last.as_str());
    names_a_list.then(|| label.to_owned())
}

fn is_area_label_word(text: &str) -> bool {
    let label = text
        .trim()
        .trim_end_matches([':', '：'])
        .trim()
        .to_lowercase();
    LIST_NAMES.contains(&label.as_str()) || AREA_LABEL_WORDS.contains(&label.as_str())
}
