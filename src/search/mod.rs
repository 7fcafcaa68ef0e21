//! The search stage: documents × rules → the places where a rule's fact is
//! stated, before any value is read.
//!
//! - [`patterns`]: a rule pattern (or a value finder) run over a text fast,
//!   with exactly the matches of a plain search;
//! - [`text`]: an article's folded words, sentences and paragraphs, read once
//!   for every frame;
//! - [`values`]: every value of a kind (`{count}`, `{duration}`, `{date}`),
//!   found once with the normaliser's grammar, for all frames;
//! - [`frame`]: a frame's constraints tested on one value;
//! - [`dates`]: what an undated article's relative dates are read against.
//!
//! Frames are tested per article in three steps, cheapest first: the
//! article-wide words (`document`, `not.document`) on the article's words;
//! then the value finders that the remaining frames need; then each value
//! against each frame. An article that no frame can hold costs one pass over
//! its words.

pub mod context;
pub mod dates;
pub mod frame;
pub mod patterns;
pub mod text;
pub mod values;

pub use patterns::matches;

use crate::french::Placeholder;
use crate::language::Lang;
use crate::rules::{Caches, Rule, RuleSet};
use jiff::civil::Date;
use text::Analysis;
use values::Mention;

/// A value that a rule's frame reads.
#[derive(Debug, Clone, Copy)]
pub struct Found {
    /// The rule, by index in the rule set.
    pub rule: usize,
    pub mention: Mention,
    /// The claim's words: the value and its unit.
    pub hit: frame::Hit,
    /// The article has no day of its own and holds a word of the rule's
    /// `not.undated_document`: the value stands only if its sentence names
    /// a day of the event's period ([`frame::event_day_guard`]).
    pub needs_event_day: bool,
}

/// Every value that a frame of `rules` reads in `text` (an article's body in
/// language `lang`), for the rules that `reads` admits.
pub fn frames(
    text: &str,
    language: Lang,
    published: Option<Date>,
    rules: &RuleSet,
    caches: &mut Caches,
    reads: impl Fn(&Rule) -> bool,
) -> Vec<Found> {
    let lang = language.code();
    let mut framed: Vec<usize> = (0..rules.rules.len())
        .filter(|&r| rules.rules[r].frame.as_ref().is_some_and(|f| f.reads(language)) && reads(&rules.rules[r]))
        .collect();
    // The gate first: an article that lacks a word of each frame's groups
    // is never read word by word.
    caches.articles += 1;
    if caches.articles > crate::rules::GATE_AFTER && !framed.is_empty() {
        if let Some(gate) = rules.gate() {
            let cache = caches.gate.get_or_insert_with(|| gate.cache());
            // Days written as numbers stand in for a dateline: their words
            // are written out for the document test (`Dateline::numbered`).
            let dated = published.is_some() || dates::writes_days(text);
            let admitted = gate.admits(text, dated, cache);
            framed.retain(|&r| admitted[r]);
        }
    }
    if framed.is_empty() {
        return Vec::new();
    }
    let mut analysis = Analysis::new(text);
    let lexicon = rules.rules[framed[0]].frame.as_ref().and_then(|f| f.lexicon.clone());
    if let Some(lexicon) = &lexicon {
        analysis.find_words(lexicon);
    }
    let dateline = Dateline::new(published, text, &analysis, lexicon.as_deref());
    let counts = rules.finder(Placeholder::Count, language);
    let live: Vec<usize> = framed
        .into_iter()
        .filter(|&r| {
            let f = rules.rules[r].frame.as_ref().expect("framed rules have a frame");
            // A rule set whose frames count nothing in this language has
            // no count finder of its own: one is built, as `rules test` does.
            let numbers = |sentence: &str| match counts {
                Some(k) => {
                    let (cache, exact) = &mut caches.finders[k];
                    values::find(sentence, &rules.finders[k], cache, exact)
                }
                None => counts_in(sentence, language),
            };
            document_holds(f, text, &analysis, &dateline, language, numbers).is_ok()
        })
        .collect();
    let guarded = |r: usize| {
        let f = rules.rules[r].frame.as_ref().expect("framed rules have a frame");
        frame::event_day_guard(f, &analysis, dateline.dated(), lang).is_some()
    };
    // The sentences where a live frame can hold, by placeholder: a value
    // finder reads only those (its regexes are most of the cost).
    let mut wanted: Vec<(Placeholder, Vec<bool>)> = Vec::new();
    for &r in &live {
        let f = rules.rules[r].frame.as_ref().expect("framed rules have a frame");
        let at = match wanted.iter().position(|(p, _)| *p == f.placeholder) {
            Some(at) => at,
            None => {
                wanted.push((f.placeholder, vec![false; analysis.sentences.len()]));
                wanted.len() - 1
            }
        };
        for (s, keep) in wanted[at].1.iter_mut().enumerate() {
            *keep = *keep || frame::may_hold(f, &analysis, lang, s);
        }
    }
    let mut found = Vec::new();
    let mut mentions: Vec<(Placeholder, Vec<Mention>)> = Vec::new();
    for &r in &live {
        let rule = &rules.rules[r];
        let f = rule.frame.as_ref().expect("framed rules have a frame");
        if !mentions.iter().any(|(p, _)| *p == f.placeholder) {
            let keep = &wanted
                .iter()
                .find(|(p, _)| *p == f.placeholder)
                .expect("computed above")
                .1;
            let list = match rules.finder(f.placeholder, language) {
                Some(k) => {
                    let mut list = Vec::new();
                    for (from, to) in analysis.spans_of(keep, text.len()) {
                        let (cache, exact) = &mut caches.finders[k];
                        let part = values::find(&text[from..to], &rules.finders[k], cache, exact);
                        list.extend(part.into_iter().map(|m| m.shifted(from)));
                    }
                    list
                }
                None => Vec::new(),
            };
            mentions.push((f.placeholder, list));
        }
        let list = &mentions
            .iter()
            .find(|(p, _)| *p == f.placeholder)
            .expect("just added")
            .1;
        let needs_event_day = guarded(r);
        for m in list {
            if let Ok(hit) = frame::test(f, rule.kind, &analysis, lang, m, list) {
                found.push(Found {
                    rule: r,
                    mention: *m,
                    hit,
                    needs_event_day,
                });
            }
        }
    }
    found
}

