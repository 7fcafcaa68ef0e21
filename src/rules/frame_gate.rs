//! The frames' gate: which frames an article can hold, decided on its raw
//! bytes before its words are read.
//!
//! Reading an article's words (folding, tokens, sentences, the lexicon's
//! pass) costs more than scanning its bytes, and most articles of a
//! newsroom's archive hold none of the frames' facts. A frame needs every
//! word group it requires (its unit, `near`, `sentence`, `passage`,
//! `paragraph` and `document` groups) to have a word in the article; the
//! gate looks for each such group in the raw text, in one pass of a lazy
//! DFA, and an article where no frame has all of its groups is left
//! unread, as the full test would have left it.
//!
//! The gate must never turn away an article the full test would read, so
//! each group's expression matches a superset of what the lexicon finds:
//! one token of each word (its longest), as a prefix, each folded letter
//! standing for every character that folds to it (`e` for `é`, `È`, `ë`…,
//! `oe` also for `œ`, `k` also for the Kelvin sign), without word
//! boundaries. A word with a letter outside that table (a Cyrillic word)
//! makes its group ungated. A `document` group that an article's dateline
//! could meet (`21 juillet`, `lundi`) gates only undated articles, and for
//! a frame with a `signature` only those that name none of its figures'
//! nouns (a figure stands for a dateline).
//!
//! `tests/frame_gate.rs` holds that promise: every article of the corpus
//! and of the claim fixtures gives the same claims with the gate and
//! without it. A mechanism that reads a value where the gate does not
//! look (a unit named elsewhere, a joined unit's noun) fails it.

use super::frame::{Frame, Word, WordSet};
use crate::search::text::fold_char;
use regex_automata::hybrid::dfa::{Cache, DFA};
use regex_automata::{Input, MatchKind, PatternSet};
use std::collections::BTreeMap;

/// The compiled gate of a rule set.
#[derive(Debug, Clone)]
pub struct FrameGate {
    dfa: DFA,
    /// Per rule (by index): `None` for a rule without a frame or whose
    /// frame has no gated group (it is always read).
    conditions: Vec<Option<Condition>>,
}

/// The groups (pattern ids of the DFA) one frame needs.
#[derive(Debug, Clone, Default)]
struct Condition {
    /// Needed in every article.
    always: Vec<usize>,
    /// Needed only in an article without a dateline: `document` groups
    /// whose words a dateline could hold.
    undated: Vec<usize>,
    /// The nouns of the frame's signature's figures, one group: an article
    /// that names one may give a figure, which stands for a dateline
    /// (`search::document_holds`). `None`: no signature, or a noun the
    /// gate cannot look for.
    figures: Option<usize>,
}

