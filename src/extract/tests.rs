//! Unit tests of the extract stage.

use super::*;
use crate::rules::Tolerance;
use crate::value::Interval;

#[test]
fn a_relative_day_in_a_quotation_is_not_read_against_the_publication() {
    let text = "He said: \"Tomorrow there will be news.\" The talks are on Wednesday.";
    let at = text.find("Tomorrow").unwrap();
    assert!(quoted_relative_day(text, at, "Tomorrow", Some(Placeholder::Date)).is_some());
    let at = text.find("Wednesday").unwrap();
    assert!(quoted_relative_day(text, at, "Wednesday", Some(Placeholder::Date)).is_none());
    let text = "« Demain, nous parlerons », a dit le ministre. Demain, les délégations arrivent.";
    assert!(quoted_relative_day(text, text.find("Demain").unwrap(), "Demain", Some(Placeholder::Date)).is_some());
    assert!(quoted_relative_day(text, text.rfind("Demain").unwrap(), "Demain", Some(Placeholder::Date)).is_none());
}

#[test]
fn a_weekday_named_with_a_part_of_the_day_is_the_last_one_up_to_publication() {
    let d = |s: &str| s.parse::<Date>().unwrap();
    // 2025-07-23 is a Wednesday.
    assert_eq!(last_weekday(d("2025-07-23"), 0), d("2025-07-21"));
    assert_eq!(last_weekday(d("2025-07-23"), 2), d("2025-07-23"));
    assert_eq!(last_weekday(d("2025-07-23"), 3), d("2025-07-17"));
}

#[test]
fn the_sentence_around_a_match_stops_at_sentence_ends() {
    let text = "Avant. Il a annoncé lundi la réunion. Après.";
    let start = text.find("lundi").unwrap();
    assert_eq!(
        sentence_around(text, start, start + 5),
        " Il a annoncé lundi la réunion"
    );
}

#[test]
fn packing_moves_a_batch_into_one_buffer_and_keeps_every_string() {
    // A document's extraction as extract_document leaves it: its strings
    // in a buffer of its own.
    let extraction = |path: &str, title: Option<&str>, outlet: &str, quotes: &[&str]| {
        let (mut text, path, title) = Source::start_text(path, title, 0);
        let ranges: Vec<TextRange> = quotes.iter().map(|q| push(&mut text, q)).collect();
        let source = Arc::new(Source {
            text: text.into(),
            path,
            title,
            outlet: outlet.into(),
            published: None,
            lang: "fr".into(),
        });
        let claims = ranges
            .into_iter()
            .map(|quote| Claim {
                rule: Arc::new(RuleTag {
                    id: "r".into(),
                    tolerance: Tolerance::Absolute(0.0),
                    subject: "s".into(),
                    ..Default::default()
                }),
                source: source.clone(),
                value: Value {
                    kind: Kind::Number,
                    interval: Interval::Range(crate::value::Range::exact(1.0)),
                    unit: None,
                },
                span: Span::default(),
                value_span: Span::default(),
                quote,
                resolved_from: None,
                context: Default::default(),
            })
            .collect();
        Extraction {
            claims,
            warnings: Vec::new(),
            source,
        }
    };
    let mut a = extraction("f.jsonl", Some("Titre A"), "AFP", &["426 drones", "24 missiles"]);
    let mut b = extraction("f.jsonl", None, "AFP", &[]);
    let mut c = extraction("g.md", Some("Titre C"), "Le Monde", &["50 jours"]);
    let before: Vec<Source> = [&a, &b, &c].iter().map(|e| (*e.source).clone()).collect();
    pack(&mut [&mut a, &mut b, &mut c]);
    let after: Vec<Source> = [&a, &b, &c].iter().map(|e| (*e.source).clone()).collect();
    assert_eq!(after, before);
    assert_eq!(a.source.title(), Some("Titre A"));
    assert_eq!(b.source.title(), None);
    assert!([&b, &c].iter().all(|e| Arc::ptr_eq(&e.source.text, &a.source.text)));
    // The two records of one file share its path.
    assert_eq!(a.source.path, b.source.path);
    let quotes: Vec<&str> = a.claims.iter().chain(&c.claims).map(Claim::quote).collect();
    assert_eq!(quotes, ["426 drones", "24 missiles", "50 jours"]);
    assert!(a.claims.iter().all(|claim| Arc::ptr_eq(&claim.source, &a.source)));
    assert!(Arc::ptr_eq(&c.claims[0].source, &c.source));
}

fn pattern(source: &str) -> crate::rules::Pattern {
    let sources = vec![(
        "t.yaml".to_string(),
        format!(
            "rules:\n  - id: t\n    description: d\n    subject: s\n    kind: number\n    patterns: [\"{source}\"]\n"
        ),
    )];
    let set = crate::rules::load_sources(sources).expect("valid rule");
    set.rules[0].patterns[0].clone()
}

#[test]
fn fast_matching_finds_exactly_what_the_exact_pattern_finds() {
    let p = pattern("{count} (?:morts?|blessés)");
    let text = "Aucun mort. Au moins un mort et neuf blessés ; aucun blessé, mais deux morts. é1 mort";
    let exact: Vec<(usize, usize)> = p
        .regex()
        .expect("compiles")
        .find_iter(text)
        .map(|m| (m.start(), m.end()))
        .collect();
    let mut cache = PatternCache::new(&p);
    let fast: Vec<(usize, usize)> = matches(&p, text, &mut cache, &mut ExactCache::default())
        .iter()
        .map(|c| c.get_match().unwrap())
        .map(|m| (m.start(), m.end()))
        .collect();
    assert_eq!(fast, exact);
    assert!(!exact.is_empty());
    // "Aucun mort": `un` inside `Aucun` is not a count, word boundaries hold.
    assert!(!exact.iter().any(|(s, _)| *s < 10));
}

