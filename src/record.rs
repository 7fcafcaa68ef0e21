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

use crate::corpus::{OutletSource, Warning};
use crate::extract::{Claim, Extraction, RuleTag, Source, Span};
use crate::language::LangSource;
use crate::report::{DocumentEntry, RuleEntry, Sentence};
use crate::rules::model::Severity;
use crate::rules::Tolerance;
use crate::search::dates::ResolvedFrom;
use crate::suppress::Suppressed;
use crate::value::{Interval, Kind, Range, Unit, Value};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::Arc;

/// What extraction produced for one document (or, with no `document`, for
/// an input that gave none: its warnings).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Extracted {
    pub document: Option<DocumentRecord>,
    /// In claim order ([`Claim::order`]).
    pub claims: Vec<ClaimRecord>,
    /// Claims the article's own suppressions took out.
    pub suppressed: Vec<SuppressedRecord>,
    pub warnings: Vec<WarningRecord>,
}

/// A document's metadata: what [`DocumentEntry`] and the claims' [`Source`]
/// hold.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentRecord {
    pub path: String,
    /// The line of a JSON Lines record.
    pub line: Option<u32>,
    /// A JSON Lines record's `id`.
    pub id: Option<String>,
    pub title: Option<String>,
    /// As the article wrote it (before aliases).
    pub outlet: String,
    /// `front_matter`, `url` or `unknown`.
    pub outlet_source: String,
    /// YYYY-MM-DD.
    pub published: Option<String>,
    pub published_at: Option<String>,
    pub lang: String,
    /// `front_matter`, `detected` or `default`.
    pub lang_source: String,
    pub url: Option<String>,
}

/// One claim of the document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimRecord {
    pub rule: String,
    pub subject: String,
    pub value: ValueRecord,
    pub span: SpanRecord,
    pub value_span: SpanRecord,
    pub quote: String,
    /// `published`, `url`, `text` or `rule_when`.
    pub resolved_from: Option<String>,
    /// The words of the quote's sentence before and after it.
    pub sentence: [String; 2],
}

/// A value: its kind, interval and unit. An end that is `None` is
/// unbounded (`lo` below, `hi` above); a text value has `text` instead.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ValueRecord {
    pub kind: String,
    pub lo: Option<f64>,
    pub hi: Option<f64>,
    pub lo_open: bool,
    pub hi_open: bool,
    pub text: Option<String>,
    /// `day` or `percent`.
    pub unit: Option<String>,
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
pub struct SuppressedRecord {
    pub claim: ClaimRecord,
    pub reason: String,
    /// `inline` or `front_matter`.
    pub by: String,
    pub line: Option<u64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WarningRecord {
    pub path: String,
    pub line: Option<u64>,
    pub message: String,
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
}

impl Extracted {
    /// A record of warnings only: an input that gave no document.
    pub fn warnings_only(warnings: &[Warning]) -> Extracted {
        Extracted {
            document: None,
            claims: Vec::new(),
            suppressed: Vec::new(),
            warnings: warnings.iter().map(WarningRecord::from).collect(),
        }
    }

    /// The record of a checked document, its reading warnings (`read`)
    /// joined to those of its extraction. Its sentences must have been kept.
    pub fn of(checked: &Checked, read: &[Warning]) -> Extracted {
        let e = &checked.entry;
        let source = &e.source;
        let document = DocumentRecord {
            path: source.path().to_string(),
            line: e.line,
            id: e.id.as_deref().map(str::to_string),
            title: source.title().map(str::to_string),
            outlet: source.outlet.to_string(),
            outlet_source: e.outlet_source.as_str().to_string(),
            published: source.published.map(|d| d.to_string()),
            published_at: e.published_at.as_deref().map(str::to_string),
            lang: e.lang.to_string(),
            lang_source: e.lang_source.as_str().to_string(),
            url: e.url.as_deref().map(str::to_string),
        };
        let claims = checked
            .extraction
            .claims
            .iter()
            .enumerate()
            .map(|(i, c)| ClaimRecord::of(c, checked.sentences.get(i)))
            .collect();
        let suppressed = checked
            .suppressed
            .iter()
            .map(|s| SuppressedRecord {
                claim: ClaimRecord::of(&s.claim, None),
                reason: s.reason.clone(),
                by: s.by.to_string(),
                line: s.line.map(|l| l as u64),
            })
            .collect();
        Extracted {
            document: Some(document),
            claims,
            suppressed,
            warnings: read
                .iter()
                .chain(&checked.extraction.warnings)
                .map(WarningRecord::from)
                .collect(),
        }
    }

