//! The language an imported ladder is written in, so that every label around its text (the
//! PDFs' headings, the workbook's sheets, the handbook's links) comes in the same language.
//!
//! The script decides where it is unambiguous (Hangul is Korean, kana Japanese, Hebrew and
//! Arabic letters their languages, Han characters alone Chinese); otherwise `whatlang`'s
//! statistical detection of the text, kept only when it says the guess is reliable.

use crate::model::Ladder;

/// How much of a ladder's text is looked at: far more than detection needs.
const SAMPLE_CHARACTERS: usize = 20_000;

/// Share of a script's letters among all letters that decides by script alone.
const SCRIPT_SHARE: f64 = 0.3;

/// What a letter of an alphabet (Latin, Cyrillic, Greek) weighs beside a Han, kana or Hangul
/// character when shares of scripts are counted: about a word's length in letters apart.
const ALPHABET_LETTER_WEIGHT: f64 = 0.25;

/// The ladder's language as a BCP 47 tag (`en`, `pt`, `ja`), when its text tells.
pub fn detect(ladder: &Ladder) -> Option<String> {
    let sample = sample(ladder);
    by_script(&sample).or_else(|| {
        // A short sample (a small sheet's cells) is too little for the statistics of letters,
        // but its little words tell: "Applies the brand guidelines" is English. (Their vote
        // also decides where the statistics are unsure.)
        let by_words = by_function_words(&sample);
        let characters = sample.chars().count();
        if characters < LIKELY_SAMPLE_CHARACTERS && by_words.is_some() {
            return by_words.map(str::to_owned);
        }
        let Some(info) = whatlang::detect(&sample) else {
            return by_words.map(str::to_owned);
        };
        // A page of text whose guess is more likely than not is believed even when a close
        // language keeps `whatlang` from calling it reliable (Norwegian beside Danish).
        let sure = info.is_reliable()
            || info.confidence() >= LIKELY_CONFIDENCE && characters >= LIKELY_SAMPLE_CHARACTERS
            // A short ladder (a table of a few levels, 300 characters) leaves the guess
            // uncertain; the likeliest language still labels it better than English does.
            || info.confidence() >= SHORT_SAMPLE_CONFIDENCE
                && characters >= SHORT_SAMPLE_CHARACTERS;
        sure.then(|| two_letter(info.lang().code()))
            .flatten()
            .or(by_words)
            .map(str::to_owned)
    })
}

/// Little words each of the languages written in the Latin alphabet uses most and the others
/// seldom (words two of them share, such as "in", "de" and "en", are left out).
const FUNCTION_WORDS: &[(&str, &[&str])] = &[
    (
        "en",
        &[
            "the", "and", "of", "to", "with", "for", "on", "is", "are", "by", "from", "their",
            "your", "you", "who", "an", "at", "or", "it", "they", "when",
        ],
    ),
    (
        "de",
        &[
            "der", "die", "und", "mit", "für", "von", "den", "ist", "sind", "auf", "ein", "eine",
            "im", "zu", "des", "dem", "nicht", "oder", "wird", "werden",
        ],
    ),
    (
        "fr",
        &[
            "le", "la", "les", "et", "des", "du", "une", "pour", "avec", "sur", "dans", "est",
            "au", "aux", "qui", "par", "son", "ses", "leur",
        ],
    ),
    (
        "es",
        &[
            "el", "los", "las", "y", "del", "con", "por", "una", "es", "su", "sus", "al", "lo",
            "como", "cuando",
        ],
    ),
    (
        "pt",
        &[
            "o", "os", "e", "do", "dos", "com", "uma", "em", "no", "na", "não", "ao", "seu", "sua",
            "pelo", "pela",
        ],
    ),
    (
        "it",
        &[
            "il", "gli", "di", "della", "per", "nel", "nella", "che", "sono", "alla", "dei",
            "delle", "ed", "non",
        ],
    ),
    (
        "nl",
        &[
            "het", "van", "een", "voor", "met", "op", "zijn", "niet", "te", "dat", "wordt", "bij",
            "naar", "ook",
        ],
    ),
];

/// The fewest little words of a language (see [`FUNCTION_WORDS`]) a short sample needs, and
/// how many times the next language's count, for them to name its language.
const FUNCTION_WORD_HITS: usize = 2;
const FUNCTION_WORD_LEAD: usize = 2;

