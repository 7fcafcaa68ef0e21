//! The extract stage: documents × rules → claims.
//!
//! For each document, the rule set's prefilter names the patterns that can
//! match; only those run. Each match's value words go to the normaliser; a match
//! whose value cannot be read is dropped (a missed claim costs less than a false
//! one). Documents are processed in parallel and the claims sorted, so the
//! output does not depend on the number of threads.

use crate::corpus::{Document, Warning};
use crate::french::Placeholder;
use crate::language::Lang;
use crate::normalize::{self, Context, NormalizeError};
use crate::rules::{Caches, ExactCache, PatternCache, Rule, RuleSet, Tolerance, VALUE_GROUP};
use crate::search::context::{Asked, CountRole, Stance};
use crate::search::dates::{self, ResolvedFrom};
use crate::search::{self, matches};
use crate::value::{Interval, Kind, Value};
use jiff::civil::Date;
use regex_automata::util::captures::Captures;
use std::collections::HashSet;
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

/// The document a claim was read from. One per document, shared by its
/// claims and by the report's list of documents.
///
/// Its strings (path, title, and its claims' quotes) are ranges of `text`,
/// a buffer that the run shares between all documents of a batch once it
/// merges them ([`pack`]): hundreds of thousands of small strings
/// cost their allocator overhead and a pointer each, one buffer per batch
/// costs neither.
#[derive(Debug, Clone, Default)]
pub struct Source {
    text: Arc<str>,
    path: TextRange,
    title: Option<TextRange>,
    pub outlet: Arc<str>,
    pub published: Option<Date>,
    /// The article's language code, shown beside each quote.
    pub lang: Arc<str>,
}

/// Where a string lies in a [`Source`]'s `text`: byte offsets.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TextRange {
    start: u32,
    end: u32,
}

impl Source {
    /// A document's source, its strings in a buffer of their own.
    pub fn new(path: &str, title: Option<&str>, outlet: Arc<str>, published: Option<Date>, lang: Arc<str>) -> Source {
        let (text, path, title) = Source::start_text(path, title, 0);
        Source {
            text: text.into(),
            path,
            title,
            outlet,
            published,
            lang,
        }
    }

    /// A text that starts with a document's path and title (and has room
    /// for `more` bytes), and where they are in it.
    fn start_text(path: &str, title: Option<&str>, more: usize) -> (String, TextRange, Option<TextRange>) {
        let mut text = String::with_capacity(path.len() + title.map_or(0, str::len) + more);
        let path = push(&mut text, path);
        let title = title.map(|t| push(&mut text, t));
        (text, path, title)
    }

    pub fn path(&self) -> &str {
        self.get(self.path)
    }

    /// A document's source whose strings hold its claims' `quotes` too,
    /// and where each quote went: the claims of a document rebuilt from a
    /// record (`record::Rebuild`) point at them, as extraction leaves its
    /// claims.
    pub fn with_quotes<'q>(
        path: &str,
        title: Option<&str>,
        outlet: Arc<str>,
        published: Option<Date>,
        lang: Arc<str>,
        quotes: impl Iterator<Item = &'q str> + Clone,
    ) -> (Source, Vec<TextRange>) {
        let more = quotes.clone().map(str::len).sum();
        let (mut text, path, title) = Source::start_text(path, title, more);
        let ranges = quotes.map(|q| push(&mut text, q)).collect();
        let source = Source {
            text: text.into(),
            path,
            title,
            outlet,
            published,
            lang,
        };
        (source, ranges)
    }

    pub fn title(&self) -> Option<&str> {
        self.title.map(|t| self.get(t))
    }

    /// A string of this source's `text`, such as a claim's quote.
    pub fn get(&self, range: TextRange) -> &str {
        self.text
            .get(range.start as usize..range.end as usize)
            .unwrap_or_default()
    }
}

/// Moves the strings of a batch of extractions (their sources' paths and
/// titles, their claims' quotes) into one shared buffer: each extraction gets
/// a new [`Source`], and its claims point at it. Consecutive documents with
/// one path (the records of a JSON Lines file) share its copy.
pub fn pack(batch: &mut [&mut Extraction]) {
    // A claim's strings (its quote, who it is attributed to) are ranges of
    // its source's text: each is copied into the batch's buffer.
    let size: usize = batch.iter().map(|e| e.source.text.len()).sum();
    let mut text = String::with_capacity(size);
    let mut layout = Vec::with_capacity(batch.len());
    let mut quotes = Vec::new();
    let mut last_path: Option<(&str, TextRange)> = None;
    for extraction in batch.iter() {
        let source = &extraction.source;
        let path = match last_path {
            Some((p, range)) if p == source.path() => range,
            _ => push(&mut text, source.path()),
        };
        last_path = Some((source.path(), path));
        let title = source.title().map(|t| push(&mut text, t));
        layout.push((path, title));
        quotes.extend(
            extraction
                .claims
                .iter()
                .map(|c| (push(&mut text, c.quote()), c.attributed().map(|a| push(&mut text, a)))),
        );
    }
    let text: Arc<str> = text.into();
    let mut quotes = quotes.into_iter();
    for (extraction, (path, title)) in batch.iter_mut().zip(layout) {
        let source = Arc::new(Source {
            text: text.clone(),
            path,
            title,
            outlet: extraction.source.outlet.clone(),
            published: extraction.source.published,
            lang: extraction.source.lang.clone(),
        });
        for (claim, (quote, attributed)) in extraction.claims.iter_mut().zip(quotes.by_ref()) {
            claim.quote = quote;
            claim.context.attributed = attributed;
            claim.source = source.clone();
        }
        extraction.source = source;
    }
}

