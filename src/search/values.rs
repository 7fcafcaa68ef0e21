//! The value finder: every value of one kind in an article, found once with
//! the normaliser's own grammar (the placeholder expressions of
//! `french::grammar`), for all frames at once.
//!
//! Counts given per side in one phrase (`1000 contre 1000`, `1.000/1.000`,
//! `1 000 pour 1 000`, `1,000-for-1,000`) are one value: the same figure
//! twice around `contre`, `pour`, `for` or `/`.

use super::patterns::spans;
use crate::french::{fold, Placeholder};
use crate::language::Lang;
use crate::rules::{ExactCache, Pattern, PatternCache};

/// One value in the text, not yet read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    pub placeholder: Placeholder,
    /// Byte offsets of the whole value phrase (both figures of a pair).
    pub start: usize,
    pub end: usize,
    /// The words the normaliser reads: the phrase, or its first figure for a
    /// pair.
    pub value_end: usize,
    /// `1000 contre 1000`: the figure is given for each side.
    pub paired: bool,
    /// `mercredi ou jeudi`: where the second of two alternative dates
    /// starts; the value is the span of both.
    pub alternative: Option<usize>,
    /// "cut that to ten", « ramené à dix »: a length said without its unit,
    /// which it takes from a length just before (`50 jours`): the byte
    /// span of that unit's word ([`elided_units`]).
    pub borrowed_unit: Option<(usize, usize)>,
    /// "on 16 May and 2 June", « les 16 mai et 2 juin »: a list of days,
    /// which counts as many events ([`listed_days`]); its count.
    pub listed: Option<u8>,
}

/// The values of `mentions` (offsets in a text) other than `own` that lie
/// in the sentence at `at` (`len` bytes long), as offsets in the sentence:
/// the values beside a claim's, whose days are their own (see
/// `dates::SentenceDays::other_event`).
pub fn siblings(mentions: &[Mention], own: &Mention, at: usize, len: usize) -> Vec<std::ops::Range<usize>> {
    mentions
        .iter()
        .filter(|m| m.start >= at && m.end <= at + len)
        .filter(|m| m.end <= own.start || m.start >= own.end)
        .map(|m| m.start - at..m.end - at)
        .collect()
}

impl Mention {
    /// A value's words `start..end`, read as they stand: no pair, no
    /// alternative, no borrowed unit, no list.
    pub fn new(placeholder: Placeholder, start: usize, end: usize) -> Mention {
        Mention {
            placeholder,
            start,
            end,
            value_end: end,
            paired: false,
            alternative: None,
            borrowed_unit: None,
            listed: None,
        }
    }

    /// The same mention, found in a part of the text that starts at `by`.
    pub fn shifted(self, by: usize) -> Mention {
        Mention {
            start: self.start + by,
            end: self.end + by,
            value_end: self.value_end + by,
            alternative: self.alternative.map(|a| a + by),
            borrowed_unit: self.borrowed_unit.map(|(a, b)| (a + by, b + by)),
            ..self
        }
    }
}

/// Every value of `finder`'s placeholder in `text`, in order (read as if
/// its quotation marks were not there, see
/// [`without_quotes`](crate::language::without_quotes)).
pub fn find(text: &str, finder: &Pattern, cache: &mut PatternCache, exact: &mut ExactCache) -> Vec<Mention> {
    let Some(placeholder) = finder.placeholder else {
        return Vec::new();
    };
    let text = &*crate::language::without_quotes(text);
    // Options are lettered from `a`: a text without a `b` option, the
    // letter alone before its mark, offers none (one search per text, not
    // one per value).
    let offers_choices = has_b_option(text);
    let found: Vec<Mention> = spans(finder, text, cache, exact)
        .into_iter()
        .filter(|m| !text[m.start()..m.end()].trim().is_empty())
        // The day of a date (`July 21`, `21 juillet`) counts nothing.
        .filter(|m| placeholder != Placeholder::Count || !beside_a_month(text, m.start(), m.end()))
        // `Kh-59/69`, `S-300`, `Su-34`: a model's name, not a count.
        .filter(|m| placeholder != Placeholder::Count || !in_designation(text, m.start()))
        // `Update, 16:05:`, `à 16h05`: a clock time, not a count.
        .filter(|m| placeholder != Placeholder::Count || !in_clock_time(text, m.start(), m.end()))
        // `ISTANBUL, 24 juillet (Wire) –`: the day a dispatch was filed,
        // not a day its facts name.
        .filter(|m| placeholder != Placeholder::Date || !in_dateline(text, m.start(), m.end()))
        // « à ce jour », « jusqu'à ce jour »: so far, not today.
        .filter(|m| placeholder != Placeholder::Date || !so_far(text, m.start(), m.end()))
        // « c'était un samedi », "on a Saturday": a kind of day, not a day.
        .filter(|m| placeholder != Placeholder::Date || !indefinite_weekday(text, m.start(), m.end()))
        // « a) 18 juillet b) 19 juillet c) 20 juillet »: a choice offered.
        .filter(|m| !offers_choices || !in_choices(text, m.start()))
        // `<s>10 jours</s>`, `~~426~~`: struck out, withdrawn by its writer.
        .filter(|m| !struck(text, m.start(), m.end()))
        // « gradué de 0 à 50 jours », "a 0-500 scale": a scale, not a value.
        .filter(|m| placeholder == Placeholder::Date || !(from_zero(&text[m.start()..m.end()]) && names_a_scale(text)))
        // `(Reuters, 21 July 2025)`, `10:15, 24 July 2025 (UTC)`: the day a
        // source was published or a comment signed, not a day its facts name.
        .filter(|m| placeholder != Placeholder::Date || !source_stamp(text, m.start(), m.end()))
        // `no one was hurt`: a pronoun, not a count of one.
        .filter(|m| placeholder != Placeholder::Count || !no_one(text, m.start(), m.end()))
        // « une seconde victime », "a third body": one more, not a count.
        .filter(|m| placeholder != Placeholder::Count || !one_then_ordinal(text, m.start(), m.end()))
        // `drones=426 missiles=24`: a data line's value is its key's, and
        // the word after it is the next key, not its unit.
        .filter(|m| placeholder != Placeholder::Count || !assigned(text, m.start()))
        // « la nuit du 20 au 21 », "the night of 20-21": a night's days.
        .filter(|m| placeholder != Placeholder::Count || !nights_days(text, m.start(), m.end()))
        // `date: 2025-07-09` over `drones: 728`: a piece of a written date.
        .filter(|m| placeholder != Placeholder::Count || !in_written_date(text, m.start(), m.end()))
        .map(|m| {
            // "July 14 — 50 days": the day of a date, then a dash, then the
            // value; not a range from 14.
            let start = match placeholder {
                Placeholder::Date => m.start(),
                _ => past_a_dated_day(text, m.start(), m.end()),
            };
            Mention::new(placeholder, after_particle(text, start, m.end(), finder.lang), m.end())
        })
        .collect();
    match placeholder {
        // `1000 contre 1000`: the same figure for each side, one value.
        Placeholder::Count => {
            let mut counts: Vec<Mention> = join(found, |a, b| {
                let between = fold(&text[a.end..b.start]);
                let joiner = |w: &str| matches!(w, "contre" | "pour" | "/" | "for" | "-for-" | "- for -" | "x");
                // Or each side's people named before the joiner, with a
                // capital: « 1 000 Ukrainiens contre 1 000 Russes », "1,000
                // Ukrainians for 1,000 Russians" (a name or two). A common
                // noun keeps its own reading: "1,000 captives for 1,000"
                // is read by the rules that look for `for` after a count.
                let named_sides = || {
                    let words: Vec<&str> = text[a.end..b.start].split_whitespace().collect();
                    (2..=3).contains(&words.len())
                        && words
                            .last()
                            .is_some_and(|w| matches!(fold(w).as_str(), "contre" | "pour" | "for"))
                        && words[..words.len() - 1]
                            .iter()
                            .all(|w| w.chars().all(char::is_alphabetic) && w.starts_with(char::is_uppercase))
                };
                let joined = joiner(between.as_str()) || named_sides();
                (joined && figure(&text[a.start..a.end]) == figure(&text[b.start..b.end])).then_some(Mention {
                    end: b.end,
                    paired: true,
                    ..*a
                })
            })
            .into_iter()
            .map(|m| match m.paired {
                true => m,
                false => repeated_scale(text, m),
            })
            .flat_map(|m| change_ends(text, m))
            .collect();
            let twice = times(text, finder.lang);
            let lists = listed_days(text);
            let bare = bare_scale_pairs(text, finder.lang, &counts);
            if !twice.is_empty() || !lists.is_empty() || !bare.is_empty() {
                counts.extend(twice);
                counts.extend(lists);
                counts.extend(bare);
                counts.sort_by_key(|m| m.start);
            }
            counts
        }
        // `mercredi ou jeudi`: an uncertain report of a day is the span of
        // both days, not two claims.
        Placeholder::Date => {
            let joined = join(found, |a, b| {
                matches!(fold(&text[a.end..b.start]).as_str(), "ou" | "or" | "ou bien").then_some(Mention {
                    end: b.end,
                    alternative: Some(b.start),
                    ..*a
                })
            });
            without_glosses(text, joined)
        }
        Placeholder::Duration => {
            // « valeur minimale 10 jours · valeur maximale 12 jours », "min
            // 10 days, max 12 days": a range told by its bounds.
            let found = join(found, |a, b| {
                bounds(text, a, b).then_some(Mention {
                    end: b.end,
                    alternative: Some(b.start),
                    ..*a
                })
            });
            let starts: Vec<usize> = found.iter().map(|m| m.start).collect();
            let found: Vec<Mention> = found
                .into_iter()
                .map(|m| unitless_alternative(text, m, &starts))
                .collect();
            let mut all = elided_units(text, &found);
            if all.is_empty() {
                return found;
            }
            all.extend(found);
            all.sort_by_key(|m| m.start);
            all
        }
        _ => found,
    }
}

