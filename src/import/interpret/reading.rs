//! Structure first: a document is read every plausible way (which heading depth holds the
//! tracks, the levels and the areas; a page that is one level), and the reading that explains
//! the most text in the most regular shape is kept ([`score`]).

use super::own;
use super::*;

/// Which heading depths hold the tracks, the levels and the areas (`None`: no heading does).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Reading {
    /// The depth of the headings that name tracks.
    pub tracks: Option<u8>,
    /// The depth of the headings that name levels.
    pub levels: Option<u8>,
    /// The depth of the headings that name areas.
    pub areas: Option<u8>,
    /// The whole document is one level, titled by the page's title; its headings name areas
    /// (or groups of areas).
    pub page: bool,
}

/// A title's likeness from which it reads as a level's (`Reviewer` 0.6, `Community` 0).
pub(super) const LEVEL_LIKE: f32 = 0.5;

/// How much a reading whose areas all look like levels loses: such areas are most likely the
/// levels, read one heading too deep (a contributor ladder's roles under its page title).
const AREAS_LIKE_LEVELS_PENALTY: f64 = 1.0;

/// The share of its placed text a reading keeps when no level's title reads as a level's (the
/// rest grows with the titles' likeness): a reading whose "levels" are "Project Direction",
/// "Code review" and "Moderation" loses to the one whose levels are the roles under its
/// "Contributor Model", though it places three times the text.
const UNLIKE_TITLES_SHARE: f64 = 0.2;

/// The share of its placed text a reading keeps when its levels share no area (the rest grows
/// with how regular the shape is).
const IRREGULAR_SHARE: f64 = 0.5;

/// What a character kept as prose counts, against one placed in a level.
const PROSE_WEIGHT: f64 = 0.05;

/// How well a reading explains its document, and the parts that made the figure (for
/// `--explain`, which says why the runner-up lost).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Score {
    /// The figure readings are ranked by.
    pub total: f64,
    /// The characters placed as levels' text (less what empty levels cost), before weighing.
    pub placed: f64,
    /// How regular the shape is, 0 to 1: the share of each level's areas other levels use.
    pub regularity: f64,
    /// How much the level titles look like levels' titles, 0 to 1, on average.
    pub likeness: f64,
    /// How much the areas look like levels (read one heading too deep), 0 to 1.
    pub areas_like_levels: f64,
    /// The characters kept as prose.
    pub prose: usize,
    /// Whether the reading is the rules' own guess, which wins a near tie (its total is
    /// raised by [`GUESS_BONUS`]).
    pub guessed: bool,
}

/// How much the rules' own guess is raised by: it wins a near tie.
const GUESS_BONUS: f64 = 1.02;

/// The reading chosen for a document and the best one that lost, with their scores.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Choice {
    /// The chosen reading's score.
    pub chosen: Score,
    /// The best other reading and its score.
    pub runner_up: Option<(Reading, Score)>,
}

/// How well a reading explains its document: the text it places as expectations, weighed by
/// how regular the shape is (levels sharing their areas, levels with something in them) and
/// by how much the level titles look like levels. Text left as prose counts a little, so a
/// reading that places nothing still beats one that fails.
pub fn score(imported: &Imported) -> Score {
    let ladder = &imported.ladder;
    let mut placed = 0.0;
    let mut regularity = 0.0;
    let mut likeness = 0.0;
    let mut levels = 0.0;
    // A track of one level beside tracks of several is most likely a page's introduction
    // read as a level: what it places does not count.
    let longest = ladder.tracks.iter().map(|track| track.levels.len()).max();
    // How many levels of the whole ladder use each area: a level's areas that others use
    // too make a regular shape, whichever track they are in.
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (_, level) in ladder.levels() {
        for area in level.expectations.keys() {
            *seen.entry(area.as_str()).or_default() += 1;
        }
    }
    let total_levels = ladder.levels().count();
    // Each area's name's length by id (looked up once per level's area: a table of thousands
    // of rows has thousands of areas).
    let name_lengths: HashMap<&str, usize> = ladder
        .areas
        .iter()
        .map(|area| (area.id.as_str(), area.name.len()))
        .collect();
    for track in &ladder.tracks {
        let weight = if track.levels.len() == 1 && longest.is_some_and(|n| n >= 3) {
            0.0
        } else {
            1.0
        };
        // A track's name explains its heading (the headings between levels name tracks); a
        // name taken from its first level's title (a run of managers split off) explains none.
        let named_by_its_first_level = track
            .levels
            .first()
            .is_some_and(|level| level.title == track.name);
        if ladder.tracks.len() > 1 && !named_by_its_first_level {
            placed += track.name.len() as f64 * weight;
        }
        for level in &track.levels {
            levels += 1.0;
            likeness += f64::from(level_likeness(&level.title));
            // The text explained: each expectation's words and the name of its area (a
            // `**Label**: text` bullet read under an area heading explains no more text than
            // the same bullet read as an area and its expectation).
            let text: usize = level
                .expectations
                .iter()
                .map(|(area, items)| {
                    let name = name_lengths
                        .get(area.as_str())
                        .copied()
                        .unwrap_or(area.len());
                    name + items
                        .iter()
                        .map(|item| crate::markup::plain_text(&item.text).len())
                        .sum::<usize>()
                })
                .sum::<usize>()
                + level.title.len()
                + level.headline.as_ref().map_or(0, String::len)
                + level.description.as_ref().map_or(0, String::len);
            let empty = level.expectations.is_empty()
                && level.description.is_none()
                && level.headline.is_none();
            // A heading read as a level that holds nothing is a wrong reading's mark.
            placed += if empty {
                -(20.0 + level.title.len() as f64)
            } else {
                text as f64 * weight
            };
            let shared = if total_levels < 2 {
                0.7
            } else if level.expectations.is_empty() {
                0.0
            } else {
                // The general area (no area at all) shares nothing but an absence: it counts
                // half.
                let general = slug(GENERAL_AREA);
                let count: f64 = level
                    .expectations
                    .keys()
                    .filter(|area| seen.get(area.as_str()).is_some_and(|&n| n > 1))
                    .map(|area| if *area == general { 0.5 } else { 1.0 })
                    .sum();
                count / level.expectations.len() as f64
            };
            regularity += shared;
        }
    }
    // Text kept around the levels: prose sections, and the introductions of the ladder and
    // its tracks (one reading's prose section under "Management" is another's track summary,
    // and one's ladder summary another's first track's: the same text kept either way).
    let prose: usize = ladder
        .sections
        .iter()
        .map(|section| section.body.len())
        .sum::<usize>()
        + ladder.summary.as_ref().map_or(0, String::len)
        + ladder
            .tracks
            .iter()
            .filter_map(|track| track.summary.as_ref())
            .map(String::len)
            .sum::<usize>();
    if levels == 0.0 {
        return Score {
            prose,
            ..Score::default()
        };
    }
    let regularity = regularity / levels;
    let likeness = likeness / levels;
    // Areas named like levels (`Apprentice`, `Engineer I`, `Reviewer`) are most likely levels
    // read one heading too deep: the share of the areas that look like levels (a contributor
    // ladder's roles beside its "Community" and "Inactivity" sections count as much as a
    // ladder of roles only).
    //
    // Judged level by level, then averaged: one level whose items name roles ("Focused
    // leadership roles" over "- Communications leader: …") among levels whose areas do not
    // is a level of that kind, not a ladder read too deep.
    let names: HashMap<&str, &str> = ladder
        .areas
        .iter()
        .map(|area| (area.id.as_str(), area.name.as_str()))
        .collect();
    let mut likeness_of_areas = Vec::new();
    for (_, level) in ladder.levels() {
        let areas: Vec<&str> = level
            .expectations
            .keys()
            .filter_map(|id| names.get(id.as_str()).copied())
            .collect();
        if areas.is_empty() {
            continue;
        }
        let like = areas
            .iter()
            .filter(|name| level_likeness(name) >= LEVEL_LIKE)
            .count();
        // One level whose areas include two levels' titles: the page's title read as a level
        // over the real ones. A heading that groups the areas another heading already groups
        // is lost to that reading whatever its words (`Korrektor:in` over **Voraussetzungen**
        // and **Aufgaben**, as `Übersetzer:in` before it): such headings are levels.
        let lost_like = imported.lost_headings.len();
        let one_level_over_levels = if total_levels == 1 && like + lost_like >= 2 {
            1.0
        } else {
            0.0
        };
        let mean = areas
            .iter()
            .map(|name| f64::from(level_likeness(name)))
            .sum::<f64>()
            / areas.len() as f64;
        likeness_of_areas.push(
            (like as f64 / areas.len() as f64)
                .max(one_level_over_levels)
                .max(mean),
        );
    }
    let area_likeness = if likeness_of_areas.is_empty() {
        0.0
    } else {
        likeness_of_areas.iter().sum::<f64>() / likeness_of_areas.len() as f64
    };
    let weighed = placed * (1.0 - AREAS_LIKE_LEVELS_PENALTY * area_likeness);
    Score {
        total: weighed
            * (IRREGULAR_SHARE + (1.0 - IRREGULAR_SHARE) * regularity)
            * (UNLIKE_TITLES_SHARE + (1.0 - UNLIKE_TITLES_SHARE) * likeness)
            + prose as f64 * PROSE_WEIGHT,
        placed,
        regularity,
        likeness,
        areas_like_levels: area_likeness,
        prose,
        guessed: false,
    }
}

/// Characters that open a bullet typed as text rather than written as a list (`• Learn …`,
/// pasted from a word processor): not Markdown's `-`, `*` or `+`.
const BULLET_CHARACTERS: &[char] = &[
    '•', '·', '▪', '◦', '‣', '●', '○', '■', '□', '➢', '►', '–', '◆', '◇', '・', '▶', '▸', '★', '☆',
    '✓', '✔',
];

/// Paragraphs whose first line is a label in lenticular brackets (`【专业能力】`, as Chinese
/// and Japanese documents name a list's area) with that line in bold, as a label written so
/// in other languages (`**专业能力**`). `None` when the document has none.
fn bracketed_labels_as_bold(blocks: &[Block]) -> Option<Vec<Block>> {
    let label = |text: &str| -> Option<String> {
        let first = text.lines().next()?.trim();
        let inner = first.strip_prefix('【')?.strip_suffix('】')?.trim();
        (!inner.is_empty() && !inner.contains(['【', '】'])).then(|| inner.to_owned())
    };
    let labelled =
        |block: &Block| matches!(block, Block::Paragraph { text, .. } if label(text).is_some());
    if !blocks.iter().any(labelled) {
        return None;
    }
    Some(
        blocks
            .iter()
            .map(|block| match block {
                Block::Paragraph { text, line } if labelled(block) => {
                    let name = label(text).unwrap_or_default();
                    let rest: Vec<&str> = text.lines().skip(1).collect();
                    let text = if rest.is_empty() {
                        format!("**{name}**")
                    } else {
                        format!("**{name}**\n{}", rest.join("\n"))
                    };
                    Block::Paragraph { text, line: *line }
                }
                other => other.clone(),
            })
            .collect(),
    )
}

/// The item a line typed as a bullet holds (`• Learn the team's tools.`), without its bullet.
fn typed_bullet(line: &str) -> Option<&str> {
    let line = line.trim_start();
    if let Some(item) = east_asian_number(line) {
        return Some(item);
    }
    let rest = line.strip_prefix(BULLET_CHARACTERS)?;
    // Chinese and Japanese text sets the item right after the bullet (`·完成多个关键模块`).
    let unspaced = rest.starts_with(|c: char| !c.is_ascii() && c.is_alphabetic());
    (rest.starts_with(char::is_whitespace) || unspaced)
        .then(|| rest.trim())
        .filter(|item| !item.is_empty())
}

/// The item after a number as Chinese and Japanese text numbers its lines, which Markdown
/// does not read as a list: `1、`, `１．`, `（1）`, `①`, `一、` (the number, then an ideographic
/// comma, a full-width stop or a full-width bracket).
fn east_asian_number(line: &str) -> Option<&str> {
    let is_digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    let is_numeral = |c: char| "一二三四五六七八九十".contains(c);
    let circled = line
        .chars()
        .next()
        .filter(|c| ('①'..='⑳').contains(c))
        .map(|c| &line[c.len_utf8()..]);
    let rest = circled.or_else(|| {
        let unbracketed = line.strip_prefix('（');
        let body = unbracketed.unwrap_or(line);
        let number_end = body
            .char_indices()
            .find(|&(_, c)| !(is_digit(c) || is_numeral(c)))
            .map(|(at, _)| at)?;
        if number_end == 0 {
            return None;
        }
        let after = &body[number_end..];
        match unbracketed {
            Some(_) => after.strip_prefix('）'),
            None => after
                .strip_prefix('、')
                .or_else(|| after.strip_prefix('．'))
                .or_else(|| after.strip_prefix('）')),
        }
    })?;
    let item = rest.trim();
    (!item.is_empty()).then_some(item)
}

/// Paragraphs whose every line is a typed bullet (`• Learn …`), as the list they are to their
/// reader: consecutive ones are one list, each bullet an item. `None` when the document has
/// none.
fn pseudo_bullets_as_lists(blocks: &[Block]) -> Option<Vec<Block>> {
    let items_of = |block: &Block| -> Option<Vec<Item>> {
        let Block::Paragraph { text, .. } = block else {
            return None;
        };
        text.lines()
            .map(|line| {
                typed_bullet(line).map(|item| Item {
                    text: item.to_owned(),
                    children: Vec::new(),
                })
            })
            .collect()
    };
    // A lead-in line over typed bullets in one paragraph ("… 包含以下的标准：" then `·…`
    // lines): the lead-in, then the list.
    let lead_and_items = |block: &Block| -> Option<(String, usize, Vec<Item>)> {
        let Block::Paragraph { text, line } = block else {
            return None;
        };
        let (first, rest) = text.split_once('\n')?;
        let items: Option<Vec<Item>> = rest
            .lines()
            .map(|line| {
                typed_bullet(line).map(|item| Item {
                    text: item.to_owned(),
                    children: Vec::new(),
                })
            })
            .collect();
        items
            .filter(|items| !items.is_empty())
            .map(|items| (first.to_owned(), *line, items))
    };
    let typed = |block: &Block| items_of(block).is_some() || lead_and_items(block).is_some();
    if !blocks.iter().any(typed) {
        return None;
    }
    let mut out: Vec<Block> = Vec::with_capacity(blocks.len());
    let mut extending = false;
    for block in blocks {
        if items_of(block).is_none() {
            if let Some((lead, line, items)) = lead_and_items(block) {
                out.push(Block::Paragraph { text: lead, line });
                out.push(Block::List {
                    items,
                    line: line + 1,
                });
                extending = true;
                continue;
            }
        }
        match (items_of(block), out.last_mut()) {
            (Some(mut items), Some(Block::List { items: list, .. })) if extending => {
                list.append(&mut items)
            }
            (Some(items), _) => {
                out.push(Block::List {
                    items,
                    line: block.line(),
                });
                extending = true;
            }
            (None, _) => {
                out.push(block.clone());
                extending = false;
            }
        }
    }
    Some(out)
}

