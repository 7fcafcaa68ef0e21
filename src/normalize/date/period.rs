//! Periods longer than a day: months (`en juin dernier`), seasons, parts
//! of a week, month or year (`début juin`, `mi-2022`) and ranks within them
//! (`le premier mercredi du mois`, `au troisième trimestre`).

use super::calendar::{days, distance, month_end, month_start, pub_date, published, weekday_of, ymd};
use super::relative::{rel_month, Pick};
use super::{cap, month_of, weekday_index, Res, OF_MONTH, OF_REL};
use crate::french::vocab::{eq_folded, SEASONS};
use crate::normalize::{Context, NormalizeError};
use crate::value::{date_from_day_number, day_number, Range};

/// A season's first month and day and last month and day.
pub(crate) type SeasonBounds = (i8, i8, i8, i8);

/// The days of the season `bounds` starting in year `y`; one whose last
/// month comes before its first (winter) runs into `y + 1`.
pub(crate) fn season_days((m1, d1, m2, d2): SeasonBounds, y: i16) -> Res<(i32, i32)> {
    let y2 = if m2 < m1 { y + 1 } else { y };
    Ok((
        ymd(y, m1, d1).ok_or(NormalizeError::NoValue)?,
        ymd(y2, m2, d2).ok_or(NormalizeError::NoValue)?,
    ))
}

/// `cet été`, `l'hiver dernier`, `au printemps 2024`, `l'hiver 2022-2023`.
pub(super) fn season(text: &str, c: &regex::Captures, ctx: &Context) -> Res<Range> {
    let name = cap(c, "s");
    let q = c.name("q").map(|m| m.as_str());
    if q == Some("arabe") {
        return Err(NormalizeError::NoValue);
    }
    let &(_, m1, d1, m2, d2) = SEASONS
        .iter()
        .find(|(s, ..)| eq_folded(s, name))
        .ok_or(NormalizeError::NoValue)?;
    let y = c.name("y").and_then(|y| y.as_str().parse::<i16>().ok());
    let y2 = match (y, c.name("y2")) {
        (Some(_), Some(y2)) => Some(y2.as_str().parse::<i16>().map_err(|_| NormalizeError::NoValue)?),
        _ => None,
    };
    let pick = match q {
        Some("dernier") => Pick::Last,
        Some(_) => Pick::Next,
        None => Pick::Nearest,
    };
    season_in(text, (m1, d1, m2, d2), y, y2, pick, ctx)
}

/// A season: of year `y` (a winter named by one year is both the one that
/// ends in it and the one that starts in it; `y2`, the next year, names one
/// winter), else the one `pick` says: the one that holds the publication or
/// the nearest, the last one to end before it, the next one to start after.
pub(crate) fn season_in(
    text: &str,
    bounds: SeasonBounds,
    y: Option<i16>,
    y2: Option<i16>,
    pick: Pick,
    ctx: &Context,
) -> Res<Range> {
    let winter = bounds.2 < bounds.0;
    if let Some(y) = y {
        let (a, b) = match y2 {
            // `l'hiver 2022-2023`.
            Some(y2) => {
                if !winter || (y2 != y + 1 && y2 != (y + 1) % 100) {
                    return Err(NormalizeError::NoValue);
                }
                season_days(bounds, y)?
            }
            // `l'hiver 2022` may be the winter that ends in 2022 or the one
            // that starts in it: both.
            None if winter => (season_days(bounds, y - 1)?.0, season_days(bounds, y)?.1),
            None => season_days(bounds, y)?,
        };
        return Ok(days(a, b));
    }
    let p = published(text, ctx)?;
    let py = pub_date(text, ctx)?.year();
    let mut all = Vec::new();
    for y in py - 2..=py + 1 {
        all.push(season_days(bounds, y)?);
    }
    let pick = match pick {
        Pick::Last => all.iter().filter(|(_, b)| *b < p).max_by_key(|(a, _)| *a),
        Pick::Next => all.iter().filter(|(a, _)| *a > p).min_by_key(|(a, _)| *a),
        Pick::Nearest => all.iter().min_by_key(|(a, b)| (distance(p, *a, *b), *a)),
    };
    let &(a, b) = pick.ok_or(NormalizeError::NoValue)?;
    Ok(days(a, b))
}