/// Whether `a` and `b` are a range's bounds, each after its word: a
/// minimum, then a maximum a few words on (« valeur minimale 10 jours ·
/// valeur maximale 12 jours », "min 10 days, max 12 days").
fn bounds(text: &str, a: &Mention, b: &Mention) -> bool {
    let last_word = |t: &str| {
        fold(
            t.rsplit(|c: char| !c.is_alphanumeric())
                .find(|w| !w.is_empty())
                .unwrap_or(""),
        )
    };
    let minimum = matches!(
        last_word(text[..a.start].trim_end()).as_str(),
        "minimale" | "minimal" | "minimum" | "min"
    );
    let between = &text[a.end..b.start];
    minimum
        && between.split_whitespace().count() <= 4
        && matches!(
            last_word(between.trim_end()).as_str(),
            "maximale" | "maximal" | "maximum" | "max"
        )
}

/// `dix jours — ou douze`, "ten days, or twelve": a second figure said
/// without its unit after a length, its alternative. The mention then
/// spans both, its words still the first's (`value_end`); the second is
/// read in the first's unit (`extract::read::alternative`). Not a figure
/// with a unit of its own (« dix jours ou un mois »: two lengths, each
/// found), which `starts` (where the lengths found start) tells.
fn unitless_alternative(text: &str, m: Mention, starts: &[usize]) -> Mention {
    static AFTER: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"^\s*(?:[—–-]\s*|,\s*)?(?:ou|or)\s+(?:bien\s+)?(?P<n>[0-9]{1,3}|\p{L}+(?:-\p{L}+)*)\b")
            .expect("static regex")
    });
    let Some(n) = text
        .get(m.end..)
        .and_then(|rest| AFTER.captures(rest))
        .and_then(|c| c.name("n"))
    else {
        return m;
    };
    let (from, to) = (m.end + n.start(), m.end + n.end());
    let figure = n.as_str().bytes().all(|b| b.is_ascii_digit()) || is_number_word(&fold(n.as_str()));
    if !figure || starts.iter().any(|&s| s > m.end && s <= from) {
        return m;
    }
    Mention {
        end: to,
        alternative: Some(from),
        ..m
    }
}

/// "They had met twice": `twice` as a count of times, which a frame whose
/// unit names it reads (`twice`, read as 2 by the English normaliser). Not
/// a multiple ("twice as many", "twice the number", "twice more") nor a
/// frequency ("twice a week", "twice daily").
fn times(text: &str, lang: Lang) -> Vec<Mention> {
    const NOT_AFTER: &[&str] = &[
        "as", "the", "that", "this", "more", "over", "a", "an", "per", "daily", "weekly", "monthly", "yearly",
        "annually", "each", "its", "their", "his", "her", "than", "what", "so",
    ];
    if lang != Lang::En {
        return Vec::new();
    }
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    for at in (0..bytes.len().saturating_sub(4)).filter(|&i| bytes[i..i + 5].eq_ignore_ascii_case(b"twice")) {
        let word_edge = |i: usize| i >= bytes.len() || !(bytes[i].is_ascii_alphanumeric() || bytes[i] >= 0x80);
        if (at > 0 && !word_edge(at - 1)) || !word_edge(at + 5) {
            continue;
        }
        let next: String = text[at + 5..]
            .trim_start()
            .chars()
            .take_while(|c| c.is_alphanumeric())
            .collect::<String>()
            .to_lowercase();
        if NOT_AFTER.contains(&next.as_str()) {
            continue;
        }
        out.push(Mention::new(Placeholder::Count, at, at + 5));
    }
    out
}

/// "Sessions on 16 May and 2 June", « après celles du 16 mai et du 2 juin
/// », "met in Istanbul on May 16 and again on June 2": a list of two days
/// or more, which counts as many events. Its count is read from the list
/// (`Mention::listed`), and only a frame whose unit is in the list's own
/// words reads it (the months of the events it counts, see
/// `search::frame`): a list of days is no count of drones. A span (« du 20
/// au 21 juillet ») is one event, not a list.
fn listed_days(text: &str) -> Vec<Mention> {
    use std::sync::LazyLock;
    /// One day of a list: a day number and a month, either way round, and
    /// a year if one follows.
    fn day() -> String {
        // Full names only (and the short « mai », "may"): an abbreviation
        // in a list is more often something else.
        let months = crate::language::alternation(
            crate::french::vocab::MONTHS
                .iter()
                .chain(crate::english::vocab::MONTHS)
                .map(|(m, _)| m.to_string())
                .filter(|m| m.chars().count() > 3 || matches!(m.as_str(), "mai" | "may"))
                .collect(),
        );
        format!(
            r"(?:[0-9]{{1,2}}(?:er|st|nd|rd|th)?\s+(?:of\s+)?(?:{months})|(?:{months})\.?\s+[0-9]{{1,2}}(?:st|nd|rd|th)?)(?-u:\b)(?:,?\s+20[0-9]{{2}}(?-u:\b))?"
        )
    }
    static LIST: LazyLock<regex::Regex> = LazyLock::new(|| {
        let between = r"\s*(?:,\s*(?:(?:et|and|puis|then)\s+)?|\s(?:et|and|puis|then|&)\s+)(?:(?:again|encore|enfin|finally)\s+)?(?:(?:le|du|des|les|on|in|of)\s+)?";
        let day = day();
        regex::Regex::new(&format!(r"(?i)(?-u:\b){day}(?:{between}{day})+")).expect("static regex")
    });
    static DAY: LazyLock<regex::Regex> =
        LazyLock::new(|| regex::Regex::new(&format!(r"(?i)(?-u:\b){}", day())).expect("static regex"));
    // A list needs a figure.
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return Vec::new();
    }
    LIST.find_iter(text)
        .filter_map(|list| {
            Some(Mention {
                listed: Some(u8::try_from(DAY.find_iter(list.as_str()).count()).ok()?),
                ..Mention::new(Placeholder::Count, list.start(), list.end())
            })
        })
        .collect()
}

/// Lengths said without their unit, which they take from a length just
/// before: a change ("50 days … he cut that to ten", « ramené à dix »,
/// "then settled on 10 or 12", "50 days, then 10", « devenus « dix ou
/// douze » »), or the earlier end of one named by contrast
/// ("rather than the fifty granted in July", « au lieu des cinquante
/// annoncés »). Only after such words (`CUE`), only a figure after which no
/// noun of its own can stand (the clause ends, a function word, or, after
/// a contrast, a participle follows), and only with a length in days or
/// weeks at most 300 bytes before, with no other figure between: "the
/// tariffs rise to 100 on oil" after "50 days" has no verb of cutting.
fn elided_units(text: &str, lengths: &[Mention]) -> Vec<Mention> {
    use crate::{english::vocab as en, french::vocab as fr};
    use std::sync::LazyLock;
    // Number words are ASCII in both languages, and an ASCII word boundary
    // keeps the search on the DFA (a Unicode one falls back to the PikeVM
    // on accented text).
    const FIGURE: &str = r"(?P<n>[0-9]{1,3}|[a-z]+(?:-[a-z]+)*)(?:\s+(?:or|ou|to|à|and|et)\s+(?P<m>[0-9]{1,3}|[a-z]+(?:-[a-z]+)*))?(?-u:\b)";
    static CUE: LazyLock<regex::Regex> = LazyLock::new(|| {
        let changes = r"(?:cut|cuts|shortened|shortens|shorten|reduced|reduces|reduce|shrank|shrunk|shrinks|shrinking|shrink|trimmed|trims|lowered|lowers|slashed|slashes|brought|brings|moved|moves|pared|narrowed)(?:\s+(?:it|that|this|them))?(?:\s+(?:down|back))?\s+to|(?:then|later|day|week|afterwards)\s*,?\s+(?:down\s+)?to|down\s+to|(?:settled|settles|settle|settling)\s+on|(?:fixed|fixes|set|sets|put|puts)\s+(?:it|that|this|them)\s+at";
        let changes_fr = r"(?:ramené|ramenée|ramenés|ramène|ramenait|ramenant|ramener|réduit|réduite|réduisait|réduisant|réduire|raccourci|raccourcie|raccourcissait|raccourcissant|abaissé|abaissée|abaissant|descendu|passé|passée|passait)\s+à|(?:puis|ensuite|lendemain|surlendemain)\s*,?\s+à";
        let contrasts = r"(?P<contrast>(?:rather\s+than|instead\s+of)(?:\s+(?:the|his|its))?|au\s+lieu\s+(?:des|de))";
        regex::Regex::new(&format!(
            r#"(?i)(?-u:\b)(?:{changes}|{changes_fr}|{contrasts})\s+(?:(?:«|"|“)\s*)?{FIGURE}"#
        ))
        .expect("static regex")
    });
    // A later state told right after the word of sequence, with no verb:
    // "50 days, then 10", « cinquante jours, devenus « dix ou douze » ». Its
    // own search: a word after "then" that is no figure ("then settles on
    // 10") must leave the verb to the cues above.
    static SEQUENCE: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(&format!(
            r#"(?i)(?-u:\b)(?:then|became|become|becomes|puis|devenu|devenus|devenue|devenues|devenait|devient)\s+(?:(?:«|"|“)\s*)?{FIGURE}"#
        ))
        .expect("static regex")
    });
    const UNITS: &[&str] = &["day", "days", "jour", "jours", "week", "weeks", "semaine", "semaines"];
    if lengths.is_empty() {
        return Vec::new();
    }
    let figure = |w: &str| w.bytes().all(|b| b.is_ascii_digit()) || is_number_word(&fold(w));
    let mut out = Vec::new();
    for c in CUE.captures_iter(text).chain(SEQUENCE.captures_iter(text)) {
        let (Some(n), whole) = (c.name("n"), c.get(0).expect("group 0")) else {
            continue;
        };
        if !figure(n.as_str()) {
            continue;
        }
        let end = match c.name("m") {
            Some(m) if figure(m.as_str()) => m.end(),
            _ => n.end(),
        };
        // A length found there already has its unit (or a cue before it
        // gave it one).
        if lengths.iter().any(|l| l.start < end && n.start() < l.end)
            || out.iter().any(|o: &Mention| o.start == n.start())
        {
            continue;
        }
        // No noun of its own after it.
        let rest = &text[end..];
        let next: String = rest
            .trim_start()
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '\'' || *c == '’' || *c == '-')
            .collect();
        let next = fold(&next);
        let closes = rest.trim_start().is_empty()
            || rest
                .trim_start()
                .starts_with(['.', ',', ';', ':', '!', '?', ')', '—', '–', '»', '"', '”']);
        let participle = c.name("contrast").is_some()
            && ["ed", "en", "é", "és", "ée", "ées", "is", "us"]
                .iter()
                .any(|e| next.ends_with(fold(e).as_str()))
            && next.len() > 3;
        if !(closes
            || participle
            || en::FUNCTION_WORDS.contains(&next.as_str())
            || fr::FUNCTION_WORDS.contains(&next.as_str()))
        {
            continue;
        }
        // The length whose unit it takes: the last one before the cue,
        // near, with no other figure between.
        let Some(antecedent) = lengths.iter().rev().find(|l| l.end <= whole.start()) else {
            continue;
        };
        if whole.start() - antecedent.end > 300
            || text[antecedent.end..whole.start()].bytes().any(|b| b.is_ascii_digit())
        {
            continue;
        }
        let words = &text[antecedent.start..antecedent.value_end];
        let Some(unit) = words
            .split(|c: char| !c.is_alphabetic())
            .rfind(|w| !w.is_empty())
            .filter(|w| UNITS.contains(&fold(w).as_str()))
        else {
            continue;
        };
        let unit_start = antecedent.start + words.rfind(unit).expect("a part of the words");
        out.push(Mention {
            borrowed_unit: Some((unit_start, unit_start + unit.len())),
            ..Mention::new(Placeholder::Duration, n.start(), end)
        });
    }
    out
}

