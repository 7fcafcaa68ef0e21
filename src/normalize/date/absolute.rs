//! Days of a named month: `le 2 juin 2025`, `lundi 21 juillet`, `le 16`,
//! `du 13 au 15 juillet`, numeric dates (`23/07/2025`) and holidays on a
//! fixed day (`Noël`).

use super::calendar::{days, month_end, month_start, nearest, pub_date, published, two_digit_year, ymd};
use super::relative::rel_month;
use super::{cap, day_of, month_of, weekday_index, Res};
use crate::french::vocab::{fold, HOLIDAYS};
use crate::normalize::{Context, NormalizeError};
use crate::value::{date_from_day_number, Range};

/// `le 2 juin [2025]`, `lundi 21 juillet`.
/// A day glued to its month's capitals, as a cable writes it (`21jul25`,
/// `8-9jul`, `20 au 21jul`, folded; see
/// [`crate::english::date_grammar::COMPACT_DATE`]), in either language.
pub(crate) fn compact(text: &str, ctx: &Context) -> Res<Option<Range>> {
    static COMPACT: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(&format!(
            "^(?:{})$",
            crate::surface::folded(crate::english::date_grammar::COMPACT_DATE)
        ))
        .expect("static regex")
    });
    let Some(c) = COMPACT.captures(text) else {
        return Ok(None);
    };
    let num = |name: &str| c.name(name).and_then(|m| m.as_str().parse::<i16>().ok());
    let m = crate::language::month_number(cap(&c, "m")).ok_or(NormalizeError::NoValue)?;
    let d = num("d").ok_or(NormalizeError::NoValue)? as i8;
    let y = num("y").map(two_digit_year);
    Ok(Some(match num("d0") {
        Some(d0) if (d0 as i8) < d => day_range_in(text, (d0 as i8, None), (d, Some(m)), y, false, ctx)?,
        Some(_) => return Err(NormalizeError::NoValue),
        None => {
            let n = day_month(text, y, m, d, None, ctx)?;
            days(n, n)
        }
    }))
}

pub(crate) fn day_month(text: &str, y: Option<i16>, m: i8, d: i8, wd: Option<i32>, ctx: &Context) -> Res<i32> {
    if let Some(y) = y {
        return ymd(y, m, d).ok_or(NormalizeError::NoValue);
    }
    let p = published(text, ctx)?;
    let py = pub_date(text, ctx)?.year();
    let candidates: Vec<i32> = [py - 1, py, py + 1].iter().filter_map(|&y| ymd(y, m, d)).collect();
    nearest(p, &candidates, wd).ok_or(NormalizeError::NoValue)
}

/// A day of the month alone (`le 16`, `mercredi 13`): the month before, of
/// or after the publication that puts it nearest (weekday fitting if given).
/// With a weekday that none of the three fits, the nearest month of the year
/// before where it fits: an article of April that recalls « le lundi 21 »
/// tells of a Monday 21st gone by (July), not of 21 March, a Saturday.
pub(crate) fn day_alone(text: &str, d: i8, wd: Option<i32>, ctx: &Context) -> Res<i32> {
    let p = published(text, ctx)?;
    let pd = pub_date(text, ctx)?;
    let near = day_in_months(pd, d, -1..=1);
    let fits = |n: &i32| wd.is_some_and(|w| super::calendar::weekday_of(*n) == w);
    if wd.is_some() && !near.iter().any(fits) {
        let back: Vec<i32> = day_in_months(pd, d, -12..=-2).into_iter().filter(fits).collect();
        if let Some(n) = nearest(p, &back, wd) {
            return Ok(n);
        }
    }
    nearest(p, &near, wd).ok_or(NormalizeError::NoValue)
}

