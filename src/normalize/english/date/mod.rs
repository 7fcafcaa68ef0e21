//! English dates, as intervals of day numbers, resolved against the
//! publication date with the same rules as the French ones (the resolution
//! helpers are `crate::normalize::date`'s). This module reads a phrase layer
//! by layer; `relative`, `absolute` and `period` read each form, as their
//! French counterparts do:
//!
//! * A date with its year is read as written. A day and month without a
//!   year take the year nearest to the publication; a day alone (`on the
//!   27th`, `Thursday the 21st`) the nearest month.
//! * A bare weekday (`Wednesday`, `on Wednesday`) is the publication day if
//!   it is that weekday, else the nearest; 3 against 4 days away, the verb
//!   tense decides. `next` and `last` are strict (the next one after the
//!   publication, the last one before it); `this Friday` is the Friday of
//!   the publication's Monday–Sunday week, `Friday next week` the one of the
//!   week after; `coming` is `next`, `past` is `last`.
//! * Numeric dates are read month first (`7/23/2025`) unless the first
//!   number cannot be a month (`23/7/2025`); when both numbers can be a
//!   month and differ (`3/7/2025`), both readings are kept (March 7 to July
//!   3): English papers write both orders.
//! * A time of day after the day is dropped (`Wednesday evening`); `night`
//!   adds the next day (`Tuesday night` runs into Wednesday).
//! * Anything relative without a publication date is `Unresolved`.

mod absolute;
mod period;
mod relative;
#[cfg(test)]
mod tests;

use super::number;
use crate::english::vocab::{fold, small_word, HOLIDAYS, MONTHS, SEASONS, WEEKDAYS, WEEKDAY_ABBREVIATIONS};
use crate::normalize::date::absolute::day_alone;
use crate::normalize::date::calendar::{days, month_end, month_start, pub_date, weekday_of};
use crate::normalize::date::period::{month_in, MonthPick};
use crate::normalize::date::relative::rel_month;
use crate::normalize::{Context, NormalizeError};
use crate::value::{date_from_day_number, Range};
use absolute::{date_range, days_of_month, holiday, numeric};
use period::{decade, earlier_later, nth, part, season};
use regex::{Captures, Regex};
use relative::{offset, relative_word, span, weekday_phrase};
use std::sync::LazyLock;

type Res<T> = Result<T, NormalizeError>;

fn re(pattern: &str) -> Regex {
    Regex::new(pattern).expect("static regex")
}

fn cap<'t>(c: &Captures<'t>, name: &str) -> &'t str {
    c.name(name).map_or("", |m| m.as_str())
}

struct Pieces {
    wd: String,
    month: String,
    day: String,
    year: String,
}

static P: LazyLock<Pieces> = LazyLock::new(|| {
    let abbr: Vec<&str> = WEEKDAY_ABBREVIATIONS.iter().map(|(w, _)| *w).collect();
    let months: Vec<&str> = MONTHS.iter().map(|(m, _)| *m).collect();
    let units = "one|two|three|four|five|six|seven|eight|nine";
    let teens = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen";
    let ord_units = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth";
    let ord_teens =
        "tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth";
    let below_100 =
        format!("(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[ -](?:{units}))?|{teens})");
    Pieces {
        wd: format!("{}|{}", WEEKDAYS.join("|"), abbr.join("|")),
        month: months.join("|"),
        day: format!(
            r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?|(?:twenty|thirty) ?-? ?(?:{ord_units})|{ord_units}|{ord_teens}|twentieth|thirtieth|twenty[ -](?:{units})|thirty(?:[ -]one)?|twenty|{teens}|{units}"
        ),
        year: format!(
            r"[12]\d{{3}}|(?:eighteen|nineteen|twenty) (?:(?:oh|zero) (?:{units})|{below_100}|hundred)|two thousand(?: and)?(?: (?:{below_100}|{units}))?"
        ),
    }
});

