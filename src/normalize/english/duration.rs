//! English durations, in days: `50 days`, `a 50-day`, `48 hours`, `a
//! fortnight`, `10 to 12 days`, `a month and a half`, `half an hour`,
//! `three quarters of an hour`, `1 year, 2 days and 3 hours`, `1 hour 30`,
//! `all week`, `nearly 50 days`. A month is 28 to 31 days, a year 365 or
//! 366: such durations are intervals. A compound adds its parts.

use super::number;
use crate::english::vocab::{
    eq_folded, folded_hedges, DURATION_FILLERS, DURATION_UNITS, ONE_WORDS, WHOLE_UNITS, WHOLE_UNIT_LEADS,
};
use crate::normalize::hedge;
use crate::value::Range;
use regex::Regex;
use std::sync::LazyLock;

/// A unit where it may stand: after `of an`, with `and a half` after it.
static UNIT_AT: LazyLock<Regex> = LazyLock::new(|| {
    let units: Vec<&str> = DURATION_UNITS.iter().map(|(u, ..)| *u).collect();
    Regex::new(&format!(
        r"(?:of (?:an? )?)?(?P<u>{})\b(?P<half> and (?:an? )?half\b)?",
        units.join("|")
    ))
    .expect("static regex")
});
static JOINER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(?:,? and |, ?| )").expect("static regex"));
static WHOLE: LazyLock<Regex> = LazyLock::new(|| {
    let leads: Vec<&str> = WHOLE_UNIT_LEADS.to_vec();
    Regex::new(&format!(
        r"^(?:{}) ?-? ?(?P<u>{})$",
        leads.join("|"),
        WHOLE_UNITS.join("|")
    ))
    .expect("static regex")
});

/// One unit said as an adjective: `month-long`, `week-long`.
static LONG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^(?P<u>{}) ?- ?long$", WHOLE_UNITS.join("|"))).expect("static regex"));

/// One part of a duration: a count of a unit (the unit as in
/// [`DURATION_UNITS`]). `count` includes a trailing `and a half`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Part {
    pub count: Range,
    pub unit: &'static str,
}

impl Part {
    /// The part's length in days.
    pub fn days(&self) -> Range {
        let (lo, hi) = unit_days(self.unit).unwrap_or((f64::NAN, f64::NAN));
        Range {
            lo: self.count.lo * lo,
            hi: self.count.hi * hi,
            ..self.count
        }
    }
}

/// The length of a folded duration phrase, in days.
pub fn duration(folded: &str) -> Option<Range> {
    let text = folded.trim();
    if let Some(c) = WHOLE.captures(text).or_else(|| LONG.captures(text)) {
        let (lo, hi) = unit_days(c.name("u")?.as_str())?;
        return Some(Range::closed(lo, hi));
    }
    if let Some((h, rest)) = split_hedge(text) {
        return Some(hedge::apply(h, total(&parts(rest)?)).non_negative());
    }
    Some(total(&parts(text)?).non_negative())
}

fn split_hedge(text: &str) -> Option<(crate::english::vocab::Hedge, &str)> {
    folded_hedges().iter().find_map(|(phrase, h)| {
        let rest = text.strip_prefix(phrase.as_str())?.strip_prefix(' ')?;
        Some((*h, rest.trim_start()))
    })
}

/// The sum of the parts' lengths.
pub fn total(parts: &[Part]) -> Range {
    parts.iter().fold(Range::exact(0.0), |acc, p| {
        let d = p.days();
        Range {
            lo: acc.lo + d.lo,
            hi: acc.hi + d.hi,
            lo_open: acc.lo_open || d.lo_open,
            hi_open: acc.hi_open || d.hi_open,
        }
    })
}

/// The parts of a duration without a hedge: `1 year, 2 days and 3 hours`.
pub fn parts(folded: &str) -> Option<Vec<Part>> {
    let mut out = Vec::new();
    split(folded.trim(), &mut out, 0).then_some(out)
}

