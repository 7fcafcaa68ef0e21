//! What extraction produced for one document, as data that outlives the run:
//! the claims cache (`cache`, in postcard's binary form) and the shard files
//! of `recoupe extract` (JSON Lines) both hold [`Extracted`] records, so that
//! what a later run or `recoupe compare` rebuilds from them is what `check`
//! would have found by reading the article again.
//!
//! A record holds everything the comparison and the reports take from an
//! article once its text is dropped: the document's metadata (as
//! [`DocumentEntry`] describes it), its claims (each with the sentence its
//! quote stands in, for the HTML page), the claims its suppressions took
//! out, and its warnings (reading, extraction, unused suppressions). An
//! input that gave no document (a binary or empty file) is a record with its
//! warnings only. Outlet names are not settled here: aliases and the one
//! name per outlet are chosen afterwards from the whole run's names.
//!
//! The records are plain strings and numbers, so that a shard file can be
//! read by other tools; every field is always written (postcard has no
//! optional fields).

mod rebuild;
mod text;
mod write;

pub use rebuild::Rebuild;
pub use text::{Seldom, Text};

use crate::extract::Extraction;
use crate::report::{DocumentEntry, Sentence};
use crate::suppress::Suppressed;
use serde::{Deserialize, Serialize};

/// What extraction produced for one document (or, with no `document`, for
/// an input that gave none: its warnings).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Extracted<'a> {
    #[serde(borrow)]
    pub document: Option<DocumentRecord<'a>>,
    /// In claim order ([`Claim::order`](crate::extract::Claim::order)).
    #[serde(borrow)]
    pub claims: Vec<ClaimRecord<'a>>,
    /// Claims the article's own suppressions took out.
    #[serde(borrow)]
    pub suppressed: Vec<SuppressedRecord<'a>>,
    #[serde(borrow)]
    pub warnings: Vec<WarningRecord<'a>>,
    /// Claims of the document that were not read back (the claims cache
    /// decodes only the subjects a CI run shows, see
    /// [`DocumentEntry::claims_not_kept`]): counted, never written.
    #[serde(skip)]
    pub claims_not_read: u32,
}

/// A document's metadata: what [`DocumentEntry`] and the claims' [`Source`](crate::extract::Source)
/// hold.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentRecord<'a> {
    #[serde(borrow)]
    pub path: Text<'a>,
    /// The line of a JSON Lines record.
    pub line: Option<u32>,
    /// A JSON Lines record's `id`.
    #[serde(borrow)]
    pub id: Option<Text<'a>>,
    #[serde(borrow)]
    pub title: Option<Text<'a>>,
    /// As the article wrote it (before aliases).
    #[serde(borrow)]
    pub outlet: Text<'a>,
    /// `front_matter`, `url` or `unknown`.
    #[serde(borrow)]
    pub outlet_source: Text<'a>,
    /// YYYY-MM-DD.
    #[serde(borrow)]
    pub published: Option<Text<'a>>,
    #[serde(borrow)]
    pub published_at: Option<Text<'a>>,
    #[serde(borrow)]
    pub lang: Text<'a>,
    /// `front_matter`, `detected` or `default`.
    #[serde(borrow)]
    pub lang_source: Text<'a>,
    #[serde(borrow)]
    pub url: Option<Text<'a>>,
}

/// One claim of the document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimRecord<'a> {
    #[serde(borrow)]
    pub rule: Text<'a>,
    #[serde(borrow)]
    pub subject: Text<'a>,
    #[serde(borrow)]
    pub value: ValueRecord<'a>,
    pub span: SpanRecord,
    pub value_span: SpanRecord,
    #[serde(borrow)]
    pub quote: Text<'a>,
    /// `published`, `url`, `text` or `rule_when`.
    #[serde(borrow)]
    pub resolved_from: Option<Text<'a>>,
    /// The words of the quote's sentence before and after it.
    #[serde(borrow)]
    pub sentence: [Seldom<'a>; 2],
    /// What the claim's sentence says beyond its value
    /// (`extract::ClaimContext`).
    #[serde(borrow)]
    pub context: ContextRecord<'a>,
}

