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

static PAST: LazyLock<Regex> = LazyLock::new(|| marks(PAST_TENSE));
static FUTURE: LazyLock<Regex> = LazyLock::new(|| marks(FUTURE_TENSE));
static PAST_EN: LazyLock<Regex> = LazyLock::new(|| marks(en::PAST_TENSE));
static FUTURE_EN: LazyLock<Regex> = LazyLock::new(|| marks(en::FUTURE_TENSE));
/// The English future marks as written, to take them out of a sentence.
static FUTURE_EN_SPANS: LazyLock<Regex> = LazyLock::new(|| Regex::new(en::FUTURE_TENSE).expect("static regex"));

/// A vocabulary's marks as a regex that says whether a sentence holds one.
///
/// The vocabularies write word boundaries as `\b`. A Unicode `\b` stops
/// the regex crate's DFAs on any text that is not ASCII, and the fallback
/// (a backtracker over the whole sentence) was a seventh of a claim-dense
/// run's time. Each `\b` of the vocabularies stands at one end of a
/// word: before a word character at the start of an alternative, or after
/// one at its end. There, `\b` holds exactly when the character beyond is
/// not a word character or there is none: `(?:^|\W)` before, `(?:\W|$)`
/// after, which a DFA runs. The match spans one more character, which
/// `is_match` does not see.
fn marks(pattern: &str) -> Regex {
    Regex::new(&without_word_boundaries(pattern)).expect("static regex")
}

fn without_word_boundaries(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 64);
    let mut rest = pattern;
    while let Some(at) = rest.find(r"\b") {
        let (before, after) = (&rest[..at], &rest[at + 2..]);
        out.push_str(before);
        // At an alternative's end: `\b` then `)`, `|` or nothing.
        let ends = after.is_empty() || after.starts_with(')') || after.starts_with('|');
        out.push_str(if ends { r"(?:\W|$)" } else { r"(?:^|\W)" });
        rest = after;
    }
    out.push_str(rest);
    out
}

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
    let rest = match future {
        true => FUTURE_EN_SPANS.replace_all(&lower, " "),
        false => std::borrow::Cow::Borrowed(lower.as_str()),
    };
    match (PAST_EN.is_match(&rest), future) {
        (true, false) => Some(Tense::Past),
        (false, true) => Some(Tense::Future),
        _ => None,
    }
}

/// The clause of `around` that holds `word` (lowercase ASCII: a
/// weekday's name), between the marks that join two clauses of their own
/// (« ; », ", and", ", but", « , et », « , mais »…), or the whole of
/// `around` if the word is not in it. "It was Zelensky who, on Saturday,
/// proposed talks, and on Monday he said they would be held on Wednesday":
/// Saturday's clause is told in the past, whatever plan the next one tells.
pub fn clause_holding<'a>(around: &'a str, word: &str) -> &'a str {
    /// The words after a comma that join two clauses of their own.
    const JOINS: &[&str] = &[
        " and ",
        " but ",
        " while ",
        " whereas ",
        " et ",
        " mais ",
        " puis ",
        " alors que ",
        " tandis que ",
    ];
    // An ASCII lowercase keeps every byte where it was.
    let lower = around.to_ascii_lowercase();
    let whole = |i: usize| {
        let edge = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
        edge(lower[..i].chars().next_back()) && edge(lower[i + word.len()..].chars().next())
    };
    let Some(at) = lower.match_indices(word).map(|(i, _)| i).find(|&i| whole(i)) else {
        return around;
    };
    // Where a clause ends, at a `;` or at a comma a joining word follows:
    // how many bytes the mark and its word take (the space after the word
    // is left to `trim_start`).
    let join = |i: usize| -> Option<usize> {
        match lower.as_bytes()[i] {
            b';' => Some(1),
            b',' => JOINS.iter().find(|j| lower[i + 1..].starts_with(*j)).map(|j| j.len()),
            _ => None,
        }
    };
    let marks = |range: std::ops::Range<usize>| {
        lower.as_bytes()[range.clone()]
            .iter()
            .enumerate()
            .filter(|(_, &b)| b == b',' || b == b';')
            .map(move |(k, _)| range.start + k)
    };
    let start = marks(0..at).rev().find_map(|i| join(i).map(|len| i + len)).unwrap_or(0);
    let end = marks(at..lower.len())
        .find(|&i| join(i).is_some())
        .unwrap_or(around.len());
    around[start..end].trim_start()
}

