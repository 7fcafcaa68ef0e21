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

use crate::language::LangSource;
use jiff::civil::Date;
use std::collections::{HashMap, HashSet};
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
    /// A record of a JSON Lines file: `text` is its decoded `text` string,
    /// which stands on one line of the file, escapes and all.
    Record(Box<json_lines::Record>),
}

impl Document {
    /// The 1-based line and column (in characters) in the file as stored of
    /// a byte offset of `text`: what claims and warnings point at.
    pub fn line_column(&self, offset: usize) -> (usize, usize) {
        match &self.origin {
            Origin::File => line_column(&self.text, offset),
            Origin::Record(record) => record.line_column(&self.text, offset),
        }
    }

    /// The lines and columns of many byte offsets of `text` at once (in any
    /// order; the result is in the same order), in one pass over the text:
    /// a document with many claims costs its length plus the claims, not
    /// their product. [`Document::line_column`] for each offset gives the same.
    pub fn line_columns(&self, offsets: &[usize]) -> Vec<(usize, usize)> {
        let mut order: Vec<usize> = (0..offsets.len()).collect();
        order.sort_unstable_by_key(|&i| offsets[i]);
        let mut out = vec![(1, 1); offsets.len()];
        let bytes = self.text.as_bytes();
        // `chars`: characters before `at`; `column`: 1 + those since the
        // line's start.
        let (mut at, mut line, mut column, mut chars) = (0usize, 1usize, 1usize, 0usize);
        for i in order {
            let offset = offsets[i].min(bytes.len());
            while at < offset {
                let b = bytes[at];
                // A character starts at every byte but UTF-8 continuations.
                if (b & 0xC0) != 0x80 {
                    chars += 1;
                }
                match b {
                    b'\n' => {
                        line += 1;
                        column = 1;
                    }
                    b'\r' if bytes.get(at + 1) != Some(&b'\n') => {
                        line += 1;
                        column = 1;
                    }
                    b if (b & 0xC0) != 0x80 => column += 1,
                    _ => {}
                }
                at += 1;
            }
            out[i] = match &self.origin {
                Origin::File => (line, column),
                // A record's text stands on one line of its file: the
                // characters before the offset, placed by the record.
                Origin::Record(record) => record.place(offset, chars),
            };
        }
        out
    }

    /// The JSON Lines record this document was read from, if any.
    pub fn record(&self) -> Option<&json_lines::Record> {
        match &self.origin {
            Origin::File => None,
            Origin::Record(record) => Some(record),
        }
    }
}

/// What the front matter says about an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Metadata {
    pub outlet: String,
    /// Where `outlet` came from.
    pub outlet_source: OutletSource,
    /// The day of publication, as written (the local day when a time is given).
    pub published: Option<Date>,
    /// The date and time of publication with its offset, as written, when
    /// the front matter gives a time (`2025-07-22T09:30:00+02:00`).
    pub published_at: Option<String>,
    /// The language code: the front matter's, or the one detected from
    /// the text (see [`crate::language::choose`]).
    pub lang: String,
    /// How `lang` was chosen.
    pub lang_source: LangSource,
    pub title: Option<String>,
    pub url: Option<String>,
    /// `recoupe: { ignore: [SUBJECT, "SUBJECT -- reason"] }`: subjects
    /// whose claims in this article are suppressed, with the line of the key.
    pub ignore: Vec<String>,
    pub ignore_line: Option<usize>,
}

impl Default for Metadata {
    fn default() -> Self {
        Metadata {
            outlet: UNKNOWN_OUTLET.to_string(),
            outlet_source: OutletSource::Unknown,
            published: None,
            published_at: None,
            lang: "fr".to_string(),
            lang_source: LangSource::Default,
            title: None,
            url: None,
            ignore: Vec::new(),
            ignore_line: None,
        }
    }
}

impl Metadata {
    /// Keeps the front matter's language when it names one, else detects it
    /// from `body`.
    pub fn settle_language(&mut self, body: &str) {
        let given = (self.lang_source == LangSource::FrontMatter).then_some(self.lang.as_str());
        (self.lang, self.lang_source) = crate::language::choose(given, body);
    }

    /// Without an outlet in the front matter, the `url`'s domain is the
    /// outlet (`https://www.afp.com/fr/…` → `afp.com`).
    pub fn settle_outlet(&mut self) {
        if self.outlet_source != OutletSource::Unknown {
            return;
        }
        if let Some(domain) = self.url.as_deref().and_then(url_domain) {
            self.outlet = domain;
            self.outlet_source = OutletSource::Url;
        }
    }
}

/// Where an article's outlet name came from (the JSON's `outlet_source`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum OutletSource {
    /// The front matter's (or the JSON Lines record's) `outlet`.
    FrontMatter,
    /// The domain of its `url`: no `outlet` was given.
    Url,
    /// An alias of the configuration (`[outlets.aliases]`) named it.
    Alias,
    /// Neither: `unknown`.
    #[default]
    Unknown,
}