/// Whether a folded word is a cardinal in words (`douze`, `vingt-quatre`,
/// `twelve`), not `un`, `a` or `one`, which also open a noun phrase.
pub(crate) fn is_number_word(word: &str) -> bool {
    use crate::{english::vocab as en, french::vocab as fr};
    !matches!(word, "un" | "une" | "a" | "an" | "one")
        && word.split('-').all(|part| {
            fr::NUMBER_WORDS.contains(&part)
                || [en::UNIT_WORDS, en::TEEN_WORDS, en::TENS_WORDS]
                    .iter()
                    .any(|words| words.iter().any(|(w, _)| *w == part))
        })
}

/// The dates of `found` less the weekdays that restate, in parentheses, the
/// one just before: "late on Monday, July 21 (early Tuesday AEST)" gives
/// the same moment in another zone, not another day of the story. A gloss
/// with its day's number (« mercredi (23 juillet) », "on a Saturday (19
/// July)") says the day more exactly than the word before it: it is kept,
/// and the bare weekday it restates is not (read alone, in an undated
/// article, it would fall on the rule's period's Saturday).
///
/// A weekday glossed the same way after a comma ("on Monday evening, 21
/// July") is the dated day too.
///
/// A night told by its two weekdays and then dated ("from Sunday into
/// Monday, 20–21 July", « de dimanche à lundi 21 juillet ») is the dated
/// day: its first weekday, read alone against a later publication day,
/// would be another Sunday.
fn without_glosses(text: &str, found: Vec<Mention>) -> Vec<Mention> {
    let mut kept: Vec<Mention> = Vec::with_capacity(found.len());
    let numbered = |m: &Mention| text[m.start..m.end].bytes().any(|b| b.is_ascii_digit());
    let weekday = |w: &str| crate::french::vocab::WEEKDAYS.contains(&w) || crate::english::vocab::WEEKDAYS.contains(&w);
    // The mention's folded words, tested: its first (`first_only`) or any.
    let words_of = |m: &Mention, first_only: bool, test: &dyn Fn(&str) -> bool| {
        let folded = fold(&text[m.start..m.end]);
        let words: Vec<&str> = crate::rules::frame::tokens_of(&folded).collect();
        match first_only {
            true => words.first().is_some_and(|w| test(w)),
            false => words.iter().any(|w| test(w)),
        }
    };
    let opens_with_weekday = |m: &Mention| words_of(m, true, &weekday);
    // A day of a month with its month (« 21 juillet », "July 21"), not an
    // offset ("in 50 days").
    let names_month = |m: &Mention| words_of(m, false, &is_month_name);
    for m in found {
        let night_to = kept.last().is_some_and(|previous| {
            !numbered(previous)
                && opens_with_weekday(previous)
                && numbered(&m)
                && opens_with_weekday(&m)
                && text
                    .get(previous.end..m.start)
                    .is_some_and(|between| matches!(between.trim(), "into" | "to" | "au" | "à" | "-" | "–"))
        });
        if night_to {
            kept.pop();
        }
        let in_parentheses = kept.last().is_some_and(|previous| {
            text.get(previous.end..m.start)
                .is_some_and(|between| matches!(between.trim(), "(" | ", (" | ",("))
        });
        // The same in apposition, after a comma: "on Monday evening, 21
        // July", « lundi soir, 21 juillet ».
        let in_apposition = kept.last().is_some_and(|previous| {
            !numbered(previous)
                && words_of(previous, false, &weekday)
                && numbered(&m)
                && names_month(&m)
                && text
                    .get(previous.end..m.start)
                    .is_some_and(|between| between.trim() == ",")
        });
        if in_apposition {
            kept.pop();
        }
        match (in_parentheses, numbered(&m)) {
            (true, false) => continue,
            (true, true) if kept.last().is_some_and(|previous| !numbered(previous)) => {
                kept.pop();
            }
            _ => {}
        }
        kept.push(m);
    }
    kept
}

/// `a thousand-for-thousand`, `a thousand-for-a-thousand`, `mille contre
/// mille`: the second figure is a
/// bare scale word that is no count on its own, so the finder does not
/// give it; the mention whose words end with that scale word is then
/// given per side, to the end of the repeated word.
fn repeated_scale(text: &str, m: Mention) -> Mention {
    // "a thousand-for-a-thousand": the article may come back with the
    // second figure.
    const SEPARATORS: &[&str] = &[
        "-for-a-", " for a ", "-for-", " for ", " contre ", " pour ", "/", "-contre-", "-pour-",
    ];
    let words = &text[m.start..m.end];
    let last = words.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    if last.chars().count() < 4 {
        return m;
    }
    let rest = &text[m.end..];
    for sep in SEPARATORS {
        let Some(after) = rest
            .get(..sep.len())
            .filter(|r| r.eq_ignore_ascii_case(sep))
            .map(|_| &rest[sep.len()..])
        else {
            continue;
        };
        let Some(word) = after.get(..last.len()) else { continue };
        let bounded = !after[last.len()..].starts_with(|c: char| c.is_alphanumeric());
        if bounded && fold(word) == fold(last) {
            return Mention {
                end: m.end + sep.len() + last.len(),
                paired: true,
                ..m
            };
        }
    }
    m
}

/// "The thousand-for-thousand swap", "May's hundred-for-a-hundred
/// exchange": a scale word said for each side without a figure before it,
/// one of that scale per side (`read::value_words` reads the bare word as
/// one of it). With a figure ("a thousand-for-thousand") the finder gives
/// the value itself, and [`repeated_scale`] pairs it; those in `found` are
/// left to it.
fn bare_scale_pairs(text: &str, lang: Lang, found: &[Mention]) -> Vec<Mention> {
    use std::sync::LazyLock;
    static PAIR: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"(?i)\b(?P<w>thousand|hundred)(?:-for-(?:a-)?|\s+for\s+(?:a\s+)?)(?P<v>thousand|hundred)\b")
            .expect("static regex")
    });
    // Most texts have neither word, in any case ("Thousand-For-Thousand").
    if lang != Lang::En || !(text.contains("housand") || text.contains("undred") || text.contains("HOUSAND")) {
        return Vec::new();
    }
    PAIR.captures_iter(text)
        .filter(|c| c["w"].eq_ignore_ascii_case(&c["v"]))
        .map(|c| (c.get(0).expect("whole match"), c.name("w").expect("first word")))
        .filter(|(whole, _)| !found.iter().any(|m| m.start < whole.end() && whole.start() < m.end))
        .map(|(whole, word)| Mention {
            value_end: word.end(),
            paired: true,
            ..Mention::new(Placeholder::Count, whole.start(), whole.end())
        })
        .collect()
}

/// Where a value really starts: in English, `over` after a verb it belongs
/// to (`hand over 1,000 prisoners`, `took over 20 towns` is a hedge, but
/// `handing over` is not) is the verb's particle, not "more than".
fn after_particle(text: &str, start: usize, end: usize, lang: Lang) -> usize {
    const HEADS: &[&str] = &[
        "hand",
        "hands",
        "handed",
        "handing",
        "turn",
        "turns",
        "turned",
        "turning",
        "hand-over",
        "pass",
        "passes",
        "passed",
        "passing",
        "sign",
        "signs",
        "signed",
        "signing",
        "give",
        "gives",
        "gave",
        "given",
        "giving",
    ];
    if lang != Lang::En {
        return start;
    }
    let words = &text[start..end];
    let Some(rest) = words
        .get(..5)
        .filter(|w| w.eq_ignore_ascii_case("over "))
        .map(|_| &words[5..])
    else {
        return start;
    };
    let previous = text[..start]
        .trim_end()
        .rsplit(|c: char| !c.is_alphanumeric() && c != '-')
        .next()
        .unwrap_or("");
    if HEADS.iter().any(|h| previous.eq_ignore_ascii_case(h)) {
        end - rest.trim_start().len()
    } else {
        start
    }
}

