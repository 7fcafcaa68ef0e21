//! Regular-expression fragments for the typed placeholders, English.
//!
//! The same contract as the French fragments (`crate::french::grammar`):
//! each matches the whole surface phrase of a value, hedge included (`at
//! least one`, `nearly 50 days`, `next Thursday`), and only phrases the
//! English normaliser reads (`crate::normalize::english`); `regex`-crate
//! syntax that ripgrep also accepts, no capture groups, compiled
//! case-insensitively. They run over raw article text: typographic
//! apostrophes (`’`) and dashes (`–`, `—`), no-break and thin spaces are
//! allowed wherever the plain ones are. Generated from the tables of
//! [`super::vocab`] and built once.

use super::vocab::{
    lenient, DURATION_FILLERS, DURATION_UNITS, FRACTIONS, HEDGES, HOLIDAYS, HOLIDAY_PREFIXES, HOLIDAY_QUALIFIERS,
    MONTHS, ORDINAL_WORDS, SCALE_WORDS, SEASONS, SPACED_SCALES, SUFFIX_HEDGES, TEEN_WORDS, TENS_WORDS, UNIT_WORDS,
    VAGUE_MULTIPLIERS, VAGUE_PLURALS, WEEKDAYS, WEEKDAY_ABBREVIATIONS, WHOLE_UNITS, WHOLE_UNIT_LEADS, ZERO_WORDS,
};
use crate::french::Placeholder;
use crate::language::CLOSING_QUOTE;
use std::sync::LazyLock;

/// The English regular expression of a placeholder: the whole surface
/// phrase of a value, hedges included; no capture groups; to be compiled
/// case-insensitively.
pub fn regex(p: Placeholder) -> &'static str {
    match p {
        Placeholder::Count => COUNT.as_str(),
        Placeholder::Number => NUMBER.as_str(),
        Placeholder::Ordinal => ORDINAL.as_str(),
        Placeholder::Duration => DURATION.as_str(),
        Placeholder::Date => DATE.as_str(),
    }
}

static COUNT: LazyLock<String> =
    LazyLock::new(|| ascii_boundaries(format!("(?:{}{}{})", hedge_prefix(), body("", false), suffix_hedge())));
static NUMBER: LazyLock<String> = LazyLock::new(|| {
    let pct = format!("(?:{PERCENT})?");
    ascii_boundaries(format!(
        r"(?:{}(?:\B[-−]\s*|\b(?:minus|negative)\s+)?{}{pct}{})",
        hedge_prefix(),
        body(&pct, true),
        suffix_hedge()
    ))
});
static ORDINAL: LazyLock<String> = LazyLock::new(|| ascii_boundaries(ordinal()));
static DURATION: LazyLock<String> = LazyLock::new(|| ascii_boundaries(duration()));
static DATE: LazyLock<String> = LazyLock::new(|| ascii_boundaries(super::date_grammar::date()));

/// Word boundaries made ASCII (`(?-u:\b)`). Every English word of the
/// grammar is ASCII, so the two kinds of boundary differ only next to a
/// non-ASCII letter (`é5`), and a Unicode boundary stops the regex crate's
/// DFA on the first non-ASCII character of the text (`’`, `—`, `é`) and
/// falls back to a far slower engine: measured on 1.5 MB of the peer files,
/// the `{date}` fragment ran in 860 ms with Unicode boundaries, 7 ms without.
fn ascii_boundaries(regex: String) -> String {
    regex.replace(r"\b", r"(?-u:\b)").replace(r"\B", r"(?-u:\B)")
}

/// Any dash a text may hold between two words or two figures.
pub(super) const DASH: &str = "[-‐‑‒–—]";
/// Between two words of a number: a space or a dash.
pub(super) const SEP: &str = r"(?:\s+|\s*[-‐‑‒–—]\s*)";
/// `%`, `percent`, `per cent`, a glued `pc` (`5pc`, British press).
const PERCENT: &str = r"\s*%|\s*percent\b|\s+per\s*cent\b|pc\b";
/// Unicode vulgar fractions.
const VULGAR: &str = "[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞]";

