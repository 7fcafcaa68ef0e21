//! JSON Lines archives: one article per line, read as a stream.
//!
//! A `.jsonl` file holds one JSON object per line (`outlet`, `published`,
//! `lang`, `title`, `text`, and optionally `id` and `url`). It may be far
//! larger than memory: [`Lines`] hands out one line at a time from a buffered
//! reader, and [`parse_record`] turns one line into a [`Document`], so the
//! caller decides how many records are in flight.
//!
//! A record's `text` is decoded here rather than by serde_json, so that every
//! byte offset of the decoded text can be mapped back to the column of the
//! raw line it came from ([`Record::line_column`]): a claim then points at its
//! quote in the file as stored, escapes (`\"`, `\u00e9`, `\n`) included.

use super::{display_path, io_reason, line_column, parse_published, Document, Metadata, Origin, Warning};
use crate::language::LangSource;
use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;
use std::collections::BTreeMap;
use std::fmt;
use std::io::{BufRead, Read};
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

/// Where a document read from a JSON Lines record comes from, and how its
/// text's byte offsets map to the file's lines and columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// 1-based line of the record in the file.
    pub line: usize,
    /// The record's `id`, when it has one (a number is kept as written).
    pub id: Option<String>,
    columns: Columns,
}

impl Record {
    /// The 1-based line and column (in characters of the raw line) of a byte
    /// offset of the decoded `text`.
    pub fn line_column(&self, text: &str, offset: usize) -> (usize, usize) {
        self.columns.line_column(text, offset)
    }

    /// The line and raw column of decoded byte `offset`, given the number of
    /// decoded characters before it.
    pub fn place(&self, offset: usize, chars_before: usize) -> (usize, usize) {
        self.columns.place(offset, chars_before)
    }
}

/// The raw columns of a decoded JSON string. Each escape decodes to exactly
/// one character but takes 2 (`\n`), 6 (`\u00e9`) or 12 (a surrogate pair)
/// characters of the raw line: the column of a decoded offset is the column of
/// the first character plus the characters before it, plus what the escapes
/// before it add.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Columns {
    line: usize,
    /// Column of the first character inside the quotes.
    column: usize,
    /// For each escape, in order: the decoded byte offset of its character,
    /// and the raw characters added by the escapes up to and including it.
    escapes: Vec<(usize, usize)>,
}

impl Columns {
    fn line_column(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len());
        let chars = text.get(..offset).map_or(0, |s| s.chars().count());
        self.place(offset, chars)
    }

    fn place(&self, offset: usize, chars_before: usize) -> (usize, usize) {
        let before = self.escapes.partition_point(|&(at, _)| at < offset);
        let added = before.checked_sub(1).map_or(0, |i| self.escapes[i].1);
        (self.line, self.column + chars_before + added)
    }
}

/// One line of a JSON Lines file, as read: not blank, not yet parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawLine {
    /// 1-based, counted as editors count lines (see [`Lines`]).
    pub number: usize,
    /// Without its line ending, nor the file's byte-order mark.
    pub bytes: Vec<u8>,
}

/// Something wrong with a line of a JSON Lines file. Problems of a file are
/// gathered in [`Problems`], which decides how many are shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: usize,
    pub message: String,
    repeat: Repeat,
}

/// How a kind of problem is shown when many lines have it.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Repeat {
    /// A record that could not be read: listed line by line, up to
    /// [`LISTED_SKIPPED`] per file.
    Skipped,
    /// A remark on a record that is still checked (an unknown key, no date):
    /// an export repeats it on every line, so it is said once per file, at
    /// its first line, with the number of lines. The key names the kind.
    Once(String),
    /// The end of the file's reading (a read error, binary data): always shown.
    Final,
}

impl Problem {
    fn skipped(line: usize, message: String) -> Problem {
        Problem {
            line,
            message,
            repeat: Repeat::Skipped,
        }
    }

    fn once(line: usize, kind: &str, message: String) -> Problem {
        Problem {
            line,
            message,
            repeat: Repeat::Once(kind.to_string()),
        }
    }

    fn last(line: usize, message: String) -> Problem {
        Problem {
            line,
            message,
            repeat: Repeat::Final,
        }
    }
}

