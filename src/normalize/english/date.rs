//! English dates, as intervals of day numbers, resolved against the
//! publication date with the same rules as the French ones (the resolution
//! helpers are `crate::normalize::date`'s):
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

use super::duration::{self as en_duration, Part as DurationPart};
use super::number;
use crate::english::vocab::{fold, small_word, HOLIDAYS, MONTHS, SEASONS, WEEKDAYS, WEEKDAY_ABBREVIATIONS};
use crate::normalize::date::{
    day_alone, day_month, day_range_in, days, fixed_days, month_end, month_in, month_start, nth_in, offset_in, part_in,
    pub_date, published, rel_month, season_in, span_in, two_digit_year, week_of, weekday_in, weekday_of, weekend,
    year_of, MonthPick, NthUnit, Part, PeriodKind, Pick, SpanUnit,
};
use crate::normalize::{Context, NormalizeError};
use crate::value::{date_from_day_number, day_number, Range};
use regex::{Captures, Regex};
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
        let r = phrase(cap(&c, "head"), ctx, depth + 1).map(|r| if night { Range { hi: r.hi + 1.0, ..r } } else { r });
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
        (Some("night"), _) => days(lo, hi + 1),
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

/// From the first day of `a` to the last of `b`. `a` without a year takes
/// `b`'s (or the one before, if it would come after `b`): `from Feb 1st to
/// March 2019`. `now` is the publication day.
fn date_range(a: &str, b: &str, ctx: &Context) -> Res<Option<Range>> {
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
    crate::normalize::date::ymd(y, m, d).ok_or(NormalizeError::NoValue)
}

fn delta_of(q: &str) -> i32 {
    match q {
        "next" | "the next" | "coming" | "upcoming" => 1,
        "last" | "previous" | "the previous" | "past" => -1,
        _ => 0,
    }
}

