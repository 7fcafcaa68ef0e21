//! Bad inputs, end to end: the real binary on every kind of broken article.
//!
//! `tests/fixtures/bad/` holds the files that can be committed (encodings,
//! line endings, binary, empty, over-size, front-matter problems, a folder
//! named like an article); the cases that cannot (a symbolic link loop, an
//! unreadable file, a pipe) are made in a temporary folder. For each, recoupe
//! must not panic, must exit 0 or 1 (never 2: a bad article is not an error),
//! must list every skipped or repaired file in `warnings`, and must still
//! extract the claim of every readable article, at the right line and column
//! of the file as stored. See docs/robustness.md.

mod common;
use common::{claims_in, report_of, Scratch};
use encoding_rs::Encoding;
use serde_json::Value as Json;
use std::path::Path;
use std::process::{Command, Output};

const RULE: &str = "kyiv-ceasefire-demand-days";
/// What the fixtures' claim starts with, at column 96 of its line.
const QUOTE_START: &str = "cessez-le-feu de 30 jours";

fn recoupe_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_recoupe"))
        .env("RECOUPE_NO_CACHE", "1")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the recoupe binary runs")
}

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `path → messages` of the report's warnings.
fn warnings_of(report: &Json, path: &str) -> Vec<String> {
    report["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|w| w["path"] == path)
        .map(|w| w["message"].as_str().unwrap().to_string())
        .collect()
}

fn document<'a>(report: &'a Json, path: &str) -> Option<&'a Json> {
    report["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["path"] == path)
}

/// Splits decoded text into lines as editors do: at `\n`, `\r\n` or a lone `\r`.
fn editor_lines(text: &str) -> Vec<String> {
    let mut lines = vec![String::new()];
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                lines.push(String::new());
            }
            '\n' => lines.push(String::new()),
            c => lines.last_mut().unwrap().push(c),
        }
    }
    lines
}

fn assert_warned(report: &Json, path: &str, needle: &str) {
    let messages = warnings_of(report, path);
    assert!(
        messages.iter().any(|m| m.contains(needle)),
        "{path}: expected a warning containing {needle:?}, got {messages:?}"
    );
}

/// A readable fixture: its encoding (to decode it independently of recoupe),
/// where its claim stands, its outlet and publication date as recoupe must
/// read them, and what its warning says (if any).
struct Readable {
    file: &'static str,
    encoding: &'static Encoding,
    line: u64,
    column: u64,
    outlet: &'static str,
    published: Option<&'static str>,
    warning: Option<&'static str>,
}

