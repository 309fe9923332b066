//! Markdown handbooks: a `README.md`, one file per track, and the `SUMMARY.md` + `book.toml` that
//! make the folder an mdBook.
//!
//! Every document is built as a comrak tree and written by comrak's CommonMark formatter, so
//! escaping is right by construction: ladder text enters the tree only through
//! [`markup`](crate::markup), as text nodes or as the few Markdown constructs a ladder may use.
//! A bullet holding `|`, `<script>` or a leading `#` therefore comes out as literal text.
//!
//! Links between files need the anchors GitHub gives headings, which depend on every heading of
//! the target file (duplicates get `-1`, `-2`...). So all files are built first, their headings
//! anchored in order as they are added, and the links into them are filled in at the end.

use std::collections::HashMap;
use std::path::PathBuf;

use comrak::nodes::{
    AstNode, ListDelimType, ListType, NodeCode, NodeCodeBlock, NodeHeading, NodeLink, NodeList,
    NodeTable, NodeValue, TableAlignment,
};
use comrak::{Anchorizer, Arena, Options};

use crate::compare;
use crate::export::{OutputFile, Stamp};
use crate::markup::{self, Block, Inline};
use crate::model::{Ladder, Level, Track};
use crate::overview::Overview;

type Node<'a> = &'a AstNode<'a>;

/// The handbook's files, in a stable order.
pub fn handbook(ladder: &Ladder, stamp: &Stamp) -> anyhow::Result<Vec<OutputFile>> {
    let arena = Arena::new();
    let mut book = Book::new(&arena, ladder);
    let readme = book.readme(stamp);
    let tracks: Vec<(String, Node)> = ladder
        .tracks
        .iter()
        .map(|track| (track_file(track), book.track(track, stamp)))
        .collect();
    book.resolve_links();
    let summary = book.summary();

    let mut files = vec![OutputFile {
        path: PathBuf::from("README.md"),
        bytes: format(readme)?.into_bytes(),
    }];
    for (name, root) in tracks {
        files.push(OutputFile {
            path: PathBuf::from(name),
            bytes: format(root)?.into_bytes(),
        });
    }
    files.push(OutputFile {
        path: PathBuf::from("SUMMARY.md"),
        bytes: format(summary)?.into_bytes(),
    });
    files.push(OutputFile {
        path: PathBuf::from("book.toml"),
        bytes: book_toml(ladder).into_bytes(),
    });
    Ok(files)
}

/// The file of a track's chapter.
pub fn track_file(track: &Track) -> String {
    format!("{}.md", track.id)
}

/// The comrak options every handbook file is written (and read back) with: GFM tables and
/// strike-through, nothing else.
pub fn options() -> Options<'static> {
    let mut options = Options::default();
    options.extension.table = true;
    options.extension.strikethrough = true;
    options.render.width = 0;
    options
}

fn format(root: Node) -> anyhow::Result<String> {
    let mut out = String::new();
    comrak::format_commonmark(root, &options(), &mut out)
        .map_err(|_| anyhow::anyhow!("could not format the Markdown document"))?;
    Ok(out)
}

/// A link whose target (a level, by id) is filled in once every file's anchors are known.
struct PendingLink<'a> {
    node: Node<'a>,
    from_file: String,
    level_id: String,
}

struct Book<'a> {
    arena: &'a Arena<'a>,
    ladder: &'a Ladder,
    /// Level id → (file, anchor).
    anchors: HashMap<String, (String, String)>,
    pending: Vec<PendingLink<'a>>,
}

impl<'a> Book<'a> {
    fn new(arena: &'a Arena<'a>, ladder: &'a Ladder) -> Self {
        Book {
            arena,
            ladder,
            anchors: HashMap::new(),
            pending: Vec::new(),
        }
    }

