//! YAML front matter: a whole ladder (it has `tracks`), or metadata for the document below it.

use std::collections::HashMap;

use crate::model::Ladder;

pub enum FrontMatter {
    WholeLadder(Box<Ladder>),
    Metadata(HashMap<String, String>),
    Invalid(String),
}

/// Front matter that holds a whole ladder (it has `tracks`), or metadata such as `title`.
pub fn read(text: &str) -> FrontMatter {
    let value: serde_yaml::Value = match serde_yaml::from_str(text) {
        Ok(value) => value,
        Err(error) => {
            return FrontMatter::Invalid(format!("the front matter is not YAML: {error}"))
        }
    };
    let Some(mapping) = value.as_mapping() else {
        return FrontMatter::Metadata(HashMap::new());
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
    FrontMatter::Metadata(metadata)
}