/// A document whose levels are the sub-headings of one of its sections (`## Roles` over
/// `### Contributor`, `### Maintainer`) beside sections whose sub-headings are no levels
/// (`## Specialty Tracks` over `### CI / Infrastructure`, `## Inactivity` over `### Process`):
/// those other sections with their sub-headings as bold lines, so that only the one section's
/// sub-headings are read as levels and the rest as prose; and the levels' depth, with the
/// tracks' when the sub-headings each hold levels of their own. `None` when the document is
/// not so.
fn levels_in_one_section(blocks: &[Block]) -> Option<(Vec<Block>, u8, Option<u8>)> {
    let depths: Vec<u8> = blocks
        .iter()
        .filter_map(|block| match block {
            Block::Heading { level, .. } => Some(*level),
            _ => None,
        })
        .collect();
    for depth in 1..=5u8 {
        // Each section at `depth`: where it starts, where it ends, its sub-headings' titles.
        let starts: Vec<usize> = blocks
            .iter()
            .enumerate()
            .filter(|(_, block)| matches!(block, Block::Heading { level, .. } if *level == depth))
            .map(|(index, _)| index)
            .collect();
        if starts.len() < 2 || !depths.contains(&(depth + 1)) {
            continue;
        }
        // Where the section at `start` (of depth `at`) ends.
        let end_at = |start: usize, at: u8| {
            blocks[start + 1..]
                .iter()
                .position(|block| matches!(block, Block::Heading { level, .. } if *level <= at))
                .map_or(blocks.len(), |offset| start + 1 + offset)
        };
        // The sub-headings of the section at `start` (of depth `at`): where each is, its title.
        let sub_headings = |start: usize, at: u8| -> Vec<(usize, &str)> {
            blocks[start + 1..end_at(start, at)]
                .iter()
                .enumerate()
                .filter_map(|(offset, block)| match block {
                    Block::Heading { level, text, .. } if *level == at + 1 => {
                        Some((start + 1 + offset, text.as_str()))
                    }
                    _ => None,
                })
                .collect()
        };
        let children = |start: usize| -> Vec<&str> {
            sub_headings(start, depth)
                .into_iter()
                .map(|(_, title)| title)
                .collect()
        };
        let like = |title: &&str| level_likeness(title) >= 0.5;
        let of_levels: Vec<usize> = starts
            .iter()
            .copied()
            .filter(|&start| {
                let titles = children(start);
                titles.len() >= 2 && titles.iter().all(like)
            })
            .collect();
        // Or the one section titled as the roles ("Project roles/stakeholders", "角色") whose
        // sub-headings mostly read as levels ("用户" among "核心提交者", "插件提交者"): its title
        // says where the levels are, whatever other sections' sub-headings look like.
        let titled_as_roles: Vec<usize> = starts
            .iter()
            .copied()
            .filter(|&start| {
                matches!(&blocks[start], Block::Heading { text, .. } if names_the_roles(text))
            })
            .collect();
        let roles_section = match titled_as_roles.as_slice() {
            [start] => {
                let titles = children(*start);
                let liked = titles.iter().filter(|title| like(title)).count();
                (titles.len() >= 2 && liked * 3 >= titles.len() * 2).then_some(*start)
            }
            _ => None,
        };
        let (levels_at, by_title) = match (of_levels.as_slice(), roles_section.as_ref()) {
            (_, Some(levels_at)) => (levels_at, true),
            ([levels_at], None) => (levels_at, false),
            _ => continue,
        };
        // Beside a section titled as the roles, another section's sub-headings may name a role
        // in passing ("贡献者许可协议 (CLA)" under "许可证"), half of them at most ("Voluntary
        // step-out" beside "Step-up procedure"), but not mostly (Zephyr's "Teams and Supporting
        // Activities" holds more roles).
        let others_hold_none = starts
            .iter()
            .filter(|&&start| start != *levels_at)
            .all(|&start| {
                let titles = children(start);
                let liked = titles.iter().filter(|title| like(title)).count();
                if by_title {
                    titles.is_empty() || liked * 2 <= titles.len()
                } else {
                    liked == 0
                }
            });
        let others_have_children = starts
            .iter()
            .any(|&start| start != *levels_at && !children(start).is_empty());
        // (A section titled as the roles says where the levels are even where no other
        // section has sub-headings to read as prose: "## Roles" over three roles beside
        // "## Cómo convertirse en mantenedor".)
        if !others_hold_none || !others_have_children && !by_title {
            continue;
        }
        let mut out = Vec::with_capacity(blocks.len());
        let mut flattening = false;
        for (index, block) in blocks.iter().enumerate() {
            match block {
                Block::Heading { level, .. } if *level <= depth => {
                    flattening = *level == depth && index != *levels_at;
                    out.push(block.clone());
                }
                Block::Heading { text, line, .. } if flattening => out.push(Block::Paragraph {
                    text: format!("**{text}**"),
                    line: *line,
                }),
                _ => out.push(block.clone()),
            }
        }
        // Sub-headings that each hold levels of their own ("## Developer" over "### Developer 1
        // (D1)", "### Developer 2 (D2)") are the tracks: the levels are one deeper.
        let tracks_below = sub_headings(*levels_at, depth).iter().all(|&(start, _)| {
            let titles: Vec<&str> = sub_headings(start, depth + 1)
                .into_iter()
                .map(|(_, title)| title)
                .collect();
            titles.len() >= 2 && titles.iter().all(like)
        });
        return Some(if tracks_below {
            (out, depth + 2, Some(depth + 1))
        } else {
            (out, depth + 1, None)
        });
    }
    None
}

/// How a heading on reaching a role starts when the role follows ("Becoming a reviewer",
/// "Become a collection maintainer", "How to become a committer", "成为维护者"), lowercased.
const BECOMING_PREFIXES: &[&str] = &[
    "how to become an ",
    "how to become a ",
    "how to become ",
    "becoming an ",
    "becoming a ",
    "becoming ",
    "become an ",
    "become a ",
    "become ",
    "如何成为",
    "成为",
    // (An article after the verb is not the role's: "Devenir un contributeur".)
    "cómo convertirse en un ",
    "cómo convertirse en una ",
    "cómo convertirse en ",
    "como convertirse en un ",
    "como convertirse en una ",
    "como convertirse en ",
    "convertirse en un ",
    "convertirse en una ",
    "convertirse en ",
    "cómo llegar a ser ",
    "como se tornar um ",
    "como se tornar uma ",
    "como se tornar ",
    "como tornar-se um ",
    "como tornar-se uma ",
    "como tornar-se ",
    "tornar-se um ",
    "tornar-se uma ",
    "tornar-se ",
    "comment devenir un ",
    "comment devenir une ",
    "comment devenir ",
    "devenir un ",
    "devenir une ",
    "devenir ",
    "wie wird man ",
    "wie werde ich ",
    // Languages that name the role after the verb in its plain form (longer openings first).
    "come diventare un ",
    "come diventare una ",
    "come diventare ",
    "diventare un ",
    "diventare una ",
    "diventare ",
    "diventa un ",
    "diventa una ",
    "diventa ",
    "cómo ser un ",
    "cómo ser una ",
    "cómo ser ",
    "como ser um ",
    "como ser uma ",
    "como ser un ",
    "como ser una ",
    "como ser ",
    "llegar a ser ",
    "torne-se um ",
    "torne-se uma ",
    "torne-se ",
    "tornando-se um ",
    "tornando-se uma ",
    "tornando-se ",
    "com esdevenir ",
    "com convertir-se en ",
    "com ser ",
    "esdevenir ",
    "convertir-se en ",
    "cum să devii ",
    "cum devii ",
    "a deveni ",
    "devino ",
    "hoe word je ",
    "hoe word ik ",
    "hoe wordt men ",
    "hur blir man ",
    "hur man blir ",
    "så blir du ",
    "att bli ",
    "hvordan bliver man ",
    "hvordan bliver du ",
    "sådan bliver du ",
    "at blive ",
    "bliv ",
    "hvordan blir man ",
    "hvordan bli ",
    "slik blir du ",
    "å bli ",
    "bli ",
    "hogyan lehetsz ",
    "hogyan lehet valaki ",
    "πώς να γίνετε ",
    "πώς να γίνεις ",
    "γίνοντας ",
    "bagaimana cara menjadi ",
    "bagaimana menjadi ",
    "cara menjadi ",
    "menjadi ",
    "làm thế nào để trở thành ",
    "cách để trở thành ",
    "cách trở thành ",
    "trở thành ",
    "كيف تصبح ",
    "تبدیل شدن به ",
    "איך להפוך ל",
    "כיצד להפוך ל",
    "להפוך ל",
    "วิธีการเป็น",
    "วิธีเป็น",
    "การเป็น",
    "如何成為",
    "成為",
];

/// Words before a way to a role ("Path to becoming a committer"), lowercased.
const PATH_LEADS: &[&str] = &[
    "the path to ",
    "path to ",
    "the road to ",
    "road to ",
    "steps to ",
];

/// The role a heading on reaching it names ("Becoming a reviewer" → "reviewer"), as written,
/// when the rest reads as a role's title.
fn becoming_target(title: &str) -> Option<String> {
    let title = plain(title);
    let title = title.trim().trim_end_matches(['?', '？', ':', '：', '.']);
    // "Path to becoming a committer": the way there, named the same.
    let title = PATH_LEADS
        .iter()
        .find_map(|lead| {
            title
                .get(..lead.len())
                .filter(|start| start.eq_ignore_ascii_case(lead))
                .map(|_| &title[lead.len()..])
        })
        .unwrap_or(title);
    let lower = title.to_lowercase();
    // (Lowercasing keeps byte offsets in the prefixes' scripts and in ASCII titles.)
    let prefix = BECOMING_PREFIXES
        .iter()
        .find(|prefix| lower.starts_with(*prefix) && title.is_char_boundary(prefix.len()))?;
    let rest = title.get(prefix.len()..)?.trim();
    (!rest.is_empty() && level_likeness(rest) >= 0.5).then(|| rest.to_owned())
}

/// Words linking what a heading is about to the role it is about ("Responsibilities of a
/// maintainer", "Process to become a committer"), lowercased, spaces around.
const ROLE_LINKS: &[&str] = &[" to become an ", " to become a ", " of an ", " of a "];

/// Most words before a [`ROLE_LINKS`] phrase in a heading about a role's part: a short name
/// ("Responsibilities", "Process"), not a sentence.
const ROLE_PART_WORDS: usize = 3;

/// The role a heading on one part of it names ("Responsibilities of a maintainer" →
/// "maintainer"), or on reaching it ([`becoming_target`], [`promotion_target`]:
/// "Contributor升级为Maintainer" → "Maintainer").
fn role_part_target(title: &str) -> Option<String> {
    if let Some(role) = becoming_target(title).or_else(|| promotion_target(title)) {
        return Some(role);
    }
    let title = plain(title);
    let title = title.trim().trim_end_matches(['?', '？', ':', '：', '.']);
    let lower = title.to_lowercase();
    let (at, link) = ROLE_LINKS
        .iter()
        .filter_map(|link| lower.find(link).map(|at| (at, link)))
        .min()?;
    // (Only ASCII links are looked for: their offsets hold in the lowercased title.)
    let lead = title.get(..at)?;
    let rest = title.get(at + link.len()..)?.trim();
    let words = lead.split_whitespace().count();
    ((1..=ROLE_PART_WORDS).contains(&words) && !rest.is_empty() && level_likeness(rest) >= 0.5)
        .then(|| rest.to_owned())
}

/// Articles, which a role's title may have or not ("Les contributeurs", "un contributeur").
const ARTICLES: &[&str] = &[
    "a", "an", "the", "un", "une", "le", "la", "les", "l", "des", "el", "los", "las", "una", "um",
    "uma", "os", "der", "die", "das", "ein", "eine", "einen", "het", "een",
];

/// The words of a role's title, lowercased, each without a plural "s" and without articles
/// ("Committers" and "a committer" name one role, "Les contributeurs" and "un contributeur").
fn role_words(text: &str) -> Vec<String> {
    plain(text)
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty() && !ARTICLES.contains(word))
        .map(|word| word.trim_end_matches('s').to_owned())
        .collect()
}

/// A section on reaching a role beside the role's own section ("## Committers", then "## Path
/// to Becoming a Committer" under the same parent), or anywhere outside it when the role is a
/// deeper heading ("## Cómo convertirse en mantenedor" after "## Roles" over "### Mantenedor/a"):
/// it is part of that role, one heading deeper, placed at the end of the role's section (so
/// the levels' sub-sections read it as an area). `None` when the document has no such
/// section; with the lines of the headings moved from another depth (areas of their level
/// whatever the levels' sub-headings are).
fn becoming_sections_join_their_roles(blocks: &[Block]) -> Option<(Vec<Block>, Vec<usize>)> {
    let headings: Vec<(usize, u8, &str)> = blocks
        .iter()
        .enumerate()
        .filter_map(|(index, block)| match block {
            Block::Heading { level, text, .. } => Some((index, *level, text.as_str())),
            _ => None,
        })
        .collect();
    // Where a section starting at heading `h` (an index into `headings`) ends in `blocks`.
    let end_of = |h: usize| {
        let depth = headings[h].1;
        headings[h + 1..]
            .iter()
            .find(|(_, level, _)| *level <= depth)
            .map_or(blocks.len(), |(index, _, _)| *index)
    };
    // Each heading's role words, once, and the headings by them (a document of thousands of
    // headings is read in linear time).
    let words: Vec<Vec<String>> = headings
        .iter()
        .map(|(_, _, title)| role_words(title))
        .collect();
    let mut by_words: HashMap<&[String], Vec<usize>> = HashMap::new();
    for (r, role) in words.iter().enumerate() {
        by_words.entry(role.as_slice()).or_default().push(r);
    }
    // (block index where the role's section ends, the becoming section's block range, how
    // many depths its headings go down)
    let mut moves: Vec<(usize, std::ops::Range<usize>, u8)> = Vec::new();
    let mut moved_headings = Vec::new();
    // The headings the one being read is under.
    let mut trail: Vec<usize> = Vec::new();
    for (h, &(index, depth, text)) in headings.iter().enumerate() {
        while trail
            .last()
            .is_some_and(|&above| headings[above].1 >= depth)
        {
            trail.pop();
        }
        let target = role_part_target(text).map(|role| role_words(&role));
        let in_its_role = |role: &[String]| trail.iter().any(|&above| words[above] == role);
        if let Some(role) = target {
            // The nearest earlier heading of the same depth under the same parent, titled as
            // the role.
            let mut own = None;
            for (r, &(_, level, _)) in headings[..h].iter().enumerate().rev() {
                if level < depth {
                    break;
                }
                if level == depth && words[r] == role {
                    own = Some(r);
                    break;
                }
            }
            // Or the one deeper heading of the document titled as the role ("## Cómo
            // convertirse en mantenedor" after "## Roles" over "### Mantenedor/a"), where the
            // section is not already in its role's ("## Maintainer" over "### Becoming a
            // Maintainer") nor the heading inside the section itself.
            if own.is_none() && !in_its_role(&role) {
                let section = index..end_of(h);
                let deeper: Vec<usize> = by_words
                    .get(role.as_slice())
                    .into_iter()
                    .flatten()
                    .copied()
                    .filter(|&r| headings[r].1 > depth && !section.contains(&headings[r].0))
                    .collect();
                own = match deeper.as_slice() {
                    [r] => Some(*r),
                    _ => None,
                };
            }
            if let Some(r) = own {
                let down = headings[r].1 + 1 - depth;
                moves.push((end_of(r), index..end_of(h), down));
                if down > 1 {
                    moved_headings.push(blocks[index].line());
                }
            }
        }
        trail.push(h);
    }
    if moves.is_empty() {
        return None;
    }
    let moved: std::collections::HashSet<usize> = moves
        .iter()
        .flat_map(|(_, range, _)| range.clone())
        .collect();
    let demoted = |block: &Block, down: u8| match block {
        Block::Heading { level, text, line } => Block::Heading {
            level: (*level + down).min(6),
            text: text.clone(),
            line: *line,
        },
        other => other.clone(),
    };
    // A section moved inside another moved one ("### How to become a Senior Maintainer?"
    // under "## Becoming a Maintainer") goes to its own role only. (Moves are in the order of
    // their sections, which nest or follow each other: the ones inside a move come right after
    // it.)
    let nested: Vec<Vec<std::ops::Range<usize>>> = moves
        .iter()
        .enumerate()
        .map(|(m, (_, range, _))| {
            moves[m + 1..]
                .iter()
                .take_while(|(_, inner, _)| inner.start < range.end)
                .map(|(_, inner, _)| inner.clone())
                .collect()
        })
        .collect();
    let mut moves_at: HashMap<usize, Vec<usize>> = HashMap::new();
    for (m, (at, _, _)) in moves.iter().enumerate() {
        moves_at.entry(*at).or_default().push(m);
    }
    let mut out = Vec::with_capacity(blocks.len());
    for index in 0..=blocks.len() {
        for &m in moves_at.get(&index).into_iter().flatten() {
            let (_, range, down) = &moves[m];
            out.extend(
                range
                    .clone()
                    .filter(|at| !nested[m].iter().any(|inner| inner.contains(at)))
                    .map(|at| demoted(&blocks[at], *down)),
            );
        }
        if index < blocks.len() && !moved.contains(&index) {
            out.push(blocks[index].clone());
        }
    }
    Some((out, moved_headings))
}