/// A count's range after a verb of change is two figures in turn, not
/// one value: « le bilan est passé de 1 à 2 morts », "raised from 1 to 2
/// dead", « la colonne passée de 9 à 16 ». Given as its two ends: the
/// earlier one spans to the end of the later (the unit after it is both
/// ends'), its words read up to its own figure; the later one stands
/// alone. A range without such a verb (« de 10 à 12 morts ») stays one
/// value.
fn change_ends(text: &str, m: Mention) -> Vec<Mention> {
    static CHANGE_RANGE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?i)^(?:de|d['’]|from)\s*(?P<a>\S.*?)\s+(?:à|a|to)\s+(?P<b>\S.*)$").expect("static regex")
    });
    // Most counts are no range: a byte's test before the regex.
    if m.paired || m.alternative.is_some() || m.listed.is_some() || !text[m.start..].starts_with(['d', 'D', 'f', 'F']) {
        return vec![m];
    }
    let Some(c) = CHANGE_RANGE.captures(&text[m.start..m.end]) else {
        return vec![m];
    };
    let (Some(a), Some(b)) = (c.name("a"), c.name("b")) else {
        return vec![m];
    };
    // The word before the range: a verb of change (« passé », "rose").
    let before = text[..m.start].trim_end();
    let verb = before.rsplit(|ch: char| !ch.is_alphanumeric()).next().unwrap_or("");
    let folded = fold(verb);
    let changes = crate::french::vocab::CHANGE_VERBS.contains(&folded.as_str())
        || crate::english::vocab::CHANGE_VERBS.contains(&folded.as_str());
    if !changes {
        return vec![m];
    }
    let earlier = Mention {
        start: m.start + a.start(),
        value_end: m.start + a.end(),
        ..m
    };
    let later = Mention::new(m.placeholder, m.start + b.start(), m.end);
    vec![earlier, later]
}

/// Whether the figure at `start..end` is a piece of a date written in
/// figures (`2025-07-09`, `09/07/2025`, `2025/07/09`): the run of figures
/// and separators around it has a date's shape.
fn in_written_date(text: &str, start: usize, end: usize) -> bool {
    static WRITTEN_DATE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"^(?:\d{4}[-/]\d{1,2}[-/]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4})$").expect("static regex")
    });
    let piece = |c: char| c.is_ascii_digit() || matches!(c, '-' | '/' | '.');
    let from = text[..start]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| piece(c))
        .last()
        .map_or(start, |(i, _)| i);
    let to = text[end..]
        .char_indices()
        .take_while(|&(_, c)| piece(c))
        .last()
        .map_or(end, |(i, c)| end + i + c.len_utf8());
    let run = text[from..to].trim_end_matches(['-', '/', '.']);
    (from < start || to > end) && WRITTEN_DATE.is_match(run)
}

/// Whether the figure at `start` is assigned to a key, glued after its
/// `=` (`drones=426`, `kyiv_morts=1`): a data line, whose words are keys.
fn assigned(text: &str, start: usize) -> bool {
    let mut before = text[..start].chars().rev();
    before.next() == Some('=') && before.next().is_some_and(|c| c.is_alphanumeric() || c == '_')
}

/// Whether the figures at `start..end` are a night's two days, right
/// after « nuit du » / "night of (the)": « la nuit du 20 au 21 », whose
/// month a heading may give, is no count ("the night of 450 drones" is).
fn nights_days(text: &str, start: usize, end: usize) -> bool {
    let days: Vec<u32> = text[start..end]
        .split(|c: char| !c.is_ascii_digit())
        .filter(|w| !w.is_empty())
        .filter_map(|w| w.parse().ok())
        .collect();
    if days.len() != 2 || days.iter().any(|&d| !(1..=31).contains(&d)) {
        return false;
    }
    let folded = fold(last_bytes(text[..start].trim_end(), 16));
    [
        "nuit du",
        "nuit de",
        "nuits du",
        "night of",
        "night of the",
        "nights of",
    ]
    .iter()
    .any(|p| {
        folded.ends_with(p)
            && folded[..folded.len() - p.len()]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// Whether the words `start..end` are an article or "one" before an
/// ordinal (« une seconde victime », « un deuxième corps », "a second
/// death", "one third body"): the rank of one more, not a count of one.
fn one_then_ordinal(text: &str, start: usize, end: usize) -> bool {
    if !matches!(
        fold(text[start..end].trim()).as_str(),
        "un" | "une" | "a" | "an" | "one"
    ) {
        return false;
    }
    let next = text[end..]
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .map(fold)
        .unwrap_or_default();
    matches!(next.as_str(), "second" | "seconde" | "premier" | "premiere")
        || next.ends_with("ieme")
        || crate::english::vocab::ORDINAL_WORDS.iter().any(|(w, _)| *w == next)
}

/// Whether the words `start..end` are the `one` of `no one` (`no-one`):
/// the pronoun, which counts nobody.
fn no_one(text: &str, start: usize, end: usize) -> bool {
    if !text[start..end].trim().eq_ignore_ascii_case("one") {
        return false;
    }
    let before = text[..start].trim_end_matches([' ', '-']);
    let word = before.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    word.eq_ignore_ascii_case("no")
}

/// Whether a figure at `start` is part of a model's name: glued by a hyphen
/// to letters (`Kh-59`, `S-300`), or a second figure after a slash in one
/// (`Kh-59/69`).
fn in_designation(text: &str, start: usize) -> bool {
    let before = &text[..start];
    let figures = before.trim_end_matches(|c: char| c.is_ascii_digit() || c == '/');
    // Only a slash between figures, never one before a pair's first figure.
    if figures.len() < before.len() && !before[figures.len()..].contains('/') && !before.ends_with('-') {
        return false;
    }
    // A model's name is a capitalised word: `Kh`, `S`, `MiG`, `Shahed`
    // (not the `for` of `1,000-for-1,000`).
    let Some(head) = figures.strip_suffix('-') else {
        return false;
    };
    let letters = head.len() - head.trim_end_matches(|c: char| c.is_alphabetic()).len();
    let word = &head[head.len() - letters..];
    word.starts_with(|c: char| c.is_uppercase())
}

/// A dispatch's dateline before a date: the start of a line, a place in
/// capitals (`ISTANBUL`, `TURNBERRY, Scotland`), a comma.
static DATELINE_PLACE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"^[\s*_#>]*\p{Lu}[\p{Lu}\s.'’-]*\p{Lu}(?:,\s*\p{Lu}[\p{L}\s.'’-]*)?,\s*$").expect("static regex")
});
/// What follows a dateline's date: an agency or outlet in parentheses, at
/// most, then a dash, or a colon as South Asian agencies write it
/// (`ISLAMABAD, July 22:`).
static DATELINE_END: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| regex::Regex::new(r"^\s*(?:\([^()\n]{1,40}\)\s*)?[-–—:]").expect("static regex"));

/// Whether the date at `start..end` is a dispatch's dateline (`KYIV, July
/// 20 (Wire) —`, `ISTANBUL, 24 juillet –`): the day the dispatch was
/// filed, which the rules never read as a day the facts name.
pub(crate) fn in_dateline(text: &str, start: usize, end: usize) -> bool {
    // A page's update stamp (`*UPDATE, Wednesday 23 July, 21:30:`) heads
    // the news it adds: its day is that news's, no place's dateline; and a
    // date with its clock time before the colon is such a stamp's.
    const STAMP_LABELS: &[&str] = &[
        "update",
        "updated",
        "edit",
        "correction",
        "mise a jour",
        "mis a jour",
        "maj",
        "actualisation",
        "actualise",
        "actualisee",
    ];
    let line = text[..start].rsplit('\n').next().unwrap_or_default();
    let place = line.trim_start_matches(|c: char| c.is_whitespace() || "*_#>".contains(c));
    let place = fold(place.split(',').next().unwrap_or_default());
    DATELINE_PLACE.is_match(line)
        && !STAMP_LABELS.contains(&place.as_str())
        && DATELINE_END
            .find(&text[end..])
            .is_some_and(|m| !m.as_str().ends_with(':') || !text[start..end].contains(':'))
}

/// Whether the value at `start..end` is struck out, as a wiki's or a web
/// page's markup writes withdrawn words (`<s>« 10 jours »</s>`,
/// `<del>426</del>`, `~~426~~`): its writer took it back.
fn struck(text: &str, start: usize, end: usize) -> bool {
    // Most sentences have no markup: one search for each mark.
    if !text.contains('<') && !text.contains("~~") && !text.contains('[') {
        return false;
    }
    // Marks pair within a line.
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    let (before, after) = (&text[line_start..start], &text[end..line_end]);
    // A tracked change's deletion, or an edit rejected (`[Deleted: 12
    // days]`, « [Supprimé : jeudi 24] », « [Modification rejetée : « 50 »
    // → « 60 »] »): inside its brackets, the words are withdrawn.
    let deleted = before.rfind('[').is_some_and(|at| {
        let inside = &before[at..];
        !inside.contains(']') && after.contains(']') && DELETION_MARK.is_match(inside)
    });
    if deleted {
        return true;
    }
    let tagged = [("<s>", "</s>"), ("<del>", "</del>"), ("<strike>", "</strike>")]
        .iter()
        .any(|(open, close)| {
            before
                .rfind(open)
                .is_some_and(|at| !before[at..].contains(close) && after.contains(close))
        });
    // `~~` exactly: a rule of tildes (`~~~~~~`) or a signature's `~~~~`
    // strikes nothing.
    let marks = |s: &str| {
        let b = s.as_bytes();
        (0..b.len().saturating_sub(1))
            .filter(|&i| {
                b[i] == b'~' && b[i + 1] == b'~' && (i == 0 || b[i - 1] != b'~') && b.get(i + 2) != Some(&b'~')
            })
            .count()
    };
    tagged || (marks(before) % 2 == 1 && marks(after) > 0)
}

/// The head of a tracked change's bracket that withdraws its words: a
/// deletion, a rejected edit or insertion (a bracket's head, folded or
/// not, up to its colon).
static DELETION_MARK: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?i)^\[\s*(?:deleted|deletion|removed|struck|rejected(?:\s+\w+)?|supprimé|supprimée|suppression|retiré|barré|modification rejetée|insertion rejetée|ajout rejeté)\b[^:\]]{0,30}:",
    )
    .expect("static regex")
});

/// Whether `words` are a range from zero (« de 0 à 50 jours », "0-500",
/// "from zero to 50"): a chart's axis or a gauge's scale. A count of
/// zero alone (« zéro mort ») is a value.
fn from_zero(words: &str) -> bool {
    let folded = fold(words);
    // Words with a figure's own marks kept: "0.5" is no zero.
    let words: Vec<&str> = folded
        .split(|c: char| !(c.is_alphanumeric() || c == '.' || c == ','))
        .map(|w| w.trim_end_matches(['.', ',']))
        .filter(|w| !w.is_empty() && !matches!(*w, "de" | "du" | "from" | "between" | "entre"))
        .collect();
    let figure = |w: &str| {
        w.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b',') && w.bytes().any(|b| b.is_ascii_digit())
    };
    // `0-50`, `0–50`: a dash between the two figures.
    let dashed = folded.contains("0-") || folded.contains("0 -") || folded.contains("0–") || folded.contains("0 –");
    matches!(words.first(), Some(&("0" | "zero")))
        && ((dashed && words.get(1).is_some_and(|w| figure(w)))
            || (matches!(words.get(1), Some(&("a" | "to" | "et" | "and"))) && words.get(2).is_some_and(|w| figure(w))))
}