/// How many skipped lines of one file are listed; past that, one warning
/// counts the rest, so that a file that is not JSON Lines at all does not
/// bury the report under a warning per line.
pub const LISTED_SKIPPED: usize = 20;

/// The problems of one file, gathered in any order: what is shown does not
/// depend on the order (so neither on the number of threads), and memory
/// does not grow with the number of bad lines.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Problems {
    /// The first skipped lines (at most [`LISTED_SKIPPED`]), by line.
    skipped: BTreeMap<usize, String>,
    skipped_count: usize,
    /// Kind → (lines with it, its first line, the message of that line).
    once: BTreeMap<String, (usize, usize, String)>,
    last: Vec<(usize, String)>,
}

impl Problems {
    pub fn add(&mut self, problem: Problem) {
        let Problem { line, message, repeat } = problem;
        match repeat {
            Repeat::Skipped => {
                self.skipped_count += 1;
                self.skipped.insert(line, message);
                if self.skipped.len() > LISTED_SKIPPED {
                    self.skipped.pop_last();
                }
            }
            Repeat::Once(kind) => {
                let entry = self.once.entry(kind).or_insert((0, line, message.clone()));
                entry.0 += 1;
                if line < entry.1 {
                    (entry.1, entry.2) = (line, message);
                }
            }
            Repeat::Final => self.last.push((line, message)),
        }
    }

    pub fn merge(mut self, other: Problems) -> Problems {
        self.skipped_count += other.skipped_count;
        self.skipped.extend(other.skipped);
        while self.skipped.len() > LISTED_SKIPPED {
            self.skipped.pop_last();
        }
        for (kind, (count, line, message)) in other.once {
            let entry = self.once.entry(kind).or_insert((0, line, message.clone()));
            entry.0 += count;
            if line < entry.1 {
                (entry.1, entry.2) = (line, message);
            }
        }
        self.last.extend(other.last);
        self
    }

