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
    // Each distinct value is written in words once (a subject's thousands
    // of claims hold a handful of values), and its group found by its words.
    let mut written: foldhash::HashMap<(crate::compare::ValueId, Option<crate::value::Unit>), usize> =
        Default::default();
    let mut last: Option<(&crate::extract::Source, bool)> = None;
    for &i in &finding.claims {
        let Some(claim) = report.claim(i) else { continue };
        let key = (crate::compare::ValueId::of(&claim.value), claim.value.unit);
        let at = match written.get(&key) {
            Some(&at) => at,
            None => {
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
                written.insert(key, at);
                at
            }
        };
        let group = &mut groups[at];
        group.claims.push((i, claim));
        if !group.outlets.contains(&claim.outlet()) {
            group.outlets.push(claim.outlet());
        }
        // A document's claims come together: whether it is new is asked
        // once per document.
        let new = match last {
            Some((source, new)) if std::ptr::eq(source, &*claim.source) => new,
            _ => {
                let new = is_marked_new(report, claim);
                last = Some((&*claim.source, new));
                new
            }
        };
        if new && !group.new_outlets.contains(&claim.outlet()) {
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
    let tags = context_tags(claim, words, text);
    let tags = if tags.is_empty() {
        String::new()
    } else {
        format!(" [{}]", tags.join(", "))
    };
    format!(
        "({}, {}{new}), {}{tags}",
        text(claim.outlet()),
        text(claim.lang()),
        words.dated(claim)
    )
}

/// What a quote's sentence says beside its value, for the line under it:
/// `according to the city council`, `provisional`, `announced`, `per side`.
pub fn context_tags(claim: &Claim, words: &Words, text: &dyn Fn(&str) -> String) -> Vec<String> {
    use crate::search::context::{CountRole, Stance};
    let fr = words.lang == crate::language::Lang::Fr;
    let mut tags = Vec::new();
    if let Some(source) = claim.attributed() {
        tags.push(format!(
            "{} {}",
            if fr { "selon" } else { "according to" },
            text(source)
        ));
    }
    if claim.context.provisional {
        tags.push(if fr { "provisoire" } else { "provisional" }.into());
    }
    match claim.context.stance {
        Some(Stance::Planned) => tags.push(if fr { "annoncé" } else { "announced" }.into()),
        Some(Stance::Held) => tags.push(if fr { "tenu" } else { "held" }.into()),
        None => {}
    }
    match claim.context.role {
        Some(CountRole::PerSide) => tags.push(if fr { "par camp" } else { "per side" }.into()),
        Some(CountRole::Total) => tags.push(if fr { "au total" } else { "in total" }.into()),
        None => {}
    }
    tags
}

/// The lines a finding adds under its headline to say how its claims stand
/// in time and who they come from: a revision's timeline, the earlier fact
/// a subject replaces, an announcement against the event, relays of one
/// dispatch, per-side figures compared with totals. `text` escapes article
/// text; `value` wraps a value.
pub fn notes(
    report: &Report,
    finding: &Finding,
    words: &Words,
    text: &dyn Fn(&str) -> String,
    value: &dyn Fn(&str) -> String,
) -> Vec<String> {
    let fr = words.lang == crate::language::Lang::Fr;
    let colon = words.colon();
    let mut notes = Vec::new();
    let outlets_of = |claims: &[usize]| -> String {
        let mut outlets: Vec<&str> = claims
            .iter()
            .filter_map(|&i| report.claim(i))
            .map(Claim::outlet)
            .collect();
        outlets.sort_unstable();
        outlets.dedup();
        let mut shown: Vec<String> = outlets.iter().take(OUTLETS_IN_HEADLINE).map(|o| text(o)).collect();
        let more = outlets.len().saturating_sub(OUTLETS_IN_HEADLINE);
        if more > 0 {
            shown.push(format!("{more} {}", words.others));
        }
        join_and(words.lang, &shown)
    };
    let when_of = |claims: &[usize]| -> String {
        let days: Vec<String> = claims
            .iter()
            .filter_map(|&i| report.claim(i).and_then(|c| c.context.as_of))
            .map(|a| a.render())
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        match (days.first(), days.last()) {
            (None, _) => if fr { "sans date" } else { "undated" }.to_string(),
            (Some(a), Some(b)) if a != b => format!("{a} … {b}"),
            (Some(a), _) => a.clone(),
        }
    };
    if !finding.timeline.is_empty() {
        let steps: Vec<String> = finding
            .timeline
            .iter()
            .filter_map(|step| {
                let first = report.claim(step[0])?;
                // A figure only recalled as an earlier one ("selon les
                // premiers bilans") was printed later than it held.
                let recalled = step
                    .iter()
                    .all(|&i| report.claim(i).is_some_and(|c| c.context.recalled));
                let when = match (recalled, fr) {
                    (false, _) => when_of(step),
                    (true, true) => format!("chiffre antérieur rappelé le {}", when_of(step)),
                    (true, false) => format!("an earlier figure recalled on {}", when_of(step)),
                };
                Some(format!(
                    "{} ({}, {when})",
                    value(&words.value(&first.value)),
                    outlets_of(step),
                ))
            })
            .collect();
        let last = finding.timeline.last().and_then(|s| report.claim(s[0]));
        let latest = last.map_or_else(String::new, |c| {
            format!(
                "; {} {}",
                if fr { "dernier chiffre" } else { "latest" },
                value(&words.value(&c.value))
            )
        });
        notes.push(format!(
            "{}{colon} {}{latest}",
            if fr {
                "Chiffre revu à la hausse"
            } else {
                "Revised upward"
            },
            steps.join(" → ")
        ));
    }
    if let Some(revised) = &finding.revises {
        let before = groups_by_value(report, &revised.claims, words);
        let after = groups_by_value(report, &finding.claims, words);
        let side = |groups: &[(String, Vec<usize>)]| -> String {
            groups
                .iter()
                .map(|(v, claims)| format!("{} ({}, {})", value(v), outlets_of(claims), when_of(claims)))
                .collect::<Vec<_>>()
                .join(if fr { " ou " } else { " or " })
        };
        let since = revised
            .since
            .map(|d| format!(" {} {d}", if fr { "à partir du" } else { "from" }))
            .unwrap_or_default();
        notes.push(format!(
            "{} {}{colon} {} → {}{since}",
            if fr { "Révise" } else { "Revises" },
            text(&revised.subject),
            if before.is_empty() {
                "—".to_string()
            } else {
                side(&before)
            },
            side(&after)
        ));
        for &i in &revised.stale {
            if let Some(c) = report.claim(i) {
                notes.push(format!(
                    "{}{colon} {} ({}, {}) — {}",
                    if fr {
                        "Donne encore l'ancienne valeur après la révision"
                    } else {
                        "Still gives the old value after the revision"
                    },
                    value(&words.value(&c.value)),
                    text(c.outlet()),
                    when_of(&[i]),
                    place(c, text)
                ));
            }
        }
    }
    for &(planned, held) in &finding.divergences {
        let (Some(p), Some(h)) = (report.claim(planned), report.claim(held)) else {
            continue;
        };
        notes.push(format!(
            "{}{colon} {} {} ({}) — {} {} ({})",
            if fr {
                "Annonce et événement divergent"
            } else {
                "Announcement diverges from the event"
            },
            if fr { "annoncé pour" } else { "announced for" },
            value(&words.value(&p.value)),
            outlets_of(&[planned]),
            if fr { "tenu le" } else { "held on" },
            value(&words.value(&h.value)),
            outlets_of(&[held]),
        ));
    }
    for relay in &finding.relays {
        let Some(first) = report.claim(relay[0]) else { continue };
        notes.push(format!(
            "{}{colon} {} {} {}",
            if fr { "Une même dépêche" } else { "One dispatch" },
            outlets_of(relay),
            if fr {
                "impriment la même phrase, d'abord chez"
            } else {
                "print the same sentence, first from"
            },
            text(first.outlet())
        ));
    }
    if !finding.relays.is_empty() {
        notes.push(format!(
            "{}{colon} {}",
            if fr {
                "Sources indépendantes"
            } else {
                "Independent sources"
            },
            finding.independent_sources
        ));
    }
    if finding.roles_converted {
        notes.push(
            if fr {
                "Chiffres par camp et totaux comparés : un total vaut deux fois le chiffre par camp."
            } else {
                "Per-side figures and totals compared: a total is twice the per-side figure."
            }
            .to_string(),
        );
    }
    notes
}

/// Claims grouped by value as the report writes it, in claim order.
fn groups_by_value(report: &Report, claims: &[usize], words: &Words) -> Vec<(String, Vec<usize>)> {
    let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
    for &i in claims {
        let Some(c) = report.claim(i) else { continue };
        let v = words.value(&c.value);
        match groups.iter_mut().find(|(g, _)| *g == v) {
            Some((_, members)) => members.push(i),
            None => groups.push((v, vec![i])),
        }
    }
    groups
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
        Status::AnnouncementDiverges => 2,
        Status::Revision => 3,
        Status::Agreement => 4,
        Status::SingleSource => 5,
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