/// What a part or a rank applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PeriodKind {
    Week,
    Month,
    Year,
}

/// `juin`, `mois de mars 2024`, `ce mois`, `mois prochain`, `l'année`,
/// `2027`, `semaine prochaine`: its first and last days.
pub(super) fn period(text: &str, what: &str, ctx: &Context) -> Res<Option<(i32, i32, PeriodKind)>> {
    if let Some(c) = OF_MONTH.captures(what) {
        let m = month_of(cap(&c, "m")).ok_or(NormalizeError::NoValue)?;
        let y = c.name("y").and_then(|y| y.as_str().parse::<i16>().ok());
        let (a, b) = month_range(text, m, y, c.name("q").map(|q| q.as_str()), false, false, ctx)?;
        return Ok(Some((a, b, PeriodKind::Month)));
    }
    let Some(c) = OF_REL.captures(what) else {
        return Ok(None);
    };
    let delta = |q: Option<regex::Match>| match q.map(|q| q.as_str()) {
        Some(q) if q.starts_with("prochain") => 1,
        Some(_) => -1,
        None => 0,
    };
    if c.name("mois").is_some() {
        let (a, b) = rel_month(text, delta(c.name("mq")), ctx)?;
        return Ok(Some((a, b, PeriodKind::Month)));
    }
    if c.name("semaine").is_some() {
        let p = published(text, ctx)?;
        let monday = p - weekday_of(p) + 7 * delta(c.name("sq"));
        return Ok(Some((monday, monday + 6, PeriodKind::Week)));
    }
    let y = match c.name("y").or_else(|| c.name("ay")) {
        Some(y) => y.as_str().trim().parse::<i16>().map_err(|_| NormalizeError::NoValue)?,
        None => pub_date(text, ctx)?.year() + delta(c.name("aq")) as i16,
    };
    Ok(Some((month_start(y, 1)?, month_end(y, 12)?, PeriodKind::Year)))
}

/// `premier mercredi du mois prochain`, `le dernier jour de juin`, `la
/// première semaine d'octobre 2014`, `le premier week-end de septembre`, `la
/// deuxième quinzaine d'avril`, `au troisième trimestre 2016`.
pub(super) fn nth(text: &str, c: &regex::Captures, ctx: &Context) -> Res<Range> {
    let o = cap(c, "o");
    // Rank from the start (1, 2…) or from the end (-1 last, -2 the one before).
    let rank: i32 = if o.starts_with("avant") {
        -2
    } else if o.starts_with("dern") {
        -1
    } else if o.starts_with("prem") || o.starts_with('1') {
        1
    } else if o.starts_with("deux") || o.starts_with("second") || o.starts_with("2n") {
        2
    } else if o.starts_with("trois") {
        3
    } else if o.starts_with("quatr") {
        4
    } else if o.starts_with("cinq") {
        5
    } else {
        o.trim_end_matches("eme")
            .trim_end_matches('e')
            .parse()
            .map_err(|_| NormalizeError::NoValue)?
    };
    if rank == 0 {
        return Err(NormalizeError::NoValue);
    }
    let u = cap(c, "u");
    let of = match (c.name("of"), c.name("y")) {
        (Some(of), _) => Some(period(text, of.as_str(), ctx)?.ok_or(NormalizeError::NoValue)?),
        (None, Some(y)) => {
            let y: i16 = y.as_str().parse().map_err(|_| NormalizeError::NoValue)?;
            Some((month_start(y, 1)?, month_end(y, 12)?, PeriodKind::Year))
        }
        (None, None) => None,
    };
    let unit = match u {
        "trimestre" => NthUnit::Quarter,
        "semestre" => NthUnit::Half,
        "jour" => NthUnit::Day,
        "quinzaine" => NthUnit::Fortnight,
        u if u.starts_with("week") => NthUnit::Weekend,
        u => match weekday_index(u) {
            Some(wd) => NthUnit::Weekday(wd),
            None => NthUnit::Week,
        },
    };
    nth_in(text, rank, unit, of, ctx)
}

/// What is counted in `le premier mercredi de`, `la dernière semaine de`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NthUnit {
    Quarter,
    Half,
    Weekday(i32),
    Day,
    Weekend,
    Fortnight,
    Week,
}

