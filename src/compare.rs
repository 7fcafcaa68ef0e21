//! The compare stage: claims → findings.
//!
//! Claims are grouped by subject. Within a subject, every pair of claims from
//! two different outlets is compared: they are compatible when their intervals
//! meet once widened by the rules' tolerance. Claims of one outlet are never
//! held against each other: an article that updates its own toll is not a
//! contradiction between sources.

use crate::extract::Claim;
use crate::rules::Tolerance;
use crate::value::{Interval, Range};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// What the outlets say about one subject, taken together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    /// At least one pair of outlets states incompatible values.
    Contradiction,
    /// Two outlets or more, and every pair is compatible.
    Agreement,
    /// Only one outlet states it: nothing to cross-check against.
    SingleSource,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Contradiction => "contradiction",
            Status::Agreement => "agreement",
            Status::SingleSource => "single_source",
        }
    }
}

/// The verdict on one subject.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub subject: String,
    pub status: Status,
    /// Sorted, each once.
    pub outlets: Vec<String>,
    /// The subject's claims, as indices into the compared claims, in claim
    /// order. (Indices, not ids: a large corpus has hundreds of thousands of
    /// claims, and their ids are built only when shown.)
    pub claims: Vec<usize>,
    /// Incompatible pairs of statements, each by its first claim, in claim
    /// order: one pair per distinct conflict (see `conflicting`).
    pub conflicts: Vec<(usize, usize)>,
    /// One fingerprint per conflict, in the same order: see [`fingerprint`].
    pub fingerprints: Vec<String>,
    /// Every claim that takes part in a conflict, with the claim that stands
    /// for its statement in `conflicts` (claims of one rule, outlet and value
    /// make one statement: the conflicts list each pair of statements once,
    /// by their first claims).
    pub conflicting: Vec<(usize, usize)>,
}

/// Compares the claims of each subject; findings sorted by subject.
pub fn compare(claims: &[Claim]) -> Vec<Finding> {
    compare_with_focus(claims, None)
}

/// Like [`compare`], but when `focus` is given (the new articles of a CI run)
/// keeps only what involves the claims it selects: findings that hold such a
/// claim, and of their conflicts only those with such a claim on one side. A
/// finding whose conflicts are all between older articles becomes an
/// agreement or single-source finding as far as the new claims are concerned.
pub fn compare_with_focus(claims: &[Claim], focus: Option<&dyn Fn(&Claim) -> bool>) -> Vec<Finding> {
    let mut by_subject: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, claim) in claims.iter().enumerate() {
        by_subject.entry(claim.subject()).or_default().push(i);
    }
    by_subject
        .into_iter()
        .filter_map(|(subject, group)| judge(subject, claims, &group, focus))
        .collect()
}

/// Claims that say the same thing: one rule, one outlet, one value (and, in
/// CI mode, all new or all old). Their conflicts are the same conflicts, so
/// claims are compared class by class: the work grows with the number of
/// distinct statements, not with the square of the number of articles.
struct Class<'a> {
    first: &'a Claim,
    /// Indices into the compared claims; the first is `first`'s.
    members: Vec<usize>,
    focused: bool,
}

type ClassKey<'a> = (&'a str, &'a str, String, bool);

fn judge(subject: &str, claims: &[Claim], group: &[usize], focus: Option<&dyn Fn(&Claim) -> bool>) -> Option<Finding> {
    let is_focused = |c: &Claim| focus.is_none_or(|f| f(c));
    if focus.is_some() && !group.iter().any(|&i| is_focused(&claims[i])) {
        return None;
    }
    let mut classes: Vec<Class> = Vec::new();
    let mut index: HashMap<ClassKey, usize> = HashMap::new();
    for &at in group {
        let claim = &claims[at];
        let focused = is_focused(claim);
        let key = (claim.rule(), claim.outlet(), value_key(&claim.value), focused);
        match index.get(&key) {
            Some(&i) => classes[i].members.push(at),
            None => {
                index.insert(key, classes.len());
                classes.push(Class {
                    first: claim,
                    members: vec![at],
                    focused,
                });
            }
        }
    }
    let mut conflicts = Vec::new();
    let mut fingerprints: Vec<String> = Vec::new();
    let mut in_conflict = vec![false; classes.len()];
    for (i, a) in classes.iter().enumerate() {
        for (j, b) in classes.iter().enumerate().skip(i + 1) {
            if a.first.outlet() == b.first.outlet() || !(a.focused || b.focused) || compatible(a.first, b.first) {
                continue;
            }
            let fingerprint = fingerprint(a.first, b.first);
            // An old and a new class of one outlet and value are one conflict.
            if fingerprints.contains(&fingerprint) {
                continue;
            }
            conflicts.push((a.members[0], b.members[0]));
            fingerprints.push(fingerprint);
            in_conflict[i] = true;
            in_conflict[j] = true;
        }
    }
    let outlets: BTreeSet<&str> = group.iter().map(|&i| claims[i].outlet()).collect();
    let status = if !conflicts.is_empty() {
        Status::Contradiction
    } else if outlets.len() >= 2 {
        Status::Agreement
    } else {
        Status::SingleSource
    };
    // Claim indices grow in claim order, so sorting them sorts by claim order.
    let mut conflicting: Vec<(usize, usize)> = Vec::new();
    for (class, _) in classes.iter().zip(&in_conflict).filter(|(_, c)| **c) {
        for &member in &class.members {
            conflicting.push((member, class.members[0]));
        }
    }
    conflicting.sort();
    Some(Finding {
        subject: subject.to_string(),
        status,
        outlets: outlets.into_iter().map(str::to_string).collect(),
        claims: group.to_vec(),
        conflicts,
        fingerprints,
        conflicting,
    })
}