/// The frame's document test ([`frame::test_document`]), and, where a
/// `document` group is not met, the same test with the day the frame's
/// signature names written out too, when the article gives one of its figures
/// ([`frame::gives_figure`]): an undated piece on "the night of the 426
/// drones", or a later one that recalls it without its date, tells of that
/// night as surely as one that names it. `numbers` finds the count values
/// of a sentence.
pub fn document_holds<'f>(
    f: &'f crate::rules::frame::Frame,
    text: &str,
    analysis: &Analysis,
    dateline: &Dateline,
    language: Lang,
    numbers: impl FnMut(&str) -> Vec<Mention>,
) -> Result<(), frame::Miss<'f>> {
    let lang = language.code();
    match frame::test_document(f, analysis, dateline, lang) {
        // Where a figure is given, what its day's test says is the reason.
        Err(miss @ frame::Miss::NoGroup { scope: "document", .. }) if f.signature.is_some() => {
            let day = f.signature.as_ref().map(|s| s.day);
            match frame::gives_figure(f, text, analysis, language, numbers) {
                true => {
                    let signed = Dateline::new(day, text, analysis, dateline.lexicon);
                    frame::test_document_with(f, analysis, dateline, Some(&signed), lang)
                }
                false => Err(miss),
            }
        }
        verdict => verdict,
    }
}

/// The count values of `text`, with a finder of its own: for `rules test`
/// and `rules explain`, which read one text (`check` keeps its finders).
pub fn counts_in(text: &str, language: Lang) -> Vec<Mention> {
    let finder = crate::rules::value_finder(Placeholder::Count, language);
    let mut cache = crate::rules::PatternCache::new(&finder);
    values::find(text, &finder, &mut cache, &mut crate::rules::ExactCache::default())
}

