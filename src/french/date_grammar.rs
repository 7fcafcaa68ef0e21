//! The French date grammar, written once: each form a date may take (`le 2
//! juin 2025`, `mercredi prochain`, `la veille du 14-Juillet`, `les 3
//! derniers jours`…), as a regular expression over running text whose named
//! groups say which part is which.
//!
//! The `{date}` placeholder ([`date`]) is the alternation of these forms,
//! with the layers that may stand around a day: an anchor (`la veille de`,
//! `la nuit du`, `la semaine du`), a clock time before it, a time of day
//! after it, and `-là` (which makes the phrase anaphoric: no value). The
//! normaliser (`normalize::date`) peels the same layers off, in the same
//! order, and reads each form with the same expression folded
//! ([`crate::surface::folded`]): what the finder finds is what the reader
//! reads, and a form is changed in one place for both.
//!
//! Words that need no grammar (`hier`, `la semaine prochaine`) are listed,
//! with what they mean, in [`RELATIVE_DAYS`] and [`RELATIVE_PERIODS`].

use super::grammar::{digits, duration_units, number_words, SEP};
use super::vocab::{
    alternation, lenient, HOLIDAYS, HOLIDAY_QUALIFIERS, MONTHS, SEASONS, WEEKDAYS, WEEKDAY_ABBREVIATIONS,
};
use crate::surface::finder;
use std::sync::LazyLock;

/// What a phrase of [`RELATIVE_DAYS`] or [`RELATIVE_PERIODS`] means, from the publication day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relative {
    /// That many days after (before, when negative): `hier`, `demain`.
    Day(i32),
    /// `cette nuit`: the night around the publication.
    ThisNight,
    /// `la nuit dernière`: the night before it.
    LastNight,
    /// The Monday–Sunday week that many weeks after.
    Week(i32),
    /// The month that many months after.
    Month(i32),
    /// The year that many years after.
    Year(i32),
    /// A weekend: the last one (-1), the next one (1), or the nearest (0).
    Weekend(i32),
}

/// Relative days, as written (folded, they are looked up): a time of day
/// may follow them (`hier soir`).
pub const RELATIVE_DAYS: &[(&str, Relative)] = &[
    ("aujourd'hui", Relative::Day(0)),
    ("avant-hier", Relative::Day(-2)),
    ("après-demain", Relative::Day(2)),
    ("hier", Relative::Day(-1)),
    ("demain", Relative::Day(1)),
    ("ce matin", Relative::Day(0)),
    ("ce soir", Relative::Day(0)),
    ("ce midi", Relative::Day(0)),
    ("cet après-midi", Relative::Day(0)),
    ("cette après-midi", Relative::Day(0)),
    ("cette nuit", Relative::ThisNight),
    ("la nuit dernière", Relative::LastNight),
    ("ce jour", Relative::Day(0)),
];

/// Relative periods, as written.
pub const RELATIVE_PERIODS: &[(&str, Relative)] = &[
    ("la semaine prochaine", Relative::Week(1)),
    ("la semaine dernière", Relative::Week(-1)),
    ("la semaine passée", Relative::Week(-1)),
    ("la semaine précédente", Relative::Week(-1)),
    ("cette semaine", Relative::Week(0)),
    ("dans la semaine", Relative::Week(0)),
    ("semaine prochaine", Relative::Week(1)),
    ("semaine dernière", Relative::Week(-1)),
    ("le mois dernier", Relative::Month(-1)),
    ("le mois prochain", Relative::Month(1)),
    ("le mois passé", Relative::Month(-1)),
    ("ce mois-ci", Relative::Month(0)),
    ("ce mois", Relative::Month(0)),
    ("mois dernier", Relative::Month(-1)),
    ("mois prochain", Relative::Month(1)),
    ("l'année dernière", Relative::Year(-1)),
    ("l'année prochaine", Relative::Year(1)),
    ("l'année passée", Relative::Year(-1)),
    ("l'an dernier", Relative::Year(-1)),
    ("l'an prochain", Relative::Year(1)),
    ("l'an passé", Relative::Year(-1)),
    ("cette année", Relative::Year(0)),
    ("le week-end dernier", Relative::Weekend(-1)),
    ("le week-end prochain", Relative::Weekend(1)),
    ("le weekend dernier", Relative::Weekend(-1)),
    ("le weekend prochain", Relative::Weekend(1)),
    ("ce week-end", Relative::Weekend(0)),
    ("ce weekend", Relative::Weekend(0)),
    ("le week-end", Relative::Weekend(0)),
    ("le weekend", Relative::Weekend(0)),
];

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
/// The prepositions a clock time may take after a day (`vers 15h`,
/// `aux alentours de 6h`); before one, fewer ([`LEAD_CLOCK_PREPOSITIONS`]):
/// each is tried wherever it stands in a text.
const CLOCK_PREPOSITIONS: &str = r"(?:plut[oô]t\s+)?(?:[àa]\s+)?(?:environ|vers|autour\s+de|aux\s+alentours\s+de)|[àa]|de|entre|jusqu['’]\s*[àa]|d[èe]s";
const LEAD_CLOCK_PREPOSITIONS: &str = r"[àa]|vers|de|entre";

