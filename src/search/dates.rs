//! What a relative date (`mercredi`, `lundi soir`) is read against when the
//! article has no publication date: a date in its URL (`/2025/07/21/`), then
//! an explicit full date in its text (a dateline, `lundi 21 juillet 2025`,
//! `July 21, 2025`, `21.07.2025`). Each claim says which one it used
//! (`resolved_from`).

use crate::english::vocab::MONTHS as ENGLISH_MONTHS;
use crate::french::vocab::{fold, MONTHS};
use crate::language::Lang;
use jiff::civil::Date;
use regex::Regex;
use std::sync::LazyLock;

/// Where the reference date of a relative date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ResolvedFrom {
    /// The front matter's `published`.
    Published,
    /// A date in the article's URL.
    Url,
    /// An explicit full date in the article's text.
    Text,
    /// The rule's event period (`when:`), where the weekday falls once.
    RuleWhen,
    /// A dispatch's dateline without a year (`MOSCOW, July 22:`), put in
    /// the year of the rule's event period.
    Dateline,
}

impl ResolvedFrom {
    pub fn as_str(self) -> &'static str {
        match self {
            ResolvedFrom::Published => "published",
            ResolvedFrom::Url => "url",
            ResolvedFrom::Text => "text",
            ResolvedFrom::RuleWhen => "rule_when",
            ResolvedFrom::Dateline => "dateline",
        }
    }

    /// In words, for the human report.
    pub fn describe(self) -> &'static str {
        match self {
            ResolvedFrom::Published => "against the publication date",
            ResolvedFrom::Url => "against the date in the article's URL",
            ResolvedFrom::Text => "against a full date in the article",
            ResolvedFrom::RuleWhen => "within the rule's event period",
            ResolvedFrom::Dateline => "against the article's dateline, in the year of the rule's event period",
        }
    }
}

use crate::language::month_number;

/// A language's month names, folded, longest first, as a regex alternation.
fn month_alternation(months: &[(&str, i8)]) -> String {
    crate::language::alternation(months.iter().map(|(m, _)| fold(m)).collect())
}

/// A day of the month in French words, folded (« le neuf juillet », « le
/// vingt et un juillet », « premier »): a spoken script's or a dictation's
/// day. Not « un », which « un juillet » rarely means.
const FRENCH_DAY_WORDS: &str = r"premier|deux|trois|quatre|cinq|six|sept|huit|neuf|dix(?:[- ](?:sept|huit|neuf))?|onze|douze|treize|quatorze|quinze|seize|vingt(?:[- ](?:et[- ]un|deux|trois|quatre|cinq|six|sept|huit|neuf))?|trente(?:[- ]et[- ]un)?";

/// A day of the month as an English ordinal word ("July eighth", "the
/// twenty-first of July"), from the third on: "first" and "second" follow
/// verbs as often (see [`ENGLISH_DAY_MONTH`]).
const ENGLISH_DAY_ORDINALS: &str = r"(?:twenty|thirty)[- ]?first|twenty[- ]?(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth)|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth";

static DAY_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    let months = month_alternation(MONTHS);
    Regex::new(&format!(
        r"\b(?:[0-9]{{1,2}}|1er|{FRENCH_DAY_WORDS})\s+(?P<m>{months})\b"
    ))
    .expect("static regex")
});

/// `July 21`, `21 July`, `July 20-21`, `July eighth`, `the eighth of July`:
/// a day beside the month. `may` and `march` alone are words: after them a
/// day in words needs `the` ("March the third"). "First" and "second"
/// name a day after a month other than those ("July first") or as "the
/// first of May", never before a month ("the first may come").
static ENGLISH_DAY_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    let months = month_alternation(ENGLISH_MONTHS);
    let plain: Vec<&str> = months.split('|').filter(|m| !matches!(*m, "may" | "march")).collect();
    let plain = plain.join("|");
    Regex::new(&format!(
        r"\b(?:(?P<m>{months})\.?\s+[0-9]{{1,2}}(?:st|nd|rd|th)?\b|(?P<m3>{plain})\.?\s+(?:the\s+)?(?:{ENGLISH_DAY_ORDINALS}|first|second)\b|(?P<m4>may|march)\s+the\s+(?:{ENGLISH_DAY_ORDINALS}|first|second)\b|(?:[0-9]{{1,2}}(?:st|nd|rd|th)?|{ENGLISH_DAY_ORDINALS})\s+(?:of\s+)?(?P<m2>{months})\b|\bthe\s+(?:first|second)\s+of\s+(?P<m5>{months})\b)"
    ))
    .expect("static regex")
});

/// The months an article names with a day (`17 mai`, `le 21 juillet`,
/// `July 21`), as bits (bit 1 is January): where its own dates place it.
pub fn months_named(text: &str, lang: Lang) -> u16 {
    let folded = fold(text);
    let mut bits = 0u16;
    let found: Vec<String> = match lang {
        Lang::Fr => DAY_MONTH.captures_iter(&folded).map(|c| c["m"].to_string()).collect(),
        Lang::En => ENGLISH_DAY_MONTH
            .captures_iter(&folded)
            .filter_map(|c| {
                ["m", "m2", "m3", "m4", "m5"]
                    .iter()
                    .find_map(|n| c.name(n))
                    .map(|m| m.as_str().to_string())
            })
            .collect(),
    };
    for name in found {
        if let Some(n) = month_number(&name) {
            bits |= 1 << n;
        }
    }
    bits
}

/// The months from `from` to `to`, as bits (bit 1 is January).
pub fn months_between(from: Date, to: Date) -> u16 {
    let mut bits = 0u16;
    let mut day = from.first_of_month();
    while day <= to {
        bits |= 1 << day.month();
        match day.checked_add(jiff::Span::new().months(1)) {
            Ok(next) => day = next,
            Err(_) => break,
        }
    }
    bits
}

/// A publication date in words, as both languages write it (`lundi 21
/// juillet 2025`, `Monday, July 21, 2025`, `21 July`…): what an article's
/// date says without its text saying it (see `frame::test_document`).
///
/// `weekdays` (bit 0 for Monday) are the weekdays the article names: each
/// is written too as the day it is in the week up to the publication day.
/// An article of Tuesday 22 July that tells of "Monday" names 21 July,
/// as one of 24 July does; one of Monday 28 July names the 28th.
pub fn dateline(published: Date, weekdays: u8) -> String {
    let mut line = String::new();
    write_day(&mut line, published);
    for back in 1..7i8 {
        let Ok(day) = published.checked_sub(jiff::Span::new().days(back)) else {
            break;
        };
        if weekdays & (1 << day.weekday().to_monday_zero_offset()) != 0 {
            write_day(&mut line, day);
        }
    }
    line
}

/// Days written as numbers without a year or with one (`21/07`, `21.07`,
/// `20–21.07`, `21/07/2025`, `7/21/2025`), as (day, month): a push
/// alert's or a timeline's stamp names its day so. Day first, as in
/// French; month first only with a year, when it cannot be a day
/// (`7/21/2025`). A dot needs a two-digit month (`21.07`), so that a decimal
/// (`1.5`, `3.14`) is not read as a day. A cable's day glued to its
/// month's capitals (`21JUL25`, `8-9JUL`) is one too. A `document` group's
/// test uses them (see [`numbered_days`]), and [`names_a_day`]: a value's
/// own day is read by the date grammar.
pub fn numeric_days(text: &str) -> Vec<(i8, i8)> {
    static NUMERIC_DAY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?:^|[^0-9.,/:])(?:(?P<first>[0-9]{1,2})\s*[-–]\s*)?(?P<a>[0-9]{1,2})(?:/(?P<b>[0-9]{1,2})|\.(?P<dot>[0-9]{2}))(?P<year>[./](?:19|20)?[0-9]{2})?(?:$|[^0-9])",
        )
        .expect("static regex")
    });
    let mut days = Vec::new();
    for c in NUMERIC_DAY.captures_iter(text) {
        let num = |name: &str| c.name(name).and_then(|m| m.as_str().parse::<i8>().ok());
        let (Some(a), slash, dot) = (num("a"), num("b"), num("dot")) else {
            continue;
        };
        let with_year = c.name("year").is_some();
        let two_digits = c.name("b").is_some_and(|b| b.as_str().len() == 2);
        let (d, m) = match (slash, dot) {
            (Some(b), _) if b > 12 && a <= 12 && with_year => (b, a),
            // Without a year, a thread's numbering (`1/8`, `3/12`: a post
            // and how many) is no day: a day before its month needs the
            // month in two digits (`21/07`, `1/08`) or a day past it
            // (`21/7`), and a month first is not read.
            (Some(b), _) if !with_year && (b > 12 || !(two_digits || a > b)) => continue,
            (Some(b), _) => (a, b),
            (None, Some(m)) => (a, m),
            (None, None) => continue,
        };
        if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
            continue;
        }
        days.push((d, m));
        if let Some(first) = num("first").filter(|f| (1..d).contains(f)) {
            days.push((first, m));
        }
    }
    // A day glued to its month's capitals, as a cable writes it (`21JUL25`,
    // `8-9JUL`, « du 20 au 21JUL »): the date grammar's own piece.
    static COMPACT_DAY: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(crate::english::date_grammar::COMPACT_DATE).expect("static regex"));
    // Only where a figure stands right before three capitals: most texts
    // have none, and the regex is not run on them.
    let glued = text
        .as_bytes()
        .windows(4)
        .any(|w| w[0].is_ascii_digit() && w[1..].iter().all(u8::is_ascii_uppercase));
    if glued {
        for c in COMPACT_DAY.captures_iter(text) {
            let num = |name: &str| c.name(name).and_then(|m| m.as_str().parse::<i8>().ok());
            let (Some(d), Some(m)) = (num("d"), month_number(&c["m"].to_ascii_lowercase())) else {
                continue;
            };
            if (1..=31).contains(&d) {
                days.push((d, m));
                if let Some(first) = num("d0").filter(|f| (1..d).contains(f)) {
                    days.push((first, m));
                }
            }
        }
    }
    days.sort_unstable();
    days.dedup();
    days
}

/// Days written with an English ordinal (`the 21st of July`, `July 21st`),
/// as (day, month): a `document` group's `july 21` does not match them
/// word for word, so they are written out like [`numeric_days`]. Most
/// texts have no ordinal suffix right after a figure ([`has_ordinal_figure`]):
/// the regex, which falls back to a slow engine on accented text, is not run.
pub fn ordinal_days(text: &str) -> Vec<(i8, i8)> {
    // ASCII only (English months, figures): a small automaton, and a fast
    // one on accented text.
    static ORDINAL_DAY: LazyLock<Regex> = LazyLock::new(|| {
        let months = month_alternation(ENGLISH_MONTHS);
        Regex::new(&format!(
            r"(?i-u)\b(?:(?P<d>[0-9]{{1,2}})(?:st|nd|rd|th)\s+(?:of\s+)?(?P<m>{months})\b|(?P<m2>{months})\s+(?:the\s+)?(?P<d2>[0-9]{{1,2}})(?:st|nd|rd|th)\b)"
        ))
        .expect("static regex")
    });
    if !has_ordinal_figure(text) {
        return Vec::new();
    }
    let mut days: Vec<(i8, i8)> = ORDINAL_DAY
        .captures_iter(text)
        .filter_map(|c| {
            let d = c.name("d").or_else(|| c.name("d2"))?.as_str().parse::<i8>().ok()?;
            let m = month_number(&fold(c.name("m").or_else(|| c.name("m2"))?.as_str()))?;
            (1..=31).contains(&d).then_some((d, m))
        })
        .collect();
    days.sort_unstable();
    days.dedup();
    days
}

/// Whether a figure is followed at once by an English ordinal suffix
/// (`21st`, `3RD`): one pass over the bytes. A test of the suffixes alone
/// ("st " in « est ») held in nearly every French text.
fn has_ordinal_figure(text: &str) -> bool {
    text.as_bytes().windows(3).any(|w| {
        w[0].is_ascii_digit()
            && matches!(
                [w[1].to_ascii_lowercase(), w[2].to_ascii_lowercase()],
                [b's', b't'] | [b'n', b'd'] | [b'r', b'd'] | [b't', b'h']
            )
    })
}

/// Whether a text writes days in figures that stand in for a dateline
/// ([`numeric_days`], [`ordinal_days`]): the frame gate treats it as dated.
pub fn writes_days(text: &str) -> bool {
    !numeric_days(text).is_empty() || !ordinal_days(text).is_empty()
}

/// The days of [`numeric_days`] in words, as [`dateline`] writes a day
/// without its weekday or year (`21 juillet`, `July 21`, `21 July`): what
/// `frame::test_document` reads besides the text, so that a `document`
/// group of dates (`21 juillet`, "July 21") is met by « ALERTE — 21/07 ».
pub fn numbered_days(days: &[(i8, i8)]) -> String {
    use std::fmt::Write as _;
    let mut line = String::new();
    for &(d, m) in days {
        let (fm, em) = (
            crate::french::vocab::month_name(m),
            crate::english::vocab::month_name(m),
        );
        if d == 1 {
            let _ = writeln!(line, "1er {fm}");
        }
        let _ = write!(line, "{d} {fm}\n{em} {d}\n{d} {em}\n");
    }
    line
}

/// `day` as [`dateline`] writes it: one phrase per line, so that a phrase of
/// a rule never spans two of them.
fn write_day(line: &mut String, day: Date) {
    use std::fmt::Write as _;
    let wd = day.weekday().to_monday_zero_offset() as usize;
    let (fr_wd, en_wd) = (crate::french::vocab::WEEKDAYS[wd], crate::english::vocab::WEEKDAYS[wd]);
    let (d, m, y) = (day.day(), day.month(), day.year());
    let (fm, em) = (
        crate::french::vocab::month_name(m),
        crate::english::vocab::month_name(m),
    );
    // The first of the month is also « le 1er juillet ».
    let first = if d == 1 { format!("1er {fm}\n") } else { String::new() };
    let _ = write!(
        line,
        "{fr_wd} {d} {fm} {y}\n{first}{d} {fm}\n{fr_wd} {d}\n{en_wd} {em} {d} {y}\n{d} {em} {y}\n{em} {d}\n{d} {em}\n{en_wd} {d}\n"
    );
}

/// The weekday (Monday = 0) a folded, lower-case word is, in French or
/// English.
pub(crate) fn weekday_of_word(word: &str) -> Option<usize> {
    crate::french::vocab::WEEKDAYS
        .iter()
        .position(|d| *d == word)
        .or_else(|| crate::english::vocab::WEEKDAYS.iter().position(|d| *d == word))
}

/// The weekdays a text names (bit 0 for Monday), from its folded words.
pub fn weekdays_named<'a>(words: impl Iterator<Item = &'a str>) -> u8 {
    let mut named = 0;
    // Every weekday ends so in both languages: most words are passed over
    // without a comparison.
    let may_be_a_weekday = |w: &str| w.ends_with("di") || w.ends_with("day") || w == "dimanche";
    for word in words.filter(|w| may_be_a_weekday(w)) {
        if let Some(i) = weekday_of_word(word) {
            named |= 1 << i;
        }
    }
    named
}

/// A URL's month without its day (`/2024/07/…`): between slashes only, as
/// content systems write it.
// The dates an article's URL gives are metadata, read where the rest of
// it is (`corpus`).
pub use crate::corpus::{url_day as from_url, url_month as month_from_url};

/// The day and month (month, day) of a dispatch's dateline without a year
/// among an article's first lines (`MOSCOW, July 22:`, `KYIV, July 21
/// (Wire) —`, « ISTANBUL, 22 juillet (AFP) – »): the day the dispatch was
/// filed. An undated article's relative days ("tomorrow", "on Saturday")
/// are read against it in a rule's year (`extract::read`).
pub fn dateline_day(body: &str) -> Option<(i8, i8)> {
    static YEARLESS: LazyLock<Regex> = LazyLock::new(|| {
        // The body as written: each month's own spelling beside its folded one.
        let months = crate::language::alternation(
            MONTHS
                .iter()
                .chain(ENGLISH_MONTHS)
                .flat_map(|(m, _)| [m.to_string(), fold(m)])
                .collect(),
        );
        Regex::new(&format!(
            r"(?i)\b(?:(?P<m>{months})\.?\s+(?P<d>[0-9]{{1,2}})(?:st|nd|rd|th)?|(?P<d2>[0-9]{{1,2}})(?:er|st|nd|rd|th)?\s+(?P<m2>{months}))\b"
        ))
        .expect("static regex")
    });
    const FIRST_LINES: usize = 4;
    let mut at = 0;
    for line in body
        .split_inclusive('\n')
        .filter(|l| !l.trim().is_empty())
        .take(FIRST_LINES)
    {
        let start = body[at..].find(line).map_or(at, |i| at + i);
        at = start + line.len();
        let Some(c) = YEARLESS.captures(line) else {
            continue;
        };
        let whole = c.get(0)?;
        if !super::values::in_dateline(body, start + whole.start(), start + whole.end()) {
            continue;
        }
        let (Some(m), Some(d)) = (c.name("m").or(c.name("m2")), c.name("d").or(c.name("d2"))) else {
            continue;
        };
        let (Some(month), Ok(day)) = (month_number(&fold(m.as_str())), d.as_str().parse::<i8>()) else {
            continue;
        };
        if (1..=31).contains(&day) {
            return Some((month, day));
        }
    }
    None
}

/// The first explicit full date (day, month and year) in a text.
pub fn from_text(text: &str) -> Option<Date> {
    full_dates(text, |_| true)
}

/// The first full date a dated article gives of a year before its own (« Il
/// y a un an, le 23 juillet 2025 », published in 2026): a look back. Its
/// days written without a year (« dans la nuit du 20 au 21 juillet ») are
/// that year's, not the publication year's, and are read against it (see
/// [`SentenceDays::read`], `extract::read`).
///
/// An anniversary may give no date at all: "a year ago today", « il y a un
/// an jour pour jour » tell of the publication day a year back.
pub fn told_day(reference: Option<Date>, body: &str) -> Option<Date> {
    let published = reference?;
    let year = published.year();
    // Most articles name no earlier year: two byte searches leave them out.
    let names_earlier = [1, 2].iter().any(|back| body.contains(&(year - back).to_string()));
    if let Some(day) = names_earlier.then(|| full_dates(body, |d| d.year() < year)).flatten() {
        return Some(day);
    }
    // The phrases' own words, unfolded, before the whole text is folded.
    let may_say_it = [
        "ago today",
        "day last year",
        "ago this week",
        "jour pour jour",
        "un an aujourd",
        "juste un an",
    ]
    .iter()
    .any(|w| body.contains(w));
    let a_year_ago = may_say_it && {
        let folded = fold(body);
        YEAR_AGO.iter().any(|phrase| folded.contains(phrase))
    };
    a_year_ago
        .then(|| published.checked_sub(jiff::Span::new().years(1)).ok())
        .flatten()
}

