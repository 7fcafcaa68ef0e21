//! The rule toolkit: `recoupe rules check|test|list|explain|patterns`.

use std::path::{Path, PathBuf};

mod common;
use common::{recoupe, text};

/// A copy of the shipped rules in a fresh folder under target/, to alter.
fn copy_of_rules(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for entry in std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("rules")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
    }
    dir
}

#[test]
fn the_shipped_rules_pass_their_own_examples() {
    let output = recoupe(&["rules", "test"]);
    let report = text(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{report}");
    assert!(report.contains("0 failed"), "{report}");
    assert!(report.contains("0 false positives, 0 false negatives"), "{report}");
    snapshot!("rules_test_shipped", report);
}

/// Every shipped rule that reads English articles has at least 6 English
/// `match` and 3 English `no_match` examples (English-articles issue).
#[test]
fn every_shipped_rule_that_reads_english_has_english_examples() {
    use recoupe::language::Lang;
    let rules = recoupe::rules::load_dir(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/rules")))
        .unwrap_or_else(|_| panic!("the shipped rules load"));
    for rule in &rules.rules {
        let Some(frame) = &rule.frame else { continue };
        if !frame.reads(Lang::En) {
            continue;
        }
        let matches = rule.examples.matches.iter().filter(|e| e.lang == Lang::En).count();
        let no_match = rule.examples.no_match.iter().filter(|e| e.lang == Lang::En).count();
        assert!(
            matches >= 6 && no_match >= 3,
            "{}: {matches} English match, {no_match} English no_match",
            rule.id
        );
    }
}

#[test]
fn every_shipped_rule_has_three_match_and_two_no_match_examples() {
    let output = recoupe(&["rules", "list", "--format", "json"]);
    let list: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    for rule in list.as_array().unwrap() {
        assert!(rule["examples"]["match"].as_u64().unwrap() >= 3, "{rule}");
        assert!(rule["examples"]["no_match"].as_u64().unwrap() >= 2, "{rule}");
    }
}

#[test]
fn a_wrong_expected_value_fails_naming_the_rule_and_the_example() {
    let dir = copy_of_rules("wrong-expected");
    let file = dir.join("trump-deadline.yaml");
    let yaml = std::fs::read_to_string(&file).unwrap();
    let altered = yaml.replacen("value: 50", "value: 51", 1);
    assert_ne!(yaml, altered);
    std::fs::write(&file, altered).unwrap();

    let output = recoupe(&["rules", "test", "--rules", dir.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let report = text(&output.stdout);
    assert!(report.contains("✘ trump-deadline-days"), "{report}");
    assert!(
        report.contains("✘ match 1 wrong value: got 50 days, expected 51 days"),
        "{report}"
    );
    assert!(report.contains("1 failed"), "{report}");
}

#[test]
fn a_no_match_example_that_matches_is_a_false_positive() {
    let dir = copy_of_rules("false-positive");
    let file = dir.join("trump-deadline.yaml");
    let yaml = std::fs::read_to_string(&file).unwrap();
    let altered = yaml.replacen(
        "      no_match:\n",
        "      no_match:\n        - \"Trump laisse un délai de 70 jours à Moscou\"\n",
        1,
    );
    std::fs::write(&file, altered).unwrap();
    let output = recoupe(&["rules", "test", "--rules", dir.to_str().unwrap(), "--filter", "trump"]);
    assert_eq!(output.status.code(), Some(1));
    let report = text(&output.stdout);
    assert!(report.contains("✘ no_match 1 false positive: read 70 days"), "{report}");
    assert!(report.contains("1 false positive,"), "{report}");
}

/// A `no_match` example's `published` is the day its relative dates are
/// read against: the same words pass without it (`demain` falls on no day)
/// and are a false positive published the day before the talks.
#[test]
fn a_no_match_example_reads_its_weekdays_against_its_publication_day() {
    let dir = copy_of_rules("no-match-published");
    let file = dir.join("istanbul-round-3-date.yaml");
    let yaml = std::fs::read_to_string(&file).unwrap();
    let line = "Les délégations se retrouvent demain à Istanbul pour de nouvelles négociations.";
    for (published, code) in [(None, 0), (Some("2025-07-22"), 1)] {
        let example = match published {
            None => format!("        - {{ text: \"{line}\", lang: fr }}\n"),
            Some(day) => format!("        - {{ text: \"{line}\", lang: fr, published: \"{day}\" }}\n"),
        };
        let altered = yaml.replacen("      no_match:\n", &format!("      no_match:\n{example}"), 1);
        assert_ne!(yaml, altered);
        std::fs::write(&file, altered).unwrap();
        let output = recoupe(&[
            "rules",
            "test",
            "--rules",
            dir.to_str().unwrap(),
            "--filter",
            "istanbul-round-3",
        ]);
        let report = text(&output.stdout);
        assert_eq!(output.status.code(), Some(code), "published {published:?}:\n{report}");
        if code == 1 {
            assert!(report.contains("✘ no_match 1 false positive: read"), "{report}");
        }
    }
}

#[test]
fn rules_check_reports_an_unknown_key_an_unclosed_parenthesis_and_a_duplicate_id_together() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("three-errors");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("a.yaml"),
        "rules:\n  - id: deadline\n    description: d\n    subject: s\n    kind: duration\n    patterns:\n      - \"délai de {duration} (à la Russie\"\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("b.yaml"),
        "rules:\n  - id: deadline\n    description: d\n    subject: s\n    kind: duration\n    patterns: [\"délai de {duration}\"]\n    tolerence: 1\n",
    )
    .unwrap();
    let output = recoupe(&["rules", "check", "--rules", dir.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    let err = text(&output.stderr);
    assert!(
        err.contains("a.yaml:7:30: error: invalid regular expression: unclosed group"),
        "{err}"
    );
    assert!(
        err.contains("b.yaml:7:5: error: unknown key `tolerence` in a rule"),
        "{err}"
    );
    assert!(err.contains("did you mean `tolerance`?"), "{err}");
    assert!(
        err.contains("b.yaml:2:9: error: rule id `deadline` is used twice"),
        "{err}"
    );
    assert!(err.contains("3 errors in rule files"), "{err}");
}

#[test]
fn rules_check_passes_on_the_shipped_rules() {
    let output = recoupe(&["rules", "check"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
}

#[test]
fn rules_list_json_names_id_subject_kind_and_file() {
    let output = recoupe(&["rules", "list", "--format", "json"]);
    assert_eq!(output.status.code(), Some(0));
    let list: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let deadline = list
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "trump-deadline-days")
        .expect("the deadline rule is listed");
    assert_eq!(deadline["subject"], "trump-deadline-to-russia-days");
    assert_eq!(deadline["kind"], "duration");
    assert_eq!(deadline["file"], "rules/trump-deadline.yaml");
    snapshot!("rules_list_human", text(&recoupe(&["rules", "list"]).stdout));
}

#[test]
fn rules_explain_shows_each_pattern_as_written_and_expanded() {
    let output = recoupe(&[
        "rules",
        "explain",
        "trump-deadline-days",
        "--rules",
        "tests/fixtures/pattern-rules",
    ]);
    assert_eq!(output.status.code(), Some(0));
    let out = text(&output.stdout);
    assert!(out.contains("written:  (?:délai|ultimatum) de {duration}"), "{out}");
    assert!(
        out.contains("expanded: (?i)(?:délai|ultimatum)\\s+de\\s+(?P<value>"),
        "{out}"
    );
    let unknown = recoupe(&["rules", "explain", "no-such-rule"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(text(&unknown.stderr).contains("trump-deadline-days"));
}

#[test]
fn rules_explain_shows_the_frame_and_why_each_value_of_an_article_is_read_or_not() {
    let output = recoupe(&[
        "rules",
        "explain",
        "trump-deadline-days",
        "--in",
        "tests/fixtures/contradictions/planted-001.md",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let out = text(&output.stdout);
    assert!(
        out.contains("frame:\n  values:     every {duration} in the article"),
        "{out}"
    );
    assert!(
        out.contains("  unit:       [day, days, jour, jours] within 3 words after the value"),
        "{out}"
    );
    assert!(
        out.contains("in tests/fixtures/contradictions/planted-001.md (lang fr, front matter):"),
        "{out}"
    );
    // The planted 60 days are read; nothing else in the article is a duration.
    assert!(out.contains("  ✔ 9:119 “60 jours”: read"), "{out}");
    let missing = recoupe(&["rules", "explain", "trump-deadline-days", "--in", "no/such/article.md"]);
    assert_eq!(missing.status.code(), Some(2));
}

/// `rules explain --in` says "read" only of what `check` keeps: a day the
/// frame finds in a talks sentence but outside the rule's `when` (an
/// earlier round) is named as another event's, beside the day that is read.
#[test]
fn rules_explain_reads_only_what_check_keeps() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("explain-when");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let article = dir.join("rounds.md");
    std::fs::write(
        &article,
        "---\noutlet: \"Essai\"\npublished: 2025-07-22\nlang: fr\n---\nLes négociations d'Istanbul avaient repris le 2 juin, puis une nouvelle session se tiendra mercredi à Istanbul.\n",
    )
    .unwrap();
    let output = recoupe(&[
        "rules",
        "explain",
        "istanbul-round-3-date",
        "--in",
        article.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let out = text(&output.stdout);
    assert!(
        out.contains(
            "  ✘ 6:44 “le 2 juin”: the frame holds, but the day it names is outside the rule's `when`: another event's"
        ),
        "{out}"
    );
    assert!(out.contains("  ✔ 6:92 “mercredi”: read"), "{out}");
    let check = recoupe(&["check", article.to_str().unwrap(), "--format", "json", "--no-cache"]);
    let report: serde_json::Value = serde_json::from_slice(&check.stdout).unwrap();
    let days: Vec<&str> = report["claims"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["subject"] == "istanbul-round-3-date")
        .map(|c| c["value"]["text"].as_str().unwrap())
        .collect();
    assert_eq!(days, ["mercredi"]);
}

#[test]
fn rules_patterns_prints_one_compiled_regex_per_pattern() {
    let output = recoupe(&["rules", "patterns", "--rules", "tests/fixtures/pattern-rules"]);
    let out = text(&output.stdout);
    let lines: Vec<&str> = out.lines().collect();
    let list: serde_json::Value = serde_json::from_slice(
        &recoupe(&[
            "rules",
            "list",
            "--format",
            "json",
            "--rules",
            "tests/fixtures/pattern-rules",
        ])
        .stdout,
    )
    .unwrap();
    let total: u64 = list
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["patterns"].as_u64().unwrap())
        .sum();
    assert_eq!(lines.len() as u64, total);
    for line in &lines {
        assert!(line.starts_with("(?i)"));
        assert!(regex::Regex::new(line).is_ok(), "{line}");
    }
    // `rg -f` joins every line into one alternation: it must compile too.
    let joined = lines.iter().map(|l| format!("(?:{l})")).collect::<Vec<_>>().join("|");
    assert!(regex::RegexBuilder::new(&joined).size_limit(1 << 30).build().is_ok());
}

#[test]
fn two_values_in_a_pattern_and_an_empty_window_are_named_as_such() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("two-values");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("a.yaml"),
        "rules:\n  - id: x\n    description: d\n    subject: s\n    kind: number\n    published: { from: \"2025-08-01\", to: \"2025-07-01\" }\n    patterns: [\"{count} drones et {count} missiles\"]\n",
    )
    .unwrap();
    let output = recoupe(&["rules", "check", "--rules", dir.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    let err = text(&output.stderr);
    assert!(
        err.contains("a.yaml:7:35: error: a pattern may hold only one value placeholder"),
        "{err}"
    );
    assert!(err.contains("rules::two-values"), "{err}");
    assert!(
        err.contains("a.yaml:6:16: error: the window from 2025-08-01 to 2025-07-01 is empty"),
        "{err}"
    );
}

/// Loading checks each pattern with a stand-in for its placeholder and
/// builds the full regexes only when an article needs them; a pattern too
/// large to compile is still a rule error at load, whether the editor's own
/// repetition makes it so or a repeated placeholder does.
#[test]
fn rules_check_reports_patterns_too_large_to_compile() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("too-large-rules");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("big.yaml"),
        concat!(
            "rules:\n",
            "  - id: repeated-placeholder\n    description: d\n    subject: a\n    kind: number\n",
            "    patterns:\n      - \"bilan (?:{count} ){1,60}morts\"\n",
            "  - id: repeated-words\n    description: d\n    subject: b\n    kind: number\n",
            "    patterns:\n      - \"(?:\\\\w{100}){100}{100} {count} morts\"\n",
            "  - id: fine\n    description: d\n    subject: c\n    kind: number\n",
            "    patterns:\n      - \"bilan de {count} morts\"\n",
        ),
    )
    .unwrap();
    let output = recoupe(&["rules", "check", "--rules", dir.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    let err = text(&output.stderr);
    assert!(
        err.contains("big.yaml:7:10: error: this pattern is too large to compile"),
        "{err}"
    );
    assert!(
        err.contains("big.yaml:13:10: error: this pattern compiles to more than"),
        "{err}"
    );
    assert!(err.contains("2 errors"), "{err}");
}

/// `range` bounds a number's or a duration's values; an empty one, or one on
/// a date rule, is a rule error with its place.
#[test]
fn a_range_that_holds_nothing_or_bounds_a_date_is_named_at_its_place() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("bad-range");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("r.yaml"),
        "rules:\n  - id: a\n    description: d\n    subject: s\n    kind: duration\n    unit: [days]\n    range: { from: 30, to: 1 }\n  - id: b\n    description: d\n    subject: t\n    kind: date\n    sentence: [talks]\n    range: { to: 3 }\n",
    )
    .unwrap();
    let output = recoupe(&["rules", "check", "--rules", dir.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    let err = text(&output.stderr);
    assert!(
        err.contains("r.yaml:7:12: error: the range from 30 to 1 holds no value"),
        "{err}"
    );
    assert!(
        err.contains("r.yaml:13:12: error: a date rule has no `range`: its `when` period bounds its dates"),
        "{err}"
    );
}

/// A `signature` names a day of the rule's event: a day outside `when`, a
/// rule without `when`, or a figure with an unknown key is a rule error
/// with its place.
#[test]
fn a_signature_outside_its_period_or_without_one_is_named_at_its_place() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("bad-signature");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("r.yaml"),
        "rules:\n  - id: a\n    description: d\n    subject: s\n    kind: number\n    unit: [dead]\n    when: { from: \"2025-07-20\", to: \"2025-07-24\" }\n    signature: { day: \"2025-08-02\", figures: [{ value: 426, unit: [drones] }] }\n  - id: b\n    description: d\n    subject: t\n    kind: number\n    unit: [dead]\n    signature: { day: \"2025-07-21\", figures: [{ value: 426, unit: [drones] }] }\n  - id: c\n    description: d\n    subject: u\n    kind: number\n    unit: [dead]\n    when: { from: \"2025-07-20\", to: \"2025-07-24\" }\n    signature: { day: \"2025-07-21\", figures: [{ value: 426, units: [drones] }] }\n  - id: d\n    description: d\n    subject: v\n    kind: number\n    unit: [dead]\n    when: { from: \"2025-07-20\", to: \"2025-07-24\" }\n    signature: { day: \"2025-07-21\", figures: [{ value: 426.5, unit: [drones] }] }\n",
    )
    .unwrap();
    let output = recoupe(&["rules", "check", "--rules", dir.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    let err = text(&output.stderr);
    assert!(
        err.contains("r.yaml:8:23: error: 2025-08-02 is outside the rule's `when` period"),
        "{err}"
    );
    assert!(
        err.contains("r.yaml:14:16: error: a `signature` names a day of the event's period"),
        "{err}"
    );
    assert!(
        err.contains("r.yaml:21:61: error: unknown key `units` in a `signature` figure"),
        "{err}"
    );
    assert!(err.contains("r.yaml:28:56: error: 426.5 is no count"), "{err}");
}
