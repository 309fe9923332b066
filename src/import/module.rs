//! A site's data module (`.js`, `.mjs`, `.cjs`, `.ts`) that holds a ladder as an object
//! literal: `export default {...}`, `module.exports = {...}`, `const ladder: Ladder = {...}`.
//! The literal is cut out of its module (comments, strings and template strings respected)
//! and read as JSON5 (unquoted keys, single quotes, trailing commas, comments), which is what
//! such a literal is, short of code. Code inside it (a function call, a spread, `${…}` in a
//! template string) is not data: reading fails with the place to look.

/// The module's first object (or array) literal assigned or exported, as JSON5 text.
pub fn object_literal(text: &str) -> Result<String, String> {
    object_literals(text)
        .into_iter()
        .next()
        .unwrap_or_else(|| Err(nothing_found()))
}

fn nothing_found() -> String {
    String::from(
        "no `export default {…}`, `module.exports = {…}` or `const name = {…}` holding the ladder \
         was found",
    )
}

/// Every object (or array) literal the module assigns or exports at its top, in order, as
/// JSON5 text (or why one cannot be read). A site's module often exports several (`milestones`,
/// `tracks`, `titles`): the caller takes the one that holds a ladder.
pub fn object_literals(text: &str) -> Vec<Result<String, String>> {
    /// A module holding more literals than this is code, not a ladder's data: the first ones
    /// are looked at.
    const MOST_LITERALS: usize = 64;
    // (Each literal with the name it is assigned to, if any.)
    let mut found: Vec<(Option<String>, Result<String, String>)> = Vec::new();
    let constants = string_constants(text);
    let mut from = 0;
    while let Some(start) = literal_start(&text[from..])
        .map(|at| from + at)
        .filter(|_| found.len() < MOST_LITERALS)
    {
        let Some(end) = matching_close(text, start) else {
            found.push((None, Err(String::from("the object literal is not closed"))));
            break;
        };
        let name = declared_name(&text[from..start]);
        let literal = template_strings_as_json(&text[start..=end], &constants);
        found.push((
            name,
            literal
                .map(|literal| with_constants(&concatenated_strings_joined(&literal), &constants)),
        ));
        from = end + 1;
    }
    // A literal that names another (`levels,` or `levels: levels` in `const ladder = {…}`)
    // holds it: written out, in the order they are declared. (Up to a bound: a literal named
    // twice in each of several others would double at each.)
    let mut budget = text.len() * 4 + (1 << 20);
    let mut named: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    let mut referenced: Vec<String> = Vec::new();
    for (name, literal) in &mut found {
        if let Ok(text) = literal {
            let (written, names) = with_literals(text, &named, &mut budget);
            *text = written;
            referenced.extend(names);
            if let Some(name) = name {
                named.insert(name.clone(), text.clone());
            }
        }
    }
    // (One that another holds is tried after it: the whole ladder first.)
    let (held, whole): (Vec<_>, Vec<_>) = found
        .into_iter()
        .partition(|(name, _)| name.as_ref().is_some_and(|name| referenced.contains(name)));
    whole
        .into_iter()
        .chain(held)
        .map(|(_, literal)| literal.map(|literal| references_as_null(&literal)))
        .collect()
}

/// A literal whose members' values that still name something (`icon: GitPullRequest`, an icon
/// component the module imports; `icon: Icons.Eye`) are `null`: such a value holds no text of
/// the ladder, and the rest of the literal is data still. Run after the module's constants
/// and literals are written out, so what is left names code. A call (`t('key')`) stays, for
/// the reader to name as code.
fn references_as_null(literal: &str) -> String {
    /// Names JSON5 reads as values of its own.
    const JSON5_WORDS: [&str; 5] = ["true", "false", "null", "Infinity", "NaN"];
    let edits = code_names(literal).filter_map(|path| {
        let name = literal[path.clone()].trim_end_matches('.');
        let is_value = literal[..path.start].trim_end().ends_with(':');
        // (With its indexes: `ICONS['고객 응대']`, `levels[0].icon`.)
        let mut end = path.start + name.len();
        while literal[end..].starts_with('[') {
            let mut cut = literal.len().min(end + MAX_INDEX_CHARS);
            while !literal.is_char_boundary(cut) {
                cut -= 1;
            }
            let window = &literal[end..cut];
            let Some(close) = matching_close(window, 0) else {
                break;
            };
            end += close + 1;
            end += literal[end..]
                .find(|c: char| !(c.is_alphanumeric() || matches!(c, '_' | '$' | '.')))
                .unwrap_or(literal.len() - end);
        }
        let code = JSON5_WORDS.contains(&name) || literal[end..].trim_start().starts_with('(');
        (is_value && !code).then(|| (path.start..end, "null".to_owned()))
    });
    with_edits(literal, edits)
}