impl OutletSource {
    pub fn as_str(self) -> &'static str {
        match self {
            OutletSource::FrontMatter => "front_matter",
            OutletSource::Url => "url",
            OutletSource::Alias => "alias",
            OutletSource::Unknown => "unknown",
        }
    }
}

/// The host of a URL, lower-case, without `www.`, a port or credentials;
/// `None` when there is no `scheme://host`.
pub fn url_domain(url: &str) -> Option<String> {
    let (_, rest) = url.trim().split_once("://")?;
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = match host.strip_prefix('[') {
        // An IPv6 literal keeps its colons.
        Some(v6) => v6.split(']').next().unwrap_or(""),
        None => host.split(':').next().unwrap_or(""),
    };
    let host = host.trim_end_matches('.').to_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    (!host.is_empty() && host.chars().all(|c| c.is_alphanumeric() || "-.:".contains(c))).then(|| host.to_string())
}

/// The key outlet names are compared by: case and spaces ignored
/// (`Le Monde`, `le  monde` and `LeMonde` are one outlet).
pub fn outlet_key(name: &str) -> String {
    name.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The outlet of an article whose front matter does not name one.
pub const UNKNOWN_OUTLET: &str = "unknown";

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

/// The article files below `paths` (files or folders), each once, and the
/// warnings of the walk. Nothing is read yet: a large corpus is then read
/// and checked one file at a time, never held in memory whole.
pub fn list_files(paths: &[PathBuf]) -> Result<(Vec<PathBuf>, Vec<Warning>), CorpusError> {
    list_files_excluding(paths, &globset::GlobSet::empty())
}

/// [`list_files`], leaving out what `exclude` matches in the folders walked
/// (`--exclude`): a file or folder is left out when a glob matches its path
/// below the folder named (`drafts`, `**/*.draft.md`) or its path as shown
/// (`corpus/drafts/**`). An excluded folder is not walked. A file named on
/// the command line is always read: it was asked for.
pub fn list_files_excluding(
    paths: &[PathBuf],
    exclude: &globset::GlobSet,
) -> Result<(Vec<PathBuf>, Vec<Warning>), CorpusError> {
    let mut files = Vec::new();
    let mut warnings = Vec::new();
    for root in paths {
        let meta = std::fs::metadata(root).map_err(|e| CorpusError {
            path: display_path(root),
            reason: io_reason(&e),
        })?;
        if meta.is_dir() {
            let mut visited = HashMap::new();
            let walk_root = Walk { root, exclude };
            walk_root.walk(root, &mut visited, &mut files, &mut warnings);
        } else {
            files.push(Found {
                path: root.clone(),
                id: file_id(&meta),
            });
        }
    }
    let files = distinct_files(files, &mut warnings);
    Ok((files, warnings))
}

/// A file found while listing: its path, and which file it is (device and
/// inode, where the system says).
struct Found {
    path: PathBuf,
    id: Option<(u64, u64)>,
}

/// The device and inode of a file (Unix).
fn file_id(meta: &std::fs::Metadata) -> Option<(u64, u64)> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        Some((meta.dev(), meta.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        None
    }
}

/// The files to read, each once: a file named twice (`corpus/a.md` and
/// `./corpus/a.md`) is read once, and a second name for the same file (a
/// symbolic link) is a warning rather than a second document.
fn distinct_files(files: Vec<Found>, warnings: &mut Vec<Warning>) -> Vec<PathBuf> {
    // Two names of one file have one device and inode, and so do two
    // spellings of one name (`corpus/a.md`, `./corpus/a.md`): only files
    // that share theirs (or whose are unknown) need comparing, and their
    // real paths, whose system calls were most of the listing's time
    // (10,000 files: 40 ms of a 50 ms budget). (On this thread: resolved on
    // the workers, the paths left their heaps scattered with freed memory,
    // and the run's peak rose by 4 MiB.) A file reached without a symbolic
    // link is kept over its links. The others keep the order they were
    // found in: the report is sorted, whatever the order files are read in.
    let mut names: HashMap<(u64, u64), usize> = HashMap::new();
    for f in &files {
        if let Some(id) = f.id {
            *names.entry(id).or_default() += 1;
        }
    }
    let shared = |f: &Found| f.id.is_none_or(|id| names.get(&id).is_some_and(|n| *n > 1));
    let mut named: Vec<(bool, String, Option<PathBuf>, usize)> = files
        .iter()
        .enumerate()
        .filter(|(_, f)| shared(f))
        .map(|(index, found)| {
            let file = &found.path;
            let real = std::fs::canonicalize(file).ok();
            let through_link = match (std::path::absolute(file), &real) {
                (Ok(absolute), Some(real)) => absolute != *real,
                _ => false,
            };
            (through_link, display_path(file), real, index)
        })
        .collect();
    named.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
    let mut shown = HashSet::new();
    let mut real: HashMap<PathBuf, String> = HashMap::new();
    let mut keep = vec![true; files.len()];
    for (_, name, canonical, index) in named {
        keep[index] = false;
        if !shown.insert(name.clone()) {
            continue;
        }
        if let Some(canonical) = canonical {
            if let Some(first) = real.get(&canonical) {
                warnings.push(Warning {
                    path: name,
                    line: None,
                    message: format!("skipped: the same file as {first} (a link or a second name), read once"),
                });
                continue;
            }
            real.insert(canonical, name);
        }
        keep[index] = true;
    }
    files
        .into_iter()
        .zip(keep)
        .filter_map(|(found, keep)| keep.then_some(found.path))
        .collect()
}

/// Collects article files below `dir`, in a stable order, skipping hidden
/// entries and following symlinks only once per real folder (so a link back up
/// the tree is a warning, not an endless walk).
/// A folder named on the command line, walked, and what to leave out of it.
struct Walk<'a> {
    root: &'a Path,
    exclude: &'a globset::GlobSet,
}

