//! Where each value of a YAML document stands in its file.
//!
//! serde gives us typed values but forgets positions once deserialization succeeds, and the
//! semantic checks need to point at `tracks[1].levels[3].grade` long after that. So the loader
//! reads the same text once more as a stream of parser events and records the line and column of
//! every key and value by its path. The same pass catches duplicate mapping keys, which serde
//! would otherwise silently collapse into one (losing the first list of expectations).

use std::collections::HashMap;

use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::Marker;

/// One step of a path into a YAML document.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Segment {
    /// A mapping key (`grade`).
    Key(String),
    /// A position in a sequence, from 0 (`levels[2]`).
    Index(usize),
}

impl From<&str> for Segment {
    fn from(key: &str) -> Self {
        Segment::Key(key.to_owned())
    }
}

impl From<usize> for Segment {
    fn from(index: usize) -> Self {
        Segment::Index(index)
    }
}

/// A path such as `tracks[0].levels[2].grade`, built with [`path!`](crate::path).
pub type Path = Vec<Segment>;

/// Builds a [`Path`]: `path!["tracks", 0, "levels", 2, "grade"]`.
#[macro_export]
macro_rules! path {
    ($($segment:expr),* $(,)?) => {
        ::std::vec::Vec::from([$($crate::load::source_map::Segment::from($segment)),*])
    };
}

/// Line and column (1-based) of each key and value, by path.
#[derive(Debug, Default, Clone)]
pub struct SourceMap {
    values: HashMap<Path, (usize, usize)>,
    keys: HashMap<Path, (usize, usize)>,
    /// Keys that occur twice in one mapping: path of the second occurrence, and its position.
    pub duplicate_keys: Vec<(Path, (usize, usize))>,
    /// Where the document first nests deeper than [`MAX_DEPTH`], if it does.
    pub too_deep: Option<(usize, usize)>,
    /// Where aliases first make the document larger than [`MAX_EXPANDED_NODES`] nodes or
    /// [`MAX_EXPANDED_BYTES`] bytes of text once expanded, or add more than
    /// [`MAX_ALIAS_NODES`] nodes, if they do.
    pub too_large_expanded: Option<(usize, usize)>,
}

/// Nodes a document may hold with its aliases expanded. The largest shipped ladder has about
/// 3,000; a ladder of 50 tracks × 40 levels × 8 areas × 10 bullets about 200,000. A few
/// kilobytes of aliases to aliases can stand for billions (a "billion laughs" file), which
/// serde_yaml would expand in memory before any other check could run.
pub const MAX_EXPANDED_NODES: u64 = 2_000_000;

/// Nodes that aliases may add to a document, on top of those written out: about thirty times
/// the largest shipped ladder. A real ladder repeats a list or a mapping here and there; a
/// file whose aliases stand for more than this is a mistake or an attack.
pub const MAX_ALIAS_NODES: u64 = 100_000;

/// Bytes of scalar text a document may hold with its aliases expanded (eight times the largest
/// file `ladder` reads).
pub const MAX_EXPANDED_BYTES: u64 = 64 * 1024 * 1024;

/// Deeper nesting than any ladder needs (a ladder nests about 8 deep). The limit is checked here,
/// in one linear pass, because serde_yaml's parser takes quadratic time on deep nesting before
/// its own recursion limit applies: 100,000 brackets would take minutes.
pub const MAX_DEPTH: usize = 32;

impl SourceMap {
    /// Reads `text` and records every position.
    pub fn build(text: &str) -> Self {
        let mut builder = Builder::default();
        let mut parser = Parser::new_from_str(text);
        // Malformed YAML is reported by serde_yaml with libyaml's messages; here a scan error only
        // matters when it is this parser's own nesting limit (256 open brackets).
        if let Err(error) = parser.load(&mut builder, false) {
            if error.info().contains("recursion limit") {
                let marker = error.marker();
                builder
                    .map
                    .too_deep
                    .get_or_insert((marker.line(), marker.col() + 1));
            }
        }
        builder.map
    }

    /// Where the value at `path` starts, or the nearest enclosing value that has a position.
    pub fn value(&self, path: &[Segment]) -> Option<(usize, usize)> {
        (0..=path.len())
            .rev()
            .find_map(|len| self.values.get(&path[..len]).copied())
    }

