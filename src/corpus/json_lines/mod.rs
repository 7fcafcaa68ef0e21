//! JSON Lines archives: one article per line, read as a stream.
//!
//! A `.jsonl` file holds one JSON object per line (`outlet`, `published`,
//! `lang`, `title`, `text`, and optionally `id` and `url`). It may be far
//! larger than memory: [`Lines`] hands out one line at a time from a buffered
//! reader, and [`parse_record`] turns one line into a [`Document`](crate::corpus::Document), so the
//! caller decides how many records are in flight.
//!
//! A record's `text` is decoded here rather than by serde_json, so that every
//! byte offset of the decoded text can be mapped back to the column of the
//! raw line it came from ([`Record::place`]): a claim then points at its
//! quote in the file as stored, escapes (`\"`, `\u00e9`, `\n`) included.

mod escapes;
mod lines;
mod problems;
mod record;

pub use lines::{open, Lines, RawLine};
pub use problems::{Problem, Problems, LISTED_SKIPPED};
pub use record::{parse_record, Record};

use std::path::Path;

/// The extensions of JSON Lines files, named on the command line or found in
/// a folder.
pub const EXTENSIONS: &[&str] = &["jsonl", "ndjson"];

/// The keys a record may hold.
pub const RECORD_KEYS: &[&str] = &["outlet", "published", "lang", "title", "text", "id", "url"];

/// Whether a path names a JSON Lines file (by its extension, in any case).
pub fn is_json_lines(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

#[cfg(test)]
mod tests;