/// A document that describes its roles only as the ways to reach them ("Becoming a reviewer",
/// "Becoming a maintainer", with no section titled "Reviewer" or "Maintainer"): those sections
/// are the levels, titled by their roles; the sections of their depth before the first (the
/// contributor's path, the file that lists maintainers) are the introduction, their headings
/// bold lines. `None` unless two such sections or more share a depth; with the levels' depth.
fn becoming_sections_as_levels(blocks: &[Block]) -> Option<(Vec<Block>, u8)> {
    let targets: Vec<(usize, u8, String)> = blocks
        .iter()
        .enumerate()
        .filter_map(|(index, block)| match block {
            Block::Heading { level, text, .. } => {
                becoming_target(text).map(|role| (index, *level, role))
            }
            _ => None,
        })
        .collect();
    let depth = targets.first()?.1;
    if targets.len() < 2 || targets.iter().any(|(_, level, _)| *level != depth) {
        return None;
    }
    // A role with a section of its own is described there: its "Becoming" section is a step
    // (a heading titled as the role, or the section the "Becoming" heading is in naming it or
    // titled as a role: "关于 Committers（Collaborators）" over "如何成为 Committer",
    // "项目管理委员会（Maintainers）" over "成为维护者").
    let roles: Vec<Vec<String>> = targets
        .iter()
        .map(|(_, _, role)| role_words(role))
        .collect();
    let titled_as_a_role = blocks.iter().any(
        |block| matches!(block, Block::Heading { text, .. } if roles.contains(&role_words(text))),
    );
    // (The page's title, its first heading, is no role's section: "The Role of Maintainers".)
    let title_at = blocks
        .iter()
        .position(|block| matches!(block, Block::Heading { .. }));
    let in_the_roles_section = targets.iter().zip(&roles).any(|((at, _, _), role)| {
        let parent = blocks[..*at]
            .iter()
            .enumerate()
            .rev()
            .find_map(|(index, block)| match block {
                Block::Heading { level, text, .. } if *level < depth => Some((index, text)),
                _ => None,
            })
            .filter(|(index, _)| Some(*index) != title_at);
        parent.is_some_and(|(_, title)| {
            let words = role_words(title);
            level_likeness(title) >= 0.5 || role.iter().all(|word| words.contains(word))
        })
    });
    if titled_as_a_role || in_the_roles_section {
        return None;
    }
    let first = targets[0].0;
    let mut out = Vec::with_capacity(blocks.len());
    for (index, block) in blocks.iter().enumerate() {
        let target = targets.iter().find(|(at, _, _)| *at == index);
        match (block, target) {
            (Block::Heading { level, line, .. }, Some((_, _, role))) => {
                out.push(Block::Heading {
                    level: *level,
                    text: role.clone(),
                    line: *line,
                });
            }
            (Block::Heading { level, text, line }, None) if index < first && *level >= depth => out
                .push(Block::Paragraph {
                    text: format!("**{text}**"),
                    line: *line,
                }),
            _ => out.push(block.clone()),
        }
    }
    Some((out, depth))
}

/// Words of a section's title that say it lists the roles or levels ("Project roles",
/// "Roles and responsibilities", "项目角色/利益相关者", "Rollen", "役割"), lowercased.
const ROLES_SECTION_WORDS: &[&str] = &[
    "roles",
    "role",
    "levels",
    "rollen",
    "rôles",
    "papéis",
    "papeis",
    "角色",
    "役割",
    "역할",
    "职级",
    "職級",
    "ruoli",
    "livelli",
    "papeles",
    "niveles",
    "niveaux",
    "niveaus",
    "roller",
    "rolleri",
    "roolit",
    "roluri",
    "rols",
    "peran",
    "peranan",
    "poziomy",
    "seviyeler",
    "szerepkörök",
    "szerepek",
    "úrovně",
    "úrovne",
    "роли",
    "уровни",
    "ρόλοι",
    "ρόλων",
    "επίπεδα",
    "أدوار",
    "مستويات",
    "نقش‌ها",
    "نقشها",
    "תפקידים",
    "רמות",
    "भूमिकाएँ",
    "भूमिकाएं",
    "ভূমিকাসমূহ",
    "บทบาท",
    "vai trò",
    "cấp bậc",
    "níveis",
    "等級",
    "等级",
    "级别",
    "級別",
    "등급",
    "직급",
];

/// Whether a section's title says it lists the roles or levels: a word of
/// `ROLES_SECTION_WORDS` among its words, or inside it in a script written without spaces.
fn names_the_roles(title: &str) -> bool {
    let lower = plain(title).to_lowercase();
    lower
        .split(|c: char| !c.is_alphanumeric())
        .any(|word| ROLES_SECTION_WORDS.contains(&word))
        || ROLES_SECTION_WORDS
            .iter()
            .filter(|word| !word.is_ascii())
            .any(|word| lower.contains(word))
}

/// How many bold lines titled like levels, each over a list, make a document that writes its
/// levels so (`**Senior**` then its bullets, inside `### Base Level` bands).
const BOLD_LEVEL_LINES: usize = 3;

/// How many of those lines must be over lists (the rest over a paragraph).
const BOLD_LEVEL_LISTS: usize = 2;

/// How many short title lines a document without any markup must have for its lines to be
/// read as headings.
const PLAIN_TITLE_LINES: usize = 3;

/// Whether a line of plain text reads as a title: short, and not a sentence, a label, a
/// bullet, an address or a link.
fn is_plain_title(line: &str) -> bool {
    let line = line.trim();
    !line.is_empty()
        && line.chars().count() <= 40
        && !line.ends_with(['。', '.', '!', '?', ';', '；', ',', '，', ':', '：', '、'])
        && typed_bullet(line).is_none()
        && !line.contains('@')
        && !line.contains("://")
}

/// Whether a line names a person by their e-mail address (`Jerome Lin <jerome@example.com>`).
pub(super) fn names_by_address(line: &str) -> bool {
    let line = line.trim();
    line.ends_with('>')
        && line
            .rsplit_once('<')
            .is_some_and(|(name, address)| !name.trim().is_empty() && address.contains('@'))
}

/// Nouns besides [`super::likeness::RUNG_WORDS`] that name a rung when a code follows them
/// ("catégorie I bis", "Entgeltgruppe 9"), lowercased: a paragraph opening with one (or a rung
/// word: "Level 3") is that rung's description.
const RUNG_NOUNS: &[&str] = &[
    "category",
    "catégorie",
    "categoría",
    "categoria",
    "kategorie",
    "entgeltgruppe",
    "gehaltsgruppe",
    "classe",
    "position",
    // Categories and pay classes in the other languages ("Категория 2", "Kategoria III").
    "категория",
    "категорія",
    "kategoria",
    "kategória",
    "κατηγορία",
    "kategori",
    "categorie",
    "klasse",
    "klasa",
    "třída",
    "trieda",
    "فئة",
    "الفئة",
];

/// Words after a rung's code that belong to it ("catégorie I bis").
const CODE_SUFFIXES: &[&str] = &["bis", "ter", "quater"];

/// Whether a text names the rungs of a ladder in general ("four tiers of governance", "the
/// following roles", "三个级别"): a rung's word or a roles word among its words, singular or
/// plural.
fn names_rungs(text: &str) -> bool {
    names_the_roles(text)
        || plain(text)
            .to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .any(|word| super::likeness::is_rung_word(word.strip_suffix('s').unwrap_or(word)))
}

/// How many paragraphs of one section naming distinct rungs make them the levels, and the
/// most that do (the most levels any pivot of a document looks for, too).
const RUNG_PARAGRAPHS: usize = 3;
const MAX_RUNG_PARAGRAPHS: usize = 200;

/// Whether a word is a rung's code: a roman numeral, a small number, a letter, or letters
/// and digits ("3A", "E5").
fn is_rung_code(word: &str) -> bool {
    let word = word.trim_end_matches([',', ':', '.', ';']);
    let roman =
        !word.is_empty() && word.chars().all(|c| matches!(c, 'I' | 'V' | 'X')) && word.len() <= 5;
    let number = word.parse::<u32>().is_ok_and(|n| n <= 99);
    let letter = word.len() == 1 && word.chars().all(|c| c.is_ascii_uppercase());
    let mixed = (2..=3).contains(&word.len())
        && word.chars().all(|c| c.is_ascii_alphanumeric())
        && word.chars().any(|c| c.is_ascii_digit())
        && word.chars().any(|c| c.is_ascii_uppercase());
    roman || number || letter || mixed
}

/// Whether a text is only a rung's name and code ("Nível 1", "Level III", "L3", "Grade 5"),
/// as a badge beside a level's heading shows it: the level's code, not a statement of what it
/// expects, however many levels carry one.
pub(super) fn names_only_a_rung(text: &str) -> bool {
    let text = plain(text);
    let words: Vec<&str> = text.split_whitespace().collect();
    match words.as_slice() {
        [code] => super::likeness::is_rung_code(code),
        [noun, codes @ ..] if codes.len() <= 2 => {
            let noun = noun.to_lowercase();
            (super::likeness::is_rung_word(&noun) || RUNG_NOUNS.contains(&noun.as_str()))
                && codes.iter().all(|code| is_rung_code(code))
        }
        _ => false,
    }
}

/// How many words a paragraph's opening may hold before the rung it names ("Les agents
/// relevant de la catégorie 1 exécutent …").
const RUNG_OPENING_WORDS: usize = 8;

/// The rung a paragraph opens by naming ("La catégorie I bis est composée …" →
/// "catégorie I bis", "Les agents relevant de la catégorie 2 mettent en œuvre …" →
/// "catégorie 2"), as written: a rung's noun and its code within the paragraph's first words,
/// before its first sentence ends.
fn rung_named_first(text: &str) -> Option<String> {
    let words: Vec<&str> = text
        .split_whitespace()
        .take(RUNG_OPENING_WORDS + 2)
        .collect();
    let ends_a_sentence = |word: &str| word.ends_with(['.', ':', ';', '。']);
    let at = (0..words.len().saturating_sub(1).min(RUNG_OPENING_WORDS)).find(|&at| {
        let noun = words[at].to_lowercase();
        (super::likeness::is_rung_word(&noun) || RUNG_NOUNS.contains(&noun.as_str()))
            && is_rung_code(words[at + 1])
    })?;
    if words[..at].iter().any(|word| ends_a_sentence(word)) {
        return None;
    }
    let (noun, code) = (words[at], words[at + 1]);
    let mut title = format!("{noun} {}", code.trim_end_matches([',', ':', '.', ';']));
    if let Some(suffix) = words
        .get(at + 2)
        .map(|word| word.trim_end_matches([',', ':', '.', ';']))
        .filter(|word| CODE_SUFFIXES.contains(word))
    {
        title = format!("{title} {suffix}");
    }
    Some(title)
}

/// A section written as paragraphs that each open by naming a rung ("La catégorie I est
/// composée des cadres supérieurs …", "La catégorie II …": a decree's classification): each
/// such paragraph becomes a heading one deeper than the section's, titled by the rung, over
/// the paragraph. `None` when no section has `RUNG_PARAGRAPHS` of them naming distinct rungs,
/// or when the document's headings already title those rungs.
fn rung_paragraphs_as_headings(blocks: &[Block]) -> Option<Vec<Block>> {
    let headings: Vec<String> = blocks
        .iter()
        .filter_map(|block| match block {
            Block::Heading { text, .. } => Some(plain(text).to_lowercase()),
            _ => None,
        })
        .collect();
    // Each section's (heading depth, the paragraphs naming rungs, by index).
    let mut sections: Vec<(u8, Vec<(usize, String)>)> = vec![(0, Vec::new())];
    for (index, block) in blocks.iter().enumerate() {
        match block {
            Block::Heading { level, .. } => sections.push((*level, Vec::new())),
            Block::Paragraph { text, .. } => {
                if let (Some(rung), Some(section)) =
                    (rung_named_first(&plain(text)), sections.last_mut())
                {
                    section.1.push((index, rung));
                }
            }
            _ => {}
        }
    }
    let mut headed: HashMap<usize, (u8, String)> = HashMap::new();
    for (depth, rungs) in sections {
        let mut distinct: Vec<String> = rungs.iter().map(|(_, rung)| rung.to_lowercase()).collect();
        distinct.sort();
        distinct.dedup();
        // (More rungs than a ladder has are no ladder's: nor are they compared with every
        // heading, which would take their number times the headings'.)
        if !(RUNG_PARAGRAPHS..=MAX_RUNG_PARAGRAPHS).contains(&distinct.len())
            || distinct.len() < rungs.len()
        {
            continue;
        }
        let titled_already = distinct.iter().any(|rung| {
            headings
                .iter()
                .any(|heading| heading.contains(rung.as_str()))
        });
        if titled_already {
            continue;
        }
        for (index, rung) in rungs {
            headed.insert(index, ((depth + 1).min(6), rung));
        }
    }
    if headed.is_empty() {
        return None;
    }
    let mut out = Vec::with_capacity(blocks.len() + headed.len());
    for (index, block) in blocks.iter().enumerate() {
        if let Some((depth, rung)) = headed.remove(&index) {
            out.push(Block::Heading {
                level: depth,
                text: rung,
                line: block.line(),
            });
        }
        out.push(block.clone());
    }
    Some(out)
}

/// A document written as plain lines, with no headings (a `.md` file typed like a text
/// file): each paragraph's first line that reads as a title becomes a heading (the
/// document's first line alone its title), the lines under it its paragraph; a label over
/// people's addresses becomes the list of them. `None` when the document has headings or too
/// few such lines.
fn plain_lines_as_headings(blocks: &[Block]) -> Option<Vec<Block>> {
    if blocks
        .iter()
        .any(|block| matches!(block, Block::Heading { .. }))
    {
        return None;
    }
    let titled = blocks
        .iter()
        .filter(|block| {
            matches!(block, Block::Paragraph { text, .. }
                if text.lines().next().is_some_and(is_plain_title))
        })
        .count();
    if titled < PLAIN_TITLE_LINES {
        return None;
    }
    let mut out = Vec::with_capacity(blocks.len() * 2);
    for (index, block) in blocks.iter().enumerate() {
        let Block::Paragraph { text, line } = block else {
            out.push(block.clone());
            continue;
        };
        let lines: Vec<&str> = text.lines().collect();
        // `PMC:` over `Jerome Lin <jerome@example.com>` lines: the people who hold the role.
        let people = lines
            .iter()
            .skip(usize::from(
                lines.len() > 1 && lines[0].trim_end().ends_with([':', '：']),
            ))
            .all(|line| names_by_address(line));
        if people {
            let skip = usize::from(!names_by_address(lines[0]));
            out.push(Block::List {
                items: lines[skip..]
                    .iter()
                    .map(|line| Item {
                        text: line.trim().to_owned(),
                        children: Vec::new(),
                    })
                    .collect(),
                line: *line,
            });
            continue;
        }
        if !lines.first().is_some_and(|first| is_plain_title(first)) {
            out.push(block.clone());
            continue;
        }
        // The title lines that open the paragraph: the last one titles what follows; those
        // before it (and a lone line before another paragraph's titles) name groups of
        // roles, kept as prose.
        let mut titles = lines.iter().take_while(|line| is_plain_title(line)).count();
        // A paragraph of short lines only: its last line is what the titles head.
        if titles == lines.len() && titles > 1 {
            titles -= 1;
        }
        let rest = &lines[titles..];
        let next_is_titled = matches!(blocks.get(index + 1), Some(Block::Paragraph { text, .. })
            if text.lines().next().is_some_and(is_plain_title) && text.lines().count() > 1);
        for (offset, title) in lines[..titles].iter().enumerate() {
            let at = line + offset;
            let last = offset + 1 == titles;
            if index == 0 && offset == 0 && (titles > 1 || rest.is_empty()) {
                // (A heading's text is plain: "**Level 1 – Associate**" titles "Level 1 –
                // Associate".)
                out.push(Block::Heading {
                    level: 1,
                    text: plain(title.trim()),
                    line: at,
                });
            } else if last && !(rest.is_empty() && next_is_titled) {
                out.push(Block::Heading {
                    level: 2,
                    text: plain(title.trim()),
                    line: at,
                });
            } else {
                // Set off in bold, as its reader sees it: said about the roles, expected of
                // none.
                out.push(Block::Paragraph {
                    text: format!("**{}**", plain(title.trim())),
                    line: at,
                });
            }
        }
        // The people who hold the role, listed at the paragraph's end under `Role:`.
        let people = rest
            .iter()
            .rposition(|line| !names_by_address(line))
            .map_or(0, |at| at + 1);
        let (said, holders) = rest.split_at(people);
        let (said, holders) = match said.split_last() {
            Some((label, before))
                if !holders.is_empty() && label.trim_end().ends_with([':', '：']) =>
            {
                (before, holders)
            }
            _ => (said, holders),
        };
        if !said.is_empty() {
            out.push(Block::Paragraph {
                text: said.join("\n"),
                line: line + titles,
            });
        }
        if !holders.is_empty() {
            out.push(Block::List {
                items: holders
                    .iter()
                    .map(|line| Item {
                        text: line.trim().to_owned(),
                        children: Vec::new(),
                    })
                    .collect(),
                line: line + lines.len() - holders.len(),
            });
        }
    }
    Some(out)
}

