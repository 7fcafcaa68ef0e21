//! Required words: for each pattern, a few literals one of which every match
//! must contain. One Aho-Corasick pass over an article finds which of them
//! occur, and only the patterns whose words occur run at all.
//!
//! This replaced a multi-pattern lazy DFA over the patterns' skeletons: on
//! French text that DFA built states without end (≈ 45 MiB of cache per
//! thread) and thrashed with less, while the literal scan needs a few KiB and
//! runs at memory speed.
//!
//! The analysis is exact in one direction only, the one that matters: a
//! pattern whose literals are absent cannot match. Case is handled as the
//! patterns handle it (case-insensitively, with Unicode's simple folding): ASCII
//! letters are folded by the automaton, other letters (`É`, the Kelvin sign
//! `K`) are spelt out as variants.

use regex_syntax::hir::{Class, Hir, HirKind};

/// At most this many strings in one literal set: past it, the product of a
/// run of literals stops growing and a new run starts.
const MAX_SET: usize = 64;

/// A literal set is worth searching for when its shortest member has at least
/// this many bytes: shorter ones occur in every article.
const MIN_USEFUL_LEN: usize = 3;

/// What the analysis knows of a piece of a pattern.
struct Facts {
    /// Every string the piece can match, when there are few (ASCII letters in
    /// lower case).
    exact: Option<Vec<String>>,
    /// Strings one of which every match contains, the best found.
    required: Option<Vec<String>>,
}

/// The literals one of which every match of `pattern` contains (ASCII letters
/// in lower case: search them ASCII-case-insensitively), or `None` when the
/// pattern has no such words (it then runs on every article).
pub fn required_literals(pattern: &str) -> Option<Vec<String>> {
    let hir = regex_syntax::ParserBuilder::new()
        .case_insensitive(true)
        .build()
        .parse(pattern)
        .ok()?;
    let facts = analyse(&hir);
    let best = better(facts.required, facts.exact)?;
    useful(&best).then_some(best)
}

fn analyse(hir: &Hir) -> Facts {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => exact(vec![String::new()]),
        HirKind::Literal(literal) => match std::str::from_utf8(&literal.0) {
            Ok(s) => exact(vec![fold_ascii(s)]),
            Err(_) => unknown(),
        },
        HirKind::Class(class) => match class_variants(class) {
            Some(variants) => exact(variants),
            None => unknown(),
        },
        HirKind::Capture(capture) => analyse(&capture.sub),
        HirKind::Repetition(repetition) => {
            let inner = analyse(&repetition.sub);
            let exact = match (repetition.min, repetition.max, &inner.exact) {
                (0, Some(1), Some(e)) => {
                    let mut e = e.clone();
                    e.push(String::new());
                    Some(dedup(e))
                }
                (1, Some(1), Some(e)) => Some(e.clone()),
                _ => None,
            };
            let required = if repetition.min >= 1 {
                better(inner.required, inner.exact)
            } else {
                None
            };
            Facts { exact, required }
        }
        HirKind::Concat(children) => {
            let mut run = Some(vec![String::new()]);
            let mut best: Option<Vec<String>> = None;
            let mut whole = true;
            for child in children {
                let facts = analyse(child);
                match facts.exact {
                    Some(e) => {
                        let current = run.take().unwrap_or_else(|| vec![String::new()]);
                        match product(&current, &e) {
                            Some(p) => run = Some(p),
                            None => {
                                whole = false;
                                best = better(best, Some(current));
                                run = Some(e);
                            }
                        }
                    }
                    None => {
                        whole = false;
                        best = better(best, run.take());
                        best = better(best, facts.required);
                        run = Some(vec![String::new()]);
                    }
                }
            }
            if whole {
                Facts {
                    exact: run,
                    required: best,
                }
            } else {
                Facts {
                    exact: None,
                    required: better(best, run),
                }
            }
        }
        HirKind::Alternation(children) => {
            let all: Vec<Facts> = children.iter().map(analyse).collect();
            let exact = all
                .iter()
                .map(|f| f.exact.clone())
                .collect::<Option<Vec<Vec<String>>>>()
                .map(|sets| dedup(sets.concat()))
                .filter(|e| e.len() <= MAX_SET);
            // Every branch must bring its own requirement; the union is then
            // required of the alternation.
            let required = all
                .into_iter()
                .map(|f| better(f.required, f.exact).filter(|s| useful(s)))
                .collect::<Option<Vec<Vec<String>>>>()
                .map(|sets| dedup(sets.concat()));
            Facts { exact, required }
        }
    }
}

