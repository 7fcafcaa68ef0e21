//! Rule examples as tests: `recoupe rules test`.
//!
//! Every `match` example must yield a claim with the expected value, through
//! the real engine and normaliser; every `no_match` example must yield none.
//! This is what lets editors add a rule without fear: a rule that reads the
//! wrong value, or reads a near-miss, fails here before it reaches a report.

use crate::extract::extract_text;
use crate::report::describe_value;
use crate::rules::{Expected, MatchExample, Rule, RuleSet};
use crate::value::{Interval, Value};
use std::fmt::Write;

/// What happened to one example.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// A match example that yielded the expected value.
    Passed,
    /// A match example that yielded no claim.
    Missed,
    /// A match example that yielded claims, none with the expected value.
    WrongValue { got: Vec<String> },
    /// A no_match example that yielded a claim.
    FalsePositive { got: Vec<String> },
    /// A no_match example that yielded nothing, as it should.
    Rejected,
}

impl Outcome {
    pub fn is_failure(&self) -> bool {
        !matches!(self, Outcome::Passed | Outcome::Rejected)
    }
}

/// One example's result.
#[derive(Debug, Clone, PartialEq)]
pub struct ExampleResult {
    /// `match 2`, `no_match 1`: 1-based, as editors count.
    pub name: String,
    pub text: String,
    pub expected: Option<String>,
    pub outcome: Outcome,
    /// For a missed example of a frame: each value of the frame's kind in
    /// the text, and the constraint that left it out.
    pub why: Vec<String>,
}

/// The results of one rule.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleResult {
    pub id: String,
    pub file: String,
    pub line: usize,
    pub examples: Vec<ExampleResult>,
}

impl RuleResult {
    pub fn passed(&self) -> bool {
        !self.examples.iter().any(|e| e.outcome.is_failure())
    }
}

/// Counts over all examples: true positives, false positives, false negatives.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub true_positives: usize,
    pub false_positives: usize,
    pub false_negatives: usize,
    pub true_negatives: usize,
}

/// Runs the examples of every rule whose id contains `filter`.
pub fn run(rules: &RuleSet, filter: Option<&str>) -> Vec<RuleResult> {
    rules
        .rules
        .iter()
        .filter(|r| filter.is_none_or(|f| r.id.contains(f)))
        .map(run_rule)
        .collect()
}

fn run_rule(rule: &Rule) -> RuleResult {
    let mut examples = Vec::new();
    for (i, example) in rule.examples.matches.iter().enumerate() {
        let outcome = check_match(rule, example);
        // Why the frame left each value out: what an editor changes.
        let why = match &outcome {
            Outcome::Missed | Outcome::WrongValue { .. } => {
                crate::search::explain(rule, &example.text, example.lang, example.published)
                    .into_iter()
                    .filter_map(|(_, words, verdict)| verdict.err().map(|why| format!("`{}`: {why}", words.trim())))
                    .collect()
            }
            _ => Vec::new(),
        };
        examples.push(ExampleResult {
            name: format!("match {}", i + 1),
            text: example.text.clone(),
            expected: Some(describe_expected(rule, example)),
            outcome,
            why,
        });
    }
    for (i, example) in rule.examples.no_match.iter().enumerate() {
        let got: Vec<String> = extract_text(rule, &example.text, None, example.lang)
            .into_iter()
            .filter_map(Result::ok)
            .map(|v| describe_value(&v))
            .collect();
        examples.push(ExampleResult {
            name: format!("no_match {}", i + 1),
            text: example.text.clone(),
            expected: None,
            why: Vec::new(),
            outcome: if got.is_empty() {
                Outcome::Rejected
            } else {
                Outcome::FalsePositive { got }
            },
        });
    }
    RuleResult {
        id: rule.id.clone(),
        file: rule.file.clone(),
        line: rule.line,
        examples,
    }
}

