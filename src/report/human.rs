//! The human report, for editors: a memo. Each finding leads with one plain
//! line ("Contradiction — subject: AFP and outlet-001 say 50 days;
//! fixture-planted (new article) says 60 days"), then the rule's
//! description, then its quotes grouped by value, each with its outlet,
//! language, publication date and `file:line:column`. Contradictions come
//! first, then agreements, single sources, warnings and a summary line, in
//! the report language (`--report-lang`).

use super::memo::{self, Group};
use super::words::{self, Words};
use super::{first_sentence, inert, Printer, Report, Settings};
use crate::compare::Status;
use crate::language::Lang;
use std::fmt::Write;

/// The [`Printer`] of the `human` format: the memo for editors, in
/// `settings.lang`, coloured when `settings.color`.
pub struct HumanPrinter;

impl Printer for HumanPrinter {
    fn print(&self, report: &Report, settings: &Settings, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        let style = Style {
            color: settings.color,
            lang: settings.lang,
            show_suppressed: settings.show_suppressed,
            ..Default::default()
        };
        out.write_all(render(report, style).as_bytes())
    }
}

/// How the human report is drawn.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    /// ANSI colours (only on a terminal).
    pub color: bool,
    /// Columns to wrap at (kept for callers; the memo does not wrap: each
    /// line stays whole, to be searched and copied).
    pub width: usize,
    /// The language of the report's words.
    pub lang: Lang,
    /// List the claims articles suppressed, with their reasons
    /// (`--show-suppressed`); they are always counted.
    pub show_suppressed: bool,
}

impl Default for Style {
    /// No colour, English: what snapshots and logs get.
    fn default() -> Self {
        Style {
            color: false,
            width: 100,
            lang: Lang::En,
            show_suppressed: false,
        }
    }
}

/// ANSI styles, empty without colour.
struct Paint {
    color: bool,
}

impl Paint {
    fn wrap(&self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
}

pub fn render(report: &Report, style: Style) -> String {
    let words = words::words(style.lang);
    let paint = Paint { color: style.color };
    let mut out = String::new();
    for finding in memo::in_order(report) {
        let groups = memo::groups(report, finding, words);
        let verdict = memo::verdict(report, finding, words);
        let code = match finding.status {
            Status::Contradiction if report.is_known(finding) => "1;33",
            Status::Contradiction => "1;31",
            Status::AnnouncementDiverges => "1;35",
            Status::Revision => "1;36",
            Status::Agreement => "1;32",
            Status::SingleSource => "1",
        };
        let says = memo::says(&groups, words, &|o| inert::line(o).into_owned(), &|v| v.to_string());
        let _ = writeln!(
            out,
            "{} — {}{} {says}",
            paint.wrap(code, verdict),
            paint.wrap("1", &finding.subject),
            words.colon()
        );
        if let Some(d) = report.describe(finding) {
            let _ = writeln!(out, "  {}", first_sentence(d));
        }
        let text = |s: &str| inert::line(s).into_owned();
        for note in memo::notes(report, finding, words, &text, &|v| paint.wrap("1", v)) {
            let _ = writeln!(out, "  {note}");
        }
        for group in &groups {
            quotes(&mut out, report, group, words, &paint);
        }
        out.push('\n');
    }
    if !report.warnings.is_empty() {
        let _ = writeln!(out, "{}", words.warnings);
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
    if style.show_suppressed && !report.suppressed.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            match style.lang {
                Lang::En => "Suppressed",
                Lang::Fr => "Affirmations ignorées",
            }
        );
        for s in &report.suppressed {
            let c = &s.claim;
            let reason = if s.reason.is_empty() { "—" } else { s.reason.as_str() };
            let _ = writeln!(
                out,
                "  ⊘ {}:{}:{}: {} “{}” ({}) — {}",
                inert::line(c.path()),
                c.span.line,
                c.span.column,
                inert::line(c.subject()),
                inert::line(c.quote()),
                inert::line(c.outlet()),
                inert::line(reason)
            );
        }
        out.push('\n');
    }
    out.push_str(&words.summary_line(&report.summary()));
    out.push('\n');
    out
}

/// One value's quotes: `  50 days:` then a line per quote, at most
/// [`memo::QUOTES_PER_VALUE`].
fn quotes(out: &mut String, report: &Report, group: &Group, words: &Words, paint: &Paint) {
    let _ = writeln!(out, "  {}{}", paint.wrap("1", &group.value), words.colon());
    let text = |s: &str| inert::line(s).into_owned();
    for (_, claim) in group.claims.iter().take(memo::QUOTES_PER_VALUE) {
        let (before, value, after) = memo::quote_parts(claim);
        let lead = &value[..value.len() - value.trim_start().len()];
        let trail = &value[value.trim_end().len()..];
        let quote = format!("{before}{lead}{}{trail}{after}", paint.wrap("1;4", value.trim()));
        let _ = write!(
            out,
            "    {}{quote}{} {} — {}",
            words.quote_marks.0,
            words.quote_marks.1,
            memo::attribution(report, claim, words, &text),
            memo::place(claim, &text)
        );
        if let Some(reading) = memo::reading(claim, words) {
            let _ = write!(out, " → {reading}");
        }
        out.push('\n');
    }
    let more = group.claims.len().saturating_sub(memo::QUOTES_PER_VALUE);
    if more > 0 {
        let _ = writeln!(
            out,
            "    … {}{} {}",
            words::count(words.lang, more, words.more_quotes.0, words.more_quotes.1),
            words.colon(),
            words.see_json
        );
    }
}

/// `5 documents, 14 claims: 1 contradiction, 3 agreements, 4 single-source subjects, 0 warnings`
pub fn summary_line(report: &Report) -> String {
    words::EN.summary_line(&report.summary())
}
