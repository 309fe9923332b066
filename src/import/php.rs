//! A PHP file that holds a ladder as an array literal (`<?php return [ "basic" => [ "name" =>
//! "Débutant", … ], … ];`, as a site's language or config file keeps its texts): the literal
//! read as data. Strings in either quotes (joined by `.`), numbers, `true`, `false`, `null`,
//! `[…]` and `array(…)`, keys with `=>`, comments and trailing commas. Anything else (a function
//! call, a variable, a constant) is code, not data: reading fails with the place to look.

use serde_json::{Map, Value};

/// Arrays nested deeper than this are no ladder: reading stops rather than recurse further.
const MAX_DEPTH: usize = 64;

/// The array the file returns (or assigns first), as data.
pub fn array_value(text: &str) -> Result<Value, String> {
    // What the file returns, else what it assigns first (`$levels = [ … ];`).
    let start = ["return", "="]
        .iter()
        .find_map(|lead| find_code(text, lead).map(|at| at + lead.len()))
        .ok_or_else(|| String::from("no `return [ … ];` holding the ladder was found"))?;
    let mut reader = Reader {
        text,
        at: start,
        depth: 0,
    };
    reader.skip_blank();
    let value = reader.value()?;
    if !matches!(value, Value::Array(_) | Value::Object(_)) {
        return Err(String::from("the file returns no array"));
    }
    Ok(value)
}

/// Where `word` first occurs outside strings and comments.
fn find_code(text: &str, word: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        match bytes[at] {
            b'\'' | b'"' => at = string_end(text, at).unwrap_or(bytes.len()),
            b'#' => at = text[at..].find('\n').map_or(bytes.len(), |end| at + end),
            b'/' if text[at..].starts_with("//") => {
                at = text[at..].find('\n').map_or(bytes.len(), |end| at + end)
            }
            b'/' if text[at..].starts_with("/*") => {
                at = text[at + 2..]
                    .find("*/")
                    .map_or(bytes.len(), |end| at + 2 + end + 2)
            }
            _ if text[at..].starts_with(word) => return Some(at),
            _ => at += 1,
        }
    }
    None
}

/// The byte just past the string that opens at `at`, if it is closed.
fn string_end(text: &str, at: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let quote = bytes[at];
    let mut index = at + 1;
    while index < bytes.len() {
        match bytes[index] {
            b'\\' => index += 2,
            byte if byte == quote => return Some(index + 1),
            _ => index += 1,
        }
    }
    None
}

struct Reader<'a> {
    text: &'a str,
    at: usize,
    depth: usize,
}

