//! Pattern expansion: what an editor writes → the regular expression run.
//!
//! Editors write `délai de {duration} à la Russie`. The engine turns each typed
//! placeholder into its own expression for that kind (so no rule writes a
//! number regex of its own), lets a space match any run of white space (articles
//! use U+00A0 and line breaks), and lets `'` match the typographic `’` too.

use crate::french::Placeholder;
use crate::language::Lang;

/// The name of the capture group that holds a claim's value.
pub const VALUE_GROUP: &str = "value";

/// A short stretch of words inside one sentence: context between two anchors.
pub const GAP_REGEX: &str = r"[^.!?\n]{0,80}?";

/// Placeholders that are not values.
pub const CONTEXT_PLACEHOLDERS: &[(&str, &str)] = &[("gap", GAP_REGEX)];

/// A pattern once expanded.
#[derive(Debug, Clone)]
pub struct Expansion {
    pub regex: String,
    /// The same pattern with each value placeholder replaced by "anything":
    /// a superset of `regex` made of the editor's own words, from which the
    /// prefilter takes the words every match requires (`rules::literals`).
    pub skeleton: String,
    /// `regex` without word-boundary assertions, and with each value
    /// placeholder that follows words of the pattern replaced by "anything":
    /// a superset that the fast DFA engines can run on non-ASCII text, to
    /// locate candidate matches. The placeholders are most of a pattern's
    /// NFA (a date is 12,000 characters of regex), and the NFA sets the size
    /// of the compiled locator and of each thread's lazy DFA cache; the exact
    /// pattern, run on each candidate, checks the value.
    pub locator: String,
    /// The value placeholders used, in order.
    pub placeholders: Vec<(Placeholder, usize)>,
    /// `(offset in regex, offset in pattern)` at each emitted piece, to map a
    /// regex error back to the character the editor wrote.
    offsets: Vec<(usize, usize)>,
}

impl Expansion {
    /// The pattern offset that produced regex offset `at`.
    pub fn source_offset(&self, at: usize) -> usize {
        let i = self.offsets.partition_point(|(r, _)| *r <= at);
        if i == 0 {
            0
        } else {
            self.offsets[i - 1].1
        }
    }
}

/// A problem in a pattern, at a byte range of the pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatternError {
    pub offset: usize,
    pub len: usize,
    pub message: String,
    pub help: String,
}

/// Expands placeholders, spaces and apostrophes. Character classes and escapes
/// are copied as written.
pub fn expand(pattern: &str) -> Result<Expansion, PatternError> {
    expand_in(pattern, Lang::Fr)
}

