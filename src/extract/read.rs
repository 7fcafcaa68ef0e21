//! Reading one match's value words: normalize, resolve dates, weekdays and clock times.

use super::{fold_text, Dating};
use crate::french::Placeholder;
use crate::language::Lang;
use crate::normalize::{self, Context, NormalizeError};
use crate::rules::Rule;
use crate::search::dates::{self, ResolvedFrom};
use crate::value::{Interval, Kind, Value};
use jiff::civil::Date;

/// The value of the words at `at` in `text` (`around`: their sentence).
/// A relative day said in a quotation is not read (`quoted_relative_day`),
/// and a weekday counted from a day told before it is that day's
/// neighbour ([`counted_weekday`]).
pub(super) fn read_value_at(
    rule: &Rule,
    placeholder: Option<Placeholder>,
    (text, at): (&str, usize),
    words: &str,
    around: &str,
    dating: Dating,
) -> Result<(Value, Option<ResolvedFrom>), NormalizeError> {
    if let Some(why) = super::quoted_relative_day(text, at, words, placeholder) {
        return Err(why);
    }
    let counted = (placeholder == Some(Placeholder::Date))
        .then(|| counted_weekday(rule, text, at, words, dating))
        .flatten();
    read_value(rule, placeholder, words, around, dating, counted)
}

/// A weekday counted from a day the story told before it (« Deux jours plus
/// tôt, le samedi, il avait proposé… », "the day after, on Tuesday"): the
/// nearest such weekday before or after that day, read from the text
/// (see [`dates::counted_from`]). When the text tells no such day before
/// it, an article without a day of its own leaves it unread: the rule's
/// period would guess. `None` when the words are no such weekday.
fn counted_weekday(
    rule: &Rule,
    text: &str,
    at: usize,
    words: &str,
    dating: Dating,
) -> Option<Result<(Value, Option<ResolvedFrom>), NormalizeError>> {
    if has_day_number(words) {
        return None;
    }
    let [weekday] = weekdays_in(&crate::french::fold(words), dating.lang)[..] else {
        return None;
    };
    // Counted with a comma (« Deux jours plus tôt, le samedi »), the text
    // says a day was told; pointed back to ("the following Wednesday"), it
    // may not have been.
    let (way, counted) = match dates::counted_from(text, at) {
        Some(way) => (way, true),
        None => (dates::pointed_back(text, at)?, false),
    };
    let when = rule.frame.as_ref().map(|f| f.when).unwrap_or_default();
    let year = dating.reference.map(|(d, _)| d.year()).or(when.from.map(|d| d.year()));
    let Some(day) = dates::day_told_before(text, at, year).and_then(|d| dates::counted_day(d, weekday, way)) else {
        // A day of its own (publication, section) reads it as any weekday
        // is read: the story's days are that week's ("Earlier, on
        // Saturday" in Monday's live page). So does a weekday that points
        // back without a count ("the following Wednesday"): the rule's
        // period may place it.
        if dating.reference.is_some() || !counted {
            return None;
        }
        return Some(Err(NormalizeError::Unresolved(format!(
            "'{}' is counted from another day of the story, which the text does not tell in full before it",
            words.trim()
        ))));
    };
    let value = Value {
        kind: Kind::Date,
        interval: Interval::Range(crate::value::Range::exact(crate::value::day_number(day) as f64)),
        unit: None,
    };
    Some(Ok((value, Some(ResolvedFrom::Text))))
}

