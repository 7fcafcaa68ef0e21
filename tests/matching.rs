//! The fast matcher (locator + exact pattern in a window) must find exactly
//! what the exact pattern finds on its own, for every shipped pattern, on
//! every article of the corpus and the fixtures.

use std::path::Path;

fn texts() -> Vec<String> {
    let mut texts = Vec::new();
    for dir in ["corpus", "tests/fixtures/contradictions", "tests/fixtures/new"] {
        let mut paths: Vec<_> = std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        paths.sort();
        for p in paths {
            texts.push(std::fs::read_to_string(p).unwrap());
        }
    }
    // Near-misses glued together: boundaries, accents, long lines.
    texts.push("Aucun mort, aucune trentaine; auxun 50 jours. é426 drones; 426drones; l’aide 426 drones".repeat(40));
    texts
}

#[test]
fn fast_matching_equals_exact_matching_on_real_articles() {
    let rules = recoupe::rules::load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("rules")).unwrap();
    let texts = texts();
    let mut compared = 0;
    for rule in &rules.rules {
        for pattern in &rule.patterns {
            for text in &texts {
                let exact: Vec<(usize, usize)> = pattern.regex.find_iter(text).map(|m| (m.start(), m.end())).collect();
                let mut cache = recoupe::rules::PatternCache::new(pattern);
                let fast: Vec<(usize, usize)> = recoupe::extract::matches(pattern, text, &mut cache)
                    .iter()
                    .map(|c| c.get_match().unwrap())
                    .map(|m| (m.start(), m.end()))
                    .collect();
                assert_eq!(fast, exact, "rule {} pattern {}", rule.id, pattern.source);
                compared += exact.len();
            }
        }
    }
    assert!(compared > 20, "only {compared} matches compared");
}
