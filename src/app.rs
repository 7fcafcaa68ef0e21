//! The commands, as the CLI runs them: load inputs, run the pipeline, print,
//! and say which exit code applies. Arguments are parsed in `main.rs`.

use crate::baseline;
use crate::corpus::{self, LoadOptions};
use crate::french::Placeholder;
use crate::normalize::{self, Context, NormalizeError};
use crate::report;
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

/// The report formats of `check` (one printer each: `report::print`).
pub use crate::report::Format;

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

/// `recoupe check`: returns the exit code.
pub fn check(options: &CheckOptions, io: &mut Output) -> i32 {
    if let (Some(output), Some(baseline)) = (&options.output, &options.write_baseline) {
        if same_file(output, baseline) {
            let _ = writeln!(
                io.err,
                "error: --output and --write-baseline name the same file, {}: one would replace the other",
                output.display()
            );
            let _ = writeln!(io.err, "  help: write the report and the baseline to two files");
            return exit::ERROR;
        }
    }
    let Some(mut prepared) = prepare_rules(options, io) else {
        return exit::ERROR;
    };
    let Ok((known, claim_entries)) = read_baseline(options, io) else {
        return exit::ERROR;
    };
    let Ok(mut inputs) = list_inputs(options, io) else {
        return exit::ERROR;
    };
    let new_paths = if options.new.is_empty() {
        None
    } else {
        match add_new_articles(&mut inputs, &options.new, io) {
            Ok(paths) => Some(paths),
            Err(code) => return code,
        }
    };
    let bar = options
        .progress
        .then(|| progress::Bar::new(inputs.files.len() + inputs.documents.len(), &inputs.files));
    let scope = crate::Scope {
        new_paths,
        known,
        sentences: options.format.shows_sentences(),
        progress: bar.as_ref().map(progress::Bar::ticker),
        aliases: options.aliases.clone(),
        suppress_claims: suppress_claims(options, &claim_entries),
    };
    let Some((gathered, failures)) = prepared.gather(inputs, &scope, false, options.quiet, io) else {
        return exit::ERROR;
    };
    let mut report = crate::finish(gathered, &prepared.catalog, failures, &scope);
    report.config = options.config.clone();
    // The bar is gone before anything else is written.
    drop(scope);
    if let Some(bar) = bar {
        bar.finish();
    }
    let code = deliver(&report, options, &claim_entries, io);
    // The cache's connection is closed here (SQLite folds the run's writes
    // into the file); the rest can go.
    drop(prepared.cache.take());
    free_elsewhere((report, prepared));
    code
}

/// Frees a run's data on another thread: freeing 10,000 documents' claims
/// takes milliseconds that the answer need not wait for (the process ends,
/// or a library caller goes on, while it happens).
fn free_elsewhere<T: Send + 'static>(data: T) {
    // Without a thread, the data is freed here, with the closure.
    let _ = std::thread::Builder::new().spawn(move || drop(data));
}

/// `recoupe extract`: the records of the articles below `options.paths`
/// (and those `files_from` names, one path a line), with the rule set's
/// header, as a shard file for `recoupe compare`. Exit 0, or 2 when the run
/// cannot be carried out.
pub fn extract(options: &CheckOptions, files_from: Option<&std::path::Path>, io: &mut Output) -> i32 {
    let mut options = options.clone();
    if let Some(list) = files_from {
        let text = if list.as_os_str() == "-" {
            let mut text = String::new();
            std::io::Read::read_to_string(&mut *io.stdin, &mut text).map(|_| text)
        } else {
            std::fs::read_to_string(list)
        };
        match text {
            Ok(text) => options
                .paths
                .extend(text.lines().filter(|l| !l.trim().is_empty()).map(PathBuf::from)),
            Err(e) => {
                let _ = writeln!(io.err, "error: cannot read the list of files {}: {e}", list.display());
                return exit::ERROR;
            }
        }
    }
    if options.paths.is_empty() {
        let _ = writeln!(io.err, "error: no article to extract");
        let _ = writeln!(io.err, "  help: give files or folders, or --files-from FILE");
        return exit::ERROR;
    }
    let Some(mut prepared) = prepare_rules(&options, io) else {
        return exit::ERROR;
    };
    let Ok(inputs) = list_inputs(&options, io) else {
        return exit::ERROR;
    };
    let scope = crate::Scope::default();
    let Some((gathered, failures)) = prepared.gather(inputs, &scope, true, options.quiet, io) else {
        return exit::ERROR;
    };
    let header = crate::shard::Header::new(&prepared.rules_hash, &prepared.catalog);
    let mut lines = gathered.records;
    if !failures.is_empty() {
        lines.push(crate::RecordLine::of(&crate::record::Extracted::warnings_only(
            &failures,
        )));
        lines.sort_unstable();
    }
    let write = |w: &mut dyn Write| -> std::io::Result<()> {
        writeln!(w, "{}", header.line())?;
        for line in &lines {
            w.write_all(line.json.as_bytes())?;
            w.write_all(b"\n")?;
        }
        Ok(())
    };
    let written = match &options.output {
        Some(path) => {
            crate::atomic::write(path, |w| write(w)).map_err(|e| format!("cannot write {}: {e}", path.display()))
        }
        None => {
            let mut w = std::io::BufWriter::new(&mut *io.out);
            match write(&mut w).and_then(|()| w.flush()) {
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                other => other.map_err(|e| format!("cannot write the records: {e}")),
            }
        }
    };
    if let Err(message) = written {
        let _ = writeln!(io.err, "error: {message}");
        return exit::ERROR;
    }
    exit::OK
}