/// [`expand`], with the placeholders in `lang`'s grammar (value finders).
pub fn expand_in(pattern: &str, lang: Lang) -> Result<Expansion, PatternError> {
    let mut out = Expansion {
        regex: String::with_capacity(pattern.len() * 2),
        skeleton: String::with_capacity(pattern.len() * 2),
        locator: String::new(),
        placeholders: Vec::new(),
        offsets: Vec::new(),
    };
    let bytes = pattern.as_bytes();
    // Byte ranges of `regex` that hold a placeholder's expression.
    let mut holes: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < pattern.len() {
        out.offsets.push((out.regex.len(), i));
        let rest = &pattern[i..];
        let c = rest.chars().next().unwrap_or(' ');
        match c {
            '\\' => {
                let len = 1 + rest[1..].chars().next().map_or(0, char::len_utf8);
                out.regex.push_str(&rest[..len]);
                i += len;
            }
            '[' => {
                let len = class_len(rest).ok_or_else(|| PatternError {
                    offset: i,
                    len: 1,
                    message: "this character class is not closed".into(),
                    help: "add the closing `]`, or write `\\[` for a literal bracket".into(),
                })?;
                out.regex.push_str(&rest[..len]);
                i += len;
            }
            '{' => {
                let close = rest.find('}');
                let name = close.map(|j| &rest[1..j]);
                match name {
                    // A word in braces is a placeholder (a repetition is digits
                    // and a comma): `{durée}` is a misspelt one, not a regex
                    // quantifier error.
                    Some(name) if !name.is_empty() && name.chars().all(|c| c.is_alphabetic() || c == '_') => {
                        let len = name.len() + 2;
                        if let Some(p) = Placeholder::from_name(name) {
                            out.placeholders.push((p, i));
                            out.regex.push_str("(?P<value>");
                            let body_start = out.regex.len();
                            out.regex.push_str(p.regex_in(lang));
                            holes.push((body_start, out.regex.len()));
                            out.regex.push(')');
                        } else if let Some((_, regex)) = CONTEXT_PLACEHOLDERS.iter().find(|(n, _)| *n == name) {
                            out.regex.push_str(regex);
                        } else {
                            let known: Vec<&str> = Placeholder::ALL
                                .iter()
                                .map(|p| p.name())
                                .chain(CONTEXT_PLACEHOLDERS.iter().map(|(n, _)| *n))
                                .collect();
                            let folded = crate::french::fold(name);
                            // French names first (`{durée}` is `{duration}`),
                            // then the nearest spelling.
                            let french = [
                                ("duree", "duration"),
                                ("nombre", "number"),
                                ("compte", "count"),
                                ("ordinal", "ordinal"),
                                ("rang", "ordinal"),
                                ("jour", "date"),
                                ("ecart", "gap"),
                            ];
                            let nearest = french.iter().find(|(f, _)| *f == folded).map(|(_, k)| k).or_else(|| {
                                known
                                    .iter()
                                    .min_by_key(|k| crate::rules::edit_distance(&folded, k))
                                    .filter(|k| crate::rules::edit_distance(&folded, k) <= 3)
                            });
                            let help = match nearest {
                                Some(k) => format!("did you mean `{{{k}}}`? Use one of {}", known_placeholders()),
                                None => format!("use one of {}", known_placeholders()),
                            };
                            return Err(PatternError {
                                offset: i,
                                len,
                                message: format!("unknown placeholder `{{{name}}}`"),
                                help,
                            });
                        }
                        i += len;
                    }
                    // A repetition such as `{2}` or `{1,3}`: regex syntax.
                    _ => {
                        out.regex.push('{');
                        i += 1;
                    }
                }
            }
            ' ' => {
                let run = rest.len() - rest.trim_start_matches(' ').len();
                i += run;
                match bytes.get(i) {
                    Some(b'?') | Some(b'*') => {
                        out.regex.push_str(r"\s*");
                        i += 1;
                    }
                    Some(b'+') => {
                        out.regex.push_str(r"\s+");
                        i += 1;
                    }
                    _ => out.regex.push_str(r"\s+"),
                }
            }
            '\'' | '’' => {
                out.regex.push_str("['’]");
                i += c.len_utf8();
            }
            _ => {
                out.regex.push(c);
                i += c.len_utf8();
            }
        }
    }
    let mut last = 0;
    let mut locator = String::new();
    for &(start, end) in &holes {
        out.skeleton.push_str(&out.regex[last..start]);
        out.skeleton.push_str(ANYTHING);
        locator.push_str(&out.regex[last..start]);
        // A placeholder after words of the pattern: "anything" in the
        // locator. One at the very start keeps its expression: with nothing
        // before it, "anything" would make every candidate begin where the
        // search began, and the exact pattern search the whole article.
        if start > "(?P<value>".len() {
            locator.push_str(ANYTHING);
        } else {
            locator.push_str(&out.regex[start..end]);
        }
        last = end;
    }
    out.skeleton.push_str(&out.regex[last..]);
    locator.push_str(&out.regex[last..]);
    out.skeleton = without_word_boundaries(&out.skeleton);
    out.locator = without_word_boundaries(&locator);
    Ok(out)
}

/// Removes `\b` and `\B` assertions: the result matches a superset of the
/// input. Unicode word boundaries make the regex crate's DFAs give up on
/// non-ASCII text (every French article), so the locator, which only needs
/// a superset, goes without them and stays on the fast engines.
fn without_word_boundaries(regex: &str) -> String {
    rewrite(regex, |rest| {
        if !(rest.starts_with("\\b") || rest.starts_with("\\B")) {
            return None;
        }
        // `\b{start}` and the like.
        let len = if rest[2..].starts_with('{') {
            2 + rest[2..].find('}').map_or(0, |j| j + 1)
        } else {
            2
        };
        Some((len, ""))
    })
}

/// The regex with every named group made non-capturing: what `rg -f`
/// accepts, since it joins all patterns into one (where `value` would be
/// named twice).
pub fn without_named_groups(regex: &str) -> String {
    rewrite(regex, |rest| {
        let name_start = ["(?P<", "(?<"].iter().find(|p| rest.starts_with(**p))?.len();
        let len = rest[name_start..].find('>').map_or(rest.len(), |j| name_start + j + 1);
        Some((len, "(?:"))
    })
}

