//! How deep a document's HTML nests, found by one linear scan before any HTML is parsed.
//!
//! The HTML parser (html5ever, as browsers do) looks through the stack of open elements at
//! each tag, so a page nested `n` deep costs it `n²`: 100,000 nested `<div>`s (1.1 MB) took
//! 41 s. Real ladder pages nest a few dozen elements deep (Word's saved HTML, the deepest
//! seen, about 20), so a page past [`MAX_HTML_NESTING`] is refused before parsing, at the line
//! where it crossed the limit.

/// The deepest element nesting a page may have. Far above any real page, low enough that the
/// parser's look through its open elements stays cheap.
pub const MAX_HTML_NESTING: usize = 256;

/// Elements that are never open at once with themselves nested: their start tag closes
/// the one before (`<p>`, `<li>`, `<td>`) or they hold no content. Counting them would
/// make a page of unclosed paragraphs look deep; leaving them out undercounts a real
/// nesting (`<ul><li><ul><li>`) by at most half.
const UNCOUNTED: &[&str] = &[
    "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rb", "rt", "rp", "rtc",
    "thead", "tbody", "tfoot", "colgroup", "caption", "head", "body", "html", "area", "base", "br",
    "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    "frame", "keygen", "basefont", "bgsound", "isindex", "image",
];

/// Elements whose content is text up to their end tag, whatever `<` it holds.
const RAW_TEXT: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "plaintext",
];

/// Where the HTML in `text` first nests deeper than [`MAX_HTML_NESTING`]: the 1-based line
/// of the start tag that crossed it. `None` for every page within the limit. Linear in the
/// text: each byte is looked at a bounded number of times.
pub fn too_deep_at(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut line = 1usize;
    let mut at = 0usize;
    // Moves `at` to `end`, counting the lines passed.
    let advance = |at: &mut usize, end: usize, line: &mut usize| {
        let end = end.min(bytes.len());
        *line += bytes[*at..end].iter().filter(|&&b| b == b'\n').count();
        *at = end;
    };
    while at < bytes.len() {
        let Some(offset) = memchr(b'<', &bytes[at..]) else {
            break;
        };
        let to = at + offset;
        advance(&mut at, to, &mut line);
        let rest = &bytes[at..];
        if rest.starts_with(b"<!--") {
            let end = find(&rest[4..], b"-->").map_or(bytes.len(), |end| at + 4 + end + 3);
            advance(&mut at, end, &mut line);
            continue;
        }
        let closing = rest.get(1) == Some(&b'/');
        let name_start = at + 1 + usize::from(closing);
        let name_len = bytes[name_start.min(bytes.len())..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b':' | b'-' | b'_'))
            .count();
        let starts_with_letter = bytes
            .get(name_start)
            .is_some_and(|b| b.is_ascii_alphabetic());
        if name_len == 0 || !starts_with_letter {
            // `<!DOCTYPE`, `<?xml`, or a `<` in text: skip the `<` alone.
            let to = at + 1;
            advance(&mut at, to, &mut line);
            continue;
        }
        let name = text[name_start..name_start + name_len].to_ascii_lowercase();
        let tag_end = tag_end(bytes, name_start + name_len);
        let self_closing = tag_end >= 2 && bytes[tag_end - 2] == b'/';
        let tag_line = line;
        advance(&mut at, tag_end, &mut line);
        if UNCOUNTED.contains(&name.as_str()) {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
            continue;
        }
        if self_closing {
            continue;
        }
        if RAW_TEXT.contains(&name.as_str()) {
            let close = format!("</{name}");
            let end = find_ignoring_case(&bytes[at..], close.as_bytes())
                .map_or(bytes.len(), |end| at + end);
            advance(&mut at, end, &mut line);
            continue;
        }
        depth += 1;
        if depth > MAX_HTML_NESTING {
            return Some(tag_line);
        }
    }
    None
}

/// Just past the `>` that ends the tag whose attributes start at `from` (quotes honoured).
fn tag_end(bytes: &[u8], from: usize) -> usize {
    let mut quote = None;
    for (offset, &byte) in bytes[from.min(bytes.len())..].iter().enumerate() {
        match (quote, byte) {
            (None, b'"' | b'\'') => quote = Some(byte),
            (Some(open), _) if open == byte => quote = None,
            (None, b'>') => return from + offset + 1,
            _ => {}
        }
    }
    bytes.len()
}

fn memchr(needle: u8, haystack: &[u8]) -> Option<usize> {
    haystack.iter().position(|&b| b == needle)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

fn find_ignoring_case(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_shapes_pass_and_deep_nesting_is_found_at_its_line() {
        let unclosed_paragraphs = "<p>one".repeat(10_000);
        assert_eq!(too_deep_at(&unclosed_paragraphs), None);
        let lists = "<ul><li>x".repeat(200) + &"</li></ul>".repeat(200);
        assert_eq!(too_deep_at(&lists), None);
        let closed_divs = "<div>x</div>\n".repeat(10_000);
        assert_eq!(too_deep_at(&closed_divs), None);
        let script = format!("<script>{}</script>", "<div>".repeat(1000));
        assert_eq!(too_deep_at(&script), None);
        let comment = format!("<!-- {} -->", "<div>".repeat(1000));
        assert_eq!(too_deep_at(&comment), None);
        let deep = "<div>\n".repeat(300);
        assert_eq!(too_deep_at(&deep), Some(257));
        let quoted = "<div title='>'>".repeat(300);
        assert_eq!(too_deep_at(&quoted), Some(1));
    }
}
