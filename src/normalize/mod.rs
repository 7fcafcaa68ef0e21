//! The normalize stage: words → value intervals.
//!
//! [`normalize`] reads the words a placeholder matched (see
//! [`Placeholder::regex_in`]) as a [`Value`], in the language of
//! [`Context::lang`]: in French, numbers and counts ([`number`]), durations
//! in days ([`duration`]), dates as day numbers ([`date`]); in English, the
//! readers of [`english`], which share the value model, the hedge kinds and
//! the date resolution. Hedges and vague words become intervals ([`hedge`]);
//! the value model and every rule are described in `docs/values.md`.

pub mod date;
pub mod duration;
pub mod english;
pub mod hedge;
pub mod number;
pub mod tense;

use crate::french::{fold, Placeholder};
use crate::language::Lang;
use crate::value::{Interval, Range, Unit, Value};
use jiff::civil::Date;

/// What the normaliser may know about where the words stand.
#[derive(Debug, Clone, Copy, Default)]
pub struct Context<'a> {
    /// The publication date of the article, against which relative dates
    /// (`mercredi`, `hier`) are resolved.
    pub published: Option<Date>,
    /// The text around the words (the sentence), used for verb tense when a
    /// bare weekday could be past or future.
    pub around: &'a str,
    /// The language the words are written in: its grammar reads them.
    pub lang: Lang,
}

/// Why words could not be normalised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NormalizeError {
    /// The words hold no value of the asked kind.
    NoValue,
    /// A relative date with no publication date to resolve it against.
    Unresolved(String),
    /// A date that falls outside the years the calendar holds (-9999 to
    /// 9999): `mercredi prochain` published on 9999-12-31.
    OutOfCalendar,
}

impl std::fmt::Display for NormalizeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NormalizeError::NoValue => f.write_str("no value of the expected kind"),
            NormalizeError::Unresolved(why) => write!(f, "unresolved: {why}"),
            NormalizeError::OutOfCalendar => f.write_str("the date falls outside the calendar (years -9999 to 9999)"),
        }
    }
}

impl std::error::Error for NormalizeError {}

/// Reads the value of `text` as the placeholder's kind.
///
/// `text` is normally what [`Placeholder::regex`] matched; surrounding
/// whitespace is ignored. Never panics, whatever the input.
pub fn normalize(placeholder: Placeholder, text: &str, ctx: &Context) -> Result<Value, NormalizeError> {
    // A quoted figure (`"10 or 12" days`, `'about 10 or 12' days`): the
    // marks say who spoke, not what the value is.
    let unquoted = crate::language::without_quotes(text);
    let trimmed = unquoted.trim();
    let folded = fold(trimmed);
    if folded.is_empty() {
        return Err(NormalizeError::NoValue);
    }
    let (range, unit) = match ctx.lang {
        Lang::Fr => french(placeholder, trimmed, &folded, ctx)?,
        Lang::En => english::read(placeholder, &folded, ctx)?,
    };
    // A count is a whole number: its hedged ends too (see `Range::whole`).
    let range = match placeholder {
        Placeholder::Count => range.whole(),
        _ => range,
    };
    if range.lo.is_nan() || range.hi.is_nan() {
        return Err(NormalizeError::NoValue);
    }
    // An empty interval (`moins de 0`: [0, 0)) holds no value.
    if range.lo > range.hi || (range.lo == range.hi && (range.lo_open || range.hi_open)) {
        return Err(NormalizeError::NoValue);
    }
    // A figure too large for a float (`"9" * 308 + "K"`) overflows to
    // [+inf, +inf], which would read as "unbounded" and agree with anything.
    if range.lo == f64::INFINITY || range.hi == f64::NEG_INFINITY {
        return Err(NormalizeError::NoValue);
    }
    // A relative date past the calendar's ends (published 9999-12-31, `lundi`).
    if placeholder == Placeholder::Date
        && [range.lo, range.hi]
            .iter()
            .any(|d| d.is_finite() && crate::value::date_from_day_number(*d as i32).is_none())
    {
        return Err(NormalizeError::OutOfCalendar);
    }
    Ok(Value {
        kind: placeholder.kind(),
        interval: Interval::Range(range),
        unit,
    })
}

