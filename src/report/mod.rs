//! The report stage: one report, one printer per format.
//!
//! [`Report`] gathers what the earlier stages produced, as plain data; each
//! format's [`Printer`], in its own file (`human`, `json`, `sarif`, `github`,
//! `junit`, `markdown`, `html`), only formats it, and [`print()`] is the one
//! entry point. Nothing here reads files or re-runs rules, so every format
//! says the same thing. What the printers share: [`inert`] (untrusted text
//! made harmless), [`escape`] (escaping by format), [`memo`] and [`words`]
//! (the memo and its words, for the formats people read).

pub mod escape;
pub mod github;
pub mod html;
pub mod human;
pub mod inert;
pub mod json;
pub mod junit;
pub mod markdown;
pub mod memo;
pub mod sarif;
pub mod sentence;
pub mod words;

pub use sentence::Sentence;

/// The formats a report is printed in (`check --format`; each variant's
/// comment is its line in `--help`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// For people: contradictions drawn in their sentences.
    Human,
    /// The stable JSON report.
    Json,
    /// SARIF 2.1.0 for code-scanning dashboards.
    Sarif,
    /// GitHub Actions annotations (::error, ::notice, ::warning).
    Github,
    /// JUnit XML for CI test reports.
    Junit,
    /// A Markdown summary for editors, e.g. a pull-request comment.
    Markdown,
    /// One self-contained HTML page: summary, outlet matrix, a card per subject, filters.
    Html,
}

impl Format {
    /// The format's printer, in its own file.
    pub fn printer(self) -> &'static dyn Printer {
        match self {
            Format::Human => &human::HumanPrinter,
            Format::Json => &json::JsonPrinter,
            Format::Sarif => &sarif::SarifPrinter,
            Format::Github => &github::GithubPrinter,
            Format::Junit => &junit::JunitPrinter,
            Format::Markdown => &markdown::MarkdownPrinter,
            Format::Html => &html::HtmlPrinter,
        }
    }

    /// Whether the format shows each claim's sentence (the HTML page): the
    /// run keeps the sentences only then ([`Report::sentences`]).
    pub fn shows_sentences(self) -> bool {
        self == Format::Html
    }

    /// Whether the format lists every claim and document of the run (JSON,
    /// HTML). The others show, in a CI run, only the findings of the new
    /// articles' subjects, and count the rest: such a run need not rebuild
    /// the other subjects' claims from the cache ([`crate::Scope::new_subjects_only`]).
    pub fn lists_every_claim(self) -> bool {
        matches!(self, Format::Json | Format::Html)
    }
}

/// What a printer is told besides the report: the language of the words
/// people read (`--report-lang`), and the human report's colours and list
/// of suppressed claims. The machine formats ignore them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    pub lang: Lang,
    pub color: bool,
    pub show_suppressed: bool,
}

impl Default for Settings {
    /// English, no colour: what snapshots and logs get.
    fn default() -> Self {
        Settings {
            lang: Lang::En,
            color: false,
            show_suppressed: false,
        }
    }
}

/// One report format: writes the whole report to `out`. Printers only
/// format the [`Report`]: they read no file and re-run no rule. The JSON
/// and SARIF printers stream; the others build their text, then write it.
pub trait Printer {
    fn print(&self, report: &Report, settings: &Settings, out: &mut dyn std::io::Write) -> std::io::Result<()>;
}

/// Prints `report` in `format`: the one entry point of the report stage.
pub fn print(
    format: Format,
    report: &Report,
    settings: &Settings,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    format.printer().print(report, settings, out)
}

use crate::compare::{Finding, Status};
use crate::corpus::Warning;
use crate::extract::{Claim, Source};
use crate::language::Lang;
use crate::value::{date_from_day_number, Interval, Kind, Range, Unit, Value};
use jiff::civil::Date;
use std::collections::BTreeSet;
use std::sync::Arc;

