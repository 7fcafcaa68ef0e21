//! The French date reader, phrase by phrase.

use super::*;
use crate::french::fold;
use crate::value::{date_from_day_number, day_number};
use jiff::civil::Date;

fn on(published: &str, text: &str) -> (String, String) {
    on_around(published, text, "")
}

fn on_around(published: &str, text: &str, around: &str) -> (String, String) {
    let ctx = Context {
        published: Some(published.parse().unwrap()),
        around,
        lang: Default::default(),
    };
    let r = date(&fold(text), &ctx).unwrap_or_else(|e| panic!("{text:?}: {e:?}"));
    let show = |n: f64| date_from_day_number(n as i32).unwrap().to_string();
    (show(r.lo), show(r.hi))
}

fn day(published: &str, text: &str) -> String {
    let (a, b) = on(published, text);
    assert_eq!(a, b, "{text:?} is not one day");
    a
}

#[test]
fn bare_weekday_is_the_nearest_occurrence() {
    // 2025-07-22 is a Tuesday.
    assert_eq!(day("2025-07-22", "mercredi"), "2025-07-23");
    assert_eq!(day("2025-07-22", "jeudi"), "2025-07-24");
    assert_eq!(day("2025-07-22", "lundi"), "2025-07-21");
    assert_eq!(day("2025-07-22", "mardi"), "2025-07-22");
    assert_eq!(day("2025-07-22", "dimanche"), "2025-07-20");
    assert_eq!(day("2025-07-22", "ce mercredi"), "2025-07-23");
}

#[test]
fn a_weekday_beside_a_day_named_with_its_month_is_that_day() {
    // A timeline's line in an article of 30 July: the Saturday is 19 July.
    let r = on_around(
        "2025-07-30",
        "samedi",
        "19 juillet – Dans son allocution du samedi soir, il propose",
    );
    assert_eq!(r.0, "2025-07-19");
    // A day of another weekday says nothing: the nearest Saturday.
    let r = on_around(
        "2025-07-30",
        "samedi",
        "Le 21 juillet, il rappelait sa proposition de samedi",
    );
    assert_eq!(r.0, "2025-08-02");
    // Two such days: none is chosen.
    let r = on_around("2025-07-30", "samedi", "Entre le 19 juillet et le 26 juillet, samedi");
    assert_eq!(r.0, "2025-08-02");
    // Two days named, one of them a Monday (2 June): the sentence recalls
    // them, and its Monday is the article's.
    let r = on_around(
        "2025-07-23",
        "lundi soir",
        "Annoncée lundi soir, la rencontre suit celles du 16 mai et du 2 juin",
    );
    assert_eq!(r.0, "2025-07-21");
}

#[test]
fn tense_decides_between_equally_near_weekdays() {
    // From Tuesday, Friday is 3 days ahead and Saturday 4 days back… and
    // Saturday 4 ahead / 3 back.
    let r = on_around("2025-07-22", "vendredi", "Le sommet se tiendra vendredi");
    assert_eq!(r.0, "2025-07-25");
    let r = on_around("2025-07-22", "vendredi", "Le ministre a annoncé vendredi que");
    assert_eq!(r.0, "2025-07-18");
    let r = on_around("2025-07-22", "samedi", "La manifestation sera organisée samedi");
    assert_eq!(r.0, "2025-07-26");
    let r = on_around("2025-07-22", "samedi", "");
    assert_eq!(r.0, "2025-07-19");
    // Tense does not overturn a clearly nearer day.
    let r = on_around("2025-07-22", "mercredi", "Il a annoncé mercredi");
    assert_eq!(r.0, "2025-07-23");
}

#[test]
fn prochain_and_dernier_are_strict() {
    assert_eq!(day("2025-07-21", "mercredi prochain"), "2025-07-23");
    assert_eq!(day("2025-07-22", "mardi prochain"), "2025-07-29");
    assert_eq!(day("2025-07-22", "mardi dernier"), "2025-07-15");
    assert_eq!(day("2025-07-22", "mercredi dernier"), "2025-07-16");
}

#[test]
fn weekday_in_a_named_week() {
    assert_eq!(day("2016-11-07", "vendredi de la semaine prochaine"), "2016-11-18");
    assert_eq!(day("2016-11-07", "dimanche de la semaine dernière"), "2016-11-06");
    assert_eq!(day("2016-11-07", "vendredi cette semaine"), "2016-11-11");
}