/// Two sources are equal when they name the same document: where their
/// strings are stored does not matter.
impl PartialEq for Source {
    fn eq(&self, other: &Source) -> bool {
        self.path() == other.path()
            && self.title() == other.title()
            && self.outlet == other.outlet
            && self.published == other.published
            && self.lang == other.lang
    }
}

impl Eq for Source {}

/// Appends `s` to `text`; where it went. Offsets saturate at `u32::MAX` (a
/// batch holds megabytes, not gigabytes).
fn push(text: &mut String, s: &str) -> TextRange {
    let start = to_u32(text.len());
    text.push_str(s);
    TextRange {
        start,
        end: to_u32(text.len()),
    }
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
    /// The publication day, and a time of day the claim's sentence states.
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
fn last_weekday(day: Date, weekday: u8) -> Date {
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

/// What extraction found in a corpus.
#[derive(Debug, Default)]
pub struct Extraction {
    pub claims: Vec<Claim>,
    /// Matches that could not become claims and that the user should know of
    /// (a relative date in an undated article).
    pub warnings: Vec<Warning>,
    /// The document's [`Source`], which its claims share (of the last
    /// document, when extractions are merged).
    pub source: Arc<Source>,
}

/// What one worker thread reuses from one document to the next: the search
/// caches (the lazy DFAs fill them as they go, and starting afresh for every
/// document would redo that work) and what claims and documents share.
#[derive(Debug, Clone)]
pub struct Scratch {
    pub caches: Caches,
    /// For each rule, in rule order, the [`RuleTag`]s of the subjects met
    /// so far (one, but for subjects built from captured words).
    tags: Vec<Vec<Arc<RuleTag>>>,
    /// Outlets and languages met so far: documents point at one copy.
    strings: HashSet<Arc<str>>,
    /// What claims point at until their document's [`Source`] is made, at
    /// the end of `extract_document` (it holds their quotes).
    blank: Arc<Source>,
}

impl Scratch {
    pub fn new(rules: &RuleSet) -> Scratch {
        Scratch {
            caches: rules.caches(),
            tags: vec![Vec::new(); rules.rules.len()],
            strings: HashSet::new(),
            blank: Arc::default(),
        }
    }

    /// The shared tag of rule `index` (of `rules`) and `subject`.
    fn tag(&mut self, index: usize, rule: &Rule, subject: &str) -> Arc<RuleTag> {
        let tags = &mut self.tags[index];
        if let Some(tag) = tags.iter().find(|t| *t.subject == *subject) {
            return tag.clone();
        }
        let tag = Arc::new(RuleTag {
            id: rule.id.as_str().into(),
            tolerance: rule.tolerance,
            subject: subject.into(),
            evolves: rule.evolves,
            revises: rule.revises.as_ref().map(|(s, _)| s.as_str().into()),
        });
        tags.push(tag.clone());
        tag
    }

    /// The shared copy of `s`.
    pub fn share(&mut self, s: &str) -> Arc<str> {
        if let Some(shared) = self.strings.get(s) {
            return shared.clone();
        }
        let shared: Arc<str> = Arc::from(s);
        self.strings.insert(shared.clone());
        shared
    }
}

/// One [`Scratch`] per worker thread, kept for the whole run. Each thread
/// locks only its own slot, so the locks are never contended.
pub struct ThreadScratch {
    slots: Vec<std::sync::Mutex<Scratch>>,
}

impl ThreadScratch {
    pub fn new(rules: &RuleSet) -> ThreadScratch {
        let threads = rayon::current_num_threads().max(1);
        ThreadScratch {
            slots: (0..threads)
                .map(|_| std::sync::Mutex::new(Scratch::new(rules)))
                .collect(),
        }
    }

    /// Runs `f` with the current thread's scratch.
    pub fn with<T>(&self, f: impl FnOnce(&mut Scratch) -> T) -> T {
        let slot = rayon::current_thread_index().unwrap_or(0) % self.slots.len();
        let mut guard = self.slots[slot].lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        f(&mut guard)
    }
}

/// What a document's date claims are read against.
#[derive(Debug, Clone, Copy, Default)]
pub struct Dating {
    /// The front matter's date, else one from the URL or the text.
    pub reference: Option<(Date, ResolvedFrom)>,
    /// The months the article names with a day (see `dates::months_named`):
    /// a rule's period resolves a bare weekday only in an article that names
    /// none, or names one of the period's months. An undated article about
    /// May that says "ce samedi" is not about a week of July.
    pub months: u16,
    /// The article's language: its grammar reads the values.
    pub lang: Lang,
}

impl Dating {
    pub fn of(document: &Document, body: &str, lang: Lang) -> Dating {
        let reference = dates::reference(document.meta.published, document.meta.url.as_deref(), body);
        Dating {
            reference,
            months: if reference.is_none() {
                dates::months_named(body, lang)
            } else {
                0
            },
            lang,
        }
    }

    /// For a text with (or without) a publication date: examples.
    pub fn published(published: Option<Date>, lang: Lang) -> Dating {
        Dating {
            reference: published.map(|d| (d, ResolvedFrom::Published)),
            months: 0,
            lang,
        }
    }
}

/// Extracts the claims of one document.
pub fn extract_document(document: &Document, rules: &RuleSet, scratch: &mut Scratch) -> Extraction {
    let body = document.text.get(document.body_start..).unwrap_or("");
    let mut out = Extraction::default();
    // The document's strings: its path and title, then each claim's quote.
    let (mut text, path, title) = Source::start_text(&document.path, document.meta.title.as_deref(), 256);
    let mut seen = HashSet::new();
    let mut found: Vec<Candidate> = Vec::new();
    let lang = Lang::from_code(&document.meta.lang);
    // Patterns spell French sentences with the French grammar: an English
    // article is read by frames only.
    let candidates = match lang {
        Some(Lang::En) => Vec::new(),
        _ => rules.candidates(body),
    };
    for (r, p) in candidates {
        let rule = &rules.rules[r];
        if !rule.window.admits(document.meta.published) {
            continue;
        }
        let pattern = &rule.patterns[p];
        let caches = &mut scratch.caches;
        let found_here = matches(pattern, body, &mut caches.patterns[r][p], &mut caches.exact);
        // A pattern that could not be built read nothing: the document's
        // warnings say so (as `RuleSet::failures` does for the run), so that
        // a record of this document (cache, shard) carries it too.
        if let Some(failure) = rules.failure_warning(r, p) {
            if !out.warnings.contains(&failure) {
                out.warnings.push(failure);
            }
        }
        for caps in found_here {
            let (Some(whole), Some(value_match)) = (group(&caps, body, 0), named(&caps, body, VALUE_GROUP)) else {
                continue;
            };
            let subject = rule.subject.render(|name| named(&caps, body, name).map(|m| m.as_str()));
            found.push(Candidate {
                rule: r,
                subject,
                placeholder: pattern.placeholder,
                whole: (whole.start(), whole.end()),
                value: (value_match.start(), value_match.end()),
                read: value_match.end(),
                alternative: None,
            });
        }
    }
    let framed = rules.rules.iter().any(|r| r.frame.is_some());
    let frames = match lang {
        Some(lang) => search::frames(
            body,
            lang,
            document.meta.published,
            rules,
            &mut scratch.caches,
            |rule| rule.window.admits(document.meta.published),
        ),
        None => {
            if framed {
                out.warnings.push(Warning {
                    path: document.path.clone(),
                    line: None,
                    message: format!(
                        "language `{}`: recoupe reads French and English values, so no frame rule read this article",
                        document.meta.lang
                    ),
                });
            }
            Vec::new()
        }
    };
    for f in frames {
        let rule = &rules.rules[f.rule];
        found.push(Candidate {
            rule: f.rule,
            subject: rule.subject.render(|_| None),
            placeholder: Some(f.mention.placeholder),
            whole: (f.hit.start, f.hit.end),
            value: (f.mention.start, f.mention.end),
            read: f.mention.value_end,
            alternative: f.mention.alternative,
        });
    }
    // What relative dates are read against: looked for (in the URL, then in
    // the whole text) only when a date is to be read.
    // Articles in a language recoupe does not read reach here only through
    // rule patterns, which are French.
    let read_as = lang.unwrap_or_default();
    let dating = if found.iter().any(|c| c.placeholder == Some(Placeholder::Date)) {
        Dating::of(document, body, read_as)
    } else {
        Dating::published(document.meta.published, read_as)
    };
    // Lines and columns of every place, in one pass over the document.
    let offsets: Vec<usize> = found
        .iter()
        .flat_map(|c| [c.whole.0, c.whole.1, c.value.0, c.value.1])
        .map(|o| document.body_start + o)
        .collect();
    let places = document.line_columns(&offsets);
    let document_as_of = AsOf::of_document(
        document.meta.published,
        document.meta.published_at.as_deref(),
        document.meta.url.as_deref(),
    );
    let span_at = |i: usize, which: usize| -> Span {
        let (start, end) = (offsets[4 * i + which], offsets[4 * i + which + 1]);
        let ((line, column), (end_line, end_column)) = (places[4 * i + which], places[4 * i + which + 1]);
        Span {
            start: to_u32(start),
            end: to_u32(end),
            line: to_u32(line),
            column: to_u32(column),
            end_line: to_u32(end_line),
            end_column: to_u32(end_column),
        }
    };
    for (i, c) in found.into_iter().enumerate() {
        let rule = &rules.rules[c.rule];
        // Two patterns (or two rules, or a pattern and a frame) reading the
        // same words for the same subject make one claim, not two.
        if !seen.insert((c.subject.clone(), c.value.0, c.value.1)) {
            continue;
        }
        let words = &body[c.value.0..c.read];
        let around = sentence_around(body, c.whole.0, c.whole.1);
        let read = match quoted_relative_day(body, c.value.0, words, c.placeholder) {
            Some(why) => Err(why),
            None => read_value(rule, c.placeholder, words, around, dating),
        };
        let read = match c.alternative {
            Some(second) => either(read, || {
                read_value(rule, c.placeholder, &body[second..c.value.1], around, dating)
            }),
            None => read,
        };
        let (value, resolved_from) = match read {
            Ok(v) => v,
            Err(NormalizeError::Unresolved(reason)) => {
                let (line, column) = places[4 * i + 2];
                out.warnings.push(Warning {
                    path: document.path.clone(),
                    line: Some(line),
                    message: format!(
                        "rule `{}`: `{}` at column {column} left out: {reason}",
                        rule.id,
                        words.trim()
                    ),
                });
                continue;
            }
            Err(NormalizeError::OutOfCalendar) => {
                let (line, column) = places[4 * i + 2];
                out.warnings.push(Warning {
                    path: document.path.clone(),
                    line: Some(line),
                    message: format!(
                        "rule `{}`: `{}` at column {column} left out: it falls outside the calendar (years -9999 to 9999)",
                        rule.id,
                        words.trim()
                    ),
                });
                continue;
            }
            Err(NormalizeError::NoValue) => continue,
        };
        let span = span_at(i, 0);
        let value_span = span_at(i, 2);
        let around_start = around.as_ptr() as usize - body.as_ptr() as usize;
        let said = search::context::read(
            around,
            (
                c.value.0.saturating_sub(around_start),
                c.value.1.saturating_sub(around_start),
            ),
            read_as,
            Asked {
                stance: rule.kind == Kind::Date,
                roles: rule.roles.as_ref().map(|r| {
                    let i = Lang::ALL.iter().position(|l| *l == read_as).unwrap_or(0);
                    (r.per_side[i].as_slice(), r.total[i].as_slice())
                }),
            },
        );
        let as_of = match (document_as_of, said.clock) {
            (Some(base), Some(minute)) => Some(AsOf {
                day: said.weekday.map_or(base.day, |w| last_weekday(base.day, w)),
                minute: Some(minute),
                from: AsOfFrom::Text,
                ..base
            }),
            (base, _) => base,
        };
        let context = ClaimContext {
            as_of,
            provisional: said.provisional,
            recalled: said.recalled,
            stance: said.stance,
            role: rule.roles.as_ref().and_then(|r| r.fixed).or(said.role),
            attributed: said.source.as_deref().map(|s| push(&mut text, s)),
            sentence_key: said.sentence_key,
            alternatives: c.alternative.is_some() || {
                let folded = crate::french::vocab::fold(&body[c.value.0..c.value.1]);
                folded.contains(" ou ") || folded.contains(" or ")
            },
        };
        out.claims.push(Claim {
            rule: scratch.tag(c.rule, rule, &c.subject),
            source: scratch.blank.clone(),
            value,
            span,
            value_span,
            quote: push(&mut text, &body[c.whole.0..c.whole.1]),
            resolved_from,
            context,
        });
    }
    out.source = Arc::new(Source {
        text: text.into(),
        path,
        title,
        outlet: scratch.share(&document.meta.outlet),
        published: document.meta.published,
        lang: scratch.share(&document.meta.lang),
    });
    for claim in &mut out.claims {
        claim.source = out.source.clone();
    }
    out.claims.sort_by(Claim::order);
    // A document's claims are kept until the run ends: no spare capacity.
    out.claims.shrink_to_fit();
    out
}

/// A place where a rule states its fact, before its value is read.
struct Candidate {
    rule: usize,
    subject: String,
    placeholder: Option<Placeholder>,
    /// Byte offsets in the body: the claim's words, its value's words, and
    /// where the words the normaliser reads end (a pair's first figure).
    whole: (usize, usize),
    value: (usize, usize),
    read: usize,
    /// Where a second, alternative value starts (`mercredi ou jeudi`).
    alternative: Option<usize>,
}

/// Runs one rule over a bare text, as `rules test` does with examples: its
/// patterns, then its frame (the text is the whole article).
pub fn extract_text(
    rule: &Rule,
    text: &str,
    published: Option<Date>,
    lang: Lang,
) -> Vec<Result<Value, NormalizeError>> {
    let mut values = Vec::new();
    let mut seen = HashSet::new();
    let mut exact = ExactCache::default();
    let dating = Dating::published(published, lang);
    // Patterns spell French sentences with the French grammar.
    let patterns = if lang == Lang::Fr { &rule.patterns[..] } else { &[] };
    for pattern in patterns {
        let mut cache = PatternCache::new(pattern);
        for caps in matches(pattern, text, &mut cache, &mut exact) {
            let (Some(whole), Some(m)) = (group(&caps, text, 0), named(&caps, text, VALUE_GROUP)) else {
                continue;
            };
            if !seen.insert((m.start(), m.end())) {
                continue;
            }
            let around = sentence_around(text, whole.start(), whole.end());
            values.push(read_value(rule, pattern.placeholder, m.as_str(), around, dating).map(|(v, _)| v));
        }
    }
    if let Some(frame) = rule.frame.as_ref().filter(|f| f.reads(lang)) {
        let finder = crate::rules::value_finder(frame.placeholder, lang);
        let mut analysis = search::text::Analysis::new(text);
        if let Some(lexicon) = &frame.lexicon {
            analysis.find_words(lexicon);
        }
        let dateline = search::dateline(published, frame.lexicon.as_deref());
        if search::frame::test_document(frame, &analysis, dateline.as_ref(), lang.code()).is_ok() {
            let mut cache = PatternCache::new(&finder);
            for m in search::values::find(text, &finder, &mut cache, &mut exact) {
                let Ok(hit) = search::frame::test(frame, rule.kind, &analysis, lang.code(), &m) else {
                    continue;
                };
                if !seen.insert((m.start, m.end)) {
                    continue;
                }
                let around = sentence_around(text, hit.start, hit.end);
                let words = &text[m.start..m.value_end];
                let read = match quoted_relative_day(text, m.start, words, Some(m.placeholder)) {
                    Some(why) => Err(why),
                    None => read_value(rule, Some(m.placeholder), words, around, dating),
                };
                let read = match m.alternative {
                    Some(second) => either(read, || {
                        read_value(rule, Some(m.placeholder), &text[second..m.end], around, dating)
                    }),
                    None => read,
                };
                values.push(read.map(|(v, _)| v));
            }
        }
    }
    values
}

/// A matched group: where it is and its text.
#[derive(Debug, Clone, Copy)]
pub struct Group<'t> {
    text: &'t str,
    start: usize,
    end: usize,
}

impl<'t> Group<'t> {
    pub fn start(&self) -> usize {
        self.start
    }
    pub fn end(&self) -> usize {
        self.end
    }
    pub fn as_str(&self) -> &'t str {
        &self.text[self.start..self.end]
    }
}

