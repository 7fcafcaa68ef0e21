//! A claim and what it keeps: its rule tag, spans, context and as-of time.

use super::{Source, TextRange};
use crate::rules::Tolerance;
use crate::search::context::{CountRole, Stance};
use crate::search::dates::{self, ResolvedFrom};
use crate::value::Value;
use jiff::civil::Date;
use std::sync::Arc;

/// Where words stand in a file: byte offsets in the decoded text (of a JSON
/// Lines record: in its decoded `text`), and the 1-based line and column (in
/// characters of the file as stored) of `start` and of `end`.
///
/// `u32`: a claim holds two spans, and a large corpus holds hundreds of
/// thousands of claims. A position past 4 GiB (which no article reaches)
/// saturates at `u32::MAX` rather than wrapping.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Span {
    pub start: u32,
    pub end: u32,
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    pub end_column: u32,
}

/// One outlet's statement of one fact.
///
/// A large corpus keeps hundreds of thousands of claims in memory until they
/// are compared, so a claim is kept small: what many claims repeat (rule,
/// subject, document) is shared, not copied; the value's words are read from
/// the quote; the id is built when shown.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    /// The rule that read it and the subject: one [`RuleTag`] per rule and
    /// subject, shared.
    pub rule: Arc<RuleTag>,
    /// The document: path, outlet and publication date.
    pub source: Arc<Source>,
    pub value: Value,
    /// The whole match: the value and the context words the rule asked for.
    pub span: Span,
    /// The value's own words, inside `span`.
    pub value_span: Span,
    /// The matched words, as written: a range of the source's text.
    pub quote: TextRange,
    /// For a date read against a reference day (`mercredi`): where that day
    /// came from. `None`: the words name the day themselves.
    pub resolved_from: Option<ResolvedFrom>,
    /// When the claim holds and what its sentence says beyond its value.
    pub context: ClaimContext,
}

/// What a claim's sentence says beyond its value (see `search::context`),
/// and when the claim holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ClaimContext {
    /// `None`: an article with no date anywhere.
    pub as_of: Option<AsOf>,
    /// "bilan provisoire", "so far": the figure may still change.
    pub provisional: bool,
    /// "initialement", "originally": the sentence recalls an earlier state.
    pub recalled: bool,
    /// For a date claim: announced or held, when the words say.
    pub stance: Option<Stance>,
    /// For a rule with roles: per side or total.
    pub role: Option<CountRole>,
    /// Who the sentence attributes the claim to, as written: a range of
    /// the source's text.
    pub attributed: Option<TextRange>,
    /// The key of the claim's sentence (see `search::context`), 0 when too
    /// short to be a dispatch's own words.
    pub sentence_key: u64,
    /// The value joins two alternatives ("10 ou 12 jours", "Wednesday or
    /// Thursday"): its interval runs from one to the other.
    pub alternatives: bool,
}

/// When a claim holds: the day, and the time when one is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AsOf {
    /// The local day.
    pub day: Date,
    /// Minutes after local midnight, when a time is known.
    pub minute: Option<u16>,
    /// The front matter's offset from UTC, in minutes, when it gives one.
    pub offset: Option<i32>,
    pub from: AsOfFrom,
}

/// Where a claim's [`AsOf`] comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AsOfFrom {
    /// The front matter's `published` (with its time when it gives one).
    Published,
    /// A date in the article's URL.
    Url,
    /// The publication day, and a time of day the claim's sentence states;
    /// or an earlier day of the rule's period that the sentence names (a
    /// count recalled with its day).
    Text,
}

impl AsOfFrom {
    pub fn as_str(self) -> &'static str {
        match self {
            AsOfFrom::Published => "published",
            AsOfFrom::Url => "url",
            AsOfFrom::Text => "text",
        }
    }
}

impl AsOf {
    /// Minutes since 1970 in UTC (local time when the offset is unknown),
    /// when a time is known.
    fn instant(&self) -> Option<i64> {
        let minute = self.minute?;
        let days = i64::from(crate::value::day_number(self.day));
        Some(days * 1440 + i64::from(minute) - i64::from(self.offset.unwrap_or(0)))
    }

    /// Which of two comes first, when that is known: two days, or two times
    /// of one day. Two claims of one day, one without a time, are not
    /// ordered. With `trusted`, only times from the front matter order a
    /// day (a time the sentence states may be the event's, not the
    /// figure's).
    pub fn order(&self, other: &AsOf, trusted: bool) -> Option<std::cmp::Ordering> {
        if self.day != other.day && (self.minute.is_none() || other.minute.is_none()) {
            return Some(self.day.cmp(&other.day));
        }
        let timed = |a: &AsOf| !trusted || a.from == AsOfFrom::Published;
        match (self.instant(), other.instant()) {
            (Some(a), Some(b)) if timed(self) && timed(other) => Some(a.cmp(&b)),
            _ if self.day != other.day => Some(self.day.cmp(&other.day)),
            _ => None,
        }
    }