/// A clock time, folded: `3pm`, `10:30 am`, `noon`, `six o'clock`, a zone.
const CLOCK: &str = r"(?:(?:1[0-2]|0?[1-9])(?:[:.][0-5]\d)? ?(?:am|pm)|(?:[01]?\d|2[0-3]):[0-5]\d|noon|midnight|midday|(?:1[0-2]|0?[1-9]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) o' ?clock)(?: (?:gmt|utc|bst|cet|cest|est|edt|et|pst|pdt|pt|cst|cdt|msk|ist|jst|local time))?";

fn clock_span() -> String {
    format!(
        r"(?:(?:at|around|about|by|from|until|till|before|after|between) )?{CLOCK}(?: ?(?:-|to|and|until|till) ?{CLOCK})?"
    )
}

/// A time of day after a day: `evening`, `at 10am`, `on Friday at 3pm in the afternoon`.
static TOD: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"^(?P<head>.+?)(?:,? {}(?: (?P<p1>(?:(?:in|during) the )?(?:morning|afternoon|evening|night|lunchtime)|at (?:night|dawn|dusk|noon|midnight|midday|lunchtime)|overnight))?| (?P<p2>(?:(?:in|during) the )?(?:morning|afternoon|evening|night|lunchtime)|at (?:night|dawn|dusk|noon|midnight|midday|lunchtime)|overnight))$",
        clock_span()
    ))
});
/// A clock time before a day: `at 3pm on Friday`.
static LEAD: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"^(?:{}(?: on)?|early(?: on)?|late(?: on)?|on) (?P<rest>.+)$",
        clock_span()
    ))
});
/// `the eve of`, `the day after`, `the night of`, `the week of`.
static ANCHOR: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:the (?P<a>eve|day before|day after|night before|morning|afternoon|evening|night|week) of|(?:the )?(?P<b>day|night) (?P<dir>before|after)|(?:the )?(?P<wk>week) (?:commencing|starting|beginning)(?: on)?|(?P<wc>w/c)) (?P<rest>.+)$",
    )
});
/// `23 July 2025`, `the 23rd of July`, `Wednesday, 23 July`, `24-25 July`, `24 July to 2 August`.
static DAY_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    let p = &*P;
    re(&format!(
        r"^(?:(?:between|from) )?(?:the )?(?:(?P<wd>{wd})\.?,? ?(?:the )?)?(?P<d1>{day})\.?(?:(?: of)? (?P<m1>{month})\.?)?(?:(?: ?- ?| (?:to|and|through|thru|until|till) )(?:the )?(?:(?:{wd})\.?,? ?)?(?P<d2>{day}))?(?: of)?(?: ?- ?| ?)(?P<m2>{month})\.?(?:,? (?P<y>{year}))?$",
        wd = p.wd,
        day = p.day,
        month = p.month,
        year = p.year
    ))
});
/// `July 23`, `July 23, 2025`, `Oct. 2`, `July 24-25`, `July 24 to August 2`.
static MONTH_DAY: LazyLock<Regex> = LazyLock::new(|| {
    let p = &*P;
    re(&format!(
        r"^(?:(?:between|from) (?:(?P<d0>{day})(?: ?- ?| (?:to|and|through|thru|until|till) ))?)?(?:(?P<wd>{wd})\.?,? ?)?(?P<m1>{month})\.? ?(?:[-/] ?)?(?:the )?(?P<d1>{day})(?:(?: ?- ?| (?:to|and|through|thru|until|till) )(?:(?P<m2>{month})\.? ?)?(?:the )?(?P<d2>{day}))?(?:,? (?P<y>{year}))?$",
        wd = p.wd,
        day = p.day,
        month = p.month,
        year = p.year
    ))
});
/// `Thursday the 21st`.
static WD_THE: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"^(?P<wd>{}),? the (?P<d>{})$", WEEKDAYS.join("|"), P.day)));
/// `the 20th of next month`.
static DAY_OF_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"^(?:the )?(?P<d>{}) of (?P<q>this|next|last|previous|the next|the previous) month$",
        P.day
    ))
});
/// `on the 27th`.
static ON_THE: LazyLock<Regex> = LazyLock::new(|| re(r"^on the (?P<d>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)$"));
static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:(?P<y1>\d{4})[-/.](?P<m1>\d{1,2})[-/.](?P<d1>\d{1,2})|(?P<a>\d{1,2})(?P<s>[-/.])(?P<b>\d{1,2})(?:[-/.](?P<y2>\d{4}|\d{2}))?|(?P<y3>\d{4})[-/](?P<mon>[a-z]+)[-/](?P<d3>\d{1,2})|(?P<y5>\d{4})[-/](?P<m5>\d{1,2})|(?P<m6>\d{1,2})[-/](?P<y6>\d{4}))$",
    )
});
static WEEKDAY: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"^(?:(?P<q>this coming|this past|this|next|last|coming|past) )?(?P<wd>{wd})\.?(?:,? (?:of )?(?P<w>this|next|last) week)?$|^(?P<w2>this|next|last) week(?: on|,)? (?P<wd2>{wd})$",
        wd = P.wd
    ))
});
static OFFSET_AGO: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^(?P<d>.+?) (?:(?P<ago>ago)|(?P<dir>from|after|before) (?P<base>now|today|tomorrow|yesterday))$")
});
static OFFSET_IN: LazyLock<Regex> = LazyLock::new(|| re(r"^(?P<k>in|within) (?:(?P<next>the next) )?(?P<d>.+)$"));
static SPAN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:(?:the )?(?P<q>last|past|previous|next|coming) (?:(?P<n>.+?) )?|(?:in )?(?P<recent>recent) )(?P<u>days?|weeks?|months?|years?|quarters?|hours?|minutes?|decades?)(?P<of> of)?$|^the (?:coming (?P<u2>week|month|year)|(?P<u3>week|month|year) ahead)$",
    )
});
static NTH: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"^(?:the )?(?P<o>first|second|third|fourth|fifth|last|final|1st|2nd|3rd|4th|5th) (?:(?P<u>{wd}|day|week|weekend|fortnight|half) (?:of|in) (?P<of>.+)|quarter (?:of )?(?P<qy>.+))$|^(?:(?:in|during) )?(?:(?P<k>[qh])(?P<q>[1-4])(?: ?(?P<y>\d{{4}})| (?P<rel>this|next|last) year)?|(?P<y2>\d{{4}}) ?(?P<k2>[qh])(?P<q2>[1-4]))$",
        wd = WEEKDAYS.join("|")
    ))
});
static OF_TARGET: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"^(?:(?:the )?month of )?(?:(?P<m>{})\.?(?:,? (?:of )?(?P<y>\d{{4}}))?|(?P<q>this|next|last|previous|the) (?P<u>week|month|year)|(?P<u2>week|month|year)|(?P<y2>\d{{4}}))$",
        P.month
    ))
});
static PART: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^(?:(?:the )?(?P<p2>end|beginning|start|middle) of |(?P<p>early|mid|late|end) ?-? ?)(?P<rest>.+)$")
});
static REL_PART: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?P<p>earlier|later) (?:this|in the) (?P<u>week|month|year)$"));
/// `between March and June`, `from July 2024 to May 2025`, `between Jan 22 and now`.
static DATE_RANGE: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?:between|from) (?P<a>.+?)(?:-| (?:to|and|through|thru|until|till) )(?P<b>.+)$"));
static CENTURY: LazyLock<Regex> = LazyLock::new(|| re(r"^(?:the )?(?P<n>.+) century$"));
static FOUR_DIGITS: LazyLock<Regex> = LazyLock::new(|| re(r"\b[12]\d{3}\b"));
static MONTH_P: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"^(?:(?:in|during) (?:the month of )?|the month of |(?P<q>last|next|this|coming|past) )?(?P<m>{month})\.?(?:,? (?:of )?(?P<y>{year})| (?P<yq>this|next|last) year)?$|^(?:(?:in|during) )?(?P<y0>\d{{4}}),? (?P<m0>{month})\.?$",
        month = P.month,
        year = P.year
    ))
});
static YEAR_P: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:(?:between|from|in|during) )?(?P<y>(?:19|20)\d{2})(?:(?:-| (?:to|and|through|until|till) )(?P<y2>(?:19|20)\d{2}|\d{2}))?$",
    )
});
static DECADE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:the )?(?:(?P<full>(?:1[89]|20)\d0)'?s|'?(?P<short>\d0)'?s|(?:nineteen )?(?P<words>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))$",
    )
});
static HOLIDAY: LazyLock<Regex> = LazyLock::new(|| {
    let names: Vec<String> = HOLIDAYS.iter().map(|(h, ..)| regex::escape(&fold(h))).collect();
    re(&format!(
        r"^(?:(?P<pre>[a-z]+) new year|(?P<h>{})(?: (?P<q>[a-z]+))?(?: (?P<y>\d{{4}}))?)$",
        names.join("|")
    ))
});
static SEASON: LazyLock<Regex> = LazyLock::new(|| {
    let names: Vec<&str> = SEASONS.iter().map(|(s, ..)| *s).collect();
    re(&format!(
        r"^(?:(?:the )?(?P<arab>arab) spring|(?:(?P<q>this|last|next|the|in the|in|during the|during|early|late) )?(?P<s>{})(?: (?:of )?(?P<y>\d{{4}})(?: ?[-/] ?(?P<y2>\d{{4}}|\d{{2}}))?)?)$",
        names.join("|")
    ))
});