/// One document of the run, as reports describe it.
#[derive(Debug, Clone, PartialEq, Eq)]
///
/// Kept for every document of the run, so kept small: path, outlet and date
/// are the [`Source`] its claims share, the language is shared between
/// documents, and the other strings are boxed (no spare capacity).
pub struct DocumentEntry {
    pub source: Arc<Source>,
    /// The line of a JSON Lines record (`None` for a file of its own).
    pub line: Option<u32>,
    /// A JSON Lines record's `id`.
    pub id: Option<Box<str>>,
    pub lang: Arc<str>,
    /// How `lang` was chosen: the front matter, detection, or the default.
    pub lang_source: crate::language::LangSource,
    pub url: Option<Box<str>>,
    /// The date and time of publication, as the front matter writes it.
    pub published_at: Option<Box<str>>,
    /// Where the outlet's name came from: front matter, url, alias, unknown.
    pub outlet_source: crate::corpus::OutletSource,
    /// The outlet as the article wrote it, when the report shows it under
    /// another name (written otherwise, or an alias).
    pub outlet_written: Option<Box<str>>,
    /// Claims of this document that the run counted but did not keep: those
    /// of subjects a CI run's report does not show, served by the cache
    /// ([`crate::Scope::new_subjects_only`]). Counted in the summary.
    pub claims_not_kept: u32,
}

/// What reports need to know of a rule.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleEntry {
    pub id: String,
    pub subject: String,
    pub kind: Kind,
    pub description: String,
    /// The rule's `severity` (error unless the rule says otherwise).
    pub severity: crate::rules::model::Severity,
    /// How far apart two of its values may be and still agree: what a claim
    /// rebuilt from a record (cache, shard) is compared with.
    pub tolerance: crate::rules::Tolerance,
    /// `evolves: up`, and the subject of `revises`: how the rule's fact
    /// changes (a claim rebuilt from a record takes them from here).
    pub evolves: bool,
    pub revises: Option<String>,
}

/// Everything a run found, ready to print.
#[derive(Debug, Clone)]
pub struct Report {
    pub documents: Vec<DocumentEntry>,
    pub rules: Vec<RuleEntry>,
    pub claims: Vec<Claim>,
    pub findings: Vec<Finding>,
    pub warnings: Vec<Warning>,
    /// The new articles of a CI run (`check --new`), when there are.
    pub new_paths: Option<BTreeSet<String>>,
    /// Conflict fingerprints a baseline accepts.
    pub known: BTreeSet<String>,
    /// The sentence each claim's quote stands in, at the claim's index:
    /// kept only when a printer shows them (the HTML page), else empty.
    pub sentences: Vec<Sentence>,
    /// The configuration file the run used (`recoupe.toml`, as found from
    /// the current folder), when there was one.
    pub config: Option<String>,
    /// Claims an article suppressed (`recoupe-ignore`), with their reasons,
    /// in file order: not compared.
    pub suppressed: Vec<crate::suppress::Suppressed>,
}

/// Counts, as the JSON `summary` and the human last line give them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    pub documents: usize,
    pub claims: usize,
    pub agreements: usize,
    pub contradictions: usize,
    pub single_source: usize,
    pub warnings: usize,
    /// Contradictions whose every conflict a baseline accepts.
    pub known_contradictions: usize,
    /// Claims suppressed by their articles.
    pub suppressed: usize,
    /// Figures revised as time went on, and subjects that replace an earlier
    /// fact.
    pub revisions: usize,
    /// Dates announced that differ from the date the event was held on.
    pub announcement_divergences: usize,
}

impl Report {
    pub fn summary(&self) -> Summary {
        let count = |s: Status| self.findings.iter().filter(|f| f.status == s).count();
        Summary {
            documents: self.documents.len(),
            claims: self.claims.len() + self.documents.iter().map(|d| d.claims_not_kept as usize).sum::<usize>(),
            agreements: count(Status::Agreement),
            contradictions: count(Status::Contradiction),
            single_source: count(Status::SingleSource),
            warnings: self.warnings.len(),
            known_contradictions: self
                .findings
                .iter()
                .filter(|f| f.status == Status::Contradiction && self.is_known(f))
                .count(),
            suppressed: self.suppressed.len(),
            revisions: count(Status::Revision),
            announcement_divergences: count(Status::AnnouncementDiverges),
        }
    }

    /// Whether every conflict of a finding is accepted by the baseline.
    pub fn is_known(&self, finding: &Finding) -> bool {
        !finding.fingerprints.is_empty() && finding.fingerprints.iter().all(|f| self.known.contains(f))
    }

    /// Whether the run must fail: a contradiction the baseline does not accept.
    /// The severity of the rule that read a claim.
    pub fn claim_severity(&self, claim: &Claim) -> crate::rules::model::Severity {
        self.rules
            .iter()
            .find(|r| r.id == claim.rule())
            .map_or_else(Default::default, |r| r.severity)
    }