impl Walk<'_> {
    /// Whether `--exclude` leaves this file or folder out.
    fn excluded(&self, path: &Path) -> bool {
        if self.exclude.is_empty() {
            return false;
        }
        let below = path.strip_prefix(self.root).unwrap_or(path);
        self.exclude.is_match(below) || self.exclude.is_match(display_path(path))
    }

    fn walk(
        &self,
        dir: &Path,
        visited: &mut HashMap<PathBuf, String>,
        files: &mut Vec<Found>,
        warnings: &mut Vec<Warning>,
    ) {
        match std::fs::canonicalize(dir) {
            Ok(real) => {
                if let Some(first) = visited.get(&real) {
                    warnings.push(Warning {
                        path: display_path(dir),
                        line: None,
                        message: format!("skipped: the same folder as {first} (a symbolic link loop?), walked once"),
                    });
                    return;
                }
                visited.insert(real, display_path(dir));
            }
            Err(e) => {
                warnings.push(Warning {
                    path: display_path(dir),
                    line: None,
                    message: format!("skipped: {}", io_reason(&e)),
                });
                return;
            }
        }
        // The folder's device: its files' inodes are on it.
        let device = std::fs::metadata(dir)
            .ok()
            .and_then(|m| file_id(&m))
            .map(|(dev, _)| dev);
        let entries = match std::fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) => {
                warnings.push(Warning {
                    path: display_path(dir),
                    line: None,
                    message: format!("skipped: cannot list this folder: {}", io_reason(&e)),
                });
                return;
            }
        };
        // The entry's type comes with the listing (no system call per file,
        // on the usual file systems); a link is followed with `metadata`.
        let mut children: Vec<(std::ffi::OsString, PathBuf, Option<std::fs::FileType>, Option<u64>)> = entries
            .filter_map(|e| e.ok())
            .map(|e| (e.file_name(), e.path(), e.file_type().ok(), entry_inode(&e)))
            .collect();
        // By name: the order of their paths (they share the folder), at a
        // fraction of the cost of comparing paths component by component.
        children.sort_by(|a, b| a.0.cmp(&b.0));
        for (name, child, kind, inode) in children {
            let hidden = name.as_encoded_bytes().first() == Some(&b'.');
            if hidden || self.excluded(&child) {
                continue;
            }
            let is_article = child
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| ARTICLE_EXTENSIONS.iter().any(|a| e.eq_ignore_ascii_case(a)))
                || json_lines::is_json_lines(&child);
            let followed = match kind {
                Some(kind) if kind.is_dir() => Ok((true, false, None)),
                Some(kind) if kind.is_file() => Ok((false, true, device.zip(inode))),
                _ => std::fs::metadata(&child).map(|m| (m.is_dir(), m.is_file(), file_id(&m))),
            };
            match followed {
                Ok((true, _, _)) => self.walk(&child, visited, files, warnings),
                Ok((false, true, id)) => {
                    if is_article {
                        files.push(Found { path: child, id });
                    }
                }
                // A pipe, socket or device named like an article: reading it could
                // block for ever or never end.
                Ok(_) => {
                    if is_article {
                        warnings.push(Warning {
                            path: display_path(&child),
                            line: None,
                            message: "skipped: not a regular file (a pipe, socket or device)".into(),
                        });
                    }
                }
                Err(e) => {
                    let link = std::fs::symlink_metadata(&child).is_ok_and(|m| m.file_type().is_symlink());
                    let message = match (link, e.kind()) {
                        (true, std::io::ErrorKind::NotFound) => {
                            "skipped: a broken symbolic link (its target does not exist)".to_string()
                        }
                        (true, _) => format!("skipped: a symbolic link that cannot be followed (a loop?): {e}"),
                        (false, _) => format!("skipped: {}", io_reason(&e)),
                    };
                    warnings.push(Warning {
                        path: display_path(&child),
                        line: None,
                        message,
                    })
                }
            }
        }
    }
}

/// The inode of a folder's entry, as the listing gives it (Unix).
fn entry_inode(entry: &std::fs::DirEntry) -> Option<u64> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirEntryExt;
        Some(entry.ino())
    }
    #[cfg(not(unix))]
    {
        let _ = entry;
        None
    }
}