#[test]
fn time_of_day_is_dropped() {
    assert_eq!(day("2025-07-22", "lundi soir"), "2025-07-21");
    assert_eq!(day("2025-07-22", "mardi matin"), "2025-07-22");
    assert_eq!(day("2025-07-22", "hier soir"), "2025-07-21");
    assert_eq!(day("2013-02-12", "le 2 mars à 5h"), "2013-03-02");
}

#[test]
fn night_spans_cover_both_days() {
    assert_eq!(
        on("2025-07-22", "dans la nuit de dimanche à lundi"),
        ("2025-07-20".into(), "2025-07-21".into())
    );
    assert_eq!(
        on("2025-07-22", "la nuit du 20 au 21 juillet"),
        ("2025-07-20".into(), "2025-07-21".into())
    );
}

#[test]
fn absolute_dates_with_and_without_year() {
    assert_eq!(day("2025-07-22", "le 2 juin 2025"), "2025-06-02");
    assert_eq!(day("2025-07-22", "1er août"), "2025-08-01");
    assert_eq!(day("2025-07-22", "lundi 21 juillet"), "2025-07-21");
    assert_eq!(day("2025-07-22", "le 2 février"), "2025-02-02");
    assert_eq!(day("2025-12-20", "le 5 janvier"), "2026-01-05");
    // The weekday picks the year: 21 July was a Monday in 2025 and 2026 has a Tuesday.
    assert_eq!(day("2025-12-30", "mardi 21 juillet"), "2026-07-21");
    assert_eq!(day("2016-11-07", "Lundi 12 Janvier, 2016"), "2016-01-12");
    let ctx = Context::default();
    assert_eq!(
        date(&fold("le 2 juin 2025"), &ctx),
        Ok(Range::exact(day_number(Date::constant(2025, 6, 2)) as f64))
    );
}

#[test]
fn relative_days() {
    assert_eq!(day("2025-07-22", "hier"), "2025-07-21");
    assert_eq!(day("2025-07-22", "aujourd’hui"), "2025-07-22");
    assert_eq!(day("2025-07-22", "demain"), "2025-07-23");
    assert_eq!(day("2025-07-22", "avant-hier"), "2025-07-20");
    assert_eq!(day("2025-07-22", "après-demain"), "2025-07-24");
    assert_eq!(day("2016-11-07", "il y a deux ans"), "2014-11-07");
    assert_eq!(day("2016-11-07", "dans trois jours"), "2016-11-10");
}

#[test]
fn months_and_parts_of_months() {
    let p = "2025-07-22";
    assert_eq!(on(p, "en mai"), ("2025-05-01".into(), "2025-05-31".into()));
    assert_eq!(on(p, "fin juin"), ("2025-06-21".into(), "2025-06-30".into()));
    assert_eq!(on(p, "mi-juillet"), ("2025-07-11".into(), "2025-07-20".into()));
    assert_eq!(on(p, "début mai"), ("2025-05-01".into(), "2025-05-10".into()));
    assert_eq!(on(p, "en juin dernier"), ("2025-06-01".into(), "2025-06-30".into()));
    assert_eq!(on(p, "en juillet dernier"), ("2024-07-01".into(), "2024-07-31".into()));
    assert_eq!(on(p, "en mars prochain"), ("2026-03-01".into(), "2026-03-31".into()));
    assert_eq!(on(p, "en mai 2023"), ("2023-05-01".into(), "2023-05-31".into()));
    assert_eq!(on(p, "fin du mois de mars"), ("2025-03-21".into(), "2025-03-31".into()));
}

#[test]
fn years_and_parts_of_years() {
    let p = "2025-07-22";
    assert_eq!(on(p, "en 2022"), ("2022-01-01".into(), "2022-12-31".into()));
    assert_eq!(on(p, "début 2022"), ("2022-01-01".into(), "2022-04-30".into()));
    assert_eq!(on(p, "mi-2022"), ("2022-05-01".into(), "2022-08-31".into()));
    assert_eq!(on(p, "fin 2022"), ("2022-09-01".into(), "2022-12-31".into()));
    assert_eq!(on(p, "les années 70"), ("1970-01-01".into(), "1979-12-31".into()));
}

