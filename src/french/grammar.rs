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
    alternation, lenient, APPROX_MULTIPLIERS, APPROX_NOUNS, DURATION_UNITS, FRACTIONS, HEDGES, HOLIDAYS,
    HOLIDAY_QUALIFIERS, MONTHS, NUMBER_WORDS, ORDINAL_STEMS, SCALES, SEASONS, SUFFIX_HEDGES, WEEKDAYS,
    WEEKDAY_ABBREVIATIONS, WHOLE_UNITS,
};
use crate::language::{Lang, CLOSING_QUOTE};
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
    r"\b(?:[0-9]{1,3}(?:[ \x{A0}\x{202F}.][0-9]{3})+(?:,[0-9]+)?|[0-9]+(?:[.,][0-9]+)?)"
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
        r"(?:(?:\bune?\s+)?\bdemi(?:e|\s*-\s*(?:millions?|milliards?))?\b|{core}(?:\s+virgule\s+(?:[0-9]+|{nw})|\s+et\s+(?:(?:une?\s+)?demie?\b|(?:une?|deux|trois)\s+{fractions})|\s+{fractions}|\s+\b(?:douzaines?|dizaines|centaines|milliers)\b)?)"
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
    let s = "quelques";
    format!(
        r"(?:(?:\bune?\s+(?:{})|\b(?:{s}|plusieurs|des)\s+(?:{}))s?\b(?:\s+{DE}{mult})?|\b(?:{s}|plusieurs)\b)",
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
    let a = r"(?:[àa]|au|jusqu['’]\s*(?:[àa]|au)|ou)";
    format!(r"(?:(?:\bentre\s+{op}{pct}\s+et|(?:\bde\s+|\bd['’]\s*)?{op}{pct}\s+{a})\s+{op}|\b[0-9]+\s*-\s*[0-9]+\b)")
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
        r"(?:\b[0-9]+(?:ers?|res?|[eè]res?|nde?s?|[eè]mes?|i[eè]mes?|es?)\b|(?:{}{SEP}(?:et{SEP})?)?\b(?:(?:{stems})i[eè]mes?|seconde?s?)\b|\bpremi(?:er|[eè]re)s?\b|\btierce\b)",
        number_words()
    )
}

