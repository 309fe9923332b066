//! YAML front matter: a whole ladder (it has `tracks`), or metadata for the document below it.

use std::collections::HashMap;

use crate::model::Ladder;

/// What a document's front matter turned out to be.
pub enum FrontMatter {
    /// A complete ladder in the YAML source format: imported as it is, the document ignored.
    WholeLadder(Box<Ladder>),
    /// Keys (lower-case) and text values about the document below it (`title`, `version`);
    /// lists are joined with commas. The whole front matter comes with them, for a ladder
    /// that another tool keeps there as data.
    Metadata(HashMap<String, String>, serde_yaml::Value),
    /// Not YAML, or a ladder with an error: the message says which.
    Invalid(String),
}

/// Front matter that holds a whole ladder (it has `tracks`), or metadata such as `title`.
pub fn read(text: &str) -> FrontMatter {
    let value = match crate::load::yaml_value(std::path::Path::new(""), text) {
        Ok(value) => value,
        Err(error) => return FrontMatter::Invalid(format!("the front matter: {}", error.message)),
    };
    let Some(mapping) = value.as_mapping() else {
        return FrontMatter::Metadata(HashMap::new(), value);
    };
    if mapping.contains_key("tracks") {
        return match serde_yaml::from_value::<Ladder>(value.clone()) {
            Ok(ladder) => FrontMatter::WholeLadder(Box::new(ladder)),
            Err(error) => FrontMatter::Invalid(format!(
                "the front matter holds a ladder with an error: {error}"
            )),
        };
    }
    let metadata = mapping
        .iter()
        .filter_map(|(key, value)| {
            let key = key.as_str()?.to_ascii_lowercase();
            let value = match value {
                serde_yaml::Value::String(text) => text.clone(),
                serde_yaml::Value::Number(number) => number.to_string(),
                serde_yaml::Value::Sequence(items) => items
                    .iter()
                    .filter_map(|item| item.as_str().map(str::to_owned))
                    .collect::<Vec<_>>()
                    .join(", "),
                _ => return None,
            };
            Some((key, value))
        })
        .collect();
    FrontMatter::Metadata(metadata, value)
}