/// The most characters of an index after a reference (`ICONS['고객 응대']`) looked through for
/// its `]`.
const MAX_INDEX_CHARS: usize = 200;

/// The name a literal is assigned to, from what precedes it in its statement (`export const
/// levels: Level[] = `): the identifier after the last `const`, `let` or `var`.
fn declared_name(before: &str) -> Option<String> {
    let at = ["const ", "let ", "var "]
        .iter()
        .filter_map(|marker| before.rfind(marker).map(|at| at + marker.len()))
        .max()?;
    let rest = before[at..].trim_start();
    let end = rest
        .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))
        .unwrap_or(rest.len());
    (end > 0).then(|| rest[..end].to_owned())
}

/// A literal with the module's literals it names written out: a value that is a literal's name
/// (`levels: levels`, `[junior, senior]`) as that literal, a shorthand member (`{ levels,
/// title }`) as `"levels": …`, a list spread into another (`[...shared, "…"]`) as its items. What is written out comes off `budget` (bytes); one longer than
/// what is left stays a name (a literal named four times in each of sixty others would double
/// sixty times). The names written out.
fn with_literals(
    literal: &str,
    named: &std::collections::HashMap<String, String>,
    budget: &mut usize,
) -> (String, Vec<String>) {
    if named.is_empty() {
        return (literal.to_owned(), Vec::new());
    }
    let mut out = String::with_capacity(literal.len());
    let mut used = Vec::new();
    let mut scanner = Scanner::default();
    // The open brackets, `{` or `[`, around the place read.
    let mut open: Vec<char> = Vec::new();
    let mut chars = literal.char_indices().peekable();
    while let Some((index, c)) = chars.next() {
        let was_code = !scanner.in_comment_or_string();
        scanner.step(c);
        let code = was_code && !scanner.in_comment_or_string();
        if code {
            match c {
                '{' | '[' => open.push(c),
                '}' | ']' => {
                    open.pop();
                }
                _ => {}
            }
        }
        let starts_name = code
            && (c.is_alphabetic() || c == '_' || c == '$')
            && (literal[..index].ends_with("...")
                || literal[..index].chars().next_back().is_none_or(|before| {
                    !(before.is_alphanumeric() || matches!(before, '_' | '$' | '.'))
                }));
        if !starts_name {
            out.push(c);
            continue;
        }
        let end = literal[index..]
            .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))
            .map_or(literal.len(), |at| index + at);
        let name = &literal[index..end];
        while chars.peek().is_some_and(|(at, _)| *at < end) {
            let (_, c) = chars.next().expect("peeked");
            scanner.step(c);
        }
        let before = out.trim_end().chars().next_back();
        let after = literal[end..].trim_start().chars().next();
        let held = named.get(name).filter(|held| held.len() <= *budget);
        match held {
            // `[...shared, "…"]`: the named list's items, spread into this one.
            Some(held)
                if out.ends_with("...")
                    && open.last() == Some(&'[')
                    && held.trim_start().starts_with('[') =>
            {
                out.truncate(out.len() - 3);
                let inner = held.trim();
                // (Its own trailing comma goes: `[...a, "b"]` of `["x",]`. An empty list
                // spreads as a `null` the reader passes over, keeping the commas around it.)
                let items = inner[1..inner.len() - 1].trim().trim_end_matches(',');
                out.push_str(if items.trim().is_empty() {
                    "null"
                } else {
                    items
                });
                *budget -= held.len();
                used.push(name.to_owned());
            }
            // `{ levels, … }`: a member named as the literal it holds.
            Some(held)
                if open.last() == Some(&'{')
                    && matches!(before, Some('{' | ','))
                    && matches!(after, Some(',' | '}')) =>
            {
                out.push_str(&serde_json::Value::String(name.to_owned()).to_string());
                out.push_str(": ");
                out.push_str(held);
                *budget -= held.len();
                used.push(name.to_owned());
            }
            // `levels: levels`, `[junior, senior]`: a value.
            Some(held)
                if (before == Some(':')
                    || open.last() == Some(&'[') && matches!(before, Some('[' | ',')))
                    && matches!(after, Some(',' | '}' | ']')) =>
            {
                out.push_str(held);
                *budget -= held.len();
                used.push(name.to_owned());
            }
            _ => out.push_str(name),
        }
    }
    (out, used)
}

