//! JSON Lines input, end to end: the real binary on `tests/fixtures/jsonl/`
//! (articles of the seed corpus, one per line, with escapes, a planted
//! contradiction and bad lines) and on files made in a temporary folder
//! (byte-level cases: BOM, CRLF, a lone CR, invalid UTF-8, NUL bytes, an
//! over-long line). Claims must point at the record's line and at the column
//! of the raw line where the quote begins, escapes counted as written.

use serde_json::Value as Json;
use std::path::Path;

mod common;
use common::{claims_in, recoupe, recoupe_with, report_of, text, Scratch};

const ARCHIVE: &str = "tests/fixtures/jsonl/archive.jsonl";

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `(rule, line, column)` of each claim of `path`, in report order.
fn places(report: &Json, path: &str) -> Vec<(String, u64, u64)> {
    claims_in(report, path)
        .iter()
        .map(|c| {
            (
                c["rule"].as_str().unwrap().to_string(),
                c["span"]["line"].as_u64().unwrap(),
                c["span"]["column"].as_u64().unwrap(),
            )
        })
        .collect()
}

/// `path:line: message` of each warning about `path`.
fn warnings_about(report: &Json, path: &str) -> Vec<String> {
    report["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|w| w["path"] == path)
        .map(|w| {
            let at = w["line"].as_u64().map(|l| format!(":{l}")).unwrap_or_default();
            format!("{at}: {}", w["message"].as_str().unwrap())
        })
        .collect()
}

/// The 1-based column, in characters, where `raw` first stands in `line`
/// at or after the opening quote of its `text` value.
fn raw_column(line: &str, raw: &str) -> u64 {
    let from = line.find("\"text\": \"").expect("a text value");
    let at = from + line[from..].find(raw).unwrap_or_else(|| panic!("{raw} in {line}"));
    line[..at].chars().count() as u64 + 1
}

/// Checks a claim against its raw line without recoupe's help: the raw text
/// between the opening quote of `text` and the claim's column must decode
/// (as JSON) to the decoded text before the claim, whose bytes `start..end`
/// are the quote.
fn assert_claim_points_into_the_raw_line(claim: &Json, raw_line: &str) {
    let column = claim["span"]["column"].as_u64().unwrap() as usize;
    let open = raw_line.find("\"text\": \"").unwrap() + "\"text\": ".len();
    let to_column: String = raw_line.chars().take(column - 1).collect();
    let raw_prefix = &to_column[open..];
    let decoded_prefix: String =
        serde_json::from_str(&format!("{raw_prefix}\"")).unwrap_or_else(|e| panic!("{raw_prefix}: {e}"));
    let record: Json = serde_json::from_str(raw_line).unwrap();
    let text = record["text"].as_str().unwrap();
    let (start, end) = (
        claim["span"]["start"].as_u64().unwrap() as usize,
        claim["span"]["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(decoded_prefix.len(), start, "{claim}");
    assert_eq!(&text[start..end], claim["quote"].as_str().unwrap(), "{claim}");
}

#[test]
fn each_record_is_a_document_and_its_claims_point_at_its_line_and_raw_column() {
    let report = report_of(&recoupe(&["check", "tests/fixtures/jsonl", "--format", "json"]));
    let raw = std::fs::read_to_string(manifest_dir().join(ARCHIVE)).unwrap();
    let raw_lines: Vec<&str> = raw.split('\n').collect();

    let documents: Vec<(u64, &str, Option<&str>, Option<&str>)> = report["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            assert_eq!(d["path"], ARCHIVE);
            (
                d["line"].as_u64().unwrap(),
                d["outlet"].as_str().unwrap(),
                d["id"].as_str(),
                d["url"].as_str(),
            )
        })
        .collect();
    assert_eq!(
        documents,
        [
            (1, "AFP", Some("afp-0722-1"), Some("https://example.org/afp/0722-1")),
            (2, "outlet-001", None, None),
            (5, "Reuters", Some("1234"), None),
            (7, "RFI", None, None),
            (8, "fixture-planted", None, None),
        ]
    );
    // The record whose date does not read (line 7) is undated, and an
    // undated article is read by every rule: its 50 days are a claim.
    assert_eq!(report["documents"][3]["published"], Json::Null);

    let line = |n: usize| raw_lines[n - 1];
    let expected = [
        ("trump-deadline-days", 1, raw_column(line(1), "donné à la Russie 50")),
        ("istanbul-round-3-date", 2, raw_column(line(2), "pourparlers de paix")),
        ("trump-deadline-days", 2, raw_column(line(2), r"d\u00e9lai de 50")),
        // The claim's words reach back to the night the sentence names (a
        // context word of the rule), across two `\u` escapes.
        (
            "night-attack-2025-07-21-drones",
            2,
            raw_column(line(2), r"dimanche \u00e0 lundi, \u00e0 l\u2019aide 426"),
        ),
        (
            "night-attack-2025-07-21-missiles",
            2,
            raw_column(line(2), "24 missiles"),
        ),
        ("night-attack-2025-07-21-drones", 5, raw_column(line(5), "lancé 426")),
        ("trump-deadline-days", 7, raw_column(line(7), "donné à la Russie 50")),
        ("trump-deadline-days", 8, raw_column(line(8), r"d\u00e9lai de 60")),
    ];
    let expected: Vec<(String, u64, u64)> = expected.iter().map(|(r, l, c)| (r.to_string(), *l, *c)).collect();
    assert_eq!(places(&report, ARCHIVE), expected);
    // The same columns, written out: a change in how they are counted shows here.
    let columns: Vec<u64> = expected.iter().map(|e| e.2).collect();
    assert_eq!(columns, [349, 174, 356, 558, 617, 172, 70, 157]);

    for claim in claims_in(&report, ARCHIVE) {
        let n = claim["span"]["line"].as_u64().unwrap() as usize;
        assert_claim_points_into_the_raw_line(claim, line(n));
        let id = claim["id"].as_str().unwrap();
        assert!(
            id.ends_with(&format!("@{ARCHIVE}:{n}:{}", claim["span"]["column"])),
            "{id}"
        );
    }
    // The value's own words, after escapes on the same line.
    let third = claims_in(&report, ARCHIVE)[2];
    assert_eq!(
        third["value_span"]["column"].as_u64(),
        Some(raw_column(line(2), "50 jours"))
    );
    assert_eq!(third["quote"], "délai de 50 jours");

    // Bad lines are warnings; every other line was read.
    assert_eq!(
        warnings_about(&report, ARCHIVE),
        [
            ":4: skipped: not valid JSON at column 111: EOF while parsing an object",
            ":5: key `author` is unknown and ignored (known keys: outlet, published, lang, title, text, id, url)",
            ":6: skipped: no `text`",
            ":7: `published: 22/07/2025` is not a real date (YYYY-MM-DD) nor a date and time with its offset: relative dates are read against the URL or the text instead",
        ]
    );
    // The broken line's 60 days were not read; the planted one's were.
    assert_eq!(report["summary"]["contradictions"], 1);
    assert_eq!(report["summary"]["documents"], 5);
}

#[test]
fn every_format_points_at_the_raw_line_and_column() {
    let args = |format: &'static str| ["check", "corpus", "tests/fixtures/jsonl", "--format", format];
    let raw = std::fs::read_to_string(manifest_dir().join(ARCHIVE)).unwrap();
    let planted = raw.split('\n').nth(7).unwrap();
    let quote_start = raw_column(planted, r"d\u00e9lai de 60");
    // The end: after `jours`, past the escape of `é` in the quote.
    let quote_end = raw_column(planted, "60 jours") + "60 jours".len() as u64;
    let value_start = raw_column(planted, "60 jours");
    assert_eq!((quote_start, quote_end, value_start), (157, 179, 171));

    let human = text(&recoupe(&args("human")).stdout);
    // The memo gives each quote the value's place: where the figure is.
    assert!(
        human.contains(&format!(
            "“délai de 60 jours” (fixture-planted, fr), published 2025-07-21 — {ARCHIVE}:8:{value_start}\n"
        )),
        "each quote's place is the value's place:\n{human}"
    );
    assert!(human.contains(&format!(" — {ARCHIVE}:2:370\n")), "{human}");
    assert!(
        human.contains(&format!(
            "“dimanche à lundi, à l’aide 426 drones” (outlet-001, fr), published 2025-07-21 — {ARCHIVE}:2:600\n"
        )),
        "{human}"
    );

    let sarif: Json = serde_json::from_slice(&recoupe(&args("sarif")).stdout).unwrap();
    let region = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| &r["locations"][0]["physicalLocation"])
        .find(|l| l["artifactLocation"]["uri"] == ARCHIVE && l["region"]["startLine"] == 8)
        .map(|l| &l["region"])
        .expect("a SARIF result on the planted record");
    assert_eq!(region["startColumn"].as_u64(), Some(quote_start));
    assert_eq!(region["endLine"].as_u64(), Some(8));
    assert_eq!(region["endColumn"].as_u64(), Some(quote_end));

    let github = text(&recoupe(&args("github")).stdout);
    let value_end = value_start + "60 jours".len() as u64;
    assert!(
        github.contains(&format!(
            "::error file={ARCHIVE},line=8,col={value_start},endLine=8,endColumn={value_end},"
        )),
        "{github}"
    );
    assert!(
        github.contains(&format!(
            "::warning file={ARCHIVE},line=4,title=recoupe::skipped: not valid JSON"
        )),
        "{github}"
    );

    let junit = text(&recoupe(&args("junit")).stdout);
    assert!(
        junit.contains(&format!("{ARCHIVE}:8:{quote_start} (fixture-planted)")),
        "{junit}"
    );
    let markdown = text(&recoupe(&args("markdown")).stdout);
    assert!(
        markdown.contains(&format!(
            "(fixture-planted, fr), published 2025-07-21 — `{ARCHIVE}:8:{value_start}`"
        )),
        "{markdown}"
    );
    assert!(
        // The warning's own backticks are escaped: a message is article-made text.
        markdown.contains(&format!("- `{ARCHIVE}:6`: skipped: no \\`text\\`")),
        "{markdown}"
    );
}

#[test]
fn an_archive_given_as_new_is_new_record_by_record() {
    let output = recoupe(&["check", "corpus", "--format", "json", "--new", ARCHIVE]);
    assert_eq!(
        output.status.code(),
        Some(1),
        "the planted 60 days: {}",
        text(&output.stderr)
    );
    let report: Json = serde_json::from_slice(&output.stdout).unwrap();
    for d in report["documents"].as_array().unwrap() {
        assert_eq!(d["new"], d["path"] == ARCHIVE, "{d}");
    }
    let subjects: Vec<(&str, &str)> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["subject"].as_str().unwrap(), f["status"].as_str().unwrap()))
        .collect();
    assert_eq!(
        subjects,
        [
            ("istanbul-round-3-date", "agreement"),
            ("night-attack-2025-07-21-drones", "agreement"),
            // outlet-001 says it in the corpus and in the archive: one outlet.
            ("night-attack-2025-07-21-missiles", "single_source"),
            ("trump-deadline-to-russia-days", "contradiction"),
        ]
    );
}