#[test]
fn text_values_fold_case_spaces_and_apostrophes() {
    assert_eq!(fold_text("  Palais  Ciragan d’Istanbul "), "palais ciragan d'istanbul");
}

/// A hedge said after a count and its unit is read as if before it; one
/// that goes on to a verb says something else, and a day is no count.
#[test]
fn a_hedge_after_the_count_is_read_with_it() {
    use crate::french::Placeholder;
    let words = |text: &str, value: &str, end_after: &str, placeholder: Placeholder, lang: Lang| {
        let start = text.find(value).unwrap();
        let end = text.find(end_after).unwrap() + end_after.len();
        super::read::value_words(
            text,
            start..start + value.len(),
            None,
            None,
            (end, Some(placeholder)),
            lang,
        )
        .into_owned()
    };
    let count = Placeholder::Count;
    assert_eq!(
        words("killing two people at least.", "two", "two", count, Lang::En),
        "at least two"
    );
    assert_eq!(
        words(
            "killing two people at the very least according to officials",
            "two",
            "two",
            count,
            Lang::En
        ),
        "at least two"
    );
    assert_eq!(
        words("deux morts au moins, selon", "deux", "morts", count, Lang::Fr),
        "au moins deux"
    );
    assert_eq!(
        words(
            "douze jours au plus.",
            "douze jours",
            "jours",
            Placeholder::Duration,
            Lang::Fr
        ),
        "au plus douze jours"
    );
    assert_eq!(
        words("mille prisonniers environ.", "mille", "prisonniers", count, Lang::Fr),
        "environ mille"
    );
    assert_eq!(
        words(
            "The two earlier rounds at least brought people home",
            "two",
            "rounds",
            count,
            Lang::En
        ),
        "two"
    );
    assert_eq!(
        words(
            "le 23 juillet au plus tard",
            "23 juillet",
            "juillet",
            Placeholder::Date,
            Lang::Fr
        ),
        "23 juillet"
    );
    assert_eq!(
        words(
            "dix jours au plus tard",
            "dix jours",
            "jours",
            Placeholder::Duration,
            Lang::Fr
        ),
        "dix jours"
    );
}

/// A correction note names the figure it puts right and the one it
/// withdraws; a line without a word of correction names none.
#[test]
fn a_correction_note_names_the_right_figure_and_the_withdrawn_one() {
    let set = RuleSet::new(Vec::new()).unwrap();
    let mut scratch = Scratch::new(&set);
    let mut read = |text: &str, lang: Lang| corrections_in(text, &set, lang, &mut scratch);
    assert_eq!(
        read(
            "(Corrige le nombre de drones : 426, et non 246 comme indiqué par erreur)",
            Lang::Fr
        ),
        [(426.0, 246.0, None)]
    );
    assert_eq!(
        read("(Corrige le délai : cinquante jours, et non soixante)", Lang::Fr),
        [(50.0, 60.0, Some("jours".to_string()))]
    );
    assert_eq!(
        read(
            "(Corrects number of missiles in paragraph 2 of UPDATE 2 to 24, not 42 as sent)",
            Lang::En
        ),
        [(24.0, 42.0, None)]
    );
    assert!(read("Russia fired 426 drones, not 246 as some feared.", Lang::En).is_empty());
    assert_eq!(
        read(
            "Fact-check: it's 426 drones, not 462; you've transposed the digits.",
            Lang::En
        ),
        [(426.0, 462.0, Some("drones".to_string()))]
    );
    assert!(read("The amendment gives 60 days, not 90.", Lang::En).is_empty());
    assert_eq!(
        read("Erratum: 2.5 million, not 25 million.", Lang::En),
        [(2_500_000.0, 25_000_000.0, Some("million".to_string()))]
    );
}

/// A figure told as it stands later ("has since risen to five") holds as
/// of its article's day, not the night the sentence before names.
#[test]
fn a_figure_told_later_is_not_the_nights() {
    assert!(super::told_later("The toll has since risen to five dead."));
    assert!(super::told_later("Le bilan s'est depuis alourdi à cinq morts."));
    assert!(!super::told_later("In Kyiv, two people died."));
}

#[test]
fn a_dateline_without_a_year_is_put_in_the_year_near_the_period() {
    let d = |s: &str| -> Date { s.parse().unwrap() };
    let near = super::read::near_period;
    assert_eq!(near(7, 22, d("2025-07-22"), d("2025-07-26")), Some(d("2025-07-22")));
    // Within 45 days after the period, not beyond.
    assert_eq!(near(8, 30, d("2025-07-22"), d("2025-07-26")), Some(d("2025-08-30")));
    assert_eq!(near(10, 1, d("2025-07-22"), d("2025-07-26")), None);
    // Across New Year: the year before or after the period's.
    assert_eq!(near(12, 28, d("2026-01-05"), d("2026-01-09")), Some(d("2025-12-28")));
    assert_eq!(near(1, 10, d("2024-12-01"), d("2024-12-31")), Some(d("2025-01-10")));
}