/// Whether `text` says it shows a scale (« gradué », an axis, a gauge).
fn names_a_scale(text: &str) -> bool {
    let folded = fold(text);
    let mut words = crate::rules::frame::tokens_of(&folded);
    words.any(|w| {
        matches!(
            w,
            "gradue"
                | "graduee"
                | "graduees"
                | "echelle"
                | "axe"
                | "jauge"
                | "scale"
                | "axis"
                | "gauge"
                | "graduated"
                | "dial"
        )
    })
}

/// An in-text citation before its date: an opening parenthesis or
/// bracket, the source's name (no figure, no sentence's punctuation), a
/// comma.
static CITATION_HEAD: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"[(\[]\s*\p{Lu}[^()\[\]\n,;:.!?0-9]{1,39},\s*$").expect("static regex")
});
/// What closes a citation after its date: a page or a section at most,
/// then the closing parenthesis or bracket.
static CITATION_END: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| regex::Regex::new(r"^(?:[,;][^()\[\]\n]{1,30})?[)\]]").expect("static regex"));
/// A signature's clock time before its date (`10:15, 24 July 2025`).
static SIGNATURE_CLOCK: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| regex::Regex::new(r"\b[0-2]?[0-9]:[0-5][0-9],?\s*$").expect("static regex"));
/// The time zones a comment's signature ends with, in parentheses.
pub(crate) const SIGNATURE_ZONES: &str = "UTC|GMT|CET|CEST|EET|EEST|BST";
/// A signature's time zone after its date (`(UTC)`).
static SIGNATURE_ZONE: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| regex::Regex::new(&format!(r"^\s*\((?:{SIGNATURE_ZONES})\)")).expect("static regex"));

/// A page's label for when it was put online or changed, ending right
/// before a date, at the start of a line or after a separator (`·`, `|`,
/// `•`, `**`, or in a feed's tag): `Updated: 22 July 2025`, `Resolution
/// posted: Jul 24`, « Mis à jour le 22 juillet », `pubDate: Mon, 21 Jul
/// 2025`. One label word at most may lead it ("Last", « Dernière »): "The
/// report published on July 21 said…" and "Zelensky posted on 21 July
/// that…" are sentences, not labels.
static STAMP_LABEL: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?i)(?:^|[·|•*<]\s*)(?:(?:last|first|resolution|story|page|article|dernière|dernier|date\s+de|date\s+of)\s+)?(?:posted|updated|published|modified|edited|pubdate|last ?build ?date|mis à jour|mise à jour|publié|publiée|modifié|modifiée|posté|postée|actualisé|actualisée|mis en ligne|mise en ligne)(?:\s+(?:le|on|at))?[\s*:>]*(?:\p{L}{3,9}\.?,\s*)?$",
    )
    .expect("static regex")
});

/// Whether the date at `start..end` stamps a source rather than telling
/// of a fact: an in-text citation with its year (`(Reuters, 21 July
/// 2025)`, « (Le Monde, 24 juillet 2025, p. 3) »), a comment's signature,
/// a clock time before it and a time zone after it (`-Kestrel (talk)
/// 10:15, 24 July 2025 (UTC)`), or a page's label for when it was posted
/// or updated ([`STAMP_LABEL`]). A place and a day in parentheses without
/// a year (« (Kyiv, 21 juillet) ») may date the fact: kept.
fn source_stamp(text: &str, start: usize, end: usize) -> bool {
    let (before, date, after) = (&text[..start], &text[start..end], &text[end..]);
    let cited = CITATION_HEAD.is_match(before) && CITATION_END.is_match(after) && super::dates::names_a_year(date);
    let signed = SIGNATURE_CLOCK.is_match(before) && SIGNATURE_ZONE.is_match(after);
    // The date's line up to it: the label ends the line's text there (the
    // regex is anchored at that end, and read backwards from it).
    let line = &before[before.rfind('\n').map_or(0, |i| i + 1)..];
    cited || signed || STAMP_LABEL.is_match(line) || in_address(text, start, end) || versioned(before, after)
}

/// Whether the date stands in parentheses right after a version's number
/// (`v0.2 (24/07) : …`, `version 3 (23 July)`): a changelog's entry, dated
/// when it was made.
fn versioned(before: &str, after: &str) -> bool {
    static VERSION: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?i)\b(?:v|version\s|rev\.?\s?|révision\s)\d+(?:\.\d+)*\s*\(\s*$").expect("static regex")
    });
    after.trim_start().starts_with(')') && VERSION.is_match(last_bytes(before, 24))
}

/// The end of `text`, about `n` bytes of it (from a character's start).
fn last_bytes(text: &str, n: usize) -> &str {
    let mut from = text.len().saturating_sub(n);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    &text[from..]
}

/// Whether the words at `start..end` stand inside a web address
/// (`https://ex.org/2025/07/23/round-ends`): the day a page was filed
/// under, not a day its facts name.
fn in_address(text: &str, start: usize, end: usize) -> bool {
    // (A break may be several bytes long: `\u{2028}`, `\u{85}`.)
    let chunk_start = text[..start]
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace() || matches!(c, '<' | '>' | '(' | '"'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let chunk_end = text[end..]
        .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | ')' | '"'))
        .map_or(text.len(), |i| end + i);
    // A date of several words is no address's part.
    if text[start..end].contains(char::is_whitespace) {
        return false;
    }
    let chunk = &text[chunk_start..chunk_end];
    chunk.contains("://") || chunk.starts_with("www.")
}

/// Whether the date at `start..end` is a bare weekday after an indefinite
/// article (« un samedi », "a Saturday"): it says which day of the week a
/// day told elsewhere was (« le 19 juillet — c'était un samedi »), or any
/// such day, and names none.
fn indefinite_weekday(text: &str, start: usize, end: usize) -> bool {
    let words = fold(&text[start..end]);
    if super::dates::weekday_of_word(words.trim()).is_none() {
        return false;
    }
    // The article as written: « à samedi » folds to `a samedi`.
    let article = word_before(text, start);
    // « un mercredi de juillet », "a Wednesday in July": the month's words
    // place it (in a week, one such day).
    let next = text[end..].split_whitespace().next().map(fold).unwrap_or_default();
    matches!(article, "un" | "Un" | "a" | "A") && !matches!(next.as_str(), "de" | "d" | "in" | "of" | "en")
}

/// Whether `text` has a `b` option: `b)`, `B)`, `b.` or `B.` alone after a
/// space or a line's start, then a space (not "Feb. ", "club. ").
fn has_b_option(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr2_iter(b'b', b'B', bytes).any(|i| {
        (i == 0 || bytes[i - 1].is_ascii_whitespace())
            && matches!(bytes.get(i + 1), Some(b')' | b'.'))
            && bytes.get(i + 2) == Some(&b' ')
    })
}

/// Whether the value at `start` stands on a line of lettered options (`a)
/// Friday 18 July   b) Saturday 19 July   c) …`, `A. 24  B. 42`): a quiz's or
/// a form's choices, of which one at most is true, offered and not told.
fn in_choices(text: &str, start: usize) -> bool {
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let line = &text[line_start..line_end];
    // Most lines have no option's mark: a byte's test first.
    if !line.contains(')') && !line.contains('.') {
        return false;
    }
    let marks = |close: char| {
        ['a', 'b', 'c', 'd']
            .iter()
            .filter(|&&letter| {
                let (lower, upper) = (
                    format!("{letter}{close} "),
                    format!("{}{close} ", letter.to_ascii_uppercase()),
                );
                [lower, upper].iter().any(|mark| {
                    line.match_indices(mark.as_str())
                        .any(|(i, _)| i == 0 || line[..i].ends_with(char::is_whitespace))
                })
            })
            .count()
    };
    marks(')') >= 2 || marks('.') >= 3
}

/// Whether the date at `start..end` is « ce jour » after « à »: « le plus
/// important échange à ce jour » says "so far", not which day.
fn so_far(text: &str, start: usize, end: usize) -> bool {
    fold(&text[start..end]).trim() == "ce jour" && matches!(word_before(text, start), "à" | "À")
}

/// The letters that end `text[..at]`, white space before `at` passed over:
/// the word right before a value, as written (empty after a mark).
pub(crate) fn word_before(text: &str, at: usize) -> &str {
    text[..at]
        .trim_end()
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("")
}

/// Whether the figure at `start..end` is the hour or the minutes of a
/// clock time: `16:05`, `07:30`, `16h05` (a live blog's entry, an update's
/// hour). The hour has `:` or `h` and two digits right after it; the
/// minutes, one or two digits and `:` or `h` right before them.
fn in_clock_time(text: &str, start: usize, end: usize) -> bool {
    let figure = &text[start..end];
    let after = &text.as_bytes()[end..];
    let hour = figure.ends_with(|c: char| c.is_ascii_digit())
        && matches!(after, [b':' | b'h', a, b, ..] if a.is_ascii_digit() && b.is_ascii_digit())
        && !matches!(after, [_, _, _, c, ..] if c.is_ascii_digit());
    let before = &text.as_bytes()[..start];
    let minutes = figure.starts_with(|c: char| c.is_ascii_digit())
        && matches!(before, [.., a, b':' | b'h'] if a.is_ascii_digit());
    hour || minutes
}

/// The month names of both languages, folded.
static MONTH_NAMES: std::sync::LazyLock<std::collections::HashSet<String>> = std::sync::LazyLock::new(|| {
    crate::french::vocab::MONTHS
        .iter()
        .chain(crate::english::vocab::MONTHS)
        .map(|(name, _)| fold(name))
        .collect()
});

/// Whether a folded word is a month's name, in either language.
pub fn is_month_name(folded: &str) -> bool {
    MONTH_NAMES.contains(folded)
}

