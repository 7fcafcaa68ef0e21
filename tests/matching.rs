//! The fast matcher (locator + exact pattern in a window) must find exactly
//! what the exact pattern finds on its own, for every value finder of the
//! shipped frames and every pattern of the pattern rules kept as a fixture
//! (`tests/fixtures/pattern-rules`, the sentence-shaped rules the project
//! shipped before frames), on every article of the corpus and the fixtures.

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
    // Every rule's examples, and long values where a pattern ends with its
    // placeholder (the locator ends before the value does).
    for rules in [shipped(), pattern_rules()] {
        for rule in &rules.rules {
            texts.extend(rule.examples.matches.iter().map(|m| m.text.clone()));
            texts.extend(rule.examples.no_match.iter().map(|e| e.text.clone()));
        }
    }
    texts.push(
        "Zelensky a annoncé une réunion en Turquie pour la suite. Elle est prévue pour le lundi 1er au mercredi \
         10 juillet 2025 de 9h30 à 11h du matin, puis ces pourparlers se dérouleraient dans la nuit du mercredi \
         23 juillet 2025 au jeudi 24 à Istanbul."
            .to_string(),
    );
    // Near-misses glued together: boundaries, accents, long lines.
    texts.push("Aucun mort, aucune trentaine; auxun 50 jours. é426 drones; 426drones; l’aide 426 drones".repeat(40));
    texts
}

fn shipped() -> recoupe::rules::RuleSet {
    recoupe::rules::load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("rules")).unwrap()
}

fn pattern_rules() -> recoupe::rules::RuleSet {
    recoupe::rules::load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pattern-rules")).unwrap()
}

#[test]
fn fast_matching_equals_exact_matching_on_real_articles() {
    let shipped = shipped();
    let rules = pattern_rules();
    let texts = texts();
    let mut compared = 0;
    // One exact cache for every pattern, as a thread has: handed from
    // pattern to pattern, it must give what a fresh one would.
    let mut exact_cache = recoupe::rules::ExactCache::default();
    assert!(!shipped.finders.is_empty());
    let patterns = rules
        .rules
        .iter()
        .flat_map(|r| r.patterns.iter().map(move |p| (r.id.as_str(), p)))
        .chain(shipped.finders.iter().map(|f| ("value finder", f)));
    for (rule, pattern) in patterns {
        {
            for text in &texts {
                let exact: Vec<(usize, usize)> = pattern
                    .regex()
                    .expect("shipped patterns compile")
                    .find_iter(text)
                    .map(|m| (m.start(), m.end()))
                    .collect();
                let mut cache = recoupe::rules::PatternCache::new(pattern);
                // A value finder gives spans only, with an exact cache of its
                // own (its regex runs on the lazy DFA too); a rule pattern
                // gives captures.
                let fast: Vec<(usize, usize)> = match pattern.placeholder.is_some() && rule == "value finder" {
                    true => recoupe::search::patterns::spans(
                        pattern,
                        text,
                        &mut cache,
                        &mut recoupe::rules::ExactCache::default(),
                    )
                    .iter()
                    .map(|m| (m.start(), m.end()))
                    .collect(),
                    false => recoupe::search::matches(pattern, text, &mut cache, &mut exact_cache)
                        .iter()
                        .map(|c| c.get_match().unwrap())
                        .map(|m| (m.start(), m.end()))
                        .collect(),
                };
                assert_eq!(fast, exact, "rule {} pattern {}", rule, pattern.source);
                compared += exact.len();
            }
        }
    }
    assert!(compared > 20, "only {compared} matches compared");
}

/// The prefilter (required words, one Aho-Corasick pass) may let through
/// patterns that do not match, never drop one that does: on every article and
/// on case variants of them (capitals, accented capitals, the long s and the
/// Kelvin sign, which the patterns' case-insensitive matching accepts).
#[test]
fn the_prefilter_never_drops_a_pattern_that_matches() {
    let rules = pattern_rules();
    let mut texts = texts();
    for text in texts.clone() {
        texts.push(text.to_uppercase());
        texts.push(text.replace('s', "ſ").replace('k', "\u{212A}"));
    }
    let mut matched = 0;
    for text in &texts {
        let candidates = rules.candidates(text);
        for (r, rule) in rules.rules.iter().enumerate() {
            for (p, pattern) in rule.patterns.iter().enumerate() {
                if pattern.regex().expect("shipped patterns compile").is_match(text) {
                    matched += 1;
                    assert!(
                        candidates.contains(&(r, p)),
                        "rule {} pattern {} matches but was filtered out",
                        rule.id,
                        p + 1
                    );
                }
            }
        }
    }
    assert!(matched > 40, "only {matched} matching patterns checked");
}

/// The prefilter is worth having: an article about something else runs no
/// pattern at all.
#[test]
fn the_prefilter_skips_articles_without_the_words() {
    let rules = pattern_rules();
    let text = "Le conseil municipal a voté le budget de la piscine: 12 voix pour, 3 contre, mardi.";
    assert_eq!(rules.candidates(text), Vec::<(usize, usize)>::new());
}