/// Reads and decodes one file; any problem is a warning.
pub fn read_document(path: &Path, options: &LoadOptions) -> (Option<Document>, Vec<Warning>) {
    let shown = display_path(path);
    let warn = |message: String| Warning {
        path: shown.clone(),
        line: None,
        message,
    };
    let metadata = match std::fs::metadata(path) {
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
    let (document, mut warnings) = match std::fs::File::open(path) {
        Ok(file) => read_from(shown.clone(), file, options),
        Err(e) => return (None, vec![warn(format!("skipped: {}", io_reason(&e)))]),
    };
    warnings.extend(file_name_warning(path, &shown));
    (document, warnings)
}

/// The document of a file whose bytes were read already (by the claims
/// cache, which hashes them): what [`read_document`] gives for them.
pub fn document_from_bytes(path: &Path, shown: String, bytes: &[u8]) -> (Option<Document>, Vec<Warning>) {
    let note = file_name_warning(path, &shown);
    let (document, mut warnings) = parse_document(shown, bytes);
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
    use std::io::Read;
    let warn = |message: String| Warning {
        path: shown.clone(),
        line: None,
        message,
    };
    let mut bytes = Vec::new();
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
    parse_document(shown, &bytes)
}

/// Decodes bytes and reads the front matter: the part of [`read_document`] that
/// does not touch the file system, so that stdin and tests can use it. Never
/// panics, whatever the bytes.
pub fn parse_document(path: String, bytes: &[u8]) -> (Option<Document>, Vec<Warning>) {
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
    let mut front = read_front_matter(&text);
    for (line, message) in front.problems {
        warnings.push(warn(line, message));
    }
    front.meta.settle_language(&text[front.body_start.min(text.len())..]);
    front.meta.settle_outlet();
    (
        Some(Document {
            path,
            meta: front.meta,
            text,
            body_start: front.body_start,
            origin: Origin::File,
        }),
        warnings,
    )
}

/// Decoded text, and a note (with the line it concerns) when it was not plain
/// UTF-8.
struct Decoded {
    text: String,
    note: Option<(Option<usize>, String)>,
}

/// UTF-8 (with or without BOM), UTF-16 (with a BOM, or recognised by its NUL
/// bytes), and as a last resort Windows-1252, the encoding of most legacy
/// French newsroom exports. `None` for a binary file.
fn decode(bytes: &[u8]) -> Option<Decoded> {
    let decoded = if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let rest = &bytes[bom_len..];
        if encoding == encoding_rs::UTF_8 {
            decode_utf8(rest, true)
        } else {
            let (text, had_errors) = encoding.decode_without_bom_handling(rest);
            let mut note = format!("decoded as {} (byte-order mark)", encoding.name());
            if had_errors {
                note.push_str(": invalid UTF-16 sequences were replaced with U+FFFD");
            }
            Decoded {
                text: text.into_owned(),
                note: Some((None, note)),
            }
        }
    } else if bytes.contains(&0) {
        let encoding = guess_utf16(bytes)?;
        let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
        let control = |c: char| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}');
        if had_errors || text.chars().any(control) {
            return None;
        }
        Decoded {
            text: text.into_owned(),
            note: Some((
                None,
                format!(
                    "no byte-order mark, but the NUL bytes say UTF-16: decoded as {}",
                    encoding.name()
                ),
            )),
        }
    } else {
        decode_utf8(bytes, false)
    };
    // NUL characters in decoded text: a binary file behind a byte-order mark.
    (!decoded.text.contains('\0')).then_some(decoded)
}

/// UTF-8, or when it is not: a file that is mostly UTF-8 keeps its good
/// characters and has the broken bytes replaced; any other is Windows-1252.
fn decode_utf8(bytes: &[u8], had_bom: bool) -> Decoded {
    let error = match std::str::from_utf8(bytes) {
        Ok(text) => {
            return Decoded {
                text: text.to_string(),
                note: None,
            }
        }
        Err(e) => e,
    };
    // The valid prefix is UTF-8: count its lines to say where the first bad
    // byte is.
    let prefix = std::str::from_utf8(&bytes[..error.valid_up_to()]).unwrap_or("");
    let line = line_column(prefix, prefix.len()).0;
    let mut multibyte = 0;
    let mut invalid = 0;
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += usize::from(!chunk.invalid().is_empty());
    }
    if had_bom || multibyte >= invalid {
        let plural = if invalid == 1 { "" } else { "s" };
        return Decoded {
            text: String::from_utf8_lossy(bytes).into_owned(),
            note: Some((
                Some(line),
                format!(
                    "not valid UTF-8 from line {line}: {invalid} invalid byte sequence{plural} replaced with U+FFFD"
                ),
            )),
        };
    }
    let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
    Decoded {
        text: text.into_owned(),
        note: Some((
            Some(line),
            format!("not valid UTF-8 from line {line}: decoded as Windows-1252"),
        )),
    }
}