/// Lists whose every bullet names a level before its text (`- **Junior:** Uses the design
/// system.`), and two-column tables whose every row does (`| Junior | Follows the models |`),
/// two or more, written as each level's line over a list of its text (and the bullets under
/// it): the shape [`areas_over_levels_pivoted`] reads. `None` when nothing is so written.
fn level_keyed_blocks_expanded(blocks: &[Block]) -> Option<Vec<Block>> {
    let keyed = |items: &[Item]| {
        items.len() >= 2
            && items.iter().all(|item| {
                bold_key(&item.text).is_some_and(|(key, value)| {
                    !value.trim().is_empty()
                        && key.split_whitespace().count() <= MAX_LEVEL_LABEL_WORDS
                        && level_likeness(&key) >= 0.5
                })
            })
    };
    // A table's rows, each a level's title and its text, when every row is so written.
    let level_rows = |rows: &[Vec<Cell>]| -> Option<Vec<(String, Vec<Expectation>)>> {
        let [header, body @ ..] = rows else {
            return None;
        };
        let pairs: Vec<(String, Vec<Expectation>)> = body
            .iter()
            .map(|row| match row.as_slice() {
                [title, text] => Some((
                    plain(&title.text).trim().to_owned(),
                    super::cells::cell_items(text),
                )),
                _ => None,
            })
            .collect::<Option<_>>()?;
        let fits = header.len() == 2
            && pairs.len() >= 2
            && pairs.iter().all(|(title, items)| {
                !items.is_empty()
                    && title.split_whitespace().count() <= MAX_LEVEL_LABEL_WORDS
                    && level_likeness(title) >= 0.5
            });
        fits.then_some(pairs)
    };
    if !blocks.iter().any(|block| match block {
        Block::List { items, .. } => keyed(items),
        Block::Table { rows, .. } => level_rows(rows).is_some(),
        _ => false,
    }) {
        return None;
    }
    let mut out = Vec::with_capacity(blocks.len() * 2);
    for block in blocks {
        match block {
            Block::List { items, line } if keyed(items) => {
                for item in items {
                    let Some((key, value)) = bold_key(&item.text) else {
                        continue;
                    };
                    out.push(Block::Paragraph {
                        text: format!("**{key}**"),
                        line: *line,
                    });
                    out.push(Block::List {
                        items: vec![Item {
                            text: value.trim().to_owned(),
                            children: item.children.clone(),
                        }],
                        line: *line,
                    });
                }
            }
            Block::Table { rows, line } if level_rows(rows).is_some() => {
                for (title, items) in level_rows(rows).unwrap_or_default() {
                    out.push(Block::Paragraph {
                        text: format!("**{title}**"),
                        line: *line,
                    });
                    // (A cell's expectations as a table's reader finds them, their examples
                    // nested.)
                    out.push(Block::List {
                        items: items
                            .into_iter()
                            .map(|item| Item {
                                text: item.text,
                                children: item
                                    .examples
                                    .into_iter()
                                    .map(|example| Item {
                                        text: example,
                                        children: Vec::new(),
                                    })
                                    .collect(),
                            })
                            .collect(),
                        line: *line,
                    });
                }
            }
            _ => out.push(block.clone()),
        }
    }
    Some(out)
}

/// The most words of a plain line that titles a level over its list inside an area's section
/// ("Trainee", "Senior Engineer").
const MAX_LEVEL_LABEL_WORDS: usize = 4;

/// A document written area by area, each area's section giving every level its list
/// ("## Work with data" over "Trainee" and its list, "Junior" and its list, …; or `###`
/// headings titled like levels under each area): turned level by level, each level a heading
/// at the areas' depth over its areas one deeper, so that the readings see the levels where
/// they expect them. The areas' own words before their first level are kept before the
/// levels, each under its area's name. `None` unless two areas or more give the same levels,
/// titled like levels, under areas titled unlike levels.
fn areas_over_levels_pivoted(blocks: &[Block]) -> Option<Vec<Block>> {
    // (`- **Junior:** Uses the design system.` bullets under each area give the levels as a
    // line over a list does.)
    let expanded;
    let blocks = match level_keyed_blocks_expanded(blocks) {
        Some(more) => {
            expanded = more;
            expanded.as_slice()
        }
        None => blocks,
    };
    let label = |index: usize| -> Option<String> {
        let Block::Paragraph { text, .. } = &blocks[index] else {
            return None;
        };
        let text = plain(text);
        let text = text.trim().trim_matches('*').trim();
        let fits = !text.is_empty()
            && !text.contains('\n')
            && text.split_whitespace().count() <= MAX_LEVEL_LABEL_WORDS
            && level_likeness(text) >= 0.5
            && matches!(blocks.get(index + 1), Some(Block::List { .. }));
        fits.then(|| text.to_owned())
    };
    // The areas' depth: the shallowest heading depth of two sections or more.
    let depth = (1..=5u8).find(|depth| {
        blocks
            .iter()
            .filter(|block| matches!(block, Block::Heading { level, .. } if level == depth))
            .count()
            >= 2
    })?;
    let first = blocks
        .iter()
        .position(|block| matches!(block, Block::Heading { level, .. } if *level == depth))?;
    // Each area: its heading's index and title, its end, its levels (title, start index).
    struct Area {
        at: usize,
        title: String,
        end: usize,
        levels: Vec<(String, usize)>,
    }
    let mut areas: Vec<Area> = Vec::new();
    for (index, block) in blocks.iter().enumerate().skip(first) {
        match block {
            Block::Heading { level, .. } if *level < depth => return None,
            Block::Heading { level, text, .. } if *level == depth => {
                if let Some(last) = areas.last_mut() {
                    last.end = index;
                }
                areas.push(Area {
                    at: index,
                    title: text.clone(),
                    end: blocks.len(),
                    levels: Vec::new(),
                });
            }
            Block::Heading { level, text, .. } if *level == depth + 1 => {
                let area = areas.last_mut()?;
                area.levels.push((plain(text).trim().to_owned(), index));
            }
            Block::Heading { .. } => {}
            _ => {
                if let (Some(title), Some(area)) = (label(index), areas.last_mut()) {
                    area.levels.push((title, index));
                }
            }
        }
    }
    let with_levels: Vec<&Area> = areas
        .iter()
        .filter(|area| !area.levels.is_empty())
        .collect();
    if with_levels.len() < 2 {
        return None;
    }
    let like = |title: &str| level_likeness(title) >= 0.5;
    let areas_unlike = areas.iter().filter(|area| !like(&area.title)).count() * 2 > areas.len();
    let levels_like = with_levels
        .iter()
        .all(|area| area.levels.iter().all(|(title, _)| like(title)));
    // The levels' titles, in order of first appearance; each given by two areas or more.
    let mut titles: Vec<String> = Vec::new();
    for area in &with_levels {
        for (title, _) in &area.levels {
            if !titles.contains(title) {
                titles.push(title.clone());
                // (More levels than a ladder has are no ladder's, nor compared pair by pair.)
                if titles.len() > MAX_RUNG_PARAGRAPHS {
                    return None;
                }
            }
        }
    }
    let given_by = |title: &String| {
        with_levels
            .iter()
            .filter(|area| area.levels.iter().any(|(own, _)| own == title))
            .count()
    };
    let repeated = titles.len() >= 2 && titles.iter().all(|title| given_by(title) >= 2);
    // (A title given twice in one area is no pivot: the area holds a ladder of its own.)
    let once_each = with_levels.iter().all(|area| {
        let mut own: Vec<&String> = area.levels.iter().map(|(title, _)| title).collect();
        own.sort();
        own.dedup();
        own.len() == area.levels.len()
    });
    if !(areas_unlike && levels_like && repeated && once_each) {
        return None;
    }
    let mut out: Vec<Block> = blocks[..first].to_vec();
    // The areas' own words, before the levels.
    for area in &areas {
        let start = area.levels.first().map_or(area.end, |(_, at)| *at);
        let said: Vec<&Block> = blocks[area.at + 1..start]
            .iter()
            .filter(
                |block| !matches!(block, Block::Paragraph { text, .. } if like(plain(text).trim())),
            )
            .collect();
        if said.is_empty() {
            continue;
        }
        let line = blocks[area.at].line();
        out.push(Block::Paragraph {
            text: format!("**{}**", plain(&area.title).trim()),
            line,
        });
        out.extend(said.into_iter().cloned());
    }
    for title in &titles {
        let line = with_levels
            .iter()
            .find_map(|area| area.levels.iter().find(|(own, _)| own == title))
            .map_or(0, |(_, at)| blocks[*at].line());
        out.push(Block::Heading {
            level: depth,
            text: title.clone(),
            line,
        });
        for area in &with_levels {
            let Some(position) = area.levels.iter().position(|(own, _)| own == title) else {
                continue;
            };
            let start = area.levels[position].1 + 1;
            let end = area
                .levels
                .get(position + 1)
                .map_or(area.end, |(_, at)| *at);
            out.push(Block::Heading {
                level: depth + 1,
                text: area.title.clone(),
                line: blocks[area.at].line(),
            });
            out.extend(blocks[start..end].iter().cloned());
        }
    }
    Some(out)
}

/// A page that shows each level's code as a tag just above its heading (`<div
/// class="level-tag">D1</div>` then `<h3>Junior Product Designer</h3>`): the code is that
/// level's (`Code: D1` under its heading), not a line of the level before. `None` unless two
/// headings or more are tagged so.
fn codes_before_headings_as_theirs(blocks: &[Block]) -> Option<Vec<Block>> {
    let tagged = |index: usize| {
        matches!(&blocks[index], Block::Paragraph { text, .. } if names_only_a_rung(text))
            && matches!(blocks.get(index + 1), Some(Block::Heading { .. }))
    };
    if (0..blocks.len()).filter(|&index| tagged(index)).count() < 2 {
        return None;
    }
    let mut out = Vec::with_capacity(blocks.len());
    let mut index = 0;
    while index < blocks.len() {
        if let (true, Block::Paragraph { text, line }) = (tagged(index), &blocks[index]) {
            out.push(blocks[index + 1].clone());
            out.push(Block::KeyValue {
                key: String::from("Code"),
                value: plain(text).trim().to_owned(),
                line: *line,
            });
            index += 2;
            continue;
        }
        out.push(blocks[index].clone());
        index += 1;
    }
    Some(out)
}

/// A document that titles its levels with bold lines over lists instead of headings: those
/// lines as headings one deeper than the heading they are under, so that the readings see
/// them. `None` when the document does not write its levels so.
fn bold_lines_as_headings(blocks: &[Block]) -> Option<Vec<Block>> {
    // (A line may say what the level is after a dash: "**Senior Engineer** — Leads
    // projects." The title is the bold, the rest describes the level.)
    let titled_line = |block: &Block| -> Option<(String, Option<String>)> {
        let Block::Paragraph { text, .. } = block else {
            return None;
        };
        let rest = text.trim().strip_prefix("**")?;
        let (inner, after) = rest.split_once("**")?;
        let after = after.trim();
        // (Or a remark in brackets after it: "**Reviewer** (GitHub team `@proj/reviewers`)".)
        let bracketed = (after.starts_with(['(', '（']) && after.ends_with([')', '）']))
            .then_some(after)
            .filter(|said| !said.contains('\n'));
        let described = ["—", "–", "-"]
            .iter()
            .find_map(|dash| after.strip_prefix(dash))
            .filter(|said| said.starts_with(' '))
            .map(str::trim)
            .filter(|said| !said.is_empty() && !said.contains('\n'))
            .or(bracketed);
        if !after.is_empty() && described.is_none() {
            return None;
        }
        let title = inner.trim();
        let fits = !title.is_empty()
            && !title.ends_with([':', '：'])
            && !title.contains('\n')
            && title.split_whitespace().count() <= 8
            && level_likeness(title) >= 0.5;
        fits.then(|| (title.to_owned(), described.map(str::to_owned)))
    };
    let bold_title = |block: &Block| titled_line(block).map(|(title, _)| title);
    // (Over its list, or over a paragraph describing the level and then its list.)
    let over_list = |index: usize| {
        let list_at = |at: usize| matches!(blocks.get(at), Some(Block::List { .. }));
        let described = matches!(blocks.get(index + 1), Some(Block::Paragraph { .. }))
            && bold_title(&blocks[index + 1]).is_none()
            && list_at(index + 2);
        bold_title(&blocks[index]).is_some() && (list_at(index + 1) || described)
    };
    // (Or over paragraphs alone, up to the next such line, a heading or the end: the first
    // rung of a role ladder says who it is in a sentence, "Anyone who has contributed", where
    // the rungs after it list their duties.)
    let over_prose = |index: usize| {
        if bold_title(&blocks[index]).is_none() {
            return false;
        }
        let said = blocks[index + 1..]
            .iter()
            .take_while(|block| {
                matches!(block, Block::Paragraph { .. }) && bold_title(block).is_none()
            })
            .count();
        said > 0
            && match blocks.get(index + 1 + said) {
                None | Some(Block::Heading { .. }) => true,
                Some(next) => bold_title(next).is_some(),
            }
    };
    let count = (0..blocks.len()).filter(|&index| over_list(index)).count();
    let in_prose = (0..blocks.len())
        .filter(|&index| !over_list(index) && over_prose(index))
        .count();
    let deepest = deepest_heading(blocks);
    if count < BOLD_LEVEL_LISTS || count + in_prose < BOLD_LEVEL_LINES || deepest >= 6 {
        return None;
    }
    let over_list = |index: usize| over_list(index) || over_prose(index);
    let mut depth = 0;
    let mut out = Vec::with_capacity(blocks.len());
    for (index, block) in blocks.iter().enumerate() {
        if let Block::Heading { level, .. } = block {
            depth = *level;
        }
        match (over_list(index), block) {
            (true, Block::Paragraph { line, .. }) => {
                let (title, described) = titled_line(block).unwrap_or_default();
                out.push(Block::Heading {
                    level: depth + 1,
                    text: title,
                    line: *line,
                });
                if let Some(text) = described {
                    out.push(Block::Paragraph { text, line: *line });
                }
            }
            _ => out.push(block.clone()),
        }
    }
    Some(out)
}

/// Words that say a text is about moving up to a level ("由 Contributor 晋升为 Active
/// Contributor", "Promotion from Member to Reviewer"): what follows them names that level.
const PROMOTED_TO: &[&str] = &[
    "晋升为",
    "晋升到",
    "升级为",
    "升为",
    "昇格して",
    "승격",
    // Traditional Chinese.
    "晉升為",
    "晉升到",
    "升級為",
    "升為",
];

