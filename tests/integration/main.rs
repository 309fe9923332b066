//! The integration tests, in one binary so that typst is linked once: a module per area.

mod audiences;
mod bad_input;
mod build;
mod changes;
mod cli;
mod common;
mod corpus;
mod examples;
mod fuzz;
mod hostile;
mod import;
mod languages;
mod lints;
mod markdown;
mod overview;
mod pdf;
mod recalculate;
mod reliability;
mod seeds;
mod stages;
mod workflows;
mod xlsx;
