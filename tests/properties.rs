//! Property tests: the decoder and front-matter reader, the normaliser and the
//! rule loader on generated inputs. Each property calls the same harness body
//! as the fuzz targets (fuzz/src/harness.rs), which panics when an invariant
//! breaks.
//!
//! Deterministic: a fixed seed, a fixed number of cases, no failure file.
//! `RECOUPE_PROPTEST_CASES=N` runs N cases per property instead (a longer run
//! on stable, see docs/robustness.md).

#[allow(dead_code)]
#[path = "../fuzz/src/harness.rs"]
mod harness;

use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::{Config, RngAlgorithm, RngSeed};
use recoupe::french::Placeholder;

fn config(cases: u32) -> Config {
    let cases = std::env::var("RECOUPE_PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(cases);
    Config {
        cases,
        failure_persistence: None,
        rng_algorithm: RngAlgorithm::ChaCha,
        rng_seed: RngSeed::Fixed(0x0072_6563_6f75_7065),
        max_shrink_iters: 2048,
        ..Config::default()
    }
}

/// Pieces of articles: front-matter lines, line endings, BOMs, the example
/// phrases of the shipped rules, and bytes that break things.
fn article_piece() -> impl Strategy<Value = Vec<u8>> {
    let mut phrases: Vec<Vec<u8>> = harness::shipped_rules()
        .rules
        .iter()
        .flat_map(|r| r.examples.matches.iter().map(|e| e.text.clone().into_bytes()))
        .collect();
    phrases.sort();
    phrases.dedup();
    let fixed: Vec<Vec<u8>> = [
        "---",
        "...",
        "\n",
        "\r\n",
        "\r",
        " ",
        "\t",
        "outlet: AFP",
        "outlet:",
        "published: 2025-07-22",
        "published: 2025-02-30",
        "published: 2025-7-2",
        "published: [",
        "lang: fr",
        "title: \"T",
        "title: 'x'",
        "url: https://x",
        "author: Y",
        "? a",
        ": b",
        "- a",
        "{",
        "}",
        "[",
        "]",
        "&a",
        "*a",
        "!!binary",
        "#",
        "\u{feff}",
        "\u{2028}",
        "\u{85}",
        "é",
        "’",
        "—",
        "Kiev",
        "mercredi",
        "50 jours",
    ]
    .iter()
    .map(|s| s.as_bytes().to_vec())
    .chain([
        vec![0],
        vec![0xff],
        vec![0xfe],
        vec![0xef, 0xbb, 0xbf],
        vec![0xff, 0xfe],
        vec![0xfe, 0xff],
        vec![0xe9],
        vec![0x92],
        vec![0xc3],
        vec![0xed, 0xa0, 0x80],
    ])
    .collect();
    prop_oneof![
        4 => select(fixed),
        2 => select(phrases),
        1 => proptest::collection::vec(any::<u8>(), 0..12),
        1 => any::<String>().prop_map(String::into_bytes),
    ]
}

/// A document as bytes, then stored in one of the encodings recoupe reads.
fn document_bytes() -> impl Strategy<Value = Vec<u8>> {
    let text = proptest::collection::vec(article_piece(), 0..24).prop_map(|pieces| pieces.concat());
    (text, 0..6u8).prop_map(|(bytes, encoding)| {
        let as_text = || String::from_utf8_lossy(&bytes).into_owned();
        match encoding {
            0 | 1 => bytes,
            2 => [&[0xff, 0xfe][..], &utf16(&as_text(), u16::to_le_bytes)].concat(),
            3 => [&[0xfe, 0xff][..], &utf16(&as_text(), u16::to_be_bytes)].concat(),
            4 => utf16(&as_text(), u16::to_le_bytes),
            _ => encoding_rs::WINDOWS_1252.encode(&as_text()).0.into_owned(),
        }
    })
}

fn utf16(text: &str, to_bytes: fn(u16) -> [u8; 2]) -> Vec<u8> {
    text.encode_utf16().flat_map(to_bytes).collect()
}

/// French-like text from the examples of the shipped rules, for the
/// round-trip properties.
fn french_text() -> impl Strategy<Value = String> {
    const WORDS: &[&str] = &[
        "Kiev", "insiste", "délai", "de", "50", "jours", "à", "la", "Russie", "été", "’", "—", "«", "»",
    ];
    proptest::collection::vec(select(WORDS), 1..20).prop_map(|w| w.join(" "))
}

proptest! {
    #![proptest_config(config(256))]

    /// Any bytes: a document or a reasoned skip, and a pipeline that copes.
    #[test]
    fn documents_from_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        harness::document(&bytes);
    }

    /// Article-like bytes in every encoding.
    #[test]
    fn documents_from_article_pieces(bytes in document_bytes()) {
        harness::document(&bytes);
    }

    /// Nothing is lost: UTF-8 (BOM or not), UTF-16 with a BOM and Windows-1252
    /// give back the text that was stored.
    #[test]
    fn every_supported_encoding_round_trips(text in french_text(), encoding in 0..5u8) {
        let bytes = match encoding {
            0 => text.clone().into_bytes(),
            1 => [&[0xef, 0xbb, 0xbf][..], text.as_bytes()].concat(),
            2 => [&[0xff, 0xfe][..], &utf16(&text, u16::to_le_bytes)].concat(),
            3 => [&[0xfe, 0xff][..], &utf16(&text, u16::to_be_bytes)].concat(),
            _ => encoding_rs::WINDOWS_1252.encode(&text).0.into_owned(),
        };
        let (doc, _) = recoupe::corpus::parse_document("a.md".into(), &bytes);
        prop_assert_eq!(doc.map(|d| d.text), Some(text));
    }
}