pub(super) fn read_value(
    rule: &Rule,
    placeholder: Option<Placeholder>,
    words: &str,
    around: &str,
    dating: Dating,
    counted: Option<Result<(Value, Option<ResolvedFrom>), NormalizeError>>,
) -> Result<(Value, Option<ResolvedFrom>), NormalizeError> {
    let (value, resolved_from) = match (rule.kind, placeholder) {
        (Kind::Text, _) | (_, None) => {
            let folded = fold_text(words);
            if folded.is_empty() {
                return Err(NormalizeError::NoValue);
            }
            let value = Value {
                kind: Kind::Text,
                interval: Interval::Text(folded.into()),
                unit: None,
            };
            return Ok((value, None));
        }
        (_, Some(Placeholder::Date)) => match counted {
            Some(read) => read?,
            None => read_date(rule, words, around, dating)?,
        },
        (_, Some(p)) => {
            let ctx = Context {
                published: dating.reference.map(|(d, _)| d),
                around,
                lang: dating.lang,
            };
            (normalize::normalize(p, words, &ctx)?, None)
        }
    };
    // A date outside the event's period is another day's; a count's or a
    // duration's period bounds the days its sentence names instead
    // (`dated_elsewhere`).
    let when = rule.frame.as_ref().map(|f| f.when).unwrap_or_default();
    let value = evening_of_night(value, words, when);
    if !when.is_open() && value.kind == Kind::Date {
        if let Some(range) = value.range() {
            if !when.holds_days(range.lo, range.hi) {
                return Err(NormalizeError::NoValue);
            }
        }
    }
    // A number or a duration that cannot fall in the fact's `range` is
    // another fact's: the 50 days first given, beside their cut to 10–12.
    if let (Some((from, to)), Some(range)) = (rule.frame.as_ref().and_then(|f| f.range), value.range()) {
        if range.hi < from || range.lo > to {
            return Err(NormalizeError::NoValue);
        }
    }
    Ok((value, resolved_from))
}

/// A night read as its two days (`Monday night`, `last night`, « la nuit
/// dernière »), for a date fact whose period holds the first day and not
/// the second, or told by one day or none: the fact is the evening's, the
/// night's first day. "Zelensky said last night" (printed on Tuesday)
/// tells of Monday evening's statement, and so does "announced it Monday
/// night"; "the attack of Sunday night", for a period of Monday alone,
/// stays a night and another day's; « la nuit du 20 au 21 », told by its
/// two days, stays both.
fn evening_of_night(value: Value, words: &str, when: crate::rules::Window) -> Value {
    let Some(range) = value.range().filter(|_| value.kind == Kind::Date && !when.is_open()) else {
        return value;
    };
    let day = |x: f64| crate::value::date_from_day_number(x as i32).filter(|_| x.is_finite());
    let (Some(first), Some(second)) = (day(range.lo), day(range.hi)) else {
        return value;
    };
    let folded = crate::french::fold(words);
    let night = folded
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| matches!(w, "night" | "nuit"));
    // Told by one day ("Monday night", « mardi dans la nuit »), a night is
    // that day's evening for a date fact, which is a moment (a speech, a
    // meeting): "announced it Monday night" is Monday's. A night told by its
    // two days (« la nuit de dimanche à lundi ») stays both.
    let one_day = || {
        let weekdays = folded
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| crate::french::vocab::WEEKDAYS.contains(w) || crate::english::vocab::WEEKDAYS.contains(w))
            .count();
        // Days of the month, not a clock's hours and minutes (`11:30`,
        // `22 h 10`).
        let numbers = folded
            .split_whitespace()
            .filter(|w| !w.contains([':', 'h']))
            .flat_map(|w| w.split(|c: char| !c.is_ascii_digit()))
            .filter(|w| !w.is_empty() && w.len() <= 2)
            .count();
        weekdays + numbers <= 1
    };
    if night && range.hi - range.lo == 1.0 && when.contains(first) && (!when.contains(second) || one_day()) {
        return Value {
            interval: Interval::Range(crate::value::Range::exact(range.lo)),
            ..value
        };
    }
    value
}

