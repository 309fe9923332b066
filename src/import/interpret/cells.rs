//! What the cells of a table hold: their expectations (lines, bullets), titles with a detail
//! line, and the rows and tables that are not a matrix's content (group rows, tables of
//! titles).

use super::*;

/// A cell that only marks whether the level has its row's (or column's) item: `✓` (has it)
/// or `×` (has not), as a permissions matrix writes them. `None` for a cell that says more.
pub(super) fn mark(cell: &Cell) -> Option<bool> {
    let text = plain(&cell.text);
    match text.trim() {
        "✓" | "✔" | "✔️" | "☑" | "☑️" | "✅" | "√" | "○" | "◯" | "●" | "⭕" => {
            Some(true)
        }
        "×" | "✗" | "✘" | "❌" | "☐" | "✕" | "✖" | "✖️" => Some(false),
        _ => None,
    }
}

/// What a marking cell under (or beside) `item` grants: a `✓` the item (its name is the
/// expectation), a `×` nothing. `None` for a cell that is no mark (it holds its own items).
pub(super) fn granted_by_mark(cell: &Cell, item: &str) -> Option<Vec<Expectation>> {
    let has = mark(cell)?;
    let item = item.trim();
    Some(if has && !item.is_empty() {
        vec![Expectation::new(item)]
    } else {
        Vec::new()
    })
}

/// The expectations one cell holds: its lists' items and paragraphs, or its lines, each
/// without its bullet. A list's nested items, and a line set under a bulleted line with a
/// secondary bullet (`◦`, as this tool's workbook writes an expectation's examples), are the
/// examples of the expectation above them.
/// The expectations of a matrix cell this tool wrote: each on a line of its own after `•`, its
/// examples on lines after `◦` below it (see `export::xlsx`'s `expectation_lines`), as written
/// (an expectation "NA" or "42" is one: the workbook writes no expectation as an empty cell).
pub(super) fn own_cell_items(cell: &Cell) -> Vec<Expectation> {
    let mut items: Vec<(String, Vec<String>)> = Vec::new();
    for line in cell.text.lines() {
        let trimmed = line.trim();
        if let Some(example) = trimmed.strip_prefix('◦') {
            if let Some((_, examples)) = items.last_mut() {
                examples.push(example.trim().to_owned());
                continue;
            }
        }
        match trimmed.strip_prefix('•') {
            Some(text) => items.push((text.trim().to_owned(), Vec::new())),
            // (A line of an expectation broken inside it.)
            None if !trimmed.is_empty() => match items.last_mut() {
                Some((text, _)) => {
                    text.push(' ');
                    text.push_str(trimmed);
                }
                None => items.push((trimmed.to_owned(), Vec::new())),
            },
            None => {}
        }
    }
    items
        .into_iter()
        .filter(|(text, _)| !text.is_empty())
        .map(|(text, examples)| Expectation::new(&text).with_examples(examples))
        .collect()
}

/// A piece of a cell's text without the HTML list tags around it (`<ul><li>`, `</ul>`).
fn without_list_tags(part: &str) -> &str {
    const TAGS: &[&str] = &["<ul>", "<ol>", "<li>", "</ul>", "</ol>"];
    let mut part = part.trim();
    while let Some(rest) = TAGS
        .iter()
        .find_map(|tag| part.strip_prefix(tag))
        .or_else(|| TAGS.iter().find_map(|tag| part.strip_suffix(tag)))
    {
        part = rest.trim();
    }
    part
}

/// A line of bullets written one after another (`• Reviews PRs • Checks tests`, as a sheet's
/// cell holds a list on one line): each bullet a line of its own. Any other line is itself.
fn inline_bullets(line: &str) -> Vec<&str> {
    let trimmed = line.trim_start();
    if !trimmed.starts_with('•') || !trimmed[3..].contains(" •") {
        return vec![line];
    }
    trimmed
        .split('•')
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .collect()
}

