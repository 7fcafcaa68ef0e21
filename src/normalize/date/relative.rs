//! Days relative to the publication: weekdays (`mercredi`, `lundi prochain`),
//! `hier`, `la semaine prochaine`, weekends, offsets (`il y a deux ans`,
//! `dans trois jours`) and spans (`les 3 derniers jours`).

use super::calendar::{days, month_end, month_start, pub_date, published, weekday_of};
use super::{cap, Res};
use crate::french::date_grammar::{Relative, RELATIVE_DAYS, RELATIVE_PERIODS};
use crate::french::fold;
use crate::normalize::duration::{self, CalendarUnit};
use crate::normalize::number;
use crate::normalize::tense::{clause_holding, tells_a_plan, tense_in, Tense};
use crate::normalize::{Context, NormalizeError};
use crate::value::{day_number, Range};
use jiff::civil::Date;
use std::collections::HashMap;
use std::sync::LazyLock;

/// Which occurrence of a weekday, a weekend, a month or a season: the
/// nearest one to the publication, the next one strictly after it, the last
/// one strictly before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pick {
    Nearest,
    Next,
    Last,
}

/// A weekday, with its qualifier (`prochain`, `dernier`) or its week.
pub(super) fn weekday(text: &str, wd: i32, q: Option<&str>, week: Option<&str>, ctx: &Context) -> Res<i32> {
    let week_shift = week.map(|w| match w {
        "prochain" | "prochaine" => 7,
        "dernier" | "derniere" | "passee" | "precedente" => -7,
        _ => 0,
    });
    let pick = match q {
        Some("prochain") => Pick::Next,
        Some(_) => Pick::Last,
        None => Pick::Nearest,
    };
    weekday_in(text, wd, pick, week_shift, ctx)
}

/// Weekday `wd` (Monday = 0): in the Monday–Sunday week `week_shift` days
/// from the publication's (0, 7, -7), else the occurrence `pick` says. The
/// nearest one is the publication day if it is that weekday; when the two
/// candidates are 3 and 4 days away, the verb tense of `ctx.around` decides.
pub(crate) fn weekday_in(text: &str, wd: i32, pick: Pick, week_shift: Option<i32>, ctx: &Context) -> Res<i32> {
    let p = published(text, ctx)?;
    let pw = weekday_of(p);
    if let Some(shift) = week_shift {
        let monday = p - pw;
        return Ok(monday + shift + wd);
    }
    let forward = (wd - pw).rem_euclid(7);
    match pick {
        Pick::Next => Ok(p + if forward == 0 { 7 } else { forward }),
        Pick::Last => {
            let back = (pw - wd).rem_euclid(7);
            Ok(p - if back == 0 { 7 } else { back })
        }
        Pick::Nearest => {
            if forward == 0 {
                return Ok(p);
            }
            if let Some(day) = named_day_of_weekday(wd, ctx) {
                return Ok(day);
            }
            let back = 7 - forward;
            // The sentence's tense picks the side of the week when both are
            // near, and a past tense even when the day back is further:
            // "Russia fired 426 drones overnight into Monday" in an article
            // of Saturday is five days back. (A future's sentence often
            // also names a day gone by: « annoncés lundi, qui doivent se
            // tenir mercredi ».) Not tomorrow's weekday, which an article names for
            // tomorrow even in a past sentence (« il a évoqué une réunion
            // mercredi » on a Tuesday); nor a plan told in the past ("said
            // the talks would be held on Saturday"), which may lie ahead:
            // the nearer day, as without a tense.
            // The weekday's own clause first: the sentence's other clause
            // may tell another day in another tense.
            let name = match ctx.lang {
                crate::language::Lang::Fr => crate::french::vocab::WEEKDAYS[wd as usize],
                crate::language::Lang::En => crate::english::vocab::WEEKDAYS[wd as usize],
            };
            let clause = clause_holding(ctx.around, name);
            let (tense, plan) = match tense_in(clause, ctx.lang) {
                Some(tense) => (Some(tense), tells_a_plan(clause, ctx.lang)),
                None => (tense_in(ctx.around, ctx.lang), tells_a_plan(ctx.around, ctx.lang)),
            };
            Ok(match (forward.cmp(&back), (forward - back).abs() <= 1, tense) {
                (_, true, Some(Tense::Past)) => p - back,
                (_, true, Some(Tense::Future)) => p + forward,
                (_, false, Some(Tense::Past)) if forward >= 2 && !plan => p - back,
                (std::cmp::Ordering::Less, ..) => p + forward,
                _ => p - back,
            })
        }
    }
}