/// The `rank`-th unit (from the end if negative: -1 the last) of the period
/// `of` (first day, last day, kind); a quarter or a half without a period is
/// the nearest such one.
pub(crate) fn nth_in(
    text: &str,
    rank: i32,
    unit: NthUnit,
    of: Option<(i32, i32, PeriodKind)>,
    ctx: &Context,
) -> Res<Range> {
    if rank == 0 {
        return Err(NormalizeError::NoValue);
    }
    if unit == NthUnit::Quarter || unit == NthUnit::Half {
        let (count, size) = if unit == NthUnit::Quarter { (4, 3) } else { (2, 6) };
        let i = if rank < 0 { count + 1 + rank } else { rank };
        if !(1..=count).contains(&i) {
            return Err(NormalizeError::NoValue);
        }
        let part_of = |y: i16| -> Res<(i32, i32)> {
            let m1 = ((i - 1) * size + 1) as i8;
            Ok((month_start(y, m1)?, month_end(y, m1 + size as i8 - 1)?))
        };
        let (a, b) = match of {
            Some((a, _, PeriodKind::Year)) => part_of(date_from_day_number(a).ok_or(NormalizeError::NoValue)?.year())?,
            Some(_) => return Err(NormalizeError::NoValue),
            None => {
                // The nearest such quarter.
                let p = published(text, ctx)?;
                let py = pub_date(text, ctx)?.year();
                let mut best = part_of(py)?;
                for y in [py - 1, py + 1] {
                    let (a, b) = part_of(y)?;
                    if distance(p, a, b) < distance(p, best.0, best.1) {
                        best = (a, b);
                    }
                }
                best
            }
        };
        return Ok(days(a, b));
    }
    let (a, b, kind) = of.ok_or(NormalizeError::NoValue)?;
    let check = |x: i32, y: i32| {
        if a <= x && y <= b {
            Ok(days(x, y))
        } else {
            Err(NormalizeError::NoValue)
        }
    };
    let nth_weekday = |wd: i32| -> i32 {
        if rank > 0 {
            a + (wd - weekday_of(a)).rem_euclid(7) + 7 * (rank - 1)
        } else {
            b - (weekday_of(b) - wd).rem_euclid(7) + 7 * (rank + 1)
        }
    };
    if let NthUnit::Weekday(wd) = unit {
        let d = nth_weekday(wd);
        return check(d, d);
    }
    if unit == NthUnit::Day {
        let d = if rank > 0 { a + rank - 1 } else { b + rank + 1 };
        return check(d, d);
    }
    if unit == NthUnit::Weekend {
        let sat = nth_weekday(5);
        return check(sat, sat + 1);
    }
    if unit == NthUnit::Fortnight {
        // The 15th is in both halves: usage varies between the 15th and the 16th.
        return match (kind, rank) {
            (PeriodKind::Month, 1) => Ok(days(a, a + 14)),
            (PeriodKind::Month, 2 | -1) => Ok(days(a + 14, b)),
            _ => Err(NormalizeError::NoValue),
        };
    }
    // `semaine`: the N-th seven days and the N-th Monday–Sunday week that
    // starts in the period, whichever the writer meant; from the end, the
    // last seven days and the last week that ends in it.
    if kind == PeriodKind::Week {
        return Err(NormalizeError::NoValue);
    }
    let (x, y) = if rank > 0 {
        let monday = a + (-weekday_of(a)).rem_euclid(7) + 7 * (rank - 1);
        let first = a + 7 * (rank - 1);
        (first.min(monday), (first + 6).max(monday + 6))
    } else {
        let sunday = b - (weekday_of(b) - 6).rem_euclid(7) + 7 * (rank + 1);
        let last = b + 7 * (rank + 1);
        ((sunday - 6).min(last - 6), sunday.max(last))
    };
    check(x, y)
}

/// `début juin`, `mi-2022`, `à la fin du mois`, `en début de semaine`.
pub(super) fn part(text: &str, c: &regex::Captures, ctx: &Context) -> Res<Option<Range>> {
    let Some((a, b, kind)) = period(text, cap(c, "rest"), ctx)? else {
        return Ok(None);
    };
    let part = match cap(c, "part") {
        "debut" => Part::Start,
        "mi" | "milieu" => Part::Middle,
        "fin" => Part::End,
        _ => Part::Whole,
    };
    part_in(a, b, kind, part).map(Some)
}