    /// The warnings to show for the file shown as `path`.
    pub fn into_warnings(self, path: &str) -> Vec<Warning> {
        let warn = |line: Option<usize>, message: String| Warning {
            path: path.to_string(),
            line,
            message,
        };
        let mut warnings: Vec<Warning> = Vec::new();
        let unlisted = self.skipped_count - self.skipped.len();
        warnings.extend(self.skipped.into_iter().map(|(line, m)| warn(Some(line), m)));
        if unlisted > 0 {
            warnings.push(warn(
                None,
                format!(
                    "{unlisted} more line{} skipped, not listed (only the first {LISTED_SKIPPED} skipped lines of a file are)",
                    plural(unlisted)
                ),
            ));
        }
        for (_, (count, line, message)) in self.once {
            let message = match count {
                1 => message,
                _ => format!("{message} (and on {} more line{})", count - 1, plural(count - 1)),
            };
            warnings.push(warn(Some(line), message));
        }
        warnings.extend(self.last.into_iter().map(|(line, m)| warn(Some(line), m)));
        warnings
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// UTF-8's byte-order mark, which some tools write at the start of a file.
const BYTE_ORDER_MARK: &[u8] = b"\xEF\xBB\xBF";

/// The lines of a JSON Lines file, read one at a time: at most one line (and
/// the reader's buffer) is in memory, whatever the size of the file.
///
/// Blank lines are skipped. Lines are numbered as editors number them: a line
/// ends at `\n` (records are split there, as JSON Lines says), and a lone
/// `\r`, which JSON reads as white space, also starts a new line for the
/// count. A line longer than the size limit is skipped without being held.
/// A line with NUL bytes (binary data, or UTF-16 text) ends the reading.
pub struct Lines<R> {
    reader: R,
    max_line: u64,
    next_number: usize,
    at_start: bool,
    done: bool,
}

impl<R: BufRead> Lines<R> {
    /// Lines of at most `max_line` bytes (a longer one is skipped).
    pub fn new(reader: R, max_line: u64) -> Lines<R> {
        Lines {
            reader,
            max_line,
            next_number: 1,
            at_start: true,
            done: false,
        }
    }

    /// Consumes the rest of an over-long line, whose start `read` is already
    /// read. Returns the whole line's length (without its line ending) and
    /// its lone carriage returns (line breaks for editors).
    fn skip_rest_of_line(&mut self, read: &[u8]) -> std::io::Result<(u64, usize)> {
        let (mut length, mut lone_crs, mut after_cr) = (read.len() as u64, 0usize, false);
        // A `\r` is lone when a byte other than `\n` follows it.
        let count = |part: &[u8], lone_crs: &mut usize, after_cr: &mut bool| {
            for &b in part {
                *lone_crs += usize::from(*after_cr);
                *after_cr = b == b'\r';
            }
        };
        count(read, &mut lone_crs, &mut after_cr);
        loop {
            let chunk = match self.reader.fill_buf() {
                Ok(chunk) => chunk,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if chunk.is_empty() {
                return Ok((length, lone_crs));
            }
            let end = chunk.iter().position(|&b| b == b'\n');
            let part = &chunk[..end.unwrap_or(chunk.len())];
            count(part, &mut lone_crs, &mut after_cr);
            length += part.len() as u64;
            let consumed = part.len() + usize::from(end.is_some());
            self.reader.consume(consumed);
            if end.is_some() {
                // A `\r` right before the `\n` belongs to the line ending.
                return Ok((length - u64::from(after_cr), lone_crs));
            }
        }
    }
}

impl<R: BufRead> Iterator for Lines<R> {
    type Item = Result<RawLine, Problem>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.at_start {
            self.at_start = false;
            // Dropped before the first line is read, so that it does not
            // count against the line's size limit.
            if let Ok(start) = self.reader.fill_buf() {
                if start.starts_with(BYTE_ORDER_MARK) {
                    self.reader.consume(BYTE_ORDER_MARK.len());
                }
            }
        }
        while !self.done {
            let number = self.next_number;
            let mut bytes = Vec::new();
            let read = (&mut self.reader)
                .take(self.max_line.saturating_add(1))
                .read_until(b'\n', &mut bytes);
            match read {
                Ok(0) => self.done = true,
                Ok(_) => {}
                Err(e) => {
                    self.done = true;
                    return Some(Err(Problem::last(
                        number,
                        format!("the rest of the file is skipped: {}", io_reason(&e)),
                    )));
                }
            }
            if self.done {
                return None;
            }
            let ended = bytes.last() == Some(&b'\n');
            // Measured before anything is stripped: `take` stopped it there.
            let cut = !ended && bytes.len() as u64 > self.max_line;
            if ended {
                bytes.pop();
                if bytes.last() == Some(&b'\r') {
                    bytes.pop();
                }
            }
            if cut {
                let (length, lone_crs) = match self.skip_rest_of_line(&bytes) {
                    Ok(skipped) => skipped,
                    Err(e) => {
                        self.done = true;
                        return Some(Err(Problem::last(
                            number,
                            format!("the rest of the file is skipped: {}", io_reason(&e)),
                        )));
                    }
                };
                self.next_number = number + 1 + lone_crs;
                return Some(Err(Problem::skipped(
                    number,
                    format!(
                        "skipped: {} bytes is over the size limit of {} bytes for one article (raise it with --max-file-size)",
                        length,
                        self.max_line
                    ),
                )));
            }
            // The line ending is gone: every `\r` left is a lone one.
            self.next_number = number + 1 + bytes.iter().filter(|&&b| b == b'\r').count();
            if bytes.contains(&0) {
                self.done = true;
                return Some(Err(Problem::last(
                    number,
                    "the rest of the file is skipped: NUL bytes (binary data, or UTF-16 text: JSON Lines must be UTF-8)"
                        .into(),
                )));
            }
            if bytes.iter().all(|b| matches!(b, b' ' | b'\t' | b'\r')) {
                continue;
            }
            return Some(Ok(RawLine { number, bytes }));
        }
        None
    }
}

/// Opens a JSON Lines file for [`Lines`]; any problem is a warning. There is
/// no size limit on the file, only on each line (`max_file_size`).
pub fn open(
    path: &Path,
    options: &super::LoadOptions,
) -> (Option<Lines<std::io::BufReader<std::fs::File>>>, Vec<Warning>) {
    let shown = display_path(path);
    let warn = |message: String| Warning {
        path: shown.clone(),
        line: None,
        message,
    };
    match std::fs::metadata(path) {
        Ok(m) if m.is_dir() => return (None, vec![warn("skipped: this is a folder, not a file".into())]),
        Ok(_) => {}
        Err(e) => return (None, vec![warn(format!("skipped: {}", io_reason(&e)))]),
    }
    let file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(e) => return (None, vec![warn(format!("skipped: {}", io_reason(&e)))]),
    };
    let mut warnings = Vec::new();
    if path.to_str().is_none() {
        warnings.push(warn(format!(
            "the file name is not valid UTF-8: it is shown as `{shown}`"
        )));
    }
    // Larger than the default 8 KiB: fewer system calls on a large archive.
    let reader = std::io::BufReader::with_capacity(256 * 1024, file);
    (Some(Lines::new(reader, options.max_file_size)), warnings)
}

/// The keys and raw values of a JSON object, in order, as written.
struct Fields<'a>(Vec<(String, &'a RawValue)>);

