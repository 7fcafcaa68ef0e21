//! Frames on what sentence patterns could not read: an article without front
//! matter, a CMS timestamp, an undated article's weekday, and the 28 July cut
//! of the deadline kept apart from the first deadline.

use serde_json::Value as Json;

mod common;
use common::{claims_in as claims, recoupe, text};

fn report(args: &[&str]) -> Json {
    let output = recoupe(args);
    assert!(matches!(output.status.code(), Some(0 | 1)), "{}", text(&output.stderr));
    serde_json::from_slice(&output.stdout).expect("a JSON report")
}

#[test]
fn an_article_without_front_matter_yields_its_fifty_days() {
    let path = "tests/fixtures/frames/no-front-matter.md";
    let report = report(&["check", path, "--format", "json"]);
    let found = claims(&report, path);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0]["subject"], "trump-deadline-to-russia-days");
    assert_eq!(found[0]["value"]["lo"], 50);
    assert_eq!(found[0]["value"]["hi"], 50);
    assert_eq!(found[0]["outlet"], "unknown");
}

#[test]
fn a_timestamp_dates_the_article_on_its_local_day() {
    let path = "tests/fixtures/frames/timestamp.md";
    let report = report(&["check", path, "--format", "json"]);
    let document = &report["documents"][0];
    assert_eq!(document["published"], "2025-07-22");
    assert_eq!(document["published_at"], "2025-07-22T09:30:00+02:00");
    let found = claims(&report, path);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0]["subject"], "istanbul-round-3-date");
    assert_eq!(found[0]["value"]["lo"], "2025-07-23");
    assert_eq!(found[0]["resolved_from"], "published");
}

#[test]
fn an_undated_wednesday_is_resolved_through_the_rules_period() {
    let path = "tests/fixtures/frames/undated-wednesday.md";
    let report = report(&["check", path, "--format", "json"]);
    assert_eq!(report["documents"][0]["published"], Json::Null);
    let found = claims(&report, path);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0]["subject"], "istanbul-round-3-date");
    assert_eq!(found[0]["value"]["lo"], "2025-07-23");
    assert_eq!(found[0]["value"]["hi"], "2025-07-23");
    assert_eq!(found[0]["resolved_from"], "rule_when");
    // The human report says how the day was found.
    let human = text(&recoupe(&["check", "corpus", "tests/fixtures/new/thursday.md", path]).stdout);
    assert!(
        human.contains("Wed 2025-07-23 (read within the rule's event period)"),
        "{human}"
    );
}

#[test]
fn the_deadline_cut_is_a_new_fact_not_a_contradiction_of_the_first_deadline() {
    let path = "tests/fixtures/frames/revision.md";
    let report = report(&["check", "corpus", path, "--format", "json"]);
    let mut read: Vec<(String, Json, Json)> = claims(&report, path)
        .iter()
        .map(|c| {
            (
                c["subject"].as_str().unwrap().to_string(),
                c["value"]["lo"].clone(),
                c["value"]["hi"].clone(),
            )
        })
        .collect();
    read.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.to_string().cmp(&b.1.to_string())));
    assert_eq!(
        read,
        [
            ("trump-deadline-revised-days".into(), Json::from(10), Json::from(12)),
            ("trump-deadline-revised-days".into(), Json::from(12), Json::from(12)),
            ("trump-deadline-to-russia-days".into(), Json::from(50), Json::from(50)),
            ("trump-deadline-to-russia-days".into(), Json::from(50), Json::from(50)),
        ]
    );
    // The recalled 50 days agree with the corpus; the cut stands alone.
    for finding in report["findings"].as_array().unwrap() {
        assert_ne!(finding["status"], "contradiction", "{finding}");
    }
}

#[test]
fn an_article_in_another_language_is_named_in_a_warning_not_misread() {
    // recoupe has no German grammar: a German `1.000` is not read with the
    // French one, and the warning says why nothing was read.
    let dir = common::Scratch::new("frames-german");
    std::fs::write(
        dir.0.join("de.md"),
        "---\noutlet: Agentur\nlang: de\n---\nIn Istanbul vereinbarten beide Seiten, je 1.000 Gefangene auszutauschen.\n",
    )
    .unwrap();
    let output = common::check_in(&dir.0, &["--format", "json"]);
    let report: Json = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["claims"].as_array().unwrap().len(), 0);
    let warnings: Vec<&str> = report["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["message"].as_str().unwrap())
        .collect();
    assert!(warnings.iter().any(|w| w.contains("language `de`")), "{warnings:?}");
}
