//! CI mode: `check --new`, baselines, and the SARIF, GitHub, JUnit and
//! Markdown formats, each snapshot-tested on the same fixtures.

use serde_json::Value as Json;
use std::collections::BTreeSet;
use std::path::Path;

mod common;
use common::{recoupe, recoupe_with, text};

const THURSDAY: &str = "tests/fixtures/new/thursday.md";
const SIXTY: &str = "tests/fixtures/new/sixty-days.md";
const AGREES: &str = "tests/fixtures/new/agrees.md";
const PLANTED: &str = "tests/fixtures/contradictions";

/// Every reported finding holds a claim of `path`.
fn assert_only_findings_involving(report: &Json, path: &str) {
    let new_ids: BTreeSet<&str> = report["claims"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["path"] == path)
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert!(!new_ids.is_empty());
    for f in report["findings"].as_array().unwrap() {
        assert!(
            f["claims"]
                .as_array()
                .unwrap()
                .iter()
                .any(|id| new_ids.contains(id.as_str().unwrap())),
            "{f}"
        );
        for pair in f["conflicts"].as_array().unwrap() {
            assert!(
                pair.as_array()
                    .unwrap()
                    .iter()
                    .any(|id| new_ids.contains(id.as_str().unwrap())),
                "{pair}"
            );
        }
    }
}

#[test]
fn a_new_article_with_a_thursday_round_exits_1_and_reports_only_its_findings() {
    let output = recoupe(&["check", "corpus", "--format", "json", "--new", THURSDAY]);
    assert_eq!(output.status.code(), Some(1), "{}", text(&output.stderr));
    let report: Json = serde_json::from_slice(&output.stdout).unwrap();
    assert_only_findings_involving(&report, THURSDAY);
    let subjects: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["subject"].as_str().unwrap())
        .collect();
    assert_eq!(subjects, ["istanbul-round-3-date"]);
    assert_eq!(report["findings"][0]["status"], "contradiction");
    let new: Vec<&Json> = report["documents"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["new"] == true)
        .collect();
    assert_eq!(new.len(), 1);
    assert_eq!(new[0]["path"], THURSDAY);
}

#[test]
fn a_new_article_with_a_sixty_day_deadline_exits_1() {
    let output = recoupe(&["check", "corpus", "--format", "json", "--new", SIXTY]);
    assert_eq!(output.status.code(), Some(1));
    let report: Json = serde_json::from_slice(&output.stdout).unwrap();
    assert_only_findings_involving(&report, SIXTY);
    assert_eq!(report["findings"][0]["subject"], "trump-deadline-to-russia-days");
    assert_eq!(report["findings"][0]["status"], "contradiction");
}

#[test]
fn a_new_article_that_agrees_exits_0_with_its_agreements() {
    let output = recoupe(&["check", "corpus", "--format", "json", "--new", AGREES]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stdout));
    let report: Json = serde_json::from_slice(&output.stdout).unwrap();
    assert_only_findings_involving(&report, AGREES);
    let statuses: BTreeSet<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, BTreeSet::from(["agreement"]));
    assert_eq!(report["summary"]["agreements"], 2);
}

#[test]
fn old_contradictions_do_not_fail_a_new_article_that_does_not_take_part() {
    // The planted fixture contradicts the corpus on three subjects; a new
    // article on another subject must not inherit those contradictions.
    let new = "tests/fixtures/no-front-matter/sans-en-tete.txt";
    let output = recoupe(&["check", "corpus", PLANTED, "--format", "json", "--new", new]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stdout));
    let report: Json = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["findings"].as_array().unwrap().len(), 1);
    assert_eq!(report["findings"][0]["subject"], "kyiv-ceasefire-demand-days");
    assert_eq!(report["findings"][0]["status"], "agreement");
}

