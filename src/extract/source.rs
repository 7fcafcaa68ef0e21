//! A claim's source document and the string arena its strings live in (`pack`).

use super::{to_u32, Extraction};
use jiff::civil::Date;
use std::sync::Arc;

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
    pub(super) text: Arc<str>,
    pub(super) path: TextRange,
    pub(super) title: Option<TextRange>,
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
    pub(super) fn start_text(path: &str, title: Option<&str>, more: usize) -> (String, TextRange, Option<TextRange>) {
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
pub(super) fn push(text: &mut String, s: &str) -> TextRange {
    let start = to_u32(text.len());
    text.push_str(s);
    TextRange {
        start,
        end: to_u32(text.len()),
    }
}