/// Digits with English grouping: commas before groups of three (`1,000`),
/// Indian grouping (`1,50,000`), a no-break or thin space before groups of
/// three (never a plain space: `on May 15 300 people` is two numbers), a
/// decimal point (`1.5`, `.08`); no trailing boundary.
pub(super) fn digits() -> &'static str {
    r"(?:\b[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|\b[0-9]{1,2}(?:,[0-9]{2})+,[0-9]{3}(?:\.[0-9]+)?|\b[0-9]{1,3}(?:[\x{A0}\x{202F}\x{2009}][0-9]{3})+(?:\.[0-9]+)?|\b[0-9]+(?:\.[0-9]+)?|\B\.[0-9]+)"
}

fn alt(list: impl IntoIterator<Item = &'static str>) -> String {
    list.into_iter().collect::<Vec<_>>().join("|")
}

/// Number words below a hundred (and zero), as an alternation.
fn small_words() -> String {
    alt(ZERO_WORDS
        .iter()
        .copied()
        .chain(UNIT_WORDS.iter().map(|(w, _)| *w))
        .chain(TEEN_WORDS.iter().map(|(w, _)| *w))
        .chain(TENS_WORDS.iter().map(|(w, _)| *w)))
}

/// `hundred`, `thousand`… `crore`, singular and plural.
fn scale_words() -> String {
    format!("hundreds?|{}", alt(SCALE_WORDS.iter().map(|(w, _)| *w)))
}

/// Number words: `twenty-one`, `one hundred and five`, `a million`, `two
/// thousand and two hundred`. Always starts with a number below a hundred or
/// `a` + a scale; `and` only after `hundred` or a scale.
pub(super) fn number_words() -> String {
    let small = small_words();
    let scale = scale_words();
    let scale_and = format!(r"\b(?:{scale})\b(?:\s+and\s+\b(?:{small})\b)?");
    format!(r"(?:\ban?\s+{scale_and}|\b(?:{small})\b)(?:{SEP}(?:\b(?:{small})\b|{scale_and}))*")
}

/// One or two number words below a hundred: `three`, `fifty-four`.
fn small_pair() -> String {
    let small = small_words();
    format!(r"\b(?:{small})\b(?:{SEP}\b(?:{small})\b)?")
}

/// What may follow digits: a scale word (`1.5 million`, `3 hundred and
/// 21`), an abbreviation (`2.3bn`, `4 mn`), a glued `k`/`m`/`b`, `dozen`;
/// else a word boundary. `pc` (a glued percent) for numbers.
fn scale_suffix(number: bool) -> String {
    let spaced = alt(SPACED_SCALES.iter().map(|(w, _)| *w));
    let pc = if number { r"|pc\b" } else { "" };
    format!(
        r"(?:\s*(?:{}|dozens?)\b(?:\s+[0-9]{{1,3}}\s+(?:hundred|thousand)\b)*(?:\s+and\s+[0-9]{{1,2}}\b)?|\s?(?:{spaced})\b|(?:k|m|b)\b{pc}|\b)",
        scale_words()
    )
}

/// Fraction denominators: `half`… `thousandths`.
fn denominators() -> String {
    format!(r"\b(?:{})\b", alt(FRACTIONS.iter().map(|(w, _)| *w)))
}

const BIG: &str = r"\b(?:thousand|million|billion|trillion)\b";
const DIGIT_WORDS: &str = r"\b(?:zero|nought|naught|oh|one|two|three|four|five|six|seven|eight|nine)\b";

/// A plain number, no hedge: digits with a scale, words, and what may
/// follow them (a fraction, `and a half`, `point five`, `dozen`); `a
/// quarter`, `half a million`, `2½`.
fn plain(number: bool) -> String {
    let core = format!("(?:{}{}|{})", digits(), scale_suffix(number), number_words());
    let den = denominators();
    let pair = small_pair();
    let of_scale = format!(r"(?:\s+of\s+an?\s+(?:{BIG}|\bdozen\b))?");
    let tails = format!(
        r"(?:\s+point\s+(?:[0-9]+\b|{DIGIT_WORDS}(?:\s+{DIGIT_WORDS})+|{pair})(?:\s+{BIG})?|\s+and\s+(?:(?:an?|one|{pair})\s+)?{den}(?:\s+{BIG})?|{SEP}{den}(?:\s+{BIG}|{of_scale})|\s+dozens?\b)"
    );
    let half = format!(
        r"(?:\b(?:a|one)\s+)?\bhalf\b(?:\s+(?:an?\s+)?(?:{BIG}|\bdozen\b))?|\b(?:a\s+)?quarter(?:\s+of\s+an?)?\s+{BIG}"
    );
    let vulgar = format!(r"(?:\b[0-9]+\s?)?{VULGAR}");
    format!(r"(?:\ban?{SEP}{den}{of_scale}|{half}|{vulgar}|{core}{tails}?)")
}

