//! The run's data → records: a checked document, its claims, spans,
//! warnings and rules as a record holds them.

use super::{
    Checked, ClaimRecord, ContextRecord, DocumentRecord, Extracted, RuleRecord, Seldom, SpanRecord, SuppressedRecord,
    Text, ValueRecord, WarningRecord,
};
use crate::corpus::Warning;
use crate::extract::{Claim, Span};
use crate::report::{RuleEntry, Sentence};
use crate::rules::Tolerance;
use crate::value::Interval;

impl<'a> Extracted<'a> {
    /// A record of warnings only: an input that gave no document.
    pub fn warnings_only(warnings: &'a [Warning]) -> Extracted<'a> {
        Extracted {
            document: None,
            claims: Vec::new(),
            suppressed: Vec::new(),
            warnings: warnings.iter().map(WarningRecord::from).collect(),
            claims_not_read: 0,
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
            claims_not_read: 0,
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

impl<'a> From<&'a Warning> for WarningRecord<'a> {
    fn from(w: &'a Warning) -> WarningRecord<'a> {
        WarningRecord {
            path: w.path.as_str().into(),
            line: w.line.map(|l| l as u64),
            message: w.message.as_str().into(),
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
}
