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

use crate::language::Lang;
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
    /// How many days before the article's day a part of the day is said
    /// of: 1 for "hier matin", "yesterday evening", 2 for « avant-hier
    /// soir »; 0 otherwise.
    pub days_back: u8,
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
    /// The phrases that mark a count per side, then a total (folded and
    /// padded, [`pad`]).
    pub roles: Option<(&'r [String], &'r [String])>,
}

/// A word of the sentence: where it stands, and where its folded form
/// stands in [`Words::joined`].
struct Token {
    start: usize,
    end: usize,
    /// Its folded form is `joined[folded.0..folded.1]`.
    folded: (usize, usize),
    /// Whether punctuation that ends a phrase (`,` `;` `:` `(` `«` `"`…)
    /// stands between this word and the one before.
    break_before: bool,
}

/// A sentence's words, and their folded forms joined by single spaces
/// with a space at each end (` le bilan provisoire `): a phrase is found
/// with one substring search (` bilan provisoire `) instead of a
/// comparison at every word.
struct Words {
    tokens: Vec<Token>,
    joined: String,
}

impl Words {
    fn folded(&self, i: usize) -> &str {
        let (a, b) = self.tokens[i].folded;
        &self.joined[a..b]
    }

    fn len(&self) -> usize {
        self.tokens.len()
    }
}

/// Sentences shorter than this are not a dispatch's own words: two outlets
/// may write "Deux morts à Kyiv." each on their own.
const RELAY_MIN_WORDS: usize = 8;

/// The kinds of [`ClaimMarkers`](crate::language::ClaimMarkers) phrases.
#[derive(Clone, Copy)]
enum Mark {
    Provisional,
    Planned,
    Held,
    AttributionBefore,
    AttributionVerb,
    Recall,
    DayPart,
}

const MARKS: usize = 7;

/// Every marker phrase of a language, padded ([`pad`]), in one automaton:
/// a sentence is searched once for all of them.
struct Lexicon {
    automaton: aho_corasick::AhoCorasick,
    /// Per pattern: its kind, its number of words, its index in its list.
    patterns: Vec<(Mark, usize, usize)>,
    /// The hour of each day part, by index in `day_parts`.
    hours: Vec<u16>,
}

/// Where each kind of marker stands in one sentence: (first word, past the
/// last, index in its list), sorted.
struct Marks([Vec<(usize, usize, usize)>; MARKS]);

impl Marks {
    fn of(&self, mark: Mark) -> &[(usize, usize, usize)] {
        &self.0[mark as usize]
    }

    fn spans(&self, mark: Mark) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.of(mark).iter().map(|&(s, e, _)| (s, e))
    }
}

impl Lexicon {
    fn new(lang: Lang) -> Lexicon {
        let m = lang.markers();
        let day_parts: Vec<&str> = m.day_parts.iter().map(|(p, _)| *p).collect();
        let lists: [(Mark, &[&str]); MARKS] = [
            (Mark::Provisional, m.provisional),
            (Mark::Planned, m.planned),
            (Mark::Held, m.held),
            (Mark::AttributionBefore, m.attribution_before),
            (Mark::AttributionVerb, m.attribution_verbs),
            (Mark::Recall, m.recall),
            (Mark::DayPart, &day_parts),
        ];
        let mut phrases = Vec::new();
        let mut patterns = Vec::new();
        for (mark, list) in lists {
            for (i, phrase) in list.iter().enumerate() {
                phrases.push(pad(phrase));
                patterns.push((mark, phrase.split(' ').count(), i));
            }
        }
        Lexicon {
            automaton: aho_corasick::AhoCorasick::new(&phrases).expect("the marker tables build an automaton"),
            patterns,
            hours: m.day_parts.iter().map(|(_, h)| *h).collect(),
        }
    }

    /// One pass over the sentence's folded words (overlapping: ` ce matin `
    /// and ` matin ` both count).
    fn marks(&self, words: &Words) -> Marks {
        let mut marks = Marks(Default::default());
        for m in self.automaton.find_overlapping_iter(&words.joined) {
            let (mark, count, index) = self.patterns[m.pattern().as_usize()];
            if let Ok(first) = words.tokens.binary_search_by_key(&(m.start() + 1), |t| t.folded.0) {
                marks.0[mark as usize].push((first, first + count, index));
            }
        }
        for list in &mut marks.0 {
            list.sort_unstable();
        }
        marks
    }
}

fn lexicon(lang: Lang) -> &'static Lexicon {
    static LEXICONS: LazyLock<[Lexicon; 2]> = LazyLock::new(|| Lang::ALL.map(Lexicon::new));
    &LEXICONS[Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0)]
}

/// ` phrase `: how a folded phrase is looked for among a sentence's words.
pub fn pad(phrase: &str) -> String {
    format!(" {phrase} ")
}

