//! The compare stage's verdicts on small sets of claims.

use super::*;
use crate::extract::Span;
use crate::rules::Tolerance;
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
            ..Default::default()
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
        context: Default::default(),
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