/// `today`, `yesterday`, `tonight`, `last night`, `this week`, `next
/// month`, `last year`, `the weekend`, `this past weekend`.
fn relative_word(text: &str, ctx: &Context) -> Res<Option<Range>> {
    let day = match text {
        "today" | "this morning" | "this afternoon" | "this evening" => Some((0, 0)),
        "tonight" => Some((0, 1)),
        "last night" => Some((-1, 0)),
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
fn weekday_phrase(text: &str, c: &Captures, ctx: &Context) -> Res<Range> {
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

/// `23 July 2025`, `July 23`, `Wednesday, July 23`, `July 24-25`, `24 July to 2 August`.
fn days_of_month(text: &str, c: &Captures, ctx: &Context) -> Res<Range> {
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
fn numeric(text: &str, c: &Captures, ctx: &Context) -> Res<Range> {
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

/// `two days ago`, `in 3 weeks`, `two weeks from now`, `four days from
/// yesterday`, `two days before yesterday`, `within 10 days`, `1 month and
/// 21 days ago`: calendar months and years on the calendar, the rest in
/// days (hours widen to the day after).
fn offset(text: &str, ctx: &Context) -> Res<Option<Range>> {
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
fn span(text: &str, c: &Captures, ctx: &Context) -> Res<Range> {
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

/// The period a part or a rank applies to: a month (with its year, or
/// `last`/`next`), `this week`, `next month`, `the year`, a year.
fn period(text: &str, what: &str, ctx: &Context) -> Res<Option<(i32, i32, PeriodKind)>> {
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
fn nth(text: &str, c: &Captures, ctx: &Context) -> Res<Range> {
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
fn part(text: &str, c: &Captures, ctx: &Context) -> Res<Option<Range>> {
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
fn earlier_later(text: &str, c: &Captures, ctx: &Context) -> Res<Range> {
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

/// `Christmas`, `Christmas Eve 2024`, `New Year's Day`; another calendar's
/// (`Chinese New Year`, `Orthodox Christmas`) is no date.
fn holiday(text: &str, c: &Captures, ctx: &Context) -> Res<Range> {
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

/// `this summer`, `last winter`, `in spring 2024`, `the winter of 2022-23`;
/// `the Arab Spring` is no date.
fn season(text: &str, c: &Captures, ctx: &Context) -> Res<Range> {
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
fn decade(c: &Captures) -> Res<Range> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::Lang;

    fn ctx_around<'a>(published: &str, around: &'a str) -> Context<'a> {
        Context {
            published: Some(published.parse().unwrap()),
            around,
            lang: Lang::En,
        }
    }

    fn on_around(published: &str, text: &str, around: &str) -> (String, String) {
        let r = date(&fold(text), &ctx_around(published, around)).unwrap_or_else(|e| panic!("{text:?}: {e:?}"));
        let show = |n: f64| date_from_day_number(n as i32).unwrap().to_string();
        (show(r.lo), show(r.hi))
    }

    fn on(published: &str, text: &str) -> (String, String) {
        on_around(published, text, "")
    }

    fn day(published: &str, text: &str) -> String {
        let (a, b) = on(published, text);
        assert_eq!(a, b, "{text:?} is not one day");
        a
    }

    // 2025-07-22 is a Tuesday.
    const P: &str = "2025-07-22";

    #[test]
    fn weekdays_nearest_next_last_and_weeks() {
        assert_eq!(day(P, "Wednesday"), "2025-07-23");
        assert_eq!(day(P, "on Wednesday"), "2025-07-23");
        assert_eq!(day(P, "Monday"), "2025-07-21");
        assert_eq!(day(P, "Tuesday"), "2025-07-22");
        assert_eq!(day(P, "next Thursday"), "2025-07-24");
        assert_eq!(day(P, "next Tuesday"), "2025-07-29");
        assert_eq!(day(P, "last Monday"), "2025-07-21");
        assert_eq!(day(P, "last Tuesday"), "2025-07-15");
        assert_eq!(day(P, "this Friday"), "2025-07-25");
        assert_eq!(day(P, "Friday next week"), "2025-08-01");
        assert_eq!(day(P, "next week on Friday"), "2025-08-01");
        assert_eq!(day(P, "Sunday of last week"), "2025-07-20");
        assert_eq!(day(P, "Fri."), "2025-07-25");
    }

    #[test]
    fn tense_decides_three_against_four_days() {
        assert_eq!(on_around(P, "Friday", "The summit will open on Friday").0, "2025-07-25");
        assert_eq!(
            on_around(P, "Friday", "The minister announced on Friday").0,
            "2025-07-18"
        );
        assert_eq!(on_around(P, "Saturday", "").0, "2025-07-19");
        assert_eq!(
            on_around(P, "Saturday", "The march is scheduled for Saturday").0,
            "2025-07-26"
        );
    }

    #[test]
    fn days_and_months_in_both_orders() {
        assert_eq!(day(P, "July 23"), "2025-07-23");
        assert_eq!(day(P, "23 July 2025"), "2025-07-23");
        assert_eq!(day(P, "July 23, 2025"), "2025-07-23");
        assert_eq!(day(P, "Wednesday, July 23"), "2025-07-23");
        assert_eq!(day(P, "the 23rd of July"), "2025-07-23");
        assert_eq!(day(P, "Oct. 2"), "2025-10-02");
        assert_eq!(day(P, "May twenty-first"), "2025-05-21");
        assert_eq!(day(P, "second of Aug."), "2025-08-02");
        assert_eq!(day("2025-12-20", "January 5"), "2026-01-05");
        assert_eq!(
            day(P, "September the twenty-first nineteen seventy eight"),
            "1978-09-21"
        );
        assert_eq!(day(P, "jan twenty one two thousand and eighteen"), "2018-01-21");
        assert_eq!(on(P, "July 24-25"), ("2025-07-24".into(), "2025-07-25".into()));
        assert_eq!(on(P, "July 24 and 25"), ("2025-07-24".into(), "2025-07-25".into()));
        assert_eq!(on(P, "24-25 July"), ("2025-07-24".into(), "2025-07-25".into()));
        assert_eq!(on(P, "July 30 to August 2"), ("2025-07-30".into(), "2025-08-02".into()));
        assert_eq!(day("2017-09-27", "Thursday the 21st"), "2017-09-21");
        assert_eq!(day("2016-11-07", "on the 27th"), "2016-10-27");
        assert_eq!(day("2016-11-07", "the 20th of next month"), "2016-12-20");
    }

    #[test]
    fn numeric_dates_month_first_or_both() {
        assert_eq!(day(P, "2025-07-23"), "2025-07-23");
        assert_eq!(day(P, "7/23/2025"), "2025-07-23");
        assert_eq!(day(P, "23/7/2025"), "2025-07-23");
        assert_eq!(day(P, "9-18-15"), "2015-09-18");
        assert_eq!(on(P, "3/7/2025"), ("2025-03-07".into(), "2025-07-03".into()));
        assert_eq!(day(P, "2019-sep-1"), "2019-09-01");
        assert!(date("4.22", &ctx_around(P, "")).is_err());
    }

    #[test]
    fn relative_days_and_periods() {
        assert_eq!(day(P, "yesterday"), "2025-07-21");
        assert_eq!(day(P, "today"), "2025-07-22");
        assert_eq!(day(P, "tomorrow"), "2025-07-23");
        assert_eq!(day(P, "the day before yesterday"), "2025-07-20");
        assert_eq!(day(P, "the day after tomorrow"), "2025-07-24");
        assert_eq!(on(P, "last night"), ("2025-07-21".into(), "2025-07-22".into()));
        assert_eq!(on(P, "this week"), ("2025-07-21".into(), "2025-07-27".into()));
        assert_eq!(on(P, "next week"), ("2025-07-28".into(), "2025-08-03".into()));
        assert_eq!(on(P, "last month"), ("2025-06-01".into(), "2025-06-30".into()));
        assert_eq!(on(P, "next year"), ("2026-01-01".into(), "2026-12-31".into()));
        assert_eq!(on(P, "this weekend"), ("2025-07-19".into(), "2025-07-20".into()));
        assert_eq!(on(P, "earlier this month"), ("2025-07-01".into(), "2025-07-22".into()));
        assert_eq!(on(P, "later this year"), ("2025-07-22".into(), "2025-12-31".into()));
    }

    #[test]
    fn times_of_day_are_dropped_and_nights_run_on() {
        assert_eq!(day(P, "Wednesday evening"), "2025-07-23");
        assert_eq!(day(P, "on Friday at 3pm"), "2025-07-25");
        assert_eq!(day(P, "at 10 a.m. on Thursday"), "2025-07-24");
        assert_eq!(day(P, "early Monday"), "2025-07-21");
        assert_eq!(on(P, "Tuesday night"), ("2025-07-22".into(), "2025-07-23".into()));
        assert_eq!(day(P, "the eve of July 14"), "2025-07-13");
        assert_eq!(on(P, "the week of July 9"), ("2025-07-07".into(), "2025-07-13".into()));
    }

    #[test]
    fn months_parts_years_and_seasons() {
        assert_eq!(on(P, "in July"), ("2025-07-01".into(), "2025-07-31".into()));
        assert_eq!(on(P, "mid-July"), ("2025-07-11".into(), "2025-07-20".into()));
        assert_eq!(on(P, "early July"), ("2025-07-01".into(), "2025-07-10".into()));
        assert_eq!(on(P, "late June"), ("2025-06-21".into(), "2025-06-30".into()));
        assert_eq!(
            on(P, "the end of the month"),
            ("2025-07-21".into(), "2025-07-31".into())
        );
        assert_eq!(on(P, "last March"), ("2025-03-01".into(), "2025-03-31".into()));
        assert_eq!(on(P, "next July"), ("2026-07-01".into(), "2026-07-31".into()));
        assert_eq!(on(P, "July 2024"), ("2024-07-01".into(), "2024-07-31".into()));
        assert_eq!(on(P, "in 2022"), ("2022-01-01".into(), "2022-12-31".into()));
        assert_eq!(on(P, "early 2022"), ("2022-01-01".into(), "2022-04-30".into()));
        assert_eq!(on(P, "this summer"), ("2025-06-01".into(), "2025-09-23".into()));
        assert_eq!(on(P, "the 1990s"), ("1990-01-01".into(), "1999-12-31".into()));
        assert_eq!(day(P, "Christmas"), "2025-12-25");
        assert_eq!(day(P, "Christmas Eve 2024"), "2024-12-24");
        assert!(date("chinese new year", &ctx_around(P, "")).is_err());
        assert!(date("the arab spring", &ctx_around(P, "")).is_err());
    }

    #[test]
    fn offsets_spans_and_ranks() {
        assert_eq!(day("2016-11-07", "two days ago"), "2016-11-05");
        assert_eq!(day("2016-11-07", "a month ago"), "2016-10-07");
        assert_eq!(day("2017-11-23", "1 month and 21 days ago"), "2017-10-02");
        assert_eq!(day("2017-11-23", "2 years 1 month 21 days ago"), "2015-10-02");
        assert_eq!(day("2018-07-05", "in 3 weeks"), "2018-07-26");
        assert_eq!(day("2018-04-20", "four days from yesterday"), "2018-04-23");
        assert_eq!(day("2018-05-31", "two days before yesterday"), "2018-05-28");
        assert_eq!(
            on("2013-02-12", "the past three days"),
            ("2013-02-09".into(), "2013-02-12".into())
        );
        assert_eq!(
            on("2013-02-12", "the next two weeks"),
            ("2013-02-12".into(), "2013-03-03".into())
        );
        assert_eq!(day("2016-11-07", "the first friday of july"), "2016-07-01");
        assert_eq!(day("2018-03-20", "the third Wednesday of previous month"), "2018-02-21");
        assert_eq!(
            on(P, "the third quarter of 2024"),
            ("2024-07-01".into(), "2024-09-30".into())
        );
        assert_eq!(on(P, "Q1 2025"), ("2025-01-01".into(), "2025-03-31".into()));
        assert_eq!(
            on(P, "the first half of July"),
            ("2025-07-01".into(), "2025-07-15".into())
        );
        assert!(date("the last days of june", &ctx_around(P, "")).is_err());
    }

    #[test]
    fn relative_dates_need_a_publication_date() {
        let ctx = Context {
            lang: Lang::En,
            ..Context::default()
        };
        for t in [
            "wednesday",
            "yesterday",
            "july 23",
            "in may",
            "next week",
            "4/22",
            "on the 27th",
        ] {
            assert!(matches!(date(t, &ctx), Err(NormalizeError::Unresolved(_))), "{t}");
        }
        assert!(date("23 july 2025", &ctx).is_ok());
    }
}