/// `recoupe compare SHARD...`: the report of the documents of shard files
/// (`recoupe extract`), as `check` gives it for the same articles: the same
/// comparison and printers, flags and exit codes. `options.paths` are the
/// shards.
pub fn compare(options: &CheckOptions, io: &mut Output) -> i32 {
    let shard_error = |io: &mut Output, e: &crate::shard::ShardError| {
        let _ = writeln!(io.err, "error: {e}");
        let _ = writeln!(
            io.err,
            "  help: give the files `recoupe extract --output FILE` wrote, all with the same rules"
        );
        exit::ERROR
    };
    let Some(first) = options.paths.first() else {
        let _ = writeln!(io.err, "error: no shard to compare");
        let _ = writeln!(io.err, "  help: recoupe compare shard-1.jsonl shard-2.jsonl");
        return exit::ERROR;
    };
    let header = match crate::shard::first_header(first) {
        Ok(header) => header,
        Err(e) => return shard_error(io, &e),
    };
    let catalog = match header.catalog() {
        Ok(catalog) => catalog,
        Err(message) => {
            let e = crate::shard::ShardError {
                file: corpus::display_path(first),
                line: Some(1),
                message: format!("not a shard header: {message}"),
            };
            return shard_error(io, &e);
        }
    };
    let Ok((known, claim_entries)) = read_baseline(options, io) else {
        return exit::ERROR;
    };
    let sentences = options.format.shows_sentences();
    let mut collect = crate::Collect::new(&catalog, sentences);
    if let Err(e) = crate::shard::read(&options.paths, &header, first, |r| collect.add(r)) {
        return shard_error(io, &e);
    }
    let gathered = collect.done();
    let new_paths = if options.new.is_empty() {
        None
    } else {
        let documents: std::collections::HashSet<&str> = gathered.documents.iter().map(|d| d.source.path()).collect();
        let mut paths = std::collections::BTreeSet::new();
        for path in &options.new {
            let shown = corpus::display_path(path);
            if !documents.contains(shown.as_str()) {
                let _ = writeln!(io.err, "error: --new {shown}: no document of the shards has this path");
                let _ = writeln!(
                    io.err,
                    "  help: name the new article as the shards show it (the path `recoupe extract` was given)"
                );
                return exit::ERROR;
            }
            paths.insert(shown);
        }
        Some(paths)
    };
    let scope = crate::Scope {
        new_paths,
        known,
        sentences,
        progress: None,
        aliases: options.aliases.clone(),
        suppress_claims: suppress_claims(options, &claim_entries),
    };
    let mut report = crate::finish(gathered, &catalog, Vec::new(), &scope);
    report.config = options.config.clone();
    deliver(&report, options, &claim_entries, io)
}

/// The rules of a run that extracts (`check`, `extract`): their files read
/// and hashed, the claims cache opened, and the rules compiled now unless
/// the cache knows the rule set (then only if an article is missing).
struct Prepared {
    rules: crate::Rules<'static>,
    rules_hash: crate::cache::Hash,
    catalog: Vec<report::RuleEntry>,
    cache: Option<crate::cache::Cache>,
    session: Option<crate::cache::Session>,
}

fn prepare_rules(options: &CheckOptions, io: &mut Output) -> Option<Prepared> {
    let sources = match rules::read_sources(&options.rules) {
        Ok(sources) => sources,
        Err(errors) => {
            print_rule_errors(&errors, io);
            return None;
        }
    };
    let rules_hash = crate::cache::rules_hash(&sources);
    let cache = options
        .cache
        .as_deref()
        .and_then(|path| open_cache(path, options.quiet, io));
    let session = cache.as_ref().and_then(|c| {
        let context = crate::cache::context(&rules_hash, options.load.max_file_size);
        c.session(context)
            .map_err(|e| cache_warning(io, options.quiet, &format!("{e}: the run goes on without it")))
            .ok()
    });
    let rules = crate::Rules::lazy(sources);
    // With the rule set in the cache, the rules are compiled only if an
    // article is missing from it; otherwise now, so that an invalid rule
    // file stops the run before anything is read.
    let catalog = match session.as_ref().and_then(|s| s.catalog()) {
        Some(catalog) => catalog.to_vec(),
        None => match rules.get() {
            Some(set) => {
                let catalog = crate::rule_entries(set);
                if let Some(session) = &session {
                    session.store_catalog(&catalog);
                }
                catalog
            }
            None => {
                if let Some(errors) = rules.errors() {
                    print_rule_errors(errors, io);
                }
                return None;
            }
        },
    };
    Some(Prepared {
        rules,
        rules_hash,
        catalog,
        cache,
        session,
    })
}