impl<'de> Deserialize<'de> for Fields<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct FieldsVisitor;
        impl<'de> Visitor<'de> for FieldsVisitor {
            type Value = Fields<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Fields<'de>, A::Error> {
                let mut fields = Vec::new();
                while let Some(field) = map.next_entry::<String, &'de RawValue>()? {
                    fields.push(field);
                }
                Ok(Fields(fields))
            }
        }
        deserializer.deserialize_map(FieldsVisitor)
    }
}

/// Reads one record into a document of the file shown as `path`. Never
/// panics, whatever the bytes. A record without a usable `text` gives no
/// document; metadata problems are reported and the record is still checked,
/// as with a front matter.
pub fn parse_record(path: &str, line: RawLine) -> (Option<Document>, Vec<Problem>) {
    let number = line.number;
    let text = match String::from_utf8(line.bytes) {
        Ok(text) => text,
        Err(e) => {
            let valid = std::str::from_utf8(&e.as_bytes()[..e.utf8_error().valid_up_to()]).unwrap_or("");
            let column = valid.chars().count() + 1;
            return (
                None,
                vec![Problem::skipped(
                    number,
                    format!("skipped: not valid UTF-8 from column {column} (JSON Lines must be UTF-8)"),
                )],
            );
        }
    };
    let fields = match serde_json::from_str::<Fields>(&text) {
        Ok(Fields(fields)) => fields,
        Err(e) => return (None, vec![Problem::skipped(number, json_error(&text, &e))]),
    };
    let mut problems = Vec::new();
    let mut meta = Metadata::default();
    let mut id = None;
    let mut body = None;
    let mut seen: Vec<&str> = Vec::new();
    for (key, raw) in &fields {
        if seen.contains(&key.as_str()) {
            problems.push(Problem::once(
                number,
                &format!("twice {key}"),
                format!("key `{key}` appears more than once: the last one is used"),
            ));
        }
        seen.push(key);
        if key == "text" {
            body = Some(*raw);
            continue;
        }
        if !RECORD_KEYS.contains(&key.as_str()) {
            problems.push(Problem::once(
                number,
                &format!("unknown {key}"),
                format!(
                    "key `{key}` is unknown and ignored (known keys: {})",
                    RECORD_KEYS.join(", ")
                ),
            ));
            continue;
        }
        let Ok(value) = scalar(raw) else {
            problems.push(Problem::once(
                number,
                &format!("not single {key}"),
                format!("`{key}` should be a single value (a string, a number or a boolean): ignored"),
            ));
            continue;
        };
        match key.as_str() {
            "outlet" => match value {
                Some(v) if !v.trim().is_empty() => {
                    meta.outlet = v.trim().to_string();
                    meta.outlet_source = super::OutletSource::FrontMatter;
                }
                _ => problems.push(Problem::once(
                    number,
                    "empty outlet",
                    "`outlet` is empty: using `unknown`".into(),
                )),
            },
            "published" => match value.as_deref().map(str::trim) {
                Some(v) => match parse_published(v) {
                    Some((d, at)) => {
                        meta.published = Some(d);
                        meta.published_at = at;
                    }
                    None => problems.push(Problem::once(
                        number,
                        "bad published",
                        format!(
                            "`published: {v}` is not a real date (YYYY-MM-DD) nor a date and time with its offset: relative dates are read against the URL or the text instead"
                        ),
                    )),
                },
                None => problems.push(Problem::once(
                    number,
                    "empty published",
                    "`published` is empty: relative dates are read against the URL or the text, if they give a date".into(),
                )),
            },
            "lang" => {
                if let Some(v) = value {
                    meta.lang = v.trim().to_string();
                    meta.lang_source = LangSource::FrontMatter;
                }
            }
            "title" => meta.title = value,
            "url" => meta.url = value,
            _ => id = value,
        }
    }
    // The last `outlet` or `published` wins; say once that a required one is missing.
    if !seen.contains(&"outlet") {
        let domain = meta.url.as_deref().and_then(super::url_domain);
        problems.push(match domain {
            Some(_) => Problem::once(
                number,
                "no outlet, a url",
                "no `outlet`: using the domain of its `url`".into(),
            ),
            None => Problem::once(number, "no outlet", "no `outlet`: using `unknown`".into()),
        });
    }
    if !seen.contains(&"published") {
        problems.push(Problem::once(
            number,
            "no published",
            "no `published` date: relative dates are read against the URL or the text, if they give a date".into(),
        ));
    }
    let Some(body) = body else {
        problems.push(Problem::skipped(number, "skipped: no `text`".into()));
        return (None, problems);
    };
    let Some(DecodedString {
        text: decoded,
        escapes,
        lone_surrogates,
    }) = decode_string(body.get())
    else {
        problems.push(Problem::skipped(number, "skipped: `text` is not a string".into()));
        return (None, problems);
    };
    if decoded.trim().is_empty() {
        problems.push(Problem::skipped(
            number,
            "skipped: `text` is empty (or white space only)".into(),
        ));
        return (None, problems);
    }
    if lone_surrogates > 0 {
        problems.push(Problem::once(
            number,
            "lone surrogate",
            format!(
                "`text` has {lone_surrogates} unpaired surrogate escape{} (\\ud800 to \\udfff): replaced with U+FFFD",
                plural(lone_surrogates)
            ),
        ));
    }
    // The raw value borrows from the line: its address gives its place. A
    // lone `\r` before it (white space to JSON) is a line break to editors.
    let token_start = body.get().as_ptr() as usize - text.as_ptr() as usize;
    let (line_offset, column) = line_column(&text, token_start + 1);
    meta.settle_language(&decoded);
    meta.settle_outlet();
    let document = Document {
        path: path.to_string(),
        meta,
        text: decoded,
        body_start: 0,
        origin: Origin::Record(Box::new(Record {
            line: number,
            id,
            columns: Columns {
                line: number + line_offset - 1,
                column,
                escapes,
            },
        })),
    };
    (Some(document), problems)
}

