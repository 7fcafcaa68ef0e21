//! English numbers: digits with English separators (`1,000`, `1,50,000`,
//! `1.5`), number words (`one hundred and five`), scales (`1.5 million`,
//! `2.3bn`, `3m`, `30 lakh`), fractions (`two thirds`, `one and a half`,
//! `½`), spoken decimals (`two point five`), vague quantities (`a dozen`,
//! `hundreds of thousands`, `a few`), ranges, percentages and hedges.
//!
//! This module reads quantities (hedges, ranges, vague counts, percentages);
//! `forms` reads a plain number form by form (digits, scales, fractions,
//! decimals), `spelled` number words and ordinals.
//!
//! Everything here reads *folded* text (see [`crate::english::vocab::fold`]):
//! lower case, plain dashes and apostrophes, single spaces.

use crate::english::vocab::{
    folded_hedges, Hedge, DOZEN, HALF_DOZEN, SUFFIX_HEDGES, VAGUE_COUNTS, VAGUE_MULTIPLIERS, VAGUE_PLURALS,
};
use crate::normalize::hedge;
use crate::value::Range;
use regex::Regex;
use std::sync::LazyLock;

mod forms;
mod spelled;
#[cfg(test)]
mod tests;

pub use crate::normalize::number::Quantity;
use forms::scale_word;
pub use forms::{digits, plain, Plain};
pub use spelled::{ordinal, words};

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
/// `10 to 12`, `10 or 12`, and hyphenated before a noun: `10-to-12`.
static RANGE_TO: LazyLock<Regex> = LazyLock::new(|| re(r"^(.+?)(?: | ?- ?)(?:to|or)(?: | ?- ?)(.+)$"));
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
        let head = match phrase.starts_with('-') {
            true => folded.strip_suffix(phrase)?,
            false => folded.strip_suffix(phrase)?.strip_suffix(' ')?,
        };
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