/// Pieces of JSON Lines files: records, keys, escapes, line endings, the
/// shipped rules' example sentences, and bytes that break things.
fn json_lines_piece() -> impl Strategy<Value = Vec<u8>> {
    let mut phrases: Vec<Vec<u8>> = harness::shipped_rules()
        .rules
        .iter()
        .flat_map(|r| r.examples.matches.iter().map(|e| e.text.clone().into_bytes()))
        .collect();
    phrases.sort();
    phrases.dedup();
    let fixed: Vec<Vec<u8>> = [
        "{\"outlet\": \"AFP\", \"published\": \"2025-07-22\", \"text\": \"",
        "{\"text\": \"",
        "\"}",
        "\", \"id\": 3}",
        "\", \"author\": [1]}",
        "{\"outlet\": \"X\", \"published\": \"2025-02-30\", \"text\": 1}",
        "\n",
        "\r\n",
        "\r",
        " ",
        "\\\"",
        "\\n",
        "\\u00e9",
        "\\ud83d\\udcf0",
        "\\ud800",
        "\\",
        "\"",
        "{",
        "}",
        "é",
        "\u{feff}",
    ]
    .iter()
    .map(|s| s.as_bytes().to_vec())
    .chain([vec![0], vec![0xff], vec![0xe9], vec![0xef, 0xbb, 0xbf]])
    .collect();
    prop_oneof![
        4 => select(fixed),
        2 => select(phrases),
        1 => proptest::collection::vec(any::<u8>(), 0..12),
    ]
}

/// Text to write as a record's `text`: the shipped rules' example
/// sentences, characters that must or may be escaped, and any character.
fn record_text() -> impl Strategy<Value = String> {
    let mut phrases: Vec<String> = harness::shipped_rules()
        .rules
        .iter()
        .flat_map(|r| r.examples.matches.iter().map(|e| e.text.clone()))
        .collect();
    phrases.sort();
    phrases.dedup();
    let fixed: Vec<String> = [
        "\"", "\\", "/", "\n", "\r", "\t", "\u{1}", "é", "’", "📰", " ", "\u{2028}",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let piece = prop_oneof![
        3 => select(fixed),
        2 => select(phrases),
        1 => any::<char>().prop_map(String::from),
    ];
    proptest::collection::vec(piece, 0..12).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(config(256))]

    /// Any JSON Lines file made of pieces: records or reasoned skips, and
    /// positions that go forward.
    #[test]
    fn json_lines_from_pieces(pieces in proptest::collection::vec(json_lines_piece(), 0..24)) {
        harness::json_lines(&pieces.concat());
    }

    /// Every offset of a record's text maps to where its character is
    /// written, whatever the escapes.
    #[test]
    fn json_record_columns_follow_every_escape(
        text in record_text(),
        styles in proptest::collection::vec(any::<u8>(), 1..8),
        before in select(vec!["", " ", "\t", "\r", " \r  ", "\r\r"]),
    ) {
        harness::json_record_columns(&text, &styles, before);
    }
}

