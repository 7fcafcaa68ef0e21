//! recoupe: cross-check facts between news outlets.
//!
//! The pipeline has one module per stage and data flows one way:
//!
//! corpus → rules → extract → normalize → compare → report
//!
//! See ARCHITECTURE.md for what each stage owns. [`app`] runs the stages for
//! the command line; `main.rs` only parses arguments.

pub mod app;
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

/// Runs extraction and comparison over a loaded corpus: the whole job once the
/// inputs are read.
pub fn check(corpus: corpus::Corpus, rules: &rules::RuleSet) -> Report {
    let extraction = extract::extract(&corpus.documents, rules);
    let findings = compare::compare(&extraction.claims);
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
    }
}
