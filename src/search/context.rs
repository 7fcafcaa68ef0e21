//! What a claim's sentence says about the claim beyond its value: whether the
//! figure is provisional, whether a date is announced or held, whether a
//! count is per side or a total, who the claim is attributed to, the time of
//! day the text gives, and a key of the sentence itself (outlets that relay
//! one dispatch word for word share it).
//!
//! Read once per claim, from the sentence the claim stands in, with each
//! language's [`ClaimMarkers`] (`french::markers`, `english::markers`): the
//! compare stage uses it to tell a revised toll, an announcement and a relay
//! from a contradiction.

use crate::language::{ClaimMarkers, Lang};
use crate::normalize::tense::{tense_in, Tense};
use regex::Regex;
use std::sync::LazyLock;

/// Whether a date claim is reported as announced or as held.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Stance {
    Planned,
    Held,
}

impl Stance {
    pub fn as_str(self) -> &'static str {
        match self {
            Stance::Planned => "planned",
            Stance::Held => "held",
        }
    }
}

/// Whether a count is given for each side of an exchange or for both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CountRole {
    PerSide,
    Total,
}

impl CountRole {
    pub fn as_str(self) -> &'static str {
        match self {
            CountRole::PerSide => "per_side",
            CountRole::Total => "total",
        }
    }
}

/// What [`read`] found around one claim.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Context {
    pub provisional: bool,
    /// For date claims: announced or held, when the sentence says.
    pub stance: Option<Stance>,
    /// For rules that declare roles: per side or total, when the words say.
    pub role: Option<CountRole>,
    /// Who the sentence attributes the claim to, as written.
    pub source: Option<String>,
    /// A time of day the sentence states (minutes after midnight, local).
    pub clock: Option<u16>,
    /// The weekday a part of the day is said of ("lundi matin", "on Monday
    /// evening"): 0 for Monday.
    pub weekday: Option<u8>,
    /// Whether the sentence recalls an earlier state ("initialement").
    pub recalled: bool,
    /// A key of the sentence's words (folded), for sentences long enough to
    /// be a dispatch's own: 0 for a short one.
    pub sentence_key: u64,
}

/// What to look for: the claim's kind decides whether a stance is read, the
/// rule whether roles are.
#[derive(Debug, Clone, Copy, Default)]
pub struct Asked<'r> {
    pub stance: bool,
    /// The phrases that mark a count per side, then a total (folded).
    pub roles: Option<(&'r [String], &'r [String])>,
}

/// A word of the sentence: its folded form and where it stands.
struct Token {
    folded: String,
    start: usize,
    end: usize,
    /// Whether punctuation that ends a phrase (`,` `;` `:` `(` `«` `"`…)
    /// stands between this word and the one before.
    break_before: bool,
}

/// Sentences shorter than this are not a dispatch's own words: two outlets
/// may write "Deux morts à Kyiv." each on their own.
const RELAY_MIN_WORDS: usize = 8;

/// Reads the context of the claim whose value stands at `value` (byte
/// offsets in `sentence`).
pub fn read(sentence: &str, value: (usize, usize), lang: Lang, asked: Asked) -> Context {
    let markers = lang.markers();
    let tokens = tokenize(sentence);
    let value_token = tokens.iter().position(|t| t.end > value.0).unwrap_or(tokens.len());
    let mut context = Context {
        provisional: !find_all(&tokens, markers.provisional).is_empty(),
        recalled: !find_all(&tokens, markers.recall).is_empty(),
        source: attribution(sentence, &tokens, markers, value_token),
        clock: clock(sentence, &tokens, markers),
        weekday: weekday_of_day_part(&tokens, markers, lang),
        sentence_key: sentence_key(&tokens),
        ..Context::default()
    };
    if asked.stance {
        context.stance = stance(sentence, &tokens, markers, lang);
    }
    if let Some((per_side, total)) = asked.roles {
        context.role = role(&tokens, value_token, per_side, total);
    }
    context
}

fn tokenize(sentence: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut pending_break = false;
    let mut start: Option<usize> = None;
    let is_word = |c: char| c.is_alphanumeric() || matches!(c, '\'' | '’' | 'ʼ' | '-');
    let push = |tokens: &mut Vec<Token>, s: usize, e: usize, brk: &mut bool| {
        let word = sentence[s..e].trim_matches(|c: char| matches!(c, '\'' | '’' | 'ʼ' | '-'));
        if !word.is_empty() {
            tokens.push(Token {
                folded: crate::french::vocab::fold(word),
                start: s,
                end: e,
                break_before: std::mem::take(brk),
            });
        }
    };
    for (i, c) in sentence.char_indices() {
        if is_word(c) {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            push(&mut tokens, s, i, &mut pending_break);
        }
        if matches!(
            c,
            ',' | ';' | ':' | '(' | ')' | '«' | '»' | '"' | '“' | '”' | '—' | '–' | '[' | ']'
        ) {
            pending_break = true;
        }
    }
    if let Some(s) = start {
        push(&mut tokens, s, sentence.len(), &mut pending_break);
    }
    tokens
}

