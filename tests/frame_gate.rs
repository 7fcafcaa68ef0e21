//! The frame gate (`rules::frame_gate`) only skips work: an article it
//! turns away is one the full test would have read nothing in. A thread
//! uses the gate from its `GATE_AFTER`th article on, so a mechanism that
//! reads a claim the gate does not foresee shows up only in large runs: a
//! claim found when one file is checked and lost when six hundred are.
//! This test reads every article of the shipped corpus and the fixtures
//! that hold claims twice, once with the gate and once without, and asks
//! for the same claims.

use recoupe::corpus::{read_document, LoadOptions};
use recoupe::extract::{extract_document, Claim, Scratch};
use recoupe::rules::{load_dir, GATE_AFTER};
use std::path::{Path, PathBuf};

/// Folders whose articles hold claims the rules read, written apart from
/// the rules (the probe), as paraphrases, or as the seeds.
const FOLDERS: &[&str] = &[
    "corpus",
    "tests/fixtures/probe",
    "tests/fixtures/paraphrases",
    "tests/fixtures/frames",
    "tests/fixtures/languages",
    "tests/fixtures/time-aware",
    "tests/fixtures/contradictions",
];

fn articles(dir: &Path, into: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("a folder entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            articles(&path, into);
        } else if path.extension().is_some_and(|e| e == "md") && path.file_name().is_some_and(|n| n != "README.md") {
            into.push(path);
        }
    }
}

/// What tells two claims apart in a report: subject, place and value.
fn keys(claims: &[Claim]) -> Vec<String> {
    claims
        .iter()
        .map(|c| format!("{} at {}..{}: {:?}", c.rule.subject, c.span.start, c.span.end, c.value))
        .collect()
}

#[test]
fn the_gate_turns_away_no_article_that_holds_a_claim() {
    let rules = load_dir(Path::new("rules")).expect("the shipped rules load");
    let gate = rules.gate().expect("the shipped frames have a gate");
    let mut paths = Vec::new();
    for folder in FOLDERS {
        articles(Path::new(folder), &mut paths);
    }
    assert!(paths.len() > 600, "{} articles", paths.len());
    let mut gated = Scratch::new(&rules);
    let mut ungated = Scratch::new(&rules);
    let mut gate_cache = gate.cache();
    let (mut claims, mut turned_away) = (0, 0);
    let mut lost = Vec::new();
    for path in &paths {
        let (document, warnings) = read_document(path, &LoadOptions::default());
        let document = document.unwrap_or_else(|| panic!("{}: {warnings:?}", path.display()));
        // The gate runs once a thread has read more than `GATE_AFTER`
        // articles: one scratch always past it, one never.
        gated.caches.articles = GATE_AFTER + 1;
        ungated.caches.articles = 0;
        let with_gate = keys(&extract_document(&document, &rules, &mut gated).claims);
        let without = keys(&extract_document(&document, &rules, &mut ungated).claims);
        claims += without.len();
        if with_gate != without {
            lost.push(format!(
                "{}:\n  without the gate {without:#?}\n  with it {with_gate:#?}",
                path.display()
            ));
        }
        // Undated is the gate's widest reading: a frame it turns away
        // even then is turned away from every article of this text.
        let body = &document.text[document.body_start..];
        if gate
            .admits(body, false, &mut gate_cache)
            .iter()
            .any(|admitted| !admitted)
        {
            turned_away += 1;
        }
    }
    assert!(lost.is_empty(), "the gate changed what is read:\n{}", lost.join("\n"));
    // The comparison means something only if the articles hold claims and
    // the gate turns frames away from some of them.
    assert!(claims > 3000, "{claims} claims");
    assert!(
        turned_away > 300,
        "the gate turned frames away from only {turned_away} articles"
    );
}