#[test]
fn weeks_months_years_relative_to_publication() {
    let p = "2025-07-22";
    assert_eq!(on(p, "cette semaine"), ("2025-07-21".into(), "2025-07-27".into()));
    assert_eq!(
        on(p, "la semaine prochaine"),
        ("2025-07-28".into(), "2025-08-03".into())
    );
    assert_eq!(on(p, "la semaine dernière"), ("2025-07-14".into(), "2025-07-20".into()));
    assert_eq!(on(p, "le mois dernier"), ("2025-06-01".into(), "2025-06-30".into()));
    assert_eq!(on(p, "l'an prochain"), ("2026-01-01".into(), "2026-12-31".into()));
    assert_eq!(on(p, "ce week-end"), ("2025-07-19".into(), "2025-07-20".into()));
    assert_eq!(
        on("2025-07-24", "ce week-end"),
        ("2025-07-26".into(), "2025-07-27".into())
    );
}

#[test]
fn numeric_dates_day_first() {
    let p = "2016-11-07";
    assert_eq!(day(p, "21/04/2016"), "2016-04-21");
    assert_eq!(day(p, "21/04/16"), "2016-04-21");
    assert_eq!(day(p, "2015-08-12"), "2015-08-12");
    assert_eq!(day(p, "02/22/2016"), "2016-02-22");
    assert_eq!(day(p, "22/04"), "2017-04-22");
    assert_eq!(on(p, "2016-11"), ("2016-11-01".into(), "2016-11-30".into()));
}

/// A cable's day glued to its month's capitals (folded here), with two
/// figures of its year or none, alone or as a night's two days.
#[test]
fn compact_cable_dates() {
    let p = "2025-07-22";
    assert_eq!(day(p, "21JUL25"), "2025-07-21");
    assert_eq!(day(p, "le 19JUL"), "2025-07-19");
    assert_eq!(on(p, "8-9JUL"), ("2025-07-08".into(), "2025-07-09".into()));
    assert_eq!(
        on(p, "la nuit du 20 au 21JUL"),
        ("2025-07-20".into(), "2025-07-21".into())
    );
    assert_eq!(day(p, "14JUL24"), "2024-07-14");
}

#[test]
fn day_ranges() {
    let p = "2013-02-12";
    assert_eq!(on(p, "du 13 au 15 juillet"), ("2013-07-13".into(), "2013-07-15".into()));
    assert_eq!(on(p, "13-15 juillet"), ("2013-07-13".into(), "2013-07-15".into()));
    assert_eq!(
        on(p, "entre le 13 et le 15 juillet"),
        ("2013-07-13".into(), "2013-07-15".into())
    );
    assert_eq!(
        on(p, "du 10 juin au 1er juillet"),
        ("2013-06-10".into(), "2013-07-01".into())
    );
    // The month as a number after a slash: a night's two days.
    assert_eq!(on(p, "du 20 au 21/07"), ("2013-07-20".into(), "2013-07-21".into()));
    assert_eq!(on(p, "20-21/07/2025"), ("2025-07-20".into(), "2025-07-21".into()));
    assert_eq!(on(p, "du 30 au 2/08"), ("2013-07-30".into(), "2013-08-02".into()));
}

#[test]
fn relative_dates_need_a_publication_date() {
    let ctx = Context::default();
    for t in [
        "mercredi",
        "hier",
        "le 2 juin",
        "en mai",
        "la semaine prochaine",
        "22/04",
        "le 16",
    ] {
        assert!(
            matches!(date(&fold(t), &ctx), Err(NormalizeError::Unresolved(_))),
            "{t}"
        );
    }
}

#[test]
fn seasons_nearest_last_next_and_year() {
    // Published 2013-02-12, in winter.
    let p = "2013-02-12";
    assert_eq!(on(p, "cet été"), ("2013-06-01".into(), "2013-09-23".into()));
    assert_eq!(on(p, "cet hiver"), ("2012-12-01".into(), "2013-03-21".into()));
    assert_eq!(on(p, "l'hiver dernier"), ("2011-12-01".into(), "2012-03-21".into()));
    assert_eq!(on(p, "l'été dernier"), ("2012-06-01".into(), "2012-09-23".into()));
    assert_eq!(
        on(p, "au printemps prochain"),
        ("2013-03-01".into(), "2013-06-21".into())
    );
    assert_eq!(on(p, "au printemps 2024"), ("2024-03-01".into(), "2024-06-21".into()));
    assert_eq!(on(p, "à l'automne"), ("2012-09-01".into(), "2012-12-22".into()));
    assert_eq!(on(p, "l'hiver 2022-2023"), ("2022-12-01".into(), "2023-03-21".into()));
    // Either the winter that ends in 2022 or the one that starts in it.
    assert_eq!(on(p, "l'hiver 2022"), ("2021-12-01".into(), "2023-03-21".into()));
    // Published in October, `cet été` is the one just past.
    assert_eq!(on("2025-10-15", "cet été"), ("2025-06-01".into(), "2025-09-23".into()));
}