/// The day an anniversary piece tells of: its look-back day (see
/// [`told_day`]) when that is its publication day a year back ("a year ago
/// today", « Il y a un an, le 21 juillet 2025 » printed on 21 July 2026).
/// A count's sentence that names no day is dated by it rather than by the
/// publication day: such a piece tells that day's story throughout.
pub fn anniversary(published: Option<Date>, told: Option<Date>) -> Option<Date> {
    let (published, told) = (published?, told?);
    let year_back = published.checked_sub(jiff::Span::new().years(1)).ok()?;
    (year_back == told).then_some(told)
}

/// Phrases (folded) by which an article tells of the day it was printed, a
/// year back: an anniversary's "a year ago today".
const YEAR_AGO: &[&str] = &[
    "a year ago today",
    "one year ago today",
    "this day last year",
    "a year ago this week",
    "il y a un an jour pour jour",
    "il y a un an aujourd hui",
    "il y a tout juste un an",
    "un an jour pour jour",
];

/// The first explicit full date of `text` that `keep` accepts.
///
/// Not a date a limit runs to (« prolongé jusqu'au 4 mars 2026 », "valid
/// until March 4, 2026"): a day ahead, not one the text is told from.
fn full_dates(text: &str, keep: impl Fn(Date) -> bool) -> Option<Date> {
    const LIMITS: &[&str] = &[
        "jusqu au", "jusqu a", "jusqu en", "until", "till", "through", "d ici au", "d ici le",
    ];
    let folded = fold(text);
    static WRITTEN_DATE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(&crate::corpus::WRITTEN_DATE).expect("static regex"));
    for c in WRITTEN_DATE.captures_iter(&folded) {
        let before = folded[..c.get(0).map_or(0, |m| m.start())].trim_end();
        // The last words before the date (at a character's edge: the
        // folded text keeps some marks of more than a byte).
        let cut = (0..=before.len().saturating_sub(12))
            .rev()
            .find(|&i| before.is_char_boundary(i))
            .unwrap_or(0);
        let tail = before[cut..].replace(['\'', '’'], " ");
        if LIMITS.iter().any(|l| tail.ends_with(l)) {
            continue;
        }
        let date = crate::corpus::written_date(&c, false);
        if date.is_some_and(&keep) {
            return date;
        }
    }
    None
}

/// The date relative dates of an article are read against, and where it
/// came from: its publication date, else its URL's, else its text's.
pub fn reference(published: Option<Date>, url: Option<&str>, body: &str) -> Option<(Date, ResolvedFrom)> {
    if let Some(d) = published {
        return Some((d, ResolvedFrom::Published));
    }
    if let Some(d) = url.and_then(from_url) {
        return Some((d, ResolvedFrom::Url));
    }
    from_text(body).map(|d| (d, ResolvedFrom::Text))
}

/// The days that head a text's sections, each with where its section
/// starts: a live page's or a timeline's paragraphs that hold only a day
/// (« **Lundi 21 juillet** », `### Wednesday, July 23`). What a section
/// tells happened on its day, whatever day the page was first published:
/// a live page opened on Saturday tells Monday's attack under Monday.
/// Only a text with [`SECTION_HEADS`] such paragraphs or more has
/// sections: a lone date under a title is a print edition's, or the day of
/// the article itself. `reference_day` gives a day without its year its
/// year.
///
/// Without such headings, a week told day by day under its weekdays alone
/// (« Lundi », `**Tuesday**`) has sections too, when the page's own day
/// (`own_day`: its publication or URL date) or a date before the first
/// heading places the week ([`weekday_sections`]). A heading of two days
/// (`Samedi-dimanche`) starts a section of no one day.
pub fn section_days(
    body: &str,
    reference_day: impl FnOnce() -> Option<Date>,
    own_day: Option<Date>,
    lang: Lang,
) -> Vec<(usize, Option<Date>)> {
    // Most texts have no short paragraph with a figure: nothing is read.
    // A heading is a paragraph of one line: a blank line (or the start)
    // before it, and one (or the end) after.
    let mut candidates = Vec::new();
    for (start, heading, alone) in opening_lines(body) {
        // A paragraph of one line, or a stamp in bold over the text it
        // heads (« **ALERTE — 21/07, 06:48** » and its alert below).
        if heading.len() <= HEADING_BYTES && (alone || is_bold_line(heading)) {
            candidates.extend(heading_words(heading).map(|plain| (start, plain)));
        }
    }
    // The page's day, read once when a heading or a stamp needs it.
    let mut reference_day = Some(reference_day);
    let mut known: Option<Option<Date>> = None;
    let mut reference = || *known.get_or_insert_with(|| reference_day.take().and_then(|day| day()));
    let heads = match candidates.len() < SECTION_HEADS {
        true => Vec::new(),
        false => candidates
            .into_iter()
            .filter_map(|(at, plain)| Some((at, Some(day_heading(&plain, reference(), lang)?))))
            .collect(),
    };
    let heads = match heads.len() >= SECTION_HEADS {
        true => heads,
        false => weekday_sections(body, own_day),
    };
    let sections = update_stamps(body, heads, (&mut reference, own_day), lang);
    let sections = entry_stamps(body, sections, &mut reference, lang);
    post_stamps(body, sections)
}

/// `sections` with a live page's entries that a bold stamp dates: a clock
/// time with a day at the head of a line (« **00h40 (22/07)** – Nous
/// clôturons ce direct… », "**11:35 p.m. ET, Sunday, July 20 — Blasts
/// heard**"). Entries run past midnight, and the page is dated by its
/// first day: what such an entry tells ("hier soir", "yesterday") is read
/// against its own day, up to the next line that opens in bold (the next
/// entry). One stamp is enough: it gives its day itself. A stamp with a
/// time alone (`**23h15** –`) changes nothing.
fn entry_stamps(
    body: &str,
    sections: Vec<(usize, Option<Date>)>,
    reference: &mut impl FnMut() -> Option<Date>,
    lang: Lang,
) -> Vec<(usize, Option<Date>)> {
    static STAMP: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?m)^[ \t]*\*\*(?P<stamp>[^*\n]{6,60})\*\*").expect("static regex"));
    // A line that opens in bold: the next entry.
    static BOLD_LINE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?m)^[ \t]*\*\*").expect("static regex"));
    // A clock time, with its half of the day and its zone: what is left
    // is the day (`(22/07)`, `Sunday, July 20`).
    static CLOCK: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b[0-2]?[0-9](?::|h|\.|\s?h\s?)[0-5][0-9]\b(?:\s*(?:a\.m\.|p\.m\.|am\b|pm\b))?(?:\s*\b(?:ET|EDT|EST|CT|CDT|CST|PT|PDT|MDT|BST|GMT|UTC|CET|CEST|EET|EEST|MSK|IST|SGT|AEST|HNE|HAE|Kyiv time|heure de Kiev|heure de Paris)\b)?")
            .expect("static regex")
    });
    // Most pages have no bold line: their bytes are looked at once.
    if !body.contains("**") {
        return sections;
    }
    let mut stamped: Vec<(usize, usize, Date)> = Vec::new();
    for c in STAMP.captures_iter(body) {
        let (Some(whole), Some(stamp)) = (c.get(0), c.get(1)) else {
            continue;
        };
        // The stamp, without the entry's title after its dash.
        let stamp = stamp.as_str().split([' ', '\u{a0}']).collect::<Vec<_>>().join(" ");
        let stamp = [" — ", " – ", " - "]
            .iter()
            .fold(stamp.as_str(), |s, dash| s.split(dash).next().unwrap_or(""));
        if !CLOCK.is_match(stamp) {
            continue;
        }
        // The day once the clock is taken out (`22.07` alone is a day, not
        // a time, and leaves none).
        let words = CLOCK.replace(stamp, "");
        let words = words.trim_matches(|c: char| !c.is_alphanumeric());
        if months_named(words, lang) == 0 && numeric_days(words).is_empty() {
            continue;
        }
        let Some(day) = day_heading(words, reference(), lang) else {
            continue;
        };
        // The entry: up to the next line that opens in bold.
        let end = BOLD_LINE
            .find_at(body, whole.end())
            .map_or(body.len(), |next| next.start());
        stamped.push((whole.start(), end, day));
    }
    with_stamped(sections, stamped)
}

/// `sections` with the posts and messages of a thread or a chat, each
/// stamped with its day and time at the head of its first line ("Post #1
/// by kestrel » Wed Jul 23, 2025 9:48 pm", « **Marine** — posté le
/// 15/07/2025 à 08:11 », `[21/07/2025, 08:14] Olena: …`): what a post
/// tells is read against its own day, up to the next stamp ("today" in a
/// post of Wednesday is Wednesday, in a page archived on Thursday). A
/// full date with its year and a clock time make a stamp; a page needs
/// [`SECTION_HEADS`] of them, so that a lone "Published 23 July 2025,
/// 10:00" line changes nothing.
fn post_stamps(body: &str, mut sections: Vec<(usize, Option<Date>)>) -> Vec<(usize, Option<Date>)> {
    static CLOCK: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\b[0-2]?[0-9](?::|h| h )[0-5][0-9]\b").expect("static regex"));
    static SIGNATURE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"\b[0-2]?[0-9]:[0-5][0-9],?\s+([^()\n]{{6,30}}?)\s*\((?:{})\)\W*$",
            super::values::SIGNATURE_ZONES
        ))
        .expect("static regex")
    });
    // Most pages have no stamped lines: a clock time is looked for first.
    if !CLOCK.is_match(body) {
        return sections;
    }
    // A page's own lines of publication and update are no posts.
    let page_line = |line: &str| {
        let folded = fold(line.trim_start_matches(|c: char| !c.is_alphanumeric()));
        [
            "publi",
            "updated",
            "update",
            "mis a jour",
            "mise a jour",
            "modifi",
            "last modified",
        ]
        .iter()
        .any(|p| folded.starts_with(p))
    };
    let mut stamps: Vec<(usize, Date)> = Vec::new();
    let mut at = 0;
    // Where the comment a signature closes began: after the line of the
    // stamp before it, or at its own paragraph's first line.
    let mut comment_start = 0;
    for line in body.split('\n') {
        let start = at;
        at += line.len() + 1;
        if line.trim().is_empty() {
            comment_start = at;
        }
        let mut end = line.len().min(POST_STAMP_BYTES);
        while !line.is_char_boundary(end) {
            end -= 1;
        }
        let head = &line[..end];
        if page_line(head) {
            continue;
        }
        // A comment signed at its end, as a wiki's talk page signs it
        // ("… -Kestrel (talk) 10:15, 24 July 2025 (UTC)"): the day stamps
        // the comment it closes, from its first line.
        if let Some(day) = SIGNATURE.captures(line).and_then(|c| from_text(c.get(1)?.as_str())) {
            stamps.push((comment_start.min(start), day));
            comment_start = at;
            continue;
        }
        if CLOCK.is_match(head) {
            if let Some(day) = from_text(head) {
                stamps.push((start, day));
                comment_start = at;
            }
        }
    }
    stamps.sort_by_key(|&(s, _)| s);
    if stamps.len() < SECTION_HEADS {
        return sections;
    }
    for (start, day) in stamps {
        let at = sections.partition_point(|&(s, _)| s <= start);
        sections.insert(at, (start, Some(day)));
    }
    sections
}

/// How far into a line a post's stamp may reach: a username, a post
/// number, the date and the time.
const POST_STAMP_BYTES: usize = 90;

/// `sections` with the paragraphs an update stamps with its day
/// (« MISE À JOUR, lundi 21 juillet, 22 h 10 : … », "*UPDATE, Monday 28
/// July: …*", « Mise à jour (mercredi soir) : … »): what such a paragraph
/// tells happened on its stamp's day, which may be later than the page's
/// (a preview updated as the week goes by). The day stamps its paragraph
/// only: after it, the page's day (or its section's) holds again. A stamp
/// with a weekday alone is the first such day from the page's on: an
/// update comes after what it updates. A stamp with a time alone
/// (« MISE À JOUR, 15 h 10 : ») changes nothing.
fn update_stamps(
    body: &str,
    sections: Vec<(usize, Option<Date>)>,
    (reference, own_day): (&mut impl FnMut() -> Option<Date>, Option<Date>),
    lang: Lang,
) -> Vec<(usize, Option<Date>)> {
    static STAMP: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?im)^[*_ \t]*(?:update[d]?|mise[ \t]+[àa][ \t]+jour|mis[ \t]+[àa][ \t]+jour|actualisation|actualis[ée]e?)[*_]*[ \t]*(?:[,—–-][ \t]*|\(|[ \t])(?P<stamp>[^\n]{3,48}?)[ \t]*(?:\)[ \t]*:|[ \t]:|:[ \t]|:\*|[ \t][—–][ \t])",
        )
        .expect("static regex")
    });
    // Most pages have no update: their bytes are looked at once.
    const SIGNS: [&str; 8] = [
        "pdate", "PDATE", "à jour", "À JOUR", "a jour", "A JOUR", "ctualis", "CTUALIS",
    ];
    if !SIGNS.iter().any(|sign| body.contains(sign)) {
        return sections;
    }
    let mut stamped: Vec<(usize, usize, Date)> = Vec::new();
    for c in STAMP.captures_iter(body) {
        let (Some(whole), Some(stamp)) = (c.get(0), c.get(1)) else {
            continue;
        };
        let Some(day) = stamp_day(stamp.as_str(), (reference(), own_day), lang) else {
            continue;
        };
        // The paragraph: up to the next blank line.
        let end = body[whole.end()..].find("\n\n").map_or(body.len(), |i| whole.end() + i);
        stamped.push((whole.start(), end, day));
    }
    with_stamped(sections, stamped)
}

/// `sections` with each stamped span `start..end` dated by its `day`, and
/// the day before it (the page's or its section's) holding again after it:
/// an update's paragraph, a live entry.
fn with_stamped(
    mut sections: Vec<(usize, Option<Date>)>,
    stamped: Vec<(usize, usize, Date)>,
) -> Vec<(usize, Option<Date>)> {
    for (start, end, day) in stamped {
        let after = section_day(&sections, end);
        let at = sections.partition_point(|&(s, _)| s <= start);
        sections.insert(at, (start, Some(day)));
        let at = sections.partition_point(|&(s, _)| s <= end);
        sections.insert(at, (end, after));
    }
    sections
}

/// The day of an update's stamp (see [`update_stamps`]): a day and month
/// read against `reference` (the page's day, or the year it is read in); a
/// weekday alone counted from the page's own day (`own_day`, from its
/// front matter or URL), never from a guessed one.
fn stamp_day(stamp: &str, (reference, own_day): (Option<Date>, Option<Date>), lang: Lang) -> Option<Date> {
    let folded = fold(stamp);
    let weekday = crate::rules::frame::tokens_of(&folded).find_map(weekday_of_word);
    let has_day_number = months_named(stamp, lang) != 0 || !numeric_days(stamp).is_empty();
    match (weekday, has_day_number) {
        (_, true) => day_heading(stamp.trim_end_matches([',', ' ']), reference, lang),
        (Some(weekday), false) => {
            let day = own_day?;
            let ahead = (weekday as i64 - day.weekday().to_monday_zero_offset() as i64).rem_euclid(7);
            day.checked_add(jiff::Span::new().days(ahead)).ok()
        }
        (None, false) => None,
    }
}

/// The sections of a week told day by day under its weekdays alone: lines
/// that hold only a weekday, or two joined (« Lundi », `**Tuesday**`,
/// `### Mercredi :`, `Saturday-Sunday`), after a blank line, at least
/// [`SECTION_HEADS`] of them, in the week's order. A weekday alone names no
/// week, so the headings are placed only when the page places them:
///
/// - by its own day, which must fall in its last heading: a digest or a
///   diary written up to its day ("our Sunday digest", published on a
///   Sunday, ends with `Saturday-Sunday`). A page whose own day heads no
///   section could be looking back at last week or ahead at the next (a
///   preview published on Sunday under `Monday`, `Tuesday`…): no sections;
/// - else by a full date before the first heading (« Semaine du lundi 21 au
///   dimanche 27 juillet 2025 »): the headings are that date's week.
fn weekday_sections(body: &str, own_day: Option<Date>) -> Vec<(usize, Option<Date>)> {
    // (where the heading starts, its first and last weekday, Monday = 0)
    let mut heads: Vec<(usize, usize, usize)> = Vec::new();
    for (start, line, _) in opening_lines(body) {
        if line.len() <= WEEKDAY_HEADING_BYTES {
            if let Some((first, last)) = weekday_heading(line) {
                heads.push((start, first, last));
            }
        }
    }
    let in_order = heads.windows(2).all(|w| w[0].2 < w[1].1);
    if heads.len() < SECTION_HEADS || !in_order {
        return Vec::new();
    }
    let anchor = match own_day {
        Some(day) => {
            let weekday = day.weekday().to_monday_zero_offset() as usize;
            let &(_, first, last) = heads.last().expect("at least two headings");
            if !(first..=last).contains(&weekday) {
                return Vec::new();
            }
            day
        }
        None => match from_text(&body[..heads[0].0]) {
            Some(day) => day,
            None => return Vec::new(),
        },
    };
    let monday = anchor
        .checked_sub(jiff::Span::new().days(anchor.weekday().to_monday_zero_offset()))
        .ok();
    heads
        .into_iter()
        .map(|(at, first, last)| {
            let day = (first == last)
                .then(|| monday?.checked_add(jiff::Span::new().days(first as i64)).ok())
                .flatten();
            (at, day)
        })
        .collect()
}

/// The longest line that may head a weekday's section (`**Samedi-dimanche
/// :**`).
const WEEKDAY_HEADING_BYTES: usize = 32;

