//! The corpus stage: files on disk → documents with their metadata.
//!
//! This stage owns reading and decoding. It never fails because of one bad
//! article: whatever cannot be read becomes a [`Warning`] and the other articles
//! go on. Only a path named on the command line that does not exist is an error,
//! because then the invocation itself is wrong.
//!
//! Articles come one per file (`.md`, `.txt`…, with a front matter) or one
//! per line of a JSON Lines file ([`json_lines`], read as a stream).

pub mod json_lines;

mod decode;
pub mod entities;
mod front_matter;
mod line_index;
mod metadata;
mod stamp;
mod walk;

pub(crate) use front_matter::flow_depth;
pub use front_matter::FRONT_MATTER_KEYS;
pub use line_index::LineIndex;
pub use metadata::{
    outlet_key, parse_iso_date, parse_published, url_day, url_domain, url_month, written_date, Metadata, OutletSource,
    UNKNOWN_OUTLET, WRITTEN_DATE, WRITTEN_DATE_LEAD,
};
pub use walk::{list_files, list_files_excluding};

use decode::{decode, Decoded};
use front_matter::read_front_matter;
use std::fmt;
use std::path::{Path, PathBuf};

/// An article, decoded, with its front matter read.
#[derive(Debug, Clone)]
pub struct Document {
    /// The path as the user named it (or as found below a named folder), with
    /// `/` separators: reports must not depend on the machine. The records
    /// of a JSON Lines file share its path.
    pub path: String,
    pub meta: Metadata,
    /// The whole decoded file, front matter included, so that byte offsets and
    /// line numbers point into the file as stored; for a JSON Lines record,
    /// its decoded `text`.
    pub text: String,
    /// Byte offset where the article body starts (after the front matter).
    pub body_start: usize,
    /// Where `text` comes from: how its byte offsets become lines and columns
    /// of the file.
    pub origin: Origin,
}

/// Where a document's text comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// A file of its own: `text` is the whole decoded file.
    File,
    /// A file of its own whose HTML character references (`&nbsp;`) `text`
    /// holds decoded ([`entities`]): lines are the file's, columns move by
    /// what the references took.
    Html(Box<entities::Entities>),
    /// A record of a JSON Lines file: `text` is its decoded `text` string,
    /// which stands on one line of the file, escapes and all.
    Record(Box<json_lines::Record>),
}

impl Document {
    /// The 1-based line and column (in characters) in the file as stored of
    /// a byte offset of `text`: what claims and warnings point at.
    pub fn line_column(&self, offset: usize) -> (usize, usize) {
        self.line_columns(&[offset])[0]
    }

    /// The lines and columns of many byte offsets of `text` at once (in any
    /// order; the result is in the same order), from one [`LineIndex`] of
    /// the text: a document with many claims costs its length plus the
    /// claims, not their product. [`Document::line_column`] for each offset
    /// gives the same.
    pub fn line_columns(&self, offsets: &[usize]) -> Vec<(usize, usize)> {
        if offsets.is_empty() {
            return Vec::new();
        }
        let index = LineIndex::new(&self.text);
        offsets
            .iter()
            .map(|&offset| match &self.origin {
                Origin::File => index.line_column(offset),
                Origin::Html(entities) => {
                    let (line, column) = index.line_column(offset);
                    let at = offset.min(self.text.len());
                    let line_start = self.text[..at].rfind(['\n', '\r']).map_or(0, |i| i + 1);
                    (line, column + entities.added_on_line(line_start, at))
                }
                // A record's text stands on one line of its file: the
                // characters before the offset, placed by the record.
                Origin::Record(record) => record.place(offset.min(self.text.len()), index.chars_before(offset)),
            })
            .collect()
    }

    /// The JSON Lines record this document was read from, if any.
    pub fn record(&self) -> Option<&json_lines::Record> {
        match &self.origin {
            Origin::File | Origin::Html(_) => None,
            Origin::Record(record) => Some(record),
        }
    }
}

/// Something about an input file that the user should know: a skipped file, a
/// repaired encoding, a front-matter problem. Never fatal.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Warning {
    pub path: String,
    /// 1-based line in the file, when the problem has one.
    pub line: Option<usize>,
    pub message: String,
}

