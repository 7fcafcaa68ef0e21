//! Escaping untrusted text for each output format, in one place: HTML,
//! XML (JUnit), Markdown, GitHub workflow commands and URI references
//! (SARIF). Each builds on [`inert`], the one rule for hazards (controls,
//! bidirectional controls, line breaks) that every format shares.

use super::{inert, one_line};

/// Text for an HTML element or attribute: inert, on one line, with `&`,
/// `<`, `>`, `"` and `'` as entities.
pub fn html(text: &str) -> String {
    let flat = inert::line(text);
    let mut out = String::with_capacity(flat.len());
    for c in flat.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Escapes text for XML content and attribute values. Line breaks and tabs
/// stay (a failure's body has two lines); every other hazard (controls,
/// which XML 1.0 cannot carry, C1 and bidirectional controls, which a log
/// viewer would obey) is shown visibly ([`inert`]).
pub fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' | '\t' => out.push(c),
            c if inert::is_hazard(c) => {
                use std::fmt::Write as _;
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

/// Article text in Markdown: on one line, hazards visible
/// ([`inert`]), HTML inert (`<script>` is shown, never run: `&`,
/// `<`, `>` as entities), and Markdown's own marks escaped so that an outlet
/// cannot open a link, a code span, emphasis or a table cell.
pub fn markdown(words: &str) -> String {
    let flat = inert::line(&one_line(words)).into_owned();
    let mut out = String::with_capacity(flat.len());
    for c in flat.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '#' | '!' | '~' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// A path in a code span: on one line, hazards visible, and the span's
/// delimiter chosen longer than any run of backticks inside it.
pub fn markdown_code(words: &str) -> String {
    let flat = inert::line(words).into_owned();
    let mut longest = 0;
    let mut run = 0;
    for c in flat.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    let pad = if flat.starts_with('`') || flat.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{flat}{pad}{fence}")
}

/// Escapes a command's message, as the Actions toolkit does; every other
/// hazard of article text (escape sequences, which the log viewer would
/// obey, bidirectional controls) is shown visibly ([`inert`]).
pub fn workflow_data(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            c if inert::is_hazard(c) => {
                use std::fmt::Write as _;
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

/// Escapes a command's property value.
pub fn workflow_property(text: &str) -> String {
    workflow_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// A path as a URI reference (RFC 3986): `/` kept, every byte outside the
/// unreserved characters percent-encoded, so that a space, `#`, `?`, `%`, a
/// backslash, a control character or a non-ASCII letter in a file name
/// stays part of the path.
pub fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_text_is_escaped() {
        assert_eq!(
            xml("a<b & \"c\"\u{1}\u{202e}"),
            "a&lt;b &amp; &quot;c&quot;\\u{1}\\u{202e}"
        );
    }

    #[test]
    fn messages_and_properties_are_escaped() {
        assert_eq!(workflow_data("50 % de\nplus"), "50 %25 de%0Aplus");
        assert_eq!(workflow_data("a\u{1b}[2J\u{202e}"), "a\\u{1b}[2J\\u{202e}");
        assert_eq!(workflow_property("a:b,c"), "a%3Ab%2Cc");
    }

    #[test]
    fn paths_are_percent_encoded_uri_references() {
        assert_eq!(uri("corpus/a b#1?.md"), "corpus/a%20b%231%3F.md");
        assert_eq!(uri("été\\x.md"), "%C3%A9t%C3%A9%5Cx.md");
        assert_eq!(uri("corpus/000_1.md"), "corpus/000_1.md");
    }
}
