//! Reading an article's YAML front matter into its metadata, with a warning per problem.

use super::{parse_published, Metadata, OutletSource};
use crate::language::LangSource;
use std::borrow::Cow;
use std::collections::HashMap;

pub(super) struct FrontMatter {
    pub(super) meta: Metadata,
    pub(super) body_start: usize,
    /// (line, message) pairs, line 1-based in the file.
    pub(super) problems: Vec<(Option<usize>, String)>,
}

/// The keys a front matter may hold.
pub const FRONT_MATTER_KEYS: &[&str] = &["outlet", "published", "lang", "title", "url", "recoupe"];

/// Reads a YAML front matter delimited by `---` lines at the top of the file.
/// Whatever is wrong in it is reported and the rest is kept. Lines end at
/// `\n`, `\r\n` or a lone `\r`, as in [`line_column`](super::line_column).
pub(super) fn read_front_matter(text: &str) -> FrontMatter {
    let mut meta = Metadata::default();
    let mut problems = Vec::new();
    let content = |l: &Line| &text[l.start..l.end];
    // The lines up to the closing `---` only: the body's are not needed.
    let mut lines: Vec<Line> = Vec::new();
    for line in self::lines(text) {
        let marker = matches!(content(&line).trim_end(), "---" | "...");
        let first = lines.is_empty();
        lines.push(line);
        if first != marker {
            break;
        }
    }
    if lines.first().map(|l| content(l).trim_end()) != Some("---") {
        problems.push((
            None,
            "no front matter: outlet is `unknown` and relative dates are read against a date in the text, if any (add `---` lines with outlet, published, lang, title)".into(),
        ));
        return FrontMatter {
            meta,
            body_start: 0,
            problems,
        };
    }
    // The closing `---` (or `...`) line.
    let Some(close) = (1..lines.len()).find(|&i| matches!(content(&lines[i]).trim_end(), "---" | "...")) else {
        problems.push((
            Some(1),
            "front matter is not closed by a `---` line: the whole file is read as the article".into(),
        ));
        return FrontMatter {
            meta,
            body_start: 0,
            problems,
        };
    };
    let body_start = lines[close].next;
    let yaml = &text[lines[0].next..lines[close].start];
    // Line `i` of `lines` is line `i + 1` of the file.
    // The line of each top-level key, found once and only when a problem
    // names one (most front matters have none): looking each key up in
    // every line made a front matter of many keys quadratic.
    let key_lines: std::cell::OnceCell<HashMap<&str, usize>> = std::cell::OnceCell::new();
    let line_of = |key: &str| -> Option<usize> {
        let key_lines = key_lines.get_or_init(|| {
            let mut key_lines = HashMap::new();
            for (i, l) in lines.iter().enumerate().take(close).skip(1) {
                let raw = content(l);
                if raw.starts_with([' ', '\t', '#', '-']) {
                    continue;
                }
                if let Some((key, _)) = raw.split_once(':') {
                    let key = key.trim().trim_matches(['"', '\'']);
                    key_lines.entry(key).or_insert(i + 1);
                }
            }
            key_lines
        });
        key_lines.get(key).copied()
    };
    // libyaml's scanner is quadratic in nested flow collections (a front
    // matter of 200 KB of `[` took 73 s): too deep or too large, the front
    // matter is not parsed, and the article is read without it.
    if yaml.len() > MAX_FRONT_MATTER {
        problems.push((
            Some(1),
            format!(
                "front matter is {} bytes, over the limit of {MAX_FRONT_MATTER}: ignored (outlet `unknown`, no date)",
                yaml.len()
            ),
        ));
        return FrontMatter {
            meta,
            body_start,
            problems,
        };
    }
    if flow_depth(yaml) > MAX_FLOW_DEPTH {
        problems.push((
            Some(1),
            format!("front matter nests brackets more than {MAX_FLOW_DEPTH} deep: ignored (outlet `unknown`, no date)"),
        ));
        return FrontMatter {
            meta,
            body_start,
            problems,
        };
    }
    // The front matter most articles have is read without a YAML parser,
    // borrowing its words; anything else goes through serde_yaml.
    let simple = simple_fields(yaml);
    let parsed = match simple {
        Some(_) => Ok(None),
        None => serde_yaml::from_str::<Option<serde_yaml::Mapping>>(yaml),
    };
    let mapping: serde_yaml::Mapping = match parsed {
        Ok(m) => m.unwrap_or_default(),
        Err(e) => {
            // serde_yaml counts lines from the start of the front matter, which
            // is line 2 of the file.
            let line = e.location().map(|l| l.line() + 1);
            let message = shift_yaml_lines(first_sentence(&e.to_string()), 1);
            // Keep what can be kept: each top-level `key: value` line that
            // reads on its own.
            let mut salvaged = serde_yaml::Mapping::new();
            for i in 1..close {
                let raw = content(&lines[i]);
                let continued = lines
                    .get(i + 1)
                    .filter(|_| i + 1 < close)
                    .is_some_and(|next| content(next).starts_with([' ', '\t']));
                if raw.starts_with([' ', '\t', '#', '-']) || !raw.contains(':') || continued {
                    continue;
                }
                if let Ok(serde_yaml::Value::Mapping(m)) = serde_yaml::from_str::<serde_yaml::Value>(raw) {
                    for (k, v) in m {
                        if !salvaged.contains_key(&k) {
                            salvaged.insert(k, v);
                        }
                    }
                }
            }
            let kept: Vec<&str> = salvaged.keys().filter_map(|k| k.as_str()).collect();
            let outcome = if kept.is_empty() {
                "nothing in it is used".to_string()
            } else {
                format!("kept the lines that read on their own: {}", kept.join(", "))
            };
            problems.push((line, format!("front matter is not valid YAML: {message}; {outcome}")));
            salvaged
        }
    };
    let fields: Vec<(Option<&str>, Field)> = match &simple {
        Some(pairs) => pairs.iter().map(|&(k, v)| (Some(k), Field::Text(v.into()))).collect(),
        None => mapping.iter().map(|(k, v)| (k.as_str(), Field::of(v))).collect(),
    };
    let mut unknown_keys = 0usize;
    for (key, value) in fields {
        let Some(key) = key else {
            problems.push((Some(1), "front matter has a key that is not a string".into()));
            continue;
        };
        if key == "recoupe" {
            // recoupe's own settings for this article: `{ ignore: [SUBJECT] }`.
            let subjects: Option<Vec<String>> = match value {
                Field::Value(value) if value.as_mapping().is_some_and(|m| m.len() == 1) => {
                    let ignore = value.get("ignore").and_then(|v| v.as_sequence());
                    ignore.map(|list| list.iter().filter_map(|v| v.as_str().map(str::to_string)).collect())
                }
                _ => None,
            };
            match subjects {
                Some(subjects) => {
                    meta.ignore = subjects;
                    meta.ignore_line = line_of(key);
                }
                None => problems.push((
                    line_of(key),
                    "front matter `recoupe` should be `{ ignore: [SUBJECT, ...] }`: ignored".into(),
                )),
            }
            continue;
        }
        let text_value = match value {
            Field::Text(text) => Some(text),
            Field::Null => None,
            Field::Value(_) => {
                problems.push((line_of(key), format!("front matter `{key}` should be a single value")));
                continue;
            }
        };
        match key {
            "outlet" => match text_value {
                Some(v) if !v.trim().is_empty() => {
                    meta.outlet = v.trim().to_string();
                    meta.outlet_source = OutletSource::FrontMatter;
                }
                _ => problems.push((line_of(key), "front matter `outlet` is empty: using `unknown`".into())),
            },
            "published" => match text_value.as_deref().map(str::trim) {
                Some(v) => match parse_published(v) {
                    Some((d, at)) => {
                        meta.published = Some(d);
                        meta.published_at = at;
                    }
                    None => problems.push((
                        line_of(key),
                        format!("front matter `published: {v}` is not a real date (YYYY-MM-DD) nor a date and time with its offset (2025-07-22T09:30:00+02:00): relative dates are read against the URL or the text instead"),
                    )),
                },
                None => problems.push((line_of(key), "front matter `published` is empty".into())),
            },
            "lang" => {
                if let Some(v) = text_value {
                    meta.lang = v.trim().to_string();
                    meta.lang_source = LangSource::FrontMatter;
                }
            }
            "title" => meta.title = text_value.map(Cow::into_owned),
            "url" => meta.url = text_value.map(Cow::into_owned),
            other => {
                unknown_keys += 1;
                if unknown_keys <= MAX_KEY_WARNINGS {
                    problems.push((
                        line_of(other),
                        format!(
                            "front matter key `{other}` is unknown and ignored (known keys: {})",
                            FRONT_MATTER_KEYS.join(", ")
                        ),
                    ));
                }
            }
        }
    }
    if unknown_keys > MAX_KEY_WARNINGS {
        problems.push((
            Some(1),
            format!(
                "{} more unknown front matter keys are ignored (one warning each for the first {MAX_KEY_WARNINGS})",
                unknown_keys - MAX_KEY_WARNINGS
            ),
        ));
    }
    FrontMatter {
        meta,
        body_start,
        problems,
    }
}

