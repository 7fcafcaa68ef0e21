//! The English readers: numbers and counts ([`number`]), durations in days
//! ([`duration`]), dates as day numbers ([`date`]), with the value model,
//! the hedge kinds and the date resolution of the French ones.

pub mod date;
pub mod duration;
pub mod number;

use super::{Context, NormalizeError};
use crate::french::Placeholder;
use crate::value::{Range, Unit};

/// Reads folded English words as the placeholder's kind: the interval and
/// its unit.
pub(super) fn read(
    placeholder: Placeholder,
    folded: &str,
    ctx: &Context,
) -> Result<(Range, Option<Unit>), NormalizeError> {
    let (range, unit) = read_kind(placeholder, folded, ctx)?;
    // `less than 0`: an interval with nothing in it says nothing.
    if range.lo > range.hi || (range.lo == range.hi && (range.lo_open || range.hi_open)) {
        return Err(NormalizeError::NoValue);
    }
    Ok((range, unit))
}

fn read_kind(placeholder: Placeholder, folded: &str, ctx: &Context) -> Result<(Range, Option<Unit>), NormalizeError> {
    Ok(match placeholder {
        // "They met twice": a count of times, which the value finder gives
        // alone (`search::values::times`); "twice as many" is no count.
        Placeholder::Count if folded == "twice" => (Range::exact(2.0), None),
        Placeholder::Count | Placeholder::Number => {
            let signed = placeholder == Placeholder::Number;
            let q = number::quantity(folded, signed).ok_or(NormalizeError::NoValue)?;
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
    use super::super::normalize;
    use super::*;
    use crate::language::Lang;
    use crate::value::day_number;
    use regex::Regex;

    fn whole(p: Placeholder) -> Regex {
        Regex::new(&format!("(?i)^(?:{})$", p.regex_in(Lang::En))).expect("placeholder regex compiles")
    }

    fn ctx(published: &str) -> Context<'static> {
        Context {
            published: Some(published.parse().unwrap()),
            around: "",
            lang: Lang::En,
        }
    }

    fn day(s: &str) -> f64 {
        day_number(s.parse().unwrap()) as f64
    }

    /// Every example is matched whole by its English regex and normalises
    /// to the expected interval.
    #[test]
    fn examples_are_matched_whole_and_normalised() {
        use Placeholder::*;
        let p = "2025-07-22";
        let cases: Vec<(Placeholder, &str, Range)> = vec![
            (Count, "at least one", Range::at_least(1.0)),
            (Count, "no fewer than 500", Range::at_least(500.0)),
            (Count, "nine", Range::exact(9.0)),
            (Count, "twenty-four", Range::exact(24.0)),
            (Count, "twenty‑four", Range::exact(24.0)),
            (Count, "one hundred and five", Range::exact(105.0)),
            (Count, "1,000", Range::exact(1000.0)),
            (Count, "1,000,000", Range::exact(1e6)),
            (Count, "40\u{202F}000", Range::exact(40000.0)),
            (Count, "a dozen", Range::closed(10.0, 14.0)),
            (Count, "dozens", Range::closed(24.0, 120.0)),
            (Count, "hundreds", Range::closed(200.0, 1000.0)),
            (Count, "tens of thousands", Range::closed(2e4, 1e5)),
            (Count, "a couple", Range::closed(2.0, 3.0)),
            (Count, "a few", Range::closed(2.0, 10.0)),
            (Count, "several", Range::at_least(2.0)),
            (Count, "between 10 and 12", Range::closed(10.0, 12.0)),
            (Count, "10 to 12", Range::closed(10.0, 12.0)),
            (Count, "10-12", Range::closed(10.0, 12.0)),
            (Count, "10–12", Range::closed(10.0, 12.0)),
            (Count, "10 or 12", Range::closed(10.0, 12.0)),
            (Count, "more than 1 million", Range::more_than(1e6)),
            (Count, "over 300", Range::at_least(300.0)),
            (Count, "nearly 50", Range::closed(45.0, 50.0)),
            (Count, "almost 50", Range::closed(45.0, 50.0)),
            (Count, "up to 300", Range::closed(0.0, 300.0)),
            (Count, "as many as 300", Range::closed(0.0, 300.0)),
            (Count, "500 or more", Range::at_least(500.0)),
            (Number, "1.5 million", Range::exact(1.5e6)),
            (Number, "2.3bn", Range::exact(2.3e9)),
            (Number, "3m", Range::exact(3e6)),
            (Number, "30%", Range::exact(30.0)),
            (Number, "30 per cent", Range::exact(30.0)),
            (Number, "30 percent", Range::exact(30.0)),
            (Number, "5pc", Range::exact(5.0)),
            (Number, "-4.5", Range::exact(-4.5)),
            (Number, "minus five", Range::exact(-5.0)),
            (Number, "two thirds", Range::exact(2.0 / 3.0)),
            (Number, "one and a half", Range::exact(1.5)),
            (Number, "half a million", Range::exact(5e5)),
            (Number, "2½", Range::exact(2.5)),
            (Ordinal, "third", Range::exact(3.0)),
            (Ordinal, "3rd", Range::exact(3.0)),
            (Ordinal, "twenty-first", Range::exact(21.0)),
            (Ordinal, "21st", Range::exact(21.0)),
            (Duration, "50 days", Range::exact(50.0)),
            (Duration, "50-day", Range::exact(50.0)),
            (Duration, "seven weeks", Range::exact(49.0)),
            (Duration, "two months", Range::closed(56.0, 62.0)),
            (Duration, "a fortnight", Range::exact(14.0)),
            (Duration, "48 hours", Range::exact(2.0)),
            (Duration, "10 to 12 days", Range::closed(10.0, 12.0)),
            (Duration, "10-12 days", Range::closed(10.0, 12.0)),
            (Duration, "a month and a half", Range::closed(42.0, 46.5)),
            (Duration, "nearly 50 days", Range::closed(45.0, 50.0)),
            (Duration, "an hour and a half", Range::exact(1.5 / 24.0)),
            (Duration, "all week", Range::exact(7.0)),
            (Date, "July 23", Range::exact(day("2025-07-23"))),
            (Date, "23 July 2025", Range::exact(day("2025-07-23"))),
            (Date, "July 23, 2025", Range::exact(day("2025-07-23"))),
            (Date, "Wednesday, July 23", Range::exact(day("2025-07-23"))),
            (Date, "July 24-25", Range::closed(day("2025-07-24"), day("2025-07-25"))),
            (
                Date,
                "July 24 and 25",
                Range::closed(day("2025-07-24"), day("2025-07-25")),
            ),
            (Date, "on Wednesday", Range::exact(day("2025-07-23"))),
            (Date, "Wednesday evening", Range::exact(day("2025-07-23"))),
            (Date, "last Monday", Range::exact(day("2025-07-21"))),
            (Date, "next Thursday", Range::exact(day("2025-07-24"))),
            (Date, "this week", Range::closed(day("2025-07-21"), day("2025-07-27"))),
            (Date, "next week", Range::closed(day("2025-07-28"), day("2025-08-03"))),
            (Date, "yesterday", Range::exact(day("2025-07-21"))),
            (Date, "today", Range::exact(day("2025-07-22"))),
            (Date, "tomorrow", Range::exact(day("2025-07-23"))),
            (Date, "in July", Range::closed(day("2025-07-01"), day("2025-07-31"))),
            (Date, "mid-July", Range::closed(day("2025-07-11"), day("2025-07-20"))),
            (Date, "early July", Range::closed(day("2025-07-01"), day("2025-07-10"))),
            (Date, "2025-07-23", Range::exact(day("2025-07-23"))),
            (Date, "New Year’s Eve", Range::exact(day("2025-12-31"))),
            (Date, "two weeks ago", Range::exact(day("2025-07-08"))),
            (
                Date,
                "the past three days",
                Range::closed(day("2025-07-19"), day("2025-07-22")),
            ),
        ];
        for (ph, text, expected) in cases {
            assert!(whole(ph).is_match(text), "{ph:?} regex does not match {text:?} whole");
            let v = normalize(ph, text, &ctx(p)).unwrap_or_else(|e| panic!("{text:?}: {e:?}"));
            let r = *v.range().unwrap();
            let close = |a: f64, b: f64| a == b || (a - b).abs() <= 1e-9 * a.abs().max(1.0);
            assert!(
                close(r.lo, expected.lo)
                    && close(r.hi, expected.hi)
                    && r.lo_open == expected.lo_open
                    && r.hi_open == expected.hi_open,
                "{text:?}: got {r:?}, expected {expected:?}"
            );
        }
    }

    fn find(p: Placeholder, s: &str) -> Option<String> {
        Regex::new(&format!("(?i){}", p.regex_in(Lang::En)))
            .unwrap()
            .find(s)
            .map(|m| m.as_str().to_string())
    }

    #[test]
    fn the_regex_finds_the_phrase_inside_a_sentence() {
        use Placeholder::*;
        assert_eq!(
            find(Count, "At least one person was killed."),
            Some("At least one".into())
        );
        assert_eq!(find(Count, "Nearly 1,000 people marched"), Some("Nearly 1,000".into()));
        assert_eq!(find(Number, "a deal worth £1.5bn was signed"), Some("1.5bn".into()));
        assert_eq!(find(Duration, "after a 50-day strike"), Some("50-day".into()));
        assert_eq!(
            find(Duration, "after nearly 50 days of talks"),
            Some("nearly 50 days".into())
        );
        assert_eq!(
            find(Date, "The summit will be held next Thursday."),
            Some("next Thursday".into())
        );
        assert_eq!(
            find(Date, "He arrived on 2 June 2025 in Paris"),
            Some("on 2 June 2025".into())
        );
        assert_eq!(
            find(Date, "Talks resumed on Wednesday, July 23, in Doha"),
            Some("on Wednesday, July 23".into())
        );
        // Digits glued to letters are not numbers: `4th`, `29km`, `180ml`.
        assert_eq!(find(Count, "the May 4th parade"), None);
        assert_eq!(find(Count, "a 29km road"), None);
        // A plain space does not group thousands: two numbers.
        assert_eq!(find(Count, "On May 15 300 people"), Some("15".into()));
        // `may`, `march` and `august` are months only as names.
        assert_eq!(find(Date, "They may march at august gatherings"), None);
        assert_eq!(find(Date, "It happened in May"), Some("in May".into()));
        // A day number alone after `the` is a rank (`the 21st minute`); `on the 21st` is a
        // date, and so is `the 21st century`.
        assert_eq!(find(Date, "in the 21st minute"), None);
        assert_eq!(find(Date, "in the 21st century"), Some("the 21st century".into()));
        assert_eq!(find(Date, "they met on the 21st"), Some("on the 21st".into()));
        // A dot or a dash without a year is a decimal or a range.
        assert_eq!(find(Date, "it rose 4.22 points"), None);
        // `last` without `the` is the verb.
        assert_eq!(find(Date, "The truce will last 50 days"), None);
        // `the next day` is a day of the story.
        assert_eq!(find(Date, "The next day, police arrived"), None);
    }

    #[test]
    fn english_regexes_are_small_and_capture_nothing() {
        for p in Placeholder::ALL {
            let re = regex::RegexBuilder::new(&format!("(?i){}", p.regex_in(Lang::En)))
                .size_limit(2 << 20)
                .build();
            assert!(re.is_ok(), "{p:?}: {:?}", re.err());
            let r = p.regex_in(Lang::En).as_bytes();
            let capturing =
                (0..r.len()).any(|i| r[i] == b'(' && r.get(i + 1) != Some(&b'?') && (i == 0 || r[i - 1] != b'\\'));
            assert!(!capturing, "{p:?} has a capture group");
        }
    }

    #[test]
    fn an_empty_interval_is_no_value() {
        let c = ctx("2025-07-22");
        assert_eq!(
            normalize(Placeholder::Count, "less than 0", &c),
            Err(NormalizeError::NoValue)
        );
        assert_eq!(
            normalize(Placeholder::Duration, "under 0 days", &c),
            Err(NormalizeError::NoValue)
        );
    }

    #[test]
    fn odd_input_never_panics() {
        let c = ctx("2025-07-22");
        for t in [
            "é",
            "½½",
            "-",
            "—5",
            "1,",
            ",5",
            ".",
            "..5",
            "1.2.3.4",
            "99999999999999999999999 million",
            "1e999",
            "a",
            "an hour and",
            "and a half",
            "half",
            "point",
            "one point",
            "the",
            "of an hour",
            "3/0/2025",
            "13/13/2013",
            "0/0",
            "2025-13-40",
            "Feb 30",
            "the 31st of this month",
            "in 99999999 days",
            "99999 years ago",
            "within 1e300 days",
            "the past 99999 years",
            "Q9 2025",
            "H3 2025",
            "twentyfirst",
            "between and",
            "from to",
            "tens",
            "the '00s",
            "the 9999s",
            "nineteen",
            "jan twenty one two thousand",
        ] {
            for p in Placeholder::ALL {
                let _ = normalize(p, t, &c);
                let _ = normalize(
                    p,
                    t,
                    &Context {
                        lang: Lang::En,
                        ..Context::default()
                    },
                );
            }
        }
    }
}
