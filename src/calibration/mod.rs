//! Calibration: the stage between a filled calibration workbook and its reports.
//!
//! - [`contract`]: what the workbook's writer and reader agree on (the sheet, a key per
//!   column, the ladder's fingerprint, the level labels of the dropdowns);
//! - [`read`]: a filled workbook read back into what was typed and decided;
//! - [`merge`]: several managers' workbooks of one ladder as one meeting;
//! - [`rules`]: the roll-ups, exactly as the sheet's formulas work them out;
//! - [`report`]: the meeting's figures for its reports.
//!
//! The outputs (Markdown, CSV, JSON, the PDF report and 1:1 pages) are made by exporters
//! (`export::calibration`) and written by the build like every other output.

pub mod contract;
pub mod merge;
pub mod read;
pub mod report;
pub mod rules;

pub use contract::{ladder_fingerprint, level_labels, Column, Contract};
pub use merge::merge;
pub use read::{read, stamped_ladder, Assessment, Calibration, Verdict};
pub use report::{figures, ReportData};
pub use rules::roll_ups;
