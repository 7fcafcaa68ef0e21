//! Conformance of the normaliser against peer test suites (issue 3 item 6).
//!
//! Peers: Microsoft Recognizers-Text (French and English specs, MIT) and
//! Duckling (French and English corpora, BSD); the data is in
//! `tests/conformance/`, verbatim, with its NOTICE and LICENSE files (the
//! `-fr` folders French, the `-en` folders English). Each case is run through
//! `recoupe::normalize::normalize` with `Context.lang` set to the suite's
//! language, the value phrase being found in the case text with
//! `Placeholder::regex_in(lang)`:
//!
//! * Recognizers-Text (sentences): every match of the placeholder regex in
//!   `Input`, in order, must line up with the expected `Results` (same count)
//!   and each must agree with its expected value. Only cases the upstream CI
//!   verifies for dotnet count (not flagged `NotSupported`/`NotSupportedByDesign`
//!   for dotnet). Each file's line also gives the rate on the cases verified
//!   for python (the set the English issue names), counted the same way.
//! * Duckling (phrases): the first match must cover the whole phrase and agree
//!   with the expected value. Reference date 2013-02-12. The English corpus
//!   writes values as Haskell expressions (`NumeralValue (-504)`,
//!   `DurationData 2 Minute`) and keeps Haskell escapes in texts (`1\"`):
//!   both are read as what they say.
//! * Negative lists: no match may normalise to a value.
//!
//! Agreement: a number or a duration agrees when its interval is bounded and
//! contains the expected value (so `une douzaine`, read as [10, 14], agrees
//! with 12; exact phrases give exact values). A date agrees when our interval
//! contains the expected days and is at most twice as long (a time of day is
//! compared as its day). Where the peer marks a date as ambiguous it gives a
//! future and a past resolution; either may agree. Recognizers gives
//! 0001-01-01 for a date that does not exist (`Feb 30`, `the fifth Sunday` of
//! a month that has four): it agrees when we read no value.
//!
//! Cases where recoupe deliberately differs are listed, with the reason, in
//! `tests/conformance/known-differences.md`. A listed case is either left out
//! of the rate (a bare bullet), or, where the difference is only a documented
//! convention of recoupe (the nearest weekday rather than the next one, a
//! week-end of Saturday and Sunday…), still checked, but against recoupe's own
//! documented answer written after an arrow (`` - `lundi` → 2013-02-11 ``):
//! our interval must then be exactly that one. Nothing else is left out. Each
//! file's rate must stay at or above its floor in `tests/conformance/floors.tsv`
//! (floors only go up), and so must, per language, the combined rate of the
//! date cases that have a reference date (`dates with a reference date` and
//! `dates with a reference date (en)` in that file).
//!
//! Run: `cargo test --test conformance -- --nocapture`
//! (`CONFORMANCE_FAILURES=1` also lists the failing and the excluded cases with
//! both values).

use recoupe::french::Placeholder;
use recoupe::language::Lang;
use recoupe::normalize::{normalize, Context};
use recoupe::value::{day_number, Range};
use regex::Regex;
use serde_json::Value as Json;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/conformance")
}

fn read(rel: &str) -> String {
    let s = std::fs::read_to_string(dir().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
    s.trim_start_matches('\u{feff}').to_string()
}

fn regex(p: Placeholder, lang: Lang) -> Regex {
    Regex::new(&format!("(?i){}", p.regex_in(lang))).expect("placeholder regex")
}

/// The language of a peer file, from its folder (`…-fr/`, `…-en/`).
fn lang_of(rel: &str) -> Lang {
    if rel.split('/').next().is_some_and(|d| d.ends_with("-en")) {
        Lang::En
    } else {
        Lang::Fr
    }
}

/// A context in the language of the peer file.
fn context<'a>(rel: &str, published: Option<jiff::civil::Date>, around: &'a str) -> Context<'a> {
    Context {
        published,
        around,
        lang: lang_of(rel),
    }
}