/// The day interval of a folded date phrase.
pub fn date(folded: &str, ctx: &Context) -> Res<Range> {
    phrase(&canon(folded), ctx, 0)
}

/// Spellings made one: `a.m.` → `am`, `’` (folded) and spaces around
/// dashes and slashes.
fn canon(text: &str) -> String {
    let mut t = text.trim().trim_end_matches(['.', ',']).to_string();
    for (from, to) in [
        ("a.m.", "am"),
        ("p.m.", "pm"),
        ("a.m", "am"),
        ("p.m", "pm"),
        (" - ", "-"),
        (" -", "-"),
        ("- ", "-"),
        (" / ", "/"),
        (" ,", ","),
    ] {
        if t.contains(from) {
            t = t.replace(from, to);
        }
    }
    t
}

/// A phrase, peeled layer by layer as the grammar builds it: the day
/// itself, else an anchor before it, a clock time, `early`, `late` or `on`
/// before it, a time of day after it.
fn phrase(text: &str, ctx: &Context, depth: u8) -> Res<Range> {
    if depth > 5 {
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
        if let Some(r) = attempt(phrase(cap(&c, "rest"), ctx, depth + 1).map(|r| anchored(&c, r))) {
            return Ok(r);
        }
    }
    if let Some(c) = LEAD.captures(text) {
        if let Some(r) = attempt(phrase(cap(&c, "rest"), ctx, depth + 1)) {
            return Ok(r);
        }
    }
    if let Some(c) = TOD.captures(text) {
        let night = [cap(&c, "p1"), cap(&c, "p2")]
            .iter()
            .any(|p| p.ends_with("night") || *p == "overnight");
        // `20-21 July overnight` already names both its days.
        let r = phrase(cap(&c, "head"), ctx, depth + 1).map(|r| match night && r.lo == r.hi {
            true => Range { hi: r.hi + 1.0, ..r },
            false => r,
        });
        if let Some(r) = attempt(r) {
            return Ok(r);
        }
    }
    Err(unresolved.unwrap_or(NormalizeError::NoValue))
}