/// Group `index` of a match (0 is the whole match).
pub fn group<'t>(caps: &Captures, text: &'t str, index: usize) -> Option<Group<'t>> {
    caps.get_group(index).map(|s| Group {
        text,
        start: s.start,
        end: s.end,
    })
}

/// The named group of a match.
pub fn named<'t>(caps: &Captures, text: &'t str, name: &str) -> Option<Group<'t>> {
    caps.get_group_by_name(name).map(|s| Group {
        text,
        start: s.start,
        end: s.end,
    })
}

/// Reads a claim's value. A date that needs a reference (`mercredi`) is read
/// against the document's ([`Dating`]); failing that, a bare weekday is the
/// one day of that weekday in the rule's event period (`when:`). A date
/// outside that period is not the event's date: no value.
/// A day said relative to today (`tomorrow`, `demain`, `aujourd'hui`)
/// inside a quotation is relative to the day the words were said, which
/// an article quoting yesterday's address does not give: it is left
/// unresolved (and the run says so) rather than read against the
/// publication date. Weekdays are kept: a speaker and the article that
/// quotes them a day later name the same Wednesday.
fn quoted_relative_day(text: &str, at: usize, words: &str, placeholder: Option<Placeholder>) -> Option<NormalizeError> {
    const RELATIVE_DAYS: &[&str] = &[
        "today",
        "tomorrow",
        "yesterday",
        "tonight",
        "aujourd",
        "demain",
        "hier",
        "avant-hier",
        "apres-demain",
    ];
    if placeholder != Some(Placeholder::Date) {
        return None;
    }
    let folded = crate::french::fold(words);
    let relative = crate::rules::frame::tokens_of(&folded).any(|t| RELATIVE_DAYS.contains(&t));
    if !relative || !inside_quotation(text, at) {
        return None;
    }
    Some(NormalizeError::Unresolved(format!(
        "'{}' is said in a quotation: it is relative to the day it was said, which the article does not give",
        words.trim()
    )))
}

