//! Reading a source file from disk: the one place that turns a path into text, shared by the
//! YAML loader and the document importer.
//!
//! Reading is defensive because the files are written by hand or exported by other tools: a
//! file that is too large, UTF-16 or not UTF-8 gets one located [`Diagnostic`] instead of a
//! panic or a hang. A web page is the exception: it is decoded as it declares, as a browser
//! does (Word saves pages in the system's code page or in UTF-16).

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::diagnostic::{line_column, Diagnostic};

/// Larger sources are refused unread: a real ladder is tens of kilobytes, and parsing a huge
/// file by mistake (a log, a dump) would only stall the run.
pub const MAX_SOURCE_BYTES: u64 = 8 * 1024 * 1024;

/// The text of a source file, kept so diagnostics can quote it.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path it was read from; for a git revision, `file@revision` as given.
    pub path: PathBuf,
    /// The whole text, UTF-8, without a leading byte-order mark.
    pub text: String,
}

/// Reads a source file as UTF-8 text, refusing what cannot be a ladder.
pub fn read_source(path: &Path) -> Result<SourceFile, Diagnostic> {
    let unreadable = |error: std::io::Error| {
        Diagnostic::error("unreadable", format!("cannot read the file: {error}")).in_file(path)
    };
    let file = fs::File::open(path).map_err(unreadable)?;
    let mut bytes = Vec::new();
    // Read at most one byte past the limit, so that a huge or endless file costs nothing.
    file.take(MAX_SOURCE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() as u64 > MAX_SOURCE_BYTES {
        return Err(Diagnostic::error(
            "too-large",
            format!(
                "the file is larger than {} MiB, too large for a ladder",
                MAX_SOURCE_BYTES / (1024 * 1024)
            ),
        )
        .in_file(path)
        .with_hint(
            "check that this is the ladder you meant; a ladder source is usually well under 1 MiB",
        ));
    }
    // A web page is text in the encoding it declares: Word saves "Web Page" in the system's
    // code page (`charset=windows-1252`, `shift_jis`) or, as "Unicode", in UTF-16.
    let web_page = path.extension().is_some_and(|extension| {
        extension.eq_ignore_ascii_case("html") || extension.eq_ignore_ascii_case("htm")
    });
    if web_page {
        return Ok(SourceFile {
            path: path.to_owned(),
            text: web_page_text(&bytes),
        });
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(
            Diagnostic::error("not-utf8", "the file is UTF-16 text, not UTF-8")
                .in_file(path)
                .at(Some((1, 1)))
                .with_hint("save the file as UTF-8 in your editor"),
        );
    }
    let bytes = bytes
        .strip_prefix(b"\xEF\xBB\xBF".as_slice())
        .map(<[u8]>::to_vec)
        .unwrap_or(bytes);
    let text = String::from_utf8(bytes).map_err(|error| {
        let valid = error.utf8_error().valid_up_to();
        let prefix = String::from_utf8_lossy(&error.as_bytes()[..valid]).into_owned();
        Diagnostic::error("not-utf8", "the file is not valid UTF-8 text")
            .in_file(path)
            .at(Some(line_column(&prefix, valid)))
            .with_hint("save the file as UTF-8 in your editor; the first invalid byte is here")
    })?;
    Ok(SourceFile {
        path: path.to_owned(),
        text,
    })
}

/// How far into a page its `<meta charset>` is looked for (browsers look at the first 1024
/// bytes; Word writes a long `<head>` of XML namespaces first).
const CHARSET_SNIFF_BYTES: usize = 8192;

/// A web page's text ([`decode_text`], in the encoding its `<meta charset>` or `http-equiv`
/// names when it is no UTF-8).
fn web_page_text(bytes: &[u8]) -> String {
    decode_text(bytes, || {
        let head =
            String::from_utf8_lossy(&bytes[..bytes.len().min(CHARSET_SNIFF_BYTES)]).to_lowercase();
        head.match_indices("charset=").find_map(|(at, _)| {
            let label: String = head[at + "charset=".len()..]
                .trim_start_matches(['"', '\''])
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
                .collect();
            encoding_rs::Encoding::for_label(label.as_bytes())
        })
    })
}

/// Text exported by another program (a web page, a CSV file): decoded as its byte-order mark
/// says, else as UTF-8 when it is, else in the encoding it `declared` (a page's charset), else
/// in the one its bytes show ([`decode_unlabelled`]).
pub fn decode_text(
    bytes: &[u8],
    declared: impl FnOnce() -> Option<&'static encoding_rs::Encoding>,
) -> String {
    if let Some((encoding, _)) = encoding_rs::Encoding::for_bom(bytes) {
        return encoding.decode_with_bom_removal(bytes).0.into_owned();
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return text.to_owned();
    }
    match declared() {
        Some(encoding) => encoding.decode_without_bom_handling(bytes).0.into_owned(),
        None => decode_unlabelled(bytes),
    }
}

/// Text in a legacy code page that does not say which (not UTF-8, no byte-order mark, no
/// label): decoded in the one its bytes show, as Firefox guesses an unlabelled page
/// (`chardetng`: Windows-1252 for Western text, Shift_JIS, EUC-KR, GBK, Big5, Windows-1251 …).
fn decode_unlabelled(bytes: &[u8]) -> String {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    detector
        .guess(None, chardetng::Utf8Detection::Allow)
        .decode_without_bom_handling(bytes)
        .0
        .into_owned()
}