/// The cases of `known-differences.md`: `## file` headings, then
/// `- \`case\`` bullets under a `### reason` heading. A bullet followed by
/// `→ YYYY-MM-DD` or `→ YYYY-MM-DD..YYYY-MM-DD` gives recoupe's own documented
/// answer, against which the case is checked instead of being left out.
fn known_differences() -> HashMap<(String, String), Option<(i32, i32)>> {
    let mut out = HashMap::new();
    let mut file = String::new();
    for line in read("known-differences.md").lines() {
        if let Some(f) = line.strip_prefix("## ") {
            file = f.trim().to_string();
        } else if let Some(rest) = line.strip_prefix("- `") {
            let (case, own) = match rest.rsplit_once("` → ") {
                Some((case, days)) => {
                    let (a, b) = days.trim().split_once("..").unwrap_or((days.trim(), days.trim()));
                    let own = date_day(a).zip(date_day(b));
                    assert!(own.is_some(), "known-differences.md: bad dates in {line:?}");
                    (case, own)
                }
                None => match rest.strip_suffix('`') {
                    Some(case) => (case, None),
                    None => continue,
                },
            };
            out.insert((file.clone(), case.trim().to_string()), own);
        }
    }
    out
}

fn floors() -> HashMap<String, f64> {
    read("floors.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let (f, v) = l.split_once('\t')?;
            Some((f.trim().to_string(), v.trim().parse().ok()?))
        })
        .collect()
}

#[derive(Default)]
struct Tally {
    passed: usize,
    checked: usize,
    excluded: usize,
    /// Excluded cases that would pass anyway.
    excluded_passing: usize,
    /// Every excluded case, with what we read (listed on request).
    excluded_cases: Vec<String>,
    /// Checked against recoupe's own documented answer (and how many pass).
    own_rule: usize,
    own_rule_passed: usize,
    /// Cases with a reference date (relative dates can be resolved).
    dated_passed: usize,
    dated_checked: usize,
    /// Recognizers-Text cases the upstream CI verifies for python (and how
    /// many pass, and of those with a reference date).
    python_checked: usize,
    python_passed: usize,
    python_dated_checked: usize,
    python_dated_passed: usize,
    failures: Vec<String>,
    wider: Vec<String>,
}

impl Tally {
    fn rate(&self) -> f64 {
        if self.checked == 0 {
            100.0
        } else {
            100.0 * self.passed as f64 / self.checked as f64
        }
    }
}

/// One peer case, run: whether it agrees with the peer, and with recoupe's own
/// answer when known-differences.md gives one.
struct Outcome {
    case: String,
    ok: bool,
    /// Our interval, if any (for checks against recoupe's own answer).
    ours: Option<Range>,
    /// Has a reference date (only date cases count this).
    dated: bool,
    /// What we read and what was expected, for the failure list.
    detail: String,
    /// Passes with an interval longer than the peer's (listed on request).
    wider: bool,
    /// Which upstream CI verifies the case (Recognizers-Text; Duckling's
    /// cases count as dotnet only).
    verified: Verified,
}

#[derive(Clone, Copy)]
struct Verified {
    dotnet: bool,
    python: bool,
}

const DOTNET_ONLY: Verified = Verified {
    dotnet: true,
    python: false,
};

impl Outcome {
    fn new(case: String, ok: bool) -> Outcome {
        Outcome {
            case,
            ok,
            ours: None,
            dated: false,
            detail: String::new(),
            wider: false,
            verified: DOTNET_ONLY,
        }
    }

    fn verified(self, verified: Verified) -> Outcome {
        Outcome { verified, ..self }
    }
}

struct Suite {
    known: HashMap<(String, String), Option<(i32, i32)>>,
    seen: HashSet<(String, String)>,
    tallies: Vec<(String, Tally)>,
}