/// Day `d` of each month `months` away from `pd`'s, where it exists.
fn day_in_months(pd: jiff::civil::Date, d: i8, months: std::ops::RangeInclusive<i64>) -> Vec<i32> {
    let mut candidates = Vec::new();
    for delta in months {
        let Ok(first) = pd.first_of_month().checked_add(jiff::Span::new().months(delta)) else {
            continue;
        };
        if let Some(n) = ymd(first.year(), first.month(), d) {
            candidates.push(n);
        }
    }
    candidates
}

/// `le 2 juin 2025`, `lundi 21 juillet`, `le 5 de ce mois`, or a range of days.
pub(super) fn days_with_month(text: &str, c: &regex::Captures, ctx: &Context) -> Res<Range> {
    if c.name("d2").is_some() {
        return day_range(text, c, ctx);
    }
    if c.name("m1").is_some() {
        return Err(NormalizeError::NoValue);
    }
    let d = day_of(cap(c, "d1")).ok_or(NormalizeError::NoValue)?;
    let wd = c.name("wd1").and_then(|w| weekday_index(w.as_str()));
    let n = match c.name("m2") {
        Some(m) => {
            let m = month_of(m.as_str()).ok_or(NormalizeError::NoValue)?;
            let y = c.name("y").and_then(|y| y.as_str().parse::<i16>().ok());
            day_month(text, y, m, d, wd, ctx)?
        }
        None => {
            let (a, _) = rel_month(text, i32::from(c.name("next").is_some()), ctx)?;
            let first = date_from_day_number(a).ok_or(NormalizeError::NoValue)?;
            ymd(first.year(), first.month(), d).ok_or(NormalizeError::NoValue)?
        }
    };
    Ok(days(n, n))
}

pub(super) fn day_range(text: &str, c: &regex::Captures, ctx: &Context) -> Res<Range> {
    let d1 = day_of(cap(c, "d1")).ok_or(NormalizeError::NoValue)?;
    let d2 = day_of(cap(c, "d2")).ok_or(NormalizeError::NoValue)?;
    let y = c.name("y").and_then(|y| y.as_str().parse::<i16>().ok());
    let m2 = match c.name("m2") {
        Some(m) => Some(month_of(m.as_str()).ok_or(NormalizeError::NoValue)?),
        None => None,
    };
    let m1 = c.name("m1").and_then(|m| month_of(m.as_str()));
    day_range_in(text, (d1, m1), (d2, m2), y, c.name("next").is_some(), ctx)
}

/// From day `d1` (of month `m1`) to day `d2` of month `m2` and year `y`;
/// without `m2`, of the publication month (or the next one); without `y`,
/// of the year that puts the end nearest to the publication. A first day
/// without a month is of the end's month, or the month before if it is
/// after the end (`du 30 au 2 juillet`).
pub(crate) fn day_range_in(
    text: &str,
    (d1, m1): (i8, Option<i8>),
    (d2, m2): (i8, Option<i8>),
    y: Option<i16>,
    next_month: bool,
    ctx: &Context,
) -> Res<Range> {
    let (end_y, end_m) = if let Some(m) = m2 {
        let end = day_month(text, y, m, d2, None, ctx)?;
        let e = date_from_day_number(end).ok_or(NormalizeError::NoValue)?;
        (e.year(), m)
    } else {
        let pd = pub_date(text, ctx)?;
        let delta = if next_month { 1 } else { 0 };
        let first = pd
            .first_of_month()
            .checked_add(jiff::Span::new().months(delta))
            .map_err(|_| NormalizeError::NoValue)?;
        (first.year(), first.month())
    };
    let end = ymd(end_y, end_m, d2).ok_or(NormalizeError::NoValue)?;
    let start = match m1 {
        Some(m1) => {
            let y1 = if m1 > end_m { end_y - 1 } else { end_y };
            ymd(y1, m1, d1)
        }
        None if d1 <= d2 => ymd(end_y, end_m, d1),
        None => {
            let (py, pm) = if end_m == 1 {
                (end_y - 1, 12)
            } else {
                (end_y, end_m - 1)
            };
            ymd(py, pm, d1)
        }
    }
    .ok_or(NormalizeError::NoValue)?;
    Ok(days(start, end))
}

