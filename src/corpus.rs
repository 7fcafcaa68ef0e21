//! The corpus stage: files on disk → documents with their metadata.
//!
//! This stage owns reading and decoding. It never fails because of one bad
//! article: whatever cannot be read becomes a [`Warning`] and the other articles
//! go on. Only a path named on the command line that does not exist is an error,
//! because then the invocation itself is wrong.

use jiff::civil::Date;
use rayon::prelude::*;
use std::collections::HashSet;
use std::fmt;
use std::path::{Path, PathBuf};

/// An article, decoded, with its front matter read.
#[derive(Debug, Clone)]
pub struct Document {
    /// The path as the user named it (or as found below a named folder), with
    /// `/` separators: reports must not depend on the machine.
    pub path: String,
    pub meta: Metadata,
    /// The whole decoded file, front matter included, so that byte offsets and
    /// line numbers point into the file as stored.
    pub text: String,
    /// Byte offset where the article body starts (after the front matter).
    pub body_start: usize,
}

/// What the front matter says about an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Metadata {
    pub outlet: String,
    pub published: Option<Date>,
    pub lang: String,
    pub title: Option<String>,
    pub url: Option<String>,
}

impl Default for Metadata {
    fn default() -> Self {
        Metadata {
            outlet: UNKNOWN_OUTLET.to_string(),
            published: None,
            lang: "fr".to_string(),
            title: None,
            url: None,
        }
    }
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
/// on the command line is read whatever its extension.
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

/// Reads every article below `paths` (files or folders).
pub fn load(paths: &[PathBuf], options: &LoadOptions) -> Result<Corpus, CorpusError> {
    let mut files = Vec::new();
    let mut warnings = Vec::new();
    for root in paths {
        let meta = std::fs::metadata(root).map_err(|e| CorpusError {
            path: display_path(root),
            reason: io_reason(&e),
        })?;
        if meta.is_dir() {
            let mut visited = HashSet::new();
            walk(root, &mut visited, &mut files, &mut warnings);
        } else {
            files.push(root.clone());
        }
    }
    files.sort();
    files.dedup();

    let results: Vec<(Option<Document>, Vec<Warning>)> =
        files.par_iter().map(|path| read_document(path, options)).collect();
    let mut documents = Vec::with_capacity(results.len());
    for (document, mut more) in results {
        documents.extend(document);
        warnings.append(&mut more);
    }
    documents.sort_by(|a, b| a.path.cmp(&b.path));
    warnings.sort();
    Ok(Corpus { documents, warnings })
}

/// Collects article files below `dir`, in a stable order, skipping hidden
/// entries and following symlinks only once per real folder (so a link back up
/// the tree is a warning, not an endless walk).
fn walk(dir: &Path, visited: &mut HashSet<PathBuf>, files: &mut Vec<PathBuf>, warnings: &mut Vec<Warning>) {
    match std::fs::canonicalize(dir) {
        Ok(real) => {
            if !visited.insert(real) {
                warnings.push(Warning {
                    path: display_path(dir),
                    line: None,
                    message: "skipped: this folder was already walked (a symbolic link loop?)".into(),
                });
                return;
            }
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
    let mut children: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    children.sort();
    for child in children {
        let hidden = child
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        match std::fs::metadata(&child) {
            Ok(m) if m.is_dir() => walk(&child, visited, files, warnings),
            Ok(_) => {
                let is_article = child
                    .extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| ARTICLE_EXTENSIONS.iter().any(|a| e.eq_ignore_ascii_case(a)));
                if is_article {
                    files.push(child);
                }
            }
            Err(e) => warnings.push(Warning {
                path: display_path(&child),
                line: None,
                message: format!("skipped: {}", io_reason(&e)),
            }),
        }
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
    let size = match std::fs::metadata(path) {
        Ok(m) => m.len(),
        Err(e) => return (None, vec![warn(format!("skipped: {}", io_reason(&e)))]),
    };
    if size > options.max_file_size {
        return (
            None,
            vec![warn(format!(
                "skipped: {} bytes is over the size limit of {} bytes (raise it with --max-file-size)",
                size, options.max_file_size
            ))],
        );
    }
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => return (None, vec![warn(format!("skipped: {}", io_reason(&e)))]),
    };
    parse_document(shown, &bytes)
}

/// Decodes bytes and reads the front matter: the part of [`read_document`] that
/// does not touch the file system, so that stdin and tests can use it.
pub fn parse_document(path: String, bytes: &[u8]) -> (Option<Document>, Vec<Warning>) {
    let mut warnings = Vec::new();
    let warn = |message: String| Warning {
        path: path.clone(),
        line: None,
        message,
    };
    let (text, note) = match decode(bytes) {
        Decoded::Text(text, note) => (text, note),
        Decoded::Binary => return (None, vec![warn("skipped: binary file (it contains NUL bytes)".into())]),
    };
    if let Some(note) = note {
        warnings.push(warn(note));
    }
    if text.trim().is_empty() {
        warnings.push(warn("skipped: empty file".into()));
        return (None, warnings);
    }
    let front = read_front_matter(&text);
    for (line, message) in front.problems {
        warnings.push(Warning {
            path: path.clone(),
            line,
            message,
        });
    }
    (
        Some(Document {
            path,
            meta: front.meta,
            text,
            body_start: front.body_start,
        }),
        warnings,
    )
}

enum Decoded {
    /// The text, and a note when it was not plain UTF-8.
    Text(String, Option<String>),
    Binary,
}

/// UTF-8 (with or without BOM), UTF-16 with a BOM, and as a last resort
/// Windows-1252, the encoding of most legacy French newsroom exports.
fn decode(bytes: &[u8]) -> Decoded {
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        let note = if encoding == encoding_rs::UTF_8 {
            had_errors.then(|| "invalid UTF-8 sequences were replaced with U+FFFD".to_string())
        } else {
            Some(format!("decoded as {} (byte-order mark)", encoding.name()))
        };
        return Decoded::Text(text.into_owned(), note);
    }
    if bytes.contains(&0) {
        return Decoded::Binary;
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Decoded::Text(text.to_string(), None),
        Err(_) => {
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
            Decoded::Text(
                text.into_owned(),
                Some("not valid UTF-8: decoded as Windows-1252".to_string()),
            )
        }
    }
}

struct FrontMatter {
    meta: Metadata,
    body_start: usize,
    /// (line, message) pairs, line 1-based in the file.
    problems: Vec<(Option<usize>, String)>,
}

/// The keys a front matter may hold.
pub const FRONT_MATTER_KEYS: &[&str] = &["outlet", "published", "lang", "title", "url"];

/// Reads a YAML front matter delimited by `---` lines at the top of the file.
/// Whatever is wrong in it is reported and the rest is kept.
fn read_front_matter(text: &str) -> FrontMatter {
    let mut meta = Metadata::default();
    let mut problems = Vec::new();
    let first_line_end = text.find('\n').map_or(text.len(), |i| i + 1);
    if text[..first_line_end].trim_end() != "---" {
        problems.push((
            None,
            "no front matter: outlet is `unknown` and relative dates stay unresolved (add `---` lines with outlet, published, lang, title)".into(),
        ));
        return FrontMatter {
            meta,
            body_start: 0,
            problems,
        };
    }
    // Find the closing `---` (or `...`) line.
    let mut offset = first_line_end;
    let mut closing = None;
    while offset < text.len() {
        let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i + 1);
        let line = text[offset..end].trim_end();
        if line == "---" || line == "..." {
            closing = Some((offset, end));
            break;
        }
        offset = end;
    }
    let Some((yaml_end, body_start)) = closing else {
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
    let yaml = &text[first_line_end..yaml_end];
    let mapping: serde_yaml::Mapping = match serde_yaml::from_str::<Option<serde_yaml::Mapping>>(yaml) {
        Ok(m) => m.unwrap_or_default(),
        Err(e) => {
            let line = e.location().map(|l| l.line() + 1);
            problems.push((
                line,
                format!("front matter is not valid YAML: {}", first_sentence(&e.to_string())),
            ));
            return FrontMatter {
                meta,
                body_start,
                problems,
            };
        }
    };
    let line_of = |key: &str| -> Option<usize> {
        yaml.lines()
            .position(|l| l.trim_start().starts_with(&format!("{key}:")))
            .map(|i| i + 2)
    };
    for (key, value) in &mapping {
        let Some(key) = key.as_str() else {
            problems.push((Some(1), "front matter has a key that is not a string".into()));
            continue;
        };
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
                Some(v) if !v.trim().is_empty() => meta.outlet = v.trim().to_string(),
                _ => problems.push((line_of(key), "front matter `outlet` is empty: using `unknown`".into())),
            },
            "published" => match text_value.as_deref().map(str::trim) {
                Some(v) => match parse_iso_date(v) {
                    Some(d) => meta.published = Some(d),
                    None => problems.push((
                        line_of(key),
                        format!("front matter `published: {v}` is not a real date in YYYY-MM-DD form: relative dates stay unresolved"),
                    )),
                },
                None => problems.push((line_of(key), "front matter `published` is empty".into())),
            },
            "lang" => {
                if let Some(v) = text_value {
                    meta.lang = v.trim().to_string();
                }
            }
            "title" => meta.title = text_value,
            "url" => meta.url = text_value,
            other => problems.push((
                line_of(other),
                format!(
                    "front matter key `{other}` is unknown and ignored (known keys: {})",
                    FRONT_MATTER_KEYS.join(", ")
                ),
            )),
        }
    }
    FrontMatter {
        meta,
        body_start,
        problems,
    }
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
    let relative = std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(&cwd).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| path.to_path_buf());
    let shown = relative.to_string_lossy().replace('\\', "/");
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
    fn line_and_column_count_characters_and_every_line_ending() {
        let text = "ab\r\ncé\rx\ny";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 4), (2, 1));
        assert_eq!(line_column(text, 7), (2, 3)); // the lone \r after "cé" (é is 2 bytes)
        assert_eq!(line_column(text, 8), (3, 1));
        assert_eq!(line_column(text, text.len() - 1), (4, 1));
    }
}
