//! English number words: cardinals (`one hundred and five`, `three lakh
//! crore`) and ordinals (`twenty-third`, `21st`).

use super::forms::{digits, scale_word, Plain};
use super::ORDINAL_DIGITS;
use crate::english::vocab::{small_word, ORDINAL_WORDS, SCALE_WORDS, TENS_WORDS, UNIT_WORDS};

/// Number words, with digits standing for a group (`3 hundred and 21`):
/// `twenty-one`, `one hundred and five`, `two thousand and two hundred`,
/// `a million`, `three thousand millions`, `three lakh crore`. Ill-formed
/// sequences (`one two`, `twenty and four`, `one twenty two`) are no number.
pub fn words(text: &str) -> Option<Plain> {
    if text.starts_with('-') || text.ends_with('-') {
        return None;
    }
    let tokens: Vec<&str> = text.split([' ', '-']).filter(|t| !t.is_empty()).collect();
    let mut total = 0.0_f64;
    let mut group: Option<f64> = None;
    // What the current group of three digits has: a hundred, tens, units.
    let (mut hundred, mut tens, mut units) = (false, false, false);
    let mut last_scale: Option<f64> = None;
    // `and` may follow only a hundred or a scale, and must be followed by a number.
    let mut after_big = false;
    let mut pending_and = false;
    let mut leading_a = false;
    let mut ended_on_scale = false;
    let mut any = false;
    for (i, tok) in tokens.iter().copied().enumerate() {
        ended_on_scale = false;
        if tok == "and" {
            if !after_big || pending_and {
                return None;
            }
            pending_and = true;
            continue;
        }
        if i == 0 && (tok == "a" || tok == "an") {
            leading_a = true;
            continue;
        }
        let small = small_word(tok);
        let number = small.or_else(|| digits(tok).filter(|_| tok.bytes().any(|b| b.is_ascii_digit())));
        if let Some(v) = number {
            if leading_a {
                return None;
            }
            let is_digits = small.is_none();
            // A unit may follow tens (`twenty-one`); anything else starts the group's tail.
            let ok = if is_digits {
                !tens && !units && (!hundred || v < 100.0)
            } else if v < 10.0 {
                !units
            } else {
                !tens && !units
            };
            if !ok || (v == 0.0 && (group.is_some() || total > 0.0)) {
                return None;
            }
            if is_digits || (10.0..20.0).contains(&v) {
                tens = true;
                units = true;
            } else if v < 10.0 {
                units = true;
            } else {
                tens = true;
            }
            group = Some(group.unwrap_or(0.0) + v);
            after_big = false;
            pending_and = false;
            any = true;
            continue;
        }
        if pending_and {
            // `and` before a scale word (`a hundred and thousand`).
            return None;
        }
        if tok == "hundred" || tok == "hundreds" {
            if hundred {
                return None;
            }
            let g = match group {
                Some(g) => g,
                None if leading_a => 1.0,
                None => return None,
            };
            group = Some(g * 100.0);
            hundred = true;
            tens = false;
            units = false;
            leading_a = false;
            after_big = true;
            any = true;
            continue;
        }
        let s = scale_word(tok)?;
        match group {
            Some(g) => {
                if last_scale.is_some_and(|ls| ls <= s) {
                    total = (total + g) * s;
                } else {
                    total += g * s;
                }
            }
            None if leading_a => total += s,
            // `three thousand millions`, `three lakh crore`.
            None if total > 0.0 && last_scale.is_some_and(|ls| ls < s) => total *= s,
            None => return None,
        }
        group = None;
        hundred = false;
        tens = false;
        units = false;
        leading_a = false;
        last_scale = Some(s);
        after_big = true;
        ended_on_scale = true;
        any = true;
    }
    if pending_and || leading_a || !any {
        return None;
    }
    let value = total + group.unwrap_or(0.0);
    value.is_finite().then_some(Plain {
        value,
        scale: if ended_on_scale { last_scale } else { None },
    })
}

/// An ordinal: `3rd`, `21st`, `third`, `twenty-first`, `twentyfirst`, `one
/// hundred twenty-fifth`, `two hundredth`.
pub fn ordinal(folded: &str) -> Option<f64> {
    let text = folded.trim();
    if let Some(c) = ORDINAL_DIGITS.captures(text) {
        return c.get(1)?.as_str().parse::<f64>().ok();
    }
    let split = text.rfind([' ', '-']).map_or(0, |i| i + 1);
    let (head, last) = text.split_at(split);
    let head = head.trim_end_matches([' ', '-']);
    let (glued_tens, last) = split_glued_tens(last);
    let rank = ORDINAL_WORDS.iter().find(|(w, _)| *w == last)?.1;
    if let Some(t) = glued_tens {
        if rank >= 10.0 || !head.is_empty() {
            return None;
        }
        return Some(t + rank);
    }
    if head.is_empty() {
        return Some(rank);
    }
    // The words before are cardinal: read them with the rank as its cardinal.
    let cardinal = cardinal_word(rank)?;
    words(&format!("{head} {cardinal}")).map(|p| p.value)
}

/// `twentyfifth` → (Some(20), `fifth`).
fn split_glued_tens(word: &str) -> (Option<f64>, &str) {
    for (t, v) in TENS_WORDS {
        if let Some(rest) = word.strip_prefix(t) {
            if !rest.is_empty() && ORDINAL_WORDS.iter().any(|(w, _)| *w == rest) {
                return (Some(*v), rest);
            }
        }
    }
    (None, word)
}

/// The cardinal word of an ordinal word's rank: 21 has none, 20 `twenty`.
fn cardinal_word(rank: f64) -> Option<&'static str> {
    let all = UNIT_WORDS
        .iter()
        .chain(crate::english::vocab::TEEN_WORDS)
        .chain(TENS_WORDS);
    if let Some((w, _)) = all.clone().find(|(_, v)| *v == rank) {
        return Some(w);
    }
    if rank == 100.0 {
        return Some("hundred");
    }
    SCALE_WORDS
        .iter()
        .find(|(w, v)| *v == rank && !w.ends_with('s') && !w.starts_with("la"))
        .map(|(w, _)| *w)
}