/// A scalar as text: a string as is, a number as written, a boolean;
/// `None` for null; an error for an array or an object.
fn scalar(raw: &RawValue) -> Result<Option<String>, ()> {
    match serde_json::from_str::<serde_json::Value>(raw.get()) {
        Ok(serde_json::Value::String(s)) => Ok(Some(s)),
        Ok(serde_json::Value::Number(_)) => Ok(Some(raw.get().to_string())),
        Ok(serde_json::Value::Bool(b)) => Ok(Some(b.to_string())),
        Ok(serde_json::Value::Null) => Ok(None),
        _ => Err(()),
    }
}

/// serde_json's message, with its column counted in characters of the line
/// (serde_json counts bytes, and its line is always 1 here).
fn json_error(line: &str, error: &serde_json::Error) -> String {
    if error.classify() == serde_json::error::Category::Data {
        return "skipped: not a JSON object (one article per line: {\"outlet\": …, \"published\": …, \"text\": …})"
            .into();
    }
    let full = error.to_string();
    let what = full.rfind(" at line ").map_or(full.as_str(), |i| &full[..i]);
    let mut byte = error.column().saturating_sub(1).min(line.len());
    while !line.is_char_boundary(byte) {
        byte -= 1;
    }
    let (_, column) = line_column(line, byte);
    format!("skipped: not valid JSON at column {column}: {what}")
}

/// A JSON string decoded, with what [`Columns`] needs to know of its escapes.
struct DecodedString {
    text: String,
    /// As in [`Columns::escapes`].
    escapes: Vec<(usize, usize)>,
    /// Unpaired surrogate escapes, each replaced with U+FFFD.
    lone_surrogates: usize,
}

