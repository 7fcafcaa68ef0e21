//! The French grammar of numbers and durations, and the typed placeholders
//! of rule patterns built from it (dates: [`super::date_grammar`]).
//!
//! Each placeholder's fragment matches the whole surface phrase of a value,
//! hedge included (`au moins un`, `près de 50 jours`, `mercredi prochain`),
//! and nothing the normaliser would not read: every phrase it matches is
//! handed as is to [`crate::normalize::normalize`]. The fragments use
//! `regex`-crate syntax that ripgrep also accepts, have no capture groups,
//! and are meant to be compiled case-insensitively (`(?i)`). They are
//! generated from the tables of [`super::vocab`] and built once.
//!
//! The pieces the normaliser reads a number or a duration with (`PERCENT`,
//! `DIGITS`, the range words, `et demi`, the fractions, a duration's unit…)
//! are written here once, with named groups for its parts: the
//! placeholders drop the names ([`crate::surface::finder`]), the normaliser
//! reads the words the finder matched with the same pieces folded
//! ([`crate::surface::folded`]).

use super::vocab::{
    alternation, lenient, APPROX_MULTIPLIERS, APPROX_NOUNS, DURATION_UNITS, FRACTIONS, HEDGES, NUMBER_WORDS,
    ORDINAL_STEMS, SCALES, SUFFIX_HEDGES, WHOLE_UNITS,
};
use crate::language::{Lang, CLOSING_QUOTE};
use crate::surface::finder;
use crate::value::Kind;
use std::sync::LazyLock;

/// A typed placeholder that a rule pattern may use: `{count}`, `{duration}`…
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Placeholder {
    /// A non-negative count, hedges and number words included: `au moins un`.
    Count,
    /// Any number, decimals and percentages included.
    Number,
    /// An ordinal: `troisième`, `3e`.
    Ordinal,
    /// A length of time: `50 jours`, `48 heures`.
    Duration,
    /// A day or span of days: `mercredi`, `le 2 juin 2025`.
    Date,
}

impl Placeholder {
    pub const ALL: [Placeholder; 5] = [
        Placeholder::Count,
        Placeholder::Number,
        Placeholder::Ordinal,
        Placeholder::Duration,
        Placeholder::Date,
    ];

    /// The name written between braces in a pattern.
    pub fn name(self) -> &'static str {
        match self {
            Placeholder::Count => "count",
            Placeholder::Number => "number",
            Placeholder::Ordinal => "ordinal",
            Placeholder::Duration => "duration",
            Placeholder::Date => "date",
        }
    }

    pub fn from_name(name: &str) -> Option<Placeholder> {
        Placeholder::ALL.into_iter().find(|p| p.name() == name)
    }

    /// The kind of value this placeholder yields.
    pub fn kind(self) -> Kind {
        match self {
            Placeholder::Count | Placeholder::Number | Placeholder::Ordinal => Kind::Number,
            Placeholder::Duration => Kind::Duration,
            Placeholder::Date => Kind::Date,
        }
    }

    /// The regular expression the placeholder expands to in `lang`: the
    /// French one ([`Placeholder::regex`]) or the English one
    /// ([`crate::english::regex`]), with the same contract.
    pub fn regex_in(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => self.regex(),
            Lang::En => crate::english::regex(self),
        }
    }

    /// The regular expression the placeholder expands to, in French. It has
    /// no capture groups of its own and is meant to be compiled
    /// case-insensitively.
    pub fn regex(self) -> &'static str {
        match self {
            Placeholder::Count => COUNT.as_str(),
            Placeholder::Number => NUMBER.as_str(),
            Placeholder::Ordinal => ORDINAL.as_str(),
            Placeholder::Duration => DURATION.as_str(),
            Placeholder::Date => DATE.as_str(),
        }
    }
}

// The placeholders' expressions: the pieces below with the names of their
// groups dropped (the normaliser reads those, `normalize::number`).
static COUNT: LazyLock<String> =
    LazyLock::new(|| finder(&format!("(?:{}{}{})", hedge_prefix(), body(""), suffix_hedge())));
static NUMBER: LazyLock<String> = LazyLock::new(|| {
    let pct = format!("(?:{})?", PERCENT);
    finder(&format!(
        r"(?:{}(?:[-−]\s*|\bmoins\s+)?{}{pct}{})",
        hedge_prefix(),
        body(&pct),
        suffix_hedge()
    ))
});
static ORDINAL: LazyLock<String> = LazyLock::new(|| finder(&ordinal()));
static DURATION: LazyLock<String> = LazyLock::new(|| finder(&duration()));
static DATE: LazyLock<String> = LazyLock::new(super::date_grammar::date);