/// A conflict's identity across runs: built from the subject, and for each
/// side its rule, outlet and normalised value, never from paths or line
/// numbers, so that editing an article elsewhere (or moving it) keeps it.
pub fn fingerprint(a: &Claim, b: &Claim) -> String {
    use sha2::{Digest, Sha256};
    let side = |c: &Claim| format!("{}\u{1f}{}\u{1f}{}", c.rule(), c.outlet(), value_key(&c.value));
    let mut sides = [side(a), side(b)];
    sides.sort();
    let digest = Sha256::digest(format!("v1\u{1e}{}\u{1e}{}\u{1e}{}", a.subject(), sides[0], sides[1]).as_bytes());
    digest.iter().take(16).map(|b| format!("{b:02x}")).collect()
}

/// A claim's identity across runs, for suppressing it by fingerprint in a
/// baseline: its subject, rule, outlet, normalised value and article, never
/// its line, so that editing the article elsewhere keeps it.
pub fn claim_fingerprint(c: &Claim) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(
        format!(
            "claim-v1\u{1e}{}\u{1e}{}\u{1e}{}\u{1e}{}\u{1e}{}",
            c.subject(),
            c.rule(),
            c.outlet(),
            value_key(&c.value),
            c.path()
        )
        .as_bytes(),
    );
    digest.iter().take(16).map(|b| format!("{b:02x}")).collect()
}

/// A value as exact, stable text, for fingerprints.
fn value_key(value: &crate::value::Value) -> String {
    match &value.interval {
        Interval::Text(t) => format!("text:{t}"),
        Interval::Range(r) => format!(
            "{}:{}{:?},{:?}{}",
            value.kind.as_str(),
            if r.lo_open { "(" } else { "[" },
            r.lo,
            r.hi,
            if r.hi_open { ")" } else { "]" }
        ),
    }
}

/// Whether two claims can both be true.
pub fn compatible(a: &Claim, b: &Claim) -> bool {
    match (&a.value.interval, &b.value.interval) {
        (Interval::Range(x), Interval::Range(y)) => {
            // Values of different kinds or units are not comparable; the rules
            // stage keeps one subject to one kind, so this is a safety net.
            if a.value.kind != b.value.kind || a.value.unit != b.value.unit {
                return true;
            }
            let slack = slack(a.tolerance(), x, y).max(slack(b.tolerance(), x, y));
            x.widened(slack).intersects(y)
        }
        (Interval::Text(x), Interval::Text(y)) => x == y,
        _ => true,
    }
}