impl Suite {
    fn run(&mut self, file: &str, cases: Vec<Outcome>) {
        let mut t = Tally::default();
        for o in cases {
            let key = (file.to_string(), o.case.trim().to_string());
            let mut ok = o.ok;
            let mut detail = o.detail;
            match self.known.get(&key) {
                Some(None) if !o.verified.dotnet => {
                    self.seen.insert(key);
                    continue;
                }
                Some(None) => {
                    t.excluded += 1;
                    t.excluded_passing += usize::from(ok);
                    t.excluded_cases.push(format!(
                        "{}{:?}: {detail}",
                        if ok { "(would pass) " } else { "" },
                        o.case
                    ));
                    self.seen.insert(key);
                    continue;
                }
                Some(Some(own)) => {
                    self.seen.insert(key);
                    ok = o.ours.is_some_and(|r| r.lo == own.0 as f64 && r.hi == own.1 as f64);
                    detail = format!("{}, recoupe's rule says {}", show_range(o.ours), show_days(*own));
                    if o.verified.dotnet {
                        t.own_rule += 1;
                        t.own_rule_passed += usize::from(ok);
                    }
                }
                None => {
                    if ok && o.wider {
                        t.wider.push(format!("{:?}: {detail}", o.case));
                    }
                }
            }
            if o.verified.python {
                t.python_checked += 1;
                t.python_passed += usize::from(ok);
                if o.dated {
                    t.python_dated_checked += 1;
                    t.python_dated_passed += usize::from(ok);
                }
            }
            if !o.verified.dotnet {
                continue;
            }
            t.checked += 1;
            if o.dated {
                t.dated_checked += 1;
                t.dated_passed += usize::from(ok);
            }
            if ok {
                t.passed += 1;
            } else {
                t.failures.push(format!(
                    "{:?}{}{detail}",
                    o.case,
                    if detail.is_empty() { "" } else { ": " }
                ));
            }
        }
        self.tallies.push((file.to_string(), t));
    }
}

fn show_day(n: i32) -> String {
    recoupe::value::date_from_day_number(n).map_or_else(|| n.to_string(), |d| d.to_string())
}

fn show_days((a, b): (i32, i32)) -> String {
    if a == b {
        show_day(a)
    } else {
        format!("{}..{}", show_day(a), show_day(b))
    }
}

fn show_range(r: Option<Range>) -> String {
    match r {
        Some(r) if r.lo.is_finite() && r.hi.is_finite() => format!("got {}", show_days((r.lo as i32, r.hi as i32))),
        Some(r) => format!("got {r:?}"),
        None => "no value".to_string(),
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1.0)
}

/// A bounded interval containing `v`.
fn holds(r: &Range, v: f64) -> bool {
    r.lo.is_finite() && r.hi.is_finite() && (r.lo <= v || close(r.lo, v)) && (v <= r.hi || close(r.hi, v))
}

/// Our day interval contains the expected days and is at most twice as long.
fn same_days(r: &Range, exp: (i32, i32)) -> bool {
    let (lo, hi) = (exp.0 as f64, exp.1 as f64);
    r.lo.is_finite() && r.hi.is_finite() && r.lo <= lo && r.hi >= hi && (r.hi - r.lo + 1.0) <= 2.0 * (hi - lo + 1.0)
}

fn parse_value(s: &str) -> Option<f64> {
    s.replace(',', ".").parse::<f64>().ok()
}

/// A Duckling value: `12`, or the English corpus's Haskell expression
/// (`NumeralValue (-504)`, `NumeralValue 3e6`, `OrdinalData 25`).
fn duckling_value(s: &str) -> Option<f64> {
    let s = s
        .strip_prefix("NumeralValue ")
        .or_else(|| s.strip_prefix("OrdinalData "))
        .unwrap_or(s);
    parse_value(s.trim().trim_start_matches('(').trim_end_matches(')'))
}

/// Recognizers' DateTime.MinValue: a date that does not exist.
const NO_SUCH_DATE: &str = "0001-01-01";

fn date_day(s: &str) -> Option<i32> {
    let d: jiff::civil::Date = s.get(..10)?.parse().ok()?;
    Some(day_number(d))
}

fn verified_for(case: &Json, platform: &str) -> bool {
    ["NotSupported", "NotSupportedByDesign"]
        .iter()
        .all(|k| !case.get(*k).and_then(Json::as_str).unwrap_or("").contains(platform))
}

type RecognizersCase = (String, Option<jiff::civil::Date>, Vec<Json>, Verified);