    /// A finding's severity: the highest of its claims' rules.
    pub fn severity(&self, finding: &Finding) -> crate::rules::model::Severity {
        finding
            .claims
            .iter()
            .filter_map(|&i| self.claim(i))
            .map(|c| self.claim_severity(c))
            .max()
            .unwrap_or_default()
    }

    pub fn has_contradictions(&self) -> bool {
        self.findings
            .iter()
            .any(|f| f.status == Status::Contradiction && !self.is_known(f))
    }

    /// Whether a claim comes from a new article (every claim is, outside CI mode).
    pub fn is_new(&self, claim: &Claim) -> bool {
        self.new_paths.as_ref().is_none_or(|n| n.contains(claim.path()))
    }

    /// The claim at an index of a finding.
    pub fn claim(&self, index: usize) -> Option<&Claim> {
        self.claims.get(index)
    }

    /// The sentence around the claim at an index, when the run kept them.
    pub fn sentence(&self, index: usize) -> Option<&Sentence> {
        self.sentences.get(index)
    }

    /// The claims of a finding, in claim order.
    pub fn claims_of<'a>(&'a self, finding: &'a Finding) -> impl Iterator<Item = &'a Claim> + 'a {
        finding.claims.iter().filter_map(|&i| self.claim(i))
    }

    /// The claims of a finding that take part in a conflict, with their
    /// indices.
    pub fn conflicting<'a>(&'a self, finding: &'a Finding) -> impl Iterator<Item = (usize, &'a Claim)> + 'a {
        finding
            .conflicting
            .iter()
            .filter_map(|&(i, _)| self.claim(i).map(|c| (i, c)))
    }

    /// What a conflicting claim is in conflict with: the statement on the
    /// other side of each conflict its own statement takes part in.
    pub fn partners<'a>(&'a self, finding: &'a Finding, claim: usize) -> Vec<&'a Claim> {
        let Some((_, statement)) = finding.conflicting.iter().find(|(i, _)| *i == claim) else {
            return Vec::new();
        };
        finding
            .conflicts
            .iter()
            .filter_map(|(a, b)| {
                if a == statement {
                    Some(b)
                } else if b == statement {
                    Some(a)
                } else {
                    None
                }
            })
            .filter_map(|&i| self.claim(i))
            .collect()
    }

    /// The description of the rule behind a subject's first claim.
    pub fn describe(&self, finding: &Finding) -> Option<&str> {
        let first = finding.claims.first().and_then(|&i| self.claim(i))?;
        self.rules
            .iter()
            .find(|r| r.id == first.rule())
            .map(|r| r.description.as_str())
    }
}

/// An interval bound as reports write it: a number, an ISO date or nothing.
#[derive(Debug, Clone, PartialEq)]
pub enum BoundText {
    Number(f64),
    Date(String),
    Text(String),
    Unbounded,
}

/// The lower and upper ends of a value, for printing.
pub fn bounds(value: &Value) -> (BoundText, BoundText) {
    match &value.interval {
        Interval::Text(t) => (BoundText::Text(t.to_string()), BoundText::Text(t.to_string())),
        Interval::Range(r) => (bound(value.kind, r.lo), bound(value.kind, r.hi)),
    }
}

fn bound(kind: Kind, x: f64) -> BoundText {
    if !x.is_finite() {
        return BoundText::Unbounded;
    }
    match kind {
        Kind::Date => match date_from_day_number(x.round() as i32) {
            Some(d) => BoundText::Date(d.to_string()),
            None => BoundText::Unbounded,
        },
        _ => BoundText::Number(x),
    }
}

