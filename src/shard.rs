//! Shard files: what `recoupe extract` writes for a part of a corpus, and
//! `recoupe compare` reads back, so that extraction (the costly step) can run
//! on many machines and the comparison on one.
//!
//! A shard is JSON Lines: a header line, then one [`Extracted`] record per
//! document (and per input that gave only warnings), sorted by path and
//! line:
//!
//! ```text
//! {"recoupe_shard":1,"recoupe":"0.1.0","rules_hash":"…","rules":[{"id":…},…]}
//! {"document":{"path":"corpus/a.md",…},"claims":[…],"suppressed":[],"warnings":[]}
//! ```
//!
//! The header names the rule set (its hash: every rule file's name and text,
//! and recoupe's version) and carries what reports need of each rule, so
//! that `compare` needs no rule files; it refuses shards of different rule
//! sets. Shards may be concatenated (`cat shard-*.jsonl`, the output of
//! Spark's `RDD.pipe`): a header may stand before any record, as long as all
//! headers agree.

use crate::record::{Extracted, RuleRecord};
use crate::report::RuleEntry;
use serde::{Deserialize, Serialize};
use std::io::BufRead;
use std::path::Path;

/// The version of the layout; a shard of another version is refused.
pub const FORMAT: u32 = 1;

/// A shard's first line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Header {
    pub recoupe_shard: u32,
    /// The recoupe that wrote it (informative: the rules hash includes it).
    pub recoupe: String,
    pub rules_hash: String,
    pub rules: Vec<RuleRecord>,
}

impl Header {
    pub fn new(rules_hash: &crate::cache::Hash, catalog: &[RuleEntry]) -> Header {
        Header {
            recoupe_shard: FORMAT,
            recoupe: env!("CARGO_PKG_VERSION").to_string(),
            rules_hash: crate::cache::hex(rules_hash),
            rules: catalog.iter().map(RuleRecord::of).collect(),
        }
    }

    /// The line, without its line break.
    pub fn line(&self) -> String {
        // Plain strings and numbers: serde_json cannot fail on them.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// What reports need of the rules.
    pub fn catalog(&self) -> Result<Vec<RuleEntry>, String> {
        self.rules.iter().map(RuleRecord::entry).collect()
    }
}

/// A record as a line of a shard file, and the path and line it is sorted by.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct RecordLine {
    pub path: String,
    pub line: Option<u32>,
    pub json: String,
}

impl RecordLine {
    pub fn of(record: &Extracted) -> RecordLine {
        let (path, line) = record.order_key();
        RecordLine {
            path: path.to_string(),
            line,
            // Plain strings and numbers: serde_json cannot fail on them.
            json: serde_json::to_string(record).unwrap_or_default(),
        }
    }
}

/// Whether a line is a header (rather than a record).
fn is_header(line: &str) -> bool {
    line.trim_start().starts_with("{\"recoupe_shard\"")
}

/// A problem in a shard file, with its place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShardError {
    pub file: String,
    /// 1-based; `None` for the file as a whole.
    pub line: Option<usize>,
    pub message: String,
}

impl std::fmt::Display for ShardError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}: {}", self.file, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

/// The header of the first shard, which every other must agree with.
pub fn first_header(path: &Path) -> Result<Header, ShardError> {
    let shown = crate::corpus::display_path(path);
    let fail = |line: Option<usize>, message: String| ShardError {
        file: shown.clone(),
        line,
        message,
    };
    let file = std::fs::File::open(path).map_err(|e| fail(None, format!("cannot read it: {e}")))?;
    let mut reader = std::io::BufReader::new(file);
    let mut line = String::new();
    reader
        .read_line(&mut line)
        .map_err(|e| fail(Some(1), format!("cannot read it: {e}")))?;
    if line.trim().is_empty() {
        return Err(fail(None, "empty: a shard starts with its header line".into()));
    }
    parse_header(&line).map_err(|message| fail(Some(1), message))
}

fn parse_header(line: &str) -> Result<Header, String> {
    if !is_header(line) {
        return Err("not a shard header: a shard starts with the line `recoupe extract` writes first".into());
    }
    let header: Header = serde_json::from_str(line).map_err(|e| format!("not a shard header: {e}"))?;
    if header.recoupe_shard != FORMAT {
        return Err(format!(
            "a shard of layout {} (this recoupe reads layout {FORMAT}): extract it again with this recoupe",
            header.recoupe_shard
        ));
    }
    Ok(header)
}

/// Reads shard files one line at a time, handing each record to `record`;
/// every header must name the rule set of `expected`.
pub fn read(
    paths: &[std::path::PathBuf],
    expected: &Header,
    first: &Path,
    mut record: impl FnMut(&Extracted) -> Result<(), String>,
) -> Result<(), ShardError> {
    let first_shown = crate::corpus::display_path(first);
    for path in paths {
        let shown = crate::corpus::display_path(path);
        let fail = |line: Option<usize>, message: String| ShardError {
            file: shown.clone(),
            line,
            message,
        };
        let file = std::fs::File::open(path).map_err(|e| fail(None, format!("cannot read it: {e}")))?;
        let mut reader = std::io::BufReader::new(file);
        let mut line = String::new();
        let mut number = 0;
        let mut headed = false;
        loop {
            line.clear();
            number += 1;
            let read = reader.read_line(&mut line).map_err(|e| {
                let why = match e.kind() {
                    std::io::ErrorKind::InvalidData => "not UTF-8 text".to_string(),
                    _ => format!("cannot read it: {e}"),
                };
                fail(Some(number), why)
            })?;
            if read == 0 {
                break;
            }
            if line.trim().is_empty() {
                continue;
            }
            if is_header(&line) {
                let header = parse_header(&line).map_err(|message| fail(Some(number), message))?;
                if header.rules_hash != expected.rules_hash {
                    return Err(fail(
                        Some(number),
                        format!(
                            "extracted with other rules (rule set {}) than {first_shown} (rule set {}): extract every shard with the same rules and the same recoupe",
                            short(&header.rules_hash),
                            short(&expected.rules_hash)
                        ),
                    ));
                }
                headed = true;
                continue;
            }
            if !headed {
                return Err(fail(
                    Some(number),
                    "a record before any header: a shard starts with the header line `recoupe extract` writes".into(),
                ));
            }
            let parsed: Extracted =
                serde_json::from_str(&line).map_err(|e| fail(Some(number), format!("not a shard record: {e}")))?;
            record(&parsed).map_err(|message| fail(Some(number), format!("not a shard record: {message}")))?;
        }
        if !headed {
            return Err(fail(None, "empty: a shard starts with its header line".into()));
        }
    }
    Ok(())
}

/// The first characters of a hash, enough to tell two apart in a message.
fn short(hash: &str) -> &str {
    hash.get(..12).unwrap_or(hash)
}