#[test]
fn fixed_holidays_take_the_nearest_year() {
    assert_eq!(day("2025-12-01", "Noël"), "2025-12-25");
    assert_eq!(day("2026-02-01", "Noël"), "2025-12-25");
    assert_eq!(day("2025-07-22", "la Toussaint"), "2025-11-01");
    assert_eq!(day("2025-07-22", "le jour de la Toussaint"), "2025-11-01");
    assert_eq!(day("2025-07-22", "le jour de l'an"), "2026-01-01");
    assert_eq!(day("2025-07-22", "la fête du Travail"), "2025-05-01");
    assert_eq!(day("2025-07-22", "la Saint-Sylvestre"), "2025-12-31");
    assert_eq!(day("2025-07-22", "Noël 2022"), "2022-12-25");
    assert_eq!(
        on("2025-12-01", "le soir de Noël"),
        ("2025-12-24".into(), "2025-12-25".into())
    );
    assert_eq!(day("2025-12-01", "la veille de Noël"), "2025-12-24");
    assert_eq!(day("2025-12-01", "le lendemain de Noël"), "2025-12-26");
}

#[test]
fn another_calendars_holiday_and_anaphoric_days_are_no_date() {
    let ctx = Context {
        published: Some(Date::constant(2025, 1, 20)),
        around: "",
        lang: Default::default(),
    };
    for t in [
        "le Nouvel An chinois",
        "le Noël orthodoxe",
        "ce jour-là",
        "cette semaine-là",
        "au printemps arabe",
        "les derniers jours de juin",
        "les trois dernières semaines de la campagne",
    ] {
        assert_eq!(date(&fold(t), &ctx), Err(NormalizeError::NoValue), "{t}");
    }
}

#[test]
fn ranks_in_a_month_or_a_year() {
    let p = "2013-02-12";
    assert_eq!(day(p, "premier mercredi du mois prochain"), "2013-03-06");
    assert_eq!(day(p, "le dernier jour d'octobre 2015"), "2015-10-31");
    assert_eq!(day(p, "le dernier vendredi de février"), "2013-02-22");
    assert_eq!(day(p, "le deuxième lundi de mars"), "2013-03-11");
    assert_eq!(day(p, "le premier jour de l'année"), "2013-01-01");
    // The first seven days and the first Monday–Sunday week that starts in the month.
    assert_eq!(
        on(p, "la première semaine d'octobre 2014"),
        ("2014-10-01".into(), "2014-10-12".into())
    );
    assert_eq!(
        on(p, "la dernière semaine de septembre 2014"),
        ("2014-09-22".into(), "2014-09-30".into())
    );
    assert_eq!(
        on(p, "le premier week-end de mars"),
        ("2013-03-02".into(), "2013-03-03".into())
    );
    assert_eq!(
        on(p, "la deuxième quinzaine d'avril"),
        ("2013-04-15".into(), "2013-04-30".into())
    );
    assert_eq!(
        on(p, "au troisième trimestre 2016"),
        ("2016-07-01".into(), "2016-09-30".into())
    );
    // The nearest fourth quarter: the one just past.
    assert_eq!(
        on(p, "au dernier trimestre"),
        ("2012-10-01".into(), "2012-12-31".into())
    );
    assert!(date(&fold("le cinquième lundi de février"), &ctx_on(p)).is_err());
}

fn ctx_on(published: &str) -> Context<'static> {
    Context {
        published: Some(published.parse().unwrap()),
        around: "",
        lang: Default::default(),
    }
}