/// Whether `at` stands inside a quotation of its paragraph: after an
/// opening `«` or `“` not yet closed, or after an odd number of `"`.
fn inside_quotation(text: &str, at: usize) -> bool {
    let at = at.min(text.len());
    let mut from = text[..at].rfind("\n\n").map_or(0, |i| i + 2);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let mut end = at;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let before = &text[from.min(end)..end];
    let count = |c: char| before.chars().filter(|&x| x == c).count();
    count('«') > count('»') || count('“') > count('”') || count('"') % 2 == 1
}

fn read_value(
    rule: &Rule,
    placeholder: Option<Placeholder>,
    words: &str,
    around: &str,
    dating: Dating,
) -> Result<(Value, Option<ResolvedFrom>), NormalizeError> {
    let (value, resolved_from) = match (rule.kind, placeholder) {
        (Kind::Text, _) | (_, None) => {
            let folded = fold_text(words);
            if folded.is_empty() {
                return Err(NormalizeError::NoValue);
            }
            let value = Value {
                kind: Kind::Text,
                interval: Interval::Text(folded.into()),
                unit: None,
            };
            return Ok((value, None));
        }
        (_, Some(Placeholder::Date)) => read_date(rule, words, around, dating)?,
        (_, Some(p)) => {
            let ctx = Context {
                published: dating.reference.map(|(d, _)| d),
                around,
                lang: dating.lang,
            };
            (normalize::normalize(p, words, &ctx)?, None)
        }
    };
    let when = rule.frame.as_ref().map(|f| f.when).unwrap_or_default();
    if !when.is_open() {
        if let Some(range) = value.range() {
            let inside = |x: f64| {
                x.is_finite() && crate::value::date_from_day_number(x as i32).is_some_and(|d| when.contains(d))
            };
            if !(inside(range.lo) && inside(range.hi)) {
                return Err(NormalizeError::NoValue);
            }
        }
    }
    Ok((value, resolved_from))
}