/// The weekdays a line names when it holds nothing else, its markup aside:
/// one (`**Monday**`) or two joined (`Samedi-dimanche`, `Saturday and
/// Sunday`), French or English.
fn weekday_heading(line: &str) -> Option<(usize, usize)> {
    let mut days = Vec::new();
    for word in line.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()) {
        let word = word.to_lowercase();
        if matches!(word.as_str(), "et" | "and") {
            continue;
        }
        days.push(weekday_of_word(&word)?);
    }
    // Only markup and punctuation besides: `**`, `#`, a colon, a dash.
    let marks_only = line
        .chars()
        .all(|c| c.is_alphabetic() || c.is_whitespace() || "*#_:.-–—/&".contains(c));
    match days[..] {
        [day] if marks_only => Some((day, day)),
        [first, last] if marks_only && first < last => Some((first, last)),
        _ => None,
    }
}

/// The lines of a text that open a paragraph (the start, or a blank line
/// before them), each with the byte it starts at and whether it is a
/// paragraph of its own (a blank line, or the end, after it): where a
/// section's heading may stand. Lines are cut at `\n` alone, which the
/// standard library looks for with `memchr`.
fn opening_lines(body: &str) -> impl Iterator<Item = (usize, &str, bool)> {
    let mut lines = body
        .split('\n')
        .scan(0, |at, line| {
            let start = *at;
            *at += line.len() + 1;
            Some((start, line))
        })
        .peekable();
    let mut blank_before = true;
    std::iter::from_fn(move || loop {
        let (start, line) = lines.next()?;
        let blank = line.trim().is_empty();
        let opens = blank_before && !blank;
        blank_before = blank;
        if opens {
            let alone = lines.peek().is_none_or(|(_, next)| next.trim().is_empty());
            return Some((start, line, alone));
        }
    })
}

/// The longest line that may head a section (`**Mercredi 23 juillet 2025**`).
const HEADING_BYTES: usize = 60;

/// How many paragraphs that hold only a day make a text's sections.
const SECTION_HEADS: usize = 2;

/// The day of the section that byte `at` lies in (see [`section_days`]).
pub fn section_day(sections: &[(usize, Option<Date>)], at: usize) -> Option<Date> {
    let i = sections.partition_point(|&(start, _)| start <= at);
    i.checked_sub(1).and_then(|i| sections[i].1)
}

/// The words of a paragraph that may head a section, its markup aside
/// (`**`, `#`, HTML tags, a closing colon): short, on one line, with a
/// figure.
fn heading_words(paragraph: &str) -> Option<String> {
    let text = paragraph.trim();
    if text.len() > HEADING_BYTES || text.contains('\n') || !text.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut plain = String::with_capacity(text.len());
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if in_tag => {}
            '*' | '#' | '_' => {}
            _ => plain.push(c),
        }
    }
    let plain = plain.trim().trim_end_matches([':', '.', '—', '–', '-']).trim();
    (!plain.is_empty() && plain.split_whitespace().count() <= 6).then(|| plain.to_string())
}

/// Whether a line is all in bold (`**…**`): a stamp that heads the lines
/// right under it.
fn is_bold_line(line: &str) -> bool {
    let line = line.trim();
    line.len() > 4 && line.starts_with("**") && line.ends_with("**")
}

/// The one day that the words of a heading (see [`heading_words`]) are:
/// the words as they stand, or a stamp's day without its time of day and
/// the label before it (`ALERTE — 21/07, 06:48`, `Lundi 21 juillet, 19 h
/// 30`, `SMS - July 23, 6:40 pm`).
fn day_heading(plain: &str, reference: Option<Date>, lang: Lang) -> Option<Date> {
    static TIME_OF_DAY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)[\s,;–—-]*(?:à\s+|at\s+)?\b[0-9]{1,2}\s*(?:h|:|\.)\s*(?:[0-9]{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?$",
        )
        .expect("static regex")
    });
    let day = |words: &str| {
        let ctx = crate::normalize::Context {
            published: reference,
            around: words,
            lang,
        };
        let value = crate::normalize::normalize(crate::french::Placeholder::Date, words, &ctx).ok()?;
        let range = value.range()?;
        (range.lo == range.hi)
            .then(|| crate::value::date_from_day_number(range.lo as i32))
            .flatten()
    };
    if let Some(d) = day(plain) {
        return Some(d);
    }
    let untimed = TIME_OF_DAY.replace(plain, "").into_owned();
    let unlabelled = untimed.rsplit(['—', '–']).next().unwrap_or(&untimed).trim();
    let stamp = [untimed.trim(), unlabelled]
        .into_iter()
        .filter(|w| !w.is_empty() && *w != plain)
        .find_map(day);
    stamp
}

/// A date mention of a sentence, as the day checks of count rules read it
/// (see [`SentenceDays`]).
#[derive(Debug, Clone)]
struct DayMention {
    /// Byte offsets in the sentence.
    start: usize,
    end: usize,
    value_end: usize,
    /// It names a day (a day of a month or a weekday, see [`names_a_day`]).
    names_day: bool,
    /// It is the day a comparison measures against (« moins que le 21
    /// juillet », "deadlier than on July 21"): that other event's, not the
    /// sentence's ([`compared_day`]).
    compared: bool,
    /// It is a year the sentence's events fall in (`en 2024`, `in 2024`,
    /// see [`year_in`]).
    year: bool,
    /// It is a month the sentence's events fall in (`en juin`, `in June`,
    /// see [`month_in`]).
    month: bool,
    /// The days it spans, when it can be read (day numbers).
    range: Option<(f64, f64)>,
    /// It counts a week or more back from the article's own day ("two
    /// weeks ago", « il y a quinze jours ») in an article whose day is
    /// unknown, or it is "overnight" two days or more after the event's
    /// night ([`SentenceDays::with_overnight`]): another time than the one
    /// the article tells of.
    distant: bool,
    /// It is a figure of the rule's signature ("426 drones"), which names
    /// the event's day ([`SentenceDays::with_figures`]): it places even
    /// the value it is, since the figure is that event's.
    figure: bool,
    /// It names a day only from the article's own (a weekday, « hier »,
    /// "Sunday night"), without a number or a month: where the article was
    /// printed days later, a figure of the event beside it says which
    /// Sunday it meant better than the publication date does.
    relative: bool,
}

/// Whether the date that starts at byte `start` of `sentence` is what a
/// comparison measures against: a comparative, then `que`/`than`, then at
/// most a few words that introduce a day (« moins que le 21 juillet »,
/// « plus meurtrière que lors de la nuit du 21 », "fewer than on July 21",
/// "deadlier than the night of July 20"), or "compared with", « par
/// rapport au ». « Il a dit que le 21 juillet… » has no comparative.
fn compared_day(sentence: &str, start: usize) -> bool {
    const COMPARATIVES: &[&str] = &[
        "moins",
        "plus",
        "autant",
        "davantage",
        "pire",
        "mieux",
        "meilleur",
        "meilleure",
        "fewer",
        "more",
        "less",
        "worse",
        "better",
        "bigger",
        "smaller",
        "larger",
        "higher",
        "lower",
        "deadlier",
        "heavier",
        "lighter",
    ];
    const BRIDGES: &[&str] = &[
        "le", "la", "l", "les", "lors", "de", "du", "des", "au", "aux", "a", "celle", "celui", "on", "the", "in",
        "during", "night", "nuit", "of", "that", "those", "attack", "attaque",
    ];
    let mut from = start.saturating_sub(80);
    while !sentence.is_char_boundary(from) {
        from -= 1;
    }
    let before = crate::french::fold(&sentence[from..start]);
    let words: Vec<&str> = before
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let n = words.len();
    // "compared with", « par rapport au »: right before the day's words.
    let direct = (1..n.min(5)).any(|k| {
        let (head, rest) = (&words[n - k - 1..n - k + 1], &words[n - k + 1..]);
        matches!(
            head,
            ["par", "rapport"] | ["compared", "with" | "to"] | ["contrairement", "a" | "au"]
        ) && rest.iter().all(|w| BRIDGES.contains(w))
    });
    if direct {
        return true;
    }
    let Some(k) = (n.saturating_sub(7)..n)
        .rev()
        .find(|&k| matches!(words[k], "que" | "qu" | "than"))
    else {
        return false;
    };
    words[k + 1..].iter().all(|w| BRIDGES.contains(w))
        && words[k.saturating_sub(3)..k].iter().any(|w| COMPARATIVES.contains(w))
}

/// Whether date words name a day without its year (`le 21 juillet`,
/// `21/07`, `mercredi`, « dans la nuit de dimanche à lundi »): the words a
/// look back reads against the day it tells of (see [`told_day`]). Not
/// `hier` or `la semaine dernière`, which count from the day of writing.
pub fn without_year(words: &str, lang: Lang) -> bool {
    names_a_day(words, lang) && !names_a_year(words)
}

/// How many words from a value a day of its period may stand and still
/// place it ([`SentenceDays::placed_by_day`]).
pub const PLACING_REACH: usize = 6;

/// The date mentions of one sentence, each read once, for the day checks of
/// count and duration rules with a `when` period: a sentence's claims share
/// it (a claim-dense sentence has several).
#[derive(Debug, Clone)]
pub struct SentenceDays {
    mentions: Vec<DayMention>,
    when: crate::rules::Window,
    /// Where the sentence's clauses part (commas, semicolons, em dashes):
    /// a day told in another clause, beside another value, is that value's.
    clause_marks: Vec<usize>,
    /// Where its semicolons are (a day after one tells of its own clause).
    semicolons: Vec<usize>,
    /// The sentence, kept when it names a date: a value's list is found
    /// in it ([`listed_with`]).
    text: Box<str>,
    /// The day its relative words are read against (the article's).
    published: Option<Date>,
}

impl SentenceDays {
    /// Reads the date mentions `dates` of `sentence`, relative days against
    /// `published`. Only a named day counts (a day of a month or a weekday):
    /// a month, a year or an offset says nothing (`the largest swap since
    /// 2022`, `their first talks in three years`), nor does a weekday with
    /// nothing to read it against. In an article with no date, a day and
    /// month without a year (`le 9 juillet`) is read in the period's year,
    /// as a date rule reads one: the article tells of that period, or the
    /// rule's `document` words would have left it out.
    pub fn read(
        sentence: &str,
        dates: &[super::values::Mention],
        published: Option<Date>,
        told: Option<Date>,
        lang: Lang,
        when: crate::rules::Window,
    ) -> SentenceDays {
        let ctx = crate::normalize::Context {
            published,
            around: sentence,
            lang,
        };
        let read = |words: &str, ctx: &crate::normalize::Context| {
            crate::normalize::normalize(crate::french::Placeholder::Date, words, ctx)
                .ok()
                .and_then(|v| v.range().map(|r| (r.lo, r.hi)))
        };
        let mentions = dates
            .iter()
            .filter_map(|m| {
                let words = sentence.get(m.start..m.value_end)?;
                // A time counted back from the article's own day names a
                // day too, which the publication date places.
                let back = counted_back(words, lang);
                let names_day = back || names_a_day(words, lang);
                let year = !names_day && year_in(sentence, m.start, words);
                // An undated article's month is read in the period's year,
                // as its days are (below).
                let year_of = published.or(when.from).or(when.to);
                let month = !names_day && !year && year_of.is_some() && month_in(sentence, m.start, words);
                let range = match (names_day, published) {
                    (false, _) if month => read(
                        words,
                        &crate::normalize::Context {
                            published: year_of,
                            ..ctx
                        },
                    ),
                    (false, _) if year => read(words, &ctx),
                    (false, _) => None,
                    // A look back's day without a year (see [`told_day`]):
                    // the year it tells of, where that places it in the
                    // period and the publication year does not.
                    (true, Some(_)) => read(words, &ctx).map(|range| match told {
                        Some(told) if !when.holds_days(range.0, range.1) && without_year(words, lang) => read(
                            words,
                            &crate::normalize::Context {
                                published: Some(told),
                                ..ctx
                            },
                        )
                        .filter(|r| when.holds_days(r.0, r.1))
                        .unwrap_or(range),
                        _ => range,
                    }),
                    (true, None) => read(words, &ctx).or_else(|| {
                        let year_of = when.from.or(when.to)?;
                        // A day of a month named (`31 juillet`) or written
                        // as a number (`31/07`).
                        (months_named(words, lang) != 0 || !numeric_days(words).is_empty()).then_some(())?;
                        read(
                            words,
                            &crate::normalize::Context {
                                published: Some(year_of),
                                ..ctx
                            },
                        )
                    }),
                };
                // Without it, how far back: counted from any day.
                let distant = back
                    && range.is_none()
                    && when.from.or(when.to).is_some_and(|from| {
                        let ctx = crate::normalize::Context {
                            published: Some(from),
                            ..ctx
                        };
                        let from = crate::value::day_number(from) as f64;
                        read(words, &ctx).is_some_and(|(_, hi)| from - hi >= 7.0)
                    });
                Some(DayMention {
                    start: m.start,
                    end: m.end,
                    value_end: m.value_end,
                    distant,
                    compared: names_day && compared_day(sentence, m.start),
                    names_day,
                    year,
                    month,
                    range,
                    figure: false,
                    relative: names_day
                        && !back
                        && !words.bytes().any(|b| b.is_ascii_digit())
                        && months_named(words, lang) == 0,
                })
            })
            .collect::<Vec<DayMention>>();
        let clause_marks = match mentions.is_empty() {
            true => Vec::new(),
            false => sentence.match_indices([',', ';', '—']).map(|(i, _)| i).collect(),
        };
        let semicolons = match mentions.is_empty() {
            true => Vec::new(),
            false => sentence.match_indices(';').map(|(i, _)| i).collect(),
        };
        let text = match mentions.is_empty() {
            true => Box::default(),
            false => sentence.into(),
        };
        SentenceDays {
            mentions,
            when,
            clause_marks,
            semicolons,
            text,
            published,
        }
    }

    /// A sentence that names no day but says "overnight", « cette nuit »,
    /// tells of the night before its article's day: in an article of 23
    /// July, "Russia launched 41 drones overnight" is the night of the
    /// 22nd to the 23rd, not the night of the rule's event, which ends on
    /// `night` (its signature's day), whatever days the rule's period
    /// (the days the night is reported on) holds. Such a night is added as
    /// a day outside the period, where it is another night. Not in the
    /// past perfect, which tells of the story's own night, nor in a
    /// sentence that gives a figure of the event (the caller's test).
    pub fn with_overnight(mut self, sentence: &str, night: Date) -> SentenceDays {
        // The day after, an article still tells of the night before last
        // as "overnight" ("the announcement came hours after Russia
        // launched 450 drones overnight"): only two days on or more is the
        // night another one.
        let later = |day: Date| crate::value::day_number(day) >= crate::value::day_number(night) + 2;
        if !self.published.is_some_and(later) {
            return self;
        }
        if self.names_any_day() {
            return self;
        }
        // ASCII lower case keeps every byte offset.
        let lower = sentence.to_ascii_lowercase();
        // A story told in the past perfect ("Kyiv had again been hit
        // overnight") tells of its own night, not the one before the
        // article's day.
        if says_any(sentence, &["had", "avait", "avaient", "etait", "etaient"]) {
            return self;
        }
        let Some((start, end)) = OVERNIGHT
            .iter()
            .find_map(|w| whole_word_at(&lower, w).map(|at| (at, at + w.len())))
        else {
            return self;
        };
        // No range: a distant mention is outside the period whatever its
        // day, and it places no sentence after it (`day_before`).
        self.mentions.push(DayMention {
            start,
            end,
            value_end: end,
            names_day: true,
            compared: false,
            year: false,
            month: false,
            range: None,
            distant: true,
            figure: false,
            relative: true,
        });
        self.mentions.sort_by_key(|m| m.start);
        self
    }

    /// Adds the figures of a rule's signature that `sentence` gives
    /// (`figures`, offsets in it, `search::frame::figures_in`) as mentions
    /// of the day they name: "the night of the 426 drones" names 21 July as
    /// "the night of 20 to 21 July" does, and is compared as a day is (« moins
    /// que les 426 drones » places nothing).
    pub fn with_figures(mut self, sentence: &str, figures: &[std::ops::Range<usize>], day: Date) -> SentenceDays {
        if figures.is_empty() {
            return self;
        }
        let n = crate::value::day_number(day) as f64;
        self.mentions.extend(figures.iter().map(|f| DayMention {
            start: f.start,
            end: f.end,
            value_end: f.end,
            names_day: true,
            compared: compared_day(sentence, f.start),
            year: false,
            month: false,
            range: Some((n, n)),
            distant: false,
            figure: true,
            relative: false,
        }));
        self.mentions.sort_by_key(|m| m.start);
        self.clause_marks = sentence.match_indices([',', ';', '—']).map(|(i, _)| i).collect();
        self.semicolons = sentence.match_indices(';').map(|(i, _)| i).collect();
        self.text = sentence.into();
        self
    }

    /// Whether the sentence names a day anywhere (then the values beside a
    /// claim's are worth finding, see [`other_event`](Self::other_event)).
    pub fn names_any_day(&self) -> bool {
        self.mentions.iter().any(|m| m.names_day)
    }

