//! Calendar arithmetic on day numbers, shared by the French and English
//! readers: a day's weekday, a month's first and last days, the
//! publication day, the candidate nearest to it.

use super::Res;
use crate::normalize::{Context, NormalizeError};
use crate::value::{date_from_day_number, day_number, Range};
use jiff::civil::Date;

pub(crate) fn days(a: i32, b: i32) -> Range {
    Range::closed(a.min(b) as f64, a.max(b) as f64)
}

pub(crate) fn published(text: &str, ctx: &Context) -> Res<i32> {
    match ctx.published {
        Some(d) => Ok(day_number(d)),
        None => Err(NormalizeError::Unresolved(format!(
            "'{text}' is relative to the publication date, which is unknown"
        ))),
    }
}

pub(crate) fn pub_date(text: &str, ctx: &Context) -> Res<Date> {
    let n = published(text, ctx)?;
    date_from_day_number(n).ok_or(NormalizeError::NoValue)
}

/// Weekday of a day number, Monday = 0 (1970-01-01 was a Thursday).
pub fn weekday_of(n: i32) -> i32 {
    (n + 3).rem_euclid(7)
}

pub(crate) fn ymd(y: i16, m: i8, d: i8) -> Option<i32> {
    Date::new(y, m, d).ok().map(day_number)
}

pub(crate) fn month_start(y: i16, m: i8) -> Res<i32> {
    ymd(y, m, 1).ok_or(NormalizeError::NoValue)
}

pub(crate) fn month_end(y: i16, m: i8) -> Res<i32> {
    let first = Date::new(y, m, 1).map_err(|_| NormalizeError::NoValue)?;
    Ok(day_number(first.last_of_month()))
}

/// The candidate nearest to `p`, among those of weekday `wd` if any fits.
pub(crate) fn nearest(p: i32, candidates: &[i32], wd: Option<i32>) -> Option<i32> {
    let fitting: Vec<i32> = match wd {
        Some(w) => candidates.iter().copied().filter(|&n| weekday_of(n) == w).collect(),
        None => Vec::new(),
    };
    let pool = if fitting.is_empty() { candidates } else { &fitting };
    pool.iter().copied().min_by_key(|&n| ((n - p).abs(), n))
}

/// Days between `p` and the interval `[a, b]` (0 inside).
pub(crate) fn distance(p: i32, a: i32, b: i32) -> i32 {
    if p < a {
        a - p
    } else if p > b {
        p - b
    } else {
        0
    }
}

/// `05/05/89` → 1989, `3-7-27` → 2027: below 50 is this century.
pub(crate) fn two_digit_year(yy: i16) -> i16 {
    if yy < 50 {
        2000 + yy
    } else {
        1900 + yy
    }
}