    /// Where the key that names `path` stands (`grade:` rather than its value), else the value.
    pub fn key(&self, path: &[Segment]) -> Option<(usize, usize)> {
        self.keys.get(path).copied().or_else(|| self.value(path))
    }
}

enum Frame {
    Mapping {
        path: Path,
        /// The key whose value comes next; `None` while waiting for a key.
        pending_key: Option<String>,
        seen: std::collections::HashSet<String>,
    },
    Sequence {
        path: Path,
        next_index: usize,
    },
}

#[derive(Default)]
struct Builder {
    map: SourceMap,
    stack: Vec<Frame>,
    /// How many levels deeper than [`MAX_DEPTH`] the parser is now; their events are ignored.
    overflow: usize,
    size: ExpandedSize,
}

/// The size of the document as serde_yaml will see it, aliases expanded, counted as the events
/// pass: each anchored node's size is recorded when it ends, and an alias adds that size again.
#[derive(Default)]
struct ExpandedSize {
    nodes: u64,
    /// Nodes added by aliases.
    aliased: u64,
    bytes: u64,
    /// Anchor id → (nodes, bytes) of the anchored node, expanded.
    anchors: HashMap<usize, (u64, u64)>,
    /// For each open collection: its anchor id (0 for none) and the counts when it started.
    open: Vec<(usize, u64, u64)>,
}

impl ExpandedSize {
    /// Counts one event; true once the document is over the limits.
    fn count(&mut self, event: &Event) -> bool {
        match event {
            Event::Scalar(text, _, anchor, _) => {
                self.nodes = self.nodes.saturating_add(1);
                self.bytes = self.bytes.saturating_add(text.len() as u64);
                if *anchor > 0 {
                    self.anchors.insert(*anchor, (1, text.len() as u64));
                }
            }
            Event::Alias(anchor) => {
                let (nodes, bytes) = self.anchors.get(anchor).copied().unwrap_or((1, 0));
                self.nodes = self.nodes.saturating_add(nodes);
                self.aliased = self.aliased.saturating_add(nodes);
                self.bytes = self.bytes.saturating_add(bytes);
            }
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                self.nodes = self.nodes.saturating_add(1);
                self.open.push((*anchor, self.nodes, self.bytes));
            }
            Event::SequenceEnd | Event::MappingEnd => {
                if let Some((anchor, nodes, bytes)) = self.open.pop() {
                    if anchor > 0 {
                        // The collection itself (counted at its start) and everything in it.
                        let size = (self.nodes - nodes + 1, self.bytes - bytes);
                        self.anchors.insert(anchor, size);
                    }
                }
            }
            _ => {}
        }
        self.nodes > MAX_EXPANDED_NODES
            || self.bytes > MAX_EXPANDED_BYTES
            || self.aliased > MAX_ALIAS_NODES
    }
}

impl Builder {
    /// Path of the node that starts now, or `None` when the node is a mapping key.
    fn next_node_path(&mut self, event: &Event, position: (usize, usize)) -> Option<Path> {
        match self.stack.last_mut() {
            None => Some(Vec::new()),
            Some(Frame::Sequence { path, next_index }) => {
                let mut child = path.clone();
                child.push(Segment::Index(*next_index));
                *next_index += 1;
                Some(child)
            }
            Some(Frame::Mapping {
                path,
                pending_key,
                seen,
            }) => match pending_key.take() {
                Some(key) => {
                    let mut child = path.clone();
                    child.push(Segment::Key(key));
                    Some(child)
                }
                None => {
                    // A key. Only plain scalar keys can be addressed; others get a placeholder.
                    let key = match event {
                        Event::Scalar(key, ..) => key.clone(),
                        _ => String::from("?"),
                    };
                    let mut key_path = path.clone();
                    key_path.push(Segment::Key(key.clone()));
                    // (A set: a mapping of thousands of keys is not searched key by key.)
                    if !seen.insert(key.clone()) {
                        self.map.duplicate_keys.push((key_path.clone(), position));
                    }
                    self.map.keys.entry(key_path).or_insert(position);
                    *pending_key = Some(key);
                    None
                }
            },
        }
    }
}

