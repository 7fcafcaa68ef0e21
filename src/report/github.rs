//! GitHub Actions workflow commands: annotations on the pull request's lines.
//!
//! `::error` for each conflicting claim (of a new article, in CI mode),
//! `::notice` for the single-source claims of new articles, `::warning` for
//! input problems. Baseline-accepted contradictions are not annotated.

use super::escape::{workflow_data as data, workflow_property as property};
use super::{describe_value, Printer, Report, Settings};
use crate::compare::Status;
use crate::extract::Claim;
use std::fmt::Write;

/// The [`Printer`] of the `github` format: GitHub Actions workflow commands.
pub struct GithubPrinter;

impl Printer for GithubPrinter {
    fn print(&self, report: &Report, _settings: &Settings, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        out.write_all(render(report).as_bytes())
    }
}

pub fn render(report: &Report) -> String {
    let mut out = String::new();
    for finding in &report.findings {
        match finding.status {
            Status::Contradiction if !report.is_known(finding) => {
                for (index, claim) in report.conflicting(finding) {
                    let against = report.partners(finding, index);
                    if against.is_empty() || !report.is_new(claim) {
                        continue;
                    }
                    // One mention per outlet and value, at its first place.
                    let mut others: Vec<String> = Vec::new();
                    let mut said: Vec<(&str, String)> = Vec::new();
                    for o in against {
                        let key = (o.outlet(), describe_value(&o.value));
                        if !said.contains(&key) {
                            others.push(format!("{} says {} ({}:{})", key.0, key.1, o.path(), o.span.line));
                            said.push(key);
                        }
                    }
                    let level = match report.claim_severity(claim) {
                        crate::rules::model::Severity::Error => "error",
                        crate::rules::model::Severity::Warning => "warning",
                        crate::rules::model::Severity::Info => "notice",
                    };
                    annotate(
                        &mut out,
                        level,
                        claim,
                        &format!("contradiction: {}", claim.subject()),
                        &format!(
                            "{} says {} (“{}”); {}",
                            claim.outlet(),
                            describe_value(&claim.value),
                            claim.quote(),
                            others.join("; ")
                        ),
                    );
                }
            }
            Status::SingleSource if report.new_paths.is_some() => {
                for claim in report.claims_of(finding) {
                    if report.is_new(claim) {
                        annotate(
                            &mut out,
                            "notice",
                            claim,
                            &format!("single source: {}", claim.subject()),
                            &format!(
                                "{} is the only outlet to state {}: no other article confirms it",
                                claim.outlet(),
                                describe_value(&claim.value)
                            ),
                        );
                    }
                }
            }
            _ => {}
        }
    }
    for w in &report.warnings {
        let mut properties = format!("file={}", property(&w.path));
        if let Some(line) = w.line {
            let _ = write!(properties, ",line={line}");
        }
        let _ = writeln!(out, "::warning {properties},title=recoupe::{}", data(&w.message));
    }
    let s = report.summary();
    let n = |n: usize, one: &str, many: &str| super::words::count(crate::language::Lang::En, n, one, many);
    let _ = writeln!(
        out,
        "recoupe: {}, {}, {} ({} known), {}, {} single-source, {}",
        n(s.documents, "document", "documents"),
        n(s.claims, "claim", "claims"),
        n(s.contradictions, "contradiction", "contradictions"),
        s.known_contradictions,
        n(s.agreements, "agreement", "agreements"),
        s.single_source,
        n(s.warnings, "warning", "warnings"),
    );
    out
}

fn annotate(out: &mut String, level: &str, claim: &Claim, title: &str, message: &str) {
    let _ = writeln!(
        out,
        "::{level} file={},line={},col={},endLine={},endColumn={},title={}::{}",
        property(claim.path()),
        claim.value_span.line,
        claim.value_span.column,
        claim.value_span.end_line,
        claim.value_span.end_column,
        property(title),
        data(message)
    );
}