fn read_date(
    rule: &Rule,
    words: &str,
    around: &str,
    dating: Dating,
) -> Result<(Value, Option<ResolvedFrom>), NormalizeError> {
    let alone = Context {
        published: None,
        around,
        lang: dating.lang,
    };
    let reason = match normalize::normalize(Placeholder::Date, words, &alone) {
        Ok(v) => return Ok((v, None)),
        Err(e @ (NormalizeError::NoValue | NormalizeError::OutOfCalendar)) => return Err(e),
        Err(NormalizeError::Unresolved(reason)) => reason,
    };
    if let Some((day, from)) = dating.reference {
        let ctx = Context {
            published: Some(day),
            around,
            lang: dating.lang,
        };
        return normalize::normalize(Placeholder::Date, words, &ctx).map(|v| (v, Some(from)));
    }
    let when = rule.frame.as_ref().map(|f| f.when).unwrap_or_default();
    if let (Some(from), Some(to)) = (when.from, when.to) {
        if dating.months != 0 && dating.months & dates::months_between(from, to) == 0 {
            return Err(NormalizeError::Unresolved(format!(
                "{reason}; the article has no date, and the days it names are outside the rule's `when` ({from} to {to})"
            )));
        }
        if let Some(day) = weekday_once(words, from, to, dating.lang) {
            let n = crate::value::day_number(day) as f64;
            let value = Value {
                kind: Kind::Date,
                interval: Interval::Range(crate::value::Range::exact(n)),
                unit: None,
            };
            return Ok((value, Some(ResolvedFrom::RuleWhen)));
        }
        // A day and month, or a month, without a year (`le 23 juillet`, `en
        // juin`): the period's year, if the day falls in the period.
        if has_day_number(words) || weekdays_in(&crate::french::fold(words), dating.lang).is_empty() {
            let ctx = Context {
                published: Some(from),
                around: "",
                lang: dating.lang,
            };
            if let Ok(v) = normalize::normalize(Placeholder::Date, words, &ctx) {
                let inside = v.range().is_some_and(|r| {
                    [r.lo, r.hi].iter().all(|x| {
                        x.is_finite() && crate::value::date_from_day_number(*x as i32).is_some_and(|d| when.contains(d))
                    })
                });
                if inside {
                    return Ok((v, Some(ResolvedFrom::RuleWhen)));
                }
            }
        }
        return Err(NormalizeError::Unresolved(format!(
            "{reason}; the article has no date, and the weekday does not fall exactly once in the rule's `when` ({from} to {to})"
        )));
    }
    Err(NormalizeError::Unresolved(format!(
        "{reason}; the article has no date (front matter, URL or dateline), and the rule has no `when` period"
    )))
}

