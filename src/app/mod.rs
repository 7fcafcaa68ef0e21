//! The commands, as the CLI runs them: load inputs, run the pipeline, print,
//! and say which exit code applies. Arguments are parsed in `main.rs`.

mod check;
mod inputs;
mod normalize_command;
mod rules_commands;
mod run;
mod shard;

pub use check::check;
pub use normalize_command::normalize;
pub use rules_commands::{rules_check, rules_explain, rules_list, rules_new, rules_patterns, rules_test, rules_words};
pub use run::{commit_cache, open_cache};
pub use shard::{compare, extract};

use crate::corpus::LoadOptions;
use crate::report;
/// The report formats of `check` (one printer each: `report::print`).
pub use crate::report::Format;
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

/// What `recoupe check` was asked to do.
#[derive(Debug, Clone)]
pub struct CheckOptions {
    pub paths: Vec<PathBuf>,
    pub rules: PathBuf,
    pub format: Format,
    pub load: LoadOptions,
    /// Colours in the human report.
    pub color: bool,
    /// New articles (CI mode): only findings involving them are reported.
    /// `-` reads one article from standard input.
    pub new: Vec<PathBuf>,
    /// Contradictions accepted by this baseline do not fail the run.
    pub baseline: Option<PathBuf>,
    /// Record the run's contradictions as a baseline.
    pub write_baseline: Option<PathBuf>,
    /// Write the report here instead of standard output.
    pub output: Option<PathBuf>,
    /// The language of the words of the human, Markdown and HTML reports.
    pub report_lang: crate::language::Lang,
    /// Show a progress bar on standard error while documents are read, once
    /// the run has lasted [`progress::AFTER`]: `main` asks for it only when
    /// standard error is a terminal, outside CI, without `--quiet`.
    pub progress: bool,
    /// `--exclude`: globs of files and folders left out of the folders walked.
    pub exclude: Vec<String>,
    /// `--quiet`: no progress bar and no notes on standard error (errors
    /// are still said).
    pub quiet: bool,
    /// Which findings fail the run (`--fail-on`, `fail_on`).
    pub fail_on: crate::config::FailOn,
    /// `--exit-zero`: findings never fail the run (errors still do).
    pub exit_zero: bool,
    /// The configuration file used, as shown (the JSON's `config`).
    pub config: Option<String>,
    /// Outlet aliases: each name as written, and the outlet it names.
    pub aliases: std::collections::BTreeMap<String, String>,
    /// List the suppressed claims in the human report.
    pub show_suppressed: bool,
    /// The claims cache file; `None`: no cache (`--no-cache`).
    pub cache: Option<PathBuf>,
}

impl CheckOptions {
    /// The defaults of the command line: `corpus/` against `rules/`.
    pub fn new(paths: Vec<PathBuf>) -> CheckOptions {
        CheckOptions {
            paths,
            rules: PathBuf::from("rules"),
            format: Format::Human,
            load: LoadOptions::default(),
            color: false,
            new: Vec::new(),
            baseline: None,
            write_baseline: None,
            output: None,
            report_lang: crate::language::Lang::En,
            progress: false,
            exclude: Vec::new(),
            quiet: false,
            fail_on: crate::config::FailOn::Contradiction,
            exit_zero: false,
            config: None,
            aliases: Default::default(),
            show_suppressed: false,
            cache: None,
        }
    }
}

/// A writer that remembers its first error: commands write with `writeln!`
/// and go on, and `main` checks once at the end that everything was written.
pub struct Tracked<W: Write> {
    inner: W,
    error: Option<std::io::Error>,
}

impl<W: Write> Tracked<W> {
    pub fn new(inner: W) -> Tracked<W> {
        Tracked { inner, error: None }
    }

    /// Flushes, and returns the first error met, if any.
    pub fn finish(mut self) -> std::io::Result<()> {
        let flushed = self.inner.flush();
        match self.error.take() {
            Some(e) => Err(e),
            None => flushed,
        }
    }

    fn note<T>(&mut self, result: std::io::Result<T>) -> std::io::Result<T> {
        if let Err(e) = &result {
            if self.error.is_none() {
                self.error = Some(std::io::Error::new(e.kind(), e.to_string()));
            }
        }
        result
    }
}

impl<W: Write> Write for Tracked<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let result = self.inner.write(buf);
        self.note(result)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        let result = self.inner.flush();
        self.note(result)
    }
}

