//! The value model shared by every stage: what a claim asserts, as an interval.
//!
//! Outlets rarely state a figure the same way ("au moins un mort", "1 000",
//! "mercredi"), so a claim never carries a bare number. It carries the set of
//! values its words allow, and two claims agree when those sets meet. Dates are
//! held as day numbers (days since 1970-01-01) so that one interval type and one
//! comparison serve numbers, durations and dates alike.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// What sort of value a rule extracts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A count or a quantity: `426 drones`, `au moins un mort`.
    Number,
    /// A length of time, in days: `50 jours`, `48 heures`.
    Duration,
    /// A calendar day or span of days: `mercredi`, `le 2 juin 2025`, `en mai`.
    Date,
    /// Words compared as words, after folding case and spaces.
    Text,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Number => "number",
            Kind::Duration => "duration",
            Kind::Date => "date",
            Kind::Text => "text",
        }
    }
}

impl std::fmt::Display for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The unit a numeric interval is expressed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Unit {
    /// Durations are always converted to days.
    Day,
    /// `30 %`, `30 pour cent`: the number is the percentage (30, not 0.3).
    Percent,
}

impl Unit {
    pub fn as_str(self) -> &'static str {
        match self {
            Unit::Day => "day",
            Unit::Percent => "percent",
        }
    }
}

/// A closed, open or half-open interval on the real line.
///
/// `lo` may be `-inf` and `hi` may be `+inf` (unbounded). An open end excludes
/// its bound: `plus de 50` is `(50, +inf)`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Range {
    pub lo: f64,
    pub hi: f64,
    pub lo_open: bool,
    pub hi_open: bool,
}

impl Range {
    /// Exactly one value: `[x, x]`.
    pub fn exact(x: f64) -> Range {
        Range::closed(x, x)
    }

    /// `[lo, hi]`.
    pub fn closed(lo: f64, hi: f64) -> Range {
        Range {
            lo,
            hi,
            lo_open: false,
            hi_open: false,
        }
    }

    /// `[lo, +inf)`.
    pub fn at_least(lo: f64) -> Range {
        Range {
            lo,
            hi: f64::INFINITY,
            lo_open: false,
            hi_open: true,
        }
    }

    /// `(lo, +inf)`.
    pub fn more_than(lo: f64) -> Range {
        Range {
            lo,
            hi: f64::INFINITY,
            lo_open: true,
            hi_open: true,
        }
    }

    pub fn is_unbounded_above(&self) -> bool {
        self.hi == f64::INFINITY
    }

    pub fn is_unbounded_below(&self) -> bool {
        self.lo == f64::NEG_INFINITY
    }

    /// Clamps the interval to non-negative values: counts are never below 0.
    pub fn non_negative(mut self) -> Range {
        if self.lo < 0.0 {
            self.lo = 0.0;
            self.lo_open = false;
        }
        if self.hi < 0.0 {
            self.hi = 0.0;
            self.hi_open = false;
        }
        self
    }

    /// The whole numbers of the interval, as an interval: a count's ends
    /// that a hedge made fractional (`some 426` → [383.4, 468.6]) are
    /// rounded inward ([384, 468]), which holds the same counts and reads
    /// as one. Whole ends stay as they are (open or closed); an interval
    /// with no whole number in it is left as it is.
    pub fn whole(self) -> Range {
        let mut r = self;
        if r.lo.is_finite() && r.lo.fract() != 0.0 {
            r.lo = r.lo.ceil();
            r.lo_open = false;
        }
        if r.hi.is_finite() && r.hi.fract() != 0.0 {
            r.hi = r.hi.floor();
            r.hi_open = false;
        }
        if r.lo > r.hi || (r.lo == r.hi && (r.lo_open || r.hi_open)) {
            return self;
        }
        r
    }

    /// The interval with both ends multiplied by `factor` (> 0): a count per
    /// side as a total.
    pub fn scaled(&self, factor: f64) -> Range {
        if factor == 1.0 {
            return *self;
        }
        Range {
            lo: self.lo * factor,
            hi: self.hi * factor,
            ..*self
        }
    }

