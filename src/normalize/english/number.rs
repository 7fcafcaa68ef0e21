//! English numbers: digits with English separators (`1,000`, `1,50,000`,
//! `1.5`), number words (`one hundred and five`), scales (`1.5 million`,
//! `2.3bn`, `3m`, `30 lakh`), fractions (`two thirds`, `one and a half`,
//! `½`), spoken decimals (`two point five`), vague quantities (`a dozen`,
//! `hundreds of thousands`, `a few`), ranges, percentages and hedges.
//!
//! Everything here reads *folded* text (see [`crate::english::vocab::fold`]):
//! lower case, plain dashes and apostrophes, single spaces.

use crate::english::vocab::{
    folded_hedges, small_word, Hedge, DOZEN, FRACTIONS, GLUED_SCALES, HALF_DOZEN, ORDINAL_WORDS, SCALE_WORDS,
    SPACED_SCALES, SUFFIX_HEDGES, TENS_WORDS, UNIT_WORDS, VAGUE_COUNTS, VAGUE_MULTIPLIERS, VAGUE_PLURALS,
    VULGAR_FRACTIONS,
};
use crate::normalize::hedge;
use crate::value::Range;
use regex::Regex;
use std::sync::LazyLock;

pub use crate::normalize::number::Quantity;

fn re(pattern: &str) -> Regex {
    Regex::new(pattern).expect("static regex")
}

static PERCENT: LazyLock<Regex> = LazyLock::new(|| re(r"^(.*?) ?(?:%|percent|per ?cent|pc)$"));
static GROUPED: LazyLock<Regex> = LazyLock::new(|| re(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$"));
static GROUPED_INDIAN: LazyLock<Regex> = LazyLock::new(|| re(r"^\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?$"));
/// Thin or no-break spaces between groups of three, folded to a space.
static GROUPED_SPACE: LazyLock<Regex> = LazyLock::new(|| re(r"^\d{1,3}(?: \d{3})+(?:\.\d+)?$"));
static DECIMAL: LazyLock<Regex> = LazyLock::new(|| re(r"^(?:\d+(?:\.\d+)?|\.\d+)$"));
static DIGITS_SCALE: LazyLock<Regex> = LazyLock::new(|| re(r"^(\.?\d[\d ,.]*?) ?([a-z]+)$"));
static VULGAR: LazyLock<Regex> = LazyLock::new(|| re(r"^(\d*) ?(\D)$"));
static RANGE_BETWEEN: LazyLock<Regex> = LazyLock::new(|| re(r"^between (.+?) and (.+)$"));
static RANGE_FROM: LazyLock<Regex> = LazyLock::new(|| re(r"^from (.+?) to (.+)$"));
static RANGE_DASH: LazyLock<Regex> = LazyLock::new(|| re(r"^(\d[\d,.]*) ?- ?(\d.*)$"));
static RANGE_TO: LazyLock<Regex> = LazyLock::new(|| re(r"^(.+?) (?:to|or) (.+)$"));
static VAGUE_SCALED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(a few|several|a couple of|a couple) (dozen|hundred|thousand|million|billion)(?: (thousand|million|billion))?$",
    )
});
static VAGUE_PLURAL: LazyLock<Regex> = LazyLock::new(|| re(r"^([a-z]+)(?: of ([a-z]+))?$"));
static HALF: LazyLock<Regex> = LazyLock::new(|| re(r"^(?:(?:a|one) )?(half|quarter)(?: (?:of )?an?)?(?: ([a-z]+))?$"));
static AND_FRACTION: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(.+) and ((?:(?:an?|one|[a-z-]+) )?[a-z]+)(?: ([a-z]+))?$"));
static FRACTION: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?:(.+?)(?: ?- ?| ))?([a-z]+)(?: (?:of an? )?(thousand|million|billion|trillion|dozen))?$"));
static POINT: LazyLock<Regex> = LazyLock::new(|| re(r"^(.+?) point (.+?)(?: (thousand|million|billion|trillion))?$"));
static DOZENS: LazyLock<Regex> = LazyLock::new(|| re(r"^(.+) dozens?$"));
static ORDINAL_DIGITS: LazyLock<Regex> = LazyLock::new(|| re(r"^(\d+) ?(?:st|nd|rd|th)$"));

