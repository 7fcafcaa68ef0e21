//! An archive's problems, gathered and reported independently of the order records were checked in.

use crate::corpus::Warning;
use std::collections::BTreeMap;

/// Something wrong with a line of a JSON Lines file. Problems of a file are
/// gathered in [`Problems`], which decides how many are shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: usize,
    pub message: String,
    pub(super) repeat: Repeat,
}

/// How a kind of problem is shown when many lines have it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Repeat {
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
    pub(super) fn skipped(line: usize, message: String) -> Problem {
        Problem {
            line,
            message,
            repeat: Repeat::Skipped,
        }
    }

    pub(super) fn once(line: usize, kind: &str, message: String) -> Problem {
        Problem {
            line,
            message,
            repeat: Repeat::Once(kind.to_string()),
        }
    }

    pub(super) fn last(line: usize, message: String) -> Problem {
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

pub(super) fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