impl FrameGate {
    /// The gate of `frames` (one entry per rule, `None` for a rule without
    /// a frame). `None` when no frame has a gated group, or when the DFA
    /// cannot be built (then every article is read, as without a gate).
    pub fn build<'a>(frames: impl Iterator<Item = Option<&'a Frame>>) -> Option<FrameGate> {
        let inverse = inverse_fold();
        let mut patterns: Vec<String> = Vec::new();
        let mut index: BTreeMap<String, usize> = BTreeMap::new();
        let mut id_of = |expr: String| -> usize {
            *index.entry(expr.clone()).or_insert_with(|| {
                patterns.push(expr);
                patterns.len() - 1
            })
        };
        let mut conditions = Vec::new();
        for frame in frames {
            let Some(frame) = frame else {
                conditions.push(None);
                continue;
            };
            let mut condition = Condition::default();
            // A count may leave its unit out after naming it in the
            // singular (`search::frame`'s elided unit): either will do.
            // A total told after a list takes the list's units joined
            // (`search::frame`'s total of a list: "426 drones and 24
            // missiles, 450 in total"): each noun of a joined unit will do.
            let unit = frame.needed_unit().map(|unit| {
                let nouns = joined_nouns(unit);
                match (&frame.antecedent, nouns.is_empty()) {
                    (None, true) => std::borrow::Cow::Borrowed(unit),
                    (singulars, _) => {
                        let mut either = unit.clone();
                        either
                            .words
                            .extend(singulars.iter().flat_map(|s| s.words.iter().cloned()));
                        either.words.extend(nouns);
                        std::borrow::Cow::Owned(either)
                    }
                }
            });
            let in_text = unit
                .as_deref()
                .into_iter()
                .chain(frame.near.iter().map(|n| &n.words))
                .chain(&frame.sentence)
                .chain(&frame.passage)
                .chain(&frame.place)
                .chain(&frame.paragraph);
            for set in in_text {
                if let Some(expr) = group_expression(set, &inverse) {
                    condition.always.push(id_of(expr));
                }
            }
            for set in &frame.document {
                if let Some(expr) = group_expression(set, &inverse) {
                    let id = id_of(expr);
                    match set.words.iter().any(|(_, w)| dateline_may_hold(w)) {
                        true => condition.undated.push(id),
                        false => condition.always.push(id),
                    }
                }
            }
            if let Some(signature) = &frame.signature {
                let mut nouns = WordSet::default();
                for figure in &signature.figures {
                    nouns.words.extend(figure.unit.words.iter().cloned());
                }
                condition.figures = group_expression(&nouns, &inverse).map(&mut id_of);
                // A noun the gate cannot look for: the dateline's groups
                // are then left to the full test.
                if condition.figures.is_none() {
                    condition.undated.clear();
                }
            }
            let gated = !condition.always.is_empty() || !condition.undated.is_empty();
            conditions.push(gated.then_some(condition));
        }
        if patterns.is_empty() {
            return None;
        }

        // The boundary before a word is any byte but an ASCII letter or
        // digit (a multibyte character's last byte too): a byte class
        // compiles to a few states, where a Unicode one takes thousands.
        let dfa = DFA::builder()
            .configure(DFA::config().match_kind(MatchKind::All))
            .syntax(regex_automata::util::syntax::Config::new().utf8(false))
            .thompson(
                regex_automata::nfa::thompson::Config::new()
                    .utf8(false)
                    .which_captures(regex_automata::nfa::thompson::WhichCaptures::None),
            )
            .build_many(&patterns)
            .ok()?;
        Some(FrameGate { dfa, conditions })
    }

    /// A search cache for one thread.
    pub fn cache(&self) -> Cache {
        self.dfa.create_cache()
    }

    /// Which rules' frames `text` may hold (by rule index; `true` for a rule
    /// the gate does not decide). `dated`: the article has a dateline.
    pub fn admits(&self, text: &str, dated: bool, cache: &mut Cache) -> Vec<bool> {
        let mut present = PatternSet::new(self.dfa.pattern_len());
        // A lazy DFA may give up on a pathological text: then it decides
        // nothing, and every frame is read.
        if self
            .dfa
            .try_which_overlapping_matches(cache, &Input::new(text), &mut present)
            .is_err()
        {
            return vec![true; self.conditions.len()];
        }
        let has = |id: &usize| present.contains(regex_automata::PatternID::must(*id));
        self.conditions
            .iter()
            .map(|c| match c {
                None => true,
                Some(c) => {
                    c.always.iter().all(has)
                        && (dated || c.undated.iter().all(has) || c.figures.as_ref().is_some_and(has))
                }
            })
            .collect()
    }
}

/// The expression of a word group: any of its words. A phrase is its
/// tokens in a row, anything but a letter or digit between them (« armes
/// aériennes » needs both words: `aériennes` alone is common); a word, or a
/// phrase with a token that is not plain letters and digits, its longest
/// such token. `None` when a word has none (the group then gates nothing).
/// The nouns of a unit's joined phrases ("drones and missiles"), each as a
/// word of its own.
fn joined_nouns(unit: &WordSet) -> Vec<(Option<Box<str>>, Word)> {
    let mut nouns = Vec::new();
    for (lang, word) in &unit.words {
        if !word
            .tokens
            .iter()
            .any(|t| crate::search::frame::JOINING.contains(&t.as_str()))
        {
            continue;
        }
        for t in word
            .tokens
            .iter()
            .filter(|t| !crate::search::frame::LINKING.contains(&t.as_str()))
        {
            nouns.push((
                lang.clone(),
                Word {
                    written: t.clone(),
                    tokens: vec![t.clone()],
                    prefix: false,
                },
            ));
        }
    }
    nouns
}