/// Recognizers-Text cases that dotnet or python verifies: (input, reference
/// date, expected results, which).
fn recognizers(rel: &str) -> Vec<RecognizersCase> {
    let all: Vec<Json> = serde_json::from_str(&read(rel)).expect("json");
    all.into_iter()
        .filter_map(|c| {
            let verified = Verified {
                dotnet: verified_for(&c, "dotnet"),
                python: verified_for(&c, "python"),
            };
            (verified.dotnet || verified.python).then_some((c, verified))
        })
        .map(|(c, verified)| {
            let input = c["Input"].as_str().unwrap_or("").to_string();
            let reference = c
                .pointer("/Context/ReferenceDateTime")
                .and_then(Json::as_str)
                .and_then(|s| s.get(..10))
                .and_then(|s| s.parse().ok());
            let results = c["Results"].as_array().cloned().unwrap_or_default();
            (input, reference, results, verified)
        })
        .collect()
}

fn matches(p: Placeholder, re: &Regex, text: &str, ctx: &Context) -> Vec<Option<Range>> {
    re.find_iter(text)
        .map(|m| normalize(p, m.as_str(), ctx).ok().and_then(|v| v.range().copied()))
        .collect()
}

fn recognizers_numbers(suite: &mut Suite, rel: &str, p: Placeholder) {
    let re = regex(p, lang_of(rel));
    let cases = recognizers(rel)
        .into_iter()
        .map(|(input, _, results, verified)| {
            let ours = matches(p, &re, &input, &context(rel, None, ""));
            let ok = ours.len() == results.len()
                && ours.iter().zip(&results).all(|(r, exp)| {
                    let v = exp
                        .pointer("/Resolution/value")
                        .and_then(Json::as_str)
                        .and_then(parse_value);
                    matches!((r, v), (Some(r), Some(v)) if holds(r, v))
                });
            Outcome::new(input, ok).verified(verified)
        })
        .collect();
    suite.run(rel, cases);
}

fn recognizers_durations(suite: &mut Suite, rel: &str) {
    let re = regex(Placeholder::Duration, lang_of(rel));
    let cases = recognizers(rel)
        .into_iter()
        .map(|(input, _, results, verified)| {
            let ours = matches(Placeholder::Duration, &re, &input, &context(rel, None, ""));
            let ok = ours.len() == results.len()
                && ours.iter().zip(&results).all(|(r, exp)| {
                    let secs = exp
                        .pointer("/Value/FutureResolution/duration")
                        .and_then(Json::as_str)
                        .and_then(parse_value);
                    matches!((r, secs), (Some(r), Some(s)) if holds(r, s / 86400.0))
                });
            Outcome::new(input, ok).verified(verified)
        })
        .collect();
    suite.run(rel, cases);
}

fn recognizers_dates(suite: &mut Suite, rel: &str) {
    let re = regex(Placeholder::Date, lang_of(rel));
    let cases = recognizers(rel)
        .into_iter()
        .map(|(input, reference, results, verified)| {
            let ctx = context(rel, reference, &input);
            let ours = matches(Placeholder::Date, &re, &input, &ctx);
            // Only a date that does not exist is expected: no value agrees.
            let no_such_date: Vec<bool> = results
                .iter()
                .map(|exp| exp.pointer("/Value/FutureResolution/date").and_then(Json::as_str) == Some(NO_SUCH_DATE))
                .collect();
            let expected: Vec<Vec<(i32, i32)>> = results
                .iter()
                .map(|exp| {
                    ["FutureResolution", "PastResolution"]
                        .iter()
                        .filter_map(|k| {
                            let res = exp.pointer(&format!("/Value/{k}"));
                            let get = |f: &str| res.and_then(|v| v.get(f)).and_then(Json::as_str).and_then(date_day);
                            match (get("date"), get("startDate"), get("endDate")) {
                                (Some(d), ..) => Some((d, d)),
                                // Recognizers' end date is exclusive.
                                (None, Some(s), Some(e)) => Some((s, if e > s { e - 1 } else { s })),
                                _ => None,
                            }
                        })
                        .collect()
                })
                .collect();
            let ok = ours.len() == results.len()
                && ours.iter().zip(&expected).zip(&no_such_date).all(|((r, exp), none)| {
                    if *none {
                        r.is_none()
                    } else {
                        r.is_some_and(|r| exp.iter().any(|e| same_days(&r, *e)))
                    }
                });
            let got = if ours.is_empty() {
                "no match".to_string()
            } else {
                ours.iter().map(|r| show_range(*r)).collect::<Vec<_>>().join(" + ")
            };
            let detail = format!(
                "{got}, expected {}",
                expected
                    .iter()
                    .map(|e| e.iter().map(|d| show_days(*d)).collect::<Vec<_>>().join(" or "))
                    .collect::<Vec<_>>()
                    .join(" + ")
            );
            let wider = ours
                .iter()
                .zip(&expected)
                .any(|(r, exp)| r.is_some_and(|r| exp.iter().all(|e| r.hi - r.lo > (e.1 - e.0) as f64)));
            Outcome {
                ours: if ours.len() == 1 { ours[0] } else { None },
                dated: reference.is_some(),
                detail,
                wider,
                ..Outcome::new(input, ok).verified(verified)
            }
        })
        .collect();
    suite.run(rel, cases);
}