/// UTF-16 without a byte-order mark: text whose every other byte is NUL (the
/// high byte of Latin characters) and whose other bytes never are.
fn guess_utf16(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let units = bytes.len() / 2;
    if units == 0 {
        return None;
    }
    let zeros_at = |parity: usize| bytes.iter().skip(parity).step_by(2).filter(|b| **b == 0).count();
    let (even, odd) = (zeros_at(0), zeros_at(1));
    if odd * 2 >= units && even == 0 {
        Some(encoding_rs::UTF_16LE)
    } else if even * 2 >= units && odd == 0 {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

struct FrontMatter {
    meta: Metadata,
    body_start: usize,
    /// (line, message) pairs, line 1-based in the file.
    problems: Vec<(Option<usize>, String)>,
}

/// The keys a front matter may hold.
pub const FRONT_MATTER_KEYS: &[&str] = &["outlet", "published", "lang", "title", "url", "recoupe"];

/// Reads a YAML front matter delimited by `---` lines at the top of the file.
/// Whatever is wrong in it is reported and the rest is kept. Lines end at
/// `\n`, `\r\n` or a lone `\r`, as in [`line_column`].
fn read_front_matter(text: &str) -> FrontMatter {
    let mut meta = Metadata::default();
    let mut problems = Vec::new();
    let lines: Vec<Line> = lines(text).collect();
    let content = |l: &Line| &text[l.start..l.end];
    if lines.first().map(|l| content(l).trim_end()) != Some("---") {
        problems.push((
            None,
            "no front matter: outlet is `unknown` and relative dates are read against a date in the text, if any (add `---` lines with outlet, published, lang, title)".into(),
        ));
        return FrontMatter {
            meta,
            body_start: 0,
            problems,
        };
    }
    // The closing `---` (or `...`) line.
    let Some(close) = (1..lines.len()).find(|&i| matches!(content(&lines[i]).trim_end(), "---" | "...")) else {
        problems.push((
            Some(1),
            "front matter is not closed by a `---` line: the whole file is read as the article".into(),
        ));
        return FrontMatter {
            meta,
            body_start: 0,
            problems,
        };
    };
    let body_start = lines[close].next;
    let yaml = &text[lines[0].next..lines[close].start];
    // Line `i` of `lines` is line `i + 1` of the file.
    // The line of each top-level key, found once: looking each key up in
    // every line made a front matter of many keys quadratic.
    let mut key_lines: HashMap<&str, usize> = HashMap::new();
    for (i, l) in lines.iter().enumerate().take(close).skip(1) {
        let raw = content(l);
        if raw.starts_with([' ', '\t', '#', '-']) {
            continue;
        }
        if let Some((key, _)) = raw.split_once(':') {
            let key = key.trim().trim_matches(['"', '\'']);
            key_lines.entry(key).or_insert(i + 1);
        }
    }
    let line_of = |key: &str| -> Option<usize> { key_lines.get(key).copied() };
    // libyaml's scanner is quadratic in nested flow collections (a front
    // matter of 200 KB of `[` took 73 s): too deep or too large, the front
    // matter is not parsed, and the article is read without it.
    if yaml.len() > MAX_FRONT_MATTER {
        problems.push((
            Some(1),
            format!(
                "front matter is {} bytes, over the limit of {MAX_FRONT_MATTER}: ignored (outlet `unknown`, no date)",
                yaml.len()
            ),
        ));
        return FrontMatter {
            meta,
            body_start,
            problems,
        };
    }
    if flow_depth(yaml) > MAX_FLOW_DEPTH {
        problems.push((
            Some(1),
            format!("front matter nests brackets more than {MAX_FLOW_DEPTH} deep: ignored (outlet `unknown`, no date)"),
        ));
        return FrontMatter {
            meta,
            body_start,
            problems,
        };
    }
    let mapping: serde_yaml::Mapping = match serde_yaml::from_str::<Option<serde_yaml::Mapping>>(yaml) {
        Ok(m) => m.unwrap_or_default(),
        Err(e) => {
            // serde_yaml counts lines from the start of the front matter, which
            // is line 2 of the file.
            let line = e.location().map(|l| l.line() + 1);
            let message = shift_yaml_lines(first_sentence(&e.to_string()), 1);
            // Keep what can be kept: each top-level `key: value` line that
            // reads on its own.
            let mut salvaged = serde_yaml::Mapping::new();
            for i in 1..close {
                let raw = content(&lines[i]);
                let continued = lines
                    .get(i + 1)
                    .filter(|_| i + 1 < close)
                    .is_some_and(|next| content(next).starts_with([' ', '\t']));
                if raw.starts_with([' ', '\t', '#', '-']) || !raw.contains(':') || continued {
                    continue;
                }
                if let Ok(serde_yaml::Value::Mapping(m)) = serde_yaml::from_str::<serde_yaml::Value>(raw) {
                    for (k, v) in m {
                        if !salvaged.contains_key(&k) {
                            salvaged.insert(k, v);
                        }
                    }
                }
            }
            let kept: Vec<&str> = salvaged.keys().filter_map(|k| k.as_str()).collect();
            let outcome = if kept.is_empty() {
                "nothing in it is used".to_string()
            } else {
                format!("kept the lines that read on their own: {}", kept.join(", "))
            };
            problems.push((line, format!("front matter is not valid YAML: {message}; {outcome}")));
            salvaged
        }
    };
    let mut unknown_keys = 0usize;
    for (key, value) in &mapping {
        let Some(key) = key.as_str() else {
            problems.push((Some(1), "front matter has a key that is not a string".into()));
            continue;
        };
        if key == "recoupe" {
            // recoupe's own settings for this article: `{ ignore: [SUBJECT] }`.
            let ignore = value.get("ignore").and_then(|v| v.as_sequence());
            let subjects: Option<Vec<String>> =
                ignore.map(|list| list.iter().filter_map(|v| v.as_str().map(str::to_string)).collect());
            match subjects {
                Some(subjects) if value.as_mapping().is_some_and(|m| m.len() == 1) => {
                    meta.ignore = subjects;
                    meta.ignore_line = line_of(key);
                }
                _ => problems.push((
                    line_of(key),
                    "front matter `recoupe` should be `{ ignore: [SUBJECT, ...] }`: ignored".into(),
                )),
            }
            continue;
        }
        let text_value = match value {
            serde_yaml::Value::String(s) => Some(s.clone()),
            serde_yaml::Value::Number(n) => Some(n.to_string()),
            serde_yaml::Value::Bool(b) => Some(b.to_string()),
            serde_yaml::Value::Null => None,
            _ => {
                problems.push((line_of(key), format!("front matter `{key}` should be a single value")));
                continue;
            }
        };
        match key {
            "outlet" => match text_value {
                Some(v) if !v.trim().is_empty() => {
                    meta.outlet = v.trim().to_string();
                    meta.outlet_source = OutletSource::FrontMatter;
                }
                _ => problems.push((line_of(key), "front matter `outlet` is empty: using `unknown`".into())),
            },
            "published" => match text_value.as_deref().map(str::trim) {
                Some(v) => match parse_published(v) {
                    Some((d, at)) => {
                        meta.published = Some(d);
                        meta.published_at = at;
                    }
                    None => problems.push((
                        line_of(key),
                        format!("front matter `published: {v}` is not a real date (YYYY-MM-DD) nor a date and time with its offset (2025-07-22T09:30:00+02:00): relative dates are read against the URL or the text instead"),
                    )),
                },
                None => problems.push((line_of(key), "front matter `published` is empty".into())),
            },
            "lang" => {
                if let Some(v) = text_value {
                    meta.lang = v.trim().to_string();
                    meta.lang_source = LangSource::FrontMatter;
                }
            }
            "title" => meta.title = text_value,
            "url" => meta.url = text_value,
            other => {
                unknown_keys += 1;
                if unknown_keys <= MAX_KEY_WARNINGS {
                    problems.push((
                        line_of(other),
                        format!(
                            "front matter key `{other}` is unknown and ignored (known keys: {})",
                            FRONT_MATTER_KEYS.join(", ")
                        ),
                    ));
                }
            }
        }
    }
    if unknown_keys > MAX_KEY_WARNINGS {
        problems.push((
            Some(1),
            format!(
                "{} more unknown front matter keys are ignored (one warning each for the first {MAX_KEY_WARNINGS})",
                unknown_keys - MAX_KEY_WARNINGS
            ),
        ));
    }
    FrontMatter {
        meta,
        body_start,
        problems,
    }
}

/// A publication date: `YYYY-MM-DD`, or a date and time with its UTC offset
/// (RFC 3339 / ISO 8601, the form CMS exports write:
/// `2025-07-22T09:30:00+02:00`, `2025-07-22 09:30:00Z`). The day is the
/// local day as written; the date and time are kept as written (a valid
/// instant: `jiff` checks it).
pub fn parse_published(text: &str) -> Option<(Date, Option<String>)> {
    if let Some(d) = parse_iso_date(text) {
        return Some((d, None));
    }
    let day = parse_iso_date(text.get(..10)?)?;
    if !matches!(text.as_bytes().get(10), Some(b'T' | b't' | b' ')) {
        return None;
    }
    let normalized = format!("{}T{}", &text[..10], &text[11..]);
    normalized.parse::<jiff::Timestamp>().ok()?;
    Some((day, Some(text.to_string())))
}

/// A front matter larger than this is not parsed: metadata is a few lines.
const MAX_FRONT_MATTER: usize = 256 * 1024;
/// Flow collections (`[`, `{`) nested deeper than this are not parsed.
const MAX_FLOW_DEPTH: usize = 64;
/// Unknown keys of one front matter warned about one by one; the rest are
/// counted in one warning.
const MAX_KEY_WARNINGS: usize = 20;

/// How deep `[` and `{` nest in YAML text, outside quoted strings (roughly:
/// enough to refuse what would make the parser crawl).
pub(crate) fn flow_depth(yaml: &str) -> usize {
    let (mut depth, mut deepest, mut quote) = (0usize, 0usize, None::<char>);
    for c in yaml.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '[' | '{') => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            (None, ']' | '}') => depth = depth.saturating_sub(1),
            (None, '\n') => {}
            _ => {}
        }
    }
    deepest
}

