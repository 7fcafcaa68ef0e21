//! Durations, in days: `50 jours`, `48 heures`, `un mois et demi`,
//! `10 à 12 jours`, `près de 50 jours`. A month is 28 to 31 days and a year
//! 365 or 366, so those durations are intervals.

use super::hedge;
use super::number::{self, Options};
use crate::french::grammar::duration_tail;
use crate::french::vocab::{eq_folded, DURATION_UNITS, WHOLE_UNITS};
use crate::surface::folded;
use crate::value::Range;
use regex::Regex;
use std::sync::LazyLock;

/// A duration's count and unit, as the grammar writes them
/// (`french::grammar::duration_tail`), folded.
static SPLIT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("^(?P<count>.*?){}$", folded(&duration_tail()))).expect("static regex"));

/// The length of a folded duration phrase, in days.
pub fn duration(folded: &str) -> Option<Range> {
    let text = folded.trim();
    if let Some((_, unit)) = WHOLE_UNITS.iter().find(|(p, _)| eq_folded(p, text)) {
        let (lo, hi) = unit_days(unit)?;
        return Some(Range::closed(lo, hi));
    }
    if let Some((h, rest)) = hedge::split_prefix(text) {
        return Some(hedge::apply(h, duration_unhedged(rest)?).non_negative());
    }
    duration_unhedged(text).map(Range::non_negative)
}

fn duration_unhedged(text: &str) -> Option<Range> {
    let c = SPLIT.captures(text)?;
    let count = c.name("count")?.as_str().trim();
    let (ulo, uhi) = unit_days(c.name("unit")?.as_str())?;
    let half = if c.name("half").is_some() { 0.5 } else { 0.0 };
    let n = if count.is_empty() {
        return None;
    } else {
        number::body(count, Options::default())?
    };
    Some(Range {
        lo: (n.lo + half) * ulo,
        hi: (n.hi + half) * uhi,
        ..n
    })
}

fn unit_days(unit: &str) -> Option<(f64, f64)> {
    DURATION_UNITS
        .iter()
        .find(|(u, ..)| eq_folded(u, unit))
        .map(|(_, lo, hi)| (*lo, *hi))
}

/// Whether the unit of a folded duration is calendar months or years (for
/// date offsets, `il y a deux ans`, done on the calendar rather than in days).
pub fn calendar_unit(folded: &str) -> Option<(CalendarUnit, f64)> {
    let c = SPLIT.captures(folded.trim())?;
    if c.name("half").is_some() {
        return None;
    }
    let unit = match c.name("unit")?.as_str() {
        "mois" => CalendarUnit::Month,
        "an" | "ans" | "annee" | "annees" => CalendarUnit::Year,
        _ => return None,
    };
    let n = number::plain(c.name("count")?.as_str().trim(), Options::default())?.value;
    (n.fract() == 0.0).then_some((unit, n))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CalendarUnit {
    Month,
    Year,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::french::fold;

    fn d(t: &str) -> Range {
        duration(&fold(t)).unwrap_or_else(|| panic!("no duration in {t:?}"))
    }

    #[test]
    fn days_weeks_hours() {
        assert_eq!(d("50 jours"), Range::exact(50.0));
        assert_eq!(d("cinquante jours"), Range::exact(50.0));
        assert_eq!(d("48 heures"), Range::exact(2.0));
        assert_eq!(d("48h"), Range::exact(2.0));
        assert_eq!(d("sept semaines"), Range::exact(49.0));
        assert_eq!(d("une journée"), Range::exact(1.0));
    }

    #[test]
    fn months_and_years_are_intervals() {
        assert_eq!(d("3 mois"), Range::closed(84.0, 93.0));
        assert_eq!(d("2 ans"), Range::closed(730.0, 732.0));
        assert_eq!(d("deux années"), Range::closed(730.0, 732.0));
        assert_eq!(d("un mois et demi"), Range::closed(42.0, 46.5));
    }

    #[test]
    fn halves_ranges_hedges_and_vague_counts() {
        assert_eq!(d("deux jours et demi"), Range::exact(2.5));
        assert_eq!(d("une demi-heure"), Range::exact(1.0 / 48.0));
        assert_eq!(d("10 à 12 jours"), Range::closed(10.0, 12.0));
        assert_eq!(d("entre 10 et 12 jours"), Range::closed(10.0, 12.0));
        assert_eq!(d("près de 50 jours"), Range::closed(45.0, 50.0));
        assert_eq!(d("plus de deux semaines"), Range::more_than(14.0));
        assert_eq!(d("une quinzaine de jours"), Range::closed(13.0, 18.0));
        assert_eq!(d("quelques jours"), Range::closed(2.0, 10.0));
        assert_eq!(d("toute la semaine"), Range::exact(7.0));
    }

    #[test]
    fn no_count_no_duration() {
        for t in ["jours", "les jours", "des mois", "minutes", "deux trois minutes"] {
            assert_eq!(duration(&fold(t)), None, "{t}");
        }
    }
}
