//! The tracks side by side: which levels of different tracks stand at the same height.
//!
//! Every exporter shows this overview (the booklet's overview page, the handbook's table, the
//! workbook's Overview sheet), so the alignment is computed once, here. Ladders align their
//! tracks in one of three ways, tried in this order:
//!
//! 1. by an organization-wide **grade** scale: one column per grade (Persado's later ladder);
//! 2. by **equivalence**: a manager level "equivalent" to an IC level, or a role that requires
//!    a title, stands in that level's column (Persado's first ladder, the Markdown ladders);
//! 3. by **position** when the ladder says nothing about alignment.

use crate::model::{Ladder, Level, Track};

/// A grid of levels: one row per track, one column per height.
#[derive(Debug, Clone)]
pub struct Overview<'a> {
    /// Column headings: the grade names when aligned by grade, else `None`.
    pub columns: Vec<Option<String>>,
    /// One row per track, in the ladder's order.
    pub rows: Vec<OverviewRow<'a>>,
}

/// One track's row of the overview.
#[derive(Debug, Clone)]
pub struct OverviewRow<'a> {
    /// The track.
    pub track: &'a Track,
    /// One entry per column; a cell may hold no level, or several levels of the same height.
    pub cells: Vec<Vec<&'a Level>>,
}

impl<'a> Overview<'a> {
    /// The overview of a ladder, aligned by grade, else by equivalence, else by position.
    pub fn of(ladder: &'a Ladder) -> Self {
        let graded =
            !ladder.grades.is_empty() && ladder.levels().any(|(_, level)| level.grade.is_some());
        let (columns, placement) = if graded {
            by_grade(ladder)
        } else {
            (Vec::new(), by_equivalence(ladder))
        };
        let width = placement
            .iter()
            .flatten()
            .map(|&column| column + 1)
            .max()
            .unwrap_or(0)
            .max(columns.len());
        let mut columns = columns;
        columns.resize(width, None);
        let rows = ladder
            .tracks
            .iter()
            .zip(&placement)
            .map(|(track, placed)| {
                let mut cells = vec![Vec::new(); width];
                for (level, &column) in track.levels.iter().zip(placed) {
                    cells[column].push(level);
                }
                OverviewRow { track, cells }
            })
            .collect();
        Overview { columns, rows }
    }

    /// The column a level stands in.
    pub fn column_of(&self, level_id: &str) -> Option<usize> {
        self.rows.iter().find_map(|row| {
            row.cells
                .iter()
                .position(|cell| cell.iter().any(|level| level.id == level_id))
        })
    }
}

/// Columns per grade, in scale order; a level without a grade goes just after the level before
/// it in its track (a trailing column if needed), so it is never dropped.
fn by_grade(ladder: &Ladder) -> (Vec<Option<String>>, Vec<Vec<usize>>) {
    let columns: Vec<Option<String>> = ladder
        .grades
        .iter()
        .map(|grade| Some(grade.name.clone()))
        .collect();
    let placement = ladder
        .tracks
        .iter()
        .map(|track| {
            let mut previous: Option<usize> = None;
            track
                .levels
                .iter()
                .map(|level| {
                    let graded = level.grade.as_ref().and_then(|grade| {
                        ladder.grades.iter().position(|known| &known.id == grade)
                    });
                    let column = match (graded, previous) {
                        (Some(column), _) => column,
                        (None, Some(previous)) => previous + 1,
                        (None, None) => 0,
                    };
                    previous = Some(column);
                    column
                })
                .collect()
        })
        .collect();
    (columns, placement)
}

/// Columns from equivalents and role requirements. The first track stands in order; each later
/// track is anchored by its levels' references to levels of earlier tracks (references to later
/// tracks are ignored, so two tracks naming each other cannot contradict). Within a track,
/// columns always increase, so a track's own order is never contradicted.
fn by_equivalence(ladder: &Ladder) -> Vec<Vec<usize>> {
    let mut placement: Vec<Vec<usize>> = Vec::with_capacity(ladder.tracks.len());
    for track in &ladder.tracks {
        let anchors: Vec<Option<usize>> = track
            .levels
            .iter()
            .map(|level| {
                let references = level
                    .equivalents
                    .iter()
                    .filter_map(|reference| ladder.resolve_level(reference))
                    .chain(level.requires.as_deref().and_then(|id| ladder.level(id)));
                references
                    .filter_map(|other| column_in(ladder, &placement, &other.id))
                    .min()
            })
            .collect();
        // Levels before the first anchored one stand just before it.
        let start = anchors
            .iter()
            .enumerate()
            .find_map(|(index, anchor)| anchor.map(|column| column.saturating_sub(index)))
            .unwrap_or(0);
        let mut previous: Option<usize> = None;
        let columns = anchors
            .iter()
            .map(|anchor| {
                let wanted = anchor
                    .or(previous.map(|previous| previous + 1))
                    .unwrap_or(start);
                let column = match previous {
                    Some(previous) if wanted <= previous => previous + 1,
                    _ => wanted,
                };
                previous = Some(column);
                column
            })
            .collect();
        placement.push(columns);
    }
    placement
}

/// The column of a level of one of the tracks placed so far.
fn column_in(ladder: &Ladder, placement: &[Vec<usize>], level_id: &str) -> Option<usize> {
    ladder
        .tracks
        .iter()
        .zip(placement)
        .find_map(|(track, columns)| {
            track
                .levels
                .iter()
                .position(|level| level.id == level_id)
                .map(|index| columns[index])
        })
}