    fn node(&self, value: NodeValue) -> Node<'a> {
        self.arena.alloc(AstNode::from(value))
    }

    fn text(&self, text: impl Into<String>) -> Node<'a> {
        self.node(NodeValue::Text(text.into().into()))
    }

    fn strong(&self, text: &str) -> Node<'a> {
        let strong = self.node(NodeValue::Strong);
        strong.append(self.text(text));
        strong
    }

    fn emph(&self, children: Vec<Node<'a>>) -> Node<'a> {
        let emph = self.node(NodeValue::Emph);
        for child in children {
            emph.append(child);
        }
        emph
    }

    fn link(&self, url: &str, children: Vec<Node<'a>>) -> Node<'a> {
        let link = self.node(NodeValue::Link(Box::new(NodeLink {
            url: url.to_owned(),
            title: String::new(),
        })));
        for child in children {
            link.append(child);
        }
        link
    }

    /// A link to a level, resolved later; its text is the level's title.
    fn level_link(&mut self, from_file: &str, level: &Level) -> Node<'a> {
        let node = self.link("", vec![self.text(level.title.as_str())]);
        self.pending.push(PendingLink {
            node,
            from_file: from_file.to_owned(),
            level_id: level.id.clone(),
        });
        node
    }

    fn resolve_links(&mut self) {
        for pending in &self.pending {
            let Some((file, anchor)) = self.anchors.get(&pending.level_id) else {
                continue;
            };
            let url = if *file == pending.from_file {
                format!("#{anchor}")
            } else {
                format!("{file}#{anchor}")
            };
            if let NodeValue::Link(link) = &mut pending.node.data_mut().value {
                link.url = url;
            }
        }
    }

    fn paragraph(&self, parent: Node<'a>, children: Vec<Node<'a>>) -> Node<'a> {
        let paragraph = self.node(NodeValue::Paragraph);
        for child in children {
            paragraph.append(child);
        }
        parent.append(paragraph);
        paragraph
    }

    /// Appends a heading and returns its GitHub anchor, given the anchorizer of its file.
    fn heading(
        &self,
        parent: Node<'a>,
        level: u8,
        text: &str,
        anchorizer: &mut Anchorizer,
    ) -> String {
        let heading = self.node(NodeValue::Heading(NodeHeading {
            level,
            setext: false,
            closed: false,
        }));
        heading.append(self.text(text));
        parent.append(heading);
        anchorizer.anchorize(text)
    }

    fn bullet_list(&self, parent: Node<'a>, items: Vec<Vec<Node<'a>>>) {
        let list_value = NodeList {
            list_type: ListType::Bullet,
            marker_offset: 0,
            padding: 2,
            start: 1,
            delimiter: ListDelimType::Period,
            bullet_char: b'-',
            tight: true,
            is_task_list: false,
        };
        let list = self.node(NodeValue::List(list_value));
        for children in items {
            let item = self.node(NodeValue::Item(list_value));
            self.paragraph(item, children);
            list.append(item);
        }
        parent.append(list);
    }

    /// Ladder inline Markdown as comrak nodes.
    fn inlines(&self, inlines: &[Inline]) -> Vec<Node<'a>> {
        inlines.iter().map(|inline| self.inline(inline)).collect()
    }

    fn inline(&self, inline: &Inline) -> Node<'a> {
        let with_children = |value: NodeValue, children: &[Inline]| {
            let node = self.node(value);
            for child in self.inlines(children) {
                node.append(child);
            }
            node
        };
        match inline {
            Inline::Text { text } => self.text(text.as_str()),
            Inline::Emph { children } => with_children(NodeValue::Emph, children),
            Inline::Strong { children } => with_children(NodeValue::Strong, children),
            Inline::Strike { children } => with_children(NodeValue::Strikethrough, children),
            Inline::Code { text } => self.node(NodeValue::Code(NodeCode {
                num_backticks: 1,
                literal: text.clone(),
            })),
            Inline::Link { url, children } => {
                let link = NodeLink {
                    url: url.clone(),
                    title: String::new(),
                };
                with_children(NodeValue::Link(Box::new(link)), children)
            }
            Inline::Image { url, alt } => {
                let image = self.node(NodeValue::Image(Box::new(NodeLink {
                    url: url.clone(),
                    title: String::new(),
                })));
                image.append(self.text(alt.as_str()));
                image
            }
            Inline::Break => self.node(NodeValue::LineBreak),
        }
    }

    /// Ladder prose as comrak blocks; its headings are shifted below `base_level`.
    fn blocks(&self, parent: Node<'a>, blocks: &[Block], base_level: u8) {
        for block in blocks {
            match block {
                Block::Paragraph { children } => {
                    self.paragraph(parent, self.inlines(children));
                }
                Block::Heading { level, children } => {
                    let heading = self.node(NodeValue::Heading(NodeHeading {
                        level: (base_level + level).min(6),
                        setext: false,
                        closed: false,
                    }));
                    for child in self.inlines(children) {
                        heading.append(child);
                    }
                    parent.append(heading);
                }
                Block::List {
                    ordered,
                    start,
                    items,
                } => {
                    let list_value = NodeList {
                        list_type: if *ordered {
                            ListType::Ordered
                        } else {
                            ListType::Bullet
                        },
                        marker_offset: 0,
                        padding: if *ordered { 3 } else { 2 },
                        start: *start,
                        delimiter: ListDelimType::Period,
                        bullet_char: b'-',
                        tight: items.iter().all(|item| item.len() <= 1),
                        is_task_list: false,
                    };
                    let list = self.node(NodeValue::List(list_value));
                    for item_blocks in items {
                        let item = self.node(NodeValue::Item(list_value));
                        self.blocks(item, item_blocks, base_level);
                        list.append(item);
                    }
                    parent.append(list);
                }
                Block::Quote { children } => {
                    let quote = self.node(NodeValue::BlockQuote);
                    self.blocks(quote, children, base_level);
                    parent.append(quote);
                }
                Block::Code { text } => {
                    parent.append(self.node(NodeValue::CodeBlock(Box::new(NodeCodeBlock {
                        fenced: true,
                        fence_char: b'`',
                        fence_length: 3,
                        fence_offset: 0,
                        info: String::new(),
                        literal: text.clone(),
                        closed: true,
                    }))));
                }
                Block::Rule => parent.append(self.node(NodeValue::ThematicBreak)),
            }
        }
    }

    fn prose(&self, parent: Node<'a>, text: &str, base_level: u8) {
        self.blocks(parent, &markup::blocks(text), base_level);
    }

    fn footer(&self, root: Node<'a>, stamp: &Stamp) {
        root.append(self.node(NodeValue::ThematicBreak));
        let text = format!(
            "Generated by {} from the ladder source `{}` (input {}). Edit the source, not this file.",
            stamp.tool, self.ladder.id, stamp.input_hash
        );
        let children = self.inlines(&markup::inline(&text));
        let emph = self.emph(children);
        self.paragraph(root, vec![emph]);
    }

    fn readme(&mut self, stamp: &Stamp) -> Node<'a> {
        const FILE: &str = "README.md";
        let ladder = self.ladder;
        let root = self.node(NodeValue::Document);
        let mut anchorizer = Anchorizer::new();
        self.heading(root, 1, &ladder.title, &mut anchorizer);

        let facts: Vec<String> = [
            ladder.organization.clone(),
            ladder
                .version
                .as_ref()
                .map(|version| format!("version {version}")),
            ladder
                .effective_date
                .as_ref()
                .map(|date| format!("effective {date}")),
            (!ladder.authors.is_empty()).then(|| format!("by {}", ladder.authors.join(", "))),
        ]
        .into_iter()
        .flatten()
        .collect();
        if !facts.is_empty() {
            let line = self.text(facts.join(" · "));
            let emph = self.emph(vec![line]);
            self.paragraph(root, vec![emph]);
        }
        if let Some(summary) = &ladder.summary {
            self.prose(root, summary, 1);
        }
        if ladder.cumulative {
            self.paragraph(
                root,
                vec![self.text("Each level assumes all the requirements of the levels before it.")],
            );
        }

        self.heading(root, 2, "Overview", &mut anchorizer);
        self.overview_table(root, FILE);

        self.heading(root, 2, "Tracks", &mut anchorizer);
        let items = ladder
            .tracks
            .iter()
            .map(|track| {
                let mut children =
                    vec![self.link(&track_file(track), vec![self.text(track.name.as_str())])];
                children.push(self.text(format!(
                    " ({} {})",
                    track.levels.len(),
                    if track.levels.len() == 1 {
                        "level"
                    } else {
                        "levels"
                    }
                )));
                children
            })
            .collect();
        self.bullet_list(root, items);

        for section in &ladder.sections {
            let level = section.depth.clamp(1, 3) + 1;
            self.heading(root, level, &section.title, &mut anchorizer);
            self.prose(root, &section.body, level);
        }
        if let Some(credits) = &ladder.credits {
            self.heading(root, 2, "Credits", &mut anchorizer);
            self.prose(root, credits, 2);
        }
        self.footer(root, stamp);
        root
    }

    /// Tracks as columns, heights (grades, or equivalent levels) as rows.
    fn overview_table(&mut self, root: Node<'a>, file: &str) {
        let ladder = self.ladder;
        let overview = Overview::of(ladder);
        let graded = overview.columns.iter().any(Option::is_some);
        let columns = overview.rows.len() + usize::from(graded);
        let heights = overview.columns.len();
        let table = self.node(NodeValue::Table(Box::new(NodeTable {
            alignments: vec![TableAlignment::None; columns],
            num_columns: columns,
            num_rows: heights + 1,
            num_nonempty_cells: 0,
        })));
        let header = self.node(NodeValue::TableRow(true));
        if graded {
            header.append(self.cell(vec![self.text("Grade")]));
        }
        for row in &overview.rows {
            let link = self.link(
                &track_file(row.track),
                vec![self.text(row.track.name.as_str())],
            );
            header.append(self.cell(vec![link]));
        }
        table.append(header);
        for height in 0..heights {
            let row_node = self.node(NodeValue::TableRow(false));
            if graded {
                let name = overview.columns[height].clone().unwrap_or_default();
                row_node.append(self.cell(vec![self.text(name)]));
            }
            for row in &overview.rows {
                let mut children = Vec::new();
                for (index, level) in row.cells[height].iter().enumerate() {
                    if index > 0 {
                        children.push(self.text(", "));
                    }
                    children.push(self.level_link(file, level));
                    if let Some(code) = &level.code {
                        children.push(self.text(format!(" ({code})")));
                    }
                }
                row_node.append(self.cell(children));
            }
            table.append(row_node);
        }
        root.append(table);
    }

    fn cell(&self, children: Vec<Node<'a>>) -> Node<'a> {
        let cell = self.node(NodeValue::TableCell);
        for child in children {
            cell.append(child);
        }
        cell
    }

    fn track(&mut self, track: &'a Track, stamp: &Stamp) -> Node<'a> {
        let ladder = self.ladder;
        let file = track_file(track);
        let root = self.node(NodeValue::Document);
        let mut anchorizer = Anchorizer::new();
        self.heading(root, 1, &track.name, &mut anchorizer);
        let back = self.link("README.md", vec![self.text(ladder.title.as_str())]);
        self.paragraph(root, vec![self.text("Part of "), back]);
        if let Some(summary) = &track.summary {
            self.prose(root, summary, 1);
        }
        if ladder.cumulative && track.levels.len() > 1 {
            self.paragraph(
                root,
                vec![self.text("Each level assumes all the requirements of the levels before it.")],
            );
        }
        let contents = track
            .levels
            .iter()
            .map(|level| vec![self.level_link(&file, level)])
            .collect();
        self.bullet_list(root, contents);

        for (index, level) in track.levels.iter().enumerate() {
            let anchor = self.heading(root, 2, &level.title, &mut anchorizer);
            self.anchors
                .insert(level.id.clone(), (file.clone(), anchor));
            self.level(root, &file, track, index, &mut anchorizer);
        }
        self.footer(root, stamp);
        root
    }

    fn level(
        &mut self,
        root: Node<'a>,
        file: &str,
        track: &'a Track,
        index: usize,
        anchorizer: &mut Anchorizer,
    ) {
        let ladder = self.ladder;
        let level = &track.levels[index];
        let grade_name = level.grade.as_ref().map(|grade| {
            ladder
                .grades
                .iter()
                .find(|known| &known.id == grade)
                .map_or_else(|| grade.clone(), |known| known.name.clone())
        });
        let facts: Vec<(&str, String)> = [
            ("Code", level.code.clone()),
            ("Grade", grade_name),
            (
                "Experience",
                level.experience.as_ref().map(|e| e.text.clone()),
            ),
        ]
        .into_iter()
        .filter_map(|(label, value)| value.map(|value| (label, value)))
        .collect();
        if !facts.is_empty() {
            let mut children = Vec::new();
            for (index, (label, value)) in facts.iter().enumerate() {
                if index > 0 {
                    children.push(self.text(" · "));
                }
                children.push(self.strong(&format!("{label}:")));
                children.push(self.text(format!(" {value}")));
            }
            self.paragraph(root, children);
        }
        if !level.aliases.is_empty() {
            self.paragraph(
                root,
                vec![self.text(format!("Also titled: {}", level.aliases.join("; ")))],
            );
        }
        if let Some(headline) = &level.headline {
            let strong = self.node(NodeValue::Strong);
            for child in self.inlines(&markup::inline(headline)) {
                strong.append(child);
            }
            self.paragraph(root, vec![strong]);
        }
        if let Some(description) = &level.description {
            self.prose(root, description, 2);
        }
        if let Some(required) = level.requires.as_deref().and_then(|id| ladder.level(id)) {
            let link = self.level_link(file, required);
            self.paragraph(
                root,
                vec![self.strong("Required title:"), self.text(" "), link],
            );
        }
        if !level.equivalents.is_empty() {
            let label = match track.kind {
                crate::model::TrackKind::Manager => "Engineer equivalent:",
                _ => "Equivalent:",
            };
            let mut children = vec![self.strong(label), self.text(" ")];
            for (index, equivalent) in level.equivalents.iter().enumerate() {
                if index > 0 {
                    children.push(self.text(", "));
                }
                match ladder.resolve_level(equivalent) {
                    Some(other) => children.push(self.level_link(file, other)),
                    None => children.push(self.text(equivalent.as_str())),
                }
            }
            self.paragraph(root, children);
        }
        if let Some(shared) = level
            .shares_expectations_with
            .as_deref()
            .and_then(|id| ladder.level(id))
        {
            let link = self.level_link(file, shared);
            self.paragraph(
                root,
                vec![
                    self.text("Expectations: the same as "),
                    link,
                    self.text("."),
                ],
            );
        } else {
            for (area_id, items) in &level.expectations {
                let name = ladder
                    .area(area_id)
                    .map_or(area_id.as_str(), |area| area.name.as_str());
                self.heading(root, 3, name, anchorizer);
                let items = items
                    .iter()
                    .map(|item| self.inlines(&markup::inline(item)))
                    .collect();
                self.bullet_list(root, items);
            }
        }
        if let Some(previous) = index.checked_sub(1).map(|i| &track.levels[i]) {
            self.changes(root, file, previous, level, anchorizer);
        }
        let mut steps = Vec::new();
        if let Some(previous) = index.checked_sub(1).map(|i| &track.levels[i]) {
            steps.push(self.text("Previous: "));
            steps.push(self.level_link(file, previous));
        }
        if let Some(next) = track.levels.get(index + 1) {
            if !steps.is_empty() {
                steps.push(self.text(" · "));
            }
            steps.push(self.text("Next: "));
            steps.push(self.level_link(file, next));
        }
        if !steps.is_empty() {
            let emph = self.emph(steps);
            self.paragraph(root, vec![emph]);
        }
    }
}

impl<'a> Book<'a> {
    /// "What changes from the level below": a count, then the new and reworded expectations.
    fn changes(
        &mut self,
        root: Node<'a>,
        file: &str,
        previous: &'a Level,
        level: &'a Level,
        anchorizer: &mut Anchorizer,
    ) {
        let comparison = compare::compare(self.ladder, previous, level);
        let (unchanged, reworded, added, removed) = comparison.counts();
        if unchanged + reworded + added + removed == 0 {
            return;
        }
        self.heading(
            root,
            3,
            &format!("Changes from {}", previous.title),
            anchorizer,
        );
        let link = self.level_link(file, previous);
        let summary = if comparison.cumulative {
            vec![
                self.text(format!(
                    "Adds {added} expectation{} to everything expected at ",
                    if added == 1 { "" } else { "s" }
                )),
                link,
                self.text("."),
            ]
        } else if added + reworded + removed == 0 {
            vec![self.text("The same expectations as "), link, self.text(".")]
        } else {
            let parts: Vec<String> = [
                (added, "new"),
                (reworded, "reworded"),
                (unchanged, "as before"),
                (removed, "no longer listed"),
            ]
            .iter()
            .filter(|(count, _)| *count > 0)
            .map(|(count, what)| format!("{count} {what}"))
            .collect();
            vec![
                self.text("Compared with "),
                link,
                self.text(format!(": {}.", parts.join(", "))),
            ]
        };
        self.paragraph(root, summary);
        let mut items = Vec::new();
        for area in &comparison.areas {
            for item in &area.added {
                let mut children = vec![self.strong(&format!("New in {}:", area.area_name))];
                children.push(self.text(" "));
                children.extend(self.inlines(&markup::inline(item)));
                items.push(children);
            }
            for (old, new) in &area.reworded {
                let mut children = vec![self.strong(&format!("Reworded in {}:", area.area_name))];
                children.push(self.text(" "));
                children.extend(self.inlines(&markup::inline(new)));
                children.push(self.text(" (was: "));
                children.extend(self.inlines(&markup::inline(old)));
                children.push(self.text(")"));
                items.push(children);
            }
        }
        if !items.is_empty() {
            self.bullet_list(root, items);
        }
    }

    /// mdBook's table of contents: the README as the introduction, a chapter per track.
    fn summary(&self) -> Node<'a> {
        let book = self;
        let ladder = self.ladder;
        let root = book.node(NodeValue::Document);
        book.heading(root, 1, "Summary", &mut Anchorizer::new());
        let introduction = book.link("README.md", vec![book.text(ladder.title.as_str())]);
        book.paragraph(root, vec![introduction]);
        let items = ladder
            .tracks
            .iter()
            .map(|track| vec![book.link(&track_file(track), vec![book.text(track.name.as_str())])])
            .collect();
        book.bullet_list(root, items);
        root
    }
}

/// Lets `mdbook build` run in the handbook folder with no set-up: the sources are the folder.
fn book_toml(ladder: &Ladder) -> String {
    let mut book = toml_string(&ladder.title);
    let authors: Vec<String> = ladder.authors.iter().map(|a| toml_string(a)).collect();
    book = format!(
        "[book]\ntitle = {book}\nauthors = [{}]\nsrc = \".\"\n\n[build]\nbuild-dir = \"book\"\n",
        authors.join(", ")
    );
    book
}

/// A TOML basic string: quoted, with `"`, `\` and control characters escaped.
fn toml_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
