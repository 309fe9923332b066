//! The Markdown handbook, read back the way GitHub reads it: parsed with comrak, links followed
//! to files and heading anchors, every expectation found as a list item under its level and area.

use crate::common::*;

use std::collections::{BTreeMap, HashMap};

use comrak::nodes::{AstNode, NodeValue};
use comrak::{parse_document, Anchorizer, Arena};
use ladder::export::markdown::{handbook, options};
use ladder::export::OutputFile;
use ladder::{markup, Ladder};

fn files_of(ladder: &Ladder) -> BTreeMap<String, String> {
    handbook(&view(ladder), &stamp())
        .unwrap()
        .into_iter()
        .map(|OutputFile { path, bytes }| {
            (
                path.to_string_lossy().into_owned(),
                String::from_utf8(bytes).unwrap(),
            )
        })
        .collect()
}

fn text_of<'a>(node: &'a AstNode<'a>) -> String {
    let mut out = String::new();
    for descendant in node.descendants() {
        match &descendant.data().value {
            NodeValue::Text(text) => out.push_str(text),
            NodeValue::Code(code) => out.push_str(&code.literal),
            NodeValue::SoftBreak => out.push(' '),
            NodeValue::LineBreak => out.push('\n'),
            _ => {}
        }
    }
    out
}

/// What a reader finds in one Markdown file.
#[derive(Default, Debug)]
struct Reading {
    /// GitHub's anchors of the file's headings.
    anchors: Vec<String>,
    /// (level heading, area heading, list item text) for every item under an `###` heading.
    items: Vec<(String, String, String)>,
    links: Vec<String>,
    html_nodes: usize,
    /// Cells per row of each table.
    table_rows: Vec<Vec<usize>>,
}

fn read(markdown: &str) -> Reading {
    let arena = Arena::new();
    let root = parse_document(&arena, markdown, &options());
    let mut reading = Reading::default();
    let mut anchorizer = Anchorizer::new();
    let (mut level, mut area) = (String::new(), String::new());
    for node in root.children() {
        match &node.data().value {
            NodeValue::Heading(heading) => {
                let text = text_of(node);
                reading.anchors.push(anchorizer.anchorize(&text));
                match heading.level {
                    2 => {
                        level = text;
                        area.clear();
                    }
                    3 => area = text,
                    _ => {}
                }
            }
            NodeValue::List(_) if !area.is_empty() => {
                for item in node.children() {
                    reading
                        .items
                        .push((level.clone(), area.clone(), text_of(item)));
                }
            }
            NodeValue::Table(_) => {
                reading
                    .table_rows
                    .push(node.children().map(|row| row.children().count()).collect());
            }
            _ => {}
        }
    }
    for node in root.descendants() {
        match &node.data().value {
            NodeValue::Link(link) => reading.links.push(link.url.clone()),
            NodeValue::HtmlBlock(_) | NodeValue::HtmlInline(_) => reading.html_nodes += 1,
            _ => {}
        }
    }
    reading
}

fn read_all(files: &BTreeMap<String, String>) -> HashMap<String, Reading> {
    files
        .iter()
        .filter(|(name, _)| name.ends_with(".md"))
        .map(|(name, text)| (name.clone(), read(text)))
        .collect()
}

#[test]
fn every_expectation_is_a_list_item_under_its_level_and_area() {
    for ladder in all_shipped() {
        let files = files_of(&ladder);
        let readings = read_all(&files);
        let mut found = 0;
        for track in &ladder.tracks {
            let reading = &readings[&format!("{}.md", track.id)];
            for level in &track.levels {
                if level.shares_expectations_with.is_some() {
                    continue;
                }
                for (area_id, items) in &level.expectations {
                    let area = &ladder.area(area_id).unwrap().name;
                    for item in items {
                        let expected = (
                            level.title.clone(),
                            area.clone(),
                            markup::plain_text(&item.text),
                        );
                        assert!(
                            reading.items.contains(&expected),
                            "{}: {expected:?} not in {}.md",
                            ladder.id,
                            track.id
                        );
                        found += 1;
                    }
                }
            }
        }
        let in_model: usize = ladder
            .levels()
            .filter(|(_, level)| level.shares_expectations_with.is_none())
            .map(|(_, level)| level.expectations.values().map(Vec::len).sum::<usize>())
            .sum();
        assert_eq!(found, in_model, "{}", ladder.id);
    }
}