#[test]
fn a_new_article_can_come_from_standard_input() {
    let article = std::fs::read(SIXTY).unwrap();
    let output = recoupe_with(
        &["check", "corpus", "--format", "json", "--new", "-"],
        None,
        Some(&article),
    );
    assert_eq!(output.status.code(), Some(1), "{}", text(&output.stderr));
    let report: Json = serde_json::from_slice(&output.stdout).unwrap();
    assert_only_findings_involving(&report, "<stdin>");
    let stdin_doc = report["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["path"] == "<stdin>")
        .unwrap();
    assert_eq!(stdin_doc["outlet"], "fixture-sixty");
}

#[test]
fn a_missing_new_article_exits_2() {
    let output = recoupe(&["check", "corpus", "--new", "tests/fixtures/new/missing.md"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("missing.md"));
}

#[test]
fn sarif_validates_against_the_oasis_schema() {
    let schema: Json =
        serde_json::from_str(&std::fs::read_to_string("tests/sarif/sarif-schema-2.1.0.json").unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the SARIF schema compiles");
    for args in [
        vec!["check", "corpus", PLANTED, "--format", "sarif"],
        vec!["check", "corpus", "--format", "sarif", "--new", THURSDAY],
        vec!["check", "tests/fixtures/no-front-matter", "--format", "sarif"],
    ] {
        let output = recoupe(&args);
        let sarif: Json = serde_json::from_slice(&output.stdout).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&sarif)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{args:?}: {errors:#?}");
    }
    let output = recoupe(&["check", "corpus", PLANTED, "--format", "sarif"]);
    let sarif: Json = serde_json::from_slice(&output.stdout).unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    // The corpus claims in conflict (7 round dates, 1 drone count, 2
    // deadlines) and the planted article's 3.
    assert_eq!(results.len(), 13);
    for r in results {
        assert!(!r["relatedLocations"].as_array().unwrap().is_empty());
        assert!(r["partialFingerprints"]["recoupeConflict/v1"].is_string());
    }
    snapshot!("ci_planted.sarif", text(&output.stdout));
}

#[test]
fn github_annotations_are_well_formed_workflow_commands() {
    let output = recoupe(&["check", "corpus", "--format", "github", "--new", THURSDAY, SIXTY]);
    assert_eq!(output.status.code(), Some(1));
    let out = text(&output.stdout);
    let command =
        regex::Regex::new(r"^::(error|warning|notice)( [a-zA-Z]+=[^,:]*(,[a-zA-Z]+=[^,:]*)*)?::[^\r\n]*$").unwrap();
    let lines: Vec<&str> = out.lines().collect();
    let (summary, commands) = lines.split_last().unwrap();
    assert!(summary.starts_with("recoupe: "));
    assert_eq!(commands.len(), 2, "{out}");
    for line in commands {
        assert!(command.is_match(line), "{line}");
        assert!(line.starts_with("::error file=tests/fixtures/new/"), "{line}");
    }
    snapshot!("ci_new.github", out);
}

#[test]
fn junit_is_well_formed_xml_with_a_failure_per_contradiction() {
    let output = recoupe(&["check", "corpus", PLANTED, "--format", "junit"]);
    let xml = text(&output.stdout);
    let mut reader = quick_xml::Reader::from_str(&xml);
    let (mut testcases, mut failures, mut depth) = (0, 0, 0i32);
    loop {
        match reader.read_event().expect("well-formed XML") {
            quick_xml::events::Event::Start(e) => {
                depth += 1;
                match e.name().as_ref() {
                    b"testcase" => testcases += 1,
                    b"failure" => failures += 1,
                    _ => {}
                }
            }
            quick_xml::events::Event::Empty(e) if e.name().as_ref() == b"testcase" => testcases += 1,
            quick_xml::events::Event::End(_) => depth -= 1,
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(depth, 0);
    let report: Json =
        serde_json::from_slice(&recoupe(&["check", "corpus", PLANTED, "--format", "json"]).stdout).unwrap();
    assert_eq!(testcases, report["findings"].as_array().unwrap().len());
    let conflicts: usize = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["conflicts"].as_array().unwrap().len())
        .sum();
    assert_eq!(failures, conflicts);
    snapshot!("ci_planted.junit", xml);
}

#[test]
fn markdown_has_a_subject_by_outlet_table_and_the_contradictions() {
    let output = recoupe(&["check", "corpus", PLANTED, "--format", "markdown"]);
    let md = text(&output.stdout);
    let table: Vec<&str> = md.lines().filter(|l| l.starts_with('|')).collect();
    let columns = table[0].matches('|').count();
    assert!(table.len() > 2);
    assert!(
        table
            .iter()
            .all(|row| row.replace("\\|", "").matches('|').count() == columns),
        "{md}"
    );
    assert!(md.contains("## Contradictions"));
    // The memo's headline, then each quote under its value.
    assert!(
        md.contains("### Contradiction — `trump-deadline-to-russia-days`: AFP and outlet-001 say **50 days**; fixture-planted says **60 days**\n"),
        "{md}"
    );
    assert!(
        md.contains("**60 days**\n\n- “délai de **60 jours**” (fixture-planted, fr), published 2025-07-21 — `tests/fixtures/contradictions/planted-001.md:9:119`\n"),
        "{md}"
    );
    snapshot!("ci_planted.markdown", md);
}

#[test]
fn a_baseline_accepts_what_it_recorded_and_fails_on_anything_new() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("baseline");
    std::fs::create_dir_all(&dir).unwrap();
    let baseline = dir.join("baseline.json");
    let baseline = baseline.to_str().unwrap();

    let written = recoupe(&[
        "check",
        "corpus",
        PLANTED,
        "--format",
        "json",
        "--write-baseline",
        baseline,
    ]);
    assert_eq!(written.status.code(), Some(0), "{}", text(&written.stderr));
    let recorded: Json = serde_json::from_str(&std::fs::read_to_string(baseline).unwrap()).unwrap();
    // 9 conflicting pairs, but pairs that differ only by position in the same
    // article share a fingerprint: 3 outlets against the planted Thursday, 1
    // drone count, 2 deadlines.
    assert_eq!(recorded["contradictions"].as_array().unwrap().len(), 6);

    let accepted = recoupe(&["check", "corpus", PLANTED, "--format", "json", "--baseline", baseline]);
    assert_eq!(accepted.status.code(), Some(0));
    let report: Json = serde_json::from_slice(&accepted.stdout).unwrap();
    assert_eq!(report["summary"]["contradictions"], 3);
    assert_eq!(report["summary"]["known_contradictions"], 3);

    // A new outlet saying Thursday is another contradiction: it still fails.
    let added = recoupe(&[
        "check",
        "corpus",
        PLANTED,
        THURSDAY,
        "--format",
        "json",
        "--baseline",
        baseline,
    ]);
    assert_eq!(added.status.code(), Some(1));
    let report: Json = serde_json::from_slice(&added.stdout).unwrap();
    let round = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["subject"] == "istanbul-round-3-date")
        .unwrap();
    assert_eq!(round["known"], false);

    let bad = dir.join("bad.json");
    std::fs::write(&bad, "not json").unwrap();
    assert_eq!(
        recoupe(&["check", "--baseline", bad.to_str().unwrap()]).status.code(),
        Some(2)
    );
}

#[test]
fn the_output_flag_writes_the_report_to_a_file() {
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join("report.md");
    let output = recoupe(&[
        "check",
        "corpus",
        "--format",
        "markdown",
        "--output",
        path.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(0));
    assert!(output.stdout.is_empty());
    assert!(std::fs::read_to_string(&path).unwrap().starts_with("# recoupe report"));
}

#[test]
fn every_format_is_byte_identical_for_one_and_many_threads() {
    for format in ["human", "json", "sarif", "github", "junit", "markdown", "html"] {
        let args = ["check", "corpus", PLANTED, "--format", format, "--color", "never"];
        let one = recoupe_with(&args, Some("1"), None).stdout;
        let many = recoupe_with(&args, Some("8"), None).stdout;
        assert!(!one.is_empty());
        assert_eq!(one, many, "{format}");
    }
}