/// How much a tolerance widens an interval when comparing `x` with `y`.
fn slack(tolerance: Tolerance, x: &Range, y: &Range) -> f64 {
    match tolerance {
        Tolerance::Absolute(t) => t,
        Tolerance::Relative(f) => {
            let magnitude = [x.lo, x.hi, y.lo, y.hi]
                .into_iter()
                .filter(|v| v.is_finite())
                .map(f64::abs)
                .fold(0.0, f64::max);
            f * magnitude
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Span;
    use crate::value::{Kind, Value};

    /// A claim named by its path.
    fn claim(name: &str, outlet: &str, range: Range, tolerance: Tolerance) -> Claim {
        let span = Span {
            start: 0,
            end: 1,
            line: 1,
            column: 1,
            end_line: 1,
            end_column: 2,
        };
        Claim {
            rule: std::sync::Arc::new(crate::extract::RuleTag {
                id: "r".into(),
                tolerance,
                subject: "s".into(),
            }),
            source: std::sync::Arc::new(crate::extract::Source::new(
                name,
                None,
                outlet.into(),
                None,
                "fr".into(),
            )),
            value: Value {
                kind: Kind::Number,
                interval: Interval::Range(range),
                unit: None,
            },
            span,
            value_span: span,
            quote: Default::default(),
            resolved_from: None,
        }
    }

    /// Pairs of claim indices as pairs of claim names.
    fn named<'a>(claims: &'a [Claim], pairs: &[(usize, usize)]) -> Vec<(&'a str, &'a str)> {
        pairs
            .iter()
            .map(|&(a, b)| (claims[a].path(), claims[b].path()))
            .collect()
    }

    const EXACT: Tolerance = Tolerance::Absolute(0.0);

    #[test]
    fn equal_values_from_two_outlets_agree() {
        let claims = [
            claim("a", "A", Range::exact(50.0), EXACT),
            claim("b", "B", Range::exact(50.0), EXACT),
        ];
        let f = &compare(&claims)[0];
        assert_eq!(f.status, Status::Agreement);
        assert_eq!(f.outlets, ["A", "B"]);
        assert!(f.conflicts.is_empty());
    }

    #[test]
    fn disjoint_values_contradict_and_the_pair_is_listed() {
        let claims = [
            claim("a", "A", Range::exact(50.0), EXACT),
            claim("b", "B", Range::exact(60.0), EXACT),
        ];
        let f = &compare(&claims)[0];
        assert_eq!(f.status, Status::Contradiction);
        assert_eq!(named(&claims, &f.conflicts), [("a", "b")]);
        assert_eq!(f.fingerprints.len(), 1);
    }

    #[test]
    fn a_fingerprint_ignores_paths_lines_and_order_but_not_values() {
        let a = claim("a", "A", Range::exact(50.0), EXACT);
        let b = claim("b", "B", Range::exact(60.0), EXACT);
        let mut moved = a.clone();
        moved.source = std::sync::Arc::new(crate::extract::Source::new(
            "elsewhere.md",
            None,
            "A".into(),
            None,
            "fr".into(),
        ));
        moved.span.line = 99;
        assert_eq!(fingerprint(&a, &b), fingerprint(&moved, &b));
        assert_eq!(fingerprint(&a, &b), fingerprint(&b, &a));
        let c = claim("c", "B", Range::exact(61.0), EXACT);
        assert_ne!(fingerprint(&a, &b), fingerprint(&a, &c));
    }

    #[test]
    fn focusing_on_new_claims_drops_old_conflicts() {
        let claims = [
            claim("old1", "A", Range::exact(50.0), EXACT),
            claim("old2", "B", Range::exact(60.0), EXACT),
            claim("new", "C", Range::exact(50.0), EXACT),
        ];
        let findings = compare_with_focus(&claims, Some(&|c: &Claim| c.path() == "new"));
        assert_eq!(named(&claims, &findings[0].conflicts), [("old2", "new")]);
        let agreeing = [
            claims[0].clone(),
            claims[2].clone(),
            claim("old3", "D", Range::exact(70.0), EXACT),
        ];
        let findings = compare_with_focus(&agreeing, Some(&|c: &Claim| c.path() == "old1"));
        assert_eq!(named(&agreeing, &findings[0].conflicts), [("old1", "old3")]);
        let none = compare_with_focus(&claims[..2], Some(&|c: &Claim| c.path() == "new"));
        assert!(none.is_empty());
    }

    #[test]
    fn a_hedge_that_covers_the_other_value_agrees() {
        let claims = [
            claim("a", "A", Range::at_least(1.0), EXACT),
            claim("b", "B", Range::exact(3.0), EXACT),
        ];
        assert_eq!(compare(&claims)[0].status, Status::Agreement);
    }

    #[test]
    fn tolerance_widens_the_comparison() {
        let near = [
            claim("a", "A", Range::exact(100.0), Tolerance::Relative(0.05)),
            claim("b", "B", Range::exact(104.0), EXACT),
        ];
        assert_eq!(compare(&near)[0].status, Status::Agreement);
        let far = [
            claim("a", "A", Range::exact(100.0), Tolerance::Absolute(3.0)),
            claim("b", "B", Range::exact(104.0), EXACT),
        ];
        assert_eq!(compare(&far)[0].status, Status::Contradiction);
    }

    #[test]
    fn claims_repeating_a_statement_make_one_conflict_and_are_all_marked() {
        let claims = [
            claim("a", "A", Range::exact(50.0), EXACT),
            claim("a2", "A", Range::exact(50.0), EXACT),
            claim("b", "B", Range::exact(60.0), EXACT),
        ];
        let f = &compare(&claims)[0];
        assert_eq!(named(&claims, &f.conflicts), [("a", "b")]);
        assert_eq!(named(&claims, &f.conflicting), [("a", "a"), ("a2", "a"), ("b", "b")]);
    }

    #[test]
    fn a_new_claim_repeating_an_old_statement_is_still_reported() {
        let claims = [
            claim("old", "A", Range::exact(60.0), EXACT),
            claim("other", "B", Range::exact(50.0), EXACT),
            claim("new", "A", Range::exact(60.0), EXACT),
        ];
        let findings = compare_with_focus(&claims, Some(&|c: &Claim| c.path() == "new"));
        assert_eq!(named(&claims, &findings[0].conflicts), [("other", "new")]);
    }

    #[test]
    fn one_outlet_is_a_single_source_even_when_it_differs_from_itself() {
        let claims = [
            claim("a", "A", Range::exact(1.0), EXACT),
            claim("b", "A", Range::exact(2.0), EXACT),
        ];
        let f = &compare(&claims)[0];
        assert_eq!(f.status, Status::SingleSource);
        assert!(f.conflicts.is_empty());
    }
}
