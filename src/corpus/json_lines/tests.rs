//! Unit tests of the JSON Lines reader.

use super::problems::Repeat;
use super::*;
use crate::corpus::{Document, Origin};
use std::io::Read;

fn record(line: &str) -> (Option<Document>, Vec<Problem>) {
    parse_record(
        "a.jsonl",
        RawLine {
            number: 7,
            bytes: line.as_bytes().to_vec(),
        },
    )
}

/// Where, in characters of the raw line, `raw_needle` starts (1-based).
fn raw_column(line: &str, raw_needle: &str) -> usize {
    line[..line.find(raw_needle).expect("the needle is in the line")]
        .chars()
        .count()
        + 1
}

#[test]
fn a_record_gives_a_document_with_its_metadata() {
    let (doc, problems) = record(
        r#"{"outlet": "AFP", "published": "2025-07-22", "lang": "fr", "title": "T", "text": "Corps.", "id": 42, "url": "https://x"}"#,
    );
    assert!(problems.is_empty(), "{problems:?}");
    let doc = doc.unwrap();
    assert_eq!(doc.meta.outlet, "AFP");
    assert_eq!(doc.meta.published, Some(jiff::civil::Date::constant(2025, 7, 22)));
    assert_eq!(doc.meta.title.as_deref(), Some("T"));
    assert_eq!(doc.meta.url.as_deref(), Some("https://x"));
    assert_eq!(doc.text, "Corps.");
    assert_eq!(doc.body_start, 0);
    let Origin::Record(r) = &doc.origin else {
        panic!("a record")
    };
    assert_eq!((r.line, r.id.as_deref()), (7, Some("42")));
}

