//! What the reports people read share: a finding as an editor's memo.
//!
//! Each finding leads with one plain line, its *headline* ("Contradiction —
//! trump-deadline-to-russia-days: AFP and outlet-001 say 50 days;
//! fixture-planted (new article) says 60 days"), then its quotes grouped by
//! value. The terminal (`human`), Markdown and HTML printers draw the same
//! [`Group`]s and headline, each escaping article text its own way.

use super::words::{join_and, Words};
use super::Report;
use crate::compare::{Finding, Status};
use crate::extract::Claim;

/// At most this many outlets are named for one value in a headline; the
/// others are counted.
pub const OUTLETS_IN_HEADLINE: usize = 4;

/// At most this many quotes are shown for one value in the terminal and
/// Markdown reports (the HTML page and the JSON report have them all).
pub const QUOTES_PER_VALUE: usize = 8;

/// The claims of a finding that give one value (as the report writes it).
#[derive(Debug)]
pub struct Group<'a> {
    /// The value in words, in the report's language.
    pub value: String,
    /// The outlets that give it, sorted, once each.
    pub outlets: Vec<&'a str>,
    /// Of those, the ones that give it in a new article (CI mode only).
    pub new_outlets: Vec<&'a str>,
    /// The claims, in claim order, with their index in the report.
    pub claims: Vec<(usize, &'a Claim)>,
}

/// The claims of a finding grouped by value: the value most outlets give
/// first, then in the order the claims come.
pub fn groups<'a>(report: &'a Report, finding: &'a Finding, words: &Words) -> Vec<Group<'a>> {
    let mut groups: Vec<Group<'a>> = Vec::new();
    for &i in &finding.claims {
        let Some(claim) = report.claim(i) else { continue };
        let value = words.value(&claim.value);
        let at = match groups.iter().position(|g| g.value == value) {
            Some(at) => at,
            None => {
                groups.push(Group {
                    value,
                    outlets: Vec::new(),
                    new_outlets: Vec::new(),
                    claims: Vec::new(),
                });
                groups.len() - 1
            }
        };
        let group = &mut groups[at];
        group.claims.push((i, claim));
        if !group.outlets.contains(&claim.outlet()) {
            group.outlets.push(claim.outlet());
        }
        if is_marked_new(report, claim) && !group.new_outlets.contains(&claim.outlet()) {
            group.new_outlets.push(claim.outlet());
        }
    }
    for g in &mut groups {
        g.outlets.sort_unstable();
        g.new_outlets.sort_unstable();
    }
    // Stable: among values given by as many outlets, claim order stays.
    groups.sort_by_key(|g| std::cmp::Reverse(g.outlets.len()));
    groups
}

/// Whether a claim is marked as from a new article: only in CI mode
/// (`--new`), where the difference matters.
pub fn is_marked_new(report: &Report, claim: &Claim) -> bool {
    report.new_paths.is_some() && report.is_new(claim)
}

/// A finding's verdict in words, with the baseline taken into account.
pub fn verdict(report: &Report, finding: &Finding, words: &Words) -> &'static str {
    words.verdict(
        finding.status,
        finding.status == Status::Contradiction && report.is_known(finding),
    )
}

/// The headline of a finding, one line: `Contradiction — subject: AFP and
/// outlet-001 say 50 days; fixture-planted (new article) says 60 days`.
///
/// `text` escapes article text (outlets) for the output; `value` wraps a
/// value (emphasis in Markdown); the subject is passed as the printer shows
/// it.
pub fn headline(
    report: &Report,
    finding: &Finding,
    groups: &[Group],
    words: &Words,
    subject: &str,
    text: &dyn Fn(&str) -> String,
    value: &dyn Fn(&str) -> String,
) -> String {
    format!(
        "{} — {subject}{} {}",
        verdict(report, finding, words),
        words.colon(),
        says(groups, words, text, value)
    )
}