/// Between two words of a number: a space or a hyphen.
pub(super) const SEP: &str = r"(?:\s+|\s*-\s*)";
/// `%`, `pour cent`.
pub(crate) const PERCENT: &str = r"\s*%|\s+pour\s*cents?\b|\s*pourcents?\b";
/// Either `de ` or the elided `d'`.
const DE: &str = r"d(?:e\s+|['’]\s*)";
/// `et`, between two parts of a number (`entre 10 et 12`, `un et demi`).
pub(crate) const AND: &str = r"\s+et\s+";
/// `et demi` after a number or a unit.
pub(crate) const AND_HALF: &str = r"\s+et\s+(?:une?\s+)?demie?\b";
/// `demi`, `une demie`, `demi-million` (`half_scale`).
pub(crate) const HALF: &str = r"(?:\bune?\s+)?\bdemi(?:e|\s*-\s*(?P<half_scale>millions?|milliards?))?\b";
/// The numerators of a fraction after `et` (`et deux tiers`).
pub(crate) const NUMERATOR: &str = r"(?:une?|deux|trois)";
/// `virgule`, before the decimals in words.
pub(crate) const VIRGULE: &str = r"\s+virgule\s+";
/// `3 douzaines`, `deux centaines` (`multiple`).
pub(crate) const MULTIPLES: &str = r"\s+\b(?P<multiple>douzaines?|dizaines|centaines|milliers)\b";
/// `entre`, before the ends of a range.
pub(crate) const RANGE_BETWEEN: &str = r"\bentre\s+";
/// `de`, `d'`, before the lower end of a range.
pub(crate) const RANGE_FROM: &str = r"(?:\bde\s+|\bd['’]\s*)";
/// Between the ends of a range: `à`, `jusqu'à`, `ou`.
pub(crate) const RANGE_TO: &str = r"\s+(?:[àa]|au|jusqu['’]\s*(?:[àa]|au)|ou)\s+";
/// `10-12` (`lo`, `hi`).
pub(crate) const RANGE_DASH: &str = r"\b(?P<lo>[0-9]+)\s*-\s*(?P<hi>[0-9]+)\b";
/// An ordinal in digits: `3e`, `1er`, `2nde` (`n`).
pub(crate) const ORDINAL_DIGITS: &str = r"\b(?P<n>[0-9]+)(?:ers?|res?|[eè]res?|nde?s?|[eè]mes?|i[eè]mes?|es?)\b";

fn words(list: &[&str]) -> String {
    alternation(list.iter().copied())
}

/// Digits with French grouping (space, U+00A0, U+202F, or a dot before
/// exactly three digits) and a decimal comma (`grouped`), or plain with a
/// decimal comma or dot (`decimal`); no trailing boundary.
pub(crate) const DIGITS: &str =
    r"\b(?:(?P<grouped>[0-9]{1,3}(?:[ \x{A0}\x{202F}.'’][0-9]{3})+(?:,[0-9]+)?)|(?P<decimal>[0-9]+(?:[.,][0-9]+)?))";

pub(super) fn digits() -> &'static str {
    DIGITS
}

/// An alternation of words written without accents in running text (number
/// words): no accent classes, which keeps the compiled regex small.
fn ascii_words(list: &[&str]) -> String {
    format!(r"\b(?:{})\b", list.join("|").replace(' ', r"\s+"))
}

/// Number words: `vingt et un`, `quatre-vingt-dix-sept`, `deux mille`.
pub(super) fn number_words() -> String {
    let mut list: Vec<&str> = NUMBER_WORDS.to_vec();
    list.insert(0, "zéro");
    let w = ascii_words(&list);
    format!(r"(?:{w}(?:{SEP}(?:et{SEP}(?:une?|onze)\b|{w}))*)")
}

/// The scale words of [`SCALES`] that start with `prefixes`, as an
/// alternation of words.
fn scale_words_from(prefixes: &[&str]) -> String {
    let named: Vec<&str> = SCALES
        .iter()
        .map(|(w, _)| *w)
        .filter(|w| prefixes.iter().any(|p| w.starts_with(p)))
        .collect();
    ascii_words(&named)
}

/// A scale in words: `million`, `milliards`, `mille`.
fn scale_word() -> String {
    scale_words_from(&["mil", "bil"])
}

/// A scale in words above a thousand: `million`, `milliards` (`trois
/// milliards` when the number words reader does not take them whole).
pub(crate) fn large_scale_word() -> String {
    scale_words_from(&["milli", "bil"])
}

/// The scale after digits, in words (`scale`) or abbreviated (`scale_abbr`:
/// `5k`, `3M`, `2 Mds`), or none.
pub(crate) fn scale_words() -> String {
    format!(
        r"(?:\s*(?P<scale>{})|(?P<scale_abbr>(?-i:k|K|M|Mds?|Mrds?|Md))\b|\b)",
        scale_word()
    )
}

/// The fractions: `tiers`, `quarts` (`fraction`).
pub(crate) fn fractions() -> String {
    format!(
        "(?P<fraction>{})",
        ascii_words(&FRACTIONS.iter().map(|(w, _)| *w).collect::<Vec<_>>())
    )
}

/// A plain number, no hedge: `1 000`, `1,5 million`, `vingt et un`,
/// `deux tiers`, `un million et demi`, `3 douzaines`.
fn plain() -> String {
    let fractions = fractions();
    let nw = number_words();
    let core = format!("(?:{}{}|{nw})", digits(), scale_words());
    format!(
        r"(?:{HALF}|{core}(?:{VIRGULE}(?:[0-9]+|{nw})|{AND_HALF}|{AND}{NUMERATOR}\s+{fractions}|\s+{fractions}|{MULTIPLES})?)"
    )
}