/// A part of a day after the day (`lundi soir`, `le 2 mars en fin de matinée`,
/// `aujourd'hui très tôt le matin`, `pendant le déjeuner`).
pub(crate) const DAY_PART: &str = r"(?:(?:en|au|[àa]\s+la|[àa]\s+l['’]|dans\s+la|dans\s+l['’]|dans\s+le|pendant\s+la|pendant\s+le|le|la|l['’])\s*)?(?:(?:d[ée]but|milieu|fin)\s+(?:de\s+la\s+|de\s+l['’]\s*|du\s+|de\s+|d['’]\s*))?(?:(?:tr[eè]s\s+)?t[oô]t\s+(?:le\s+)?)?(?:matin[ée]e|soir[ée]e|journ[ée]e|apr[eè]s(?:\s*-\s*|\s+)midi|matin|soir|nuit|midi|d[ée]jeuner)\b(?:\s+(?:tr[eè]s\s+)?t[oô]t\b)?";

/// A clock time: `15h`, `15h30`, `15:30`, `9 heures 30`, `trois heures et
/// quart`, `midi`, `minuit trois`, `8h du soir`.
fn clock() -> String {
    format!(
        r"(?:\b(?:[01]?[0-9]|2[0-4])(?:\s*(?:h|heures?)\b(?:\s*[0-5][0-9]\b)?|\s*[h:][0-5][0-9]\b)|{HOUR_WORDS}\s+heures?\b|midi\b|minuit\b)(?:\s+(?:et\s+(?:quart|demie?)|moins\s+(?:le\s+)?quart|trois\s+quarts|[0-5][0-9]|cinq|dix|quinze|vingt(?:-cinq)?|trente|quarante(?:-cinq)?|cinquante|trois)\b)?(?:\s+du\s+(?:matin|soir|mat)\b)?"
    )
}

/// A clock time or a span of two (`de 9h30 à 11h`, the end in digits), after
/// the prepositions that may stand before it.
fn clock_span(prepositions: &str) -> String {
    format!(
        r"(?:(?:{prepositions})\s+)?{}(?:\s*(?:-|[àa]|et|jusqu['’]\s*[àa])\s*\b(?:[01]?[0-9]|2[0-4])\s*(?:h|heures?)(?:\s*[0-5][0-9])?\b)?",
        clock()
    )
}

/// A weekday's name.
fn weekday_name() -> String {
    format!(r"\b(?:{})\b", WEEKDAYS.join("|"))
}

/// A weekday before a day number (`mercredi 13`, `Mercredi, 13`, `Mer, 22`),
/// in the group `name` (with its dot or comma when abbreviated):
/// abbreviations only with a dot or a comma, since `mer`, `jeu` and `mar`
/// are words.
fn weekday_before_day(name: &str) -> String {
    format!(
        r"(?:(?P<{name}>{}|\b(?:{})[.,]),?\s*)",
        weekday_name(),
        WEEKDAY_ABBREVIATIONS.join("|")
    )
}

/// A month's name or abbreviation (`sept.` only with its dot: `sept` is a
/// number).
fn month() -> String {
    let alts: Vec<String> = MONTHS
        .iter()
        .map(|(m, _)| match *m {
            "sept" => r"sept\.".to_string(),
            _ => format!(r"{}\b\.?", lenient(m)),
        })
        .collect();
    format!(r"\b(?:{})", alts.join("|"))
}