fn check_match(rule: &Rule, example: &MatchExample) -> Outcome {
    let values: Vec<Value> = extract_text(rule, &example.text, example.published, example.lang)
        .into_iter()
        .filter_map(Result::ok)
        .collect();
    if values.is_empty() {
        Outcome::Missed
    } else if values.iter().any(|v| fits(&example.expected, v)) {
        Outcome::Passed
    } else {
        Outcome::WrongValue {
            got: values.iter().map(describe_value).collect(),
        }
    }
}

/// Whether a value is the one an example expects: both ends equal (an
/// unbounded end written as `null`).
pub fn fits(expected: &Expected, value: &Value) -> bool {
    let same = |e: Option<f64>, x: f64| match e {
        Some(e) => x.is_finite() && (e - x).abs() < 1e-6,
        None => !x.is_finite(),
    };
    match (expected, &value.interval) {
        (Expected::Range { lo, hi }, Interval::Range(r)) => same(*lo, r.lo) && same(*hi, r.hi),
        (Expected::Text(t), Interval::Text(v)) => crate::extract::fold_text(t) == **v,
        _ => false,
    }
}

fn describe_expected(rule: &Rule, example: &MatchExample) -> String {
    use crate::value::{Kind, Range, Unit};
    match &example.expected {
        Expected::Text(t) => format!("“{t}”"),
        Expected::Range { lo, hi } => {
            let range = Range {
                lo: lo.unwrap_or(f64::NEG_INFINITY),
                hi: hi.unwrap_or(f64::INFINITY),
                lo_open: false,
                hi_open: hi.is_none(),
            };
            describe_value(&Value {
                kind: rule.kind,
                interval: Interval::Range(range),
                unit: (rule.kind == Kind::Duration).then_some(Unit::Day),
            })
        }
    }
}

/// Tallies the outcomes.
pub fn tally(results: &[RuleResult]) -> Tally {
    let mut t = Tally::default();
    for e in results.iter().flat_map(|r| &r.examples) {
        match e.outcome {
            Outcome::Passed => t.true_positives += 1,
            Outcome::Missed | Outcome::WrongValue { .. } => t.false_negatives += 1,
            Outcome::FalsePositive { .. } => t.false_positives += 1,
            Outcome::Rejected => t.true_negatives += 1,
        }
    }
    t
}

/// The report of `rules test`, for people and snapshots.
pub fn render(results: &[RuleResult]) -> String {
    let mut out = String::new();
    for rule in results {
        let mark = if rule.passed() { "✔" } else { "✘" };
        let _ = writeln!(out, "{mark} {} ({}:{})", rule.id, rule.file, rule.line);
        for e in &rule.examples {
            let expected = e.expected.as_deref().unwrap_or("");
            let line = match &e.outcome {
                Outcome::Passed => format!("  ✔ {}: {expected}", e.name),
                Outcome::Rejected => format!("  ✔ {}: no claim", e.name),
                Outcome::Missed => format!("  ✘ {} missed: no claim in “{}” (expected {expected})", e.name, e.text),
                Outcome::WrongValue { got } => format!(
                    "  ✘ {} wrong value: got {}, expected {expected}, in “{}”",
                    e.name,
                    got.join(" and "),
                    e.text
                ),
                Outcome::FalsePositive { got } => format!(
                    "  ✘ {} false positive: read {} in “{}”",
                    e.name,
                    got.join(" and "),
                    e.text
                ),
            };
            let _ = writeln!(out, "{line}");
            for why in &e.why {
                let _ = writeln!(out, "      {why}");
            }
        }
    }
    let failed = results.iter().filter(|r| !r.passed()).count();
    let t = tally(results);
    let _ = writeln!(
        out,
        "\n{} rules: {} passed, {} failed · examples: {} true positives, {} false positives, {} false negatives, {} true negatives",
        results.len(),
        results.len() - failed,
        failed,
        t.true_positives,
        t.false_positives,
        t.false_negatives,
        t.true_negatives
    );
    out
}
