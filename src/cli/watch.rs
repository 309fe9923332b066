//! `ladder watch`: build, then rebuild what a change to a ladder or a layout affects, on save.
//!
//! A change is picked up once the files have been quiet for a moment (editors write a file in
//! several steps). Each rebuild is an ordinary incremental build: only the artifacts whose
//! inputs changed are made again, and a ladder with errors is reported and left out, so its
//! last good outputs stay in place.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use anyhow::Context as _;
use clap::Args;
use notify::{RecursiveMode, Watcher};

use super::build::{build_once, BuildArgs};
use super::{default_paths, report, Status};

/// How long the files must be quiet before a rebuild.
const QUIET: Duration = Duration::from_millis(300);

/// Arguments of `ladder watch`: those of `ladder build`.
#[derive(Debug, Args)]
pub struct WatchArgs {
    /// The options of every build.
    #[command(flatten)]
    pub build: BuildArgs,
}

pub(super) fn run(args: WatchArgs) -> anyhow::Result<Status> {
    let build = args.build;
    let mut watched: Vec<PathBuf> = default_paths(build.paths.clone());
    let layouts = crate::export::pdf::layouts_folder(&build.pdf.options(None));
    watched.extend(layouts);
    watched.extend(build.roster.clone());
    let out = build
        .out
        .canonicalize()
        .unwrap_or_else(|_| build.out.clone());

    let (sender, receiver) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |event| {
        let _ = sender.send(event);
    })
    .context("cannot watch files on this system")?;
    for path in &watched {
        watcher
            .watch(path, RecursiveMode::Recursive)
            .with_context(|| format!("cannot watch {}", path.display()))?;
    }

    if let Err(error) = build_once(&build) {
        report::error(&error);
    }
    eprintln!(
        "watching {} for changes (Ctrl-C to stop)",
        watched
            .iter()
            .map(|path| path.display().to_string())
            .collect::<Vec<_>>()
            .join(", ")
    );
    loop {
        // Wait for a change that is not one of our own outputs, then for quiet.
        let mut changed: Vec<PathBuf> = Vec::new();
        loop {
            let event = match receiver.recv() {
                Ok(event) => event,
                Err(_) => return Ok(Status::Success),
            };
            changed.extend(relevant(event, &out));
            if !changed.is_empty() {
                break;
            }
        }
        while let Ok(event) = receiver.recv_timeout(QUIET) {
            changed.extend(relevant(event, &out));
        }
        changed.sort();
        changed.dedup();
        eprintln!(
            "\nchanged: {}",
            changed
                .iter()
                .map(|path| path.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
        if let Err(error) = build_once(&build) {
            report::error(&error);
        }
    }
}

/// The paths of an event that can change an output: not the outputs themselves, not the
/// temporary files of editors and of our own writes.
fn relevant(event: notify::Result<notify::Event>, out: &Path) -> Vec<PathBuf> {
    let Ok(event) = event else {
        return Vec::new();
    };
    if event.kind.is_access() {
        return Vec::new();
    }
    event
        .paths
        .into_iter()
        .filter(|path| !path.starts_with(out))
        .filter(|path| {
            let name = path
                .file_name()
                .map(|name| name.to_string_lossy().into_owned())
                .unwrap_or_default();
            !(name.starts_with('.') || name.ends_with('~') || name.ends_with(".swp"))
        })
        .collect()
}