/// The level a heading or an item leads to when it names a promotion: "Member → Reviewer",
/// "From Member to Reviewer", "决定成员是否可由 Contributor 晋升为 Active Contributor：" all
/// lead to the level after the arrow or the words. `None` for any other text, and when what
/// it leads to is no level's title.
pub(super) fn promotion_target(text: &str) -> Option<String> {
    let text = plain(text);
    let text = text.trim().trim_end_matches([':', '：', '.', '。']).trim();
    let lower = text.to_lowercase();
    let after = ["→", "->", "⇒", "=>", "⟶"]
        .iter()
        .filter_map(|arrow| text.rsplit_once(arrow))
        .find(|(before, _)| !before.trim().is_empty())
        .map(|(_, after)| after.to_owned())
        .or_else(|| {
            PROMOTED_TO
                .iter()
                .find_map(|words| text.split_once(words).map(|(_, after)| after.to_owned()))
        })
        .or_else(|| {
            // (ASCII only: a lowercased text's byte offsets are the text's.)
            if !text.is_ascii() {
                return None;
            }
            let from = lower
                .find("promotion from ")
                .or_else(|| lower.find("promoted from "))
                .or_else(|| lower.starts_with("from ").then_some(0))?;
            let rest = &text[from..];
            rest.to_lowercase()
                .find(" to ")
                .map(|to| rest[to + 4..].to_owned())
        })?;
    // Up to the end of the clause.
    let target = after
        .split(['，', ',', '。', '；', ';', '(', '（'])
        .next()
        .unwrap_or("")
        .trim();
    let target = target
        .strip_prefix("a ")
        .or_else(|| target.strip_prefix("an "))
        .unwrap_or(target)
        .trim();
    let fits = !target.is_empty()
        && target.split_whitespace().count() <= 5
        && level_likeness(target) >= 0.5;
    fits.then(|| target.to_owned())
}

/// Words before the level a lead-in's list is asked for ("Promotion to Level 2 requires:",
/// "To be promoted to Senior Engineer:"), lowercased.
const PROMOTION_LEADS: &[&str] = &[
    "promotion to ",
    "promoted to ",
    "advancement to ",
    "progression to ",
    "beförderung zu ",
    "promotion au ",
    "promoción a ",
    "beförderung zum ",
    "beförderung zur ",
    "aufstieg zum ",
    "aufstieg zur ",
    "promotion vers ",
    "promotion à ",
    "promoción al ",
    "ascenso a ",
    "promoção para ",
    "promoção a ",
    "promozione a ",
    "promoció a ",
    "bevordering naar ",
    "bevordering tot ",
    "promotie naar ",
    "befordran till ",
    "forfremmelse til ",
    "ylennys ",
    "awans na ",
    "povýšení na ",
    "povýšenie na ",
    "promovare la ",
    "promovarea la ",
    "повышение до ",
    "підвищення до ",
    "προαγωγή σε ",
    "promosi ke ",
    "kenaikan ke ",
    "thăng cấp lên ",
];

/// Words after the level in such a lead-in ("… requires:").
const PROMOTION_TAILS: &[&str] = &[
    " requires",
    " require",
    " needs",
    " expects",
    " erfordert",
    " verlangt",
    " setzt voraus",
    " nécessite",
    " requiert",
    " exige",
    " demande",
    " requiere",
    " requer",
    " richiede",
    " necessita",
    " requereix",
    " vereist",
    " kräver",
    " kræver",
    " krever",
    " edellyttää",
    " vaatii",
    " wymaga",
    " vyžaduje",
    " necesită",
    " требует",
    " вимагає",
    " απαιτεί",
    " membutuhkan",
    " memerlukan",
    " yêu cầu",
];

/// The level a paragraph that leads into a list says the list is for, when it names a
/// promotion ("Promotion to Level 2 requires:", "晋升为 Committer 需要："): the paragraph ends
/// with a colon and the level's title reads as one.
pub(super) fn promotion_lead_target(text: &str) -> Option<String> {
    let text = plain(text);
    let text = text.trim();
    if !text.ends_with([':', '：']) || text.contains('\n') {
        return None;
    }
    if let Some(target) = promotion_target(text) {
        return Some(target);
    }
    let lower = text.to_lowercase();
    if !text.is_ascii() && lower.len() != text.len() {
        return None;
    }
    let start = PROMOTION_LEADS
        .iter()
        .find_map(|lead| lower.find(lead).map(|at| at + lead.len()))?;
    let rest = text[start..].trim_end_matches([':', '：']).trim();
    let rest_lower = rest.to_lowercase();
    let end = PROMOTION_TAILS
        .iter()
        .filter_map(|tail| rest_lower.find(tail))
        .min()
        .unwrap_or(rest.len());
    let target = rest[..end].trim();
    let fits = !target.is_empty()
        && target.split_whitespace().count() <= 5
        && level_likeness(target) >= 0.5;
    fits.then(|| target.to_owned())
}

/// A document that writes its rungs as promotions, each a heading or an item naming the level
/// it leads to over what that step asks ("### Member → Reviewer", "- … 由 Contributor 晋升为
/// Active Contributor：" over its criteria): those as headings titled by the level they lead
/// to, one deeper than the heading they are under, their text a paragraph and their nested
/// items a list. `None` unless two promotions or more lead to different levels.
fn promotions_as_headings(blocks: &[Block]) -> Option<Vec<Block>> {
    // Items that name a promotion and hold what it asks: in a list, or one level down (under
    // "考核 & 晋升制度").
    let promotes =
        |item: &Item| !item.children.is_empty() && promotion_target(&item.text).is_some();
    let holds_promotions = |item: &Item| item.children.iter().any(promotes);
    let mut targets: Vec<String> = Vec::new();
    for block in blocks {
        match block {
            Block::Heading { text, .. } => targets.extend(promotion_target(text)),
            Block::List { items, .. } => {
                for item in items {
                    if promotes(item) {
                        targets.extend(promotion_target(&item.text));
                    } else if holds_promotions(item) {
                        targets.extend(
                            item.children
                                .iter()
                                .filter(|child| promotes(child))
                                .filter_map(|child| promotion_target(&child.text)),
                        );
                    }
                }
            }
            _ => {}
        }
    }
    let mut distinct = targets.clone();
    distinct.sort();
    distinct.dedup();
    let deepest = deepest_heading(blocks);
    if distinct.len() < 2 || distinct.len() != targets.len() || deepest >= 6 {
        return None;
    }
    // What a later list says of the promoted levels by name ("晋级角色权益 & 义务" over
    // `- Reviewer` and `- Committer`, each over its rights): joined to those levels, under the
    // grouping item's text as their area.
    let mut said_of: Vec<(String, Block, Block)> = Vec::new();
    for block in blocks {
        if let Block::List { items, line } = block {
            for item in items {
                for child in role_groups(item, &distinct) {
                    said_of.push((
                        plain(&child.text).trim().to_lowercase(),
                        Block::Paragraph {
                            text: format!("**{}**", plain(&item.text).trim()),
                            line: *line,
                        },
                        Block::List {
                            items: child.children.clone(),
                            line: *line,
                        },
                    ));
                }
            }
        }
    }
    let promotion = |item: &Item, depth: u8, line: usize, out: &mut Vec<Block>| {
        let target = promotion_target(&item.text).unwrap_or_default();
        let lower = target.to_lowercase();
        out.push(Block::Heading {
            level: depth + 1,
            text: target,
            line,
        });
        out.push(Block::Paragraph {
            text: item.text.clone(),
            line,
        });
        out.push(Block::List {
            items: item.children.clone(),
            line,
        });
        for (level, label, list) in &said_of {
            if *level == lower {
                out.extend([label.clone(), list.clone()]);
            }
        }
    };
    let mut depth = 0;
    let mut out = Vec::with_capacity(blocks.len());
    for block in blocks {
        match block {
            Block::Heading { level, text, line } => {
                depth = *level;
                match promotion_target(text) {
                    Some(target) => {
                        out.push(Block::Heading {
                            level: *level,
                            text: target,
                            line: *line,
                        });
                        out.push(Block::Paragraph {
                            text: text.clone(),
                            line: *line,
                        });
                    }
                    None => out.push(block.clone()),
                }
            }
            Block::List { items, line }
                if items
                    .iter()
                    .any(|item| promotes(item) || holds_promotions(item)) =>
            {
                // The items before the first promotion stay a list; after the promotions,
                // what follows belongs to the last promotion's level.
                let mut pending: Vec<Item> = Vec::new();
                let mut promoted = false;
                let flush = |pending: &mut Vec<Item>, out: &mut Vec<Block>| {
                    if !pending.is_empty() {
                        out.push(Block::List {
                            items: std::mem::take(pending),
                            line: *line,
                        });
                    }
                };
                for item in items {
                    let joined = role_groups(item, &distinct);
                    if promotes(item) {
                        flush(&mut pending, &mut out);
                        promotion(item, depth, *line, &mut out);
                        promoted = true;
                    } else if !joined.is_empty() {
                        // (Joined to their levels above; what else it holds stays here.)
                        pending.extend(
                            item.children
                                .iter()
                                .filter(|child| !joined.contains(child))
                                .cloned(),
                        );
                    } else if promoted && is_becoming_heading(&item.text) {
                        // "退出制度" (leaving a role) after the promotions: a section of its
                        // own, not more of the last promotion's level.
                        flush(&mut pending, &mut out);
                        out.push(Block::Heading {
                            level: depth + 1,
                            text: plain(&item.text).trim().to_owned(),
                            line: *line,
                        });
                        out.push(Block::List {
                            items: item.children.clone(),
                            line: *line,
                        });
                    } else if holds_promotions(item) {
                        flush(&mut pending, &mut out);
                        out.push(Block::Paragraph {
                            text: item.text.clone(),
                            line: *line,
                        });
                        for child in &item.children {
                            if promotes(child) {
                                flush(&mut pending, &mut out);
                                promotion(child, depth, *line, &mut out);
                                promoted = true;
                            } else {
                                pending.push(child.clone());
                            }
                        }
                    } else {
                        pending.push(item.clone());
                    }
                }
                flush(&mut pending, &mut out);
            }
            _ => out.push(block.clone()),
        }
    }
    Some(out)
}

/// The items nested in `item` that name one of `levels` (`- Reviewer` over its rights), when
/// `item` groups what is said of each: at least one of them holds items of its own.
fn role_groups<'a>(item: &'a Item, levels: &[String]) -> Vec<&'a Item> {
    let named: Vec<&Item> = item
        .children
        .iter()
        .filter(|child| {
            let title = plain(&child.text);
            levels
                .iter()
                .any(|level| level.eq_ignore_ascii_case(title.trim()))
        })
        .collect();
    if named.iter().any(|child| !child.children.is_empty()) {
        named
    } else {
        Vec::new()
    }
}

/// The depth of the deepest heading of `blocks` (0 without any): a rewrite that adds headings
/// one deeper needs room under 6.
fn deepest_heading(blocks: &[Block]) -> u8 {
    blocks
        .iter()
        .filter_map(|block| match block {
            Block::Heading { level, .. } => Some(*level),
            _ => None,
        })
        .max()
        .unwrap_or(0)
}

/// The title and the description of a list item written as an entry of a named thing: a
/// short first line, then (after a hard break) what it is ("Committer (Full maintainership)"
/// over "Committers have full write access …"), or a bold label and what follows its colon or
/// dash. `None` for any other item. (Whether the name reads as a role's is the caller's.)
fn labelled_entry(item: &Item) -> Option<(String, String)> {
    // `**Mantenedores/as**: Personas colaboradoras de confianza …`: the bold label names it;
    // else the first line does (a sentence's end or a label's colon shows it is none).
    let (title, rest) = match bold_key(&item.text)
        .or_else(|| bold_dash_label(&item.text))
        .or_else(|| bold_subject(&item.text))
        // (A plain name before a colon is an entry only as a role's: "Treasurer: Responsible
        // for …" under "the Board shall have the following roles:" names no rung.)
        // (Nor over nested items, nor over a holder's name: "Support leader: Ann Lee" over
        // what the leader does is a kind of leader and who is it.)
        .or_else(|| {
            plain_key(&item.text).filter(|(name, said)| {
                item.children.is_empty() && says_something(said) && level_likeness(name) >= 0.5
            })
        }) {
        Some(labelled) => labelled,
        None => {
            let (first, rest) = item.text.split_once('\n')?;
            let title = first.trim().trim_end_matches('\\').trim();
            let title = title
                .strip_prefix("**")
                .and_then(|inner| inner.strip_suffix("**"))
                .unwrap_or(title)
                .trim();
            if title.ends_with(['.', ':', '：', '。']) {
                return None;
            }
            (title.to_owned(), rest.to_owned())
        }
    };
    // (Its lines are one paragraph.)
    let rest = rest.split_whitespace().collect::<Vec<_>>().join(" ");
    let fits = !title.is_empty() && !rest.is_empty() && title.split_whitespace().count() <= 6;
    fits.then_some((title, rest))
}

/// The most words a plain name before a colon has in an entry (`Contributor：项目的贡献者…`).
const PLAIN_KEY_WORDS: usize = 4;

/// A plain name and what follows its colon on the entry's first line (`Maintainer：项目的维护者…`,
/// `Committer: has write access`): a short name, no sentence or link before the colon.
fn plain_key(text: &str) -> Option<(String, String)> {
    let first = text.lines().next()?;
    let at = first.find([':', '：'])?;
    if super::colon_between_digits(first, at) {
        return None;
    }
    let (name, rest) = (
        first[..at].trim(),
        text[at..].trim_start_matches([':', '：']).trim(),
    );
    let fits = !name.is_empty()
        && name.split_whitespace().count() <= PLAIN_KEY_WORDS
        && name.chars().count() <= 40
        && !name.contains(['.', '。', '[', '*', '`', '(', '（'])
        && !rest.is_empty();
    fits.then(|| (name.to_owned(), rest.to_owned()))
}

/// Whether what follows a name says something of it: more than a few words (more than a few
/// characters in a script written without spaces), not a person's name.
fn says_something(text: &str) -> bool {
    let unspaced = !text.trim().contains(' ');
    if unspaced {
        text.chars().filter(|c| c.is_alphabetic()).count() > 8
    } else {
        text.split_whitespace().count() > 3
    }
}

/// The bold run a text opens with, trimmed, and what follows it as written.
fn bold_opening(text: &str) -> Option<(&str, &str)> {
    let rest = text.trim().strip_prefix("**")?;
    let (name, after) = rest.split_once("**")?;
    Some((name.trim(), after))
}

/// A bold name that is the subject of the sentence it opens (`**EDAM Editors** represent the
/// broad life science community …`): the name, and the sentence without its bold.
fn bold_subject(text: &str) -> Option<(String, String)> {
    let (name, after) = bold_opening(text)?;
    let continues =
        after.starts_with(' ') && after.trim_start().starts_with(|c: char| c.is_lowercase());
    (continues && !name.is_empty() && name.split_whitespace().count() <= 6)
        .then(|| (name.to_owned(), format!("{name}{after}")))
}

/// A bold name and what follows a dash after it (`**Director** - The Director is …`,
/// `**Users** – anyone …`).
fn bold_dash_label(text: &str) -> Option<(String, String)> {
    let (name, after) = bold_opening(text)?;
    let after = after.trim_start();
    let said = ["- ", "– ", "— "]
        .iter()
        .find_map(|dash| after.strip_prefix(dash))?;
    (!name.is_empty() && !name.ends_with(['.', ':', '：']))
        .then(|| (name.to_owned(), said.trim().to_owned()))
}