impl Reader<'_> {
    fn rest(&self) -> &str {
        &self.text[self.at..]
    }

    /// The line the reader is at, for an error.
    fn line(&self) -> usize {
        self.text[..self.at].matches('\n').count() + 1
    }

    fn fail<T>(&self, what: &str) -> Result<T, String> {
        Err(format!("line {}: {what}", self.line()))
    }

    fn skip_blank(&mut self) {
        loop {
            let rest = self.rest();
            let trimmed = rest.trim_start();
            self.at += rest.len() - trimmed.len();
            let rest = self.rest();
            if rest.starts_with("//") || rest.starts_with('#') {
                self.at += rest.find('\n').unwrap_or(rest.len());
            } else if rest.starts_with("/*") {
                self.at += rest.find("*/").map_or(rest.len(), |end| end + 2);
            } else {
                return;
            }
        }
    }

    fn eat(&mut self, token: &str) -> bool {
        self.skip_blank();
        if self.rest().starts_with(token) {
            self.at += token.len();
            true
        } else {
            false
        }
    }

    fn value(&mut self) -> Result<Value, String> {
        self.skip_blank();
        let rest = self.rest();
        if rest.starts_with('[') {
            self.at += 1;
            return self.array("]");
        }
        if rest
            .get(..5)
            .is_some_and(|word| word.eq_ignore_ascii_case("array"))
        {
            self.at += 5;
            if self.eat("(") {
                return self.array(")");
            }
            return self.fail("`array` without `(`");
        }
        if rest.starts_with(['\'', '"']) {
            let mut joined = self.string()?;
            // `"…" . "…"`: one text written on several lines.
            while self.eat(".") {
                self.skip_blank();
                if !self.rest().starts_with(['\'', '"']) {
                    return self.fail("only strings may be joined with `.`");
                }
                joined.push_str(&self.string()?);
            }
            return Ok(Value::String(joined));
        }
        let word: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '+' | '_'))
            .collect();
        self.at += word.len();
        match word.to_ascii_lowercase().as_str() {
            "true" => Ok(Value::Bool(true)),
            "false" => Ok(Value::Bool(false)),
            "null" => Ok(Value::Null),
            _ => match word.parse::<serde_json::Number>() {
                Ok(number) => Ok(Value::Number(number)),
                Err(_) => {
                    self.fail("code where data was expected (a call, a variable or a constant)")
                }
            },
        }
    }

    /// The elements of an array up to `close`: an object when any has a key.
    fn array(&mut self, close: &str) -> Result<Value, String> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return self.fail("arrays nested too deep");
        }
        let mut entries: Vec<(Option<String>, Value)> = Vec::new();
        loop {
            if self.eat(close) {
                break;
            }
            let first = self.value()?;
            let entry = if self.eat("=>") {
                let key = match first {
                    Value::String(key) => key,
                    Value::Number(number) => number.to_string(),
                    _ => return self.fail("a key that is not a string or a number"),
                };
                (Some(key), self.value()?)
            } else {
                (None, first)
            };
            entries.push(entry);
            if !self.eat(",") {
                if self.eat(close) {
                    break;
                }
                return self.fail(&format!("`,` or `{close}` expected"));
            }
        }
        self.depth -= 1;
        if entries.iter().all(|(key, _)| key.is_none()) {
            return Ok(Value::Array(
                entries.into_iter().map(|(_, value)| value).collect(),
            ));
        }
        let mut object = Map::new();
        for (index, (key, value)) in entries.into_iter().enumerate() {
            object.insert(key.unwrap_or_else(|| index.to_string()), value);
        }
        Ok(Value::Object(object))
    }

    /// A string in single quotes (only `\'` and `\\` escaped) or double quotes (`\n`, `\t`,
    /// `\"`, `\\`, `\$`).
    fn string(&mut self) -> Result<String, String> {
        let quote = self.text.as_bytes()[self.at];
        let Some(end) = string_end(self.text, self.at) else {
            return self.fail("a string is not closed");
        };
        let inner = &self.text[self.at + 1..end - 1];
        self.at = end;
        let mut out = String::with_capacity(inner.len());
        let mut chars = inner.chars();
        while let Some(c) = chars.next() {
            if c != '\\' {
                out.push(c);
                continue;
            }
            match (quote, chars.next()) {
                (_, Some('\\')) => out.push('\\'),
                (b'\'', Some('\'')) => out.push('\''),
                (b'"', Some('"')) => out.push('"'),
                (b'"', Some('n')) => out.push('\n'),
                (b'"', Some('t')) => out.push('\t'),
                (b'"', Some('r')) => {}
                (b'"', Some('$')) => out.push('$'),
                (_, Some(other)) => {
                    out.push('\\');
                    out.push(other);
                }
                (_, None) => out.push('\\'),
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_returned_array_with_keys_joined_strings_and_comments_is_data() {
        let php = "<?php\n// levels\nreturn [\n    \"basic\" => [\n        'name' => 'Débutant', # first\n        \"description\" =>\n            \"One.\\n\\n\".\n            \"Two \\\"quoted\\\".\",\n    ],\n    'list' => array(1, 'it\\'s', true, null,),\n];\n";
        let value = array_value(php).unwrap();
        assert_eq!(value["basic"]["name"], "Débutant");
        assert_eq!(value["basic"]["description"], "One.\n\nTwo \"quoted\".");
        assert_eq!(value["list"][1], "it's");
        assert_eq!(value["list"][2], true);
    }

    #[test]
    fn code_and_unclosed_arrays_are_errors_with_their_line() {
        let call = array_value("<?php\nreturn [\n  'a' => trans('x'),\n];\n").unwrap_err();
        assert!(call.starts_with("line 3:"), "{call}");
        assert!(array_value("<?php\nreturn [ 'a' => [ 'b'").is_err());
        assert!(array_value("<?php echo 'hi';").is_err());
        let deep = format!("<?php return {}{};", "[".repeat(10_000), "]".repeat(10_000));
        assert!(array_value(&deep).unwrap_err().contains("too deep"));
    }
}