impl Prepared {
    /// Reads and extracts the inputs (through the cache), writes what was
    /// new to the cache; the gathered run and the warnings of patterns that
    /// could not be built. `None`: the rules did not compile (said).
    fn gather(
        &mut self,
        inputs: crate::Inputs,
        scope: &crate::Scope,
        records: bool,
        quiet: bool,
        io: &mut Output,
    ) -> Option<(crate::Gathered, Vec<corpus::Warning>)> {
        let run = crate::Run {
            rules: &self.rules,
            catalog: &self.catalog,
            cache: self.session.as_ref(),
            records,
        };
        let gathered = crate::gather(inputs, &run, scope);
        if let Some(errors) = self.rules.errors() {
            print_rule_errors(errors, io);
            return None;
        }
        if let (Some(cache), Some(session)) = (self.cache.as_mut(), self.session.take()) {
            commit_cache(cache, session, quiet, io);
        }
        let failures = self.rules.compiled().map(RuleSet::failures).unwrap_or_default();
        Some((gathered, failures))
    }
}

/// The baseline's accepted conflicts and suppressed claims (none without
/// `--baseline`); `Err` when it cannot be read (said).
fn read_baseline(
    options: &CheckOptions,
    io: &mut Output,
) -> Result<(std::collections::BTreeSet<String>, Vec<baseline::ClaimEntry>), ()> {
    match &options.baseline {
        None => Ok(Default::default()),
        Some(path) => baseline::read_all(path).map_err(|message| {
            let _ = writeln!(io.err, "error: {message}");
            let _ = writeln!(
                io.err,
                "  help: write one with `recoupe check --write-baseline {}`",
                path.display()
            );
        }),
    }
}

/// The claims the baseline suppresses by fingerprint, for the scope.
fn suppress_claims(
    options: &CheckOptions,
    claim_entries: &[baseline::ClaimEntry],
) -> Option<(String, std::collections::BTreeMap<String, String>)> {
    options
        .baseline
        .as_ref()
        .filter(|_| !claim_entries.is_empty())
        .map(|path| {
            (
                corpus::display_path(path),
                claim_entries
                    .iter()
                    .map(|e| (e.fingerprint.clone(), e.reason.clone()))
                    .collect(),
            )
        })
}

/// The files and folders of a run (`--exclude` applied), the articles named
/// on the command line read; `Err` when a path cannot be used (said).
fn list_inputs(options: &CheckOptions, io: &mut Output) -> Result<crate::Inputs, i32> {
    let exclude = match exclude_set(&options.exclude) {
        Ok(set) => set,
        Err(message) => {
            let _ = writeln!(io.err, "error: {message}");
            let _ = writeln!(
                io.err,
                "  help: a glob such as `drafts`, `**/*.draft.md` or `corpus/archive/**`"
            );
            return Err(exit::ERROR);
        }
    };
    let mut inputs = match corpus::list_files_excluding(&options.paths, &exclude) {
        Ok((files, warnings)) => crate::Inputs {
            files,
            documents: Vec::new(),
            warnings,
            load: options.load.clone(),
        },
        Err(e) => {
            let _ = writeln!(io.err, "error: {e}");
            let _ = writeln!(
                io.err,
                "  help: give a file or folder of articles, e.g. `recoupe check corpus/`"
            );
            return Err(exit::ERROR);
        }
    };
    // An article named on the command line is one the user asked about: if
    // it cannot be read, the run cannot say anything about it, and exits 2
    // (only articles found by walking a folder become warnings).
    read_named_articles(&mut inputs, &options.paths, io)?;
    Ok(inputs)
}