/// The span of two alternative values (`mercredi ou jeudi`): both must read.
fn either(
    first: Result<(Value, Option<ResolvedFrom>), NormalizeError>,
    second: impl FnOnce() -> Result<(Value, Option<ResolvedFrom>), NormalizeError>,
) -> Result<(Value, Option<ResolvedFrom>), NormalizeError> {
    let (a, from) = first?;
    let (b, _) = second()?;
    match (a.range(), b.range()) {
        (Some(x), Some(y)) => {
            let range = crate::value::Range {
                lo: x.lo.min(y.lo),
                hi: x.hi.max(y.hi),
                lo_open: false,
                hi_open: false,
            };
            Ok((
                Value {
                    interval: Interval::Range(range),
                    ..a
                },
                from,
            ))
        }
        _ => Err(NormalizeError::NoValue),
    }
}

/// The weekdays (0 is Monday) that folded words name, in `lang`.
fn weekdays_in(folded: &str, lang: Lang) -> Vec<usize> {
    let names = match lang {
        Lang::Fr => crate::french::vocab::WEEKDAYS,
        Lang::En => crate::english::vocab::WEEKDAYS,
    };
    names
        .iter()
        .enumerate()
        .filter(|(_, w)| crate::rules::frame::tokens_of(folded).any(|t| t == **w))
        .map(|(i, _)| i)
        .collect()
}