    /// The path and line records are sorted by (a warnings-only record: its
    /// first warning's path).
    pub fn order_key(&self) -> (&str, Option<u32>) {
        match &self.document {
            Some(d) => (&d.path, d.line),
            None => (self.warnings.first().map_or("", |w| w.path.as_str()), None),
        }
    }
}

impl ClaimRecord {
    fn of(c: &Claim, sentence: Option<&Sentence>) -> ClaimRecord {
        let (lo, hi, lo_open, hi_open, text) = match &c.value.interval {
            Interval::Range(r) => (
                r.lo.is_finite().then_some(r.lo),
                r.hi.is_finite().then_some(r.hi),
                r.lo_open,
                r.hi_open,
                None,
            ),
            Interval::Text(t) => (None, None, false, false, Some(t.to_string())),
        };
        ClaimRecord {
            rule: c.rule().to_string(),
            subject: c.subject().to_string(),
            value: ValueRecord {
                kind: c.value.kind.as_str().to_string(),
                lo,
                hi,
                lo_open,
                hi_open,
                text,
                unit: c.value.unit.map(|u| u.as_str().to_string()),
            },
            span: SpanRecord::from(c.span),
            value_span: SpanRecord::from(c.value_span),
            quote: c.quote().to_string(),
            resolved_from: c.resolved_from.map(|r| r.as_str().to_string()),
            sentence: sentence.map_or_else(Default::default, |s| [s.before.to_string(), s.after.to_string()]),
        }
    }
}

impl From<Span> for SpanRecord {
    fn from(s: Span) -> SpanRecord {
        SpanRecord {
            start: s.start,
            end: s.end,
            line: s.line,
            column: s.column,
            end_line: s.end_line,
            end_column: s.end_column,
        }
    }
}

impl From<SpanRecord> for Span {
    fn from(s: SpanRecord) -> Span {
        Span {
            start: s.start,
            end: s.end,
            line: s.line,
            column: s.column,
            end_line: s.end_line,
            end_column: s.end_column,
        }
    }
}

impl From<&Warning> for WarningRecord {
    fn from(w: &Warning) -> WarningRecord {
        WarningRecord {
            path: w.path.clone(),
            line: w.line.map(|l| l as u64),
            message: w.message.clone(),
        }
    }
}

impl From<&WarningRecord> for Warning {
    fn from(w: &WarningRecord) -> Warning {
        Warning {
            path: w.path.clone(),
            line: w.line.map(|l| usize::try_from(l).unwrap_or(usize::MAX)),
            message: w.message.clone(),
        }
    }
}

impl RuleRecord {
    pub fn of(entry: &RuleEntry) -> RuleRecord {
        let (tolerance, tolerance_value) = match entry.tolerance {
            Tolerance::Absolute(x) => ("absolute", x),
            Tolerance::Relative(x) => ("relative", x),
        };
        RuleRecord {
            id: entry.id.clone(),
            subject: entry.subject.clone(),
            kind: entry.kind.as_str().to_string(),
            description: entry.description.clone(),
            severity: entry.severity.as_str().to_string(),
            tolerance: tolerance.to_string(),
            tolerance_value,
        }
    }

