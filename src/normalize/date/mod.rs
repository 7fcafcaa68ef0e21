//! French dates, as intervals of day numbers, resolved against the
//! publication date. This module reads a phrase layer by layer ([`date`]);
//! each form is resolved by its concern: `relative` (weekdays, `hier`,
//! offsets, spans), `absolute` (days of a named month, numeric dates,
//! holidays), `period` (months, seasons, parts and ranks), over the day
//! arithmetic of `calendar`. The English reader (`normalize::english::date`)
//! shares all four.
//!
//! The rules (documented with examples in `docs/values.md`):
//!
//! * A date with its year is read as written; a weekday that disagrees with
//!   it is ignored (the day number is trusted).
//! * A day and month without a year take the year (publication year, the one
//!   before or after) that puts the date nearest to the publication; a stated
//!   weekday picks among those years the ones where it fits. Holidays on a
//!   fixed day (`Noël`, `la Toussaint`) likewise.
//! * A bare weekday (`mercredi`, `ce mercredi`) is the publication day if it
//!   is that weekday, else the nearest occurrence; when the two candidates are
//!   3 and 4 days away, the verb tense of the sentence decides (past → the
//!   earlier, future → the later; undecided → the nearer). `prochain` is the
//!   next occurrence strictly after the publication, `dernier` the last one
//!   strictly before. `de la semaine prochaine` / `dernière` / `cette semaine`
//!   pick the day in that Monday–Sunday week.
//! * Months and seasons without a year take the nearest one; `en juin dernier`
//!   is the last June before the publication month, `juin prochain` the next
//!   one after. `début` is days 1–10, `mi-` 11–20, `fin` 21–end. `début 2022`
//!   is January–April, `mi-2022` May–August, `fin 2022` September–December.
//!   `en début de semaine` is Monday–Wednesday, `en milieu de semaine`
//!   Tuesday–Thursday, `en fin de semaine` Thursday–Sunday.
//! * `les 3 derniers jours`, `les 2 prochaines semaines`: from the start of
//!   the first unit to the publication day (or from it to the end of the last
//!   unit), which covers both the calendar and the rolling reading.
//! * A phrase is read in layers: an anchor (`la veille de`, `la nuit du`, `la
//!   semaine du`), a clock time before the day (`à 15h jeudi`), the day, a
//!   time of day after it (`lundi soir`, `le 2 mars à 5h`), which is dropped.
//! * `-là` (`ce jour-là`) refers to a day of the story: no value.
//! * Anything relative with no publication date is `Unresolved`.

pub(crate) mod absolute;
pub(crate) mod calendar;
pub(crate) mod period;
pub(crate) mod relative;
#[cfg(test)]
mod tests;

pub use calendar::weekday_of;

use super::number;
use super::{Context, NormalizeError};
use crate::french::date_grammar::PIECES;
use crate::french::vocab::{eq_folded, MONTHS, WEEKDAYS, WEEKDAY_ABBREVIATIONS};
use crate::surface::folded;
use crate::value::Range;
use absolute::{day_alone, day_range, days_with_month, holiday, numeric, numeric_range};
use calendar::{days, month_end, month_start, published};
use period::{month_of_phrase, nth, part, season};
use regex::Regex;
use relative::{offset, relative_word, span, weekday};
use std::sync::LazyLock;

type Res<T> = Result<T, NormalizeError>;

fn re(pattern: String) -> Regex {
    Regex::new(&pattern).expect("static regex")
}

/// A piece of the grammar, read whole: `^piece$`, folded.
fn whole(piece: &str) -> Regex {
    re(format!("^(?:{})$", folded(piece)))
}