/// A day of the month, in digits or words.
fn day() -> String {
    let unit = "un|deux|trois|quatre|cinq|six|sept|huit|neuf";
    format!(
        r"\b(?:1er|1re|1[eè]re|(?:3[01]|[12][0-9]|0?[1-9])(?:e|[eè]me)?|premier|(?:vingt|trente)(?:{SEP}et{SEP}un|{SEP}(?:{unit}))?|dix(?:{SEP}(?:sept|huit|neuf))?|onze|douze|treize|quatorze|quinze|seize|deux|trois|quatre|cinq|six|sept|huit|neuf)\b"
    )
}

/// A day of the month in digits, as `le N` and `mercredi N` take it.
const DAY_NUMBER: &str = r"\b(?:1er|3[01]|[12][0-9]|0?[1-9])\b";
/// `de` or `d'`, before a month.
const OF: &str = r"(?:de\s+|d['’]\s*)";
/// Between the two days of a span: `du 13 au 15`, `13-15`, `entre le 13 et le 15`.
const DAY_TO: &str = r"(?:\s*-\s*|\s+(?:au|[àa]|jusqu['’]\s*(?:au|[àa])|et\s+le|et)\s+)";
/// What a rank or a part is of, after it: `de`, `du`, `de l'`.
const RANK_OF: &str = r"(?:d['’]\s*|de\s+l['’]\s*|de\s+|du\s+)";
/// A rank: `premier`, `3e`, `avant-dernière`.
const ORDINAL: &str = r"\b(?:premi[eè]re?|1(?:er|re|[eè]re)|(?:deuxi|troisi|quatri|cinqui)[eè]me|seconde?|[2-5]nde?|[0-9]{1,2}(?:e|[eè]me)|avant-derni[eè]re?|derni[eè]re?)";
/// Ranked units that need what they are of: `le premier mercredi de`.
const RANKED_QUARTER: &str = r"(?:trimestre|semestre)\b";