/// Units may be glued to digits (`48h`), so no boundary before them.
fn duration_units() -> String {
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
        r"(?:{}|{dbody}{CLOSING_QUOTE}(?:\s*-\s*|\s*)(?:{DE})?(?:(?:prochaine?|derni[eè]re?|premi[eè]re?)s\s+)?{}(?:\s+et\s+demie?\b)?)",
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

/// A four-digit year.
const YEAR: &str = r"\b[12][0-9]{3}\b";
/// Small counts before a unit (`les 3 derniers jours`, `les vingt-quatre
/// dernières heures`).
const FEW: &str = r"(?:[0-9]{1,3}|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|quinze|vingt(?:-quatre)?|trente|quarante-huit|soixante-douze|cent)";
/// Calendar units of a span (`les 3 prochaines semaines`).
const SPAN_UNITS: &str =
    r"(?:jours?|journ[ée]es?|semaines?|mois|ann[ée]es?|ans|trimestres?|heures?|minutes?|secondes?)\b";
/// Hours in words, for clock times (`à trois heures et quart`).
const HOUR_WORDS: &str = r"(?:une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix(?:-sept|-huit|-neuf)?|onze|douze|treize|quatorze|quinze|seize|vingt(?:\s+et\s+une|-deux|-trois)?)";

/// A clock time: `15h`, `15h30`, `15:30`, `9 heures 30`, `trois heures et
/// quart`, `midi`, `minuit trois`, `8h du soir`.
fn clock() -> String {
    format!(
        r"(?:\b(?:[01]?[0-9]|2[0-4])(?:\s*(?:h|heures?)\b(?:\s*[0-5][0-9]\b)?|\s*[h:][0-5][0-9]\b)|{HOUR_WORDS}\s+heures?\b|midi\b|minuit\b)(?:\s+(?:et\s+(?:quart|demie?)|moins\s+(?:le\s+)?quart|trois\s+quarts|[0-5][0-9]|cinq|dix|quinze|vingt(?:-cinq)?|trente|quarante(?:-cinq)?|cinquante|trois)\b)?(?:\s+du\s+(?:matin|soir|mat)\b)?"
    )
}

/// A clock time or a span of two (`de 9h30 à 11h`, the end in digits), after
/// the prepositions that may stand before it (`vers 15h`, `à 15h`).
fn clock_span(prepositions: &str) -> String {
    format!(
        r"(?:(?:{prepositions})\s+)?{}(?:\s*(?:-|[àa]|et|jusqu['’]\s*[àa])\s*\b(?:[01]?[0-9]|2[0-4])\s*(?:h|heures?)(?:\s*[0-5][0-9])?\b)?",
        clock()
    )
}

/// A part of a day after the day (`lundi soir`, `le 2 mars en fin de matinée`,
/// `aujourd'hui très tôt le matin`, `pendant le déjeuner`).
const DAY_PART: &str = r"(?:(?:en|au|[àa]\s+la|[àa]\s+l['’]|dans\s+la|dans\s+l['’]|dans\s+le|pendant\s+la|pendant\s+le|le|la|l['’])\s*)?(?:(?:d[ée]but|milieu|fin)\s+(?:de\s+la\s+|de\s+l['’]\s*|du\s+|de\s+|d['’]\s*))?(?:(?:tr[eè]s\s+)?t[oô]t\s+(?:le\s+)?)?(?:matin[ée]e|soir[ée]e|journ[ée]e|apr[eè]s(?:\s*-\s*|\s+)midi|matin|soir|nuit|midi|d[ée]jeuner)\b(?:\s+(?:tr[eè]s\s+)?t[oô]t\b)?";

/// The date phrase. Built in layers, each of which the normaliser peels off in
/// the same order (`normalize::date`): an anchor (`la veille de`, `la nuit
/// du`, `la semaine du`), a clock time before the day, the day itself, a time
/// of day after it, and `-là` (which makes the phrase anaphoric: no value).
fn date() -> String {
    // Weekdays; abbreviations only with a dot or a comma (`lun.`, `Mer,`),
    // since `mer`, `jeu` and `mar` are words.
    let wd_names = WEEKDAYS.join("|");
    let wd_abbr = WEEKDAY_ABBREVIATIONS.join("|");
    let wd = format!(r"\b(?:{wd_names})\b");
    // A weekday before a day number: `mercredi 13`, `Mercredi, 13`, `Mer, 22`.
    let wdx = format!(r"(?:{wd},?\s*|\b(?:{wd_abbr})[.,]\s*)");
    let month_alts: Vec<String> = MONTHS
        .iter()
        .map(|(m, _)| match *m {
            "sept" => r"sept\.".to_string(),
            _ => format!(r"{}\b\.?", lenient(m)),
        })
        .collect();
    let month = format!(r"\b(?:{})", month_alts.join("|"));
    let unit = "un|deux|trois|quatre|cinq|six|sept|huit|neuf";
    let day_words = format!(
        r"premier|(?:vingt|trente)(?:{SEP}et{SEP}un|{SEP}(?:{unit}))?|dix(?:{SEP}(?:sept|huit|neuf))?|onze|douze|treize|quatorze|quinze|seize|deux|trois|quatre|cinq|six|sept|huit|neuf"
    );
    // A day of the month, in digits or words; `le N` and `mercredi N` take digits only.
    let day = format!(r"\b(?:1er|1re|1[eè]re|(?:3[01]|[12][0-9]|0?[1-9])(?:e|[eè]me)?|{day_words})\b");
    let daynum = r"\b(?:1er|3[01]|[12][0-9]|0?[1-9])\b";
    let de = r"(?:de\s+|d['’]\s*)";
    let to = r"(?:\s*-\s*|\s+(?:au|[àa]|jusqu['’]\s*(?:au|[àa])|et\s+le|et)\s+)";
    let this_month = r"(?:ce|cette)\s+mois(?:-ci)?\b|(?:du\s+)?mois\s+prochain\b";
    // `le 2 juin 2025`, `du 13 au 15 juillet`, `lundi 1er au mercredi 10 juillet`, `le 14-Juillet`.
    let with_month = format!(
        r"(?:\b(?:le|du|au|entre(?:\s+le)?)\s+)?{wdx}?{day}(?:(?:\s+|-){de}?{month})?(?:{to}(?:le\s+)?{wdx}?{day})?(?:\s+|-){de}?(?:{month}(?:,?\s+{YEAR})?|{this_month})"
    );
    // `le 16`, `mercredi 13`, `du 13 au 18`, `entre le 13 et le dix-huit`.
    let without_month = format!(
        r"\b(?:du|entre\s+le)\s+\b(?:1er|(?:3[01]|[12][0-9]|0?[1-9])(?:e|[eè]me)?)\s+(?:au|jusqu['’]\s*au|et\s+le)\s+{day}|(?:\ble\s+{wdx}?|{wdx}){daynum}"
    );
    let numdate = r"(?:\ble\s+)?\b(?:[0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,2}|[0-9]{1,2}[-/.][0-9]{1,2}[-/.](?:[0-9]{4}|[0-9]{2})|[0-9]{1,2}/[0-9]{1,2}|[12][0-9]{3}\s*[-/.]\s*(?:1[0-2]|0?[1-9])|(?:1[0-2]|0?[1-9])\s*[-/]\s*[12][0-9]{3})\b";
    // `mercredi`, `ce mercredi`, `mercredi prochain`, `vendredi de la semaine prochaine`, `lundi en huit`.
    let wdrel = format!(
        r"(?:\b(?:ce|cette)\s+)?(?:{wd}|\b(?:{wd_abbr})\.)(?:\s+(?:prochain|derni[eè]re?|pass[ée]|en\s+(?:huit|quinze))\b|(?:\s+de)?\s+(?:la|cette)\s+semaine(?:\s+(?:prochaine?|derni[eè]re?|pass[ée]e|pr[ée]c[ée]dente)\b)?)?"
    );
    // `de lundi à mercredi`, `(la nuit de) dimanche à lundi`.
    let wdrange = format!(r"(?:\b(?:du|de)\s+)?{wd}\s+(?:[àa]|au|jusqu['’]\s*au)\s+{wd}");
    let relday = alternation([
        "aujourd'hui",
        "avant-hier",
        "après-demain",
        "hier",
        "demain",
        "ce matin",
        "ce soir",
        "ce midi",
        "cet après-midi",
        "cette après-midi",
        "cette nuit",
        "la nuit dernière",
        "ce jour",
    ]);
    let holiday_names = alternation(HOLIDAYS.iter().map(|(h, ..)| *h));
    let qualifiers = alternation(HOLIDAY_QUALIFIERS.iter().copied());
    let holiday = format!(
        r"(?:\b(?:le|la)\s+|\bl['’]\s*)?(?:\b(?:jour|journ[ée]e)\s+(?:de\s+la\s+|de\s+l['’]\s*|de\s+))?{holiday_names}(?:\s+{qualifiers})?(?:\s+{YEAR})?"
    );
    // Anchors before a day: `la veille de`, `au lendemain du`, `la nuit du`, `la matinée du`, `la semaine du`.
    let anchor = r"(?:\b(?:la\s+veille|[àa]\s+la\s+veille|le\s+lendemain|au\s+lendemain)\s+(?:d['’]\s*|de\s+|du\s+)|(?:\bdans\s+)?(?:\b(?:la|le)\s+|\bl['’]\s*)?\b(?:matin[ée]e|soir[ée]e|nuit|journ[ée]e|matin|soir|apr[eè]s-midi|semaine)\s+(?:d['’]\s*|de\s+|du\s+))";
    // Before the day, few prepositions (each one is tried wherever it stands
    // in a text); after it, all.
    let lead_clock = clock_span(r"[àa]|vers|de|entre");
    let clocks = clock_span(
        r"(?:plut[oô]t\s+)?(?:[àa]\s+)?(?:environ|vers|autour\s+de|aux\s+alentours\s+de)|[àa]|de|entre|jusqu['’]\s*[àa]|d[èe]s",
    );
    let tod = format!(r"(?:\s+{clocks})?(?:\s+{DAY_PART})?");
    let day_forms = format!(
        r"{anchor}?(?:{lead_clock}\s+)?(?:{with_month}|{numdate}|{without_month}|{wdrange}|{wdrel}|{relday}|{holiday}){tod}"
    );
    // `il y a deux ans`, `dans trois jours`, `dans les 15 jours`, `d'ici deux semaines`.
    let offset = format!(
        r"\b(?:il\s+y\s+a|dans(?:\s+les)?|d['’]\s*ici(?:\s+[àa])?|voici|voil[àa])\s+(?:{}|{})\s*{}",
        digits(),
        number_words(),
        duration_units()
    );
    // `les 3 derniers jours`, `ces dernières semaines`, `les 24 dernières heures`;
    // `de`/`du` after it (`les derniers jours de juin`) is matched, to be read as no date.
    let span = format!(
        r"(?:\b(?:les|des|ces)\s+)?(?:\b{FEW}\s+(?:derni[eè]re?|prochaine?)s?|\b(?:derni[eè]re?|prochaine?)s(?:\s+{FEW})?)\s+{SPAN_UNITS}(?:\s+(?:de|du|des|d['’]))?"
    );
    let relperiod = alternation([
        "la semaine prochaine",
        "la semaine dernière",
        "la semaine passée",
        "la semaine précédente",
        "cette semaine",
        "dans la semaine",
        "semaine prochaine",
        "semaine dernière",
        "le mois dernier",
        "le mois prochain",
        "le mois passé",
        "ce mois-ci",
        "ce mois",
        "mois dernier",
        "mois prochain",
        "l'année dernière",
        "l'année prochaine",
        "l'année passée",
        "l'an dernier",
        "l'an prochain",
        "l'an passé",
        "cette année",
        "le week-end dernier",
        "le week-end prochain",
        "le weekend dernier",
        "le weekend prochain",
        "ce week-end",
        "ce weekend",
        "le week-end",
        "le weekend",
    ]);
    let season_names = alternation(SEASONS.iter().map(|(s, ..)| *s));
    let season = format!(
        r"(?:\b(?:[àa]\s+)?l['’]\s*|\b(?:cet|cette|ce|en|au)\s+){season_names}(?:\s+(?:dernier\b|prochain\b|arabe\b|(?:de\s+l['’]\s*ann[ée]e\s+)?{YEAR}(?:\s*[-/]\s*(?:{YEAR}|[0-9]{{2}}\b))?))?"
    );
    // The target of `premier mercredi de`, `dernier jour de`, `début de`: a
    // month, the month, the year, the week. A `de` after a quarter that is not
    // followed by one (`premier trimestre de grossesse`) is matched, to be
    // read as no date.
    let of_month = format!(r"(?:mois\s+{de})?{month}(?:\s+(?:{YEAR}|dernier\b|prochain\b))?");
    let rel_month = r"(?:ce\s+)?mois\b(?:\s+(?:prochain|dernier|pass[ée])\b)?";
    let rel_year = r"(?:cette\s+)?ann[ée]e\b(?:\s+(?:prochaine|derni[eè]re|pass[ée]e|[12][0-9]{3})\b)?";
    let ord = r"\b(?:premi[eè]re?|1(?:er|re|[eè]re)|(?:deuxi|troisi|quatri|cinqui)[eè]me|seconde?|[2-5]nde?|[0-9]{1,2}(?:e|[eè]me)|derni[eè]re?|avant-derni[eè]re?)";
    let of = format!(r"(?:d['’]\s*|de\s+l['’]\s*|de\s+|du\s+)(?:{of_month}|{rel_month}|{rel_year}|{YEAR})");
    let nth = format!(
        r"(?:\b(?:le|la|au|du)\s+)?{ord}\s+(?:(?:trimestre|semestre)\b(?:\s+(?:{of}|{YEAR}|(?:de|du|des)\b|d['’]))?|(?:{wd}|jour\b|week\s*-?\s*end\b|semaine\b|quinzaine\b)\s+{of})"
    );
    // `début juin`, `mi-2022`, `à la fin du mois`, `en début de semaine prochaine`.
    let part = format!(
        r"(?:\b(?:au|en|[àa]\s+la|d[èe]s\s+l[ae])\s+)?\b(?:d[ée]but|fin|mi|milieu|courant)(?:\s*-\s*|\s+)(?:d['’]\s*|(?:de|du)\s+(?:la\s+|l['’]\s*)?)?(?:{of_month}|(?:l['’]\s*ann[ée]e\s+)?{YEAR}|semaine\b(?:\s+(?:prochaine|derni[eè]re|pass[ée]e)\b)?|{rel_month}|{rel_year})"
    );
    let monthp = format!(
        r"(?:\ben\s+|\bau\s+mois\s+{de}|\b(?:le\s+)?mois\s+{de}|\b(?:ce|cette)\s+|\bprochain\s+)?{month}(?:\s+{YEAR}|\s+(?:dernier|prochain)\b)?"
    );
    let yearp = r"(?:\b(?:en|au\s+cours\s+de|courant)\s+(?:(?:de\s+)?l['’]\s*ann[ée]e\s+)?)?\b(?:19|20)[0-9]{2}\b";
    let decade = format!(r"\bles\s+ann[ée]es\s+(?:(?:19|20)[0-9]0\b|[0-9]0\b|{})", number_words());
    format!(
        r"(?:(?:{day_forms}|{offset}|{span}|{relperiod}|{season}|{nth}|{part}|{monthp}|{yearp}|{decade})(?:-l[àa]\b)?)"
    )
}
