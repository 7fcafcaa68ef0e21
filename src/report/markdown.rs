//! The Markdown report, for a pull-request comment, a wiki or a newsroom
//! chat: the memo of the terminal report (each finding's headline, then its
//! quotes grouped by value), contradictions first and in full, agreements
//! and single sources folded (`<details>`), then a table of subjects ×
//! outlets and the warnings. Article text is escaped ([`text`]).

use super::escape::{markdown as text, markdown_code as code};
use super::memo::{self, Group};
use super::words::{self, Words};
use super::{first_sentence, Printer, Report, Settings};
use crate::compare::{Finding, Status};
use crate::language::Lang;
use std::collections::BTreeSet;
use std::fmt::Write;

/// The [`Printer`] of the `markdown` format: the Markdown memo, in `settings.lang`.
pub struct MarkdownPrinter;

impl Printer for MarkdownPrinter {
    fn print(&self, report: &Report, settings: &Settings, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        out.write_all(render(report, settings.lang).as_bytes())
    }
}

pub fn render(report: &Report, lang: Lang) -> String {
    let words = words::words(lang);
    let mut out = format!("# {}\n\n", words.title);
    let s = report.summary();
    let mut line = words.summary_line(&s);
    // The contradictions in bold: `**3 contradictions**`.
    let contradictions = words::count(lang, s.contradictions, "contradiction", "contradictions");
    line = line.replacen(&contradictions, &format!("**{contradictions}**"), 1);
    if s.known_contradictions > 0 {
        let known = match lang {
            Lang::En => format!(" ({} known)", s.known_contradictions),
            Lang::Fr => format!(
                " (dont {} {})",
                s.known_contradictions,
                if s.known_contradictions > 1 {
                    "connues"
                } else {
                    "connue"
                }
            ),
        };
        line = line.replacen(
            &format!("**{contradictions}**"),
            &format!("**{contradictions}**{known}"),
            1,
        );
    }
    let _ = writeln!(out, "{line}.\n");
    if let Some(new) = &report.new_paths {
        let list: Vec<String> = new.iter().map(|p| code(p)).collect();
        let _ = writeln!(
            out,
            "{}{} {}.\n",
            words.new_articles_checked,
            words.colon(),
            list.join(", ")
        );
    }

    let findings = memo::in_order(report);
    let of = |status: Status| -> Vec<&Finding> { findings.iter().copied().filter(|f| f.status == status).collect() };
    let contradictions = of(Status::Contradiction);
    if !contradictions.is_empty() {
        let _ = writeln!(out, "## {}\n", words.contradictions);
        for f in contradictions {
            finding(&mut out, report, f, words);
        }
    }
    // What time explains is shown open, after the contradictions: an
    // editor reads an announcement that diverges and a revised figure.
    for status in [Status::AnnouncementDiverges, Status::Revision] {
        let list = of(status);
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(out, "## {}\n", words.time_section(status));
        for f in list {
            finding(&mut out, report, f, words);
        }
    }
    for (status, title, folded) in [
        (Status::Agreement, words.agreements, words.agreement_count()),
        (Status::SingleSource, words.single_sources, words.single_source_subjects),
    ] {
        let list = of(status);
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "## {title}\n\n<details><summary>{}</summary>\n",
            words::count(lang, list.len(), folded.0, folded.1)
        );
        for f in list {
            finding(&mut out, report, f, words);
        }
        out.push_str("</details>\n\n");
    }

    if !report.findings.is_empty() {
        table(&mut out, report, words);
    }

    if !report.warnings.is_empty() {
        let _ = writeln!(out, "## {}\n", words.warnings);
        for w in &report.warnings {
            let line = w.line.map(|l| format!(":{l}")).unwrap_or_default();
            let _ = writeln!(
                out,
                "- {}{} {}",
                code(&format!("{}{line}", w.path)),
                words.colon(),
                text(&w.message)
            );
        }
        out.push('\n');
    }
    out
}