/// The language whose little words a text uses most, when it clearly leads.
fn by_function_words(text: &str) -> Option<&'static str> {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .collect();
    let mut counts: Vec<(&'static str, usize)> = FUNCTION_WORDS
        .iter()
        .map(|(tag, list)| {
            let hits = words.iter().filter(|word| list.contains(word)).count();
            (*tag, hits)
        })
        .collect();
    counts.sort_by_key(|(_, hits)| std::cmp::Reverse(*hits));
    let (tag, best) = counts[0];
    let next = counts.get(1).map_or(0, |(_, hits)| *hits);
    (best >= FUNCTION_WORD_HITS && best >= FUNCTION_WORD_LEAD * next.max(1)).then_some(tag)
}

/// `whatlang`'s confidence from which a guess on a long enough sample is taken.
const LIKELY_CONFIDENCE: f64 = 0.5;

/// `whatlang`'s confidence from which a guess on a short sample is taken.
const SHORT_SAMPLE_CONFIDENCE: f64 = 0.2;

/// The fewest characters of a sample whose guess is taken at [`SHORT_SAMPLE_CONFIDENCE`].
const SHORT_SAMPLE_CHARACTERS: usize = 150;

/// The fewest characters of a sample whose likely guess is taken.
const LIKELY_SAMPLE_CHARACTERS: usize = 400;

/// The ladder's own words: titles, summaries, areas, headlines, descriptions, expectations, in
/// order, then its prose (a table of short cells says little; the page around it says more).
fn sample(ladder: &Ladder) -> String {
    let mut text = String::new();
    let mut push = |part: &str| {
        if text.len() < SAMPLE_CHARACTERS {
            // Link targets and code say nothing of the language.
            let words: Vec<&str> = part
                .split_whitespace()
                .filter(|word| !word.contains("://") && !word.starts_with('`'))
                .collect();
            text.push_str(&words.join(" "));
            text.push('\n');
        }
    };
    push(&ladder.title);
    if let Some(summary) = &ladder.summary {
        push(summary);
    }
    for area in &ladder.areas {
        push(&area.name);
        if let Some(description) = &area.description {
            push(description);
        }
    }
    for track in &ladder.tracks {
        push(&track.name);
        if let Some(summary) = &track.summary {
            push(summary);
        }
        for level in &track.levels {
            push(&level.title);
            for part in [&level.headline, &level.description].into_iter().flatten() {
                push(part);
            }
            for item in level.expectations.values().flatten() {
                push(&item.text);
                for example in &item.examples {
                    push(example);
                }
            }
        }
    }
    for section in &ladder.sections {
        push(&section.title);
        push(&section.body);
    }
    text
}

/// The language a script names on its own, when enough of the letters are in it.
fn by_script(text: &str) -> Option<String> {
    // A Han, kana or Hangul character is a word or a syllable; a letter of an alphabet a
    // fraction of one: weighed so, a Chinese page that names its roles in English
    // ("Committer是具有开源仓库写权限的个人") is still Chinese.
    let (mut letters, mut hangul, mut kana, mut han, mut hebrew, mut arabic) =
        (0.0, 0.0, 0.0, 0.0, 0.0, 0.0);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        match c as u32 {
            0xAC00..=0xD7AF | 0x1100..=0x11FF | 0x3130..=0x318F => hangul += 1.0,
            0x3040..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F => kana += 1.0,
            0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF => han += 1.0,
            // Hebrew and Arabic are alphabets too: weighed as the Latin one.
            0x0590..=0x05FF | 0xFB1D..=0xFB4F => {
                hebrew += ALPHABET_LETTER_WEIGHT;
                letters += ALPHABET_LETTER_WEIGHT;
                continue;
            }
            0x0600..=0x06FF | 0x0750..=0x077F | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => {
                arabic += ALPHABET_LETTER_WEIGHT;
                letters += ALPHABET_LETTER_WEIGHT;
                continue;
            }
            _ => {
                letters += ALPHABET_LETTER_WEIGHT;
                continue;
            }
        }
        letters += 1.0;
    }
    if letters == 0.0 {
        return None;
    }
    let share = |count: f64| count / letters;
    // Japanese mixes kana with Han characters; Chinese has Han alone.
    let tag = if share(hangul) >= SCRIPT_SHARE {
        "ko"
    } else if share(kana) >= SCRIPT_SHARE / 3.0 && share(kana + han) >= SCRIPT_SHARE {
        "ja"
    } else if share(han) >= SCRIPT_SHARE {
        "zh"
    } else if share(hebrew) >= SCRIPT_SHARE {
        "he"
    } else if share(arabic) >= SCRIPT_SHARE {
        // Persian and Urdu share the script: whatlang tells them apart when it can.
        return whatlang::detect(text)
            .and_then(|info| two_letter(info.lang().code()))
            .map(str::to_owned)
            .or(Some(String::from("ar")));
    } else {
        return None;
    };
    Some(tag.to_owned())
}

