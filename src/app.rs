//! The commands, as the CLI runs them: load inputs, run the pipeline, print,
//! and say which exit code applies. Arguments are parsed in `main.rs`.

use crate::corpus::{self, LoadOptions};
use crate::french::Placeholder;
use crate::normalize::{self, Context, NormalizeError};
use crate::report::{self, human};
use crate::rules::{self, diagnostic::RuleErrors, RuleSet};
use miette::{GraphicalReportHandler, GraphicalTheme};
use std::io::Write;
use std::path::PathBuf;

/// Exit codes: the contract with CI.
pub mod exit {
    /// No contradiction.
    pub const OK: i32 = 0;
    /// At least one contradiction (or a failed rule test).
    pub const FINDINGS: i32 = 1;
    /// The invocation cannot be carried out: bad arguments, invalid rules, a
    /// path on the command line that cannot be read.
    pub const ERROR: i32 = 2;
}

/// The report formats of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Human,
    Json,
}

/// What `recoupe check` was asked to do.
#[derive(Debug, Clone)]
pub struct CheckOptions {
    pub paths: Vec<PathBuf>,
    pub rules: PathBuf,
    pub format: Format,
    pub load: LoadOptions,
    /// Colours in the human report.
    pub color: bool,
}

/// Where a command writes.
pub struct Output<'a> {
    pub out: &'a mut dyn Write,
    pub err: &'a mut dyn Write,
    /// Whether stderr is a terminal (colours in diagnostics).
    pub err_color: bool,
}

/// `recoupe check`: returns the exit code.
pub fn check(options: &CheckOptions, io: &mut Output) -> i32 {
    let rules = match load_rules(&options.rules, io) {
        Some(r) => r,
        None => return exit::ERROR,
    };
    let corpus = match corpus::load(&options.paths, &options.load) {
        Ok(c) => c,
        Err(e) => {
            let _ = writeln!(io.err, "error: {e}");
            let _ = writeln!(io.err, "  help: give a file or folder of articles, e.g. `recoupe check corpus/`");
            return exit::ERROR;
        }
    };
    let report = crate::check(corpus, &rules);
    let text = match options.format {
        Format::Human => human::render(
            &report,
            human::Style {
                color: options.color,
                ..Default::default()
            },
        ),
        Format::Json => report::json::render(&report),
    };
    if io.out.write_all(text.as_bytes()).is_err() {
        return exit::ERROR;
    }
    if report.has_contradictions() {
        exit::FINDINGS
    } else {
        exit::OK
    }
}

/// Loads rules, printing every diagnostic on failure.
pub fn load_rules(dir: &std::path::Path, io: &mut Output) -> Option<RuleSet> {
    match rules::load_dir(dir) {
        Ok(r) => Some(r),
        Err(errors) => {
            print_rule_errors(&errors, io);
            None
        }
    }
}

/// Renders rule diagnostics: each with its snippet, then a count.
pub fn print_rule_errors(errors: &RuleErrors, io: &mut Output) {
    let theme = if io.err_color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme).with_width(100);
    for d in &errors.diagnostics {
        let (line, column) = d.line_column();
        let mut text = String::new();
        let _ = writeln!(io.err, "{}:{}:{}: error: {}", d.file, line, column, d.message);
        if !d.source.is_empty() {
            let _ = handler.render_report(&mut text, d);
            let _ = write!(io.err, "{text}");
        } else if let Some(help) = &d.help {
            let _ = writeln!(io.err, "  help: {help}");
        }
    }
    let _ = writeln!(io.err, "error: {errors}");
}

/// `recoupe normalize`: prints the value object, or says why there is none.
pub fn normalize(placeholder: Placeholder, text: &str, published: Option<jiff::civil::Date>, io: &mut Output) -> i32 {
    let ctx = Context {
        published,
        around: text,
    };
    match normalize::normalize(placeholder, text, &ctx) {
        Ok(value) => {
            let json = report::json::value(&value);
            let _ = writeln!(io.out, "{}", serde_json::to_string_pretty(&json).unwrap_or_default());
            exit::OK
        }
        Err(NormalizeError::NoValue) => {
            let _ = writeln!(io.err, "error: no {} found in “{text}”", placeholder.name());
            let _ = writeln!(io.err, "  help: try the phrase as it stands in an article, e.g. `au moins 500`, `48 heures`, `mercredi prochain`");
            exit::FINDINGS
        }
        Err(NormalizeError::Unresolved(reason)) => {
            let _ = writeln!(io.err, "error: “{text}” cannot be resolved: {reason}");
            let _ = writeln!(io.err, "  help: give the article's date with --published YYYY-MM-DD");
            exit::FINDINGS
        }
    }
}

/// `recoupe rules check`: exit 0 when every rule file is valid, 2 otherwise.
pub fn rules_check(dir: &std::path::Path, io: &mut Output) -> i32 {
    match load_rules(dir, io) {
        Some(set) => {
            let files: std::collections::BTreeSet<&str> = set.rules.iter().map(|r| r.file.as_str()).collect();
            let _ = writeln!(
                io.out,
                "{} rules in {} files: all valid",
                set.rules.len(),
                files.len()
            );
            exit::OK
        }
        None => exit::ERROR,
    }
}
