//! Decoding a file's bytes: UTF-8, UTF-16 with a BOM, else Windows-1252.

use super::line_column;

/// Decoded text, and a note (with the line it concerns) when it was not plain
/// UTF-8.
pub(super) struct Decoded {
    pub(super) text: String,
    pub(super) note: Option<(Option<usize>, String)>,
}

/// UTF-8 (with or without BOM), UTF-16 (with a BOM, or recognised by its NUL
/// bytes), and as a last resort Windows-1252, the encoding of most legacy
/// French newsroom exports. `None` for a binary file. The bytes are taken,
/// so that UTF-8 text (nearly every file) becomes the text without a copy.
pub(super) fn decode(mut bytes: Vec<u8>) -> Option<Decoded> {
    let decoded = if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(&bytes) {
        if encoding == encoding_rs::UTF_8 {
            bytes.drain(..bom_len);
            decode_utf8(bytes, true)
        } else {
            let rest = &bytes[bom_len..];
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
        let encoding = guess_utf16(&bytes)?;
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes);
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
fn decode_utf8(bytes: Vec<u8>, had_bom: bool) -> Decoded {
    // simdutf8 checks valid UTF-8 several times faster than the standard
    // library on accented text (a twentieth of a run over news that states
    // no claim); the standard library then says where a bad byte is.
    if simdutf8::basic::from_utf8(&bytes).is_ok() {
        // SAFETY: the bytes were just checked to be valid UTF-8.
        let text = unsafe { String::from_utf8_unchecked(bytes) };
        return Decoded { text, note: None };
    }
    let bytes = &bytes[..];
    let error = match std::str::from_utf8(bytes) {
        // Both crates read UTF-8 as the standard defines it: not met.
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