/// A number without a useless `.0`, and without float noise.
pub fn format_number(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        let s = format!("{:.6}", x);
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// The words a report language says a value with: its bounds, its units,
/// and how one point (a day, a number) is written. One shape
/// ([`describe_in`]) serves every language.
pub struct ValueWords {
    /// A text value, quoted.
    pub quote: fn(&str) -> String,
    /// One end of an interval: a day for dates, else a number.
    pub point: fn(Kind, f64) -> String,
    pub days: &'static str,
    pub percent: &'static str,
    pub one_day: &'static str,
    pub more_than: &'static str,
    pub at_least: &'static str,
    pub less_than: &'static str,
    pub at_most: &'static str,
    /// Both ends, units already on the second: `10 to 12 days`.
    pub span: fn(&str, &str) -> String,
    pub any: &'static str,
}

/// The English words of values.
pub const ENGLISH_VALUE_WORDS: ValueWords = ValueWords {
    quote: |t| format!("“{t}”"),
    point: |kind, x| match kind {
        Kind::Date => date_from_day_number(x.round() as i32)
            .map(|d| format!("{} {}", weekday_short(d), d))
            .unwrap_or_else(|| "?".into()),
        _ => format_number(x),
    },
    days: " days",
    percent: " %",
    one_day: "1 day",
    more_than: "more than",
    at_least: "at least",
    less_than: "less than",
    at_most: "at most",
    span: |lo, hi| format!("{lo} to {hi}"),
    any: "any value",
};

/// A value as a person reads it: `50 days`, `at least 1`, `Wed 2025-07-23`.
pub fn describe_value(value: &Value) -> String {
    describe_in(value, &ENGLISH_VALUE_WORDS)
}

/// A value in the words `w` of a report language.
pub fn describe_in(value: &Value, w: &ValueWords) -> String {
    let range = match &value.interval {
        Interval::Text(t) => return (w.quote)(t),
        Interval::Range(r) => r,
    };
    let one = |x: f64| (w.point)(value.kind, x);
    let unit = match (value.kind, value.unit) {
        (Kind::Duration, _) => w.days,
        (_, Some(Unit::Percent)) => w.percent,
        _ => "",
    };
    let Range {
        lo,
        hi,
        lo_open,
        hi_open,
    } = *range;
    let lo_finite =
        lo.is_finite() && !(value.kind != Kind::Date && lo == 0.0 && !lo_open && hi.is_finite() && hi > 0.0);
    match (lo_finite, hi.is_finite()) {
        _ if lo == hi => {
            if value.kind == Kind::Duration && lo == 1.0 {
                w.one_day.to_string()
            } else {
                format!("{}{unit}", one(lo))
            }
        }
        (true, false) => format!("{} {}{unit}", if lo_open { w.more_than } else { w.at_least }, one(lo)),
        (false, true) => format!("{} {}{unit}", if hi_open { w.less_than } else { w.at_most }, one(hi)),
        (true, true) => format!("{}{unit}", (w.span)(&one(lo), &one(hi))),
        (false, false) => w.any.to_string(),
    }
}

/// The first sentence of a rule description, on one line.
pub fn first_sentence(text: &str) -> String {
    let flat = one_line(text);
    match flat.find(". ") {
        Some(i) => flat[..=i].to_string(),
        None => flat,
    }
}

/// Runs of white space folded to one space.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn weekday_short(d: Date) -> &'static str {
    use jiff::civil::Weekday::*;
    match d.weekday() {
        Monday => "Mon",
        Tuesday => "Tue",
        Wednesday => "Wed",
        Thursday => "Thu",
        Friday => "Fri",
        Saturday => "Sat",
        Sunday => "Sun",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::day_number;

    fn value(kind: Kind, range: Range, unit: Option<Unit>) -> Value {
        Value {
            kind,
            interval: Interval::Range(range),
            unit,
        }
    }

    #[test]
    fn values_read_as_a_person_would_say_them() {
        assert_eq!(
            describe_value(&value(Kind::Duration, Range::exact(50.0), Some(Unit::Day))),
            "50 days"
        );
        assert_eq!(
            describe_value(&value(Kind::Number, Range::at_least(1.0), None)),
            "at least 1"
        );
        assert_eq!(
            describe_value(&value(Kind::Number, Range::more_than(50.0), None)),
            "more than 50"
        );
        assert_eq!(
            describe_value(&value(Kind::Number, Range::closed(25.0, 35.0), None)),
            "25 to 35"
        );
        assert_eq!(
            describe_value(&value(Kind::Number, Range::closed(0.0, 50.0), None)),
            "at most 50"
        );
        let wednesday = day_number(Date::constant(2025, 7, 23)) as f64;
        assert_eq!(
            describe_value(&value(Kind::Date, Range::exact(wednesday), None)),
            "Wed 2025-07-23"
        );
    }

    #[test]
    fn numbers_print_without_float_noise() {
        assert_eq!(format_number(1500000.0), "1500000");
        assert_eq!(format_number(1.5), "1.5");
        assert_eq!(format_number(0.1 + 0.2), "0.3");
    }
}
