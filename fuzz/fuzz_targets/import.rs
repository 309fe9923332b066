//! Any text as a Markdown or HTML document to import: it must never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = ladder::import::import_text(std::path::Path::new("fuzzed.md"), text);
    let _ = ladder::import::import_text(std::path::Path::new("fuzzed.html"), text);
});