fn group_expression(set: &WordSet, inverse: &Inverse) -> Option<String> {
    let plain = |t: &&String| !t.is_empty() && t.bytes().all(|b| b.is_ascii_alphanumeric());
    let mut alternatives: Vec<String> = Vec::new();
    for (_, word) in &set.words {
        let expression = match word.tokens.len() > 1 && word.tokens.iter().all(|t| plain(&t)) {
            true => word
                .tokens
                .iter()
                .map(|t| token_expression(t.as_bytes(), inverse))
                .collect::<Vec<_>>()
                .join("(?-u:[^0-9A-Za-z])+"),
            false => {
                let token = word.tokens.iter().filter(plain).max_by_key(|t| t.len())?;
                token_expression(token.as_bytes(), inverse)
            }
        };
        alternatives.push(expression);
    }
    alternatives.sort();
    alternatives.dedup();
    // A word starts a token: after the start of the text or a byte that is
    // no ASCII letter or digit (a looser test than the tokens', so never
    // stricter).
    (!alternatives.is_empty()).then(|| format!("(?:^|(?-u:[^0-9A-Za-z]))(?:{})", alternatives.join("|")))
}

/// The characters whose folded form (as `search::text` folds a word's
/// characters) begins with an ASCII letter or digit, by folded form.
type Inverse = BTreeMap<String, Vec<char>>;

/// Where such characters lie: ASCII, the Latin blocks, and the letterlike
/// symbols (the Kelvin sign folds to `k`). A test checks every character.
const FOLDING_RANGES: &[(u32, u32)] = &[(0, 0x024F), (0x1E00, 0x1EFF), (0x2100, 0x214F)];

fn inverse_fold() -> Inverse {
    let mut inverse = Inverse::new();
    for &(lo, hi) in FOLDING_RANGES {
        for c in (lo..=hi).filter_map(char::from_u32) {
            if !crate::search::text::is_word_char(c) {
                continue;
            }
            let mut folded = String::new();
            fold_char(&mut folded, c);
            if folded.starts_with(|f: char| f.is_ascii_alphanumeric()) {
                inverse.entry(folded).or_default().push(c);
            }
        }
    }
    inverse
}

/// An expression for the raw characters whose folded forms make a text
/// that starts with `token` (a token's folded form, ASCII): each position
/// is a class of characters, or a character that folds to two letters
/// (`œ`), or, at the end, one whose folded form goes on past the token.
fn token_expression(token: &[u8], inverse: &Inverse) -> String {
    if token.is_empty() {
        return String::new();
    }
    let mut alternatives: Vec<String> = Vec::new();
    let mut single: Vec<char> = Vec::new();
    for (folded, chars) in inverse {
        let f = folded.as_bytes();
        if f.len() == 1 && f[0] == token[0] {
            single.extend(chars);
        } else if f.len() > 1 && token.starts_with(f) {
            alternatives.push(format!(
                "{}{}",
                class(chars),
                token_expression(&token[f.len()..], inverse)
            ));
        } else if f.len() > 1 && f.starts_with(token) {
            alternatives.push(class(chars));
        }
    }
    let rest = token_expression(&token[1..], inverse);
    alternatives.insert(0, format!("{}{rest}", class(&single)));
    match alternatives.len() {
        1 => alternatives.remove(0),
        _ => format!("(?:{})", alternatives.join("|")),
    }
}

/// A character class of `chars`, each written as an escape.
fn class(chars: &[char]) -> String {
    let mut out = String::from("[");
    for c in chars {
        match c.is_ascii_alphanumeric() || !c.is_ascii() {
            true => out.push(*c),
            false => out.push_str(&format!("\\x{{{:X}}}", *c as u32)),
        }
    }
    out.push(']');
    out
}