/// The cases of a Duckling TSV file; Haskell's `\"` in a text is a quote.
fn tsv(rel: &str) -> Vec<(String, String)> {
    read(rel)
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            l.split_once('\t')
                .map(|(a, b)| (a.replace("\\\"", "\""), b.trim().to_string()))
        })
        .collect()
}

/// The first match covers the whole phrase; its interval, if it normalises.
fn whole(p: Placeholder, re: &Regex, text: &str, ctx: &Context) -> Option<Range> {
    let m = re.find(text)?;
    if m.as_str().trim() != text.trim() {
        return None;
    }
    normalize(p, m.as_str(), ctx).ok().and_then(|v| v.range().copied())
}

fn duckling_numbers(suite: &mut Suite, rel: &str, p: Placeholder) {
    let re = regex(p, lang_of(rel));
    let cases = tsv(rel)
        .into_iter()
        .map(|(text, value)| {
            let ok = matches!((whole(p, &re, &text, &context(rel, None, "")), duckling_value(&value)),
                (Some(r), Some(v)) if holds(&r, v));
            Outcome::new(text, ok)
        })
        .collect();
    suite.run(rel, cases);
}

fn duckling_durations(suite: &mut Suite, rel: &str) {
    let re = regex(Placeholder::Duration, lang_of(rel));
    let cases = tsv(rel)
        .into_iter()
        .map(|(text, value)| {
            let value = value.strip_prefix("DurationData ").unwrap_or(&value);
            let expected = value.split_once(' ').and_then(|(n, grain)| {
                let n: f64 = n.parse().ok()?;
                let days = match grain {
                    "Second" => 1.0 / 86400.0,
                    "Minute" => 1.0 / 1440.0,
                    "Hour" => 1.0 / 24.0,
                    "Day" => 1.0,
                    "Week" => 7.0,
                    "Month" => 30.0,
                    "Quarter" => 90.0,
                    "Year" => 365.0,
                    _ => return None,
                };
                Some(n * days)
            });
            let ok = matches!((whole(Placeholder::Duration, &re, &text, &context(rel, None, "")), expected),
                (Some(r), Some(v)) if holds(&r, v));
            Outcome::new(text, ok)
        })
        .collect();
    suite.run(rel, cases);
}

/// Duckling's expected value as a day interval; `None` for open intervals.
fn duckling_days(value: &str) -> Option<(i32, i32)> {
    let nums: Vec<i32> = Regex::new(r"-?\d+")
        .expect("regex")
        .find_iter(value)
        .filter_map(|m| m.as_str().parse().ok())
        .collect();
    let grain = value.rsplit(' ').next()?;
    let day = |t: &[i32]| -> Option<(i32, i32)> {
        let (y, m, d) = (t[0] as i16, t[1] as i8, t[2] as i8);
        if m == 0 {
            let a = jiff::civil::Date::new(y, 1, 1).ok()?;
            return Some((day_number(a), day_number(a.last_of_year())));
        }
        if d == 0 {
            let a = jiff::civil::Date::new(y, m, 1).ok()?;
            return Some((day_number(a), day_number(a.last_of_month())));
        }
        let a = day_number(jiff::civil::Date::new(y, m, d).ok()?);
        Some((a, a))
    };
    if value.starts_with("datetimeInterval") && nums.len() == 12 {
        let start = day(&nums[0..6])?.0;
        let (end_first, _) = day(&nums[6..12])?;
        // End exclusive: midnight (or a month/year start) closes the day before.
        let at_midnight = nums[9..12].iter().all(|&x| x == 0);
        let end = if at_midnight { end_first - 1 } else { end_first };
        return Some((start, end.max(start)));
    }
    if value.starts_with("datetime ") && nums.len() == 6 {
        let (a, b) = day(&nums[0..6])?;
        return Some(if grain == "Week" { (a, a + 6) } else { (a, b) });
    }
    None
}

