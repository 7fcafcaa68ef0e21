//! Rule examples as tests: `recoupe rules test`.
//!
//! Every `match` example must yield a claim, every one with the expected
//! value, through the real engine and normaliser (a second value read from
//! the same sentence is a misreading); every `no_match` example must yield
//! none.
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
    /// A match example whose every claim has the expected value.
    Passed,
    /// A match example that yielded no claim.
    Missed,
    /// A match example that yielded a claim of another value.
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
        let got: Vec<String> = extract_text(rule, &example.text, example.published, example.lang)
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
    } else if values.iter().all(|v| fits(&example.expected, v)) {
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
    let n = |n: usize, one: &str, many: &str| crate::report::words::count(crate::language::Lang::En, n, one, many);
    let _ = writeln!(
        out,
        "\n{}: {} passed, {} failed · examples: {}, {}, {}, {}",
        n(results.len(), "rule", "rules"),
        results.len() - failed,
        failed,
        n(t.true_positives, "true positive", "true positives"),
        n(t.false_positives, "false positive", "false positives"),
        n(t.false_negatives, "false negative", "false negatives"),
        n(t.true_negatives, "true negative", "true negatives"),
    );
    out
}

/// The results as JSON (`recoupe rules test --format json`): each rule with
/// each example's outcome, then the counts.
///
/// `outcome` is one of `passed`, `missed`, `wrong_value`, `false_positive`,
/// `rejected`; `got` holds the values read (wrong value, false positive);
/// `why`, for a missed frame example, what left each value out.
pub fn render_json(results: &[RuleResult]) -> String {
    let rules: Vec<serde_json::Value> = results
        .iter()
        .map(|rule| {
            let examples: Vec<serde_json::Value> = rule
                .examples
                .iter()
                .map(|e| {
                    let (outcome, got) = match &e.outcome {
                        Outcome::Passed => ("passed", &[][..]),
                        Outcome::Rejected => ("rejected", &[][..]),
                        Outcome::Missed => ("missed", &[][..]),
                        Outcome::WrongValue { got } => ("wrong_value", &got[..]),
                        Outcome::FalsePositive { got } => ("false_positive", &got[..]),
                    };
                    serde_json::json!({
                        "name": e.name,
                        "text": e.text,
                        "expected": e.expected,
                        "outcome": outcome,
                        "passed": !e.outcome.is_failure(),
                        "got": got,
                        "why": e.why,
                    })
                })
                .collect();
            serde_json::json!({
                "id": rule.id,
                "file": rule.file,
                "line": rule.line,
                "passed": rule.passed(),
                "examples": examples,
            })
        })
        .collect();
    let failed = results.iter().filter(|r| !r.passed()).count();
    let t = tally(results);
    let json = serde_json::json!({
        "rules": rules,
        "summary": {
            "rules": results.len(),
            "passed": results.len() - failed,
            "failed": failed,
            "true_positives": t.true_positives,
            "false_positives": t.false_positives,
            "false_negatives": t.false_negatives,
            "true_negatives": t.true_negatives,
        },
    });
    serde_json::to_string_pretty(&json).unwrap_or_default() + "\n"
}

/// A new rule file for `recoupe rules new ID`: a frame with every common
/// slot, each commented, and examples that pass as written, to be edited.
pub fn new_rule(id: &str) -> String {
    NEW_RULE.replace("RULE_ID", id)
}

const NEW_RULE: &str = r#"# yaml-language-server: $schema=../docs/rule.schema.json
# A new rule, written by `recoupe rules new`. It is valid and its examples
# pass as written: replace the words and the examples with the claim you
# want, then run `recoupe rules test --filter RULE_ID` after each change.
# docs/rules.md explains every key.
rules:
  - id: RULE_ID
    # What the claim is, for the editor who reads the report: which figure,
    # about what, and which mentions are left out.
    description: |
      The number of people evacuated because of floods (an example: replace
      it). A count followed by a word for people, near a word for an
      evacuation, in an article about floods; drills are left out.
    # Claims with the same subject are compared with each other, between
    # outlets (several rules may read one subject).
    subject: RULE_ID
    # What the value is: number, duration (in days), date or ordinal.
    kind: number
    # Words right after the value: `1 200 personnes`, `1,200 people`.
    unit: { fr: [personnes, habitants], en: [people, residents] }
    # Words that must stand near the value: within this many words, before,
    # after or either side. A trailing `*` is a prefix (`évacu*`).
    near:
      within: 6
      side: either
      words:
        fr: [évacu*]
        en: [evacuat*]
    # The article must name one of these somewhere (one list per condition).
    document:
      - { fr: [inondation*, crue*], en: [flood*] }
    # Mentions left out: a sentence with one of these words.
    not:
      sentence:
        fr: [exercice, simulation]
        en: [drill, simulation]
    # Every `match` example must give a claim with this value, every
    # `no_match` none: `recoupe rules test` checks both.
    examples:
      match:
        - text: "Les autorités ont évacué 1 200 personnes après les inondations."
          value: 1200
        - { text: "Authorities evacuated 1,200 people as the floods rose.", value: 1200, lang: en }
      no_match:
        - "Un exercice a simulé l'évacuation de 1 200 personnes en cas d'inondation."
        - { text: "A flood drill evacuated 1,200 people from the school.", lang: en }
"#;
