//! `recoupe extract` and `recoupe compare`: a sharded run's two halves (records out, report from records).

use super::inputs::list_inputs;
use super::run::{deliver, prepare_rules, read_baseline, suppress_claims};
use super::{exit, CheckOptions, Output};
use crate::corpus;
use std::io::Write;
use std::path::PathBuf;

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
    let scope = crate::pipeline::Scope::default();
    let Some((gathered, failures)) = prepared.gather(inputs, &scope, true, options.quiet, io) else {
        return exit::ERROR;
    };
    let header = crate::shard::Header::new(&prepared.rules_hash, &prepared.catalog);
    let mut lines = gathered.records;
    if !failures.is_empty() {
        lines.push(crate::shard::RecordLine::of(&crate::record::Extracted::warnings_only(
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
    let mut collect = crate::pipeline::Collect::new(&catalog, sentences);
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
    let scope = crate::pipeline::Scope {
        new_paths,
        // The shards' records are all read: nothing to leave out.
        new_subjects_only: false,
        known,
        sentences,
        progress: None,
        aliases: options.aliases.clone(),
        suppress_claims: suppress_claims(options, &claim_entries),
    };
    let mut report = crate::pipeline::finish(gathered, &catalog, Vec::new(), &scope);
    report.config = options.config.clone();
    deliver(&report, options, &claim_entries, io)
}