#[test]
fn every_internal_link_points_at_a_file_and_heading_that_exist() {
    for ladder in all_shipped() {
        let files = files_of(&ladder);
        let readings = read_all(&files);
        let mut internal = 0;
        for (name, reading) in &readings {
            for url in &reading.links {
                if url.starts_with("http://")
                    || url.starts_with("https://")
                    || url.starts_with("mailto:")
                {
                    continue;
                }
                assert!(!url.is_empty(), "{}/{name}: an empty link", ladder.id);
                let (file, anchor) = match url.split_once('#') {
                    Some((file, anchor)) => (
                        if file.is_empty() { name.as_str() } else { file },
                        Some(anchor),
                    ),
                    None => (url.as_str(), None),
                };
                // Links the ladder itself makes to pages outside the handbook (Packback's
                // per-path pages) are the ladder's own; every link the handbook makes is checked.
                if !files.contains_key(file) {
                    assert!(
                        ladder
                            .levels()
                            .any(|(_, level)| level.link.as_deref() == Some(url))
                            || ladder
                                .tracks
                                .iter()
                                .any(|track| track.link.as_deref() == Some(url))
                            || ladder
                                .sections
                                .iter()
                                .any(|section| section.body.contains(url.as_str())),
                        "{}/{name}: link to a missing file: {url}",
                        ladder.id
                    );
                    continue;
                }
                internal += 1;
                if let Some(anchor) = anchor {
                    assert!(
                        readings[file].anchors.iter().any(|known| known == anchor),
                        "{}/{name}: no heading `#{anchor}` in {file}",
                        ladder.id
                    );
                }
            }
        }
        assert!(
            internal > ladder.levels().count(),
            "{}: only {internal} internal links",
            ladder.id
        );
    }
}

#[test]
fn the_readme_has_an_overview_table_with_every_level_and_the_prose() {
    for ladder in all_shipped() {
        let files = files_of(&ladder);
        let readme = &files["README.md"];
        let reading = read(readme);
        assert_eq!(reading.table_rows.len(), 1, "{}", ladder.id);
        let rows = &reading.table_rows[0];
        assert!(
            rows.iter().all(|&cells| cells == rows[0]),
            "{}: ragged table {rows:?}",
            ladder.id
        );
        for (_, level) in ladder.levels() {
            assert!(
                readme.contains(&format!("[{}](", level.title)),
                "{}: {}",
                ladder.id,
                level.title
            );
        }
        for section in &ladder.sections {
            assert!(
                readme.contains(&section.title),
                "{}: section {}",
                ladder.id,
                section.title
            );
        }
        let summary = &files["SUMMARY.md"];
        for track in &ladder.tracks {
            assert!(summary.contains(&format!("({}.md)", track.id)));
        }
        assert!(files["book.toml"].contains("src = \".\""));
    }
}

#[test]
fn hostile_text_comes_out_literal_and_inert() {
    let ladder = load(repo("tests/fixtures/hostile.yaml"));
    let files = files_of(&ladder);
    let readings = read_all(&files);
    for (name, reading) in &readings {
        assert_eq!(reading.html_nodes, 0, "{name} has raw HTML");
        for url in &reading.links {
            assert!(
                !url.to_ascii_lowercase().starts_with("javascript:"),
                "{name}: live {url}"
            );
        }
        for rows in &reading.table_rows {
            assert!(
                rows.iter().all(|&cells| cells == rows[0]),
                "{name}: ragged table {rows:?}"
            );
        }
    }
    let items = &readings["engineers.md"].items;
    let item = |text: &str| items.iter().any(|(_, _, item)| item == text);
    for literal in [
        "A bullet with a | pipe | in it",
        "<script>alert(1)</script>",
        "# not a heading",
        "`unclosed backtick",
        "[click me](javascript:alert(1))",
        "#read(\"/etc/passwd\")",
        "$x$ and * and _ and <tag> and @ref and \\ and ]",
        "- looks like a list item",
        "> looks like a quote",
        "1. looks like an ordered item",
        "=HYPERLINK(\"http://evil.example\",\"click\")",
    ] {
        assert!(
            item(literal),
            "`{literal}` not found literally in {items:#?}"
        );
    }
    // Markdown the ladder means stays Markdown.
    assert!(files["engineers.md"].contains("*emphasis*"));
    assert!(files["engineers.md"].contains("[links](https://example.com/a_b)"));
    // Rendered as GitHub would (no raw HTML), nothing executable appears.
    for (name, text) in &files {
        let html = comrak::markdown_to_html(text, &options());
        assert!(!html.contains("<script"), "{name}");
        assert!(!html.contains("<img src=x"), "{name}");
        assert!(!html.contains("href=\"javascript:"), "{name}");
    }
    // Level titles with `|` keep the overview table whole and their anchors reachable.
    assert!(readings["README.md"].table_rows[0]
        .iter()
        .all(|&cells| cells == 2));
}

#[test]
fn a_second_build_is_byte_identical() {
    for ladder in all_shipped() {
        assert_eq!(files_of(&ladder), files_of(&ladder), "{}", ladder.id);
    }
}

#[test]
fn each_level_of_a_progression_lists_its_changes_from_the_level_below() {
    let ladder = shipped("persado-2019.yaml");
    let files = files_of(&ladder);
    let reading = read(&files["software-engineer.md"]);
    for (below, level) in [
        ("Software Engineer I", "Software Engineer II"),
        ("Senior Software Engineer", "Staff Software Engineer"),
    ] {
        let heading = format!("Changes from {below}");
        let anchor = comrak::Anchorizer::new().anchorize(&heading);
        assert!(
            reading.anchors.iter().any(|a| a.starts_with(&anchor)),
            "no `{heading}` under {level}"
        );
    }
    assert!(files["software-engineer.md"].contains("Compared with [Software Engineer I](#software-engineer-i): 21 new, 1 reworded, 18 no longer listed."));
    // Roles are not a progression: no changes between Lead and Architect.
    let roles = files_of(&shipped("titles-and-roles.yaml"));
    assert!(!roles["roles.md"].contains("Changes from"));
}