/// A part of a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    Start,
    Middle,
    End,
    Whole,
}

/// A part of the period `[a, b]`: of a month days 1–10, 11–20, 21–end; of
/// a week Monday–Wednesday, Tuesday–Thursday, Thursday–Sunday; of a year
/// January–April, May–August, September–December.
pub(crate) fn part_in(a: i32, b: i32, kind: PeriodKind, part: Part) -> Res<Range> {
    Ok(match kind {
        PeriodKind::Month => match part {
            Part::Start => days(a, a + 9),
            Part::Middle => days(a + 10, a + 19),
            Part::End => days(a + 20, b),
            Part::Whole => days(a, b),
        },
        PeriodKind::Week => match part {
            Part::Start => days(a, a + 2),
            Part::Middle => days(a + 1, a + 3),
            Part::End => days(a + 3, a + 6),
            Part::Whole => days(a, b),
        },
        PeriodKind::Year => {
            let y = date_from_day_number(a).ok_or(NormalizeError::NoValue)?.year();
            let (m1, m2) = match part {
                Part::Start => (1, 4),
                Part::Middle => (5, 8),
                Part::End => (9, 12),
                Part::Whole => (1, 12),
            };
            days(month_start(y, m1)?, month_end(y, m2)?)
        }
    })
}

/// `en mai`, `juin dernier`, `prochain juin`, `cette septembre`, `mai 2023`.
pub(super) fn month_of_phrase(text: &str, c: &regex::Captures, ctx: &Context) -> Res<(i32, i32)> {
    let m = month_of(cap(c, "m")).ok_or(NormalizeError::NoValue)?;
    let y = c.name("y").and_then(|y| y.as_str().parse::<i16>().ok());
    month_range(
        text,
        m,
        y,
        c.name("q").map(|q| q.as_str()),
        c.name("this").is_some(),
        c.name("next0").is_some(),
        ctx,
    )
}

/// The first and last days of month `m`: of year `y`, else of the year that
/// `dernier` (before the publication month), `prochain` (after it), `ce`
/// (the publication year) or nearness picks.
fn month_range(
    text: &str,
    m: i8,
    y: Option<i16>,
    q: Option<&str>,
    this: bool,
    next: bool,
    ctx: &Context,
) -> Res<(i32, i32)> {
    let pick = if this {
        MonthPick::ThisYear
    } else if q == Some("dernier") {
        MonthPick::Last
    } else if next || q.is_some() {
        MonthPick::Next
    } else {
        MonthPick::Nearest
    };
    month_in(text, m, y, pick, ctx)
}

/// Which month `m` a phrase without a year names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MonthPick {
    /// The one nearest to the publication.
    Nearest,
    /// The publication year's.
    ThisYear,
    /// The last one before the publication month.
    Last,
    /// The next one after the publication month.
    Next,
}

/// The first and last days of month `m`: of year `y`, else of the year
/// `pick` says.
pub(crate) fn month_in(text: &str, m: i8, y: Option<i16>, pick: MonthPick, ctx: &Context) -> Res<(i32, i32)> {
    let y = match y {
        Some(y) => y,
        None => {
            let pd = pub_date(text, ctx)?;
            let (py, pm) = (pd.year(), pd.month());
            match pick {
                MonthPick::ThisYear => py,
                MonthPick::Last if m < pm => py,
                MonthPick::Last => py - 1,
                MonthPick::Next if m > pm => py,
                MonthPick::Next => py + 1,
                MonthPick::Nearest => {
                    let p = day_number(pd);
                    let mut best: Option<(i32, i16)> = None;
                    for y in [py - 1, py, py + 1] {
                        let dist = distance(p, month_start(y, m)?, month_end(y, m)?);
                        if !matches!(best, Some((d, _)) if d <= dist) {
                            best = Some((dist, y));
                        }
                    }
                    best.map_or(py, |(_, y)| y)
                }
            }
        }
    };
    Ok((month_start(y, m)?, month_end(y, m)?))
}