fn read_date(
    rule: &Rule,
    words: &str,
    around: &str,
    dating: Dating,
) -> Result<(Value, Option<ResolvedFrom>), NormalizeError> {
    let alone = Context {
        published: None,
        around,
        lang: dating.lang,
    };
    let reason = match normalize::normalize(Placeholder::Date, words, &alone) {
        Ok(v) => return Ok((v, None)),
        Err(e @ (NormalizeError::NoValue | NormalizeError::OutOfCalendar)) => return Err(e),
        Err(NormalizeError::Unresolved(reason)) => reason,
    };
    if let Some((day, from)) = dating.reference {
        let ctx = Context {
            published: Some(day),
            around,
            lang: dating.lang,
        };
        let read = normalize::normalize(Placeholder::Date, words, &ctx);
        // A look back's day without a year (`dates::told_day`): the year it
        // tells of, where that places it in the period and the publication
        // year does not.
        let when = rule.frame.as_ref().map(|f| f.when).unwrap_or_default();
        if let Some(told) = dating
            .told
            .filter(|_| !when.is_open() && dates::without_year(words, dating.lang))
        {
            let inside = |v: &Value| v.range().is_some_and(|r| when.holds_days(r.lo, r.hi));
            if !read.as_ref().is_ok_and(inside) {
                let ctx = Context {
                    published: Some(told),
                    ..ctx
                };
                if let Some(v) = normalize::normalize(Placeholder::Date, words, &ctx).ok().filter(inside) {
                    return Ok((v, Some(ResolvedFrom::Text)));
                }
            }
        }
        return read.map(|v| (v, Some(from)));
    }
    let when = rule.frame.as_ref().map(|f| f.when).unwrap_or_default();
    if let (Some(from), Some(to)) = (when.from, when.to) {
        // A dispatch's dateline without a year (`MOSCOW, July 22:`): in the
        // period's year, when that puts it near the period, the day the
        // relative words are read against, as a publication day would be
        // (before the months the article names are looked at: the
        // dateline's own month is one). It says which Saturday "Saturday"
        // is: a day it places outside the period is another event's (the
        // caller tells), not the period's own Saturday.
        if let Some(filed) = dating.dateline.and_then(|(m, d)| near_period(m, d, from, to)) {
            let ctx = Context {
                published: Some(filed),
                around,
                lang: dating.lang,
            };
            return normalize::normalize(Placeholder::Date, words, &ctx).map(|v| (v, Some(ResolvedFrom::Dateline)));
        }
        if dating.months != 0 && dating.months & dates::months_between(from, to) == 0 {
            return Err(NormalizeError::Unresolved(format!(
                "{reason}; the article has no date, and the days it names are outside the rule's `when` ({from} to {to})"
            )));
        }
        // A weekday the period alone places must stand in a sentence that
        // tells of the event itself, not after one that does (« Les
        // pourparlers se sont enlisés. Ils ont permis des échanges, dont
        // celui de mai, et jeudi encore un échange de 84 »: that Thursday
        // is the swap's, in August).
        let told_here = || {
            rule.frame
                .as_ref()
                .is_none_or(|f| crate::search::frame::sentence_tells_event(f, around, dating.lang))
        };
        let once = weekday_once(words, from, to, dating.lang);
        if once.is_some() && !told_here() {
            return Err(NormalizeError::Unresolved(format!(
                "{reason}; the article has no date, and the weekday falls once in the rule's `when` ({from} to {to}), \
                 but its sentence does not tell of the event itself (its words stand in a sentence before)"
            )));
        }
        if let Some(day) = once {
            let n = crate::value::day_number(day) as f64;
            let value = Value {
                kind: Kind::Date,
                interval: Interval::Range(crate::value::Range::exact(n)),
                unit: None,
            };
            return Ok((value, Some(ResolvedFrom::RuleWhen)));
        }
        // A day and month, or a month, without a year (`le 23 juillet`, `en
        // juin`): the period's year, if the day falls in the period. Not a
        // day said relative to today (`demain`, `la semaine prochaine`):
        // without the day it was written, it names no day of the period.
        if has_day_number(words) || dates::months_named(words, dating.lang) != 0 {
            let ctx = Context {
                published: Some(from),
                around: "",
                lang: dating.lang,
            };
            if let Ok(v) = normalize::normalize(Placeholder::Date, words, &ctx) {
                if v.range().is_some_and(|r| when.holds_days(r.lo, r.hi)) {
                    return Ok((v, Some(ResolvedFrom::RuleWhen)));
                }
            }
        }
        let why = match weekdays_in(&crate::french::fold(words), dating.lang).is_empty() {
            true => "the words name no weekday or month to place in",
            false => "the weekday does not fall exactly once in",
        };
        return Err(NormalizeError::Unresolved(format!(
            "{reason}; the article has no date, and {why} the rule's `when` ({from} to {to})"
        )));
    }
    Err(NormalizeError::Unresolved(format!(
        "{reason}; the article has no date (front matter, URL or dateline), and the rule has no `when` period"
    )))
}