/// A front matter larger than this is not parsed: metadata is a few lines.
const MAX_FRONT_MATTER: usize = 256 * 1024;
/// Flow collections (`[`, `{`) nested deeper than this are not parsed.
const MAX_FLOW_DEPTH: usize = 64;
/// Unknown keys of one front matter warned about one by one; the rest are
/// counted in one warning.
const MAX_KEY_WARNINGS: usize = 20;

/// How deep `[` and `{` nest in YAML text, outside quoted strings (roughly:
/// enough to refuse what would make the parser crawl).
pub(crate) fn flow_depth(yaml: &str) -> usize {
    // Bytes, not characters: every mark looked at is ASCII, and no byte of
    // a multi-byte character is.
    let (mut depth, mut deepest, mut quote) = (0usize, 0usize, None::<u8>);
    for c in yaml.bytes() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(c),
            (None, b'[' | b'{') => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            (None, b']' | b'}') => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

/// The front matter most articles have, read without a YAML parser: one
/// `key: value` per line, each value a string YAML reads as written (plain
/// text that starts with a letter, a date or timestamp, or a quoted string
/// without escapes). `None` for anything else, which serde_yaml then reads:
/// the result is the mapping serde_yaml would give (checked by a property
/// test), only faster (libyaml was an eighth of the time of a run over ordinary
/// news), and its words are borrowed from the text (building a
/// `serde_yaml::Mapping` of owned strings was a tenth of a run over news
/// that states no claim).
fn simple_fields(yaml: &str) -> Option<Vec<(&str, &str)>> {
    let mut fields: Vec<(&str, &str)> = Vec::new();
    for line in yaml.split('\n') {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() {
            // Whitespace-only lines other than spaces (a tab, a form feed)
            // are YAML's to judge.
            if line.bytes().all(|b| b == b' ') {
                continue;
            }
            return None;
        }
        let (key, value) = line.split_once(": ")?;
        let simple_key = key.bytes().next().is_some_and(|b| b.is_ascii_alphabetic() || b == b'_')
            && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
        // serde_yaml refuses a repeated key: its message is wanted. (Many
        // keys are left to it too, so that this check stays short.)
        if !simple_key || fields.len() >= MAX_SIMPLE_KEYS || fields.iter().any(|&(k, _)| k == key) {
            return None;
        }
        fields.push((key, simple_scalar(value.trim_matches(' '))?));
    }
    Some(fields)
}

/// Front matters with more keys than this are read by serde_yaml.
const MAX_SIMPLE_KEYS: usize = 32;

/// A front matter value, as the reader uses it.
enum Field<'a> {
    /// A string, a number or a boolean, as text.
    Text(Cow<'a, str>),
    Null,
    /// A sequence or a mapping (only `recoupe` takes one).
    Value(&'a serde_yaml::Value),
}

impl<'a> Field<'a> {
    fn of(value: &'a serde_yaml::Value) -> Field<'a> {
        match value {
            serde_yaml::Value::String(s) => Field::Text(s.as_str().into()),
            serde_yaml::Value::Number(n) => Field::Text(n.to_string().into()),
            serde_yaml::Value::Bool(b) => Field::Text(b.to_string().into()),
            serde_yaml::Value::Null => Field::Null,
            other => Field::Value(other),
        }
    }
}

/// A scalar YAML reads as the very string written: quoted without escapes
/// or inner quotes, a date or timestamp, or plain text that starts with a
/// letter, holds none of YAML's marks and is no null or boolean word.
fn simple_scalar(value: &str) -> Option<&str> {
    if let Some(inner) = value.strip_prefix('"').and_then(|v| v.strip_suffix('"')) {
        return (!inner.contains(['"', '\\'])).then_some(inner);
    }
    if let Some(inner) = value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')) {
        return (!inner.contains('\'')).then_some(inner);
    }
    let bytes = value.as_bytes();
    let date = bytes.len() >= 10
        && bytes[..10].iter().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                *b == b'-'
            } else {
                b.is_ascii_digit()
            }
        })
        && bytes[10..]
            .iter()
            .all(|b| b.is_ascii_digit() || matches!(b, b':' | b'T' | b'Z' | b'+' | b'-' | b'.'))
        // `2025-07-21:` is no timestamp (YAML refuses it): a timestamp ends
        // with a digit or `Z`.
        && bytes.last().is_some_and(|b| b.is_ascii_digit() || *b == b'Z');
    if date {
        return Some(value);
    }
    let first = value.chars().next()?;
    let plain = first.is_alphabetic()
        && !value.contains([
            ':', '#', '[', ']', '{', '}', '"', '\t', '&', '*', '!', '|', '>', '%', '@', '`', '\\',
        ])
        && !value.chars().any(char::is_control)
        && !matches!(
            value.to_ascii_lowercase().as_str(),
            "null" | "true" | "false" | "yes" | "no" | "on" | "off" | "y" | "n" | "nan" | "inf" | "infinity"
        );
    plain.then_some(value)
}