/// Days named with their month in the sentence (`19 juillet`, `July 19`),
/// folded: day, then month name.
static DAY_MONTH: LazyLock<regex::Regex> = LazyLock::new(|| {
    let names = crate::language::month_names();
    regex::Regex::new(&format!(
        r"\b(?P<d>[0-9]{{1,2}})(?:er|st|nd|rd|th)?\s+(?P<m>{names})\b|\b(?P<m2>{names})\.?\s+(?P<d2>[0-9]{{1,2}})(?:st|nd|rd|th)?\b"
    ))
    .expect("static regex")
});

/// The one day of the sentence (`ctx.around`), named with its month in
/// the publication's year, that falls on weekday `wd`: a bare weekday
/// beside it is that day ("July 19 — In his Saturday address…", in an
/// article of 30 July, is 19 July, not the Saturday before the article).
/// None when no such day is named, or the sentence names several days: in
/// « Annoncée lundi soir, la rencontre suit celles du 16 mai et du 2 juin »
/// the Monday is not 2 June, though that day was one.
fn named_day_of_weekday(wd: i32, ctx: &Context) -> Option<i32> {
    let year = ctx.published?.year();
    // Every day named with its month has a digit: most sentences have none,
    // and folding them was most of this function's time.
    if !ctx.around.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let folded = fold(ctx.around);
    let mut found = DAY_MONTH.captures_iter(&folded).filter_map(|c| {
        let day: i8 = c.name("d").or_else(|| c.name("d2"))?.as_str().parse().ok()?;
        let month = crate::language::month_number(c.name("m").or_else(|| c.name("m2"))?.as_str())?;
        Some(day_number(Date::new(year, month, day).ok()?))
    });
    let first = found.next()?;
    (found.all(|n| n == first) && weekday_of(first) == wd).then_some(first)
}

/// The Monday–Sunday week `shift` weeks from the publication's.
pub(crate) fn week_of(text: &str, shift: i32, ctx: &Context) -> Res<Range> {
    let p = published(text, ctx)?;
    let monday = p - weekday_of(p) + 7 * shift;
    Ok(days(monday, monday + 6))
}

/// The calendar year `delta` years from the publication's.
pub(crate) fn year_of(text: &str, delta: i16, ctx: &Context) -> Res<Range> {
    let y = pub_date(text, ctx)?.year() + delta;
    Ok(days(month_start(y, 1)?, month_end(y, 12)?))
}

/// The calendar month `delta` months from the publication month.
pub(crate) fn rel_month(text: &str, delta: i32, ctx: &Context) -> Res<(i32, i32)> {
    let first = pub_date(text, ctx)?
        .first_of_month()
        .checked_add(jiff::Span::new().months(delta))
        .map_err(|_| NormalizeError::NoValue)?;
    Ok((day_number(first), day_number(first.last_of_month())))
}

/// A Saturday–Sunday weekend: the one that holds or follows the
/// publication, or the one before it, whichever is nearer (a Wednesday: the
/// tense decides, else the coming one); `Next`, `Last`: strictly after,
/// before.
pub(crate) fn weekend(text: &str, pick: Pick, ctx: &Context) -> Res<Range> {
    let p = published(text, ctx)?;
    let pw = weekday_of(p);
    // The Saturday of the weekend that contains or follows `p`, and
    // the one that precedes it.
    let next_sat = if pw >= 5 { p - (pw - 5) } else { p + (5 - pw) };
    let prev_sat = next_sat - 7;
    let sat = match pick {
        Pick::Last => prev_sat,
        Pick::Next if pw >= 5 => next_sat + 7,
        Pick::Next => next_sat,
        Pick::Nearest if pw >= 5 => next_sat,
        Pick::Nearest => {
            let to_next = next_sat - p;
            let to_prev = p - (prev_sat + 1);
            match (to_next.cmp(&to_prev), tense_in(ctx.around, ctx.lang)) {
                (std::cmp::Ordering::Equal, Some(Tense::Past)) => prev_sat,
                (std::cmp::Ordering::Greater, _) => prev_sat,
                _ => next_sat,
            }
        }
    };
    Ok(days(sat, sat + 1))
}