pub(super) fn cell_items(cell: &Cell) -> Vec<Expectation> {
    let listed: Vec<Expectation> = cell
        .blocks
        .iter()
        .flat_map(|block| match block {
            Block::List { items, .. } => items
                .iter()
                .map(|item| {
                    let examples = item.children.iter().map(|child| child.text.clone());
                    (item.text.clone(), examples.collect())
                })
                .collect(),
            Block::Paragraph { text, .. } => text
                .lines()
                .map(|line| (line.to_owned(), Vec::new()))
                .collect(),
            Block::KeyValue { key, value, .. } => {
                vec![(format!("**{key}:** {value}"), Vec::new())]
            }
            _ => Vec::<(String, Vec<String>)>::new(),
        })
        .map(|(text, examples)| {
            Expectation::new(strip_bullet(&text)).with_examples(
                examples
                    .iter()
                    .map(|example| strip_bullet(example).to_owned())
                    .collect(),
            )
        })
        .filter(|item| !item.text.is_empty())
        .collect();
    if !listed.is_empty() {
        return listed;
    }
    let lines: Vec<&str> = broken_lines(&cell.text)
        // Paragraphs written as HTML inside a Markdown cell (`<p>- one</p><p>- two</p>`).
        .flat_map(|part| part.split("</p>"))
        .map(|part| part.trim_start().trim_start_matches("<p>"))
        // A list written as HTML inside a Markdown cell (`<ul><li>one</li><li>two</li></ul>`,
        // a pipe table's cell holding no line breaks): an item a line.
        .flat_map(|part| part.split("</li>"))
        .map(without_list_tags)
        .flat_map(inline_bullets)
        .collect();
    if let Some(items) = paragraph_items(&lines) {
        return items;
    }
    let mut items: Vec<Expectation> = Vec::new();
    // Whether the expectations themselves have secondary bullets (then every such line is one).
    let mut secondary_items = false;
    let last_filled = lines.iter().rposition(|line| !line.trim().is_empty());
    for (index, line) in lines.iter().enumerate() {
        let text = strip_bullet(line.trim());
        // A number is a score or a formula's result, not an expectation; `N/A`, `-`, `TBD`
        // hold the place of one.
        if text.is_empty() || text.parse::<f64>().is_ok() || super::is_placeholder(text) {
            continue;
        }
        // `Technical:` or `[For managers]` over the lines that follow: it names their group.
        if Some(index) < last_filled && names_a_group_of_lines(text) {
            continue;
        }
        let secondary = is_secondary_bullet(line);
        match items.last_mut() {
            Some(above) if secondary && !secondary_items => above.examples.push(text.to_owned()),
            _ => {
                secondary_items = items.is_empty() && secondary || secondary_items;
                items.push(Expectation::new(text));
            }
        }
    }
    items
}

/// The expectations of a cell written as paragraphs (blank lines between them), or `None`
/// when it is not: each paragraph is one expectation, its lines joined, a line that gives
/// examples (`例：…`, `e.g. …`) its examples. A paragraph that is only a bracketed or bold
/// name (`[Engineering Manager Skills]`) starts a group of the cell: it is no expectation.
/// A paragraph of bulleted lines is an expectation per bullet, as a cell of lines is.
fn paragraph_items(lines: &[&str]) -> Option<Vec<Expectation>> {
    let paragraphs: Vec<Vec<&str>> = lines
        .split(|line| line.trim().is_empty())
        .map(|paragraph| paragraph.iter().map(|line| line.trim()).collect::<Vec<_>>())
        .filter(|paragraph: &Vec<&str>| !paragraph.is_empty())
        .collect();
    if paragraphs.len() < 2 {
        return None;
    }
    let mut items: Vec<Expectation> = Vec::new();
    for paragraph in paragraphs {
        let bulleted = paragraph.iter().all(|line| strip_bullet(line) != *line);
        if bulleted && paragraph.len() > 1 {
            items.extend(
                paragraph
                    .iter()
                    .map(|line| Expectation::new(strip_bullet(line))),
            );
            continue;
        }
        if paragraph.len() == 1 && names_a_group_of_lines(paragraph[0]) {
            continue;
        }
        let mut sentences: Vec<&str> = Vec::new();
        let mut examples: Vec<String> = Vec::new();
        for (index, line) in paragraph.iter().enumerate() {
            match text::after_example_label(line).filter(|_| index > 0) {
                Some(given) => examples.push(given),
                None => sentences.push(line),
            }
        }
        let text = sentences
            .iter()
            .map(|line| strip_bullet(line))
            .collect::<Vec<_>>()
            .join(" ");
        if text.is_empty() || super::is_placeholder(&text) || text.parse::<f64>().is_ok() {
            continue;
        }
        items.push(Expectation::new(&text).with_examples(examples));
    }
    Some(items)
}

