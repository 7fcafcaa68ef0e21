//! Many outlets, few values: a contradiction is reported as the values the
//! subject takes (`groups`) and the pairs of them that conflict
//! (`incompatible`); the pairs of statements are a sample of at most 1,000,
//! with `conflicts_total`, and a baseline still accepts every one of them.

mod common;

use common::{check_in, report_of, Scratch};
use serde_json::Value as Json;

/// Writes one article per outlet: `fifty` outlets give Russia 50 days,
/// `sixty` outlets give it 60 (in the generator's words for the deadline).
fn corpus(dir: &std::path::Path, fifty: usize, sixty: usize) {
    for i in 0..fifty + sixty {
        let days = if i < fifty { 50 } else { 60 };
        let text = format!(
            "---\noutlet: \"Rédaction {i:03}\"\npublished: 2025-07-15\nlang: fr\n---\n\
             Donald Trump a fixé un délai de {days} jours à la Russie pour parvenir à un accord de cessez-le-feu.\n"
        );
        std::fs::write(dir.join(format!("article-{i:03}.md")), text).unwrap();
    }
}

fn deadline(report: &Json) -> &Json {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["subject"] == "trump-deadline-to-russia-days")
        .expect("the deadline is a finding")
}

#[test]
fn a_contradiction_between_many_outlets_is_two_groups_and_a_bounded_sample_of_pairs() {
    let dir = Scratch::new("value-groups");
    corpus(&dir.0, 40, 30);
    let report = report_of(&check_in(&dir.0, &["--format", "json"]));
    let f = deadline(&report);
    assert_eq!(f["status"], "contradiction");
    let groups = f["groups"].as_array().unwrap();
    assert_eq!(groups.len(), 2, "{groups:#?}");
    assert_eq!(groups[0]["value"]["lo"], 50);
    assert_eq!(groups[1]["value"]["lo"], 60);
    assert_eq!(groups[0]["outlets"].as_array().unwrap().len(), 40);
    assert_eq!(groups[1]["outlets"].as_array().unwrap().len(), 30);
    assert_eq!(groups[0]["claims"].as_array().unwrap().len(), 40);
    assert_eq!(f["incompatible"], serde_json::json!([[0, 1]]));
    // 40 × 30 pairs of statements; the first 1,000 are listed.
    assert_eq!(f["conflicts_total"], 1200);
    assert_eq!(f["conflicts"].as_array().unwrap().len(), 1000);
    assert_eq!(f["fingerprints"].as_array().unwrap().len(), 1000);
    // Every claim takes part in a conflict, listed or not.
    assert_eq!(f["conflicting"].as_array().unwrap().len(), 70);
}

#[test]
fn below_the_cap_every_pair_is_listed_and_no_total_is_given() {
    let dir = Scratch::new("value-groups-small");
    corpus(&dir.0, 3, 2);
    let report = report_of(&check_in(&dir.0, &["--format", "json"]));
    let f = deadline(&report);
    assert_eq!(f["conflicts"].as_array().unwrap().len(), 6);
    assert!(f.get("conflicts_total").is_none(), "{f:#}");
    assert_eq!(f["incompatible"], serde_json::json!([[0, 1]]));
}

#[test]
fn a_baseline_accepts_the_pairs_past_the_sample_too() {
    let dir = Scratch::new("value-groups-baseline");
    corpus(&dir.0, 40, 30);
    let wrote = check_in(&dir.0, &["--write-baseline", "baseline.json"]);
    assert!(matches!(wrote.status.code(), Some(0 | 1)), "{wrote:?}");
    let baseline: Json = serde_json::from_slice(&std::fs::read(dir.0.join("baseline.json")).unwrap()).unwrap();
    let written = baseline["contradictions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["subject"] == "trump-deadline-to-russia-days")
        .count();
    assert_eq!(written, 1200, "every conflict is written, listed in the report or not");
    let again = check_in(&dir.0, &["--format", "json", "--baseline", "baseline.json"]);
    assert_eq!(
        again.status.code(),
        Some(0),
        "a baseline of every conflict passes the run"
    );
    let f = deadline(&report_of(&again)).clone();
    assert_eq!(f["known"], true);
}