impl MarkedEventReceiver for Builder {
    fn on_event(&mut self, event: Event, marker: Marker) {
        let position = (marker.line(), marker.col() + 1);
        if self.map.too_large_expanded.is_none() && self.size.count(&event) {
            self.map.too_large_expanded = Some(position);
        }
        let is_start = matches!(event, Event::MappingStart(..) | Event::SequenceStart(..));
        let is_end = matches!(event, Event::MappingEnd | Event::SequenceEnd);
        if self.overflow > 0 || (is_start && self.stack.len() >= MAX_DEPTH) {
            self.map.too_deep.get_or_insert(position);
            if is_start {
                self.overflow += 1;
            } else if is_end {
                self.overflow -= 1;
            }
            return;
        }
        match event {
            Event::Scalar(..) | Event::Alias(_) => {
                if let Some(path) = self.next_node_path(&event, position) {
                    self.map.values.entry(path).or_insert(position);
                }
            }
            Event::MappingStart(..) | Event::SequenceStart(..) => {
                let is_key = matches!(
                    self.stack.last(),
                    Some(Frame::Mapping {
                        pending_key: None,
                        ..
                    })
                );
                let path = self.next_node_path(&event, position);
                let path = match path {
                    Some(path) => {
                        self.map.values.entry(path.clone()).or_insert(position);
                        path
                    }
                    // A complex key: track its contents under a path nobody asks for.
                    None if is_key => vec![Segment::Key(String::from("?"))],
                    None => Vec::new(),
                };
                self.stack.push(match event {
                    Event::MappingStart(..) => Frame::Mapping {
                        path,
                        pending_key: None,
                        seen: std::collections::HashSet::new(),
                    },
                    _ => Frame::Sequence {
                        path,
                        next_index: 0,
                    },
                });
            }
            Event::MappingEnd | Event::SequenceEnd => {
                self.stack.pop();
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "\
title: Ladder
tracks:
  - id: ic
    levels:
      - id: ic-1
        grade: \"2\"
        expectations:
          communication:
            - Talks.
";

    #[test]
    fn records_values_and_keys_by_path() {
        let map = SourceMap::build(DOC);
        assert_eq!(map.value(&path!["title"]), Some((1, 8)));
        assert_eq!(map.value(&path!["tracks", 0, "id"]), Some((3, 9)));
        assert_eq!(
            map.key(&path!["tracks", 0, "levels", 0, "grade"]),
            Some((6, 9))
        );
        assert_eq!(
            map.value(&path!["tracks", 0, "levels", 0, "grade"]),
            Some((6, 16))
        );
        assert_eq!(
            map.key(&path![
                "tracks",
                0,
                "levels",
                0,
                "expectations",
                "communication"
            ]),
            Some((8, 11))
        );
        assert_eq!(
            map.value(&path![
                "tracks",
                0,
                "levels",
                0,
                "expectations",
                "communication",
                0
            ]),
            Some((9, 15))
        );
        assert!(map.duplicate_keys.is_empty());
    }

    #[test]
    fn falls_back_to_the_enclosing_value() {
        let map = SourceMap::build(DOC);
        assert_eq!(
            map.value(&path!["tracks", 0, "levels", 0, "missing"]),
            map.value(&path!["tracks", 0, "levels", 0])
        );
    }

    #[test]
    fn notes_where_nesting_gets_too_deep() {
        let text = format!("a: {}x{}\nb: 1\n", "[".repeat(100_000), "]".repeat(100_000));
        let map = SourceMap::build(&text);
        assert_eq!(map.too_deep.map(|(line, _)| line), Some(1));
        let text = format!("a: {}x{}\nb: 1\n", "[".repeat(40), "]".repeat(40));
        let map = SourceMap::build(&text);
        assert_eq!(map.too_deep, Some((1, 3 + MAX_DEPTH)));
        assert_eq!(map.value(&path!["b"]), Some((2, 4)));
        assert!(SourceMap::build(DOC).too_deep.is_none());
    }

    #[test]
    fn finds_duplicate_keys() {
        let map = SourceMap::build("a:\n  b: 1\n  c: 2\n  b: 3\n");
        assert_eq!(map.duplicate_keys, vec![(path!["a", "b"], (4, 3))]);
    }
}
