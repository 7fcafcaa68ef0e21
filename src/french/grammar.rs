//! Regular-expression fragments for the typed placeholders of rule patterns.
//!
//! Each fragment matches the whole surface phrase of a value, hedge included
//! (`au moins un`, `près de 50 jours`, `mercredi prochain`), and nothing the
//! normaliser would not read: every phrase it matches is handed as is to
//! [`crate::normalize::normalize`]. The fragments use `regex`-crate syntax that
//! ripgrep also accepts, have no capture groups, and are meant to be compiled
//! case-insensitively (`(?i)`). They are generated from the tables of
//! [`super::vocab`] and built once.

use super::vocab::{
    alternation, tolerant, APPROX_MULTIPLIERS, APPROX_NOUNS, DURATION_UNITS, FRACTIONS, HEDGES, MONTHS, NUMBER_WORDS,
    ORDINAL_STEMS, SCALES, SUFFIX_HEDGES, TIMES_OF_DAY, WEEKDAYS, WEEKDAY_ABBREVIATIONS, WHOLE_UNITS,
};
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

    /// The regular expression the placeholder expands to. It has no capture
    /// groups of its own and is meant to be compiled case-insensitively.
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

static COUNT: LazyLock<String> = LazyLock::new(|| format!("(?:{}{}{})", hedge_prefix(), body(""), suffix_hedge()));
static NUMBER: LazyLock<String> = LazyLock::new(|| {
    let pct = format!("(?:{})?", PERCENT);
    format!(
        r"(?:{}(?:[-−]\s*|\bmoins\s+)?{}{pct}{})",
        hedge_prefix(),
        body(&pct),
        suffix_hedge()
    )
});
static ORDINAL: LazyLock<String> = LazyLock::new(ordinal);
static DURATION: LazyLock<String> = LazyLock::new(duration);
static DATE: LazyLock<String> = LazyLock::new(date);

/// Between two words of a number: a space or a hyphen.
const SEP: &str = r"(?:\s+|\s*-\s*)";
/// `%`, `pour cent`.
const PERCENT: &str = r"\s*%|\s+pour\s*cents?\b|\s*pourcents?\b";
/// Either `de ` or the elided `d'`.
const DE: &str = r"d(?:e\s+|['’]\s*)";

fn words(list: &[&str]) -> String {
    alternation(list.iter().copied())
}

/// Digits with French grouping (space, U+00A0, U+202F, or a dot before
/// exactly three digits) and a decimal comma; no trailing boundary.
fn digits() -> &'static str {
    r"\b(?:\d{1,3}(?:[ \x{A0}\x{202F}.]\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?)"
}

/// An alternation of words written without accents in running text (number
/// words): no accent classes, which keeps the compiled regex small.
fn ascii_words(list: &[&str]) -> String {
    format!(r"\b(?:{})\b", list.join("|").replace(' ', r"\s+"))
}

/// Number words: `vingt et un`, `quatre-vingt-dix-sept`, `deux mille`.
fn number_words() -> String {
    let mut list: Vec<&str> = NUMBER_WORDS.to_vec();
    list.insert(0, "zéro");
    let w = ascii_words(&list);
    format!(r"(?:{w}(?:{SEP}(?:et{SEP}(?:une?|onze)\b|{w}))*)")
}

fn scale_words() -> String {
    let named: Vec<&str> = SCALES
        .iter()
        .map(|(w, _)| *w)
        .filter(|w| w.starts_with("mil") || w.starts_with("bil"))
        .collect();
    format!(r"(?:\s*{}|(?-i:k|K|M|Mds?|Mrds?|Md)\b|\b)", ascii_words(&named))
}

/// A plain number, no hedge: `1 000`, `1,5 million`, `vingt et un`,
/// `deux tiers`, `un million et demi`, `3 douzaines`.
fn plain() -> String {
    let fractions = ascii_words(&FRACTIONS.iter().map(|(w, _)| *w).collect::<Vec<_>>());
    let nw = number_words();
    let core = format!("(?:{}{}|{nw})", digits(), scale_words());
    format!(
        r"(?:(?:\bune?\s+)?\bdemi(?:e|\s*-\s*(?:millions?|milliards?))?\b|{core}(?:\s+virgule\s+(?:\d+|{nw})|\s+et\s+(?:(?:une?\s+)?demie?\b|(?:une?|deux|trois)\s+{fractions})|\s+{fractions}|\s+\b(?:douzaines?|dizaines|centaines|milliers)\b)?)"
    )
}

/// Vague quantities: `une trentaine`, `des dizaines de milliers`, `quelques`.
fn approx() -> String {
    let singular: Vec<&str> = APPROX_NOUNS
        .iter()
        .map(|(w, ..)| *w)
        .filter(|w| !w.starts_with("milli") || *w == "millier")
        .collect();
    let all: Vec<&str> = APPROX_NOUNS.iter().map(|(w, ..)| *w).collect();
    let mult = words(&APPROX_MULTIPLIERS.iter().map(|(w, _)| *w).collect::<Vec<_>>());
    let s = tolerant("quelques");
    format!(
        r"(?:(?:\bune?\s+(?:{})|\b(?:{s}|plusieurs|des)\s+(?:{}))s?\b(?:\s+{DE}{mult})?|\b(?:{s}|plusieurs)\b)",
        alt_plain(&singular),
        alt_plain(&all)
    )
}

