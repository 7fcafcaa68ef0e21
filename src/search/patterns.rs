//! Running one compiled pattern over a text fast, with exactly the matches
//! of a plain search (see [`matches`](fn@matches)). Rules' patterns and the value finders
//! both run through it.

use crate::rules::{ExactCache, Pattern, PatternCache};
use regex_automata::util::captures::Captures;
use regex_automata::{Anchored, Input, Match};

/// How far past a candidate the exact pattern may reach. A candidate ends
/// where the exact match does but for word boundaries, or, when the pattern
/// ends with its value (the locator has "anything" there), before the value's
/// words: the longest value phrase the placeholders read (a date span with
/// times of day) is under 200 bytes.
const WINDOW_PAD: usize = 512;

/// The matches of a pattern, exactly as a plain leftmost-first search of
/// `pattern.regex` over the whole text gives them, found fast. Unicode word
/// boundaries (`\b`, in every placeholder) make the regex engines fall back to
/// the slowest one over the whole text; the locator (a superset: the same
/// expression without them, and "anything" for a value after words of the
/// pattern) runs on the DFA engines instead.
///
/// Past the last match, the next exact match is also a locator match, so the
/// next candidate starts at or before it. The exact pattern runs anchored at
/// the candidate's start, in a window cut at white space so that word
/// boundaries at the window's edge are unchanged: a match there is the next
/// exact match; none, and the next candidate is looked for one character
/// further. Each step is a DFA search and an anchored search that stops as
/// soon as the words differ: the slow engines never scan a text unanchored.
pub fn matches(pattern: &Pattern, text: &str, cache: &mut PatternCache, exact: &mut ExactCache) -> Vec<Captures> {
    let Some(regex) = pattern.regex() else {
        return Vec::new();
    };
    let exact = exact.for_pattern(pattern.id, regex);
    let mut captures = regex.create_captures();
    let mut found = Vec::new();
    scan(pattern, text, cache, |input| {
        regex.search_captures_with(exact, input, &mut captures);
        let whole = captures.get_match()?;
        found.push(captures.clone());
        Some(whole)
    });
    found
}

/// The spans of the matches [`matches`] gives, without their groups: what a
/// value finder needs. Without captures the exact pattern may run on the
/// lazy DFA, which gives up only when it meets a non-ASCII byte before the
/// match is decided (the PikeVM then takes over).
pub fn spans(pattern: &Pattern, text: &str, cache: &mut PatternCache, exact: &mut ExactCache) -> Vec<Match> {
    let Some(regex) = pattern.regex() else {
        return Vec::new();
    };
    let exact = exact.for_pattern(pattern.id, regex);
    let mut found = Vec::new();
    scan(pattern, text, cache, |input| {
        let whole = regex.search_with(exact, input)?;
        found.push(whole);
        Some(whole)
    });
    found
}

/// The search loop of [`matches`] and [`spans`]: `confirm` runs the exact
/// pattern anchored on a candidate's window and gives its match, if any.
fn scan(pattern: &Pattern, text: &str, cache: &mut PatternCache, mut confirm: impl FnMut(&Input) -> Option<Match>) {
    // A pattern that cannot be built finds nothing; the run says so once
    // (`RuleSet::failures`).
    let Some(locator) = pattern.locator() else {
        return;
    };
    let locator_cache = cache.state.get_or_insert_with(|| locator.create_cache());
    let mut from = 0;
    while from <= text.len() {
        let Some(candidate) = locator.search_with(locator_cache, &Input::new(text).span(from..text.len())) else {
            break;
        };
        let end = window_end(text, candidate.end() + WINDOW_PAD);
        let input = Input::new(&text[..end])
            .span(candidate.start()..end)
            .anchored(Anchored::Yes);
        from = match confirm(&input) {
            Some(whole) => {
                // Past an empty match, move on by one character.
                if whole.is_empty() {
                    next_boundary(text, whole.end())
                } else {
                    whole.end()
                }
            }
            None => next_boundary(text, candidate.start()),
        };
    }
}

/// The next character boundary after `at` (or past the end).
fn next_boundary(text: &str, at: usize) -> usize {
    text[at.min(text.len())..]
        .chars()
        .next()
        .map_or(text.len() + 1, |c| at + c.len_utf8())
}

/// The first white-space position at or after `at` (or the end of the text).
fn window_end(text: &str, mut at: usize) -> usize {
    if at >= text.len() {
        return text.len();
    }
    while !text.is_char_boundary(at) {
        at += 1;
    }
    text[at..]
        .char_indices()
        .find(|(_, c)| c.is_whitespace())
        .map_or(text.len(), |(i, _)| at + i)
}
