//! One grammar, two texts: a piece of a language's grammar is written once,
//! as a regular expression over running text, and this module derives the
//! two forms the stages use.
//!
//! - The value finder (`search::values`, through the placeholders) runs
//!   [`finder`]'s form over the article as written: any case, accents or
//!   none (`[ée]`), any run of white space (`\s+`), either apostrophe
//!   (`['’]`).
//! - The normaliser reads the words the finder matched after folding them
//!   (`french::fold`: lower case, no accents, one space, `'`), with
//!   [`folded`]'s form of the same piece, whose named groups say which
//!   part is which (`(?P<day>…)`).
//!
//! So the words a date, a duration or a number may be written with are
//! said in one place, and what the finder finds is what the reader reads:
//! a piece changed for one stage is changed for both.
//!
//! A piece uses the `regex` crate's syntax. [`folded`] rewrites what
//! folding changes, and nothing else: `\s` becomes a space, each literal
//! character (alone or in a class) its folded form, a class whose members
//! fold to one character that character; groups, anchors, repetitions and
//! the other escapes are kept. [`finder`] only turns named groups into
//! plain ones, so that the finder's expressions have no capture groups.

use crate::french::vocab::push_folded;

/// The piece for running text: named groups become non-capturing.
pub fn finder(piece: &str) -> String {
    let mut out = String::with_capacity(piece.len());
    let mut rest = piece;
    while let Some(at) = rest.find("(?P<") {
        let escaped = rest[..at].chars().rev().take_while(|&c| c == '\\').count() % 2 == 1;
        out.push_str(&rest[..at]);
        let after = &rest[at + 4..];
        match after.find('>') {
            Some(end) if !escaped => {
                out.push_str("(?:");
                rest = &after[end + 1..];
            }
            _ => {
                out.push_str("(?P<");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The piece for folded text: what folding changes, changed likewise.
pub fn folded(piece: &str) -> String {
    let chars: Vec<char> = piece.chars().collect();
    let mut out = String::with_capacity(piece.len());
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '\\' => {
                let (item, next) = escape(&chars, i);
                match item {
                    Item::Char(c) => push_literal(&mut out, c),
                    Item::Verbatim(v) => out.push_str(&v),
                }
                i = next;
            }
            '[' => {
                let (class, next) = class(&chars, i);
                out.push_str(&class);
                i = next;
            }
            // A group's opening, kept whole (`(?P<name>`, `(?:`, `(?i)`),
            // so that its letters are not folded.
            '(' if chars.get(i + 1) == Some(&'?') => {
                let end = (i + 2..chars.len())
                    .find(|&j| chars[j] == ':' || chars[j] == ')' || chars[j] == '>')
                    .unwrap_or(chars.len() - 1);
                out.extend(&chars[i..=end]);
                i = end + 1;
            }
            // A repetition's bounds.
            '{' => {
                let end = (i..chars.len()).find(|&j| chars[j] == '}').unwrap_or(chars.len() - 1);
                out.extend(&chars[i..=end]);
                i = end + 1;
            }
            c @ ('.' | '*' | '+' | '?' | '|' | '(' | ')' | '^' | '$') => {
                out.push(c);
                i += 1;
            }
            c => {
                push_literal(&mut out, c);
                i += 1;
            }
        }
    }
    out
}

/// What an escape stands for in folded text.
enum Item {
    /// A character, to be folded.
    Char(char),
    /// Kept as written: `\b`, `\d`, `\w`…
    Verbatim(String),
}

/// The escape at `chars[at]` (a backslash): what it stands for, and where
/// the next item starts.
fn escape(chars: &[char], at: usize) -> (Item, usize) {
    let Some(&c) = chars.get(at + 1) else {
        return (Item::Verbatim("\\\\".into()), at + 1);
    };
    match c {
        // Folded text has one kind of white space: the space.
        's' => (Item::Char(' '), at + 2),
        'x' if chars.get(at + 2) == Some(&'{') => {
            let end = (at + 3..chars.len())
                .find(|&j| chars[j] == '}')
                .unwrap_or(chars.len() - 1);
            let hex: String = chars[at + 3..end].iter().collect();
            match u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
                // U+00A0 and U+202F are white space: folded, a space.
                Some(ch) if ch.is_whitespace() => (Item::Char(' '), end + 1),
                Some(ch) => (Item::Char(ch), end + 1),
                None => (Item::Verbatim(chars[at..=end].iter().collect()), end + 1),
            }
        }
        c if c.is_ascii_alphanumeric() => (Item::Verbatim(format!("\\{c}")), at + 2),
        // An escaped punctuation mark (`\.`, `\-`): that character.
        c => (Item::Char(c), at + 2),
    }
}

/// The class at `chars[at]` (`[`), folded: its members folded, and a class
/// of one character left as that character. Returns it and where the next
/// item starts.
fn class(chars: &[char], at: usize) -> (String, usize) {
    let mut i = at + 1;
    let negated = chars.get(i) == Some(&'^');
    if negated {
        i += 1;
    }
    // Members: single characters (folded), and what is kept as written
    // (ranges, `\d`).
    let mut singles: Vec<char> = Vec::new();
    let mut kept: Vec<String> = Vec::new();
    let mut first = true;
    while i < chars.len() && (chars[i] != ']' || first) {
        first = false;
        let (member, next) = match chars[i] {
            '\\' => escape(chars, i),
            c => (Item::Char(c), i + 1),
        };
        i = next;
        match member {
            Item::Char(lo) if chars.get(i) == Some(&'-') && chars.get(i + 1).is_some_and(|&c| c != ']') => {
                let (hi, next) = match chars[i + 1] {
                    '\\' => escape(chars, i + 1),
                    c => (Item::Char(c), i + 2),
                };
                let hi = match hi {
                    Item::Char(c) => c.to_string(),
                    Item::Verbatim(v) => v,
                };
                kept.push(format!("{}-{hi}", class_char(lo)));
                i = next;
            }
            Item::Char(c) => {
                let mut f = String::new();
                push_folded(&mut f, c.to_lowercase().next().unwrap_or(c));
                // `œ` folds to two letters: kept as written.
                match f.chars().count() {
                    1 => singles.extend(f.chars()),
                    _ => singles.push(c),
                }
            }
            Item::Verbatim(v) => kept.push(v),
        }
    }
    let next = i + 1;
    singles.sort_unstable();
    singles.dedup();
    if !negated && kept.is_empty() && singles.len() == 1 {
        let mut out = String::new();
        push_literal(&mut out, singles[0]);
        return (out, next);
    }
    let mut out = String::from("[");
    if negated {
        out.push('^');
    }
    for c in singles {
        out.push_str(&class_char(c));
    }
    for k in kept {
        out.push_str(&k);
    }
    out.push(']');
    (out, next)
}

/// A character inside a class, escaped when it means something there.
fn class_char(c: char) -> String {
    match c {
        '\\' | ']' | '[' | '^' | '-' | '&' | '~' => format!("\\{c}"),
        c => c.to_string(),
    }
}

/// A literal character, folded, escaped when it is a regex metacharacter.
fn push_literal(out: &mut String, c: char) {
    let mut folded = String::new();
    for lower in c.to_lowercase() {
        push_folded(&mut folded, lower);
    }
    for f in folded.chars() {
        if matches!(
            f,
            '\\' | '.' | '+' | '*' | '?' | '(' | ')' | '|' | '[' | ']' | '{' | '}' | '^' | '$'
        ) {
            out.push('\\');
        }
        out.push(f);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    #[test]
    fn the_finder_form_has_no_capture_groups() {
        let piece = r"(?P<day>[0-9]+)\s+(?P<month>juin|juillet)\(?P<x>";
        assert_eq!(finder(piece), r"(?:[0-9]+)\s+(?:juin|juillet)\(?P<x>");
        let re = Regex::new(&finder(piece)).unwrap();
        assert_eq!(re.captures_len(), 1);
    }

    #[test]
    fn folding_rewrites_what_folding_changes() {
        assert_eq!(folded(r"apr[eè]s(?:\s*-\s*|\s+)midi"), r"apres(?: *- *| +)midi");
        assert_eq!(folded(r"jusqu['’]\s*[àa]"), r"jusqu' *a");
        assert_eq!(folded(r"(?P<m>Ao[uû]t)\b\.?"), r"(?P<m>aout)\b\.?");
        assert_eq!(
            folded(r"[0-9]{1,3}(?:[ \x{A0}\x{202F}.][0-9]{3})+"),
            r"[0-9]{1,3}(?:[ .][0-9]{3})+"
        );
        assert_eq!(folded(r"[^é]"), r"[^e]");
        assert_eq!(folded(r"[eé]me"), "eme");
    }

    /// What the finder's form matches in a text, the folded form matches in
    /// the folded text: the same phrases, read with their parts.
    #[test]
    fn both_forms_match_the_same_words() {
        let piece = r"\b(?:la\s+)?(?P<part>matin[ée]e|apr[eè]s(?:\s*-\s*|\s+)midi)\s+d['’]\s*(?P<when>hier|aujourd['’]\s*hui)\b";
        let find = Regex::new(&format!("(?i){}", finder(piece))).unwrap();
        let read = Regex::new(&format!("^{}$", folded(piece))).unwrap();
        for text in [
            "La matinée d’hier",
            "l'après - midi d'aujourd’hui",
            "APRÈS-MIDI D'HIER",
            "la  matinee\u{a0}d' hier",
        ] {
            let m = find.find(text).unwrap_or_else(|| panic!("{text:?} not found"));
            let words = crate::french::fold(m.as_str());
            let c = read.captures(&words).unwrap_or_else(|| panic!("{words:?} not read"));
            assert!(c.name("part").is_some() && c.name("when").is_some(), "{words:?}");
        }
        assert!(find.find("la matinée de demain").is_none());
    }
}
