//! Text from articles and file names, made inert for the printers that show
//! it to people: a terminal, a CI log, a Markdown page, an XML dashboard.
//!
//! An outlet, a front-matter key, a `published` value, a quote or a file
//! name is untrusted: escape sequences can clear an editor's screen or set
//! the terminal's title, a carriage return can overwrite what was printed,
//! bidirectional overrides can make a line read backwards, and a line break
//! followed by `::error file=…::` becomes a fake annotation in a GitHub
//! Actions log. Each such character is shown visibly as `\u{…}`; line breaks
//! and tabs in one-line fields become spaces. JSON, SARIF and `--format
//! github` escape on their own.

use std::borrow::Cow;

/// A character that must never reach a terminal or a log as is: C0 and C1
/// controls and DEL, bidirectional embeddings, overrides, isolates and marks,
/// the line and paragraph separators, and the zero-width no-break space.
pub fn is_hazard(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        | '\u{2028}' | '\u{2029}' | '\u{feff}')
}

fn push_visible(out: &mut String, c: char) {
    use std::fmt::Write;
    let _ = write!(out, "\\u{{{:x}}}", c as u32);
}

/// One line: line breaks and tabs become spaces, runs of white space one
/// space, other hazards visible.
pub fn line(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| is_hazard(c) || c == ' ') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        if is_hazard(c) {
            push_visible(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Text that may span lines (a quote in a snippet, whose printer puts a
/// margin before each line): `\n` and `\r\n` stay line breaks, a tab a
/// space, and every other hazard, a lone `\r` included, is made visible.
pub fn lines(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| is_hazard(c) && c != '\n') && !text.contains('\r') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' => out.push('\n'),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\t' => out.push(' '),
            c if is_hazard(c) => push_visible(&mut out, c),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_bidi_and_line_breaks_become_visible_or_spaces() {
        assert_eq!(
            line("AFP\u{1b}[2J\u{202e}x\n::error"),
            "AFP\\u{1b}[2J\\u{202e}x ::error"
        );
        assert_eq!(line("Le Monde"), "Le Monde");
        assert_eq!(lines("a\r\nb\rc\u{9b}d"), "a\nb\\u{d}c\\u{9b}d");
        assert!(matches!(line("plain"), Cow::Borrowed(_)));
    }
}