/// A sentence's days with the figures of a rule's signature it gives
/// ([`dates::SentenceDays::with_figures`]). `numbers` finds the count
/// values of a sentence (the rule set's finder in `check`, one of its own
/// in `rules test` and `rules explain`); it runs only on a sentence that
/// names a figure's noun.
pub fn signed_days(
    days: dates::SentenceDays,
    signature: Option<&crate::rules::frame::Signature>,
    sentence: &str,
    language: Lang,
    numbers: impl FnOnce(&str) -> Vec<Mention>,
) -> dates::SentenceDays {
    let Some(signature) = signature else {
        return days;
    };
    let figures = match frame::names_figure_noun(signature, language, sentence) {
        true => frame::figures_in(signature, language, sentence, &numbers(sentence)),
        false => Vec::new(),
    };
    // A figure of the event names its night, whatever "overnight" says.
    match figures.is_empty() {
        true => days.with_overnight(sentence, signature.day),
        false => days.with_figures(sentence, &figures, signature.day),
    }
}

/// An article's publication date in words ([`dates::dateline`]), with the
/// days of that week its weekdays name ("Monday" in an article of Tuesday 22
/// July: 21 July), read like its text: where a `document` group of dates
/// may be met. Written out only when a group is not met by the text itself:
/// most articles that name a night name it in words.
pub struct Dateline<'a> {
    published: Option<Date>,
    /// The article's body, where its days written as numbers are read.
    text: &'a str,
    article: &'a Analysis,
    lexicon: Option<&'a crate::rules::frame::Lexicon>,
    line: std::cell::OnceCell<Option<std::rc::Rc<Analysis>>>,
    numbered: std::cell::OnceCell<Option<Analysis>>,
}

thread_local! {
    /// The datelines this thread has written, by day, weekdays named and
    /// lexicon: a corpus holds many articles of one day, and writing one
    /// out is most of what a dated article's document test costs.
    static DATELINES: std::cell::RefCell<std::collections::HashMap<(Date, u8, u64), std::rc::Rc<Analysis>>> =
        Default::default();
}

/// How many datelines a thread keeps: a few years of days, each with the
/// weekdays its articles name.
const DATELINES_KEPT: usize = 4096;

impl<'a> Dateline<'a> {
    pub fn new(
        published: Option<Date>,
        text: &'a str,
        article: &'a Analysis,
        lexicon: Option<&'a crate::rules::frame::Lexicon>,
    ) -> Self {
        Dateline {
            published,
            text,
            article,
            lexicon,
            line: std::cell::OnceCell::new(),
            numbered: std::cell::OnceCell::new(),
        }
    }

    /// The days the article writes as numbers (« ALERTE — 21/07 », "Night
    /// of 20–21.07"), in words ([`dates::numbered_days`]), read the first
    /// time they are asked for; `None` when it writes none.
    pub fn numbered(&self) -> Option<&Analysis> {
        self.numbered
            .get_or_init(|| {
                let mut days = dates::numeric_days(self.text);
                days.extend(dates::ordinal_days(self.text));
                days.sort_unstable();
                days.dedup();
                (!days.is_empty()).then(|| {
                    let mut line = Analysis::new(&dates::numbered_days(&days));
                    if let Some(lexicon) = self.lexicon {
                        line.find_words(lexicon);
                    }
                    line
                })
            })
            .as_ref()
    }

    /// Whether the article has a day of its own (front matter or URL).
    pub fn dated(&self) -> bool {
        self.published.is_some()
    }

    /// The dateline's words, written out the first time they are asked for.
    pub fn words(&self) -> Option<&Analysis> {
        self.line
            .get_or_init(|| {
                let published = self.published?;
                let article = self.article;
                let weekdays = dates::weekdays_named((0..article.tokens.len()).map(|i| article.word(i)));
                let key = (published, weekdays, self.lexicon.map_or(0, |l| l.id));
                let write = || {
                    let mut line = Analysis::new(&dates::dateline(published, weekdays));
                    if let Some(lexicon) = self.lexicon {
                        line.find_words(lexicon);
                    }
                    std::rc::Rc::new(line)
                };
                Some(DATELINES.with_borrow_mut(|kept| {
                    if kept.len() >= DATELINES_KEPT {
                        kept.clear();
                    }
                    kept.entry(key).or_insert_with(write).clone()
                }))
            })
            .as_deref()
    }
}

