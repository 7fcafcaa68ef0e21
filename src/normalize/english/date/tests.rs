//! The English date reader, phrase by phrase.

use super::*;
use crate::language::Lang;

fn ctx_around<'a>(published: &str, around: &'a str) -> Context<'a> {
    Context {
        published: Some(published.parse().unwrap()),
        around,
        lang: Lang::En,
    }
}

fn on_around(published: &str, text: &str, around: &str) -> (String, String) {
    let r = date(&fold(text), &ctx_around(published, around)).unwrap_or_else(|e| panic!("{text:?}: {e:?}"));
    let show = |n: f64| date_from_day_number(n as i32).unwrap().to_string();
    (show(r.lo), show(r.hi))
}

fn on(published: &str, text: &str) -> (String, String) {
    on_around(published, text, "")
}

fn day(published: &str, text: &str) -> String {
    let (a, b) = on(published, text);
    assert_eq!(a, b, "{text:?} is not one day");
    a
}

/// A cable's day glued to its month's capitals, as in French.
#[test]
fn compact_cable_dates() {
    let p = "2025-07-22";
    assert_eq!(day(p, "19JUL25"), "2025-07-19");
    assert_eq!(
        on(p, "the night of 20-21JUL"),
        ("2025-07-20".into(), "2025-07-21".into())
    );
    assert_eq!(on(p, "08-09JUL25"), ("2025-07-08".into(), "2025-07-09".into()));
}

// 2025-07-22 is a Tuesday.
const P: &str = "2025-07-22";

/// A past sentence's weekday lies back, even five days back; not
/// tomorrow's, nor a plan told in the past.
#[test]
fn a_past_sentence_dates_its_weekday_back() {
    let around = |published: &str, text: &str, sentence: &str| on_around(published, text, sentence).0;
    // 2025-07-26 is a Saturday, 2025-07-24 a Thursday.
    let fired = "Russia fired 426 drones at Ukraine overnight into Monday";
    assert_eq!(around("2025-07-26", "Monday", fired), "2025-07-21");
    let told = "On Saturday evening, Zelensky told Ukrainians he had put a new meeting on the table";
    assert_eq!(around("2025-07-24", "on Saturday", told), "2025-07-19");
    let plan = "Zelensky said the talks would be held on Saturday";
    assert_eq!(around("2025-07-24", "on Saturday", plan), "2025-07-26");
    let tomorrow = "Umerov said he had discussed a meeting on Wednesday";
    assert_eq!(around("2025-07-22", "on Wednesday", tomorrow), "2025-07-23");
    // Without a tense, the nearer day.
    assert_eq!(
        around("2025-07-24", "on Saturday", "Talks in Istanbul on Saturday"),
        "2025-07-26"
    );
}

#[test]
fn weekdays_nearest_next_last_and_weeks() {
    assert_eq!(day(P, "Wednesday"), "2025-07-23");
    assert_eq!(day(P, "on Wednesday"), "2025-07-23");
    assert_eq!(day(P, "Monday"), "2025-07-21");
    assert_eq!(day(P, "Tuesday"), "2025-07-22");
    assert_eq!(day(P, "next Thursday"), "2025-07-24");
    assert_eq!(day(P, "next Tuesday"), "2025-07-29");
    assert_eq!(day(P, "last Monday"), "2025-07-21");
    assert_eq!(day(P, "last Tuesday"), "2025-07-15");
    assert_eq!(day(P, "this Friday"), "2025-07-25");
    assert_eq!(day(P, "Friday next week"), "2025-08-01");
    assert_eq!(day(P, "next week on Friday"), "2025-08-01");
    assert_eq!(day(P, "Sunday of last week"), "2025-07-20");
    assert_eq!(day(P, "Fri."), "2025-07-25");
}

#[test]
fn tense_decides_three_against_four_days() {
    assert_eq!(on_around(P, "Friday", "The summit will open on Friday").0, "2025-07-25");
    assert_eq!(
        on_around(P, "Friday", "The minister announced on Friday").0,
        "2025-07-18"
    );
    assert_eq!(on_around(P, "Saturday", "").0, "2025-07-19");
    assert_eq!(
        on_around(P, "Saturday", "The march is scheduled for Saturday").0,
        "2025-07-26"
    );
}