/// One finding: its headline as a heading, the rule's description, then its
/// quotes by value.
fn finding(out: &mut String, report: &Report, f: &Finding, words: &Words) {
    let groups = memo::groups(report, f, words);
    let headline = memo::headline(report, f, &groups, words, &code(&f.subject), &text, &|v| {
        format!("**{}**", text(v))
    });
    let _ = writeln!(out, "### {headline}\n");
    if let Some(d) = report.describe(f) {
        let _ = writeln!(out, "{}\n", text(&first_sentence(d)));
    }
    let notes = memo::notes(report, f, words, &text, &|v| format!("**{}**", text(v)));
    for note in &notes {
        let _ = writeln!(out, "> - {note}");
    }
    if !notes.is_empty() {
        out.push('\n');
    }
    for group in &groups {
        quotes(out, report, group, words);
    }
}

/// `**50 days**` then a bullet per quote, at most [`memo::QUOTES_PER_VALUE`].
fn quotes(out: &mut String, report: &Report, group: &Group, words: &Words) {
    let _ = writeln!(out, "**{}**\n", text(&group.value));
    for (_, claim) in group.claims.iter().take(memo::QUOTES_PER_VALUE) {
        let (before, value, after) = memo::quote_parts(claim);
        let lead = &value[..value.len() - value.trim_start().len()];
        let trail = &value[value.trim_end().len()..];
        let _ = write!(
            out,
            "- {}{}{lead}**{}**{trail}{}{} {} — {}",
            words.quote_marks.0,
            memo::keep_edges(&before, &text),
            text(value.trim()),
            memo::keep_edges(&after, &text),
            words.quote_marks.1,
            memo::attribution(report, claim, words, &text),
            code(&memo::place(claim, &|s| s.to_string()))
        );
        if let Some(reading) = memo::reading(claim, words) {
            let _ = write!(out, " → {}", text(&reading));
        }
        out.push('\n');
    }
    let more = group.claims.len().saturating_sub(memo::QUOTES_PER_VALUE);
    if more > 0 {
        let _ = writeln!(
            out,
            "- … {}{} {}",
            words::count(words.lang, more, words.more_quotes.0, words.more_quotes.1),
            words.colon(),
            words.see_json
        );
    }
    out.push('\n');
}

/// Subjects × outlets: the values each outlet gives, folded.
fn table(out: &mut String, report: &Report, words: &Words) {
    let outlets: BTreeSet<&str> = report
        .findings
        .iter()
        .flat_map(|f| f.outlets.iter().map(String::as_str))
        .collect();
    let _ = write!(
        out,
        "## {}\n\n<details><summary>{}</summary>\n\n| {} | {} |",
        words.subjects_and_outlets,
        words::count(words.lang, report.findings.len(), words.subjects.0, words.subjects.1),
        words.subject,
        words.status
    );
    for o in &outlets {
        let _ = write!(out, " {} |", cell(o));
    }
    out.push_str("\n|---|---|");
    for _ in &outlets {
        out.push_str("---|");
    }
    out.push('\n');
    for f in &report.findings {
        let mark = match f.status {
            Status::Contradiction => "❌",
            Status::AnnouncementDiverges => "⚠️",
            Status::Revision => "🔁",
            Status::Agreement => "✅",
            Status::SingleSource => "⚪",
        };
        let verdict = memo::verdict(report, f, words).to_lowercase();
        let _ = write!(out, "| {} | {mark} {verdict} |", cell(&f.subject));
        // Each outlet's distinct values, in one pass over the claims.
        let mut by_outlet: std::collections::BTreeMap<&str, Vec<String>> = Default::default();
        for c in report.claims_of(f) {
            let values = by_outlet.entry(c.outlet()).or_default();
            let v = words.value(&c.value);
            if !values.contains(&v) {
                values.push(v);
            }
        }
        for o in &outlets {
            let values = by_outlet.get(o).cloned().unwrap_or_default();
            let shown = if values.is_empty() {
                "—".to_string()
            } else {
                values.join(" / ")
            };
            let _ = write!(out, " {} |", cell(&shown));
        }
        out.push('\n');
    }
    out.push_str("\n</details>\n\n");
}

/// Table cells cannot hold `|` or line breaks; article text in them is
/// escaped like any other ([`text`]).
fn cell(words: &str) -> String {
    text(words)
}
