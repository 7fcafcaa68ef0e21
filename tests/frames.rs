//! Frames on what sentence patterns could not read: an article without front
//! matter, a CMS timestamp, an undated article's weekday, the 28 July cut
//! of the deadline kept apart from the first deadline, and two values in
//! one sentence, each with its own words; a value two subjects read, and
//! two values of one subject in one sentence.

use serde_json::Value as Json;

mod common;
use common::{claims_in as claims, recoupe, text};

fn report(args: &[&str]) -> Json {
    let output = recoupe(args);
    assert!(matches!(output.status.code(), Some(0 | 1)), "{}", text(&output.stderr));
    serde_json::from_slice(&output.stdout).expect("a JSON report")
}

#[test]
fn an_article_without_front_matter_yields_its_fifty_days() {
    let path = "tests/fixtures/frames/no-front-matter.md";
    let report = report(&["check", path, "--format", "json"]);
    let found = claims(&report, path);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0]["subject"], "trump-deadline-to-russia-days");
    assert_eq!(found[0]["value"]["lo"], 50);
    assert_eq!(found[0]["value"]["hi"], 50);
    assert_eq!(found[0]["outlet"], "unknown");
}

#[test]
fn a_timestamp_dates_the_article_on_its_local_day() {
    let path = "tests/fixtures/frames/timestamp.md";
    let report = report(&["check", path, "--format", "json"]);
    let document = &report["documents"][0];
    assert_eq!(document["published"], "2025-07-22");
    assert_eq!(document["published_at"], "2025-07-22T09:30:00+02:00");
    let found = claims(&report, path);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0]["subject"], "istanbul-round-3-date");
    assert_eq!(found[0]["value"]["lo"], "2025-07-23");
    assert_eq!(found[0]["resolved_from"], "published");
}

#[test]
fn an_undated_wednesday_is_resolved_through_the_rules_period() {
    let path = "tests/fixtures/frames/undated-wednesday.md";
    let report = report(&["check", path, "--format", "json"]);
    assert_eq!(report["documents"][0]["published"], Json::Null);
    let found = claims(&report, path);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0]["subject"], "istanbul-round-3-date");
    assert_eq!(found[0]["value"]["lo"], "2025-07-23");
    assert_eq!(found[0]["value"]["hi"], "2025-07-23");
    assert_eq!(found[0]["resolved_from"], "rule_when");
    // The human report says how the day was found.
    let human = text(&recoupe(&["check", "corpus", "tests/fixtures/new/thursday.md", path]).stdout);
    assert!(
        human.contains("Wed 2025-07-23 (read within the rule's event period)"),
        "{human}"
    );
}

#[test]
fn the_deadline_cut_is_a_new_fact_not_a_contradiction_of_the_first_deadline() {
    let path = "tests/fixtures/frames/revision.md";
    let report = report(&["check", "corpus", path, "--format", "json"]);
    assert_eq!(
        subjects_and_values(&report, path),
        [
            ("trump-deadline-revised-days".into(), Json::from(10), Json::from(12)),
            ("trump-deadline-revised-days".into(), Json::from(12), Json::from(12)),
            ("trump-deadline-to-russia-days".into(), Json::from(50), Json::from(50)),
            ("trump-deadline-to-russia-days".into(), Json::from(50), Json::from(50)),
        ]
    );
    // The recalled 50 days agree with the corpus; the cut stands alone.
    for finding in report["findings"].as_array().unwrap() {
        assert_ne!(finding["status"], "contradiction", "{finding}");
    }
}

/// Each claim of `path`: its subject and interval, sorted.
fn subjects_and_values(report: &Json, path: &str) -> Vec<(String, Json, Json)> {
    let mut read: Vec<(String, Json, Json)> = claims(report, path)
        .iter()
        .map(|c| {
            (
                c["subject"].as_str().unwrap().to_string(),
                c["value"]["lo"].clone(),
                c["value"]["hi"].clone(),
            )
        })
        .collect();
    read.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.to_string().cmp(&b.1.to_string())));
    read
}

