//! Identities that last across runs: a conflict's fingerprint (what a
//! baseline accepts) and a claim's (what a baseline suppresses), built from
//! subjects, rules, outlets and normalised values, never from places.

use crate::extract::Claim;
use crate::value::Interval;
use std::fmt::Write;

/// A conflict's identity across runs: built from the subject, and for each
/// side its rule, outlet and normalised value, never from paths or line
/// numbers, so that editing an article elsewhere (or moving it) keeps it.
pub fn fingerprint(a: &Claim, b: &Claim) -> String {
    let side = |c: &Claim| format!("{}\u{1f}{}\u{1f}{}", c.rule(), c.outlet(), value_key(&c.value));
    let mut sides = [side(a), side(b)];
    sides.sort();
    let mut digest = Digest::default();
    let _ = write!(digest, "v1\u{1e}{}\u{1e}{}\u{1e}{}", a.subject(), sides[0], sides[1]);
    digest.hex()
}

/// A claim's identity across runs, for suppressing it by fingerprint in a
/// baseline: its subject, rule, outlet, normalised value and article, never
/// its line, so that editing the article elsewhere keeps it.
pub fn claim_fingerprint(c: &Claim) -> String {
    // Written straight into the hash: this runs once per claim in every
    // JSON report, and the formatted text was only ever hashed.
    let mut digest = Digest::default();
    let _ = write!(
        digest,
        "claim-v1\u{1e}{}\u{1e}{}\u{1e}{}\u{1e}",
        c.subject(),
        c.rule(),
        c.outlet()
    );
    write_value_key(&mut digest, &c.value);
    let _ = write!(digest, "\u{1e}{}", c.path());
    digest.hex()
}

/// SHA-256 fed through `fmt::Write`, shown as the first 16 bytes in hex.
#[derive(Default)]
struct Digest(sha2::Sha256);

impl std::fmt::Write for Digest {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        sha2::Digest::update(&mut self.0, s.as_bytes());
        Ok(())
    }
}

impl Digest {
    fn hex(self) -> String {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let bytes = sha2::Digest::finalize(self.0);
        let mut out = String::with_capacity(32);
        for b in bytes.iter().take(16) {
            out.push(HEX[usize::from(b >> 4)] as char);
            out.push(HEX[usize::from(b & 15)] as char);
        }
        out
    }
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
    let mut key = String::new();
    write_value_key(&mut key, value);
    key
}

/// Writes [`value_key`] into `out`.
fn write_value_key(out: &mut impl Write, value: &crate::value::Value) {
    let _ = match &value.interval {
        Interval::Text(t) => write!(out, "text:{t}"),
        Interval::Range(r) => write!(
            out,
            "{}:{}{:?},{:?}{}",
            value.kind.as_str(),
            if r.lo_open { "(" } else { "[" },
            r.lo,
            r.hi,
            if r.hi_open { ")" } else { "]" }
        ),
    };
}