    pub fn entry(&self) -> Result<RuleEntry, String> {
        Ok(RuleEntry {
            id: self.id.clone(),
            subject: self.subject.clone(),
            kind: kind(&self.kind)?,
            description: self.description.clone(),
            severity: match self.severity.as_str() {
                "info" => Severity::Info,
                "warning" => Severity::Warning,
                "error" => Severity::Error,
                other => return Err(format!("unknown severity `{other}`")),
            },
            tolerance: match self.tolerance.as_str() {
                "absolute" => Tolerance::Absolute(self.tolerance_value),
                "relative" => Tolerance::Relative(self.tolerance_value),
                other => return Err(format!("unknown tolerance `{other}`")),
            },
        })
    }
}

fn kind(name: &str) -> Result<Kind, String> {
    [Kind::Number, Kind::Duration, Kind::Date, Kind::Text]
        .into_iter()
        .find(|k| k.as_str() == name)
        .ok_or_else(|| format!("unknown value kind `{name}`"))
}

/// Turns records back into what a run keeps, sharing what many claims and
/// documents repeat (rule tags, outlet and language names), as extraction
/// does. One per run (or per batch of records).
pub struct Rebuild<'a> {
    /// The tolerance of each rule, by id.
    tolerances: HashMap<&'a str, Tolerance>,
    tags: HashMap<(String, String), Arc<RuleTag>>,
    strings: std::collections::HashSet<Arc<str>>,
    /// Keep each claim's sentence (the HTML page shows them).
    pub sentences: bool,
}