/// A document that lists its roles as items of one list, each a title line over its
/// description ("Maintainers consist of the following roles:" then `- Committer (Full
/// maintainership)` and its lines) or a rung's title over a nested list (`* 2 - Novice` over
/// its bullets), and titles no level with a heading: those items as headings one deeper than
/// the heading they are under, their descriptions as paragraphs (their nested lists as
/// lists), so that the readings see them. `None` when the document is not so.
fn role_items_as_headings(blocks: &[Block]) -> Option<(Vec<Block>, u8, Vec<String>)> {
    // Each list's index and whether it is of roles: every item a role's entry, or, under a
    // heading that says it lists the roles ("Defined Roles and Responsibilities"), every item
    // a named entry and most of the names a role's ("Principal Investigators" is none by its
    // words).
    let mut under_roles_heading = false;
    let mut role_lists: Vec<usize> = Vec::new();
    for (index, block) in blocks.iter().enumerate() {
        // "EDAM follows a model with four tiers of governance:" over the list: the writer
        // says its items are the rungs (in the sentence leading into it: "… grow into the
        // role of Maintainer. These are the conditions:" says no such thing).
        let announced = index > 0
            && matches!(&blocks[index - 1], Block::Paragraph { text, .. }
                if text.trim_end().ends_with([':', '：'])
                    && names_rungs(&super::likeness::lead_in_sentence(text)));
        match block {
            Block::Heading { text, .. } => under_roles_heading = names_the_roles(text),
            Block::List { items, .. } if items.len() >= 2 => {
                let entries: Vec<Option<(String, String)>> =
                    items.iter().map(labelled_entry).collect();
                let roles = entries
                    .iter()
                    .flatten()
                    .filter(|(title, _)| level_likeness(title) >= 0.5)
                    .count();
                let all_entries = entries.iter().all(Option::is_some);
                let of_roles = roles == items.len()
                    || under_roles_heading && all_entries && roles * 2 > items.len()
                    || announced && all_entries;
                // `* 2 - Novice (limited experience)` over its nested bullets, and the
                // other rungs so: every item a rung's title over a list.
                // (All but one titled like levels: "Estagiário" before "Desenvolvedor Júnior".)
                let titles: Option<Vec<String>> = items.iter().map(titled_over_list).collect();
                let titles_over_lists = items.len() >= TITLED_ITEMS
                    && titles.is_some_and(|titles| {
                        let unlike = titles
                            .iter()
                            .filter(|title| level_likeness(title) < 0.5)
                            .count();
                        unlike == 0 || unlike == 1 && titles.len() > TITLED_ITEMS
                    });
                // (Entries may hold their lists: "**Editors** are expected to:" over its
                // bullets.)
                if all_entries && of_roles || titles_over_lists {
                    role_lists.push(index);
                }
            }
            _ => {}
        }
    }
    // A role list broken by a note or a paragraph between two of its items (reStructuredText's
    // `.. note::`, an unindented paragraph in Markdown) goes on in the next list after it
    // when that list's every item is a role's entry ("4. **Other contributors** do not …"):
    // one list of roles, the text between them the role's before.
    let mut continued: Vec<usize> = Vec::new();
    for &at in &role_lists {
        let mut last = at;
        while let Some(next) = continuation_of_roles(blocks, last) {
            continued.push(next);
            last = next;
        }
    }
    let of_roles = |index: usize| role_lists.contains(&index) || continued.contains(&index);
    let lists = role_lists.len();
    // Headings that title levels: then the list is something else (a level's kinds). (Not a
    // heading saying it is over the roles, "Maintainer Roles": the list's own, most often.)
    let titled_levels = blocks
        .iter()
        .filter(|block| {
            matches!(block, Block::Heading { text, .. }
                if level_likeness(text) >= 0.5 && !names_the_roles(text))
        })
        .count();
    let deepest = deepest_heading(blocks);
    // (Tables may hold the levels: a list defining them is then their summary.)
    let tables = blocks
        .iter()
        .any(|block| matches!(block, Block::Table { .. }));
    if lists != 1 || deepest >= 6 || titled_levels > ROLE_ITEM_HEADINGS_ALLOWED || tables {
        return None;
    }
    // The roles' depth: one deeper than the heading over their list.
    let at = *role_lists.first()?;
    let roles_depth = blocks[..at]
        .iter()
        .rev()
        .find_map(|block| match block {
            Block::Heading { level, .. } => Some(*level),
            _ => None,
        })
        .unwrap_or(0)
        + 1;
    let mut out = Vec::with_capacity(blocks.len());
    let mut titles = Vec::new();
    let mut moved = 0..0;
    for (index, block) in blocks.iter().enumerate() {
        if moved.contains(&index) {
            continue;
        }
        match block {
            Block::List { items, line } if of_roles(index) => {
                // What the section says after its list ("The current maintainers are listed
                // in MAINTAINERS.md") is the section's, not the last role's: it goes first.
                // (After the list's last continuation: the text before one is a role's.)
                let mut last = index;
                while let Some(next) = continuation_of_roles(blocks, last) {
                    last = next;
                }
                let end = blocks[last + 1..]
                    .iter()
                    .position(|block| matches!(block, Block::Heading { .. }))
                    .map_or(blocks.len(), |offset| last + 1 + offset);
                if !continued.contains(&index) {
                    out.extend(blocks[last + 1..end].iter().cloned());
                    moved = last + 1..end;
                }
                for (offset, item) in items.iter().enumerate() {
                    let line = line + offset;
                    // A rung's title over its list, or a named entry and what it says.
                    let (title, description) = match titled_over_list(item) {
                        Some(title) => (title, None),
                        None => {
                            let (title, description) = labelled_entry(item).unwrap_or_default();
                            (title, Some(description))
                        }
                    };
                    titles.push(title.clone());
                    out.push(Block::Heading {
                        level: roles_depth,
                        text: title,
                        line,
                    });
                    if let Some(text) = description {
                        out.push(Block::Paragraph { text, line });
                    }
                    if !item.children.is_empty() {
                        out.push(Block::List {
                            items: item.children.clone(),
                            line,
                        });
                    }
                }
            }
            _ => out.push(block.clone()),
        }
    }
    Some((out, roles_depth, titles))
}

/// The list that goes on with the role list at `at` after text between them: the next
/// block but paragraphs, before any heading, a list whose every item is a role's entry.
fn continuation_of_roles(blocks: &[Block], at: usize) -> Option<usize> {
    let offset = blocks[at + 1..]
        .iter()
        .position(|block| !matches!(block, Block::Paragraph { .. }))?;
    let next = at + 1 + offset;
    match &blocks[next] {
        Block::List { items, .. }
            if offset > 0
                && items.iter().all(|item| {
                    labelled_entry(item).is_some_and(|(title, _)| level_likeness(&title) >= 0.5)
                }) =>
        {
            Some(next)
        }
        _ => None,
    }
}

/// How many items titled like rungs, each over a nested list, make a list of the levels.
const TITLED_ITEMS: usize = 3;

/// The title of a list item that is only a title over its nested list (`* 3 - Intermediate
/// (practical application)` over `* You are able to …`): one short line that ends no sentence
/// and names no list (`Responsibilities:` over its items is an area's label), over items
/// that are not themselves levels (`* **Software Engineer**` over links to its levels names a
/// track).
fn titled_over_list(item: &Item) -> Option<String> {
    let title = plain(item.text.trim());
    let names_levels = |child: &Item| {
        let text = plain(&child.text);
        let label = text.split([':', '：']).next().unwrap_or_default();
        child.text.trim_start().starts_with(['[', '*', '_']) || level_likeness(label) >= 0.5
    };
    let levels_below = item
        .children
        .iter()
        .filter(|child| names_levels(child))
        .count();
    let fits = !item.children.is_empty()
        && levels_below * 2 <= item.children.len()
        && !title.is_empty()
        && !title.contains('\n')
        && title.split_whitespace().count() <= 8
        && !title.ends_with(['.', ':', '：', '。', ';']);
    fits.then_some(title)
}

/// How many roles a list must name for its headings to be the levels.
const LISTED_ROLES: usize = 3;

/// A document that lists its roles by title (`## Roles` over `- Guest`, `- Contributor`,
/// `- Committer`) and then describes each under a heading of that title: the headings' depth
/// and the titles. `None` unless one list of three short titles or more, nothing nested, under a
/// heading or after a paragraph naming the roles, names headings of one depth that follow it,
/// each title one of them; nor where a table may hold the levels.
fn roles_listed_then_described(blocks: &[Block]) -> Option<(u8, Vec<String>)> {
    // The headings by their titles' keys: (block index, depth) of each.
    let mut by_key: HashMap<String, Vec<(usize, u8)>> = HashMap::new();
    for (index, block) in blocks.iter().enumerate() {
        if let Block::Heading { level, text, .. } = block {
            by_key
                .entry(super::twins::title_key(text))
                .or_default()
                .push((index, *level));
        }
    }
    // (A table may hold the levels: the list then names its rows.)
    if blocks
        .iter()
        .any(|block| matches!(block, Block::Table { .. }))
    {
        return None;
    }
    let mut found = None;
    for (index, block) in blocks.iter().enumerate() {
        let Block::List { items, .. } = block else {
            continue;
        };
        // Right under a heading naming the roles ("## Roles"), or after a paragraph saying
        // it lists them.
        let introduced = match index.checked_sub(1).map(|before| &blocks[before]) {
            Some(Block::Heading { text, .. }) => names_the_roles(text),
            Some(Block::Paragraph { text, .. }) => {
                names_rungs(text)
                    || matches!(index.checked_sub(2).map(|at| &blocks[at]),
                        Some(Block::Heading { text, .. }) if names_the_roles(text))
            }
            _ => false,
        };
        let titles: Vec<String> = items.iter().map(|item| plain(&item.text)).collect();
        // (Or a list of two or more rungs' titles, each a later heading's: "## 等級一覧" over
        // "- G1：ジュニア", "- G2：シニア", then a section for each.)
        let of_rungs = items.len() >= 2 && titles.iter().all(|title| level_likeness(title) >= 0.5);
        let short = (introduced && items.len() >= LISTED_ROLES || of_rungs)
            && items
                .iter()
                .all(|item| item.children.is_empty() && !item.text.contains("]("))
            && titles.iter().all(|title| {
                !title.is_empty()
                    && title.split_whitespace().count() <= 4
                    && !title.ends_with(['.', ':', '：', '。'])
            });
        if !short {
            continue;
        }
        // The depth of the headings after the list titled as its items, one each: one depth
        // for all.
        let mut depth = None;
        let every = titles.iter().all(|title| {
            let titled: Vec<u8> = by_key
                .get(&super::twins::title_key(title))
                .into_iter()
                .flatten()
                .filter(|(at, _)| *at > index)
                .map(|(_, level)| *level)
                .collect();
            let [level] = titled.as_slice() else {
                return false;
            };
            *depth.get_or_insert(*level) == *level
        });
        // (A list of rungs not introduced as the roles overviews the sections beside its own,
        // "## 等級一覧" before "## G1：ジュニア"; one over its own sub-sections, "## Membership"
        // over "- Member" and "### Member", is that section's, whose other sections are
        // others' roles.)
        let own_depth = blocks[..index].iter().rev().find_map(|block| match block {
            Block::Heading { level, .. } => Some(*level),
            _ => None,
        });
        let beside = introduced && items.len() >= LISTED_ROLES || depth == own_depth;
        if let (true, true, Some(depth)) = (every, beside, depth) {
            if found.is_some() {
                return None;
            }
            found = Some((depth, titles));
        }
    }
    found
}

/// The headings of `depth` before the first of the `listed` roles' or after the last, titled
/// as none of them (title and line): prose beside the levels a list named.
pub(super) fn unlisted_headings(
    blocks: &[Block],
    depth: u8,
    listed: &[String],
) -> Vec<(String, usize)> {
    let keys: Vec<String> = listed
        .iter()
        .map(|title| super::twins::title_key(title))
        .collect();
    let at_depth: Vec<(&str, usize, bool)> = blocks
        .iter()
        .filter_map(|block| match block {
            Block::Heading { level, text, line } if *level == depth => Some((
                text.as_str(),
                *line,
                keys.contains(&super::twins::title_key(text)),
            )),
            _ => None,
        })
        .collect();
    let first = at_depth.iter().position(|(_, _, listed)| *listed);
    let last = at_depth.iter().rposition(|(_, _, listed)| *listed);
    let (Some(first), Some(last)) = (first, last) else {
        return Vec::new();
    };
    at_depth
        .iter()
        .enumerate()
        .filter(|(position, (_, _, listed))| !listed && (*position < first || *position > last))
        .map(|(_, (title, line, _))| ((*title).to_owned(), *line))
        .collect()
}

/// The fewest axes, each over one step, that make a page about one level.
const LEAST_AXES: usize = 3;

/// The depth of the step headings of a page about one level that names its step on each
/// axis by a heading under the axis's (`### 영향 범위` then `#### 팀`, `### 기술 역량` then
/// `#### 숙련`): every heading of the axes' depth, three or more, holds exactly one heading of
/// the next depth and no deeper one, no such heading stands elsewhere, no step reads as a
/// level's title, and at most one heading (the page's title) is above the axes. `None` for any
/// other document.
pub(super) fn steps_under_axes(blocks: &[Block]) -> Option<u8> {
    let headings: Vec<(u8, &str)> = blocks
        .iter()
        .filter_map(|block| match block {
            Block::Heading { level, text, .. } => Some((*level, text.as_str())),
            _ => None,
        })
        .collect();
    let axes = headings
        .iter()
        .map(|(depth, _)| *depth)
        .find(|&depth| headings.iter().any(|&(below, _)| below == depth + 1))?;
    let above = headings.iter().filter(|(depth, _)| *depth < axes).count();
    if above > 1 {
        return None;
    }
    // Each axis followed by exactly one step before the next axis.
    let mut axis_count = 0;
    let mut steps_here = 0;
    for &(depth, title) in headings.iter().skip_while(|(depth, _)| *depth < axes) {
        if depth == axes {
            if axis_count > 0 && steps_here != 1 {
                return None;
            }
            axis_count += 1;
            steps_here = 0;
        } else if depth == axes + 1 && axis_count > 0 && level_likeness(title) < LEVEL_LIKE {
            steps_here += 1;
        } else {
            return None;
        }
    }
    (axis_count >= LEAST_AXES && steps_here == 1).then_some(axes + 1)
}

/// Whether a text is a bare number (`3`): a rung of a scale, titled by nothing else.
pub(super) fn is_bare_number(text: &str) -> bool {
    let text = plain(text);
    let text = text.trim();
    !text.is_empty() && text.chars().all(|c| c.is_ascii_digit())
}

/// Whether two headings or more are titled like levels by their words, not bare numbers
/// (`Developer 1 (D1)`, `Tech Lead 2`).
pub(super) fn headings_name_levels(blocks: &[Block]) -> bool {
    blocks
        .iter()
        .filter(|block| {
            matches!(block, Block::Heading { text, .. }
                if !is_bare_number(text) && level_likeness(text) >= LEVEL_LIKE)
        })
        .nth(1)
        .is_some()
}

/// The fewest words of a heading or a bold label that is a sentence rather than a title.
const SENTENCE_TITLE_WORDS: usize = 6;

/// Whether a heading or a bold label is a sentence ("You are an evangelist for consistent
/// delivery within your team.", "**Você está iniciando sua jornada no mundo DevOps.**"): six
/// words or more ending as a statement ends. No level or area is titled so.
pub(super) fn is_sentence_title(title: &str) -> bool {
    is_statement(&plain(title), SENTENCE_TITLE_WORDS)
}

/// Whether a text is a statement of `least_words` words or more, ending as a statement ends
/// (`.`, `!`, `。`, `！`): a sentence, not a name or a title.
pub(crate) fn is_statement(text: &str, least_words: usize) -> bool {
    let text = text.trim();
    text.split_whitespace().count() >= least_words && text.ends_with(['.', '!', '。', '！'])
}

/// How many level-like headings a document may have and still list its roles as items
/// ("Roles" and "Addition and promotion of Maintainers" read like levels by their words).
const ROLE_ITEM_HEADINGS_ALLOWED: usize = 2;

/// The page is about one level when, of its headings at the levels' depth, the first alone
/// looks like a level's title (`IC3 Software Engineer`, then `Core Responsibilities`).
pub(super) fn one_level_page(blocks: &[Block], depth: u8) -> Option<String> {
    let titles: Vec<&str> = blocks
        .iter()
        .filter_map(|block| match block {
            Block::Heading { level, text, .. } if *level == depth => Some(text.as_str()),
            _ => None,
        })
        .collect();
    let (first, rest) = titles.split_first()?;
    // (A first heading whose section lists items of its own, as each other heading's does,
    // is one level among peers the word list does not know: "Kontributor", then "Komiter".)
    let lists_under = |title: &str| -> Option<bool> {
        let start = blocks.iter().position(|block| {
            matches!(block, Block::Heading { level, text, .. } if *level == depth && text == title)
        })?;
        Some(
            blocks[start + 1..]
                .iter()
                .take_while(|block| !matches!(block, Block::Heading { .. }))
                .any(|block| matches!(block, Block::List { .. })),
        )
    };
    if lists_under(first) == Some(true) && rest.iter().all(|title| lists_under(title) == Some(true))
    {
        return None;
    }
    // A page with many such headings is a ladder whose titles the word list does not know;
    // so is one whose other headings open with the first's word ("Ingénieur·e junior", then
    // "Ingénieur·e confirmé·e": the same role, at rungs the word list does not know).
    let head_word = |title: &str| {
        plain(title)
            .split_whitespace()
            .next()
            .map(str::to_lowercase)
    };
    let same_kind =
        |title: &&str| head_word(title).is_some() && head_word(title) == head_word(first);
    (!rest.is_empty()
        && rest.len() <= 2
        && level_likeness(first) >= 0.5
        && rest.iter().all(|title| level_likeness(title) < 0.3)
        && !rest.iter().any(same_kind))
    .then(|| (*first).to_owned())
}