/// Where a command writes.
pub struct Output<'a> {
    pub out: &'a mut dyn Write,
    pub err: &'a mut dyn Write,
    /// Whether stderr is a terminal (colours in diagnostics).
    pub err_color: bool,
    /// Standard input, for `--new -`.
    pub stdin: &'a mut dyn std::io::Read,
}

/// The name a document read from standard input is shown under.
pub const STDIN_PATH: &str = "<stdin>";

/// The exit code of a run that went through: 1 when a finding at or above
/// `fail_on` is reported (a contradiction a baseline does not accept, of a
/// rule whose severity is `error`, or `warning` with `--fail-on warning`; with
/// `single-source`, also a subject only one outlet speaks of; with
/// `warning`, also a warning), 0 otherwise or with `--exit-zero`.
pub fn verdict(report: &report::Report, fail_on: crate::config::FailOn, exit_zero: bool) -> i32 {
    use crate::config::FailOn;
    use crate::rules::model::Severity;
    let summary = report.summary();
    // A contradiction fails the run by its rule's severity: `error` always,
    // `warning` with `--fail-on warning`, `info` never.
    let contradiction = report
        .findings
        .iter()
        .filter(|f| f.status == crate::compare::Status::Contradiction && !report.is_known(f))
        .any(|f| match report.severity(f) {
            Severity::Error => true,
            Severity::Warning => fail_on >= FailOn::Warning,
            Severity::Info => false,
        });
    let failed = contradiction
        || (fail_on >= FailOn::SingleSource && summary.single_source > 0)
        || (fail_on >= FailOn::Warning && summary.warnings > 0);
    if failed && !exit_zero {
        exit::FINDINGS
    } else {
        exit::OK
    }
}

/// Says what is wrong in a configuration file: `file:line:col: error: …`,
/// the line with the place marked, and a suggestion.
pub fn print_config_error(e: &crate::config::ConfigError, io: &mut Output) {
    match e.line_column() {
        Some((line, column)) => {
            let _ = writeln!(io.err, "{}:{line}:{column}: error: {}", e.file, e.message);
            let theme = if io.err_color {
                GraphicalTheme::unicode()
            } else {
                GraphicalTheme::unicode_nocolor()
            };
            let handler = GraphicalReportHandler::new_themed(theme).with_width(100);
            let mut diagnostic = miette::MietteDiagnostic::new(e.message.clone())
                .with_code("config::invalid")
                .with_label(miette::LabeledSpan::at(e.span.clone(), "here"));
            if let Some(help) = &e.help {
                diagnostic = diagnostic.with_help(help.clone());
            }
            let report =
                miette::Report::new(diagnostic).with_source_code(miette::NamedSource::new(&e.file, e.source.clone()));
            let mut text = String::new();
            let _ = handler.render_report(&mut text, report.as_ref());
            let _ = write!(io.err, "{text}");
        }
        None => {
            let _ = writeln!(io.err, "error: {}: {}", e.file, e.message);
            if let Some(help) = &e.help {
                let _ = writeln!(io.err, "  help: {help}");
            }
        }
    }
    let _ = writeln!(io.err, "error: invalid configuration {}", e.file);
}

/// The `--exclude` globs as one matcher, or which glob is invalid and why.
pub fn exclude_set(globs: &[String]) -> Result<globset::GlobSet, String> {
    let mut builder = globset::GlobSetBuilder::new();
    for glob in globs {
        let glob = globset::Glob::new(glob.trim_end_matches('/')).map_err(|e| format!("--exclude {glob}: {e}"))?;
        builder.add(glob);
    }
    builder.build().map_err(|e| format!("--exclude: {e}"))
}

/// The progress bar of `check`: documents read, on standard error.
pub mod progress {
    use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::Arc;
    use std::time::{Duration, Instant};

    /// A run shorter than this shows no bar: most runs end before a bar
    /// would be read. `RECOUPE_PROGRESS_AFTER_MS` changes it (the
    /// pseudo-terminal test sets 0).
    pub const AFTER: Duration = Duration::from_millis(1000);

    /// A bar that stays hidden until the run has lasted [`AFTER`].
    pub struct Bar {
        bar: ProgressBar,
        shown: Arc<AtomicBool>,
        start: Instant,
        after: Duration,
    }