/// Whether the words hold a number that is not a clock time: a day.
fn has_day_number(words: &str) -> bool {
    CLOCK
        .replace_all(&crate::french::fold(words), "")
        .chars()
        .any(|c| c.is_ascii_digit())
}

/// A clock time (`16h00`, `19 heures`, `16:00 GMT`, `4 pm`, `4:30 p.m.`):
/// it names no day.
static CLOCK: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"\b[0-9]{1,2}(?:\s*(?:h|heures?|:)\s*(?:[0-9]{2})?|(?::[0-9]{2})?\s*(?:a\.?m|p\.?m)\b\.?|\s*o'clock)(?:\s*gmt|\s*utc)?\b").expect("static regex")
});

/// The one day of the weekday named in `words` (and no day number) between
/// `from` and `to`, when it falls there exactly once.
fn weekday_once(words: &str, from: Date, to: Date, lang: Lang) -> Option<Date> {
    let folded = crate::french::fold(words);
    // A clock time (`mercredi à 16h00`) names no day; a day number does.
    if has_day_number(words) {
        return None;
    }
    let named = weekdays_in(&folded, lang);
    let [weekday] = named.as_slice() else { return None };
    let mut found = None;
    let mut day = from;
    while day <= to {
        // jiff: Monday is 1.
        if day.weekday().to_monday_one_offset() as usize == weekday + 1 {
            if found.is_some() {
                return None;
            }
            found = Some(day);
        }
        day = day.tomorrow().ok()?;
    }
    found
}

