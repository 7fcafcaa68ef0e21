//! The pipeline's driver: a run's inputs read and extracted ([`gather`](fn@gather)),
//! then compared and reported ([`finish`](fn@finish)).
//!
//! Each stage takes plain data and gives plain data:
//!
//! ```text
//! Inputs ──gather──► Gathered ──finish──► Report ──report::print──► bytes
//!         corpus: files → Documents        outlets named once, baseline suppressions,
//!         search + extract (+ normalize):  sorted; compare: claims → Findings
//!         Document × RuleSet → Claims
//! ```
//!
//! [`check_inputs`] is the whole run for a library caller; `recoupe check`
//! and `recoupe extract` call [`gather`](fn@gather) through the claims cache
//! (`app::run`), and `recoupe compare` builds its [`Gathered`] from shard
//! records ([`Collect`]) before the same [`finish`](fn@finish). Where a run's claims
//! are kept, and how their memory is handed back, is [`crate::claims`]'s.

mod collect;
mod finish;
mod gather;
mod outlets;

pub use crate::claims::Gathered;
pub use collect::Collect;
pub use finish::finish;
pub use gather::gather;

use crate::claims::release_freed_memory;
use crate::report::{Report, RuleEntry};
use crate::{cache, corpus, rules};
use std::collections::BTreeSet;

/// What a check is about, beyond the corpus itself.
#[derive(Debug, Clone, Default)]
pub struct Scope {
    /// The new articles of a CI run (paths as shown): only findings that
    /// involve one of them are reported. `None`: the whole corpus.
    pub new_paths: Option<BTreeSet<String>>,
    /// The report shows only the findings of the new articles' subjects
    /// (a CI run in a format that does not list every claim, with no
    /// baseline suppressing claims by fingerprint): the claims the cache
    /// serves of other subjects are counted, not rebuilt. Set by `check
    /// --new`; the findings and counts are those of a full run.
    pub new_subjects_only: bool,
    /// Conflict fingerprints accepted by a baseline: reported as known, they
    /// do not fail the run.
    pub known: BTreeSet<String>,
    /// Keep the sentence around each claim's quote (`Report::sentences`),
    /// for the HTML page: costs a string per claim, so only when asked.
    pub sentences: bool,
    /// Told of each document read (a progress bar), when there is one.
    pub progress: Option<Progress>,
    /// Outlet aliases (`[outlets.aliases]` of recoupe.toml): each name as
    /// written, and the outlet it names.
    pub aliases: std::collections::BTreeMap<String, String>,
    /// Claims a baseline suppresses by fingerprint: the baseline as shown,
    /// and each fingerprint's reason.
    pub suppress_claims: Option<(String, std::collections::BTreeMap<String, String>)>,
}

/// Something told, from any thread, how many more documents were read.
#[derive(Clone)]
pub struct Progress(pub std::sync::Arc<dyn Fn(u64) + Send + Sync>);

impl std::fmt::Debug for Progress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Progress")
    }
}

impl Progress {
    fn tick(this: &Option<Progress>) {
        if let Some(p) = this {
            (p.0)(1);
        }
    }
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
/// time, so memory does not grow with the corpus; JSON Lines files one record
/// at a time) and documents already read (standard input, or a corpus loaded
/// by a library user).
#[derive(Debug, Default)]
pub struct Inputs {
    pub files: Vec<std::path::PathBuf>,
    pub documents: Vec<corpus::Document>,
    /// Warnings met while finding the inputs.
    pub warnings: Vec<corpus::Warning>,
    pub load: corpus::LoadOptions,
}

/// Reads, extracts and compares: each file (or JSON Lines record) is read
/// once, its claims extracted, and its text dropped; only claims, document
/// metadata and warnings are kept.
pub fn check_inputs(inputs: Inputs, rules: &rules::RuleSet, scope: &Scope) -> Report {
    let catalog = rule_entries(rules);
    let source = Rules::Ready(rules);
    let run = Run {
        rules: &source,
        catalog: &catalog,
        cache: None,
        records: false,
    };
    let gathered = gather(inputs, &run, scope);
    finish(gathered, &catalog, rules.failures(), scope)
}

/// What reports need of each rule of a set.
pub fn rule_entries(rules: &rules::RuleSet) -> Vec<RuleEntry> {
    rules
        .rules
        .iter()
        .map(|r| RuleEntry {
            id: r.id.clone(),
            subject: r.subject.to_string(),
            kind: r.kind,
            description: r.description.clone(),
            severity: r.severity,
            tolerance: r.tolerance,
            evolves: r.evolves,
            revises: r.revises.as_ref().map(|(s, _)| s.clone()),
        })
        .collect()
}

/// The rules of a run: compiled already, or compiled the first time an
/// article needs them (a run whose every article is in the claims cache
/// compiles none: compiling the rules is most of a small run's time).
pub enum Rules<'a> {
    Ready(&'a rules::RuleSet),
    Lazy {
        sources: Vec<(String, String)>,
        // Boxed: a compiled rule set is large, and a `Ready` run holds a
        // reference only.
        set: Box<std::sync::OnceLock<Result<rules::RuleSet, rules::diagnostic::RuleErrors>>>,
    },
}

impl Rules<'_> {
    /// Rules compiled from `sources` when first needed.
    pub fn lazy(sources: Vec<(String, String)>) -> Rules<'static> {
        Rules::Lazy {
            sources,
            set: Box::new(std::sync::OnceLock::new()),
        }
    }

    /// The compiled rules, compiling them now if need be; `None` when they
    /// do not compile (see [`Rules::errors`]).
    pub fn get(&self) -> Option<&rules::RuleSet> {
        match self {
            Rules::Ready(set) => Some(set),
            Rules::Lazy { sources, set } => set
                .get_or_init(|| {
                    let compiled = rules::load_sources(sources.clone());
                    release_freed_memory();
                    compiled
                })
                .as_ref()
                .ok(),
        }
    }

    /// Whether the rules were compiled during the run.
    pub fn compiled(&self) -> Option<&rules::RuleSet> {
        match self {
            Rules::Ready(set) => Some(set),
            Rules::Lazy { set, .. } => set.get().and_then(|r| r.as_ref().ok()),
        }
    }

    /// Why the rules did not compile, when they were needed and did not.
    pub fn errors(&self) -> Option<&rules::diagnostic::RuleErrors> {
        match self {
            Rules::Ready(_) => None,
            Rules::Lazy { set, .. } => set.get().and_then(|r| r.as_ref().err()),
        }
    }
}

/// How a run extracts: with which rules, whether through the claims cache,
/// and whether it keeps every document's record (`recoupe extract`).
pub struct Run<'a> {
    pub rules: &'a Rules<'a>,
    /// What reports need of the rules, and their tolerances: claims rebuilt
    /// from records take theirs from here.
    pub catalog: &'a [RuleEntry],
    pub cache: Option<&'a cache::Session>,
    pub records: bool,
}
