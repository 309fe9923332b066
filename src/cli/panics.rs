//! What a panic prints. A reader or exporter that panics on a damaged file is caught where it
//! ran and reported as that file's or document's error, with its place; the panic itself must
//! not also print `thread 'main' panicked at …` and a backtrace over the user's terminal. So
//! the hook only records where the panic happened (for the error that reports it), and prints
//! the whole panic only when asked (`--verbose`, or `RUST_BACKTRACE` set).

use std::sync::Mutex;

/// The place and message of the last panic, for the error that reports it.
static LAST: Mutex<Option<String>> = Mutex::new(None);

/// Installs the hook; with `verbose` the standard hook is kept.
pub(super) fn install(verbose: bool) {
    if verbose || std::env::var_os("RUST_BACKTRACE").is_some() {
        return;
    }
    std::panic::set_hook(Box::new(|info| {
        let message = crate::diagnostic::panic_message(info.payload());
        let place = info
            .location()
            .map(|location| format!(" at {}:{}", location.file(), location.line()))
            .unwrap_or_default();
        if let Ok(mut last) = LAST.lock() {
            *last = Some(format!("{message}{place}"));
        }
    }));
}

/// The last panic's message and place, when the hook recorded one (taken: read once).
pub(super) fn last() -> Option<String> {
    LAST.lock().ok()?.take()
}