/// A time of day after a day: `soir`, `en fin de matinée`, `à 5h`, `vers 6h dans la soirée`.
static TOD: LazyLock<Regex> = LazyLock::new(|| {
    re(format!(
        r"^(?P<head>.+?) (?:{dp}|{cs}(?: {dp})?)$",
        dp = folded(PIECES.day_part),
        cs = folded(&PIECES.clock_span)
    ))
});
/// A clock time before a day: `à 3 heures cet après-midi`, `13h30 samedi
/// 21 septembre`; with any of the prepositions a clock time takes after a
/// day, since the words may come from elsewhere than the finder.
static LEAD_CLOCK: LazyLock<Regex> = LazyLock::new(|| re(format!(r"^{} (?P<rest>.+)$", folded(&PIECES.clock_span))));
/// `la veille de`, `le lendemain du`, `la nuit du`, `la matinée du`, `la semaine du`.
static ANCHOR: LazyLock<Regex> = LazyLock::new(|| re(format!(r"^{}(?P<rest>.+)$", folded(&PIECES.anchor))));
static HOLIDAY: LazyLock<Regex> = LazyLock::new(|| whole(&PIECES.holiday));
static SEASON: LazyLock<Regex> = LazyLock::new(|| whole(&PIECES.season));
static WD_RANGE: LazyLock<Regex> = LazyLock::new(|| whole(&PIECES.weekday_range));
/// `le 2 juin 2025`, `du 13 au 15 juillet`, `lundi 1er au mercredi 10 juillet`, `le 5 de ce mois`.
static DAYS: LazyLock<Regex> = LazyLock::new(|| whole(&PIECES.days_with_month));
/// `du 13 au 18`, `entre le 13 et le dix-huit`: the publication month.
static DAYS_NO_MONTH: LazyLock<Regex> = LazyLock::new(|| whole(&PIECES.days_without_month));
static NUMERIC: LazyLock<Regex> = LazyLock::new(|| whole(&PIECES.numeric));
static NUMERIC_RANGE: LazyLock<Regex> = LazyLock::new(|| whole(&PIECES.numeric_range));
/// `le 16`, `mercredi 13`, `le mercredi 13`.
static WD_DAY: LazyLock<Regex> = LazyLock::new(|| whole(&PIECES.weekday_day));
static WD_REL: LazyLock<Regex> = LazyLock::new(|| whole(&PIECES.weekday));
static OFFSET: LazyLock<Regex> = LazyLock::new(|| re(format!(r"^{}(?P<d>.+)$", folded(&PIECES.offset_head))));
static SPAN: LazyLock<Regex> = LazyLock::new(|| whole(&PIECES.span));
/// `le premier mercredi du mois`, `au troisième trimestre 2016`: the rank
/// and the unit, then what it is of (read by [`OF_MONTH`] or [`OF_REL`]).
static NTH: LazyLock<Regex> = LazyLock::new(|| {
    let p = &*PIECES;
    re(format!(
        r"^{}(?P<o>{}) (?P<u>{}|{})(?: (?:{}(?P<of>.+)|(?P<y>[12]\d{{3}})))?$",
        folded(p.rank_article),
        folded(p.ordinal),
        folded(p.ranked_quarter),
        folded(&p.ranked_day),
        folded(p.rank_of)
    ))
});
static PART: LazyLock<Regex> = LazyLock::new(|| re(format!(r"^{}(?P<rest>.+)$", folded(&PIECES.part_head))));
/// The target of a part or a rank: `juin`, `mois de mars`, `juin 2025`, `juin dernier`.
static OF_MONTH: LazyLock<Regex> = LazyLock::new(|| whole(&PIECES.of_month));
/// The same, relative: `ce mois`, `l'année prochaine`, `2022`, `la semaine dernière`.
static OF_REL: LazyLock<Regex> = LazyLock::new(|| {
    let p = &*PIECES;
    re(format!(
        "^(?:{}|{}|{}|{})$",
        folded(&p.of_this_month),
        folded(&p.of_this_year),
        folded(&p.of_year),
        folded(&p.of_week)
    ))
});
static MONTH_P: LazyLock<Regex> = LazyLock::new(|| whole(&PIECES.month));
static YEAR_P: LazyLock<Regex> = LazyLock::new(|| whole(&PIECES.year));
static DECADE: LazyLock<Regex> = LazyLock::new(|| whole(&PIECES.decade));

