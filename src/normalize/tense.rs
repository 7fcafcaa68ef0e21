//! Verb tense of the sentence around a bare weekday: past or future.

use crate::french::vocab::{FUTURE_TENSE, PAST_TENSE};
use regex::Regex;
use std::sync::LazyLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Future,
}

static PAST: LazyLock<Regex> = LazyLock::new(|| Regex::new(PAST_TENSE).expect("static regex"));
static FUTURE: LazyLock<Regex> = LazyLock::new(|| Regex::new(FUTURE_TENSE).expect("static regex"));

/// The tense of `around`, when only one of past and future is marked.
pub fn tense(around: &str) -> Option<Tense> {
    if around.trim().is_empty() {
        return None;
    }
    let lower = around.to_lowercase().replace(['’', 'ʼ'], "'");
    // `prévu`, `devrait`… are also past participles or look like them; the
    // future marks win only when no past mark is present, and vice versa.
    match (PAST.is_match(&lower), FUTURE.is_match(&lower)) {
        (true, false) => Some(Tense::Past),
        (false, true) => Some(Tense::Future),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn past_marks() {
        for s in [
            "Le ministre a annoncé mercredi que",
            "La réunion a eu lieu vendredi",
            "Il avait prévenu lundi",
            "Les manifestants ont défilé samedi",
            "Il est mort dimanche",
        ] {
            assert_eq!(tense(s), Some(Tense::Past), "{s}");
        }
    }

    #[test]
    fn future_marks() {
        for s in [
            "Le sommet se tiendra vendredi",
            "La réunion sera organisée jeudi",
            "Le vote est prévu mardi",
            "Il devrait annoncer vendredi",
            "Le concert aura lieu samedi",
            "Je reviendrai vendredi",
            "Ils vont annoncer jeudi",
        ] {
            assert_eq!(tense(s), Some(Tense::Future), "{s}");
        }
    }

    #[test]
    fn present_or_mixed_is_undecided() {
        assert_eq!(tense("Le marché ouvre vendredi"), None);
        assert_eq!(tense(""), None);
    }
}
