//! The line reader: one raw line at a time from a buffered reader, numbered as editors number them.

use super::problems::Problem;
use crate::corpus::{display_path, io_reason, Warning};
use std::io::{BufRead, Read};
use std::path::Path;

/// One line of a JSON Lines file, as read: not blank, not yet parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawLine {
    /// 1-based, counted as editors count lines (see [`Lines`]).
    pub number: usize,
    /// Without its line ending, nor the file's byte-order mark.
    pub bytes: Vec<u8>,
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
    options: &crate::corpus::LoadOptions,
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