const READABLE: &[Readable] = &[
    Readable {
        file: "crlf.md",
        encoding: encoding_rs::UTF_8,
        line: 8,
        column: 96,
        outlet: "fixture-crlf",
        published: Some("2025-07-22"),
        warning: None,
    },
    Readable {
        file: "lone-cr.md",
        encoding: encoding_rs::UTF_8,
        line: 8,
        column: 96,
        outlet: "fixture-lone-cr",
        published: Some("2025-07-22"),
        warning: None,
    },
    Readable {
        file: "utf8-bom.md",
        encoding: encoding_rs::UTF_8,
        line: 8,
        column: 96,
        outlet: "fixture-utf8-bom",
        published: Some("2025-07-22"),
        warning: None,
    },
    Readable {
        file: "utf8-invalid-byte.md",
        encoding: encoding_rs::UTF_8,
        line: 8,
        column: 96,
        outlet: "fixture-utf8-invalid-byte",
        published: Some("2025-07-22"),
        warning: Some("1 invalid byte sequence replaced with U+FFFD"),
    },
    Readable {
        file: "utf16le.md",
        encoding: encoding_rs::UTF_16LE,
        line: 8,
        column: 96,
        outlet: "fixture-utf16le",
        published: Some("2025-07-22"),
        warning: Some("decoded as UTF-16LE (byte-order mark)"),
    },
    Readable {
        file: "utf16be.md",
        encoding: encoding_rs::UTF_16BE,
        line: 8,
        column: 96,
        outlet: "fixture-utf16be",
        published: Some("2025-07-22"),
        warning: Some("decoded as UTF-16BE (byte-order mark)"),
    },
    Readable {
        file: "utf16le-no-bom.md",
        encoding: encoding_rs::UTF_16LE,
        line: 8,
        column: 96,
        outlet: "fixture-utf16le-no-bom",
        published: Some("2025-07-22"),
        warning: Some("no byte-order mark, but the NUL bytes say UTF-16: decoded as UTF-16LE"),
    },
    Readable {
        file: "windows-1252.md",
        encoding: encoding_rs::WINDOWS_1252,
        line: 8,
        column: 96,
        outlet: "fixture-windows-1252",
        published: Some("2025-07-22"),
        warning: Some("decoded as Windows-1252"),
    },
    Readable {
        file: "x.md/inside.md",
        encoding: encoding_rs::UTF_8,
        line: 8,
        column: 96,
        outlet: "fixture-inside-x-md",
        published: Some("2025-07-22"),
        warning: None,
    },
    Readable {
        file: "no-front-matter.txt",
        encoding: encoding_rs::UTF_8,
        line: 2,
        column: 96,
        outlet: "unknown",
        published: None,
        warning: Some("no front matter"),
    },
    Readable {
        file: "unterminated-front-matter.md",
        encoding: encoding_rs::UTF_8,
        line: 4,
        column: 96,
        outlet: "unknown",
        published: None,
        warning: Some("front matter is not closed by a `---` line"),
    },
    Readable {
        file: "invalid-yaml.md",
        encoding: encoding_rs::UTF_8,
        line: 8,
        column: 96,
        // The broken `outlet:` line is lost; the lines that read on their own
        // are kept.
        outlet: "unknown",
        published: Some("2025-07-22"),
        warning: Some("front matter is not valid YAML"),
    },
    Readable {
        file: "unknown-key.md",
        encoding: encoding_rs::UTF_8,
        line: 9,
        column: 96,
        outlet: "fixture-unknown-key",
        published: Some("2025-07-22"),
        warning: Some("front matter key `author` is unknown and ignored"),
    },
    Readable {
        file: "impossible-date.md",
        encoding: encoding_rs::UTF_8,
        line: 8,
        column: 96,
        outlet: "fixture-impossible-date",
        published: None,
        warning: Some("`published: 2025-02-30` is not a real date"),
    },
];

/// Files that are skipped, and what their warning says.
const SKIPPED: &[(&str, &str)] = &[
    ("binary.md", "skipped: binary file (it contains NUL bytes)"),
    ("empty.md", "skipped: empty file"),
    ("blank.txt", "skipped: empty file (white space only)"),
    (
        "oversize.md",
        "skipped: 2337 bytes is over the size limit of 2048 bytes (raise it with --max-file-size)",
    ),
];

fn check_fixtures() -> Json {
    report_of(&recoupe_in(
        manifest_dir(),
        &[
            "check",
            "tests/fixtures/bad",
            "--format",
            "json",
            "--max-file-size",
            "2048",
        ],
    ))
}

