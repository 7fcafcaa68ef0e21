//! Dates, as intervals of day numbers, resolved against the publication date.
//!
//! The rules (documented with examples in `docs/values.md`):
//!
//! * A date with its year is read as written; a weekday that disagrees with
//!   it is ignored (the day number is trusted).
//! * A day and month without a year take the year (publication year, the one
//!   before or after) that puts the date nearest to the publication; a stated
//!   weekday picks among those years the ones where it fits.
//! * A bare weekday (`mercredi`, `ce mercredi`) is the publication day if it
//!   is that weekday, else the nearest occurrence; when the two candidates are
//!   3 and 4 days away, the verb tense of the sentence decides (past → the
//!   earlier, future → the later; undecided → the nearer). `prochain` is the
//!   next occurrence strictly after the publication, `dernier` the last one
//!   strictly before. `de la semaine prochaine` / `dernière` / `cette semaine`
//!   pick the day in that Monday–Sunday week.
//! * Months without a year take the nearest one; `en juin dernier` is the last
//!   June before the publication month, `juin prochain` the next one after.
//!   `début` is days 1–10, `mi-` 11–20, `fin` 21–end. `début 2022` is
//!   January–April, `mi-2022` May–August, `fin 2022` September–December.
//! * `dans la nuit de dimanche à lundi` is the two days.
//! * A time of day after a day (`lundi soir`, `le 2 mars à 5h`) is dropped.
//! * Anything relative with no publication date is `Unresolved`.

use super::duration::{self, CalendarUnit};
use super::number;
use super::tense::{tense, Tense};
use super::{Context, NormalizeError};
use crate::french::vocab::{DAY_WORDS, MONTHS, TIMES_OF_DAY, WEEKDAYS, WEEKDAY_ABBREVIATIONS};
use crate::value::{date_from_day_number, day_number, Range};
use jiff::civil::Date;
use regex::Regex;
use std::sync::LazyLock;

type Res<T> = Result<T, NormalizeError>;

struct Pieces {
    wd: String,
    wda: String,
    month: String,
    day: String,
}

static P: LazyLock<Pieces> = LazyLock::new(|| {
    let wd = WEEKDAYS.join("|");
    let wda = format!("{}|{}", WEEKDAYS.join("|"), WEEKDAY_ABBREVIATIONS.join("|"));
    let month = MONTHS.iter().map(|(m, _)| *m).collect::<Vec<_>>().join("|");
    let day = format!(
        r"1er|1re|1ere|(?:3[01]|[12]\d|0?[1-9])(?:e|eme)?|{}",
        DAY_WORDS.join("|")
    );
    Pieces { wd, wda, month, day }
});

fn re(pattern: String) -> Regex {
    Regex::new(&pattern).expect("static regex")
}