/// Words the normaliser knows, and words that are near them.
fn value_words() -> impl Strategy<Value = String> {
    const WORDS: &[&str] = &[
        "0",
        "1",
        "2",
        "3",
        "23",
        "30",
        "50",
        "426",
        "1000",
        "1 000",
        "1,5",
        "1.5",
        "2/3",
        "½",
        "-",
        "−",
        "+",
        "%",
        "999999999999999999999",
        "1e308",
        "9999",
        "0000",
        "-1",
        "un",
        "une",
        "deux",
        "trois",
        "dix",
        "vingt",
        "vingt-et-un",
        "quatre-vingt-dix",
        "cent",
        "mille",
        "million",
        "millions",
        "milliard",
        "Md",
        "M",
        "et",
        "demi",
        "demie",
        "quart",
        "dizaine",
        "centaine",
        "centaines",
        "milliers",
        "quelques",
        "plusieurs",
        "au",
        "moins",
        "plus",
        "de",
        "d'",
        "près",
        "environ",
        "quelque",
        "presque",
        "jusqu'à",
        "entre",
        "du",
        "le",
        "la",
        "les",
        "l'",
        "premier",
        "1er",
        "2e",
        "troisième",
        "dernier",
        "jour",
        "jours",
        "h",
        "heures",
        "minutes",
        "semaine",
        "semaines",
        "mois",
        "an",
        "ans",
        "année",
        "années",
        "siècle",
        "48h",
        "lundi",
        "mardi",
        "mercredi",
        "jeudi",
        "vendredi",
        "samedi",
        "dimanche",
        "prochain",
        "prochaine",
        "dernière",
        "hier",
        "demain",
        "aujourd'hui",
        "avant-hier",
        "janvier",
        "février",
        "juin",
        "juillet",
        "décembre",
        "2025",
        "1990",
        "2100",
        "31",
        "29",
        "30",
        "fin",
        "début",
        "mi-",
        "mi",
        "soir",
        "matin",
        "nuit",
        "début",
        "semaine",
        "prochaine",
        "dans",
        "il",
        "y",
        "a",
        "depuis",
        "XXe",
        "années 1990",
        "ce",
        "cette",
        "week-end",
    ];
    proptest::collection::vec(select(WORDS), 1..8).prop_map(|w| w.join(" "))
}

/// English words the normaliser knows, and words near them.
fn english_value_words() -> impl Strategy<Value = String> {
    const WORDS: &[&str] = &[
        "0",
        "1",
        "2",
        "12",
        "23",
        "31",
        "1,000",
        "1,50,000",
        "1.5",
        ".5",
        "½",
        "3/7",
        "7/23/2025",
        "2025-07-23",
        "2010-11",
        "-",
        "–",
        "%",
        "pc",
        "bn",
        "m",
        "k",
        "99999999999999999999",
        "a",
        "an",
        "one",
        "two",
        "twenty",
        "twenty-one",
        "hundred",
        "thousand",
        "million",
        "billion",
        "lakh",
        "crore",
        "cr",
        "and",
        "half",
        "a half",
        "quarter",
        "quarters",
        "third",
        "thirds",
        "fifth",
        "point",
        "oh",
        "dozen",
        "dozens",
        "hundreds",
        "tens",
        "of",
        "a few",
        "several",
        "couple",
        "a couple of",
        "at least",
        "more than",
        "over",
        "under",
        "nearly",
        "about",
        "up to",
        "as many as",
        "or more",
        "or so",
        "between",
        "from",
        "to",
        "or",
        "first",
        "21st",
        "twenty-first",
        "day",
        "days",
        "week",
        "weeks",
        "month",
        "months",
        "year",
        "years",
        "decade",
        "hours",
        "48h",
        "fortnight",
        "another",
        "all",
        "whole",
        "ago",
        "in",
        "within",
        "from now",
        "later",
        "the",
        "on",
        "this",
        "next",
        "last",
        "past",
        "coming",
        "Monday",
        "Friday",
        "Fri.",
        "weekend",
        "today",
        "tomorrow",
        "yesterday",
        "tonight",
        "night",
        "evening",
        "at",
        "3pm",
        "noon",
        "January",
        "May",
        "march",
        "August",
        "Sept.",
        "early",
        "mid",
        "late",
        "end",
        "the end of",
        "2025",
        "1990s",
        "'90s",
        "century",
        "Christmas",
        "New Year's Eve",
        "summer",
        "fall",
        "Q3",
        "H1",
        "eve",
        "week of",
        "rest of",
        "between now and",
    ];
    proptest::collection::vec(select(WORDS), 1..8).prop_map(|w| w.join(" "))
}

