//! Markdown handbooks: a `README.md`, one file per track, and the `SUMMARY.md` + `book.toml` that
//! make the folder an mdBook.
//!
//! Every document is built as a comrak tree and written by comrak's CommonMark formatter, so
//! escaping is right by construction: ladder text enters the tree only as parsed
//! [`markup`](crate::markup) values, as text nodes or as the few Markdown constructs a ladder may
//! use. A bullet holding `|`, `<script>` or a leading `#` therefore comes out as literal text.
//!
//! Links between files need the anchors GitHub gives headings, which depend on every heading of
//! the target file (duplicates get `-1`, `-2`...). So all files are built first, their headings
//! anchored in order as they are added, and the links into them are filled in at the end.

use std::collections::HashMap;
use std::path::PathBuf;

use comrak::nodes::{NodeTable, NodeValue, TableAlignment};
use comrak::{Anchorizer, Arena};

use crate::audience::Audience;
use crate::export::{ArtifactSpec, Exporter, Input, OutputFile, Stamp};
use crate::labels::Piece;
use crate::view::{LadderView, LevelView, Reference, Sentence, TrackView};

pub use crate::commonmark::options;
use crate::commonmark::{Node, Tree};

/// The handbook exporter: one Markdown handbook per ladder, written as a whole folder.
pub struct MarkdownExporter {
    /// Who the handbook is for (public by default: it is committed to a repository).
    pub audience: Audience,
}

impl Exporter for MarkdownExporter {
    fn name(&self) -> &'static str {
        "md"
    }

    fn audience(&self) -> Audience {
        self.audience
    }

    fn artifacts(&self, _ladder: &crate::model::Ladder) -> Vec<ArtifactSpec> {
        vec![ArtifactSpec::new("handbook").in_folder("handbook").whole()]
    }

    fn make(
        &self,
        input: Input,
        _artifact: &ArtifactSpec,
        stamp: &Stamp,
    ) -> anyhow::Result<Vec<OutputFile>> {
        handbook(input.view, stamp)
    }
}

/// The handbook's files, in a stable order.
pub fn handbook(view: &LadderView, stamp: &Stamp) -> anyhow::Result<Vec<OutputFile>> {
    let arena = Arena::new();
    let mut book = Book::new(&arena, view);
    let readme = book.readme(stamp);
    let tracks: Vec<(String, Node)> = view
        .tracks
        .iter()
        .map(|track| (track_file(track), book.track(track, stamp)))
        .collect();
    book.resolve_links();
    let summary = book.summary();

    let mut files = vec![OutputFile {
        path: PathBuf::from("README.md"),
        bytes: book.format(readme)?.into_bytes(),
    }];
    for (name, root) in tracks {
        files.push(OutputFile {
            path: PathBuf::from(name),
            bytes: book.format(root)?.into_bytes(),
        });
    }
    files.push(OutputFile {
        path: PathBuf::from("SUMMARY.md"),
        bytes: book.format(summary)?.into_bytes(),
    });
    files.push(OutputFile {
        path: PathBuf::from("book.toml"),
        bytes: book_toml(view).into_bytes(),
    });
    Ok(files)
}

/// The file of a track's chapter.
pub fn track_file(track: &TrackView) -> String {
    format!("{}.md", track.id)
}

/// A link whose target (a level, by id) is filled in once every file's anchors are known.
struct PendingLink<'a> {
    node: Node<'a>,
    from_file: String,
    level_id: String,
}

struct Book<'a> {
    tree: Tree<'a>,
    view: &'a LadderView,
    /// Level id → (file, anchor).
    anchors: HashMap<String, (String, String)>,
    pending: Vec<PendingLink<'a>>,
}

impl<'a> std::ops::Deref for Book<'a> {
    type Target = Tree<'a>;

    fn deref(&self) -> &Tree<'a> {
        &self.tree
    }
}

impl<'a> Book<'a> {
    fn new(arena: &'a Arena<'a>, view: &'a LadderView) -> Self {
        Book {
            tree: Tree::new(arena),
            view,
            anchors: HashMap::new(),
            pending: Vec::new(),
        }
    }

