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
use foldhash::{HashMap, HashMapExt, HashSet};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::sync::Arc;

/// A string of a record: borrowed from what it was read from (the cache's
/// bytes, a shard's line without escapes) or from the run's data when
/// written, so that reading 10,000 records allocates no string but the ones
/// the run keeps. (serde's `Cow<str>` borrows only as a field of its own,
/// never inside an `Option` or an array.)
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Text<'a>(pub Cow<'a, str>);

impl std::ops::Deref for Text<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl<'a> From<&'a str> for Text<'a> {
    fn from(s: &'a str) -> Text<'a> {
        Text(Cow::Borrowed(s))
    }
}

impl From<String> for Text<'_> {
    fn from(s: String) -> Self {
        Text(Cow::Owned(s))
    }
}

impl Serialize for Text<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Text<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Text<'a>, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Text<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Borrowed(s)))
            }
            fn visit_str<E>(self, s: &str) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Owned(s.to_string())))
            }
            fn visit_string<E>(self, s: String) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Owned(s)))
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

/// What extraction produced for one document (or, with no `document`, for
/// an input that gave none: its warnings).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Extracted<'a> {
    #[serde(borrow)]
    pub document: Option<DocumentRecord<'a>>,
    /// In claim order ([`Claim::order`]).
    #[serde(borrow)]
    pub claims: Vec<ClaimRecord<'a>>,
    /// Claims the article's own suppressions took out.
    #[serde(borrow)]
    pub suppressed: Vec<SuppressedRecord<'a>>,
    #[serde(borrow)]
    pub warnings: Vec<WarningRecord<'a>>,
}

/// A document's metadata: what [`DocumentEntry`] and the claims' [`Source`]
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

/// Text a run seldom reads (a claim's sentence, which only the HTML page
/// shows): in the cache's binary form it is kept as bytes, borrowed and not
/// checked for UTF-8 until it is used (10,000 cached documents hold
/// megabytes of sentences); in JSON it is a string like any other.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Seldom<'a>(pub Cow<'a, [u8]>);

impl<'a> From<&'a str> for Seldom<'a> {
    fn from(s: &'a str) -> Seldom<'a> {
        Seldom(Cow::Borrowed(s.as_bytes()))
    }
}

impl Seldom<'_> {
    /// The text, when it is UTF-8.
    pub fn text(&self) -> Result<&str, String> {
        std::str::from_utf8(&self.0).map_err(|e| format!("a sentence that is not UTF-8: {e}"))
    }
}

impl Serialize for Seldom<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            serializer.serialize_str(&String::from_utf8_lossy(&self.0))
        } else {
            serializer.serialize_bytes(&self.0)
        }
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Seldom<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Seldom<'a>, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Seldom<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Seldom<'de>, E> {
                Ok(Seldom(Cow::Borrowed(s.as_bytes())))
            }
            fn visit_str<E>(self, s: &str) -> Result<Seldom<'de>, E> {
                Ok(Seldom(Cow::Owned(s.as_bytes().to_vec())))
            }
            fn visit_string<E>(self, s: String) -> Result<Seldom<'de>, E> {
                Ok(Seldom(Cow::Owned(s.into_bytes())))
            }
            fn visit_borrowed_bytes<E>(self, b: &'de [u8]) -> Result<Seldom<'de>, E> {
                Ok(Seldom(Cow::Borrowed(b)))
            }
            fn visit_bytes<E>(self, b: &[u8]) -> Result<Seldom<'de>, E> {
                Ok(Seldom(Cow::Owned(b.to_vec())))
            }
        }
        if deserializer.is_human_readable() {
            deserializer.deserialize_str(Visitor)
        } else {
            deserializer.deserialize_bytes(Visitor)
        }
    }
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

impl<'a> Extracted<'a> {
    /// A record of warnings only: an input that gave no document.
    pub fn warnings_only(warnings: &'a [Warning]) -> Extracted<'a> {
        Extracted {
            document: None,
            claims: Vec::new(),
            suppressed: Vec::new(),
            warnings: warnings.iter().map(WarningRecord::from).collect(),
        }
    }

    /// The record of a checked document, its reading warnings (`read`)
    /// joined to those of its extraction. Its sentences must have been kept.
    pub fn of(checked: &'a Checked, read: &'a [Warning]) -> Extracted<'a> {
        let e = &checked.entry;
        let source = &e.source;
        let document = DocumentRecord {
            path: source.path().into(),
            line: e.line,
            id: e.id.as_deref().map(Text::from),
            title: source.title().map(Text::from),
            outlet: Text::from(&*source.outlet),
            outlet_source: e.outlet_source.as_str().into(),
            published: source.published.map(|d| d.to_string().into()),
            published_at: e.published_at.as_deref().map(Text::from),
            lang: Text::from(&*e.lang),
            lang_source: e.lang_source.as_str().into(),
            url: e.url.as_deref().map(Text::from),
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
                reason: s.reason.as_str().into(),
                by: s.by.into(),
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
            None => (self.warnings.first().map_or("", |w| &*w.path), None),
        }
    }
}