/// Copies a regex, letting `replace` rewrite what starts at each position
/// outside character classes (it returns the length it consumes and what to
/// write instead); classes and escapes it leaves alone are copied as written.
fn rewrite(regex: &str, replace: impl Fn(&str) -> Option<(usize, &'static str)>) -> String {
    let mut out = String::with_capacity(regex.len());
    let mut i = 0;
    while i < regex.len() {
        let rest = &regex[i..];
        let len = if let Some((len, with)) = replace(rest) {
            out.push_str(with);
            i += len;
            continue;
        } else if rest.starts_with('[') {
            class_len(rest).unwrap_or(rest.len())
        } else if let Some(escaped) = rest.strip_prefix('\\') {
            1 + escaped.chars().next().map_or(0, char::len_utf8)
        } else {
            rest.chars().next().map_or(1, char::len_utf8)
        };
        out.push_str(&rest[..len]);
        i += len;
    }
    out
}

/// What a placeholder becomes in the skeleton: any text. The prefilter only
/// needs the words around the placeholders, which every match must contain.
const ANYTHING: &str = "(?s:.)*?";

/// The names editors may write between braces.
pub fn known_placeholders() -> String {
    Placeholder::ALL
        .iter()
        .map(|p| p.name())
        .chain(CONTEXT_PLACEHOLDERS.iter().map(|(n, _)| *n))
        .map(|n| format!("`{{{n}}}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The byte length of the character class starting at `s[0] == '['`, nested
/// classes and escapes included; `None` when it is not closed.
fn class_len(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => {
                i += 2;
                continue;
            }
            b'[' => {
                depth += 1;
                // A `]` right after `[` or `[^` is a literal member.
                let mut j = i + 1;
                if bytes.get(j) == Some(&b'^') {
                    j += 1;
                }
                if bytes.get(j) == Some(&b']') {
                    i = j + 1;
                    continue;
                }
            }
            b']' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_misspelt_or_french_placeholder_is_named_with_the_right_one() {
        let e = expand("délai de {durée}").unwrap_err();
        assert_eq!(e.message, "unknown placeholder `{durée}`");
        assert!(e.help.starts_with("did you mean `{duration}`?"), "{}", e.help);
        let e = expand("{cont} morts").unwrap_err();
        assert!(e.help.starts_with("did you mean `{count}`?"), "{}", e.help);
        // A repetition is still regex syntax.
        assert!(expand("a{2} {count}").is_ok());
    }

    #[test]
    fn the_locator_leaves_out_placeholders_after_words_and_keeps_a_leading_one() {
        let e = expand("délai de {duration} à Moscou").unwrap();
        assert_eq!(e.locator, r"délai\s+de\s+(?P<value>(?s:.)*?)\s+à\s+Moscou");
        let e = expand("{count} drones").unwrap();
        assert_eq!(e.locator, without_word_boundaries(&e.regex));
        assert!(e.locator.len() > 1000, "the count expression is kept");
    }

    #[test]
    fn spaces_and_apostrophes_are_widened_outside_classes() {
        let e = expand("l'aide [ ']x ?y").unwrap();
        assert_eq!(e.regex, r"l['’]aide\s+[ ']x\s*y");
    }

    #[test]
    fn placeholders_become_the_value_group_and_repetitions_stay() {
        let e = expand(r"a{2} {count}\{gap}").unwrap();
        assert!(e.regex.starts_with(r"a{2}\s+(?P<value>"));
        assert!(e.regex.ends_with(r")\{gap}"));
        assert_eq!(e.skeleton, r"a{2}\s+(?P<value>(?s:.)*?)\{gap}");
        assert_eq!(e.placeholders, vec![(Placeholder::Count, 5)]);
    }

    #[test]
    fn the_skeleton_has_no_word_boundaries_but_keeps_escapes_and_classes() {
        assert_eq!(without_word_boundaries(r"\bun\b \\b [\b]\B\b{end}x"), r"un \\b [\b]x");
    }

    #[test]
    fn named_groups_become_non_capturing_for_ripgrep() {
        assert_eq!(
            without_named_groups(r"a(?P<value>b)\(?P<x>[(?P<]"),
            r"a(?:b)\(?P<x>[(?P<]"
        );
        assert_eq!(without_named_groups("(?<w>x)"), "(?:x)");
    }

    #[test]
    fn an_unknown_placeholder_is_an_error_at_its_position() {
        let err = expand("x {nombre} y").unwrap_err();
        assert_eq!((err.offset, err.len), (2, 8));
        assert!(err.help.contains("{count}"));
    }

    #[test]
    fn regex_offsets_map_back_to_the_pattern() {
        let e = expand("ab cd(").unwrap();
        let paren = e.regex.find('(').unwrap();
        assert_eq!(e.source_offset(paren), 5);
    }

    #[test]
    fn an_unclosed_class_is_an_error() {
        assert_eq!(expand("a[bc").unwrap_err().offset, 1);
        assert_eq!(class_len("[]a]"), Some(4));
        assert_eq!(class_len("[^]a]x"), Some(5));
        assert_eq!(class_len(r"[\]]"), Some(4));
    }
}