static TOD: LazyLock<Regex> = LazyLock::new(|| {
    re(format!(
        r"^(.+?)(?: (?:{})| (?:(?:a )?(?:environ|vers|autour de|aux alentours de)|a) (?:\d{{1,2}} ?(?:h|heures?)(?: ?\d{{2}})?(?: du (?:matin|soir))?|midi|minuit))$",
        TIMES_OF_DAY.join("|")
    ))
});
static NIGHT_WD: LazyLock<Regex> = LazyLock::new(|| {
    let p = &*P;
    re(format!(
        r"^(?:dans )?la nuit (?:de |du |d' ?)(?P<w1>{wd})(?: (?:a|au) (?P<w2>{wd}))?$",
        wd = p.wd
    ))
});
static DAY_RANGE: LazyLock<Regex> = LazyLock::new(|| {
    let p = &*P;
    re(format!(
        r"^(?:(?:dans )?la nuit (?:de |du |d' ?)|du |entre le |entre )?(?:(?:{wd}) )?(?P<d1>{day})(?: (?P<m1>{month})\.?)?(?: ?- ?| (?:au|a|jusqu' ?au|jusqu' ?a|et le|et) )(?:le )?(?:(?:{wd}) )?(?P<d2>{day})(?: (?:(?P<m2>{month})\.?(?:,? (?P<y>[12]\d{{3}}))?|(?P<this>(?:de )?(?:ce|cette) mois(?:-ci)?)|(?P<next>(?:du )?mois prochain)))?$",
        wd = p.wd,
        day = p.day,
        month = p.month
    ))
});
static DMY: LazyLock<Regex> = LazyLock::new(|| {
    let p = &*P;
    re(format!(
        r"^(?:(?:le|du|au) )?(?:(?P<wd>{wda})\.?,? )?(?P<d>{day}) (?:de |d' ?)?(?P<m>{month})\.?(?:,? (?P<y>[12]\d{{3}}))?$",
        wda = p.wda,
        day = p.day,
        month = p.month
    ))
});
static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^(?:le )?(?:(?P<y1>\d{4})[-/.](?P<m1>\d{1,2})[-/.](?P<d1>\d{1,2})|(?P<d2>\d{1,2})(?P<s>[-/.])(?P<m2>\d{1,2})(?:[-/.](?P<y2>\d{4}|\d{2}))?|(?P<y3>[12]\d{3}) ?[-/.] ?(?P<m3>\d{1,2})|(?P<m4>\d{1,2}) ?[-/] ?(?P<y4>[12]\d{3}))$".to_string())
});
static WD_DAY: LazyLock<Regex> = LazyLock::new(|| {
    re(format!(
        r"^(?:(?:le) )?(?P<wd>{})\.? (?P<d>1er|(?:3[01]|[12]\d|0?[1-9])(?:e|eme)?)$",
        P.wda
    ))
});
static LE_DAY: LazyLock<Regex> = LazyLock::new(|| re(r"^le (?P<d>1er|3[01]|[12]\d|0?[1-9])$".to_string()));
static WD_REL: LazyLock<Regex> = LazyLock::new(|| {
    re(format!(
        r"^(?:ce |cette )?(?P<wd>{})\.?(?: (?P<q>prochain|derniere?|passe)| (?:de )?(?:la|cette) semaine(?: (?P<wq>prochaine?|derniere?|passee|precedente))?)?$",
        P.wda
    ))
});
static OFFSET: LazyLock<Regex> = LazyLock::new(|| re(r"^(?P<dir>il y a|dans|voici|voila) (?P<d>.+)$".to_string()));
static MONTH_P: LazyLock<Regex> = LazyLock::new(|| {
    re(format!(
        r"^(?:en |au mois (?:de |d' ?)|(?:le )?mois (?:de |d' ?)|(?P<this>ce |cette )|(?P<next0>prochain )|(?:(?:au|en|a la) )?(?P<part>debut|fin|mi|milieu|courant)(?: ?- ?| )(?:du mois )?(?:de |d' ?)?)?(?P<m>{})\.?(?: (?P<y>[12]\d{{3}})| (?P<q>dernier|prochain))?$",
        P.month
    ))
});
static YEAR_P: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^(?:(?:en|au cours de|courant|(?:(?:au|en) )?(?P<part>debut|fin|mi|milieu))(?: ?- ?| )(?:(?:de )?l' ?annee )?)?(?P<y>(?:19|20)\d{2})$".to_string())
});
static DECADE: LazyLock<Regex> =
    LazyLock::new(|| re(r"^les annees (?:(?P<full>(?:19|20)\d0)|(?P<short>\d0)|(?P<words>[a-z -]+))$".to_string()));

/// The day interval of a folded date phrase.
pub fn date(folded: &str, ctx: &Context) -> Res<Range> {
    let text = folded.trim();
    if let Some(r) = fixed(text, ctx)? {
        return Ok(r);
    }
    if let Some(c) = TOD.captures(text) {
        if let Some(head) = c.get(1) {
            if let Some(r) = fixed(head.as_str(), ctx)? {
                return Ok(r);
            }
        }
    }
    Err(NormalizeError::NoValue)
}