/// The pieces of a date, each written once (see the module's note). Named
/// groups mark what the normaliser reads; a piece with named groups appears
/// once in any expression.
pub(crate) struct Pieces {
    /// `la veille de`, `au lendemain du` (`shift`); `la nuit du`, `la
    /// semaine du` (`part`): before a day.
    pub anchor: String,
    /// A clock time or two, with the prepositions it may take before a day.
    pub lead_clock: String,
    /// The same after a day.
    pub clock_span: String,
    /// A part of a day after a day: [`DAY_PART`].
    pub day_part: &'static str,
    /// `le 2 juin 2025`, `du 13 au 15 juillet`, `lundi 1er au mercredi 10
    /// juillet`, `le 14-Juillet`, `le 5 de ce mois` (`wd1`, `d1`, `m1`, `d2`,
    /// `m2`, `y`, `this`, `next`).
    pub days_with_month: String,
    /// `du 13 au 18`, `entre le 13 et le dix-huit` (`d1`, `d2`).
    pub days_without_month: String,
    /// `le 16`, `mercredi 13`, `le mercredi 13` (`wd` or `wd2`, `d`).
    pub weekday_day: String,
    /// `2025-07-21` (`y1`, `m1`, `d1`), `21/07/2025` (`d2`, `m2`, `y2`),
    /// `21/07` (`d3`, `m5`), `2025-07` (`y3`, `m3`), `07/2025` (`m4`, `y4`).
    pub numeric: String,
    /// `du 20 au 21/07`, `20-21/07/2025`: a range of days whose month is a
    /// number after a slash (`d1`, `d2`, `m`, `y`).
    pub numeric_range: String,
    /// `mercredi`, `ce mercredi`, `mer.` (`wd`), `mercredi prochain` (`q`),
    /// `lundi en huit` (`en`), `vendredi de la semaine prochaine` (`week`,
    /// `wq`).
    pub weekday: String,
    /// `de lundi à mercredi` (`w1`, `w2`).
    pub weekday_range: String,
    /// [`RELATIVE_DAYS`].
    pub relative_day: String,
    /// [`RELATIVE_PERIODS`].
    pub relative_period: String,
    /// `Noël`, `le 14-Juillet`, `la Toussaint 2024` (`h`, `q`, `y`).
    pub holiday: String,
    /// `il y a`, `dans`, `d'ici` (`dir`), before a duration.
    pub offset_head: String,
    /// `les 3 derniers jours`, `ces dernières semaines` (`n1`, `q1`, `q2`,
    /// `n2`, `u`); `de`/`du` after it (`of`: `les derniers jours de juin`)
    /// is matched, to be read as no date.
    pub span: String,
    /// `cet été`, `l'hiver 2023-2024`, `le printemps dernier` (`s`, `q`,
    /// `y`, `y2`).
    pub season: String,
    /// `le`, `au`, before a rank.
    pub rank_article: &'static str,
    /// A rank: [`ORDINAL`].
    pub ordinal: &'static str,
    /// `trimestre`, `semestre`: a rank of these may stand alone.
    pub ranked_quarter: &'static str,
    /// A weekday, `jour`, `week-end`, `semaine`, `quinzaine`: a rank of
    /// these needs what it is of.
    pub ranked_day: String,
    /// `de`, `du`, `de l'`, after a rank.
    pub rank_of: &'static str,
    /// `début`, `mi-`, `à la fin du` (`part`), before what it is of.
    pub part_head: String,
    /// What a rank or a part is of: `juin`, `mois de mars`, `juin 2025`,
    /// `juin dernier` (`m`, `y`, `q`).
    pub of_month: String,
    /// `ce mois`, `mois prochain` (`mois`, `mq`).
    pub of_this_month: String,
    /// `cette année`, `l'année prochaine`, `année 2024` (`aq`, `ay`).
    pub of_this_year: String,
    /// `2022`, `l'année 2022` (`y`).
    pub of_year: String,
    /// `semaine`, `semaine prochaine` (`semaine`, `sq`).
    pub of_week: String,
    /// `en juin`, `au mois d'août`, `juin 2025`, `juin dernier` (`this`,
    /// `next0`, `m`, `y`, `q`).
    pub month: String,
    /// `en 2025`, `au cours de l'année 2024` (`y`).
    pub year: String,
    /// `les années 1990`, `les années 90`, `les années soixante-dix`
    /// (`full`, `short`, `words`).
    pub decade: String,
}

