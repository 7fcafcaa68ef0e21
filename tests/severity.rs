//! A rule's `severity` (issue 18, item 3): what its contradictions do to the
//! exit code, and the level of SARIF results and GitHub annotations.

mod common;

use common::{recoupe, text, Scratch};
use std::path::Path;

/// The shipped deadline rules, every one with `severity`, in a folder of
/// their own.
fn rules_with(name: &str, severity: &str) -> Scratch {
    let dir = Scratch::new(name);
    let yaml =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/trump-deadline.yaml")).unwrap();
    let mut out = String::new();
    for line in yaml.lines() {
        out.push_str(line);
        out.push('\n');
        if line.starts_with("  - id: ") {
            out.push_str(&format!("    severity: {severity}\n"));
        }
    }
    std::fs::write(dir.0.join("trump-deadline.yaml"), out).unwrap();
    dir
}

fn check(rules: &Scratch, args: &[&str]) -> std::process::Output {
    let planted = [
        "check",
        "corpus",
        "tests/fixtures/contradictions",
        "--rules",
        rules.0.to_str().unwrap(),
    ];
    recoupe(&[&planted[..], args].concat())
}

#[test]
fn a_warning_rule_fails_only_with_fail_on_warning() {
    let rules = rules_with("severity-warning", "warning");
    let plain = check(&rules, &[]);
    assert_eq!(plain.status.code(), Some(0), "{}", text(&plain.stderr));
    assert!(text(&plain.stdout).starts_with("Contradiction — trump-deadline-to-russia-days"));
    assert_eq!(check(&rules, &["--fail-on", "warning"]).status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&check(&rules, &["--format", "json"]).stdout).unwrap();
    let finding = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["status"] == "contradiction")
        .unwrap();
    assert_eq!(finding["severity"], "warning");
    let sarif: serde_json::Value = serde_json::from_slice(&check(&rules, &["--format", "sarif"]).stdout).unwrap();
    let run = &sarif["runs"][0];
    assert_eq!(run["results"][0]["level"], "warning");
    assert_eq!(
        run["tool"]["driver"]["rules"][0]["defaultConfiguration"]["level"],
        "warning"
    );
    let github = text(
        &check(
            &rules,
            &[
                "--format",
                "github",
                "--new",
                "tests/fixtures/contradictions/planted-001.md",
            ],
        )
        .stdout,
    );
    assert!(
        github.contains("::warning file=tests/fixtures/contradictions/planted-001.md"),
        "{github}"
    );
    assert!(!github.contains("::error"), "{github}");
}

#[test]
fn an_info_rule_never_fails() {
    let rules = rules_with("severity-info", "info");
    assert_eq!(check(&rules, &[]).status.code(), Some(0));
    assert_eq!(check(&rules, &["--fail-on", "warning"]).status.code(), Some(0));
    let sarif: serde_json::Value = serde_json::from_slice(&check(&rules, &["--format", "sarif"]).stdout).unwrap();
    assert_eq!(sarif["runs"][0]["results"][0]["level"], "note");
}

#[test]
fn an_error_rule_fails_as_before() {
    let rules = rules_with("severity-error", "error");
    assert_eq!(check(&rules, &[]).status.code(), Some(1));
    assert_eq!(check(&rules, &["--exit-zero"]).status.code(), Some(0));
}

#[test]
fn an_unknown_severity_is_a_rule_error_with_its_place() {
    let rules = rules_with("severity-bad", "fatal");
    let output = recoupe(&["rules", "check", "--rules", rules.0.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = text(&output.stderr);
    assert!(stderr.contains("trump-deadline.yaml:7:"), "{stderr}");
    assert!(stderr.contains("fatal"), "{stderr}");
}
