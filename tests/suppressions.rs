//! Suppressions with reasons (issue 18, item 2): an article silences one
//! claim where it stands. Fixture: tests/fixtures/suppressions/.

mod common;

use common::{recoupe, text, Scratch};
use std::path::Path;

const FIXTURE: &str = "tests/fixtures/suppressions/early-report.md";
const SUBJECT: &str = "trump-deadline-to-russia-days";

fn fixture() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(FIXTURE)).unwrap()
}

/// Checks the seed corpus and one article written with `text`.
fn check_with(name: &str, text: &str, args: &[&str]) -> std::process::Output {
    let dir = Scratch::new(name);
    let path = dir.0.join("article.md");
    std::fs::write(&path, text).unwrap();
    recoupe(&[&["check", "corpus", path.to_str().unwrap()][..], args].concat())
}

fn json(output: &std::process::Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout).expect("a JSON report")
}

#[test]
fn an_inline_suppression_silences_the_planted_contradiction() {
    let human = recoupe(&["check", "corpus", "tests/fixtures/suppressions"]);
    assert_eq!(human.status.code(), Some(0), "{}", text(&human.stdout));
    let out = text(&human.stdout);
    assert!(
        out.ends_with("0 contradictions, 5 agreements, 5 single-source subjects, 0 warnings, 1 suppressed\n"),
        "{out}"
    );
    assert!(!out.contains("Suppressed\n"), "listed only with --show-suppressed");
    let shown = text(&recoupe(&["check", "corpus", "tests/fixtures/suppressions", "--show-suppressed"]).stdout);
    assert!(shown.contains(&format!(
        "Suppressed\n  ⊘ {FIXTURE}:10:80: {SUBJECT} “délai de 60 jours” (fixture-suppressed) — a first dispatch quoted a wrong figure; kept as published, corrected below\n"
    )), "{shown}");
    let report = json(&recoupe(&[
        "check",
        "corpus",
        "tests/fixtures/suppressions",
        "--format",
        "json",
    ]));
    assert_eq!(report["summary"]["suppressed"], 1);
    assert_eq!(report["summary"]["contradictions"], 0);
    let s = &report["suppressed"][0];
    assert_eq!(s["by"], "inline");
    assert_eq!(s["line"], 9);
    assert_eq!(s["claim"]["subject"], SUBJECT);
    assert!(s["reason"].as_str().unwrap().starts_with("a first dispatch"));
}

#[test]
fn without_the_comment_the_contradiction_is_back() {
    let plain: String = fixture()
        .lines()
        .filter(|l| !l.contains("recoupe-ignore"))
        .map(|l| format!("{l}\n"))
        .collect();
    let output = check_with("suppress-none", &plain, &[]);
    assert_eq!(output.status.code(), Some(1), "{}", text(&output.stdout));
    assert!(text(&output.stdout).starts_with(&format!("Contradiction — {SUBJECT}")));
}

#[test]
fn a_suppression_left_without_its_claim_is_reported_unused() {
    let without = fixture().replace(
        "avait fixé un délai de 60 jours à la Russie",
        "avait lancé un ultimatum à la Russie",
    );
    assert_ne!(without, fixture());
    let output = check_with("suppress-unused", &without, &["--format", "json"]);
    assert_eq!(output.status.code(), Some(0));
    let report = json(&output);
    assert_eq!(report["summary"]["suppressed"], 0);
    let warning = &report["warnings"][0];
    assert_eq!(warning["line"], 9);
    assert!(
        warning["message"].as_str().unwrap().starts_with(&format!(
            "unused suppression: no `{SUBJECT}` claim in the paragraph after it"
        )),
        "{warning}"
    );
    // An unused suppression is a warning: `--fail-on warning` fails on it.
    let strict = check_with("suppress-unused-strict", &without, &["--fail-on", "warning"]);
    assert_eq!(strict.status.code(), Some(1));
}

#[test]
fn it_covers_the_next_paragraph_only() {
    // The comment moved one paragraph up: the planted claim is not in the
    // paragraph after it.
    let moved = fixture()
        .replace("<!-- recoupe-ignore", "<!-- moved -->\n\n<!-- recoupe-ignore")
        .replacen(
            "Ce billet",
            "<!-- recoupe-ignore: trump-deadline-to-russia-days -- too early -->\nCe billet",
            1,
        );
    let lines: Vec<&str> = moved.lines().collect();
    let cleaned: String = lines
        .iter()
        .filter(|l| !l.starts_with("<!-- recoupe-ignore: trump-deadline-to-russia-days -- a first"))
        .map(|l| format!("{l}\n"))
        .collect();
    let output = check_with("suppress-scope", &cleaned, &["--format", "json"]);
    assert_eq!(output.status.code(), Some(1));
    let report = json(&output);
    assert!(report["warnings"][0]["message"]
        .as_str()
        .unwrap()
        .starts_with("unused suppression"));
}