pub(crate) static PIECES: LazyLock<Pieces> = LazyLock::new(|| {
    let wd = weekday_name();
    let wd_abbr = WEEKDAY_ABBREVIATIONS.join("|");
    let month = month();
    let day = day();
    let this_month = r"(?P<this>(?:ce|cette)\s+mois(?:-ci)?\b)|(?P<next>(?:du\s+)?mois\s+prochain\b)";
    Pieces {
        anchor: r"(?:\b(?P<shift>la\s+veille|[àa]\s+la\s+veille|le\s+lendemain|au\s+lendemain)\s+(?:d['’]\s*|de\s+|du\s+)|(?:\bdans\s+)?(?:\b(?:la|le)\s+|\bl['’]\s*)?\b(?P<part>matin[ée]e|soir[ée]e|nuit|journ[ée]e|matin|soir|apr[eè]s-midi|semaine)\s+(?:d['’]\s*|de\s+|du\s+))".to_string(),
        lead_clock: clock_span(LEAD_CLOCK_PREPOSITIONS),
        clock_span: clock_span(CLOCK_PREPOSITIONS),
        day_part: DAY_PART,
        days_with_month: format!(
            r"(?:\b(?:le|du|au|entre(?:\s+le)?)\s+)?{}?(?P<d1>{day})(?:(?:\s+|-){OF}?(?P<m1>{month}))?(?:{DAY_TO}(?:le\s+)?(?:{wd},?\s*|\b(?:{wd_abbr})[.,]\s*)?(?P<d2>{day}))?(?:\s+|-){OF}?(?:(?P<m2>{month})(?:,?\s+(?P<y>{YEAR}))?|{this_month})",
            weekday_before_day("wd1"),
        ),
        days_without_month: format!(
            r"\b(?:du|entre\s+le)\s+\b(?P<d1>1er|(?:3[01]|[12][0-9]|0?[1-9])(?:e|[eè]me)?)\s+(?:au|jusqu['’]\s*au|et\s+le)\s+(?P<d2>{day})"
        ),
        weekday_day: format!(
            r"(?:\ble\s+{}?|{})(?P<d>{DAY_NUMBER})",
            weekday_before_day("wd"),
            weekday_before_day("wd2")
        ),
        numeric: r"(?:\ble\s+)?\b(?:(?P<y1>[0-9]{4})[-/.](?P<m1>[0-9]{1,2})[-/.](?P<d1>[0-9]{1,2})|(?P<d2>[0-9]{1,2})[-/.](?P<m2>[0-9]{1,2})[-/.](?P<y2>[0-9]{4}|[0-9]{2})|(?P<d3>[0-9]{1,2})/(?P<m5>[0-9]{1,2})|(?P<y3>[12][0-9]{3})\s*[-/.]\s*(?P<m3>1[0-2]|0?[1-9])|(?P<m4>1[0-2]|0?[1-9])\s*[-/]\s*(?P<y4>[12][0-9]{3}))\b".to_string(),
        numeric_range: r"(?:\b(?:du|entre\s+le)\s+)?\b(?P<d1>3[01]|[12][0-9]|0?[1-9])(?:\s*[-–]\s*|\s+(?:au|et(?:\s+le)?)\s+)(?P<d2>3[01]|[12][0-9]|0?[1-9])/(?P<m>1[0-2]|0?[1-9])(?:/(?P<y>[0-9]{4}))?\b".to_string(),
        weekday: format!(
            r"(?:\b(?:ce|cette)\s+)?(?P<wd>{wd}|\b(?:{wd_abbr})\.)(?:\s+(?:(?P<q>prochain|derni[eè]re?|pass[ée])|en\s+(?P<en>huit|quinze))\b|(?P<week>(?:\s+de)?\s+(?:la|cette)\s+semaine)(?:\s+(?P<wq>prochaine?|derni[eè]re?|pass[ée]e|pr[ée]c[ée]dente)\b)?)?"
        ),
        weekday_range: format!(r"(?:\b(?:du|de)\s+)?(?P<w1>{wd})\s+(?:[àa]|au|jusqu['’]\s*au)\s+(?P<w2>{wd})"),
        relative_day: alternation(RELATIVE_DAYS.iter().map(|(w, _)| *w)),
        relative_period: alternation(RELATIVE_PERIODS.iter().map(|(w, _)| *w)),
        holiday: format!(
            r"(?:\b(?:le|la)\s+|\bl['’]\s*)?(?:\b(?:jour|journ[ée]e)\s+(?:de\s+la\s+|de\s+l['’]\s*|de\s+))?(?P<h>{})(?:\s+(?P<q>{}))?(?:\s+(?P<y>{YEAR}))?",
            alternation(HOLIDAYS.iter().map(|(h, ..)| *h)),
            alternation(HOLIDAY_QUALIFIERS.iter().copied())
        ),
        offset_head: r"\b(?P<dir>il\s+y\s+a|dans(?:\s+les)?|d['’]\s*ici(?:\s+[àa])?|voici|voil[àa])\s+".to_string(),
        span: format!(
            r"(?:\b(?:les|des|ces)\s+)?(?:\b(?P<n1>{FEW})\s+(?P<q1>derni[eè]re?|prochaine?)s?|\b(?P<q2>derni[eè]re?|prochaine?)s(?:\s+(?P<n2>{FEW}))?)\s+(?P<u>{SPAN_UNITS})(?P<of>\s+(?:de|du|des|d['’]))?"
        ),
        season: format!(
            r"(?:\b(?:[àa]\s+)?l['’]\s*|\b(?:cet|cette|ce|en|au)\s+)(?P<s>{})(?:\s+(?:(?P<q>dernier\b|prochain\b|arabe\b)|(?:de\s+l['’]\s*ann[ée]e\s+)?(?P<y>{YEAR})(?:\s*[-/]\s*(?P<y2>{YEAR}|[0-9]{{2}}\b))?))?",
            alternation(SEASONS.iter().map(|(s, ..)| *s))
        ),
        rank_article: r"(?:\b(?:le|la|au|du)\s+)?",
        ordinal: ORDINAL,
        ranked_quarter: RANKED_QUARTER,
        ranked_day: format!(r"(?:{wd}|jour\b|week\s*-?\s*end\b|semaine\b|quinzaine\b)"),
        rank_of: RANK_OF,
        part_head: r"(?:\b(?:au|en|[àa]\s+la|d[èe]s\s+l[ae])\s+)?\b(?P<part>d[ée]but|fin|mi|milieu|courant)(?:\s*-\s*|\s+)(?:d['’]\s*|(?:de|du)\s+(?:la\s+|l['’]\s*)?)?".to_string(),
        of_month: format!(r"(?:mois\s+{OF})?(?P<m>{month})(?:\s+(?:(?P<y>{YEAR})|(?P<q>dernier|prochain)\b))?"),
        of_this_month: r"(?:ce\s+)?(?P<mois>mois)\b(?:\s+(?P<mq>prochain|dernier|pass[ée])\b)?".to_string(),
        of_this_year: r"(?:cette\s+|l['’]\s*)?ann[ée]e\b(?:\s+(?:(?P<aq>prochaine|derni[eè]re|pass[ée]e)|(?P<ay>[12][0-9]{3}))\b)?".to_string(),
        of_year: format!(r"(?:l['’]\s*ann[ée]e\s+)?(?P<y>{YEAR})"),
        of_week: r"(?P<semaine>semaine)\b(?:\s+(?P<sq>prochaine|derni[eè]re|pass[ée]e)\b)?".to_string(),
        month: format!(
            r"(?:\ben\s+|\bau\s+mois\s+{OF}|\b(?:le\s+)?mois\s+{OF}|\b(?P<this>ce|cette)\s+|\b(?P<next0>prochain)\s+)?(?P<m>{month})(?:\s+(?P<y>{YEAR})|\s+(?P<q>dernier|prochain)\b)?"
        ),
        year: r"(?:\b(?:en|au\s+cours\s+de|courant)\s+(?:(?:de\s+)?l['’]\s*ann[ée]e\s+)?)?\b(?P<y>(?:19|20)[0-9]{2})\b".to_string(),
        decade: format!(
            r"\bles\s+ann[ée]es\s+(?:(?P<full>(?:19|20)[0-9]0)\b|(?P<short>[0-9]0)\b|(?P<words>{}))",
            number_words()
        ),
    }
});

