//! English periods longer than a day: months, parts (`early June`,
//! `mid-2022`), ranks (`the first Monday of March`), seasons and decades.

use super::{cap, delta_of, month_of, weekday_index, Res, OF_TARGET};
use crate::english::vocab::SEASONS;
use crate::normalize::date::calendar::{days, month_end, month_start, published};
use crate::normalize::date::period::{month_in, nth_in, part_in, season_in, MonthPick, NthUnit, Part, PeriodKind};
use crate::normalize::date::relative::{rel_month, week_of, year_of, Pick};
use crate::normalize::{Context, NormalizeError};
use crate::value::Range;
use regex::Captures;

/// The period a part or a rank applies to: a month (with its year, or
/// `last`/`next`), `this week`, `next month`, `the year`, a year.
pub(super) fn period(text: &str, what: &str, ctx: &Context) -> Res<Option<(i32, i32, PeriodKind)>> {
    let Some(c) = OF_TARGET.captures(what) else {
        return Ok(None);
    };
    if let Some(m) = c.name("m") {
        let m = month_of(m.as_str()).ok_or(NormalizeError::NoValue)?;
        let y = c.name("y").and_then(|y| y.as_str().parse::<i16>().ok());
        let (a, b) = month_in(text, m, y, MonthPick::Nearest, ctx)?;
        return Ok(Some((a, b, PeriodKind::Month)));
    }
    if let Some(y) = c.name("y2") {
        let y: i16 = y.as_str().parse().map_err(|_| NormalizeError::NoValue)?;
        return Ok(Some((month_start(y, 1)?, month_end(y, 12)?, PeriodKind::Year)));
    }
    let delta = delta_of(cap(&c, "q"));
    let r = match c.name("u").or_else(|| c.name("u2")).map_or("", |m| m.as_str()) {
        "week" => (week_of(text, delta, ctx)?, PeriodKind::Week),
        "month" => {
            let (a, b) = rel_month(text, delta, ctx)?;
            (days(a, b), PeriodKind::Month)
        }
        _ => (year_of(text, delta as i16, ctx)?, PeriodKind::Year),
    };
    Ok(Some((r.0.lo as i32, r.0.hi as i32, r.1)))
}

/// `the first Friday of July`, `the last week of May`, `the second half of
/// 2025`, `the third quarter of 2024`, `Q3 2024`, `H1 2025`.
pub(super) fn nth(text: &str, c: &Captures, ctx: &Context) -> Res<Range> {
    let year = |name: &str| -> Res<Option<(i32, i32, PeriodKind)>> {
        match c.name(name) {
            Some(y) => {
                let y: i16 = y.as_str().parse().map_err(|_| NormalizeError::NoValue)?;
                Ok(Some((month_start(y, 1)?, month_end(y, 12)?, PeriodKind::Year)))
            }
            None => Ok(None),
        }
    };
    if let Some(q) = c.name("q").or_else(|| c.name("q2")) {
        let of = match (year("y")?.or(year("y2")?), c.name("rel")) {
            (Some(of), _) => Some(of),
            (None, Some(rel)) => {
                let r = year_of(text, delta_of(rel.as_str()) as i16, ctx)?;
                Some((r.lo as i32, r.hi as i32, PeriodKind::Year))
            }
            (None, None) => None,
        };
        let rank: i32 = q.as_str().parse().map_err(|_| NormalizeError::NoValue)?;
        let unit = if cap(c, "k") == "h" || cap(c, "k2") == "h" {
            NthUnit::Half
        } else {
            NthUnit::Quarter
        };
        return nth_in(text, rank, unit, of, ctx);
    }
    let rank = match cap(c, "o") {
        "first" | "1st" => 1,
        "second" | "2nd" => 2,
        "third" | "3rd" => 3,
        "fourth" | "4th" => 4,
        "fifth" | "5th" => 5,
        _ => -1,
    };
    if let Some(qy) = c.name("qy") {
        let of = period(text, qy.as_str(), ctx)?.ok_or(NormalizeError::NoValue)?;
        if of.2 != PeriodKind::Year {
            return Err(NormalizeError::NoValue);
        }
        return nth_in(text, rank, NthUnit::Quarter, Some(of), ctx);
    }
    let of = period(text, cap(c, "of"), ctx)?.ok_or(NormalizeError::NoValue)?;
    let unit = match cap(c, "u") {
        "day" => NthUnit::Day,
        "week" => NthUnit::Week,
        "weekend" => NthUnit::Weekend,
        "fortnight" => NthUnit::Fortnight,
        // The first half of a month is its first fortnight; of a year, January–June.
        "half" if of.2 == PeriodKind::Month => NthUnit::Fortnight,
        "half" => NthUnit::Half,
        wd => NthUnit::Weekday(weekday_index(wd).ok_or(NormalizeError::NoValue)?),
    };
    nth_in(text, rank, unit, Some(of), ctx)
}