/// Reads a quantity: hedge, vague word, range or plain number, `%`.
/// `signed`: a minus sign (`-5`, `minus five`, `negative five`) is allowed.
pub fn quantity(folded: &str, signed: bool) -> Option<Quantity> {
    let text = folded.trim();
    if let Some((h, rest)) = split_prefix(text) {
        let q = quantity_unhedged(rest, signed)?;
        return Some(Quantity {
            range: hedge::apply(h, q.range),
            ..q
        });
    }
    if let Some((h, rest)) = split_suffix(text) {
        let q = quantity_unhedged(rest, signed)?;
        return Some(Quantity {
            range: hedge::apply(h, q.range),
            ..q
        });
    }
    quantity_unhedged(text, signed)
}

/// Splits a leading hedge off folded text: `more than 50` → (MoreThan, `50`).
pub fn split_prefix(folded: &str) -> Option<(Hedge, &str)> {
    folded_hedges().iter().find_map(|(phrase, h)| {
        let rest = folded.strip_prefix(phrase.as_str())?.strip_prefix(' ')?;
        Some((*h, rest.trim_start()))
    })
}

/// Splits a trailing hedge off folded text: `500 or more`.
pub fn split_suffix(folded: &str) -> Option<(Hedge, &str)> {
    SUFFIX_HEDGES.iter().find_map(|(phrase, h)| {
        let head = folded.strip_suffix(phrase)?.strip_suffix(' ')?;
        Some((*h, head.trim_end()))
    })
}

fn quantity_unhedged(text: &str, signed: bool) -> Option<Quantity> {
    let (text, percent) = match PERCENT.captures(text) {
        Some(c) => (c.get(1).map_or("", |m| m.as_str()), true),
        None => (text, false),
    };
    let range = body(text, signed)?;
    Some(Quantity { range, percent })
}

/// A vague quantity, a range or a plain number (no hedge, no `%`).
pub fn body(text: &str, signed: bool) -> Option<Range> {
    if let Some(r) = approx(text) {
        return Some(r);
    }
    if let Some(r) = range(text) {
        return Some(r);
    }
    plain_signed(text, signed).map(Range::exact)
}

fn plain_signed(text: &str, signed: bool) -> Option<f64> {
    if signed {
        let rest = text
            .strip_prefix('-')
            .or_else(|| text.strip_prefix("minus "))
            .or_else(|| text.strip_prefix("negative "));
        if let Some(rest) = rest {
            return plain(rest.trim_start()).map(|p| -p.value);
        }
    }
    plain(text).map(|p| p.value)
}