fn placeholder() -> impl Strategy<Value = Placeholder> {
    select(&Placeholder::ALL[..])
}

/// Publication dates: none, of this era, a leap day, and the oldest that
/// `published:` accepts. Not the latest (9999-12-31): a date relative to it can
/// fall outside the calendar, a known finding (docs/robustness.md).
fn published() -> impl Strategy<Value = Option<&'static str>> {
    select(
        &[
            None,
            Some("2025-07-22"),
            Some("2024-02-29"),
            Some("2025-12-31"),
            Some("0000-01-01"),
        ][..],
    )
}

proptest! {
    #![proptest_config(config(256))]

    /// Any string, every placeholder, with and without a publication date.
    #[test]
    fn normalize_arbitrary_strings(p in placeholder(), text in any::<String>(), date in published()) {
        harness::normalize(p, &text, date);
    }

    /// Strings made of the words the normaliser reads.
    #[test]
    fn normalize_value_words(p in placeholder(), text in value_words(), date in published()) {
        harness::normalize(p, &text, date);
    }

    /// What a placeholder's own regex matches in such words: the inputs the
    /// extract stage really hands over.
    #[test]
    fn normalize_what_the_placeholder_matches(p in placeholder(), text in value_words(), date in published()) {
        for m in placeholder_regex(p).find_iter(&text) {
            harness::normalize(p, m.as_str(), date);
        }
    }
}

proptest! {
    #![proptest_config(config(256))]

    /// English words, every placeholder, both languages.
    #[test]
    fn normalize_english_value_words(p in placeholder(), text in english_value_words(), date in published()) {
        harness::normalize(p, &text, date);
    }

    /// What an English placeholder regex matches in such words.
    #[test]
    fn normalize_what_the_english_placeholder_matches(p in placeholder(), text in english_value_words(), date in published()) {
        for m in english_regex(p).find_iter(&text) {
            harness::normalize(p, m.as_str(), date);
        }
    }
}

fn english_regex(p: Placeholder) -> &'static regex::Regex {
    static REGEXES: std::sync::OnceLock<Vec<regex::Regex>> = std::sync::OnceLock::new();
    let all = REGEXES.get_or_init(|| {
        Placeholder::ALL
            .iter()
            .map(|p| {
                regex::Regex::new(&format!("(?i){}", p.regex_in(recoupe::language::Lang::En)))
                    .expect("placeholder regex compiles")
            })
            .collect()
    });
    &all[Placeholder::ALL.iter().position(|q| *q == p).unwrap()]
}

fn placeholder_regex(p: Placeholder) -> &'static regex::Regex {
    static REGEXES: std::sync::OnceLock<Vec<regex::Regex>> = std::sync::OnceLock::new();
    let all = REGEXES.get_or_init(|| {
        Placeholder::ALL
            .iter()
            .map(|p| regex::Regex::new(&format!("(?i){}", p.regex())).expect("placeholder regex compiles"))
            .collect()
    });
    &all[Placeholder::ALL.iter().position(|q| *q == p).unwrap()]
}