/// Every place (first word, past the last) where one of `phrases` stands.
fn find_all<S: AsRef<str>>(tokens: &[Token], phrases: &[S]) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    for phrase in phrases {
        let words: Vec<&str> = phrase.as_ref().split(' ').collect();
        if words.len() > tokens.len() {
            continue;
        }
        for at in 0..=tokens.len() - words.len() {
            if words.iter().zip(&tokens[at..]).all(|(w, t)| *w == t.folded) {
                found.push((at, at + words.len()));
            }
        }
    }
    found.sort_unstable();
    found
}

fn stance(sentence: &str, tokens: &[Token], markers: &ClaimMarkers, lang: Lang) -> Option<Stance> {
    let planned = find_all(tokens, markers.planned);
    // `will be held` names a plan: the held marks inside a plan's words do
    // not count.
    let held = find_all(tokens, markers.held)
        .into_iter()
        .filter(|&(s, e)| !planned.iter().any(|&(ps, pe)| s < pe && ps < e))
        .count();
    match (planned.is_empty(), held == 0) {
        (false, true) => Some(Stance::Planned),
        (true, false) => Some(Stance::Held),
        (false, false) => None,
        (true, true) => (tense_in(sentence, lang) == Some(Tense::Future)).then_some(Stance::Planned),
    }
}

/// The role the words next to the value give: within six words of it.
fn role(tokens: &[Token], value_token: usize, per_side: &[String], total: &[String]) -> Option<CountRole> {
    const REACH: usize = 6;
    let near = |places: Vec<(usize, usize)>| {
        places
            .into_iter()
            .any(|(s, e)| s <= value_token + REACH && value_token <= e + REACH)
    };
    match (near(find_all(tokens, per_side)), near(find_all(tokens, total))) {
        (true, false) => Some(CountRole::PerSide),
        (false, true) => Some(CountRole::Total),
        _ => None,
    }
}

/// Pronouns name no source: "il a déclaré", "she said".
const PRONOUNS: &[&str] = &[
    "il",
    "elle",
    "ils",
    "elles",
    "on",
    "nous",
    "je",
    "he",
    "she",
    "they",
    "it",
    "we",
    "i",
    "you",
    "who",
    "qui",
    "which",
    "that",
    "ce",
    "cela", // an outlet's own reporting is not a source: "selon nos informations"
    "nos",
    "notre",
    "our",
    "mes",
    "my",
    "lesquelles",
    "lesquels",
    "laquelle",
    "lequel",
    "whom",
];

/// Who the sentence attributes its words to: after "selon" or "according
/// to", or beside a verb of saying ("a déclaré le maire", "the mayor said").
fn attribution(sentence: &str, tokens: &[Token], markers: &ClaimMarkers, value_token: usize) -> Option<String> {
    const MAX_WORDS: usize = 6;
    // A verb of saying far from the value says something else: "Le Kremlin
    // affirme rester disposé à discuter, après que … 50 jours".
    const VERB_REACH: usize = 12;
    let words_after = |from: usize| -> Option<String> {
        let mut end = from;
        while end < tokens.len() && end - from < MAX_WORDS && (end == from || !tokens[end].break_before) {
            end += 1;
        }
        (end > from).then(|| sentence[tokens[from].start..tokens[end - 1].end].to_string())
    };
    if let Some(&(_, end)) = find_all(tokens, markers.attribution_before).first() {
        if let Some(source) = words_after(end).filter(|s| names_someone(s) && !names_no_one(s)) {
            return Some(source);
        }
    }
    for (start, end) in find_all(tokens, markers.attribution_verbs) {
        if start.abs_diff(value_token) > VERB_REACH {
            continue;
        }
        let inverted = tokens[start].break_before || start == 0;
        let source = if inverted {
            words_after(end)
        } else {
            let mut from = start;
            while from > 0 && start - from < MAX_WORDS - 1 && !tokens[from].break_before {
                from -= 1;
            }
            if tokens[from].break_before || from == 0 {
                Some(sentence[tokens[from].start..tokens[start - 1].end].to_string())
            } else {
                None
            }
            .filter(|_| start > 0)
        };
        if let Some(source) = source {
            if names_someone(&source) && !names_no_one(&source) {
                return Some(source);
            }
        }
    }
    None
}

