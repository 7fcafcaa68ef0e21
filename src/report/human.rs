//! The human report, for editors: contradictions first, each claim shown in
//! its sentence with a miette snippet (file:line:col, outlet, value), then the
//! agreements, the single-source claims, the warnings and a one-line summary.

use super::{describe_value, first_sentence, inert, one_line, Report};
use crate::compare::{Finding, Status};
use crate::extract::Claim;
use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, Severity, SourceCode, SourceSpan};
use std::fmt::{self, Write};

/// How the human report is drawn.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    /// ANSI colours (only on a terminal).
    pub color: bool,
    /// Columns to wrap at.
    pub width: usize,
}

impl Default for Style {
    /// No colour, 100 columns: what snapshots and logs get.
    fn default() -> Self {
        Style {
            color: false,
            width: 100,
        }
    }
}

pub fn render(report: &Report, style: Style) -> String {
    let theme = if style.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(style.width)
        .with_context_lines(0);
    let mut out = String::new();
    let by_status = |status: Status| report.findings.iter().filter(move |f| f.status == status);

    for finding in by_status(Status::Contradiction) {
        let diagnostic = ContradictionDiagnostic::new(report, finding);
        let _ = handler.render_report(&mut out, &diagnostic);
        out.push('\n');
    }

    let agreements: Vec<&Finding> = by_status(Status::Agreement).collect();
    if !agreements.is_empty() {
        out.push_str("Agreements\n");
        for finding in agreements {
            section(&mut out, report, finding, "✔");
        }
        out.push('\n');
    }
    let single: Vec<&Finding> = by_status(Status::SingleSource).collect();
    if !single.is_empty() {
        out.push_str("Single source (nothing to cross-check against)\n");
        for finding in single {
            section(&mut out, report, finding, "•");
        }
        out.push('\n');
    }
    if !report.warnings.is_empty() {
        out.push_str("Warnings\n");
        for w in &report.warnings {
            match w.line {
                Some(line) => {
                    let _ = writeln!(
                        out,
                        "  ⚠ {}:{}: {}",
                        inert::line(&w.path),
                        line,
                        inert::line(&w.message)
                    );
                }
                None => {
                    let _ = writeln!(out, "  ⚠ {}: {}", inert::line(&w.path), inert::line(&w.message));
                }
            }
        }
        out.push('\n');
    }
    out.push_str(&summary_line(report));
    out.push('\n');
    out
}

/// `5 documents, 14 claims: 1 contradiction, 3 agreements, 4 single-source, 0 warnings`
pub fn summary_line(report: &Report) -> String {
    let s = report.summary();
    let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    format!(
        "{}, {}: {}, {}, {}, {}",
        plural(s.documents, "document", "documents"),
        plural(s.claims, "claim", "claims"),
        plural(s.contradictions, "contradiction", "contradictions"),
        plural(s.agreements, "agreement", "agreements"),
        plural(s.single_source, "single-source subject", "single-source subjects"),
        plural(s.warnings, "warning", "warnings"),
    )
}

fn section(out: &mut String, report: &Report, finding: &Finding, mark: &str) {
    let _ = write!(out, "  {mark} {}", finding.subject);
    if let Some(d) = report.describe(finding) {
        let _ = write!(out, ": {}", first_sentence(d));
    }
    out.push('\n');
    for claim in report.claims_of(finding) {
        let _ = writeln!(
            out,
            "      {} — {}:{}:{} ({}, {}) “{}”",
            describe_value(&claim.value),
            inert::line(claim.path()),
            claim.span.line,
            claim.span.column,
            inert::line(claim.outlet()),
            inert::line(claim.lang()),
            inert::line(&one_line(claim.quote()))
        );
    }
}

