//! GitHub Actions workflow commands: annotations on the pull request's lines.
//!
//! `::error` for each conflicting claim (of a new article, in CI mode),
//! `::notice` for the single-source claims of new articles, `::warning` for
//! input problems. Baseline-accepted contradictions are not annotated.

use super::{describe_value, Report};
use crate::compare::Status;
use crate::extract::Claim;
use std::fmt::Write;

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

/// Escapes a command's message, as the Actions toolkit does; every other
/// hazard of article text (escape sequences, which the log viewer would
/// obey, bidirectional controls) is shown visibly ([`super::inert`]).
fn data(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            c if super::inert::is_hazard(c) => {
                use std::fmt::Write as _;
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

/// Escapes a command's property value.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_and_properties_are_escaped() {
        assert_eq!(data("50 % de\nplus"), "50 %25 de%0Aplus");
        assert_eq!(data("a\u{1b}[2J\u{202e}"), "a\\u{1b}[2J\\u{202e}");
        assert_eq!(property("a:b,c"), "a%3Ab%2Cc");
    }
}