/// Whether an article's dateline (`search::dates::dateline`: weekdays,
/// day numbers, month names and the year, in French and English) could
/// hold `word`: each of its tokens is one of those words or a number.
fn dateline_may_hold(word: &Word) -> bool {
    use crate::{english::vocab as en, french::vocab as fr};
    let names: Vec<String> = fr::WEEKDAYS
        .iter()
        .chain(en::WEEKDAYS.iter())
        .copied()
        .map(String::from)
        .chain(
            (1..=12)
                .flat_map(|m| [fr::month_name(m), en::month_name(m)])
                .map(String::from),
        )
        .map(|name| crate::french::vocab::fold(&name))
        .chain(["1er".to_string()])
        .collect();
    let last = word.tokens.len().saturating_sub(1);
    word.tokens.iter().enumerate().all(|(i, t)| {
        t.bytes().all(|b| b.is_ascii_digit())
            || names
                .iter()
                .any(|n| n == t || (i == last && word.prefix && n.starts_with(t.as_str())))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every word character whose folded form begins with an ASCII letter
    /// or digit lies in `FOLDING_RANGES`: the gate's classes have all of
    /// them, so it never turns away an article the lexicon would read.
    #[test]
    fn the_folding_ranges_hold_every_character_that_folds_to_ascii() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            if !crate::search::text::is_word_char(c) {
                continue;
            }
            let mut folded = String::new();
            fold_char(&mut folded, c);
            if folded.starts_with(|f: char| f.is_ascii_alphanumeric()) {
                let u = c as u32;
                assert!(
                    FOLDING_RANGES.iter().any(|&(lo, hi)| (lo..=hi).contains(&u)),
                    "U+{u:04X} folds to {folded:?} but is outside the ranges"
                );
            }
        }
    }

    fn matches(token: &str, text: &str) -> bool {
        let expr = token_expression(token.as_bytes(), &inverse_fold());
        regex::Regex::new(&expr).expect("the expression builds").is_match(text)
    }

    #[test]
    fn a_folded_token_matches_its_accented_and_capitalised_spellings() {
        assert!(matches("liberation", "LIBÉRATION"));
        assert!(matches("liberation", "libération"));
        assert!(matches("soeur", "Sœur"));
        assert!(matches("soeur", "soeur"));
        assert!(matches("kyiv", "\u{212A}yiv"));
        // A prefix may end inside a character that folds to two letters.
        assert!(matches("co", "cœur"));
        assert!(!matches("liberation", "liberte"));
    }

    /// The gate admits every `match` example of the shipped rules for its
    /// rule (`rules test` reads examples without it), and turns away a
    /// brief that holds none of their facts.
    #[test]
    fn the_gate_admits_every_shipped_example_and_turns_away_other_news() {
        let set = crate::rules::load_dir(std::path::Path::new("rules")).expect("the shipped rules load");
        let gate = set.gate().expect("the shipped frames have gated groups");
        let mut cache = gate.cache();
        let mut checked = 0;
        for (r, rule) in set.rules.iter().enumerate() {
            for example in &rule.examples.matches {
                let dated = example.published.is_some() || crate::search::dates::writes_days(&example.text);
                let admitted = gate.admits(&example.text, dated, &mut cache);
                assert!(admitted[r], "rule `{}` turned away: {}", rule.id, example.text);
                checked += 1;
            }
        }
        assert!(checked > 100, "{checked} examples");
        let brief = "La chorale municipale donnera trois concerts cet été dans l'église du bourg. \
                     The town's library reopens on Monday after two months of work.";
        let admitted = gate.admits(brief, true, &mut cache);
        let read: Vec<&str> = set
            .rules
            .iter()
            .zip(&admitted)
            .filter(|(_, a)| **a)
            .map(|(r, _)| r.id.as_str())
            .collect();
        assert!(read.is_empty(), "a brief with no fact of the rules is read by {read:?}");
    }

    /// A phrase is gated on its words in a row, not on its longest word
    /// alone: « armes aériennes » is no door for every article that says
    /// « aériennes ».
    #[test]
    fn a_phrase_needs_its_words_in_a_row() {
        let set = crate::rules::load_dir(std::path::Path::new("rules")).expect("the shipped rules load");
        let gate = set.gate().expect("the shipped frames have gated groups");
        let mut cache = gate.cache();
        let total = set
            .rules
            .iter()
            .position(|r| r.id == "night-attack-2025-07-21-total")
            .expect("the total rule");
        let airlines = "Les compagnies aériennes ont lancé une nouvelle grève ce lundi.";
        assert!(!gate.admits(airlines, true, &mut cache)[total]);
        let weapons = "La Russie a lancé 450 armes aériennes sur l'Ukraine.";
        assert!(gate.admits(weapons, true, &mut cache)[total]);
    }

    #[test]
    fn a_dateline_word_is_told_from_other_words() {
        let word = |tokens: &[&str], prefix: bool| Word {
            written: tokens.join(" "),
            tokens: tokens.iter().map(|t| t.to_string()).collect(),
            prefix,
        };
        assert!(dateline_may_hold(&word(&["21", "juillet"], false)));
        assert!(dateline_may_hold(&word(&["july", "21"], false)));
        assert!(dateline_may_hold(&word(&["aout"], false)));
        assert!(dateline_may_hold(&word(&["lund"], true)));
        assert!(!dateline_may_hold(&word(&["dimanche", "a", "lundi"], false)));
        assert!(!dateline_may_hold(&word(&["istanbul"], false)));
    }
}