fn duckling_time(suite: &mut Suite, rel: &str) {
    let re = regex(Placeholder::Date, lang_of(rel));
    let reference = jiff::civil::Date::constant(2013, 2, 12);
    let cases = tsv(rel)
        .into_iter()
        .map(|(text, value)| {
            let ctx = context(rel, Some(reference), &text);
            let ours = whole(Placeholder::Date, &re, &text, &ctx);
            let expected = duckling_days(&value);
            let ok = matches!((ours, expected), (Some(r), Some(e)) if same_days(&r, e));
            let partial = match re.find(&text) {
                Some(m) if m.as_str().trim() != text.trim() => format!(" (the regex matches only {:?})", m.as_str()),
                None => " (no match)".to_string(),
                _ => String::new(),
            };
            let detail = format!(
                "{}{partial}, expected {}",
                show_range(ours),
                expected.map_or_else(|| value.clone(), show_days)
            );
            Outcome {
                ours,
                dated: true,
                detail,
                wider: matches!((ours, expected), (Some(r), Some(e)) if r.hi - r.lo > (e.1 - e.0) as f64),
                ..Outcome::new(text, ok)
            }
        })
        .collect();
    suite.run(rel, cases);
}

fn negatives(suite: &mut Suite, rel: &str, p: Placeholder) {
    let re = regex(p, lang_of(rel));
    let ctx = context(rel, Some(jiff::civil::Date::constant(2013, 2, 12)), "");
    let cases = read(rel)
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|text| {
            let ok = matches(p, &re, text, &ctx).iter().all(Option::is_none);
            Outcome::new(text.to_string(), ok)
        })
        .collect();
    suite.run(rel, cases);
}