/// Tries each unit in turn as the end of the first part (`one and a
/// quarter hour`: `quarter` is a unit too, but `one and a` no count), then
/// reads the rest the same way.
fn split(text: &str, out: &mut Vec<Part>, depth: u8) -> bool {
    if depth > 8 || text.is_empty() {
        return false;
    }
    for m in UNIT_AT.captures_iter(text) {
        let (Some(all), Some(u)) = (m.get(0), m.name("u")) else {
            continue;
        };
        let before = &text[..all.start()];
        // A unit is a word of its own, or glued to digits (`48h`, `3day`).
        if !before.is_empty() && !before.ends_with([' ', '-']) && !before.ends_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        // "A third day", "a fourth week": an ordinal before its noun, not a
        // fraction, which takes "of" ("a third of a day"); only halves and
        // quarters go straight before a unit ("a half day", "a quarter hour").
        // "One and a third days" is a mixed number: its fraction stands.
        if !all.as_str().starts_with("of ") && !before.contains(" and a ") && ends_with_ordinal_denominator(before) {
            continue;
        }
        let Some(mut count) = count(before.trim_end_matches([' ', '-'])) else {
            continue;
        };
        if m.name("half").is_some() {
            count.lo += 0.5;
            count.hi += 0.5;
        }
        let Some(unit) = DURATION_UNITS.iter().find(|(w, ..)| *w == u.as_str()).map(|(w, ..)| *w) else {
            continue;
        };
        let after = &text[all.end()..];
        let mark = out.len();
        out.push(Part { count, unit });
        if after.is_empty() {
            return true;
        }
        if let Some(rest) = JOINER.find(after).map(|j| &after[j.end()..]) {
            if split(rest, out, depth + 1) {
                return true;
            }
            // `1 hour thirty`, `2 hours and 10`: bare minutes after hours.
            if unit_days(unit) == Some((1.0 / 24.0, 1.0 / 24.0)) {
                if let Some(m) = number::plain(rest).map(|p| p.value) {
                    if m.fract() == 0.0 && (1.0..60.0).contains(&m) {
                        out.truncate(mark + 1);
                        out.push(Part {
                            count: Range::exact(m),
                            unit: "minutes",
                        });
                        return true;
                    }
                }
            }
        }
        out.truncate(mark);
    }
    false
}

/// Whether `text` ends with a fraction's denominator that is also an
/// ordinal (`third`, `fifth`…; not `half` or `quarter`).
fn ends_with_ordinal_denominator(text: &str) -> bool {
    let last = text
        .trim_end_matches([' ', '-'])
        .rsplit([' ', '-'])
        .next()
        .unwrap_or("");
    crate::english::vocab::FRACTIONS
        .iter()
        .any(|(w, _)| *w == last && !w.starts_with("hal") && !w.starts_with("quarter"))
}

/// The count before a unit: a number, a range, a vague count, `a`, `an`,
/// `another`, `half (a)`, `1/2`, `a couple (of)`; `more`, `extra`… after it
/// and `another` before it change nothing (`another 30 days`).
fn count(text: &str) -> Option<Range> {
    let text = text.trim();
    let text = text.strip_prefix("another ").unwrap_or(text);
    let text = DURATION_FILLERS
        .iter()
        .find_map(|f| text.strip_suffix(f).and_then(|t| t.strip_suffix(' ')))
        .unwrap_or(text);
    match text {
        "" => None,
        t if ONE_WORDS.contains(&t) => Some(Range::exact(1.0)),
        "half" | "half a" | "half an" | "1/2" => Some(Range::exact(0.5)),
        "1/4" => Some(Range::exact(0.25)),
        "3/4" => Some(Range::exact(0.75)),
        "couple" | "couple of" | "a couple" | "a couple of" => Some(Range::closed(2.0, 3.0)),
        _ => number::body(text, false),
    }
}