/// The words a value is read from: its own, and the unit it takes from a
/// length before when it says none ("cut that to ten" is read "ten days",
/// see [`crate::search::values::Mention::borrowed_unit`]); a list of days,
/// the figure of its count (`Mention::listed`).
///
/// A hedge said after the value and its unit, where the claim's words end
/// (`claim_end`: "two dead at least", « douze jours au plus », « mille
/// prisonniers environ »), is read as if said before it: a toll "two at
/// least" is no exact two, which a later toll of three would contradict.
pub(super) fn value_words(
    text: &str,
    value: std::ops::Range<usize>,
    borrowed_unit: Option<(usize, usize)>,
    listed: Option<u8>,
    (claim_end, placeholder): (usize, Option<Placeholder>),
    lang: Lang,
) -> std::borrow::Cow<'_, str> {
    let words: std::borrow::Cow<'_, str> = match (borrowed_unit, listed) {
        // A list of days is read as the figure of its count.
        (_, Some(days)) => return days.to_string().into(),
        (Some((from, to)), None) => format!("{} {}", &text[value], &text[from..to]).into(),
        // A scale word said per side without a figure ("the
        // thousand-for-thousand swap", `search::values`): one of it.
        (None, None)
            if placeholder == Some(Placeholder::Count)
                && matches!(
                    text[value.clone()].to_ascii_lowercase().as_str(),
                    "thousand" | "hundred"
                ) =>
        {
            format!("one {}", &text[value]).into()
        }
        (None, None) => text[value].into(),
    };
    // Counts and lengths only: « le 23 juillet au plus tard » is a day.
    let counted = matches!(
        placeholder,
        Some(Placeholder::Number | Placeholder::Count | Placeholder::Duration)
    );
    match post_hedge(text, claim_end, lang).filter(|_| counted) {
        Some(hedge) => format!("{hedge} {words}").into(),
        None => words,
    }
}

/// The hedge said right after a claim's words (a comma at most between),
/// as the phrase that says it before a value: `at least` for "… at least"
/// and "… or more", `at most` for "… at most", `about` for "… or so".
fn post_hedge(text: &str, claim_end: usize, lang: Lang) -> Option<&'static str> {
    let hedges = match lang {
        Lang::Fr => crate::french::vocab::POST_HEDGES,
        Lang::En => crate::english::vocab::POST_HEDGES,
    };
    let after = text.get(claim_end..)?.trim_start_matches([' ', '\u{a0}']);
    // The people a toll counts may stand between: "killed two people at
    // least" (the verb before is the claim's unit).
    let after = ["people", "persons", "personnes", "civilians", "civils"]
        .iter()
        .find_map(|noun| {
            let rest = after.strip_prefix(noun)?;
            rest.starts_with([' ', ',']).then(|| rest.trim_start())
        })
        .unwrap_or(after);
    let after = after.strip_prefix(',').unwrap_or(after).trim_start();
    // Enough for the longest phrase and the word after it, on a character
    // boundary.
    let end = after.char_indices().nth(48).map_or(after.len(), |(i, _)| i);
    let folded = crate::french::vocab::fold(&after[..end]);
    // « au plus tard », "at the latest": when, not how many.
    if folded.starts_with("au plus tard") {
        return None;
    }
    // The hedge ends the phrase: punctuation, the end, or a word that
    // starts another phrase. "The two earlier rounds at least brought
    // people home" says "at least" of what they brought.
    const NEXT: &[&str] = &[
        "and",
        "et",
        "or",
        "ou",
        "in",
        "a",
        "au",
        "aux",
        "en",
        "on",
        "sur",
        "dans",
        "of",
        "de",
        "du",
        "des",
        "with",
        "avec",
        "according",
        "selon",
        "across",
        "by",
        "par",
        "after",
        "apres",
        "since",
        "depuis",
        "that",
        "que",
    ];
    hedges.iter().find_map(|&(said, read_as)| {
        let rest = folded.strip_prefix(said)?;
        let next = rest.split_whitespace().next();
        let ends = match rest.chars().next() {
            None => true,
            Some(c) if c.is_alphanumeric() => false,
            Some(' ') => next.is_none_or(|w| !w.starts_with(char::is_alphanumeric) || NEXT.contains(&w)),
            Some(_) => true,
        };
        ends.then_some(read_as)
    })
}