/// The documents read and the warnings met on the way, both sorted by path so
/// that the output does not depend on the order threads finish in.
#[derive(Debug, Default)]
pub struct Corpus {
    pub documents: Vec<Document>,
    pub warnings: Vec<Warning>,
}

/// How to read the corpus.
#[derive(Debug, Clone)]
pub struct LoadOptions {
    /// Files larger than this are skipped with a warning.
    pub max_file_size: u64,
}

/// 10 MiB: far above any article, small enough that a stray video or database
/// dump in the corpus folder is skipped rather than read.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 10 * 1024 * 1024;

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            max_file_size: DEFAULT_MAX_FILE_SIZE,
        }
    }
}

/// The extensions of article files found when walking a folder. A file named
/// on the command line is read whatever its extension. JSON Lines files
/// ([`json_lines::EXTENSIONS`]) are found too.
pub const ARTICLE_EXTENSIONS: &[&str] = &["md", "markdown", "txt"];

/// A path named on the command line that cannot be used at all.
#[derive(Debug)]
pub struct CorpusError {
    pub path: String,
    pub reason: String,
}

impl fmt::Display for CorpusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "cannot read {}: {}", self.path, self.reason)
    }
}

impl std::error::Error for CorpusError {}

/// Reads and decodes one file; any problem is a warning.
pub fn read_document(path: &Path, options: &LoadOptions) -> (Option<Document>, Vec<Warning>) {
    let shown = display_path(path);
    let warn = |message: String| Warning {
        path: shown.clone(),
        line: None,
        message,
    };
    // Open first and ask the open file for its size: one path lookup, not
    // two (an archive's run opens every file). A folder that cannot be
    // opened (Windows) is still told as a folder.
    let file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(e) => match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => return (None, vec![warn("skipped: this is a folder, not a file".into())]),
            _ => return (None, vec![warn(format!("skipped: {}", io_reason(&e)))]),
        },
    };
    let metadata = match file.metadata() {
        Ok(m) => m,
        Err(e) => return (None, vec![warn(format!("skipped: {}", io_reason(&e)))]),
    };
    if metadata.is_dir() {
        return (None, vec![warn("skipped: this is a folder, not a file".into())]);
    }
    if metadata.is_file() && metadata.len() > options.max_file_size {
        return (
            None,
            vec![warn(format!(
                "skipped: {} bytes is over the size limit of {} bytes (raise it with --max-file-size)",
                metadata.len(),
                options.max_file_size
            ))],
        );
    }
    // The file's size, when it is a plain file: the whole text is read into
    // one buffer of that size, without growing it.
    let expected = if metadata.is_file() { metadata.len() as usize } else { 0 };
    let (document, mut warnings) = read_sized(shown.clone(), file, options, expected);
    warnings.extend(file_name_warning(path, &shown));
    (document, warnings)
}

/// The document of a file whose bytes were read already (by the claims
/// cache, which hashes them): what [`read_document`] gives for them.
pub fn document_from_bytes(path: &Path, shown: String, bytes: Vec<u8>) -> (Option<Document>, Vec<Warning>) {
    let note = file_name_warning(path, &shown);
    let (document, mut warnings) = parse_document_owned(shown, bytes);
    warnings.extend(note);
    (document, warnings)
}

/// A file name that is not UTF-8 is shown otherwise: a warning says so.
fn file_name_warning(path: &Path, shown: &str) -> Option<Warning> {
    path.to_str().is_none().then(|| Warning {
        path: shown.to_string(),
        line: None,
        message: format!("the file name is not valid UTF-8: it is shown as `{shown}`"),
    })
}

/// Reads an article from any reader (a file, a pipe, standard input) shown
/// as `shown`: at most `--max-file-size` bytes are read, so that a file that
/// grows while it is read, or an endless pipe, cannot exhaust memory; past the
/// limit the article is skipped with a warning.
pub fn read_from(shown: String, reader: impl std::io::Read, options: &LoadOptions) -> (Option<Document>, Vec<Warning>) {
    read_sized(shown, reader, options, 0)
}