/// The module's string constants at its top (`const AGILE = 'Agile Engineering';`), by name:
/// a literal may name its keys and values by them (`[AGILE]: [DEVELOPING, …]`).
/// (One pass over the module: a module of many declarations is read in linear time.)
fn string_constants(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut scanner = Scanner::default();
    let mut previous = ' ';
    for (index, c) in text.char_indices() {
        let in_code = !scanner.in_comment_or_string();
        scanner.step(c);
        let word_start = in_code && !(previous.is_alphanumeric() || matches!(previous, '_' | '$'));
        previous = c;
        if !word_start || !matches!(c, 'c' | 'l' | 'v') {
            continue;
        }
        let rest = &text[index..];
        let Some(after) = ["const ", "let ", "var "]
            .iter()
            .find_map(|marker| rest.strip_prefix(marker))
        else {
            continue;
        };
        if let Some(constant) = string_constant(after) {
            out.push(constant);
        } else {
            out.extend(object_constants(after));
        }
    }
    out
}

/// `NAME = 'text';` at the start of `declared` (what follows `const `): the name and the text.
fn string_constant(declared: &str) -> Option<(String, String)> {
    let name_end = declared
        .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))
        .unwrap_or(declared.len());
    let name = &declared[..name_end];
    let value = declared[name_end..]
        .trim_start()
        .strip_prefix('=')?
        .trim_start();
    let quote = value.chars().next().filter(|c| matches!(c, '\'' | '"'))?;
    let (string, after) = quoted(value, quote)?;
    let ends = after
        .trim_start_matches([' ', '\t'])
        .chars()
        .next()
        .is_none_or(|c| matches!(c, ';' | '\n' | '\r'));
    (!name.is_empty() && ends).then(|| (name.to_owned(), string))
}

/// The most members of a constant object looked at (`const EXP = { jr: "0–2 años", … }`).
const MOST_CONSTANT_MEMBERS: usize = 64;

/// `NAME = { key: 'text', … }` at the start of `declared`: each string member as a constant
/// named `NAME.key`, as the literal refers to it (`experiencia: EXP.jr`). Members that are no
/// plain string are left out.
fn object_constants(declared: &str) -> Vec<(String, String)> {
    let name_end = declared
        .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))
        .unwrap_or(declared.len());
    let name = &declared[..name_end];
    let Some(mut rest) = declared[name_end..]
        .trim_start()
        .strip_prefix('=')
        .and_then(|value| value.trim_start().strip_prefix('{'))
    else {
        return Vec::new();
    };
    let mut out = Vec::new();
    while out.len() < MOST_CONSTANT_MEMBERS {
        rest = rest.trim_start();
        let key_end = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))
            .unwrap_or(rest.len());
        let key = &rest[..key_end];
        let Some(value) = rest[key_end..].trim_start().strip_prefix(':') else {
            break;
        };
        let value = value.trim_start();
        let Some(quote) = value.chars().next().filter(|c| matches!(c, '\'' | '"')) else {
            break;
        };
        let Some((string, after)) = quoted(value, quote) else {
            break;
        };
        if key.is_empty() {
            break;
        }
        out.push((format!("{name}.{key}"), string));
        match after.trim_start().strip_prefix(',') {
            Some(next) => rest = next,
            None => break,
        }
    }
    if name.is_empty() {
        Vec::new()
    } else {
        out
    }
}