/// Vague quantities: `une trentaine`, `des dizaines de milliers`
/// (`det1`/`noun1` or `det2`/`noun2`, `mult`), `quelques` (`alone`).
pub(crate) fn approx() -> String {
    let singular: Vec<&str> = APPROX_NOUNS
        .iter()
        .map(|(w, ..)| *w)
        .filter(|w| !w.starts_with("milli") || *w == "millier")
        .collect();
    let all: Vec<&str> = APPROX_NOUNS.iter().map(|(w, ..)| *w).collect();
    let mult = words(&APPROX_MULTIPLIERS.iter().map(|(w, _)| *w).collect::<Vec<_>>());
    let s = "quelques";
    format!(
        r"(?:(?:\b(?P<det1>une?)\s+(?P<noun1>{})|\b(?P<det2>{s}|plusieurs|des)\s+(?P<noun2>{}))s?\b(?:\s+{DE}(?P<mult>{mult}))?|\b(?P<alone>{s}|plusieurs)\b)",
        alt_plain(&singular),
        alt_plain(&all)
    )
}

fn alt_plain(list: &[&str]) -> String {
    list.iter().map(|w| lenient(w)).collect::<Vec<_>>().join("|")
}

/// One end of a range: digits (with a scale) or number words.
fn operand() -> String {
    format!("(?:{}{}|{})", digits(), scale_words(), number_words())
}

/// Ranges: `entre 10 et 12`, `de 10 à 12`, `10-12`, `deux ou trois`.
fn range(pct: &str) -> String {
    let op = operand();
    format!(r"(?:(?:{RANGE_BETWEEN}{op}{pct}{AND}|{RANGE_FROM}?{op}{pct}{RANGE_TO}){op}|{RANGE_DASH})")
}

fn body(pct: &str) -> String {
    format!("(?:{}|{}|{})", range(pct), approx(), plain())
}

/// Hedges before the number, each followed by its space (or elision).
fn hedge_prefix() -> String {
    let mut alts: Vec<String> = Vec::new();
    for (phrase, _) in HEDGES {
        let alt = match phrase.strip_suffix(" de") {
            Some(head) => format!(r"{}\s+{DE}", lenient(head)),
            None => format!(r"{}\s+", lenient(phrase)),
        };
        if !alts.contains(&alt) {
            alts.push(alt);
        }
    }
    format!(r"(?:\b(?:{}))?", alts.join("|"))
}

fn suffix_hedge() -> String {
    let alts: Vec<String> = SUFFIX_HEDGES.iter().map(|(p, _)| lenient(p)).collect();
    format!(r"(?:\s+\b(?:{})\b)?", alts.join("|"))
}

fn ordinal() -> String {
    let stems = ORDINAL_STEMS
        .iter()
        .map(|(s, _)| lenient(s))
        .collect::<Vec<_>>()
        .join("|");
    format!(
        r"(?:{ORDINAL_DIGITS}|(?:{}{SEP}(?:et{SEP})?)?\b(?:(?:{stems})i[eè]mes?|seconde?s?)\b|\bpremi(?:er|[eè]re)s?\b|\btierce\b)",
        number_words()
    )
}

/// Units may be glued to digits (`48h`), so no boundary before them.
pub(super) fn duration_units() -> String {
    let alts = DURATION_UNITS
        .iter()
        .map(|(w, ..)| lenient(w))
        .collect::<Vec<_>>()
        .join("|");
    format!(r"(?:{alts})\b")
}

/// The duration phrase without its hedge: `deux jours et demi`, `48 heures`.
fn duration_core() -> String {
    let dbody = format!("(?:{}|{}|{}|{})", range(""), approx(), plain_for_units(), plain());
    format!(
        r"(?:{}|{dbody}{CLOSING_QUOTE}{})",
        words(&WHOLE_UNITS.iter().map(|(w, _)| *w).collect::<Vec<_>>()),
        duration_tail()
    )
}

/// `et demi` after a count or a unit (`deux jours et demi`).
const AND_HALF_UNIT: &str = r"\s+et\s+demie?\b";

/// What follows a duration's count: its unit (`unit`), glued or not
/// (`48h`, `50-day`), and `et demi` (`half`).
pub(crate) fn duration_tail() -> String {
    format!(
        r"(?:\s*-\s*|\s*)(?:{DE})?(?:(?:prochaine?|derni[eè]re?|premi[eè]re?)s\s+)?(?P<unit>{})(?P<half>{AND_HALF_UNIT})?",
        duration_units()
    )
}

/// Digits glued to a unit (`48h`, `3jour`): no word boundary after them.
fn plain_for_units() -> String {
    format!(r"{}(?:{AND_HALF_UNIT})?", digits())
}

fn duration() -> String {
    format!("(?:{}{})", hedge_prefix(), duration_core())
}