/// Adds `by` to every `line N` of a serde_yaml message, so that it names lines
/// of the file rather than of the front matter alone.
fn shift_yaml_lines(message: &str, by: usize) -> String {
    static LINE: std::sync::LazyLock<regex::Regex> =
        std::sync::LazyLock::new(|| regex::Regex::new(r"\bline (\d+)").expect("a valid regex"));
    LINE.replace_all(message, |caps: &regex::Captures| match caps[1].parse::<usize>() {
        Ok(n) => format!("line {}", n.saturating_add(by)),
        Err(_) => caps[0].to_string(),
    })
    .into_owned()
}

/// A line of a text: where it starts, where its content ends (before the line
/// ending) and where the next line starts.
struct Line {
    start: usize,
    end: usize,
    next: usize,
}

/// The lines of `text`, ended by `\n`, `\r\n` or a lone `\r`.
fn lines(text: &str) -> impl Iterator<Item = Line> + '_ {
    let bytes = text.as_bytes();
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= bytes.len() {
            return None;
        }
        let end = bytes[start..]
            .iter()
            .position(|&b| b == b'\n' || b == b'\r')
            .map_or(bytes.len(), |i| start + i);
        let next = match bytes.get(end) {
            Some(b'\r') if bytes.get(end + 1) == Some(&b'\n') => end + 2,
            Some(_) => end + 1,
            None => end,
        };
        let line = Line { start, end, next };
        start = next;
        Some(line)
    })
}

