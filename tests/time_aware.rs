//! Time-aware findings on fixtures written for them (tests/fixtures/time-aware,
//! a fictional flood in Valmont): a toll that rises through a day is one
//! revision, a falling one a contradiction; per-side figures agree with
//! totals; an announced date against the date held is its own finding;
//! outlets that print one dispatch are one source; a cut order revises the
//! first one, and an article that still gives the old value is flagged.

use serde_json::Value as Json;

mod common;
use common::{recoupe, text};

const RULES: &str = "tests/fixtures/time-aware/rules";

fn run(case: &str, format: &str) -> (String, Option<i32>) {
    let path = format!("tests/fixtures/time-aware/{case}");
    let output = recoupe(&["check", &path, "--rules", RULES, "--format", format]);
    assert!(matches!(output.status.code(), Some(0 | 1)), "{}", text(&output.stderr));
    (text(&output.stdout), output.status.code())
}

/// The JSON report of one case, snapshotted with its human report.
fn checked(case: &str) -> (Json, Option<i32>) {
    let (human, _) = run(case, "human");
    snapshot!(format!("time_aware_{case}.human"), human);
    let (json, code) = run(case, "json");
    snapshot!(format!("time_aware_{case}.json"), json.clone());
    (serde_json::from_str(&json).expect("a JSON report"), code)
}

fn finding<'a>(report: &'a Json, subject: &str) -> &'a Json {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["subject"] == subject)
        .unwrap_or_else(|| panic!("no finding for {subject}: {report:#}"))
}

fn file_of(id: &Json) -> String {
    id.as_str()
        .unwrap()
        .split('@')
        .nth(1)
        .unwrap()
        .split(':')
        .next()
        .unwrap()
        .to_string()
}