/// A required word as an editor would write it: the case variants the
/// automaton also searches (`É`, `ſ`, the Kelvin sign) folded back.
pub fn plain(word: &str) -> String {
    word.chars()
        .flat_map(|c| match c {
            'ſ' => 's'.to_lowercase(),
            '\u{212A}' => 'k'.to_lowercase(),
            c => c.to_lowercase(),
        })
        .collect()
}

fn exact(strings: Vec<String>) -> Facts {
    Facts {
        exact: Some(strings),
        required: None,
    }
}

fn unknown() -> Facts {
    Facts {
        exact: None,
        required: None,
    }
}

/// ASCII letters in lower case; the rest as written.
fn fold_ascii(s: &str) -> String {
    s.to_ascii_lowercase()
}

/// The characters of a small class, ASCII letters folded; `None` for a large
/// class (`\w`, `[^.]`): it stands for too many strings to search.
fn class_variants(class: &Class) -> Option<Vec<String>> {
    let mut variants = Vec::new();
    match class {
        Class::Unicode(class) => {
            for range in class.ranges() {
                if range.end() as u32 - range.start() as u32 >= 8 {
                    return None;
                }
                for c in range.start()..=range.end() {
                    variants.push(fold_ascii(c.encode_utf8(&mut [0; 4])));
                    if variants.len() > 8 {
                        return None;
                    }
                }
            }
        }
        Class::Bytes(class) => {
            for range in class.ranges() {
                for b in range.start()..=range.end() {
                    if !b.is_ascii() {
                        return None;
                    }
                    variants.push((b as char).to_ascii_lowercase().to_string());
                    if variants.len() > 8 {
                        return None;
                    }
                }
            }
        }
    }
    Some(dedup(variants))
}

/// Every concatenation of one string of `a` and one of `b`, unless too many.
fn product(a: &[String], b: &[String]) -> Option<Vec<String>> {
    if a.len() * b.len() > MAX_SET {
        return None;
    }
    let mut out = Vec::with_capacity(a.len() * b.len());
    for x in a {
        for y in b {
            out.push(format!("{x}{y}"));
        }
    }
    Some(dedup(out))
}

fn dedup(mut strings: Vec<String>) -> Vec<String> {
    strings.sort();
    strings.dedup();
    strings
}

fn shortest(set: &[String]) -> usize {
    set.iter().map(String::len).min().unwrap_or(0)
}

fn useful(set: &[String]) -> bool {
    !set.is_empty() && shortest(set) >= MIN_USEFUL_LEN
}

/// The more selective of two literal sets: the longer shortest member, then
/// the fewer members.
fn better(a: Option<Vec<String>>, b: Option<Vec<String>>) -> Option<Vec<String>> {
    match (a, b) {
        (Some(a), Some(b)) => {
            let key = |s: &[String]| (shortest(s), std::cmp::Reverse(s.len()));
            Some(if key(&b) > key(&a) { b } else { a })
        }
        (a, None) => a,
        (None, b) => b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The required words with their case variants folded back.
    fn required(p: &str) -> Option<Vec<String>> {
        required_literals(p).map(|set| dedup(set.iter().map(|w| plain(w)).collect()))
    }

    #[test]
    fn a_plain_word_is_required_in_lower_case() {
        assert_eq!(required(r"\d+\s+drones"), Some(vec!["drones".to_string()]));
    }

    #[test]
    fn an_alternation_requires_one_of_its_words() {
        assert_eq!(
            required(r"(?:Kiev|Kyiv)\s+\d+"),
            Some(vec!["kiev".to_string(), "kyiv".to_string()])
        );
    }

    #[test]
    fn the_longest_run_wins() {
        assert_eq!(
            required(r"de\s+(?s:.)*?\s+prisonniers"),
            Some(vec!["prisonniers".to_string()])
        );
    }

    #[test]
    fn accented_capitals_are_spelt_out() {
        let set = required_literals(r"échange").unwrap();
        assert!(set.contains(&"échange".to_string()), "{set:?}");
        assert!(set.contains(&"Échange".to_string()), "{set:?}");
    }

    #[test]
    fn unicode_case_folding_is_kept_for_k_and_s() {
        // `(?i)k` also matches the Kelvin sign: the literals must too.
        let set = required_literals(r"kiev").unwrap();
        assert!(set.iter().any(|s| s.starts_with('\u{212A}')), "{set:?}");
    }

    #[test]
    fn optional_words_are_not_required() {
        assert_eq!(required(r"(?:trêve\s+)?\d+\s+jours"), Some(vec!["jours".to_string()]));
    }

    #[test]
    fn short_or_missing_words_give_no_requirement() {
        assert_eq!(required(r"\d+\s+km"), None);
        assert_eq!(required(r"\w+"), None);
        // A branch without words of its own makes the whole alternation free.
        assert_eq!(required(r"(?:drones|\d+)"), None);
    }
}
