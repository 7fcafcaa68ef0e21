//! English days relative to the publication: `today`, `next week`, `the
//! rest of the month`, weekdays (`next Friday`), offsets (`two days ago`,
//! `a week from Monday`) and spans (`the past three days`).

use super::{cap, delta_of, weekday_index, Res, OFFSET_AGO, OFFSET_IN};
use crate::normalize::date::calendar::{days, month_end, month_start, pub_date, published};
use crate::normalize::date::relative::{
    offset_in, rel_month, span_in, week_of, weekday_in, weekend, year_of, Pick, SpanUnit,
};
use crate::normalize::english::duration::{self as en_duration, Part as DurationPart};
use crate::normalize::english::number;
use crate::normalize::{Context, NormalizeError};
use crate::value::{day_number, Range};
use regex::Captures;

/// `today`, `yesterday`, `tonight`, `last night`, `this week`, `next
/// month`, `last year`, `the weekend`, `this past weekend`.
pub(super) fn relative_word(text: &str, ctx: &Context) -> Res<Option<Range>> {
    let day = match text {
        // An event "tonight" (talks, a vote) is this evening's: the day of
        // publication, as Duckling reads it. "Last night" is the evening
        // before, as Recognizers-Text reads it (20:00 to midnight the day
        // before): "announced last night" in a morning paper is the day
        // before's statement.
        "today" | "this morning" | "this afternoon" | "this evening" | "tonight" => Some((0, 0)),
        "last night" => Some((-1, -1)),
        "yesterday" => Some((-1, -1)),
        "tomorrow" | "tmrw" => Some((1, 1)),
        _ => None,
    };
    if let Some((a, b)) = day {
        let p = published(text, ctx)?;
        return Ok(Some(days(p + a, p + b)));
    }
    let r = match text {
        "this week" | "current week" | "next week" | "last week" | "upcoming week" => {
            week_of(text, delta_of(first_word(text)), ctx)?
        }
        "this month" | "current month" | "next month" | "last month" | "upcoming month" => {
            let (a, b) = rel_month(text, delta_of(first_word(text)), ctx)?;
            days(a, b)
        }
        "this year" | "current year" | "next year" | "last year" | "upcoming year" => {
            year_of(text, delta_of(first_word(text)) as i16, ctx)?
        }
        "this decade" | "current decade" | "next decade" | "last decade" => {
            let y = pub_date(text, ctx)?.year();
            let start = y - y.rem_euclid(10) + 10 * delta_of(first_word(text)) as i16;
            days(month_start(start, 1)?, month_end(start + 9, 12)?)
        }
        "the week after next" | "the week after the next" => week_of(text, 2, ctx)?,
        "the month after next" | "the month after the next" => {
            let (a, b) = rel_month(text, 2, ctx)?;
            days(a, b)
        }
        "the year after next" | "the year after the next" => year_of(text, 2, ctx)?,
        "the weekend after next" | "the weekend after the next" => {
            let r = weekend(text, Pick::Next, ctx)?;
            Range::closed(r.lo + 7.0, r.hi + 7.0)
        }
        "this weekend" | "the weekend" => weekend(text, Pick::Nearest, ctx)?,
        "next weekend" | "this coming weekend" | "the coming weekend" => weekend(text, Pick::Next, ctx)?,
        "last weekend" | "this past weekend" | "the past weekend" => weekend(text, Pick::Last, ctx)?,
        _ => return rest_of(text, ctx),
    };
    Ok(Some(r))
}

/// `the rest of the week`: from the publication day to the end of its week,
/// month or year.
fn rest_of(text: &str, ctx: &Context) -> Res<Option<Range>> {
    let Some(unit) = text
        .strip_prefix("the ")
        .unwrap_or(text)
        .strip_prefix("rest of ")
        .map(|u| u.strip_prefix("the ").or_else(|| u.strip_prefix("this ")).unwrap_or(u))
    else {
        return Ok(None);
    };
    let whole = match unit {
        "week" => week_of(text, 0, ctx)?,
        "month" => {
            let (a, b) = rel_month(text, 0, ctx)?;
            days(a, b)
        }
        "year" => year_of(text, 0, ctx)?,
        _ => return Ok(None),
    };
    Ok(Some(days(published(text, ctx)?, whole.hi as i32)))
}

fn first_word(text: &str) -> &str {
    text.split(' ').next().unwrap_or("")
}

/// `Friday`, `this Friday`, `next Friday`, `Friday next week`, `next week on Friday`.
pub(super) fn weekday_phrase(text: &str, c: &Captures, ctx: &Context) -> Res<Range> {
    let wd = weekday_index(c.name("wd").or_else(|| c.name("wd2")).map_or("", |m| m.as_str()))
        .ok_or(NormalizeError::NoValue)?;
    let week = c.name("w").or_else(|| c.name("w2")).map(|m| 7 * delta_of(m.as_str()));
    let (pick, week) = match (cap(c, "q"), week) {
        (_, Some(w)) => (Pick::Nearest, Some(w)),
        ("this", None) => (Pick::Nearest, Some(0)),
        ("next" | "coming" | "this coming", None) => (Pick::Next, None),
        ("last" | "past" | "this past", None) => (Pick::Last, None),
        _ => (Pick::Nearest, None),
    };
    let n = weekday_in(text, wd, pick, week, ctx)?;
    Ok(days(n, n))
}