#[test]
fn a_toll_rising_through_one_day_is_one_revision_and_no_contradiction() {
    let (report, code) = checked("rising");
    let f = finding(&report, "valmont-flood-injured");
    assert_eq!(f["status"], "revision");
    assert_eq!(f["conflicts"], serde_json::json!([]));
    let steps: Vec<i64> = f["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["value"]["lo"].as_i64().unwrap())
        .collect();
    assert_eq!(
        steps,
        [2, 5, 9],
        "the timeline runs from the first figure to the latest"
    );
    assert_eq!(report["summary"]["contradictions"], 0);
    assert_eq!(report["summary"]["revisions"], 1);
    assert_eq!(code, Some(0), "a revision does not fail the run");
    // Each claim says when it held, from its front matter's timestamp.
    let as_of: Vec<&str> = report["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["as_of"].as_str().unwrap())
        .collect();
    assert_eq!(
        as_of,
        [
            "2031-03-03T08:10+01:00",
            "2031-03-03T12:40+01:00",
            "2031-03-03T19:05+01:00"
        ]
    );
}

#[test]
fn a_toll_that_falls_later_in_the_day_is_a_contradiction() {
    let (report, code) = checked("falling");
    let f = finding(&report, "valmont-flood-injured");
    assert_eq!(f["status"], "contradiction");
    assert_eq!(f["conflicts"].as_array().unwrap().len(), 1);
    assert_eq!(code, Some(1));
}

#[test]
fn a_lower_figure_recalled_as_the_first_count_is_no_fall() {
    // Two days after "9 blessés", an article recalls "selon les premiers
    // bilans … 2 blessés", and an English weekly "early reports counted 3":
    // printed later and lower, but each speaks of the first hours.
    let (report, code) = checked("recalled");
    let f = finding(&report, "valmont-flood-injured");
    assert_eq!(f["status"], "revision", "{f:#}");
    assert_eq!(f["conflicts"], serde_json::json!([]));
    assert_eq!(report["summary"]["contradictions"], 0);
    assert_eq!(code, Some(0));
}

#[test]
fn a_lower_figure_stated_as_current_later_is_still_a_fall() {
    // The same later sentence without the words that recall the first count.
    let dir = common::Scratch::new("recalled-stated");
    for name in ["01-soir.md", "02-surlendemain.md"] {
        let text = std::fs::read_to_string(format!("tests/fixtures/time-aware/recalled/{name}")).unwrap();
        std::fs::write(dir.0.join(name), text.replace("selon les premiers bilans, ", "")).unwrap();
    }
    let output = recoupe(&["check", dir.0.to_str().unwrap(), "--rules", RULES, "--format", "json"]);
    let report: Json = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(finding(&report, "valmont-flood-injured")["status"], "contradiction");
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn a_lower_figure_an_article_tells_before_its_higher_one_is_no_fall() {
    // The evening article tells the toll as it grew: 3, then 12, both at
    // the article's one time (no hour is given). Its 3 is its account of an
    // earlier count, not a fall after the morning's 9.
    let dir = common::Scratch::new("told-as-it-grew");
    let morning = std::fs::read_to_string("tests/fixtures/time-aware/falling/01-matin.md").unwrap();
    let evening = std::fs::read_to_string("tests/fixtures/time-aware/falling/02-soir.md").unwrap();
    std::fs::write(dir.0.join("01-matin.md"), morning).unwrap();
    let grown = evening.replace(
        "recense 3 blessés.",
        "recense 3 blessés. Plus tard, à Valmont, le bilan monte à 12 blessés.",
    );
    assert_ne!(grown, evening, "the fixture's sentence changed");
    std::fs::write(dir.0.join("02-soir.md"), grown).unwrap();
    let output = recoupe(&["check", dir.0.to_str().unwrap(), "--rules", RULES, "--format", "json"]);
    let report: Json = serde_json::from_slice(&output.stdout).unwrap();
    let f = finding(&report, "valmont-flood-injured");
    assert_eq!(f["status"], "revision", "{f:#}");
    assert_eq!(f["conflicts"], serde_json::json!([]));
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn forty_against_forty_and_eighty_in_total_agree() {
    let (report, _) = checked("roles");
    let f = finding(&report, "valmont-hostage-exchange");
    assert_eq!(f["status"], "agreement");
    assert_eq!(f["roles_converted"], true);
    let roles: Vec<&str> = report["claims"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["subject"] == "valmont-hostage-exchange")
        .map(|c| c["role"].as_str().unwrap())
        .collect();
    assert_eq!(roles, ["per_side", "total"]);
}

#[test]
fn a_date_announced_against_the_date_held_is_an_announcement_finding() {
    let (report, code) = checked("announcement");
    let f = finding(&report, "valmont-summit-date");
    assert_eq!(f["status"], "announcement_diverges");
    let pair = &f["divergences"][0];
    assert!(file_of(&pair["announced"]).ends_with("01-annonce.md"), "{pair}");
    assert!(file_of(&pair["held"]).ends_with("02-tenu.md"), "{pair}");
    assert_eq!(report["summary"]["announcement_divergences"], 1);
    assert_eq!(code, Some(0), "reported, not a failure: nobody contradicts the other");
}

#[test]
fn three_outlets_printing_one_dispatch_are_one_source() {
    let (report, _) = checked("relays");
    let f = finding(&report, "valmont-flood-injured");
    assert_eq!(f["outlets"].as_array().unwrap().len(), 3);
    assert_eq!(f["independent_sources"], 1);
    assert_eq!(f["status"], "single_source");
    let relay = &f["relays"][0];
    assert!(
        file_of(&relay["first"]).ends_with("le-courrier-du-val.md"),
        "the earliest leads: {relay}"
    );
    assert_eq!(relay["relays"].as_array().unwrap().len(), 2);
    for c in report["claims"].as_array().unwrap() {
        assert_eq!(c["source"], "la préfecture", "who the sentence names: {c}");
    }
}

#[test]
fn a_cut_order_revises_the_first_and_a_later_article_giving_the_old_value_is_flagged() {
    let (report, code) = checked("revised");
    let cut = finding(&report, "valmont-evacuation-cut-days");
    assert_eq!(cut["status"], "revision");
    assert_eq!(cut["revises"]["subject"], "valmont-evacuation-days");
    assert_eq!(cut["revises"]["since"], "2031-03-08");
    let stale: Vec<String> = cut["revises"]["stale"]
        .as_array()
        .unwrap()
        .iter()
        .map(file_of)
        .collect();
    assert_eq!(stale.len(), 1, "{stale:?}");
    assert!(stale[0].ends_with("04-perime.md"), "{stale:?}");
    // The first order's own claims agree: the cut is a new fact, not a
    // contradiction of the old one.
    assert_eq!(finding(&report, "valmont-evacuation-days")["status"], "agreement");
    assert_eq!(code, Some(0));
}

/// The Markdown and HTML reports show what time explains in sections of
/// their own, with each finding's timeline, before the agreements.
#[test]
fn the_editor_reports_show_revisions_and_announcements_with_their_timelines() {
    let (md, _) = run("revised", "markdown");
    assert!(md.contains("## Revisions (each figure right when written)"), "{md}");
    assert!(md.contains("> - Revises valmont-evacuation-days: **14 days**"), "{md}");
    snapshot!("time_aware_revised.markdown", md);
    let (md, _) = run("announcement", "markdown");
    assert!(md.contains("## Announcements that diverge from the event"), "{md}");
    let (html, _) = run("rising", "html");
    assert!(
        html.contains("<ul class=\"notes\">\n<li>Revised upward: <strong>2</strong>"),
        "{html}"
    );
    assert!(
        html.contains("value=\"revision\""),
        "the revision has its filter box: {html}"
    );
}

#[test]
fn a_rule_that_revises_an_unknown_subject_is_an_error_with_its_place() {
    let dir = common::Scratch::new("revises-unknown");
    let rules = std::fs::read_to_string(format!("{}/{RULES}/flood.yaml", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let broken = rules.replace("revises: valmont-evacuation-days", "revises: valmont-evacuation-dys");
    std::fs::write(dir.0.join("flood.yaml"), broken).unwrap();
    let output = recoupe(&["rules", "check", "--rules", dir.0.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    let err = text(&output.stderr);
    assert!(err.contains("unknown-subject"), "{err}");
    assert!(err.contains("did you mean `valmont-evacuation-days`"), "{err}");
    assert!(err.contains("flood.yaml:"), "file:line:col: {err}");
}