    /// The mentions apart from the value's own words (`own`: a date that
    /// overlaps them is the value's own, `dans 50 jours`) that name a day,
    /// and date it: not one that another value of the rule's kind
    /// (`siblings`, offsets in the sentence) stands between, after this
    /// value and in another clause, which dates that value. In "10 to 12
    /// days from today, down from the 50 days he announced on July 14",
    /// July 14 is the fifty days' day; in "426 drones and 24 missiles on
    /// July 21" it is both figures'.
    fn others<'a>(
        &'a self,
        own: std::ops::Range<usize>,
        siblings: &'a [std::ops::Range<usize>],
    ) -> impl Iterator<Item = &'a DayMention> + 'a {
        // The value's own list ("The 31-dead toll, 309 drones and 8
        // missiles belong to the night of 30–31 July"): its values share
        // the day the list is told of.
        let list = match self.text.is_empty() || siblings.is_empty() {
            true => own.clone(),
            false => listed_with(&self.text, own.clone(), siblings),
        };
        self.mentions.iter().filter(move |m| {
            let apart = m.figure || m.end <= own.start || m.start >= own.end;
            // Only a day after the value: one before it, ahead of both
            // values, is the sentence's ("Dans la nuit du 20 au 21 juillet,
            // 426 drones … ; à Kiev, une personne avait été tuée").
            let parted = |a: usize, b: usize| self.clause_marks.iter().any(|&c| a <= c && c < b);
            let between = |v: &std::ops::Range<usize>| {
                m.start >= own.end
                    && v.start >= own.end
                    && v.end <= m.start
                    && parted(own.end, v.start)
                    && !(v.start >= list.start && v.end <= list.end)
            };
            // A day after a semicolon that follows the value is its own
            // clause's ("426 drones and 24 missiles; on July 9, a record").
            let next_clause = m.start >= own.end && self.semicolons.iter().any(|&c| own.end <= c && c < m.start);
            apart && m.names_day && !m.compared && !next_clause && !siblings.iter().any(between)
        })
    }

    /// Where the date is that names a day wholly outside the period (a span
    /// of a week at most), when it is the day nearest the value: `le 17
    /// juin, une frappe avait fait 28 morts` is another strike's toll, `on
    /// July 9, Moscow fired 728 drones` another night's. A day inside the
    /// period nearer the value dates it instead: in "50 days on July 14,
    /// then cut it to 10 or 12 days on July 28", the cut is July 28's.
    pub fn outside(
        &self,
        own: std::ops::Range<usize>,
        siblings: &[std::ops::Range<usize>],
    ) -> Option<std::ops::Range<usize>> {
        let day = |x: f64| crate::value::date_from_day_number(x as i32);
        let when = self.when;
        let before = |x: f64| day(x).is_some_and(|d| when.from.is_some_and(|from| d < from));
        let after = |x: f64| day(x).is_some_and(|d| when.to.is_some_and(|to| d > to));
        let outside = |lo: f64, hi: f64| (before(lo) && before(hi)) || (after(lo) && after(hi));
        // A value in parentheses is an aside on the words before them:
        // "The 8–9 July figures (728 drones, 13 missiles) were checked on
        // 21 July" gives the 13 missiles the day before the aside, however
        // near the day after it stands.
        // Not when the noun phrase goes on past the aside ("the barrage (728
        // drones) on 9 July", « la nuit record (728 drones) du 9 juillet »).
        let aside_end = self.text.get(..own.start).and_then(|before| {
            let open = before.rfind('(')?;
            (!before[open..].contains(')')).then_some(())?;
            let close = self.text.get(own.end..)?.find([')', '('])?;
            let rest = self.text[own.end + close..].strip_prefix(')')?;
            let next = rest.split_whitespace().next().unwrap_or("");
            let goes_on = next.starts_with(|c: char| c.is_ascii_digit())
                || matches!(
                    fold(next.trim_end_matches([',', '.', ';'])).as_str(),
                    "on" | "of"
                        | "in"
                        | "from"
                        | "at"
                        | "the"
                        | "du"
                        | "de"
                        | "des"
                        | "le"
                        | "la"
                        | "les"
                        | "en"
                        | "dans"
                        | "au"
                        | "aux"
                );
            (!goes_on).then_some(close)
        });
        let distance = |m: &DayMention| match m.end <= own.start {
            true => own.start - m.end,
            false => match aside_end {
                Some(close) if m.start >= own.end + close => self.text.len() + m.start,
                _ => m.start.saturating_sub(own.end),
            },
        };
        self.others(own.clone(), siblings)
            .filter(|m| m.distant || m.range.is_some_and(|(lo, hi)| hi - lo <= 7.0))
            .min_by_key(|m| distance(m))
            .filter(|m| m.distant || m.range.is_some_and(|(lo, hi)| outside(lo, hi)))
            .or_else(|| {
                // A year the sentence's events fall in, wholly outside the
                // period, before the value: "En 2024, une frappe … avait
                // fait 30 morts". (One after it tells of a clause further
                // on: "agreed to swap 1,000 each, the first talks since
                // those in 2022".)
                self.mentions
                    .iter()
                    .filter(|m| m.year && m.end <= own.start)
                    .find(|m| m.range.is_some_and(|(lo, hi)| outside(lo, hi)))
            })
            .or_else(|| {
                // The same for a month, when the sentence names no day
                // inside the period: "In June, a strike on the capital had
                // killed 28" is another strike's toll.
                let inside_day = self
                    .others(own.clone(), siblings)
                    .any(|m| m.range.is_some_and(|(lo, hi)| !outside(lo, hi)));
                self.mentions
                    .iter()
                    .filter(|m| m.month && m.end <= own.start && !inside_day)
                    .find(|m| m.range.is_some_and(|(lo, hi)| outside(lo, hi)))
            })
            .map(|m| m.start..m.value_end)
    }

    /// Whether the sentence names no day at all (apart from the value's own
    /// words): then it is dated by its article (see
    /// `extract::Dating::published_day`).
    fn names_no_day(&self, own: std::ops::Range<usize>, siblings: &[std::ops::Range<usize>]) -> bool {
        self.others(own, siblings).next().is_none()
    }

    /// Whether the value at `own` of `sentence` is placed in the period:
    /// the one verdict `check`, `rules test` and `rules explain` all give.
    /// It is not when its sentence tells of another event
    /// ([`other_event`](Self::other_event)), or names no day after a
    /// sentence that names only days outside the period (`day_before`, see
    /// [`day_before`]: a timeline's item of another night), unless the only
    /// reason is a publication day outside the period and the sentence
    /// before places it; nor, when `guarded` (`not.undated_document`),
    /// without a day of the period beside it
    /// ([`placed_by_day`](Self::placed_by_day)) or, when it names none, in
    /// the sentence before (a timeline's item: « Nuit du 20 au 21 juillet –
    /// 426 drones. À Kiev, 2 morts et 16 blessés. »).
    ///
    /// Placed, it gives the day the sentences up name when its own names
    /// none: the day its value holds as of.
    pub fn place(
        &self,
        sentence: &str,
        own: std::ops::Range<usize>,
        siblings: &[std::ops::Range<usize>],
        published: Option<Date>,
        guarded: bool,
        day_before: impl FnOnce() -> DayBefore,
    ) -> Result<Option<Date>, Unplaced> {
        // Looked for once, when first needed.
        let mut day_before = Some(day_before);
        let mut read: Option<DayBefore> = None;
        let mut before = || *read.get_or_insert_with(|| day_before.take().map_or(DayBefore::Unknown, |f| f()));
        match self.other_event(own.clone(), siblings, published) {
            None if self.names_no_day(own.clone(), siblings) && before() == DayBefore::Outside => {
                return Err(Unplaced::OtherEvent(OtherEvent::SentenceBefore))
            }
            None => {}
            Some(OtherEvent::PublishedOutside(_)) if matches!(before(), DayBefore::Inside(_)) => {}
            Some(other) => return Err(Unplaced::OtherEvent(other)),
        }
        // The day the sentences up give the value, when its own names none.
        let given = match self.names_any_day() {
            true => None,
            false => match before() {
                DayBefore::Inside(day) => Some(day),
                _ => None,
            },
        };
        let placed = || self.placed_by_day(sentence, own, siblings) || given.is_some();
        match guarded && !placed() {
            true => Err(Unplaced::Guarded),
            false => Ok(given.flatten()),
        }
    }

    /// Whether the value at `own` tells of another event than the period's:
    /// its sentence names a day outside the period ([`outside`](Self::outside)),
    /// or names none while its article was published outside it
    /// (`published_day`: the front matter's or the URL's day, see
    /// `extract::Dating::published_day`). The one verdict `check`, `rules
    /// test` and `rules explain` all give.
    /// `siblings`: the other values of the rule's kind in the sentence
    /// (offsets in it), whose own days do not date this one.
    pub fn other_event(
        &self,
        own: std::ops::Range<usize>,
        siblings: &[std::ops::Range<usize>],
        published_day: Option<Date>,
    ) -> Option<OtherEvent> {
        if let Some(at) = self.outside(own.clone(), siblings) {
            return Some(OtherEvent::NamesDay(at));
        }
        let day = published_day.filter(|day| !self.when.contains(*day))?;
        self.names_no_day(own, siblings)
            .then_some(OtherEvent::PublishedOutside(day))
    }

    /// Whether the sentence names a day, and every day it names lies inside
    /// the period: what lets it place the value of the sentence after it
    /// when that one names none.
    pub fn names_only_days_inside(&self) -> bool {
        self.names_only_days(|inside| inside)
    }

    /// Whether the sentence names a day, and no day it names touches the
    /// period: what says that the value of the sentence after it, which
    /// names none, is another event's.
    pub fn names_only_days_outside(&self) -> bool {
        self.names_only_days(|inside| !inside)
    }

    /// Whether the sentence gives a figure of the event's signature, and
    /// every other day it names is inside the period or named only from
    /// the article's own day: "Between Sunday night and dawn, 426 drones…"
    /// in an article printed two weeks later tells of the night of the
    /// 426 drones, not of the Sunday before the article.
    pub fn told_by_figure(&self) -> bool {
        let inside = |m: &DayMention| {
            m.range.is_some_and(|(lo, hi)| {
                [lo, hi]
                    .iter()
                    .filter_map(|&d| crate::value::date_from_day_number(d as i32))
                    .all(|d| self.when.contains(d))
            })
        };
        // A figure after "after" or "since" recalls the event beside
        // another day ("two weeks after the 426 drones of 21 July").
        let recalled = |m: &DayMention| {
            let before = fold(self.text.get(..m.start).unwrap_or(""));
            let words: Vec<&str> = before.split_whitespace().rev().take(3).collect();
            words
                .iter()
                .any(|w| matches!(*w, "after" | "since" | "following" | "apres" | "depuis"))
        };
        self.mentions.iter().any(|m| m.figure && !m.compared && !recalled(m))
            && self
                .mentions
                .iter()
                .filter(|m| m.names_day && !m.figure)
                .all(|m| m.relative || inside(m))
    }

    /// Whether the sentence names a day, and each bound of each day it names
    /// is inside the period (`wanted(true)`) or each is outside
    /// (`wanted(false)`).
    fn names_only_days(&self, wanted: impl Fn(bool) -> bool) -> bool {
        let days = || self.mentions.iter().filter(|m| m.names_day);
        days().next().is_some()
            && days().all(|m| {
                m.range.is_some_and(|(lo, hi)| {
                    [lo, hi]
                        .iter()
                        .filter_map(|&d| crate::value::date_from_day_number(d as i32))
                        .all(|d| wanted(self.when.contains(d)))
                })
            })
    }

    /// Whether a day inside the period stands close to the value, at most
    /// [`PLACING_REACH`] words from it in `sentence`: « dans la nuit du 20 au
    /// 21 juillet, 426 drones… ». What places a value of an undated article
    /// that also tells of later months (`not.undated_document`), or of an
    /// article on another night (`not.document`). A day further off places
    /// it only when it is the one time the sentence tells
    /// ([`heads_alone`](Self::heads_alone)): it may belong to a comparison
    /// ("less than the drones of 20–21 July, yet … 31 people killed"). The
    /// reach is counted from the
    /// ends of the value's list, so that the 24 of « dans la nuit du 20 au 21
    /// juillet, la Russie a lancé 426 drones et 24 missiles » is placed with
    /// the 426.
    pub fn placed_by_day(
        &self,
        sentence: &str,
        own: std::ops::Range<usize>,
        siblings: &[std::ops::Range<usize>],
    ) -> bool {
        let words = |from: usize, to: usize| {
            sentence
                .get(from..to)
                .map_or(usize::MAX, |g| g.split_whitespace().count())
        };
        // The value's list: "426 drones et 24 missiles" is placed as a
        // whole by the night named before its first value.
        let list = listed_with(sentence, own.clone(), siblings);
        self.others(own.clone(), siblings)
            .filter(|m| m.range.is_some_and(|(lo, hi)| hi - lo <= 1.0))
            .filter(|m| {
                m.range
                    .and_then(|(_, hi)| crate::value::date_from_day_number(hi as i32))
                    .is_some_and(|d| self.when.contains(d))
            })
            .any(|m| match m.end <= list.start {
                // A figure of the signature in the value's list is the
                // event's own: "426 drones and 24 missiles".
                _ if m.figure && m.start < list.end && m.end > list.start => true,
                true => words(m.end, list.start) <= PLACING_REACH || self.heads_alone(sentence, m, list.start),
                false => m.start >= list.end && words(list.end, m.start) <= PLACING_REACH,
            })
    }

    /// Whether the day `m`, before a value that starts at `value`, is the
    /// one time the sentence tells, so that it places the value however far
    /// off: « Dans la nuit du 20 au 21 juillet, les Russes ont lancé 426
    /// drones et 24 missiles sur le pays, et à Kiev il y a eu deux morts et
    /// seize blessés. » That holds when every other time the sentence names
    /// (a month, a year) touches the period and none is a comparison's, no
    /// time relation opens the day (« après la nuit du… », "since July
    /// 21"), and nothing between the day and the value marks another event
    /// (« une autre frappe », "then", "later").
    fn heads_alone(&self, sentence: &str, m: &DayMention, value: usize) -> bool {
        const RELATIONS: &[&str] = &[
            "apres",
            "avant",
            "depuis",
            "jusqu",
            "after",
            "before",
            "since",
            "following",
            "until",
            "till",
        ];
        let touches = |(lo, hi): (f64, f64)| {
            let (Some(lo), Some(hi)) = (
                crate::value::date_from_day_number(lo as i32),
                crate::value::date_from_day_number(hi as i32),
            ) else {
                return false;
            };
            self.when.from.is_none_or(|from| hi >= from) && self.when.to.is_none_or(|to| lo <= to)
        };
        let alone = self
            .mentions
            .iter()
            .filter(|o| o.end <= value || o.start >= value)
            .all(|o| !o.compared && o.range.is_some_and(touches));
        let opened = sentence[..m.start]
            .rsplit(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .take(3)
            .any(|w| RELATIONS.contains(&crate::french::vocab::fold(w).as_str()));
        // A day measured against ("less than three-quarters of the drones of
        // 20–21 July"), or a value in a clause set against it ("yet it was
        // the deadliest…"), is another event's.
        let compared = says_any(&sentence[..m.start], COMPARISONS);
        let between = &sentence[m.end..value];
        alone
            && !opened
            && !compared
            && !says_any(between, CONTRASTS)
            && !another_event_marked(between, Lang::Fr)
            && !another_event_marked(between, Lang::En)
    }

    /// The one day inside the period that the sentence names: the day a
    /// recalled count speaks of ("Ten days earlier, on July 21, the barrage
    /// had killed one person"), which the claim then holds as of, rather
    /// than the later day it was printed. `None` when it names no such day,
    /// or several.
    pub fn named_day_inside(&self, own: std::ops::Range<usize>, siblings: &[std::ops::Range<usize>]) -> Option<Date> {
        self.one_day_inside(self.others(own, siblings))
    }

    /// The one day of the period the sentence names (a figure of the
    /// signature names its event's day), if it names no other day of it:
    /// what a sentence up gives the values after it ([`day_before`]).
    fn the_day_inside(&self) -> Option<Date> {
        self.one_day_inside(self.mentions.iter().filter(|m| m.names_day && !m.compared))
    }

    /// The one day of the period that `mentions` name: a day, or a night
    /// told by its two days ("la nuit du 20 au 21 juillet"), the morning it
    /// ends on, when the count was given.
    fn one_day_inside<'a>(&self, mentions: impl Iterator<Item = &'a DayMention>) -> Option<Date> {
        let mut days = mentions
            .filter_map(|m| m.range.filter(|(lo, hi)| hi - lo <= 1.0))
            .filter_map(|(_, hi)| crate::value::date_from_day_number(hi as i32))
            .filter(|d| self.when.contains(*d));
        let day = days.next()?;
        days.all(|d| d == day).then_some(day)
    }
}

/// How far a value's list reaches in `sentence`: the values of its kind
/// (`siblings`) joined to it, each by at most [`LIST_LINK`] words and no
/// stronger mark than a comma ("426 drones et 24 missiles", "two dead and
/// 16 injured", "426 drones, 24 missiles"). One value alone is its own list.
fn listed_with(
    sentence: &str,
    own: std::ops::Range<usize>,
    siblings: &[std::ops::Range<usize>],
) -> std::ops::Range<usize> {
    let linked = |from: usize, to: usize| {
        sentence.get(from..to).is_some_and(|gap| {
            !gap.contains([';', ':', '.', '!', '?', '(', ')', '—', '–', '«', '»', '"'])
                && gap.split_whitespace().count() <= LIST_LINK
        })
    };
    let mut list = own;
    loop {
        let before = siblings
            .iter()
            .find(|s| s.end <= list.start && linked(s.end, list.start));
        let after = siblings
            .iter()
            .find(|s| s.start >= list.end && linked(list.end, s.start));
        match (before, after) {
            (Some(b), _) => list.start = b.start,
            (None, Some(a)) => list.end = a.end,
            (None, None) => return list,
        }
    }
}

/// The most words between two values of one list: a unit and a joining
/// word ("drones et de").
const LIST_LINK: usize = 3;

/// What the sentences before a value's sentence that names no day say of
/// its day (see [`day_before`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayBefore {
    /// The nearest sentence up that names days names only days of the
    /// period, or a figure of the event beside days named only from the
    /// article's own (`SentenceDays::told_by_figure`); or, naming none, its
    /// value was placed in the period: « Dans la nuit du 20 au 21 juillet,
    /// 426 drones… À Kiev, deux morts, seize blessés. » With the day it names, when one (a
    /// night told by its two days ends on its morning): the day the value
    /// it places was given, not the later day the article was printed.
    Inside(Option<Date>),
    /// It names only days outside the period: a timeline's item of another
    /// night, « Le 17 juin. Quelque 440 drones visent le pays. »
    Outside,
    /// None names a day, one names days inside and outside, or a sentence
    /// says of another event.
    Unknown,
}