/// The string a quoted literal opening `text` holds, and the text after it.
fn quoted(text: &str, quote: char) -> Option<(String, &str)> {
    let mut string = String::new();
    let mut escaped = false;
    for (index, c) in text.char_indices().skip(1) {
        match c {
            _ if escaped => {
                escaped = false;
                string.push(match c {
                    'n' => '\n',
                    't' => '\t',
                    other => other,
                });
            }
            '\\' => escaped = true,
            '\n' => return None,
            c if c == quote => return Some((string, &text[index + c.len_utf8()..])),
            c => string.push(c),
        }
    }
    None
}

/// A literal with the module's string constants written out: a computed key (`[AGILE]:`) as
/// the string it names, a constant as a value (`DEVELOPING,`) as its string. Identifiers that
/// name no constant, and keys written plainly (`AGILE:`), stay as they are.
fn with_constants(literal: &str, constants: &[(String, String)]) -> String {
    if constants.is_empty() {
        return literal.to_owned();
    }
    // (By name, the first declaration winning: a literal's every identifier is looked up.)
    let mut by_name: std::collections::HashMap<&str, &str> = std::collections::HashMap::new();
    for (name, value) in constants {
        by_name.entry(name.as_str()).or_insert(value.as_str());
    }
    let edits = code_names(literal).filter_map(|path| {
        // (A member of a constant object, `EXP.jr`, is one name; else the path's first name.)
        let text = &literal[path.clone()];
        let mut parts = text.split('.');
        let first = parts.next().unwrap_or_default();
        let name = match parts.next() {
            Some(member) if by_name.contains_key(&text[..first.len() + 1 + member.len()]) => {
                &text[..first.len() + 1 + member.len()]
            }
            _ => first,
        };
        let value = serde_json::Value::String((*by_name.get(name)?).to_owned()).to_string();
        let end = path.start + name.len();
        let after = literal[end..].trim_start();
        let before = literal[..path.start].trim_end();
        if before.ends_with('[') && after.starts_with(']') {
            // `[AGILE]:` → `"Agile Engineering":`.
            let close = literal.len() - after.len() + 1;
            Some((before.len() - 1..close, value))
        } else {
            (!after.starts_with(':')).then_some((path.start..end, value))
        }
    });
    with_edits(literal, edits)
}

/// Where each name stands in a literal's code (outside its strings and comments), with its
/// members' path (`Icons.Eye`, `EXP.jr`): the names a module's data can still refer to.
fn code_names(text: &str) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let is_name_char = |c: char| c.is_alphanumeric() || c == '_' || c == '$';
    let mut scanner = Scanner::default();
    let mut chars = text.char_indices().peekable();
    let mut before = ' ';
    std::iter::from_fn(move || {
        while let Some((index, c)) = chars.next() {
            let was_code = !scanner.in_comment_or_string();
            scanner.step(c);
            let starts_name = was_code
                && !scanner.in_comment_or_string()
                && (c.is_alphabetic() || c == '_' || c == '$')
                && !(is_name_char(before) || before == '.');
            before = c;
            if !starts_name {
                continue;
            }
            let end = text[index..]
                .find(|c: char| !(is_name_char(c) || c == '.'))
                .map_or(text.len(), |at| index + at);
            while let Some(&(at, c)) = chars.peek() {
                if at >= end {
                    break;
                }
                chars.next();
                scanner.step(c);
                before = c;
            }
            return Some(index..end);
        }
        None
    })
}

