//! The overview lines the tracks of each shipped ladder up the way the ladder itself does.

use crate::common::*;

use ladder::overview::Overview;

fn columns(overview: &Overview, ids: &[&str]) -> Vec<Option<usize>> {
    ids.iter().map(|id| overview.column_of(id)).collect()
}

#[test]
fn persado_grades_are_the_columns() {
    let ladder = shipped("persado-2019.yaml");
    let overview = Overview::of(&ladder);
    let headings: Vec<_> = overview
        .columns
        .iter()
        .map(|c| c.as_deref().unwrap())
        .collect();
    assert_eq!(
        headings,
        (2..=7)
            .map(|g| format!("Persado General Ladder {g}"))
            .collect::<Vec<_>>()
    );
    // As in the seed's summary table: Engineering Team Lead sits under Senior Software Engineer.
    assert_eq!(
        columns(&overview, &["se-1", "se-3", "sre-5", "m-1", "m-4"]),
        [Some(0), Some(2), Some(4), Some(2), Some(5)]
    );
    assert_eq!(overview.rows.len(), 3);
}

#[test]
fn persado_first_version_aligns_by_equivalence() {
    let ladder = shipped("persado-2018.yaml");
    let overview = Overview::of(&ladder);
    assert_eq!(
        columns(&overview, &["se-1", "se-3", "se-4", "m-1", "m-2", "m-3"]),
        [Some(0), Some(2), Some(3), Some(2), Some(3), Some(4)]
    );
    assert!(overview.columns.iter().all(Option::is_none));
}

#[test]
fn managers_stand_beside_their_engineer_equivalents() {
    let ladder = shipped("rent-the-runway-style.yaml");
    let overview = Overview::of(&ladder);
    let at = |id: &str| overview.column_of(id).unwrap();
    assert_eq!(at("manager"), at("lead-engineer"));
    assert_eq!(at("senior-manager"), at("principal-engineer"));
    // Director and above name engineers the ladder does not define: they continue upwards.
    assert!(at("director") > at("senior-manager"));
    assert!(at("svp-cto-cio") > at("vice-president"));
}

#[test]
fn roles_stand_at_their_required_title() {
    let ladder = shipped("titles-and-roles.yaml");
    let overview = Overview::of(&ladder);
    let at = |id: &str| overview.column_of(id).unwrap();
    assert_eq!(at("lead"), at("software-engineer"));
    assert_eq!(at("architect"), at("senior-software-engineer"));
    assert_eq!(at("engineering-manager"), at("senior-software-engineer"));
    assert_eq!(
        at("senior-engineering-manager"),
        at("principal-software-engineer")
    );
    // Every level appears exactly once.
    let placed: usize = overview
        .rows
        .iter()
        .flat_map(|row| &row.cells)
        .map(Vec::len)
        .sum();
    assert_eq!(placed, ladder.levels().count());
}

#[test]
fn packback_positions_share_a_column_across_paths() {
    let ladder = shipped("packback.yaml");
    let overview = Overview::of(&ladder);
    let at = |id: &str| overview.column_of(id);
    // Team Lead (IC 5) and Senior Engineer (IC 5) are the same grade; VP has no code and follows
    // the Director.
    assert_eq!(at("team-lead-senior-engineer"), at("senior-engineer"));
    assert!(at("vp-of-engineering").unwrap() > at("director-of-engineering").unwrap());
    let placed: usize = overview
        .rows
        .iter()
        .flat_map(|row| &row.cells)
        .map(Vec::len)
        .sum();
    assert_eq!(placed, 16);
}