/// `YYYY-MM-DD`, strictly, and only real calendar days.
pub fn parse_iso_date(text: &str) -> Option<Date> {
    let bytes = text.as_bytes();
    let well_formed = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
    if !well_formed {
        return None;
    }
    text.parse::<Date>().ok()
}

/// Adds `by` to every `line N` of a serde_yaml message, so that it names lines
/// of the file rather than of the front matter alone.
fn shift_yaml_lines(message: &str, by: usize) -> String {
    static LINE: std::sync::LazyLock<regex::Regex> =
        std::sync::LazyLock::new(|| regex::Regex::new(r"\bline (\d+)").expect("a valid regex"));
    LINE.replace_all(message, |caps: &regex::Captures| match caps[1].parse::<usize>() {
        Ok(n) => format!("line {}", n.saturating_add(by)),
        Err(_) => caps[0].to_string(),
    })
    .into_owned()
}

/// A line of a text: where it starts, where its content ends (before the line
/// ending) and where the next line starts.
struct Line {
    start: usize,
    end: usize,
    next: usize,
}

/// The lines of `text`, ended by `\n`, `\r\n` or a lone `\r`.
fn lines(text: &str) -> impl Iterator<Item = Line> + '_ {
    let bytes = text.as_bytes();
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= bytes.len() {
            return None;
        }
        let end = bytes[start..]
            .iter()
            .position(|&b| b == b'\n' || b == b'\r')
            .map_or(bytes.len(), |i| start + i);
        let next = match bytes.get(end) {
            Some(b'\r') if bytes.get(end + 1) == Some(&b'\n') => end + 2,
            Some(_) => end + 1,
            None => end,
        };
        let line = Line { start, end, next };
        start = next;
        Some(line)
    })
}

