//! Several managers' filled workbooks of one ladder as one meeting: each manager rates their
//! own people first (`ladder build --split-by manager`), then the calibration meeting works
//! from all of them together.

use std::path::PathBuf;

use super::read::Calibration;
use crate::diagnostic::Diagnostic;

/// The workbooks' people as one meeting named `name` (its outputs are `<name>.md`, …), in the
/// order the workbooks were given. A person found in two workbooks (the same name, case and
/// surrounding spaces aside) is an error at both cells: the meeting must not count them twice
/// nor pick one manager's ratings silently.
pub fn merge(parts: Vec<Calibration>, name: &str) -> Result<Calibration, Vec<Diagnostic>> {
    let mut problems = Vec::new();
    let mut merged = Calibration {
        source: PathBuf::from(format!("{name}.xlsx")),
        ladder: parts
            .first()
            .map(|part| part.ladder.clone())
            .unwrap_or_default(),
        areas: parts
            .first()
            .map(|part| part.areas.clone())
            .unwrap_or_default(),
        people: Vec::new(),
        warnings: Vec::new(),
        name_cells: Vec::new(),
    };
    // Where each name was first met: the workbook and the cell.
    let mut seen: Vec<(String, PathBuf, String)> = Vec::new();
    for part in parts {
        merged.warnings.extend(part.warnings);
        for (person, cell) in part.people.into_iter().zip(part.name_cells) {
            let key = person.name.trim().to_lowercase();
            if let Some((_, first_file, first_cell)) =
                seen.iter().find(|(known, _, _)| *known == key)
            {
                let message = |here: &str, other_file: &PathBuf, other: &str| {
                    format!(
                        "{here}: `{}` is also in {} at {other}; a person is rated in one workbook",
                        person.name,
                        other_file.display()
                    )
                };
                let hint = "remove the row from the workbook of the manager who does not rate them, or give each person a distinct name";
                problems.push(
                    Diagnostic::error("calibration-twice", message(&cell, first_file, first_cell))
                        .in_file(&part.source)
                        .with_hint(hint),
                );
                problems.push(
                    Diagnostic::error(
                        "calibration-twice",
                        message(first_cell, &part.source, &cell),
                    )
                    .in_file(first_file)
                    .with_hint(hint),
                );
                continue;
            }
            seen.push((key, part.source.clone(), cell.clone()));
            merged.people.push(person);
            merged.name_cells.push(cell);
        }
    }
    if problems.is_empty() {
        Ok(merged)
    } else {
        Err(problems)
    }
}