/// Vague quantities: `a dozen`, `half a dozen`, `several hundred`,
/// `hundreds of thousands`, `a few`, `a couple`, `several`.
fn approx() -> String {
    let plurals = alt(VAGUE_PLURALS.iter().map(|(w, _)| *w).filter(|w| *w != "tens"));
    let mult = alt(VAGUE_MULTIPLIERS.iter().map(|(w, _)| *w));
    format!(
        r"(?:\bhalf\s+a\s+dozen\b|\b(?:a\s+few|several|a\s+couple(?:\s+of)?)\s+(?:dozen|hundred|thousand|million|billion)\b(?:\s+(?:thousand|million|billion)\b)?|\ba\s+dozen\b|\b(?:{plurals})\b(?:\s+of\s+(?:{mult})\b)?|\btens\s+of\s+(?:{mult})\b|\ba\s+(?:couple|handful|few|pair)\b|\bseveral\b)"
    )
}

/// One end of a range.
fn operand(number: bool) -> String {
    format!("(?:{}{}|{})", digits(), scale_suffix(number), number_words())
}

/// Ranges: `between 10 and 12`, `from 10 to 12`, `10 to 12`, `10 or 12`,
/// `10-12`, `2-3 million`.
fn range(pct: &str, number: bool) -> String {
    let op = operand(number);
    format!(
        r"(?:(?:\bbetween\s+{op}{pct}\s+and|(?:\bfrom\s+)?{op}{pct}\s+(?:to|or))\s+{op}|\b[0-9]+(?:\.[0-9]+)?\s*{DASH}\s*[0-9]+(?:\.[0-9]+)?{})",
        scale_suffix(number)
    )
}

fn body(pct: &str, number: bool) -> String {
    format!("(?:{}|{}|{})", range(pct, number), approx(), plain(number))
}

/// Hedges before the number, each with its space.
pub(super) fn hedge_prefix() -> String {
    let mut alts: Vec<String> = Vec::new();
    for (phrase, _) in HEDGES {
        let a = format!(r"{}\s+", lenient(phrase));
        if !alts.contains(&a) {
            alts.push(a);
        }
    }
    format!(r"(?:\b(?:{}))?", alts.join("|"))
}

fn suffix_hedge() -> String {
    let alts: Vec<String> = SUFFIX_HEDGES
        .iter()
        .map(|(p, _)| match p.strip_prefix('-') {
            // Written right after the figure, with its hyphen ("450-odd").
            Some(joined) => format!(r"-{}", lenient(joined)),
            None => format!(r"\s+\b(?:{})", lenient(p)),
        })
        .collect();
    format!(r"(?:(?:{})\b)?", alts.join("|"))
}

/// Ordinals: `3rd`, `21st`, `third`, `twenty-first`, `twentyfirst`, `one
/// hundred and fifth`, `two hundredth`.
fn ordinal() -> String {
    let words = alt(ORDINAL_WORDS.iter().map(|(w, _)| *w));
    let tens = alt(TENS_WORDS.iter().map(|(w, _)| *w));
    format!(
        r"(?:\b[0-9]+(?:st|nd|rd|th)\b|(?:{}{SEP}(?:and\s+)?)?\b(?:(?:{tens})(?:\s*{DASH}\s*|\s+)?)?(?:{words})\b)",
        number_words()
    )
}

/// Duration units; no boundary before them (`48h`, `3day`).
fn duration_units() -> String {
    format!(r"(?:{})\b", alt(DURATION_UNITS.iter().map(|(w, ..)| *w)))
}