#[test]
fn parts_of_weeks_months_and_years() {
    // Tuesday 2013-02-12.
    let p = "2013-02-12";
    assert_eq!(on(p, "en début de semaine"), ("2013-02-11".into(), "2013-02-13".into()));
    assert_eq!(
        on(p, "au milieu de la semaine"),
        ("2013-02-12".into(), "2013-02-14".into())
    );
    assert_eq!(on(p, "en fin de semaine"), ("2013-02-14".into(), "2013-02-17".into()));
    assert_eq!(
        on(p, "en fin de semaine prochaine"),
        ("2013-02-21".into(), "2013-02-24".into())
    );
    assert_eq!(on(p, "en fin de mois"), ("2013-02-21".into(), "2013-02-28".into()));
    assert_eq!(
        on(p, "au début du mois prochain"),
        ("2013-03-01".into(), "2013-03-10".into())
    );
    assert_eq!(on(p, "à la fin de l'année"), ("2013-09-01".into(), "2013-12-31".into()));
    assert_eq!(
        on(p, "au début de l'année dernière"),
        ("2012-01-01".into(), "2012-04-30".into())
    );
    assert_eq!(on(p, "dans la semaine"), ("2013-02-11".into(), "2013-02-17".into()));
}

#[test]
fn spans_back_and_forth_from_the_publication() {
    // Tuesday 2013-02-12: from the first unit's start to the publication day.
    let p = "2013-02-12";
    assert_eq!(
        on(p, "les 3 derniers jours"),
        ("2013-02-09".into(), "2013-02-12".into())
    );
    assert_eq!(
        on(p, "les 3 prochains jours"),
        ("2013-02-12".into(), "2013-02-15".into())
    );
    assert_eq!(
        on(p, "les deux dernières semaines"),
        ("2013-01-28".into(), "2013-02-12".into())
    );
    assert_eq!(
        on(p, "les 3 prochains mois"),
        ("2013-02-12".into(), "2013-05-31".into())
    );
    assert_eq!(
        on(p, "les 24 dernières heures"),
        ("2013-02-11".into(), "2013-02-12".into())
    );
    // No count: a few, up to ten.
    assert_eq!(on(p, "ces derniers jours"), ("2013-02-02".into(), "2013-02-12".into()));
    assert_eq!(on(p, "dans les 15 jours"), ("2013-02-12".into(), "2013-02-27".into()));
    assert_eq!(on(p, "d'ici deux semaines"), ("2013-02-12".into(), "2013-02-26".into()));
    assert_eq!(on(p, "d'ici trois mois"), ("2013-02-12".into(), "2013-05-12".into()));
}

#[test]
fn layers_around_a_day() {
    let p = "2013-02-12";
    assert_eq!(day(p, "à trois heures et quart demain après-midi"), "2013-02-13");
    assert_eq!(day(p, "de 9h30 à 11h jeudi"), "2013-02-14");
    assert_eq!(day(p, "jeudi de 9h à 11h"), "2013-02-14");
    assert_eq!(day(p, "le 16 vers 6h dans la soirée"), "2013-02-16");
    assert_eq!(day(p, "aujourd'hui très tôt le matin"), "2013-02-12");
    assert_eq!(day(p, "matinée du 15 février"), "2013-02-15");
    assert_eq!(day(p, "le lendemain du 13 février"), "2013-02-14");
    assert_eq!(
        on(p, "la nuit du 14 juillet"),
        ("2013-07-14".into(), "2013-07-15".into())
    );
    assert_eq!(
        on(p, "la semaine du 18 février"),
        ("2013-02-18".into(), "2013-02-24".into())
    );
    assert_eq!(day(p, "lundi en huit"), "2013-02-25");
    assert_eq!(day(p, "mardi en quinze"), "2013-02-26");
    assert_eq!(on(p, "de lundi à mercredi"), ("2013-02-11".into(), "2013-02-13".into()));
    assert_eq!(day(p, "le 14-Juillet"), "2013-07-14");
}

#[test]
fn a_weekday_and_a_day_without_a_month_fit_each_other_even_months_back() {
    // Read in April 2026, « le lundi 21 » is no 21 March (a Saturday) but
    // the last Monday 21st gone by: 21 July 2025.
    assert_eq!(day("2026-04-02", "le lundi 21"), "2025-07-21");
    // A day that fits one of the three nearest months keeps it.
    assert_eq!(day("2025-08-20", "mercredi 13"), "2025-08-13");
    // Without a weekday, the nearest month's day.
    assert_eq!(day("2026-04-02", "le 21"), "2026-03-21");
}
