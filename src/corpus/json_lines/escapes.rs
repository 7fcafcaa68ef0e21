//! A JSON string decoded by hand, with where each escape stands in the raw token.

/// A JSON string decoded, with what [`Columns`](super::record::Columns) needs to know of its escapes.
pub(super) struct DecodedString {
    pub(super) text: String,
    /// As in [`Columns::escapes`](super::record::Columns::escapes).
    pub(super) escapes: Vec<(usize, usize)>,
    /// Unpaired surrogate escapes, each replaced with U+FFFD.
    pub(super) lone_surrogates: usize,
}

/// Decodes a raw JSON string token (quotes included), recording each escape.
/// `None` when the token is not a string.
pub(super) fn decode_string(raw: &str) -> Option<DecodedString> {
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