/// Prints a run's report in its format (to `--output` or standard output),
/// writes the baseline when asked, and gives the exit code: what `check`
/// and `compare` share once the report is made.
fn deliver(
    report: &report::Report,
    options: &CheckOptions,
    claim_entries: &[baseline::ClaimEntry],
    io: &mut Output,
) -> i32 {
    // Each printer writes to a buffered writer; the JSON and SARIF printers
    // stream, so a large report is never built whole in memory.
    let settings = report::Settings {
        lang: options.report_lang,
        color: options.color && options.output.is_none(),
        show_suppressed: options.show_suppressed,
    };
    let print = |w: &mut dyn Write| report::print(options.format, report, &settings, w);
    let written = match &options.output {
        Some(path) => {
            crate::atomic::write(path, |w| print(w)).map_err(|e| format!("cannot write {}: {e}", path.display()))
        }
        None => {
            let mut w = std::io::BufWriter::new(&mut *io.out);
            match print(&mut w).and_then(|()| w.flush()) {
                // The reader went away (`recoupe check | head -1`): it has
                // read what it wanted; not an error, and nothing to say. The
                // exit code is still the run's verdict.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                other => other.map_err(|e| format!("cannot write the report: {e}")),
            }
        }
    };
    if let Err(message) = written {
        let _ = writeln!(io.err, "error: {message}");
        return exit::ERROR;
    }
    if let Some(path) = &options.write_baseline {
        let entries = baseline::entries(report);
        // The claims the baseline read suppresses stay in the one written.
        let text = baseline::render_with(&entries, claim_entries);
        if let Err(e) = crate::atomic::write(path, |w| w.write_all(text.as_bytes())) {
            let _ = writeln!(io.err, "error: cannot write {}: {e}", path.display());
            return exit::ERROR;
        }
        if !options.quiet {
            let _ = writeln!(
                io.err,
                "recoupe: wrote {} known contradiction{} to {}",
                entries.len(),
                if entries.len() == 1 { "" } else { "s" },
                path.display()
            );
        }
        // The contradictions just recorded are accepted from now on.
        return exit::OK;
    }
    verdict(report, options.fail_on, options.exit_zero)
}

/// Opens the claims cache; a file that is not one is replaced, and a cache
/// that cannot be used leaves the run without one: both with a warning on
/// standard error (unless `quiet`), never a failed run.
pub fn open_cache(path: &std::path::Path, quiet: bool, io: &mut Output) -> Option<crate::cache::Cache> {
    match crate::cache::Cache::open(path) {
        Ok((cache, replaced)) => {
            if let Some(why) = replaced {
                cache_warning(io, quiet, &why);
            }
            Some(cache)
        }
        Err(e) => {
            cache_warning(io, quiet, &format!("{e}: the run goes on without the claims cache"));
            None
        }
    }
}

/// Writes what the run found to the cache; a cache whose entries could not
/// be read is not trusted: replaced by a new one, with a warning.
pub fn commit_cache(cache: &mut crate::cache::Cache, session: crate::cache::Session, quiet: bool, io: &mut Output) {
    if let Some(why) = session.failure() {
        cache_warning(io, quiet, &format!("{why}: replaced by a new cache"));
        if let Err(e) = cache.replace() {
            cache_warning(io, quiet, &e);
            return;
        }
    }
    if let Err(e) = cache.commit(session) {
        cache_warning(io, quiet, &e);
    }
}

