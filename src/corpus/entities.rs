//! HTML character references (`&nbsp;`, `&#8239;`, `&amp;`, `&eacute;`)
//! that a content system's export leaves in an article's text.
//!
//! Left as they are, they break what they stand in: `30&nbsp;jours` has no
//! space between the value and its unit, and the `8239` of `426&#8239;drones`
//! reads as a count of drones. So a file's text is read with its references
//! decoded, and each decoded character keeps where it stood in the file:
//! lines do not change (no reference is a line break that the file did not
//! already have on that line), and a column after a reference moves back by
//! the characters the reference took beyond its one character.
//!
//! The table of names is `html-escape`'s (every HTML5 named reference),
//! asked one reference at a time so that each one's place is known.

/// Where the references of a decoded text stood: for each, in order, the
/// decoded byte offset just past its character, and the characters and the
/// bytes that the references up to and including it added to the text as
/// written.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Entities {
    decoded: Vec<Added>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Added {
    end: usize,
    chars: usize,
    bytes: usize,
}

/// The longest reference looked at, `&` and `;` included
/// (`&CounterClockwiseContourIntegral;` is 33).
const LONGEST: usize = 34;

/// `text` with its character references decoded, and where they stood;
/// `None` when it has none (most texts: one search for `&`).
pub fn decode(text: &str) -> Option<(String, Entities)> {
    let first = text.find('&')?;
    let mut out = String::with_capacity(text.len());
    let mut entities = Entities::default();
    let mut added = 0;
    let mut added_bytes = 0;
    let mut copied = 0;
    let mut at = first;
    while let Some(i) = text[at..].find('&').map(|i| at + i) {
        let Some(reference) = reference_at(text, i) else {
            at = i + 1;
            continue;
        };
        let decoded = html_escape::decode_html_entities(reference);
        // A name the table does not know stays as written.
        if decoded == reference {
            at = i + 1;
            continue;
        }
        out.push_str(&text[copied..i]);
        out.push_str(&decoded);
        added += reference.chars().count() - decoded.chars().count();
        added_bytes += reference.len() - decoded.len();
        entities.decoded.push(Added {
            end: out.len(),
            chars: added,
            bytes: added_bytes,
        });
        copied = i + reference.len();
        at = copied;
    }
    if entities.decoded.is_empty() {
        return None;
    }
    out.push_str(&text[copied..]);
    Some((out, entities))
}

/// The reference that starts at byte `i` (an `&`): `&name;`, `&#123;` or
/// `&#x1F;`.
fn reference_at(text: &str, i: usize) -> Option<&str> {
    let rest = &text[i + 1..];
    let end = rest.bytes().take(LONGEST).position(|b| b == b';')?;
    let body = &rest[..end];
    let numeric = body.strip_prefix('#').map(|n| {
        n.strip_prefix(['x', 'X'])
            .map_or(n.bytes().all(|b| b.is_ascii_digit()), |h| {
                !h.is_empty() && h.bytes().all(|b| b.is_ascii_hexdigit())
            })
    });
    let named = !body.is_empty() && body.bytes().all(|b| b.is_ascii_alphanumeric());
    (numeric.unwrap_or(named) && body.len() > 1).then(|| &text[i..i + end + 2])
}

impl Entities {
    /// The characters that the references before decoded byte `offset` on
    /// its line added: what turns a column of the decoded text into a
    /// column of the file. `line_start` is the decoded offset of the line's
    /// first byte.
    pub fn added_on_line(&self, line_start: usize, offset: usize) -> usize {
        self.added_before(offset) - self.added_before(line_start)
    }

    /// The characters that the references before decoded byte `offset`
    /// added.
    pub fn added_before(&self, offset: usize) -> usize {
        self.last_before(offset).map_or(0, |a| a.chars)
    }

    /// The byte offset in the text as written of decoded byte `offset`.
    pub fn written_offset(&self, offset: usize) -> usize {
        offset + self.last_before(offset).map_or(0, |a| a.bytes)
    }

    /// The last reference whose character ends at or before `offset`.
    fn last_before(&self, offset: usize) -> Option<&Added> {
        let n = self.decoded.partition_point(|a| a.end <= offset);
        n.checked_sub(1).map(|k| &self.decoded[k])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_are_decoded_and_other_ampersands_kept() {
        let (text, _) = decode("30&nbsp;jours, 426&#8239;drones &amp; 24&#x202F;missiles, AT&T; R&D").unwrap();
        assert_eq!(text, "30\u{a0}jours, 426\u{202f}drones & 24\u{202f}missiles, AT&T; R&D");
        assert_eq!(decode("AT&T; R&D, 5 & 6"), None);
        assert_eq!(decode("no reference"), None);
        assert_eq!(decode("&eacute;t&eacute;").unwrap().0, "été");
    }

    #[test]
    fn a_column_after_a_reference_is_the_files_column() {
        let file = "ab\nx&nbsp;y&amp;z\nq&lt;";
        let (text, entities) = decode(file).unwrap();
        assert_eq!(text, "ab\nx\u{a0}y&z\nq<");
        // `z` follows 4 characters of the decoded line 2 (x, nbsp, y, &);
        // in the file it follows `x&nbsp;y&amp;`, 13 characters.
        let line_start = 3;
        let z = text.find('z').unwrap();
        let decoded_column = text[line_start..z].chars().count();
        assert_eq!(decoded_column + entities.added_on_line(line_start, z), 13);
        // Before the first reference of the line, nothing is added.
        assert_eq!(entities.added_on_line(line_start, line_start + 1), 0);
        // On line 3, only line 3's reference counts.
        let q = text.rfind('q').unwrap();
        assert_eq!(entities.added_on_line(q, q), 0);
        assert_eq!(entities.added_on_line(q, text.len()), 3);
    }

    #[test]
    fn a_decoded_offset_maps_back_to_the_written_text() {
        let written = "a&nbsp;b&eacute;c";
        let (text, entities) = decode(written).unwrap();
        assert_eq!(text, "a\u{a0}b\u{e9}c");
        for (decoded, expected) in [('a', 'a'), ('b', 'b'), ('c', 'c')] {
            let at = text.find(decoded).unwrap();
            assert_eq!(written[entities.written_offset(at)..].chars().next(), Some(expected));
        }
        // A reference's own character maps to its `&`.
        let nbsp = text.find('\u{a0}').unwrap();
        assert_eq!(&written[entities.written_offset(nbsp)..][..6], "&nbsp;");
        assert_eq!(entities.added_before(text.find('c').unwrap()), 5 + 7);
    }
}