    /// As reports write it: `2025-07-21`, `2025-07-21T14:05+02:00`, or
    /// `2025-07-21T09:00` for a time without an offset.
    pub fn render(&self) -> String {
        match self.minute {
            None => self.day.to_string(),
            Some(m) => {
                let mut s = format!("{}T{:02}:{:02}", self.day, m / 60, m % 60);
                if let Some(o) = self.offset {
                    let sign = if o < 0 { '-' } else { '+' };
                    s.push_str(&format!("{sign}{:02}:{:02}", o.abs() / 60, o.abs() % 60));
                }
                s
            }
        }
    }

    /// A document's own time: its front matter's (day, and time when given),
    /// else a date in its URL.
    pub fn of_document(published: Option<Date>, published_at: Option<&str>, url: Option<&str>) -> Option<AsOf> {
        if let Some(day) = published {
            let (minute, offset) = published_at.and_then(|at| time_and_offset(day, at)).unzip();
            return Some(AsOf {
                day,
                minute,
                offset,
                from: AsOfFrom::Published,
            });
        }
        dates::reference(None, url, "").map(|(day, _)| AsOf {
            day,
            minute: None,
            offset: None,
            from: AsOfFrom::Url,
        })
    }
}

/// The last day on or before `day` that falls on `weekday` (0: Monday):
/// "lundi matin" in an article of Wednesday is two days before.
pub(super) fn last_weekday(day: Date, weekday: u8) -> Date {
    let today = day.weekday().to_monday_zero_offset();
    let back = (i64::from(today) - i64::from(weekday)).rem_euclid(7);
    day.checked_sub(jiff::Span::new().days(back)).unwrap_or(day)
}

/// The local time and the offset of an RFC 3339 timestamp of day `day`.
fn time_and_offset(day: Date, at: &str) -> Option<(u16, i32)> {
    let hour: u16 = at.get(11..13)?.parse().ok()?;
    let minute: u16 = at.get(14..16)?.parse().ok()?;
    let local = hour.checked_mul(60)?.checked_add(minute).filter(|m| *m < 1440)?;
    let normalized = format!("{}T{}", at.get(..10)?, at.get(11..)?);
    let utc = normalized.parse::<jiff::Timestamp>().ok()?.as_second().div_euclid(60);
    let local_epoch = i64::from(crate::value::day_number(day)) * 1440 + i64::from(local);
    i32::try_from(local_epoch - utc).ok().map(|offset| (local, offset))
}

/// What a claim keeps of its rule: the id, how far apart two values may be
/// and still agree, and the subject the rule read the claim for (most rules
/// have one subject; a subject built from captured words gives one tag per
/// subject met).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RuleTag {
    pub id: Box<str>,
    pub tolerance: Tolerance,
    pub subject: Box<str>,
    /// `evolves: up`: a figure that grows as it is counted.
    pub evolves: bool,
    /// `revises`: the subject whose fact this rule's fact replaces.
    pub revises: Option<Box<str>>,
}

impl Claim {
    /// Stable and readable: `rule@path:line:column`.
    pub fn id(&self) -> String {
        format!(
            "{}@{}:{}:{}",
            self.rule(),
            self.path(),
            self.span.line,
            self.span.column
        )
    }

    /// The id of the rule that read it.
    pub fn rule(&self) -> &str {
        &self.rule.id
    }

    pub fn tolerance(&self) -> Tolerance {
        self.rule.tolerance
    }

    /// What the claim is about: claims with one subject are compared.
    pub fn subject(&self) -> &str {
        &self.rule.subject
    }

    pub fn path(&self) -> &str {
        self.source.path()
    }

    /// The matched words, as written.
    pub fn quote(&self) -> &str {
        self.source.get(self.quote)
    }

    /// The language code of the claim's article.
    pub fn lang(&self) -> &str {
        &self.source.lang
    }

    pub fn outlet(&self) -> &str {
        &self.source.outlet
    }

    pub fn published(&self) -> Option<Date> {
        self.source.published
    }

    /// Who the claim's sentence attributes it to, as written.
    pub fn attributed(&self) -> Option<&str> {
        self.context.attributed.map(|r| self.source.get(r))
    }

    /// The value's words as written (`value_span` within the quote), without
    /// the white space around them: what the value was read from.
    pub fn words(&self) -> &str {
        let start = self.value_span.start.saturating_sub(self.span.start) as usize;
        let end = self.value_span.end.saturating_sub(self.span.start) as usize;
        self.quote().get(start..end).unwrap_or_default().trim()
    }

    /// Claims in report order: by path, position, then rule. Total (two
    /// claims that compare equal are the same claim read twice), so that an
    /// unstable sort gives the same order whatever the threads did. The line
    /// comes before the offset: the records of a JSON Lines file share a
    /// path, and their offsets are in each record's own text.
    pub fn order(&self, other: &Claim) -> std::cmp::Ordering {
        fn key(c: &Claim) -> (&str, u32, u32, &str, &str, Span, u32) {
            (
                c.path(),
                c.span.line,
                c.span.start,
                c.rule(),
                c.subject(),
                c.value_span,
                c.span.end,
            )
        }
        key(self).cmp(&key(other))
    }
}
