//! recoupe: cross-check facts between news outlets.
//!
//! The pipeline has one module per stage and data flows one way:
//!
//! corpus → rules → extract → normalize → compare → report
//!
//! See ARCHITECTURE.md for what each stage owns. [`app`] runs the stages for
//! the command line; `main.rs` only parses arguments.

pub mod app;
pub mod baseline;
pub mod compare;
pub mod corpus;
pub mod examples;
pub mod extract;
pub mod french;
pub mod normalize;
pub mod report;
pub mod rules;
pub mod value;

use report::{DocumentEntry, Report, RuleEntry};
use std::collections::BTreeSet;

/// What a check is about, beyond the corpus itself.
#[derive(Debug, Clone, Default)]
pub struct Scope {
    /// The new articles of a CI run (paths as shown): only findings that
    /// involve one of them are reported. `None`: the whole corpus.
    pub new_paths: Option<BTreeSet<String>>,
    /// Conflict fingerprints accepted by a baseline: reported as known, they
    /// do not fail the run.
    pub known: BTreeSet<String>,
}

/// Runs extraction and comparison over a loaded corpus: the whole job once the
/// inputs are read.
pub fn check(corpus: corpus::Corpus, rules: &rules::RuleSet, scope: &Scope) -> Report {
    let extraction = extract::extract(&corpus.documents, rules);
    let findings = match &scope.new_paths {
        None => compare::compare(&extraction.claims),
        Some(new) => compare::compare_with_focus(&extraction.claims, Some(&|c: &extract::Claim| new.contains(&c.path))),
    };
    let mut warnings = corpus.warnings;
    warnings.extend(extraction.warnings);
    warnings.sort();
    Report {
        documents: corpus
            .documents
            .iter()
            .map(|d| DocumentEntry {
                path: d.path.clone(),
                outlet: d.meta.outlet.clone(),
                published: d.meta.published,
                lang: d.meta.lang.clone(),
                title: d.meta.title.clone(),
            })
            .collect(),
        rules: rules
            .rules
            .iter()
            .map(|r| RuleEntry {
                id: r.id.clone(),
                subject: r.subject.to_string(),
                kind: r.kind,
                description: r.description.clone(),
            })
            .collect(),
        claims: extraction.claims,
        findings,
        warnings,
        new_paths: scope.new_paths.clone(),
        known: scope.known.clone(),
        claim_index: Default::default(),
    }
}
