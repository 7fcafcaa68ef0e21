//! The bodies shared by the fuzz targets (`fuzz/fuzz_targets/`) and the
//! property tests (`tests/properties.rs` includes this file with `#[path]`).
//!
//! Each function runs one stage of recoupe on one input and panics when an
//! invariant breaks: a panic inside recoupe, or an assertion here, is a bug.
//! The `*_bytes` functions turn raw fuzzer bytes into the typed arguments.

use recoupe::corpus::{self, line_column, Corpus, Document};
use recoupe::french::Placeholder;
use recoupe::normalize::{self, Context, NormalizeError};
use recoupe::rules::{self, RuleSet};
use recoupe::value::{date_from_day_number, Kind, Unit};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The path every fuzzed document is given.
pub const PATH: &str = "fuzz.md";

/// The shipped rule files, `(shown name, text)`, read once from `rules/`.
pub fn shipped_rule_files() -> &'static [(String, String)] {
    static FILES: OnceLock<Vec<(String, String)>> = OnceLock::new();
    FILES.get_or_init(|| {
        let dir = rules_dir();
        rules::rule_files(&dir)
            .expect("the shipped rules folder can be listed")
            .into_iter()
            .map(|p| {
                let name = p.file_name().unwrap().to_string_lossy().into_owned();
                let text = std::fs::read_to_string(&p).expect("a shipped rule file is UTF-8");
                (format!("rules/{name}"), text)
            })
            .collect()
    })
}

/// The shipped rules, compiled once.
pub fn shipped_rules() -> &'static RuleSet {
    static SET: OnceLock<RuleSet> = OnceLock::new();
    SET.get_or_init(|| rules::load_sources(shipped_rule_files().to_vec()).expect("the shipped rules are valid"))
}

/// `rules/` at the root of the repository, from the main crate or from fuzz/.
fn rules_dir() -> PathBuf {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    [here.join("rules"), here.join("../rules")]
        .into_iter()
        .find(|p| p.is_dir())
        .expect("the shipped rules/ folder")
}

