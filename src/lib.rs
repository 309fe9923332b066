//! `ladder` turns one engineering job ladder, written once in YAML, into the documents people
//! use: PDF booklets and offer-letter one-pagers, Markdown handbooks, and Excel matrices.
//!
//! The pipeline is a library so that tests and other tools drive it directly:
//!
//! ```text
//! ladders/*.yaml ──load──▶ model::Ladder ──check──▶ exporters
//! ```
//!
//! [`Workspace::load`] reads and checks a set of ladder files, collecting every problem as a
//! located [`Diagnostic`]; ladders without errors come out normalized and ready to export.

pub mod audience;
pub mod budget;
pub mod build;
pub mod calibration;
pub mod check;
pub mod cli;
pub mod commonmark;
pub mod compare;
pub mod date;
pub mod diagnostic;
pub mod diff;
pub mod export;
pub mod import;
pub mod inputs;
pub mod labels;
pub mod lint;
pub mod load;
pub mod markup;
pub mod model;
pub mod output;
pub mod overview;
pub mod package;
pub mod people;
pub mod roster;
pub mod source;
pub mod view;
pub mod workspace;

pub use diagnostic::{Diagnostic, Severity};

/// Every allocation is counted per thread, so that a runaway template can be stopped at its
/// memory limit instead of taking the process down ([`budget`]).
#[global_allocator]
static ALLOCATOR: budget::CountingAllocator = budget::CountingAllocator;
pub use load::LoadedLadder;
pub use model::Ladder;
pub use workspace::Workspace;

/// The JSON Schema of the YAML source format, for editors and `ladder schema`.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(model::Ladder);
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema always serializes");
    text.push('\n');
    text
}