#[test]
fn conformance_with_peer_suites() {
    let mut suite = Suite {
        known: known_differences(),
        seen: HashSet::new(),
        tallies: Vec::new(),
    };
    recognizers_numbers(
        &mut suite,
        "recognizers-text-fr/Number/NumberModel.json",
        Placeholder::Number,
    );
    recognizers_numbers(
        &mut suite,
        "recognizers-text-fr/Number/OrdinalModel.json",
        Placeholder::Ordinal,
    );
    recognizers_durations(&mut suite, "recognizers-text-fr/DateTime/DurationParser.json");
    recognizers_dates(&mut suite, "recognizers-text-fr/DateTime/DateParser.json");
    recognizers_dates(&mut suite, "recognizers-text-fr/DateTime/DatePeriodParser.json");
    duckling_numbers(&mut suite, "duckling-fr/numeral.tsv", Placeholder::Number);
    duckling_numbers(&mut suite, "duckling-fr/ordinal.tsv", Placeholder::Ordinal);
    duckling_durations(&mut suite, "duckling-fr/duration.tsv");
    negatives(&mut suite, "duckling-fr/duration.negative.txt", Placeholder::Duration);
    duckling_time(&mut suite, "duckling-fr/time.tsv");
    negatives(&mut suite, "duckling-fr/time.negative.txt", Placeholder::Date);
    // English.
    recognizers_numbers(
        &mut suite,
        "recognizers-text-en/Number/NumberModel.json",
        Placeholder::Number,
    );
    recognizers_numbers(
        &mut suite,
        "recognizers-text-en/Number/OrdinalModel.json",
        Placeholder::Ordinal,
    );
    recognizers_durations(&mut suite, "recognizers-text-en/DateTime/DurationParser.json");
    recognizers_dates(&mut suite, "recognizers-text-en/DateTime/DateParser.json");
    recognizers_dates(&mut suite, "recognizers-text-en/DateTime/DatePeriodParser.json");
    duckling_numbers(&mut suite, "duckling-en/numeral.tsv", Placeholder::Number);
    duckling_numbers(&mut suite, "duckling-en/ordinal.tsv", Placeholder::Ordinal);
    duckling_durations(&mut suite, "duckling-en/duration.tsv");
    negatives(&mut suite, "duckling-en/duration.negative.txt", Placeholder::Duration);

    let floors = floors();
    let show_failures = std::env::var_os("CONFORMANCE_FAILURES").is_some();
    let mut below = Vec::new();
    for lang in Lang::ALL {
        let (mut passed, mut checked, mut excluded) = (0, 0, 0);
        let (mut dated_passed, mut dated_checked) = (0, 0);
        let (mut python_dated_passed, mut python_dated_checked) = (0, 0);
        for (file, t) in suite.tallies.iter().filter(|(f, _)| lang_of(f) == lang) {
            let floor = floors.get(file).copied().unwrap_or(0.0);
            let own = if t.own_rule > 0 {
                format!(
                    ", {} checked against recoupe's own rule ({} pass)",
                    t.own_rule, t.own_rule_passed
                )
            } else {
                String::new()
            };
            let python = if t.python_checked > 0 {
                format!(
                    "; verified for python: {}/{} ({:.1} %)",
                    t.python_passed,
                    t.python_checked,
                    100.0 * t.python_passed as f64 / t.python_checked as f64
                )
            } else {
                String::new()
            };
            println!(
                "{file}: {}/{} passed ({:.1} %){own}, {} excluded as known differences ({} of them would pass), floor {floor:.1} %{python}",
                t.passed,
                t.checked,
                t.rate(),
                t.excluded,
                t.excluded_passing
            );
            if show_failures {
                for f in &t.failures {
                    println!("    FAIL {f}");
                }
                for c in &t.excluded_cases {
                    println!("    excluded {c}");
                }
                for c in &t.wider {
                    println!("    passes with a longer interval {c}");
                }
            }
            if t.rate() + 1e-9 < floor {
                below.push(format!("{file}: {:.1} % < floor {floor:.1} %", t.rate()));
            }
            passed += t.passed;
            checked += t.checked;
            excluded += t.excluded;
            dated_passed += t.dated_passed;
            dated_checked += t.dated_checked;
            python_dated_passed += t.python_dated_passed;
            python_dated_checked += t.python_dated_checked;
        }
        let (label, key, files) = match lang {
            Lang::Fr => (
                "conformance total",
                "dates with a reference date",
                "DateParser, DatePeriodParser, time.tsv",
            ),
            Lang::En => (
                "conformance total (en)",
                "dates with a reference date (en)",
                "DateParser, DatePeriodParser",
            ),
        };
        println!(
            "{label}: {passed}/{checked} passed ({:.1} %), {excluded} excluded as known differences",
            100.0 * passed as f64 / checked.max(1) as f64
        );
        let dated_rate = 100.0 * dated_passed as f64 / dated_checked.max(1) as f64;
        let floor = floors.get(key).copied().unwrap_or(0.0);
        println!("{key} ({files}): {dated_passed}/{dated_checked} passed ({dated_rate:.1} %), floor {floor:.1} %");
        if python_dated_checked > 0 {
            println!(
                "{key}, verified for python: {python_dated_passed}/{python_dated_checked} passed ({:.1} %)",
                100.0 * python_dated_passed as f64 / python_dated_checked as f64
            );
        }
        if dated_rate + 1e-9 < floor {
            below.push(format!("{key}: {dated_rate:.1} % < floor {floor:.1} %"));
        }
    }
    assert!(below.is_empty(), "conformance below floor:\n{}", below.join("\n"));
    // Every listed known difference names a real case of a real file.
    let unknown: Vec<_> = suite.known.keys().filter(|k| !suite.seen.contains(*k)).collect();
    assert!(
        unknown.is_empty(),
        "known-differences.md lists cases that are not in the suites: {unknown:?}"
    );
}