/// Whether the words `start..end` stand right after a month name (`July
/// 21`) or right before one (`21 July`, `21 juillet`, `21st of July`), in
/// either language.
fn beside_a_month(text: &str, start: usize, end: usize) -> bool {
    let is_month = |word: &str| {
        let word = word.trim_end_matches('.');
        // Month names are short: a longer word is none (and is not folded).
        word.len() <= 12 && MONTH_NAMES.contains(fold(word).as_str())
    };
    let before = text[..start]
        .trim_end()
        .rsplit(|c: char| !c.is_alphanumeric() && c != '.')
        .next();
    let mut after = text[end..]
        .trim_start_matches(|c: char| c.is_whitespace() || c == ',')
        .split(|c: char| !c.is_alphanumeric() && c != '.')
        .filter(|w| !w.is_empty());
    let next = match after.next() {
        Some(w) if w.eq_ignore_ascii_case("of") => after.next(),
        w => w,
    };
    // `May` is also a verb: `may 3` stands beside it only when its text is
    // a month's (a capital).
    let month = |w: &str| is_month(w) && (!w.eq_ignore_ascii_case("may") || w.starts_with('M'));
    // A month's full name and a full stop end a sentence (« le 9 juin.
    // 728 drones… »); an abbreviation's dot does not (`Jul. 21`).
    const ABBREVIATIONS: &[&str] = &[
        "jan", "janv", "feb", "fev", "fevr", "mar", "apr", "avr", "jun", "jul", "juil", "aug", "sep", "sept", "oct",
        "nov", "dec",
    ];
    let ended = |w: &str| {
        w.ends_with('.')
            && (!ABBREVIATIONS.contains(&fold(w.trim_end_matches('.')).as_str())
                || text[text[..start].trim_end().len()..start].contains('\n'))
    };
    before.is_some_and(|w| !w.is_empty() && month(w) && !ended(w)) || next.is_some_and(month)
}

/// Where a value read as a dash range starts when its first end is the day
/// of a date (`July 14 — 50 days`, `Jul 28 - 10 to 12 days`): after the
/// dash. Else `start`.
fn past_a_dated_day(text: &str, start: usize, end: usize) -> usize {
    let words = &text[start..end];
    let digits = words.len() - words.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if !(1..=2).contains(&digits) {
        return start;
    }
    let rest = words[digits..].trim_start();
    let Some(dash) = ['-', '–', '—'].into_iter().find(|&d| rest.starts_with(d)) else {
        return start;
    };
    let after = rest[dash.len_utf8()..].trim_start();
    match !after.is_empty() && beside_a_month(text, start, start + digits) {
        true => end - after.len(),
        false => start,
    }
}

/// Replaces each two neighbouring mentions that `joined` makes one by the
/// mention it returns.
fn join(mentions: Vec<Mention>, joined: impl Fn(&Mention, &Mention) -> Option<Mention>) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::with_capacity(mentions.len());
    let mut i = 0;
    while i < mentions.len() {
        match mentions.get(i + 1).and_then(|b| joined(&mentions[i], b)) {
            Some(both) => {
                out.push(both);
                i += 2;
            }
            None => {
                out.push(mentions[i]);
                i += 1;
            }
        }
    }
    out
}