/// The `{date}` placeholder's expression (no capture groups), built in the
/// layers the normaliser peels off: an anchor, a clock time before the day,
/// the day, a time of day after it, `-là`.
pub(crate) fn date() -> String {
    let p = &*PIECES;
    let tod = format!(r"(?:\s+{})?(?:\s+{})?", p.clock_span, p.day_part);
    let day_forms = format!(
        r"{}?(?:{}\s+)?(?:{}|{}|{}|{}|{}|{}|{}|{}|{}|{}){tod}",
        p.anchor,
        p.lead_clock,
        crate::surface::finder(crate::english::date_grammar::COMPACT_DATE),
        p.days_with_month,
        p.numeric_range,
        p.numeric,
        p.days_without_month,
        p.weekday_day,
        p.weekday_range,
        p.weekday,
        p.relative_day,
        p.holiday
    );
    let offset = format!(
        r"{}(?:{}|{})\s*{}",
        p.offset_head,
        digits(),
        number_words(),
        duration_units()
    );
    let rank_target = format!(
        r"{}(?:{}|{}|{}|{YEAR})",
        p.rank_of, p.of_month, p.of_this_month, p.of_this_year
    );
    // A `de` after a quarter that is not followed by what it is of
    // (`premier trimestre de grossesse`) is matched, to be read as no date.
    let nth = format!(
        r"{}{}\s+(?:{}(?:\s+(?:{rank_target}|{YEAR}|(?:de|du|des)\b|d['’]))?|{}\s+{rank_target})",
        p.rank_article, p.ordinal, p.ranked_quarter, p.ranked_day
    );
    let part = format!(
        r"{}(?:{}|{}|{}|{}|{})",
        p.part_head, p.of_month, p.of_year, p.of_week, p.of_this_month, p.of_this_year
    );
    finder(&format!(
        r"(?:(?:{day_forms}|{offset}|{}|{}|{}|{nth}|{part}|{}|{}|{})(?:-l[àa]\b)?)",
        p.span, p.relative_period, p.season, p.month, p.year, p.decade
    ))
}
