//! Dates, as intervals of day numbers, resolved against the publication date.
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

use super::duration::{self, CalendarUnit};
use super::number;
use super::tense::{tense_in, Tense};
use super::{Context, NormalizeError};
use crate::french::vocab::{
    eq_folded, fold, DAY_WORDS, HOLIDAYS, HOLIDAY_QUALIFIERS, MONTHS, SEASONS, WEEKDAYS, WEEKDAY_ABBREVIATIONS,
};
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
    clock: String,
    day_part: String,
}

static P: LazyLock<Pieces> = LazyLock::new(|| {
    let wd = WEEKDAYS.join("|");
    let wda = format!("{}|{}", WEEKDAYS.join("|"), WEEKDAY_ABBREVIATIONS.join("|"));
    let month = MONTHS.iter().map(|(m, _)| fold(m)).collect::<Vec<_>>().join("|");
    let day = format!(
        r"1er|1re|1ere|(?:3[01]|[12]\d|0?[1-9])(?:e|eme)?|{}",
        DAY_WORDS.join("|").replace(' ', "[ -]")
    );
    let hour_words = r"une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix(?:-sept|-huit|-neuf)?|onze|douze|treize|quatorze|quinze|seize|vingt(?: et une|-deux|-trois)?";
    let clock = format!(
        r"(?:(?:[01]?\d|2[0-4])(?: ?(?:h|heures?)(?: ?[0-5]\d)?| ?[h:][0-5]\d)|(?:{hour_words}) heures?|midi|minuit)(?: (?:et (?:quart|demie?)|moins (?:le )?quart|trois quarts|[0-5]\d|cinq|dix|quinze|vingt(?:-cinq)?|trente|quarante(?:-cinq)?|cinquante|trois))?(?: du (?:matin|soir|mat))?"
    );
    let day_part = r"(?:(?:en|au|a la|a l'|dans la|dans l'|dans le|pendant la|pendant le|le|la|l') ?)?(?:(?:debut|milieu|fin) (?:de la |de l' ?|du |de |d' ?))?(?:(?:tres )?tot (?:le )?)?(?:matinee|soiree|journee|apres ?- ?midi|apres midi|matin|soir|nuit|midi|dejeuner)(?: (?:tres )?tot)?".to_string();
    Pieces {
        wd,
        wda,
        month,
        day,
        clock,
        day_part,
    }
});

fn re(pattern: String) -> Regex {
    Regex::new(&pattern).expect("static regex")
}

/// A clock time or two, with their preposition.
fn clock_span() -> String {
    format!(
        r"(?:(?:(?:plutot )?(?:a )?(?:environ|vers|autour de|aux alentours de)|a|de|entre|jusqu' ?a|des) )?{c}(?: ?(?:-|a|et|jusqu' ?a) ?{c})?",
        c = P.clock
    )
}