/// Decodes a raw JSON string token (quotes included), recording each escape.
/// `None` when the token is not a string.
fn decode_string(raw: &str) -> Option<DecodedString> {
    let inner = raw.strip_prefix('"')?.strip_suffix('"')?;
    let mut decoded = String::with_capacity(inner.len());
    let mut escapes = Vec::new();
    let mut added = 0;
    let mut lone_surrogates = 0;
    let mut rest = inner;
    while let Some(at) = rest.find('\\') {
        decoded.push_str(&rest[..at]);
        let escape = &rest[at..];
        let (c, length) = match escape.as_bytes().get(1)? {
            b'"' => ('"', 2),
            b'\\' => ('\\', 2),
            b'/' => ('/', 2),
            b'b' => ('\u{8}', 2),
            b'f' => ('\u{c}', 2),
            b'n' => ('\n', 2),
            b'r' => ('\r', 2),
            b't' => ('\t', 2),
            b'u' => {
                let high = hex4(escape.get(2..6)?)?;
                let low = escape
                    .get(6..8)
                    .filter(|s| *s == "\\u")
                    .and_then(|_| hex4(escape.get(8..12)?))
                    .filter(|low| (0xDC00..0xE000).contains(low));
                match (high, low) {
                    (0xD800..0xDC00, Some(low)) => {
                        let c = char::from_u32(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))?;
                        (c, 12)
                    }
                    _ => match char::from_u32(high) {
                        Some(c) => (c, 6),
                        None => {
                            lone_surrogates += 1;
                            ('\u{FFFD}', 6)
                        }
                    },
                }
            }
            _ => return None,
        };
        added += length - 1;
        escapes.push((decoded.len(), added));
        decoded.push(c);
        rest = &escape[length..];
    }
    decoded.push_str(rest);
    Some(DecodedString {
        text: decoded,
        escapes,
        lone_surrogates,
    })
}