/// What the sentences before `around` (at byte `around_start` of `body`)
/// in its paragraph say of its day, when `around` names none: the nearest
/// one that names days, at most [`PLACING_SENTENCES`] back, as long as
/// neither `around` nor the sentences between say of another event (« une
/// autre frappe », "a week later"). A timeline's item may put its day a
/// sentence further up: « Lundi 21 juillet. Nuit noire : 426 drones. À
/// Kiev, un mort, puis deux. » `days_of` reads a sentence's days.
///
/// A sentence up whose value the rule has already placed in the period
/// (`placed`: the sentences' starts in `body`, each with its day) places
/// this one as a day there would: a slide's « Bilan : 2 morts » under a
/// dated title, then its note « le premier bilan faisait état d'un mort ».
pub fn day_before(
    body: &str,
    around_start: usize,
    around: &str,
    lang: Lang,
    placed: &[(usize, Date)],
    mut days_of: impl FnMut(&str) -> SentenceDays,
) -> DayBefore {
    if another_event_marked(around, lang) {
        return DayBefore::Unknown;
    }
    let mut at = around_start;
    // "That night", « cette nuit-là »: the sentence tells of a day told
    // further up, which is looked for further back, and past the ends of
    // paragraphs: a spoken script gives each sentence its own (« Le record
    // date du neuf juillet. ⏎⏎ Sept cent vingt-huit drones cette nuit-là. »).
    let points_back = day_anaphora(around);
    let mut reach = match points_back {
        true => ANAPHORA_SENTENCES,
        false => PLACING_SENTENCES,
    };
    let mut walked = 0;
    while walked < reach {
        walked += 1;
        let Some(before) = sentence_before(body, at, points_back) else {
            return DayBefore::Unknown;
        };
        at = before.as_ptr() as usize - body.as_ptr() as usize;
        // Looking for the day "that night" points at, a sentence between
        // that counts a day from the story's (« Le lendemain, on apprenait
        // que… », "the day before") tells of that same story: passed over.
        if reach > PLACING_SENTENCES && !before.bytes().any(|b| b.is_ascii_digit()) && counts_from_the_story(before) {
            continue;
        }
        let days = days_of(before);
        if days.names_any_day() {
            return if days.names_only_days_inside() || days.told_by_figure() {
                DayBefore::Inside(days.the_day_inside())
            } else if days.names_only_days_outside() {
                DayBefore::Outside
            } else {
                DayBefore::Unknown
            };
        }
        // Naming no day itself, it was placed by the sentences up.
        if let Some(&(_, day)) = placed.iter().rev().find(|&&(start, _)| start == at) {
            return DayBefore::Inside(Some(day));
        }
        if another_event_marked(before, lang) || names_a_bare_day(before) {
            return DayBefore::Unknown;
        }
        if day_anaphora(before) {
            reach = reach.max(walked + ANAPHORA_SENTENCES);
        }
    }
    DayBefore::Unknown
}

/// Words (lower case, as ASCII lower-casing leaves a sentence) that tell
/// of the night before the article's day when
/// the sentence names no day (see [`SentenceDays::with_overnight`]).
const OVERNIGHT: &[&str] = &[
    "overnight",
    "last night",
    "during the night",
    "cette nuit",
    "la nuit dernière",
    "au cours de la nuit",
    "pendant la nuit",
];

/// Where the phrase `w` stands in `text` as whole words.
fn whole_word_at(text: &str, w: &str) -> Option<usize> {
    text.match_indices(w).map(|(i, _)| i).find(|&i| {
        let before = text[..i].chars().next_back();
        let rest = &text[i + w.len()..];
        let after = rest.chars().next();
        // « cette nuit-là »: that night, told before, not last night.
        !before.is_some_and(char::is_alphanumeric)
            && !after.is_some_and(char::is_alphanumeric)
            && !rest.starts_with("-là")
            && !rest.starts_with("-la")
    })
}

/// A day told by its number alone, after an article, the month left to a
/// timeline's heading: « Le 28, en Écosse… », "On the 28th, …".
static BARE_DAY: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"(?i)\b(?:le|du|the)\s+(?:[1-9]|[12][0-9]|3[01])(?:er|st|nd|rd|th)?\s*(?:[,;:.)]|$)")
        .expect("static regex")
});

/// Whether a sentence names a day by its number alone ([`BARE_DAY`]): it
/// names a day that cannot be read without its month, so it places
/// nothing, and the day of a sentence further up does not reach past it.
fn names_a_bare_day(sentence: &str) -> bool {
    // Not a count's noun left out after "of the" (« Of the 12, nine… »).
    sentence.bytes().any(|b| b.is_ascii_digit())
        && BARE_DAY.find_iter(sentence).any(|m| {
            let word = super::values::word_before(sentence, m.start());
            !matches!(word.to_lowercase().as_str(), "of" | "among" | "sur" | "parmi")
        })
}

/// Whether a sentence names a day counted from the story's own: « le
/// lendemain », « la veille », "the next day", "the day before".
fn counts_from_the_story(sentence: &str) -> bool {
    says_any(
        sentence,
        &[
            "lendemain",
            "surlendemain",
            "la veille",
            "the next day",
            "the following day",
            "the day before",
            "the day after",
        ],
    )
}

/// Words before a day that measure something against it (folded, both
/// languages; see [`SentenceDays::heads_alone`]).
const COMPARISONS: &[&str] = &[
    "than",
    "compared",
    "fraction of",
    "unlike",
    "moins que",
    "plus que",
    "compare",
    "comparee",
    "par rapport",
    "contrairement",
    "fraction",
];

/// Words that set a clause against the one before it (folded, both
/// languages; see [`SentenceDays::heads_alone`]).
const CONTRASTS: &[&str] = &[
    "yet",
    "but",
    "however",
    "whereas",
    "while",
    "mais",
    "pourtant",
    "cependant",
    "tandis",
    "alors que",
];

/// How many sentences back [`day_before`] looks from a sentence that says
/// "that night" (see [`day_anaphora`]), within its paragraph.
const ANAPHORA_SENTENCES: usize = 5;

/// Whether a sentence tells of a day by pointing back at it: « cette
/// nuit-là », « ce jour-là », « le même jour », "that night", "the same
/// day". Its day is the one told further up, not the publication day.
fn day_anaphora(sentence: &str) -> bool {
    says_any(
        sentence,
        &[
            "cette nuit la",
            "ce jour la",
            "cette journee la",
            "la meme nuit",
            "le meme jour",
            "cette meme nuit",
            "ce meme jour",
            "that night",
            "that day",
            "that same night",
            "that same day",
            "the same night",
            "the same day",
        ],
    )
}

/// Whether a sentence holds one of `phrases` (folded words, one space
/// between) as whole words, whatever its punctuation (« nuit-là »).
fn says_any(sentence: &str, phrases: &[&str]) -> bool {
    let words: String = fold(sentence)
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    let words = format!(" {} ", words.split_whitespace().collect::<Vec<_>>().join(" "));
    phrases.iter().any(|p| words.contains(&format!(" {p} ")))
}

/// How many sentences back [`day_before`] looks for the day
/// that places a value: a timeline's day, its headline, then the value.
const PLACING_SENTENCES: usize = 3;

/// The sentence before the one that starts at byte `at` of `body`, in the
/// same paragraph (no blank line between) unless `across` paragraphs, if
/// one.
fn sentence_before(body: &str, at: usize, across: bool) -> Option<&str> {
    let before = body.get(..at)?;
    let end = before
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '.' | '!' | '?' | '…'))
        .len();
    if end == 0 || (!across && body[end..at].contains("\n\n")) {
        return None;
    }
    let mut last = end - 1;
    while !body.is_char_boundary(last) {
        last -= 1;
    }
    let sentence = super::text::sentence_around(body, last, end);
    (!sentence.trim().is_empty()).then_some(sentence)
}

/// Whether a sentence says its value is of another event than the one
/// before it told of: « une autre frappe », "a week later", "the next
/// night" (see `OTHER_EVENT_MARKERS`).
fn another_event_marked(sentence: &str, lang: Lang) -> bool {
    // The sentence's words as the frames read them: folded, one space
    // between, so that a marker is a whole-word substring.
    let a = super::text::Analysis::new(sentence);
    let markers = match lang {
        Lang::En => crate::english::vocab::OTHER_EVENT_MARKERS,
        _ => crate::french::vocab::OTHER_EVENT_MARKERS,
    };
    // « seize autres blessés », "nine others": more people, not another
    // event (« une autre nuit » is one).
    let counted = |i: usize| {
        i > 0 && matches!(a.word(i), "autres" | "others" | "other") && {
            let w = a.word(i - 1);
            !matches!(w, "un" | "une" | "one")
                && (w.bytes().all(|b| b.is_ascii_digit())
                    || crate::french::vocab::NUMBER_WORDS.contains(&w)
                    || crate::english::vocab::small_word(w).is_some())
        }
    };
    // "The toll later rose to two", « il s'est ensuite alourdi »: a figure
    // that grows is the same event's, told a little later. Not "ten days
    // later": a length before the word counts to another day.
    let grows_near = |i: usize| {
        (i.saturating_sub(3)..(i + 4).min(a.tokens.len())).any(|j| {
            crate::french::vocab::GROWTH_WORDS.contains(&a.word(j))
                || crate::english::vocab::GROWTH_WORDS.contains(&a.word(j))
                || (j + 1 < a.tokens.len() && raised_to(a.word(j), a.word(j + 1)))
        })
    };
    let measured = |i: usize| {
        i > 0
            && (a.word(i - 1).bytes().any(|b| b.is_ascii_digit())
                || crate::english::vocab::WHOLE_UNITS
                    .iter()
                    .any(|u| a.word(i - 1).starts_with(u))
                || matches!(
                    a.word(i - 1),
                    "jours" | "semaines" | "mois" | "heures" | "jour" | "semaine"
                ))
    };
    let same_event_later =
        |i: usize, m: &str| matches!(m, "later" | "then" | "ensuite" | "plus tard") && grows_near(i) && !measured(i);
    (0..a.tokens.len()).any(|i| {
        !counted(i)
            && markers
                .iter()
                .any(|m| a.phrase_at(i, a.tokens.len(), m) && !same_event_later(i, m))
    })
}

/// Why a value is not placed in its rule's period ([`SentenceDays::place`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unplaced {
    OtherEvent(OtherEvent),
    /// An undated article that names another month (`not.undated_document`),
    /// and no day of the period beside the value.
    Guarded,
}

/// Why a count's or a duration's value tells of another event than its
/// rule's period (`when:`), see [`SentenceDays::other_event`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OtherEvent {
    /// Its sentence names a day outside the period: where those words are.
    NamesDay(std::ops::Range<usize>),
    /// Its sentence names no day, and its article was published on this
    /// day, outside the period.
    PublishedOutside(Date),
    /// Its sentence names no day, and the nearest sentence up that names
    /// days names only days outside the period (see [`day_before`]).
    SentenceBefore,
}

impl OtherEvent {
    /// Why, in words, for `rules explain` and `rules test` (`sentence`: the
    /// sentence the verdict was given on).
    pub fn why(&self, sentence: &str) -> String {
        match self {
            OtherEvent::NamesDay(at) => format!(
                "its sentence names `{}`, a day outside the rule's `when`: another event's",
                sentence.get(at.clone()).unwrap_or_default().trim()
            ),
            OtherEvent::PublishedOutside(day) => format!(
                "its sentence names no day, and the article's day, {day}, is outside the rule's `when`: another event's"
            ),
            OtherEvent::SentenceBefore => "its sentence names no day, and the sentence before names only days outside the rule's `when`: another event's".to_string(),
        }
    }
}

/// Whether the date words `words` (at `start` in `sentence`) are a year
/// the sentence's events fall in: a year alone after `en`, `in`, `au cours
/// de` or `during` (`En 2024, une frappe…`), not one a span counts from
/// (`since 2022`, `depuis 2022`: the largest swap since then is this one).
fn year_in(sentence: &str, start: usize, words: &str) -> bool {
    let folded = fold(words);
    let mut tokens = crate::rules::frame::tokens_of(&folded).collect::<Vec<_>>();
    let year = |t: &str| t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit());
    let Some(last) = tokens.pop() else { return false };
    if !year(last) {
        return false;
    }
    let before = fold(&sentence[..start]);
    let mut previous: Vec<&str> = crate::rules::frame::tokens_of(&before).collect();
    previous.extend(tokens);
    const IN: &[&[&str]] = &[&["en"], &["in"], &["during"], &["au", "cours", "de"], &["courant"]];
    IN.iter().any(|words| previous.ends_with(words))
}

/// Whether the month `words` (at `start` in `sentence`) is one the
/// sentence's events fall in: the phrase ends with a month's name, and
/// `en`, `in`, `during`, `au mois de`, `début`, `fin`, `mi-`, `early`,
/// `late` or `last` comes right before it (`en juin`, `in late June`,
/// `last June`). A month an event is counted from or until (`since June`,
/// `depuis juin`, `until August`) is none: it does not place the value.
/// Read in the article's year, or in an undated one in the year of the
/// rule's period.
fn month_in(sentence: &str, start: usize, words: &str) -> bool {
    let folded = fold(words);
    let mut tokens = crate::rules::frame::tokens_of(&folded).collect::<Vec<_>>();
    let Some(last) = tokens.pop() else { return false };
    if month_number(last).is_none() {
        return false;
    }
    let before = fold(&sentence[..start]);
    let mut previous: Vec<&str> = crate::rules::frame::tokens_of(&before).collect();
    previous.extend(tokens);
    // English "a June strike", not French « repoussé à juillet », which
    // folds to the same `a`.
    let article = || {
        let raw = sentence[..start].trim_end();
        raw.ends_with(['a', 'A']) && !raw[..raw.len() - 1].ends_with(char::is_alphanumeric)
    };
    MONTH_PLACING
        .iter()
        .any(|words| previous.ends_with(words) && (*words != ["a"] || article()))
}

/// Whether `sentence` may name a month its events fall in (see
/// [`month_in`]): a month's name right after one of the words that place
/// events in it. A sentence that names none, nor a day nor a year, needs no
/// date finder.
pub fn names_a_month_in(sentence: &str) -> bool {
    let folded = fold(sentence);
    let tokens: Vec<&str> = crate::rules::frame::tokens_of(&folded).collect();
    tokens
        .windows(2)
        .any(|pair| MONTH_PLACING.iter().any(|words| words.last() == Some(&pair[0])) && month_number(pair[1]).is_some())
}

/// The words that place a sentence's events in a month when they stand
/// right before its name (see [`month_in`]).
const MONTH_PLACING: &[&[&str]] = &[
    &["en"],
    &["in"],
    &["during"],
    &["mois", "de"],
    &["debut"],
    &["fin"],
    &["mi"],
    &["early"],
    &["late"],
    &["mid"],
    &["last"],
    // A month told as an event's name: "a June strike", "the May talks",
    // « la frappe de juin », « les pourparlers d'août ».
    &["a"],
    &["an"],
    &["the"],
    &["de"],
    &["d"],
];

/// Whether `sentence` has a four-digit number that may be a year (see
/// [`year_in`]): a sentence with neither a day nor a year needs no date
/// finder.
pub fn names_a_year(sentence: &str) -> bool {
    sentence
        .split(|c: char| !c.is_ascii_digit())
        .any(|run| run.len() == 4 && (run.starts_with("19") || run.starts_with("20")))
}

/// Whether a sentence may count back from the article's own day: a cheap
/// test of its bytes, before its dates are looked for.
pub fn may_count_back(sentence: &str, lang: Lang) -> bool {
    match lang {
        Lang::Fr => {
            let folded = fold(sentence);
            COUNTED_BACK_FR.iter().any(|w| folded.contains(w))
        }
        Lang::En => sentence.to_ascii_lowercase().contains(" ago"),
    }
}

/// The French words that count back from the article's own day, folded.
const COUNTED_BACK_FR: &[&str] = &["il y a ", "voici ", "voila "];

/// Whether a date's words count back from the article's own day ("two
/// weeks ago", « il y a quinze jours », « voici un mois »).
fn counted_back(words: &str, lang: Lang) -> bool {
    let folded = fold(words);
    match lang {
        Lang::Fr => COUNTED_BACK_FR.iter().any(|w| folded.starts_with(w)),
        Lang::En => folded.ends_with(" ago"),
    }
}

/// Whether a date phrase names its day: a day of a month (`le 17 juin`,
/// `July 9`, `31/07`) or a weekday (`jeudi`), not only a length of time (`in three
/// years`, `il y a deux ans`). Said of a sentence, whether one of its dates
/// may: a sentence that names none needs no date finder.
pub fn names_a_day(words: &str, lang: Lang) -> bool {
    let weekdays = match lang {
        Lang::Fr => &crate::french::vocab::WEEKDAYS,
        Lang::En => &crate::english::vocab::WEEKDAYS,
    };
    let folded = fold(words);
    months_named(words, lang) != 0
        || crate::rules::frame::tokens_of(&folded).any(|t| weekdays.contains(&t))
        || !numeric_days(words).is_empty()
}

/// Whether the folded words `word next` raise a figure to a new one: "was
/// later raised to two dead", "brought to two", "bringing it to", « le
/// bilan a été relevé à deux morts », « porté à », « passé à » (the two
/// words side by side: "bringing the toll to" is not read). Alone, "raised" is any
/// raising ("raised the stakes"), « relevé » any recording (« l'armée de
/// l'air a relevé 426 drones »), « porté » any carrying and « passé » any
/// past.
pub fn raised_to(word: &str, next: &str) -> bool {
    matches!(
        (word, next),
        (
            "raised" | "raises" | "bringing" | "brought" | "pushing" | "pushed",
            "to"
        ) | (
            "releve" | "relevee" | "releves" | "porte" | "portee" | "portant" | "passe" | "passant",
            "a"
        )
    )
}

/// Which way a weekday is counted from the day the story told before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Counted {
    /// « Deux jours plus tôt, le samedi », "the day before, Sunday".
    Before,
    /// « Le lendemain, mardi », "two days later, on Wednesday".
    After,
    /// "the same Saturday evening", « ce samedi-là »: the day told before
    /// itself, when it is that weekday.
    Same,
}

/// An adverb that counts a day from another day of the story, then a comma,
/// at the end of the text before a weekday (folded). The comma is required:
/// "earlier on Saturday" is that Saturday's morning, and "before Saturday"
/// a deadline.
static COUNTED_FROM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:(?P<before>plus tot|auparavant|la veille|avant-veille|earlier|before|previously|the day before|the eve)|(?P<after>plus tard|lendemain|surlendemain|later|afterwards|the next day|the following day|the day after))\s*,(?:\s*(?:le|on|ce|that)\b)?\s*$",
    )
    .expect("static regex")
});