/// The day an anchor points to: the day before or after, the night that
/// starts on that day, the Monday–Sunday week of that day.
fn anchored(c: &Captures, r: Range) -> Range {
    let (lo, hi) = (r.lo as i32, r.hi as i32);
    match (c.name("a").map(|m| m.as_str()), cap(c, "dir")) {
        (Some("eve" | "day before"), _) | (None, "before") => days(lo - 1, hi - 1),
        (Some("night before"), _) => days(lo - 1, hi),
        (Some("day after"), _) | (None, "after") => days(lo + 1, hi + 1),
        // `the night of 20 to 21 July` already names both its days.
        (Some("night"), _) if lo == hi => days(lo, hi + 1),
        (Some("week"), _) => days(lo - weekday_of(lo), hi - weekday_of(hi) + 6),
        // `the week commencing February 4`: the seven days from it, and its
        // Monday–Sunday week (the British sense), whichever was meant.
        _ if c.name("wk").is_some() || c.name("wc").is_some() => {
            days(lo - weekday_of(lo), (hi - weekday_of(hi) + 6).max(lo + 6))
        }
        _ => r,
    }
}

/// Every form without a layer around it.
fn fixed(text: &str, ctx: &Context) -> Res<Option<Range>> {
    if let Some(r) = relative_word(text, ctx)? {
        return Ok(Some(r));
    }
    if let Some(r) = crate::normalize::date::absolute::compact(text, ctx)? {
        return Ok(Some(r));
    }
    if let Some(c) = WEEKDAY.captures(text) {
        return weekday_phrase(text, &c, ctx).map(Some);
    }
    if let Some(c) = MONTH_DAY.captures(text) {
        return days_of_month(text, &c, ctx).map(Some);
    }
    if let Some(c) = DAY_MONTH.captures(text) {
        return days_of_month(text, &c, ctx).map(Some);
    }
    if let Some(c) = WD_THE.captures(text) {
        let wd = weekday_index(cap(&c, "wd"));
        let d = day_of(cap(&c, "d")).ok_or(NormalizeError::NoValue)?;
        let n = day_alone(text, d, wd, ctx)?;
        return Ok(Some(days(n, n)));
    }
    if let Some(c) = ON_THE.captures(text) {
        let d = day_of(cap(&c, "d")).ok_or(NormalizeError::NoValue)?;
        let n = day_alone(text, d, None, ctx)?;
        return Ok(Some(days(n, n)));
    }
    if let Some(c) = DAY_OF_MONTH.captures(text) {
        let d = day_of(cap(&c, "d")).ok_or(NormalizeError::NoValue)?;
        let (a, _) = rel_month(text, delta_of(cap(&c, "q")), ctx)?;
        let first = date_from_day_number(a).ok_or(NormalizeError::NoValue)?;
        let n = ymd(first.year(), first.month(), d)?;
        return Ok(Some(days(n, n)));
    }
    if let Some(c) = NUMERIC.captures(text) {
        return numeric(text, &c, ctx).map(Some);
    }
    if let Some(c) = NTH.captures(text) {
        return nth(text, &c, ctx).map(Some);
    }
    if let Some(c) = REL_PART.captures(text) {
        return earlier_later(text, &c, ctx).map(Some);
    }
    if let Some(c) = PART.captures(text) {
        if let Some(r) = part(text, &c, ctx)? {
            return Ok(Some(r));
        }
    }
    if let Some(c) = MONTH_P.captures(text) {
        let m =
            month_of(c.name("m").or_else(|| c.name("m0")).map_or("", |m| m.as_str())).ok_or(NormalizeError::NoValue)?;
        let y = match (c.name("y").or_else(|| c.name("y0")), c.name("yq")) {
            (Some(y), _) => Some(year_of_words(y.as_str()).ok_or(NormalizeError::NoValue)?),
            // `June next year`.
            (None, Some(q)) => Some(pub_date(text, ctx)?.year() + delta_of(q.as_str()) as i16),
            (None, None) => None,
        };
        let pick = match cap(&c, "q") {
            "last" | "past" => MonthPick::Last,
            "next" | "coming" => MonthPick::Next,
            "this" => MonthPick::ThisYear,
            _ => MonthPick::Nearest,
        };
        let (a, b) = month_in(text, m, y, pick, ctx)?;
        return Ok(Some(days(a, b)));
    }
    if let Some(c) = YEAR_P.captures(text) {
        let y: i16 = cap(&c, "y").parse().map_err(|_| NormalizeError::NoValue)?;
        // `2014-2018`, `2019-20`: to the end of the last year named.
        let y2 = match c.name("y2").map(|m| m.as_str()) {
            Some(y2) if y2.len() == 2 => y - y % 100 + y2.parse::<i16>().map_err(|_| NormalizeError::NoValue)?,
            Some(y2) => y2.parse().map_err(|_| NormalizeError::NoValue)?,
            None => y,
        };
        if y2 < y {
            return Err(NormalizeError::NoValue);
        }
        return Ok(Some(days(month_start(y, 1)?, month_end(y2, 12)?)));
    }
    if let Some(r) = offset(text, ctx)? {
        return Ok(Some(r));
    }
    if let Some(c) = DATE_RANGE.captures(text) {
        if let Some(r) = date_range(cap(&c, "a"), cap(&c, "b"), ctx)? {
            return Ok(Some(r));
        }
    }
    if let Some(c) = SPAN.captures(text) {
        return span(text, &c, ctx).map(Some);
    }
    if let Some(c) = HOLIDAY.captures(text) {
        return holiday(text, &c, ctx).map(Some);
    }
    if let Some(c) = SEASON.captures(text) {
        return season(text, &c, ctx).map(Some);
    }
    if let Some(c) = DECADE.captures(text) {
        return decade(&c).map(Some);
    }
    if let Some(c) = CENTURY.captures(text) {
        // The 21st century is 2001–2100, or 2000–2099 as most say: both.
        let n = number::ordinal(cap(&c, "n")).ok_or(NormalizeError::NoValue)?;
        if !(1.0..=30.0).contains(&n) {
            return Err(NormalizeError::NoValue);
        }
        let start = (n as i16 - 1) * 100;
        return Ok(Some(days(month_start(start.max(1), 1)?, month_end(start + 100, 12)?)));
    }
    Ok(None)
}