/// Reads French words: the interval and its unit. `trimmed` is the text as
/// written (an upper-case `M` glued to digits is millions), `folded` the
/// same text folded.
fn french(
    placeholder: Placeholder,
    trimmed: &str,
    folded: &str,
    ctx: &Context,
) -> Result<(Range, Option<Unit>), NormalizeError> {
    Ok(match placeholder {
        Placeholder::Count | Placeholder::Number => {
            let opts = number::Options {
                signed: placeholder == Placeholder::Number,
                upper_m: trimmed.ends_with('M') || trimmed.ends_with("Md") || trimmed.ends_with("Mds"),
                whole: placeholder == Placeholder::Count,
            };
            let q = number::quantity(folded, opts).ok_or(NormalizeError::NoValue)?;
            let range = if placeholder == Placeholder::Count {
                q.range.non_negative()
            } else {
                q.range
            };
            (range, q.percent.then_some(Unit::Percent))
        }
        Placeholder::Ordinal => {
            let n = number::ordinal(folded).ok_or(NormalizeError::NoValue)?;
            (Range::exact(n), None)
        }
        Placeholder::Duration => (
            duration::duration(folded).ok_or(NormalizeError::NoValue)?,
            Some(Unit::Day),
        ),
        Placeholder::Date => (date::date(folded, ctx)?, None),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::{day_number, Kind};
    use regex::Regex;

    #[test]
    fn figures_that_overflow_and_dates_past_the_calendar_are_no_value() {
        let ctx = Context::default();
        let huge = format!("{}K", "9".repeat(308));
        assert_eq!(
            normalize(Placeholder::Number, &huge, &ctx),
            Err(NormalizeError::NoValue)
        );
        let end = Context {
            published: Some(jiff::civil::Date::constant(9999, 12, 31)),
            around: "",
            lang: Default::default(),
        };
        assert!(normalize(Placeholder::Date, "lundi", &end).is_err());
    }

    /// A figure quoted before its unit is found by the duration grammar of
    /// each language and read without the quotation marks.
    #[test]
    fn a_quoted_figure_before_its_unit_is_read() {
        let cases = [
            (crate::language::Lang::En, "“8 or 9” weeks", Range::closed(56.0, 63.0)),
            (
                crate::language::Lang::En,
                "\"two or three\" days",
                Range::closed(2.0, 3.0),
            ),
            (
                crate::language::Lang::Fr,
                "« 8 ou 9 » semaines",
                Range::closed(56.0, 63.0),
            ),
            (
                crate::language::Lang::Fr,
                "\u{AB}\u{A0}quinze\u{A0}\u{BB} jours",
                Range::exact(15.0),
            ),
        ];
        for (lang, phrase, expected) in cases {
            let re = Regex::new(&format!("(?i)^(?:{})$", Placeholder::Duration.regex_in(lang))).unwrap();
            // The opening mark stands before the value; the closing one
            // inside it.
            let inside = phrase.trim_start_matches(['"', '“', '«', '\u{A0}', ' ']);
            assert!(re.is_match(inside), "{lang:?} grammar finds {inside:?}");
            let ctx = Context {
                lang,
                ..Context::default()
            };
            let value = normalize(Placeholder::Duration, inside, &ctx).unwrap();
            assert_eq!(value.range(), Some(&expected), "{phrase:?}");
        }
    }

    fn whole(p: Placeholder) -> Regex {
        Regex::new(&format!("(?i)^(?:{})$", p.regex())).expect("placeholder regex compiles")
    }

    fn ctx(published: &str) -> Context<'static> {
        Context {
            published: Some(published.parse().unwrap()),
            around: "",
            lang: Default::default(),
        }
    }

    fn day(s: &str) -> f64 {
        day_number(s.parse().unwrap()) as f64
    }

    /// Every example phrase is matched whole by its placeholder regex and
    /// normalises to the expected interval.
    #[test]
    fn examples_are_matched_whole_and_normalised() {
        use Placeholder::*;
        let p = "2025-07-22";
        let cases: Vec<(Placeholder, &str, &str, Range)> = vec![
            (Count, "au moins un", p, Range::at_least(1.0)),
            (Count, "au moins 500", p, Range::at_least(500.0)),
            (Count, "neuf", p, Range::exact(9.0)),
            (Count, "deux", p, Range::exact(2.0)),
            (Count, "1000", p, Range::exact(1000.0)),
            (Count, "1 000", p, Range::exact(1000.0)),
            (Count, "1\u{A0}000", p, Range::exact(1000.0)),
            (Count, "1\u{202F}000", p, Range::exact(1000.0)),
            (Count, "une trentaine", p, Range::closed(25.0, 35.0)),
            (Count, "entre 10 et 12", p, Range::closed(10.0, 12.0)),
            (Count, "de 10 à 12", p, Range::closed(10.0, 12.0)),
            (Count, "10 à 12", p, Range::closed(10.0, 12.0)),
            (Count, "10-12", p, Range::closed(10.0, 12.0)),
            (Count, "plus d'un million", p, Range::more_than(1e6)),
            (Count, "plus d’un million", p, Range::more_than(1e6)),
            (Count, "près de 50", p, Range::closed(45.0, 50.0)),
            (Count, "jusqu'à 300", p, Range::closed(0.0, 300.0)),
            (Count, "des dizaines de milliers", p, Range::closed(20000.0, 100000.0)),
            (Count, "une dizaine de milliers", p, Range::closed(8000.0, 13000.0)),
            (Count, "quelques centaines", p, Range::closed(200.0, 1000.0)),
            (Count, "vingt et un", p, Range::exact(21.0)),
            (Count, "quatre-vingt-dix", p, Range::exact(90.0)),
            (Count, "un million cinq cent mille", p, Range::exact(1.5e6)),
            (Number, "1,5 million", p, Range::exact(1.5e6)),
            (Number, "2 milliards", p, Range::exact(2e9)),
            (Number, "3,2 millions", p, Range::exact(3.2e6)),
            (Number, "30 %", p, Range::exact(30.0)),
            (Number, "30 pour cent", p, Range::exact(30.0)),
            (Number, "-4,5", p, Range::exact(-4.5)),
            (Number, "deux tiers", p, Range::exact(2.0 / 3.0)),
            (Ordinal, "troisième", p, Range::exact(3.0)),
            (Ordinal, "3e", p, Range::exact(3.0)),
            (Ordinal, "1er", p, Range::exact(1.0)),
            (Ordinal, "premier", p, Range::exact(1.0)),
            (Duration, "50 jours", p, Range::exact(50.0)),
            (Duration, "48 heures", p, Range::exact(2.0)),
            (Duration, "près de 50 jours", p, Range::closed(45.0, 50.0)),
            (Duration, "cinquante jours", p, Range::exact(50.0)),
            (Duration, "10 à 12 jours", p, Range::closed(10.0, 12.0)),
            (Duration, "un mois et demi", p, Range::closed(42.0, 46.5)),
            (Duration, "deux jours et demi", p, Range::exact(2.5)),
            (Duration, "2 ans", p, Range::closed(730.0, 732.0)),
            (Date, "mercredi", p, Range::exact(day("2025-07-23"))),
            (Date, "jeudi", p, Range::exact(day("2025-07-24"))),
            (Date, "lundi", p, Range::exact(day("2025-07-21"))),
            (Date, "mercredi prochain", "2025-07-21", Range::exact(day("2025-07-23"))),
            (Date, "mercredi dernier", p, Range::exact(day("2025-07-16"))),
            (Date, "lundi 21 juillet", p, Range::exact(day("2025-07-21"))),
            (Date, "le 2 juin 2025", p, Range::exact(day("2025-06-02"))),
            (Date, "1er août", p, Range::exact(day("2025-08-01"))),
            (Date, "lundi soir", p, Range::exact(day("2025-07-21"))),
            (Date, "hier", p, Range::exact(day("2025-07-21"))),
            (Date, "aujourd’hui", p, Range::exact(day("2025-07-22"))),
            (
                Date,
                "dans la nuit de dimanche à lundi",
                p,
                Range::closed(day("2025-07-20"), day("2025-07-21")),
            ),
            (
                Date,
                "la nuit du 20 au 21 juillet",
                p,
                Range::closed(day("2025-07-20"), day("2025-07-21")),
            ),
            (Date, "en mai", p, Range::closed(day("2025-05-01"), day("2025-05-31"))),
            (Date, "fin juin", p, Range::closed(day("2025-06-21"), day("2025-06-30"))),
            (
                Date,
                "mi-juillet",
                p,
                Range::closed(day("2025-07-11"), day("2025-07-20")),
            ),
            (
                Date,
                "début 2022",
                p,
                Range::closed(day("2022-01-01"), day("2022-04-30")),
            ),
            (Date, "en 2022", p, Range::closed(day("2022-01-01"), day("2022-12-31"))),
            (
                Date,
                "en juin dernier",
                p,
                Range::closed(day("2025-06-01"), day("2025-06-30")),
            ),
            (
                Date,
                "la semaine prochaine",
                p,
                Range::closed(day("2025-07-28"), day("2025-08-03")),
            ),
            (
                Date,
                "cette semaine",
                p,
                Range::closed(day("2025-07-21"), day("2025-07-27")),
            ),
            (Date, "cet été", p, Range::closed(day("2025-06-01"), day("2025-09-23"))),
            (
                Date,
                "l'hiver dernier",
                p,
                Range::closed(day("2024-12-01"), day("2025-03-21")),
            ),
            (
                Date,
                "au printemps 2024",
                p,
                Range::closed(day("2024-03-01"), day("2024-06-21")),
            ),
            (Date, "Noël", p, Range::exact(day("2025-12-25"))),
            (Date, "la Toussaint", p, Range::exact(day("2025-11-01"))),
            (Date, "le jour de l’an", p, Range::exact(day("2026-01-01"))),
            (Date, "le 14 juillet", p, Range::exact(day("2025-07-14"))),
            (
                Date,
                "les 3 prochains jours",
                p,
                Range::closed(day("2025-07-22"), day("2025-07-25")),
            ),
            (
                Date,
                "les deux derniers jours",
                p,
                Range::closed(day("2025-07-20"), day("2025-07-22")),
            ),
            (Date, "premier mercredi du mois", p, Range::exact(day("2025-07-02"))),
            (Date, "le dernier jour de juin", p, Range::exact(day("2025-06-30"))),
            (
                Date,
                "en fin de mois",
                p,
                Range::closed(day("2025-07-21"), day("2025-07-31")),
            ),
            (
                Date,
                "en début de semaine",
                p,
                Range::closed(day("2025-07-21"), day("2025-07-23")),
            ),
            (
                Date,
                "en fin de semaine",
                p,
                Range::closed(day("2025-07-24"), day("2025-07-27")),
            ),
            (
                Date,
                "ce week-end",
                p,
                Range::closed(day("2025-07-19"), day("2025-07-20")),
            ),
            (
                Date,
                "le week-end prochain",
                p,
                Range::closed(day("2025-07-26"), day("2025-07-27")),
            ),
            (Date, "jeudi à 15h", p, Range::exact(day("2025-07-24"))),
            (
                Date,
                "vers 3 heures du matin dimanche",
                p,
                Range::exact(day("2025-07-20")),
            ),
            (Date, "la veille du 14 juillet", p, Range::exact(day("2025-07-13"))),
            (
                Date,
                "au deuxième trimestre 2025",
                p,
                Range::closed(day("2025-04-01"), day("2025-06-30")),
            ),
        ];
        for (ph, text, published, expected) in cases {
            assert!(whole(ph).is_match(text), "{ph:?} regex does not match {text:?} whole");
            let v = normalize(ph, text, &ctx(published)).unwrap_or_else(|e| panic!("{text:?}: {e:?}"));
            let r = *v.range().unwrap();
            let close = |a: f64, b: f64| a == b || (a - b).abs() <= 1e-9 * a.abs().max(1.0);
            assert!(
                close(r.lo, expected.lo)
                    && close(r.hi, expected.hi)
                    && r.lo_open == expected.lo_open
                    && r.hi_open == expected.hi_open,
                "{text:?}: got {r:?}, expected {expected:?}"
            );
            assert_eq!(v.kind, ph.kind());
        }
    }

    #[test]
    fn the_regex_finds_the_phrase_inside_a_sentence() {
        let find = |p: Placeholder, s: &str| {
            Regex::new(&format!("(?i){}", p.regex()))
                .unwrap()
                .find(s)
                .map(|m| m.as_str().to_string())
        };
        assert_eq!(
            find(Placeholder::Count, "Il y a eu au moins un mort."),
            Some("au moins un".into())
        );
        assert_eq!(
            find(Placeholder::Count, "Près de 1 000 personnes"),
            Some("Près de 1 000".into())
        );
        assert_eq!(
            find(Placeholder::Number, "soit 1,5 million d'euros"),
            Some("1,5 million".into())
        );
        assert_eq!(
            find(Placeholder::Duration, "après près de 50 jours de grève"),
            Some("près de 50 jours".into())
        );
        assert_eq!(
            find(Placeholder::Date, "Le sommet aura lieu mercredi prochain."),
            Some("mercredi prochain".into())
        );
        assert_eq!(
            find(Placeholder::Date, "Il est arrivé le 2 juin 2025 à Paris"),
            Some("le 2 juin 2025".into())
        );
        assert_eq!(find(Placeholder::Count, "au 3e étage"), None);
        // `mer`, `jeu` are words: an abbreviated weekday needs its dot or comma.
        assert_eq!(find(Placeholder::Date, "la mer 15 jours durant"), None);
        // A day number in words after a weekday is a count.
        assert_eq!(
            find(Placeholder::Date, "vendredi quinze personnes ont été arrêtées"),
            Some("vendredi".into())
        );
        // `été` is read only with a determiner (`a été` is a verb).
        assert_eq!(find(Placeholder::Date, "le texte a été adopté"), None);
        // `mai` is not read inside `maïs`.
        assert_eq!(find(Placeholder::Date, "le prix du maïs"), None);
        // What makes the phrase no date is matched with it, so it is not read shorter.
        assert_eq!(
            find(Placeholder::Date, "Le Nouvel An chinois approche"),
            Some("Le Nouvel An chinois".into())
        );
        assert_eq!(
            find(Placeholder::Date, "ce jour-là, il pleuvait"),
            Some("ce jour-là".into())
        );
    }

    #[test]
    fn units_and_kinds() {
        let c = ctx("2025-07-22");
        assert_eq!(
            normalize(Placeholder::Number, "30 %", &c).unwrap().unit,
            Some(Unit::Percent)
        );
        assert_eq!(
            normalize(Placeholder::Duration, "3 jours", &c).unwrap().unit,
            Some(Unit::Day)
        );
        assert_eq!(normalize(Placeholder::Date, "hier", &c).unwrap().kind, Kind::Date);
        assert_eq!(
            normalize(Placeholder::Count, "  deux ", &c).unwrap().range(),
            Some(&Range::exact(2.0))
        );
    }

    #[test]
    fn counts_are_never_negative() {
        let r = *normalize(Placeholder::Count, "moins de 5", &Context::default())
            .unwrap()
            .range()
            .unwrap();
        assert_eq!((r.lo, r.hi, r.hi_open), (0.0, 5.0, true));
    }

    #[test]
    fn no_value_and_unresolved() {
        let none = Context::default();
        assert_eq!(
            normalize(Placeholder::Count, "rien", &none),
            Err(NormalizeError::NoValue)
        );
        assert_eq!(normalize(Placeholder::Count, "", &none), Err(NormalizeError::NoValue));
        assert_eq!(
            normalize(Placeholder::Duration, "jours", &none),
            Err(NormalizeError::NoValue)
        );
        assert_eq!(
            normalize(Placeholder::Date, "bonjour", &none),
            Err(NormalizeError::NoValue)
        );
        assert!(matches!(
            normalize(Placeholder::Date, "mercredi", &none),
            Err(NormalizeError::Unresolved(_))
        ));
    }

    #[test]
    fn odd_input_never_panics() {
        let c = ctx("2025-07-22");
        let inputs = [
            "é",
            "ééé 12",
            "1er",
            "le 31 février",
            "31/02/2025",
            "99999999999999999999999",
            "1e999",
            "-",
            "–5",
            "\u{202F}",
            "'",
            "le 0 mai",
            "00/00",
            "2025-13-40",
            "99 99",
            "la nuit du 31 au 1 fevrier",
            "mi-",
            "il y a 99999999999 ans",
            "dans 1e300 jours",
            "entre et",
            "de à",
            "demi",
            "un et",
            "plus de",
            "lundi 99",
            "9999-12-31",
            "0001-01-01",
            "dans 5000 ans",
        ];
        for t in inputs {
            for p in Placeholder::ALL {
                let _ = normalize(p, t, &c);
            }
        }
    }

    #[test]
    fn placeholder_regexes_stay_small() {
        for p in Placeholder::ALL {
            let re = regex::RegexBuilder::new(&format!("(?i){}", p.regex()))
                .size_limit(2 << 20)
                .build();
            assert!(re.is_ok(), "{p:?}: {:?}", re.err());
            let r = p.regex().as_bytes();
            let capturing =
                (0..r.len()).any(|i| r[i] == b'(' && r.get(i + 1) != Some(&b'?') && (i == 0 || r[i - 1] != b'\\'));
            assert!(!capturing, "{p:?} has a capture group");
        }
    }
}