/// A time of day after a day: `soir`, `en fin de matinée`, `à 5h`, `vers 6h dans la soirée`.
static TOD: LazyLock<Regex> = LazyLock::new(|| {
    re(format!(
        r"^(?P<head>.+?) (?:{dp}|{cs}(?: {dp})?)$",
        dp = P.day_part,
        cs = clock_span()
    ))
});
/// A clock time before a day: `à 3 heures cet après-midi`, `13h30 samedi 21 septembre`.
static LEAD_CLOCK: LazyLock<Regex> = LazyLock::new(|| re(format!(r"^{} (?P<rest>.+)$", clock_span())));
/// `la veille de`, `le lendemain du`, `la nuit du`, `la matinée du`, `la semaine du`.
static ANCHOR: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^(?:(?P<shift>la veille|a la veille|le lendemain|au lendemain) (?:d' ?|de |du )|(?:dans )?(?:la |le |l' ?)?(?P<part>matinee|soiree|nuit|journee|matin|soir|apres-midi|semaine) (?:d' ?|de |du ))(?P<rest>.+)$".to_string())
});
static HOLIDAY: LazyLock<Regex> = LazyLock::new(|| {
    let names = HOLIDAYS
        .iter()
        .map(|(h, ..)| fold(h).replace('-', "(?: ?- ?| )"))
        .collect::<Vec<_>>()
        .join("|");
    let quals = HOLIDAY_QUALIFIERS.iter().map(|q| fold(q)).collect::<Vec<_>>().join("|");
    re(format!(
        r"^(?:(?:le|la) |l' ?)?(?:(?:jour|journee) (?:de la |de l' ?|de ))?(?P<h>{names})(?: (?P<q>{quals}))?(?: (?P<y>[12]\d{{3}}))?$"
    ))
});
static SEASON: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^(?:(?:a )?l' ?|cet |cette |ce |en |au )(?P<s>printemps|ete|automne|hiver)(?: (?:(?P<q>dernier|prochain|arabe)|(?:de l' ?annee )?(?P<y>[12]\d{3})(?: ?[-/] ?(?P<y2>[12]\d{3}|\d{2}))?))?$".to_string())
});
static WD_RANGE: LazyLock<Regex> = LazyLock::new(|| {
    re(format!(
        r"^(?:(?:du|de) )?(?P<w1>{wd}) (?:a|au|jusqu' ?au) (?P<w2>{wd})$",
        wd = P.wd
    ))
});
/// `le 2 juin 2025`, `du 13 au 15 juillet`, `lundi 1er au mercredi 10 juillet`, `le 5 de ce mois`.
static DAYS: LazyLock<Regex> = LazyLock::new(|| {
    let p = &*P;
    re(format!(
        r"^(?:(?:le|du|au|entre le|entre) )?(?:(?P<wd1>{wda})\.?,? ?)?(?P<d1>{day})(?:(?: |-)(?:de |d' ?)?(?P<m1>{month})\.?)?(?:(?: ?- ?| (?:au|a|jusqu' ?au|jusqu' ?a|et le|et) )(?:le )?(?:(?:{wda})\.?,? ?)?(?P<d2>{day}))?(?: |-)(?:de |d' ?)?(?:(?P<m2>{month})\.?(?:,? (?P<y>[12]\d{{3}}))?|(?P<this>(?:ce|cette) mois(?:-ci)?)|(?P<next>(?:du )?mois prochain))$",
        wda = p.wda,
        day = p.day,
        month = p.month
    ))
});
/// `du 13 au 18`, `entre le 13 et le dix-huit`: the publication month.
static DAYS_NO_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    re(format!(
        r"^(?:du|entre le) (?P<d1>{day}) (?:au|jusqu' ?au|et le) (?P<d2>{day})$",
        day = P.day
    ))
});
static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^(?:le )?(?:(?P<y1>\d{4})[-/.](?P<m1>\d{1,2})[-/.](?P<d1>\d{1,2})|(?P<d2>\d{1,2})(?P<s>[-/.])(?P<m2>\d{1,2})(?:[-/.](?P<y2>\d{4}|\d{2}))?|(?P<y3>[12]\d{3}) ?[-/.] ?(?P<m3>\d{1,2})|(?P<m4>\d{1,2}) ?[-/] ?(?P<y4>[12]\d{3}))$".to_string())
});
/// `le 16`, `mercredi 13`, `le mercredi 13`.
static WD_DAY: LazyLock<Regex> = LazyLock::new(|| {
    re(format!(
        r"^(?:le (?:(?P<wd>{wda})\.?,? ?)?|(?P<wd2>{wda})\.?,? ?)(?P<d>1er|3[01]|[12]\d|0?[1-9])$",
        wda = P.wda
    ))
});
static WD_REL: LazyLock<Regex> = LazyLock::new(|| {
    re(format!(
        r"^(?:ce |cette )?(?P<wd>{})\.?(?: (?P<q>prochain|derniere?|passe)| en (?P<en>huit|quinze)| (?:de )?(?:la|cette) semaine(?: (?P<wq>prochaine?|derniere?|passee|precedente))?)?$",
        P.wda
    ))
});
static OFFSET: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?P<dir>il y a|dans les|dans|d' ?ici a|d' ?ici|voici|voila) (?P<d>.+)$".to_string()));
static SPAN: LazyLock<Regex> = LazyLock::new(|| {
    let few = r"\d{1,3}|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|quinze|vingt(?:-quatre)?|trente|quarante-huit|soixante-douze|cent";
    re(format!(
        r"^(?:(?:les|des|ces) )?(?:(?P<n1>{few}) (?P<q1>derniere?|prochaine?)s?|(?P<q2>derniere?|prochaine?)s(?: (?P<n2>{few}))?) (?P<u>jours?|journees?|semaines?|mois|annees?|ans|trimestres?|heures?|minutes?|secondes?)(?P<of> (?:de|du|des|d'))?$"
    ))
});
static NTH: LazyLock<Regex> = LazyLock::new(|| {
    re(format!(
        r"^(?:(?:le|la|au|du) )?(?P<o>premiere?|1er|1re|1ere|deuxieme|troisieme|quatrieme|cinquieme|seconde?|[2-5]nde?|\d{{1,2}}(?:e|eme)|avant-derniere?|derniere?) (?P<u>trimestre|semestre|{wd}|jour|week ?-? ?end|semaine|quinzaine)(?: (?:(?:d' ?|de l' ?|de |du )(?P<of>.+)|(?P<y>[12]\d{{3}})))?$",
        wd = P.wd
    ))
});
static PART: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^(?:(?:au|en|a la|des le|des la) )?(?P<part>debut|fin|mi|milieu|courant)(?: ?- ?| )(?:d' ?|(?:de|du) (?:la |l' ?)?)?(?P<rest>.+)$".to_string())
});
/// The target of a part or a rank: `juin`, `mois de mars`, `juin 2025`, `juin dernier`.
static OF_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    re(format!(
        r"^(?:mois (?:de |d' ?))?(?P<m>{})\.?(?: (?P<y>[12]\d{{3}})| (?P<q>dernier|prochain))?$",
        P.month
    ))
});
static OF_REL: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^(?:(?:ce )?(?P<mois>mois)(?: (?P<mq>prochain|dernier|passe))?|(?:(?:cette |l' ?)?annee)(?: (?P<aq>prochaine|derniere|passee)| (?P<ay>[12]\d{3}))?|(?:l' ?annee )?(?P<y>[12]\d{3})|(?P<semaine>semaine)(?: (?P<sq>prochaine|derniere|passee))?)$".to_string())
});
static MONTH_P: LazyLock<Regex> = LazyLock::new(|| {
    re(format!(
        r"^(?:en |au mois (?:de |d' ?)|(?:le )?mois (?:de |d' ?)|(?P<this>ce |cette )|(?P<next0>prochain ))?(?P<m>{})\.?(?: (?P<y>[12]\d{{3}})| (?P<q>dernier|prochain))?$",
        P.month
    ))
});
static YEAR_P: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?:(?:en|au cours de|courant) (?:(?:de )?l' ?annee )?)?(?P<y>(?:19|20)\d{2})$".to_string()));
static DECADE: LazyLock<Regex> =
    LazyLock::new(|| re(r"^les annees (?:(?P<full>(?:19|20)\d0)|(?P<short>\d0)|(?P<words>[a-z -]+))$".to_string()));

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

/// `le 2 juin [2025]`, `lundi 21 juillet`.
pub(crate) fn day_month(text: &str, y: Option<i16>, m: i8, d: i8, wd: Option<i32>, ctx: &Context) -> Res<i32> {
    if let Some(y) = y {
        return ymd(y, m, d).ok_or(NormalizeError::NoValue);
    }
    let p = published(text, ctx)?;
    let py = pub_date(text, ctx)?.year();
    let candidates: Vec<i32> = [py - 1, py, py + 1].iter().filter_map(|&y| ymd(y, m, d)).collect();
    nearest(p, &candidates, wd).ok_or(NormalizeError::NoValue)
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

/// A day of the month alone (`le 16`, `mercredi 13`): the month before, of
/// or after the publication that puts it nearest (weekday fitting if given).
pub(crate) fn day_alone(text: &str, d: i8, wd: Option<i32>, ctx: &Context) -> Res<i32> {
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
fn weekday(text: &str, wd: i32, q: Option<&str>, week: Option<&str>, ctx: &Context) -> Res<i32> {
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
            let back = 7 - forward;
            Ok(
                match (
                    forward.cmp(&back),
                    (forward - back).abs() <= 1,
                    tense_in(ctx.around, ctx.lang),
                ) {
                    (_, true, Some(Tense::Past)) => p - back,
                    (_, true, Some(Tense::Future)) => p + forward,
                    (std::cmp::Ordering::Less, ..) => p + forward,
                    _ => p - back,
                },
            )
        }
    }
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

/// `aujourd'hui`, `hier`, `la semaine prochaine`, `ce week-end`…
fn relative_word(text: &str, ctx: &Context) -> Res<Option<Range>> {
    let day_offset = match text {
        "aujourd'hui" | "ce matin" | "ce soir" | "ce midi" | "cet apres-midi" | "cette apres-midi" | "ce jour" => {
            Some(0)
        }
        "hier" => Some(-1),
        "avant-hier" => Some(-2),
        "demain" => Some(1),
        "apres-demain" => Some(2),
        _ => None,
    };
    if let Some(o) = day_offset {
        let p = published(text, ctx)?;
        return Ok(Some(days(p + o, p + o)));
    }
    let t = text;
    let r = match t {
        "cette nuit" => {
            let p = published(text, ctx)?;
            days(p - 1, p + 1)
        }
        "la nuit derniere" => {
            let p = published(text, ctx)?;
            days(p - 1, p)
        }
        "cette semaine"
        | "dans la semaine"
        | "la semaine prochaine"
        | "semaine prochaine"
        | "la semaine derniere"
        | "semaine derniere"
        | "la semaine passee"
        | "la semaine precedente" => {
            let shift = if t.contains("prochaine") {
                1
            } else if t.starts_with("cette") || t.starts_with("dans") {
                0
            } else {
                -1
            };
            week_of(text, shift, ctx)?
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
            let delta = if t.contains("prochain") {
                1
            } else if t.starts_with("cette") {
                0
            } else {
                -1
            };
            year_of(text, delta, ctx)?
        }
        "ce week-end" | "le week-end" | "le week-end dernier" | "le week-end prochain" => {
            let pick = if t.ends_with("dernier") {
                Pick::Last
            } else if t.ends_with("prochain") {
                Pick::Next
            } else {
                Pick::Nearest
            };
            weekend(text, pick, ctx)?
        }
        _ => return Ok(None),
    };
    Ok(Some(r))
}

/// `Noël`, `la Toussaint 2024`, `le jour de l'an`: the nearest such day, or
/// the year's. Another calendar's holiday (`Nouvel An chinois`) is no date.
fn holiday(text: &str, c: &regex::Captures, ctx: &Context) -> Res<Range> {
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
fn season(text: &str, c: &regex::Captures, ctx: &Context) -> Res<Range> {
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

/// `le 2 juin 2025`, `lundi 21 juillet`, `le 5 de ce mois`, or a range of days.
fn days_with_month(text: &str, c: &regex::Captures, ctx: &Context) -> Res<Range> {
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

/// `il y a deux ans`, `dans trois jours` (a day); `dans les 15 jours`,
/// `d'ici deux semaines` (from the publication to that day).
fn offset(text: &str, dir: &str, what: &str, ctx: &Context) -> Res<Option<Range>> {
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
fn span(text: &str, c: &regex::Captures, ctx: &Context) -> Res<Range> {
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

/// What a part or a rank applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PeriodKind {
    Week,
    Month,
    Year,
}

/// `juin`, `mois de mars 2024`, `ce mois`, `mois prochain`, `l'année`,
/// `2027`, `semaine prochaine`: its first and last days.
fn period(text: &str, what: &str, ctx: &Context) -> Res<Option<(i32, i32, PeriodKind)>> {
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

/// The calendar month `delta` months from the publication month.
pub(crate) fn rel_month(text: &str, delta: i32, ctx: &Context) -> Res<(i32, i32)> {
    let first = pub_date(text, ctx)?
        .first_of_month()
        .checked_add(jiff::Span::new().months(delta))
        .map_err(|_| NormalizeError::NoValue)?;
    Ok((day_number(first), day_number(first.last_of_month())))
}

/// `premier mercredi du mois prochain`, `le dernier jour de juin`, `la
/// première semaine d'octobre 2014`, `le premier week-end de septembre`, `la
/// deuxième quinzaine d'avril`, `au troisième trimestre 2016`.
fn nth(text: &str, c: &regex::Captures, ctx: &Context) -> Res<Range> {
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
fn part(text: &str, c: &regex::Captures, ctx: &Context) -> Res<Option<Range>> {
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

fn day_range(text: &str, c: &regex::Captures, ctx: &Context) -> Res<Range> {
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
pub(crate) fn two_digit_year(yy: i16) -> i16 {
    if yy < 50 {
        2000 + yy
    } else {
        1900 + yy
    }
}

/// `en mai`, `juin dernier`, `prochain juin`, `cette septembre`, `mai 2023`.
fn month_of_phrase(text: &str, c: &regex::Captures, ctx: &Context) -> Res<(i32, i32)> {
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
            lang: Default::default(),
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

    #[test]
    fn seasons_nearest_last_next_and_year() {
        // Published 2013-02-12, in winter.
        let p = "2013-02-12";
        assert_eq!(on(p, "cet été"), ("2013-06-01".into(), "2013-09-23".into()));
        assert_eq!(on(p, "cet hiver"), ("2012-12-01".into(), "2013-03-21".into()));
        assert_eq!(on(p, "l'hiver dernier"), ("2011-12-01".into(), "2012-03-21".into()));
        assert_eq!(on(p, "l'été dernier"), ("2012-06-01".into(), "2012-09-23".into()));
        assert_eq!(
            on(p, "au printemps prochain"),
            ("2013-03-01".into(), "2013-06-21".into())
        );
        assert_eq!(on(p, "au printemps 2024"), ("2024-03-01".into(), "2024-06-21".into()));
        assert_eq!(on(p, "à l'automne"), ("2012-09-01".into(), "2012-12-22".into()));
        assert_eq!(on(p, "l'hiver 2022-2023"), ("2022-12-01".into(), "2023-03-21".into()));
        // Either the winter that ends in 2022 or the one that starts in it.
        assert_eq!(on(p, "l'hiver 2022"), ("2021-12-01".into(), "2023-03-21".into()));
        // Published in October, `cet été` is the one just past.
        assert_eq!(on("2025-10-15", "cet été"), ("2025-06-01".into(), "2025-09-23".into()));
    }

    #[test]
    fn fixed_holidays_take_the_nearest_year() {
        assert_eq!(day("2025-12-01", "Noël"), "2025-12-25");
        assert_eq!(day("2026-02-01", "Noël"), "2025-12-25");
        assert_eq!(day("2025-07-22", "la Toussaint"), "2025-11-01");
        assert_eq!(day("2025-07-22", "le jour de la Toussaint"), "2025-11-01");
        assert_eq!(day("2025-07-22", "le jour de l'an"), "2026-01-01");
        assert_eq!(day("2025-07-22", "la fête du Travail"), "2025-05-01");
        assert_eq!(day("2025-07-22", "la Saint-Sylvestre"), "2025-12-31");
        assert_eq!(day("2025-07-22", "Noël 2022"), "2022-12-25");
        assert_eq!(
            on("2025-12-01", "le soir de Noël"),
            ("2025-12-24".into(), "2025-12-25".into())
        );
        assert_eq!(day("2025-12-01", "la veille de Noël"), "2025-12-24");
        assert_eq!(day("2025-12-01", "le lendemain de Noël"), "2025-12-26");
    }

    #[test]
    fn another_calendars_holiday_and_anaphoric_days_are_no_date() {
        let ctx = Context {
            published: Some(Date::constant(2025, 1, 20)),
            around: "",
            lang: Default::default(),
        };
        for t in [
            "le Nouvel An chinois",
            "le Noël orthodoxe",
            "ce jour-là",
            "cette semaine-là",
            "au printemps arabe",
            "les derniers jours de juin",
            "les trois dernières semaines de la campagne",
        ] {
            assert_eq!(date(&fold(t), &ctx), Err(NormalizeError::NoValue), "{t}");
        }
    }

    #[test]
    fn ranks_in_a_month_or_a_year() {
        let p = "2013-02-12";
        assert_eq!(day(p, "premier mercredi du mois prochain"), "2013-03-06");
        assert_eq!(day(p, "le dernier jour d'octobre 2015"), "2015-10-31");
        assert_eq!(day(p, "le dernier vendredi de février"), "2013-02-22");
        assert_eq!(day(p, "le deuxième lundi de mars"), "2013-03-11");
        assert_eq!(day(p, "le premier jour de l'année"), "2013-01-01");
        // The first seven days and the first Monday–Sunday week that starts in the month.
        assert_eq!(
            on(p, "la première semaine d'octobre 2014"),
            ("2014-10-01".into(), "2014-10-12".into())
        );
        assert_eq!(
            on(p, "la dernière semaine de septembre 2014"),
            ("2014-09-22".into(), "2014-09-30".into())
        );
        assert_eq!(
            on(p, "le premier week-end de mars"),
            ("2013-03-02".into(), "2013-03-03".into())
        );
        assert_eq!(
            on(p, "la deuxième quinzaine d'avril"),
            ("2013-04-15".into(), "2013-04-30".into())
        );
        assert_eq!(
            on(p, "au troisième trimestre 2016"),
            ("2016-07-01".into(), "2016-09-30".into())
        );
        // The nearest fourth quarter: the one just past.
        assert_eq!(
            on(p, "au dernier trimestre"),
            ("2012-10-01".into(), "2012-12-31".into())
        );
        assert!(date(&fold("le cinquième lundi de février"), &ctx_on(p)).is_err());
    }

    fn ctx_on(published: &str) -> Context<'static> {
        Context {
            published: Some(published.parse().unwrap()),
            around: "",
            lang: Default::default(),
        }
    }

    #[test]
    fn parts_of_weeks_months_and_years() {
        // Tuesday 2013-02-12.
        let p = "2013-02-12";
        assert_eq!(on(p, "en début de semaine"), ("2013-02-11".into(), "2013-02-13".into()));
        assert_eq!(
            on(p, "au milieu de la semaine"),
            ("2013-02-12".into(), "2013-02-14".into())
        );
        assert_eq!(on(p, "en fin de semaine"), ("2013-02-14".into(), "2013-02-17".into()));
        assert_eq!(
            on(p, "en fin de semaine prochaine"),
            ("2013-02-21".into(), "2013-02-24".into())
        );
        assert_eq!(on(p, "en fin de mois"), ("2013-02-21".into(), "2013-02-28".into()));
        assert_eq!(
            on(p, "au début du mois prochain"),
            ("2013-03-01".into(), "2013-03-10".into())
        );
        assert_eq!(on(p, "à la fin de l'année"), ("2013-09-01".into(), "2013-12-31".into()));
        assert_eq!(
            on(p, "au début de l'année dernière"),
            ("2012-01-01".into(), "2012-04-30".into())
        );
        assert_eq!(on(p, "dans la semaine"), ("2013-02-11".into(), "2013-02-17".into()));
    }

    #[test]
    fn spans_back_and_forth_from_the_publication() {
        // Tuesday 2013-02-12: from the first unit's start to the publication day.
        let p = "2013-02-12";
        assert_eq!(
            on(p, "les 3 derniers jours"),
            ("2013-02-09".into(), "2013-02-12".into())
        );
        assert_eq!(
            on(p, "les 3 prochains jours"),
            ("2013-02-12".into(), "2013-02-15".into())
        );
        assert_eq!(
            on(p, "les deux dernières semaines"),
            ("2013-01-28".into(), "2013-02-12".into())
        );
        assert_eq!(
            on(p, "les 3 prochains mois"),
            ("2013-02-12".into(), "2013-05-31".into())
        );
        assert_eq!(
            on(p, "les 24 dernières heures"),
            ("2013-02-11".into(), "2013-02-12".into())
        );
        // No count: a few, up to ten.
        assert_eq!(on(p, "ces derniers jours"), ("2013-02-02".into(), "2013-02-12".into()));
        assert_eq!(on(p, "dans les 15 jours"), ("2013-02-12".into(), "2013-02-27".into()));
        assert_eq!(on(p, "d'ici deux semaines"), ("2013-02-12".into(), "2013-02-26".into()));
        assert_eq!(on(p, "d'ici trois mois"), ("2013-02-12".into(), "2013-05-12".into()));
    }

    #[test]
    fn layers_around_a_day() {
        let p = "2013-02-12";
        assert_eq!(day(p, "à trois heures et quart demain après-midi"), "2013-02-13");
        assert_eq!(day(p, "de 9h30 à 11h jeudi"), "2013-02-14");
        assert_eq!(day(p, "jeudi de 9h à 11h"), "2013-02-14");
        assert_eq!(day(p, "le 16 vers 6h dans la soirée"), "2013-02-16");
        assert_eq!(day(p, "aujourd'hui très tôt le matin"), "2013-02-12");
        assert_eq!(day(p, "matinée du 15 février"), "2013-02-15");
        assert_eq!(day(p, "le lendemain du 13 février"), "2013-02-14");
        assert_eq!(
            on(p, "la nuit du 14 juillet"),
            ("2013-07-14".into(), "2013-07-15".into())
        );
        assert_eq!(
            on(p, "la semaine du 18 février"),
            ("2013-02-18".into(), "2013-02-24".into())
        );
        assert_eq!(day(p, "lundi en huit"), "2013-02-25");
        assert_eq!(day(p, "mardi en quinze"), "2013-02-26");
        assert_eq!(on(p, "de lundi à mercredi"), ("2013-02-11".into(), "2013-02-13".into()));
        assert_eq!(day(p, "le 14-Juillet"), "2013-07-14");
    }
}
