//! `recoupe check`: read the corpus, extract, compare, report and choose the exit code.

use super::inputs::{add_new_articles, list_inputs, same_file};
use super::run::{deliver, prepare_rules, read_baseline, suppress_claims};
use super::{exit, progress, CheckOptions, Output};

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
    let suppress_claims = suppress_claims(options, &claim_entries);
    let scope = crate::pipeline::Scope {
        // A baseline that suppresses claims by fingerprint must see every
        // claim (to say which of its entries are unused).
        new_subjects_only: new_paths.is_some() && !options.format.lists_every_claim() && suppress_claims.is_none(),
        new_paths,
        known,
        sentences: options.format.shows_sentences(),
        progress: bar.as_ref().map(progress::Bar::ticker),
        aliases: options.aliases.clone(),
        suppress_claims,
    };
    let Some((gathered, failures)) = prepared.gather(inputs, &scope, false, options.quiet, io) else {
        return exit::ERROR;
    };
    let mut report = crate::pipeline::finish(gathered, &prepared.catalog, failures, &scope);
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
    crate::claims::free_elsewhere((report, prepared));
    code
}
