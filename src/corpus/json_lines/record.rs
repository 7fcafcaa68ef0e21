//! Record parsing: one line's JSON object → a Document and its Record (offsets → columns).

use super::escapes::{decode_string, DecodedString};
use super::lines::RawLine;
use super::problems::{plural, Problem};
use super::RECORD_KEYS;
use crate::corpus::entities::{self, Entities};
use crate::corpus::{line_column, parse_published, Document, Metadata, Origin};
use crate::language::LangSource;
use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;
use std::fmt;

/// Where a document read from a JSON Lines record comes from, and how its
/// text's byte offsets map to the file's lines and columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// 1-based line of the record in the file.
    pub line: usize,
    /// The record's `id`, when it has one (a number is kept as written).
    pub id: Option<String>,
    columns: Columns,
    /// The HTML character references of the `text` string, decoded after
    /// its JSON escapes (see `corpus::entities`).
    entities: Option<Box<Entities>>,
}

impl Record {
    /// The line and raw column of decoded byte `offset`, given the number of
    /// decoded characters before it.
    pub fn place(&self, offset: usize, chars_before: usize) -> (usize, usize) {
        match &self.entities {
            // Back to the string as its JSON escapes decode, then to the line.
            Some(e) => self
                .columns
                .place(e.written_offset(offset), chars_before + e.added_before(offset)),
            None => self.columns.place(offset, chars_before),
        }
    }
}

/// The raw columns of a decoded JSON string. Each escape decodes to exactly
/// one character but takes 2 (`\n`), 6 (`\u00e9`) or 12 (a surrogate pair)
/// characters of the raw line: the column of a decoded offset is the column of
/// the first character plus the characters before it, plus what the escapes
/// before it add.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Columns {
    line: usize,
    /// Column of the first character inside the quotes.
    column: usize,
    /// For each escape, in order: the decoded byte offset of its character,
    /// and the raw characters added by the escapes up to and including it.
    escapes: Vec<(usize, usize)>,
}

impl Columns {
    fn place(&self, offset: usize, chars_before: usize) -> (usize, usize) {
        let before = self.escapes.partition_point(|&(at, _)| at < offset);
        let added = before.checked_sub(1).map_or(0, |i| self.escapes[i].1);
        (self.line, self.column + chars_before + added)
    }
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
                    meta.outlet_source = crate::corpus::OutletSource::FrontMatter;
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
        let domain = meta.url.as_deref().and_then(crate::corpus::url_domain);
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
    // `&nbsp;` and its kind, as in a file of its own: content-system
    // exports leave them in JSON strings too.
    let (decoded, entities) = match entities::decode(&decoded) {
        Some((text, entities)) => (text, Some(Box::new(entities))),
        None => (decoded, None),
    };
    // The raw value borrows from the line: its address gives its place. A
    // lone `\r` before it (white space to JSON) is a line break to editors.
    let token_start = body.get().as_ptr() as usize - text.as_ptr() as usize;
    let (line_offset, column) = line_column(&text, token_start + 1);
    meta.settle_language(&decoded);
    meta.settle_outlet();
    meta.settle_published(&decoded);
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
            entities,
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
