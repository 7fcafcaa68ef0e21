//! A CI run cannot pass by accident: an article the user named (with
//! `--new`, on standard input, or on the command line) that cannot be read
//! fails the run with exit code 2 and the reason; only articles found by
//! walking a folder become warnings.

mod common;
use common::{recoupe, recoupe_with, text};

#[test]
fn a_new_article_that_cannot_be_read_fails_the_run() {
    for (article, reason) in [
        ("tests/fixtures/bad/binary.md", "binary file"),
        ("tests/fixtures/bad/empty.md", "empty file"),
    ] {
        let output = recoupe(&["check", "corpus", "--new", article]);
        assert_eq!(output.status.code(), Some(2), "{article}");
        let err = text(&output.stderr);
        assert!(
            err.contains(&format!(
                "error: cannot check the new article {article}: skipped: {reason}"
            )),
            "{err}"
        );
    }
    let oversize = recoupe(&[
        "check",
        "corpus",
        "--max-file-size",
        "2048",
        "--new",
        "tests/fixtures/bad/oversize.md",
    ]);
    assert_eq!(oversize.status.code(), Some(2));
    assert!(text(&oversize.stderr).contains("over the size limit"));
}

#[test]
fn random_bytes_on_standard_input_fail_the_run() {
    let bytes: Vec<u8> = (0u32..4096)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let output = recoupe_with(&["check", "corpus", "--new", "-"], None, Some(&bytes));
    assert_eq!(output.status.code(), Some(2), "{}", text(&output.stderr));
    assert!(text(&output.stderr).contains("cannot check the new article <stdin>"));
}

