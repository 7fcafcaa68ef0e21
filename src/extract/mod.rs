//! The extract stage: documents × rules → claims.
//!
//! For each document, the rule set's prefilter names the patterns that can
//! match; only those run. Each match's value words go to the normaliser; a match
//! whose value cannot be read is dropped (a missed claim costs less than a false
//! one). Documents are processed in parallel and the claims sorted, so the
//! output does not depend on the number of threads.

mod claim;
mod read;
mod scratch;
mod source;

pub use claim::{AsOf, AsOfFrom, Claim, ClaimContext, RuleTag, Span};
pub use scratch::{Scratch, ThreadScratch};
pub use source::{pack, Source, TextRange};

use crate::corpus::{Document, Warning};
use crate::french::Placeholder;
use crate::language::Lang;
use crate::normalize::NormalizeError;
use crate::rules::{ExactCache, PatternCache, Rule, RuleSet, VALUE_GROUP};
use crate::search::context::{Asked, CountRole};
use crate::search::dates::{self, ResolvedFrom};
use crate::search::text::sentence_around;
use crate::search::{self, matches};
use crate::value::{Kind, Value};
use claim::last_weekday;
use jiff::civil::Date;
use read::{either, read_value, read_value_at};
use regex_automata::util::captures::Captures;
use source::push;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

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
    /// Without a reference, the month the URL names without a day
    /// (`/2024/07/`): the year a count's sentence dates are read in.
    pub url_month: Option<Date>,
    /// The day of the section the claim stands in, on a page whose
    /// paragraphs head its sections with their days (a live page, a
    /// timeline: `dates::section_days`). It stands for the publication
    /// day: relative dates are read against it, and a sentence that names
    /// no day is dated by it.
    pub section: Option<Date>,
    /// In an article that looks back (see `dates::told_day`), the full date
    /// of the earlier year it tells of: its days without a year are read
    /// against it.
    pub told: Option<Date>,
    /// Without a reference, the day and month of a dispatch's dateline
    /// without a year (`MOSCOW, July 22:`, see `dates::dateline_day`): in
    /// a rule's year, the day its relative days are read against.
    pub dateline: Option<(i8, i8)>,
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
            url_month: match reference {
                None => document.meta.url.as_deref().and_then(dates::month_from_url),
                Some(_) => None,
            },
            section: None,
            told: match reference {
                Some((day, ResolvedFrom::Published | ResolvedFrom::Url)) => dates::told_day(Some(day), body),
                _ => None,
            },
            dateline: match reference {
                None => dates::dateline_day(body),
                Some(_) => None,
            },
        }
    }

    /// The dating of a claim in the section headed by `day`, if one (see
    /// [`Dating::section`]); the day is found in the text.
    pub fn in_section(self, day: Option<Date>) -> Dating {
        match day {
            Some(day) => Dating {
                reference: Some((day, ResolvedFrom::Text)),
                section: Some(day),
                ..self
            },
            None => self,
        }
    }

    /// The day a count's or a duration's sentence dates are read against,
    /// to tell another event's day (`dates::SentenceDays`): the reference,
    /// else the URL's month (an article filed under `/2024/07/` tells of
    /// July 2024, whatever day it names).
    pub fn for_event_days(&self) -> Option<Date> {
        self.reference.map(|(day, _)| day).or(self.url_month)
    }

    /// The day the article was published, when its front matter (or the
    /// page's own stamp, which the corpus reads as `published`, see
    /// `corpus::stamp`) or its URL says it (not any date found in its
    /// text, which may be a recalled one): a count's sentence that names no day is dated by it, so that an
    /// article of 31 July that gives that night's count ("309 drones
    /// overnight") is not read as a count of a night of the 21st.
    ///
    /// An anniversary piece's sentences are dated by the day a year back it
    /// tells of (`dates::anniversary`).
    pub fn published_day(&self) -> Option<Date> {
        if self.section.is_some() {
            return self.section;
        }
        match self.reference {
            Some((day, ResolvedFrom::Published | ResolvedFrom::Url)) => {
                dates::anniversary(Some(day), self.told).or(Some(day))
            }
            _ => None,
        }
    }

    /// For a text with (or without) a publication date: examples.
    pub fn published(published: Option<Date>, lang: Lang) -> Dating {
        Dating {
            reference: published.map(|d| (d, ResolvedFrom::Published)),
            months: 0,
            lang,
            url_month: None,
            section: None,
            told: None,
            dateline: None,
        }
    }
}