#[test]
fn days_and_months_in_both_orders() {
    assert_eq!(day(P, "July 23"), "2025-07-23");
    assert_eq!(day(P, "23 July 2025"), "2025-07-23");
    assert_eq!(day(P, "July 23, 2025"), "2025-07-23");
    assert_eq!(day(P, "Wednesday, July 23"), "2025-07-23");
    assert_eq!(day(P, "the 23rd of July"), "2025-07-23");
    assert_eq!(day(P, "Oct. 2"), "2025-10-02");
    assert_eq!(day(P, "May twenty-first"), "2025-05-21");
    assert_eq!(day(P, "second of Aug."), "2025-08-02");
    assert_eq!(day("2025-12-20", "January 5"), "2026-01-05");
    assert_eq!(
        day(P, "September the twenty-first nineteen seventy eight"),
        "1978-09-21"
    );
    assert_eq!(day(P, "jan twenty one two thousand and eighteen"), "2018-01-21");
    assert_eq!(on(P, "July 24-25"), ("2025-07-24".into(), "2025-07-25".into()));
    assert_eq!(on(P, "July 24 and 25"), ("2025-07-24".into(), "2025-07-25".into()));
    assert_eq!(on(P, "24-25 July"), ("2025-07-24".into(), "2025-07-25".into()));
    assert_eq!(on(P, "July 30 to August 2"), ("2025-07-30".into(), "2025-08-02".into()));
    assert_eq!(day("2017-09-27", "Thursday the 21st"), "2017-09-21");
    assert_eq!(day("2016-11-07", "on the 27th"), "2016-10-27");
    assert_eq!(day("2016-11-07", "the 20th of next month"), "2016-12-20");
}

#[test]
fn numeric_dates_month_first_or_both() {
    assert_eq!(day(P, "2025-07-23"), "2025-07-23");
    assert_eq!(day(P, "7/23/2025"), "2025-07-23");
    assert_eq!(day(P, "23/7/2025"), "2025-07-23");
    assert_eq!(day(P, "9-18-15"), "2015-09-18");
    assert_eq!(on(P, "3/7/2025"), ("2025-03-07".into(), "2025-07-03".into()));
    assert_eq!(day(P, "2019-sep-1"), "2019-09-01");
    assert!(date("4.22", &ctx_around(P, "")).is_err());
}

#[test]
fn relative_days_and_periods() {
    assert_eq!(day(P, "yesterday"), "2025-07-21");
    assert_eq!(day(P, "today"), "2025-07-22");
    assert_eq!(day(P, "tomorrow"), "2025-07-23");
    assert_eq!(day(P, "the day before yesterday"), "2025-07-20");
    assert_eq!(day(P, "the day after tomorrow"), "2025-07-24");
    // The evening before (Recognizers-Text: 20:00 to 23:59 the day before).
    assert_eq!(on(P, "last night"), ("2025-07-21".into(), "2025-07-21".into()));
    // An event tonight is this evening's: the day of publication.
    assert_eq!(on(P, "tonight"), ("2025-07-22".into(), "2025-07-22".into()));
    assert_eq!(on(P, "this week"), ("2025-07-21".into(), "2025-07-27".into()));
    assert_eq!(on(P, "next week"), ("2025-07-28".into(), "2025-08-03".into()));
    assert_eq!(on(P, "last month"), ("2025-06-01".into(), "2025-06-30".into()));
    assert_eq!(on(P, "next year"), ("2026-01-01".into(), "2026-12-31".into()));
    assert_eq!(on(P, "this weekend"), ("2025-07-19".into(), "2025-07-20".into()));
    assert_eq!(on(P, "earlier this month"), ("2025-07-01".into(), "2025-07-22".into()));
    assert_eq!(on(P, "later this year"), ("2025-07-22".into(), "2025-12-31".into()));
}

#[test]
fn times_of_day_are_dropped_and_nights_run_on() {
    assert_eq!(day(P, "Wednesday evening"), "2025-07-23");
    assert_eq!(day(P, "on Friday at 3pm"), "2025-07-25");
    assert_eq!(day(P, "at 10 a.m. on Thursday"), "2025-07-24");
    assert_eq!(day(P, "early Monday"), "2025-07-21");
    assert_eq!(on(P, "Tuesday night"), ("2025-07-22".into(), "2025-07-23".into()));
    // A night given by its two days runs over those two only.
    assert_eq!(
        on(P, "the night of 20 to 21 July"),
        ("2025-07-20".into(), "2025-07-21".into())
    );
    assert_eq!(
        on(P, "the night of July 20-21"),
        ("2025-07-20".into(), "2025-07-21".into())
    );
    assert_eq!(
        on(P, "July 20-21 overnight"),
        ("2025-07-20".into(), "2025-07-21".into())
    );
    assert_eq!(day(P, "the eve of July 14"), "2025-07-13");
    assert_eq!(on(P, "the week of July 9"), ("2025-07-07".into(), "2025-07-13".into()));
}