/// Whether a cell's line only names a group of what follows it: `[Engineering Manager
/// Skills]`, `**For managers**`.
fn names_a_group(line: &str) -> bool {
    // A spreadsheet's text reaches here escaped as literal Markdown (`\[…\]`).
    let unescaped = line.trim().replace("\\[", "[").replace("\\]", "]");
    let line = unescaped.as_str();
    let bracketed = line.starts_with('[') && line.ends_with(']') && !line.contains("](");
    let bold = line.starts_with("**") && line.ends_with("**") && line.matches("**").count() == 2;
    (bracketed || bold) && line.chars().count() <= 60
}

/// A label cell that names its row by a bold or bracketed first line over what the name
/// covers (`**Quality**` over "Maintainability", "Code style", as a matrix's sub-area cells
/// are written): the name, and the rest as text. `None` for a cell that is all one label.
pub(super) fn named_label(cell: &Cell) -> Option<(String, String)> {
    let first = match cell.blocks.as_slice() {
        [Block::Paragraph { text, .. }, _, ..] => text.clone(),
        [] => {
            let mut lines = broken_lines(&cell.text).filter(|line| !line.trim().is_empty());
            let first = lines.next()?.to_owned();
            lines.next()?;
            first
        }
        _ => return None,
    };
    if !names_a_group(&first) {
        return None;
    }
    let unescaped = first.replace("\\[", "[").replace("\\]", "]");
    let name = plain(
        unescaped
            .trim()
            .trim_start_matches('[')
            .trim_end_matches(']'),
    );
    let name = name.trim();
    // What the name covers, a line per paragraph or item (a list stays a list).
    let rest = if cell.blocks.is_empty() {
        broken_lines(&cell.text)
            .skip_while(|line| line.trim().is_empty())
            .skip(1)
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .collect::<Vec<_>>()
            .join("\n")
    } else {
        cell.blocks[1..]
            .iter()
            .flat_map(|block| match block {
                Block::List { items, .. } => items
                    .iter()
                    .map(|item| format!("- {}", item.text))
                    .collect(),
                Block::Paragraph { text, .. } | Block::Heading { text, .. } => vec![text.clone()],
                Block::KeyValue { key, value, .. } => vec![format!("**{key}:** {value}")],
                Block::Table { rows, .. } => vec![crate::import::outline::table_text(rows)],
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    (!name.is_empty() && !rest.trim().is_empty()).then(|| (name.to_owned(), rest))
}

/// Whether a cell's line names the group of the lines below it: a bracketed or bold name
/// ([`names_a_group`]) or a label ending in a colon (`Technical:`, `Community：`).
fn names_a_group_of_lines(line: &str) -> bool {
    names_a_group(line) || text::list_name(line).is_some()
}

/// Bullets a writer uses for a second level of a list inside one cell.
const SECONDARY_BULLETS: &[&str] = &["◦ ", "▫ ", "‣ ", "○ "];

/// Whether a cell's line is nested under the line above: a secondary bullet.
fn is_secondary_bullet(line: &str) -> bool {
    let trimmed = line.trim_start();
    SECONDARY_BULLETS
        .iter()
        .any(|bullet| trimmed.starts_with(bullet))
}

/// A line without the bullet or number a writer put before it (`• `, `- `, `* `, `1. `, `2) `).
pub(super) fn strip_bullet(text: &str) -> &str {
    let text = text.trim();
    // (`\* `: a spreadsheet's `* ` once its text is escaped as literal.)
    for bullet in [
        "• ", "· ", "▪ ", "◦ ", "‣ ", "– ", "— ", "- ", "* ", "\\* ", "+ ", "•", "▪",
        // Japanese lists write a middle dot (`・`), full or half width, without a space.
        "・", "･", "● ", "■ ", "◆ ",
    ] {
        if let Some(rest) = text.strip_prefix(bullet) {
            return rest.trim();
        }
    }
    let marker = text
        .char_indices()
        .take_while(|(_, c)| c.is_ascii_digit())
        .last()
        .map(|(index, c)| index + c.len_utf8());
    if let Some(end) = marker {
        if let Some(rest) = text[end..]
            .strip_prefix(". ")
            .or_else(|| text[end..].strip_prefix(") "))
        {
            return rest.trim();
        }
    }
    text
}

pub(super) fn is_blank(cell: &Cell) -> bool {
    cell.text.trim().is_empty() && cell.blocks.is_empty()
}

/// A text's lines, broken at newlines, line separators and `<br>` tags as written (`<br>`,
/// `<br/>`, `<br />`).
pub(super) fn broken_lines(text: &str) -> impl Iterator<Item = &str> {
    text.split(['\n', '\u{2028}'])
        .flat_map(|part| part.split("<br>"))
        .flat_map(|part| part.split("<br/>"))
        .flat_map(|part| part.split("<br />"))
}

/// The first line of a header cell is the level's title; a further line is its experience
/// (`0-3 years`) or its grade's name (this tool's workbook writes both so).
pub(super) fn title_and_detail(cell: &Cell) -> (String, Option<String>) {
    // (A heading inside the cell, `<td><h3>Product Manager</h3><p><em>PM</em></p>`, titles
    // it; what follows it is the detail.)
    if let Some(Block::Heading { text, .. }) = cell.blocks.first() {
        let detail: Vec<String> = cell.blocks[1..]
            .iter()
            .filter_map(|block| match block {
                Block::Paragraph { text, .. } => Some(plain(text)),
                _ => None,
            })
            .filter(|text| !text.is_empty())
            .collect();
        return (plain(text), (!detail.is_empty()).then(|| detail.join(" ")));
    }
    let lines: Vec<String> = cell
        .text
        .split(['\n', '\u{2028}'])
        .flat_map(|part| part.split("<br>"))
        .map(plain)
        .filter(|line| !line.is_empty())
        .collect();
    let title = lines.first().cloned().unwrap_or_default();
    let detail = (lines.len() > 1).then(|| lines[1..].join(" "));
    (title, detail)
}

/// A level's field a row label names: `Headline` or `Description` (in any built-in language,
/// as this tool's workbook writes them), or a summary of the role at each level (`Role
/// summary`, `Overview`), which describes the level rather than adding an expectation.
pub(super) fn level_field(label: &str) -> Option<&'static str> {
    let named = ["headline", "description"].into_iter().find(|key| {
        crate::labels::built_in_labels()
            .iter()
            .any(|labels| labels.text(key) == label)
    });
    named.or(names_level_summary(label).then_some("description"))
}

/// Headers of a column that may name each level's role ("Role", "役割") or say what it
/// does: titles only where its cells read as levels' titles.
const ROLE_HEADERS: &[&str] = &[
    "role",
    "rolle",
    "rôle",
    "rol",
    "papel",
    "役割",
    "ロール",
    "角色",
    "역할",
    "직책",
    "ruolo",
    "rola",
    "роль",
    "תפקיד",
    "الدور",
    "vai trò",
    "peran",
    "roll",
    "rooli",
    "szerep",
    "szerepkör",
    "úloha",
    "ρόλος",
    "دور",
    "نقش",
    "भूमिका",
    "ভূমিকা",
    "บทบาท",
];

/// Headers of a column of the levels' titles (lowercased): "Title", "Job title", and the
/// words for a post's title in the languages the importer reads ("Cargo", "Puesto",
/// "Jobtitel", "Poste", "职位", "呼称", "직급").
pub(super) const TITLE_HEADERS: &[&str] = &[
    "title",
    "titles",
    "job title",
    "position",
    "titel",
    "jobtitel",
    "stellenbezeichnung",
    "bezeichnung",
    "titre",
    "poste",
    "intitulé",
    "título",
    "cargo",
    "puesto",
    "posición",
    "posição",
    "titolo",
    "職位",
    "职位",
    "役職",
    "役職名",
    "職位名",
    "职位名称",
    "职级名称",
    "職級名稱",
    "等級名",
    "等级名称",
    "직급명",
    "岗位名称",
    "직책",
    "직책명",
    "nome do cargo",
    "título do cargo",
    "呼称",
    "職稱",
    "职称",
    "직함",
    "직급",
    "functie",
    "functietitel",
    "stilling",
    "stillingsbetegnelse",
    "nimike",
    "stanowisko",
    "nazwa stanowiska",
    "pozice",
    "unvan",
    "pozisyon",
    "должность",
    "посада",
    "chức danh",
    "jabatan",
    "ตำแหน่ง",
    "תואר",
    "intitulé du poste",
    "qualifica",
    "nome del ruolo",
    "المسمى الوظيفي",
    "المسمى",
    "الوظيفة",
    "שם התפקיד",
    "tên vị trí",
    "befattning",
    "titel på rollen",
    "název pozice",
    "назва посади",
    // (Not the words for "function": a matrix's row of each level's function is no title.)
    "المنصب",
    "منصب",
    "مسمى وظيفي",
    "عنوان شغلی",
    "سمت",
    "पद",
    "पदनाम",
    "পদবি",
    "পদ",
    "ชื่อตำแหน่ง",
    "vị trí",
    "chức vụ",
    "posisi",
    "nama jabatan",
    "τίτλος",
    "θέση",
    "titul",
    "pracovní pozice",
    "pozícia",
    "názov pozície",
    "pracovná pozícia",
    "название должности",
    "позиция",
    "tytuł",
    "beosztás",
    "munkakör",
    "pozíció",
    "megnevezés",
    "titlu",
    "poziție",
    "functienaam",
    "tittel",
    "stillingstittel",
    "befattningsnamn",
    "yrkestitel",
    "tehtävänimike",
    "titteli",
    "títol",
    "càrrec",
    "posició",
    "ünvan",
    "iş unvanı",
    "posizione",
    "mansione",
    "denominación",
    "título del puesto",
    "nombre del puesto",
    "título do cargo",
    "nome do cargo",
    "intitulé de poste",
    "rollenbezeichnung",
    "stellentitel",
    "職名",
    "肩書き",
    "肩書",
    "岗位",
    "崗位",
    "头衔",
    "頭銜",
    "职务",
    "직위",
];

/// How many words a title under a header that says `Title` or `Name` may have.
const NAMED_TITLE_WORDS: usize = 10;

/// Whether a table of levels as rows has a title column after a code column: its header
/// says `Title` (or `Name`, `Role`) and its cells are titles, not sentences.
pub(super) fn titled_second_column(header: &[Cell], body: &[&Vec<Cell>]) -> bool {
    let Some(second) = header.get(1) else {
        return false;
    };
    let header_text = plain(&second.text).to_lowercase();
    let header_text = header_text.trim();
    let role = ROLE_HEADERS.contains(&header_text);
    let named = role || header_text == "name" || TITLE_HEADERS.contains(&header_text);
    // ("Role" also heads what each level does, "Finish assigned work": its cells are titles
    // only where most read as levels' titles.)
    if role {
        let like = body
            .iter()
            .filter(|row| {
                row.get(1)
                    .is_some_and(|cell| level_likeness(&cell.text) >= 0.5)
            })
            .count();
        if like * 2 <= body.len() {
            return false;
        }
    }
    // ("Job Zone One: Little or No Preparation Needed" is a title too: the header says so; a
    // sentence is none.)
    let titles = body.iter().all(|row| {
        row.get(1).is_some_and(|cell| {
            let text = plain(&cell.text);
            cell.blocks.is_empty()
                && text.split_whitespace().count() <= NAMED_TITLE_WORDS
                && !text.trim_end().ends_with(['.', '。'])
        })
    });
    named && titles
}

pub(super) fn label(cell: Option<&Cell>) -> String {
    cell.map(|cell| plain(&cell.text)).unwrap_or_default()
}

/// Every filled cell is a short title or code, most of them level-like, and none holds a
/// list: a table that names levels without describing them.
pub(super) fn is_titles_table(body: &[&Vec<Cell>]) -> bool {
    let cells: Vec<&Cell> = body
        .iter()
        .flat_map(|row| row.iter())
        .filter(|c| !is_blank(c))
        .collect();
    if cells.len() < 4 || cells.iter().any(|cell| !cell.blocks.is_empty()) {
        return false;
    }
    // (By characters too: Japanese and Chinese write a long sentence as one "word".)
    let short = cells.iter().all(|cell| {
        let text = plain(&cell.text);
        text.split_whitespace().count() <= 8
            && text.chars().count() <= TITLE_CELL_CHARACTERS
            // (A sentence is no title.)
            && !text.contains('。')
            && !text.trim_end().ends_with('.')
    });
    let like = cells
        .iter()
        .filter(|cell| level_likeness(&cell.text) >= 0.5)
        .count();
    short && like * 4 >= cells.len() * 3
}

/// How many characters a cell of a table of titles holds at most ("Senior Software Engineer
/// II (L5)" and its translations).
const TITLE_CELL_CHARACTERS: usize = 60;

/// A row whose only filled cell is its first (or whose cells all repeat the first: a merged
/// cell across the row), naming a group of the rows below.
pub(super) fn is_group_row(row: &[Cell]) -> bool {
    let Some((first, rest)) = row.split_first() else {
        return false;
    };
    !is_blank(first)
        && !rest.is_empty()
        && rest
            .iter()
            .all(|cell| is_blank(cell) || cell.text == first.text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bullets_and_numbers_are_taken_off() {
        assert_eq!(strip_bullet("• Ships code"), "Ships code");
        assert_eq!(strip_bullet("2. Ships code"), "Ships code");
        assert_eq!(strip_bullet("2020 was good"), "2020 was good");
        assert_eq!(strip_bullet("\\* Ships code"), "Ships code");
    }
}