/// "three people dead and 12 wounded": `wounded` is the twelve's, so the
/// three is not read as a count of wounded (which would contradict the 12).
#[test]
fn a_word_past_another_value_is_that_values() {
    let path = "tests/fixtures/frames/two-tolls-one-sentence.md";
    let report = report(&["check", path, "--format", "json"]);
    assert_eq!(
        subjects_and_values(&report, path),
        [
            // "at least three": three or more.
            ("kyiv-strike-2025-07-21-dead".into(), Json::from(3), Json::Null),
            ("kyiv-strike-2025-07-21-injured".into(), Json::from(12), Json::from(12)),
        ]
    );
    for finding in report["findings"].as_array().unwrap() {
        assert_ne!(finding["status"], "contradiction", "{finding}");
    }
}

/// "between 10 and 12 days, down from the 50 days", "dix à douze jours, au
/// lieu des cinquante jours": the words that bring in the earlier deadline
/// mark the value after them, not the one before; "now had" is today's.
#[test]
fn the_new_deadline_said_first_is_not_read_as_the_first_deadline() {
    for path in [
        "tests/fixtures/frames/new-deadline-before-old.md",
        "tests/fixtures/frames/nouveau-delai-avant-l-ancien.md",
    ] {
        let report = report(&["check", path, "--format", "json"]);
        assert_eq!(
            subjects_and_values(&report, path),
            [
                ("trump-deadline-revised-days".into(), Json::from(10), Json::from(12)),
                ("trump-deadline-to-russia-days".into(), Json::from(50), Json::from(50)),
            ],
            "{path}"
        );
        for finding in report["findings"].as_array().unwrap() {
            assert_ne!(finding["status"], "contradiction", "{path}: {finding}");
        }
    }
}

/// A rule about one event (`when:`) leaves out a count whose sentence is
/// dated to another day: another strike's toll ("Le 17 juin, … 28 morts"),
/// another night's drones ("On July 9, … 728 drones").
#[test]
fn a_count_dated_to_another_day_is_another_events() {
    for (path, subject, value) in [
        (
            "tests/fixtures/frames/another-day-in-the-sentence.md",
            "kyiv-strike-2025-07-21-dead",
            2,
        ),
        (
            "tests/fixtures/frames/another-night-in-the-sentence.md",
            "night-attack-2025-07-21-drones",
            426,
        ),
    ] {
        let report = report(&["check", path, "--format", "json"]);
        assert_eq!(
            subjects_and_values(&report, path),
            [(subject.to_string(), Json::from(value), Json::from(value))],
            "{path}"
        );
    }
}

/// Two claims of one long sentence see it cut at different ends (a few
/// hundred bytes from each): each reads the days of its own cut. The dead
/// count, whose cut reaches "le 17 juin", is another event's; the injured
/// count, whose cut stops before it, is read. (The dates of the first cut
/// were once reused for the second, and sliced past its end: a panic.)
#[test]
fn two_claims_of_one_long_sentence_each_read_the_days_of_their_own_cut() {
    let path = "tests/fixtures/frames/long-sentence-two-tolls.md";
    let report = report(&["check", path, "--format", "json"]);
    assert_eq!(
        subjects_and_values(&report, path),
        [(
            "kyiv-strike-2025-07-21-injured".to_string(),
            Json::from(9),
            Json::from(9)
        )]
    );
}

#[test]
fn an_article_in_another_language_is_named_in_a_warning_not_misread() {
    // recoupe has no German grammar: a German `1.000` is not read with the
    // French one, and the warning says why nothing was read.
    let dir = common::Scratch::new("frames-german");
    std::fs::write(
        dir.0.join("de.md"),
        "---\noutlet: Agentur\nlang: de\n---\nIn Istanbul vereinbarten beide Seiten, je 1.000 Gefangene auszutauschen.\n",
    )
    .unwrap();
    let output = common::check_in(&dir.0, &["--format", "json"]);
    let report: Json = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["claims"].as_array().unwrap().len(), 0);
    let warnings: Vec<&str> = report["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["message"].as_str().unwrap())
        .collect();
    assert!(warnings.iter().any(|w| w.contains("language `de`")), "{warnings:?}");
}