fn first_sentence(message: &str) -> &str {
    message.lines().next().unwrap_or(message)
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

/// 1-based line and column (in characters) of a byte offset. A line ends at
/// `\n`, `\r\n` or a lone `\r`, as editors count them.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let mut line = 1;
    let mut line_start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < offset {
        match bytes[i] {
            b'\n' => {
                line += 1;
                line_start = i + 1;
            }
            b'\r' if bytes.get(i + 1) != Some(&b'\n') => {
                line += 1;
                line_start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    let column = text.get(line_start..offset).map_or(1, |s| s.chars().count() + 1);
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn many_places_at_once_are_the_places_one_at_a_time() {
        for text in ["un\ndeux\r\ntrois\rquatre é€𝄞 cinq\n\n\r\r six", "", "é", "\r\n\r\n"] {
            let document = Document {
                path: "t.md".into(),
                meta: Metadata::default(),
                text: text.into(),
                body_start: 0,
                origin: Origin::File,
            };
            let offsets: Vec<usize> = (0..=text.len()).rev().filter(|&o| text.is_char_boundary(o)).collect();
            let many = document.line_columns(&offsets);
            let one: Vec<(usize, usize)> = offsets.iter().map(|&o| document.line_column(o)).collect();
            assert_eq!(many, one, "{text:?}");
        }
    }

    fn parse(text: &str) -> (Option<Document>, Vec<Warning>) {
        parse_document("a.md".into(), text.as_bytes())
    }

    #[test]
    fn front_matter_fields_are_read_and_the_body_follows_it() {
        let (doc, warnings) = parse("---\noutlet: AFP\npublished: 2025-07-22\nlang: fr\ntitle: T\n---\nCorps.");
        let doc = doc.unwrap();
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(doc.meta.outlet, "AFP");
        assert_eq!(doc.meta.published, Some(Date::constant(2025, 7, 22)));
        assert_eq!(&doc.text[doc.body_start..], "Corps.");
    }

    #[test]
    fn a_url_gives_its_domain() {
        assert_eq!(url_domain("https://www.afp.com/fr/a?b#c").as_deref(), Some("afp.com"));
        assert_eq!(
            url_domain("http://user@News.Example.ORG:8080/").as_deref(),
            Some("news.example.org")
        );
        assert_eq!(url_domain("https://[::1]:80/x").as_deref(), Some("::1"));
        assert_eq!(url_domain("afp.com/fr"), None);
        assert_eq!(url_domain("https:///x"), None);
        assert_eq!(outlet_key(" Le  Monde "), outlet_key("lemonde"));
        let (doc, _) = parse("---\nurl: https://www.lemonde.fr/a\n---\nCorps.");
        let doc = doc.unwrap();
        assert_eq!(
            (doc.meta.outlet.as_str(), doc.meta.outlet_source),
            ("lemonde.fr", OutletSource::Url)
        );
        let (doc, _) = parse("---\noutlet: X\nurl: https://www.lemonde.fr/a\n---\nCorps.");
        assert_eq!(doc.unwrap().meta.outlet_source, OutletSource::FrontMatter);
    }

    #[test]
    fn a_file_without_front_matter_is_kept_with_an_unknown_outlet_and_a_warning() {
        let (doc, warnings) = parse("Un article sans en-tête.");
        let doc = doc.unwrap();
        assert_eq!(doc.meta.outlet, UNKNOWN_OUTLET);
        assert_eq!(doc.meta.published, None);
        assert_eq!(doc.body_start, 0);
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].message.contains("no front matter"));
    }

    #[test]
    fn a_date_that_does_not_exist_is_a_warning_naming_its_line() {
        let (doc, warnings) = parse("---\noutlet: X\npublished: 2025-02-30\n---\nCorps.");
        assert_eq!(doc.unwrap().meta.published, None);
        assert_eq!(warnings[0].line, Some(3));
        assert!(warnings[0].message.contains("2025-02-30"));
    }

    #[test]
    fn unknown_keys_and_unclosed_front_matter_are_warnings() {
        let (_, warnings) = parse("---\noutlet: X\nauthor: Y\n---\nCorps.");
        assert!(warnings[0].message.contains("`author`"));
        let (doc, warnings) = parse("---\noutlet: X\nCorps sans fin d'en-tête.");
        assert_eq!(doc.unwrap().body_start, 0);
        assert!(warnings[0].message.contains("not closed"));
    }

    #[test]
    fn binary_and_empty_files_are_skipped_with_a_warning() {
        let (doc, warnings) = parse_document("b.bin".into(), b"PK\x03\x04\0\0");
        assert!(doc.is_none());
        assert!(warnings[0].message.contains("binary"));
        let (doc, warnings) = parse("  \n");
        assert!(doc.is_none());
        assert!(warnings[0].message.contains("empty"));
    }

    #[test]
    fn legacy_encodings_are_decoded_and_said() {
        let (doc, warnings) = parse_document("w.txt".into(), b"d\xe9lai de 50 jours");
        assert_eq!(doc.unwrap().text, "délai de 50 jours");
        assert!(warnings.iter().any(|w| w.message.contains("Windows-1252")));
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("né".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        let (doc, _) = parse_document("u.txt".into(), &utf16);
        assert_eq!(doc.unwrap().text, "né");
    }

    #[test]
    fn an_endless_reader_is_cut_at_the_size_limit_and_skipped() {
        let options = LoadOptions { max_file_size: 1000 };
        let (doc, warnings) = read_from("<stdin>".into(), std::io::repeat(b'a'), &options);
        assert!(doc.is_none());
        assert!(
            warnings[0].message.contains("over the size limit of 1000 bytes"),
            "{warnings:?}"
        );
        let (doc, _) = read_from("<stdin>".into(), &b"---\noutlet: X\n---\nCorps."[..], &options);
        assert_eq!(doc.unwrap().meta.outlet, "X");
    }

    #[test]
    fn front_matter_with_lone_carriage_returns_is_read() {
        let (doc, warnings) = parse("---\routlet: AFP\rpublished: 2025-07-22\r---\rCorps.");
        let doc = doc.unwrap();
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(doc.meta.outlet, "AFP");
        assert_eq!(&doc.text[doc.body_start..], "Corps.");
    }

    #[test]
    fn invalid_yaml_keeps_the_lines_that_read_alone_and_names_file_lines() {
        let (doc, warnings) =
            parse("---\noutlet: AFP\ntitle: \"Il a dit \"non\"\"\npublished: 2025-07-22\n---\nCorps.");
        let doc = doc.unwrap();
        assert_eq!(doc.meta.outlet, "AFP");
        assert_eq!(doc.meta.title, None);
        assert_eq!(doc.meta.published, Some(Date::constant(2025, 7, 22)));
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].line, Some(3));
        assert!(warnings[0].message.contains("at line 3"), "{warnings:?}");
        assert!(warnings[0]
            .message
            .contains("kept the lines that read on their own: outlet, published"));
    }

    #[test]
    fn a_mostly_utf8_file_keeps_its_accents_and_utf16_needs_no_bom() {
        let (doc, warnings) = parse_document("u.md".into(), b"\xc3\xa9t\xc3\xa9 \xff fin");
        assert_eq!(doc.unwrap().text, "été \u{FFFD} fin");
        assert_eq!(warnings[0].line, Some(1));
        let le: Vec<u8> = "né le 2 juin".encode_utf16().flat_map(u16::to_le_bytes).collect();
        let (doc, warnings) = parse_document("u.md".into(), &le);
        assert_eq!(doc.unwrap().text, "né le 2 juin");
        assert!(warnings[0].message.contains("UTF-16LE"));
    }

    #[test]
    fn line_and_column_count_characters_and_every_line_ending() {
        let text = "ab\r\ncé\rx\ny";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 4), (2, 1));
        assert_eq!(line_column(text, 7), (2, 3)); // the lone \r after "cé" (é is 2 bytes)
        assert_eq!(line_column(text, 8), (3, 1));
        assert_eq!(line_column(text, text.len() - 1), (4, 1));
    }
}