fn first_sentence(message: &str) -> &str {
    message.lines().next().unwrap_or(message)
}

#[cfg(test)]
mod tests {
    use super::simple_fields;
    use proptest::prelude::*;

    /// The fast reader's fields as the mapping serde_yaml gives.
    fn simple_mapping(yaml: &str) -> Option<serde_yaml::Mapping> {
        let fields = simple_fields(yaml)?;
        Some(
            fields
                .into_iter()
                .map(|(k, v)| (serde_yaml::Value::from(k), serde_yaml::Value::from(v)))
                .collect(),
        )
    }

    fn by_serde_yaml(yaml: &str) -> Option<serde_yaml::Mapping> {
        serde_yaml::from_str::<Option<serde_yaml::Mapping>>(yaml)
            .ok()
            .map(Option::unwrap_or_default)
    }

    #[test]
    fn ordinary_front_matters_read_as_serde_yaml_reads_them() {
        for yaml in [
            "outlet: AFP\npublished: 2025-07-21\nlang: fr\ntitle: \"Pourparlers d'Istanbul, dépêche 42\"\n",
            "outlet: L'Express\npublished: 2025-07-21T14:05:00+02:00\ntitle: Trump, Poutine et le délai\n",
            "outlet: 'Le Monde'\r\nurl: 'https://example.org/a'\r\n",
            "title: Kyiv  \n\n   \nlang: en\n",
            "title: it's 'quoted', he said\n",
            "",
        ] {
            let fast = simple_mapping(yaml);
            assert!(fast.is_some(), "read without YAML: {yaml:?}");
            assert_eq!(fast, by_serde_yaml(yaml), "{yaml:?}");
        }
    }