/// Lines of `text` as editors count them: `\n`, `\r\n` and a lone `\r` end one.
pub fn line_count(text: &str) -> usize {
    let bytes = text.as_bytes();
    let breaks = bytes
        .iter()
        .enumerate()
        .filter(|&(i, &b)| b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')))
        .count();
    breaks + 1
}

/// Decoding and front matter, then extraction with the shipped rules,
/// comparison and both printers, on arbitrary bytes.
pub fn document(bytes: &[u8]) {
    let (doc, warnings) = corpus::parse_document(PATH.to_string(), bytes);
    for w in &warnings {
        assert_eq!(w.path, PATH);
        assert!(!w.message.trim().is_empty(), "a warning says something");
        assert_ne!(w.line, Some(0), "lines are 1-based: {w:?}");
    }
    let skipped = warnings.iter().any(|w| w.message.starts_with("skipped:"));
    let Some(doc) = doc else {
        assert!(skipped, "a file that is not read says why: {warnings:?}");
        return;
    };
    assert!(!skipped, "a file that is read is not said to be skipped: {warnings:?}");
    let text = &doc.text;
    assert!(doc.body_start <= text.len());
    assert!(text.is_char_boundary(doc.body_start));
    assert!(!text.trim().is_empty());
    assert!(!text.contains('\0'), "NUL bytes mean binary");
    assert!(!doc.meta.outlet.trim().is_empty());
    if doc.body_start > 0 {
        assert!(text.starts_with("---"), "a body after a front matter");
    }
    // Nothing lost: plain UTF-8 comes back byte for byte, but for its HTML
    // character references, decoded.
    let plain = std::str::from_utf8(bytes)
        .ok()
        .filter(|plain| !plain.starts_with('\u{feff}') && !plain.contains('\0'));
    if let Some(plain) = plain {
        match corpus::entities::decode(plain) {
            Some((decoded, _)) => assert_eq!(text, &decoded),
            None => assert_eq!(text, plain),
        }
        assert_eq!(
            matches!(doc.origin, corpus::Origin::Html(_)),
            text != plain,
            "a text with references says so"
        );
    }
    let lines = line_count(text);
    for w in &warnings {
        if let Some(line) = w.line {
            assert!(line <= lines, "warning line {line} past the last line {lines}: {w:?}");
        }
    }
    check_line_columns(text);
    check_pipeline(doc, warnings, plain);
}

/// The line and column in the file `plain` of byte `offset` of `text`, its
/// text with HTML character references decoded: the same line, and the
/// longest start of the file's line that decodes to the text's line up to
/// the offset (a reference counts as written). Found by trying every cut,
/// apart from how `corpus` keeps the places.
fn file_place(plain: &str, text: &str, offset: usize) -> (usize, usize) {
    let (line, _) = line_column(text, offset);
    let decoded_prefix = &text[text[..offset].rfind(['\n', '\r']).map_or(0, |i| i + 1)..offset];
    let mut line_start = 0;
    for _ in 1..line {
        let i = plain[line_start..].find(['\n', '\r']).expect("the file has the line") + line_start;
        line_start = i + if plain[i..].starts_with("\r\n") { 2 } else { 1 };
    }
    let rest = &plain[line_start..];
    let cut = (0..=rest.len())
        .filter(|&k| rest.is_char_boundary(k))
        .filter(|&k| {
            corpus::entities::decode(&rest[..k])
                .map_or_else(|| &rest[..k] == decoded_prefix, |(d, _)| d == decoded_prefix)
        })
        .max()
        .expect("some start of the line decodes to the prefix");
    (line, rest[..cut].chars().count() + 1)
}

/// `line_column` is 1-based, within the text and strictly increasing.
fn check_line_columns(text: &str) {
    let lines = line_count(text);
    let offsets: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
    // Every offset of a short text, a sample of a long one (it is quadratic).
    let step = (offsets.len() / 64).max(1);
    let mut previous = None;
    for &offset in offsets.iter().step_by(step) {
        let (line, column) = line_column(text, offset);
        assert!(
            line >= 1 && column >= 1 && line <= lines,
            "{offset}: ({line}, {column})"
        );
        if let Some(p) = previous {
            assert!((line, column) > p, "positions go forward at {offset}");
        }
        previous = Some((line, column));
    }
}

/// Extraction, comparison and printing of one document with the shipped rules.
fn check_pipeline(doc: Document, warnings: Vec<corpus::Warning>, plain: Option<&str>) {
    let text = doc.text.clone();
    let body_start = doc.body_start;
    let doc_origin = doc.origin.clone();
    let report = recoupe::check(
        Corpus {
            documents: vec![doc],
            warnings,
        },
        shipped_rules(),
        &recoupe::Scope::default(),
    );
    for claim in &report.claims {
        let span = claim.span;
        let (start, end) = (span.start as usize, span.end as usize);
        assert!(start <= end && end <= text.len(), "{claim:?}");
        assert!(start >= body_start, "claims come from the body");
        assert_eq!(text.get(start..end), Some(claim.quote()));
        let place = (span.line as usize, span.column as usize);
        match (&doc_origin, plain) {
            (corpus::Origin::Html(_), Some(plain)) => assert_eq!(file_place(plain, &text, start), place),
            // References in a file that is not UTF-8: the same line, and a
            // column that the references before it can only move right.
            (corpus::Origin::Html(_), None) => {
                let (line, column) = line_column(&text, start);
                assert!(line == place.0 && column <= place.1, "{place:?}");
            }
            _ => assert_eq!(line_column(&text, start), place),
        }
        let value = claim.value_span;
        assert!(
            span.start <= value.start && value.end <= span.end,
            "the value is inside the match"
        );
        assert_eq!(
            Some(claim.words()),
            text.get(value.start as usize..value.end as usize).map(str::trim),
            "a claim's words are its value span's"
        );
        check_value(&claim.value, claim.words(), None);
    }
    let json = recoupe::report::json::render(&report);
    let parsed: serde_json::Value = serde_json::from_str(&json).expect("the JSON report parses");
    assert_eq!(parsed["claims"].as_array().map(Vec::len), Some(report.claims.len()));
    let _ = recoupe::report::human::render(&report, Default::default());
}

/// Any bytes as a JSON Lines file: lines, records, then extraction with the
/// shipped rules, comparison and both printers.
pub fn json_lines(bytes: &[u8]) {
    use corpus::json_lines::{parse_record, Lines, Problems};
    let lines = line_count(&String::from_utf8_lossy(bytes)).max(1);
    let mut documents = Vec::new();
    let mut problems = Problems::default();
    let mut previous = 0;
    for item in Lines::new(bytes, 512) {
        match item {
            Ok(line) => {
                assert!(line.number > previous && line.number <= lines, "line {}", line.number);
                previous = line.number;
                let number = line.number;
                let (doc, found) = parse_record(PATH, line);
                for p in found {
                    assert_eq!(p.line, number);
                    problems.add(p);
                }
                if let Some(doc) = doc {
                    let record = doc.record().expect("a document from a record");
                    assert_eq!(record.line, number);
                    assert!(!doc.text.trim().is_empty());
                    // Positions go forward on the record's line, or on a
                    // later one after lone carriage returns.
                    let mut before = (number, 0);
                    for offset in doc.text.char_indices().map(|(i, _)| i).chain([doc.text.len()]) {
                        let at = doc.line_column(offset);
                        assert!(at > before && at.0 <= lines, "{offset}: {at:?} after {before:?}");
                        before = at;
                    }
                    documents.push(doc);
                }
            }
            Err(p) => {
                assert!(p.line >= 1 && p.line <= lines, "{p:?}");
                problems.add(p);
            }
        }
    }
    let warnings = problems.into_warnings(PATH);
    for w in &warnings {
        assert!(!w.message.trim().is_empty());
    }
    let report = recoupe::check(
        Corpus { documents, warnings },
        shipped_rules(),
        &recoupe::Scope::default(),
    );
    for claim in &report.claims {
        let (span, value) = (claim.span, claim.value_span);
        assert!((span.line, span.column) < (span.end_line, span.end_column), "{claim:?}");
        assert!((span.line, span.column) <= (value.line, value.column), "{claim:?}");
        assert!(
            (value.end_line, value.end_column) <= (span.end_line, span.end_column),
            "{claim:?}"
        );
    }
    let json = recoupe::report::json::render(&report);
    let _: serde_json::Value = serde_json::from_str(&json).expect("the JSON report parses");
    let _ = recoupe::report::human::render(&report, Default::default());
}

/// A text written as the `text` of a JSON Lines record, each character in
/// the way `styles` picks (as is, a short escape, `\uXXXX` in either case, a
/// surrogate pair), after `before` (white space, perhaps a lone `\r`): every
/// offset of the decoded text must map to the line and column where its
/// character is written. The expected places are counted here, as the line
/// is built, not by recoupe.
pub fn json_record_columns(text: &str, styles: &[u8], before: &str) {
    let mut raw = String::from("{\"outlet\": \"X\", \"published\": \"2025-07-22\",");
    raw.push_str(before);
    raw.push_str("\"text\": \"");
    let place = |raw: &str| {
        let line = 1 + raw.matches('\r').count();
        let column = raw.rsplit('\r').next().unwrap_or(raw).chars().count() + 1;
        (line, column)
    };
    let mut expected = Vec::new();
    for (i, (offset, c)) in text.char_indices().enumerate() {
        expected.push((offset, place(&raw)));
        let style = styles.get(i % styles.len().max(1)).copied().unwrap_or(0) % 4;
        let short = match c {
            '"' => Some("\\\""),
            '\\' => Some("\\\\"),
            '/' => Some("\\/"),
            '\u{8}' => Some("\\b"),
            '\u{c}' => Some("\\f"),
            '\n' => Some("\\n"),
            '\r' => Some("\\r"),
            '\t' => Some("\\t"),
            _ => None,
        };
        let must_escape = matches!(c, '"' | '\\') || c < ' ';
        let hex = |raw: &mut String, upper: bool| {
            for unit in c.encode_utf16(&mut [0; 2]) {
                match upper {
                    true => raw.push_str(&format!("\\u{unit:04X}")),
                    false => raw.push_str(&format!("\\u{unit:04x}")),
                }
            }
        };
        match (style, short) {
            (0, _) if !must_escape => raw.push(c),
            (1, Some(escape)) => raw.push_str(escape),
            (3, _) => hex(&mut raw, true),
            _ => hex(&mut raw, false),
        }
    }
    expected.push((text.len(), place(&raw)));
    raw.push_str("\"}");
    let line = corpus::json_lines::RawLine {
        number: 1,
        bytes: raw.clone().into_bytes(),
    };
    let (doc, problems) = corpus::json_lines::parse_record(PATH, line);
    if text.trim().is_empty() {
        assert!(doc.is_none(), "{raw}: an empty text is skipped");
        return;
    }
    assert!(problems.is_empty(), "{raw}: {problems:?}");
    let doc = doc.expect("a record with a text is read");
    assert_eq!(doc.text, text, "{raw}");
    for (offset, place) in expected {
        assert_eq!(doc.line_column(offset), place, "{raw} at {offset}");
    }
}

/// Reads fuzzer bytes as `(placeholder, publication date, text)` and
/// normalises.
pub fn normalize_bytes(bytes: &[u8]) {
    let Some((&selector, rest)) = bytes.split_first() else {
        return;
    };
    let placeholder = Placeholder::ALL[usize::from(selector) % Placeholder::ALL.len()];
    // Publication dates of this era: a date relative to 9999-12-31 can fall
    // outside the calendar (a known finding, see docs/robustness.md).
    let published = match selector / 8 % 4 {
        0 => None,
        1 => Some("2025-07-22"),
        2 => Some("2024-02-29"),
        _ => Some("1900-01-01"),
    };
    normalize(placeholder, &String::from_utf8_lossy(rest), published);
}

/// The normaliser on any text: a value or a reason, never a panic, and a
/// value that makes sense for its kind.
pub fn normalize(placeholder: Placeholder, text: &str, published: Option<&str>) {
    let published = published.and_then(corpus::parse_iso_date);
    for lang in recoupe::language::Lang::ALL {
        let ctx = Context {
            published,
            around: text,
            lang,
        };
        normalize_in(placeholder, text, ctx);
    }
}

fn normalize_in(placeholder: Placeholder, text: &str, ctx: Context) {
    let result = normalize::normalize(placeholder, text, &ctx);
    assert_eq!(result, normalize::normalize(placeholder, text, &ctx), "deterministic");
    match result {
        Ok(value) => {
            assert_eq!(value.kind, placeholder.kind(), "{text:?}");
            check_value(&value, text.trim(), Some(placeholder));
        }
        Err(NormalizeError::Unresolved(reason)) => assert!(!reason.trim().is_empty()),
        // Only a date can fall outside the calendar.
        Err(NormalizeError::OutOfCalendar) => assert_eq!(placeholder, Placeholder::Date, "{text:?}"),
        Err(NormalizeError::NoValue) => {}
    }
}

/// What every value must satisfy, whatever the words.
fn check_value(value: &recoupe::value::Value, text: &str, placeholder: Option<Placeholder>) {
    let Some(r) = value.range() else {
        assert_eq!(value.kind, Kind::Text);
        return;
    };
    assert!(!r.lo.is_nan() && !r.hi.is_nan(), "{text:?}: {r:?}");
    assert!(r.lo <= r.hi, "{text:?}: lo > hi in {r:?}");
    assert!(
        r.lo < r.hi || (!r.lo_open && !r.hi_open),
        "{text:?}: an empty interval {r:?}"
    );
    assert!(r.lo < f64::INFINITY && r.hi > f64::NEG_INFINITY, "{text:?}: {r:?}");
    match value.kind {
        Kind::Duration => {
            assert_eq!(value.unit, Some(Unit::Day), "{text:?}");
            assert!(r.lo >= 0.0, "{text:?}: a negative duration {r:?}");
        }
        Kind::Date => {
            for end in [r.lo, r.hi] {
                if end.is_finite() {
                    assert_eq!(end.fract(), 0.0, "{text:?}: dates are whole days {r:?}");
                    assert!(
                        date_from_day_number(end as i32).is_some(),
                        "{text:?}: day {end} is not a calendar date"
                    );
                }
            }
        }
        Kind::Number | Kind::Text => {}
    }
    if placeholder == Some(Placeholder::Count) {
        assert!(r.lo >= 0.0, "{text:?}: a negative count {r:?}");
    }
    // The printers accept any value.
    let _ = recoupe::report::json::value(value, text);
    let _ = recoupe::report::describe_value(value);
}

/// The rule loader on arbitrary bytes (read as UTF-8, lossily).
pub fn rules_bytes(bytes: &[u8]) {
    rule_file(&String::from_utf8_lossy(bytes));
}

/// One rule file, alone.
pub fn rule_file(text: &str) {
    rule_files(vec![("fuzz.yaml".to_string(), text.to_string())]);
}

/// The rule loader on any rule files: valid rules that run, or diagnostics
/// that point inside their file and render; never a panic.
pub fn rule_files(sources: Vec<(String, String)>) {
    match rules::load_sources(sources) {
        Ok(set) => {
            let mut ids: Vec<&str> = set.rules.iter().map(|r| r.id.as_str()).collect();
            ids.sort_unstable();
            let count = ids.len();
            ids.dedup();
            assert_eq!(ids.len(), count, "rule ids are unique");
            for rule in &set.rules {
                assert!(
                    !rule.patterns.is_empty() || rule.frame.is_some(),
                    "{}: a rule has patterns or a frame",
                    rule.id
                );
                assert!(rule.line >= 1);
                // Run the rule on a text that the shipped rules read, as
                // `rules test` and `check` would.
                for sample in SAMPLES {
                    for value in recoupe::extract::extract_text(
                        rule,
                        sample,
                        corpus::parse_iso_date("2025-07-22"),
                        recoupe::language::french_or_english(sample),
                    )
                    .into_iter()
                    .flatten()
                    {
                        check_value(&value, sample, None);
                    }
                }
            }
            let results = recoupe::rule_examples::run(&set, None);
            let _ = recoupe::rule_examples::render(&results);
        }
        Err(errors) => {
            assert!(!errors.diagnostics.is_empty(), "an error says what is wrong");
            for d in &errors.diagnostics {
                assert!(!d.message.trim().is_empty());
                if !d.source.is_empty() {
                    assert!(d.offset <= d.source.len(), "{d:?}");
                    assert!(d.source.is_char_boundary(d.offset), "{d:?}");
                    assert!(
                        d.offset + d.len <= d.source.len(),
                        "the span ends inside the file: {d:?}"
                    );
                }
                let (line, column) = d.line_column();
                assert!(line >= 1 && column >= 1);
            }
            let (mut out, mut err) = (Vec::new(), Vec::new());
            let mut io = recoupe::app::Output {
                out: &mut out,
                err: &mut err,
                err_color: false,
                stdin: &mut std::io::empty(),
            };
            recoupe::app::print_rule_errors(&errors, &mut io);
            assert!(!err.is_empty());
        }
    }
}

/// Texts that rules are run on after they load.
pub const SAMPLES: &[&str] = &[
    "Kiev insiste aussi, de concert avec ses alliés européens, sur la nécessité d'un cessez-le-feu de 30 jours, auquel se refuse Moscou.",
    "Donald Trump a donné un délai de 50 jours à la Russie. Les pourparlers reprendront mercredi 23 juillet à Istanbul, où au moins 1 000 prisonniers seront échangés.",
];