/// ISO 639-3 (whatlang's codes) to the two-letter tag ladders use.
fn two_letter(code: &str) -> Option<&'static str> {
    const TAGS: &[(&str, &str)] = &[
        ("eng", "en"),
        ("deu", "de"),
        ("fra", "fr"),
        ("spa", "es"),
        ("por", "pt"),
        ("ita", "it"),
        ("nld", "nl"),
        ("jpn", "ja"),
        ("cmn", "zh"),
        ("kor", "ko"),
        ("ara", "ar"),
        ("arb", "ar"),
        ("heb", "he"),
        ("pes", "fa"),
        ("urd", "ur"),
        ("rus", "ru"),
        ("ukr", "uk"),
        ("pol", "pl"),
        ("ces", "cs"),
        ("slk", "sk"),
        ("hun", "hu"),
        ("ron", "ro"),
        ("bul", "bg"),
        ("hrv", "hr"),
        ("srp", "sr"),
        ("slv", "sl"),
        ("ell", "el"),
        ("tur", "tr"),
        ("swe", "sv"),
        ("dan", "da"),
        ("nob", "nb"),
        ("fin", "fi"),
        ("est", "et"),
        ("lav", "lv"),
        ("lit", "lt"),
        ("cat", "ca"),
        ("hin", "hi"),
        ("ben", "bn"),
        ("tha", "th"),
        ("vie", "vi"),
        ("ind", "id"),
        ("msa", "ms"),
        ("tgl", "tl"),
        ("afr", "af"),
        ("epo", "eo"),
    ];
    TAGS.iter()
        .find(|(three, _)| *three == code)
        .map(|(_, two)| *two)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ladder_of(text: &str) -> Ladder {
        let yaml = format!(
            "title: T\ntracks:\n  - id: t\n    name: T\n    kind: ic\n    levels:\n      - id: a\n        title: A\n        expectations:\n          x: [{}]\n",
            serde_json::to_string(text).unwrap()
        );
        serde_yaml::from_str(&yaml).unwrap()
    }

    #[test]
    fn scripts_and_words_name_the_language() {
        for (text, tag) in [
            ("Você projeta sistemas distribuídos e orienta os engenheiros da equipe com clareza e responsabilidade.", "pt"),
            ("Du entwirfst verteilte Systeme und begleitest die Ingenieurinnen und Ingenieure deines Teams.", "de"),
            ("You design distributed systems and mentor the engineers on your team with clarity.", "en"),
            ("チームの設計をリードし、メンバーの成長を支援する。", "ja"),
            ("负责团队的系统设计，并指导工程师的成长。", "zh"),
            ("팀의 시스템 설계를 이끌고 엔지니어의 성장을 돕습니다.", "ko"),
            ("מוביל את תכנון המערכות של הצוות ומלווה את המהנדסים.", "he"),
            ("يقود تصميم أنظمة الفريق ويوجه المهندسين.", "ar"),
        ] {
            assert_eq!(detect(&ladder_of(text)).as_deref(), Some(tag), "{text}");
        }
    }

    #[test]
    fn a_page_of_norwegian_is_norwegian_though_danish_is_close() {
        // `whatlang` finds Norwegian more likely than not but calls no guess reliable beside
        // Danish; a page of it is still Norwegian.
        let text = [
            "Det forventes deltagelse i planlegging og gjennomføring av utvikling av gjenbrukbare komponenter.",
            "Gode skriftlige og muntlige norsk- og engelskkunnskaper.",
            "Grunnleggende forståelse for HTTP og eksterne APIer.",
            "Hva er fetch og hvordan brukes det? Hva er CORS og hvorfor finnes det?",
            "Senior utvikler tar ansvar for arkitektur og leveranser i prosjektet.",
            "Veileder juniorutviklere og gir tilbakemeldinger i code review.",
            "Kan forklare tekniske valg for kunder og prosjektledere.",
            "Relevant utdannelse på bachelornivå eller tilsvarende ferdighetsnivå.",
        ]
        .join(" ");
        let guess = whatlang::detect(&text).unwrap();
        assert!(!guess.is_reliable(), "the case this test is for");
        assert_eq!(detect(&ladder_of(&text)).as_deref(), Some("nb"));
        // A line too short to tell stays without a language.
        assert_eq!(detect(&ladder_of("Gode kunnskaper")), None);
    }
}