/// `a dozen`, `half a dozen`, `a few`, `several hundred`, `dozens`,
/// `hundreds of thousands`, `tens of millions`, `a pair`.
fn approx(text: &str) -> Option<Range> {
    match text {
        "a dozen" => return Some(Range::closed(DOZEN.0, DOZEN.1)),
        "half a dozen" => return Some(Range::closed(HALF_DOZEN.0, HALF_DOZEN.1)),
        "a pair" => return Some(Range::exact(2.0)),
        _ => {}
    }
    if let Some((_, lo, hi)) = VAGUE_COUNTS.iter().find(|(p, ..)| *p == text) {
        return Some(if hi.is_finite() {
            Range::closed(*lo, *hi)
        } else {
            Range::at_least(*lo)
        });
    }
    if let Some(c) = VAGUE_SCALED.captures(text) {
        let base = match c.get(2)?.as_str() {
            "dozen" => 12.0,
            w => scale_word(w)?,
        };
        let mult = match c.get(3) {
            Some(m) => scale_word(m.as_str())?,
            None => 1.0,
        };
        // `a couple hundred`: two or three hundred; `several hundred`, `a
        // few thousand`: as the French `quelques centaines`, [2, 10] of them.
        let (lo, hi) = if c.get(1)?.as_str().starts_with("a couple") {
            (2.0, 3.0)
        } else {
            (2.0, 10.0)
        };
        return Some(Range::closed(lo * base * mult, hi * base * mult));
    }
    let c = VAGUE_PLURAL.captures(text)?;
    let word = c.get(1)?.as_str();
    let base = VAGUE_PLURALS.iter().find(|(w, _)| *w == word)?.1;
    let mult = match c.get(2) {
        Some(m) => VAGUE_MULTIPLIERS.iter().find(|(w, _)| *w == m.as_str())?.1,
        // `tens` alone is no quantity.
        None if word == "tens" => return None,
        None => 1.0,
    };
    Some(Range::closed(2.0 * base * mult, 10.0 * base * mult))
}

/// `between 10 and 12`, `from 10 to 12`, `10 to 12`, `10-12`, `10 or 12`,
/// `2-3 million` (the upper end's scale carries over to the lower one).
fn range(text: &str) -> Option<Range> {
    let (a, b) = [&*RANGE_BETWEEN, &*RANGE_FROM, &*RANGE_DASH, &*RANGE_TO]
        .iter()
        .find_map(|re| {
            let c = re.captures(text)?;
            Some((c.get(1)?.as_str(), c.get(2)?.as_str()))
        })?;
    let hi = plain(strip_pct(b))?;
    let lo = plain(strip_pct(a))?;
    let lo_value = match (lo.scale, hi.scale) {
        (None, Some(s)) if lo.value <= hi.value / s => lo.value * s,
        _ => lo.value,
    };
    Some(Range::closed(lo_value.min(hi.value), lo_value.max(hi.value)))
}

fn strip_pct(s: &str) -> &str {
    PERCENT
        .captures(s)
        .and_then(|c| c.get(1))
        .map_or(s, |m| m.as_str())
        .trim()
}

/// A plain number and the scale word it ended with (`thousand` and up), if
/// any: the scale carries over in ranges (`between 10 and 20 thousand`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Plain {
    pub value: f64,
    pub scale: Option<f64>,
}

impl Plain {
    fn of(value: f64) -> Plain {
        Plain { value, scale: None }
    }
}

/// A plain number: `1,000`, `1.5 million`, `2.3bn`, `twenty-one`, `one
/// hundred and five`, `two thirds`, `one and a half`, `half a million`,
/// `two point five`, `3 dozen`, `2½`. Each form is tried in turn.
pub fn plain(text: &str) -> Option<Plain> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    digits(text)
        .map(Plain::of)
        .or_else(|| vulgar_form(text))
        .or_else(|| scaled_digits(text))
        .or_else(|| words(text))
        .or_else(|| half_form(text))
        .or_else(|| and_fraction(text))
        .or_else(|| point_form(text))
        .or_else(|| dozens_form(text))
        .or_else(|| fraction_form(text))
}

/// `½`, `2½`, `2 ½`.
fn vulgar_form(text: &str) -> Option<Plain> {
    let c = VULGAR.captures(text)?;
    let frac = vulgar(c.get(2)?.as_str())?;
    let whole = match c.get(1).map_or("", |m| m.as_str()) {
        "" => 0.0,
        w => w.parse::<f64>().ok()?,
    };
    Some(Plain::of(whole + frac))
}