/// `text` with each range (in order, not overlapping) replaced by its text.
fn with_edits(text: &str, edits: impl Iterator<Item = (std::ops::Range<usize>, String)>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    for (range, replacement) in edits {
        if range.start < copied {
            continue;
        }
        out.push_str(&text[copied..range.start]);
        out.push_str(&replacement);
        copied = range.end;
    }
    out.push_str(&text[copied..]);
    out
}

/// Where the literal begins: the first `{` or `[` after an export or an assignment to a
/// `const`/`let`/`var` at the top of the module.
fn literal_start(text: &str) -> Option<usize> {
    let markers = [
        "export default",
        "module.exports",
        "exports.default",
        "const ",
        "let ",
        "var ",
    ];
    let mut best: Option<usize> = None;
    for marker in markers {
        let mut from = 0;
        while let Some(found) = text[from..].find(marker).map(|at| from + at) {
            from = found + marker.len();
            // From the marker to the first `{` or `[`, only a name, `=`, `:` and a type: a
            // quote, a call or the statement's end first is another declaration
            // (`const AGILE = 'Agile';`), looked past without reading to the file's end.
            let rest = &text[from..];
            // (An array type's `[]`, `levels: Level[] = [`, is part of the type.)
            let mut open_at = None;
            let mut search = 0;
            while let Some(at) = rest[search..]
                .find(['{', '[', ';', '\'', '"', '`', '('])
                .map(|at| search + at)
            {
                if rest[at..].starts_with("[]") {
                    search = at + 2;
                    continue;
                }
                open_at = Some(at);
                break;
            }
            let Some(open) = open_at else {
                break;
            };
            if !rest[open..].starts_with(['{', '[']) {
                continue;
            }
            let between = &rest[..open];
            let plain = between.chars().all(|c| {
                c.is_alphanumeric()
                    || c.is_whitespace()
                    || matches!(
                        c,
                        '_' | '$' | '=' | ':' | '<' | '>' | '.' | ',' | '|' | '[' | ']'
                    )
            });
            // (Whether the marker is code is asked last: it reads the module from its start.)
            if plain
                && (marker.starts_with("export default") || between.contains('='))
                && !in_comment_or_string(text, found)
            {
                let at = from + open;
                best = Some(best.map_or(at, |known| known.min(at)));
                break;
            }
        }
    }
    best
}

/// Whether `at` lies inside a comment or a string of `text` (read from its start).
fn in_comment_or_string(text: &str, at: usize) -> bool {
    let mut scanner = Scanner::default();
    for (index, c) in text.char_indices() {
        if index >= at {
            return scanner.in_comment_or_string();
        }
        scanner.step(c);
    }
    false
}

/// The index of the bracket that closes the one at `open`.
fn matching_close(text: &str, open: usize) -> Option<usize> {
    let mut scanner = Scanner::default();
    let mut depth = 0usize;
    for (index, c) in text[open..].char_indices() {
        let was_code = !scanner.in_comment_or_string();
        scanner.step(c);
        if !was_code || scanner.in_comment_or_string() {
            continue;
        }
        match c {
            '{' | '[' => depth += 1,
            '}' | ']' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(open + index);
                }
            }
            _ => {}
        }
    }
    None
}

/// Template strings (`` `…` ``), which JSON5 lacks, as double-quoted strings; `${NAME}` of a
/// string constant of the module is its text (`` `${track} Engineering Ladder` ``), and any
/// other `${…}` is code.
fn template_strings_as_json(
    literal: &str,
    constants: &[(String, String)],
) -> Result<String, String> {
    let mut out = String::with_capacity(literal.len());
    let mut scanner = Scanner::default();
    let mut template = String::new();
    for c in literal.chars() {
        let before = scanner.state;
        scanner.step(c);
        match (before, scanner.state) {
            (State::Code, State::Template) => template.clear(),
            (State::Template, State::Code) => {
                let template = with_constants_interpolated(&template, constants);
                if template.contains("${") {
                    return Err(format!(
                        "a template string computes its text (`${{…}}`): `{}`",
                        template.chars().take(60).collect::<String>()
                    ));
                }
                out.push_str(&serde_json::Value::String(template.clone()).to_string());
            }
            (State::Template, State::Template) | (State::TemplateEscape, _) => {
                if !(before == State::Template && c == '\\') {
                    template.push(c);
                }
            }
            (_, State::Template | State::TemplateEscape) => {}
            _ => out.push(c),
        }
    }
    Ok(out)
}