fn hex4(digits: &str) -> Option<u32> {
    if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    u32::from_str_radix(digits, 16).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(line: &str) -> (Option<Document>, Vec<Problem>) {
        parse_record(
            "a.jsonl",
            RawLine {
                number: 7,
                bytes: line.as_bytes().to_vec(),
            },
        )
    }

    /// Where, in characters of the raw line, `raw_needle` starts (1-based).
    fn raw_column(line: &str, raw_needle: &str) -> usize {
        line[..line.find(raw_needle).expect("the needle is in the line")]
            .chars()
            .count()
            + 1
    }

    #[test]
    fn a_record_gives_a_document_with_its_metadata() {
        let (doc, problems) = record(
            r#"{"outlet": "AFP", "published": "2025-07-22", "lang": "fr", "title": "T", "text": "Corps.", "id": 42, "url": "https://x"}"#,
        );
        assert!(problems.is_empty(), "{problems:?}");
        let doc = doc.unwrap();
        assert_eq!(doc.meta.outlet, "AFP");
        assert_eq!(doc.meta.published, Some(jiff::civil::Date::constant(2025, 7, 22)));
        assert_eq!(doc.meta.title.as_deref(), Some("T"));
        assert_eq!(doc.meta.url.as_deref(), Some("https://x"));
        assert_eq!(doc.text, "Corps.");
        assert_eq!(doc.body_start, 0);
        let Origin::Record(r) = &doc.origin else {
            panic!("a record")
        };
        assert_eq!((r.line, r.id.as_deref()), (7, Some("42")));
    }

    #[test]
    fn columns_count_raw_characters_through_every_kind_of_escape() {
        let line = r#"{"outlet":"é","text":"a\"b\u00e9\n\ud83d\udcf0 é \\ d\u00e9lai de 50 jours"}"#;
        let (doc, _) = record(line);
        let doc = doc.unwrap();
        assert_eq!(doc.text, "a\"bé\n📰 é \\ délai de 50 jours");
        let at = |needle: &str| doc.line_column(doc.text.find(needle).unwrap());
        assert_eq!(at("a\""), (7, raw_column(line, r#"a\"b"#)));
        assert_eq!(at("b"), (7, raw_column(line, r#"b\u00e9"#)));
        assert_eq!(at("é\n"), (7, raw_column(line, r#"\u00e9\n"#)));
        assert_eq!(at("\n"), (7, raw_column(line, r#"\n\ud83d"#)));
        assert_eq!(at("📰"), (7, raw_column(line, r#"\ud83d"#)));
        assert_eq!(at(" é "), (7, raw_column(line, r#" é \\"#)));
        assert_eq!(at("délai"), (7, raw_column(line, r#"d\u00e9lai"#)));
        assert_eq!(at("50"), (7, raw_column(line, "50")));
        // The end of the text: just before the closing quote.
        assert_eq!(doc.line_column(doc.text.len()), (7, raw_column(line, "\"}")));
    }

    #[test]
    fn a_lone_carriage_return_before_the_text_moves_it_to_the_next_line() {
        let line = "{\"outlet\":\"X\",\r  \"text\":\"abc\"}";
        let (doc, _) = record(line);
        assert_eq!(doc.unwrap().line_column(0), (8, 11));
    }

    #[test]
    fn bad_records_are_skipped_with_a_reason() {
        let cases = [
            (
                r#"{"outlet": "X", "text": "a""#,
                "not valid JSON at column 27: EOF while parsing an object",
            ),
            (
                r#"{"outlet": "é", "text" "a"}"#,
                "not valid JSON at column 24: expected `:`",
            ),
            (r#"["a"]"#, "not a JSON object"),
            (r#"{"outlet": "X", "published": "2025-07-22"}"#, "skipped: no `text`"),
            (r#"{"outlet": "X", "text": 12}"#, "`text` is not a string"),
            (r#"{"outlet": "X", "text": " \n "}"#, "`text` is empty"),
        ];
        for (line, needle) in cases {
            let (doc, problems) = record(line);
            assert!(doc.is_none(), "{line}");
            assert!(
                problems
                    .iter()
                    .any(|p| p.message.contains(needle) && p.repeat == Repeat::Skipped),
                "{line}: {problems:?}"
            );
        }
        let (doc, problems) = parse_record(
            "a.jsonl",
            RawLine {
                number: 3,
                bytes: b"{\"text\": \"caf\xe9\"}".to_vec(),
            },
        );
        assert!(doc.is_none());
        assert_eq!(
            problems[0].message,
            "skipped: not valid UTF-8 from column 14 (JSON Lines must be UTF-8)"
        );
    }

    #[test]
    fn metadata_problems_are_remarks_and_the_record_is_still_read() {
        let (doc, problems) =
            record(r#"{"outlet": "", "published": "2025-02-30", "author": "Y", "title": [1], "text": "Corps."}"#);
        let doc = doc.unwrap();
        assert_eq!(doc.meta.outlet, "unknown");
        assert_eq!(doc.meta.published, None);
        let messages: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "`outlet` is empty: using `unknown`",
                "`published: 2025-02-30` is not a real date (YYYY-MM-DD) nor a date and time with its offset: relative dates are read against the URL or the text instead",
                "key `author` is unknown and ignored (known keys: outlet, published, lang, title, text, id, url)",
                "`title` should be a single value (a string, a number or a boolean): ignored",
            ]
        );
        let (_, problems) = record(r#"{"text": "Corps."}"#);
        let messages: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "no `outlet`: using `unknown`",
                "no `published` date: relative dates are read against the URL or the text, if they give a date"
            ]
        );
    }

    #[test]
    fn an_unpaired_surrogate_becomes_a_replacement_character() {
        let (doc, problems) = record(r#"{"outlet":"X","published":"2025-07-22","text":"a\ud800b"}"#);
        assert_eq!(doc.unwrap().text, "a\u{FFFD}b");
        assert!(problems[0].message.contains("1 unpaired surrogate escape"));
    }

    fn lines_of(bytes: &[u8], max: u64) -> Vec<Result<RawLine, Problem>> {
        Lines::new(bytes, max).collect()
    }

    #[test]
    fn lines_are_numbered_as_editors_number_them_and_blank_ones_skipped() {
        let input = b"\xEF\xBB\xBF{\"a\":1}\r\n\n  \r\n{\"b\":2}\r{\"c\":3}\n{\"d\":4}";
        let lines: Vec<(usize, String)> = lines_of(input, 100)
            .into_iter()
            .map(|l| {
                let l = l.unwrap();
                (l.number, String::from_utf8(l.bytes).unwrap())
            })
            .collect();
        assert_eq!(
            lines,
            [
                (1, "{\"a\":1}".to_string()),
                (4, "{\"b\":2}\r{\"c\":3}".to_string()),
                (6, "{\"d\":4}".to_string()),
            ]
        );
    }

    #[test]
    fn an_over_long_line_is_skipped_and_the_next_ones_are_read() {
        let long = format!("{{\"text\":\"{}\"}}\r\n", "x".repeat(100));
        let input = format!("{long}{{\"a\":1}}\n");
        let lines = lines_of(input.as_bytes(), 50);
        let problem = lines[0].as_ref().unwrap_err();
        assert_eq!(problem.line, 1);
        assert_eq!(
            problem.message,
            "skipped: 111 bytes is over the size limit of 50 bytes for one article (raise it with --max-file-size)"
        );
        assert_eq!(lines[1].as_ref().unwrap().number, 2);
        assert_eq!(lines.len(), 2);
    }

    #[test]
    fn the_size_limit_counts_a_line_without_the_byte_order_mark() {
        let input = format!("\u{feff}{}\n{{\"a\":1}}\n", "x".repeat(61));
        let lines = lines_of(input.as_bytes(), 60);
        assert!(
            lines[0].as_ref().unwrap_err().message.contains(" 61 bytes"),
            "{lines:?}"
        );
        assert_eq!(lines[1].as_ref().unwrap().number, 2);
        assert_eq!(lines.len(), 2);
        // The mark does not count: a line of exactly the limit is read.
        let input = format!("\u{feff}{}", "x".repeat(60));
        assert_eq!(lines_of(input.as_bytes(), 60)[0].as_ref().unwrap().bytes.len(), 60);
    }

    #[test]
    fn nul_bytes_end_the_reading() {
        let utf16: Vec<u8> = "{\"a\":1}\n{\"b\":2}\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let lines = lines_of(&utf16, 100);
        assert_eq!(lines.len(), 1);
        assert!(lines[0].as_ref().unwrap_err().message.contains("NUL bytes"));
    }

    /// A reader that makes an endless JSON Lines file on demand and counts
    /// the bytes it was asked for.
    struct Endless {
        served: std::rc::Rc<std::cell::Cell<u64>>,
        line: Vec<u8>,
        at: usize,
    }

    impl Read for Endless {
        fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
            let mut n = 0;
            while n < out.len() {
                out[n] = self.line[self.at];
                self.at = (self.at + 1) % self.line.len();
                n += 1;
            }
            self.served.set(self.served.get() + n as u64);
            Ok(n)
        }
    }

    #[test]
    fn lines_are_read_one_at_a_time_from_an_endless_reader() {
        let served = std::rc::Rc::new(std::cell::Cell::new(0));
        let reader = std::io::BufReader::with_capacity(
            4096,
            Endless {
                served: served.clone(),
                line: b"{\"outlet\":\"X\",\"text\":\"une ligne\"}\n".to_vec(),
                at: 0,
            },
        );
        let mut lines = Lines::new(reader, 1 << 20);
        for expected in 1..=1000 {
            let line = lines.next().unwrap().unwrap();
            assert_eq!(line.number, expected);
            // Never more read than the lines handed out and one buffer.
            assert!(
                served.get() <= expected as u64 * 34 + 4096,
                "{} bytes read",
                served.get()
            );
        }
    }

    #[test]
    fn problems_show_the_same_whatever_the_order_they_come_in() {
        let problems: Vec<Problem> = (1..=30)
            .flat_map(|line| {
                [
                    Problem::skipped(line, format!("skipped {line}")),
                    Problem::once(line, "k", format!("remark {line}")),
                ]
            })
            .collect();
        let gather = |order: &mut dyn Iterator<Item = &Problem>| {
            let mut halves = [Problems::default(), Problems::default()];
            for (i, p) in order.enumerate() {
                halves[i % 2].add(p.clone());
            }
            let [a, b] = halves;
            a.merge(b).into_warnings("a.jsonl")
        };
        let forward = gather(&mut problems.iter());
        let backward = gather(&mut problems.iter().rev());
        assert_eq!(forward, backward);
        assert_eq!(forward.len(), LISTED_SKIPPED + 2);
        assert_eq!(forward[0].message, "skipped 1");
        assert_eq!(
            forward[LISTED_SKIPPED].message,
            "10 more lines skipped, not listed (only the first 20 skipped lines of a file are)"
        );
        assert_eq!(forward[LISTED_SKIPPED + 1].message, "remark 1 (and on 29 more lines)");
        assert_eq!(forward[LISTED_SKIPPED + 1].line, Some(1));
    }
}
