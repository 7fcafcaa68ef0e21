//! One subject across languages: French and English articles on one event
//! are compared as one subject (fixtures in `tests/fixtures/languages/`,
//! written for these tests), and an article without `lang` is read in the
//! language detected from its text.

mod common;

use common::{recoupe, text};
use serde_json::Value as Json;

fn check_json(dir: &str) -> Json {
    let out = recoupe(&["check", dir, "--format", "json"]);
    serde_json::from_str(&text(&out.stdout)).expect("the JSON report parses")
}

/// The findings of a subject, as (status, [(outlet, lang, value lo)]).
fn findings_of(report: &Json, subject: &str) -> Vec<(String, Vec<(String, String, f64)>)> {
    let claims: std::collections::HashMap<&str, &Json> = report["claims"]
        .as_array()
        .expect("claims")
        .iter()
        .map(|c| (c["id"].as_str().unwrap(), c))
        .collect();
    report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["subject"] == subject)
        .map(|f| {
            let claims = f["claims"]
                .as_array()
                .expect("claims")
                .iter()
                .map(|id| {
                    let c = claims[id.as_str().unwrap()];
                    (
                        c["outlet"].as_str().unwrap().to_string(),
                        c["lang"].as_str().unwrap().to_string(),
                        c["value"]["lo"].as_f64().expect("a bounded value"),
                    )
                })
                .collect();
            (f["status"].as_str().unwrap().to_string(), claims)
        })
        .collect()
}

#[test]
fn a_french_and_an_english_article_with_different_figures_contradict() {
    let report = check_json("tests/fixtures/languages/differ");
    let found = findings_of(&report, "night-attack-2025-07-21-drones");
    assert_eq!(found.len(), 1, "{found:?}");
    let (status, mut claims) = found.into_iter().next().unwrap();
    assert_eq!(status, "contradiction");
    claims.sort_by(|a, b| a.1.cmp(&b.1));
    assert_eq!(
        claims,
        [
            ("Evening Wire".to_string(), "en".to_string(), 462.0),
            ("Quotidien du soir".to_string(), "fr".to_string(), 426.0)
        ]
    );
    // The missiles agree across the two languages.
    let missiles = findings_of(&report, "night-attack-2025-07-21-missiles");
    assert_eq!(missiles.len(), 1, "{missiles:?}");
    assert_eq!(missiles[0].0, "agreement");
    let out = recoupe(&["check", "tests/fixtures/languages/differ"]);
    assert_eq!(out.status.code(), Some(1), "a contradiction fails the run");
    let human = text(&out.stdout);
    assert!(human.contains("(Evening Wire, en)"), "{human}");
    assert!(human.contains("(Quotidien du soir, fr)"), "{human}");
}

#[test]
fn a_french_and_an_english_article_with_the_same_figure_agree() {
    let report = check_json("tests/fixtures/languages/agree");
    let found = findings_of(&report, "night-attack-2025-07-21-drones");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "agreement");
    let langs: Vec<&str> = found[0].1.iter().map(|(_, l, _)| l.as_str()).collect();
    assert!(langs.contains(&"en") && langs.contains(&"fr"), "{langs:?}");
    assert!(
        !report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["status"] == "contradiction"),
        "no contradiction"
    );
}

#[test]
fn an_article_without_lang_is_read_in_the_language_detected() {
    let report = check_json("tests/fixtures/languages/undetected");
    let doc = &report["documents"][0];
    assert_eq!(doc["lang"], "en");
    assert_eq!(doc["lang_source"], "detected");
    // `more than 420`: the English hedge, an interval from 420 up.
    let claim = report["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["subject"] == "night-attack-2025-07-21-drones")
        .expect("the drones are read");
    assert_eq!(claim["lang"], "en");
    assert_eq!(claim["value"]["lo"], 420.0, "{claim}");
    assert!(claim["value"]["hi"].is_null(), "{claim}");
}

#[test]
fn a_front_matter_language_is_kept_and_says_so() {
    let report = check_json("tests/fixtures/languages/agree");
    for doc in report["documents"].as_array().unwrap() {
        assert_eq!(doc["lang_source"], "front_matter", "{doc}");
    }
}

#[test]
fn english_figures_are_read_with_the_english_grammar() {
    // `1,000` is a thousand in English (one, with a decimal comma, in French).
    let dir = common::Scratch::new("languages-english-figures");
    std::fs::write(
        dir.0.join("en.md"),
        "---\noutlet: wire\nlang: en\npublished: 2025-05-16\n---\nMeeting in Istanbul, Russia and Ukraine agreed to swap 1,000 prisoners of war each, the first such deal of the talks.\n",
    )
    .unwrap();
    let output = common::check_in(&dir.0, &["--format", "json"]);
    let report: Json = serde_json::from_slice(&output.stdout).unwrap();
    let claims = report["claims"].as_array().unwrap();
    let swap = claims
        .iter()
        .find(|c| c["subject"] == "prisoner-exchange-may-2025-per-side")
        .unwrap_or_else(|| panic!("the swap is read: {claims:?}"));
    assert_eq!(swap["value"]["lo"], 1000.0);
    assert_eq!(swap["value"]["hi"], 1000.0);
}
