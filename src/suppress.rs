//! Suppressions an article carries, each with its reason: a known, accepted
//! difference (a planted test article, a quoted historical figure) silenced
//! where it stands, rather than for the whole run by a baseline.
//!
//! - `<!-- recoupe-ignore: SUBJECT -- reason -->` suppresses the claims of
//!   that subject (or rule id) in the paragraph after the comment;
//! - `recoupe: { ignore: [SUBJECT, "SUBJECT -- reason"] }` in the front
//!   matter, in the whole article.
//!
//! Suppressed claims are taken out before the comparison, counted in the
//! summary and listed with `--show-suppressed` (and in the JSON). A
//! suppression that matches no claim is reported as unused (a warning).

use crate::corpus::{Document, Warning};
use crate::extract::Claim;
use std::sync::OnceLock;

/// A claim taken out of the comparison, and why.
#[derive(Debug, Clone)]
pub struct Suppressed {
    pub claim: Claim,
    /// The reason the suppression gives (empty when it gives none).
    pub reason: String,
    /// Where the suppression is: `inline` or `front_matter`.
    pub by: &'static str,
    /// The line of the comment or of the front matter's `recoupe` key.
    pub line: Option<usize>,
}

/// One suppression found in an article.
#[derive(Debug)]
struct Suppression {
    subject: String,
    reason: String,
    line: Option<usize>,
    /// The byte range of the text it covers; `None`: the whole article.
    range: Option<(usize, usize)>,
    by: &'static str,
}

fn comment_regex() -> &'static regex::Regex {
    static RE: OnceLock<regex::Regex> = OnceLock::new();
    RE.get_or_init(|| {
        regex::Regex::new(r"<!--\s*recoupe-ignore:\s*(?s:(.*?))\s*-->").expect("the suppression comment regex compiles")
    })
}

/// `SUBJECT -- reason` as (subject, reason).
fn split_reason(text: &str) -> (String, String) {
    match text.split_once("--") {
        Some((subject, reason)) => (subject.trim().to_string(), reason.trim().to_string()),
        None => (text.trim().to_string(), String::new()),
    }
}

/// The paragraph after `from`: blank lines skipped, up to the next blank line.
fn next_paragraph(text: &str, from: usize) -> (usize, usize) {
    let rest = &text[from..];
    let start = from + (rest.len() - rest.trim_start().len());
    let mut end = text.len();
    let mut offset = start;
    for line in text[start..].split_inclusive('\n') {
        if line.trim().is_empty() && offset > start {
            end = offset;
            break;
        }
        offset += line.len();
    }
    (start, end)
}

fn find(document: &Document) -> (Vec<Suppression>, Vec<Warning>) {
    let mut found = Vec::new();
    let mut warnings = Vec::new();
    let body_start = document.body_start.min(document.text.len());
    let matches: Vec<regex::Captures> = comment_regex().captures_iter(&document.text[body_start..]).collect();
    let offsets: Vec<usize> = matches
        .iter()
        .map(|m| body_start + m.get(0).map_or(0, |g| g.start()))
        .collect();
    let places = document.line_columns(&offsets);
    for (m, (line, _)) in matches.iter().zip(places) {
        let whole = m.get(0).expect("a match");
        let (subject, reason) = split_reason(m.get(1).map_or("", |g| g.as_str()));
        if subject.is_empty() {
            warnings.push(warning(document, Some(line), "a recoupe-ignore comment names no subject: it suppresses nothing (`<!-- recoupe-ignore: SUBJECT -- reason -->`)".into()));
            continue;
        }
        if reason.is_empty() {
            warnings.push(warning(
                document,
                Some(line),
                format!("the suppression of `{subject}` gives no reason: say why after `--` (`<!-- recoupe-ignore: {subject} -- reason -->`)"),
            ));
        }
        found.push(Suppression {
            subject,
            reason,
            line: Some(line),
            range: Some(next_paragraph(&document.text, body_start + whole.end())),
            by: "inline",
        });
    }
    for entry in &document.meta.ignore {
        let (subject, reason) = split_reason(entry);
        found.push(Suppression {
            subject,
            reason,
            line: document.meta.ignore_line,
            range: None,
            by: "front_matter",
        });
    }
    (found, warnings)
}

fn warning(document: &Document, line: Option<usize>, message: String) -> Warning {
    Warning {
        path: document.path.clone(),
        line,
        message,
    }
}

/// Takes the suppressed claims out of `claims` (one document's), returns
/// them, and adds a warning for each suppression that matched nothing.
pub fn apply(document: &Document, claims: &mut Vec<Claim>, warnings: &mut Vec<Warning>) -> Vec<Suppressed> {
    if document.meta.ignore.is_empty() && !document.text.contains("recoupe-ignore") {
        return Vec::new();
    }
    let (suppressions, mut found_warnings) = find(document);
    warnings.append(&mut found_warnings);
    let mut used = vec![false; suppressions.len()];
    let mut suppressed = Vec::new();
    claims.retain(|claim| {
        let start = claim.span.start as usize;
        let hit = suppressions.iter().position(|s| {
            (s.subject == claim.subject() || s.subject == claim.rule())
                && s.range.is_none_or(|(from, to)| (from..to).contains(&start))
        });
        match hit {
            Some(i) => {
                used[i] = true;
                let s = &suppressions[i];
                suppressed.push(Suppressed {
                    claim: claim.clone(),
                    reason: s.reason.clone(),
                    by: s.by,
                    line: s.line,
                });
                false
            }
            None => true,
        }
    });
    for (s, used) in suppressions.iter().zip(used) {
        if !used {
            let place = match s.range {
                Some(_) => "in the paragraph after it",
                None => "in this article",
            };
            warnings.push(warning(
                document,
                s.line,
                format!(
                    "unused suppression: no `{}` claim {place}; remove it (the claim it silenced is gone)",
                    s.subject
                ),
            ));
        }
    }
    suppressed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_next_paragraph_ends_at_a_blank_line() {
        let text = "<!-- x -->\n\nFirst line\nsecond line.\n\nOther.";
        let (start, end) = next_paragraph(text, 10);
        assert_eq!(&text[start..end], "First line\nsecond line.\n");
        let (start, end) = next_paragraph("a -->Last.", 5);
        assert_eq!((start, end), (5, 10));
    }

    #[test]
    fn a_reason_follows_two_hyphens() {
        assert_eq!(split_reason(" s -- planted  "), ("s".into(), "planted".into()));
        assert_eq!(split_reason("s"), ("s".into(), String::new()));
    }
}