/// Every form but the time-of-day suffix.
fn fixed(text: &str, ctx: &Context) -> Res<Option<Range>> {
    if let Some(r) = relative_word(text, ctx)? {
        return Ok(Some(r));
    }
    if let Some(c) = NIGHT_WD.captures(text) {
        let w1 = weekday_index(cap(&c, "w1")).ok_or(NormalizeError::NoValue)?;
        let start = weekday(text, w1, None, None, ctx)?;
        let end = match c.name("w2").and_then(|m| weekday_index(m.as_str())) {
            Some(w2) => start + ((w2 - w1).rem_euclid(7)).max(1),
            None => start + 1,
        };
        return Ok(Some(days(start, end)));
    }
    if let Some(c) = DAY_RANGE.captures(text) {
        return day_range(text, &c, ctx).map(Some);
    }
    if let Some(c) = DMY.captures(text) {
        let d = day_of(cap(&c, "d")).ok_or(NormalizeError::NoValue)?;
        let m = month_of(cap(&c, "m")).ok_or(NormalizeError::NoValue)?;
        let wd = c.name("wd").and_then(|w| weekday_index(w.as_str()));
        let y = c.name("y").and_then(|y| y.as_str().parse::<i16>().ok());
        let n = day_month(text, y, m, d, wd, ctx)?;
        return Ok(Some(days(n, n)));
    }
    if let Some(c) = NUMERIC.captures(text) {
        return numeric(text, &c, ctx).map(Some);
    }
    if let Some(c) = WD_DAY.captures(text) {
        let wd = weekday_index(cap(&c, "wd")).ok_or(NormalizeError::NoValue)?;
        let d = day_of(cap(&c, "d")).ok_or(NormalizeError::NoValue)?;
        let n = day_alone(text, d, Some(wd), ctx)?;
        return Ok(Some(days(n, n)));
    }
    if let Some(c) = LE_DAY.captures(text) {
        let d = day_of(cap(&c, "d")).ok_or(NormalizeError::NoValue)?;
        let n = day_alone(text, d, None, ctx)?;
        return Ok(Some(days(n, n)));
    }
    if let Some(c) = WD_REL.captures(text) {
        let wd = weekday_index(cap(&c, "wd")).ok_or(NormalizeError::NoValue)?;
        let q = c.name("q").map(|m| m.as_str());
        let week = if c.get(0).is_some_and(|m| m.as_str().contains("semaine")) {
            Some(c.name("wq").map_or("cette", |m| m.as_str()))
        } else {
            None
        };
        let n = weekday(text, wd, q, week, ctx)?;
        return Ok(Some(days(n, n)));
    }
    if let Some(c) = OFFSET.captures(text) {
        return offset(text, cap(&c, "dir"), cap(&c, "d"), ctx);
    }
    if let Some(c) = MONTH_P.captures(text) {
        return month_period(text, &c, ctx).map(Some);
    }
    if let Some(c) = YEAR_P.captures(text) {
        let y: i16 = cap(&c, "y").parse().map_err(|_| NormalizeError::NoValue)?;
        let (m1, m2) = match c.name("part").map(|m| m.as_str()) {
            Some("debut") => (1, 4),
            Some("mi" | "milieu") => (5, 8),
            Some("fin") => (9, 12),
            _ => (1, 12),
        };
        return Ok(Some(days(month_start(y, m1)?, month_end(y, m2)?)));
    }
    if let Some(c) = DECADE.captures(text) {
        let start: i16 = match (c.name("full"), c.name("short")) {
            (Some(f), _) => f.as_str().parse().map_err(|_| NormalizeError::NoValue)?,
            (None, Some(s)) => 1900 + s.as_str().parse::<i16>().map_err(|_| NormalizeError::NoValue)?,
            _ => {
                // `les années soixante-dix`, `les années deux mille`.
                let v = number::words(cap(&c, "words")).ok_or(NormalizeError::NoValue)?;
                let v = if v < 100.0 { 1900.0 + v } else { v };
                if v % 10.0 != 0.0 || !(1000.0..=2990.0).contains(&v) {
                    return Err(NormalizeError::NoValue);
                }
                v as i16
            }
        };
        return Ok(Some(days(month_start(start, 1)?, month_end(start + 9, 12)?)));
    }
    Ok(None)
}

fn cap<'t>(c: &regex::Captures<'t>, name: &str) -> &'t str {
    c.name(name).map_or("", |m| m.as_str())
}

fn days(a: i32, b: i32) -> Range {
    Range::closed(a.min(b) as f64, a.max(b) as f64)
}

fn published(text: &str, ctx: &Context) -> Res<i32> {
    match ctx.published {
        Some(d) => Ok(day_number(d)),
        None => Err(NormalizeError::Unresolved(format!(
            "'{text}' is relative to the publication date, which is unknown"
        ))),
    }
}

fn pub_date(text: &str, ctx: &Context) -> Res<Date> {
    let n = published(text, ctx)?;
    date_from_day_number(n).ok_or(NormalizeError::NoValue)
}

/// Weekday of a day number, Monday = 0 (1970-01-01 was a Thursday).
pub fn weekday_of(n: i32) -> i32 {
    (n + 3).rem_euclid(7)
}

fn weekday_index(word: &str) -> Option<i32> {
    let w = word.trim_end_matches('.');
    WEEKDAYS
        .iter()
        .position(|d| *d == w)
        .or_else(|| WEEKDAY_ABBREVIATIONS.iter().position(|d| *d == w))
        .map(|i| i as i32)
}

fn month_of(word: &str) -> Option<i8> {
    let w = word.trim_end_matches('.');
    MONTHS.iter().find(|(m, _)| *m == w).map(|(_, n)| *n)
}

