//! What check, extract and compare share: rules and cache prepared, baseline, suppressions, delivery.

use super::{exit, print_rule_errors, verdict, CheckOptions, Output};
use crate::baseline;
use crate::corpus;
use crate::report;
use crate::rules::{self, RuleSet};
use std::io::Write;

/// The rules of a run that extracts (`check`, `extract`): their files read
/// and hashed, the claims cache opened, and the rules compiled now unless
/// the cache knows the rule set (then only if an article is missing).
pub(super) struct Prepared {
    rules: crate::Rules<'static>,
    pub(super) rules_hash: crate::cache::Hash,
    pub(super) catalog: Vec<report::RuleEntry>,
    pub(super) cache: Option<crate::cache::Cache>,
    session: Option<crate::cache::Session>,
}

pub(super) fn prepare_rules(options: &CheckOptions, io: &mut Output) -> Option<Prepared> {
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
    pub(super) fn gather(
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
pub(super) fn read_baseline(
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
pub(super) fn suppress_claims(
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

/// Prints a run's report in its format (to `--output` or standard output),
/// writes the baseline when asked, and gives the exit code: what `check`
/// and `compare` share once the report is made.
pub(super) fn deliver(
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