/// Reads the context of the claim whose value stands at `value` (byte
/// offsets in `sentence`).
pub fn read(sentence: &str, value: (usize, usize), lang: Lang, asked: Asked) -> Context {
    let lexicon = lexicon(lang);
    let words = tokenize(sentence);
    let marks = lexicon.marks(&words);
    let value_token = words.tokens.iter().position(|t| t.end > value.0).unwrap_or(words.len());
    let mut context = Context {
        provisional: !marks.of(Mark::Provisional).is_empty(),
        recalled: !marks.of(Mark::Recall).is_empty(),
        source: attribution(sentence, &words, &marks, value_token),
        clock: clock(sentence, &marks, lexicon),
        weekday: weekday_of_day_part(&words, &marks, lang),
        days_back: days_back_of_day_part(&words, &marks),
        sentence_key: sentence_key(&words),
        ..Context::default()
    };
    if asked.stance {
        context.stance = stance(&marks, || {
            // No marker either way: a sentence in the future tense ("la
            // réunion de mercredi devrait porter sur…") speaks of a plan.
            let future =
                crate::normalize::tense::tense_in(sentence, lang) == Some(crate::normalize::tense::Tense::Future);
            future.then_some(Stance::Planned)
        });
    }
    if let Some((per_side, total)) = asked.roles {
        context.role = role(&words, value_token, per_side, total);
    }
    context
}

fn tokenize(sentence: &str) -> Words {
    let mut words = Words {
        tokens: Vec::new(),
        joined: String::with_capacity(sentence.len() + 2),
    };
    words.joined.push(' ');
    let mut pending_break = false;
    let mut start: Option<usize> = None;
    let is_word = |c: char| c.is_alphanumeric() || matches!(c, '\'' | '’' | 'ʼ' | '-');
    let push = |words: &mut Words, s: usize, e: usize, brk: &mut bool| {
        let word = sentence[s..e].trim_matches(|c: char| matches!(c, '\'' | '’' | 'ʼ' | '-'));
        if !word.is_empty() {
            let at = words.joined.len();
            for c in word.chars().flat_map(char::to_lowercase) {
                crate::french::vocab::push_folded(&mut words.joined, c);
            }
            words.tokens.push(Token {
                start: s,
                end: e,
                folded: (at, words.joined.len()),
                break_before: std::mem::take(brk),
            });
            words.joined.push(' ');
        }
    };
    for (i, c) in sentence.char_indices() {
        if is_word(c) {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            push(&mut words, s, i, &mut pending_break);
        }
        if matches!(
            c,
            ',' | ';' | ':' | '(' | ')' | '«' | '»' | '"' | '“' | '”' | '—' | '–' | '[' | ']'
        ) {
            pending_break = true;
        }
    }
    if let Some(s) = start {
        push(&mut words, s, sentence.len(), &mut pending_break);
    }
    words
}

/// Every place (first word, past the last) where one of `phrases` (each
/// folded and padded, [`pad`]) stands.
fn find_all<S: AsRef<str>>(words: &Words, phrases: &[S]) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    for phrase in phrases {
        let phrase = phrase.as_ref();
        let count = phrase.trim().split(' ').count();
        for (at, _) in words.joined.match_indices(phrase) {
            // The phrase's first word starts right after the space at `at`.
            if let Ok(first) = words.tokens.binary_search_by_key(&(at + 1), |t| t.folded.0) {
                found.push((first, first + count));
            }
        }
    }
    found.sort_unstable();
    found
}

fn stance(marks: &Marks, unmarked: impl FnOnce() -> Option<Stance>) -> Option<Stance> {
    let planned: Vec<(usize, usize)> = marks.spans(Mark::Planned).collect();
    // `will be held` names a plan: the held marks inside a plan's words do
    // not count.
    let held = marks
        .spans(Mark::Held)
        .filter(|&(s, e)| !planned.iter().any(|&(ps, pe)| s < pe && ps < e))
        .count();
    match (planned.is_empty(), held == 0) {
        (false, true) => Some(Stance::Planned),
        (true, false) => Some(Stance::Held),
        (false, false) => None,
        (true, true) => unmarked(),
    }
}

/// The role the words next to the value give: within six words of it.
fn role(words: &Words, value_token: usize, per_side: &[String], total: &[String]) -> Option<CountRole> {
    const REACH: usize = 6;
    let near = |places: Vec<(usize, usize)>| {
        places
            .into_iter()
            .any(|(s, e)| s <= value_token + REACH && value_token <= e + REACH)
    };
    match (near(find_all(words, per_side)), near(find_all(words, total))) {
        (true, false) => Some(CountRole::PerSide),
        (false, true) => Some(CountRole::Total),
        _ => None,
    }
}