/// A claim's [`crate::extract::ClaimContext`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ContextRecord<'a> {
    /// `YYYY-MM-DD`, when the claim's time is known.
    #[serde(borrow)]
    pub as_of_day: Option<Text<'a>>,
    /// Minutes after local midnight.
    pub as_of_minute: Option<u16>,
    /// The front matter's offset from UTC, in minutes.
    pub as_of_offset: Option<i32>,
    /// `published`, `url` or `text`.
    #[serde(borrow)]
    pub as_of_from: Option<Text<'a>>,
    pub provisional: bool,
    pub recalled: bool,
    /// `planned` or `held`.
    #[serde(borrow)]
    pub stance: Option<Text<'a>>,
    /// `per_side` or `total`.
    #[serde(borrow)]
    pub role: Option<Text<'a>>,
    /// Who the sentence attributes the claim to.
    #[serde(borrow)]
    pub source: Option<Text<'a>>,
    pub sentence_key: u64,
    pub alternatives: bool,
}

/// A value: its kind, interval and unit. An end that is `None` is
/// unbounded (`lo` below, `hi` above); a text value has `text` instead.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ValueRecord<'a> {
    #[serde(borrow)]
    pub kind: Text<'a>,
    pub lo: Option<f64>,
    pub hi: Option<f64>,
    pub lo_open: bool,
    pub hi_open: bool,
    #[serde(borrow)]
    pub text: Option<Text<'a>>,
    /// `day` or `percent`.
    #[serde(borrow)]
    pub unit: Option<Text<'a>>,
}

/// Where words stand: byte offsets in the decoded text, and line and column
/// of both ends in the file as stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpanRecord {
    pub start: u32,
    pub end: u32,
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    pub end_column: u32,
}

/// A claim an article's suppression took out, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SuppressedRecord<'a> {
    #[serde(borrow)]
    pub claim: ClaimRecord<'a>,
    #[serde(borrow)]
    pub reason: Text<'a>,
    /// `inline` or `front_matter`.
    #[serde(borrow)]
    pub by: Text<'a>,
    pub line: Option<u64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WarningRecord<'a> {
    #[serde(borrow)]
    pub path: Text<'a>,
    pub line: Option<u64>,
    #[serde(borrow)]
    pub message: Text<'a>,
}

/// What reports need of a rule, and the tolerance its claims are compared
/// with: the rule set as a shard file carries it, so that `recoupe compare`
/// needs no rule files.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RuleRecord {
    pub id: String,
    pub subject: String,
    pub kind: String,
    pub description: String,
    pub severity: String,
    /// `absolute` (in the value's unit) or `relative` (a fraction).
    pub tolerance: String,
    pub tolerance_value: f64,
    /// `evolves: up`.
    pub evolves: bool,
    /// The subject the rule's fact replaces (`revises`).
    pub revises: Option<String>,
}

/// One document as the run keeps it once checked: its metadata, what was
/// extracted, the claims it suppressed, and the sentence of each claim
/// (parallel to the claims; empty when the run does not keep them).
#[derive(Debug)]
pub struct Checked {
    pub entry: DocumentEntry,
    pub extraction: Extraction,
    pub suppressed: Vec<Suppressed>,
    pub sentences: Vec<Sentence>,
    /// Rebuilt from a record: its strings are in one buffer of its own
    /// already (extraction leaves them in many, which `extract::pack`
    /// gathers).
    pub rebuilt: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unbounded_ends_and_exact_floats_survive_json_and_postcard() {
        let value = ValueRecord {
            kind: "number".into(),
            lo: Some(0.1 + 0.2),
            hi: None,
            lo_open: true,
            hi_open: true,
            text: None,
            unit: Some("percent".into()),
        };
        let text = serde_json::to_string(&value).unwrap();
        let json: ValueRecord = serde_json::from_str(&text).unwrap();
        assert_eq!(json, value);
        let bytes = postcard::to_stdvec(&value).unwrap();
        let binary: ValueRecord = postcard::from_bytes(&bytes).unwrap();
        assert_eq!(binary, value);
    }
}