/// A figure without its group separators, to compare `1 000` and `1000`.
fn figure(words: &str) -> String {
    fold(words)
        .chars()
        .filter(|c| !matches!(c, ' ' | '.' | ',' | '\u{a0}' | '\u{202f}'))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The words of each value of a kind the finder of a language gives.
    fn found(placeholder: Placeholder, lang: crate::language::Lang, t: &str) -> Vec<String> {
        let finder = crate::rules::value_finder(placeholder, lang);
        let mut cache = crate::rules::PatternCache::new(&finder);
        find(t, &finder, &mut cache, &mut crate::rules::ExactCache::default())
            .iter()
            .map(|m| t[m.start..m.end].to_string())
            .collect()
    }

    /// The lists `listed_days` finds, as (words, days counted).
    fn lists(text: &str) -> Vec<(&str, u8)> {
        listed_days(text)
            .into_iter()
            .map(|m| (&text[m.start..m.end], m.listed.unwrap()))
            .collect()
    }

    #[test]
    fn a_list_of_days_counts_its_days() {
        assert_eq!(
            lists("après celles du 16 mai et du 2 juin."),
            [("16 mai et du 2 juin", 2)]
        );
        assert_eq!(lists("les 16 mai et 2 juin"), [("16 mai et 2 juin", 2)]);
        assert_eq!(
            lists("met on May 16 and again on June 2"),
            [("May 16 and again on June 2", 2)]
        );
        assert_eq!(
            lists("rounds on May 16, June 2 and July 23"),
            [("May 16, June 2 and July 23", 3)]
        );
        // A year after a day is that day's, not another day.
        assert_eq!(
            lists("on May 16, 2025 and June 2, 2025"),
            [("May 16, 2025 and June 2, 2025", 2)]
        );
        // A span is one event; a lone day is no list; nor a day and a figure.
        assert!(lists("dans la nuit du 20 au 21 juillet").is_empty());
        assert!(lists("le 23 juillet, à Istanbul").is_empty());
        assert!(lists("On July 21, 426 drones").is_empty());
    }

    /// The lengths `elided_units` finds in `text`, as (figure, unit).
    fn elided(text: &str) -> Vec<(String, String)> {
        // The lengths with their unit: every "N days"/« N jours » of the text.
        let lengths: Vec<Mention> = regex::Regex::new(r"(?i)\b(?:[0-9]+|fifty|cinquante)[- ](?:days?|jours)\b")
            .unwrap()
            .find_iter(text)
            .map(|m| Mention::new(Placeholder::Duration, m.start(), m.end()))
            .collect();
        elided_units(text, &lengths)
            .into_iter()
            .map(|m| {
                let (from, to) = m.borrowed_unit.unwrap();
                (text[m.start..m.end].to_string(), text[from..to].to_string())
            })
            .collect()
    }

    #[test]
    fn a_length_said_without_its_unit_takes_the_one_it_changes() {
        let pair = |a: &str, b: &str| vec![(a.to_string(), b.to_string())];
        assert_eq!(
            elided("He gave them 50 days, then cut that to ten."),
            pair("ten", "days")
        );
        assert_eq!(
            elided("He gave them 50 days; on Monday he shrank it to 10 or 12 at the summit."),
            pair("10 or 12", "days")
        );
        assert_eq!(
            elided("Il leur laissait 50 jours, puis, le lendemain, à dix."),
            pair("dix", "jours")
        );
        assert_eq!(elided("ramené à dix au lieu des cinquante jours"), vec![]);
        assert_eq!(
            elided("a 10-day window rather than the fifty granted in July"),
            pair("fifty", "day")
        );
        assert_eq!(
            elided("a fifty-day window, rather than the twelve granted later"),
            pair("twelve", "day")
        );
        // A noun of its own after the figure, or a figure between: no.
        assert_eq!(elided("He gave them 50 days, then cut tariffs to 12 percent."), vec![]);
        assert_eq!(elided("He gave them 50 days; in 2024 he had cut that to 30."), vec![]);
        // No verb of change: "rise to".
        assert_eq!(
            elided("He gave them 50 days. Tariffs would rise to 100 on oil."),
            vec![]
        );
        // Nothing with a unit before: no.
        assert_eq!(elided("He cut that to ten."), vec![]);
        // A later state told right after a word of sequence, no verb.
        assert_eq!(
            elided("His deadlines: 50 days, then ten or twelve."),
            pair("ten or twelve", "days")
        );
        assert_eq!(
            elided("L'ultimatum : cinquante jours, devenus « dix ou douze », expirés en août."),
            pair("dix ou douze", "jours")
        );
        assert_eq!(elided("Cinquante jours, puis dix."), pair("dix", "jours"));
        // A verb after "then" keeps its own cue ("then settles on 10"), once.
        assert_eq!(elided("He gave 50 days, then settles on 10."), pair("10", "days"));
        // A word after "then" that is no figure: no.
        assert_eq!(elided("He gave 50 days, then left."), vec![]);
    }

    #[test]
    fn twice_is_a_count_of_times_but_not_a_multiple_nor_a_frequency() {
        let found = |text: &str| times(text, Lang::En).iter().map(|m| m.start).collect::<Vec<usize>>();
        assert_eq!(found("They had met twice in Istanbul. Twice."), [13, 32]);
        assert!(found("twice as many drones, twice the toll, twice a week, twice daily").is_empty());
        assert!(found("It was their twicefold effort, twicer").is_empty());
        assert!(times("Ils se sont vus twice.", Lang::Fr).is_empty());
    }

    #[test]
    fn model_names_are_no_counts() {
        let at = |text: &str, figure: &str| in_designation(text, text.find(figure).unwrap());
        assert!(at("two Kh-59/69 cruise missiles", "59"));
        assert!(at("two Kh-59/69 cruise missiles", "69 "));
        assert!(at("an S-300 battery", "300"));
        assert!(at("mostly Shahed-136 drones", "136"));
        assert!(!at("the 1,000-for-1,000 format", "1,000"));
        assert!(!at("the 1,000-for-1,000 format", "1,000 format"));
        assert!(!at("a covid-19 ward", "19"));
        assert!(!at("selon la formule 1.000/1.000", "1.000"));
        assert!(!at("a 30-day truce", "30"));
        assert!(!at("exchanged 270 soldiers", "270"));
    }

    #[test]
    fn over_after_a_verb_is_its_particle() {
        let text = "each side is handing over 1,000 prisoners";
        let start = text.find("over").unwrap();
        assert_eq!(
            after_particle(text, start, text.len() - 10, Lang::En),
            text.find("1,000").unwrap()
        );
        let text = "Russia fired over 20 missiles";
        let start = text.find("over").unwrap();
        assert_eq!(after_particle(text, start, text.len() - 9, Lang::En), start);
    }

    /// A count's range after a verb of change is its two ends in turn; a
    /// range without one is one value.
    #[test]
    fn a_change_told_as_a_range_is_two_figures() {
        let ends = |text: &str| {
            let lang = match text.contains(" from ") {
                true => crate::language::Lang::En,
                false => crate::language::Lang::Fr,
            };
            let finder = crate::rules::value_finder(Placeholder::Count, lang);
            let mut cache = PatternCache::new(&finder);
            find(text, &finder, &mut cache, &mut ExactCache::default())
                .into_iter()
                .map(|m| (text[m.start..m.value_end].to_string(), text[m.start..m.end].to_string()))
                .collect::<Vec<_>>()
        };
        let s = |a: &str, b: &str| (a.to_string(), b.to_string());
        assert_eq!(
            ends("le bilan est passé de 1 à 2 morts"),
            [s("1", "1 à 2"), s("2", "2")]
        );
        assert_eq!(ends("raised from 1 to 2 dead"), [s("1", "1 to 2"), s("2", "2")]);
        assert_eq!(ends("on compte de 10 à 12 morts").len(), 1);
    }

    /// A weekday after an indefinite article names no day.
    #[test]
    fn an_indefinite_weekday_names_no_day() {
        let dates = |text: &str, lang: crate::language::Lang| {
            let finder = crate::rules::value_finder(Placeholder::Date, lang);
            let mut cache = PatternCache::new(&finder);
            find(text, &finder, &mut cache, &mut ExactCache::default())
                .into_iter()
                .map(|m| text[m.start..m.end].to_string())
                .collect::<Vec<_>>()
        };
        assert!(dates("le 19 juillet, c'était un samedi", crate::language::Lang::Fr)
            .iter()
            .all(|d| !d.contains("samedi")));
        assert_eq!(
            dates("They met on Saturday.", crate::language::Lang::En),
            ["on Saturday"]
        );
        assert!(dates("It was a Saturday.", crate::language::Lang::En).is_empty());
        assert!(!dates("la rencontre, un mercredi de juillet", crate::language::Lang::Fr).is_empty());
        assert!(!dates("Les pourparlers sont reportés à samedi.", crate::language::Lang::Fr).is_empty());
    }

    /// A length's range told by its bounds is one value, both ends.
    #[test]
    fn a_range_told_by_its_bounds_is_one_value() {
        let finder = crate::rules::value_finder(Placeholder::Duration, crate::language::Lang::Fr);
        let mut cache = PatternCache::new(&finder);
        let text = "durée : valeur minimale 10 jours · valeur maximale 12 jours";
        let found = find(text, &finder, &mut cache, &mut ExactCache::default());
        assert_eq!(found.len(), 1);
        assert_eq!(
            &text[found[0].start..found[0].end],
            "10 jours · valeur maximale 12 jours"
        );
        assert!(found[0].alternative.is_some());
    }

    /// A data line's values are its keys', and a night's days are no count.
    #[test]
    fn assigned_values_and_nights_days_are_no_counts() {
        let words = |text: &str| count(text).into_iter().map(|(w, _)| w).collect::<Vec<_>>();
        assert_eq!(words("drones=426 missiles=24 total=540"), Vec::<String>::new());
        assert_eq!(words("kyiv_morts=1 kyiv_blesses=9"), Vec::<String>::new());
        assert_eq!(words("date: 2025-07-09\n    drones: 728"), ["728"]);
        assert_eq!(words("le 09/07/2025, 728 drones"), ["728"]);
        assert_eq!(words("ajout de la nuit du 20 au 21\n  drones"), Vec::<String>::new());
        assert_eq!(words("la nuit de dimanche, 426 drones"), ["426"]);
        assert_eq!(words("the night of 450 drones and missiles"), ["450"]);
        // A sum written out is still counted: `= 450` with a space.
        assert_eq!(words("426 + 24 = 450 engins"), ["426", "24", "450"]);
    }

    #[test]
    fn no_one_counts_nobody() {
        let at = |text: &str| {
            let start = text.find("one").unwrap();
            no_one(text, start, start + 3)
        };
        assert!(at("in Lviv, no one was hurt"));
        assert!(at("No one died"));
        assert!(at("no-one was injured"));
        assert!(!at("one person was hurt"));
        assert!(!at("only one was hurt"));
        assert!(!at("casino one"));
    }

    #[test]
    fn the_day_of_a_date_is_no_count() {
        assert!(beside_a_month("On July 21, one person died", 8, 10));
        assert!(one_then_ordinal("Le corps d'une seconde victime", 11, 14));
        assert!(one_then_ordinal("rescuers found a third body", 15, 16));
        assert!(!one_then_ordinal("une victime", 0, 3));
        assert!(!one_then_ordinal("one of the second wave", 0, 3));
        // A date's day before a dash is no range's first end.
        let heading = "July 14 — 50 days";
        assert_eq!(past_a_dated_day(heading, 5, heading.len()), heading.find("50").unwrap());
        assert_eq!(past_a_dated_day("July 28 - 10 to 12 days", 5, 23), 10);
        assert_eq!(past_a_dated_day("for 10 - 12 days", 4, 16), 4);
        assert!(beside_a_month("le 21 juillet, deux morts", 3, 5));
        assert!(beside_a_month("the 21st of July", 4, 8));
        assert!(!beside_a_month("21 people were hurt in July", 0, 2));
        assert!(!beside_a_month("they may 3 times", 9, 10));
    }

    fn count(text: &str) -> Vec<(String, bool)> {
        let finder = crate::rules::value_finder(Placeholder::Count, crate::language::Lang::Fr);
        let mut cache = PatternCache::new(&finder);
        find(text, &finder, &mut cache, &mut ExactCache::default())
            .into_iter()
            .map(|m| (text[m.start..m.end].to_string(), m.paired))
            .collect()
    }

    #[test]
    fn per_side_figures_are_one_value() {
        assert_eq!(
            count("échange de 1.000 contre 1.000"),
            [("1.000 contre 1.000".to_string(), true)]
        );
        assert_eq!(count("au format 500/500"), [("500/500".to_string(), true)]);
        assert_eq!(
            count("échange de mille contre mille"),
            [("mille contre mille".to_string(), true)]
        );
        // `milliers` is not the scale word repeated.
        assert_eq!(count("mille contre milliers"), [("mille".to_string(), false)]);
        // Two different figures stay two values.
        assert_eq!(
            count("426 drones contre 24 missiles"),
            [("426".to_string(), false), ("24".to_string(), false)]
        );
        // Each side's people named before the joiner.
        assert_eq!(
            count("1 000 Ukrainiens contre 1 000 Russes"),
            [("1 000 Ukrainiens contre 1 000".to_string(), true)]
        );
        // Not with a clause or a common noun between: "captives for"
        // is read by the rules that look for "for" after a count.
        assert_eq!(
            count("1 000 soldats, puis contre 1 000"),
            [("1 000".to_string(), false), ("1 000".to_string(), false)]
        );
        assert_eq!(
            count("1 000 captifs contre 1 000"),
            [("1 000".to_string(), false), ("1 000".to_string(), false)]
        );
    }

    #[test]
    fn a_datelines_day_is_no_date_of_the_facts() {
        let at = |t: &str| (t.find("ce jour").unwrap(), t.find("ce jour").unwrap() + "ce jour".len());
        for (t, said) in [
            ("le plus grand échange à ce jour", true),
            ("jusqu'à ce jour", true),
            ("Kiev, ce jour, a annoncé", false),
        ] {
            let (start, end) = at(t);
            assert_eq!(so_far(t, start, end), said, "{t}");
        }
        assert!(in_dateline("ISTANBUL, 24 juillet (Wire) – Les délégations", 10, 20));
        // A weekday glossing the date before it in parentheses is dropped;
        // a gloss with its day's number is kept, in place of the weekday.
        let dates = |t: &str| found(Placeholder::Date, crate::language::Lang::En, t);
        assert_eq!(
            dates("He spoke late on Monday, July 21 (early Tuesday AEST), in Kyiv."),
            ["late on Monday, July 21"]
        );
        assert_eq!(dates("They meet on Wednesday (July 23) in Istanbul."), ["July 23"]);
        assert_eq!(dates("His offer came on a Saturday (19 July)."), ["19 July"]);
        // A weekday glossed by its date after a comma.
        assert_eq!(dates("in his address on Monday evening, 21 July."), ["21 July."]);
        assert_eq!(
            dates("on Monday evening, and on Tuesday"),
            ["on Monday evening", "on Tuesday"]
        );
        assert_eq!(
            dates("Trump warned on Monday, in 50 days, of tariffs."),
            ["on Monday", "in 50 days"]
        );
        // A month's full name that ends a sentence is no day of the
        // figure that opens the next one.
        let counts = |t: &str| found(Placeholder::Count, crate::language::Lang::Fr, t);
        assert_eq!(
            counts("Le record date du 9 juillet.\n\n728 drones cette nuit-là."),
            ["728"]
        );
        assert_eq!(
            counts("Le record date du 9 juillet. 728 drones cette nuit-là."),
            ["728"]
        );
        assert_eq!(counts("Le record date du 9 juin. 728 drones cette nuit-là."), ["728"]);
        assert!(counts("Le 9 juil. 2025, rien.").is_empty());
        assert!(counts("Le 9 juillet 2025, rien.").is_empty());
        // A night told by its weekdays, then dated: the first weekday is
        // the dated one's eve, not a day of its own.
        assert_eq!(
            dates("24 missiles, launched from Sunday into Monday, 20–21 July"),
            ["Monday, 20–21 July"]
        );
        assert_eq!(
            dates("Sunday and Monday, 20–21 July, were quiet."),
            ["Sunday", "Monday, 20–21 July"]
        );
        assert!(in_dateline("KYIV, July 20 (Wire) — Ukraine", 6, 13));
        assert!(in_dateline("**TURNBERRY, Scotland, July 28 —** Trump", 23, 30));
        // Not a dateline: a sentence's own words before the date, or no dash.
        assert!(!in_dateline("À Istanbul, mercredi – les délégations", 12, 20));
        assert!(!in_dateline("ISTANBUL, 24 juillet, les délégations", 10, 20));
        assert!(in_dateline("MOSCOW, July 22: The Kremlin on Tuesday", 8, 15));
        assert!(in_dateline("NEW DELHI, July 22 (PTI): India said", 11, 18));
        assert!(!in_dateline("*UPDATE, Wednesday 23 July, 21:30: The meeting", 9, 33));
        assert!(!in_dateline("*UPDATE, Wednesday 23 July: The meeting", 9, 26));
        assert!(!in_dateline("MISE A JOUR, 23 juillet : la réunion", 13, 23));
    }

    /// A cable's day glued to its month's capitals is a date in both
    /// languages; a figure glued to lower-case letters is none.
    #[test]
    fn a_cables_compact_day_is_a_date() {
        use crate::language::Lang;
        assert_eq!(
            found(Placeholder::Date, Lang::En, "POTUS set it out 14JUL25; talks 23JUL."),
            ["14JUL25", "23JUL"]
        );
        assert_eq!(
            found(
                Placeholder::Date,
                Lang::Fr,
                "La nuit du 20 au 21JUL, puis la nuit record du 8-9JUL."
            ),
            ["La nuit du 20 au 21JUL", "du 8-9JUL"]
        );
        assert!(found(Placeholder::Date, Lang::En, "Model 21jul and part 3may.").is_empty());
    }

    /// A line of lettered options offers its values; a line with one
    /// letter and a parenthesis does not.
    #[test]
    fn a_lines_lettered_options_are_offered_not_told() {
        let options = "a) Friday 18 July   b) Saturday 19 July   c) Sunday 20 July";
        assert!(in_choices(options, options.find("Saturday").unwrap()));
        let dotted = "A. 24  B. 42  C. 426";
        assert!(in_choices(dotted, dotted.find("426").unwrap()));
        let told = "Answer (b) is right: 426 drones (and 24 missiles) were launched.";
        assert!(!in_choices(told, told.find("426").unwrap()));
        let plan = "Plan B. Trump gave Russia 50 days.";
        assert!(!in_choices(plan, plan.find("50").unwrap()));
        // The gate: a `b` option, not a word's last letter.
        assert!(has_b_option(options));
        assert!(has_b_option(dotted));
        assert!(!has_b_option("On 24 Feb. 2022, and at the club. Then (b) again."));
    }

    /// Words struck out in markup are withdrawn; words after the mark
    /// closes are not.
    #[test]
    fn struck_out_values_are_withdrawn() {
        let at = |t: &str, v: &str| {
            let start = t.find(v).unwrap();
            struck(t, start, start + v.len())
        };
        assert!(at("D'accord, <s>« 10 jours »</s> proposition retirée.", "10 jours"));
        assert!(at("Russia fired <del>462</del> 426 drones.", "462"));
        assert!(!at("Russia fired <del>462</del> 426 drones.", "426"));
        // Tracked changes: a deletion or a rejected edit withdraws its
        // words; an insertion keeps them.
        assert!(at(
            "give Putin [Deleted: 12 days] [Inserted: \"10 or 12 days\"]",
            "12 days"
        ));
        assert!(!at(
            "give Putin [Deleted: 12 days] [Inserted: \"10 or 12 days\"]",
            "10 or 12 days"
        ));
        assert!(at(
            "le [Supprimé : jeudi 24] [Inséré : mercredi 23] juillet",
            "jeudi 24"
        ));
        assert!(at("50 jours [Modification rejetée : « 50 » → « 60 »] à Moscou", "60"));
        assert!(!at("50 jours [voir note 12] à Moscou", "12"));
        assert!(at("The toll was ~~three~~ two dead.", "three"));
        assert!(!at("The toll was ~~three~~ two dead.", "two"));
        assert!(!at("Trump gave Russia 50 days.", "50"));
        // A rule of tildes, or a mark on another line, strikes nothing.
        assert!(!at("~~~~~~\nRussia fired 426 drones.\n~~~~~~", "426"));
        assert!(!at("The toll was ~~three\ntwo~~ dead.", "three"));
    }

    /// A range from zero is a scale; zero alone is a count.
    #[test]
    fn a_range_from_zero_is_a_scale() {
        assert!(from_zero("de 0 à 50 jours"));
        assert!(from_zero("0-500"));
        assert!(from_zero("from zero to 50 days"));
        assert!(!from_zero("zéro mort"));
        assert!(!from_zero("10 à 12 jours"));
        assert!(!from_zero("jusqu'à 50 jours"));
        assert!(!from_zero("0.5 %"));
        assert!(!from_zero("0,8 %"));
        // A range from zero is a scale only where the text shows one.
        assert!(names_a_scale("La jauge est graduée de 0 à 50 jours."));
        assert!(!names_a_scale("The Fed kept rates at 0 to 0.25%."));
    }

    /// A citation's date and a signature's stamp date a source, not a fact;
    /// a place and a day in parentheses, without a year, may be the fact's.
    #[test]
    fn a_citations_or_a_signatures_date_is_no_date_of_the_facts() {
        let stamp = |t: &str, date: &str| {
            let start = t.find(date).unwrap();
            source_stamp(t, start, start + date.len())
        };
        let cited = "la troisième session, le 23 juillet, fut brève (Le Monde, 24 juillet 2025).";
        assert!(stamp(cited, "24 juillet 2025"));
        assert!(!stamp(cited, "le 23 juillet"));
        assert!(stamp("as reported (Reuters, 21 July 2025, p. 3).", "21 July 2025"));
        assert!(stamp(
            "One sentence will do. -Kestrel (talk) 10:15, 24 July 2025 (UTC)",
            "24 July 2025"
        ));
        assert!(!stamp("Une frappe (Kyiv, 21 juillet) a fait deux morts.", "21 juillet"));
        assert!(!stamp("The talks (held on 23 July 2025) were short.", "23 July 2025"));
        assert!(!stamp(
            "The third round (held in Istanbul, 23 July 2025) was short.",
            "23 July 2025"
        ));
        // A page's label for when it was posted or changed.
        assert!(stamp(
            "**Status: closed** · Resolution posted: Jul 24, 2025",
            "Jul 24, 2025"
        ));
        assert!(stamp("Mis à jour le 24 juillet 2025 à 10 h 12", "24 juillet 2025"));
        assert!(stamp(
            "<pubDate>Thu, 24 Jul 2025 08:00:00 +0000</pubDate>",
            "24 Jul 2025"
        ));
        assert!(stamp("pubDate: Thu, 24 Jul 2025 08:00:00 +0000", "24 Jul 2025"));
        assert!(stamp("Last updated on 24 July 2025", "24 July 2025"));
        // A changelog's version entry.
        assert!(stamp("- v0.2 (24/07) : ajout du cycle 3.", "24/07"));
        assert!(stamp("Version 3 (23 July): talks added.", "23 July"));
        assert!(!stamp("Talks (23 July) were short.", "23 July"));
        // A web address's day.
        assert!(stamp(
            "<link>https://ex.org/ukraine/2025/07/23/round-ends</link>",
            "2025/07/23"
        ));
        assert!(stamp("(see www.ex.org/2025/07/21/kyiv)", "2025/07/21"));
        assert!(!stamp("a\u{2028}2025/07/21 b", "2025/07/21"));
        assert!(!stamp("On 2025/07/21, talks were announced.", "2025/07/21"));
        // A sentence that says when something was published is kept.
        assert!(!stamp("Zelensky posted on 21 July that talks were near.", "21 July"));
        assert!(!stamp("The report published on 24 July 2025 said so.", "24 July 2025"));
        assert!(!stamp("L'accord a été publié le 23 juillet à Istanbul.", "23 juillet"));
        assert!(!stamp(
            "The report, published on 24 July 2025, said so.",
            "24 July 2025"
        ));
        assert!(!stamp("Talks were held on 23 July, the ministry said.", "23 July"));
    }

    #[test]
    fn a_clock_time_is_no_count() {
        let words = |text: &str| count(text).into_iter().map(|(w, _)| w).collect::<Vec<_>>();
        assert_eq!(words("Mise à jour, 16:05 : le bilan passe à deux"), ["deux"]);
        assert_eq!(words("Mise à jour à 16h05 : deux morts"), ["deux"]);
        assert_eq!(words("07:30 — 426 drones dans la nuit"), ["426"]);
        // A count beside a colon is still one: a list, a score line.
        assert_eq!(words("Morts : 2, blessés : 16"), ["2", "16"]);
        assert_eq!(words("Bilan: 16 blessés"), ["16"]);
    }

    #[test]
    fn hedged_and_vague_counts_are_found_whole() {
        let found = count("au moins un mort et une douzaine de blessés");
        let words: Vec<&str> = found.iter().map(|(w, _)| w.as_str()).collect();
        assert_eq!(words, ["au moins un", "une douzaine"]);
    }

    #[test]
    fn a_repeated_scale_word_is_one_value_per_side() {
        let finder = crate::rules::value_finder(Placeholder::Count, crate::language::Lang::En);
        let mut cache = PatternCache::new(&finder);
        let text = "They agreed to a thousand-for-thousand swap, not a thousand for thousands.";
        let found: Vec<(String, bool)> = find(text, &finder, &mut cache, &mut ExactCache::default())
            .into_iter()
            .map(|m| (text[m.start..m.end].to_string(), m.paired))
            .collect();
        assert_eq!(
            found,
            [
                ("a thousand-for-thousand".to_string(), true),
                ("a thousand".to_string(), false),
                ("thousands".to_string(), false)
            ]
        );
        let text = "May's a thousand-for-a-thousand swap; then a thousand for a few.";
        let found: Vec<(String, bool)> = find(text, &finder, &mut cache, &mut ExactCache::default())
            .into_iter()
            .map(|m| (text[m.start..m.end].to_string(), m.paired))
            .collect();
        assert_eq!(found[0], ("a thousand-for-a-thousand".to_string(), true));
        assert!(found[1..].iter().all(|(_, paired)| !paired));
        // Without a figure before it: the scale word itself, per side.
        let text = "The thousand-for-thousand swap in May, and a hundred-for-a-hundred swap later; never hundred for thousand.";
        let found: Vec<(String, bool)> = find(text, &finder, &mut cache, &mut ExactCache::default())
            .into_iter()
            .map(|m| (text[m.start..m.end].to_string(), m.paired))
            .collect();
        assert_eq!(
            found,
            [
                ("thousand-for-thousand".to_string(), true),
                ("a hundred-for-a-hundred".to_string(), true)
            ]
        );
    }
}