/// A source that starts with a pronoun or an outlet's own "nos" names no one.
fn names_no_one(source: &str) -> bool {
    let first = crate::french::vocab::fold(source.split_whitespace().next().unwrap_or(""));
    PRONOUNS.contains(&first.as_str())
}

/// A name has a word of three letters or more: "M." cut at its full stop
/// is not a source.
fn names_someone(source: &str) -> bool {
    source
        .split_whitespace()
        .any(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 3)
}

static CLOCK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b([01]?\d|2[0-3])\s*(?:h|heures?)\s*([0-5]\d)?\b|\b([01]?\d|2[0-3]):([0-5]\d)\b|\b(1[0-2]|0?\d)(?::([0-5]\d))?\s*([ap])\.?m\b\.?")
        .expect("static regex")
});

/// A time of day the sentence states: a clock time (`14h30`, `9 heures`,
/// `2:30 p.m.`), else a part of the day (`ce matin`, `in the evening`).
fn clock(sentence: &str, tokens: &[Token], markers: &ClaimMarkers) -> Option<u16> {
    if let Some(c) = CLOCK.captures(sentence) {
        let num = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u16>().ok());
        if let Some(h) = num(1) {
            return Some(h * 60 + num(2).unwrap_or(0));
        }
        if let Some(h) = num(3) {
            return Some(h * 60 + num(4).unwrap_or(0));
        }
        if let Some(h) = num(5) {
            let pm = c.get(7).is_some_and(|m| m.as_str().eq_ignore_ascii_case("p"));
            let h = match (h, pm) {
                (12, false) => 0,
                (12, true) => 12,
                (h, true) => h + 12,
                (h, false) => h,
            };
            return Some(h * 60 + num(6).unwrap_or(0));
        }
    }
    markers
        .day_parts
        .iter()
        .find(|(phrase, _)| !find_all(tokens, &[phrase]).is_empty())
        .map(|&(_, hour)| hour * 60)
}

/// The weekday right before a part of the day: "lundi matin", "Monday
/// evening".
fn weekday_of_day_part(tokens: &[Token], markers: &ClaimMarkers, lang: Lang) -> Option<u8> {
    let weekdays: &[&str] = match lang {
        Lang::Fr => &crate::french::vocab::WEEKDAYS,
        Lang::En => &crate::english::vocab::WEEKDAYS,
    };
    markers.day_parts.iter().find_map(|(phrase, _)| {
        find_all(tokens, &[phrase]).into_iter().find_map(|(start, _)| {
            let before = tokens.get(start.checked_sub(1)?)?;
            weekdays
                .iter()
                .position(|w| *w == before.folded)
                .and_then(|i| u8::try_from(i).ok())
        })
    })
}