fn day_of(word: &str) -> Option<i8> {
    let w = word.trim();
    let v = match w {
        "1er" | "1re" | "1ere" | "premier" => 1.0,
        _ => {
            let digits = w.trim_end_matches("eme").trim_end_matches('e');
            match digits.parse::<f64>() {
                Ok(v) => v,
                Err(_) => number::words(w)?,
            }
        }
    };
    (1.0..=31.0).contains(&v).then_some(v as i8)
}

fn ymd(y: i16, m: i8, d: i8) -> Option<i32> {
    Date::new(y, m, d).ok().map(day_number)
}

fn month_start(y: i16, m: i8) -> Res<i32> {
    ymd(y, m, 1).ok_or(NormalizeError::NoValue)
}

fn month_end(y: i16, m: i8) -> Res<i32> {
    let first = Date::new(y, m, 1).map_err(|_| NormalizeError::NoValue)?;
    Ok(day_number(first.last_of_month()))
}

/// `le 2 juin [2025]`, `lundi 21 juillet`.
fn day_month(text: &str, y: Option<i16>, m: i8, d: i8, wd: Option<i32>, ctx: &Context) -> Res<i32> {
    if let Some(y) = y {
        return ymd(y, m, d).ok_or(NormalizeError::NoValue);
    }
    let p = published(text, ctx)?;
    let py = pub_date(text, ctx)?.year();
    let candidates: Vec<i32> = [py - 1, py, py + 1].iter().filter_map(|&y| ymd(y, m, d)).collect();
    nearest(p, &candidates, wd).ok_or(NormalizeError::NoValue)
}

/// The candidate nearest to `p`, among those of weekday `wd` if any fits.
fn nearest(p: i32, candidates: &[i32], wd: Option<i32>) -> Option<i32> {
    let fitting: Vec<i32> = match wd {
        Some(w) => candidates.iter().copied().filter(|&n| weekday_of(n) == w).collect(),
        None => Vec::new(),
    };
    let pool = if fitting.is_empty() { candidates } else { &fitting };
    pool.iter().copied().min_by_key(|&n| ((n - p).abs(), n))
}

/// A day of the month alone (`le 16`, `mercredi 13`): the month before, of
/// or after the publication that puts it nearest (weekday fitting if given).
fn day_alone(text: &str, d: i8, wd: Option<i32>, ctx: &Context) -> Res<i32> {
    let p = published(text, ctx)?;
    let pd = pub_date(text, ctx)?;
    let mut candidates = Vec::new();
    for delta in -1..=1 {
        let Ok(first) = pd.first_of_month().checked_add(jiff::Span::new().months(delta)) else {
            continue;
        };
        if let Some(n) = ymd(first.year(), first.month(), d) {
            candidates.push(n);
        }
    }
    nearest(p, &candidates, wd).ok_or(NormalizeError::NoValue)
}

/// A weekday, with its qualifier (`prochain`, `dernier`) or its week.
fn weekday(text: &str, wd: i32, q: Option<&str>, week: Option<&str>, ctx: &Context) -> Res<i32> {
    let p = published(text, ctx)?;
    let pw = weekday_of(p);
    if let Some(week) = week {
        let monday = p - pw;
        let shift = match week {
            "prochain" | "prochaine" => 7,
            "dernier" | "derniere" | "passee" | "precedente" => -7,
            _ => 0,
        };
        return Ok(monday + shift + wd);
    }
    let forward = (wd - pw).rem_euclid(7);
    match q {
        Some("prochain") => Ok(p + if forward == 0 { 7 } else { forward }),
        Some(_) => {
            let back = (pw - wd).rem_euclid(7);
            Ok(p - if back == 0 { 7 } else { back })
        }
        None => {
            if forward == 0 {
                return Ok(p);
            }
            let back = 7 - forward;
            Ok(
                match (forward.cmp(&back), (forward - back).abs() <= 1, tense(ctx.around)) {
                    (_, true, Some(Tense::Past)) => p - back,
                    (_, true, Some(Tense::Future)) => p + forward,
                    (std::cmp::Ordering::Less, ..) => p + forward,
                    _ => p - back,
                },
            )
        }
    }
}