/// The day interval of a folded date phrase.
pub fn date(folded: &str, ctx: &Context) -> Res<Range> {
    let text = canon(folded);
    // `ce jour-là`, `cette semaine-là`: a day of the story, not of the publication.
    if text.ends_with("-la") {
        return Err(NormalizeError::NoValue);
    }
    phrase(&text, ctx, 0)
}

/// A phrase, peeled layer by layer: the day itself, else an anchor before
/// it, a clock time before it, a time of day after it.
fn phrase(text: &str, ctx: &Context, depth: u8) -> Res<Range> {
    if depth > 4 {
        return Err(NormalizeError::NoValue);
    }
    if let Some(r) = fixed(text, ctx)? {
        return Ok(r);
    }
    let mut unresolved = None;
    let mut attempt = |r: Res<Range>| -> Option<Range> {
        match r {
            Ok(r) => Some(r),
            Err(e @ NormalizeError::Unresolved(_)) => {
                unresolved.get_or_insert(e);
                None
            }
            Err(NormalizeError::NoValue | NormalizeError::OutOfCalendar) => None,
        }
    };
    if let Some(c) = ANCHOR.captures(text) {
        if let Some(r) = attempt(phrase(cap(&c, "rest"), ctx, depth + 1).and_then(|r| anchored(&c, r))) {
            return Ok(r);
        }
    }
    if let Some(c) = LEAD_CLOCK.captures(text) {
        if let Some(r) = attempt(phrase(cap(&c, "rest"), ctx, depth + 1)) {
            return Ok(r);
        }
    }
    if let Some(c) = TOD.captures(text) {
        if let Some(r) = attempt(phrase(cap(&c, "head"), ctx, depth + 1)) {
            return Ok(r);
        }
    }
    Err(unresolved.unwrap_or(NormalizeError::NoValue))
}

/// The day an anchor points to: the day before or after, the night that
/// starts on that day, the Monday–Sunday week of that day.
fn anchored(c: &regex::Captures, r: Range) -> Res<Range> {
    let (lo, hi) = (r.lo as i32, r.hi as i32);
    Ok(
        match (c.name("shift").map(|m| m.as_str()), c.name("part").map(|m| m.as_str())) {
            (Some(s), _) if s.ends_with("veille") => days(lo - 1, hi - 1),
            (Some(_), _) => days(lo + 1, hi + 1),
            (None, Some("nuit")) if lo == hi => days(lo, lo + 1),
            (None, Some("semaine")) => days(lo - weekday_of(lo), hi - weekday_of(hi) + 6),
            _ => r,
        },
    )
}