/// Text values are compared case-insensitively, with runs of white space and
/// typographic apostrophes folded.
pub fn fold_text(words: &str) -> String {
    words
        .split_whitespace()
        .map(|w| w.to_lowercase().replace('’', "'"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// See [`Span`]: saturates rather than wraps.
fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The sentence around a match (at most a few hundred bytes each side): what
/// the normaliser reads verb tense from.
fn sentence_around(text: &str, start: usize, end: usize) -> &str {
    const REACH: usize = 300;
    let mut from = start.saturating_sub(REACH);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let mut to = (end + REACH).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    let before = &text[from..start];
    let sentence_start = before.rfind(['.', '!', '?', '\n', '\r']).map_or(from, |i| from + i + 1);
    let after = &text[end..to];
    let sentence_end = after.find(['.', '!', '?', '\n', '\r']).map_or(to, |i| end + i);
    &text[sentence_start..sentence_end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_relative_day_in_a_quotation_is_not_read_against_the_publication() {
        let text = "He said: \"Tomorrow there will be news.\" The talks are on Wednesday.";
        let at = text.find("Tomorrow").unwrap();
        assert!(quoted_relative_day(text, at, "Tomorrow", Some(Placeholder::Date)).is_some());
        let at = text.find("Wednesday").unwrap();
        assert!(quoted_relative_day(text, at, "Wednesday", Some(Placeholder::Date)).is_none());
        let text = "« Demain, nous parlerons », a dit le ministre. Demain, les délégations arrivent.";
        assert!(quoted_relative_day(text, text.find("Demain").unwrap(), "Demain", Some(Placeholder::Date)).is_some());
        assert!(quoted_relative_day(text, text.rfind("Demain").unwrap(), "Demain", Some(Placeholder::Date)).is_none());
    }

    #[test]
    fn a_weekday_named_with_a_part_of_the_day_is_the_last_one_up_to_publication() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        // 2025-07-23 is a Wednesday.
        assert_eq!(last_weekday(d("2025-07-23"), 0), d("2025-07-21"));
        assert_eq!(last_weekday(d("2025-07-23"), 2), d("2025-07-23"));
        assert_eq!(last_weekday(d("2025-07-23"), 3), d("2025-07-17"));
    }

    #[test]
    fn the_sentence_around_a_match_stops_at_sentence_ends() {
        let text = "Avant. Il a annoncé lundi la réunion. Après.";
        let start = text.find("lundi").unwrap();
        assert_eq!(
            sentence_around(text, start, start + 5),
            " Il a annoncé lundi la réunion"
        );
    }

    #[test]
    fn packing_moves_a_batch_into_one_buffer_and_keeps_every_string() {
        // A document's extraction as extract_document leaves it: its strings
        // in a buffer of its own.
        let extraction = |path: &str, title: Option<&str>, outlet: &str, quotes: &[&str]| {
            let (mut text, path, title) = Source::start_text(path, title, 0);
            let ranges: Vec<TextRange> = quotes.iter().map(|q| push(&mut text, q)).collect();
            let source = Arc::new(Source {
                text: text.into(),
                path,
                title,
                outlet: outlet.into(),
                published: None,
                lang: "fr".into(),
            });
            let claims = ranges
                .into_iter()
                .map(|quote| Claim {
                    rule: Arc::new(RuleTag {
                        id: "r".into(),
                        tolerance: Tolerance::Absolute(0.0),
                        subject: "s".into(),
                        ..Default::default()
                    }),
                    source: source.clone(),
                    value: Value {
                        kind: Kind::Number,
                        interval: Interval::Range(crate::value::Range::exact(1.0)),
                        unit: None,
                    },
                    span: Span::default(),
                    value_span: Span::default(),
                    quote,
                    resolved_from: None,
                    context: Default::default(),
                })
                .collect();
            Extraction {
                claims,
                warnings: Vec::new(),
                source,
            }
        };
        let mut a = extraction("f.jsonl", Some("Titre A"), "AFP", &["426 drones", "24 missiles"]);
        let mut b = extraction("f.jsonl", None, "AFP", &[]);
        let mut c = extraction("g.md", Some("Titre C"), "Le Monde", &["50 jours"]);
        let before: Vec<Source> = [&a, &b, &c].iter().map(|e| (*e.source).clone()).collect();
        pack(&mut [&mut a, &mut b, &mut c]);
        let after: Vec<Source> = [&a, &b, &c].iter().map(|e| (*e.source).clone()).collect();
        assert_eq!(after, before);
        assert_eq!(a.source.title(), Some("Titre A"));
        assert_eq!(b.source.title(), None);
        assert!([&b, &c].iter().all(|e| Arc::ptr_eq(&e.source.text, &a.source.text)));
        // The two records of one file share its path.
        assert_eq!(a.source.path, b.source.path);
        let quotes: Vec<&str> = a.claims.iter().chain(&c.claims).map(Claim::quote).collect();
        assert_eq!(quotes, ["426 drones", "24 missiles", "50 jours"]);
        assert!(a.claims.iter().all(|claim| Arc::ptr_eq(&claim.source, &a.source)));
        assert!(Arc::ptr_eq(&c.claims[0].source, &c.source));
    }

    fn pattern(source: &str) -> crate::rules::Pattern {
        let sources = vec![(
            "t.yaml".to_string(),
            format!("rules:\n  - id: t\n    description: d\n    subject: s\n    kind: number\n    patterns: [\"{source}\"]\n"),
        )];
        let set = crate::rules::load_sources(sources).expect("valid rule");
        set.rules[0].patterns[0].clone()
    }

    #[test]
    fn fast_matching_finds_exactly_what_the_exact_pattern_finds() {
        let p = pattern("{count} (?:morts?|blessés)");
        let text = "Aucun mort. Au moins un mort et neuf blessés ; aucun blessé, mais deux morts. é1 mort";
        let exact: Vec<(usize, usize)> = p
            .regex()
            .expect("compiles")
            .find_iter(text)
            .map(|m| (m.start(), m.end()))
            .collect();
        let mut cache = PatternCache::new(&p);
        let fast: Vec<(usize, usize)> = matches(&p, text, &mut cache, &mut ExactCache::default())
            .iter()
            .map(|c| c.get_match().unwrap())
            .map(|m| (m.start(), m.end()))
            .collect();
        assert_eq!(fast, exact);
        assert!(!exact.is_empty());
        // "Aucun mort": `un` inside `Aucun` is not a count, word boundaries hold.
        assert!(!exact.iter().any(|(s, _)| *s < 10));
    }

    #[test]
    fn text_values_fold_case_spaces_and_apostrophes() {
        assert_eq!(fold_text("  Palais  Ciragan d’Istanbul "), "palais ciragan d'istanbul");
    }
}