/// Whether every heading at depth `levels` (not itself on reaching a role or on a procedure)
/// sits under a heading that is, and most of them read as no level's title ("## 提名
/// Committer 或 PMC 成员" over "### 发起投票", "### 通知 ASF Board"): read as levels, they
/// would be a procedure's steps. (Roles under "## SIG 活跃规则，晋升机制" are levels.)
fn levels_under_procedures(blocks: &[Block], levels: u8) -> bool {
    let is_procedure = |title: &str| {
        super::likeness::is_becoming_heading(title) || super::likeness::is_procedure_heading(title)
    };
    // The headings above the one being read, with whether each is on a procedure.
    let mut trail: Vec<(u8, bool)> = Vec::new();
    let (mut seen, mut like) = (0usize, 0usize);
    for block in blocks {
        if let Block::Heading { level, text, .. } = block {
            while trail.last().is_some_and(|(above, _)| above >= level) {
                trail.pop();
            }
            let procedure = is_procedure(text);
            if *level == levels && !procedure {
                if !trail.iter().any(|(_, under)| *under) {
                    return false;
                }
                seen += 1;
                like += usize::from(level_likeness(text) >= 0.5);
            }
            trail.push((*level, procedure));
        }
    }
    seen > 0 && like * 2 < seen
}

/// Headings at the levels' depth that are prose among levels: where two or more headings of
/// that depth look like level titles, those that do not (`When do I get promoted?`) are
/// sections, and so is a lone level-like heading in a group of its own beside a group of three
/// or more levels (`SE Regional Team Leads` before `IC1`…`IC5`). A heading with nothing under
/// it before the next of its depth groups the levels after it and stays.
pub(super) fn prose_headings(blocks: &[Block], depth: u8) -> Vec<(String, usize)> {
    let headings: Vec<(usize, &str, usize)> = blocks
        .iter()
        .enumerate()
        .filter_map(|(index, block)| match block {
            Block::Heading { level, text, line } if *level == depth => {
                Some((index, text.as_str(), *line))
            }
            _ => None,
        })
        .collect();
    let level_like = headings
        .iter()
        .filter(|(_, title, _)| level_likeness(title) >= 0.5)
        .count();
    // "Summary of the roles", "Nomination of a maintainer", "Pause und Rückzug": never a
    // level, wherever it is, whatever the other headings' words.
    let never_a_level_by_its_words = |title: &str| {
        super::likeness::is_description_heading(title)
            || super::likeness::is_becoming_heading(title)
            || super::likeness::is_handling_heading(title)
            || super::likeness::is_procedure_heading(title)
                && !super::likeness::ends_with_role(title)
    };
    if level_like < 2 {
        // (Levels the word list does not know, `Korrektor:in`: only those headings.)
        return headings
            .iter()
            .filter(|(_, title, _)| headings.len() > 2 && never_a_level_by_its_words(title))
            .map(|(_, title, line)| ((*title).to_owned(), *line))
            .collect();
    }
    let is_group = |index: usize| matches!(blocks.get(index + 1), Some(Block::Heading { level, .. }) if *level <= depth);
    let mut prose = Vec::new();
    // The headings of this depth under a section on making decisions (one pass: a document
    // of many headings is read in linear time).
    let mut under_decisions: std::collections::HashSet<usize> = Default::default();
    let mut in_decisions = false;
    for (index, block) in blocks.iter().enumerate() {
        if let Block::Heading { level, text, .. } = block {
            if *level < depth {
                in_decisions = is_decisions_section(text);
            } else if *level == depth && in_decisions {
                under_decisions.insert(index);
            }
        }
    }
    // Only before the first level-like heading or after the last: a heading between two
    // levels is a level the word list does not know. (People who left a role, "名誉メンテナー",
    // "Emeritus maintainers", mark no end of the levels: a section before them is outside.)
    let like = |title: &str| level_likeness(title) >= 0.5 && !super::twins::names_left(title);
    // Nor one whose title ends as two of the levels do ("Stewardship Team" after "Core Team"
    // and "Docs Team", between level-like ones): it names one more of their kind.
    let last_word = |title: &str| super::twins::title_words(title).pop();
    let first = headings.iter().position(|(_, title, _)| like(title));
    let last = headings.iter().rposition(|(_, title, _)| like(title));
    let mut kinds: HashMap<String, usize> = HashMap::new();
    if let (Some(first), Some(last)) = (first, last) {
        for (_, title, _) in &headings[first..=last] {
            if let Some(last) = last_word(title) {
                *kinds.entry(last).or_default() += 1;
            }
        }
    }
    let of_their_kind = |title: &str| {
        last_word(title).is_some_and(|last| kinds.get(&last).is_some_and(|&n| n >= 2))
    };
    // The labels the level-like sections write over their lists ("Defined by:",
    // "Responsibilities:"), each with how many of them write it: a section outside them that
    // writes one of those two of them write ("### Adopters" over "Responsibilities:" before
    // "### Community Members") is one more of them.
    let mut level_labels: HashMap<String, usize> = HashMap::new();
    for &(index, title, _) in &headings {
        if like(title) {
            let mut own: Vec<String> = section_parts(blocks, index)
                .iter()
                .map(|label| label_key(label))
                .collect();
            own.sort();
            own.dedup();
            for label in own {
                *level_labels.entry(label).or_default() += 1;
            }
        }
    }
    let labelled_like_the_levels = |index: usize| {
        section_parts(blocks, index).iter().any(|label| {
            level_labels
                .get(&label_key(label))
                .is_some_and(|&n| n >= LEVELS_SHARING_A_LABEL)
        })
    };
    // Groups of levels, split by group headings.
    let mut groups: Vec<Vec<(&str, usize)>> = vec![Vec::new()];
    for (position, &(index, title, line)) in headings.iter().enumerate() {
        if is_group(index) {
            groups.push(Vec::new());
            continue;
        }
        let outside =
            first.is_some_and(|first| position < first) || last.is_some_and(|last| position > last);
        // "Summary of the roles", "Nomination of a maintainer": never a level, wherever it is;
        // nor are the stages of a section on how decisions are made ("Stage 2: voting").
        let never_a_level = never_a_level_by_its_words(title)
            || under_decisions.contains(&index)
            || (outside || super::likeness::names_a_body(title))
                && section_says_it_is_no_role(blocks, index);
        if never_a_level
            || outside
                && level_likeness(title) < 0.3
                && !of_their_kind(title)
                && !super::likeness::names_a_body(title)
                && !labels_name_its_people(blocks, index)
                && !labelled_like_the_levels(index)
        {
            prose.push((title.to_owned(), line));
        } else if let Some(group) = groups.last_mut() {
            group.push((title, line));
        }
    }
    let largest = groups.iter().map(Vec::len).max().unwrap_or(0);
    if largest >= 3 {
        for group in groups.iter().filter(|group| group.len() == 1) {
            prose.extend(
                group
                    .iter()
                    .map(|(title, line)| ((*title).to_owned(), *line)),
            );
        }
    }
    prose
}

/// Whether the paragraphs of the section a heading opens (at `index`) say its subject is no
/// role ("SIGs are not roles: any Contributor may join one", "兴趣小组不是社区角色").
fn section_says_it_is_no_role(blocks: &[Block], index: usize) -> bool {
    section_under(blocks, index).iter().any(|block| {
        matches!(block, Block::Paragraph { text, .. }
            if super::likeness::says_it_is_no_role(text))
    })
}

/// The blocks of the section the heading at `index` opens, up to the next heading of its
/// depth or shallower (none when `index` is no heading).
fn section_under(blocks: &[Block], index: usize) -> &[Block] {
    let Some(Block::Heading { level: depth, .. }) = blocks.get(index) else {
        return &[];
    };
    let rest = &blocks[index + 1..];
    let end = rest
        .iter()
        .position(|block| matches!(block, Block::Heading { level, .. } if level <= depth))
        .unwrap_or(rest.len());
    &rest[..end]
}

/// The most words of a label over a list ("Expectations of community members:").
const MAX_LABEL_WORDS: usize = 8;

/// The labels over the lists of the section a heading opens (at `index`): its paragraphs
/// ending in a colon ("Responsibilities:", "Expectations of treasurers:") or wholly bold over a
/// list, and its bold labels over lists, of at most [`MAX_LABEL_WORDS`] words, as written.
fn section_labels(blocks: &[Block], index: usize) -> Vec<String> {
    let section = section_under(blocks, index);
    // (A list's item that is only a label over items nested in it names them too: "-
    // **Hantverk**" over its bullets.)
    let item_labels = |items: &[Item]| -> Vec<String> {
        items
            .iter()
            .filter(|item| {
                !item.children.is_empty()
                    && (super::is_bold_label(item.text.trim())
                        || plain(&item.text).trim().ends_with([':', '：']))
            })
            .map(|item| plain(&item.text))
            .collect()
    };
    section
        .iter()
        .enumerate()
        .flat_map(|(at, block)| match block {
            // (A bold line over a list is a label too: "**Krav**".)
            Block::Paragraph { text, .. } => Some(plain(text))
                .filter(|plain_text| {
                    plain_text.trim().ends_with([':', '：'])
                        || super::is_bold_label(text.trim())
                            && matches!(section.get(at + 1), Some(Block::List { .. }))
                })
                .into_iter()
                .collect(),
            // (A bold label over a list may have become a key by now.)
            Block::KeyValue { key, value, .. } if value.trim().is_empty() => vec![plain(key)],
            Block::List { items, .. } => item_labels(items),
            _ => Vec::new(),
        })
        .filter(|text| text.split_whitespace().count() <= MAX_LABEL_WORDS)
        .collect()
}

/// Whether the section a heading opens (at `index`) labels its lists as its people's
/// ("## Community" over "**Expectations of community members:**", "## Treasurers" over
/// "Expectations of treasurers:"): a label saying whom its list is of or for, naming a role or
/// the heading's own word, says the section is a rung whatever its title looks like.
fn labels_name_its_people(blocks: &[Block], index: usize) -> bool {
    let Some(Block::Heading { text: title, .. }) = blocks.get(index) else {
        return false;
    };
    let title_words = role_words(title);
    section_labels(blocks, index).iter().any(|label| {
        // The people the list is "of" or "for".
        let label_words = role_words(label);
        let Some(at) = label_words
            .iter()
            .position(|word| matches!(word.as_str(), "of" | "for"))
        else {
            return false;
        };
        let people = &label_words[at + 1..];
        people
            .iter()
            .any(|word| super::likeness::ROLE_WORDS.contains(&word.as_str()))
            || !title_words.is_empty() && title_words.iter().all(|word| people.contains(word))
    })
}

/// The labels of the section a heading opens (at `index`, [`section_labels`]) and the titles of
/// the headings one step below it ("#### Role", "#### Membership"): what a rung's section
/// names its parts by.
fn section_parts(blocks: &[Block], index: usize) -> Vec<String> {
    let mut parts = section_labels(blocks, index);
    if let Some(Block::Heading { level: depth, .. }) = blocks.get(index) {
        parts.extend(
            section_under(blocks, index)
                .iter()
                .filter_map(|block| match block {
                    Block::Heading { level, text, .. } if *level == depth + 1 => Some(plain(text)),
                    _ => None,
                }),
        );
    }
    parts
}

/// A label as compared between sections: its words, lower-cased, without the colon.
fn label_key(label: &str) -> String {
    label
        .trim()
        .trim_end_matches([':', '：'])
        .trim()
        .to_lowercase()
}

/// How many of the levels' sections must write a label for a section that writes it too to be
/// one more of them.
const LEVELS_SHARING_A_LABEL: usize = 2;

/// How many of a table's levels headings must title again for their depth to be the levels'.
const LEVELS_DESCRIBED_AGAIN: usize = 2;

/// The heading depth at which a table's levels are each described again under a heading
/// titled as the table titles it, its number and brackets aside ("Triager" and "2) Triager
/// (Triage)"): every one of them, at least [`LEVELS_DESCRIBED_AGAIN`], each once, and more than
/// at any other depth; with the depths of the headings between the table and the first of
/// them.
fn depth_describing_table_levels(
    blocks: &[Block],
    headings_name_levels: bool,
) -> Option<(u8, Vec<u8>)> {
    let key = |title: &str| {
        let mut words = super::twins::title_words(title);
        // (A heading's own number, "2)", is not part of the level's name.)
        if words.len() > 1 && words[0].chars().all(|c| c.is_ascii_digit()) {
            words.remove(0);
        }
        words
    };
    let mut first_table = None;
    let mut titles: std::collections::HashSet<Vec<String>> = Default::default();
    for (index, block) in blocks.iter().enumerate() {
        if let Some(found) = super::matrix::table_level_titles(block, headings_name_levels) {
            first_table.get_or_insert(index);
            titles.extend(
                found
                    .iter()
                    .map(|title| key(title))
                    .filter(|words| !words.is_empty()),
            );
        }
    }
    if titles.len() < LEVELS_DESCRIBED_AGAIN {
        return None;
    }
    // Per depth, the titles found again, whether one was found twice, and where the first of
    // them is.
    let mut by_depth: HashMap<u8, (std::collections::HashSet<Vec<String>>, bool, usize)> =
        HashMap::new();
    for (index, block) in blocks.iter().enumerate() {
        if let Block::Heading { level, text, .. } = block {
            let words = key(text);
            if titles.contains(&words) {
                let entry = by_depth
                    .entry(*level)
                    .or_insert_with(|| (Default::default(), false, index));
                entry.1 |= !entry.0.insert(words);
            }
        }
    }
    let (depth, count, repeated, first_twin) = by_depth
        .iter()
        .map(|(depth, (found, repeated, first))| (*depth, found.len(), *repeated, *first))
        .max_by_key(|&(depth, count, _, _)| (count, std::cmp::Reverse(depth)))?;
    let rivals = by_depth
        .values()
        .filter(|(found, _, _)| found.len() == count)
        .count();
    // (Titles repeated at that depth are rosters of each part of a project, "#### Maintainer"
    // under each component, not the levels described again.)
    // (Every level the tables name is described again: a story through two of them, "####
    // Junior RSE" in an appendix, is no second description.)
    if count < LEVELS_DESCRIBED_AGAIN || count < titles.len() || rivals > 1 || repeated {
        return None;
    }
    let (from, to) = match first_table {
        Some(table) if table < first_twin => (table, first_twin),
        _ => (first_twin, first_twin),
    };
    let between = blocks[from..to]
        .iter()
        .filter_map(|block| match block {
            Block::Heading { level, .. } => Some(*level),
            _ => None,
        })
        .collect();
    Some((depth, between))
}

/// How a section on making decisions or on reviewing people is titled ("Decision making",
/// "Voting", "决策机制", "Performance and Reviews"): what is under it are its steps ("Quarterly
/// Reviews"), not rungs.
fn is_decisions_section(title: &str) -> bool {
    let lower = plain(title).to_lowercase();
    super::likeness::is_procedure_heading(title)
        || [
            "decision",
            "决策",
            "意思決定",
            "entscheidung",
            "decisión",
            "decisão",
            "décision",
            // A section on the project's processes ("## Processes" over "### Proposing
            // Changes", "### Conflict Resolution"); the singular is a company ladder's area.
            "processes",
            "procedures",
            "performance review",
            "performance and review",
            "performance management",
            "绩效",
            "評価制度",
            "leistungsbeurteilung",
        ]
        .iter()
        .any(|word| lower.trim_start().starts_with(word))
}