fn unit_days(unit: &str) -> Option<(f64, f64)> {
    DURATION_UNITS
        .iter()
        .find(|(u, ..)| eq_folded(u, unit))
        .map(|(_, lo, hi)| (*lo, *hi))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::english::vocab::fold;

    fn d(t: &str) -> Range {
        duration(&fold(t)).unwrap_or_else(|| panic!("no duration in {t:?}"))
    }

    fn near(r: Range, lo: f64, hi: f64) -> bool {
        (r.lo - lo).abs() < 1e-9 && (r.hi - hi).abs() < 1e-9
    }

    #[test]
    fn days_weeks_hours_glued_and_hyphenated() {
        assert_eq!(d("50 days"), Range::exact(50.0));
        assert_eq!(d("50-day"), Range::exact(50.0));
        assert_eq!(d("seven weeks"), Range::exact(49.0));
        assert_eq!(d("48 hours"), Range::exact(2.0));
        assert_eq!(d("48h"), Range::exact(2.0));
        assert_eq!(d("3day"), Range::exact(3.0));
        assert_eq!(d("a fortnight"), Range::exact(14.0));
        assert_eq!(d("an hour"), Range::exact(1.0 / 24.0));
        assert_eq!(d("another week"), Range::exact(7.0));
        assert_eq!(d("two more days"), Range::exact(2.0));
        // Words that stress the length without changing it.
        assert_eq!(d("30 full days"), Range::exact(30.0));
        assert_eq!(d("ten straight days"), Range::exact(10.0));
        assert_eq!(d("three consecutive weeks"), Range::exact(21.0));
        assert_eq!(d("a whole day"), Range::exact(1.0));
    }

    #[test]
    fn months_and_years_are_intervals() {
        assert_eq!(d("two months"), Range::closed(56.0, 62.0));
        assert_eq!(d("month-long"), Range::closed(28.0, 31.0));
        assert_eq!(d("week - long"), Range::exact(7.0));
        assert_eq!(d("2 years"), Range::closed(730.0, 732.0));
        assert_eq!(d("a month and a half"), Range::closed(42.0, 46.5));
        assert!(near(d("3.5years"), 1277.5, 1281.0));
    }

    #[test]
    fn halves_quarters_ranges_vague_counts_and_hedges() {
        assert_eq!(d("half an hour"), Range::exact(1.0 / 48.0));
        assert_eq!(d("half a day"), Range::exact(0.5));
        assert_eq!(d("an hour and a half"), Range::exact(1.5 / 24.0));
        assert!(near(d("three quarters of an hour"), 0.75 / 24.0, 0.75 / 24.0));
        assert!(near(d("one and a quarter hour"), 1.25 / 24.0, 1.25 / 24.0));
        assert!(near(d("a third of a day"), 1.0 / 3.0, 1.0 / 3.0));
        assert!(near(d("a half day"), 0.5, 0.5));
        assert!(near(d("one and a third days"), 4.0 / 3.0, 4.0 / 3.0));
        assert_eq!(d("10 to 12 days"), Range::closed(10.0, 12.0));
        assert_eq!(d("10-12 days"), Range::closed(10.0, 12.0));
        assert_eq!(d("between 10 and 12 days"), Range::closed(10.0, 12.0));
        // Hyphenated before its noun: "a 10-to-12-day deadline".
        assert_eq!(d("10-to-12-day"), Range::closed(10.0, 12.0));
        assert_eq!(d("ten-or-twelve-day"), Range::closed(10.0, 12.0));
        assert_eq!(d("a couple of weeks"), Range::closed(14.0, 21.0));
        assert_eq!(d("a few days"), Range::closed(2.0, 10.0));
        assert_eq!(d("nearly 50 days"), Range::closed(45.0, 50.0));
        assert_eq!(d("more than an hour"), Range::more_than(1.0 / 24.0));
        assert_eq!(d("all week"), Range::exact(7.0));
        assert_eq!(d("a full year"), Range::closed(365.0, 366.0));
    }

    #[test]
    fn compounds_add_up() {
        assert!(near(
            d("1 year 1 month 21 days"),
            365.0 + 28.0 + 21.0,
            366.0 + 31.0 + 21.0
        ));
        assert!(near(
            d("2 days, 3 hours and 4 seconds"),
            2.0 + 3.0 / 24.0 + 4.0 / 86400.0,
            2.0 + 3.0 / 24.0 + 4.0 / 86400.0
        ));
        assert!(near(d("1 hour 30"), 1.5 / 24.0, 1.5 / 24.0));
        assert!(near(d("2 hours and 10"), 130.0 / 1440.0, 130.0 / 1440.0));
        assert!(near(d("1 hour fifteen seconds"), 3615.0 / 86400.0, 3615.0 / 86400.0));
        assert!(near(d("an hour and 45 minutes"), 105.0 / 1440.0, 105.0 / 1440.0));
    }

    #[test]
    fn no_count_no_duration() {
        for t in [
            "days",
            "for months",
            "minutes",
            "secretary",
            "the days",
            "twenty and four hours",
            "business day",
            // Ordinals, not fractions: a fraction takes "of".
            "a third day",
            "a fourth week",
        ] {
            assert_eq!(duration(&fold(t)), None, "{t}");
        }
    }
}