#[test]
fn months_parts_years_and_seasons() {
    assert_eq!(on(P, "in July"), ("2025-07-01".into(), "2025-07-31".into()));
    assert_eq!(on(P, "mid-July"), ("2025-07-11".into(), "2025-07-20".into()));
    assert_eq!(on(P, "early July"), ("2025-07-01".into(), "2025-07-10".into()));
    assert_eq!(on(P, "late June"), ("2025-06-21".into(), "2025-06-30".into()));
    assert_eq!(
        on(P, "the end of the month"),
        ("2025-07-21".into(), "2025-07-31".into())
    );
    assert_eq!(on(P, "last March"), ("2025-03-01".into(), "2025-03-31".into()));
    assert_eq!(on(P, "next July"), ("2026-07-01".into(), "2026-07-31".into()));
    assert_eq!(on(P, "July 2024"), ("2024-07-01".into(), "2024-07-31".into()));
    assert_eq!(on(P, "in 2022"), ("2022-01-01".into(), "2022-12-31".into()));
    assert_eq!(on(P, "early 2022"), ("2022-01-01".into(), "2022-04-30".into()));
    assert_eq!(on(P, "this summer"), ("2025-06-01".into(), "2025-09-23".into()));
    assert_eq!(on(P, "the 1990s"), ("1990-01-01".into(), "1999-12-31".into()));
    assert_eq!(day(P, "Christmas"), "2025-12-25");
    assert_eq!(day(P, "Christmas Eve 2024"), "2024-12-24");
    assert!(date("chinese new year", &ctx_around(P, "")).is_err());
    assert!(date("the arab spring", &ctx_around(P, "")).is_err());
}

#[test]
fn offsets_spans_and_ranks() {
    assert_eq!(day("2016-11-07", "two days ago"), "2016-11-05");
    assert_eq!(day("2016-11-07", "a month ago"), "2016-10-07");
    assert_eq!(day("2017-11-23", "1 month and 21 days ago"), "2017-10-02");
    assert_eq!(day("2017-11-23", "2 years 1 month 21 days ago"), "2015-10-02");
    assert_eq!(day("2018-07-05", "in 3 weeks"), "2018-07-26");
    assert_eq!(day("2018-04-20", "four days from yesterday"), "2018-04-23");
    assert_eq!(day("2018-05-31", "two days before yesterday"), "2018-05-28");
    assert_eq!(
        on("2013-02-12", "the past three days"),
        ("2013-02-09".into(), "2013-02-12".into())
    );
    assert_eq!(
        on("2013-02-12", "the next two weeks"),
        ("2013-02-12".into(), "2013-03-03".into())
    );
    assert_eq!(day("2016-11-07", "the first friday of july"), "2016-07-01");
    assert_eq!(day("2018-03-20", "the third Wednesday of previous month"), "2018-02-21");
    assert_eq!(
        on(P, "the third quarter of 2024"),
        ("2024-07-01".into(), "2024-09-30".into())
    );
    assert_eq!(on(P, "Q1 2025"), ("2025-01-01".into(), "2025-03-31".into()));
    assert_eq!(
        on(P, "the first half of July"),
        ("2025-07-01".into(), "2025-07-15".into())
    );
    assert!(date("the last days of june", &ctx_around(P, "")).is_err());
}

#[test]
fn relative_dates_need_a_publication_date() {
    let ctx = Context {
        lang: Lang::En,
        ..Context::default()
    };
    for t in [
        "wednesday",
        "yesterday",
        "july 23",
        "in may",
        "next week",
        "4/22",
        "on the 27th",
    ] {
        assert!(matches!(date(t, &ctx), Err(NormalizeError::Unresolved(_))), "{t}");
    }
    assert!(date("23 july 2025", &ctx).is_ok());
}