fn record(outlet: &str, text: &str) -> String {
    format!(r#"{{"outlet": "{outlet}", "published": "2025-07-21", "text": "{text}"}}"#)
}

const FIFTY: &str = r"Donald Trump a fix\u00e9 un d\u00e9lai de 50 jours \u00e0 la Russie.";

#[test]
fn bad_lines_at_the_byte_level_are_warnings_and_the_other_lines_are_checked() {
    let scratch = Scratch::new("json-lines-bytes");
    let first = record("tmp-a", FIFTY);
    // A lone CR is white space to JSON but a line break to editors: the
    // text stands on the next line, and the lines after count it.
    let lone_cr = format!(
        "{{\"outlet\": \"tmp-b\",\r\"text\": \"{}\", \"published\": \"2025-07-21\"}}",
        "Dans la nuit du 20 au 21 juillet, l'arm\\u00e9e russe a lanc\\u00e9 426 drones."
    );
    let long = record("tmp-long", &format!("{} {FIFTY}", "Bla. ".repeat(100)));
    let last = record("tmp-c", FIFTY);
    let mut bytes = Vec::new();
    bytes.extend(b"\xEF\xBB\xBF"); // a byte-order mark: not a column
    bytes.extend(first.as_bytes());
    bytes.extend(b"\r\n\r\n"); // CRLF, then a blank line
    bytes.extend(b"{\"outlet\": \"tmp-latin1\", \"text\": \"d\xe9lai de 60 jours \xe0 la Russie\"}\r\n");
    bytes.extend(lone_cr.as_bytes());
    bytes.extend(b"\n");
    bytes.extend(long.as_bytes());
    bytes.extend(b"\n");
    bytes.extend(last.as_bytes()); // no newline at the end
    std::fs::write(scratch.0.join("mixed.jsonl"), &bytes).unwrap();
    // Binary data (or UTF-16) ends the reading of its file, with one warning.
    std::fs::write(
        scratch.0.join("binary.ndjson"),
        format!("{}\n\0\0\n{}\n", record("tmp-bin", FIFTY), record("tmp-bin", FIFTY)),
    )
    .unwrap();

    let rules = manifest_dir().join("rules");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_recoupe"))
        .env("RECOUPE_NO_CACHE", "1")
        .args(["check", ".", "--format", "json", "--max-file-size", "400", "--rules"])
        .arg(&rules)
        .current_dir(&scratch.0)
        .output()
        .unwrap();
    let report = report_of(&output);

    let lone_cr_text_line = lone_cr.split('\r').nth(1).unwrap();
    let text_column = |line: &str, raw: &str| line[..line.find(raw).unwrap()].chars().count() as u64 + 1;
    assert_eq!(
        places(&report, "mixed.jsonl"),
        [
            ("trump-deadline-days".to_string(), 1, text_column(&first, r"d\u00e9lai")),
            (
                "night-attack-2025-07-21-drones".to_string(),
                5,
                text_column(lone_cr_text_line, r"lanc\u00e9 426")
            ),
            ("trump-deadline-days".to_string(), 7, text_column(&last, r"d\u00e9lai")),
        ]
    );
    let lines: Vec<u64> = report["documents"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["path"] == "mixed.jsonl")
        .map(|d| d["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, [1, 4, 7]);
    assert_eq!(
        warnings_about(&report, "mixed.jsonl"),
        [
            ":3: skipped: not valid UTF-8 from column 36 (JSON Lines must be UTF-8)",
            &format!(
                ":6: skipped: {} bytes is over the size limit of 400 bytes for one article (raise it with --max-file-size)",
                long.len()
            ),
        ]
    );
    assert_eq!(places(&report, "binary.ndjson").len(), 1);
    assert_eq!(
        warnings_about(&report, "binary.ndjson"),
        [":2: the rest of the file is skipped: NUL bytes (binary data, or UTF-16 text: JSON Lines must be UTF-8)"]
    );
}

#[test]
fn the_report_is_the_same_whatever_the_number_of_threads() {
    // Enough records, in several outlets, that threads finish them in a
    // different order from one run to the next; and more bad lines than
    // are listed.
    let scratch = Scratch::new("json-lines-threads");
    let raw = std::fs::read_to_string(manifest_dir().join(ARCHIVE)).unwrap();
    let mut big = String::new();
    for round in 0..300 {
        for line in raw.lines() {
            big.push_str(&line.replace("\"outlet\": \"", &format!("\"outlet\": \"o{}-", round % 7)));
            big.push('\n');
        }
    }
    let path = scratch.0.join("big.jsonl");
    std::fs::write(&path, &big).unwrap();
    let path = path.to_str().unwrap();

    let run = |threads: &str, format: &str| {
        let output = recoupe_with(
            &["check", "corpus", path, ARCHIVE, "--format", format],
            Some(threads),
            None,
        );
        assert!(matches!(output.status.code(), Some(0 | 1)), "{}", text(&output.stderr));
        output.stdout
    };
    let one = run("1", "json");
    assert!(
        one == run("3", "json"),
        "the JSON report changes with the number of threads"
    );
    assert!(
        run("1", "human") == run("4", "human"),
        "the human report changes with the number of threads"
    );

    let report: Json = serde_json::from_slice(&one).unwrap();
    // The archive as recoupe shows it: relative to the current folder when
    // the target folder is inside the project (the default), else absolute.
    let path = report["documents"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["path"].as_str())
        .find(|p| p.ends_with("/big.jsonl"))
        .expect("the archive is among the documents");
    assert_eq!(claims_in(&report, path).len(), 300 * 8);
    assert_eq!(report["summary"]["documents"], 5 + 5 + 300 * 5);
    let warnings = warnings_about(&report, path);
    // 300 broken lines and 300 without text: the first 20 are listed, then
    // counted; remarks on records that are read are said once.
    assert_eq!(warnings.len(), 20 + 3, "{warnings:#?}");
    assert_eq!(
        warnings[0],
        ": 580 more lines skipped, not listed (only the first 20 skipped lines of a file are)"
    );
    assert_eq!(
        warnings[1],
        ":4: skipped: not valid JSON at column 114: EOF while parsing an object"
    );
    assert!(warnings.contains(
        &":5: key `author` is unknown and ignored (known keys: outlet, published, lang, title, text, id, url) \
          (and on 299 more lines)"
            .to_string()
    ));
    assert_eq!(warnings.last().unwrap(), ":78: skipped: no `text`");
}
