//! Byte offsets of a text → 1-based lines and columns (in characters), as
//! editors count them: an index of line starts, built once per text.

/// Where each line of a text starts, so that any byte offset becomes a line
/// (by binary search) and a column (characters since the line's start, from
/// a count kept every `STRIDE` bytes). Built in one pass over the text; a
/// document's places all come from one index, each in constant time however
/// long its line. A line ends at `\n`, `\r\n` or a lone `\r`. Columns and
/// character counts are in characters (Unicode scalar values), not bytes:
/// `é` is one column.
#[derive(Debug, Clone)]
pub struct LineIndex<'a> {
    text: &'a str,
    /// The byte offset where each line starts, in order (the first, 0).
    line_starts: Vec<usize>,
    /// The characters before each multiple of `STRIDE` bytes, up to the
    /// text's end.
    chars_at_stride: Vec<usize>,
}

/// How many bytes apart the index keeps a character count: a place costs
/// counting at most this many bytes.
const STRIDE: usize = 64;

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> LineIndex<'a> {
        let bytes = text.as_bytes();
        let mut line_starts = vec![0];
        let mut chars_at_stride = Vec::with_capacity(bytes.len() / STRIDE + 2);
        let mut chars = 0;
        for (k, chunk) in bytes.chunks(STRIDE).enumerate() {
            chars_at_stride.push(chars);
            chars += chunk.iter().filter(|&&b| starts_char(b)).count();
            // Most chunks hold no line break (a paragraph is a line): only
            // those that do are looked at byte by byte. (Both tests are
            // branch-free over the chunk, which the compiler vectorises.)
            if chunk
                .iter()
                .fold(0u8, |any, &b| any | u8::from(b == b'\n') | u8::from(b == b'\r'))
                != 0
            {
                for (i, &b) in chunk.iter().enumerate() {
                    let at = k * STRIDE + i;
                    if b == b'\n' || (b == b'\r' && bytes.get(at + 1) != Some(&b'\n')) {
                        line_starts.push(at + 1);
                    }
                }
            }
        }
        chars_at_stride.push(chars);
        LineIndex {
            text,
            line_starts,
            chars_at_stride,
        }
    }

    /// The 1-based line and column of a byte offset (past the end of the
    /// text: its end).
    pub fn line_column(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        // The first line starts at 0: at least one start is ≤ offset.
        let line = self.line_starts.partition_point(|&start| start <= offset) - 1;
        let column = self.chars_before(offset) - self.chars_before(self.line_starts[line]) + 1;
        (line + 1, column)
    }

    /// The characters of the text that start before a byte offset (past the
    /// end of the text: all of them).
    pub fn chars_before(&self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        let from = offset / STRIDE * STRIDE;
        let counted = self.text.as_bytes()[from..offset]
            .iter()
            .filter(|&&b| starts_char(b))
            .count();
        self.chars_at_stride[offset / STRIDE] + counted
    }
}

/// A character starts at every byte but UTF-8 continuation bytes.
fn starts_char(byte: u8) -> bool {
    (byte & 0xC0) != 0x80
}

#[cfg(test)]
mod tests {
    use super::LineIndex;

    #[test]
    fn lines_end_at_lf_crlf_and_a_lone_cr() {
        let text = "ab\ncd\r\nef\rgh";
        let index = LineIndex::new(text);
        let at = |needle: &str| index.line_column(text.find(needle).unwrap());
        assert_eq!(at("ab"), (1, 1));
        assert_eq!(at("cd"), (2, 1));
        assert_eq!(at("ef"), (3, 1));
        assert_eq!(at("gh"), (4, 1));
        // The `\r` of a `\r\n` is the end of its line, not a line of its own.
        assert_eq!(index.line_column(text.find('\r').unwrap()), (2, 3));
        assert_eq!(index.line_column(text.find('\r').unwrap() + 1), (2, 4));
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "é😀x\nçà y";
        let index = LineIndex::new(text);
        assert_eq!(index.line_column(text.find('x').unwrap()), (1, 3));
        assert_eq!(index.line_column(text.find('y').unwrap()), (2, 4));
        assert_eq!(index.chars_before(text.find('y').unwrap()), 7);
    }

    #[test]
    fn a_byte_order_mark_left_in_a_text_is_a_character() {
        // Decoding takes a file's BOM away (see `corpus::decode`); a text
        // that still has one counts it, as any character.
        let text = "\u{feff}ab\ncd";
        let index = LineIndex::new(text);
        assert_eq!(index.line_column(text.find('a').unwrap()), (1, 2));
        assert_eq!(index.line_column(text.find('c').unwrap()), (2, 1));
    }

    #[test]
    fn the_end_of_the_text_and_past_it() {
        for text in ["", "abc", "abc\n", "ab\r\n", "ab\r", "é"] {
            let index = LineIndex::new(text);
            let lines = 1 + text.matches('\n').count() + text.matches('\r').count() - text.matches("\r\n").count();
            let last = text.rfind(['\n', '\r']).map_or(0, |i| i + 1);
            let end = (lines, text[last..].chars().count() + 1);
            assert_eq!(index.line_column(text.len()), end, "{text:?}");
            assert_eq!(index.line_column(text.len() + 10), end, "{text:?}");
            assert_eq!(index.chars_before(text.len() + 10), text.chars().count(), "{text:?}");
        }
    }

    #[test]
    fn places_on_a_long_line_cross_the_stride() {
        let text = format!("{}\n{}", "é".repeat(100), "àb".repeat(200));
        let index = LineIndex::new(&text);
        let second = text.find('\n').unwrap() + 1;
        for n in [0, 1, 31, 32, 33, 63, 64, 65, 199, 399] {
            let offset = second + text[second..].char_indices().nth(n).unwrap().0;
            assert_eq!(index.line_column(offset), (2, n + 1));
            assert_eq!(index.chars_before(offset), 101 + n);
        }
    }

    #[test]
    fn each_offset_agrees_with_a_scan_from_the_start() {
        let text = "Le 2 juin,\r\nà Genève\rla réunion 😀\n\nfin";
        let index = LineIndex::new(text);
        for (offset, _) in text.char_indices().chain([(text.len(), ' ')]) {
            let before = &text[..offset];
            let line = 1 + before.matches('\n').count() + before.matches('\r').count() - before.matches("\r\n").count()
                // a `\r` just before the offset, whose `\n` is after it, ends no line yet
                - usize::from(before.ends_with('\r') && text[offset..].starts_with('\n'));
            let start = before.rfind(['\n', '\r']).map_or(0, |i| i + 1);
            let start = if before.ends_with('\r') && text[offset..].starts_with('\n') {
                before[..before.len() - 1].rfind(['\n', '\r']).map_or(0, |i| i + 1)
            } else {
                start
            };
            let column = text[start..offset].chars().count() + 1;
            assert_eq!(index.line_column(offset), (line, column), "offset {offset}");
            assert_eq!(index.chars_before(offset), before.chars().count());
        }
    }
}
