//! Records → the run's data: claims, documents and rules rebuilt, sharing
//! what many of them repeat, and a record that names what this build does
//! not know refused.

use super::{Checked, ClaimRecord, Extracted, RuleRecord, SpanRecord, WarningRecord};
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
use std::sync::Arc;

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
        self.checked_within(record, None)
    }

    /// The same, keeping only the claims of `subjects` (all when `None`):
    /// the others are counted in the document's entry
    /// ([`DocumentEntry::claims_not_kept`]), not rebuilt. The suppressed
    /// claims and the warnings are all kept.
    pub fn checked_within(
        &mut self,
        record: &Extracted<'_>,
        subjects: Option<&HashSet<Box<str>>>,
    ) -> Result<(Option<Checked>, Vec<Warning>), String> {
        let warnings = record.warnings.iter().map(Warning::from).collect();
        let Some(d) = &record.document else {
            if !record.claims.is_empty() || record.claims_not_read > 0 || !record.suppressed.is_empty() {
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
        let kept: Vec<&ClaimRecord> = record
            .claims
            .iter()
            .filter(|c| subjects.is_none_or(|s| s.contains(&*c.subject)))
            .collect();
        // The document's strings and its claims' quotes in one buffer.
        // Then who each claim is attributed to, in the same order.
        let quotes = kept
            .iter()
            .map(|c| &*c.quote)
            .chain(record.suppressed.iter().map(|s| &*s.claim.quote))
            .chain(
                kept.iter()
                    .copied()
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
            claims_not_kept: u32::try_from(record.claims.len() - kept.len())
                .unwrap_or(u32::MAX)
                .saturating_add(record.claims_not_read),
        };
        let sentences = match self.sentences {
            true => kept
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
        let quoted = kept.len() + record.suppressed.len();
        let mut ranges = ranges;
        let mut attributed = ranges.split_off(quoted.min(ranges.len())).into_iter();
        let mut ranges = ranges.into_iter();
        let mut attribution = |c: &ClaimRecord| c.context.source.as_ref().and_then(|_| attributed.next());
        let mut claims = Vec::with_capacity(kept.len());
        for c in kept.iter().copied() {
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
            Some("dateline") => Some(ResolvedFrom::Dateline),
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