/// Whether the weekday at `at` in `text` is counted from another day the
/// story told before it (« Deux jours plus tôt, le samedi, il avait
/// proposé… »): such a day is neither the publication week's nor the one a
/// rule's period holds, but the one nearest before (or after) that other
/// day, see [`day_told_before`].
pub fn counted_from(text: &str, at: usize) -> Option<Counted> {
    let mut from = at.min(text.len()).saturating_sub(60);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let tail = fold(text.get(from..at)?);
    let c = COUNTED_FROM.captures(&tail)?;
    Some(if c.name("before").is_some() {
        Counted::Before
    } else {
        Counted::After
    })
}

/// Whether the weekday at `at` in `text` is told with a word that points
/// back to a day the story told before ("the same Saturday", "that
/// Monday", "the following Wednesday", « ce samedi-là », « le lundi
/// suivant », « ce même lundi »): read against the publication, it would
/// name another week's. Unlike [`counted_from`], the words do not say that
/// such a day was told: a text that tells none reads the weekday as any.
pub fn pointed_back(text: &str, at: usize) -> Option<Counted> {
    // The weekday: the date's first words may be an article (« le lundi »).
    let rest = text.get(at..)?;
    let mut words = rest
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(3);
    let weekday = words.find(|w| weekday_of_word(&fold(w)).is_some())?;
    let weekday_at = at + (weekday.as_ptr() as usize - rest.as_ptr() as usize);
    let mut from = weekday_at.saturating_sub(24);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let tail = fold(&text[from..weekday_at]);
    let before = tail.trim_end().rsplit(' ').next().unwrap_or("");
    // The words after the weekday: « samedi-là », « lundi suivant ».
    let after = &text[weekday_at + weekday.len()..];
    let next = fold(
        after
            .split(|c: char| !c.is_alphabetic())
            .find(|w| !w.is_empty())
            .unwrap_or(""),
    );
    // "Following Wednesday's talks" is a preposition and a possessive.
    if after.starts_with(['\'', '’']) {
        return None;
    }
    let the_following = tail.trim_end().ends_with("the following");
    match (before, next.as_str()) {
        ("same" | "that" | "meme", _) | (_, "meme") => Some(Counted::Same),
        _ if after.starts_with(['-', '‑']) && next == "la" => Some(Counted::Same),
        ("following", _) if the_following => Some(Counted::After),
        (_, "suivant" | "suivante") => Some(Counted::After),
        ("previous", _) | (_, "precedent" | "precedente") => Some(Counted::Before),
        _ => None,
    }
}

/// A day number and a month, in either language's order, and a year if
/// one follows.
static DAY_AND_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    let months = crate::language::month_names();
    Regex::new(&format!(
        r"\b(?P<d>[0-9]{{1,2}})(?:er|st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{months})\b(?:,?\s+(?P<y>(?:19|20)[0-9]{{2}})\b)?|\b(?P<m2>{months})\.?\s+(?P<d2>[0-9]{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y2>(?:19|20)[0-9]{{2}})\b)?|\b(?P<d3>[0-9]{{1,2}})/(?P<n3>0[1-9]|1[0-2])(?:/(?P<y3>(?:19|20)[0-9]{{2}}))?\b"
    ))
    .expect("static regex")
});

/// The last day the text tells in full before `at` (a day number and a
/// month: « lundi 21 juillet », "July 21", `19/07`), in its paragraph or the one
/// before: the day a counted weekday is counted from. `year` is the year of
/// a day written without one.
pub fn day_told_before(text: &str, at: usize, year: Option<i16>) -> Option<Date> {
    let at = at.min(text.len());
    let mut end = at;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let here = text[..end].rfind("\n\n").unwrap_or(0);
    let from = text[..here].rfind("\n\n").map_or(0, |i| i + 2);
    let folded = fold(&text[from..end]);
    // The last that is a day of the calendar (`24/7` and `50/50` are not).
    let captures: Vec<_> = DAY_AND_MONTH.captures_iter(&folded).collect();
    captures.iter().rev().find_map(|c| {
        let num = |name: &str| c.name(name).and_then(|m| m.as_str().parse::<i16>().ok());
        let (day, month, written) = match (num("d"), c.name("m"), num("d3")) {
            (Some(d), Some(m), _) => (d, month_number(m.as_str())?, num("y")),
            // `19/07`, `19/07/2025`: day, then a month of two figures.
            (_, _, Some(d)) => (d, i8::try_from(num("n3")?).ok()?, num("y3")),
            _ => (num("d2")?, month_number(c.name("m2")?.as_str())?, num("y2")),
        };
        Date::new(written.or(year)?, month, i8::try_from(day).ok()?).ok()
    })
}