fn cache_warning(io: &mut Output, quiet: bool, message: &str) {
    if !quiet {
        let _ = writeln!(io.err, "warning: claims cache: {message}");
    }
}

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
        pub fn ticker(&self) -> crate::Progress {
            let bar = self.bar.clone();
            let shown = self.shown.clone();
            let (start, after) = (self.start, self.after);
            crate::Progress(Arc::new(move |n| {
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

/// Reads the article files named on the command line (not found in a
/// folder) before the run: one that cannot be read, or is skipped (binary,
/// empty, over the size limit), fails the run with exit code 2 and the
/// reason. JSON Lines archives are checked for being readable only: they are
/// streamed later, and their bad lines are warnings.
fn read_named_articles(inputs: &mut crate::Inputs, named: &[PathBuf], io: &mut Output) -> Result<(), i32> {
    for path in named.iter().filter(|p| p.is_file() || !p.is_dir()) {
        if !inputs.files.contains(path) {
            continue;
        }
        if corpus::json_lines::is_json_lines(path) {
            if let Err(e) = std::fs::File::open(path) {
                return Err(unreadable(io, &corpus::display_path(path), &e.to_string()));
            }
            continue;
        }
        match required(corpus::read_document(path, &inputs.load), &mut inputs.warnings) {
            Ok(document) => {
                inputs.files.retain(|f| f != path);
                inputs.documents.push(document);
            }
            Err(reasons) => return Err(unreadable(io, &corpus::display_path(path), &reasons)),
        }
    }
    Ok(())
}

/// An article the user named, as read: the document (its warnings joined to
/// `warnings`), or why it was skipped.
fn required(
    read: (Option<corpus::Document>, Vec<corpus::Warning>),
    warnings: &mut Vec<corpus::Warning>,
) -> Result<corpus::Document, String> {
    match read {
        (Some(document), more) => {
            warnings.extend(more);
            Ok(document)
        }
        (None, why) => Err(why.iter().map(|w| w.message.as_str()).collect::<Vec<_>>().join("; ")),
    }
}

/// Says that an article named on the command line cannot be checked.
fn unreadable(io: &mut Output, shown: &str, reason: &str) -> i32 {
    let _ = writeln!(io.err, "error: cannot check {shown}: {reason}");
    let _ = writeln!(
        io.err,
        "  help: an article named on the command line must be readable; name its folder instead to check the others and get a warning for it"
    );
    exit::ERROR
}

/// Whether two paths name one file: equal as written, or, when both
/// exist, after resolving links and `..`.
fn same_file(a: &std::path::Path, b: &std::path::Path) -> bool {
    if a == b {
        return true;
    }
    let resolve = |p: &std::path::Path| {
        let parent = p
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(std::path::Path::new("."));
        std::fs::canonicalize(parent)
            .ok()
            .map(|d| d.join(p.file_name().unwrap_or_default()))
    };
    matches!((resolve(a), resolve(b)), (Some(x), Some(y)) if x == y)
}

/// Adds the `--new` articles to the inputs (or marks them, when the corpus
/// already holds them) and returns their paths as shown.
fn add_new_articles(
    inputs: &mut crate::Inputs,
    new: &[PathBuf],
    io: &mut Output,
) -> Result<std::collections::BTreeSet<String>, i32> {
    let mut paths = std::collections::BTreeSet::new();
    // Each file's name as shown: asked of a few files only (a corpus of
    // 10,000 files is listed once, not once per new article).
    let listed = |shown: &str, files: &[PathBuf]| {
        let name = std::path::Path::new(shown).file_name();
        files
            .iter()
            .any(|f| f.file_name() == name && corpus::display_path(f) == shown)
    };
    for path in new {
        if path.as_os_str() == "-" {
            let read = corpus::read_from(STDIN_PATH.to_string(), &mut *io.stdin, &inputs.load);
            match required(read, &mut inputs.warnings) {
                Ok(document) => {
                    paths.insert(document.path.clone());
                    inputs.documents.push(document);
                }
                Err(reasons) => return Err(new_unreadable(io, STDIN_PATH, &reasons)),
            }
            continue;
        }
        let shown = corpus::display_path(path);
        if !path.is_file() {
            let _ = writeln!(io.err, "error: cannot read {shown}: no such file");
            let _ = writeln!(io.err, "  help: --new takes article files (or - for standard input)");
            return Err(exit::ERROR);
        }
        // The new article must be read: a CI run that checks nothing must
        // not pass. A JSON Lines archive is streamed later (its bad lines are
        // warnings), but must open.
        if corpus::json_lines::is_json_lines(path) {
            if let Err(e) = std::fs::File::open(path) {
                return Err(new_unreadable(io, &shown, &e.to_string()));
            }
            if !listed(&shown, &inputs.files) {
                inputs.files.push(path.clone());
            }
            paths.insert(shown);
            continue;
        }
        // The same file as a corpus file (named alike, or through a link):
        // read once, as the new article.
        let real = std::fs::canonicalize(path).ok();
        let same = |f: &std::path::Path| {
            (f.file_name() == path.file_name() && corpus::display_path(f) == shown)
                || real.as_ref().is_some_and(|r| {
                    f.file_name() == r.file_name() && std::fs::canonicalize(f).ok().as_ref() == Some(r)
                })
        };
        let already = inputs
            .documents
            .iter()
            .position(|d| same(std::path::Path::new(&d.path)));
        if let Some(at) = already.filter(|&at| inputs.documents[at].path != shown) {
            // Named on the command line under another name: shown as new.
            inputs.documents.remove(at);
        }
        let already = inputs.documents.iter().any(|d| d.path == shown);
        if !already {
            match required(corpus::read_document(path, &inputs.load), &mut inputs.warnings) {
                Ok(document) => {
                    // Read once: the copy found in the corpus is dropped.
                    inputs.files.retain(|f| !same(f));
                    inputs.documents.push(document);
                }
                Err(reasons) => return Err(new_unreadable(io, &shown, &reasons)),
            }
        }
        paths.insert(shown);
    }
    Ok(paths)
}

/// Says that a `--new` article cannot be checked: the CI run fails.
fn new_unreadable(io: &mut Output, shown: &str, reason: &str) -> i32 {
    let _ = writeln!(io.err, "error: cannot check the new article {shown}: {reason}");
    let _ = writeln!(
        io.err,
        "  help: fix the article (UTF-8 text with a front matter, under --max-file-size); a CI run that cannot read it must not pass"
    );
    exit::ERROR
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

/// `recoupe normalize`: prints the value object, or says why there is none.
pub fn normalize(
    placeholder: Placeholder,
    text: &str,
    published: Option<jiff::civil::Date>,
    lang: crate::language::Lang,
    io: &mut Output,
) -> i32 {
    let ctx = Context {
        published,
        around: text,
        lang,
    };
    match normalize::normalize(placeholder, text, &ctx) {
        Ok(value) => {
            let json = report::json::value(&value, text.trim());
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
        Err(NormalizeError::OutOfCalendar) => {
            let _ = writeln!(
                io.err,
                "error: “{text}” falls outside the calendar recoupe reads (years -9999 to 9999)"
            );
            let _ = writeln!(io.err, "  help: check the --published date");
            exit::FINDINGS
        }
    }
}

/// `recoupe rules check`: exit 0 when every rule file is valid, 2 otherwise.
pub fn rules_check(dir: &std::path::Path, io: &mut Output) -> i32 {
    match load_rules(dir, io) {
        Some(set) => {
            let files: std::collections::BTreeSet<&str> = set.rules.iter().map(|r| r.file.as_str()).collect();
            let n = |n: usize, one: &str, many: &str| report::words::count(crate::language::Lang::En, n, one, many);
            let _ = writeln!(
                io.out,
                "{} in {}: all valid",
                n(set.rules.len(), "rule", "rules"),
                n(files.len(), "file", "files")
            );
            exit::OK
        }
        None => exit::ERROR,
    }
}

/// `recoupe rules test`: exit 0 when every example behaves, 1 otherwise.
pub fn rules_test(dir: &std::path::Path, filter: Option<&str>, json: bool, io: &mut Output) -> i32 {
    let Some(set) = load_rules(dir, io) else {
        return exit::ERROR;
    };
    let results = crate::rule_examples::run(&set, filter);
    if results.is_empty() {
        let _ = writeln!(io.err, "error: no rule id contains `{}`", filter.unwrap_or(""));
        let _ = writeln!(io.err, "  help: `recoupe rules list` shows the ids");
        return exit::ERROR;
    }
    let text = match json {
        true => crate::rule_examples::render_json(&results),
        false => crate::rule_examples::render(&results),
    };
    let _ = write!(io.out, "{text}");
    if results.iter().all(|r| r.passed()) {
        exit::OK
    } else {
        exit::FINDINGS
    }
}

/// `recoupe rules new ID`: a commented rule file with a frame and examples,
/// on standard output or in `output` (never over an existing file).
pub fn rules_new(id: &str, output: Option<&std::path::Path>, io: &mut Output) -> i32 {
    let valid = !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_' || c == '.')
        && id.starts_with(|c: char| c.is_ascii_alphanumeric());
    if !valid {
        let _ = writeln!(io.err, "error: `{id}` is not a rule id");
        let _ = writeln!(
            io.err,
            "  help: lowercase letters, digits and hyphens, e.g. `flood-evacuees-count`"
        );
        return exit::ERROR;
    }
    let text = crate::rule_examples::new_rule(id);
    match output {
        None => {
            let _ = write!(io.out, "{text}");
        }
        Some(path) => {
            let created = std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(path)
                .and_then(|mut f| f.write_all(text.as_bytes()));
            if let Err(e) = created {
                let _ = writeln!(io.err, "error: cannot write {}: {e}", path.display());
                if e.kind() == std::io::ErrorKind::AlreadyExists {
                    let _ = writeln!(io.err, "  help: rules new never replaces a file: choose another name");
                }
                return exit::ERROR;
            }
            let _ = writeln!(
                io.err,
                "recoupe: wrote {}; edit it, then `recoupe rules test --filter {id}`",
                path.display()
            );
        }
    }
    exit::OK
}

/// `recoupe rules list`: a table, or JSON when `json`.
pub fn rules_list(dir: &std::path::Path, json: bool, io: &mut Output) -> i32 {
    let Some(set) = load_rules(dir, io) else {
        return exit::ERROR;
    };
    let text = match json {
        true => {
            let list: Vec<serde_json::Value> = set
                .rules
                .iter()
                .map(|r| {
                    serde_json::json!({
                        "id": r.id,
                        "subject": r.subject.to_string(),
                        "kind": r.kind.as_str(),
                        "patterns": r.patterns.len(),
                        "examples": {"match": r.examples.matches.len(), "no_match": r.examples.no_match.len()},
                        "file": r.file,
                        "line": r.line,
                        "description": r.description,
                    })
                })
                .collect();
            serde_json::to_string_pretty(&list).unwrap_or_default() + "\n"
        }
        false => {
            let rows: Vec<[String; 6]> = set
                .rules
                .iter()
                .map(|r| {
                    [
                        r.id.clone(),
                        r.subject.to_string(),
                        r.kind.to_string(),
                        r.patterns.len().to_string(),
                        format!("{}+{}", r.examples.matches.len(), r.examples.no_match.len()),
                        format!("{}:{}", r.file, r.line),
                    ]
                })
                .collect();
            table(&["id", "subject", "kind", "patterns", "examples", "file"], &rows)
        }
    };
    let _ = write!(io.out, "{text}");
    exit::OK
}

/// A plain text table, columns padded to their widest cell.
fn table<const N: usize>(header: &[&str; N], rows: &[[String; N]]) -> String {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    let mut line = |cells: Vec<&str>| {
        let padded: Vec<String> = cells
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c}{}", " ".repeat(w - c.chars().count())))
            .collect();
        out.push_str(padded.join("  ").trim_end());
        out.push('\n');
    };
    line(header.to_vec());
    for row in rows {
        line(row.iter().map(String::as_str).collect());
    }
    out
}

/// `recoupe rules explain ID`.
pub fn rules_explain(dir: &std::path::Path, id: &str, articles: &[std::path::PathBuf], io: &mut Output) -> i32 {
    let Some(set) = load_rules(dir, io) else {
        return exit::ERROR;
    };
    let Some(rule) = set.get(id) else {
        let _ = writeln!(io.err, "error: no rule with id `{id}`");
        let ids: Vec<&str> = set.rules.iter().map(|r| r.id.as_str()).collect();
        let _ = writeln!(io.err, "  help: the rules are: {}", ids.join(", "));
        return exit::ERROR;
    };
    use std::fmt::Write as _;
    let mut out = String::new();
    let _ = writeln!(out, "{} ({}:{})\n", rule.id, rule.file, rule.line);
    for line in rule.description.lines() {
        let _ = writeln!(out, "  {line}");
    }
    let _ = writeln!(out, "\nsubject:   {}", rule.subject);
    let _ = writeln!(out, "kind:      {}", rule.kind);
    let tolerance = match rule.tolerance {
        rules::Tolerance::Absolute(t) => report::format_number(t),
        rules::Tolerance::Relative(f) => format!("{}%", report::format_number(f * 100.0)),
    };
    let _ = writeln!(out, "tolerance: {tolerance}");
    if !rule.window.is_open() {
        let show = |d: Option<jiff::civil::Date>| d.map_or("…".to_string(), |d| d.to_string());
        let _ = writeln!(out, "published: {} to {}", show(rule.window.from), show(rule.window.to));
    }
    if let Some(frame) = &rule.frame {
        out.push_str(&describe_frame(frame));
    }
    let index = set.rules.iter().position(|r| r.id == rule.id).unwrap_or(0);
    for (i, p) in rule.patterns.iter().enumerate() {
        let _ = writeln!(
            out,
            "\npattern {}:\n  written:  {}\n  expanded: (?i){}",
            i + 1,
            p.source,
            p.expanded
        );
        // Case variants (`É`, the Kelvin sign) are searched too but say
        // nothing more to an editor.
        let requires = match set.required_words(index, i) {
            None => "nothing: runs on every article".to_string(),
            Some(words) => {
                let mut shown: Vec<String> = words
                    .iter()
                    .map(|w| format!("`{}`", rules::literals::plain(w)))
                    .collect();
                shown.sort();
                shown.dedup();
                format!("one of {}", shown.join(", "))
            }
        };
        let _ = writeln!(out, "  requires: {requires}");
    }
    let _ = writeln!(out, "\nexamples:");
    for e in &rule.examples.matches {
        let published = e.published.map(|d| format!(" (published {d})")).unwrap_or_default();
        let _ = writeln!(out, "  match:    “{}”{published} [{}]", e.text, e.lang);
    }
    for e in &rule.examples.no_match {
        let _ = writeln!(out, "  no_match: “{}” [{}]", e.text, e.lang);
    }
    let mut code = exit::OK;
    for path in articles {
        let (document, warnings) = corpus::read_document(path, &corpus::LoadOptions::default());
        let Some(document) = document else {
            for w in warnings {
                let _ = writeln!(io.err, "error: {}: {}", w.path, w.message);
            }
            code = exit::ERROR;
            continue;
        };
        let body = document.text.get(document.body_start..).unwrap_or("");
        let _ = writeln!(
            out,
            "
in {} (lang {}, {}):",
            document.path,
            document.meta.lang,
            document.meta.lang_source.as_str().replace('_', " ")
        );
        let Some(frame) = &rule.frame else {
            let _ = writeln!(out, "  the rule has no frame: its patterns are shown above");
            continue;
        };
        let Some(lang) = crate::language::Lang::from_code(&document.meta.lang) else {
            let _ = writeln!(out, "  recoupe reads French and English values: not this article");
            continue;
        };
        if !frame.reads(lang) {
            let _ = writeln!(
                out,
                "  the frame has no {lang} words for some of its constraints: it does not read this article"
            );
            continue;
        }
        let verdicts = crate::search::explain(rule, body, lang, document.meta.published);
        if verdicts.is_empty() {
            let _ = writeln!(out, "  no value of the rule's kind in the article");
        }
        let offsets: Vec<usize> = verdicts.iter().map(|(start, ..)| document.body_start + start).collect();
        let places = document.line_columns(&offsets);
        for ((_, words, verdict), (line, column)) in verdicts.into_iter().zip(places) {
            let shown = report::one_line(&words);
            match verdict {
                Ok(_) => {
                    let _ = writeln!(out, "  ✔ {line}:{column} “{shown}”: read");
                }
                Err(why) => {
                    let _ = writeln!(out, "  ✘ {line}:{column} “{shown}”: {why}");
                }
            }
        }
    }
    let _ = write!(io.out, "{out}");
    code
}

/// A frame as `rules explain` shows it: each constraint on one line.
fn describe_frame(frame: &rules::frame::Frame) -> String {
    use rules::model::Side;
    use std::fmt::Write as _;
    let mut out = String::from(
        "
frame:
",
    );
    let _ = writeln!(
        out,
        "  values:     every {{{}}} in the article",
        frame.placeholder.name()
    );
    let langs: Vec<&str> = frame.langs.iter().map(|l| l.code()).collect();
    let _ = writeln!(
        out,
        "  languages:  {} (each constraint has words for these)",
        if langs.is_empty() {
            "none".to_string()
        } else {
            langs.join(", ")
        }
    );
    if let Some(unit) = &frame.unit {
        let _ = writeln!(
            out,
            "  unit:       {} within {} words after the value",
            unit.shown(),
            frame.unit_within
        );
    }
    match frame.paired {
        Some(true) => {
            let _ = writeln!(out, "  paired:     only a figure given per side (`1000 contre 1000`)");
        }
        Some(false) => {
            let _ = writeln!(out, "  paired:     never a figure given per side");
        }
        None => {}
    }
    let side = |s: Side| match s {
        Side::Before => "before",
        Side::After => "after",
        Side::Either => "either side of",
    };
    let near_line = |label: &str, near: &rules::frame::Near| {
        format!(
            "  {label:<11} {} {} within {} words {} the value\n",
            if label == "near:" { "one of" } else { "any of" },
            near.words.shown(),
            near.within,
            side(near.side)
        )
    };
    for near in &frame.near {
        out.push_str(&near_line("near:", near));
    }
    for (scope, groups) in [
        ("sentence", &frame.sentence),
        ("passage", &frame.passage),
        ("paragraph", &frame.paragraph),
        ("document", &frame.document),
    ] {
        for group in groups {
            let _ = writeln!(out, "  {scope:<11} one of {}", group.shown());
        }
    }
    for near in &frame.not_near {
        out.push_str(&near_line("not near:", near));
    }
    for (scope, words) in [
        ("sentence", &frame.not_sentence),
        ("paragraph", &frame.not_paragraph),
        ("document", &frame.not_document),
    ] {
        if let Some(words) = words {
            let _ = writeln!(out, "  not {scope:<7} any of {}", words.shown());
        }
    }
    if !frame.when.is_open() {
        let show = |d: Option<jiff::civil::Date>| d.map_or("…".to_string(), |d| d.to_string());
        let _ = writeln!(
            out,
            "  when:       a date from {} to {}",
            show(frame.when.from),
            show(frame.when.to)
        );
    }
    out
}

/// `recoupe rules words`: the words the frames look for, sorted, once each,
/// as written (a prefix without its `*`): what `rg -F -i -f` scans for in
/// the throughput benchmark's floor.
pub fn rules_words(dir: &std::path::Path, io: &mut Output) -> i32 {
    let Some(set) = load_rules(dir, io) else {
        return exit::ERROR;
    };
    let mut words = std::collections::BTreeSet::new();
    for frame in set.rules.iter().filter_map(|r| r.frame.as_ref()) {
        let sets = frame
            .unit
            .iter()
            .chain(frame.near.iter().map(|n| &n.words))
            .chain(&frame.sentence)
            .chain(&frame.passage)
            .chain(&frame.paragraph)
            .chain(&frame.document);
        for set in sets {
            for (_, word) in &set.words {
                words.insert(word.written.trim_end_matches('*').to_string());
            }
        }
    }
    for word in &words {
        // A failed write is reported by `main`, which checks the output.
        if writeln!(io.out, "{word}").is_err() {
            break;
        }
    }
    exit::OK
}

/// `recoupe rules patterns`: every compiled regex, one per line, in a syntax
/// ripgrep accepts (`rg -f`, which joins them into one alternation: named
/// groups are made non-capturing), so that timings compare like with like.
pub fn rules_patterns(dir: &std::path::Path, io: &mut Output) -> i32 {
    let Some(set) = load_rules(dir, io) else {
        return exit::ERROR;
    };
    for rule in &set.rules {
        for p in &rule.patterns {
            let _ = writeln!(io.out, "(?i){}", rules::pattern::without_named_groups(&p.expanded));
        }
    }
    exit::OK
}