    /// The interval widened by `by` on both sides (`by` >= 0).
    pub fn widened(&self, by: f64) -> Range {
        Range {
            lo: self.lo - by,
            hi: self.hi + by,
            ..*self
        }
    }

    /// Whether the two intervals share at least one point.
    pub fn intersects(&self, other: &Range) -> bool {
        // The larger of the two lower ends against the smaller upper end; an
        // open end on either side of a touching point means they do not meet.
        let (lo, lo_open) = if self.lo > other.lo {
            (self.lo, self.lo_open)
        } else if other.lo > self.lo {
            (other.lo, other.lo_open)
        } else {
            (self.lo, self.lo_open || other.lo_open)
        };
        let (hi, hi_open) = if self.hi < other.hi {
            (self.hi, self.hi_open)
        } else if other.hi < self.hi {
            (other.hi, other.hi_open)
        } else {
            (self.hi, self.hi_open || other.hi_open)
        };
        lo < hi || (lo == hi && !lo_open && !hi_open)
    }
}

/// What a claim's words say, once normalised.
#[derive(Debug, Clone, PartialEq)]
pub enum Interval {
    /// Numbers, durations (in days) and dates (as day numbers).
    Range(Range),
    /// Text values: compared for equality after folding.
    Text(Box<str>),
}

/// A normalised value: its kind, interval and unit. (The words it was read
/// from are the caller's: a claim reads them from its quote.)
#[derive(Debug, Clone, PartialEq)]
pub struct Value {
    pub kind: Kind,
    pub interval: Interval,
    pub unit: Option<Unit>,
}

impl Value {
    /// The numeric interval, for every kind but text.
    pub fn range(&self) -> Option<&Range> {
        match &self.interval {
            Interval::Range(r) => Some(r),
            Interval::Text(_) => None,
        }
    }
}

const EPOCH: Date = Date::constant(1970, 1, 1);

/// Days since 1970-01-01: how dates are held inside a [`Range`].
pub fn day_number(date: Date) -> i32 {
    // Civil dates are within -9999..=9999, so the day count always fits.
    (date - EPOCH).get_days()
}

/// The calendar date of a day number; `None` when outside jiff's range.
pub fn date_from_day_number(days: i32) -> Option<Date> {
    EPOCH.checked_add(jiff::Span::new().days(days as i64)).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_counts_hedged_ends_are_whole() {
        assert_eq!(Range::closed(383.4, 468.6).whole(), Range::closed(384.0, 468.0));
        // Whole ends keep their kind: "more than 20" is still (20, +inf).
        let more = Range {
            lo: 20.0,
            hi: f64::INFINITY,
            lo_open: true,
            hi_open: false,
        };
        assert_eq!(more.whole(), more);
        // An open fractional end becomes the closed whole one inside it.
        let r = Range {
            lo: 0.0,
            hi: 12.5,
            lo_open: false,
            hi_open: true,
        };
        assert_eq!(r.whole(), Range::closed(0.0, 12.0));
        // No whole number inside: left as it is.
        assert_eq!(Range::closed(0.2, 0.8).whole(), Range::closed(0.2, 0.8));
    }

    #[test]
    fn closed_intervals_meet_at_a_shared_end() {
        assert!(Range::closed(1.0, 2.0).intersects(&Range::closed(2.0, 3.0)));
    }

    #[test]
    fn an_open_end_excludes_the_touching_point() {
        assert!(!Range::more_than(50.0).intersects(&Range::exact(50.0)));
        assert!(Range::more_than(50.0).intersects(&Range::exact(51.0)));
    }

    #[test]
    fn disjoint_exact_values_do_not_meet_unless_widened() {
        let a = Range::exact(50.0);
        let b = Range::exact(60.0);
        assert!(!a.intersects(&b));
        assert!(a.widened(10.0).intersects(&b));
    }

    #[test]
    fn day_numbers_round_trip() {
        let d = Date::constant(2025, 7, 23);
        assert_eq!(date_from_day_number(day_number(d)), Some(d));
        assert_eq!(day_number(EPOCH), 0);
    }
}