/// The day `weekday` (0 is Monday) nearest before or after `day`, never
/// `day` itself; or `day` itself when it is that weekday (`Same`).
pub fn counted_day(day: Date, weekday: usize, way: Counted) -> Option<Date> {
    let mut d = day;
    for _ in 0..7 {
        d = match way {
            Counted::Before => d.yesterday().ok()?,
            Counted::After => d.tomorrow().ok()?,
            Counted::Same => return (day.weekday().to_monday_zero_offset() as usize == weekday).then_some(day),
        };
        if d.weekday().to_monday_zero_offset() as usize == weekday {
            return Some(d);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_weekday_counted_from_a_day_told_before_is_that_days_neighbour() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        let text = "Le lundi 21 juillet, Kiev a annoncé des pourparlers. Deux jours plus tôt, le samedi, il les avait proposés.";
        let at = text.find("samedi").unwrap();
        assert_eq!(counted_from(text, at), Some(Counted::Before));
        assert_eq!(day_told_before(text, at, Some(2025)), Some(d("2025-07-21")));
        assert_eq!(counted_day(d("2025-07-21"), 5, Counted::Before), Some(d("2025-07-19")));
        let later = "Talks were called on July 21.\n\nTwo days later, on Wednesday, the envoys met.";
        let at = later.find("Wednesday").unwrap();
        assert_eq!(counted_from(later, at), Some(Counted::After));
        assert_eq!(day_told_before(later, at, Some(2025)), Some(d("2025-07-21")));
        assert_eq!(counted_day(d("2025-07-21"), 2, Counted::After), Some(d("2025-07-23")));
        // Never the day itself: the Monday after a Monday is a week on.
        assert_eq!(counted_day(d("2025-07-21"), 0, Counted::After), Some(d("2025-07-28")));
        // Without a comma the adverb tells of that day's own hours, and
        // `before` of a deadline.
        for plain in [
            "He spoke earlier on Saturday.",
            "A reply is due before Saturday.",
            "Plus tôt samedi, il a parlé.",
        ] {
            let at = plain.find("Saturday").or_else(|| plain.find("samedi")).unwrap();
            assert_eq!(counted_from(plain, at), None, "{plain}");
        }
        // A weekday that points back: the day told before, its next or
        // its previous such weekday.
        let back = |text: &str, weekday: &str| pointed_back(text, text.find(weekday).unwrap());
        assert_eq!(
            back("Booked on 19/07, the same Saturday evening.", "Saturday"),
            Some(Counted::Same)
        );
        assert_eq!(back("That Monday, he spoke.", "Monday"), Some(Counted::Same));
        assert_eq!(back("Following Wednesday's talks, a swap.", "Wednesday"), None);
        assert_eq!(back("They spoke. Following Wednesday, more.", "Wednesday"), None);
        assert_eq!(
            back("They met the following Wednesday.", "Wednesday"),
            Some(Counted::After)
        );
        assert_eq!(
            back("Ils se sont vus le mercredi suivant.", "le mercredi"),
            Some(Counted::After)
        );
        assert_eq!(back("Ce samedi-là, il a proposé.", "samedi"), Some(Counted::Same));
        assert_eq!(back("Ce même lundi, il a annoncé.", "lundi"), Some(Counted::Same));
        assert_eq!(back("Le samedi précédent, rien.", "Le samedi"), Some(Counted::Before));
        assert_eq!(back("They meet on Wednesday.", "Wednesday"), None);
        assert_eq!(back("Samedi, il a proposé.", "Samedi"), None);
        assert_eq!(
            day_told_before("Booked on 19/07, the same Saturday.", 20, Some(2025)),
            Some(d("2025-07-19"))
        );
        assert_eq!(counted_day(d("2025-07-19"), 5, Counted::Same), Some(d("2025-07-19")));
        // Round the clock and odds are no days; a day before them still is.
        let clock =
            "Talks were called on 21 July. Crews worked 24/7, at 50/50 odds. The following Wednesday, they met.";
        assert_eq!(
            day_told_before(clock, clock.find("Wednesday").unwrap(), Some(2025)),
            Some(d("2025-07-21"))
        );
        assert_eq!(counted_day(d("2025-07-19"), 0, Counted::Same), None);
        // A day two paragraphs up tells nothing of this one.
        let far = "Le 21 juillet, des frappes.\n\nAutre chose.\n\nLa veille, dimanche, rien.";
        assert_eq!(day_told_before(far, far.find("dimanche").unwrap(), Some(2025)), None);
    }

    #[test]
    fn a_day_a_comparison_measures_against_is_anothers() {
        let at = |s: &str, day: &str| compared_day(s, s.find(day).unwrap());
        assert!(at("309 drones, moins que le 21 juillet", "21 juillet"));
        assert!(at("plus meurtrière que lors de la nuit du 21 juillet", "21 juillet"));
        assert!(at("309 drones, fewer than on July 21", "July 21"));
        assert!(at("a toll heavier than the night of July 20", "July 20"));
        assert!(at("309 drones, compared with 21 July", "21 July"));
        assert!(at("Un bilan lourd par rapport au 21 juillet", "21 juillet"));
        assert!(!at(
            "Il a dit que le 21 juillet, 426 drones ont été lancés",
            "21 juillet"
        ));
        assert!(!at("Selon le rapport du 21 juillet, 426 drones", "21 juillet"));
        assert!(!at("more drones were launched on July 21", "July 21"));
    }

    #[test]
    fn the_sentence_before_is_looked_for_in_the_same_paragraph_only() {
        let body =
            "Dans la nuit du 20 au 21 juillet, 426 drones. À Kiev, deux morts.\n\nUne autre frappe : trois morts.";
        let kiev = body.find("À Kiev").unwrap();
        assert_eq!(
            sentence_before(body, kiev, false).map(str::trim),
            Some("Dans la nuit du 20 au 21 juillet, 426 drones")
        );
        assert_eq!(sentence_before(body, body.find("Une autre").unwrap(), false), None);
        // "That night" looks up past a paragraph's end.
        let script = "Le record date du 9 juillet.\n\n728 drones cette nuit-là.";
        let at = script.find("728").unwrap();
        assert_eq!(
            sentence_before(script, at, true).map(str::trim),
            Some("Le record date du 9 juillet")
        );
        assert_eq!(sentence_before(script, at, false), None);
        assert!(another_event_marked("Une autre frappe : trois morts.", Lang::Fr));
        assert!(another_event_marked("A week later, three were killed.", Lang::En));
        assert!(!another_event_marked("À Kiev, deux morts.", Lang::Fr));
        // A figure that grows is the same event's, told later.
        assert!(!another_event_marked(
            "Le bilan s'est ensuite alourdi à deux morts.",
            Lang::Fr
        ));
        assert!(!another_event_marked("The toll later rose to two dead.", Lang::En));
        // Brought to a new figure: the same growth.
        assert!(!another_event_marked(
            "Le premier bilan faisait état d'un mort ; il a ensuite été porté à deux morts.",
            Lang::Fr
        ));
        assert!(!another_event_marked("The toll was then brought to two.", Lang::En));
        // « Passé » alone is any past: another day's strike.
        assert!(another_event_marked(
            "Le mois passé, une autre frappe avait tué trois personnes.",
            Lang::Fr
        ));
        assert!(another_event_marked(
            "A week later, another strike killed three.",
            Lang::En
        ));
        assert!(another_event_marked(
            "Ten days later, a strike on Dnipro killed 31 and the toll rose to 33.",
            Lang::En
        ));
    }

    /// A timeline's item: the day, a line about the night, then the toll.
    /// The day three sentences up places the toll; a sentence between that
    /// tells of another event or names a day by its number alone, or a
    /// fourth sentence up, does not.
    #[test]
    fn a_day_three_sentences_up_places_a_value_that_names_none() {
        let later = "2025-07-28".parse::<Date>().unwrap();
        let placed = |body: &str| {
            let at = body.find("À Kiev").unwrap();
            let around = super::super::text::sentence_around(body, at, at + 6);
            let start = around.as_ptr() as usize - body.as_ptr() as usize;
            day_before(body, start, around, Lang::Fr, &[], |s| days_of(s, Lang::Fr, later))
        };
        let placed = |body: &str| matches!(placed(body), DayBefore::Inside(_));
        assert!(placed("Lundi 21 juillet. Nuit noire : 426 drones. À Kiev, deux morts."));
        assert!(!placed(
            "Lundi 21 juillet. Une autre nuit, 300 drones. À Kiev, deux morts."
        ));
        assert!(placed(
            "Lundi 21 juillet. Nuit noire. Des drones partout. À Kiev, deux morts."
        ));
        assert!(!placed(
            "Lundi 21 juillet. Nuit noire. Des drones partout. Les sirènes. À Kiev, deux morts."
        ));
        // « Le 28, » names a day whose month is a heading's: the walk up
        // stops there.
        assert!(!placed(
            "Le 21 juillet, 426 drones. Le 28, Trump parle en Écosse. À Kiev, deux morts."
        ));
        assert!(!placed("Lundi 9 juin. Nuit noire : 479 drones. À Kiev, deux morts."));
        // « Cette nuit-là » points further up its paragraph, past a day
        // counted from the story's (« le lendemain »); without it, four
        // sentences up is too far.
        assert!(placed(
            "La première, celle du 20 au 21 juillet. « On dormait. Le lendemain, on apprenait tout. » Cette nuit-là, 426 drones. À Kiev, deux morts."
        ));
        assert!(!placed(
            "La première, celle du 20 au 21 juillet. « On dormait. Le lendemain, on apprenait tout. » Puis 426 drones. À Kiev, deux morts."
        ));
        assert!(!placed(
            "La première, celle du 20 au 21 juillet.\n\nCette nuit-là, 426 drones. À Kiev, deux morts."
        ));
    }

    /// A figure only the event had tells of its night better than a
    /// weekday read from a later publication day: "Sunday" in an article of
    /// 2 August is the 27th, but beside 426 drones it is the 20th. A date
    /// written out beside the figure, outside the period, is no weekday.
    #[test]
    fn a_signature_figure_beats_a_weekday_read_from_a_later_day() {
        let later = "2025-08-02".parse::<Date>().unwrap();
        let night = "2025-07-21".parse::<Date>().unwrap();
        let before = |body: &str| {
            let at = body.find("In Kyiv").unwrap();
            let around = super::super::text::sentence_around(body, at, at + 7);
            let start = around.as_ptr() as usize - body.as_ptr() as usize;
            day_before(body, start, around, Lang::En, &[], |s| {
                let days = days_of(s, Lang::En, later);
                match s.find("426 drones") {
                    Some(i) => days.with_figures(s, std::slice::from_ref(&(i..i + 3)), night),
                    None => days,
                }
            })
        };
        assert_eq!(
            before("Between Sunday evening and dawn, Russia sent 426 drones. In Kyiv, two people died."),
            DayBefore::Inside(Some(night))
        );
        assert_eq!(
            before("On Sunday, Russia sent 426 drones. In Kyiv, two people died."),
            DayBefore::Inside(Some(night))
        );
        // A written date outside the period, the figure only compared
        // with: the value is placed by neither.
        assert_eq!(
            before("On 31 July, fewer than the 426 drones. In Kyiv, 31 people died."),
            DayBefore::Unknown
        );
        assert_eq!(
            before("On Sunday, Russia sent 300 drones. In Kyiv, two people died."),
            DayBefore::Outside
        );
    }

    /// A day told after a value, beyond another value in another clause,
    /// is that other value's; but the values of one list share the day the
    /// list is told of.
    #[test]
    fn a_lists_values_share_its_day() {
        let later = "2025-08-01".parse::<Date>().unwrap();
        let outside = |sentence: &str, own: &str, others: &[&str]| {
            let days = days_of(sentence, Lang::En, later);
            let at = |w: &str| sentence.find(w).unwrap()..sentence.find(w).unwrap() + w.len();
            let siblings: Vec<_> = others.iter().map(|w| at(w)).collect();
            days.other_event(at(own), &siblings, None).is_some()
        };
        assert!(outside(
            "The 31-dead toll, 309 drones and 8 missiles belong to the night of 30 to 31 July.",
            "31",
            &["309", "8"]
        ));
        assert!(!outside(
            "Cut to 12 days from today, down from the 50 days he set on 14 July.",
            "12",
            &["50"]
        ));
    }

    /// A sentence up whose value the rule placed in the period places the
    /// value of a sentence that names no day, as a day there would; one
    /// that names a day outside the period between still stops the walk.
    #[test]
    fn a_sentence_placed_up_places_the_next() {
        let later = "2025-08-04".parse::<Date>().unwrap();
        let night = "2025-07-21".parse::<Date>().unwrap();
        let before = |body: &str, placed_at: &str| {
            let at = body.find("À Kiev").unwrap();
            let around = super::super::text::sentence_around(body, at, at + 6);
            let start = around.as_ptr() as usize - body.as_ptr() as usize;
            let placed = [(body.find(placed_at).unwrap(), night)];
            day_before(body, start, around, Lang::Fr, &placed, |s| days_of(s, Lang::Fr, later))
        };
        assert_eq!(
            before(
                "Bilan : deux morts. Les secours sont restés. À Kiev, un mort d'abord.",
                "Bilan"
            ),
            DayBefore::Inside(Some(night))
        );
        assert_eq!(
            before(
                "Bilan : deux morts. Le 31 juillet, 309 drones. À Kiev, 31 morts.",
                "Bilan"
            ),
            DayBefore::Outside
        );
    }

    /// A live page's sections are headed by their days; a lone date under a
    /// title heads nothing, nor does a timestamp.
    #[test]
    fn paragraphs_that_hold_only_a_day_head_the_sections_after_them() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        let page = "**Mercredi 23 juillet**\n\n**20:05** – Fin du direct.\n\n\
                    ## Lundi 21 juillet :\n\n**07:15** – 426 drones cette nuit.\n\nDeux morts à Kiev.";
        let sections = section_days(page, || Some(d("2025-07-19")), None, Lang::Fr);
        assert_eq!(
            sections.iter().map(|&(_, day)| day).collect::<Vec<_>>(),
            [Some(d("2025-07-23")), Some(d("2025-07-21"))]
        );
        assert_eq!(
            section_day(&sections, page.find("Fin du").unwrap()),
            Some(d("2025-07-23"))
        );
        assert_eq!(
            section_day(&sections, page.find("Deux morts").unwrap()),
            Some(d("2025-07-21"))
        );
        let page = "<p>Monday, July 21</p>\n\nKyiv woke to sirens.\n\n<p>Wednesday, July 23</p>\n\nTalks.";
        assert_eq!(section_days(page, || Some(d("2025-07-19")), None, Lang::En).len(), 2);
        let lone = "21 juillet 2025\n\nLa Russie a lancé 426 drones.\n\n**08:30** – Deux morts.";
        assert!(section_days(lone, || Some(d("2025-07-22")), None, Lang::Fr).is_empty());
    }

    /// A week told under its weekdays alone: placed by the page's own day
    /// when its last heading holds it, else by a full date above the
    /// headings; never when the page could be looking ahead.
    #[test]
    fn weekdays_alone_head_a_week_the_page_places() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        let days = |page: &str, own: Option<&str>| {
            section_days(page, || None, own.map(d), Lang::En)
                .into_iter()
                .map(|(_, day)| day.map(|d| d.to_string()).unwrap_or_default())
                .collect::<Vec<_>>()
        };
        let digest = "The week in brief.\n\n**Monday**\n- 426 drones overnight.\n\n\
                      **Wednesday**\n- Talks in Istanbul.\n\n**Saturday-Sunday**\n- Quiet.";
        // Published on Sunday 27 July: the week of Monday 21 July.
        assert_eq!(days(digest, Some("2025-07-27")), ["2025-07-21", "2025-07-23", ""]);
        assert_eq!(
            section_day(
                &section_days(digest, || None, Some(d("2025-07-27")), Lang::En),
                digest.find("Talks").unwrap()
            ),
            Some(d("2025-07-23"))
        );
        // Published on Sunday 20 July under Monday…Friday: last week's
        // digest or next week's agenda, the page does not say.
        let agenda = "**Monday**\n\nDeadline talk.\n\n**Wednesday**\n\nTalks expected.\n\n**Friday**\n\nIran.";
        assert!(days(agenda, Some("2025-07-20")).is_empty());
        // Undated, with the week written above the headings.
        let week = "Semaine du lundi 21 au dimanche 27 juillet 2025\n\nLundi\n- 426 drones.\n\nMardi\n- Deux morts.";
        assert_eq!(days(week, None), ["2025-07-21", "2025-07-22"]);
        // Undated without a date above them, out of the week's order, or a
        // weekday with other words: no sections.
        assert!(days("Lundi\n- 426 drones.\n\nMardi\n- Deux morts.", None).is_empty());
        assert!(days("x 2025-07-21\n\nTuesday\n- a\n\nMonday\n- b", Some("2025-07-22")).is_empty());
        assert!(days("**Monday night**\n- a\n\n**Tuesday**\n- b", Some("2025-07-22")).is_empty());
    }

    /// An update's stamp dates its paragraph, and only it; a weekday alone
    /// is the first such day from the page's on; a time alone changes
    /// nothing.
    #[test]
    fn an_updates_stamp_dates_its_paragraph() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        let at = |page: &str, words: &str, lang: Lang| {
            let sections = section_days(page, || Some(d("2025-07-27")), Some(d("2025-07-27")), lang);
            section_day(&sections, page.find(words).unwrap()).map(|d| d.to_string())
        };
        let page =
            "Week ahead: Monday, Turnberry.\n\n*UPDATE, Monday 28 July: the deadline is cut to 10 or 12 days.*\n\n\
                    More on the week.\n\n*UPDATE, Tuesday 29 July, 18:40: ten days from today.*";
        assert_eq!(at(page, "Week ahead", Lang::En), None);
        assert_eq!(at(page, "the deadline", Lang::En).as_deref(), Some("2025-07-28"));
        assert_eq!(at(page, "More on", Lang::En), None);
        assert_eq!(at(page, "ten days", Lang::En).as_deref(), Some("2025-07-29"));
        // Published on Sunday 27 July: « lundi soir » is the Monday after.
        let page =
            "À suivre lundi.\n\nMISE À JOUR (lundi soir) : c'est fait, 10 ou 12 jours.\n\nMISE À JOUR, 15 h 10 : rien.";
        assert_eq!(at(page, "c'est fait", Lang::Fr).as_deref(), Some("2025-07-28"));
        assert_eq!(at(page, "rien", Lang::Fr), None);
        // A stamp on a line of its own heads nothing.
        let page = "*Updated 6:12 PM EDT, Mon July 21, 2025*\n\nTalks on Wednesday.";
        assert_eq!(at(page, "Talks", Lang::En), None);
        let page = "Intro.\n\nUPDATE, Monday 28 July:\n\nThe deadline is cut.\n\nMore.";
        assert_eq!(at(page, "The deadline", Lang::En), None);
        // A weekday alone is counted from the page's own day, never from a
        // guessed one.
        let page = "À suivre.\n\nMISE À JOUR (lundi soir) : c'est fait.";
        let sections = section_days(page, || Some(d("2025-07-20")), None, Lang::Fr);
        assert_eq!(section_day(&sections, page.find("c'est fait").unwrap()), None);
    }

    /// A live entry's bold stamp with a day dates the entry, up to the
    /// next line in bold; a stamp with a time alone changes nothing.
    #[test]
    fn a_live_entrys_stamp_with_a_day_dates_the_entry() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        let at = |page: &str, words: &str, lang: Lang| {
            let sections = section_days(page, || Some(d("2025-07-22")), Some(d("2025-07-22")), lang);
            section_day(&sections, page.find(words).unwrap()).map(|d| d.to_string())
        };
        let page = "**00h15 (23/07)** – Fin du direct : la séance d'hier soir a été courte.\n\n\
                    Suite demain.\n\n**22h40** – Les délégations sortent.\n\n**18h05** – Elles arrivent.";
        assert_eq!(at(page, "Fin du direct", Lang::Fr).as_deref(), Some("2025-07-23"));
        assert_eq!(at(page, "Suite demain", Lang::Fr).as_deref(), Some("2025-07-23"));
        assert_eq!(at(page, "Les délégations", Lang::Fr), None);
        assert_eq!(at(page, "Elles arrivent", Lang::Fr), None);
        // A heading alone over its entry, the title after a dash aside.
        let page = "**9:10 a.m. ET — Toll revised**\n\nTwo dead.\n\n\
                    **10:50 p.m. EDT, Monday, July 21 — Sirens in Kyiv**\n\nLast night's sirens.\n\n**Background**\n\nOlder.";
        assert_eq!(at(page, "Two dead", Lang::En), None);
        assert_eq!(at(page, "Last night's", Lang::En).as_deref(), Some("2025-07-21"));
        assert_eq!(at(page, "Older", Lang::En), None);
        // Bold words with no clock time are no stamp.
        let page = "**Mardi 22 juillet** – un mot.\n\nLa suite.";
        assert_eq!(at(page, "La suite", Lang::Fr), None);
        // A dotted day is a day, not a clock time: no stamp either.
        let page = "**Mardi 22.07** – un mot.\n\nHier soir.";
        assert_eq!(at(page, "Hier soir", Lang::Fr), None);
    }

    /// Days written as numbers: a slash or a two-digit month after a dot,
    /// never a decimal, a time or a thread's numbering.
    #[test]
    fn days_written_as_numbers_are_read_day_first() {
        assert_eq!(numeric_days("ALERTE — 21/07, 06:48"), [(21, 7)]);
        assert_eq!(numeric_days("Nuit du 20 au 21.07 : 426 drones"), [(21, 7)]);
        assert_eq!(numeric_days("Night of 20–21.07."), [(20, 7), (21, 7)]);
        assert_eq!(numeric_days("le 23/07/2025 et le 1/08"), [(1, 8), (23, 7)]);
        assert_eq!(numeric_days("7/21/2025"), [(21, 7)]);
        // A decimal, a time, a thread's post, a month first without a year.
        for none in [
            "1.5 million",
            "3.14",
            "à 21:02",
            "**1/8** Nuit très lourde",
            "(3/8)",
            "7/21, evening",
            "1.000/1.000",
        ] {
            assert!(numeric_days(none).is_empty(), "{none}");
        }
        assert_eq!(numbered_days(&[(1, 8)]), "1er août\n1 août\naugust 1\n1 august\n");
    }

    /// A feed's stamps in bold head the alerts under them, their time of
    /// day and label aside.
    #[test]
    fn a_stamp_in_bold_heads_the_lines_under_it() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        let feed = "**🔴 ALERTE — 21/07, 06:48**\nKiev : un mort.\n\n**📲 SMS — 31/07, 18:10**\nKiev : 31 morts.";
        let sections = section_days(feed, || Some(d("2025-07-20")), None, Lang::Fr);
        assert_eq!(
            sections.iter().map(|&(_, day)| day).collect::<Vec<_>>(),
            [Some(d("2025-07-21")), Some(d("2025-07-31"))]
        );
        assert_eq!(
            section_day(&sections, feed.find("31 morts").unwrap()),
            Some(d("2025-07-31"))
        );
        // A line that is not all in bold heads no text under it.
        let plain = "ALERTE — 21/07, 06:48\nKiev : un mort.\n\nSMS — 31/07, 18:10\nKiev : 31 morts.";
        assert!(section_days(plain, || Some(d("2025-07-20")), None, Lang::Fr).is_empty());
        assert_eq!(
            day_heading("Lundi 21 juillet, 19 h 30", Some(d("2025-07-20")), Lang::Fr),
            Some(d("2025-07-21"))
        );
    }

    /// A timeline's item of another night: its day, a sentence up, says the
    /// value that names no day is that night's, not the period's.
    #[test]
    fn a_day_outside_the_period_a_sentence_up_dates_a_value_that_names_none() {
        let later = "2025-07-28".parse::<Date>().unwrap();
        let before = |body: &str| {
            let at = body.find("À Kiev").unwrap();
            let around = super::super::text::sentence_around(body, at, at + 6);
            let start = around.as_ptr() as usize - body.as_ptr() as usize;
            day_before(body, start, around, Lang::Fr, &[], |s| days_of(s, Lang::Fr, later))
        };
        assert_eq!(before("Le 17 juin. À Kiev, 28 morts."), DayBefore::Outside);
        assert_eq!(
            before("Le 17 juin, puis le 21 juillet. À Kiev, deux morts."),
            DayBefore::Unknown
        );
        assert_eq!(
            before("Le 21 juillet. À Kiev, deux morts."),
            DayBefore::Inside(Some("2025-07-21".parse().unwrap()))
        );
        assert_eq!(
            before("Le 17 juin. Une autre nuit. À Kiev, deux morts."),
            DayBefore::Unknown
        );
        assert_eq!(before("Rien de neuf. À Kiev, deux morts."), DayBefore::Unknown);
        // « Seize autres » are more people, not another event.
        assert_eq!(
            before("Le 21 juillet. À Kiev, deux morts et seize autres blessés."),
            DayBefore::Inside(Some("2025-07-21".parse().unwrap()))
        );
    }

    #[test]
    fn urls_and_texts_give_their_dates() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        assert_eq!(
            from_url("https://ex.org/2025/07/21/kiev-frappes"),
            Some(d("2025-07-21"))
        );
        assert_eq!(from_url("https://ex.org/a_20250510_b.html"), Some(d("2025-05-10")));
        assert_eq!(from_url("https://ex.org/2025/08/titre.html"), None);
        // A month without its day: only the year and month a day is read in.
        assert_eq!(
            month_from_url("https://ex.org/2024/07/drones-overnight"),
            Some(d("2024-07-01"))
        );
        assert_eq!(month_from_url("https://ex.org/2024/07"), Some(d("2024-07-01")));
        assert_eq!(month_from_url("https://ex.org/a-2024-07-b"), None);
        assert_eq!(month_from_url("https://ex.org/2024/13/x"), None);
        assert_eq!(
            from_text("KIEV, lundi 21 juillet 2025. Le maire a dit"),
            Some(d("2025-07-21"))
        );
        assert_eq!(from_text("mis à jour le 23.07.2025 à 10h"), Some(d("2025-07-23")));
        assert_eq!(from_text("le 1er août 2025"), Some(d("2025-08-01")));
        assert_eq!(from_text("le 23 juillet, sans année"), None);
        assert_eq!(from_text("KYIV, July 21, 2025 — The mayor said"), Some(d("2025-07-21")));
        assert_eq!(from_text("Updated 21st July 2025, 10:02"), Some(d("2025-07-21")));
        assert_eq!(from_text("on July 23, with no year"), None);
        // The page stamp's grammar (`corpus::WRITTEN_DATE`) is the text's:
        // abbreviated months, "the 22nd of", a cable's compact date.
        assert_eq!(from_text("Posted Jul. 22, 2025 at 7:12 AM"), Some(d("2025-07-22")));
        assert_eq!(from_text("on the 22nd of July 2025, at noon"), Some(d("2025-07-22")));
        assert_eq!(from_text("DTG 22JUL25 0830Z"), Some(d("2025-07-22")));
        // Numbers alone are read day first in a text, as in a French stamp.
        assert_eq!(from_text("Édition du 07/08/2025"), Some(d("2025-08-07")));
        assert_eq!(from_text("le 31/02/2025"), None);
        // A limit's day is ahead of the text, not its day.
        assert_eq!(
            from_text("Le statut est prolongé jusqu'au 4 mars 2026. Publié le 22 juillet 2025."),
            Some(d("2025-07-22"))
        );
        assert_eq!(from_text("The permit is valid until March 4, 2026."), None);
        assert_eq!(from_text("«««« Kyiv — 22 July 2025"), Some(d("2025-07-22")));
    }

    #[test]
    fn a_dispatch_dateline_without_a_year_gives_its_day_and_month() {
        assert_eq!(
            dateline_day("MOSCOW, July 22: The Kremlin on Tuesday said"),
            Some((7, 22))
        );
        assert_eq!(dateline_day("# Title\n\nKYIV, 21 July (Wire) — Russia"), Some((7, 21)));
        assert_eq!(
            dateline_day("ISTANBUL, 22 juillet (AFP) – Les délégations"),
            Some((7, 22))
        );
        assert_eq!(dateline_day("TURNBERRY, Scotland, Aug. 1 — Trump"), Some((8, 1)));
        // Not a date in a sentence, nor a dateline further down.
        assert_eq!(dateline_day("On July 22, the Kremlin said: talks"), None);
        assert_eq!(dateline_day("a\nb\nc\nd\nMOSCOW, July 22: late"), None);
    }

    #[test]
    fn a_dateline_says_the_day_in_both_languages() {
        let line = dateline("2025-07-21".parse().unwrap(), 0);
        for phrase in [
            "lundi 21 juillet 2025",
            "21 juillet",
            "monday july 21 2025",
            "july 21",
            "21 july",
            "monday 21",
        ] {
            assert!(
                line.lines().any(|l| l.starts_with(phrase) || l == phrase),
                "{phrase} in {line}"
            );
        }
    }

    /// The date mentions of `sentence` read for a rule whose period is 20–24
    /// July 2025, in an article published on `published`.
    /// Where `v` first stands in `s`.
    fn span(s: &str, v: &str) -> std::ops::Range<usize> {
        let at = s.find(v).unwrap();
        at..at + v.len()
    }

    fn days_of(sentence: &str, lang: Lang, published: Date) -> SentenceDays {
        let d = |s: &str| s.parse::<Date>().unwrap();
        let when = crate::rules::Window {
            from: Some(d("2025-07-20")),
            to: Some(d("2025-07-24")),
        };
        let finder = crate::rules::value_finder(crate::french::Placeholder::Date, lang);
        let mut cache = crate::rules::PatternCache::new(&finder);
        let dates = super::super::values::find(sentence, &finder, &mut cache, &mut crate::rules::ExactCache::default());
        SentenceDays::read(sentence, &dates, Some(published), None, lang, when)
    }

    /// "Overnight" in an article two days or more after the event's night
    /// is another night; the day after, in the past perfect, or with a
    /// figure of the event, it is not read so.
    #[test]
    fn overnight_is_the_night_before_the_articles_day() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        let night = d("2025-07-21");
        let other = |sentence: &str, value: &str, published: &str| {
            let at = sentence.find(value).unwrap();
            days_of(sentence, Lang::En, d(published))
                .with_overnight(sentence, night)
                .other_event(at..at + value.len(), &[], Some(d(published)))
                .is_some()
        };
        let blog = "Ukraine's air force says Russia launched 41 drones overnight.";
        assert!(other(blog, "41", "2025-07-23"));
        assert!(!other(blog, "41", "2025-07-22"));
        assert!(!other(blog, "41", "2025-07-21"));
        assert!(!other(
            "Two days before the talks, Kyiv had been hit overnight by 450 drones.",
            "450",
            "2025-07-24"
        ));
        let fr = "Cette nuit, la Russie a lancé 41 drones sur le pays.";
        let at = fr.find("41").unwrap();
        assert!(days_of(fr, Lang::Fr, d("2025-07-23"))
            .with_overnight(fr, night)
            .other_event(at..at + 2, &[], Some(d("2025-07-23")))
            .is_some());
        // The other night places no sentence after it.
        let body = "Russia launched 41 drones overnight. In Kyiv, two people were killed.";
        let start = body.find("In Kyiv").unwrap();
        let around = &body[start..];
        let before = day_before(body, start, around, Lang::En, &[], |s| {
            days_of(s, Lang::En, d("2025-07-23")).with_overnight(s, night)
        });
        assert!(!matches!(before, DayBefore::Inside(_)), "{before:?}");
        // « Cette nuit-là » points back at a night told before.
        let back = "Cette nuit-là, la Russie a lancé 426 drones.";
        let at = back.find("426").unwrap();
        assert!(days_of(back, Lang::Fr, d("2025-07-23"))
            .with_overnight(back, night)
            .other_event(at..at + 3, &[], Some(d("2025-07-23")))
            .is_none());
    }

    /// A cable's compact days name days, and its dated header gives the
    /// text's own full date.
    #[test]
    fn a_cables_compact_days_are_days() {
        assert_eq!(numeric_days("nuit record du 8-9JUL (728 drones)"), [(8, 7), (9, 7)]);
        assert_eq!(numeric_days("DATE: 22JUL25 0830Z"), [(22, 7)]);
        assert_eq!(numeric_days("la nuit du 20 au 21JUL"), [(20, 7), (21, 7)]);
        assert!(numeric_days("part 21jul, model A320NEO").is_empty());
        assert!(names_a_day("the night of 08-09JUL25", Lang::En));
        assert_eq!(
            from_text("DATE : 22JUL25 0830Z\nDE : AMBASSADE"),
            "2025-07-22".parse().ok()
        );
    }

    /// A thread's posts and a chat's messages are read against their own
    /// stamps' days; one stamp alone is no thread.
    #[test]
    fn posts_and_messages_are_read_against_their_stamps() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        let thread = "Board › World\n\nPost #1 by kestrel » Wed Jul 23, 2025 9:48 pm\n\nThey met today.\n\nPost #2 by nadia » Thu Jul 24, 2025 8:30 am\n\nAnd today nothing.\n";
        let sections = section_days(thread, || None, Some(d("2025-07-24")), Lang::En);
        let day_of = |words: &str| section_day(&sections, thread.find(words).unwrap());
        assert_eq!(day_of("They met"), Some(d("2025-07-23")));
        assert_eq!(day_of("And today"), Some(d("2025-07-24")));
        let chat = "[21/07/2025, 08:14] Olena: Did you sleep?\n[22/07/2025, 19:02] Taras: Tomorrow in Istanbul.\n";
        let sections = section_days(chat, || None, None, Lang::En);
        assert_eq!(
            section_day(&sections, chat.find("Tomorrow").unwrap()),
            Some(d("2025-07-22"))
        );
        let one = "Published 23 July 2025, 10:00\n\nThey meet today.\n";
        assert!(section_days(one, || None, None, Lang::En).is_empty());
        let page = "Published: 21 July 2025 07:48\nUpdated: 22 July 2025 10:00\n\nThey meet today.\n";
        assert!(section_days(page, || None, None, Lang::En).is_empty());
        // A talk page's comments, each signed at its end.
        let talk = "The toll was raised today. -Kestrel (talk) 09:10, 21 July 2025 (UTC)\n\n\
                    : Talks are tomorrow. -Nadia (talk) 18:02, 22 July 2025 (UTC)\n";
        let sections = section_days(talk, || None, None, Lang::En);
        let day_of = |words: &str| section_day(&sections, talk.find(words).unwrap());
        assert_eq!(day_of("The toll"), Some(d("2025-07-21")));
        assert_eq!(day_of("Talks are"), Some(d("2025-07-22")));
        // A signature dates the comment it closes, from the line after the
        // signature before it.
        let talk = "Toll raised. -Kestrel (talk) 09:10, 21 July 2025 (UTC)\n: Talks are tomorrow.\n\
                    : See sources. -Nadia (talk) 18:02, 22 July 2025 (UTC)\n";
        let sections = section_days(talk, || None, None, Lang::En);
        assert_eq!(
            section_day(&sections, talk.find("Talks are").unwrap()),
            Some(d("2025-07-22"))
        );
        // A page's lines of publication and update are no signatures.
        let page = "Published 09:00, 21 July 2025 (UTC)\nUpdated 10:15, 24 July 2025 (UTC)\n\nThey meet today.\n";
        assert!(section_days(page, || None, None, Lang::En).is_empty());
    }

    /// The one verdict of `check`, `rules test` and `rules explain` on a
    /// count's sentence: another event's when it names a day outside the
    /// period, or names none in an article published outside it.
    #[test]
    fn a_counts_sentence_tells_of_another_event_by_its_days_or_its_article() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        let verdict = |sentence: &str, value: &str, published: &str| {
            let at = sentence.find(value).unwrap();
            days_of(sentence, Lang::En, d(published)).other_event(at..at + value.len(), &[], Some(d(published)))
        };
        let other = "On July 9, Russia launched 728 drones.";
        assert_eq!(verdict(other, "728", "2025-07-21"), Some(OtherEvent::NamesDay(0..9)),);
        // A day in ordinal words is a day: a spoken script's "July eighth".
        assert_eq!(
            verdict("On July eighth, Russia sent 728 drones.", "728", "2025-07-21"),
            Some(OtherEvent::NamesDay(0..14))
        );
        assert!(names_a_day("le neuf juillet", Lang::Fr));
        assert!(names_a_day("the twenty-first of July", Lang::En));
        assert!(!names_a_day("Russia may first want talks", Lang::En));
        assert!(!names_a_day("The first may come next week", Lang::En));
        assert!(!names_a_day("a second march on the capital", Lang::En));
        assert!(names_a_day("They met on July first", Lang::En));
        assert!(names_a_day("on the first of May", Lang::En));
        assert_eq!(
            verdict("Russia launched 309 drones overnight.", "309", "2025-07-31"),
            Some(OtherEvent::PublishedOutside(d("2025-07-31")))
        );
        assert_eq!(
            verdict("Russia launched 426 drones overnight.", "426", "2025-07-21"),
            None
        );
        // A later article that names the night inside the period recalls it.
        assert_eq!(
            verdict("On July 21, Russia had launched 426 drones.", "426", "2025-07-31"),
            None
        );
        assert!(OtherEvent::NamesDay(0..9).why(other).contains("`On July 9`"));
        // A year the sentence's events fall in, outside the period.
        let year = "In 2024, a strike on a children's hospital killed 33.";
        assert_eq!(verdict(year, "33", "2025-07-21"), Some(OtherEvent::NamesDay(0..7)));
        // A year after the value tells of another clause.
        assert_eq!(
            verdict(
                "They agreed to swap 1,000 prisoners each, a first since the talks in 2022.",
                "1,000",
                "2025-07-21"
            ),
            None
        );
        // A year a span counts from says nothing of the value's day.
        assert_eq!(
            verdict("Russia launched 426 drones, the most since 2022.", "426", "2025-07-21"),
            None
        );
    }

    /// A later article's "la nuit du 20 au 21 juillet … 426 drones" holds
    /// as of the morning the night ends on.
    #[test]
    fn a_night_told_by_its_two_days_is_the_morning_it_ends_on() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        let sentence = "Dans la nuit du 20 au 21 juillet, la Russie avait lancé 426 drones.";
        let at = sentence.find("426").unwrap();
        let days = days_of(sentence, Lang::Fr, d("2025-08-04"));
        assert_eq!(days.named_day_inside(at..at + 3, &[]), Some(d("2025-07-21")));
    }

    /// In an undated article that also names later months, a day places
    /// the values of the list it stands next to, not a value further on.
    #[test]
    fn a_day_places_the_list_it_stands_next_to() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        let later = d("2025-08-04");
        let list = "Dans la nuit du 20 au 21 juillet, la Russie a lancé 426 drones et 24 missiles sur le pays.";
        let days = days_of(list, Lang::Fr, later);
        let (drones, missiles) = (span(list, "426"), span(list, "24"));
        assert!(days.placed_by_day(list, drones.clone(), std::slice::from_ref(&missiles)));
        assert!(days.placed_by_day(list, missiles.clone(), std::slice::from_ref(&drones)));
        // Alone, the 24 is nine words from the night, which still places
        // it: it is the one time the sentence tells.
        assert!(days.placed_by_day(list, missiles, &[]));
        // A semicolon ends the list: the second figure is another clause's.
        let apart = "Dans la nuit du 20 au 21 juillet, la Russie a lancé 426 drones ; en août, 24 missiles.";
        let days = days_of(apart, Lang::Fr, later);
        let (drones, missiles) = (span(apart, "426"), span(apart, "24"));
        assert!(!days.placed_by_day(apart, missiles, std::slice::from_ref(&drones)));
        let gap = "On July 21 Russia launched 426 drones, yet weeks later in August another 24 missiles hit.";
        let days = days_of(gap, Lang::En, later);
        let (drones, missiles) = (span(gap, "426"), span(gap, "24"));
        assert!(!days.placed_by_day(gap, missiles, std::slice::from_ref(&drones)));
    }

    /// A day that opens its sentence places a value however far off when
    /// it is the one time the sentence tells; not when the day is measured
    /// against, opened by a time relation, or set apart from the value by
    /// another event's marks, nor when another month is named.
    #[test]
    fn the_one_day_a_sentence_tells_places_its_values() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        let later = d("2025-08-04");
        let placed = |text: &str, value: &str, lang: Lang| {
            let days = days_of(text, lang, later);
            days.placed_by_day(text, span(text, value), &[])
        };
        let heads = "Dans la nuit du 20 au 21 juillet, les Russes ont lancé des drones sur tout le pays, et à Kiev il y a eu deux morts.";
        assert!(placed(heads, "deux morts", Lang::Fr));
        for (text, lang) in [
            (
                "Less than three-quarters of the drones of 20–21 July were launched, yet in the capital that strike killed 31 people.",
                Lang::En,
            ),
            ("After the night of 20–21 July, Russian strikes on the capital went on and killed 31 people in all.", Lang::En),
            ("Dans la nuit du 20 au 21 juillet, les sirènes ont retenti à Kiev ; une autre frappe a fait 31 morts dans la ville.", Lang::Fr),
            ("Dans la nuit du 20 au 21 juillet, les sirènes ont retenti à Kiev, et les frappes d'août ont fait 31 morts.", Lang::Fr),
        ] {
            assert!(!placed(text, "31", lang), "{text}");
        }
    }

    /// Of the days a sentence names, the one nearest the value dates it,
    /// and a day another value of the kind stands between belongs to that
    /// value: "50 days on July 14, then 10 or 12 days on July 22" gives the
    /// second figure July 22, and "Kyiv counts 2 dead; on July 9, 728
    /// drones…" leaves the two dead undated by July 9.
    #[test]
    fn the_day_nearest_a_value_dates_it_and_another_values_day_does_not() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        let published = d("2025-07-22");
        let cut = "Trump first gave 50 days on July 14, then 10 or 12 days on July 22.";
        let days = days_of(cut, Lang::En, published);
        let (first, second) = (span(cut, "50 days"), span(cut, "10 or 12 days"));
        // Each value with the other as its sibling: the nearest day decides.
        assert_eq!(
            days.other_event(second.clone(), std::slice::from_ref(&first), Some(published)),
            None
        );
        assert!(days
            .other_event(first.clone(), std::slice::from_ref(&second), Some(published))
            .is_some());
        // Without siblings, the nearest day still decides for each.
        assert_eq!(days.other_event(second, &[], Some(published)), None);
        // July 14 stands after another value: it is that value's day, and
        // the sentence names no day of this one's (dated by the article).
        let recap = "He now gives 10 to 12 days, down from the 50 days set on July 14.";
        let days = days_of(recap, Lang::En, published);
        let (new, old) = (span(recap, "10 to 12 days"), span(recap, "50 days"));
        assert_eq!(
            days.other_event(new.clone(), std::slice::from_ref(&old), Some(published)),
            None
        );
        assert_eq!(
            days.other_event(new, &[], Some(published)),
            Some(OtherEvent::NamesDay(span(recap, "on July 14")))
        );
        // In one clause, a day dates every figure of a list: a later
        // article's night.
        let list = "On July 21, Russia had launched 426 drones and 24 missiles.";
        let later = d("2025-08-04");
        let days = days_of(list, Lang::En, later);
        let (drones, missiles) = (span(list, "426"), span(list, "24"));
        assert_eq!(
            days.other_event(missiles.clone(), std::slice::from_ref(&drones), Some(later)),
            None
        );
        assert_eq!(days.named_day_inside(missiles, &[drones]), Some(d("2025-07-21")));
        // A night told ahead of the sentence dates it all, across clauses.
        let night = "Dans la nuit du 20 au 21 juillet, 426 drones ; à Kiev, une personne a été tuée.";
        let days = days_of(night, Lang::Fr, later);
        let (drones, one) = (span(night, "426"), span(night, "une"));
        assert_eq!(
            days.other_event(one.clone(), std::slice::from_ref(&drones), Some(later)),
            None
        );
        assert_eq!(days.named_day_inside(one, &[drones]), Some(d("2025-07-21")));
        // A value in parentheses is an aside on the words before them: a day
        // after the aside is the main clause's, however near.
        let aside = "The 8–9 July record (728 drones, 13 missiles) was checked again on 21 July.";
        let days = days_of(aside, Lang::En, later);
        assert!(days.other_event(span(aside, "13"), &[], Some(later)).is_some());
        // Nor when the noun phrase goes on past the aside.
        let on = "The 21 July strike came after the war's biggest barrage (728 drones) on 9 July.";
        let days = days_of(on, Lang::En, later);
        assert!(days.other_event(span(on, "728"), &[], Some(later)).is_some());
        let inner = "The record was checked again (13 missiles on 21 July).";
        let days = days_of(inner, Lang::En, later);
        assert_eq!(days.other_event(span(inner, "13"), &[], Some(later)), None);
        // A day after a semicolon that follows the value is its clause's.
        let record = "On the night of July 20-21, 24 missiles; on July 9, a record 728 drones.";
        let days = days_of(record, Lang::En, later);
        assert_eq!(days.other_event(span(record, "24"), &[], Some(later)), None);
    }

    #[test]
    fn a_month_the_events_fall_in_outside_the_period_places_the_value() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        let published = d("2025-07-22");
        let june = "In June, a strike on the capital had killed 28 people.";
        let days = days_of(june, Lang::En, published);
        assert_eq!(
            days.other_event(span(june, "28"), &[], Some(published)),
            Some(OtherEvent::NamesDay(span(june, "In June")))
        );
        let debut = "Début juin, une frappe sur la capitale avait tué 28 personnes.";
        let days = days_of(debut, Lang::Fr, published);
        assert!(days.other_event(span(debut, "28"), &[], Some(published)).is_some());
        // A month inside the period says nothing against it; one counted
        // from does not place the value; a day inside the period, named
        // beside the month, dates the value.
        let july = "En juillet, une frappe sur la capitale a tué deux personnes.";
        let days = days_of(july, Lang::Fr, published);
        assert_eq!(days.other_event(span(july, "deux"), &[], Some(published)), None);
        let since = "The deadliest since June: two people were killed in the capital.";
        let days = days_of(since, Lang::En, published);
        assert_eq!(days.other_event(span(since, "two"), &[], Some(published)), None);
        let both = "In June and again on July 21, strikes killed two people in the capital.";
        let days = days_of(both, Lang::En, published);
        assert_eq!(days.other_event(span(both, "two"), &[], Some(published)), None);
        assert!(names_a_month_in("fin juin, la ville"));
        assert!(names_a_month_in("in late June the toll"));
        assert!(!names_a_month_in("the largest since June"));
        assert!(!names_a_month_in("426 drones et 24 missiles"));
    }

    #[test]
    fn days_written_with_an_english_ordinal_are_read_as_days() {
        assert_eq!(
            ordinal_days("on Monday the 21st of July, and on July 23rd."),
            [(21, 7), (23, 7)]
        );
        assert_eq!(ordinal_days("the 3rd round, the 21st century"), []);
        assert_eq!(ordinal_days("426 drones"), []);
        assert!(has_ordinal_figure("the 21ST of July"));
        assert!(!has_ordinal_figure("Il est 21 h, c'est the end."));
    }

    #[test]
    fn a_look_back_is_told_by_its_first_full_date_of_an_earlier_year() {
        let d = |s: &str| Date::strptime("%Y-%m-%d", s).unwrap();
        let body = "Le 2 février 2026, la mission a conclu. Il y a un an, le 23 juillet 2025, les délégations…";
        assert_eq!(told_day(Some(d("2026-07-23")), body), Some(d("2025-07-23")));
        // An anniversary without a date: the publication day, a year back.
        let ago = "A year ago today, two delegations sat down in Istanbul.";
        assert_eq!(told_day(Some(d("2026-07-23")), ago), Some(d("2025-07-23")));
        assert_eq!(
            told_day(Some(d("2026-07-23")), "Il y a un an jour pour jour…"),
            Some(d("2025-07-23"))
        );
        // An article of its own year's events looks back on nothing.
        assert_eq!(told_day(Some(d("2025-07-24")), "Le 23 juillet 2025, à Istanbul…"), None);
        assert_eq!(told_day(None, body), None);
        // Days without a year are given the year told; a full date is not.
        assert!(without_year("dans la nuit du 20 au 21 juillet", Lang::Fr));
        assert!(without_year("le 21/07", Lang::Fr));
        assert!(without_year("dans la nuit de dimanche à lundi", Lang::Fr));
        assert!(!without_year("le 21 juillet 2025", Lang::Fr));
        assert!(!without_year("hier", Lang::Fr));
    }

    #[test]
    fn a_year_the_events_fall_in_is_told_from_one_counted_from() {
        let at = |s: &str, year: &str| year_in(s, s.find(year).unwrap(), year);
        assert!(at("En 2024, une frappe avait fait 30 morts", "2024"));
        assert!(at("in 2023 the toll was higher", "2023"));
        assert!(at("au cours de 2024, la ville", "2024"));
        assert!(!at("the largest swap since 2022", "2022"));
        assert!(!at("le plus grand depuis 2022", "2022"));
        assert!(names_a_year("En 2024, une frappe"));
        assert!(!names_a_year("426 drones et 24 missiles"));
    }

    #[test]
    fn months_an_article_names_with_a_day() {
        assert_eq!(
            months_named("le 21 juillet et le 2 juin", Lang::Fr),
            (1 << 7) | (1 << 6)
        );
        assert_eq!(months_named("on July 21, and 2 June", Lang::En), (1 << 7) | (1 << 6));
        assert_eq!(months_named("in May, nothing", Lang::En), 0);
    }
}
