//! The hedge table: how a hedge word turns a number into an interval.
//!
//! One table, mirrored in `docs/values.md`. The phrases themselves are in
//! [`crate::french::vocab::HEDGES`]; here is what each kind of hedge means.
//! Precision first: a too-narrow interval creates a false contradiction in
//! front of an editor, so vague words get wide intervals.
//!
//! | hedge         | phrases (examples)                         | `N` exact → interval |
//! |---------------|--------------------------------------------|----------------------|
//! | AtLeast       | au moins, au minimum, pas moins de, N ou plus | `[N, +inf)`       |
//! | MoreThan      | plus de, au-delà de                        | `(N, +inf)`          |
//! | SlightlyMore  | un peu plus de, légèrement plus de         | `(N, 1.25 N]`        |
//! | LessThan      | moins de                                   | `[0, N)`             |
//! | SlightlyLess  | un peu moins de                            | `[0.8 N, N)`         |
//! | AtMost        | jusqu'à, pas plus de, au plus, au maximum  | `[0, N]`             |
//! | Nearly        | près de, presque, pas loin de, quasiment   | `[0.9 N, N]`         |
//! | About         | environ, quelque, autour de, aux alentours de, à peu près | `[0.9 N, 1.1 N]` |
//!
//! When the hedged quantity is itself an interval `[lo, hi]` (`plus d'une
//! centaine`), the lower-bound hedges use `lo` and the upper-bound ones `hi`;
//! About keeps the interval as it is (`environ 10 ou 12 jours` is [10, 12]):
//! the interval already says how approximate the figure is.

use crate::french::vocab::Hedge;
use crate::value::Range;

/// `près de N`: from this fraction of N up to N.
pub const NEARLY_FACTOR: f64 = 0.9;
/// `environ N`: N give or take this fraction.
pub const ABOUT_MARGIN: f64 = 0.1;
/// `un peu plus de N`: up to this multiple of N.
pub const SLIGHTLY_MORE_FACTOR: f64 = 1.25;
/// `un peu moins de N`: from this multiple of N.
pub const SLIGHTLY_LESS_FACTOR: f64 = 0.8;

/// The interval a hedge makes of the quantity `r`.
pub fn apply(hedge: Hedge, r: Range) -> Range {
    let (lo, hi) = (r.lo, r.hi);
    match hedge {
        Hedge::AtLeast => Range::at_least(lo),
        Hedge::MoreThan => Range::more_than(lo),
        Hedge::SlightlyMore => Range {
            lo,
            hi: scale_up(hi, SLIGHTLY_MORE_FACTOR),
            lo_open: true,
            hi_open: false,
        },
        Hedge::LessThan => Range {
            lo: lo.min(0.0),
            hi,
            lo_open: false,
            hi_open: true,
        },
        Hedge::SlightlyLess => Range {
            lo: scale_down(lo, SLIGHTLY_LESS_FACTOR),
            hi,
            lo_open: false,
            hi_open: true,
        },
        Hedge::AtMost => Range::closed(lo.min(0.0), hi),
        Hedge::Nearly => Range::closed(scale_down(lo, NEARLY_FACTOR), hi),
        // `environ 10 ou 12 jours`, `about a dozen`: an interval already says
        // how approximate the figure is; widening it again would make `about
        // 10 or 12 days` agree with 13.
        Hedge::About if lo < hi => Range::closed(lo, hi),
        Hedge::About => Range::closed(scale_down(lo, 1.0 - ABOUT_MARGIN), scale_up(hi, 1.0 + ABOUT_MARGIN)),
    }
}

/// `x * f` moved towards -inf whatever the sign of x (f < 1).
fn scale_down(x: f64, f: f64) -> f64 {
    clean(if x >= 0.0 { x * f } else { x / f })
}

/// `x * f` moved towards +inf whatever the sign of x (f > 1).
fn scale_up(x: f64, f: f64) -> f64 {
    clean(if x >= 0.0 { x * f } else { x / f })
}

/// A product to 12 significant digits: `450 × 1.1` is 495, not
/// 495.00000000000006 (what reports and the JSON would show).
fn clean(x: f64) -> f64 {
    format!("{x:.11e}").parse().unwrap_or(x)
}