    fn label(&self, key: &str) -> &'a str {
        self.view.labels.text(key)
    }

    /// A mention of a level: a link (filled in later) when it names a level, else its title.
    fn reference(&mut self, from_file: &str, reference: &Reference) -> Node<'a> {
        let title = self.text(reference.title.as_str());
        let Some(id) = &reference.id else {
            return title;
        };
        let node = self.link("", vec![title]);
        self.pending.push(PendingLink {
            node,
            from_file: from_file.to_owned(),
            level_id: id.clone(),
        });
        node
    }

    fn sentence(&mut self, from_file: &str, sentence: &Sentence) -> Vec<Node<'a>> {
        sentence
            .iter()
            .map(|piece| match piece {
                Piece::Text(text) => self.text(text.as_str()),
                Piece::Value(reference) => self.reference(from_file, reference),
            })
            .collect()
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

    fn footer(&self, root: Node<'a>, stamp: &Stamp) {
        root.append(self.node(NodeValue::ThematicBreak));
        let source = format!("`{}`", self.view.id);
        let text = self.view.labels.fill(
            "generated",
            &[
                ("tool", &stamp.tool),
                ("source", &source),
                ("hash", &stamp.input_hash),
            ],
        );
        let children = self.inlines(&crate::markup::inline(&text));
        let emph = self.emph(children);
        self.paragraph(root, vec![emph]);
    }

    fn readme(&mut self, stamp: &Stamp) -> Node<'a> {
        const FILE: &str = "README.md";
        let view = self.view;
        let root = self.node(NodeValue::Document);
        let mut anchorizer = Anchorizer::new();
        self.heading(root, 1, &view.title, &mut anchorizer);

        let mut facts = view.facts.clone();
        if !view.authors.is_empty() {
            facts.push(
                view.labels
                    .fill("by_authors", &[("authors", &view.authors.join(", "))]),
            );
        }
        if !facts.is_empty() {
            let line = self.text(facts.join(" · "));
            let emph = self.emph(vec![line]);
            self.paragraph(root, vec![emph]);
        }
        self.blocks(root, &view.summary, 1);
        if view.cumulative {
            self.paragraph(root, vec![self.text(self.label("cumulative"))]);
        }

        self.heading(root, 2, self.label("overview"), &mut anchorizer);
        self.overview_table(root, FILE);

        self.heading(root, 2, self.label("tracks"), &mut anchorizer);
        let items = view
            .tracks
            .iter()
            .map(|track| {
                vec![
                    self.link(&track_file(track), vec![self.text(track.name.as_str())]),
                    self.text(format!(" ({})", track.level_count)),
                ]
            })
            .collect();
        self.bullet_list(root, items);

        for section in &view.sections {
            let level = section.depth.clamp(1, 3) + 1;
            self.heading(root, level, &section.title, &mut anchorizer);
            self.blocks(root, &section.body, level);
        }
        if !view.credits.is_empty() {
            self.heading(root, 2, self.label("credits"), &mut anchorizer);
            self.blocks(root, &view.credits, 2);
        }
        self.footer(root, stamp);
        root
    }

    /// Tracks as columns, heights (grades, or equivalent levels) as rows.
    fn overview_table(&mut self, root: Node<'a>, file: &str) {
        let overview = &self.view.overview;
        let graded = overview.columns.iter().any(Option::is_some);
        let columns = overview.tracks.len() + usize::from(graded);
        let heights = overview.columns.len();
        let table = self.node(NodeValue::Table(Box::new(NodeTable {
            alignments: vec![TableAlignment::None; columns],
            num_columns: columns,
            num_rows: heights + 1,
            num_nonempty_cells: 0,
        })));
        let header = self.node(NodeValue::TableRow(true));
        if graded {
            header.append(self.cell(vec![self.text(self.label("grade"))]));
        }
        for track in &overview.tracks {
            let link = self.link(
                &format!("{}.md", track.id),
                vec![self.text(track.name.as_str())],
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
            for track in &overview.tracks {
                let mut children = Vec::new();
                for (index, entry) in track.cells[height].iter().enumerate() {
                    if index > 0 {
                        children.push(self.text(", "));
                    }
                    children.push(self.reference(file, &entry.level));
                    if let Some(code) = &entry.code {
                        children.push(self.text(format!(" ({code})")));
                    }
                }
                row_node.append(self.cell(children));
            }
            table.append(row_node);
        }
        root.append(table);
    }

    fn track(&mut self, track: &'a TrackView, stamp: &Stamp) -> Node<'a> {
        let view = self.view;
        let file = track_file(track);
        let root = self.node(NodeValue::Document);
        let mut anchorizer = Anchorizer::new();
        self.heading(root, 1, &track.name, &mut anchorizer);
        let part_of = view.labels.text("part_of");
        let back = self.link("README.md", vec![self.text(view.title.as_str())]);
        let mut children = Vec::new();
        for piece in view.labels.pieces(part_of, &[("ladder", ())]) {
            children.push(match piece {
                Piece::Text(text) => self.text(text),
                Piece::Value(()) => back,
            });
        }
        self.paragraph(root, children);
        self.blocks(root, &track.summary, 1);
        if view.cumulative && track.levels.len() > 1 {
            self.paragraph(root, vec![self.text(self.label("cumulative"))]);
        }
        let contents = track
            .levels
            .iter()
            .map(|level| vec![self.reference(&file, &reference_to(level))])
            .collect();
        self.bullet_list(root, contents);

        for level in &track.levels {
            let anchor = self.heading(root, 2, &level.title, &mut anchorizer);
            self.anchors
                .insert(level.id.clone(), (file.clone(), anchor));
            self.level(root, &file, level, &mut anchorizer);
        }
        self.footer(root, stamp);
        root
    }

    fn level(
        &mut self,
        root: Node<'a>,
        file: &str,
        level: &'a LevelView,
        anchorizer: &mut Anchorizer,
    ) {
        if !level.facts.is_empty() {
            let mut children = Vec::new();
            for (index, fact) in level.facts.iter().enumerate() {
                if index > 0 {
                    children.push(self.text(" · "));
                }
                children.push(self.strong(&format!("{}:", fact.label)));
                children.push(self.text(format!(" {}", fact.value)));
            }
            self.paragraph(root, children);
        }
        for note in &level.notes {
            let label = format!("{}:", note.label);
            self.paragraph(
                root,
                vec![self.strong(&label), self.text(format!(" {}", note.value))],
            );
        }
        if !level.aliases.is_empty() {
            let text = format!(
                "{}: {}",
                self.label("also_titled"),
                level.aliases.join("; ")
            );
            self.paragraph(root, vec![self.text(text)]);
        }
        if !level.headline.is_empty() {
            let strong = self.node(NodeValue::Strong);
            for child in self.inlines(&level.headline) {
                strong.append(child);
            }
            self.paragraph(root, vec![strong]);
        }
        self.blocks(root, &level.description, 2);
        if let Some(required) = &level.requires {
            let link = self.reference(file, required);
            let label = format!("{}:", self.label("required_title"));
            self.paragraph(root, vec![self.strong(&label), self.text(" "), link]);
        }
        if !level.equivalents.is_empty() {
            let label = format!("{}:", level.equivalents_label);
            let mut children = vec![self.strong(&label), self.text(" ")];
            for (index, equivalent) in level.equivalents.iter().enumerate() {
                if index > 0 {
                    children.push(self.text(", "));
                }
                children.push(self.reference(file, equivalent));
            }
            self.paragraph(root, children);
        }
        if let Some(sentence) = &level.shares_sentence {
            let children = self.sentence(file, sentence);
            self.paragraph(root, children);
        } else {
            for area in &level.areas {
                self.heading(root, 3, &area.name, anchorizer);
                // An expectation's examples are a list nested in its item.
                let items = area
                    .items
                    .iter()
                    .map(|item| {
                        let examples = item
                            .examples
                            .iter()
                            .map(|example| self.inlines(example))
                            .collect();
                        (self.inlines(&item.text), examples)
                    })
                    .collect();
                self.nested_bullet_list(root, items);
            }
        }
        if let Some(changes) = &level.changes {
            if let Some(summary) = &changes.summary {
                self.heading(root, 3, &changes.heading, anchorizer);
                let children = self.sentence(file, summary);
                self.paragraph(root, children);
                // The level's own list is just above: the items are repeated only when few
                // are new (a level that is mostly new would be printed twice), and reworded
                // ones always, for their earlier wording; folded, so the page stays short.
                let total: usize = level.areas.iter().map(|area| area.items.len()).sum();
                let new = changes.items.iter().filter(|item| !item.reworded).count();
                let repeat_new = new * 2 <= total;
                let items: Vec<Vec<Node<'a>>> = changes
                    .items
                    .iter()
                    .filter(|item| item.reworded || repeat_new)
                    .map(|item| {
                        let mut children = vec![self.strong(&item.lead), self.text(" ")];
                        children.extend(self.inlines(&item.text));
                        if let Some(was) = &item.was {
                            let was_text = self.view.labels.text("was");
                            children.push(self.text(" ("));
                            for piece in self.view.labels.pieces(was_text, &[("text", ())]) {
                                match piece {
                                    Piece::Text(text) => children.push(self.text(text)),
                                    Piece::Value(()) => children.extend(self.inlines(was)),
                                }
                            }
                            children.push(self.text(")"));
                        }
                        children
                    })
                    .collect();
                if !items.is_empty() {
                    let summary = escape_html(&changes.heading);
                    self.html_block(root, &format!("<details>\n<summary>{summary}</summary>"));
                    self.bullet_list(root, items);
                    self.html_block(root, "</details>");
                }
            }
        }
        let mut steps = Vec::new();
        for (key, neighbour) in [("previous", &level.previous), ("next", &level.next)] {
            if let Some(neighbour) = neighbour {
                if !steps.is_empty() {
                    steps.push(self.text(" · "));
                }
                steps.push(self.text(format!("{}: ", self.label(key))));
                steps.push(self.reference(file, neighbour));
            }
        }
        if !steps.is_empty() {
            let emph = self.emph(steps);
            self.paragraph(root, vec![emph]);
        }
    }

    /// mdBook's table of contents: the README as the introduction, a chapter per track.
    fn summary(&self) -> Node<'a> {
        let view = self.view;
        let root = self.node(NodeValue::Document);
        self.heading(root, 1, self.label("summary"), &mut Anchorizer::new());
        let introduction = self.link("README.md", vec![self.text(view.title.as_str())]);
        self.paragraph(root, vec![introduction]);
        let items = view
            .tracks
            .iter()
            .map(|track| vec![self.link(&track_file(track), vec![self.text(track.name.as_str())])])
            .collect();
        self.bullet_list(root, items);
        root
    }
}

fn reference_to(level: &LevelView) -> Reference {
    Reference {
        title: level.title.clone(),
        id: Some(level.id.clone()),
    }
}

/// Lets `mdbook build` run in the handbook folder with no set-up: the sources are the folder.
fn book_toml(view: &LadderView) -> String {
    let authors: Vec<String> = view.authors.iter().map(|a| toml_string(a)).collect();
    format!(
        "[book]\ntitle = {}\nauthors = [{}]\nlanguage = {}\nsrc = \".\"\n\n[build]\nbuild-dir = \"book\"\n",
        toml_string(&view.title),
        authors.join(", "),
        toml_string(&view.language),
    )
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

/// Text as HTML text (in a `<summary>`): `&`, `<`, `>` and quotes escaped, and `{` and `$`
/// as references, so that mdBook's templates and math see no markup in it.
fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('{', "&#123;")
        .replace('$', "&#36;")
}