/// `early July`, `mid-2025`, `late last week`, `the end of the month`,
/// `the start of next year`.
pub(super) fn part(text: &str, c: &Captures, ctx: &Context) -> Res<Option<Range>> {
    let Some((a, b, kind)) = period(text, cap(c, "rest"), ctx)? else {
        return Ok(None);
    };
    let part = match c.name("p").or_else(|| c.name("p2")).map_or("", |m| m.as_str()) {
        "early" | "beginning" | "start" => Part::Start,
        "mid" | "middle" => Part::Middle,
        _ => Part::End,
    };
    part_in(a, b, kind, part).map(Some)
}

/// `earlier this week`: from the start of the week to the publication day;
/// `later this month`: from the publication day to the end of the month.
pub(super) fn earlier_later(text: &str, c: &Captures, ctx: &Context) -> Res<Range> {
    let p = published(text, ctx)?;
    let whole = match cap(c, "u") {
        "week" => week_of(text, 0, ctx)?,
        "month" => {
            let (a, b) = rel_month(text, 0, ctx)?;
            days(a, b)
        }
        _ => year_of(text, 0, ctx)?,
    };
    Ok(if cap(c, "p") == "earlier" {
        days(whole.lo as i32, p)
    } else {
        days(p, whole.hi as i32)
    })
}

/// `this summer`, `last winter`, `in spring 2024`, `the winter of 2022-23`;
/// `the Arab Spring` is no date.
pub(super) fn season(text: &str, c: &Captures, ctx: &Context) -> Res<Range> {
    if c.name("arab").is_some() {
        return Err(NormalizeError::NoValue);
    }
    let &(_, m1, d1, m2, d2) = SEASONS
        .iter()
        .find(|(s, ..)| *s == cap(c, "s"))
        .ok_or(NormalizeError::NoValue)?;
    let y = c.name("y").and_then(|y| y.as_str().parse::<i16>().ok());
    let y2 = match (y, c.name("y2")) {
        (Some(_), Some(y2)) => Some(y2.as_str().parse::<i16>().map_err(|_| NormalizeError::NoValue)?),
        _ => None,
    };
    let pick = match cap(c, "q") {
        "last" => Pick::Last,
        "next" => Pick::Next,
        _ => Pick::Nearest,
    };
    let r = season_in(text, (m1, d1, m2, d2), y, y2, pick, ctx)?;
    // `early summer`, `late winter`: its first or last half.
    let (a, b) = (r.lo as i32, r.hi as i32);
    let half = (b - a) / 2;
    Ok(match cap(c, "q") {
        "early" => days(a, a + half),
        "late" => days(b - half, b),
        _ => r,
    })
}

/// `the 1990s`, `the '90s`, `the nineties`.
pub(super) fn decade(c: &Captures) -> Res<Range> {
    let start: i16 = if let Some(f) = c.name("full") {
        f.as_str().parse().map_err(|_| NormalizeError::NoValue)?
    } else if let Some(s) = c.name("short") {
        1900 + s.as_str().parse::<i16>().map_err(|_| NormalizeError::NoValue)?
    } else {
        let words = [
            "twenties",
            "thirties",
            "forties",
            "fifties",
            "sixties",
            "seventies",
            "eighties",
            "nineties",
        ];
        let i = words
            .iter()
            .position(|w| *w == cap(c, "words"))
            .ok_or(NormalizeError::NoValue)?;
        1920 + 10 * i as i16
    };
    Ok(days(month_start(start, 1)?, month_end(start + 9, 12)?))
}