/// The relative words of the grammar (`french::date_grammar`), by their
/// folded and tidied form.
static RELATIVE: LazyLock<HashMap<String, Relative>> = LazyLock::new(|| {
    RELATIVE_DAYS
        .iter()
        .chain(RELATIVE_PERIODS)
        .map(|(words, meaning)| (super::canon(&fold(words)), *meaning))
        .collect()
});

/// `aujourd'hui`, `hier`, `la semaine prochaine`, `ce week-end`…
pub(super) fn relative_word(text: &str, ctx: &Context) -> Res<Option<Range>> {
    let Some(meaning) = RELATIVE.get(text) else {
        return Ok(None);
    };
    let r = match *meaning {
        Relative::Day(offset) => {
            let p = published(text, ctx)?;
            days(p + offset, p + offset)
        }
        Relative::ThisNight => {
            let p = published(text, ctx)?;
            days(p - 1, p + 1)
        }
        Relative::LastNight => {
            let p = published(text, ctx)?;
            days(p - 1, p)
        }
        Relative::Week(shift) => week_of(text, shift, ctx)?,
        Relative::Month(delta) => {
            let pd = pub_date(text, ctx)?;
            let first = pd
                .first_of_month()
                .checked_add(jiff::Span::new().months(delta))
                .map_err(|_| NormalizeError::NoValue)?;
            days(day_number(first), day_number(first.last_of_month()))
        }
        Relative::Year(delta) => year_of(text, delta as i16, ctx)?,
        Relative::Weekend(pick) => {
            let pick = match pick {
                ..=-1 => Pick::Last,
                0 => Pick::Nearest,
                1.. => Pick::Next,
            };
            weekend(text, pick, ctx)?
        }
    };
    Ok(Some(r))
}

/// `il y a deux ans`, `dans trois jours` (a day); `dans les 15 jours`,
/// `d'ici deux semaines` (from the publication to that day).
pub(super) fn offset(text: &str, dir: &str, what: &str, ctx: &Context) -> Res<Option<Range>> {
    let sign = if dir.starts_with("dans") || dir.starts_with("d'") {
        1
    } else {
        -1
    };
    let within = dir == "dans les" || dir.starts_with("d'");
    offset_in(
        text,
        sign,
        within,
        duration::calendar_unit(what),
        duration::duration(what),
        ctx,
    )
}

/// The day `sign` × a length from the publication: `n` calendar months or
/// years, else `len` days (a sub-day length widens to the next day); with
/// `within`, from the publication day to that day. No length: `None`.
pub(crate) fn offset_in(
    text: &str,
    sign: i64,
    within: bool,
    calendar: Option<(CalendarUnit, f64)>,
    len: Option<Range>,
    ctx: &Context,
) -> Res<Option<Range>> {
    let p = published(text, ctx)?;
    let r = if let Some((unit, n)) = calendar {
        let pd = pub_date(text, ctx)?;
        let n = (n as i64) * sign;
        let span = match unit {
            CalendarUnit::Month => jiff::Span::new().try_months(n),
            CalendarUnit::Year => jiff::Span::new().try_years(n),
        }
        .map_err(|_| NormalizeError::NoValue)?;
        let d = day_number(pd.checked_add(span).map_err(|_| NormalizeError::NoValue)?);
        days(d, d)
    } else {
        let Some(len) = len else {
            return Ok(None);
        };
        if !len.lo.is_finite() || !len.hi.is_finite() || len.hi > 1e6 {
            return Err(NormalizeError::NoValue);
        }
        let p = p as f64;
        if sign > 0 {
            Range::closed(p + len.lo.floor(), p + len.hi.ceil())
        } else {
            Range::closed(p - len.hi.ceil(), p - len.lo.floor())
        }
    };
    Ok(Some(if within { Range::closed(p as f64, r.hi) } else { r }))
}

