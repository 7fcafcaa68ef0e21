//! Verb tense of the sentence around a bare weekday: past or future.
//!
//! The marks are regexes of each language's vocabulary
//! (`crate::french::vocab`, `crate::english::vocab`).

use crate::english::vocab as en;
use crate::french::vocab::{FUTURE_TENSE, PAST_TENSE};
use crate::language::Lang;
use regex::Regex;
use std::sync::LazyLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Future,
}

static PAST: LazyLock<Regex> = LazyLock::new(|| Regex::new(PAST_TENSE).expect("static regex"));
static FUTURE: LazyLock<Regex> = LazyLock::new(|| Regex::new(FUTURE_TENSE).expect("static regex"));
static PAST_EN: LazyLock<Regex> = LazyLock::new(|| Regex::new(en::PAST_TENSE).expect("static regex"));
static FUTURE_EN: LazyLock<Regex> = LazyLock::new(|| Regex::new(en::FUTURE_TENSE).expect("static regex"));

/// The tense of `around`, written in `lang`, when only one of past and
/// future is marked.
pub fn tense_in(around: &str, lang: Lang) -> Option<Tense> {
    match lang {
        Lang::Fr => tense(around),
        Lang::En => english(around),
    }
}

/// English: the future marks are taken out before the past is looked for
/// (`is scheduled`, `'s due` hold what would otherwise read as a past).
fn english(around: &str) -> Option<Tense> {
    if around.trim().is_empty() {
        return None;
    }
    let lower = around.to_lowercase().replace(['’', 'ʼ'], "'");
    let future = FUTURE_EN.is_match(&lower);
    let rest = FUTURE_EN.replace_all(&lower, " ");
    match (PAST_EN.is_match(&rest), future) {
        (true, false) => Some(Tense::Past),
        (false, true) => Some(Tense::Future),
        _ => None,
    }
}

/// The tense of `around`, in French, when only one of past and future is
/// marked.
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
    fn english_marks() {
        for s in [
            "The minister announced on Friday that",
            "Talks were held on Saturday",
            "Police said the attack happened on Friday",
            "The ceasefire has been in place since Friday",
            "I went back on Friday",
        ] {
            assert_eq!(tense_in(s, Lang::En), Some(Tense::Past), "{s}");
        }
        for s in [
            "The summit will open on Friday",
            "I’ll go back on Friday",
            "The vote is scheduled for Friday",
            "The report is due on Friday",
            "The president is set to visit on Saturday",
            "Officials plan to meet on Friday",
        ] {
            assert_eq!(tense_in(s, Lang::En), Some(Tense::Future), "{s}");
        }
        // A participle used as an adjective is no past.
        assert_eq!(tense_in("UN-backed talks resume on Friday", Lang::En), None);
        assert_eq!(tense_in("The United Nations meets on Friday", Lang::En), None);
        assert_eq!(tense_in("He said he will return on Friday", Lang::En), None);
        assert_eq!(tense_in("", Lang::En), None);
        // French is read as before.
        assert_eq!(tense_in("Le sommet se tiendra vendredi", Lang::Fr), Some(Tense::Future));
    }

    #[test]
    fn present_or_mixed_is_undecided() {
        assert_eq!(tense("Le marché ouvre vendredi"), None);
        assert_eq!(tense(""), None);
    }
}