/// `AFP and outlet-001 say 50 days; fixture-planted (new article) says 60 days`.
pub fn says(groups: &[Group], words: &Words, text: &dyn Fn(&str) -> String, value: &dyn Fn(&str) -> String) -> String {
    let parts: Vec<String> = groups
        .iter()
        .map(|g| {
            let mut named: Vec<String> = g
                .outlets
                .iter()
                .take(OUTLETS_IN_HEADLINE)
                .map(|o| {
                    if g.new_outlets.contains(o) {
                        format!("{} ({})", text(o), words.new_article)
                    } else {
                        text(o)
                    }
                })
                .collect();
            let more = g.outlets.len().saturating_sub(OUTLETS_IN_HEADLINE);
            if more > 0 {
                named.push(format!("{more} {}", words.others));
            }
            let verb = if g.outlets.len() == 1 { words.says } else { words.say };
            format!("{} {verb} {}", join_and(words.lang, &named), value(&g.value))
        })
        .collect();
    parts.join(&format!("{} ", words.semicolon()))
}

/// What is said of one quote beside it: `(outlet-001, fr), published
/// 2025-07-21`, with `new article` in CI mode; `outlet` escapes article text.
pub fn attribution(report: &Report, claim: &Claim, words: &Words, text: &dyn Fn(&str) -> String) -> String {
    let new = if is_marked_new(report, claim) {
        format!(", {}", words.new_article)
    } else {
        String::new()
    };
    format!(
        "({}, {}{new}), {}",
        text(claim.outlet()),
        text(claim.lang()),
        words.published_on(claim.published())
    )
}

/// `path:line:column` of a claim's value: where an editor's cursor lands on
/// the figure (in a JSON Lines file, the column in the line as written).
pub fn place(claim: &Claim, text: &dyn Fn(&str) -> String) -> String {
    format!(
        "{}:{}:{}",
        text(claim.path()),
        claim.value_span.line,
        claim.value_span.column
    )
}

/// How a relative date was read, when not against its article's
/// publication date (what an editor expects, and not repeated on every
/// line): `Wed 2025-07-23 (read within the rule's event period)`.
pub fn reading(claim: &Claim, words: &Words) -> Option<String> {
    claim
        .resolved_from
        .filter(|&from| from != crate::search::dates::ResolvedFrom::Published)
        .map(|from| format!("{} ({})", words.value(&claim.value), words.resolved(from)))
}

/// The findings in memo order: unaccepted contradictions, known ones,
/// agreements, then single sources; by subject within each.
pub fn in_order(report: &Report) -> Vec<&Finding> {
    let rank = |f: &Finding| match f.status {
        Status::Contradiction if report.is_known(f) => 1,
        Status::Contradiction => 0,
        Status::Agreement => 2,
        Status::SingleSource => 3,
    };
    let mut all: Vec<&Finding> = report.findings.iter().collect();
    all.sort_by_key(|f| rank(f));
    all
}

/// A claim's quote cut around its value's words: (before, value, after),
/// as written (cut at character boundaries).
pub fn split_quote(claim: &Claim) -> (&str, &str, &str) {
    let raw = claim.quote();
    let cut = |at: usize| {
        let mut at = at.min(raw.len());
        while !raw.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    let start = cut(claim.value_span.start.saturating_sub(claim.span.start) as usize);
    let end = cut(claim.value_span.end.saturating_sub(claim.span.start) as usize).max(start);
    (&raw[..start], &raw[start..end], &raw[end..])
}

/// A claim's quote on one line, cut around its value (see [`split_quote`]):
/// each part made inert ([`super::inert::line`]), white space folded to
/// one space, and kept where two parts meet.
pub fn quote_parts(claim: &Claim) -> (String, String, String) {
    let (before, value, after) = split_quote(claim);
    let flat = |part: &str| -> String {
        let core = super::inert::line(part);
        if core.is_empty() {
            return if part.is_empty() { String::new() } else { " ".into() };
        }
        let lead = if part.starts_with(char::is_whitespace) { " " } else { "" };
        let trail = if part.ends_with(char::is_whitespace) { " " } else { "" };
        format!("{lead}{core}{trail}")
    };
    let (before, value, after) = (flat(before), flat(value), flat(after));
    (before.trim_start().to_string(), value, after.trim_end().to_string())
}

/// `escape(part)` with the single space kept at either edge where `part`
/// has white space there (escapers fold and trim it): for the parts of a
/// quote, which meet at those spaces.
pub fn keep_edges(part: &str, escape: &dyn Fn(&str) -> String) -> String {
    let core = escape(part);
    if core.is_empty() {
        return if part.is_empty() { String::new() } else { " ".into() };
    }
    let lead = if part.starts_with(char::is_whitespace) { " " } else { "" };
    let trail = if part.ends_with(char::is_whitespace) { " " } else { "" };
    format!("{lead}{core}{trail}")
}