/// `aujourd'hui`, `hier`, `la semaine prochaine`, `ce week-end`…
fn relative_word(text: &str, ctx: &Context) -> Res<Option<Range>> {
    let day_offset = match text {
        "aujourd'hui" | "ce matin" | "ce soir" | "ce midi" | "cet apres-midi" | "ce jour" => Some(0),
        "hier" => Some(-1),
        "avant-hier" | "avant hier" => Some(-2),
        "demain" => Some(1),
        "apres-demain" | "apres demain" => Some(2),
        _ => None,
    };
    if let Some(o) = day_offset {
        let p = published(text, ctx)?;
        return Ok(Some(days(p + o, p + o)));
    }
    let t = text.replace("weekend", "week-end");
    let r = match t.as_str() {
        "cette nuit" => {
            let p = published(text, ctx)?;
            days(p - 1, p + 1)
        }
        "la nuit derniere" => {
            let p = published(text, ctx)?;
            days(p - 1, p)
        }
        "cette semaine"
        | "la semaine prochaine"
        | "semaine prochaine"
        | "la semaine derniere"
        | "semaine derniere"
        | "la semaine passee"
        | "la semaine precedente" => {
            let p = published(text, ctx)?;
            let monday = p - weekday_of(p);
            let shift = if t.contains("prochaine") {
                7
            } else if t.starts_with("cette") {
                0
            } else {
                -7
            };
            days(monday + shift, monday + shift + 6)
        }
        "le mois dernier" | "le mois prochain" | "le mois passe" | "ce mois-ci" | "ce mois" | "mois dernier"
        | "mois prochain" => {
            let pd = pub_date(text, ctx)?;
            let delta = if t.contains("prochain") {
                1
            } else if t.starts_with("ce") {
                0
            } else {
                -1
            };
            let first = pd
                .first_of_month()
                .checked_add(jiff::Span::new().months(delta))
                .map_err(|_| NormalizeError::NoValue)?;
            days(day_number(first), day_number(first.last_of_month()))
        }
        "l'annee derniere" | "l'annee prochaine" | "l'annee passee" | "l'an dernier" | "l'an prochain"
        | "l'an passe" | "cette annee" => {
            let py = pub_date(text, ctx)?.year();
            let y = if t.contains("prochain") {
                py + 1
            } else if t.starts_with("cette") {
                py
            } else {
                py - 1
            };
            days(month_start(y, 1)?, month_end(y, 12)?)
        }
        "ce week-end" | "le week-end" | "le week-end dernier" | "le week-end prochain" => {
            let p = published(text, ctx)?;
            let pw = weekday_of(p);
            // The Saturday of the weekend that contains or follows `p`, and
            // the one that precedes it.
            let next_sat = if pw >= 5 { p - (pw - 5) } else { p + (5 - pw) };
            let prev_sat = next_sat - 7;
            let sat = if t.ends_with("dernier") {
                prev_sat
            } else if t.ends_with("prochain") {
                if pw >= 5 {
                    next_sat + 7
                } else {
                    next_sat
                }
            } else if pw >= 5 {
                next_sat
            } else {
                let to_next = next_sat - p;
                let to_prev = p - (prev_sat + 1);
                match (to_next.cmp(&to_prev), tense(ctx.around)) {
                    (std::cmp::Ordering::Equal, Some(Tense::Past)) => prev_sat,
                    (std::cmp::Ordering::Greater, _) => prev_sat,
                    _ => next_sat,
                }
            };
            days(sat, sat + 1)
        }
        _ => return Ok(None),
    };
    Ok(Some(r))
}

/// `il y a deux ans`, `dans trois jours`.
fn offset(text: &str, dir: &str, what: &str, ctx: &Context) -> Res<Option<Range>> {
    let sign = if dir == "dans" { 1 } else { -1 };
    if let Some((unit, n)) = duration::calendar_unit(what) {
        let pd = pub_date(text, ctx)?;
        let n = (n as i64) * sign;
        let span = match unit {
            CalendarUnit::Month => jiff::Span::new().try_months(n),
            CalendarUnit::Year => jiff::Span::new().try_years(n),
        }
        .map_err(|_| NormalizeError::NoValue)?;
        let d = pd.checked_add(span).map_err(|_| NormalizeError::NoValue)?;
        let n = day_number(d);
        return Ok(Some(days(n, n)));
    }
    let Some(len) = duration::duration(what) else {
        return Ok(None);
    };
    if !len.lo.is_finite() || !len.hi.is_finite() || len.hi > 1e6 {
        return Err(NormalizeError::NoValue);
    }
    let p = published(text, ctx)? as f64;
    let r = if sign > 0 {
        Range::closed(p + len.lo.floor(), p + len.hi.ceil())
    } else {
        Range::closed(p - len.hi.ceil(), p - len.lo.floor())
    };
    Ok(Some(r))
}

