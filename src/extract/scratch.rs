//! What each worker thread reuses between documents: caches, rule tags, shared strings.

use super::{RuleTag, Source};
use crate::rules::{Caches, Rule, RuleSet};
use std::collections::HashSet;
use std::sync::Arc;

/// What one worker thread reuses from one document to the next: the search
/// caches (the lazy DFAs fill them as they go, and starting afresh for every
/// document would redo that work) and what claims and documents share.
#[derive(Debug, Clone)]
pub struct Scratch {
    pub caches: Caches,
    /// For each rule, in rule order, the [`RuleTag`]s of the subjects met
    /// so far (one, but for subjects built from captured words).
    tags: Vec<Vec<Arc<RuleTag>>>,
    /// Outlets and languages met so far: documents point at one copy.
    strings: HashSet<Arc<str>>,
    /// What claims point at until their document's [`Source`] is made, at
    /// the end of `extract_document` (it holds their quotes).
    pub(super) blank: Arc<Source>,
}

impl Scratch {
    pub fn new(rules: &RuleSet) -> Scratch {
        Scratch {
            caches: rules.caches(),
            tags: vec![Vec::new(); rules.rules.len()],
            strings: HashSet::new(),
            blank: Arc::default(),
        }
    }

    /// The shared tag of rule `index` (of `rules`) and `subject`.
    pub(super) fn tag(&mut self, index: usize, rule: &Rule, subject: &str) -> Arc<RuleTag> {
        let tags = &mut self.tags[index];
        if let Some(tag) = tags.iter().find(|t| *t.subject == *subject) {
            return tag.clone();
        }
        let tag = Arc::new(RuleTag {
            id: rule.id.as_str().into(),
            tolerance: rule.tolerance,
            subject: subject.into(),
            evolves: rule.evolves,
            revises: rule.revises.as_ref().map(|(s, _)| s.as_str().into()),
        });
        tags.push(tag.clone());
        tag
    }

    /// The shared copy of `s`.
    pub fn share(&mut self, s: &str) -> Arc<str> {
        if let Some(shared) = self.strings.get(s) {
            return shared.clone();
        }
        let shared: Arc<str> = Arc::from(s);
        self.strings.insert(shared.clone());
        shared
    }
}

/// One [`Scratch`] per worker thread, kept for the whole run. Each thread
/// locks only its own slot, so the locks are never contended.
pub struct ThreadScratch {
    slots: Vec<std::sync::Mutex<Scratch>>,
}

impl ThreadScratch {
    pub fn new(rules: &RuleSet) -> ThreadScratch {
        let threads = rayon::current_num_threads().max(1);
        ThreadScratch {
            slots: (0..threads)
                .map(|_| std::sync::Mutex::new(Scratch::new(rules)))
                .collect(),
        }
    }

    /// Runs `f` with the current thread's scratch.
    pub fn with<T>(&self, f: impl FnOnce(&mut Scratch) -> T) -> T {
        let slot = rayon::current_thread_index().unwrap_or(0) % self.slots.len();
        let mut guard = self.slots[slot].lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        f(&mut guard)
    }
}