/// The days that head a page's sections, with where each section starts
/// (`dates::section_days`).
type Sections = Vec<(usize, Option<Date>)>;

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
                borrowed_unit: None,
                listed: None,
                needs_event_day: false,
            });
        }
    }
    let framed = rules.rules.iter().any(|r| r.frame.is_some());
    // A page's sections (the days that head them, an update's stamp) are
    // read as articles of their days: a rule whose publication window holds
    // a section's day reads that section, whatever the page's own day (a
    // preview of Sunday updated on Monday, a live page opened the day
    // before). Found only when a window turns the page's day away.
    let page_sections = std::cell::OnceCell::new();
    let window_admits = |rule: &crate::rules::Rule, lang: Lang| {
        let published = document.meta.published;
        rule.window.admits(published)
            || page_sections
                .get_or_init(|| dates::section_days(body, || published, published, lang))
                .iter()
                .any(|&(_, day): &(usize, Option<Date>)| day.is_some_and(|day| rule.window.contains(day)))
    };
    let frames = match lang {
        Some(lang) => search::frames(
            body,
            lang,
            // The article's day, from its front matter or its URL: what its
            // dateline says, and what places it (`not.undated_document`).
            document
                .meta
                .published
                .or_else(|| document.meta.url.as_deref().and_then(dates::from_url)),
            rules,
            &mut scratch.caches,
            |rule| window_admits(rule, lang),
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
            borrowed_unit: f.mention.borrowed_unit,
            listed: f.mention.listed,
            needs_event_day: f.needs_event_day,
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
    // What the dates of a sentence are read against, for rules about one
    // event (`when:`): found once, when first needed.
    let mut event_dating: Option<Dating> = None;
    // The days that head the page's sections, if it has any: found once,
    // when the first claim is read (for an article without a day of its
    // own, once per year of the rules' periods, see below).
    let mut sections: Option<(Option<Date>, Sections)> = None;
    let reference = std::cell::OnceCell::new();
    let reference = || {
        *reference.get_or_init(|| {
            dates::reference(document.meta.published, document.meta.url.as_deref(), body).map(|(day, _)| day)
        })
    };
    // The page's own day, from its front matter or its URL: it places a
    // week told under its weekdays alone (`dates::section_days`).
    let own_day = || {
        document
            .meta
            .published
            .or_else(|| document.meta.url.as_deref().and_then(dates::from_url))
    };
    // The days of the sentence of the last claim, read once for all the
    // claims of that sentence and rules of that period and signature.
    #[allow(clippy::type_complexity)]
    let mut sentence_days: Option<(
        (usize, usize),
        crate::rules::Window,
        Option<&crate::rules::frame::Signature>,
        dates::SentenceDays,
    )> = None;
    // The sentences whose values a rule placed on a day of its period, in
    // the order of the text: each places the sentences after it as that
    // day would (`dates::day_before`).
    let mut placed_sentences: Vec<(usize, usize, Date)> = Vec::new();
    // Where each rule's claims start: no two of one rule start at one place.
    let mut spans_started: HashSet<(usize, usize)> = HashSet::new();
    for (i, c) in found.into_iter().enumerate() {
        let rule = &rules.rules[c.rule];
        // Two patterns (or two rules, or a pattern and a frame) reading the
        // same words for the same subject make one claim, not two.
        if !seen.insert((c.subject.clone(), c.value.0, c.value.1)) {
            continue;
        }
        // On a page whose sections are headed by their days, the claim's
        // section's day stands for the publication day.
        // An article without a day of its own reads a heading's day without
        // its year (« ALERTE — 31/07 ») in the year of the rule's period:
        // the page tells of that event.
        let heads_read_in = reference().or_else(|| rule.frame.as_ref().and_then(|f| f.when.from));
        if sections.as_ref().is_none_or(|(year, _)| *year != heads_read_in) {
            sections = Some((
                heads_read_in,
                dates::section_days(body, || heads_read_in, own_day(), read_as),
            ));
        }
        let section = dates::section_day(&sections.as_ref().expect("just set").1, c.value.0);
        // A section read for its day alone: the claim stands only there
        // (and another rule of the subject may still read these words).
        if !rule.window.admits(document.meta.published) && !section.is_some_and(|day| rule.window.contains(day)) {
            seen.remove(&(c.subject.clone(), c.value.0, c.value.1));
            continue;
        }
        let dating = dating.in_section(section);
        let words = &*read::value_words(
            body,
            c.value.0..c.read,
            c.borrowed_unit,
            c.listed,
            (c.whole.1, c.placeholder),
            read_as,
        );
        let around = sentence_around(body, c.whole.0, c.whole.1);
        let read = read_value_at(rule, c.placeholder, (body, c.value.0), words, around, dating);
        let read = match c.alternative {
            Some(second) => either(read, || {
                read::alternative(rule, c.placeholder, words, &body[second..c.value.1], around, dating)
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
            // Out of the rule's range or period: another fact's for this
            // rule, and another rule of the subject may read the words (a
            // swap's total beside the rule that reads it per side).
            Err(NormalizeError::NoValue) => {
                seen.remove(&(c.subject.clone(), c.value.0, c.value.1));
                continue;
            }
        };
        let around_start = around.as_ptr() as usize - body.as_ptr() as usize;
        // The day inside the event's period that the sentence names, if one.
        let mut named_day = None;
        if rule.frame.as_ref().is_some_and(|f| !f.when.is_open()) && rule.kind != Kind::Date {
            let event_dating = event_dating
                .get_or_insert_with(|| Dating::of(document, body, read_as))
                .in_section(section);
            let own = c.value.0.saturating_sub(around_start)..c.value.1.saturating_sub(around_start);
            // Claims of one sentence share its dates: found and read once.
            // (By start and length: a long sentence is cut at a few hundred
            // bytes from each claim, so two claims may see two lengths.)
            let key = (around_start, around.len());
            let when = rule.frame.as_ref().map(|f| f.when).unwrap_or_default();
            let signature = rule.frame.as_ref().and_then(|f| f.signature.as_ref());
            if sentence_days
                .as_ref()
                .is_none_or(|(at, w, by, _)| *at != key || *w != when || *by != signature)
            {
                let found = match dates::names_a_day(around, read_as)
                    || dates::may_count_back(around, read_as)
                    || dates::names_a_year(around)
                    || dates::names_a_month_in(around)
                {
                    true => mentions_in(around, Placeholder::Date, rules, read_as, scratch),
                    false => Vec::new(),
                };
                let days = dates::SentenceDays::read(
                    around,
                    &found,
                    event_dating.for_event_days(),
                    event_dating.told,
                    read_as,
                    when,
                );
                let days = search::signed_days(days, signature, around, read_as, |s| {
                    mentions_in(s, Placeholder::Count, rules, read_as, scratch)
                });
                sentence_days = Some((key, when, signature, days));
            }
            let Some((_, _, _, days)) = &sentence_days else {
                continue;
            };
            // The other values of the rule's kind in the sentence, whose own
            // days do not date this one: looked for only when it names a day.
            let siblings: Vec<std::ops::Range<usize>> = match (days.names_any_day(), c.placeholder) {
                (true, Some(kind)) => mentions_in(around, kind, rules, read_as, scratch)
                    .into_iter()
                    .map(|m| m.start..m.end)
                    .filter(|m| m.end <= own.start || m.start >= own.end)
                    .collect(),
                _ => Vec::new(),
            };
            // A sentence that names no day, in a later article, may follow
            // one that names the event's day: « Dans la nuit du 20 au 21
            // juillet, 426 drones… À Kiev, deux morts. »
            let day_before = || {
                let placed_here: Vec<(usize, Date)> = placed_sentences
                    .iter()
                    .filter(|&&(rule, _, _)| rule == c.rule)
                    .map(|&(_, start, day)| (start, day))
                    .collect();
                dates::day_before(body, around_start, around, read_as, &placed_here, |before| {
                    let found = mentions_in(before, Placeholder::Date, rules, read_as, scratch);
                    let days = dates::SentenceDays::read(
                        before,
                        &found,
                        event_dating.for_event_days(),
                        event_dating.told,
                        read_as,
                        when,
                    );
                    search::signed_days(days, signature, before, read_as, |s| {
                        mentions_in(s, Placeholder::Count, rules, read_as, scratch)
                    })
                })
            };
            let guarded = c.needs_event_day;
            let placed = days.place(
                around,
                own.clone(),
                &siblings,
                event_dating.published_day(),
                guarded,
                day_before,
            );
            match placed {
                Ok(_) => {}
                // A guarded rule (an article that names another night, or
                // an undated one that names later months) reads only a
                // value beside a day of the event. Left out, the rule reads
                // nothing here, and another rule may read the words (a
                // swap recalled in a piece on a later one).
                Err(dates::Unplaced::OtherEvent(_)) if c.needs_event_day => {
                    seen.remove(&(c.subject.clone(), c.value.0, c.value.1));
                    continue;
                }
                Err(dates::Unplaced::OtherEvent(_)) => continue,
                Err(dates::Unplaced::Guarded) => {
                    seen.remove(&(c.subject.clone(), c.value.0, c.value.1));
                    continue;
                }
            }
            // A sentence that names no day holds as of the day the
            // sentences up name: a later article's "Across the city, two
            // people died", after its account of the night, is that night's
            // toll, not one given the day it was printed.
            let named = days.named_day_inside(own, &siblings);
            let given = placed.ok().flatten();
            if let Some(day) = named.or(given) {
                placed_sentences.push((c.rule, around_start, day));
            }
            // (A toll that "has since risen" is the night's, counted later:
            // as of the article's day, not the night's.)
            named_day = named.or(given.filter(|_| !told_later(around)));
        } else if c.needs_event_day {
            seen.remove(&(c.subject.clone(), c.value.0, c.value.1));
            continue;
        }
        let value_span = span_at(i, 2);
        // Two values one rule reads in one stretch of words ("the number of
        // injured climbed from nine to sixteen") are two claims: the later
        // one's words start at its value, so that each has its own place
        // (a claim's id is its rule and where its words start).
        let (whole_start, span) = match spans_started.insert((c.rule, c.whole.0)) {
            true => (c.whole.0, span_at(i, 0)),
            false => {
                spans_started.insert((c.rule, c.value.0));
                let span = Span {
                    start: value_span.start,
                    line: value_span.line,
                    column: value_span.column,
                    ..span_at(i, 0)
                };
                (c.value.0, span)
            }
        };
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
        // A section headed by another day than the page's holds as of that
        // day: a live page opened on Saturday gives Monday's toll under
        // Monday, at the hours it states.
        let document_as_of = match (section, document_as_of) {
            (Some(day), Some(base)) if base.day != day => Some(AsOf {
                day,
                minute: None,
                from: AsOfFrom::Text,
                ..base
            }),
            (Some(day), None) => Some(AsOf {
                day,
                minute: None,
                offset: None,
                from: AsOfFrom::Text,
            }),
            (_, base) => base,
        };
        let as_of = match (document_as_of, said.clock) {
            // A count recalled with the earlier day it speaks of holds as of
            // that day, not the day it was printed: a later article's "on
            // July 21 the barrage had killed one person" is no toll that fell.
            (Some(base), _) if named_day.is_some_and(|d| d < base.day) => Some(AsOf {
                day: named_day.unwrap_or(base.day),
                minute: None,
                from: AsOfFrom::Text,
                ..base
            }),
            (Some(base), Some(minute)) => Some(AsOf {
                day: match said.weekday {
                    Some(w) => last_weekday(base.day, w),
                    None => base
                        .day
                        .checked_sub(jiff::Span::new().days(i64::from(said.days_back)))
                        .unwrap_or(base.day),
                },
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
            quote: push(&mut text, &body[whole_start..c.whole.1]),
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
    drop_ambiguous(&mut out, document);
    drop_discordant(&mut out, document);
    if let Some(lang) = lang {
        drop_corrected(&mut out, document, rules, lang, scratch);
    }
    mark_earlier_counts(&mut out);
    out.claims.sort_by(Claim::order);
    // A document's claims are kept until the run ends: no spare capacity.
    out.claims.shrink_to_fit();
    out
}

/// One value is one fact: words that rules of two subjects both read (“the
/// 30-day ceasefire” as a truce's length and as a deadline) are neither's.
/// They are left out with a warning that names the rules, so that one of
/// them can exclude the words (`recoupe rules explain RULE --in FILE`): a
/// value given to the wrong fact is how a false contradiction starts.
fn drop_ambiguous(out: &mut Extraction, document: &Document) {
    if out.claims.len() < 2 {
        return;
    }
    let mut subjects: HashMap<(u32, u32), Vec<(&str, &str)>> = HashMap::new();
    for c in &out.claims {
        let entry = subjects.entry((c.value_span.start, c.value_span.end)).or_default();
        if !entry.iter().any(|(s, _)| *s == c.subject()) {
            entry.push((c.subject(), c.rule()));
        }
    }
    let mut ambiguous: Vec<((u32, u32), String)> = subjects
        .into_iter()
        .filter(|(_, read)| read.len() > 1)
        .map(|(at, mut read)| {
            read.sort_unstable();
            let rules: Vec<String> = read.iter().map(|(_, rule)| format!("`{rule}`")).collect();
            (at, rules.join(", "))
        })
        .collect();
    if ambiguous.is_empty() {
        return;
    }
    ambiguous.sort_unstable();
    for (at, rules) in &ambiguous {
        let Some(c) = out
            .claims
            .iter()
            .find(|c| (c.value_span.start, c.value_span.end) == *at)
        else {
            continue;
        };
        let words = document.text.get(at.0 as usize..at.1 as usize).unwrap_or("");
        out.warnings.push(Warning {
            path: document.path.clone(),
            line: Some(c.value_span.line as usize),
            message: format!(
                "`{words}` at column {} is read as two facts, by rules {rules}: left out of both; \
                 one of these rules should exclude it (`recoupe rules explain RULE --in FILE` shows why each reads it)",
                c.value_span.column
            ),
        });
    }
    out.claims.retain(|c| {
        ambiguous
            .binary_search_by(|(at, _)| at.cmp(&(c.value_span.start, c.value_span.end)))
            .is_err()
    });
}

/// Whether a sentence tells its figure as it stands later than the day
/// told before it: a verb of growth ("has since risen", « s'est alourdi »)
/// or "now", « désormais ».
fn told_later(sentence: &str) -> bool {
    use crate::{english::vocab as en, french::vocab as fr};
    let folded = crate::french::fold(sentence);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.iter().enumerate().any(|(i, &w)| {
        en::GROWTH_WORDS.contains(&w)
            || fr::GROWTH_WORDS.contains(&w)
            || matches!(w, "now" | "since" | "desormais" | "depuis" | "maintenant")
            || words.get(i + 1).is_some_and(|next| dates::raised_to(w, next))
    })
}

/// A figure that only grows (`evolves: up`) told twice in one article, as
/// it grew ("at least one dead and nine hurt; later in the day, two dead
/// and 16 hurt"): the lower count is the article's account of an earlier
/// state, so it is marked recalled, like « selon un premier bilan ». Told at
/// the article's one time, it would otherwise seem to fall after another
/// outlet's higher count printed a little earlier.
fn mark_earlier_counts(out: &mut Extraction) {
    let evolving: Vec<usize> = (0..out.claims.len()).filter(|&i| out.claims[i].rule.evolves).collect();
    if evolving.len() < 2 {
        return;
    }
    let mut earlier = Vec::new();
    for &i in &evolving {
        let (a, Some(x)) = (&out.claims[i], out.claims[i].value.range()) else {
            continue;
        };
        let below = evolving.iter().any(|&j| {
            let b = &out.claims[j];
            b.subject() == a.subject()
                && b.context.role == a.context.role
                && b.value.range().is_some_and(|y| x.hi < y.lo)
        });
        if below {
            earlier.push(i);
        }
    }
    for i in earlier {
        out.claims[i].context.recalled = true;
    }
}

/// A figure the article's own correction withdraws: a wire story kept
/// with its versions, whose later note says « 426, et non 246 comme indiqué
/// par erreur », "(Corrects number of missiles to 24, not 42 as sent)",
/// « cinquante jours, et non soixante », or a checker's reply on a draft
/// ("it's 426 drones, not 462: you've transposed the digits"). A count or
/// length of exactly the withdrawn figure is left out, with a warning,
/// where the article gives its subject the figure the note puts in its
/// place, or where the claim's words hold the noun the note gives the
/// right figure ("drones"): the note's subject is that one (« 1 200, et
/// non 1 000 » about July's swap leaves May's « 1 000 contre 1 000 »
/// alone).
fn drop_corrected(out: &mut Extraction, document: &Document, rules: &RuleSet, lang: Lang, scratch: &mut Scratch) {
    if out.claims.len() < 2 {
        return;
    }
    let corrections = corrections_in(&document.text, rules, lang, scratch);
    if corrections.is_empty() {
        return;
    }
    let exact = |c: &Claim| {
        matches!(c.value.kind, Kind::Number | Kind::Duration)
            .then(|| c.value.range().filter(|r| r.lo == r.hi).map(|r| r.lo))
            .flatten()
    };
    let withdrawn: Vec<bool> = out
        .claims
        .iter()
        .map(|c| {
            exact(c).is_some_and(|v| {
                // The claim's words, for the note's noun.
                let words = document
                    .text
                    .get(c.span.start as usize..c.span.end as usize)
                    .map(crate::french::fold)
                    .unwrap_or_default();
                corrections.iter().any(|(right, wrong, noun)| {
                    let right_claimed = |subject: Option<&str>| {
                        out.claims
                            .iter()
                            .any(|o| subject.is_none_or(|s| o.subject() == s) && exact(o) == Some(*right))
                    };
                    // The note's noun ties it to a claim only where no claim
                    // has the right figure to tie it to a subject.
                    *wrong == v
                        && (right_claimed(Some(c.subject()))
                            || (!right_claimed(None)
                                && noun
                                    .as_deref()
                                    .is_some_and(|n| words.split(|ch: char| !ch.is_alphanumeric()).any(|w| w == n))))
                })
            })
        })
        .collect();
    for (c, _) in out.claims.iter().zip(&withdrawn).filter(|(_, w)| **w) {
        let words = document
            .text
            .get(c.value_span.start as usize..c.value_span.end as usize)
            .unwrap_or("");
        out.warnings.push(Warning {
            path: document.path.clone(),
            line: Some(c.value_span.line as usize),
            message: format!(
                "`{words}` at column {} is a figure the article's own correction withdraws: left out of `{}`",
                c.value_span.column,
                c.subject()
            ),
        });
    }
    let mut keep = withdrawn.iter().map(|w| !w);
    out.claims.retain(|_| keep.next().unwrap_or(true));
}

/// The corrections a note of `text` makes, as (the right figure, the
/// withdrawn one, the noun right after the right one): in a line with a
/// word of correction (« corrige », "corrects", "erratum", "wrong"), the
/// figure right after « et non », "not", "rather than", and the one just
/// before it.
fn corrections_in(text: &str, rules: &RuleSet, lang: Lang, scratch: &mut Scratch) -> Vec<(f64, f64, Option<String>)> {
    use crate::{english::vocab as en, french::vocab as fr};
    let (corrections, markers) = match lang {
        Lang::Fr => (fr::CORRECTION_WORDS, fr::WITHDRAWN_MARKERS),
        Lang::En => (en::CORRECTION_WORDS, en::WITHDRAWN_MARKERS),
    };
    let mut found = Vec::new();
    // A cheap test before folding a line: the start of a marker's longest
    // word in ASCII lower case ("not", « non », « lieu », « plut(ôt) »).
    // Most lines have no marker.
    let stems: Vec<String> = markers
        .iter()
        .filter_map(|m| m.split(' ').max_by_key(|w| w.len()))
        .map(|w| w.chars().take(4).collect())
        .collect();
    let may_correct = |line: &str| {
        let lower = line.to_ascii_lowercase();
        stems.iter().any(|s| lower.contains(s.as_str()))
    };
    for line in text.lines().filter(|line| may_correct(line)) {
        // Words alone, folded: « (Corrige » and "24, not 42" as words; a
        // figure's own marks kept ("2.5", "1,200").
        let folded: Vec<char> = crate::french::fold(line).chars().collect();
        let words: String = (0..folded.len())
            .map(|i| {
                let c = folded[i];
                let in_figure = matches!(c, '.' | ',')
                    && i > 0
                    && folded[i - 1].is_ascii_digit()
                    && folded.get(i + 1).is_some_and(|n| n.is_ascii_digit());
                if c.is_alphanumeric() || in_figure {
                    c
                } else {
                    ' '
                }
            })
            .collect();
        let padded = format!(" {} ", words.split_whitespace().collect::<Vec<_>>().join(" "));
        if !corrections.iter().any(|w| padded.contains(&format!(" {w} "))) {
            continue;
        }
        // Each figure of a snippet: where it starts, and its bounds.
        let mut figures = |snippet: &str| -> Vec<(usize, f64, f64)> {
            let ctx = crate::normalize::Context {
                published: None,
                around: snippet,
                lang,
            };
            mentions_in(snippet, Placeholder::Count, rules, lang, scratch)
                .into_iter()
                .filter_map(|m| {
                    let v =
                        crate::normalize::normalize(Placeholder::Count, &snippet[m.start..m.value_end], &ctx).ok()?;
                    v.range().map(|r| (m.start, r.lo, r.hi))
                })
                .collect()
        };
        for marker in markers {
            let needle = format!(" {marker} ");
            let mut from = 0;
            while let Some(at) = padded[from..].find(&needle) {
                let (before, after) = (&padded[..from + at], &padded[from + at + needle.len()..]);
                from += at + needle.len();
                // The withdrawn figure opens what follows the marker; the
                // right one ends the few words before it.
                let next: String = after.split(' ').take(3).collect::<Vec<_>>().join(" ");
                let Some(wrong) = figures(&next)
                    .into_iter()
                    .find(|&(start, lo, hi)| start == 0 && lo == hi)
                    .map(|(_, lo, _)| lo)
                else {
                    continue;
                };
                // The right figure's upper end: "to 24" after "paragraph 2"
                // reads as "2 to 24".
                let words_before: Vec<&str> = before.split_whitespace().collect();
                let previous = words_before[words_before.len().saturating_sub(4)..].join(" ");
                if let Some(right) = figures(&previous).last().map(|&(_, _, hi)| hi) {
                    // "426 drones, not 462": the noun of the right figure.
                    let noun = words_before
                        .last()
                        .filter(|w| w.chars().all(char::is_alphabetic))
                        .map(|w| w.to_string());
                    if right != wrong && right.is_finite() {
                        found.push((right, wrong, noun));
                    }
                }
            }
        }
    }
    found
}

/// One sentence states one value of a fact: two values of one subject in
/// one sentence that cannot both hold (with the same role: per side, total
/// or neither) are a part and its whole, or two stages ("the swap ended
/// with 303 each, completing the exchange of 1,000 each"), not two
/// statements of the fact. Both are left out, with a warning. A figure
/// that evolves (`evolves: up`) may be given twice, as it grew ("one dead,
/// then two"): the comparison orders those.
fn drop_discordant(out: &mut Extraction, document: &Document) {
    if out.claims.len() < 2 {
        return;
    }
    // Claims that may clash: of one subject, sentence and role, grouped so
    // that a claim-dense article is not compared pairwise.
    let mut groups: HashMap<(&str, u64, Option<CountRole>), Vec<usize>> = HashMap::new();
    for (i, c) in out.claims.iter().enumerate() {
        if !c.rule.evolves && c.context.sentence_key != 0 {
            groups
                .entry((c.subject(), c.context.sentence_key, c.context.role))
                .or_default()
                .push(i);
        }
    }
    let mut groups: Vec<Vec<usize>> = groups.into_values().filter(|g| g.len() > 1).collect();
    if groups.is_empty() {
        return;
    }
    groups.sort_unstable();
    let words = |c: &Claim| {
        document
            .text
            .get(c.value_span.start as usize..c.value_span.end as usize)
            .unwrap_or("")
    };
    let mut dropped = vec![false; out.claims.len()];
    for group in &groups {
        for (k, &i) in group.iter().enumerate() {
            for &j in &group[k + 1..] {
                let (a, b) = (&out.claims[i], &out.claims[j]);
                let apart = match (a.value.range(), b.value.range()) {
                    (Some(x), Some(y)) => !x.intersects(y),
                    _ => false,
                };
                if !apart {
                    continue;
                }
                if !dropped[i] {
                    out.warnings.push(Warning {
                        path: document.path.clone(),
                        line: Some(a.value_span.line as usize),
                        message: format!(
                            "`{}` and `{}` are two values of `{}` in one sentence (a part and the whole, or two \
                             stages): left out of both",
                            words(a),
                            words(b),
                            a.subject()
                        ),
                    });
                }
                dropped[i] = true;
                dropped[j] = true;
            }
        }
    }
    let mut keep = dropped.iter().map(|d| !d);
    out.claims.retain(|_| keep.next().unwrap_or(true));
}

/// The mentions of one kind of value in `sentence` (its dates, for
/// [`dates::SentenceDays`]; a rule's own kind, for the values beside a
/// claim's), found with the rule set's finder for the kind and language,
/// else the language's own.
fn mentions_in(
    sentence: &str,
    kind: Placeholder,
    rules: &RuleSet,
    lang: Lang,
    scratch: &mut Scratch,
) -> Vec<search::values::Mention> {
    match rules.finder(kind, lang) {
        Some(k) => {
            let (cache, exact) = &mut scratch.caches.finders[k];
            search::values::find(sentence, &rules.finders[k], cache, exact)
        }
        None => {
            let finder = crate::rules::value_finder(kind, lang);
            let mut cache = PatternCache::new(&finder);
            search::values::find(sentence, &finder, &mut cache, &mut ExactCache::default())
        }
    }
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
    /// The unit a length said without one takes ([`search::values::Mention`]).
    borrowed_unit: Option<(usize, usize)>,
    /// A list of days counts its days ([`search::values::Mention`]).
    listed: Option<u8>,
    /// Kept only if its sentence names a day of the event's period (see
    /// [`search::Found::needs_event_day`]).
    needs_event_day: bool,
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
    // An example dated outside the rule's publication window is read as
    // `check` reads such an article: not at all, but for its sections
    // whose days the window holds.
    // A text whose sections are headed by their days, as `check` reads it.
    let sections = dates::section_days(text, || published, published, lang);
    let admitted =
        |section: Option<Date>| rule.window.admits(published) || section.is_some_and(|day| rule.window.contains(day));
    if !admitted(None) && !sections.iter().any(|&(_, day)| admitted(day)) {
        return values;
    }
    let mut seen = HashSet::new();
    let mut exact = ExactCache::default();
    // An undated example's dateline, as `check` reads an undated
    // article's (where `check` would first take a full date in the text).
    let dating = Dating {
        dateline: published.is_none().then(|| dates::dateline_day(text)).flatten(),
        ..Dating::published(published, lang)
    };
    // Patterns spell French sentences with the French grammar; they read
    // whole texts, not sections.
    let patterns = if lang == Lang::Fr && admitted(None) {
        &rule.patterns[..]
    } else {
        &[]
    };
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
            values.push(read_value(rule, pattern.placeholder, m.as_str(), around, dating, None).map(|(v, _)| v));
        }
    }
    if let Some(frame) = rule.frame.as_ref().filter(|f| f.reads(lang)) {
        let finder = crate::rules::value_finder(frame.placeholder, lang);
        let mut analysis = search::text::Analysis::new(text);
        if let Some(lexicon) = &frame.lexicon {
            analysis.find_words(lexicon);
        }
        let dateline = search::Dateline::new(published, text, &analysis, frame.lexicon.as_deref());
        let guarded = search::frame::event_day_guard(frame, &analysis, dateline.dated(), lang.code()).is_some();
        let numbers = |sentence: &str| search::counts_in(sentence, lang);
        if search::document_holds(frame, text, &analysis, &dateline, lang, numbers).is_ok() {
            let mut cache = PatternCache::new(&finder);
            let mentions = search::values::find(text, &finder, &mut cache, &mut exact);
            let told = dates::told_day(published, text);
            // An anniversary's sentences are dated as `check` dates them.
            let dating = Dating { told, ..dating };
            // The sentences whose values were placed on a day of the period
            // (see `dates::day_before`).
            let mut placed_sentences: Vec<(usize, Date)> = Vec::new();
            for &m in &mentions {
                let mut placed_day = None;
                let Ok(hit) = search::frame::test(frame, rule.kind, &analysis, lang.code(), &m, &mentions) else {
                    continue;
                };
                if !seen.insert((m.start, m.end)) {
                    continue;
                }
                let section = dates::section_day(&sections, m.start);
                if !admitted(section) {
                    continue;
                }
                let dating = dating.in_section(section);
                let around = sentence_around(text, hit.start, hit.end);
                if !frame.when.is_open() && rule.kind != Kind::Date {
                    let at = around.as_ptr() as usize - text.as_ptr() as usize;
                    let dates = {
                        let finder = crate::rules::value_finder(Placeholder::Date, lang);
                        let mut cache = PatternCache::new(&finder);
                        search::values::find(around, &finder, &mut cache, &mut exact)
                    };
                    let reference = dating.reference.or_else(|| dates::reference(published, None, text));
                    let own = m.start - at..m.end - at;
                    let siblings = search::values::siblings(&mentions, &m, at, around.len());
                    let days = dates::SentenceDays::read(
                        around,
                        &dates,
                        reference.map(|(day, _)| day),
                        told,
                        lang,
                        frame.when,
                    );
                    let days = search::signed_days(days, frame.signature.as_ref(), around, lang, |s| {
                        search::counts_in(s, lang)
                    });
                    let day_before = || {
                        dates::day_before(text, at, around, lang, &placed_sentences, |before| {
                            let finder = crate::rules::value_finder(Placeholder::Date, lang);
                            let mut cache = PatternCache::new(&finder);
                            let found = search::values::find(before, &finder, &mut cache, &mut exact);
                            let days = dates::SentenceDays::read(
                                before,
                                &found,
                                reference.map(|(day, _)| day),
                                told,
                                lang,
                                frame.when,
                            );
                            search::signed_days(days, frame.signature.as_ref(), before, lang, |s| {
                                search::counts_in(s, lang)
                            })
                        })
                    };
                    let named = days.named_day_inside(own.clone(), &siblings);
                    match days.place(around, own, &siblings, dating.published_day(), guarded, day_before) {
                        Ok(given) => placed_day = named.or(given).map(|day| (at, day)),
                        Err(_) => continue,
                    }
                } else if guarded {
                    continue;
                }
                let words = &*read::value_words(
                    text,
                    m.start..m.value_end,
                    m.borrowed_unit,
                    m.listed,
                    (hit.end, Some(m.placeholder)),
                    lang,
                );
                let read = read_value_at(rule, Some(m.placeholder), (text, m.start), words, around, dating);
                let read = match m.alternative {
                    Some(second) => either(read, || {
                        read::alternative(rule, Some(m.placeholder), words, &text[second..m.end], around, dating)
                    }),
                    None => read,
                };
                // As `check` does: a value read places the sentences after it.
                if let (Ok(_), Some(day)) = (&read, placed_day) {
                    placed_sentences.push(day);
                }
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
pub(super) fn quoted_relative_day(
    text: &str,
    at: usize,
    words: &str,
    placeholder: Option<Placeholder>,
) -> Option<NormalizeError> {
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

#[cfg(test)]
mod tests;
