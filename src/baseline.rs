//! Baselines: contradictions a newsroom has reviewed and accepts.
//!
//! A baseline records conflict fingerprints (see `compare::fingerprint`: the
//! subject, and each side's rule, outlet and value, never line numbers), so
//! that editing an article elsewhere keeps the entry valid, while a changed
//! value or a new outlet is a new contradiction that fails the run.

use crate::compare::Status;
use crate::report::{describe_value, Report};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::path::Path;

/// One accepted contradiction: the fingerprint, and what it was, for people.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Entry {
    pub fingerprint: String,
    pub subject: String,
    /// `outlet: value` for each side, as recorded.
    pub sides: Vec<String>,
}

/// One claim suppressed by its fingerprint (the JSON claim's
/// `fingerprint`), with the reason it is accepted.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClaimEntry {
    pub fingerprint: String,
    pub reason: String,
    /// What it was, for people (not used to match).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
}

#[derive(Debug, Serialize, Deserialize)]
struct BaselineFile {
    version: u32,
    contradictions: Vec<Entry>,
    /// Claims suppressed one by one, each with its reason.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    claims: Vec<ClaimEntry>,
}

/// The entries for every conflict of the report's contradictions, sorted.
pub fn entries(report: &Report) -> Vec<Entry> {
    let mut entries = BTreeSet::new();
    for f in report.findings.iter().filter(|f| f.status == Status::Contradiction) {
        for ((a, b), fingerprint) in f.conflicts.iter().zip(&f.fingerprints) {
            let side = |i: usize| {
                report
                    .claim(i)
                    .map(|c| format!("{}: {}", c.outlet(), describe_value(&c.value)))
                    .unwrap_or_default()
            };
            let mut sides = vec![side(*a), side(*b)];
            sides.sort();
            entries.insert(Entry {
                fingerprint: fingerprint.clone(),
                subject: f.subject.clone(),
                sides,
            });
        }
    }
    entries.into_iter().collect()
}

/// The baseline file's text.
pub fn render(entries: &[Entry]) -> String {
    render_with(entries, &[])
}

/// The baseline file's text, with claims suppressed by fingerprint.
pub fn render_with(entries: &[Entry], claims: &[ClaimEntry]) -> String {
    let file = BaselineFile {
        version: 1,
        contradictions: entries.to_vec(),
        claims: claims.to_vec(),
    };
    let mut text = serde_json::to_string_pretty(&file).unwrap_or_default();
    text.push('\n');
    text
}

/// The fingerprints a baseline file accepts.
pub fn read(path: &Path) -> Result<BTreeSet<String>, String> {
    read_all(path).map(|(known, _)| known)
}

/// The conflict fingerprints a baseline file accepts, and the claims it
/// suppresses by fingerprint.
pub fn read_all(path: &Path) -> Result<(BTreeSet<String>, Vec<ClaimEntry>), String> {
    let text =
        std::fs::read_to_string(path).map_err(|e| format!("cannot read the baseline {}: {e}", path.display()))?;
    let file: BaselineFile =
        serde_json::from_str(&text).map_err(|e| format!("{} is not a recoupe baseline: {e}", path.display()))?;
    if file.version != 1 {
        return Err(format!(
            "{}: baseline version {} is not supported (expected 1)",
            path.display(),
            file.version
        ));
    }
    Ok((
        file.contradictions.into_iter().map(|e| e.fingerprint).collect(),
        file.claims,
    ))
}