    #[test]
    fn anything_else_is_left_to_serde_yaml() {
        for yaml in [
            "title: true\n",
            "title: 42\n",
            "title: ~\n",
            "title: null\n",
            "title: inf\n",
            "url: https://example.org\n",
            "title: \"a \\\"b\\\" c\"\n",
            "title: 'it''s'\n",
            "title: a # comment\n",
            "title: [a, b]\n",
            "title: >\n  folded\n",
            "recoupe:\n  ignore: [x]\n",
            "outlet: AFP\noutlet: Reuters\n",
            "\"outlet\": AFP\n",
            "title: a\n\tb\n",
            "outlet: 2025-07-21:\n",
        ] {
            assert_eq!(simple_mapping(yaml), None, "{yaml:?}");
        }
    }

    #[test]
    fn a_front_matter_of_many_keys_is_left_to_serde_yaml() {
        // The repeated-key check of the fast reader compares each key with
        // the ones before: past a few dozen keys serde_yaml reads instead.
        let many: String = (0..40).map(|i| format!("key{i}: value\n")).collect();
        assert_eq!(simple_fields(&many), None);
        let few: String = (0..30).map(|i| format!("key{i}: value\n")).collect();
        assert_eq!(simple_mapping(&few), by_serde_yaml(&few));
    }

    /// Lines of keys and values from YAML's awkward corners.
    fn line() -> impl Strategy<Value = String> {
        let key = prop::sample::select(vec!["outlet", "title", "lang", "url", "published", "x-y", "_k", "a1"]);
        let value = prop::collection::vec(
            prop::sample::select(vec![
                "AFP",
                "Le",
                "Monde",
                "l'été",
                "Été",
                "2025-07-21",
                "14:05",
                "T",
                "+02:00",
                "#",
                " ",
                ",",
                ":",
                "\"",
                "'",
                "[",
                "]",
                "{",
                "}",
                "-",
                "?",
                "!",
                "&",
                "*",
                "|",
                ">",
                "%",
                "@",
                "`",
                "\\",
                "true",
                "null",
                "~",
                "42",
                "1e3",
                "0x1F",
                ".inf",
                "nan",
                "yes",
                "Inf",
                "infinity",
                "\t",
            ]),
            0..6,
        )
        .prop_map(|parts| parts.concat());
        (key, value, prop::sample::select(vec!["", " ", "  "])).prop_map(|(k, v, pad)| format!("{k}:{pad} {v}"))
    }

    proptest! {
        // A fixed seed: the same 4,000 cases on every run, so that a CI run
        // passes or fails for its code, not its luck. (A random run found
        // `outlet: 2025-07-21:`, now a case of its own below.)
        #![proptest_config(ProptestConfig {
            cases: 4000,
            failure_persistence: None,
            rng_algorithm: proptest::test_runner::RngAlgorithm::ChaCha,
            rng_seed: proptest::test_runner::RngSeed::Fixed(0x0072_6563_6f75_7065),
            ..ProptestConfig::default()
        })]
        /// Whenever the fast reader answers, serde_yaml gives the same
        /// mapping.
        #[test]
        fn the_fast_reader_agrees_with_serde_yaml(lines in prop::collection::vec(line(), 0..5)) {
            let yaml = lines.join("\n");
            if let Some(fast) = simple_mapping(&yaml) {
                prop_assert_eq!(Some(fast), by_serde_yaml(&yaml), "{:?}", yaml);
            }
        }
    }
}