/// "Russia launched 426 drones; a single raid this month had counted a
/// record 728 drones": the launch verb is the 426's, the nearest value of
/// the same unit on its side; the 728, another night's, has no word of the
/// frame's sentence group of its own.
#[test]
fn a_sentence_word_belongs_to_the_nearest_value_of_its_unit() {
    for path in [
        "tests/fixtures/frames/record-of-another-night.md",
        "tests/fixtures/frames/record-of-another-night-en.md",
    ] {
        let report = report(&["check", path, "--format", "json"]);
        assert_eq!(
            subjects_and_values(&report, path),
            [(
                "night-attack-2025-07-21-drones".into(),
                Json::from(426),
                Json::from(426)
            )],
            "{path}"
        );
    }
}

/// "from 50 days to 10-12 days": `from 50` holds the start of the 50 days,
/// so it marks them as the earlier figure, and the 10-12 is not read as the
/// first deadline (which it would contradict); it is the cut, read with the
/// words that govern the whole change (`deadline`, before its earlier end).
#[test]
fn a_word_that_holds_another_value_is_that_values() {
    let path = "tests/fixtures/frames/change-in-a-headline.md";
    let report = report(&["check", path, "--format", "json"]);
    assert_eq!(
        subjects_and_values(&report, path),
        [
            ("trump-deadline-revised-days".into(), Json::from(10), Json::from(12)),
            ("trump-deadline-to-russia-days".into(), Json::from(50), Json::from(50))
        ]
    );
}

/// "de 50 jours à 12 jours": the rule that revises the deadline reads the
/// later end of the change, never the 50 it comes from; the 50 is the
/// first deadline's, and read as it.
#[test]
fn a_revision_reads_the_later_end_of_a_change() {
    let path = "tests/fixtures/frames/changement-en-une-phrase.md";
    let report = report(&["check", path, "--format", "json"]);
    assert_eq!(
        subjects_and_values(&report, path),
        [
            ("trump-deadline-revised-days".into(), Json::from(12), Json::from(12)),
            ("trump-deadline-to-russia-days".into(), Json::from(50), Json::from(50))
        ]
    );
}

/// The subjects and values a fixture of `tests/fixtures/frames/` yields.
fn read_from(name: &str) -> Vec<(String, Json, Json)> {
    let path = format!("tests/fixtures/frames/{name}");
    let report = report(&["check", &path, "--format", "json"]);
    subjects_and_values(&report, &path)
}

/// The first deadline, 50 days, and its cut to 10–12 days.
fn the_deadline_and_its_cut() -> [(String, Json, Json); 2] {
    [
        ("trump-deadline-revised-days".into(), Json::from(10), Json::from(12)),
        ("trump-deadline-to-russia-days".into(), Json::from(50), Json::from(50)),
    ]
}

/// A figure quoted without its unit ("'about 10 or 12' days") is read as
/// the words say, the quotation marks left aside.
#[test]
fn a_quoted_figure_is_read_through_its_quotation_marks() {
    assert_eq!(read_from("quoted-figure.md"), the_deadline_and_its_cut());
}

/// "Several people were injured", "a few buildings": a vague count names
/// no figure, and no claim is read from it; the toll given in figures is.
#[test]
fn a_vague_count_is_no_claim() {
    let path = "tests/fixtures/frames/vague-toll.md";
    assert_eq!(
        read_from("vague-toll.md"),
        [
            ("kyiv-strike-2025-07-21-dead".into(), Json::from(1), Json::from(1)),
            ("kyiv-strike-2025-07-21-injured".into(), Json::from(9), Json::from(9)),
        ]
    );
    let explain = recoupe(&["rules", "explain", "kyiv-strike-2025-07-21-injured", "--in", path]);
    assert!(
        text(&explain.stdout).contains("“several”: a vague count with no figure"),
        "{}",
        text(&explain.stdout)
    );
}

/// « 2 et 16, les morts et les blessés »: two values told with two nouns in
/// turn. The 16 stands next to « morts » but is the wounded's; it is never
/// read as the dead (which would contradict every outlet's two dead).
#[test]
fn the_second_of_two_values_told_in_turn_is_the_second_nouns() {
    let path = "tests/fixtures/frames/respectively.md";
    assert!(read_from("respectively.md")
        .iter()
        .all(|(subject, lo, _)| !(subject == "kyiv-strike-2025-07-21-dead" && lo == &Json::from(16))));
    let explain = recoupe(&["rules", "explain", "kyiv-strike-2025-07-21-dead", "--in", path]);
    assert!(
        text(&explain.stdout).contains("“16”: the second of two values told with two nouns in turn"),
        "{}",
        text(&explain.stdout)
    );
}

