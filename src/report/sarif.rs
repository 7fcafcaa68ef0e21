//! SARIF 2.1.0, for code-scanning dashboards: one result per conflicting claim
//! (of a new article, in CI mode) with the claims it conflicts with as related
//! locations; the rules as reporting descriptors; warnings as tool execution
//! notifications.

use super::escape::uri;
use super::{describe_value, first_sentence, Printer, Report, Settings};
use crate::compare::{Finding, Status};
use crate::extract::Claim;
use serde_json::{json, Value as Json};
use std::collections::BTreeMap;
use std::io::Write;

/// The [`Printer`] of the `sarif` format: SARIF 2.1.0, streamed.
pub struct SarifPrinter;

impl Printer for SarifPrinter {
    fn print(&self, report: &Report, _settings: &Settings, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        write(report, out)
    }
}

pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// Related locations per result, at most: enough to see who disagrees.
pub const MAX_RELATED: usize = 3;
/// Statements named in a result's message, at most.
const MAX_IN_MESSAGE: usize = 3;

/// Results per run, at most. GitHub code scanning shows the first 5,000
/// results of a run and refuses uploads over 10 MB: past this, a note says
/// how many were left out, and `--format json` lists every one.
pub const MAX_RESULTS: usize = 5_000;

/// Writes the SARIF log, one result at a time: the log is never held whole
/// in memory. It is compact JSON, one result per line (a dashboard reads it;
/// a line per result keeps diffs of it readable), and under GitHub's upload
/// limits (see [`MAX_RESULTS`], [`MAX_RELATED`]).
pub fn write(report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    let rule_index: BTreeMap<&str, usize> = report
        .rules
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.as_str(), i))
        .collect();
    let rules: Vec<Json> = report
        .rules
        .iter()
        .map(|r| {
            json!({
                "id": r.id,
                "name": r.subject,
                "shortDescription": {"text": first_sentence(&r.description)},
                "fullDescription": {"text": r.description},
                "defaultConfiguration": {"level": sarif_level(r.severity)},
                "properties": {"kind": r.kind.as_str(), "subject": r.subject},
            })
        })
        .collect();

    let total = conflicting_claims(report).count();
    let mut notifications: Vec<Json> = report
        .warnings
        .iter()
        .map(|w| {
            let mut physical = json!({"artifactLocation": {"uri": uri(&w.path)}});
            if let Some(line) = w.line {
                physical["region"] = json!({"startLine": line});
            }
            json!({
                "level": "warning",
                "message": {"text": w.message},
                "locations": [{"physicalLocation": physical}],
            })
        })
        .collect();
    if total > MAX_RESULTS {
        notifications.push(json!({
            "level": "note",
            "message": {"text": format!(
                "{MAX_RESULTS} of {total} conflicting claims are listed as results (GitHub code scanning shows at most {MAX_RESULTS} per run); `--format json` lists every one"
            )},
        }));
    }
    let head = json!({
        "tool": {"driver": {
            "name": "recoupe",
            "version": env!("CARGO_PKG_VERSION"),
            "rules": rules,
        }},
        "invocations": [{
            "executionSuccessful": true,
            "toolExecutionNotifications": notifications,
        }],
        "columnKind": "unicodeCodePoints",
    });
    // The run's object without its closing brace, then the results.
    let head = serde_json::to_string(&head).map_err(std::io::Error::other)?;
    let head = head.strip_suffix('}').unwrap_or(&head);
    write!(
        out,
        "{{\"$schema\":{},\"version\":\"2.1.0\",\"runs\":[{head},\"results\":[",
        serde_json::to_string(SCHEMA).map_err(std::io::Error::other)?
    )?;
    for (i, (finding, index, claim)) in conflicting_claims(report).take(MAX_RESULTS).enumerate() {
        out.write_all(if i == 0 { b"\n" } else { b",\n" })?;
        let result = result(report, &rule_index, finding, index, claim);
        serde_json::to_writer(&mut *out, &result).map_err(std::io::Error::other)?;
    }
    out.write_all(b"\n]}]}\n")
}

/// Each claim of a new article that takes part in a contradiction, with its
/// finding and its index there, in report order.
fn conflicting_claims(report: &Report) -> impl Iterator<Item = (&Finding, usize, &Claim)> {
    report
        .findings
        .iter()
        .filter(|f| f.status == Status::Contradiction)
        .flat_map(move |finding| {
            report
                .conflicting(finding)
                .filter(|(_, claim)| report.is_new(claim))
                .map(move |(index, claim)| (finding, index, claim))
        })
}