/// `du 20 au 21/07`, `20-21/07/2025`: days of a month written as a number.
pub(super) fn numeric_range(text: &str, c: &regex::Captures, ctx: &Context) -> Res<Range> {
    let num = |name: &str| c.name(name).and_then(|m| m.as_str().parse::<i16>().ok());
    let (Some(d1), Some(d2), Some(m)) = (num("d1"), num("d2"), num("m")) else {
        return Err(NormalizeError::NoValue);
    };
    day_range_in(text, (d1 as i8, None), (d2 as i8, Some(m as i8)), num("y"), false, ctx)
}

pub(super) fn numeric(text: &str, c: &regex::Captures, ctx: &Context) -> Res<Range> {
    let num = |name: &str| c.name(name).and_then(|m| m.as_str().parse::<i16>().ok());
    if let (Some(y), Some(m), Some(d)) = (num("y1"), num("m1"), num("d1")) {
        let n = ymd(y, m as i8, d as i8).ok_or(NormalizeError::NoValue)?;
        return Ok(days(n, n));
    }
    // With a year (`21/07/2025`, `21.07.25`), or without one after a slash
    // only (`21/07`): a dot or a dash without a year is no date (`1.5`,
    // `10-12`), and the grammar does not take it.
    let written = match (num("d2"), num("m2"), num("d3"), num("m5")) {
        (Some(d), Some(m), ..) => {
            let ys = c.name("y2").ok_or(NormalizeError::NoValue)?;
            let v = num("y2").ok_or(NormalizeError::NoValue)?;
            Some((d, m, Some(if ys.as_str().len() == 2 { two_digit_year(v) } else { v })))
        }
        (.., Some(d), Some(m)) => Some((d, m, None)),
        _ => None,
    };
    if let Some((d, m, y)) = written {
        // Day first, as in French; month first only when it cannot be a day.
        let (d, m) = if m > 12 && d <= 12 { (m, d) } else { (d, m) };
        if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
            return Err(NormalizeError::NoValue);
        }
        let n = day_month(text, y, m as i8, d as i8, None, ctx)?;
        return Ok(days(n, n));
    }
    let (y, m) = match (num("y3"), num("m3"), num("y4"), num("m4")) {
        (Some(y), Some(m), ..) | (.., Some(y), Some(m)) => (y, m),
        _ => return Err(NormalizeError::NoValue),
    };
    if !(1..=12).contains(&m) {
        return Err(NormalizeError::NoValue);
    }
    Ok(days(month_start(y, m as i8)?, month_end(y, m as i8)?))
}

/// `Noël`, `la Toussaint 2024`, `le jour de l'an`: the nearest such day, or
/// the year's. Another calendar's holiday (`Nouvel An chinois`) is no date.
pub(super) fn holiday(text: &str, c: &regex::Captures, ctx: &Context) -> Res<Range> {
    if c.name("q").is_some() {
        return Err(NormalizeError::NoValue);
    }
    let bare = |s: &str| s.replace(['-', ' '], "");
    let h = bare(cap(c, "h"));
    let &(_, m, lo, hi) = HOLIDAYS
        .iter()
        .find(|(name, ..)| bare(&fold(name)) == h)
        .ok_or(NormalizeError::NoValue)?;
    let y = c.name("y").and_then(|y| y.as_str().parse::<i16>().ok());
    fixed_days(text, y, m, lo, hi, ctx)
}

/// Days `lo`–`hi` of month `m`: of year `y`, else of the year that puts
/// them nearest to the publication (a holiday on a fixed day).
pub(crate) fn fixed_days(text: &str, y: Option<i16>, m: i8, lo: i8, hi: i8, ctx: &Context) -> Res<Range> {
    let first = day_month(text, y, m, lo, None, ctx)?;
    Ok(days(first, first + (hi - lo) as i32))
}
