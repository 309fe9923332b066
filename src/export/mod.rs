//! The exporters: one normalized [`Ladder`](crate::model::Ladder) in, documents out.
//!
//! Each exporter is a pure function from the model (plus options) to bytes; none of them writes
//! files. Writing, in parallel and atomically, is the build pipeline's job
//! ([`crate::build`]), so every exporter is equally easy to test and equally safe to interrupt.

pub mod markdown;
pub mod pdf;
pub mod xlsx;

/// What every generated document carries, so that a reader can tell which source and which
/// version of the tool made it (PDF metadata, workbook properties, a handbook footer).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    /// `ladder` and its version, e.g. `ladder 0.1.0`.
    pub tool: String,
    /// Hex hash of everything the document was made from (source, layouts, options, tool).
    pub input_hash: String,
}

impl Stamp {
    pub fn new(input_hash: impl Into<String>) -> Self {
        Stamp {
            tool: format!("ladder {}", env!("CARGO_PKG_VERSION")),
            input_hash: input_hash.into(),
        }
    }
}

/// One generated file, its path relative to the ladder's output folder (`out/<ladder>/`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    pub path: std::path::PathBuf,
    pub bytes: Vec<u8>,
}