fn weekday_index(word: &str) -> Option<i32> {
    let w = word.trim_end_matches(['.', ',']);
    WEEKDAYS
        .iter()
        .position(|d| *d == w)
        .map(|i| i as i32)
        .or_else(|| WEEKDAY_ABBREVIATIONS.iter().find(|(a, _)| *a == w).map(|(_, i)| *i))
}

fn month_of(word: &str) -> Option<i8> {
    let w = word.trim_end_matches('.');
    MONTHS.iter().find(|(m, _)| *m == w).map(|(_, n)| *n)
}

/// A day of the month: `23`, `23rd`, `twenty-third`, `twenty three`.
fn day_of(word: &str) -> Option<i8> {
    let w = word.trim().trim_end_matches('.');
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let v = if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        digits.parse::<f64>().ok()?
    } else {
        number::ordinal(w)
            .or_else(|| number::ordinal(&w.replace(' ', "")))
            .or_else(|| number::words(w).map(|p| p.value))?
    };
    (1.0..=31.0).contains(&v).then_some(v as i8)
}

/// A year in digits or words: `2025`, `nineteen seventy eight`, `nineteen
/// oh one`, `two thousand and eighteen`.
fn year_of_words(text: &str) -> Option<i16> {
    let t = text.trim();
    if let Ok(y) = t.parse::<i16>() {
        return Some(y);
    }
    if let Some(p) = number::words(t) {
        if (1000.0..3000.0).contains(&p.value) && p.value.fract() == 0.0 {
            return Some(p.value as i16);
        }
    }
    let (century, rest) = t.split_once(' ')?;
    let century = small_word(century).filter(|c| (10.0..=29.0).contains(c))?;
    let rest = rest
        .strip_prefix("oh ")
        .or_else(|| rest.strip_prefix("zero "))
        .unwrap_or(rest);
    let yy = number::words(rest)?.value;
    (yy.fract() == 0.0 && (0.0..100.0).contains(&yy)).then_some((century * 100.0 + yy) as i16)
}

fn ymd(y: i16, m: i8, d: i8) -> Res<i32> {
    crate::normalize::date::calendar::ymd(y, m, d).ok_or(NormalizeError::NoValue)
}

fn delta_of(q: &str) -> i32 {
    match q {
        "next" | "the next" | "coming" | "upcoming" => 1,
        "last" | "previous" | "the previous" | "past" => -1,
        _ => 0,
    }
}