/// `1.5 million`, `2.3bn`, `100k`, `322 hundred`, `3 dozen`.
fn scaled_digits(text: &str) -> Option<Plain> {
    let c = DIGITS_SCALE.captures(text)?;
    let mantissa = digits(c.get(1)?.as_str().trim())?;
    let word = c.get(2)?.as_str();
    let scale = scale_word(word)
        .or_else(|| abbreviated_scale(word))
        .or_else(|| matches!(word, "dozen" | "dozens").then_some(12.0))?;
    Some(Plain {
        value: mantissa * scale,
        scale: (scale >= 1e3).then_some(scale),
    })
}

/// `half`, `a half`, `half a million`, `half million`, `quarter million`.
fn half_form(text: &str) -> Option<Plain> {
    let c = HALF.captures(text)?;
    let part = if c.get(1)?.as_str() == "half" { 0.5 } else { 0.25 };
    let scale = match c.get(2) {
        Some(m) => scale_word(m.as_str()).or_else(|| (m.as_str() == "dozen").then_some(12.0))?,
        None => 1.0,
    };
    Some(Plain {
        value: part * scale,
        scale: (scale >= 1e3).then_some(scale),
    })
}

/// `one and a half`, `one hundred and three quarters`, `five and a half
/// million`, `one million and a half`, `one billion and a half million`.
fn and_fraction(text: &str) -> Option<Plain> {
    let c = AND_FRACTION.captures(text)?;
    let frac = fraction(c.get(2)?.as_str())?;
    let head = plain(c.get(1)?.as_str())?;
    let tail = match c.get(3) {
        Some(m) => Some(scale_word(m.as_str())?),
        None => None,
    };
    let value = match (tail, head.scale) {
        // `one billion and a half million`: a part of the smaller scale added.
        (Some(t), Some(h)) if h > t => head.value + frac * t,
        // `five and a half million`.
        (Some(t), _) => (head.value + frac) * t,
        // `one million and a half`, `3 million and a quarter`: a part of the scale.
        (None, Some(h)) if h >= 1e6 => head.value + frac * h,
        (None, _) => head.value + frac,
    };
    Some(Plain {
        value,
        scale: tail.or(head.scale),
    })
}

/// `two hundred point zero three`, `nine point nought four`, `two point
/// two million`.
fn point_form(text: &str) -> Option<Plain> {
    let c = POINT.captures(text)?;
    let int = plain(c.get(1)?.as_str())?.value;
    if int.fract() != 0.0 || int < 0.0 {
        return None;
    }
    let dec = decimal_digits(c.get(2)?.as_str())?;
    let v: f64 = format!("{int}.{dec}").parse().ok()?;
    let scale = match c.get(3) {
        Some(m) => scale_word(m.as_str())?,
        None => 1.0,
    };
    Some(Plain {
        value: v * scale,
        scale: (scale >= 1e3).then_some(scale),
    })
}

/// `two dozen`, `two hundred dozens`.
fn dozens_form(text: &str) -> Option<Plain> {
    let c = DOZENS.captures(text)?;
    let n = plain(c.get(1)?.as_str())?;
    Some(Plain::of(n.value * 12.0))
}

/// `two thirds`, `a quarter`, `five eighths`, `two thirds of a million`.
fn fraction_form(text: &str) -> Option<Plain> {
    let c = FRACTION.captures(text)?;
    let den = denominator(c.get(2)?.as_str())?;
    let num = match c.get(1)?.as_str() {
        "a" | "an" => 1.0,
        n => plain(n)?.value,
    };
    let scale = match c.get(3) {
        Some(m) => scale_word(m.as_str())?,
        None => 1.0,
    };
    Some(Plain::of(num / den * scale))
}

/// `a half`, `three quarters`, `one fifth`, `quarter` (a numerator may be
/// left out after `and`: `one and half`).
fn fraction(text: &str) -> Option<f64> {
    let (num, den) = match text.rsplit_once(' ') {
        Some((n, d)) => (n, d),
        None => ("a", text),
    };
    let den = denominator(den)?;
    let num = match num {
        "a" | "an" | "one" => 1.0,
        n => plain(n)?.value,
    };
    Some(num / den)
}