    impl Bar {
        /// `count` documents to read, unless a JSON Lines archive (whose
        /// records are not counted before they are read) makes it a spinner.
        pub fn new(count: usize, files: &[std::path::PathBuf]) -> Bar {
            let archives = files.iter().any(|f| crate::corpus::json_lines::is_json_lines(f));
            let bar = if archives {
                ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden())
            } else {
                ProgressBar::with_draw_target(Some(count as u64), ProgressDrawTarget::hidden())
            };
            let template = if archives {
                "{spinner} reading articles: {human_pos} documents ({elapsed_precise})"
            } else {
                "reading articles [{bar:30}] {human_pos}/{human_len} ({elapsed_precise}, about {eta} left)"
            };
            if let Ok(style) = ProgressStyle::with_template(template) {
                bar.set_style(style.progress_chars("=> "));
            }
            let after = std::env::var("RECOUPE_PROGRESS_AFTER_MS")
                .ok()
                .and_then(|ms| ms.parse().ok())
                .map_or(AFTER, Duration::from_millis);
            Bar {
                bar,
                shown: Arc::new(AtomicBool::new(false)),
                start: Instant::now(),
                after,
            }
        }

        /// What the run calls for each document read, from any thread.
        pub fn ticker(&self) -> crate::pipeline::Progress {
            let bar = self.bar.clone();
            let shown = self.shown.clone();
            let (start, after) = (self.start, self.after);
            crate::pipeline::Progress(Arc::new(move |n| {
                bar.inc(n);
                if !shown.load(Ordering::Relaxed)
                    && start.elapsed() >= after
                    && shown
                        .compare_exchange(false, true, Ordering::AcqRel, Ordering::Relaxed)
                        .is_ok()
                {
                    bar.set_draw_target(ProgressDrawTarget::stderr());
                    bar.tick();
                    bar.enable_steady_tick(Duration::from_millis(200));
                }
            }))
        }

        /// Clears the bar from the terminal.
        pub fn finish(self) {
            self.bar.finish_and_clear();
        }
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
        if let Some(excerpt) = long_line_excerpt(d, line, column) {
            // miette's renderer cannot draw past column 65,535 (it panics),
            // and a whole long line says nothing: an excerpt around the place.
            let _ = write!(io.err, "{excerpt}");
        } else if !d.source.is_empty() {
            let _ = handler.render_report(&mut text, d);
            let _ = write!(io.err, "{text}");
        } else if let Some(help) = &d.help {
            let _ = writeln!(io.err, "  help: {help}");
        }
    }
    let _ = writeln!(io.err, "error: {errors}");
}

/// Lines longer than this are shown as an excerpt around the problem.
const LONG_LINE: usize = 2_000;

/// For a problem on a very long line, the few characters around it, with a
/// marker under it; `None` for an ordinary line.
fn long_line_excerpt(d: &rules::diagnostic::RuleDiagnostic, line: usize, column: usize) -> Option<String> {
    let text = d.source.as_str();
    let offset = d.offset.min(text.len());
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
    let whole = &text[start..end];
    if whole.chars().count() <= LONG_LINE {
        return None;
    }
    const REACH: usize = 60;
    let before: Vec<char> = text[start..offset].chars().collect();
    let from = before.len().saturating_sub(REACH);
    let shown_before: String = before[from..].iter().collect();
    let marked: String = text[offset..end].chars().take(d.len.clamp(1, REACH)).collect();
    let after: String = text[offset..end]
        .chars()
        .skip(marked.chars().count())
        .take(REACH)
        .collect();
    let lead = if from > 0 { "…" } else { "" };
    let tail = if offset + marked.len() + after.len() < end {
        "…"
    } else {
        ""
    };
    let shown = report::inert::line(&format!("{lead}{shown_before}{marked}{after}{tail}")).into_owned();
    let pad = report::inert::line(&format!("{lead}{shown_before}")).chars().count();
    let width = report::inert::line(&marked).chars().count().max(1);
    let gutter = line.to_string().len();
    let mut out = String::new();
    use std::fmt::Write as _;
    let _ = writeln!(
        out,
        "{:gutter$} ╭─[{}:{line}:{column}] (line {line} is {} characters long: an excerpt)",
        "",
        d.file,
        whole.chars().count()
    );
    let _ = writeln!(out, "{line} │ {shown}");
    let _ = writeln!(
        out,
        "{:gutter$} · {}{} {}",
        "",
        " ".repeat(pad),
        "─".repeat(width),
        d.label
    );
    if let Some(help) = &d.help {
        let _ = writeln!(out, "  help: {help}");
    }
    Some(out)
}