/// The count of one part of a duration: a range, a vague count (`a few`,
/// `a couple of`), digits glued to the unit, a plain number, `a`, `an`,
/// `another`, `half a`, a slash half or quarter (`1/2 hour`).
fn duration_count() -> String {
    // Range ends are digits or small words (`two to three weeks`): large
    // numbers in words are rare there, and each copy of the full number
    // words costs the regex dearly.
    let op = format!("(?:{}|{})", digits(), small_pair());
    // `10 to 12 days`, and hyphenated before its noun: `a 10-to-12-day
    // deadline`.
    let range = format!(
        r"(?:(?:\bbetween\s+{op}\s+and|(?:\bfrom\s+)?{op}(?:\s+|\s*{DASH}\s*)(?:to|or))(?:\s+|\s*{DASH}\s*){op}|\b[0-9]+(?:\.[0-9]+)?\s*{DASH}\s*[0-9]+(?:\.[0-9]+)?)"
    );
    format!(
        r"(?:\banother\s+)?(?:{range}|{}|\b(?:a\s+)?couple|\bhalf(?:\s+an?)?|\b[13]/[24]|{}|{}|\b(?:an?|one|another)\b)",
        approx(),
        digits(),
        plain(false)
    )
}

/// A light count for the parts of a date offset (`two days ago`, `in 3
/// weeks`, `1 month and 21 days ago`): digits, small words, `a`, `a few`.
fn light_count() -> String {
    format!(
        r"(?:{}|\b(?:an?|one|another)\b|{}|\ba\s+(?:few|couple(?:\s+of)?)\b|\bseveral\b|\bhalf\s+an?\b)",
        digits(),
        small_pair()
    )
}

/// One part: `48 hours`, `a 50-day`, `two more weeks`, `an hour and a
/// half`, `three quarters of an hour`.
fn duration_part() -> String {
    part_with(&duration_count())
}

fn part_with(count: &str) -> String {
    let fillers = alt(DURATION_FILLERS.iter().copied());
    format!(
        r"{count}{CLOSING_QUOTE}(?:\s+(?:{fillers}))?(?:\s*{DASH}\s*|\s*)(?:of\s+(?:an?\s+)?)?{}(?:\s+and\s+(?:an?\s+)?half\b)?",
        duration_units()
    )
}

/// Hours then bare minutes: `1 hour thirty`, `2 hours and 10`.
fn hours_and_minutes() -> String {
    format!(
        r"{}(?:\s*{DASH}\s*|\s*)(?:hours?|hrs?|h)\b\s+(?:and\s+)?(?:[0-5]?[0-9]\b|(?:twenty|thirty|forty|fifty)(?:{SEP}(?:one|two|three|four|five|six|seven|eight|nine))?\b|(?:five|ten|fifteen)\b)",
        duration_count()
    )
}

fn duration() -> String {
    let whole = format!(
        r"\b(?:{})(?:\s+|\s*{DASH}\s*)(?:{})\b",
        alt(WHOLE_UNIT_LEADS.iter().copied()).replace(' ', r"\s+"),
        alt(WHOLE_UNITS.iter().copied())
    );
    // `a month-long truce`, `a week-long visit`: one unit, said as an
    // adjective.
    let long = format!(r"\b(?:{})\s*{DASH}\s*long\b", alt(WHOLE_UNITS.iter().copied()));
    let part = duration_part();
    let joiner = r"(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s+)";
    format!(
        "(?:{}(?:{whole}|{long}|(?:{part}{joiner})*(?:{}|{part})))",
        hedge_prefix(),
        hours_and_minutes()
    )
}

/// Names for the date grammar (`super::date_grammar`).
pub(super) mod tables {
    use super::*;

    pub fn weekdays() -> String {
        WEEKDAYS.join("|")
    }

    pub fn weekday_abbreviations() -> String {
        alt(WEEKDAY_ABBREVIATIONS.iter().map(|(w, _)| *w))
    }

    pub fn months() -> String {
        alt(MONTHS.iter().map(|(m, _)| *m))
    }

    pub fn holidays() -> String {
        HOLIDAYS.iter().map(|(h, ..)| lenient(h)).collect::<Vec<_>>().join("|")
    }

    pub fn holiday_qualifiers() -> String {
        alt(HOLIDAY_QUALIFIERS.iter().copied())
    }

    pub fn holiday_prefixes() -> String {
        alt(HOLIDAY_PREFIXES.iter().copied())
    }

    pub fn seasons() -> String {
        alt(SEASONS.iter().map(|(s, ..)| *s))
    }

    /// A part of a date offset: a light count and a unit.
    pub fn offset_part() -> String {
        super::part_with(&super::light_count())
    }

    pub fn small_pair() -> String {
        super::small_pair()
    }
}
