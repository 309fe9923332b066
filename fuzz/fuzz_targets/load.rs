//! Any bytes as a YAML ladder source: loading, checking and making the handbook and workbook
//! must never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let folder = std::env::temp_dir().join(format!("ladder-fuzz-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&folder);
    let path = folder.join("fuzzed.yaml");
    if std::fs::write(&path, data).is_err() {
        return;
    }
    let workspace = ladder::Workspace::load(&[path]);
    let _ = workspace.render_diagnostics();
    let dictionaries = ladder::labels::Dictionaries::built_in();
    for loaded in &workspace.ladders {
        let (labels, _) = dictionaries.labels(loaded.ladder.language());
        let view = ladder::view::LadderView::new(&loaded.ladder, labels);
        let stamp = ladder::export::Stamp::new("fuzz");
        let _ = ladder::export::markdown::handbook(&view, &stamp);
        let _ = ladder::export::xlsx::workbook(
            ladder::export::Input {
                ladder: &loaded.ladder,
                view: &view,
            },
            &ladder::export::xlsx::WorkbookOptions {
                roster: None,
                stamp: &stamp,
            },
        );
    }
});