fn alt_plain(list: &[&str]) -> String {
    list.iter().map(|w| tolerant(w)).collect::<Vec<_>>().join("|")
}

/// One end of a range: digits (with a scale) or number words.
fn operand() -> String {
    format!("(?:{}{}|{})", digits(), scale_words(), number_words())
}

/// Ranges: `entre 10 et 12`, `de 10 à 12`, `10-12`, `deux ou trois`.
fn range(pct: &str) -> String {
    let op = operand();
    let a = r"(?:[àa]|au|jusqu['’]\s*(?:[àa]|au)|ou)";
    format!(r"(?:(?:\bentre\s+{op}{pct}\s+et|(?:\bde\s+|\bd['’]\s*)?{op}{pct}\s+{a})\s+{op}|\b\d+\s*-\s*\d+\b)")
}

fn body(pct: &str) -> String {
    format!("(?:{}|{}|{})", range(pct), approx(), plain())
}

/// Hedges before the number, each followed by its space (or elision).
fn hedge_prefix() -> String {
    let alts: Vec<String> = HEDGES
        .iter()
        .map(|(phrase, _)| match phrase.strip_suffix(" de") {
            Some(head) => format!(r"{}\s+{DE}", tolerant(head)),
            None => format!(r"{}\s+", tolerant(phrase)),
        })
        .collect();
    format!(r"(?:\b(?:{}))?", alts.join("|"))
}

fn suffix_hedge() -> String {
    let alts: Vec<String> = SUFFIX_HEDGES.iter().map(|(p, _)| tolerant(p)).collect();
    format!(r"(?:\s+\b(?:{})\b)?", alts.join("|"))
}

fn ordinal() -> String {
    let stems = ORDINAL_STEMS
        .iter()
        .map(|(s, _)| tolerant(s))
        .collect::<Vec<_>>()
        .join("|");
    format!(
        r"(?:\b\d+(?:ers?|res?|[eè]res?|nde?s?|[eè]mes?|i[eè]mes?|es?)\b|(?:{}{SEP}(?:et{SEP})?)?\b(?:(?:{stems})i[eè]mes?|seconde?s?)\b|\bpremi(?:er|[eè]re)s?\b|\btierce\b)",
        number_words()
    )
}

/// Units may be glued to digits (`48h`), so no boundary before them.
fn duration_units() -> String {
    let alts = DURATION_UNITS
        .iter()
        .map(|(w, ..)| tolerant(w))
        .collect::<Vec<_>>()
        .join("|");
    format!(r"(?:{alts})\b")
}

/// The duration phrase without its hedge: `deux jours et demi`, `48 heures`.
fn duration_core() -> String {
    let dbody = format!("(?:{}|{}|{}|{})", range(""), approx(), plain_for_units(), plain());
    format!(
        r"(?:{}|{dbody}(?:\s*-\s*|\s*)(?:{DE})?{}(?:\s+et\s+demie?\b)?)",
        words(&WHOLE_UNITS.iter().map(|(w, _)| *w).collect::<Vec<_>>()),
        duration_units()
    )
}

/// Digits glued to a unit (`48h`, `3jour`): no word boundary after them.
fn plain_for_units() -> String {
    format!(r"{}(?:\s+et\s+demie?\b)?", digits())
}

fn duration() -> String {
    format!("(?:{}{})", hedge_prefix(), duration_core())
}