/// The hedge phrases, folded as the text they are compared with.
static FOLDED_HEDGES: std::sync::LazyLock<Vec<(String, Hedge)>> = std::sync::LazyLock::new(|| {
    crate::french::vocab::HEDGES
        .iter()
        .map(|(phrase, hedge)| (crate::french::fold(phrase), *hedge))
        .collect()
});

/// Splits a leading hedge off folded text: `plus d'un` → (MoreThan, `un`).
pub fn split_prefix(folded: &str) -> Option<(Hedge, &str)> {
    for (phrase, hedge) in FOLDED_HEDGES.iter() {
        let Some(rest) = strip_phrase(folded, phrase) else {
            continue;
        };
        return Some((*hedge, rest));
    }
    None
}

/// Splits a trailing hedge off folded text: `500 ou plus`.
pub fn split_suffix(folded: &str) -> Option<(Hedge, &str)> {
    for (phrase, hedge) in crate::french::vocab::SUFFIX_HEDGES {
        // Written without accents, so already folded.
        if let Some(head) = folded.strip_suffix(phrase) {
            if let Some(head) = head.strip_suffix(' ') {
                return Some((*hedge, head.trim_end()));
            }
        }
    }
    None
}

/// `phrase` at the start of `text`, followed by a space, or, for phrases
/// ending in `de`, by the elided `d'`.
fn strip_phrase<'t>(text: &'t str, phrase: &str) -> Option<&'t str> {
    if let Some(head) = phrase.strip_suffix(" de") {
        let rest = text.strip_prefix(head)?.strip_prefix(' ')?;
        if let Some(r) = rest.strip_prefix("de ") {
            return Some(r.trim_start());
        }
        return rest.strip_prefix("d'").map(str::trim_start);
    }
    let rest = text.strip_prefix(phrase)?;
    rest.strip_prefix(' ').map(str::trim_start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hedges_split_with_elision() {
        assert_eq!(split_prefix("plus d'un"), Some((Hedge::MoreThan, "un")));
        assert_eq!(split_prefix("plus de 50"), Some((Hedge::MoreThan, "50")));
        assert_eq!(split_prefix("jusqu'a 3"), Some((Hedge::AtMost, "3")));
        assert_eq!(split_prefix("quelques"), None);
        assert_eq!(split_suffix("500 ou plus"), Some((Hedge::AtLeast, "500")));
    }

    #[test]
    fn every_hedge_kind_has_its_documented_interval() {
        let n = Range::exact(100.0);
        assert_eq!(apply(Hedge::AtLeast, n), Range::at_least(100.0));
        assert_eq!(apply(Hedge::MoreThan, n), Range::more_than(100.0));
        let r = apply(Hedge::SlightlyMore, n);
        assert_eq!((r.lo, r.hi, r.lo_open, r.hi_open), (100.0, 125.0, true, false));
        let r = apply(Hedge::LessThan, n);
        assert_eq!((r.lo, r.hi, r.lo_open, r.hi_open), (0.0, 100.0, false, true));
        let r = apply(Hedge::SlightlyLess, n);
        assert_eq!((r.lo, r.hi, r.hi_open), (80.0, 100.0, true));
        assert_eq!(apply(Hedge::AtMost, n), Range::closed(0.0, 100.0));
        assert_eq!(apply(Hedge::Nearly, n), Range::closed(90.0, 100.0));
        let r = apply(Hedge::About, n);
        assert_eq!((r.lo, r.hi), (90.0, 110.0));
    }

    /// `environ 450` is 405 to 495, as an editor reads it, not the float
    /// product 495.00000000000006.
    #[test]
    fn hedged_bounds_are_the_figures_people_write() {
        let r = apply(Hedge::About, Range::exact(450.0));
        assert_eq!((r.lo, r.hi), (405.0, 495.0));
        let r = apply(Hedge::Nearly, Range::exact(0.3));
        assert_eq!(r.lo, 0.27);
        let r = apply(Hedge::About, Range::exact(-50.0));
        assert!(r.lo < -50.0 && r.hi > -50.0, "{r:?}");
    }
}
