//! English days of a named month (`July 23`, `24 July to 2 August`),
//! numeric dates (`7/23/2025`), holidays and ranges between two dates
//! (`from Feb 1st to March 2019`).

use super::{cap, day_of, month_of, phrase, weekday_index, year_of_words, ymd, Res, FOUR_DIGITS};
use crate::english::vocab::fold;
use crate::english::vocab::HOLIDAYS;
use crate::normalize::date::absolute::{day_month, day_range_in, fixed_days};
use crate::normalize::date::calendar::{days, month_end, month_start, two_digit_year};
use crate::normalize::{Context, NormalizeError};
use crate::value::{date_from_day_number, Range};
use regex::Captures;

/// From the first day of `a` to the last of `b`. `a` without a year takes
/// `b`'s (or the one before, if it would come after `b`): `from Feb 1st to
/// March 2019`. `now` is the publication day.
pub(super) fn date_range(a: &str, b: &str, ctx: &Context) -> Res<Option<Range>> {
    let now = |s: &str| if s == "now" { "today".to_string() } else { s.to_string() };
    let (a, b) = (now(a), now(b));
    let end = phrase(&b, ctx, 4)?;
    let year = FOUR_DIGITS.find(&b).map(|m| m.as_str());
    let start = match year {
        Some(y) if !FOUR_DIGITS.is_match(&a) => {
            let with_year = phrase(&format!("{a} {y}"), ctx, 4);
            match with_year {
                Ok(r) if r.lo > end.hi => {
                    let before = y.parse::<i16>().map_err(|_| NormalizeError::NoValue)? - 1;
                    phrase(&format!("{a} {before}"), ctx, 4)?
                }
                Ok(r) => r,
                Err(_) => phrase(&a, ctx, 4)?,
            }
        }
        _ => phrase(&a, ctx, 4)?,
    };
    let end = if start.lo > end.hi && !FOUR_DIGITS.is_match(&b) {
        // `between now and November 15th`: the next one after the start.
        let y = date_from_day_number(start.lo as i32).map_or(0, |d| d.year());
        [y, y + 1]
            .iter()
            .find_map(|y| phrase(&format!("{b} {y}"), ctx, 4).ok().filter(|r| r.hi >= start.lo))
            .unwrap_or(end)
    } else {
        end
    };
    if start.lo > end.hi {
        return Err(NormalizeError::NoValue);
    }
    Ok(Some(Range::closed(start.lo, end.hi)))
}

/// `23 July 2025`, `July 23`, `Wednesday, July 23`, `July 24-25`, `24 July to 2 August`.
pub(super) fn days_of_month(text: &str, c: &Captures, ctx: &Context) -> Res<Range> {
    let d1 = day_of(cap(c, "d1")).ok_or(NormalizeError::NoValue)?;
    let y = match c.name("y") {
        Some(y) => Some(year_of_words(y.as_str()).ok_or(NormalizeError::NoValue)?),
        None => None,
    };
    let m1 = c.name("m1").and_then(|m| month_of(m.as_str()));
    let m2 = c.name("m2").and_then(|m| month_of(m.as_str()));
    let wd = c.name("wd").and_then(|w| weekday_index(w.as_str()));
    if let Some(d0) = c.name("d0") {
        // `from 4 to January 22`: from the 4th of that month (or the one before).
        let d0 = day_of(d0.as_str()).ok_or(NormalizeError::NoValue)?;
        let m = m1.ok_or(NormalizeError::NoValue)?;
        return day_range_in(text, (d0, None), (d1, Some(m)), y, false, ctx);
    }
    match c.name("d2") {
        Some(d2) => {
            let d2 = day_of(d2.as_str()).ok_or(NormalizeError::NoValue)?;
            // `July 24-25`: the month comes first; `24-25 July`: last.
            let (m1, m2) = match (m1, m2) {
                (Some(a), None) => (Some(a), a),
                (a, Some(b)) => (a, b),
                (None, None) => return Err(NormalizeError::NoValue),
            };
            day_range_in(text, (d1, m1), (d2, Some(m2)), y, false, ctx)
        }
        None => {
            let m = m1.or(m2).ok_or(NormalizeError::NoValue)?;
            if m1.is_some() && m2.is_some() {
                return Err(NormalizeError::NoValue);
            }
            let n = day_month(text, y, m, d1, wd, ctx)?;
            Ok(days(n, n))
        }
    }
}