/// Pieces of rule files: keys, patterns with placeholders, YAML syntax.
fn rule_piece() -> impl Strategy<Value = String> {
    const PIECES: &[&str] = &[
        "rules:",
        "\n",
        "\n  - ",
        "\n    ",
        "  ",
        "- ",
        "id: ",
        "x",
        "a-b",
        "description: ",
        "d",
        "subject: ",
        "s-{g}",
        "kind: ",
        "number",
        "duration",
        "date",
        "text",
        "patterns:",
        "examples:",
        "match:",
        "no_match:",
        "text: ",
        "value: ",
        "30",
        "[28, null]",
        "published: ",
        "{ from: \"2025-07-14\", to: \"2025-07-28\" }",
        "\"2025-02-30\"",
        "tolerance: ",
        "\"5%\"",
        "-1",
        "\"(?P<g>\\\\w+) {count}\"",
        "\"délai de {duration}\"",
        "\"{date}\"",
        "\"{gap}\"",
        "\"{number}\"",
        "\"{ordinal}\"",
        "\"(?P<value>\\\\w+)\"",
        "\"(\"",
        "\"[\"",
        "\"\\\\\"",
        "\"{bogus}\"",
        "\"{count} {count}\"",
        "\"a{1000}{1000}\"",
        "{",
        "}",
        "[",
        "]",
        "\"",
        "'",
        ": ",
        "&a ",
        "*a",
        "<<: *a",
        "!!str ",
        "? ",
        "|",
        ">",
        "\t",
        "---",
        "...",
        "#",
        "é",
        "’",
    ];
    prop_oneof![
        6 => select(PIECES).prop_map(str::to_string),
        1 => any::<String>(),
    ]
}

/// One shipped rule file with a few edits: bytes cut, inserted or replaced.
fn mutated_rule_file() -> impl Strategy<Value = (usize, String)> {
    let files = harness::shipped_rule_files().len();
    let edit = (0..3u8, any::<prop::sample::Index>(), 0..40usize, rule_piece());
    (0..files, proptest::collection::vec(edit, 1..5)).prop_map(|(file, edits)| {
        let mut text = harness::shipped_rule_files()[file].1.clone().into_bytes();
        for (op, at, len, piece) in edits {
            let at = at.index(text.len() + 1);
            let end = (at + len).min(text.len());
            match op {
                0 => drop(text.drain(at..end)),
                1 => drop(text.splice(at..at, piece.into_bytes())),
                _ => drop(text.splice(at..end, piece.into_bytes())),
            }
        }
        (file, String::from_utf8_lossy(&text).into_owned())
    })
}

proptest! {
    // Each loaded rule file compiles its patterns, which is slow in a debug
    // build: fewer cases here keep the whole file under 20 s.
    #![proptest_config(config(40))]

    /// Text made of rule-file pieces.
    #[test]
    fn rules_from_yaml_pieces(pieces in proptest::collection::vec(rule_piece(), 0..40)) {
        harness::rule_file(&pieces.concat());
    }

    /// Any string as a rule file.
    #[test]
    fn rules_from_arbitrary_strings(text in any::<String>()) {
        harness::rule_file(&text);
    }

    /// A shipped rule file, edited; one time in four loaded with a copy of
    /// itself, unedited, so that checks across files (duplicate ids, one kind
    /// per subject) run too.
    #[test]
    fn rules_from_mutated_shipped_files((file, text) in mutated_rule_file(), twice in proptest::bool::weighted(0.25)) {
        let (name, original) = &harness::shipped_rule_files()[file];
        let mut sources = vec![(name.clone(), text)];
        if twice {
            sources.push((format!("{name}.copy"), original.clone()));
        }
        harness::rule_files(sources);
    }
}

/// Found by the `rules` fuzz target in CI: a lone carriage return ends the
/// `id` line (so the rule's keys run on), and a pattern holds an invalid
/// UTF-8 byte (read as U+FFFD) and an unclosed parenthesis.
#[test]
fn rules_fuzz_crash_carriage_return_and_replacement_character() {
    harness::rules_bytes(
        b"rules:\n  - id: 4rump-deadlije-days\r    description: The deadline Trump gave Russia, in days.\n    subject: trump-deadline-to-russia-days\n    kind: duration\n    patterns:\n      - \"d\xc3\xa9\x8elai de {duration} (\xc3\xa0 la Russie\"\n",
    );
}