/// For `rules test` and `rules explain --in`: each value of the frame's kind
/// in `text`, where it starts, and why the frame does or does not read it.
pub fn explain(
    rule: &Rule,
    text: &str,
    language: Lang,
    published: Option<Date>,
) -> Vec<(usize, String, Result<frame::Hit, String>)> {
    let Some(f) = &rule.frame else {
        return Vec::new();
    };
    let lang = language.code();
    let mut analysis = Analysis::new(text);
    if let Some(lexicon) = &f.lexicon {
        analysis.find_words(lexicon);
    }
    let dateline = Dateline::new(published, text, &analysis, f.lexicon.as_deref());
    let finder = crate::rules::value_finder(f.placeholder, language);
    let mut cache = crate::rules::PatternCache::new(&finder);
    let mentions = values::find(text, &finder, &mut cache, &mut crate::rules::ExactCache::default());
    let document = document_holds(f, text, &analysis, &dateline, language, |s| counts_in(s, language));
    let guard = frame::event_day_guard(f, &analysis, dateline.dated(), lang);
    // A count's or a duration's sentence that names a day outside the
    // event's period (`when:`), as extraction reads it.
    let dated = !f.when.is_open() && rule.kind != crate::value::Kind::Date;
    let date_finder = dated.then(|| crate::rules::value_finder(Placeholder::Date, language));
    let reference = dates::reference(published, None, text).map(|(day, _)| day);
    let told = dates::told_day(published, text);
    // A page whose sections are headed by their days: each section's day
    // stands for the publication day, as in extraction.
    let sections = match dated {
        // Without a day of its own, a heading's day is read in the year of
        // the rule's period, as in extraction.
        true => dates::section_days(text, || reference.or(f.when.from), published, language),
        false => Vec::new(),
    };
    // The sentences whose values were placed on a day of the period, as
    // extraction keeps them (see `dates::day_before`).
    let mut placed_sentences: Vec<(usize, Date)> = Vec::new();
    mentions
        .iter()
        .map(|m| {
            let words = text[m.start..m.end].to_string();
            let verdict = match &document {
                Err(why) => Err(why.to_string()),
                Ok(()) => frame::test(f, rule.kind, &analysis, lang, m, &mentions).map_err(|why| why.to_string()),
            };
            let verdict = verdict.and_then(|hit| {
                let Some(finder) = &date_finder else {
                    // No period to place the value in: the guard holds.
                    return match guard {
                        Some(guard) => Err(guard.miss().to_string()),
                        None => Ok(hit),
                    };
                };
                let section = dates::section_day(&sections, m.start);
                let (published, reference) = match section {
                    Some(day) => (Some(day), Some(day)),
                    None => (published, reference),
                };
                let sentence = text::sentence_around(text, hit.start, hit.end);
                let at = sentence.as_ptr() as usize - text.as_ptr() as usize;
                let mut cache = crate::rules::PatternCache::new(finder);
                let dates = values::find(sentence, finder, &mut cache, &mut crate::rules::ExactCache::default());
                let own = m.start - at..m.end - at;
                let siblings = values::siblings(&mentions, m, at, sentence.len());
                let days = dates::SentenceDays::read(sentence, &dates, reference, told, language, f.when);
                let days = signed_days(days, f.signature.as_ref(), sentence, language, |s| {
                    counts_in(s, language)
                });
                let named = days.named_day_inside(own.clone(), &siblings);
                let placed_here = &placed_sentences;
                let day_before = || {
                    dates::day_before(text, at, sentence, language, placed_here, |before| {
                        let mut cache = crate::rules::PatternCache::new(finder);
                        let found = values::find(before, finder, &mut cache, &mut crate::rules::ExactCache::default());
                        let days = dates::SentenceDays::read(before, &found, reference, told, language, f.when);
                        signed_days(days, f.signature.as_ref(), before, language, |s| counts_in(s, language))
                    })
                };
                // An anniversary piece's sentences tell of its day a year back.
                let published = match section {
                    Some(_) => published,
                    None => dates::anniversary(published, told).or(published),
                };
                match days.place(sentence, own, &siblings, published, guard.is_some(), day_before) {
                    Ok(given) => {
                        if let Some(day) = named.or(given) {
                            placed_sentences.push((at, day));
                        }
                        Ok(hit)
                    }
                    Err(dates::Unplaced::OtherEvent(other)) => Err(other.why(sentence)),
                    Err(dates::Unplaced::Guarded) => Err(guard.map_or_else(String::new, |g| g.miss().to_string())),
                }
            });
            (m.start, words, verdict)
        })
        .collect()
}