/// [`read_from`], with room for `expected` bytes made at once.
fn read_sized(
    shown: String,
    reader: impl std::io::Read,
    options: &LoadOptions,
    expected: usize,
) -> (Option<Document>, Vec<Warning>) {
    use std::io::Read;
    let warn = |message: String| Warning {
        path: shown.clone(),
        line: None,
        message,
    };
    // One byte more than expected: the read that finds the end fits too.
    let mut bytes = Vec::with_capacity(expected.min(options.max_file_size as usize).saturating_add(1));
    if let Err(e) = reader
        .take(options.max_file_size.saturating_add(1))
        .read_to_end(&mut bytes)
    {
        return (None, vec![warn(format!("skipped: {}", io_reason(&e)))]);
    }
    if bytes.len() as u64 > options.max_file_size {
        return (
            None,
            vec![warn(format!(
                "skipped: more than {} bytes is over the size limit of {} bytes (raise it with --max-file-size)",
                options.max_file_size, options.max_file_size
            ))],
        );
    }
    parse_document_owned(shown, bytes)
}

/// Decodes bytes and reads the front matter: the part of [`read_document`] that
/// does not touch the file system, so that stdin and tests can use it. Never
/// panics, whatever the bytes.
pub fn parse_document(path: String, bytes: &[u8]) -> (Option<Document>, Vec<Warning>) {
    parse_document_owned(path, bytes.to_vec())
}

/// [`parse_document`] of bytes it may keep: UTF-8 bytes become the text
/// without a copy.
pub fn parse_document_owned(path: String, bytes: Vec<u8>) -> (Option<Document>, Vec<Warning>) {
    let mut warnings = Vec::new();
    let warn = |line: Option<usize>, message: String| Warning {
        path: path.clone(),
        line,
        message,
    };
    let Some(Decoded { text, note }) = decode(bytes) else {
        return (
            None,
            vec![warn(None, "skipped: binary file (it contains NUL bytes)".into())],
        );
    };
    if let Some((line, note)) = note {
        warnings.push(warn(line, note));
    }
    if text.is_empty() {
        warnings.push(warn(None, "skipped: empty file".into()));
        return (None, warnings);
    }
    if text.trim().is_empty() {
        warnings.push(warn(None, "skipped: empty file (white space only)".into()));
        return (None, warnings);
    }
    // `&nbsp;` and its kind, decoded: see `entities`.
    let (text, origin) = match entities::decode(&text) {
        Some((decoded, entities)) => (decoded, Origin::Html(Box::new(entities))),
        None => (text, Origin::File),
    };
    let mut front = read_front_matter(&text);
    for (line, message) in front.problems {
        warnings.push(warn(line, message));
    }
    front.meta.settle_language(&text[front.body_start.min(text.len())..]);
    front.meta.settle_outlet();
    front.meta.settle_published(&text[front.body_start.min(text.len())..]);
    (
        Some(Document {
            path,
            meta: front.meta,
            text,
            body_start: front.body_start,
            origin,
        }),
        warnings,
    )
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

/// A path as shown in reports: relative when below the current folder, with
/// `/` separators, so that reports are the same on every machine.
pub fn display_path(path: &Path) -> String {
    // Asked once per run, not once per file: a large corpus names 100,000s.
    static CWD: std::sync::OnceLock<Option<PathBuf>> = std::sync::OnceLock::new();
    let relative = CWD
        .get_or_init(|| std::env::current_dir().ok())
        .as_ref()
        // (A relative path has no absolute prefix: not parsed for one.)
        .filter(|_| path.has_root())
        .and_then(|cwd| path.strip_prefix(cwd).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| path.to_path_buf());
    // Windows separators become `/`; on Unix a backslash is a character of
    // the file's name, shown as it is.
    let shown = relative.to_string_lossy().into_owned();
    let shown = if std::path::MAIN_SEPARATOR == '\\' {
        shown.replace('\\', "/")
    } else {
        shown
    };
    shown.strip_prefix("./").map(str::to_string).unwrap_or(shown)
}

/// 1-based line and column (in characters) of a byte offset of `text`, for
/// one place (many places of one text: [`LineIndex`]).
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    LineIndex::new(text).line_column(offset)
}

#[cfg(test)]
mod tests;