impl<'a> Rebuild<'a> {
    pub fn new(rules: &'a [RuleEntry], sentences: bool) -> Rebuild<'a> {
        Rebuild {
            tolerances: rules.iter().map(|r| (r.id.as_str(), r.tolerance)).collect(),
            tags: HashMap::new(),
            strings: Default::default(),
            sentences,
        }
    }

    fn share(&mut self, s: &str) -> Arc<str> {
        if let Some(shared) = self.strings.get(s) {
            return shared.clone();
        }
        let shared: Arc<str> = Arc::from(s);
        self.strings.insert(shared.clone());
        shared
    }

    fn tag(&mut self, rule: &str, subject: &str) -> Result<Arc<RuleTag>, String> {
        if let Some(tag) = self.tags.get(&(rule.to_string(), subject.to_string())) {
            return Ok(tag.clone());
        }
        let tolerance = *self
            .tolerances
            .get(rule)
            .ok_or_else(|| format!("a claim of rule `{rule}`, which the rule set does not have"))?;
        let tag = Arc::new(RuleTag {
            id: rule.into(),
            tolerance,
            subject: subject.into(),
        });
        self.tags.insert((rule.to_string(), subject.to_string()), tag.clone());
        Ok(tag)
    }

    /// A record as the run keeps it: the document (when there is one) and
    /// the record's warnings.
    pub fn checked(&mut self, record: &Extracted) -> Result<(Option<Checked>, Vec<Warning>), String> {
        let warnings = record.warnings.iter().map(Warning::from).collect();
        let Some(d) = &record.document else {
            if !record.claims.is_empty() || !record.suppressed.is_empty() {
                return Err("claims without a document".into());
            }
            return Ok((None, warnings));
        };
        let published = d
            .published
            .as_deref()
            .map(|p| crate::corpus::parse_iso_date(p).ok_or_else(|| format!("`{p}` is not a date (YYYY-MM-DD)")))
            .transpose()?;
        let lang = self.share(&d.lang);
        let source = Arc::new(Source::new(
            &d.path,
            d.title.as_deref(),
            self.share(&d.outlet),
            published,
            lang.clone(),
        ));
        let entry = DocumentEntry {
            source: source.clone(),
            line: d.line,
            id: d.id.as_deref().map(Box::from),
            lang,
            lang_source: match d.lang_source.as_str() {
                "front_matter" => LangSource::FrontMatter,
                "detected" => LangSource::Detected,
                "default" => LangSource::Default,
                other => return Err(format!("unknown lang_source `{other}`")),
            },
            url: d.url.as_deref().map(Box::from),
            published_at: d.published_at.as_deref().map(Box::from),
            outlet_source: match d.outlet_source.as_str() {
                "front_matter" => OutletSource::FrontMatter,
                "url" => OutletSource::Url,
                "alias" => OutletSource::Alias,
                "unknown" => OutletSource::Unknown,
                other => return Err(format!("unknown outlet_source `{other}`")),
            },
            outlet_written: None,
        };
        // The claims' quotes go into a buffer of their own, as extraction
        // leaves them: `extract::pack` moves them with the batch.
        let mut quotes = Vec::with_capacity(record.claims.len());
        let mut sentences = Vec::new();
        for c in &record.claims {
            quotes.push(c.quote.as_str());
            if self.sentences {
                sentences.push(Sentence {
                    before: c.sentence[0].as_str().into(),
                    after: c.sentence[1].as_str().into(),
                });
            }
        }
        let suppressed_quotes: Vec<&str> = record.suppressed.iter().map(|s| s.claim.quote.as_str()).collect();
        let (source, ranges) = source.with_quotes(quotes.iter().chain(&suppressed_quotes).copied());
        let source = Arc::new(source);
        let mut ranges = ranges.into_iter();
        let mut claims = Vec::with_capacity(record.claims.len());
        for c in &record.claims {
            claims.push(self.claim(c, &source, ranges.next().unwrap_or_default())?);
        }
        let mut suppressed = Vec::with_capacity(record.suppressed.len());
        for s in &record.suppressed {
            suppressed.push(Suppressed {
                claim: self.claim(&s.claim, &source, ranges.next().unwrap_or_default())?,
                reason: s.reason.clone(),
                by: match s.by.as_str() {
                    "inline" => "inline",
                    "front_matter" => "front_matter",
                    "baseline" => "baseline",
                    other => return Err(format!("unknown suppression `{other}`")),
                },
                line: s.line.map(|l| usize::try_from(l).unwrap_or(usize::MAX)),
            });
        }
        let entry = DocumentEntry {
            source: source.clone(),
            ..entry
        };
        let checked = Checked {
            entry,
            extraction: Extraction {
                claims,
                warnings: Vec::new(),
                source,
            },
            suppressed,
            sentences,
        };
        Ok((Some(checked), warnings))
    }

    fn claim(
        &mut self,
        c: &ClaimRecord,
        source: &Arc<Source>,
        quote: crate::extract::TextRange,
    ) -> Result<Claim, String> {
        let v = &c.value;
        let kind = kind(&v.kind)?;
        let interval = match &v.text {
            Some(text) => Interval::Text(text.as_str().into()),
            None => Interval::Range(Range {
                lo: v.lo.unwrap_or(f64::NEG_INFINITY),
                hi: v.hi.unwrap_or(f64::INFINITY),
                lo_open: v.lo_open,
                hi_open: v.hi_open,
            }),
        };
        let unit = match v.unit.as_deref() {
            None => None,
            Some("day") => Some(Unit::Day),
            Some("percent") => Some(Unit::Percent),
            Some(other) => return Err(format!("unknown unit `{other}`")),
        };
        let resolved_from = match c.resolved_from.as_deref() {
            None => None,
            Some("published") => Some(ResolvedFrom::Published),
            Some("url") => Some(ResolvedFrom::Url),
            Some("text") => Some(ResolvedFrom::Text),
            Some("rule_when") => Some(ResolvedFrom::RuleWhen),
            Some(other) => return Err(format!("unknown resolved_from `{other}`")),
        };
        Ok(Claim {
            rule: self.tag(&c.rule, &c.subject)?,
            source: source.clone(),
            value: Value { kind, interval, unit },
            span: c.span.into(),
            value_span: c.value_span.into(),
            quote,
            resolved_from,
        })
    }
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
        let json: ValueRecord = serde_json::from_str(&serde_json::to_string(&value).unwrap()).unwrap();
        assert_eq!(json, value);
        let binary: ValueRecord = postcard::from_bytes(&postcard::to_stdvec(&value).unwrap()).unwrap();
        assert_eq!(binary, value);
    }
}
