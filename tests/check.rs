//! `recoupe check` end to end: the real binary on the shipped corpus and rules,
//! and on fixtures that plant contradictions.

use serde_json::Value as Json;
use std::process::{Command, Output};

mod common;
use common::{recoupe, text};

fn stdout(output: &Output) -> String {
    text(&output.stdout)
}

fn stderr(output: &Output) -> String {
    text(&output.stderr)
}

fn json(output: &Output) -> Json {
    serde_json::from_slice(&output.stdout).expect("stdout is JSON")
}

fn claims_of<'a>(report: &'a Json, rule: &str) -> Vec<&'a Json> {
    report["claims"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["rule"] == rule)
        .collect()
}

fn finding<'a>(report: &'a Json, subject: &str) -> &'a Json {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["subject"] == subject)
        .unwrap_or_else(|| panic!("no finding for {subject}"))
}

/// The paths of the claims a finding lists.
fn claim_paths(report: &Json, finding: &Json) -> Vec<String> {
    let ids: Vec<&str> = finding["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i.as_str().unwrap())
        .collect();
    let mut paths: Vec<String> = report["claims"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| ids.contains(&c["id"].as_str().unwrap()))
        .map(|c| c["path"].as_str().unwrap().to_string())
        .collect();
    paths.sort();
    paths.dedup();
    paths
}

#[test]
fn the_seed_corpus_agrees_on_the_deadline_the_round_date_and_the_ceasefire() {
    let output = recoupe(&["check", "corpus", "--format", "json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let report = json(&output);

    let deadline = finding(&report, "trump-deadline-to-russia-days");
    assert_eq!(deadline["status"], "agreement");
    assert_eq!(
        claim_paths(&report, deadline),
        ["corpus/001_17b765d36e3de4a7.md", "corpus/002_15810f9d34331853.md"]
    );
    for claim in claims_of(&report, "trump-deadline-days") {
        assert_eq!(
            (claim["value"]["lo"].as_f64(), claim["value"]["hi"].as_f64()),
            (Some(50.0), Some(50.0))
        );
        assert_eq!(claim["value"]["unit"], "day");
    }

    let round = finding(&report, "istanbul-round-3-date");
    assert_eq!(round["status"], "agreement");
    assert!(round["outlets"].as_array().unwrap().len() >= 2);
    for claim in claims_of(&report, "istanbul-round-3-date") {
        assert_eq!(claim["value"]["lo"], "2025-07-23", "{claim}");
        assert_eq!(claim["value"]["hi"], "2025-07-23", "{claim}");
    }

    let ceasefire = finding(&report, "kyiv-ceasefire-demand-days");
    assert_eq!(ceasefire["status"], "agreement");
    assert_eq!(
        claim_paths(&report, ceasefire),
        ["corpus/002_15810f9d34331853.md", "corpus/003_a40a122afaa65fb4.md"]
    );
}

#[test]
fn the_seed_corpus_yields_the_drone_missile_and_prisoner_counts() {
    let report = json(&recoupe(&["check", "corpus", "--format", "json"]));
    let value_of = |rule: &str| -> Vec<(String, f64)> {
        claims_of(&report, rule)
            .iter()
            .map(|c| {
                (
                    c["path"].as_str().unwrap().to_string(),
                    c["value"]["lo"].as_f64().unwrap(),
                )
            })
            .collect()
    };
    assert_eq!(
        value_of("night-attack-2025-07-21-drones"),
        [("corpus/001_17b765d36e3de4a7.md".to_string(), 426.0)]
    );
    assert_eq!(
        value_of("night-attack-2025-07-21-missiles"),
        [("corpus/001_17b765d36e3de4a7.md".to_string(), 24.0)]
    );
    assert_eq!(
        value_of("prisoner-exchange-may-2025-per-side"),
        [("corpus/003_a40a122afaa65fb4.md".to_string(), 1000.0)]
    );
}

#[test]
fn every_claim_points_at_its_quote_in_the_file_as_stored() {
    let report = json(&recoupe(&["check", "corpus", "--format", "json"]));
    for claim in report["claims"].as_array().unwrap() {
        let text = std::fs::read_to_string(claim["path"].as_str().unwrap()).unwrap();
        let (start, end) = (
            claim["span"]["start"].as_u64().unwrap() as usize,
            claim["span"]["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[start..end], claim["quote"].as_str().unwrap());
        let line = claim["span"]["line"].as_u64().unwrap() as usize;
        let column = claim["span"]["column"].as_u64().unwrap() as usize;
        let line_text = text.lines().nth(line - 1).unwrap();
        let from_column: String = line_text.chars().skip(column - 1).collect();
        assert!(
            from_column.starts_with(claim["quote"].as_str().unwrap().lines().next().unwrap()),
            "{claim}"
        );
    }
}

#[test]
fn the_seed_corpus_report_is_stable() {
    let output = recoupe(&["check", "corpus", "--format", "json"]);
    snapshot!("check_corpus.json", stdout(&output));
    let output = recoupe(&["check", "corpus"]);
    snapshot!("check_corpus.human", stdout(&output));
}

#[test]
fn a_planted_sixty_day_deadline_contradicts_the_corpus_and_exits_1() {
    let output = recoupe(&["check", "corpus", "tests/fixtures/contradictions", "--format", "json"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let report = json(&output);
    let deadline = finding(&report, "trump-deadline-to-russia-days");
    assert_eq!(deadline["status"], "contradiction");
    let value = |id: &Json| -> f64 {
        report["claims"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == *id)
            .unwrap()["value"]["lo"]
            .as_f64()
            .unwrap()
    };
    let pairs: Vec<(f64, f64)> = deadline["conflicts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|pair| (value(&pair[0]), value(&pair[1])))
        .collect();
    assert!(!pairs.is_empty());
    for (a, b) in &pairs {
        let mut pair = [*a, *b];
        pair.sort_by(f64::total_cmp);
        assert_eq!(pair, [50.0, 60.0]);
    }
    for subject in ["night-attack-2025-07-21-drones", "istanbul-round-3-date"] {
        assert_eq!(finding(&report, subject)["status"], "contradiction", "{subject}");
    }
    // The planted article's 24 missiles agree with seed 001.
    assert_eq!(
        finding(&report, "night-attack-2025-07-21-missiles")["status"],
        "agreement"
    );
    assert_eq!(report["summary"]["contradictions"], 3);

    snapshot!("check_planted.json", stdout(&output));
    let human = recoupe(&["check", "corpus", "tests/fixtures/contradictions"]);
    assert_eq!(human.status.code(), Some(1));
    snapshot!("check_planted.human", stdout(&human));
}

#[test]
fn an_article_without_front_matter_is_checked_with_a_warning() {
    let output = recoupe(&["check", "tests/fixtures/no-front-matter", "--format", "json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let report = json(&output);
    assert_eq!(report["documents"][0]["outlet"], "unknown");
    assert_eq!(report["documents"][0]["published"], Json::Null);
    assert_eq!(claims_of(&report, "kyiv-ceasefire-demand-days").len(), 1);
    let warnings = report["warnings"].as_array().unwrap();
    assert_eq!(warnings.len(), 1);
    assert!(warnings[0]["message"].as_str().unwrap().contains("no front matter"));
    assert_eq!(report["summary"]["warnings"], 1);
}

#[test]
fn an_unclosed_parenthesis_in_a_pattern_exits_2_naming_file_line_and_column() {
    let output = recoupe(&["check", "corpus", "--rules", "tests/fixtures/bad-rules/unclosed"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let err = stderr(&output);
    // Line 7, and the column of the `(` inside the quoted pattern.
    assert!(
        err.contains("tests/fixtures/bad-rules/unclosed/deadline.yaml:7:30: error: invalid regular expression"),
        "{err}"
    );
    snapshot!("bad_rules_unclosed.stderr", err);
}

#[test]
fn an_unknown_key_exits_2_naming_file_line_and_column() {
    let output = recoupe(&["check", "corpus", "--rules", "tests/fixtures/bad-rules/unknown-key"]);
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(
        err.contains("tests/fixtures/bad-rules/unknown-key/deadline.yaml:6:5: error: unknown key `paterns`"),
        "{err}"
    );
    assert!(err.contains("did you mean `patterns`?"), "{err}");
}

#[test]
fn a_missing_path_exits_2() {
    let output = recoupe(&["check", "no/such/folder"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("no/such/folder"));
}

#[test]
fn output_is_the_same_bytes_whatever_the_thread_count() {
    let run = |threads: &str| {
        Command::new(env!("CARGO_BIN_EXE_recoupe"))
            .env("RECOUPE_NO_CACHE", "1")
            .args(["check", "corpus", "tests/fixtures/contradictions", "--format", "json"])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("RAYON_NUM_THREADS", threads)
            .output()
            .unwrap()
            .stdout
    };
    assert_eq!(run("1"), run("4"));
}

/// A count that changed, told after its noun ("the number of injured
/// climbed from nine to sixteen"), is two claims of one rule in one stretch
/// of words: both are kept, each with its own id, the later one quoted from
/// its own value.
#[test]
fn two_values_of_one_rule_in_one_stretch_are_two_claims_with_their_own_ids() {
    let output = recoupe(&["check", "tests/fixtures/two-values-one-stretch", "--format", "json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let report = json(&output);
    let claims = claims_of(&report, "kyiv-strike-2025-07-21-injured-toll-first");
    let values: Vec<(i64, &str)> = claims
        .iter()
        .map(|c| (c["value"]["lo"].as_i64().unwrap(), c["quote"].as_str().unwrap()))
        .collect();
    assert_eq!(
        values,
        [(9, "number of injured climbed from nine to sixteen"), (16, "sixteen")]
    );
    assert_ne!(claims[0]["id"], claims[1]["id"]);
    assert_eq!(claims[0]["recalled"], true, "the lower count is the earlier state");
}