fn day_range(text: &str, c: &regex::Captures, ctx: &Context) -> Res<Range> {
    let d1 = day_of(cap(c, "d1")).ok_or(NormalizeError::NoValue)?;
    let d2 = day_of(cap(c, "d2")).ok_or(NormalizeError::NoValue)?;
    let y = c.name("y").and_then(|y| y.as_str().parse::<i16>().ok());
    let (end_y, end_m) = if let Some(m) = c.name("m2") {
        let m = month_of(m.as_str()).ok_or(NormalizeError::NoValue)?;
        let end = day_month(text, y, m, d2, None, ctx)?;
        let e = date_from_day_number(end).ok_or(NormalizeError::NoValue)?;
        (e.year(), m)
    } else {
        let pd = pub_date(text, ctx)?;
        let delta = if c.name("next").is_some() { 1 } else { 0 };
        let first = pd
            .first_of_month()
            .checked_add(jiff::Span::new().months(delta))
            .map_err(|_| NormalizeError::NoValue)?;
        (first.year(), first.month())
    };
    let end = ymd(end_y, end_m, d2).ok_or(NormalizeError::NoValue)?;
    let start = match c.name("m1").and_then(|m| month_of(m.as_str())) {
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

fn numeric(text: &str, c: &regex::Captures, ctx: &Context) -> Res<Range> {
    let num = |name: &str| c.name(name).and_then(|m| m.as_str().parse::<i16>().ok());
    if let (Some(y), Some(m), Some(d)) = (num("y1"), num("m1"), num("d1")) {
        let n = ymd(y, m as i8, d as i8).ok_or(NormalizeError::NoValue)?;
        return Ok(days(n, n));
    }
    if let (Some(d), Some(m)) = (num("d2"), num("m2")) {
        // A dot or dash without a year is no date (`1.5`, `10-12`).
        let sep = cap(c, "s");
        let y = match c.name("y2") {
            Some(ys) => {
                let v = num("y2").ok_or(NormalizeError::NoValue)?;
                Some(if ys.as_str().len() == 2 { two_digit_year(v) } else { v })
            }
            None if sep == "/" => None,
            None => return Err(NormalizeError::NoValue),
        };
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

/// `05/05/89` → 1989, `3-7-27` → 2027: below 50 is this century.
fn two_digit_year(yy: i16) -> i16 {
    if yy < 50 {
        2000 + yy
    } else {
        1900 + yy
    }
}

fn month_period(text: &str, c: &regex::Captures, ctx: &Context) -> Res<Range> {
    let m = month_of(cap(c, "m")).ok_or(NormalizeError::NoValue)?;
    let y = match c.name("y").and_then(|y| y.as_str().parse::<i16>().ok()) {
        Some(y) => y,
        None => {
            let pd = pub_date(text, ctx)?;
            let (py, pm) = (pd.year(), pd.month());
            if c.name("this").is_some() {
                py
            } else if c.name("q").is_some_and(|q| q.as_str() == "dernier") {
                if m < pm {
                    py
                } else {
                    py - 1
                }
            } else if c.name("next0").is_some() || c.name("q").is_some() {
                if m > pm {
                    py
                } else {
                    py + 1
                }
            } else {
                let p = day_number(pd);
                let mut best: Option<(i32, i16)> = None;
                for y in [py - 1, py, py + 1] {
                    let (a, b) = (month_start(y, m)?, month_end(y, m)?);
                    let dist = if p < a {
                        a - p
                    } else if p > b {
                        p - b
                    } else {
                        0
                    };
                    if !matches!(best, Some((d, _)) if d <= dist) {
                        best = Some((dist, y));
                    }
                }
                best.map_or(py, |(_, y)| y)
            }
        }
    };
    let (a, b) = (month_start(y, m)?, month_end(y, m)?);
    Ok(match c.name("part").map(|p| p.as_str()) {
        Some("debut") => days(a, a + 9),
        Some("mi" | "milieu") => days(a + 10, a + 19),
        Some("fin") => days(a + 20, b),
        _ => days(a, b),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::french::fold;

    fn on(published: &str, text: &str) -> (String, String) {
        on_around(published, text, "")
    }

    fn on_around(published: &str, text: &str, around: &str) -> (String, String) {
        let ctx = Context {
            published: Some(published.parse().unwrap()),
            around,
        };
        let r = date(&fold(text), &ctx).unwrap_or_else(|e| panic!("{text:?}: {e:?}"));
        let show = |n: f64| date_from_day_number(n as i32).unwrap().to_string();
        (show(r.lo), show(r.hi))
    }

    fn day(published: &str, text: &str) -> String {
        let (a, b) = on(published, text);
        assert_eq!(a, b, "{text:?} is not one day");
        a
    }

    #[test]
    fn bare_weekday_is_the_nearest_occurrence() {
        // 2025-07-22 is a Tuesday.
        assert_eq!(day("2025-07-22", "mercredi"), "2025-07-23");
        assert_eq!(day("2025-07-22", "jeudi"), "2025-07-24");
        assert_eq!(day("2025-07-22", "lundi"), "2025-07-21");
        assert_eq!(day("2025-07-22", "mardi"), "2025-07-22");
        assert_eq!(day("2025-07-22", "dimanche"), "2025-07-20");
        assert_eq!(day("2025-07-22", "ce mercredi"), "2025-07-23");
    }

    #[test]
    fn tense_decides_between_equally_near_weekdays() {
        // From Tuesday, Friday is 3 days ahead and Saturday 4 days back… and
        // Saturday 4 ahead / 3 back.
        let r = on_around("2025-07-22", "vendredi", "Le sommet se tiendra vendredi");
        assert_eq!(r.0, "2025-07-25");
        let r = on_around("2025-07-22", "vendredi", "Le ministre a annoncé vendredi que");
        assert_eq!(r.0, "2025-07-18");
        let r = on_around("2025-07-22", "samedi", "La manifestation sera organisée samedi");
        assert_eq!(r.0, "2025-07-26");
        let r = on_around("2025-07-22", "samedi", "");
        assert_eq!(r.0, "2025-07-19");
        // Tense does not overturn a clearly nearer day.
        let r = on_around("2025-07-22", "mercredi", "Il a annoncé mercredi");
        assert_eq!(r.0, "2025-07-23");
    }

    #[test]
    fn prochain_and_dernier_are_strict() {
        assert_eq!(day("2025-07-21", "mercredi prochain"), "2025-07-23");
        assert_eq!(day("2025-07-22", "mardi prochain"), "2025-07-29");
        assert_eq!(day("2025-07-22", "mardi dernier"), "2025-07-15");
        assert_eq!(day("2025-07-22", "mercredi dernier"), "2025-07-16");
    }

    #[test]
    fn weekday_in_a_named_week() {
        assert_eq!(day("2016-11-07", "vendredi de la semaine prochaine"), "2016-11-18");
        assert_eq!(day("2016-11-07", "dimanche de la semaine dernière"), "2016-11-06");
        assert_eq!(day("2016-11-07", "vendredi cette semaine"), "2016-11-11");
    }

    #[test]
    fn time_of_day_is_dropped() {
        assert_eq!(day("2025-07-22", "lundi soir"), "2025-07-21");
        assert_eq!(day("2025-07-22", "mardi matin"), "2025-07-22");
        assert_eq!(day("2025-07-22", "hier soir"), "2025-07-21");
        assert_eq!(day("2013-02-12", "le 2 mars à 5h"), "2013-03-02");
    }

    #[test]
    fn night_spans_cover_both_days() {
        assert_eq!(
            on("2025-07-22", "dans la nuit de dimanche à lundi"),
            ("2025-07-20".into(), "2025-07-21".into())
        );
        assert_eq!(
            on("2025-07-22", "la nuit du 20 au 21 juillet"),
            ("2025-07-20".into(), "2025-07-21".into())
        );
    }

    #[test]
    fn absolute_dates_with_and_without_year() {
        assert_eq!(day("2025-07-22", "le 2 juin 2025"), "2025-06-02");
        assert_eq!(day("2025-07-22", "1er août"), "2025-08-01");
        assert_eq!(day("2025-07-22", "lundi 21 juillet"), "2025-07-21");
        assert_eq!(day("2025-07-22", "le 2 février"), "2025-02-02");
        assert_eq!(day("2025-12-20", "le 5 janvier"), "2026-01-05");
        // The weekday picks the year: 21 July was a Monday in 2025 and 2026 has a Tuesday.
        assert_eq!(day("2025-12-30", "mardi 21 juillet"), "2026-07-21");
        assert_eq!(day("2016-11-07", "Lundi 12 Janvier, 2016"), "2016-01-12");
        let ctx = Context::default();
        assert_eq!(
            date(&fold("le 2 juin 2025"), &ctx),
            Ok(Range::exact(day_number(Date::constant(2025, 6, 2)) as f64))
        );
    }

    #[test]
    fn relative_days() {
        assert_eq!(day("2025-07-22", "hier"), "2025-07-21");
        assert_eq!(day("2025-07-22", "aujourd’hui"), "2025-07-22");
        assert_eq!(day("2025-07-22", "demain"), "2025-07-23");
        assert_eq!(day("2025-07-22", "avant-hier"), "2025-07-20");
        assert_eq!(day("2025-07-22", "après-demain"), "2025-07-24");
        assert_eq!(day("2016-11-07", "il y a deux ans"), "2014-11-07");
        assert_eq!(day("2016-11-07", "dans trois jours"), "2016-11-10");
    }

    #[test]
    fn months_and_parts_of_months() {
        let p = "2025-07-22";
        assert_eq!(on(p, "en mai"), ("2025-05-01".into(), "2025-05-31".into()));
        assert_eq!(on(p, "fin juin"), ("2025-06-21".into(), "2025-06-30".into()));
        assert_eq!(on(p, "mi-juillet"), ("2025-07-11".into(), "2025-07-20".into()));
        assert_eq!(on(p, "début mai"), ("2025-05-01".into(), "2025-05-10".into()));
        assert_eq!(on(p, "en juin dernier"), ("2025-06-01".into(), "2025-06-30".into()));
        assert_eq!(on(p, "en juillet dernier"), ("2024-07-01".into(), "2024-07-31".into()));
        assert_eq!(on(p, "en mars prochain"), ("2026-03-01".into(), "2026-03-31".into()));
        assert_eq!(on(p, "en mai 2023"), ("2023-05-01".into(), "2023-05-31".into()));
        assert_eq!(on(p, "fin du mois de mars"), ("2025-03-21".into(), "2025-03-31".into()));
    }

    #[test]
    fn years_and_parts_of_years() {
        let p = "2025-07-22";
        assert_eq!(on(p, "en 2022"), ("2022-01-01".into(), "2022-12-31".into()));
        assert_eq!(on(p, "début 2022"), ("2022-01-01".into(), "2022-04-30".into()));
        assert_eq!(on(p, "mi-2022"), ("2022-05-01".into(), "2022-08-31".into()));
        assert_eq!(on(p, "fin 2022"), ("2022-09-01".into(), "2022-12-31".into()));
        assert_eq!(on(p, "les années 70"), ("1970-01-01".into(), "1979-12-31".into()));
    }

    #[test]
    fn weeks_months_years_relative_to_publication() {
        let p = "2025-07-22";
        assert_eq!(on(p, "cette semaine"), ("2025-07-21".into(), "2025-07-27".into()));
        assert_eq!(
            on(p, "la semaine prochaine"),
            ("2025-07-28".into(), "2025-08-03".into())
        );
        assert_eq!(on(p, "la semaine dernière"), ("2025-07-14".into(), "2025-07-20".into()));
        assert_eq!(on(p, "le mois dernier"), ("2025-06-01".into(), "2025-06-30".into()));
        assert_eq!(on(p, "l'an prochain"), ("2026-01-01".into(), "2026-12-31".into()));
        assert_eq!(on(p, "ce week-end"), ("2025-07-19".into(), "2025-07-20".into()));
        assert_eq!(
            on("2025-07-24", "ce week-end"),
            ("2025-07-26".into(), "2025-07-27".into())
        );
    }

    #[test]
    fn numeric_dates_day_first() {
        let p = "2016-11-07";
        assert_eq!(day(p, "21/04/2016"), "2016-04-21");
        assert_eq!(day(p, "21/04/16"), "2016-04-21");
        assert_eq!(day(p, "2015-08-12"), "2015-08-12");
        assert_eq!(day(p, "02/22/2016"), "2016-02-22");
        assert_eq!(day(p, "22/04"), "2017-04-22");
        assert_eq!(on(p, "2016-11"), ("2016-11-01".into(), "2016-11-30".into()));
    }

    #[test]
    fn day_ranges() {
        let p = "2013-02-12";
        assert_eq!(on(p, "du 13 au 15 juillet"), ("2013-07-13".into(), "2013-07-15".into()));
        assert_eq!(on(p, "13-15 juillet"), ("2013-07-13".into(), "2013-07-15".into()));
        assert_eq!(
            on(p, "entre le 13 et le 15 juillet"),
            ("2013-07-13".into(), "2013-07-15".into())
        );
        assert_eq!(
            on(p, "du 10 juin au 1er juillet"),
            ("2013-06-10".into(), "2013-07-01".into())
        );
    }

    #[test]
    fn relative_dates_need_a_publication_date() {
        let ctx = Context::default();
        for t in [
            "mercredi",
            "hier",
            "le 2 juin",
            "en mai",
            "la semaine prochaine",
            "22/04",
            "le 16",
        ] {
            assert!(
                matches!(date(&fold(t), &ctx), Err(NormalizeError::Unresolved(_))),
                "{t}"
            );
        }
    }
}