/// Strings joined with `+` (`"First sentence. " +` on one line, `"Second."` on the next, as
/// a long text is wrapped in code) as the one string they make. Only strings without escapes
/// are joined; anything else is left for the reader to refuse.
fn concatenated_strings_joined(literal: &str) -> String {
    let chars: Vec<char> = literal.chars().collect();
    // A plain string literal starting at `at`: its text and the index after it.
    let string_at = |at: usize| -> Option<(String, usize)> {
        let quote = *chars.get(at)?;
        if !matches!(quote, '"' | '\'') {
            return None;
        }
        let mut text = String::new();
        for (offset, &c) in chars[at + 1..].iter().enumerate() {
            match c {
                '\\' | '\n' => return None,
                c if c == quote => return Some((text, at + offset + 2)),
                c => text.push(c),
            }
        }
        None
    };
    let skip_space = |mut at: usize| {
        while chars.get(at).is_some_and(|c| c.is_whitespace()) {
            at += 1;
        }
        at
    };
    let mut out = String::with_capacity(literal.len());
    let mut scanner = Scanner::default();
    let mut index = 0;
    while index < chars.len() {
        let c = chars[index];
        let in_code = !scanner.in_comment_or_string();
        if in_code && matches!(c, '"' | '\'') {
            if let Some((mut text, mut next)) = string_at(index) {
                let mut joined = false;
                loop {
                    let plus = skip_space(next);
                    if chars.get(plus) != Some(&'+') {
                        break;
                    }
                    let Some((more, after)) = string_at(skip_space(plus + 1)) else {
                        break;
                    };
                    text.push_str(&more);
                    next = after;
                    joined = true;
                }
                if joined {
                    out.push_str(&serde_json::Value::String(text).to_string());
                    index = next;
                    continue;
                }
            }
        }
        scanner.step(c);
        out.push(c);
        index += 1;
    }
    out
}