/// `les 3 derniers jours`, `les 2 prochaines semaines`, `ces derniers mois`:
/// from the first day of the first unit to the publication day (or from the
/// publication day to the last day of the last unit), so that the calendar
/// reading (the two weeks before this one) and the rolling one (the last
/// fourteen days) are both inside. No count: a few, up to ten.
pub(super) fn span(text: &str, c: &regex::Captures, ctx: &Context) -> Res<Range> {
    if c.name("of").is_some() {
        // `les derniers jours de juin`: of something else than the publication.
        return Err(NormalizeError::NoValue);
    }
    let past = c
        .name("q1")
        .or_else(|| c.name("q2"))
        .is_some_and(|q| q.as_str().starts_with('d'));
    let n: i32 = match c.name("n1").or_else(|| c.name("n2")) {
        Some(n) => {
            let n = n.as_str();
            let v = n
                .parse::<f64>()
                .ok()
                .or_else(|| number::words(&n.replace('-', " ")))
                .ok_or(NormalizeError::NoValue)?;
            if !(1.0..=1000.0).contains(&v) || v.fract() != 0.0 {
                return Err(NormalizeError::NoValue);
            }
            v as i32
        }
        None => 10,
    };
    let u = cap(c, "u");
    let unit = if u.starts_with("jour") {
        SpanUnit::Day
    } else if u.starts_with("semaine") {
        SpanUnit::Week
    } else if u == "mois" {
        SpanUnit::Month
    } else if u.starts_with("trimestre") {
        SpanUnit::Quarter
    } else if u.starts_with("an") {
        SpanUnit::Year
    } else if u.starts_with("heure") {
        SpanUnit::Hour
    } else if u.starts_with("minute") {
        SpanUnit::Minute
    } else {
        SpanUnit::Second
    };
    span_in(text, past, n, unit, ctx)
}

/// The unit of a span before or after the publication.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SpanUnit {
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Hour,
    Minute,
    Second,
}

/// The `n` last (`past`) or next units: from the first day of the first
/// unit to the publication day, or from the publication day to the last day
/// of the last unit.
pub(crate) fn span_in(text: &str, past: bool, n: i32, unit: SpanUnit, ctx: &Context) -> Res<Range> {
    let p = published(text, ctx)?;
    let pd = pub_date(text, ctx)?;
    let months = |first: Date, k: i32| -> Res<i32> {
        let d = first
            .checked_add(jiff::Span::new().months(k))
            .map_err(|_| NormalizeError::NoValue)?;
        Ok(day_number(d))
    };
    let (a, b) = match unit {
        SpanUnit::Day => {
            if past {
                (p - n, p)
            } else {
                (p, p + n)
            }
        }
        SpanUnit::Week => {
            let monday = p - weekday_of(p);
            if past {
                (monday - 7 * n, p)
            } else {
                (p, monday + 7 * n + 6)
            }
        }
        SpanUnit::Month | SpanUnit::Quarter => {
            let k = if unit == SpanUnit::Month { 1 } else { 3 };
            let first = pd.first_of_month();
            let first = if k == 3 {
                Date::new(first.year(), (first.month() - 1) / 3 * 3 + 1, 1).map_err(|_| NormalizeError::NoValue)?
            } else {
                first
            };
            if past {
                (months(first, -k * n)?, p)
            } else {
                (p, months(first, k * (n + 1))? - 1)
            }
        }
        SpanUnit::Year => {
            let py = pd.year();
            let n = i16::try_from(n).map_err(|_| NormalizeError::NoValue)?;
            if past {
                (month_start(py - n, 1)?, p)
            } else {
                (p, month_end(py + n, 12)?)
            }
        }
        SpanUnit::Hour | SpanUnit::Minute | SpanUnit::Second => {
            let per_day = match unit {
                SpanUnit::Hour => 24.0,
                SpanUnit::Minute => 1440.0,
                _ => 86400.0,
            };
            let len = (n as f64 / per_day).ceil() as i32;
            if past {
                (p - len, p)
            } else {
                (p, p + len)
            }
        }
    };
    Ok(days(a, b))
}