#[test]
fn every_readable_bad_article_keeps_its_claim_at_the_right_place() {
    let report = check_fixtures();
    for case in READABLE {
        let path = format!("tests/fixtures/bad/{}", case.file);
        let doc = document(&report, &path).unwrap_or_else(|| panic!("{path} must be read"));
        assert_eq!(doc["outlet"], case.outlet, "{path}");
        assert_eq!(doc["published"].as_str(), case.published, "{path}");

        let claims = claims_in(&report, &path);
        assert_eq!(claims.len(), 1, "{path}: {claims:?}");
        let claim = claims[0];
        assert_eq!(claim["rule"], RULE, "{path}");
        assert_eq!(claim["value"]["lo"].as_f64(), Some(30.0), "{path}");
        assert_eq!(claim["value"]["hi"].as_f64(), Some(30.0), "{path}");
        assert_eq!(claim["value"]["unit"], "day", "{path}");
        let quote = claim["quote"].as_str().unwrap();
        assert!(quote.starts_with(QUOTE_START), "{path}: {quote}");
        assert_eq!(
            (claim["span"]["line"].as_u64(), claim["span"]["column"].as_u64()),
            (Some(case.line), Some(case.column)),
            "{path}"
        );

        // The same place, found by decoding the file independently: byte
        // offsets are in the decoded text (BOM removed), lines and columns in
        // its characters, which are the file's lines.
        let bytes = std::fs::read(manifest_dir().join(&path)).unwrap();
        let (text, _) = case.encoding.decode_with_bom_removal(&bytes);
        let (start, end) = (
            claim["span"]["start"].as_u64().unwrap() as usize,
            claim["span"]["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            text.get(start..end),
            Some(quote),
            "{path}: byte offsets in the decoded text"
        );
        let line = &editor_lines(&text)[case.line as usize - 1];
        let from_column: String = line.chars().skip(case.column as usize - 1).collect();
        assert!(from_column.starts_with(QUOTE_START), "{path}: line {line:?}");

        match case.warning {
            Some(needle) => assert_warned(&report, &path, needle),
            None => assert!(
                warnings_of(&report, &path).is_empty(),
                "{path}: {:?}",
                warnings_of(&report, &path)
            ),
        }
    }
}

#[test]
fn every_unreadable_bad_article_is_skipped_with_a_warning() {
    let report = check_fixtures();
    for (file, message) in SKIPPED {
        let path = format!("tests/fixtures/bad/{file}");
        assert!(document(&report, &path).is_none(), "{path} must be skipped");
        assert!(claims_in(&report, &path).is_empty(), "{path}");
        assert_eq!(warnings_of(&report, &path), [message.to_string()], "{path}");
    }
    // Nothing else: every file of the folder is read or skipped with a warning
    // (the generator script is not an article and is left alone).
    let documents = report["documents"].as_array().unwrap().len();
    assert_eq!(documents, READABLE.len());
    assert_eq!(report["summary"]["documents"], READABLE.len());
    assert_eq!(report["summary"]["claims"], READABLE.len());
    // All readable articles say 30 days: one agreement, exit 0.
    assert_eq!(report["summary"]["contradictions"], 0);
}

#[test]
fn the_warnings_of_the_bad_fixtures_are_stable() {
    let report = check_fixtures();
    let lines: Vec<String> = report["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| {
            let at = w["line"].as_u64().map(|l| format!(":{l}")).unwrap_or_default();
            format!(
                "{}{at}: {}",
                w["path"].as_str().unwrap(),
                w["message"].as_str().unwrap()
            )
        })
        .collect();
    insta::with_settings!({snapshot_path => "../snapshots", prepend_module_to_snapshot => false}, {
        insta::assert_snapshot!("robustness_bad_fixtures_warnings", lines.join("\n"));
    });
}

