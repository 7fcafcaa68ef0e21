//! A Markdown summary for editors: a table of subjects × outlets with the
//! values each outlet gives, then every contradiction with its quotes, then
//! warnings. Renders on GitHub, in a wiki or a newsroom chat.

use super::{describe_value, first_sentence, one_line, Report};
use crate::compare::Status;
use std::collections::BTreeSet;
use std::fmt::Write;

pub fn render(report: &Report) -> String {
    let mut out = String::from("# recoupe report\n\n");
    let s = report.summary();
    let _ = writeln!(
        out,
        "{} documents, {} claims: **{} contradictions**{}, {} agreements, {} single-source subjects, {} warnings.\n",
        s.documents,
        s.claims,
        s.contradictions,
        if s.known_contradictions > 0 {
            format!(" ({} known)", s.known_contradictions)
        } else {
            String::new()
        },
        s.agreements,
        s.single_source,
        s.warnings
    );
    if let Some(new) = &report.new_paths {
        let list: Vec<String> = new.iter().map(|p| code(p)).collect();
        let _ = writeln!(out, "New articles checked against the corpus: {}.\n", list.join(", "));
    }

    if !report.findings.is_empty() {
        let outlets: BTreeSet<&str> = report
            .findings
            .iter()
            .flat_map(|f| f.outlets.iter().map(String::as_str))
            .collect();
        out.push_str("## Subjects and outlets\n\n| subject | status |");
        for o in &outlets {
            let _ = write!(out, " {} |", cell(o));
        }
        out.push_str("\n|---|---|");
        for _ in &outlets {
            out.push_str("---|");
        }
        out.push('\n');
        for f in &report.findings {
            let status = match f.status {
                Status::Contradiction if report.is_known(f) => "❌ known contradiction",
                Status::Contradiction => "❌ contradiction",
                Status::Agreement => "✅ agreement",
                Status::SingleSource => "⚪ single source",
            };
            let _ = write!(out, "| {} | {status} |", cell(&f.subject));
            // Each outlet's distinct values, in one pass over the claims.
            let mut by_outlet: std::collections::BTreeMap<&str, Vec<String>> = Default::default();
            for c in report.claims_of(f) {
                let values = by_outlet.entry(c.outlet()).or_default();
                let v = describe_value(&c.value);
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
        out.push('\n');
    }

    let contradictions: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.status == Status::Contradiction)
        .collect();
    if !contradictions.is_empty() {
        out.push_str("## Contradictions\n\n");
        for f in contradictions {
            let _ = write!(out, "### `{}`", f.subject);
            if report.is_known(f) {
                out.push_str(" (known: accepted by the baseline)");
            }
            out.push('\n');
            if let Some(d) = report.describe(f) {
                let _ = writeln!(out, "\n{}\n", first_sentence(d));
            }
            for (_, c) in report.conflicting(f) {
                let _ = writeln!(
                    out,
                    "- **{}** says **{}**: “{}” ({}:{}:{})",
                    text(c.outlet()),
                    describe_value(&c.value),
                    text(c.quote()),
                    text(c.path()),
                    c.span.line,
                    c.span.column
                );
            }
            out.push('\n');
        }
    }

    if !report.warnings.is_empty() {
        out.push_str("## Warnings\n\n");
        for w in &report.warnings {
            let line = w.line.map(|l| format!(":{l}")).unwrap_or_default();
            let _ = writeln!(out, "- {}: {}", code(&format!("{}{line}", w.path)), text(&w.message));
        }
        out.push('\n');
    }
    out
}

/// Table cells cannot hold `|` or line breaks; article text in them is
/// escaped like any other ([`text`]).
fn cell(words: &str) -> String {
    text(words)
}

/// Article text in Markdown: on one line, hazards visible
/// ([`super::inert`]), HTML inert (`<script>` is shown, never run: `&`,
/// `<`, `>` as entities), and Markdown's own marks escaped so that an outlet
/// cannot open a link, a code span, emphasis or a table cell.
fn text(words: &str) -> String {
    let flat = super::inert::line(&one_line(words)).into_owned();
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
fn code(words: &str) -> String {
    let flat = super::inert::line(words).into_owned();
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