#[test]
fn the_front_matter_suppresses_in_the_whole_article() {
    let without_comment: String = fixture()
        .lines()
        .filter(|l| !l.contains("recoupe-ignore"))
        .map(|l| format!("{l}\n"))
        .collect();
    let ignored = without_comment.replacen(
        "lang: fr\n",
        "lang: fr\nrecoupe: { ignore: [\"trump-deadline-to-russia-days -- an early figure, kept as published\"] }\n",
        1,
    );
    let output = check_with("suppress-front", &ignored, &["--format", "json"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let report = json(&output);
    assert_eq!(report["summary"]["suppressed"], 1);
    assert_eq!(report["suppressed"][0]["by"], "front_matter");
    assert_eq!(report["suppressed"][0]["line"], 5);
    assert_eq!(report["suppressed"][0]["reason"], "an early figure, kept as published");
    assert_eq!(report["warnings"], serde_json::json!([]));
    // One that matches nothing is unused.
    let unused = without_comment.replacen("lang: fr\n", "lang: fr\nrecoupe: { ignore: [no-such-subject] }\n", 1);
    let output = check_with("suppress-front-unused", &unused, &["--format", "json"]);
    let report = json(&output);
    let messages: Vec<&str> = report["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["message"].as_str().unwrap())
        .collect();
    assert!(messages.contains(&"unused suppression: no `no-such-subject` claim in this article; remove it (the claim it silenced is gone)"), "{messages:?}");
}

#[test]
fn a_suppression_without_a_reason_is_a_warning() {
    let bare = fixture().replace(
        " -- a first dispatch quoted a wrong figure; kept as published, corrected below",
        "",
    );
    let output = check_with("suppress-bare", &bare, &["--format", "json"]);
    assert_eq!(output.status.code(), Some(0));
    let report = json(&output);
    assert_eq!(report["summary"]["suppressed"], 1);
    assert!(report["warnings"][0]["message"]
        .as_str()
        .unwrap()
        .contains("gives no reason"));
}

/// A claim suppressed by its fingerprint in the baseline, with a reason.
#[test]
fn a_baseline_suppresses_a_claim_by_its_fingerprint() {
    let planted = ["check", "corpus", "tests/fixtures/contradictions", "--format", "json"];
    let report = json(&recoupe(&planted));
    let claim = report["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["path"].as_str().unwrap().contains("planted") && c["subject"] == SUBJECT)
        .expect("the planted 60 days");
    let fingerprint = claim["fingerprint"].as_str().unwrap();
    assert_eq!(fingerprint.len(), 32);
    let dir = Scratch::new("suppress-baseline");
    let baseline = dir.0.join("baseline.json");
    let write = |claims: serde_json::Value| {
        let file = serde_json::json!({"version": 1, "contradictions": [], "claims": claims});
        std::fs::write(&baseline, serde_json::to_string_pretty(&file).unwrap()).unwrap();
    };
    write(serde_json::json!([{"fingerprint": fingerprint, "reason": "planted on purpose"}]));
    let with = |extra: &[&str]| recoupe(&[&planted[..], &["--baseline", baseline.to_str().unwrap()], extra].concat());
    let output = with(&[]);
    let r = json(&output);
    assert_eq!(r["summary"]["suppressed"], 1);
    assert_eq!(r["suppressed"][0]["by"], "baseline");
    assert_eq!(r["suppressed"][0]["reason"], "planted on purpose");
    // The deadline is no longer a contradiction; the two other planted ones are.
    assert_eq!(r["summary"]["contradictions"], 2);
    // Writing the baseline again keeps the suppressed claim.
    let again = dir.0.join("again.json");
    let out = with(&["--write-baseline", again.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(std::fs::read_to_string(&again).unwrap().contains(fingerprint));
    // A fingerprint that matches nothing is unused.
    write(serde_json::json!([{"fingerprint": "0123", "reason": "gone"}]));
    let r = json(&with(&[]));
    let messages: Vec<&str> = r["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["message"].as_str().unwrap())
        .collect();
    assert!(
        messages
            .iter()
            .any(|m| m.starts_with("unused suppression: no claim has the fingerprint 0123")),
        "{messages:?}"
    );
}