fn denominator(word: &str) -> Option<f64> {
    FRACTIONS.iter().find(|(w, _)| *w == word).map(|(_, d)| *d)
}

fn vulgar(s: &str) -> Option<f64> {
    let mut chars = s.chars();
    let c = chars.next()?;
    if chars.next().is_some() {
        return None;
    }
    VULGAR_FRACTIONS.iter().find(|(v, _)| *v == c).map(|(_, f)| *f)
}

/// The digits after `point`: `zero three`, `seventy-one`, `eleven`, `77`.
fn decimal_digits(text: &str) -> Option<String> {
    if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
        return Some(text.to_string());
    }
    let tokens: Vec<&str> = text.split([' ', '-']).filter(|t| !t.is_empty()).collect();
    // Digit by digit (`zero three`, `nought four`), or one number (`seventy-one`).
    let single: Option<String> = tokens
        .iter()
        .map(|t| match *t {
            "oh" | "o" => Some('0'),
            t => small_word(t)
                .filter(|v| *v < 10.0)
                .and_then(|v| char::from_digit(v as u32, 10)),
        })
        .collect();
    if let Some(s) = single {
        if !s.is_empty() {
            return Some(s);
        }
    }
    let v = words(text)?.value;
    (v.fract() == 0.0 && (0.0..1e6).contains(&v)).then(|| format!("{v}"))
}

fn scale_word(word: &str) -> Option<f64> {
    if word == "hundred" || word == "hundreds" {
        return Some(100.0);
    }
    SCALE_WORDS.iter().find(|(w, _)| *w == word).map(|(_, s)| *s)
}

fn abbreviated_scale(word: &str) -> Option<f64> {
    SPACED_SCALES
        .iter()
        .chain(GLUED_SCALES)
        .find(|(w, _)| *w == word)
        .map(|(_, s)| *s)
}