/// Whether `around` tells of a plan as it stood then, a future seen from
/// the past: "said the talks would be held on Saturday", "were scheduled
/// for Saturday", « a annoncé que la séance se tiendrait mercredi »,
/// « devait avoir lieu ». Its verb of saying is past, but its day may lie
/// ahead of the article.
pub fn tells_a_plan(around: &str, lang: Lang) -> bool {
    static PLAN_EN: LazyLock<Regex> = LazyLock::new(|| Regex::new(crate::english::vocab::PLAN).expect("static regex"));
    let lower = around.to_lowercase().replace(['’', 'ʼ'], "'");
    match lang {
        Lang::En => PLAN_EN.is_match(&lower) || lower.contains("'d "),
        Lang::Fr => lower.split(|c: char| !c.is_alphanumeric()).any(|w| {
            // The conditional (`se tiendrait`, `aurait lieu`), but not
            // the nouns that end so.
            use crate::french::vocab::{CONDITIONAL_LOOKALIKES, PLAN_WORDS};
            ((w.ends_with("rait") || w.ends_with("raient")) && !CONDITIONAL_LOOKALIKES.contains(&w))
                || PLAN_WORDS.contains(&w)
        }),
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
    fn a_weekday_is_read_in_its_own_clause() {
        let s =
            "It was Zelensky who, on Saturday, proposed talks, and on Monday he said they would be held on Wednesday.";
        assert_eq!(
            clause_holding(s, "saturday"),
            "It was Zelensky who, on Saturday, proposed talks"
        );
        assert_eq!(
            clause_holding(s, "wednesday"),
            "on Monday he said they would be held on Wednesday."
        );
        let f = "Samedi, il a proposé des pourparlers ; lundi, il a dit qu'ils se tiendraient mercredi.";
        assert_eq!(
            clause_holding(f, "samedi").trim_end(),
            "Samedi, il a proposé des pourparlers"
        );
        // A word not in the sentence, or only inside another word: all of it.
        assert_eq!(
            clause_holding("Talks resume; Sundays off.", "sunday"),
            "Talks resume; Sundays off."
        );
    }

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

    /// A plan told in the past: its day may lie ahead.
    #[test]
    fn a_plan_told_in_the_past() {
        assert!(tells_a_plan(
            "Zelensky said the talks would be held on Saturday",
            Lang::En
        ));
        assert!(tells_a_plan("The talks were scheduled for Saturday", Lang::En));
        assert!(tells_a_plan(
            "Il a annoncé qu'une séance se tiendrait mercredi",
            Lang::Fr
        ));
        assert!(tells_a_plan("La réunion devait avoir lieu jeudi", Lang::Fr));
        assert!(tells_a_plan(
            "Zelensky said the next round could take place on Wednesday",
            Lang::En
        ));
        assert!(tells_a_plan(
            "The Kremlin said it expected the talks to take place on Thursday",
            Lang::En
        ));
        assert!(!tells_a_plan(
            "On Saturday, Zelensky said he had proposed talks",
            Lang::En
        ));
        assert!(!tells_a_plan("Le retrait des troupes a été annoncé samedi", Lang::Fr));
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

    /// The marks without `\\b` say what the vocabularies say, on sentences
    /// with accents, apostrophes, other scripts and marks at either end.
    #[test]
    fn marks_without_word_boundaries_match_as_the_vocabularies_do() {
        let sentences = [
            "le ministre a annoncé mercredi que",
            "il a une maison",
            "les délégations se sont réunies lundi",
            "ils décidèrent jeudi",
            "le sommet se tiendra vendredi",
            "un portrait du retrait annoncé",
            "l'été dernier, il était là",
            "étaient",
            "prévue",
            "xétait",
            "étaitx",
            "дa annoncé",
            "a annoncéд",
            "the vote is scheduled for friday",
            "i'll go back on friday",
            "he'll",
            "shell'll",
            "the upcoming talks",
            "upcomingx",
            "talks were held on saturday",
            "wasn't",
            "rewasn't here",
            "",
            "a",
        ];
        let vocabularies = [PAST_TENSE, FUTURE_TENSE, en::PAST_TENSE, en::FUTURE_TENSE];
        for pattern in vocabularies {
            let exact = Regex::new(pattern).unwrap();
            let fast = marks(pattern);
            assert!(!fast.as_str().contains(r"\b"), "{pattern}");
            for s in sentences {
                assert_eq!(fast.is_match(s), exact.is_match(s), "{s:?} with {pattern}");
            }
        }
    }

    #[test]
    fn present_or_mixed_is_undecided() {
        assert_eq!(tense("Le marché ouvre vendredi"), None);
        assert_eq!(tense(""), None);
    }
}