/// `a`, `a and b`, `a, b and c`.
fn join_and(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// A contradiction, drawn as an error with one snippet per conflicting claim.
#[derive(Debug)]
struct ContradictionDiagnostic {
    message: String,
    help: String,
    claims: Vec<ClaimSnippet>,
}

impl ContradictionDiagnostic {
    fn new(report: &Report, finding: &Finding) -> ContradictionDiagnostic {
        let claims: Vec<&Claim> = report.conflicting(finding).map(|(_, c)| c).collect();
        // Outlets grouped by what they say: "fixture says 60 days; outlet-001
        // and AFP say 50 days".
        let mut said: Vec<(String, Vec<&str>)> = Vec::new();
        for c in &claims {
            let value = describe_value(&c.value);
            match said.iter_mut().find(|(v, _)| *v == value) {
                Some((_, outlets)) if outlets.contains(&c.outlet()) => {}
                Some((_, outlets)) => outlets.push(c.outlet()),
                None => said.push((value, vec![c.outlet()])),
            }
        }
        let said: Vec<String> = said
            .iter()
            .map(|(value, outlets)| {
                let verb = if outlets.len() == 1 { "says" } else { "say" };
                let outlets: Vec<String> = outlets.iter().map(|o| inert::line(o).into_owned()).collect();
                let outlets: Vec<&str> = outlets.iter().map(String::as_str).collect();
                format!("{} {verb} {value}", join_and(&outlets))
            })
            .collect();
        let mut message = format!("contradiction on `{}`: {}", finding.subject, said.join("; "));
        if let Some(d) = report.describe(finding) {
            message.push_str(&format!("\n{}", first_sentence(d)));
        }
        let n = finding.conflicts.len();
        let help = format!(
            "{n} incompatible pair{} of statements; `--format json` lists them under `conflicts`",
            if n == 1 { "" } else { "s" }
        );
        ContradictionDiagnostic {
            message,
            help,
            claims: claims.into_iter().map(ClaimSnippet::new).collect(),
        }
    }
}

impl fmt::Display for ContradictionDiagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ContradictionDiagnostic {}

impl Diagnostic for ContradictionDiagnostic {
    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(&self.help))
    }

    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn Diagnostic> + 'a>> {
        Some(Box::new(self.claims.iter().map(|c| c as &dyn Diagnostic)))
    }
}

/// One claim shown in its words: the quote, placed at its line and column.
#[derive(Debug)]
struct ClaimSnippet {
    message: String,
    path: String,
    quote: String,
    line: usize,
    column: usize,
    /// The value's words, relative to the quote.
    value: SourceSpan,
    /// Where the value's words start in the file: the quote alone cannot
    /// say when it is the decoded text of a JSON Lines record.
    value_line: usize,
    value_column: usize,
    label: String,
}

impl ClaimSnippet {
    fn new(claim: &Claim) -> ClaimSnippet {
        let start = claim.value_span.start.saturating_sub(claim.span.start) as usize;
        let len = claim.value_span.end.saturating_sub(claim.value_span.start) as usize;
        // The quote is shown inert; the value's place is measured in the
        // inert text, where an escape takes more bytes than its character.
        let raw = claim.quote();
        let cut = |at: usize| {
            let mut at = at.min(raw.len());
            while !raw.is_char_boundary(at) {
                at -= 1;
            }
            at
        };
        let (start_raw, end_raw) = (cut(start), cut(start + len));
        let start = inert::lines(&raw[..start_raw]).len();
        let len = inert::lines(&raw[start_raw..end_raw]).len();
        ClaimSnippet {
            message: format!(
                "{}, {}, {} (rule {})",
                inert::line(claim.outlet()),
                inert::line(claim.lang()),
                claim
                    .published()
                    .map_or("undated".to_string(), |d| format!("published {d}")),
                claim.rule(),
            ),
            path: inert::line(claim.path()).into_owned(),
            quote: inert::lines(raw).into_owned(),
            line: claim.span.line as usize,
            column: claim.span.column as usize,
            value: SourceSpan::new(start.into(), len),
            value_line: claim.value_span.line as usize,
            value_column: claim.value_span.column as usize,
            label: match claim.resolved_from {
                Some(from) => format!("{} (read {})", describe_value(&claim.value), from.describe()),
                None => describe_value(&claim.value),
            },
        }
    }
}

impl fmt::Display for ClaimSnippet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ClaimSnippet {}

impl Diagnostic for ClaimSnippet {
    fn severity(&self) -> Option<Severity> {
        Some(Severity::Advice)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(self)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(std::iter::once(LabeledSpan::new_with_span(
            Some(self.label.clone()),
            self.value,
        ))))
    }
}

impl SourceCode for ClaimSnippet {
    fn read_span<'a>(
        &'a self,
        _span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn miette::SpanContents<'a> + 'a>, miette::MietteError> {
        // The quote stands for the file: its first line is the claim's line.
        let lines = self.quote.matches('\n').count() + 1;
        let (line, column) = if before == 0 && after == 0 {
            // The header's `path:line:column`: of the value, the one label.
            (self.value_line, self.value_column)
        } else {
            (self.line, self.column)
        };
        Ok(Box::new(miette::MietteSpanContents::new_named(
            self.path.clone(),
            self.quote.as_bytes(),
            SourceSpan::new(0.into(), self.quote.len()),
            line.saturating_sub(1),
            column.saturating_sub(1),
            lines,
        )))
    }
}