/// Digits: `1,000`, `1,50,000` (Indian grouping), `1 000` (a thin or
/// no-break space, folded to a space), `1.5`, `.08`. A comma never makes a
/// decimal, nor a dot a thousands separator.
pub fn digits(text: &str) -> Option<f64> {
    let cleaned = if GROUPED.is_match(text) || GROUPED_INDIAN.is_match(text) {
        text.replace(',', "")
    } else if GROUPED_SPACE.is_match(text) {
        text.replace(' ', "")
    } else if DECIMAL.is_match(text) {
        text.to_string()
    } else {
        return None;
    };
    cleaned.parse::<f64>().ok().filter(|v| v.is_finite())
}

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::english::vocab::fold;

    fn q(text: &str) -> Range {
        quantity(&fold(text), true)
            .unwrap_or_else(|| panic!("no quantity in {text:?}"))
            .range
    }

    fn exact(text: &str) -> f64 {
        let r = q(text);
        assert_eq!(r.lo, r.hi, "{text:?} is not exact: {r:?}");
        r.lo
    }

    fn near(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-9 * a.abs().max(1.0)
    }

    #[test]
    fn commas_group_thousands_and_dots_make_decimals() {
        assert_eq!(exact("1,000"), 1000.0);
        assert_eq!(exact("1,000,000"), 1e6);
        assert_eq!(exact("12,34,567.89"), 1234567.89);
        assert_eq!(exact("4.800"), 4.8);
        assert_eq!(exact("1.5"), 1.5);
        assert_eq!(exact(".08"), 0.08);
        assert_eq!(exact("40\u{202F}000"), 40000.0);
        assert_eq!(plain("1,5"), None);
        assert_eq!(plain("1,00"), None);
    }

    #[test]
    fn scales_after_digits() {
        assert_eq!(exact("1.5 million"), 1.5e6);
        assert_eq!(exact("2.3bn"), 2.3e9);
        assert_eq!(exact("2.3 bn"), 2.3e9);
        assert_eq!(exact("3m"), 3e6);
        assert_eq!(exact("3M"), 3e6);
        assert_eq!(exact("100k"), 1e5);
        assert_eq!(exact("1.2b"), 1.2e9);
        assert_eq!(exact("30 lakh"), 3e6);
        assert_eq!(exact("5 crore"), 5e7);
        assert_eq!(exact("322 hundred"), 32200.0);
        assert_eq!(exact("3 dozen"), 36.0);
        assert_eq!(exact("1,674.5 million"), 1.6745e9);
    }

    #[test]
    fn number_words() {
        for (t, v) in [
            ("nine", 9.0),
            ("zero", 0.0),
            ("nought", 0.0),
            ("twenty-four", 24.0),
            ("twenty four", 24.0),
            ("fifty - two", 52.0),
            ("one hundred and five", 105.0),
            ("a hundred", 100.0),
            ("a million", 1e6),
            ("two thousand and two hundred", 2200.0),
            ("two hundred and two thousand", 202000.0),
            ("seven hundred twenty-one thousand and twelve", 721012.0),
            (
                "thirty-one million two hundred fifty-six thousand seven hundred twenty-one",
                31256721.0,
            ),
            ("three thousand millions", 3e9),
            ("three billions", 3e9),
            ("three lakh crore", 3e12),
            ("twenty-one trillion and three hundred", 21e12 + 300.0),
            ("3 hundred and 21", 321.0),
            ("4 thousand 3 hundred and 21", 4321.0),
            ("two dozen", 24.0),
            ("two hundred dozens", 2400.0),
        ] {
            assert_eq!(exact(t), v, "{t}");
        }
        for t in [
            "one two",
            "twenty and four",
            "one twenty two",
            "hundred",
            "and",
            "a",
            "two nil",
            "one one hundred",
        ] {
            assert_eq!(words(&fold(t)), None, "{t}");
        }
    }

    #[test]
    fn fractions_halves_and_spoken_decimals() {
        assert!(near(exact("two thirds"), 2.0 / 3.0));
        assert_eq!(exact("a half"), 0.5);
        assert_eq!(exact("half"), 0.5);
        assert_eq!(exact("three quarters"), 0.75);
        assert_eq!(exact("one fifth"), 0.2);
        assert_eq!(exact("one and a half"), 1.5);
        assert_eq!(exact("five and a quarter"), 5.25);
        assert_eq!(exact("one hundred and three quarters"), 100.75);
        assert_eq!(exact("half a million"), 5e5);
        assert_eq!(exact("quarter million"), 2.5e5);
        assert_eq!(exact("five and a half million"), 5.5e6);
        assert_eq!(exact("one million and a half"), 1.5e6);
        assert_eq!(exact("3 million and a quarter"), 3.25e6);
        assert_eq!(exact("one billion and a half million"), 1.0005e9);
        assert!(near(exact("two thirds of a million"), 2e6 / 3.0));
        assert_eq!(exact("2½"), 2.5);
        assert_eq!(exact("¾"), 0.75);
        assert_eq!(exact("two hundred point zero three"), 200.03);
        assert_eq!(exact("two hundred point seventy-one"), 200.71);
        assert_eq!(exact("nought point eleven"), 0.11);
        assert_eq!(exact("two point two million"), 2.2e6);
    }

    #[test]
    fn vague_quantities_are_wide() {
        assert_eq!(q("a dozen"), Range::closed(10.0, 14.0));
        assert_eq!(q("half a dozen"), Range::closed(5.0, 7.0));
        assert_eq!(q("dozens"), Range::closed(24.0, 120.0));
        assert_eq!(q("hundreds"), Range::closed(200.0, 1000.0));
        assert_eq!(q("hundreds of thousands"), Range::closed(2e5, 1e6));
        assert_eq!(q("tens of thousands"), Range::closed(2e4, 1e5));
        assert_eq!(q("a couple"), Range::closed(2.0, 3.0));
        assert_eq!(q("a few"), Range::closed(2.0, 10.0));
        assert_eq!(q("several"), Range::at_least(2.0));
        assert_eq!(q("several hundred"), Range::closed(200.0, 1000.0));
        assert_eq!(q("a couple of thousand"), Range::closed(2000.0, 3000.0));
        assert_eq!(q("a few dozen"), Range::closed(24.0, 120.0));
        assert_eq!(quantity("tens", false), None);
    }

    #[test]
    fn ranges_and_percentages() {
        for t in [
            "10 to 12",
            "10-12",
            "10–12",
            "between 10 and 12",
            "from 10 to 12",
            "10 or 12",
            "ten to twelve",
        ] {
            assert_eq!(q(t), Range::closed(10.0, 12.0), "{t}");
        }
        assert_eq!(q("between 1 and 1.5 million"), Range::closed(1e6, 1.5e6));
        assert_eq!(q("2-3 million"), Range::closed(2e6, 3e6));
        let p = quantity(&fold("30 per cent"), true).unwrap();
        assert!(p.percent);
        assert_eq!(p.range, Range::exact(30.0));
        assert!(quantity("5%", true).unwrap().percent);
        assert!(quantity("5pc", true).unwrap().percent);
        assert_eq!(q("10-12%"), Range::closed(10.0, 12.0));
    }

    #[test]
    fn hedges_before_and_after() {
        assert_eq!(q("at least 500"), Range::at_least(500.0));
        assert_eq!(q("no fewer than 5"), Range::at_least(5.0));
        assert_eq!(q("more than 50"), Range::more_than(50.0));
        assert_eq!(q("over 50"), Range::at_least(50.0));
        assert_eq!(q("nearly 50"), Range::closed(45.0, 50.0));
        assert_eq!(q("almost 50"), Range::closed(45.0, 50.0));
        assert_eq!(q("up to 300"), Range::closed(0.0, 300.0));
        assert_eq!(q("as many as 300"), Range::closed(0.0, 300.0));
        assert_eq!(q("500 or more"), Range::at_least(500.0));
        for t in [
            "about 100",
            "around 100",
            "roughly 100",
            "approximately 100",
            "some 100",
            "100 or so",
        ] {
            let r = q(t);
            assert!(near(r.lo, 90.0) && near(r.hi, 110.0), "{t}: {r:?}");
        }
        let r = q("fewer than 5");
        assert_eq!((r.lo, r.hi, r.hi_open), (0.0, 5.0, true));
        assert_eq!(q("more than a dozen"), Range::more_than(10.0));
    }

    #[test]
    fn signs() {
        assert_eq!(exact("-4.5"), -4.5);
        assert_eq!(exact("- 1,200,000"), -1.2e6);
        assert_eq!(exact("minus five"), -5.0);
        assert_eq!(exact("negative five hundred and four"), -504.0);
        assert_eq!(quantity("-5", false), None);
    }

    #[test]
    fn ordinals_in_digits_and_words() {
        for (t, v) in [
            ("3rd", 3.0),
            ("21st", 21.0),
            ("third", 3.0),
            ("second", 2.0),
            ("twenty-first", 21.0),
            ("twenty first", 21.0),
            ("twentyfifth", 25.0),
            ("twenty—fifth", 25.0),
            ("one hundred twenty-fifth", 125.0),
            ("two hundredth", 200.0),
            ("three trillionth", 3e12),
            ("hundredth", 100.0),
            ("nineth", 9.0),
            ("twenty-one trillion and three hundred twenty second", 21e12 + 322.0),
        ] {
            assert_eq!(ordinal(&fold(t)), Some(v), "{t}");
        }
        assert_eq!(ordinal("twentyfirstly"), None);
        assert_eq!(ordinal("one two third"), None);
    }
}