/// Every form without a layer around it.
fn fixed(text: &str, ctx: &Context) -> Res<Option<Range>> {
    // Most frequent forms first; no two of these match the same phrase.
    if let Some(r) = relative_word(text, ctx)? {
        return Ok(Some(r));
    }
    if let Some(r) = absolute::compact(text, ctx)? {
        return Ok(Some(r));
    }
    if let Some(c) = WD_REL.captures(text) {
        let wd = weekday_index(cap(&c, "wd")).ok_or(NormalizeError::NoValue)?;
        if let Some(en) = c.name("en") {
            // `lundi en huit`: a week after the coming Monday (today included).
            let p = published(text, ctx)?;
            let base = p + (wd - weekday_of(p)).rem_euclid(7);
            let n = base + if en.as_str() == "huit" { 7 } else { 14 };
            return Ok(Some(days(n, n)));
        }
        let q = c.name("q").map(|m| m.as_str());
        let week = if c.get(0).is_some_and(|m| m.as_str().contains("semaine")) {
            Some(c.name("wq").map_or("cette", |m| m.as_str()))
        } else {
            None
        };
        let n = weekday(text, wd, q, week, ctx)?;
        return Ok(Some(days(n, n)));
    }
    if let Some(c) = DAYS.captures(text) {
        return days_with_month(text, &c, ctx).map(Some);
    }
    if let Some(c) = WD_DAY.captures(text) {
        let wd = c
            .name("wd")
            .or_else(|| c.name("wd2"))
            .and_then(|w| weekday_index(w.as_str()));
        let d = day_of(cap(&c, "d")).ok_or(NormalizeError::NoValue)?;
        let n = day_alone(text, d, wd, ctx)?;
        return Ok(Some(days(n, n)));
    }
    if let Some(c) = MONTH_P.captures(text) {
        let (a, b) = month_of_phrase(text, &c, ctx)?;
        return Ok(Some(days(a, b)));
    }
    if let Some(c) = PART.captures(text) {
        if let Some(r) = part(text, &c, ctx)? {
            return Ok(Some(r));
        }
    }
    if let Some(c) = NUMERIC_RANGE.captures(text) {
        return numeric_range(text, &c, ctx).map(Some);
    }
    if let Some(c) = NUMERIC.captures(text) {
        return numeric(text, &c, ctx).map(Some);
    }
    if let Some(c) = YEAR_P.captures(text) {
        let y: i16 = cap(&c, "y").parse().map_err(|_| NormalizeError::NoValue)?;
        return Ok(Some(days(month_start(y, 1)?, month_end(y, 12)?)));
    }
    if let Some(c) = OFFSET.captures(text) {
        return offset(text, cap(&c, "dir"), cap(&c, "d"), ctx);
    }
    if let Some(c) = SPAN.captures(text) {
        return span(text, &c, ctx).map(Some);
    }
    if let Some(c) = NTH.captures(text) {
        return nth(text, &c, ctx).map(Some);
    }
    if let Some(c) = HOLIDAY.captures(text) {
        return holiday(text, &c, ctx).map(Some);
    }
    if let Some(c) = SEASON.captures(text) {
        return season(text, &c, ctx).map(Some);
    }
    if let Some(c) = WD_RANGE.captures(text) {
        let w1 = weekday_index(cap(&c, "w1")).ok_or(NormalizeError::NoValue)?;
        let w2 = weekday_index(cap(&c, "w2")).ok_or(NormalizeError::NoValue)?;
        let start = weekday(text, w1, None, None, ctx)?;
        let len = (w2 - w1).rem_euclid(7);
        return Ok(Some(days(start, start + if len == 0 { 7 } else { len })));
    }
    if let Some(c) = DAYS_NO_MONTH.captures(text) {
        return day_range(text, &c, ctx).map(Some);
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

/// The one form whose words need tidying first: hyphenated compounds written
/// with spaces (`après midi`, `week end`), spaced hyphens, a space after `'`.
fn canon(text: &str) -> String {
    let mut t = text.trim().to_string();
    for (from, to) in [
        ("' ", "'"),
        (" - ", "-"),
        (" -", "-"),
        ("- ", "-"),
        ("apres midi", "apres-midi"),
        ("apres demain", "apres-demain"),
        ("avant hier", "avant-hier"),
        ("weekend", "week-end"),
        ("week end", "week-end"),
    ] {
        if t.contains(from) {
            t = t.replace(from, to);
        }
    }
    t
}

fn cap<'t>(c: &regex::Captures<'t>, name: &str) -> &'t str {
    c.name(name).map_or("", |m| m.as_str())
}

fn weekday_index(word: &str) -> Option<i32> {
    let w = word.trim_end_matches(['.', ',']);
    WEEKDAYS
        .iter()
        .position(|d| *d == w)
        .or_else(|| WEEKDAY_ABBREVIATIONS.iter().position(|d| *d == w))
        .map(|i| i as i32)
}

fn month_of(word: &str) -> Option<i8> {
    let w = word.trim_end_matches('.');
    MONTHS.iter().find(|(m, _)| eq_folded(m, w)).map(|(_, n)| *n)
}

fn day_of(word: &str) -> Option<i8> {
    let w = word.trim();
    let v = match w {
        "1er" | "1re" | "1ere" | "premier" => 1.0,
        _ => {
            let digits = w.trim_end_matches("eme").trim_end_matches('e');
            match digits.parse::<f64>() {
                Ok(v) => v,
                Err(_) => number::words(&w.replace('-', " "))?,
            }
        }
    };
    (1.0..=31.0).contains(&v).then_some(v as i8)
}