impl Interpreter {
    /// Decides which heading depths hold tracks, levels and areas.
    pub(super) fn analyse(&mut self, blocks: &[Block]) {
        let mut by_depth: HashMap<u8, Vec<&str>> = HashMap::new();
        for block in blocks {
            if let Block::Heading { level, text, .. } = block {
                by_depth.entry(*level).or_default().push(text);
            }
        }
        let mut depths: Vec<u8> = by_depth.keys().copied().collect();
        depths.sort_unstable();
        // What follows each heading, by depth.
        let mut followed_by: HashMap<u8, Vec<Option<&Block>>> = HashMap::new();
        for (index, block) in blocks.iter().enumerate() {
            if let Block::Heading { level, .. } = block {
                followed_by
                    .entry(*level)
                    .or_default()
                    .push(blocks.get(index + 1));
            }
        }
        let has_shallower = |depth: u8| depths.iter().any(|&d| d < depth);
        // 1. Areas are headings whose names repeat under several levels.
        let repeated = depths.iter().rev().copied().find(|&depth| {
            let mut counts: HashMap<String, usize> = HashMap::new();
            for name in &by_depth[&depth] {
                *counts.entry(area_key(name)).or_default() += 1;
            }
            counts.values().any(|&count| count >= 2)
                && has_shallower(depth)
                && !by_depth[&depth]
                    .iter()
                    .all(|name| own::unfilled("changes_heading", name).is_some())
        });
        // 2. Or headings each followed directly by a list (a page about one level).
        let listed = || {
            depths.iter().rev().copied().find(|&depth| {
                let next = &followed_by[&depth];
                next.len() >= 2
                    && has_shallower(depth)
                    && next.iter().all(|block| {
                        // Lists of `**Area**: text` bullets sit under levels, not areas.
                        matches!(block, Some(Block::List { items, .. }) if !items.iter().all(|item| bold_key(&item.text).is_some()))
                    })
            })
        };
        if let Some(depth) = repeated.or_else(listed) {
            self.area_depth = Some(depth);
            self.level_depth = depths.iter().copied().filter(|&d| d < depth).max();
        } else {
            // 3. Or headings followed by `**Area:** text` lines or `* **Area**: text` bullets.
            let keyed = depths.iter().rev().copied().find(|&depth| {
                followed_by[&depth]
                    .iter()
                    .filter(|block| match block {
                        Some(Block::KeyValue { key, .. }) => !is_known_key(key),
                        Some(Block::List { items, .. }) => {
                            items.iter().all(|item| bold_key(&item.text).is_some())
                        }
                        _ => false,
                    })
                    .count()
                    >= 2
            });
            self.level_depth = keyed;
        }
        if let Some(level_depth) = self.level_depth {
            self.track_depth = depths.iter().copied().filter(|&d| d < level_depth).max();
            // One heading above everything, first in the document: the title, not a track.
            if let Some(track_depth) = self.track_depth {
                let first_is_it = matches!(blocks.first(), Some(Block::Heading { level, .. }) if *level == track_depth);
                let title_known = self.title.is_some() || self.metadata.contains_key("title");
                if by_depth[&track_depth].len() == 1
                    && first_is_it
                    && !has_shallower(track_depth)
                    && !title_known
                    && self.area_depth.is_none()
                {
                    self.track_depth = None;
                }
            }
        }
    }

    /// Reads the document's outline into a ladder. Which heading depths hold tracks, levels
    /// and areas is decided by reading the document every plausible way and keeping the
    /// reading that places the most text in the most regular shape (see [`score`]); with
    /// linked track files added, `blocks` is the README and each file is read as a track.
    pub fn read(mut self, blocks: &[Block]) -> Result<Imported, Vec<Diagnostic>> {
        if let Some(labelled) = bracketed_labels_as_bold(blocks) {
            return self.read(&labelled);
        }
        if let Some(coded) = codes_before_headings_as_theirs(blocks) {
            return self.read(&coded);
        }
        if let Some(headed) = plain_lines_as_headings(blocks) {
            return self.read(&headed);
        }
        if let Some(listed) = pseudo_bullets_as_lists(blocks) {
            return self.read(&listed);
        }
        if let Some(headed) = bold_lines_as_headings(blocks) {
            return self.read(&headed);
        }
        if let Some(untitled) = super::tables::title_rows_before_tables(blocks) {
            return self.read(&untitled);
        }
        if let Some(pivoted) = areas_over_levels_pivoted(blocks) {
            return self.read(&pivoted);
        }
        if let Some(headed) = rung_paragraphs_as_headings(blocks) {
            return self.read(&headed);
        }
        let told = self.options.levels_depth.is_some() || self.options.page;
        if let Some((depth, roles)) = roles_listed_then_described(blocks).filter(|_| !told) {
            // The list names the levels: its headings are they, whatever their words, and the
            // other headings of their depth around them are prose.
            self.options.levels_depth = Some(depth);
            self.listed_roles = roles;
            self.only_listed_roles = true;
            return self.read(blocks);
        }
        if let Some((headed, depth, roles)) = role_items_as_headings(blocks).filter(|_| !told) {
            // The listed roles are the levels: no other reading is tried. Other sections'
            // headings at their depth ("3.1 Inactive members", "FAQ") are prose.
            self.options.levels_depth = Some(depth);
            self.listed_roles = roles;
            self.only_listed_roles = true;
            return self.read(&headed);
        }
        if let Some(headed) = promotions_as_headings(blocks) {
            return self.read(&headed);
        }
        if let Some((headed, depth)) = becoming_sections_as_levels(blocks).filter(|_| !told) {
            // The ways to reach the roles are the levels: no other reading is tried.
            self.options.levels_depth = Some(depth);
            return self.read(&headed);
        }
        if let Some((joined, moved)) = becoming_sections_join_their_roles(blocks) {
            self.joined_headings = moved;
            return self.read(&joined);
        }
        if let Some((flattened, depth, tracks)) = levels_in_one_section(blocks).filter(|_| !told) {
            // The section's sub-headings are the levels (or the tracks over them): no other
            // reading is tried.
            self.options.levels_depth = Some(depth);
            if let Some(tracks) = tracks.filter(|_| self.options.tracks_depth.is_none()) {
                self.options.tracks_depth = Some(Some(tracks));
            }
            return self.read(&flattened);
        }
        if self.extra_blocks.is_empty() {
            // Our own handbook as one document reads as the handbook's files would.
            if let Some((readme, tracks)) = own::handbook_in_one(blocks) {
                self.extra_blocks = tracks
                    .into_iter()
                    .enumerate()
                    .map(|(index, blocks)| (format!("track-{index}"), blocks))
                    .collect();
                return self.read(&readme);
            }
        }
        let extra: Vec<(String, Vec<Block>)> = std::mem::take(&mut self.extra_blocks);
        if !extra.is_empty() {
            // A handbook: the README holds the ladder, each linked file a track.
            for block in blocks {
                if let Block::Heading { level: 1, text, .. } = block {
                    if self.title.is_none() {
                        self.title = Some(text.clone());
                    }
                }
            }
            self.walk_readme(blocks);
            self.handbook = true;
            for (_, file_blocks) in &extra {
                self.area_depth = Some(3);
                self.level_depth = Some(2);
                self.track_depth = Some(1);
                self.walk(file_blocks);
            }
            // This tool's handbook is in its ladder's language, whose labels it heard; one
            // whose labels are in the base language is in it, whatever script the titles are
            // in (levels titled in Japanese in an English handbook are not a Japanese ladder).
            self.metadata
                .entry("language".into())
                .or_insert_with(|| crate::labels::BASE_LANGUAGE.to_owned());
            return self.finish();
        }
        // The first heading may title a page about one level when no other heading looks
        // like a level's title.
        let headings: Vec<&str> = blocks
            .iter()
            .filter_map(|block| match block {
                Block::Heading { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect();
        // (Told the page is one level, its first heading titles it whatever the others.)
        let page = self.options.page;
        self.first_heading = headings
            .split_first()
            .filter(|(_, rest)| page || rest.iter().all(|title| level_likeness(title) < 0.5))
            .map(|(first, _)| (*first).to_owned());
        self.sentence_headings =
            headings.len() >= 2 && headings.iter().all(|title| is_sentence_title(title));
        self.headings_name_levels = headings_name_levels(blocks);
        self.tables_name_levels =
            super::matrix::some_table_names_levels(blocks, self.headings_name_levels);
        self.steps_depth = steps_under_axes(blocks);
        let mut guessed = self.clone();
        guessed.analyse(blocks);
        let guess = guessed.reading();
        let mut best: Option<(f64, Score, Result<Imported, Vec<Diagnostic>>)> = None;
        // Every reading that succeeded, by value: the best other than the chosen one is the
        // runner-up `--explain` shows.
        let mut tried: Vec<(f64, Reading, Score)> = Vec::new();
        for reading in self.readings(blocks, guess) {
            let result = self.read_as(blocks, reading, false, false);
            let mut scored = result.as_ref().map(score).unwrap_or_default();
            if reading == guess {
                scored.total *= GUESS_BONUS;
                scored.guessed = true;
            }
            let value = result.as_ref().map_or(-1.0, |_| scored.total);
            if result.is_ok() {
                tried.push((value, reading, scored));
            }
            if best.as_ref().is_none_or(|(best, _, _)| value > *best) {
                best = Some((value, scored, result));
            }
        }
        let chosen = best
            .as_ref()
            .and_then(|(_, _, result)| result.as_ref().ok().map(|imported| imported.reading));
        let runner_up = tried
            .into_iter()
            // A reading that comes out the same (areas at a depth holding none) is no rival.
            .filter(|(_, reading, scored)| {
                Some(*reading) != chosen
                    && best
                        .as_ref()
                        .is_none_or(|(_, best, _)| scored.total != best.total)
            })
            .max_by(|a, b| a.0.total_cmp(&b.0));
        let choice = |chosen: Score| Choice {
            chosen,
            runner_up: runner_up.map(|(_, reading, scored)| (reading, scored)),
        };
        match best {
            Some((_, scored, Ok(imported))) => {
                // The chosen reading once more as it is kept: headings titled unlike a level
                // beside a table of levels now sections, and sections of another kind after
                // a track's levels prose. Not while choosing, where dropping a wrong reading's
                // stray levels would make it look right.
                self.read_as(blocks, imported.reading, self.tables_name_levels, true)
                    .map(|imported| Imported {
                        choice: Some(choice(scored)),
                        ..imported
                    })
            }
            Some((_, scored, result)) => result.map(|imported| Imported {
                choice: Some(choice(scored)),
                ..imported
            }),
            None => {
                self.analyse(blocks);
                self.walk(blocks);
                self.finish()
            }
        }
    }

    /// The document read one way (`sections_beside_tables`, `final_reading`: see the fields).
    fn read_as(
        &self,
        blocks: &[Block],
        reading: Reading,
        sections_beside_tables: bool,
        final_reading: bool,
    ) -> Result<Imported, Vec<Diagnostic>> {
        let mut candidate = self.clone();
        candidate.track_depth = reading.tracks;
        candidate.level_depth = reading.levels;
        candidate.area_depth = reading.areas;
        candidate.sections_beside_tables = sections_beside_tables;
        candidate.final_reading = final_reading;
        if reading.page {
            candidate.start_page_level();
        }
        candidate.walk(blocks);
        candidate.finish().map(|mut imported| {
            imported.reading = reading;
            imported
        })
    }

    pub(super) fn reading(&self) -> Reading {
        Reading {
            tracks: self.track_depth,
            levels: self.level_depth,
            areas: self.area_depth,
            page: false,
        }
    }

    /// The title a page gives itself: its front matter's, its first heading when that names
    /// a level, or its `<title>` without the site's name (`Senior Engineer | Acme`).
    pub(super) fn page_title(&self) -> Option<String> {
        let from_title = || {
            self.default_title.as_ref().map(|title| {
                [" | ", " – ", " — ", " · ", " - "]
                    .iter()
                    .find_map(|separator| title.split_once(separator).map(|(page, _)| page))
                    .unwrap_or(title)
                    .trim()
                    .to_owned()
            })
        };
        self.metadata
            .get("title")
            .cloned()
            .or_else(|| {
                self.first_heading
                    .clone()
                    .filter(|heading| self.options.page || level_likeness(heading) >= 0.5)
            })
            .or_else(from_title)
            .filter(|title| !title.trim().is_empty())
            // Told the page is one level, or when its every heading is a sentence or its
            // headings are axes over the level's steps, its file's name is a title of last
            // resort.
            .or_else(|| {
                (self.options.page || self.sentence_headings || self.steps_depth.is_some())
                    .then(|| crate::import::document_name(&self.path))
            })
    }

    /// Starts the one level a page is about (see [`Reading::page`]).
    pub(super) fn start_page_level(&mut self) {
        let Some(title) = self.page_title() else {
            return;
        };
        self.page_level = true;
        self.push_level(LevelDraft {
            title,
            ..LevelDraft::default()
        });
        self.place = Place::Level;
    }

    /// The readings worth trying: the rules' guess, and every assignment of the document's
    /// heading depths to tracks above levels above areas, narrowed by what the user fixed.
    pub(super) fn readings(&self, blocks: &[Block], guess: Reading) -> Vec<Reading> {
        let mut depths: Vec<u8> = blocks
            .iter()
            .filter_map(|block| match block {
                Block::Heading { level, .. } => Some(*level),
                _ => None,
            })
            .collect();
        depths.sort_unstable();
        depths.dedup();
        let fixed = &self.options;
        let mut readings = vec![guess];
        let optional = |depths: &[u8]| -> Vec<Option<u8>> {
            std::iter::once(None)
                .chain(depths.iter().copied().map(Some))
                .collect()
        };
        for levels in optional(&depths) {
            // Without level headings (tables hold the levels), headings name tracks only when
            // the user (or a workbook's sheets) says so.
            let above: Vec<u8> = depths
                .iter()
                .copied()
                .filter(|&d| match levels {
                    Some(l) => d < l,
                    None => fixed.tracks_depth == Some(Some(d)),
                })
                .collect();
            let below: Vec<u8> = depths
                .iter()
                .copied()
                .filter(|&d| levels.is_none_or(|l| d > l))
                .collect();
            for areas in optional(&below) {
                for tracks in optional(&above) {
                    readings.push(Reading {
                        tracks,
                        levels,
                        areas,
                        page: false,
                    });
                }
            }
        }
        // A page about one level whose title (front matter, `<title>`) names the level.
        // (Not where a table names levels, unless told: "Backend Developer Competency Matrix"
        // over a table of its levels names the matrix, not a level.)
        let page_title = self.page_title();
        if (fixed.page || self.sentence_headings || self.steps_depth.is_some())
            && page_title.is_some()
            || page_title.is_some_and(|title| level_likeness(&title) >= 0.5)
                && !self.tables_name_levels
        {
            readings.push(Reading {
                page: true,
                ..Reading::default()
            });
        }
        // A table of the levels and, further on, a heading per level titled as its row
        // ("| Triager | Triage |" and "#### 2) Triager (Triage)"): two descriptions of the same
        // levels, which are at those headings' depth.
        let described_again = depth_describing_table_levels(blocks, self.headings_name_levels);
        // The depths whose headings are a procedure's steps, tested once per depth (the
        // readings share few level depths).
        let procedure_steps: Vec<u8> = depths
            .iter()
            .copied()
            .filter(|&depth| fixed.levels_depth.is_none() && levels_under_procedures(blocks, depth))
            .collect();
        readings.retain(|reading| {
            if fixed.page {
                return reading.page;
            }
            if let Some((depth, between)) = &described_again {
                if fixed.levels_depth.is_none() && reading.levels != Some(*depth) {
                    return false;
                }
                // (Nor is a heading between the table and them a track: both are one track's.)
                if fixed.tracks_depth.is_none()
                    && reading
                        .tracks
                        .is_some_and(|tracks| between.contains(&tracks))
                {
                    return false;
                }
            }
            // (Headings that are all sentences title no levels; nor do axes each over the
            // level's one step on it.)
            if (self.sentence_headings || self.steps_depth.is_some())
                && fixed.levels_depth.is_none()
                && reading.levels.is_some()
            {
                return false;
            }
            // (Nor are a procedure's steps levels: "## 提名 Committer 或 PMC 成员" over "###
            // 发起投票", "### 关闭投票".)
            if reading
                .levels
                .is_some_and(|levels| procedure_steps.contains(&levels))
            {
                return false;
            }
            fixed.levels_depth.is_none_or(|d| reading.levels == Some(d))
                && fixed.areas_depth.is_none_or(|d| reading.areas == Some(d))
                && fixed.tracks_depth.is_none_or(|d| reading.tracks == d)
        });
        let mut unique: Vec<Reading> = Vec::new();
        for reading in readings {
            if !unique.contains(&reading) {
                unique.push(reading);
            }
        }
        // A document with many heading depths has few plausible readings; keep it bounded.
        unique.truncate(80);
        unique
    }
}
