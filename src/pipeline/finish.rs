//! A whole run compared and reported: [`Gathered`] → each outlet one name,
//! the baseline's suppressions, everything sorted → findings → [`Report`].

use super::outlets::one_name_per_outlet;
use super::Scope;
use crate::claims::{Gathered, Place};
use crate::report::{Report, RuleEntry};
use crate::{compare, corpus, extract, suppress};
use std::collections::BTreeSet;

/// Compares what a run gathered and makes its report: each outlet one
/// name, the baseline's suppressions, everything sorted (so that the report
/// does not depend on threads or on the order inputs came in), findings.
/// `failures`: the warnings of patterns that could not be built.
pub fn finish(gathered: Gathered, rules: &[RuleEntry], failures: Vec<corpus::Warning>, scope: &Scope) -> Report {
    let Gathered {
        mut documents,
        mut claims,
        mut warnings,
        mut suppressed,
        sentences,
        records: _,
    } = gathered;
    one_name_per_outlet(&mut documents, &mut claims, &mut suppressed, &scope.aliases);
    suppress_by_baseline(&mut claims, &mut suppressed, &mut warnings, scope);
    // In the order of the file, whichever thread found them; a document
    // given twice (in two shards) suppresses its claims once.
    suppressed.sort_by(|a, b| extract::Claim::order(&a.claim, &b.claim));
    suppressed.dedup_by(|a, b| a.claim == b.claim && a.reason == b.reason && a.by == b.by && a.line == b.line);
    // The records of a JSON Lines file share its path: its line tells them apart.
    // Unstable, in place: two entries with one path and line are one
    // document read twice, alike in every field.
    use rayon::slice::ParallelSliceMut;
    documents.par_sort_unstable_by(|a, b| (a.source.path(), a.line).cmp(&(b.source.path(), b.line)));
    documents.dedup_by(|a, b| (a.source.path(), a.line) == (b.source.path(), b.line));
    // In place: a stable sort would allocate half the claims again.
    claims.par_sort_unstable_by(extract::Claim::order);
    // The same file named twice (a folder and a file in it) gives the same
    // claims twice.
    claims.dedup_by(|a, b| {
        a.path() == b.path() && a.span == b.span && a.value_span == b.value_span && a.rule() == b.rule()
    });
    warnings.extend(failures);
    warnings.sort();
    warnings.dedup();

    let findings = compare_claims(&claims, scope);
    let sentences = if scope.sentences {
        claims
            .iter()
            .map(|c| {
                let place: Place = (c.path().into(), c.span.line, c.span.start, c.span.end);
                sentences.get(&place).cloned().unwrap_or_default()
            })
            .collect()
    } else {
        Vec::new()
    };
    Report {
        documents,
        rules: rules.to_vec(),
        claims,
        findings,
        warnings,
        new_paths: scope.new_paths.clone(),
        known: scope.known.clone(),
        sentences,
        config: None,
        suppressed,
    }
}

/// Takes out the claims the baseline suppresses by fingerprint (as
/// suppressed `by: "baseline"`), and warns of each fingerprint that took
/// nothing.
fn suppress_by_baseline(
    claims: &mut Vec<extract::Claim>,
    suppressed: &mut Vec<suppress::Suppressed>,
    warnings: &mut Vec<corpus::Warning>,
    scope: &Scope,
) {
    if let Some((file, by_fingerprint)) = &scope.suppress_claims {
        let mut used = BTreeSet::new();
        claims.retain(|c| {
            let fingerprint = compare::claim_fingerprint(c);
            match by_fingerprint.get(&fingerprint) {
                Some(reason) => {
                    suppressed.push(suppress::Suppressed {
                        claim: c.clone(),
                        reason: reason.clone(),
                        by: "baseline",
                        line: None,
                    });
                    used.insert(fingerprint);
                    false
                }
                None => true,
            }
        });
        for fingerprint in by_fingerprint.keys().filter(|f| !used.contains(*f)) {
            warnings.push(corpus::Warning {
                path: file.clone(),
                line: None,
                message: format!(
                    "unused suppression: no claim has the fingerprint {fingerprint}; remove it from the baseline"
                ),
            });
        }
    }
}

/// The findings: the whole run's, or in CI mode only those that involve a
/// new article.
fn compare_claims(claims: &[extract::Claim], scope: &Scope) -> Vec<compare::Finding> {
    match &scope.new_paths {
        None => compare::compare(claims),
        Some(new) => {
            // Which documents are new, asked once per document rather than
            // for each claim at each step of the comparison (a string
            // comparison, its text out of the cache, 46,000 times for
            // 10,000 documents): their sources, by address.
            // (As addresses: the focus is asked from several threads.)
            let mut focused = foldhash::HashSet::default();
            let mut last: Option<usize> = None;
            for c in claims {
                let source = std::sync::Arc::as_ptr(&c.source) as usize;
                if last != Some(source) {
                    last = Some(source);
                    if new.contains(c.path()) {
                        focused.insert(source);
                    }
                }
            }
            compare::compare_with_focus(
                claims,
                Some(&|c: &extract::Claim| focused.contains(&(std::sync::Arc::as_ptr(&c.source) as usize))),
            )
        }
    }
}
