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
    let inputs = Inputs {
        files: Vec::new(),
        documents: corpus.documents,
        warnings: corpus.warnings,
        load: corpus::LoadOptions::default(),
    };
    check_inputs(inputs, rules, scope)
}

/// What a check reads: files still on disk (read, checked and dropped one at a
/// time, so memory does not grow with the corpus) and documents already read
/// (standard input, or a corpus loaded by a library user).
#[derive(Debug, Default)]
pub struct Inputs {
    pub files: Vec<std::path::PathBuf>,
    pub documents: Vec<corpus::Document>,
    /// Warnings met while finding the inputs.
    pub warnings: Vec<corpus::Warning>,
    pub load: corpus::LoadOptions,
}

/// Reads, extracts and compares: each file is read once, its claims
/// extracted, and its text dropped; only claims, document metadata and
/// warnings are kept.
pub fn check_inputs(inputs: Inputs, rules: &rules::RuleSet, scope: &Scope) -> Report {
    use rayon::prelude::*;
    let caches = extract::ThreadCaches::new(rules);
    let one = |document: &corpus::Document| -> Checked {
        let extraction = caches.with(|c| extract::extract_document(document, rules, c));
        (entry(document), extraction)
    };
    let from_files: Vec<(Option<Checked>, Vec<corpus::Warning>)> = inputs
        .files
        .par_iter()
        .map(|path| {
            let (document, warnings) = corpus::read_document(path, &inputs.load);
            (document.as_ref().map(one), warnings)
        })
        .collect();
    let from_memory: Vec<Checked> = inputs.documents.par_iter().map(one).collect();

    let mut documents = Vec::with_capacity(from_files.len() + from_memory.len());
    let mut claims = Vec::new();
    let mut warnings = inputs.warnings;
    let read = from_files.into_iter().flat_map(|(done, mut more)| {
        warnings.append(&mut more);
        done
    });
    for (document, mut extraction) in read.collect::<Vec<_>>().into_iter().chain(from_memory) {
        documents.push(document);
        claims.append(&mut extraction.claims);
        warnings.append(&mut extraction.warnings);
    }
    documents.sort_by(|a, b| a.path.cmp(&b.path));
    documents.dedup_by(|a, b| a.path == b.path);
    claims.sort_by(|a, b| (&a.path, a.span.start, &a.rule).cmp(&(&b.path, b.span.start, &b.rule)));
    claims.dedup_by(|a, b| a.id == b.id);
    warnings.sort();
    warnings.dedup();

    let findings = match &scope.new_paths {
        None => compare::compare(&claims),
        Some(new) => compare::compare_with_focus(&claims, Some(&|c: &extract::Claim| new.contains(&c.path))),
    };
    Report {
        documents,
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
        claims,
        findings,
        warnings,
        new_paths: scope.new_paths.clone(),
        known: scope.known.clone(),
        claim_index: Default::default(),
    }
}

/// What is kept of a document once checked: its metadata and what was
/// extracted from it, not its text.
type Checked = (DocumentEntry, extract::Extraction);

fn entry(d: &corpus::Document) -> DocumentEntry {
    DocumentEntry {
        path: d.path.clone(),
        outlet: d.meta.outlet.clone(),
        published: d.meta.published,
        lang: d.meta.lang.clone(),
        title: d.meta.title.clone(),
    }
}