/// One conflicting claim's result, listing the statements it conflicts with.
fn result(report: &Report, rule_index: &BTreeMap<&str, usize>, finding: &Finding, index: usize, claim: &Claim) -> Json {
    let partners = report.partners(finding, index);
    let statement = finding
        .conflicting
        .iter()
        .find(|(i, _)| *i == index)
        .map_or(index, |(_, s)| *s);
    let mut fingerprints: Vec<&str> = finding
        .conflicts
        .iter()
        .zip(&finding.fingerprints)
        .filter(|((a, b), _)| *a == statement || *b == statement)
        .map(|(_, f)| f.as_str())
        .collect();
    // Bounded: a claim that contradicts hundreds of outlets' statements
    // names the first few; the JSON report lists them all.
    let capped = partners.len().saturating_sub(MAX_RELATED);
    let related: Vec<Json> = partners
        .iter()
        .take(MAX_RELATED)
        .enumerate()
        .map(|(i, other)| {
            // No snippet: the primary location shows the words; a related
            // one only says where and who.
            let mut loc = location(other);
            if let Some(region) = loc["physicalLocation"]["region"].as_object_mut() {
                region.remove("snippet");
            }
            loc["id"] = json!(i);
            loc["message"] = json!({"text": format!("{} says {}", other.outlet(), describe_value(&other.value))});
            loc
        })
        .collect();
    let mut against: Vec<String> = partners
        .iter()
        .take(MAX_IN_MESSAGE)
        .map(|o| format!("{} ({})", describe_value(&o.value), o.outlet()))
        .collect();
    if partners.len() > MAX_IN_MESSAGE {
        against.push(format!(
            "and {} more statements{}",
            partners.len() - MAX_IN_MESSAGE,
            if capped > 0 {
                format!(" ({MAX_RELATED} shown as related locations; `--format json` lists every conflict)")
            } else {
                String::new()
            }
        ));
    }
    fingerprints.sort();
    fingerprints.dedup();
    // Many conflicts: one stable digest of them all, not a list.
    let fingerprint = if fingerprints.len() > MAX_RELATED {
        use sha2::Digest;
        let digest = sha2::Sha256::digest(fingerprints.join(",").as_bytes());
        format!(
            "sha256:{}",
            digest.iter().map(|b| format!("{b:02x}")).collect::<String>()
        )
    } else {
        fingerprints.join(",")
    };
    let mut result = json!({
        "ruleId": claim.rule(),
        "level": sarif_level(report.claim_severity(claim)),
        "message": {"text": format!(
            "{} says {} for `{}`, which contradicts {}",
            claim.outlet(),
            describe_value(&claim.value),
            claim.subject(),
            against.join(", ")
        )},
        "locations": [location(claim)],
        "relatedLocations": related,
        "partialFingerprints": {"recoupeConflict/v1": fingerprint},
        "properties": {"subject": claim.subject(), "claim": claim.id()},
    });
    if let Some(i) = rule_index.get(claim.rule()) {
        result["ruleIndex"] = json!(i);
    }
    if report.is_known(finding) {
        result["baselineState"] = json!("unchanged");
        result["suppressions"] = json!([{"kind": "external", "justification": "accepted by the baseline"}]);
    } else if !report.known.is_empty() {
        result["baselineState"] = json!("new");
    }
    result
}

fn location(claim: &Claim) -> Json {
    // From the span, not from the quote: in a JSON Lines record the quote is
    // decoded text, shorter than its escapes in the file.
    let (end_line, end_column) = (claim.span.end_line, claim.span.end_column);
    json!({
        "physicalLocation": {
            "artifactLocation": {"uri": uri(claim.path())},
            "region": {
                "startLine": claim.span.line,
                "startColumn": claim.span.column,
                "endLine": end_line,
                "endColumn": end_column,
                "snippet": {"text": claim.quote()},
            },
        },
    })
}

/// A rule's severity as a SARIF level.
fn sarif_level(severity: crate::rules::model::Severity) -> &'static str {
    match severity {
        crate::rules::model::Severity::Error => "error",
        crate::rules::model::Severity::Warning => "warning",
        crate::rules::model::Severity::Info => "note",
    }
}