#[test]
fn a_named_article_that_cannot_be_read_fails_but_a_folder_warns() {
    let named = recoupe(&["check", "corpus", "tests/fixtures/bad/binary.md"]);
    assert_eq!(named.status.code(), Some(2));
    assert!(text(&named.stderr).contains("error: cannot check tests/fixtures/bad/binary.md"));
    // The same file found in its folder is a warning; the others are checked.
    let folder = recoupe(&["check", "tests/fixtures/bad", "--format", "json"]);
    assert_eq!(folder.status.code(), Some(0), "{}", text(&folder.stderr));
    let report: serde_json::Value = serde_json::from_slice(&folder.stdout).unwrap();
    assert!(report["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|w| w["path"] == "tests/fixtures/bad/binary.md"));
}

#[test]
fn a_new_article_found_in_the_corpus_is_read_once() {
    let output = recoupe(&[
        "check",
        "corpus",
        "--new",
        "corpus/000_100d8ce819ed988d.md",
        "--format",
        "json",
    ]);
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let documents = report["documents"].as_array().unwrap();
    assert_eq!(documents.len(), 5);
    let new: Vec<&serde_json::Value> = documents.iter().filter(|d| d["new"] == true).collect();
    assert_eq!(new.len(), 1);
    assert_eq!(new[0]["path"], "corpus/000_100d8ce819ed988d.md");
}

/// Text from an article (outlet, front-matter key and value, quote) and its
/// file name, full of escape sequences, bidirectional overrides, HTML and a
/// forged GitHub annotation: every format must show it inert.
#[test]
fn a_hostile_article_is_inert_in_every_format() {
    let dir = common::Scratch::new("hostile");
    let article = "---\n\
        outlet: \"AFP\\x1b]0;pwned\\x07\\x1b[2J\\u202e<script>alert(1)</script>|`x`\\n::error file=forged.md::outlet\\x9b31m\"\n\
        published: 2025-07-21\n\
        \"key\\x1b[2J\\n::error file=forged.md::key\": 1\n\
        ---\n\
        Donald Trump a fixé un délai de 60 jours à la Russie, sous peine de sanctions.\n";
    let name = "hostile\u{1b}[2J\n::error file=forged.md::name.md";
    std::fs::write(dir.0.join(name), article).unwrap();
    let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");
    for format in ["human", "json", "sarif", "github", "junit", "markdown", "html"] {
        let output = common::check_in(&dir.0, &[corpus, "--format", format]);
        assert_eq!(output.status.code(), Some(1), "{format}: {}", text(&output.stderr));
        let out = String::from_utf8_lossy(&output.stdout).into_owned();
        assert!(
            out.contains("60 days") || out.contains("\"lo\": 60"),
            "{format}: the planted claim is read\n{out}"
        );
        // JSON and SARIF are read by programs, which decode their escapes
        // (control characters are escaped, other characters kept as data).
        let hazards: &[char] = if matches!(format, "json" | "sarif") {
            &['\u{1b}', '\u{7}']
        } else {
            &['\u{1b}', '\u{7}', '\u{202e}', '\u{9b}']
        };
        for hazard in hazards {
            assert!(!out.contains(*hazard), "{format}: a raw {:?} in\n{out}", hazard);
        }
        for line in out.lines() {
            assert!(
                !line.starts_with("::error file=forged"),
                "{format}: a forged annotation line: {line}"
            );
            if format != "github" {
                assert!(
                    !line.starts_with("::"),
                    "{format}: a line starts with article text: {line}"
                );
            }
        }
        if format == "markdown" || format == "junit" {
            assert!(!out.contains("<script>"), "{format}: raw HTML in\n{out}");
        }
        if format == "html" {
            // The page's own script is the only one.
            assert_eq!(out.matches("<script").count(), 1, "{format}: raw HTML in\n{out}");
            assert!(out.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{out}");
        }
        if matches!(format, "json" | "sarif") {
            serde_json::from_str::<serde_json::Value>(&out).unwrap_or_else(|e| panic!("{format}: {e}"));
        }
    }
}

/// A run cut short while it writes (here by a file-size limit, as a full
/// disk would) leaves the previous report whole: recoupe writes to a
/// temporary file beside it and renames it over the report at the end.
#[test]
fn a_run_cut_short_while_writing_leaves_the_previous_report_intact() {
    let dir = common::Scratch::new("atomic-output");
    let report = dir.0.join("report.json");
    let bin = env!("CARGO_BIN_EXE_recoupe");
    let root = env!("CARGO_MANIFEST_DIR");
    let first = std::process::Command::new(bin)
        .env("RECOUPE_NO_CACHE", "1")
        .args(["check", "corpus", "--format", "json", "--output"])
        .arg(&report)
        .current_dir(root)
        .output()
        .unwrap();
    assert_eq!(first.status.code(), Some(0), "{}", text(&first.stderr));
    let before = std::fs::read(&report).unwrap();
    assert!(before.len() > 4096);
    // 4 blocks of 512 bytes: the second run's report does not fit.
    let script = format!(
        "ulimit -f 4; exec '{bin}' check corpus tests/fixtures/contradictions --format json --output '{}'",
        report.display()
    );
    let cut = std::process::Command::new("sh")
        .env("RECOUPE_NO_CACHE", "1")
        .args(["-c", &script])
        .current_dir(root)
        .output()
        .unwrap();
    assert_ne!(cut.status.code(), Some(0), "the cut run must fail");
    assert_ne!(cut.status.code(), Some(1), "the cut run must fail");
    assert_eq!(std::fs::read(&report).unwrap(), before, "the previous report is intact");
    serde_json::from_slice::<serde_json::Value>(&before).unwrap();
}

#[test]
fn the_report_and_the_baseline_cannot_be_one_file() {
    let output = recoupe(&[
        "check",
        "corpus",
        "--output",
        "target/same.json",
        "--write-baseline",
        "target/./same.json",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        text(&output.stderr).contains("name the same file"),
        "{}",
        text(&output.stderr)
    );
}

/// miette's renderer cannot draw past column 65,535: a rule error far out on
/// one line is shown as an excerpt, with exit code 2, never a panic.
#[test]
fn a_rule_error_past_column_70000_is_a_diagnostic_not_a_panic() {
    let dir = common::Scratch::new("long-rule-line");
    std::fs::write(
        dir.0.join("a.yaml"),
        format!(
            "rules:\n  - id: x\n    description: d\n    subject: s\n    kind: number\n    patterns: [\"{}{{cont}}\"]\n",
            "a".repeat(70_000)
        ),
    )
    .unwrap();
    let output = recoupe(&["rules", "check", "--rules", dir.0.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    let err = text(&output.stderr);
    assert!(
        err.contains("a.yaml:6:70017: error: unknown placeholder `{cont}`"),
        "{err}"
    );
    assert!(err.contains("(line 6 is 70024 characters long: an excerpt)"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

/// Front matters that made the YAML parser crawl (nested brackets, tens of
/// thousands of keys) are refused or summed up with a clear warning; the
/// article is still read.
#[test]
fn hostile_front_matters_are_capped_with_a_warning() {
    let dir = common::Scratch::new("front-matter-caps");
    std::fs::write(
        dir.0.join("nested.md"),
        format!(
            "---\noutlet: x\nkey: {}{}\n---\nTexte.\n",
            "[".repeat(100_000),
            "]".repeat(100_000)
        ),
    )
    .unwrap();
    let keys: String = (0..5000).map(|i| format!("k{i}: 1\n")).collect();
    std::fs::write(dir.0.join("keys.md"), format!("---\noutlet: y\n{keys}---\nTexte.\n")).unwrap();
    let output = common::check_in(&dir.0, &["--format", "json"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let messages: Vec<(String, String)> = report["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| {
            (
                w["path"].as_str().unwrap().to_string(),
                w["message"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert!(messages
        .iter()
        .any(|(p, m)| p == "nested.md" && m.contains("nests brackets more than 64 deep")));
    let about_keys: Vec<&(String, String)> = messages.iter().filter(|(p, _)| p == "keys.md").collect();
    assert_eq!(about_keys.len(), 21, "{about_keys:?}");
    assert!(about_keys
        .iter()
        .any(|(_, m)| m == "4980 more unknown front matter keys are ignored (one warning each for the first 20)"));
    assert_eq!(report["documents"].as_array().unwrap().len(), 2);
}

/// Every command checks its writes: output to a full device fails the run.
#[cfg(target_os = "linux")]
#[test]
fn every_command_fails_when_its_output_cannot_be_written() {
    for args in [
        vec!["rules", "list"],
        vec!["rules", "check"],
        vec!["rules", "test"],
        vec!["rules", "explain", "trump-deadline-days"],
        vec!["rules", "words"],
        vec!["normalize", "--kind", "number", "deux"],
        vec!["check"],
    ] {
        let full = std::fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_recoupe"))
            .env("RECOUPE_NO_CACHE", "1")
            .args(&args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .stdout(full)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let err = text(&output.stderr);
        assert!(err.contains("cannot write"), "{args:?}: {err}");
        assert_eq!(err.matches("error:").count(), 1, "{args:?}: said once: {err}");
    }
}

/// A `*.yaml` link in the rules folder that cannot be followed is a rule
/// error, not a rule file skipped without a word.
#[cfg(unix)]
#[test]
fn broken_and_looping_rule_file_links_are_rule_errors() {
    for (name, target, help) in [
        ("broken.yaml", "/nonexistent/rules.yaml", "a link that points nowhere"),
        ("loop.yaml", "loop.yaml", "a link that cannot be followed (a loop?)"),
    ] {
        let dir = common::Scratch::new("rule-links");
        std::fs::copy(
            concat!(env!("CARGO_MANIFEST_DIR"), "/rules/trump-deadline.yaml"),
            dir.0.join("trump-deadline.yaml"),
        )
        .unwrap();
        std::os::unix::fs::symlink(target, dir.0.join(name)).unwrap();
        let output = recoupe(&["rules", "check", "--rules", dir.0.to_str().unwrap()]);
        assert_eq!(output.status.code(), Some(2), "{name}");
        let err = text(&output.stderr);
        assert!(
            err.contains(&format!("{name}:1:1: error: cannot read this rule file")),
            "{err}"
        );
        assert!(err.contains(help), "{err}");
    }
}

#[test]
fn a_misspelt_placeholder_is_named_with_the_right_one() {
    let dir = common::Scratch::new("placeholder-typo");
    std::fs::write(
        dir.0.join("a.yaml"),
        "rules:\n  - id: x\n    description: d\n    subject: s\n    kind: duration\n    patterns: [\"délai de {durée}\"]\n",
    )
    .unwrap();
    let output = recoupe(&["rules", "check", "--rules", dir.0.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    let err = text(&output.stderr);
    assert!(err.contains("error: unknown placeholder `{durée}`"), "{err}");
    assert!(err.contains("did you mean `{duration}`?"), "{err}");
}

/// A `--new` article that is a link to a corpus file is that file: read
/// once, shown as new.
#[cfg(unix)]
#[test]
fn a_new_article_linked_to_a_corpus_file_is_read_once() {
    let dir = common::Scratch::new("new-link");
    std::fs::create_dir_all(dir.0.join("corpus")).unwrap();
    std::fs::create_dir_all(dir.0.join("new")).unwrap();
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/000_100d8ce819ed988d.md"),
        dir.0.join("corpus/a.md"),
    )
    .unwrap();
    std::os::unix::fs::symlink("../corpus/a.md", dir.0.join("new/link.md")).unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_recoupe"))
        .env("RECOUPE_NO_CACHE", "1")
        .args(["check", "corpus", "--new", "new/link.md", "--format", "json", "--rules"])
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/rules"))
        .current_dir(&dir.0)
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let documents = report["documents"].as_array().unwrap();
    assert_eq!(documents.len(), 1, "{documents:?}");
    assert_eq!(documents[0]["path"], "new/link.md");
    assert_eq!(documents[0]["new"], true);
}

/// SARIF stays bounded: a claim that contradicts many outlets names a few of
/// them as related locations and says how many more there are.
#[test]
fn sarif_results_name_a_bounded_number_of_related_locations() {
    let dir = common::Scratch::new("sarif-bounded");
    for i in 0..9 {
        std::fs::write(
            dir.0.join(format!("a{i}.md")),
            format!(
                "---\noutlet: outlet-{i}\npublished: 2025-07-16\n---\nDonald Trump a fixé un délai de {} jours à la Russie.\n",
                50 + i
            ),
        )
        .unwrap();
    }
    let output = common::check_in(&dir.0, &["--format", "sarif"]);
    assert_eq!(output.status.code(), Some(1), "{}", text(&output.stderr));
    let sarif: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 9);
    for r in results {
        assert_eq!(r["relatedLocations"].as_array().unwrap().len(), 3, "{r}");
        let message = r["message"]["text"].as_str().unwrap();
        assert!(
            message.contains("and 5 more statements (3 shown as related locations"),
            "{message}"
        );
    }
}

/// Past GitHub's 5,000 results per run, SARIF lists the first 5,000 and a
/// note says how many there were; the log is one result per line.
#[test]
fn sarif_lists_at_most_five_thousand_results_and_says_so() {
    let dir = common::Scratch::new("sarif-capped");
    for (name, days) in [("a.md", 50), ("b.md", 60)] {
        let sentence = format!("Donald Trump a fixé un délai de {days} jours à la Russie.\n\n");
        std::fs::write(
            dir.0.join(name),
            format!(
                "---\noutlet: {name}\npublished: 2025-07-16\n---\n{}",
                sentence.repeat(2_600)
            ),
        )
        .unwrap();
    }
    let output = common::check_in(&dir.0, &["--format", "sarif"]);
    assert_eq!(output.status.code(), Some(1), "{}", text(&output.stderr));
    let log = text(&output.stdout);
    let sarif: serde_json::Value = serde_json::from_str(&log).unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 5_000);
    assert_eq!(log.lines().filter(|l| l.starts_with("{\"ruleId\"")).count(), 5_000);
    let notes: Vec<&str> = sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["level"] == "note")
        .map(|n| n["message"]["text"].as_str().unwrap())
        .collect();
    assert_eq!(
        notes,
        ["5000 of 5200 conflicting claims are listed as results (GitHub code scanning shows at most 5000 per run); `--format json` lists every one"]
    );
}

/// A file name is shown as it is (a backslash is a character of a Unix file
/// name, not a separator), and SARIF gets it as a percent-encoded URI.
#[cfg(unix)]
#[test]
fn file_names_are_shown_as_they_are_and_encoded_in_sarif() {
    let dir = common::Scratch::new("file-names");
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/new/sixty-days.md"),
        dir.0.join("a\\b c#.md"),
    )
    .unwrap();
    let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");
    let json = common::check_in(&dir.0, &[corpus, "--format", "json"]);
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert!(report["documents"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["path"] == "a\\b c#.md"));
    let sarif = common::check_in(&dir.0, &[corpus, "--format", "sarif"]);
    let sarif: serde_json::Value = serde_json::from_slice(&sarif.stdout).unwrap();
    let uris: Vec<&str> = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].as_str())
        .collect();
    assert!(uris.contains(&"a%5Cb%20c%23.md"), "{uris:?}");
}

/// A relative date resolved past the calendar's end is named as such, not
/// "no date found".
#[test]
fn a_date_past_the_calendar_gets_its_own_error() {
    let output = common::recoupe(&[
        "normalize",
        "--kind",
        "date",
        "--published",
        "9999-12-31",
        "mercredi prochain",
    ]);
    assert_eq!(output.status.code(), Some(1));
    let err = text(&output.stderr);
    assert!(
        err.contains("falls outside the calendar recoupe reads (years -9999 to 9999)"),
        "{err}"
    );
    assert!(!err.contains("no date found"), "{err}");
}