/// The second of two alternative values, read alone (`jeudi` of `mercredi
/// ou jeudi`), or, a figure said without its unit after a length (« dix
/// jours — ou douze »), in the first one's unit: « douze jours ».
pub(super) fn alternative(
    rule: &Rule,
    placeholder: Option<Placeholder>,
    first_words: &str,
    second_words: &str,
    around: &str,
    dating: Dating,
) -> Result<(Value, Option<ResolvedFrom>), NormalizeError> {
    let alone = read_value(rule, placeholder, second_words, around, dating, None);
    if alone.is_ok() || placeholder != Some(Placeholder::Duration) {
        return alone;
    }
    let Some(unit) = first_words.split_whitespace().last() else {
        return alone;
    };
    read_value(
        rule,
        placeholder,
        &format!("{} {unit}", second_words.trim()),
        around,
        dating,
        None,
    )
}

/// The span of two alternative values (`mercredi ou jeudi`): both must read.
pub(super) fn either(
    first: Result<(Value, Option<ResolvedFrom>), NormalizeError>,
    second: impl FnOnce() -> Result<(Value, Option<ResolvedFrom>), NormalizeError>,
) -> Result<(Value, Option<ResolvedFrom>), NormalizeError> {
    let (a, from) = first?;
    let (b, _) = second()?;
    match (a.range(), b.range()) {
        (Some(x), Some(y)) => {
            let range = crate::value::Range {
                lo: x.lo.min(y.lo),
                hi: x.hi.max(y.hi),
                lo_open: false,
                hi_open: false,
            };
            Ok((
                Value {
                    interval: Interval::Range(range),
                    ..a
                },
                from,
            ))
        }
        _ => Err(NormalizeError::NoValue),
    }
}

/// The weekdays (0 is Monday) that folded words name, in `lang`.
fn weekdays_in(folded: &str, lang: Lang) -> Vec<usize> {
    let names = match lang {
        Lang::Fr => crate::french::vocab::WEEKDAYS,
        Lang::En => crate::english::vocab::WEEKDAYS,
    };
    names
        .iter()
        .enumerate()
        .filter(|(_, w)| crate::rules::frame::tokens_of(folded).any(|t| t == **w))
        .map(|(i, _)| i)
        .collect()
}

/// Whether the words hold a number that is not a clock time: a day.
fn has_day_number(words: &str) -> bool {
    CLOCK
        .replace_all(&crate::french::fold(words), "")
        .chars()
        .any(|c| c.is_ascii_digit())
}

/// A clock time (`16h00`, `19 heures`, `16:00 GMT`, `4 pm`, `4:30 p.m.`):
/// it names no day.
static CLOCK: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"\b[0-9]{1,2}(?:\s*(?:h|heures?|:)\s*(?:[0-9]{2})?|(?::[0-9]{2})?\s*(?:a\.?m|p\.?m)\b\.?|\s*o'clock)(?:\s*gmt|\s*utc)?\b").expect("static regex")
});

/// The one day of the weekday named in `words` (and no day number) between
/// `from` and `to`, when it falls there exactly once.
fn weekday_once(words: &str, from: Date, to: Date, lang: Lang) -> Option<Date> {
    let folded = crate::french::fold(words);
    // A clock time (`mercredi à 16h00`) names no day; a day number does.
    if has_day_number(words) {
        return None;
    }
    let named = weekdays_in(&folded, lang);
    let [weekday] = named.as_slice() else { return None };
    let mut found = None;
    let mut day = from;
    while day <= to {
        // jiff: Monday is 1.
        if day.weekday().to_monday_one_offset() as usize == weekday + 1 {
            if found.is_some() {
                return None;
            }
            found = Some(day);
        }
        day = day.tomorrow().ok()?;
    }
    found
}

/// How far from a rule's period a dateline without a year may stand and
/// still be read in the period's year: a dispatch that tells of the
/// event by relative days ("tomorrow", "on Saturday") is filed within
/// weeks of it.
const DATELINE_REACH_DAYS: i32 = 45;

/// The day `month`/`day` of the year that puts it within
/// [`DATELINE_REACH_DAYS`] of the period `from..=to`, if one: the period's
/// year, or the one before or after it near New Year ("Dec. 28" before a
/// period of early January).
pub(super) fn near_period(month: i8, day: i8, from: Date, to: Date) -> Option<Date> {
    let reach = jiff::Span::new().days(DATELINE_REACH_DAYS);
    let (lo, hi) = (from.checked_sub(reach).ok()?, to.checked_add(reach).ok()?);
    (from.year() - 1..=to.year() + 1)
        .filter_map(|year| Date::new(year, month, day).ok())
        .find(|filed| (lo..=hi).contains(filed))
}
