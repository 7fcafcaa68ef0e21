//! Identities that last across runs: a conflict's fingerprint (what a
//! baseline accepts) and a claim's (what a baseline suppresses), built from
//! subjects, rules, outlets and normalised values, never from places.

use crate::extract::Claim;
use crate::value::Interval;

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

/// A value's identity, for grouping claims by value: two values have the
/// same one exactly when [`value_key`] writes them alike, without writing
/// them (formatting two floats per claim was a tenth of a CI run's time).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ValueId<'a> {
    Text(&'a str),
    Range {
        kind: crate::value::Kind,
        lo_open: bool,
        hi_open: bool,
        /// The ends' bits; every NaN is one (`value_key` writes each `NaN`).
        lo: u64,
        hi: u64,
    },
}

impl ValueId<'_> {
    pub fn of(value: &crate::value::Value) -> ValueId<'_> {
        let bits = |x: f64| if x.is_nan() { f64::NAN.to_bits() } else { x.to_bits() };
        match &value.interval {
            Interval::Text(t) => ValueId::Text(t),
            Interval::Range(r) => ValueId::Range {
                kind: value.kind,
                lo_open: r.lo_open,
                hi_open: r.hi_open,
                lo: bits(r.lo),
                hi: bits(r.hi),
            },
        }
    }
}

/// A value as exact, stable text, for fingerprints.
pub(super) fn value_key(value: &crate::value::Value) -> String {
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