/// « une trêve de quelques jours » names no length: it is no claim, and so
/// it never stands beside the thirty days of the same sentence as a second
/// value of the fact (which would leave both out).
#[test]
fn a_vague_length_is_no_claim() {
    let path = "tests/fixtures/frames/vague-length.md";
    assert_eq!(
        read_from("vague-length.md"),
        [("kyiv-ceasefire-demand-days".into(), Json::from(30), Json::from(30))]
    );
    let explain = recoupe(&["rules", "explain", "kyiv-ceasefire-demand-days", "--in", path]);
    assert!(
        text(&explain.stdout).contains("“quelques jours”: a vague count with no figure"),
        "{}",
        text(&explain.stdout)
    );
}

/// "ramené à dix ou douze jours l'ultimatum de cinquante jours": the new
/// value first, the old one after `de`; each is read as its own fact.
#[test]
fn a_change_said_new_value_first_keeps_its_two_ends_apart() {
    assert_eq!(read_from("changement-ordre-inverse.md"), the_deadline_and_its_cut());
}

/// An article without `published` whose URL names its day is dated by it,
/// and the report says so rather than "undated" (its weekday was read
/// against that day).
#[test]
fn an_article_dated_by_its_url_says_so() {
    let path = "tests/fixtures/frames/url-dated.md";
    let output = recoupe(&["check", path, "--no-cache"]);
    let out = text(&output.stdout);
    assert!(out.contains("(Essai Site, en), dated by its URL 2025-07-22 ["), "{out}");
    assert!(!out.contains("undated"), "{out}");
    let output = recoupe(&["check", path, "--no-cache", "--report-lang", "fr"]);
    let out = text(&output.stdout);
    assert!(out.contains("daté par son URL du 22 juillet 2025"), "{out}");
}

/// A dated article's background line about another year ("En 2024, une
/// frappe … avait fait plus de trente morts") neither takes the night's
/// figures away (the month and year words only guard undated articles,
/// `not.undated_document`) nor gives its own toll (the year its events fall
/// in is outside the rule's period).
#[test]
fn a_background_line_about_another_year_leaves_the_nights_figures() {
    let got = read_from("background-year.md");
    for (subject, lo, hi) in [
        ("night-attack-2025-07-21-drones", 426, 426),
        ("night-attack-2025-07-21-missiles", 24, 24),
        ("kyiv-strike-2025-07-21-dead", 1, 1),
        ("kyiv-strike-2025-07-21-injured", 9, 9),
    ] {
        assert!(
            got.contains(&(subject.into(), Json::from(lo), Json::from(hi))),
            "{subject} {lo}: {got:?}"
        );
    }
    let tolls: Vec<_> = got
        .iter()
        .filter(|(s, ..)| s == "kyiv-strike-2025-07-21-dead")
        .collect();
    assert_eq!(tolls.len(), 1, "{got:?}");
}

#[test]
fn a_value_two_subjects_read_is_left_out_of_both_with_a_warning() {
    // "the 15-day pause" is read by the pause's rule and, too loosely, by the
    // notice's ("gave"): one value is one fact, so neither keeps it.
    let path = "tests/fixtures/frames/two-facts/quays.md";
    let rules = "tests/fixtures/frames/two-facts/rules";
    let report = report(&["check", path, "--rules", rules, "--format", "json"]);
    let found = claims(&report, path);
    let read: Vec<(&str, i64)> = found
        .iter()
        .map(|c| (c["subject"].as_str().unwrap(), c["value"]["lo"].as_i64().unwrap()))
        .collect();
    assert_eq!(read, [("harbour-board-notice-days", 10)], "{found:?}");
    let warnings = report["warnings"].as_array().unwrap();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert_eq!(warnings[0]["line"], 8);
    let message = warnings[0]["message"].as_str().unwrap();
    assert!(
        message.contains("`15-day` at column 48 is read as two facts")
            && message.contains("`dock-strike-pause-days`, `harbour-board-notice-days`"),
        "{message}"
    );
    // `rules explain` gives the same reason for the value it left out.
    let explain = text(
        &recoupe(&[
            "rules",
            "explain",
            "harbour-board-notice-days",
            "--rules",
            rules,
            "--in",
            path,
        ])
        .stdout,
    );
    assert!(
        explain.contains("✘ 8:48 “15-day”: `15-day` at column 48 is read as two facts"),
        "{explain}"
    );
}