#[test]
fn columns_count_raw_characters_through_every_kind_of_escape() {
    let line = r#"{"outlet":"é","text":"a\"b\u00e9\n\ud83d\udcf0 é \\ d\u00e9lai de 50 jours"}"#;
    let (doc, _) = record(line);
    let doc = doc.unwrap();
    assert_eq!(doc.text, "a\"bé\n📰 é \\ délai de 50 jours");
    let at = |needle: &str| doc.line_column(doc.text.find(needle).unwrap());
    assert_eq!(at("a\""), (7, raw_column(line, r#"a\"b"#)));
    assert_eq!(at("b"), (7, raw_column(line, r#"b\u00e9"#)));
    assert_eq!(at("é\n"), (7, raw_column(line, r#"\u00e9\n"#)));
    assert_eq!(at("\n"), (7, raw_column(line, r#"\n\ud83d"#)));
    assert_eq!(at("📰"), (7, raw_column(line, r#"\ud83d"#)));
    assert_eq!(at(" é "), (7, raw_column(line, r#" é \\"#)));
    assert_eq!(at("délai"), (7, raw_column(line, r#"d\u00e9lai"#)));
    assert_eq!(at("50"), (7, raw_column(line, "50")));
    // The end of the text: just before the closing quote.
    assert_eq!(doc.line_column(doc.text.len()), (7, raw_column(line, "\"}")));
}

#[test]
fn a_lone_carriage_return_before_the_text_moves_it_to_the_next_line() {
    let line = "{\"outlet\":\"X\",\r  \"text\":\"abc\"}";
    let (doc, _) = record(line);
    assert_eq!(doc.unwrap().line_column(0), (8, 11));
}

#[test]
fn bad_records_are_skipped_with_a_reason() {
    let cases = [
        (
            r#"{"outlet": "X", "text": "a""#,
            "not valid JSON at column 27: EOF while parsing an object",
        ),
        (
            r#"{"outlet": "é", "text" "a"}"#,
            "not valid JSON at column 24: expected `:`",
        ),
        (r#"["a"]"#, "not a JSON object"),
        (r#"{"outlet": "X", "published": "2025-07-22"}"#, "skipped: no `text`"),
        (r#"{"outlet": "X", "text": 12}"#, "`text` is not a string"),
        (r#"{"outlet": "X", "text": " \n "}"#, "`text` is empty"),
    ];
    for (line, needle) in cases {
        let (doc, problems) = record(line);
        assert!(doc.is_none(), "{line}");
        assert!(
            problems
                .iter()
                .any(|p| p.message.contains(needle) && p.repeat == Repeat::Skipped),
            "{line}: {problems:?}"
        );
    }
    let (doc, problems) = parse_record(
        "a.jsonl",
        RawLine {
            number: 3,
            bytes: b"{\"text\": \"caf\xe9\"}".to_vec(),
        },
    );
    assert!(doc.is_none());
    assert_eq!(
        problems[0].message,
        "skipped: not valid UTF-8 from column 14 (JSON Lines must be UTF-8)"
    );
}

#[test]
fn metadata_problems_are_remarks_and_the_record_is_still_read() {
    let (doc, problems) =
        record(r#"{"outlet": "", "published": "2025-02-30", "author": "Y", "title": [1], "text": "Corps."}"#);
    let doc = doc.unwrap();
    assert_eq!(doc.meta.outlet, "unknown");
    assert_eq!(doc.meta.published, None);
    let messages: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "`outlet` is empty: using `unknown`",
            "`published: 2025-02-30` is not a real date (YYYY-MM-DD) nor a date and time with its offset: relative dates are read against the URL or the text instead",
            "key `author` is unknown and ignored (known keys: outlet, published, lang, title, text, id, url)",
            "`title` should be a single value (a string, a number or a boolean): ignored",
        ]
    );
    let (_, problems) = record(r#"{"text": "Corps."}"#);
    let messages: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "no `outlet`: using `unknown`",
            "no `published` date: relative dates are read against the URL or the text, if they give a date"
        ]
    );
}

#[test]
fn an_unpaired_surrogate_becomes_a_replacement_character() {
    let (doc, problems) = record(r#"{"outlet":"X","published":"2025-07-22","text":"a\ud800b"}"#);
    assert_eq!(doc.unwrap().text, "a\u{FFFD}b");
    assert!(problems[0].message.contains("1 unpaired surrogate escape"));
}

fn lines_of(bytes: &[u8], max: u64) -> Vec<Result<RawLine, Problem>> {
    Lines::new(bytes, max).collect()
}

#[test]
fn lines_are_numbered_as_editors_number_them_and_blank_ones_skipped() {
    let input = b"\xEF\xBB\xBF{\"a\":1}\r\n\n  \r\n{\"b\":2}\r{\"c\":3}\n{\"d\":4}";
    let lines: Vec<(usize, String)> = lines_of(input, 100)
        .into_iter()
        .map(|l| {
            let l = l.unwrap();
            (l.number, String::from_utf8(l.bytes).unwrap())
        })
        .collect();
    assert_eq!(
        lines,
        [
            (1, "{\"a\":1}".to_string()),
            (4, "{\"b\":2}\r{\"c\":3}".to_string()),
            (6, "{\"d\":4}".to_string()),
        ]
    );
}

#[test]
fn an_over_long_line_is_skipped_and_the_next_ones_are_read() {
    let long = format!("{{\"text\":\"{}\"}}\r\n", "x".repeat(100));
    let input = format!("{long}{{\"a\":1}}\n");
    let lines = lines_of(input.as_bytes(), 50);
    let problem = lines[0].as_ref().unwrap_err();
    assert_eq!(problem.line, 1);
    assert_eq!(
        problem.message,
        "skipped: 111 bytes is over the size limit of 50 bytes for one article (raise it with --max-file-size)"
    );
    assert_eq!(lines[1].as_ref().unwrap().number, 2);
    assert_eq!(lines.len(), 2);
}

#[test]
fn the_size_limit_counts_a_line_without_the_byte_order_mark() {
    let input = format!("\u{feff}{}\n{{\"a\":1}}\n", "x".repeat(61));
    let lines = lines_of(input.as_bytes(), 60);
    assert!(
        lines[0].as_ref().unwrap_err().message.contains(" 61 bytes"),
        "{lines:?}"
    );
    assert_eq!(lines[1].as_ref().unwrap().number, 2);
    assert_eq!(lines.len(), 2);
    // The mark does not count: a line of exactly the limit is read.
    let input = format!("\u{feff}{}", "x".repeat(60));
    assert_eq!(lines_of(input.as_bytes(), 60)[0].as_ref().unwrap().bytes.len(), 60);
}

#[test]
fn nul_bytes_end_the_reading() {
    let utf16: Vec<u8> = "{\"a\":1}\n{\"b\":2}\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let lines = lines_of(&utf16, 100);
    assert_eq!(lines.len(), 1);
    assert!(lines[0].as_ref().unwrap_err().message.contains("NUL bytes"));
}

/// A reader that makes an endless JSON Lines file on demand and counts
/// the bytes it was asked for.
struct Endless {
    served: std::rc::Rc<std::cell::Cell<u64>>,
    line: Vec<u8>,
    at: usize,
}

impl Read for Endless {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        let mut n = 0;
        while n < out.len() {
            out[n] = self.line[self.at];
            self.at = (self.at + 1) % self.line.len();
            n += 1;
        }
        self.served.set(self.served.get() + n as u64);
        Ok(n)
    }
}

#[test]
fn lines_are_read_one_at_a_time_from_an_endless_reader() {
    let served = std::rc::Rc::new(std::cell::Cell::new(0));
    let reader = std::io::BufReader::with_capacity(
        4096,
        Endless {
            served: served.clone(),
            line: b"{\"outlet\":\"X\",\"text\":\"une ligne\"}\n".to_vec(),
            at: 0,
        },
    );
    let mut lines = Lines::new(reader, 1 << 20);
    for expected in 1..=1000 {
        let line = lines.next().unwrap().unwrap();
        assert_eq!(line.number, expected);
        // Never more read than the lines handed out and one buffer.
        assert!(
            served.get() <= expected as u64 * 34 + 4096,
            "{} bytes read",
            served.get()
        );
    }
}

#[test]
fn problems_show_the_same_whatever_the_order_they_come_in() {
    let problems: Vec<Problem> = (1..=30)
        .flat_map(|line| {
            [
                Problem::skipped(line, format!("skipped {line}")),
                Problem::once(line, "k", format!("remark {line}")),
            ]
        })
        .collect();
    let gather = |order: &mut dyn Iterator<Item = &Problem>| {
        let mut halves = [Problems::default(), Problems::default()];
        for (i, p) in order.enumerate() {
            halves[i % 2].add(p.clone());
        }
        let [a, b] = halves;
        a.merge(b).into_warnings("a.jsonl")
    };
    let forward = gather(&mut problems.iter());
    let backward = gather(&mut problems.iter().rev());
    assert_eq!(forward, backward);
    assert_eq!(forward.len(), LISTED_SKIPPED + 2);
    assert_eq!(forward[0].message, "skipped 1");
    assert_eq!(
        forward[LISTED_SKIPPED].message,
        "10 more lines skipped, not listed (only the first 20 skipped lines of a file are)"
    );
    assert_eq!(forward[LISTED_SKIPPED + 1].message, "remark 1 (and on 29 more lines)");
    assert_eq!(forward[LISTED_SKIPPED + 1].line, Some(1));
}
