//! The stages of `src/` use only stages below them: the graph of `crate::` paths between the
//! top-level modules (and between the exporters and the export module) has no cycle.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::common::repo;

/// The stage a file of `src/` belongs to: its top-level module; inside `export/`, the exporter.
fn stage_of(relative: &Path) -> Option<String> {
    let mut parts = relative
        .iter()
        .map(|part| part.to_string_lossy().into_owned());
    let first = parts.next()?;
    let first = first.trim_end_matches(".rs").to_owned();
    if matches!(first.as_str(), "lib" | "main") {
        return None;
    }
    if first == "export" {
        let second = parts.next().unwrap_or_else(|| String::from("mod.rs"));
        return Some(format!("export/{}", second.trim_end_matches(".rs")));
    }
    Some(first)
}

/// The stage a `crate::a::b` path names.
fn stage_named(path: &[&str], stages: &BTreeSet<String>) -> Option<String> {
    let first = *path.first()?;
    if first == "export" {
        let second = path.get(1).copied().unwrap_or("mod");
        let candidate = format!("export/{second}");
        return Some(if stages.contains(&candidate) {
            candidate
        } else {
            String::from("export/mod")
        });
    }
    stages.contains(first).then(|| first.to_owned())
}

fn files(folder: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|extension| extension == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn the_stages_of_the_source_have_no_cycle() {
    let src = repo("src");
    let mut all = Vec::new();
    files(&src, &mut all);
    let stages: BTreeSet<String> = all
        .iter()
        .filter_map(|file| stage_of(file.strip_prefix(&src).unwrap()))
        .collect();
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in &all {
        let Some(from) = stage_of(file.strip_prefix(&src).unwrap()) else {
            continue;
        };
        let text = std::fs::read_to_string(file).unwrap();
        for line in text.lines() {
            let code = line.split("//").next().unwrap_or_default();
            let mut rest = code;
            while let Some(at) = rest.find("crate::") {
                rest = &rest[at + "crate::".len()..];
                // `crate::{a, b::c}` names several paths; `crate::a::b` one.
                let paths: Vec<String> = if let Some(group) = rest.strip_prefix('{') {
                    group
                        .split('}')
                        .next()
                        .unwrap_or_default()
                        .split(',')
                        .map(|path| path.trim().to_owned())
                        .collect()
                } else {
                    vec![rest
                        .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                        .next()
                        .unwrap_or_default()
                        .to_owned()]
                };
                for path in paths {
                    let parts: Vec<&str> = path.split("::").collect();
                    if let Some(to) = stage_named(&parts, &stages) {
                        if to != from {
                            edges.entry(from.clone()).or_default().insert(to);
                        }
                    }
                }
            }
        }
    }
    // A depth-first walk that keeps the path: an edge back into it is a cycle.
    fn walk(
        stage: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(start) = path.iter().position(|known| known == stage) {
            let mut cycle = path[start..].to_vec();
            cycle.push(stage.to_owned());
            return Some(cycle);
        }
        if done.contains(stage) {
            return None;
        }
        path.push(stage.to_owned());
        for next in edges.get(stage).into_iter().flatten() {
            if let Some(cycle) = walk(next, edges, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(stage.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    for stage in &stages {
        let cycle = walk(stage, &edges, &mut Vec::new(), &mut done);
        assert!(
            cycle.is_none(),
            "a cycle between stages: {:?}",
            cycle.unwrap()
        );
    }
    // The graph is read at all: the build runs the exporters, the exporters read the view.
    assert!(edges["build"].contains("export/mod"));
    assert!(edges["export/markdown"].contains("view"));
}