/// `two days ago`, `in 3 weeks`, `two weeks from now`, `four days from
/// yesterday`, `two days before yesterday`, `within 10 days`, `1 month and
/// 21 days ago`: calendar months and years on the calendar, the rest in
/// days (hours widen to the day after).
pub(super) fn offset(text: &str, ctx: &Context) -> Res<Option<Range>> {
    let (sign, base, within, what) = if let Some(c) = OFFSET_AGO.captures(text) {
        let (sign, base) = match (c.name("ago"), cap(&c, "dir"), cap(&c, "base")) {
            (Some(_), ..) => (-1, 0),
            (None, "before", base) => (-1, base_day(base)),
            (None, _, base) => (1, base_day(base)),
        };
        (sign, base, false, c.name("d").map_or("", |m| m.as_str()))
    } else if let Some(c) = OFFSET_IN.captures(text) {
        let within = cap(&c, "k") == "within" || c.name("next").is_some();
        (1, 0, within, c.name("d").map_or("", |m| m.as_str()))
    } else {
        return Ok(None);
    };
    let Some(parts) = en_duration::parts(what) else {
        return Ok(None);
    };
    let calendar = calendar_shift(&parts);
    let r = match calendar {
        Some((months, day_count)) => {
            let pd = pub_date(text, ctx)?;
            let d = pd
                .checked_add(
                    jiff::Span::new()
                        .try_months(months * sign)
                        .map_err(|_| NormalizeError::NoValue)?,
                )
                .map_err(|_| NormalizeError::NoValue)?;
            let n = day_number(d) + (base + sign * day_count) as i32;
            days(n, n)
        }
        None => {
            let len = en_duration::total(&parts);
            let shifted = offset_in(text, sign, false, None, Some(len), ctx)?.ok_or(NormalizeError::NoValue)?;
            Range::closed(shifted.lo + base as f64, shifted.hi + base as f64)
        }
    };
    let p = published(text, ctx)? as f64;
    Ok(Some(if within {
        Range::closed(p.min(r.lo), p.max(r.hi))
    } else {
        r
    }))
}

fn base_day(word: &str) -> i64 {
    match word {
        "tomorrow" => 1,
        "yesterday" => -1,
        _ => 0,
    }
}

/// Whole months (years are twelve) and whole days, when every part is a
/// whole count of a calendar unit or of days and weeks.
fn calendar_shift(parts: &[DurationPart]) -> Option<(i64, i64)> {
    let (mut months, mut day_count) = (0_i64, 0_i64);
    for p in parts {
        let n = p.count.lo;
        if p.count.lo != p.count.hi || n.fract() != 0.0 || !(0.0..=10000.0).contains(&n) {
            return None;
        }
        let n = n as i64;
        match p.unit {
            "years" | "year" | "yrs" | "yr" => months += 12 * n,
            "decades" | "decade" => months += 120 * n,
            "quarters" | "quarter" => months += 3 * n,
            "months" | "month" => months += n,
            "weeks" | "week" | "wks" | "wk" => day_count += 7 * n,
            "fortnights" | "fortnight" => day_count += 14 * n,
            "days" | "day" => day_count += n,
            _ => return None,
        }
    }
    // A count in days only is the duration reading, the same thing.
    (months > 0).then_some((months, day_count))
}

/// `the past three days`, `the next two weeks`, `the coming days`, `in
/// recent weeks`, `the past week`, `the coming month`.
pub(super) fn span(text: &str, c: &Captures, ctx: &Context) -> Res<Range> {
    if c.name("of").is_some() {
        // `the last days of June`: of something else than the publication.
        return Err(NormalizeError::NoValue);
    }
    let (past, u) = if let Some(u) = c.name("u2").or_else(|| c.name("u3")) {
        (false, u.as_str())
    } else {
        let q = cap(c, "q");
        (q.is_empty() || matches!(q, "last" | "past" | "previous"), cap(c, "u"))
    };
    // No count: a few, up to ten, for a plural (`the coming days`); one
    // for a singular (`the past week`).
    let n: i32 = match c.name("n").map(|m| m.as_str()) {
        None if u.ends_with('s') => 10,
        None => 1,
        Some("few") => 10,
        Some("couple" | "couple of") => 3,
        Some(n) => {
            let v = number::plain(n).map(|p| p.value).ok_or(NormalizeError::NoValue)?;
            if !(1.0..=1000.0).contains(&v) || v.fract() != 0.0 {
                return Err(NormalizeError::NoValue);
            }
            v as i32
        }
    };
    let u = u.trim_end_matches('s');
    let (unit, n) = match u {
        "day" => (SpanUnit::Day, n),
        "week" => (SpanUnit::Week, n),
        "month" => (SpanUnit::Month, n),
        "quarter" => (SpanUnit::Quarter, n),
        "year" => (SpanUnit::Year, n),
        "decade" => (SpanUnit::Year, n.saturating_mul(10)),
        "hour" => (SpanUnit::Hour, n),
        _ => (SpanUnit::Minute, n),
    };
    span_in(text, past, n, unit, ctx)
}