#[test]
fn two_values_of_one_fact_in_one_sentence_are_left_out_with_a_warning() {
    // Two figures per side of one swap in one sentence (planted: 600 and
    // 1,000 each): neither is a statement of the agreed figure that other
    // outlets give.
    let path = "tests/fixtures/frames/two-stages.md";
    let report = report(&["check", path, "--format", "json"]);
    assert!(claims(&report, path).is_empty(), "{report:#}");
    let warnings = report["warnings"].as_array().unwrap();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert_eq!(warnings[0]["line"], 7);
    assert_eq!(
        warnings[0]["message"],
        "`600` and `1,000` are two values of `prisoner-exchange-may-2025-per-side` in one sentence \
         (a part and the whole, or two stages): left out of both"
    );
}

#[test]
fn a_days_batch_beside_the_whole_swap_leaves_the_whole_swap() {
    // A day's batch (303 each) is out of the swap's `range` (a batch was
    // under 500 per side): the sentence states one value of the agreed
    // figure, the whole swap's 1,000 each, and no warning is given.
    let path = "tests/fixtures/frames/stage-and-whole.md";
    let report = report(&["check", path, "--format", "json"]);
    assert_eq!(
        subjects_and_values(&report, path),
        [(
            "prisoner-exchange-may-2025-per-side".into(),
            Json::from(1000),
            Json::from(1000)
        )]
    );
    assert!(report["warnings"].as_array().unwrap().is_empty(), "{report:#}");
}

#[test]
fn explain_names_the_publication_window_an_article_falls_outside() {
    // An article printed after the cut's window (a later deadline): `rules
    // explain` says so rather than "no value `check` keeps".
    let explain = text(
        &recoupe(&[
            "rules",
            "explain",
            "trump-deadline-revised-days",
            "--in",
            "tests/fixtures/paraphrases/o12.md",
        ])
        .stdout,
    );
    assert!(
        explain.contains(
            "“two weeks”: the frame holds, but the article's day, 2025-08-22, is outside the rule's publication window"
        ),
        "{explain}"
    );
}

/// A value one rule of a subject leaves out (the swap's rank read per side,
/// whose range stops at 1 100) is left to the subject's other rules: the
/// same words read as the swap's total.
#[test]
fn a_value_out_of_one_rules_range_is_left_to_the_subjects_other_rules() {
    let path = "tests/fixtures/frames/total-beside-per-side-rule.md";
    let report = report(&["check", path, "--format", "json"]);
    let found = claims(&report, path);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0]["subject"], "prisoner-exchange-may-2025-per-side");
    assert_eq!(found[0]["rule"], "prisoner-exchange-may-2025-largest-total");
    assert_eq!(found[0]["value"]["lo"], 2000);
    assert_eq!(found[0]["role"], "total");
}

/// A wire story kept with its versions: the figure its correction note
/// withdraws (42 missiles) is left out with a warning, the right one (24)
/// stays, and nothing contradicts.
#[test]
fn a_figure_the_articles_correction_withdraws_is_left_out() {
    let path = "tests/fixtures/frames/wire-versions-corrected.md";
    let report = report(&["check", path, "--format", "json"]);
    let missiles: Vec<Json> = claims(&report, path)
        .iter()
        .filter(|c| c["subject"] == "night-attack-2025-07-21-missiles")
        .map(|c| c["value"]["lo"].clone())
        .collect();
    assert_eq!(missiles, [Json::from(24)]);
    let warned = report["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|w| w["message"].as_str().unwrap().contains("`42` at column"));
    assert!(warned, "{}", report["warnings"]);
    for finding in report["findings"].as_array().unwrap() {
        assert_ne!(finding["status"], "contradiction", "{finding}");
    }
}