#[cfg(unix)]
#[test]
fn links_pipes_and_unreadable_files_are_warnings_not_errors() {
    use std::os::unix::ffi::OsStrExt;
    use std::os::unix::fs::{symlink, PermissionsExt};

    let scratch = Scratch::new("robustness-fs");
    let corpus = scratch.0.join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    let article = std::fs::read(manifest_dir().join("tests/fixtures/bad/crlf.md")).unwrap();
    std::fs::write(corpus.join("ok.md"), &article).unwrap();
    // A symbolic link loop: corpus/loop → corpus.
    symlink(".", corpus.join("loop")).unwrap();
    // A second name for ok.md, a link to nowhere, a link to itself.
    symlink("ok.md", corpus.join("alias.md")).unwrap();
    symlink("nowhere.md", corpus.join("dangling.md")).unwrap();
    symlink("self.md", corpus.join("self.md")).unwrap();
    // A pipe named like an article: reading it would wait for ever.
    let fifo = Command::new("mkfifo").arg(corpus.join("pipe.md")).status();
    let have_fifo = fifo.is_ok_and(|s| s.success());
    // A file name that is not UTF-8.
    let latin1_name = std::ffi::OsStr::from_bytes(b"caf\xe9.md");
    std::fs::write(corpus.join(latin1_name), &article).unwrap();
    // An unreadable file and an unreadable folder.
    std::fs::write(corpus.join("secret.md"), &article).unwrap();
    std::fs::set_permissions(corpus.join("secret.md"), std::fs::Permissions::from_mode(0o000)).unwrap();
    std::fs::create_dir(corpus.join("locked")).unwrap();
    std::fs::write(corpus.join("locked/inside.md"), &article).unwrap();
    std::fs::set_permissions(corpus.join("locked"), std::fs::Permissions::from_mode(0o000)).unwrap();
    let permissions_bite = std::fs::read(corpus.join("secret.md")).is_err();

    let rules = manifest_dir().join("rules");
    let output = recoupe_in(
        &scratch.0,
        &[
            "check",
            "corpus",
            "--rules",
            rules.to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    let report = report_of(&output);

    assert_warned(
        &report,
        "corpus/loop",
        "skipped: the same folder as corpus (a symbolic link loop?)",
    );
    assert_warned(&report, "corpus/alias.md", "skipped: the same file as corpus/ok.md");
    assert_warned(&report, "corpus/dangling.md", "skipped: a broken symbolic link");
    assert_warned(
        &report,
        "corpus/self.md",
        "skipped: a symbolic link that cannot be followed",
    );
    if have_fifo {
        assert_warned(&report, "corpus/pipe.md", "skipped: not a regular file");
    } else {
        println!("note: mkfifo is not available: the pipe sub-case is skipped");
    }
    let shown = "corpus/caf\u{FFFD}.md";
    assert_warned(&report, shown, "the file name is not valid UTF-8");
    assert_eq!(claims_in(&report, shown).len(), 1);
    // The real file is read once, under its own name.
    assert_eq!(claims_in(&report, "corpus/ok.md").len(), 1);
    assert!(claims_in(&report, "corpus/alias.md").is_empty());

    if permissions_bite {
        assert_warned(&report, "corpus/secret.md", "skipped: permission denied");
        assert!(document(&report, "corpus/secret.md").is_none());
        assert_warned(
            &report,
            "corpus/locked",
            "skipped: cannot list this folder: permission denied",
        );
        assert!(document(&report, "corpus/locked/inside.md").is_none());
    } else {
        println!(
            "note: running as root, where chmod 000 does not stop reading: \
             the unreadable file and folder sub-cases are skipped (they were read normally)"
        );
        assert_eq!(claims_in(&report, "corpus/secret.md").len(), 1);
        assert_eq!(claims_in(&report, "corpus/locked/inside.md").len(), 1);
    }
    // Each file read is one document, whatever the links.
    let documents: Vec<&str> = report["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["path"].as_str().unwrap())
        .collect();
    let mut distinct = documents.clone();
    distinct.dedup();
    assert_eq!(documents, distinct);
}

#[test]
fn a_file_named_on_the_command_line_is_read_whatever_its_extension_and_a_folder_named_like_one_is_walked() {
    let report = report_of(&recoupe_in(
        manifest_dir(),
        &[
            "check",
            "tests/fixtures/bad/make_fixtures.py",
            "tests/fixtures/bad/x.md",
            "--format",
            "json",
        ],
    ));
    // The script has no front matter and no claim: a warning, not an error.
    assert_warned(&report, "tests/fixtures/bad/make_fixtures.py", "no front matter");
    assert_eq!(claims_in(&report, "tests/fixtures/bad/x.md/inside.md").len(), 1);
}

#[test]
fn the_same_file_named_twice_is_read_once() {
    let report = report_of(&recoupe_in(
        manifest_dir(),
        &[
            "check",
            "tests/fixtures/bad/crlf.md",
            "./tests/fixtures/bad/crlf.md",
            "tests/fixtures/bad",
            "--format",
            "json",
            "--max-file-size",
            "2048",
        ],
    ));
    assert_eq!(claims_in(&report, "tests/fixtures/bad/crlf.md").len(), 1);
    assert!(warnings_of(&report, "tests/fixtures/bad/crlf.md").is_empty());
}