/// The sentence's folded words, hashed: equal for two outlets that print one
/// dispatch, whatever their typography.
fn sentence_key(tokens: &[Token]) -> u64 {
    use sha2::{Digest, Sha256};
    if tokens.len() < RELAY_MIN_WORDS {
        return 0;
    }
    let mut hasher = Sha256::new();
    for t in tokens {
        hasher.update(t.folded.as_bytes());
        hasher.update([0x1f]);
    }
    let digest = hasher.finalize();
    u64::from_le_bytes(digest[..8].try_into().expect("eight bytes")).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx(sentence: &str, lang: Lang) -> Context {
        let at = sentence.find(char::is_numeric).unwrap_or(0);
        let m = lang.markers();
        let (per_side, total): (Vec<String>, Vec<String>) = (
            m.per_side.iter().map(|s| s.to_string()).collect(),
            m.total.iter().map(|s| s.to_string()).collect(),
        );
        read(
            sentence,
            (at, at + 1),
            lang,
            Asked {
                stance: true,
                roles: Some((&per_side, &total)),
            },
        )
    }

    #[test]
    fn provisional_marks() {
        assert!(ctx("Le bilan provisoire fait état de 3 blessés dans le quartier.", Lang::Fr).provisional);
        assert!(ctx("Four people have been hurt so far, officials said.", Lang::En).provisional);
        assert!(!ctx("Le bilan définitif est de 3 blessés.", Lang::Fr).provisional);
    }

    #[test]
    fn plans_and_facts() {
        assert_eq!(
            ctx("La réunion doit se tenir le 12 mars à Genève.", Lang::Fr).stance,
            Some(Stance::Planned)
        );
        assert_eq!(
            ctx("La réunion s'est tenue le 12 mars à Genève.", Lang::Fr).stance,
            Some(Stance::Held)
        );
        assert_eq!(
            ctx("The meeting will be held on March 12 in Geneva.", Lang::En).stance,
            Some(Stance::Planned)
        );
        assert_eq!(
            ctx("The meeting took place on March 12 in Geneva.", Lang::En).stance,
            Some(Stance::Held)
        );
        assert_eq!(
            ctx("La réunion aura lieu le 12 mars.", Lang::Fr).stance,
            Some(Stance::Planned)
        );
        assert_eq!(ctx("Le 12 mars, à Genève.", Lang::Fr).stance, None);
    }

    #[test]
    fn roles_near_the_value() {
        assert_eq!(
            ctx("Ils échangeront 500 prisonniers de chaque côté.", Lang::Fr).role,
            Some(CountRole::PerSide)
        );
        assert_eq!(
            ctx("Au total, 1000 prisonniers seront libérés.", Lang::Fr).role,
            Some(CountRole::Total)
        );
        assert_eq!(
            ctx("Both sides freed 300 captives each.", Lang::En).role,
            Some(CountRole::PerSide)
        );
        assert_eq!(
            ctx("Kyiv and Moscow freed 600 captives in total.", Lang::En).role,
            Some(CountRole::Total)
        );
        assert_eq!(ctx("Les deux camps ont libéré 300 prisonniers.", Lang::Fr).role, None);
    }

    #[test]
    fn who_says_it() {
        let s = |t: &str, l| ctx(t, l).source;
        assert_eq!(
            s("Trois blessés, selon la mairie de Lyon.", Lang::Fr).as_deref(),
            Some("la mairie de Lyon")
        );
        assert_eq!(
            s("Trois blessés, a indiqué le préfet du Rhône.", Lang::Fr).as_deref(),
            Some("le préfet du Rhône")
        );
        assert_eq!(
            s("Three people were hurt, according to the city council.", Lang::En).as_deref(),
            Some("the city council")
        );
        assert_eq!(
            s("Three people were hurt, the fire brigade said.", Lang::En).as_deref(),
            Some("the fire brigade")
        );
        assert_eq!(s("Three people were hurt, he said.", Lang::En), None);
        assert_eq!(s("Trois blessés dans la nuit.", Lang::Fr), None);
        assert_eq!(s("Trois blessés, selon nos informations.", Lang::Fr), None);
        assert_eq!(
            s(
                "Le ministre affirme vouloir reconstruire vite les ponts détruits, après que la crue a fait 3 blessés.",
                Lang::Fr
            ),
            None,
            "a verb of saying far from the value"
        );
    }

    #[test]
    fn times_of_day() {
        assert_eq!(
            ctx("À 14h30, le bilan était de 3 blessés.", Lang::Fr).clock,
            Some(14 * 60 + 30)
        );
        assert_eq!(
            ctx("Ce matin, 3 blessés étaient recensés.", Lang::Fr).clock,
            Some(9 * 60)
        );
        assert_eq!(
            ctx("By 4 p.m. three people were reported hurt.", Lang::En).clock,
            Some(16 * 60)
        );
        assert_eq!(ctx("Three people were reported hurt.", Lang::En).clock, None);
        let monday = ctx("Lundi matin, 3 blessés étaient recensés.", Lang::Fr);
        assert_eq!((monday.clock, monday.weekday), (Some(9 * 60), Some(0)));
        assert_eq!(ctx("On Friday evening, 3 people were hurt.", Lang::En).weekday, Some(4));
    }

    #[test]
    fn one_dispatch_one_key_whatever_the_typography() {
        let a = ctx(
            "Le ministère a confirmé que 12 personnes avaient été blessées dans la nuit.",
            Lang::Fr,
        );
        let b = ctx(
            "Le ministère a confirmé que 12 personnes avaient été blessées dans la nuit !",
            Lang::Fr,
        );
        let c = ctx(
            "Le ministère a confirmé que 12 personnes avaient été blessées lundi.",
            Lang::Fr,
        );
        assert_ne!(a.sentence_key, 0);
        assert_eq!(a.sentence_key, b.sentence_key);
        assert_ne!(a.sentence_key, c.sentence_key);
        assert_eq!(ctx("Deux morts à Lyon.", Lang::Fr).sentence_key, 0);
    }
}
