//! A plain English number, form by form: digits with their separators,
//! scales (`1.5 million`, `2.3bn`), fractions (`two thirds`, `½`), spoken
//! decimals (`two point five`) and dozens.

use super::spelled::words;
use super::{
    AND_FRACTION, DECIMAL, DIGITS_SCALE, DOZENS, FRACTION, GROUPED, GROUPED_INDIAN, GROUPED_SPACE, HALF, POINT, VULGAR,
};
use crate::english::vocab::{small_word, FRACTIONS, GLUED_SCALES, SCALE_WORDS, SPACED_SCALES, VULGAR_FRACTIONS};

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

pub(super) fn scale_word(word: &str) -> Option<f64> {
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