fn date() -> String {
    let wd = words(&WEEKDAYS);
    let abbr = WEEKDAY_ABBREVIATIONS.join("|");
    let wdfull = format!(r"(?:{wd}|\b(?:{abbr})\b\.?)");
    let month_alts: Vec<String> = MONTHS
        .iter()
        .map(|(m, _)| match *m {
            "sept" | "sep" => format!(r"{m}\."),
            _ => format!(r"{}\b\.?", tolerant(m)),
        })
        .collect();
    let month = format!(r"\b(?:{})", month_alts.join("|"));
    let daynum = r"\b(?:1er|1re|1[eè]re|(?:3[01]|[12]\d|0?[1-9])(?:e|[eè]me)?)\b";
    let unit = "un|deux|trois|quatre|cinq|six|sept|huit|neuf";
    let day_words = format!(
        r"\b(?:premier|(?:vingt|trente)(?:{SEP}et{SEP}un|{SEP}(?:{unit}))?|dix(?:{SEP}(?:sept|huit|neuf))?|onze|douze|treize|quatorze|quinze|seize|deux|trois|quatre|cinq|six|sept|huit|neuf)\b"
    );
    let day = format!("(?:{daynum}|{day_words})");
    let year = r"\b[12]\d{3}\b";
    let tod = format!(
        r"(?:\s+{}|\s+(?:(?:[àa]\s+)?(?:environ|vers|autour\s+de|aux\s+alentours\s+de)|[àa])\s+(?:\d{{1,2}}\s*(?:h|heures?)(?:\s*\d{{2}})?\b(?:\s+du\s+(?:matin|soir))?|midi\b|minuit\b))?",
        words(TIMES_OF_DAY)
    );
    let to = r"(?:\s*-\s*|\s+(?:au|[àa]|jusqu['’]\s*(?:au|[àa])|et\s+le|et)\s+)";
    let night = format!(
        r"(?:\bdans\s+)?\bla\s+nuit\s+(?:de|du|d['’])\s*(?:{wd}\s+(?:[àa]|au)\s+{wd}|(?:{wd}\s+)?{day}(?:\s+{month})?\s+au\s+(?:{wd}\s+)?{day}\s+{month}(?:\s+{year})?|{wd})"
    );
    let this_month = r"(?:de\s+)?(?:ce|cette)\s+mois(?:-ci)?|(?:du\s+)?mois\s+prochain";
    let dayrange_no_month = format!(r"(?:\bdu\s+{day}\s+au|\bentre\s+le\s+{day}\s+et\s+le)\s+{day}");
    let dayrange = format!(
        r"(?:\b(?:du|entre\s+le|entre)\s+)?(?:{wdfull},?\s+)?{day}(?:\s+{month})?{to}(?:le\s+)?(?:{wdfull},?\s+)?{day}\s+(?:{month}(?:,?\s+{year})?|{this_month})"
    );
    let dmy = format!(r"(?:\b(?:le|du|au)\s+)?(?:{wdfull}(?:,\s*|\s+))?{day}\s+(?:{DE})?{month}(?:,?\s+{year})?");
    let numdate = r"(?:\ble\s+)?\b(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.](?:\d{4}|\d{2})|\d{1,2}/\d{1,2}|[12]\d{3}\s*[-/.]\s*(?:1[0-2]|0?[1-9])|(?:1[0-2]|0?[1-9])\s*[-/]\s*[12]\d{3})\b";
    let wd_day = format!(r"{wdfull}\s+{daynum}");
    let le_day = r"\ble\s+(?:1er|3[01]|[12]\d|0?[1-9])\b";
    let wdrel = format!(
        r"(?:\b(?:ce|cette)\s+)?(?:{wd}|\b(?:{abbr})\.)(?:\s+(?:prochain|derni[eè]re?|pass[eé])\b|(?:\s+de)?\s+(?:la|cette)\s+semaine(?:\s+(?:prochaine?|derni[eè]re?|pass[eé]e|pr[eé]c[eé]dente)\b)?)?"
    );
    let relday = words(&[
        "aujourd'hui",
        "avant-hier",
        "apres-demain",
        "hier",
        "demain",
        "ce matin",
        "ce soir",
        "ce midi",
        "cet apres-midi",
        "cette nuit",
        "la nuit derniere",
        "ce jour",
    ]);
    let offset = format!(
        r"\b(?:il\s+y\s+a|dans|voici|voil[àa])\s+(?:{}|{})\s*{}",
        digits(),
        number_words(),
        duration_units()
    );
    let relperiod = words(&[
        "la semaine prochaine",
        "la semaine derniere",
        "la semaine passee",
        "la semaine precedente",
        "cette semaine",
        "semaine prochaine",
        "semaine derniere",
        "le mois dernier",
        "le mois prochain",
        "le mois passe",
        "ce mois-ci",
        "ce mois",
        "mois dernier",
        "mois prochain",
        "l'annee derniere",
        "l'annee prochaine",
        "l'annee passee",
        "l'an dernier",
        "l'an prochain",
        "l'an passe",
        "cette annee",
        "le week-end dernier",
        "le week-end prochain",
        "le weekend dernier",
        "le weekend prochain",
        "ce week-end",
        "ce weekend",
        "le week-end",
        "le weekend",
    ]);
    let mprefix = format!(
        r"(?:\ben\s+|\bau\s+mois\s+{DE}|\b(?:le\s+)?mois\s+{DE}|\b(?:ce|cette)\s+|\bprochain\s+|\b(?:(?:au|en|[àa]\s+la)\s+)?(?:d[ée]but|fin|mi|milieu|courant)(?:\s*-\s*|\s+)(?:du\s+mois\s+)?(?:{DE})?)"
    );
    let monthp = format!(r"{mprefix}?{month}(?:\s+{year}|\s+(?:dernier|prochain)\b)?");
    let yearp = r"(?:\b(?:en|au\s+cours\s+de|courant|(?:(?:au|en)\s+)?(?:d[ée]but|fin|mi|milieu))(?:\s*-\s*|\s+)(?:(?:de\s+)?l['’]ann[ée]e\s+)?)?\b(?:19|20)\d{2}\b";
    let decade = format!(r"\bles\s+ann[ée]es\s+(?:(?:19|20)\d0\b|\d0\b|{})", number_words());
    format!(
        "(?:{night}|{dayrange}|{dayrange_no_month}|(?:{dmy}|{numdate}|{wd_day}|{le_day}|{wdrel}|{relday}){tod}|{offset}|{relperiod}|{monthp}|{yearp}|{decade})"
    )
}