/// Pronouns name no source: "il a déclaré", "she said"; nor does a
/// conjunction, whose verb's subject is elided ("…, and says he is tired",
/// "et a précisé").
const PRONOUNS: &[&str] = &[
    "and",
    "but",
    "or",
    "then",
    "also",
    "while",
    "et",
    "mais",
    "ou",
    "puis",
    "aussi",
    "tandis",
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
fn attribution(sentence: &str, words: &Words, marks: &Marks, value_token: usize) -> Option<String> {
    let tokens = &words.tokens;
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
    if let Some((_, end)) = marks.spans(Mark::AttributionBefore).next() {
        if let Some(source) = words_after(end).filter(|s| names_someone(s) && !names_no_one(s)) {
            return Some(source);
        }
    }
    for (start, end) in marks.spans(Mark::AttributionVerb) {
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

/// A source that starts with a pronoun or an outlet's own "nos" names no
/// one; nor does one that starts with a figure ("12 people had been…", a
/// dateline's "28 juillet - …"): the words before the verb are the claim's.
fn names_no_one(source: &str) -> bool {
    let first = crate::french::vocab::fold(source.split_whitespace().next().unwrap_or(""));
    PRONOUNS.contains(&first.as_str()) || first.starts_with(|c: char| c.is_ascii_digit())
}

/// A name has a word of three letters or more: "M." cut at its full stop
/// is not a source.
fn names_someone(source: &str) -> bool {
    source
        .split_whitespace()
        .any(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 3)
}

/// ASCII word boundaries (`(?-u:\b)`): the digits and letters around a time
/// are ASCII, and Unicode boundaries would keep the fast engines off.
static CLOCK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i-u)\b([01]?\d|2[0-3])\s*(?:h|heures?)\s*([0-5]\d)?\b|\b([01]?\d|2[0-3]):([0-5]\d)\b|\b(1[0-2]|0?\d)(?::([0-5]\d))?\s*([ap])\.?m\b\.?")
        .expect("static regex")
});

/// A time of day the sentence states: a clock time (`14h30`, `9 heures`,
/// `2:30 p.m.`), else a part of the day (`ce matin`, `in the evening`).
fn clock(sentence: &str, marks: &Marks, lexicon: &Lexicon) -> Option<u16> {
    let timed = sentence.bytes().any(|b| b.is_ascii_digit());
    if let Some(c) = CLOCK.captures(sentence).filter(|_| timed) {
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
    told_day_part(marks).map(|(_, index)| lexicon.hours[index] * 60)
}

/// The part of the day a claim is told as of, when its sentence names one
/// or more: the last one, its first word and its place in the table. Of
/// the phrases that end at the same word, the longest ("ce matin", not its
/// "matin"), then the first in the table. A figure is told after what it
/// follows: "between Sunday evening and Monday morning, two were killed,
/// officials said by Monday evening" holds as of Monday evening.
fn told_day_part(marks: &Marks) -> Option<(usize, usize)> {
    marks
        .of(Mark::DayPart)
        .iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)).then(b.2.cmp(&a.2)))
        .map(|&(start, _, index)| (start, index))
}

/// The weekday right before the part of the day a claim is told as of
/// ([`told_day_part`]): "lundi matin", "Monday evening".
fn weekday_of_day_part(words: &Words, marks: &Marks, lang: Lang) -> Option<u8> {
    let weekdays: &[&str] = match lang {
        Lang::Fr => &crate::french::vocab::WEEKDAYS,
        Lang::En => &crate::english::vocab::WEEKDAYS,
    };
    let (start, _) = told_day_part(marks)?;
    let before = words.folded(start.checked_sub(1)?);
    weekdays
        .iter()
        .position(|w| *w == before)
        .and_then(|i| u8::try_from(i).ok())
}

/// How many days back the part of the day a claim is told as of is said of
/// ([`told_day_part`]): « hier soir », "yesterday morning" (1), « avant-hier
/// matin » (2). A toll given "hier matin" is an earlier day's toll, not the
/// morning of the article's day.
fn days_back_of_day_part(words: &Words, marks: &Marks) -> u8 {
    told_day_part(marks)
        .and_then(|(start, _)| match words.folded(start.checked_sub(1)?) {
            "hier" | "yesterday" => Some(1),
            "avant-hier" => Some(2),
            _ => None,
        })
        .unwrap_or(0)
}

/// The sentence's folded words, hashed: equal for two outlets that print one
/// dispatch, whatever their typography.
fn sentence_key(words: &Words) -> u64 {
    use sha2::{Digest, Sha256};
    if words.len() < RELAY_MIN_WORDS {
        return 0;
    }
    let digest = Sha256::digest(words.joined.as_bytes());
    u64::from_le_bytes(digest[..8].try_into().expect("eight bytes")).max(1)
}

#[cfg(test)]
mod tests;