impl<'a> ClaimRecord<'a> {
    fn of(c: &'a Claim, sentence: Option<&'a Sentence>) -> ClaimRecord<'a> {
        let (lo, hi, lo_open, hi_open, text) = match &c.value.interval {
            Interval::Range(r) => (
                r.lo.is_finite().then_some(r.lo),
                r.hi.is_finite().then_some(r.hi),
                r.lo_open,
                r.hi_open,
                None,
            ),
            Interval::Text(t) => (None, None, false, false, Some(Text::from(&**t))),
        };
        ClaimRecord {
            rule: c.rule().into(),
            subject: c.subject().into(),
            value: ValueRecord {
                kind: c.value.kind.as_str().into(),
                lo,
                hi,
                lo_open,
                hi_open,
                text,
                unit: c.value.unit.map(|u| u.as_str().into()),
            },
            span: SpanRecord::from(c.span),
            value_span: SpanRecord::from(c.value_span),
            quote: c.quote().into(),
            resolved_from: c.resolved_from.map(|r| r.as_str().into()),
            sentence: match sentence {
                Some(s) => [Seldom::from(&*s.before), Seldom::from(&*s.after)],
                None => Default::default(),
            },
            context: {
                let x = &c.context;
                ContextRecord {
                    as_of_day: x.as_of.map(|a| Text::from(a.day.to_string())),
                    as_of_minute: x.as_of.and_then(|a| a.minute),
                    as_of_offset: x.as_of.and_then(|a| a.offset),
                    as_of_from: x.as_of.map(|a| a.from.as_str().into()),
                    provisional: x.provisional,
                    recalled: x.recalled,
                    stance: x.stance.map(|s| s.as_str().into()),
                    role: x.role.map(|r| r.as_str().into()),
                    source: c.attributed().map(Text::from),
                    sentence_key: x.sentence_key,
                    alternatives: x.alternatives,
                }
            },
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

impl<'a> From<&'a Warning> for WarningRecord<'a> {
    fn from(w: &'a Warning) -> WarningRecord<'a> {
        WarningRecord {
            path: w.path.as_str().into(),
            line: w.line.map(|l| l as u64),
            message: w.message.as_str().into(),
        }
    }
}

impl From<&WarningRecord<'_>> for Warning {
    fn from(w: &WarningRecord) -> Warning {
        Warning {
            path: w.path.to_string(),
            line: w.line.map(|l| usize::try_from(l).unwrap_or(usize::MAX)),
            message: w.message.to_string(),
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
            evolves: entry.evolves,
            revises: entry.revises.clone(),
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
            evolves: self.evolves,
            revises: self.revises.clone(),
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
    /// The tolerance of each rule, by id, and how its fact changes.
    tolerances: HashMap<&'a str, (Tolerance, bool, Option<&'a str>)>,
    /// By rule id, then subject.
    tags: HashMap<String, HashMap<String, Arc<RuleTag>>>,
    strings: HashSet<Arc<str>>,
    /// Keep each claim's sentence (the HTML page shows them).
    pub sentences: bool,
}

impl<'a> Rebuild<'a> {
    pub fn new(rules: &'a [RuleEntry], sentences: bool) -> Rebuild<'a> {
        Rebuild {
            tolerances: rules
                .iter()
                .map(|r| (r.id.as_str(), (r.tolerance, r.evolves, r.revises.as_deref())))
                .collect(),
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
        if let Some(tag) = self.tags.get(rule).and_then(|tags| tags.get(subject)) {
            return Ok(tag.clone());
        }
        let (tolerance, evolves, revises) = *self
            .tolerances
            .get(rule)
            .ok_or_else(|| format!("a claim of rule `{rule}`, which the rule set does not have"))?;
        let tag = Arc::new(RuleTag {
            id: rule.into(),
            tolerance,
            subject: subject.into(),
            evolves,
            revises: revises.map(Box::from),
        });
        self.tags
            .entry(rule.to_string())
            .or_default()
            .insert(subject.to_string(), tag.clone());
        Ok(tag)
    }

    /// A record as the run keeps it: the document (when there is one) and
    /// the record's warnings.
    pub fn checked(&mut self, record: &Extracted<'_>) -> Result<(Option<Checked>, Vec<Warning>), String> {
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
        // The document's strings and its claims' quotes in one buffer.
        // Then who each claim is attributed to, in the same order.
        let quotes = record
            .claims
            .iter()
            .map(|c| &*c.quote)
            .chain(record.suppressed.iter().map(|s| &*s.claim.quote))
            .chain(
                record
                    .claims
                    .iter()
                    .chain(record.suppressed.iter().map(|s| &s.claim))
                    .filter_map(|c| c.context.source.as_deref()),
            );
        let outlet = self.share(&d.outlet);
        let (source, ranges) =
            Source::with_quotes(&d.path, d.title.as_deref(), outlet, published, lang.clone(), quotes);
        let source = Arc::new(source);
        let entry = DocumentEntry {
            source: source.clone(),
            line: d.line,
            id: d.id.as_deref().map(Box::from),
            lang,
            lang_source: match &*d.lang_source {
                "front_matter" => LangSource::FrontMatter,
                "detected" => LangSource::Detected,
                "default" => LangSource::Default,
                other => return Err(format!("unknown lang_source `{other}`")),
            },
            url: d.url.as_deref().map(Box::from),
            published_at: d.published_at.as_deref().map(Box::from),
            outlet_source: match &*d.outlet_source {
                "front_matter" => OutletSource::FrontMatter,
                "url" => OutletSource::Url,
                "alias" => OutletSource::Alias,
                "unknown" => OutletSource::Unknown,
                other => return Err(format!("unknown outlet_source `{other}`")),
            },
            outlet_written: None,
        };
        let sentences = match self.sentences {
            true => record
                .claims
                .iter()
                .map(|c| {
                    Ok(Sentence {
                        before: Box::from(c.sentence[0].text()?),
                        after: Box::from(c.sentence[1].text()?),
                    })
                })
                .collect::<Result<_, String>>()?,
            false => Vec::new(),
        };
        let quoted = record.claims.len() + record.suppressed.len();
        let mut ranges = ranges;
        let mut attributed = ranges.split_off(quoted.min(ranges.len())).into_iter();
        let mut ranges = ranges.into_iter();
        let mut attribution = |c: &ClaimRecord| c.context.source.as_ref().and_then(|_| attributed.next());
        let mut claims = Vec::with_capacity(record.claims.len());
        for c in &record.claims {
            let who = attribution(c);
            claims.push(self.claim(c, &source, ranges.next().unwrap_or_default(), who)?);
        }
        let mut suppressed = Vec::with_capacity(record.suppressed.len());
        for s in &record.suppressed {
            let who = attribution(&s.claim);
            suppressed.push(Suppressed {
                claim: self.claim(&s.claim, &source, ranges.next().unwrap_or_default(), who)?,
                reason: s.reason.to_string(),
                by: match &*s.by {
                    "inline" => "inline",
                    "front_matter" => "front_matter",
                    "baseline" => "baseline",
                    other => return Err(format!("unknown suppression `{other}`")),
                },
                line: s.line.map(|l| usize::try_from(l).unwrap_or(usize::MAX)),
            });
        }
        let checked = Checked {
            entry,
            extraction: Extraction {
                claims,
                warnings: Vec::new(),
                source,
            },
            suppressed,
            sentences,
            rebuilt: true,
        };
        Ok((Some(checked), warnings))
    }

    fn claim(
        &mut self,
        c: &ClaimRecord<'_>,
        source: &Arc<Source>,
        quote: crate::extract::TextRange,
        attributed: Option<crate::extract::TextRange>,
    ) -> Result<Claim, String> {
        use crate::extract::{AsOf, AsOfFrom, ClaimContext};
        use crate::search::context::{CountRole, Stance};
        let x = &c.context;
        let as_of = match (&x.as_of_day, &x.as_of_from) {
            (Some(day), Some(from)) => Some(AsOf {
                day: crate::corpus::parse_iso_date(day)
                    .ok_or_else(|| format!("`{}` is not a date (YYYY-MM-DD)", &**day))?,
                minute: x.as_of_minute,
                offset: x.as_of_offset,
                from: match &**from {
                    "published" => AsOfFrom::Published,
                    "url" => AsOfFrom::Url,
                    "text" => AsOfFrom::Text,
                    other => return Err(format!("unknown as_of_from `{other}`")),
                },
            }),
            _ => None,
        };
        let context = ClaimContext {
            as_of,
            provisional: x.provisional,
            recalled: x.recalled,
            stance: match x.stance.as_deref() {
                None => None,
                Some("planned") => Some(Stance::Planned),
                Some("held") => Some(Stance::Held),
                Some(other) => return Err(format!("unknown stance `{other}`")),
            },
            role: match x.role.as_deref() {
                None => None,
                Some("per_side") => Some(CountRole::PerSide),
                Some("total") => Some(CountRole::Total),
                Some(other) => return Err(format!("unknown role `{other}`")),
            },
            attributed,
            sentence_key: x.sentence_key,
            alternatives: x.alternatives,
        };
        let v = &c.value;
        let kind = kind(&v.kind)?;
        let interval = match &v.text {
            Some(text) => Interval::Text(Box::from(&**text)),
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
            context,
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
        let text = serde_json::to_string(&value).unwrap();
        let json: ValueRecord = serde_json::from_str(&text).unwrap();
        assert_eq!(json, value);
        let bytes = postcard::to_stdvec(&value).unwrap();
        let binary: ValueRecord = postcard::from_bytes(&bytes).unwrap();
        assert_eq!(binary, value);
    }
}