/// `2025-07-23`, `7/23/2025`, `23/7/2025`, `4/22`, `9-18-15`, `2019-sep-1`.
pub(super) fn numeric(text: &str, c: &Captures, ctx: &Context) -> Res<Range> {
    let num = |name: &str| c.name(name).and_then(|m| m.as_str().parse::<i16>().ok());
    if let (Some(y), Some(m), Some(d)) = (num("y1"), num("m1"), num("d1")) {
        let n = ymd(y, i8::try_from(m).map_err(|_| NormalizeError::NoValue)?, d as i8)?;
        return Ok(days(n, n));
    }
    if let (Some(y), Some(d)) = (num("y3"), num("d3")) {
        let m = month_of(cap(c, "mon")).ok_or(NormalizeError::NoValue)?;
        let n = ymd(y, m, i8::try_from(d).map_err(|_| NormalizeError::NoValue)?)?;
        return Ok(days(n, n));
    }
    if let (Some(y), Some(m)) = (num("y5").or(num("y6")), num("m5").or(num("m6"))) {
        let m = i8::try_from(m).map_err(|_| NormalizeError::NoValue)?;
        let (a, b) = (month_start(y, m)?, month_end(y, m)?);
        // `2010-11` may also be the years 2010 to 2011: both.
        if num("m5").is_some() && i16::from(m) > y.rem_euclid(100) {
            return Ok(days(a, month_end(y - y.rem_euclid(100) + i16::from(m), 12)?));
        }
        return Ok(days(a, b));
    }
    let (Some(a), Some(b)) = (num("a"), num("b")) else {
        return Err(NormalizeError::NoValue);
    };
    // A dot or a dash without a year is a decimal or a range (`4.22`, `10-12`).
    let y = match c.name("y2") {
        Some(ys) => {
            let v = num("y2").ok_or(NormalizeError::NoValue)?;
            Some(if ys.as_str().len() == 2 { two_digit_year(v) } else { v })
        }
        None if cap(c, "s") == "/" => None,
        None => return Err(NormalizeError::NoValue),
    };
    let valid = |m: i16, d: i16| (1..=12).contains(&m) && (1..=31).contains(&d);
    // Month first, as American English writes; day first when the first
    // number cannot be a month; both when both can.
    let readings: Vec<(i8, i8)> = [(a, b), (b, a)]
        .into_iter()
        .filter(|&(m, d)| valid(m, d))
        .map(|(m, d)| (m as i8, d as i8))
        .collect();
    let mut found = Vec::new();
    for (m, d) in readings {
        if let Ok(n) = day_month(text, y, m, d, None, ctx) {
            found.push(n);
        } else if let Err(e @ NormalizeError::Unresolved(_)) = day_month(text, y, m, d, None, ctx) {
            return Err(e);
        }
    }
    let (lo, hi) = (found.iter().min(), found.iter().max());
    match (lo, hi) {
        (Some(&lo), Some(&hi)) => Ok(days(lo, hi)),
        _ => Err(NormalizeError::NoValue),
    }
}

/// `Christmas`, `Christmas Eve 2024`, `New Year's Day`; another calendar's
/// (`Chinese New Year`, `Orthodox Christmas`) is no date.
pub(super) fn holiday(text: &str, c: &Captures, ctx: &Context) -> Res<Range> {
    if c.name("pre").is_some() || c.name("q").is_some() {
        return Err(NormalizeError::NoValue);
    }
    let h = cap(c, "h");
    let &(_, m, lo, hi) = HOLIDAYS
        .iter()
        .find(|(name, ..)| fold(name) == h)
        .ok_or(NormalizeError::NoValue)?;
    let y = c.name("y").and_then(|y| y.as_str().parse::<i16>().ok());
    fixed_days(text, y, m, lo, hi, ctx)
}