/// A template string's `${NAME}` of the module's string constants replaced by their texts;
/// other `${…}` left as written.
fn with_constants_interpolated(template: &str, constants: &[(String, String)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find("${") {
        out.push_str(&rest[..open]);
        let after = &rest[open + 2..];
        let Some(close) = after.find('}') else {
            out.push_str(&rest[open..]);
            return out;
        };
        let name = after[..close].trim();
        match constants
            .iter()
            .rev()
            .find(|(constant, _)| constant == name)
        {
            Some((_, text)) => out.push_str(text),
            None => out.push_str(&rest[open..open + 2 + close + 1]),
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum State {
    #[default]
    Code,
    LineComment,
    BlockComment,
    Quoted(char),
    QuotedEscape(char),
    Template,
    TemplateEscape,
}

/// Where a character of JavaScript stands: code, a comment, a string.
#[derive(Debug, Default)]
struct Scanner {
    state: State,
    previous: char,
}

impl Scanner {
    fn in_comment_or_string(&self) -> bool {
        self.state != State::Code
    }

    fn step(&mut self, c: char) {
        self.state = match (self.state, c) {
            (State::Code, '/') if self.previous == '/' => State::LineComment,
            (State::Code, '*') if self.previous == '/' => State::BlockComment,
            (State::Code, '"' | '\'') => State::Quoted(c),
            (State::Code, '`') => State::Template,
            (State::LineComment, '\n') => State::Code,
            (State::BlockComment, '/') if self.previous == '*' => State::Code,
            (State::Quoted(quote), '\\') => State::QuotedEscape(quote),
            (State::QuotedEscape(quote), _) => State::Quoted(quote),
            (State::Quoted(quote), c) if c == quote => State::Code,
            (State::Template, '\\') => State::TemplateEscape,
            (State::TemplateEscape, _) => State::Template,
            (State::Template, '`') => State::Code,
            (state, _) => state,
        };
        // `//` after a block comment's `*/` is not `/` `/`.
        self.previous = if self.state == State::Code && c == '/' && self.previous == '*' {
            ' '
        } else {
            c
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_naming_literals_are_written_out_within_a_bound() {
        // Each literal names the one before four times: written out in full, the last would
        // be 4^40 times the first.
        let mut module = String::from("const a0 = [\"x\"];\n");
        for index in 1..40 {
            let before = index - 1;
            module.push_str(&format!(
                "const a{index} = [a{before}, a{before}, a{before}, a{before}];\n"
            ));
        }
        let written: usize = object_literals(&module)
            .iter()
            .flatten()
            .map(String::len)
            .sum();
        assert!(written < module.len() * 6 + (2 << 20), "{written}");
        // Within the bound, a shorthand member holds the literal it names.
        // A spread list's own trailing comma goes.
        let spread = "const shared = ['a', 'b',];\nexport default { items: [...shared, 'c'] };";
        assert_eq!(
            object_literals(spread).first().cloned().unwrap().unwrap(),
            "{ items: ['a', 'b', 'c'] }"
        );
        let small = "const levels = [{ title: 'I' }];\nexport default { title: 'T', levels };";
        assert_eq!(
            object_literals(small).first().cloned().unwrap().unwrap(),
            "{ title: 'T', \"levels\": [{ title: 'I' }] }"
        );
    }

    #[test]
    fn the_literal_is_cut_out_of_every_kind_of_module() {
        let shapes = [
            "// levels\nexport default {\n  title: 'Eng', // name\n  levels: [1, 2,],\n};\n",
            "module.exports = { title: \"Eng\", levels: [1, 2] };",
            "import x from 'y';\nconst ladder: Ladder = { title: `Eng`, levels: [1, 2] } as const;\nexport default ladder;",
            "/* export default 3 */ export const data = { title: 'a } b', levels: [1, 2] };",
        ];
        for module in shapes {
            let literal = object_literal(module).unwrap();
            assert!(
                literal.starts_with('{') && literal.ends_with('}'),
                "{literal}"
            );
            assert!(literal.contains("levels"), "{literal}");
        }
        assert!(object_literal("const x = { a: `${y}` };").is_err());
        // String constants name keys and values (`[AGILE]: [DEVELOPING]`); a plain key that
        // happens to be a constant's name stays a key.
        let module = "const AGILE = 'Agile practices';\nexport const NONE = '';\nconst DEVELOPING = \"Developing\";\n\
                      export const levels = {\n  [AGILE]: [DEVELOPING, NONE],\n  DEVELOPING: 'a key',\n  \
                      note: 'AGILE stays',\n};\n";
        let value: serde_json::Value = json5::from_str(&object_literal(module).unwrap()).unwrap();
        assert_eq!(
            value,
            serde_json::json!({"Agile practices": ["Developing", ""], "DEVELOPING": "a key",
                "note": "AGILE stays"})
        );
        assert!(object_literal("function f() { return 1 }").is_err());
    }

    #[test]
    fn a_value_naming_an_import_is_null_and_the_rest_is_data() {
        let module = "import { GitPullRequest } from 'lucide-react';\nimport * as Icons from 'x';\n\
                      export const roles = [{ name: 'Reviewer', icon: GitPullRequest, badge: Icons.Eye, \
                      big: true, note: 'icon: Eye', items: ['Reviews'], \
                      mark: ICONS['고객 응대'], tint: THEME.colors[2].dark }];\n";
        let value: serde_json::Value = json5::from_str(&object_literal(module).unwrap()).unwrap();
        assert_eq!(
            value,
            serde_json::json!([{"name": "Reviewer", "icon": null, "badge": null, "big": true,
                "note": "icon: Eye", "items": ["Reviews"], "mark": null, "tint": null}])
        );
        // A call is code still, and says so.
        let call = object_literal("export default { title: t('eng') };").unwrap();
        assert!(
            json5::from_str::<serde_json::Value>(&call).is_err(),
            "{call}"
        );
    }
}
